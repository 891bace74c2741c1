"""Entries are the owner's to change: edit, re-date, trash, restore, purge, history; in the library and the CLI.
Real store files, the real spaCy and MiniLM models."""
import json
import os
import sqlite3
import sys

import pytest
from click.testing import CliRunner

from conftest import dump, ok
from remembrancer import Memory, embed
from remembrancer.cli import cli
from remembrancer.errors import BadInput, EmptyInput, NotFound

pytestmark = pytest.mark.backends  # each test using `db`, `memory` or `run`: on SQLite, then on PostgreSQL

RHOSSILI = ("Walked the dunes at Rhossili with Bronwen Tudor and her brother Idris. "
            "She flew the red kite her father made, and we ate chips on the wall.")
MARKET = "Yesterday I met Quentin Vasquez at the pomegranate market in Zaragoza. He sold me a brass astrolabe."


@pytest.fixture
def two(db):
    """A store of two understood entries: Bronwen at Rhossili, Quentin at the market."""
    with Memory(db) as m:
        first = m.add(RHOSSILI, at="2019-08-03")["entry"]
        second = m.add(MARKET, at="2020-05-10")["entry"]
        yield m, first, second


def names(memory):
    return {n for p in memory.people() for n in [p["name"], *p["aliases"]]}


def everything(memory) -> dict:
    """What every page and answer shows, for comparing a store with itself later."""
    return {
        "search": memory.search("pomegranate astrolabe kite"),
        "ask": memory.ask("Who sold me an astrolabe?")["passages"],
        "recall": memory.recall("astrolabe"),
        "people": memory.people(),
        "timeline": memory.timeline(),
        "on_this_day": memory.on_this_day("2024-05-09"),
        "fading": memory.fading(now="2030-01-01"),
        "review": memory.review_next(now="2030-01-01"),
    }


# -- edit ---------------------------------------------------------------------------------------------
def test_an_edit_keeps_the_words_before_as_a_version_and_reads_the_entry_again(two):
    m, _, market = two
    before = m.entry(market)
    assert "Quentin Vasquez" in names(m) and m.search("astrolabe")
    new = MARKET.replace("Quentin Vasquez", "Rosalind Ferreira").replace("brass astrolabe", "copper kettle")
    result = m.edit(market, new)
    assert result["changed"] and result["version"] == 2
    history = m.history(market)
    assert [v["text"] for v in history] == [MARKET, new]  # nothing lost
    assert [v["current"] for v in history] == [False, True] and history[1]["changed"] == ["text"]
    assert history[0]["until"] == history[1]["from"] and history[0]["from"] == before["added"]
    # What came from the entry is read again from the new words: passages, search, people, vectors.
    now = m.entry(market)
    assert now["text"] == new and now["versions"] == 1
    assert {p["passage"] for p in now["passages"]}.isdisjoint({p["passage"] for p in before["passages"]})
    assert not m.search("astrolabe") and m.search("kettle")[0]["entry"] == market
    assert "Quentin Vasquez" not in names(m) and "Rosalind Ferreira" in names(m)
    assert "Rosalind Ferreira" in now["people"]
    assert m.query("SELECT count(*) FROM embeddings")[0][0] == m.query("SELECT count(*) FROM passages")[0][0]
    assert not m.pending(embed) and m.check() == []
    # The old words given again are an earlier version, not a new entry.
    again = m.add(MARKET, at="2020-05-10")
    assert again == {"entry": market, "version": 1, "new": False, "passages": 0, "words": again["words"]}
    assert m.stats()["entries"] == 2
    # The same words as now: nothing changes, no version is made.
    assert m.edit(market, new)["changed"] is False and len(m.history(market)) == 2


def test_the_vectors_of_words_taken_away_leave_an_index_already_in_memory(two, db):
    m, _, market = two
    old = m.entry(market)["passages"][0]["passage"]
    vector = embed.vectors(m, [old])[old]
    assert embed.nearest(m, vector, 1)[0][0] == old  # the index is built, in this process
    with Memory(db) as other:  # another connection (the CLI, a server thread) changes the entry
        other.edit(market, "We sat by the harbour wall and watched the gulls.")
    found = [pid for pid, _ in embed.nearest(m, vector, 10)]
    assert old not in found and len(found) == 2
    assert set(found) == {r[0] for r in m.query("SELECT id FROM passages")}


