"""Where recall at scale loses what the conversation alone finds (issue 20): one part, not end to end.

Each sampled question is prepared once (`recall.prepare`: its candidates and signals) in a lifetime store made
by bench/lifetime.py and in its conversation alone (bench/locomo.py's store), then ranked by `recall.fuse`.
It prints R@10 in both, on the LoCoMo conversations tuned on (conv-26, conv-30, conv-41) and the others apart,
and for each question the store of a lifetime ranks worse, what took the evidence's places in its top 10: the
question's own conversation, another question conversation, or the distractors (other people's lives).

    python bench/lifetime_gap.py --size 100000 --every 3
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import lifetime  # noqa: E402
import lifetime_text  # noqa: E402
import locomo  # noqa: E402
from remembrancer import recall  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

TUNED = {"conv-26", "conv-30", "conv-41"}  # LoCoMo dev conversations any fusion choice at scale is made on


def prepared(memory, question: str, qualify: str = "") -> dict:
    """The question's candidates and signals, with each candidate's qualified turn ref."""
    f = recall.prepare(memory, question)
    refs = {}
    for b in range(0, len(f["ids"]), 900):
        part = f["ids"][b:b + 900]
        refs.update(tuple(r) for r in memory.query(
            f"SELECT id, ref FROM passages WHERE id IN ({','.join('?' * len(part))})", part))
    f["refs"] = [(qualify + refs[i]) if refs.get(i) and qualify else refs.get(i) for i in f["ids"]]
    return f


def top(f, k: int = 10) -> list:
    where = {i: n for n, i in enumerate(f["ids"])}
    return [f["refs"][where[i]] for i, _ in recall.fuse(f, recall.WEIGHTS, k)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", default="/work/lifetime-stores", help="bench/lifetime.py's folder")
    ap.add_argument("--size", type=int, default=100_000, help="the lifetime store measured (made if missing)")
    ap.add_argument("--every", type=int, default=3, help="every Nth sound question")
    args = ap.parse_args(argv)
    folder = Path(args.stores)
    data = {name: lifetime_text.benchdata() / file for name, file in lifetime.DATA.items()}
    path, _ = lifetime.lifetime_store(folder, args.size, data, lifetime.VectorCache(folder))
    alone = {}
    for name, file in data.items():
        paths, _ = locomo.build(file, folder / f"alone-{name}")
        alone.update({(name, conv): p for conv, p in paths.items()})
    big, opened = Memory(path, derive=False), {}
    rows, n = [], -1
    for name, conv, question, category, evidence in lifetime.questions(data):
        if evidence is None:
            continue
        n += 1
        if n % args.every:
            continue
        if (name, conv) not in opened:
            opened[(name, conv)] = Memory(alone[(name, conv)], derive=False)
        a, b = top(prepared(opened[(name, conv)], question, f"{conv}:")), top(prepared(big, question))
        rows.append((name, conv, evidence, a, b))
    got = lambda ev, refs: len(ev & set(refs)) / len(ev)  # noqa: E731
    print(f"{args.size:,} passages, one sound question in {args.every}; R@10 alone -> in the store of a lifetime")
    for label, keep in (("locomo tuned (conv-26, 30, 41)", lambda r: r[0] == "locomo" and r[1] in TUNED),
                        ("locomo others", lambda r: r[0] == "locomo" and r[1] not in TUNED),
                        ("realtalk", lambda r: r[0] == "realtalk")):
        part = [r for r in rows if keep(r)]
        if part:
            print(f"  {label:32} {len(part):4} questions  {100 * np.mean([got(r[2], r[3]) for r in part]):5.1f}"
                  f" -> {100 * np.mean([got(r[2], r[4]) for r in part]):5.1f}")
    for name in ("locomo", "realtalk"):
        took, lost = Counter(), 0
        for set_, conv, ev, a, b in rows:
            if set_ != name or got(ev, b) >= got(ev, a):
                continue
            lost += 1
            for ref in b:
                if ref not in a:
                    took["own conversation" if ref and ref.startswith(conv + ":") else
                         "other question conversations" if ref else "distractors"] += 1
        print(f"  {name}: {lost} questions rank their evidence lower; their places taken by {dict(took)}")
    big.close()
    for m in opened.values():
        m.close()


if __name__ == "__main__":
    main()
