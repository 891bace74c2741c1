"""The narrator: who "I" and "you" are.

"I/me/my" outside quotes is the entry's author (the owner unless the entry says who wrote it); in a
chat, the speaker of the turn. Second-person narration ("You can't drink coffee anymore") is about
the person addressed: when the text names its addressee in a vocative ("..., Jack Harkness.",
"Dear Alice,"), "you" is that person, otherwise the author. A letter signed at its end ("All my love,
Granny June", "Your loving son, Owen", "Love, Fi x") was written by the one who signed it. In a chat of two, a name or kin word a turn speaks to
("Mum, are you coming?", "Thanks, Mel!") is the other speaker. What "I" or "you" are called ("They called me Pip")
is a name of theirs, but not a slip ("she called me Margaret again", "by mistake").
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from .aliases import merge, nickname_of, same_person
from .base import Extraction, Mention, Person
from .cues import mention_tokens
from .kinds import SAYING, _speaker
from ..kin import HONORIFICS
from .people import CHAT_TITLES, FILLERS, GREETINGS, english_word, KIN_NAMES, NOT_NAMES, YOU_GREETINGS, inside, name_count, name_gender, norm, plain, quoted
from .signed import KISSES, LETTER_OPENS, signed

OWNER = "me"  # the name the owner goes by until they give one
FIRST = {"i", "me", "my", "mine", "myself"}
SECOND = {"you", "your", "yours", "yourself"}
def _find_or_add(ex: Extraction, name: str) -> int:
    for i, p in enumerate(ex.people):
        if same_person(p.name, name) and not p.name.lower().startswith("the "):
            return i
    ex.people.append(Person(name=name, aliases={name}))
    return len(ex.people) - 1


def _find_speaker(ex: Extraction, label: str, labels=frozenset(), taken=frozenset()) -> int:
    """The person a chat speaker is: one whose name fits their label ("Mel" of "Melanie"), but not a name only they say
    ("Hey Emily!" from Emi: no one calls themselves by a name other than their own), nor one another speaker's label
    names ("Sam" beside "Sam B": two speakers are two people), nor one `taken` as another speaker; else someone new."""
    turns = [(start, end) for start, end, sp in ex.speakers if sp == label]
    for i, p in enumerate(ex.people):
        if i in taken or (p.aliases | {p.name}) & (labels - {label}) or _kin_of_a_teller(ex, p):
            continue
        if same_person(p.name, label) and not p.name.lower().startswith("the ") and (label in p.aliases or not p.mentions or not all(
                any(s <= m.start < e for s, e in turns) for m in p.mentions)):
            return i
    ex.people.append(Person(name=label, aliases={label}))
    return len(ex.people) - 1


# "my lola Ana", "our mum Jean": a name said after "my" or "our" and a kin word.
MY_KIN_BEFORE = re.compile(r"\b(?:my|our)[ \t]+([a-z-]+)[ \t]+\Z", re.I)


def _kin_of_a_teller(ex: Extraction, person) -> bool:
    """Is the person named only as someone's kin ("not great, my lola Ana passed this morning")? The one who says it is
    not them, nor is any speaker who shares the name (writermerge24): no one calls a chat's speaker "my lola" by name."""
    names = [m for m in person.mentions if m.kind == "name"]
    return bool(names) and all((k := MY_KIN_BEFORE.search(ex.text[max(0, m.start - 30):m.start])) and (
        k.group(1).lower() in KIN_NAMES or k.group(1).lower() in CHAT_TITLES) for m in names)


DEAR = {"dear", "dearest", "darling"}  # a letter's greeting before a name


def _vocatives(ex: Extraction, quotes) -> Counter:
    """People named as the one spoken to, outside quotes."""
    doc, votes = ex.doc, Counter()
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind not in ("name", "title") or inside(m.start, quotes) or norm(ex.text[m.start:m.end]) in NOT_NAMES:
                continue  # and not an oath: "God, you're tired" speaks to no one
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            if m.kind == "title":  # a kin word is one spoken to only in a letter's greeting: "Dear Dad,", "Dearest Mam,"
                if span[0].lower_ in ("dear", "dearest") or before is not None and before.lower_ in ("dear", "dearest"):
                    votes[p] += 2
                continue
            after = doc[span.end] if span.end < len(doc) else None
            head = span.root.head
            if span[0].lower_ in DEAR or before is not None and before.lower_ in DEAR:
                votes[p] += 2  # "Dear Marguerite," (the mention may hold the "Dear"), "My darling Jean,"
            elif span.root.dep_ == "appos" and head.lower_ in SECOND:
                votes[p] += 2  # "And you, Jack, will ..."
            elif before is not None and before.text == "," and after is not None and (after.is_sent_end or after.text in ".!?") \
                    and any(t.pos_ in ("VERB", "AUX") for t in doc[span.sent.start:span.start]):
                votes[p] += 1  # "... hurts you the most, Jack Harkness." (not a cry: "Oh, Matthias.")
            elif before is not None and before.text == "," and after is not None and after.text == "," and span.root.dep_ != "appos" and (
                    span.start - 1 == span.sent.start + 1 or any(t.lower_ in SECOND for t in span.sent)):
                votes[p] += 1  # "Why, Jack, you're blushing!" (not "your brother, Caspian, who sailed")
            elif span.start == span.sent.start and after is not None and after.text == "," and any(t.lower_ in SECOND for t in doc[span.end:span.sent.end]) \
                    and not any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in span.root.children):
                votes[p] += 1  # "Jack, you know ..." (not "Joy, the midwife, said you have his legs")
    return votes


CALL_VERBS = {"call", "name", "nickname", "christen", "dub"}
# Said of a calling that was a slip, not a name: "Dorothy called me Margaret again", "by mistake".
SLIPS = {"again", "mistakenly", "accidentally", "wrongly", "erroneously", "sometimes", "once", "twice", "thrice"}
# ... or one said so many times: "She called me Gordon three times", "a few times".
COUNTED = {"several", "few", "many", "couple", "some"}
# An entry that speaks of a slip or a mix-up: a calling in it is one ("The slip happened again ... I don't mind him calling me Pat").
MIXUPS = {"slip", "mistake", "confuse", "muddle", "mix"}
# A calling that lasted a while was a slip too: "she called me Delyth for a bit".
WHILES = {"bit", "moment", "minute", "second", "while", "time", "spell"}


