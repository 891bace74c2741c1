"""Pronouns: he/she/him/her/his linked to the person they stand for, and genders learnt on the way.

A light salience model, run left to right over the entry: a pronoun goes to the person mentioned
in this or the two sentences before, who agrees in gender, preferring whoever the last pronoun of
the same gender went to (or the person of that gender last named as a subject, if later), subjects,
and recency. An object pronoun is not the subject of its own verb ("Kit never forgave him").
A person of unknown gender (the people component knows first names and kin names: "Mum" is she)
takes the gender of the first pronoun that goes to them. When no one fits, the pronoun stays unlinked.
"""
from __future__ import annotations

import bisect
import math

from ..kin import KIN_NAMES
from .aliases import merge
from .base import Extraction, Mention
from .kinds import ANIMALS, THINGS
from .people import PRONOUN_GENDER, group_name

WINDOW = 2  # sentences back
RELATIVE = {"who", "whom", "whose"}
ONE = {"one", "person", "man", "woman", "boy", "girl", "friend"}  # "Mireille was the one who ..."


class Coref:
    name = "coref"
    version = "9"  # 9: in a chat, "he" or "she" in a turn is never its speaker

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if not ex.people:
            return ex
        sent_of = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                sent_of[t.i] = n
        # Mentions of third persons, by token position.
        events = []  # (token index, person, is_subject)
        for p, person in enumerate(ex.people):
            if person.narrator or group_name(person.name):
                continue  # "he" and "she" are not "Mr. and Mrs. Smith"
            for m in person.mentions:
                if m.kind in ("narrator", "addressee", "pronoun"):
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    events.append((span.root.i, p, _subject(span.root)))
        events.sort()
        who = {}  # token index -> the person it names or stands for
        turns = sorted(ex.speakers)
        speaking = {}  # a chat's speaker label -> the people of the entry called by it
        for _, _, label in turns:
            if label and label not in speaking:
                speaking[label] = {p for p, q in enumerate(ex.people) if label == q.name or label in q.aliases}
        last_by_gender: dict[str, tuple[int, int]] = {}  # gender -> (sentence, person)
        e = 0
        recent: list[tuple[int, int, bool]] = []
        for t in doc:
            while e < len(events) and events[e][0] < t.i:
                i, p, subject = events[e]
                recent.append(events[e])
                who[i] = p
                e += 1
                if subject:
                    # a person named as the subject becomes the one "she"/"he" goes on to mean
                    # (both, while their gender is not known)
                    for g in (ex.people[p].gender,) if ex.people[p].gender else ("m", "f"):
                        last_by_gender[g] = (sent_of[i], p)
            gender = PRONOUN_GENDER.get(t.lower_)
            if gender is None or t.pos_ != "PRON":
                continue
            here = sent_of[t.i]
            best, best_score = None, 0.0
            seen = set()
            chain = last_by_gender.get(gender)
            not_them = set()
            if t.dep_ in ("dobj", "dative", "iobj") and not t.lower_.endswith("self"):
                not_them = {who[x.i] for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")
                            for x in (c, *c.children) if x.i in who and (x is c or x.dep_ == "appos")}
            elif t.dep_ == "poss" and t.head.dep_ == "attr" and t.head.head.lemma_ == "be":
                # "'Pat' is his wife", "me being his daughter": whoever is his wife is not him
                not_them = {who[c.i] for c in t.head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in who}
            # in a chat, "he" or "she" in a turn is never its speaker, who says "I" ("Her name is Shadow!" from Maria)
            not_them |= speaking.get(_turn(turns, t.idx), set())
            for i, p, subject in reversed(recent):
                if here - sent_of[i] > WINDOW and not (chain and chain[1] == p and here - chain[0] <= 2 * WINDOW):
                    if here - sent_of[i] > 2 * WINDOW:
                        break
                    continue
                if p in seen or p in not_them:
                    continue
                seen.add(p)
                g = ex.people[p].gender
                if g and g != gender:
                    continue
                score = 1.0 + 1.0 / (1 + t.i - i) + (1.0 if subject else 0.0) + (0.5 if g == gender else 0.0)
                if chain and chain[1] == p and here - chain[0] <= 2 * WINDOW:
                    score += 2.0
                if score > best_score:
                    best, best_score = p, score
            if best is None:
                continue
            person = ex.people[best]
            person.gender = person.gender or gender
            person.mentions.append(Mention(t.idx, t.idx + len(t), best, "pronoun"))
            last_by_gender[gender] = (here, best)
            recent.append((t.i, best, _subject(t)))
            who[t.i] = best
        # "who" and "whose" stand for the person their clause is about: "Ianto, who loved coffee", "Mireille
        # was the one who taught you chess".
        for t in doc:
            if t.lower_ not in RELATIVE:
                continue
            clause = t.head if t.head.dep_ == "relcl" else t.head.head  # "whose dog bit me": via "dog"
            if clause.dep_ != "relcl":
                continue
            head = clause.head
            if head.i not in who and head.dep_ == "attr" and head.lemma_.lower() in ONE and head.head.lemma_ == "be":
                head = next((c for c in head.head.children if c.dep_ == "nsubj"), head)
            p = who.get(head.i)
            if p is not None and not ex.people[p].narrator:
                ex.people[p].mentions.append(Mention(t.idx, t.idx + len(t), p, "pronoun"))
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        groups = _named(ex, who)
        if groups:
            merge(ex, groups)
        return ex


CALL_VERBS = {"call", "name", "nickname", "christen", "dub"}
SLIPS = {"again", "mistakenly", "accidentally", "wrongly", "erroneously", "sometimes"}


