"""Load on `remembrancer serve`: concurrent clients mixing add and ask on loopback, then a count of the entries.

A real `remembrancer serve` process runs on a free loopback port over a temporary store seeded with
examples/. For `--seconds`, `--clients` concurrent clients (one connection each) loop: with chance
`--add-share` they add a new, unique entry, else they ask a question. Reported: throughput, latency
p50/p95 per kind, errors (must be 0), then every acknowledged entry is read back from the file (none
lost) once the server has understood them all.

While the clients run, `--writers` CLI processes add entries to the same store in a loop
(`remembrancer add`, each its own process, deriving in line as a person's would) and `remembrancer
reindex` runs over it again and again (`--no-reindex`: not): adds/s and p50/p95/p99 are reported for
the HTTP adds and for the CLI writers, and every request, add and reindex must succeed.

Baselines measured in the same run, on copies of the seeded store: the same mix through the library
in-process by one caller (`Memory.add` deriving in line, as the CLI does, and `Memory.ask`), and one
HTTP client alone on the server.

    python bench/serve.py                       # 50 clients for 60 s with 3 CLI writers and a reindex
    python bench/serve.py --clients 10 --seconds 20 --baseline-seconds 5
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from remembrancer.store import Memory  # noqa: E402

HEADERS = {"X-Remembrancer": "1"}
NAMES = "Priya Tom Ellie Maggie Owen Rhiannon Gethin Aoife Kwame Ingrid Mateo Yuki Marta Callum Niamh Rosa".split()
PLACES = ["the harbour", "the allotment", "Willow Court", "the station", "the market", "the beach", "the chapel", "the canal"]
THINGS = ["coffee", "a kite", "the sewing tin", "a fishing rod", "ginger biscuits", "an old photograph", "the radio", "a letter"]
DOINGS = ["talked about", "laughed about", "found", "mended", "shared", "forgot", "gave away", "asked about"]
QUESTIONS = ["Who moved to Toronto?", "When did Grandma Rose die?", "What did {p} say about {t}?",
             "Who was at {l} with me?", "Where did {p} leave {t}?", "What happened at {l}?", "Who gave me {t}?"]


def entry_text(rng: random.Random, tag: str) -> tuple[str, str]:
    p, q = rng.sample(NAMES, 2)
    text = (f"{p} and {q} came to {rng.choice(PLACES)}; we {rng.choice(DOINGS)} {rng.choice(THINGS)}."
            f" Visit {tag}, written down so it is not lost.")
    return text, f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def question(rng: random.Random) -> str:
    return rng.choice(QUESTIONS).format(p=rng.choice(NAMES), t=rng.choice(THINGS), l=rng.choice(PLACES))


def seed_store(path: Path):
    cli = [sys.executable, "-m", "remembrancer.cli", "--db", str(path)]
    subprocess.run(cli + ["add", str(ROOT / "examples" / "journal")], check=True, capture_output=True)
    subprocess.run(cli + ["import", "locomo", str(ROOT / "examples" / "chat.json")], check=True, capture_output=True)


def start_server(db: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "remembrancer.cli", "--db", str(db), "serve", "--port", str(port), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    json.loads(proc.stdout.readline())
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api/stats", timeout=5)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


class Tally:
    def __init__(self):
        self.latency = {"add": [], "ask": []}
        self.errors: list[str] = []
        self.acked: list[tuple[int, str]] = []  # (entry id, text) of every acknowledged add

    def line(self, label: str, seconds: float) -> str:
        n = sum(len(v) for v in self.latency.values())
        out = [f"  {label}: {n:,} requests in {seconds:.1f} s = {n / seconds:.1f}/s, errors {len(self.errors)}"]
        for kind, xs in self.latency.items():
            if xs:
                q = statistics.quantiles(xs, n=100, method="inclusive") if len(xs) > 1 else [xs[0]] * 99
                out.append(f"    {kind:<4} {len(xs):>6,} ({len(xs) / seconds:6.1f}/s)  p50 {statistics.median(xs) * 1000:8.1f} ms"
                           f"  p95 {q[94] * 1000:8.1f} ms  p99 {q[98] * 1000:8.1f} ms  max {max(xs) * 1000:8.1f} ms")
        return "\n".join(out)


def cli_writer(db: Path, stop_at: float, seed: int, tally: Tally):
    """A person's `remembrancer add`, one process each, in a loop until `stop_at`."""
    rng, n = random.Random(seed), 0
    while time.perf_counter() < stop_at:
        text, at = entry_text(rng, f"cli-{seed}-{n}")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "remembrancer.cli", "--db", str(db), "add", text, "--at", at, "--json"],
                              capture_output=True, text=True)
        if done.returncode:
            tally.errors.append(f"cli add: {done.stderr.strip()[-300:]}")
        else:
            tally.latency["add"].append(time.perf_counter() - started)
            tally.acked.append((json.loads(done.stdout)["results"][0]["entry"], text))
        n += 1