@pytest.mark.sqlite_only  # the usearch graph's file (PostgreSQL's index is the server's)
def test_a_large_store_s_hnsw_index_drops_them_too(two, db, monkeypatch):
    m, first, market = two
    monkeypatch.setattr(embed, "HNSW_AT", 1)
    with Memory(db) as fresh:
        idx = embed.index(fresh)
        assert isinstance(idx, embed.HNSWIndex)
        old = fresh.entry(market)["passages"][0]["passage"]
        vector = embed.vectors(fresh, [old])[old]
        assert embed.nearest(fresh, vector, 1)[0][0] == old
        fresh.delete(market)
        assert old not in [pid for pid, _ in embed.nearest(fresh, vector, 10)]
    with Memory(db) as later:  # the index file, read again, knows what it dropped
        assert old not in [pid for pid, _ in embed.nearest(later, vector, 10)]
        later.restore(market)
        assert embed.nearest(later, vector, 1)[0][0] == old  # back, with the same passage id


def test_re_dating_reads_yesterday_again(two):
    m, _, market = two
    said = lambda: {t["at"] for t in m.timeline() if t["what"] == "Yesterday"}  # noqa: E731
    assert said() == {"2020-05-09"}
    result = m.redate(market, "2021-01-01")
    assert result["changed"] and result["at"] == "2021-01-01"
    assert said() == {"2020-12-31"}
    assert m.entry(market)["at"] == "2021-01-01"
    history = m.history(market)
    assert [(v["at"], v["changed"]) for v in history] == [("2020-05-10", []), ("2021-01-01", ["date"])]
    assert history[0]["text"] == history[1]["text"] == MARKET
    with pytest.raises(BadInput):
        m.redate(market, "banana 2023")
    assert m.entry(market)["at"] == "2021-01-01"


def test_re_dating_an_entry_dated_by_its_front_matter_or_a_date_line_moves_it(db):
    """The date heading a file says when it was written: once the owner re-dates the entry, the timeline and
    on-this-day have it on the new date, not on the one its heading still says."""
    with Memory(db) as m:
        typo = m.add("---\ndate: 2027-07-27\n---\nTook the old dog up the hill before the heat.")["entry"]
        headed = m.add("Monday 3 June 2024\nWe planted daffodil bulbs round the stone.")["entry"]
        assert m.entry(typo)["at"] == "2027-07-27" and m.entry(headed)["at"] == "2024-06-03"
        m.redate(typo, "2024-07-27")
        m.redate(headed, "2024-10-14")
        assert [(i["at"], i["passage"]["entry"]) for i in m.timeline()] == [("2024-07-27", typo), ("2024-10-14", headed)]
        assert [i["passage"]["entry"] for i in m.on_this_day("2025-10-14")] == [headed]
        assert m.on_this_day("2025-06-03") == [] and m.timeline(start="2025-01-01") == []


def test_a_chat_is_edited_by_its_turns_and_keeps_who_you_are(db):
    with Memory(db) as m:
        chat = m.add_chat([("Sam", "Mum rang about the wedding.", "t1"), ("Alex", "Did she like the cake?", "t2")],
                          at="2022-06-01", me="Sam")["entry"]
        first = m.entry(chat)["passages"]
        m.review_answer(f"passage:{first[0]['passage']}", "good", now="2023-01-01")  # a review of the turn kept as it was
        with pytest.raises(BadInput) as refused:
            m.edit(chat, "Sam: Mum rang.")
        assert "is a chat" in str(refused.value) and "turns" in refused.value.remedy
        result = m.edit(chat, turns=[("Sam", "Mum rang about the wedding.", "t1"), ("Alex", "Did she like the lemon cake?", "t2")])
        assert result["changed"] and result["passages"] == 2
        now = m.entry(chat)
        assert [(p["speaker"], p["ref"], p["text"]) for p in now["passages"]] == [
            ("Sam", "t1", "Mum rang about the wedding."), ("Alex", "t2", "Did she like the lemon cake?")]
        assert now["meta"]["me"] == "Sam"
        history = m.history(chat)
        assert history[0]["turns"][1]["text"] == "Did she like the cake?" and history[1]["turns"][1]["text"].endswith("lemon cake?")
        # The turn that came through word for word keeps its review history under its new id.
        kept = now["passages"][0]["passage"]
        assert m.query("SELECT item FROM reviews")[0][0] == f"passage:{kept}"
        assert m.query("SELECT 1 FROM people WHERE owner = 1")  # Sam is still "me"
        with pytest.raises(BadInput):
            m.edit(chat, turns=[("Sam",)])


