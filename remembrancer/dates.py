"""Dates people and files give us, as ISO 8601 strings.

A date alone stays a date ("2023-05-08"); a date with a time becomes "2023-05-08T13:56:00".
Both sort correctly as text.

Numbers alone ("08/05/2023") are read day-first or month-first as the store is set (`Order`): never
guessed. A date written without its year ("Sunday 4th August", "14 June") is a `Written` whose year
is found from what is around it (`Written.resolve`).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from .errors import BadDate

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{2}:?\d{2}|Z)?$")
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*(am|pm)\b", re.I)
_DATEISH = re.compile(
    r"\d{4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I
)


def to_iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)  # local wall-clock time
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


# -- day-first or month-first ------------------------------------------------------------------------
@dataclass(frozen=True)
class Order:
    """How numeric dates are read: `day_first` True (08/05 is 8 May), False (August 5) or None (refused
    when it matters); `source` says who chose: "flag" (--day-first), "store" (its setting), "locale"."""

    day_first: bool | None = None
    source: str | None = None

    @property
    def name(self) -> str | None:
        return None if self.day_first is None else "day-first" if self.day_first else "month-first"


DAY_FIRST, MONTH_FIRST = Order(True, "flag"), Order(False, "flag")
_MONTH_FIRST_PLACES = {"US", "PH", "PR", "GU", "AS", "MP", "VI", "UM", "FM", "MH", "PW"}
_YEAR_FIRST_PLACES = {"CN", "JP", "KR", "TW", "HU", "LT", "MN", "IR"}  # no numeric day/month habit to follow


def locale_order(environ=None) -> Order:
    """The order the user's locale writes dates in (LC_ALL, LC_TIME, LANG): month-first for the US and
    a few others, day-first for most places; none for C/POSIX or a year-first locale."""
    environ = os.environ if environ is None else environ
    value = next((environ.get(k) for k in ("LC_ALL", "LC_TIME", "LANG") if environ.get(k)), "")
    m = re.match(r"[a-z]{2,3}_([A-Z]{2})", value)
    if not m or m.group(1) in _YEAR_FIRST_PLACES:
        return Order()
    return Order(m.group(1) not in _MONTH_FIRST_PLACES, f"locale {value.split('.')[0]}")


def ambiguous_error(written: str, where: str = "") -> BadDate:
    return BadDate(f"{where}{written!r} could be day/month or month/day",
                   "Say how dates are written: --day-first (8/5 is 8 May) or --month-first (8/5 is August 5);"
                   " the store keeps the choice. Nothing was stored.")


# -- a date or date-time typed by a person ----------------------------------------------------------
def parse(text: str, day_first: bool | None = None) -> str:
    """Parse a date or date-time a person wrote; raise BadDate if it is not one (or if its numbers could
    be read two ways and `day_first` does not say which)."""
    if text is not None and not isinstance(text, str):
        raise BadDate(f"A date must be written as text, like \"2023-05-08\", not {_kind(text)}")
    try:
        return _parse((text or "").strip(), day_first)
    except (OverflowError, ValueError):  # a date, but out of range once in local time (9999-12-31T23:59-14:00 is in year 10000 here)
        raise BadDate(f"{text!r} falls outside the years 1 to 9999 (in local time)",
                      "Give a date within those years; nothing was stored.") from None


def _kind(value) -> str:
    return {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object", str: "text"}.get(
        type(value), f"a {type(value).__name__}")


def _parse(text: str, day_first: bool | None) -> str:
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
    if day_first is None and (m := _NUMERIC.search(text)) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 \
            and m.group(1) != m.group(2):
        raise ambiguous_error(m.group(0))
    from dateutil import parser

    try:
        # "1:56 pm on 8 May, 2023" (LoCoMo) needs the filler words skipped; a date without a year ("March 3")
        # is this year's
        value, skipped = parser.parse(text, fuzzy_with_tokens=True, dayfirst=bool(day_first),
                                      default=dt.datetime(dt.date.today().year, 1, 1))
    except (ValueError, OverflowError):
        raise BadDate(f"Not a date: {text!r}") from None
    extra = [w for piece in skipped for w in re.findall(r"[^\W_]+", piece.lower()) if w not in _FILLER]
    if extra:  # "banana 2023", "2023-01-01xyz", "in 2019 maybe": more than a date
        raise BadDate(f"Not only a date: {text!r} (what is {' '.join(extra)!r}?)")
    numbers = re.findall(r"\d+", _HAS_TIME.sub(" ", text))
    if len(numbers) == 1 and len(numbers[0]) < 4 and value.year != dt.date.today().year:
        # "32 Jan" is no day of January, and dateutil would make it January 2032
        raise BadDate(f"Not a date: {text!r} ({numbers[0]} is no day of the month)",
                      "Write the day and the year: 8 May 2023, or 2023-05-08.")
    return to_iso(value) if _HAS_TIME.search(text) else to_iso(value.date())


_RELATIVE = {"now": 0, "today": 0, "yesterday": 1}
_FILLER = {"on", "at", "of", "the", "in", "and", "st", "nd", "rd", "th"}  # "1:56 pm on 8 May, 2023"
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b")  # 08/05/2023: 8 May or August 5?


# -- dates written in headings and file names ----------------------------------------------------------
_MONTHS = {name: n for n, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sept sep", "october oct", "november nov", "december dec"), 1) for name in names.split()}
_WEEKDAYS = {name: n for n, names in enumerate((
    "monday mon", "tuesday tues tue", "wednesday weds wed", "thursday thurs thur thu", "friday fri",
    "saturday sat", "sunday sun")) for name in names.split()}
_MON = "(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WD = "(?:(?P<wd>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?,?\s+)?"
_YEAR = r"(?:,?\s+(?P<y>\d{4}|'\d{2})(?!\d))?"
_ORD = r"(?:st|nd|rd|th)?\b"
# Days of the year people name rather than number: (month, day), or a rule for those that move ("easter-2":
# two days before Easter Sunday; (month, weekday, n): the nth such weekday of the month, -1 the last).
_HOLIDAYS = {
    "new year's day": (1, 1), "epiphany": (1, 6), "st dwynwen's day": (1, 25), "burns night": (1, 25),
    "australia day": (1, 26), "groundhog day": (2, 2), "valentine's day": (2, 14), "st david's day": (3, 1),
    "st patrick's day": (3, 17), "st george's day": (4, 23), "anzac day": (4, 25), "may day": (5, 1),
    "canada day": (7, 1), "independence day": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31),
    "hallowe'en": (10, 31), "all saints' day": (11, 1), "all souls' day": (11, 2), "bonfire night": (11, 5),
    "guy fawkes night": (11, 5), "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11),
    "st andrew's day": (11, 30), "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas eve": (12, 24), "xmas day": (12, 25), "xmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "hogmanay": (12, 31),
    "easter sunday": "easter", "easter day": "easter", "easter": "easter", "easter monday": "easter+1",
    "easter saturday": "easter-1", "good friday": "easter-2", "maundy thursday": "easter-3", "palm sunday": "easter-7",
    "ash wednesday": "easter-46", "shrove tuesday": "easter-47", "pancake day": "easter-47",
    "mothering sunday": "easter-21", "whit sunday": "easter+49", "pentecost": "easter+49",
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "memorial day": (5, 0, -1), "labor day": (9, 0, 1),
    "martin luther king day": (1, 0, 3), "father's day": (6, 6, 3), "remembrance sunday": (11, 6, 2),
}
_HOLIDAY = "(?P<h>" + "|".join(re.escape(h).replace("'", "['’]?").replace(r"st\ ", r"st\.?\ ")
                               for h in sorted(_HOLIDAYS, key=len, reverse=True)) + r")\b"
_TIME = (r"(?:(?:,?\s*|T)(?:at\s+)?(?:(?P<H>\d{1,2})(?:[:.](?P<M>\d{2}))?\s*(?P<ap>[ap]\.?m\b\.?)"
         r"|(?P<H2>[01]?\d|2[0-3])[:.](?P<M2>[0-5]\d)))?")
_PATTERNS = [re.compile(p + _TIME, re.I) for p in (
    r"(?P<iy>\d{4})(?P<is>[-/.])(?P<im>\d{1,2})(?P=is)(?P<id>\d{1,2})(?!\d)",
    _WD + r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)",
    # "13 Feb", "13-Feb", not "Entry 13 - Feb. 28, 2021" (a number, then a date set off from it)
    _WD + r"(?:the\s+)?(?P<d>\d{1,2})" + _ORD + r"(?:\s+of)?(?:\s+|-)" + _MON + _YEAR,
    _WD + _MON + r"[\s-]+(?:the\s+)?(?P<d>\d{1,2})" + _ORD + _YEAR,
    _WD + _HOLIDAY + _YEAR,
    # a weekday and a day and month by numbers, with no year: "Thurs 11/5", "Tues. 3/11" (never a fraction after a weekday)
    _WD[:-1] + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![/\d])",
)]


@dataclass(frozen=True)
class Written:
    """A date as written: its year may be missing, and numbers alone (`a`/`b`) may be read two ways."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    holiday: str | None = None
    a: int | None = None  # 03.04.2022: the two numbers, day and month in some order
    b: int | None = None
    time: str | None = None  # "HH:MM:00"

    @property
    def shows(self) -> str | None:
        """The order its numbers prove ("day-first": 14/2, "month-first": 2/14), "either" if they could be
        read both ways, None for a date that needs no order."""
        if self.a is None:
            return None
        if self.a > 12 >= self.b:
            return "day-first"
        if self.b > 12 >= self.a:
            return "month-first"
        return None if self.a == self.b else "either" if self.a <= 12 else "invalid"

    def month_day(self, day_first: bool | None, year: int | None = None) -> tuple[int, int] | None:
        if self.holiday:
            rule = _HOLIDAYS[self.holiday]
            if isinstance(rule, tuple) and len(rule) == 2:
                return rule
            return None if year is None else _moving(rule, year)
        if self.a is None:
            return self.month, self.day
        shows = self.shows
        if shows == "invalid":
            return None
        if shows == "either" and self.weekday is not None and self.year:  # "Tuesday 3/4/2021": the weekday tells
            fits = [md for md in ((self.b, self.a), (self.a, self.b))
                    if (day := _date(self.year, *md)) and day.weekday() == self.weekday]
            if len(fits) == 1:
                return fits[0]
        first = {"day-first": True, "month-first": False}.get(shows, day_first)
        if first is None and shows == "either":
            raise ambiguous_error(self.text)
        return (self.b, self.a) if first or shows is None else (self.a, self.b)

    def resolve(self, day_first: bool | None = None, near: dt.date | None = None, before: bool = False,
                within: tuple[dt.date | None, dt.date | None] | None = None):
        """(ISO date or date-time, how its year was found: None if written), or None if it is no real date.
        Without a year: with a weekday, the year in which the date falls on it nearest to `near`; else the
        occurrence nearest to `near`, or (`before`) the last on or before it; one `within` (lo, hi) first."""
        near = near or dt.date.today()
        year, how = self.year, None
        if year is None:
            how = "weekday" if self.weekday is not None else "near"
            days = []
            for y in range(near.year - 40, near.year + 41):
                md = self.month_day(day_first, y)
                day = _date(y, *md) if md else None
                if day is None or (self.weekday is not None and day.weekday() != self.weekday):
                    continue
                if before and day > near + dt.timedelta(days=1):  # written after midnight, perhaps
                    continue
                days.append(day)
            if within:
                inside = [d for d in days if (within[0] is None or d >= within[0]) and (within[1] is None or d <= within[1])]
                days = inside or days
            if not days:
                return None
            year = min(days, key=lambda d: abs((d - near).days)).year
        md = self.month_day(day_first, year)
        day = _date(year, *md) if md else None
        if day is None:
            return None  # 31/02, or a moving feast without a year to fix it
        return (f"{day.isoformat()}T{self.time}" if self.time else day.isoformat()), how


