"""Importers (issue 19): each format from small exports written here, a malformed one of each, and the
promise that importing again, or a newer export that overlaps an older one, adds only what is new."""
import json
import zipfile

import pytest
from click.testing import CliRunner

from conftest import dump, made
from remembrancer import Memory, importers
from remembrancer.cli import cli
from remembrancer.errors import BadDate, BadFormat, BadInput, UnknownFormat

pytestmark = pytest.mark.backends  # each test using `db`, `memory` or `run`: on SQLite, then on PostgreSQL


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)])


def ok(result):
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def turns(memory, entry_id):
    return [(r["speaker"], r["text"]) for r in memory.query(
        "SELECT speaker, text FROM passages WHERE entry = ? ORDER BY seq", (entry_id,))]


def chats(memory):
    return [(r["at"], r["source"], json.loads(r["meta"] or "{}")) for r in memory.query(
        "SELECT at, source, meta FROM entries WHERE kind = 'chat' ORDER BY at, id")]


# -- WhatsApp --------------------------------------------------------------------------------------
ANDROID_GB = """\
03/05/2021, 09:12 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
03/05/2021, 09:12 - Nia created group "Jones family"
03/05/2021, 09:13 - Nia: Morning all! Mam's scan is at 2 on Thursday
03/05/2021, 09:15 - Owen: I'll drive her.
Then we can get chips after
03/05/2021, 09:16 - Owen: <Media omitted>
03/05/2021, 09:20 - Nia changed the subject from "Jones" to "Jones family: Mam"
03/05/2021, 21:40 - Nia: This message was deleted
14/05/2021, 18:02 - Nia: Scan was fine!! 🎉
14/05/2021, 18:05 - Owen: Told you
"""


def test_whatsapp_android_day_first_one_chat_a_day_without_system_lines_or_media(memory, tmp_path):
    path = tmp_path / "WhatsApp Chat with Jones family.txt"
    path.write_text(ANDROID_GB, encoding="utf-8")
    assert importers.detect(path) == "whatsapp"
    batch = importers.read(None, path, me="Nia")
    assert [e.at for e in batch.entries] == ["2021-05-03T09:13:00", "2021-05-14T18:02:00"]
    first = batch.entries[0]
    assert [t.speaker for t in first.turns] == ["Nia", "Owen"]
    assert first.turns[1].text == "I'll drive her.\nThen we can get chips after"  # a message over two lines
    assert first.meta == {"app": "whatsapp", "chat": "Jones family", "me": "Nia"}
    assert first.source == "whatsapp:Jones family"
    # 14/05 proves the file day-first, so 03/05 is the third of May, with no setting needed
    assert batch.order is None


def test_whatsapp_iphone_and_month_first_with_am_pm(tmp_path):
    ios = tmp_path / "_chat.txt"
    ios.write_text("\u200e[12/31/20, 11:58:02\u202fPM] Sam: \u200eimage omitted\n"
                   "[12/31/20, 11:59:40\u202fPM] Sam: Nearly midnight\n"
                   "[1/1/21, 12:00:05\u202fAM] Alex: Happy new year!\n"
                   "[1/1/21, 12:01:00\u202fAM] Alex: \u200eThis message was deleted.\n", encoding="utf-8")
    batch = importers.read("whatsapp", ios, me="Alex")
    assert [(e.at, [(t.speaker, t.text) for t in e.turns]) for e in batch.entries] == [
        ("2020-12-31T23:59:40", [("Sam", "Nearly midnight")]),
        ("2021-01-01T00:00:05", [("Alex", "Happy new year!")])]
    assert batch.entries[1].meta["me"] == "Alex" and "me" not in batch.entries[0].meta


