"""Questions that gather one person's facts across a chat ("What sports does Priya play?"): every turn where the person
says one of the things asked for is to be ranked near the top, ahead of talk that only shares the question's words.
Chats of our own (British, Nigerian, Indian, Australian, Filipino, Scottish, American English), each over several days,
with the other speaker and the person asked both talking round the subject; real models, SQLite."""
import pytest

from remembrancer import recall
from remembrancer.store import Memory

# (speakers' sessions, question, the turns that answer it, how many places they may take)
CHATS = {
    "uk-sports": (
        [("2024-02-03", [("Priya", "Morning! Did you watch the rugby last night?"),
                         ("Tom", "Only the second half, the sports channel kept cutting out."),
                         ("Priya", "I've got netball practice tonight, our coach is brutal."),
                         ("Tom", "Sports on telly are better than playing them, honestly."),
                         ("Priya", "Ha, lazy. Sports news says England lost again."),
                         ("Tom", "Typical. Fancy a pint Friday?"), ("Priya", "Go on then.")]),
         ("2024-02-10", [("Tom", "How was your week?"), ("Priya", "Knackered. Work has been mad."),
                         ("Tom", "My brother does sports science at uni, he loves it."),
                         ("Priya", "Went bouldering with the girls on Sunday, my arms are dead."),
                         ("Tom", "That sounds painful."), ("Priya", "The sports hall at work is shut for repairs anyway.")]),
         ("2024-02-24", [("Priya", "My cricket team won on Saturday, I took two wickets!"),
                         ("Tom", "Nice one. Which sports bar shall we watch the final in?"),
                         ("Priya", "The one by the station, it's less loud."),
                         ("Tom", "Sports bars are always loud."), ("Priya", "True, true.")])],
        "What sports does Priya play?",
        ["I've got netball practice tonight", "Went bouldering with the girls", "My cricket team won"], 5),
    "ng-food": (
        [("2024-05-01", [("Chidi", "Good morning o! How was the wedding?"), ("Amaka", "It was lovely, the food was plenty."),
                         ("Chidi", "I love jollof rice more than anything, I could eat it every day."),
                         ("Amaka", "Food at weddings is always too much."), ("Chidi", "Food is food, I no dey complain."),
                         ("Amaka", "Lol. My aunty cooked for two hundred people.")]),
         ("2024-05-06", [("Amaka", "Are you coming to church on Sunday?"), ("Chidi", "Yes, I'll be there early."),
                         ("Amaka", "Bring the food flasks back please."), ("Chidi", "I will. Honestly suya is my weakness, "
                                                                            "I buy some every Friday on the way home."),
                         ("Amaka", "You and suya sha."), ("Chidi", "Food prices in the market are crazy now.")]),
         ("2024-05-14", [("Chidi", "My favourite soup has to be egusi, my mum's one especially."),
                         ("Amaka", "Food talk again!"), ("Chidi", "What food is your brother bringing?"),
                         ("Amaka", "Rice, as usual."), ("Chidi", "Okay no wahala.")])],
        "What food does Chidi like?",
        ["I love jollof rice", "Honestly suya is my weakness", "My favourite soup has to be egusi"], 5),
    "in-hobbies": (
        [("2023-11-02", [("Ananya", "Hi! Diwali plans sorted?"), ("Rohan", "Almost, hobbies have gone out of the window."),
                         ("Ananya", "Same, too much work this month."),
                         ("Rohan", "I've been getting into sketching lately, mostly trees and old buildings."),
                         ("Ananya", "Nice! My hobbies are mostly sleeping, haha."), ("Rohan", "Ha, fair.")]),
         ("2023-11-09", [("Ananya", "Did you finish the report?"), ("Rohan", "Yes finally, sent it last night."),
                         ("Rohan", "I'm on the office chess team now, we play every Thursday."),
                         ("Ananya", "Hobbies at the office, how very corporate."),
                         ("Rohan", "Interests are interests, yaar."), ("Ananya", "True.")]),
         ("2023-11-20", [("Rohan", "Picked up the tabla again after ten years, my fingers hurt."),
                         ("Ananya", "Wow, old hobbies coming back."), ("Rohan", "What do you do on weekends now?"),
                         ("Ananya", "Mostly visiting my parents in Pune."), ("Rohan", "That's nice.")])],
        "What are Rohan's hobbies?",
        ["I've been getting into sketching", "I'm on the office chess team", "Picked up the tabla again"], 5),
    "au-places": (
        [("2024-01-08", [("Jess", "G'day! Back from holidays?"), ("Liam", "Yeah mate, just got back from Tasmania."),
                         ("Jess", "Cities over summer are dead anyway."), ("Liam", "We did a few days in Hobart, "
                                                                            "the market there is ripper."),
                         ("Jess", "Nice. Places down south are always cold though."), ("Liam", "Freezing, even in January.")]),
         ("2024-01-15", [("Jess", "Work's been flat out."), ("Liam", "Same here, back to it."),
                         ("Jess", "My sister wants to visit cities in Europe next year."),
                         ("Liam", "Went to Byron Bay for the long weekend, surfed every morning."),
                         ("Jess", "Jealous."), ("Liam", "Places like that are packed now though.")]),
         ("2024-01-29", [("Liam", "Flew up to Darwin for my cousin's wedding, the heat was unreal."),
                         ("Jess", "Which cities are you keen on next?"), ("Liam", "Not sure yet, need to save first."),
                         ("Jess", "Fair enough."), ("Liam", "Yeah.")])],
        "What places has Liam been to?",
        ["Yeah mate, just got back from Tasmania", "Went to Byron Bay", "Flew up to Darwin"], 6),
    "ph-plans": (
        [("2024-03-04", [("Maricel", "Hi ate! Kumusta?"), ("Joy", "Okay lang, busy with the kids."),
                         ("Maricel", "I'm planning to take the nursing board exam in July, wish me luck."),
                         ("Joy", "Plans are good, but rest also ha."), ("Maricel", "Yes ate, plans plans plans."),
                         ("Joy", "Haha.")]),
         ("2024-03-12", [("Joy", "Did you eat already?"), ("Maricel", "Yes, adobo. You?"), ("Joy", "Not yet."),
                         ("Maricel", "We're moving to Cebu in June, my husband got a job there."),
                         ("Joy", "Plans for the house here?"), ("Maricel", "We'll rent it out, I think.")]),
         ("2024-03-25", [("Maricel", "I can't wait to visit Japan for our anniversary next year!"),
                         ("Joy", "Next year plans already, wow."), ("Maricel", "Haha, I like to be ready."),
                         ("Joy", "Your cousin's plans are always changing."), ("Maricel", "True, that one.")])],
        "What is Maricel planning?",
        ["I'm planning to take the nursing board exam", "We're moving to Cebu in June", "I can't wait to visit Japan"], 6),
    "scot-music": (
        [("2024-06-01", [("Callum", "Awright? Did ye get tickets?"), ("Isla", "Aye, the music festival ones, finally."),
                         ("Callum", "I play the fiddle in a ceilidh band, we've a gig in Oban next week."),
                         ("Isla", "Music in Oban is always a laugh."), ("Callum", "Music's music, hen."),
                         ("Isla", "Ha.")]),
         ("2024-06-08", [("Isla", "How's the new flat?"), ("Callum", "Damp, but it's fine."),
                         ("Isla", "My da listens to music all day, drives me mental."),
                         ("Callum", "I've been learning the bagpipes, the neighbours hate me."),
                         ("Isla", "Poor neighbours."), ("Callum", "Music lessons are dear as well.")]),
         ("2024-06-20", [("Callum", "Sang at my pal's wedding on Saturday, first time in front of a crowd."),
                         ("Isla", "What music did they have for the first dance?"), ("Callum", "Some slow thing, cannae mind."),
                         ("Isla", "Typical."), ("Callum", "Aye.")])],
        "What instruments does Callum play?",
        ["I play the fiddle", "I've been learning the bagpipes"], 5),
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rank19")
    out = {}
    for name, (sessions, *_rest) in CHATS.items():
        path = folder / f"{name}.db"
        with Memory(path) as m:
            for at, turns in sessions:
                m.add_chat(turns, at=at)
        out[name] = path
    return out


def places(path, question, wanted, limit=10):
    """The place in the ranking of each wanted turn (None when not in the first `limit`)."""
    with Memory(path) as m:
        texts = [p["text"] for p in recall.rank(m, question, limit=limit)]
    return {w: next((k for k, t in enumerate(texts) if t.startswith(w)), None) for w in wanted}


# Main (1d8e2cb) and this branch alike rank a turn of these out of its places: the turn holds no fact the reader takes
# ("suya is my weakness", "Picked up the tabla", "just got back from Tasmania"), or the fact is outranked by talk that
# only says the question's category word ("Sports on telly ...", "plans plans plans"). Round 19's ranking changes that
# would lift them lowered REALTALK chats 1-3 or chats 4-5 (docs/benchmarks.md, "Round 19, rank19").
OUTRANKED = {"uk-sports", "ng-food", "in-hobbies", "au-places", "ph-plans"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="an answering turn is "
                                                                          "outranked; see OUTRANKED")) if n in OUTRANKED
                                  else n for n in CHATS])
def test_a_gathering_question_ranks_every_turn_that_answers_it(stores, name):
    _sessions, question, wanted, k = CHATS[name]
    found = places(stores[name], question, wanted)
    assert all(at is not None and at < k for at in found.values()), found


@pytest.mark.parametrize("name, question, turn", [
    ("uk-sports", "When did Priya take two wickets?", "My cricket team won"),
    ("ng-food", "Where does Chidi buy suya?", "I will. Honestly suya is my weakness"),
    ("au-places", "Who got married in Darwin?", "Flew up to Darwin"),
])
def test_a_question_about_one_thing_still_ranks_its_turn_first(stores, name, question, turn):
    """Traps: a question that does not gather is ranked as before, its one turn first."""
    assert places(stores[name], question, [turn], limit=3)[turn] == 0

