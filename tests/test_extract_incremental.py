"""The stored extraction is the same however it is computed: cue weights batch by batch for the
people a batch touches or over the whole store at once; entries parsed in one process or by workers."""
from pathlib import Path

import pytest
from conftest import store_on

from remembrancer import extract
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each store a file, then a memory in the test server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_430032c30c73a7fb.txt"
MORE = [
    "Coffee with Ianto Jones at the Hub. He brought a stopwatch and a tape measure.",
    "Gwen and Rhys went to the beach with a blue umbrella. Gwen was happy; Rhys was tired.",
    "Ianto made coffee again. Jack said it was the best coffee in Cardiff.",
    "My sister Lucy lost her wedding ring at the beach. I felt guilty for weeks.",
    "Tea with Gwen Cooper at the pub. We talked about Rhys and the blue umbrella.",
    "Grandad fixed the radio. Lucy and Grandad sat by the radio all night.",
]


def cue_rows(memory):
    return sorted(tuple(r) for r in memory.query("SELECT * FROM person_cues"))


def same_as_full_recompute(memory):
    incremental = cue_rows(memory)
    with memory.transaction() as conn:
        extract.person_cues(conn)
    assert cue_rows(memory) == incremental
    return incremental


def test_incremental_cue_weights_equal_a_full_recompute(tmp_path, monkeypatch, backend, request):
    monkeypatch.setattr(extract, "BATCH", 2)  # many small batches: people and cues arrive a few at a time
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "journal").glob("*.md"))]
    texts += [SEED.read_text(encoding="utf-8")] if SEED.exists() else []
    with Memory(store_on(backend, request, tmp_path), derive=False) as memory:
        for i, text in enumerate(texts + MORE[:3]):
            memory.add(text, at=f"2023-05-{i + 1:02d}")
        extract.process(memory, memory.pending(extract))
        rows = same_as_full_recompute(memory)
        assert len(rows) > 50
        memory.merge_people("Ianto Jones", "Jack")
        for i, text in enumerate(MORE[3:]):
            memory.add(text, at=f"2023-06-{i + 1:02d}")
        ids = [r[0] for r in memory.query("SELECT id FROM entries ORDER BY id")]
        for step in (ids[-3:-2], ids[-2:], ids[-4:], ids[:3]):  # new entries, then old ones again (rows replaced)
            extract.process(memory, step)
            rows = same_as_full_recompute(memory)
        assert len({r[4] for r in rows}) > 1  # some cues are shared (fan > 1)
        memory.reindex()  # the merge is applied again in the batch where both people are back
        same_as_full_recompute(memory)


TABLES = ("people", "aliases", "mentions", "relations", "cues", "events", "event_people", "times", "feelings", "person_cues",
          "person_facts")


def test_workers_store_the_same_as_one_process(tmp_path, monkeypatch, backend, request):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "journal").glob("*.md"))] + MORE
    monkeypatch.setattr(extract, "BATCH", 4)
    monkeypatch.setattr(extract, "PARALLEL_CHARS", 0)  # workers even for this little text
    stored = []
    for workers in (1, 2):
        monkeypatch.setattr(extract, "WORKERS", workers)
        with Memory(store_on(backend, request, tmp_path, f"w{workers}"), derive=False) as memory:
            for i, text in enumerate(texts):
                memory.add(text, at=f"2023-05-{i + 1:02d}")
            ids = memory.pending(extract)
            assert extract._workers(sum(extract._sizes(memory, ids).values())) == workers
            extract.process(memory, ids)
            stored.append({t: sorted(tuple(r) for r in memory.query(f"SELECT * FROM {t}")) for t in TABLES})
    assert stored[0]["cues"] and stored[0]["person_cues"]
    assert stored[0] == stored[1]


def test_rows_from_before_sums_were_kept_are_recomputed_at_the_next_extraction(tmp_path, backend, request):
    with Memory(store_on(backend, request, tmp_path)) as memory:
        for i, text in enumerate(MORE[:4]):
            memory.add(text, at=f"2023-05-{i + 1:02d}")
        with memory.transaction() as conn:  # as a store migrated from before m006 holds them
            conn.execute("UPDATE person_cues SET closeness_u = NULL, felt = NULL, valence_u = NULL, emotions_u = NULL")
        memory.add(MORE[4], at="2023-06-01")
        assert not memory.query("SELECT 1 FROM person_cues WHERE closeness_u IS NULL")
        same_as_full_recompute(memory)


