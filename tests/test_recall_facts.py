"""Recall for questions that gather ("What sports does Kevin play?"): the asked person's facts, with the
real models."""
import pytest
from conftest import BACKENDS, store_on

from remembrancer import recall
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


@pytest.mark.parametrize("question, gathers", [
    ("What sports does Kevin play?", True),
    ("What are Kate's hobbies?", True),
    ("What types of pasta does Kate make?", True),
    ("What do Elise and Kate have in common?", True),
    ("What food does Paola like?", True),
    ("When did Kevin play golf?", False),
    ("What is Paola learning?", False),
    ("Where does Kate work?", False),
    ("In what countries has Paola been?", True),        # a preposition first
    ("What are Kevin's favorite sportsmen?", True),     # a plural answer
    ("How does Paola spend time with her friends?", True),
    ("Where and what specialty does Kevin study?", True),  # two things asked
    ("From what perspective does Elise write?", False),
    ("What is Kevin's job?", False),
])
def test_questions_that_gather(question, gathers):
    assert recall.gathers(question) is gathers


def test_what_a_question_asks_of_a_person():
    assert {"does", "likes"} <= recall.intents("What sports does Kevin play?")
    assert "plans" in recall.intents("Where is Paola planning to go?")
    assert "lives" in recall.intents("Where does Elise live?")
    assert recall.intents("When was the exam?") == set()


@pytest.fixture(scope="module", params=BACKENDS)
def chat(tmp_path_factory, request):
    path = store_on(request.param, request, tmp_path_factory.mktemp("facts"), "m")
    with Memory(path) as m:
        m.add_chat([("Kevin", "Morning! Busy day."), ("Paola", "Same here, exams all week."),
                    ("Kevin", "I play basketball every Sunday, it keeps me sane."),
                    ("Paola", "Nice, I love lava cake more than anything.")], at="2024-01-05")
        m.add_chat([("Paola", "Did you see the sports news?"), ("Kevin", "The sports channel was on all night."),
                    ("Paola", "Sports bars are so loud."), ("Kevin", "My dad watches sports all the time."),
                    ("Paola", "Which sports are on tonight?"), ("Kevin", "No idea, the sports pages are boring."),
                    ("Paola", "Sports sports sports."), ("Kevin", "Sports talk radio is worse."),
                    ("Paola", "Do you play anything?"), ("Kevin", "Sports on the radio again, what a day.")], at="2024-01-09")
    return path


def test_a_gathering_question_says_the_persons_fact_with_its_passage(chat):
    with Memory(chat) as m:
        r = m.ask("What sports does Kevin play?", limit=3)
        person = [f for f in r["facts"] if f["kind"] == "person"]
        assert person and person[0]["fact"] == "Kevin plays basketball"
        assert m.passages([person[0]["passage"]])[0]["text"].startswith("I play basketball")
        assert not [f for f in m.ask("When were the exams?")["facts"] if f["kind"] == "person"]  # no one asked about


def test_the_facts_raise_the_turns_that_state_them(chat):
    with Memory(chat) as m:
        question = "What sports does Kevin play?"
        with_facts = {p["text"]: p["score"] for p in recall.rank(m, question, limit=20)}
        without = {p["text"]: p["score"] for p in recall.rank(m, question, limit=20, weights={"gather:fact": 0.0})}
        turn = next(t for t in with_facts if t.startswith("I play basketball"))
        assert with_facts[turn] > without[turn] + 0.05
        other = "Sports talk radio is worse."  # no fact in it: the same score either way
        assert with_facts[other] == pytest.approx(without[other])


