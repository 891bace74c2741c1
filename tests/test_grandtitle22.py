"""A grandparent's title with a first name, said by the writer of the writer's own parent or parent-in-law because
that is what the writer's children call them (issue 13, grandtitle22): texts never seen, written before the join
rules were read, none from the corpus or a benchmark. Diaries, letters, notes-app Markdown and a chat log, in British,
Irish, Scottish, Welsh, American, Australian, Indian, Nigerian, Filipino and South African English.

JOIN: "Nana Bren" and "Bren" are one person when Bren is the one person of that first name and the text gives the
writer children or grandchildren, or calls Bren the writer's Mum or Dad; and no tie makes them the writer's grandparent.
APART: the titled name is someone else: the writer's daughter named after her grandmother, a cousin of the same
name, the grandmother of a young writer with no children whose Mum has her name, two grandmothers of the children
("Nana" alone is then neither), and teknonyms (Mama Tolu is Tolu's mother)."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, listed_people, show_ties, stated_ties, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _case(said, *names, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, names, marks=marks)


JOIN = [
    _case(["My mum Bren came for tea on Sunday.", "The kids were made up, Nana Bren always brings sweets."],
          "nana bren", "bren"),
    _case(["Dad (Frank) took Ethan fishing at the lake.", "Grandpa Frank lets Ethan reel in every fish, which is "
           "cheating."],
          "grandpa frank", "frank"),
    _case(["Brought the children out to my father-in-law Denis in Macroom.",
           "Grandad Denis had the fire lit and the hurling on."], "grandad denis", "denis"),
    _case(["Mum's seventy today. Jean says she doesn't want a fuss.", "The weans made Granny Jean a card with "
           "glitter."],
          "granny jean", "jean"),
    _case(["Took Mia and Jack round to my mum Lou's for the arvo.", "Nanna Lou made pikelets and let them lick the "
           "bowl."], "nanna lou", "lou"),
    _case(["My mother-in-law Kamla is staying for the month.", "Dadi Kamla tells Aarav a story every night."],
          "dadi kamla", "kamla"),
    _case(["My mother Ngozi arrived from Enugu on Friday.", "Grandma Ngozi has already spoilt Chidi and Ada rotten."],
          "grandma ngozi", "ngozi"),
    _case("Mam and Dad came down from Bangor. My dad Emrys built Elin a sandpit and Taid Emrys got sand everywhere.",
          "taid emrys", "emrys"),
    _case(["My mother Nena flew in from Cebu yesterday.", "Lola Nena cooked adobo for the kids and they ate three "
           "bowls."],
          "lola nena", "nena", reason="'Lola' is no kin title in kin.py: a given name too"),
    _case("# Week\n\n- Dad (Clive) hip op on Tuesday\n- Grandad Clive can't have the boys on Saturday now",
          "grandad clive", "clive"),
    _case(chat_lines(("Karen", "my mum Pat is coming Sunday"), ("Dave", "great the girls can't wait for Nana Pat"),
                     ("Karen", "she's bringing the trifle")), "nana pat", "pat"),
    _case("Our Sophie had the baby, a boy. My husband Ray's dad Ron came to the hospital and Great-Grandad Ron cried.",
          "great-grandad ron", "ron", reason="the name is kept as 'Grandad Ron': 'Great-' is dropped"),
    _case(["Pa Deon is turning seventy.", "My father Deon still drives the bakkie to the farm every day, and the kids "
           "call him Oupa Deon."], "oupa deon", "deon"),
    _case(["Grandma Carol picked up Luke and Megan from school.", "Carol is my husband's mother and a saint."],
          "grandma carol", "carol"),
    # a grandparent writer's own spouse and parent-in-law keep their grandparent's title
    _case(["My wife Sue is sixty today.", "The grandkids sang to Nana Sue down the phone from Perth."],
          "nana sue", "sue"),
    _case(["Frank, my father-in-law, has had his cataract done.", "Grandpa Frank can drive the twins to soccer "
           "again."], "grandpa frank", "frank"),
]

APART = [
    # the writer's daughter named after her grandmother
    _case("My daughter Rose turned six today. Nana Rose sent her a card with a tenner in it.", "nana rose", "rose"),
    _case(["Rose lost her first tooth. She's my youngest.", "Nana Rose says the tooth fairy is stingy these days."],
          "nana rose", "rose", reason="'my youngest' is read as no tie, so nothing sets Rose apart"),
    # a cousin of the same name
    _case(["My cousin Pat came for lunch.", "The kids asked after Granny Pat, who's in Portugal till May."],
          "granny pat", "pat"),
    # a young writer with no children: the titled name is the writer's grandmother, and Mum has her name
    _case("Year 10 is the worst. Mum's called Jean after Granny Jean. Granny Jean let me stay up till midnight.",
          "granny jean", "jean", reason="a parent's and a grandparent's kin word are one person's when the writer has "
          "children, which the entry's joins do not know"),
    _case("I'm fourteen and I hate maths. My mum Sue drove me to Nana's after school. Nana made cheese toasties.",
          "nana", "sue"),
    # two grandmothers: "Nana" alone is neither
    _case("My mum Sue and Tom's mum Jean both came for Lily's birthday. Nana Sue made the cake, Nana Jean did the "
          "balloons. Nana wants a photo of all of us.", "nana sue", "nana jean", "nana"),
    # a son, a granddaughter and a niece named after a grandparent
    _case(["My son Joe starts at the garage on Monday.", "Grandad Joe would have been so proud of him."],
          "grandad joe", "joe"),
    _case(["Our granddaughter Maggie is walking now.", "Gran Maggie was the first in our family to go to college."],
          "gran maggie", "maggie"),
    _case(["My niece Kath got her results.", "Nanny Kath is coming for Sunday lunch with the kids."],
          "nanny kath", "kath"),
    # teknonyms: a parent named by their child
    _case("Tolu started at university on Monday. Mama Tolu cried at the gate and Tolu pretended not to notice.",
          "mama tolu", "tolu", reason="'Tolu' is not in the names list, so 'Mama Tolu' is no teknonym"),
    _case("Femi got into King's College Lagos. Baba Femi was so proud he bought the whole street a crate of Coke.",
          "baba femi", "femi"),
    # two people of the first name
    _case("Grandpa Joe had the boys all Saturday. Joe at work says the merger is definitely happening.",
          "grandpa joe", "joe at work"),
    _case("My brother Frank rang from Boston. The kids were at Grandpa Frank's all day, so they missed him.",
          "grandpa frank", "frank"),
]

GRAND = {"grandmother", "grandfather", "grandparent", "nana", "grandma", "grandpa", "grandad", "granny", "nan"}


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, names", JOIN, ids=[told_label(r.values[0]) for r in JOIN])
def test_a_titled_grandparent_is_the_writers_parent_named(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        holders = [held for held in _others(people) if set(names) & held]
        assert len(holders) == 1 and set(names) <= holders[0], people
        stated = stated_ties(memory)
        assert not [t for t in stated if set(names) & t[0] and t[1] in GRAND and "me" in t[2]], show_ties(stated)


@pytest.mark.parametrize("said, names", APART, ids=[told_label(r.values[0]) for r in APART])
def test_a_titled_name_of_someone_else_stays_apart(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        assert not [(a, b) for i, a in enumerate(names) for b in names[i + 1:] for held in _others(people)
                    if a in held and b in held], people
