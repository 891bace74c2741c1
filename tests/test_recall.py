"""Recall, ask, timeline and on-this-day on the story and the examples, with the real models."""
import json
import os

import pytest
from click.testing import CliRunner

from conftest import BACKENDS, EXAMPLES, ROOT, store_on
from remembrancer import recall
from remembrancer.cli import cli
from remembrancer.errors import EmptyInput, NotFound
from remembrancer.store import Memory

STORY = ROOT.parent / "shared" / "seed" / "000_430032c30c73a7fb.txt"


@pytest.fixture(scope="module", params=BACKENDS)
def examples(tmp_path_factory, request):
    """The example journal and chat, understood and embedded, shared by the tests that only read: in an SQLite
    file, and in a memory of a PostgreSQL database (the same tests, the same answers)."""
    path = store_on(request.param, request, tmp_path_factory.mktemp("examples"), "examples")
    with Memory(path) as m:
        m.add_files([EXAMPLES / "journal"])
        m.import_file("locomo", EXAMPLES / "chat.json")
    return path


@pytest.fixture
def ex(examples):
    with Memory(examples) as m:
        yield m


def texts(passages, n=3):
    return [p["text"] for p in passages[:n]]


@pytest.mark.skipif(not STORY.exists() and os.environ.get("CI") != "true", reason="the seed story is in ../shared")
def test_coffee_brings_back_ianto_first_on_the_story(tmp_path):
    with Memory(tmp_path / "story.db") as m:
        m.add_files([STORY])
        r = m.recall("coffee")
    assert r["cue"] == "coffee"
    assert r["people"][0]["name"] == "Ianto Jones"
    first = r["people"][0]
    assert first["why"] and first["evidence"]
    assert any("coffee" in p["text"].lower() for p in first["evidence"])  # the passages say why
    assert set(first) >= {"name", "aliases", "score", "evidence"}
    assert all(set(t) >= {"name", "score", "evidence"} for t in r["things"])
    assert any("coffee" in p["text"].lower() for p in r["passages"][:3])


def test_a_cue_brings_back_only_what_is_about_it(ex):
    r = ex.recall("coffee")
    assert [p["name"] for p in r["people"]] == ["Priya"]  # not everyone named near the nearest passages
    assert r["passages"] and all("coffee" in p["text"].lower() for p in r["passages"])
    toronto = ex.recall("Toronto")
    assert "Priya" in [p["name"] for p in toronto["people"]] and toronto["passages"]
    nothing = ex.recall("espresso")  # nothing in the examples is about it
    assert nothing["passages"] == [] and nothing["people"] == []


def test_a_question_about_a_person_finds_their_words(ex):
    r = ex.ask("What did Tom take back to Aberdeen?")
    assert "Tom took Dad's fishing rod back to Aberdeen last month. I thought I'd mind, but I don't." in texts(r["passages"], 2)
    assert [p["name"] for p in r["people"]] == ["Tom"]


def test_a_chat_question_finds_the_turn_with_its_ref(ex):
    r = ex.ask("When did Priya arrive in Toronto?", limit=5)
    top = r["passages"][0]
    assert top["ref"] == "D1:1" and top["speaker"] == "Priya"
    assert set(top) == {"passage", "entry", "ref", "at", "speaker", "text", "score"}


def test_a_question_naming_a_month_prefers_what_happened_then(ex):
    r = ex.ask("Who died in November 2022?")
    assert r["times"] and r["times"][0]["lo"] == "2022-11-01" and r["times"][0]["hi"] == "2022-12-01"
    assert r["passages"][0]["text"].startswith("Grandma Rose died on Friday")


