"""Cues: the things, places and activities tied to each person of an entry.

A cue is a noun phrase (its head's lemma with its compounds, lower case: "tape measure") found
near a person's mentions, with its closeness: 1.0 in the same clause, 0.6 in the same sentence,
0.3 in the same paragraph. A verbless fragment that follows a sentence ("And coffee.") continues
it. Names, pronouns, people-words and time words are not cues. How much a cue says about a person
across all entries (the fan effect) is weighed where cues are stored (`extract.person_cues`).
"""
from __future__ import annotations

import bisect
import re

import numpy as np

from ..kin import PERSON_NOUNS as ROLE_NOUNS
from .base import Cue, Extraction

# Nouns that name people or stand for them: relations come from another component.
PERSON_NOUNS = set(
    """man men woman women boy girl children person people guy gentleman family someone somebody anyone anybody
    everyone everybody noone nobody one self stranger priest patient client customer guest host visitor owner""".split()
) | ROLE_NOUNS  # and the kin and role words that are nouns for people (kin.py)
SINGULAR_DETS = {"a", "an", "another", "each", "every", "this", "that"}
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
    use lack thank thanks""".split()
) | set(
    # oaths and insults used as nouns ("what the fuck", "the bastard") are not things
    """fuck fucks shit crap bastard bitch bugger bollocks damn hell arse ass asshole prick twat git
    sod wanker idiot moron god gods christ jesus heaven heavens bloody blimey crikey gosh""".split()
)
NOT_THINGS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "PERSON"}
# Dependencies that put a verb at the head of its own clause.
CLAUSE_DEPS = {"ROOT", "advcl", "ccomp", "csubj", "csubjpass", "relcl", "acl", "conj", "parataxis", "pcomp"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod", "oprd",
                "dative", "ROOT"}
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
CLOSENESS = {"clause": 1.0, "sentence": 0.6, "paragraph": 0.3}


def paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (a line break ends one)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def sentence_groups(doc) -> list[tuple[int, int]]:
    """Token spans of sentences, a verbless fragment joined to the sentence before it.

    "...tape measures and suits. And coffee." reads as one list, so the fragment continues it.
    Computed once per doc (several components use it).
    """
    cached = doc.user_data.get("remembrancer.sentence_groups")
    if cached is not None:
        return cached
    from spacy.attrs import IS_PUNCT, IS_SPACE, POS, SENT_START  # here, not above: importing this module needs no spaCy
    from spacy.symbols import AUX, VERB

    groups: list[list[int]] = []
    if len(doc):
        arr = doc.to_array([SENT_START, POS, IS_PUNCT, IS_SPACE])
        starts = np.flatnonzero(arr[:, 0] == 1)
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate([[0], starts])
        word = (arr[:, 2] == 0) & (arr[:, 3] == 0)
        verb = np.isin(arr[:, 1], (VERB, AUX))
        words = np.add.reduceat(word.astype(np.int32), starts)
        verbs = np.add.reduceat(verb.astype(np.int32), starts)
        ends = list(starts[1:]) + [len(doc)]
        text = doc.text
        for s, e, n_words, n_verbs in zip(starts.tolist(), ends, words.tolist(), verbs.tolist()):
            if groups and 0 < n_words <= 6 and n_verbs == 0:
                last = groups[-1][1] - 1
                while last > groups[-1][0] and doc[last].is_space:
                    last -= 1
                gap_from = doc[last].idx + len(doc[last])
                if "\n" not in text[gap_from:doc[s].idx]:
                    groups[-1][1] = e
                    continue
            groups.append([s, e])
    out = [(s, e) for s, e in groups]
    doc.user_data["remembrancer.sentence_groups"] = out
    return out


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


def clause_heads(doc) -> list[int]:
    """For each token, the index of the verb heading its clause (or of the sentence root)."""
    from spacy.attrs import DEP, HEAD, POS
    from spacy.symbols import AUX, VERB

    arr = doc.to_array([HEAD, DEP, POS]).astype(np.int64)
    n = len(doc)
    heads = (np.arange(n) + arr[:, 0]).tolist()
    strings = doc.vocab.strings
    clause_deps = {strings.add(d) for d in CLAUSE_DEPS}
    opens = [(p == VERB or p == AUX) and d in clause_deps for d, p in zip(arr[:, 1].tolist(), arr[:, 2].tolist())]
    out = [-1] * n
    for i in range(n):
        path, j = [], i
        while out[j] < 0 and not opens[j] and heads[j] != j:
            path.append(j)
            j = heads[j]
        top = out[j] if out[j] >= 0 else j
        out[j] = top
        for k in path:
            out[k] = top
    return out


def _hyphen_runs(doc) -> dict[int, tuple[int, int]]:
    """Words the tokenizer split at hyphens ("hide-and-seek"): token index -> (start, end)."""
    runs = {}
    for m in HYPHENATED.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) < 3:
            continue
        for k in range(span.start, span.end):
            runs[k] = (span.start, span.end)
    return runs


def _run_head(doc, run):
    s, e = run
    for t in doc[s:e]:
        if not (s <= t.head.i < e) or t.head.i == t.i:
            return t
    return doc[s]


def _modifier(t) -> bool:
    """A noun or gerund that makes a kind of thing: "tape" measure, "running" shoes."""
    return t.dep_ == "compound" or t.dep_ == "amod" and (t.tag_ == "VBG" or t.pos_ == "NOUN")


# Words said to someone, after which a bare noun is the one spoken to ("Thanks, love", "Yes love").
GREETINGS = {"thanks", "thank", "cheers", "ta", "yes", "yeah", "no", "hello", "hi", "hey", "bye", "goodbye",
             "goodnight", "night", "morning", "sorry", "please", "okay", "ok", "you"}


def _addressed(t) -> bool:
    """A bare noun said to someone rather than a thing: after an interjection or a thanks, and
    before a comma or the sentence's end ("Thanks, love.", "Yes love, I will", "Thank you, dear!")."""
    doc = t.doc
    if t.i == 0 or any(not c.is_punct and not (c.i < t.i and c.lower_ in GREETINGS) for c in t.children):
        return False
    after = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if after is not None and not (after.is_punct and after.text in ",.!?;…") and not after.is_space:
        return False
    before = doc[t.i - 1]
    if before.text == "," and t.i > 1:
        before = doc[t.i - 2]
    return before.lower_ in GREETINGS


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
    version = "7"  # 7: a chat's speaker names ("assistant:") are not cues

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
        clause_of = clause_heads(doc)

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

        turns = sorted((s, e) for s, e, _ in ex.speakers)
        turn_starts = [s for s, _ in turns]

        def said(tok) -> bool:
            """In a chat, inside a turn: "assistant" in "assistant: How is she?" names a speaker, not a thing."""
            i = bisect.bisect_right(turn_starts, tok.idx) - 1
            return not turns or (i >= 0 and tok.idx < turns[i][1])

        for head, start, end, cue in self.phrases(doc, owner, runs):
            if not said(head):
                continue
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
        from spacy.attrs import POS
        from spacy.symbols import NOUN, PROPN

        seen_runs = set()
        pos = doc.to_array([POS]).ravel()
        candidates = sorted(set(np.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()) | set(runs))
        for i in candidates:
            t = doc[i]
            run = runs.get(i)
            if run:
                if run in seen_runs:
                    continue
                seen_runs.add(run)
                head = _run_head(doc, run)
                nominal = head.pos_ in ("NOUN", "PROPN") or head.dep_ in NOMINAL_DEPS and (
                    head.dep_ != "conj" or head.head.pos_ in ("NOUN", "PROPN"))
                if head.dep_ in ("compound", "amod", "advmod", "acomp") or not nominal:
                    continue
                s, e = run
                if any(k in owner or doc[k].ent_type_ in NOT_THINGS or doc[k].lemma_.lower() in PERSON_NOUNS | TIME_NOUNS
                       for k in range(s, e)):
                    continue  # "mother-in-law", "mid-July", "twenty-five"
                span = doc[s:e]
                yield head, span.start_char, span.end_char, [span.text.lower()]
                continue
            if t.pos_ not in ("NOUN", "PROPN") or _modifier(t) and t.head.pos_ in ("NOUN", "PROPN"):
                continue
            if t.i in owner or t.ent_type_ in NOT_THINGS or t.is_stop or not t.is_alpha and "&" not in t.text:
                continue
            if t.pos_ == "NOUN" and _addressed(t):
                continue  # "Thanks, love": the one spoken to
            lemma = t.lemma_.lower()
            if t.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in SINGULAR_DETS for c in t.children):
                lemma = t.lower_  # "a battered atlas" is one atlas, whatever the tagger says: not "atla"
            if len(lemma) < 2 or lemma in PERSON_NOUNS or lemma in TIME_NOUNS or lemma in EMPTY_NOUNS:
                continue
            if PERSON_SUFFIX.search(lemma):
                continue  # "postman", "chairwoman", "salesperson"
            mods = self._compounds(t, owner)
            if t.dep_ == "dobj" and t.head.i == t.i - 1 and _misparsed_verb(t.head):
                mods = [t.head] + mods
            # Modifiers keep their form ("fighting spirit"), but plural nouns go singular.
            words = [m.lemma_.lower() if m.tag_ in ("NNS", "VB") else m.text.lower() for m in mods]
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
            if not _modifier(c) or c.pos_ == "PRON" or c.i in owner or c.ent_type_ in NOT_THINGS - {"PERSON"}:
                break  # a pronoun is never part of a thing's name: "bought us chips" is chips
            if c.i + 1 != (mods[0].i if mods else t.i):
                break
            mods.insert(0, c)
        return mods
