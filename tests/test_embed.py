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


def test_large_stores_use_an_hnsw_file_kept_in_step(db, embedding_only, monkeypatch):
    monkeypatch.setattr(embed, "HNSW_AT", 3)
    with Memory(db) as m:
        for i, text in enumerate(["Coffee with Ianto.", "Tea with Rose.", "Piano with Ellie.", "Rods with Tom."]):
            m.add(text, at=f"2020-01-0{i + 1}")
        q = embed.embed(["coffee"])[0]
        hits = embed.nearest(m, q, 2)
        assert isinstance(embed.index(m), embed.HNSWIndex)
        assert m.passages([hits[0][0]])[0]["text"] == "Coffee with Ianto."
        state = json.loads(m.query("SELECT value FROM settings WHERE key = 'embed.usearch'")[0][0])
        assert state["count"] == 4 and state["covers"] == m.query("SELECT max(id) FROM embeddings")[0][0]
    path = db.parent / (db.name + ".usearch")
    assert path.exists()
    with Memory(db) as m:  # reopened: loaded from the file, then the new entry is added to it
        m.add("Biscuits with Dad.", at="2020-01-09")
        hits = embed.nearest(m, embed.embed(["ginger biscuits"])[0], 1)
        assert m.passages([hits[0][0]])[0]["text"] == "Biscuits with Dad."
        assert json.loads(m.query("SELECT value FROM settings WHERE key = 'embed.usearch'")[0][0])["count"] == 5
    path.write_bytes(b"not an index")  # damaged: rebuilt from the database, not trusted
    with Memory(db) as m:
        hits = embed.nearest(m, embed.embed(["coffee"])[0], 5)
        assert len(hits) == 5 and m.passages([hits[0][0]])[0]["text"] == "Coffee with Ianto."