def test_whatsapp_numbers_that_fit_both_ways_need_the_order(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("04/05/2021, 10:00 - Sam: One\n04/05/2021, 11:00 - Sam: Two\n", encoding="utf-8")
    with pytest.raises(BadDate, match="could be day/month"):
        importers.read("whatsapp", path)
    from remembrancer import dates

    assert importers.read("whatsapp", path, order=dates.DAY_FIRST).entries[0].at == "2021-05-04T10:00:00"
    assert importers.read("whatsapp", path, order=dates.MONTH_FIRST).entries[0].at == "2021-04-05T10:00:00"
    # the messages' order decides when only one reading keeps them in order
    path.write_text("04/05/2021, 10:00 - Sam: One\n05/04/2021, 11:00 - Sam: Two\n", encoding="utf-8")
    assert [e.at for e in importers.read("whatsapp", path).entries] == ["2021-04-05T10:00:00", "2021-05-04T11:00:00"]


def test_whatsapp_malformed_names_the_line_and_stores_nothing(db, tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("Hello, this is not an export\n03/05/2021, 09:13 - Nia: Morning\n", encoding="utf-8")
    result = run(db, "import", "whatsapp", path)
    assert result.exit_code == 1 and "line 1" in result.output and "not a WhatsApp message line" in result.output
    assert not made(db)


def test_whatsapp_again_adds_nothing_and_a_newer_export_only_what_is_new(db, tmp_path):
    old = tmp_path / "WhatsApp Chat with Jones family.txt"
    old.write_text(ANDROID_GB, encoding="utf-8")
    first = json.loads(ok(run(db, "import", old, "--me", "Nia", "--no-extract", "--json")).output)
    assert first["entries"] == 2 and first["items"]["new"] == 4
    before = dump(db)
    again = ok(run(db, "import", old, "--me", "Nia", "--no-extract"))
    assert "0 entries" in again.output and "4 items in the export: 0 new, 4 already stored" in again.output
    assert dump(db) == before
    # A newer export: the 14th went on after the first export was taken, and there is a new day.
    newer = tmp_path / "WhatsApp Chat with Jones family (1).txt"
    newer.write_text(ANDROID_GB + "14/05/2021, 20:30 - Nia: Chips then?\n15/05/2021, 08:00 - Owen: Morning\n",
                     encoding="utf-8")
    grown = json.loads(ok(run(db, "import", "whatsapp", newer, "--me", "Nia", "--no-extract", "--json")).output)
    assert grown["entries"] == 2 and grown["items"] == {"items": 6, "new": 2, "known": 4, "changed": 0, "continued": 1}
    with Memory(db, derive=False) as memory:
        rows = memory.query("SELECT id, at, meta FROM entries ORDER BY id")
        assert [r["at"] for r in rows] == ["2021-05-03T09:13:00", "2021-05-14T18:02:00", "2021-05-14T20:30:00",
                                           "2021-05-15T08:00:00"]
        assert json.loads(rows[2]["meta"])["continues"] == [rows[1]["id"]]
        assert turns(memory, rows[2]["id"]) == [("Nia", "Chips then?")]  # only what was new
        assert memory.query("SELECT count(*) FROM passages")[0][0] == 2 + 2 + 1 + 1
    assert "0 new" in ok(run(db, "import", newer, "--me", "Nia", "--no-extract")).output


# -- Telegram -------------------------------------------------------------------------------------
def telegram_export(extra=()):
    return {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 111, "first_name": "Alex", "last_name": "Morgan"},
        "chats": {"about": "This page lists all chats from this export.", "list": [
            {"name": "Sam Okafor", "type": "personal_chat", "id": 222, "messages": [
                {"id": 1, "type": "message", "date": "2022-03-01T19:00:00", "date_unixtime": "1646161200",
                 "from": "Sam Okafor", "from_id": "user222", "text": "Did you hear about Gran?"},
                {"id": 2, "type": "message", "date": "2022-03-01T19:01:10", "from": "Alex Morgan", "from_id": "user111",
                 "text": ["She's ", {"type": "bold", "text": "home"}, " now, all fine."]},
                {"id": 3, "type": "message", "date": "2022-03-01T19:02:00", "from": "Sam Okafor", "from_id": "user222",
                 "photo": "(File not included.)", "media_type": "sticker", "text": ""},
                {"id": 4, "type": "service", "date": "2022-03-01T19:03:00", "actor": "Sam Okafor", "actor_id": "user222",
                 "action": "phone_call", "text": ""},
                *extra]},
            {"name": "Book club", "type": "private_group", "id": 333, "messages": [
                {"id": 10, "type": "message", "date": "2022-03-02T08:00:00", "from": "Priya", "from_id": "user444",
                 "text": "Chapter 4 by Friday please"}]},
        ]},
    }


def test_telegram_several_chats_its_owner_and_only_words(memory, tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(telegram_export()), encoding="utf-8")
    assert importers.detect(path) == "telegram" and importers.detect(tmp_path) == "telegram"
    batch = importers.read(None, path)
    assert [(e.source, e.at) for e in batch.entries] == [("telegram:Sam Okafor", "2022-03-01T19:00:00"),
                                                        ("telegram:Book club", "2022-03-02T08:00:00")]
    first = batch.entries[0]
    assert [(t.speaker, t.text, t.ref) for t in first.turns] == [
        ("Sam Okafor", "Did you hear about Gran?", "1"), ("Alex Morgan", "She's home now, all fine.", "2")]
    assert first.meta["me"] == "Alex Morgan"  # the export names its owner
    assert "me" not in batch.entries[1].meta
    one_chat = tmp_path / "one.json"
    one_chat.write_text(json.dumps(telegram_export()["chats"]["list"][1]), encoding="utf-8")
    assert importers.detect(one_chat) == "telegram"
    assert importers.read(None, one_chat).entries[0].turns[0].text == "Chapter 4 by Friday please"


def test_telegram_overlapping_export_and_a_malformed_one(db, tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(telegram_export()), encoding="utf-8")
    ok(run(db, "import", "telegram", path, "--no-extract"))
    later = {"id": 5, "type": "message", "date": "2022-03-01T22:00:00", "from": "Sam Okafor", "from_id": "user222",
             "text": "Night x"}
    path.write_text(json.dumps(telegram_export([later])), encoding="utf-8")
    data = json.loads(ok(run(db, "import", path, "--no-extract", "--json")).output)
    assert data["entries"] == 1 and data["items"]["new"] == 1 and data["items"]["continued"] == 1
    before = dump(db)
    broken = telegram_export([{"id": 6, "type": "message", "from": "Sam Okafor", "text": "no date"}])
    path.write_text(json.dumps(broken), encoding="utf-8")
    result = run(db, "import", "telegram", path)
    assert result.exit_code == 1 and "message 6 has no date" in result.output
    path.write_text('{"chats": {"list": [', encoding="utf-8")
    assert "malformed JSON at line 1" in run(db, "import", "telegram", path).output
    assert dump(db) == before


# -- Day One ---------------------------------------------------------------------------------------
def dayone_export(text="Walked up Pen y Fan with \\*Rhys\\*\\. Windy\\!"):
    return {"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "9F2C0A11B0AB4B7E8C2D2E4C1D1F0A01", "creationDate": "2021-08-14T17:30:00Z", "timeZone": "Europe/London",
         "text": "![](dayone-moment://A1B2C3D4E5F6)\n\n" + text, "tags": ["walks", "Rhys"], "starred": True,
         "location": {"placeName": "Pen y Fan", "localityName": "Brecon", "country": "United Kingdom",
                      "latitude": 51.88, "longitude": -3.43},
         "photos": [{"identifier": "A1B2C3D4E5F6", "type": "jpeg", "md5": "00ff"}]},
        {"uuid": "11111111111111111111111111111111", "creationDate": "2021-12-31T23:30:00Z", "timeZone": "America/New_York",
         "text": "New Year's Eve in New York with Carys."},
        {"uuid": "22222222222222222222222222222222", "creationDate": "2022-01-02T10:00:00Z", "text": "",
         "photos": [{"identifier": "FFFF"}]},
    ]}


