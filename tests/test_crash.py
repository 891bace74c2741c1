"""A crash in the middle of a large import: every entry whole or absent, and the import can simply be run again."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import ROOT
from remembrancer import capture, store
from remembrancer.store import Memory

LINES = 3000
WORDS_PER_LINE = 500  # 1.5M words: about 30 committed batches of store.BATCH_WORDS


def generated_jsonl(path):
    rng = random.Random(42)
    vocab = ["".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(rng.randint(1, 4)))
             for _ in range(5000)]
    texts = []
    with open(path, "w", encoding="utf-8") as out:
        for i in range(LINES):
            sentences, left = [], WORDS_PER_LINE
            while left > 0:
                n = min(left, rng.randint(4, 20))
                sentences.append(" ".join(rng.choice(vocab) for _ in range(n)).capitalize() + rng.choice(".!?"))
                left -= n
            text = f"Entry {i}. " + " ".join(sentences)
            texts.append(text)
            out.write(json.dumps({"text": text, "at": f"2020-01-{1 + i % 28:02d}", "author": "gen"}) + "\n")
    return texts


def entries_in(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return 0


def import_command(db, source):
    return [sys.executable, "-m", "remembrancer.cli", "--db", str(db), "import", "jsonl", str(source), "--no-extract"]


def test_sigkill_mid_import_leaves_whole_entries_and_the_import_can_be_rerun(tmp_path):
    source = tmp_path / "big.jsonl"
    texts = generated_jsonl(source)
    db = tmp_path / "crash.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(import_command(db, source), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        batch = store.BATCH_WORDS // WORDS_PER_LINE
        while entries_in(db) < 2 * batch:  # some batches committed ...
            assert proc.poll() is None, "the import ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)  # ... and one, most likely, half written
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    with Memory(db, derive=False) as memory:
        assert memory.check() == []
        stored = memory.query("SELECT id, text, at, author FROM entries ORDER BY id")
        assert 2 * batch <= len(stored) < LINES
        # whole batches, in order: exactly the first lines of the input
        assert [r["text"] for r in stored] == texts[: len(stored)]
        for row in stored:  # each entry whole: all of its passages, each indexed
            expected = capture.text_entry(row["text"], at=row["at"]).passages
            got = memory.query("SELECT start, end FROM passages WHERE entry = ? ORDER BY seq", (row["id"],))
            assert [(r[0], r[1]) for r in got] == [(s, e) for s, e, _, _ in expected]
        assert memory.query("SELECT count(*) FROM passages_fts")[0][0] == memory.query("SELECT count(*) FROM passages")[0][0]
        assert memory.query("SELECT count(*) FROM passages WHERE entry NOT IN (SELECT id FROM entries)")[0][0] == 0
        done = len(stored)

    rerun = subprocess.run(import_command(db, source), env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"{LINES - done} entries, ") and f"({done} already stored)" in rerun.stdout
    with Memory(db, derive=False) as memory:
        assert memory.check() == []
        assert [r[0] for r in memory.query("SELECT text FROM entries ORDER BY id")] == texts
        assert memory.search(texts[-1].split()[5])  # the last entry is searchable


def test_a_kill_at_any_moment_of_add_is_completed_by_the_next_command(tmp_path):
    """Killed (or interrupted) while storing or understanding, the entries it acknowledged are understood
    by whatever command comes next: a rerun of the same add, or a question."""
    journal = (ROOT / "examples" / "journal").glob("*.md")
    texts = [p.read_text(encoding="utf-8") for p in sorted(journal)]
    folder = tmp_path / "journal"
    folder.mkdir()
    for i in range(40):
        (folder / f"2020-01-{1 + i % 28:02d}-{i}.md").write_text(f"Day {i}.\n\n{texts[i % len(texts)]}", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cli = [sys.executable, "-m", "remembrancer.cli"]
    rng = random.Random(7)
    left_pending = 0
    for run, (sig, then) in enumerate([(signal.SIGKILL, ["add", str(folder)]), (signal.SIGKILL, ["ask", "coffee"]),
                                       (signal.SIGINT, ["people"]), (signal.SIGKILL, ["add", "One more note."]),
                                       (signal.SIGKILL, ["ask", "coffee"])]):
        db = tmp_path / f"run{run}.db"
        proc = subprocess.Popen([*cli, "--db", str(db), "add", str(folder)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while entries_in(db) == 0:  # stored (and acknowledged) ...
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 3.0))  # ... then stopped somewhere while understanding them
        proc.send_signal(sig)
        proc.wait(timeout=60)
        with Memory(db, derive=False) as memory:
            left_pending += any(memory.pending_counts().values())
        done = subprocess.run([*cli, "--db", str(db), *then], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        with Memory(db, derive=False) as memory:
            assert memory.check() == []
            assert memory.pending_counts() == {"extract": 0, "embed": 0}
            assert memory.query("SELECT count(*) FROM embeddings")[0][0] == memory.query("SELECT count(*) FROM passages")[0][0]
            assert memory.query("SELECT count(*) FROM people")[0][0] > 0
    assert left_pending >= 3  # the kills did fall while entries were being understood
