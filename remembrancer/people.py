"""People queries, and what the owner says about them: the person is the authority.

Whatever extraction reads wrongly, the owner can put right, and it stays right. Each correction is a
*statement* kept in `corrections` with when it was made (and, once undone, when; nothing is deleted):

    kind      what it says                                   a, b (and relation, date, target)
    merge     a and b are one person                         a, b
    split     b, a name of a's, is someone else               a, b
    rename    a is called b                                   a, b
    kind      a is not a person but a b (pet, place ...)      a, b
    relate    a is the <relation> of b (instead of another)   a, b, relation, target.instead
    unrelate  a is not the <relation> of b                    a, b, relation
    untrue    the events of kind b read for a did not happen  a, b, target.events
    redate    ... happened on `date`                          a, b, date, target.events
    born      a was born on `date` (a day, a month or a year) a, date
    died      a died on `date`                                a, date

Extraction is derived data, rebuilt by `reindex` and by any new version of a component, so a statement
names what it is about in words that outlive it (`target`): a person by the name they had when it was
said, then by any other name they had then that is one person's only, the owner as the owner; an event
by its words, in its entry (by id, if the entry still holds those words there, else the one entry
holding them), as the event of the same kind overlapping them most, one involving the person first.

Merge, split, rename and kind change the people rows and are applied again, oldest first, after every
extraction (`extract._tidy`). The others are read over what was extracted (`Stated`) by everything that
shows a fact: the person page, fading, review, on-this-day, the timeline and the facts above an answer.
No two people share a name: a second "Tom" is "Tom (2)" until the owner names them, so every person can
be opened. Undoing a statement marks it undone; undoing a merge, split or rename reads again the entries
naming the people it touched (the model is loaded for that).
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

# Kinds of tie, to tell one told both ways ("mother of Eleanor", "Eleanor is her daughter").
_KIND = {**dict.fromkeys("mother father parent mum mom dad mummy daddy stepmother stepfather".split(), "parent"),
         **dict.fromkeys("son daughter child kid baby stepson stepdaughter".split(), "child"),
         **dict.fromkeys("grandmother grandfather grandparent grandma grandpa granny gran nan grandad granddad".split(), "grandparent"),
         **dict.fromkeys("grandson granddaughter grandchild".split(), "grandchild"),
         **dict.fromkeys("uncle aunt auntie".split(), "pibling"), **dict.fromkeys("nephew niece".split(), "nibling"),
         **dict.fromkeys("husband wife spouse".split(), "spouse"), **dict.fromkeys("brother sister sibling twin".split(), "sibling"),
         **dict.fromkeys(["boyfriend", "girlfriend", "partner", "fiance", "fiancé", "fiancee", "fiancée"], "partner"),
         **dict.fromkeys(["friend", "best friend"], "friend"),
         **dict.fromkeys("colleague coworker co-worker workmate".split(), "colleague"),
         **dict.fromkeys("neighbour neighbor".split(), "neighbour"),
         **dict.fromkeys("flatmate roommate housemate".split(), "roommate"),
         "cousin": "cousin"}
_CONVERSE = {"parent": "child", "child": "parent", "grandparent": "grandchild", "grandchild": "grandparent",
             "pibling": "nibling", "nibling": "pibling"}  # the other kinds above are their own converse
# Kinds of relation, for the people graph's filter.
GROUPS = {"family": {"parent", "child", "grandparent", "grandchild", "pibling", "nibling", "sibling", "cousin", "spouse"},
          "partner": {"partner"}, "friend": {"friend"}, "work": {"colleague"},
          "home": {"neighbour", "roommate"}}
_FAMILY_WORDS = re.compile(r"(?:^|-)(?:great|grand|step|half|god|foster)|-in-law$")

# An event's words (events ev, entries en, passages pa), clipped to its passage: a sentence spaCy runs on
# from front matter or a date line keeps only its own words.
EVENT_START = "max(ev.start, coalesce(pa.start, ev.start))"
EVENT_TEXT = (f"substr(en.text, {EVENT_START} + 1,"
              f" min(ev.end, coalesce(pa.end, ev.end)) - {EVENT_START})")

PERSON_TABLES = (("mentions", "person"), ("cues", "person"), ("relations", "subject"), ("relations", "object"),
                 ("person_facts", "person"))
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


def _who(conn, pid: int) -> dict:
    """What a statement keeps to find a person again: whether they are the owner, and every name they have now."""
    name, owner = conn.execute("SELECT name, owner FROM people WHERE id = ?", (pid,)).fetchone()
    aliases = [r[0] for r in conn.execute("SELECT alias FROM aliases WHERE person = ? ORDER BY alias", (pid,))]
    return {"owner": bool(owner), "names": list(dict.fromkeys([name, *aliases]))}


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


def _need(conn, name: str) -> int:
    """The person a write names (a whole name or alias: a word of one is not enough to change anything)."""
    pid = find(conn, name) if isinstance(name, str) and name.strip() else None
    if pid is None:
        near = find(conn, name, partial=True) if isinstance(name, str) and name.strip() else None
        if near is not None:  # "Emlyn" for "Uncle Emlyn": said, not guessed, as a change must be sure whom it is about
            whole = _name_of(conn, near)
            raise NotFound(f"No person called {name!r} (is it {whole!r}?)", f"A correction needs a whole name: give {whole!r}.")
        raise no_person(name)
    return pid


def _state(conn, kind: str, a: str, b: str = "", *, relation=None, date=None, target=None) -> int:
    """Record a statement of the owner's, made now."""
    return conn.execute(
        "INSERT INTO corrections (kind, a, b, at, relation, date, target) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, a, b, dates.now(), relation, date, json.dumps(target, ensure_ascii=False) if target else None)).lastrowid


def _name_of(conn, pid: int) -> str:
    return conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]


