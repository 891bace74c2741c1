"""The store: one SQLite file holding every entry exactly as given, its passages and what was derived from them."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib
import inspect
import json
import math
import os
import sqlite3
import sys
import threading
import time
import types
import typing
import urllib.parse
from collections import defaultdict
from pathlib import Path

from . import capture, dates, lexical, migrations
from .lexical import STOPWORDS, fts_query, fts_terms, symbols  # noqa: F401  (symbols for index_passages; the rest, names older code imports from here)
from .errors import (BadArgument, BadInput, EmptyInput, Interrupted, NeedsKey, NotFound, StoreCorrupt, StoreError,
                     StoreLocked, WrongKey)

# Derived-data processors, run in this order after entries are stored (see docs/architecture.md).
PROCESSORS: list[str] = ["remembrancer.extract", "remembrancer.embed"]

Moment = str | dt.date | None  # a date or date-time: ISO text, or a date or datetime
BATCH_WORDS = 50_000  # entries are committed in batches of about this many words
ISOLATE = 64  # after a processor fails on a run of entries, at most this many are tried one by one to find the one
REPORT_EVERY = 64  # entries understood between two reports of progress, when one process understands them
WEAK_DATES = ("file time", "today")  # an entry's meta["dated"] when nothing in it said when
TOKEN_SETTING = "server.token_sha256"  # settings key: the server's token, as its SHA-256 (never the token)
DATE_ORDER = "dates.order"  # settings key: {"day_first": bool, "from": "--day-first" | "locale en_GB"}
RETRIES = 3  # times one run takes again an entry that changed while a processor read it


@functools.cache
def code_version() -> str:
    """This remembrancer's code: its version and a digest of its source. An entry a processor failed on is
    tried again when this changes (an upgrade, a fix), not at every run."""
    from . import __version__

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def default_path() -> Path | str:
    """$REMEMBRANCER_DB (a file, or a postgresql:// URL), else memories.db in the user's data folder (XDG)."""
    if os.environ.get("REMEMBRANCER_DB"):
        if is_url(os.environ["REMEMBRANCER_DB"]):
            return os.environ["REMEMBRANCER_DB"]
        return Path(os.environ["REMEMBRANCER_DB"]).expanduser()
    return data_folder() / "memories.db"


def data_folder() -> Path:
    """The user's remembrancer folder (XDG): the default store's, and a PostgreSQL server's uploads' (server.py)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "remembrancer"


def is_url(path) -> bool:
    """A PostgreSQL database (remembrancer/postgres.py), not a file."""
    return isinstance(path, str) and path.startswith(("postgresql://", "postgres://"))


def content_hash(entry: capture.Entry) -> str:
    # A chat is its turns *and* when it took place; a text is its words alone.
    key = f"chat\0{entry.at or ''}\0{entry.text}" if entry.kind == "chat" else entry.text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _errors(name: str) -> tuple:
    """The exception class `name` of sqlite3 and, when an encrypted store was opened, of sqlcipher3."""
    return tuple(getattr(m, name) for m in (sqlite3, sys.modules.get("sqlcipher3.dbapi2")) if m is not None)


def index_passages(conn, rows):
    """Store passages, rows of (id, entry, seq, start, end, speaker, ref, text), with their search rows: the
    index's words and, beside it, their emoji and other symbols (which its tokenizer drops)."""
    conn.executemany("INSERT INTO passages (id, entry, seq, start, end, speaker, ref, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO passages_fts (rowid, text, speaker) VALUES (?, ?, ?)", [(r[0], r[7], r[5]) for r in rows])
    conn.executemany("INSERT OR IGNORE INTO passage_symbols (symbol, passage) VALUES (?, ?)",
                     [(sym, r[0]) for r in rows for sym in symbols(r[7])])


TOPS = ("store.entries_top", "store.passages_top")  # the highest ids ever given: an erased entry's are never given again


def next_ids(conn, plan=None) -> tuple[int, int]:
    """The next entry id and passage id to give: past every one in use, in the trash or erased (and, for an
    import keeping its ids, past those of the file)."""
    row = conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM entries), max((SELECT coalesce(max(id), 0) FROM passages),"
        " (SELECT coalesce(max(id), 0) FROM trashed_passages)),"
        " (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM settings WHERE key = ?),"
        " (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM settings WHERE key = ?)", TOPS).fetchone()
    floors = (plan.entry_floor, plan.passage_floor) if plan is not None else (0, 0)
    return max(row[0], row[2], floors[0]) + 1, max(row[1], row[3], floors[1]) + 1


def stored_as(conn, digest: str, versions: bool = True) -> dict | None:
    """Where a text (a chat: with its date) is kept already: {"entry"}, with "deleted" if that entry is in the
    trash, or {"entry", "version"} if it is an earlier version of an entry; None if it is not kept."""
    row = conn.execute("SELECT id, deleted FROM entries WHERE hash = ?", (digest,)).fetchone()
    if row:
        return {"entry": row[0], **({"deleted": row[1]} if row[1] else {})}
    if not versions:
        return None
    row = conn.execute("SELECT entry, number FROM versions WHERE hash = ? ORDER BY id DESC LIMIT 1", (digest,)).fetchone()
    return {"entry": row[0], "version": row[1]} if row else None


@contextlib.contextmanager
def _sqlite_errors():
    try:
        yield
    except _errors("OperationalError") as e:
        if "locked" in str(e) or "busy" in str(e):
            raise StoreLocked("The store is locked by another program") from None
        if "full" in str(e):
            raise StoreError(f"The store could not grow ({e})", "Free some disk space and try again; nothing was stored.") from None
        if "readonly" in str(e):
            raise StoreError("The store is read-only here", "Copy it to a folder you can write to; nothing was stored.") from None
        raise StoreError(f"The store could not be used: {e}") from None
    except _errors("ProgrammingError") + _errors("InterfaceError") as e:  # a value SQLite cannot take: not damage
        raise StoreError(f"A value could not be stored ({e})", "Nothing was stored; this is a bug in remembrancer.") from None
    except _errors("DatabaseError") as e:
        raise StoreCorrupt(f"Not a remembrancer store, or a damaged one ({e})") from None


SQLITE_HEADER = b"SQLite format 3\x00"


_HEADS: dict[tuple[int, int], int] = {}  # (device, inode) -> a descriptor kept open for reading a store's head


def is_encrypted(path) -> bool:
    """A file that is there and starts with what looks random, not as every plain SQLite file does (nor as
    text does: SQLCipher's first 16 bytes are its salt).

    The head is read through a descriptor this process keeps open for good: closing any descriptor of a file
    drops every POSIX lock the process holds on it, SQLite's included, and another process would then take
    the store for unused and delete its WAL under the open connections (a disk I/O error)."""
    try:
        st = os.stat(path)
        key = (st.st_dev, st.st_ino)
        if key not in _HEADS:
            _HEADS[key] = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        head = os.pread(_HEADS[key], 16, 0)
    except OSError:
        return False
    text = all(32 <= b < 127 or b in (9, 10, 13) for b in head)
    return len(head) == 16 and head != SQLITE_HEADER and not text and len(set(head)) > 8


