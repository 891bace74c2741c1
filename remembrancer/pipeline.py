"""A large run understood in parallel: extraction and embeddings together, in worker processes.

When many entries wait for both `extract` and `embed` (an import, `reindex`), `Memory.process` hands
them here, holding the store's derive lock. Two spawned workers, one per core, each with spaCy and a
one-thread MiniLM loaded once, take a task at a time: one spaCy batch of a batch's parts (entries, or the
sections of a long one, as `extract` parses them, so memory stays bounded) to parse and run the extraction
components on, or a run of the passages that need a vector, to embed. The
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
from dataclasses import dataclass

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
    from . import extract

    extract._die_with_parent()
    load()


def load():
    """Make this process one worker: one thread for each model (the workers are the parallelism), both
    loaded now. `remembrancer worker` is one such process that also writes (remembrancer/workers.py)."""
    global _worker_embedder
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from . import embed, extract

    if _worker_embedder is None:
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

    return workers() > 1 and extract._workers(sum(extract._sizes(memory, list(ids)).values())) > 1


EMBED_TEXTS = 256  # passages embedded per task


def _work(kind, payload):
    """In a worker: the extractions of one spaCy batch of parts (entries, or sections of a long one: see
    `extract.sections`), without their docs; or the vectors of some passages."""
    if kind == "extract":
        from . import extract

        return extract._extract_group(payload)
    return _worker_embedder(payload)


def run(memory, ids, report=None):
    """Extract and embed these entries (pending for both), batch after batch; `report(entry ids)` as the
    workers hand back what was read in them (a batch is written as soon as the whole of it is back). A
    failure in a worker (a MemoryError on one entry) ends the run and the workers: what was written stays,
    and `Memory.process` finds the entry, entry by entry, and records it."""
    from . import extract

    batches = extract._batches(extract._sizes(memory, list(ids)))  # bounded in entries and characters
    own = _pool is None
    pool = warm() if own else _pool
    try:
        for b, extractions, vectors in _parts(memory, batches, pool, report):
            write(memory, b, extractions, vectors)
    except BaseException:
        finish()  # its tasks still queued are of no use now (an Interrupted, a failure)
        raise
    finally:
        if own:
            finish()


def _wait(memory, task):
    """A task's result, asking between looks whether the work is to stop (Ctrl-C on `serve`)."""
    while not task.ready():
        memory.check_stop()
        task.wait(0.25)
    return task.get()


def _parts(memory, batches, pool, report=None):
    from . import embed, extract
    import numpy as np

    ahead = deque()
    waiting = iter(batches)

    def submit():
        batch = next(waiting, None)
        if batch is None:
            return
        b = read(memory, batch)
        # one task a spaCy batch of extract_many's, so each part is parsed with the same neighbours as in one process
        tasks = [pool.apply_async(_work, ("extract", [part for _, _, part in group])) for group in extract._groups(b.parts)]
        embedding = [pool.apply_async(_work, ("embed", b.texts[j:j + EMBED_TEXTS])) for j in range(0, len(b.texts), EMBED_TEXTS)]
        ahead.append((b, tasks, embedding))

    for _ in range(AHEAD):
        submit()
    while ahead:
        b, tasks, embedding = ahead.popleft()
        submit()
        waiting_parts, done, extractions = list(b.parts), [], []
        for task in tasks:
            done += _wait(memory, task)
            joined = list(extract._joined(b.items, waiting_parts, done))
            if report and joined:
                report([e["id"] for e in b.entries[len(extractions):len(extractions) + len(joined)]])
            extractions += joined
        vectors = [_wait(memory, task) for task in embedding]
        yield b, extractions, np.concatenate(vectors) if vectors else np.zeros((0, embed.DIM), np.float32)


@dataclass
class Batch:
    """Entries read to be understood: their rows and passages; for extraction (`extract`), the items it parses
    and their parts (`extract._parts`); for embeddings (`embed`), the passages' rows, the indexes of those that
    need a vector, and what is embedded for them."""
    ids: list
    entries: list
    passages: dict
    items: list
    parts: list
    rows: list
    need: list
    texts: list
    extract: bool = True
    embed: bool = True


def read(memory, ids, extract: bool = True, embed: bool = True) -> Batch:
    """These entries read to be understood, by both processors or one."""
    from . import embed as embedding, extract as extraction

    entries, passages, items = extraction._read(memory, ids)
    rows = [{"id": pid, "entry": e["id"], "speaker": speaker, "text": e["text"][s:t]}
            for e in entries for s, t, pid, speaker in passages[e["id"]]] if embed else []
    need = embedding.to_embed(memory, ids, rows) if rows else []  # a grown chat: its new turns alone
    wanted = set(need)
    texts = [t for k, t in enumerate(embedding.passage_texts(rows)) if k in wanted]
    return Batch(list(ids), entries, passages, items if extract else [], extraction._parts(items) if extract else [],
                 rows, need, texts, extract, embed)


def understand(memory, b: Batch):
    """(extractions, vectors) of a batch in this process, made a worker by `load`: the workers' own stage
    (`_work`), task after task, asking between tasks whether the work is to stop."""
    work = steps(b)
    while True:
        memory.check_stop()
        try:
            next(work)
        except StopIteration as finished:
            return finished.value


def steps(b: Batch):
    """`understand` a task at a time: yields after each (one spaCy batch, one run of passages embedded), so that
    a worker can do something else between them (remembrancer/workers.py: write a batch whose turn has come);
    returns (extractions, vectors)."""
    from . import embed, extract
    import numpy as np

    waiting, done, extractions = list(b.parts), [], []
    for group in extract._groups(b.parts):
        done += _work("extract", [part for _, _, part in group])
        extractions += extract._joined(b.items, waiting, done)
        yield
    vectors = []
    for j in range(0, len(b.texts), EMBED_TEXTS):
        vectors.append(_work("embed", b.texts[j:j + EMBED_TEXTS]))
        yield
    return extractions, np.concatenate(vectors) if vectors else np.zeros((0, embed.DIM), np.float32)


def write(memory, b: Batch, extractions, vectors):
    """A batch's extractions and vectors with their processors' `processed` rows, in one transaction. Each
    processor marks done only the entries unchanged since they were read (an edit, a re-date, a chat that
    grew meanwhile is left pending, and taken again)."""
    from . import embed, extract

    with memory.transaction() as conn:
        if b.extract:
            extract.write(conn, memory, b.ids, b.entries, b.passages, extractions)
        if b.embed:
            embed.write(conn, memory, b.rows, vectors, b.ids, b.need)


def processors_together() -> bool:
    """Does this store derive exactly what the workers do (extract, then embed)?"""
    from . import store

    return store.PROCESSORS == ["remembrancer.extract", "remembrancer.embed"]


def modules():
    return [importlib.import_module(name) for name in ("remembrancer.extract", "remembrancer.embed")]
