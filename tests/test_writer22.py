"""The writer under the names others call them by (issue 13, writer22): texts never seen, written before the owner joins
were read, none from the corpus or a benchmark. Chats (JSONL logs), diaries, letters, emails and notes-app Markdown in
British, Scottish, Irish, American, Australian, Indian, Nigerian and Filipino English.

ME: a name the writer is called by must be no one else: a nephew's "Uncle Cal" to the chat's owner, the ward's "Sister
X" when the writer says "I'm Sister X to them", "Mrs <surname>" when the writer is so called, a nickname the writer signs
with, the owner's own full name said in the chat.
NOT_ME: names that must never join the writer: a brother with the writer's surname, a mother-in-law "Mrs <surname>", a
widower's late wife, the friend the chat is with, a daughter named after her mother, a sibling in a family group chat
called by the same kin word as the owner. Merging the writer with anyone is the worst error: `not_me` are names the
writer may not hold, `kept` names someone other than the writer must still hold."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, email_said, listed_people, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _me(said, *words, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, words, marks=marks)


def _not_me(said, not_me, kept=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(not_me), tuple(kept), marks=marks)


KIN_TITLED = ("a kin title and a name the writer gives as their own is theirs in that entry only: in another entry a kin "
              "word's name joins the writer by no rule (`_personal`), as the writer's own Aunty may share it")
ME = [
    # the chat's owner called by a kin word and a short name by a nephew or niece
    _me(chat_lines(("Callum Reid", "you lads still on for Saturday?"), ("Jamie", "yes Uncle Cal, can we bring the ball"),
                   ("Callum Reid", "course you can")), "uncle cal"),
    _me(chat_lines(("Funmilayo Bello", "Good morning my darling"), ("Tolu", "Good morning Aunty Funmi, we landed safe"),
                   ("Funmilayo Bello", "Thank God")), "aunty funmi"),
    _me(chat_lines(("Marites Santos", "nakauwi na kayo?"), ("Jasmine", "yes Tita Marites, thank you for the pancit"),
                   ("Marites Santos", "walang anuman anak")), "tita marites",
        reason="a kin title and a name said to the owner after \"yes\" is left a person of its own: `_spoken_to` moves "
               "a kin word's mentions to the one spoken to but joins no name by it"),
    # the owner's own full name said by another in the chat
    _me(chat_lines(("Nisha Shah", "who is bringing the sweets?"), ("Meera Patel", "Nisha Shah you promised the barfi"),
                   ("Nisha Shah", "ok ok")), "nisha shah"),
    # the writer tells what the ward or the class calls them, and is so called
    _me(["I'm Sister Adeyemi to them on Ward 7 now, not Bola.", "Sister Adeyemi, the registrar wants you, said the new "
         "HCA at four."], "sister adeyemi"),
    _me(["The children call me Mrs Kowalski even in Tesco.", "A boy from Year 4 shouted hello Mrs Kowalski across the "
         "frozen aisle."], "mrs kowalski"),
    _me(["To the kids at tuition I'm Mrs Iyer, full stop.", "Mrs Iyer is strict but fair, Arjun wrote on my card."],
        "mrs iyer"),
    # a nickname or a grandparent's name the writer signs with
    _me("Dear Ellie,\n\nThe garden is full of sparrows and the tomatoes are in.\n\nLots of love,\nGranny Nell",
        "granny nell", reason="a letter in a diary, signed and with no \"I\", may be anyone's to the writer: its signer "
                              "is joined by their own names only"),
    _me(email_said("Bridget Walsh", "Sean Walsh", "Sunday", "Sean,\n\nThe roof is fixed at last and the dog is grand."
                   "\n\nLove always,\nBridie"), "bridie"),
    _me(["I'm Aunty Ngozi to them all, even the neighbours' kids.", "Aunty Ngozi, can we have puff-puff? they shout "
         "over the fence."], "aunty ngozi", reason=KIN_TITLED),
    _me(email_said("James Kerr", "Fiona Kerr", "the boat", "Fi,\n\nThe boat is back in the water and the engine "
                   "starts first time.\n\nAll the best,\nJim"), "jim"),
    # a teenager names herself in her diary and is called by it
    _me(["My name is Maisie and this is my diary, keep out.", "Jade said Maisie you are SO dramatic at lunch."],
        "maisie"),
]

NOT_ME = [
    # a brother with the writer's surname
    _not_me(email_said("Helen Ward", "Ann Price", "news", "Ann,\n\nMy brother Tom Ward rang from Perth last night, "
                       "he is well.\n\nHelen"), ["tom ward"], ["tom ward"]),
    _not_me(chat_lines(("Callum Reid", "you lads still on for Saturday?"), ("Jamie", "yes Uncle Cal, is Uncle Gary "
                       "coming too"), ("Callum Reid", "aye, Gary Reid is driving")), ["gary reid", "uncle gary"],
            ["gary reid"]),
    # a mother-in-law "Mrs <surname>"
    _not_me(email_said("Tasha Reyes", "Kim Lee", "lunch", "Kim,\n\nMy mother-in-law, Mrs Reyes, came for Sunday lunch "
                       "and said the rice was dry.\n\nTasha"), ["mrs reyes"], ["mrs reyes"]),
    # a widower's letter to his late wife
    _not_me(email_said("Frank Hale", "Margaret Hale", "Sunday", "My dearest Margaret,\n\nThe vicar still calls you Mrs "
                       "Hale when he reads the flower rota.\n\nYour Frank"), ["margaret", "mrs hale"]),
    _not_me("Dear Joan,\n\nA year today since you left us. Your roses are out and I talk to them.\n\nYour loving "
            "husband,\nBill", ["joan"], ["joan"]),
    # the friend the chat is with
    _not_me(chat_lines(("Priya Nair", "hey Anj, free tonight?"), ("Anjali Rao", "yes! Priya you're paying though"),
                       ("Priya Nair", "fine, Anj")), ["anjali rao", "anj"], ["anjali rao"]),
    _not_me(chat_lines(("Kayla Brooks", "did you get my text"), ("Brianna", "girl yes, Kayla you are crazy"),
                       ("Kayla Brooks", "Bri stop")), ["brianna", "bri"], ["brianna"]),
    # a daughter named after her mother
    _not_me(email_said("Helen Ward", "Ann Price", "school", "Ann,\n\nMy daughter Helen starts school on Monday. We named "
                       "her after me and the post is already muddled.\n\nHelen"), [], ["helen"]),
    # a sibling in a family group chat called by the same kin word as the owner
    _not_me(chat_lines(("Folake Adeyemi", "Good morning family"), ("Tobi", "Good morning Aunty Folake"),
                       ("Kemi Adeyemi", "Morning all"), ("Tobi", "Aunty Kemi how was the flight")),
            ["kemi adeyemi", "aunty kemi"], ["kemi adeyemi"]),
    _not_me(chat_lines(("Grace Okoro", "Did everyone see the photos?"), ("Ada", "yes Mummy, beautiful"),
                       ("Emeka Okoro", "Grace your brother is here"), ("Ada", "Uncle Emeka send yours too")),
            ["emeka okoro", "uncle emeka"], ["emeka okoro"]),
    # a part in a play, a parent's title, the reader of a closing or of "you're the best"
    _not_me("We're doing James and the Giant Peach and I'm Aunt Sponge in it, which is mortifying.", ["aunt sponge"]),
    _not_me(["I'm Mrs Patel's daughter, not her secretary, I told the receptionist.", "Mrs Patel was seen at ten."],
            ["mrs patel"], ["mrs patel"]),
    _not_me(chat_lines(("Dev Mistry", "got you the tickets"), ("Sarah Cole", "omg thank you"),
                       ("Dev Mistry", "you're the best, Sarah")), ["sarah cole", "sarah"], ["sarah cole"]),
    _not_me(email_said("Tom Hart", "Ann Hart", "Sunday", "Ann,\n\nSee you Sunday. Give my love to Jean.\n\nBest,\n"
                       "Tom"), ["jean", "ann hart"]),
    # a husband or colleague sharing the title the writer is called by
    _not_me(["The children call me Mrs Kowalski even in Tesco.", "Mr Kowalski, my Piotr, fixed the car on Sunday."],
            ["mr kowalski", "piotr"], ["piotr"]),
    _not_me(["I'm Sister Adeyemi to them on Ward 7 now.", "Sister Bello was on nights and left the drugs book in a mess."],
            ["sister bello"], ["sister bello"]),
]


def _writer(people):
    return next((held for _, held in people if "me" in held), set())


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, words", ME, ids=[told_label(r.values[0]) for r in ME])
def test_a_name_the_writer_is_called_by_is_no_one_else(db, tmp_path, said, words):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        assert not [w for w in words for held in _others(people) if w in held], people


@pytest.mark.parametrize("said, not_me, kept", NOT_ME, ids=[told_label(r.values[0]) for r in NOT_ME])
def test_someone_else_is_never_the_writer(db, tmp_path, said, not_me, kept):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        me = _writer(people)
        assert not [w for w in not_me if w in me], people
        assert all(any(w in held for held in _others(people)) for w in kept), people
