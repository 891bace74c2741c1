"""Ties that follow from ties told, on text never seen: a family told a tie or two at a time ("my aunt Rose", "my brother
Sam"), whose other ties a reader works out (Rose is Sam's aunt too), written for this test (none from the corpus or a
benchmark) in several Englishes (British, Irish, Scottish, American, South African, Indian, Australian), diaries,
letters, carer's notes and chats, single- and multi-entry, read by the whole pipeline. Each text has its full tie set:
`want`, the ties a careful reader states, and `also`, true ties a reader may state or leave (an in-law between two
others, a tie the words leave unsure). A tie is stated when read at or above people.FACT. Nothing outside the set may
be stated (the traps: a friend's children are not the writer's grandchildren, an ex-husband's new wife is no
sister-in-law, a half-brother's mother is not the writer's); every tie of `want` should be."""
import pytest

from remembrancer import Memory
from remembrancer.kin import CONVERSE, KINDS, TIE_KINDS
from remembrancer.people import FACT

from conftest import add_said, param_ids, param_values, person_names, store_on, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2025-05-06"
NOT_YET = pytest.mark.xfail(strict=True, reason="not read yet (relrec10's findings: the household told without kin words)")
UNREAD = pytest.mark.xfail(strict=True, reason="a premise not read: the name is read as no one (relrec10's findings)")
UNBORN = pytest.mark.xfail(strict=True, reason="the birth is not read as one of a person (events; relrec10's findings)")
SAME = {"stepdad": "stepfather", "stepmum": "stepmother", "stepmom": "stepmother", "pal": "friend", "mate": "friend"}

