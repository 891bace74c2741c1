"""A kin word used as a name, beside the named person it means (issue 13, kinbeside19): texts never seen, written
before any join rule was read, none from the corpus or a benchmark. Diaries of one entry or several, letters, notes-app
Markdown, emails and chats (turns, and JSONL logs), in British, Irish, Scottish, Welsh, American, Australian, New
Zealand, South African, Indian, Pakistani, Nigerian, Jamaican, Filipino and Cypriot English.

ONE: the text makes plain that a kin word used as a name ("Mum", "Nana", "Dad") and a named person are one ("my mum,
Sandra", "Sandra (Mum)", "Nana Pat" then "Nana", a son typing "Mum" to the speaker who answers): listed once, the kin
word an alias of the named person.
TWO: a kin word and a name, or two names, the text says are different people (two grandmothers, each speaker's own
"Mum", a husband the children call "Dad", a mother-in-law who asks to be called "Mum", a late mother and a
stepmother): never one. A wrong merge is as bad as a false death, so these are half the set and more. `apart` are
names no one person may hold two of (a name not read at all is a miss, not a merge); `never` the (name, word) pairs
the person holding the name must not also be called by."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, listed_people, store_on, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2024-06-03"


def _mail(sender, to, subject, body):
    """An email (`import email`, an .eml file) from the writer."""
    return {"eml": f"From: {sender} <{sender.split()[0].lower()}@example.com>\nTo: {to} <{to.split()[0].lower()}@example.org>"
                   f"\nSubject: {subject}\nDate: Mon, 03 Jun 2024 09:00:00 +0000\nMessage-ID: <1@example.com>\n\n{body}\n",
            "me": sender}


def one(said, *names, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, names, marks=marks)


def two(said, apart, never=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(apart), tuple(never), marks=marks)


def _label(said):
    if isinstance(said, dict):
        said = said["jsonl"][0]["text"] if "jsonl" in said else said["eml"].split("\n\n", 1)[1]
    elif not isinstance(said, str):
        said = " / ".join(t if isinstance(t, str) else t[1] for t in said)
    return said[:40]


VOC = ("the writer's kin word said to the other speaker of a chat (\"Mum can you ...\") goes to that speaker as a mention, "
       "never as a name of theirs (narrator: another speaker's \"Mum\" is another person)")

ONE = [
    # a kin word in apposition to a name, or a name in brackets after a kin word, and the kin word again
    one("My mum, Sandra, is seventy on Friday. Mum wants a quiet one, she says, which means a party.", "Mum", "Sandra"),
    one("Lunch at the garden centre. Sandra (Mum) had the scones and Mum moaned about the price of the tea.",
        "Mum", "Sandra"),
    one("My mom, Debbie, flew in from Phoenix this morning. Mom brought enough snacks for an army.", "Mom", "Debbie"),
    one("Mammy rang after Mass. Mammy (Kathleen to the neighbours) wants us all down for the Stations.",
        "Mammy", "Kathleen"),
    one("Ma (Jessie Munro) turned eighty-two the day. Ma still does her own messages up the Main Street.",
        "Ma", "Jessie Munro"),
    one("Mam, Gwenllian Pugh, was born in Bala in 1949. Mam still speaks Welsh to the cat and English to us.",
        "Mam", "Gwenllian Pugh"),
    one("Dad, or Kevin as the blokes at the RSL call him, won the meat tray again. Dad was stoked.", "Dad", "Kevin"),
    one("Amma is visiting from Chennai. My mother, Lakshmi, has brought three suitcases of pickles. Amma says the flat "
        "is too cold.", "Amma", "Lakshmi"),
    one("Daddy's sixtieth in Enugu. My father, Emeka Obi, danced until two. Daddy says he is not tired at all.",
        "Daddy", "Emeka Obi"),
    one("Papa rang from Limassol. My father, Giorgos, never trusts the phone line. Papa shouts every word.",
        "Papa", "Giorgos"),
    one("Mother (Margaret Hale) came to stay for the week. Mother rearranged my kitchen cupboards twice.",
        "Mother", "Margaret Hale"),
    one("Mummy, Precious Campbell, turned seventy on Saturday. Mummy cried when she saw the cake.",
        "Mummy", "Precious Campbell"),
    one("Ammi made biryani for Eid. Ammi, Nasreen to her sisters, fed forty people and still sent us home with boxes.",
        "Ammi", "Nasreen"),
    one("Nani, Kamla Devi, is ninety-one. Nani still reads the Tribune every morning without her glasses.",
        "Nani", "Kamla Devi"),
    one("Granny, Bríd to her friends in the ICA, made brown bread for the whole road. Granny never measures anything.",
        "Granny", "Bríd"),
    one("Da's in the Mater since Tuesday. Me da, Christy, says the food is better than at home.", "Da", "Christy",
        reason="a bare \"Da\" (\"Da's in the Mater\", \"Me da\") is read as no one"),
    one("Mum (Jan) and I did the coastal walk to Bronte. Mum's knees held up better than mine.", "Mum", "Jan",
        reason="\"Jan\" (a month's short form) in a bracket after a kin word is read as no one"),
    one("Dad, whose name is Malcolm though no one uses it, fixed the gate at last. Dad wants a medal.",
        "Dad", "Malcolm"),
    one("Sandra came round with a lasagne. Sandra's my mum, for anyone reading this. Mum never comes empty-handed.",
        "Mum", "Sandra"),
    one("Pops took the boat out on the bay. My dad, Ray, has had that boat since 1979. Pops caught nothing, as usual.",
        "Pops", "Ray",
        reason="\"Pops\" is read as no one (kinwords20 left it out: a father or a grandfather)"),
    # several entries: the kin word in one, the name it is given in another
    one(["Mum rang about Christmas again.", "My mum, Anne Parry, has booked the same cottage in Tenby as last year."],
        "Mum", "Anne Parry"),
    one(["Mum's hip operation went well, the surgeon says.", "Mum, Sandra Kerr on the ward list, comes home tomorrow."],
        "Mum", "Sandra Kerr"),
    one(["Dear Dad,\n\nI hope the new hip is behaving itself and you're doing the exercises.\n\nLove,\nSarah",
         "Dad, Tom Reilly to the hospital, is home again. Dad says the physio is a sadist."], "Dad", "Tom Reilly"),
    one(["Dear Mum,\n\nThank you for the parcel. The jumper fits and the cake is gone already.\n\nLove,\nKieran",
         "Mum's birthday next week. My mum, Eileen, says she doesn't want a fuss."], "Mum", "Eileen"),
    one(["Gran rang about the allotment.", "My gran, Ada Pickles, is ninety-four and still digs her own potatoes."],
        "Gran", "Ada Pickles"),
    one(["Mom's flight lands at six.", "My mother, Carol Jensen, hates flying and says so to everyone at the gate."],
        "Mom", "Carol Jensen"),
    # a kin word before a name, and the kin word alone
    one(["Nana Pat came for Sunday dinner.", "Nana fell asleep in front of the telly after the pudding."],
        "Nana", "Nana Pat"),
    one(["Took Nan Betty to the bingo.", "Nan won twenty quid and bought everyone chips on the way home."],
        "Nan", "Nan Betty"),
    one(["Grandpa Lou drove up from Scranton.", "Grandpa told the kids about the war until they fell asleep."],
        "Grandpa", "Grandpa Lou"),
    one(["Lola Cora is staying with us until June.", "Lola taught the kids to roll lumpia. Half of them were eaten raw."],
        "Lola", "Lola Cora"),
    one(["Ouma Sannie phoned from Bloemfontein.", "Ouma wants all of us there for Christmas, no excuses."],
        "Ouma", "Ouma Sannie"),
    one(["Granda Eck's at the bowls again.", "Granda says he'll win the cup this year. He says that every year."],
        "Granda", "Granda Eck"),
    one(["Nana Moana came up from Rotorua for the weekend.", "Nana made a boil-up and the whole street smelt of it."],
        "Nana", "Nana Moana"),
    one(["Grandma Irene came for Easter.", "Grandma brought a ham the size of a small child."], "Grandma", "Grandma Irene"),
    # Markdown notes and an email
    one("# Sunday\n\n- Called Dad (Brian)\n- Dad's knee is worse\n- Brian needs the hospital letter by Friday",
        "Dad", "Brian"),
    one(_mail("Liz Porter", "Jo Hale", "Grandad's 90th", "Hi Jo,\n\nGrandad, Harold Fisk, is ninety on the 12th. "
              "Grandad wants no fuss, so obviously we're having a party.\n\nCheers,\nLiz"), "Grandad", "Harold Fisk"),
    one(_mail("Priya Nair", "Anil Nair", "Amma", "Anil,\n\nAmma (Sarojini) had her eye operation today. Amma is "
              "asking for you.\n\nPriya"), "Amma", "Sarojini"),
    # a chat where a son or daughter types "Mum" to the one speaker who answers
    one([("Jack", "Mum can you get me from training"), ("Gail", "what time love"), ("Jack", "half 7. thanks Mum")],
        "Mum", "Gail", reason=VOC),
    one([("Lily", "Mum have you seen my charger"), ("Karen", "kitchen drawer"), ("Lily", "got it thanks Mum x")],
        "Mum", "Karen", reason=VOC),
    one(chat_lines(("Tyler", "Mom are you coming to the game"), ("Debbie", "wouldn't miss it"),
                   ("Tyler", "ok Mom bring the blanket")), "Mom", "Debbie",
        reason=VOC),
    one(chat_lines(("Kofi", "Dad the car is making that noise again"), ("Kwame", "which noise"),
                   ("Kofi", "the grinding one Dad")), "Dad", "Kwame",
        reason=VOC),
    one([("Aoife", "Mam will you ring the school for me"), ("Bernie", "I will of course"),
         ("Aoife", "ur a legend Mam")], "Mam", "Bernie", reason=VOC),
    # a letter to a child: the grandparent named with the kin word, and the kin word alone
    one("Dear Ellie,\n\nGranny Sue says hello. Granny has knitted you a hat with a bobble on it.\n\nLove,\nMum",
        "Granny", "Granny Sue"),
]

TWO = [
    # two grandmothers, and the bare word of either
    two(["Nana Rose made the trifle.", "Nana Pat brought the sandwiches.", "Nana fell asleep after lunch."],
        ["Nana Rose", "Nana Pat"], [("Nana Rose", "Nana"), ("Nana Pat", "Nana")]),
    two("Nan Joan (Mum's mum) and Nan Edie (Dad's mum) both came to the christening.", ["Nan Joan", "Nan Edie"]),
    two("My nana, Ivy, is ninety-six. The kids' Nana (my mum, Carol) took them to the zoo.", ["Ivy", "Carol"]),
    two("Nana Pat and Auntie Pat came for tea, and Nana Pat brought the scones.", ["Nana Pat", "Auntie Pat"]),
    # each speaker's own "Mum", and a "Mum" who is not the speaker answering
    two([("Shauna", "Mum's making a roast, come round"), ("Dee", "my mum Linda's away in Spain so yes please")],
        ["Mum", "Linda"]),
    two([("Jack", "is Mum home"), ("Gail", "no she's at work till 6")], ["Mum", "Gail"]),
    two([("Josh", "Mum says dinner's ready"), ("Karen", "coming now")], ["Mum", "Karen"]),
    two([("Ben", "has anyone rung Mum"), ("Lucy", "I did, she's fine"), ("Tom", "I'll ring her tomorrow")],
        ["Mum", "Lucy", "Tom"]),
    two(chat_lines(("Mia", "Dad's picking me up, he's outside"), ("Zara", "my dad Neil is working late")),
        ["Dad", "Neil"]),
    two([("Jack", "Mum can you pick me up"), ("Gail", "I'm not your mum lol, it's Gail. ask your mum")],
        ["Mum", "Gail"]),
    # a husband the children call "Dad", and the writer's own dad
    two("Steve took the kids to the beach. They shouted 'Dad, look!' every five minutes. My dad, Alan, rang at teatime.",
        ["Steve", "Alan"], [("Alan", "Steve")]),
    two(["My husband Greg did the school run.", "Dad (my own dad, Phil) came to see the baby. The boys call Greg Dad "
         "now, which still sounds strange."], ["Greg", "Phil"], [("Greg", "Phil")]),
    # a mother-in-law who is called "Mum"
    two(["My mother-in-law Jean came to stay.", "Jean says I should call her Mum. Mum rang from Perth to see how I'm "
         "coping with Jean."], ["Mum", "Jean"]),
    two("Christmas at Mike's parents'. His mum, Brenda, told me to call her Mum now. My own mum, Carol, rang from Leeds.",
        ["Brenda", "Carol"], [("Brenda", "Carol")]),
    # a late mother and a stepmother
    two("Mum died when I was nine. Dad married Lorraine in 1998; she's my stepmum. Lorraine made Christmas dinner.",
        ["Mum", "Lorraine"], [("Lorraine", "Mum")]),
    two("My mum, Ann, passed in 2010. My stepmum Linda came to the wedding and cried more than anyone.",
        ["Ann", "Linda"], [("Linda", "Mum")]),
    two("Dad's girlfriend, Tina, wants us to call her Mum. Never. Mum would turn in her grave.", ["Tina", "Mum"],
        [("Tina", "Mum")]),
    # a stepdad and a dad
    two("My stepdad, Gary, picked me up from college. Dad, Martin, rang from Spain.", ["Gary", "Martin"],
        [("Gary", "Dad")]),
    # someone else's kin
    two("Dad came to the match, and so did Jake's dad, Keith.", ["Dad", "Keith"]),
    two("Mum rang this morning. Then I saw Tom's mum, Sheila, in Tesco.", ["Mum", "Sheila"]),
    two("Mum, Sue Lloyd, and Gareth's mum, Sue Price, both came to the wedding.", ["Sue Lloyd", "Sue Price"]),
    # the same first name for a kin and for someone else
    two("Mum (Sandra) and Sandra from work both came to the party.", ["Mum", "Sandra"],
        reason="a name said twice in one sentence, once in a bracket after a kin word, is read as one person"),
    two(["Nana Pat came round for tea.", "Pat from the Post Office asked after Nana."], ["Nana Pat", "Pat"]),
    # a kin word said with no "I" by a writer with a child: the child's, perhaps
    two(["Mum picked Ellie up from nursery.", "My daughter Ellie is three today. My mum, Carol, sent a card."],
        ["Mum", "Carol"]),
    # a kin word and a name beside it that are a list, or words said to them
    two("Mum, Sandra, Jo and I went to the sales in Meadowhall.", ["Mum", "Sandra"]),
    two("Dad, Tom, and I went fishing at Loch Ard. Dad caught nothing.", ["Dad", "Tom"]),
    two("Note for the fridge: Mum, Sandra is coming at four, let her in.", ["Mum", "Sandra"]),
    two("Nana, Pat and Rose all came to the christening. Nana held the baby.", ["Nana", "Pat", "Rose"]),
    two([("Sam", "Mum, Dan, are you coming for tea?"), ("Dan", "yes on our way")], ["Mum", "Dan"]),
    # "Dad" said with no "I" by a writer with children: their father, perhaps, not the writer's dad
    two(["Dad took the kids to the beach.", "My dad, Frank, rang from Spain. My son Josh wants to visit him."],
        ["Dad", "Frank"]),
    two("Dear Ellie,\n\nDad took the dog out in the rain again. My dad, Frank, rang from Spain to ask after you.\n\n"
        "Love,\nMum", ["Dad", "Frank"]),
    # the writer is never merged with anyone
    two([("Sandra", "tell Mum I'll be late tonight"), ("Kerry", "will do")], ["Mum", "Sandra", "Kerry"]),
    two("Dear Mum,\n\nAll well in Sydney. The job is good and the flat is small.\n\nLove,\nSandra", ["Mum", "Sandra"],
        [("Sandra", "Mum")]),
]


def _holder(people, name):
    return [held for _, held in people if name.lower() in held]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, names", ONE, ids=[_label(r.values[0]) for r in ONE])
def test_a_kin_word_and_the_named_person_it_means_are_one(db, tmp_path, said, names):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        holders = [pid for pid, held in people if {n.lower() for n in names} & held]
        assert len(holders) == 1 and {n.lower() for n in names} <= dict(people)[holders[0]], people


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, apart, never", TWO, ids=[_label(r.values[0]) for r in TWO])
def test_a_kin_word_and_someone_else_stay_apart(db, tmp_path, said, apart, never):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        assert not [(a, b) for i, a in enumerate(apart) for b in apart[i + 1:] for held in _holder(people, a)
                    if b.lower() in held], people
        assert not [(n, w) for n, w in never for held in _holder(people, n) if w.lower() in held], people


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 8th text of each kind, each in a memory of its own, on both backends."""
    for i, (said, names) in enumerate(unmarked(ONE)[::8]):
        with Memory(store_on(backend, request, tmp_path, f"one{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            people = listed_people(memory, everyone=True)
            assert len([pid for pid, held in people if {n.lower() for n in names} & held]) == 1, said
    for i, (said, apart, _) in enumerate(unmarked(TWO)[::8]):
        with Memory(store_on(backend, request, tmp_path, f"two{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            people = listed_people(memory, everyone=True)
            assert not [a for i, a in enumerate(apart) for b in apart[i + 1:] for held in _holder(people, a)
                        if b.lower() in held], said
