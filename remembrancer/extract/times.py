"""Times: the dates an entry (or a question) speaks of, as intervals.

Absolute dates ("8 May 2023", "May 2023", "2022", "the 1990s") and relative ones resolved against
an anchor, the entry's date ("yesterday", "last Saturday", "two weeks ago", "in twenty years",
"last summer", "the week before"). Every time is a half-open interval [lo, hi) of ISO dates.
`find_times` works on plain text with no model, so questions can use it too; `Times` is the
pipeline component. Relative times need an anchor; without one only absolute dates are found.
"""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, relativedelta

from .base import Extraction, Time

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
THAT_DAY = {"day", "night", "morning", "afternoon", "evening"}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # month each starts
NUMBERS = {w: i for i, w in enumerate(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty""".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
VAGUE = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3,
         "few": 3, "several": 4, "some": 3, "many": 10, "a hundred": 100, "a thousand": 1000}
DECADE_WORDS = {"thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
UNITS = {"day": "days", "week": "weeks", "fortnight": "fortnights", "month": "months",
         "year": "years", "decade": "decades", "century": "centuries"}

_month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_year = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_ordinal = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
# a day of the month in words, taken only where it can be nothing else: "the fourth of November", "November the
# fourth", "on the tenth"
DAY_WORDS = {w: i + 1 for i, w in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
    sixteenth seventeenth eighteenth nineteenth twentieth""".split())} | {"thirtieth": 30, "thirty-first": 31} | {
    f"twenty{sep}{w}": 20 + i for sep in ("-", " ") for w, i in
    zip("first second third fourth fifth sixth seventh eighth ninth".split(), range(1, 10))}
_day_word = "(?:" + "|".join(sorted((w.replace(" ", r"\s+") for w in DAY_WORDS), key=len, reverse=True)) + ")"
# an ordinal before a noun is no date ("the 20th century", "the 3rd time"): only before a pause or a small word
_ordinal_end = (r"(?=\s*(?:[,.;:!?)\-—–\n]|$)|\s+(?:at|in|on|for|and|or|but|so|when|then|to|till|until|with|from|if|as|after|"
                r"before|by|morning|afternoon|evening|night|we|i|he|she|they|it|is|was|will|right)\b)")
