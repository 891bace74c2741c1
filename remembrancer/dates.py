"""Dates people and files give us, as ISO 8601 strings.

A date alone stays a date ("2023-05-08"); a date with a time becomes "2023-05-08T13:56:00".
Both sort correctly as text.
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import BadDate

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{2}:?\d{2}|Z)?$")
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*(am|pm)\b", re.I)
_HAS_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")  # a heading "March 3" is not enough to date an entry
_DATEISH = re.compile(
    r"\d{4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I
)


def to_iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)  # local wall-clock time
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def parse(text: str) -> str:
    """Parse a date or date-time a person wrote; raise BadDate if it is not one."""
    if text is not None and not isinstance(text, str):
        raise BadDate(f"A date must be written as text, like \"2023-05-08\", not {_kind(text)}")
    try:
        return _parse((text or "").strip())
    except (OverflowError, ValueError) as e:  # a date, but out of range once in local time (9999-12-31T23:59-14:00)
        raise BadDate(f"{text!r} falls outside the years 1 to 9999 (in local time)",
                      "Give a date within those years; nothing was stored.") from None


def _kind(value) -> str:
    return {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object", str: "text"}.get(
        type(value), f"a {type(value).__name__}")


def _parse(text: str) -> str:
    if not text:
        raise BadDate("No date given")
    if _ISO.match(text):
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise BadDate(f"Not a date: {text!r}") from None
        return to_iso(value.date()) if len(text) == 10 else to_iso(value)
    word = text.lower()
    if word in _RELATIVE:
        return now() if word == "now" else to_iso(dt.date.today() - dt.timedelta(days=_RELATIVE[word]))
    if not _DATEISH.search(text):
        raise BadDate(f"Not a date: {text!r}")
    if (m := _NUMERIC.search(text)) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        raise BadDate(f"{m.group(0)!r} could be day/month or month/day",
                      "Write the month in words or ISO order: 8 May 2023, or 2023-05-08.")
    from dateutil import parser

    try:
        # "1:56 pm on 8 May, 2023" (LoCoMo) needs the filler words skipped; a date without a year ("March 3")
        # is this year's
        value, skipped = parser.parse(text, fuzzy_with_tokens=True, default=dt.datetime(dt.date.today().year, 1, 1))
    except (ValueError, OverflowError):
        raise BadDate(f"Not a date: {text!r}") from None
    extra = [w for piece in skipped for w in re.findall(r"[^\W_]+", piece.lower()) if w not in _FILLER]
    if extra:  # "banana 2023", "2023-01-01xyz", "in 2019 maybe": more than a date
        raise BadDate(f"Not only a date: {text!r} (what is {' '.join(extra)!r}?)")
    return to_iso(value) if _HAS_TIME.search(text) else to_iso(value.date())


_RELATIVE = {"now": 0, "today": 0, "yesterday": 1}
_FILLER = {"on", "at", "of", "the", "in", "and", "st", "nd", "rd", "th"}  # "1:56 pm on 8 May, 2023"
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")  # 08/05/2023: 8 May or August 5?


_LABEL = re.compile(r"^(?:date|dated|written|when)\s*[:\-]\s*|^dated\s+", re.I)  # "Date: 1998-11-02"
_PLACE = re.compile(r"^(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*){1,2}(?=\S)")  # a letter's "Halifax, 2nd November 1998"


def leading_date(text: str) -> str | None:
    """A date written alone on the first line of an entry ("Monday 8 May 2023", "Date: 1998-11-02",
    a letter's "Halifax, 2nd November 1998"), if any."""
    first = text.lstrip().split("\n", 1)[0].strip().strip("#*_ ").strip()
    found = _line_date(_LABEL.sub("", first))
    if found is None and (place := _PLACE.match(first)) and not _DATEISH.search(place.group(0)):
        found = _line_date(first[place.end():])
    return found


def _line_date(first: str) -> str | None:
    if not first or len(first) > 40 or not _DATEISH.search(first) or not _HAS_YEAR.search(first):
        return None
    if len(re.findall(r"[A-Za-z]+", first)) > 5:
        return None
    try:
        from dateutil import parser

        value = parser.parse(first, fuzzy=False, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return to_iso(value) if _HAS_TIME.search(first) else to_iso(value.date())


def now() -> str:
    return to_iso(dt.datetime.now())
