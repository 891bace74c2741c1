"""Export and import: the whole store as JSONL, with nothing lost; or as Markdown, to read.

A JSONL export holds one line an entry, oldest first: {"id", "text", "at", "added", "author", "source", "kind",
"passages" (their ids), "turns" (a chat), "meta", "deleted" (in the trash since), "versions": [{"text", "at",
"turns", "replaced"}]}; then the owner's own records, one line a row, every column of it: {"table", "row"}
for `corrections`, `hidden`, `recalls`, `cards` and `reviews`. What is derived (people, cues, vectors ...)
is not exported: it is derived again.

Imported into a new store an export keeps every id, so the new store's export is the same file byte for
byte. Into a store that has entries already, entries are kept once (a text it holds, or held as an earlier
version, is not stored again), new ones get new ids, and the records that name a passage ("passage:12")
follow it to its new id (a record naming a passage the file does not hold is left out). An older export
(no ids, no records) imports as it always did, now with each entry's `added`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from .errors import BadFormat, NotEmpty, StoreError, UnknownFormat
from .people import apply_corrections
from . import store
from .store import _entry_dict, next_ids

RECORDS = ("corrections", "hidden", "recalls", "cards", "reviews")  # the owner's own tables, carried whole
ITEMS = ("hidden", "recalls", "cards", "reviews")  # records whose `item` may name a passage by id
ORDER = {"cards": "item"}  # by id, else this


# -- export -----------------------------------------------------------------------------------------
def export(memory, fmt: str = "jsonl"):
    if fmt not in ("jsonl", "markdown"):
        raise UnknownFormat(f"Unknown export format {fmt!r}: use jsonl or markdown")
    with memory.lock:
        conn = memory.conn
        for row in store.entries_in_order(conn):
            entry = _entry_dict(row)
            if fmt == "markdown":
                if entry["deleted"]:
                    continue  # in the trash: not for reading
                head = " · ".join(x for x in (entry["at"], entry["author"], entry["source"]) if x)
                yield f"## {head or 'undated'}\n\n{entry['text']}\n\n"
                continue
            yield json.dumps(_entry_line(conn, entry), ensure_ascii=False) + "\n"
        if fmt == "jsonl":
            for table in RECORDS:
                for r in store.whole_table(conn, table, ORDER.get(table, 'id')):
                    yield json.dumps({"table": table, "row": dict(r)}, ensure_ascii=False) + "\n"


def _entry_line(conn, entry) -> dict:
    obj = {k: entry[k] for k in ("id", "text", "at", "added", "author", "source", "kind")}
    layout = store.entry_layout(conn, entry["id"], trashed=bool(entry["deleted"]))
    obj["passages"] = [p["id"] for p in layout]
    if entry["kind"] == "chat":
        obj["turns"] = [{"speaker": p["speaker"], "text": entry["text"][p["start"]:p["end"]], "ref": p["ref"]} for p in layout]
    if entry["meta"]:
        obj["meta"] = entry["meta"]
    if entry["deleted"]:
        obj["deleted"] = entry["deleted"]
    versions = []
    for v in store.entry_versions(conn, entry["id"]):
        version = {"text": v["text"], "at": v["at"]}
        if entry["kind"] == "chat":
            version["turns"] = json.loads(v["turns"]) if v["turns"] else []
        version["replaced"] = v["replaced"]
        versions.append(version)
    if versions:
        obj["versions"] = versions
    return obj


# -- import -----------------------------------------------------------------------------------------
@dataclass
class Plan:
    """How an import gives ids: its own (`keep`, into a new store), else new ones; new ones go past the floors."""
    keep: bool = False
    entry_floor: int = 0
    passage_floor: int = 0


def plan(memory, entries) -> Plan:
    ids = [e.id for e in entries if e.id is not None]
    passages = [i for e in entries for i in (e.passage_ids or ())]
    if not ids and not passages:
        return Plan()
    with memory.lock:
        new_store = next_ids(memory.conn) == (1, 1)
    if not new_store or len(set(ids)) != len(ids) or len(set(passages)) != len(passages):
        return Plan()
    return Plan(True, max(ids, default=0), max(passages, default=0))


def check_records(memory, records):
    """Every record names one of the owner's tables and only its columns, with plain values; else BadFormat
    naming the line, before anything is stored."""
    with memory.lock:
        columns = {t: store.table_columns(memory.conn, t) for t in RECORDS}
    for where, table, row in records:
        if table not in columns:
            raise BadFormat(f"{where}: {table!r} is not a table an export carries ({', '.join(RECORDS)})",
                            "Fix or remove that line; nothing was stored.")
        names = {c["name"] for c in columns[table]}
        unknown = sorted(set(row) - names)
        if unknown:
            raise BadFormat(f"{where}: {table} has no column {unknown[0]!r} here",
                            "The file may come from a newer remembrancer: upgrade this one; nothing was stored.")
        missing = [c["name"] for c in columns[table] if c["notnull"] and c["dflt_value"] is None and not c["pk"]
                   and row.get(c["name"]) is None]
        if missing:
            raise BadFormat(f"{where}: a {table} row needs {missing[0]!r}", "Fix or remove that line; nothing was stored.")
        bad = [k for k, v in row.items() if v is not None and not isinstance(v, (str, int, float)) or isinstance(v, bool)]
        if bad:
            raise BadFormat(f"{where}: {table}.{bad[0]} must be text or a number", "Fix or remove that line; nothing was stored.")


def store_records(memory, records, plan: Plan, entries, results):
    """Store the owner's records after the entries they speak of, each row once (a row already there, id
    aside, is not stored again; a card is kept as most recently updated)."""
    moved = None if plan.keep else _passage_moves(memory, entries, results)
    added = set()
    with memory.transaction() as conn:
        columns = {t: [c["name"] for c in store.table_columns(conn, t)] for t in RECORDS}
        there = {}
        for where, table, row in records:
            row = dict(row)
            if moved is not None and table in ITEMS and str(row.get("item", "")).startswith("passage:"):
                old = str(row["item"])[len("passage:"):]
                if not old.isdigit() or int(old) not in moved:
                    continue  # a passage this file does not hold: it would name another one here
                row["item"] = f"passage:{moved[int(old)]}"
            if table == "cards":
                names = [c for c in columns[table] if c in row]
                store.keep_newer_card(conn, row, names)
                continue
            if table not in there:
                there[table] = store.record_keys(conn, table, [c for c in columns[table] if c != "id"])
            key = tuple(row.get(c) for c in columns[table] if c != "id")
            if key in there[table]:
                continue
            if not plan.keep or store.has_row(conn, table, row.get("id")):
                row.pop("id", None)
            names = [c for c in columns[table] if c in row]
            store.insert_row(conn, table, row, names)
            added.add(table)
        if "corrections" in added and store.has_people(conn):
            from .extract import person_cues

            apply_corrections(conn)  # the owner's corrections hold for what is read already, too
            person_cues(conn)


def _passage_moves(memory, entries, results) -> dict[int, int]:
    """The file's passage ids -> this store's, for entries that name their passages' ids."""
    out = {}
    for entry, result in zip(entries, results):
        if not entry.passage_ids:
            continue
        with memory.lock, memory.errors():
            now = store.entry_passage_ids(memory.conn, result["entry"])
        if len(now) == len(entry.passage_ids) and "version" not in result:
            out.update(zip(entry.passage_ids, now))
    return out


