"""Personal writing: what the store understands of a writer's journal, letters, notes or chats, against a key.

Each writer folder under --data (format: bench/data/journals/README.md) is stored as a user would:
its entries folder through `Memory.add_files`, or its chat log through `Memory.import_path("jsonl",
me=...)`, with the key's `day_first` (as the writer would say --day-first or --month-first), in a
store of its own, and understood by the extraction pipeline (embeddings are not made:
this measures understanding and dating only). Stores are cached by the content of the writer's
folder and of the package's code (--cache), so a change to either builds again.

Layers, each with precision and recall, and every error:
- people: the people the store lists (`Memory.people`: those it is sure enough of to list), matched to
  the key's by name or alias. A listed person is right when they are a real person of the key not
  already listed under another name (a second listing of one person, and anything that is not a
  person, are wrong); recall is the share of the key's people listed. Relations, events, traps and
  the writer merged are scored over everyone the store read, listed or not (`everyone=True`).
- aliases: (person, name) pairs of the listed people matched to a key person, against the key's.
- not-people: the key's capitalised names, each a person's or not; a name is taken for a person
  when a listed person bears it. Precision and recall of "not a person".
- relations: (kind, a, b) after mapping kin words to one kind and direction (mum = mother =
  parent, "A is B's son" = "B is A's parent", husband = wife = spouse), between key people;
  those to the writer also apart. An ex read where the key has the two as partners or spouses is
  that tie (the key gives the tie they had; "he broke up with me" says it is over), and a fiancé read where the key has
  the two as spouses is that tie (the key gives the tie they came to: "he proposed to me" of a couple married since).
- events: (kind, person) for births, deaths, marriages, moves, illnesses, new jobs, retirements ...
  (the store's "parting" is a separation; meetings and injuries are not scored), of those the store reads as
  people (a pet, a car or a boat it reads as one that "died" is no person's death); deaths apart;
  living people marked dead; and for each event found, whether the store's date for it (its most
  precise date) falls in the key's date (in the date of any one of them, when the key gives that person
  two events of that kind: two moves, two illnesses). Beside that rule, each date is read as a person would
  read it (`_date_class`): right at the precision the text gives, a stretch the key cannot write inside its
  date, a made-up day (finer), a date too coarse, only a bound, none, or wrong.
- entry dates: every entry whose key date comes from its text, name, front matter or chat day.
- the writer merged with anyone (a listed person holding the writer's names and another's).

A fact is *stated* when its confidence is at least the pipeline's threshold (`extract.FACT`, for
relations and the life events of `people.SURE_KINDS`: deaths and births, and since round 15 every kind); below it the
store shows it as "perhaps". The figures are of what is
stated; relations and events are also given counting the "perhaps" ones.

Each date found is also counted by the kind of evidence it rests on (`events.date_how`: the event's sentence, the next,
another event, the entry's own day, an age ...), and the tuned writers are added up in two halves (every other one in
sorted order): a weight or threshold chosen on one half is reported on the other (the death threshold is, both ways).

Tuned on TUNE; HELD_OUT and FRESH writers are scored with figures only (their errors are not printed unless
--held-out-errors: looking at them would make their figures a measure of tuning, not of the code).

    python bench/journal.py                      # bench/data/journals
    python bench/journal.py --data /work/corpus --writers diary-wales
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import remembrancer  # noqa: E402
from remembrancer import extract  # noqa: E402
from remembrancer import people as people_mod  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Writers added after the first three, each in forms those lack (teen-bristol: a teenager's diary, people;
# diary-sheffield: a man's diary, relations; letters-to-dad and chat-sisters: letters to the dead recalling dated
# events, an American two-person chat with events said in passing; diary-leeds: a woman's diary of relations told in the
# forms of issue 13 item 5, written in relations4 after its first rules and before any rule read its errors; emails-expat:
# a nurse's emails home from abroad, people: kin words of three speakers, two Callums and two Jeans, a car, a boat, a
# cactus and a dog that "die"): tuned on, and reported apart ("new").
# chat-mum-son (dates5): a mother and her grown son, events said in passing with relative dates, plans and bookings.
# diary-hull (deaths2): a man's diary of his father's death and the deaths around it told as people tell them, beside the
# same words used of the living, of pets, plants, cars and characters.
# letters-grandad (people5): a retired joiner's letters to his grandchildren abroad: his own kin name as their word and
# a sign-off, two grandmothers and two grandfathers by kin word and first name, two Jims, titled and full names of one
# person, a titled cat, a named car and boat, verbs opening sentences.
# diary-norfolk (dates6): a retired librarian's diary, notes dated by a header line and letters dated under the signature,
# events dated the many ways people write ("two years ago this May", "the week after the funeral", "last Easter", "in '98").
# diary-leicester (relations5): a young father's diary, 26 entries, ties told through situations (a birth, an anniversary, a
# wedding, a funeral, who comes to Sunday dinner) more than tie words; written after that round's rules, before any read it.
# diary-cork (relations6): an Irish mother's diary, ties told without "my X is Y": children only named, a husband by name
# and "we", in-laws by Sunday dinners, a household ("the four of us"); written and measured before that round's rules.
# notes-to-aoife (people6): an Irish father's notes to his daughter, before and after her birth, signed "Dad" while his
# own father is "Da" and signs a card "Grandad"; nicknames and titled names ("Murph", "Pop", "Granny Mo", "Father Dan",
# "Mrs Kenny"), two Toms, a car, a toy and a dog with names, verbs opening sentences; written before any rule read it.
# diary-pastor (deaths4): an American pastor's diary, deaths as Americans tell them (went to be with the Lord, was called home,
# his service, the visitation, a celebration of life, Memorial Day) beside figurative, feared, dreamed, a Gospel's and a TV
# show's deaths; written and measured before any rule of that round.
# journal-michigan (dates7): an American mother's diary, notebook and letters, month-first ("10/12", "Thurs 11/5"), events
# dated by feasts, by ages and by other events ("the year Sam was born", "the Christmas after Dad's stroke", "two weeks after
# the wedding", "the fall of '09", "Labor Day weekend"); written, keyed and measured before any rule of that round.
# diary-dundee (dates8): a Scottish man's diary over his mother's illness and death, life events told loosely in time
# ("two days before Mum died", "the week after the funeral", "when Mum was in hospital", "that spring", "last Tuesday",
# "a week on Monday", "the summer I turned fourteen"); written, keyed and measured before any rule of that round.
NEW = ["teen-bristol", "diary-sheffield", "letters-to-dad", "chat-sisters", "chat-mum-son", "diary-leeds",
       "emails-expat", "diary-hull", "letters-grandad", "diary-norfolk", "diary-leicester", "diary-cork",
       "notes-to-aoife", "diary-pastor", "journal-michigan", "diary-dundee", "chat-edison",
       "voice-memos", "chat-cousins", "letters-glasgow", "notebook-manchester", "chat-hermanos", "notes-melbourne"]
TUNE = ["diary-wales", "carer-notes", "group-chat", *NEW]
# Writers tuned on after the halves were drawn join a half named here, so that no earlier writer changes half.
# chat-edison (fresh11a, measured fresh on the eleventh round's merged code, then read by the rules of round 12) is half A.
# voice-memos, chat-cousins and letters-glasgow (fresh from rounds 8 and 11, measured fresh on every merge since, then read
# by the rules of round 15) are half B, half A and half B. notebook-manchester and chat-hermanos (fresh from round 13, measured
# fresh on every merge since, then read by the rules of round 17) are half A and half B. notes-melbourne (fresh from round 15,
# its living person marked dead unmoved by two rounds of rules written without reading it) is half B from round 18.
LATE_HALF = {"chat-edison": "half A", "voice-memos": "half B", "chat-cousins": "half A", "letters-glasgow": "half B",
             "notebook-manchester": "half A", "chat-hermanos": "half B", "notes-melbourne": "half B"}
HELD_OUT = ["letters-widower", "two-friends", "notes-ohio"]
# Fresh writers until round 15 (round 8, fresh8): voice-memos (an older woman's dictated voice memos as speech-to-text writes them, her
# memory slipping) and chat-cousins (two South African cousins' chat, day-first). Written, keyed and measured on main's code
# before any rule of round 8; read by no rule. Reported like HELD_OUT: figures only, their errors only with --held-out-errors.
# fresh11b: letters-glasgow (a Glasgow man's letters and emails to his brother in New Zealand and to his late mother, day-first).
# fresh13a: notebook-manchester (a Nigerian-born ward sister's notebook in Manchester, typed up, day-first, some pages dated by a first line).
# fresh13b: chat-hermanos (two Mexican-American brothers' chat in Texas, San Antonio and Houston, month-first).
# fresh15a: notes-melbourne (a young Australian woman's Obsidian-style daily notes, Melbourne to Brisbane, day-first, some notes undated).
# fresh15b: chat-ate (two Filipino sisters' chat in Taglish, London and Quezon City, day-first owner, month-first sister).
# fresh17a: chat-assistant (an American man's chats with his AI assistant app, Columbus to Denver, month-first).
# fresh17b: diary-kochi (a Kerala-born nurse's private diary in Dubai and on visits home to Kochi, Indian English, day-first, some entries dated by a first line).
# fresh19a: chat-lagos (a Yoruba family's WhatsApp group, Lagos, Calgary and Leeds, 2023-25, seven speakers, day-first).
# fresh19b: notes-memory (a retired Ontario teacher's notebooks in early memory loss, 2023-24, month-first, some undated).
FRESH = ["chat-ate", "chat-assistant", "diary-kochi", "chat-lagos", "notes-memory"]

# -- relation words to (kind, reversed): "a is b's <word>" is (kind, a, b), or (kind, b, a) when reversed.
_KINDS = {}
for _kind, _words, _rev in [
    ("parent", "mother father parent mum mom mam mammy mama mummy mommy ma dad daddy da papa pa stepmother stepfather", False),
    ("parent", "son daughter child kid baby stepson stepdaughter", True),
    ("grandparent", "grandmother grandfather grandparent grandma grandpa granny gran nan nana nain taid grandad granddad", False),
    ("grandparent", "grandson granddaughter grandchild", True),
    ("pibling", "aunt uncle auntie aunty great-aunt great-uncle", False),
    ("pibling", "niece nephew", True),
    ("parent-in-law", "mother-in-law father-in-law", False),
    ("parent-in-law", "son-in-law daughter-in-law", True),
    ("sibling-in-law", "brother-in-law sister-in-law", False),
    ("sibling", "brother sister sibling twin sis bro", False),
    ("spouse", "husband wife spouse", False),
    ("partner", "partner boyfriend girlfriend fiance fiancé fiancee fiancée lover", False),
    ("ex", "ex ex-husband ex-wife ex-boyfriend ex-girlfriend ex-partner", False),
    ("cousin", "cousin", False),
    ("friend", "friend mate pal buddy best-friend", False),
    ("colleague", "colleague coworker co-worker workmate", False),
    ("boss", "boss manager", False),
    ("boss", "employee assistant", True),
    ("neighbour", "neighbour neighbor", False),
    ("carer", "carer caregiver", False),
    ("doctor", "doctor gp", False),
    ("nurse", "nurse", False),
    ("midwife", "midwife", False),
    ("teacher", "teacher", False),
    ("teacher", "student pupil", True),
]:
    for _w in _words.split():
        _KINDS[_w] = (_kind, _rev)
SYMMETRIC = {"sibling", "spouse", "partner", "ex", "cousin", "friend", "colleague", "neighbour", "sibling-in-law"}


def relation_kind(word: str):
    w = word.lower().strip().replace(" ", "-")
    w = re.sub(r"^(best|close|old|good|oldest|dear)-", "", w)
    return _KINDS.get(w) or _KINDS.get(w.removesuffix("s"))


def normal(a, word, b):
    """(kind, x, y) for "a is b's word"; None if the word is none we score."""
    k = relation_kind(word)
    if k is None:
        return None
    kind, rev = k
    x, y = (b, a) if rev else (a, b)
    if kind in SYMMETRIC:
        x, y = sorted((x, y), key=str)
    return kind, x, y


EVENT_KINDS = {"death": "death", "birth": "birth", "marriage": "marriage", "engagement": "engagement",
               "parting": "separation", "separation": "separation", "moving": "moving", "illness": "illness",
               "job": "job", "retirement": "retirement"}


# -- building the store ----------------------------------------------------------------------------
def code_hash() -> str:
    h = hashlib.sha256()
    for f in sorted((ROOT / "remembrancer").rglob("*.py")) + sorted((ROOT / "remembrancer/data").glob("*.json")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def folder_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def build(folder: Path, key: dict, cache: Path) -> Path:
    path = cache / f"{folder.name}-{folder_hash(folder)}-{code_hash()}.db"
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    for f in cache.glob(f"{tmp.name}*"):
        f.unlink()
    imp = key.get("import") or {"kind": "files"}
    day_first = key.get("day_first")  # how the writer writes 3/4/21: what they would tell the store
    with Memory(tmp, derive=False) as memory:
        if imp["kind"] == "jsonl":
            result = memory.import_path("jsonl", folder / imp["file"], me=imp.get("me"), day_first=day_first)
        else:
            result = memory.add_files([folder / "entries"], day_first=day_first)
        ids = [r["entry"] for r in result["results"] if r["new"]]
        extract.process(memory, ids)
    for f in cache.glob(f"{folder.name}-*.db"):
        f.unlink()  # an older build of this writer
    shutil.move(str(tmp), str(path))
    return path


# -- matching ----------------------------------------------------------------------------------------
def low(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


class Key:
    def __init__(self, key: dict):
        self.key = key
        self.people = key["people"]
        self.names = {}  # gold index -> {lower name}
        self.by_name = defaultdict(set)  # lower name -> gold indexes
        self.owner = None
        for i, p in enumerate(self.people):
            names = {low(p["name"])} | {low(a) for a in p.get("aliases", [])} | {low(a) for a in (p.get("called_by") or {})}
            self.names[i] = names
            for n in names:
                self.by_name[n].add(i)
            if p.get("owner"):
                self.owner = i
        self.index = {p["name"]: i for i, p in enumerate(self.people)}

    def label(self, i):
        return self.people[i]["name"] if i is not None else "?"


def match_people(key: Key, listed: list[dict], kin_of=None):
    """store person id -> gold index (or None), and the store people that are second listings, and merges.
    A kin word several key people are called by ("Mam": one speaker's mother, another's grandmother) is
    the one `called_by` the people the store relates this one to (`kin_of`: store id -> names), or by the
    writer when the store relates them to no one."""
    assigned, claimed, duplicates, merges = {}, {}, {}, []
    order = sorted(listed, key=lambda p: (not p["owner"], -p["mentions"], p["id"]))
    writer = key.people[key.owner]["name"] if key.owner is not None else None
    for p in order:
        names = {low(n) for n in [p["name"], *p["aliases"]]} - {"me"}
        whose = {low(n) for n in (kin_of or {}).get(p["id"], ())} or ({low(writer)} if writer else set())
        hits = Counter()
        for n in sorted(names):  # in a fixed order: ties are broken the same way in every run
            golds = key.by_name.get(n, set())
            said = re.fullmatch(r"(.+)'s (\S+)", n)  # "gemma's mam": the one Gemma calls Mam
            if said and not golds:
                n, whose = said.group(2), {said.group(1)}
                golds = key.by_name.get(n, set())
            told = {g for g in golds if any(low(c) == n and whose & ({low(w) for w in ws} | {
                x for w in ws for x in key.names.get(key.index.get(w), ())})
                for c, ws in (key.people[g].get("called_by") or {}).items())}
            golds = told or golds
            for g in golds:
                hits[g] += 1.0 / len(golds)  # a name several people share says less
        if p["owner"] and key.owner is not None:
            hits[key.owner] += 100
        if not hits:
            assigned[p["id"]] = None
            continue
        # several people's own names in one listing: a merge (names only one of them bears)
        sole = {next(iter(key.by_name[n])) for n in names if len(key.by_name.get(n, ())) == 1}
        if len(sole) > 1:
            merges.append((p, sorted(sole)))
        best = max(hits.values())
        tops = sorted(g for g, v in hits.items() if v == best)
        g = next((g for g in tops if g not in claimed), tops[0])
        assigned[p["id"]] = g
        if g in claimed:
            duplicates[p["id"]] = claimed[g]
        else:
            claimed[g] = p["id"]
    return assigned, duplicates, merges


class PR:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def __iadd__(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    def __str__(self):
        return f"P {self.p():.3f} R {self.r():.3f} ({self.tp}/{self.tp + self.fp} right, {self.tp}/{self.tp + self.fn} found)"


def _interval(date: str | None):
    """[lo, hi) of a key date: YYYY, YYYY-MM or YYYY-MM-DD, or a decade ("1980s": "in the 80s")."""
    import datetime as dt

    if not date:
        return None
    if re.fullmatch(r"\d{3}0s", date):
        return f"{date[:4]}-01-01", f"{int(date[:4]) + 10:04d}-01-01"
    parts = [int(x) for x in date[:10].split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}-01-01", f"{parts[0] + 1:04d}-01-01"
    if len(parts) == 2:
        y, m = parts
        return f"{y:04d}-{m:02d}-01", (f"{y + 1:04d}-01-01" if m == 12 else f"{y:04d}-{m + 1:02d}-01")
    d = dt.date(*parts)
    return d.isoformat(), (d + dt.timedelta(days=1)).isoformat()


# How a person reads the store's date of an event against the key's (the key's date is as precise as the text allows:
# a day, a month, a year or a decade). `right` and `within` are right; the rest are not:
#   right    the same date at the same precision ("2019-11-03" for 2019-11-03, "1998" for '98), or a window the store
#            shows as "about 2009" (forgetting.when) where the key gives 2009; "summer 2019" is that season
#   within   a stretch the key cannot write, inside its date ("the week after the funeral" in November, "the summer" of 2019)
#   finer    a day (or a calendar month) inside a coarser key: a precision the text does not give, so made up (the entry's
#            day for "back in March")
#   coarser  the key's date inside a wider one ("September" for the 21st): not wrong, not right
#   bound    only "by" or "after" a day (a plan, a state told after the fact): no date (where the key gives none, "by" is
#            right, as the old rule has it; forgetting.when says "after" that day)
#   none     no date where the key gives one
#   wrong    anything else, and any date where the key gives none
CLASSES = ["right", "within", "finer", "coarser", "bound", "none", "wrong"]
RIGHT = ("right", "within")


def _days(a: str, b: str) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days


def _shown(lo: str, hi: str):
    """The interval a person reads from the store's [lo, hi), as forgetting.when says it: a season, whole months or
    years, a decade, a stretch of days as they are; any other window wider than a month as "about" the year (or month)
    of its middle, so it is read as that year (month)."""
    import datetime as dt

    from remembrancer.forgetting import when

    if not (when(lo, hi, None)[0] or "").startswith("about"):
        return lo[:10], hi[:10]
    span = _days(lo, hi)
    mid = (dt.date.fromisoformat(lo[:10]) + dt.timedelta(days=span // 2)).isoformat()
    return _interval(mid[:4] if span >= 300 else mid[:7])


def _date_class(lo, hi, key_date) -> str:
    gold = _interval(key_date)
    if gold is None:  # no date: right when the store gives none ("by" the entry's day says no more than that)
        return "right" if not lo else "bound" if not hi else "wrong"
    if not lo and not hi:
        return "none"
    if not lo or not hi:
        return "bound"
    about = _shown(lo, hi) != (lo[:10], hi[:10])  # shown as "about ...": hedged, never a made-up precision
    lo, hi = _shown(lo, hi)
    if (lo, hi) == gold:
        return "right"
    if gold[0] <= lo and hi <= gold[1]:
        span, key_span = _days(lo, hi), _days(*gold)
        calendar_unit = span == 1 or (lo[8:10] == "01" and 28 <= span <= 31 and key_span > 31)
        return "finer" if calendar_unit and not about else "within"
    if lo <= gold[0] and gold[1] <= hi:
        return "coarser"
    return "wrong"


def _said(memory, passage) -> str:
    text = memory.query("SELECT text FROM passages WHERE id = ?", (passage,))
    return text[0][0][:160] if text else ""


def fact_threshold():
    return getattr(extract, "FACT", 0.0)


def has_column(memory, table, column) -> bool:
    return any(r[1] == column for r in memory.query(f"PRAGMA table_info({table})"))


# -- scoring one writer -----------------------------------------------------------------------------
def score(folder: Path, key: dict, db: Path) -> dict:
    k = Key(key)
    errors = []
    out = {}
    with Memory(db, derive=False) as memory:
        listed = memory.people()
        # everyone the store read, listed or not (the people list leaves out those it is unsure of): relations,
        # events and merges are scored over them all
        everyone = memory.people(everyone=True) if "everyone" in inspect.signature(memory.people).parameters else listed
        owners = {r[0] for r in memory.query("SELECT id FROM people WHERE owner = 1")}
        for p in listed + everyone:
            p["owner"] = p["id"] in owners
        # store person -> the names of those the store says they are kin to, by the word they are called ("Dad" is the
        # Dad of those the store says he is the father of, not of those he is the grandfather of)
        kin_of = defaultdict(set)
        names_of = defaultdict(set)
        for pid, n in memory.query("SELECT id, name FROM people UNION SELECT person, alias FROM aliases"):
            names_of[pid].add(n)
        for s, o, word in memory.query("SELECT subject, object, relation FROM relations"):
            kind = relation_kind(word)
            called = {relation_kind(w) for n in names_of[s] for w in low(n).split()[:1]} - {None}
            if called and kind not in called:
                continue
            kin_of[s] |= {key["writer"]} if o in owners and key.get("writer") else names_of[o]
        assigned, duplicates, _ = match_people(k, listed, kin_of)
        read, _, merges = match_people(k, everyone, kin_of)

        # people
        people = PR()
        found = set()
        for p in listed:
            g = assigned[p["id"]]
            if g is None:
                people.fp += 1
                nots = [n for n in key.get("not_people", []) if low(n["name"]) in {low(x) for x in [p["name"], *p["aliases"]]}]
                why = f"not a person ({nots[0]['kind']})" if nots else "no one in the key"
                errors.append(f"people   listed {p['name']!r} {sorted(p['aliases'])}: {why}")
            elif p["id"] in duplicates:
                people.fp += 1
                first = next((q for q in listed if assigned[q["id"]] == g and q["id"] not in duplicates), None)
                beside = f" (listed first as {first['name']!r})" if first else ""
                errors.append(f"people   listed {p['name']!r} {sorted(p['aliases'])} again: is {k.label(g)}{beside}")
            else:
                people.tp += 1
                found.add(g)
        for g in range(len(k.people)):
            if g not in found:
                people.fn += 1
                errors.append(f"people   missed {k.label(g)} {sorted(k.people[g].get('aliases', []))}")
        out["people"] = people
        writer_merged = []
        for p, golds in merges:
            errors.append(f"merge    {p['name']!r} holds {', '.join(k.label(g) for g in golds)}")
            if k.owner in golds or p["owner"]:
                writer_merged.append(p["name"])
        out["writer_merged"] = writer_merged

        # aliases
        aliases = PR()
        have = defaultdict(set)
        for p in listed:
            g = assigned[p["id"]]
            if g is None:
                continue
            for n in {low(x) for x in [p["name"], *p["aliases"]]} - {"me"}:
                have[g].add(n)
        for g, names in have.items():
            for n in sorted(names):
                if n in k.names[g]:
                    aliases.tp += 1
                else:
                    aliases.fp += 1
                    errors.append(f"alias    {n!r} given to {k.label(g)}")
        for g in range(len(k.people)):
            for n in sorted(k.names[g] - have.get(g, set())):
                aliases.fn += 1
                if g in found:
                    errors.append(f"alias    missed {n!r} of {k.label(g)}")
        out["aliases"] = aliases

        # not-people: a key name is taken for a person when a listed person bears it
        taken = {low(x) for p in listed for x in [p["name"], *p["aliases"]]}
        notp = PR()
        gold_names = {n: True for g in k.names for n in k.names[g]}
        for n in key.get("not_people", []):
            gold_names.setdefault(low(n["name"]), False)
            if gold_names[low(n["name"])] is False and low(n["name"]) in taken:
                errors.append(f"not-person {n['name']!r} ({n.get('kind')}) listed as a person")
        for n, person in gold_names.items():
            said_not = n not in taken
            if said_not and not person:
                notp.tp += 1
            elif said_not and person:
                notp.fp += 1
            elif not person:
                notp.fn += 1
        out["not-people"] = notp

        # relations
        threshold = fact_threshold()
        conf = has_column(memory, "relations", "confidence")
        how = has_column(memory, "relations", "how")
        rows = memory.query("SELECT r.subject, r.relation, r.object, r.passage, "
                            + ("r.confidence" if conf else "1.0") + " AS confidence, "
                            + ("r.how" if how else "NULL") + " AS how FROM relations r")
        gold_rel = {}
        for r in key.get("relations", []):
            n = normal(k.index.get(r["a"]), r["rel"], k.index.get(r["b"]))
            if n is None or None in n[1:]:
                errors.append(f"key      relation not scored: {r}")
                continue
            gold_rel[n] = r
        for stated_only, name in ((True, "relations"), (False, "relations+perhaps")):
            pr, mine = PR(), PR()
            seen, rules = {}, {}
            for s, word, o, passage, c, rule in rows:
                if stated_only and c < threshold:
                    continue
                gs, go = read.get(s), read.get(o)
                n = normal(gs if gs is not None else f"?{s}", word, go if go is not None else f"?{o}")
                n = _scored(n, word, gold_rel)
                if n is None:
                    continue
                rules.setdefault((rule or "-", n), (s, word, o, passage, c))
                if n not in seen:
                    seen[n] = (s, word, o, passage, rule, c)
            if not stated_only:
                # how often each rule (relations.CONFIDENCE) reads right, "perhaps" ones too: what its confidence is chosen on
                by_rule = defaultdict(PR)
                for (rule, n), (s, word, o, passage, c) in rules.items():
                    by_rule[rule].tp += n in gold_rel
                    by_rule[rule].fp += n not in gold_rel
                    if n not in gold_rel and c < threshold:
                        text = memory.query("SELECT text FROM passages WHERE id = ?", (passage,))
                        names = memory.query("SELECT (SELECT name FROM people WHERE id = ?), (SELECT name FROM people WHERE id = ?)", (s, o))[0]
                        errors.append(f"relation perhaps false ({rule} {c:.2f}): {names[0]} is {names[1]}'s {word} ({n[0]}): "
                                      f"{text[0][0][:160] if text else ''!r}")
                out["rules"] = by_rule
            for n, (s, word, o, passage, rule, c) in seen.items():
                right = n in gold_rel
                to_me = k.owner in n[1:]
                pr.tp += right
                pr.fp += not right
                if to_me:
                    mine.tp += right
                    mine.fp += not right
                if not right and stated_only:
                    text = memory.query("SELECT text FROM passages WHERE id = ?", (passage,))
                    names = memory.query("SELECT (SELECT name FROM people WHERE id = ?), (SELECT name FROM people WHERE id = ?)", (s, o))[0]
                    errors.append(f"relation false ({rule} {c:.2f}): {names[0]} is {names[1]}'s {word} ({n[0]}): "
                                  f"{text[0][0][:160] if text else ''!r}")
            for n, r in gold_rel.items():
                if n not in seen:
                    pr.fn += 1
                    if k.owner in n[1:]:
                        mine.fn += 1
                    if stated_only:
                        errors.append(f"relation missed: {r['a']} is {r['b']}'s {r['rel']}")
            out[name] = pr
            out[name.replace("relations", "to-writer")] = mine
        # each tie read, by its surest reading, and whether it is right and to the writer: what the relation threshold is
        # chosen on (`relation_thresholds`)
        surest = {}
        for s, word, o, passage, c, rule in rows:
            gs, go = read.get(s), read.get(o)
            n = _scored(normal(gs if gs is not None else f"?{s}", word, go if go is not None else f"?{o}"), word, gold_rel)
            if n is not None:
                surest[n] = max(surest.get(n, 0.0), c if c is not None else 1.0)
        out["relation confidences"] = [(c, n in gold_rel, k.owner in n[1:]) for n, c in surest.items()]
        out["relations gold"] = (len(gold_rel), sum(k.owner in n[1:] for n in gold_rel))

        # events
        conf = has_column(memory, "events", "confidence")
        rows = memory.query(
            "SELECT ev.id, ev.kind, ev.lo, ev.hi, ev.negated, ev.passage, e.at AS written, ep.person, "
            + ("ev.confidence" if conf else "1.0") + " AS confidence, "
            + ("ev.date_how" if has_column(memory, "events", "date_how") else "NULL") + " AS date_how"
            " FROM events ev JOIN event_people ep ON ep.event = ev.id JOIN entries e ON e.id = ev.entry"
            " JOIN people p ON p.id = ep.person"
            " WHERE ep.agent = 0" + (" AND p.kind IS NULL" if has_column(memory, "people", "kind") else "") +
            " ORDER BY e.at, ev.id")
        gold_ev, gold_all = {}, defaultdict(list)  # (kind, person) -> the first such event, and every one
        for ev in key.get("events", []):
            kind = EVENT_KINDS.get(ev["kind"])
            for person in ev.get("people", []):
                if kind and person in k.index:
                    gold_ev.setdefault((kind, k.index[person]), ev)
                    gold_all[(kind, k.index[person])].append(ev)
        living = {g for g in range(len(k.people))} - {g for kind, g in gold_ev if kind == "death"}
        for stated_only, name in ((True, "events"), (False, "events+perhaps")):
            pr, deaths = PR(), PR()
            dated, classes = Counter(), Counter()
            evidence = Counter()  # (the kind of evidence of the date shown, how a person reads it)
            mine = defaultdict(list)
            for r in rows:
                kind = EVENT_KINDS.get(r["kind"])
                if kind is None or r["negated"]:
                    continue
                if stated_only and kind in people_mod.SURE_KINDS and r["confidence"] < threshold:
                    continue
                g = read.get(r["person"])
                mine[(kind, g if g is not None else f"?{r['person']}")].append(r)
            dead_living = []
            for n, rs in mine.items():
                right = n in gold_ev
                pr.tp += right
                pr.fp += not right
                if n[0] == "death":
                    deaths.tp += right
                    deaths.fp += not right
                    if n[1] in living:
                        dead_living.append(k.label(n[1]))
                text = memory.query("SELECT text FROM passages WHERE id = ?", (rs[0]["passage"],))
                said = text[0][0][:160] if text else ""
                if not right:
                    if stated_only:
                        who = k.label(n[1]) if isinstance(n[1], int) else memory.query(
                            "SELECT name FROM people WHERE id = ?", (int(n[1][1:]),))[0][0] + " (not in key)"
                        errors.append(f"event    false: {n[0]} of {who}: {said!r}")
                    continue
                best = min(rs, key=lambda r: (_span(r), r["written"] or ""))
                # right when it falls in the date of any event of this kind the key gives this person (two moves)
                ok = any((gold is None and not best["lo"]) or (gold is not None and best["lo"] is not None and gold[0] <= best["lo"][:10]
                                                               and (best["hi"] or "")[:10] <= gold[1])
                         for gold in (_interval(ev.get("date")) for ev in gold_all[n]))
                dated[ok] += 1
                how = min((_date_class(best["lo"], best["hi"], ev.get("date")) for ev in gold_all[n]), key=CLASSES.index)
                classes[how] += 1
                evidence[(evidence_of(best["date_how"]), how)] += 1
                if (not ok or how not in RIGHT) and stated_only:
                    said = _said(memory, best["passage"]) or said
                    errors.append(f"date     {n[0]} of {k.label(n[1])}: key {' or '.join(str(ev.get('date')) for ev in gold_all[n])}, store "
                                  f"{best['lo'] and best['lo'][:10]}..{best['hi'] and best['hi'][:10]} ({how}; {best['written'] and best['written'][:10]}): {said!r}")
            for n, ev in gold_ev.items():
                if n not in mine:
                    pr.fn += 1
                    if n[0] == "death":
                        deaths.fn += 1
                    if stated_only:
                        errors.append(f"event    missed: {n[0]} of {k.label(n[1])} ({ev.get('date')}): {ev.get('evidence', '')!r}")
            out[name] = pr
            out[name.replace("events", "deaths")] = deaths
            out[name.replace("events", "dated")] = dated
            out[name.replace("events", "date classes")] = classes
            out[name.replace("events", "date evidence")] = evidence
            out[name.replace("events", "dead-living")] = dead_living
            if stated_only:
                for who in dead_living:
                    errors.append(f"DEAD     {who} is alive but marked dead")
        # each death read (of a person, not negated): its surest reading, and whether it is right; what the threshold is
        # chosen on (`death_thresholds`)
        surest = {}
        for r in rows:
            if r["kind"] == "death" and not r["negated"]:
                g = read.get(r["person"])
                n = g if g is not None else f"?{r['person']}"
                surest[n] = max(surest.get(n, 0.0), r["confidence"] if r["confidence"] is not None else 1.0)
        out["death confidences"] = [(c, ("death", n) in gold_ev) for n, c in surest.items()]
        out["deaths gold"] = sum(1 for kind, _ in gold_ev if kind == "death")

        # entry dates
        entries = memory.query("SELECT id, at, source, kind, meta FROM entries")
        by_path, by_day = {}, {}
        for e in entries:
            if e["kind"] == "chat":
                by_day[(e["at"] or "")[:10]] = e
            elif e["source"]:
                parts = Path(e["source"]).parts
                if folder.name in parts:  # by the writer's folder, wherever the store was made (a --cache from another checkout)
                    at = len(parts) - 1 - parts[::-1].index(folder.name)
                    by_path[str(Path(*parts[at + 1:]))] = e
        days = PR()
        undated = Counter()
        for ref, want in key.get("entries", {}).items():
            path, _, day = ref.partition("#")
            e = by_day.get(day) if day else by_path.get(path)
            if want.get("by") == "none" or not want.get("date"):
                undated[bool(e is not None and _marked_undated(e))] += 1
                continue
            got = (e["at"] or "")[:10] if e is not None else None
            if got == want["date"][:10]:
                days.tp += 1
            else:
                days.fp += 1
                errors.append(f"date     entry {ref}: key {want['date']} ({want.get('by')}), store {got}")
        days.fn = days.fp
        out["entry dates"] = days
        out["undated marked"] = undated
        out["traps"] = traps(memory, key, k, read, errors)
    out["errors"] = errors
    return out


def _scored(n, word, gold_rel):
    """A tie read as the key would give it: an ex the key gives as the partner or spouse they were ("Ethan broke up with
    me"; key: boyfriend) is that tie, now over; a fiancé the key gives as the spouse they became ("Huw proposed to Kasia";
    key: wife) is that tie."""
    if n is None:
        return None
    if n[0] == "ex" and n not in gold_rel:
        n = next((m for m in (("partner", *n[1:]), ("spouse", *n[1:])) if m in gold_rel), n)
    if n[0] == "partner" and n not in gold_rel and word.lower().startswith("fianc") and ("spouse", *n[1:]) in gold_rel:
        n = ("spouse", *n[1:])
    return n


def _span(r) -> float:
    """How precise an event's date is: days in its interval (no interval: least precise)."""
    import datetime as dt

    if not r["lo"] or not r["hi"]:
        return 1e9
    return (dt.date.fromisoformat(r["hi"][:10]) - dt.date.fromisoformat(r["lo"][:10])).days


