"""Pronouns: he/she/him/her/his linked to the person they stand for, and genders learnt on the way.

A light salience model, run left to right over the entry: a pronoun goes to the person mentioned
in this or the two sentences before, who agrees in gender, preferring whoever the last pronoun of
the same gender went to (or the person of that gender last named as a subject, if later), subjects,
and recency. An object pronoun is not the subject of its own verb ("Kit never forgave him").
A person of unknown gender (the people component knows first names and kin names: "Mum" is she)
takes the gender of the first pronoun that goes to them. When no one fits, the pronoun stays unlinked.
"""
from __future__ import annotations

from .base import Extraction, Mention
from .people import PRONOUN_GENDER, group_name

WINDOW = 2  # sentences back
RELATIVE = {"who", "whom", "whose"}
ONE = {"one", "person", "man", "woman", "boy", "girl", "friend"}  # "Mireille was the one who ..."


class Coref:
    name = "coref"
    version = "8"

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
        return ex


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
