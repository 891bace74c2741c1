"""Whose memory is whose: one store, or one per user under a folder (SQLite: `<folder>/<user>.db`).

The faces that serve many people (MCP, `serve --folder`) reach a memory only through `Memories.get(user)`,
so a backend keeping every user's memory in one database changes this file alone.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

from .errors import BadInput, Interrupted, NotFound
from .store import Memory, is_url, private_folder

_USER = re.compile(r"[a-z0-9](?:[a-z0-9._@+-]{0,62}[a-z0-9_])?")
PER_THREAD = 4  # stores a thread keeps open
log = logging.getLogger("remembrancer.server")  # the deriving thread is the server's: its lines are the server's
USER_HELP = ("a name of letters, digits and . _ @ + - (at most 64, starting and ending with a letter or digit;"
             " not case-sensitive), such as 'sam' or 'user-42'")


def user_name(user) -> str:
    """The user's name as their store is named (lower case), or BadInput: never a path."""
    if not isinstance(user, str) or not user.strip():
        raise BadInput("No user was named", f"Say whose memory it is: {USER_HELP}; nothing was changed.")
    name = user.strip().lower()
    if not _USER.fullmatch(name) or ".." in name:
        raise BadInput(f"{user[:80]!r} cannot be a user's name", f"Use {USER_HELP}; nothing was changed.")
    return name


class Memories:
    """`Memories(path)`: one store, and no user is named. `Memories(folder=DIR)`: each user's own store,
    made on first use. Each thread gets its own connection to a store (SQLite: reads run side by side).
    `understand`: a background thread per store derives what is stored (people, cues, embeddings). `key`: the
    key of an encrypted store (with a folder: of every user's), else $REMEMBRANCER_KEY_FILE's, if set. `warm`: seconds
    to warm a PostgreSQL memory for, in the background, the first time it is opened (`warm_up`; 0: never)."""

    def __init__(self, path=None, *, folder=None, understand: bool = True, key: str | None = None, warm: float = 0.0):
        if (path is None) == (folder is None):
            raise ValueError("give a store's path or a folder, not both")
        # A postgresql:// URL: one memory (`path`), or a memory per user in that database (`folder`).
        self.single = (path if is_url(path) else Path(path)) if path is not None else None
        self.folder = (folder if is_url(folder) else Path(folder)) if folder is not None else None
        if self.folder is not None and not is_url(self.folder):
            if self.folder.exists() and not self.folder.is_dir():
                raise NotFound(f"{self.folder} is a file, not a folder", "Give --folder a folder (it is made if missing).")
            private_folder(self.folder)  # as a store's own folder: its owner's alone (0700)
        self.understand = understand
        self.key = key
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Memory] = []
        self.seen: set[Path] = set()
        self.derivers: dict[Path, object] = {}
        self.warm = warm
        self.warmings: dict[Path, object] = {}  # a PostgreSQL memory's `postgres.Warming`, once started
        self.unfinished: list = []  # derivers still in the middle of a batch when closed (see server.serve)

    @property
    def per_user(self) -> bool:
        return self.folder is not None

    def path(self, user: str | None = None) -> Path:
        if self.folder is None:
            if user is not None:
                raise BadInput("This server keeps one memory, so no user is named", "Leave out the user.")
            return self.single
        if is_url(self.folder):
            from .postgres import memory_of, with_memory

            return with_memory(self.folder, memory_of(user_name(user)))
        return self.folder / f"{user_name(user)}.db"

    def get(self, user: str | None = None) -> Memory:
        """This thread's connection to the user's store (made, and brought up to date, on first use). A thread
        keeps its PER_THREAD most recently used ones open, so that files stay few however many users come."""
        path = self.path(user)
        mine = getattr(self.local, "memories", None)
        if mine is None:
            mine = self.local.memories = {}
        memory = mine.pop(path, None)
        if memory is None:
            memory = Memory(path, derive=False, key=self.key)
            with self.lock:
                self.opened.append(memory)
                first = path not in self.seen
                self.seen.add(path)
            if first:
                self.stored(user)  # its deriver starts, and completes what an earlier run left pending
                self.warm_up(user)
        mine[path] = memory  # the most recently used last
        while len(mine) > PER_THREAD:
            oldest = mine.pop(next(iter(mine)))  # used by this thread alone: safe to close
            with self.lock:
                self.opened.remove(oldest)
            oldest.close()
        return memory

    def stored(self, user: str | None = None):
        """Something was stored in the user's memory: understand it in the background."""
        if not self.understand:
            return
        path = self.path(user)
        with self.lock:
            deriver = self.derivers.get(path)
            if deriver is None:
                deriver = self.derivers[path] = Deriver(path, self.key)
                deriver.start()
                return
        deriver.wake()

    def warm_up(self, user: str | None = None):
        """Start warming the user's memory (`PgMemory.warm`, for `warm` seconds) in a thread of its own, once: a
        PostgreSQL memory's first questions then find their pages read. Nothing for an SQLite store (the system
        reads its file as the process reads it) or with `warm` 0."""
        path = self.path(user)
        if not self.warm or not is_url(str(path)):
            return None
        from .postgres import Warming

        with self.lock:
            if path not in self.warmings:
                self.warmings[path] = Warming(path, self.warm, log=log)
            return self.warmings[path]

    def settle(self, timeout: float = 60.0) -> bool:
        """Wait until every store's background understanding is idle (tests, benchmarks, shutdown)."""
        with self.lock:
            derivers = list(self.derivers.values())
        return all(d.idle.wait(timeout) for d in derivers)

    def close(self):
        with self.lock:
            derivers, self.derivers = list(self.derivers.values()), {}
            opened, self.opened = self.opened, []
            warmings = list(self.warmings.values())
        for warming in warmings:
            warming.stop()
        for deriver in derivers:
            deriver.stop()
        self.unfinished = [d for d in derivers if d.thread.is_alive()]
        for memory in opened:
            memory.close()