# The patterns that say a date outright (times.py): the rest are placed by the entry's date (or by a time told before them,
# "+told", "+counted")
STATED = {"iso", "numeric", "dmy", "mdy", "month_year", "season_year", "year", "bare_year", "decade", "decade_short",
          "short_year", "part_word", "lifespan"}


def evidence_of(how: str | None) -> str:
    """The kind of evidence an event's date rests on, from `events.date_how` ("sentence:weekday" -> "sentence/entry-relative"):
    where it was read (the event's sentence, the next, the one before, a chat's answer, another event, the entry's own day,
    an age or an anniversary counted back) and whether its time says the date outright, is placed by the entry's date, or by
    a time told before it. "none" when no date was read (no later than the entry)."""
    if not how:
        return "none"
    where, _, pattern = how.partition(":")
    if where in ("event", "entry", "planned", "age", "anniversary") or not pattern:
        return where
    if "+" in pattern:
        return f"{where}/told"
    return f"{where}/{'stated' if pattern in STATED else 'entry-relative'}"


# Leaving writers out: the tuned writers in two halves, every other one in sorted order; a weight or threshold chosen on
# one half is reported on the other (and the other way round)
def half_of(name: str) -> str | None:
    if name in LATE_HALF:
        return LATE_HALF[name]
    drawn = sorted(t for t in TUNE if t not in LATE_HALF)
    return None if name not in drawn else "half A" if drawn.index(name) % 2 == 0 else "half B"


