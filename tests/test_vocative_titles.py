"""A bare title said to someone in quoted words ("Pastor, I think it's time") names the one spoken to, not one named with
that title elsewhere ("Pastor Anne"): within an entry (`aliases._titles_spoken_to`) and in the store
(`extract._People._title_taken`), so the writer people call "Pastor" is never merged with Pastor Anne (issue 13)."""
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


def test_a_title_said_to_the_writer_is_not_the_one_named_with_it(memory):
    memory.add('Bev called at six this morning and said, "Pastor, I think it is time," so I skipped the early service and'
               ' left it to Pastor Anne and drove out to the farm.', at="2022-11-20")
    people = everyone(memory)
    assert "Pastor Anne" in people and "Pastor" not in people["Pastor Anne"]["aliases"]
    assert not any("Pastor Anne" in p["aliases"] and "Pastor" in p["aliases"] for p in people.values())


ENTRIES = {
    "a": ('Walt rang after supper and said, "Pastor, can you come by tomorrow?" I said I would.', "2023-01-02"),
    "b": ('At the cemetery Sue asked me, "Pastor, will I see him again?" and I said yes.', "2023-01-09"),
    "c": ("After worship Pastor Anne told me that she has accepted a call to a church in Minnesota. I will miss her.",
          "2023-01-16"),
    "d": ('Linda stopped me in the parking lot. "Pastor, the roof is leaking again." I told her I would call Jim.',
          "2023-01-23"),
    "e": ("This morning Pastor Anne preached and I sat with Carol for once.", "2023-01-30"),
}


@pytest.mark.parametrize("order", ["acbde", "cabde", "ecadb"])
def test_the_writer_people_call_pastor_is_not_pastor_anne(memory, order):
    for key in order:
        text, at = ENTRIES[key]
        memory.add(text, at=at)
    people = everyone(memory)
    assert "Pastor Anne" not in people["me"]["aliases"]
    assert "Pastor Anne" in people and "Pastor" not in people["Pastor Anne"]["aliases"]


def test_a_title_said_of_someone_named_with_it_still_joins_them(memory):
    # not spoken to, and no one else's: "Pastor" here is Pastor Anne, as before
    memory.add("I saw Pastor Anne at the hospital. Pastor was tired but she stayed with the family.", at="2023-02-01")
    people = everyone(memory)
    assert {"Pastor", "Pastor Anne"} <= set(people["Pastor Anne"]["aliases"])
    memory.add("Dr Patel came at nine. The doctor said it was only a sprain.", at="2023-02-02")
    assert "Dr Patel" in everyone(memory) and not any(name.lower().endswith("doctor") for name in everyone(memory))
