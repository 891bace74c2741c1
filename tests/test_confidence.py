"""Precision first: what is read unsurely is a "perhaps", with its passage, never a fact."""
from remembrancer import Memory
from remembrancer.people import FACT


def test_every_reading_carries_a_confidence_and_its_evidence(tmp_path):
    with Memory(tmp_path / "m.db") as memory:
        memory.add("My husband Rhys made pancakes. Grandad died on 3 May 2021. Beth rang.", at="2021-05-04")
        for table, column in (("people", "confidence"), ("aliases", "confidence"), ("relations", "confidence"),
                              ("events", "confidence"), ("events", "date_confidence"), ("times", "confidence")):
            values = [r[0] for r in memory.query(f"SELECT {column} FROM {table}")]
            assert values and all(v is not None and 0 <= v <= 1 for v in values), (table, values)
        assert all(r[0] is not None for r in memory.query("SELECT passage FROM aliases"))
        assert memory.query("SELECT how FROM relations WHERE relation = 'husband'")[0][0] == "stated"
        death = memory.query("SELECT confidence, date_confidence, lo FROM events WHERE kind = 'death'")[0]
        assert death["confidence"] >= FACT and death["date_confidence"] >= 0.9 and death["lo"] == "2021-05-03"


def test_a_death_read_unsurely_is_only_perhaps(tmp_path):
    # "her" is Mrs Hale only by coreference: a death read through a pronoun is less sure than a fact
    with Memory(tmp_path / "m.db") as memory:
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


def test_a_grandparents_kin_word_is_only_perhaps_the_writers_grandparent(tmp_path):
    # "Nana Sue" in a mother's diary is as often her children's grandmother (her own mother) as hers
    with Memory(tmp_path / "m.db") as memory:
        memory.add("Nana Sue came round at ten and took the baby so I could have a shower. Mum rang me later.", at="2021-06-20")
        rels = {r["relation"]: r for r in memory.person("me")["relations"]}
        assert rels["grandmother"]["perhaps"] and not rels["mother"]["perhaps"]


def test_a_death_told_as_a_waking_that_never_came_is_perhaps_everywhere(tmp_path):
    # "didn't wake up" is a death as often as a lie-in: a "perhaps" (events.CONFIDENCE["did-not-wake"]), and never a
    # certainty on the page, above an answer, in fading, in review, on this day or in the timeline
    from remembrancer.forgetting import day_notes

    with Memory(tmp_path / "m.db") as memory:
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


def test_rip_and_a_full_name_said_once_are_deaths(tmp_path):
    with Memory(tmp_path / "m.db") as memory:
        memory.add("RIP Gary Pickering. Saw it on Facebook before anyone told me.", at="2024-01-14")
        memory.add("Terry Vance has died. Seventy-three. Dad loved his darts commentary.", at="2024-04-06")
        memory.add("RIP Steve's tomatoes. Steve is gutted.", at="2024-07-01")
        for name in ("Gary Pickering", "Terry Vance"):
            assert [(e["kind"], e["perhaps"]) for e in memory.person(name)["events"]] == [("death", False)], name
        assert not any(e["kind"] == "death" for e in memory.person("Steve")["events"])
