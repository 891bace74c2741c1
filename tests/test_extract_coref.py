"""Pronouns: who he, she, him and her stand for, through the extraction pipeline on the real model."""
from test_extract_people import people_of


def test_object_pronouns_kin_genders_and_subjects_the_parser_missed():
    ex, people = people_of(
        "Mum says I have his hands. Her brother Kit never forgave him for selling the boat. "
        "Kit lives in Truro now with his wife Sandra.")
    text = ex.text
    him = text.index("him for")
    assert not any(m.start == him for m in people["Kit"].mentions)  # not the subject of his own verb
    assert people["Mum"].gender == "f"
    assert not any(m.start == text.index("his hands") for m in people["Mum"].mentions)
    wife = text.index("his wife")
    assert any(m.start == wife for m in people["Kit"].mentions)  # "Kit lives": parsed as an adjective
    assert {(ex.people[r.subject].name, r.relation, ex.people[r.object].name) for r in ex.relations} >= {
        ("Sandra", "wife", "Kit"), ("Kit", "brother", "Mum")}