def reindexer(db: Path, stop_at: float, runs: list, errors: list):
    """`remembrancer reindex` over the store, again and again until `stop_at`."""
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "remembrancer.cli", "--db", str(db), "reindex", "--json"],
                              capture_output=True, text=True)
        if done.returncode:
            errors.append(f"reindex: {done.stderr.strip()[-300:]}")
        else:
            runs.append(time.perf_counter() - started)


async def client_loop(base: str, seconds: float, add_share: float, seed: int, tally: Tally, label: str):
    rng = random.Random(seed)
    deadline = time.perf_counter() + seconds
    n = 0
    async with httpx.AsyncClient(base_url=base, timeout=120, headers=HEADERS) as client:
        while time.perf_counter() < deadline:
            kind = "add" if rng.random() < add_share else "ask"
            started = time.perf_counter()
            try:
                if kind == "add":
                    text, at = entry_text(rng, f"{label}-{seed}-{n}")
                    r = await client.post("/api/add", json={"text": text, "at": at})
                else:
                    r = await client.get("/api/ask", params={"q": question(rng)})
                elapsed = time.perf_counter() - started
                if r.status_code != 200:
                    tally.errors.append(f"{kind} {r.status_code} {r.text[:200]}")
                    continue
                if kind == "add":
                    body = r.json()
                    if not body["new"]:
                        tally.errors.append(f"add not new: {body}")
                    tally.acked.append((body["entry"], text))
                tally.latency[kind].append(elapsed)
            except httpx.HTTPError as e:
                tally.errors.append(f"{kind} {type(e).__name__}: {e}")
            n += 1


def run_clients(base: str, clients: int, seconds: float, add_share: float, label: str) -> tuple[Tally, float]:
    tally = Tally()

    async def main():
        await asyncio.gather(*(client_loop(base, seconds, add_share, 1000 * i + 1, tally, label) for i in range(clients)))

    started = time.perf_counter()
    asyncio.run(main())
    return tally, time.perf_counter() - started


def in_process(db: Path, seconds: float, add_share: float) -> tuple[Tally, float]:
    """The same mix through the library, one caller: add derives in line (as the CLI), then ask."""
    tally, rng = Tally(), random.Random(99)
    with Memory(db) as memory:
        memory.ask("warm up the models")
        started = time.perf_counter()
        n = 0
        while time.perf_counter() - started < seconds:
            t0 = time.perf_counter()
            if rng.random() < add_share:
                text, at = entry_text(rng, f"lib-{n}")
                tally.acked.append((memory.add(text, at=at)["entry"], text))
                tally.latency["add"].append(time.perf_counter() - t0)
            else:
                memory.ask(question(rng))
                tally.latency["ask"].append(time.perf_counter() - t0)
            n += 1
        return tally, time.perf_counter() - started


def on_server(seeded: Path, db: Path, clients: int, seconds: float, add_share: float, label: str,
              writers: int = 0, reindex: bool = False) -> Tally:
    """Serve a copy of the seeded store and run the clients on it (with `writers` CLI writers and a reindex
    alongside); then wait until every new entry is understood. The tally also carries `seconds`, `before`
    (entries), `load` (averages), `drained`, `cli` (the writers' tally) and `reindexes` (seconds each)."""
    shutil.copy(seeded, db)
    proc, base = start_server(db)
    try:
        run_clients(base, 1, 2, add_share, "warm")  # the models load on the first ask
        before, load = httpx.get(base + "/api/stats").json()["entries"], os.getloadavg()[0]
        cli, reindexes, side = Tally(), [], []
        stop_at = time.perf_counter() + seconds
        if reindex:
            side.append(threading.Thread(target=reindexer, args=(db, stop_at, reindexes, cli.errors)))
        side += [threading.Thread(target=cli_writer, args=(db, stop_at, 7000 + i, cli)) for i in range(writers)]
        for t in side:
            t.start()
        tally, elapsed = run_clients(base, clients, seconds, add_share, label)
        for t in side:
            t.join()
        tally.seconds, tally.before, tally.load = elapsed, before, (load, os.getloadavg()[0])
        tally.cli, tally.reindexes = cli, reindexes
        tally.drained = drain(base)
    finally:
        stop(proc)
    return tally


