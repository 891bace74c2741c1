"""The `remembrancer` command, run against real store files."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, dump, file_digest, made, ok
from remembrancer import Memory
from remembrancer.cli import cli

pytestmark = pytest.mark.backends  # each test using `db`, `memory` or `run`: on SQLite, then on PostgreSQL


def one_line_error(result):
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def rows(db, sql):
    from remembrancer.store import is_url

    if is_url(str(db)):
        with Memory(str(db), derive=False) as m:
            return [tuple(r) for r in m.query(sql)]
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# -- where the store is ------------------------------------------------------------------------
def test_path_prefers_option_then_env_then_data_folder(tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert runner.invoke(cli, ["path"]).output.strip() == str(tmp_path / "data" / "remembrancer" / "memories.db")
    monkeypatch.setenv("REMEMBRANCER_DB", str(tmp_path / "env.db"))
    assert runner.invoke(cli, ["path"]).output.strip() == str(tmp_path / "env.db")
    assert runner.invoke(cli, ["--db", str(tmp_path / "opt.db"), "path"]).output.strip() == str(tmp_path / "opt.db")
    assert json.loads(runner.invoke(cli, ["path", "--json"]).output) == {"path": str(tmp_path / "env.db")}
    ok(runner.invoke(cli, ["add", "Stored where $REMEMBRANCER_DB says.", "--no-extract"]))
    assert (tmp_path / "env.db").exists()


# -- capture -----------------------------------------------------------------------------------
def test_add_text_with_date_author_source(run, db):
    result = ok(run("add", "Coffee with Ianto at the Hub.", "--at", "2009-05-01 09:30", "--author", "Jack",
                    "--source", "journal", "--no-extract"))
    assert result.output == "Remembered entry 1: 1 passage, 6 words.\n"
    assert rows(db, "SELECT text, at, author, source FROM entries") == [
        ("Coffee with Ianto at the Hub.", "2009-05-01T09:30:00", "Jack", "journal")]


def test_add_twice_is_stored_once_and_says_so(run, db):
    ok(run("add", "Once only.", "--no-extract"))
    result = ok(run("add", "Once only.", "--no-extract"))
    assert "Already remembered as entry 1" in result.output
    assert rows(db, "SELECT count(*) FROM entries") == [(1,)]
    data = json.loads(ok(run("add", "Once only.", "--no-extract", "--json")).output)
    assert (data["entries"], data["duplicates"], data["results"][0]["new"]) == (0, 1, False)


def test_add_from_standard_input(run, db):
    text = "From a pipe.\nSecond line — café.\n"
    ok(run("add", "-", "--at", "2020-02-02", "--no-extract", input=text.encode("utf-8")))
    assert rows(db, "SELECT text, at FROM entries") == [(text, "2020-02-02")]


def test_add_files_and_a_folder(run, db, tmp_path):
    folder = tmp_path / "journal"
    (folder / "deeper").mkdir(parents=True)
    (folder / "a.md").write_text("---\ndate: 2020-01-01\n---\nA.", encoding="utf-8")
    (folder / "deeper" / "b.txt").write_text("B.", encoding="utf-8")
    (folder / "skip.pdf").write_bytes(b"%PDF\x00")
    loose = tmp_path / "loose.txt"
    loose.write_text("Loose.", encoding="utf-8")
    result = ok(run("add", folder, loose, "--author", "me", "--no-extract"))
    assert result.output.startswith("3 entries, 3 passages, 7 words in ")  # words of the raw text
    assert sorted(rows(db, "SELECT source, author FROM entries")) == sorted(
        [(str(folder / "a.md"), "me"), (str(folder / "deeper" / "b.txt"), "me"), (str(loose), "me")])
    result = ok(run("add", EXAMPLES / "journal", "--no-extract"))
    assert "5 entries" in result.output
    dated = dict(rows(db, "SELECT source, at FROM entries"))
    assert dated[str(EXAMPLES / "journal" / "2021-06-02.md")] == "2021-06-02"  # from its date line
    assert dated[str(EXAMPLES / "journal" / "2021-03-14.md")] == "2021-03-14"  # from its front matter
    again = ok(run("add", EXAMPLES / "journal", "--no-extract"))
    assert again.output.count("Already remembered") == 5 and "(5 already stored)" in again.output


def test_import_locomo_and_jsonl_with_a_closing_line(run, db, tmp_path):
    result = ok(run("import", "locomo", EXAMPLES / "chat.json", "--no-extract"))
    line = result.output.strip()
    assert line.endswith("s") and " entries, " in line and " passages, " in line and " words in " in line
    turns = rows(db, "SELECT speaker, ref FROM passages WHERE ref = 'D1:1'")
    assert turns == [("Priya", "D1:1")]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": f"Line {i}.", "at": f"2020-01-0{i}", "author": "Ann"})
                               for i in range(1, 4)), encoding="utf-8")
    data = json.loads(ok(run("import", "jsonl", jsonl, "--no-extract", "--json")).output)
    assert {k: data[k] for k in ("entries", "passages", "words", "duplicates")} == {
        "entries": 3, "passages": 3, "words": 6, "duplicates": 0}
    assert "seconds" in data
    assert "3 already stored" in ok(run("import", "jsonl", jsonl, "--no-extract")).output


def test_import_me_names_the_speaker_who_is_the_owner(run, db, tmp_path):
    error = one_line_error(run("import", "locomo", EXAMPLES / "chat.json", "--me", "Zed"))
    assert "'Zed' speaks in none" in error
    assert not made(db)  # nothing stored, not even an empty store
    ok(run("import", "locomo", EXAMPLES / "chat.json", "--me", "Priya"))
    people = {p["name"]: p for p in json.loads(ok(run("people", "--json")).output)}
    assert "Priya" not in people and "Priya" in people["me"]["aliases"]
    assert "Maggie" in people
    # An export keeps who "me" was: imported into another store, Priya is its owner too.
    out = tmp_path / "out.jsonl"
    ok(run("export", "--format", "jsonl", "--output", out))
    other = tmp_path / "other.db"
    ok(run("import", "jsonl", out, db_path=other))
    assert "Priya" in {p["name"]: p for p in json.loads(ok(run("people", "--json", db_path=other)).output)}["me"]["aliases"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_long_import_shows_a_progress_bar_on_a_terminal(db, tmp_path):
    import pty

    jsonl = tmp_path / "many.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": f"Entry number {i}.", "at": "2020-01-01"}) for i in range(300)),
                     encoding="utf-8")
    command = [sys.executable, "-m", "remembrancer.cli", "--db", str(db), "import", "jsonl", str(jsonl), "--no-extract"]
    leader, follower = pty.openpty()
    try:  # stderr on a terminal (the bar), stdout a pipe (the closing line)
        done = subprocess.run(command, stderr=follower, stdout=subprocess.PIPE, timeout=60, cwd=ROOT)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert b"Importing" in seen and b"100%" in seen
    assert done.stdout.decode().startswith("300 entries, ")
    piped = subprocess.run(command, capture_output=True, timeout=60, cwd=ROOT)  # not a terminal: no bar
    assert b"Importing" not in piped.stderr and "300 already stored" in piped.stdout.decode()


# -- search -------------------------------------------------------------------------------------
@pytest.fixture
def filled(run):
    ok(run("add", "We met for coffee at the Harbour Café.", "--at", "2023-05-08", "--author", "Maggie", "--no-extract"))
    ok(run("import", "locomo", EXAMPLES / "chat.json", "--no-extract"))
    return run


def test_search_shows_date_speaker_or_author_and_passage(filled):
    out = ok(filled("search", "harbour café")).output
    assert "2023-05-08" in out and "Maggie" in out and "We met for coffee at the Harbour Café." in out
    out = ok(filled("search", "Toronto")).output
    assert "Priya" in out and "2023-09-02" in out and "Made it to Toronto!" in out and "[D1:1]" in out
    assert ok(filled("search", "zebra")).output == "Nothing found.\n"


def test_search_json_shape(filled):
    results = json.loads(ok(filled("search", "Toronto", "--json", "--limit", "2")).output)
    assert 1 <= len(results) <= 2
    assert set(results[0]) == {"passage", "entry", "ref", "at", "speaker", "text", "score"}
    assert results[0]["ref"] == "D1:1" and results[0]["speaker"] == "Priya"


@pytest.mark.parametrize("query", ["don't", '"', "*", "AND", "-", "-coffee", "NEAR(", "café", "Zoë's", "a:b", "'); --"])
def test_search_any_typed_text(filled, query):
    ok(filled("search", query))
    assert isinstance(json.loads(ok(filled("search", query, "--json")).output), list)


def test_search_queries_file_one_line_per_query(filled, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "query": "coffee"}, {"id": 2, "query": "Toronto"}, {"id": "c", "query": "\"'*"}]) + "\n\n",
        encoding="utf-8")
    lines = ok(filled("search", "--queries", queries, "--limit", "3")).output.strip().splitlines()
    answers = [json.loads(line) for line in lines]
    assert [a["id"] for a in answers] == ["a", 2, "c"]
    assert answers[0]["results"][0]["text"] == "We met for coffee at the Harbour Café."
    assert answers[2]["results"] == []
    queries.write_text('{"id": 1, "query": "x"}\n{"id": 2}\n', encoding="utf-8")
    assert "line 2" in one_line_error(filled("search", "--queries", queries))


# -- export, check, backup, stats -------------------------------------------------------------------
def test_export_import_round_trip(filled, db, tmp_path):
    ok(filled("add", "Undated here, so dated now.", "--no-extract"))
    exported = tmp_path / "all.jsonl"
    ok(filled("export", "--format", "jsonl", "-o", exported))
    copy = tmp_path / "copy.db"
    ok(filled("import", "jsonl", exported, "--no-extract", db_path=copy))
    sql = "SELECT text, at, author, source, kind, hash FROM entries ORDER BY hash"
    assert rows(copy, sql) == rows(db, sql)
    # the same export, but for when each entry was added
    original = [{k: v for k, v in json.loads(line).items() if k != "added"} for line in exported.read_text(encoding="utf-8").splitlines()]
    copied = [{k: v for k, v in json.loads(line).items() if k != "added"} for line in ok(filled("export", db_path=copy)).output.splitlines()]
    assert copied == original
    markdown = ok(filled("export", "--format", "markdown")).output
    assert "## 2023-05-08 · Maggie" in markdown and "We met for coffee at the Harbour Café." in markdown


@pytest.mark.sqlite_only  # the file itself
def test_check_backup_stats(filled, db, tmp_path):
    # stored with --no-extract: check says what is not yet understood, and the next command that answers understands it
    assert ok(filled("check")).output == ("ok\nNot yet understood: 3 entries by extract, 3 entries by embed"
                                          " (they will be at the next add, import, serve or reindex).\n")
    ok(filled("people"))
    assert ok(filled("check")).output == "ok\n"
    assert json.loads(ok(filled("check", "--json")).output) == {"ok": True, "problems": [], "pending": {"extract": 0, "embed": 0},
                                                                "failed": []}
    target = tmp_path / "b" / "backup.db"
    assert ok(filled("backup", target)).output == f"Backed up to {target}\n"
    assert "already exists" in one_line_error(filled("backup", target))
    assert rows(target, "SELECT count(*), sum(words) FROM entries") == rows(db, "SELECT count(*), sum(words) FROM entries")
    stats = json.loads(ok(filled("stats", "--json")).output)
    assert stats["entries"] == rows(db, "SELECT count(*) FROM entries")[0][0]
    assert stats["passages"] == rows(db, "SELECT count(*) FROM passages")[0][0]
    assert "entries: " in ok(filled("stats")).output
    conn = sqlite3.connect(str(db))
    conn.execute("UPDATE entries SET text = 'tampered' WHERE id = 1")
    conn.commit()
    conn.close()
    result = filled("check")
    assert result.exit_code == 1 and "entry 1: its text no longer matches its content hash" in result.output


# -- bad input: one line, non-zero exit, store unchanged ---------------------------------------------
def bad_inputs(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "good.txt").write_text("A good file.", encoding="utf-8")
    (tmp_path / "empty").mkdir(exist_ok=True)
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\n{"text": "fine too"}\n{"text": oops}\n', encoding="utf-8")
    (tmp_path / "bad.json").write_text('[{"conversation": {"session_1": [}]', encoding="utf-8")
    return {
        "empty text": (["add", ""], None, "empty"),
        "blank text": (["add", "  \n  "], None, "empty"),
        "empty stdin": (["add", "-"], b"", "empty"),
        "binary file": (["add", tmp_path / "good.txt", tmp_path / "photo.jpg"], None, "binary"),
        "binary stdin": (["add", "-"], b"\x00\x01\x02", "binary"),
        "invalid UTF-8": (["add", tmp_path / "latin.txt"], None, "UTF-8"),
        "invalid UTF-8 stdin": (["add", "-"], "caf\xe9".encode("latin-1"), "UTF-8"),
        "bad date": (["add", "Fine text.", "--at", "whenever"], None, "date"),
        "missing file": (["add", tmp_path / "missing.txt"], None, "No such file"),
        "missing file among good": (["add", tmp_path / "good.txt", tmp_path / "gone.md"], None, "No such file"),
        "missing import": (["import", "jsonl", tmp_path / "missing.jsonl"], None, "No such file"),
        "folder without text files": (["add", tmp_path / "empty"], None, "No .txt or .md files"),
        "malformed JSONL": (["import", "jsonl", tmp_path / "bad.jsonl"], None, "line 3"),
        "malformed LoCoMo": (["import", "locomo", tmp_path / "bad.json"], None, "line 1"),
        "LoCoMo that is JSONL": (["import", "locomo", tmp_path / "bad.jsonl"], None, "line 2"),
    }


BAD_CASES = ["empty text", "blank text", "empty stdin", "binary file", "binary stdin", "invalid UTF-8",
             "invalid UTF-8 stdin", "bad date", "missing file", "missing file among good", "missing import",
             "folder without text files",
             "malformed JSONL", "malformed LoCoMo", "LoCoMo that is JSONL"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_one_line_error_store_unchanged(filled, db, tmp_path, case):
    args, stdin, says = bad_inputs(tmp_path)[case]
    before = dump(db)
    line = one_line_error(filled(*args, "--no-extract", input=stdin))
    assert says.lower() in line.lower()
    assert line.count(". ") >= 1  # the message, then the remedy
    assert dump(db) == before


def test_unknown_format_is_refused_and_store_unchanged(filled, db, tmp_path):
    before = dump(db)
    assert one_line_error(filled("import", "csv", EXAMPLES / "chat.json")) == (
        "Error: Unknown format 'csv'. Use one of dayone, telegram, whatsapp, email, locomo, jsonl, markdown, text;"
        " nothing was changed.")
    assert "Use jsonl or markdown" in one_line_error(filled("export", "--format", "pdf", "-o", tmp_path / "out.pdf"))
    assert not (tmp_path / "out.pdf").exists()
    assert dump(db) == before
    assert "We met for coffee" in ok(filled("export", "--format", "Markdown")).output


@pytest.mark.sqlite_only  # the file itself
def test_locked_store(filled, db):
    before = dump(db)
    other = sqlite3.connect(str(db), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings VALUES ('held', 'by another program')")
    try:
        line = one_line_error(filled("add", "While locked.", "--no-extract"))
        assert "locked" in line and "try again" in line
        ok(filled("search", "coffee"))  # reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dump(db) == before


@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["add", "Text.", "--no-extract"], ["check"]])
def test_a_file_that_is_not_a_store(run, tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping: eggs, milk.\n" * 300, encoding="utf-8")
    digest = file_digest(notes)
    line = one_line_error(run(*command, db_path=notes))
    assert "not a remembrancer store" in line.lower() and "backup" in line
    assert file_digest(notes) == digest


@pytest.mark.parametrize("command", [["people"], ["search", "x"], ["person", "Bea"], ["stats"], ["fading"], ["export"]])
def test_a_command_that_reads_makes_no_store_where_there_is_none(run, tmp_path, command):
    missing = tmp_path / "typo" / "memories.db"
    line = one_line_error(run(*command, db_path=missing))
    assert "No store at" in line and "--db" in line
    assert not missing.parent.exists()


@pytest.mark.sqlite_only  # the file itself
def test_a_store_on_a_disk_that_cannot_be_written_opens_read_only(run, db, monkeypatch):
    with Memory(db, derive=False) as m:  # closed: its writes are folded into the file, as in a backup
        m.add("Coffee with Ianto at the Hub.")
    writable = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: mode != os.W_OK and writable(p, mode, **kw))
    assert "Ianto" in ok(run("search", "coffee")).output
    before = dump(db)
    line = one_line_error(run("add", "Tea with Gwen.", "--no-extract"))
    assert "read-only" in line and "Copy it" in line
    assert dump(db) == before


def test_batch_reads_every_line_before_answering_and_takes_no_query_beside(run, tmp_path):
    ok(run("add", "Coffee with Ianto at the Hub.", "--no-extract"))
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": 1, "query": "coffee"}\nnot json\n', encoding="utf-8")
    result = run("search", "--queries", queries)
    assert result.stdout == ""  # the good first line was not answered either
    assert "line 2" in one_line_error(result) and "nothing was answered" in result.stderr
    queries.write_text('{"id": 1, "query": "coffee"}\n', encoding="utf-8")
    assert "not both" in run("search", "tea", "--queries", queries).output


def test_limits_are_at_least_one_and_counts_read_as_english(run, tmp_path):
    assert run("fading", "--limit", "0").exit_code == 2
    assert run("search", "x", "--limit", "-3").exit_code == 2
    assert ok(run("add", "Tea.", "--no-extract")).output == "Remembered entry 1: 1 passage, 1 word.\n"


def test_export_json_summarises_a_file_or_prints_json_lines(run, tmp_path):
    ok(run("add", "Coffee with Ianto at the Hub.", "--no-extract"))
    out = tmp_path / "all.md"
    assert json.loads(ok(run("export", "--format", "markdown", "-o", out, "--json")).stdout) == {
        "entries": 1, "format": "markdown", "output": str(out)}
    assert out.read_text(encoding="utf-8").startswith("## ")
    assert json.loads(ok(run("export", "--json")).stdout)["text"] == "Coffee with Ianto at the Hub."


# -- fast to start --------------------------------------------------------------------------------
HEAVY = ("spacy", "onnxruntime", "tokenizers", "usearch", "torch", "thinc", "fastapi", "numpy")


@pytest.mark.parametrize("command", [["search", "coffee"], ["add", "Quick note.", "--no-extract"], ["export"],
                                     ["stats"], ["path"], ["check"]])
def test_commands_without_a_model_load_none(tmp_path, command):
    # stats and check say what is not yet understood, for which they ask each processor its version (numpy, no model)
    heavy = set(HEAVY) - ({"numpy"} if command[0] in ("stats", "check") else set())
    db = tmp_path / "m.db"
    Memory(db, derive=False).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "remembrancer.cli", "--db", str(db), *command],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "remembrancer" in imported and "click" in imported
    assert not imported & heavy, sorted(imported & heavy)


def test_person_page_says_what_they_like_do_and_plan(run, tmp_path):
    entry = tmp_path / "tom.md"
    entry.write_text("---\ndate: 2023-04-02\n---\nMy brother Tom loves sea fishing. He's moving to Oban in June.\n", encoding="utf-8")
    ok(run("add", entry))
    tom = json.loads(ok(run("person", "Tom", "--json")).output)
    about = {f["statement"]: f for f in tom["about"]}
    assert set(about) == {"likes sea fishing", "plans to move to Oban"}
    assert about["plans to move to Oban"]["first_at"].startswith("2023-06")  # when it holds, not when it was written
    assert about["likes sea fishing"]["evidence"][0]["text"].startswith("My brother Tom loves sea fishing")
    out = ok(run("person", "Tom")).output
    assert "about:" in out and "likes sea fishing" in out and "plans to move to Oban (2023-06-01)" in out


def test_person_page_speaks_to_the_owner_and_quotes_events_without_front_matter(run, tmp_path):
    entry = tmp_path / "rose.md"
    entry.write_text("---\ndate: 2022-11-20\n---\nMy grandmother Agnes Hale died on Friday, in her sleep.\n\n"
                     "Bella, my daughter, sang to her at the funeral.\n", encoding="utf-8")
    ok(run("add", entry))
    agnes = json.loads(ok(run("person", "Agnes", "--json")).output)
    death = [e for e in agnes["events"] if e["kind"] == "death"]
    assert death and death[0]["text"].startswith("My grandmother Agnes Hale died")
    assert death[0]["passage"] in [p["passage"] for p in agnes["passages"]]
    out = ok(run("person", "Bella")).output
    assert "your daughter" in out and "of me" not in out
    assert ok(run("person", "Hale")).output.startswith("Agnes Hale")
    one_line_error(run("people", "merge", "Agnes", "Bella"))  # a write wants a whole name


def test_the_pages_a_person_reads_say_which_entry_and_say_each_moment_once(run, tmp_path):
    """From search, a person's page and the timeline a person can go to the entry to put it right: each passage
    says its entry. A passage holding a date, "today" and a marriage ("Twelve years married today") is one line of
    the timeline, not three; a date given by hand on this day is a line of its own, not a blank one. A person's
    passages run by date, a chat stored later among them; the trash and `purge` show an entry's words, not its front
    matter."""
    journal = tmp_path / "journal"
    journal.mkdir()
    (journal / "a.md").write_text("---\ndate: 2024-02-11\n---\nTwelve years married today. Owen booked the Italian"
                                  " place on the quay in Conwy.\n", encoding="utf-8")
    (journal / "b.md").write_text("---\ndate: 2024-03-09\n---\nOwen and I walked the dog on the beach.\n", encoding="utf-8")
    chat = tmp_path / "chat.jsonl"
    chat.write_text('{"speaker": "Bethan", "text": "Did Owen find the ring in the end?", "at": "2023-10-16T09:12:00"}\n'
                    '{"speaker": "Hannah", "text": "He did, in the car.", "at": "2023-10-16T09:20:00"}\n', encoding="utf-8")
    ok(run("add", journal))
    ok(run("import", "jsonl", chat, "--me", "Hannah"))
    found = ok(run("search", "quay Conwy")).output
    entry = json.loads(ok(run("search", "quay Conwy", "--json")).output)[0]["entry"]
    assert f"(entry {entry})" in found
    moments = [line for line in ok(run("timeline")).output.splitlines() if "Twelve years married" in line]
    # one line, at the wedding the passage dates twelve years before the day it was written (evdates25)
    assert len(moments) == 1 and moments[0].startswith("2012-02-11") and "today 2024-02-11" in moments[0] \
        and f"(entry {entry})" in moments[0]
    ok(run("people", "died", "Owen", "2025-02-11"))  # a test of a date given by hand, not of Owen
    today = ok(run("on-this-day", "--date", "2026-02-11")).output.splitlines()
    assert today[0].startswith("2025-02-11 (1 year ago)") and "death of Owen (you said)" in today[0]
    page = ok(run("person", "Owen")).output
    assert page.index("Did Owen find the ring") < page.index("Twelve years married") < page.index("walked the dog")
    ok(run("entry", "delete", entry))
    assert "---" not in ok(run("trash")).output and "Twelve years married" in ok(run("trash")).output
    asked = run("entry", "purge", entry, input="n\n")
    assert "('Twelve years married" in asked.stderr and "date:" not in asked.stderr


def test_serve_on_a_port_in_use_says_so_in_one_line_and_port_0_says_which(run, db):
    """A second `serve` on a port in use printed "remembrancer on http://...:8765/" (the other server's address),
    then uvicorn's "[Errno 98] ... address already in use"; `--port 0` announced port 0."""
    import socket
    import time
    import urllib.request

    ok(run("add", "Coffee with Bethan at Providero.", "--no-extract"))
    serve = [sys.executable, "-m", "remembrancer.cli", "--db", str(db), "serve"]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run([*serve, "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert busy.returncode == 1 and busy.stdout == ""
    assert busy.stderr.strip() == (f"Error: Port {port} on 127.0.0.1 is in use (by another remembrancer serve?)."
                                   f" Stop that one, or give another port: --port {port + 1}.")
    proc = subprocess.Popen([*serve, "--port", "0", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = json.loads(proc.stdout.readline())["url"]
        assert not url.endswith(":0/")
        for _ in range(300):
            try:
                with urllib.request.urlopen(url + "api/stats", timeout=2) as r:
                    assert json.loads(r.read())["entries"] == 1
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError(f"nothing answers at {url}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_counts_of_one_read_as_english(run):
    ok(run("add", "Idris Morgan fixed the gate at Cwm Idwal and would not take a penny.", "--at", "2019-05-01"))
    assert ok(run("reindex")).output.startswith("Re-read 1 entry (")
    assert "Idris Morgan: written about once, last 2019-05-01" in ok(run("fading", "--now", "2030-01-01")).output
