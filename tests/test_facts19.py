"""Person facts in the forms people text them (round 19, issue 18): tastes said without "like", pastimes taken up
again, trips said as a flight or a few days somewhere, plans being thought of; and lines that state no fact.

Our own turns and journal lines, in many Englishes, written before extract/facts.py was read. A fact is matched by
person, kind (any of the kinds a careful reader would allow) and one content word of what it is about, so the tests
do not depend on how the statement is normalised.
"""
import pytest

from remembrancer import extract


def facts(text, at="2024-03-10"):
    ex = extract.extract(text, at=at)
    return {(ex.people[f.person].name, f.kind, f.what) for f in ex.facts}


def chat(turns, at="2024-03-10"):
    text, speakers = "", []
    for who, said in turns:
        line = f"{who}: {said}\n"
        speakers.append((len(text) + len(who) + 2, len(text) + len(line) - 1, who))
        text += line
    ex = extract.extract(text, at=at, speakers=speakers)
    return {(ex.people[f.person].name, f.kind, f.what) for f in ex.facts}


def found(got, who, kinds, word):
    return any(p == who and k in kinds and word in w.split() for p, k, w in got)


# Read by branch facts19's extract/facts.py (facts 5, commit cadffb5), which lowered REALTALK chats 4-5 at R@25 and
# was taken out (docs/benchmarks.md, "Round 19, facts19"): main's reader misses these, strictly.
MISSED = pytest.mark.xfail(strict=True, reason="main's facts reader misses this form (facts19's reading was taken out)")
MAIN_READS = {"I'm obsessed with padel at the minute", "I'm hooked on crosswords now, every single morning",
              "I took up cold water swimming in the spring", "We went to Boracay last summer",
              "I'm thinking of moving to Pune next year", "I'm planning on running the Dublin marathon"}
MAIN_TRAPS = {"I like that idea", "I did a few days in hospital after the fall", "We did a few days of overtime"}


def missed(cases, read=()):
    """The cases as parameters, those main does not read right marked as strict xfails."""
    return [c if c[0 if isinstance(c, str) else 1] in read else pytest.param(*([c] if isinstance(c, str) else c), marks=MISSED)
            for c in cases]


LIKES, DOES, TRAVEL, PLANS = ("likes",), ("does", "likes", "studies"), ("does",), ("plans", "wants")

# (speaker, turn, kinds, a word of what; a second speaker answers "ok" so each turn is a chat of its own)
TURNS = [
    # tastes said without "like"
    ("Chidi", "Honestly suya is my weakness", LIKES, "suya"),                                  # Nigerian
    ("Jess", "Lamingtons are my weakness tbh", LIKES, "lamingtons"),                           # Australian
    ("Aoife", "I can't get enough of brown bread with real butter", LIKES, "bread"),           # Irish
    ("Priya", "Can't get enough of masala dosa these days", LIKES, "dosa"),                    # Indian, no subject
    ("Mark", "I'm obsessed with padel at the minute", LIKES, "padel"),                         # British
    ("Ramon", "Sinigang is my comfort food talaga", LIKES, "sinigang"),                        # Filipino
    ("Wanjiru", "I'm hooked on crosswords now, every single morning", LIKES, "crosswords"),    # Kenyan
    ("Ellie", "Been absolutely obsessed with sourdough since lockdown", LIKES, "sourdough"),
    ("Deepa", "Filter coffee is my guilty pleasure", LIKES, "coffee"),
    # pastimes taken up again, or being got into
    ("Arjun", "Picked up the tabla again after ten years", DOES, "tabla"),                     # Indian
    ("Siobhan", "I've picked up the fiddle again, the neighbours are thrilled", DOES, "fiddle"),  # Irish
    ("Ben", "Been getting into bouldering lately", DOES, "bouldering"),                        # American
    ("Gwen", "I took up cold water swimming in the spring", DOES, "swimming"),                 # Welsh
    ("Lerato", "Started learning the saxophone last month", DOES, "saxophone"),                # South African
    ("Kofi", "I've gotten really into chess lately", DOES, "chess"),                           # Ghanaian
    # trips
    ("Liam", "Flew up to Darwin for the weekend", TRAVEL, "darwin"),                          # Australian
    ("Liam", "We did a few days in Hobart, so good", TRAVEL, "hobart"),
    ("Anna", "Just got back from Tasmania!", TRAVEL, "tasmania"),
    ("Jack", "Yeah mate, just got back from Perth.", TRAVEL, "perth"),                      # the one spoken to first
    ("Ifeoma", "Spent a week in Accra with my cousins", TRAVEL, "accra"),                      # Nigerian
    ("Rhys", "Drove down to Cornwall at the weekend", TRAVEL, "cornwall"),                     # Welsh
    ("Hamish", "Had a long weekend on Skye, midges were brutal", TRAVEL, "skye"),              # Scottish
    ("Marisol", "We went to Boracay last summer", TRAVEL, "boracay"),                          # Filipino
    ("Callum", "Headed over to Belfast for the match", TRAVEL, "belfast"),                     # Scottish
    # plans being thought of
    ("Nadia", "Thinking of doing a pottery course in the new year", PLANS, "pottery"),
    ("Kiran", "I'm thinking of moving to Pune next year", PLANS, "pune"),                      # Indian
    ("Ade", "Thinking about getting a dog tbh", PLANS, "dog"),                                 # Nigerian
    ("Erin", "I'm planning on running the Dublin marathon", PLANS, "marathon"),                # Irish
]


