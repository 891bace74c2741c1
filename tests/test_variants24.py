"""One person listed twice under two forms of their name a reader joins at once (issue 13, variants24): texts never
seen, written before the join rules were read, none from the corpus or a benchmark. Diaries, notes, letters and a chat,
in British, Irish, Scottish, Australian, American and Filipino English.

JOIN: a short form of a nickname ("Bec" of Becca, Rebecca), and a spelling of one name with another ending ("Hayley",
"Hayleigh"). APART: two people who share a first name ("Jim Kelly" and "Jim Harris"; "Big Davie" and "wee Davie"),
a courtesy title beside another's first name ("Mrs Walsh" the mother-in-law, "Irene Walsh" the wife), names of the
other sex ("Danny", "Dani"), and a short form two full names could have."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, no_holder, one_holder, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


NOT_READ = "'Bec' (or 'Cally') opening the sentence is not read as a person at all (people): nothing to join"


def _case(said, *names, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, names, marks=marks)


JOIN = [
    # a short form of a curated nickname ("Bec" of "Becca", "Becky": Rebecca)
    _case("Bec dropped the twins off at eight. Rebecca says the school run is killing her.", "bec", "rebecca", reason=NOT_READ),
    _case(["Bec rang from Geelong, the baby is teething.", "Rebecca and Tom are coming down for Easter."],
          "bec", "rebecca", reason=NOT_READ),
    _case("Dear Mam,\nBec sends her love. Rebecca Nolan is her married name now, can you believe it.",
          "bec", "rebecca nolan"),
    _case(chat_lines(("Marisol", "Tita Bec is here na"), ("Joy", "tell Rebecca hi from us")), "bec", "rebecca",
          reason="'Rebecca' after 'tell' in a chat turn is not read as a person (people)"),
    _case(["Had a coffee with Bec in town, she looks well.", "Rebecca Hughes rang about the christening."],
          "bec", "rebecca hughes"),
    _case("Nana was in great form. I met Bec at the bus stop after, and Rebecca says Nana asked for her.",
          "bec", "rebecca"),
    # one name spelt with another ending ("-leigh", "-ley", "-lee"; "-ie", "-y")
    _case("Hayleigh Brookes started on the ward today. Hayley is lovely with the old dears.", "hayley", "hayleigh brookes"),
    _case(["Met Ashleigh Dunne at the school gate.", "Ashlee says the PTA need bakers."], "ashlee", "ashleigh dunne"),
    _case("Jodie Marsh came to fix the boiler, and Jody left her card on the table.", "jody", "jodie marsh"),
    _case(["Callie Burgess is starting at the practice in March.", "Cally rang about her rota."], "cally", "callie burgess",
          reason=NOT_READ),
    _case(["Lunch with Haylee and the girls.", "Hayley Quinn from accounts is leaving in May."], "haylee", "hayley quinn"),
    # a Spanish hypocorism no curated English list holds
    _case("Pancho drove up from Monterrey. Francisco Javier Ortega never changes.", "pancho", "francisco javier ortega",
          reason="'Pancho' of Francisco is in no nickname list the program has: left"),
    # a size before a full name, no one else of that first name
    _case(["Big Malky Fraser was at the match.", "Malky Fraser owes me a fiver."], "big malky fraser", "malky fraser",
          reason="a size before a full name ('Big Malky Fraser') is not read as the name without it: left"),
]

APART = [
    # two people who share a first name
    _case("Jim Kelly and Jim Harris both came to the funeral. Jim said a few words.", "jim kelly", "jim harris"),
    _case("Big Davie took wee Davie to the fishing. Davie caught nothing.", "big davie", "wee davie"),
    _case("Our Josh scored twice on Saturday. Josh Kennedy kicked five for the Eagles.", "our josh", "josh kennedy"),
    _case("Irene made the tea. Mrs Walsh, her mother, sat in the good chair.", "irene", "mrs walsh"),
    # other sex
    _case("Danny Price and Dani Price are not related, which confuses everyone.", "danny price", "dani price",
          reason="'Dani' is read as a short form of 'Danny' (no sex known for 'Dani'): one person, as before"),
    _case("Toni Ellis runs the choir. Tony Ellis, her ex, plays the organ.", "toni ellis", "tony ellis"),
    # a short form that two full names could have
    _case("Rebecca Nolan and Becky Hart are in my class. Bec lent me a pen.", "rebecca nolan", "becky hart"),
    _case("Hayley Brookes and Hayleigh Stone are both on nights this week.", "hayley brookes", "hayleigh stone"),
    _case("Kayla rang, then Kylie came round with the dog.", "kayla", "kylie"),
    _case("Mam made the tea and Marietta from next door brought scones.", "mam", "marietta"),
    _case("Bec and Becky Hart walked home with me. Rebecca Nolan stayed late.", "becky hart", "rebecca nolan"),
    _case("Bernie from the pub and Ben from work both came to the do.", "bernie", "ben"),
]


@pytest.mark.parametrize("said, names", JOIN, ids=[told_label(r.values[0]) for r in JOIN])
def test_two_forms_of_one_name_are_one_person(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        one, people = one_holder(memory, names)
        assert one, people


@pytest.mark.parametrize("said, names", APART, ids=[told_label(r.values[0]) for r in APART])
def test_two_people_of_one_first_name_stay_two(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        none, people = no_holder(memory, names)
        assert none, people
