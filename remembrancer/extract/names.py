"""First names: how many people bear each and of which sex (the `nomquamgender` name data), a name as that data
writes it (`plain`), and whether one first name is another's nickname or short form ("Liz" of "Elizabeth", "Beth" of
"Bethan"). Read by people, aliases and narrator; imports no other component.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..kin import HONORIFICS, KIN_NAMES

# One name of the `nomquamgender` data: "name": [n, count, share female (NaN if unknown), n]. Only names
# borne by at least 10 people (a count of two digits or more) are read, and none with a quote in it (a
# handful of misspellings, such as 'pet"r'): the scan stays simple, and three times as fast as JSON.
_NAME_ROW = re.compile(rb'(?<!\\)"([^"]+)": \[[^,]+, (\d\d+), ([^,]+), [^\]]+\]')


@lru_cache(maxsize=1)
def _name_rows() -> list[tuple[str, int, float]]:
    """(first name, how many bear it, share female) from the `nomquamgender` name data: read each time
    the model is loaded, never cached in a file (nothing is written outside the store)."""
    import importlib.util

    spec = importlib.util.find_spec("nomquamgender")  # located, not imported (it imports pandas)
    data = (Path(spec.submodule_search_locations[0]) / "name_data.json").read_bytes()
    return [(name.decode("utf-8"), int(count), float(share)) for name, count, share in _NAME_ROW.findall(data)]


@lru_cache(maxsize=1)
def _name_genders() -> dict:
    """First names that are (nearly) always one gender: "f" or "m"."""
    return {name: "f" if share >= 0.9 else "m" for name, count, share in _name_rows()
            if count >= 100 and share == share and (share >= 0.9 or share <= 0.1)}


@lru_cache(maxsize=1)
def _name_counts() -> dict:
    """How many people bear each first name (at least 20), as log10."""
    return {name: round(math.log10(count), 2) for name, count, _ in _name_rows() if count >= 20}


def name_gender(first_name: str):
    """"m"/"f" when a first name is (nearly) always one gender in the name data, else None."""
    return _name_genders().get(plain(first_name))


def name_count(name: str) -> float:
    """log10 of how many people bear this first name in the name data (0 if fewer than 20)."""
    return _name_counts().get(plain(name), 0.0)


_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


@lru_cache(maxsize=1 << 14)
def plain(name: str) -> str:
    """A name in lower case without its accents, as the name data writes it ("Élodie", "Łukasz": "elodie", "lukasz")."""
    low = name.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low.translate(_LETTERS)) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1 << 16)
def nickname_of(a: str, b: str) -> bool:
    """Is one first name a curated nickname (or the same name) of the other? ("Liz", "Elizabeth")"""
    a, b = a.lower(), b.lower()
    return a == b or short_form(a, b) or short_form(b, a) or curated_nickname(a, b) or nickname_stem(a, b) \
        or nickname_stem(b, a) or spelt_otherwise(a, b)


@lru_cache(maxsize=1 << 14)
def nickname_keys(name: str) -> tuple[frozenset, frozenset]:
    """(first three letters, whole words) that every first name `nickname_of` this one has one of: a short form, a pet
    ending or a spelling (`short_form`, `spelt_otherwise`) begins as the name does, a curated nickname or a name it is a
    nickname of is listed (`curated_nickname`), and a shortened nickname begins as the nickname does or is the name
    `stemmed_from` gives (`nickname_stem`). So the names to compare are looked up, not every name read."""
    name = name.lower()
    namer = _namer()
    nicks = namer.nicknames_of(name)
    return (frozenset({name[:3]} | {n[:3] for n in nicks}),
            frozenset({name} | nicks | namer.canonicals_of(name) | stemmed_from(name)))


@lru_cache(maxsize=1)
def _stems() -> dict[str, set[str]]:
    """The first three letters or more of each curated nickname -> the full names it is a curated nickname of."""
    namer, found = _namer(), {}
    for nick, names in namer._canonical_lookup.items():
        for name in names:
            if curated_nickname(nick, name):
                for k in range(3, len(nick)):
                    found.setdefault(nick[:k], set()).add(name)
    # a full name that is itself a nickname of another there ("Beck", "Reba" of Rebecca) is that one
    return {stem: {n for n in names if not any(n in namer.nicknames_of(m) for m in names - {n})} for stem, names in found.items()}


@lru_cache(maxsize=4096)
def stemmed_from(short: str) -> frozenset:
    """The one full name `short` is the first letters of curated nicknames of, and of no other full name's ("Bec" of Becca
    and Becky: Rebecca), or none. A short name given in its own right ("Lyn", "Les"), a nickname of its own or a kin word
    is not a nickname shortened."""
    if not short.isalpha() or short in KIN_NAMES.keys() | HONORIFICS.keys() or name_gender(short) or _namer().canonicals_of(short):
        return frozenset()
    names = _stems().get(short, set())
    return frozenset(names) if len(names) == 1 else frozenset()


def nickname_stem(short: str, name: str) -> bool:
    """Is `short` a shortened nickname of `name` ("Bec" of Rebecca), as the nickname is said of it?"""
    return name in stemmed_from(short)


_ENDING = re.compile(r"(?:leigh|ley|lee|lie|li|ly)$")


@lru_cache(maxsize=4096)
def spelt_otherwise(a: str, b: str) -> bool:
    """Are a and b one name spelt with another ending, as "-leigh", "-ley", "-lee" are said alike ("Hayley",
    "Hayleigh"; "Ashlee", "Ashley")? Three letters before the ending at least, and not names of two sexes."""
    sa, sb = _ENDING.sub("", a), _ENDING.sub("", b)
    if a == b or sa != sb or len(sa) < 3 or sa == a or sb == b or not a.isalpha():
        return False
    ga, gb = name_gender(a), name_gender(b)
    return not (ga and gb and ga != gb)


@lru_cache(maxsize=4096)
def curated_nickname(a: str, b: str) -> bool:
    """Is one first name the other's nickname in the curated list ("Bob", "Robert"), not only its first letters?"""
    a, b = a.lower(), b.lower()
    namer = _namer()
    # A nickname that is a name of other people too ("Lisa" of "Alice" is also Elizabeth's, "Harry" also
    # Harold's) is too ambiguous to join on; one whose other forms all belong to the full name ("Liz",
    # "Tom": Thomas, Tommy; "Ollie": Oliver) is not.
    na, nb = namer.nicknames_of(a), namer.nicknames_of(b)
    return (b in na and nb <= na | {a}) or (a in nb and na <= nb | {b})


_DIMINUTIVE = re.compile(r"(?:y|ie|i|sy|s|o)$")


@lru_cache(maxsize=1 << 16)
def short_form(short: str, name: str) -> bool:
    """Is `short` the first letters of `name`, as people shorten names ("Beth" of "Bethan", "Glen" of
    "Glenys", "Den" of "Dennis"), perhaps with a pet ending ("Bethy", "Lows", "Ruki" of "Rukhsana")? Three letters at least,
    and not a name of the other sex ("Dan" is not "Daniela"), a kin word or a title ("Mam" is not "Mami")."""
    if len(short) < 3 or len(name) <= len(short) or not short.isalpha() or not name.isalpha() or {short, name} & (KIN_NAMES.keys() | HONORIFICS.keys()):
        return False
    stem = short if name.startswith(short) else _DIMINUTIVE.sub("", short)
    if len(stem) < 3 or not name.startswith(stem):
        return False
    gs, gn = name_gender(short), name_gender(name)
    return not (gs and gn and gs != gn)
