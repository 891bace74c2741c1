"""The date of a life event as people write it (issue 13, dates21): texts never seen, written before the dating rules
were read, none from the corpus or a benchmark. Diary entries, letters with a date line, chats with their times;
British, Irish, Scottish, Welsh, American, Australian, Indian, Nigerian and Filipino English.

TOLD: a weekday ("on Tuesday", "last Friday"), a feast ("the week before Christmas", "at Easter"), a day counted from
another said in the entry ("the day after the funeral", "two days later"), a season or a month, a plan dated forward
from the entry ("the wedding's on the 14th", "moving in June"), slashed dates in day-first and month-first stores.

LATE: traps, an event told long after ("Dad died when I was nine", "on a Tuesday, the year I left school"), an age
that is no birth this year, a plan that fell through: no date, or the event's own, never the day it is written.

53 cases (40 told, 13 late; 11 added after the rules were read, keyed before they ran). Main (482c0d8) fails 19 (18
told, 1 late: "the week before Christmas, back in 1999" dated 2023); dates21 fails 11, all told, strict xfails with
their cause (7 are no event or no person to date, not a date read wrongly)."""
import datetime as dt

import pytest

from remembrancer import Memory

from conftest import param_ids, read_events

pytestmark = pytest.mark.extract_only

AT = "2024-06-05"  # a Wednesday


def _entry(text, at=AT, day_first=None):
    return {"text": text, "at": at, "day_first": day_first}


def _chat(me, *turns):
    """A chat told as it happens: (speaker, time, text) turns, `me` the writer."""
    return {"chat": [{"speaker": s, "at": at, "text": t} for s, at, t in turns], "me": me}


def _put(memory, said):
    if isinstance(said, str):
        memory.add(said, at=AT)
    elif "chat" in said:
        memory.add_messages(said["chat"], me=said["me"])
    elif said.get("at"):
        memory.add(said["text"], at=said["at"], day_first=said["day_first"])
    else:  # a letter dated by its own first line
        memory.add(said["text"], day_first=said["day_first"])


def _text(said):
    return said if isinstance(said, str) else said["chat"][0]["text"] if "chat" in said else said["text"]


def _label(said):
    return _text(said).replace("\n", " ")[:48]


def _span(when):
    """(lo, hi) of a day "YYYY-MM-DD", a month "YYYY-MM", a year "YYYY", or a (lo, hi) given."""
    if isinstance(when, tuple):
        return when
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
    if len(parts) == 2:
        year, month = parts
        return f"{when}-01", dt.date(year + (month == 12), month % 12 + 1, 1).isoformat()
    return f"{when}-01-01", f"{parts[0] + 1}-01-01"


def _whose(names, who):
    """`who` by a name or alias, or by its last word ("Uncle Rory" as "rory")."""
    who = who.lower()
    return any(n == who or n.endswith(" " + who) or who.endswith(" " + n) for n in names)


def _found(memory, kind, who):
    return [(k, sorted(n), lo, hi) for k, n, lo, hi, _ in read_events(memory) if k == kind and _whose(n, who)]


def _written(said) -> set[str]:
    if isinstance(said, str):
        return {AT}
    if "chat" in said:
        return {t["at"][:10] for t in said["chat"]}
    return {said["at"] or AT}


