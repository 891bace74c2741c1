"""Resisting forgetting: how strongly each person, person–cue tie and important passage is still
remembered, what is fading, and review sessions that bring it back. See docs/forgetting.md.

Nothing here deletes anything: decay only ranks what to show. Reviews and recalls are appended,
an item's FSRS card is updated in place, hiding someone appends a row.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import fsrs

from . import dates, store
from .capture import check_unicode
from .errors import BadInput, NotFound
from .kin import CLOSENESS
from .people import Stated, find, no_person, perhaps, perhaps_relation

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
                "divorce": 0.5, "moving": 0.5, "job": 0.5, "retirement": 0.5, "engagement": 0.5, "meeting": 0.3}
OTHER_EVENT = 0.3
# How close a relation to the owner is: by role, CLOSENESS (kin.py); unknown roles get OTHER_ROLE, no relation NO_ROLE.
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


def possessive(gender) -> str:
    """ "his", "her" or "their", for a person's gender as extracted."""
    return {"m": "his", "f": "her"}.get(gender, "their")


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
            "parting": "parted", "illness": "fell ill", "moving": "moved", "job": "started a new job",
            "retirement": "retired", "engagement": "got engaged"}.get(kind, kind)
    return f"{years} year{'s' if years != 1 else ''} ago today, {name} {verb}."


# -- items in the store ------------------------------------------------------------------------
# An item is named by a key the owner's own tables keep: "person:NAME", "cue:CUE:NAME" or
# "passage:ID". People are named, not numbered, because extraction is derived data and renumbers
# people on `reindex`; a name is found again through its aliases (people.find).
CUES_PER_PERSON = 3  # a person's strongest cues that are items of their own
CUE_SHARE = 0.5  # a tie matters at most half as much as the person
PASSAGE_SHARE = 0.8  # a passage at most a little less than the person it is about
STRONG_FEELING = 0.6  # |valence| that makes a passage an item without an event in it


def person_key(name: str) -> str:
    return f"person:{name}"


def cue_key(name: str, cue: str) -> str:
    return f"cue:{cue}:{name}"


def passage_key(passage: int) -> str:
    return f"passage:{passage}"


def parse_key(key: str) -> tuple[str, str | None, str | None, int | None]:
    """(kind, person name, cue, passage id) of an item key; BadInput if it is not one (nor valid Unicode: a lone
    surrogate is refused as such, whether or not anyone is there to be found)."""
    check_unicode(str(key), "The item")
    kind, _, rest = str(key).partition(":")
    if kind == "person" and rest:
        return kind, rest, None, None
    if kind == "cue" and ":" in rest:
        cue, _, name = rest.partition(":")
        if cue and name:
            return kind, name, cue, None
    if kind == "passage" and rest.isdigit():
        return kind, None, None, int(rest)
    raise BadInput(f"Not an item: {key!r}", 'Items look like "person:NAME", "cue:CUE:NAME" or "passage:ID".')


_MONTH_NAMES = "January February March April May June July August September October November December".split()
_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def said_day(iso: str) -> str:
    """A day as a person writes it: "12 March 2020"."""
    d = dt.date.fromisoformat(iso[:10])
    return f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def _days(lo: dt.date, last: dt.date) -> str:
    """A stretch of days: "2–8 March 2020", "28 February – 5 March 2020", "28 December 2019 – 3 January 2020"."""
    if (lo.year, lo.month) == (last.year, last.month):
        return f"{lo.day}–{last.day} {_MONTH_NAMES[lo.month - 1]} {lo.year}"
    if lo.year == last.year:
        return f"{lo.day} {_MONTH_NAMES[lo.month - 1]} – {last.day} {_MONTH_NAMES[last.month - 1]} {lo.year}"
    return f"{said_day(lo.isoformat())} – {said_day(last.isoformat())}"


