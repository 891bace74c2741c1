"""Entries are the owner's to change: edit, re-date, put in the trash, restore, erase for good.

Nothing the owner wrote is lost by a change: the entry as it was (its text, a chat's turns, its date) is kept
as a version in `versions`, and the entry shows the latest. What was derived from the entry (its passages,
their search rows and vectors, the people, times and feelings read in it) is taken away in the change's own
transaction and derived again, as for a new entry.

An entry in the trash keeps its text and versions; its passages are set aside (`trashed_passages`), out of
the search index and every derived table, so search, ask, recall, people, the timeline, fading and review
leave it out; `restore` puts them back. `purge` erases an entry, its versions and all derived from it, merges
the search index and rewrites the file, so that no row, index segment or free page keeps its words.
"""
from __future__ import annotations

import json

from . import capture, dates
from .errors import BadInput, NotFound
from .importers.markdown import moved_links
from . import store
from .store import TOPS, _entry_dict, _sqlite_errors, content_hash, index_passages, next_ids

CHANGED = "entries.changed"  # bumped by every change to an entry: caches of speakers and vectors read it


def _id(entry_id) -> int:
    if isinstance(entry_id, bool) or not isinstance(entry_id, int) or not 0 < entry_id < 2 ** 63:
        raise BadInput(f"Not an entry id: {entry_id!r}", "Give an entry's number, as search and `remembrancer trash` show it.")
    return entry_id


def no_entry(entry_id) -> NotFound:
    return NotFound(f"No entry {entry_id}",
                    "Entry numbers are shown by `remembrancer search` and `remembrancer trash`; an erased entry is gone for good.")


def _row(conn, entry_id):
    row = store.entry_row(conn, _id(entry_id))
    if row is None:
        raise no_entry(entry_id)
    return row


def _read(memory, entry_id):
    """The entry's row, read outside a transaction."""
    entry_id = _id(entry_id)
    with memory.lock, memory.errors():
        row = store.entry_row(memory.conn, entry_id)
    if row is None:
        raise no_entry(entry_id)
    return row


def _turns_of(text, layout) -> list[dict]:
    return [{"speaker": p["speaker"], "text": text[p["start"]:p["end"]], "ref": p["ref"]} for p in layout]


def _bump(conn):
    store.bump_setting(conn, CHANGED)


# -- reading ------------------------------------------------------------------------------------------
def entry(memory, entry_id) -> dict:
    with memory.lock, memory.errors():
        row = _row(memory.conn, entry_id)
        out = _entry_dict(row)
        table = "trashed_passages" if row["deleted"] else "passages"
        out["passages"] = [
            {"passage": p["id"], "seq": p["seq"], "speaker": p["speaker"], "ref": p["ref"], "start": p["start"],
             "end": p["end"], "text": row["text"][p["start"]:p["end"]]}
            for p in store.passage_layout(memory.conn, row["id"], table)
        ]
        out["versions"] = store.version_count(memory.conn, row["id"])
        out["people"] = store.names_in_entry(memory.conn, row["id"])
    return out


def history(memory, entry_id) -> list[dict]:
    """Oldest first: {"version", "text", "at", "from", "until", "current", "changed"} (+ "turns" for a chat);
    `changed` says what differs from the version before ("text", "date")."""
    with memory.lock, memory.errors():
        row = _row(memory.conn, entry_id)
        versions = store.all_versions(memory.conn, row["id"])
        layout = store.passage_layout(memory.conn, row["id"], "trashed_passages" if row["deleted"] else "passages")
    out, made = [], row["added"]
    states = [(v["number"], v["text"], v["at"], json.loads(v["turns"]) if v["turns"] else None, v["replaced"]) for v in versions]
    states.append((len(versions) + 1, row["text"], row["at"], _turns_of(row["text"], layout) if row["kind"] == "chat" else None, None))
    before = None
    for number, text, at, turns, replaced in states:
        item = {"version": number, "text": text, "at": at, "from": made, "until": replaced, "current": replaced is None,
                "changed": [] if before is None else [w for w, differs in (("text", text != before[0]), ("date", at != before[1])) if differs]}
        if row["kind"] == "chat":
            item["turns"] = turns
        out.append(item)
        before, made = (text, at), replaced
    return out


