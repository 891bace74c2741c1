"""Joins and implied ties across batches (issue 20, tidy26): what a later batch adds must meet what an earlier one
stored. Each text is added as its own batch (`Memory.add`), so the second batch's joins and implied ties can only be
found by reading people of the first."""
import pytest

from remembrancer import Memory

from conftest import listed_people, stated_ties, tie_is

pytestmark = pytest.mark.extract_only

# (first batch, second batch, names that must be one person): the first two are joined by `_titled_joins` after the
# second batch (a kin word with a short form of the first name, looked up by `names.nickname_keys`), in either order;
# the third as the second batch's entry is stored
JOINED = [
    ("Nain Gwen came for tea and brought bara brith.", "Gwenllian Morgan rang about the chapel roof.",
     ("nain gwen", "gwenllian morgan")),
    ("Gwenllian Morgan rang about the chapel roof.", "Nain Gwen came for tea and brought bara brith.",
     ("nain gwen", "gwenllian morgan")),
    ("Edna Pritchard knocked this morning with a parcel for us.",
     "Mrs Pritchard came back for her scissors.", ("edna pritchard", "mrs pritchard")),
]

# (first batch, second batch, a tie that must be stated after the second)
IMPLIED = [
    ("My husband Tom fixed the gate today.", "Tom's mother Ruth came for Sunday lunch.", ("Ruth", "mother-in-law", "me")),
]


@pytest.mark.parametrize("first,second,names", JOINED)
def test_second_batch_joins_a_person_of_the_first(tmp_path, first, second, names):
    with Memory(tmp_path / "m.db") as m:
        m.add(first, at="2024-06-03")
        m.add(second, at="2024-06-05")
        people = listed_people(m, everyone=True)
        assert any(set(names) <= held for _, held in people), people


@pytest.mark.parametrize("first,second,tie", IMPLIED)
def test_implied_tie_spans_two_batches(tmp_path, first, second, tie):
    with Memory(tmp_path / "m.db") as m:
        m.add(first, at="2024-06-03")
        m.add(second, at="2024-06-05")
        stated = stated_ties(m)
        assert any(tie_is(tie, s) for s in stated), stated