# (text: an entry, entries a day apart, or chat turns; want; also). A tie is (who, relation word, of whom); "me" is the
# writer (in a chat, the first speaker). Ties are compared by kind and direction: "Lily is Tom's daughter" is "Tom is
# Lily's father".
# (implied14) a composed tie resting on a tie told only by a pronoun ("his wife Kerry", "her daughter Lucy"), by a
# birth, or two children of one parent, is "perhaps" unless told in two entries: such ties are in `also`.
FAMILIES = [
    # an aunt, uncle, grandparent or cousin of one sibling is the other's too
    ("My aunt Rose sent a card for my birthday. My brother Sam got one too, with a fiver in it.",
     [("Rose", "aunt", "me"), ("Sam", "brother", "me"), ("Rose", "aunt", "Sam")], []),
    ("My grandad Joe taught me to fish off the pier at Tenby. My brother Sam never had the patience for it.",
     [("Joe", "grandfather", "me"), ("Sam", "brother", "me"), ("Joe", "grandfather", "Sam")], []),
    ("Rang my nan Betty tonight, she's eighty-nine tomorrow. My sister Chloe is doing the cake.",
     [("Betty", "grandmother", "me"), ("Chloe", "sister", "me"), ("Betty", "grandmother", "Chloe")], []),
    ("My cousin Keisha Brown called from Atlanta. My sister Bri says Keisha owes her twenty bucks.",
     [("Keisha Brown", "cousin", "me"), ("Bri", "sister", "me"), ("Keisha Brown", "cousin", "Bri")], []),
    pytest.param("My uncle Pradeep is visiting from Pune. My brother Arjun took him to the cricket.",
                 [("Pradeep", "uncle", "me"), ("Arjun", "brother", "me"), ("Pradeep", "uncle", "Arjun")], [], marks=UNREAD),
    ("My nephew Alfie and his sister Poppy came for tea. Alfie ate four fish fingers.",
     [("Alfie", "nephew", "me"), ("Poppy", "sister", "Alfie")], [("Poppy", "niece", "me")]),
    pytest.param("My gogo Thandi turned ninety on Saturday. My sister Lindiwe drove up from Durban for it.",
                 [("Thandi", "grandmother", "me"), ("Lindiwe", "sister", "me"), ("Thandi", "grandmother", "Lindiwe")], [],
                 marks=UNREAD),
    ("My auntie Bernie is over from Boston. My brother Declan met her at Shannon.",
     [("Bernie", "aunt", "me"), ("Declan", "brother", "me"), ("Bernie", "aunt", "Declan")], []),
    ("My granny Morag sent shortbread. My wee sister Isla ate half the tin.",
     [("Morag", "grandmother", "me"), ("Isla", "sister", "me"), ("Morag", "grandmother", "Isla")], []),
    ("My uncle Dev rang about the wedding. My brother Kiran is best man.",
     [("Dev", "uncle", "me"), ("Kiran", "brother", "me"), ("Dev", "uncle", "Kiran")], []),
    # the compositions read before this round: a husband's children, a child's sibling, a parent's parent, in-laws
    ("My husband Tom took the kids to the beach. Our daughter Lily found a crab. My son Josh fell in a rock pool.",
     [("Tom", "husband", "me"), ("Lily", "daughter", "me"), ("Josh", "son", "me"), ("Tom", "father", "Lily"),
      ("Tom", "father", "Josh")], [("Lily", "sister", "Josh")]),
    ("My brother Andrew rang from Perth. His wife Kerry is expecting again. My dad Dennis was thrilled.",
     [("Andrew", "brother", "me"), ("Kerry", "wife", "Andrew"), ("Dennis", "father", "me")],
     [("Dennis", "father-in-law", "Kerry"), ("Dennis", "father", "Andrew"), ("Kerry", "sister-in-law", "me")]),
    ("My sister Jen came over with her daughter Lucy. Jen's husband Mike stayed home to watch the game.",
     [("Jen", "sister", "me"), ("Lucy", "daughter", "Jen"), ("Mike", "husband", "Jen"), ("Mike", "brother-in-law", "me")],
     [("Lucy", "niece", "me"), ("Mike", "father", "Lucy")]),
    ("My wife Shirley has been crook all week. Her mum Val came down from Toowoomba to help.",
     [("Shirley", "wife", "me"), ("Val", "mother", "Shirley")], [("Val", "mother-in-law", "me")]),
    ("My son Rohan and his wife Meera came for Diwali. My daughter Anjali made the sweets.",
     [("Rohan", "son", "me"), ("Meera", "wife", "Rohan"), ("Anjali", "daughter", "me")],
     [("Meera", "sister-in-law", "Anjali"), ("Meera", "daughter-in-law", "me"), ("Anjali", "sister", "Rohan")]),
    ("My mam Peggy and my dad Liam were married fifty years on Sunday. My brother Colm did a speech.",
     [("Peggy", "mother", "me"), ("Liam", "father", "me"), ("Colm", "brother", "me"), ("Peggy", "wife", "Liam")],
     [("Peggy", "mother", "Colm"), ("Liam", "father", "Colm")]),
    ("My daughter Kate brought the baby round. Her husband Ravi had work. My granddaughter Isla is getting so big.",
     [("Kate", "daughter", "me"), ("Ravi", "husband", "Kate"), ("Isla", "granddaughter", "me")],
     [("Isla", "daughter", "Kate"), ("Isla", "daughter", "Ravi"), ("Ravi", "son-in-law", "me")]),
    ("My dad Frank phoned. His mother, my gran Agnes, is ninety-four and still does the crossword.",
     [("Frank", "father", "me"), ("Agnes", "mother", "Frank"), ("Agnes", "grandmother", "me")], []),
    ("My uncle Ray and his wife Carol Ann came for Thanksgiving. My mom Barb made three pies.",
     [("Ray", "uncle", "me"), ("Carol Ann", "wife", "Ray"), ("Barb", "mother", "me")],
     [("Ray", "brother", "Barb"), ("Carol Ann", "sister-in-law", "Barb"), ("Carol Ann", "aunt", "me")]),
    (["My sister Niamh had the baby this morning, a little girl. Her husband Conor rang at six.",
      "Went up to see Niamh and Conor and the baby. They've called her Aoife."],
     [("Niamh", "sister", "me"), ("Conor", "husband", "Niamh")],
     [("Conor", "brother-in-law", "me"), ("Aoife", "daughter", "Niamh"), ("Aoife", "daughter", "Conor"), ("Aoife", "niece", "me")]),
    ([("Tasha", "Mom called me today, she sounded tired"), ("Bri", "she called me too"),
      ("Tasha", "my husband Jordan says we should drive up this weekend"), ("Bri", "yes please, bring the kids")],
     [("Mom", "mother", "me"), ("Jordan", "husband", "me")], [("Mom", "mother", "Bri"), ("Bri", "sister", "me")]),
    ("Tom and I went to Whitby for three nights for our anniversary. Our Lily stayed at her friend's.",
     [], [("Tom", "husband", "me"), ("Lily", "daughter", "me"), ("Tom", "father", "Lily")]),
    # a birth told as news, and the one worn out by it after: her baby (and what follows from her ties)
    ("Aarav Kumar Singh was born at 4.45 this morning at Fortis. Priyanka is sore and tired but over the moon. Rahul has "
     "already bought him a cricket bat.", [("Aarav Kumar Singh", "son", "Priyanka")], [("Aarav Kumar Singh", "son", "Rahul")]),
    ("Harper Lynn Walsh was born at 2:14 a.m. today, 7 lbs 6 oz. Megan is wiped out but doing great. Tyler cried the "
     "whole time.", [("Harper Lynn Walsh", "daughter", "Megan")], [("Harper Lynn Walsh", "daughter", "Tyler")]),
    ("Isla Joan Shah, born at twenty past five this morning, seven pounds one ounce. Kate is exhausted and fine. Ravi "
     "rang us at six.", [("Isla Joan Shah", "daughter", "Kate")], [("Isla Joan Shah", "daughter", "Ravi")]),
    ("My sister Lorna had a wee girl last night. Ailsa Mhairi Baxter, born at ten to midnight, seven pounds two. Lorna "
     "is knackered but grand. Gary phoned me at one and couldn't speak.",
     [("Lorna", "sister", "me"), ("Ailsa Mhairi Baxter", "daughter", "Lorna")],
     [("Ailsa Mhairi Baxter", "niece", "me"), ("Ailsa Mhairi Baxter", "daughter", "Gary"), ("Gary", "husband", "Lorna"), ("Gary", "brother-in-law", "me")]),
    ("Rosie Mae Turner was born at 4.12 this morning, 7lb 2oz. Anya was incredible. I was useless. The midwife, Joy, "
     "was there at the end.", [("Rosie Mae Turner", "daughter", "Anya")],
     [("Rosie Mae Turner", "daughter", "me"), ("Anya", "partner", "me"), ("Joy", "midwife", "Anya"), ("Joy", "midwife", "me")]),
    ("Noah Thomas Quinn was born at eleven last night, nine pounds. Siobhan was amazing, and Declan fainted.",
     [("Noah Thomas Quinn", "son", "Siobhan")], [("Noah Thomas Quinn", "son", "Declan")]),
    pytest.param("Born this morning at 6.10: Thandiwe Grace Mokoena, 3.2 kg. Nomsa is tired but well. Sipho sent a "
                 "photo at seven.", [("Thandiwe Grace Mokoena", "daughter", "Nomsa")],
                 [("Thandiwe Grace Mokoena", "daughter", "Sipho")], marks=UNBORN),
    pytest.param("My son Fin starts at Glasgow uni in September. My daughter Eilidh has already claimed his room. "
                 "Kirsty says we'll have the house to ourselves in ten years.",
                 [("Fin", "son", "me"), ("Eilidh", "daughter", "me"), ("Eilidh", "sister", "Fin"),
                  ("Kirsty", "wife", "me"), ("Kirsty", "mother", "Fin"), ("Kirsty", "mother", "Eilidh")], [],
                 marks=NOT_YET),
    pytest.param("Tom says his father-in-law was sharper at dominoes today. My dad Dennis beat him twice.",
                 [("Dennis", "father", "me"), ("Dennis", "father-in-law", "Tom"), ("Tom", "husband", "me")], [],
                 marks=NOT_YET),
    pytest.param("Josh came with me after school to see Dad. Dad called him the best grandson in Yorkshire.",
                 [("Dad", "father", "me"), ("Josh", "grandson", "Dad"), ("Josh", "son", "me")], [], marks=NOT_YET),
]