_modern_year = r"(?:1[89]\d\d|20\d\d|21\d\d)"  # a number alone is a year only in this range
_wd = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_num = (r"(?:\d+|a couple(?: of)?|couple of|a few|few|several|some|many|a hundred|a thousand|an?|"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
        r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_unit = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
_season = r"(?:spring|summer|autumn|fall|winter)"
_day_part = r"(?:morning|afternoon|arvo|evening|night)"  # ("arvo": Australian, the afternoon)
_that_day = r"(?:day|night|morning|afternoon|evening)"  # "that night", "the same day": of a day told before

# Ordered: where two patterns overlap, the longer match wins, then the earlier pattern.
# Compiled twice: case-sensitive ones run on the lower-cased text (faster than re.I), the re.I
# ones only on text whose length lower-casing would change.
_SOURCES = [
    ("iso", rf"\b({_year})-(\d\d)-(\d\d)\b"),
    ("numeric", rf"\b(\d{{1,2}})[/.](\d{{1,2}})[/.]({_year}|\d\d)\b"),
    # a weekday written with a date picks its year: "Saturday 15th June", "landing saturday 11th feb";
    # "next year" after it says which: "Saturday 15th June next year"
    ("dmy", rf"\b(?:({_wd}),?\s+)?(?:the\s+)?({_day}|(?<=the\s)(?!fourth\s+of\s+july){_day_word}(?=\s+of\b))(?:\s+of)?\s+({_month})\.?,?(?:\s+({_year})|\s+(next|last|this)\s+year)?\b"),
    ("mdy", rf"\b(?:({_wd}),?\s+)?({_month})\.?\s+(?:the\s+)?({_day}|(?<=the\s){_day_word})(?:,?\s+({_year})|\s+(next|last|this)\s+year)?\b(?!:)"),
    # a day of the month alone: "on the 28th", "Friday the 7th", "thursday 9th" (the month is the entry's, or near it)
    ("ordinal", rf"\b(?:({_wd}),?\s+(?:the\s+)?|the\s+)({_ordinal}|(?<=\bon\sthe\s){_day_word})\b(?!\s*(?:of\s+)?{_month}\b){_ordinal_end}"),
    # "March 1998", "March of 1998", "March of '98" (a year by its last two digits: the century that has been)
    ("month_year", rf"\b({_month})\.?(?:\s+of)?,?\s+(?:({_year})\b|['’](\d\d)\b(?!['’]))"),
    # early, the middle or late in a month or a year, read as all of it: "early March", "mid-March 2019", "late 2019"
    ("part_word", rf"\b(early|mid|late)[- ](?:({_month})\b(?!\s*\d\d?\b)(?:,?\s+(?:of\s+)?({_year}))?|({_year})\b(?![\d:]))"),
    ("month", rf"\b(?:(last|next|this|in|since|until|till|by|during|early|late|mid|of|from)\s+)({_month})\b(?!\s*\d)"),
    # "the summer of 1979", "the fall of '09" (a year by its last two digits: the century that has been)
    ("season_year", rf"\b(?:the\s+)?({_season})\s+(?:of\s+)?(?:({_year})\b|['’](\d\d)\b(?!['’]))"),
    ("season", rf"\b(last|next|this)\s+({_season})\b"),
    # "in the summer", "over the winter" said as to come: the next one (said of the past, it may be any year's)
    ("the_season", rf"\b(?:in|during|over|by|until|till|through)\s+the\s+({_season})\b(?!\s+(?:of|before|after|when|that|we|i|he|she|they|you)\b)"),
    # "six weeks tomorrow since the funeral", "six months on Sunday since she went": that day, so long back (before "week_on")
    ("since_on", rf"\b({_num})\s+(weeks?|fortnights?|months?)\s+(?:(tomorrow|yesterday)|on\s+({_wd}))(?=\s+since\b)"),
    # "a week on Monday", "two weeks on Friday", "a week today", "Monday week": so many weeks after the next such day (British)
    # ("a week today" is left to "today_n": "a week today since he died" is a week back)
    ("week_on", rf"\b(?:({_num})\s+weeks?\s+(?:on\s+)?({_wd}|tomorrow)|(?<!every )(?<!each )({_wd})\s+week)\b"),
    # "last Tuesday fortnight", "a week last Monday", "a fortnight past Sunday", "a week ago Sunday": so many weeks before
    # the last such day (British, Irish, American alike)
    ("week_last", rf"\b(?:last\s+({_wd})\s+(week|fortnight)|({_num})\s+(weeks?|fortnights?)\s+(?:last|past|ago|gone)\s+({_wd}))\b"),
    # "two Christmases ago", "three summers ago": the feast or season so many back (the last one is one ago)
    ("feasts_ago", rf"\b({_num})\s+(christmases|easters|summers|winters|springs|autumns|falls)\s+ago\b"),
    # "this time last year", "about this time two years ago": the same fortnight of that year
    ("this_time", rf"\b(?:(?:about|around)\s+)?this\s+time\s+(?:(last)\s+year|({_num})\s+years?\s+ago)\b"),
    # "that summer", "that March", "that year", "that Christmas": of the time told just before (dropped with none)
    # "that same year", "the fall of '09", by another event ("the year Sam was born", "when Mom turned 70": by_event), "the same summer": as "that year" (not "the same year as Sam": a year told by what follows)
    ("that", rf"\b(?:that(?:\s+(?:very\s+)?same)?|the\s+(?:very\s+)?same)\s+({_season}|{_month}|year|christmas|easter|{_that_day})\b"
             rf"(?<!\bmay)(?<!\bmarch)(?<!\bfall)(?!\s+as\b)"),  # not "that may be"
    ("decade", r"\b(?:the\s+)?(?:(early|mid|late)[- ])?((?:1[0-9]|20)\d0)'?s\b"),
    # "in the 80s", "the '60s", "the early seventies": of the last century (never "her 80s", an age; "the 20s" and "the
    # 00s" could be either century). Not beside the weather: "in the 80s all week" (American degrees)
    ("decade_short", r"\bthe\s+(?:(early|mid|late)[- ])?(?:['’]?([3-9]0)['’]?s|(" + "|".join(DECADE_WORDS) + r"))\b"
                     r"(?![^.!?\n]*\b(?:degrees|temps?|temperatures?|weather|humid|heat|hot|warm|sunny)\b)"),
    ("year", rf"\b(?:(?:in|since|from|until|till|by|before|after|during|of|around|circa|early|late|mid|year)\s+)({_modern_year})\b(?![\d:])"),
    # ... or as the subject of its sentence: "2019 was a hard year", "This year and 2019 are the two I'd give back"
    ("bare_year", rf"(?:^|(?<=[\s(\"“]))({_modern_year})(?=[\s]*(?:[,.;:!?)\"”]|$)|\s+(?:was|were|is|are|has|had)\b)"),
    # a year by its last two digits after a word that takes a year: "born in '46", "the summer of '79"
    ("short_year", r"\b(?:(?:in|since|from|until|till|by|before|after|during|of|around|circa|back in)\s+)['’](\d\d)\b(?!['’])"),
    # "an hour ago", "twenty minutes ago": the day it is written
    ("hours_ago", rf"\b({_num})\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b"),
    # "at the weekend" (British), "on the weekend" (American, Australian), "over the weekend": the one just gone, or
    # the next when to come
    ("the_weekend", r"\b(?:at|on|over)\s+the\s+weekend\b(?!\s+(?:of|before|after)\b)"),
    ("day_word", r"\b((?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("this_part", rf"\b(this|last)\s+({_day_part})\b"),
    # "every Thursday", "each Christmas": a habit, not a day
    # "on a Sunday", "one Thursday": some such day, not the one just gone ("You died on a Sunday morning", in a letter two
    # years on); "on the Sunday": a day of the story told ("went in on the Friday and died on the Sunday"), not the last
    # one
    ("weekday", rf"\b(?:(last|next|this|on|that)\s+)?(?<!every )(?<!each )(?<!\ba )(?<!\bone )(?<!\bsome )(?<!\bthe )({_wd})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    # "the Friday before last", "the week before last": the one before the last one
    ("before_last", rf"\bthe\s+({_wd}|week|weekend|month|year)\s+before\s+last\b"),
    # "the Friday after next", "the week after next": the one after the next one
    ("after_next", rf"\bthe\s+({_wd}|week|weekend|month|year)\s+after\s+next\b"),
    ("weekday_abbr", r"\b(last|next|this)\s+(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b"),
    # "two days after Christmas", "three weeks before our anniversary": counted from what follows, or no time at all
    ("ago", rf"\b({_num})\s+({_unit})\s+(ago|before|after|earlier|later|from now|hence)(?:\s+(today))?\b"),
    # "three weeks since he died", "it's been a year since Mum passed": counted back like "ago"
    # (not "two years since 2019", whose date is told)
    ("since_n", rf"\b({_num})\s+({_unit})(?=\s+since\b(?!\s+(?:\d|{_month}\b)))"),
    # a state held so long: "we've been married ten years", "he's been retired a month" began so long before
    ("been_n", rf"\bbeen\s+(?:married|engaged|together|divorced|separated|retired|widowed|dating|here|there|in)\s+(?:for\s+)?({_num})\s+(days?|weeks?|months?|years?|decades?)\b(?!\s+(?:ago|before|earlier|later|old|since|now))"),
    # "four years today since Mum died", "a year today": that very day, so many years back
    # ... and "twenty years married today": the state began that day, so many years back (the time is "twenty years": the
    # state's word is the event's)
    ("today_n", rf"\b({_num})\s+({_unit})(?:\s+today\b|(?=\s+(?:married|wed|together|engaged|retired|widowed|divorced|gone)\s+today\b))"),
    ("in_n", rf"\b(in|within)\s+({_num})\s+({_unit})(?:'?\s*time)?\b"),
    # (not "the last week of March", "the last year of school": a part of what follows, not the one just gone)
    ("rel_unit", r"\b(last|next|this|this\s+past|past|the\s+previous|the\s+following|earlier\s+this|later\s+this)\s+(week|fortnight|month|year|decade|century|weekend)\b(?!\s+of\b)"),
    # (not the end of "last month after thirty years", "this week after all": "last month" is the time)
    ("unit_before", r"\b(?<!last\s)(?<!next\s)(?<!this\s)(?<!past\s)(?:the\s+)?(day|night|week|weekend|month|year)\s+(before|after)\b(?!\s+(?:yesterday|tomorrow|last|next|the|that|this|a|his|her|my|our|their|your)\b)"),
    # an anniversary: "twenty-three years this March", "thirty years ago this June", "35 years tomorrow": so many
    # years before that month or day of this year
    # ... or on a weekday: "it's four years on Thursday since Dad died" (the Thursday to come, or gone when said in the past)
    # "it was a year last Tuesday since you died" (British: the anniversary was last Tuesday); "we were married forty years in
    # May", "it'll be two years in August since", "two years last August": that month's anniversary (to come, or gone)
    ("years_this", rf"\b({_num})\s+(years?|decades?)\s+(?:ago\s+)?(?:(this|in|last)\s+({_month}|month|{_season}|week)|(tomorrow|yesterday)|(on|last)\s+({_wd}))\b"),
    # a day and month by numbers, with no year: "Closing is 6/3", "his last day is 3/31", "on 14/2" (not a fraction,
    # a score or a rating: "1/2", "3/4 of", "8/10", "24/7", unless after a word that takes a date; "3/4 in" is inches, but
    # "died on 3/5 in Ibadan" a day in a place)
    ("numeric_dm", r"(?:\b(on|by|until|till|from|since|before|after|due|born|died)\s+)?(?<![\d/.:,£$])\b(\d{1,2})/(\d{1,2})\b(?![/.:]\d|\d|\s*(?:%|of\b|cups?\b|tsp\b|tbsp\b|inch|(?(1)(?!)|in\b)|miles?\b|lbs?\b|oz\b|kg\b|ml\b|pints?\b|times\b|people\b))"),
    # part of a month, a year or a week, read as all of it: "at the end of the month", "the beginning of March"
    ("part_of", rf"\b(?:the\s+)?(end|beginning|start|middle)\s+of\s+(?:(the|this|next|last)\s+)?(?:(month|year|week)|({_month})(?:,?\s+({_year}))?|({_year}))\b"),
    # "in the New Year": its January (the one just gone, or to come)
    ("new_year", r"\b(?:in|over|after|since|until|till)\s+the\s+new\s+year\b(?!'|’|\s+(?:eve|day|resolution|party|honours))"),
    ("holiday", rf"\b(?:(last|next|this|on|at)\s+)?(?<!every )(?<!each )(christmas eve|christmas day|christmas|new year'?s eve|"
                rf"new year'?s day|halloween|valentine'?s day|easter(?: sunday| day| monday)?|good friday|boxing day|thanksgiving|memorial day|labou?r day|"
                rf"fourth of july|independence day|father'?s day|st\.? patrick'?s day|bonfire night|guy fawkes night|hogmanay|"
                rf"st\.? david'?s day)(?:\s+({_year}))?(?:\s+((?:long\s+)?weekend))?\b"),
]
PATTERNS = [(kind, re.compile(p)) for kind, p in _SOURCES]
# How sure a reading is, by its pattern: a full date is sure; a date without its year, a weekday, a month
# are placed by the entry's date (the one just gone, or the next one if spoken of as to come); "a few years
# ago" is vague (times 0.7); "08/05/2023" may be either order.
CONFIDENCE = {"iso": 0.99, "numeric": 0.8, "dmy": 0.97, "mdy": 0.97, "dmy_no_year": 0.85, "mdy_no_year": 0.85,
              "month_year": 0.97, "month": 0.85, "season_year": 0.95, "season": 0.8, "the_season": 0.75, "week_on": 0.85, "week_last": 0.85, "feasts_ago": 0.85, "this_time": 0.8, "decade": 0.9, "decade_short": 0.85, "year": 0.95,
              "bare_year": 0.85, "day_word": 0.95, "hours_ago": 0.9, "the_weekend": 0.8, "this_part": 0.9, "weekday": 0.85, "weekday_abbr": 0.85, "before_last": 0.85, "after_next": 0.85, "ago": 0.9,
              "since_n": 0.8, "in_n": 0.75, "rel_unit": 0.85, "unit_before": 0.75, "holiday": 0.9, "new_year": 0.8,
              "ordinal": 0.8, "that": 0.8, "part_word": 0.85, "short_year": 0.85, "today_n": 0.95, "years_this": 0.9, "since_on": 0.9, "numeric_dm": 0.7, "part_of": 0.8, "been_n": 0.75}
PATTERNS_I = [(kind, re.compile(p, re.I)) for kind, p in _SOURCES]


def _to_date(anchor) -> dt.date | None:
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


# "today", "tonight", "this evening", "tomorrow" written after midnight and before four: of the day not yet slept off
SMALL_HOURS = re.compile(r"today|tonight|tomorrow|this\s+(?:evening|afternoon)", re.I)


def _small_hours(anchor) -> bool:
    """Was the text written between midnight and four in the morning (an anchor with its time)?"""
    clock = re.match(r"\d{4}-\d\d-\d\d[T ](\d\d):", anchor if isinstance(anchor, str) else
                     anchor.isoformat() if isinstance(anchor, dt.datetime) else "")
    return bool(clock) and int(clock.group(1)) < 4


def parse_number(text: str) -> int | None:
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    if t in VAGUE:
        return VAGUE[t]
    if t in NUMBERS:
        return NUMBERS[t]
    parts = re.split(r"[- ]", t)
    if parts[0] in TENS:
        return TENS[parts[0]] + (NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def _month_of(text: str) -> int:
    t = text.lower().rstrip(".")
    return MONTHS.get(t) or MONTH_ABBR[t[:4] if t.startswith("sept") else t[:3]]


def _valid(y: int, m: int, d: int) -> bool:
    return d <= monthrange(y, m)[1]


def _day_of(text: str) -> int:
    m = re.match(r"\d+", text)
    return int(m.group()) if m else DAY_WORDS[" ".join(text.lower().split())]


def _year_of(text: str) -> int:
    y = int(text)
    return y if len(text) == 4 else (2000 + y if y < 50 else 1900 + y)


def day(d: dt.date) -> tuple[dt.date, dt.date]:
    return d, d + dt.timedelta(days=1)


def week(d: dt.date) -> tuple[dt.date, dt.date]:
    lo = d - dt.timedelta(days=d.weekday())
    return lo, lo + dt.timedelta(days=7)


def month(y: int, m: int) -> tuple[dt.date, dt.date]:
    lo = dt.date(y, m, 1)
    return lo, lo + relativedelta(months=1)


def year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)


def season(y: int, name: str) -> tuple[dt.date, dt.date]:
    """The season that starts in year y (winter runs December to February)."""
    lo = dt.date(y, SEASONS[name.lower()], 1)
    return lo, lo + relativedelta(months=3)


def _season_start_year(d: dt.date, name: str) -> int:
    """The year in which the season containing or most recently before d started."""
    start = SEASONS[name.lower()]
    return d.year if d.month >= start else d.year - 1


def _unit_span(d: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    unit = unit.lower()
    if unit.startswith("day"):
        return day(d)
    if unit.startswith("week") or unit.startswith("fortnight"):
        return week(d)
    if unit.startswith("month"):
        return month(d.year, d.month)
    if unit.startswith("year"):
        return year(d.year)
    if unit.startswith("decade"):
        y = d.year - d.year % 10
        return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
    y = d.year - d.year % 100
    return dt.date(y, 1, 1), dt.date(y + 100, 1, 1)


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower()
    if unit.startswith("day"):
        return d + dt.timedelta(days=n)
    if unit.startswith("fortnight"):
        return d + dt.timedelta(days=14 * n)
    if unit.startswith("week"):
        return d + dt.timedelta(days=7 * n)
    if unit.startswith("month"):
        return d + relativedelta(months=n)
    if unit.startswith("year"):
        return d + relativedelta(years=n)
    if unit.startswith("decade"):
        return d + relativedelta(years=10 * n)
    return d + relativedelta(years=100 * n)


def _holiday(name: str, y: int) -> dt.date:
    name = name.lower().replace("'", "").replace(".", "")
    if name == "good friday":
        return easter(y) - dt.timedelta(days=2)
    if name == "easter monday":
        return easter(y) + dt.timedelta(days=1)
    if name.startswith("easter"):
        return easter(y)
    moving = {"thanksgiving": (11, 1, TH(4)), "memorial day": (5, 31, MO(-1)), "labor day": (9, 1, MO(1)),
              "labour day": (9, 1, MO(1)), "fathers day": (6, 1, SU(3))}  # the US ones; Father's Day is the UK's too
    if name in moving:
        m, d, wd = moving[name]
        return dt.date(y, m, d) + relativedelta(weekday=wd)
    fixed = {"fourth of july": (7, 4), "independence day": (7, 4), "st patricks day": (3, 17), "bonfire night": (11, 5),
             "guy fawkes night": (11, 5), "hogmanay": (12, 31), "st davids day": (3, 1)}
    if name in fixed:
        return dt.date(y, *fixed[name])
    return {"christmas eve": dt.date(y, 12, 24), "christmas day": dt.date(y, 12, 25),
            "christmas": dt.date(y, 12, 25), "new years eve": dt.date(y, 12, 31),
            "new years day": dt.date(y, 1, 1), "halloween": dt.date(y, 10, 31),
            "valentines day": dt.date(y, 2, 14), "boxing day": dt.date(y, 12, 26)}[name]


def _resolve(kind: str, g: tuple, a: dt.date | None, future: bool = False, day_first: bool | None = None):
    """The interval a match stands for, or None when it cannot be resolved. A day, month, weekday
    or holiday without a year is the one just gone, or with `future` the next one."""
    low = [x.lower() if isinstance(x, str) else x for x in g]
    if kind == "iso":
        return day(dt.date(int(g[0]), int(g[1]), int(g[2])))
    if kind == "numeric":
        first, second, y = int(g[0]), int(g[1]), _year_of(g[2])
        # As the store reads dates (`day_first`); with no setting, day first unless that is impossible:
        # most of the world writes 8/5/2023 for 8 May.
        if day_first is False:
            d, m = (second, first) if first <= 12 else (first, second)
        else:
            d, m = (first, second) if second <= 12 else (second, first)
        return day(dt.date(y, m, d))
    if kind in ("dmy", "mdy"):
        wd_s, d_s, m_s = (g[0], g[1], g[2]) if kind == "dmy" else (g[0], g[2], g[1])
        d, m = _day_of(d_s), _month_of(m_s)
        if g[3]:
            return day(dt.date(int(g[3]), m, d))
        if a is None:
            return None
        if low[4]:  # "15th June next year"
            return day(dt.date(a.year + {"next": 1, "last": -1, "this": 0}[low[4]], m, d))
        if wd_s:  # "Saturday 15th June": the year, of the three nearest, whose 15 June is a Saturday
            wd = WEEKDAYS[wd_s.lower()]
            fits = [y for y in (a.year, a.year + 1, a.year - 1) if _valid(y, m, d) and dt.date(y, m, d).weekday() == wd]
            if fits:
                return day(dt.date(fits[0], m, d))
        if future:
            y = a.year if (m, d) >= (a.month, a.day) else a.year + 1
        else:
            y = a.year if (m, d) <= (a.month, a.day) else a.year - 1  # most recent such day
        return day(dt.date(y, m, d))
    if kind == "that":
        if a is None:
            return None
        what = low[0]
        if what == "year":
            return year(a.year)
        if what in SEASONS:
            return season(a.year - 1 if what == "winter" and a.month < 3 else a.year, what)
        if what in ("christmas", "easter"):
            return _holiday_span(what, _holiday(what, a.year))
        if what in THAT_DAY:
            return day(a)
        return month(a.year, _month_of(what))
    if kind == "part_word":
        if g[3]:
            lo, hi = year(int(g[3]))
        elif g[2]:
            lo, hi = month(int(g[2]), _month_of(g[1]))
        else:
            if a is None:
                return None
            m = _month_of(g[1])
            y = (a.year if m >= a.month else a.year + 1) if future else (a.year if m <= a.month else a.year - 1)
            lo, hi = month(y, m)
        return _part(lo, hi, low[0])
    if kind == "numeric_dm":
        if a is None:
            return None
        first, second = int(g[1]), int(g[2])
        if day_first is False:
            d, m = (second, first) if first <= 12 else (first, second)
        else:
            d, m = (first, second) if second <= 12 else (second, first)
        if m > 12 or not (g[0] or _date_like(first, second)):
            return None
        if future:
            y = a.year if (m, d) >= (a.month, a.day) else a.year + 1
        else:
            y = a.year if (m, d) <= (a.month, a.day) else a.year - 1
        return day(dt.date(y, m, d))
    if kind == "since_on":
        if a is None:
            return None
        n = parse_number(g[0])
        if n is None:
            return None
        if low[2]:
            d = a + dt.timedelta(days=1 if low[2] == "tomorrow" else -1)
        else:
            wd = WEEKDAYS[low[3]]
            d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7) if future else a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
        return day(_shift(d, -n, g[1]))
    if kind == "years_this":
        if a is None:
            return None
        n = parse_number(g[0])
        if n is None:
            return None
        what = (low[3] or low[4] or "").rstrip(".")
        if low[6]:
            wd = WEEKDAYS[low[6]]
            ahead = future and low[5] == "on"
            lo, hi = day(a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7) if ahead else a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7))
        elif what in ("tomorrow", "yesterday"):
            lo, hi = day(a + dt.timedelta(days=1 if what == "tomorrow" else -1))
        elif what == "month":
            lo, hi = month(a.year, a.month)
        elif what == "week":
            lo, hi = week(a)
        elif what in SEASONS:
            lo, hi = season(a.year - 1 if what == "winter" and a.month < 3 else a.year, what)  # this year's
        elif low[2] in ("in", "last"):  # "forty years in May": the May just gone, or the next when to come; "last May": gone
            m = _month_of(what)
            if low[2] == "last":
                y = a.year if m < a.month else a.year - 1
            elif future:
                y = a.year if m >= a.month else a.year + 1
            else:
                y = a.year if m <= a.month else a.year - 1
            lo, hi = month(y, m)
        else:
            lo, hi = month(a.year, _month_of(what))
        back = n * (10 if low[1].startswith("decade") else 1)
        return lo - relativedelta(years=back), hi - relativedelta(years=back)
    if kind == "part_of":
        which, unit = low[1], low[2] or low[3] or low[5]
        if g[5]:
            lo, hi = year(int(g[5]))
        elif g[4]:
            lo, hi = month(int(g[4]), _month_of(g[3]))
        elif unit in ("month", "year", "week"):
            if a is None:
                return None
            step = {"next": 1, "last": -1}.get(which or "", 0)
            lo, hi = _unit_span(_shift(a, step, unit), unit)
        else:
            if a is None:
                return None
            m = _month_of(unit)
            if future:
                y = a.year if m >= a.month else a.year + 1
            else:
                y = a.year if m <= a.month else a.year - 1
            lo, hi = month(y, m)
        return _part(lo, hi, low[0])
    if kind == "ordinal":
        if a is None:
            return None
        d = _day_of(g[1])
        # this month's, the last or the next month's: the one the weekday fits, else the one just gone (to come)
        near = [dt.date(x.year, x.month, d) for x in (a + relativedelta(months=k) for k in (0, -1, 1, -2, 2))
                if _valid(x.year, x.month, d)]
        if g[0]:
            wd = WEEKDAYS[low[0]]
            fits = [x for x in near if x.weekday() == wd]
            if fits:
                return day(min(fits, key=lambda x: abs((x - a).days)))
        if future:
            return day(min((x for x in near if x >= a), default=near[0], key=lambda x: (x - a).days))
        return day(max((x for x in near if x <= a), default=near[0]))
    if kind == "short_year":
        y = int(g[0]) + 2000
        top = (a or dt.date.today()).year
        return year(y if y <= top else y - 100)  # "born in '46": the century that has been
    if kind == "month_year":
        if g[1]:
            return month(int(g[1]), _month_of(g[0]))
        y, top = int(g[2]) + 2000, (a or dt.date.today()).year
        return month(y if y <= top else y - 100, _month_of(g[0]))
    if kind == "month":
        if low[0] is None or a is None:
            return None
        m = _month_of(g[1])
        if low[0] == "next":
            y = a.year if m > a.month else a.year + 1
        elif low[0] == "last":
            y = a.year if m < a.month else a.year - 1
        elif low[0] == "this":
            y = a.year
        elif future:
            y = a.year if m >= a.month else a.year + 1
        else:
            y = a.year if m <= a.month else a.year - 1
        return month(y, m)
    if kind == "season_year":
        if g[1]:
            return season(int(g[1]), g[0])
        y, top = int(g[2]) + 2000, (a or dt.date.today()).year
        return season(y if y <= top else y - 100, g[0])
    if kind == "week_on":
        if a is None:
            return None
        n = 1 if g[2] else parse_number(g[0])
        what = (low[1] or low[2])
        if n is None or n > 8:
            return None
        if what == "tomorrow":
            base = a + dt.timedelta(days=1)
        else:
            base = a + dt.timedelta(days=(WEEKDAYS[what] - a.weekday()) % 7 or 7)
        return day(base + dt.timedelta(weeks=n))
    if kind == "week_last":
        if a is None:
            return None
        n = (1 if low[1] == "week" else 2) if g[0] else parse_number(g[2])
        if n is None or n > 8:
            return None
        n *= 2 if (low[3] or "").startswith("fortnight") else 1
        wd = WEEKDAYS[low[0] or low[4]]
        return day(a - dt.timedelta(days=((a.weekday() - wd) % 7 or 7) + 7 * n))
    if kind == "feasts_ago":
        n = parse_number(g[0])
        if a is None or n is None or n > 50:
            return None
        what = low[1][:-2] if low[1].endswith("ses") else low[1][:-1]  # christmases -> christmas, summers -> summer
        if what in SEASONS or what == "fall":
            y = _season_start_year(a, what)
            last = y if season(y, what)[1] <= a else y - 1  # the last one ended
            return season(last - n + 1, what)
        y = a.year if _holiday(what, a.year) < a else a.year - 1  # the last one
        return _holiday_span(what, _holiday(what, y - n + 1))
    if kind == "this_time":
        n = 1 if g[0] else parse_number(g[1])
        if a is None or n is None or n > 100:
            return None
        mid = a - relativedelta(years=n)
        return mid - dt.timedelta(days=14), mid + dt.timedelta(days=15)
    if kind == "the_season":
        if a is None:
            return None
        if not future:
            return None  # "we married in the summer": of any year the writer's life has had, not surely this one's
        y = _season_start_year(a, g[0])
        if season(y, g[0])[1] <= a:
            y += 1  # "she's retiring in the summer", written in January: this year's summer
        return season(y, g[0])
    if kind == "season":
        if a is None:
            return None
        y = _season_start_year(a, g[1])
        current = season(y, g[1])
        if low[0] == "last":
            y -= 1 if current[0] <= a < current[1] else 0
        elif low[0] == "next":
            y += 1
        return season(y, g[1])
    if kind == "decade_short":
        g = (g[0], str(1900 + (int(g[1]) if g[1] else DECADE_WORDS[low[2]])))
        kind = "decade"
    if kind == "decade":
        y = int(g[1])
        if len(g[1]) == 4 and g[1].endswith("00") and g[0] is None:
            return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
        lo, hi = dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
        if low[0] == "early":
            hi = dt.date(y + 4, 1, 1)
        elif low[0] == "mid":
            lo, hi = dt.date(y + 3, 1, 1), dt.date(y + 7, 1, 1)
        elif low[0] == "late":
            lo = dt.date(y + 6, 1, 1)
        return lo, hi
    if kind in ("year", "bare_year"):
        return year(int(g[0]))
    if a is None:
        return None
    if kind == "day_word":
        # "the day before yesterday", or "day before yesterday" as Indian and American English say it
        said = " ".join(low[0].split()).removeprefix("the ")
        offset = {"day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
                  "tomorrow": 1, "day after tomorrow": 2}[said]
        return day(a + dt.timedelta(days=offset))
    if kind == "this_part":
        return day(a if low[0] == "this" or low[1] != "night" else a - dt.timedelta(days=1))
    if kind == "after_next":
        what = low[0]
        if what in WEEKDAYS:
            return day(a + dt.timedelta(days=((WEEKDAYS[what] - a.weekday()) % 7 or 7) + 7))
        if what == "weekend":
            sat = a + dt.timedelta(days=((5 - a.weekday()) % 7 or 7) + 7)
            return sat, sat + dt.timedelta(days=2)
        return _unit_span(_shift(a, 2, what), what)
    if kind == "before_last":
        what = low[0]
        if what in WEEKDAYS:
            return day(a - dt.timedelta(days=((a.weekday() - WEEKDAYS[what]) % 7 or 7) + 7))
        if what == "weekend":
            sat = a - dt.timedelta(days=((a.weekday() - 5) % 7 or 7) + 7)
            return sat, sat + dt.timedelta(days=2)
        return _unit_span(_shift(a, -2, what), what)
    if kind in ("weekday", "weekday_abbr"):
        wd = WEEKDAYS[next(d for d in WEEKDAYS if d.startswith(low[1][:3]))]
        back = (a.weekday() - wd) % 7
        if low[0] == "next":
            ahead = (wd - a.weekday()) % 7 or 7
            return day(a + dt.timedelta(days=ahead))
        if low[0] == "last":
            return day(a - dt.timedelta(days=back or 7))
        if low[0] == "this":
            return day(a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=wd))
        if future:
            return day(a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7))
        return day(a - dt.timedelta(days=back))  # "on Saturday" in a diary: the one just gone
    if kind == "been_n":  # counted back like "a year since": a length of time, not a calendar unit
        kind, g, low = "since_n", (g[0], g[1]), [low[0], low[1]]
    if kind in ("ago", "since_n"):
        n = parse_number(g[0])
        if n is None:
            return None
        sign = 1 if kind == "ago" and low[2] in ("later", "after", "from now", "hence") else -1
        if kind == "ago" and g[3]:  # "a year ago today": that very day
            return day(_shift(a, sign * n, g[1]))
        if kind == "since_n" and g[1].lower().rstrip("s") in ("month", "year", "decade", "centur", "century"):
            # "a year since Mum died" is a length of time, not a calendar year: so long before the entry,
            # give or take half a unit ("two years since", written in March, is March two years back, not 1 January)
            mid = _shift(a, -n, g[1])
            lo, hi = _shift(mid, -1, g[1]), _shift(mid, 1, g[1])
            half = (mid - lo) // 2, (hi - mid) // 2
            if low[0] in VAGUE and n > 1:  # "a few years since": wider still
                lo, hi = _shift(a, -(n + 2), g[1]), _shift(a, -max(1, n - 2), g[1])
                return lo, hi
            return mid - half[0], mid + half[1]
        if low[0] in VAGUE and n > 1:  # "a few years ago": a range, not one year
            ends = [_unit_span(_shift(a, sign * k, g[1]), g[1]) for k in (max(2, n - 1), n + 2)]
            return min(ends[0][0], ends[1][0]), max(ends[0][1], ends[1][1])
        return _unit_span(_shift(a, sign * n, g[1]), g[1])
    if kind == "hours_ago":
        return None if a is None else day(a)
    if kind == "the_weekend":
        if a is None:
            return None
        sat = a - dt.timedelta(days=(a.weekday() - 5) % 7)  # the Saturday just gone (or today)
        if future and a.weekday() < 5:
            sat += dt.timedelta(days=7)
        return sat, sat + dt.timedelta(days=2)
    if kind == "today_n":
        n = parse_number(g[0])
        return None if n is None else day(_shift(a, -n, g[1]))
    if kind == "in_n":
        n = parse_number(g[1])
        if n is None:
            return None
        return _unit_span(_shift(a, n, g[2]), g[2])
    if kind == "rel_unit":
        which = " ".join(low[0].split())
        unit = low[1]
        if unit == "weekend":
            sat = a - dt.timedelta(days=(a.weekday() - 5) % 7)  # the Saturday just gone (or today)
            if which in ("next", "the following"):
                sat += dt.timedelta(days=7)
            elif which in ("this",) and a.weekday() < 5:
                sat += dt.timedelta(days=7)
            return sat, sat + dt.timedelta(days=2)
        step = {"last": -1, "past": -1, "this past": -1, "the previous": -1, "next": 1,
                "the following": 1}.get(which, 0)
        span = _unit_span(_shift(a, step, unit), unit)
        if which == "earlier this":
            return span[0], a
        if which == "later this":
            return a + dt.timedelta(days=1), span[1]
        return span
    if kind == "unit_before":
        unit, when = low[0], low[1]
        length = {"day": relativedelta(days=1), "night": relativedelta(days=1),
                  "week": relativedelta(weeks=1), "weekend": relativedelta(days=7),
                  "month": relativedelta(months=1), "year": relativedelta(years=1)}[unit]
        if when == "before":
            return a - length, a
        return a + dt.timedelta(days=1), a + dt.timedelta(days=1) + length
    if kind == "new_year":
        return month(a.year + 1 if future and a.month > 1 else a.year, 1)
    if kind == "holiday":
        y = int(g[2]) if g[2] else a.year
        d = _holiday(g[1], y)
        if not g[2]:
            if (low[0] == "next" or future and low[0] != "last") and d <= a:
                d = _holiday(g[1], y + 1)
            elif low[0] != "next" and not future and (d > a or low[0] == "last" and d == a):
                d = _holiday(g[1], y - 1)
        return _holiday_weekend(d) if g[3] and " ".join(low[1].split()) != "easter" else _holiday_span(g[1], d)
    return None