def _said(memory, cid: int, name: str) -> dict:
    """What a correction returns: the statement, and the page of the person it is about."""
    return {"correction": statement(memory, cid), "person": person(memory, name)}


# -- corrections ---------------------------------------------------------------------------------------
def merge(memory, a: str, b: str) -> dict:
    """The owner says a and b are one person: their page, with the statement as "correction"."""
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        if pa == pb:
            raise BadInput(f"{a!r} and {b!r} are one person already ({_name_of(conn, pa)})", "Nothing to change.")
        cid = _state(conn, "merge", a, b, target={"a": _who(conn, pa), "b": _who(conn, pb)})
        _merge(conn, pa, pb)
        _recompute(conn)
        name = _name_of(conn, pa)
    return {**person(memory, name), "correction": statement(memory, cid)}


def split(memory, name: str, alias: str) -> dict:
    """The owner says `alias` is not the person called `name`: it becomes a person of their own."""
    with memory.transaction() as conn:
        pid = _need(conn, name)
        if not conn.execute("SELECT 1 FROM aliases WHERE person = ? AND alias = ? COLLATE NOCASE", (pid, alias)).fetchone():
            raise BadInput(f"{alias!r} is not a name of {name!r}", "Give one of the aliases shown by `remembrancer person NAME`.")
        own = _name_of(conn, pid)
        if own.lower() == alias.lower():  # it would leave the person nameless, and a second one of that name
            raise BadInput(f"{alias!r} is the name {name!r} is known by, not another name of theirs",
                           "Split off one of their other names (see their page).")
        who = _who(conn, pid)
        new = _split(conn, pid, alias)
        if new is None:
            raise BadInput(f"{alias!r} is all there is of {name!r}", "Nothing to split: give another alias.")
        cid = _state(conn, "split", own, alias, target={"a": who})
        _unique_names(conn)  # "Grandma" split off "Grandma Rose" beside another "Grandma" is "Grandma (2)"
        _recompute(conn)
        kept, parted = _name_of(conn, pid), _name_of(conn, new)
    return {"person": person(memory, kept), "split": person(memory, parted), "correction": statement(memory, cid)}


def _recompute(conn):
    from .extract import person_cues

    person_cues(conn)


def _clean_name(new) -> str:
    new = " ".join(str(new or "").split())
    if not new:
        raise BadInput("No name given", "Give the name they should go by.")
    if len(new) > 100 or any(ord(c) < 32 for c in new) or not new.strip("."):
        raise BadInput(f"Not a name: {new[:40]!r}", "Give a name of at most 100 characters, as you would write it.")
    return new


