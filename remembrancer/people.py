"""The people as stored, and the owner's statements about them read over what was extracted.

What the owner says (merge, split, rename, what a name is, relations, events and dates: corrections.py) is
kept as statements in `corrections`. Here they are found again and applied: merge, split, rename and kind
change the people rows and are applied again, oldest first, after every extraction (`apply_corrections`,
from `extract._tidy`); the others are read over what was extracted (`Stated`) by everything that shows a
fact: the person page (page.py), fading, review, on-this-day, the timeline and the facts above an answer.
Also: the people list, the people graph, the names in passages, a person's facts. Nothing here imports
extraction or fading, which both import this module.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict

from . import dates, store
from .errors import BadInput, NotFound
from .kin import GROUPS, TIE_CONVERSE as _CONVERSE, TIE_KINDS as _KIND  # a tie told either way: "Eleanor is her daughter"
# who is listed (LISTED, LISTED_SQL) and an event's words (EVENT_START, EVENT_TEXT) are SQL, read by store.py's functions;
# named here too for what imports them from here (recall.py, cli.py, bench/)
from .store import EVENT_START, EVENT_TEXT, LISTED, LISTED_SQL  # noqa: F401

_FAMILY_WORDS = re.compile(r"(?:^|-)(?:great|grand|step|half|god|foster)|-in-law$")

PERSON_TABLES = (("mentions", "person"), ("cues", "person"), ("relations", "subject"), ("relations", "object"),
                 ("household_signs", "subject"), ("household_signs", "object"), ("person_facts", "person"))
KINDS = ("person", "pet", "place", "thing", "other")  # what a name can be
SUFFIX = re.compile(r" \((\d+)\)$")  # "Tom (2)": the second person called Tom, until the owner names them


def unsuffixed(name: str) -> str:
    """A name without the " (2)" that tells it from another person's."""
    return SUFFIX.sub("", name)

# A life event (a death, a birth, a wedding, a move, a new job, ...) or a relation (to the writer or not) is said as a
# fact only when read with at least this confidence (chosen on bench/journal.py and bench/dialogre.py so that what is
# said as a fact is right 95 times in 100); below it, it is shown as "perhaps", with its passage, and never as a fact
# in on-this-day, fading, review or the facts above an answer.
FACT = 0.9
# A death and a birth were the first kinds held to it; since round 15 every kind is: "he's got the job", read only
# through a pronoun, is no more a fact of the one it is guessed of than "he died" is
SURE_KINDS = ("death", "birth", "marriage", "engagement", "parting", "moving", "job", "retirement", "illness", "injury",
              "meeting")


def perhaps(kind: str, confidence) -> bool:
    """Is an event of this kind, read this surely, only a "perhaps"?"""
    return kind in SURE_KINDS and (confidence if confidence is not None else 1.0) < FACT


def perhaps_relation(confidence) -> bool:
    """Is a relation read this surely only a "perhaps"? Any relation, to the writer or between others: a
    reading that is wrong one time in five is no fact about anyone."""
    return (confidence if confidence is not None else 1.0) < FACT


def find(conn, name: str, partial: bool = False) -> int | None:
    """The person a name or any alias of theirs stands for (the most mentioned, if several);
    with `partial`, for reading only, a word of a longer name will do. Names are kept in NFC, and so asked."""
    name = unicodedata.normalize("NFC", name)
    rows = store.people_named(conn, name)
    if rows or not partial or not name.strip():
        return rows[0][0] if rows else None
    # else a word of a longer name: "Agnes" finds Agnes Hale (the most mentioned, if several)
    word = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    row = store.person_with_word(conn, f"{word} %", f"% {word}")
    return row[0] if row else None


def _called(conn, name: str) -> list[int]:
    """Everyone with this name or alias."""
    return store.ids_called(conn, name)


def _locate(conn, name: str, who: dict | None = None) -> int | None:
    """The person a statement is about, in today's people (see the module's docstring)."""
    who = who or {}
    if who.get("owner"):
        owner = store.writer_id(conn)
        if owner is not None:
            return owner
    pid = find(conn, name)
    if pid is not None:
        return pid
    for other in who.get("names", ())[1:]:
        ids = _called(conn, other)
        if len(ids) == 1:
            return ids[0]
    return None