def read_key_file(path) -> str:
    """The key in a key file: its text, less the line end after it."""
    path = Path(path).expanduser()
    try:
        key = path.read_bytes().decode("utf-8").rstrip("\r\n")
    except FileNotFoundError:
        raise NotFound(f"No key file at {path}", "Check --key-file or $REMEMBRANCER_KEY_FILE.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"The key file {path} cannot be read as text ({e})", "Give a file holding the key as text.") from None
    if not key:
        raise EmptyInput(f"The key file {path} is empty", "Write the key into it (one line).")
    return key


def _cipher():
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise StoreError("Encrypted stores need the sqlcipher3 package",
                         "Install it: pip install 'remembrancer[encryption]'.") from None
    return dbapi2


def _keyed(conn, key: str):
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    conn.execute("PRAGMA temp_store = MEMORY")  # no sorting spilled to a plain temporary file


def private_file(path: Path):
    """Create an empty file only its owner can read, if there is none (SQLite gives its -wal and -shm files
    the mode of the store's file)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def private_folder(path: Path):
    """Make the folder and any missing above it, each only its owner can enter."""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)


def _tighten(path: Path):
    """A store file others could read (made by an older remembrancer): its owner's alone from now on."""
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-lock")):
        with contextlib.suppress(OSError):
            mode = f.stat().st_mode & 0o777
            if mode & 0o077:
                os.chmod(f, mode & 0o700)


class Memory:
    """A person's written memory in one SQLite file.

    >>> memory = Memory("memories.db")
    >>> memory.add("Coffee with Ianto at the Hub.", at="2009-05-01")
    >>> memory.search("coffee")
    """

    def __new__(cls, path=None, *args, **kwargs):
        if cls is Memory and is_url(str(path) if path is not None else str(default_path())):
            from .postgres import PgMemory

            cls = PgMemory
        return super().__new__(cls)

    def __init__(self, path: str | os.PathLike | None = None, *, memory: str | None = None, derive: bool = True,
                 timeout: float = 5.0, create: bool = True, key: str | None = None):
        """`create=False`: a store that is not there is an error, not a new empty one. A store on a disk
        that cannot be written (a backup on a read-only stick) opens read-only. `key`: the store is encrypted
        with it (SQLCipher), or made so when new; default: the key in $REMEMBRANCER_KEY_FILE, if set. A store
        and its folder, made here, are their owner's alone (0600, 0700). A postgresql:// URL opens a memory in
        that database (`memory`: its name; remembrancer/postgres.py)."""
        if memory is not None:
            raise BadInput("An SQLite store holds one memory", "Give each memory its own file (--db), or use a postgresql:// URL.")
        self.path = Path(path) if path is not None else default_path()
        if key is None and os.environ.get("REMEMBRANCER_KEY_FILE"):
            key = read_key_file(os.environ["REMEMBRANCER_KEY_FILE"])
        if key is not None and (not isinstance(key, str) or not key):
            raise BadArgument("The key must be a non-empty string")
        self.key = key
        self._begin(derive)
        memory = str(self.path) == ":memory:"
        if not memory and not self.path.exists():
            if not create:
                raise NotFound(f"No store at {self.path}",
                               "Check --db or $REMEMBRANCER_DB; `remembrancer add` or `import` starts a new store.")
            private_folder(self.path.parent)
            private_file(self.path)
        if not memory and is_encrypted(self.path) and key is None:
            raise NeedsKey(f"{self.path} is encrypted, or it is not a remembrancer store")
        if not memory and key is not None and self.path.stat().st_size and not is_encrypted(self.path):
            raise StoreError(f"{self.path} is not encrypted, and a key was given",
                             "Open it without a key, or encrypt it first: `remembrancer encrypt`.")
        # WAL needs to write beside the file, so a store on a read-only disk is opened as immutable.
        self.readonly = (not memory and self.path.exists()
                         and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)))
        wal = Path(f"{self.path}-wal")
        if self.readonly and wal.exists() and wal.stat().st_size:
            raise StoreError(f"{self.path} is read-only here and has writes not yet folded in (its -wal file)",
                             f"Copy {self.path.name} and {wal.name} together to a folder you can write to, and open it there.")
        if not memory and not self.readonly:
            _tighten(self.path)
        db = _cipher() if key is not None else sqlite3
        with _sqlite_errors():
            if self.readonly:
                uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?immutable=1"
                self.conn = db.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.conn = db.connect(str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = db.Row
            if key is not None:
                _keyed(self.conn, key)
                try:
                    self.conn.execute("PRAGMA schema_version").fetchone()
                except _errors("DatabaseError"):
                    self.conn.close()
                    raise WrongKey(f"The key does not open {self.path}") from None
            self.conn.execute("PRAGMA schema_version").fetchone()  # fails here on a file that is not SQLite
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "migrations" not in tables:  # another program's database: leave it exactly as it is
                self.conn.close()
                raise StoreCorrupt(f"{self.path} is an SQLite file of some other program, not a remembrancer store",
                                   "Give a new file name with --db; nothing was changed.")
            if "migrations" in tables and (later := migrations.newer(self.conn)):  # an older remembrancer would write what the newer one cannot read
                self.conn.close()
                raise StoreError(f"{self.path} was made by a newer remembrancer (its schema has {later[-1]})",
                                 "Open it with that newer version (pip install -U remembrancer); nothing was changed.")
            if self.readonly:
                if migrations.pending(self.conn):
                    self.conn.close()
                    raise StoreError(f"{self.path} is read-only and was made by an older remembrancer",
                                     "Copy it to a folder you can write to, and open it there to upgrade it.")
                return
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrations.apply(self.conn)
        if derive:
            self.complete()

    def _begin(self, derive: bool):
        """The state every Memory starts with, whatever holds its store (SQLite here, PostgreSQL in postgres.py)."""
        self.derive = derive
        self.lock = threading.RLock()
        self._depth = 0
        self.failed_now: list[dict] = []  # failures recorded by this Memory (see `failures`)
        self.read_again: set[int] = set()  # entries extraction left to be read again on what the store now knows
        self.stopping = threading.Event()  # set from another thread: deriving stops at the next batch (Interrupted)

    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- transactions -------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self):
        """All or nothing: `with memory.transaction() as conn:`; nested uses join the outer one."""
        with self.lock, self.errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                self._open("write")
                yield self.conn
                self._close(commit=True)
            except BaseException:
                if self.conn.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
                    self._close(commit=False)
                raise
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def snapshot(self):
        """Reads inside see the store as it was at their first, whatever is written meanwhile."""
        with self.lock, self.errors():
            if self._depth or self.conn.in_transaction:
                yield
                return
            self._open("read")
            try:
                yield
            finally:
                if self.conn.in_transaction:
                    self._close(commit=False)

    # What each backend does its own way (postgres.PgMemory has its own).
    def errors(self):
        """A context in which the database's errors become the store's typed ones (errors.py)."""
        return _sqlite_errors()

    def _open(self, what: str):
        """Begin a transaction: "write" (the one writer of the store, at once) or "read" (a snapshot)."""
        self.conn.execute("BEGIN IMMEDIATE" if what == "write" else "BEGIN")

    def _close(self, commit: bool):
        self.conn.execute("COMMIT" if commit else "ROLLBACK")

    def query(self, sql, params=()) -> list[sqlite3.Row]:
        with self.lock, self.errors():
            return self.conn.execute(sql, params).fetchall()

    # -- capture --------------------------------------------------------------------------
    def add(self, text: str, *, at: str | None = None, author: str | None = None, source: str | None = None,
            day_first: bool | None = None) -> dict:
        """Remember a text; returns {"entry", "new", "passages", "words"}."""
        order = self.date_order(day_first)
        entry = capture.text_entry(text, at=dates.parse(at, order.day_first) if at else None, author=author,
                                   source=source, day_first=order.day_first)
        # kept as imports keep it (a flag; the locale once it read a date), so dates in the text read alike
        used = order.source == "flag" or at or entry.meta.get("dated") in ("text", "front matter")
        return self.add_entries([entry], order=order if used else None)["results"][0]

    def add_chat(self, turns: list | tuple, *, at: str | None = None, author: str | None = None, source: str | None = None,
                 me: str | None = None) -> dict:
        """Remember a conversation: turns are (speaker, text) or (speaker, text, ref) tuples; `me` names the
        speaker who is you."""
        turns = [capture.Turn(*t) if not isinstance(t, capture.Turn) else t for t in turns]
        entry = capture.chat_entry(turns, at=dates.parse(at) if at else None, author=author, source=source, me=me)
        return self.add_entries([entry])["results"][0]

    def add_messages(self, messages, *, me: str | None = None, at: str | None = None, source: str | None = None,
                     author: str | None = None) -> dict:
        """Remember a conversation as it happens: each message, {"speaker", "text", "at", "id"} (time and id if
        known), joins the day's chat (one chat a day and `source`), searchable at once and understood (people,
        relations, cues) after, as if the whole chat had been imported at the end. `me`: the speaker who is
        you; `at`: the time of messages that give none (default: now).

        A message sent again is stored once: one with an id, or a time, is the same as any in its chat with
        that id, or speaker, text and time; one with neither is the same as the messages its chat ends with,
        so a retried call, or the whole conversation so far sent again, adds only what is new.
        Returns {"stored", "duplicates", "entries", "passages", "seconds"}: the chats' entry ids and the new
        passages' ids."""
        started = time.perf_counter()
        given = capture.read_messages(messages, at=dates.parse(at) if at else None)
        for value, what in ((me, "me"), (source, "The source"), (author, "The author")):
            capture.check_unicode(value, what)
        out = {"stored": 0, "duplicates": 0, "entries": [], "passages": []}
        with self.transaction() as conn:
            day, group = None, []
            for message in given + [None]:  # runs of one day, in the order given
                if group and (message is None or message.when[:10] != day):
                    self._grow_chat(conn, day, group, me=me, source=source, author=author, out=out)
                    group = []
                if message is not None:
                    day = message.when[:10]
                    group.append(message)
        if self.derive and out["stored"]:
            self.process(out["entries"])
        out["seconds"] = round(time.perf_counter() - started, 3)
        return out

    def _grow_chat(self, conn, day, group, *, me, source, author, out):
        """Append one day's messages to its chat (made with the first of them), in the caller's transaction."""
        row = conn.execute("SELECT c.entry, c.me, e.text, e.at, e.meta FROM chats c JOIN entries e ON e.id = c.entry"
                           " WHERE c.day = ? AND c.source = ? AND e.deleted IS NULL ORDER BY c.entry DESC LIMIT 1",
                           (day, source or "")).fetchone()
        fresh = _new_messages(conn, row[0] if row else None, group)
        out["duplicates"] += len(group) - len(fresh)
        if not fresh:
            if row:
                out["entries"].append(row[0])
            return
        turns = [capture.Turn(m.speaker, m.text, m.id) for m in fresh]
        if row is None:
            owner = me if me is not None and any(m.speaker == me for m in fresh) else None
            entry = capture.chat_entry(turns, at=fresh[0].when, author=author, source=source, me=owner)
            [result] = self._store([entry])
            if not result["new"]:  # this very chat is stored already (imported whole)
                out["duplicates"] += len(fresh)
                out["entries"].append(result["entry"])
                return
            entry_id, seq = result["entry"], 0
            conn.execute("INSERT INTO chats (entry, day, source, me) VALUES (?, ?, ?, ?)", (entry_id, day, source or "", me))
        else:
            entry_id, old, when = row[0], row[2], row[3]
            meta = json.loads(row[4]) if row[4] else {}
            owner = me if me is not None else row[1]
            if me is not None and me != row[1]:
                conn.execute("UPDATE chats SET me = ? WHERE entry = ?", (me, entry_id))
            if owner is not None and "me" not in meta and (any(m.speaker == owner for m in fresh) or conn.execute(
                    "SELECT 1 FROM passages WHERE entry = ? AND speaker = ? LIMIT 1", (entry_id, owner)).fetchone()):
                meta["me"] = owner  # the owner is named, or speaks, at last: the chat is read again with them as "I"
            added = capture.chat_entry(turns)
            text = old + "\n" + added.text
            capture.check_text(text)
            grown = capture.Entry(text=text, at=when, kind="chat")
            digest = content_hash(grown)
            same = conn.execute("SELECT id FROM entries WHERE hash = ?", (digest,)).fetchone()
            if same:  # the chat as it now would be is stored already (imported whole)
                out["duplicates"] += len(fresh)
                out["entries"].append(same[0])
                return
            seq = conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM passages WHERE entry = ?", (entry_id,)).fetchone()[0]
            first = next_ids(conn)[1]  # past every passage id ever given (erased ones too)
            base = len(old) + 1
            rows = [(first + i, entry_id, seq + i, base + s, base + e, speaker, ref, added.text[s:e])
                    for i, (s, e, speaker, ref) in enumerate(added.passages)]
            index_passages(conn, rows)
            conn.execute("UPDATE entries SET text = ?, hash = ?, words = ?, meta = ? WHERE id = ?",
                         (text, digest, grown.words, json.dumps(meta, ensure_ascii=False) if meta else None, entry_id))
            # Understood again: extraction reads the whole entry again; embeddings only its new turns, unless the
            # entry waits for a newer version of them, whose row is kept so that everything is embedded again.
            from . import embed

            conn.execute("DELETE FROM processed WHERE entry = ? AND (processor != ? OR version = ?)",
                         (entry_id, embed.NAME, str(embed.VERSION)))
            conn.execute("DELETE FROM failures WHERE entry = ?", (entry_id,))  # grown: tried again
        conn.executemany("INSERT INTO messages (entry, seq, at, key, known) VALUES (?, ?, ?, ?, ?)",
                         [(entry_id, seq + i, m.at, m.key, int(m.known)) for i, m in enumerate(fresh)])
        ids = [r[0] for r in conn.execute("SELECT id FROM passages WHERE entry = ? AND seq >= ? ORDER BY seq", (entry_id, seq))]
        out["stored"] += len(fresh)
        out["passages"] += ids
        out["entries"].append(entry_id)

    def add_entries(self, entries: list[capture.Entry], progress=None, understood=None, report=None,
                    records=None, order: dates.Order | None = None) -> dict:
        """Store entries in batched transactions, then derive; every entry is whole or absent.
        `progress(n)` after each batch stored; `understood(processor, entries)` after each derivation;
        `report(stage, done, total, fraction=None)` as words are stored ("storing") and understood
        ("understanding"; `fraction`: of the work, which is not quite that of the words: a chat costs more).
        Imported items already stored are left out (see `fresh`); the result says how many were new.
        `records`: the owner's records an export carries, [(line, table, row)], stored after the entries
        (remembrancer/archive.py); they are checked before anything is stored. `order`: the day/month order
        the entries were read with, kept as the store's (`keep_date_order`) once they are stored and before
        they are understood, so numbers in their text are read by it."""
        from . import archive, pipeline

        started = time.perf_counter()
        failed_before = len(self.failed_now)
        records = list(records or [])
        if records:
            archive.check_records(self, records)
        entries, imported = self.fresh(entries)
        plan = archive.plan(self, entries)
        results = []
        batch: list[capture.Entry] = []
        total = sum(e.words for e in entries)
        stored = 0
        # Enough to understand in parallel: the workers load their models while the entries are stored.
        warmed = self.derive and pipeline.worth_chars(sum(len(e.text) for e in entries)) and pipeline.warm()

        def store(batch):
            nonlocal stored
            out = self._store(batch, progress, plan)
            stored += sum(e.words for e in batch)
            if report:
                report("storing", stored, total)
            return out

        words = 0
        try:
            try:
                for entry in entries:
                    batch.append(entry)
                    words += entry.words
                    if words >= BATCH_WORDS:
                        results += store(batch)
                        batch, words = [], 0
                if batch:
                    results += store(batch)
                if records:
                    archive.store_records(self, records, plan, entries, results)
                self.keep_date_order(order)
            except StoreError as e:
                raise self._partly(e, results, "stored; the rest were not") if any(r["new"] for r in results) else e
            if self.derive:  # the new entries, and any an earlier run left not understood (unless another is at it)
                try:
                    self.process(progress=understood, wait=False, report=report)
                except StoreError as e:
                    raise self._partly(e, results, "stored, but understanding them stopped") from None
        finally:
            if warmed:
                pipeline.finish()
        new = [r for r in results if r["new"]]
        out = {
            "results": results,
            "entries": len(new),
            "duplicates": len(results) - len(new),
            "passages": sum(r["passages"] for r in new),
            "words": sum(r["words"] for r in new),
            "seconds": round(time.perf_counter() - started, 3),
            "failed": self.failed_now[failed_before:],  # entries stored but not understood: see `failures`
        }
        if imported["items"]:
            out["items"] = imported
        weak = [r["dated"] for r in new if r.get("dated")]
        if weak:  # dated only by a file's time or the day it was added: nothing in them says when
            out["dated"] = {how: weak.count(how) for how in WEAK_DATES if how in weak}
        return out

    @staticmethod
    def _partly(error: StoreError, results, what: str) -> StoreError:
        """The error said truly when some entries were stored (it said "nothing was stored" after 200 were)."""
        new = sum(r["new"] for r in results)
        full = "could not grow" in str(error)
        return type(error)(
            f"{new} {'entry' if new == 1 else 'entries'} {what}: {error}",
            ("Free some disk space; " if full else "") + "what was stored is kept, and understood at the next command"
            " that opens the store (run the same command again: what is stored already is not stored twice).")

    def fresh(self, entries: list[capture.Entry]) -> tuple[list[capture.Entry], dict]:
        """The entries with what is already stored of them left out: an imported note or message whose key
        is stored with the same digest is gone; a chat day whose earlier messages are stored keeps only its
        new ones (a continuation, `meta["continues"]` naming the entries before); a note that changed is
        kept whole, as a new entry naming the one before (`meta["previous"]`).
        Also {"items", "new", "known", "changed", "continued"}."""
        keys = [k for e in entries for k, _ in e.items]
        known = {}
        with self.lock, self.errors():
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                known.update((r[0], (r[1], r[2])) for r in self.conn.execute(
                    f"SELECT key, entry, digest FROM import_sources WHERE key IN ({','.join('?' * len(part))})", part))
        counts = {"items": len(keys), "new": 0, "known": 0, "changed": 0, "continued": 0}
        out, seen = [], set()
        for entry in entries:
            if not entry.items:
                out.append(entry)
                continue
            if entry.kind == "chat" and entry.turns is not None:
                fresh = [i for i, (k, _) in enumerate(entry.items) if k not in known and k not in seen]
                counts["new"] += len(fresh)
                counts["known"] += len(entry.items) - len(fresh)
                seen.update(k for k, _ in entry.items)
                if len(fresh) == len(entry.items):
                    out.append(entry)
                elif fresh:
                    before = sorted({known[k][0] for k, _ in entry.items if k in known})
                    turns = [entry.turns[i] for i in fresh]
                    me = entry.meta.get("me") if any(t.speaker == entry.meta.get("me") for t in turns) else None
                    meta = {k: v for k, v in entry.meta.items() if k != "me"}
                    if before:
                        meta["continues"] = before
                        counts["continued"] += 1
                    out.append(capture.chat_entry(turns, at=turns[0].at or entry.at, author=entry.author,
                                                  source=entry.source, meta=meta, me=me))
                continue
            key, digest = entry.items[0]
            if key in seen or (key in known and known[key][1] == digest):
                counts["known"] += 1
                continue
            seen.add(key)
            if key in known:
                counts["changed"] += 1
                entry.meta["previous"] = known[key][0]
            else:
                counts["new"] += 1
            out.append(entry)
        return out, counts

    def _store(self, entries, progress=None, plan=None) -> list[dict]:
        added = dates.now()
        out = []
        keep = plan is not None and plan.keep  # an export into a new store: its own ids, where they are free
        with self.transaction() as conn:
            next_entry, next_passage = next_ids(conn, plan)
            for entry in entries:
                digest = content_hash(entry)
                # An export brought back whole keeps every entry it holds, whatever words other entries once had.
                known = stored_as(conn, digest, versions=not keep)
                if known:  # the same text (a chat: and date) is kept already, or was an earlier version of one
                    self._sources(conn, entry, known["entry"])
                    out.append({**known, "new": False, "passages": 0, "words": entry.words})
                    continue
                own = keep and entry.id and not conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry.id,)).fetchone()
                entry_id = entry.id if own else next_entry
                next_entry = max(next_entry, entry_id + 1)
                conn.execute(
                    "INSERT INTO entries (id, text, at, added, author, source, kind, hash, words, meta, deleted)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry_id, entry.text, entry.at, entry.added or added, entry.author, entry.source, entry.kind, digest,
                     entry.words, json.dumps(entry.meta, ensure_ascii=False) if entry.meta else None, entry.deleted),
                )
                self._sources(conn, entry, entry_id)
                given = entry.passage_ids if own and entry.passage_ids and len(entry.passage_ids) == len(entry.passages) else None
                if given and conn.execute("SELECT 1 FROM passages WHERE id BETWEEN ?1 AND ?2 UNION ALL"
                                          " SELECT 1 FROM trashed_passages WHERE id BETWEEN ?1 AND ?2",
                                          (min(given), max(given))).fetchone():
                    given = None  # taken meanwhile: new ones
                if given is None:
                    given = list(range(next_passage, next_passage + len(entry.passages)))
                next_passage = max([next_passage, *(i + 1 for i in given)])
                rows = [
                    (pid, entry_id, i, s, e, speaker, ref, entry.text[s:e])
                    for i, (pid, (s, e, speaker, ref)) in enumerate(zip(given, entry.passages))
                ]
                if entry.deleted:  # in the trash: its passages kept aside, out of search
                    conn.executemany("INSERT INTO trashed_passages (id, entry, seq, start, end, speaker, ref)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)", [r[:7] for r in rows])
                else:
                    index_passages(conn, rows)
                for number, v in enumerate(entry.versions, 1):
                    old = capture.Entry(text=v["text"], at=v["at"], kind=entry.kind)
                    conn.execute("INSERT INTO versions (entry, number, text, at, turns, hash, replaced) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (entry_id, number, v["text"], v["at"],
                                  json.dumps(v["turns"], ensure_ascii=False) if v["turns"] is not None else None,
                                  content_hash(old), v["replaced"]))
                out.append({"entry": entry_id, "new": True, "passages": len(rows), "words": entry.words,
                            **({"dated": entry.meta["dated"]} if entry.meta.get("dated") in WEAK_DATES else {})})
        if progress:
            progress(len(entries))
        return out

    @staticmethod
    def _sources(conn, entry, entry_id):
        if entry.items:
            conn.executemany("INSERT OR REPLACE INTO import_sources (key, entry, digest) VALUES (?, ?, ?)",
                             [(k, entry_id, d) for k, d in entry.items])

    def add_files(self, paths: str | os.PathLike | list | tuple, *, at: str | None = None, author: str | None = None,
                  source: str | None = None, progress=None, day_first: bool | None = None) -> dict:
        """Remember files and folders (recursively: .txt and .md), each file one entry (see
        `capture.file_entries` for how they are dated); `day_first` as `import_path`'s."""
        order = self.date_order(day_first)
        at = dates.parse(at, order.day_first) if at else None
        batch = capture.file_entries(paths, at=at, author=author, source=source, order=order)
        return self.add_batch(batch, progress, chosen=order)

    def import_path(self, fmt: str | None, path: str | os.PathLike, *, author: str | None = None,
                    source: str | None = None, me: str | None = None, progress=None,
                    day_first: bool | None = None) -> dict:
        """Import an export (`fmt` None: found from the file or folder; see `importers.FORMATS`); `me`: the
        speaker who is you; `day_first`: how numeric dates are read (None: as the store is set, else the
        locale; a choice given is kept as the store's setting). Importing it again adds only what is new."""
        from . import importers

        batch = importers.read(fmt, path, author=author, source=source, me=me, order=self.date_order(day_first),
                               known=self.known_keys)
        return self.add_batch(batch, progress, chosen=self.date_order(day_first))

    def import_file(self, fmt: str, path: str | os.PathLike, *, author: str | None = None, source: str | None = None,
                    me: str | None = None, progress=None) -> dict:
        """Import a whole file in a known format (as `import_path`). A JSONL export brings back everything it
        holds (see `export`)."""
        return self.import_path(fmt, path, author=author, source=source, me=me, progress=progress)

    def add_batch(self, batch: capture.Batch, progress=None, understood=None, report=None,
                  chosen: dates.Order | None = None) -> dict:
        """Store a batch read by `capture` or an importer (entries, the owner's records, notes) as `add_entries`
        does; the order its dates were read with (else `chosen`, a flag given) is kept as the store's."""
        order = batch.order or (chosen if chosen is not None and chosen.source == "flag" else None)
        result = self.add_entries(batch.entries, progress, understood, report, records=batch.records, order=order)
        if batch.notes:
            result["notes"] = batch.notes
        return result

    def known_keys(self, keys) -> set[str]:
        """Which of these import keys are stored."""
        keys, out = list(keys), set()
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            out.update(r[0] for r in self.query(
                f"SELECT key FROM import_sources WHERE key IN ({','.join('?' * len(part))})", part))
        return out

    # -- settings -----------------------------------------------------------------------------
    def token_digest(self) -> str | None:
        """The SHA-256 (hex) of the server's token, as `keep_token_digest` kept it; None if there is none."""
        rows = self.query("SELECT value FROM settings WHERE key = ?", (TOKEN_SETTING,))
        return rows[0][0] if rows else None

    def keep_token_digest(self, digest: str, replace: bool = False) -> bool:
        """Keep the SHA-256 of a new server token, unless one is kept already (`replace`: in its place, a lost
        token); False if one was, and nothing changed."""
        with self.transaction() as conn:
            if replace:
                conn.execute("DELETE FROM settings WHERE key = ?", (TOKEN_SETTING,))
            elif conn.execute("SELECT 1 FROM settings WHERE key = ?", (TOKEN_SETTING,)).fetchone():
                return False
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (TOKEN_SETTING, digest))
        return True

    def setting(self, key: str):
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else None

    def set_setting(self, key: str, value):
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def date_order(self, day_first: bool | None = None) -> dates.Order:
        """How numeric dates are read here: as given (True: day-first, False: month-first), else the store's
        setting, else the locale's habit (see `dates.locale_order`)."""
        if day_first is not None:
            return dates.Order(day_first, "flag")
        stored = self.setting(DATE_ORDER)
        if stored:
            return dates.Order(stored["day_first"], "store")
        return dates.locale_order()

    def keep_date_order(self, order: dates.Order | None):
        """Keep as the store's setting a day/month order chosen with a flag, or the locale's once it has been
        used to read a date (so the store reads alike on another machine)."""
        if order is None or order.day_first is None or not order.source:
            return
        stored = self.setting(DATE_ORDER)
        if order.source == "flag" and (not stored or stored["day_first"] != order.day_first):
            self.set_setting(DATE_ORDER, {"day_first": order.day_first,
                                          "from": "--day-first" if order.day_first else "--month-first"})
        elif order.source.startswith("locale") and not stored:
            self.set_setting(DATE_ORDER, {"day_first": order.day_first, "from": order.source})

    # -- derived data ---------------------------------------------------------------------
    def process(self, entry_ids=None, progress=None, wait: bool = True, report=None) -> dict | None:
        """Run every derived-data processor on the entries it has not yet seen at its current version
        (of `entry_ids` only, if given), until none is left.

        One process at a time derives a store (a lock beside it, released by the system if the process
        dies): this waits for it, or with `wait=False` returns None at once if another holds it; the holder
        takes in whatever was stored before it lets go, so nothing stored is left behind."""
        done, tried = {}, _Tried()
        while True:
            with self._derive_lock(wait) as held:
                if not held:
                    return None
                if entry_ids is None:
                    self._afresh_after_upgrade()
                while self._derive_pass(entry_ids, tried, done, progress, report):
                    pass  # until a pass finds nothing new: entries stored meanwhile are taken in too
            # Entries stored after our last look but before we let go, by someone who found the lock held.
            if not self._lock_path() or not self._untried(entry_ids, tried):
                return done
            wait = False

    def read_afresh_if_upgraded(self, wait: bool = True) -> bool:
        """If an earlier version of extraction read entries of this store, forget what it read, so that the
        next `process` reads every entry from nothing (see `_afresh_after_upgrade`). False if it had not, or
        if another process is deriving the store and `wait` is False."""
        with self._derive_lock(wait) as held:
            return bool(held) and self._afresh_after_upgrade()

    def _afresh_after_upgrade(self) -> bool:
        """Under the derive lock: if entries were understood by another version of extraction, forget what it
        read so that every entry is read again from nothing, as `reindex` does (the owner's corrections stay).
        Read again on top of what the old version stored, a wrong join (two people made one) would live on:
        its names are known, and the new reading would be joined to it again. True if it did."""
        from . import extract

        version = str(extract.VERSION)
        # Two seeks of the index (processed_version), not a scan of every entry's row.
        if not any(self.query(f"SELECT 1 FROM processed WHERE processor = ? AND version {op} ? LIMIT 1",
                              (extract.NAME, version)) for op in ("<", ">")):
            return False
        extract.clear(self)
        return True

    def _derive_pass(self, entry_ids, tried, done: dict, progress, report=None) -> bool:
        """Each processor on its pending entries not yet tried in this run, or changed since they were (an
        edit, a re-date, a chat that grew while it was read: at most RETRIES times); False if there were none.
        Many entries pending for every processor go to the workers together (`pipeline`)."""
        from . import pipeline

        found = False
        self.check_stop()
        modules = {name: importlib.import_module(name) for name in PROCESSORS}
        due = {name: tried.due(self, name, self.pending(m, entry_ids), take=False) for name, m in modules.items()}
        words = self._words(set().union(*due.values())) if report else {}
        total = sum(w for w, _ in words.values())
        total_cost = sum(c for _, c in words.values())
        finished = [0.0, 0.0]

        def told(ids, share=1.0):  # these entries understood by every processor (share: by one of them)
            finished[0] += share * sum(words.get(i, (0, 0))[0] for i in ids)
            finished[1] += share * sum(words.get(i, (0, 0))[1] for i in ids)
            report("understanding", min(round(finished[0]), total), total,
                   min(finished[1] / total_cost, 1.0) if total_cost else 1.0)

        both = sorted(set.intersection(*(set(v) for v in due.values()))) if due else []
        if both and pipeline.processors_together() and pipeline.worth_it(self, both):
            for name in PROCESSORS:
                tried.due(self, name, both)  # taken as they are now: one changed while the workers read it is taken again
            try:
                pipeline.run(self, both, report=(lambda ids: told(ids)) if report else None)
            except StoreError:
                raise
            except Exception:  # noqa: BLE001 - an entry the workers failed on (a MemoryError, a bug)
                # What was written stays; the rest goes through each processor here, where the entry that
                # fails is found, recorded on it, and never stops the others.
                for name, module in modules.items():
                    left = self.pending(module, both)
                    self._run(module, left)
                    if report and left:
                        told(left, 1 / len(PROCESSORS))
            for m in modules.values():
                done[m.NAME] = done.get(m.NAME, 0) + len(both)
                if progress:
                    progress(m.NAME, len(both))
            found = True
        for name, module in modules.items():
            ids = tried.due(self, name, self.pending(module, entry_ids))
            done[module.NAME] = done.get(module.NAME, 0) + len(ids)
            if ids:
                found = True
                # A bar that moves: slices of a batch, unless the run is large enough for extraction's workers.
                step = len(ids) if not report or name == "remembrancer.extract" and pipeline.worth_it(self, ids) else REPORT_EVERY
                for k in range(0, len(ids), step):
                    self.check_stop()
                    self._run(module, ids[k:k + step])
                    if report:
                        told(ids[k:k + step], 1 / len(PROCESSORS))
                if progress:
                    progress(module.NAME, len(ids))
        return found

    def _run(self, module, todo: list[int]):
        """`module.process` on the entries; an entry it fails on (a MemoryError, any error of its own) is
        recorded in `failures` and the others are still done. A store that cannot be written stops it all."""
        left = todo
        while left:
            try:
                module.process(self, left)
                return
            except StoreError:
                raise
            except Exception:  # noqa: BLE001 - found below, entry by entry
                pass
            # Entries are done in order, a transaction per batch: the one that failed is among the first left.
            left = self.pending(module, left)
            for i in left[:ISOLATE]:
                try:
                    module.process(self, [i])
                except StoreError:
                    raise
                except Exception as e:  # noqa: BLE001 - recorded on the entry, reported, never stops the others
                    self._failed(module, i, e)
                    break
            left = self.pending(module, left)

    def _failed(self, module, entry_id: int, error: BaseException):
        message = f"{type(error).__name__}: {error}".rstrip(": ")[:500]
        row = {"entry": entry_id, "processor": module.NAME, "version": str(module.VERSION), "code": code_version(),
               "error": message, "at": dates.now()}
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO failures (entry, processor, version, code, error, at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", tuple(row.values()))
        self.failed_now.append(row)

    def failures(self) -> list[dict]:
        """The entries a processor failed on at its current version and under this code: {"entry", "processor",
        "version", "code", "error", "at"}. They are stored, and searchable by their words; they are tried again
        after an upgrade, when they are changed, or by `reindex`."""
        out = []
        for name in PROCESSORS:
            module = importlib.import_module(name)
            out += [dict(r) for r in self.query(
                "SELECT f.entry, f.processor, f.version, f.code, f.error, f.at FROM failures f JOIN entries e ON e.id = f.entry"
                " WHERE f.processor = ? AND f.version = ? AND f.code = ? AND e.deleted IS NULL ORDER BY f.entry",
                (module.NAME, str(module.VERSION), code_version()))]
        return out

    def check_stop(self):
        """Raise Interrupted if `stopping` is set; processors ask between batches."""
        if self.stopping.is_set():
            raise Interrupted()

    def _words(self, ids) -> dict[int, tuple[int, int]]:
        """{entry: (words, cost)}: the cost of understanding it, for the time left. A word is parsed once
        and embedded once, a chat's twice (a turn is embedded with the turn before it)."""
        ids, out = sorted(ids), {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for r in self.query(f"SELECT id, words, kind FROM entries WHERE id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = (r[1], r[1] * (3 if r[2] == "chat" else 2))
        return out

    def _untried(self, entry_ids, tried) -> bool:
        if not any(self.pending_counts().values()):
            return False
        return any(tried.due(self, name, self.pending(importlib.import_module(name), entry_ids), take=False)
                   for name in PROCESSORS)

    def complete(self, progress=None) -> dict | None:
        """Derive whatever is pending: entries a crash, a kill or a full disk left not understood, a
        `--no-extract` import, or entries an extraction component has a newer version for."""
        if self.readonly or not any(self.pending_counts().values()):
            return {}
        return self.process(progress=progress, wait=False)

    def workers(self) -> int:
        """How many `remembrancer worker` processes understand this store: none for an SQLite file (postgres.py)."""
        return 0

    def _lock_path(self) -> Path | None:
        return None if str(self.path) == ":memory:" else Path(f"{self.path}-lock")

    @contextlib.contextmanager
    def _derive_lock(self, wait: bool):
        path = self._lock_path()
        try:
            import fcntl
        except ImportError:  # no advisory locks here: one process at a time is then the user's to keep
            fcntl = None
        if path is None or fcntl is None:
            yield True
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def pending(self, module, entry_ids=None) -> list[int]:
        """The entries `module` has not done at its current version, but for those it failed on (`failures`)."""
        if entry_ids is not None and not (entry_ids := list(entry_ids)):
            return []
        few = entry_ids is not None and len(entry_ids) <= 500  # a worker's batch, an edit: only these are read
        rows = self.query(
            "SELECT e.id FROM entries e LEFT JOIN processed p ON p.entry = e.id AND p.processor = ?1"
            " WHERE (p.version IS NULL OR p.version != ?2) AND e.deleted IS NULL AND NOT EXISTS (SELECT 1 FROM failures f"
            " WHERE f.entry = e.id AND f.processor = ?1 AND f.version = ?2 AND f.code = ?3)"
            + (f" AND e.id IN ({','.join('?' * len(entry_ids))})" if few else "") + " ORDER BY e.id",
            (module.NAME, str(module.VERSION), code_version(), *(entry_ids if few else ())),
        )
        ids = [r[0] for r in rows]
        if entry_ids is not None:
            wanted = set(entry_ids)
            ids = [i for i in ids if i in wanted]
        return ids

    def understood_words(self, entry_ids: list) -> tuple[int, int]:
        """(words of these entries understood, averaged over the processors; all their words): how far
        understanding an import has got."""
        done = total = 0
        modules = [importlib.import_module(n) for n in PROCESSORS]
        for i in range(0, len(entry_ids), 500):
            part = entry_ids[i:i + 500]
            marks = ",".join("?" * len(part))
            total += self.query(f"SELECT coalesce(sum(words), 0) FROM entries WHERE id IN ({marks})", part)[0][0]
            for module in modules:
                done += self.query(
                    f"SELECT coalesce(sum(e.words), 0) FROM entries e JOIN processed p ON p.entry = e.id AND p.processor = ?"
                    f" AND p.version = ? WHERE e.id IN ({marks})", (module.NAME, str(module.VERSION), *part))[0][0]
        return done // max(len(modules), 1), total

    def pending_counts(self, exact: bool = False) -> dict[str, int]:
        """{processor: entries it has not yet understood at its current version}; cheap when none are.
        `exact`: counted entry by entry (as `pending` lists them), not from the totals."""
        if exact:
            return {m.NAME: len(self.pending(m)) for m in map(importlib.import_module, PROCESSORS)}
        entries = self.query("SELECT (SELECT count(*) FROM entries) - (SELECT count(*) FROM entries WHERE deleted IS NOT NULL)")[0][0]
        out = {}
        for name in PROCESSORS:
            module = importlib.import_module(name)
            done = self.query("SELECT count(*) FROM processed WHERE processor = ? AND version = ?",
                              (module.NAME, str(module.VERSION)))[0][0]
            done += self.query("SELECT count(*) FROM failures f JOIN entries e ON e.id = f.entry WHERE f.processor = ?"
                               " AND f.version = ? AND f.code = ? AND e.deleted IS NULL",
                               (module.NAME, str(module.VERSION), code_version()))[0][0]
            out[module.NAME] = entries - done if done <= entries else len(self.pending(module))
        return out

    def mark_processed(self, conn, module, entry_ids):
        """Record, inside the processor's own transaction, that these entries are done."""
        now = dates.now()
        conn.executemany(
            "INSERT OR REPLACE INTO processed (entry, processor, version, at) VALUES (?, ?, ?, ?)",
            [(i, module.NAME, str(module.VERSION), now) for i in entry_ids],
        )
        conn.executemany("DELETE FROM failures WHERE entry = ? AND processor = ?", [(i, module.NAME) for i in entry_ids])

    # -- entries: the owner's to change (remembrancer/entries.py) ---------------------------
    def entry(self, entry_id: int) -> dict:
        """An entry as it is now: its text, dates, passages (or, in the trash, those kept aside), the people
        read in it, how many earlier versions it has, and `deleted` (when it went to the trash, or None)."""
        from . import entries

        return entries.entry(self, entry_id)

    def edit(self, entry_id: int, text: str | None = None, *, turns=None, at: str | None = None) -> dict:
        """Change an entry's text (a chat's: its `turns`, as for `add_chat`), and its date with `at`. The entry
        as it was is kept as a version; what was read in it is read again. Returns {"entry", "changed",
        "version" (its number now), "passages", "words", "at"}."""
        from . import entries

        return entries.change(self, entry_id, text=text, turns=turns, at=at)

    def redate(self, entry_id: int, at: str) -> dict:
        """Say when an entry happened; the date before is kept as a version, and its times ("yesterday") are read again."""
        from . import entries

        return entries.change(self, entry_id, at=at)

    def delete(self, entry_id: int) -> dict:
        """Move an entry to the trash: it leaves search, recall, people, the timeline and review; `restore` brings it back."""
        from . import entries

        return entries.delete(self, entry_id)

    def restore(self, entry_id: int) -> dict:
        """Bring an entry back from the trash, whole, and read it again."""
        from . import entries

        return entries.restore(self, entry_id)

    def purge(self, entry_id: int, confirm: bool = False) -> dict:
        """Erase an entry and all its versions for good (`confirm=True` says so). Backups and exports made
        before still hold it."""
        from . import entries

        return entries.purge(self, entry_id, confirm)

    def history(self, entry_id: int) -> list[dict]:
        """Every version of an entry, the first as given to the one now, each with when it was made and replaced."""
        from . import entries

        return entries.history(self, entry_id)

    def trash(self) -> list[dict]:
        """The entries in the trash, the most recently deleted first."""
        from . import entries

        return entries.trash(self)

    # -- reading ---------------------------------------------------------------------------

    def passages(self, ids) -> list[dict]:
        """Passages by id, in the order given, in the JSON passage shape."""
        ids = list(ids)
        if not ids:
            return []
        rows = self.query(
            f"SELECT p.id, p.entry, p.ref, p.speaker, p.text, e.at FROM passages p JOIN entries e ON e.id = p.entry"
            f" WHERE p.id IN ({','.join('?' * len(ids))})",
            ids,
        )
        by_id = {r["id"]: _passage_dict(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def search(self, query: str, limit: int = 10) -> list[dict]:
        """BM25 over passages (remembrancer/lexical.py). Any text works: it is read as words, never as FTS
        syntax; emoji and other symbols are found too."""
        return lexical.search(self, query, limit)

    def bm25_among(self, terms: list[str], among, limit: int, only=None) -> list[tuple[int, float]]:
        """BM25 of the passages `among` (ids) that hold any of these FTS5 terms, as in a store holding only
        them: their own count, mean length and each term's passages among them (recall's own ranking of the
        people a question names); best first. `only`: of them, only these are ranked (same statistics).

        FTS5's BM25 (k1 1.2, b 0.75) computed from the store's own index: each passage's length as FTS5 keeps
        it (`passages_fts_docsize`), and each term's passages and times in them from the index searched within
        their ids (`_term_counts`); nothing is indexed again. The statistics of the last set asked for are kept
        until another set is asked for or the store changes (one question asks several times)."""
        among = sorted({int(i) for i in among})
        if not terms or not among:
            return []
        with self.lock, self.errors():
            state = self.conn.execute("SELECT (SELECT coalesce(max(id), 0) FROM passages),"
                                      " (SELECT value FROM settings WHERE key = 'entries.changed')").fetchone()
            key = (among[0], among[-1], len(among), hash(tuple(among)), tuple(state))
            kept = getattr(self, "_own_stats", None)
            if kept is None or kept[0] != key:
                kept = self._own_stats = (key, self._docsizes(among), {})
            sizes, counts = kept[1], kept[2]
            for t in terms:
                if t not in counts:
                    counts[t] = self._term_counts(t, among, sizes)
        return bm25_scores([counts[t] for t in terms], sizes, limit, only)

    def _docsizes(self, among) -> dict[int, int]:
        """Each passage's length in tokens, all columns, as FTS5 keeps it for BM25."""
        sizes = {}
        for lo, hi in _spans(among):
            for pid, blob in self.conn.execute("SELECT id, sz FROM passages_fts_docsize WHERE id BETWEEN ? AND ?", (lo, hi)):
                sizes[pid] = sum(_varints(blob))
        keep = set(among)
        return {pid: n for pid, n in sizes.items() if pid in keep}

    def _term_counts(self, term: str, among, sizes) -> dict[int, int]:
        """The passages of `among` holding an FTS5 term, and how many times (its instances in every column, as
        FTS5's BM25 counts them, read from `highlight`'s marks: FTS5 gives no term counts to SQL)."""
        out = {}
        for lo, hi in _spans(among):
            for pid, text, speaker in self.conn.execute(
                    "SELECT rowid, highlight(passages_fts, 0, char(1), ''), highlight(passages_fts, 1, char(1), '')"
                    " FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?", (term, lo, hi)):
                if pid in sizes:
                    out[pid] = (text or "").count("\x01") + (speaker or "").count("\x01")
        return out

    # -- people (remembrancer/people.py) ---------------------------------------------------
    def people(self, kind: str | None = "person", everyone: bool = False) -> list[dict]:
        """Everyone mentioned: [{"id", "name", "kind", "aliases", "mentions", "first_at", "last_at", "sure"}]; `kind`:
        the names said to be pets ("pet"), places ... (default: the people; None: every name). The people read too
        unsurely to list (people.LISTED: a name said once and nothing more) only with `everyone`."""
        from . import people

        return people.people(self, kind, everyone)

    def person(self, name: str, now: Moment = None) -> dict:
        """One person's page, found by any of their names (`now`: the date its chance of recall is for)."""
        from . import page

        return page.person(self, name, now=now)

    def graph(self, limit: int = 40, focus: str | None = None) -> dict:
        """The people as a graph: the most mentioned (or, with `focus`, that person and those most tied to
        them), the relations between them as the owner has them, and how often two share a passage:
        {"people", "relations", "together", "focus", "total"}."""
        from . import people

        return people.graph(self, limit, focus)

    def merge_people(self, a: str, b: str) -> dict:
        """Say that a and b are one person; kept across re-extraction."""
        from . import corrections

        return corrections.merge(self, a, b)

    def split_person(self, name: str, alias: str) -> dict:
        """Say that `alias` is someone other than `name`; kept across re-extraction."""
        from . import corrections

        return corrections.split(self, name, alias)

    # The owner's corrections: each is a statement kept with when it was made, applied over what was
    # extracted, kept across `reindex` and new versions of the extraction, and can be undone. Each returns
    # {"correction": the statement, "person": the page of the person it is about}.
    def rename(self, name: str, new: str) -> dict:
        """Say the person called `name` is called `new` (the old name stays one of theirs)."""
        from . import corrections

        return corrections.rename(self, name, new)

    def set_kind(self, name: str, kind: str) -> dict:
        """Say what a name is: person, pet, place, thing or other. Not a person: it leaves the people list,
        fading, review and the graph, and stays a cue that recall finds."""
        from . import corrections

        return corrections.set_kind(self, name, kind)

    def relate(self, a: str, relation: str, b: str, instead: str | None = None) -> dict:
        """Say a is the <relation> of b ("Rhys", "husband", "me"), in place of the relation `instead` if
        given; b's page shows it from b's side."""
        from . import corrections

        return corrections.relate(self, a, relation, b, instead)

    def unrelate(self, a: str, relation: str, b: str) -> dict:
        """Say a is not the <relation> of b; the same tie told the other way goes too."""
        from . import corrections

        return corrections.unrelate(self, a, relation, b)

    def event_untrue(self, name: str, kind: str, event: int | None = None) -> dict:
        """Say the events of a kind ("death") read about someone did not happen (or only the one with
        id `event`, from their page): never shown as facts again."""
        from . import corrections

        return corrections.event_untrue(self, name, kind, event)

    def redate_event(self, name: str, kind: str, date: str, event: int | None = None) -> dict:
        """Say when the events of a kind read about someone happened: a day, a month ("March 1987") or a
        year (or only the one with id `event`)."""
        from . import corrections

        return corrections.redate_event(self, name, kind, date, event)

    def set_birthday(self, name: str, date: str) -> dict:
        """Give the day (or month, or year) someone was born."""
        from . import corrections

        return corrections.set_birthday(self, name, date)

    def set_death(self, name: str, date: str) -> dict:
        """Give the day (or month, or year) someone died; the deaths read for them give way to it."""
        from . import corrections

        return corrections.set_death(self, name, date)

    def corrections(self, name: str | None = None) -> list[dict]:
        """Every correction made, newest first, each in words ("said") with when, whether it was undone,
        and whether what it is about is found now ("holds"); with `name`, those about that person."""
        from . import people

        return people.corrections(self, name)

    def undo(self, correction_id: int) -> dict:
        """Take back a correction (it is kept, marked undone). Undoing a merge, split or rename reads again
        the entries naming the people it touched, so it loads the model."""
        from . import corrections

        return corrections.undo(self, correction_id)

    def names_in(self, passage_ids) -> dict:
        """The people named in each passage: {passage: [{"start", "end", "name"}]} (offsets into its text)."""
        from . import people

        return people.names_in(self, passage_ids)

    def reindex(self, progress=None) -> dict:
        """Rebuild the extracted data from the raw entries, and derive whatever else is pending (embeddings
        a crash left missing); the raw entries and the owner's corrections are kept."""
        from . import extract

        with self._derive_lock(wait=True):  # not while another process is deriving: it would store over the clearing
            extract.clear(self)
            with self.transaction() as conn:  # asked for: what failed is tried again
                conn.execute("DELETE FROM failures")
        done = self.process(progress=progress) or {}
        return {"entries": done.get(extract.NAME, 0), "version": extract.VERSION, "derived": done}

    # -- recall (remembrancer/recall.py) -----------------------------------------------------
    def recall(self, cue: str, limit: int = 10) -> dict:
        """The people and things a cue is tied to, each with why: {"cue", "people", "things", "passages"}."""
        from . import recall

        return recall.recall(self, cue, limit)

    def ask(self, question: str, limit: int = 10) -> dict:
        """Passages answering a question, with the people, times and facts it matched."""
        from . import recall

        self.asking = object()  # one question: what recall keeps of the store is brought up to date once (recall.names)
        try:
            return recall.ask(self, question, limit)
        finally:
            self.asking = None

    def timeline(self, start: str | None = None, end: str | None = None, person: str | None = None,
                 limit: int = 200) -> list[dict]:
        """What happened, by when it happened (not when it was written down): at most `limit`, the earliest first."""
        from . import recall

        return recall.timeline(self, start, end, person, limit=limit)

    def on_this_day(self, day: str | None = None) -> list[dict]:
        """What happened on this day of the year in other years."""
        from . import recall

        return recall.on_this_day(self, day)

    # -- forgetting (remembrancer/forgetting.py) -------------------------------------------
    def fading(self, now: Moment = None, limit: int = 10) -> list[dict]:
        """What the owner is about to forget, most worth bringing back first (`now`: replay a date)."""
        from . import forgetting

        return forgetting.fading(self, now, limit)

    def review_next(self, now: Moment = None) -> dict | None:
        """The next item to review, or None."""
        from . import forgetting

        return forgetting.review_next(self, now)

    def review_answer(self, item: str, rating: str | int, now: Moment = None) -> dict:
        """Answer a review: rating again/hard/good/easy (1-4); FSRS schedules the next one."""
        from . import forgetting

        return forgetting.review_answer(self, item, rating, now)

    def hide(self, name: str, hidden: bool = True, now: Moment = None) -> dict:
        """Never bring this person back (hidden=False allows it again); their record is kept."""
        from . import forgetting

        return forgetting.hide(self, name, hidden, now)

    # -- keeping it safe -------------------------------------------------------------------
    def export(self, fmt: str = "jsonl"):
        """Yield the whole store as JSONL lines or Markdown sections, oldest first. JSONL carries everything
        the owner made (entries with their ids, versions and trash, corrections, hidden people, the review
        history): imported into a new store, it exports again byte for byte (remembrancer/archive.py)."""
        from . import archive

        return archive.export(self, fmt)

    def copy_to(self, other: "Memory") -> dict:
        """Copy this whole store into `other`, an empty store of either kind (an SQLite file, a PostgreSQL
        memory): entries, versions, the trash, corrections and records, what was understood and the vectors,
        every id kept; nothing is derived again. {table: rows}. Refuses a store with anything in it (`NotEmpty`)."""
        from . import archive

        return archive.copy(self, other)

    # What a copy reads and writes beyond SQL both stores speak (see archive.copy).
    def tables(self) -> list[str]:
        return [r[0] for r in self.query("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def stream(self, sql, params=(), size=2_000):
        """A statement's rows, `size` at a time (inside `snapshot`)."""
        with self.errors():
            cursor = self.conn.execute(sql, params)
            while rows := cursor.fetchmany(size):
                yield rows

    def copied(self, conn):
        """After a copy's rows are in, in its transaction: nothing here (SQLite follows the ids given)."""

    def check(self) -> list[str]:
        """Problems found (an empty list means the store is sound)."""
        with self.lock, self.errors():
            problems = self._check_whole()
            for row in self.conn.execute("SELECT id, text, at, kind, hash FROM entries ORDER BY id"):
                entry = capture.Entry(text=row["text"], at=row["at"], kind=row["kind"])
                if content_hash(entry) != row["hash"]:
                    problems.append(f"entry {row['id']}: its text no longer matches its content hash")
                problems += self._check_entry(row)
            for row in self.conn.execute("SELECT v.entry, v.number, v.text, v.at, v.hash, e.kind FROM versions v"
                                         " JOIN entries e ON e.id = v.entry"):
                if content_hash(capture.Entry(text=row["text"], at=row["at"], kind=row["kind"])) != row["hash"]:
                    problems.append(f"entry {row['entry']} version {row['number']}: its text no longer matches its content hash")
        return problems

    def _check_whole(self) -> list[str]:
        """`check`'s look at the database as a whole: SQLite's own integrity check, and the search index's."""
        problems = []
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems += [f"sqlite: {r}" for r in result]
        try:
            if not self.readonly:  # FTS5 checks itself through a write statement
                self.conn.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
        except _errors("DatabaseError") as e:
            problems.append(f"search index: {e} (run `remembrancer check --repair`)")
        return problems

    def _check_entry(self, row) -> list[str]:
        """`check`'s look at one entry's passages: each the slice of its text it says it is."""
        # Each entry's text is read once and its passages compared in Python: SQLite's substr() walks a
        # long text from its start for every passage (4 M characters took 42 s).
        problems = []
        text = row["text"]
        for pid, start, end, passage in self.conn.execute(
                "SELECT id, start, end, text FROM passages WHERE entry = ? ORDER BY seq", (row["id"],)):
            if text[start:end] != passage:
                problems.append(f"passage {pid}: does not match its place in entry {row['id']}")
        # An entry in the trash keeps its passages' places alone (their text is the entry's).
        length = len(text)
        for pid, start, end in self.conn.execute(
                "SELECT id, start, end FROM trashed_passages WHERE entry = ? ORDER BY seq", (row["id"],)):
            if start < 0 or end > length or start > end:
                problems.append(f"passage {pid} in the trash: does not fit in entry {row['id']}")
        return problems

    def repair(self):
        """Rebuild the search index from the passages (derived data only)."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')")

    def backup(self, path: str | os.PathLike) -> Path:
        """A consistent copy of the store, made while it stays in use (SQLite's online backup)."""
        path = Path(path)
        if path.exists():
            raise StoreError(f"{path} already exists", "Choose a new file name for the backup.")
        private_folder(path.parent)
        private_file(path)
        with self.lock, _sqlite_errors():
            # An encrypted store's backup is encrypted with its key (SQLCipher copies pages only between equals).
            target = (_cipher() if self.key is not None else sqlite3).connect(str(path))
            try:
                if self.key is not None:
                    _keyed(target, self.key)
                self.conn.backup(target)
            finally:
                target.close()
        return path

    def stats(self) -> dict:
        row = self.query(
            "SELECT count(*) AS entries, coalesce(sum(words), 0) AS words, min(at) AS first_at, max(at) AS last_at"
            " FROM entries WHERE deleted IS NULL"
        )[0]
        out = dict(row)
        out["trash"] = self.query("SELECT count(*) FROM entries WHERE deleted IS NOT NULL")[0][0]
        out["passages"] = self.query("SELECT count(*) FROM passages")[0][0]
        out.update(self._place())
        for table in ("people", "embeddings"):
            if self.query("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)):
                out[table] = self.query(f"SELECT count(*) FROM {table}")[0][0]
        out["pending"] = self.pending_counts()
        failed = [f["processor"] for f in self.failures()]
        out["failed"] = {name: failed.count(name) for name in out["pending"]}
        order = self.date_order()
        out["dates"] = {"order": order.name, "from": (self.setting(DATE_ORDER) or {}).get("from") or order.source}
        return out

    def _place(self) -> dict:
        """Where the store is, and its size in bytes (`stats`)."""
        # with its write-ahead log, which holds what was written since the last checkpoint (after a kill, all of it)
        return {"path": str(self.path),
                "bytes": sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())}


def _new_messages(conn, entry_id, group) -> list:
    """The messages of `group` not already in the chat `entry_id` (None: no chat yet), nor earlier in `group`."""
    stored_tail, known = [], set()
    if entry_id is not None:
        stored_tail = [r[0] for r in conn.execute(
            "SELECT key FROM messages WHERE entry = ? ORDER BY seq DESC LIMIT ?", (entry_id, len(group)))][::-1]
        keys = sorted({m.key for m in group if m.known})
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            known |= {r[0] for r in conn.execute(
                f"SELECT key FROM messages WHERE entry = ? AND known = 1 AND key IN ({','.join('?' * len(part))})",
                (entry_id, *part))}
    # The longest run the chat ends with that the group starts with: a retry, or the conversation sent whole again.
    keys = [m.key for m in group]
    overlap = next((k for k in range(min(len(stored_tail), len(keys)), 0, -1) if stored_tail[-k:] == keys[:k]), 0)
    out = []
    for m in group[overlap:]:
        if m.known and m.key in known:
            continue
        if m.known:
            known.add(m.key)
        out.append(m)
    return out


def _entry_dict(row) -> dict:
    out = dict(row)
    out["meta"] = json.loads(out["meta"]) if out.get("meta") else None
    return out


def _spans(ids, most: int = 64) -> list[tuple[int, int]]:
    """Sorted ids as at most `most` ranges covering them all: runs of consecutive ids, those with the smallest gaps
    between them joined (a range read holds some ids not asked for, which are left out after)."""
    runs = _id_runs(ids)
    if len(runs) <= most:
        return runs
    gaps = sorted(range(1, len(runs)), key=lambda k: runs[k][0] - runs[k - 1][1])[:len(runs) - most]
    joined = set(gaps)
    out = [list(runs[0])]
    for k in range(1, len(runs)):
        if k in joined:
            out[-1][1] = runs[k][1]
        else:
            out.append(list(runs[k]))
    return [(a, b) for a, b in out]


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, one after another (FTS5 keeps a passage's column sizes so)."""
    out, value, k = [], 0, 0
    for byte in blob or b"":
        k += 1
        if k == 9:
            out.append((value << 8) | byte)
            value, k = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            out.append((value << 7) | byte)
            value, k = 0, 0
    return out


def bm25_scores(counts: list[dict[int, int]], sizes: dict[int, int], limit: int, only=None) -> list[tuple[int, float]]:
    """FTS5's BM25 (k1 1.2, b 0.75; an idf at or below 0 made 1e-6) of passages in a collection of their own, from each
    term's counts (passage -> times) and every passage's length: the passages holding any term, best first."""
    n = len(sizes)
    if not n:
        return []
    avgdl = sum(sizes.values()) / n
    idf = []
    for hits in counts:
        value = math.log((n - len(hits) + 0.5) / (len(hits) + 0.5))
        idf.append(value if value > 0 else 1e-6)
    keep = {int(i) for i in only} if only is not None else None
    found = {pid for hits in counts for pid in hits if keep is None or pid in keep}
    scores = []
    for pid in found:
        norm = 1.2 * (1 - 0.75 + 0.75 * sizes[pid] / avgdl)
        score = 0.0
        for value, hits in zip(idf, counts):
            tf = hits.get(pid, 0)
            score += value * ((tf * 2.2) / (tf + norm))
        scores.append((pid, score))
    scores.sort(key=lambda h: (-h[1], h[0]))
    return scores[:limit]


def _id_runs(ids) -> list[tuple[int, int]]:
    """Sorted ids as runs of consecutive ids."""
    runs: list[list[int]] = []
    for i in ids:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a, b) for a, b in runs]


def _passage_dict(row) -> dict:
    return {
        "passage": row["id"],
        "entry": row["entry"],
        "ref": row["ref"],
        "at": row["at"],
        "speaker": row["speaker"],
        "text": row["text"],
    }


# -- encryption at rest -------------------------------------------------------------------------
def encrypt(path, key: str) -> Path:
    """Make the plain store at `path` an encrypted one (SQLCipher, with `key`), in place: written beside it,
    checked, then put in its place; its search index is rebuilt and its vector file (plain floats) removed."""
    return _convert(Path(path), None, key)


def decrypt(path, key: str) -> Path:
    """Make the encrypted store at `path` a plain one again, in place."""
    return _convert(Path(path), key, None)


def _convert(path: Path, old: str | None, new: str | None) -> Path:
    """Export the store into a file beside it under the new key (none: plain), check it, and put it in place.
    Only SQLCipher's own library touches the file meanwhile: two SQLite libraries in one process on one file
    would drop each other's locks."""
    for k in (old, new):
        if k is not None and (not isinstance(k, str) or not k):
            raise BadArgument("The key must be a non-empty string")
    with Memory(path, derive=False, create=False, key=old) as memory:  # brings it up to date, checks the key
        if memory.readonly:
            raise StoreError(f"{path} is read-only here", "Copy it to a folder you can write to; nothing was changed.")
        before = memory.query("SELECT count(*) FROM entries")[0][0]
        lock = memory._derive_lock(wait=True)
    target = path.with_name(path.name + ".converting")
    with lock, _sqlite_errors():  # no one derives meanwhile
        for leftover in (target, Path(f"{target}-journal"), Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        private_file(target)
        source = _cipher().connect(str(path), isolation_level=None, timeout=30)
        try:
            if old is not None:
                _keyed(source, old)
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            source.execute("BEGIN IMMEDIATE")  # no one writes meanwhile
            source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), new or ""))
            source.execute("SELECT sqlcipher_export('converted')")
            copied = source.execute("SELECT count(*) FROM converted.entries").fetchone()[0]
            source.execute("COMMIT")
            source.execute("DETACH DATABASE converted")
            with Memory(target, derive=False, create=False, key=new) as converted:
                problems = converted.check()
            if copied != before or problems:
                raise StoreError(f"{path} could not be converted (the copy did not check: {problems[:1] or copied})",
                                 "Nothing was changed.")
            os.replace(target, path)
        finally:
            source.close()
            target.unlink(missing_ok=True)
        for stale in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.usearch")):
            stale.unlink(missing_ok=True)
    return path


# -- the Python API's arguments -----------------------------------------------------------------
def _allowed(hint) -> tuple | None:
    """The classes an annotation allows, or None for one not checked here (list[...] and the like)."""
    kinds = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union else (hint,)
    if not all(isinstance(k, type) for k in kinds):
        return None
    return tuple(kinds) + ((int,) if float in kinds else ())  # a float may be given as an int, as in Python


def _checked(method):
    """The method, refusing with BadArgument (a typed error, and a TypeError) an argument of a type its
    annotation does not allow: a number for a text, text for a number, True for a limit."""
    signature = inspect.signature(method)
    allowed = {name: kinds for name, hint in typing.get_type_hints(method).items()
               if name != "return" and (kinds := _allowed(hint))}

    where = "Memory" if method.__name__ == "__init__" else f"Memory.{method.__name__}"

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            given = signature.bind(self, *args, **kwargs).arguments
        except TypeError as e:
            raise BadArgument(f"{where}: {e}") from None
        for name, value in given.items():
            kinds = allowed.get(name)
            if kinds and (not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds):
                names = " or ".join(dict.fromkeys("None" if k is type(None) else k.__name__ for k in kinds if k is not int or float not in kinds))
                raise BadArgument(f"{where}: {name} must be {names}, not {type(value).__name__}")
            if name == "limit" and isinstance(value, int) and value < 1:
                raise BadArgument(f"{where}: limit must be at least 1, not {value}")
        return method(self, *args, **kwargs)

    return call


for _name, _method in list(vars(Memory).items()):
    if callable(_method) and (not _name.startswith("_") or _name == "__init__") and _name not in ("transaction", "query", "mark_processed"):
        setattr(Memory, _name, _checked(_method))


class _Tried:
    """What a derivation run has taken: (processor, entry) -> the entry as it was then, and how often."""

    def __init__(self):
        self.taken: dict[tuple[str, int], tuple] = {}
        self.times: dict[tuple[str, int], int] = {}

    def due(self, memory, name: str, pending: list[int], take: bool = True) -> list[int]:
        """Of these pending entries, those to take now: new to this run, or changed since it took them."""
        again = [i for i in pending if (name, i) in self.taken and self.times[name, i] < RETRIES]
        now = {}
        for b in range(0, len(again), 500):
            part = again[b:b + 500]
            now.update((r[0], tuple(r[1:])) for r in memory.query(
                f"SELECT id, hash, at, deleted FROM entries WHERE id IN ({','.join('?' * len(part))})", part))
        asked = getattr(memory, "read_again", set())  # unchanged, but to be read again on what the store knows now
        todo = [i for i in pending if (name, i) not in self.taken or (i in now and now[i] != self.taken[name, i])
                or i in asked and self.times[name, i] < RETRIES]
        if take and todo:
            for b in range(0, len(todo), 500):
                part = todo[b:b + 500]
                for r in memory.query(f"SELECT id, hash, at, deleted FROM entries WHERE id IN ({','.join('?' * len(part))})", part):
                    self.taken[name, r[0]] = tuple(r[1:])
                    self.times[name, r[0]] = self.times.get((name, r[0]), 0) + 1
        return todo


# -- what extraction stores and reads back (extract/__init__.py) -----------------------------------------
# Its SQL, here as the rest of the store's: SQLite's, which postgres.py's connection translates. Those given `memory`
# read outside a transaction (`memory.query`); those given `conn` run in the caller's.
EXTRACTED = ("event_people", "events", "times", "feelings", "cues", "relations", "household_signs", "mentions", "person_facts")  # by entry
PERSON_CUES = "person, cue, count, closeness, fan, weight, valence, emotions, closeness_u, felt, valence_u, emotions_u"


def _chunks(items, size=500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items) -> str:
    return ",".join("?" * len(items))


def entry_lengths(memory, ids) -> dict[int, int]:
    """entry -> its length in characters, of the entries stored."""
    found = {}
    for chunk in _chunks(ids):
        found.update(dict(memory.query(f"SELECT id, length(text) FROM entries WHERE id IN ({_marks(chunk)})", chunk)))
    return found


def entries_to_read(memory, ids):
    """These entries (id, text, at, author, kind, meta, hash) by id, and entry -> its passages in order, each
    (start, end, id, speaker)."""
    entries = memory.query(f"SELECT id, text, at, author, kind, meta, hash FROM entries WHERE id IN ({_marks(ids)}) ORDER BY id", ids)
    passages = defaultdict(list)
    for row in memory.query(f"SELECT id, entry, start, end, speaker FROM passages WHERE entry IN ({_marks(ids)}) ORDER BY entry, seq", ids):
        passages[row["entry"]].append((row["start"], row["end"], row["id"], row["speaker"]))
    return entries, passages


def entries_now(conn, ids) -> tuple[dict, dict]:
    """(entry -> (hash, at) of these entries not in the trash, entry -> its passage ids in order): an entry as it is now."""
    now = {r[0]: (r[1], r[2]) for r in conn.execute(
        f"SELECT id, hash, at FROM entries WHERE id IN ({_marks(ids)}) AND deleted IS NULL", ids)}
    held = defaultdict(list)
    for pid, eid in conn.execute(f"SELECT id, entry FROM passages WHERE entry IN ({_marks(ids)}) ORDER BY entry, seq", ids):
        held[eid].append(pid)
    return now, held


def entry_text(conn, entry_id: int) -> str:
    return conn.execute("SELECT text FROM entries WHERE id = ?", (entry_id,)).fetchone()[0]


def entry_day(conn, entry_id: int):
    """The entry's day (its `at` to the day), as a row, or None if there is no such entry."""
    return conn.execute("SELECT substr(at, 1, 10) FROM entries WHERE id = ?", (entry_id,)).fetchone()


def forget_extracted(conn, entry_ids=None):
    """Delete the rows extraction read in these entries (in every entry if None); people and aliases stay."""
    if entry_ids is None:
        for table in EXTRACTED:
            conn.execute(f"DELETE FROM {table}")
        return
    marks = _marks(entry_ids)
    conn.execute(f"DELETE FROM event_people WHERE event IN (SELECT id FROM events WHERE entry IN ({marks}))", entry_ids)
    for table in EXTRACTED[1:]:
        conn.execute(f"DELETE FROM {table} WHERE entry IN ({marks})", entry_ids)


def forget_people(conn):
    """Delete every person, their aliases and person-cue rows."""
    conn.execute("DELETE FROM person_cues")
    conn.execute("DELETE FROM aliases")
    conn.execute("DELETE FROM people")


def unmark_processed(conn, processor: str, entry_ids=None):
    """These entries (every entry if None) are to be read again by `processor`."""
    if entry_ids is None:
        conn.execute("DELETE FROM processed WHERE processor = ?", (processor,))
    else:
        for chunk in _chunks(list(entry_ids)):
            conn.execute(f"DELETE FROM processed WHERE processor = ? AND entry IN ({_marks(chunk)})", [processor, *chunk])


# a chat's lower-case names, on the evidence of all the store's chats (extract `_chat_store`)
def _rows(db, sql, params) -> list:
    """Rows of a query on a Memory (outside a transaction) or a connection (in the caller's)."""
    return db.query(sql, params) if hasattr(db, "query") else db.execute(sql, params).fetchall()


def chat_turns_saying(db, word: str, most: int) -> list:
    """Rows (id, text) of the first `most` chat turns (passages with a speaker, not in the trash) saying a word."""
    return _rows(db, "SELECT p.id, p.text FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN entries e ON e.id = p.entry"
                     " WHERE passages_fts MATCH ? AND p.speaker IS NOT NULL AND e.deleted IS NULL ORDER BY p.id LIMIT ?",
                 (f'"{word}"', most))


def chat_entries_saying(conn, word: str) -> set[int]:
    """The chats (entries) with a turn that says a word."""
    return {r[0] for r in conn.execute("SELECT DISTINCT p.entry FROM passages_fts f JOIN passages p ON p.id = f.rowid"
                                       " WHERE passages_fts MATCH ? AND p.speaker IS NOT NULL", (f'"{word}"',))}


def setting_in(conn, key: str):
    """A setting's value (JSON) read in the caller's transaction, or None."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def forget_setting(conn, key: str):
    conn.execute("DELETE FROM settings WHERE key = ?", (key,))


# what an entry's extraction is stored as
def insert_mentions(conn, rows):
    """Rows of (entry, passage, person, start, end, kind, sign, sure)."""
    conn.executemany(
        "INSERT INTO mentions (entry, passage, person, start, end, kind, sign, sure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_household_signs(conn, rows):
    """Rows of (entry, passage, subject, relation, object, start, end, how)."""
    conn.executemany("INSERT INTO household_signs (entry, passage, subject, relation, object, start, end, how)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_relations(conn, rows):
    """Rows of (entry, passage, subject, relation, object, start, end, confidence, how)."""
    conn.executemany(
        "INSERT INTO relations (entry, passage, subject, relation, object, start, end, confidence, how)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_cues(conn, rows):
    """Rows of (entry, passage, person, cue, start, end, closeness)."""
    conn.executemany("INSERT INTO cues (entry, passage, person, cue, start, end, closeness) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def insert_event(conn, row) -> int:
    """One event, (entry, passage, kind, start, end, lo, hi, negated, confidence, date_confidence, place, date_how): its id."""
    return conn.execute(
        "INSERT INTO events (entry, passage, kind, start, end, lo, hi, negated, confidence, date_confidence, place, date_how)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row).lastrowid


def insert_event_people(conn, rows):
    """Rows of (event, person, agent); a person twice in one event once."""
    conn.executemany("INSERT OR IGNORE INTO event_people (event, person, agent) VALUES (?, ?, ?)", rows)


def insert_times(conn, rows):
    """Rows of (entry, passage, start, end, text, lo, hi, confidence)."""
    conn.executemany("INSERT INTO times (entry, passage, start, end, text, lo, hi, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_feelings(conn, rows):
    """Rows of (entry, passage, start, end, valence, emotions as JSON)."""
    conn.executemany("INSERT INTO feelings (entry, passage, start, end, valence, emotions) VALUES (?, ?, ?, ?, ?, ?)", rows)


def insert_facts(conn, rows):
    """Rows of (entry, passage, person, kind, what, statement, start, end, lo, hi)."""
    conn.executemany(
        "INSERT INTO person_facts (entry, passage, person, kind, what, statement, start, end, lo, hi)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


# people, as extraction keeps them
def people_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM people").fetchone()[0]


def people_ids(conn) -> set[int]:
    return {r[0] for r in conn.execute("SELECT id FROM people")}


def people_named_in(conn, entry_ids) -> set[int]:
    """The people these entries mention."""
    return {r[0] for chunk in _chunks(sorted(entry_ids)) for r in conn.execute(
        f"SELECT DISTINCT person FROM mentions WHERE entry IN ({_marks(chunk)})", chunk)}


def forget_unmentioned(conn):
    """Delete the people no mention names, and their facts (the one table of theirs with no cascade)."""
    gone = "SELECT id FROM people WHERE id NOT IN (SELECT DISTINCT person FROM mentions)"
    conn.execute(f"DELETE FROM person_facts WHERE person IN ({gone})")
    conn.execute(f"DELETE FROM people WHERE id IN ({gone})")


def name_and_owner(conn, pid: int):
    """(name, owner) of a person, or None."""
    return conn.execute("SELECT name, owner FROM people WHERE id = ?", (pid,)).fetchone()


def said_of(conn, pid: int) -> set[str]:
    """The words of a person's mentions, in lower case."""
    return {r[0].lower() for r in conn.execute(
        "SELECT DISTINCT substr(e.text, m.start + 1, m.end - m.start) FROM mentions m JOIN entries e ON e.id = m.entry"
        " WHERE m.person = ?", (pid,))}


def written_where_named(conn, pid: int, name: str) -> bool:
    """Does an entry that mentions the person hold this name anywhere (in any case)?"""
    return conn.execute(
        "SELECT 1 FROM entries WHERE id IN (SELECT DISTINCT entry FROM mentions WHERE person = ?)"
        " AND instr(lower(text), lower(?)) LIMIT 1", (pid, name)).fetchone() is not None


def aliases_of(conn, pid: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM aliases WHERE person = ?", (pid,))]


def aliases_of_people(conn, people) -> dict[int, list[str]]:
    """person -> their aliases, of these people."""
    out = {}
    for chunk in _chunks(people):
        for pid, alias in conn.execute(f"SELECT person, alias FROM aliases WHERE person IN ({_marks(chunk)})", chunk):
            out.setdefault(pid, []).append(alias)
    return out


def forget_aliases(conn, rows):
    """Rows of (person, alias)."""
    conn.executemany("DELETE FROM aliases WHERE person = ? AND alias = ?", rows)


def rename_person(conn, pid: int, name: str):
    conn.execute("UPDATE people SET name = ? WHERE id = ?", (name, pid))


# events, as extraction dates them and weighs them after a batch
def set_event_confidence(conn, rows):
    """Rows of (confidence, event)."""
    conn.executemany("UPDATE events SET confidence = ? WHERE id = ?", rows)


def deaths_of_unlisted(conn, above: float, listed: str) -> list:
    """(event, name) of each person a death surer than `above` is told of, for the deaths told of no one listed
    (`listed`: LISTED_SQL, of `p`)."""
    return conn.execute(
        "SELECT ev.id, p.name FROM events ev JOIN event_people ep ON ep.event = ev.id AND ep.agent = 0"
        " JOIN people p ON p.id = ep.person WHERE ev.kind = 'death' AND coalesce(ev.confidence, 1.0) > ?"
        " AND NOT EXISTS (SELECT 1 FROM event_people ep JOIN people p ON p.id = ep.person"
        f"   WHERE ep.event = ev.id AND ep.agent = 0 AND {listed})", (above,)).fetchall()


def deaths_of_listed_again(conn, sure: float, unseen: float, listed: str):
    """The deaths at `unseen` told of someone now listed are `sure` again."""
    conn.execute(
        "UPDATE events SET confidence = ? WHERE kind = 'death' AND confidence = ?"
        " AND EXISTS (SELECT 1 FROM event_people ep JOIN people p ON p.id = ep.person"
        f"   WHERE ep.event = events.id AND ep.agent = 0 AND {listed})", (sure, unseen))


def death_days(conn, people, sure: float) -> dict:
    """person -> the day of their earliest dated death at least `sure`, of these people."""
    died = {}
    for chunk in _chunks(people):
        for person, hi in conn.execute(
                "SELECT ep.person, min(substr(ev.hi, 1, 10)) FROM events ev JOIN event_people ep ON ep.event = ev.id AND ep.agent = 0"
                f" WHERE ev.kind = 'death' AND ev.negated = 0 AND coalesce(ev.confidence, 1.0) >= ? AND ev.lo IS NOT NULL"
                f" AND ev.hi IS NOT NULL AND ep.person IN ({_marks(chunk)}) GROUP BY ep.person", (sure, *chunk)):
            died[person] = hi
    return died


def dated_events_of(conn, people):
    """(event, person, first day, date_how) of the events but deaths these people are in that have a date and its evidence."""
    for chunk in _chunks(people):
        yield from conn.execute(
            "SELECT ev.id, ep.person, substr(ev.lo, 1, 10), ev.date_how FROM events ev JOIN event_people ep ON ep.event = ev.id"
            f" WHERE ev.kind != 'death' AND ev.lo IS NOT NULL AND ev.date_how IS NOT NULL"
            f" AND ep.person IN ({_marks(chunk)})", chunk)


def bound_events(conn, rows):
    """Rows of (day, event): the event is no later than that day, its date only that bound ("bound:" its evidence)."""
    conn.executemany("UPDATE events SET lo = NULL, hi = ?, date_confidence = 0, date_how = 'bound:' || date_how WHERE id = ?", rows)


def deaths_told(conn, people, above: float) -> list[tuple]:
    """(event, person, day) of the deaths of these people surer than `above`: the day it is dated to, else the entry's."""
    return [tuple(r) for chunk in _chunks(people) for r in conn.execute(
        "SELECT ev.id, ep.person, substr(coalesce(ev.hi, e.at), 1, 10) FROM events ev JOIN event_people ep ON ep.event = ev.id"
        " AND ep.agent = 0 JOIN entries e ON e.id = ev.entry WHERE ev.kind = 'death' AND ev.negated = 0"
        f" AND coalesce(ev.confidence, 1.0) > ? AND ep.person IN ({_marks(chunk)})", (above, *chunk))]


def last_lived(conn, people, kinds, sure: float) -> list:
    """(person, day) of each of these people: the latest day an event of theirs of these kinds, at least `sure`, surely
    dated, began on."""
    return [r for chunk in _chunks(people) for r in conn.execute(
        "SELECT ep.person, max(substr(o.lo, 1, 10)) FROM events o JOIN event_people ep ON ep.event = o.id AND ep.agent = 0"
        f" WHERE ep.person IN ({_marks(chunk)}) AND o.kind IN ({_marks(kinds)}) AND o.negated = 0"
        " AND o.lo IS NOT NULL AND coalesce(o.confidence, 1.0) >= ? AND coalesce(o.date_confidence, 0) > 0"
        " GROUP BY ep.person", (*chunk, *kinds, sure)).fetchall()]


def last_heard(conn, people) -> list:
    """(person, day) of each of these people: the latest day they spoke in a chat or wrote as "I"."""
    return [r for chunk in _chunks(people) for r in conn.execute(
        "SELECT m.person, max(substr(e.at, 1, 10)) FROM mentions m JOIN entries e ON e.id = m.entry"
        f" WHERE m.person IN ({_marks(chunk)}) AND m.kind IN ('speaker', 'narrator') AND e.at IS NOT NULL GROUP BY m.person",
        chunk).fetchall()]


def people_in_dated_events(conn, entries) -> set[int]:
    """The people in the dated events of these entries."""
    return {r[0] for chunk in _chunks(entries) for r in conn.execute(
        "SELECT DISTINCT ep.person FROM events ev JOIN event_people ep ON ep.event = ev.id"
        f" WHERE ev.lo IS NOT NULL AND ev.entry IN ({_marks(chunk)})", chunk)}


def undated_events(conn, entries) -> set[tuple]:
    """(event, entry, start, end) of the undated events of these entries (not denied)."""
    return {tuple(r) for chunk in _chunks(entries) for r in conn.execute(
        "SELECT id, entry, start, end FROM events WHERE lo IS NULL AND negated = 0"
        f" AND entry IN ({_marks(chunk)})", chunk)}


def undated_events_naming(conn, people, besides) -> set[tuple]:
    """(event, entry, start, end) of the undated events (not denied) a mention of one of these people is inside, of the
    entries not in `besides` (within one long entry this join pairs each of its events with each of its mentions: a
    10 MB entry takes minutes)."""
    return {tuple(r) for chunk in _chunks(people) for r in conn.execute(
        "SELECT DISTINCT ev.id, ev.entry, ev.start, ev.end FROM events ev JOIN mentions m ON m.entry = ev.entry"
        " AND m.start >= ev.start AND m.start < ev.end WHERE ev.lo IS NULL AND ev.negated = 0"
        f" AND m.person IN ({_marks(chunk)}) AND m.entry NOT IN ({_marks(besides)})",
        (*chunk, *besides))}


def event_kind(conn, event: int) -> str:
    return conn.execute("SELECT kind FROM events WHERE id = ?", (event,)).fetchone()[0]


def person_mentioned_at(conn, entry: int, start: int, end: int):
    """The person mentioned exactly there, as a row, or None."""
    return conn.execute("SELECT person FROM mentions WHERE entry = ? AND start = ? AND end = ?", (entry, start, end)).fetchone()


def in_event(conn, event: int, kind: str, person: int) -> bool:
    """Is this event of this kind, with this person in it?"""
    return conn.execute("SELECT 1 FROM events ev JOIN event_people ep ON ep.event = ev.id WHERE ev.id = ? AND ev.kind = ?"
                        " AND ep.person = ?", (event, kind, person)).fetchone() is not None


def dated_events_of_kind(conn, person: int, kind: str) -> list:
    """(lo, hi, date_confidence, confidence) of the person's events of this kind surely dated, not denied, once each."""
    return conn.execute(
        "SELECT DISTINCT ev.lo, ev.hi, ev.date_confidence, coalesce(ev.confidence, 1.0) FROM events ev JOIN event_people ep"
        " ON ep.event = ev.id AND ep.agent = 0 WHERE ep.person = ? AND ev.kind = ? AND ev.lo IS NOT NULL AND ev.hi IS NOT NULL"
        " AND ev.negated = 0 AND coalesce(ev.date_confidence, 0) > 0", (person, kind)).fetchall()


def half_dated_events(conn, people, kinds) -> list:
    """(event, person, kind, lo, hi, place) of the events of these kinds these people are in (not as agents), not
    denied, dated only by a bound: no later than a day (lo NULL), or after one, as a plan is (hi NULL); not those a
    death or a funeral bounds ("bound:" evidence)."""
    return [tuple(r) for chunk in _chunks(people) for r in conn.execute(
        "SELECT ev.id, ep.person, ev.kind, ev.lo, ev.hi, ev.place FROM events ev JOIN event_people ep ON ep.event = ev.id"
        f" AND ep.agent = 0 WHERE ep.person IN ({_marks(chunk)}) AND ev.kind IN ({_marks(kinds)}) AND ev.negated = 0"
        " AND (ev.lo IS NULL) != (ev.hi IS NULL) AND coalesce(ev.date_how, '') NOT LIKE 'bound:%'",
        (*chunk, *kinds)).fetchall()]


def dated_tellings(conn, person: int, kind: str) -> list:
    """(event, lo, hi, date_how, date_confidence, confidence, place) of the person's events of this kind (not as agent)
    surely dated, not denied."""
    return [tuple(r) for r in conn.execute(
        "SELECT ev.id, ev.lo, ev.hi, ev.date_how, ev.date_confidence, coalesce(ev.confidence, 1.0), ev.place FROM events ev"
        " JOIN event_people ep ON ep.event = ev.id AND ep.agent = 0 WHERE ep.person = ? AND ev.kind = ? AND ev.lo IS NOT NULL"
        " AND ev.hi IS NOT NULL AND ev.negated = 0 AND coalesce(ev.date_confidence, 0) > 0", (person, kind)).fetchall()]


def date_events(conn, rows):
    """Rows of (lo, hi, date_confidence, date_how, event)."""
    conn.executemany("UPDATE events SET lo = ?, hi = ?, date_confidence = ?, date_how = ? WHERE id = ?", rows)


def funerals_before(conn, event: int, entry: int, start: int, since: str, day: str) -> list:
    """(entry, start, day, date_how, entry's day) of the deaths a funeral bounds (undated, `bound:` evidence, not denied),
    but this event: told before `start` in this entry, or in another written from `since` to `day`."""
    return conn.execute(
        "SELECT ev.entry, ev.start, substr(ev.hi, 1, 10), ev.date_how, substr(e.at, 1, 10) FROM events ev"
        " JOIN entries e ON e.id = ev.entry WHERE ev.kind = 'death' AND ev.negated = 0 AND ev.lo IS NULL AND ev.hi IS NOT NULL"
        " AND ev.date_how LIKE 'bound:%' AND ev.id != ? AND (ev.entry = ? AND ev.start < ? OR ev.entry != ?"
        " AND e.at >= ? AND e.at < ?)", (event, entry, start, entry, since, day + "T99")).fetchall()


# relations: those implied by the ones read
def forget_implied(conn):
    """Forget the ties worked out from others: those implied, and the household read from its signs."""
    conn.execute("DELETE FROM relations WHERE how = 'household' OR how LIKE 'implied%'")


def household_signs(conn):
    """(entry, passage, subject, relation, object, start, end, how) of every weak sign of the writer's household
    (relations `_household`), in the order read."""
    return conn.execute("SELECT entry, passage, subject, relation, object, start, end, how FROM household_signs"
                        " ORDER BY entry, start, end, id").fetchall()


def relations_read(conn):
    """(entry, passage, subject, relation, object, start, end, confidence) of every relation, in the order read."""
    return conn.execute(
        "SELECT entry, passage, subject, relation, object, start, end, coalesce(confidence, 1.0) FROM relations"
        " ORDER BY entry, start, end, id")


def genders(conn) -> dict:
    """person -> gender."""
    return dict(conn.execute("SELECT id, gender FROM people"))


def writer_id(conn) -> int | None:
    """The person who is the writer, if any (the first stored)."""
    row = conn.execute("SELECT id FROM people WHERE owner = 1 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else None


# people, as extraction joins them (extract/__init__.py: `_People`, the joins after a batch, `read_people`)
def people_rows(conn) -> list:
    """(id, name, gender, owner) of every person."""
    return conn.execute("SELECT id, name, gender, owner FROM people").fetchall()


def every_alias(conn) -> list:
    """(person, alias) of every alias."""
    return conn.execute("SELECT person, alias FROM aliases").fetchall()


def mention_counts(conn) -> dict:
    """person -> how many mentions they have."""
    return dict(conn.execute("SELECT person, count(*) FROM mentions GROUP BY person").fetchall())


def letters_signed(conn) -> dict:
    """person -> how many entries they are the "I" of, outside chats (a letter's signer, the writer)."""
    return dict(conn.execute(
        "SELECT m.person, count(DISTINCT m.entry) FROM mentions m JOIN passages pa ON pa.id = m.passage"
        " WHERE m.kind = 'narrator' AND pa.speaker IS NULL GROUP BY m.person").fetchall())


def _any_speaker(conn) -> bool:
    """Is any passage a chat's turn (with a speaker)? Asked before a query over every mention that only a turn can answer."""
    return conn.execute("SELECT 1 FROM passages WHERE speaker IS NOT NULL LIMIT 1").fetchone() is not None


def speaking_labels(conn) -> list:
    """(person, label) of each label a person speaks under in a chat, once each."""
    if not _any_speaker(conn):
        return []
    return conn.execute(
        "SELECT DISTINCT m.person, pa.speaker FROM mentions m JOIN passages pa ON pa.id = m.passage"
        " WHERE m.kind IN ('narrator', 'speaker') AND pa.speaker IS NOT NULL").fetchall()


def speakers_naming(conn, pid: int) -> set:
    """The chat speakers in whose turns the person's name is said."""
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT pa.speaker FROM mentions m JOIN passages pa ON pa.id = m.passage"
        " WHERE m.person = ? AND m.kind = 'name' AND pa.speaker IS NOT NULL", (pid,))}


def add_person(conn, name: str, gender, owner: int) -> int:
    """A new person: their id."""
    return conn.execute("INSERT INTO people (name, gender, owner) VALUES (?, ?, ?)", (name, gender, owner)).lastrowid


def make_writer(conn, pid: int, name: str):
    """The person is the writer, named so."""
    conn.execute("UPDATE people SET owner = 1, name = ? WHERE id = ?", (name, pid))


def set_gender(conn, pid: int, gender):
    conn.execute("UPDATE people SET gender = ? WHERE id = ?", (gender, pid))


def gender_of(conn, pid: int):
    return conn.execute("SELECT gender FROM people WHERE id = ?", (pid,)).fetchone()[0]


def raise_confidence(conn, pid: int, confidence: float):
    """The person's confidence is at least this."""
    conn.execute("UPDATE people SET confidence = max(coalesce(confidence, 0), ?) WHERE id = ?", (confidence, pid))


def add_aliases(conn, rows):
    """Rows of (person, alias, confidence, passage); an alias the person has already is kept as it is."""
    conn.executemany("INSERT OR IGNORE INTO aliases (person, alias, confidence, passage) VALUES (?, ?, ?, ?)", rows)


def related_to_anyone(conn, pid: int) -> bool:
    return conn.execute("SELECT 1 FROM relations WHERE subject = ?1 OR object = ?1 LIMIT 1", (pid,)).fetchone() is not None


def related_to_others(conn, pid: int) -> bool:
    """Is the person related to anyone but themselves and the writer?"""
    return conn.execute(
        "SELECT 1 FROM relations r JOIN people o ON (o.id = r.subject OR o.id = r.object) AND o.id != ?1"
        " WHERE (r.subject = ?1 OR r.object = ?1) AND o.owner = 0 LIMIT 1", (pid,)).fetchone() is not None


def related(conn, a: int, b: int, but_kin: bool = False) -> bool:
    """Are two people related, either way (`but_kin`: by a relation not read from a kin word)?"""
    return conn.execute(
        "SELECT 1 FROM relations WHERE (subject = ?1 AND object = ?2 OR subject = ?2 AND object = ?1)"
        + (" AND coalesce(how, '') NOT LIKE 'kin%'" if but_kin else "") + " LIMIT 1", (a, b)).fetchone() is not None


def related_as(conn, pid: int, relation: str) -> bool:
    """Is the person anyone's `relation` (a word in lower case)?"""
    return conn.execute("SELECT 1 FROM relations WHERE subject = ? AND lower(relation) = ? LIMIT 1",
                        (pid, relation)).fetchone() is not None


def entries_naming(conn, pid: int) -> int:
    """How many entries mention the person."""
    return conn.execute("SELECT count(DISTINCT entry) FROM mentions WHERE person = ?", (pid,)).fetchone()[0]


def said_in_chats_of(conn, pid: int, speakers) -> bool:
    """Is the person mentioned in an entry where one of these speakers speaks?"""
    return conn.execute(f"SELECT 1 FROM mentions m JOIN passages pa ON pa.entry = m.entry WHERE m.person = ?"
                        f" AND pa.speaker IN ({_marks(speakers)}) LIMIT 1", (pid, *speakers)).fetchone() is not None


def said_outside_chats(conn, pid: int) -> bool:
    return conn.execute("SELECT 1 FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ?"
                        " AND e.kind != 'chat' LIMIT 1", (pid,)).fetchone() is not None


def spoken_to(conn, pid: int) -> bool:
    """Is the person spoken to in quoted words anywhere?"""
    return conn.execute("SELECT 1 FROM mentions WHERE person = ? AND sign = 'spoken' LIMIT 1", (pid,)).fetchone() is not None


def said_to_have_died(conn, pid: int, sure: float) -> bool:
    """Is a death of the person told, not denied, at least `sure`?"""
    return conn.execute(
        "SELECT 1 FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = ? AND ev.kind = 'death'"
        " AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ? LIMIT 1", (pid, sure)).fetchone() is not None


def death_entries(conn, pid: int, sure: float) -> set[int]:
    """The entries that tell a death of the person, not denied, at least `sure`."""
    return {r[0] for r in conn.execute(
        "SELECT ev.entry FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = ? AND ev.kind = 'death'"
        " AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ?", (pid, sure))}


def written_to_or_speaks(conn, pid: int, written_to: bool = True) -> bool:
    """Does the person speak in a chat, or (`written_to`) is the person written to in an entry they are not the "I" of?"""
    kinds = "'speaker', 'addressee'" if written_to else "'speaker'"
    return conn.execute(
        f"SELECT 1 FROM mentions m WHERE m.person = ? AND m.kind IN ({kinds}) AND (m.kind = 'speaker'"
        " OR NOT EXISTS (SELECT 1 FROM mentions n WHERE n.entry = m.entry AND n.person = m.person AND n.kind = 'narrator'))"
        " LIMIT 1", (pid,)).fetchone() is not None


def named_or_pronoun(conn, pid: int):
    """(entry, kind, start, end) of the person's mentions by a name, a title or a pronoun."""
    return conn.execute(
        "SELECT m.entry, m.kind, m.start, m.end FROM mentions m WHERE m.person = ? AND m.kind IN ('pronoun', 'name', 'title')",
        (pid,)).fetchall()


def writer_names_others_have(conn, owner: int) -> list:
    """(alias, person) of each alias of the writer's that is a name of another untyped person, not the writer."""
    return conn.execute(
        "SELECT a.alias, p.id FROM aliases a JOIN people p ON p.id != a.person AND coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND (p.name = a.alias OR EXISTS (SELECT 1 FROM aliases b WHERE b.person = p.id AND b.alias = a.alias))"
        " WHERE a.person = ?", (owner,)).fetchall()


def mentions_saying(conn, pid: int, words: str) -> list:
    """(kind, sign) of the person's mentions whose text is exactly these words."""
    return conn.execute(
        "SELECT m.kind, m.sign FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ?"
        " AND substr(e.text, m.start + 1, m.end - m.start) = ?", (pid, words)).fetchall()


def corrected(conn, name: str) -> bool:
    """Does a correction the owner made (not undone) name this name, in any case?"""
    return conn.execute(
        "SELECT 1 FROM corrections WHERE undone IS NULL AND (lower(a) = lower(?1) OR lower(b) = lower(?1)) LIMIT 1",
        (name,)).fetchone() is not None


def writers_among(conn, a: int, b: int) -> set[int]:
    """Which of two people is the writer."""
    return {r[0] for r in conn.execute("SELECT id FROM people WHERE id IN (?, ?) AND owner = 1", (a, b))}


def split_names(conn) -> set[str]:
    """The names the owner split off (corrections not undone), in lower case."""
    return {r[0].lower() for r in conn.execute("SELECT b FROM corrections WHERE kind = 'split' AND undone IS NULL")}


def writer_relations(conn, owner: int) -> list:
    """(subject, relation, object, how, confidence, the other's name, the other's gender) of each relation between the
    writer and an untyped other."""
    return conn.execute(
        "SELECT r.subject, r.relation, r.object, r.how, coalesce(r.confidence, 1.0), p.name, p.gender FROM relations r"
        " JOIN people p ON p.id = (CASE WHEN r.subject = ?1 THEN r.object ELSE r.subject END)"
        " WHERE (r.subject = ?1 OR r.object = ?1) AND r.subject != r.object AND p.kind IS NULL ORDER BY r.id", (owner,)).fetchall()


def names_said_theirs(conn, pid: int) -> tuple[int, int]:
    """(how many times the person is said by a name or a title, how many of those as someone else's: "his Mam")."""
    return tuple(conn.execute("SELECT count(*), count(CASE WHEN sign = 'theirs' THEN 1 END) FROM mentions"
                              " WHERE person = ? AND kind IN ('name', 'title')", (pid,)).fetchone())


def titled_aliases_besides(conn, people) -> list[str]:
    """The aliases of two words or more of the untyped people but these."""
    return [r[0] for r in conn.execute(
        f"SELECT a.alias FROM aliases a JOIN people p ON p.id = a.person AND p.kind IS NULL"
        f" WHERE a.person NOT IN ({_marks(people)}) AND instr(a.alias, ' ') > 0", sorted(people))]


def writer_signatures(conn, owner, unseen: float) -> list:
    """(id, name) of the untyped people but the writer who sign two entries or more outside chats, and are named in no
    other entry but in quoted words or alone on its last line, written to nowhere and speak in no chat, write to the
    writer in no entry they sign, are related to the writer in no way and told dead surer than `unseen` nowhere
    (extract's `_owner_signed`)."""
    return conn.execute(
        "SELECT p.id, p.name FROM people p WHERE coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND (SELECT count(DISTINCT m.entry) FROM mentions m JOIN passages pa ON pa.id = m.passage"
        "      WHERE m.person = p.id AND m.kind = 'narrator' AND pa.speaker IS NULL) >= 2"
        " AND NOT EXISTS (SELECT 1 FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = p.id"
        "   AND m.kind IN ('name', 'title') AND coalesce(m.sign, '') NOT IN ('spoken', 'quoted')"
        "   AND m.entry NOT IN (SELECT n.entry FROM mentions n WHERE n.person = p.id AND n.kind = 'narrator')"
        # nor a name alone on a letter's last line, the letter signed with no closing words ("...\n\nFiona")
        "   AND NOT (substr(e.text, m.start, 1) = ?3 AND trim(substr(e.text, m.end + 1), ?4) = ''))"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind IN ('addressee', 'speaker'))"
        " AND NOT EXISTS (SELECT 1 FROM mentions m JOIN mentions n ON n.entry = m.entry WHERE m.person = p.id"
        "   AND m.kind = 'narrator' AND n.person = ?1 AND n.kind = 'addressee')"
        " AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.subject = p.id AND r.object = ?1 OR r.subject = ?1 AND r.object = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = p.id"
        "   AND ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ?2)",
        (owner, unseen, "\n", " .,!xX\t\n\r")).fetchall()


def single_letter_signers(conn, owner: int, unseen: float) -> list:
    """(id, name) of the untyped people but the writer who sign one entry outside chats, written to the writer's kin (one
    the writer's own entries call by a kin word), named in no other entry but in quoted words, written to nowhere,
    speak in no chat, related to the writer in no way and told dead surer than `unseen` nowhere (`_owner_signed_once`)."""
    return conn.execute(
        "SELECT p.id, p.name FROM people p WHERE coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND (SELECT count(DISTINCT m.entry) FROM mentions m JOIN passages pa ON pa.id = m.passage"
        "      WHERE m.person = p.id AND m.kind = 'narrator' AND pa.speaker IS NULL) = 1"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title')"
        "   AND coalesce(m.sign, '') NOT IN ('spoken', 'quoted')"
        "   AND m.entry NOT IN (SELECT n.entry FROM mentions n WHERE n.person = p.id AND n.kind = 'narrator'))"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind IN ('addressee', 'speaker'))"
        " AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.subject = p.id AND r.object = ?1 OR r.subject = ?1 AND r.object = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = p.id"
        "   AND ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ?2)"
        # written to the writer's kin: one the writer's own entries (where the writer is the "I") call by a kin word
        " AND EXISTS (SELECT 1 FROM mentions m JOIN mentions a ON a.entry = m.entry AND a.kind = 'addressee' AND a.person NOT IN (p.id, ?1)"
        "   JOIN relations r ON r.subject = a.person AND r.object = ?1 AND r.how LIKE 'kin%'"
        "   JOIN mentions w ON w.person = a.person AND w.kind IN ('name', 'title') AND w.entry != m.entry"
        "   JOIN mentions i ON i.entry = w.entry AND i.person = ?1 AND i.kind = 'narrator'"
        "   WHERE m.person = p.id AND m.kind = 'narrator')",
        (owner, unseen)).fetchall()


def said_to_only(conn) -> list:
    """(id, name) of the untyped people but the writer who are spoken to in quoted words, and are said nowhere else by a
    name or a title but in quoted words or the entries they sign, written to nowhere and speak in no chat."""
    return conn.execute(
        "SELECT p.id, p.name FROM people p WHERE coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.sign = 'spoken')"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND (m.kind IN ('addressee', 'speaker')"
        "   OR m.kind IN ('name', 'title') AND coalesce(m.sign, '') NOT IN ('spoken', 'quoted')"
        "   AND m.entry NOT IN (SELECT n.entry FROM mentions n WHERE n.person = p.id AND n.kind = 'narrator')))").fetchall()


def entries_signed(conn, pid: int) -> int:
    """How many entries the person is the "I" of."""
    return conn.execute(
        "SELECT count(DISTINCT entry) FROM mentions WHERE person = ? AND kind = 'narrator'", (pid,)).fetchone()[0]


def signs_beside_writer(conn, pid: int) -> bool:
    """Is the writer the "I" of an entry the person is the "I" of too?"""
    return conn.execute(
        "SELECT 1 FROM mentions m JOIN people o ON o.id = m.person AND o.owner = 1 WHERE m.kind = 'narrator'"
        " AND m.entry IN (SELECT entry FROM mentions WHERE person = ? AND kind = 'narrator') LIMIT 1", (pid,)).fetchone() is not None


def one_word_signers(conn, owner, sure: float) -> list:
    """(id, name) of the untyped people of one word but the writer who are the "I" of an entry, written to nowhere, speak
    in no chat, related to the writer by no tie but one read from a kin word, and told dead at least `sure` nowhere."""
    return conn.execute(
        "SELECT p.id, p.name FROM people p WHERE coalesce(p.owner, 0) = 0 AND p.kind IS NULL AND instr(p.name, ' ') = 0"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind = 'narrator')"
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind IN ('addressee', 'speaker'))"
        " AND NOT EXISTS (SELECT 1 FROM relations r WHERE (r.subject = p.id AND r.object = ?1 OR r.subject = ?1 AND r.object = p.id)"
        "   AND coalesce(r.how, '') NOT LIKE 'kin%')"
        " AND NOT EXISTS (SELECT 1 FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = p.id"
        "   AND ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ?2)",
        (owner, sure)).fetchall()


def named_unquoted_elsewhere(conn, pid: int) -> list:
    """(entry text, start) of the person's names and titles said outside quoted words in the entries they do not sign."""
    return conn.execute(
        "SELECT e.text, m.start FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ?"
        " AND m.kind IN ('name', 'title') AND coalesce(m.sign, '') NOT IN ('spoken', 'quoted')"
        " AND m.entry NOT IN (SELECT n.entry FROM mentions n WHERE n.person = ? AND n.kind = 'narrator')", (pid, pid)).fetchall()


def spoken_to_counts(conn, owner: int, unseen: float) -> list:
    """(id, name, entries spoken to in, names in quoted words, names outside them, entries naming them, speaks in a chat,
    related to the writer) of the untyped people but the writer spoken to in quoted words, written to nowhere and told
    dead surer than `unseen` nowhere (`_owner_named`)."""
    return conn.execute(
        "SELECT p.id, p.name,"
        " (SELECT count(DISTINCT m.entry) FROM mentions m WHERE m.person = p.id AND m.sign = 'spoken'),"
        " (SELECT count(*) FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title') AND m.sign IN ('spoken', 'quoted')),"
        " (SELECT count(*) FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title')"
        "   AND (m.sign IS NULL OR m.sign NOT IN ('spoken', 'quoted'))),"
        " (SELECT count(DISTINCT m.entry) FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title')),"
        " EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind = 'speaker'),"
        " EXISTS (SELECT 1 FROM relations r WHERE r.subject = p.id AND r.object = ?1 OR r.subject = ?1 AND r.object = p.id)"
        " FROM people p WHERE coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.sign = 'spoken')"
        # one the writer writes to ("Dear Peg, ... you") or says has died (surely or perhaps) is someone else: no one
        # writes to themselves, nor of their own death
        " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id AND m.kind = 'addressee')"
        " AND NOT EXISTS (SELECT 1 FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = p.id"
        "   AND ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0 AND coalesce(ev.confidence, 1.0) >= ?2)",
        (owner, unseen)).fetchall()


def words_in_own_turns(conn) -> list:
    """(person, words in lower case) of each name or title an untyped person but the writer is said by in their own
    chat turns (a speaker signing: "Love Nan xx"), once each."""
    if not _any_speaker(conn):
        return []
    return conn.execute(
        "SELECT DISTINCT m.person, lower(substr(e.text, m.start + 1, m.end - m.start)) FROM mentions m"
        " JOIN entries e ON e.id = m.entry JOIN people p ON p.id = m.person JOIN passages pa ON pa.id = m.passage"
        " WHERE m.kind IN ('name', 'title') AND coalesce(p.owner, 0) = 0 AND p.kind IS NULL"
        " AND (pa.speaker = p.name OR pa.speaker IN (SELECT alias FROM aliases WHERE person = p.id))").fetchall()


def others_called(conn, name: str, besides: int) -> list[int]:
    """The untyped people but the writer and `besides` whose name is this (in lower case)."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM people WHERE lower(name) = ? AND coalesce(owner, 0) = 0 AND id != ? AND kind IS NULL",
        (name, besides)).fetchall()]


def others_untyped(conn) -> list:
    """(id, name, gender) of the untyped people but the writer."""
    return conn.execute("SELECT id, name, gender FROM people WHERE coalesce(owner, 0) = 0 AND kind IS NULL").fetchall()


def titled_by_any(conn, words) -> bool:
    """Is anyone called by one of these words (in lower case) before another word ("Uncle Ron", "Midwife Sarah")?"""
    return conn.execute(f"SELECT 1 FROM aliases WHERE instr(alias, ' ') > 0 AND lower(substr(alias, 1, instr(alias, ' ') - 1))"
                        f" IN ({_marks(words)}) LIMIT 1", words).fetchone() is not None


def names_in_context(conn, pid: int) -> list:
    """(text around, where the name starts in it, its length) of each of the person's names and titles: up to 19
    characters before the name and 60 after its start."""
    return conn.execute(
        "SELECT substr(e.text, CASE WHEN m.start > 20 THEN m.start - 19 ELSE 1 END, m.end - m.start + 60),"
        " CASE WHEN m.start > 20 THEN 20 ELSE m.start END, m.end - m.start FROM mentions m JOIN entries e ON e.id = m.entry"
        " WHERE m.person = ? AND m.kind IN ('name', 'title')", (pid,)).fetchall()


def ties_to_writer(conn, pid: int, sure: float) -> list[str]:
    """The relation words of the person to the writer at least `sure`."""
    return [r[0] for r in conn.execute(
        "SELECT r.relation FROM relations r JOIN people o ON o.id = r.object AND o.owner = 1 WHERE r.subject = ?"
        " AND coalesce(r.confidence, 1.0) >= ? ORDER BY r.id", (pid, sure))]


def named_together(conn, a: int, b: int) -> list:
    """(entry text, start) of each name of either person in an entry that names the other too."""
    return conn.execute(
        "SELECT e.text, m.start FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person IN (?1, ?2) AND m.kind = 'name'"
        " AND EXISTS (SELECT 1 FROM mentions n WHERE n.entry = m.entry AND n.person = (CASE WHEN m.person = ?1 THEN ?2 ELSE ?1 END)"
        " AND n.kind = 'name')", (a, b)).fetchall()


def said_together(conn, a: int, b: int) -> list:
    """(entry, entry text, person, start, end) of each name or title of either person in an entry that names or titles
    the other too, in the order said."""
    return conn.execute(
        "SELECT m.entry, e.text, m.person, m.start, m.end FROM mentions m JOIN entries e ON e.id = m.entry"
        " WHERE m.person IN (?1, ?2) AND m.kind IN ('name', 'title') AND EXISTS (SELECT 1 FROM mentions n WHERE n.entry = m.entry"
        " AND n.person = (CASE WHEN m.person = ?1 THEN ?2 ELSE ?1 END) AND n.kind IN ('name', 'title'))"
        " ORDER BY m.entry, m.start", (a, b)).fetchall()


def texts_saying_any(conn, words) -> list[str]:
    """The texts of the entries that say any of these words (in lower case), as a part of a word or not."""
    if not words:
        return []
    return [r[0] for r in conn.execute("SELECT text FROM entries WHERE " + " OR ".join(["lower(text) LIKE ?"] * len(words)),
                                       [f"%{w}%" for w in words])]


def ties_of(conn, pid: int) -> list:
    """(subject, relation, object) of each relation of the person's, either way."""
    return conn.execute("SELECT subject, relation, object FROM relations WHERE (subject = ?1 OR object = ?1)"
                        " AND subject != object", (pid,)).fetchall()


def what_people_are(conn, ids) -> list:
    """(id, name, owner, surest, entries named in, names, pronouns, speaks or is spoken to, relations not from a kin word,
    the signs of their mentions joined by commas, in an event) of these people (extract's `read_people`)."""
    rows = []
    for chunk in _chunks(ids):
        rows += conn.execute(
            "SELECT p.id, p.name, p.owner, coalesce((SELECT max(m.sure) FROM mentions m WHERE m.person = p.id), p.confidence, 1.0),"
            " (SELECT count(DISTINCT m.entry) FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title', 'speaker')),"
            " (SELECT count(*) FROM mentions m WHERE m.person = p.id AND m.kind IN ('name', 'title')),"
            " (SELECT count(*) FROM mentions m WHERE m.person = p.id AND m.kind = 'pronoun'),"
            " (SELECT count(*) FROM mentions m WHERE m.person = p.id AND m.kind IN ('speaker', 'narrator', 'addressee')),"
            " (SELECT count(*) FROM relations r WHERE (r.subject = p.id OR r.object = p.id) AND coalesce(r.how, '') NOT LIKE 'kin%'),"
            " (SELECT group_concat(m.sign) FROM mentions m WHERE m.person = p.id AND m.sign IS NOT NULL),"
            " EXISTS (SELECT 1 FROM event_people ep WHERE ep.person = p.id)"
            f" FROM people p WHERE p.id IN ({_marks(chunk)})", chunk).fetchall()
    return rows


def set_readings(conn, rows):
    """Rows of (read, sure, confidence, person)."""
    conn.executemany("UPDATE people SET read = ?, sure = ?, confidence = ? WHERE id = ?", rows)


def aliases_like(conn, pid: int, first: str, last: str) -> set[tuple]:
    """(person, alias) of the aliases of others than this person that begin with the word `first` or end with `last`."""
    return {tuple(r) for r in conn.execute(
        "SELECT DISTINCT person, alias FROM aliases WHERE person != ? AND (alias LIKE ? OR alias LIKE ?)", (pid, f"{first} %", f"% {last}"))}


# person cues: what each person is said with, summed and weighed (extract/__init__.py `person_cues`)
def cue_sums_missing(conn) -> bool:
    """Are there person-cue rows from before their sums were kept (closeness_u NULL)?"""
    return conn.execute("SELECT 1 FROM person_cues WHERE closeness_u IS NULL LIMIT 1").fetchone() is not None


def every_cue(conn) -> list:
    """(person, cue, entry, start, closeness) of every cue row."""
    return conn.execute("SELECT person, cue, entry, start, closeness FROM cues").fetchall()


def cues_in(conn, entry_ids):
    """(person, cue, entry, start, closeness) of these entries' cue rows, to read row by row (an entry can have a million)."""
    return conn.execute(f"SELECT person, cue, entry, start, closeness FROM cues WHERE entry IN ({_marks(entry_ids)})", entry_ids)


def cues_of(conn, people) -> list:
    """(person, cue, entry, start, closeness) of these people's cue rows."""
    return [r for chunk in _chunks(people) for r in conn.execute(
        f"SELECT person, cue, entry, start, closeness FROM cues WHERE person IN ({_marks(chunk)})", chunk)]


def cue_pairs(conn, people) -> set[tuple]:
    """(person, cue) of these people, in their cue rows or their person-cue rows."""
    marks = _marks(people)
    return {(p, c) for p, c in conn.execute(f"SELECT person, cue FROM cues WHERE person IN ({marks})"
                                            f" UNION SELECT person, cue FROM person_cues WHERE person IN ({marks})",
                                            sorted(people) * 2)}


def feelings_in(conn, entries=None):
    """(entry, start, end, valence, emotions) of these entries' feelings (every entry's if None), in text order."""
    select = "SELECT entry, start, end, valence, emotions FROM feelings"
    if entries is None:
        return conn.execute(f"{select} ORDER BY entry, start")
    return (row for chunk in _chunks(entries) for row in conn.execute(
        f"{select} WHERE entry IN ({_marks(chunk)}) ORDER BY entry, start", chunk))


def person_cue_sums_of(conn, pairs) -> dict:
    """(person, cue) -> (count, closeness_u, felt, valence_u, emotions_u) of these pairs' rows (a pair with none: absent);
    a statement a person, not a pair."""
    cues = {}
    for person, cue in pairs:
        cues.setdefault(person, []).append(cue)
    out = {}
    for person, theirs in cues.items():
        for chunk in _chunks(theirs):
            for cue, *sums in conn.execute("SELECT cue, count, closeness_u, felt, valence_u, emotions_u FROM person_cues"
                                           f" WHERE person = ? AND cue IN ({_marks(chunk)})", (person, *chunk)).fetchall():
                out[person, cue] = tuple(sums)
    return out


def forget_person_cues(conn, pairs=None):
    """Delete these (person, cue) rows, or every one."""
    if pairs is None:
        conn.execute("DELETE FROM person_cues")
    else:
        conn.executemany("DELETE FROM person_cues WHERE person = ? AND cue = ?", pairs)


def write_person_cues(conn, rows):
    """Rows of PERSON_CUES, new or replacing the sums of those stored (their fan and weight kept, for `set_fans`)."""
    conn.executemany(f"INSERT INTO person_cues ({PERSON_CUES}) VALUES ({','.join('?' * 12)})"
                     " ON CONFLICT (person, cue) DO UPDATE SET count = excluded.count, closeness = excluded.closeness,"
                     " valence = excluded.valence, emotions = excluded.emotions, closeness_u = excluded.closeness_u,"
                     " felt = excluded.felt, valence_u = excluded.valence_u, emotions_u = excluded.emotions_u", rows)


# Fan and weight are the SQL functions cue_fan and cue_weight: given by extraction to SQLite (`create_function`),
# PostgreSQL's own (postgres.py).
def weigh_every_cue(conn, total: int):
    """Every row's fan (how many people share its cue) and weight, people scaled to `total`."""
    conn.execute("UPDATE person_cues SET fan = cue_fan((SELECT count(*) FROM person_cues p WHERE p.cue = person_cues.cue))")
    reweigh(conn, total)


def reweigh(conn, total: int):
    """Every row's weight again, its fan as it is, people scaled to `total`."""
    conn.execute("UPDATE person_cues SET weight = cue_weight(closeness, fan, ?)", (total,))


def cue_counts(conn, cues) -> list[tuple]:
    """(cue, how many people share it) of these cues."""
    return [tuple(r) for chunk in _chunks(cues) for r in conn.execute(
        f"SELECT cue, count(*) FROM person_cues WHERE cue IN ({_marks(chunk)}) GROUP BY cue", chunk)]


def set_fans(conn, rows):
    """Rows of (fan, total, cue): the rows of the cue whose fan moved take it, and their weight again."""
    conn.executemany("UPDATE person_cues SET fan = ?1, weight = cue_weight(closeness, ?1, ?2) WHERE cue = ?3 AND fan != ?1", rows)


def set_pair_fans(conn, rows):
    """Rows of (fan, total, person, cue): the row takes this fan, and its weight again."""
    conn.executemany("UPDATE person_cues SET fan = ?1, weight = cue_weight(closeness, ?1, ?2) WHERE person = ?3 AND cue = ?4", rows)


def set_pair_weights(conn, rows):
    """Rows of (total, person, cue): the row's weight again, its fan as it is."""
    conn.executemany("UPDATE person_cues SET weight = cue_weight(closeness, fan, ?) WHERE person = ? AND cue = ?", rows)



# -- what fading reads and writes (forgetting.py) ------------------------------------------------
# As the store stood at a time `cut`: what an entry tells is of when it happened (when it was recorded, if undated).
WHEN_WRITTEN = "coalesce(e.at, e.added)"


def has_table(memory, table: str) -> bool:
    return bool(memory.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)))


