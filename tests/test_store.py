"""The store, against real SQLite files: migrations, capture, de-duplication, search, export, check, errors."""
import json
import sqlite3

import pytest

from conftest import BACKENDS, EXAMPLES, dump, file_digest, store_on
from remembrancer import capture, lexical, migrations, store
from remembrancer.errors import (BadDate, BadEncoding, BadFormat, BadInput, BinaryInput, EmptyInput, NotFound, StoreCorrupt,
                                 StoreError, StoreLocked, UnknownFormat)
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test using `db`, `memory` or `run`: on SQLite, then on PostgreSQL


def count(memory, table):
    return memory.query(f"SELECT count(*) FROM {table}")[0][0]


# -- the file ---------------------------------------------------------------------------------
@pytest.mark.sqlite_only  # SQLite's PRAGMAs (PostgreSQL's migrations: tests/test_postgres.py)
def test_a_blank_file_gets_every_migration_recorded_in_order(db):
    with Memory(db, derive=False) as memory:
        names = [r[0] for r in memory.query("SELECT name FROM migrations ORDER BY rowid")]
        assert names == [fn.__name__ for fn in migrations.MIGRATIONS]
        assert memory.query("PRAGMA journal_mode")[0][0] == "wal"
        assert memory.query("PRAGMA foreign_keys")[0][0] == 1
        tables = {r[0] for r in memory.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"entries", "passages", "passages_fts", "processed", "migrations"} <= tables
        memory.add("Kept.", at="2020-01-01")
        applied = memory.query("SELECT name, applied FROM migrations")
    with Memory(db, derive=False) as again:  # reopening applies nothing twice and keeps the data
        assert again.query("SELECT name, applied FROM migrations") == applied
        assert count(again, "entries") == 1
        assert again.check() == []


@pytest.mark.sqlite_only  # an older file made by hand
def test_an_older_store_is_brought_up_to_date_keeping_its_entries(db):
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    conn.execute("BEGIN")
    migrations.MIGRATIONS[0](conn)
    conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (migrations.MIGRATIONS[0].__name__,))
    conn.execute(
        "INSERT INTO entries (text, at, added, hash, words) VALUES ('Old words.', '2001-01-01', '2001-01-01', ?, 2)",
        (store.content_hash(capture.Entry(text="Old words.")),),
    )
    conn.execute("INSERT INTO passages (id, entry, seq, start, end, text) VALUES (1, 1, 0, 0, 10, 'Old words.')")
    conn.execute("INSERT INTO passages_fts (rowid, text) VALUES (1, 'Old words.')")
    conn.execute("COMMIT")
    conn.close()
    with Memory(db, derive=False) as memory:
        assert [r[0] for r in memory.query("SELECT name FROM migrations ORDER BY rowid")] == [
            fn.__name__ for fn in migrations.MIGRATIONS]
        assert memory.search("old")[0]["text"] == "Old words."
        assert memory.check() == []


MAIN_ONLY = ("m008_entry_versions", "m009_statements", "m010_confidence", "m013_messages", "m014_import_sources",
             "m015_person_facts")
RELIABLE_ONLY = ("m012_failures", "m012_search_symbols")
# the migrations there were when the two lines met: a store either made has none written after (m020_life9 alters
# person_facts, which a store made by the reliability line gets from m015 when opened)
MET = [fn.__name__ for fn in migrations.MIGRATIONS].index("m012_search_symbols") + 1


