"""The role a noun names ("grandson", "sister-in-law", "boss"), by the kin and role words of kin.py. Read by people
(`role_like`) and relations; imports no other component.
"""
from __future__ import annotations

from ..kin import PREFIXES, ROLES, SUFFIXES


def in_law_end(token) -> int | None:
    """The index past "-in-law" when the tokenizer split it off the noun ("sister", "-", "in", "-", "law")."""
    doc, i = token.doc, token.i
    if doc[i + 1:i + 5].text.replace(" ", "").lower() == "-in-law":
        return i + 5
    if doc[i + 1:i + 3].text.lower() == "in law" and not (i + 3 < len(doc) and doc[i + 3].pos_ == "NOUN"):
        return i + 3  # "your father in law", as chats write it
    return None


def role_noun(token, open_vocab=()) -> str | None:
    """The role a noun names, lower case singular ("grandson", "sister-in-law"), or None."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN") and lemma not in ROLES:
        return None
    if lemma in ROLES and in_law_end(token) is not None:
        return lemma + "-in-law"  # "my sister-in-law Kerry" is not my sister
    if lemma in ROLES and _great(token):
        return "great-" + lemma  # "your great-granny Joan" is not your granny
    if lemma in ROLES and (half := _half(token)):
        return half + "-" + lemma  # "my half-brother Kyle", "my ex-husband Gary" (the tokenizer splits "half-")
    base = lemma
    for suffix in SUFFIXES:
        base = base.removesuffix(suffix)
    for prefix in PREFIXES:
        if base.startswith(prefix) and base[len(prefix):].lstrip("-") in ROLES:
            return lemma
    if base in ROLES or lemma in open_vocab:
        return lemma
    return None


def _half(token) -> str | None:
    """"half", "step" or "ex" written before a kin noun ("half-brother", "half sister", "step-mum", "ex-wife"), or None."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text in ("-", "‐") and doc[i - 2].lower_ in ("half", "step", "ex") \
            and doc[i - 1].idx == doc[i - 2].idx + len(doc[i - 2].text):
        return doc[i - 2].lower_
    return "half" if i >= 1 and doc[i - 1].lower_ == "half" and token.lemma_.lower() in ("brother", "sister", "sibling") else None


def _great(token) -> bool:
    """Is a kin noun a generation further ("great-granny", "great grandad"; the tokenizer splits "great-" off)? Not "a
    great mum": without the hyphen only before a grand- word."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text in ("-", "‐") and doc[i - 2].lower_ == "great" and doc[i - 1].idx == doc[i - 2].idx + 5:
        return True
    return i >= 1 and doc[i - 1].lower_ == "great" and token.lemma_.lower().startswith("grand")