def _right_after(doc, i: int, j: int) -> bool:
    """Is token j the name said right after token i ("called me Pip", 'called me "Pip"', "called me just Pip"), not
    one the parser hung on the verb from further on ("Tyler called me at six and couldn't get a word out.\n\nEli!")?"""
    between = doc[i + 1:j]
    return 0 <= len(between) <= 2 and not any(w.is_space or "\n" in w.text_with_ws or w.pos_ in ("ADP", "VERB", "AUX")
                                              or w.is_punct and w.text not in ('"', "'", "“", "‘") for w in between)


def _called(ex: Extraction) -> list[list[int]]:
    """What "I" or "you" are called is a name of theirs: "They called me Pip", "She called you Kit",
    "Kit. That's what she called you." Returns [narrator, named] groups to merge."""
    at = mention_tokens(ex)  # names, and the narrator's "I"/"you"
    doc, pairs = ex.doc, {}
    if any(t.lemma_.lower() in MIXUPS and t.pos_ in ("NOUN", "VERB") for t in doc):
        return []
    for t in doc:
        if t.lemma_.lower() not in CALL_VERBS or t.pos_ != "VERB":
            continue
        me = next((at.get(c.i) for c in t.children if c.dep_ == "dobj" and c.lower_ in FIRST | SECOND), None)
        if any(c.dep_ == "neg" or c.lower_ in SLIPS or c.lemma_.lower() == "time" and any(
                g.dep_ == "nummod" or g.lower_ in COUNTED for g in c.children) or c.dep_ == "prep" and c.lower_ == "by" and any(
                g.lemma_.lower() in ("mistake", "accident") for g in c.children) or c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() in WHILES for g in c.children) for c in t.children):
            continue  # "called me Margaret again" (she took me for someone else), "never called me Pip"
        if me is None or not ex.people[me].narrator and not any(m.kind == "addressee" for m in ex.people[me].mentions):
            continue
        said_to = next((c.i for c in t.children if c.dep_ == "dobj" and c.lower_ in FIRST | SECOND), t.i)
        named = next((at[c.i] for c in t.children if c.dep_ in ("oprd", "xcomp", "attr")
                      and c.pos_ == "PROPN" and c.i in at and _right_after(doc, said_to, c.i)), None)
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
    """The person who signed the letter the text is ("All my love,\nGranny June"), found or added; or the one whose name
    alone ends a letter (`_bare_signer`)."""
    where = signed(ex.text)
    if where is None:
        return _bare_signer(ex)
    start, end = where
    for p, person in enumerate(ex.people):
        if any(mm.start < end and start < mm.end and mm.kind in ("name", "title") for mm in person.mentions):
            return p
    name = ex.text[start:end]
    ex.people.append(Person(name=name, aliases={name}, mentions=[Mention(start, end, len(ex.people), "name")]))
    return len(ex.people) - 1


# A letter's first line greeting its reader by name alone ("Iain,"), beside LETTER_OPENS ("Dear Iain,").
GREETED_LINE = re.compile(r"\s*(?-i:[A-Z])[\w'’-]+[ \t]*,[ \t]*\r?\n")
# A name alone, one or two words, as the last paragraph: "...\n\nDougie", "...\n\nRay Dunn x".
NAME_LAST = re.compile(r"\n[ \t]*\r?\n[ \t]*((?-i:[A-Z])[\w'’-]+(?:[ \t]+(?-i:[A-Z])[\w'’-]+)?)[ \t]*[.!]?(?:[ \t]+[Xx]+)?\s*\Z")


def _bare_signer(ex: Extraction) -> int | None:
    """The one whose name alone ends a letter, with no closing words before it (selfname23): "Dear Iain,\n\n...\n\nDougie".
    The text opens by greeting its reader; the name is a person read there (not a word the parser took for one), not a
    kin word (`signed` reads "...\n\nMum"), and not the reader greeted, who is no kin word. Returns the person, or None."""
    opens = LETTER_OPENS.match(ex.text) or GREETED_LINE.match(ex.text)
    last = NAME_LAST.search(ex.text[-200:]) if opens else None
    if last is None:
        return None
    start = len(ex.text) - len(ex.text[-200:]) + last.start(1)
    end = start + len(last.group(1))
    greeted = re.findall(r"[A-Za-z][\w'’-]*", ex.text[:opens.end()])
    if last.group(1).split()[0].lower() in KIN_NAMES or any(w.lower() in KIN_NAMES for w in greeted):
        return None  # "Dear Mum,\n\n...\n\nLiam" may as well be the writer's son's to them as theirs to their mother
    for p, person in enumerate(ex.people):
        if any(m.start == start and m.end == end and m.kind == "name" for m in person.mentions):
            greeted = any(m.kind == "name" and m.start < opens.end() for m in person.mentions)
            return None if greeted else p
    return None


# A letter pasted into an entry after words of the writer's own: its greeting opens a line after a blank one (not
# "Dear Diary,": the writer's own).
PASTED_OPENS = re.compile(r"\n[ \t]*\r?\n(?=[ \t]*(?:(?:my )?dear(?:est)?|hello|hi|hiya)[ \t]+(?!diary|journal)[^\n]{1,40},[ \t]*\r?\n)", re.I)
# A message forwarded in another's words: its header, then the one it is from ("From: Helen Tan") within a few lines.
FORWARDED = re.compile(r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded|original) message[ \t]*-{2,}|begin forwarded message:)[ \t]*\r?\n"
                       r"(?:[^\n]*\n){0,3}?[ \t]*from:[ \t]*([^\n<]+?)[ \t]*(?:<[^\n]*)?\r?\n", re.I | re.M)


PARAGRAPH = re.compile(r"\n[ \t]*\r?\n")


def _pasted(ex: Extraction, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, int | None]]:
    """Another's words copied into the text from lo to hi (writermerge24): a letter pasted in after the writer's own
    words ("Got this from Moira:\n\nDear Jean,\n\n...\n\nMoira"), to the paragraph it is signed in, or a forwarded
    message, from its "From:" line to that paragraph or the end. Their "I" is the one who signed or sent them, never the
    writer. Returns (start, end, the signer's person or None)."""
    hi = len(ex.text) if hi is None else hi
    text = ex.text[:hi]
    out = []
    for m in PASTED_OPENS.finditer(text, lo):
        if any(s <= m.start() < e for s, e, _ in out) or not _told_of(text[lo:m.start()]):
            continue
        for end in [p.start() for p in PARAGRAPH.finditer(text, m.end())] + [len(text.rstrip())]:
            head = text[:end].rstrip()
            if end > m.end() and (where := signed(head) or _named_last(head)) is not None and where[0] > m.end():
                out.append((m.end(), end, _person_at(ex, *where)))
                break
    for m in FORWARDED.finditer(text, lo):
        if any(s <= m.start() < e for s, e, _ in out):
            continue
        end = len(text.rstrip())
        for stop in [p.start() for p in PARAGRAPH.finditer(text, m.end())]:
            if (where := signed(text[:stop].rstrip())) is not None and where[0] > m.end():
                end = stop
                break
        out.append((m.start(), end, _person_at(ex, m.start(1), m.end(1))))
    return out


