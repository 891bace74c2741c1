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

from . import dates
from .errors import BadInput, NotFound
from .kin import GROUPS, TIE_CONVERSE as _CONVERSE, TIE_KINDS as _KIND  # a tie told either way: "Eleanor is her daughter"

_FAMILY_WORDS = re.compile(r"(?:^|-)(?:great|grand|step|half|god|foster)|-in-law$")

# An event's words (events ev, entries en, passages pa), clipped to its passage: a sentence spaCy runs on
# from front matter or a date line keeps only its own words.
EVENT_START = "max(ev.start, coalesce(pa.start, ev.start))"
EVENT_TEXT = (f"substr(en.text, {EVENT_START} + 1,"
              f" min(ev.end, coalesce(pa.end, ev.end)) - {EVENT_START})")

PERSON_TABLES = (("mentions", "person"), ("cues", "person"), ("relations", "subject"), ("relations", "object"),
                 ("household_signs", "subject"), ("household_signs", "object"), ("person_facts", "person"))
KINDS = ("person", "pet", "place", "thing", "other")  # what a name can be
SUFFIX = re.compile(r" \((\d+)\)$")  # "Tom (2)": the second person called Tom, until the owner names them


def unsuffixed(name: str) -> str:
    """A name without the " (2)" that tells it from another person's."""
    return SUFFIX.sub("", name)

# A death, a birth or a relation (to the writer or not) is said as a fact only when read with at least this confidence
# (chosen on bench/journal.py and bench/dialogre.py so that what is said as a fact is right 95 times in 100);
# below it, it is shown as "perhaps", with its passage, and never as a fact in on-this-day, fading, review or
# the facts above an answer.
FACT = 0.9
# A person is in the people list (and the graph, fading and review) when as sure as this that they are a person
# of their own (`people.sure`, extract.sureness; chosen on bench/journal.py); the rest are reachable with
# `people(..., everyone=True)` (`remembrancer people --all`) and by name.
LISTED = 0.6
# SQL (over `people p`): is this one listed? The owner, a name the owner said is a pet or a place ..., a person as sure
# as LISTED (NULL: read before `sure` was), or anyone the owner has said something about.
LISTED_SQL = ("(p.owner = 1 OR p.kind IS NOT NULL OR coalesce(p.sure, 1.0) >= {listed} OR p.name IN"
              " (SELECT a FROM corrections WHERE undone IS NULL UNION SELECT b FROM corrections WHERE undone IS NULL"
              " AND kind IN ('rename', 'merge')))").format(listed=LISTED)
SURE_KINDS = ("death", "birth")


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
    rows = conn.execute(
        "SELECT p.id, p.name = ? COLLATE NOCASE AS exact, (SELECT count(*) FROM mentions m WHERE m.person = p.id) AS n"
        " FROM people p WHERE p.name = ? COLLATE NOCASE"
        " OR p.id IN (SELECT person FROM aliases WHERE alias = ? COLLATE NOCASE)"
        " ORDER BY exact DESC, n DESC, p.id",
        (name, name, name),
    ).fetchall()
    if rows or not partial or not name.strip():
        return rows[0][0] if rows else None
    # else a word of a longer name: "Agnes" finds Agnes Hale (the most mentioned, if several)
    word = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    row = conn.execute(
        "SELECT p.id FROM people p WHERE p.id IN (SELECT id FROM people WHERE name LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\'"
        " UNION SELECT person FROM aliases WHERE alias LIKE ?1 ESCAPE '\\' OR alias LIKE ?2 ESCAPE '\\')"
        " ORDER BY (SELECT count(*) FROM mentions m WHERE m.person = p.id) DESC, p.id LIMIT 1",
        (f"{word} %", f"% {word}"),
    ).fetchone()
    return row[0] if row else None


