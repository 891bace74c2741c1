"""Reading input: passages, dates, files, LoCoMo and JSONL (pure functions, no store)."""
import datetime as dt
import json
import os
import random

import pytest

from conftest import EXAMPLES
from remembrancer import capture, dates
from remembrancer.errors import BadDate, BadEncoding, BadFormat, BadInput, BinaryInput, EmptyInput, NotFound


# -- passages ------------------------------------------------------------------------------
def spans(text):
    return [text[s:e] for s, e, _, _ in capture.prose_passages(text)]


def test_passages_group_sentences_and_never_cross_a_blank_line():
    text = "One. Two! Three? Four. Five.\n\nSix is alone."
    assert spans(text) == ["One. Two! Three? Four.", "Five.", "Six is alone."]


def test_a_closing_quote_stays_with_its_sentence():
    text = 'He said "Stop." Then he left. He came back. He sat down. "Why?" she asked.'
    assert spans(text)[0] == 'He said "Stop." Then he left. He came back. He sat down.'
    text = 'A. B. C. She said "no."\n\nNext.'
    assert spans(text) == ['A. B. C. She said "no."', "Next."]


def test_windows_line_endings_make_paragraphs():
    assert spans("First line.\r\n\r\nSecond paragraph.\r\n") == ["First line.", "Second paragraph."]


def test_long_sentences_make_shorter_passages():
    sentence = "This sentence has quite a few words in it, enough to matter here. "
    text = sentence * 40
    parts = spans(text)
    assert len(parts) > 5
    assert all(len(p) <= capture.PASSAGE_CHARS + len(sentence) for p in parts)


def test_text_without_sentence_ends_is_cut_at_spaces():
    text = "and then we walked " * 400 + "home"
    out = capture.prose_passages(text)
    assert len(out) > 10
    assert all(len(text[s:e]) <= 2 * capture.PASSAGE_CHARS for s, e, _, _ in out)
    assert " ".join(text[s:e] for s, e, _, _ in out).split() == text.split()  # cut only at spaces
    unspaced = "日本語の文章" * 500
    assert "".join(unspaced[s:e] for s, e, _, _ in capture.prose_passages(unspaced)) == unspaced