@pytest.mark.sqlite_only  # an older file made by hand
@pytest.mark.parametrize("left_out", [RELIABLE_ONLY, MAIN_ONLY], ids=["made-by-main", "made-by-reliable"])
def test_a_store_made_before_the_two_lines_of_migrations_met_is_brought_up_to_date(db, left_out):
    """The reliability work (m012_*) and main's (m008-m015) were written side by side: a store made by either,
    with the other's migrations missing, takes them when opened, and its passages are searchable by emoji."""
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    for fn in migrations.MIGRATIONS[:MET]:
        if fn.__name__ in left_out:
            continue
        conn.execute("BEGIN")
        fn(conn)
        conn.execute("INSERT INTO migrations VALUES (?, datetime('now'))", (fn.__name__,))
        conn.execute("COMMIT")
    text = "Tulips \U0001f337 at the allotment."
    conn.execute("INSERT INTO entries (text, at, added, hash, words) VALUES (?, '2001-01-01', '2001-01-01', ?, 5)",
                 (text, store.content_hash(capture.Entry(text=text))))
    conn.execute("INSERT INTO passages (id, entry, seq, start, end, text) VALUES (1, 1, 0, 0, ?, ?)", (len(text), text))
    conn.execute("INSERT INTO passages_fts (rowid, text) VALUES (1, ?)", (text,))
    if "m012_search_symbols" not in left_out:
        conn.execute("INSERT INTO passage_symbols (symbol, passage) VALUES ('\U0001f337', 1)")
    conn.close()
    with Memory(db, derive=False) as memory:
        assert sorted(r[0] for r in memory.query("SELECT name FROM migrations")) == sorted(
            fn.__name__ for fn in migrations.MIGRATIONS)
        assert [p["text"] for p in memory.search("\U0001f337")] == [text]
        assert memory.failures() == [] and memory.trash() == [] and memory.check() == []
        memory.add("Coffee with Bethan \u2615.", at="2002-02-02")
        assert [p["text"] for p in memory.search("\u2615")] == ["Coffee with Bethan \u2615."]


@pytest.mark.sqlite_only  # a file changed by hand
def test_a_store_a_newer_remembrancer_made_is_left_alone(db, run):
    """Opened by an older install, a store with a newer schema got no error, but every entry added after failed
    to be understood in the background (FOREIGN KEY constraint failed, a table the old code knows nothing of)."""
    with Memory(db, derive=False) as memory:
        memory.add("Coffee with Bethan at Providero.")
        memory.conn.execute("INSERT INTO migrations VALUES ('m999_from_a_later_version', datetime('now'))")
    digest = file_digest(db)
    with pytest.raises(StoreError, match="made by a newer remembrancer .*m999_from_a_later_version") as caught:
        Memory(db, derive=False)
    assert "nothing was changed" in caught.value.remedy
    result = run("add", "Tea with Owen.")
    assert result.exit_code == 1 and "newer remembrancer" in result.stderr and file_digest(db) == digest


@pytest.mark.sqlite_only  # a file
def test_an_empty_file_becomes_a_store(db):
    db.write_bytes(b"")
    with Memory(db, derive=False) as memory:
        assert memory.add("Hello.")["new"]


def test_default_path_follows_env_then_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert store.default_path() == tmp_path / "data" / "remembrancer" / "memories.db"
    monkeypatch.setenv("REMEMBRANCER_DB", str(tmp_path / "elsewhere.db"))
    assert store.default_path() == tmp_path / "elsewhere.db"
    with Memory(derive=False) as memory:
        assert memory.path == tmp_path / "elsewhere.db"


# -- capture ----------------------------------------------------------------------------------
def test_add_keeps_the_raw_text_and_its_passages(memory):
    text = "  Coffee with Ianto at the Hub.\r\nHe never let me near the machine. Café au lait — 😀\n\n\tEnd.  "
    result = memory.add(text, at="8 May 2009 9:15 pm", author="Jack", source="journal")
    assert result["new"] and result["words"] == len(text.split())
    entry = memory.entry(result["entry"])
    assert entry["text"] == text
    assert (entry["at"], entry["author"], entry["source"], entry["kind"]) == ("2009-05-08T21:15:00", "Jack", "journal", "text")
    rows = memory.query("SELECT start, end, text, speaker, ref FROM passages WHERE entry = ? ORDER BY seq", (result["entry"],))
    assert len(rows) == result["passages"] >= 2
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert count(memory, "passages_fts") == count(memory, "passages")
    assert memory.check() == []


