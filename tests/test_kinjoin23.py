"""A child named after the writer's parent gives that parent's name (issue 13, kinjoin23): texts never seen, written
before the join rules were read, none from the corpus or a benchmark. Diaries, notes-app Markdown, letters and a chat,
in British, Irish, Scottish, American, Indian, Nigerian and Filipino English.

JOIN: "Lily Joan Shah. Joan, after Mum." says Mum's name is Joan (a middle name given after the writer's parent):
the name and the writer's kin word are one person, in that entry and so in others that name her. APART: "after" of
time ("Joan came after Mum left"), after someone else's kin ("after Dad's mum", "after her gran"), after two ("after
Mum and Dad"), a name of the other sex ("Jack, after Mum"), and a child's first name, by which the child is called
("named him Frank, after Dad"), or a middle name the entry says again of someone."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, no_holder, one_holder, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


TAKEN = "the middle name said alone is already read as the child's (a mention of the full name): left so"


def _case(said, *names, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, names, marks=marks)


JOIN = [
    _case("Kate had the baby this morning. Lily Joan Shah. Joan, after Mum. I cried in the car park.", "joan", "mum"),
    _case("The baby is called Rose Margaret. Margaret after Mam, which set Mam off crying.", "margaret", "mam"),
    _case("# Baby\n\n- born 6.10am, 7lb 2oz\n- Ava Maureen, Maureen after Mom\n- Mom flying in Thursday",
          "maureen", "mom", reason=TAKEN),
    _case("Priya's little girl is Anika Kamala. Kamala after my mum, which I did not expect.", "kamala", "mum",
          reason="'my mum' in lower case is no person of the entry; 'Kamala' is read as the child's"),
    _case("Emeka and Ada named the baby Chinedu Obiora. Obiora, after Papa. Papa danced round the ward.",
          "obiora", "papa", reason="a second of two names whose sex no list knows may be a surname: left"),
    _case("Wee Callum's middle name is Hugh, after Da. Da says he'll teach him the pipes.", "hugh", "da",
          reason="'middle name is Hugh' makes Hugh the child's (`_names_said`); not overruled"),
    _case(["Baby Isabel Teresa arrived on Sunday. Teresa, after Nanay.", "Teresa rang from Cebu to ask about the "
           "baptism."], "teresa", "nanay", reason=TAKEN),
    _case(chat_lines(("Sinead", "it's a girl!! Aoife Bernadette"), ("Ciara", "Bernadette after Mammy?? stop"),
                     ("Sinead", "Bernadette after Mammy yes")),
          "bernadette", "mammy", reason="in a chat 'Mammy' is the speaker's, and each speaker's Mammy is theirs"),
]

APART = [
    _case("Joan came round after Mum left for the shops.", "joan", "mum"),
    _case("Joan, after Mum went to bed, opened the wine.", "joan", "mum"),
    _case("They called her Edith, after Dad's mum. Mum thought it old-fashioned.", "edith", "mum"),
    _case("Kelly named her Ivy, after her gran. Mum loved it.", "ivy", "mum"),
    _case("Mary Denise, after Mum and Dad both, which is a stretch.", "denise", "mum"),
    _case("Jack, after Mum, was the one who fixed the fence.", "jack", "mum"),
    _case("Ella is named after Mum's sister Gwen. Mum was thrilled.", "ella", "mum"),
    _case("Named the puppy Biscuit after Dad's old dog. Dad grumbled.", "biscuit", "dad"),
    _case("I asked for Sarah, after Mum had gone. Sarah was on nights.", "sarah", "mum"),
    _case("Tom wanted to go after Dad. Tom is braver than me.", "tom", "dad"),
    # the child is called by the name: the name said is the child's, and the child is not the writer's parent
    _case("They've named him Frank, after Dad. Frank slept through his first night.", "frank", "dad"),
    _case("Elin Gwen Hughes arrived at dawn. Gwen, after Mam. Gwen has Mam's nose already.", "gwen", "mam"),
    _case("We called him Thomas, named after Dad. Dad took him out in the pram on day two.", "thomas", "dad"),
]


@pytest.mark.parametrize("said, names", JOIN, ids=[told_label(r.values[0]) for r in JOIN])
def test_a_name_given_after_the_writers_parent_is_theirs(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        one, people = one_holder(memory, names)
        assert one, people


@pytest.mark.parametrize("said, names", APART, ids=[told_label(r.values[0]) for r in APART])
def test_a_name_not_given_after_the_writers_parent_stays_apart(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        none, people = no_holder(memory, names)
        assert none, people
