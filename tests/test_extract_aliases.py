"""Aliases: which names are one person, through the extraction pipeline on the real model."""
from remembrancer.extract.aliases import nickname_of
from test_extract_people import people_of


def test_a_nickname_whose_forms_all_belong_to_the_full_name_joins_it():
    ex, people = people_of("I told her your brother Oliver has started at the conservatory. Ollie loves it there. "
                           "Tom Hale rang; Thomas is coming on Friday.")
    assert people["Oliver"].aliases >= {"Oliver", "Ollie"} and "Ollie" not in people
    assert nickname_of("Tom", "Thomas") and nickname_of("bob", "robert") and nickname_of("Kate", "Katherine")
    # A nickname other full names share stays apart: "Harry" is Harold's too, "Lisa" Elizabeth's.
    assert not nickname_of("Harry", "Henry") and not nickname_of("Lisa", "Alice")