def test_a_facts_statement_is_embedded_once_and_its_vector_kept_with_the_fact(chat, monkeypatch):
    with Memory(chat) as m:
        monkeypatch.setattr(recall, "_fact_vectors", {})  # a new process: no statement embedded yet
        m.ask("What sports does Kevin play?")
        rows = m.query("SELECT id, vector FROM person_facts WHERE statement = 'plays basketball'")
        assert rows and all(r["vector"] is not None for r in rows)
        kept = recall.embed.to_vector(bytes(rows[0]["vector"]))
        assert float(kept @ recall.embed.embed(["plays basketball"])[0]) > 0.99
        # Another new process reads the kept vector, whatever it is, and embeds nothing again.
        marked = recall.np.zeros(recall.embed.DIM, dtype=recall.np.float32)
        marked[0] = 1.0
        try:
            with m.transaction() as conn:
                conn.execute("UPDATE person_facts SET vector = ? WHERE statement = 'plays basketball'", (marked.tobytes(),))
            monkeypatch.setattr(recall, "_fact_vectors", {})
            m.ask("What sports does Kevin play?")
            assert recall._fact_vectors["plays basketball"].tolist() == marked.tolist()
        finally:
            with m.transaction() as conn:
                conn.execute("UPDATE person_facts SET vector = NULL")


@pytest.mark.parametrize("question, nameless", [
    ("What are Kevin's hobbies?", True),
    ("What does Kevin like to do on weekends?", True),
    ("How does Kevin usually spend his free time?", True),
    ("What sports does Kevin play?", False),
    ("What does Kevin like to do to relax?", False),
    ("What food does Paola like?", False),
])
def test_a_question_that_names_no_thing(chat, question, nameless):
    with Memory(chat) as m:
        assert recall.analyse(m, question)["nameless"] is nameless


def test_what_two_people_share_raises_the_facts_both_have(db, monkeypatch):
    with Memory(db) as m:
        m.add_chat([("Kevin", "I play football every weekend."), ("Paola", "Cool! I have a parrot at home."),
                    ("Kevin", "I study economics at Stanford."), ("Paola", "I'm a big fan of football, honestly."),
                    ("Kevin", "I love cooking lasagna."), ("Paola", "I'm studying law in Orlando.")], at="2024-01-05")
        question = "What interests do Kevin and Paola share?"
        a = recall.analyse(m, question)
        assert a["shared"] and len([s for s in a["people"] if s.people]) == 2
        vector = recall.embed.embed([recall.meaning(question, a["people"])])[0]

        def scores():
            by_text = {}
            for pid, (score, *_rest) in recall._fact_matches(m, a, vector).items():
                by_text[m.passages([pid])[0]["text"]] = score
            return by_text

        shared = scores()
        monkeypatch.setattr(recall, "SHARED", 0.0)
        alone = scores()
        # a taste of one of them alone (Kevin's lasagna) falls behind the one they both have (football)
        football, lasagna = "I'm a big fan of football, honestly.", "I love cooking lasagna."
        assert shared[football] - shared[lasagna] > alone[football] - alone[lasagna] + 0.05
        assert not recall.analyse(m, "What sports does Kevin play?")["shared"]
        assert not recall.analyse(m, "What recipe did Kevin offer to share with Paola?")["shared"]  # not named together


def test_pastimes_said_as_people_text_are_facts_ask_draws_on(db):
    """Facts 4's forms ("getting into pottery", "a big foodie", "can't wait to try sushi") are what `ask` says of the
    person and ranks their turns by, on both backends."""
    with Memory(db) as m:
        m.add_chat([("Rosa", "Morning! Long week."), ("Dev", "Same, work has been mad."),
                    ("Rosa", "I've been getting into pottery lately, my hands are covered in clay."),
                    ("Dev", "Ha, I'm a big foodie, so weekends are for markets."),
                    ("Rosa", "Honestly I can't wait to try sushi at that new place downtown."),
                    ("Dev", "The weather has been grim all week."), ("Rosa", "The traffic this morning was grim too.")],
                   at="2024-03-09")
        rows = {(r["kind"], r["what"]) for r in m.query("SELECT kind, what FROM person_facts")}
        assert {("likes", "pottery"), ("likes", "foodie"), ("plans", "try sushi")} <= rows
        r = m.ask("What are Rosa's hobbies?", limit=3)
        said = [f["fact"] for f in r["facts"] if f["kind"] == "person"]
        assert "Rosa likes pottery" in said
        assert any(p["text"].startswith("I've been getting into pottery") for p in r["passages"])
        assert not [f for f in said if f.startswith("Dev")]  # Dev is not asked about
