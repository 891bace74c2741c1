"""Understanding on many machines: `remembrancer worker` on a PostgreSQL memory.

Any number of worker processes, on any machines that reach the database, share one memory's pending
entries. Each is one process with one core's worth of work: it takes a batch of pending entries no other
worker holds (`PgMemory.claim`: a session advisory lock per entry, let go by the server the moment the
worker's process or connection dies, so an entry a killed worker held is simply taken again), parses and
runs the extraction components on it and embeds its passages (the stage the local workers of
`pipeline.py` run: `pipeline.read`, `understand`, `write`), then writes it in one transaction. Parsing and
the components run side by side on every worker; the write, where an entry's people are joined to the
stored ones, takes the memory's transaction lock (as every write does), so a person two workers find at
once is one person; and it waits for its turn (`_turn`): entries are joined in the order they were stored,
so the people are the same whatever order the workers understood them in. What is written is marked done in the same transaction and only then let go, so no
entry is understood twice.

An SQLite store keeps its own worker processes (`pipeline.py`, under its derive lock).
"""
from __future__ import annotations

import importlib
import time

from .errors import BadInput, Interrupted, StoreError

BATCH = 8  # entries a worker takes at a time: few, so that the last batches spread over the workers
BATCH_CHARS = 20_000  # and at most this many characters, a few seconds of work (but one entry, however long)
POLL = 1.0  # seconds between looks for new entries, when none is pending
LOCK_WAIT = 600.0  # seconds a worker waits for another's write (the memory's transaction lock)
TURN_WAIT = 60.0  # seconds a worker waits for another's earlier entries before writing its own anyway (`_turn`)


def open_memory(url):
    """The memory a worker serves, opened without deriving (the workers derive) and never made."""
    from .store import Memory

    memory = Memory(url, derive=False, create=False, timeout=LOCK_WAIT)
    memory.waited = 0.0  # seconds spent waiting for another worker's earlier entries (`_turn`)
    if not hasattr(memory, "claim"):
        memory.close()
        raise BadInput("Workers share a memory in PostgreSQL; an SQLite store is understood by its own worker processes",
                       "Give --db postgresql://... (an SQLite store understands what is added to it by itself).")
    return memory


def work(url, *, once: bool = False, batch: int = BATCH, chars: int = BATCH_CHARS, poll: float = POLL,
         turn_wait: float = TURN_WAIT, stopping=None, report=None) -> dict:
    """Understand the memory's pending entries, batch after batch, until `stopping` (an Event) is set or,
    with `once`, none is left. `report(summary)` after each batch. Returns what was done: {"entries",
    "words", "batches", "failed", "ready" (time the models were loaded), "seconds" (from then), "writing"
    (seconds of them spent writing, the part one worker at a time does)}."""
    from . import pipeline

    if batch < 1 or chars < 1:
        raise BadInput("--batch and --chars must be at least 1")
    memory = open_memory(url)
    if stopping is not None:
        memory.stopping = stopping
    done = {"memory": memory.name, "entries": 0, "words": 0, "batches": 0, "failed": 0, "writing": 0.0, "waiting": 0.0}
    try:
        pipeline.load()
        done["ready"] = time.time()
        with memory.working():
            while not memory.stopping.is_set():
                ids = memory.claim(batch, chars)
                if not ids:
                    if once and ids is not None:
                        break  # none left (None: a lone process is deriving the memory; wait for it)
                    memory.stopping.wait(poll)
                    continue
                try:
                    words = sum(w for w, _ in memory._words(ids).values())
                    waited = memory.waited
                    failed, writing = _understand(memory, ids, batch, chars, turn_wait)
                finally:
                    memory.release(ids)
                done["entries"] += len(ids)
                done["words"] += words
                done["batches"] += 1
                done["failed"] += failed
                done["writing"] = round(done["writing"] + writing, 3)
                done["waiting"] = round(done["waiting"] + memory.waited - waited, 3)
                if report:
                    report(dict(done, first=ids[0], last=ids[-1]))
    except Interrupted:
        pass  # stopped between two tasks: what was written stays, the rest is pending for the others
    finally:
        memory.close()
    done["seconds"] = round(time.time() - done.get("ready", time.time()), 3)
    return done


def _understand(memory, ids, batch: int = BATCH, chars: int = BATCH_CHARS, turn_wait: float = TURN_WAIT) -> tuple[int, float]:
    """Understand these entries (held by this worker): extraction and embeddings together for those pending
    for both, each alone for those pending for one. Their people are written in turn (`_turn`). Returns how
    many a processor failed on (recorded in `failures`, as `Memory.process` records them) and the seconds
    spent writing."""
    from . import pipeline
    from .store import PROCESSORS

    modules = {name: importlib.import_module(name) for name in PROCESSORS}
    if not pipeline.processors_together():
        return _alone(memory, modules, ids), 0.0
    writing, failed = 0.0, 0
    due = {name: set(memory.pending(m, ids)) for name, m in modules.items()}
    ext, emb = due["remembrancer.extract"], due["remembrancer.embed"]
    for part, parse, vectors in ((ext & emb, True, True), (ext - emb, True, False), (emb - ext, False, True)):
        if not part:
            continue
        part = sorted(part)
        try:
            b = pipeline.read(memory, part, extract=parse, embed=vectors)
            extractions, found = pipeline.understand(memory, b)
            if parse:  # their people joined in turn: after every entry stored before them
                failed += _turn(memory, part[0], batch, chars, turn_wait, modules["remembrancer.extract"])
            start = time.perf_counter()
            pipeline.write(memory, b, extractions, found)
            writing += time.perf_counter() - start
        except (StoreError, Interrupted):
            raise
        except Exception:  # noqa: BLE001 - an entry the components fail on: found below, entry by entry
            return failed + _alone(memory, modules, ids), writing
    return failed, writing


def _turn(memory, first: int, batch: int, chars: int, wait: float, extract) -> int:
    """Wait for the turn of the entries from `first` on to have their people joined: until no entry stored
    before them is pending extraction. Joining depends on who is stored already ("Tom" joins the one Tom
    stored before, or is a new Tom beside two), so the people are joined in the order entries were stored,
    as one process joins them, whatever order the workers understood them in (and an entry a killed worker
    held is not left behind: one no worker holds is taken and understood here, first). A worker that holds
    earlier entries and does not write them within `wait` seconds (stalled: a dead one's are let go at once)
    is not waited for longer: these are written then, out of turn. Returns how many of those taken here a
    processor failed on."""
    failed, until = 0, time.monotonic() + wait
    while True:
        start = time.perf_counter()
        before, pending = memory.claim_before(first, batch, chars, extract)
        if not pending:
            return failed
        if not before:
            if time.monotonic() > until:
                return failed
            stop = memory.stopping.wait(0.05)
            memory.waited += time.perf_counter() - start
            if stop:
                raise Interrupted("stopped")
            continue
        until = time.monotonic() + wait  # the wait runs from the last progress
        try:
            more, _ = _understand(memory, before, batch, chars, wait)
            failed += more
        finally:
            memory.release(before)


def _alone(memory, modules, ids) -> int:
    """Each processor on its own, as `Memory.process` runs them: an entry one fails on is recorded in
    `failures` and the others are done."""
    before = len(memory.failed_now)
    for module in modules.values():
        memory._run(module, memory.pending(module, ids))
    return len(memory.failed_now) - before
