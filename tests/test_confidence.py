"""Precision first: what is read unsurely is a "perhaps", with its passage, never a fact."""
import pytest
from remembrancer import Memory
from remembrancer.people import FACT

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


def test_every_reading_carries_a_confidence_and_its_evidence(db):
    with Memory(db) as memory:
        memory.add("My husband Rhys made pancakes. Grandad died on 3 May 2021. Beth rang.", at="2021-05-04")
        for table, column in (("people", "confidence"), ("aliases", "confidence"), ("relations", "confidence"),
                              ("events", "confidence"), ("events", "date_confidence"), ("times", "confidence")):
            values = [r[0] for r in memory.query(f"SELECT {column} FROM {table}")]
            assert values and all(v is not None and 0 <= v <= 1 for v in values), (table, values)
        assert all(r[0] is not None for r in memory.query("SELECT passage FROM aliases"))
        assert memory.query("SELECT how FROM relations WHERE relation = 'husband'")[0][0] == "stated"
        death = memory.query("SELECT confidence, date_confidence, lo FROM events WHERE kind = 'death'")[0]
        assert death["confidence"] >= FACT and death["date_confidence"] >= 0.9 and death["lo"] == "2021-05-03"


def test_a_death_read_unsurely_is_only_perhaps(db):
    # "her" is Mrs Hale only by coreference: a death read through a pronoun is less sure than a fact
    with Memory(db) as memory:
        memory.add("Mrs Hale came round on 2 March 2023. We buried her on Friday under the old oak.", at="2023-03-10")
        memory.add("Grandad died on 12 March 2023. Nain Gwen rang at six.", at="2023-03-12")
        hale = memory.person("Mrs Hale")
        assert [(e["kind"], e["perhaps"]) for e in hale["events"]] == [("death", True)]
        assert [(e["kind"], e["perhaps"]) for e in memory.person("Grandad")["events"]] == [("death", False)]
        facts = [f["fact"] for f in memory.ask("What happened to Mrs Hale?")["facts"]]
        assert facts and all(f.startswith("perhaps") for f in facts)
        lines = {i["person"]: i for i in memory.fading(now="2024-03-12")}
        assert lines["Mrs Hale"]["died"] is None and "perhaps died" in lines["Mrs Hale"]["line"]
        assert lines["Grandad"]["died"] == "2023-03-12"
        # on the day a year on: Grandad's death comes back as a death, Mrs Hale's not at all as one
        from remembrancer.forgetting import day_notes

        notes = day_notes(memory, "2024-03-12")
        assert [n["person"] for n in notes] == ["Grandad"]
        items = memory.timeline()
        assert not any(i["what"] == "death" and "Hale" in i["passage"]["text"] for i in items)


def test_any_life_event_read_unsurely_is_only_perhaps(db):
    # a new job, a move or a wedding guessed of the one a pronoun stands for is no more a fact than a death so read
    with Memory(db) as memory:
        memory.add("Ryan and Jo came for tea on Sunday. He's got the job at the council in Leeds.", at="2024-06-03")
        memory.add("Priya got the job at the bank on Monday. Ravi rang at six.", at="2024-06-04")
        guessed = [e for name in ("Ryan", "Jo") for e in memory.person(name)["events"] if e["kind"] == "job"]
        assert guessed and all(e["perhaps"] for e in guessed)
        assert [(e["kind"], e["perhaps"]) for e in memory.person("Priya")["events"]] == [("job", False)]


def test_the_writers_own_event_told_by_i_or_we_is_no_guess(db):
    # "I" and "we" are the writer: not a pronoun whose person is guessed, as "he" is
    with Memory(db) as memory:
        memory.add("Found the photos from Granby Street, where I proposed. We moved in on the 3rd of May 2002.", at="2024-06-03")
        mine = {r["kind"]: r["confidence"] for r in memory.query(
            "SELECT ev.kind, ev.confidence FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE p.owner = 1")}
        assert mine.get("engagement", 0) >= FACT and mine.get("moving", 0) >= FACT, mine
        assert not [e for e in memory.person("me")["events"] if e["perhaps"]]