def test_add_dates_from_the_text_else_now(memory):
    a = memory.add("---\ndate: 2021-03-14\n---\nSunday.")
    b = memory.add("2 June 2021\n\nTom rang.")
    before = store.dates.now()
    c = memory.add("No date anywhere.")
    assert memory.entry(a["entry"])["at"] == "2021-03-14"
    assert memory.entry(b["entry"])["at"] == "2021-06-02"
    assert before <= memory.entry(c["entry"])["at"] <= store.dates.now()


def test_add_chat_one_passage_per_turn(memory):
    result = memory.add_chat([("Maggie", "Hi!", "D1:1"), ("Priya", "Hello, Maggie.", "D1:2")], at="2023-09-02")
    rows = memory.passages(r[0] for r in memory.query("SELECT id FROM passages ORDER BY id"))
    assert [(p["speaker"], p["ref"], p["text"], p["at"], p["entry"]) for p in rows] == [
        ("Maggie", "D1:1", "Hi!", "2023-09-02", result["entry"]),
        ("Priya", "D1:2", "Hello, Maggie.", "2023-09-02", result["entry"]),
    ]
    assert memory.entry(result["entry"])["text"] == "Maggie: Hi!\nPriya: Hello, Maggie."


def test_add_files_and_folders(memory, tmp_path):
    folder = tmp_path / "journal"
    (folder / "2023").mkdir(parents=True)
    (folder / "one.md").write_text("---\ndate: 2020-02-02\n---\nOne.", encoding="utf-8")
    (folder / "2023" / "two.txt").write_text("Two.", encoding="utf-8")
    (folder / "2023" / "ignored.csv").write_text("a,b", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("Three.", encoding="utf-8")
    result = memory.add_files([folder, single], author="me")
    assert (result["entries"], result["duplicates"]) == (3, 0)
    rows = memory.query("SELECT text, at, author, source FROM entries ORDER BY id")
    assert [(r["text"], r["author"]) for r in rows] == [  # a folder in path order
        ("Two.", "me"), ("---\ndate: 2020-02-02\n---\nOne.", "me"), ("Three.", "me")]
    assert rows[0]["source"] == str(folder / "2023" / "two.txt")
    assert rows[1]["at"] == "2020-02-02"


def test_add_files_takes_one_path_as_its_type_says(memory, tmp_path):
    """A folder or file given alone, as a Path or as text, is that folder or file (not its characters)."""
    folder = tmp_path / "journal"
    folder.mkdir()
    (folder / "one.txt").write_text("One.", encoding="utf-8")
    (folder / "two.txt").write_text("Two.", encoding="utf-8")
    assert memory.add_files(folder)["entries"] == 2
    assert memory.add_files(str(folder / "one.txt"))["duplicates"] == 1


def test_import_locomo_and_jsonl(memory, tmp_path):
    result = memory.import_file("locomo", EXAMPLES / "chat.json")
    data = json.loads((EXAMPLES / "chat.json").read_text(encoding="utf-8"))
    turns = [t for k, v in data[0]["conversation"].items() if k.startswith("session_") and isinstance(v, list) for t in v]
    assert result["passages"] == len(turns)
    refs = {r[0] for r in memory.query("SELECT ref FROM passages")}
    assert refs == {t["dia_id"] for t in turns}
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"text": "From a line.", "at": "2022-02-02", "author": "Ann"}) + "\n", encoding="utf-8")
    assert memory.import_file("jsonl", lines)["entries"] == 1
    with pytest.raises(UnknownFormat):
        memory.import_file("csv", lines)


# -- de-duplication -----------------------------------------------------------------------------
def test_the_same_content_is_stored_once(memory):
    first = memory.add("The same words.", at="2020-01-01")
    again = memory.add("The same words.", at="2024-12-31", author="someone else")
    assert again == {"entry": first["entry"], "new": False, "passages": 0, "words": 3}
    batch = memory.add_entries([capture.text_entry("New.", at="2020-01-01"), capture.text_entry("New.", at="2020-01-01"),
                                capture.text_entry("The same words.", at="2020-01-01")])
    assert (batch["entries"], batch["duplicates"]) == (1, 2)
    assert count(memory, "entries") == 2 and count(memory, "passages") == 2
    assert memory.check() == []


