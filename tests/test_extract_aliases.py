"""Aliases: which names are one person, through the extraction pipeline on the real model."""
from remembrancer.extract import extract
from remembrancer.extract.aliases import nickname_of
from test_extract_people import people_of


def test_a_nickname_whose_forms_all_belong_to_the_full_name_joins_it():
    ex, people = people_of("I told her your brother Oliver has started at the conservatory. Ollie loves it there. "
                           "Tom Hale rang; Thomas is coming on Friday.")
    assert people["Oliver"].aliases >= {"Oliver", "Ollie"} and "Ollie" not in people
    assert nickname_of("Tom", "Thomas") and nickname_of("bob", "robert") and nickname_of("Kate", "Katherine")
    # A nickname other full names share stays apart: "Harry" is Harold's too, "Lisa" Elizabeth's.
    assert not nickname_of("Harry", "Henry") and not nickname_of("Lisa", "Alice")


def test_a_name_said_to_be_someones_is_theirs():
    ex, people = people_of("He called me Margaret, which was Mum's name, and asked when I'd be home. Mum had it too.")
    assert people["Mum"].aliases >= {"Mum", "Margaret"} and "Margaret" not in people
    ex, people = people_of("Mum's name was Margaret Hale. Margaret loved roses, and I loved her.")
    assert people["Margaret Hale"].aliases >= {"Mum", "Margaret"}
    assert {(ex.people[r.subject].name, r.relation) for r in ex.relations} == {("Margaret Hale", "mother")}


def test_a_name_a_clause_gives_someone_is_theirs():
    for text in ("His daughter Nell, whom everyone called Nettle for her temper, rowed the boat out. Nettle was brave.",
                 "His daughter Nell, who everyone calls Nettle, rowed the boat out. Nettle was brave.",
                 "His daughter Nell, known as Nettle, rowed the boat out. Nettle was brave.",
                 "His daughter Nell, nicknamed Nettle, rowed the boat out. Nettle was brave."):
        ex, people = people_of(text)
        assert people["Nell"].aliases >= {"Nell", "Nettle"} and "Nettle" not in people, text
        assert not any(c.cue == "nettle" for c in ex.cues), text
        assert len([m for m in people["Nell"].mentions if m.kind == "name"]) == 3, text
    # Calling someone on the telephone names no one.
    ex, people = people_of("His daughter Nell, who called Tom every day, rowed the boat out.")
    assert "Tom" in people and "Tom" not in people["Nell"].aliases


def test_a_name_i_am_taken_for_is_not_mine():
    for text in ("Dorothy called me Margaret again. Took her pills with tea.",
                 "Dorothy called me Margaret by mistake.",
                 "Mum is frail now, and most days she thinks I am her sister Margaret.",
                 "He took me for Margaret. She believes I'm Margaret."):
        ex, people = people_of(text)
        assert people["me"].aliases == {"me"}, text
    ex, people = people_of("Everyone calls me Pip. She still calls me Pip.")
    assert "Pip" in people["me"].aliases


def test_a_name_whose_relative_clause_gives_another_is_theirs():
    ex, people = people_of("Every year I go for Harry, whose real name was Edward Whitfield. Nobody called him Edward.")
    assert people["Edward Whitfield"].aliases >= {"Harry", "Edward Whitfield"} and "Harry" not in people


def test_a_name_said_after_not_is_no_one_else_of_its_sentence():
    # "Not your Grandad Jim, my friend Jim ...": the bare "Jim" of the paragraph is the friend, whose full name it gives,
    # not the grandfather who shares it.
    ex, people = people_of("Grandad Jim and Nana Pat flew out on Monday.\n\nI have been to see Jim at the hospital. Not your "
                           "Grandad Jim, my friend Jim from the allotments, Jim Armstrong. He is thin.")
    assert "Grandad Jim" in people and "Jim Armstrong" in people
    assert "Jim" in people["Jim Armstrong"].aliases and "Jim" not in people["Grandad Jim"].aliases
    assert "Jim Armstrong" not in people["Grandad Jim"].aliases


def test_the_name_he_or_she_is_called_by_is_theirs_when_one_of_that_sex_was_just_named():
    def names(text):
        return {p.name: p.aliases for p in extract(text).people}

    assert {"Mo", "Granny Mo"} <= names("Your other granny, Maureen, knitted you a hat. Everybody calls her Mo, and you will "
                                        "call her Granny Mo.")["Maureen"]
    assert "Pop" in names("Her husband Tom is Niamh's dad and he wants to be called Pop.")["Tom"]
    # two of that sex just named: whose it is the text does not say; a day, or a kin word one phones, is no name
    people = names("Tom and Martin came round. Everybody calls him Marty.")
    assert "Marty" not in people.get("Tom", set())
    assert names("Sue was upset, so I called her Monday.")["Sue"] == {"Sue"}
    assert "Mum" not in names("Sue was upset. I will call her Mum later.")["Sue"]
