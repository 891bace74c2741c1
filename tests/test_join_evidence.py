"""A name joined to a person carries the confidence of the evidence that joined it (issue 13: decisions by evidence, with
a confidence measured on the tune writers by bench/journal.py's keys, bench/joins.py)."""
from remembrancer import Memory
from remembrancer.extract import JOIN_AT, JOINED, join_class


def test_the_classes_of_evidence():
    assert join_class("Tom", frozenset({"Tom Hughes"})) == "first"
    assert join_class("Liz", frozenset({"Elizabeth Bennet"})) == "nickname"
    assert join_class("Beth", frozenset({"Bethan Lloyd"})) == "short"
    assert join_class("Brady", frozenset({"Tom Brady"})) == "surname"
    assert join_class("Grandma", frozenset({"Grandma Rose"})) == "kin"
    assert join_class("EMRYS MORGAN", frozenset({"Emrys Morgan"})) == "same"
    assert join_class("Bug", frozenset({"Rhys"})) == "other"
    assert all(JOINED[c] >= JOIN_AT for c in ("first", "nickname", "short", "surname", "kin", "same", "other"))


def test_a_name_joined_across_entries_has_the_confidence_of_its_evidence(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add("Bethan Lloyd started at the surgery today. She is lovely.", at="2021-01-03")
        m.add("Beth brought cake to the surgery.", at="2021-01-04")
        m.add("Elizabeth Parry runs the choir. She is strict.", at="2021-01-05")
        m.add("Liz was late to choir for once.", at="2021-01-06")
        sure = dict(m.query("SELECT alias, confidence FROM aliases"))
        assert sure["Beth"] == JOINED["short"] and sure["Bethan Lloyd"] == 1.0
        assert sure["Liz"] == JOINED["nickname"] != JOINED["short"]
