"""Relation recall on voices never seen (round 19, relrec19): short texts written for this test before the relation
rules were read or changed, in the forms half B's missed ties took (docs/benchmarks.md, round 19): ties by address
(a letter "Dear Ellie, ... Love, Grandad"; "your Nana" said to the one written to, in a letter or a chat), ties said of
the writer by others in a chat ("Your sister Kate is picking you up"), appositions and lists ("my sisters, Ann and Jo";
"Janet, Glenys's daughter,"), possessive chains ("Mum's sister Pat"; "Jim's shed with his daughter Linda"), and traps
that give no tie or not the tie a quick reader takes: a friend's mum, "a mother to me", a nun's and a priest's title,
"Mum" in a quoted story, "your mum" in a letter to a friend. Diaries, letters, emails and chats (JSONL logs) in
British, Irish, Scottish, Welsh, American, Australian, Indian, Nigerian, Ghanaian and Filipino English.
STATED is at or above people.FACT (conftest's stated_ties)."""

import pytest

from remembrancer import Memory

from conftest import add_told, check_ties, email_said, param_ids, param_values, said_as_log, store_on, told_label, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2025-11-08"
# a true tie not read yet: recall, a later issue (strict: the row must start passing when it is read)
RECALL = pytest.mark.xfail(reason="a true tie not read yet (recall)", strict=True)

MOTHER = "mother|mum|mom|mam|ma|mummy|mommy|mama|parent"
FATHER = "father|dad|daddy|papa|pa|da|parent"
PARENT = f"{MOTHER}|{FATHER}"
GRAND = "grandmother|grandfather|grandparent|nan|nana|gran|granny|grandma|grandpa|grandad"
GRANDCHILD = "granddaughter|grandson|grandchild"
AUNT = "aunt|uncle|pibling|aunty|auntie"
NIBLING = "niece|nephew|nibling"
SIB = "sister|brother|sibling"
SPOUSE = "wife|husband|spouse|partner"
CHILD = "son|daughter|child"
IN_LAW = "mother-in-law|father-in-law|parent-in-law"
CHILD_IN_LAW = "daughter-in-law|son-in-law|child-in-law"
SIB_IN_LAW = "sister-in-law|brother-in-law|sibling-in-law"
GREAT_AUNT = "great-aunt|great-uncle|grandaunt|granduncle|great aunt|great uncle"


def _tell(memory, said, folder):
    """An entry, entries a day apart, chat turns (a JSONL log, the first speaker the writer) or an email."""
    if isinstance(said, dict):
        add_told(memory, said, folder, AT)
    else:
        said_as_log(memory, said, folder, AT)


def _label(said):
    return told_label(said) if isinstance(said, dict) else told_label(said, 48)