def _holiday_weekend(d: dt.date) -> tuple[dt.date, dt.date]:
    """The weekend a feast gives its name to ("Labor Day weekend", "Easter weekend", "Thanksgiving weekend", "the Fourth of
    July weekend"): Saturday to a Monday feast, a Thursday or Friday feast to the Sunday after, a Saturday or Sunday one's
    own weekend; a feast midweek, the weekends either side of it."""
    w = d.weekday()
    if w == 0:
        return d - dt.timedelta(days=2), d + dt.timedelta(days=1)
    if w in (3, 4):
        return d, d + dt.timedelta(days=7 - w)
    if w in (5, 6):
        return d - dt.timedelta(days=w - 5), d + dt.timedelta(days=7 - w)
    return d - dt.timedelta(days=w + 2), d + dt.timedelta(days=7 - w)


def _holiday_span(name: str, d: dt.date) -> tuple[dt.date, dt.date]:
    """The days a holiday stands for: "Easter" alone ("last Easter", "at Easter", "over Easter") is the long weekend, Good
    Friday to Easter Monday, not the Sunday ("Easter Sunday" and "Easter Day" are); the rest are their day."""
    if " ".join(name.lower().split()) == "easter":
        return d - dt.timedelta(days=2), d + dt.timedelta(days=2)
    return day(d)


