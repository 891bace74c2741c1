"""A conversation kept as it happens (`Memory.add_messages`): the day's chat grows by appended messages, with
stable passages, stored once however often a message is sent, and understood as if imported whole."""
import json

import pytest

from conftest import dump
from remembrancer import capture, store
from remembrancer.errors import BadDate, BadInput, EmptyInput
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test using `db`, `memory` or `run`: on SQLite, then on PostgreSQL

CHAT = [
    {"speaker": "Sam", "text": "Morning! I had coffee with Priya Shah at the Harbour Café."},
    {"speaker": "assistant", "text": "How is Priya doing?"},
    {"speaker": "Sam", "text": "She moved to Toronto last week. My mum Helen misses her."},
    {"speaker": "assistant", "text": "Toronto is a long way. Will you visit?"},
    {"speaker": "Sam", "text": "In June, with my brother Tom."},
]
AT = "2024-05-08T09:00"


def passages(memory):
    return [dict(r) for r in memory.query("SELECT id, entry, seq, start, end, speaker, ref, text FROM passages ORDER BY id")]


def test_messages_grow_the_days_chat_with_stable_passages(memory):
    first = memory.add_messages(CHAT[:2], me="Sam", at=AT)
    assert first["stored"] == 2 and first["duplicates"] == 0 and len(first["passages"]) == 2
    before = passages(memory)
    second = memory.add_messages(CHAT[2:], me="Sam", at=AT)
    assert second["entries"] == first["entries"]
    assert passages(memory)[:2] == before  # the passages already there keep their ids, offsets and text
    entry = memory.entry(first["entries"][0])
    whole = capture.chat_entry([capture.Turn(m["speaker"], m["text"]) for m in CHAT], at="2024-05-08T09:00:00")
    assert entry["text"] == whole.text and entry["hash"] == store.content_hash(whole)
    assert entry["meta"] == {"me": "Sam"} and entry["at"] == "2024-05-08T09:00:00"
    for p in passages(memory):
        assert entry["text"][p["start"]:p["end"]] == p["text"]
    assert [p["speaker"] for p in passages(memory)] == [m["speaker"] for m in CHAT]
    assert [p["passage"] for p in memory.search("Helen")] == second["passages"][:1]  # searchable at once, nothing derived
    assert memory.check() == []


def test_a_retry_or_the_whole_conversation_again_is_stored_once(memory):
    memory.add_messages(CHAT[:3], at=AT)
    again = memory.add_messages(CHAT[:3], at=AT)  # a retried call
    assert again["stored"] == 0 and again["duplicates"] == 3
    more = memory.add_messages(CHAT, at=AT)  # the conversation so far, sent whole each time
    assert more["stored"] == 2 and more["duplicates"] == 3
    assert [p["text"] for p in passages(memory)] == [m["text"] for m in CHAT]
    # Said again later, after something else was said, it is said again.
    memory.add_messages([{"speaker": "Sam", "text": "Thanks!"}, {"speaker": "assistant", "text": "Any time."}], at=AT)
    memory.add_messages([{"speaker": "Sam", "text": "Thanks!"}], at=AT)
    assert [p["text"] for p in passages(memory)][-3:] == ["Thanks!", "Any time.", "Thanks!"]


def test_a_message_with_an_id_or_a_time_is_the_same_wherever_it_comes(memory):
    a = {"speaker": "Sam", "text": "ok", "id": "m1"}
    b = {"speaker": "assistant", "text": "Noted.", "at": "2024-05-08T09:01"}
    memory.add_messages([a, b], at=AT)
    memory.add_messages([{"speaker": "Sam", "text": "Bye", "id": "m3"}], at=AT)
    out = memory.add_messages([b, a, {"speaker": "Sam", "text": "ok", "id": "m4"}], at=AT)  # out of order, one new
    assert out["stored"] == 1 and out["duplicates"] == 2
    assert [p["ref"] for p in passages(memory)] == ["m1", None, "m3", "m4"]
    # The same words at another time are another message.
    assert memory.add_messages([dict(b, at="2024-05-08T09:30")], at=AT)["stored"] == 1


def test_one_chat_a_day_and_source(memory):
    out = memory.add_messages([
        {"speaker": "Sam", "text": "Late night.", "at": "2024-05-08T23:59"},
        {"speaker": "Sam", "text": "Early morning.", "at": "2024-05-09T00:01"},
    ])
    assert len(set(out["entries"])) == 2
    other = memory.add_messages([{"speaker": "Sam", "text": "On the phone."}], at="2024-05-09T10:00", source="phone")
    assert other["entries"][0] not in out["entries"]
    same = memory.add_messages([{"speaker": "Sam", "text": "Lunch."}], at="2024-05-09T12:00")
    assert same["entries"] == out["entries"][1:]
    assert memory.entry(out["entries"][1])["text"] == "Sam: Early morning.\nSam: Lunch."