# (said; the ties that must be stated; other ties that may rightly be stated, at most). A tie is (who, words, of whom);
# "me" is the writer (a chat's first speaker, an email's sender). A letter's signature names the writer too, a person of
# the store's own: a letter signed "Grandad" or "Jess" wants that person tied, and allows the same tie to "me".
TEXTS = [
    # -- ties by address: a letter to someone, signed with a kin word; "your <kin>" said to the one written to --
    ("Dear Ellie,\n\nYour Nana has knitted you a jumper with a fox on it. She says it will fit by Christmas.\n\n"
     "Love,\nGrandad",
     [("Grandad", GRAND, "Ellie"), ("Nana", GRAND, "Ellie")],
     [("me", GRAND, "Ellie"), ("Ellie", GRANDCHILD, "me"), ("Ellie", GRANDCHILD, "Nana"), ("Nana", SPOUSE, "me"), ("me", SPOUSE, "Nana")]),
    ("Dear Ellie and Sam,\n\nYour Auntie Karen has a new puppy called Biscuit and it has already eaten a slipper.\n\n"
     "Lots of love,\nNana",
     [("Nana", GRAND, "Ellie"), ("Nana", GRAND, "Sam"), ("Auntie Karen", AUNT, "Ellie"), ("Auntie Karen", AUNT, "Sam")],
     [("me", GRAND, "Ellie"), ("me", GRAND, "Sam"), ("Ellie", GRANDCHILD, "me"), ("Sam", GRANDCHILD, "me"), ("Ellie", SIB, "Sam"), ("Sam", SIB, "Ellie"),
      ("Ellie", NIBLING, "Auntie Karen"), ("Sam", NIBLING, "Auntie Karen"), ("Auntie Karen", CHILD, "me"),
      ("me", PARENT, "Auntie Karen")]),
    ("Dear Tomás,\n\nYour Auntie Maeve came down from Sligo for the weekend and ate every scone in the house. The dog "
     "misses you.\n\nAll my love,\nMam",
     [("Mam", MOTHER, "Tomás"), ("Auntie Maeve", AUNT, "Tomás")],
     [("me", MOTHER, "Tomás"), ("Tomás", CHILD, "me"), ("Tomás", NIBLING, "Auntie Maeve"), ("Auntie Maeve", SIB + "|" + SIB_IN_LAW, "me"),
      ("me", SIB + "|" + SIB_IN_LAW, "Auntie Maeve")]),
    ("Dear Callum,\n\nYour Granny Morag's hip is mending fine and she's back at the bowling already. Dinnae forget "
     "her birthday on the tenth.\n\nLove from\nDad",
     [("Dad", FATHER, "Callum"), ("Granny Morag", GRAND, "Callum")],
     [("me", FATHER, "Callum"), ("Callum", CHILD, "me"), ("Callum", GRANDCHILD, "Granny Morag"), ("Granny Morag", PARENT + "|" + IN_LAW, "me"),
      ("me", CHILD + "|" + CHILD_IN_LAW, "Granny Morag")]),
    ("Dear Chidi,\n\nYour Uncle Emeka has finally opened the shop in Enugu. Greet your wife Adaeze for me and tell her "
     "the wrapper is on its way.\n\nYour loving mother",
     [("me", MOTHER, "Chidi"), ("Uncle Emeka", AUNT, "Chidi"), ("Adaeze", SPOUSE, "Chidi")],
     [("Chidi", CHILD, "me"), ("Chidi", NIBLING, "Uncle Emeka"), ("Chidi", SPOUSE, "Adaeze"),
      ("Adaeze", CHILD_IN_LAW, "me"), ("me", IN_LAW, "Adaeze"), ("Uncle Emeka", SIB + "|" + SIB_IN_LAW, "me"),
      ("me", SIB + "|" + SIB_IN_LAW, "Uncle Emeka")]),
    ("Dear Priya,\n\nYour Nani is keeping well and asks about you every day. She wants to know if you are eating "
     "properly in Toronto.\n\nBlessings,\nPapa",
     [("Papa", FATHER, "Priya"), ("Nani", GRAND + "|nani", "Priya")],
     [("me", FATHER, "Priya"), ("Priya", CHILD, "me"), ("Priya", GRANDCHILD, "Nani"), ("Nani", PARENT + "|" + IN_LAW, "me"),
      ("me", CHILD + "|" + CHILD_IN_LAW, "Nani")]),
    (email_said("Margaret Boyle", "Sophie Boyle", "Easter",
                "Hi Sophie,\n\nYour Grandpa Jack is coming for Easter, so bring the good chocolate and not the cheap "
                "eggs.\n\nLove, Mum"),
     [("Mum", MOTHER, "Sophie"), ("Grandpa Jack", GRAND, "Sophie")],
     [("me", MOTHER, "Sophie"), ("Sophie", CHILD, "me"), ("Sophie", GRANDCHILD, "Grandpa Jack"), ("Grandpa Jack", PARENT + "|" + IN_LAW, "me"),
      ("me", CHILD + "|" + CHILD_IN_LAW, "Grandpa Jack")]),
    ("Dear Joy,\n\nYour Lola keeps asking when you will come home to Cebu. Your Tita Marites sends her love and a box "
     "of dried mangoes.\n\nLove,\nMama",
     [("Mama", MOTHER, "Joy"), ("Lola", GRAND + "|lola", "Joy"), ("Tita Marites", AUNT + "|tita", "Joy")],
     [("me", MOTHER, "Joy"), ("Joy", CHILD, "me"), ("Joy", GRANDCHILD, "Lola"), ("Joy", NIBLING, "Tita Marites"),
      ("Lola", PARENT + "|" + IN_LAW, "me"), ("me", CHILD + "|" + CHILD_IN_LAW, "Lola"),
      ("Tita Marites", SIB + "|" + SIB_IN_LAW, "me"), ("me", SIB + "|" + SIB_IN_LAW, "Tita Marites")]),
    ("Dear Grandad,\n\nThank you for the ten pounds. Mum says I have to spend half of it on books, which is not "
     "fair.\n\nLove from Ellie",
     [("Grandad", GRAND, "me"), ("Mum", MOTHER, "me")],
     [("me", GRANDCHILD, "Grandad"), ("me", CHILD, "Mum"), ("Mum", CHILD + "|" + CHILD_IN_LAW, "Grandad"),
      ("Grandad", PARENT + "|" + IN_LAW, "Mum")]),
    ("Dear Mum,\n\nThe flat in Leeds is tiny but warm. Tell Dad the boiler works and I did bleed the radiators.\n\n"
     "Love, Jess",
     [("Mum", MOTHER, "Jess"), ("Dad", FATHER, "Jess")],
     [("me", CHILD, "Mum"), ("me", CHILD, "Dad"), ("Mum", SPOUSE, "Dad"), ("Dad", SPOUSE, "Mum"), ("Mum", MOTHER, "me"),
      ("Dad", FATHER, "me"), ("Jess", CHILD, "Mum"), ("Jess", CHILD, "Dad")]),
    ("Dear Ellen,\n\nYour mum Karen says you passed your driving test! I always knew you would.\n\nLove,\nAuntie Bev",
     [("Karen", MOTHER, "Ellen"), ("Auntie Bev", AUNT, "Ellen")],
     [("me", AUNT, "Ellen"), ("Ellen", CHILD, "Karen"), ("Ellen", NIBLING, "me"), ("Karen", SIB + "|" + SIB_IN_LAW, "me"),
      ("me", SIB + "|" + SIB_IN_LAW, "Karen")]),
    # a friend's letter: "your mum" is the friend's, "my mum" the writer's
    ("Dear Ellen,\n\nMy mum Rosa sends her love and says the recipe is in the post. How is your mum Anne after the "
     "operation?\n\nYour friend,\nKate",
     [("Rosa", MOTHER, "Kate"), ("Anne", MOTHER, "Ellen")],
     [("Rosa", MOTHER, "me"), ("me", CHILD, "Rosa"), ("Kate", CHILD, "Rosa"), ("Ellen", CHILD, "Anne"), ("Ellen", "friend", "me"), ("me", "friend", "Ellen"),
      ("Ellen", "friend", "Kate"), ("Kate", "friend", "Ellen"),
      ("Rosa", MOTHER, "Kate")]),
    ("Dear Sir,\n\nI write about my late father's pension, which has not been paid since March.\n\nYours faithfully,\n"
     "Anne Hughes", [], []),
    # -- "your <kin>" said to the other in a chat; kin of the writer said by others --
    ([("Gail", "Your Auntie Lyn rang, she wants you to call her back tonight"), ("Dan", "ok will do after tea")],
     [("Auntie Lyn", AUNT, "Dan")],
     [("Dan", NIBLING, "Auntie Lyn"), ("Auntie Lyn", SIB + "|" + SIB_IN_LAW, "me"), ("me", SIB + "|" + SIB_IN_LAW, "Auntie Lyn"),
      ("me", PARENT, "Dan"), ("Dan", CHILD, "me")]),
    ([("Kez", "what time is dinner on sunday"), ("Tracey", "2. Your Nan is doing the roast so don't be late")],
     [("Nan", GRAND, "me")],
     [("me", GRANDCHILD, "Nan"), ("Nan", PARENT + "|" + IN_LAW, "Tracey"), ("Tracey", CHILD + "|" + CHILD_IN_LAW, "Nan"),
      ("Tracey", PARENT, "me"), ("me", CHILD, "Tracey")]),
    ([("Ryan", "is your brother Kyle still selling his car?"), ("Jamal", "yeah he wants 3 grand for it")],
     [("Kyle", SIB, "Jamal")], [("Jamal", SIB, "Kyle")]),
    ([("Ollie", "just landed!!"), ("Sue", "Welcome home! Your sister Kate is picking you up at arrivals")],
     [("Kate", SIB, "me")], [("me", SIB, "Kate"), ("Sue", PARENT, "me"), ("me", CHILD, "Sue")]),
    ([("Ama", "I'm at Korle Bu with him now"), ("Kofi", "How is your father Kwesi?"), ("Ama", "better, he's eating")],
     [("Kwesi", FATHER, "me")], [("me", CHILD, "Kwesi")]),
    ([("Femi", "Good morning sir"), ("Bisi", "Your Grandma Ronke called from Ibadan, please call her back")],
     [("Grandma Ronke", GRAND, "me")],
     [("me", GRANDCHILD, "Grandma Ronke"), ("Grandma Ronke", PARENT + "|" + IN_LAW, "Bisi"), ("Bisi", PARENT, "me"),
      ("me", CHILD, "Bisi"), ("Bisi", CHILD + "|" + CHILD_IN_LAW, "Grandma Ronke")]),
    ([("Bec", "Your Aunty Jan called, she's driving up from Geelong on Friday"), ("Tilly", "yay is Uncle Rob coming too?")],
     [("Aunty Jan", AUNT, "Tilly")],
     [("Uncle Rob", AUNT, "Tilly"), ("Tilly", NIBLING, "*"), ("Aunty Jan", SPOUSE, "Uncle Rob"),
      ("Uncle Rob", SPOUSE, "Aunty Jan"), ("*", SIB + "|" + SIB_IN_LAW, "me"), ("me", SIB + "|" + SIB_IN_LAW, "*"),
      ("me", PARENT, "Tilly"), ("Tilly", CHILD, "me")]),
    # "your mom" from a friend: the writer's Mom, not the friend's
    ([("Megan", "Mom wants to know if you're bringing Tyler for Thanksgiving"), ("Ashley", "yes! tell your mom I'm bringing pie")],
     [("Mom", MOTHER, "me")],
     [("me", CHILD, "Mom"), ("Tyler", "boyfriend|partner|husband|spouse|fiance", "Ashley"),
      ("Ashley", "girlfriend|partner|wife|spouse|fiancee", "Tyler")]),
    # the other speaker's kin words are the other's
    ([("Siobhan", "how's your da after the op?"), ("Niamh", "grand, Da's up and about already, driving Mam mad")],
     [("Da", FATHER, "Niamh")],
     [("Niamh", CHILD, "Da"), ("Mam", MOTHER, "Niamh"), ("Niamh's Mam", MOTHER, "Niamh"), ("Niamh", CHILD, "Mam"), ("Mam", SPOUSE, "Da"),
      ("Da", SPOUSE, "Mam")]),
    ([("Liam", "my nan's in hospital again"), ("Gemma", "oh no, give Nan a hug from me x")],
     [], [("Nan", GRAND, "me"), ("me", GRANDCHILD, "Nan")]),
    # -- appositions and lists --
    ("My sisters, Ann and Jo, took me out for my fiftieth and we drank far too much prosecco.",
     [("Ann", SIB, "me"), ("Jo", SIB, "me")], [("me", SIB, "Ann"), ("me", SIB, "Jo"), ("Ann", SIB, "Jo"), ("Jo", SIB, "Ann")]),
    ("My two brothers, Tom and Sam, carried the coffin with our cousins from Athlone.",
     [("Tom", SIB, "me"), ("Sam", SIB, "me")], [("me", SIB, "Tom"), ("me", SIB, "Sam"), ("Tom", SIB, "Sam"), ("Sam", SIB, "Tom")]),
    ("I have three children: Aisha, Bilal and Zara. None of them has ever once cleaned the bathroom.",
     [("Aisha", CHILD, "me"), ("Bilal", CHILD, "me"), ("Zara", CHILD, "me")],
     [("me", PARENT, "*"), ("*", SIB, "*")]),
    ("My grandchildren, Mia, Noah and Ava, came for Sunday lunch and ate all the Yorkshires.",
     [("Mia", GRANDCHILD, "me"), ("Noah", GRANDCHILD, "me"), ("Ava", GRANDCHILD, "me")],
     [("me", GRAND, "*"), ("*", SIB + "|cousin", "*")]),
    ("Janet, Glenys's daughter, did the eulogy and did it beautifully.",
     [("Janet", CHILD, "Glenys")], [("Glenys", MOTHER, "Janet")]),
    ("Kenny, my son-in-law, has learned to change a nappy in under a minute, with commentary.",
     [("Kenny", CHILD_IN_LAW, "me")], [("me", IN_LAW, "Kenny")]),
    ("Sarah, my brother's wife, brought the baby over for the first time.",
     [("Sarah", SIB_IN_LAW, "me")], [("me", SIB_IN_LAW, "Sarah")]),
    ("Mum, Dad and my sister Hannah drove up for the graduation and Dad cried at the gowns.",
     [("Mum", MOTHER, "me"), ("Dad", FATHER, "me"), ("Hannah", SIB, "me")],
     [("me", CHILD, "*"), ("me", SIB, "Hannah"), ("*", PARENT, "Hannah"), ("Hannah", CHILD, "*"), ("Mum", SPOUSE, "Dad"),
      ("Dad", SPOUSE, "Mum")]),
    ("Ravi, my elder brother, has moved to Pune with his wife Sunita.",
     [("Ravi", SIB, "me"), ("Sunita", SPOUSE, "Ravi")],
     [("me", SIB, "Ravi"), ("Ravi", SPOUSE, "Sunita"), ("Sunita", SIB_IN_LAW, "me"), ("me", SIB_IN_LAW, "Sunita")]),
    ("Chinedu, my husband's younger brother, is staying with us until he finds a flat in Abuja.",
     [("Chinedu", SIB_IN_LAW, "me")], [("me", SIB_IN_LAW, "Chinedu")]),
    ("Grandma, Grandpa and my cousins Tyler and Brooke came over for the Fourth.",
     [("Tyler", "cousin", "me"), ("Brooke", "cousin", "me")],
     [("me", "cousin", "*"), ("Grandma", GRAND, "me"), ("Grandpa", GRAND, "me"), ("me", GRANDCHILD, "*"),
      ("Grandma", SPOUSE, "Grandpa"), ("Grandpa", SPOUSE, "Grandma"), ("Tyler", SIB + "|cousin", "Brooke"),
      ("Brooke", SIB + "|cousin", "Tyler"), ("*", GRAND, "Tyler"), ("*", GRAND, "Brooke"),
      ("Tyler", GRANDCHILD, "*"), ("Brooke", GRANDCHILD, "*")]),
    # -- possessive chains: someone's <kin> Name --
    ("Mum's sister Pat came for Christmas and stayed until New Year.",
     [("Pat", SIB, "Mum"), ("Pat", AUNT, "me")],
     [("Mum", SIB, "Pat"), ("Mum", MOTHER, "me"), ("me", CHILD, "Mum"), ("me", NIBLING, "Pat")]),
    ("Dad's brother Ray rang from Hull to say he's getting married again, at seventy-one.",
     [("Ray", SIB, "Dad"), ("Ray", AUNT, "me")],
     [("Dad", SIB, "Ray"), ("Dad", FATHER, "me"), ("me", CHILD, "Dad"), ("me", NIBLING, "Ray")]),
    ("Mum's friend Maureen didn't wake up on Tuesday. Mum is in bits.",
     [("Maureen", "friend", "Mum")],
     [("Mum", "friend", "Maureen"), ("Mum", MOTHER, "me"), ("me", CHILD, "Mum")]),
    ("Cyril's sister Mavis, not church Mavis, came round with a Victoria sponge.",
     [("Mavis", SIB, "Cyril")], [("Cyril", SIB, "Mavis")]),
    ("Craig's mam Sandra was there already with a car full of balloons.",
     [("Sandra", MOTHER, "Craig")], [("Craig", CHILD, "Sandra")]),
    ("My husband's sister Leanne is getting married in May, in a castle, apparently.",
     [("Leanne", SIB_IN_LAW, "me")], [("me", SIB_IN_LAW, "Leanne")]),
    ("Gran's brother Alfie was down the pit all his life and never once complained.",
     [("Alfie", SIB, "Gran")],
     [("Gran", SIB, "Alfie"), ("Gran", GRAND, "me"), ("me", GRANDCHILD, "Gran"), ("Alfie", GREAT_AUNT, "me")]),
    ("My wife's mother, Kamala, is staying with us for the winter.",
     [("Kamala", IN_LAW, "me")], [("me", CHILD_IN_LAW, "Kamala")]),
    ("Tita Lorna, Mama's sister, sent another balikbayan box from San Diego.",
     [("Tita Lorna", SIB, "Mama")],
     [("Mama", SIB, "Tita Lorna"), ("Mama", MOTHER, "me"), ("me", CHILD, "Mama"), ("Tita Lorna", AUNT + "|tita", "me"),
      ("me", NIBLING, "Tita Lorna")]),
    ("Nani's funeral today, Mum's mum, at the crematorium on the ring road.",
     [("Nani", MOTHER, "Mum")],
     [("Mum", CHILD, "Nani"), ("Mum", MOTHER, "me"), ("me", CHILD, "Mum"), ("Nani", GRAND + "|nani", "me"),
      ("me", GRANDCHILD, "Nani")]),
    # -- a pronoun's chain: "his", "her" of the one person just named --
    ("I spent the morning clearing Jim's shed at the allotment with his daughter Linda.",
     [("Linda", CHILD, "Jim")], [("Jim", PARENT, "Linda")]),
    ("Auntie Delyth came down from Caernarfon with her son Osian driving, because her eyes aren't good at night.",
     [("Osian", CHILD, "Auntie Delyth")],
     [("Auntie Delyth", MOTHER, "Osian"), ("Auntie Delyth", AUNT, "me"), ("me", NIBLING, "Auntie Delyth"),
      ("Osian", "cousin", "me"), ("me", "cousin", "Osian")]),
    ("Rang Mrs Kaur about the fence. Her son Jaspreet will come and fix it on Saturday.",
     [("Jaspreet", CHILD, "Mrs Kaur")], [("Mrs Kaur", MOTHER, "Jaspreet")]),
    ("Dr Reyes came by the ward at six. Her husband Miguel is from Iloilo too, small world.",
     [("Miguel", SPOUSE, "Dr Reyes")], [("Dr Reyes", SPOUSE, "Miguel"), ("Dr Reyes", "doctor|gp", "me")]),
    # -- traps: no tie, or not the one a quick reader takes --
    ("Ruth has been a mother to me since I was fourteen.", [], []),
    ("Tom's dad took us fishing on the Severn. My dad never once did.", [], []),
    ("My friend Sasha's mum Irina made pelmeni for the whole street.",
     [("Irina", MOTHER, "Sasha")], [("Sasha", CHILD, "Irina"), ("Sasha", "friend", "me"), ("me", "friend", "Sasha")]),
    ('Grandad told us the story again: "Mum used to hide the biscuits in the piano." Nobody believes him.',
     [], [("Grandad", GRAND, "me"), ("me", GRANDCHILD, "Grandad"), ("Mum", MOTHER, "Grandad"), ("Grandad", CHILD, "Mum")]),
    ("Sister Agnes, the midwife, has been delivering babies in Cork since 1979.", [], [("Sister Agnes", "midwife", "me")]),
    ("Father O'Brien said the Mass for Dad's anniversary and got his name wrong.",
     [], [("Dad", FATHER, "me"), ("me", CHILD, "Dad")]),
    ("Big Brother is on again. Mum loves it, I can't stand it.",
     [], [("Mum", MOTHER, "me"), ("me", CHILD, "Mum")]),
    ("Dear Diary,\n\nHarriet's brother Rupert was at the party and he is SO annoying.\n\nLove, Poppy",
     [("Rupert", SIB, "Harriet")], [("Harriet", SIB, "Rupert")]),
    ("My brother-in-arms Danny from the regiment came to the funeral.", [], [("Danny", "friend|colleague", "me")]),
    ("Lucy calls her Nan every Sunday. I never knew my own nan.", [], []),
]