_RECURRING = re.compile(rf"\b(?:{_month}|{_season}|christmas|easter|new year|boxing day|halloween|valentine|hogmanay|bonfire night)\b"
                        rf"|\b(?:the\s+)?{_ordinal}\b", re.I)
_TOLD_WHEN = re.compile(r"\d{4}|['’]\d\d\b|\b(?:last|next|this|ago|yesterday|today|tonight|tomorrow|week|month|year|since|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def recurring(t: Time) -> bool:
    """Is the time a day, month, season or feast that comes round every year, told without the year or anything that
    places it ("on the 3rd of June", "in March", "at Christmas"; not "last March", "June 1967", "on Saturday")? Placed by
    the entry's date, it is the one just gone: right for news, wrong for a memory."""
    return bool(_RECURRING.search(t.text)) and not _TOLD_WHEN.search(t.text)

# Times that tell their year: a date told without one just after them is of that year
YEARED = {"iso", "numeric", "month_year", "season_year", "year", "bare_year", "short_year"}


def _in_the_year_told(text, times, told, a, future) -> list[Time]:
    """A date without its year told in the same line, soon after a date of an earlier year, is of that year: "We married in
    1963. On the 3rd of May we moved to Leeds" (not the 3rd of May before the letter was written), "In 1979 Dad got the job;
    in March we moved" (as letters and memories tell what happened long before they were written). Not a date said as to
    come, nor across a line: a chat's turns are lines."""
    if a is None:
        return times
    out = list(times)
    for i, t in enumerate(times):
        kind, g = told.get(t.start, (None, ()))
        if kind in ("dmy", "mdy"):
            if g[0] or g[3] or g[4]:
                continue  # a weekday or a year of its own
        elif kind == "holiday":  # "We met in 1962. I proposed at Christmas."
            if g[2] or (g[0] or "").lower() in ("last", "next", "this"):
                continue
        elif kind != "month" or (g[0] or "").lower() in ("last", "next", "this"):
            continue
        if future is not None and future(t.start):
            continue
        # (past one counted from it: "Mum passed in '98, the week before Christmas" is 1998's Christmas)
        prior = next((p for p in reversed(out[:i]) if p.end <= t.start and not (
            told.get(p.start, (None,))[0] == "unit_before" or _counted(*told.get(p.start, (None, ()))))), None)
        if prior is None or told.get(prior.start, (None,))[0] not in YEARED and not (
                told.get(prior.start, (None, ()))[0] in ("dmy", "mdy") and told[prior.start][1][3]):
            continue
        y = int(prior.lo[:4])
        if y >= a.year or "\n" in text[prior.end:t.start] or t.start - prior.end > 300 or prior.hi[:4] != str(y + 1) and (
                dt.date.fromisoformat(prior.hi) - dt.date.fromisoformat(prior.lo)).days > 366:
            continue
        try:
            if kind == "month":
                span = month(y, _month_of(g[1]))
            elif kind == "holiday":
                span = _holiday_span(g[1], _holiday(g[1], y))
            else:
                d_s, m_s = (g[1], g[2]) if kind == "dmy" else (g[2], g[1])
                span = day(dt.date(y, _month_of(m_s), _day_of(d_s)))
        except (ValueError, KeyError):
            continue
        out[i] = Time(t.start, t.end, t.text, _iso(span[0]), _iso(span[1]), round(t.confidence * 0.9, 3), t.kind + "+told")
    return out


_YEAR_AFTER = re.compile(r"\s*,?\s*(?:(?:way\s+)?back\s+)?in\s+", re.I)


def _year_after(text, times, told) -> list[Time]:
    """A date without its year with a year told just after it is of that year: "the week before Christmas, back in 1999",
    "on the 3rd of May in 1963" (not the one just gone)."""
    out = list(times)
    for i in range(len(times) - 1):
        t, nxt = times[i], times[i + 1]
        kind, g = told.get(t.start, (None, ()))
        if told.get(nxt.start, (None,))[0] != "year" or not _YEAR_AFTER.fullmatch(text, t.end, nxt.start):
            continue
        y = int(nxt.lo[:4])
        try:
            if kind in ("dmy", "mdy") and not (g[0] or g[3] or g[4]):
                d_s, m_s = (g[1], g[2]) if kind == "dmy" else (g[2], g[1])
                span = day(dt.date(y, _month_of(m_s), _day_of(d_s)))
            elif kind == "holiday" and not g[2] and (g[0] or "").lower() not in ("last", "next", "this"):
                span = _holiday_span(g[1], _holiday(g[1], y))
            elif kind == "month" and (g[0] or "").lower() not in ("last", "next", "this"):
                span = month(y, _month_of(g[1]))
            else:
                continue
        except (ValueError, KeyError):
            continue
        out[i] = Time(t.start, t.end, t.text, _iso(span[0]), _iso(span[1]), t.confidence, t.kind + "+told")
    return out


def _in_the_month_told(text, times, told) -> list[Time]:
    """A day of the month alone told in the same sentence just after a day with its month is of that month (or the next,
    if it is an earlier day): "You went into the hospice on the 2nd of March and died on the 9th" is the 9th of March, not
    of the month the letter was written in."""
    out = list(times)
    for i in range(1, len(times)):
        kind, g = told.get(times[i].start, (None, ()))
        if kind != "ordinal" or g[0]:
            continue  # a weekday of its own ("Friday the 7th") places it
        prior = out[i - 1]
        if told.get(prior.start, (None,))[0] not in ("dmy", "mdy", "iso", "numeric") or re.search(r"[.!?\n]", text[prior.end:times[i].start]):
            continue
        base = dt.date.fromisoformat(prior.lo)
        if (dt.date.fromisoformat(prior.hi) - base).days != 1:
            continue
        d = _day_of(g[1])
        first = base.replace(day=1) + (relativedelta(months=1) if d < base.day else relativedelta())
        if not _valid(first.year, first.month, d):
            continue
        span = day(first.replace(day=d))
        out[i] = Time(times[i].start, times[i].end, times[i].text, _iso(span[0]), _iso(span[1]), round(times[i].confidence * 0.95, 3),
                      times[i].kind + "+told")
    return out


def _weekday_after(text, times, told) -> list[Time]:
    """A day and month without a year told with its weekday after it, placed by the entry in a year where it is no such
    weekday, is of the nearest year before where it is: "You've been gone a year now. The 4th of February, a Thursday" (the
    4th of February the letter's year was a Friday)."""
    out = list(times)
    for i, t in enumerate(times):
        kind, g = told.get(t.start, (None, ()))
        if kind not in ("dmy", "mdy") or g[0] or g[3] or g[4]:
            continue
        m = re.match(rf"\s*,?\s*(?:a|on\s+a|which\s+was\s+a|it\s+was\s+a)\s+({_wd})\b", text[t.end:], re.I)
        if not m:
            continue
        d = dt.date.fromisoformat(t.lo)
        wd = WEEKDAYS[m.group(1).lower()]
        if d.weekday() == wd:
            continue
        fits = [y for y in range(d.year - 1, d.year - 8, -1) if _valid(y, d.month, d.day) and dt.date(y, d.month, d.day).weekday() == wd]
        if fits:
            span = day(dt.date(fits[0], d.month, d.day))
            out[i] = Time(t.start, t.end, t.text, _iso(span[0]), _iso(span[1]), round(t.confidence * 0.9, 3), t.kind + "+told")
    return out


def _part(lo: dt.date, hi: dt.date, which: str) -> tuple[dt.date, dt.date]:
    """The beginning, middle or end of [lo, hi): the whole of it, a window that surely holds it. (A third or a half
    of it lost LoCoMo questions whose evidence lies just outside: "in the beginning of November 2022".)"""
    return lo, hi


def _date_like(first: int, second: int) -> bool:
    """Could "first/second" be a day and month rather than a fraction ("1/2", "3/4"), a score out of ten ("8/10")
    or "24/7"? (After a word that takes a date, see `DATE_WORDS`, it is one whatever.)"""
    if (first, second) == (24, 7):
        return False
    if first < second and second in (2, 3, 4, 5, 8, 10) or second in (10, 100) and first <= 10:
        return False
    return True


def _iso(d: dt.date) -> str:
    return d.isoformat()


def find_times(text: str, anchor: dt.datetime | dt.date | str | None = None, future=None, duration=None,
               day_first: bool | None = None, small_hours: bool = False) -> list[Time]:
    """The times written in `text`, as [lo, hi) ISO date intervals, in order of position.

    Relative times ("yesterday", "two weeks ago", "last summer") are resolved against `anchor`
    (a date, date-time or ISO string) and skipped when there is none. `future(start)`, if given,
    says whether the time at that offset is spoken of as still to come ("is getting married in June");
    `duration(start)`, if given, whether an "in N years" there is a length of time, not a date.
    `day_first` says how "08/05/2023" is read (the store's setting; None: day first unless impossible);
    `small_hours`: an entry written before four in the morning says "today" of the day before.

    >>> [(t.text, t.lo, t.hi) for t in find_times("We met two weeks ago.", "2023-05-10")]
    [('two weeks ago', '2023-04-24', '2023-05-01')]
    """
    a = _to_date(anchor)
    late = small_hours and _small_hours(anchor)
    found: list[tuple[int, int, int, str, tuple]] = []
    low = text.lower()
    patterns, searched = (PATTERNS, low) if len(low) == len(text) else (PATTERNS_I, text)
    for rank, (kind, pattern) in enumerate(patterns):
        for m in pattern.finditer(searched):
            # "been married ten years": the time is "ten years", the state is the sentence's
            found.append((m.start(1) if kind == "been_n" else m.start(), m.end(), rank, kind, m.groups()))
    # The longest match wins where matches overlap; among equals, the earlier pattern.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    times: list[Time] = []
    deferred: list[tuple[int, int, tuple]] = []
    told: dict[int, tuple[str, tuple]] = {}  # start -> what was matched, for the times told from the one before
    for start, end, _, kind, groups in found:
        if any(start < e and s < end for s, e in taken):
            continue
        if kind == "that":
            taken.append((start, end))
            deferred.append((start, end, groups))  # placed once the times before it are known
            continue
        if kind == "weekday" and not groups[0] and re.search(r"\b(?:on\s+a|one|some|every|each)\s+[^\W\d_]+[,]?\s+$", text[max(0, start - 40):start], re.I):
            taken.append((start, end))  # "on a wet Tuesday", "one cold Thursday in March": some such day, not the last one
            continue
        if kind == "in_n" and duration is not None and duration(start):
            taken.append((start, end))  # "the first time in forty years": not forty years from now
            continue
        try:
            span = _resolve(kind, groups, a, bool(future and future(start)), day_first)
        except (ValueError, OverflowError, KeyError):
            taken.append((start, end))  # "31 February": not a date, nor is any part of it
            continue
        if span is None:
            continue
        if late and kind in ("day_word", "this_part") and SMALL_HOURS.match(searched, start):
            span = (span[0] - dt.timedelta(days=1), span[1] - dt.timedelta(days=1))  # "today", written at 1 am: the day just gone
        taken.append((start, end))
        text_ = text[start:end]
        # Leading prepositions belong to the sentence, not the time ("in 2022" -> "2022").
        lead = re.match(r"(?:in|on|at|since|from|until|till|by|before|after|during|of|around|circa|within|over|through"
                        + (r"|due|born|died" if kind == "numeric_dm" else "") + r")\s+", text_, re.I)
        if lead and kind not in ("in_n",):
            start += lead.end()
            text_ = text_[lead.end():]
        vague = kind == "ago" and (groups[0] or "").lower() in VAGUE and parse_number(groups[0]) not in (None, 1)
        said = kind + ("" if kind not in ("dmy", "mdy") or groups[3] or groups[4] else "_no_year")
        sure = CONFIDENCE.get(said, 0.85)
        times.append(Time(start, end, text_, _iso(span[0]), _iso(span[1]), round(sure * (0.7 if vague else 1.0), 3), said))
        told[start] = (kind, groups)
    for start, end, groups in sorted(deferred):
        # "We moved in 1979. That summer ...": of the time told before it in the same paragraph, else none
        before = [t for t in times if t.end <= start and not re.search(r"\n[ \t]*\n", text[t.end:start])]
        prior = max(before, key=lambda t: t.start, default=None)
        if prior is None or groups[0].lower() in THAT_DAY and (dt.date.fromisoformat(prior.hi) - dt.date.fromisoformat(prior.lo)).days != 1:
            continue  # "that night" of a day told before, not of a month or a year
        try:
            span = _resolve("that", groups, dt.date.fromisoformat(prior.lo), False, day_first)
        except (ValueError, OverflowError, KeyError):
            continue
        if span is not None:
            times.append(Time(start, end, text[start:end], _iso(span[0]), _iso(span[1]), round(CONFIDENCE["that"] * prior.confidence, 3),
                              "that+told"))
            told[start] = ("that", groups)
    times.sort(key=lambda t: t.start)
    times = _year_after(text, times, told)
    times = _in_the_year_told(text, times, told, a, future)
    times = _in_the_month_told(text, times, told)
    times = _weekday_after(text, times, told)
    # "Two weeks before", "three days later", "the week before": counted from the time told just before
    # them in the text ("On the 14th of July we meet. Two weeks before that, ..."), if there is one;
    # "ago" and "from now" are counted from the entry's date.
    after = set()
    for i in range(len(times) - 1):
        kind, groups = told[times[i].start]
        if (kind == "unit_before" or _counted(kind, groups)) and not text[times[i].end:times[i + 1].start].strip():
            # "the day after Christmas", "the week before Easter": counted from the time it is before or after
            try:  # "the day after Easter": from Easter Sunday, the middle of its long weekend
                lo, hi = dt.date.fromisoformat(times[i + 1].lo), dt.date.fromisoformat(times[i + 1].hi)
                base = lo + (hi - lo) // 2 if told[times[i + 1].start][0] == "holiday" else lo
                span = _resolve(kind, groups, base, False)
            except (ValueError, OverflowError, KeyError):
                continue
            times[i] = Time(times[i].start, times[i].end, times[i].text, _iso(span[0]), _iso(span[1]),
                            round(times[i].confidence * 0.9, 3), times[i].kind + "+counted")
            after.add(i)
    for i in range(1, len(times)):
        if i in after:
            continue
        kind, groups = told[times[i].start]
        if kind == "ago" and groups[2].lower() in ("before", "after", "earlier", "later") or kind == "unit_before":
            base = dt.date.fromisoformat(times[i - 1].lo)
            unit = (groups[0] if kind == "unit_before" else groups[1]).lower().rstrip("s")
            if _counted(kind, groups) and re.match(r"\s*(?!(?:that|then|this|it|which)\b)[^\W\d_]", text[times[i].end:], re.I):
                continue  # "two days before Mum died": counted from what the words go on to tell (by_event), not a time before
            if (kind == "unit_before" or _counted(kind, groups)) and re.match(r"\s*[^\W\d_]", text[times[i].end:]) and (
                    dt.date.fromisoformat(times[i - 1].hi) - base).days > {"day": 1, "night": 1, "week": 7, "weekend": 7,
                                                                           "fortnight": 7}.get(unit, 366):
                continue  # "We moved here in 1978, the week after Lisa was born": after the birth, not after New Year's Day
            try:
                if kind == "unit_before" and groups[0].lower() in ("month", "year"):
                    # "Mum died in March 1998. Danny moved out the year after": the next calendar year (1999), not
                    # the twelve months from the day before
                    span = _unit_span(_shift(base, 1 if groups[1].lower() == "after" else -1, groups[0]), groups[0])
                else:
                    span = _resolve(kind, groups, base, False)
            except (ValueError, OverflowError, KeyError):
                continue
            if span is not None:
                times[i] = Time(times[i].start, times[i].end, times[i].text, _iso(span[0]), _iso(span[1]),
                                round(times[i].confidence * 0.9, 3), times[i].kind + "+counted")  # as sure as both
                after.add(i)
    # "I retired the year after you got ill", "the day before I had you": before or after what the words go on to tell,
    # with no time told before them to count from: not the entry's day (a year after a letter, for what was long ago)
    # ... and so "three weeks before our anniversary", "two days after we moved" with nothing to count from
    return [t for i, t in enumerate(times) if i in after or not (told[t.start][0] == "unit_before" or _counted(*told[t.start]))
            or not re.match(r"\s*[^\W\d_]", text[t.end:])]


def _counted(kind, groups=()) -> bool:
    """Is the time "N days/weeks ... before/after" something ("two days after Christmas"), not "ago" or "later"?"""
    return kind == "ago" and groups[2].lower() in ("before", "after") and not groups[3]


class Times:
    """Find the times an entry speaks of, resolved against the entry's date."""

    name = "times"
    version = "19"  # 19: evlater26 ("Kirsty's moving on the 1st of September": "'s" the parser takes for a possessive before a verb in -ing is "is", to come); 18: evdates25 ("day before yesterday" without "the"; "twenty years married today": that day twenty years back; "are getting married in February": to come; "when I was nine" of one born known to the year: the two years it may be); 17: dates21 ("died on 3/5 in Ibadan" a day, not inches; "last month after thirty years" is last month; "the week before Christmas, back in 1999": the year told after; "that night", "the same day": of the one day told before; "Hannah and Joe get married on Saturday": to come); 16: evdates19 ("this arvo", Australian: this afternoon); 9: dates5: plans and bookings forward, day words, "in the summer"; 10: dates6: "on a Sunday", "four years on
    # Thursday since", "the 80s", Easter a long weekend, "forty years in May", "on the 2nd of March and died on the 9th", "in
    # 1978, the week after Lisa was born", "the 4th of February, a Thursday"; 11: dates7: "Labor Day weekend", "born 3/8",
    # "that same year", "the fall of '09", by another event ("the year Sam was born", "when Mom turned 70": by_event)
    # 12: dates8: each time's pattern (Time.kind); "two days before Mum died" counted from the death, never from a time told
    # before; "the last week of March" not last week; "2019 was a hard year"; "the week after you died" (by_event)
    # 13: dates9: "last Tuesday fortnight", "a week last Monday", "a week ago Sunday", "two Christmases ago", "three summers
    # ago", "this time last year"; "today" and "tonight" in an entry written before four in the morning are the day before
    # 14: dates10: "an hour ago", "at the weekend" / "on the weekend", "March of '98"; "are getting married in October" to come;
    # "Christmas Day at Mum's yesterday" gone; "on the Sunday" a day of the story told, not the one just gone
    # 15: dates13: "the week after next", "the Friday after next"

    def __call__(self, ex: Extraction) -> Extraction:
        ex.times = entry_times(ex)
        return ex


def entry_times(ex: Extraction) -> list[Time]:
    """The entry's times, found once per doc whichever component asks first."""
    # a chat's time is its first turn's: the turns after it may be hours later (no "today" of the day before)
    at = ex.at[:10] if ex.speakers and ex.at else ex.at
    if ex.doc is None:
        return find_times(ex.text, at, day_first=ex.day_first, small_hours=True)
    key = f"remembrancer.times@{at}@{ex.day_first}"
    if key not in ex.doc.user_data:  # plain tuples: user_data may be serialised with the doc
        ex.doc.user_data[key] = [(t.start, t.end, t.text, t.lo, t.hi, t.confidence, t.kind)
                                 for t in find_times(ex.text, at, lambda pos: to_come(ex.doc, pos),
                                                     lambda pos: _duration(ex.doc, pos), ex.day_first, True)]
    return [Time(*t) for t in ex.doc.user_data[key]]


def _duration(doc, pos: int) -> bool:
    """Is the "in N years" at `pos` a length of time? It is when it hangs on a noun or adjective ("the
    first time in forty years", "the worst storm in years") or on a verb not spoken of as still to come
    ("hadn't seen him in ten years"); "we move in two weeks" is a date."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root
    if prep.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and prep.head.i != prep.i:
        return True
    return not to_come(doc, pos)


# Verbs of meeting, said with no subject as a plan: "See you on the 22nd!", "Come on Saturday"
MEET = {"see", "meet", "come", "join", "call", "ring", "phone", "text", "visit", "catch", "pick", "collect", "bring", "save"}
# Verbs of arranging: a day they are "for" is to come, whatever their tense
ARRANGE = {"book", "schedule", "plan", "arrange", "reserve", "set", "fix", "pencil", "postpone", "reschedule", "confirm"}
WILL = {"will", "'ll", "’ll", "shall", "wo", "might", "may", "could", "should", "can", "must", "'s going", "going"}


def to_come(doc, pos: int) -> bool:
    """Is the time at character `pos` spoken of as still to come? Its verb is in the future ("will
    go", "going to"), takes a modal ("might come"), or is in the present ("is getting married in June",
    "we leave on Friday"); a past form ("met", "was", "had") keeps the one just gone."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    path = [verb]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        path.append(verb)
    if any(c.lower_ == "yesterday" for x in path[:-1] for c in x.children):
        return False  # "Christmas Day at Mum's yesterday, all of us round the bed": gone, whatever the parser makes the verb
    if any(x.lower_ == "due" for x in path) or any(c.lower_ == "due" and c.dep_ in ("acomp", "amod", "attr") for c in verb.children):
        return True  # "due 4th september", "the baby's due in April": a date to come
    if verb.pos_ not in ("VERB", "AUX") and (verb.lower_ == "from" and verb.dep_ == "ROOT" or any(
            x.lower_ in ("till", "until", "til", "'til", "’til") for x in path)):
        return True  # a plan told in a word: "Got the job. From September.", "Only two weeks till May 3rd!"
    if verb.pos_ not in ("VERB", "AUX"):
        # a plan in notes, with no verb of its own: "landing 17th May" (the parser hangs "landing" on the date)
        return any(c.tag_ == "VBG" and c.dep_ in ("compound", "amod", "acl") for x in path for c in x.children)
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.lemma_.lower() in ("get", "become") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head  # "are getting married in October": the tense is the getting's
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_.lower() in ARRANGE and any(x.lower_ == "for" and x.dep_ == "prep" for x in path):
        return True  # "booked for the 3rd of June", "the scan is scheduled for May 3rd": a day arranged is to come
    if verb.tag_ in ("VBD",) or any(c.tag_ == "VBD" or c.lower_ in ("had", "'d", "’d", "would") for c in aux):
        return False
    if any(c.lower_ in WILL for c in aux) or any(c.lower_ == "going" for c in verb.head.children if verb.dep_ == "xcomp"):
        return True
    if verb.tag_ == "VB" and not aux and verb.dep_ == "ROOT" and verb.lemma_.lower() in MEET and not any(
            c.dep_.startswith("nsubj") for c in verb.children):
        return True  # a meeting said as a plan: "See you on May 3rd!", "meet at the station on the 3rd" (not "Remember May 3rd?")
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux) and not _past(verb.head):
        return True  # "can't wait to see you on the 3rd of May", "we want to go at Easter" (not "we had to go")
    if verb.tag_ == "VBG" and not aux and (verb.dep_ == "ROOT" or verb.head.tag_ not in ("VBD", "VBN") or _present_perfect(verb.head)):
        # a plan said in notes or a chat: "landing 17th May", "starting 4th April", "moving on the 1st", "he's got a new
        # job, starting in September"
        return True
    # present: the verb itself, or "be" before it ("is getting married"); not "has" (perfect: "has lived here since June")
    # ... or "get" before it: "Hannah and Joe get married on Saturday"
    # ... or "getting" as the passive's auxiliary, itself after a present "be": "Kate and Sam are getting married in February"
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "have" or any(c.tag_ in ("VBZ", "VBP") and (
        c.lemma_ == "be" or c.lemma_ == "get" and c.dep_ == "auxpass") for c in aux) or verb.tag_ == "VBG" and any(
        c.tag_ == "POS" and c.lower_ in ("'s", "’s") for c in aux) or any(
        c.tag_ == "VBG" and c.lower_ == "getting" and any(x.dep_ == "aux" and x.tag_ in ("VBZ", "VBP") and x.lemma_ == "be"
                                                     for x in c.children) for c in aux)