# Words that tell of a letter or message come: "Got this from Moira:", "Copying in Auntie Rosa's card:".
LETTER_WORDS = {"letter", "letters", "card", "note", "email", "e-mail", "message", "postcard", "got", "came", "copy",
                "copying", "pasted", "sent", "writes", "wrote"}
# The writer's own letter, told of first: "I wrote back to Gwen tonight:", "A letter I'll never send:".
MY_LETTER = re.compile(r"\bI\b[^.\n]{0,20}\b(?:wrote|write|writing|drafted|posted|send)\b|\bmy (?:letter|reply|card|note)\b", re.I)


def _told_of(before: str) -> bool:
    """Do the writer's words before a letter tell of another's letter or message come, not of one the writer wrote?
    A date or a heading alone before a letter's greeting opens the writer's own."""
    words = re.findall(r"[A-Za-z][\w'’-]*", before[-300:])
    return len(words) >= 3 and not MY_LETTER.search(before[-300:]) and any(
        w.lower() in LETTER_WORDS or w.lower() in FIRST for w in words)


def _quoted_of_another(ex: Extraction, start: int, end: int) -> list[tuple[int, int, None]]:
    """The words a chat turn quotes from someone else, told by a verb of saying whose subject is not the speaker ("Nan
    told us again: \"I was born in 1939\"", 'she said "I'm selling the house"'): their "I" is not the speaker's
    (chatwriter25). As `_pasted` returns them, with no signer."""
    out = []
    for s, e in quoted(ex.text[start:end]):
        span = ex.doc.char_span(start + s, start + e, alignment_mode="expand")
        if span is not None and len(span) and _teller(ex.doc, span[0]) is not None:
            out.append((start + s, start + e, None))
    return out


def _within(at: int, pasted) -> bool:
    return any(s <= at < e for s, e, _ in pasted)


def _theirs(ex: Extraction, firsts, pasted) -> None:
    """The "I" of words pasted in is their signer's or sender's, found where they sign."""
    for t in firsts:
        p = next((p for s, e, p in pasted if s <= t.idx < e), None)
        if p is not None:
            ex.people[p].mentions.append(Mention(t.idx, t.idx + len(t), p, "pronoun"))


def _named_last(text: str) -> tuple[int, int] | None:
    """Where a name alone ends the text as its last paragraph ("...\n\nMoira"), as `signed` returns it."""
    last = NAME_LAST.search(text[-200:])
    if last is None or last.group(1).split()[0].lower() in KIN_NAMES:
        return None
    start = len(text) - len(text[-200:]) + last.start(1)
    return start, start + len(last.group(1))


def _person_at(ex: Extraction, start: int, end: int) -> int | None:
    """The person named between start and end, if one is."""
    return next((p for p, person in enumerate(ex.people) if any(
        m.start < end and start < m.end and m.kind in ("name", "title") for m in person.mentions)), None)


CLAUSE_STARTS = {"i", "you", "we", "it"}  # a kin word said to someone, then what is said: "Mum you'll be the death of me"
SAID_WORDS = {"say", "reply", "answer", "whisper", "mutter", "go"}  # verbs of saying that take no one as their object ("asked Mum")
CALL_OPENERS = FILLERS | {"alright", "okay", "sorry", "right"}  # "it's alright Nana", "no Mum"


def _called_in_speech(doc, t) -> bool:
    """Is the kin word at token t said to someone, in words reported with no quotation marks ("She said don't worry
    Mum, it's only a check-up", "said Mum you'll be the death of me", "said no Mum."), not spoken of ("said Mum was
    better", "rang Mum, she ...", "Mum and Dad")?"""
    prev = doc[t.i - 1] if t.i > 0 else None
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    ended = nxt is None or nxt.is_space or nxt.text in (",", "!", "?", ".", "…") or nxt.lower_ in CLAUSE_STARTS
    if prev is None or not ended or any(c.dep_ in ("conj", "poss") for c in t.children) or nxt is not None and nxt.tag_ == "POS":
        return False
    told = prev.lemma_.lower() in SAID_WORDS and prev.pos_ == "VERB" or prev.lower_ in CALL_OPENERS or prev.text == ","
    verb = prev if prev.tag_ == "VB" else prev.head if prev.tag_ == "RP" else None
    bidden = verb is not None and verb.tag_ == "VB" and verb.dep_ not in ("conj", "pcomp", "acl", "relcl") and not any(
        c.dep_ in ("aux", "nsubj") and c.lower_ != "do" for c in verb.children)
    return told or bidden  # "sit down Mam, ...", "don't worry Mum it's ...": bidden to do something


def _teller(doc, t):
    """The verb of saying the words at token t are reported by, said by someone not the writer and to no one else
    named: "Hazel said ..." (not "I said", nor "said to Tom"); None if there is none."""
    start = t.sent.start if t.i - t.sent.start > 1 or t.sent.start == 0 else doc[t.sent.start - 1].sent.start
    verbs = [w for w in doc[start:t.i] if w.lemma_.lower() in SAYING and w.pos_ == "VERB"]
    verb = verbs[-1] if verbs else None  # the sentence before too, when the parser starts one at the kin word
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or (
        [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.dep_ in ("conj", "advcl", "xcomp") else [])
    if not subjects or any(c.lower_ in FIRST or c.lower_ in ("we", "us") for c in subjects):
        return None
    if any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "at") and any(g.lower_ not in FIRST for g in c.children)
           for c in verb.children):
        return None  # said to someone else
    return verb


