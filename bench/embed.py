"""Embedding throughput: passages per CPU-second and per wall-second, main's batching beside the new, same run.

    python bench/embed.py                  # 1,400 passages, 200 from each source, 3 runs of each
    python bench/embed.py --per-source 50 --runs 1   # a quick look

Real passages, as `embed.passage_texts` makes them from what `remembrancer.capture` reads: LoCoMo and REALTALK
chat turns (each with the turn before it), LitBank fiction, DialogRE chats, our journals (bench/data/journals),
Shakespeare's scenes and King James chapters (the real part of bench/lifetime.py's distractors, through
bench/lifetime_text.py; its generated lives need spaCy and are left out). A seeded sample of each source.

Baseline: main's algorithm before batching by tokens (sorted by characters, batches of 32, padded by the
tokenizer), on the same ONNX session, alternating with the new code run by run. The machine is shared and
loaded: CPU time (time.process_time, which other processes do not inflate as they do the wall clock) is the
measure; wall time is printed beside it. Medians over the runs; the largest difference between the two
vectors of any passage is printed too (it must stay within 1e-5, or embed.VERSION must change).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lifetime_text  # noqa: E402

from remembrancer import capture, embed  # noqa: E402

BASELINE_BATCH = 32


def passages(entries) -> list[str]:
    out = []
    for n, entry in enumerate(entries):
        rows = [{"entry": n, "speaker": speaker, "text": entry.text[s:e]} for s, e, speaker, _ in entry.passages]
        out += embed.passage_texts(rows)
    return out


def sources() -> dict[str, list[str]]:
    data = lifetime_text.benchdata()
    names = lifetime_text.first_names()
    return {
        "locomo": passages(capture.locomo_entries(data / "locomo" / "locomo10_dev.json")),
        "realtalk": passages(capture.locomo_entries(data / "realtalk" / "realtalk_dev.json")),
        "litbank": passages(lifetime_text.litbank()),
        "dialogre": passages(lifetime_text.dialogre(names)),
        "journals": passages(lifetime_text.journals()),
        "shakespeare": passages(lifetime_text.shakespeare()),
        "kjv": passages(lifetime_text.bible()),
    }


def baseline(embedder: embed.Embedder, texts: list[str]) -> np.ndarray:
    """main's `Embedder.__call__` before this change: sorted by characters, 32 a batch, padded by the tokenizer."""
    import tokenizers

    tokenizer = tokenizers.Tokenizer.from_file(str(embed.TOKENIZER))
    tokenizer.enable_truncation(embed.MAX_TOKENS)
    tokenizer.enable_padding()
    out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), BASELINE_BATCH):
        idx = order[b:b + BASELINE_BATCH]
        encodings = tokenizer.encode_batch([texts[i] or " " for i in idx])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = embedder.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        out[idx] = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return out


def timed(fn, texts):
    cpu, wall = time.process_time(), time.perf_counter()
    vectors = fn(texts)
    return vectors, time.process_time() - cpu, time.perf_counter() - wall


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-source", type=int, default=200, help="passages sampled from each source")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    texts = []
    for name, found in sources().items():
        sample = rng.sample(found, min(args.per_source, len(found)))
        print(f"{name:12} {len(found):6} passages, {len(sample)} taken, {statistics.mean(map(len, sample)):.0f} characters on average")
        texts += sample
    rng.shuffle(texts)
    embedder = embed.embedder()
    tokens = [len(e.ids) for e in embedder.tokenizer.encode_batch([t or " " for t in texts])]
    print(f"{len(texts)} passages, {sum(tokens)} tokens ({statistics.mean(tokens):.0f} a passage, at most {embed.MAX_TOKENS})")
    embedder(texts[:64])  # warm up
    times = {"main": [], "new": []}
    diff = 0.0
    for run in range(args.runs):
        old, cpu_old, wall_old = timed(lambda t: baseline(embedder, t), texts)
        new, cpu_new, wall_new = timed(embedder, texts)
        times["main"].append((cpu_old, wall_old))
        times["new"].append((cpu_new, wall_new))
        diff = max(diff, float(np.abs(new - old).max()))
        print(f"  run {run + 1}: main {cpu_old:.1f} cpu-s {wall_old:.1f} wall-s; new {cpu_new:.1f} cpu-s {wall_new:.1f} wall-s", flush=True)
    cpu = {k: statistics.median(c for c, _ in v) for k, v in times.items()}
    wall = {k: statistics.median(w for _, w in v) for k, v in times.items()}
    print(f"\n{'':6} {'passages/cpu-s':>15} {'passages/wall-s':>16}   (median of {args.runs} runs, {embed.THREADS} threads)")
    for k in ("main", "new"):
        print(f"{k:6} {len(texts) / cpu[k]:15.1f} {len(texts) / wall[k]:16.1f}")
    print(f"speed-up: {cpu['main'] / cpu['new']:.2f}x in CPU time, {wall['main'] / wall['new']:.2f}x in wall time;"
          f" largest difference of a vector's component: {diff:.1e}")


if __name__ == "__main__":
    main()