def _merge(conn, keep: int, drop: int):
    for table, column in PERSON_TABLES:
        store.move_person_rows(conn, table, column, keep, drop)
    for table in ("event_people", "aliases", "person_cues"):  # a row `keep` has already goes with `drop`
        store.move_person_rows(conn, table, "person", keep, drop, or_ignore=True)
    store.drop_self_relations(conn)
    store.take_owner(conn, keep, drop)
    store.delete_person(conn, drop)


def _split(conn, person: int, alias: str) -> int | None:
    """Move the mentions written as `alias` out of `person` into a person of their own, with the pronouns
    that follow them and what was read around them."""
    mentions = store.mentions_named(conn, person, alias)
    moving = {m[0] for m in mentions if m[3]}
    if not moving or len(moving) == len(mentions):
        return None
    # "Tom drew a lighthouse for him": a pronoun is of the name before it in its entry.
    with_pronouns, last = set(moving), (None, False)
    for mid, entry, kind, named in mentions:
        if kind == "pronoun":
            if last == (entry, True):
                with_pronouns.add(mid)
        else:
            last = (entry, bool(named))
    if len(with_pronouns) < len(mentions):
        moving = with_pronouns
    new = store.add_named_person(conn, alias, store.gender_of(conn, person))
    _move_read(conn, person, new, moving)
    store.move_mentions(conn, new, moving)
    store.move_alias(conn, person, new, alias)
    store.add_alias(conn, new, alias)
    if store.is_named(conn, person, alias):
        other = store.longest_alias(conn, person)
        if other:
            store.rename_person(conn, person, other[0])
    return new


def _move_read(conn, person: int, new: int, moving: set[int]):
    """What was read of `person` around the mentions `moving` (cues, relations, events) goes with them to
    `new`: each row to whoever of the two has the mention nearest to it in its passage."""
    near = defaultdict(list)  # passage -> [(start, moves)]
    for mid, passage, start in store.mention_places(conn, person):
        near[passage].append((start, mid in moving))
    passages = [p for p, ms in near.items() if any(moves for _, moves in ms)]

    def goes(passage, start, end):
        ms = near.get(passage)
        return bool(ms) and min(ms, key=lambda m: 0 if start <= m[0] < end else min(abs(m[0] - start), abs(m[0] - end)))[1]

    for chunk in (passages[i:i + 500] for i in range(0, len(passages), 500)):
        for rid, passage, start, end in store.cues_in_passages(conn, person, chunk):
            if goes(passage, start, end):
                store.set_cue_person(conn, rid, new)
        for rid, passage, start, end, subject in store.relations_in(conn, person, chunk):
            if goes(passage, start, end):
                store.set_relation_side(conn, rid, "subject" if subject == person else "object", new)
        for eid, passage, start, end in store.events_in(conn, person, chunk):
            if goes(passage, start, end):
                store.move_event_person(conn, eid, person, new)


def _unique_names(conn, named=frozenset()):
    """No two people share a name (as `find` compares them): the one the owner named keeps it, else the owner,
    else the most mentioned (the one `find` gave before), else the one mentioned first; the others become
    "Tom (2)", "Tom (3)". A page is opened by name, and a second "Tom" could not be."""
    for low in store.shared_names(conn):
        rows = store.namesakes(conn, low)
        rows.sort(key=lambda r: (r[0] not in named, not r[2], -r[3], r[4] if r[4] is not None else 1 << 62, r[0]))
        for r in rows[1:]:
            base, n = unsuffixed(r[1]), 2
            while store.name_taken(conn, f"{base} ({n})"):
                n += 1
            store.rename_person(conn, r[0], f"{base} ({n})")


def apply_corrections(conn, kinds=("merge", "split", "rename", "kind")) -> set[int]:
    """Apply every merge, split, rename and kind in force (or those of `kinds`), oldest first; each is
    idempotent. Returns the people merged or split (whose cues moved)."""
    _unique_names(conn)
    merged, named = set(), set()
    if "kind" in kinds:  # what the text reads them as (extract.read_people), unless the owner says otherwise
        store.kinds_as_read(conn)
    for kind, a, b, target in store.corrections_in_force(conn, kinds):
        target = json.loads(target) if target else {}
        if kind == "rename":
            # the person already called so is the one (a later "Gran" is not renamed again)
            pa = store.id_named(conn, b)
            pa = pa if pa is not None else _locate(conn, a, target.get("a"))
        else:
            pa = _locate(conn, a, target.get("a"))
        if pa is None:
            continue
        if kind == "merge":
            pb = _locate(conn, b, target.get("b"))
            if pb and pa != pb:
                _merge(conn, pa, pb)
                merged |= {pa, pb}
        elif kind == "split":
            if parted := _split(conn, pa, b):
                merged |= {pa, parted}  # their cues moved
                _unique_names(conn, named)  # as when it was said: a later statement may name "Tom (2)"
        elif kind == "rename":
            named.add(pa)
            store.name_person(conn, pa, b)
            store.add_alias(conn, pa, b)
        elif kind == "kind":
            store.set_person_kind(conn, pa, None if b == "person" else b)
    _unique_names(conn, named)
    return merged