def people_to_fade(memory, listed: str) -> list:
    """Rows (id, name, owner, gender, kind, listed) of every person (`listed`: LISTED_SQL, of `p`)."""
    return memory.query(f"SELECT id, name, owner, gender, kind, {listed} AS listed FROM people p")


def mentions_until(memory, cut: str) -> list:
    """Rows (person, entry, passage, at) of the mentions in entries of `cut` or before."""
    return memory.query(f"SELECT m.person, m.entry, m.passage, {WHEN_WRITTEN} AS at FROM mentions m JOIN entries e ON e.id = m.entry"
                        f" WHERE {WHEN_WRITTEN} <= ?", (cut,))


def relations_until(memory, cut: str) -> list:
    """Rows (subject, relation, object, passage, confidence) of the relations in entries of `cut` or before, in the
    order written."""
    return memory.query(
        f"SELECT r.subject, r.relation, r.object, r.passage, coalesce(r.confidence, 1.0) AS confidence FROM relations r"
        f" JOIN entries e ON e.id = r.entry WHERE {WHEN_WRITTEN} <= ? ORDER BY {WHEN_WRITTEN}, r.entry, r.start", (cut,))


def events_until(memory, cut: str) -> list:
    """Rows (id, kind, lo, hi, written, passage, person, confidence) of each person an event not denied happened to
    (not its agent), in entries of `cut` or before, in the order written."""
    return memory.query(
        f"SELECT ev.id, ev.kind, ev.lo, ev.hi, {WHEN_WRITTEN} AS written, ev.passage, ep.person,"
        f" coalesce(ev.confidence, 1.0) AS confidence FROM events ev"
        f" JOIN event_people ep ON ep.event = ev.id JOIN entries e ON e.id = ev.entry"
        f" WHERE ev.negated = 0 AND ep.agent = 0 AND {WHEN_WRITTEN} <= ? ORDER BY {WHEN_WRITTEN}, ev.entry, ev.start", (cut,))


