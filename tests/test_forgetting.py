"""The forgetting model: ACT-R strength, FSRS scheduling, importance, fading, reviews, grief."""
import datetime as dt
import math

import fsrs
import pytest

from remembrancer import Memory, forgetting as f
from remembrancer.errors import BadInput


def days(start, n):
    return (f.as_datetime(start) + dt.timedelta(days=n)).date().isoformat()


# -- ACT-R ---------------------------------------------------------------------------------------
def test_activation_is_log_of_summed_power_decay():
    now = "2020-01-101" if False else "2020-04-10"
    times = [days(now, -1), days(now, -4), days(now, -100)]
    expected = math.log(1 ** -0.5 + 4 ** -0.5 + 100 ** -0.5)
    assert f.activation(times, now) == pytest.approx(expected)


def test_future_events_are_not_counted_and_none_means_zero_recall():
    now = "2020-01-01"
    assert f.activation([days(now, 3)], now) is None
    assert f.actr_recall([days(now, 3)], now) == 0.0
    assert f.actr_recall([], now) == 0.0


def test_a_lone_mention_fades_as_documented():
    start = "2010-01-01"
    p = {n: f.actr_recall([start], days(start, n)) for n in (1, 55, 365, 3650)}
    assert p[1] == pytest.approx(0.946, abs=0.01)
    assert p[55] == pytest.approx(0.5, abs=0.01)
    assert p[365] == pytest.approx(0.205, abs=0.01)
    assert p[1] > p[55] > p[365] > p[3650] > 0


def test_more_mentions_mean_stronger_memory():
    start = "2010-01-01"
    often = [days(start, 30 * i) for i in range(40)]
    rarely = [days(start, 0), days(start, 600)]
    later = days(start, 3650)
    assert f.actr_recall(often, later) > f.actr_recall(rarely, later)


# -- FSRS ----------------------------------------------------------------------------------------
def test_good_review_schedules_as_fsrs_says():
    now = f.as_datetime("2020-01-01")
    reference = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    expected, _ = reference.review_card(fsrs.Card(card_id=1, due=now), fsrs.Rating.Good, now)
    card = f.schedule(None, "good", now)
    assert card.due == expected.due
    assert card.stability == pytest.approx(fsrs.scheduler.DEFAULT_PARAMETERS[2])  # S0(Good)
    assert card.due > now + dt.timedelta(days=1)
    # a second Good, when due, pushes it further out
    again = f.schedule(card, 3, card.due)
    assert again.due - card.due > card.due - now


def test_ratings_parse_and_reject():
    assert [f.parse_rating(x) for x in ("again", "Hard", "g", "4", 2)] == [1, 2, 3, 4, 2]
    for bad in ("maybe", 0, 5, None, True):
        with pytest.raises(BadInput):
            f.parse_rating(bad)


def test_fsrs_recall_decays_from_one():
    card = f.schedule(None, "good", "2020-01-01")
    assert f.fsrs_recall(card, "2020-01-01") == pytest.approx(1.0)
    assert f.fsrs_recall(card, "2020-02-01") < f.fsrs_recall(card, "2020-01-10") < 1.0
    assert f.fsrs_recall(None, "2020-01-01") == 0.0


def test_predicted_recall_combines_and_forgetting_resets_history():
    now = "2021-01-01"
    mentions = [days(now, -30 * i) for i in range(1, 30)]
    strong = f.predicted_recall(mentions, now)
    assert strong > 0.9
    card = f.schedule(None, "good", days(now, -10))
    assert f.predicted_recall(mentions, now, card) >= strong
    forgot = days(now, -200)
    after = f.predicted_recall(mentions + [forgot], now, forgot_at=forgot)
    assert after < strong