TRAPS = [
    # a friend's children are not the writer's grandchildren, nor a neighbour's the writer's nieces
    ("My friend Sue came round with her grandchildren, Mia and Jack. My daughter Kate made them pancakes.",
     [("Sue", "friend", "me"), ("Kate", "daughter", "me"), ("Mia", "granddaughter", "Sue"), ("Jack", "grandson", "Sue")],
     [("Mia", "sister", "Jack")]),
    ("My neighbour Pat's daughter Shannon babysat for us. My sister Jo says she's a treasure.",
     [("Jo", "sister", "me")], [("Shannon", "daughter", "Pat"), ("Pat", "neighbour", "me")]),
    ("My best friend Kylie and her husband Brett came for a barbie. My husband Gaz did the snags.",
     [("Kylie", "friend", "me"), ("Brett", "husband", "Kylie"), ("Gaz", "husband", "me")], []),
    # an ex's new wife is no sister-in-law, an ex's child by another no child of the writer
    ("My ex-husband Gary has married again. His new wife Donna seems nice enough. My son Liam went to the wedding.",
     [("Gary", "ex-husband", "me"), ("Donna", "wife", "Gary"), ("Liam", "son", "me")],
     [("Gary", "father", "Liam"), ("Donna", "stepmother", "Liam")]),
    ("My sister Claire's ex, Darren, has a new girlfriend called Stacey. My mum can't stand him.",
     [("Claire", "sister", "me")], [("Darren", "ex", "Claire"), ("Stacey", "girlfriend", "Darren"),
                                   ("Mum", "mother", "me"), ("Mum", "mother", "Claire")]),
    # one worn out after a birth is not always its mother
    ("Niamh Rose Kelly was born on Tuesday night. Mum is exhausted from the drive to Galway and back.", [],
     [("Mum", "mother", "me")]),
    ("Baby Leo arrived at five this morning. The midwife, Joy, was exhausted after a double shift.", [],
     [("Joy", "midwife", "me")]),
    ("Zara Grace Hughes was born last night. Ben is exhausted, and Zara has slept through it all.", [],
     [("Zara Grace Hughes", "daughter", "Ben")]),
    ("Ava Marie Costa was born yesterday afternoon. Sophie and Emma are both exhausted and over the moon.", [],
     [("Ava Marie Costa", "daughter", "Sophie"), ("Ava Marie Costa", "daughter", "Emma")]),
    ("Isla Grace was born on Monday. Her mum Chloe is fine. My sister Beth is exhausted after driving up from Bristol.",
     [("Beth", "sister", "me")], [("Isla Grace", "daughter", "Chloe")]),
    ("Mia Rose Evans was born on Friday night. Our friend Sarah was a star and drove us to the hospital at three.",
     [], [("Sarah", "friend", "me"), ("Mia Rose Evans", "daughter", "me")]),
    ("Leo James Park was born last night at the Royal. Dr Anand was brilliant.", [], [("Dr Anand", "doctor", "me")]),
    ("Baby Ruby arrived early this morning. Nana Pat was amazing on the phone all night.", [],
     [("Nana Pat", "grandmother", "me"), ("Nana Pat", "grandmother", "Ruby")]),
    # a half- or step-tie told wins
    ("My half-brother Kyle came for Christmas. My mum Sandra cooked. My dad Pete carved.",
     [("Kyle", "half-brother", "me"), ("Sandra", "mother", "me"), ("Pete", "father", "me")],
     [("Sandra", "wife", "Pete")]),
    ("My stepdad Mark drove us to Weston. My mum Claire sat in the back with my sister Poppy.",
     [("Mark", "stepfather", "me"), ("Claire", "mother", "me"), ("Poppy", "sister", "me")],
     [("Claire", "mother", "Poppy"), ("Claire", "wife", "Mark")]),
    # 'my X Name's Y Name2': Name2 is Name's Y, not my X (relprec13: the nearer possessor, the nearer role noun)
    ("My stepmum Carol's mother Irene is in hospital. My dad Pete is driving Carol up to see her.",
     [("Pete", "father", "me")], [("Carol", "stepmother", "me"), ("Irene", "mother", "Carol"), ("Carol", "wife", "Pete")]),
    # a friend's or colleague's kin is none of the writer's
    ("My colleague Priya's aunt Lakshmi makes the best dosa in Chennai. My brother Vikram agrees.",
     [("Vikram", "brother", "me")], [("Priya", "colleague", "me"), ("Lakshmi", "aunt", "Priya")]),
    ("My brother's friend Pete came for the match. My brother Sean is Pete's best man in June.",
     [("Sean", "brother", "me")], [("Pete", "friend", "Sean")]),
    ("My pal Jamie's granny Senga died on Tuesday. My granny Morag knew her from the bingo.",
     [("Morag", "grandmother", "me")], [("Jamie", "friend", "me"), ("Senga", "grandmother", "Jamie")]),
    # an aunt of one cousin is said of that cousin, not of the writer's siblings
    ("My cousin Ellie came over. Her aunt Margaret, on her dad's side, lives in Canada. My brother Tom drove Ellie home.",
     [("Ellie", "cousin", "me"), ("Tom", "brother", "me")], [("Margaret", "aunt", "Ellie"), ("Ellie", "cousin", "Tom")]),
    # one's brother-in-law's parents are no parents-in-law
    ("My sister Ruth's husband Owen has lost his dad, Gwilym. We're all going up to Bala for the funeral.",
     [("Ruth", "sister", "me"), ("Owen", "husband", "Ruth"), ("Owen", "brother-in-law", "me")],
     [("Gwilym", "father", "Owen"), ("Gwilym", "father-in-law", "Ruth")]),
    # a baby a sister minds is not hers
    ("My sister Anna is minding her neighbour's baby, Theo, on Tuesdays. My mum thinks she's mad.",
     [("Anna", "sister", "me")], [("Mum", "mother", "me"), ("Mum", "mother", "Anna")]),
    # a teacher's class and a carer's client are no family
    ("My son Ben's teacher Mrs Clarke has a daughter, Hannah, in my sister's class. My sister Lou teaches Year 5.",
     [("Ben", "son", "me"), ("Lou", "sister", "me")],
     [("Mrs Clarke", "teacher", "Ben"), ("Hannah", "daughter", "Mrs Clarke"), ("Lou", "aunt", "Ben")]),
    ("8am call. Mr Dlamini's son Sipho was there. My own dad Themba used to work with Mr Dlamini at the mine.",
     [("Sipho", "son", "Mr Dlamini"), ("Themba", "father", "me")], []),
    # a grandmother by marriage: my husband's gran
    ("My husband Rhys took me to see his nain Gwen in Caernarfon. My mam Eirlys sent bara brith.",
     [("Rhys", "husband", "me"), ("Gwen", "grandmother", "Rhys"), ("Eirlys", "mother", "me")],
     [("Eirlys", "mother-in-law", "Rhys")]),
    ("My godmother Helen sent a card. Her son Rupert is my age. My mother Diana says hello.",
     [("Diana", "mother", "me")], [("Helen", "godmother", "me"), ("Rupert", "son", "Helen")]),
]