def test_bad_changes_leave_the_store_as_it_was(two, db):
    m, first, market = two
    before = dump(db)
    for call, error in [
        (lambda: m.edit(market, RHOSSILI), BadInput),  # the words of another entry
        (lambda: m.edit(market, "   "), EmptyInput),
        (lambda: m.edit(market, 42), BadInput),
        (lambda: m.edit(market, turns=[("A", "B")]), BadInput),  # a text is not a chat
        (lambda: m.edit(market), BadInput),
        (lambda: m.edit("1", "x"), BadInput),
        (lambda: m.edit(True, "x"), BadInput),
        (lambda: m.redate(market, 20200101), BadInput),
        (lambda: m.edit(999, "x"), NotFound),
        (lambda: m.delete(999), NotFound),
        (lambda: m.history(0), BadInput),
        (lambda: m.purge(market), BadInput),  # not confirmed
        (lambda: m.purge(market, confirm="yes"), BadInput),
    ]:
        with pytest.raises(error) as e:
            call()
        assert e.value.remedy
    assert dump(db) == before
    m.delete(market)
    with pytest.raises(BadInput) as e:
        m.edit(market, "Something else.")
    assert "restore" in e.value.remedy
    with pytest.raises(BadInput):  # the words of an entry in the trash are taken too
        m.edit(first, MARKET)


def test_an_entry_changed_while_it_is_being_read_is_read_again(db, monkeypatch):
    """A server reads an entry in the background while its owner re-dates it (or puts it in the trash):
    what was read of it as it was is not stored as if it were of the entry as it is."""
    from remembrancer import extract

    with Memory(db, derive=False) as m:
        entry = m.add(MARKET, at="2020-05-10")["entry"]
    real_extract, real_embed = extract.extract_many, embed.embed

    def redated_meanwhile(items, **kwargs):
        out = list(real_extract(items, **kwargs))
        with Memory(db, derive=False) as other:
            other.redate(entry, "2021-01-01")
        return out

    def trashed_meanwhile(texts):
        out = real_embed(texts)
        with Memory(db, derive=False) as other:
            other.delete(entry)
        return out

    with Memory(db, derive=False) as m:  # not derived at open: process() below is the run that is raced
        m.derive = True  # what it changes from here on is derived
        monkeypatch.setattr(extract, "extract_many", redated_meanwhile)
        m.process()  # what was read of it as of 2020 is not stored: the run reads it again, as of 2021
        assert not m.pending(extract)
        monkeypatch.setattr(extract, "extract_many", real_extract)
        assert {t["at"] for t in m.timeline() if t["what"] == "Yesterday"} == {"2020-12-31"}
        with Memory(db, derive=False) as other:  # its vectors are to be made again
            other.edit(entry, MARKET + " It was heavier than it looked.")
        monkeypatch.setattr(embed, "embed", trashed_meanwhile)
        m.process()
        assert not m.query("SELECT 1 FROM embeddings") and not m.query("SELECT 1 FROM processed WHERE entry = ?", (entry,))
        monkeypatch.setattr(embed, "embed", real_embed)
        m.restore(entry)
        assert not m.pending(embed) and not m.pending(extract)
        assert m.query("SELECT count(*) FROM embeddings")[0][0] == len(m.entry(entry)["passages"])


