"""Export and import carry everything the owner made: entries with their ids, `added`, versions and trash,
corrections, hidden people and the review history. Real store files, the real models."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, dump, store_on
from remembrancer import Memory
from remembrancer.cli import cli
from remembrancer.errors import BadFormat

NOW = "2030-01-01"


def made(memory):
    """A store as a person leaves it after some years: entries edited, re-dated, trashed; a chat edited;
    people joined, split and hidden; reviews answered; a correction of a kind this version does not read."""
    memory.add_files([EXAMPLES / "journal"])
    memory.import_file("locomo", EXAMPLES / "chat.json", me="Priya")
    memory.add("Yesterday Gethin forgot the words at choir in Llandaff again.", at="2017-03-05")
    texts = [r[0] for r in memory.query("SELECT id FROM entries WHERE kind = 'text' ORDER BY id")]
    memory.edit(texts[0], memory.entry(texts[0])["text"] + "\n\nLater I remembered the tea was cold.")
    memory.redate(texts[1], "2021-03-15")
    memory.delete(texts[2])
    chat = memory.query("SELECT id FROM entries WHERE kind = 'chat' ORDER BY id")[0][0]
    turns = memory.entry(chat)["passages"]
    memory.edit(chat, turns=[(p["speaker"], p["text"] + (" (I think)" if i == 1 else ""), p["ref"]) for i, p in enumerate(turns)])
    people = [p["name"] for p in memory.people() if p["name"] != "me"]
    memory.merge_people(people[2], people[3])
    memory.relate(people[1], "friend", "me")  # statements of the person's own: carried with what they are about
    memory.set_birthday(people[1], "1950")
    for _ in range(3):
        item = memory.review_next(now=NOW)
        memory.review_answer(item["item"], "good", now=NOW)
    passage = memory.query("SELECT id FROM passages ORDER BY id DESC LIMIT 1")[0][0]
    memory.review_answer(f"passage:{passage}", "hard", now=NOW)
    memory.hide(people[0], now=NOW)
    with memory.transaction() as conn:  # a kind of correction another version adds: carried all the same
        conn.execute("INSERT INTO corrections (kind, a, b, at) VALUES ('not-a-person', 'Biscuit', 'dog', '2024-01-01T10:00:00')")
    return memory


def pages(memory) -> dict:
    """Every page and answer, without the ids extraction gives people and events (derived, renumbered by `reindex`)."""
    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if not (k == "id" and ("aliases" in o or "negated" in o))}
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o

    ids = [r[0] for r in memory.query("SELECT id FROM entries ORDER BY id")]
    out = {
        "people": memory.people(),
        "persons": [memory.person(p["name"], now=NOW) for p in memory.people()],
        "search": [memory.search(q) for q in ("coffee", "fishing rod Aberdeen", "tea cold", "Gethin choir")],
        "ask": [memory.ask(q) for q in ("Who moved to Toronto?", "What did Tom take to Aberdeen?", "When did Gethin forget the words?")],
        "recall": [memory.recall(c) for c in ("coffee", "fishing rod")],
        "timeline": memory.timeline(),
        "on_this_day": [memory.on_this_day(d) for d in ("2025-05-08", "2025-03-14", "2025-03-04")],
        "fading": memory.fading(now=NOW, limit=20),
        "review": memory.review_next(now=NOW),
        "trash": memory.trash(),
        "entries": [memory.entry(i) for i in ids],
        "history": [memory.history(i) for i in ids],
        "stats": {k: v for k, v in memory.stats().items() if k not in ("path", "bytes", "memory")},
    }
    return strip(out)


def unscored(o):
    """Pages without BM25's scores, which FTS5 and PostgreSQL's words make differ in the last digits."""
    if isinstance(o, dict):
        return {k: unscored(v) for k, v in o.items() if k != "score"}
    if isinstance(o, list):
        return [unscored(x) for x in o]
    return o


@pytest.mark.parametrize("source,target", [("sqlite", "sqlite"), ("sqlite", "postgres"), ("postgres", "sqlite")])
def test_export_import_export_is_byte_for_byte_and_every_page_is_the_same(tmp_path, request, source, target):
    """Within a backend and across them (an SQLite store into a PostgreSQL memory and back)."""
    same = (lambda x: x) if source == target else unscored
    with made(Memory(store_on(source, request, tmp_path, "a"))) as a:
        first = "".join(a.export())
        (tmp_path / "a.jsonl").write_text(first, encoding="utf-8")
        shown = same(pages(a))
        owned = {t: [tuple(r) for r in a.query(f"SELECT * FROM {t} ORDER BY 1")]
                 for t in ("corrections", "hidden", "recalls", "cards", "reviews")}
    lines = [json.loads(line) for line in first.splitlines()]
    entries = [x for x in lines if "table" not in x]
    assert any(e.get("deleted") for e in entries) and any(e.get("versions") for e in entries)
    assert any("turns" in v for e in entries for v in e.get("versions", []))
    assert {x["table"] for x in lines if "table" in x} == {"corrections", "hidden", "recalls", "cards", "reviews"}
    with Memory(store_on(target, request, tmp_path, "b")) as b:
        result = b.import_file("jsonl", tmp_path / "a.jsonl")
        assert result["entries"] == len(entries)
        assert "".join(b.export()) == first  # byte for byte
        assert {t: [tuple(r) for r in b.query(f"SELECT * FROM {t} ORDER BY 1")] for t in owned} == owned
        assert same(pages(b)) == shown  # people, relations, events, versions, trash, review history: the same
        assert b.check() == []
        # Imported again, nothing is added: every entry and every record is there already.
        again = b.import_file("jsonl", tmp_path / "a.jsonl")
        assert again["entries"] == 0 and "".join(b.export()) == first


def test_the_cli_round_trip_and_an_import_into_a_store_with_entries(tmp_path):
    run = lambda db, *args: CliRunner().invoke(cli, ["--db", str(db), *map(str, args)])  # noqa: E731
    with made(Memory(tmp_path / "a.db")):
        pass
    wrote = run(tmp_path / "a.db", "export", "-o", tmp_path / "a.jsonl", "--json")
    with Memory(tmp_path / "a.db", derive=False) as a:
        assert json.loads(wrote.output)["entries"] == a.query("SELECT count(*) FROM entries")[0][0]  # records not counted
    assert run(tmp_path / "b.db", "import", "jsonl", tmp_path / "a.jsonl").exit_code == 0
    assert run(tmp_path / "b.db", "export").output == (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    # Into a store that has its own entries: new ids, and a review of a passage follows the passage.
    with Memory(tmp_path / "c.db") as c:
        c.add("An entry of this store's own, first.", at="2001-01-01")
        c.add("And a second one.", at="2001-01-02")
        c.import_file("jsonl", tmp_path / "a.jsonl")
        reviewed = [r[0] for r in c.query("SELECT item FROM reviews WHERE item LIKE 'passage:%'")]
        assert reviewed
        for item in reviewed:
            pid = int(item.split(":")[1])
            with Memory(tmp_path / "a.db", derive=False) as a:
                before = a.query("SELECT text FROM passages WHERE id IN (SELECT CAST(substr(item, 9) AS INTEGER) FROM reviews"
                                 " WHERE item LIKE 'passage:%')")
            assert c.passages([pid])[0]["text"] in {r[0] for r in before}
        assert c.stats()["trash"] == 1 and c.trash()[0]["versions"] == 0
        assert len(c.query("SELECT * FROM versions")) == len(Memory(tmp_path / "a.db", derive=False).query("SELECT * FROM versions"))


def test_an_older_export_still_imports_and_keeps_when_each_entry_was_added(tmp_path):
    old = tmp_path / "old.jsonl"
    old.write_text("\n".join(json.dumps(x) for x in [
        {"text": "Coffee with Ianto at the Hub.", "at": "2009-05-01", "added": "2010-01-02T03:04:05", "author": None,
         "source": None, "kind": "text"},
        {"text": "Maggie: Hello\nTom: Hi", "at": "2024-02-14T09:02:00", "added": "2024-02-15T00:00:00", "kind": "chat",
         "turns": [{"speaker": "Maggie", "text": "Hello", "ref": "D1:1"}, {"speaker": "Tom", "text": "Hi", "ref": "D1:2"}]},
    ]) + "\n", encoding="utf-8")
    with Memory(tmp_path / "m.db", derive=False) as m:
        result = m.import_file("jsonl", old)
        assert result["entries"] == 2
        assert [r[0] for r in m.query("SELECT added FROM entries ORDER BY id")] == ["2010-01-02T03:04:05", "2024-02-15T00:00:00"]
        assert [(p["speaker"], p["ref"]) for p in m.entry(2)["passages"]] == [("Maggie", "D1:1"), ("Tom", "D1:2")]


@pytest.mark.parametrize("line, error", [
    ({"table": "settings", "row": {"key": "server.token_sha256", "value": "x"}}, "not a table an export carries"),
    ({"table": "corrections", "row": {"kind": "merge", "a": "A", "b": "B", "at": "2020-01-01", "colour": "red"}}, "no column 'colour'"),
    ({"table": "reviews", "row": {"item": "person:A", "rating": 3}}, "needs 'at'"),
    ({"table": "hidden", "row": {"item": "person:A", "hidden": [1], "at": "2020-01-01"}}, "must be text or a number"),
    ({"table": "cards"}, 'a record needs a "table" name and a "row" object'),
    ({"text": "Fine.", "at": "2020-01-01", "id": -3}, '"id" must be a positive whole number'),
    ({"text": "Fine.", "at": "2020-01-01", "versions": [{"text": "Before."}]}, '"replaced"'),
    ({"text": "Fine.", "at": "2020-01-01", "deleted": 5}, '"deleted" must be a date-time'),
])
def test_a_bad_export_line_is_named_and_nothing_is_stored(tmp_path, line, error):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "A good line first.", "at": "2020-01-01"}) + "\n" + json.dumps(line) + "\n")
    with Memory(tmp_path / "m.db", derive=False) as m:
        m.add("Already here.")
        before = dump(tmp_path / "m.db")
        with pytest.raises(BadFormat) as e:
            m.import_file("jsonl", path)
        assert error in str(e.value) and "bad.jsonl line 2" in str(e.value) and e.value.remedy
        assert dump(tmp_path / "m.db") == before


def test_an_uploaded_export_brings_its_records_too(tmp_path):
    from remembrancer.server import parse_upload

    with made(Memory(tmp_path / "a.db")) as a:
        data = "".join(a.export()).encode("utf-8")
        reviews = a.query("SELECT count(*) FROM reviews")[0][0]
    entries, records = parse_upload("auto", data, "memories.jsonl")
    assert len([r for r in records if r[1] == "reviews"]) == reviews
    assert all(where.startswith("memories.jsonl line ") for where, _, _ in records)
    with Memory(tmp_path / "b.db", derive=False) as b:
        b.add_entries(entries, records=records)
        assert b.query("SELECT count(*) FROM reviews")[0][0] == reviews
    conn = sqlite3.connect(str(tmp_path / "b.db"))
    assert conn.execute("SELECT count(*) FROM versions").fetchone()[0] >= 2
    conn.close()


def test_an_entry_whose_words_another_entry_once_had_comes_through(tmp_path):
    with Memory(tmp_path / "a.db", derive=False) as a:
        first = a.add("The words first written here.", at="2020-01-01")["entry"]
        a.edit(first, "Those words, changed.")
        second = a.add("Something else entirely.", at="2020-01-02")["entry"]
        a.edit(second, "The words first written here.")  # an earlier version of the first, now the second's
        assert a.add("The words first written here.")["entry"] == second  # the entry that has them now
        exported = "".join(a.export())
    (tmp_path / "a.jsonl").write_text(exported, encoding="utf-8")
    with Memory(tmp_path / "b.db", derive=False) as b:
        assert b.import_file("jsonl", tmp_path / "a.jsonl")["entries"] == 2
        assert "".join(b.export()) == exported