def test_passages_are_exact_slices_covering_every_visible_character():
    rng = random.Random(20261128)
    pieces = ["Hello", "world", "don't", ".", "!", "?", " ", "  ", "\n", "\n\n", "\n \n", "\t", "…", '"', "'",
              ")", "”", "Mr.", "café", "日本", "\r\n", "\r\n\r\n", "😀"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        out = capture.prose_passages(text)
        covered, previous_end = set(), 0
        for start, end, speaker, ref in out:
            assert previous_end <= start < end <= len(text), (text, out)
            piece = text[start:end]
            assert piece == piece.strip(), (text, out)
            assert "\n\n" not in piece.replace("\r", "").replace(" ", "").replace("\t", ""), (text, out)
            covered.update(range(start, end))
            previous_end = end
        missing = [i for i, c in enumerate(text) if not c.isspace() and i not in covered]
        assert not missing, (text, out)


def test_text_entry_keeps_the_text_exactly():
    text = "  Line one.\r\n\r\nLine two — with café and 😀.  \n"
    entry = capture.text_entry(text, at="2020-01-02")
    assert entry.text == text
    assert [text[s:e] for s, e, _, _ in entry.passages] == ["Line one.", "Line two — with café and 😀."]
    assert entry.words == 9


# -- dating ---------------------------------------------------------------------------------
def test_front_matter_dates_an_entry_and_makes_no_passage():
    text = "---\ndate: 2021-03-14\ntags: family\n---\nSunday at Willow Court."
    entry = capture.text_entry(text)
    assert entry.at == "2021-03-14"
    assert [text[s:e] for s, e, _, _ in entry.passages] == ["Sunday at Willow Court."]


def test_a_leading_date_line_dates_an_entry_and_makes_no_passage():
    text = "Monday 8 May 2023\n\nMet Priya for coffee."
    entry = capture.text_entry(text)
    assert entry.at == "2023-05-08"
    assert [text[s:e] for s, e, _, _ in entry.passages] == ["Met Priya for coffee."]
    entry = capture.text_entry("## 8 May 2023, 1:56 pm\nLunch.")
    assert entry.at == "2023-05-08T13:56:00"


def test_a_labelled_date_or_a_letters_place_and_date_heads_an_entry():
    text = "Date: 1998-11-02\n\nDear Eleanor,\nThe roses are out."
    entry = capture.text_entry(text)
    assert entry.at == "1998-11-02"
    assert [text[s:e] for s, e, _, _ in entry.passages][0].startswith("Dear Eleanor")
    assert capture.text_entry("Halifax, 2nd November 1998\n\nDear Eleanor, hello.").at == "1998-11-02"
    assert capture.text_entry("Paris, France, 5 June 2004\nDear Tom.").at == "2004-06-05"
    assert dates.leading_date("Tom, 1998 was a hard year.") is None  # a name and a year, not a heading
    assert dates.leading_date("Well, 2 November 1998 it was.") is None


def test_a_date_only_text_is_kept_as_one_passage():
    entry = capture.text_entry("8 May 2023")
    assert entry.at == "2023-05-08"
    assert len(entry.passages) == 1


def test_a_given_date_wins_and_an_undated_text_is_dated_now():
    assert capture.text_entry("---\ndate: 2021-03-14\n---\nHi.", at="1999-12-31").at == "1999-12-31"
    before = dates.now()
    at = capture.text_entry("2023 was a hard year for all of us.").at
    assert before <= at <= dates.now()


def test_a_first_line_that_merely_mentions_a_year_is_not_a_date():
    assert dates.leading_date("2023 was a hard year for all of us.") is None
    assert dates.leading_date("Meeting at 10:30 with Tom") is None
    assert dates.leading_date("March 3") is None  # no year: the entry is dated some other way, not 2000
    assert dates.leading_date("Monday, March 3") is None
    assert dates.leading_date("") is None
    far = dates.leading_date("9999-12-31T23:59:59-14:00\nA line.")  # at the edge of the years: no error
    assert far is None or far.startswith("9999-12-31")


def test_file_dates_front_matter_then_date_line_then_mtime(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Nothing says when.", encoding="utf-8")
    stamp = dt.datetime(2019, 7, 4, 10, 30, 5).timestamp()
    os.utime(plain, (stamp, stamp))
    assert capture.file_entry(plain).at == "2019-07-04T10:30:05"
    assert capture.file_entry(plain).source == str(plain)
    assert capture.file_entry(plain, source="diary").source == "diary"
    dated = tmp_path / "dated.md"
    dated.write_text("2 June 2021\n\nTom rang.", encoding="utf-8")
    os.utime(dated, (stamp, stamp))
    assert capture.file_entry(dated).at == "2021-06-02"
    assert capture.file_entry(dated, at="2000-01-01").at == "2000-01-01"


@pytest.mark.parametrize("text, iso", [
    ("2023-05-08", "2023-05-08"),
    ("2023-05-08 13:56", "2023-05-08T13:56:00"),
    ("2023-05-08T13:56:07", "2023-05-08T13:56:07"),
    ("8 May 2023", "2023-05-08"),
    ("May 8, 2023", "2023-05-08"),
    ("1:56 pm on 8 May, 2023", "2023-05-08T13:56:00"),
    ("Monday 8 May 2023 9am", "2023-05-08T09:00:00"),
    ("13/05/2023", "2023-05-13"),  # only one reading
    ("Sunday, June 5th 2022", "2022-06-05"),
])
def test_dates_people_write(text, iso):
    assert dates.parse(text) == iso


def test_a_date_without_a_year_is_this_years():
    assert dates.parse("March 3") == f"{dt.date.today().year}-03-03"


def test_an_offset_date_time_becomes_local_wall_clock_time():
    expected = dt.datetime(2023, 5, 8, 12, 0, tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)
    assert dates.parse("2023-05-08T12:00:00Z") == expected.isoformat()


def test_now_today_and_yesterday_are_dates():
    assert dates.parse("today") == dt.date.today().isoformat()
    assert dates.parse("Yesterday") == (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert dates.parse("now")[:10] == dt.date.today().isoformat() and "T" in dates.parse("now")


@pytest.mark.parametrize("text", ["", "   ", "soon", "yesterday-ish", "2023-13-45", "2023-02-30",
                                  "banana 2023", "2023-01-01xyz", "I was there in 2019 maybe",
                                  "08/05/2023",  # 8 May or August 5: refused, not guessed
                                  "32 Jan", "Jan 32", "May 99",  # no such day (not January 2032)
                                  "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])  # past the first or last day
def test_not_dates(text):
    with pytest.raises(BadDate):
        dates.parse(text)


# -- files and bytes -------------------------------------------------------------------------
def test_files_expands_folders_recursively_to_text_files_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    for name in ["a.md", "b/x.txt", "b/deep/y.MD", "b/skip.json", "b/photo.png", "c.markdown"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = capture.files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b/deep/y.MD", "b/x.txt", "c.markdown"]
    with pytest.raises(NotFound):
        capture.files([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(NotFound, match="No .txt or .md files"):
        capture.files([tmp_path, tmp_path / "empty"])


def test_decode():
    assert capture.decode("café".encode("utf-8")) == "café"
    assert capture.decode(b"\xef\xbb\xbfhello") == "hello"
    with pytest.raises(BadEncoding, match="byte 3"):
        capture.decode("caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(BinaryInput):
        capture.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("text, error", [("", EmptyInput), ("  \n\t ", EmptyInput), ("a\x00b", BinaryInput)])
def test_text_that_cannot_be_an_entry(text, error):
    with pytest.raises(error):
        capture.text_entry(text)


# -- chats and formats ------------------------------------------------------------------------
def test_chat_entry_one_passage_per_turn_with_speaker_and_ref():
    turns = [capture.Turn("Maggie", "Hi!", "D1:1"), capture.Turn("Priya", "", "D1:2"), capture.Turn(None, "(silence)", None)]
    entry = capture.chat_entry(turns, at="2023-09-02")
    assert entry.kind == "chat"
    got = [(entry.text[s:e], speaker, ref) for s, e, speaker, ref in entry.passages]
    assert got == [("Hi!", "Maggie", "D1:1"), ("", "Priya", "D1:2"), ("(silence)", None, None)]
    with pytest.raises(EmptyInput):
        capture.chat_entry([])


def test_locomo_each_session_one_entry_dated_with_turns_as_passages():
    data = json.loads((EXAMPLES / "chat.json").read_text(encoding="utf-8"))
    conv = data[0]["conversation"]
    sessions = sorted(k for k in conv if k.startswith("session_") and not k.endswith("date_time"))
    entries = capture.locomo_entries(EXAMPLES / "chat.json")
    assert len(entries) == len(sessions)
    first = entries[0]
    assert first.at == dates.parse(conv["session_1_date_time"])
    assert first.kind == "chat"
    turns = conv["session_1"]
    assert [(first.text[s:e], sp, ref) for s, e, sp, ref in first.passages] == [
        (t["text"], t["speaker"], t["dia_id"]) for t in turns
    ]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_locomo_bad_input(tmp_path):
    with pytest.raises(BadFormat, match="line 2"):
        capture.locomo_entries(write(tmp_path / "a.json", '[\n{"conversation": }\n]'))
    with pytest.raises(BadFormat, match="no 'conversation'"):
        capture.locomo_entries(write(tmp_path / "b.json", '[{"qa": []}]'))
    bad_date = {"conversation": {"session_1_date_time": "someday", "session_1": [{"speaker": "A", "text": "hi"}]}}
    with pytest.raises(BadFormat, match="not a date"):
        capture.locomo_entries(write(tmp_path / "c.json", json.dumps([bad_date])))
    with pytest.raises(NotFound):
        capture.locomo_entries(tmp_path / "missing.json")


def test_jsonl_entries(tmp_path):
    path = write(tmp_path / "in.jsonl", "\n".join([
        json.dumps({"text": "First.", "at": "2020-01-02", "author": "Ann", "source": "diary"}),
        "",
        json.dumps({"text": "Second, undated, by the default author."}),
    ]))
    first, second = capture.jsonl_entries(path, author="Me", source="import")
    assert (first.text, first.at, first.author, first.source) == ("First.", "2020-01-02", "Ann", "diary")
    assert (second.author, second.source) == ("Me", "import")


def test_jsonl_chat_logs_of_one_message_a_line_and_chats_without_text(tmp_path):
    path = write(tmp_path / "log.jsonl", "\n".join(json.dumps(o) for o in [
        {"speaker": "Tom", "text": "Mum, are you coming for Easter?", "at": "2023-04-02T09:12:00"},
        {"speaker": "Eleanor", "text": "Yes love.", "at": "2023-04-02T09:15:00"},
        {"speaker": "Tom", "text": "Morning!", "at": "2023-04-03T08:00:00"},
        {"text": "A note between chats.", "at": "2023-04-03"},
        {"turns": [{"speaker": "Bea", "text": "Hello"}, {"speaker": "Eleanor", "text": "Hi Bea"}], "at": "2023-04-05"},
    ]))
    first, second, note, third = capture.jsonl_entries(path, me="Eleanor")
    assert (first.kind, first.at, [p[2] for p in first.passages]) == ("chat", "2023-04-02T09:12:00", ["Tom", "Eleanor"])
    assert first.meta["me"] == "Eleanor" and "me" not in second.meta  # one chat a day; Eleanor speaks in the first only
    assert (note.kind, third.kind, third.meta["me"]) == ("text", "chat", "Eleanor")
    with pytest.raises(BadInput, match="'Zed' speaks in none") as error:
        capture.jsonl_entries(path, me="Zed")
    assert "one of its speakers (Bea, Eleanor, Tom)" in error.value.remedy


@pytest.mark.parametrize("lines, where", [
    (['{"text": "ok"}', '{"text": "broken"', '{"text": "ok too"}'], "line 2"),
    (['{"text": "ok"}', '["not", "an", "object"]'], "line 2"),
    (['{"text": "ok"}', '{"text": "ok2"}', '{"txt": "misspelt"}'], "line 3"),
    (['{"text": ""}'], "line 1"),
    (['{"text": "fine", "at": "someday"}'], "line 1"),
    (['{"text": "chat", "turns": [{"speaker": "A"}]}'], "line 1"),
])
def test_jsonl_bad_lines_are_named(tmp_path, lines, where):
    with pytest.raises(BadFormat, match=where):
        capture.jsonl_entries(write(tmp_path / "bad.jsonl", "\n".join(lines)))