def test_pairs_whose_cue_rows_all_go_are_dropped_and_fans_follow(tmp_path, monkeypatch, backend, request):
    with Memory(store_on(backend, request, tmp_path)) as memory:
        memory.add("Gwen and Rhys went to the beach with a blue umbrella.", at="2023-05-01")
        memory.add("Gwen lost the blue umbrella at the pub.", at="2023-05-02")
        fans = dict(memory.query("SELECT cue, max(fan) FROM person_cues GROUP BY cue"))
        assert fans["umbrella"] == 2 and fans["beach"] == 2
        # the first entry read again by a pipeline that finds no cues: its share of each pair goes
        monkeypatch.setattr(extract, "COMPONENTS", [c for c in extract.COMPONENTS if c.name != "cues"])
        first = memory.query("SELECT min(id) FROM entries")[0][0]
        extract.process(memory, [first])
        rows = same_as_full_recompute(memory)
        assert {r[1] for r in rows} == {"umbrella", "pub"} and {r[4] for r in rows} == {1}


def test_a_cue_shared_by_more_and_more_people_keeps_its_fan_as_a_full_recompute(tmp_path, monkeypatch, backend, request):
    monkeypatch.setattr(extract, "BATCH", 3)
    firsts = "Anna Ben Carys Dafydd Eleanor Frank Grace Harry Isla Jamal Kate Leo Maria Niall Olivia Priya".split()
    with Memory(store_on(backend, request, tmp_path), derive=False) as memory:
        for i, first in enumerate(firsts):
            memory.add(f"{first} Fairweather carried the blue umbrella to the station.", at=f"2023-05-{i + 1:02d}")
        ids = memory.pending(extract)
        for step in range(0, len(ids), 5):  # the fan passes 8, then steps 10, 12, 14, 16
            extract.process(memory, ids[step:step + 5])
            same_as_full_recompute(memory)
        fans = {r[0] for r in memory.query("SELECT fan FROM person_cues WHERE cue = 'umbrella'")}
        assert fans == {extract._fan(len(firsts))} == {16}
        extract.process(memory, ids[:4])  # read again: the same people, nothing moves
        same_as_full_recompute(memory)


def test_a_name_the_owner_is_known_by_is_the_owner_in_every_entry_whatever_the_order(tmp_path, backend, request):
    letter = ("Dear Gwyneth,\n\nThe hens are laying again and Idris sends his love. Come at Whitsun if you can; "
              "I will bake a bara brith.\n\nAll my love,\nOwen")
    note = "Gwyneth came by with the hens' eggs. Mam rang later about the chapel fete."
    turns = [("Owen", "Hi Gwyneth! Are the hens laying?"), ("Gwyneth", "They are. I'll bring eggs on Sunday.")]
    stored = []
    for order in ("texts first", "chat first"):
        with Memory(store_on(backend, request, tmp_path, f"s{len(stored)}")) as memory:
            if order == "chat first":
                memory.add_chat(turns, at="2024-04-01", me="Gwyneth")
            memory.add(letter, at="2024-03-01")
            memory.add(note, at="2024-03-02")
            if order == "texts first":
                memory.add_chat(turns, at="2024-04-01", me="Gwyneth")
            people = {p["name"]: p for p in memory.people()}
            assert "Gwyneth" not in people and "Gwyneth" in people["me"]["aliases"], order
            assert people["me"]["mentions"] >= 4  # the letter's reader, the note's visitor, the chat's speaker
            assert "Mam" in people and "Mam" not in people["me"]["aliases"]  # my mother, not me
            rows = same_as_full_recompute(memory)
            memory.reindex()
            assert same_as_full_recompute(memory) == rows
            stored.append(({p["name"]: (p["mentions"], tuple(sorted(p["aliases"]))) for p in memory.people()}, rows))
    assert stored[0][0] == stored[1][0]


def test_an_owner_known_by_a_kin_word_takes_no_one_elses(tmp_path, backend, request):
    with Memory(store_on(backend, request, tmp_path, "m")) as memory:
        memory.add("Gran rang about the chapel fete. Gran is ninety next week.", at="2024-03-01")
        memory.add_chat([("Gran", "Are you coming Sunday?"), ("Owen", "Yes Gran, I'll bring the eggs.")],
                        at="2024-04-01", me="Gran")
        people = {p["name"]: p for p in memory.people()}
        assert people["Gran"]["mentions"] == 2 and "Gran" in people["me"]["aliases"]