def strongest_feelings_until(memory, cut: str) -> list:
    """Rows (passage, v): the strongest feeling's valence, either way, of each passage of entries of `cut` or before."""
    return memory.query(f"SELECT f.passage, max(abs(f.valence)) AS v FROM feelings f JOIN entries e ON e.id = f.entry"
                        f" WHERE {WHEN_WRITTEN} <= ? GROUP BY f.passage", (cut,))


def cue_weights(memory) -> list:
    """Rows (person, cue, weight) of every person-cue row."""
    return memory.query("SELECT person, cue, weight FROM person_cues")


def cues_until(memory, cut: str) -> list:
    """Rows (person, cue, passage, closeness, at) of the cue rows of entries of `cut` or before, the closest first."""
    return memory.query(f"SELECT c.person, c.cue, c.passage, c.closeness, {WHEN_WRITTEN} AS at FROM cues c"
                        f" JOIN entries e ON e.id = c.entry WHERE {WHEN_WRITTEN} <= ? ORDER BY c.closeness DESC, c.entry, c.start",
                        (cut,))


def reviews_until(memory, cut: str) -> list:
    """Rows (item, after, rating, at) of the owner's reviews at `cut` or before, in order."""
    return memory.query("SELECT item, after, rating, at FROM reviews WHERE at <= ? ORDER BY at, id", (cut,))