def test_dayone_json_and_zip_in_their_own_time_zone_with_photos_named_not_stored(tmp_path):
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps(dayone_export()), encoding="utf-8")
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.write(path, "Journal.json")
        z.writestr("photos/A1B2C3D4E5F6.jpeg", b"\xff\xd8not really a photo")
    for source in (path, zipped):
        assert importers.detect(source) == "dayone"
        batch = importers.read(None, source)
        walk, nye = batch.entries
        assert walk.text == "Walked up Pen y Fan with *Rhys*. Windy!"
        assert walk.at == "2021-08-14T18:30:00"  # British summer time
        assert nye.at == "2021-12-31T18:30:00"  # New York
        assert walk.meta["tags"] == ["walks", "Rhys"] and walk.meta["photos"] == ["A1B2C3D4E5F6"]
        assert walk.meta["place"]["placeName"] == "Pen y Fan" and walk.meta["journal"] == "Journal"
        assert walk.items[0][0] == "dayone:9F2C0A11B0AB4B7E8C2D2E4C1D1F0A01"
        assert "1 Day One entry with no words" in batch.notes[0]


def test_dayone_again_adds_nothing_an_edited_entry_is_a_new_entry(db, tmp_path):
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps(dayone_export()), encoding="utf-8")
    ok(run(db, "import", path, "--no-extract"))
    assert "0 entries" in ok(run(db, "import", "dayone", path, "--no-extract")).output
    newer = dayone_export()
    newer["entries"].append({"uuid": "33333333333333333333333333333333", "creationDate": "2022-02-01T09:00:00Z",
                             "text": "Snow on the Beacons."})
    path.write_text(json.dumps(newer), encoding="utf-8")
    data = json.loads(ok(run(db, "import", path, "--no-extract", "--json")).output)
    assert data["entries"] == 1 and data["items"]["new"] == 1 and data["items"]["known"] == 2
    path.write_text(json.dumps(dayone_export("Walked up Pen y Fan with Rhys. Windy, and cold.")), encoding="utf-8")
    data = json.loads(ok(run(db, "import", path, "--no-extract", "--json")).output)
    assert data["entries"] == 1 and data["items"]["changed"] == 1
    with Memory(db, derive=False) as memory:
        rows = memory.query("SELECT id, text, meta FROM entries ORDER BY id")
        assert json.loads(rows[-1]["meta"])["previous"] == rows[0]["id"]  # the old words stay too
    path.write_text('{"entries": [{"uuid": "x", "text": "No date"}]}', encoding="utf-8")
    result = run(db, "import", "dayone", path)
    assert result.exit_code == 1 and "entry 1 (x) has no creationDate" in result.output


