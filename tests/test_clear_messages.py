"""Clear, true messages (issue 15): each case the audit found answered with a traceback, silence or a wrong
message, at the CLI and in the Python API; and the store left as it was."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conftest import dump
from remembrancer import capture
from remembrancer.cli import cli
from remembrancer.errors import BadArgument, BadDate, BadFormat, NotFound, RemembrancerError, StoreError
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


def run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)], input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.fixture
def store(db):
    with Memory(db, derive=False) as memory:
        memory.add("Already here: tea with Owen.", at="2020-01-01")
    return db


def jsonl(tmp_path, *objs, raw=None) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text(raw if raw is not None else "\n".join(json.dumps(o) for o in objs), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("line, said", [
    ({"turns": [{"speaker": "Ann", "text": "hi", "ref": {"id": 1}}]}, "turn 1's \"ref\" must be text (a string) or null, not an object"),
    ({"turns": [{"speaker": 7, "text": "hi"}]}, "turn 1's \"speaker\" must be text (a string) or null, not a number"),
    ({"speaker": ["Ann"], "text": "hi"}, "\"speaker\" must be text (a string) or null, not a list"),
    ({"text": "hi", "at": 20230508}, "\"at\" must be text (a string) or null, not a number"),
    ({"text": "hi", "at": "9999-12-31T23:59:59-14:00"}, "falls outside the years 1 to 9999"),
    ({"turns": [{"speaker": "Ann"}]}, "turn 1 needs a \"text\" string"),
])
def test_a_bad_jsonl_field_is_named_at_its_line_and_nothing_is_stored(tmp_path, store, line, said):
    before = dump(store)
    source = jsonl(tmp_path, {"text": "A good first line."}, line)
    error = one_line_error(run(store, "import", "jsonl", source))
    assert "line 2" in error and said in error, error
    assert "damaged" not in error and "backup" not in error and "each turn needs" not in error
    assert dump(store) == before


@pytest.mark.parametrize("raw, said", [
    ("[" * 50_000 + "]" * 50_000, "nested more than 100 levels deep"),
    ('{"text": "hi", "n": ' + "9" * 5000 + "}", "a number of more than 4,300 digits"),
    ("\n\n", "holds no entries"),
])
def test_json_that_python_cannot_read_is_a_clear_error(tmp_path, store, raw, said):
    before = dump(store)
    error = one_line_error(run(store, "import", "jsonl", jsonl(tmp_path, raw=raw)))
    assert said in error
    locomo = tmp_path / "deep.json"
    locomo.write_text(raw, encoding="utf-8")
    assert one_line_error(run(store, "import", "locomo", locomo))
    assert dump(store) == before


def test_locomo_with_no_sessions_is_an_error_not_silence(tmp_path, store):
    before = dump(store)
    path = tmp_path / "empty.json"
    path.write_text(json.dumps([{"sample_id": "x", "conversation": {"speaker_a": "Ann", "speaker_b": "Bo"}}]), encoding="utf-8")
    error = one_line_error(run(store, "import", "locomo", path))
    assert "holds no sessions" in error
    assert dump(store) == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_read_not_called_binary(tmp_path, store, encoding):
    text = "Zoë and I walked to the pier.\nShe said: ‘the sea is cold today’."
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(encoding))
    result = run(store, "add", path, "--no-extract", "--json")
    assert result.exit_code == 0, result.output
    with Memory(store, derive=False) as memory:
        assert memory.entry(json.loads(result.output)["results"][0]["entry"])["text"] == text


def test_binary_is_still_binary(tmp_path, store):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary" in one_line_error(run(store, "add", path))


def test_a_date_out_of_range_is_a_clear_error(store):
    before = dump(store)
    for at in ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"):
        error = one_line_error(run(store, "add", "A note.", "--at", at))
        assert "falls outside the years 1 to 9999" in error
    assert dump(store) == before


def test_a_full_disk_while_understanding_says_what_was_stored(tmp_path):
    """The disk fills (here: SQLite's page limit) after the 200 entries are stored, while they are understood:
    the message says they were stored (it said 'nothing was stored'), and the next command understands them."""
    entries = [capture.text_entry(f"Day {i}. Coffee with Gwen Cooper at the pier; we talked about Rhys and the boat.",
                                  at="2020-01-01") for i in range(200)]

    def pages(memory):
        return memory.query("PRAGMA page_count")[0][0]

    with Memory(tmp_path / "probe.db", derive=False) as probe:
        start = pages(probe)
        probe.add_entries(entries)
        grown = pages(probe) - start
    db = tmp_path / "memories.db"
    with Memory(db, derive=False) as memory:
        memory.conn.execute(f"PRAGMA max_page_count = {pages(memory) + grown + 1}")
        memory.derive = True
        with pytest.raises(StoreError) as caught:
            memory.add_entries(entries)
    line = caught.value.line()
    assert line.startswith("200 entries stored, but understanding them stopped") and "Free some disk space" in line
    assert "nothing was stored" not in line
    with Memory(db) as memory:  # room again: the next open understands them
        assert memory.query("SELECT count(*) FROM entries")[0][0] == 200
        assert memory.pending_counts() == {"extract": 0, "embed": 0}


# -- the Python API: a wrong type is a typed error, for every public method ---------------------------
WRONG = [
    ("add", (5,), {}), ("add", ("x",), {"at": 5}), ("add", ("x",), {"author": 5}), ("add", ("x",), {"source": b"s"}),
    ("add", (None,), {}), ("add", (["x"],), {}),
    ("add_chat", (5,), {}), ("add_chat", ([("Ann", 5)],), {}), ("add_chat", ([("Ann", "hi", {"r": 1})],), {}),
    ("add_chat", ([("Ann", "hi")],), {"me": 5}), ("add_chat", ([(5, "hi")],), {}),
    ("add_files", (5,), {}), ("import_file", (5, "x.jsonl"), {}), ("import_file", ("jsonl", 5), {}),
    ("search", (None,), {}), ("search", (5,), {}), ("search", ("x",), {"limit": "3"}), ("search", ("x",), {"limit": True}),
    ("search", ("x",), {"limit": 0}), ("ask", (None,), {}), ("ask", ("x",), {"limit": 2.5}), ("recall", (["x"],), {}),
    ("person", (5,), {}), ("person", ("Owen",), {"now": 5}), ("merge_people", ("a", 5), {}), ("split_person", (None, "a"), {}),
    ("timeline", (), {"start": 5}), ("timeline", (), {"person": 5}), ("on_this_day", (20200101,), {}),
    ("fading", (), {"now": 5}), ("fading", (), {"limit": "ten"}), ("review_next", (5,), {}),
    ("review_answer", (5, "good"), {}), ("review_answer", ("x", None), {}), ("review_answer", ("x", 2.0), {}),
    ("hide", (5,), {}), ("hide", ("Owen",), {"hidden": "no"}), ("export", (5,), {}), ("entry", ("1",), {}),
    ("backup", (5,), {}), ("add", (), {}),
]


@pytest.mark.parametrize("method, args, kwargs", WRONG, ids=[f"{m}-{i}" for i, (m, _, _) in enumerate(WRONG)])
def test_a_wrong_type_from_python_is_a_typed_error_and_changes_nothing(store, method, args, kwargs):
    before = dump(store)
    with Memory(store, derive=False) as memory:
        with pytest.raises(RemembrancerError) as caught:
            result = getattr(memory, method)(*args, **kwargs)
            if method == "export":
                list(result)
    assert isinstance(caught.value, (BadArgument, BadFormat, BadDate)), type(caught.value)
    assert caught.value.remedy and "\n" not in str(caught.value)
    assert dump(store) == before


def test_right_types_still_work(store):
    with Memory(store, derive=False) as memory:
        assert memory.person("Owen", now=dt.date(2021, 1, 1)) if memory.people() else True
        assert memory.search("tea", limit=1)
        assert Memory(store, derive=False, timeout=1).stats()["entries"] == 1  # an int where a float is asked
    with pytest.raises(BadArgument, match="Memory: derive must be bool"):
        Memory(store, derive="yes")


# -- text: one Unicode form for names and search, emoji found, nothing a terminal would act on printed raw --
def test_nfc_and_nfd_zoe_are_one_person_and_one_search(db):
    import unicodedata

    nfc, nfd = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    assert nfc != nfd
    with Memory(db) as memory:
        memory.add(f"I had coffee with {nfc} Hughes at the pier. {nfc} laughed.", at="2020-01-01")
        memory.add(f"{nfd} Hughes rang me about the boat. {nfd} is well.", at="2020-01-02")
        zoes = [p for p in memory.people() if unicodedata.normalize("NFC", p["name"]).startswith(nfc)]
        assert len(zoes) == 1 and zoes[0]["mentions"] >= 4
        assert memory.person(nfd)["name"] == memory.person(nfc)["name"]
        assert {p["entry"] for p in memory.search(nfd)} == {p["entry"] for p in memory.search(nfc)} == {1, 2}
        assert memory.entry(2)["text"].startswith(nfd)  # the text itself is kept as written


def test_an_importer_finds_me_however_the_export_composed_the_name(tmp_path, db):
    """--me typed as one character finds the speaker an export wrote with a combining mark (and the other way)."""
    import unicodedata

    nfc, nfd = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    log = "\n".join(json.dumps({"speaker": who, "text": text, "at": "2020-03-01T10:00"}, ensure_ascii=False)
                    for who, text in ((nfd, "My sister Ana moved to Lisbon."), ("Sam", "Good for her!"))).encode()
    for me, written in ((nfc, nfd), (nfd, nfd)):
        [chat] = capture.jsonl_entries("chat.jsonl", me=me, data=log)
        assert chat.meta["me"] == written  # the name as the export wrote it, which its turns carry
    chat_log = tmp_path / "chat.jsonl"
    chat_log.write_bytes(log)
    with Memory(db) as memory:
        assert memory.import_path("jsonl", chat_log, me=nfc)["entries"] == 1  # not "Zoë speaks in none of it"
        assert any(p["name"] == "Ana" for p in memory.people())


def test_emoji_are_searchable(db):
    with Memory(db, derive=False) as memory:
        memory.add("Owen's birthday 🎂 at the pier, tulips everywhere 🌷", at="2020-01-01")
        memory.add("Rain all day ☔ and tulips in the window.", at="2020-01-02")
        memory.add("Back to work.", at="2020-01-03")
        assert [p["entry"] for p in memory.search("🎂")] == [1]
        assert [p["entry"] for p in memory.search("☔")] == [2]
        assert [p["entry"] for p in memory.search("tulips 🌷")][0] == 1  # words and emoji: both first
        assert memory.search("🦄") == []


def test_terminal_escape_sequences_are_shown_not_obeyed(db):
    with Memory(db, derive=False) as memory:
        memory.add("Set the title \x1b]0;owned\x07 and clear \x1b[2J the screen \x9b31m here.", at="2020-01-01")
    result = run(db, "search", "title")
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output and "\x9b" not in result.output
    assert "\\x1b]0;owned\\x07" in result.output and "\\x9b31m" in result.output
    as_json = run(db, "search", "title", "--json").output
    assert "\x1b" not in as_json and "\x9b" not in as_json
    assert json.loads(as_json)[0]["text"].startswith("Set the title \x1b]0;owned\x07")  # lossless in JSON
    error = one_line_error(run(db, "person", "Eve\x1b[31m"))
    assert "\x1b" not in error


@pytest.mark.parametrize("number", [2 ** 63, 10 ** 30, -(2 ** 64), 0])
def test_a_number_sqlite_cannot_hold_is_not_found_not_a_crash(store, number):
    before = dump(store)
    with Memory(store, derive=False) as memory:
        with pytest.raises(NotFound):
            memory.undo(number)
        assert memory.names_in([number]) == {number: []}
    assert dump(store) == before


def test_a_nul_in_a_name_is_not_found_not_a_store_error(store):
    with Memory(store, derive=False) as memory:
        with pytest.raises(NotFound):
            memory.timeline(person="a\x00b")