def _marked_undated(e) -> bool:
    meta = json.loads(e["meta"]) if e["meta"] else {}
    return bool(meta.get("dated") in ("file time", "today") or meta.get("dated_by") in ("file time", "mtime", "today", "now")
                or meta.get("undated"))


def traps(memory, key, k, assigned, errors) -> Counter:
    """Traps fallen into: a figurative death read as a death of the one it is not about, a name that is not a person listed."""
    out = Counter()
    names = {low(x) for p in memory.people() for x in [p["name"], *p["aliases"]]}
    deaths = memory.query(
        "SELECT ep.person, substr(en.text, ev.start + 1, ev.end - ev.start) AS text FROM events ev"
        " JOIN event_people ep ON ep.event = ev.id JOIN entries en ON en.id = ev.entry"
        " WHERE ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0")
    for trap in key.get("traps", []):
        victim = trap.get("not")
        fallen = False
        if victim in k.index and ("death" in trap.get("kind", "") or "kill" in trap.get("kind", "")):
            g = k.index.get(victim)
            fallen = any(assigned.get(d["person"]) == g and low(trap["text"])[:40] in low(d["text"]) for d in deaths)
        elif victim and victim not in k.index:
            fallen = low(victim) in names
        out[fallen] += 1
        if fallen:
            errors.append(f"trap     {trap.get('kind')}: {trap['text']!r} ({trap.get('entry')}) read against {victim!r}")
    return out


