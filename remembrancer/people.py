"""People queries and the owner's corrections: `people`, `person`, `merge`, `split`.

Corrections are stored by name in `corrections` and applied again after every extraction
(`extract._tidy`), so they survive `reindex`.
"""
from __future__ import annotations

import json
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
         "cousin": "cousin", "friend": "friend", "partner": "partner"}
_CONVERSE = {"parent": "child", "child": "parent", "grandparent": "grandchild", "grandchild": "grandparent",
             "pibling": "nibling", "nibling": "pibling"}  # the others are their own converse

# An event's words (events ev, entries en, passages pa), clipped to its passage: a sentence spaCy runs on
# from front matter or a date line keeps only its own words.
EVENT_TEXT = ("substr(en.text, max(ev.start, coalesce(pa.start, ev.start)) + 1,"
              " min(ev.end, coalesce(pa.end, ev.end)) - max(ev.start, coalesce(pa.start, ev.start)))")

PERSON_TABLES = (("mentions", "person"), ("cues", "person"), ("relations", "subject"), ("relations", "object"))


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
    """Move the mentions written as `alias` out of `person` into a person of their own."""
    rows = conn.execute(
        "SELECT m.id FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ?"
        " AND substr(e.text, m.start + 1, m.end - m.start) = ? COLLATE NOCASE",
        (person, alias),
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM mentions WHERE person = ?", (person,)).fetchone()[0]
    if not rows or len(rows) == total:
        return None
    gender = conn.execute("SELECT gender FROM people WHERE id = ?", (person,)).fetchone()[0]
    new = conn.execute("INSERT INTO people (name, gender) VALUES (?, ?)", (alias, gender)).lastrowid
    conn.executemany("UPDATE mentions SET person = ? WHERE id = ?", [(new, r[0]) for r in rows])
    conn.execute("UPDATE aliases SET person = ? WHERE person = ? AND alias = ? COLLATE NOCASE", (new, person, alias))
    conn.execute("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", (new, alias))
    if conn.execute("SELECT name = ? COLLATE NOCASE FROM people WHERE id = ?", (alias, person)).fetchone()[0]:
        other = conn.execute("SELECT alias FROM aliases WHERE person = ? ORDER BY length(alias) DESC", (person,)).fetchone()
        if other:
            conn.execute("UPDATE people SET name = ? WHERE id = ?", (other[0], person))
    return new


def apply_corrections(conn) -> set[int]:
    """Apply every stored correction, oldest first; each is idempotent. Returns the people merged
    (whose cues moved)."""
    merged = set()
    for kind, a, b in conn.execute("SELECT kind, a, b FROM corrections ORDER BY id").fetchall():
        pa = find(conn, a)
        if kind == "merge":
            pb = find(conn, b)
            if pa and pb and pa != pb:
                _merge(conn, pa, pb)
                merged |= {pa, pb}
        elif kind == "split" and pa:
            _split(conn, pa, b)
    return merged


def no_person(name: str) -> NotFound:
    return NotFound(f"No person called {name!r}", "See `remembrancer people` for the names known.")


def merge(memory, a: str, b: str) -> dict:
    """The owner says a and b are one person."""
    with memory.transaction() as conn:
        pa, pb = find(conn, a), find(conn, b)
        for name, pid in ((a, pa), (b, pb)):
            if pid is None:
                raise no_person(name)
        if pa != pb:
            conn.execute("INSERT INTO corrections (kind, a, b, at) VALUES ('merge', ?, ?, ?)", (a, b, dates.now()))
            _merge(conn, pa, pb)
            _recompute(conn)
    return person(memory, a)


def split(memory, name: str, alias: str) -> dict:
    """The owner says `alias` is not the person called `name`: it becomes a person of its own."""
    with memory.transaction() as conn:
        pid = find(conn, name)
        if pid is None:
            raise no_person(name)
        if not conn.execute("SELECT 1 FROM aliases WHERE person = ? AND alias = ? COLLATE NOCASE", (pid, alias)).fetchone():
            raise BadInput(f"{alias!r} is not a name of {name!r}", "Give one of the aliases shown by `remembrancer person NAME`.")
        own = conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]
        if own.lower() == alias.lower():  # it would leave the person nameless, and a second one of that name
            raise BadInput(f"{alias!r} is the name {name!r} is known by, not another name of theirs",
                           "Split off one of their other names (see their page).")
        new = _split(conn, pid, alias)
        if new is None:
            raise BadInput(f"{alias!r} is all there is of {name!r}", "Nothing to split: give another alias.")
        conn.execute("INSERT INTO corrections (kind, a, b, at) VALUES ('split', ?, ?, ?)", (name, alias, dates.now()))
        _recompute(conn)
    return {"person": person(memory, name) if find(memory.conn, name) else None, "split": person(memory, alias)}


def _recompute(conn):
    from .extract import person_cues

    person_cues(conn)


