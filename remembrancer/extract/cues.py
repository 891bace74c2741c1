"""Cues: the things, places and activities tied to each person of an entry.

A cue is a noun phrase (its head's lemma with its compounds, lower case: "tape measure") found
near a person's mentions, with its closeness: 1.0 in the same clause, 0.6 in the same sentence,
0.3 in the same paragraph. A verbless fragment that follows a sentence ("And coffee.") continues
it. Names, pronouns, people-words and time words are not cues. How much a cue says about a person
across all entries (the fan effect) is `weight`, applied where cues are stored and queried.
"""
from __future__ import annotations

import bisect
import math
import re

from .base import Cue, Extraction

# Nouns that name people or stand for them: relations come from another component.
PERSON_NOUNS = set(
    """man men woman women boy girl child children kid baby person people guy lady gentleman
    friend mate boyfriend girlfriend husband wife partner lover fiance fiancee spouse widow widower
    mother father mum mom dad parent brother sister sibling son daughter uncle aunt cousin nephew
    niece grandmother grandfather grandma grandpa gran granny grandad grandson granddaughter
    grandchild family someone somebody anyone anybody everyone everybody noone nobody one self
    stranger colleague boss neighbour neighbor""".split()
)
PERSON_SUFFIX = re.compile(r"(?:man|woman|person|people|folk)$")  # on the lemma
# Words for time and quantity rather than things.
TIME_NOUNS = set(
    """time times day days night week month year years hour minute second moment morning evening
    afternoon noon midnight today tonight yesterday tomorrow decade century age while weekend
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december spring summer autumn fall winter past future
    present ago lifetime""".split()
)
# Nouns too general to say anything about a person.
EMPTY_NOUNS = set(
    """thing things stuff something anything nothing everything lot lots bit kind sort type way
    part end fact reason matter case point number couple few rest side sake top bottom front back
    use lack""".split()
)
NOT_THINGS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "PERSON"}
# Dependencies that put a verb at the head of its own clause.
CLAUSE_DEPS = {"ROOT", "advcl", "ccomp", "csubj", "csubjpass", "relcl", "acl", "conj", "parataxis", "pcomp"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod", "oprd",
                "dative", "ROOT"}
CLOSENESS = {"clause": 1.0, "sentence": 0.6, "paragraph": 0.3}


def weight(closeness_sum: float, fan: int) -> float:
    """How strongly a cue brings a person to mind (ACT-R associative strength).

    `closeness_sum` adds up the closeness of every time the cue was seen with the person (more and
    closer evidence: a stronger link, with diminishing returns); `fan` is how many people the cue is
    tied to. Strength is S - ln(fan): a cue tied to one person (fan 1) keeps its full strength, one
    tied to many says little about any of them. Values can be negative; compare, don't threshold.
    """
    strength = 1.0 + math.log1p(max(closeness_sum, 0.0))
    return strength - math.log(max(fan, 1))


def paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (a line break ends one)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def sentence_groups(doc) -> list[tuple[int, int]]:
    """Token spans of sentences, a verbless fragment joined to the sentence before it.

    "...tape measures and suits. And coffee." reads as one list, so the fragment continues it.
    """
    groups: list[list[int]] = []
    prev_end_char = None
    for sent in doc.sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        fragment = (
            groups and words and len(words) <= 6
            and not any(t.pos_ in ("VERB", "AUX") for t in words)
            and "\n" not in doc.text[prev_end_char:sent.start_char]
        )
        if fragment:
            groups[-1][1] = sent.end
        else:
            groups.append([sent.start, sent.end])
        last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
        prev_end_char = last.idx + len(last.text)
    return [(s, e) for s, e in groups]


def mention_tokens(ex: Extraction) -> dict[int, int]:
    """Token index -> person index, for every token inside a person's mention."""
    doc, out = ex.doc, {}
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                out[t.i] = p
    return out


def clause_head(token):
    """The verb heading the clause a token is in (or the sentence root)."""
    t = token
    while t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            return t
        t = t.head
    return t


def _hyphen_runs(doc) -> dict[int, tuple[int, int]]:
    """Words the tokenizer split at hyphens ("hide-and-seek"): token index -> (start, end)."""
    runs, i, n = {}, 0, len(doc)
    while i < n:
        j = i
        while j + 2 < n and doc[j].whitespace_ == "" and doc[j + 1].text == "-" and doc[j + 1].whitespace_ == "" and doc[j + 2].is_alpha:
            j += 2
        if j > i:
            for k in range(i, j + 1):
                runs[k] = (i, j + 1)
        i = j + 1
    return runs


