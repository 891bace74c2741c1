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


def emotions(tokens) -> dict[str, float]:
    """Emotion shares of a run of spaCy tokens: hits per word, for each emotion that has any."""
    lex = lexicon()
    counts: dict[str, int] = {}
    words = 0
    negated_until = -1
    for t in tokens:
        if t.is_punct or t.is_space:
            if t.text in ",;:.!?":
                negated_until = -1  # negation ends at the clause
            continue
        words += 1
        low = t.lower_
        if low in NEGATORS:
            negated_until = t.i + 3
            continue
        if t.i <= negated_until or t.is_stop and low not in NAMED_LEMMAS:
            continue
        lemma = t.lemma_.lower()
        hits = lex.get(low) or lex.get(lemma) or ()
        for e in hits:
            counts[e] = counts.get(e, 0) + 1
        named = NAMED_LEMMAS.get(lemma) or NAMED_LEMMAS.get(low)
        if named:
            counts[named] = counts.get(named, 0) + 1
    if not words:
        return {}
    return {e: round(n / words, 4) for e, n in sorted(counts.items())}


def valence(text: str) -> float:
    return round(analyzer().polarity_scores(text)["compound"], 4)


class Feelings:
    """Valence and emotions of each sentence (a verbless fragment goes with the one before)."""

    name = "feelings"
    version = "1"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None:
            return ex
        for s, e in sentence_groups(doc):
            span = doc[s:e]
            if not any(t.is_alpha for t in span):
                continue
            text = span.text.strip()
            start = span.start_char + (len(span.text) - len(span.text.lstrip()))
            ex.feelings.append(Feeling(start, start + len(text), valence(text), emotions(span)))
        return ex