# -- deriving in the background ----------------------------------------------------------------------
class Deriver:
    """One thread that runs `Memory.process()` whenever entries were stored: people, cues, embeddings."""

    def __init__(self, path, key=None):
        self.path = path
        self.key = key
        self.wanted = threading.Event()
        self.idle = threading.Event()
        self.stopping = False
        self.halt = threading.Event()  # given to the Memory as its `stopping`
        self.thread = threading.Thread(target=self.run, name="remembrancer-derive", daemon=True)

    def start(self):
        self.wanted.set()
        self.thread.start()

    def wake(self):
        self.idle.clear()
        self.wanted.set()

    def stop(self, grace: float = 10.0):
        """Stop between two batches (what is not yet understood stays pending, and is understood at the next
        start). A batch that takes longer than `grace` (a long section being parsed) is not waited for:
        `serve` then ends the process at once (see there)."""
        self.stopping = True
        self.halt.set()
        self.wanted.set()
        self.thread.join(timeout=grace)

    def run(self):
        memory = None
        while not self.stopping:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                break
            try:
                if memory is None:
                    memory = Memory(self.path, derive=False, key=self.key)
                    memory.stopping = self.halt
                seen = len(memory.failed_now)
                # A PostgreSQL memory with workers running (`remembrancer worker`) is theirs to understand:
                # waiting for the derive lock would pause them (docs/scale-out.md). Else wait for it, as a CLI
                # import may hold it for a while.
                memory.process(wait=not memory.workers())
                for f in memory.failed_now[seen:]:
                    log.error("Error: entry %s is stored but could not be understood (%s: %s); the others go on",
                              f["entry"], f["processor"], f["error"])
            except Interrupted:
                break
            except Exception as e:  # noqa: BLE001 - entries stay stored and pending; the next wake retries
                log.error("Error: understanding new entries failed (%s: %s); they stay stored and will be retried",
                          type(e).__name__, e)
                time.sleep(2)
            if not self.wanted.is_set():
                self.idle.set()
        if memory is not None:
            memory.close()
