"""The PostgreSQL backend (remembrancer/postgres.py): the core of the package on both backends, and many
memories in one database, each blind to the others. PostgreSQL is a real server started by `pg_url`."""
import json

import pytest
from conftest import ok

from remembrancer import postgres
from remembrancer.errors import BadInput, NotFound
from remembrancer.store import Memory

STORY = [
    ("My sister Hannah came over for tea. We talked about our mother, who loved her garden.", "2021-03-04"),
    ("Walked the dogs along the bay with Rhys. He wants to move to Cardiff next year.", "2021-03-06"),
    ("Hannah rang: the surgery went well. Rhys cooked pasta to celebrate.", "2021-04-11"),
]


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request, tmp_path):
    """`open_store(name)`: a new store on this backend (a file; a memory of its own in the test server)."""
    made = []

    def make(name="one", **kw):
        if request.param == "sqlite":
            m = Memory(tmp_path / f"{name}.db", **kw)
        else:
            m = Memory(request.getfixturevalue("pg_url"), memory=f"{name}_{request.node.name[-40:].lower()}"
                       .replace("[", "_").replace("]", "").replace("-", "_")[:48], **kw)
        made.append(m)
        return m

    yield make
    for m in made:
        m.close()


def test_add_search_and_entries(open_store):
    m = open_store(derive=False)
    ids = [m.add(text, at=at)["entry"] for text, at in STORY]
    assert ids == [1, 2, 3]
    assert m.add(STORY[0][0], at=STORY[0][1])["new"] is False  # the same text is kept once
    hits = m.search("dogs bay")
    assert hits[0]["entry"] == 2 and hits[0]["score"] > 0
    assert [h["entry"] for h in m.search("walking")] == [2]  # stemmed, as FTS5's porter tokenizer
    assert m.search('"; DROP TABLE entries; --') == []
    assert {h["entry"] for h in m.search("Hannah Rhys")} == {1, 2, 3}
    assert m.search("hannah rhys")[0]["entry"] == 3  # every word first
    m.edit(2, "Walked the dogs along the beach with Rhys.")
    assert m.search("bay") == [] and m.search("beach")[0]["entry"] == 2
    assert m.history(2)[0]["text"] == STORY[1][0]
    m.delete(3)
    assert m.search("surgery") == [] and [e["entry"] for e in m.trash()] == [3]
    m.restore(3)
    assert m.search("surgery")[0]["entry"] == 3
    assert m.stats()["entries"] == 3 and m.check() == []


def test_understanding_recall_ask_people_and_corrections(open_store):
    m = open_store()
    for text, at in STORY:
        m.add(text, at=at)
    names = {p["name"] for p in m.people()}
    assert {"Hannah", "Rhys"} <= names
    page = m.person("Hannah")
    assert page["name"] == "Hannah" and page["mentions"] >= 2
    answer = m.ask("When did Hannah have surgery?")
    assert answer["passages"][0]["entry"] == 3
    assert any(p["entry"] == 2 for p in m.ask("Where does Rhys want to live?")["passages"][:3])
    assert m.recall("pasta")["people"][0]["name"] == "Rhys"
    m.rename("Rhys", "Rhys Williams")
    assert "Rhys Williams" in {p["name"] for p in m.people()}
    assert m.person("rhys")["name"] == "Rhys Williams"  # any of their names, in any case
    [said] = m.corrections("Rhys Williams")
    m.undo(said["id"])
    assert "Rhys" in {p["name"] for p in m.people()}
    assert m.fading(now="2023-01-01")


def _steady(line: str) -> dict:
    """An export line without the times things were done at (now, in each run)."""
    row = json.loads(line)
    for key in ("added", "deleted"):
        row.pop(key, None)
    for v in row.get("versions", []):
        v.pop("replaced", None)
    if "table" in row:
        row["row"].pop("at", None)
    return row


def test_the_same_story_exports_the_same_on_both(tmp_path, pg_url):
    """What one backend keeps, the other keeps: the lossless export is the same, and a PostgreSQL memory's
    export imported into a new one exports byte for byte the same again."""
    lite = Memory(tmp_path / "a.db")
    pg = Memory(pg_url, memory="export_same")
    for m in (lite, pg):
        for text, at in STORY:
            m.add(text, at=at)
        m.add_chat([("Ann", "Did you see the eclipse?"), ("Bo", "Yes, from the roof!")], at="2021-05-01")
        m.delete(2)
        m.edit(1, "My sister Hannah came over for coffee.")
        m.hide("Hannah")
    lines = [list(m.export("jsonl")) for m in (lite, pg)]
    assert [_steady(x) for x in lines[0]] == [_steady(x) for x in lines[1]]
    again = Memory(pg_url, memory="export_again", derive=False)
    path = tmp_path / "pg.jsonl"
    path.write_text("".join(lines[1]))
    again.import_file("jsonl", path)
    assert list(again.export("jsonl")) == lines[1]
    assert [p["name"] for p in lite.people()] == [p["name"] for p in pg.people()]
    for m in (lite, pg, again):
        m.close()