def drain(base: str, limit: float = 600) -> float:
    """Seconds until the server has understood every stored entry (people, cues, embeddings)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if not any(httpx.get(base + "/api/status", timeout=60).json()["pending"].values()):
            return time.perf_counter() - started
        time.sleep(0.5)
    raise SystemExit(f"entries still pending after {limit:.0f} s")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--baseline-seconds", type=float, default=15)
    ap.add_argument("--add-share", type=float, default=0.5, help="chance that a request is an add (else an ask)")
    ap.add_argument("--writers", type=int, default=3, help="CLI processes adding to the same store meanwhile")
    ap.add_argument("--no-reindex", dest="reindex", action="store_false", help="no reindex running meanwhile")
    args = ap.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory(prefix="remembrancer-serve-bench-") as folder:
        seeded = Path(folder) / "seeded.db"
        seed_store(seeded)
        with Memory(seeded, derive=False) as m:
            seed_entries = m.stats()["entries"]
        print(f"store seeded with examples/: {seed_entries} entries; mix: {args.add_share:.0%} add, {1 - args.add_share:.0%} ask\n")

        lib_db = Path(folder) / "library.db"
        shutil.copy(seeded, lib_db)
        lib, lib_s = in_process(lib_db, args.baseline_seconds, args.add_share)
        print("BASELINE library in-process, one caller (add derives in line, as the CLI)")
        print(lib.line("library", lib_s))

        one = on_server(seeded, Path(folder) / "one.db", 1, args.baseline_seconds, args.add_share, "one")
        print("BASELINE one HTTP client on the server (derivation in the background)")
        print(one.line("one client", one.seconds))

        db = Path(folder) / "served.db"
        tally = on_server(seeded, db, args.clients, args.seconds, args.add_share, "load", args.writers, args.reindex)
        seconds, one_s = tally.seconds, one.seconds
        print(f"\nLOAD {args.clients} concurrent clients for {args.seconds:.0f} s, with {args.writers} CLI writers and"
              f" {'a reindex' if args.reindex else 'no reindex'} running (load average {tally.load[0]:.1f} before,"
              f" {tally.load[1]:.1f} after)")
        print(tally.line(f"{args.clients} clients", seconds))
        for e in tally.errors[:5]:
            print("    error:", e)
        print(tally.cli.line(f"{args.writers} CLI writers (one process an add)", seconds))
        for e in tally.cli.errors[:5]:
            print("    error:", e)
        if args.reindex:
            print(f"  reindex: {len(tally.reindexes)} runs completed" + (
                f", {statistics.median(tally.reindexes):.1f} s each (median)" if tally.reindexes else ""))
        print(f"  understood every new entry {tally.drained:.1f} s after the load stopped")

        with Memory(db, derive=False) as m:
            total = m.stats()["entries"]
            missing = []
            for i, text in tally.acked + tally.cli.acked:
                row = m.query("SELECT text FROM entries WHERE id = ?", (i,))
                if not row or row[0]["text"] != text:
                    missing.append(i)
            pending, failed = m.pending_counts(), m.failures()
        expected = tally.before + len(tally.acked) + len(tally.cli.acked)
        print(f"\nENTRIES after: {total:,} in the file; expected {expected:,} ({tally.before} before the load"
              f" + {len(tally.acked):,} acknowledged HTTP adds + {len(tally.cli.acked):,} CLI adds);"
              f" acknowledged but lost or changed: {len(missing)}; pending {pending}; failed {len(failed)}")
        n = sum(len(v) for v in tally.latency.values())
        ratio = lambda a, b: f"{a / b:.2f}" if b else "-"  # noqa: E731
        one_n = sum(len(v) for v in one.latency.values())
        lib_n = sum(len(v) for v in lib.latency.values())
        print(f"RATIOS throughput {args.clients} clients / one client: {ratio(n / seconds, one_n / one_s)};"
              f" / library in-process: {ratio(n / seconds, lib_n / lib_s)}")
        for kind in ("add", "ask"):
            if tally.latency[kind] and one.latency[kind]:
                print(f"  {kind} p50 {args.clients} clients / one client: "
                      f"{ratio(statistics.median(tally.latency[kind]), statistics.median(one.latency[kind]))}")
        ok = not tally.errors and not tally.cli.errors and not missing and total == expected and not failed
        all_adds = tally.latency["add"] + tally.cli.latency["add"]
        if all_adds:
            print(f"ADDS all writers: {len(all_adds) / seconds:.1f}/s, p99 {statistics.quantiles(all_adds, n=100, method='inclusive')[98] * 1000:.0f} ms")
        print("RESULT", "no request, add or reindex failed, no entry lost: met" if ok else "NOT MET")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