def trash(memory) -> list[dict]:
    rows = store.trashed_entries(memory)
    # `preview`: its words from the first passage on (front matter and a date line say only when)
    return [{"entry": r["id"], "deleted": r["deleted"], "at": r["at"], "added": r["added"], "kind": r["kind"],
             "author": r["author"], "source": r["source"], "words": r["words"], "versions": r["versions"], "text": r["text"],
             "preview": r["text"][r["body"] or 0:]}
            for r in rows]


# -- what was derived from an entry --------------------------------------------------------------------
def _forget_extracted(conn, entry_id):
    """The people, times, feelings ... read in the entry, if it was read (no model is loaded otherwise)."""
    if store.was_extracted(conn, entry_id):
        from . import extract

        extract.forget(conn, [entry_id])


def _put_passages(conn, entry_id, text, layout):
    """Passages (and their search rows) for an entry, from (id, seq, start, end, speaker, ref) rows."""
    index_passages(conn, [(p[0], entry_id, p[1], p[2], p[3], p[4], p[5], text[p[2]:p[3]]) for p in layout])


ITEM_TABLES = ("recalls", "reviews", "cards", "hidden")  # the owner's records that name passages by id


def _move_items(conn, old, new):
    """A passage that comes through an edit word for word keeps its review history: its item key moves to
    its new id ("passage:12" -> "passage:31")."""
    free = {}
    for p in old:
        free.setdefault((p["text"], p["speaker"], p["ref"]), []).append(p["id"])
    moves = []
    for pid, text, speaker, ref in new:
        same = free.get((text, speaker, ref))
        if same:
            moves.append((f"passage:{pid}", f"passage:{same.pop(0)}"))
    store.move_items(conn, ITEM_TABLES, moves)


# -- changing ------------------------------------------------------------------------------------------
def _as_turns(turns) -> list[capture.Turn]:
    """Turns as `add_chat` takes them: (speaker, text) or (speaker, text, ref), or {"speaker", "text", "ref"}."""
    if isinstance(turns, (str, bytes, dict)) or not hasattr(turns, "__iter__"):
        raise BadInput("Turns must be a list of (speaker, text, ref) or {\"speaker\", \"text\", \"ref\"}",
                       "Give the chat's turns as `add_chat` takes them; nothing was changed.")
    out = []
    for n, t in enumerate(turns, 1):
        if isinstance(t, capture.Turn):
            turn = t
        elif isinstance(t, dict) and isinstance(t.get("text"), str):
            turn = capture.Turn(t.get("speaker"), t["text"], t.get("ref"))
        elif isinstance(t, (list, tuple)) and len(t) in (2, 3) and isinstance(t[1], str):
            turn = capture.Turn(*t)
        else:
            raise BadInput(f"Turn {n} is not (speaker, text, ref) with a text", "Give each turn a text; nothing was changed.")
        if not all(x is None or isinstance(x, str) for x in (turn.speaker, turn.ref)):
            raise BadInput(f"Turn {n}: a speaker and a ref are text (or none)", "Nothing was changed.")
        out.append(turn)
    return out