def _kin_said_to_me(ex: Extraction, author, quotes) -> None:
    """A bare kin word said to someone in words another reports with no quotation marks ("Hazel said don't worry Mum,
    it's only a check-up", "he said it's alright Nana I'll answer to anything") is said to the writer, who tells it:
    the writer's child's "Mum", a grandchild's "Nana". Its mentions go to the writer (when "I" is read), else to no one:
    never a person of its own. Not the writer's own words ("I said sit down Mum"), nor words said to another ("said to
    Tom"), nor a kin word spoken of ("Tom said Mum was better"), nor one in quotation marks ('Kasia said "Cheers,
    Nain,"': said to whoever is there). The word is no name of the writer's: another's "Mum" is another."""
    doc = ex.doc
    for person in ex.people:
        words = person.name.split()
        if len(words) != 1 or words[0].lower() not in KIN_NAMES or person.narrator:
            continue
        for m in list(person.mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind in ("name", "title") else None
            if span is None or len(span) != 1 or inside(m.start, quotes):
                continue
            if not _called_in_speech(doc, span[0]) or _teller(doc, span[0]) is None:
                continue
            person.mentions.remove(m)
            if author is not None:
                m.person = author
                ex.people[author].mentions.append(m)


class Narrator:
    """Link "I" and "you" to people."""

    name = "narrator"
    version = "38"  # 38: chatwriter25 (two speaker labels are never found as one person, `_find_speaker`'s `taken`; the "I" of words a chat turn quotes from another, "Nan told us: \"I was born in 1939\"", is not the speaker's, `_quoted_of_another`); 37: (the lead) both 36 and writermerge24's 36; 36: writermerge24 (a letter pasted in after the writer's words of it, "Got this from Moira:\n\nDear Jean,\n\n...\n\nMoira", or a message forwarded with its "From:" line: its "I" is its signer's or sender's, never the writer's, and the entry is not signed by it, `_pasted`; a name said only as someone's kin, "my lola Ana", is no chat speaker who shares it, `_kin_of_a_teller`); 36: variants24 (`names.nickname_of`: a shortened curated nickname is said as the nickname is, "Bec" of Becca, Becky: Rebecca, `nickname_stem`; and one name spelt with another ending, "Hayley", "Hayleigh", `spelt_otherwise`); 35: selfname23 (a letter that greets its reader and ends with a name alone on its last line, "Dear Iain,\n\n...\n\nDougie", is signed by that name, `_bare_signer`; the writer's own "I'm still Win." is a name of theirs, `_still_named`); 34: writer22 (the writer's own unquoted "I'm Sister Adeyemi to them", a title or kin title and a name, is a name of theirs, `_titled_as`; an email or message signed after a closing of its own, "Love always,\nBridie", "All the best,\nJim", is signed by its speaker, `CLOSED`); 33: (the lead) both 32 and kinname21's 32; 32: kinname21 (a kin word said to the writer is theirs, no one new: a chat's "Mum my phone died", "Thanks Mam, home in ten" to the other speaker, `_kin_called`; in a diary, words reported to the writer with no quotation marks, "She said don't worry Mum", `_kin_said_to_me`); 32: deaths21 ("My darling Jean," greets Jean as "Dear Jean," does); 31: merges19 (an answer's "I am" introduces no one: "Yes I am Rita" is said to Rita, `_answer`); 30: people15 (a letter is signed though its date or a postscript follows the name, and "With all my love," closes one: `signed`); 29: (deaths13) a speaker is never found as a name another speaker's label names ("Sam" beside "Sam B"); 28: (relprec10) a letter's "you" is its reader, never the writer spoken to ("Dear Bean, ...
    # Love, Dad"), and "Joy, the midwife, said you ..." speaks to no Joy; 27: the name the writer writes as their own ("I signed my name in the big book. Maisie Ann
    # Thornton.": `_name_written`); 26: joins8's 25 (a kin word before a name is no title in the way of a nickname, aliases.same_person) and people8's 25 ("Love,\nMe" signs as the writer, no one new); 23: a name hung on "called me" from further on (a phone call, then "Eli!") is not mine; 24: and (chatjoin) the "love" of a sign-off opens it ("I do love Toby!" signs nothing), a speaker is not one only they name

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if ex.speakers:
            return self._chat(ex)
        quotes = quoted(ex.text)
        pasted = _pasted(ex)
        firsts = [t for t in doc if t.lower_ in FIRST and t.pos_ == "PRON" and not inside(t.idx, quotes)]
        _theirs(ex, firsts, pasted)
        firsts = [t for t in firsts if not _within(t.idx, pasted)]
        seconds = [t for t in doc if t.lower_ in SECOND and not inside(t.idx, quotes)]
        author = None
        ends_pasted = any(e >= len(ex.text.rstrip()) for _, e, _ in pasted)  # its signer signed the letter pasted in
        if firsts:
            author = _signer(ex) if ex.author is None and not ends_pasted else None
            if author is None:
                author = _find_or_add(ex, ex.author or OWNER)
            ex.people[author].narrator = True
            ex.people[author].mentions += [Mention(t.idx, t.idx + len(t), author, "narrator") for t in firsts]
        elif ex.author is None and not ends_pasted and (signer := _signer(ex)) is not None:
            ex.people[signer].narrator = True  # a letter with no "I" is still its signer's ("...\n\nLove,\nGrandad")
        if seconds:
            votes = _vocatives(ex, quotes)
            addressee = votes.most_common(1)[0][0] if votes else None
            second_person = len(seconds) >= 3 and len(seconds) > 2 * len(firsts)
            if addressee is None and second_person and not (LETTER_OPENS.match(ex.text) or signed(ex.text)):
                addressee = _find_or_add(ex, ex.author or OWNER)  # "you" to oneself; in a letter, to its reader
            if addressee is not None:
                person = ex.people[addressee]
                if second_person:
                    person.narrator = True
                person.mentions += [Mention(t.idx, t.idx + len(t), addressee, "addressee") for t in seconds]
        _kin_said_to_me(ex, author, quotes)
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        groups = _called(ex) or _my_name(ex) or _name_written(ex)
        if groups:
            merge(ex, groups)
            for person in ex.people:
                if person.narrator and OWNER in person.aliases:
                    person.name = OWNER  # the writer keeps their place however full a name they give ("My name is Sarah Price")
        return ex

    def _chat(self, ex: Extraction) -> Extraction:
        speakers = sorted({s for _, _, s in ex.speakers if s})
        index = {}
        for s in speakers:  # two labels are two people, however well one person's names fit both (chatwriter25)
            index[s] = _find_speaker(ex, s, frozenset(speakers), frozenset(index.values()))
        for s, p in index.items():
            ex.people[p].aliases.add(s)  # a speaker found under a fuller name ("Eleanor Hughes") is still "Eleanor"
            if len(s.split()) == len(ex.people[p].name.split()) and len(s) > len(ex.people[p].name):
                ex.people[p].name = s  # and one found under a short form ("Bea") is known by the chat's name ("Beatrix")
        for start, end, speaker in ex.speakers:
            if not speaker:
                continue
            me = index[speaker]
            others = [index[s] for s in speakers if s != speaker]
            pasted = _pasted(ex, start, end) + _quoted_of_another(ex, start, end)
            tokens = list(ex.doc.char_span(start, end, alignment_mode="expand") or [])
            _theirs(ex, [t for t in tokens if t.lower_ in FIRST and t.pos_ == "PRON"], pasted)
            for t in tokens:
                if _within(t.idx, pasted):
                    continue
                if t.lower_ in FIRST and t.pos_ == "PRON":
                    ex.people[me].mentions.append(Mention(t.idx, t.idx + len(t), me, "narrator"))
                elif t.lower_ in SECOND and len(others) == 1:
                    ex.people[others[0]].mentions.append(Mention(t.idx, t.idx + len(t), others[0], "addressee"))
        _signed_turns(ex, index)
        introduced = _introduced(ex, index)
        if introduced:
            merge(ex, introduced)
            index = {s: next(p for p, person in enumerate(ex.people) if s in person.aliases) for s in index}
        groups = _spoken_to(ex, index)
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        if groups:
            merge(ex, groups)
        return ex


def _me_and_names(ex: Extraction):
    """The writer's person (the one "I" is), and where each name said starts: token -> (person, the token after it)."""
    me = next((p for p, person in enumerate(ex.people) if person.narrator and any(m.kind == "narrator" for m in person.mentions)), None)
    starts = {}
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            span = ex.doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "name" else None
            if span is not None:
                starts[span.start] = (p, span.end)
    return me, starts


def _my_name(ex: Extraction) -> list[list[int]]:
    """The name the writer gives as their own: "My name is Ciarán", or in their own quoted words ('"I'm Ciarán, the
    husband," says I'; not '"I'm Ciarán," he said', nor "I'm Ross's sister", nor "We're doing Macbeth and I'm Banquo").
    Returns [narrator, named] groups."""
    me, starts = _me_and_names(ex)
    if me is None:
        return []
    doc, quotes = ex.doc, quoted(ex.text)
    named = set()
    for t in doc:
        if t.lower_ == "i" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'m", "’m", "am") and inside(t.idx, quotes):
            said = t.i + 2  # said to someone; written, "I'm Sheila" is a part in a play as often as a name
        elif t.lower_ == "i" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'m", "’m", "am") and _titled_as(ex, doc, t.i + 2, starts):
            said = t.i + 2  # "I'm Sister Adeyemi to them": what the ward calls me, written
        elif t.lower_ == "i" and (still := _still_named(doc, t.i, starts)) is not None:
            said = still  # "I'm still Win.": who I am, whatever else has changed
        elif t.lower_ == "name" and t.i > 0 and doc[t.i - 1].lower_ == "my" and t.i + 1 < len(doc) and doc[t.i + 1].lemma_ == "be":
            said = t.i + 2
        else:
            continue
        if said not in starts or (inside(t.idx, quotes) and _speaker(doc, t.idx, quotes) != "i"):
            continue  # '"I'm Ciarán," he said': his name, not mine
        p, stop = starts[said]
        after = doc[stop] if stop < len(doc) else None
        if p == me or after is not None and (after.tag_ == "POS" or after.lower_ in ("'s", "’s") or after.pos_ in ("NOUN", "PROPN")):
            continue  # "I'm Ross's sister", "I'm Joey Tribbiani fan"
        if ex.people[p].name.split()[0].lower() in KIN_NAMES and len(ex.people[p].name.split()) < 2:
            continue  # "I'm Nana now": what I am to someone, not my name (but "I'm Aunty Funmi to them" is)
        named.add(p)
    return [[me, *sorted(named)]] if len(named) == 1 else []


# Titles the writer is called by with their surname or first name: at school, on the ward, in church, in the family.
CALLED_TITLES = {"mr", "mrs", "ms", "miss", "mister", "missus", "dr", "doctor", "nurse", "sister", "matron", "pastor",
                 "coach"} | {w for w in HONORIFICS if w in KIN_NAMES}
TITLED_AFTER = {"to", "now"}  # "I'm Mrs Iyer to them", "I'm Sister Adeyemi now"; not "I'm Aunt Sponge in the play"


def _titled_as(ex: Extraction, doc, i: int, starts) -> bool:
    """Is the name at token i, after the writer's own unquoted "I'm", a title and a name ("Sister Adeyemi", "Mrs
    Iyer", "Aunty Funmi") followed by "to them", "now" or the clause's end: what the writer is called, not a part
    played nor one the writer is of ("I'm Mrs Iyer's daughter")?"""
    if i not in starts:
        return False
    words = ex.people[starts[i][0]].name.split()
    stop = starts[i][1]
    after = doc[stop] if stop < len(doc) else None
    return len(words) >= 2 and words[0].lower().rstrip(".") in CALLED_TITLES and (
        after is None or after.lower_ in TITLED_AFTER or after.is_punct and after.text not in ("'s", "’s") or after.is_space)


def _still_named(doc, i: int, starts) -> int | None:
    """Where the name starts in the writer's own "I'm still Win." or "I'm still Bernie to the girls" (selfname23): "still"
    says it is who they are, not a part in a play; the name ends the clause or is followed by "to" or "now" (not "I'm
    still Banquo in the play"). Returns its token index, or None."""
    if not (i + 3 < len(doc) and doc[i + 1].lower_ in ("'m", "’m", "am") and doc[i + 2].lower_ == "still" and i + 3 in starts):
        return None
    stop = starts[i + 3][1]
    after = doc[stop] if stop < len(doc) else None
    ends = after is None or after.lower_ in TITLED_AFTER or after.is_space or after.is_punct and after.text not in ("'s", "’s")
    return i + 3 if ends else None


WRITING = {"sign", "write", "print", "put", "spell", "scrawl", "scribble"}


def _name_written(ex: Extraction) -> list[list[int]]:
    """The name the writer writes as their own: "I signed my name in the big book. Maisie Ann Thornton.", "Wrote my name
    on the form: Kirsty Anne McLeod" (after a colon, or alone as the next sentence); not "I wrote my name and Tom's",
    nor "Mum signed my name: Mum", nor a kin word. Returns [narrator, named] groups."""
    me, starts = _me_and_names(ex)
    if me is None:
        return []
    doc, quotes = ex.doc, quoted(ex.text)
    named = set()
    for t in doc:
        verb = t.head
        if t.lower_ != "name" or t.i == 0 or doc[t.i - 1].lower_ != "my" or inside(t.idx, quotes) or verb.lemma_.lower() not in WRITING \
                or t.dep_ != "dobj" or any(c.dep_ == "neg" or c.dep_ == "nsubj" and c.lower_ != "i" for c in verb.children):
            continue
        sent = t.sent
        colon = next((w.i for w in doc[t.i + 1:sent.end] if w.text == ":"), None)
        if colon is not None:
            at = colon + 1
        elif sent.end < len(doc):
            at = sent.end  # the next sentence, when it is the name alone
        else:
            continue
        if at not in starts:
            continue
        p, stop = starts[at]
        rest = [w for w in doc[stop:(doc[at].sent.end)] if not w.is_space]
        if p == me or any(not w.is_punct for w in rest) or ex.people[p].name.split()[0].lower() in KIN_NAMES:
            continue
        named.add(p)
    return [[me, *sorted(named)]] if len(named) == 1 else []


# Saying who one is: "I'm Rachel Green", "My name is Precious", "Hi, it's Joey" (on the phone).
GREETED = {"hi", "hello", "hey", "hiya", "yes", "yeah", "oh", "um", "uh", "well", "ok", "okay"}


def _introduced(ex: Extraction, index) -> list[list[int]]:
    """A chat speaker who says who they are is the one they name: "I'm Phoebe Buffay", "My name is Precious",
    "Hello? It's Joey." (after a greeting, at the start of a turn). Not "I'm Ross's sister" (a role), not a name
    in quotes, not one another speaker is already."""
    doc, quotes = ex.doc, quoted(ex.text)
    starts = {}  # token index -> person whose name mention starts there
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.kind == "name" and not inside(m.start, quotes):
                starts[span.start] = (p, span.end)
    speakers = set(index.values())
    pairs = {}
    for start, end, speaker in ex.speakers:
        span = doc.char_span(start, end, alignment_mode="expand") if speaker in index else None
        if span is None:
            continue
        for t in span:
            i = t.i
            said = None
            if t.lower_ == "i" and i + 1 < span.end and doc[i + 1].lower_ in ("'m", "’m", "am") and not _answer(doc, i, span):
                said = i + 2
            elif t.lower_ == "name" and i > span.start and doc[i - 1].lower_ == "my" and i + 1 < span.end and doc[i + 1].lemma_ == "be":
                said = i + 2
            elif t.lower_ == "it" and i + 1 < span.end and doc[i + 1].lower_ in ("'s", "’s") and i > span.start and all(
                    w.is_punct or w.lower_ in GREETED or w.i == i for w in doc[span.start:i]) and any(w.lower_ in GREETED for w in doc[span.start:i]):
                said = i + 2
            if said is None or said not in starts:
                continue
            p, stop = starts[said]
            after = doc[stop] if stop < span.end else None
            if after is not None and (after.tag_ == "POS" or after.lower_ in ("'s", "’s") or after.pos_ in ("NOUN", "PROPN", "ADJ")):
                continue  # "I'm Ross's sister", "It's Joey Tribbiani Day"
            if p not in speakers:
                pairs.setdefault(index[speaker], set()).add(p)
    taken = [q for ps in pairs.values() for q in ps]
    return [[me, *sorted(ps)] for me, ps in pairs.items() if all(taken.count(q) == 1 for q in ps) and len(ps) == 1]


ANSWERS = {"yes", "yeah", "yep", "yup", "ya", "no", "nope", "nah", "sure"}


def _answer(doc, i: int, span) -> bool:
    """Is the "I am" at token i an answer ("Yes I am Rita": yes, I am, Rita), not who the speaker says they are?"""
    return i > span.start and doc[i - 1].lower_ in ANSWERS


# A message signed off ("Love, Mum", "Lots of love, Nan x"): the name after it is the writer's, not the reader's.
SIGN_OFF = re.compile(r"(?:with |all (?:my|our) |lots of |much |(?:my|our) )?(?:love|best wishes|best|warm(?:est)? "
                      r"(?:wishes|regards)|kind(?:est)? regards|regards|yours(?: truly| sincerely| faithfully| ever| always)?|"
                      r"sincerely(?: yours)?|fondly|affectionately|hugs|xx+)", re.I)
CRIES = {"oh", "o", "ah", "aw", "aww", "poor", "my", "dear", "alas"}  # "Oh, Grandad." grieves, speaks to no one


# A chat message signed off: "Love Mam x", "Lots of love, Nan xx", or a name alone at its end with kisses ("... Nan xx").
# The "love" of a sign-off opens what it signs ("Love Mam", "..., lots of love, Nan"): not a verb with a subject ("I do love Toby!").
LOVE_SIGNED = r"(?:\A\s*|[.!?…,\n]\s*|\b(?:with|of|all|much|my|our|and)\s+)love(?: from)?,?"
TURN_SIGNED = re.compile(rf"(?:{LOVE_SIGNED}|[.!?…\n])\s*$", re.I)
# A closing on a line or sentence of its own before the name an email or message ends with: "Love always,\nBridie",
# "Best wishes, Tom" (not "you're the best, Sarah", said to Sarah).
CLOSED = re.compile(rf"(?:\A\s*|[.!?…\n]\s*)(?:all the best|{SIGN_OFF.pattern})(?:\s+(?:always|ever|forever))?,?\s*$", re.I)


def _signed_turns(ex: Extraction, index) -> None:
    """The name or kin word a chat message is signed with is its speaker ("Love Mam x" from Irene is Irene,
    as her family calls her), not someone spoken of: the mention is theirs, and a name (not a kin word) one
    of their names."""
    for start, end, speaker in ex.speakers:
        if speaker not in index:
            continue
        me = index[speaker]
        for p, person in enumerate(ex.people):
            for m in list(person.mentions):
                if not (start <= m.start < end) or m.kind not in ("name", "title") or p == me:
                    continue
                after, before = ex.text[m.end:end], ex.text[start:m.start]
                kissed = re.search(r"x+\s*$|[\u2764\U0001f495-\U0001f49f\U0001f618]", after, re.I) is not None
                loved = re.search(rf"{LOVE_SIGNED}\s*(?:\w+\s+and\s+)?$", before, re.I) is not None
                tail = re.sub(r"^\s*and\s+\w+", "", after)  # "Love Mam and Nan xx": both are the speaker
                if KISSES.fullmatch(tail) and (loved or kissed and TURN_SIGNED.search(before) or CLOSED.search(before)):
                    person.mentions.remove(m)
                    m.person = me
                    ex.people[me].mentions.append(m)
                    name = ex.text[m.start:m.end]
                    if name.split() and name.split()[0].lower() not in KIN_NAMES:
                        ex.people[me].aliases.add(name)


# Words a turn opens with before the name it speaks to, without a comma ("Well Judy, ...", "Okay Ross, ...").
OPENERS = {"well", "oh", "okay", "ok", "so", "look", "listen", "now", "yeah", "yes", "no", "please", "sorry", "ah", "aw",
           "aww", "um", "uh", "wow", "come", "god", "hey", "hi", "hello", "thanks"}


def _ends(t) -> bool:
    """Does the token close what was said to someone ("?", "!", ".", a kiss, an emoji, the end of the turn)?"""
    return t is None or t.is_space or t.lower_ in ("x", "xx", "xxx") or (
        not any(c.isalnum() for c in t.text) and t.text not in (",", ";", ":", "-", "—", "–", "(", "'", '"', "’", "&", "/"))


def _closes(t) -> bool:
    return t.is_space and "\n" in t.text or t.is_punct and t.text[-1:] in ".!?…" and not t.text.strip(".!?…")


def _vocative(doc, span, lo, hi) -> bool:
    """Is the name `span`, in a chat turn over tokens lo..hi, the one the turn speaks to? At the start
    ("Mum, are you coming?"), at the end ("Are you coming, Mum?"), after a greeting ("Thanks Mum!")."""
    # the sentence read from its punctuation, as the parser may split a chat line anywhere ("Friday, | Mam?")
    first = span.start
    while first > lo and not _closes(doc[first - 1]):
        first -= 1
    last = hi
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ in ("conj", "appos") for c in root.children):
        return False  # "Mum, Dad and I went", "Harriet, my wife, is coming"
    before = doc[span.start - 1] if span.start > first else None
    after = doc[span.end] if span.end < last else None
    if after is not None and after.tag_ == "POS":
        return False  # "Thanks Mum's friend"
    greeted = span[0].lower_ in ("dear", "dearest") and len(span) > 1
    if before is not None and not greeted:
        prev = doc[before.i - 1] if before.i > first else None
        greeted = before.lower_ in GREETINGS or before.text == "," and prev is not None and prev.lower_ in GREETINGS or (
            before.lower_ == "you" and prev is not None and prev.lemma_.lower() in YOU_GREETINGS)
    if greeted:
        return after is None or after.pos_ not in ("VERB", "AUX")  # not "No Dad would do that"
    if before is None:
        return after is not None and (after.text == "," and span.end + 1 < last or after.text.startswith("!"))
    said = doc[first:before.i]
    if after is not None and after.text == "," and span.end + 1 < last and before.lower_ in OPENERS and all(
            t.pos_ in ("INTJ", "PUNCT") or t.lower_ in FILLERS for t in said):
        return True  # "Well Judy, you did it!", "Oh Ross, come on"
    if before.text == "," and after is not None and after.text == "," and span.end + 1 < last and all(
            t.pos_ in ("INTJ", "PUNCT") or t.lower_ in FILLERS for t in said):
        return True  # "Um, Pheebs, so you just don't get along?", "Oh, Ross, come on"
    if before.text != "," or not _ends(after) or before.i == first:
        return False
    if before.i - 1 > first and doc[before.i - 1].lower_ == "me" and doc[before.i - 2].lemma_ == "be":
        return False  # "it's me, Aunt Phoebe": who is speaking (not "don't cry because of me, Pheebs")
    if root.dep_ == "appos" and root.head.pos_ != "PROPN":
        return False  # "I went with my brother, Tom.": Tom is the brother
    # said to someone after something said to them ("Are you coming, Mum?"), not an answer ("Um, Liam Neeson.")
    return not SIGN_OFF.fullmatch(said.text.strip()) and not all(t.lower_ in CRIES for t in said) and any(
        t.pos_ in ("VERB", "AUX") or t.lower_ in SECOND or t.lower_ in GREETINGS for t in said)