# -- report ----------------------------------------------------------------------------------------
LAYERS = ["people", "aliases", "not-people", "relations", "to-writer", "relations+perhaps", "to-writer+perhaps",
          "events", "deaths", "events+perhaps", "deaths+perhaps", "entry dates"]


def death_thresholds(readings, gold, want=0.95) -> str:
    """Death precision and recall were the fact threshold each confidence read, and the threshold that keeps precision
    >= `want` with the most deaths found, the highest of those that tie (issue 13 item 3: chosen on the tuned writers)."""
    cuts = sorted({c for c, _ in readings}, reverse=True)
    parts, best, most = [], None, -1
    for cut in cuts:
        right = sum(ok for c, ok in readings if c >= cut)
        read = sum(1 for c, _ in readings if c >= cut)
        parts.append(f">={cut:.2f} P {right / read:.2f} R {right}/{gold}")
        if right / read >= want and right > most:
            best, most = cut, right
    return f"P >= {want} with the most found: {best if best is not None else 'none'}; " + ", ".join(parts)


def relation_figures(readings, gold, cut):
    """(right, read, found of gold) of the ties read at least `cut` surely, all and to the writer."""
    out = []
    for mine in (False, True):
        rs = [(c, ok) for c, ok, me in readings if c >= cut and (me or not mine)]
        out.append((sum(ok for _, ok in rs), len(rs), gold[mine]))
    return out