def _kind(word: str):
    """A tie word's kind and whether it is told from the other end ("son": the other is the parent)."""
    w = word.lower().replace(" ", "-")
    w = SAME.get(w, w)
    kind = KINDS.get(w) or TIE_KINDS.get(w) or w
    if kind in ("child", "grandchild", "nibling", "child-in-law"):
        return CONVERSE[kind], True
    return kind, False


def _tie(a, word, b):
    kind, back = _kind(word)
    a, b = (b, a) if back else (a, b)
    return kind, a, b


def _stated(memory) -> list[tuple[str, set, set]]:
    """Every stated tie as (kind, the subject's names, the object's names), names in lower case; the writer is also
    "me"."""
    names = person_names(memory)
    out = []
    for r in memory.query("SELECT subject, relation, object, confidence FROM relations"):
        if (r["confidence"] if r["confidence"] is not None else 1.0) >= FACT:
            kind, a, b = _tie(r["subject"], r["relation"], r["object"])
            out.append((kind, names[a], names[b]))
    return out


def _is(tie, stated) -> bool:
    kind, a, b = _tie(*tie)
    k, s, o = stated
    if k != kind:
        return False
    if a.lower() in s and b.lower() in o:
        return True
    return kind == CONVERSE.get(kind, kind) and a.lower() in o and b.lower() in s  # a sister or a spouse: either way