def test_a_proposal_told_by_asking_is_as_sure_as_its_names(db):
    # "him" at the end is the one who asked, named already: no guess of whom a pronoun stands for
    with Memory(db) as memory:
        memory.add("Christmas at Mum's yesterday. Tom asked Amy to marry him after the dinner.", at="2023-12-26")
        assert [(e["kind"], e["perhaps"]) for e in memory.person("Amy")["events"]] == [("engagement", False)]
        assert [r[0] >= FACT for r in memory.query("SELECT confidence FROM events WHERE kind = 'engagement'")] == [True]


def test_a_grandparents_kin_word_is_only_perhaps_the_writers_grandparent(db):
    # "Nana Sue" in a mother's diary is as often her children's grandmother (her own mother) as hers
    with Memory(db) as memory:
        memory.add("Nana Sue came round at ten and took the baby so I could have a shower. Mum rang me later.", at="2021-06-20")
        rels = {r["relation"]: r for r in memory.person("me")["relations"]}
        assert rels["grandmother"]["perhaps"] and not rels["mother"]["perhaps"]


def test_a_death_told_as_a_waking_that_never_came_is_perhaps_everywhere(db):
    # "didn't wake up" is a death as often as a lie-in: a "perhaps" (events.CONFIDENCE["did-not-wake"]), and never a
    # certainty on the page, above an answer, in fading, in review, on this day or in the timeline
    from remembrancer.forgetting import day_notes

    with Memory(db) as memory:
        memory.add("Maureen Hall didn't wake up on Tuesday. Her daughter Carol found her in the morning.", at="2024-05-12")
        memory.add("Went to bingo with Maureen Hall on Wednesday, like always.", at="2024-04-03")
        page = memory.person("Maureen Hall")
        deaths = [e for e in page["events"] if e["kind"] == "death"]
        assert deaths and all(e["perhaps"] for e in deaths)
        assert not page["strength"]["died"]
        facts = [f["fact"] for f in memory.ask("What happened to Maureen Hall?")["facts"] if "death" in f["fact"]]
        assert facts and all(f.startswith("perhaps") for f in facts)
        item = next(i for i in memory.fading(now="2025-05-07") if i["person"] == "Maureen Hall")
        assert item["died"] is None and "perhaps died" in item["line"]
        review = memory.review_next(now="2025-05-07")
        assert review["person"] == "Maureen Hall" and review["died"] is None and "perhaps died" in review["line"]
        assert day_notes(memory, "2025-05-07") == []
        assert not any(i["what"] == "death" for i in memory.timeline())


def test_rip_and_a_full_name_said_once_are_deaths(db):
    with Memory(db) as memory:
        memory.add("RIP Gary Pickering. Saw it on Facebook before anyone told me.", at="2024-01-14")
        memory.add("Terry Vance has died. Seventy-three. Dad loved his darts commentary.", at="2024-04-06")
        memory.add("RIP Steve's tomatoes. Steve is gutted.", at="2024-07-01")
        for name in ("Gary Pickering", "Terry Vance"):
            assert [(e["kind"], e["perhaps"]) for e in memory.person(name)["events"]] == [("death", False)], name
        assert not any(e["kind"] == "death" for e in memory.person("Steve")["events"])


