"""A bare kin word that names someone already listed (issue 13, kinname21): texts never seen, written before the join
rules were read, none from the corpus or a benchmark. Chats (turns and JSONL logs), diaries, voice-memo transcripts,
letters and notes-app Markdown, in British, Irish, Scottish, Welsh, American, Australian, Indian, Nigerian, Ghanaian,
Jamaican and Filipino English.

WRITER: the kin word is the writer, said to them by their child or grandchild: the other speaker of a two-person chat
calling the writer "Mum" ("Mum can you ...", "thanks Mum"), or a child's words to the writer told in the diary
("she said don't worry Mum", '"Nana, look!" he said to me'). No one but the writer may hold the word.
JOIN: the writer's bare kin word and the one person the text ties to the writer by it ("Ray is my dad").
APART: the kin word is someone other than the writer (the other speaker's "Mum says ...", the writer's own words to
their mother, a husband's "Mum", a three-person chat where someone else answers), or the writer's "Mum" and a named
mother-in-law. A wrong merge is worse than a duplicate: `apart` are names no one person may hold two of, `not_me`
the words the writer ("me") may not hold, `kept` the kin words someone else must still hold. The last five traps
and Thandi's chat were written after narrator.py was read."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, email_said, listed_people, show_ties, stated_ties, tie_is, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _case(said, *words, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, words, marks=marks)


def _apart(said, apart, not_me=(), kept=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(apart), tuple(not_me), tuple(kept), marks=marks)


QUOTED = ("a kin word said to someone in quotation marks is left as it was read: the one spoken to may be whoever is "
          "there (a grandchild's toast to her Nain, the writer's mother), so narrator.py reads only words reported "
          "without quotation marks")

WRITER = [
    # a two-person chat: the other speaker calls the writer by a kin word
    _case([("Gail", "tea's at six"), ("Dan", "Mum my phone died on the bus, all ok?"), ("Gail", "yes love")], "mum"),
    _case([("Debbie", "game's at 7"), ("Tyler", "Mom can you bring the blanket"), ("Debbie", "sure honey")], "mom"),
    _case([("Bernie", "dinner's on the table"), ("Aoife", "thanks Mam, home in ten")], "mam"),
    _case([("Ngozi", "Have you eaten?"), ("Chidi", "Yes Mummy, I ate jollof rice at Tunde's")], "mummy"),
    _case([("Kwame", "where are you"), ("Kofi", "Dad I'm at the station, can you come")], "dad"),
    _case(chat_lines(("Senga", "Did the bus come?"), ("Callum", "Ma can you lend us a tenner till Friday"),
                     ("Senga", "Aye, come round")), "ma"),
    _case(chat_lines(("Sharon", "Your tea's in the oven"), ("Kyle", "cheers Mum you're a legend")), "mum"),
    _case(chat_lines(("Lorna", "Are you coming for Sunday dinner?"), ("Rosie", "Nana we can't, Jade's poorly"),
                     ("Lorna", "Oh bless her")), "nana"),
    # a child's words to the writer told in a diary or a voice memo
    _case("Hazel rang about the clinic. She said don't worry Mum, it's only a check-up. I'm not daft.", "mum"),
    _case('Josh came in from school shouting "Mum, where\'s my PE kit?" like every Monday.', "mum", reason=QUOTED),
    _case("Our Kieran came round with the shopping and said sit down Mam, I'll do the kettle.", "mam"),
    _case('Mason fixed my telly. "There you go, Nana," he said, "all your channels back."', "nana", reason=QUOTED),
    _case("Priya video-called from Bangalore. She said Amma you must stop climbing on chairs.", "amma"),
]

JOIN = [
    _case(["Dad's back is bad again.", "Ray Tanner is my dad, for the record."], "dad", "ray tanner"),
    _case(["Mam rang at seven about the bins.", "Bríd Murphy, my mam, is eighty-one today."], "mam", "bríd murphy"),
    _case(["Mom wants us there by noon on Thanksgiving.", "My mother is Guadalupe Reyes and she has never once been "
           "late."], "mom", "guadalupe reyes"),
    _case(["Took Dad to the fracture clinic.", "My father, Cyril Dobbs, was a bus driver for thirty years."],
          "dad", "cyril dobbs"),
    _case(["Nan's ninety on Friday.", "My nan is Edna Pike, and she still does her own hair."], "nan", "edna pike"),
    _case("# Sunday\n\n- Dad's knee worse\n- my dad Brian Okafor needs his hospital letter by Friday", "dad",
          "brian okafor"),
]

APART = [
    # the other speaker's kin word that is not a word said to the writer
    _apart([("Memo", "how's the baby"), ("Chuy", "Mom says she's coming Sunday"), ("Memo", "good")], [], ["mom"]),
    _apart([("Jack", "is Mum home"), ("Gail", "no she's at work till 6")], ["mum", "gail"], ["mum"]),
    _apart([("Sean", "you heading over"), ("Niamh", "Mam's not well so I'm staying in")], [], ["mam"]),
    _apart([("Thandi", "Mama you're a legend for driving us"), ("Zola", "she really is")], [], [], ["mama"]),
    _apart(chat_lines(("Dee", "did you ring the hospital"), ("Shauna", "Dad's going in Tuesday for the hip")), [],
           ["dad"]),
    # the writer calls the other speaker "Mum": that is the other speaker, never the writer
    _apart([("Dan", "Mum my phone died"), ("Gail", "ok love, ring me later")], [], ["mum"]),
    _apart(chat_lines(("Tyler", "Mom can you get me at 5"), ("Debbie", "yes on my way")), [], ["mom"]),
    # three speakers: someone else answers the kin word
    _apart([("Liz", "anyone need a lift"), ("Ben", "Mum can you get me from training"),
            ("Karen", "yes love, leaving now")], [], ["mum"]),
    # the writer's own words to their mother, and a husband's mother
    _apart('I said, "Mum, sit down, I\'ll make the tea." She never listens.', [], ["mum"]),
    _apart('Mike came off the phone and said "Mum wants us there for Easter." His mother never asks, she tells.',
           [], ["mum"]),
    _apart("Tom said Mum was feeling better, so I didn't drive up.", [], ["mum"]),
    _apart("Dear Mum,\n\nAll well in Melbourne. The job's good and the flat is tiny.\n\nLove,\nSandra", [], ["mum"]),
    _apart('Ellie shouted "Dad, look!" at Steve every five minutes on the beach.', [], ["dad"]),
    # the writer's mother and a mother-in-law, each a "Mum" to someone
    _apart(["My mother-in-law Jean came to stay.", "Mum rang from Leeds to ask how I'm coping with Jean."],
           ["mum", "jean"], ["mum"]),
    # a letter to a grandchild: the writer signs as Nan, and the writer's own mother is someone else
    _apart("Dear Ellie,\n\nGreat-Nana Ivy sends her love and a fiver.\n\nLots of love,\nNan", ["nan", "great-nana ivy"]),
    # the named father and another named man
    _apart(["Dad's back is bad again.", "Ray Tanner is my dad. Ray Evans from next door helped with the shed."],
           ["ray tanner", "ray evans"]),
    # a kin word spoken of, or said to another, in words another reports: never the writer, and still someone
    _apart("Sam said he'd rung Mum, it was fine, she's just tired.", [], ["mum"], ["mum"]),
    _apart("Dad told me to ring Mum, she's been waiting all week.", [], ["mum"], ["mum"]),
    _apart("Jo asked Mum, who said no to the party.", [], ["mum"], ["mum"]),
    _apart("Hazel said she'd come and see Mum, it's been weeks.", [], ["mum"], ["mum"]),
    _apart('The kids ran to the door shouting "Nana!" when she got out of the taxi.', [], ["nana"], ["nana"]),
    _apart(email_said("Helen Price", "Gareth Morgan", "Sunday", "Gareth,\n\nMam says come at one. Your mam is welcome "
                      "too.\n\nHelen"), [], ["mam"]),
]


# The ties stated (as fact) of a kin word in words the writer reports: (tie wanted or None, tie never stated). Written
# after relations.py was read.
TIES = [
    _case("Hazel rang tonight. She said no Mum, Dad is fine, he's just tired. I was relieved.", ("dad", "father", "hazel"),
          ("dad", "father", "me")),
    _case("I told Neville about the bins and Neville said don't worry Mam. Later Shirley said Dad would sort it.", None,
          ("dad", "father", "me")),
    _case("Tom said Mum was feeling better, so I didn't drive up to Leeds.", ("mum", "mother", "me"), None),
]


@pytest.mark.parametrize("said, ties", TIES, ids=[told_label(r.values[0]) for r in TIES])
def test_a_kin_word_in_words_reported_is_the_tellers(db, tmp_path, said, ties):
    want, never = ties
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        stated = stated_ties(memory)
        assert want is None or any(tie_is(want, t) for t in stated), show_ties(stated)
        assert never is None or not any(tie_is(never, t) for t in stated), show_ties(stated)


def _writer(people):
    return next((held for _, held in people if "me" in held), set())


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, words", WRITER, ids=[told_label(r.values[0]) for r in WRITER])
def test_a_kin_word_said_to_the_writer_is_no_one_else(db, tmp_path, said, words):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        assert not [n for held in _others(people) for n in held for w in words
                    if n == w or n.endswith(f"'s {w}")], people


@pytest.mark.parametrize("said, words", JOIN, ids=[told_label(r.values[0]) for r in JOIN])
def test_the_writers_kin_word_and_the_person_tied_by_it_are_one(db, tmp_path, said, words):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        holders = [held for held in _others(people) if set(words) & held]
        assert len(holders) == 1 and set(words) <= holders[0], people


@pytest.mark.parametrize("said, apart, not_me, kept", APART, ids=[told_label(r.values[0]) for r in APART])
def test_a_kin_word_of_someone_else_stays_apart(db, tmp_path, said, apart, not_me, kept):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        me = _writer(people)
        assert not [w for w in not_me if w in me or any(n.endswith(f"'s {w}") for n in me)], people
        assert not [(a, b) for i, a in enumerate(apart) for b in apart[i + 1:] for held in _others(people)
                    if a in held and b in held], people
        assert all(any(w in held for held in _others(people)) for w in kept), people