def relation_threshold(readings, gold, want=0.90, want_mine=0.95):
    """The threshold with the most ties found whose ties are right `want` of the time, and those to the writer `want_mine`
    (issue 13 item 3), the highest of those that tie; None when none is."""
    best, most = None, -1
    for cut in sorted({c for c, _, _ in readings}, reverse=True):
        (right, read, _), (right_me, read_me, _) = relation_figures(readings, gold, cut)
        if right / read >= want and (not read_me or right_me / read_me >= want_mine) and right > most:
            best, most = cut, right
    return best


def best_cut(readings, want=0.95):
    """The death threshold `death_thresholds` chooses: precision >= `want` with the most found, the highest of those that tie."""
    best, most = None, -1
    for cut in sorted({c for c, _ in readings}, reverse=True):
        right = sum(ok for c, ok in readings if c >= cut)
        read = sum(1 for c, _ in readings if c >= cut)
        if right / read >= want and right > most:
            best, most = cut, right
    return best


def _pr(right, read, gold) -> str:
    return f"P {right / read if read else float('nan'):.2f} R {right / gold if gold else float('nan'):.2f} ({right}/{read})"


def relation_thresholds(readings, gold) -> str:
    """Relation precision and recall, all and to the writer, were the fact threshold each confidence read."""
    best = relation_threshold(readings, gold)
    parts = []
    for cut in sorted({round(c, 2) for c, _, _ in readings}, reverse=True):
        every, mine = relation_figures(readings, gold, cut)
        parts.append(f">={cut:.2f} {_pr(*every)}, to writer {_pr(*mine)}")
    return (f"P >= 0.90 and to the writer >= 0.95 with the most found: {best if best is not None else 'none'}; "
            + "; ".join(parts))