# Texts the branch still reads short of a careful reader (strict: each must start passing when it is read), by why.
NOT_A_PERSON = "a true tie not read yet: the kin word or name is not read as a person (people, not relations)"
CHAIN = ("a tie through an unnamed one's role ('my husband's sister') is not read: a rule for it read 0 of 1 right on half"
         " A, stated or 'perhaps'")
STILL = {
    "Dear Ellie,\n\nYour Nana": NOT_A_PERSON, "Dear Chidi,": NOT_A_PERSON, "Dear Priya,": NOT_A_PERSON,
    "how's your da": NOT_A_PERSON, "Grandma, Grandpa and my cousins": NOT_A_PERSON, "Dad's brother Ray": NOT_A_PERSON,
    "Auntie Delyth came down": NOT_A_PERSON,
    "Hi Sophie,": "an email signed with a kin word ('Love, Mum'): its reader is not read from the greeting (recall)",
    "Dear Joy,": "'you' outnumbers 'I' in a greeted letter: the one greeted is read as the writer (narrator; changing it made"
                 " a diary's letter to the writer wrong)",
    "Dear Ellen,\n\nYour mum": "'you' outnumbers 'I' in a greeted letter: the one greeted is read as the writer (narrator)",
    "Sarah, my brother's wife": CHAIN, "Chinedu, my husband's": CHAIN, "My husband's sister Leanne": CHAIN,
    "My wife's mother, Kamala": CHAIN,
    "Mum's sister Pat": "a one-line entry with no 'I' has no writer to tie 'Mum' to (recall)",
    "Nani's funeral today": "a possessive kin phrase set beside a name after other words ('Nani's funeral today, Mum's mum')",
}


