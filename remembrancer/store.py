"""The store: one SQLite file holding every entry exactly as given, its passages and what was derived from them."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib
import inspect
import json
import os
import re
import sqlite3
import sys
import threading
import time
import types
import typing
import unicodedata
import urllib.parse
from pathlib import Path

from . import capture, dates, migrations
from .errors import (BadArgument, BadInput, EmptyInput, Interrupted, NeedsKey, NotFound, StoreCorrupt, StoreError,
                     StoreLocked, UnknownFormat, WrongKey)

# Derived-data processors, run in this order after entries are stored (see docs/architecture.md).
PROCESSORS: list[str] = ["remembrancer.extract", "remembrancer.embed"]

Moment = str | dt.date | None  # a date or date-time: ISO text, or a date or datetime
BATCH_WORDS = 50_000  # entries are committed in batches of about this many words
ISOLATE = 64  # after a processor fails on a run of entries, at most this many are tried one by one to find the one


@functools.cache
def code_version() -> str:
    """This remembrancer's code: its version and a digest of its source. An entry a processor failed on is
    tried again when this changes (an upgrade, a fix), not at every run."""
    from . import __version__

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def default_path() -> Path:
    """$REMEMBRANCER_DB, else memories.db in the user's data folder (XDG)."""
    if os.environ.get("REMEMBRANCER_DB"):
        return Path(os.environ["REMEMBRANCER_DB"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "remembrancer" / "memories.db"


def content_hash(entry: capture.Entry) -> str:
    # A chat is its turns *and* when it took place; a text is its words alone.
    key = f"chat\0{entry.at or ''}\0{entry.text}" if entry.kind == "chat" else entry.text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _errors(name: str) -> tuple:
    """The exception class `name` of sqlite3 and, when an encrypted store was opened, of sqlcipher3."""
    return tuple(getattr(m, name) for m in (sqlite3, sys.modules.get("sqlcipher3.dbapi2")) if m is not None)


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


def _private_file(path: Path):
    """Create an empty file only its owner can read, if there is none (SQLite gives its -wal and -shm files
    the mode of the store's file)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _private_folder(path: Path):
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

    def __init__(self, path: str | os.PathLike | None = None, *, derive: bool = True, timeout: float = 5.0,
                 create: bool = True, key: str | None = None):
        """`create=False`: a store that is not there is an error, not a new empty one. A store on a disk
        that cannot be written (a backup on a read-only stick) opens read-only. `key`: the store is encrypted
        with it (SQLCipher), or made so when new; default: the key in $REMEMBRANCER_KEY_FILE, if set. A store
        and its folder, made here, are their owner's alone (0600, 0700)."""
        self.path = Path(path) if path is not None else default_path()
        if key is None and os.environ.get("REMEMBRANCER_KEY_FILE"):
            key = read_key_file(os.environ["REMEMBRANCER_KEY_FILE"])
        if key is not None and (not isinstance(key, str) or not key):
            raise BadArgument("The key must be a non-empty string")
        self.key = key
        self.derive = derive
        self.lock = threading.RLock()
        self._depth = 0
        self.failed_now: list[dict] = []  # failures recorded by this Memory (see `failures`)
        self.stopping = threading.Event()  # set from another thread: deriving stops at the next batch (Interrupted)
        memory = str(self.path) == ":memory:"
        if not memory and not self.path.exists():
            if not create:
                raise NotFound(f"No store at {self.path}",
                               "Check --db or $REMEMBRANCER_DB; `remembrancer add` or `import` starts a new store.")
            _private_folder(self.path.parent)
            _private_file(self.path)
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
        with self.lock, _sqlite_errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def query(self, sql, params=()) -> list[sqlite3.Row]:
        with self.lock, _sqlite_errors():
            return self.conn.execute(sql, params).fetchall()

    # -- capture --------------------------------------------------------------------------
    def add(self, text: str, *, at: str | None = None, author: str | None = None, source: str | None = None) -> dict:
        """Remember a text; returns {"entry", "new", "passages", "words"}."""
        entry = capture.text_entry(text, at=dates.parse(at) if at else None, author=author, source=source)
        return self.add_entries([entry])["results"][0]

    def add_chat(self, turns: list | tuple, *, at: str | None = None, author: str | None = None, source: str | None = None,
                 me: str | None = None) -> dict:
        """Remember a conversation: turns are (speaker, text) or (speaker, text, ref) tuples; `me` names the
        speaker who is you."""
        turns = [capture.Turn(*t) if not isinstance(t, capture.Turn) else t for t in turns]
        entry = capture.chat_entry(turns, at=dates.parse(at) if at else None, author=author, source=source, me=me)
        return self.add_entries([entry])["results"][0]

    def add_entries(self, entries: list[capture.Entry], progress=None, understood=None) -> dict:
        """Store entries in batched transactions, then derive; every entry is whole or absent.
        `progress(n)` after each batch stored; `understood(processor, entries)` after each derivation."""
        started = time.perf_counter()
        failed_before = len(self.failed_now)
        results = []
        batch: list[capture.Entry] = []
        words = 0
        try:
            for entry in entries:
                batch.append(entry)
                words += entry.words
                if words >= BATCH_WORDS:
                    results += self._store(batch, progress)
                    batch, words = [], 0
            if batch:
                results += self._store(batch, progress)
        except StoreError as e:
            raise self._partly(e, results, "stored; the rest were not") if any(r["new"] for r in results) else e
        if self.derive:  # the new entries, and any an earlier run left not understood
            try:
                self.process(progress=understood)
            except StoreError as e:
                raise self._partly(e, results, "stored, but understanding them stopped") from None
        new = [r for r in results if r["new"]]
        return {
            "results": results,
            "entries": len(new),
            "duplicates": len(results) - len(new),
            "passages": sum(r["passages"] for r in new),
            "words": sum(r["words"] for r in new),
            "seconds": round(time.perf_counter() - started, 3),
            "failed": self.failed_now[failed_before:],  # entries stored but not understood: see `failures`
        }

    @staticmethod
    def _partly(error: StoreError, results, what: str) -> StoreError:
        """The error said truly when some entries were stored (it said "nothing was stored" after 200 were)."""
        new = sum(r["new"] for r in results)
        full = "could not grow" in str(error)
        return type(error)(
            f"{new} {'entry' if new == 1 else 'entries'} {what}: {error}",
            ("Free some disk space; " if full else "") + "what was stored is kept, and understood at the next command"
            " that opens the store (run the same command again: what is stored already is not stored twice).")

    def _store(self, entries, progress=None) -> list[dict]:
        added = dates.now()
        out = []
        with self.transaction() as conn:
            for entry in entries:
                digest = content_hash(entry)
                cur = conn.execute(
                    "INSERT INTO entries (text, at, added, author, source, kind, hash, words, meta)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hash) DO NOTHING",
                    (entry.text, entry.at, added, entry.author, entry.source, entry.kind, digest, entry.words,
                     json.dumps(entry.meta, ensure_ascii=False) if entry.meta else None),
                )
                if not cur.rowcount:
                    existing = conn.execute("SELECT id FROM entries WHERE hash = ?", (digest,)).fetchone()[0]
                    out.append({"entry": existing, "new": False, "passages": 0, "words": entry.words})
                    continue
                entry_id = cur.lastrowid
                first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
                rows = [
                    (first + i, entry_id, i, s, e, speaker, ref, entry.text[s:e])
                    for i, (s, e, speaker, ref) in enumerate(entry.passages)
                ]
                conn.executemany(
                    "INSERT INTO passages (id, entry, seq, start, end, speaker, ref, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                conn.executemany(
                    "INSERT INTO passages_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                    [(r[0], r[7], r[5]) for r in rows],
                )
                conn.executemany("INSERT OR IGNORE INTO passage_symbols (symbol, passage) VALUES (?, ?)",
                                 [(sym, r[0]) for r in rows for sym in symbols(r[7])])
                out.append({"entry": entry_id, "new": True, "passages": len(rows), "words": entry.words})
        if progress:
            progress(len(entries))
        return out

    def add_files(self, paths: str | os.PathLike | list | tuple, *, at: str | None = None, author: str | None = None,
                  source: str | None = None, progress=None) -> dict:
        """Remember files and folders (recursively: .txt and .md), each file one entry."""
        at = dates.parse(at) if at else None
        entries = [capture.file_entry(p, at=at, author=author, source=source) for p in capture.files(paths)]
        return self.add_entries(entries, progress)

    def import_file(self, fmt: str, path: str | os.PathLike, *, author: str | None = None, source: str | None = None,
                    me: str | None = None, progress=None) -> dict:
        """Import a whole file in a known format ("locomo" or "jsonl"); `me`: the chat speaker who is you."""
        return self.add_entries(capture.format_entries(fmt, path, author=author, source=source, me=me), progress)

    # -- derived data ---------------------------------------------------------------------
    def process(self, entry_ids=None, progress=None, wait: bool = False) -> dict | None:
        """Run every derived-data processor on the entries it has not yet seen at its current version
        (of `entry_ids` only, if given), until none is left.

        One process at a time derives a store (a lock beside it, released by the system if the process
        dies). If another holds it, this returns None at once (`wait`: waits for it): the holder takes
        in whatever was stored before it lets go, so nothing stored is left behind."""
        done, tried = {}, set()
        while True:
            with self._derive_lock(wait) as held:
                if not held:
                    return None
                while self._derive_pass(entry_ids, tried, done, progress):
                    pass  # until a pass finds nothing new: entries stored meanwhile are taken in too
            # Entries stored after our last look but before we let go, by someone who found the lock held.
            if not self._lock_path() or not self._untried(entry_ids, tried):
                return done
            wait = False

    def _derive_pass(self, entry_ids, tried: set, done: dict, progress) -> bool:
        """Each processor on its pending entries not yet tried in this run; False if there were none."""
        found = False
        for name in PROCESSORS:
            self.check_stop()
            module = importlib.import_module(name)
            todo = [i for i in self.pending(module, entry_ids) if (name, i) not in tried]
            tried.update((name, i) for i in todo)
            done[module.NAME] = done.get(module.NAME, 0) + len(todo)
            if todo:
                found = True
                self._run(module, todo)
                if progress:
                    progress(module.NAME, len(todo))
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
                         " VALUES (:entry, :processor, :version, :code, :error, :at)", row)
        self.failed_now.append(row)

    def failures(self) -> list[dict]:
        """The entries a processor failed on at its current version and under this code: {"entry", "processor",
        "version", "code", "error", "at"}. They are stored, and searchable by their words; they are tried again
        after an upgrade, or by `reindex`."""
        out = []
        for name in PROCESSORS:
            module = importlib.import_module(name)
            out += [dict(r) for r in self.query(
                "SELECT entry, processor, version, code, error, at FROM failures WHERE processor = ? AND version = ?"
                " AND code = ? ORDER BY entry", (module.NAME, str(module.VERSION), code_version()))]
        return out

    def check_stop(self):
        """Raise Interrupted if `stopping` is set; processors ask between batches."""
        if self.stopping.is_set():
            raise Interrupted()

    def _untried(self, entry_ids, tried: set) -> bool:
        if not any(self.pending_counts().values()):
            return False
        return any((name, i) not in tried for name in PROCESSORS
                   for i in self.pending(importlib.import_module(name), entry_ids))

    def complete(self, progress=None) -> dict | None:
        """Derive whatever is pending: entries a crash, a kill or a full disk left not understood, a
        `--no-extract` import, or entries an extraction component has a newer version for."""
        if self.readonly or not any(self.pending_counts().values()):
            return {}
        return self.process(progress=progress)

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
        rows = self.query(
            "SELECT e.id FROM entries e LEFT JOIN processed p ON p.entry = e.id AND p.processor = ?1"
            " WHERE (p.version IS NULL OR p.version != ?2) AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.entry = e.id"
            " AND f.processor = ?1 AND f.version = ?2 AND f.code = ?3) ORDER BY e.id",
            (module.NAME, str(module.VERSION), code_version()),
        )
        ids = [r[0] for r in rows]
        if entry_ids is not None:
            wanted = set(entry_ids)
            ids = [i for i in ids if i in wanted]
        return ids

    def pending_counts(self) -> dict[str, int]:
        """{processor: entries it has not yet understood at its current version}; cheap when none are."""
        entries = self.query("SELECT count(*) FROM entries")[0][0]
        out = {}
        for name in PROCESSORS:
            module = importlib.import_module(name)
            done = self.query("SELECT count(*) FROM processed WHERE processor = ? AND version = ?",
                              (module.NAME, str(module.VERSION)))[0][0]
            done += self.query("SELECT count(*) FROM failures WHERE processor = ? AND version = ? AND code = ?",
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

    # -- reading ---------------------------------------------------------------------------
    def entry(self, entry_id: int) -> dict:
        rows = self.query("SELECT * FROM entries WHERE id = ?", (entry_id,))
        if not rows:
            raise NotFound(f"No entry {entry_id}")
        return _entry_dict(rows[0])

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
        """BM25 over passages. Any text works: it is read as words, never as FTS syntax.

        Passages with every word rank first, then passages with any of the rarer words. Ranking costs
        time for every match and every match of a scored word, so to stay fast at any size the score
        counts only the words matching at most RANK_WINDOW passages (else the rarest word; a common
        word adds almost nothing to BM25), and a query matching more than RANK_WINDOW passages ranks
        the RANK_WINDOW most recently stored. A store of at most RANK_WINDOW passages gets plain BM25.
        """
        query = unicodedata.normalize("NFC", query)
        wanted = symbols(query)
        terms = fts_terms(query)
        if wanted:
            return self._with_symbols(wanted, terms, limit)
        if not terms:
            return []
        with self.lock, _sqlite_errors():
            sizes = {t: self.conn.execute(_COUNT, (t, RANK_WINDOW + 1)).fetchone()[0] for t in terms}
        by_rarity = sorted(terms, key=sizes.get)
        scoring = [t for t in by_rarity if sizes[t] <= RANK_WINDOW] or by_rarity[:1]
        ranked = self._ranked(" AND ".join(terms), " AND ".join(scoring), limit)
        if len(ranked) < limit and len(terms) > 1:  # too few with every word: any of the rarer ones
            small = (self.query("SELECT max(id) FROM passages")[0][0] or 0) <= RANK_WINDOW  # then all of them
            rarer, total = [], 0
            for term in by_rarity:
                if rarer and total + sizes[term] > RANK_WINDOW and not small:
                    break
                rarer.append(term)
                total += sizes[term]
            seen = {rowid for rowid, _ in ranked}
            either = " OR ".join(rarer)
            ranked += [r for r in self._ranked(either, either, limit) if r[0] not in seen][: limit - len(ranked)]
        found = {p["passage"]: p for p in self.passages(rowid for rowid, _ in ranked)}
        return [dict(found[rowid], score=round(score, 4)) for rowid, score in ranked if rowid in found]

    def _with_symbols(self, wanted: list[str], terms: list[str], limit: int) -> list[dict]:
        """Search for emoji and symbols (kept in passage_symbols: the search index drops them): the passages
        holding every one, newest first; with words as well, those the words find first."""
        marks = ",".join("?" * len(wanted))
        having = [r[0] for r in self.query(
            f"SELECT passage FROM passage_symbols WHERE symbol IN ({marks}) GROUP BY passage HAVING count(*) = ?"
            " ORDER BY passage DESC LIMIT ?", (*wanted, len(wanted), RANK_WINDOW))]
        if not terms:
            return [dict(p, score=0.0) for p in self.passages(having[:limit])]
        held = set(having)
        worded = self.search(" ".join(t.strip('"*') for t in terms), limit=max(limit, 100))
        both = [p for p in worded if p["passage"] in held]
        rest = [dict(p, score=0.0) for p in self.passages(i for i in having if i not in {q["passage"] for q in both})]
        return (both + rest)[:limit]

    def _ranked(self, match: str, scoring: str, limit: int) -> list:
        """(passage id, BM25 score by the terms of `scoring`) of the passages matching `match`, best first."""
        with self.lock, _sqlite_errors():
            floor = self.conn.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (match, RANK_WINDOW - 1),
            ).fetchone()
            floor = floor[0] if floor else 0
            sql = "SELECT rowid, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?"
            params = [scoring, floor]
            if scoring != match:
                sql += " AND +rowid IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?)"  # +: a filter, not a lookup per id
                params += [match, floor]
            return self.conn.execute(sql + " ORDER BY score DESC LIMIT ?", (*params, limit)).fetchall()

    # -- people (remembrancer/people.py) ---------------------------------------------------
    def people(self) -> list[dict]:
        """Everyone mentioned: [{"id", "name", "aliases", "mentions", "first_at", "last_at"}]."""
        from . import people

        return people.people(self)

    def person(self, name: str, now: Moment = None) -> dict:
        """One person's page, found by any of their names (`now`: the date its chance of recall is for)."""
        from . import people

        return people.person(self, name, now=now)

    def merge_people(self, a: str, b: str) -> dict:
        """Say that a and b are one person; kept across re-extraction."""
        from . import people

        return people.merge(self, a, b)

    def split_person(self, name: str, alias: str) -> dict:
        """Say that `alias` is someone other than `name`; kept across re-extraction."""
        from . import people

        return people.split(self, name, alias)

    def reindex(self, progress=None) -> dict:
        """Rebuild the extracted data from the raw entries, and derive whatever else is pending (embeddings
        a crash left missing); the raw entries and the owner's corrections are kept."""
        from . import extract

        with self._derive_lock(wait=True):  # not while another process is deriving: it would store over the clearing
            extract.clear(self)
            with self.transaction() as conn:  # asked for: what failed is tried again
                conn.execute("DELETE FROM failures")
        done = self.process(progress=progress, wait=True) or {}
        return {"entries": done.get(extract.NAME, 0), "version": extract.VERSION, "derived": done}

    # -- recall (remembrancer/recall.py) -----------------------------------------------------
    def recall(self, cue: str, limit: int = 10) -> dict:
        """The people and things a cue is tied to, each with why: {"cue", "people", "things", "passages"}."""
        from . import recall

        return recall.recall(self, cue, limit)

    def ask(self, question: str, limit: int = 10) -> dict:
        """Passages answering a question, with the people, times and facts it matched."""
        from . import recall

        return recall.ask(self, question, limit)

    def timeline(self, start: str | None = None, end: str | None = None, person: str | None = None) -> list[dict]:
        """What happened, by when it happened (not when it was written down)."""
        from . import recall

        return recall.timeline(self, start, end, person)

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
        """Yield the whole store as JSONL lines or Markdown sections, oldest first."""
        if fmt not in ("jsonl", "markdown"):
            raise UnknownFormat(f"Unknown export format {fmt!r}: use jsonl or markdown")
        with self.lock:
            rows = self.conn.execute("SELECT * FROM entries ORDER BY coalesce(at, added), id")
            for row in rows:
                entry = _entry_dict(row)
                if fmt == "markdown":
                    head = " · ".join(x for x in (entry["at"], entry["author"], entry["source"]) if x)
                    yield f"## {head or 'undated'}\n\n{entry['text']}\n\n"
                    continue
                obj = {k: entry[k] for k in ("text", "at", "added", "author", "source", "kind")}
                if entry["kind"] == "chat":
                    obj["turns"] = [
                        {"speaker": p["speaker"], "text": p["text"], "ref": p["ref"]}
                        for p in self.conn.execute(
                            "SELECT speaker, text, ref FROM passages WHERE entry = ? ORDER BY seq", (entry["id"],)
                        )
                    ]
                if entry["meta"]:
                    obj["meta"] = entry["meta"]
                yield json.dumps(obj, ensure_ascii=False) + "\n"

    def check(self) -> list[str]:
        """Problems found (an empty list means the store is sound)."""
        problems = []
        with self.lock, _sqlite_errors():
            result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [f"sqlite: {r}" for r in result]
            try:
                if not self.readonly:  # FTS5 checks itself through a write statement
                    self.conn.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
            except _errors("DatabaseError") as e:
                problems.append(f"search index: {e} (run `remembrancer check --repair`)")
            # Each entry's text is read once and its passages compared in Python: SQLite's substr() walks a
            # long text from its start for every passage (4 M characters took 42 s).
            for row in self.conn.execute("SELECT id, text, at, kind, hash FROM entries ORDER BY id"):
                entry = capture.Entry(text=row["text"], at=row["at"], kind=row["kind"])
                if content_hash(entry) != row["hash"]:
                    problems.append(f"entry {row['id']}: its text no longer matches its content hash")
                text = row["text"]
                for pid, start, end, passage in self.conn.execute(
                        "SELECT id, start, end, text FROM passages WHERE entry = ? ORDER BY seq", (row["id"],)):
                    if text[start:end] != passage:
                        problems.append(f"passage {pid}: does not match its place in entry {row['id']}")
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
        _private_folder(path.parent)
        _private_file(path)
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
            " FROM entries"
        )[0]
        out = dict(row)
        out["passages"] = self.query("SELECT count(*) FROM passages")[0][0]
        out["path"] = str(self.path)
        out["bytes"] = self.path.stat().st_size if self.path.exists() else 0
        for table in ("people", "embeddings"):
            if self.query("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)):
                out[table] = self.query(f"SELECT count(*) FROM {table}")[0][0]
        out["pending"] = self.pending_counts()
        failed = [f["processor"] for f in self.failures()]
        out["failed"] = {name: failed.count(name) for name in out["pending"]}
        return out


def _entry_dict(row) -> dict:
    out = dict(row)
    out["meta"] = json.loads(out["meta"]) if out.get("meta") else None
    return out


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
        _private_file(target)
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


RANK_WINDOW = 5_000  # most passages one query ranks (the newest of its matches)
_COUNT = "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)"
MAX_TERMS = 32  # words of a query used; a pasted page still searches, by its first words
STOPWORDS = frozenset(
    "a about after again all am an and any are as at be because been before being both but by can could did do"
    " does doing down during each few for from had has have having he her here hers herself him himself his how i"
    " if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours"
    " ourselves out over own same she should so some such than that the their theirs them themselves then there"
    " these they this those through to too under until up very was we were what when where which while who whom"
    " why will with would you your yours yourself".split()
)
_WORD = re.compile(r"\w+\*?", re.UNICODE)


def symbols(text: str) -> list[str]:
    """The emoji and other symbols in a text, each once, in order (Unicode category So: 🌷, ♥, ☂)."""
    return list(dict.fromkeys(c for c in text or "" if c > "\u00ff" and unicodedata.category(c) == "So"))


def fts_terms(text: str) -> list[str]:
    """The words typed by a person as quoted FTS5 terms, stopwords dropped unless nothing else is left."""
    words = []
    for token in _WORD.findall(text or ""):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if word:
            words.append(f'"{word}"' + ("*" if prefix else ""))
    content = [w for w in words if w.strip('"*').lower() not in STOPWORDS] or words
    return list(dict.fromkeys(content))[:MAX_TERMS]


def fts_query(text: str) -> tuple[str, ...]:
    """Words typed by a person as FTS5 queries: (all words, any word). Syntax is never passed through."""
    unique = fts_terms(text)
    if len(unique) < 2:
        return tuple(unique)
    return (" AND ".join(unique), " OR ".join(unique))
