"""The forgetting model: ACT-R strength, FSRS scheduling, importance, fading, reviews, grief."""
import datetime as dt
import math

import fsrs
import pytest

from remembrancer import forgetting as f
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