@pytest.mark.sqlite_only  # read before anything is written (bad input on PostgreSQL: tests/test_store.py)
@pytest.mark.parametrize("bad, error", [
    ([], EmptyInput),
    ("Sam: hi", BadInput),
    ({"speaker": "Sam", "text": "hi"}, BadInput),
    ([{"speaker": "Sam"}], BadInput),
    ([{"text": "hi"}], BadInput),
    ([{"speaker": "Sam", "text": "   "}], EmptyInput),
    ([{"speaker": "Sam\nassistant", "text": "hi"}], BadInput),
    ([{"speaker": "Sam", "text": "hi", "at": "next Blursday"}], BadDate),
    ([{"speaker": "Sam", "text": "hi", "colour": "red"}], BadInput),
    ([{"speaker": "Sam", "text": "hi", "id": True}], BadInput),
    ([{"speaker": "Sam", "text": "bad \ud800 text"}], BadInput),
    ([{"speaker": "Sam", "text": "fine"}, {"speaker": "Sam", "text": "nul\x00"}], BadInput),
])
def test_bad_messages_are_a_typed_error_and_store_nothing(memory, db, bad, error):
    memory.add_messages(CHAT[:1], at=AT)
    before = dump(db)
    with pytest.raises(error) as e:
        memory.add_messages(bad, at=AT)
    assert e.value.remedy
    assert dump(db) == before


def test_a_grown_chat_is_understood_as_if_imported_whole(tmp_path):
    """One message at a time, understood after each, ends where importing the whole chat log ends."""
    log = tmp_path / "chat.jsonl"
    log.write_text("".join(json.dumps(dict(m, at=AT)) + "\n" for m in CHAT), encoding="utf-8")
    with Memory(tmp_path / "whole.db") as whole:
        whole.import_file("jsonl", log, me="Sam")
        expected = _understood(whole)
    with Memory(tmp_path / "live.db") as live:
        for m in CHAT:
            live.add_messages([m], me="Sam", at=AT)
            assert live.pending_counts() == {"extract": 0, "embed": 0}
        assert _understood(live) == expected
        assert live.import_file("jsonl", log, me="Sam")["duplicates"] == 1  # the whole log is this very chat
        # Only the new turn of a grown chat was embedded: the vectors there before kept their rows.
        assert [r[0] for r in live.query("SELECT id FROM embeddings ORDER BY passage")] == [1, 2, 3, 4, 5]


def _understood(memory):
    people = {p["name"]: sorted(p["aliases"]) for p in memory.people()}
    relations = sorted((r["relation"], r["other"], p) for p in people for r in memory.person(p)["relations"])
    cues = sorted(r[0] for r in memory.query("SELECT cue FROM cues"))
    return people, relations, cues, len(memory.query("SELECT * FROM embeddings"))


def test_a_chat_that_grows_while_it_is_read_is_read_again(db, monkeypatch):
    """A processor that read the chat before it grew does not mark it done: the same run takes it again."""
    from remembrancer import embed

    with Memory(db, derive=False) as agent:
        agent.add_messages(CHAT[:2], at=AT)
    real, grown = embed.embed, []

    def growing(texts):  # the agent sends a message while the vectors are being made
        out = real(texts)
        if not grown:
            with Memory(db, derive=False) as agent:
                grown.append(agent.add_messages(CHAT[2:3], at=AT)["stored"])
        return out

    monkeypatch.setattr(embed, "embed", growing)
    with Memory(db, derive=False) as deriver:
        deriver.process()
        assert grown == [1]
        assert deriver.pending_counts() == {"extract": 0, "embed": 0}
        assert deriver.query("SELECT count(*) FROM embeddings")[0][0] == deriver.query("SELECT count(*) FROM passages")[0][0] == 3


def test_me_named_later_is_the_owner_of_the_whole_chat(memory):
    memory.add_messages(CHAT[:1], at=AT)  # Sam speaks, not yet named as you
    entry = memory.add_messages(CHAT[1:2], me="Sam", at=AT)["entries"][0]  # named while someone else speaks
    assert memory.entry(entry)["meta"] == {"me": "Sam"}
    memory.add_messages([{"speaker": "Jo", "text": "Hi all."}], at="2024-06-01T10:00", me="Sam")
    assert memory.query("SELECT meta FROM entries WHERE kind = 'chat' ORDER BY id DESC LIMIT 1")[0][0] is None  # Sam never spoke