def recalls_until(memory, cut: str) -> list:
    """Rows (item, at) of the times an item was brought back, at `cut` or before, in order."""
    return memory.query("SELECT item, at FROM recalls WHERE at <= ? ORDER BY at", (cut,))


def hidden_rows(memory) -> list:
    """Rows (item, hidden) of the owner's wishes to hide or show, in order."""
    return memory.query("SELECT item, hidden FROM hidden ORDER BY id")


def passage_written(memory, passage: int, cut: str) -> list[str]:
    """When the passage's entry happened, if at `cut` or before (else nothing)."""
    return [r["at"] for r in memory.query(f"SELECT {WHEN_WRITTEN} AS at FROM passages p JOIN entries e ON e.id = p.entry"
                                          f" WHERE p.id = ? AND {WHEN_WRITTEN} <= ?", (passage, cut))]


def last_review(memory, item: str):
    """When the item was last reviewed, or None."""
    return memory.query("SELECT max(at) FROM reviews WHERE item = ?", (item,))[0][0]


def add_review(conn, item: str, rating: int, at: str, recall: float, before, after: str, due: str):
    """A review: its row, a recall, and the item's card (`after`, due then) new or replacing the one it had."""
    conn.execute("INSERT INTO reviews (item, rating, at, recall, before, after) VALUES (?, ?, ?, ?, ?, ?)",
                 (item, rating, at, recall, before, after))
    add_recall(conn, item, at, "review")
    updated = conn.execute("UPDATE cards SET card = ?, due = ?, reviews = reviews + 1, updated = ? WHERE item = ?",
                           (after, due, at, item)).rowcount
    if not updated:
        conn.execute("INSERT INTO cards (item, card, due, reviews, updated) VALUES (?, ?, ?, 1, ?)", (item, after, due, at))