def test_a_chat_is_the_same_only_on_the_same_day(memory):
    turns = [("A", "Hi.", "D1:1"), ("B", "Hello.", "D1:2")]
    assert memory.add_chat(turns, at="2023-01-01")["new"]
    assert not memory.add_chat(turns, at="2023-01-01")["new"]
    assert memory.add_chat(turns, at="2023-01-02")["new"]  # "Hi." "Hello." again, another day
    assert memory.import_file("locomo", EXAMPLES / "chat.json")["duplicates"] == 0
    assert memory.import_file("locomo", EXAMPLES / "chat.json")["entries"] == 0


# -- search -----------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=BACKENDS)
def searchable(tmp_path_factory, request):
    """One store for the tests that only search it, on each backend."""
    with Memory(store_on(request.param, request, tmp_path_factory.mktemp("search")), derive=False) as memory:
        memory.add("Coffee with Ianto at the Hub. He never let me near the machine.", at="2009-05-01", author="Jack")
        memory.add("Ianto didn't like tea, he said.", at="2009-05-02")
        memory.add("We drank coffee in the Café Bleu, Zoë and I.", at="2010-01-01")
        memory.add("Estelle's photographs: 1941, the dance hall.", at="2008-01-01")
        memory.add_chat([("Gwen", "Rhys burnt the toast again.", "D1:1"), ("Jack", "Some things never change.", "D1:2")],
                        at="2009-06-01")
        yield memory


HOSTILE = ['"', '""', "'", "don't", "*", "**", "co*", "AND", "OR", "NOT", "NEAR", "AND OR NOT", "-", "--", "-coffee",
           "coffee -tea", "(", ")", "((coffee", "coffee)", "a:b", "text:coffee", "speaker:Gwen", "{text}: coffee",
           "^coffee", "+coffee", "coffee AND", "OR tea", "NEAR(coffee tea)", "coffee NEAR tea", "\\", "%", "_", "'; DROP TABLE entries; --",
           "Zoë", "ZOE", "café", "cafe", "日本語", "Ыы", "😀", "\x00", "\n\t", "   ", "", "coffee" * 300,
           " ".join(f"w{i}" for i in range(2000)), "the the the", "Estelle's", "1941", "Ianto’s"]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_text_a_person_types_is_a_query(searchable, query):
    results = searchable.search(query)
    assert isinstance(results, list)
    for r in results:
        assert set(r) == {"passage", "entry", "ref", "at", "speaker", "text", "score"}


@pytest.mark.parametrize("query, expected", [
    ("didn't", "Ianto didn't like tea, he said."),
    ("Estelle's", "Estelle's photographs: 1941, the dance hall."),
    ("1941", "Estelle's photographs: 1941, the dance hall."),
    ("cafe", "We drank coffee in the Café Bleu, Zoë and I."),
    ("CAFÉ", "We drank coffee in the Café Bleu, Zoë and I."),
    ("zoe", "We drank coffee in the Café Bleu, Zoë and I."),
    ("toast AND", "Rhys burnt the toast again."),
    ("photo*", "Estelle's photographs: 1941, the dance hall."),
    ('"burnt the toast', "Rhys burnt the toast again."),
    ("never-change", "Some things never change."),
])
def test_syntax_is_read_as_words(searchable, query, expected):
    assert searchable.search(query)[0]["text"] == expected


def test_every_word_ranks_first_then_any_word(searchable):
    results = searchable.search("coffee with Ianto")
    assert results[0]["text"].startswith("Coffee with Ianto")
    assert {r["text"] for r in results} == {
        "Coffee with Ianto at the Hub. He never let me near the machine.",
        "Ianto didn't like tea, he said.",
        "We drank coffee in the Café Bleu, Zoë and I.",
    }
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    assert searchable.search("coffee with Ianto", limit=1) == results[:1]
    assert searchable.search("zebra xylophone") == []


