"""PostgreSQL's BM25 on bench/scale.py's questions, one part of `ask` alone: recall.bm25's top 150 for each,
its time, and the time of each statement it runs; `--save` keeps the rankings, `--against` compares them with
rankings saved before (by another version of the code, over the same memory).

    python bench/pg_bm25.py --db-url 'postgresql://...?memory=scale1000000' --save /tmp/bm25-before.json
    python bench/pg_bm25.py --db-url 'postgresql://...?memory=scale1000000' --against /tmp/bm25-before.json

The memory is one bench/scale.py made (`--db-url`); its server must be running. Compared: the scores of each
question's top 150 in order (to 1e-9), and the passages ranked above the 150th score (passages tied at the
150th may be cut otherwise: the order among equal scores is the server's).
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
import scale  # noqa: E402

from remembrancer import recall  # noqa: E402
from remembrancer.store import Memory  # noqa: E402


def compare(before: dict, after: dict) -> str:
    scores = above = exact = 0
    worst = 0.0
    for q in before:
        x, y = before[q], after.get(q, [])
        exact += [i for i, _ in x] == [i for i, _ in y]
        scores += [round(s, 9) for _, s in x] == [round(s, 9) for _, s in y]
        worst = max([worst] + [abs(a - b) for (_, a), (_, b) in zip(x, y)])
        cut = round(x[-1][1], 9) if x else None
        above += len(x) == len(y) and {i for i, s in x if cut is None or round(s, 9) > cut} == {
            i for i, s in y if cut is None or round(s, 9) > cut}
    return (f"{len(before)} questions: the same scores in order {scores}; the same passages above the last score {above};"
            f" the same passages in the same order {exact}; largest score difference {worst:.1e}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", required=True, help="a PostgreSQL memory made by bench/scale.py --db-url")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--save", help="keep the rankings in this JSON file")
    parser.add_argument("--against", help="compare with the rankings in this JSON file")
    args = parser.parse_args(argv)
    qs = list(dict.fromkeys(scale.questions(args.queries)))
    times, counts = collections.defaultdict(float), collections.Counter()
    with Memory(args.db_url, derive=False) as memory:
        execute = memory.conn.execute

        def timed(sql, params=()):
            started = time.perf_counter()
            try:
                return execute(sql, params)
            finally:
                key = " ".join(sql.split())[:100]
                times[key] += time.perf_counter() - started
                counts[key] += 1

        memory.conn.execute = timed
        recall.bm25(memory, "warm up", recall.POOL)
        ranked, took = {}, []
        for q in qs:
            started = time.perf_counter()
            ranked[q] = recall.bm25(memory, q, recall.POOL)
            took.append(1000 * (time.perf_counter() - started))
    print(f"BM25 top-{recall.POOL}, {len(qs)} questions: p50 {np.percentile(took, 50):.1f} ms, p95 {np.percentile(took, 95):.1f} ms")
    for key, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {1000 * seconds / len(qs):7.2f} ms a question  {counts[key]:5d} runs  {key}")
    if args.save:
        Path(args.save).write_text(json.dumps(ranked))
    if args.against:
        print(compare(json.loads(Path(args.against).read_text()), json.loads(json.dumps(ranked))))


if __name__ == "__main__":
    main()
