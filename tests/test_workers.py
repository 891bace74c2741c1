"""Workers on many machines (remembrancer/workers.py) and `copy` (archive.copy). PostgreSQL is a real server
started by `pg_url`; the workers are real processes (as on other machines) with the real models."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT, ok, store_on
from test_archive import NOW, made, pages, unscored

from remembrancer import archive
from remembrancer.cli import cli
from remembrancer.errors import NotEmpty
from remembrancer.store import Memory

ENV = dict(os.environ, PYTHONPATH=str(ROOT))

# Hannah is named in most entries: with one entry a batch, two workers find her at the same time.
DAYS = [
    "Hannah rang this morning. She has finally booked the ferry to Rosslare for June.",
    "Walked the dogs along the bay with Rhys. He wants to move to Cardiff next year.",
    "Lunch with Hannah at the harbour cafe; she talked about her new allotment.",
    "Rhys fixed the garden gate at last, and then complained about his back all evening.",
    "Hannah sent photographs of the allotment. The beans are already taller than she is.",
    "Mum would have been eighty today. Hannah and I lit a candle for her in the kitchen.",
    "Quiet day. I read on the porch and watched the rain come in over the hills.",
    "Hannah's car broke down outside Carmarthen, so Rhys drove out to fetch her.",
    "Choir practice in Llandaff. Gethin forgot the words again and laughed it off.",
    "Hannah and Rhys argued about the allotment fence; I stayed out of it.",
    "Took the train to Swansea with Hannah to see the exhibition at the Glynn Vivian.",
    "Gethin came round with a cake from the bakery on Wellfield Road.",
    "Hannah finally got the ferry tickets printed. Rhys says she worries too much.",
    "Dreamt of the old house in Tenby, the blue door and the smell of the sea.",
]


def stored(url, texts=DAYS):
    with Memory(url, derive=False) as m:
        for i, text in enumerate(texts):
            m.add(text, at=f"2021-03-{i + 1:02d}")


def worker(url, *args):
    # -X faulthandler: a worker that does not stop is made to print where it is (see `stopped`)
    return subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "remembrancer.cli", "--db", url, "worker", "--json",
                             *args], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def stopped(p, timeout=120) -> tuple[str, str]:
    """The output of a worker told to stop; one still running after `timeout` fails the test with the stacks of
    its threads."""
    try:
        return p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGABRT)
        out, err = p.communicate(timeout=60)
        pytest.fail(f"a worker did not stop {timeout} s after SIGTERM; where it was:\n{err[-6000:]}\n{out[-2000:]}")


def understood(m) -> dict:
    """How often each entry was marked done by each processor, and what was made of them."""
    return {
        "processed": [tuple(r) for r in m.query("SELECT processor, count(*), count(DISTINCT entry) FROM processed"
                                                " GROUP BY processor ORDER BY processor")],
        "passages": m.query("SELECT count(*) FROM passages")[0][0],
        "embeddings": tuple(m.query("SELECT count(*), count(DISTINCT passage) FROM embeddings")[0]),
        "pending": m.pending_counts(),
    }


def wait_for(test, timeout=300, every=0.2):
    end = time.time() + timeout
    while not test():
        assert time.time() < end, "timed out"
        time.sleep(every)


def test_two_workers_understand_every_entry_once_and_a_person_both_find_is_one(pg_url, request, tmp_path):
    url = store_on("postgres", request, tmp_path)
    with Memory(url, derive=False) as m:
        procs = [worker(url, "--batch", "1", "--poll", "0.1") for _ in range(2)]
        try:
            wait_for(lambda: m.workers() == 2 or any(p.poll() is not None for p in procs))
            assert m.workers() == 2, [p.communicate() for p in procs]
            stored(url)
            with m._derive_lock(wait=False) as held:
                assert held is False  # opening to derive, `add`: the entries are left to the workers
            wait_for(lambda: not any(m.pending_counts().values()))
        finally:
            for p in procs:
                os.killpg(p.pid, signal.SIGTERM)
        outs = [stopped(p) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs  # SIGTERM: stopped cleanly
        done = [json.loads(out) for out, _ in outs]
        assert sum(d["entries"] for d in done) == len(DAYS)  # no entry taken twice
        assert all(d["entries"] > 0 for d in done)  # both worked
        n = len(DAYS)
        assert understood(m) == {"processed": [("embed", n, n), ("extract", n, n)], "passages": n,
                                 "embeddings": (n, n), "pending": {"extract": 0, "embed": 0}}
        everyone = m.people(everyone=True)
        assert [p["name"] for p in everyone].count("Hannah") == 1  # found by both workers: one person
        assert m.person("Hannah")["mentions"] >= 9
        assert m.workers() == 0
    # The same entries understood by one process alone give the same people.
    with Memory(tmp_path / "alone.db", derive=False) as alone:
        for i, text in enumerate(DAYS):
            alone.add(text, at=f"2021-03-{i + 1:02d}")
        alone.process()
        with Memory(url, derive=False) as m:
            assert sorted(p["name"] for p in m.people()) == sorted(p["name"] for p in alone.people())


HOLD = """
import sys, time
from remembrancer import workers
memory = workers.open_memory(sys.argv[1])
print(memory.claim(2, 10**9), flush=True)
time.sleep(600)
"""


def test_an_entry_a_killed_worker_held_is_taken_again(pg_url, request, tmp_path):
    url = store_on("postgres", request, tmp_path)
    stored(url, DAYS[:6])
    holder = subprocess.Popen([sys.executable, "-c", HOLD, url], env=ENV, stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        assert json.loads(holder.stdout.readline()) == [1, 2]
        # the two held are earlier: waited for (people are joined in the order entries were stored) a second, then
        # the others written out of turn, as a worker stalled holding them is not waited for longer
        first = subprocess.run([sys.executable, "-m", "remembrancer.cli", "--db", url, "worker", "--once", "--json",
                                "--turn-wait", "1"], env=ENV, capture_output=True, text=True, timeout=600)
        assert first.returncode == 0, first.stderr
        assert json.loads(first.stdout)["entries"] == 4  # the two held are another worker's
        with Memory(url, derive=False) as m:
            assert m.pending_counts() == {"extract": 2, "embed": 2}
    finally:
        os.killpg(holder.pid, signal.SIGKILL)  # killed holding them: the server lets them go
        holder.wait()
    again = subprocess.run([sys.executable, "-m", "remembrancer.cli", "--db", url, "worker", "--once", "--json"],
                           env=ENV, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["entries"] == 2
    with Memory(url, derive=False) as m:
        assert understood(m) == {"processed": [("embed", 6, 6), ("extract", 6, 6)], "passages": 6, "embeddings": (6, 6),
                                 "pending": {"extract": 0, "embed": 0}}


def test_a_worker_needs_postgresql(run):
    ok(run("add", "Coffee with Ianto.", "--no-extract"))
    result = run("worker", "--once")
    assert result.exit_code == 1 and "PostgreSQL" in result.output and "--db postgresql://" in result.output


def test_copy_sqlite_to_postgresql_and_back_loses_nothing_and_derives_nothing(pg_url, request, tmp_path):
    a = made(Memory(tmp_path / "a.db"))
    first = "".join(a.export())
    shown = pages(a)
    url = store_on("postgres", request, tmp_path)
    result = CliRunner().invoke(cli, ["copy", str(tmp_path / "a.db"), url, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert rows["entries"] == a.stats()["entries"] + a.stats()["trash"] and rows["embeddings"] > 0
    with Memory(url, derive=False) as b:
        assert not any(b.pending_counts().values())  # understood already: copied, not derived again
        assert "".join(b.export()) == first
        assert unscored(pages(b)) == unscored(shown)
        b.copy_to(c := Memory(tmp_path / "c.db", derive=False))
    assert "".join(c.export()) == first  # byte for byte, the trash, versions, corrections and reviews with it
    assert pages(c) == shown  # people (merged, hidden, a birthday), answers, scores, the review history
    assert not any(c.pending_counts().values()) and c.check() == []
    vectors = "SELECT passage, model, vector FROM embeddings ORDER BY passage"
    assert [tuple(r) for r in c.query(vectors)] == [tuple(r) for r in a.query(vectors)]  # the vectors as they were
    for table in archive.TABLES:
        if table != "settings":
            assert sorted(map(tuple, c.query(f"SELECT * FROM {table}")), key=repr) == \
                sorted(map(tuple, a.query(f"SELECT * FROM {table}")), key=repr), table
    assert c.review_next(now=NOW) == a.review_next(now=NOW)
    added = c.add("Gethin sang the solo at choir, every word right this time.", at="2024-05-01")
    assert added["entry"] == a.query("SELECT max(id) FROM entries")[0][0] + 1  # ids go on past those copied
    c.process()
    assert c.person("Gethin")["mentions"] > a.person("Gethin")["mentions"]
    a.close()
    c.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_copy_into_a_store_with_anything_in_it_is_refused_and_changes_nothing(request, tmp_path, backend):
    with Memory(tmp_path / "src.db", derive=False) as src:
        src.add("Coffee with Ianto at the Hub.", at="2009-05-01")
    dst = store_on(backend, request, tmp_path, "dst")
    with Memory(dst, derive=False) as m:
        m.add("Tea with Gwen.", at="2010-01-01")
        before = "".join(m.export())
    result = CliRunner().invoke(cli, ["copy", str(tmp_path / "src.db"), str(dst)])
    assert result.exit_code == 1
    assert "is not empty (it holds 1 entries" in result.output and "Copy into a new store" in result.output
    with Memory(dst, derive=False) as m, Memory(tmp_path / "src.db", derive=False) as src:
        assert "".join(m.export()) == before
        with pytest.raises(NotEmpty):
            src.copy_to(m)
        assert "".join(m.export()) == before and m.stats()["passages"] == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_copy_knows_every_table(request, tmp_path, backend):
    """A table a migration adds must be copied (archive.TABLES) or said to be the store's own (NOT_COPIED)."""
    with Memory(store_on(backend, request, tmp_path), derive=False) as m:
        assert set(m.tables()) - set(archive.TABLES) - archive.NOT_COPIED == set()
        assert set(archive.TABLES) <= set(m.tables())