def rename(memory, name: str, new: str) -> dict:
    """The owner says the person called `name` is called `new`; the old name stays one of theirs."""
    new = _clean_name(new)
    with memory.transaction() as conn:
        pid = _need(conn, name)
        old = _name_of(conn, pid)
        if old == new:
            raise BadInput(f"{old!r} is called that already", "Give the new name.")
        other = conn.execute("SELECT name FROM people WHERE name = ? COLLATE NOCASE AND id != ?", (new, pid)).fetchone()
        if other:
            raise BadInput(f"{other[0]!r} is someone else already",
                           f"If {old} and {other[0]} are one person, join them instead; else give another name.")
        cid = _state(conn, "rename", old, new, target={"a": _who(conn, pid)})
        conn.execute("UPDATE people SET name = ? WHERE id = ?", (new, pid))
        conn.execute("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", (pid, new))
    return _said(memory, cid, new)


def set_kind(memory, name: str, kind: str) -> dict:
    """The owner says what a name is: a person, or not (a pet, a place, a thing, something other). A name
    that is not a person leaves the people list, fading, review and the graph, and stays a cue."""
    kind = str(kind or "").strip().lower()
    if kind not in KINDS:
        raise BadInput(f"Not a kind: {kind!r}", f"Say {', '.join(KINDS[:-1])} or {KINDS[-1]}.")
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own, owner, was = conn.execute("SELECT name, owner, coalesce(kind, 'person') FROM people WHERE id = ?", (pid,)).fetchone()
        if owner and kind != "person":
            raise BadInput(f"{own!r} is you", "Only someone else can be something other than a person.")
        if was == kind:
            raise BadInput(f"{own!r} is {_a(kind)} already", "Nothing to change.")
        cid = _state(conn, "kind", own, kind, target={"a": _who(conn, pid)})
        conn.execute("UPDATE people SET kind = ? WHERE id = ?", (None if kind == "person" else kind, pid))
    return _said(memory, cid, own)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


_RELATION = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


def _clean_relation(relation) -> str:
    word = " ".join(str(relation or "").split()).lower()
    if not word:
        raise BadInput("No relation given", "Say what they are to each other: husband, sister, friend, colleague ...")
    if len(word) > 40 or not _RELATION.fullmatch(word):
        raise BadInput(f"Not a relation: {word[:40]!r}", "Give a word or two, such as husband, best friend or mother-in-law.")
    return word


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


def _ties(conn, pa: int, pb: int) -> list[dict]:
    """The relations shown now between two people, either way."""
    rows = [dict(r) for r in conn.execute(
        "SELECT subject, relation, object, passage FROM relations WHERE (subject = ?1 AND object = ?2) OR (subject = ?2 AND object = ?1)",
        (pa, pb))]
    return [r for r in Stated(conn).relations(rows, {pa, pb}) if {r["subject"], r["object"]} == {pa, pb}]


def relate(memory, a: str, relation: str, b: str, instead: str | None = None) -> dict:
    """The owner says a is the <relation> of b ("Rhys", "husband", "me"), in place of `instead` if given
    (a relation shown now between them, either way round). The converse follows on b's page."""
    relation = _clean_relation(relation)
    instead = _clean_relation(instead) if instead else None
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        sa, sb = _name_of(conn, pa), _name_of(conn, pb)
        if pa == pb:
            raise BadInput(f"{sa!r} cannot be their own {relation}", "Name two people.")
        ties = _ties(conn, pa, pb)
        if instead and not any(_told(t, (pa, instead, pb)) for t in ties):
            shown = _shown(conn, ties)
            raise BadInput(f"{sa!r} is not the {instead} of {sb!r} now" + (f" ({shown})" if shown else ""),
                           "Say which relation shown on their page it replaces, or add it without one.")
        if any(_told(t, (pa, relation, pb)) for t in ties) and (not instead or _tie(instead) == _tie(relation)):
            raise BadInput(f"{sa!r} is the {relation} of {sb!r} already", "Nothing to change.")
        if not instead and (alike := next((t for t in ties if same_tie(t_tuple(t), (pa, relation, pb))), None)):
            # "wife" where "husband" is shown: one tie, told in other words; said in place of it, or not at all
            raise BadInput(f"{_shown(conn, [alike])} now",
                           f"Say {relation} instead of {alike['relation']} (--instead {alike['relation']}); nothing was changed.")
        target = {"a": _who(conn, pa), "b": _who(conn, pb)}
        if instead:
            target["instead"] = instead
        cid = _state(conn, "relate", sa, sb, relation=relation, target=target)
        _imply(conn)
    return _said(memory, cid, sa)


