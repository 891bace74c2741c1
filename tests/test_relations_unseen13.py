"""Ties on text never seen (round 13): short texts written for this test, before the relation rules were read, in many
Englishes and forms (diaries, letters, emails, carer notes, family and friends' chats with several speakers). Each has
the ties a careful reader would state, and traps: a kin word that is someone else's ("Jo's mum Ann", "her husband",
"my friend's daughter"); reported speech and quotes; kin words of address or respect ("Aunty Bisi" who is no aunt,
"bro", "sis", "Pops", "son" to a stranger, "Sister" on a ward); a kin word in a list that belongs to another name
("Mum, Dad and Kerry"); in-laws and steps; ex-partners; a partner's children; godchildren; pets called "my baby";
patients and clients; characters in books and on television; chats whose "I" and "my" change with the speaker. A tie is
only between two people both named. STATED is at or above people.FACT (conftest's stated_ties)."""
import pytest

from remembrancer import Memory

from conftest import add_said, check_ties, param_ids, store_on, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2025-09-20"
# a true tie not read yet: recall, a later issue (strict: the row must start passing when it is read)
RECALL = pytest.mark.xfail(reason="a true tie not read yet (recall)", strict=True)

# (text: an entry, entries, or chat turns (speaker, text) whose first speaker is "me"; the ties that must be stated;
# other ties that may rightly be stated). A tie is (who, relation words joined by "|", of whom).
TEXTS = [
    # -- someone else's kin: the possessor is the name before the kin word, or the one "his"/"her" points back to --
    ("Had coffee with Jo in town. Jo's mum Ann is having her hip done next week.",
     [("Ann", "mother|mum", "Jo")], [("Jo", "daughter|son|child", "Ann")]),
    ("Bumped into Sipho at the Spar. His wife Thandi is expecting again, number three!",
     [("Thandi", "wife", "Sipho")], [("Sipho", "husband", "Thandi")]),
    ("Margaret popped in for a cuppa. Her husband has been poorly since Easter.", [], []),
    ("My friend's daughter Kaylee starts at the dance academy on Monday.", [], []),
    ("Dinner at Raj's place. His brother Vikram cooked the biryani and it was superb.",
     [("Vikram", "brother", "Raj")], [("Raj", "brother", "Vikram")]),
    ("Fiona rang. She says her son Callum has moved up to Aberdeen for the rigs.",
     [("Callum", "son", "Fiona")], [("Fiona", "mother", "Callum")]),
    ("Went round to see Grace. Her grandson Tobi sorted out my phone in two minutes.",
     [("Tobi", "grandson", "Grace")], [("Grace", "grandmother", "Tobi")]),
    ("Rang Val. Her granddaughter Poppy has the chickenpox, so no visit this week.",
     [("Poppy", "granddaughter", "Val")], [("Val", "grandmother", "Poppy")]),
    ("My buddy Mike's dad Frank passed last spring. I still can't believe it.",
     [("Frank", "father|dad", "Mike")], [("Mike", "son|child", "Frank"), ("Mike", "friend|buddy", "me")]),
    ("Ruth told me her dad Harold was a miner in Barnsley for thirty years.",
     [("Harold", "father|dad", "Ruth")], [("Ruth", "daughter|child", "Harold")]),
    ("Ellen's husband, Rick, and my husband, Paul, went fishing at the lake all day.",
     [("Rick", "husband", "Ellen"), ("Paul", "husband", "me")], [("Ellen", "wife", "Rick"), ("me", "wife", "Paul")]),
    ("Her daughter is in the same class as my daughter Abby.", [("Abby", "daughter", "me")], [("me", "mother|father", "Abby")]),
    ("Gran's sister Edie came for tea. Gran still calls her my baby sister, and Edie is eighty-four.",
     [("Edie", "sister", "Gran")], [("Gran", "grandmother|gran", "me"), ("Gran", "sister", "Edie"),
                                    ("Edie", "great-aunt|aunt", "me")]),
    ("Caught up with Shazza and her old man Bruce at the RSL on Friday arvo.", [],
     [("Bruce", "husband|partner", "Shazza"), ("Shazza", "wife|partner", "Bruce")]),
    ("My daughter, her friend Maisie and Maisie's mum Gail went to the panto.",
     [("Gail", "mother|mum", "Maisie")], [("Maisie", "daughter|child", "Gail")]),
    # -- reported speech and quotes: a kin word in a quote is the speaker's, said to the one spoken to --
    ("'Thank you, my son,' the old man said when Kwame carried his bags up the stairs.", [], []),
    ("Dev told me, \"My sister Anjali is getting married in March.\"",
     [], [("Anjali", "sister", "Dev"), ("Dev", "brother", "Anjali")]),
    ("In the film the villain tells Mara, 'I am your father,' and the whole cinema gasped.", [], []),
    ("The nurse said, 'Your husband is asking for you, Mrs Reid.' I had to step out.", [], []),
    # -- kin words of address or respect: no kin --
    ("Aunty Bisi is not really our aunty, she is Mum's friend from church.", [],
     [("Mum", "mother|mum", "me"), ("Bisi", "friend", "Mum"), ("Aunty Bisi", "friend", "Mum")]),
    ("Uncle Jim isn't a real uncle, he was Dad's best mate from the army.", [],
     [("Dad", "father|dad", "me"), ("Jim", "friend|mate", "Dad"), ("Uncle Jim", "friend|mate", "Dad")]),
    ([("Dayo", "bro you coming tonight?"), ("Femi", "yeah bro, I'm bringing Tunde"), ("Tunde", "see you there bro")], [], []),
    ([("Keisha", "sis you good?"), ("Monique", "im good sis, just tired from work")], [], []),
    ("Pops at the corner shop gave me an extra samosa again. Lovely old fella.", [], []),
    ("A lady at the bus stop called me son and asked the way to the hospital.", [], []),
    ("\"Thanks, son,\" said the taxi driver, Gerry, \"mind how you go.\"", [], []),
    ("Big shout out to Mama Ngozi who runs the canteen, she feeds half the estate.", [], []),
    pytest.param("Sister Agnes on the ward was so kind to Mum today.", [("Mum", "mother|mum", "me")], [], marks=RECALL),
    ("Brother Thomas led the prayers at the funeral. He knew Granddad from the parish.",
     [], [("Granddad", "grandfather|granddad", "me")]),
    ("My mum's friend Hazel, who I have always called Auntie Hazel, sent a lovely card.", [],
     [("Hazel", "friend", "*"), ("Auntie Hazel", "friend", "*")]),
    # -- a kin word in a list belongs to its own place in the list, not to the next name --
    pytest.param("Christmas at ours: Mum, Dad and Kerry came, and Kerry's boyfriend Dan.",
     [("Mum", "mother|mum", "me"), ("Dad", "father|dad", "me"), ("Dan", "boyfriend|partner", "Kerry")],
     [("Dad", "husband", "Mum"), ("Mum", "wife", "Dad"), ("Kerry", "girlfriend|partner", "Dan")], marks=RECALL),
    ("Went to the beach with my sister, Tom and the twins.", [], []),
    ("My brother and Claire came over for lunch on Sunday.", [], []),
    ("Saw my niece, Chloe, at the match. She's grown so tall.", [("Chloe", "niece", "me")], [("me", "aunt|uncle", "Chloe")]),
    ("Grandma, Aunt Rose, Pearl and I went to the quilting fair in Lancaster.", [],
     [("Grandma", "grandmother|grandma", "me"), ("Aunt Rose", "aunt", "me"), ("Rose", "aunt", "me")]),
    ("Dropped round Mam's with Nuala, Ciara and the kids.", [], [("Mam", "mother|mam", "me")]),
    ("Invited the cousins, Bongani and Lerato, plus my neighbour Themba.", [],
     [("Bongani", "cousin", "me"), ("Lerato", "cousin", "me"), ("Themba", "neighbour|neighbor", "me")]),
    # -- in-laws and steps: the tie is the in-law or step tie, never the blood one --
    ("My mother-in-law Pat is staying till Sunday. Lord give me strength.", [("Pat", "mother-in-law", "me")], []),
    ("My stepdad Gary took me fishing every summer when I was twelve.", [("Gary", "stepfather|stepdad", "me")], []),
    ("Had a long talk with my stepson Ryan about his exams.", [("Ryan", "stepson", "me")], []),
    ("My sister-in-law Noor sent a box of Eid sweets all the way from Lahore.", [("Noor", "sister-in-law", "me")], []),
    pytest.param("Ben's stepmum Carol drove him to football this morning.", [("Carol", "stepmother|stepmum", "Ben")], [], marks=RECALL),
    ("My husband's brother Aled is coming to stay for a week.", [], [("Aled", "brother-in-law", "me")]),
    ("My wife's mum, Dorothy, turned ninety today. Cake and sherry all round.", [],
     [("Dorothy", "mother-in-law", "me")]),
    ("Today my co-brother Suresh came with his wife Lakshmi for the housewarming.", [("Lakshmi", "wife", "Suresh")],
     [("Suresh", "husband", "Lakshmi"), ("Suresh", "brother-in-law|co-brother", "me")]),
    ("My son-in-law Dimitri fixed the gutter before the rain came.", [("Dimitri", "son-in-law", "me")], []),
    # -- ex-partners: an ex is no husband, wife or partner now --
    ("My ex-husband Gavin has the kids this weekend, thank God.", [], [("Gavin", "ex-husband|ex", "me")]),
    ("Ran into my ex, Jade, at Tesco. Hid behind the cereal.", [], [("Jade", "ex|ex-girlfriend|ex-partner", "me")]),
    ("Sal used to be married to my cousin Rob, but they split years ago.", [("Rob", "cousin", "me")],
     [("Sal", "ex-wife|ex", "Rob"), ("Rob", "ex-husband|ex", "Sal")]),
    # -- a partner's children are the partner's --
    ("My partner Lou's daughter Maya stayed over last night. She's eight and full of questions.",
     [("Maya", "daughter", "Lou")], [("Lou", "partner", "me"), ("Lou", "mother|father|parent", "Maya")]),
    ("My boyfriend Chris has two boys, Alfie and Jack, from his first marriage.", [],
     [("Chris", "boyfriend|partner", "me"), ("Alfie", "son", "Chris"), ("Jack", "son", "Chris"),
      ("Chris", "father", "Alfie"), ("Chris", "father", "Jack"), ("Alfie", "brother", "Jack"), ("Jack", "brother", "Alfie")]),
    # -- godchildren and godparents --
    ("My goddaughter Isla turned seven today. Sent her a book token.", [], [("Isla", "goddaughter", "me")]),
    ("Father Brendan, my godfather, said the Mass on Sunday.", [], [("Brendan", "godfather", "me"),
                                                                    ("Father Brendan", "godfather", "me")]),
    # -- pets --
    ("Took my baby Biscuit to the vet, poor thing has fleas again.", [], []),
    ("My boy Rex chewed the sofa again. Bad dog.", [], []),
    ("Our girl Luna had her kittens in the airing cupboard last night.", [], []),
    # -- patients and clients: the carer's notes tell the patient's kin, not the carer's --
    ("Shift notes. My lady in bed 4, Edna, ate well today. Her son Peter visited at three.",
     [("Peter", "son", "Edna")], [("Edna", "mother", "Peter")]),
    ("Care notes 14:00. Visited Mr Dlamini. His daughter Zanele asked about his tablets; told her to ring the GP.", [],
     [("Zanele", "daughter", "*"), ("*", "father", "Zanele")]),
    ("My client Barbara's husband Ken was difficult on the phone again.", [("Ken", "husband", "Barbara")],
     [("Barbara", "wife", "Ken"), ("Barbara", "client", "me")]),
    ("Doris in room 12 thinks I'm her daughter Linda. Redirected her gently.", [],
     [("Linda", "daughter", "Doris"), ("Doris", "mother", "Linda")]),
    pytest.param("10:30 Gave Albert his tablets. His wife Mavis rang, upset. Albert asked for his mother again.",
     [("Mavis", "wife", "Albert")], [("Albert", "husband", "Mavis")], marks=RECALL),
    # -- characters in books and on television --
    ("Finished Little Women last night. Jo is the best sister in all of fiction.", [], []),
    ("Watched EastEnders with tea. Phil's son Ben is back in Walford again.", [],
     [("Ben", "son", "Phil"), ("Phil", "father", "Ben")]),
    # -- chats: "I" and "my" are each speaker's own --
    ([("Aisha", "my mum is coming on Friday"), ("Bilal", "my mum too! she's bringing Zain"),
      ("Aisha", "lol mums unite")], [], []),
    ([("Grace", "My brother Kofi passed his driving test!"), ("Ama", "congrats Kofi! my brother Yaw failed his lol")],
     [("Kofi", "brother", "Grace"), ("Yaw", "brother", "Ama")],
     [("Grace", "sister|sibling", "Kofi"), ("Ama", "sister|sibling", "Yaw")]),
    ([("Sean", "Da's in hospital again"), ("Niamh", "oh no, tell your da I was asking for him"), ("Sean", "will do")],
     [], [("Da", "father|da", "Sean")]),
    ([("Leah", "my husband Josh is useless with the baby"), ("Tara", "haha my husband Mark is worse")],
     [("Josh", "husband", "Leah"), ("Mark", "husband", "Tara")], [("Leah", "wife", "Josh"), ("Tara", "wife", "Mark")]),
    ([("Dan", "my daughter Evie got into Leeds!"), ("Priya", "amazing! my Riya is still deciding")],
     [("Evie", "daughter", "Dan")], [("Riya", "daughter|child", "Priya"), ("Dan", "father", "Evie")]),
    ([("Mo", "Hana, your mum called"), ("Hana", "ugh ok, I'll ring her back")], [], []),
    ([("Tom", "Kate, your sister Beth is downstairs"), ("Kate", "tell her to come up")],
     [("Beth", "sister", "Kate")], [("Kate", "sister", "Beth")]),
    ([("Joy", "Happy birthday my darling grandson!"), ("Kai", "thanks Nana, love you")], [],
     [("Kai", "grandson|grandchild", "Joy"), ("Joy", "grandmother|nana", "Kai")]),
    ([("Zoe", "my boss Helen is off sick"), ("Ife", "Helen from accounts? her son goes to my Tayo's school")], [],
     [("Helen", "boss|manager", "Zoe"), ("Tayo", "son|child", "Ife")]),
    ([("Carmen", "Mi abuela Rosa turns 90 on Sunday!"), ("Lucia", "aww tell Rosa happy birthday from me")], [],
     [("Rosa", "grandmother|abuela", "Carmen")]),
    ([("Shona", "Mum's making stovies tonight if you want some"), ("Kirsty", "yes please!! tell Auntie Jean I love her"),
      ("Shona", "she says you're her favourite niece lol")],
     [], [("Auntie Jean", "aunt", "Kirsty"), ("Kirsty", "niece", "Auntie Jean"), ("Mum", "mother|mum", "me"),
          ("Auntie Jean", "mother|mum", "me")]),
    ([("Nikhil", "my wife Pooja says hi to everyone"), ("Arjun", "hi Pooja! my wife says hi back")],
     [("Pooja", "wife", "Nikhil")], [("Nikhil", "husband", "Pooja")]),
    # -- emails and letters --
    ("Hi Sarah,\n\nJust to confirm, my colleague Omar will cover the meeting. His wife Leila has just had a baby.\n\n"
     "Best,\nDavid", [("Leila", "wife", "Omar")],
     [("Omar", "husband", "Leila"), ("Omar", "colleague", "David"), ("Omar", "colleague", "me")]),
    ("Dear Mr Ahmed,\n\nThank you for your letter about your father's care. I have passed it to my manager, Claire.\n\n"
     "Kind regards,\nJanet", [], [("Claire", "manager|boss", "*")]),
    ("Hi all, please welcome Ngozi to the team! Her sister Chioma already works with us in finance.",
     [("Chioma", "sister", "Ngozi")], [("Ngozi", "sister", "Chioma")]),
    ("Dear Gran,\n\nMaddie and her husband Josh came for Sunday dinner. Josh carved.\n\nLove,\nEllie",
     [("Josh", "husband", "Maddie")],
     [("Gran", "grandmother|gran", "Ellie"), ("Ellie", "granddaughter|grandchild", "Gran"), ("Maddie", "wife", "Josh")]),
    # -- other Englishes --
    ("My in-law Chuka came to greet us. His mother, Mama Uche, sent yams from the village.", [],
     [("Mama Uche", "mother", "Chuka"), ("Uche", "mother", "Chuka"), ("Chuka", "son", "*"),
      ("Chuka", "brother-in-law|in-law", "me")]),
    pytest.param("Mi cousin Delroy reach from Kingston yesterday, him and him baby-mother Sharon.", [("Delroy", "cousin", "me")],
     [("Sharon", "partner|girlfriend|ex|wife", "Delroy"), ("Delroy", "partner|boyfriend|husband", "Sharon")], marks=RECALL),
    ("Oor Jamie's wean, wee Rory, was at the door wi' a bag o' messages.", [],
     [("Rory", "son|child|wean", "Jamie"), ("Jamie", "father|parent", "Rory"),
      ("Rory", "son|child|wean", "Oor Jamie")]),  # "Oor" (our) is read as part of his name: a people matter
    pytest.param("Kamala aunty's son Vivek is now in Bangalore with Infosys.", [("Vivek", "son", "Kamala")],
     [("Kamala", "mother", "Vivek")], marks=RECALL),
    # -- a voice memo as transcribed: no stops, "so", "um", a kin word and a name run together --
    ("so um I saw Dermot today his sister Orla is back from Sydney and she says hi to everyone", [],
     [("Orla", "sister", "Dermot"), ("Dermot", "brother", "Orla")]),
    ("right so note to self ring Mam about Sunday and tell Declan his daughter left her coat here", [],
     [("Mam", "mother|mam", "me")]),
    ("okay so my neighbour Pam her husband Clive had a fall yesterday and the ambulance took ages", [],
     [("Pam", "neighbour|neighbor", "me"), ("Clive", "husband", "Pam"), ("Pam", "wife", "Clive")]),
    ("reminder Bernadette's mum Kathleen is ninety on the fourth get a card", [("Kathleen", "mother|mum", "Bernadette")],
     [("Bernadette", "daughter|child", "Kathleen")]),
    # -- cousins in a chat: one's "my mum" is the other's aunt; each "I" is the speaker --
    ([("Shona", "my mum says your mum still owes her a tenner lol"), ("Kirsty", "typical Auntie Jean"),
      ("Shona", "she'll never let it go")], [], [("Jean", "aunt", "Kirsty"), ("Auntie Jean", "aunt", "Kirsty")]),
    ([("Rhys", "Nan's coming to ours for Christmas"), ("Cerys", "my dad said your dad is doing the turkey"),
      ("Rhys", "god help us")], [], [("Nan", "grandmother|nan", "Rhys"), ("Nan", "grandmother|nan", "Cerys")]),
    ([("Amir", "my brother Karim got engaged!!"), ("Yasmin", "no way, to Leila?"), ("Amir", "yep, wedding next summer")],
     [("Karim", "brother", "Amir")], [("Amir", "brother|sibling", "Karim"), ("Leila", "fiancee|fiancée|fiance|partner", "Karim"),
                                      ("Karim", "fiance|fiancé|partner", "Leila")]),
    ([("Tiff", "has anyone heard from Uncle Ray"), ("Jade", "my dad spoke to him Tuesday, he's fine"),
      ("Tiff", "ok good")], [], [("Uncle Ray", "uncle", "*"), ("Ray", "uncle", "*")]),
    # -- a letter in Scots --
    ("Dear Isa,\n\nMa maw's no been weel. Oor Jean's man Wullie took her tae the doctor.\n\nYours aye,\nMags",
     [], [("Wullie", "husband|man", "Jean"), ("Jean", "wife", "Wullie"), ("Jean", "sister", "Mags"),
          ("Jean", "sister", "me")]),
    pytest.param("Dear Senga,\n\nYer cousin Bobby came roond wi his new lassie, Morag. Nice enough.\n\nLove,\nAgnes",
     [("Bobby", "cousin", "Senga")], [("Morag", "girlfriend|partner|lassie", "Bobby"), ("Bobby", "boyfriend|partner", "Morag")], marks=RECALL),
    # -- friends and colleagues: the possessor is the friend --
    ("Lunch with Gemma from work. Her fiancé Olly is a chef, lucky her.", [("Olly", "fiance|fiancé", "Gemma")],
     [("Gemma", "fiancee|fiancée", "Olly"), ("Gemma", "colleague", "me")]),
    ("Walked the dogs with Hannah. Her dad Clive, my old teacher, is in a home now.", [("Clive", "father|dad", "Hannah")],
     [("Hannah", "daughter|child", "Clive"), ("Clive", "teacher", "me")]),
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", TEXTS, ids=param_ids(TEXTS))
def test_the_ties_a_careful_reader_states(db, said, want, also):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        check_ties(memory, want, also)


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 12th text, each in a memory of its own, on both backends."""
    for i, (said, want, also) in enumerate(unmarked(TEXTS)[::12]):
        with Memory(store_on(backend, request, tmp_path, f"t{i}")) as memory:
            add_said(memory, said, AT)
            check_ties(memory, want, also)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, tie", [
    ("Went to the beach with my sister, Tom and the twins.", ("tom", "sister", "me")),
    ("Took my baby Biscuit to the vet, poor thing has fleas again.", ("biscuit", "baby", "me")),
    ("Caught up with Shazza and her old man Bruce at the RSL on Friday arvo.", ("bruce", "man", "shazza")),
], ids=["a list after a comma", "my baby", "her old man"])
def test_a_doubtful_tie_is_kept_as_perhaps(db, said, tie):
    """A tie read from a list or a word of endearment is kept, below the fact threshold: "perhaps", not dropped."""
    from remembrancer.people import FACT

    from conftest import person_names

    with Memory(db) as memory:
        add_said(memory, said, AT)
        names = person_names(memory)
        read = [(r["relation"].lower(), r["confidence"]) for r in memory.query("SELECT * FROM relations")
                if tie[0] in names[r["subject"]] and tie[2] in names[r["object"]]]
        assert (tie[1], 0.5) in read and all(c < FACT for _, c in read), read
