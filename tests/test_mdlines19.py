"""Notes-app Markdown read as written (issue 13, mdlines19): Obsidian daily notes (front matter, #tags, [[links]],
tasks, callouts), Apple Notes / Bear headings and bullets, tables and quotes, in British, American, Irish, Scottish,
Welsh, Australian, New Zealand, Canadian, Indian, Nigerian, Ghanaian, Kenyan, South African, Jamaican, Singaporean and
Filipino English. Written before the extraction code was read, none from the corpus or a benchmark.

A careful reader reads a heading as a line of its own: nothing is read across it ("# Mum\\nShe rang" is no "Mum She"),
and it names a topic, not the subject of the lines under it ("## Dad" over "- Bernie next door died" is no death of Dad;
"## Grandad" over "- baby Leo born" makes Grandad no parent). A list's items, quote lines and table rows are each a unit
of their own too. Traps: a heading "## Died" that titles a list, a list of songs, a heading naming someone the lines are
not about."""
import pytest

from remembrancer import Memory, extract

from conftest import false_deaths, has_name, listed_people, missed_deaths, param_ids, read_deaths, read_events
from conftest import stated_ties

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]

FM = "---\ndate: 2024-06-05\ntags: [daily]\n---\n"


def case(text, people=(), no=(), dead=(), when=None, born=(), ties=(), never=(), unborn=(), reason=None):
    """A note and what a careful reader gets: its people ("Form|form": one person by either form), words that name no
    one, who died (`when`: {one of them: the day it is dated}), who was born (and who was not), ties stated (name,
    "word|word", name; "me" the writer) and ties never stated."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(text, dict(people=[p.split("|") for p in people], no=list(no), dead=list(dead),
                                   when=when or {}, born=list(born), ties=list(ties), never=list(never),
                                   unborn=list(unborn)), marks=marks)


CASES = [
    # a heading is a line of its own: nothing is read across it
    case("## June\n- Grandma Rose passed 2 June\n- the whole family came", ["Grandma Rose|Rose"], ["June"],
         dead=["Grandma Rose|Rose"], when={"Rose": "2024-06-02"}),
    case("# Mum\nShe rang at six, all fine with the new tablets.", ["Mum"], ["She", "Mum She"]),
    case(FM + "# Gran\nWent round after work. She's frail but sharp as ever, asked after Kieran.",
         ["Gran", "Kieran"], ["Went"]),
    case("## Dad\n- Bernie next door died on Tuesday\n- Dad went round to sit with Pam", ["Dad", "Bernie", "Pam"],
         dead=["Bernie"],
         reason="a name said once after 'sit with' is not read (people)"),
    case("## Dad\nMr Okonkwo from church passed on Sunday. Dad took it hard, they were in school together.",
         ["Dad", "Mr Okonkwo|Okonkwo"], dead=["Mr Okonkwo|Okonkwo"]),
    case("### Nana\nThe twins turned five today. Nana made the cake anyway.", ["Nana"], ["Nana The"]),
    case("## Tuesday\nPassed Aunt Lorna in the Co-op, she looks well.", ["Aunt Lorna|Lorna"], ["Tuesday", "Co-op"]),
    case("# Work\nKilled the presentation today!! Priya said it was the best one yet.", ["Priya"], ["Work"]),
    case("## Uncle Tomás\nBuried my goldfish in the garden with Saoirse. She made a little cross.",
         ["Uncle Tomás|Tomás", "Saoirse"],
         reason="a name said once after 'with' in a long line is not read (people)"),
    case("# 5 June\nMum's hip op went fine. Dad's staying at the hospital tonight.", ["Mum", "Dad"]),
    # a heading names a topic, not the parent of a baby born in the lines under it
    case("## Grandad\n- Baby Leo born this morning at 5.10am\n- Grandad cried when he saw the photo",
         ["Grandad", "Leo"], born=["Leo"], never=[("Grandad", "*", "Leo"), ("Leo", "*", "Grandad")]),
    case("# Mary-Anne\nOur granddaughter Ruby was born on Monday, 3.4kg. Mary-Anne is knitting her a blanket.",
         ["Mary-Anne", "Ruby"], born=["Ruby"], never=[("Ruby", "*", "Mary-Anne"), ("Mary-Anne", "*", "Ruby")]),
    case("## Chidi\n- Ngozi had a baby girl, Adaeze, born Sunday\n- Chidi is flying home for the naming ceremony",
         ["Chidi", "Ngozi", "Adaeze"], born=["Adaeze"], never=[("Chidi", "*", "Adaeze"), ("Adaeze", "*", "Chidi")],
         reason="'had a baby girl, Adaeze, born Sunday' is not read as Adaeze's birth"),
    case("## Tita Baby\n- Jun-jun was born 4 June in Cebu!\n- Tita Baby is the ninang", ["Tita Baby|Baby", "Jun-jun"],
         born=["Jun-jun"], never=[("Jun-jun", "son|daughter|child", "*")],
         reason="'Jun-jun' and 'Tita Baby' are not read as names"),
    case(FM + "## Pooja\nOur son Rohan was born at 2.14am today. Pooja held him first.", ["Pooja", "Rohan"],
         born=["Rohan"], ties=[("Rohan", "son", "me")], never=[("Rohan", "son", "Pooja")],
         reason="'our son Rohan was born' makes no tie to the writer, in prose too"),
    case("## Nanna\nBorn this morning: Archie James, 8lb 1oz. I held him for an hour.", ["Nanna", "Archie James|Archie"],
         born=["Archie James|Archie"], unborn=["Nanna"], never=[("Nanna", "*", "Archie"), ("Archie", "*", "Nanna")],
         reason="a heading runs into the line under it (a sentence opened there lowered precision on the bench): 'Nanna Born'"),
    case("## Monday\n- Little Harrison born at 6am!\n- Our daughter is exhausted but fine.\n- I cried all the way home.",
         ["Harrison"], ["Monday"], born=["Harrison"], never=[("Harrison", "son|child", "me")]),
    case("## Big news\nOur little girl had her baby! Ruby born at 2am. I drove straight up.", ["Ruby"],
         born=["Ruby"], never=[("Ruby", "daughter|child", "me")]),
    case("## Sunday\n- Isla born at 4am to our Kerry\n- Kerry is shattered", ["Isla", "Kerry"], ["Sunday"],
         born=["Isla"], never=[("Isla", "daughter|child", "me")]),
    # a heading over a list of the dead is the list's title, no one
    case("## Died\n- Uncle Femi, 12 March\n- Mrs Adeyemi, our old teacher", ["Uncle Femi|Femi", "Mrs Adeyemi|Adeyemi"],
         ["Died"], dead=["Uncle Femi|Femi", "Mrs Adeyemi|Adeyemi"],
         reason='a death told by the heading of a list, "## Died", is not read'),
    case("## Passed away this year\n- Grandpa Joe\n- Mr Nkosi from next door\n\nAunt Thandi is still with us, thank God.",
         ["Grandpa Joe|Joe", "Mr Nkosi|Nkosi", "Aunt Thandi|Thandi"], dead=["Grandpa Joe|Joe", "Mr Nkosi|Nkosi"],
         reason="a death told by the heading of a list is not read"),
    case("## Died\n- my phone\n- the kettle\n- my will to live\n\nRang Mum, she laughed.", ["Mum"], ["Died"]),
    case("# Dead tired\n- Ferg kept us up\n- Tam's car died on the A9", ["Ferg", "Tam"], ["Dead"],
         reason="names said once in a bullet ('Ferg kept us up') are not read"),
    case("## RIP\n- my old laptop\n- the good scissors\n\nBought Jess a coffee to say sorry.", ["Jess"], ["RIP"],
         reason="'RIP' alone on a heading is read as a name"),
    # song lists, film lists and other lists of things
    case("## Songs for Nan's funeral\n- Amazing Grace\n- Abide With Me\n- How Great Thou Art", ["Nan"],
         ["Grace", "Abide"], dead=["Nan"]),
    case("## Road trip playlist\n1. Jolene\n2. Roxanne\n3. Layla\n4. Angie\n\nJake drove the whole way.", ["Jake"],
         ["Jolene", "Roxanne", "Layla", "Angie"],
         reason='a list titled as songs whose items are first names is read as people'),
    case("Karaoke list for Sunita's 40th:\n- Dancing Queen\n- Sweet Caroline\n- Mr Brightside\n- Valerie", ["Sunita"],
         ["Caroline", "Brightside", "Valerie"]),
    # list items, tasks, quotes and table rows each a unit of their own
    case(FM + "- [x] Rang [[Aunt Jo]] about the will\n- [ ] Dead-head the roses\n- [ ] Pick up Maisie at 3",
         ["Aunt Jo|Jo", "Maisie"]),
    case("- [ ] Card for Mrs Wiśniewska, her husband passed on Friday\n- [ ] Ring Bartek", ["Mrs Wiśniewska|Wiśniewska",
         "Bartek"], dead=[], never=[("Bartek", "*", "*")]),
    case("- Coffee with Liam\n- Passed my driving test!!\n- Mam says well done", ["Liam", "Mam"]),
    case("* Tea at Aunty Pat's\n* Killing me, this heat\n* Cousin Dwayne came by with Shanice", ["Aunty Pat|Pat",
         "Dwayne", "Shanice"]),
    case("> [!note] Ama\n> Her grandma died last night in Kumasi. I'll send flowers.", ["Ama"], ["note"],
         dead=[], never=[],
         reason="a name in an Obsidian callout's title is not read"),
    case("> Gogo always said\n> the river takes the careless\n\nGogo turns 90 next month.", ["Gogo"], dead=[]),
    case("| Who | Update |\n|---|---|\n| Wanjiru | new job in Nairobi |\n| Baba Otieno | passed away 1 June |",
         ["Wanjiru", "Baba Otieno|Otieno"], ["Who", "Update"], dead=["Baba Otieno|Otieno"],
         reason="a name in a table's first cell beside 'passed away' in the next is not read"),
    case("| Name | Born |\n|---|---|\n| Aiden | 2 June 2024 |\n| Grace | 14 May 2021 |", ["Aiden", "Grace"],
         ["Name", "Born"], born=["Aiden"], reason="a birth told by a table's heading is not read"),
    # the dead read as before, under headings and in bullets
    case("## Sad news\n- Uncle Desmond passed away on Sunday morning\n- funeral is Friday week at St Anne's",
         ["Uncle Desmond|Desmond"], dead=["Uncle Desmond|Desmond"]),
    case(FM + "# Wednesday\nGrandpa Harold died today at 3pm. #family\nMum is with Aunt Carol.",
         ["Grandpa Harold|Harold", "Mum", "Aunt Carol|Carol"], dead=["Grandpa Harold|Harold"],
         when={"Harold": "2024-06-05"}),
    case("## Monday 3 June\n- Nani passed away in her sleep\n- Mama is flying to Delhi", ["Nani", "Mama"], ["Monday"],
         dead=["Nani"], when={"Nani": "2024-06-03"},
         reason='a date heading does not date the lines under it'),
    case("### Lola\n- Lola Charing died on the 1st, she was 93\n- Kuya Ben is handling the burol",
         ["Lola Charing|Charing", "Kuya Ben|Ben"], dead=["Lola Charing|Charing"],
         reason="'Kuya Ben' is not read as a name"),
    case("## Ah Ma\nAh Ma went into hospital again, Dad and I took turns. Doctor says can go home Friday.",
         ["Ah Ma", "Dad"], dead=[]),
    case("# Poppy\n- Poppy's anzac medals came back from the framers\n- he'd have been 100 today", ["Poppy"],
         dead=["Poppy"], reason='"he\'d have been 100 today" is not read as a death'),
    # the living in lines under a heading of someone dead
    case("## Mum (1948-2021)\n- Dad planted her roses again\n- Rhiannon came for Sunday dinner", ["Mum", "Dad",
         "Rhiannon"], dead=["Mum"]),
    case("## Uncle Bob's funeral\n- Aunt Peg held up well\n- Cousin Travis gave the eulogy",
         ["Uncle Bob|Bob", "Aunt Peg|Peg", "Cousin Travis|Travis"], dead=["Uncle Bob|Bob"]),
    case("## Remembering Papa\n- Papa's birthday today, he'd be 80\n- Mum and I lit a candle\n- Chinedu called from Lagos",
         ["Papa", "Mum", "Chinedu"], ["Lagos"], dead=["Papa"], reason='"Remembering Papa" is not read as a death'),
    # a heading with a name then prose: no name joined across the line
    case("## Kiri\nMoana rang from Rotorua, her koro is poorly.", ["Kiri", "Moana"], ["Kiri Moana", "Rotorua"],
         reason="a heading runs into the line under it: 'Kiri' alone on a heading is lost"),
    case("# Sarah\nJames proposed last night!!! We're engaged.", ["Sarah", "James"], ["Sarah James"],
         never=[("Sarah", "*", "James"), ("James", "*", "Sarah")],
         reason="a heading runs into the line under it: 'Sarah' alone on a heading is lost"),
    case("## Tasks\n- [ ] Ring Granny about the christening\n- [x] Email Father Brendan", ["Granny",
         "Father Brendan|Brendan"], ["Tasks", "Ring", "Email"]),
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


def _has(names, who) -> bool:
    return who == "*" or who.lower() in names or any(_is(names, [w]) for w in who.split("|"))


def _tied(stated, tie) -> bool:
    a, words, b = tie
    return any(_has(s, a) and (words == "*" or rel in words.split("|")) and _has(o, b) for s, rel, o in stated)


@pytest.mark.parametrize("text, want", CASES, ids=param_ids(CASES, 40))
def test_a_notes_lines_and_headings_are_read_as_written(tmp_path, db, text, want):
    with Memory(db) as memory:
        _import(memory, tmp_path / "notes", text)
        names = [n for _, held in listed_people(memory, everyone=True) if "me" not in held for n in held]
        deaths = read_deaths(memory)
        events = read_events(memory)
        dated = {who: sorted(lo for kind, held, lo, _, stated in events if kind == "death" and stated and lo and _is(
            held, [who])) for who in want["when"]}
        stated = stated_ties(memory)
        found = {"people": _people(memory, want["people"]), "no": [w for w in want["no"] if has_name(names, w)],
                 "false deaths": false_deaths(memory, want["dead"], ()), "missed deaths": missed_deaths(memory, want["dead"]),
                 "dated": {w: d for w, d in dated.items() if not any(str(x).startswith(want["when"][w]) for x in d)},
                 "born": [b for b in want["born"] if not any(k == "birth" and _is(h, b.split("|")) for k, h, *_ in events)],
                 "unborn": [b for b in want["unborn"] if any(k == "birth" and _is(h, b.split("|")) for k, h, *_ in events)],
                 "ties": [t for t in want["ties"] if not _tied(stated, t)],
                 "never": [t for t in want["never"] if _tied(stated, t)]}
        assert found == {"people": ([], []), "no": [], "false deaths": [], "missed deaths": [], "dated": {}, "born": [],
                         "unborn": [], "ties": [], "never": []}, (names, deaths, events, stated)


def test_the_set_is_large_enough():
    assert len(CASES) >= 40