def relation_halves(by_writer) -> list[str]:
    """The relation threshold chosen on half the tuned writers (every other one by name) and measured on the other half,
    both ways: what carries to writers it was not chosen on."""
    names = sorted(by_writer)
    halves = {"A": names[0::2], "B": names[1::2]}
    lines = []
    for chosen, other in (("A", "B"), ("B", "A")):
        def pooled(half):
            rs = [x for w in halves[half] for x in by_writer[w][0]]
            return rs, [sum(by_writer[w][1][i] for w in halves[half]) for i in (0, 1)]
        rs, gold = pooled(chosen)
        for want, want_mine in ((0.90, 0.95), (0.90, 0.0)):
            cut = relation_threshold(rs, gold, want, want_mine)
            fact = relation_figures(*pooled(other), fact_threshold())
            said = f"chosen on {chosen} for P >= {want}" + (f", to the writer >= {want_mine}" if want_mine else "")
            at_fact = f"(at the fact threshold {fact_threshold()}: {_pr(*fact[0])}, to writer {_pr(*fact[1])})"
            if cut is None:
                lines.append(f"{said}: none reaches it on {chosen}; on {other} {at_fact}")
                continue
            there, here = relation_figures(*pooled(other), cut), relation_figures(rs, gold, cut)
            lines.append(f"{said}: {cut}; on {chosen} {_pr(*here[0])}, to writer {_pr(*here[1])}; on {other} {_pr(*there[0])}, "
                         f"to writer {_pr(*there[1])} {at_fact}")
    return [f"halves: A {', '.join(halves['A'])}; B {', '.join(halves['B'])}"] + lines