def add_recall(conn, item: str, at: str, source: str):
    conn.execute("INSERT INTO recalls (item, at, source) VALUES (?, ?, ?)", (item, at, source))


def add_hidden(conn, item: str, hidden: bool, at: str):
    conn.execute("INSERT INTO hidden (item, hidden, at) VALUES (?, ?, ?)", (item, int(hidden), at))


def person_name(memory, pid: int) -> str:
    return memory.query("SELECT name FROM people WHERE id = ?", (pid,))[0][0]


def passages_naming(memory, people) -> set[int]:
    """The passages that mention these people."""
    return {r[0] for r in memory.query(f"SELECT DISTINCT passage FROM mentions WHERE person IN ({_marks(people)})", list(people))}


def names_of(memory, people) -> set[str]:
    return {r[0] for r in memory.query(f"SELECT name FROM people WHERE id IN ({_marks(people)})", sorted(people))}



# -- a person's page (page.py) ---------------------------------------------------------------------
def person_row(memory, pid: int):
    """(id, name, gender, owner, kind: 'person' when untyped) of a person."""
    return memory.query("SELECT id, name, gender, owner, coalesce(kind, 'person') AS kind FROM people WHERE id = ?", (pid,))[0]


def aliases_in_order(memory, pid: int) -> list[str]:
    return [r[0] for r in memory.query("SELECT alias FROM aliases WHERE person = ? ORDER BY alias", (pid,))]


def times_mentioned(memory, pid: int) -> int:
    return memory.query("SELECT count(*) FROM mentions WHERE person = ?", (pid,))[0][0]


def relations_of(memory, pid: int) -> list:
    """Rows (relation, subject, object, passage, confidence) of the person's relations, either way, in the order read."""
    return memory.query(
        "SELECT relation, subject, object, passage, coalesce(confidence, 1.0) AS confidence FROM relations"
        " WHERE subject = ? OR object = ? ORDER BY entry, start", (pid, pid))


def names_and_owners(memory, people) -> list:
    """Rows (id, name, owner) of these people."""
    return memory.query(f"SELECT id, name, owner FROM people WHERE id IN ({_marks(people)})", sorted(people))


def strongest_cues(memory, pid: int, limit: int) -> list:
    """Rows (cue, weight, valence, emotions) of the person's `limit` heaviest cues."""
    return memory.query("SELECT cue, weight, valence, emotions FROM person_cues WHERE person = ? ORDER BY weight DESC, cue LIMIT ?",
                        (pid, limit))


def cue_passages(memory, pid: int, cue: str) -> list[int]:
    """The three passages where the person is closest to the cue."""
    return [r[0] for r in memory.query("SELECT passage FROM cues WHERE person = ? AND cue = ? GROUP BY passage"
                                       " ORDER BY max(closeness) DESC, passage LIMIT 3", (pid, cue))]


def events_of(memory, pid: int, text: str) -> list:
    """Rows (id, kind, text, lo, hi, at, negated, agent, passage, confidence) of the person's events, in the order they
    happened (`text`: EVENT_TEXT, of `en` and `pa`)."""
    return memory.query(
        f"SELECT ev.id, ev.kind, {text} AS text, ev.lo, ev.hi, en.at, ev.negated, ep.agent, ev.passage,"
        " coalesce(ev.confidence, 1.0) AS confidence"
        " FROM events ev JOIN event_people ep ON ep.event = ev.id JOIN entries en ON en.id = ev.entry"
        " LEFT JOIN passages pa ON pa.id = ev.passage WHERE ep.person = ? ORDER BY coalesce(ev.lo, en.at), ev.entry, ev.start", (pid,))


def feelings_where_named(memory, pid: int) -> list:
    """Rows (valence, emotions) of the feelings of the passages that mention the person."""
    return memory.query(
        "SELECT f.valence, f.emotions FROM feelings f WHERE f.passage IN (SELECT passage FROM mentions WHERE person = ?)", (pid,))


def passages_of(memory, pid: int) -> list[int]:
    """The passages that mention the person, by when they were written (an entry re-dated moves), as the timeline."""
    return [r[0] for r in memory.query(
        "SELECT m.passage FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ? GROUP BY m.passage"
        " ORDER BY min(e.at), min(m.entry), min(m.start)", (pid,))]


# -- the owner's corrections (corrections.py) -----------------------------------------------------
def aliases_sorted(conn, pid: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM aliases WHERE person = ? ORDER BY alias", (pid,))]


def add_correction(conn, kind: str, a: str, b: str, at: str, relation=None, date=None, target=None) -> int:
    """A statement of the owner's (`target` JSON): its id."""
    return conn.execute("INSERT INTO corrections (kind, a, b, at, relation, date, target) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (kind, a, b, at, relation, date, target)).lastrowid


def correction(conn, cid: int):
    """The correction's row, or None."""
    rows = conn.execute("SELECT * FROM corrections WHERE id = ?", (cid,)).fetchall()
    return rows[0] if rows else None


def mark_undone(conn, cid: int, at: str):
    conn.execute("UPDATE corrections SET undone = ? WHERE id = ?", (at, cid))


def has_alias(conn, pid: int, alias: str) -> bool:
    """Is this (in any case) a name of the person's?"""
    return conn.execute("SELECT 1 FROM aliases WHERE person = ? AND alias = ? COLLATE NOCASE", (pid, alias)).fetchone() is not None


def other_called(conn, name: str, besides: int):
    """The name (as a row) of someone but `besides` called this, in any case, or None."""
    return conn.execute("SELECT name FROM people WHERE name = ? COLLATE NOCASE AND id != ?", (name, besides)).fetchone()


def name_owner_kind(conn, pid: int) -> tuple:
    """(name, owner, kind: 'person' when untyped) of a person."""
    return tuple(conn.execute("SELECT name, owner, coalesce(kind, 'person') FROM people WHERE id = ?", (pid,)).fetchone())


def set_person_kind(conn, pid: int, kind):
    """What the owner says a person is (None: a person)."""
    conn.execute("UPDATE people SET kind = ? WHERE id = ?", (kind, pid))


def relations_between(conn, a: int, b: int) -> list:
    """Rows (subject, relation, object, passage) of the relations between two people, either way."""
    return conn.execute(
        "SELECT subject, relation, object, passage FROM relations WHERE (subject = ?1 AND object = ?2) OR (subject = ?2 AND object = ?1)"
        " ORDER BY id",
        (a, b)).fetchall()


def event_found_by(conn, eid: int, start: str, text: str):
    """(entry, start, text) of an event, as a row (`start`, `text`: EVENT_START and EVENT_TEXT, of `en` and `pa`)."""
    return conn.execute(f"SELECT ev.entry, {start} AS start, {text} AS text FROM events ev"
                        " JOIN entries en ON en.id = ev.entry LEFT JOIN passages pa ON pa.id = ev.passage WHERE ev.id = ?",
                        (eid,)).fetchone()


def events_of_kind(conn, pid: int, kind: str) -> list:
    """Rows (id, lo, hi) of the person's events of this kind, in the order told."""
    return conn.execute(
        "SELECT ev.id, ev.lo, ev.hi FROM events ev JOIN event_people ep ON ep.event = ev.id WHERE ep.person = ? AND ev.kind = ?"
        " ORDER BY ev.entry, ev.start", (pid, kind)).fetchall()


def entries_mentioning(conn, people) -> list[int]:
    """The entries that mention any of these people."""
    return [r[0] for r in conn.execute(f"SELECT DISTINCT entry FROM mentions WHERE person IN ({_marks(people)})", sorted(people))]


def forget_persons(conn, people):
    """Delete these people, with all read of them (their facts have no cascade)."""
    conn.execute(f"DELETE FROM person_facts WHERE person IN ({_marks(people)})", sorted(people))
    conn.execute(f"DELETE FROM people WHERE id IN ({_marks(people)})", sorted(people))


# -- archive (export, import, copy) ------------------------------------------------------------------
def entries_in_order(conn):
    """Every entry, in the trash too, oldest first (by when it was written, else added)."""
    return conn.execute("SELECT * FROM entries ORDER BY coalesce(at, added), id")


def whole_table(conn, table: str, order: str):
    """Every row of one of the owner's tables, every column, in this order."""
    return conn.execute(f"SELECT * FROM {table} ORDER BY {order}")


def entry_layout(conn, entry: int, trashed: bool = False) -> list:
    """Rows (id, start, end, speaker, ref) of an entry's passages (in the trash with it), in order."""
    table = "trashed_passages" if trashed else "passages"
    return conn.execute(f"SELECT id, start, end, speaker, ref FROM {table} WHERE entry = ? ORDER BY seq", (entry,)).fetchall()


def entry_versions(conn, entry: int) -> list:
    """Rows (text, at, turns, replaced) of an entry's earlier versions, oldest first."""
    return conn.execute("SELECT text, at, turns, replaced FROM versions WHERE entry = ? ORDER BY number", (entry,)).fetchall()


def entry_passage_ids(conn, entry: int) -> list[int]:
    """An entry's passage ids, in the trash or not, in order."""
    return [r[0] for r in conn.execute(
        "SELECT id, seq FROM passages WHERE entry = ? UNION ALL SELECT id, seq FROM trashed_passages WHERE entry = ?"
        " ORDER BY seq", (entry, entry))]


def table_columns(conn, table: str) -> list:
    """A table's columns as rows (name, notnull, dflt_value, pk ...)."""
    return conn.execute(f"PRAGMA table_info({table})").fetchall()


def table_count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def record_keys(conn, table: str, columns) -> set[tuple]:
    """Every row of a table as a tuple of these columns."""
    return {tuple(r) for r in conn.execute(f"SELECT {','.join(columns)} FROM {table}")}


def has_row(conn, table: str, row_id) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def insert_row(conn, table: str, row: dict, names):
    """One row of a table, these of its columns."""
    conn.execute(f"INSERT INTO {table} ({','.join(names)}) VALUES ({','.join('?' * len(names))})", [row[c] for c in names])


def insert_rows(conn, table: str, names, rows):
    """Rows (tuples in the order of `names`) into a table."""
    conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)


def keep_newer_card(conn, row: dict, names):
    """A review card, or its update if it is newer than the card held for the same item."""
    conn.execute(f"INSERT INTO cards ({','.join(names)}) VALUES ({','.join('?' * len(names))})"
                 " ON CONFLICT (item) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in names if c != "item")
                 + " WHERE excluded.updated > cards.updated", [row[c] for c in names])


def has_people(conn) -> bool:
    return conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() is not None


def stream_table(memory, table: str, names, leave_out_keys=(), size: int = 2_000):
    """A table's rows (these columns), `size` at a time, inside `snapshot`; `leave_out_keys`: settings not read."""
    where = f" WHERE key NOT IN ({_marks(leave_out_keys)})" if leave_out_keys else ""
    return memory.stream(f"SELECT {', '.join(names)} FROM {table}{where}", tuple(leave_out_keys), size)


def index_for_search(conn, rows):
    """Rows (id, text, speaker) of copied passages into SQLite's full-text index (PostgreSQL's follows the table)."""
    conn.executemany("INSERT INTO passages_fts (rowid, text, speaker) VALUES (?, ?, ?)", rows)


# -- entries (read, change, trash, restore, purge) ---------------------------------------------------
def entry_row(conn, entry_id: int):
    """The entry's row, or None."""
    return conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()


def passage_layout(conn, entry_id: int, table: str = "passages") -> list:
    """Rows (id, seq, start, end, speaker, ref) of an entry's passages in `passages` or `trashed_passages`, in order."""
    return conn.execute(f"SELECT id, seq, start, end, speaker, ref FROM {table} WHERE entry = ? ORDER BY seq", (entry_id,)).fetchall()


def bump_setting(conn, key: str):
    """Add one to a counter kept in `settings` (from 1)."""
    conn.execute("INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE"
                 " SET value = CAST(value AS INTEGER) + 1", (key,))


def raise_setting(conn, key: str, value: int):
    """A number kept in `settings`, raised to `value` if it is below."""
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                 " SET value = max(CAST(value AS INTEGER), excluded.value)", (key, value))


def version_count(conn, entry_id: int) -> int:
    return conn.execute("SELECT count(*) FROM versions WHERE entry = ?", (entry_id,)).fetchone()[0]


