"""Embeddings with the real MiniLM model and real SQLite files: the processor, exact and HNSW search."""
import json

import numpy as np
import pytest

from remembrancer import embed, store
from remembrancer.store import Memory


@pytest.fixture
def embedding_only(monkeypatch):
    """Derive embeddings only, so these tests do not wait for spaCy."""
    monkeypatch.setattr(store, "PROCESSORS", ["remembrancer.embed"])


def test_the_tokenizer_fits_the_model_similar_sentences_are_close():
    v = embed.embed(["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome."])
    assert v.shape == (3, embed.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    close, far = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert close > 0.6 and far < 0.2  # a mismatched vocabulary gives noise here, not this gap


def test_batching_and_sorting_do_not_change_a_vector():
    texts = ["Coffee at the Hub.", "He never let me near the machine, and he was right not to, the coffee was his.", "Rain."]
    together = embed.embed(texts)
    alone = np.vstack([embed.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_long_passages_are_truncated_not_refused():
    v = embed.embed(["word " * 2000])
    assert np.isfinite(v).all() and abs(np.linalg.norm(v) - 1) < 1e-5


def test_adding_embeds_every_passage_in_the_same_run(db, embedding_only):
    with Memory(db) as m:
        m.add("Coffee with Ianto at the Hub. He never let me near the machine.\n\nRain all day.", at="2009-05-01")
        m.add_chat([("Maggie", "Ellie started piano."), ("Priya", "Brilliant!"), ("Maggie", "")], at="2023-05-08")
        passages = m.query("SELECT count(*) FROM passages")[0][0]
        rows = m.query("SELECT passage, model, length(vector) FROM embeddings")
        assert len(rows) == passages
        assert {r[1] for r in rows} == {embed.MODEL} and {r[2] for r in rows} == {embed.DIM * 4}
        assert not m.pending(embed)
        hits = embed.nearest(m, embed.embed(["who played the piano?"])[0], 1)
        assert m.passages([hits[0][0]])[0]["text"] == "Ellie started piano."


def test_a_crash_before_embedding_is_completed_by_the_next_process(db, embedding_only):
    with Memory(db, derive=False) as m:
        m.add("Tea with Rose at Willow Court.", at="2021-03-14")
        assert m.pending(embed) and not m.query("SELECT * FROM embeddings")
    with Memory(db) as m:  # opening to derive completes it
        assert m.query("SELECT count(*) FROM embeddings")[0][0] == 1
        assert m.process() == {"embed": 0}


def test_the_exact_index_takes_in_what_another_connection_added(db, embedding_only):
    with Memory(db) as reader, Memory(db) as writer:
        writer.add("The lighthouse song, every word.", at="2021-03-14")
        q = embed.embed(["a song"])[0]
        assert len(embed.nearest(reader, q, 10)) == 1
        writer.add("Fish and chips on the harbour wall.", at="2024-02-14")
        assert len(embed.nearest(reader, q, 10)) == 2  # never stale: caught up before searching


def test_re_embedding_replaces_a_vector_and_the_index_sees_it(db, embedding_only):
    with Memory(db) as m:
        m.add("Dad's fishing rod is in the shed.", at="2021-06-02")
        pid = m.query("SELECT id FROM passages")[0][0]
        q = embed.embed(["fishing rod"])[0]
        before = embed.nearest(m, q, 1)[0][1]
        with m.transaction() as conn:  # as a new model version would: the row is replaced
            conn.execute("INSERT OR REPLACE INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                         (pid, embed.MODEL, (-q).astype(np.float32).tobytes()))
        after = embed.nearest(m, q, 1)[0]
        assert after[0] == pid and after[1] < -0.99 < before


def _fill(m, texts, day=1):
    for i, text in enumerate(texts):
        m.add(text, at=f"2020-01-{day + i:02d}")


TEXTS = ["Coffee with Ianto.", "Tea with Rose.", "Piano with Ellie.", "Rods with Tom."]


def _state(m):
    return json.loads(m.query("SELECT value FROM settings WHERE key = 'embed.usearch'")[0][0])


def _top(m, text, k=1):
    return [m.passages([h[0]])[0]["text"] for h in embed.nearest(m, embed.embed([text])[0], k)]


@pytest.fixture
def small_hnsw(monkeypatch):
    monkeypatch.setattr(embed, "HNSW_AT", 3)


def test_a_large_store_builds_its_graph_while_storing_and_opens_it_without_building(db, embedding_only, small_hnsw):
    with Memory(db) as m:
        _fill(m, TEXTS[:3])  # the third passage crosses HNSW_AT: built and saved by `add`, not by a question
        assert _state(m)["count"] == 3 and (db.parent / (db.name + ".usearch")).exists()
        m.add(TEXTS[3], at="2020-01-09")
        assert _top(m, "coffee") == ["Coffee with Ianto."]
    with Memory(db) as m:
        idx = embed.index(m)
        assert isinstance(idx, embed.HNSWIndex) and idx.why is None and not idx.writable  # opened, not built
        assert idx.covers == _state(m)["covers"] and idx.delta.size == 1  # the fourth: searched exactly beside it
        assert _top(m, "fishing rods") == ["Rods with Tom."]
        assert idx.size == 4


def test_new_vectors_are_added_to_the_graph_and_saved_when_enough_have_come(db, embedding_only, small_hnsw, monkeypatch):
    monkeypatch.setattr(embed, "MERGE_AT", 2)
    with Memory(db) as m:
        _fill(m, TEXTS[:3])
        _fill(m, ["Biscuits with Dad.", "Chess with Uncle Bob."], day=10)
        assert _state(m)["count"] == 5 and embed.index(m).delta.size == 0
    with Memory(db) as m:
        assert embed.index(m).why is None and _top(m, "ginger biscuits") == ["Biscuits with Dad."]


def test_a_damaged_or_replaced_index_file_is_built_again_not_trusted(db, embedding_only, small_hnsw):
    path = db.parent / (db.name + ".usearch")
    with Memory(db) as m:
        _fill(m, TEXTS)
    path.write_bytes(b"not an index")  # damaged
    with Memory(db) as m:
        idx = embed.index(m)
        assert idx.why == "the file is missing or not the one saved" and _top(m, "coffee") == ["Coffee with Ianto."]
    path.unlink()
    with Memory(db) as m:
        assert embed.index(m).why == "the file is missing or not the one saved" and len(embed.nearest(m, embed.embed(["tea"])[0], 9)) == 4
    # Another store's file, of the same size and named as saved: its vectors are not this table's.
    other = db.parent / "other.db"
    with Memory(other) as m:
        _fill(m, ["The harbour wall at dusk.", "A letter from Aunt May.", "Snow on the allotment.", "A kite over Whitby."])
        embed.index(m, save=True)
    path.write_bytes((other.parent / (other.name + ".usearch")).read_bytes())
    with Memory(db) as m:
        with m.transaction() as conn:
            state = _state(m)
            state["file"] = [path.stat().st_size, path.stat().st_mtime_ns]
            conn.execute("UPDATE settings SET value = ? WHERE key = 'embed.usearch'", (json.dumps(state),))
    with Memory(db) as m:
        assert embed.index(m).why == "its vectors are not the table's"
        assert _top(m, "coffee") == ["Coffee with Ianto."]


def test_a_save_cut_short_is_finished_on_opening(db, embedding_only, small_hnsw, monkeypatch):
    path = db.parent / (db.name + ".usearch")
    monkeypatch.setattr(embed, "MERGE_AT", 1)
    real_replace = type(path).replace

    def crash(self, target):
        if str(self).endswith(".usearch.tmp"):
            raise KeyboardInterrupt  # killed after naming the new file, before putting it in place
        return real_replace(self, target)

    with Memory(db) as m:
        _fill(m, TEXTS[:3])
        monkeypatch.setattr(type(path), "replace", crash)
        with pytest.raises(KeyboardInterrupt):
            m.add(TEXTS[3], at="2020-01-09")
        monkeypatch.setattr(type(path), "replace", real_replace)
    with Memory(db) as m:
        idx = embed.index(m)
        assert idx.why is None and len(idx.graph) == 4 and idx.delta.size == 0
        assert _top(m, "fishing rods") == ["Rods with Tom."]


def test_vectors_taken_out_of_the_table_behind_the_index_are_never_found(db, embedding_only, small_hnsw):
    with Memory(db) as m:
        _fill(m, TEXTS)
        embed.index(m, save=True)
    with Memory(db) as m:
        coffee = m.query("SELECT id FROM passages WHERE text = 'Coffee with Ianto.'")[0][0]
        with m.transaction() as conn:  # as an older program, or a hand, might
            conn.execute("DELETE FROM embeddings WHERE passage = ?", (coffee,))
    with Memory(db) as m:
        hits = embed.nearest(m, embed.embed(["coffee"])[0], 10)
        assert coffee not in [h[0] for h in hits] and len(hits) == 3


def test_a_re_embedded_passage_is_found_by_its_new_vector_in_the_graph_too(db, embedding_only, small_hnsw):
    with Memory(db) as m:
        _fill(m, TEXTS)
        embed.index(m, save=True)
        pid = m.query("SELECT id FROM passages WHERE text = 'Tea with Rose.'")[0][0]
        q = embed.embed(["fishing rod"])[0]
        with m.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                         (pid, embed.MODEL, q.astype(np.float32).tobytes()))
        hits = embed.nearest(m, q, 4)
        assert hits[0][0] == pid and hits[0][1] > 0.99 and len({h[0] for h in hits}) == 4
        embed.index(m, save=True)
        hits = embed.nearest(m, q, 4)
        assert hits[0][0] == pid and hits[0][1] > 0.99 and len({h[0] for h in hits}) == 4


def test_an_entry_put_in_the_trash_and_back_leaves_and_rejoins_a_large_store_s_graph(db, embedding_only, small_hnsw):
    """The graph, open in memory, drops the vectors of an entry put in the trash at once (they are still in
    its file) and finds them again when it is restored; so does a later opening."""
    with Memory(db) as m:
        _fill(m, TEXTS)
        embed.index(m, save=True)
        coffee = m.query("SELECT entry FROM passages WHERE text = 'Coffee with Ianto.'")[0][0]
        assert isinstance(embed.index(m), embed.HNSWIndex) and _top(m, "coffee") == ["Coffee with Ianto."]
        m.delete(coffee)
        assert "Coffee with Ianto." not in _top(m, "coffee", 4)
    with Memory(db) as m:
        assert "Coffee with Ianto." not in _top(m, "coffee", 4)
        m.restore(coffee)
        assert _top(m, "coffee") == ["Coffee with Ianto."]
        assert len(embed.nearest(m, embed.embed(["coffee"])[0], 10)) == 4