def change(memory, entry_id, *, text=None, turns=None, at=None) -> dict:
    """Edit an entry's text (a chat's turns) and/or its date, keeping it as it was as a version.
    Returns {"entry", "changed", "version" (the number of the version it is now), "passages", "words", "at"}."""
    entry_id = _id(entry_id)
    if text is None and turns is None and at is None:
        raise BadInput("Nothing to change", "Give the new text (a chat: its turns) or a date.")
    if at is not None and not isinstance(at, str):
        raise BadInput(f"A date is text, not {type(at).__name__}", "Write dates like 2023-05-08 or '8 May 2023 13:56'.")
    if text is not None and not isinstance(text, str):
        raise BadInput(f"Expected text, got {type(text).__name__}", "Give the entry's new text; nothing was changed.")
    with memory.transaction() as conn:
        row = _row(conn, entry_id)
        if row["deleted"]:
            raise BadInput(f"Entry {entry_id} is in the trash", f"Restore it first: `remembrancer entry restore {entry_id}`.")
        layout = store.passage_layout(conn, entry_id)
        new = _changed(row, layout, text, turns, dates.parse(at) if at is not None else row["at"])
        new_layout = [(s, e, sp, ref) for s, e, sp, ref in new.passages]
        text_changed = new.text != row["text"] or new_layout != [(p["start"], p["end"], p["speaker"], p["ref"]) for p in layout]
        versions = store.version_count(conn, entry_id)
        if not text_changed and new.at == row["at"]:
            return {"entry": entry_id, "changed": False, "version": versions + 1, "passages": len(layout),
                    "words": row["words"], "at": row["at"]}
        digest = content_hash(new)
        other = store.entry_with_hash(conn, digest, entry_id)
        if other:
            where = " (in the trash)" if other["deleted"] else ""
            raise BadInput(f"Entry {other['id']}{where} holds that text already",
                           "Change the words, or delete one of the two; nothing was changed.")
        old_turns = json.dumps(_turns_of(row["text"], layout), ensure_ascii=False) if row["kind"] == "chat" else None
        store.add_version(conn, entry_id, versions + 1, row["text"], row["at"], old_turns, row["hash"], dates.now())
        _forget_extracted(conn, entry_id)  # a new date moves "yesterday" too: read again either way
        store.forget_rows_of_entry(conn, "failures", entry_id)  # and tried again, if it failed before
        if text_changed:
            old = [{"id": p["id"], "text": row["text"][p["start"]:p["end"]], "speaker": p["speaker"], "ref": p["ref"]} for p in layout]
            first = next_ids(conn)[1]  # before the old ones go: an id is never given twice
            store.drop_passages(conn, entry_id)
            fresh = [(first + i, i, s, e, sp, ref) for i, (s, e, sp, ref) in enumerate(new_layout)]
            _put_passages(conn, entry_id, new.text, fresh)
            _move_items(conn, old, [(p[0], new.text[p[2]:p[3]], p[4], p[5]) for p in fresh])
        store.rewrite_entry(conn, entry_id, new.text, new.at, digest, new.words,
                            json.dumps(new.meta, ensure_ascii=False) if new.meta else None)
        _bump(conn)
    if memory.derive:
        memory.process([entry_id])
    return {"entry": entry_id, "changed": True, "version": versions + 2, "passages": len(new_layout), "words": new.words,
            "at": new.at}


def _changed(row, layout, text, turns, at) -> capture.Entry:
    """The entry as it will be: the new text (a chat: turns) or the same, at the new date or the same."""
    entry_id = row["id"]
    if row["kind"] == "chat":
        if text is not None:
            raise BadInput(f"Entry {entry_id} is a chat: give its turns, not one text",
                           f"Give its turns as `add_chat` takes them (`remembrancer entry edit {entry_id} --turns FILE`);"
                           " nothing was changed.")
        meta = json.loads(row["meta"]) if row["meta"] else {}
        me = meta.pop("me", None)
        given = _as_turns(turns) if turns is not None else [capture.Turn(**t) for t in _turns_of(row["text"], layout)]
        me = me if any(t.speaker == me for t in given) else None  # the owner no longer speaks: no one is "me"
        return capture.chat_entry(given, at=at, author=row["author"], source=row["source"], meta=meta, me=me)
    if turns is not None:
        raise BadInput(f"Entry {entry_id} is a text, not a chat", "Give its new text; nothing was changed.")
    # What an import kept of it (tags, links to people ...) stays; how its date was found does not, once it is given.
    meta = json.loads(row["meta"]) if row["meta"] else {}
    if at != row["at"]:
        meta = {k: v for k, v in meta.items() if k not in ("dated", "year")}
    if meta.get("links") and text is not None and text != row["text"]:
        meta["links"] = moved_links(meta["links"], row["text"], text)
        if not meta["links"]:
            del meta["links"]
    return capture.text_entry(text if text is not None else row["text"], at=at, author=row["author"], source=row["source"],
                              meta=meta)