def test_past_the_rank_window_rare_words_score_and_the_newest_matches_rank(memory, monkeypatch):
    monkeypatch.setattr(lexical, "RANK_WINDOW", 4)
    for i in range(10):
        memory.add(f"Tea in the garden, day {i}.", at="2020-01-01")
    both = memory.add("Tea with Ianto.", at="2020-01-02")["entry"]
    memory.add("Ianto again.", at="2020-01-03")
    hits = memory.search("tea Ianto")
    assert hits[0]["entry"] == both
    assert [h["text"] for h in hits[1:]] == ["Ianto again."]  # "tea" is too common to fill the list
    newest = {r[0] for r in memory.query("SELECT p.id FROM passages p JOIN passages_fts f ON f.rowid = p.id"
                                         " WHERE passages_fts MATCH 'tea' ORDER BY p.id DESC LIMIT 4")}
    assert {h["passage"] for h in memory.search("tea", limit=20)} == newest
    monkeypatch.setattr(lexical, "RANK_WINDOW", 100)  # a small store: plain BM25 over every word
    assert len(memory.search("tea Ianto", limit=20)) == 12


def test_a_search_result_has_its_chat_turn_speaker_ref_and_date(searchable):
    [hit] = searchable.search("toast")
    assert (hit["speaker"], hit["ref"], hit["at"]) == ("Gwen", "D1:1", "2009-06-01")
    assert searchable.entry(hit["entry"])["kind"] == "chat"


# -- export, check, backup, stats ----------------------------------------------------------------
def fill(memory, tmp_path):
    memory.add("Plain, with an author.", at="2001-02-03", author="Ann", source="letters")
    memory.add("---\ndate: 2021-03-14\n---\nFront matter\r\nand Windows lines.\r\n")
    memory.add("Undated, so dated now. Twice  spaced,\ttabbed, 日本語 and 😀.")
    memory.add("A time of day too.", at="2022-02-02 13:14:15")
    memory.add_chat([("A", "Hello.", "x1"), ("B", "", "x2"), (None, "Narration.", None)], at="2020-05-05", author="Me")
    memory.import_file("locomo", EXAMPLES / "chat.json")
    for p in sorted((EXAMPLES / "journal").iterdir()):
        memory.add_files([p])


def entries_of(memory):
    return sorted(tuple(r) for r in memory.query("SELECT text, at, author, source, kind, hash, meta FROM entries"))


def passages_of(memory):
    return sorted(tuple(r) for r in memory.query(
        "SELECT e.hash, p.seq, p.start, p.end, p.speaker, p.ref, p.text FROM passages p JOIN entries e ON e.id = p.entry"))


def test_export_then_import_gives_the_same_entries_dates_and_authors(memory, tmp_path):
    fill(memory, tmp_path)
    exported = tmp_path / "export.jsonl"
    exported.write_text("".join(memory.export("jsonl")), encoding="utf-8")
    with Memory(tmp_path / "copy.db", derive=False) as copy:
        result = copy.import_file("jsonl", exported)
        assert result["entries"] == count(memory, "entries") and result["duplicates"] == 0
        assert entries_of(copy) == entries_of(memory)
        assert passages_of(copy) == passages_of(memory)
        assert copy.check() == []
        assert copy.import_file("jsonl", exported)["entries"] == 0  # and once only


def test_markdown_export_holds_every_text(memory, tmp_path):
    fill(memory, tmp_path)
    markdown = "".join(memory.export("markdown"))
    for row in memory.query("SELECT text, at FROM entries"):
        assert row["text"] in markdown
        assert f"## {row['at']}" in markdown
    with pytest.raises(UnknownFormat):
        list(memory.export("pdf"))