def _run_head(doc, run):
    s, e = run
    for t in doc[s:e]:
        if not (s <= t.head.i < e) or t.head.i == t.i:
            return t
    return doc[s]


def _misparsed_verb(v) -> bool:
    """A noun-list item parsed as a verb with its object: "... and stop watches and tape measures".

    The bare verb has no auxiliary or negation, its object follows it at once, and the
    coordinator just before it was attached to a noun: the parser itself read a list of nouns.
    """
    if v.pos_ != "VERB" or v.tag_ != "VB" or v.i == 0:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg", "nsubjpass") for c in v.children):
        return False
    before = v.doc[v.i - 1]
    if not (before.pos_ == "CCONJ" or before.text == ","):
        return False
    return before.head.pos_ in ("NOUN", "PROPN") and before.head.i < v.i


class Cues:
    """Tie noun phrases to the people mentioned near them."""

    name = "cues"
    version = "1"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None or not ex.people:
            return ex
        owner = mention_tokens(ex)
        para_starts = paragraphs(ex.text)
        runs = _hyphen_runs(doc)

        sent_of: dict[int, int] = {}
        for g, (s, e) in enumerate(sentence_groups(doc)):
            for i in range(s, e):
                sent_of[i] = g
        clause_of = {t.i: clause_head(t).i for t in doc}

        def para(tok) -> int:
            return bisect.bisect_right(para_starts, tok.idx) - 1

        in_clause: dict[int, set] = {}
        in_sent: dict[int, set] = {}
        in_para: dict[int, set] = {}
        for i, p in owner.items():
            t = doc[i]
            in_clause.setdefault(clause_of[i], set()).add(p)
            in_sent.setdefault(sent_of[i], set()).add(p)
            in_para.setdefault(para(t), set()).add(p)

        for head, start, end, cue in self.phrases(doc, owner, runs):
            near = in_para.get(para(head))
            if not near:
                continue
            clause_people = in_clause.get(clause_of[head.i], ())
            sent_people = in_sent.get(sent_of[head.i], ())
            for p in sorted(near):
                closeness = (CLOSENESS["clause"] if p in clause_people else
                             CLOSENESS["sentence"] if p in sent_people else CLOSENESS["paragraph"])
                for text in cue:
                    ex.cues.append(Cue(p, text, start, end, closeness))
        return ex

    def phrases(self, doc, owner, runs):
        """(head token, start char, end char, cue texts) for each thing-like noun phrase."""
        seen_runs = set()
        for t in doc:
            run = runs.get(t.i)
            if run:
                if run in seen_runs:
                    continue
                seen_runs.add(run)
                head = _run_head(doc, run)
                nominal = head.pos_ in ("NOUN", "PROPN") or head.dep_ in NOMINAL_DEPS and (
                    head.dep_ != "conj" or head.head.pos_ in ("NOUN", "PROPN"))
                if head.dep_ in ("compound", "amod", "advmod", "acomp") or not nominal:
                    continue
                if any(i in owner for i in range(*run)):
                    continue
                s, e = run
                span = doc[s:e]
                yield head, span.start_char, span.end_char, [span.text.lower()]
                continue
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
                continue
            if t.i in owner or t.ent_type_ in NOT_THINGS or t.is_stop or not t.is_alpha and "&" not in t.text:
                continue
            lemma = t.lemma_.lower()
            if len(lemma) < 2 or lemma in PERSON_NOUNS or lemma in TIME_NOUNS or lemma in EMPTY_NOUNS:
                continue
            if PERSON_SUFFIX.search(lemma):
                continue  # "postman", "chairwoman", "salesperson"
            mods = self._compounds(t, owner)
            if t.dep_ == "dobj" and t.head.i == t.i - 1 and _misparsed_verb(t.head):
                mods = [t.head] + mods
            words = [m.lemma_.lower() if m.pos_ != "PROPN" else m.text.lower() for m in mods]
            head_word = lemma if t.pos_ != "PROPN" else t.text.lower()
            texts = [" ".join(words + [head_word])]
            if mods and all(m.pos_ == "PROPN" for m in mods) and t.pos_ == "NOUN":
                texts.append(head_word)  # a brand or place before a thing: "M&S suits" is suits
            first = min([t] + mods, key=lambda x: x.i)
            yield t, first.idx, t.idx + len(t.text), texts

    @staticmethod
    def _compounds(t, owner):
        """The contiguous compound modifiers before a noun ("tape" of "tape measure")."""
        mods = []
        for c in reversed(list(t.lefts)):
            if c.dep_ != "compound" or c.i in owner or c.ent_type_ in NOT_THINGS - {"PERSON"}:
                break
            if c.i + 1 != (mods[0].i if mods else t.i):
                break
            mods.insert(0, c)
        return mods