def no_person(name: str) -> NotFound:
    return NotFound(f"No person called {name!r}", "See `remembrancer people` for the names known.")


def _name_of(conn, pid: int) -> str:
    return store.name_of_person(conn, pid)


# -- corrections ---------------------------------------------------------------------------------------


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _tie(word: str) -> str:
    return _KIND.get(word.lower(), word.lower())


def converse(kind: str) -> str | None:
    """The kind of tie the other one has: a parent's child; a sibling's sibling; None if unknown (a boss)."""
    return _CONVERSE.get(kind) or (kind if kind in set(_KIND.values()) else None)


def same_tie(x, y) -> bool:
    """Are (subject, relation, object) x and y one tie, told the same way or the other way round?"""
    (s1, r1, o1), (s2, r2, o2) = x[:3], y[:3]
    if (s1, o1) == (s2, o2):
        return _tie(r1) == _tie(r2)
    if (s1, o1) == (o2, s2):
        other = converse(_tie(r1))
        return other is not None and other == _tie(r2)
    return False


def group(relation: str) -> str:
    """The kind of a relation, for the graph's filter: family, partner, friend, work, home or other."""
    kind = _tie(relation)
    for name, kinds in GROUPS.items():
        if kind in kinds:
            return name
    base = relation.lower().removeprefix("ex-")
    return "family" if _FAMILY_WORDS.search(base) and _tie(_FAMILY_WORDS.sub("", base).strip("-")) in GROUPS["family"] else "other"


# -- dates said by hand ----------------------------------------------------------------------------
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9