def _past(verb) -> bool:
    """Is the verb in the past: "we had to go", "she wanted to come", "he was going to"?"""
    return verb.tag_ in ("VBD", "VBN") and not _present_perfect(verb) or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in ("had", "'d", "’d")) for c in verb.children)


def _present_perfect(verb) -> bool:
    """Is the verb a present perfect, a present: "he's got a new job", "they've booked it"?"""
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


# -- a date told by another event's ------------------------------------------------------------------------------------
# "the year Sam was born", "the summer before Dad died", "the week after Martin's wedding", "the Christmas after Dad's
# stroke", "two weeks after Jen's wedding": the event's date is the other event's, when the store has it (extract
# `_dated_by_events`); "after the funeral" (no one named, or a funeral's own day unknown) is left undated.
_BY_VERB = {"was born": "birth", "were born": "birth", "died": "death", "passed away": "death", "passed": "death",
            "got married": "marriage", "married": "marriage", "retired": "retirement", "had a stroke": "illness",
            "had his stroke": "illness", "had her stroke": "illness", "was diagnosed": "illness", "moved": "moving",
            "moved away": "moving", "moved out": "moving",
            "did": "did"}  # "Uncle Ray died the November after you did": the kind the sentence tells (extract._dated_by_events)
_BY_NOUN = {"birth": "birth", "death": "death", "wedding": "marriage", "retirement": "retirement", "stroke": "illness",
            "diagnosis": "illness", "heart attack": "illness"}
