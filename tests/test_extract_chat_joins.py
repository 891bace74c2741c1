"""Names that fit but are two people, as chats tell them apart; and words said before a name that are no part of it."""
import pytest

from remembrancer import Memory
from test_extract_chat import chat, names  # the same reading of "Speaker: text" lines


def people(memory):
    """Each stored person's names, as sets."""
    out = {}
    for pid, name in memory.query("SELECT id, name FROM people"):
        out[name] = {a for (a,) in memory.query("SELECT alias FROM aliases WHERE person = ?", (pid,))}
    return out


def holder(memory, alias):
    """The names of the one person holding `alias`."""
    found = [names for names in people(memory).values() if alias in names]
    assert len(found) == 1, (alias, found)
    return found[0]


def test_an_exclamation_before_a_name_is_not_part_of_it():
    ex = chat(("Caroline", "Woohoo Melanie! I passed the adoption agency interviews last Friday!"),
              ("Melanie", "Woah Caroline, that's amazing! I'm so happy for you."),
              ("Caroline", "Thanks, Melanie! It means a lot."))
    found = names(ex)
    assert not any(n.lower().startswith(("woohoo", "woah")) for n in found)
    assert not any(a.lower().startswith(("woohoo", "woah")) for aliases in found.values() for a in aliases)


def test_a_word_never_capitalised_but_where_a_sentence_starts_is_no_part_of_the_name_after_it():
    # "Zowee" is in no list: written with a capital only where a sentence starts, before a first name said to
    ex = chat(("Nate", "Zowee Joanna, I won the tournament yesterday!"), ("Joanna", "zowee, that's great! Tell me more."),
              ("Nate", "Zowee Joanna, you would have loved it."))
    assert not any("Zowee" in a for aliases in names(ex).values() for a in aliases)
    assert "Joanna" in names(ex)


def test_a_reply_to_thanks_is_no_part_of_the_name():
    ex = chat(("Nate", "Thanks for the help with the cake, Joanna."), ("Joanna", "Anytime Nate! I'm here for you."))
    assert not any("Anytime" in a for aliases in names(ex).values() for a in aliases)


def test_loving_someone_is_not_signing_with_their_name():
    # "I do love Toby!" (the dog) is not a message signed "Love, Toby"
    ex = chat(("Audrey", "Aww so cute! Toby looks happy!"), ("Andrew", "Haha yeah, I do love Toby!"),
              ("Audrey", "I'm glad Toby is happy."))
    assert "Toby" not in names(ex)["Andrew"]
    signed = chat(("Gemma", "See you Sunday?"), ("Irene", "Yes see you then, all my love Reenie x"))
    assert "Reenie" in names(signed)["Irene"]


@pytest.mark.backends
def test_two_speakers_under_two_first_names_are_two_people(db):
    # "Jon" and "John" fit (a curated nickname), but each is the label a chat gives one speaker every time
    with Memory(db) as m:
        m.add_chat([("Gina", "Hey Jon! What's up?"), ("Jon", "I lost my job, Gina. Starting a dance studio.")])
        m.add_chat([("Maria", "Hey John! Long time no see!"), ("John", "Hi Maria! I started kickboxing.")])
        assert "John" not in holder(m, "Jon")


@pytest.mark.backends
def test_a_speaker_is_not_a_full_name_whose_surname_is_not_theirs(db):
    with Memory(db) as m:
        m.add_chat([("Maria", "Hey John! Long time no see!"), ("John", "Hi Maria! I started kickboxing last week.")])
        m.add_chat([("Kevin", "What do you use on your hair?"),
                    ("Elise", "I adore the John Frieda range. I promise I don't work for John Frieda!")])
        assert "John Frieda" not in holder(m, "John")


@pytest.mark.backends
def test_a_speaker_is_not_a_name_said_in_their_own_turns(db):
    # Emi says "Hey Emily!" to Elise: "Emily" fits "Emi" (its first letters) but no one calls themselves by name
    with Memory(db) as m:
        m.add_chat([("Emi", "Hey Emily! What have you been up to today?"), ("Elise", "Not much, just a walk.")])
        m.add_chat([("Emi", "Enjoy your walk and dinner Emily. Have a fantastic evening!"), ("Elise", "Thanks!")])
        assert "Emily" not in holder(m, "Emi")


@pytest.mark.backends
def test_someone_elses_kin_is_not_a_full_name_said_once_with_no_tie(db):
    with Memory(db) as m:
        m.add_chat([("Caroline", 'Yeah totally! "Brave" by Sara Bareilles means a lot to me.'),
                    ("Melanie", "I love that song too.")])
        m.add_chat([("Maria", "What a lovely picture!"),
                    ("John", "Thanks, Maria! It was from a trip for my daughter Sara's birthday.")])
        sara = [names for names in people(m).values() if "Sara" in names]
        assert sara and all("Sara Bareilles" not in names for names in sara)