def interval(text: str) -> tuple[str, str, str]:
    """(as said, lo, hi) for a date the owner gives: a year ("1987"), a month ("March 1987", "1987-03") or a day."""
    t = " ".join(str(text or "").replace(",", " ").split())
    if m := re.fullmatch(r"(\d{4})", t):
        y = int(m.group(1))
        return t, f"{y:04d}-01-01", f"{y + 1:04d}-01-01"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", t) or re.fullmatch(r"([a-z]+)\.? (\d{4})", t, re.I) or re.fullmatch(r"(\d{4}) ([a-z]+)", t, re.I)
    if m:
        a, b = m.groups()
        y, mo = (int(a), int(b)) if a.isdigit() and b.isdigit() else (int(b), _MONTHS.get(a.lower())) if b.isdigit() else (int(a), _MONTHS.get(b.lower()))
        if mo and 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}", f"{y:04d}-{mo:02d}-01", (f"{y + 1:04d}-01-01" if mo == 12 else f"{y:04d}-{mo + 1:02d}-01")
    day = dates.parse(t)[:10]
    return day, day, (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def spoken(when: str) -> str:
    """A date as said: "1987-03" is "March 1987"; a day or a year as it is."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", when or ""):
        return f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    return when


def _on(when: str) -> str:
    return f"{'on' if len(when) >= 10 else 'in'} {spoken(when)}"


# -- events ---------------------------------------------------------------------------------------------


def _find_event(conn, key: dict, kind: str, pid: int | None) -> int | None:
    """An event said of before, in today's events (see the module's docstring)."""
    text, start = key.get("text") or "", key.get("start", 0)
    row = store.entry_holds(conn, key.get("entry"), start, text) if text else None
    if row and row[0]:
        places = [(key["entry"], start)]
    elif row and row[1]:
        places = [(key["entry"], row[1] - 1)]
    elif text:  # its entry no longer holds those words (renumbered by an import, or edited): the one that does
        found = store.entries_holding(conn, text)
        places = [(found[0][0], found[0][1] - 1)] if len(found) == 1 else []
    else:
        return None
    best = None
    for entry, pos in places:
        end = pos + len(text)
        for r in store.events_overlapping(conn, entry, kind, pos, end, pid):
            score = (r["his"], min(end, r["end"]) - max(pos, r["start"]), -abs(r["start"] - pos))
            if best is None or score > best[0]:
                best = (score, r["id"])
    return best[1] if best else None


# -- statements over what was extracted --------------------------------------------------------------
class Stated:
    """The owner's relations and events in force, found again in today's people and events: what every
    page and answer shows as a fact is what extraction read, with these applied."""

    def __init__(self, conn):
        self.conn = conn
        self.added = []  # (subject, relation, object, correction): relations said by hand
        self.removed = []  # (subject, relation, object): ties taken away, either way round
        self.untrue = {}  # event id -> correction
        self.redated = {}  # event id -> (lo, hi, correction)
        self.given = {}  # (person, "birth"|"death") -> {"kind", "person", "lo", "hi", "said", "when"}
        rows = store.statements_read_over(conn)
        for cid, kind, a, b, relation, date, target in rows:
            target = json.loads(target) if target else {}
            pa = _locate(conn, a, target.get("a"))
            if pa is None:
                continue
            if kind in ("relate", "unrelate"):
                pb = _locate(conn, b, target.get("b"))
                if pb is None or pb == pa:
                    continue
                gone = (pa, relation if kind == "unrelate" else target.get("instead"), pb)
                if gone[1]:
                    self.removed.append(gone)
                    self.added = [x for x in self.added if not same_tie(x, gone)]
                if kind == "relate":
                    self.added = [x for x in self.added if not same_tie(x, (pa, relation, pb))]
                    self.added.append((pa, relation, pb, cid))
            elif kind in ("untrue", "redate"):
                lo, hi = interval(date)[1:] if kind == "redate" else (None, None)
                for key in target.get("events", ()):
                    eid = _find_event(conn, key, b, pa)
                    if eid is None:
                        continue
                    if kind == "untrue":
                        self.untrue[eid] = cid
                        self.redated.pop(eid, None)
                    else:
                        self.redated[eid] = (lo, hi, cid)
                        self.untrue.pop(eid, None)
            else:
                said, lo, hi = interval(date)
                what = "birth" if kind == "born" else "death"
                self.given[(pa, what)] = {"kind": what, "person": pa, "lo": lo, "hi": hi, "said": cid, "when": said}

    def keeps(self, subject, relation, obj) -> bool:
        return not any(same_tie((subject, relation, obj), tie) for tie in self.removed)

    def relations(self, rows, people=None) -> list[dict]:
        """Relation rows (dicts with subject, relation, object) less the ties taken away, with those said by
        hand (passage None, `said` their correction) of `people` (None: everyone)."""
        out = [dict(r, said=None) for r in rows if self.keeps(r["subject"], r["relation"], r["object"])]
        out += [{"subject": s, "relation": rel, "object": o, "passage": None, "said": cid}
                for s, rel, o, cid in self.added if people is None or s in people or o in people]
        return out

    def event(self, eid, person, kind, lo, hi):
        """(lo, hi, correction or None) of an event as it is shown for a person; None if it is not."""
        if eid in self.untrue or (person, kind) in self.given:
            return None
        if eid in self.redated:
            return self.redated[eid]
        return lo, hi, None

    def hidden_events(self) -> set[int]:
        """The events never shown as facts: untrue, or a birth or death of someone whose date was given by hand."""
        out = set(self.untrue)
        for pid, kind in self.given:
            out |= store.events_undergone(self.conn, pid, kind)
        return out


def stated(conn) -> Stated:
    return Stated(conn)


# -- the statements themselves ---------------------------------------------------------------------
def _sentence(r, names) -> str:
    """A statement in words, as the owner said it."""
    a, b, rel = r["a"], r["b"], r["relation"]
    you_a, you_b = names.get("a_owner"), names.get("b_owner")
    when = r["date"]
    if r["kind"] == "merge":
        return f"{a} and {b} are one person"
    if r["kind"] == "split":
        return f"{b} is someone other than {a}"
    if r["kind"] == "rename":
        return f"{a} is called {b}"
    if r["kind"] == "kind":
        return f"{a} is {_a(b)}" if b != "person" else f"{a} is a person"
    if r["kind"] in ("relate", "unrelate"):
        not_ = " not" if r["kind"] == "unrelate" else ""
        if you_b:
            out = f"{a} is{not_} your {rel}"
        elif you_a:
            out = f"you are{not_} {b}'s {rel}"
        else:
            out = f"{a} is{not_} {b}'s {rel}"
        instead = names.get("instead")
        return out + (f", not {'your' if you_b else 'the'} {instead}" if instead else "")
    whose = "your" if you_a else f"{a}'s"
    if r["kind"] == "untrue":
        said = names.get("words")
        return f"{whose} {b} did not happen" + (f" (“{said}”)" if said else "")
    if r["kind"] == "redate":
        return f"{whose} {b} was {_on(when)}"
    if r["kind"] == "born":
        return f"{'you were' if you_a else a + ' was'} born {_on(when)}"
    if r["kind"] == "died":
        return f"{a} died {_on(when)}"
    return f"{r['kind']}: {a}" + (f", {b}" if b else "")  # a kind of statement a newer version made


def _statement(conn, r) -> dict:
    target = json.loads(r["target"]) if r["target"] else {}
    pa = _locate(conn, r["a"], target.get("a"))
    pb = _locate(conn, r["b"], target.get("b")) if r["kind"] in ("merge", "relate", "unrelate") else None
    if r["kind"] == "rename":
        called = store.id_named(conn, r["b"])
        pa = called if called is not None else pa
    events = target.get("events", [])
    found = [e for e in (_find_event(conn, k, r["b"], pa) for k in events) if e is not None] if pa else []
    words = events[0]["text"].strip() if events and events[0].get("text") else ""
    names = {"a_owner": (target.get("a") or {}).get("owner"), "b_owner": (target.get("b") or {}).get("owner"),
             "instead": target.get("instead"), "words": words[:80] + ("…" if len(words) > 80 else "")}
    holds = pa is not None and (pb is not None or r["kind"] not in ("merge", "relate", "unrelate")) and \
        (bool(found) or r["kind"] not in ("untrue", "redate"))
    return {"id": r["id"], "kind": r["kind"], "said": _sentence(r, names), "at": r["at"], "undone": r["undone"],
            "holds": holds if not r["undone"] else False,
            "person": _name_of(conn, pa) if pa else None, "other": _name_of(conn, pb) if pb else None,
            "a": r["a"], "b": r["b"], "relation": r["relation"], "date": r["date"],
            "events": found, "_people": {p for p in (pa, pb) if p}}


def corrections(memory, name: str | None = None, undone: bool = True) -> list[dict]:
    """Every statement the owner made, newest first: {"id", "kind", "said" (in words), "at", "undone",
    "holds" (its target is found now), "person", "other", ...}; with `name`, those about that person."""
    pid = None
    if name is not None:
        pid = find(memory.conn, name, partial=True)
        if pid is None:
            raise no_person(name)
    out = []
    with memory.lock:
        rows = store.all_corrections(memory.conn)
        for r in rows:
            if r["undone"] and not undone:
                continue
            s = _statement(memory.conn, r)
            if pid is None or pid in s["_people"]:
                out.append({k: v for k, v in s.items() if k != "_people"})
    return out


def statement(memory, cid: int) -> dict:
    with memory.lock, memory.errors():
        row = store.correction(memory.conn, cid)
    if row is None:
        raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
    with memory.lock:
        s = _statement(memory.conn, row)
    return {k: v for k, v in s.items() if k != "_people"}


# -- reading ---------------------------------------------------------------------------------------------
def people(memory, kind: str | None = "person", everyone: bool = False) -> list[dict]:
    """Everyone mentioned, most mentioned first; `kind`: only the names said to be that ("person": the
    people, the default; "pet", "place" ...; None: every name). People are those read surely enough to
    list (LISTED), or, with `everyone`, all ("sure" says how sure each is)."""
    if kind is not None and kind not in KINDS:
        raise BadInput(f"Not a kind: {kind!r}", f"Say {', '.join(KINDS)}.")
    rows = store.people_listed(memory, kind, everyone)
    aliases = defaultdict(list)
    for r in store.aliases_by_name(memory):
        aliases[r[0]].append(r[1])
    return [{"id": r["id"], "name": r["name"], "kind": r["kind"], "aliases": aliases[r["id"]], "mentions": r["mentions"],
             "first_at": r["first_at"], "last_at": r["last_at"],
             "sure": round(r["sure"], 3) if r["sure"] is not None else None} for r in rows]


def graph(memory, limit: int = 40, focus: str | None = None) -> dict:
    """The most mentioned people (or, with `focus`, that person and the people most tied to them), the
    relations between them as the owner has them (`perhaps`: read less surely than a fact), and how often two share a
    passage. Names the owner
    said are not people (a pet, a place) are left out."""
    empty = {"people": [], "relations": [], "together": [], "focus": None, "total": 0}
    if not store.has_mentions(memory):
        return empty
    total = store.listed_people_count(memory)
    with memory.lock:
        stated = Stated(memory.conn)
        centre = find(memory.conn, focus, partial=True) if focus else None
    if focus and centre is None:
        raise no_person(focus)
    if centre is None:
        rows = store.most_mentioned(memory, limit)
    else:
        # their ties first (a relation either way), then those written about with them most often
        tied = {r["object"] if r["subject"] == centre else r["subject"] for r in stated.relations(
            [dict(r) for r in store.relations_either_way(memory, centre)], {centre})}
        near = store.written_with(memory, centre)
        chosen = [centre] + sorted(tied - {centre}) + [p for p in near if p not in tied and p != centre]
        found = {r["id"]: r for r in store.mentioned_among(memory, chosen, centre)}
        rows = [found[p] for p in chosen if p in found][:limit]
    names = {r["id"]: r["name"] for r in rows}
    ids = list(names)
    relations = {}  # (a, b, relation) -> perhaps: read less surely than a fact, and not said by the owner
    for r in stated.relations([dict(r) for r in store.relations_among(memory, ids)], set(ids)):
        if r["subject"] in names and r["object"] in names:
            key = (names[r["subject"]], names[r["object"]], r["relation"])
            maybe = not r.get("said") and perhaps_relation(r.get("confidence"))
            relations[key] = relations.get(key, True) and maybe
    together = store.passages_shared(memory, ids)
    return {"people": [{"name": r["name"], "mentions": r["mentions"], "owner": bool(r["owner"])} for r in rows],
            "relations": [{"a": a, "b": b, "relation": rel, "group": group(rel), "perhaps": relations[a, b, rel]}
                          for a, b, rel in sorted(relations)],
            "together": [{"a": names[a], "b": names[b], "passages": n} for a, b, n in together],
            "focus": names.get(centre), "total": total}


def _passages(memory, ids, limit=None):
    ids = list(dict.fromkeys(i for i in ids if i is not None))
    return [{k: p[k] for k in ("passage", "entry", "text", "at", "speaker", "ref")} for p in memory.passages(ids[:limit])]


def names_in(memory, passage_ids) -> dict[int, list[dict]]:
    """The people named in each passage: {passage: [{"start", "end", "name"}]}, offsets into its text,
    for linking a name to its person's page."""
    ids = [int(i) for i in dict.fromkeys(passage_ids)]
    out = {i: [] for i in ids}
    ids = [i for i in ids if 0 < i < 2 ** 63]  # no passage has a number SQLite cannot hold
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for r in store.names_in_passages(memory, chunk):
            spans = out[r["passage"]]
            if not spans or r["s"] >= spans[-1]["end"]:
                spans.append({"start": r["s"], "end": r["e"], "name": r["name"]})
    return out


FACT_KINDS = ("likes", "dislikes", "does", "works", "studies", "has", "lives", "plans", "wants")


def facts_of(memory, pid: int, limit: int = 40, evidence: int = 3) -> list[dict]:
    """What a person likes, does, has, where they live and what they plan (extract/facts.py): one item per
    statement, said most often first within each kind, with when it was first and last said and its passages."""
    rows = store.facts_told(memory, pid)
    groups: dict = {}
    for r in rows:
        g = groups.setdefault((r["kind"], r["what"]), {"kind": r["kind"], "what": r["what"], "statement": r["statement"],
                                                        "first_at": r["at"], "last_at": r["at"], "said": 0, "passages": []})
        g["said"] += 1
        g["last_at"] = r["at"]
        if r["passage"] not in g["passages"]:
            g["passages"].append(r["passage"])
    order = {k: i for i, k in enumerate(FACT_KINDS)}
    items = sorted(groups.values(), key=lambda g: (-g["said"], g["first_at"] or ""))[:limit]
    items.sort(key=lambda g: order.get(g["kind"], len(order)))  # stable: most said first within a kind
    for g in items:
        g["evidence"] = _passages(memory, g.pop("passages"), evidence)
    return items