_BY_UNIT = (r"year|summer|spring|autumn|fall|winter|christmas|easter|month|week|weekend|day|night|"
            r"january|february|march|april|may|june|july|august|september|october|november|december")
_BY_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
BY_EVENT = re.compile(
    rf"(?i:\b(?:(?P<n>{_num})\s+(?P<units>days?|weeks?|months?|years?|summers?|winters?|christmases)|(?:the|that)\s+"
    rf"(?P<unit>{_BY_UNIT}))\s+(?:(?P<dir>before|after)\s+)?)"
    rf"(?:(?P<who>{_BY_NAME}|you)\s+(?P<verb>(?i:" + "|".join(sorted(_BY_VERB, key=len, reverse=True)) + r"))"
    rf"|(?P<whose>{_BY_NAME})['’]s\s+(?P<noun>(?i:" + "|".join(sorted(_BY_NOUN, key=len, reverse=True)) + r")))\b"
    # an age: "when Mom turned 70" (the year of that birthday), "when I was 19" (the twelve months after it)
    rf"|(?i:\bwhen\s+|\b(?:the|that)\s+(?P<aged_in>year|summer|spring|autumn|fall|winter)\s+)(?P<aged>{_BY_NAME}|you)\s+"
    rf"(?P<age_verb>(?i:turned|was|were))\s+(?P<age>\d{{1,3}}|(?i:{_num}))\b"
    r"(?!\s*(?:%|(?i:years?\s+(?:old\s+)?(?:ago|before|after|since|earlier|later)|minutes?|hours?|days?|weeks?|months?|o'clock|am|pm|a\.m|p\.m)\b))"
    # a pregnancy: "when I was expecting Sam", "when Mum was pregnant with me" is not a name (the nine months before the birth)
    rf"|(?i:\bwhen\s+)(?:I|[Ss]he|{_BY_NAME})\s+(?i:was|were)\s+(?i:expecting|pregnant\s+with|carrying)\s+(?P<expected>{_BY_NAME})\b")