def _imply(conn):
    """The ties implied by those read and said (extract.imply), again after the owner said one."""
    from .extract import imply

    imply(conn)


def t_tuple(row) -> tuple:
    return row["subject"], row["relation"], row["object"]


def _told(row, tie) -> bool:
    """Is a relation shown now this tie in these words? ("husband" is not "wife", though one tie; told the other
    way round, a tie of the same kind is, as its words there are not these.)"""
    if (row["subject"], row["object"]) == (tie[0], tie[2]):
        return row["relation"].lower() == tie[1].lower()
    return same_tie(t_tuple(row), tie)




def _shown(conn, ties) -> str:
    return "; ".join(sorted({f"{_name_of(conn, t['subject'])} is the {t['relation']} of {_name_of(conn, t['object'])}" for t in ties}))


def unrelate(memory, a: str, relation: str, b: str) -> dict:
    """The owner says a is not the <relation> of b: it goes, and the same tie told the other way with it."""
    relation = _clean_relation(relation)
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        sa, sb = _name_of(conn, pa), _name_of(conn, pb)
        ties = _ties(conn, pa, pb)
        if not any(same_tie(t_tuple(t), (pa, relation, pb)) for t in ties):
            shown = _shown(conn, ties)
            raise BadInput(f"{sa!r} is not the {relation} of {sb!r} now",
                           f"Shown between them: {shown}." if shown else "No relation is shown between them.")
        cid = _state(conn, "unrelate", sa, sb, relation=relation, target={"a": _who(conn, pa), "b": _who(conn, pb)})
        _imply(conn)
    return _said(memory, cid, sa)


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


def _given(memory, name: str, date: str, kind: str) -> dict:
    said, lo, hi = interval(date)
    what, other = ("birth", "death") if kind == "born" else ("death", "birth")
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own, owner = conn.execute("SELECT name, owner FROM people WHERE id = ?", (pid,)).fetchone()
        if kind == "died" and owner:
            raise BadInput(f"{own!r} is you", "Give a date of death for someone else.")
        if lo > dates.now()[:10]:
            raise BadInput(f"{spoken(said)} is still to come", f"Give the date of their {what}; nothing was changed.")
        given = Stated(conn).given
        if (mine := given.get((pid, what))) and mine["when"] == said:
            raise BadInput(f"You said {own}'s {what} was {_on(said)} already (correction {mine['said']})", "Nothing to change.")
        if (theirs := given.get((pid, other))) and (lo >= theirs["hi"] if kind == "born" else hi <= theirs["lo"]):
            raise BadInput(f"{own}'s {what} {_on(said)} would be {'after' if kind == 'born' else 'before'} their {other},"
                           f" {_on(theirs['when'])} (correction {theirs['said']})",
                           f"Give another date, or undo correction {theirs['said']} first; nothing was changed.")
        cid = _state(conn, kind, own, "", date=said, target={"a": _who(conn, pid)})
    return _said(memory, cid, own)


