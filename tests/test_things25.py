"""Named things, pets, places and figures listed as people (issue 13, things25): texts no rule had read, written before
extract/kinds.py was changed, in many Englishes and forms. Each case says who must be listed (`people`, "A|B": either
name) and which capitalised names are no one of the writer's (`no`): a pet put down or told in brackets, a toy named
after it is bought, a character killed off a soap, a town a winery stands outside, a king or queen one feels like,
Santa's reindeer. The same frames with people in them are traps: a baby put down for a nap, a child named after she
is born, a friend one sits near, a man called Rusty."""
import pytest

from remembrancer import Memory

from conftest import add_said, has_name, listed_names

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]
AT = "2024-06-03"


def case(said, people=(), no=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, list(people), list(no), marks=marks)


CASES = [
    # a pet told in brackets, or put down
    case("Gran had a fall in the night and lay there till Mrs Okafor next door heard Kiwi (the parrot, not a person) "
         "screeching. Gran is in the Royal now.", people=["Gran", "Mrs Okafor"], no=["Kiwi"]),
    case("Fed Biscuit (our cat) before work. Jaz rang at lunch about the flat. Jaz says the landlord is selling.", people=["Jaz"], no=["Biscuit"]),
    case("We had Bramble put down on Friday. The vet came to the house. The kitchen is so quiet without her.",
         no=["Bramble"]),
    case(["Had Dougal put down this morning. Fourteen years. Sandra cried all the way home.",
          "Walked the old route without Dougal. Sandra came too."], people=["Sandra"], no=["Dougal"]),
    case("Chidi (my cousin) came by with jollof. We ate on the veranda.", people=["Chidi"]),
    case("Put Isla down for her nap at two. Isla woke at four and cried for Mummy.", people=["Isla"]),
    case(["Rusty came round to fix the boiler. Rusty says it's the pump.", "Rusty rang about the part."],
         people=["Rusty"]),
    # a toy or a pet named once it is bought
    case("Bought you a rabbit in Dunnes. He is grey with one floppy ear and your mam named him Captain Fluff. "
         "Captain Fluff is in the cot already.", no=["Captain Fluff|Fluff"],
         reason="a role title's person sign on the second mention ties the one pet sign: still listed"),
    case("Got a kitten from the shelter and Amara named her Pickle. Pickle has climbed the curtains twice. Amara "
         "says Pickle is a menace.", people=["Amara"], no=["Pickle"]),
    case("We got a puppy on Saturday! The kids named him Rolo. Rolo has already eaten a slipper.", no=["Rolo"]),
    case("Kemi had a baby girl on Sunday and they named her Adaeze. Kemi says Adaeze has a full head of hair.",
         people=["Kemi", "Adaeze"]),
    # seeing is not telling; a place said is a word (no rule of this branch: traps)
    case(["Bisi came by with her new boyfriend. He is a vet, which Bingo could tell, and Bingo would not go near him.",
          "Bingo got into the bin again."], people=["Bisi"], no=["Bingo"],
         reason="not found by main nor by this branch: a name the tagger does not take for one, or said once doing nothing (people, not kinds)"),
    case(["Tunde can tell you about the roof. Tunde did ours last year.", "Tunde could tell me nothing new."],
         people=["Tunde"],
         reason="not found by main nor by this branch: a name the tagger does not take for one, or said once doing nothing (people, not kinds)"),
    case(["Wedding planning. Dad says Mudgee, so it'll be Mudgee. Leanne wants a marquee.",
          "Leanne rang about the caterers for Mudgee."], people=["Dad", "Leanne"], no=["Mudgee"]),
    case('"It\'s fine," said Kofi. Kofi says Abena is coming on Friday.', people=["Kofi", "Abena"],
         reason="not found by main nor by this branch: a name the tagger does not take for one, or said once doing nothing (people, not kinds)"),
    case(["Mark came by with his new girlfriend. She is a vet, which Bingo could tell, and Bingo hid under the bed.",
          "Bingo got into the bin again. Mark laughed."], people=["Mark"], no=["Bingo"]),
    case(["Sarah can tell you about the roof. Sarah did ours last year.", "Sarah could tell me nothing new."],
         people=["Sarah"]),
    case('"It\'s fine," said Kofi. Kofi says Grace is coming on Friday. Grace rang me after.', people=["Kofi", "Grace"]),
    # a character killed off a show
    case("They killed off Dr Hartley on Holby last night. Mum is raging. Priya says she saw it coming.",
         people=["Mum", "Priya"], no=["Dr Hartley|Hartley"]),
    case("The writers killed off Marcus in the finale and Tasha has not stopped texting me about it. Tasha is "
         "inconsolable.", people=["Tasha"], no=["Marcus"]),
    case("Dr Hartley rang about Dad's bloods. Dr Hartley says the numbers are better.", people=["Dad", "Dr Hartley"]),
    # a place a thing stands outside or near
    case("Dad married Leanne today at a winery outside Mudgee. Aunty Carol did a reading.",
         people=["Dad", "Leanne", "Aunty Carol|Carol"], no=["Mudgee"]),
    case("We stayed at a farm near Ballymena. Ciarán milked a cow. Orla said she wants to live there. Ciarán said no.",
         people=["Ciarán", "Orla"], no=["Ballymena"]),
    case("Sat near Tomasz at the wedding. Tomasz told me about his new job in Gdansk.", people=["Tomasz"]),
    case("Waited outside Femi's office for an hour. Femi finally came out at six.", people=["Femi"]),
    # a public figure one is likened to
    case("I rowed your Nana round the lake and she said she felt like the Queen. Maya waved from the bank. Maya says hello.",
         people=["Maya"], no=["the Queen|Queen"]),
    case("Arjun walked in in his new sherwani looking like the Maharaja himself. Meera laughed.",
         people=["Arjun", "Meera"], no=["the Maharaja|Maharaja"]),
    case("Zainab looks like her mum more every year. Her mum says so too.", people=["Zainab"]),
    # Christmas figures
    case("Christmas Eve. Elin put a carrot out for Rudolph and then ate it herself. Rhys said she was a monkey.",
         people=["Elin", "Rhys"], no=["Rudolph"]),
    case("Christmas Eve. Ava left a mince pie out for Father Christmas and a carrot for Rudolph. Jack said Ava was a genius.",
         people=["Ava", "Jack"], no=["Father Christmas", "Rudolph"]),
    case("Lost my first tooth! Mam says the Tooth Fairy will come tonight. Daideo gave me a euro anyway. Daideo is "
         "the best.", people=["Daideo"], no=["the Tooth Fairy|Tooth Fairy"],
         reason="not found by main nor by this branch: a name the tagger does not take for one, or said once doing nothing (people, not kinds)"),
    case("Lost my first tooth! Mam says the Tooth Fairy will come tonight. Mam said I was very brave.",
         people=["Mam"], no=["the Tooth Fairy|Tooth Fairy"]),
    case(["Rudolph from the allotments fixed our shed roof. Rudolph wouldn't take a penny.",
          "Took Rudolph a bottle of wine to say thanks."], people=["Rudolph"]),
]


def _label(said):
    return (said if isinstance(said, str) else " / ".join(said))[:40]


@pytest.mark.parametrize("said, people, no", CASES, ids=[_label(r.values[0]) for r in CASES])
def test_things_are_no_one_and_people_stay(tmp_path, db, said, people, no):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        names, every = listed_names(memory)
        listed = [w for w in no if any(has_name(names, f) for f in w.split("|"))]
        missed = [w for w in people if not any(has_name(every, f) for f in w.split("|"))]
        assert (listed, missed) == ([], []), names