# ("you" is a name here: in a letter, the one written to, as the store reads it: "the week after you died")
_NOT_NAMES = {"we", "he", "she", "they", "it", "the", "a", "an", "my", "our", "his", "her", "their", "your"}


def by_event(text: str) -> list[tuple[int, int, str, str, int, str | None]]:
    """The times in `text` told by another event: (start of the name, its end, the event's kind, the unit, how many,
    "before" / "after" / None). "the year Sam was born" -> (.., "birth", "year", 1, None)."""
    out = []
    for m in BY_EVENT.finditer(text):
        who = "who" if m.group("who") else "whose" if m.group("whose") else "expected" if m.group("expected") else "aged"
        name = m.group(who)
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        if who == "expected":
            out.append((m.start(who), m.start(who) + len(name), "birth", "expecting", 1, "before"))
            continue
        if who == "aged":
            age = m.group("age").lower()
            n = None if age in VAGUE else parse_number(age)
            # "the summer I turned fourteen", "the fall I was 19": that season of the year of that age ("turned:summer")
            within = f":{m.group('aged_in').lower()}" if m.group("aged_in") and m.group("aged_in").lower() != "year" else ""
            if n and 0 < n < 120:
                out.append((m.start(who), m.start(who) + len(name), "birth",
                            ("turned" if m.group("age_verb").lower() == "turned" else "aged") + within, n, "after"))
            continue
        unit = (m.group("unit") or m.group("units")).lower()
        unit = {"christmases": "christmas"}.get(unit, unit.rstrip("s") if unit != "christmas" else unit)
        n = parse_number(m.group("n")) if m.group("n") else 1
        direction = m.group("dir").lower() if m.group("dir") else None
        if n is None or m.group("n") and direction is None:
            continue  # "two weeks Sam was born": no time
        said = " ".join((m.group("verb") or m.group("noun")).lower().split())
        kind = _BY_VERB.get(said) or _BY_NOUN[said]
        out.append((m.start(who), m.start(who) + len(name), kind, unit, n, direction))
    return out