def spoken(when: str) -> str:
    """A date as said: "1987-03" is "March 1987"; a day or a year as it is."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", when or ""):
        return f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    return when


def _on(when: str) -> str:
    return f"{'on' if len(when) >= 10 else 'in'} {spoken(when)}"


def set_birthday(memory, name: str, date: str) -> dict:
    """The owner gives the day (or month, or year) someone was born: it is their birth from now on."""
    return _given(memory, name, date, "born")


def set_death(memory, name: str, date: str) -> dict:
    """The owner gives the day (or month, or year) someone died: it is their death from now on, and the
    deaths read for them are not."""
    return _given(memory, name, date, "died")


# -- events ---------------------------------------------------------------------------------------------
def _event_key(conn, eid: int) -> dict:
    r = conn.execute(f"SELECT ev.entry, {EVENT_START} AS start, {EVENT_TEXT} AS text FROM events ev"
                     " JOIN entries en ON en.id = ev.entry LEFT JOIN passages pa ON pa.id = ev.passage WHERE ev.id = ?",
                     (eid,)).fetchone()
    return {"entry": r["entry"], "start": r["start"], "text": r["text"]}


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


def _events_of(conn, pid: int, kind: str, event: int | None) -> list[int]:
    """The events of this kind shown now for a person (or the one asked for, if it is one of them)."""
    stated = Stated(conn)
    ids = [r["id"] for r in conn.execute(
        "SELECT ev.id, ev.lo, ev.hi FROM events ev JOIN event_people ep ON ep.event = ev.id WHERE ep.person = ? AND ev.kind = ?"
        " ORDER BY ev.entry, ev.start", (pid, kind)) if stated.event(r["id"], pid, kind, r["lo"], r["hi"]) is not None]
    name = _name_of(conn, pid)
    if event is not None:
        if event not in ids:
            raise NotFound(f"No {kind} {event} is shown for {name!r}", "Take the event's id from their page (`remembrancer person NAME --json`).")
        return [event]
    if not ids and (pid, kind) in stated.given:
        raise BadInput(f"{name!r}'s {kind} is on the date you gave", "Give their date of " + kind + " again instead, or undo the one you gave.")
    if not ids:
        raise BadInput(f"No {kind} is shown for {name!r}", "See the events on their page (`remembrancer person NAME`).")
    return ids


def event_untrue(memory, name: str, kind: str, event: int | None = None) -> dict:
    """The owner says an event read about someone did not happen: the events of that kind shown for them
    now (or the one given by id) are never shown as facts again."""
    kind = str(kind or "").strip().lower()
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own = _name_of(conn, pid)
        events = [_event_key(conn, e) for e in _events_of(conn, pid, kind, event)]
        cid = _state(conn, "untrue", own, kind, target={"a": _who(conn, pid), "events": events})
    return _said(memory, cid, own)


def redate_event(memory, name: str, kind: str, date: str, event: int | None = None) -> dict:
    """The owner says when an event read about someone happened (a day, a month or a year): the events of
    that kind shown for them now (or the one given by id)."""
    kind = str(kind or "").strip().lower()
    said, _, _ = interval(date)
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own = _name_of(conn, pid)
        events = [_event_key(conn, e) for e in _events_of(conn, pid, kind, event)]
        cid = _state(conn, "redate", own, kind, date=said, target={"a": _who(conn, pid), "events": events})
    return _said(memory, cid, own)


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


def undo(memory, cid) -> dict:
    """Take back a statement: it is kept, marked undone, and no longer applied. Undoing a merge, split or
    rename reads again the entries naming the people it touched, so they are as extraction would have them."""
    try:
        cid = int(cid)
    except (TypeError, ValueError):
        raise BadInput(f"Not a correction number: {cid!r}", "See `remembrancer corrections` for their numbers.") from None
    if not 0 < cid < 2 ** 63:  # SQLite cannot even look such a number up
        raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
    entries = []
    with memory.transaction() as conn:
        rows = conn.execute("SELECT * FROM corrections WHERE id = ?", (cid,)).fetchall()
        if not rows:
            raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
        r = rows[0]
        if r["undone"]:
            raise BadInput(f"Correction {cid} was undone already, on {r['undone'][:10]}", "Nothing to undo.")
        conn.execute("UPDATE corrections SET undone = ? WHERE id = ?", (dates.now(), cid))
        if r["kind"] in ("relate", "unrelate"):
            _imply(conn)
        if r["kind"] in ("merge", "split", "rename"):
            target = json.loads(r["target"]) if r["target"] else {}
            touched = {_locate(conn, r["a"], target.get("a"))}
            if r["kind"] == "merge":
                touched.add(_locate(conn, r["b"], target.get("b")))
            elif r["kind"] == "split":
                touched |= set(_called(conn, r["b"]))
            else:
                touched.add(find(conn, r["b"]))
            touched.discard(None)
            if touched:
                marks = ",".join("?" * len(touched))
                entries = [e[0] for e in conn.execute(f"SELECT DISTINCT entry FROM mentions WHERE person IN ({marks})", sorted(touched))]
                # Gone with everything read of them; their entries are read again (pending, should this stop here).
                conn.execute(f"DELETE FROM person_facts WHERE person IN ({marks})", sorted(touched))  # no cascade there
                conn.execute(f"DELETE FROM people WHERE id IN ({marks})", sorted(touched))
                conn.executemany("DELETE FROM processed WHERE processor = 'extract' AND entry = ?", [(e,) for e in entries])
        elif r["kind"] == "kind":
            apply_corrections(conn, ("kind",))
    if entries:
        memory.process(entries)
        with memory.transaction() as conn:
            _recompute(conn)
    return statement(memory, cid)


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
    relations between them as the owner has them, and how often two share a passage. Names the owner
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
    relations = {(names[r["subject"]], names[r["object"]], r["relation"]) for r in stated.relations([dict(r) for r in memory.query(
        f"SELECT subject, relation, object, passage FROM relations WHERE subject IN ({marks}) AND object IN ({marks})"
        " AND subject != object", ids + ids)], set(ids)) if r["subject"] in names and r["object"] in names}
    together = memory.query(
        f"SELECT a.person, b.person, count(DISTINCT a.passage) FROM mentions a JOIN mentions b"
        f" ON b.passage = a.passage AND b.person > a.person WHERE a.person IN ({marks}) AND b.person IN ({marks})"
        " AND a.passage IS NOT NULL GROUP BY a.person, b.person", ids + ids)
    return {"people": [{"name": r["name"], "mentions": r["mentions"], "owner": bool(r["owner"])} for r in rows],
            "relations": [{"a": a, "b": b, "relation": rel, "group": group(rel)} for a, b, rel in sorted(relations)],
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


def _strength(memory, pid, now=None) -> dict:
    """Predicted chance of recall now and the next review (remembrancer/forgetting.py)."""
    from .forgetting import person_strength

    return person_strength(memory, pid, now)


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


def person(memory, name: str, limit: int = 20, now=None) -> dict:
    """One person's page: aliases, relations, cues, events, feelings, passages, and what the owner said
    of them (`said`). A relation or event the owner gave or dated has its correction's id in `said`."""
    from .forgetting import when as said_when

    pid = find(memory.conn, name, partial=True)
    if pid is None:
        raise no_person(name)
    row = memory.query("SELECT id, name, gender, owner, coalesce(kind, 'person') AS kind FROM people WHERE id = ?", (pid,))[0]
    aliases = [r[0] for r in memory.query("SELECT alias FROM aliases WHERE person = ? ORDER BY alias", (pid,))]
    mentions = memory.query("SELECT count(*) FROM mentions WHERE person = ?", (pid,))[0][0]
    with memory.lock:
        facts = Stated(memory.conn)
    rows = facts.relations([dict(r) for r in memory.query(
        "SELECT relation, subject, object, passage, coalesce(confidence, 1.0) AS confidence FROM relations"
        " WHERE subject = ? OR object = ? ORDER BY entry, start", (pid, pid))], {pid})
    others = {r["subject"] if r["object"] == pid else r["object"] for r in rows}
    who = {r["id"]: (r["name"], bool(r["owner"])) for r in memory.query(
        f"SELECT id, name, owner FROM people WHERE id IN ({','.join('?' * len(others))})", sorted(others))} if others else {}
    relations = {}
    for r in rows:
        mine = r["subject"] == pid
        key = (r["relation"], r["object"] if mine else r["subject"], mine)
        if key[1] not in who:
            continue
        got = relations.setdefault(key, {"evidence": [], "said": None, "sure": 0.0})
        got["evidence"].append(r["passage"])
        got["said"] = got["said"] or r["said"]
        # how sure the surest reading is: a relation is a fact only above FACT, or when the owner said it
        read = 1.0 if r.get("said") or r.get("confidence") is None else r["confidence"]
        got["sure"] = max(got["sure"], read)
    # "mother of Eleanor" and "Eleanor is her daughter" are one tie told both ways: said once.
    for rel, other, mine in [k for k in relations if not k[2]]:
        told = next((k for k in relations if k[1] == other and k[2] and same_tie((pid, k[0], other), (other, rel, pid))), None)
        if told:
            gone = relations.pop((rel, other, mine))
            relations[told]["evidence"] += gone["evidence"]
            relations[told]["said"] = relations[told]["said"] or gone["said"]
            relations[told]["sure"] = max(relations[told]["sure"], gone["sure"])
    cues = []
    for c in memory.query("SELECT cue, weight, valence, emotions FROM person_cues WHERE person = ? ORDER BY weight DESC, cue LIMIT ?", (pid, limit)):
        evidence = [r[0] for r in memory.query("SELECT passage FROM cues WHERE person = ? AND cue = ? GROUP BY passage"
                                               " ORDER BY max(closeness) DESC, passage LIMIT 3", (pid, c["cue"]))]
        cues.append({"cue": c["cue"], "weight": c["weight"], "valence": c["valence"],
                     "emotions": json.loads(c["emotions"]) if c["emotions"] else None,
                     "evidence": _passages(memory, evidence)})
    events = []
    for e in memory.query(
            f"SELECT ev.id, ev.kind, {EVENT_TEXT} AS text, ev.lo, ev.hi, en.at, ev.negated, ep.agent, ev.passage,"
            " coalesce(ev.confidence, 1.0) AS confidence"
            " FROM events ev JOIN event_people ep ON ep.event = ev.id JOIN entries en ON en.id = ev.entry"
            " LEFT JOIN passages pa ON pa.id = ev.passage WHERE ep.person = ? ORDER BY coalesce(ev.lo, en.at), ev.entry, ev.start", (pid,)):
        shown = facts.event(e["id"], pid, e["kind"], e["lo"], e["hi"])
        if shown is None:
            continue
        lo, hi, said = shown
        events.append({"id": e["id"], "kind": e["kind"], "text": e["text"], "at": lo or e["at"],
                       "when": said_when(lo, hi, e["at"])[0], "negated": bool(e["negated"]), "agent": bool(e["agent"]),
                       "passage": e["passage"], "said": said, "confidence": round(e["confidence"], 3),
                       "perhaps": not said and perhaps(e["kind"], e["confidence"])})
    for (p, kind), g in facts.given.items():
        if p == pid:
            events.append({"id": None, "kind": kind, "text": "", "at": g["lo"], "when": g["when"], "negated": False,
                           "agent": False, "passage": None, "said": g["said"], "confidence": 1.0, "perhaps": False})
    events.sort(key=lambda e: e["at"] or "")  # stable: events of one day stay in the order they were written
    feel = memory.query(
        "SELECT f.valence, f.emotions FROM feelings f WHERE f.passage IN (SELECT passage FROM mentions WHERE person = ?)", (pid,))
    emotions = defaultdict(float)
    for f in feel:
        for k, v in json.loads(f["emotions"]).items():
            emotions[k] += v / len(feel)
    feelings = {"passages": len(feel),
                "valence": round(sum(f["valence"] for f in feel) / len(feel), 4) if feel else None,
                "emotions": {k: round(v, 4) for k, v in sorted(emotions.items(), key=lambda kv: -kv[1])}}
    passage_ids = [r[0] for r in memory.query(  # by when they were written (an entry re-dated moves), as the timeline
        "SELECT m.passage FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ? GROUP BY m.passage"
        " ORDER BY min(e.at), min(m.entry), min(m.start)", (pid,))]
    about = facts_of(memory, pid, limit=max(limit, 40))
    return {
        "id": pid,
        "name": row["name"],
        "kind": row["kind"],
        "gender": row["gender"],
        "owner": bool(row["owner"]),
        "aliases": aliases,
        "mentions": mentions,
        "about": about,
        "relations": [{"relation": rel, "other": who[other][0], "other_owner": who[other][1], "is": mine,
                       "group": group(rel), "evidence": _passages(memory, v["evidence"], 3), "said": v["said"],
                       "confidence": round(v["sure"], 3), "perhaps": v["sure"] < FACT}
                      for (rel, other, mine), v in relations.items()],
        "cues": cues,
        "events": events,
        "feelings": feelings,
        "passages": _passages(memory, passage_ids, limit),
        "strength": _strength(memory, pid, now),
        "said": corrections(memory, row["name"], undone=False),
    }