@pytest.mark.parametrize("command", ["worker", "copy"])
def test_help_has_an_example_and_json(command):
    help_text = CliRunner().invoke(cli, [command, "--help"]).output
    assert "Example: remembrancer" in help_text and "--json" in help_text


def test_a_server_on_postgresql_understands_in_the_background_and_leaves_it_to_running_workers(pg_url, request, tmp_path):
    """`serve`'s deriving thread (users.Deriver) understands what is stored, as on SQLite; while a worker runs
    on the memory it leaves the entries to it (taking the derive lock would pause every worker)."""
    from remembrancer.users import Memories

    url = store_on("postgres", request, tmp_path)
    memories = Memories(url)
    try:
        memory = memories.get()
        first = memory.add(DAYS[0], at="2024-03-01")["entry"]
        memories.stored()
        assert memories.settle(180)
        assert not any(memory.pending_counts().values())
        assert "Hannah" in {p["name"] for p in memory.people()}
        assert memory.ask("When is Hannah taking the ferry?")["passages"][0]["entry"] == first
        with Memory(url, derive=False) as worker, worker.working():
            assert memory.workers() == 1
            second = memory.add(DAYS[1], at="2024-03-02")["entry"]
            memories.stored()
            assert memories.settle(60)
            assert memory.pending_counts() == {"extract": 1, "embed": 1}  # the worker's, not the server's
            assert worker.claim(8, 20_000) == [second]  # free to take: the server's thread holds nothing
            worker.release([second])
    finally:
        memories.close()