def test_a_perhaps_death_is_no_certainty_over_http_and_mcp(db):
    # the faces show what `Memory` says: over the HTTP API (the web pages read it) and the MCP tools, a death read
    # unsurely ("didn't wake up": perhaps) is "perhaps" on the page, above an answer, in fading and review, and no death
    # on this day or in the timeline; one stated plainly is a death everywhere
    from fastapi.testclient import TestClient

    from remembrancer import mcp
    from remembrancer.server import create_app

    with Memory(db) as memory:
        memory.add("Maureen Hall didn't wake up on Tuesday. Her daughter Carol found her in the morning.", at="2024-05-12")
        memory.add("Went to bingo with Maureen Hall on Wednesday, like always.", at="2024-04-03")
        memory.add("Doris Engel was called home on Tuesday night. She was a hundred and one.", at="2024-05-09")
        person = mcp.person(memory, "Maureen Hall")
        assert [e["perhaps"] for e in person["events"] if e["kind"] == "death"] == [True] and not person["strength"]["died"]
        assert [e["perhaps"] for e in mcp.person(memory, "Doris Engel")["events"] if e["kind"] == "death"] == [False]
        facts = [f["fact"] for f in mcp.ask(memory, "What happened to Maureen Hall?")["facts"] if "death" in f["fact"]]
        assert facts and all(f.startswith("perhaps") for f in facts)
        lines = {i.get("person"): i for i in mcp.fading(memory, now="2025-05-07", limit=50)}
        assert lines["Maureen Hall"]["died"] is None and "perhaps died" in lines["Maureen Hall"]["line"]
        assert not any("Maureen" in (n.get("note") or "") for n in mcp.on_this_day(memory, "2025-05-07"))
        assert not any(i["what"] == "death" and "Maureen" in i["passage"]["text"] for i in mcp.timeline(memory))
        assert any(i["what"] == "death" and "Doris" in i["passage"]["text"] for i in mcp.timeline(memory))
    client = TestClient(create_app(db, derive=False), base_url="http://127.0.0.1")
    page = client.get("/api/people/Maureen Hall").json()
    assert [e["perhaps"] for e in page["events"] if e["kind"] == "death"] == [True] and not page["strength"]["died"]
    facts = [f["fact"] for f in client.get("/api/ask", params={"q": "What happened to Maureen Hall?"}).json()["facts"]
             if "death" in f["fact"]]
    assert facts and all(f.startswith("perhaps") for f in facts)
    item = next(i for i in client.get("/api/fading", params={"now": "2025-05-07", "limit": 50}).json()
                if i.get("person") == "Maureen Hall")
    assert item["died"] is None and "perhaps died" in item["line"]
    review = client.get("/api/review", params={"now": "2025-05-07"}).json()
    assert review["died"] is None and (review["person"] != "Maureen Hall" or "perhaps died" in review["line"])
    assert not any("Maureen" in (n.get("note") or "") for n in client.get("/api/on-this-day", params={"date": "2025-05-07"}).json())
    assert not any(i["what"] == "death" and "Maureen" in i["passage"]["text"] for i in client.get("/api/timeline").json())


def test_the_people_graph_says_which_relations_are_only_perhaps(tmp_path):
    # a grandparent's kin word with a name is only perhaps the writer's: the graph says so, as the page does
    with Memory(tmp_path / "m.db") as memory:
        memory.add("Nana Sue came round at ten and took the baby so I could have a shower. Mum rang me later.", at="2021-06-20")
        memory.add("Nana Sue and Mum both came for tea. I made a lasagne.", at="2021-06-27")
        ties = {(r["a"], r["relation"]): r["perhaps"] for r in memory.graph()["relations"]}
        assert ties[("Nana Sue", "grandmother")] is True and ties[("Mum", "mother")] is False
        # and nowhere else a certainty: fading (and review, which shows its lines) and the facts above an answer
        lines = {i["person"]: i["line"] for i in memory.fading(now="2022-06-20")}
        assert "perhaps your grandmother" in lines["Nana Sue"] and "perhaps" not in lines["Mum"]
        facts = [f["fact"] for f in memory.ask("Who is Nana Sue?")["facts"] if f["kind"] == "relation" and "Nana Sue" in f["fact"]]
        assert facts and all(f.startswith("perhaps") for f in facts)