# Words a turn may say right after the kin word it opens by speaking to, with no comma: "Mum my phone died", "Dad I'm at
# the station", "Nana we can't" (and "Mom can you ..."); not "you": "Mama you're a star" may be said of one not there.
CALLED_NEXT = {"i", "my", "we"}


def _kin_called(doc, span, lo, hi) -> bool:
    """Is the kin word `span`, in a chat turn over tokens lo..hi, said to the one the turn speaks to, as chats say it
    with no comma ("Mum my phone died", "Mom can you bring it", "Thanks Mam, home in ten": a parser may hang "home" on
    "Mam"), though `_vocative` did not read it so? Not "Mum and Dad", "Mum's car", "Mum can come", "Mum is home",
    "Mama you're a star" (to the group, of her)."""
    first = span.start
    while first > lo and not _closes(doc[first - 1]):
        first -= 1
    root = span.root
    if len(span) != 1 or root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False
    before = doc[span.start - 1] if span.start > first else None
    after = doc[span.end] if span.end < hi else None
    if after is not None and (after.tag_ == "POS" or after.lower_ in ("'s", "’s", "and", "&")):
        return False
    if before is None:
        if after is None:
            return False
        then = doc[after.i + 1] if after.i + 1 < hi else None
        return after.lower_ in CALLED_NEXT or after.pos_ == "AUX" and then is not None and then.lower_ in ("you", "u")
    greeted = before.lower_ in GREETINGS or before.lower_ == "you" and before.i > first and doc[before.i - 1].lemma_.lower() in YOU_GREETINGS
    return greeted and (after is None or after.text == "," or _ends(after))