def _show(stated):
    return sorted((sorted(s)[0], k, sorted(o)[0]) for k, s, o in stated)


def _read(memory, said):
    add_said(memory, said, AT)
    return _stated(memory)


def _false(stated, want, also):
    return [s for s in stated if not any(_is(t, s) for t in want + also)]


def _missed(stated, want):
    return [t for t in want if not any(_is(t, s) for s in stated)]


def _no_false(rows):
    """Every text, none marked: a family whose ties are not all read yet must still state nothing false, and a trap
    that does must still state its own ties."""
    return [param_values(r) for r in rows]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", FAMILIES, ids=param_ids(FAMILIES))
def test_every_tie_that_follows_is_stated(db, said, want, also):
    with Memory(db) as memory:
        stated = _read(memory, said)
    assert not _missed(stated, want), _show(stated)
    assert not _false(stated, want, also), _show(stated)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", _no_false(FAMILIES) + TRAPS, ids=param_ids(_no_false(FAMILIES) + TRAPS))
def test_no_tie_outside_the_set_is_stated(db, said, want, also):
    with Memory(db) as memory:
        stated = _read(memory, said)
    assert not _false(stated, want, also), _show(stated)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", _no_false(TRAPS), ids=param_ids(TRAPS))
def test_the_traps_own_ties_are_stated(db, said, want, also):
    with Memory(db) as memory:
        stated = _read(memory, said)
    assert not _missed(stated, want), _show(stated)


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 6th family and trap whose ties are all read, each in a memory of its own, on both backends."""
    plain = unmarked(FAMILIES + TRAPS)
    for i, (said, want, also) in enumerate(plain[::6]):
        with Memory(store_on(backend, request, tmp_path, f"family{i}")) as memory:
            stated = _read(memory, said)
        assert not _missed(stated, want) and not _false(stated, want, also), _show(stated)


# (implied14) a composed tie is as sure as all it rests on: a fact when each premise is a fact ("my nan Edna", "my
# brother Lee", told in two entries, or "her mother Joan" where "her" is plain: relrec17 found the composition of two
# facts by what the words mean right in every group of bench/journal.py); "perhaps" when one is told once in a list
# ("my sisters Amy and Beth"). (text, the composed tie, a fact?)
SURENESS = [
    ("My mum Carol rang. Her mother Joan has had a fall. My sister Beth is driving down.",
     ("Joan", "grandmother", "me"), True),
    ("Mam phoned from Cork. Her brother Donal is in hospital again. My sister Siobhan is going down to see him.",
     ("Donal", "uncle", "me"), True),
    ("Round the table on Sunday: my sisters Amy and Beth, and my aunt Rose with her famous trifle.",
     ("Rose", "aunt", "Amy"), False),
    ("My nan Edna turned ninety today. My brother Lee drove her to the party.", ("Edna", "grandmother", "Lee"), True),
    ("My dad Ray and my brother Mark went to the match. Dad's father Stan played for the club in the fifties.",
     ("Stan", "grandfather", "me"), True),
    (["My mum Carol rang. Her mother Joan has had a fall.",
      "Drove up to see Joan. She is Mum's mother and she is ninety-one, so a fall is a worry. My mum Carol stayed the "
      "night with her."], ("Joan", "grandmother", "me"), True),
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, tie, fact", SURENESS, ids=param_ids(SURENESS))
def test_a_composed_tie_is_a_fact_only_when_all_it_rests_on_is(db, said, tie, fact):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        names = person_names(memory)
        rows = [(_tie(r["subject"], r["relation"], r["object"]), r["confidence"])
                for r in memory.query("SELECT subject, relation, object, confidence FROM relations WHERE how LIKE 'implied%'")]
    sure = [c for (k, s, o), c in rows if _is(tie, (k, names[s], names[o]))]
    assert sure, rows  # worked out either way
    assert (max(sure) >= FACT) == fact, sure
