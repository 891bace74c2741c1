"""A Markdown heading over a birth or a death (issue 13, heading20): notes-app notes in British, Irish, Scottish, Welsh,
American, Canadian, Australian, New Zealand, Indian, Nigerian, Kenyan, Jamaican, Singaporean and Filipino English,
written for this branch, none from the corpus or a benchmark. A heading is a line of its own ("## Nain\\nNain died"
is no "Nain Nain"), and a parents' announcement copied out in quotation marks ('"Meet our son"') is their words, not
the writer's: the writer is no parent of the baby. Traps: a heading "Dead on my feet", a heading naming the living
over another's death."""
import pytest

from remembrancer import Memory

from conftest import false_deaths, has_name, listed_people, missed_deaths, param_ids, read_deaths, read_events
from conftest import stated_ties
from test_mdlines19 import _import, _is, _people, _tied, case

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]

CASES = [
    case("## Saturday\nDad rang: Grandad Alf died peacefully in the night. Mum's driving up to Leeds.",
         ["Dad", "Grandad Alf|Alf", "Mum"], ["Saturday"], dead=["Grandad Alf|Alf"]),
    case("# Auntie at last!\nMy sister's text: \"Meet our son, Ollie James, born 6.40 this morning.\" Bawled in the "
         "car park.", ["Ollie James|Ollie"], born=["Ollie James|Ollie"], never=[("Ollie", "son|child", "me")],
         reason="'our son, Ollie James' in copied quotation marks is read as the writer's son (relations' kin words), "
                "and 'Meet ... born 6.40' is no birth"),
    case("## Wednesday\nOur baby girl Aoife was born at 3.12am in the Coombe. Cathal cut the cord.",
         ["Aoife", "Cathal"], ["Wednesday"], born=["Aoife"], ties=[("Aoife", "daughter|child", "me")],
         reason="'Our baby girl Aoife was born' makes no tie to the writer (as test_mdlines19's 'our son Rohan')"),
    case("# Nani\nNani passed away this morning in Lucknow. Mama is taking the first flight.", ["Nani", "Mama"],
         ["Nani Nani", "Lucknow"], dead=["Nani"]),
    case("## Thank God\nMy wife Chioma was delivered of a baby boy, Chukwuemeka, on Sunday. Mother and child are "
         "doing well.", ["Chioma", "Chukwuemeka"], ["God"], born=["Chukwuemeka"],
         reason="'was delivered of a baby boy, Chukwuemeka' is no birth, and 'Mother and child' lists a Mother"),
    case("### Granda\nGranda passed away on Tuesday at the Royal. Wee Callum doesn't understand yet.",
         ["Granda", "Callum"], ["Granda Granda"], dead=["Granda"]),
    case("## Nain\nNain died yesterday, ninety-one. Taid is lost without her.", ["Nain", "Taid"], ["Nain Nain"],
         dead=["Nain"]),
    case("# Big day!\nMy sister Kayla had her baby, a little girl named Harper, born at 7:02pm. Mom is flying out "
         "Friday.", ["Kayla", "Harper", "Mom"], born=["Harper"], never=[("Harper", "daughter|child", "me")]),
    case("## Lolo Ramon\nLolo Ramon passed away last night in Iloilo. Tita Grace called us at 2am.",
         ["Lolo Ramon|Ramon", "Tita Grace|Grace"], dead=["Lolo Ramon|Ramon"]),
    case("## Dead on my feet\nNight shift again. Marcus covered the last hour for me, legend.", ["Marcus"], ["Dead"]),
    case("## Mum\nMrs Patel across the road died on Monday. Mum went round with a casserole for her son Dev.",
         ["Mum", "Mrs Patel|Patel", "Dev"], dead=["Mrs Patel|Patel"]),
    case("## Sunday\nGranny Maud passed on this morning. She was ninety-seven. Uncle Delroy is coming from Kingston.",
         ["Granny Maud|Maud", "Uncle Delroy|Delroy"], ["Sunday", "Kingston"], dead=["Granny Maud|Maud"], reason="'passed on this morning' is not read as a death"),
    case("# Meet Noah\nNoah Tremblay, born Thursday at 4:15am, 7 lb 3 oz. We brought him home today.",
         ["Noah Tremblay|Noah"], born=["Noah Tremblay|Noah"], ties=[("Noah", "son|child", "me")],
         reason="'We brought him home today' after a birth heading the note ties no baby to the writer"),
    case("## Sad news from home\nCucu passed away on Friday in Nyeri. Baba is organising the burial.",
         ["Cucu", "Baba"], ["Nyeri"], dead=["Cucu"], reason="'Cucu' and 'Baba' are not read as names"),
    case("## Wah so cute\nMy cousin Mei Ling posted: \"Our baby girl Chloe was born at 3.3kg, thank you all!\"",
         ["Mei Ling", "Chloe"], born=["Chloe"], never=[("Chloe", "daughter|child", "me")]),
    case("## Gran\nDeirdre died on Sunday after a long illness. The wake is at the house.", ["Gran", "Deirdre"],
         ["Gran Deirdre"], dead=["Deirdre"]),
    case("# Siobhan\nCian was born at 9.20 last night in Holles Street, 8lb 2oz.", ["Siobhan", "Cian"],
         ["Siobhan Cian"], born=["Cian"], never=[("Cian", "*", "Siobhan")],
         reason="a heading runs into the line under it, 'Siobhan Cian' (a sentence opened there lowered held out's "
                "people and relations precision, heading20)"),
    case("### Dad\nUncle Pete passed away last night in Wollongong. Dad is gutted.", ["Dad", "Uncle Pete|Pete"],
         ["Dad Uncle"], dead=["Uncle Pete|Pete"]),
    case("## Aunty Bisi\nTunde's wife delivered a baby boy, Femi, on Saturday. Aunty Bisi is over the moon.",
         ["Aunty Bisi|Bisi", "Tunde", "Femi"], ["Bisi Tunde"], born=["Femi"], never=[("Femi", "*", "Bisi")],
         reason="'delivered a baby boy, Femi' is no birth, and Femi said once is not listed"),
    case("## Ma\nMrs Achieng passed on Monday. Ma went to the house with sugar and tea.", ["Ma", "Mrs Achieng|Achieng"],
         ["Ma Mrs"], dead=["Mrs Achieng|Achieng"]),
    # a parents' announcement copied out in quotation marks: their words, not the writer's
    case("## 5 June\nBaby Ruairí born yesterday at 4.12pm, 7lb 9oz. Niamh's message said \"our baby boy is perfect\" "
         "and I cried.", ["Ruairí", "Niamh"], born=["Ruairí"], never=[("Ruairí", "*", "me")]),
    case("## Tuesday\nLittle Freya born at 5am! Tom and Amy posted: \"We are so happy to introduce our daughter.\" "
         "Auntie duties start Saturday.", ["Freya", "Tom", "Amy"], born=["Freya"], never=[("Freya", "*", "me")]),
    case("# Wah!\nZara born this morning!! The group chat went mad: \"Welcome to the world, our little girl.\"",
         ["Zara"], born=["Zara"], never=[("Zara", "*", "me")]),
    case("## Grandma June\nGrandma June passed away on the 4th. Hannah and I are flying to Perth for the service.",
         ["Grandma June|June", "Hannah"], ["Perth"], dead=["Grandma June|June"], reason="'June' in 'Grandma June' is read as a month"),
]


@pytest.mark.parametrize("text, want", CASES, ids=param_ids(CASES, 40))
def test_a_heading_over_a_birth_or_a_death(tmp_path, db, text, want):
    with Memory(db) as memory:
        _import(memory, tmp_path / "notes", text)
        names = [n for _, held in listed_people(memory, everyone=True) if "me" not in held for n in held]
        deaths = read_deaths(memory)
        events = read_events(memory)
        stated = stated_ties(memory)
        found = {"people": _people(memory, want["people"]), "no": [w for w in want["no"] if has_name(names, w)],
                 "false deaths": false_deaths(memory, want["dead"], ()), "missed deaths": missed_deaths(memory, want["dead"]),
                 "born": [b for b in want["born"] if not any(k == "birth" and _is(h, b.split("|")) for k, h, *_ in events)],
                 "ties": [t for t in want["ties"] if not _tied(stated, t)],
                 "never": [t for t in want["never"] if _tied(stated, t)]}
        assert found == {"people": ([], []), "no": [], "false deaths": [], "missed deaths": [], "born": [], "ties": [],
                         "never": []}, (names, deaths, events, stated)


def test_the_set_is_large_enough():
    assert len(CASES) >= 10