def _gender(person):
    words = person.name.split()
    return person.gender or (name_gender(words[0]) if words else None)


def _could_be(name: str, theirs) -> bool:
    """Could a name said to someone be theirs: a short form of one of their names ("Mel", "Caro"), or a
    first name people bear (a chat may be labelled with a handle), or a word that is no English word
    ("Pheebs"), not a word the tagger took ("Nah")?"""
    word = plain(name.split()[0]) if name.split() else ""
    return name_gender(word) is not None or name_count(word) >= 3 or len(word) >= 3 and any(
        plain(a).startswith(word[:3]) for a in theirs) or len(word) >= 3 and not english_word(word)


def _between(turns, i) -> bool:
    """Is turn i said between two turns of one other speaker?"""
    speaker = turns[i][2]
    before = next((t[2] for t in reversed(turns[:i]) if t[2] != speaker), None)
    after = next((t[2] for t in turns[i + 1:] if t[2] != speaker), None)
    return before is not None and before == after


def _one_name(a: str, b: str) -> bool:
    """Could two names said to one person both be theirs ("Rachel", "Rach"; "Elizabeth", "Liz")?"""
    a, b = plain(a.split()[0]), plain(b.split()[0])
    return a[:2] == b[:2] or nickname_of(a, b)


def _is_kin(person) -> bool:
    """Is the person named by a kin word ("Mum", "Nana")?"""
    return any(w in KIN_NAMES for a in person.aliases for w in a.lower().split())