def _named(ex: Extraction, who: dict) -> list[list[int]]:
    """A name the text gives someone by a pronoun is theirs: "He's Dennis", "she calls him "Alun bach"",
    "All of them calling her Gwen", "her name underneath in full, Gwenllian Morgan". Not a slip ("called
    him Tom again", "never called her Gwen"), not a name of the other sex, not near an animal or a thing
    ("There's a dog. Her name is Moss."), never the narrator; a name the entry gives someone it names twice or
    more (or by a kin word or a title), and has not given anyone before (not "Dad called him Ron", Ron his brother, named before: a slip).
    Returns [person, named] groups to merge."""
    doc = ex.doc
    at = {}  # token -> the person whose name starts there
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind == "name":
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    at[span.start] = p
    names = {}  # a name's first word -> people of the entry so called (a name quoted as a word is no mention)
    for p, person in enumerate(ex.people):
        for a in person.aliases:
            if a.split():
                names.setdefault(a.split()[0], set()).add(p)
    pairs = {}
    for pron in doc:
        low = pron.lower_
        if low not in ("he", "she", "him", "her", "his") or pron.i not in who:
            continue
        j = pron.i + 1
        if low in ("he", "she") and j < len(doc) and doc[j].lemma_ == "be" and doc[j].i > 0:
            j += 1  # "He's Dennis"
        elif low in ("him", "her") and pron.i > 0 and doc[pron.i - 1].lemma_.lower() in CALL_VERBS and doc[pron.i - 1].pos_ == "VERB":
            verb = doc[pron.i - 1]
            if any(c.dep_ == "neg" or c.lower_ in SLIPS for c in verb.children) or any(
                    w.lower_ in ("not", "never", "n't") for w in doc[max(verb.i - 2, 0):verb.i]) or any(
                    w.lower_ in SLIPS for w in doc[j:min(j + 6, len(doc))]):
                continue  # "called him Tom again", "never called her Gwen"
        elif low in ("his", "her") and j < len(doc) and doc[j].lower_ == "name":
            j += 1  # "her name was Gwen", "her name underneath in full, Gwenllian Morgan" (not "her name for Glenys")
            while j < len(doc) and j < pron.i + 8 and (doc[j].is_punct or doc[j].lemma_ == "be" or doc[j].pos_ in ("ADV", "ADJ") or (
                    doc[j].pos_ == "ADP" and doc[j].lower_ not in ("for", "of", "to", "from"))):
                j += 1
        else:
            continue
        while j < len(doc) and doc[j].text in ('"', "“", "‘", "'"):
            j += 1
        if j >= len(doc):
            continue
        n = at.get(j)
        if n is None and len(names.get(doc[j].text, ())) == 1:
            n = next(iter(names[doc[j].text]))  # "calls her "Mami"": the name is said elsewhere in the entry
        if n is None:
            continue
        r = who[pron.i]
        t = doc[j]
        verb = doc[pron.i - 1] if low in ("him", "her") and pron.i > 0 else None
        if verb is not None and verb.lemma_.lower() in CALL_VERBS and any(
                c.dep_ in ("nsubj", "nsubjpass") and who.get(c.i) == r for c in verb.children):
            continue  # "Delyth calls her "Mam"": not Delyth herself
        if ex.people[n].name.split() and ex.people[n].name.split()[0].lower() in KIN_NAMES:
            continue  # a kin word is what they are to someone, not their name ("Delyth calls her "Mam"")
        if sum(m.kind in ("name", "title") for m in ex.people[r].mentions) < 2 and not any(m.kind == "title" for m in ex.people[r].mentions):
            continue  # the one the entry is about, named twice or more, not a name said once ("as a girl, Moriah")
        if any(m.kind in ("name", "title") and m.start < t.idx for m in ex.people[n].mentions):
            continue  # a name the entry gave someone before: a likeness or a slip ("Dad called him Ron", Ron his brother)
        k = j
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        if k + 1 < len(doc) and (doc[k + 1].tag_ == "POS" or doc[k + 1].lower_ in ("'s", "’s")):
            continue  # "He was Tom's friend"
        sent = t.sent
        before = doc[sent.start - 1].sent if sent.start > 0 else sent
        if r == n or ex.people[r].narrator or ex.people[n].narrator or any(
                w.lemma_.lower() in ANIMALS | THINGS and w.pos_ == "NOUN" for w in (*before, *sent)):
            continue
        g, gn = ex.people[r].gender or PRONOUN_GENDER.get(pron.lower_), ex.people[n].gender
        if g and gn and g != gn:
            continue
        pairs.setdefault(n, r)
    groups = {}
    for n, r in pairs.items():
        if n not in groups:
            groups.setdefault(r, [r]).append(n)
    return [g for g in groups.values() if not set(g[1:]) & set(groups)]


def _turn(turns, pos: int):
    """The speaker of the chat turn a character is in (`turns`: the chat's (start, end, speaker), in order), or None."""
    i = bisect.bisect_right(turns, (pos, math.inf)) - 1
    return turns[i][2] if i >= 0 and pos < turns[i][1] else None


def _subject(token) -> bool:
    """The subject of its verb (or beside it), a name that is a sentence of its own, or where the parser missed it: a word just before a finite verb
    that has no subject ("Kit lives in Truro", parsed as an adjective of "lives")."""
    if token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "Her brother Kit never forgave him": Kit, beside the subject
    if token.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return True  # a name standing as a sentence ("Your son was born that winter. Tobias. He ...")
    head = token.head
    return (head.i == token.i + 1 and head.tag_ in ("VBZ", "VBD", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children))