@pytest.mark.backends
def test_a_surname_said_alone_is_not_the_short_form_of_a_first_name(db):
    # "Brady" of "Tom Brady" begins with "Brad", a dog's name in another chat
    with Memory(db) as m:
        m.add_chat([("Paola", "Tom Brady is my personal favourite. Throughout his career, Brady has delivered."),
                    ("Kevin", "Tom Brady is remarkable.")])
        m.add_chat([("Paola", "Let me show you my dog, his name is Brad. Brad and I walk in Central Park."),
                    ("Emi", "Where do you walk your dog Brad?")])
        assert not any("Brad" in names and "Tom Brady" in names for names in people(m).values())


@pytest.mark.backends
def test_a_first_name_still_joins_the_full_name_in_a_journal(db):
    # what the rules above leave alone: no chat, no tie elsewhere ("Tom Hughes ... Tom")
    with Memory(db) as m:
        m.add("Tom Hughes came round for tea and we talked about the garden.", at="2021-03-01")
        m.add("Tom rang about the fence. I said I'd help on Saturday.", at="2021-03-04")
        assert "Tom" in holder(m, "Tom Hughes")


@pytest.mark.backends
def test_a_first_name_that_fits_only_a_short_form_is_another_name(db):
    # "Emily" is one of the names "Mel" is short for, but Mel here is Melanie: Emily and Melanie are two names
    with Memory(db) as m:
        m.add_chat([("Caroline", "Hey Mel! Good to see you!"), ("Melanie", "Hey Caroline! I went swimming with the kids."),
                    ("Caroline", "Thanks, Mel! That sounds fun.")])
        m.add_chat([("Kevin", "Hello! How was your weekend, Emily?"), ("Elise", "Lovely, thanks. I went hiking.")])
        assert "Emily" not in holder(m, "Melanie")


@pytest.mark.backends
def test_a_full_name_said_with_no_tie_is_not_someone_elses_kin_stored_before(db):
    with Memory(db) as m:
        m.add_chat([("Maria", "How was your week?"),
                    ("John", "Good! My colleague Rob invited me to a beginner's yoga class.")])
        m.add_chat([("Emi", "Have you seen Life is Beautiful? Roberto Benigni is brilliant in it."),
                    ("Elise", "Not yet, I will watch it.")])
        assert "Roberto Benigni" not in holder(m, "Rob")


def test_a_name_that_fits_joins_only_within_the_circle_it_was_said_in(tmp_path):
    # "Samuel", a veteran John met, is not Sam who chats with Evan in another conversation; within one it is
    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("John", "I heard some cool stories from an elderly veteran named Samuel."), ("Maria", "That's lovely, John!")])
        m.add_chat([("Evan", "Hey Sam! Good to see you!"), ("Sam", "Hi Evan, I just got back from a trip.")])
        assert "Samuel" not in holder(m, "Sam")
    with Memory(tmp_path / "n.db") as m:
        m.add_chat([("Evan", "My cousin Samuel Price is visiting."), ("Maria", "Oh nice, say hi to him!")])
        m.add_chat([("Evan", "Sam went home today."), ("Maria", "Did Sam like the city?")])
        assert "Samuel Price" in holder(m, "Sam")


def test_a_full_name_said_in_passing_is_not_a_nickname_said_before(tmp_path):
    # an actress named once with no tie is not "Jenny", a character or a friend of the chat, nor "Rick Hoffman" "Ricky"
    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Elise", "Mike should have been with Jenny rather than Rachel."), ("Emi", "Totally, Jenny was great.")])
        m.add_chat([("Emi", "I thought Jennifer Aniston looked stunning in her dress."), ("Elise", "She always does!")])
        assert "Jennifer Aniston" not in holder(m, "Jenny")
    # a full name with the surname of the chat's family is theirs: the grandad's name on his stone is "Ronnie"
    with Memory(tmp_path / "n.db") as m:
        m.add_chat([("Irene", "Ronnie took me to Keswick in 1978."), ("Paul", "Sounds like him, Mam.")])
        m.add_chat([("Irene", "Ronnie was a law unto himself."), ("Lorraine", "He was! Paul Walsh up a ladder now, like his dad.")])
        m.add_chat([("Irene", "I read her the words on the stone. Ronald Walsh, beloved husband."), ("Paul", "Lovely, Mam.")])
        assert "Ronald Walsh" in holder(m, "Ronnie")