def _date(y, m, d):
    try:
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


def _moving(rule, year: int) -> tuple[int, int]:
    if isinstance(rule, tuple):  # the nth weekday of a month (-1: the last)
        month, weekday, n = rule
        if n > 0:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        return day.month, day.day
    from dateutil.easter import easter

    day = easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    return day.month, day.day


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text.startswith("'"):
        text = text[1:]
    y = int(text)
    if len(text) == 2:
        y += 2000 if y <= dt.date.today().year % 100 + 1 else 1900
    return y


def _written(m: re.Match) -> Written:
    g = m.groupdict()
    time = None
    if g.get("H") or g.get("H2"):
        hour, minute = int(g.get("H") or g["H2"]), int(g.get("M") or g.get("M2") or 0)
        if g.get("ap"):
            hour = hour % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        time = f"{hour:02d}:{minute:02d}:00" if hour < 24 and minute < 60 else None
    weekday = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
    text = m.group(0)
    if g.get("iy"):
        return Written(text, int(g["iy"]), int(g["im"]), int(g["id"]), time=time)
    if g.get("a"):
        return Written(text, _year(g.get("y")), weekday=weekday, a=int(g["a"]), b=int(g["b"]), time=time)
    if g.get("h"):
        key = re.sub(r"['’]", "'", g["h"].lower()).replace("st. ", "st ")
        key = next((k for k in (key, key.replace("'", ""), key.replace("s ", "'s ")) if k in _HOLIDAYS), None)
        key = key or next(k for k in _HOLIDAYS if k.replace("'", "") == g["h"].lower().replace("'", "").replace("’", ""))
        return Written(text, _year(g.get("y")), weekday=weekday, holiday=key, time=time)
    return Written(text, _year(g.get("y")), _MONTHS[g["m"].lower().rstrip(".")], int(g["d"]), weekday, time=time)