# -- Markdown notes and Obsidian ----------------------------------------------------------------------
def vault(tmp_path):
    root = tmp_path / "vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / ".obsidian" / "app.json").write_text("{}", encoding="utf-8")
    (root / "People").mkdir()
    (root / "People" / "Rhys Price.md").write_text("---\naliases: [Bug]\ntags: person\n---\nMy husband.\n", encoding="utf-8")
    (root / ".obsidian" / "templates.json").write_text('{"folder": "Templates"}', encoding="utf-8")
    (root / "Templates").mkdir()
    (root / "Templates" / "Daily.md").write_text("{{date}}\n\n## Today\n", encoding="utf-8")
    (root / "Daily").mkdir()
    (root / "Daily" / "2023-04-02.md").write_text(
        "Lunch with [[Rhys Price|Bug]] at the harbour. #family\n\nHe brought the dog.\n", encoding="utf-8")
    (root / "Daily" / "2023-04-03 walk.md").write_text(
        "---\ntags:\n  - walks\n---\nWalked the cliff path with [Rhys](../People/Rhys%20Price.md) and "
        "[[Carys Bell]]. `#not-a-tag`\n", encoding="utf-8")
    return root


def test_markdown_vault_notes_dated_tagged_and_linked(tmp_path):
    root = vault(tmp_path)
    assert importers.detect(root) == "markdown"
    batch = importers.read(None, root)
    by_note = {e.meta["note"]: e for e in batch.entries}
    assert set(by_note) == {"People/Rhys Price.md", "Daily/2023-04-02.md", "Daily/2023-04-03 walk.md"}
    lunch, walk = by_note["Daily/2023-04-02.md"], by_note["Daily/2023-04-03 walk.md"]
    assert lunch.at[:10] == "2023-04-02" and lunch.meta["dated"] == "name"
    assert lunch.meta["tags"] == ["family"] and walk.meta["tags"] == ["walks"]
    link = lunch.meta["links"][0]
    assert lunch.text[link["start"]:link["end"]] == "Bug"
    assert link == {"start": link["start"], "end": link["end"], "note": "Rhys Price", "person": True, "aliases": ["Bug"]}
    shown = [walk.text[k["start"]:k["end"]] for k in walk.meta["links"]]
    assert shown == ["Carys Bell", "Rhys"]
    assert by_note["People/Rhys Price.md"].items[0][0] == "markdown:People/Rhys Price.md"


def test_a_link_to_a_person_note_is_their_mention_and_alias(tmp_path):
    root = vault(tmp_path)
    with Memory(tmp_path / "m.db") as memory:
        memory.import_path(None, root)
        rhys = memory.person("Bug")
        assert rhys["name"] == "Rhys Price" and "Bug" in rhys["aliases"] and "Rhys" in rhys["aliases"]
        assert memory.person("Carys Bell")["mentions"] >= 1  # a link to no note, by a person's name
        again = memory.import_path(None, root)
        assert again["entries"] == 0 and again["items"]["known"] == 3