@pytest.mark.sqlite_only  # FTS5's own index damaged by hand
def test_check_finds_damage_and_repair_rebuilds_the_index(memory, tmp_path):
    fill(memory, tmp_path)
    assert memory.check() == []
    memory.conn.execute("DELETE FROM passages_fts WHERE rowid = 1")  # an index out of step (contentless delete)
    assert any("search index" in p for p in memory.check())
    memory.repair()
    assert memory.check() == []
    memory.conn.execute("UPDATE entries SET text = text || '!' WHERE id = 1")
    assert memory.check() == ["entry 1: its text no longer matches its content hash"]
    memory.conn.execute("UPDATE passages SET start = start + 1 WHERE id = 2")
    assert "passage 2: does not match its place in entry 2" in memory.check()


def test_check_finds_a_text_a_passage_or_a_version_changed_behind_its_back(memory, tmp_path):
    fill(memory, tmp_path)
    memory.edit(1, "Edited: " + memory.entry(1)["text"])  # a version to check too
    assert memory.check() == []
    with memory.transaction() as conn:
        conn.execute("UPDATE entries SET text = text || '!' WHERE id = 1")
        conn.execute("UPDATE versions SET text = text || '?' WHERE entry = 1")
        conn.execute("UPDATE passages SET start = start + 1 WHERE id = (SELECT min(id) FROM passages WHERE entry = 2)")
    passage = memory.entry(2)["passages"][0]["passage"]
    assert sorted(memory.check()) == sorted(["entry 1: its text no longer matches its content hash",
                                             "entry 1 version 1: its text no longer matches its content hash",
                                             f"passage {passage}: does not match its place in entry 2"])


@pytest.mark.sqlite_only  # PostgreSQL is backed up by the server
def test_backup_is_a_whole_copy(memory, tmp_path):
    fill(memory, tmp_path)
    target = memory.backup(tmp_path / "backups" / "copy.db")
    with Memory(target, derive=False) as copy:
        assert entries_of(copy) == entries_of(memory)
        assert copy.check() == []
    with pytest.raises(StoreError, match="already exists"):
        memory.backup(target)


def test_stats(memory, tmp_path, backend):
    fill(memory, tmp_path)
    stats = memory.stats()
    assert stats["entries"] == count(memory, "entries")
    assert stats["passages"] == count(memory, "passages")
    assert stats["words"] == sum(len(r[0].split()) for r in memory.query("SELECT text FROM entries"))
    assert stats["first_at"] == memory.query("SELECT min(at) FROM entries")[0][0]
    assert stats["path"] == getattr(memory.path, "shown", str(memory.path)) and stats["bytes"] > 0
    if backend == "postgres":  # the URL without its password, the memory's tables' size on the server
        assert stats["memory"] == memory.name and ":@" not in stats["path"]
        return
    wal = memory.path.with_name(memory.path.name + "-wal")  # after a kill, all that was written is here: 4,096 bytes said 'empty'
    assert wal.stat().st_size and stats["bytes"] == memory.path.stat().st_size + wal.stat().st_size


# -- bad input leaves the store exactly as it was ---------------------------------------------------
def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


