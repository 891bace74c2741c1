"""Notes-app Markdown whose lines are its structure (issue 13, notesmd17): list items, headings, table rows, quote
lines and task lines, each a unit of its own. Written before the extraction code was read, none from the corpus or a
benchmark. A careful reader reads nothing across one: a death or an illness in one bullet is not of the name at the end
of the bullet or heading above; a list of songs, films, books, shops, places or teams is no list of people (a title
list names no one, "Hey Jude" and "Rebecca" too); a list of people is people; a task's verb is no name. Prose wrapped
over lines (no Markdown mark at the line's start) is still one sentence."""
import pytest

from remembrancer import Memory, extract

from conftest import false_deaths, has_name, listed_people, missed_deaths, param_ids, read_deaths

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]


def case(text, people=(), no=(), dead=(), reason=None):
    """A note: its people ("Form|form": one person under either form), the words that name no one, who is dead."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(text, [p.split("|") for p in people], list(no), list(dead), marks=marks)


CASES = [
    # a death or illness word opening a bullet is not of the name closing the bullet above
    case("- Rang Auntie Bev\n- Dying to see the new Bond film tho", ["Auntie Bev|Bev"], ["Bond"]),
    case("- Coffee with Marcus\n- Dead on my feet after the night shift", ["Marcus"]),
    case("- Lunch with Meg\n- RIP to my old laptop, finally gave up", ["Meg"]),
    case("- Meg came round\n- RIP Grandad, ten years today", ["Meg", "Grandad"], dead=["Grandad"]),
    case("* Drinks with Callum\n* Died at the karaoke, so embarrassing", ["Callum"]),
    case("- Texted Hannah\n- Funeral for Mr Price at 2, wear the navy suit", ["Hannah", "Mr Price|Price"],
         dead=["Mr Price|Price"]),
    case("- Kayleigh popped in\n- Passed away: Mr Doyle from church, aged 91", ["Kayleigh", "Mr Doyle|Doyle"],
         dead=["Mr Doyle|Doyle"], reason='a death told as a label, "Passed away: X", is not read'),
    case("- Walk with Dad\n- heard that Bill's wife passed away last week", ["Dad", "Bill"]),
    case("- Visited Aunt Flo\n- Uncle Jim's funeral is on Friday", ["Aunt Flo|Flo", "Uncle Jim|Jim"],
         dead=["Uncle Jim|Jim"]),
    case("1. Phoned Gran\n2. Lost my temper with the bank again\n3. Cried in the car", ["Gran"]),
    case("- Saw Dr Shah\n- Cancer scare for Aunt Jo, biopsy on Monday", ["Dr Shah|Shah", "Aunt Jo|Jo"]),
    case("- Cousin Ayesha\n- Killed it at her driving test, passed first time!", ["Cousin Ayesha|Ayesha"]),
    case("+ Mum rang\n+ Dead tired, early night", ["Mum"]),
    case("- Grandpa Ted\n  - passed away in 2019\n- Grandma Edna\n  - 94 and still going strong",
         ["Grandpa Ted|Ted", "Grandma Edna|Edna"], dead=["Grandpa Ted|Ted"],
         reason="a nested item is not read as said of the item it is under"),
    case("- [x] Rang Colin\n- [ ] Death certificate copies for the bank\n- [ ] Cancel the paper", ["Colin"]),
    case("- [ ] Order flowers for Maureen's funeral\n- [ ] Ring Jim\n- [ ] Iron a black shirt", ["Maureen", "Jim"],
         dead=["Maureen"]),
    # a heading is no subject of the line under it, unless it names the one the lines are about
    case("## Kit\nDied at the gym today. Leg day is the worst.", ["Kit"]),
    case("## Mum\n- still in hospital, chest infection\n- her friend Jean died last night", ["Mum", "Jean"],
         dead=["Jean"]),
    case("## Dad\n- Colin from the allotment died on Friday\n- Dad is in pieces", ["Dad", "Colin"], dead=["Colin"]),
    case("## Sophie\n- lost her first tooth!\n## Grandad\n- ashes scattered at Filey today", ["Sophie", "Grandad"],
         ["Filey"], dead=["Grandad"], reason="a heading is not read as the one the list under it is about"),
    case("### Tuesday 4 June\n- Nan fell in the garden, hip is broken\n- Uncle Ray drove her to A&E",
         ["Nan", "Uncle Ray|Ray"], ["Tuesday"]),
    case("## June\n- Grandma Rose passed 2 June\n- the whole family came", ["Grandma Rose|Rose"], ["June"],
         dead=["Grandma Rose|Rose"]),
    case("# Weekend\n**Saturday**: footie with Ollie\n**Sunday**: roast at Nana Pat's", ["Ollie", "Nana Pat|Pat"],
         ["Weekend", "Saturday", "Sunday"]),
    # lists of things are no people
    case("Songs for the wedding:\n- Bohemian Rhapsody\n- Hey Jude\n- Dancing Queen\n- Mr Brightside", [],
         ["Bohemian", "Rhapsody", "Jude", "Queen", "Brightside"]),
    case("Grandad's funeral today. They played:\n- Abide With Me\n- Danny Boy\n- My Way", ["Grandad"],
         ["Abide", "Danny"], dead=["Grandad"]),
    case("## Films this month\n- The Godfather\n- Paddington 2\n- Lady Bird\n- Little Women", [],
         ["Godfather", "Paddington", "Bird", "Women"]),
    case("Books to read:\n- Middlemarch\n- Rebecca\n- Jane Eyre\n- Educated", [],
         ["Middlemarch", "Rebecca", "Jane", "Eyre"]),
    case("- Tesco\n- Boots\n- Marks and Spencer\n- Greggs for Josh's sausage roll", ["Josh"],
         ["Tesco", "Boots", "Marks", "Spencer", "Greggs"]),
    case("## Portugal trip\n- Lisbon\n- Porto\n- Sintra\n- Coimbra", [], ["Lisbon", "Porto", "Sintra", "Coimbra"]),
    case("Results today:\n- Arsenal 2-1 Spurs\n- Leeds 0-0 Everton\n- Villa 3-2 Chelsea", [],
         ["Arsenal", "Spurs", "Leeds", "Everton", "Villa", "Chelsea"]),
    case("Planted out:\n- Sweet Peas\n- Rosemary\n- Basil\n- Sage", [], ["Rosemary", "Basil", "Sage"]),
    case("Shopping\n- Milk\n- Bread\n- Eggs\n- Birthday card for Josie", ["Josie"], ["Milk", "Bread", "Eggs"]),
    case("## Playlist for the drive\n1. Wonderwall\n2. Mr Blue Sky\n3. Angels\n4. Valerie", [],
         ["Wonderwall", "Blue", "Angels", "Valerie"]),
    case("Paint options for the hall:\n- Elephant's Breath\n- Hague Blue\n- Lulworth Blue", [],
         ["Elephant", "Hague", "Lulworth"]),
    # lists of people are people
    case("Invited:\n- Aunt Sue\n- Uncle Ray\n- Cousin Dan\n- Mrs Patel from next door",
         ["Aunt Sue|Sue", "Uncle Ray|Ray", "Cousin Dan|Dan", "Mrs Patel|Patel"]),
    case("Christmas cards sent:\n- [x] Grandma\n- [x] Aunt Pam\n- [ ] the Wilsons\n- [ ] Father Michael",
         ["Grandma", "Aunt Pam|Pam", "Father Michael|Michael"]),
    case("## Who came to Nan's 90th\n- Uncle Steve and Aunt Lorraine\n- cousin Becky with the twins\n- Mr Okafor",
         ["Nan", "Uncle Steve|Steve", "Aunt Lorraine|Lorraine", "Becky", "Mr Okafor|Okafor"]),
    # tasks with people
    case("- [ ] Ring Nan about Sunday\n- [ ] Book the MOT\n- [x] Paid Dave for the boiler", ["Nan", "Dave"],
         ["Ring", "Book", "MOT", "Paid", "Sunday"]),
    case("- [ ] Ask Dr Patel about the rash\n- [x] Sent flowers to Grandma", ["Dr Patel|Patel", "Grandma"],
         ["Ask", "Sent"]),
    case("- [ ] Visit Grandad\n- [ ] Collect ashes from the funeral home", ["Grandad"]),
    # table rows and cells
    case("| Who | News |\n|---|---|\n| Dad | knee op went well |\n| Auntie Val | passed away Tuesday |",
         ["Dad", "Auntie Val|Val"], ["Who", "News"], dead=["Auntie Val|Val"]),
    case("| Name | Birthday |\n|---|---|\n| Tom | 3 May |\n| Rita | 12 June |\n| Died | 1 April |", ["Tom", "Rita"],
         ["Name", "Birthday"], reason="a bare name in a table's cell, with a date beside it, is not read"),
    # quote lines
    case("> Went to see Uncle Kevin\n> Died laughing at his jokes, as ever", ["Uncle Kevin|Kevin"]),
    case("> Nan always said:\n> Never trust a man who doesn't like dogs.\n\nShe was right about Gary.", ["Nan", "Gary"]),
    # prose wrapped over lines is still one sentence
    case("Lunch with Uncle Pete, who told me his brother\nFrank died last spring. I never met him.",
         ["Uncle Pete|Pete", "Frank"], dead=["Frank"]),
    case("Went to the hospice to see my\ngrandad Walter. He died this\nevening, very peacefully.",
         ["Walter"], dead=["Walter"]),
    case("We scattered Mum's ashes on\nthe beach at Saltburn. Auntie Lyn read a poem.",
         ["Mum", "Auntie Lyn|Lyn"], ["Saltburn"], dead=["Mum"]),
]


def _import(memory, folder, text):
    """The note as a file of a notes folder, imported, then understood in one batch."""
    folder.mkdir()
    (folder / "2024-06-05.md").write_text(text, encoding="utf-8")
    memory.derive = False
    memory.import_path(None, folder)
    extract.process(memory, [r["id"] for r in memory.query("SELECT id FROM entries ORDER BY id")])


def _words(name):
    return name.lower().replace("\u2019", "'").removesuffix("'s").split()


def _is(held, forms) -> bool:
    """Is a listed person (their names in lower case) one of these forms: the same words, or one word in the other?"""
    return any(_words(h) == _words(f) or (len(_words(f)) == 1 and _words(f)[0] in _words(h))
               or (len(_words(h)) == 1 and _words(h)[0] in _words(f)) for h in held for f in forms)


def _people(memory, people):
    """(wrong, missed): listed people who are none of the note's, and the note's people not read under any form."""
    listed = [held for _, held in listed_people(memory) if "me" not in held]
    wrong = [sorted(held) for held in listed if not any(_is(held, forms) for forms in people)]
    read = [held for _, held in listed_people(memory, everyone=True) if "me" not in held]
    return wrong, [forms[0] for forms in people if not any(_is(held, forms) for held in read)]


@pytest.mark.parametrize("text, people, no, dead", CASES, ids=param_ids(CASES, 40))
def test_a_notes_lines_are_read_one_by_one(tmp_path, db, text, people, no, dead):
    with Memory(db) as memory:
        _import(memory, tmp_path / "notes", text)
        assert memory.query("SELECT text FROM entries")[0]["text"].strip() == text.strip()
        names = [n for _, held in listed_people(memory, everyone=True) if "me" not in held for n in held]
        found = {"people": _people(memory, people), "no": [w for w in no if has_name(names, w)],
                 "false deaths": false_deaths(memory, dead, ()), "missed deaths": missed_deaths(memory, dead)}
        assert found == {"people": ([], []), "no": [], "false deaths": [], "missed deaths": []}, (
            names, read_deaths(memory))


def test_the_set_is_large_enough():
    assert len(CASES) >= 40


def _ties(text):
    from remembrancer.extract import extract

    ex = extract(text, at="2024-06-05")
    return {(ex.people[r.subject].name, r.relation, ex.people[r.object].name) for r in ex.relations}


@pytest.mark.parametrize("text, tie", [
    ("## Sunday\n- Baby Ava born this morning 4.12am, 3.2kg\n- our daughter Kate is exhausted but fine\n- I cried",
     None),
    ("# Grandbaby!\n- Ava Rose arrived this morning\n- born at 6.40am today\n- our son Rob rang me at 7", None),
    ("## News\n- Ava born yesterday\n- our little girl is a mum now!\n- I drove up to see them", None),
    ("## Today\n- Noah born at 10.02am!!\n- our baby boy is perfect\n- I can't stop staring", ("Noah", "son", "me")),
    ("Baby Ava born at 4.12am today, 3.2kg. Our daughter Kate is exhausted but fine. I cried.", None),
], ids=["our daughter Kate", "our son Rob", "is a mum now", "our baby boy", "prose, our daughter Kate"])
def test_a_birth_in_a_list_is_the_writers_child_only_by_the_writers_own_words(text, tie):
    """A birth read in its own list item is the writer's child only when the writer's words say so ("our baby boy"); a
    grandparent's "our daughter Kate" or "our son is a father" says the writer's grown child, not the baby."""
    born = {t for t in _ties(text) if t[1] in ("son", "daughter", "child") and t[0] not in ("Kate", "Rob")}
    assert born == ({tie} if tie else set())


def test_a_list_of_titles_weds_no_one():
    """A title in a song list ("- Walking on Sunshine") is no one a wedding said after it is of."""
    text = ("Songs Mum liked\n\n- Dancing Queen (her song)\n- The Wild Rover, which she sang\n- Dirty Old Town\n"
            "- Walking on Sunshine, which Nanna hates\n- Suspicious Minds, very loud\n\n"
            "Ask Nanna what the one was from their wedding.")
    assert not any("Sunshine" in (a, b) or "Minds" in (a, b) for a, _, b in _ties(text))


def test_markdown_lines_start_sentences_and_prose_is_left_alone():
    from remembrancer.extract import nlp, structure_starts, with_turns

    note = "## Mum\nstill poorly\n- [ ] ring Nan\n> Dad said so\n| Tom | 3 May |\n1. one\nwrapped - prose\n  - sub"
    doc = nlp()(with_turns(note, []))
    lines = [i for i, c in enumerate(note) if i == 0 or note[i - 1] == "\n"]
    starts = {t.idx for t in doc if t.is_sent_start}
    assert {at + len(line) - len(line.lstrip()) for at, line in zip(lines, note.split("\n")) if not line.startswith(
        ("wrapped", "#", "still"))} <= starts
    assert not any(t.is_sent_start for t in doc if t.text in ("ring", "Dad", "Tom", "one", "sub"))
    assert structure_starts("Dear Jo,\nI went to see Nan and\nGrandad on Sunday - he's fine.") == []


def test_a_wish_in_a_list_states_no_tie():
    """"- me being his daughter again" names what is wished, in a list item of its own: no tie to anyone "his" may be."""
    text = "Tom's been great. What I want for Dad:\n- him safe\n- me being his daughter again\n\nI know the answer."
    assert {t for t in _ties(text) if t[1] == "daughter"} == set()