# (what is said, kind, whose ("me": the writer), the date a careful reader gives it)
TOLD = [
    # a weekday, told after it or planned before it
    ("Grandad died on Tuesday. The hospice rang at six and Mum went straight up.", "death", "Grandad", "2024-06-04"),
    (_entry("Uncle Rory passed away last Friday, peacefully at home in Ennis. The removal is tomorrow."),
     "death", "Rory", "2024-05-31"),
    (_chat("Me", ("Me", "2024-06-05T19:00", "Tayo started at Access Bank on Monday!! so proud of him"),
           ("Bisi", "2024-06-05T19:02", "yaaay congrats to him")), "job", "Tayo", "2024-06-03"),
    ("Hannah and Joe get married on Saturday and I still haven't bought a hat.", "marriage", "Hannah", "2024-06-08"),
    (_entry("Gemma's moving into her new flat on Friday. I've promised to help with the van."),
     "moving", "Gemma", "2024-06-07"),
    (_entry("3rd June 2024\n\nDear Maeve,\n\nI've sad news. Our cousin Declan died on Saturday after a short illness. "
            "The funeral is Thursday.\n\nLove, Bernie", at=None, day_first=True), "death", "Declan", "2024-06-01"),
    # a feast, or a day counted from it
    (_entry("Aunt Linda passed away the week before Christmas. We only heard today from her neighbor.", at="2024-01-08"),
     "death", "Linda", ("2023-12-17", "2023-12-25")),
    ("Kirsty and Euan got engaged at Easter, on the beach at St Andrews. Euan was shaking.", "engagement", "Kirsty",
     ("2024-03-29", "2024-04-02")),
    (_entry("Grandad died on Christmas Eve, in his own bed, the way he wanted.", at="2024-01-03"),
     "death", "Grandad", "2023-12-24"),
    (_entry("Our Shauna got engaged on New Year's Day! Mark asked her at the top of Cave Hill.", at="2024-01-10"),
     "engagement", "Shauna", "2024-01-01"),
    (_entry("Josh proposed to Emma at Christmas, in front of the whole family. She said yes.", at="2024-02-10"),
     "engagement", "Emma", ("2023-12-24", "2023-12-27")),
    # a day counted from another said in the entry
    ("Mam's funeral was on the 20th of May. The day after the funeral, Dad moved in with us.", "moving", "Dad",
     "2024-05-21"),
    (_entry("Dad went into the Royal Perth on the 1st of May with a chest infection. Two days later he died.",
            day_first=True), "death", "Dad", "2024-05-03"),
    ("We flew home on the 3rd. Nana had died the day before, and nobody could reach us.", "death", "Nana", "2024-06-02"),
    ("On the 28th of May we got the call from Lagos. Uncle Emeka had collapsed at work. He died that night.",
     "death", "Emeka", "2024-05-28"),
    ("Saturday 1st June. Drove up to Inverness first thing.\n\nGranny died at teatime, with Mum holding her hand.",
     "death", "Granny", "2024-06-01"),
    # a season, a month, a span back
    (_entry("We moved to Galway in the spring, and the house is only now feeling like ours.", at="2024-09-10"),
     "moving", "me", ("2024-03-01", "2024-06-01")),
    ("Sinead had the baby in March, a little girl called Niamh. I finally met her today.", "birth", "Niamh", "2024-03"),
    ("Uncle Bayo retired last month after thirty years with the water board.", "retirement", "Bayo", "2024-05"),
    ("Auntie Mel died a fortnight ago and I've only now got the words to write it down.", "death", "Mel",
     ("2024-05-20", "2024-05-25")),
    ("Grandma Rose passed yesterday afternoon. Mom is holding up better than I thought.", "death", "Rose", "2024-06-04"),
    # a plan dated forward from the entry
    ("Aoife and Cian's wedding is on the 14th, in Kinsale. Mam is beside herself.", "marriage", "Aoife", "2024-06-14"),
    (_entry("Priya and Arjun are moving to Pune in June. Her mother is over the moon.", at="2024-04-10"),
     "moving", "Priya", "2024-06"),
    (_entry("We're moving to Cebu in March, Tita Baby found us a house near hers.", at="2024-09-10"),
     "moving", "me", "2025-03"),
    (_entry("We move into the new place on 7/1. Boxes everywhere.", day_first=False), "moving", "me", "2024-07-01"),
    (_entry("Moving day is 1/7! Tunde has hired a van and two boys from church.", day_first=True),
     "moving", "me", "2024-07-01"),
    # slashed dates in day-first and month-first stores
    (_entry("Grandpa Joe passed on 6/2, at home in his chair, the Cubs game on.", day_first=False),
     "death", "Joe", "2024-06-02"),
    (_entry("My brother Tunde got married on 1/6 at the registry in Ikeja. Mummy cried all through.", day_first=True),
     "marriage", "Tunde", "2024-06-01"),
    # named, so no writer need be known (added after the rules were read, keyed before they ran)
    (_entry("Marisol and Jun move into their new condo on 7/1. So many boxes.", day_first=False),
     "moving", "Marisol", "2024-07-01"),
    (_entry("Tunde and Bisi are moving to Abuja on 1/7! They've hired a van and two boys from church.", day_first=True),
     "moving", "Tunde", "2024-07-01"),
    (_entry("Rhys and Ffion are moving to Cardiff in March, once the sale goes through.", at="2024-09-10"),
     "moving", "Rhys", "2025-03"),
    (_entry("My cousin Dele died on 3/5 in Ibadan. Nobody told me for two weeks.", day_first=True), "death", "Dele",
     "2024-05-03"),
    (_entry("Aunt Carol passed away on 5/3 after a long fight.", at="2024-06-05", day_first=False), "death", "Carol",
     "2024-05-03"),
    ("Grandad's funeral was on Tuesday. The day after the funeral, Aunt Peg moved into the care home.", "moving", "Peg",
     "2024-06-05"),
    ("We got to the hospital on the 2nd of June. Nan died the same day, before the consultant came round.", "death", "Nan",
     "2024-06-02"),
    ("Hannah and Joe got married on Saturday, and the rain held off.", "marriage", "Hannah", "2024-06-01"),
    (_entry("Kev and Aisling moved to Galway in the spring, and the house is only now feeling like theirs.", at="2024-09-10"),
     "moving", "Kev", ("2024-03-01", "2024-06-01")),
    ("Ellie was born on 2 March 2015.\n\nWhen Ellie was three, Mam and Dad moved to Bristol.", "moving", "Mam",
     ("2018-03-02", "2019-03-03")),
    # an age or a birthday
    ("Ellie was born on 2 March 2015.\n\nWhen Ellie was three we moved to Bristol, into the house on Ashley Road.",
     "moving", "me", ("2018-03-02", "2019-03-03")),
    ("Mum's 70th was on Saturday and the whole family came. Ciara announced she's engaged at Mum's 70th!",
     "engagement", "Ciara", "2024-06-01"),
]

