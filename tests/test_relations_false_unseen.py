"""False ties, on text never seen: sentences written for this test (none from the corpus or a benchmark), in several
Englishes (Irish, British, Scottish, American, South African, Indian, Australian), read by the whole pipeline. The forms
that make the errors of relations precision: a letter to a baby, a child or the dead, whose "your X" and whose kin
titles are the reader's; a sign-off ("Love, Dad x") that makes the signer kin of the one the letter is to, not of
someone named in it; a kin word said to or of someone as a word ("a good Mam and now a good Nana", "wants to be called
Pop", "Cian asked why Daddy has a mammy"); a tie wished or likened ("if she were my sister", "like a sister to me"); a
chat where each speaker's "mum" is their own. A trap must state no tie but those allowed; the true ties beside the
traps (the same forms telling a tie) must still be stated. A tie is STATED when read at or above people.FACT."""
import pytest

from remembrancer import Memory
from remembrancer.extract.relations import implied
from remembrancer.people import FACT

from conftest import add_said, check_ties, param_ids, store_on

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2025-06-14"

# (text, entries or chat turns; the ties that must be stated; other ties that may rightly be stated)
# A tie is (who, relation words joined by "|", of whom); "me" is the writer (in a chat, the first speaker).
TIES = [
    # letters to a baby, a child, the dead: "your X" is the reader's, the sign-off the reader's kin
    ("Dear Rosie,\n\nYour granny Eileen came to see you in the hospital today. She cried the whole time.\n\nLove,\nDad",
     [("Eileen", "grandmother|granny", "Rosie")], [("me", "father|dad", "Rosie"), ("Rosie", "daughter|child", "me"),
                                                 ("Dad", "father|dad", "Rosie")]),  # the signer is the writer
    ("Dear Dad,\n\nYour brother Ray came up to the grave on Sunday. He brought your old pipe and sat with you a while.\n\n"
     "Miss you,\nKaren", [("Ray", "brother", "Dad")],
     [("Dad", "father", "Karen"), ("Karen", "daughter|child", "Dad"), ("Ray", "uncle", "Karen")]),
    ("Dear Mam,\n\nYour sister Bernie rang on Sunday. She misses you something terrible.\n\nYour loving son,\nDes",
     [("Bernie", "sister", "Mam")], [("Mam", "mother", "Des"), ("Des", "son|child", "Mam"), ("Bernie", "aunt", "Des")]),
    ("Dear Bean,\n\nYour other granny, Maureen, has knitted you a hat with ears. Her husband Tom wants to be called Pop "
     "when you come.\n\nLove,\nDad", [("Tom", "husband", "Maureen")],
     [("Maureen", "grandmother|granny", "Bean"), ("Maureen", "wife", "Tom"), ("Tom", "grandfather", "Bean"),
      ("me", "father|dad", "Bean"), ("Bean", "daughter|son|child", "me")]),
    # a sign-off in a chat: the signer is kin of the one spoken to
    ([("Liam", "passed my driving test!!"), ("Irene", "Well done Liam pet. Nan xx"), ("Dee", "so proud of you")],
     [("Irene", "grandmother|nan", "me")], [("me", "grandson|grandchild", "Irene")]),
    # kin words said as words, beside the kin they name
    ("Mam rang after Mass. She's a great Nana to the kids, I'll give her that.", [("Mam", "mother", "me")], []),
    ("My husband Tom will make a brilliant Dad, whatever he says.", [("Tom", "husband", "me")], []),
    ("My son Jack asked why Daddy has a mammy and Mammy hasn't got one any more.", [("Jack", "son", "me")], []),
    ("My sister Carys has been like a second mum to my boys.", [("Carys", "sister", "me")], []),
    ("Tom is my brother. If he were my son I'd have grounded him for a month.", [("Tom", "brother", "me")], []),
    ("Priya is my sister-in-law, though I wish she were my sister.", [("Priya", "sister-in-law", "me")], []),
    ("My cousin Lwazi is coming to the braai on Sunday, he says he'll bring the boerewors.",
     [("Lwazi", "cousin", "me")], []),
    ("Mum called round with soup. My best friend Zara says I'm lucky to have her.", [("Zara", "friend", "me")],
     [("Mum", "mother", "me")]),
    ("A midwife called Rufaro came to check my stitches. She was lovely with the baby.", [("Rufaro", "midwife", "me")], []),
    ("Dear Aunt Ruth,\n\nMy husband Greg sends his love. We are all well here in Ohio.\n\nLove,\nMeg",
     [("Greg", "husband", "Meg")], [("Aunt Ruth", "aunt", "Meg"), ("Meg", "niece", "Aunt Ruth")]),
    ("Dear Nana,\n\nMy brother Kofi got into university! Mum cried at the kitchen table.\n\nLove,\nAma",
     [("Kofi", "brother", "Ama")], [("Nana", "grandmother", "Ama"), ("Mum", "mother", "Ama"), ("Mum", "mother", "Kofi"),
                                    ("Ama", "granddaughter|grandchild", "Nana"), ("Nana", "grandmother", "Kofi")]),
    ("Took Dad for his flu jab. My brother Sean met us there with the kids.", [("Sean", "brother", "me")],
     [("Dad", "father", "me"), ("Dad", "father", "Sean")]),
    ("Rang my daughter Aisling. She's a great mam to those two boys, in fairness.", [("Aisling", "daughter", "me")], []),
    ("Lunch with my sister Deepa. Her husband Arun is a good dad, but useless in a kitchen.",
     [("Deepa", "sister", "me"), ("Arun", "husband", "Deepa")], [("Arun", "brother-in-law", "me"), ("Deepa", "wife", "Arun")]),
    ([("Thabo", "my cousin Lwazi is at the braai"), ("Sizwe", "nice, tell him hi")], [("Lwazi", "cousin", "me")], []),
]