# -- copy -------------------------------------------------------------------------------------------
# Every table of a store, in an order that keeps each row's references to rows already copied. A table a
# migration adds must be named here (tests/test_workers.py checks), or a copy would leave it behind.
TABLES = ("entries", "passages", "versions", "trashed_passages", "chats", "messages", "import_sources", "processed",
          "failures", "settings", "embeddings", "embeddings_gone", "passage_symbols", "people", "aliases", "mentions",
          "relations", "household_signs", "cues", "person_cues", "events", "event_people", "times", "feelings", "person_facts",
          "corrections", "recalls", "cards", "reviews", "hidden")
NOT_COPIED = {"migrations", "sqlite_sequence", "passages_fts", "passages_fts_config", "passages_fts_data",
              "passages_fts_docsize", "passages_fts_idx",
              "fts_stats", "fts_terms", "fts_delta", "fts_postings"}  # each store's own: its schema, its search index (PostgreSQL's BM25 too)
LOCAL_SETTINGS = ("embed.usearch",)  # settings naming a file beside an SQLite store (its vector graph)
COPY_ROWS = 2_000  # rows read and written at a time


def copy(src, dst) -> dict:
    """Everything in `src` into the empty store `dst`, in one transaction of `dst`: entries and their versions,
    the trash, the owner's corrections and records, what was understood (people, cues, events ...) and the
    vectors, with every id kept, so `dst` answers and exports as `src` does and nothing is derived again.
    {table: rows copied}. A store with anything in it is refused (`NotEmpty`), and left as it was."""
    tables = src.tables()
    unknown = sorted(set(tables) - set(TABLES) - NOT_COPIED)
    if unknown:
        raise StoreError(f"This remembrancer does not know how to copy the table {unknown[0]!r}",
                         "Copy with the remembrancer that made the store (pip install -U remembrancer).")
    counts = {}
    with src.snapshot(), dst.transaction() as out:
        held = {t: store.table_count(out, t) for t in TABLES}
        if any(held.values()):
            raise NotEmpty(f"{getattr(dst.path, 'shown', dst.path)} is not empty (it holds "
                           + ", ".join(f"{n} {t}" for t, n in held.items() if n)[:200] + ")")
        vector = getattr(dst, "vector_value", None) or (lambda v: v.tobytes())
        for table in (t for t in TABLES if t in tables):
            names = [c["name"] for c in store.table_columns(src.conn, table)]
            there = {c["name"] for c in store.table_columns(out, table)}
            if set(names) - there:
                raise StoreError(f"The copy's table {table} has no column {sorted(set(names) - there)[0]!r}",
                                 "Open both stores with the same remembrancer and try again; nothing was copied.")
            counts[table] = 0
            for rows in store.stream_table(src, table, names, LOCAL_SETTINGS if table == "settings" else (), COPY_ROWS):
                rows = [tuple(r) for r in rows]
                if table == "embeddings":
                    k = names.index("vector")
                    rows = [r[:k] + (vector(_floats(r[k])),) + r[k + 1:] for r in rows]
                store.insert_rows(out, table, names, rows)
                if table == "passages":
                    k = [names.index(c) for c in ("id", "text", "speaker")]
                    store.index_for_search(out, [(r[k[0]], r[k[1]], r[k[2]]) for r in rows])
                counts[table] += len(rows)
        dst.copied(out)
    return counts


def _floats(value):
    import numpy as np

    if isinstance(value, (bytes, bytearray, memoryview)):
        return np.frombuffer(bytes(value), dtype=np.float32)
    return np.asarray(value, dtype=np.float32)
