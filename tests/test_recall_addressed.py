"""A chat turn that speaks to the other person and says nothing of its speaker ("Your trip sounds amazing!"): the
`addressed` signal of recall, read for questions that gather what someone likes, does or plans. No model is loaded."""
import numpy as np
import pytest

from remembrancer import recall
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


def test_a_turn_that_speaks_only_to_the_other_person():
    assert recall.addressed("Your trip to Rome sounds amazing! Have you been to the Colosseum?")
    assert recall.addressed("u should totally try surfing")
    assert not recall.addressed("I went to Rome last week, have you been?")  # its speaker speaks of themselves too
    assert not recall.addressed("We play tennis on Sundays, you should join")
    assert not recall.addressed("Rome was lovely")  # a thing alone: not addressed
    assert not recall.addressed("A young yourt... youth team")  # whole words only
    assert not recall.addressed(None)


def _chat(path):
    # people messaging: runs of one speaker's turns
    m = Memory(path, derive=False)
    turns = [("Kevin", "hey"), ("Kevin", "your tennis sounds fun, do you play golf too?"), ("Paola", "tennis mostly"),
             ("Paola", "and you?"), ("Kevin", "i hit the golf course this morning"), ("Kevin", "so tired now"),
             ("Paola", "nice"), ("Paola", "what a day"), ("Kevin", "do you play any sports with friends"), ("Kevin", "on weekends")]
    m.add_chat(turns * 3, at="2024-01-07")
    return m


def test_a_question_that_gathers_ranks_the_asked_persons_turns_about_themselves_above_those_to_the_other(db):
    with _chat(db) as m:
        assert recall.names(m).messaging
        question = "What sports does Kevin play?"
        a = recall.analyse(m, question)
        assert a["aggregate"]
        f = recall.features(m, question, np.zeros(384, dtype=np.float32), a)
        text = dict(m.query("SELECT id, text FROM passages"))
        marked = {text[i] for i, v in zip(f["ids"], f["addressed"]) if v}
        assert marked == {"your tennis sounds fun, do you play golf too?", "do you play any sports with friends", "and you?"}

        def lead(weights):  # how far Kevin's golf turn stands above his turn about Paola's tennis
            score = {text[i]: s for i, s in recall.fuse(f, dict(recall.WEIGHTS, **weights), 60)}
            return score["i hit the golf course this morning"] - score["your tennis sounds fun, do you play golf too?"]

        assert lead({}) > lead({"chat:gather:addressed": 0.0}) + 0.3