# -- importance ---------------------------------------------------------------------------------
def test_importance_parts():
    assert f.role_closeness("son") == 1.0
    assert f.role_closeness("grandson") == 0.9
    assert f.role_closeness("great-grandson") == pytest.approx(0.72)
    assert f.role_closeness("ex-wife") == pytest.approx(0.6)
    assert f.role_closeness("mother-in-law") == pytest.approx(0.7)
    assert f.role_closeness("colleague") < f.role_closeness("friend") < f.role_closeness("sister")
    assert f.role_closeness("astronaut") == f.OTHER_ROLE and f.role_closeness(None) == f.NO_ROLE
    assert f.written_weight(0, 10) == 0 and f.written_weight(10, 10) == 1.0
    assert 0 < f.written_weight(2, 100) < f.written_weight(20, 100) < 1
    assert f.event_weight(["meeting", "death"]) == 1.0 and f.event_weight([]) == 0.0
    assert f.importance(1, 1, 1, 1) == pytest.approx(1.0)
    assert f.importance(0, 0, 0, 0) == 0.0
    assert f.importance(0.2, 0.9, 0.5, 1.0) > f.importance(0.2, 0.5, 0.5, 0.0)


# -- grief ---------------------------------------------------------------------------------------
def test_birthday_of_the_dead_is_what_they_would_have_turned():
    assert f.birthday_line("Steven", "1990-03-04", "2030-03-04", died="2009-01-01") == \
        "Steven would have turned 40 today."
    assert f.birthday_line("Alice", "1990-03-04", "2030-03-04") == "Alice's birthday: 40 today."
    assert f.birthday_line("Alice", "1990-03-04", "2030-03-05") is None
    assert f.anniversary_line("Steven", "death", "2009-01-01", "2012-01-01") == \
        "3 years ago today, Steven died."
    assert f.anniversary_line("Steven", "death", "2009-01-01", "2009-01-01") is None


def test_when_an_event_happened_is_said_to_its_precision():
    assert f.when("2016-05-02", "2016-05-03", "2016-05-02") == ("2 May 2016", "2016-05-02")
    assert f.when("2018-01-01", "2019-01-01", None) == ("2018", None)  # no day: no birthday, no anniversary
    assert f.when("2018-03-01", "2018-04-01", None) == ("March 2018", None)
    assert f.when(None, None, "2016-05-02T10:00:00") == ("by 2 May 2016", None)
    # a window around a length of time ("eight years since") is said as about when, not as its first day
    assert f.when("2008-08-13", "2009-08-13", None) == ("about 2009", None)
    assert f.when("2019-01-16", "2019-04-16", None) == ("about March 2019", None)


def test_a_range_or_a_bound_is_never_said_as_a_day():
    """A season, a decade, a week or a plan only begun, as a person reads them (not their first day)."""
    assert f.when("2019-03-01", "2019-06-01", None) == ("spring 2019", None)
    assert f.when("2019-12-01", "2020-03-01", None) == ("winter 2019–20", None)
    assert f.when("1980-01-01", "1990-01-01", None) == ("the 1980s", None)
    assert f.when("1970-01-01", "1974-01-01", None) == ("the early 1970s", None)
    assert f.when("2004-01-01", "2007-01-01", None) == ("2004–2006", None)
    assert f.when("2020-03-12", None, "2020-03-12") == ("after 12 March 2020", None)
    assert f.when("2023-06-11", "2023-06-18", None) == ("11–17 June 2023", None)  # "the week after the wedding"
    assert f.when("2021-04-02", "2021-04-06", None) == ("2–5 April 2021", None)  # Easter's long weekend
    assert f.when("2019-12-28", "2020-01-04", None) == ("28 December 2019 – 3 January 2020", None)
    assert f.when("2019-02-01", "2019-05-01", None) == ("February – April 2019", None)


