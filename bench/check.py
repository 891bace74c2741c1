"""`Memory.check` on one long entry: seconds by entry length, against the query it replaced.

For each length, a store holding one entry of that many characters (journal-like prose, stored without
understanding it) is checked by `Memory.check()`, and, as the baseline measured in the same run, the
passage check as it was (SQLite's substr() over the entry's text for each passage: quadratic, since
substr walks a UTF-8 text from its start). Reported: seconds each, and how each grows as the length
doubles (linear: x2; quadratic: x4).

    python bench/check.py                     # 1, 2 and 4 million characters
    python bench/check.py --lengths 500000 1000000
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from remembrancer.store import Memory  # noqa: E402
from test_bounded import generated  # noqa: E402

OLD = ("SELECT p.id, p.entry FROM passages p JOIN entries e ON e.id = p.entry"
       " WHERE substr(e.text, p.start + 1, p.end - p.start) != p.text")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lengths", type=int, nargs="+", default=[1_000_000, 2_000_000, 4_000_000])
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.lengths:
            with Memory(Path(folder) / f"{n}.db", derive=False) as memory:
                memory.add(generated(n) + " Zoë ☕", at="2020-01-01")  # not all ASCII: as most journals
                passages = memory.query("SELECT count(*) FROM passages")[0][0]
                started = time.perf_counter()
                problems = memory.check()
                new = time.perf_counter() - started
                started = time.perf_counter()
                old_problems = memory.query(OLD)
                old = time.perf_counter() - started
                assert problems == [] and list(old_problems) == []
            rows.append((n, passages, new, old))
            print(f"{n:>10,} characters, {passages:>6,} passages: check {new:7.2f} s;"
                  f" baseline (substr per passage) {old:7.2f} s; baseline / check {old / new:6.1f}")
    for (n0, _, new0, old0), (n1, _, new1, old1) in zip(rows, rows[1:]):
        print(f"  {n0:,} -> {n1:,} characters: check x{new1 / new0:.2f}, baseline x{old1 / old0:.2f}")


if __name__ == "__main__":
    main()