NO_WRITER = "events: 'we' in a store of one entry, no writer known yet, is given no one (no event to date)"
# what is still read wrongly, by the start of the text: strict xfails, so a case read rightly later fails too
LEFT = {
    "Tayo started at Access Bank": "events: 'started at Access Bank' is read as no job",
    "Saturday 1st June. Drove up": "dates: a date line that is not the entry's own day (the entry dated the 5th) is left out",
    "We moved to Galway": NO_WRITER,
    "Auntie Mel died a fortnight": "dates: 'a fortnight ago' is a week's window (20th to 27th May), wider than the key's",
    "We're moving to Cebu": NO_WRITER,
    "We move into the new place": NO_WRITER,
    "Moving day is 1/7!": NO_WRITER + "; 'Moving day' is no move",
    "Tunde and Bisi are moving": "people: 'Tunde' first in the sentence is parsed as a common noun, no person",
    "Ellie was born on 2 March 2015.\n\nWhen Ellie was three we": NO_WRITER,
    "Kev and Aisling moved to Galway": "dates: 'in the spring' told of the past is given no year (it may be any year's)",
    "Mum's 70th was on Saturday": "dates: 'at Mum's 70th' is not dated by the 70th told 'on Saturday' just before",
}


def _left(cases):
    return [pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=r)) if (r := next(
        (why for k, why in LEFT.items() if _text(c[0]).startswith(k)), None)) else c for c in cases]


TOLD = _left(TOLD)

# (what is said, kind, whose, the event's own date if the text gives one, else None): a date is wrong unless inside
# the event's own (or around it), and never the day the text is written
LATE = [
    ("Dad died when I was nine. I still dream about him.", "death", "Dad", None),
    ("Uncle Pat died on a Tuesday, the year I left school. I remember the rain.", "death", "Pat", None),
    ("My mother died in the spring of 1987, and I was never the same.", "death", "mother", "1987"),
    ("Grandad died the week before Christmas, back in 1999. Nan kept his chair empty.", "death", "Grandad", "1999"),
    ("Liam was meant to start at the bank on Monday but they pulled the offer.", "job", "Liam", None),
    ("Mum would have been 70 on Tuesday. We took flowers to the grave.", "birth", "Mum", "1954"),
    ("Auntie Grace passed when Kemi was three. Kemi doesn't remember her at all.", "death", "Grace", None),
    (_chat("Me", ("Me", "2024-06-05T21:00", "5 years on Tuesday since we lost Dad"),
           ("Lou", "2024-06-05T21:03", "thinking of you x")), "death", "Dad", ("2019-05-01", "2019-07-01")),
    ("The wedding was meant to be in June but Ciaran and Orla have called it off.", "marriage", "Orla", None),
    ("Since Nan passed, Sundays are so quiet. Grandad still sets two cups out.", "death", "Nan", None),
    ("Our father died at Easter when we were children, and Mother raised the four of us alone.", "death", "father",
     None),
    ("Gemma was born in March. Nan died that morning, hours before the baby came.", "death", "Nan",
     ("2024-03-01", "2024-04-01")),
    (_entry("Dear Ruth,\n\nYou asked about Grandpa. He passed on a Sunday in 1962, before I was born.\n\nLove, Carol",
            at="2024-06-05"), "death", "Grandpa", "1962"),
]


@pytest.mark.parametrize("said, kind, who, when", TOLD, ids=param_ids(TOLD, label=_label))
def test_an_event_has_the_date_a_reader_gives_it(db, said, kind, who, when):
    with Memory(db) as memory:
        _put(memory, said)
        found = _found(memory, kind, who)
    lo, hi = _span(when)
    assert any(e[2] and e[3] and lo <= e[2] and e[3] <= hi for e in found), (kind, who, when, found)


@pytest.mark.parametrize("said, kind, who, when", LATE, ids=param_ids(LATE, label=_label))
def test_an_event_told_late_is_not_dated_the_day_it_is_written(db, said, kind, who, when):
    with Memory(db) as memory:
        _put(memory, said)
        found = _found(memory, kind, who)
    lo, hi = _span(when) if when else (None, None)
    wrong = [e for e in found if e[2] and e[3] and not (lo and (lo <= e[2] and e[3] <= hi or e[2] <= lo and hi <= e[3]))]
    today = [e for e in found if e[2] and e[3] and any(e[2] <= d < e[3] and e[3] <= (dt.date.fromisoformat(d)
             + dt.timedelta(days=1)).isoformat() for d in _written(said))]
    assert not wrong and not today, (wrong, today)