# (text, entries or chat turns; the only ties that may be stated: "*" is anyone)
TRAPS = [
    # "your X", and kin titles, in letters to a child, a baby or the dead: the reader's kin, not the writer's. A letter
    # with no "I" signed "Grandad" makes the signer a person of its own: the writer's ties are allowed to it (relrec19)
    ("Dear Rosie,\n\nYour granny Eileen came to see you in the hospital today. She cried the whole time.\n\nLove,\nDad",
     [("Eileen", "grandmother|granny", "Rosie"), ("me", "father|dad", "Rosie"), ("Rosie", "daughter|child", "me"),
      ("Dad", "father|dad", "Rosie")]),
    ("Dear Finn,\n\nYour uncle Mikey rang from Boston to say hello to you. He can't wait to meet you.\n\nLove,\nMam x",
     [("Mikey", "uncle", "Finn"), ("me", "mother|mam", "Finn"), ("Finn", "son|child", "me"), ("Mam", "mother|mam", "Finn")]),
    ("Dear Ellie,\n\nThank your mam and dad for the photos. Grandad has stuck them all over the fridge.\n\n"
     "Lots of love,\nNana xx", [("me", "grandmother|nana", "Ellie"), ("Nana", "grandmother|nana", "Ellie"), ("Ellie", "granddaughter|grandchild", "me"),
                                ("Grandad", "grandfather|grandad", "Ellie"), ("Grandad", "husband", "me"),
                                ("me", "wife", "Grandad")]),
    ("Dear Sam and Ellie,\n\nUncle Bob came round on Sunday with Auntie Mo. He wants to know if you have kangaroos in "
     "your garden.\n\nLove,\nGrandad", [("me", "grandfather|grandad", "Sam"), ("me", "grandfather|grandad", "Ellie"),
                                        ("Grandad", "grandfather|grandad", "Sam"), ("Grandad", "grandfather|grandad", "Ellie"),
                                        ("Sam", "grandson|grandchild", "me"), ("Ellie", "granddaughter|grandchild", "me"),
                                        ("Uncle Bob", "uncle", "Sam"), ("Uncle Bob", "uncle", "Ellie"),
                                        ("Auntie Mo", "aunt", "Sam"), ("Auntie Mo", "aunt", "Ellie"),
                                        ("Sam", "brother|sibling", "Ellie"), ("Ellie", "sister|sibling", "Sam")]),
    ("Dear Sam,\n\nAuntie Mo has had a fall and broken her wrist, but Bob says she is still bossing him about.\n\n"
     "Your loving Grandad,\nTom\n(I signed it properly this time, like you asked.)",
     [("me", "grandfather|grandad", "Sam"), ("Tom", "grandfather|grandad", "Sam"), ("Sam", "grandson|grandchild", "me"),
      ("Sam", "grandson|grandchild", "Tom"), ("Auntie Mo", "aunt", "Sam")]),
    ("Dear Jack,\n\nYour Pop took the tinnie out on Saturday and caught a flathead. Nan says hello.\n\nLove,\nMum",
     [("Pop", "grandfather|pop", "Jack"), ("Nan", "grandmother|nan", "Jack"), ("me", "mother|mum", "Jack"), ("Mum", "mother|mum", "Jack"),
      ("Jack", "son|child", "me"), ("Pop", "husband", "Nan"), ("Nan", "wife", "Pop")]),
    ("Dear wee Isla,\n\nYour granda took you tae the swings the day. He says you're the bonniest bairn in Fife.\n\n"
     "Love fae Mammy xx", [("granda", "grandfather", "Isla"), ("me", "mother|mammy", "Isla"), ("Isla", "daughter|child", "me")]),
    ("Dear Rohan,\n\nYour Nani has been asking when you will come home for Diwali. She has made laddoos for you.\n\n"
     "With blessings,\nPapa", [("Nani", "grandmother|nani", "Rohan"), ("me", "father|papa", "Rohan"), ("Rohan", "son|child", "me")]),
    ("Dear Lerato,\n\nYour gogo phoned from Soweto. She says you must wear your jersey in the cold.\n\nLove,\nMama",
     [("gogo", "grandmother|gogo", "Lerato"), ("me", "mother|mama", "Lerato"), ("Lerato", "daughter|child", "me")]),
    ("Dear Dad,\n\nYour brother Ray came up to the grave on Sunday. He brought your old pipe.\n\nMiss you,\nKaren",
     [("Ray", "brother", "Dad"), ("Dad", "father", "Karen"), ("Karen", "daughter|child", "Dad"), ("Ray", "uncle", "Karen")]),
    ("Dear Mam,\n\nYour grandson Conor made his Communion on Saturday. You'd have been so proud.\n\n"
     "Your loving daughter,\nSiobhan", [("Conor", "grandson", "Mam"), ("Mam", "grandmother", "Conor"), ("Mam", "mother", "Siobhan"),
                                        ("Siobhan", "daughter|child", "Mam")]),
    ("Dear Mam,\n\nYour sister Bernie rang on Sunday. She misses you something terrible.\n\nYour loving son,\nDes",
     [("Bernie", "sister", "Mam"), ("Mam", "mother", "Des"), ("Des", "son|child", "Mam"), ("Bernie", "aunt", "Des")]),
    # a sign-off makes the signer kin of the one the letter is to, not of one named in it
    ("Dear Bean,\n\nYour mam had the big scan on Tuesday and you were kicking the whole time. Joy, the midwife, says you "
     "are the right size.\n\nLove,\nDad x", [("me", "father|dad", "Bean"), ("Bean", "daughter|son|child", "me")]),
    ("Dear Aoife,\n\nJoy, the nurse on the ward, says you are doing great. Mam is taking it hard.\n\nLove,\nDad x",
     [("me", "father|dad", "Aoife"), ("Dad", "father|dad", "Aoife"), ("Aoife", "daughter|child", "me"), ("Mam", "mother", "me"),
      ("me", "son|child", "Mam"),
      ("Mam", "grandmother", "Aoife"), ("Aoife", "granddaughter|grandchild", "Mam")]),
    ("Dear Ms Byrne,\n\nThank you for all you did for our Jack this year. He loved being in your class.\n\n"
     "Kind regards,\nJack's Mum", [("me", "mother|mum", "Jack"), ("Jack", "son|child", "me"), ("Ms Byrne", "teacher", "Jack")]),
    ("Dear Mr Okoro,\n\nTunde will be off on Friday for his cousin's wedding in Lagos.\n\nThanks,\nTunde's Dad",
     [("me", "father|dad", "Tunde"), ("Tunde", "son|child", "me"), ("Mr Okoro", "teacher", "Tunde")]),
    ("Dear Ellie and Sam,\n\nSam, the football was your dad's when he was small, so look after it.\n\nLove,\nGrandad",
     [("me", "grandfather|grandad", "Sam"), ("me", "grandfather|grandad", "Ellie"), ("Grandad", "grandfather|grandad", "Sam"),
      ("Grandad", "grandfather|grandad", "Ellie"), ("Sam", "grandson|grandchild", "me"),
      ("Ellie", "granddaughter|grandchild", "me"), ("Sam", "brother|sibling", "Ellie"), ("Ellie", "sister|sibling", "Sam")]),
    ("Dear Maya,\n\nPriya, your teacher, rang to say you were brilliant in the play.\n\nLove,\nMummy",
     [("me", "mother|mummy", "Maya"), ("Mummy", "mother|mummy", "Maya"), ("Maya", "daughter|child", "me"),
      ("Priya", "teacher", "Maya")]),
    ("Dear Bean,\n\nYour other granny, Maureen, has knitted you a hat with ears. Her husband Tom wants to be called Pop "
     "when you come.\n\nLove,\nDad", [("Tom", "husband", "Maureen"), ("Maureen", "grandmother|granny", "Bean"),
                                     ("Maureen", "wife", "Tom"), ("Tom", "grandfather", "Bean"), ("me", "father|dad", "Bean"),
                                     ("Bean", "daughter|son|child", "me")]),
    # a kin word said as a word: of what someone is, or is called
    ("Tom's first Father's Day today. I told him he's a brilliant Dad.", []),
    ("Siobhan is a good Mam to those boys, whatever her sister says.", []),
    ("Gemma will make a great Mum. She's been practising on her nephews for years.", []),
    ("Happy Mother's Day to Lorraine. A good daughter, a good Mam and now a good Nana.", []),
    ("Everyone calls her Mo, and the baby will call her Granny Mo because she has decided so.", []),
    ("Her husband wants to be called Pop. He says Grandad makes him sound old.", []),
    ("The kids call him Uncle Dave though he's no relation, just Kev's mate from the pub.", [("Uncle Dave", "mate", "Kev")]),
    ("Driving home, Cian asked why Daddy has a mammy and a daddy and Mammy has only a mammy.", []),
    ("Ruby asked was Mummy coming to the party too. I said no, Mummy was at work.", []),
    ("Oisín wanted to know if Granda was under the ground the whole time.", []),
    # wished, likened or asked
    ("If Lorna were my sister I'd tell her straight what I think of him.", []),
    ("Carys has been like a sister to me since we were eleven.", []),
    ("Mrs Adeyemi treats me like her own daughter. I'd do anything for her.", []),
    ("I wish Priya was my sister instead of that one.", []),
    ("Is Dev your brother or your cousin? I can never keep track.", []),
    ("Everyone says Jodie could be my twin. We're not even related.", []),
    # chats: kin words said to the one spoken to, and each speaker's own mum
    ([("Lorraine", "Happy Mothers Day Mam, you're the best"),
      ("Irene", "Thank you love. You are a good daughter and a good Mam and now a good Nana yourself")],
     [("Irene", "mother|mam", "me"), ("Mam", "mother", "me"), ("me", "daughter", "Irene")]),
    ([("Thabo", "my mum says the braai is at hers on Sunday cuz"), ("Lwazi", "my mum says she's bringing the pap")],
     [("Mum", "mother", "me"), ("Mum", "mother", "Lwazi"), ("Lwazi", "cousin", "me"), ("me", "cousin", "Lwazi")]),
    ([("Kayla", "hey cuz my mom says you guys are coming for thanksgiving"),
      ("Jordan", "yeah my mom is making the pie, your mom is doing the turkey")],
     [("Mom", "mother", "me"), ("Mom", "mother", "Jordan"), ("Jordan", "cousin", "me"), ("me", "cousin", "Jordan")]),
    # roles one has in one's own life, said by a writer who does not have them
    ("Dear Bean,\n\nAntenatal class on Wednesday. There were six couples on yoga balls and a midwife called Sister Agnes "
     "who has delivered half of Cork.\n\nLove,\nDad", [("Dad", "father|dad", "Bean"), ("Bean", "daughter|son|child", "Dad")]),
    ("Took my wife to the antenatal clinic. The midwife, Tina, says the baby is head down at last.",
     [("Tina", "midwife", "*")]),
    # the ties a wrong one would imply
    ("Dear Aoife,\n\nJoy, the midwife, came to the house today. Da is keeping busy, which is how he takes things hard.\n\n"
     "Love,\nDad x", [("me", "father|dad", "Aoife"), ("Aoife", "daughter|child", "me"), ("Da", "father", "me"),
                     ("me", "son|child", "Da"), ("Da", "grandfather|grandparent", "Aoife"),
                     ("Aoife", "granddaughter|grandchild", "Da")]),
    ("Dear Lily,\n\nYour mummy and daddy are so proud of you. Your uncle Ben says you can have his old bike.\n\n"
     "Love,\nGranny", [("me", "grandmother|granny", "Lily"), ("Lily", "granddaughter|grandchild", "me"),
                        ("Ben", "uncle", "Lily")]),
]