BY_FUNERAL = re.compile(
    rf"(?i:\b(?:(?P<n>{_num})\s+(?P<units>days?|weeks?|months?)|(?:the|that)\s+(?P<unit>day|week|weekend|month))\s+"
    r"(?P<dir>before|after)\s+the\s+(?:funeral|burial|cremation))\b")


def by_funeral(text: str) -> list[tuple[str, int, str]]:
    """The times in `text` told by a funeral no one is named at: "the week after the funeral", "two days before the
    burial" -> [("week", 1, "after")]: of the funeral the writer last told (extract._dated_by_events)."""
    out = []
    for m in BY_FUNERAL.finditer(text):
        unit = (m.group("unit") or m.group("units")).lower().rstrip("s")
        n = parse_number(m.group("n")) if m.group("n") else 1
        if n:
            out.append((unit, n, m.group("dir").lower()))
    return out


def from_event(lo: str, hi: str, unit: str, n: int = 1, direction: str | None = None):
    """The interval [lo, hi) of "the <unit> (before|after)" an event dated [lo, hi), or "the <unit>" it happened in;
    None when the event's date is too coarse to tell ("the week after" an event known to the month)."""
    a, b = dt.date.fromisoformat(lo[:10]), dt.date.fromisoformat(hi[:10])
    span = (b - a).days
    last = b - dt.timedelta(days=1)
    unit, _, within = unit.partition(":")
    if unit in MONTHS:  # "the November after you died": the first November after (the last before) the month it happened in
        if (a.year, a.month) != (last.year, last.month):
            return None
        m = MONTHS[unit]
        if direction == "after":
            return month(a.year + (m <= a.month), m)
        if direction == "before":
            return month(a.year - (m >= a.month), m)
        return month(a.year, m) if m == a.month else None  # "the March Dad died"
    if unit == "expecting":  # "when I was expecting Sam": the nine months before Sam's birth (known to the month)
        return (a - relativedelta(months=9), b) if span <= 31 else None
    if unit == "turned":  # "when Mom turned 70": the year of her seventieth birthday
        if a.year != last.year:
            return None
        return season(a.year + n, within) if within else year(a.year + n)  # "the summer I turned fourteen"
    if unit == "aged":  # "when I was 19": the year from the nineteenth birthday (born known to the month)
        if span > 31 and not within and span <= 366 and (a.month, a.day) == (1, 1):
            # born known to the year: from the nineteenth birthday of one born on its first day to the twentieth of one
            # born on its last ("born in 1961 ... when I was nine": 1970 or 1971)
            return a + relativedelta(years=n), b + relativedelta(years=n + 1)
        if span > 31:
            return None
        lo, hi = a + relativedelta(years=n), a + relativedelta(years=n + 1)
        if not within:
            return lo, hi
        inside = [season(y, within) for y in (lo.year - 1, lo.year, lo.year + 1) if lo <= season(y, within)[0] and season(y, within)[1] <= last + relativedelta(years=n + 1)]
        return inside[0] if len(inside) == 1 else None  # "the fall I was 19": the one fall of that year of her life
    if unit in ("day", "night"):
        return day(a + dt.timedelta(days=n if direction == "after" else -n)) if direction and span == 1 else (
            day(a) if span == 1 else None)
    if unit in ("week", "weekend"):
        if span > 7:
            return None
        if direction is None:
            return week(a) if unit == "week" and week(a) == week(last) else None
        if unit == "weekend":
            sat = (a + dt.timedelta(days=(5 - a.weekday()) % 7 or 7)) if direction == "after" else (
                a - dt.timedelta(days=(a.weekday() - 5) % 7 or 7))
            return sat, sat + dt.timedelta(days=2)
        if direction == "after":
            return a + dt.timedelta(days=7 * (n - 1) + 1), a + dt.timedelta(days=7 * n + 1)
        return a - dt.timedelta(days=7 * n), a - dt.timedelta(days=7 * (n - 1))
    if unit == "month":
        if (a.year, a.month) != (last.year, last.month):
            return None
        return _month_shift(a, n if direction == "after" else -n if direction else 0)
    if unit == "year":
        if a.year != last.year:
            return None
        return year(a.year + (n if direction == "after" else -n if direction else 0))
    if unit in SEASONS or unit in ("christmas", "easter"):
        if span > 92:
            return None
        if unit in SEASONS:
            spans = [season(y, unit) for y in range(a.year - n - 2, a.year + n + 3)]
        else:
            spans = [_holiday_span(unit, _holiday(unit, y)) for y in range(a.year - n - 2, a.year + n + 3)]
        if direction is None:
            inside = [s for s in spans if s[0] <= a and last < s[1]]
            return inside[0] if inside and unit in SEASONS else None
        if direction == "after":
            later = [s for s in spans if s[0] >= b]
            return later[n - 1] if len(later) >= n else None
        earlier = [s for s in spans if s[1] <= a]
        return earlier[-n] if len(earlier) >= n else None
    return None


def _month_shift(a: dt.date, n: int) -> tuple[dt.date, dt.date]:
    first = a.replace(day=1) + relativedelta(months=n)
    return month(first.year, first.month)