def _called(conn, name: str) -> list[int]:
    """Everyone with this name or alias."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE UNION SELECT person FROM aliases WHERE alias = ?1 COLLATE NOCASE",
        (name,))]


def _locate(conn, name: str, who: dict | None = None) -> int | None:
    """The person a statement is about, in today's people (see the module's docstring)."""
    who = who or {}
    if who.get("owner"):
        row = conn.execute("SELECT id FROM people WHERE owner = 1 ORDER BY id LIMIT 1").fetchone()
        if row:
            return row[0]
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
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, drop))
    conn.execute("UPDATE OR IGNORE event_people SET person = ? WHERE person = ?", (keep, drop))
    conn.execute("UPDATE OR IGNORE aliases SET person = ? WHERE person = ?", (keep, drop))
    conn.execute("UPDATE OR IGNORE person_cues SET person = ? WHERE person = ?", (keep, drop))
    conn.execute("DELETE FROM relations WHERE subject = object")
    conn.execute("UPDATE people SET owner = max(owner, (SELECT owner FROM people WHERE id = ?)) WHERE id = ?", (drop, keep))
    conn.execute("DELETE FROM people WHERE id = ?", (drop,))


def _split(conn, person: int, alias: str) -> int | None:
    """Move the mentions written as `alias` out of `person` into a person of their own, with the pronouns
    that follow them and what was read around them."""
    mentions = conn.execute(
        "SELECT m.id, m.entry, m.kind, substr(e.text, m.start + 1, m.end - m.start) = ? COLLATE NOCASE AS named"
        " FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ? ORDER BY m.entry, m.start",
        (alias, person),
    ).fetchall()
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
    gender = conn.execute("SELECT gender FROM people WHERE id = ?", (person,)).fetchone()[0]
    new = conn.execute("INSERT INTO people (name, gender) VALUES (?, ?)", (alias, gender)).lastrowid
    _move_read(conn, person, new, moving)
    conn.executemany("UPDATE mentions SET person = ? WHERE id = ?", [(new, mid) for mid in moving])
    conn.execute("UPDATE aliases SET person = ? WHERE person = ? AND alias = ? COLLATE NOCASE", (new, person, alias))
    conn.execute("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", (new, alias))
    if conn.execute("SELECT name = ? COLLATE NOCASE FROM people WHERE id = ?", (alias, person)).fetchone()[0]:
        other = conn.execute("SELECT alias FROM aliases WHERE person = ? ORDER BY length(alias) DESC", (person,)).fetchone()
        if other:
            conn.execute("UPDATE people SET name = ? WHERE id = ?", (other[0], person))
    return new


def _move_read(conn, person: int, new: int, moving: set[int]):
    """What was read of `person` around the mentions `moving` (cues, relations, events) goes with them to
    `new`: each row to whoever of the two has the mention nearest to it in its passage."""
    near = defaultdict(list)  # passage -> [(start, moves)]
    for mid, passage, start in conn.execute("SELECT id, passage, start FROM mentions WHERE person = ?", (person,)):
        near[passage].append((start, mid in moving))
    passages = [p for p, ms in near.items() if any(moves for _, moves in ms)]

    def goes(passage, start, end):
        ms = near.get(passage)
        return bool(ms) and min(ms, key=lambda m: 0 if start <= m[0] < end else min(abs(m[0] - start), abs(m[0] - end)))[1]

    for chunk in (passages[i:i + 500] for i in range(0, len(passages), 500)):
        marks = ",".join("?" * len(chunk))
        for rid, passage, start, end in conn.execute(
                f"SELECT id, passage, start, end FROM cues WHERE person = ? AND passage IN ({marks})", (person, *chunk)).fetchall():
            if goes(passage, start, end):
                conn.execute("UPDATE cues SET person = ? WHERE id = ?", (new, rid))
        for rid, passage, start, end, subject in conn.execute(
                f"SELECT id, passage, start, end, subject FROM relations WHERE (subject = ?1 OR object = ?1) AND passage IN ({marks})",
                (person, *chunk)).fetchall():
            if goes(passage, start, end):
                conn.execute(f"UPDATE relations SET {'subject' if subject == person else 'object'} = ? WHERE id = ?", (new, rid))
        for eid, passage, start, end in conn.execute(
                f"SELECT ev.id, ev.passage, ev.start, ev.end FROM events ev JOIN event_people ep ON ep.event = ev.id"
                f" WHERE ep.person = ? AND ev.passage IN ({marks})", (person, *chunk)).fetchall():
            if goes(passage, start, end):
                conn.execute("UPDATE OR IGNORE event_people SET person = ? WHERE event = ? AND person = ?", (new, eid, person))


def _unique_names(conn, named=frozenset()):
    """No two people share a name (as `find` compares them): the one the owner named keeps it, else the owner,
    else the most mentioned (the one `find` gave before), else the one mentioned first; the others become
    "Tom (2)", "Tom (3)". A page is opened by name, and a second "Tom" could not be."""
    for (low,) in conn.execute("SELECT lower(name) FROM people GROUP BY lower(name) HAVING count(*) > 1").fetchall():
        rows = conn.execute(
            "SELECT p.id, p.name, p.owner, (SELECT count(*) FROM mentions m WHERE m.person = p.id) AS n,"
            " (SELECT m.entry * 4294967296 + m.start FROM mentions m WHERE m.person = p.id ORDER BY m.entry, m.start LIMIT 1) AS first"
            " FROM people p WHERE lower(p.name) = ?", (low,)).fetchall()
        rows.sort(key=lambda r: (r[0] not in named, not r[2], -r[3], r[4] if r[4] is not None else 1 << 62, r[0]))
        for r in rows[1:]:
            base, n = unsuffixed(r[1]), 2
            while conn.execute("SELECT 1 FROM people WHERE name = ? COLLATE NOCASE", (f"{base} ({n})",)).fetchone():
                n += 1
            conn.execute("UPDATE people SET name = ? WHERE id = ?", (f"{base} ({n})", r[0]))


def apply_corrections(conn, kinds=("merge", "split", "rename", "kind")) -> set[int]:
    """Apply every merge, split, rename and kind in force (or those of `kinds`), oldest first; each is
    idempotent. Returns the people merged or split (whose cues moved)."""
    _unique_names(conn)
    merged, named = set(), set()
    if "kind" in kinds:  # what the text reads them as (extract.read_people), unless the owner says otherwise
        conn.execute("UPDATE people SET kind = read WHERE kind IS NOT read")
    for kind, a, b, target in conn.execute(
            f"SELECT kind, a, b, target FROM corrections WHERE undone IS NULL AND kind IN ({','.join('?' * len(kinds))})"
            " ORDER BY id", kinds).fetchall():
        target = json.loads(target) if target else {}
        if kind == "rename":
            # the person already called so is the one (a later "Gran" is not renamed again)
            pa = conn.execute("SELECT id FROM people WHERE name = ?", (b,)).fetchone()
            pa = pa[0] if pa else _locate(conn, a, target.get("a"))
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
            conn.execute("UPDATE people SET name = ? WHERE id = ? AND name != ?", (b, pa, b))
            conn.execute("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", (pa, b))
        elif kind == "kind":
            conn.execute("UPDATE people SET kind = ? WHERE id = ?", (None if b == "person" else b, pa))
    _unique_names(conn, named)
    return merged


def no_person(name: str) -> NotFound:
    return NotFound(f"No person called {name!r}", "See `remembrancer people` for the names known.")


def _name_of(conn, pid: int) -> str:
    return conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]


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
    row = conn.execute("SELECT substr(text, ?, ?) = ?, instr(text, ?) FROM entries WHERE id = ?",
                       (start + 1, len(text), text, text, key.get("entry"))).fetchone() if text else None
    if row and row[0]:
        places = [(key["entry"], start)]
    elif row and row[1]:
        places = [(key["entry"], row[1] - 1)]
    elif text:  # its entry no longer holds those words (renumbered by an import, or edited): the one that does
        found = conn.execute("SELECT id, instr(text, ?) FROM entries WHERE instr(text, ?) > 0 LIMIT 2", (text, text)).fetchall()
        places = [(found[0][0], found[0][1] - 1)] if len(found) == 1 else []
    else:
        return None
    best = None
    for entry, pos in places:
        end = pos + len(text)
        for r in conn.execute("SELECT ev.id, ev.start, ev.end, EXISTS (SELECT 1 FROM event_people ep WHERE ep.event = ev.id"
                              " AND ep.person = ?) AS his FROM events ev WHERE ev.entry = ? AND ev.kind = ? AND ev.start < ?"
                              " AND ev.end > ?", (pid, entry, kind, end, pos)):
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
        rows = conn.execute(
            "SELECT id, kind, a, b, relation, date, target FROM corrections WHERE undone IS NULL"
            " AND kind IN ('relate', 'unrelate', 'untrue', 'redate', 'born', 'died') ORDER BY id").fetchall()
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
            out |= {r[0] for r in self.conn.execute(
                "SELECT ep.event FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = ? AND ev.kind = ?"
                " AND ep.agent = 0", (pid, kind))}
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
        pa = (conn.execute("SELECT id FROM people WHERE name = ?", (r["b"],)).fetchone() or [pa])[0]
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
        rows = memory.conn.execute("SELECT * FROM corrections ORDER BY id DESC").fetchall()
        for r in rows:
            if r["undone"] and not undone:
                continue
            s = _statement(memory.conn, r)
            if pid is None or pid in s["_people"]:
                out.append({k: v for k, v in s.items() if k != "_people"})
    return out


def statement(memory, cid: int) -> dict:
    rows = memory.query("SELECT * FROM corrections WHERE id = ?", (cid,))
    if not rows:
        raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
    with memory.lock:
        s = _statement(memory.conn, rows[0])
    return {k: v for k, v in s.items() if k != "_people"}


# -- reading ---------------------------------------------------------------------------------------------
def people(memory, kind: str | None = "person", everyone: bool = False) -> list[dict]:
    """Everyone mentioned, most mentioned first; `kind`: only the names said to be that ("person": the
    people, the default; "pet", "place" ...; None: every name). People are those read surely enough to
    list (LISTED), or, with `everyone`, all ("sure" says how sure each is)."""
    if kind is not None and kind not in KINDS:
        raise BadInput(f"Not a kind: {kind!r}", f"Say {', '.join(KINDS)}.")
    rows = memory.query(
        "SELECT p.id, p.name, coalesce(p.kind, 'person') AS kind, count(m.id) AS mentions, min(e.at) AS first_at,"
        " max(e.at) AS last_at, p.sure FROM people p JOIN mentions m ON m.person = p.id JOIN entries e ON e.id = m.entry"
        f" WHERE (?1 IS NULL OR coalesce(p.kind, 'person') = ?1) AND (?2 = 1 OR {LISTED_SQL})"
        " GROUP BY p.id ORDER BY mentions DESC, p.name", (kind, int(everyone))
    )
    aliases = defaultdict(list)
    for r in memory.query("SELECT person, alias FROM aliases ORDER BY alias"):
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
    if not memory.query("SELECT 1 FROM sqlite_master WHERE name = 'mentions'"):
        return empty
    person = f"coalesce(p.kind, 'person') = 'person' AND {LISTED_SQL}"
    total = memory.query(f"SELECT count(*) FROM people p WHERE {person} AND EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id)")[0][0]
    with memory.lock:
        stated = Stated(memory.conn)
        centre = find(memory.conn, focus, partial=True) if focus else None
    if focus and centre is None:
        raise no_person(focus)
    if centre is None:
        rows = memory.query(f"SELECT p.id, p.name, p.owner, count(m.id) AS mentions FROM people p JOIN mentions m ON m.person = p.id"
                            f" WHERE {person} GROUP BY p.id ORDER BY mentions DESC, p.name LIMIT ?", (limit,))
    else:
        # their ties first (a relation either way), then those written about with them most often
        tied = {r["object"] if r["subject"] == centre else r["subject"] for r in stated.relations(
            [dict(r) for r in memory.query("SELECT subject, relation, object, passage FROM relations WHERE subject = ?1 OR object = ?1",
                                           (centre,))], {centre})}
        near = [r[0] for r in memory.query(
            "SELECT b.person, count(DISTINCT a.passage) AS n FROM mentions a JOIN mentions b ON b.passage = a.passage"
            " AND b.person != a.person WHERE a.person = ? AND a.passage IS NOT NULL GROUP BY b.person ORDER BY n DESC, b.person",
            (centre,))]
        chosen = [centre] + sorted(tied - {centre}) + [p for p in near if p not in tied and p != centre]
        marks = ",".join("?" * len(chosen))
        found = {r["id"]: r for r in memory.query(
            f"SELECT p.id, p.name, p.owner, count(m.id) AS mentions FROM people p JOIN mentions m ON m.person = p.id"
            f" WHERE p.id IN ({marks}) AND ({person} OR p.id = ?) GROUP BY p.id", [*chosen, centre])}
        rows = [found[p] for p in chosen if p in found][:limit]
    names = {r["id"]: r["name"] for r in rows}
    marks = ",".join("?" * len(names)) or "NULL"
    ids = list(names)
    relations = {}  # (a, b, relation) -> perhaps: read less surely than a fact, and not said by the owner
    for r in stated.relations([dict(r) for r in memory.query(
            f"SELECT subject, relation, object, min(passage) AS passage, max(coalesce(confidence, 1.0)) AS confidence FROM relations"
            f" WHERE subject IN ({marks}) AND object IN ({marks}) AND subject != object GROUP BY subject, relation, object",
            ids + ids)], set(ids)):
        if r["subject"] in names and r["object"] in names:
            key = (names[r["subject"]], names[r["object"]], r["relation"])
            maybe = not r.get("said") and perhaps_relation(r.get("confidence"))
            relations[key] = relations.get(key, True) and maybe
    together = memory.query(
        f"SELECT a.person, b.person, count(DISTINCT a.passage) FROM mentions a JOIN mentions b"
        f" ON b.passage = a.passage AND b.person > a.person WHERE a.person IN ({marks}) AND b.person IN ({marks})"
        " AND a.passage IS NOT NULL GROUP BY a.person, b.person", ids + ids)
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
        for r in memory.query(
                f"SELECT m.passage, m.start - pa.start AS s, m.end - pa.start AS e, p.name FROM mentions m"
                f" JOIN passages pa ON pa.id = m.passage JOIN people p ON p.id = m.person"
                f" WHERE m.passage IN ({','.join('?' * len(chunk))}) AND m.kind IN ('name', 'title')"
                f" AND m.start >= pa.start AND m.end <= pa.end ORDER BY m.passage, m.start", chunk):
            spans = out[r["passage"]]
            if not spans or r["s"] >= spans[-1]["end"]:
                spans.append({"start": r["s"], "end": r["e"], "name": r["name"]})
    return out


FACT_KINDS = ("likes", "dislikes", "does", "works", "studies", "has", "lives", "plans", "wants")


def facts_of(memory, pid: int, limit: int = 40, evidence: int = 3) -> list[dict]:
    """What a person likes, does, has, where they live and what they plan (extract/facts.py): one item per
    statement, said most often first within each kind, with when it was first and last said and its passages."""
    rows = memory.query(
        "SELECT f.kind, f.what, f.statement, f.passage, coalesce(f.lo, e.at) AS at FROM person_facts f"
        " JOIN entries e ON e.id = f.entry WHERE f.person = ? ORDER BY coalesce(f.lo, e.at), f.id", (pid,))
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