# Chats where each speaker's "mum" is their own: no one is the mother of both.
OWN_MUMS = [
    [("Chloe", "miss you bestie. Mum's making me tidy my room"), ("Erin", "same, Mum's making me do the dishes lol")],
    [("Thabo", "my mum says the braai is at hers on Sunday cuz"), ("Lwazi", "my mum says she's bringing the pap")],
    [("Kayla", "hey cuz my mom says you guys are coming for thanksgiving"),
     ("Jordan", "yeah my mom is making the pie, your mom is doing the turkey")],
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said", OWN_MUMS, ids=["bestie", "cuz", "cousins"])
def test_each_speakers_mum_is_their_own(db, said):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        two = {r["person"] for r in memory.query("SELECT person FROM aliases WHERE alias IN (?, ?)", (said[0][0], said[1][0]))}
        assert len(two) == 2
        mothers = [r["subject"] for r in memory.query("SELECT subject, relation, object, confidence FROM relations")
                   if r["relation"].lower() in ("mother", "mum", "mom") and r["object"] in two
                   and (r["confidence"] if r["confidence"] is not None else 1.0) >= FACT]
        assert len(mothers) == len(set(mothers)), mothers


def test_an_implied_tie_is_as_sure_as_all_it_rests_on():
    """A grandmother through two mothers: a fact when both are told as facts, as sure as the weaker (relrec17: a
    mother's mother is a grandmother by what the words mean; implied14 said the product, 0.855 for 0.95 and 0.9), and
    nothing built on a "perhaps" tie."""
    sure = implied([(1, "mother", 2, 0.95), (2, "mother", 3, 0.95)], {1: "f", 2: "f", 3: "f"})
    assert [(s, w, o, c, rule) for s, w, o, c, _, rule in sure] == [(1, "grandmother", 3, 0.95, "parent+parent")]
    weaker = implied([(1, "mother", 2, 0.95), (2, "mother", 3, 0.9)], {1: "f", 2: "f", 3: "f"})
    assert [(s, w, o, c) for s, w, o, c, *_ in weaker] == [(1, "grandmother", 3, 0.9)]
    assert implied([(1, "mother", 2, 0.95), (2, "mother", 3, 0.87)], {1: "f", 2: "f", 3: "f"}) == []


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 8th tie and every 8th trap, each in a memory of its own, on both backends."""
    for i, (said, want, also) in enumerate(TIES[::8]):
        with Memory(store_on(backend, request, tmp_path, f"tie{i}")) as memory:
            add_said(memory, said, AT)
            check_ties(memory, want, also)
    for i, (said, allowed) in enumerate(TRAPS[::8]):
        with Memory(store_on(backend, request, tmp_path, f"trap{i}")) as memory:
            add_said(memory, said, AT)
            check_ties(memory, [], allowed)


# -- kin words that name different people for different speakers, titles of respect, kin words of other languages --
# (round 12) A tie rests on who says the kin word to whom: "Papa" said by a son and by his wife in one family chat is
# the family's name for one man, the father of one of them only; "Mom misses you" from a father to his daughter is in
# her words; "Lata Aunty", "Sharma Uncle" (a name before the title) is the respect given an elder, no kin; a kin word of
# another language is read as what it means, or not at all. Texts written for this test, in several cultures.
UNSEEN_TRAPS = [
    # a title of respect after a name: no kin
    ("Lata Aunty from next door brought dhokla again, still the best on the street.", []),
    ("Met Sharma Uncle at the temple today. He asked about my exams, as always.", []),
    ("Happy Diwali to Ramesh Uncle and everyone at number twelve!", []),
    ("Rita Aunty and Mohan Uncle came over for chai after the puja.", []),
    ("Bola Aunty from church came round with jollof for the kids.", []),
    ("Ahmed Uncle downstairs fixed our boiler again and would not take a penny.", []),
    ("Nimal Uncle drove us to the station in his old Morris.", []),
    ([("Kavita", "Lata Aunty sent over laddoos, she says happy Diwali"), ("Dev", "say thanks from us"),
      ("Isha", "she's the best")], []),
    ([("Ama", "Kofi Uncle fixed the gate for us, he won't take money"), ("Esi", "he is too kind"), ("Yaw", "legend")], []),
    ([("Farah", "Happy Eid to Tariq and Yusuf Uncle! Ammi says Eid Mubarak to everyone"), ("Zain", "Eid Mubarak"),
      ("Sana", "❤️")], [("Ammi", "mother|ammi", "me")]),
    # one parent word said by several speakers of a family chat: the family's name for someone, no one speaker's tie
    ([("Priyanka", "Papa you are coming to us for lunch, not the other way round"),
      ("Sunil", "Papa be ready at eleven, I'll pick you up"), ("Tanvi", "yay lunch")], [("Papa", "father|papa", "Sunil")]),
    ([("Meena", "Mummy has her eye appointment at three"), ("Raj", "I'll take Mummy, I'm free after two"),
      ("Tara", "thanks bhai")], []),
    ([("Zanele", "Mama is at the clinic, her sugar is high again"), ("Sipho", "I'm driving to Mama now"),
      ("Thandi", "keep us posted")], []),
    ([("Aisha", "Abbu is asking who took his reading glasses"), ("Imran", "not me, ask Abbu where he left them"),
      ("Hina", "lol")], []),
    ([("Grace", "Mommy landed safely in Manila"), ("Paolo", "thank God, tell Mommy we love her"), ("Bea", "🙏")], []),
    # a parent speaks of the family in the child's words: not the speaker's own parent
    ([("Vikas", "Drive safe beta. Mom misses you already"), ("Neha", "miss you too")],
     [("Mom", "mother|mom", "Neha"), ("Neha", "daughter|child", "Mom"), ("Mom", "wife", "me"), ("me", "husband", "Mom"),
      ("me", "father", "Neha"), ("Neha", "daughter|child", "me")]),
    ([("Sian", "Dad says he's proud of you, he's telling everyone at the club"), ("Owen", "aw cheers")],
     [("Dad", "father|dad", "Owen"), ("Owen", "son|child", "Dad"), ("Dad", "husband", "me"), ("me", "wife", "Dad"),
      ("me", "mother", "Owen"), ("Owen", "son|child", "me")]),
    ([("Anita", "Papa will pick you up after practice, wait by the gate"), ("Rohit", "ok")],
     [("Papa", "father|papa", "Rohit"), ("Rohit", "son|child", "Papa"), ("Papa", "husband", "me"), ("me", "wife", "Papa"),
      ("me", "mother", "Rohit"), ("Rohit", "son|child", "me")]),
    ([("Bev", "Happy birthday darl! Dad wants you to ring him tonight"), ("Jess", "will do!!")],
     [("Dad", "father|dad", "Jess"), ("Jess", "daughter|child", "Dad"), ("Dad", "husband", "me"), ("me", "wife", "Dad"),
      ("me", "mother", "Jess"), ("Jess", "daughter|child", "me")]),
    ([("Gloria", "Mommy says you should bring your jacket, it's cold"), ("Sam", "ok ok"), ("Leah", "listen to mommy lol")],
     [("Mommy", "mother|mommy", "Sam"), ("Mommy", "mother|mommy", "Leah")]),
    # kin words of another language: what they mean, or nothing
    ("Didi came over with the kids and Jiju stayed home to watch the cricket.",
     [("Didi", "sister", "me"), ("Jiju", "brother-in-law", "me"), ("Jiju", "husband", "Didi"), ("Didi", "wife", "Jiju")]),
    ("Bhabhi made the best undhiyu this Uttarayan, even Bhai said so.",
     [("Bhabhi", "sister-in-law", "me"), ("Bhai", "brother", "me"), ("Bhabhi", "wife", "Bhai"), ("Bhai", "husband", "Bhabhi")]),
    ("Kaka and Kaki drove down from Vadodara for the engagement.",
     [("Kaka", "uncle", "me"), ("Kaki", "aunt", "me"), ("Kaka", "husband", "Kaki"), ("Kaki", "wife", "Kaka")]),
    ("Masi sent a parcel of snacks from Ahmedabad, and Masa wrote a card.",
     [("Masi", "aunt", "me"), ("Masa", "uncle", "me"), ("Masa", "husband", "Masi"), ("Masi", "wife", "Masa")]),
    ("Dada told the kids stories about the farm in Anand all evening.", [("Dada", "grandfather", "*")]),
    ("Ba was the one who taught me to roll rotlis, and she never measured anything.", [("Ba", "grandmother|mother", "me")]),
]

# The ties that must stay beside them: kin told plainly, a kin title before a name, one speaker's own parent.
UNSEEN_TIES = [
    ("My uncle Ramesh came from Pune for the wedding.", [("Ramesh", "uncle", "me")], []),
    ("Joan is my aunt. She rang from Leeds to wish me a happy birthday.", [("Joan", "aunt", "me")], []),
    ("Uncle Bob came round for Sunday lunch with my cousin Dean.", [("Dean", "cousin", "me")],
     [("Uncle Bob", "uncle", "me"), ("Dean", "son|child", "Uncle Bob"), ("Uncle Bob", "father", "Dean")]),
    ("My brother-in-law Vikas drove us to the airport at five in the morning.", [("Vikas", "brother-in-law", "me")], []),
    ("My sister Anjali came for Raksha Bandhan with her husband Manoj.", [("Anjali", "sister", "me")],
     [("Manoj", "husband", "Anjali"), ("Manoj", "brother-in-law", "me"), ("Anjali", "wife", "Manoj")]),
    ("Our neighbour Mrs Shah looked after the dog, and my son Kabir walked him twice a day.", [("Kabir", "son", "me")],
     [("Mrs Shah", "neighbour", "me")]),
    ("My uncle Kofi is visiting from Kumasi for a month.", [("Kofi", "uncle", "me")], []),
    ([("Tom", "Dad's out of hospital, home by tea"), ("Ellen", "thank god"), ("Rob", "great news")],
     [("Dad", "father|dad", "me")], [("Dad", "father|dad", "Ellen"), ("Dad", "father|dad", "Rob")]),
    ([("Funmi", "Mummy just landed in Abuja safely"), ("Tayo", "thank God"), ("Kemi", "🙏🏾")],
     [("Mummy", "mother|mummy", "me")], []),
    ("My mother Usha came over for Diwali and stayed till the fireworks were done.", [("Usha", "mother", "me")], []),
    ([("Lerato", "Mama you're a star, thanks for the lift"), ("Kagiso", "she really is")], [("Mama", "mother|mama", "me")],
     [("Mama", "mother|mama", "Kagiso")]),
]


# (round 12) kin words said of someone in a message to another, and an elder called "Uncle" alone
UNSEEN_TRAPS_TOLD = [
    ([("Marian", "Ciarán, ring me when you're up. Uncle Pat died last night"), ("Ciarán", "oh no mam, ringing now")],
     [("Uncle Pat", "uncle", "Ciarán"), ("Ciarán", "nephew", "Uncle Pat"), ("Marian", "mother|mam", "Ciarán"),
      ("me", "mother|mam", "Ciarán"), ("Ciarán", "son|child", "me"), ("Uncle Pat", "brother", "me")]),
    ([("Deepa", "We will visit next summer, Uncle. The kids want to see the farm"), ("Harish", "Come anytime beta"),
      ("Sunita", "yes please")], []),
]


# every set of texts above, read the same way: the ties wanted stated, and nothing stated but those and the ties allowed
ALL_TIES = TIES + UNSEEN_TIES
ALL_TRAPS = TRAPS + UNSEEN_TRAPS + UNSEEN_TRAPS_TOLD


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", ALL_TIES, ids=param_ids(ALL_TIES))
def test_a_tie_beside_the_traps_is_stated(db, said, want, also):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        check_ties(memory, want, also)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, allowed", ALL_TRAPS, ids=param_ids(ALL_TRAPS))
def test_no_false_tie_is_stated(db, said, allowed):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        check_ties(memory, [], allowed)
