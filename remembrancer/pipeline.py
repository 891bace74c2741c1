"""A large run understood in parallel: extraction and embeddings together, in worker processes.

When many entries wait for both `extract` and `embed` (an import, `reindex`), `Memory.process` hands
them here, holding the store's derive lock. Two spawned workers, one per core, each with spaCy and a
one-thread MiniLM loaded once, take a part of a batch at a time: they parse it, run the extraction
components and embed the passages that need a vector (all of them in one call, sorted by length). The
parent meanwhile joins each entry's people to the stored ones and writes each batch's extractions and
vectors, with both processors' `processed` rows, in one transaction; as each processor does alone, it
marks done only the entries unchanged since they were read. Every stage overlaps: the workers parse batch
n+1 while the parent writes batch n, and `warm()` starts the workers (and their model loading) before the
import has read its input.

Processes, not threads: a one-thread model per process uses a core fully, where two intra-op
threads of one model wait on each other, and far more so on a machine shared with other work.
"""
from __future__ import annotations

import atexit
import importlib
import multiprocessing
import os
from collections import deque

WORKERS = 2
AHEAD = 3  # batches handed to the workers ahead of the one being written

_pool = None
_pool_size = 0
_worker_embedder = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers() -> int:
    return min(WORKERS, cores())


def _start():
    """In a worker: die with the parent, and load both models before the first task arrives."""
    global _worker_embedder
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # one thread a worker: the workers are the parallelism
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from . import embed, extract

    extract._die_with_parent()
    _worker_embedder = embed.Embedder(threads=1)
    extract.nlp()("Warm up.")


def warm():
    """Start the workers now (a large import about to be read), so their models load meanwhile."""
    global _pool, _pool_size
    if _pool is None and workers() > 1:
        _pool_size = workers()
        _pool = multiprocessing.get_context("spawn").Pool(_pool_size, initializer=_start)
        atexit.register(finish)
    return _pool


def finish():
    """Let the warm workers go."""
    global _pool
    if _pool is not None:
        _pool.terminate()
        _pool.join()
        _pool = None


def worth_chars(chars: int) -> bool:
    from . import extract

    return workers() > 1 and chars >= extract.PARALLEL_CHARS


def worth_it(memory, ids) -> bool:
    """Are there enough words here to repay workers (if the machine has the cores)?"""
    from . import extract

    return workers() > 1 and extract._workers(memory, ids) > 1


def _work(items, texts):
    """In a worker: the extractions of some entries (without their spaCy docs) and their passages' vectors."""
    from . import extract

    extractions = extract._extract_part(items)
    return extractions, _worker_embedder(texts, batch=64) if texts else None


def run(memory, ids, report=None):
    """Extract and embed these entries (pending for both), batch after batch; `report(entry ids)` as the
    workers hand back each part of a batch (it is written as soon as the whole batch is back)."""
    from . import embed, extract

    ids = list(ids)
    batches = [ids[i:i + extract.BATCH] for i in range(0, len(ids), extract.BATCH)]
    own = _pool is None
    pool = warm() if own else _pool
    try:
        for batch, entries, passages, extractions, rows, need, vectors in _parts(memory, batches, pool, report):
            # Each processor marks done only the entries unchanged since they were read (an edit, a re-date, a
            # chat that grew meanwhile is left pending, and `Memory.process` takes it again).
            with memory.transaction() as conn:
                extract.write(conn, memory, batch, entries, passages, extractions)
                embed.write(conn, memory, rows, vectors, batch, need)
    finally:
        if own:
            finish()


def _parts(memory, batches, pool, report=None):
    from . import embed, extract
    import numpy as np

    ahead = deque()
    waiting = iter(batches)

    def submit():
        batch = next(waiting, None)
        if batch is None:
            return
        entries, passages, items = extract._read(memory, batch)
        rows = [{"id": pid, "entry": e["id"], "speaker": speaker, "text": e["text"][s:t]}
                for e in entries for s, t, pid, speaker in passages[e["id"]]]
        texts = embed.passage_texts(rows)
        need = embed.to_embed(memory, batch, rows) if rows else []  # a grown chat: its new turns alone
        wanted = set(need)
        tasks, r = [], 0
        for j in range(0, len(items), extract.CHUNK):
            part = entries[j:j + extract.CHUNK]
            count = sum(len(passages[e["id"]]) for e in part)
            mine = [texts[k] for k in range(r, r + count) if k in wanted]
            tasks.append((pool.apply_async(_work, (items[j:j + extract.CHUNK], mine)), [e["id"] for e in part]))
            r += count
        ahead.append((batch, entries, passages, rows, need, tasks))

    for _ in range(AHEAD):
        submit()
    while ahead:
        batch, entries, passages, rows, need, tasks = ahead.popleft()
        submit()
        extractions, vectors = [], []
        for task, part in tasks:
            exs, vecs = task.get()
            extractions += exs
            if vecs is not None:
                vectors.append(vecs)
            if report:
                report(part)
        yield (batch, entries, passages, extractions, rows, need,
               np.concatenate(vectors) if vectors else np.zeros((0, embed.DIM), np.float32))


def processors_together() -> bool:
    """Does this store derive exactly what the workers do (extract, then embed)?"""
    from . import store

    return store.PROCESSORS == ["remembrancer.extract", "remembrancer.embed"]


def modules():
    return [importlib.import_module(name) for name in ("remembrancer.extract", "remembrancer.embed")]
