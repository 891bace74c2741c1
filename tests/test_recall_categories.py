"""Questions asked by a category ("What sports does Kevin play?") and turns that tell by a member ("I hit the golf
course"): remembrancer/categories.py and the `member` signal of recall. No model is loaded."""
import numpy as np
import pytest

from remembrancer import categories, recall
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


def test_the_members_of_what_a_question_asks_by():
    sports = categories.asked("What sports does Kevin play?")
    assert {"golf", "jiu-jitsu", "volleyball", "football"} <= sports
    assert "sushi" not in sports
    assert {"barcelona", "salt lake city", "miami"} <= categories.asked("Which cities has Paola visited?")
    assert {"sushi", "italian", "tacos"} <= categories.asked("What foods does Nebraas like?")
    assert categories.asked("When did Kevin get back?") == frozenset()


def test_a_member_is_named_as_a_whole_word_or_phrase():
    sports = categories.asked("What sports does Kevin play?")
    assert categories.naming(sports, "Today I hit the golf course and had a blast") == 1
    assert categories.naming(sports, "I decided to give Jiu-Jitsu training a shot, then some table tennis") == 2
    assert categories.naming(sports, "A golfer's life, a skinny wristband") == 0  # not inside other words
    cities = categories.asked("Which cities did Kate visit?")
    assert categories.naming(cities, "a rooftop lounge in Salt Lake City") == 1
    assert categories.naming(categories.asked("What food does Kevin like?"), "love burgers tbh") == 1  # a plural


def _chat(path):
    # people messaging: runs of one speaker's turns
    m = Memory(path, derive=False)
    turns = [("Kevin", "hey"), ("Kevin", "what sports do you play?"), ("Paola", "tennis mostly"), ("Paola", "and you?"),
             ("Kevin", "i hit the golf course this morning"), ("Kevin", "so tired now"), ("Paola", "nice"),
             ("Paola", "what a day"), ("Kevin", "do you play any sports with friends"), ("Kevin", "on weekends")]
    m.add_chat(turns * 3, at="2024-01-07")
    return m


def test_a_turn_of_the_asked_person_naming_a_member_is_marked(db):
    with _chat(db) as m:
        assert recall.names(m).messaging
        question = "What sports does Kevin play?"
        a = recall.analyse(m, question)
        assert a["aggregate"] and "golf" in a["members"]
        f = recall.features(m, question, np.zeros(384, dtype=np.float32), a)
        text = dict(m.query("SELECT id, text FROM passages"))
        marked = {text[i] for i, v in zip(f["ids"], recall.member(f)) if v}
        assert marked == {"i hit the golf course this morning"}  # not Paola's "tennis mostly": Kevin is asked about

        def lead(weights):  # how far the golf turn stands above the turn that repeats the question's words
            score = {text[i]: s for i, s in recall.fuse(f, dict(recall.WEIGHTS, **weights), 60)}
            return score["i hit the golf course this morning"] - score["what sports do you play?"]

        assert lead({}) > lead({"chat:gather:member": 0.0}) + 0.3


def test_a_question_that_does_not_gather_reads_no_members_but_where_asks_for_a_place(db):
    with _chat(db) as m:
        a = recall.analyse(m, "What country does Kevin live in?")
        assert not a["aggregate"] and a["members"] == frozenset()
        a = recall.analyse(m, "Where did Kevin celebrate the New Year?")
        assert not a["aggregate"] and {"miami", "italy", "beach", "texas"} <= a["members"]
        m.add_chat([("Kevin", "back from miami"), ("Kevin", "so tired"), ("Paola", "nice"), ("Paola", "ok")], at="2024-01-08")
        f = recall.features(m, "Where did Kevin go?", np.zeros(384, dtype=np.float32), recall.analyse(m, "Where did Kevin go?"))
        text = dict(m.query("SELECT id, text FROM passages"))
        assert {text[i] for i, v in zip(f["ids"], recall.member(f)) if v} == {"back from miami"}
