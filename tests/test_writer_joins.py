"""The writer is never merged with anyone (issue 13): one guard on every path by which a join can give the writer's
person another's names (`extract._join_stored`, `_someone_else`), each path tried here."""
import pytest

from remembrancer import Memory

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]


@pytest.fixture
def memory(db):
    m = Memory(db)
    yield m
    m.close()


def everyone(memory):
    return {p["name"]: p for p in memory.people(everyone=True)}


def writer(memory):
    return everyone(memory)["me"]


def owners(memory, day, kind):
    """Whether each person the entry of this day names by a mention of this kind is the writer."""
    return [owner for (owner,) in memory.query(
        "SELECT p.owner FROM mentions m JOIN people p ON p.id = m.person JOIN entries e ON e.id = m.entry"
        " WHERE e.at LIKE ? AND m.kind = ?", (f"{day}%", kind))]


def test_a_name_the_writer_signs_with_is_someone_else_written_of_as_she(memory):
    # the writer signs "Kate"; her sister-in-law Kate is written of as "she": a name that fits is not the writer's
    memory.add("Dear Tom,\n\nI miss you. The garden is full of snowdrops.\n\nLove, Kate\n", at="2021-01-03")
    memory.add("Dear Tom,\n\nI planted the beans today. Write soon.\n\nLove, Kate\n", at="2021-02-03")
    memory.add("Kate came round with the baby. She stayed for hours and she ate all the cake.", at="2021-03-03")
    assert "Kate" in writer(memory)["aliases"]
    said = owners(memory, "2021-03-03", "name")
    assert said and not any(said)


def test_one_written_of_as_he_in_two_entries_is_not_taken_into_the_writer_by_a_name_gained_later(memory):
    # "_take": Sam is written of as "he"; the writer then gives "Sam" as their own name: the stored Sam stays someone else
    memory.add("I walked to town and back.", at="2021-01-01")
    memory.add("Sam fixed the fence. He was out there all day and he never stopped.", at="2021-01-03")
    memory.add("Sam rang. He says the car is ready, and he'll bring it round.", at="2021-01-10")
    memory.add("At the garage I said, my name is Sam, I've come for the car.", at="2021-02-03")
    people = everyone(memory)
    assert any(name != "me" and "Sam" in [name, *p["aliases"]] for name, p in people.items())


def test_a_name_spoken_to_in_quotes_is_not_the_writers_when_the_writer_writes_of_them_as_she(memory):
    # "_owner_named": "Nia" is said to in quotes in two entries, but the writer writes of Nia as "she": Nia is her daughter
    memory.add("I made soup for everyone.", at="2021-01-02")
    memory.add('"Nia, shoes off," Dad said.', at="2021-01-03")
    memory.add('"Nia, bed," Mum said.', at="2021-01-04")
    memory.add("Nia came in from school. She laughed at the dog.", at="2021-01-05")
    memory.add("Nia slept all afternoon. She was so tired.", at="2021-01-06")
    people = everyone(memory)
    assert "Nia" in people and "Nia" not in people["me"]["aliases"]


def test_a_greeting_to_someone_of_the_writers_name_is_someone_else(memory):
    # the writer signs "Anne"; a letter to another Anne ("Dear Anne,") is to someone else
    memory.add("Dear Bill,\n\nI miss you. The hens are laying.\n\nLove, Anne\n", at="2021-01-03")
    memory.add("Dear Bill,\n\nIt snowed. I stayed in.\n\nLove, Anne\n", at="2021-02-03")
    memory.add("Dear Anne,\n\nThank you for the scarf. I wore it to church.\n", at="2021-03-03")
    said = owners(memory, "2021-03-03", "addressee")
    assert said and not any(said)


def test_a_signer_written_of_as_she_in_two_entries_is_not_the_writer(memory):
    # "_owner_signed": letters kept in the store signed by a friend the writer writes of as "she" are hers
    memory.add("Rhian is moving to Cardiff. She has a flat near the bay.", at="2021-01-03")
    memory.add("Rhian rang. She starts the new job on Monday.", at="2021-01-20")
    memory.add("Hi,\n\nI got the keys. Come and see the view.\n\nLove, Rhian x\n", at="2021-02-03")
    memory.add("Hi,\n\nThe job is going well. I miss you.\n\nLove, Rhian x\n", at="2021-03-03")
    people = everyone(memory)
    assert "Rhian" in people and "Rhian" not in people.get("me", {"aliases": []})["aliases"]


def test_the_chat_owner_is_never_joined_to_another_speaker(memory):
    # a chat where the writer speaks as "Sam" and another speaker is "Samuel": two speakers are two people
    memory.add_messages([{"speaker": "Sam", "text": "Hi Samuel, are you coming tonight?", "at": "2021-05-01T10:00:00"},
                         {"speaker": "Samuel", "text": "Yes Sam, I'll bring the cards.", "at": "2021-05-01T10:01:00"}], me="Sam")
    people = everyone(memory)
    assert "Samuel" not in people["me"]["aliases"]


def test_the_owners_own_merge_is_the_one_way_past_the_guard(memory):
    # what the person says holds, through every reading again: "Nia" is theirs when they say so
    memory.add("I made soup for everyone.", at="2021-01-02")
    memory.add("Nia came in from school. She laughed at the dog.", at="2021-01-05")
    memory.add("Nia slept all afternoon. She was so tired.", at="2021-01-06")
    assert "Nia" in everyone(memory) and "Nia" not in writer(memory)["aliases"]
    memory.merge_people("me", "Nia")
    assert "Nia" not in everyone(memory) and "Nia" in writer(memory)["aliases"]
    memory.reindex()
    assert "Nia" not in everyone(memory) and "Nia" in writer(memory)["aliases"]