def delete(memory, entry_id) -> dict:
    """To the trash: {"entry", "deleted" (since when), "changed"}; an entry there already is left as it is."""
    row = _read(memory, entry_id)
    if row["deleted"]:
        return {"entry": row["id"], "deleted": row["deleted"], "changed": False}
    now = dates.now()
    with memory.transaction() as conn:
        row = _row(conn, entry_id)
        if row["deleted"]:
            return {"entry": row["id"], "deleted": row["deleted"], "changed": False}
        _forget_extracted(conn, row["id"])
        store.set_aside_passages(conn, row["id"])
        store.drop_passages(conn, row["id"])
        for table in ("processed", "failures"):
            store.forget_rows_of_entry(conn, table, row["id"])
        store.set_deleted(conn, row["id"], now)
        _bump(conn)
    return {"entry": row["id"], "deleted": now, "changed": True}


def restore(memory, entry_id) -> dict:
    """Back from the trash, whole, and read again: {"entry", "deleted": None, "changed"}."""
    row = _read(memory, entry_id)
    if row["deleted"]:
        with memory.transaction() as conn:
            row = _row(conn, entry_id)
            if row["deleted"]:
                layout = store.passage_layout(conn, row["id"], "trashed_passages")
                _put_passages(conn, row["id"], row["text"], [tuple(p) for p in layout])
                # `processed` too: every processor reads it again
                for table in ("trashed_passages", "processed", "failures"):
                    store.forget_rows_of_entry(conn, table, row["id"])
                store.set_deleted(conn, row["id"], None)
                _bump(conn)
        if memory.derive:
            memory.process([row["id"]])
        return {"entry": row["id"], "deleted": None, "changed": True}
    return {"entry": row["id"], "deleted": None, "changed": False}


PURGE_NOTE = "Backups and exports made before now still hold it."


def purge(memory, entry_id, confirm=False) -> dict:
    """Erase an entry, its versions and all derived from it, for good; only with `confirm=True`.
    Returns {"entry", "purged", "versions", "passages", "wiped", "note"}: `wiped` says the file was rewritten
    so that no free page keeps a copy (False when another program held the store: it is at the next purge)."""
    row = _read(memory, entry_id)
    with memory.lock, memory.errors():
        versions = store.version_count(memory.conn, row["id"])
    if confirm is not True:
        raise BadInput(f"Erasing entry {row['id']} and its {versions + 1} version{'s' if versions else ''} cannot be undone",
                       f"Say so: `remembrancer entry purge {row['id']} --yes` (confirm=True); or `remembrancer entry delete"
                       f" {row['id']}` puts it in the trash instead.")
    with memory.lock:
        secure = store.secure_delete(memory, True)  # what is deleted is overwritten, not only let go
        try:
            with memory.transaction() as conn:
                row = _row(conn, entry_id)
                eid = row["id"]
                layout = store.passage_layout(conn, eid)
                aside = store.passage_layout(conn, eid, "trashed_passages")
                _forget_extracted(conn, eid)
                store.drop_passages(conn, eid)
                for table in ("trashed_passages", "versions", "processed", "import_sources"):
                    store.forget_rows_of_entry(conn, table, eid)
                store.erase_entry_row(conn, eid)
                top = max([p["id"] for p in layout + aside], default=0)
                for key, value in zip(TOPS, (eid, top)):
                    store.raise_setting(conn, key, value)
                store.merge_search_index(conn)
                _bump(conn)
        finally:
            store.secure_delete(memory, secure)
        wiped = _wipe(memory)
    return {"entry": eid, "purged": True, "versions": versions + 1, "passages": len(layout) + len(aside), "wiped": wiped,
            "note": PURGE_NOTE}


def _wipe(memory) -> bool:
    """Rewrite the store without its free pages (which may hold copies of what was deleted before), in
    memory rather than in a temporary file, and empty the write-ahead log."""
    if memory.conn.in_transaction:
        return False
    try:
        with _sqlite_errors():
            return store.vacuum_in_memory(memory.conn)
    except Exception:  # noqa: BLE001 - another program is using the store; the entry is erased all the same
        return False
