"""A new version of extraction reads the whole store again from nothing: what an old version joined wrongly
does not live on, and what the owner said still holds."""
import pytest

from remembrancer import Memory, extract

ENTRIES = [
    ("2021-03-01", "Had coffee with Tom Hughes at the market. Tom Hughes told me about his new job at the bank."),
    ("2021-04-02", "My sister Alice came round for dinner. Alice brought a cake and we talked about Mum."),
    ("2021-05-03", "Tom Hughes and Alice met at last. Tom said she was just as I had described her."),
]


def names(m):
    return {p["name"] for p in m.people()}


def old_version_joined(m, into: str, taken: str):
    """What an old version might have stored: `taken` joined into `into` (its mentions, names and ties), and
    every entry marked as read by that version."""
    people = {p["name"]: p["id"] for p in m.people()}
    a, b = people[into], people[taken]
    with m.transaction() as conn:
        conn.execute("UPDATE mentions SET person = ? WHERE person = ?", (a, b))
        conn.execute("UPDATE aliases SET person = ? WHERE person = ?", (a, b))
        conn.execute("DELETE FROM relations WHERE subject = ? OR object = ?", (b, b))
        conn.execute("DELETE FROM event_people WHERE person = ?", (b,))
        conn.execute("DELETE FROM person_facts WHERE person = ?", (b,))
        conn.execute("DELETE FROM person_cues WHERE person = ?", (b,))
        conn.execute("DELETE FROM people WHERE id = ?", (b,))
        conn.execute("UPDATE processed SET version = 'an older one' WHERE processor = ?", (extract.NAME,))


@pytest.mark.backends
def test_a_wrong_join_of_an_old_version_is_gone_once_the_new_version_has_read_the_store(db):
    with Memory(db) as m:
        for at, text in ENTRIES:
            m.add(text, at=at)
        read = names(m)
        assert {"Tom Hughes", "Alice"} <= read
        old_version_joined(m, "Tom Hughes", "Alice")
        assert "Alice" not in names(m)
        m.process()
        assert names(m) == read  # as the new version reads it from nothing, Alice apart from Tom
        assert m.process()["extract"] == 0  # and only once


@pytest.mark.backends
def test_what_the_owner_said_holds_when_a_new_version_reads_the_store_again(db):
    with Memory(db) as m:
        for at, text in ENTRIES:
            m.add(text, at=at)
        m.rename("Tom Hughes", "Thomas Hughes")
        with m.transaction() as conn:
            conn.execute("UPDATE processed SET version = 'an older one' WHERE processor = ?", (extract.NAME,))
        assert m.read_afresh_if_upgraded() is True
        assert not m.people()  # forgotten, to be read again
        m.process()
        assert "Thomas Hughes" in names(m) and "Tom Hughes" not in names(m)
        assert m.read_afresh_if_upgraded() is False


def test_entries_added_after_the_store_was_read_again_are_read_on_top_as_before(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add(ENTRIES[0][1], at=ENTRIES[0][0])
        assert m.read_afresh_if_upgraded() is False  # read by this version
        m.add(ENTRIES[1][1], at=ENTRIES[1][0])
        assert {"Tom Hughes", "Alice"} <= names(m)