def test_the_person_page_and_fading_say_a_range_as_a_range(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("My grandmother Edna Hale retired in the summer of 1989. She was so happy.", at="2020-05-01")
        m.add("My grandmother Edna Hale moved to Leeds in the 1960s.", at="2020-05-02")
        whens = {e["kind"]: e["when"] for e in m.person("Edna Hale")["events"]}
        assert whens == {"retirement": "summer 1989", "moving": "the 1960s"}
        line = next(i["line"] for i in m.fading(now="2030-01-01", limit=50) if i["person"] == "Edna Hale")
        assert "retired summer 1989" in line or "moved the 1960s" in line


# -- a decade in the store -------------------------------------------------------------------------
import json
import shutil
import sqlite3

from click.testing import CliRunner
from conftest import BACKENDS, store_on

from remembrancer.cli import cli
from remembrancer.store import Memory

START = "2010-01-03"
WORK = ["Lunch with Bob Carter, my colleague, at the office canteen. He talked about the budget again.",
        "Bob Carter and I finished the quarterly report. My colleague Bob wants a new printer.",
        "Long meeting with Bob Carter about the budget. Bob was tired and so was I."]


def decade():
    """Ten years of a journal: a colleague every fortnight; an old friend three times in the first
    months; a grandson twice, then his death."""
    out = []
    for i in range(0, 3650, 14):
        out.append((days(START, i), f"Work diary, page {i // 14 + 1}. " + WORK[(i // 14) % len(WORK)]))
    out += [
        (days(START, 2), "A letter from Ruth Evans, my oldest friend, all the way from Cardiff. I miss her laugh."),
        (days(START, 40), "Ruth rang. My friend Ruth sounds happy in Cardiff and I was glad for her."),
        (days(START, 90), "Sent Ruth Evans a parcel of books for her birthday."),
        (days(START, 20), "Steven Hale, my grandson, came to stay. He loves trains and we built a model railway."),
        (days(START, 200), "Steven, my grandson, rang me on his birthday. We talked about the model railway for an hour."),
        (days(START, 500), "Steven died today. My grandson is gone and I cannot stop crying. I loved him so much."),
    ]
    return out


@pytest.fixture(scope="module")
def decade_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("decade") / "decade.db"
    with Memory(path) as m:
        for at, text in decade():
            m.add(text, at=at)
    return path


@pytest.fixture(params=BACKENDS)
def store(decade_db, tmp_path, request):
    """The decade, understood once: a copy of its file, then a PostgreSQL memory copied from it (`copy_to`)."""
    if request.param == "sqlite":
        path = tmp_path / "copy.db"
        shutil.copy(decade_db, path)
    else:
        path = store_on("postgres", request, tmp_path)
        with Memory(decade_db, derive=False) as src, Memory(path, derive=False) as dst:
            src.copy_to(dst)
    with Memory(path, derive=False) as m:
        yield m


def rank(items, name):
    names = [i["person"] for i in items]
    return names.index(name) if name in names else None


def test_the_extraction_saw_what_the_model_needs(store):
    steven = store.person("Steven")
    assert any(r["relation"] == "grandson" for r in steven["relations"])
    assert any(e["kind"] == "death" for e in steven["events"])
    assert store.person("Bob")["mentions"] > 100


def test_an_important_person_written_about_rarely_rises_in_fading(store):
    early, late = days(START, 210), days(START, 3650)  # ten days after the grandson's second visit; a decade on
    before, after = store.fading(now=early, limit=20), store.fading(now=late, limit=20)
    assert rank(before, "Ruth Evans") == 0 and rank(before, "Steven Hale") > 0
    assert rank(after, "Steven Hale") == 0  # above the friend, and the colleague written about every fortnight
    steven = next(i for i in after if i["person"] == "Steven Hale")
    assert steven["score"] > next(i for i in before if i["person"] == "Steven Hale")["score"]
    pid = store.person("Steven")["id"]
    assert f.person_strength(store, pid, now=late)["recall"] < f.person_strength(store, pid, now=early)["recall"]
    bob = f.person_strength(store, store.person("Bob")["id"], now=late)
    assert bob["recall"] > 0.9
    assert steven["line"].startswith("Steven Hale: your grandson") and "died" in steven["line"]
    assert "Steven" in steven["passage"]["text"]


def test_fading_replays_the_past_without_the_future(store):
    before = store.fading(now=days(START, 10), limit=20)
    assert rank(before, "Steven Hale") is None  # not yet written about
    assert all(i["died"] is None for i in store.fading(now=days(START, 300), limit=20))


def test_a_good_review_pushes_the_next_review_out_as_fsrs_says(store):
    now = days(START, 3650)
    result = store.review_answer("person:Steven", "good", now=now)
    reference = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    t = f.as_datetime(now)
    card, _ = reference.review_card(fsrs.Card(card_id=1, due=t), fsrs.Rating.Good, t)
    assert result["next_review"] == f.as_iso(card.due)
    assert result["item"] == "person:Steven Hale"
    # not due yet: the next item is someone else; when due, it comes back, and Good pushes it further
    assert store.review_next(now=now)["item"] != "person:Steven Hale"
    due = result["next_review"]
    assert store.review_next(now=due)["item"] == "person:Steven Hale"
    second = store.review_answer("person:Steven Hale", 3, now=due)
    card2, _ = reference.review_card(card, fsrs.Rating.Good, f.as_datetime(due))
    assert second["next_review"] == f.as_iso(card2.due)
    assert second["interval_days"] > result["interval_days"]


@pytest.mark.sqlite_only  # a backup of the file
def test_reviews_raise_predicted_recall(store, tmp_path):
    untouched = store.backup(tmp_path / "untouched.db")
    review_at, later = days(START, 3000), days(START, 3650)
    pid = store.person("Steven")["id"]
    store.review_answer("person:Steven", "good", now=review_at)
    store.review_answer("person:Steven", "good", now=days(START, 3003))
    with Memory(untouched, derive=False) as other:
        without = f.person_strength(other, pid, now=later)
    with_reviews = f.person_strength(store, pid, now=later)
    assert with_reviews["recall"] > without["recall"]
    assert with_reviews["actr"] > without["actr"]  # a review also counts as a recall for ACT-R
    assert with_reviews["next_review"] and without["next_review"] is None
    page = store.person("Steven", now=later)["strength"]  # the person page shows it
    assert page["recall"] == with_reviews["recall"] and page["next_review"] == with_reviews["next_review"]
    # replaying a date before the review sees no review
    assert f.person_strength(store, pid, now=days(START, 2999))["fsrs"] is None


def test_forgetting_means_the_old_history_no_longer_counts(store):
    now = days(START, 3650)
    bob = store.person("Bob")["id"]
    before = f.person_strength(store, bob, now=now)["recall"]
    store.review_answer("person:Bob", "again", now=now)
    a_year_on = days(START, 4015)
    assert f.person_strength(store, bob, now=a_year_on)["recall"] < before


def test_hidden_people_are_not_brought_back_and_nothing_is_deleted(store):
    late = days(START, 3650)
    store.hide("Steven")
    assert rank(store.fading(now=late, limit=50), "Steven Hale") is None
    item = store.review_next(now=late)
    assert item is None or item["person"] != "Steven Hale"
    assert store.person("Steven")["mentions"] > 0  # the record is kept
    store.hide("Steven", hidden=False)
    assert rank(store.fading(now=late, limit=50), "Steven Hale") == 0
    assert [r["hidden"] for r in store.query("SELECT hidden FROM hidden ORDER BY id")] == [1, 0]


def test_a_hidden_person_is_not_brought_back_through_someone_else(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("My husband Arthur died in March. I miss him every day.", at="2020-03-20")
        m.add("Harriet, Arthur's sister, brought a lavender cake. Harriet and Arthur used to sail together.", at="2020-04-02")
        m.add("Tom rang. Tom is doing well in Bristol.", at="2020-05-01")
        m.hide("Arthur")
        shown = m.fading(now="2030-01-01", limit=10)
        assert "person:Harriet" in [i["item"] for i in shown]
        assert all("Arthur" not in (i["passage"] or {}).get("text", "") and "Arthur" not in i["line"] for i in shown)


def test_bad_answers_leave_the_store_as_it_was(store):
    before = store.query("SELECT count(*) FROM reviews")[0][0]
    with pytest.raises(BadInput):
        store.review_answer("person:Steven", "perhaps", now=days(START, 3650))
    with pytest.raises(BadInput):
        store.review_answer("someone", "good", now=days(START, 3650))
    from remembrancer.errors import NotFound

    with pytest.raises(NotFound):
        store.review_answer("person:Nobody Atall", "good", now=days(START, 3650))
    with pytest.raises(NotFound):
        store.hide("Nobody Atall")
    assert store.query("SELECT count(*) FROM reviews")[0][0] == before


def counts(path):
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.mark.sqlite_only  # SQLite's authorizer
def test_no_command_ever_deletes_a_row(store, tmp_path):
    path = store.path
    store.close()
    runner = CliRunner()
    before = counts(path)
    seen = [before]

    def run(*args, input=None):
        result = runner.invoke(cli, ["--db", str(path), *args], input=input, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        seen.append(counts(path))
        return result.output

    for year in range(1, 11):
        now = days(START, 365 * year)
        items = json.loads(run("fading", "--now", now, "--json"))
        assert items and all(i["line"] and i["passage"] for i in items)
        out = run("review", "--now", now, "--json", input='{"rating": "good"}\n{"rating": "again"}\n{"rating": 4}\n')
        lines = [json.loads(x) for x in out.splitlines()]
        assert [next(iter(x)) for x in lines] == ["item", "result", "item", "result", "item", "result", "item"]
        run("review", "--now", now, input="3\n2\nq\n")
        run("on-this-day", "--now", now, "--json")
    run("people", "hide", "Steven", "--json")
    run("people", "unhide", "Steven")
    run("person", "Steven", "--json")
    for a, b in zip(seen, seen[1:]):
        assert all(b.get(t, 0) >= n for t, n in a.items()), (a, b)
    assert seen[-1]["reviews"] == 50 and seen[-1]["recalls"] == 50
    assert seen[-1]["cards"] <= 50 and seen[-1]["hidden"] == 2
    # and through the API, a DELETE would be refused outright
    with Memory(path, derive=False) as m:
        m.conn.set_authorizer(lambda action, *rest: sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_DELETE else sqlite3.SQLITE_OK)
        m.fading(now=days(START, 4000))
        item = m.review_next(now=days(START, 4000))
        m.review_answer(item["item"], "hard", now=days(START, 4000))
        m.hide("Bob")
        m.on_this_day(days(START, 4000))


def test_review_json_mode_reports_bad_lines(store):
    path = store.path
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "review", "--json", "--now", days(START, 3650)],
                                input='not json\n{"rating": "perfect"}\n{"rating": "good"}\n')
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    # each bad line is an error line and the item stays; the good answer after them is stored
    assert [next(iter(x)) for x in lines] == ["item", "error", "error", "result", "item"]
    assert "line 1" in lines[1]["error"] and "Not an answer" in lines[2]["error"] and lines[3]["result"]["answer"] == "good"
    assert result.exit_code == 1  # a line failed


def test_review_hides_the_passage_until_asked_and_stops_at_the_end_of_input(store):
    path = store.path
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "review", "--now", days(START, 3650)], input="\n3\n")
    assert result.exit_code == 0 and "Aborted" not in result.output
    out = result.output
    assert out.index("Do you remember") < out.index("press Enter") < out.index("Next time:") and "Reviewed 1." in out


def test_a_cue_tie_and_a_passage_can_be_reviewed_and_a_recall_recorded(store):
    now = days(START, 3650)
    snap = f.Snapshot(store, now)
    pid = store.person("Steven")["id"]
    cue = next(c for (p, c) in snap.cues if p == pid)
    result = store.review_answer(f.cue_key("Steven", cue), "hard", now=now)
    assert result["item"] == f.cue_key("Steven Hale", cue)
    from remembrancer.errors import NotFound

    with pytest.raises(NotFound):
        store.review_answer(f.cue_key("Steven", "no such thing"), "good", now=now)
    passage = store.person("Steven")["passages"][0]["passage"]
    assert store.review_answer(f.passage_key(passage), "easy", now=now)["interval_days"] >= 8
    before = f.person_strength(store, pid, now=days(START, 3700))["actr"]
    assert f.record_recall(store, "person:Steven", now=days(START, 3690)) == "person:Steven Hale"
    assert f.person_strength(store, pid, now=days(START, 3700))["actr"] > before
    assert f.record_recall(store, "person:Nobody Atall", now=now) is None


GRIEF = [
    ("1990-03-04", "Steven Hale, my grandson, was born today. Alice is so happy."),
    ("1992-07-19", "Maya Hale, my granddaughter, was born today."),
    ("2016-05-02", "Steven died today. My grandson, gone."),
]


@pytest.fixture
def grief(tmp_path):
    with Memory(tmp_path / "grief.db") as m:
        for at, text in GRIEF:
            m.add(text, at=at)
        yield m


def test_the_dead_have_no_birthday_only_the_age_they_would_have_turned(grief):
    notes = f.day_notes(grief, "2030-03-04")
    assert [n["text"] for n in notes] == ["Steven Hale would have turned 40 today."]
    assert [n["text"] for n in f.day_notes(grief, "2030-07-19")] == ["Maya Hale's birthday: 38 today."]
    assert [n["text"] for n in f.day_notes(grief, "2019-05-02")] == ["3 years ago today, Steven Hale died."]
    assert f.day_notes(grief, "2030-03-05") == []
    day = grief.on_this_day("2030-03-04")
    assert day and all(i.get("note") == "Steven Hale would have turned 40 today." for i in day)
    assert not any("birthday" in (i.get("note") or "") for i in day)
    grief.hide("Steven")
    assert f.day_notes(grief, "2030-03-04") == [] and grief.on_this_day("2030-03-04") == []
    result = CliRunner().invoke(cli, ["--db", str(grief.path), "people", "unhide", "Steven", "--json"])
    assert json.loads(result.output)["hidden"] is False
    out = CliRunner().invoke(cli, ["--db", str(grief.path), "on-this-day", "--date", "2030-03-04"]).output
    assert "would have turned 40" in out


def test_an_age_they_would_have_reached_today_gives_their_birthday(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Saturday. Took the kids to see Nonna. Nonno would have been eighty-one today. We lit a candle for him.",
              at="2024-03-02")
        assert [n["text"] for n in f.day_notes(m, "2025-03-02")] == ["Nonno would have turned 82 today."]
        day = m.on_this_day("2025-03-02")
        # "Saturday" and "today" name one day of one passage: it comes back once, beside the birth and the entry.
        times = [i for i in day if i["kind"] == "time"]
        assert len(times) == 1 and times[0]["note"] == "Nonno would have turned 82 today."
        assert any(i["kind"] == "event" and i["what"] == "birth" and i["at"] == "1943-03-02" for i in day)



def test_whoever_killed_someone_has_not_died(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("You killed your grandson. Steven. He was nine, and you loved him. You still dream of Steven and his "
              "mother, you told me. You never forgave yourself.", at="2020-01-01")
        snap = f.Snapshot(m, f.resolve_now("2021-01-01"))
        steven, = [pid for pid, name in snap.names.items() if name == "Steven"]
        narrator = [pid for pid in snap.names if pid != steven]
        assert snap.died(steven) and not any(snap.died(pid) for pid in narrator)
        page = m.person("Steven")
        assert any(e["kind"] == "death" and not e["agent"] for e in page["events"])