def people(memory) -> list[dict]:
    """Everyone mentioned, most mentioned first."""
    rows = memory.query(
        "SELECT p.id, p.name, count(m.id) AS mentions, min(e.at) AS first_at, max(e.at) AS last_at"
        " FROM people p JOIN mentions m ON m.person = p.id JOIN entries e ON e.id = m.entry"
        " GROUP BY p.id ORDER BY mentions DESC, p.name"
    )
    aliases = defaultdict(list)
    for r in memory.query("SELECT person, alias FROM aliases ORDER BY alias"):
        aliases[r[0]].append(r[1])
    return [{"id": r["id"], "name": r["name"], "aliases": aliases[r["id"]], "mentions": r["mentions"],
             "first_at": r["first_at"], "last_at": r["last_at"]} for r in rows]


def _passages(memory, ids, limit=None):
    ids = list(dict.fromkeys(i for i in ids if i is not None))
    return [{k: p[k] for k in ("passage", "entry", "text", "at", "speaker", "ref")} for p in memory.passages(ids[:limit])]


def _strength(memory, pid, now=None) -> dict:
    """Predicted chance of recall now and the next review (remembrancer/forgetting.py)."""
    from .forgetting import person_strength

    return person_strength(memory, pid, now)


def person(memory, name: str, limit: int = 20, now=None) -> dict:
    """One person's page: aliases, relations, cues, events, feelings, passages."""
    pid = find(memory.conn, name, partial=True)
    if pid is None:
        raise no_person(name)
    row = memory.query("SELECT id, name, gender, owner FROM people WHERE id = ?", (pid,))[0]
    aliases = [r[0] for r in memory.query("SELECT alias FROM aliases WHERE person = ? ORDER BY alias", (pid,))]
    mentions = memory.query("SELECT count(*) FROM mentions WHERE person = ?", (pid,))[0][0]
    relations = defaultdict(list)
    for r in memory.query(
        "SELECT r.relation, r.subject, r.object, r.passage, s.name AS sname, o.name AS oname FROM relations r"
        " JOIN people s ON s.id = r.subject JOIN people o ON o.id = r.object"
        " WHERE r.subject = ? OR r.object = ? ORDER BY r.entry, r.start", (pid, pid)
    ):
        mine = r["subject"] == pid
        relations[(r["relation"], r["oname"] if mine else r["sname"], mine)].append(r["passage"])
    # "mother of Eleanor" and "Eleanor is her daughter" are one tie told both ways: said once.
    for rel, other, mine in [k for k in relations if not k[2]]:
        said = next((k for k in relations if k[1] == other and k[2] and _KIND.get(k[0]) and
                     _CONVERSE.get(_KIND[k[0]], _KIND[k[0]]) == _KIND.get(rel)), None)
        if said:
            relations[said] += relations.pop((rel, other, mine))
    cues = []
    for c in memory.query("SELECT cue, weight, valence, emotions FROM person_cues WHERE person = ? ORDER BY weight DESC, cue LIMIT ?", (pid, limit)):
        evidence = [r[0] for r in memory.query("SELECT DISTINCT passage FROM cues WHERE person = ? AND cue = ? LIMIT 3", (pid, c["cue"]))]
        cues.append({"cue": c["cue"], "weight": c["weight"], "valence": c["valence"],
                     "emotions": json.loads(c["emotions"]) if c["emotions"] else None,
                     "evidence": _passages(memory, evidence)})
    events = [
        {"kind": e["kind"], "text": e["text"], "at": e["lo"] or e["at"], "negated": bool(e["negated"]),
         "agent": bool(e["agent"]), "passage": e["passage"]}
        for e in memory.query(
            f"SELECT ev.kind, {EVENT_TEXT} AS text, ev.lo, en.at, ev.negated, ep.agent, ev.passage"
            " FROM events ev JOIN event_people ep ON ep.event = ev.id JOIN entries en ON en.id = ev.entry"
            " LEFT JOIN passages pa ON pa.id = ev.passage"
            " WHERE ep.person = ? ORDER BY coalesce(ev.lo, en.at), ev.id", (pid,))
    ]
    feel = memory.query(
        "SELECT f.valence, f.emotions FROM feelings f WHERE f.passage IN (SELECT passage FROM mentions WHERE person = ?)", (pid,))
    emotions = defaultdict(float)
    for f in feel:
        for k, v in json.loads(f["emotions"]).items():
            emotions[k] += v / len(feel)
    feelings = {"passages": len(feel),
                "valence": round(sum(f["valence"] for f in feel) / len(feel), 4) if feel else None,
                "emotions": {k: round(v, 4) for k, v in sorted(emotions.items(), key=lambda kv: -kv[1])}}
    passage_ids = [r[0] for r in memory.query(
        "SELECT passage FROM mentions WHERE person = ? GROUP BY passage ORDER BY min(entry), min(start)", (pid,))]
    return {
        "id": pid,
        "name": row["name"],
        "gender": row["gender"],
        "owner": bool(row["owner"]),
        "aliases": aliases,
        "mentions": mentions,
        "relations": [{"relation": rel, "other": other, "is": mine, "evidence": _passages(memory, ev, 3)}
                      for (rel, other, mine), ev in relations.items()],
        "cues": cues,
        "events": events,
        "feelings": feelings,
        "passages": _passages(memory, passage_ids, limit),
        "strength": _strength(memory, pid, now),
    }