def find(text: str) -> list[tuple[int, int, Written]]:
    """Every date written in a text: (start, end, Written), left to right, never overlapping."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), _written(m)))
    return sorted(found, key=lambda f: f[0])


_LABEL = re.compile(r"^(?:date|dated|written|when)\s*[:\-]\s*|^dated\s+", re.I)  # "Date: 1998-11-02"
_PLACE = re.compile(r"^(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*){1,2}(?=\S)")  # a letter's "Halifax, 2nd November 1998"
# What may stand beside a date on a line that is only the date: punctuation, "on", a time of day, a weekday.
_ASIDE = (r"on|the|at|in|of|early|late|very|morning|afternoon|evening|night|midnight|noon|lunchtime|teatime|bedtime"
          r"|written|dated|date|today|it's|it\s+is|is|wrote|writing|begun|started|finished"
          r"|hours|a\.?m\.?|p\.?m\.?|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|" + "|".join(_WEEKDAYS))
_REST = re.compile(r"^[\s,.;:!()\[\]*_#>—–-]*(?:(?:" + _ASIDE + r")\b[\s,.;:!()\[\]*_—–-]*)*$", re.I)
_AT_PLACE = re.compile(r",\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\.?\s*$")
_SET_OFF = re.compile(r"^[\s(\[]*[—–:|(,-]|[—–:|),-][\s)\]]*$")  # a separator between a title and its date


def line_date(line: str) -> Written | None:
    """The date a line holds alone ("Monday 8 May 2023", "Date: 1998-11-02", "3/3/20", "Christmas Eve 2021",
    "Sunday night, 26th January 2020", a letter's "Halifax, 2nd November 1998"), if it holds nothing else."""
    line = line.strip().strip("#*_> ").strip()
    if not line or len(line) > 60:
        return None
    for head in (_LABEL.sub("", line), None):
        if head is None:
            place = _PLACE.match(line)
            if not place or _DATEISH.search(place.group(0)):
                return None
            head = line[place.end():]
        found = find(head)
        if len(found) == 1:
            start, end, written = found[0]
            after = _AT_PLACE.sub("", head[end:])  # "26 January 2020, Halifax"
            if _REST.match(head[:start]) and _REST.match(after):
                return written
    return None


_NUMBERED = re.compile(r"^[\s*_#(\[]*[^\W\d_]+\.?\s*(?:no\.?\s*|#\s*)?\d{1,4}\s*[—–:|,-]\s*$", re.I)  # "Entry 14 - "


def titled_date(line: str) -> Written | None:
    """A whole date (with its year) opening or closing a short title, set off from it: "Dad's stories —
    July 4, 2020", "14 June 2021: the hospital", "Respite options (24th Nov 2022)", or a line in brackets
    "(after talking to Gemma, Thursday 5th May 2022)"."""
    line = line.strip().strip("#*_> ").strip()
    if not line or len(line.split()) > 14:
        return None
    found = [f for f in find(line) if f[2].day or f[2].holiday or f[2].a]
    if len(found) != 1:
        return None
    start, end, written = found[0]
    if not written.year and not _NUMBERED.match(line[:start]):
        return None  # a date without its year only after a numbered label: "Entry 14 - March 9", "Day 3: Tues 11/5"
    if line.startswith("(") and line.endswith(")"):
        return written
    before, after = line[:start], line[end:]
    if (not before.strip(" *_") or _SET_OFF.search(before)) and (not after.strip(" *_.") or _SET_OFF.search(after)) \
            and (before.strip(" *_") or after.strip(" *_.")):
        return written  # "Letter 12 — Sunday 26th January 2020 — from the allotment" too
    if after.strip(" *_.") == ")" and "(" in before:
        return written
    return None


_HEADING_LINES = 5  # a title, or a letter's address, may stand above the date
_SENTENCE = re.compile(r"[.!?]\s|[.!?,;]$")


def _lines(text: str, reverse: bool = False):
    """(line, offset just past it) of the non-empty lines, from the top or from the bottom."""
    pos, out = 0, []
    for line in text.split("\n"):
        pos += len(line) + 1
        if line.strip():
            out.append((line, pos))
    return reversed(out) if reverse else out


def heading_date(text: str) -> tuple[Written, int] | None:
    """The date heading a text, and the offset just past its line if it is the first line and nothing but
    the date (so it makes no passage), else 0. Looked for in the first lines, under a short title: a line
    that is only a date; a whole date set off in a title ("Dad's stories — July 4, 2020", "(24th Nov
    2022)"). Failing that, a date alone on one of the last four lines (a letter dated under its signature)."""
    for seen, (line, end) in enumerate(_lines(text[:2000])):
        if seen >= _HEADING_LINES:
            break
        alone = line_date(line)
        if alone is not None:
            return alone, (end if seen == 0 else 0)
        titled = titled_date(line)
        if titled is not None:
            return titled, 0
        salutation = len(line.split()) <= 4 and line.strip().endswith(",")  # "My dearest Joan," above the date
        if len(line.split()) > 8 or _SENTENCE.search(line.strip()) and not salutation:  # only a title may stand above
            break
    for seen, (line, _) in enumerate(_lines(text[-2000:], reverse=True)):
        if seen >= 4:  # under a signature, perhaps with a P.S. after it
            break
        alone = line_date(line)
        if alone is not None and alone.year:
            return alone, 0
    return None


def leading_date(text: str, day_first: bool | None = None) -> str | None:
    """A whole date (with its year) written alone on the first line of an entry ("Monday 8 May 2023",
    "Date: 1998-11-02", a letter's "Halifax, 2nd November 1998"), if any."""
    first = text.lstrip().split("\n", 1)[0]
    written = line_date(first)
    if written is None or written.year is None:
        return None
    try:
        found = written.resolve(day_first)
    except (BadDate, OverflowError):  # not a date, or one that local time takes past year 9999
        return None
    return found[0] if found else None


_NAME_PATTERNS = [re.compile(p, re.I) for p in (
    # 2019-06-02, 2019_06_02, 2019.06.02, 20190602, with a time after it perhaps (2019-06-02 21.43)
    r"(?<!\d)(?P<iy>(?:19|20)\d\d)(?P<s>[-_. ]?)(?P<im>[01]?\d)(?P=s)(?P<id>[0-3]?\d)(?!\d)"
    r"(?:[T _-](?P<H2>[01]\d|2[0-3])[:.-]?(?P<M2>[0-5]\d)(?!\d))?",
    # 14.02.2021, 03-07-2021, 14_2_2021
    r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[-_. ])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)",
    # March 7 2021, 7 March 2021, Tuesday 3rd March 2020
    _WD + r"(?:the\s+)?(?P<d>\d{1,2})" + _ORD + r"(?:\s+of)?[\s-]+" + _MON + r"(?:,?[\s-]+(?P<y>\d{4}))(?!\d)",
    _WD + _MON + r"[\s-]+(?P<d>\d{1,2})" + _ORD + r"(?:,?[\s-]+(?P<y>\d{4}))(?!\d)",
)]
_SHORT_NAME = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[-_. ])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2})(?:\s.*)?$")


def name_date(stem: str) -> Written | None:
    """The date a file's name gives ("2019-06-02", "2019-06-03 walk with dad", "notes-2021-04-06",
    "14.02.2021", "03-07-2021", "March 7 2021"), with its year; None if it gives none."""
    stem = stem.replace("_", " ") if not re.search(r"\d_\d", stem) else stem
    for pattern in _NAME_PATTERNS:
        m = pattern.search(stem)
        if m:
            written = _written(m)
            if written.a is None or written.shows != "invalid":
                return written
    m = _SHORT_NAME.match(stem)  # 14.02.21: a two-digit year only when the name is the date
    return _written(m) if m else None


def now() -> str:
    return to_iso(dt.datetime.now())
