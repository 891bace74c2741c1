"""A large run is understood by the workers, extraction and embeddings together (remembrancer/pipeline.py):
it must store what the one-process path stores; and one progress bar follows the whole of an import."""
import json
import sys

import numpy as np
import pytest

from remembrancer import Memory, capture, extract, pipeline
from remembrancer.progress import JsonLines, Progress

TEXTS = [
    "My sister Carys came round on Sunday with her husband Rhys. We talked about Mum's garden for hours.",
    "Grandma Rose died in March 2019. I still miss her tea and her terrible jokes.",
    "Ade from work lent me his bike. Sam's wife Noor says it is far too big for me.",
    "Met Priya at the Harbour Café. She is moving to Toronto in August and I feel lost.",
] * 6


def stored(memory):
    people = sorted((r["name"], tuple(sorted(r["aliases"])), r["mentions"]) for r in memory.people())
    counts = {t: memory.query(f"SELECT count(*) FROM {t}")[0][0] for t in ("mentions", "relations", "cues", "events", "times", "feelings")}
    vectors = {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in memory.query(
        "SELECT p.seq * 1000 + p.entry, e.vector FROM embeddings e JOIN passages p ON p.id = e.passage")}
    return people, counts, vectors


@pytest.mark.skipif(pipeline.cores() < 2, reason="the workers need two cores")
def test_the_workers_store_what_one_process_stores(tmp_path, monkeypatch):
    entries = [capture.text_entry(t + f" (note {i})", at=f"2021-05-{i % 28 + 1:02d}") for i, t in enumerate(TEXTS)]
    with Memory(tmp_path / "one.db") as one:
        one.add_entries([capture.text_entry(e.text, at=e.at) for e in entries])
        alone = stored(one)
    monkeypatch.setattr(extract, "PARALLEL_CHARS", 1)  # this small run is "large": the workers take it
    used = []
    real = pipeline.run
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: used.append(1) or real(*a, **k))
    seen = []
    with Memory(tmp_path / "two.db") as two:
        two.add_entries(entries, report=lambda stage, done, total, *part: seen.append((stage, done, total)))
        together = stored(two)
        assert not any(two.pending_counts().values())
    assert used, "the run did not go to the workers"
    assert together[0] == alone[0] and together[1] == alone[1]
    assert together[2].keys() == alone[2].keys()
    assert all(np.allclose(together[2][k], alone[2][k], atol=2e-3) for k in alone[2])
    understanding = [s for s in seen if s[0] == "understanding"]
    assert understanding[-1][1] == understanding[-1][2] == sum(e.words for e in entries)
    assert [s[1] for s in understanding] == sorted(s[1] for s in understanding)


def test_one_bar_for_every_stage_to_the_end():
    shown = []
    progress = Progress(shown.append, every=0)
    progress.update("reading", 1000, 1000)
    progress.update("storing", 500, 1000)
    progress.update("storing", 1000, 1000)
    progress.update("understanding", 0, 1000)
    progress.update("understanding", 600, 1000)
    progress.done()
    assert [s["stage"] for s in shown] == ["reading", "storing", "storing", "understanding", "understanding", "understanding"]
    percents = [s["percent"] for s in shown]
    assert percents == sorted(percents) and percents[-1] == 100.0 and 55 < percents[4] < 65
    assert all(s["seconds_left"] is not None for s in shown) and shown[-1]["seconds_left"] == 0.0
    stored_only = []
    Progress(stored_only.append, understand=False, every=0).update("storing", 1000, 1000)
    assert stored_only[0]["percent"] == 100.0


def test_progress_as_json_lines(capsys):
    bar = JsonLines(sys.stdout)
    Progress(bar, every=0).update("understanding", 10, 100)
    line = json.loads(capsys.readouterr().out)
    assert line["progress"]["stage"] == "understanding" and line["progress"]["done"] == 10 and line["progress"]["unit"] == "words"


@pytest.mark.skipif(pipeline.cores() < 2, reason="the workers need two cores")
def test_an_entry_changed_while_the_workers_read_it_is_read_again(tmp_path, monkeypatch):
    """The workers' run holds the derive lock and, like each processor alone, stores nothing of an entry
    edited (or re-dated) after it was read: the same run takes it again as it is now."""
    db = tmp_path / "m.db"
    with Memory(db, derive=False) as m:
        ids = [r["entry"] for r in m.add_entries([capture.text_entry(t + f" (note {i})", at=f"2021-05-{i % 28 + 1:02d}")
                                                  for i, t in enumerate(TEXTS)])["results"]]
    edited, redated = ids[0], ids[1]
    monkeypatch.setattr(extract, "PARALLEL_CHARS", 1)  # this small run is "large": the workers take it
    real_parts, real_run = pipeline._parts, pipeline.run
    used = []

    def changed_meanwhile(memory, batches, pool, report=None):
        for n, part in enumerate(real_parts(memory, batches, pool, report)):
            if n == 0:  # read and understood by the workers; the owner changes two of them before it is written
                with Memory(db, derive=False) as owner:
                    with owner._derive_lock(wait=False) as held:
                        assert held is False  # the run holds the derive lock
                    owner.edit(edited, "My friend Bethan Lloyd rang me from Aberystwyth. She is moving to Leeds.")
                    owner.redate(redated, "2022-01-09")
            yield part

    monkeypatch.setattr(pipeline, "_parts", changed_meanwhile)
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: used.append(1) or real_run(*a, **k))
    with Memory(db, derive=False) as m:
        done = m.process()
        assert used and done["extract"] == len(ids) + 2 and done["embed"] == len(ids) + 1
        assert not any(m.pending_counts().values())
        assert "Bethan Lloyd" in {p["name"] for p in m.people()}  # read as it is now, not as it was
        assert m.query("SELECT count(*) FROM embeddings e JOIN passages p ON p.id = e.passage WHERE p.entry = ?",
                       (edited,))[0][0] == len(m.entry(edited)["passages"])
        assert not m.query("SELECT 1 FROM mentions WHERE entry = ? AND passage NOT IN (SELECT id FROM passages)", (edited,))
