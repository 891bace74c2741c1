"""Names in questions that are not written as the store writes them: a handle in lower case, a
misspelling, a nickname. No model is loaded: the speakers are read from the passages."""
import numpy as np
import pytest
from conftest import store_on

from remembrancer import recall
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL


def _chat(path):
    m = Memory(path, derive=False)
    m.add_chat([("elise", "I went hiking near Malibu on Sunday."), ("Nicolas", "Nice, I stayed home and played chess."),
                ("elise", "Chess is fun, my brother taught me."), ("Nicolas", "Ask Elizabeth, she plays too.")],
               at="2024-01-07")
    return m


def speakers(memory, question):
    return sorted(s for source in recall.named_people(memory, question) for s in source.speakers)


def test_a_handle_in_lower_case_is_the_capitalised_name(db):
    with _chat(db) as m:
        assert speakers(m, "Where did Elise go hiking?") == ["elise"]
        assert recall.meaning("Where did Elise go hiking?", recall.named_people(m, "Where did Elise go hiking?")) == "Where did go hiking?"


def test_a_name_a_letter_or_two_off_is_the_one_known_name(db):
    with _chat(db) as m:
        assert speakers(m, "When did Elisa go hiking?") == ["elise"]
        assert speakers(m, "When did Eliza go hiking?") == ["elise"]
        assert speakers(m, "What does Nicholas play?") == ["Nicolas"]
        assert speakers(m, "What does Nicolaas play?") == ["Nicolas"]
        # not a name that differs more, nor one with another first letter
        assert speakers(m, "What does Nikolai play?") == []
        assert speakers(m, "What does Ellen play?") == []
        assert speakers(m, "What does Ilise play?") == []


def test_a_name_the_store_holds_is_not_read_as_another(db):
    with _chat(db) as m:
        # "Elizabeth" is in a passage: someone of her own, not a misspelt "elise"
        assert speakers(m, "What does Elizabeth play?") == []


def test_a_nickname_is_the_name(db):
    with Memory(db, derive=False) as m:
        m.add_chat([("Katherine", "I ski every winter."), ("Robert", "I prefer the beach.")], at="2024-01-07")
        assert speakers(m, "What does Kathy like?") == ["Katherine"]
        assert speakers(m, "Where does Bob go?") == ["Robert"]


def test_misspelt():
    assert recall._misspelt("eliza", "elise") and recall._misspelt("nebras", "nebraas") and recall._misspelt("paula", "paola")
    assert recall._misspelt("kevni", "kevin")  # two letters swapped
    assert recall._misspelt("kate", "kane")  # one edit is enough for a name the store never says
    assert not recall._misspelt("mark", "mike") and not recall._misspelt("devin", "kevin") and not recall._misspelt("anna", "annabelle")


def test_a_month_or_a_day_is_not_a_misspelt_name(db):
    with Memory(db, derive=False) as m:
        m.add_chat([("Maya", "I went climbing."), ("Sunny", "Nice!")], at="2024-01-07")
        assert speakers(m, "What did they do in May?") == []
        assert speakers(m, "What did they do on Sunday?") == []
        assert speakers(m, "What did Mya do?") == ["Maya"]


def test_a_person_named_in_the_chat_is_the_speaker_their_name_is_near(db):
    with Memory(db) as m:  # extraction: "Nebras" is a person the other speaker names
        m.add_chat([("Nebraas", "I made bubble tea today."), ("Nicolas", "Nebras, you always make the best bubble tea!")],
                   at="2024-01-07")
        sources = recall.named_people(m, "What did Nebras make?")
        assert [sorted(s.speakers) for s in sources] == [["Nebraas"]]


def test_a_person_extraction_found_is_the_speaker_their_name_is_near(db):
    with Memory(db) as m:
        m.add_chat([("Nebraas", "Sorry, the bus was late again."), ("Nicolas", "Haha Nebras is always late.")], at="2024-01-07")
        assert m.query("SELECT 1 FROM aliases WHERE alias = 'Nebras'")  # a person of their own to extraction
        sources = recall.named_people(m, "Why was Nebras late?")
        assert [sorted(s.speakers) for s in sources] == [["Nebraas"]]


