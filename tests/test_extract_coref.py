"""Pronouns: who he, she, him and her stand for, through the extraction pipeline on the real model."""
from test_extract_people import people_of


def whose(ex, people, phrase):
    """The names of the people the mention starting at `phrase` was given to."""
    at = ex.text.index(phrase)
    return {name for name, p in people.items() if any(m.start == at for m in p.mentions)}


def test_a_person_named_as_subject_takes_over_the_pronoun():
    ex, people = people_of(
        "Met Priya for lunch. She is moving to Leeds and she made me promise to visit. "
        "Ellie started swimming lessons today. She practised for an hour.")
    assert whose(ex, people, "She practised") == {"Ellie"}
    assert whose(ex, people, "She is moving") == {"Priya"}


def test_object_pronouns_kin_genders_and_subjects_the_parser_missed():
    ex, people = people_of(
        "Mum says I have his hands. Her brother Kit never forgave him for selling the boat. "
        "Kit lives in Truro now with his wife Sandra.")
    assert "Kit" not in whose(ex, people, "him for")  # not the subject of his own verb
    assert people["Mum"].gender == "f"
    assert "Mum" not in whose(ex, people, "his hands")
    assert whose(ex, people, "his wife") == {"Kit"}  # "Kit lives": parsed as an adjective
    assert {(ex.people[r.subject].name, r.relation, ex.people[r.object].name) for r in ex.relations} >= {
        ("Sandra", "wife", "Kit"), ("Kit", "brother", "Mum")}


def test_a_name_standing_as_a_sentence_takes_the_next_pronoun():
    ex, people = people_of(
        "She told me about her brother, Caspian, who sailed. Caspian came back eventually. He always did. "
        "Your son was born that winter. Tobias. He had her eyes and your temper.")
    assert whose(ex, people, "He had") == {"Tobias"}


def test_who_stands_for_the_person_its_clause_is_about():
    ex, people = people_of("Ianto, who loved coffee, made it every morning. Mireille was the one who taught me chess. "
                           "I met Tom, whose dog bit me. The man who sold it was rude.")
    assert whose(ex, people, "who loved") == {"Ianto"}
    assert whose(ex, people, "who taught") == {"Mireille"}
    assert whose(ex, people, "whose dog") == {"Tom"}
    assert whose(ex, people, "who sold") == set()  # a man no one names


def test_he_or_she_in_a_chat_turn_is_never_its_speaker():
    # "Her name is Shadow!" from Maria is the puppy's name, not Maria's (a speaker says "I" of herself)
    from test_extract_chat import chat

    ex = chat(("John", "Hi Maria, I'm volunteering as a mentor at a local school."),
              ("Maria", "Wow, John! On another note, I just adopted this cute pup from a shelter last week. She brings so much joy!"),
              ("John", "Wow, Maria, how cute! What's her name?"),
              ("Maria", "Her name is Shadow! She's full of energy and always puts a smile on my face."))
    maria = next(p for p in ex.people if p.name == "Maria")
    assert "Shadow" not in maria.aliases
    hers = [(s, e) for s, e, sp in ex.speakers if sp == "Maria"]
    assert not [m for m in maria.mentions if m.kind == "pronoun" and any(s <= m.start < e for s, e in hers)]