def test_a_vault_again_a_grown_vault_and_a_note_that_is_not_text(db, tmp_path):
    root = vault(tmp_path)
    ok(run(db, "import", root, "--no-extract"))
    (root / "Daily" / "2023-04-04.md").write_text("Rain all day.", encoding="utf-8")
    data = json.loads(ok(run(db, "import", "obsidian", root, "--no-extract", "--json")).output)
    assert data["entries"] == 1 and data["items"] == {"items": 4, "new": 1, "known": 3, "changed": 0, "continued": 0}
    before = dump(db)
    (root / "Daily" / "2023-04-05.md").write_bytes(b"Caf\xe9 with Rhys")  # Latin-1, not UTF-8
    result = run(db, "import", root)
    assert result.exit_code == 1 and "2023-04-05.md is not valid UTF-8" in result.output
    assert dump(db) == before


# -- email --------------------------------------------------------------------------------------------
MBOX = """\
From joan@example.org Sun May  5 10:00:00 2024
From: Joan Hartley <joan@example.org>
To: Dennis Hartley <dennis@example.org>
Subject: Sunday lunch
Date: Sun, 05 May 2024 10:00:00 +0100
Message-ID: <a1@example.org>

Shall we have lunch at the Bridge on Sunday? Mum would love it.

--
Joan

From dennis@example.org Sun May  5 12:00:00 2024
From: Dennis <dennis@example.org>
To: Joan Hartley <joan@example.org>, Ann Bell <ann@example.org>
Subject: Re: Sunday lunch
Date: Sun, 05 May 2024 12:00:00 +0100
Message-ID: <b2@example.org>
In-Reply-To: <a1@example.org>
References: <a1@example.org>

Yes please. I'll bring Ann.

On Sun, 5 May 2024 at 10:00, Joan Hartley <joan@example.org> wrote:
> Shall we have lunch at the Bridge on Sunday? Mum would love it.

From ann@example.org Mon May  6 09:00:00 2024
From: Ann Bell <ann@example.org>
To: Dennis Hartley <dennis@example.org>
Subject: Photos
Date: Mon, 06 May 2024 09:00:00 +0100
Message-ID: <c3@example.org>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><head><style>p {color: red}</style></head><body><p>Here are the photos from <b>Sunday</b>&nbsp;&amp; the walk.</p><ul><li>The Bridge</li><li>The river</li></ul></body></html>
"""


def test_email_threads_speakers_recipients_quotes_and_html(tmp_path):
    path = tmp_path / "mail.mbox"
    path.write_text(MBOX, encoding="utf-8")
    assert importers.detect(path) == "email"
    batch = importers.read(None, path, me="dennis@example.org")
    lunch, photos = batch.entries
    assert [t.speaker for t in lunch.turns] == ["Joan Hartley", "Dennis Hartley"]  # as he is most often named
    assert lunch.meta["me"] == "Dennis Hartley" and lunch.meta["thread"] == "Sunday lunch"
    assert lunch.turns[0].text == ("To: Dennis Hartley\nSubject: Sunday lunch\n\n"
                                   "Shall we have lunch at the Bridge on Sunday? Mum would love it.")
    reply = lunch.turns[1].text
    assert reply.startswith("To: Joan Hartley, Ann Bell\nSubject: Re: Sunday lunch") and "I'll bring Ann." in reply
    assert "Mum would love it" not in reply and "wrote:" not in reply  # the quote is stored once, where it was said
    assert photos.turns[0].text.endswith("Here are the photos from Sunday & the walk.\n- The Bridge\n- The river")
    assert "color" not in photos.turns[0].text
    assert lunch.at == "2024-05-05T" + lunch.at[11:] and lunch.turns[1].key == "email:b2@example.org"


def test_email_eml_and_a_malformed_one(db, tmp_path):
    message = MBOX.split("\n\nFrom dennis@example.org")[0].split("\n", 1)[1]
    eml = tmp_path / "lunch.eml"
    eml.write_text(message, encoding="utf-8")
    assert importers.detect(eml) == "email"
    ok(run(db, "import", eml, "--no-extract"))
    assert "0 new" in ok(run(db, "import", "email", eml, "--no-extract")).output
    before = dump(db)
    bad = tmp_path / "bad.eml"
    bad.write_text("From: x@example.org\nSubject: no date\n\nHello\n", encoding="utf-8")
    result = run(db, "import", "email", bad)
    assert result.exit_code == 1 and "bad.eml: it has no Date" in result.output
    assert dump(db) == before


