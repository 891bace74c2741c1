"""Person facts (extract/facts.py): what each person likes, does, has, where they live and what they plan."""
import pytest

from remembrancer import extract
from remembrancer.store import Memory


def facts(text, at="2024-01-10"):
    ex = extract.extract(text, at=at)
    return {(ex.people[f.person].name, f.kind, f.what) for f in ex.facts}


def chat(turns, at="2024-01-10"):
    text, speakers = "", []
    for who, said in turns:
        line = f"{who}: {said}\n"
        speakers.append((len(text) + len(who) + 2, len(text) + len(line) - 1, who))
        text += line
    ex = extract.extract(text, at=at, speakers=speakers)
    return {(ex.people[f.person].name, f.kind, f.what) for f in ex.facts}


def test_first_person_tastes_in_a_journal():
    got = facts("I love skiing. I don't like horror films. I can't stand cold water. My favourite band is Blur.")
    assert {("me", "likes", "skiing"), ("me", "dislikes", "horror films"), ("me", "dislikes", "cold water"),
            ("me", "likes", "blur")} <= got


def test_a_chat_speakers_i_is_the_speaker():
    got = chat([("Maya", "I've been sketching a lot lately."), ("Theo", "I play tennis every Sunday.")])
    assert ("Maya", "does", "sketch") in got and ("Theo", "does", "play tennis") in got


def test_third_person_through_a_pronoun():
    got = facts("My sister Ann came round. She's training to be a nurse. She hates cooking.")
    assert ("Ann", "studies", "nurse") in got and ("Ann", "dislikes", "cooking") in got


def test_plans_and_wants_with_their_time():
    ex = extract.extract("We're moving to Leeds in June. I want to learn to throw a proper bowl.", at="2024-01-10")
    by_what = {f.what: f for f in ex.facts}
    assert by_what["move to leeds"].kind == "plans" and by_what["move to leeds"].lo == "2024-06-01"
    assert by_what["learn to throw proper bowl"].kind == "wants"


def test_pets_and_things_one_has():
    got = facts("My cat Luna sleeps all day. I've got a small shed and my car is old.")
    assert ("me", "has", "cat luna") in got and ("me", "has", "small shed") in got and ("me", "has", "car") in got


def test_where_someone_lives_is_the_place_named():
    got = facts("Dad still lives in the same house in Stockport. I'm from Cardiff.")
    assert ("Dad", "lives", "stockport") in got and ("me", "lives", "cardiff") in got


def test_work_and_study():
    got = facts("I work as a paramedic. My friend Aisha is a teacher. I'm majoring in economics at Stanford.")
    assert {("me", "works", "paramedic"), ("Aisha", "works", "teacher"), ("me", "studies", "economics"),
            ("me", "studies", "stanford")} <= got


@pytest.mark.parametrize("text", [
    "Do you like skiing?",              # a question
    "If I liked running I would run.",  # a condition
    "You love skiing.",                 # said of "you"
    "I don't play tennis.",             # a negated activity
    "I want to see.",                   # a want with nothing in it
    "I love your advice.",              # the other person's thing, not a taste
    "Tom is learning Spanish with the neighbour next door.",  # "next" that is not a time ahead: a study, not a plan
])
def test_not_facts(text):
    got = facts(text)
    assert not {g for g in got if g[1] in ("likes", "plans", "wants", "does") and g[0] in ("me",)}, got
    if text.startswith("Tom"):
        assert ("Tom", "studies", "spanish") in got and not any(k == "plans" for _, k, _ in got)


def test_in_a_chat_he_and_she_are_not_the_people_talking():
    got = chat([("Sam", "Is Dev the one with the violin?"), ("Priya", "Yes. He plays in an orchestra in Birmingham.")])
    assert not any(p in ("Sam", "Priya") and "orchestra" in w for p, _, w in got)