def at_cut(readings, gold, cut) -> str:
    if cut is None:
        return "none"
    right = sum(ok for c, ok in readings if c >= cut)
    read = sum(1 for c, _ in readings if c >= cut)
    return f"P {right / read if read else float('nan'):.2f} R {right}/{gold} ({read - right} wrong)"


def date_evidence(counts: Counter) -> str:
    """Per kind of evidence, how often the date shown is right (as a person reads it), wrong, or only a bound."""
    kinds = sorted({k for k, _ in counts}, key=lambda k: -sum(n for (x, _), n in counts.items() if x == k))
    out = []
    for k in kinds:
        n = sum(v for (x, _), v in counts.items() if x == k)
        right = sum(counts[(k, c)] for c in RIGHT)
        out.append(f"{k} {right}/{n}" + (f", wrong {counts[(k, 'wrong')]}" if counts[(k, "wrong")] else "")
                   + (f", bound {counts[(k, 'bound')]}" if counts[(k, "bound")] else ""))
    return "; ".join(out)


def words_of(folder: Path, key: dict) -> int:
    imp = key.get("import") or {"kind": "files"}
    if imp["kind"] == "jsonl":
        return sum(len(json.loads(line)["text"].split()) for line in (folder / imp["file"]).read_text().splitlines() if line.strip())
    return sum(len(f.read_text(errors="replace").split()) for f in (folder / "entries").rglob("*") if f.is_file())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT / "bench/data/journals"))
    ap.add_argument("--writers", help="Comma-separated writer folders (default: every folder with a key.json).")
    ap.add_argument("--cache", default=str(Path.home() / ".cache/remembrancer/journal"))
    ap.add_argument("--held-out-errors", action="store_true", help="Also print the held-out and fresh writers' errors.")
    ap.add_argument("--no-errors", action="store_true")
    args = ap.parse_args(argv)
    data = Path(args.data)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    writers = sorted(p.parent for p in data.glob("*/key.json"))
    if args.writers:
        wanted = args.writers.split(",")
        writers = [w for w in writers if w.name in wanted]
    print(f"extraction {extract.VERSION}; fact threshold {fact_threshold()}; remembrancer {remembrancer.__name__}")
    totals = {"tune": defaultdict(PR), "new": defaultdict(PR), "held out": defaultdict(PR), "fresh": defaultdict(PR),
              "other": defaultdict(PR), "half A": defaultdict(PR), "half B": defaultdict(PR)}
    evidence = {g: Counter() for g in totals}
    extra = {g: Counter() for g in totals}
    merged_any = []
    rules = {g: defaultdict(PR) for g in totals}
    deaths_read, deaths_gold = defaultdict(list), Counter()
    relations_read, relations_gold = defaultdict(list), defaultdict(lambda: [0, 0])
    tuned = {}  # writer -> (relation readings, gold): for the halves
    for folder in writers:
        key = json.loads((folder / "key.json").read_text())
        group = ("tune" if folder.name in TUNE else "held out" if folder.name in HELD_OUT else "fresh" if folder.name in FRESH
                 else "other")
        started = time.perf_counter()
        db = build(folder, key, cache)
        res = score(folder, key, db)
        print(f"\n== {folder.name} ({group}; {key.get('form')}; {len(key.get('entries', {}))} entries, "
              f"{words_of(folder, key):,} words; {time.perf_counter() - started:.0f}s)")
        groups = [group, "new"] if folder.name in NEW else [group]  # the new writers are tuned on, and also added up apart
        groups += [h for h in [half_of(folder.name)] if h]
        for layer in LAYERS:
            print(f"  {layer:20} {res[layer]}")
            for g in groups:
                totals[g][layer] += res[layer]
        dated = res["dated"]
        classes = res["date classes"]
        print(f"  {'event dates':20} {dated[True]}/{sum(dated.values())} right of the events found (inside the key's date); "
              f"as a person reads them {sum(classes[c] for c in RIGHT)}/{sum(classes.values())}: "
              + ", ".join(f"{c} {classes[c]}" for c in CLASSES))
        print(f"  {'undated marked':20} {res['undated marked'][True]}/{sum(res['undated marked'].values())}")
        hidden = group in ("held out", "fresh") and not args.held_out_errors  # their names are errors too: counts only
        print(f"  {'writer merged':20} " + (f"{len(res['writer_merged'])}" if hidden else ', '.join(res['writer_merged']) or 'no'))
        print(f"  {'living marked dead':20} {len(res['dead-living'])}" + ("" if hidden else f" {res['dead-living']}"))
        print(f"  {'traps fallen into':20} {res['traps'][True]}/{sum(res['traps'].values())}")
        print(f"  {'relations by rule':20} " + ", ".join(f"{r} {pr.tp}/{pr.tp + pr.fp}" for r, pr in sorted(res["rules"].items())))
        for g in groups:
            deaths_read[g] += res["death confidences"]
            deaths_gold[g] += res["deaths gold"]
            relations_read[g] += res["relation confidences"]
            relations_gold[g][0] += res["relations gold"][0]
            relations_gold[g][1] += res["relations gold"][1]
            for r, pr in res["rules"].items():
                rules[g][r] += pr
            extra[g]["dated"] += dated[True]
            extra[g]["found"] += sum(dated.values())
            extra[g]["read right"] += sum(classes[c] for c in RIGHT)
            for c in CLASSES:
                extra[g]["class " + c] += classes[c]
            extra[g]["dead-living"] += len(res["dead-living"])
            extra[g]["traps"] += res["traps"][True]
            extra[g]["writers merged"] += bool(res["writer_merged"])
            evidence[g] += res["date evidence"]
        merged_any += res["writer_merged"]
        if group == "tune":
            tuned[folder.name] = (res["relation confidences"], res["relations gold"])
        if not args.no_errors and (group not in ("held out", "fresh") or args.held_out_errors):
            print("  errors:")
            for e in res["errors"]:
                print("    " + e)
    parts = []
    for group in ("tune", "new", "held out", "fresh", "other", "half A", "half B"):
        t = totals[group]
        if not t:
            continue
        x = extra[group]
        print(f"\n== {group}: " + "; ".join(f"{layer} {t[layer]}" for layer in LAYERS))
        print(f"   event dates as a person reads them: " + ", ".join(f"{c} {x['class ' + c]}" for c in CLASSES))
        print(f"   relations by rule (right/read, 'perhaps' too): "
              + ", ".join(f"{r} {pr.tp}/{pr.tp + pr.fp}" for r, pr in sorted(rules[group].items())))
        print(f"   death threshold ({'chosen on these' if group == 'tune' else 'figures'}): "
              + death_thresholds(deaths_read[group], deaths_gold[group]))
        if not group.startswith("half"):
            print(f"   relation threshold ({'chosen on these' if group == 'tune' else 'figures'}): "
                  + relation_thresholds(relations_read[group], relations_gold[group]))
        if group == "tune" and len(tuned) >= 2:
            for line in relation_halves(tuned):
                print("   relation threshold, " + line)
        if group.startswith("half"):
            other = "half B" if group == "half A" else "half A"
            cut = best_cut(deaths_read[group])
            print(f"   death threshold chosen on {group} ({cut}), on {other}: " + at_cut(deaths_read[other], deaths_gold[other], cut)
                  + f"; at the pipeline's ({fact_threshold()}): " + at_cut(deaths_read[other], deaths_gold[other], fact_threshold()))
        if group not in ("held out", "fresh"):  # the held-out and fresh writers' figures only, not what their errors come from
            print("   date evidence (kind: right/found, wrong, bound): " + date_evidence(evidence[group]))
        if group.startswith("half"):
            continue  # not in the summary line
        parts.append(
            f"{group}: people P {t['people'].p():.2f} R {t['people'].r():.2f}, aliases P {t['aliases'].p():.2f} R {t['aliases'].r():.2f}, "
            f"not-people P {t['not-people'].p():.2f} R {t['not-people'].r():.2f}, relations P {t['relations'].p():.2f} R {t['relations'].r():.2f} "
            f"(to writer P {t['to-writer'].p():.2f} R {t['to-writer'].r():.2f}), events P {t['events'].p():.2f} R {t['events'].r():.2f}, "
            f"deaths P {t['deaths'].p():.2f} R {t['deaths'].r():.2f}, event dates {x['dated']}/{x['found']} (as read {x['read right']}/{x['found']}), "
            f"entry dates {t['entry dates'].p():.2f}, living dead {x['dead-living']}, writer merged {x['writers merged']}, traps {x['traps']}")
    print("\nsummary: " + " | ".join(parts))


if __name__ == "__main__":
    main()
