"""Understanding on many machines: `remembrancer worker` on a PostgreSQL memory.

Any number of worker processes, on any machines that reach the database, share one memory's pending
entries. Each is one process with one core's worth of work: it takes a batch of pending entries no other
worker holds (`PgMemory.claim`: a session advisory lock per entry, let go by the server the moment the
worker's process or connection dies, so an entry a killed worker held is simply taken again), parses and
runs the extraction components on it and embeds its passages (the stage the local workers of
`pipeline.py` run: `pipeline.read`, `steps`, `write`), then writes it in one transaction. Parsing and
the components run side by side on every worker; the write, where an entry's people are joined to the
stored ones, takes the memory's transaction lock (as every write does), so a person two workers find at
once is one person; and it waits for its turn (`_Worker`): entries are joined in the order they were
stored, so the people are the same whatever order the workers understood them in. A worker waiting for its
turn understands its next batch meanwhile. What is written is marked done in the same transaction and only
then let go, so no entry is understood twice.

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
AHEAD = 2  # batches a worker holds at once: one understood and waiting for its turn, the next understood meanwhile


def open_memory(url):
    """The memory a worker serves, opened without deriving (the workers derive) and never made."""
    from .store import Memory

    memory = Memory(url, derive=False, create=False, timeout=LOCK_WAIT)
    if not hasattr(memory, "claim"):
        memory.close()
        raise BadInput("Workers share a memory in PostgreSQL; an SQLite store is understood by its own worker processes",
                       "Give --db postgresql://... (an SQLite store understands what is added to it by itself).")
    return memory


def work(url, *, once: bool = False, batch: int = BATCH, chars: int = BATCH_CHARS, poll: float = POLL,
         turn_wait: float = TURN_WAIT, stopping=None, report=None, warm: float = 0.0) -> dict:
    """Understand the memory's pending entries, batch after batch, until `stopping` (an Event) is set or,
    with `once`, none is left. `report(summary)` after each batch written. Returns what was done: {"entries",
    "words", "batches", "failed", "ready" (time the models were loaded), "seconds" (from then), "writing"
    (seconds of them spent writing, the part one worker at a time does), "waiting" (seconds with nothing to do
    but wait for another worker's earlier entries to be written)}. `warm`: at most how long to warm the memory for
    (`PgMemory.warm`), in the background while the models load: it stops when they are loaded (0: not at all)."""
    import logging

    from . import pipeline
    from .postgres import Warming

    if batch < 1 or chars < 1:
        raise BadInput("--batch and --chars must be at least 1")
    memory = open_memory(url)
    if stopping is not None:
        memory.stopping = stopping
    done = {"memory": memory.name, "entries": 0, "words": 0, "batches": 0, "failed": 0, "writing": 0.0, "waiting": 0.0}
    warming = Warming(memory.path, warm, log=logging.getLogger("remembrancer.worker")) if warm else None
    try:
        pipeline.load()
        if warming is not None:
            warming.stop()  # the work starts now, never slowed by it
        done["ready"] = time.time()
        memory.read_afresh_if_upgraded(wait=False)  # the first worker of a new version, while no other works
        with memory.working():
            _Worker(memory, batch, chars, turn_wait, done, report).run(once=once, poll=poll)
    except Interrupted:
        pass  # stopped between two tasks: what was written stays, the rest is pending for the others
    finally:
        if warming is not None:
            warming.stop()
        memory.close()
    done["seconds"] = round(time.time() - done.get("ready", time.time()), 3)
    done["writing"], done["waiting"] = round(done["writing"], 3), round(done["waiting"], 3)
    return done


def _understand(memory, ids, batch: int = BATCH, chars: int = BATCH_CHARS, turn_wait: float = TURN_WAIT) -> dict:
    """Understand these entries (held by this worker) and write them in turn, taking first any earlier entry
    pending that no worker holds. Returns what was done (as `work`)."""
    done = {"entries": 0, "words": 0, "batches": 0, "failed": 0, "writing": 0.0, "waiting": 0.0}
    _Worker(memory, batch, chars, turn_wait, done).run(held=[ids])
    return done


class _Held:
    """A run of entries this worker holds (`claim`), in parts by what is pending for them (both processors,
    extraction alone, embeddings alone), each understood a step at a time (`pipeline.steps`) and then written."""

    def __init__(self, memory, ids, modules, together: bool = True):
        self.ids = ids
        self.words = sum(w for w, _ in memory._words(ids).values())
        self.parts = []
        if together:
            due = {name: set(memory.pending(m, ids)) for name, m in modules.items()}
            ext, emb = due["remembrancer.extract"], due["remembrancer.embed"]
            self.parts = [(sorted(p), parse, vectors) for p, parse, vectors in
                          ((ext & emb, True, True), (ext - emb, True, False), (emb - ext, False, True)) if p]
        self.understood = []  # (batch, extractions, vectors) of the first parts
        self.written = 0  # parts written
        self.work = None  # the steps of the part being understood

    def ready(self) -> bool:
        """Is every part understood?"""
        return len(self.understood) == len(self.parts)

    def step(self, memory):
        """Understand a step further."""
        from . import pipeline

        if self.work is None:
            part, parse, vectors = self.parts[len(self.understood)]
            b = pipeline.read(memory, part, extract=parse, embed=vectors)
            self.work = (b, pipeline.steps(b))
            return
        b, work = self.work
        try:
            next(work)
        except StopIteration as finished:
            self.understood.append((b, *finished.value))
            self.work = None


class _Worker:
    """One worker's loop. It holds up to AHEAD batches (runs of entries, in the order they were stored) and
    writes each as soon as its turn has come: when no entry stored before it is pending extraction, so people
    are joined in the order entries were stored, as one process joins them, whatever order the workers
    understood them in (joining reads who is stored already: "Tom" joins the one Tom stored before, or is a
    new Tom beside two). Until then it understands its next batch, a step at a time, looking between steps
    whether the turn has come: waiting for another worker's earlier batch costs no time unless there is
    nothing else to do. An earlier entry pending that no worker holds (a killed one's) is taken and written
    first. A worker holding earlier entries that does not write them within `turn_wait` seconds (stalled: a
    dead one's are let go at once) is not waited for longer: these are written then, out of turn."""

    def __init__(self, memory, batch, chars, turn_wait, done, report=None):
        from .store import PROCESSORS

        self.memory, self.batch, self.chars, self.turn_wait, self.done, self.report = memory, batch, chars, turn_wait, done, report
        self.modules = {name: importlib.import_module(name) for name in PROCESSORS}
        self.held: list[_Held] = []

    def run(self, once: bool = True, poll: float = POLL, held=()):
        """Until none is held and (`once`) none is left to claim, or (`held` given: no claiming) those and the
        earlier ones they wait for are written; or until `memory.stopping` (Interrupted). Whatever is held then
        is let go, for the others."""
        memory = self.memory
        claiming, looked, until = not held, None, None
        try:
            for ids in held:
                self._hold(ids)
            while True:
                memory.check_stop()
                first = self.held[0] if self.held else None
                if first is not None and first.written < len(first.understood):  # its next part is understood
                    go = self._turn(first)
                    if go is None:  # earlier entries taken: held first now, to be understood and written first
                        until = None
                        continue
                    if go or until is not None and time.monotonic() > until:
                        self._write(first)
                        until = None
                        continue
                    if until is None:
                        until = time.monotonic() + self.turn_wait
                todo = next((h for h in self.held if not h.ready()), None)
                if todo is not None:
                    self._step(todo)
                    continue
                if claiming and len(self.held) < AHEAD and (looked is None or time.monotonic() - looked >= poll):
                    ids = memory.claim(self.batch, self.chars)
                    if ids:
                        self._hold(ids)
                        looked = None
                        continue
                    looked = time.monotonic()
                    if ids is not None and once and not self.held:
                        return  # none left (None: a lone process is deriving the memory; wait for it)
                if not self.held and not claiming:
                    return
                start = time.perf_counter()
                memory.stopping.wait(0.05 if self.held else poll)
                if self.held:  # understood, and waiting for another worker's earlier entries
                    self.done["waiting"] += time.perf_counter() - start
        finally:
            for h in self.held:
                memory.release(h.ids)
            self.held = []

    def _hold(self, ids):
        """Entries just taken: held in the order they were stored (processors not run together: done at once)."""
        from . import pipeline

        together = pipeline.processors_together()
        try:
            h = _Held(self.memory, ids, self.modules, together)
        except BaseException:
            self.memory.release(ids)
            raise
        self.held.insert(next((k for k, o in enumerate(self.held) if o.ids[0] > ids[0]), len(self.held)), h)
        if not together:
            self._apart(h)
        elif not h.parts:  # finished by another worker since it was looked at: let go untouched
            self._finish(h, done=False)

    def _turn(self, h) -> bool | None:
        """Has the turn of the next part of `h` come (no entry stored before it pending extraction)? None: earlier
        entries no worker held were taken (`PgMemory.claim_before`)."""
        ids, parse, _ = h.parts[h.written]
        if not parse:  # vectors alone: joined to nothing
            return True
        before, pending = self.memory.claim_before(ids[0], self.batch, self.chars, self.modules["remembrancer.extract"])
        if before:
            self._hold(before)
            return None
        return not pending

    def _step(self, h):
        try:
            h.step(self.memory)
        except (StoreError, Interrupted):
            raise
        except Exception:  # noqa: BLE001 - an entry the components fail on: found by `_alone`, entry by entry
            self._apart(h)

    def _write(self, h):
        from . import pipeline

        start = time.perf_counter()
        try:
            pipeline.write(self.memory, *h.understood[h.written])
        except (StoreError, Interrupted):
            raise
        except Exception:  # noqa: BLE001
            self._apart(h)
            return
        finally:
            self.done["writing"] += time.perf_counter() - start
        h.written += 1
        if h.written == len(h.parts):
            self._finish(h)

    def _apart(self, h):
        """Each processor on its own for what of `h` is still pending (an entry one fails on recorded in
        `failures`, the others done), as `Memory.process` runs them."""
        self.done["failed"] += _alone(self.memory, self.modules, h.ids)
        self._finish(h)

    def _finish(self, h, done: bool = True):
        self.held.remove(h)
        self.memory.release(h.ids)
        if not done:
            return
        for key, value in (("entries", len(h.ids)), ("words", h.words), ("batches", 1)):
            self.done[key] += value
        if self.report:
            self.report(dict(self.done, first=h.ids[0], last=h.ids[-1]))


def _alone(memory, modules, ids) -> int:
    """Each processor on its own, as `Memory.process` runs them: an entry one fails on is recorded in
    `failures` and the others are done."""
    before = len(memory.failed_now)
    for module in modules.values():
        memory._run(module, memory.pending(module, ids))
    return len(memory.failed_now) - before
