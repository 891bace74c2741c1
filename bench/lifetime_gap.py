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
import json
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
    """The question's candidates and signals, and how to read a candidate's qualified turn ref."""
    f = recall.prepare(memory, question)
    f["refs"] = (memory, qualify)
    return f


def top(f, k: int = 10) -> list:
    memory, qualify = f["refs"]
    ids = [i for i, _ in recall.fuse(f, recall.WEIGHTS, k)]
    refs = dict(tuple(r) for r in memory.query(f"SELECT id, ref FROM passages WHERE id IN ({','.join('?' * len(ids))})", ids))
    return [(qualify + refs[i]) if refs.get(i) and qualify else refs.get(i) for i in ids]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", default="/work/lifetime-stores", help="bench/lifetime.py's folder")
    ap.add_argument("--size", type=int, default=100_000, help="the lifetime store measured (made if missing)")
    ap.add_argument("--every", type=int, default=3, help="every Nth sound question")
    ap.add_argument("--save", help="write each question's evidence and both top 10s to this JSON file")
    ap.add_argument("--alone-from", help="the conversation-alone top 10s of a run saved with --save (the same --every),"
                                         " instead of ranking them again")
    args = ap.parse_args(argv)
    folder = Path(args.stores)
    data = {name: lifetime_text.benchdata() / file for name, file in lifetime.DATA.items()}
    path, _ = lifetime.lifetime_store(folder, args.size, data, lifetime.VectorCache(folder))
    alone = {}
    for name, file in data.items():
        paths, _ = locomo.build(file, folder / f"alone-{name}")
        alone.update({(name, conv): p for conv, p in paths.items()})
    big, opened = Memory(path, derive=False), {}
    saved = {(r["conv"], r["question"]): r["alone"] for r in json.loads(Path(args.alone_from).read_text())} if args.alone_from else {}
    rows, n = [], -1
    for name, conv, question, category, evidence in lifetime.questions(data):
        if evidence is None:
            continue
        n += 1
        if n % args.every:
            continue
        if (conv, question) in saved:
            a = saved[conv, question]
        else:
            if (name, conv) not in opened:
                opened[(name, conv)] = Memory(alone[(name, conv)], derive=False)
            a = top(prepared(opened[(name, conv)], question, f"{conv}:"))
        rows.append((name, conv, evidence, a, top(prepared(big, question)), question))
    if args.save:
        Path(args.save).write_text(json.dumps([{"set": r[0], "conv": r[1], "question": r[5], "evidence": sorted(r[2]),
                                                "alone": r[3], "big": r[4]} for r in rows]))
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
        for set_, conv, ev, a, b, _ in rows:
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