def test_memories_in_one_database_are_blind_to_each_other(pg_url, tmp_path):
    """No query, index, export or search of one memory returns another's entries, people, cues or vectors."""
    hannah = Memory(pg_url, memory="hannah")
    sam = Memory(pg_url, memory="sam")
    hannah.add("Tea with my aunt Gwendolyn in Aberystwyth; she gave me her pearl brooch.", at="2020-01-02")
    sam.add("Rode the ferry to Bergen with my friend Oskar.", at="2021-07-08")
    for mine, other, word, name in ((hannah, sam, "brooch", "Gwendolyn"), (sam, hannah, "ferry", "Oskar")):
        assert mine.search(word) and other.search(word) == []
        assert all(word not in p["text"] for p in other.ask(f"What about the {word}?")["passages"])
        assert any(name in p["name"] for p in mine.people()) and not any(name in p["name"] for p in other.people())
        with pytest.raises(NotFound):
            other.person(name)
        assert other.recall(word)["people"] == []
        assert word not in "".join(other.export("jsonl"))
        assert other.query("SELECT count(*) FROM entries")[0][0] == 1
        # vectors: every one the other memory searches is of its own passages
        own = {r[0] for r in other.query("SELECT id FROM passages")}
        from remembrancer import embed

        near = embed.nearest(other, embed.embed([f"the {word}"])[0], 50)
        assert near and {pid for pid, _ in near} <= own
    # the same ids in each, each its own
    assert hannah.entry(1)["text"] != sam.entry(1)["text"]
    assert {"hannah", "sam"} <= set(postgres.memories(pg_url))
    # a memory that is not there is not made when asked not to
    with pytest.raises(NotFound):
        Memory(pg_url, memory="nobody_here", create=False)
    hannah.close()
    sam.close()


def test_names_and_urls():
    url = "postgresql://me:secret@db.example:5432/family?sslmode=require"
    dsn, name = postgres.split_url(postgres.with_memory(url, "hannah"))
    assert (dsn, name) == (url, "hannah")
    assert postgres.split_url(url) == (url, postgres.DEFAULT_MEMORY)
    for bad in ("Hannah", "a-b", "x; DROP SCHEMA y", "", "1abc"):
        with pytest.raises(BadInput):
            postgres.split_url(url, bad or "")
    with pytest.raises(BadInput):
        Memory("x.db", memory="hannah")  # an SQLite file holds one memory
    # a user's memory (users.Memories over a URL): no two users share one, whatever their names
    users = ["sam", "user-42", "user_42", "a.b@c+d", "x" * 64, "x" * 63 + "y"]
    names = [postgres.memory_of(u) for u in users]
    assert len(set(names)) == len(users) and all(postgres.NAME.match(n) for n in names)