# -- the trash ------------------------------------------------------------------------------------------
def test_the_trash_is_left_out_of_everything_and_restore_brings_it_back_whole(two):
    m, first, market = two
    shown = everything(m)
    assert "Quentin Vasquez" in names(m) and m.person("Quentin")
    assert any(t["passage"]["entry"] == market for t in m.timeline())
    assert any(p["entry"] == market for p in m.ask("Who sold me an astrolabe?")["passages"])
    result = m.delete(market)
    assert result["changed"] and result["deleted"]
    assert m.delete(market)["changed"] is False  # in the trash already
    assert [t["entry"] for t in m.trash()] == [market] and m.trash()[0]["text"] == MARKET
    assert m.entry(market)["deleted"] == result["deleted"]  # still there to read, in the trash
    # Left out of search, ask, recall, people, person pages, timeline, on this day, fading and review.
    assert not m.search("astrolabe pomegranate Zaragoza")
    assert all(p["entry"] != market for p in m.ask("Who sold me an astrolabe?")["passages"])
    recalled = m.recall("astrolabe")
    assert all(p["entry"] != market for p in recalled["passages"]) and not recalled["people"]
    assert "Quentin Vasquez" not in names(m)
    with pytest.raises(NotFound):
        m.person("Quentin")
    assert all(t["passage"]["entry"] != market for t in m.timeline())
    assert all(i["passage"]["entry"] != market for i in m.on_this_day("2024-05-09"))
    assert all(i["person"] != "Quentin Vasquez" for i in m.fading(now="2030-01-01", limit=50))
    assert all((i.get("passage") or {}).get("entry") != market for i in m.fading(now="2030-01-01", limit=50))
    assert m.stats()["entries"] == 1 and m.stats()["trash"] == 1
    assert m.check() == []
    # Giving the same words again says where they are.
    assert m.add(MARKET, at="2020-05-10") == {"entry": market, "deleted": result["deleted"], "new": False, "passages": 0,
                                              "words": m.entry(market)["words"]}
    assert m.restore(market)["changed"] and m.restore(market)["changed"] is False
    assert everything(m) == shown  # back whole: the same ids, the same answers
    assert m.trash() == [] and m.check() == []


def test_a_name_read_only_in_an_entry_in_the_trash_leaves_its_person(db):
    with Memory(db) as m:
        lunch = m.add("Elizabeth Bennet came for lunch on Sunday and brought her famous lemon cake.", at="2020-01-05")["entry"]
        rang = m.add("Lizzie Bennet rang from Longbourn. Lizzie sounded tired but happy.", at="2020-02-01")["entry"]
        both = m.people()
        assert [(p["name"], p["aliases"]) for p in both] == [("Elizabeth Bennet", ["Elizabeth Bennet", "Lizzie", "Lizzie Bennet"])]
        m.delete(rang)
        assert [(p["name"], p["aliases"]) for p in m.people()] == [("Elizabeth Bennet", ["Elizabeth Bennet"])]
        m.restore(rang)
        assert m.people() == both
        m.delete(lunch)  # her full name is read only there: she is known by the fullest name left
        assert [(p["name"], p["aliases"]) for p in m.people()] == [("Lizzie Bennet", ["Lizzie", "Lizzie Bennet"])]
        assert "Elizabeth" not in json.dumps(m.person("Lizzie"))


# -- purge --------------------------------------------------------------------------------------------
WORDS = ("Zaragoza", "zaragoza", "astrolabe", "Vasquez", "vasquez", "pomegranate", "Pomegranate", "lantern", "Lantern")


def holds(path, words=WORDS):
    """The words found anywhere in the store's files: the database, its write-ahead log, the vector index."""
    found = set()
    for suffix in ("", "-wal", ".usearch"):
        f = f"{path}{suffix}"
        if os.path.exists(f):
            data = open(f, "rb").read()
            found |= {w for w in words if w.encode() in data}
    return found