def when(lo: str | None, hi: str | None, written: str | None) -> tuple[str | None, str | None]:
    """(how a person says when an event happened, its ISO day if known to the day) from its interval [lo, hi), to the
    precision it has: "2 May 2016", "May 2016", "2016"; and what is not a day never as one: "spring 2019", "the 1980s",
    "the early 1980s", "2004–2006", "2–8 March 2020", "about 2009" (a window around a length of time: "eight years
    since"), "after 12 March 2020" (a plan, only begun), "by 2 May 2016" (no date: no later than the entry)."""
    if not lo:
        return (f"by {said_day(written)}" if written else None), None
    if not hi:
        return f"after {said_day(lo)}", None
    a, b = dt.date.fromisoformat(lo[:10]), dt.date.fromisoformat(hi[:10])
    span, last = (b - a).days, b - dt.timedelta(days=1)
    if span <= 1:
        return said_day(lo), lo[:10]
    whole_years = a.month == a.day == b.month == b.day == 1
    if whole_years and b.year - a.year == 1:
        return str(a.year), None
    if a.day == b.day == 1 and (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1:
        return f"{_MONTH_NAMES[a.month - 1]} {a.year}", None
    if whole_years and a.year % 10 == 0 and b.year - a.year == 10:
        return f"the {a.year}s", None
    if whole_years and b.year - a.year in (3, 4) and (a.year // 10 == last.year // 10):
        part = {0: "early", 3: "mid", 6: "late"}.get(a.year % 10)
        if part:
            return f"the {part} {a.year - a.year % 10}s", None
    if whole_years:
        return f"{a.year}–{last.year}", None
    if a.day == b.day == 1 and a.month in _SEASON_NAMES and (b.year * 12 + b.month) - (a.year * 12 + a.month) == 3:
        name = _SEASON_NAMES[a.month]
        return (f"winter {a.year}–{str(a.year + 1)[2:]}" if name == "winter" else f"{name} {a.year}"), None
    if span <= 31:  # a week, a long weekend: the days, not the first of them
        return _days(a, last), None
    if a.day == b.day == 1 and span <= 366:  # whole months: "March – May 2019"
        return (f"{_MONTH_NAMES[a.month - 1]} – {_MONTH_NAMES[last.month - 1]} {a.year}" if a.year == last.year
                else f"{_MONTH_NAMES[a.month - 1]} {a.year} – {_MONTH_NAMES[last.month - 1]} {last.year}"), None
    # "eight years since", "a few months ago": about when, not the first day of a window
    mid = a + (b - a) / 2
    return (f"about {mid.year}" if span >= 300 else f"about {_MONTH_NAMES[mid.month - 1]} {mid.year}"), None


@dataclass(frozen=True)
class Scored:
    """An item ranked for fading and review: what it is (`ident`: ("person", pid), ("cue", pid, cue) or ("passage",
    id)), whose, how much it matters and how strong it is now, and its score, importance x (1 - predicted recall)."""
    ident: tuple
    person: int | None
    importance: float
    strength: dict
    score: float


class Snapshot:
    """Everything the model needs, as the store stood at `now`: nothing written or reviewed after
    `now` is seen, so `--now` replays the past. Who is hidden is the owner's latest wish, always."""

    def __init__(self, memory, now=None):
        self.memory = memory
        self.now = resolve_now(now)
        cut = self.cut = as_iso(self.now)
        self.names, self.owners, self.genders, self.kinds, self.unlisted = {}, set(), {}, {}, set()
        self.times = {}  # person -> [entry times]
        self.passages = {}  # person -> {passage: mentions in it}
        self.relations, self.events, self.valence = [], {}, {}
        self.cues = {}  # (person, cue) -> {"times", "weight", "passage"}
        self.passage_events = {}  # passage -> {kinds}
        if store.has_table(memory, "people"):
            for r in store.people_to_fade(memory, store.LISTED_SQL):
                self.genders[r["id"]] = r["gender"]
                self.kinds[r["id"]] = r["kind"]  # None: a person; else what the owner said it is (a pet ...)
                if not r["listed"]:
                    self.unlisted.add(r["id"])  # read too unsurely to be a person of their own (people.LISTED)
                self.names[r["id"]] = r["name"]
                if r["owner"]:
                    self.owners.add(r["id"])
            seen = {}
            for r in store.mentions_until(memory, cut):
                seen.setdefault(r["person"], {})[r["entry"]] = r["at"]
                ps = self.passages.setdefault(r["person"], {})
                ps[r["passage"]] = ps.get(r["passage"], 0) + 1
            self.times = {p: sorted(v.values()) for p, v in seen.items()}
            # What the owner said (remembrancer/people.py) holds in any replay, as who is hidden does: a relation
            # given, taken away or changed, an event untrue or re-dated, a birth or death given by hand.
            with memory.lock:
                stated = Stated(memory.conn)
            self.relations = stated.relations(dict(r) for r in store.relations_until(memory, cut))
            # What happened to each person: the one who killed or buried someone has not died.
            for r in store.events_until(memory, cut):
                shown = stated.event(r["id"], r["person"], r["kind"], r["lo"], r["hi"])
                if shown is None:
                    continue
                e = dict(r, lo=shown[0], hi=shown[1], said=shown[2])
                e["at"], e["day"] = when(e["lo"], e["hi"], r["written"])
                e["from"] = (e["lo"] or r["written"])[:10]  # the earliest it can have been
                # never said as a fact when read less surely than people.FACT, unless the owner said when it was
                e["perhaps"] = not e["said"] and perhaps(r["kind"], r["confidence"])
                self.events.setdefault(r["person"], []).append(e)
                self.passage_events.setdefault(r["passage"], set()).add(r["kind"])
            for (pid, _), g in stated.given.items():
                at, day = when(g["lo"], g["hi"], None)
                self.events.setdefault(pid, []).insert(0, dict(g, written=None, passage=None, at=at, day=day, perhaps=False,
                                                               **{"from": g["lo"]}))  # the owner's word: a fact
            for r in store.strongest_feelings_until(memory, cut):
                self.valence[r["passage"]] = r["v"]
            weights = {(r["person"], r["cue"]): r["weight"] for r in store.cue_weights(memory)}
            for r in store.cues_until(memory, cut):
                c = self.cues.setdefault((r["person"], r["cue"]), {
                    "times": set(), "weight": weights.get((r["person"], r["cue"]), 0.0), "passage": r["passage"]})
                c["times"].add(r["at"])
        # The owner's own rows: reviews, recalls, hidden. Names are resolved to today's people.
        self._find = functools.lru_cache(maxsize=None)(lambda name: find(memory.conn, name) if self.names else None)
        self.cards, self.forgot, self.recalls, self.hidden = {}, {}, {}, {}
        for r in store.reviews_until(memory, cut):
            ident = self.ident(r["item"])
            if ident is None:
                continue
            self.cards[ident] = (load_card(r["after"]), r["at"])
            if r["rating"] == 1:
                self.forgot[ident] = r["at"]
        for r in store.recalls_until(memory, cut):
            ident = self.ident(r["item"])
            if ident is not None:
                self.recalls.setdefault(ident, []).append(r["at"])
                if ident[0] == "cue":  # recalling a tie recalls the person too
                    self.recalls.setdefault(("person", ident[1]), []).append(r["at"])
        for r in store.hidden_rows(memory):  # the owner's wish holds in any replay
            ident = self.ident(r["item"])
            if ident is not None:
                self.hidden[ident] = bool(r["hidden"])
        self._importance = {}
        self._closeness = None
        self.most = max((len(v) for v in self.passages.values()), default=0)

    # -- identities --------------------------------------------------------------------------
    def ident(self, key):
        """("person", id), ("cue", id, cue) or ("passage", id) for an item key; None if gone."""
        kind, name, cue, passage = parse_key(key)
        if kind == "passage":
            return (kind, passage)
        pid = self._find(name)
        if pid is None:
            return None
        return ("person", pid) if kind == "person" else ("cue", pid, cue)

    def key(self, ident) -> str:
        if ident[0] == "person":
            return person_key(self.names[ident[1]])
        if ident[0] == "cue":
            return cue_key(self.names[ident[1]], ident[2])
        return passage_key(ident[1])

    def is_hidden(self, pid) -> bool:
        return self.hidden.get(("person", pid), False)

    @functools.cached_property
    def hidden_passages(self) -> set:
        """The passages naming someone the owner hid: not shown, lest they bring them back."""
        return {p for ident, h in self.hidden.items() if h and ident[0] == "person" for p in self.passages.get(ident[1], {})}

    def shows_hidden(self, passage) -> bool:
        return passage in self.hidden_passages

    # -- strength ----------------------------------------------------------------------------
    def event_times(self, ident) -> list:
        if ident[0] == "person":
            written = self.times.get(ident[1], [])
        elif ident[0] == "cue":
            written = sorted(self.cues.get((ident[1], ident[2]), {}).get("times", ()))
        else:
            written = store.passage_written(self.memory, ident[1], self.cut)
        return list(written) + self.recalls.get(ident, [])

    def strength(self, ident) -> dict:
        card, reviewed = self.cards.get(ident, (None, None))
        times = self.event_times(ident)
        forgot = self.forgot.get(ident)
        kept = [t for t in times if forgot is None or as_datetime(t) >= as_datetime(forgot)]
        actr = actr_recall(kept, self.now)
        fs = fsrs_recall(card, self.now) if card else None
        return {
            "recall": round(max(actr, fs or 0.0), 4),
            "actr": round(actr, 4),
            "fsrs": round(fs, 4) if fs is not None else None,
            "activation": activation(kept, self.now),
            "last_review": reviewed,
            "next_review": as_iso(card.due) if card else None,
            "stability": round(card.stability, 4) if card and card.stability else None,
        }

    # -- importance --------------------------------------------------------------------------
    def closeness(self, pid) -> float:
        if self._closeness is None:
            direct, through = {}, []
            for r in self.relations:
                s, o, c = r["subject"], r["object"], role_closeness(r["relation"])
                if not self.owners or o in self.owners or s in self.owners:
                    for p in (s, o):
                        direct[p] = max(direct.get(p, 0.0), c)
                else:
                    through.append((s, o, c))
            out = dict(direct)
            for s, o, c in through:
                for p, q in ((s, o), (o, s)):
                    out[p] = max(out.get(p, 0.0), HOP * c * direct.get(q, NO_ROLE))
            self._closeness = out
        return max(NO_ROLE, self._closeness.get(pid, 0.0))

    def feeling(self, pid) -> float:
        vs = [self.valence.get(p, 0.0) for p in self.passages.get(pid, {})]
        return sum(vs) / len(vs) if vs else 0.0

    def importance(self, pid) -> dict:
        if pid not in self._importance:
            parts = {
                "written": written_weight(len(self.passages.get(pid, {})), self.most),
                "closeness": self.closeness(pid),
                "feeling": self.feeling(pid),
                "events": event_weight(e["kind"] for e in self.events.get(pid, [])),
            }
            self._importance[pid] = dict({k: round(v, 4) for k, v in parts.items()}, total=importance(**parts))
        return self._importance[pid]

    def passage_importance(self, passage, pid) -> float:
        """The person's importance, scaled by how much happened in the passage: its weightiest
        event or its feeling, whichever is more."""
        salience = max(event_weight(self.passage_events.get(passage, ())), self.valence.get(passage, 0.0))
        return PASSAGE_SHARE * self.importance(pid)["total"] * min(1.0, salience)

    def cue_importance(self, pid, cue) -> float:
        mine = [c["weight"] for (p, _), c in self.cues.items() if p == pid]
        share = self.cues[(pid, cue)]["weight"] / max(mine) if mine and max(mine) > 0 else 0.0
        return CUE_SHARE * self.importance(pid)["total"] * share

    # -- the items ------------------------------------------------------------------------------
    def people(self) -> list[int]:
        """The people there is something to bring back about: mentioned by now, not the owner, not a name
        the owner said (or the text reads) is a pet, a place or a thing, not one read too unsurely to list."""
        return [p for p in self.times if p in self.names and p not in self.owners and self.kinds.get(p) in (None, "person")
                and p not in self.unlisted]

    def candidates(self):
        """(ident, person, importance) for every item."""
        for pid in self.people():
            yield ("person", pid), pid, self.importance(pid)["total"]
            ranked = sorted(((c["weight"], cue) for (p, cue), c in self.cues.items() if p == pid), reverse=True)
            for _, cue in ranked[:CUES_PER_PERSON]:
                yield ("cue", pid, cue), pid, self.cue_importance(pid, cue)
        people = set(self.people())
        main = {}
        for pid in people:
            for passage, n in self.passages.get(pid, {}).items():
                if passage is not None and (n, self.importance(pid)["total"]) > main.get(passage, (0, 0, None))[:2]:
                    main[passage] = (n, self.importance(pid)["total"], pid)
        for passage, (_, _, pid) in main.items():
            if self.passage_events.get(passage) or self.valence.get(passage, 0.0) >= STRONG_FEELING:
                yield ("passage", passage), pid, self.passage_importance(passage, pid)

    def visible(self, pid) -> bool:
        return not self.is_hidden(pid)

    def ranked(self) -> list[Scored]:
        """Every visible item scored by importance x (1 - predicted recall), highest first."""
        out = []
        for ident, pid, imp in self.candidates():
            if not self.visible(pid) or (ident[0] == "passage" and self.shows_hidden(ident[1])):
                continue
            s = self.strength(ident)
            out.append(Scored(ident, pid, imp, s, imp * (1.0 - s["recall"])))
        out.sort(key=lambda x: (-x.score, -x.importance, str(x.ident)))
        return out

    # -- describing -------------------------------------------------------------------------------
    def died(self, pid) -> str | None:
        deaths = [e["day"] or e["at"] for e in self.events.get(pid, []) if e["kind"] == "death" and not e["perhaps"]]
        return deaths[0] if deaths else None

    def died_from(self, pid) -> str | None:
        deaths = [e["from"] for e in self.events.get(pid, []) if e["kind"] == "death" and not e["perhaps"]]
        return deaths[0] if deaths else None

    def line(self, pid) -> str:
        """"Steven: your grandson, Alice's son; died 2009-01-02" from what was extracted."""
        said, seen = [], {}
        for r in self.relations:
            s, o, rel = r["subject"], r["object"], r["relation"]
            if self.is_hidden(o if s == pid else s):
                continue
            if s == pid and o in self.names:
                phrase = f"your {rel}" if o in self.owners else f"{self.names[o]}'s {rel}"
            elif o == pid and s in self.names:
                whose = possessive(self.genders.get(pid))
                phrase = f"you are {whose} {rel}" if s in self.owners else f"{whose} {rel} {self.names[s]}"
            else:
                continue
            # a relation read less surely than a fact is a "perhaps" (its surest reading counts)
            sure = r.get("said") or not perhaps_relation(r.get("confidence"))
            if phrase not in seen:
                seen[phrase] = len(said)
                said.append(phrase if sure else f"perhaps {phrase}")
            elif sure:
                said[seen[phrase]] = phrase
        said.sort(key=lambda p: (p.startswith("perhaps"), not p.startswith("your")))
        facts, kinds = [], set()
        # what is sure first: a "perhaps" death is said only when no reading of it is sure
        for e in sorted(self.events.get(pid, []), key=lambda e: e["perhaps"]):
            if EVENT_WEIGHT.get(e["kind"], OTHER_EVENT) < 0.5 or e["kind"] in kinds:
                continue  # a meeting is everyday; a death, a birth, a marriage make the line, once each
            kinds.add(e["kind"])
            verb = {"death": "died", "birth": "born", "marriage": "married", "illness": "fell ill",
                    "meeting": "met", "parting": "parted", "moving": "moved", "job": "new job",
                    "retirement": "retired", "engagement": "engaged"}.get(e["kind"], e["kind"])
            verb = f"perhaps {verb}" if e["perhaps"] else verb
            facts.append(f"{verb} {e['at']}" if e["at"] else verb)
        times = self.times.get(pid, [])
        n = len(self.passages.get(pid, {}))
        if not facts and times:
            facts.append(f"written about {'once' if n == 1 else f'{n} times'}, last {times[-1][:10]}")
        facts = facts[:3]
        head = self.names.get(pid, "?")
        return head + (": " + ", ".join(said[:3]) if said else "") + ("; " if said else ": ") + "; ".join(facts)

    def best_passage(self, ident, pid) -> dict | None:
        """The passage that best says who they were: one that names their relation or an event,
        then the most felt, then the one that mentions them most."""
        if ident[0] == "passage":
            best = ident[1]
        elif ident[0] == "cue":
            best = self.cues.get((ident[1], ident[2]), {}).get("passage")
            best = None if self.shows_hidden(best) else best
        else:
            told = {r["passage"] for r in self.relations if pid in (r["subject"], r["object"])}
            told |= {e["passage"] for e in self.events.get(pid, [])}
            ps = {p: n for p, n in self.passages.get(pid, {}).items() if not self.shows_hidden(p)}
            best = max(ps, key=lambda p: (p in told, event_weight(self.passage_events.get(p, ())),
                                          round(self.valence.get(p, 0.0), 1), ps[p], -(p or 0)), default=None)
        found = self.memory.passages([best]) if best is not None else []
        return found[0] if found else None

    def item(self, ident, pid=None, scored: Scored | None = None) -> dict:
        """An item as JSON: key, kind, who, the one-line "who or what", its passage and strength."""
        pid = pid if pid is not None else (ident[1] if ident[0] != "passage" else self._main_person(ident[1]))
        strength = scored.strength if scored else self.strength(ident)
        imp = scored.importance if scored else (
            self.importance(pid)["total"] if ident[0] == "person" else
            self.cue_importance(pid, ident[2]) if ident[0] == "cue" else self.passage_importance(ident[1], pid))
        name = self.names.get(pid)
        line = self.line(pid) if pid is not None else ""
        if ident[0] == "cue":
            line = f"{name} — {ident[2]}. {line}"
        if ident[0] == "person":
            prompt = f"Do you remember {name}?"
        elif ident[0] == "cue":
            prompt = f"What does {ident[2]!r} bring back of {name}?"
        else:
            prompt = f"Do you remember this{f' about {name}' if name else ''}?"
        out = {"item": self.key(ident), "kind": ident[0], "person": name, "cue": ident[2] if ident[0] == "cue" else None,
               "line": line, "prompt": prompt, "died": self.died(pid) if pid is not None else None,
               "importance": round(imp, 4), **strength,
               "passage": self.best_passage(ident, pid)}
        if scored:
            out["score"] = round(scored.score, 4)
        return out

    def _main_person(self, passage):
        best = max(((n, self.importance(p)["total"], p) for p in self.people()
                    for q, n in self.passages.get(p, {}).items() if q == passage), default=None)
        return best[2] if best else None


# -- what is fading --------------------------------------------------------------------------------
def fading(memory, now=None, limit: int = 10) -> list[dict]:
    """The items most worth bringing back: importance x (1 - predicted recall), one per person."""
    snap = Snapshot(memory, now)
    out, shown = [], set()
    for scored in snap.ranked():
        if scored.person in shown:
            continue
        shown.add(scored.person)
        out.append(snap.item(scored.ident, scored.person, scored))
        if len(out) >= limit:
            break
    return out


def person_strength(memory, person_id: int, now=None) -> dict:
    """For a person's page: predicted recall now (and its parts), next review, importance, hidden."""
    snap = Snapshot(memory, now)
    ident = ("person", person_id)
    return dict(snap.strength(ident), importance=snap.importance(person_id) if person_id in snap.times else None,
                hidden=snap.is_hidden(person_id), died=snap.died(person_id))


# -- reviews -----------------------------------------------------------------------------------------
def review_next(memory, now=None) -> dict | None:
    """The next item to review at `now`: a due one (most worth it first), else the most faded
    item never reviewed; None when there is nothing."""
    snap = Snapshot(memory, now)
    due, new = None, None
    for scored in snap.ranked():
        card = snap.cards.get(scored.ident)
        if card is None:
            if new is None and scored.score > 0:
                new = scored
        elif card[0].due <= snap.now and due is None:
            due = scored
        if due is not None:
            break
    chosen = due or new
    return snap.item(chosen.ident, chosen.person, chosen) if chosen else None


def review_answer(memory, item: str, rating, now=None) -> dict:
    """Record the owner's answer: FSRS schedules the next review, and it counts as a recall."""
    rating = parse_rating(rating)
    snap = Snapshot(memory, now)
    ident = snap.ident(item)
    if (ident is None or (ident[0] == "passage" and not memory.passages([ident[1]]))
            or (ident[0] == "cue" and (ident[1], ident[2]) not in snap.cues)):
        raise NotFound(f"Nothing to review called {item!r}", "Take the item from `remembrancer review --json`.")
    key, at = snap.key(ident), as_iso(snap.now)
    before_p = snap.strength(ident)["recall"]
    card, _ = snap.cards.get(ident, (None, None))
    # The schedule is the latest answer's: one given as of an earlier time would overwrite it with the past.
    last = store.last_review(memory, key)
    if last and as_datetime(last) > as_datetime(snap.now):
        raise BadInput(f"{key!r} was last reviewed at {last}, after {at}", "Answer as of a later time (or now).")
    after = schedule(card, rating, snap.now)
    with memory.transaction() as conn:
        store.add_review(conn, key, rating, at, before_p, card.to_json() if card else None, after.to_json(), as_iso(after.due))
    snap = Snapshot(memory, now)
    return {"item": key, "rating": rating, "answer": RATINGS[rating][0], "at": at, "recall_before": before_p,
            "recall": snap.strength(ident)["recall"], "next_review": as_iso(after.due),
            "interval_days": round((after.due - as_datetime(at)).total_seconds() / DAY, 2)}


def record_recall(memory, item: str, now=None, source: str = "recall"):
    """Count a moment the owner brought an item back (looked them up, wrote about them in a review)."""
    snap = Snapshot(memory, now)
    ident = snap.ident(item)
    if ident is None:
        return None
    with memory.transaction() as conn:
        store.add_recall(conn, snap.key(ident), as_iso(snap.now), source)
    return snap.key(ident)


# -- not to be brought back ----------------------------------------------------------------------
def hide(memory, name: str, hidden: bool = True, now=None) -> dict:
    """Mark a person as not to be brought back (or, with hidden=False, allowed again). Appends a row."""
    pid = find(memory.conn, name) if store.has_table(memory, "people") else None
    if pid is None:
        raise no_person(name)
    canonical = store.person_name(memory, pid)
    at = as_iso(resolve_now(now))
    with memory.transaction() as conn:
        store.add_hidden(conn, person_key(canonical), hidden, at)
    return {"person": canonical, "hidden": hidden, "at": at}


def hidden_people(memory, now=None) -> set[int]:
    """Ids of the people the owner asked not to be brought back."""
    snap = Snapshot(memory, now)
    return {ident[1] for ident, h in snap.hidden.items() if h and ident[0] == "person"}


# -- grief: what a date means ----------------------------------------------------------------------
def day_notes(memory, on=None) -> list[dict]:
    """Birthdays and anniversaries of deaths, births and marriages falling on `on`'s day and month,
    years ago. The dead get no birthday prompt, only the age they would have turned; people the
    owner hid are left out."""
    on = resolve_now(on)
    snap = Snapshot(memory, max(on, resolve_now()))  # all that is known, read for the day `on`
    out = []
    for pid in snap.people():
        if snap.is_hidden(pid):
            continue
        died = snap.died(pid)
        died_from = snap.died_from(pid)
        for e in snap.events.get(pid, []):
            if not e["day"] or e["perhaps"]:
                continue  # only an event known to the day has a day to return on, and only a sure one
            if e["kind"] == "birth":
                text = birthday_line(snap.names[pid], e["day"], on, died=died_from)
            else:
                text = anniversary_line(snap.names[pid], e["kind"], e["day"], on)
            if text:
                out.append({"person": snap.names[pid], "kind": e["kind"], "at": e["day"], "text": text, "died": died,
                            "passage": (memory.passages([e["passage"]]) or [None])[0] if e["passage"] else None,
                            "said": e.get("said")})
    return out


def grief_aware(memory, items: list[dict], on=None) -> list[dict]:
    """on-this-day items (recall.on_this_day), minus what is about people the owner hid, with a
    `note` on birthdays and anniversaries ("Steven would have turned 40 today." for the dead)."""
    hidden = hidden_people(memory)
    unwanted = store.passages_naming(memory, hidden) if hidden else set()
    notes, said = {}, {}
    for n in day_notes(memory, on):
        if n["passage"]:
            notes.setdefault(n["passage"]["passage"], n["text"])
        if n["said"] and not n["passage"]:  # a date the owner gave: its item has no passage
            said.setdefault((n["said"], n["at"]), n["text"])
    hidden_names = store.names_of(memory, hidden) if hidden else set()
    out = []
    for item in items:
        passage = (item.get("passage") or {}).get("passage")
        if passage in unwanted or item.get("person") in hidden_names:
            continue
        note = notes.get(passage) if passage is not None else said.get((item.get("said"), item["at"][:10]))
        out.append(dict(item, note=note) if note else item)
    return out
