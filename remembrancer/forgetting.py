"""Resisting forgetting: how strongly each person, person–cue tie and important passage is still
remembered, what is fading, and review sessions that bring it back. See docs/forgetting.md.

Nothing here deletes anything: decay only ranks what to show. Reviews and recalls are appended,
an item's FSRS card is updated in place, hiding someone appends a row.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable

import fsrs

from .errors import BadInput

# -- time -----------------------------------------------------------------------------------
# Times are the store's ISO strings (local wall-clock, naive). They are compared as they are,
# and labelled UTC only because the fsrs package insists on an aware UTC datetime.
DAY = 86400.0


def as_datetime(value) -> dt.datetime:
    """An ISO date or date-time (or a date/datetime) as an aware datetime labelled UTC."""
    if isinstance(value, dt.datetime):
        out = value
    elif isinstance(value, dt.date):
        out = dt.datetime(value.year, value.month, value.day)
    else:
        out = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if out.tzinfo is not None:
        out = out.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return out.replace(tzinfo=dt.timezone.utc)


def as_iso(value: dt.datetime) -> str:
    return value.replace(tzinfo=None, microsecond=0).isoformat()


def resolve_now(now=None) -> dt.datetime:
    """`--now`: a date or date-time a person gives (or None: the clock)."""
    from . import dates

    return as_datetime(dates.parse(now) if isinstance(now, str) else (now or dates.now()))


# -- ACT-R base-level activation ---------------------------------------------------------------
DECAY = 0.5  # d: the standard ACT-R decay
THRESHOLD = -2.0  # tau: activation at which recall is even odds (a lone mention, 55 days on)
NOISE = 0.7  # s: spread of the logistic; a lone mention is 0.95 a day on, 0.2 a year on
MIN_AGE = 1.0  # days: an event today counts as a day old (t^-d is infinite at 0)


def activation(times: Iterable, now) -> float | None:
    """B = ln sum_j t_j^-d, t_j in days since each past event; None when there is none yet.

    Events after `now` have not happened yet and are left out, so `--now` can replay the past.
    """
    now = as_datetime(now)
    total = 0.0
    for t in times:
        age = (now - as_datetime(t)).total_seconds() / DAY
        if age < 0:
            continue
        total += max(age, MIN_AGE) ** -DECAY
    return math.log(total) if total > 0 else None


def recall_from_activation(b: float | None) -> float:
    """P = 1 / (1 + exp(-(B - tau) / s)); nothing ever written or recalled is 0."""
    if b is None:
        return 0.0
    x = (b - THRESHOLD) / NOISE
    if x < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def actr_recall(times: Iterable, now) -> float:
    return recall_from_activation(activation(times, now))


# -- FSRS ----------------------------------------------------------------------------------
# FSRS-6 default parameters and desired retention 0.9; no learning or relearning steps (an
# answer schedules days ahead straight away); no fuzz, so a schedule can be replayed exactly.
SCHEDULER = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)

RATINGS = {
    1: ("again", "I'd forgotten"),
    2: ("hard", "It came back slowly"),
    3: ("good", "I remembered"),
    4: ("easy", "Of course I remember"),
}


def parse_rating(value) -> int:
    """1-4 or again/hard/good/easy (any case) as the FSRS rating number."""
    if isinstance(value, str):
        text = value.strip().lower()
        for n, (name, _) in RATINGS.items():
            if text in (name, name[0], str(n)):
                return n
    elif isinstance(value, int) and not isinstance(value, bool) and value in RATINGS:
        return value
    raise BadInput(f"Not an answer: {value!r}", "Answer again, hard, good or easy (or 1-4).")


def new_card(now) -> fsrs.Card:
    return fsrs.Card(card_id=1, due=as_datetime(now))  # one card per item: the id is not used


def load_card(text: str | None) -> fsrs.Card | None:
    return fsrs.Card.from_json(text) if text else None


def schedule(card: fsrs.Card | None, rating: int, now) -> fsrs.Card:
    """The card after answering `rating` at `now` (a new card if there was none)."""
    now = as_datetime(now)
    card = card or new_card(now)
    after, _ = SCHEDULER.review_card(card, fsrs.Rating(parse_rating(rating)), now)
    return after


def fsrs_recall(card: fsrs.Card | None, now) -> float:
    """FSRS retrievability R = (1 + F t / S)^-w20 (t days since the last review); 0 without a card."""
    if card is None:
        return 0.0
    return float(SCHEDULER.get_card_retrievability(card, as_datetime(now)))


def predicted_recall(times: Iterable, now, card: fsrs.Card | None = None, forgot_at=None) -> float:
    """The chance the owner would recall the item now: max(ACT-R, FSRS).

    ACT-R sees every mention and recall, FSRS only the owner's answers; either route to recall is
    enough. An "I'd forgotten" answer proves the history before it did not suffice, so ACT-R then
    counts only events from that answer on (`forgot_at`).
    """
    if forgot_at is not None:
        start = as_datetime(forgot_at)
        times = [t for t in times if as_datetime(t) >= start]
    return max(actr_recall(times, now), fsrs_recall(card, now))


# -- importance ----------------------------------------------------------------------------
# Each part is 0..1; importance is their weighted sum, so also 0..1.
WEIGHTS = {"written": 0.35, "closeness": 0.30, "feeling": 0.20, "events": 0.15}
EVENT_WEIGHT = {"death": 1.0, "birth": 0.6, "marriage": 0.6, "illness": 0.5, "parting": 0.5,
                "divorce": 0.5, "meeting": 0.3}
OTHER_EVENT = 0.3
# How close a relation to the owner is, by role. Unknown roles get OTHER_ROLE, no relation NO_ROLE.
CLOSENESS = {}
for _weight, _roles in (
    (1.0, "husband wife spouse partner son daughter child kid baby mother father parent mum mom dad"
          " mummy daddy"),
    (0.9, "grandson granddaughter grandchild grandmother grandfather grandparent grandma grandpa"
          " granny gran nan grandad granddad brother sister sibling twin fiance fiancé fiancee"
          " fiancée boyfriend girlfriend lover widow widower"),
    (0.7, "uncle aunt auntie nephew niece cousin godmother godfather godson goddaughter stepmother"
          " stepfather stepson stepdaughter friend mate companion guardian ward"),
    (0.5, "colleague boss neighbour neighbor flatmate roommate housemate teacher student pupil"
          " mentor coach doctor nurse captain employer employee master mistress servant maid"
          " nanny landlord landlady tenant"),
):
    CLOSENESS.update(dict.fromkeys(_roles.split(), _weight))
OTHER_ROLE = 0.4
NO_ROLE = 0.2
HOP = 0.7  # a relation through someone else ("Alice's son") counts this much of theirs


def role_closeness(role: str | None) -> float:
    """How close a role ("grandson", "great-aunt", "ex-wife", "mother-in-law") is, 0..1."""
    if not role:
        return NO_ROLE
    role = role.lower().strip()
    factor = 1.0
    if role.startswith("ex-") or role.startswith("ex "):
        role, factor = role[3:], 0.6
    if role.endswith("-in-law"):
        role, factor = role.removesuffix("-in-law"), factor * 0.7
    while role.startswith("great"):
        role, factor = role.removeprefix("great").lstrip("- "), factor * 0.8
    for prefix in ("step-", "half-", "foster-"):
        if role.startswith(prefix):
            role, factor = role.removeprefix(prefix), factor * 0.8
    return CLOSENESS.get(role, OTHER_ROLE) * factor


def event_weight(kinds: Iterable[str]) -> float:
    return max((EVENT_WEIGHT.get(k, OTHER_EVENT) for k in kinds), default=0.0)


def written_weight(count: int, most: int) -> float:
    """How much was written about it, on a log scale against the most-written-about item."""
    if count <= 0 or most <= 0:
        return 0.0
    return min(1.0, math.log1p(count) / math.log1p(most))


def importance(written: float, closeness: float, feeling: float, events: float) -> float:
    parts = {"written": written, "closeness": closeness, "feeling": feeling, "events": events}
    return sum(WEIGHTS[k] * min(1.0, max(0.0, v)) for k, v in parts.items())


# -- grief -----------------------------------------------------------------------------------
def years_between(born, on) -> int:
    born, on = as_datetime(born), as_datetime(on)
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def birthday_line(name: str, born, on, died=None) -> str | None:
    """What to say on `on` if it is the birthday of someone born on `born`; None otherwise.

    The dead have no birthday prompt: the day is marked as the age they would have turned.
    """
    b, o = as_datetime(born), as_datetime(on)
    if (b.month, b.day) != (o.month, o.day) or o <= b:
        return None
    age = years_between(b, o)
    if died is not None and as_datetime(died) <= o:
        return f"{name} would have turned {age} today."
    return f"{name}'s birthday: {age} today."


def anniversary_line(name: str, kind: str, when, on) -> str | None:
    """"3 years ago today, Steven died." on the anniversary of an event; None otherwise."""
    w, o = as_datetime(when), as_datetime(on)
    if (w.month, w.day) != (o.month, o.day) or o <= w:
        return None
    years = o.year - w.year
    verb = {"death": "died", "birth": "was born", "marriage": "married", "meeting": "met",
            "parting": "parted", "illness": "fell ill"}.get(kind, kind)
    return f"{years} year{'s' if years != 1 else ''} ago today, {name} {verb}."