def _spoken_to(ex: Extraction, index) -> list[list[int]]:
    """A name or kin word a chat turn speaks to is one of those it is said to: in a chat of two, the other
    speaker ("Mum, are you coming?" from Tom to Eleanor: that "Mum" is Eleanor); in a chat of more, the
    speaker of the turn before or after it by someone else, when every time the name is said to someone
    that is the same one speaker ("Pheebs, you can't do that" between two turns of Speaker 2). A kin word's
    vocative mentions go to that speaker (not the word: "Mum" is no name of hers, and another speaker's
    "Mum" is another person); a name said only to them is a name of theirs, and the groups to merge are
    returned. A speaker who also speaks of the kin (or, in a chat of two, of the name) in the third person,
    a speaker who says the name themselves, or a gender that does not fit, links no one. The "you" of a
    turn that speaks to someone by name is that one."""
    if len(index) < 2:
        return []
    doc, quotes = ex.doc, quoted(ex.text)
    speaker_of = {p: s for s, p in index.items()}
    turns = []
    for start, end, speaker in ex.speakers:
        span = doc.char_span(start, end, alignment_mode="expand") if speaker in index else None
        if span is not None and len(span):
            turns.append((start, end, speaker, span.start, span.end))
    turns.sort()
    starts = [t[0] for t in turns]

    def hearers(i) -> set[str]:
        """Who turn i may be said to: in a chat of two the other speaker, else the speakers next to it."""
        if len(index) == 2:
            return {s for s in index if s != turns[i][2]}
        out = set()
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(turns) and turns[j][2] == turns[i][2]:
                j += step
            if 0 <= j < len(turns):
                out.add(turns[j][2])
        return out

    groups, spoken, names = [], {}, []  # spoken: turn -> the person its vocative speaks to
    for p, person in enumerate(ex.people):
        if p in speaker_of:
            continue
        said = defaultdict(lambda: [[], []])  # speaker -> [(vocative mention, turn), other mentions]
        for m in person.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            turn = turns[i] if i >= 0 and m.start < turns[i][1] else None
            if turn is None:
                said[None][1].append(m)
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            vocative = (m.kind in ("name", "title") and span is not None and not inside(m.start, quotes)
                        and (_vocative(doc, span, turn[3], turn[4]) or _is_kin(person) and _kin_called(
                            doc, span, turn[3], turn[4])))
            if vocative:
                said[turn[2]][0].append((m, i))
            else:
                said[turn[2]][1].append(m)
        kin = next((KIN_NAMES[w] for a in person.aliases for w in a.lower().split() if w in KIN_NAMES), None)
        if any(w in GREETINGS for a in person.aliases for w in a.lower().split()):
            continue  # a greeting the tagger took into the name ("Morning Mum")
        if kin:
            for speaker, (vocatives, others) in said.items():
                if speaker is None or not vocatives or others:
                    continue  # "Mum said ..." too: the kin is someone talked about
                for m, i in vocatives:
                    # a kin word makes a relation: in a chat of more, only when the turns on both sides are theirs
                    heard = hearers(i) if len(index) == 2 or _between(turns, i) else set()
                    to = index[heard.pop()] if len(heard) == 1 else None
                    gender = _gender(ex.people[to]) if to is not None else None
                    if to is None or gender and gender != kin:
                        continue
                    person.mentions.remove(m)
                    m.person = to
                    ex.people[to].mentions.append(m)
                    spoken[i] = to
            continue
        uses = [(speaker, i) for speaker, (vocatives, _) in said.items() if speaker is not None for _, i in vocatives]
        apart = any(others for speaker, (_, others) in said.items() if speaker is not None) if len(index) == 2 else False
        if uses and not apart:  # in a chat of two, one spoken of is someone else
            names.append((p, uses, set(said)))
    # Names said to one of two speakers are told apart by the names the speakers already have: a speaker
    # called "Rachel" is not the "Joey" said to her or to Speaker 3; so the names are placed in rounds.
    named = defaultdict(set)  # speaker -> their names: a label that is a first name ("Gareth"), and those given here
    for s in index:
        if s.split() and name_gender(s.split()[0]):
            named[s].add(s)
        named[s] |= {a for a in ex.people[index[s]].aliases if a != s and a not in index}  # "I'm Rachel": Rachel
    changed = True
    while names and changed:
        changed = False
        for item in list(names):
            p, uses, sayers = item
            person = ex.people[p]
            common = set.intersection(*(hearers(i) for _, i in uses)) - sayers  # no one calls themselves by name
            common = {s for s in common if all(_one_name(n, person.name) for n in named[s])}
            if len(common) != 1:
                continue
            to = index[next(iter(common))]
            names.remove(item)
            gender = _gender(ex.people[to])
            if gender and _gender(person) and gender != _gender(person) or not _could_be(person.name, ex.people[to].aliases):
                continue
            groups.append([to, p])  # "Thanks, Mel!" to Melanie
            named[speaker_of[to]].add(person.name)
            changed = True
            for _, i in uses:
                spoken[i] = to
    if len(index) > 2:  # in a chat of two, every "you" is the other's already
        for i, to in spoken.items():
            for t in doc[turns[i][3]:turns[i][4]]:
                if t.lower_ in SECOND and not inside(t.idx, quotes):
                    ex.people[to].mentions.append(Mention(t.idx, t.idx + len(t), to, "addressee"))
    return groups
