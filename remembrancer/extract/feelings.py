"""Feelings: the valence and main emotions of each sentence of an entry.

Valence is VADER's compound score (-1 .. 1), which reads negation, intensifiers and "but".
Emotions come from the NRC Emotion Lexicon shipped with the `nrclex` package (anger, anticipation,
disgust, fear, joy, sadness, surprise, trust), plus grief, love and guilt from a few plain words,
since those are what a life's memories are tied to. Each emotion is the share of the sentence's
words that carry it; a word under negation ("not happy") carries none. A person's or a cue's
feelings are read from the sentences they appear in (see `extract/__init__.py`).
"""
from __future__ import annotations

import json
import re
import string
from functools import lru_cache
from importlib import resources


from .base import Extraction, Feeling
from .cues import sentence_groups

EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")
# Feelings the NRC categories do not name, by lemma.
NAMED = {
    "grief": """grief grieve grieving mourn mourning bereave bereaved bereavement loss lose miss
        weep sob tear cry funeral widow widower heartbreak heartbroken sorrow lament condolence
        gone""",
    "love": """love lover beloved adore adoration darling sweetheart cherish dear dearest kiss
        hug embrace affection affectionate fond fondness tender tenderness devotion devoted
        romance romantic passion passionate""",
    "guilt": """guilt guilty ashamed shame shameful blame fault sorry regret remorse apologise
        apologize apology forgive forgiveness repent confess culpable""",
}
NAMED_LEMMAS = {w: k for k, words in NAMED.items() for w in words.split()}
NEGATORS = {"not", "n't", "never", "no", "without", "nothing", "nobody", "neither", "nor"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """The NRC Emotion Lexicon: word -> its emotions (read from the package's own data file)."""
    with resources.files("nrclex.data").joinpath("nrc_en.json").open("r", encoding="utf-8") as f:
        data = json.load(f)
    return {w: tuple(e for e in emos if e in EMOTIONS) for w, emos in data.items()}


@lru_cache(maxsize=1)
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


_TABLES: dict[int, tuple] = {}


def _tables(vocab):
    """The lexicons keyed by this vocabulary's string hashes, so tokens are looked up as ints."""
    key = id(vocab.strings)
    if key not in _TABLES:
        add = vocab.strings.add
        nrc = {add(w): emos for w, emos in lexicon().items() if emos}
        named = {add(w): k for w, k in NAMED_LEMMAS.items()}
        _TABLES[key] = (nrc, named, {add(w) for w in NEGATORS}, {add(p) for p in ",;:.!?"})
    return _TABLES[key]


def emotions(doc, start: int, end: int, arrays=None) -> dict[str, float]:
    """Emotion shares of doc[start:end]: hits per word, for each emotion that has any."""
    nrc, named, negators, clause_ends = _tables(doc.vocab)
    lower, lemma, punct, space, stop = arrays or _arrays(doc)
    counts: dict[str, int] = {}
    words = 0
    negated_until = -1
    for i in range(start, end):
        low = lower[i]
        if punct[i] or space[i]:
            if low in clause_ends:
                negated_until = -1  # negation ends with the clause
            continue
        words += 1
        if low in negators:
            negated_until = i + 3
            continue
        if i <= negated_until:
            continue
        kind = named.get(lemma[i]) or named.get(low)
        if stop[i] and not kind:
            continue
        for e in nrc.get(low) or nrc.get(lemma[i]) or ():
            counts[e] = counts.get(e, 0) + 1
        if kind:
            counts[kind] = counts.get(kind, 0) + 1
    if not words:
        return {}
    return {e: round(n / words, 4) for e, n in sorted(counts.items())}


def _arrays(doc):
    from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER  # here: importing this module needs no spaCy

    return [col.tolist() for col in doc.to_array([LOWER, LEMMA, IS_PUNCT, IS_SPACE, IS_STOP]).T]


_WORD = re.compile(r"\S+")


def valence(text: str) -> float:
    """VADER's compound score; a text with no word of VADER's lexicon is 0 without asking it."""
    vader = analyzer()
    lex = vader.lexicon
    if not any(w in lex or w.strip(string.punctuation) in lex for w in _WORD.findall(text.lower())):
        return 0.0
    return round(vader.polarity_scores(text)["compound"], 4)


class Feelings:
    """Valence and emotions of each sentence (a verbless fragment goes with the one before)."""

    name = "feelings"
    version = "1"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None or not len(doc):
            return ex
        arrays = _arrays(doc)
        text_all = doc.text
        for s, e in sentence_groups(doc):
            first = doc[s].idx
            last = doc[e - 1]
            raw = text_all[first:last.idx + len(last.text)]
            text = raw.strip()
            if not any(c.isalpha() for c in text):
                continue
            start = first + (len(raw) - len(raw.lstrip()))
            ex.feelings.append(Feeling(start, start + len(text), valence(text), emotions(doc, s, e, arrays)))
        return ex
