"""Lexical search: the words a person types, as FTS5 terms (never its syntax), ranked by BM25 over the
passages' index (`passages_fts`), with emoji and other symbols (which its tokenizer drops) found beside
it in `passage_symbols`. `Memory.search` is this; recall fuses it with dense search.

Its statements are store.py's (FTS5's; a PostgreSQL memory's connection answers them, remembrancer/postgres.py).
"""
from __future__ import annotations

import re
import unicodedata

RANK_WINDOW = 5_000  # most passages one query ranks (the newest of its matches)
MAX_TERMS = 32  # words of a query used; a pasted page still searches, by its first words
STOPWORDS = frozenset(
    "a about after again all am an and any are as at be because been before being both but by can could did do"
    " does doing down during each few for from had has have having he her here hers herself him himself his how i"
    " if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours"
    " ourselves out over own same she should so some such than that the their theirs them themselves then there"
    " these they this those through to too under until up very was we were what when where which while who whom"
    " why will with would you your yours yourself".split()
)
_WORD = re.compile(r"\w+\*?", re.UNICODE)


def symbols(text: str) -> list[str]:
    """The emoji and other symbols in a text, each once, in order (Unicode category So: 🌷, ♥, ☂)."""
    return list(dict.fromkeys(c for c in text or "" if c > "\u00ff" and unicodedata.category(c) == "So"))


def fts_phrase(text: str) -> str:
    """A name or phrase as one quoted FTS5 phrase (a NUL made a space: FTS5 ends a query there)."""
    return '"' + text.replace('"', '""').replace("\x00", " ") + '"'


def fts_terms(text: str) -> list[str]:
    """The words typed by a person as quoted FTS5 terms, stopwords dropped unless nothing else is left."""
    words = []
    for token in _WORD.findall(text or ""):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if word:
            words.append(f'"{word}"' + ("*" if prefix else ""))
    content = [w for w in words if w.strip('"*').lower() not in STOPWORDS] or words
    return list(dict.fromkeys(content))[:MAX_TERMS]


def fts_query(text: str) -> tuple[str, ...]:
    """Words typed by a person as FTS5 queries: (all words, any word). Syntax is never passed through."""
    unique = fts_terms(text)
    if len(unique) < 2:
        return tuple(unique)
    return (" AND ".join(unique), " OR ".join(unique))


def search(memory, query: str, limit: int = 10) -> list[dict]:
    """BM25 over passages. Any text works: it is read as words, never as FTS syntax.

    Passages with every word rank first, then passages with any of the rarer words. Ranking costs
    time for every match and every match of a scored word, so to stay fast at any size the score
    counts only the words matching at most RANK_WINDOW passages (else the rarest word; a common
    word adds almost nothing to BM25), and a query matching more than RANK_WINDOW passages ranks
    the RANK_WINDOW most recently stored. A store of at most RANK_WINDOW passages gets plain BM25.
    """
    query = unicodedata.normalize("NFC", query)
    wanted = symbols(query)
    terms = fts_terms(query)
    if wanted:
        return _with_symbols(memory, wanted, terms, limit)
    if not terms:
        return []
    from . import store  # store.py reads this module's words as it loads

    with memory.lock:
        sizes = {t: store.fts_count(memory, t, RANK_WINDOW + 1) for t in terms}
    by_rarity = sorted(terms, key=sizes.get)
    scoring = [t for t in by_rarity if sizes[t] <= RANK_WINDOW] or by_rarity[:1]
    ranked = _ranked(memory, " AND ".join(terms), " AND ".join(scoring), limit)
    if len(ranked) < limit and len(terms) > 1:  # too few with every word: any of the rarer ones
        small = store.top_passage(memory) <= RANK_WINDOW  # then all of them
        rarer, total = [], 0
        for term in by_rarity:
            if rarer and total + sizes[term] > RANK_WINDOW and not small:
                break
            rarer.append(term)
            total += sizes[term]
        seen = {rowid for rowid, _ in ranked}
        either = " OR ".join(rarer)
        ranked += [r for r in _ranked(memory, either, either, limit) if r[0] not in seen][: limit - len(ranked)]
    found = {p["passage"]: p for p in memory.passages(rowid for rowid, _ in ranked)}
    return [dict(found[rowid], score=round(score, 4)) for rowid, score in ranked if rowid in found]

def _with_symbols(memory, wanted: list[str], terms: list[str], limit: int) -> list[dict]:
    """Search for emoji and symbols (kept in passage_symbols: the search index drops them): the passages
    holding every one, newest first; with words as well, those the words find first."""
    from . import store

    having = store.passages_with_symbols(memory, wanted, RANK_WINDOW)
    if not terms:
        return [dict(p, score=0.0) for p in memory.passages(having[:limit])]
    held = set(having)
    worded = search(memory, " ".join(t.strip('"*') for t in terms), limit=max(limit, 100))
    both = [p for p in worded if p["passage"] in held]
    rest = [dict(p, score=0.0) for p in memory.passages(i for i in having if i not in {q["passage"] for q in both})]
    return (both + rest)[:limit]

def _ranked(memory, match: str, scoring: str, limit: int) -> list:
    """(passage id, BM25 score by the terms of `scoring`) of the passages matching `match`, best first."""
    from . import store

    with memory.lock:
        return store.bm25_ranked(memory, match, scoring, store.fts_floor(memory, match, RANK_WINDOW), limit)