@pytest.mark.parametrize("who,turn,kinds,word", missed(TURNS, MAIN_READS), ids=[t[1][:30] for t in TURNS])
def test_a_fact_said_as_people_text_it(who, turn, kinds, word):
    got = chat([(who, turn), ("Sam", "ok")])
    assert found(got, who, kinds, word), got


@MISSED
def test_a_few_days_in_a_place_is_not_doing_few_days():
    got = chat([("Liam", "We did a few days in Hobart, so good"), ("Sam", "ok")])
    assert not any("few" in w.split() or "days" in w.split() for _, _, w in got), got


JOURNAL = [
    ("My brother Femi can't get enough of Afrobeats.", "Femi", LIKES, "afrobeats"),
    ("Dad has picked up the banjo again, God help us.", "Dad", DOES, "banjo"),
    ("We did a week in Kerala over Onam. I ate far too much.", "me", TRAVEL, "kerala"),
    ("Flew down to Wellington for the graduation. I was so proud.", "me", TRAVEL, "wellington"),
    ("Thinking of taking up the cello again. I miss it.", "me", PLANS, "cello"),
    ("Custard creams are my weakness, I ate half the packet.", "me", LIKES, "custard"),
]


@pytest.mark.parametrize("text,who,kinds,word", [pytest.param(*j, marks=MISSED) for j in JOURNAL],
                         ids=[t[0][:30] for t in JOURNAL])
def test_a_fact_in_a_journal_line(text, who, kinds, word):
    # a line with no "I" has no writer among its people, so each one that drops its subject says "I" once
    got = facts(text)
    assert found(got, who, kinds, word), got


# turns that state no fact of the speaker's tastes, pastimes, trips or plans
NOT_FACTS = [
    "plans plans plans",
    "Yes ate, plans plans plans.",
    "I like that idea",
    "my weakness is I talk too much",
    "My biggest weakness is impatience",
    "Can't get enough sleep these days",
    "Thinking of you all today xx",
    "I'm thinking of what to say to her",
    "Is chocolate your weakness?",
    "Do you still play the tabla?",
    "You should pick up the guitar again",
    "I did a few days in hospital after the fall",
    "We did a few days of overtime",
    "He flew into a rage",
    "Flew into a rage when I saw the bill",
    "I'm not obsessed with anything really",
    "Can you get enough of it though?",
    "Babe, got back from the shops, no bread left",
    "Wishing you a relaxing weekend lah",
    "Cant wait to chat with you",
]


@pytest.mark.parametrize("turn", [pytest.param(t, marks=MISSED) if t in MAIN_TRAPS else t for t in NOT_FACTS])
def test_not_a_fact(turn):
    got = chat([("Rosa", turn), ("Dev", "ok")])
    assert not {g for g in got if g[0] == "Rosa" and g[1] in ("likes", "does", "plans", "wants")}, got


@MISSED
def test_a_place_flown_to_is_not_a_rage():
    got = facts("Flew up to Inverness on Friday. I forgot my coat. Mum flew into a rage about the cat.")
    assert found(got, "me", TRAVEL, "inverness") and not any("rage" in w for _, _, w in got), got