def test_purge_erases_an_entry_and_every_version_for_good(two, db, backend):
    """On SQLite, no byte of the file holds it after; on PostgreSQL the server keeps its log (`wiped` false)."""
    sqlite = backend == "sqlite"
    m, first, market = two
    m.edit(market, MARKET.replace("brass astrolabe", "paper lantern"))
    old_ids = [p["passage"] for p in m.entry(market)["passages"]]
    vector = embed.vectors(m, old_ids)[old_ids[0]]
    assert embed.nearest(m, vector, 1)[0][0] == old_ids[0]
    assert holds(db) or not sqlite
    result = m.purge(market, confirm=True)
    assert result["purged"] and result["versions"] == 2 and result["wiped"] is sqlite
    assert "still hold it" in result["note"] and "ackup" in result["note"]
    with pytest.raises(NotFound):
        m.entry(market)
    # No query, page or export holds it ...
    assert not m.search("Zaragoza astrolabe lantern pomegranate")
    assert all(p["entry"] != market for p in m.ask("Who sold me a lantern in Zaragoza?")["passages"])
    assert "Quentin Vasquez" not in names(m) and m.trash() == []
    assert all(t["passage"]["entry"] != market for t in m.timeline())
    exported = "".join(m.export()) + "".join(m.export("markdown"))
    assert not {w for w in WORDS if w in exported}
    # ... nor the search index's own tables, its vocabulary, any vector or vector hit ...
    if sqlite:
        conn = sqlite3.connect(str(db))
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, passages_fts, 'row')")
        terms = {r[0] for r in conn.execute("SELECT term FROM temp.vocab")}
        assert not {t for t in terms if t.startswith(("zaragoz", "astrolab", "vasquez", "pomegran", "lantern"))}
        shadow = b"".join(v if isinstance(v, bytes) else str(v).encode()
                          for t in ("passages_fts_data", "passages_fts_idx", "passages_fts_docsize", "passages_fts_config")
                          for row in conn.execute(f"SELECT * FROM {t}") for v in row)
        assert not any(w.encode() in shadow for w in ("zaragoz", "astrolab", "vasquez", "pomegran", "lantern"))
        conn.close()
    assert old_ids[0] not in [pid for pid, _ in embed.nearest(m, vector, 10)]
    assert not m.query("SELECT 1 FROM embeddings WHERE passage IN (?, ?)", (old_ids[0], old_ids[-1]))
    # ... nor any byte of the store's files, free pages and write-ahead log included.
    assert not sqlite or holds(db) == set()
    assert m.check() == []
    # Its ids are never given again.
    new = m.add("A quiet day at home.", at="2021-02-02")
    assert new["entry"] > market and min(p["passage"] for p in m.entry(new["entry"])["passages"]) > max(old_ids)


def test_purge_from_the_trash_and_of_a_chat(db):
    with Memory(db, derive=False) as m:
        chat = m.add_chat([("Ann", "The lantern festival in Zaragoza!"), ("Bo", "Bring the astrolabe.")], at="2022-01-01")["entry"]
        m.redate(chat, "2022-01-02")
        m.delete(chat)
        assert m.purge(chat, confirm=True)["versions"] == 2
        assert m.trash() == [] and not m.search("Zaragoza astrolabe lantern")
        assert isinstance(db, str) or not holds(db)


# -- the CLI ------------------------------------------------------------------------------------------
def one_line_error(result):
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("Error: ") and ". " in lines[-1], result.stderr
    return lines[-1]