# -- finding the format -----------------------------------------------------------------------------
def test_unknown_exports_and_formats_are_refused_with_the_formats_there_are(tmp_path):
    odd = tmp_path / "data.bin"
    odd.write_bytes(b"\x00\x01")
    with pytest.raises(UnknownFormat, match="Could not tell"):
        importers.detect(odd)
    with pytest.raises(UnknownFormat) as e:
        importers.module("csv")
    assert "dayone" in e.value.remedy and "whatsapp" in e.value.remedy
    assert importers.module("obsidian").NAME == "markdown" and importers.module("mbox").NAME == "email"


def test_me_who_speaks_nowhere_is_an_error(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text(ANDROID_GB, encoding="utf-8")
    with pytest.raises(BadInput, match="'Zed' speaks in none"):
        importers.read("whatsapp", path, me="Zed")
    with pytest.raises(BadFormat):
        importers.read("telegram", path)


# -- with main's entries and exports ------------------------------------------------------------------
def test_an_imported_chat_erased_for_good_takes_its_import_keys_with_it(db, tmp_path):
    path = tmp_path / "WhatsApp Chat with Jones family.txt"
    path.write_text(ANDROID_GB, encoding="utf-8")
    ok(run(db, "import", path, "--me", "Nia", "--no-extract"))
    with Memory(db, derive=False) as memory:
        first = memory.query("SELECT id FROM entries ORDER BY id")[0][0]
        memory.delete(first)  # in the trash: importing again does not bring it back beside itself
        assert memory.import_path(None, path, me="Nia")["items"]["known"] == 4
        memory.purge(first, confirm=True)  # erased: no key of it is kept
        assert not memory.query("SELECT 1 FROM import_sources WHERE entry = ?", (first,))
        again = memory.import_path(None, path, me="Nia")
        assert again["entries"] == 1 and again["items"]["new"] == 2


def test_a_store_s_export_found_from_its_name_brings_back_everything(db, tmp_path):
    """`import PATH` finds a JSONL export itself, and keeps what the export carries: ids, the trash,
    versions and the owner's records."""
    with Memory(db, derive=False) as memory:
        kept = memory.add("Walked to Rhossili with Carys.", at="2021-04-02")["entry"]
        memory.edit(kept, "Walked to Rhossili with Carys and the dog.")
        gone = memory.add("A dull day.", at="2021-04-03")["entry"]
        memory.delete(gone)
        with memory.transaction() as conn:  # a record of the owner's (as `hide` writes it)
            conn.execute("INSERT INTO hidden (item, hidden, at) VALUES ('person:carys', 1, '2021-05-01T10:00:00')")
        export = "".join(memory.export("jsonl"))
    (tmp_path / "memories.jsonl").write_text(export, encoding="utf-8")
    copy = tmp_path / "copy.db"
    ok(run(copy, "import", tmp_path / "memories.jsonl", "--no-extract"))
    with Memory(copy, derive=False) as memory:
        assert "".join(memory.export("jsonl")) == export
        assert memory.history(kept)[0]["text"] == "Walked to Rhossili with Carys."
        assert [t["entry"] for t in memory.trash()] == [gone]


def test_an_imported_note_edited_or_re_dated_keeps_its_tags_and_links(tmp_path):
    """An edit keeps what the import read besides the words (tags, [[links]] to people, following their
    words); a date the owner gives replaces how the date was found."""
    root = vault(tmp_path)
    with Memory(tmp_path / "m.db", derive=False) as memory:
        memory.import_path(None, root)
        lunch = next(r["id"] for r in memory.query("SELECT id, meta FROM entries") if '"Daily/2023-04-02.md"' in r["meta"])
        memory.edit(lunch, "A long lunch with Bug at the harbour. #family\n\nHe brought the dog.\n")
        meta = memory.entry(lunch)["meta"]
        assert meta["tags"] == ["family"] and meta["dated"] == "name"
        [link] = meta["links"]
        assert memory.entry(lunch)["text"][link["start"]:link["end"]] == "Bug" and link["note"] == "Rhys Price"
        memory.redate(lunch, "2023-04-01")
        meta = memory.entry(lunch)["meta"]
        assert "dated" not in meta and meta["tags"] == ["family"]
        memory.edit(lunch, "Lunch at the harbour, on my own.")
        assert "links" not in memory.entry(lunch)["meta"]  # its words are gone
        memory.derive = True
        memory.process()
        assert memory.person("Rhys Price")["mentions"] >= 1  # still linked from the other note