def all_versions(conn, entry_id: int) -> list:
    """An entry's earlier versions, every column, oldest first."""
    return conn.execute("SELECT * FROM versions WHERE entry = ? ORDER BY number", (entry_id,)).fetchall()


def add_version(conn, entry_id: int, number: int, text: str, at, turns, digest: str, replaced: str):
    conn.execute("INSERT INTO versions (entry, number, text, at, turns, hash, replaced) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (entry_id, number, text, at, turns, digest, replaced))


def names_in_entry(conn, entry_id: int) -> list[str]:
    """The people mentioned in an entry, in the order first mentioned."""
    return [r[0] for r in conn.execute("SELECT p.name FROM mentions m JOIN people p ON p.id = m.person WHERE m.entry = ?"
                                       " GROUP BY p.id ORDER BY min(m.start)", (entry_id,))]


def trashed_entries(memory) -> list:
    """Rows of the entries in the trash, last put there first, with their count of versions and where their first
    passage starts (`body`)."""
    return memory.query(
        "SELECT e.id, e.text, e.at, e.added, e.deleted, e.kind, e.author, e.source, e.words,"
        " (SELECT count(*) FROM versions v WHERE v.entry = e.id) AS versions,"
        " (SELECT min(t.start) FROM trashed_passages t WHERE t.entry = e.id) AS body"
        " FROM entries e WHERE e.deleted IS NOT NULL ORDER BY e.deleted DESC, e.id DESC")


def was_extracted(conn, entry_id: int) -> bool:
    """Whether anything was read in the entry (marked read, or holding mentions)."""
    return bool(conn.execute("SELECT 1 FROM processed WHERE entry = ? AND processor = 'extract'", (entry_id,)).fetchone() or
                conn.execute("SELECT 1 FROM mentions WHERE entry = ? LIMIT 1", (entry_id,)).fetchone())


def drop_passages(conn, entry_id: int):
    """Take an entry's passages out of `passages`, the search index and the vectors (noting each vector gone, so
    that an index in memory drops it)."""
    mine = "SELECT id FROM passages WHERE entry = ?"
    conn.execute("INSERT INTO passages_fts (passages_fts, rowid, text, speaker)"
                 " SELECT 'delete', id, text, speaker FROM passages WHERE entry = ?", (entry_id,))
    conn.execute(f"INSERT INTO embeddings_gone (passage) SELECT passage FROM embeddings WHERE passage IN ({mine})", (entry_id,))
    conn.execute(f"DELETE FROM embeddings WHERE passage IN ({mine})", (entry_id,))
    conn.execute(f"DELETE FROM passage_symbols WHERE passage IN ({mine})", (entry_id,))
    conn.execute("DELETE FROM passages WHERE entry = ?", (entry_id,))
    conn.execute("DELETE FROM processed WHERE entry = ? AND processor = 'embed'", (entry_id,))


def move_items(conn, tables, moves):
    """The owner's records naming an item by key, moved (new, old) in these tables."""
    for table in tables:
        conn.executemany(f"UPDATE {table} SET item = ? WHERE item = ?", moves)


def entry_with_hash(conn, digest: str, besides: int):
    """(id, deleted) of another entry holding this content, or None."""
    return conn.execute("SELECT id, deleted FROM entries WHERE hash = ? AND id != ?", (digest, besides)).fetchone()


def forget_rows_of_entry(conn, table: str, entry_id: int):
    """Delete a table's rows of one entry (processed, failures, trashed_passages, versions, import_sources)."""
    conn.execute(f"DELETE FROM {table} WHERE entry = ?", (entry_id,))


def rewrite_entry(conn, entry_id: int, text: str, at, digest: str, words: int, meta):
    conn.execute("UPDATE entries SET text = ?, at = ?, hash = ?, words = ?, meta = ? WHERE id = ?",
                 (text, at, digest, words, meta, entry_id))


def set_aside_passages(conn, entry_id: int):
    """Copy an entry's passages into `trashed_passages` (before they are dropped)."""
    conn.execute("INSERT INTO trashed_passages (id, entry, seq, start, end, speaker, ref)"
                 " SELECT id, entry, seq, start, end, speaker, ref FROM passages WHERE entry = ?", (entry_id,))


def set_deleted(conn, entry_id: int, when):
    """Mark an entry in the trash since `when` (None: out of it)."""
    conn.execute("UPDATE entries SET deleted = ? WHERE id = ?", (when, entry_id))


def erase_entry_row(conn, entry_id: int):
    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def merge_search_index(conn):
    """Merge the full-text index's segments (a deleted row's words stay in older segments until then)."""
    conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")


def secure_delete(memory, on=None) -> bool:
    """Whether deleted content is overwritten; set it if `on` is given (returns the setting before)."""
    before = bool(memory.query("PRAGMA secure_delete")[0][0])
    if on is not None:
        memory.query(f"PRAGMA secure_delete = {int(bool(on))}")
    return before


def vacuum_in_memory(conn) -> bool:
    """Rewrite the file without its free pages, in memory rather than a temporary file, then empty the write-ahead
    log; True if the log was emptied (no other program held it)."""
    store = conn.execute("PRAGMA temp_store").fetchone()[0]
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        conn.execute("VACUUM")
    finally:
        conn.execute(f"PRAGMA temp_store = {int(store)}")
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return not busy


# -- vectors (embed.py) ------------------------------------------------------------------------------
def passage_count(memory, entry: int) -> int:
    """How many passages an entry has."""
    return memory.query("SELECT count(*) FROM passages WHERE entry = ?", (entry,))[0][0]


def passages_of_entries(memory, entry_ids) -> list:
    """Rows (id, entry, speaker, text) of these entries' passages, entry by entry, in order."""
    return memory.query(f"SELECT id, entry, speaker, text FROM passages WHERE entry IN ({_marks(entry_ids)}) ORDER BY entry, seq",
                        list(entry_ids))


def embedding_count(memory) -> int:
    return memory.query("SELECT count(*) FROM embeddings")[0][0]


def embedding_count_after(memory, covers: int) -> int:
    """How many embedding rows were written after row `covers`."""
    return memory.query("SELECT count(*) FROM embeddings WHERE id > ?", (covers,))[0][0]


def entries_processed_otherwise(memory, processor: str, version: str, entry_ids) -> set[int]:
    """Those of these entries last processed by `processor` at another version."""
    return {r[0] for r in memory.query(f"SELECT entry FROM processed WHERE processor = ? AND version != ? AND entry IN ({_marks(entry_ids)})",
                                       (processor, version, *entry_ids))}


def passages_with_vectors(memory, entry_ids, model: str) -> set[int]:
    """The passages of these entries that have a vector of this model."""
    return {r[0] for r in memory.query(f"SELECT e.passage FROM embeddings e JOIN passages p ON p.id = e.passage"
                                       f" WHERE p.entry IN ({_marks(entry_ids)}) AND e.model = ?", (*entry_ids, model))}


def put_vectors(conn, rows):
    """Rows (passage, model, vector); replacing deletes the old row, so a re-embedded passage gets a new id."""
    conn.executemany("INSERT OR REPLACE INTO embeddings (passage, model, vector) VALUES (?, ?, ?)", rows)


def live_entries(conn, entry_ids) -> set[int]:
    """Those of these entries that exist and are not in the trash."""
    return {r[0] for r in conn.execute(f"SELECT id FROM entries WHERE id IN ({_marks(entry_ids)}) AND deleted IS NULL", list(entry_ids))}


def passage_ids_by_entry(conn, entry_ids) -> list:
    """Rows (id, entry) of these entries' passages, entry by entry, in order."""
    return conn.execute(f"SELECT id, entry FROM passages WHERE entry IN ({_marks(entry_ids)}) ORDER BY entry, seq", list(entry_ids)).fetchall()


def vectors_of(memory, passage_ids, covers: int | None = None) -> list:
    """Rows (passage, vector) of these passages' vectors (`covers`: only rows up to that id)."""
    if covers is None:
        return memory.query(f"SELECT passage, vector FROM embeddings WHERE passage IN ({_marks(passage_ids)})", list(passage_ids))
    return memory.query(f"SELECT passage, vector FROM embeddings WHERE passage IN ({_marks(passage_ids)}) AND id <= ?",
                        (*passage_ids, covers))


def sample_vectors(memory, row_ids, most: int) -> list:
    """Rows (passage, vector) of at most `most` of these embedding rows."""
    return memory.query(f"SELECT passage, vector FROM embeddings WHERE id IN ({_marks(row_ids)}) LIMIT {int(most)}", list(row_ids))


def top_embedding(memory) -> int:
    """The id of the last embedding row written (0: none)."""
    return memory.query("SELECT coalesce(max(id), 0) FROM embeddings")[0][0]


def top_gone(memory) -> int:
    """The id of the last vector taken away (0: none)."""
    return memory.query("SELECT coalesce(max(id), 0) FROM embeddings_gone")[0][0]


def gone_between(memory, lo: int, hi: int) -> list[int]:
    """The passages whose vectors were taken away after row `lo`, up to row `hi`."""
    return [r[0] for r in memory.query("SELECT DISTINCT passage FROM embeddings_gone WHERE id > ? AND id <= ?", (lo, hi))]


def embedding_rows(memory, lo: int, top: int, batch: int) -> list:
    """Rows (id, passage, vector) written after row `lo`, up to `top`, at most `batch`, in order."""
    return memory.query("SELECT id, passage, vector FROM embeddings WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", (lo, top, batch))


def passages_covered(memory, covers: int) -> set[int]:
    """The passages whose vector rows are `covers` or older."""
    return {r[0] for r in memory.query("SELECT passage FROM embeddings WHERE id <= ?", (covers,))}


# -- words (lexical.py) ------------------------------------------------------------------------------
# The statements are FTS5's; a PostgreSQL memory's connection answers these very shapes from its postings
# (postgres.py `_POSTINGS`), so their text is kept as it is.
FTS_COUNT = "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)"


def fts_count(memory, match: str, most: int) -> int:
    """How many passages an FTS5 query matches, counted up to `most`."""
    return memory.query(FTS_COUNT, (match, most))[0][0]


def top_passage(memory) -> int:
    """The highest passage id in use (0: none)."""
    return memory.query("SELECT max(id) FROM passages")[0][0] or 0


def passages_with_symbols(memory, wanted, most: int) -> list[int]:
    """The newest `most` passages holding every one of these symbols, newest first."""
    return [r[0] for r in memory.query(
        f"SELECT passage FROM passage_symbols WHERE symbol IN ({_marks(wanted)}) GROUP BY passage HAVING count(*) = ?"
        " ORDER BY passage DESC LIMIT ?", (*wanted, len(wanted), most))]


def fts_floor(memory, match: str, newest: int) -> int:
    """The id of the `newest`-th newest passage an FTS5 query matches (0: fewer match)."""
    floor = memory.query("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                         (match, newest - 1))
    return floor[0][0] if floor else 0


def bm25_ranked(memory, match: str, scoring: str, floor: int, limit: int) -> list:
    """Rows (passage id, BM25 score by the terms of `scoring`) of the passages from `floor` on matching `match`,
    best first."""
    sql = "SELECT rowid, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?"
    params = [scoring, floor]
    if scoring != match:
        sql += " AND +rowid IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?)"  # +: a filter, not a lookup per id
        params += [match, floor]
    return memory.query(sql + " ORDER BY score DESC LIMIT ?", (*params, limit))

# -- people pages and corrections (people.py) -----------------------------------------------------------
# An event's words (events ev, entries en, passages pa), clipped to its passage: a sentence spaCy runs on
# from front matter or a date line keeps only its own words.
EVENT_START = "max(ev.start, coalesce(pa.start, ev.start))"
EVENT_TEXT = (f"substr(en.text, {EVENT_START} + 1,"
              f" min(ev.end, coalesce(pa.end, ev.end)) - {EVENT_START})")
# A person is in the people list (and the graph, fading and review) when as sure as this that they are a person
# of their own (`people.sure`, extract.sureness; chosen on bench/journal.py); the rest are reachable with
# `people(..., everyone=True)` (`remembrancer people --all`) and by name.
LISTED = 0.6
# SQL (over `people p`): is this one listed? The owner, a name the owner said is a pet or a place ..., a person as sure
# as LISTED (NULL: read before `sure` was), or anyone the owner has said something about.
LISTED_SQL = ("(p.owner = 1 OR p.kind IS NOT NULL OR coalesce(p.sure, 1.0) >= {listed} OR p.name IN"
              " (SELECT a FROM corrections WHERE undone IS NULL UNION SELECT b FROM corrections WHERE undone IS NULL"
              " AND kind IN ('rename', 'merge')))").format(listed=LISTED)
_LISTED_PERSON = f"coalesce(p.kind, 'person') = 'person' AND {LISTED_SQL}"  # of `p`: listed, and not a pet or a place


def people_named(conn, name: str) -> list:
    """Rows (id, exact, n) of the people with this name or alias, in any case: the name itself first, then the most
    mentioned (`n`: their mentions)."""
    return conn.execute(
        "SELECT p.id, p.name = ? COLLATE NOCASE AS exact, (SELECT count(*) FROM mentions m WHERE m.person = p.id) AS n"
        " FROM people p WHERE p.name = ? COLLATE NOCASE"
        " OR p.id IN (SELECT person FROM aliases WHERE alias = ? COLLATE NOCASE)"
        " ORDER BY exact DESC, n DESC, p.id",
        (name, name, name),
    ).fetchall()


def person_with_word(conn, starts: str, ends: str):
    """(id,) of the most mentioned person with a name or alias LIKE `starts` or `ends` (escaped with a backslash),
    or None."""
    return conn.execute(
        "SELECT p.id FROM people p WHERE p.id IN (SELECT id FROM people WHERE name LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\'"
        " UNION SELECT person FROM aliases WHERE alias LIKE ?1 ESCAPE '\\' OR alias LIKE ?2 ESCAPE '\\')"
        " ORDER BY (SELECT count(*) FROM mentions m WHERE m.person = p.id) DESC, p.id LIMIT 1",
        (starts, ends),
    ).fetchone()


def ids_called(conn, name: str) -> list[int]:
    """Everyone with this name or alias, in any case."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE UNION SELECT person FROM aliases WHERE alias = ?1 COLLATE NOCASE",
        (name,))]


def id_named(conn, name: str) -> int | None:
    """The person called exactly this, or None."""
    row = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def name_of_person(conn, pid: int) -> str:
    return conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]


def move_person_rows(conn, table: str, column: str, keep: int, drop: int, or_ignore: bool = False):
    """`drop`'s rows of `table` (by `column`) become `keep`'s; with `or_ignore`, a row `keep` has already stays `drop`'s."""
    conn.execute(f"UPDATE {'OR IGNORE ' if or_ignore else ''}{table} SET {column} = ? WHERE {column} = ?", (keep, drop))


def drop_self_relations(conn):
    """Delete the relations of someone to themself (as a merge leaves them)."""
    conn.execute("DELETE FROM relations WHERE subject = object")


def take_owner(conn, keep: int, drop: int):
    """`keep` is the owner if either of the two was."""
    conn.execute("UPDATE people SET owner = max(owner, (SELECT owner FROM people WHERE id = ?)) WHERE id = ?", (drop, keep))


def delete_person(conn, pid: int):
    conn.execute("DELETE FROM people WHERE id = ?", (pid,))


def mentions_named(conn, pid: int, alias: str) -> list:
    """Rows (id, entry, kind, named) of the person's mentions in the order written (`named`: written as `alias`, in
    any case)."""
    return conn.execute(
        "SELECT m.id, m.entry, m.kind, substr(e.text, m.start + 1, m.end - m.start) = ? COLLATE NOCASE AS named"
        " FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person = ? ORDER BY m.entry, m.start",
        (alias, pid),
    ).fetchall()


def add_named_person(conn, name: str, gender) -> int:
    """A new person: their id."""
    return conn.execute("INSERT INTO people (name, gender) VALUES (?, ?)", (name, gender)).lastrowid


def move_mentions(conn, pid: int, mentions):
    """These mentions are of `pid`."""
    conn.executemany("UPDATE mentions SET person = ? WHERE id = ?", [(pid, mid) for mid in mentions])


def move_alias(conn, pid: int, new: int, alias: str):
    """The person's alias (in any case) is `new`'s."""
    conn.execute("UPDATE aliases SET person = ? WHERE person = ? AND alias = ? COLLATE NOCASE", (new, pid, alias))


def add_alias(conn, pid: int, alias: str):
    conn.execute("INSERT OR IGNORE INTO aliases (person, alias) VALUES (?, ?)", (pid, alias))


def is_named(conn, pid: int, name: str):
    """Is the person called this, in any case?"""
    return conn.execute("SELECT name = ? COLLATE NOCASE FROM people WHERE id = ?", (name, pid)).fetchone()[0]


def longest_alias(conn, pid: int):
    """(alias,) of the person's longest alias, or None."""
    return conn.execute("SELECT alias FROM aliases WHERE person = ? ORDER BY length(alias) DESC", (pid,)).fetchone()


def mention_places(conn, pid: int) -> list:
    """Rows (id, passage, start) of the person's mentions."""
    return conn.execute("SELECT id, passage, start FROM mentions WHERE person = ?", (pid,)).fetchall()


def cues_in_passages(conn, pid: int, passages) -> list:
    """Rows (id, passage, start, end) of the person's cues in these passages."""
    return conn.execute(f"SELECT id, passage, start, end FROM cues WHERE person = ? AND passage IN ({_marks(passages)})",
                        (pid, *passages)).fetchall()


def set_cue_person(conn, cue: int, pid: int):
    conn.execute("UPDATE cues SET person = ? WHERE id = ?", (pid, cue))


def relations_in(conn, pid: int, passages) -> list:
    """Rows (id, passage, start, end, subject) of the person's relations, either way, in these passages."""
    return conn.execute(
        f"SELECT id, passage, start, end, subject FROM relations WHERE (subject = ?1 OR object = ?1) AND passage IN ({_marks(passages)})"
        " ORDER BY id",
        (pid, *passages)).fetchall()


def set_relation_side(conn, relation: int, side: str, pid: int):
    """The relation's `side` ("subject" or "object") is `pid`."""
    conn.execute(f"UPDATE relations SET {side} = ? WHERE id = ?", (pid, relation))


def events_in(conn, pid: int, passages) -> list:
    """Rows (id, passage, start, end) of the person's events in these passages."""
    return conn.execute(f"SELECT ev.id, ev.passage, ev.start, ev.end FROM events ev JOIN event_people ep ON ep.event = ev.id"
                        f" WHERE ep.person = ? AND ev.passage IN ({_marks(passages)})", (pid, *passages)).fetchall()


def move_event_person(conn, event: int, pid: int, new: int):
    """The event is `new`'s instead of `pid`'s (unless it is theirs already)."""
    conn.execute("UPDATE OR IGNORE event_people SET person = ? WHERE event = ? AND person = ?", (new, event, pid))


def shared_names(conn) -> list[str]:
    """The names (lower case) two people or more have."""
    return [r[0] for r in conn.execute("SELECT lower(name) FROM people GROUP BY lower(name) HAVING count(*) > 1").fetchall()]


def namesakes(conn, low: str) -> list:
    """Rows (id, name, owner, n: mentions, first: where first mentioned, as a number) of the people with this name
    (lower case)."""
    return conn.execute(
        "SELECT p.id, p.name, p.owner, (SELECT count(*) FROM mentions m WHERE m.person = p.id) AS n,"
        " (SELECT m.entry * 4294967296 + m.start FROM mentions m WHERE m.person = p.id ORDER BY m.entry, m.start LIMIT 1) AS first"
        " FROM people p WHERE lower(p.name) = ?", (low,)).fetchall()


def name_taken(conn, name: str) -> bool:
    """Is someone called this, in any case?"""
    return conn.execute("SELECT 1 FROM people WHERE name = ? COLLATE NOCASE", (name,)).fetchone() is not None


def kinds_as_read(conn):
    """Every name is of the kind its text reads it as (before the owner's statements are applied)."""
    conn.execute("UPDATE people SET kind = read WHERE kind IS NOT read")


def corrections_in_force(conn, kinds) -> list:
    """Rows (kind, a, b, target) of the statements of these kinds not undone, oldest first."""
    return conn.execute(
        f"SELECT kind, a, b, target FROM corrections WHERE undone IS NULL AND kind IN ({','.join('?' * len(kinds))})"
        " ORDER BY id", kinds).fetchall()


def name_person(conn, pid: int, name: str):
    """Call the person so (no change when they are already)."""
    conn.execute("UPDATE people SET name = ? WHERE id = ? AND name != ?", (name, pid, name))


def statements_read_over(conn) -> list:
    """Rows (id, kind, a, b, relation, date, target) of the relations, events and dates the owner said and did not
    undo, oldest first."""
    return conn.execute(
        "SELECT id, kind, a, b, relation, date, target FROM corrections WHERE undone IS NULL"
        " AND kind IN ('relate', 'unrelate', 'untrue', 'redate', 'born', 'died') ORDER BY id").fetchall()


def events_undergone(conn, pid: int, kind: str) -> set[int]:
    """The person's events of this kind in which they are not the agent (their birth, their death)."""
    return {r[0] for r in conn.execute(
        "SELECT ep.event FROM event_people ep JOIN events ev ON ev.id = ep.event WHERE ep.person = ? AND ev.kind = ?"
        " AND ep.agent = 0", (pid, kind))}


def entry_holds(conn, entry, start: int, text: str):
    """(holds: `text` is at `start`, where: 1 + where `text` first is, 0 if not) of the entry, or None."""
    return conn.execute("SELECT substr(text, ?, ?) = ?, instr(text, ?) FROM entries WHERE id = ?",
                        (start + 1, len(text), text, text, entry)).fetchone()


def entries_holding(conn, text: str) -> list:
    """Rows (id, where: 1 + where `text` first is) of two entries at most that hold these words."""
    return conn.execute("SELECT id, instr(text, ?) FROM entries WHERE instr(text, ?) > 0 LIMIT 2", (text, text)).fetchall()


def events_overlapping(conn, entry: int, kind: str, start: int, end: int, pid) -> list:
    """Rows (id, start, end, his: the person is in it) of the entry's events of this kind over [start, end)."""
    return conn.execute("SELECT ev.id, ev.start, ev.end, EXISTS (SELECT 1 FROM event_people ep WHERE ep.event = ev.id"
                        " AND ep.person = ?) AS his FROM events ev WHERE ev.entry = ? AND ev.kind = ? AND ev.start < ?"
                        " AND ev.end > ?", (pid, entry, kind, end, start)).fetchall()


def all_corrections(conn) -> list:
    """Every statement's row, newest first."""
    return conn.execute("SELECT * FROM corrections ORDER BY id DESC").fetchall()


def people_listed(memory, kind, everyone: bool) -> list:
    """Rows (id, name, kind, mentions, first_at, last_at, sure) of the people mentioned, most mentioned first: those of
    `kind` (None: every kind), listed (LISTED_SQL) unless `everyone`."""
    return memory.query(
        "SELECT p.id, p.name, coalesce(p.kind, 'person') AS kind, count(m.id) AS mentions, min(e.at) AS first_at,"
        " max(e.at) AS last_at, p.sure FROM people p JOIN mentions m ON m.person = p.id JOIN entries e ON e.id = m.entry"
        f" WHERE (?1 IS NULL OR coalesce(p.kind, 'person') = ?1) AND (?2 = 1 OR {LISTED_SQL})"
        " GROUP BY p.id ORDER BY mentions DESC, p.name", (kind, int(everyone))
    )


def aliases_by_name(memory) -> list:
    """Rows (person, alias) of every alias, in alphabetical order."""
    return memory.query("SELECT person, alias FROM aliases ORDER BY alias")


def has_mentions(memory) -> bool:
    return bool(memory.query("SELECT 1 FROM sqlite_master WHERE name = 'mentions'"))


def listed_people_count(memory) -> int:
    """How many people listed (not pets, places ...) are mentioned."""
    return memory.query(f"SELECT count(*) FROM people p WHERE {_LISTED_PERSON} AND EXISTS (SELECT 1 FROM mentions m WHERE m.person = p.id)")[0][0]


def most_mentioned(memory, limit: int) -> list:
    """Rows (id, name, owner, mentions) of the `limit` listed people most mentioned."""
    return memory.query(f"SELECT p.id, p.name, p.owner, count(m.id) AS mentions FROM people p JOIN mentions m ON m.person = p.id"
                        f" WHERE {_LISTED_PERSON} GROUP BY p.id ORDER BY mentions DESC, p.name LIMIT ?", (limit,))


def relations_either_way(memory, pid: int) -> list:
    """Rows (subject, relation, object, passage) of the person's relations, either way."""
    return memory.query("SELECT subject, relation, object, passage FROM relations WHERE subject = ?1 OR object = ?1 ORDER BY id", (pid,))


def written_with(memory, pid: int) -> list[int]:
    """The people who share passages with this one, most passages first."""
    return [r[0] for r in memory.query(
        "SELECT b.person, count(DISTINCT a.passage) AS n FROM mentions a JOIN mentions b ON b.passage = a.passage"
        " AND b.person != a.person WHERE a.person = ? AND a.passage IS NOT NULL GROUP BY b.person ORDER BY n DESC, b.person",
        (pid,))]


def mentioned_among(memory, people, centre: int) -> list:
    """Rows (id, name, owner, mentions) of these people who are listed, or are `centre`."""
    return memory.query(
        f"SELECT p.id, p.name, p.owner, count(m.id) AS mentions FROM people p JOIN mentions m ON m.person = p.id"
        f" WHERE p.id IN ({_marks(people)}) AND ({_LISTED_PERSON} OR p.id = ?) GROUP BY p.id", [*people, centre])


def relations_among(memory, people) -> list:
    """Rows (subject, relation, object, passage: the first, confidence: the surest) of each relation between these
    people."""
    marks = _marks(people) or "NULL"
    return memory.query(
        f"SELECT subject, relation, object, min(passage) AS passage, max(coalesce(confidence, 1.0)) AS confidence FROM relations"
        f" WHERE subject IN ({marks}) AND object IN ({marks}) AND subject != object GROUP BY subject, relation, object"
        " ORDER BY subject, relation, object",
        people + people)


def passages_shared(memory, people) -> list:
    """Rows (a, b, passages: how many) of two of these people (a < b) written of in the same passages."""
    marks = _marks(people) or "NULL"
    return memory.query(
        f"SELECT a.person, b.person, count(DISTINCT a.passage) FROM mentions a JOIN mentions b"
        f" ON b.passage = a.passage AND b.person > a.person WHERE a.person IN ({marks}) AND b.person IN ({marks})"
        " AND a.passage IS NOT NULL GROUP BY a.person, b.person", people + people)


def names_in_passages(memory, passages) -> list:
    """Rows (passage, s, e: offsets into the passage, name) of the names and titles written in these passages, in order."""
    return memory.query(
        f"SELECT m.passage, m.start - pa.start AS s, m.end - pa.start AS e, p.name FROM mentions m"
        f" JOIN passages pa ON pa.id = m.passage JOIN people p ON p.id = m.person"
        f" WHERE m.passage IN ({_marks(passages)}) AND m.kind IN ('name', 'title')"
        f" AND m.start >= pa.start AND m.end <= pa.end ORDER BY m.passage, m.start", passages)


def facts_told(memory, pid: int) -> list:
    """Rows (kind, what, statement, passage, at) of what is told of the person (person_facts), in the order it was true."""
    return memory.query(
        "SELECT f.kind, f.what, f.statement, f.passage, coalesce(f.lo, e.at) AS at FROM person_facts f"
        " JOIN entries e ON e.id = f.entry WHERE f.person = ? ORDER BY coalesce(f.lo, e.at), f.id", (pid,))


# -- recall ------------------------------------------------------------------------------------------
# recall.py's reads (and the two writes it keeps: the speakers' counts, the facts' vectors). The FTS5 statements are
# kept word for word: a PostgreSQL memory answers some of these very shapes from its postings (postgres.py `_POSTINGS`).

# the names a question may use (recall.Names)
def entries_changed(memory):
    """The store's count of changes to entries (None: never counted)."""
    changed = memory.query("SELECT value FROM settings WHERE key = 'entries.changed'")
    return changed[0][0] if changed else None


def last_passage(memory) -> int:
    """The highest passage id (0: none)."""
    return memory.query("SELECT coalesce(max(id), 0) FROM passages")[0][0]


def speakers_after(memory, covers: int) -> list:
    """Rows (speaker, turns) of the speakers of the passages after id `covers`."""
    return memory.query(
        "SELECT speaker, count(*) FROM passages WHERE id > ? AND speaker IS NOT NULL GROUP BY speaker", (covers,))


def same_speaker_runs(memory, covers: int):
    """The row (turns after a turn of the same entry, of those: after one of the same speaker) of the passages
    after id `covers`."""
    return memory.query(
        "SELECT count(*), coalesce(sum(CASE WHEN p.speaker = q.speaker THEN 1 ELSE 0 END), 0) FROM passages p JOIN passages q"
        " ON q.entry = p.entry AND q.seq = p.seq - 1 WHERE p.id > ? AND p.speaker IS NOT NULL AND q.speaker IS NOT NULL",
        (covers,))[0]


def people_key(memory):
    """The row (people, last mention id, aliases) that changes when the people found change."""
    return memory.query("SELECT (SELECT count(*) FROM people), (SELECT coalesce(max(id), 0) FROM mentions),"
                        " (SELECT count(*) FROM aliases)")[0]


def everyone_named(memory) -> list:
    """Rows (id, name, owner) of every person."""
    return memory.query("SELECT id, name, owner FROM people")


def all_aliases(memory) -> list:
    """Rows (person, alias) of every alias."""
    return memory.query("SELECT person, alias FROM aliases")


def person_fans(memory) -> dict[int, int]:
    """Each person's fan: how many passages mention them."""
    return {r[0]: r[1] for r in memory.query("SELECT person, count(DISTINCT passage) FROM mentions GROUP BY person")}


def passage_total(memory) -> int:
    """How many passages there are (count(*) reads the small (entry, seq) index, not the passages)."""
    return memory.query("SELECT count(*) FROM passages")[0][0]


def passages_after(memory, covers: int) -> int:
    """How many passages have an id above `covers`."""
    return memory.query("SELECT count(*) FROM passages WHERE id > ?", (covers,))[0][0]


def put_setting(conn, key: str, value: str):
    """Keep a setting's text as it is (`Memory.set_setting` keeps a value as JSON)."""
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))