def test_entry_commands(run, db, tmp_path):
    ok(run("add", "Met Priya for coffee at the Harbour Café.", "--at", "2023-05-08", "--no-extract"))
    shown = ok(run("entry", "show", "1")).output
    assert shown.startswith("Entry 1 · 2023-05-08") and "Harbour Café" in shown
    assert json.loads(ok(run("entry", "show", "1", "--json")).output)["text"] == "Met Priya for coffee at the Harbour Café."
    changed = ok(run("entry", "edit", "1", "--text", "Met Priya for tea at the Harbour Café.", "--no-extract"))
    assert "now version 2" in changed.output and "entry history 1" in changed.output
    assert "version 1 of entry 1" in ok(run("add", "Met Priya for coffee at the Harbour Café.", "--no-extract")).output
    piped = ok(run("entry", "edit", "1", "-", "--no-extract", "--json", input="Met Priya for cocoa at the Harbour Café.\n"))
    assert json.loads(piped.output)["version"] == 3
    # No --text: the editor opens on the words as they are.
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\np.write_text(p.read_text().replace('cocoa', 'mint tea'))\n")
    ok(run("entry", "edit", "1", "--no-extract", env={"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""}))
    assert Memory(db, derive=False).entry(1)["text"] == "Met Priya for mint tea at the Harbour Café.\n"
    dated = ok(run("entry", "date", "1", "2023-05-07", "--no-extract"))
    assert "Dated 2023-05-07" in dated.output
    history = json.loads(ok(run("entry", "history", "1", "--json")).output)
    assert [v["version"] for v in history] == [1, 2, 3, 4, 5] and history[-1]["changed"] == ["date"]
    assert "Version 1: as first written" in ok(run("entry", "history", "1")).output
    assert "in the trash" in ok(run("entry", "delete", "1")).output
    assert "already" in ok(run("entry", "delete", "1")).output
    trash = json.loads(ok(run("trash", "--json")).output)
    assert [t["entry"] for t in trash] == [1] and "Entry 1" in ok(run("trash")).output
    assert "search" not in ok(run("search", "Priya")).output and "Nothing found." in ok(run("search", "Priya")).output
    assert "Entry 1 is back." in ok(run("entry", "restore", "1", "--no-extract")).output
    assert "The trash is empty." in ok(run("trash")).output
    # Purge asks first; no (or no answer) keeps it.
    assert "not erased" in one_line_error(run("entry", "purge", "1", input="n\n"))
    assert "not erased" in one_line_error(run("entry", "purge", "1", input=""))
    assert Memory(db, derive=False).entry(1)
    erased = ok(run("entry", "purge", "1", input="y\n"))
    assert "Erased entry 1 and all 5 of its versions for good" in erased.output and "still hold it" in erased.output
    assert "No entry 1" in one_line_error(run("entry", "show", "1"))
    ok(run("add", "Another day.", "--no-extract"))
    assert json.loads(ok(run("entry", "purge", "2", "--yes", "--json")).output)["purged"] is True


def test_entry_command_errors_are_one_line_with_a_remedy(run, db, tmp_path):
    ok(run("add", "Coffee with Ianto.", "--no-extract"))
    ok(run("add", "Tea with Jack.", "--no-extract"))
    chat = tmp_path / "chat.jsonl"
    chat.write_text(json.dumps({"turns": [{"speaker": "Ann", "text": "Hello."}], "at": "2022-01-01"}) + "\n")
    ok(run("import", "jsonl", chat, "--no-extract"))
    before = dump(db)
    assert "No entry 9" in one_line_error(run("entry", "show", "9"))
    assert "holds that text already" in one_line_error(run("entry", "edit", "1", "--text", "Tea with Jack.", "--no-extract"))
    assert "is a chat" in one_line_error(run("entry", "edit", "3", "--text", "Ann: Hi.", "--no-extract"))
    assert "Not a date" in one_line_error(run("entry", "date", "1", "soon", "--no-extract"))
    assert "empty" in one_line_error(run("entry", "edit", "1", "--text", "  ", "--no-extract")).lower()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert "bad.jsonl line 1" in one_line_error(run("entry", "edit", "3", "--turns", bad, "--no-extract"))
    assert dump(db) == before
    turns = tmp_path / "turns.jsonl"
    turns.write_text(json.dumps({"speaker": "Ann", "text": "Hello there."}) + "\n" + json.dumps({"speaker": "Bo", "text": "Hi."}) + "\n")
    ok(run("entry", "edit", "3", "--turns", turns, "--no-extract"))
    assert [p["text"] for p in Memory(db, derive=False).entry(3)["passages"]] == ["Hello there.", "Hi."]
    assert run("entry", "show", "abc").exit_code == 2  # click's own usage error


@pytest.mark.parametrize("command", ["show", "edit", "date", "delete", "restore", "purge", "history"])
def test_every_entry_command_has_json_and_an_example(command):
    help_text = CliRunner().invoke(cli, ["entry", command, "--help"]).output
    assert "--json" in help_text and f"Example: remembrancer entry {command}" in help_text
    trash_help = CliRunner().invoke(cli, ["trash", "--help"]).output
    assert "--json" in trash_help and "Example: remembrancer trash" in trash_help


def test_commands_on_entries_load_no_model(tmp_path):
    """Reading, trashing and restoring an entry that was never understood needs no model at all."""
    import subprocess

    from conftest import ROOT

    db = tmp_path / "m.db"
    with Memory(db, derive=False) as m:
        m.add("Coffee with Ianto.")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for command in (["entry", "show", "1"], ["entry", "delete", "1"], ["trash"], ["entry", "restore", "1", "--no-extract"],
                    ["entry", "history", "1"]):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "remembrancer.cli", "--db", str(db), *command],
                              capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr[-2000:]
        imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
        assert not imported & {"spacy", "onnxruntime", "numpy", "usearch"}, (command, imported & {"spacy", "onnxruntime", "numpy"})