def test_a_speaker_called_by_another_name_in_the_chat_is_that_speaker(db):
    with Memory(db) as m:  # Emi goes by Kate: she says so, and elise calls her so
        m.add_chat([("Emi", "Hi! I'm Kate, by the way. I love skiing."), ("elise", "Hey Kate! I went to the bar with Tom."),
                    ("Emi", "Is Tom your brother?"), ("elise", "No, Tom is a friend. That's so cool Kate!")], at="2024-01-07")
        m.add_chat([("elise", "Thank you Kate, I really appreciate it!"), ("Emi", "Anytime.")], at="2024-01-08")
        assert [sorted(s.speakers) for s in recall.named_people(m, "What does Kate like?")] == [["Emi"]]
        # a name said only of someone else is no speaker's
        assert [sorted(s.speakers) for s in recall.named_people(m, "Who is Tom?")] == [[]]
        assert recall._called(m, recall.names(m), "Tom") == set()
        m.add_chat([("Ann", "Hi! I’m Jo."), ("Ben", "Thanks Jo!"), ("Ben", "And this is Kim's dog."), ("Ann", "Hey Kim!")],
                   at="2024-01-09")
        assert recall._called(m, recall.names(m), "Jo") == {"Ann"}  # a curly apostrophe
        assert recall._called(m, recall.names(m), "Kim") == set()  # "this is Kim's dog" is not Ben's name


def test_a_pet_named_at_the_end_of_a_clause_is_not_the_other_speaker(db):
    with Memory(db, derive=False) as m:
        m.add_chat([("Andrew", "We're gonna take Scout, Toby, and Buddy to a park."), ("Audrey", "Sounds great for Scout!"),
                    ("Andrew", "We feel so lucky to have Scout."), ("Audrey", "What's Scout's first adventure?")], at="2024-01-07")
        assert recall._called(m, recall.names(m), "Scout") == set()


def test_a_store_of_people_messaging_has_weights_of_its_own(tmp_path, request, backend):
    # LoCoMo's written chats alternate turn by turn; people messaging send one message in several turns
    written = [("Ann" if i % 2 else "Bob", f"Turn {i} about the garden and the weather today.") for i in range(30)]
    sent = [("Ann" if i % 6 < 3 else "Bob", f"Turn {i} about the garden" + " and the weather" * (i % 4)) for i in range(30)]
    for name, turns, messaging in (("written", written, False), ("sent", sent, True)):
        with Memory(store_on(backend, request, tmp_path, name), derive=False) as m:
            m.add_chat(turns, at="2024-01-07")
            assert recall.names(m).messaging is messaging
            f = recall.features(m, "garden", np.zeros(384, dtype=np.float32), {"people": [], "times": []})
            assert f["messaging"] is messaging
            shortest = min(f["ids"], key=lambda i: f["length"][f["ids"].index(i)])
            first = recall.fuse(f, dict(recall.WEIGHTS, **{"chat:length": -100.0}), 1)[0][0]
            assert (first == shortest) is messaging


def test_a_name_said_as_a_place_is_no_one_asked_about(db):
    """ "When did Caroline go to Paris?" asks about Caroline, not about a play's Paris who speaks in the store: a name
    after a preposition of place, or after "to"/"from" following a word of going, is a place; after other words
    ("say to Paris", "a gift to Melanie") or owning what follows ("go to Melanie's") it is someone."""
    with Memory(db, derive=False) as m:
        m.add_chat([("Caroline", "I finally went to Paris in May!"), ("Melanie", "Lucky you, I'm still painting.")],
                   at="2023-06-01")
        m.add_chat([("Paris", "Happily met, my lady and my wife!"), ("Juliet", "That may be, sir, when I may be a wife.")],
                   at="1597-01-01")
        assert speakers(m, "When did Caroline go to Paris?") == ["Caroline"]
        assert speakers(m, "When was Caroline in Paris?") == ["Caroline"]
        assert speakers(m, "Has Caroline been to Paris?") == ["Caroline"]
        assert speakers(m, "when did caroline fly back to paris?") == ["Caroline"]
        assert speakers(m, "What did Juliet say to Paris?") == ["Juliet", "Paris"]
        assert speakers(m, "What did Caroline give to Melanie?") == ["Caroline", "Melanie"]
        assert speakers(m, "When did Caroline go to Melanie's?") == ["Caroline", "Melanie"]
        # the place stays what the question is about: its words and meaning are searched for
        question = "When did Caroline go to Paris?"
        assert "Paris" in recall.meaning(question, recall.named_people(m, question))
        assert m.ask(question, limit=1)["passages"][0]["text"] == "I finally went to Paris in May!"


def test_names_said_are_looked_up_again_when_the_store_changes(db):
    """The names a question can say are indexed by their first word (`Names.said_by`) once, and again when the store
    gains speakers or an entry changes."""
    with _chat(db) as m:
        assert speakers(m, "What did Nicolas play?") == ["Nicolas"]
        assert speakers(m, "What did Zelda play?") == []
        m.add_chat([("Zelda", "I play the harp."), ("Nicolas", "Since when?")], at="2024-01-08")
        assert speakers(m, "What did Zelda play?") == ["Zelda"]
        assert speakers(m, "what did zelda play?") == ["Zelda"]  # typed in lower case
