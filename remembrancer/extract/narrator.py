"""The narrator: who "I" and "you" are.

"I/me/my" outside quotes is the entry's author (the owner unless the entry says who wrote it); in a
chat, the speaker of the turn. Second-person narration ("You can't drink coffee anymore") is about
the person addressed: when the text names its addressee in a vocative ("..., Jack Harkness.",
"Dear Alice,"), "you" is that person, otherwise the author. A letter signed at its end ("All my love,
Granny June") was written by the one who signed it. What "I" or "you" are called ("They called me Pip")
is a name of theirs, but not a slip ("she called me Margaret again", "by mistake").
"""
from __future__ import annotations

import re
from collections import Counter

from .aliases import merge, same_person
from .base import Extraction, Mention, Person
from .cues import mention_tokens
from .people import NOT_NAMES, inside, norm, quoted

OWNER = "me"  # the name the owner goes by until they give one
FIRST = {"i", "me", "my", "mine", "myself"}
SECOND = {"you", "your", "yours", "yourself"}
# A letter's closing line, then the name it is signed with, at the very end of the text.
SIGNED = re.compile(
    r"^[ \t]*(?:with |all (?:my|our) |lots of |much |sending (?:my |our )?|(?:my|our|your) )?"
    r"(?:love|best wishes|best|warm(?:est)? (?:wishes|regards)|kind(?:est)? regards|regards|yours(?: truly| sincerely| faithfully| ever| always)?|"
    r"sincerely(?: yours)?|faithfully|fondly|affectionately|cheers|thanks|thank you|take care|hugs|ever yours|xx+)"
    r"[ \t]*[,.!]?[ \t]*\r?\n\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*[.,!]?\s*\Z",
    re.I | re.M)


def _find_or_add(ex: Extraction, name: str) -> int:
    for i, p in enumerate(ex.people):
        if same_person(p.name, name) and not p.name.lower().startswith("the "):
            return i
    ex.people.append(Person(name=name, aliases={name}))
    return len(ex.people) - 1


def _vocatives(ex: Extraction, quotes) -> Counter:
    """People named as the one spoken to, outside quotes."""
    doc, votes = ex.doc, Counter()
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind != "name" or inside(m.start, quotes) or norm(ex.text[m.start:m.end]) in NOT_NAMES:
                continue  # and not an oath: "God, you're tired" speaks to no one
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            head = span.root.head
            if span[0].lower_ in ("dear", "dearest") or before is not None and before.lower_ in ("dear", "dearest"):
                votes[p] += 2  # "Dear Marguerite," (the mention may hold the "Dear")
            elif span.root.dep_ == "appos" and head.lower_ in SECOND:
                votes[p] += 2  # "And you, Jack, will ..."
            elif before is not None and before.text == "," and after is not None and (after.is_sent_end or after.text in ".!?") \
                    and any(t.pos_ in ("VERB", "AUX") for t in doc[span.sent.start:span.start]):
                votes[p] += 1  # "... hurts you the most, Jack Harkness." (not a cry: "Oh, Matthias.")
            elif before is not None and before.text == "," and after is not None and after.text == "," and span.root.dep_ != "appos" and (
                    span.start - 1 == span.sent.start + 1 or any(t.lower_ in SECOND for t in span.sent)):
                votes[p] += 1  # "Why, Jack, you're blushing!" (not "your brother, Caspian, who sailed")
            elif span.start == span.sent.start and after is not None and after.text == "," and any(t.lower_ in SECOND for t in doc[span.end:span.sent.end]):
                votes[p] += 1  # "Jack, you know ..."
    return votes


CALL_VERBS = {"call", "name", "nickname", "christen", "dub"}
# Said of a calling that was a slip, not a name: "Dorothy called me Margaret again", "by mistake".
SLIPS = {"again", "mistakenly", "accidentally", "wrongly", "erroneously"}


