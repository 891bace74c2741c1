"""One real person listed a second time under another name (issue 13, joins8): each join that takes the second name
into its person, and beside it the two people with one first name it must keep apart."""
import pytest

from remembrancer import Memory, extract

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]


@pytest.fixture
def memory(db):
    m = Memory(db)
    yield m
    m.close()


def holders(memory, *names):
    """The people listed or not who bear every one of these names."""
    return [p for p in memory.people(everyone=True) if set(names) <= {p["name"], *p["aliases"]}]


def read_at_once(db, texts):
    """Store the entries, then read them in one batch, as an import of a folder is read."""
    with Memory(db, derive=False) as memory:
        ids = [memory.add(text, at=f"2021-01-{day:02d}")["entry"] for day, text in enumerate(texts, 3)]
        extract.process(memory, ids)
    return Memory(db)


def test_a_kin_word_before_a_nickname_is_the_full_name_it_is_short_for(db):
    # the family says "Uncle Bob" of Robert Hall as it says "Bob", and "Bobby Hall" when he is written of in full
    memory = read_at_once(db, ["Uncle Bob came for his tea and stayed till ten.",
                               "Uncle Bob did the cooking today. Robert Hall makes a good gravy, I will give him that.",
                               "Bobby rang from Spain last night. He sounded well.",
                               "Bobby Hall has carved the turkey every Christmas since 1979."])
    try:
        assert len(holders(memory, "Uncle Bob", "Robert Hall")) == 1
    finally:
        memory.close()


def test_a_kin_word_before_a_nickname_joins_neither_of_two_it_fits(memory):
    memory.add("Robert Hall and Robert Jones came to the match with me.", at="2021-01-03")
    memory.add("Uncle Bob came for his tea and stayed till ten.", at="2021-01-10")
    assert not holders(memory, "Uncle Bob", "Robert Hall") and not holders(memory, "Uncle Bob", "Robert Jones")


def test_a_title_still_keeps_the_name_it_is_said_with():
    from remembrancer.extract.aliases import same_person

    assert not same_person("King John", "Jack") and not same_person("Dr Bob", "Robert Hall")
    assert not same_person("Father Dan", "Dana Kowalski")  # a priest's title, which a kin word also is
    assert not same_person("Nana Pat", "Dr Patel") and not same_person("Nana Pat", "Patel")  # a curated nickname only
    assert same_person("Auntie Liz", "Elizabeth Bennet")


def test_a_first_name_with_a_pet_ending_in_i_is_the_name_it_shortens(memory):
    memory.add("Rukhsana rang from Leeds. She is coming for Eid.", at="2021-01-03")
    memory.add("My sister Ruki came for the weekend. Ruki brought the samosas.", at="2021-01-10")
    assert len(holders(memory, "Rukhsana", "Ruki")) == 1


def test_a_pet_ending_in_i_joins_neither_of_two_names_it_shortens(memory):
    memory.add("Katarzyna Nowak and Katherine Price came to tea.", at="2021-01-03")
    memory.add("My friend Kati came for the weekend. Kati brought cake.", at="2021-01-10")
    assert not holders(memory, "Katarzyna Nowak", "Kati") and not holders(memory, "Katherine Price", "Kati")


def test_a_role_before_a_first_name_is_the_one_of_that_name_who_has_that_role(memory):
    # two Sarahs: the friend from work, and the midwife; "Midwife Sarah" is the midwife
    memory.add("Sarah Bowen from work came round with a lasagne.", at="2021-01-03")
    memory.add("After the scan I met my midwife, Sarah Lewis. She was lovely.", at="2021-01-10")
    memory.add("Saw Midwife Sarah today. Midwife Sarah says all is well.", at="2021-02-10")
    assert len(holders(memory, "Midwife Sarah", "Sarah Lewis")) == 1
    assert not holders(memory, "Midwife Sarah", "Sarah Bowen")


def test_a_role_before_a_first_name_joins_no_one_of_that_name_without_the_role(memory):
    memory.add("Sarah Lewis from work came round with a lasagne.", at="2021-01-03")
    memory.add("Saw Midwife Sarah today. Midwife Sarah says all is well.", at="2021-02-10")
    assert not holders(memory, "Midwife Sarah", "Sarah Lewis")