def test_translation():
    t = postgres.translate("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
    assert t.sql == ("INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
    t = postgres.translate("SELECT id FROM people WHERE name = ?1 COLLATE NOCASE UNION SELECT person FROM aliases"
                           " WHERE alias = ?1 COLLATE NOCASE ORDER BY 1")
    assert t.sql == ("SELECT id FROM people WHERE lower(name) = lower(%s) UNION SELECT person FROM aliases"
                     " WHERE lower(alias) = lower(%s) ORDER BY 1 NULLS FIRST")
    assert t.slots == [("arg", 0), ("arg", 0)]
    t = postgres.translate("SELECT p.end, '50%' FROM passages p ORDER BY p.at DESC, p.id LIMIT ?")
    assert t.sql == "SELECT p.\"end\", '50%%' FROM passages p ORDER BY p.at DESC NULLS LAST, p.id NULLS FIRST LIMIT %s"
    assert postgres.translate("INSERT INTO passages_fts (rowid, text, speaker) VALUES (?, ?, ?)").skip
    t = postgres.translate("UPDATE OR IGNORE aliases SET person = ? WHERE person = ?")
    assert t.sql == ("UPDATE aliases SET person = %s WHERE person = %s AND NOT EXISTS"
                     " (SELECT 1 FROM aliases o WHERE o.person = %s AND o.alias = aliases.alias)")
    assert t.slots == [("arg", 0), ("arg", 1), ("arg", 0)]
    t = postgres.translate("SELECT id FROM t WHERE a IN (?, ?, ?) AND instr(lower(x), lower(?)) LIMIT 1")
    assert t.sql == "SELECT id FROM t WHERE a = ANY(%s) AND (instr(lower(x), lower(%s)) > 0) LIMIT 1"
    assert t.slots == [("list", (0, 3)), ("arg", 3)]
    assert postgres.tsquery('"walked" AND "dogs"*') == "'walked' & 'dogs':*"
    assert postgres.tsquery('speaker : "Ann Lee"') == "('Ann':B <-> 'Lee':B)"
    assert postgres.tsquery('"a" OR "b"') == "'a' | 'b'"


def test_cli_memory_option(pg_url):
    from click.testing import CliRunner

    from remembrancer.cli import cli

    url = pg_url
    ok(CliRunner().invoke(cli, ["--db", url, "--memory", "cli_a", "add", "Met Ianto at the Hub.", "--at", "2009-05-01"]))
    r = ok(CliRunner().invoke(cli, ["--db", url, "--memory", "cli_a", "search", "Hub", "--json"]))
    assert json.loads(r.output)[0]["text"] == "Met Ianto at the Hub."
    r = CliRunner().invoke(cli, ["--db", url, "--memory", "cli_b", "search", "Hub"])  # no such memory: not made by a search
    assert r.exit_code == 1 and "No memory 'cli_b'" in r.output and "secret" not in r.output
    ok(CliRunner().invoke(cli, ["--db", url, "--memory", "cli_b", "add", "Met Owen at the Hub.", "--no-extract"]))
    r = ok(CliRunner().invoke(cli, ["--db", url, "--memory", "cli_b", "search", "Ianto", "--json"]))
    assert json.loads(r.output) == []
    r = CliRunner().invoke(cli, ["--memory", "cli_a", "search", "Hub"])
    assert r.exit_code != 0 and "PostgreSQL" in r.output


def test_a_server_keeps_a_memory_per_user_in_one_database(pg_url):
    """`serve --folder postgresql://...`: each user's memory a schema of the database, and no request of one
    user reads another's; the token is kept in the database too."""
    from fastapi.testclient import TestClient

    from remembrancer.server import create_app, ensure_folder_token, folder_token_digest

    headers = {"X-Remembrancer": "1"}
    with TestClient(create_app(folder=pg_url, derive=False), base_url="http://127.0.0.1") as client:
        for user, text in (("sam", "Sailed to Skomer with Ffion."), ("user-42", "Baked bara brith with Nain.")):
            r = client.post("/api/add", params={"user": user}, json={"text": text, "at": "2022-06-01"}, headers=headers)
            assert r.status_code == 200, r.text
        assert [p["text"] for p in client.get("/api/search", params={"q": "Skomer", "user": "sam"}).json()] == ["Sailed to Skomer with Ffion."]
        assert client.get("/api/search", params={"q": "Skomer", "user": "user-42"}).json() == []
        assert client.get("/api/search", params={"q": "bara brith", "user": "sam"}).json() == []
        assert client.get("/api/stats", params={"user": "user-42"}).json()["entries"] == 1
        assert client.get("/api/search", params={"q": "Skomer", "user": "../sam"}).status_code == 400
    assert {postgres.memory_of("sam"), postgres.memory_of("user-42")} <= set(postgres.memories(pg_url))
    token = ensure_folder_token(pg_url)
    assert token and folder_token_digest(pg_url) and ensure_folder_token(pg_url) is None


def test_a_failure_mid_batch_rolls_the_whole_batch_back(open_store):
    """As tests/test_store.py's, on both backends: an entry that cannot be stored takes its batch with it."""
    from remembrancer import capture
    from remembrancer.errors import StoreError

    m = open_store(derive=False)
    m.add("Already here.", at="2020-01-01")
    before = list(m.export())
    good = capture.text_entry("Would be new.", at="2020-01-01")
    broken = capture.text_entry("Broken.", at="2020-01-01")
    broken.kind = None  # NOT NULL: fails inside the transaction, after `good` was inserted
    with pytest.raises(StoreError) as caught:
        m.add_entries([good, broken])
    assert "\n" not in caught.value.line()
    assert list(m.export()) == before and m.search("new") == []
    assert m.add("Now it works.")["new"]


def test_words_are_stemmed_as_fts5_porter_stems_them(open_store):
    """Porter's "died" is "di", not "die" (Snowball's English, which PostgreSQL would use): the same hits on both."""
    m = open_store(derive=False)
    m.add("Grandad died in May.", at="2020-01-01")
    m.add("We all die.", at="2020-01-02")
    assert [h["entry"] for h in m.search("died")] == [1]
    assert [h["entry"] for h in m.search("die")] == [2]
    assert [h["entry"] for h in m.search("dying")] == []


def test_a_memory_made_before_is_brought_up_to_date(pg_url):
    """One made by an earlier version (English stems, no passage_symbols yet) is stemmed again and migrated."""
    name = "before_porter"
    with Memory(pg_url, memory=name, derive=False) as m:
        m.add("Grandad died in May. 🌷", at="2020-01-01")
        raw = m.conn.raw
        raw.execute(f"ALTER TEXT SEARCH DICTIONARY {postgres.CONFIG}_stem (Language = english)")
        raw.execute("UPDATE passages SET text = text")
        raw.execute("DROP TABLE passage_symbols")
        raw.execute("DELETE FROM migrations WHERE name = 'm012_search_symbols'")
        raw.execute(f'COMMENT ON SCHEMA "{postgres.schema_of(name)}" IS \'remembrancer helpers 0\'')
        assert "'die'" in m.query("SELECT tsv::text FROM passages")[0][0]
    with Memory(pg_url, memory=name, derive=False) as m:
        assert "'di'" in m.query("SELECT tsv::text FROM passages")[0][0]
        assert [h["entry"] for h in m.search("died")] == [1]
        assert m.query("SELECT count(*) FROM passage_symbols")[0][0] > 0


def test_a_cue_brings_back_the_same_people_and_evidence_on_both(tmp_path, pg_url):
    """Evidence is gathered in an order of its own, not the order rows lie in a table (edits upsert them:
    PostgreSQL's rows then lie otherwise than SQLite's)."""
    texts = [("Tom and Mary planted roses in the garden behind the old house.", "2020-01-01"),
             ("Mary painted the house blue. Tom fixed the garden gate.", "2020-02-01"),
             ("Tom sold the house in the spring; Mary kept the garden shed.", "2020-03-01"),
             ("The garden was quiet. Mary sat alone by the house with Tom's letters.", "2020-04-01")]
    shown = []
    for m in (Memory(tmp_path / "a.db"), Memory(pg_url, memory="same_evidence")):
        with m:
            for text, at in texts:
                m.add(text, at=at)
            m.edit(1, texts[0][0] + " Tom watered the garden at the house.")
            m.edit(3, texts[2][0] + " Mary cried in the garden.")
            shown.append([[(p["name"], [e["passage"] for e in p["evidence"]]) for p in m.recall(cue)["people"]]
                          for cue in ("garden", "house", "roses")])
    assert shown[0] == shown[1] and shown[0][0]


def test_exact_search_on_postgresql_scans_every_vector(pg_url):
    """`embed.force_exact` on a PostgreSQL memory: every later search compares every vector (a scan, not
    pgvector's HNSW index), which is what bench/lifetime.py measures the index against."""
    import numpy as np

    from remembrancer import embed

    m = Memory(pg_url, memory="exact_scan", derive=False)
    for i in range(120):
        m.add(f"Entry number {i} about the garden and the weather on day {i}.", at=f"2021-01-{1 + i % 28:02d}")
    ids = [r[0] for r in m.query("SELECT id FROM passages ORDER BY id")]
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((len(ids), embed.DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with m.transaction() as conn:
        conn.executemany("INSERT INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                         [(p, embed.MODEL, m.vector_value(v)) for p, v in zip(ids, vectors)])
    q = vectors[5] + 0.5 * vectors[9]
    q /= np.linalg.norm(q)
    want = [ids[i] for i in np.argsort(-(vectors @ q))[:40]]
    assert not embed.index(m).exact
    exact = embed.force_exact(m)
    assert embed.index(m) is exact and [k for k, _ in embed.nearest(m, q, 40)] == want
    # the session's own settings are back after each exact search
    assert m.conn.raw.execute("SHOW enable_indexscan").fetchone()[0] == "on"
    assert m.conn.raw.execute("SHOW hnsw.ef_search").fetchone()[0] == str(postgres.EF_SEARCH)
    m.close()


def test_bm25_kept_on_write_ranks_as_fts_bm25_over_the_matches(pg_url):
    """The write keeps what BM25 reads (the passages' count and tokens, each word's passages and postings),
    through adds, edits, deletes and purges; the statements the postings answer give what `fts_bm25` gives
    over the matches found by the full-text index."""
    with Memory(pg_url, memory="bm25_kept", derive=False) as m:
        for i in range(12):
            m.add(f"Walked the dog to the bay {'again ' * (i % 3)}with Rhys. Entry {i}: tea with Hannah"
                  + (" and Rhys, and the dog." if i % 2 else "."), at=f"2021-03-{i + 1:02d}")
        m.add_chat([{"speaker": "Hannah", "text": "The dog ate my tea."}, {"speaker": "Rhys", "text": "Walking!"}],
                   at="2021-04-01")
        m.edit(2, "Only the harbour today, and a walk.")
        m.delete(3)
        m.purge(3, confirm=True)
        m.delete(5)

        def kept():
            assert m.query("SELECT count(*) FROM fts_delta")[0][0] == 0  # folded as each write committed
            return (m.query("SELECT passages, tokens FROM fts_stats"),
                    sorted(tuple(r) for r in m.query("SELECT lexeme, docs FROM fts_terms WHERE docs > 0")),
                    sorted(tuple(r) for r in m.query("SELECT lexeme, passage, tf, len FROM fts_postings")))

        def recomputed():
            return (m.query("SELECT count(*), coalesce(sum(tokens), 0) FROM passages"),
                    sorted(tuple(r) for r in m.query("SELECT u.lexeme, count(*) FROM passages p, unnest(p.tsv) u GROUP BY 1")),
                    sorted(tuple(r) for r in m.query("SELECT u.lexeme, p.id, coalesce(array_length(u.positions, 1), 1), p.tokens"
                                                     " FROM passages p, unnest(p.tsv) u")))

        assert kept() == recomputed() and kept()[0][0][0] > 10

        conn = m.conn

        def indexed(sql, params):  # the statement as translated: the full-text index and fts_bm25
            t = postgres.translate(sql, conn.returning)
            return [tuple(r) for r in conn.raw.execute(t.sql, conn._params(t, params)).fetchall()]

        rank = "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ? ORDER BY bm25(passages_fts) LIMIT ?"
        runs = "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?"
        newest = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
        count = "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)"
        for query in ('"dog"', '"again" OR "harbour"', '"walking" OR "Rhys" OR "tea"', '"Hannah" OR "nothing"', '"absent"'):
            assert conn.postings(rank, (query, 0, 100)) is not None
            got = [tuple(r) for r in m.query(rank, (query, 0, 100))]
            want = indexed(rank, (query, 0, 100))
            assert sorted(got, key=lambda r: r[0]) == pytest.approx(sorted(want, key=lambda r: r[0]))
            assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in want]
            assert sorted(tuple(r) for r in m.query(runs, (query, 4, 9))) == pytest.approx(sorted(indexed(runs, (query, 4, 9))))
        for query in ('"dog"', '"rhys"', '"absent"'):
            for k in (0, 2, 50):
                assert [tuple(r) for r in m.query(newest, (query, k))] == indexed(newest, (query, k))
            for cap in (1, 3, 1000):
                assert m.query(count, (query, cap))[0][0] == indexed(count, (query, cap))[0][0]
        for other in ('"dog" AND "tea"', '"walk"*', 'speaker : "Hannah"', '"the dog"'):  # the index's, as before
            assert conn.postings(rank, (other, 0, 10)) is None
            assert [tuple(r) for r in m.query(rank, (other, 0, 10))] == indexed(rank, (other, 0, 10))
        with m.transaction() as conn:  # within a write, before it commits: the deltas are counted
            conn.execute("DELETE FROM passages WHERE entry = 4")
            assert m.query("SELECT count(*) FROM fts_delta")[0][0] > 0
            got = sorted(tuple(r) for r in m.query(rank, ('"dog" OR "harbour"', 0, 100)))
            assert got == pytest.approx(sorted(indexed(rank, ('"dog" OR "harbour"', 0, 100))))
        assert kept() == recomputed()
        assert m.search("harbour walk")[0]["entry"] == 2 and m.search("harbour")[0]["score"] > 0


def _sixty_with_vectors(m):
    """Sixty entries in `m`, each passage with a random unit vector (no model loaded): (passage ids, vectors)."""
    import numpy as np

    from remembrancer import embed

    for i in range(60):
        m.add(f"Entry number {i} about the garden and the weather on day {i}.", at=f"2021-01-{1 + i % 28:02d}")
    ids = [r[0] for r in m.query("SELECT id FROM passages ORDER BY id")]
    vectors = np.random.default_rng(3).standard_normal((len(ids), embed.DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with m.transaction() as conn:
        conn.executemany("INSERT INTO embeddings (passage, model, vector) VALUES (?, ?, ?)",
                         [(p, embed.MODEL, m.vector_value(v)) for p, v in zip(ids, vectors)])
    return ids, vectors


def test_warm_reads_within_its_time_and_changes_nothing(pg_url):
    """`warm` reads what the first questions after a server start read (the indexes by id, the passages, the
    HNSW graph by searching, the vectors), in that order, for at most the time given, and writes nothing."""
    from remembrancer import embed

    m = Memory(pg_url, memory="warmed", derive=False)
    ids, vectors = _sixty_with_vectors(m)
    before = "".join(m.export())
    assert m.warm(0) == {}
    done = m.warm(60)
    assert [name for name, _ in postgres.WARM] == list(done)  # everything, in order, in a small memory
    assert all(v == "whole" for k, v in done.items() if k != "embeddings_hnsw") and done["embeddings_hnsw"] > 0
    assert "".join(m.export()) == before
    assert m.conn.raw.execute("SHOW hnsw.ef_search").fetchone()[0] == str(postgres.EF_SEARCH)  # its settings gone
    assert m.conn.raw.execute("SHOW statement_timeout").fetchone()[0] == "0"
    assert [k for k, _ in embed.nearest(m, vectors[7], 1)] == [ids[7]]
    m.close()


def test_warming_runs_beside_the_memory_within_its_time(pg_url, tmp_path):
    """A long-lived process warms a PostgreSQL memory as it opens it (`Memories(warm=)`: `serve`, `mcp`, `worker`): in
    a thread of its own, on a connection of its own, for at most its time; the memory answers meanwhile, and `stop`
    ends it at once, cancelling the statement it waits on. Nothing for an SQLite store, nor with 0 seconds."""
    import time

    import psycopg

    from remembrancer.users import Memories

    url = postgres.with_memory(pg_url, "warming")
    m = Memory(url, derive=False)
    _sixty_with_vectors(m)
    whole = m.warm(60)
    assert list(whole) == [name for name, _ in postgres.WARM] and whole["embeddings_hnsw"] > 100
    warming = postgres.Warming(url, 60)
    warming.thread.join(30)
    assert not warming.thread.is_alive() and warming.error is None and warming.done == whole and warming.took < 30

    # The vectors held by another connection (as a long DDL would): warming waits on them, within its time.
    first = {"passages_pkey": "whole", "embeddings_passage_key": "part"}
    with psycopg.connect(pg_url, autocommit=True) as locker, locker.transaction():
        locker.execute(f'LOCK TABLE "{postgres.schema_of("warming")}".embeddings IN ACCESS EXCLUSIVE MODE')
        start = time.monotonic()
        assert m.warm(1.0) == first
        assert 1.0 <= time.monotonic() - start < 1.0 + 3
        warming = postgres.Warming(url, 60)
        while warming.memory is None and warming.thread.is_alive():
            time.sleep(0.05)
        time.sleep(0.5)
        start = time.monotonic()
        assert m.search("garden")[0]["text"].startswith("Entry number")  # answered beside it
        assert time.monotonic() - start < 5 and warming.thread.is_alive()
        start = time.monotonic()
        assert warming.stop(10) and time.monotonic() - start < 5  # not its 60 s
        assert warming.error is None and warming.done == first
    stopped = postgres.Warming(url, 600)
    assert stopped.stop(10) and stopped.error is None and stopped.done == {}  # stopped before it read anything
    m.close()

    memories = Memories(url, understand=False, warm=30)
    try:
        memories.get().search("garden")
        warming = memories.warmings[url]
        assert memories.warm_up() is warming  # once a process
        warming.thread.join(30)
        assert warming.done == whole
    finally:
        memories.close()
    for off in (Memories(url, understand=False, warm=0), Memories(tmp_path / "m.db", understand=False, warm=30)):
        try:
            off.get()
            assert off.warm_up() is None and off.warmings == {}
        finally:
            off.close()


@pytest.mark.parametrize("command", ["serve", "mcp", "worker"])
def test_the_long_running_commands_warm_a_postgresql_memory_as_they_start(pg_url, command):
    """`serve`, `mcp` and `worker` warm the memory they open in the background (--warm SECONDS, default
    postgres.WARM_SECONDS) and say so on standard error; --warm 0 does not; a one-shot command never does."""
    import json
    import os
    import subprocess
    import sys
    import threading
    import time
    import urllib.request

    from click.testing import CliRunner
    from conftest import stop_group

    from remembrancer.cli import cli

    url = postgres.with_memory(pg_url, f"warm_{command}")
    with Memory(url, derive=False) as m:
        _sixty_with_vectors(m)
    args = {"serve": ["serve", "--port", "0", "--json"], "mcp": ["mcp"], "worker": ["worker", "--once"]}[command]
    hello = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "0"}}}

    def run(extra) -> list[str]:
        """Start the command, wait until it serves (a worker: until it is done), give warming 5 s; what it said."""
        proc = subprocess.Popen([sys.executable, "-m", "remembrancer.cli", "--db", url, *args, *extra],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, PYTHONUNBUFFERED="1"), start_new_session=True)
        said = []
        reader = threading.Thread(target=lambda: said.extend(proc.stderr), daemon=True)
        reader.start()
        try:
            if command == "serve":
                base = json.loads(proc.stdout.readline())["url"]
                for _ in range(600):
                    try:
                        with urllib.request.urlopen(base + "api/stats", timeout=2) as r:
                            assert json.loads(r.read())["entries"] == 60
                        break
                    except OSError:
                        time.sleep(0.2)
            elif command == "mcp":
                proc.stdin.write(json.dumps(hello) + "\n")
                proc.stdin.flush()
                assert json.loads(proc.stdout.readline())["id"] == 1, "".join(said)[-2000:]
            else:
                assert proc.wait(timeout=600) == 0, "".join(said)[-2000:]
            deadline = time.monotonic() + 5
            while not [s for s in said if s.startswith("Warmed ")] and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            if proc.poll() is None:
                stop_group(proc)
            reader.join(10)
        return said

    said = run([])
    warmed = [line for line in said if line.startswith("Warmed ")]
    assert len(warmed) == 1 and "memory=warm_" in warmed[0] and "passages_pkey" in warmed[0], "".join(said)[-2000:]
    assert "postgres:@" not in warmed[0]
    said = run(["--warm", "0"])
    assert not [line for line in said if "Warmed" in line], "".join(said)[-2000:]
    result = CliRunner().invoke(cli, ["--db", url, "search", "garden"])
    assert result.exit_code == 0 and "Warmed" not in result.output + result.stderr


# Hannah's memory, and the words only it holds: no request of another user may ever answer with one of them.
HANNAH = [("Tea with my aunt Gwendolyn in Aberystwyth; she gave me her pearl brooch.", "2020-01-02"),
          ("Aunt Gwendolyn died on 3 March 2021. I wore the pearl brooch to her funeral in Aberystwyth.", "2021-03-05")]
HERS = ("aberystwyth", "brooch", "pearl", "funeral")
SAMS = [("Rode the ferry to Bergen with my friend Oskar.", "2020-01-02"),
        ("Oskar's sister Ingrid cooked fish for us in Bergen.", "2021-03-05")]


def _filled(schema: dict, spec: dict, name: str = ""):
    """A value for an OpenAPI schema, naming Hannah's aunt and her days wherever a name or a date goes."""
    if "$ref" in schema:  # "#/components/schemas/X" of the API's description, "#/$defs/X" of a tool's
        target = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _filled(target, spec, name)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return _filled(next(s for s in schema[key] if s.get("type") != "null"), spec, name)
    kind = schema.get("type")
    if kind == "object":
        return {k: _filled(v, spec, k) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [_filled(schema.get("items", {}), spec, name)]
    if kind == "integer":
        return 1
    if kind == "boolean":
        return True
    return {"at": "2020-01-02", "date": "2020-01-02", "now": "2030-01-01", "from": "2019-01-01", "to": "2030-01-01",
            "q": "What did Gwendolyn give me?", "question": "What did Gwendolyn give me?", "cue": "tea", "format": "jsonl",
            "passages": "1,2,3", "kind": "person", "relation": "aunt", "rating": "good", "item": "person:Aunt Gwendolyn",
            "text": "Bryn rang.", "speaker": "Bryn", "start": "2019-01-01", "end": "2030-01-01"}.get(name, "Gwendolyn")


def test_no_endpoint_or_tool_of_one_user_reaches_another_users_memory(pg_url, request, tmp_path):
    """`serve --folder postgresql://...`: every endpoint of the API (walked from its OpenAPI description, so a new
    one is tried too) and every MCP tool, called as Sam with Hannah's names, ids, words and days, answers from Sam's
    memory alone: never a word of Hannah's entries, through search, answers, cues, people, the graph, the timeline,
    pages, exports, vectors or a cache Hannah's requests filled; and Sam's writes leave Hannah's memory as it was."""
    from conftest import folder_on
    from fastapi.testclient import TestClient

    from remembrancer.server import create_app

    folder = folder_on("postgres", request, tmp_path)
    headers = {"X-Remembrancer": "1"}
    app = create_app(folder=folder, derive=True)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for user, story in (("hannah", HANNAH), ("sam", SAMS)):
            for text, at in story:
                assert client.post("/api/add", params={"user": user}, json={"text": text, "at": at}, headers=headers).status_code == 200
        upload = client.post("/api/import", params={"user": "hannah"}, headers=headers,
                             files={"file": ("letter.txt", b"A letter about the pearl brooch from Aberystwyth.")})
        hannahs_job = upload.json()["job"]
        assert app.state.memories.settle(600)
        spec = app.openapi()

        def calls(user, reads_only=False):
            """(method, path, response text) of every operation of the API, as `user`."""
            for path, operations in spec["paths"].items():
                for method, op in operations.items():
                    if reads_only and method != "get":
                        continue
                    params, url = {"user": user}, path
                    for p in op.get("parameters", []):
                        value = _filled(p.get("schema", {}), spec, p["name"])
                        if p["name"] == "job":
                            value = hannahs_job
                        if p["in"] == "path":
                            url = url.replace("{" + p["name"] + "}", str(value))
                        elif p["name"] != "user":
                            params[p["name"]] = value
                    content = op.get("requestBody", {}).get("content", {})
                    kwargs = {}
                    if "application/json" in content:
                        kwargs["json"] = _filled(content["application/json"].get("schema", {}), spec)
                        if "/events/" in path:
                            kwargs["json"]["kind"] = "death"
                    elif "multipart/form-data" in content:
                        kwargs["files"] = {"file": ("note.txt", b"Bryn rang about Sunday.")}
                    r = client.request(method.upper(), url, params=params, headers=headers, **kwargs)
                    assert r.status_code < 500, (method, url, r.text)
                    yield method, path, r.text.lower()

        def mcp(user, reads_only=False):
            """Every MCP tool's answer, as `user`, asking after Hannah's aunt."""
            listed = client.post("/mcp", headers={**headers, "Accept": "application/json, text/event-stream"},
                                 json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}).json()["result"]["tools"]
            assert len(listed) == 9
            for n, tool in enumerate(listed, 2):
                if reads_only and tool["name"] in ("remember", "correct"):
                    continue
                arguments = _filled(tool["inputSchema"], tool["inputSchema"])
                arguments["user"] = user
                if tool["name"] == "remember":
                    arguments.pop("messages", None)
                if tool["name"] == "correct":
                    arguments.update(kind="merge", args={"a": "Gwendolyn", "b": "Oskar"})
                r = client.post("/mcp", headers={**headers, "Accept": "application/json, text/event-stream"},
                                json={"jsonrpc": "2.0", "id": n, "method": "tools/call",
                                      "params": {"name": tool["name"], "arguments": arguments}})
                assert r.status_code == 200, r.text
                yield "mcp", tool["name"], r.text.lower()

        # Hannah's requests first: what they find (and every cache they fill) is hers.
        theirs = {path for method, path, text in [*calls("hannah", True), *mcp("hannah", True)] if any(w in text for w in HERS)}
        assert {"/api/search", "/api/ask", "/api/recall", "/api/export", "/api/timeline", "/api/entries/{entry_id}",
                "ask", "timeline"} <= theirs, sorted(theirs)
        before = client.get("/api/export", params={"user": "hannah", "format": "jsonl"}).text
        for _ in range(2):  # and again after Sam's writes
            leaks = [(method, path) for method, path, text in [*calls("sam"), *mcp("sam")] if any(w in text for w in HERS)]
            assert leaks == []
        assert client.get("/api/export", params={"user": "hannah", "format": "jsonl"}).text == before


def test_every_command_finds_its_memory_by_db_and_memory_or_the_environment(pg_url, tmp_path):
    """Every CLI command (walked from the click group, so a new one is tried too) reads the memory that --db and
    --memory, or $REMEMBRANCER_DB and $REMEMBRANCER_MEMORY, name: one not made yet is "No memory" to every command
    that reads (none makes it), `add` makes it, then every command answers from it or says in one line why not;
    `path` names it without a password. (`serve`, `mcp`, `worker`: test_the_long_running_commands_...; `copy`
    takes its URLs as arguments: tests/test_workers.py.)"""
    import os

    import click
    from click.testing import CliRunner

    from remembrancer.cli import cli

    (tmp_path / "note.txt").write_text("Tea with Gwen at the Hub.")

    def commands(group, words=()):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from commands(command, (*words, name))
            elif name not in ("serve", "mcp", "worker", "copy"):
                args = [p for p in command.params if isinstance(p, click.Argument) and p.required]
                yield (*words, name), [str(tmp_path / "note.txt") if isinstance(p.type, click.Path) else
                                       "1" if isinstance(p.type, click.types.IntParamType) else
                                       p.type.choices[0] if isinstance(p.type, click.Choice) else "Gwen"
                                       for p in args for _ in range(max(p.nargs, 1))]

    every = list(commands(cli))
    assert len(every) > 35 and ("entry", "purge") in [w for w, _ in every]
    name = f"cmds_{os.getpid()}"
    ways = {"environment": ([], {"REMEMBRANCER_DB": pg_url, "REMEMBRANCER_MEMORY": name}),
            "options": (["--db", pg_url, "--memory", name], {})}

    def run(way, *args, **kw):
        options, env = ways[way]
        return CliRunner().invoke(cli, [*options, *args], env={**env, "EDITOR": "true"}, input="n\n", **kw)

    for way in ways:
        for words, args in every:
            if words[0] in ("path", "add", "import", "encrypt", "decrypt"):
                continue  # they make it, or need no memory (encrypt, decrypt: a file's key first)
            r = run(way, *words, *args)
            assert r.exit_code == 1 and f"No memory '{name}'" in r.output, (way, words, r.output)
        path = run(way, "path").output.strip()
        assert path.endswith(f"memory={name}") and "postgres:@" not in path and ":secret@" not in path
    assert run("environment", "add", "Tea with Gwen at the Hub.", "--at", "2020-01-02").exit_code == 0
    assert all('"entries": 1' in run(way, "stats", "--json").output for way in ways)  # the one made, both ways
    for way in ways:
        for words, args in every:
            r = run(way, *words, *args)
            assert r.exception is None or isinstance(r.exception, SystemExit), (way, words, r.output)
            assert "Traceback" not in r.output and (r.exit_code == 0 or r.output.strip().splitlines()[-1].startswith("Error: ")), (
                way, words, r.output)


def test_a_read_only_server_is_searched_as_the_primary_is_never_written(pg_url):
    """A replica for searching (a hot standby; here a connection the server keeps read-only, as a standby does): a
    memory opens on it as it is, answers as on the primary, and refuses writes in one typed line; it is never made,
    derived nor brought up to date there."""
    from urllib.parse import quote

    from remembrancer.errors import StoreError

    primary = Memory(pg_url, memory="replicated", derive=False)
    for text, at in STORY:
        primary.add(text, at=at)
    replica_url = f"{pg_url}{'&' if '?' in pg_url else '?'}options={quote('-c default_transaction_read_only=on')}"
    replica = Memory(replica_url, memory="replicated")  # derive=True: nothing is derived on a replica
    assert replica.readonly and not primary.readonly
    assert replica.pending_counts() == primary.pending_counts() and any(primary.pending_counts().values())
    for q in ("Hannah surgery", "dogs bay"):
        assert replica.search(q) == primary.search(q)
    assert replica.timeline() == primary.timeline() and replica.entry(2) == primary.entry(2)
    assert replica.ask("Who went along the bay?")["passages"] == primary.ask("Who went along the bay?")["passages"]
    assert "".join(replica.export()) == "".join(primary.export())
    with pytest.raises(StoreError, match="read-only"):
        replica.add("Written on a replica.", at="2021-05-01")
    assert primary.stats()["entries"] == 3
    with pytest.raises(StoreError, match="No memory 'elsewhere' on this read-only server"):
        Memory(replica_url, memory="elsewhere")
    replica.close()
    primary.close()