def _called(ex: Extraction) -> list[list[int]]:
    """What "I" or "you" are called is a name of theirs: "They called me Pip", "She called you Kit",
    "Kit. That's what she called you." Returns [narrator, named] groups to merge."""
    at = mention_tokens(ex)  # names, and the narrator's "I"/"you"
    doc, pairs = ex.doc, {}
    for t in doc:
        if t.lemma_.lower() not in CALL_VERBS or t.pos_ != "VERB":
            continue
        me = next((at.get(c.i) for c in t.children if c.dep_ == "dobj" and c.lower_ in FIRST | SECOND), None)
        if any(c.dep_ == "neg" or c.lower_ in SLIPS or c.dep_ == "prep" and c.lower_ == "by" and any(
                g.lemma_.lower() in ("mistake", "accident") for g in c.children) for c in t.children):
            continue  # "called me Margaret again" (she took me for someone else), "never called me Pip"
        if me is None or not ex.people[me].narrator and not any(m.kind == "addressee" for m in ex.people[me].mentions):
            continue
        named = next((at[c.i] for c in t.children if c.dep_ in ("oprd", "xcomp", "attr")
                      and c.pos_ == "PROPN" and c.i in at), None)
        if named is None and t.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in t.children):
            head = t.head  # "Kit. That's what she called you": the name is the sentence before
            if head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "this", "it") for c in head.children) \
                    and head.sent.start > 0:
                before = doc[head.sent.start - 1].sent
                words = [w for w in before if not w.is_punct and not w.is_space]
                if 0 < len(words) <= 3 and all(w.pos_ == "PROPN" for w in words):
                    named = at.get(words[0].i)
        if any(w.lemma_.lower() == "name" and w.pos_ == "NOUN" for w in doc[t.i:t.sent.end]):
            continue  # "He called me Margaret, which was Mum's name": someone else's name, said of me
        if named is not None and named != me and not ex.people[named].narrator:
            pairs[named] = me
    groups = {}
    for named, me in pairs.items():
        groups.setdefault(me, [me]).append(named)
    return list(groups.values())


def _signer(ex: Extraction) -> int | None:
    """The person who signed the letter the text is ("All my love,\nGranny June"), found or added."""
    tail = ex.text[-300:]
    m = SIGNED.search(tail)
    if m is None:
        return None
    start = len(ex.text) - len(tail) + m.start(1)
    end = start + len(m.group(1))
    for p, person in enumerate(ex.people):
        if any(mm.start < end and start < mm.end and mm.kind in ("name", "title") for mm in person.mentions):
            return p
    ex.people.append(Person(name=m.group(1), aliases={m.group(1)}, mentions=[Mention(start, end, len(ex.people), "name")]))
    return len(ex.people) - 1


class Narrator:
    """Link "I" and "you" to people."""

    name = "narrator"
    version = "8"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if ex.speakers:
            return self._chat(ex)
        quotes = quoted(ex.text)
        firsts = [t for t in doc if t.lower_ in FIRST and t.pos_ == "PRON" and not inside(t.idx, quotes)]
        seconds = [t for t in doc if t.lower_ in SECOND and not inside(t.idx, quotes)]
        author = None
        if firsts:
            author = _signer(ex) if ex.author is None else None
            if author is None:
                author = _find_or_add(ex, ex.author or OWNER)
            ex.people[author].narrator = True
            ex.people[author].mentions += [Mention(t.idx, t.idx + len(t), author, "narrator") for t in firsts]
        if seconds:
            votes = _vocatives(ex, quotes)
            addressee = votes.most_common(1)[0][0] if votes else None
            second_person = len(seconds) >= 3 and len(seconds) > 2 * len(firsts)
            if addressee is None and second_person:
                addressee = _find_or_add(ex, ex.author or OWNER)
            if addressee is not None:
                person = ex.people[addressee]
                if second_person:
                    person.narrator = True
                person.mentions += [Mention(t.idx, t.idx + len(t), addressee, "addressee") for t in seconds]
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        groups = _called(ex)
        if groups:
            merge(ex, groups)
        return ex

    def _chat(self, ex: Extraction) -> Extraction:
        speakers = sorted({s for _, _, s in ex.speakers if s})
        index = {s: _find_or_add(ex, s) for s in speakers}
        for start, end, speaker in ex.speakers:
            if not speaker:
                continue
            me = index[speaker]
            others = [index[s] for s in speakers if s != speaker]
            for t in ex.doc.char_span(start, end, alignment_mode="expand") or []:
                if t.lower_ in FIRST and t.pos_ == "PRON":
                    ex.people[me].mentions.append(Mention(t.idx, t.idx + len(t), me, "narrator"))
                elif t.lower_ in SECOND and len(others) == 1:
                    ex.people[others[0]].mentions.append(Mention(t.idx, t.idx + len(t), others[0], "addressee"))
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        return ex