BAD = {
    "empty text": (EmptyInput, lambda m, d: m.add("   \n ")),
    "NUL in text": (BinaryInput, lambda m, d: m.add("a\x00b")),
    "bad date": (BadDate, lambda m, d: m.add("Fine.", at="the day after never")),
    "empty chat": (EmptyInput, lambda m, d: m.add_chat([])),
    "binary file": (BinaryInput, lambda m, d: m.add_files([d / "ok.txt", write(d / "photo.txt", b"\x89PNG\r\n\x00\x00")])),
    "invalid UTF-8": (BadEncoding, lambda m, d: m.add_files([d / "ok.txt", write(d / "latin.txt", "café".encode("latin-1"))])),
    "missing file": (NotFound, lambda m, d: m.add_files([d / "ok.txt", d / "missing.txt"])),
    "empty folder": (NotFound, lambda m, d: m.add_files([d / "ok.txt", d / "empty"])),
    "unknown format": (UnknownFormat, lambda m, d: m.import_file("csv", d / "ok.txt")),
    "malformed JSONL": (BadFormat, lambda m, d: m.import_file("jsonl", write(d / "x.jsonl", '{"text": "ok"}\n{"text": \n'))),
    "malformed LoCoMo": (BadFormat, lambda m, d: m.import_file("locomo", write(d / "x.json", "[{"))),
    "missing import": (NotFound, lambda m, d: m.import_file("jsonl", d / "nope.jsonl")),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_a_typed_error_and_changes_nothing(memory, tmp_path, case):
    fill(memory, tmp_path)
    write(tmp_path / "ok.txt", "A perfectly good file.")
    (tmp_path / "empty").mkdir()
    before = dump(memory.path)
    error, action = BAD[case]
    with pytest.raises(error) as caught:
        action(memory, tmp_path)
    assert "\n" not in caught.value.line() and caught.value.remedy
    assert dump(memory.path) == before


def test_a_failure_mid_batch_rolls_the_whole_batch_back(memory):
    memory.add("Already here.", at="2020-01-01")
    before = dump(memory.path)
    good = capture.text_entry("Would be new.", at="2020-01-01")
    broken = capture.text_entry("Broken.", at="2020-01-01")
    broken.passages = [(0, 7, None, None), (0, 7, None, None)]
    broken.kind = None  # NOT NULL: fails inside the transaction, after `good` was inserted
    with pytest.raises(StoreError):
        memory.add_entries([good, broken])
    assert dump(memory.path) == before
    assert memory.add("Now it works.")["new"]


@pytest.mark.sqlite_only  # SQLite's max_page_count
def test_a_full_disk_fails_cleanly_and_changes_nothing(memory):
    memory.add("Before the disk filled.", at="2020-01-01")
    before = dump(memory.path)
    pages = memory.query("PRAGMA page_count")[0][0]
    memory.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the file may not grow: as on a full disk
    with pytest.raises(StoreError) as caught:
        memory.add("Many words that will not fit. " * 20_000)
    assert "disk" in caught.value.line() and not memory.conn.in_transaction
    assert dump(memory.path) == before
    memory.conn.execute("PRAGMA max_page_count = 1073741823")
    assert memory.add("After some space was freed.")["new"]


@pytest.mark.sqlite_only  # SQLite's lock, taken by sqlite3
def test_a_locked_store_fails_cleanly_and_changes_nothing(db):
    with Memory(db, derive=False) as memory:
        memory.add("Before the lock.", at="2020-01-01")
    before = dump(db)
    other = sqlite3.connect(str(db), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings VALUES ('held', 'by another program')")
    try:
        with Memory(db, derive=False, timeout=0.2) as memory:
            assert memory.search("lock")  # readers are not blocked
            with pytest.raises(StoreLocked) as caught:
                memory.add("During the lock.")
            assert "wait" in caught.value.line()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dump(db) == before


def test_a_file_that_is_not_a_store_is_left_alone(tmp_path):
    notes = write(tmp_path / "notes.db", "These are my notes, not a database. " * 200)
    digest = file_digest(notes)
    with pytest.raises(StoreCorrupt) as caught:
        Memory(notes, derive=False)
    assert "backup" in caught.value.line()
    assert file_digest(notes) == digest


def test_another_programs_database_is_left_alone(tmp_path):
    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.commit()
    conn.close()
    digest = file_digest(other)
    with pytest.raises(StoreCorrupt, match="some other program"):
        Memory(other, derive=False)
    assert file_digest(other) == digest
    assert not (tmp_path / "places.sqlite-wal").exists()


@pytest.mark.sqlite_only  # a file damaged by hand
def test_a_damaged_store_is_reported(db, tmp_path):
    with Memory(db, derive=False) as memory:
        for i in range(300):
            memory.add(f"Entry number {i} with some words to fill the pages of the file. " * 5, at="2020-01-01")
        memory.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(3 * page, len(data) - page, 7 * page):  # scribble over some pages, not the header
        data[offset:offset + 64] = b"\xde\xad\xbe\xef" * 16
    db.write_bytes(bytes(data))
    digest = file_digest(db)
    try:
        with Memory(db, derive=False) as memory:
            problems = memory.check()
        assert problems
    except StoreCorrupt:
        pass
    assert file_digest(db) == digest


# -- derived data --------------------------------------------------------------------------------
@pytest.mark.sqlite_only  # a second file beside it
def test_the_default_path_derives_after_storing(db):
    """One test of the full path: every processor runs and records its version (loads the real models)."""
    import importlib

    with Memory(db) as memory:
        entry = memory.add("Coffee with Ianto at the Hub. Ianto, my friend, made it.", at="2009-05-01")["entry"]
        for name in store.PROCESSORS:
            module = importlib.import_module(name)
            rows = memory.query("SELECT version FROM processed WHERE entry = ? AND processor = ?", (entry, module.NAME))
            assert [r[0] for r in rows] == [str(module.VERSION)], name
            assert memory.pending(module) == []
    with Memory(tmp := db.with_name("plain.db"), derive=False) as plain:
        plain.add("Stored only.")
        assert plain.query("SELECT count(*) FROM processed")[0][0] == 0
        assert tmp.exists()


def test_add_entries_tells_what_has_been_understood(tmp_path):
    told = []
    with Memory(tmp_path / "m.db") as m:
        m.add_entries([capture.text_entry("Coffee with Ianto at the Hub.")], understood=lambda name, n: told.append((name, n)))
    assert told and all(n == 1 for _, n in told) and {"extract", "embed"} <= {name for name, _ in told}


def test_a_tie_told_both_ways_is_said_once_on_the_person_page(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Rose is the mother of Ellen. Ellen rang Rose on Sunday.")
        rose, ellen = (m.query("SELECT id FROM people WHERE name = ?", (n,))[0][0] for n in ("Rose", "Ellen"))
        told = m.query("SELECT entry, passage, start, end FROM relations WHERE subject = ? AND object = ?", (rose, ellen))[0]
        with m.transaction() as conn:  # the same tie as a second sentence would tell it: Ellen is Rose's daughter
            conn.execute("INSERT INTO relations (entry, passage, subject, relation, object, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (told[0], told[1], ellen, "daughter", rose, told[2], told[3]))
        relations = m.person("Rose")["relations"]
        assert [(r["relation"], r["other"], r["is"]) for r in relations] == [("mother", "Ellen", True)]
        assert len(relations[0]["evidence"]) >= 1


def test_splitting_a_person_from_their_own_name_is_refused_and_changes_nothing(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("My sister Marta came for tea. Marta laughed at the cat.", at="2020-01-01")
        before = dump(tmp_path / "m.db")
        with pytest.raises(BadInput, match="known by"):
            m.split_person("Marta", "Marta")
        assert dump(tmp_path / "m.db") == before


def test_a_kin_word_alone_is_the_one_person_called_by_it_with_a_name(tmp_path):
    with Memory(tmp_path / "one.db") as m:
        m.add("Grandma Rose taught me to bake bread when I was six.", at="2020-01-05")
        m.add("Visited Grandma today. She asked about the bread.", at="2021-03-01")
        people = {p["name"]: p for p in m.people()}
        assert "Grandma" not in people and {"Grandma", "Grandma Rose"} <= set(people["Grandma Rose"]["aliases"])
    with Memory(tmp_path / "two.db") as m:  # two grandmothers: the word alone could be either, and joins neither
        m.add("Grandma Rose taught me to bake bread.", at="2020-01-05")
        m.add("Grandma Joan lives in Leeds.", at="2020-02-05")
        m.add("Visited Grandma today.", at="2021-03-01")
        assert {"Grandma", "Grandma Joan", "Grandma Rose"} <= {p["name"] for p in m.people()}