def test_a_time_window_outranks_the_same_words_at_another_time(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Walked the dog along the beach, cold and windy.", at="2021-01-10")
        m.add("Walked the dog along the beach in the sun.", at="2022-07-10")
        assert m.ask("Where did I walk the dog in July 2022?")["passages"][0]["at"].startswith("2022-07-10")
        assert m.ask("Where did I walk the dog in January 2021?")["passages"][0]["at"].startswith("2021-01-10")
        # relative to the store's own latest date: "last summer" is the summer before it
        m.add("Nothing much today.", at="2023-02-01")
        r = m.ask("Where did I walk the dog last summer?")
        assert r["times"][0]["lo"].startswith("2022-06") and r["passages"][0]["at"].startswith("2022-07-10")


def test_the_week_before_an_event_is_read_from_the_store(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Bought flowers at the market with Tom.", at="2019-03-01")
        m.add("Bought the rings with Tom in Leeds.", at="2020-06-08")
        m.add("Our wedding at St Mary's, the happiest day.", at="2020-06-13")
        m.add("Bought a new kettle with Tom.", at="2021-09-30")
        r = m.ask("What did I buy the week before the wedding?")
        window = [t for t in r["times"] if t.get("event")]
        assert window and window[0]["lo"] == "2020-06-06" and window[0]["hi"] == "2020-06-13"
        assert r["passages"][0]["text"] == "Bought the rings with Tom in Leeds."


def test_before_by_and_since_a_date_open_the_window(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Bought a blue bicycle at the fair.", at="2021-03-02")
        m.add("Bought a red bicycle at the fair.", at="2023-06-20")
        r = m.ask("Which bicycle did I buy before May 2023?")
        assert [(t["lo"], t["hi"]) for t in r["times"]] == [(None, "2023-05-01")]
        assert "blue" in r["passages"][0]["text"]
        r = m.ask("Which bicycle did I buy since January 2022?")
        assert [(t["lo"], t["hi"]) for t in r["times"]] == [("2022-01-01", None)]
        assert "red" in r["passages"][0]["text"]
        # "as of" a month asks how things stood then: up to it, and the month itself in full
        r = m.ask("Which bicycle did I have as of June 2023?")
        assert [(t["lo"], t["hi"]) for t in r["times"]] == [(None, "2023-07-01"), ("2023-06-01", "2023-07-01")]
        assert "red" in r["passages"][0]["text"]
        # "from" is not a time's edge: "moved from Leeds 4 years ago" is 4 years ago
        r = m.ask("Where did I move from 4 years ago?")
        assert all(t["lo"] and t["hi"] for t in r["times"])


def test_a_range_of_times_is_one_window(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Quiet day.", at="2023-08-03")
        windows = lambda q: [(t["lo"], t["hi"]) for t in m.ask(q)["times"]]  # noqa: E731
        assert windows("What happened between May and July 2023?") == [("2023-05-01", "2023-08-01")]
        assert windows("What did I read between November and February 2023?") == [("2022-11-01", "2023-03-01")]
        assert windows("What did I do from 2019 to 2021?") == [("2019-01-01", "2022-01-01")]
        assert windows("Where was I from March 3 to March 10, 2023?") == [("2023-03-03", "2023-03-11")]


def test_before_or_after_an_event_opens_the_window_from_its_day(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Bought a blue scarf in town.", at="2019-01-05")
        m.add("The accident on the ring road. I was shaken for days and could not drive.", at="2020-04-02")
        m.add("Bought a green scarf in town.", at="2021-11-20")
        r = m.ask("What scarf did I buy after the accident?")
        assert [(t["lo"], t["hi"], t["event"]) for t in r["times"]] == [("2020-04-02", None, "accident")]
        assert "green" in r["passages"][0]["text"]
        assert "blue" in m.ask("What scarf did I buy before the accident?")["passages"][0]["text"]
        # the event stays in what is searched for: how I felt is told with the accident
        assert "shaken" in m.ask("How did I feel after the accident?")["passages"][0]["text"]


def test_a_span_before_or_after_a_date_counts_from_that_date(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Quiet day.", at="2023-08-03")
        windows = lambda q: [(t["text"], t["lo"], t["hi"]) for t in m.ask(q)["times"]]  # noqa: E731
        # and the date itself: what happened the week before is told on it ("last week we ...")
        assert windows("What did John do the week before August 3, 2023?") == [
            ("the week before August 3, 2023", "2023-07-27", "2023-08-03"), ("August 3, 2023", "2023-08-03", "2023-08-04")]
        assert windows("What did we get two weeks before August 11, 2023?")[0][1:] == ("2023-07-28", "2023-08-04")
        # July 24, 2023 was a Monday; October 28, 2023 a Saturday; October 4, 2023 a Wednesday
        assert windows("What did we do on the Monday before July 24, 2023?")[0][1:] == ("2023-07-17", "2023-07-18")
        assert windows("What is planned for the Saturday after October 28, 2023?")[0][1:] == ("2023-11-04", "2023-11-05")
        assert windows("Where were the pups the weekend before 4th October, 2023?")[0][1:] == ("2023-09-30", "2023-10-02")


def test_facts_quote_an_event_without_the_front_matter_before_it(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("---\ndate: 2021-03-14\n---\nMy grandmother Agnes Hale died on Friday, in her sleep.")
        facts = [f["fact"] for f in m.ask("When did Agnes die?")["facts"] if f["kind"] == "event"]
        assert facts and all("date:" not in f and "---" not in f for f in facts)
        assert any("Agnes Hale died" in f for f in facts)


def test_a_name_no_passage_holds_is_said_to_be_unknown(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Harriet brought a lavender cake on Sunday. Tom wore his green hat.")
        assert m.ask("What colour was Zebedee's hat?")["unknown"] == ["Zebedee"]
        assert m.ask("What did Harriet bring on Sunday?")["unknown"] == []
        assert m.ask("What did Harriet bring in Paris?")["unknown"] == ["Paris"]


def test_a_question_none_of_whose_words_is_written_finds_nothing_rather_than_anything(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Harriet brought a lavender cake on Sunday.")
        m.add("Tom fixed the shed door.")
        assert m.ask("zzqxv")["passages"] == []
        assert m.ask("What colour was the submarine?")["passages"] == []
        assert "lavender" in m.ask("What did Harriet bake?")["passages"][0]["text"]
        assert "shed" in m.ask("Who repaired the door?")["passages"][0]["text"]  # words in common: ranked as ever


def test_recall_reads_a_phrase_by_its_head_and_weighs_how_closely_it_is_tied(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Arthur rode the blue bicycle to the station every morning for thirty years. "
              "Arthur loved that bicycle more than his car.", at="2020-01-01")
        m.add("Dennis at the repair shop looked at the bicycle. Arthur had died in March.", at="2021-05-01")
        for cue in ("the blue bicycle", "bicycles", "bicycle"):
            assert m.recall(cue)["people"][0]["name"] == "Arthur", cue


def test_person_aware_ranking_prefers_the_named_speaker(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Caroline", "I finished my painting of the lake last night."),
                    ("Melanie", "My painting class starts next week, I'm nervous."),
                    ("Caroline", "You'll love it.")], at="2023-05-08")
        r = m.ask("What did Caroline say about her painting?")
        assert r["passages"][0]["text"] == "I finished my painting of the lake last night."
        r = m.ask("What did Melanie say about her painting?")
        assert r["passages"][0]["text"] == "My painting class starts next week, I'm nervous."


def test_baselines_rank_by_one_signal(ex):
    bm25 = recall.rank(ex, "fishing rod", limit=3, mode="bm25")
    dense = recall.rank(ex, "an angling pole", limit=3, mode="dense")
    assert "fishing rod" in bm25[0]["text"]
    assert any("fishing rod" in p["text"] for p in dense)  # meaning, not words
    with pytest.raises(ValueError):
        recall.rank(ex, "x", mode="telepathy")


def test_timeline_orders_by_when_it_happened_not_when_written(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Yesterday Tom and I flew kites on the hill.", at="2023-05-08")
        m.add("Tom rang about the boat.", at="2023-05-01")
        items = m.timeline(start="2023-05-01", end="2023-06-01")
        whens = [i["at"][:10] for i in items]
        assert whens == sorted(whens)
        kites = next(i for i in items if "kites" in i["passage"]["text"])
        assert kites["at"].startswith("2023-05-07")  # the day it happened, not the day it was written
        assert [i["passage"]["text"] for i in m.timeline(person="Tom")] == [
            "Tom rang about the boat.", "Yesterday Tom and I flew kites on the hill."]
        assert m.timeline(start="2024-01-01") == []
        with pytest.raises(NotFound):
            m.timeline(person="Nobody Atall")


def test_a_state_lasting_since_a_year_is_not_when_the_passage_happened(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Tom fixed the shed door Arthur had been meaning to fix since 2015.", at="2021-06-02")
        m.add("In 2015 we went to Skye with Tom.", at="2021-06-03")
        items = [(i["at"][:4], i["passage"]["text"][:7]) for i in m.timeline(person="Tom")]
        assert ("2015", "In 2015") in items and ("2015", "Tom fix") not in items and ("2021", "Tom fix") in items


def test_on_this_day_finds_other_years(ex):
    items = ex.on_this_day("2025-05-08")
    assert items and items[0]["at"].startswith("2023-05-08") and items[0]["years_ago"] == 2
    assert any("Priya" in i["passage"]["text"] for i in items)
    assert ex.on_this_day("2025-05-09") == []


def test_empty_questions_and_cues_are_refused(ex):
    with pytest.raises(EmptyInput):
        ex.ask("   ")
    with pytest.raises(EmptyInput):
        ex.recall("")


def test_cli_recall_ask_timeline_and_batch(examples, tmp_path):
    runner = CliRunner()
    base = ["--db", str(examples)]
    r = runner.invoke(cli, base + ["recall", "fishing rod", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) == {"cue", "people", "things", "passages"} and data["passages"]
    r = runner.invoke(cli, base + ["ask", "When did Priya arrive in Toronto?", "--json", "--limit", "3"])
    data = json.loads(r.output)
    assert data["passages"][0]["ref"] == "D1:1" and len(data["passages"]) == 3
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "query": "piano lessons"}\n{"id": "b", "query": "Toronto"}\n')
    r = runner.invoke(cli, base + ["ask", "--queries", str(queries), "--limit", "2"])
    lines = [json.loads(line) for line in r.output.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"] and all(len(x["results"]) == 2 for x in lines)
    assert set(lines[0]["results"][0]) == {"passage", "entry", "ref", "at", "speaker", "text", "score"}
    r = runner.invoke(cli, base + ["timeline", "--from", "2023-01-01", "--to", "2024-01-01", "--json"])
    assert r.exit_code == 0 and all("2023" <= i["at"] < "2024" for i in json.loads(r.output))
    r = runner.invoke(cli, base + ["on-this-day", "--date", "2025-05-08"])
    assert r.exit_code == 0 and "2023-05-08" in r.output
    r = runner.invoke(cli, base + ["ask", "   "])
    assert r.exit_code == 1 and "Error:" in r.output


def test_a_speaker_named_in_a_question_is_one_source_that_pulls(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        for day in range(1, 4):
            m.add_chat([("Sam", f"I went swimming on day {day}, and I loved it."),
                        ("Evan", "Congrats Sam, that sounds great."),
                        ("Sam", "Thanks! I'm so tired now."),
                        ("Evan", "I was at work all day, the printer broke again.")], at=f"2023-05-0{day}")
        sources = recall.named_people(m, "What does Sam like to do?")
        assert [s.name for s in sources] == ["Sam"]
        # tied to about half the passages, so it still singles some out (S - ln fan > 0)
        assert sources[0].strength > 0 and sources[0].speakers == {"Sam"}
        assert all(p["speaker"] == "Sam" for p in m.ask("What does Sam like to do?", limit=3)["passages"])


def test_bm25_in_a_time_window_reads_only_that_window(tmp_path):
    with Memory(tmp_path / "m.db", derive=False) as m:
        for month in range(1, 10):
            m.add(f"Walked the dog by the river in month {month}.", at=f"2022-0{month}-15")
        joined = m.query(
            "SELECT f.rowid FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN entries e ON e.id = p.entry"
            " WHERE passages_fts MATCH '\"dog\"' AND e.at >= '2022-03-01' AND e.at < '2022-05-01'")
        hits = recall.bm25(m, "the dog", 10, within=("2022-03-01", "2022-05-01"))
        assert sorted(h[0] for h in hits) == sorted(r[0] for r in joined) and len(hits) == 2


def test_bm25_in_a_large_store_ranks_the_rare_words_and_bounds_the_common(tmp_path, monkeypatch):
    monkeypatch.setattr(recall, "BM25_WINDOW", 6)  # a "large" store of 30 passages
    with Memory(tmp_path / "m.db", derive=False) as m:
        for i in range(28):
            m.add(f"Tea in the garden, day {i}.", at=f"2022-01-{i + 1:02d}")
        m.add("Tea with the harbourmaster.", at="2022-02-01")
        m.add("The harbourmaster waved.", at="2022-02-02")
        hits = recall.bm25(m, "harbourmaster tea", 10)
        texts = [m.passages([h[0]])[0]["text"] for h in hits]
        assert len(texts) == 2 and all("harbourmaster" in t for t in texts)  # "tea" is too common to rank
        newest = recall.bm25(m, "tea garden", 10)  # every word too common: the newest matches, ranked
        assert 0 < len(newest) <= 3 and min(h[0] for h in newest) > 20


def test_when_questions_and_length_are_signals(tmp_path):
    from remembrancer import embed

    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Ann", "We took the boat out on the lake, the water was calm and cold."),
                    ("Ben", "Great."),
                    ("Ann", "We took the boat out on the lake last Friday.")], at="2023-05-08")
        ids = {p["text"]: p["passage"] for p in m.ask("boat lake", limit=3)["passages"]}

        def signals(question):
            f = recall.features(m, question, embed.embed([question])[0], recall.analyse(m, question))
            return {t: {k: float(f[k][f["ids"].index(i)]) for k in ("says_when", "length", "spoken")} for t, i in ids.items()}

        when = signals("When did Ann take the boat out?")
        assert when["We took the boat out on the lake last Friday."]["says_when"] == 1.0
        assert when["We took the boat out on the lake, the water was calm and cold."]["says_when"] == 0.0
        assert all(s["says_when"] == 0.0 for s in signals("Why did Ann take the boat out?").values())
        assert when["Great."]["length"] < when["We took the boat out on the lake last Friday."]["length"] <= 1.0
        assert when["Great."]["spoken"] == 0.0 and when["We took the boat out on the lake last Friday."]["spoken"] == 1.0


def test_the_search_reads_the_question_without_the_names_of_those_who_speak(tmp_path):
    from remembrancer import embed

    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Melanie", "I signed up for a pottery class yesterday, it's like therapy for me."),
                    ("Caroline", "Thanks, Melanie! You're the best, Melanie."),
                    ("Melanie", "Anytime, Caroline. Toby, my puppy, says hi."),
                    ("Caroline", "Bye Melanie, talk soon Melanie!")], at="2023-05-08")
        question = "What activities does Melanie partake in?"
        people = recall.analyse(m, question)["people"]
        assert recall.meaning(question, people) == "What activities does partake in?"
        assert recall.meaning("What are Melanie's hobbies?", people) == "What are hobbies?"
        lower = "what does melanie like?"
        assert recall.meaning(lower, recall.analyse(m, lower)["people"]) == "what does like?"
        assert recall.meaning("Melanie?", people) == "Melanie?"  # nothing else left: the question as asked
        # The signals read the question without the speaker's name: the dense one is the similarity to it.
        f = recall.prepare(m, question)
        sims = embed.similarities(m, embed.embed(["What activities does partake in?"])[0], f["ids"])
        expected = recall._scaled(sims, recall.DENSE_SPREAD)
        assert [round(float(x), 4) for x in f["dense"]] == [round(expected[i], 4) for i in f["ids"]]
        assert f["dense"].argmax() == f["ids"].index(m.ask("pottery class", limit=1)["passages"][0]["passage"])
        # A name no one speaks under (the dog) is what the question is about: it stays, and BM25 finds it.
        f = recall.prepare(m, "What did Melanie say about Toby?")
        sims = embed.similarities(m, embed.embed(["What did say about Toby?"])[0], f["ids"])
        expected = recall._scaled(sims, recall.DENSE_SPREAD)
        assert [round(float(x), 4) for x in f["dense"]] == [round(expected[i], 4) for i in f["ids"]]
        toby = m.ask("Toby puppy", limit=1)["passages"][0]["passage"]
        assert f["bm25"].argmax() == f["ids"].index(toby)
        # BM25 no longer matches the turns that only call Melanie by name.
        vocative = [p["passage"] for p in m.ask("talk soon", limit=1)["passages"]][0]
        assert f["bm25"][f["ids"].index(vocative)] == 0.0

    with Memory(tmp_path / "prose.db") as m:  # no one speaks in prose: a name is kept
        m.add("Coffee with Ianto at the Hub. He spilled it on the map.", at="2009-05-01")
        m.add("Rain all day; the map of the bay dried on the radiator.", at="2009-05-02")
        question = "What did Ianto spill?"
        f = recall.prepare(m, question)
        sims = embed.similarities(m, embed.embed([question])[0], f["ids"])
        expected = recall._scaled(sims, recall.DENSE_SPREAD)
        assert [round(float(x), 4) for x in f["dense"]] == [round(expected[i], 4) for i in f["ids"]]


def test_a_named_persons_passages_are_searched_on_their_own_among_many_others(tmp_path, monkeypatch):
    """A store where other people's writing about painting outnumbers the candidates a search takes: the
    turn Caroline said is still a candidate, and answers, because her passages are searched on their own too."""
    monkeypatch.setattr("remembrancer.store.PROCESSORS", ["remembrancer.embed"])
    monkeypatch.setattr(recall, "POOL", 3)
    question = "What did Caroline say about her painting?"
    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Caroline", "I finished the sunset canvas last night, it took me weeks of evenings."),
                    ("Melanie", "Show me tomorrow!")], at="2023-05-08")
        for i in range(12):
            m.add(f"My painting of the harbour, number {i}, is drying by the window. Painting every day now.",
                  at=f"2021-03-{i + 1:02d}")
        turn = m.query("SELECT id FROM passages WHERE speaker = 'Caroline'")[0][0]

        def candidates():
            f = recall.prepare(m, question)
            return {f["ids"][i] for i in f["pool"]}

        assert turn in candidates()
        assert turn in [p["passage"] for p in m.ask(question, limit=5)["passages"]]
        monkeypatch.setattr(recall, "focus", lambda memory, a: [])  # without: not even a candidate
        assert turn not in candidates()


def test_who_speaks_is_counted_once_and_kept_only_while_the_passages_are_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr("remembrancer.store.PROCESSORS", [])
    monkeypatch.setattr(recall, "SPEAKERS_KEPT_AT", 2)
    db = tmp_path / "m.db"
    with Memory(db) as m:
        m.add_chat([("Caroline", "Hi!"), ("Melanie", "Hello."), ("Caroline", "Off to the lake.")], at="2023-05-08")
        assert dict(recall.names(m).speakers) == {"Caroline": 2, "Melanie": 1}
        kept = json.loads(m.query("SELECT value FROM settings WHERE key = 'recall.speakers'")[0][0])
        assert kept["speakers"] == {"Caroline": 2, "Melanie": 1} and kept["passages"] == 3
    with Memory(db) as m:  # taken up again without reading the passages
        with m.transaction() as conn:  # counts that are not what the passages say would show here
            kept["speakers"]["Caroline"] = 7
            conn.execute("UPDATE settings SET value = ? WHERE key = 'recall.speakers'", (json.dumps(kept),))
        assert recall.names(m).speakers["Caroline"] == 7
    with Memory(db) as m:
        with m.transaction() as conn:  # a passage gone behind its back: the kept counts are not used
            conn.execute("DELETE FROM passages WHERE id = (SELECT max(id) FROM passages)")
        assert dict(recall.names(m).speakers) == {"Caroline": 1, "Melanie": 1}


def test_a_day_asked_about_reaches_the_days_beside_it():
    day = [{"text": "on 10.01.2024", "lo": "2024-01-10", "hi": "2024-01-11"}]
    month = [{"text": "in January 2024", "lo": "2024-01-01", "hi": "2024-02-01"}]
    info = {1: {"at": "2024-01-10T21:44:00"}, 2: {"at": "2024-01-11T00:56:00"}, 3: {"at": "2024-01-08T23:00:00"},
            4: {"at": "2024-01-13T09:00:00"}, 5: {"at": "2024-02-01T10:00:00"}, 6: {"at": None}}
    # the day itself and the day after (a chat past midnight) fully, two days away half, three not at all
    assert recall._time_match(day, info, {}) == {1: 1.0, 2: 1.0, 3: 0.5}
    # a month is a month: the day after it is not in it
    assert 5 not in recall._time_match(month, info, {})


def test_a_month_without_its_year_is_counted_from_the_last_day_the_person_asked_about_was_written_of(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Went camping with Rosalind by the lake. Rosalind caught a huge trout.", at="2019-06-14")
        m.add("Rosalind moved to Canada; we write now and then.", at="2019-09-02")
        m.add("Bought a new bike and rode it to work.", at="2024-03-05")
        assert recall.analyse(m, "When did Rosalind go camping in June?")["times"][0]["lo"] == "2019-06-01"
        # A question that names no one counts from the store's latest day, as before.
        assert recall.analyse(m, "What did I buy in June?")["times"][0]["lo"] == "2023-06-01"
        assert "camping" in m.ask("When did Rosalind go camping in June?")["passages"][0]["text"]