def test_facts_are_stored_and_on_the_person_page(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        m.add_chat([("Kevin", "I play basketball with my friends every Sunday."), ("Paola", "Nice! I love lava cake."),
                    ("Kevin", "I'm planning to visit Greece next summer.")], at="2024-01-10")
        about = m.person("Kevin")["about"]
        assert [f["statement"] for f in about] == ["plays basketball with friends", "plans to visit Greece"] or \
            {f["kind"] for f in about} == {"does", "plans"}
        first = about[0]
        assert set(first) >= {"kind", "what", "statement", "first_at", "last_at", "said", "evidence"}
        assert first["evidence"][0]["speaker"] == "Kevin" and "basketball" in first["evidence"][0]["text"]
        assert [f["what"] for f in m.person("Paola")["about"]] == ["lava cake"]


def test_favourites_and_passions_said_of_the_thing():
    got = chat([("Kevin", "Japanese cuisine is one of my favourites."), ("Elise", "Tennis is my passion, honestly."),
                ("Kevin", "Hawaii is my favorite place in the world.")])
    assert {("Kevin", "likes", "japanese cuisine"), ("Elise", "likes", "tennis"), ("Kevin", "likes", "hawaii")} <= got


def test_tastes_said_with_an_adjective_or_a_sucker():
    got = facts("I'm really interested in aviation. I'm a sucker for homemade spaghetti. Tom is obsessed with boats.")
    assert {("me", "likes", "aviation"), ("me", "likes", "homemade spaghetti"), ("Tom", "likes", "boats")} <= got


def test_places_been_to_come_from_and_schools():
    got = chat([("Kevin", "I come from Albania, but I've been to Italy twice."),
                ("Elise", "I interned at JP Morgan last summer."),
                ("Kevin", "I did a short internship at Microsoft. Now I'm a freshman attending Stanford University.")])
    assert {("Kevin", "lives", "albania"), ("Kevin", "does", "been to italy"), ("Elise", "works", "jp morgan"),
            ("Kevin", "works", "microsoft"), ("Kevin", "studies", "stanford university")} <= got


@pytest.mark.parametrize("text", [
    "Is skiing one of your favourites?",      # a question, and the other person's
    "It is one of my favourites.",           # nothing named
    "I came back from Paris yesterday.",     # a trip, not where one is from
    "I will do an internship at Google.",    # a plan, not work
    "I'm not interested in football.",       # negated
])
def test_not_tastes_or_places(text):
    got = facts(text)
    assert not {g for g in got if g[0] == "me" and g[1] in ("likes", "lives", "works")}, got


def test_bouts_of_an_activity_and_trying_something():
    got = chat([("Kevin", "As for me, I'm getting ready for a fun game of basketball with my friends."),
                ("Paola", "I just had my first yoga class and it went amazing!"),
                ("Kevin", "Hey! Today has been pretty exciting—I decided to give jiu-jitsu a shot."),
                ("Paola", "I gave pottery a try last week."),
                ("Kevin", "Tomorrow I have a tennis match.")])
    assert {("Kevin", "does", "basketball"), ("Paola", "does", "yoga"), ("Kevin", "does", "jiu-jitsu"),
            ("Paola", "does", "pottery"), ("Kevin", "plans", "tennis")} <= got


def test_interests_days_spent_doing_and_what_one_was_doing():
    got = chat([("Kevin", "As for me, coding has caught my interest lately."),
                ("Paola", "I'm curious about web development, and I'm drawn to writing short stories."),
                ("Kevin", "Today, I had a peaceful day hiking amidst nature."),
                ("Paola", "Last month I was visiting Las Vegas."), ("Kevin", "I do play club soccer for Stanford.")])
    assert {("Kevin", "likes", "coding"), ("Paola", "likes", "web development"), ("Paola", "likes", "writing short stories"),
            ("Kevin", "does", "hike"), ("Paola", "does", "visit las vegas"), ("Kevin", "does", "play club soccer")} <= got


@pytest.mark.parametrize("turn", [
    "You should take a yoga class.",            # said of "you"
    "I don't have a yoga class today.",         # negated
    "Do you want to play a game of chess?",     # a question
    "I think you would love a pottery class.",  # someone else's clause inside mine
    "I'll give it a try.",                      # nothing named
    "That game of yours caught my eye?",        # a question
])
def test_not_activities(turn):
    got = chat([("Kevin", turn), ("Paola", "Okay.")])
    assert not {g for g in got if g[0] == "Kevin" and g[1] in ("does", "plans", "likes")}, got


def test_a_place_the_parser_takes_for_a_date_and_things_listed_with_a_possession():
    got = chat([("Priyanka", "Organic chem. I'm studying pharmacy at Manchester, second year"), ("Sam", "Nice."),
                ("Priyanka", "I work at Tesco on Saturdays.")])
    assert {("Priyanka", "studies", "manchester"), ("Priyanka", "works", "tesco")} <= got
    assert not any(w in ("saturdays", "second year") for _, _, w in got)
    got = facts("I've got a small shed and a water butt. I have a headache and a cold.")
    assert {("me", "has", "small shed"), ("me", "has", "water butt")} <= got and not any("cold" in w for _, _, w in got)


def test_pastimes_taken_up_looked_forward_to_and_said_of_oneself():
    got = chat([("Rosa", "I've been getting into pottery lately"), ("Dev", "I'm really into baking bread now"),
                ("Rosa", "I'm big into photography these days"), ("Dev", "I can't wait to try sushi at that new place"),
                ("Rosa", "I can't wait for the concert on Friday!!"), ("Dev", "I've picked up knitting again"),
                ("Rosa", "Chess has become my new obsession"), ("Dev", "I'm a big foodie, always hunting for ramen"),
                ("Rosa", "I'm a history buff"), ("Dev", "I'm on the volleyball team at school"),
                ("Rosa", "I've been doing a lot of yoga recently")])
    assert {("Rosa", "likes", "pottery"), ("Dev", "likes", "baking bread"), ("Rosa", "likes", "photography"),
            ("Dev", "plans", "try sushi"), ("Rosa", "plans", "concert"), ("Dev", "does", "knitting"),
            ("Rosa", "likes", "chess"), ("Dev", "likes", "foodie"), ("Rosa", "likes", "history buff"),
            ("Dev", "does", "volleyball team"), ("Rosa", "does", "do yoga")} <= got


@pytest.mark.parametrize("turn", [
    "I finally got into the car after an hour",   # a place entered
    "I'm getting into bed now",
    "I've been getting into arguments with my boss",  # something that happens with someone
    "I picked up the kids from school",           # a thing picked up
    "I picked up some milk on the way",
    "I can't wait for you to see it",             # waiting on someone else
    "I can't wait any longer",
    "I'm in the club right now lol",              # a place
    "I'm a lover not a fighter",                  # a lover of nothing named
    "You're such a bookworm",                     # said of "you"
    "Are you into sports?",                       # a question
    "I'm not really into sports",                 # negated
])
def test_not_pastimes(turn):
    got = chat([("Rosa", turn), ("Dev", "Okay.")])
    assert not {g for g in got if g[0] == "Rosa"}, got


def test_a_favourite_that_has_to_be():
    got = chat([("Rosa", "Honestly my favourite city has to be Lisbon."), ("Dev", "My favourite doesn't have to be fancy.")])
    assert ("Rosa", "likes", "lisbon") in got and not {g for g in got if g[0] == "Dev"}, got