def _opening(said) -> str:
    """A text's first words: an entry's, a chat's first message's, an email's body's."""
    if isinstance(said, dict):
        return said["eml"].split("\n\n", 1)[1]
    return said if isinstance(said, str) else said[0] if isinstance(said[0], str) else said[0][1]


def _marked(row):
    why = next((w for start, w in STILL.items() if _opening(row[0]).startswith(start)), None)
    return pytest.param(*row, marks=pytest.mark.xfail(reason=why, strict=True)) if why else row


TEXTS = [_marked(row) for row in TEXTS]
assert all(any(_opening(param_values(r)[0]).startswith(k) for r in TEXTS) for k in STILL), "a STILL key matches no text"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", TEXTS, ids=param_ids(TEXTS, label=_label))
def test_the_ties_a_careful_reader_states(db, tmp_path, said, want, also):
    with Memory(db) as memory:
        _tell(memory, said, tmp_path)
        check_ties(memory, want, also)


def test_the_set_is_large_enough():
    assert len(TEXTS) >= 50


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 10th text, each in a memory of its own, on both backends."""
    for i, (said, want, also) in enumerate(unmarked(TEXTS)[::10]):
        (tmp_path / f"c{i}").mkdir()
        with Memory(store_on(backend, request, tmp_path, f"t{i}")) as memory:
            _tell(memory, said, tmp_path / f"c{i}")
            check_ties(memory, want, also)


if __name__ == "__main__":  # the figures: `PYTHONPATH=$PWD python tests/test_relrec19.py`
    import sys
    import tempfile
    from pathlib import Path

    from conftest import show_ties, stated_ties, tie_is

    folder, right, stated, found, wanted, passed = Path(tempfile.mkdtemp()), 0, 0, 0, 0, 0
    only = {int(a) for a in sys.argv[1:]}
    for i, row in enumerate(TEXTS):
        if only and i not in only:
            continue
        said, want, also = param_values(row)
        (folder / f"c{i}").mkdir()
        with Memory(folder / f"m{i}.db") as memory:
            _tell(memory, said, folder / f"c{i}")
            ties = stated_ties(memory)
        wrong = [t for t in ties if not any(tie_is(w, t) for w in [*want, *also])]
        missed = [w for w in want if not any(tie_is(w, t) for t in ties)]
        right, stated = right + len(ties) - len(wrong), stated + len(ties)
        found, wanted, passed = found + len(want) - len(missed), wanted + len(want), passed + (not wrong and not missed)
        if wrong or missed:
            print(f"{i}: {_label(said)!r}: false {show_ties(wrong)}, missed {[w[::2] for w in missed]}")
    print(f"{len(TEXTS)} texts, {passed} read right: stated ties right {right}/{stated} (P {right / max(stated, 1):.3f}), "
          f"ties wanted found {found}/{wanted} (R {found / max(wanted, 1):.3f})")