# Which stored person a name joins depends on who is stored already: "Beth" said before "Bethan Lloyd" and
# "Beth Morgan" are is Bethan's; said after both, Beth Morgan's (measured: the people differ so).
BETHS = [
    "Beth came over with the baby.",
    "Bethan Lloyd from the choir rang about Sunday.",
    "Beth Morgan sang the solo.",
    "Beth said the baby is teething.",
]


def test_people_are_joined_in_the_order_entries_were_stored_whatever_order_they_are_understood_in(pg_url, request, tmp_path):
    """A worker that understood later entries first writes their people only after the earlier ones' (taking
    those no worker holds): the people are the same as when the entries are understood in order."""
    from remembrancer import pipeline, workers

    urls = [store_on("postgres", request, tmp_path) for _ in range(2)]
    for url in urls:
        stored(url, BETHS)
    pipeline.load()
    workers.work(urls[0], once=True, batch=1)  # in the order they were stored
    with workers.open_memory(urls[1]) as m:  # the last first, and back (each takes and writes the earlier ones first)
        for entry in range(len(BETHS), 0, -1):
            workers._understand(m, [entry], batch=1, chars=10**9)
        assert not any(m.pending_counts().values())

    def people(url):
        with Memory(url, derive=False) as m:
            return sorted((p["name"], tuple(sorted(p.get("aliases") or ()))) for p in m.people(everyone=True))

    assert people(urls[0]) == people(urls[1])
    assert ("Bethan Lloyd", ("Beth", "Bethan Lloyd")) in people(urls[0])


def test_a_worker_waiting_for_its_turn_understands_its_next_batch_meanwhile(pg_url, request, tmp_path):
    """A worker whose batch waits for an earlier entry another worker holds takes its next batch meanwhile (it
    holds two at once) instead of idling; once the earlier entry is let go it takes it, and the people are those
    of the entries understood in order."""
    import threading

    from remembrancer import pipeline, postgres, workers

    urls = [store_on("postgres", request, tmp_path) for _ in range(2)]
    for url in urls:
        stored(url, BETHS + DAYS[:2])
    pipeline.load()
    workers.work(urls[0], once=True, batch=1)  # in order, alone
    other = workers.open_memory(urls[1])
    assert other.claim(1, 10**9) == [1]  # another worker holds the first entry
    done = {}
    thread = threading.Thread(target=lambda: done.update(workers.work(urls[1], once=True, batch=1)), daemon=True)
    thread.start()
    try:
        key = (postgres._key(other.conn.schema) >> 32) & 0xFFFFFFFF  # the lock's first int4, as an oid

        def held():
            return [r[0] for r in other.conn.raw.execute(
                "SELECT objid::int8 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted"
                " AND classid = %s::int8::oid ORDER BY objid", (key,)).fetchall()]

        wait_for(lambda: held() == [1, 2, 3], timeout=120, every=0.05)  # its batch (2) and the next (3) while 1 is held
        assert not any(done)
    finally:
        other.release([1])
        other.close()
    thread.join(300)
    assert done["entries"] == len(BETHS) + 2 and done["failed"] == 0  # the first too, once let go
    with Memory(urls[1], derive=False) as m:
        assert not any(m.pending_counts().values())

    def people(url):
        with Memory(url, derive=False) as m:
            return sorted((p["name"], tuple(sorted(p.get("aliases") or ()))) for p in m.people(everyone=True))

    assert people(urls[0]) == people(urls[1])
