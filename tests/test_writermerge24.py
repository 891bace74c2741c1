"""The writer merged with another, or another's life given to the writer (issue 13, writermerge24): texts never seen,
written before the rules were read, none from the corpus or a benchmark. Diaries, letters received and pasted in,
forwarded emails, chats (JSONL), notes-app Markdown, a eulogy, a dictated note, in British, Irish, Scottish, American,
Australian, Indian, Nigerian and Filipino English.

NOT_ME: names that must never join the writer (`kept`: names someone other than the writer must still hold): a letter's
sender pasted in, a forwarded message's signer, another chat speaker, a parent or grandparent the writer is named after,
a namesake friend, a person a diary kept for a child calls "your dad", the person a carer writes a note for.
NOT_MINE: another's death, birth or marriage the writer must not be given: said in the first person by someone quoted,
pasted in or forwarded, listed under a "# Dad" heading, a eulogy's subject with the writer's surname. MINE: the
writer's own wedding or birth, not given to another named beside it. NOT_MY_KIN: another's "my husband", "my wife", "my
sister" in a letter pasted in, a forwarded message or a chat turn is no kin of the writer."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, email_said, listed_people, read_events, show_ties, stated_ties, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _not_me(said, not_me, kept=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(not_me), tuple(kept), marks=marks)


def _not_mine(said, kinds=("death", "birth", "marriage"), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(kinds), marks=marks)


def _mine(said, kind, not_them, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, kind, tuple(not_them), marks=marks)


NOT_ME = [
    # a letter received and pasted in, signed by its sender
    _not_me("Auntie Pat's letter came today, I'll copy it here:\n\nDear Sarah,\n\nI hope you are keeping well. The "
            "garden is a jungle and my knees are no better.\n\nAll my love,\nPat\n", ["pat", "auntie pat"], ["pat"]),
    _not_me("Got this from Moira this morning.\n\nDear Jean,\n\nMy husband Ian died on the 4th. I still set two cups "
            "out.\n\nMoira\n\nI'll ring her tonight.", ["moira", "ian"], ["moira", "ian"],
            reason="the letter's signer, named only in the words before it and where she signs, is read but not stored "
                   "(lost, not merged)"),
    # a forwarded email with its own From: and signature
    _not_me(email_said("Kevin Byrne", "Siobhan Byrne", "Fwd: the reunion", "Look at this from Declan.\n\n---------- "
                       "Forwarded message ---------\nFrom: Declan Moran <declan@example.net>\nDate: Fri, 31 May 2024\n"
                       "Subject: the reunion\n\nLads,\n\nI'm organising the class of '84 night. My wife Orla says I'm "
                       "mad.\n\nDeclan"), ["declan moran", "declan", "orla"], ["declan moran|declan"],
            reason="a forwarded message's sender, named only in its From: line beside an address and where he signs, "
                   "is not read (lost, not merged)"),
    # a chat where another speaker says "I" and "my mum"
    _not_me(chat_lines(("Priya Nair", "how are you holding up?"), ("Deepa Menon", "my mum was admitted again last "
                       "night, I'm at the hospital"), ("Priya Nair", "oh Deepa, I'm coming after work")),
            ["deepa menon", "deepa"], ["deepa menon|deepa"]),
    _not_me(chat_lines(("Kayode Adeleke", "Bros how far"), ("Segun Bello", "I dey o. My wife Funke just delivered, "
                       "baby girl!"), ("Kayode Adeleke", "Congrats Segun!!")), ["segun bello", "funke"],
            ["segun bello|segun", "funke"]),
    # the writer named after a parent or grandparent
    _not_me("I'm the third Tom Reilly. Dad was Tom Reilly too, and Grandad before him. Dad took me to the match on "
            "Saturday.", ["dad", "grandad"], ["dad"]),
    _not_me("Everyone calls me Maggie but Gran was Margaret too, Margaret Doyle. Gran taught me to knit.",
            ["gran", "margaret doyle"], ["gran"]),
    _not_me("Dad is Big Joe and I'm Junior at the yard. Big Joe had his hip done Tuesday and he's already grumbling.",
            ["big joe"], ["big joe"]),
    # a namesake friend
    _not_me("Lunch with the other Claire, Claire Hughes from accounts. Claire Hughes is moving to Bristol in June.",
            ["claire hughes"], ["claire hughes"]),
    _not_me("My name's Ravi and so is my best mate, Ravi Kumar. Ravi Kumar got the job at Infosys today!",
            ["ravi kumar"], ["ravi kumar"]),
    # a diary kept for a child: "your dad" is the writer's husband
    _not_me("Dear Ruby,\n\nToday you took your first steps. Your dad Pete filmed it all and cried.\n\nLove,\nMummy",
            ["pete", "ruby"], ["pete", "ruby"]),
    # a note written by a carer for the person
    _not_me("Note written by Sue for Mr Patel. I had a good day today. My daughter Anjali came with samosas.",
            ["anjali"], ["anjali"]),
    # the writer's own letter copied into the diary (a trap: its "I" is still the writer's)
    _not_me("I wrote back to Gwen tonight:\n\nDear Gwen,\n\nI miss our walks on the cliff.\n\nLove,\nBethan",
            ["gwen"]),
    # a letter to a dead parent who shares the writer's name
    _not_me("Dear Dad,\n\nTen years since you went. The lads at the club still talk about you.\n\nYour son,\nFrank",
            ["dad"], ["dad"]),
    # a notes-app page about someone else
    _not_me("# Dad\n\n- Frank Kelly\n- born 1941 in Cork\n- worked on the buses\n- likes: hurling, Guinness\n",
            ["frank kelly"], ["frank kelly"]),
    # "me" in a photo caption
    _not_me("![](whitby.jpg)\nMe and Grandad Bill at Whitby, 1986.", ["grandad bill", "bill"], ["grandad bill|bill"]),
    # a eulogy about a person with the writer's surname, signed
    _not_me("Eulogy for Harold Finch\n\nHarold Finch was my uncle. He loved cricket and his allotment.\n\nAnne Finch",
            ["harold finch"], ["harold finch"]),
    # quoted speech in the first person
    _not_me("Mam said 'I was never so frightened in my life' about the night of the Clydebank blitz. Mam was nine.",
            ["mam"], ["mam"]),
    # another speaker's grandmother who shares the owner's first name
    _not_me(chat_lines(("Ana Cruz", "kumusta?"), ("Lea Santos", "ok lang, my lola Ana passed this morning"),
                       ("Ana Cruz", "condolences Lea")), ["ana"], ["ana"]),
    _not_me("A letter from my sister Nora:\n\nDear Bridget,\n\nMy hip is mended and I'm walking to Mass again."
            "\n\nNora\n", ["nora"], ["nora"]),
    _not_me(email_said("Mark Lim", "Jun Tan", "Fwd: news", "FYI\n\n-----Original Message-----\nFrom: Helen Tan\nSent:"
                       " Friday\n\nHi Mark, I passed my driving test at last!\n\nHelen"), ["helen tan", "helen"],
            ["helen tan|helen"]),
    _not_me("I'm Nkechi, named for my grandmother Nkechi Okafor. Grandma Nkechi would be a hundred today.",
            ["nkechi okafor", "grandma nkechi"], ["nkechi okafor|grandma nkechi"]),
    # a Filipino group chat: a cousin says "my lola"
    _not_me(chat_lines(("Joy Reyes", "uwi ka ba this Christmas?"), ("Carlo Reyes", "yes! my lola Ising is turning "
                       "90"), ("Joy Reyes", "see you Carlo")), ["carlo reyes", "carlo"], ["carlo reyes|carlo"]),
]

NOT_MINE = [
    # a letter received and pasted in
    _not_mine("Got this from Moira this morning.\n\nDear Jean,\n\nMy husband Ian died on the 4th. I still set two cups"
              " out.\n\nMoira\n"),
    _not_mine("Copying in Auntie Rosa's card:\n\nDear Lucia,\n\nI got married again on Saturday, at seventy-four! "
              "Don't tell your mother.\n\nRosa\n"),
    # a forwarded email
    _not_mine(email_said("Kevin Byrne", "Siobhan Byrne", "Fwd: sad news", "Passing this on.\n\n---------- Forwarded "
                         "message ---------\nFrom: Declan Moran <declan@example.net>\nSubject: sad news\n\nLads,\n\nMy "
                         "father died peacefully on Friday night.\n\nDeclan")),
    # a chat where another speaker says "I"
    _not_mine(chat_lines(("Priya Nair", "how are you?"), ("Deepa Menon", "my mum died last night"),
                         ("Priya Nair", "oh Deepa, I'm so sorry"))),
    _not_mine(chat_lines(("Ana Walker", "how are you?"), ("Lea Brown", "not great, my grandma Ana passed this morning"),
                         ("Ana Walker", "so sorry Lea"))),
    _not_mine(chat_lines(("Kayode Adeleke", "Bros how far"), ("Segun Bello", "I got married on Saturday o, sorry "
                         "you missed it"), ("Kayode Adeleke", "Congrats!!"))),
    # quoted speech in the first person
    _not_mine("Mam said 'my brother died that night' and then she wouldn't say any more about the war."),
    _not_mine('Grandad told us again tonight: "I was born in a tenement in the Gorbals in 1931."'),
    _not_mine('Dad said "I married your mother in 1970 at St Mary\'s" and Mum rolled her eyes.'),
    _not_mine(email_said("Mark Lim", "Jun Tan", "Fwd: news", "FYI\n\n-----Original Message-----\nFrom: Helen Tan\n"
                         "Sent: Friday\n\nHi all, I'm getting married in June!\n\nHelen")),
    # a parent who shares the writer's name
    _not_mine("Dad was John Hale too. Dad died in 2010 and I still get his post."),
    # a notes-app page about someone else
    _not_mine("# Dad\n\n- born 1941 in Cork\n- married Mam in 1965\n- died March 2019\n"),
    # a eulogy about a person with the writer's surname
    _not_mine("Eulogy for Harold Finch\n\nHarold Finch was my uncle. He was born in Leeds in 1931 and died on 2 May."
              "\n\nAnne Finch"),
    # a diary kept for a child
    _not_mine("Dear Ruby,\n\nYou were born at 4am on Tuesday, all eight pounds of you.\n\nLove,\nMummy",
              kinds=("death", "birth")),
    # a letter to a dead parent signed with the name they share
    _not_mine("Dear Dad,\n\nTen years since you died. We were both Frank, and now it's just me.\n\nYour son,\nFrank"),
    # a photo caption
    _not_mine("![](whitby.jpg)\nMe and Grandad Bill at Whitby, 1986. He died the next winter."),
]

# another's kin, said in their "my", tied to the writer
NOT_MY_KIN = [
    ("Got this from Moira this morning.\n\nDear Jean,\n\nMy husband Ian died on the 4th. I still set two cups out."
     "\n\nMoira\n\nI'll ring her tonight.", "ian"),
    ("Copying in Auntie Rosa's card:\n\nDear Lucia,\n\nMy sister Carmela is poorly again. Don't tell your mother."
     "\n\nRosa\n", "carmela"),
    (email_said("Mark Lim", "Jun Tan", "Fwd: news", "FYI\n\n-----Original Message-----\nFrom: Helen Tan\nSent: "
                "Friday\n\nHi all, my fiancé Wei and I are getting married in June!\n\nHelen"), "wei"),
    (chat_lines(("Kayode Adeleke", "Bros how far"), ("Segun Bello", "I dey o. My wife Funke just delivered, baby girl!"),
                ("Kayode Adeleke", "Congrats Segun!!")), "funke"),
]

MINE = [
    # the writer's own wedding, a bridesmaid named beside it
    _mine("I got married to Kev in Blackpool on Saturday. Our Sharon was my bridesmaid.", "marriage", ["sharon"]),
    # the writer's own birth, a namesake grandmother named beside it
    _mine("I was born in Kochi in 1962, named Lakshmi after Ammamma Lakshmi.", "birth", ["ammamma lakshmi"]),
]


def _writer(people):
    return next((held for _, held in people if "me" in held), set())


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, not_me, kept", NOT_ME, ids=[told_label(r.values[0]) for r in NOT_ME])
def test_someone_else_is_never_the_writer(db, tmp_path, said, not_me, kept):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        me = _writer(people)
        assert not [w for w in not_me if w in me], people
        assert all(any(n in held for n in w.split("|") for held in _others(people)) for w in kept), people


@pytest.mark.parametrize("said, kinds", NOT_MINE, ids=[told_label(r.values[0]) for r in NOT_MINE])
def test_anothers_life_is_not_the_writers(db, tmp_path, said, kinds):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        events = read_events(memory)
        assert not [e for e in events if e[0] in kinds and "me" in e[1]], events


@pytest.mark.parametrize("said, kind, not_them", MINE, ids=[told_label(r.values[0]) for r in MINE])
def test_the_writers_life_is_not_anothers(db, tmp_path, said, kind, not_them):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        events = read_events(memory)
        assert not [e for e in events if e[0] == kind and any(w in e[1] for w in not_them) and "me" not in e[1]], events


@pytest.mark.parametrize("said, them", NOT_MY_KIN, ids=[told_label(r[0]) for r in NOT_MY_KIN])
def test_anothers_kin_are_not_the_writers(db, tmp_path, said, them):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        ties = stated_ties(memory)
        assert not [t for t in ties if them in t[0] and "me" in t[2] or them in t[2] and "me" in t[0]], show_ties(ties)