# reading the question (recall.named_people, question_times, event_date)
def fts_holds(memory, match: str) -> bool:
    """Does a passage match this FTS5 query?"""
    return bool(memory.query("SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1", (match,)))


def speaker_turns_matching(memory, match: str, most: int) -> list:
    """Rows (entry, speaker, text) of at most `most` spoken passages matching an FTS5 query."""
    return memory.query("SELECT p.entry, p.speaker, p.text FROM passages_fts f JOIN passages p ON p.id = f.rowid"
                        " WHERE passages_fts MATCH ? AND p.speaker IS NOT NULL LIMIT ?", (match, most))


def entry_speakers(memory, entry: int) -> set[str]:
    """Who speaks in an entry."""
    return {r[0] for r in memory.query("SELECT DISTINCT speaker FROM passages WHERE entry = ? AND speaker IS NOT NULL", (entry,))}


def latest_entry_at(memory):
    """The date of the latest entry not in the trash (None: none)."""
    return memory.query("SELECT max(at) FROM entries WHERE deleted IS NULL")[0][0]


def latest_events_of_kind(memory, kind: str, other: str, entries, most: int) -> list:
    """Rows (id, when: its date, else its entry's) of at most `most` events of either kind not negated (`entries`: of
    these entries only, if any), latest first."""
    return memory.query(
        "SELECT ev.id, coalesce(ev.lo, e.at) FROM events ev JOIN entries e ON e.id = ev.entry"
        " WHERE ev.negated = 0 AND (ev.kind = ? OR ev.kind = ?)"
        + (f" AND ev.entry IN ({','.join('?' * len(entries))})" if entries else "")
        + " ORDER BY coalesce(ev.lo, e.at) DESC LIMIT ?",
        (kind, other, *entries, most),
    )


def event_is_of_kind(memory, eid: int, kind: str, other: str) -> bool:
    """Is the event one of either kind, not negated?"""
    return bool(memory.query("SELECT 1 FROM events WHERE id = ? AND negated = 0 AND kind IN (?, ?)", (eid, kind, other)))


def first_time_in(memory, passage: int) -> list:
    """The row (lo) of the first time a passage speaks of, if it speaks of one."""
    return memory.query("SELECT lo FROM times WHERE passage = ? ORDER BY start LIMIT 1", (passage,))


def passage_date(memory, passage: int):
    """The date of a passage's entry (None: no such passage)."""
    rows = memory.query("SELECT e.at FROM passages p JOIN entries e ON e.id = p.entry WHERE p.id = ?", (passage,))
    return rows[0][0] if rows else None


# the retrievers and the candidates' rows (recall.bm25, Similar, focus, own_features)
def bm25_best(memory, match: str, floor: int, limit: int) -> list:
    """Rows (passage id, BM25 score: higher is better) of the `limit` best passages from `floor` on matching an
    FTS5 query, best first."""
    return memory.query("SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?"
                        " ORDER BY bm25(passages_fts) LIMIT ?", (match, floor, limit))


def bm25_best_dated(memory, match: str, floor: int, lo: str, hi: str, limit: int) -> list:
    """As `bm25_best`, of the passages of entries dated in [lo, hi) only (a window too wide to read by date)."""
    return memory.query("SELECT f.rowid, -bm25(passages_fts) FROM passages_fts f JOIN passages p ON p.id = f.rowid"
                        " JOIN entries e ON e.id = p.entry WHERE passages_fts MATCH ? AND f.rowid >= ? AND e.at >= ? AND e.at < ?"
                        " ORDER BY bm25(passages_fts) LIMIT ?", (match, floor, lo, hi, limit))


def bm25_between(memory, match: str, lo: int, hi: int) -> list:
    """Rows (passage id, BM25 score as over the whole store) of the passages with ids in [lo, hi] matching an FTS5 query."""
    return memory.query(
        "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?",
        (match, lo, hi))


def passages_dated(memory, lo: str, hi: str, most: int) -> list[int]:
    """At most `most` of the passages of entries dated in [lo, hi)."""
    return [r[0] for r in memory.query(
        "SELECT p.id FROM entries e JOIN passages p ON p.entry = e.id WHERE e.at >= ? AND e.at < ? LIMIT ?", (lo, hi, most))]


def passage_columns(memory, ids, columns: str, join: str) -> list:
    """Rows of these `columns` of these passages (`p`; `join`: the tables they need, e.g. entries `e`)."""
    return memory.query(f"SELECT {columns} FROM passages p{join} WHERE p.id IN ({','.join('?' * len(ids))})", ids)


def mentions_of_in(memory, people, passages) -> list:
    """Rows (passage, person) of these people's mentions in these passages."""
    return memory.query(f"SELECT passage, person FROM mentions WHERE person IN ({','.join('?' * len(people))})"
                        f" AND passage IN ({','.join('?' * len(passages))})", [*people, *passages])


def entries_spoken_in(memory, match: str, most: int) -> list[int]:
    """At most `most` of the entries with a passage matching an FTS5 query (`speaker : ...`: spoken by)."""
    return [r[0] for r in memory.query(
        "SELECT DISTINCT p.entry FROM passages_fts f JOIN passages p ON p.id = f.rowid WHERE passages_fts MATCH ?"
        " LIMIT ?", (match, most))]


def entries_of_people(memory, people, most: int) -> list[int]:
    """At most `most` of the entries that mention these people."""
    return [r[0] for r in memory.query(
        f"SELECT DISTINCT entry FROM mentions WHERE person IN ({','.join('?' * len(people))}) LIMIT ?", (*people, most))]


def passage_ids_of(memory, entries) -> list[int]:
    """The passages of these entries."""
    return [r[0] for r in memory.query(f"SELECT id FROM passages WHERE entry IN ({','.join('?' * len(entries))})", entries)]


def passages_with_dates(memory, entries) -> list:
    """Rows (id, entry, seq, speaker, at: the entry's date) of these entries' passages."""
    return memory.query(f"SELECT p.id, p.entry, p.seq, p.speaker, e.at FROM passages p JOIN entries e ON e.id = p.entry"
                        f" WHERE p.entry IN ({','.join('?' * len(entries))})", entries)


# the facts and answers (recall._fact_matches, _timed, _their_latest, unknown_names, facts)
def latest_facts_of(memory, people, most: int) -> list:
    """Rows (id, passage, kind, what, statement, person) of the `most` latest facts of these people told in a passage."""
    return memory.query(f"SELECT id, passage, kind, what, statement, person FROM person_facts WHERE person IN"
                        f" ({','.join('?' * len(people))}) AND passage IS NOT NULL ORDER BY id DESC LIMIT ?", [*people, most])


def fact_vectors(memory, ids) -> list:
    """Rows (statement, vector) of these facts that have a vector kept."""
    return memory.query(f"SELECT statement, vector FROM person_facts WHERE id IN ({','.join('?' * len(ids))})"
                        f" AND vector IS NOT NULL", ids)


def put_fact_vectors(conn, rows):
    """Rows (vector, id, statement): each fact's vector, kept if the fact still has that statement and no vector."""
    conn.executemany("UPDATE person_facts SET vector = ? WHERE id = ? AND statement = ? AND vector IS NULL", rows)


def times_of_passages(memory, passages) -> list:
    """Rows (passage, lo, hi) of the times these passages speak of."""
    return memory.query(f"SELECT passage, lo, hi FROM times WHERE passage IN ({','.join('?' * len(passages))})", passages)


def latest_mention_at(memory, people):
    """The date of the latest entry not in the trash that mentions one of these people (None: none)."""
    return memory.query(f"SELECT max(e.at) FROM mentions m JOIN entries e ON e.id = m.entry WHERE m.person IN"
                        f" ({','.join('?' * len(people))}) AND e.deleted IS NULL", people)[0][0]


def name_of(memory, pid: int) -> str:
    return memory.query("SELECT name FROM people WHERE id = ?", (pid,))[0][0]


def relations_of_people(memory, people) -> list:
    """Rows (subject, relation, object, passage: the first, confidence: the surest) of each relation of these people,
    either way, in the order they were first told."""
    marks = ",".join("?" * len(people))
    return memory.query(
        f"SELECT r.subject, r.relation, r.object, min(r.passage) AS passage, max(coalesce(r.confidence, 1.0)) AS confidence"
        f" FROM relations r WHERE r.subject IN ({marks}) OR r.object IN ({marks}) GROUP BY r.subject, r.relation, r.object"
        f" ORDER BY min(r.entry), min(r.start), r.subject, r.relation, r.object",
        [*people, *people])


def events_of_or_in(memory, people, windows, most: int) -> list:
    """Rows (id, kind, at, passage, text: its words, confidence) of at most `most` events not negated that these
    people undergo or that happened in one of these windows (lo, hi), earliest first."""
    clauses, params = [], []
    if people:
        clauses.append(f"ev.id IN (SELECT event FROM event_people WHERE person IN ({','.join('?' * len(people))}))")
        params += people
    for lo, hi in windows:
        clauses.append("(coalesce(ev.lo, en.at) >= ? AND coalesce(ev.lo, en.at) < ?)")
        params += [lo, hi]
    return memory.query(
        f"SELECT ev.id, ev.kind, coalesce(ev.lo, substr(en.at, 1, 10)) AS at, ev.passage, {EVENT_TEXT} AS text,"
        " coalesce(ev.confidence, 1.0) AS confidence"
        " FROM events ev JOIN entries en ON en.id = ev.entry LEFT JOIN passages pa ON pa.id = ev.passage"
        f" WHERE ev.negated = 0 AND ({' OR '.join(clauses)}) ORDER BY at LIMIT ?",
        [*params, most],
    )


def event_told(memory, eid: int) -> list:
    """The row (kind, passage, text: its words) of an event not negated, if it is one."""
    return memory.query(f"SELECT ev.kind, ev.passage, {EVENT_TEXT} AS text FROM events ev JOIN entries en ON en.id = ev.entry"
                        " LEFT JOIN passages pa ON pa.id = ev.passage WHERE ev.id = ? AND ev.negated = 0", (eid,))


# what a cue is tied to (recall.recall, _about, _things)
def cue_totals(memory) -> dict[int, float]:
    """Each person's closeness summed over every cue."""
    return {r[0]: r[1] for r in memory.query("SELECT person, sum(closeness) FROM person_cues GROUP BY person")}


def person_cues_for(memory, forms, heads) -> list:
    """Rows (person, cue, count, closeness, fan) of the people's ties to a cue: to one of its forms or its head's, or
    to a cue ending or starting with its first form (or ending with its head's), person by person, closest first."""
    marks = ",".join("?" * len(forms + heads))
    return memory.query(
        f"SELECT person, cue, count, closeness, fan FROM person_cues WHERE cue IN ({marks}) OR cue LIKE ? OR cue LIKE ?"
        + (" OR cue LIKE ?" if heads else "")
        # in an order of their own (a person's evidence is gathered cue by cue), not the table's, which
        # upserts leave differently on each backend
        + " ORDER BY person, closeness DESC, cue",
        [*forms, *heads, f"% {forms[0]}", f"{forms[0]} %"] + ([f"% {heads[0]}"] if heads else []),
    )


def cue_evidence(memory, pid: int, cue: str) -> list[int]:
    """The five passages where the person is closest to the cue."""
    return [r[0] for r in memory.query(
        "SELECT passage FROM cues WHERE person = ? AND cue = ? AND passage IS NOT NULL GROUP BY passage"
        " ORDER BY max(closeness) DESC, passage LIMIT 5", (pid, cue))]


def people_in_passages(memory, passages) -> list:
    """Rows (passage, person) of the people mentioned in these passages, in order."""
    return memory.query(f"SELECT DISTINCT passage, person FROM mentions WHERE passage IN ({','.join('?' * len(passages))})"
                        " ORDER BY passage, person", passages)


def things_among(memory, people) -> dict[int, str]:
    """Those of these people that are not persons (a pet, a place, a thing), and their kind."""
    return {r[0]: r[1] for r in memory.query(
        f"SELECT id, kind FROM people WHERE kind IS NOT NULL AND kind != 'person' AND id IN ({','.join('?' * len(people))})",
        list(people))}


def matching_among(memory, match: str, ids) -> set[int]:
    """Those of these passages that match an FTS5 query."""
    return {r[0] for r in memory.query(
        f"SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid IN ({','.join('?' * len(ids))})", [match, *ids])}


def passages_with_cue(memory, forms) -> list[int]:
    """The passages where one of these cues is read."""
    return [r[0] for r in memory.query(
        f"SELECT DISTINCT passage FROM cues WHERE cue IN ({','.join('?' * len(forms))}) AND passage IS NOT NULL", forms)]


def cued_passage_count(memory) -> int:
    """How many passages have a cue read in them."""
    return memory.query("SELECT count(DISTINCT passage) FROM cues")[0][0]


def cues_of_passages(memory, passages) -> list:
    """Rows (cue, passage) of the cues read in these passages, passage by passage, in the order read."""
    return memory.query(f"SELECT cue, passage FROM cues WHERE passage IN ({','.join('?' * len(passages))}) ORDER BY passage, id",
                        passages)


def cue_fans(memory, cues) -> dict[str, int]:
    """Each of these cues' fan: how many passages it is read in."""
    return {r[0]: r[1] for r in memory.query(
        f"SELECT cue, count(DISTINCT passage) FROM cues WHERE cue IN ({','.join('?' * len(cues))}) GROUP BY cue", list(cues))}


# by when things happened (recall.timeline)
def times_between(memory, lo: str, hi: str) -> list:
    """Rows (passage, entry, lo, hi, text, before: the twelve characters before it) of the times passages speak of
    that start in [lo, hi), in order."""
    return memory.query(
        "SELECT t.passage, t.entry, t.lo, t.hi, t.text, substr(e.text, max(t.start - 12, 0) + 1, min(t.start, 12)) AS before"
        " FROM times t JOIN entries e ON e.id = t.entry WHERE t.lo >= ? AND t.lo < ? AND t.passage IS NOT NULL"
        " ORDER BY t.lo, t.entry, t.start", (lo, hi))


def events_between(memory, lo: str, hi: str) -> list:
    """Rows (id, kind, lo, hi, passage, confidence) of the events not negated, told in a passage, that start in [lo, hi)."""
    return memory.query(
        "SELECT ev.id, ev.kind, ev.lo, ev.hi, ev.passage, coalesce(ev.confidence, 1.0) AS confidence FROM events ev"
        " WHERE ev.negated = 0 AND ev.lo >= ? AND ev.lo < ? AND ev.passage IS NOT NULL", (lo, hi))


def event_kind_passage(memory, eid: int) -> list:
    """The row (kind, passage) of an event not negated, if it is one."""
    return memory.query("SELECT kind, passage FROM events WHERE id = ? AND negated = 0", (eid,))


def day_timed_passages(memory, lo: str, hi: str) -> set[int]:
    """The passages of entries dated in [lo, hi) that speak of a time of a week or less."""
    return {r[0] for r in memory.query(
        "SELECT DISTINCT t.passage FROM times t JOIN entries e ON e.id = t.entry WHERE e.at >= ? AND e.at < ?"
        " AND julianday(t.hi) - julianday(t.lo) <= 7", (lo, hi))}


def entries_between(memory, lo: str, hi: str) -> list:
    """Rows (id, at: its day) of the entries not in the trash dated in [lo, hi), in order."""
    return memory.query("SELECT e.id, substr(e.at, 1, 10) AS at FROM entries e WHERE e.at >= ? AND e.at < ?"
                        " AND e.deleted IS NULL ORDER BY e.at", (lo, hi))


def passages_in_order(memory, entry: int) -> list[int]:
    """An entry's passages, in order."""
    return [r[0] for r in memory.query("SELECT id FROM passages WHERE entry = ? ORDER BY seq", (entry,))]


def passages_mentioning(memory, pid: int) -> set[int]:
    """The passages that mention the person."""
    return {r[0] for r in memory.query("SELECT DISTINCT passage FROM mentions WHERE person = ? AND passage IS NOT NULL", (pid,))}


def aliases_of_person(memory, pid: int) -> list[str]:
    return [r[0] for r in memory.query("SELECT alias FROM aliases WHERE person = ?", (pid,))]


def passages_spoken_by(memory, speakers) -> set[int]:
    """The passages these speakers speak."""
    return {r[0] for r in memory.query(f"SELECT id FROM passages WHERE speaker IN ({','.join('?' * len(speakers))})", list(speakers))}


def passages_matching(memory, match: str) -> set[int]:
    """The passages matching an FTS5 query."""
    return {r[0] for r in memory.query("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", (match,))}
