"""In a large store, the passages of the people a question names are ranked as a store holding only them ranks them
(recall.own_features): BM25 with their own statistics (`Memory.bm25_among`), on both backends."""
import pytest

from conftest import store_on
from remembrancer import recall
from remembrancer.lexical import fts_terms
from remembrancer.store import Memory

pytestmark = pytest.mark.backends

THEIRS = [
    [("Caroline", "We went down to the lake on Sunday."),
     ("Melanie", "The lake must have been cold!"),
     ("Caroline", "Freezing, but the lake was calm and the kids swam across it twice."),
     ("Melanie", "I started painting again last week, a small canvas of sunflowers."),
     ("Caroline", "Your painting of the lake last year was lovely."),
     ("Melanie", "Thanks! The lake is still my favourite place."),
     ("Caroline", "I'm thinking of painting a mural at the youth centre."),
     ("Melanie", "Do it, you would be great at it."),
     ("Caroline", "We'll take the boat out on the lake next month."),
     ("Melanie", "Bring the dog, he loves the lake.")],
    [("Melanie", "How did the interview go?"),
     ("Caroline", "Really well, they showed me round the lake by the office."),
     ("Melanie", "A lake by the office, lucky you."),
     ("Caroline", "I told them painting is how I unwind."),
     ("Melanie", "Did they like that?"),
     ("Caroline", "They did, one of them paints too."),
     ("Melanie", "We should walk round the lake together soon."),
     ("Caroline", "Yes, Saturday by the lake then."),
     ("Melanie", "Perfect, I'll bring sandwiches."),
     ("Caroline", "And I'll bring the lake map.")],
]
PEOPLE = ["Tom", "Ann", "Raj", "Lena", "Omar", "Greta", "Yusuf", "Ida", "Pavel", "Noor"]
THINGS = ["the shed", "the kitchen", "the fence", "a portrait", "the gate", "the hallway", "a landscape", "the boat"]
SAYINGS = ["I spent the whole day painting {0}.", "Painting {0} took longer than I thought.",
           "Do you like my painting of {0}?", "Still painting {0}, nearly done.", "The painting of {0} is drying now."]


def others():
    """Ten chats of other people, every turn about painting: a word common in the store, rare in the asked chats."""
    for c in range(10):
        a, b = PEOPLE[c], PEOPLE[(c + 3) % len(PEOPLE)]
        yield [((a, b)[k % 2], SAYINGS[(c + k) % len(SAYINGS)].format(THINGS[(c * 3 + k) % len(THINGS)]))
               for k in range(22)]


def fill(m, everyone: bool):
    for day, turns in enumerate(THEIRS):
        m.add_chat(turns, at=f"2023-05-{day + 1:02d}")
    if everyone:
        for day, turns in enumerate(others()):
            m.add_chat(turns, at=f"2022-0{day % 9 + 1}-1{day % 9}")


def theirs(m) -> list[int]:
    return [r[0] for r in m.query("SELECT p.id FROM passages p JOIN entries e ON e.id = p.entry"
                                  " WHERE p.entry IN (SELECT entry FROM passages WHERE speaker = 'Caroline') ORDER BY p.id")]


def test_bm25_among_ranks_with_the_statistics_of_those_passages_alone(db, tmp_path, request, backend):
    alone_db = store_on(backend, request, tmp_path, "alone")
    with Memory(db, derive=False) as big, Memory(alone_db, derive=False) as alone:
        fill(big, True)
        fill(alone, False)
        among = theirs(big)
        assert len(among) == 20 and big.query("SELECT count(*) FROM passages")[0][0] == 240
        text = {r[0]: r[1] for r in big.query("SELECT id, text FROM passages")}
        alone_text = {r[0]: r[1] for r in alone.query("SELECT id, text FROM passages")}
        for question in ("painting at the lake", "lake painting kids", "interview", "the dog and the boat", "nothing here"):
            terms = fts_terms(question)
            got = big.bm25_among(terms, among, 20)  # all of them: none left out of a tie at the end
            want = recall.bm25(alone, question, 20)  # FTS5's BM25 in a store of those passages only
            assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in want]
            assert sorted(text[i] for i, _ in got) == sorted(alone_text[i] for i, _ in want)
            assert all(i in among for i, _ in got)
        # The store's own statistics rank them otherwise: "painting" is in most of its passages, "lake" in few.
        store_wide = [i for i, _ in recall.bm25(big, "painting at the lake", 240) if i in among]
        own = [i for i, _ in big.bm25_among(fts_terms("painting at the lake"), among, 20)]
        assert "paint" in text[own[0]] and "paint" not in text[store_wide[0]]
        # `only`: some of them ranked, with the statistics of all of them
        first = among[:10]
        part = big.bm25_among(fts_terms("painting at the lake"), among, 20, only=first)
        assert [i for i, _ in part] == [i for i in own if i in first]
        assert big.bm25_among([], among, 5) == [] and big.bm25_among(fts_terms("lake"), [], 5) == []


def test_bm25_among_passages_scattered_through_the_store(db, tmp_path, request, backend):
    """Passages asked about that are not one run of ids (a person's entries among everyone's, more runs than are
    read one by one) are ranked as in a store of those passages alone, however often a word comes in each."""
    alone_db = store_on(backend, request, tmp_path, "alone")
    lines = [f"{SAYINGS[k % 5].format(THINGS[k % 8])} Note {k}. " + " ".join(["lake"] * (k % 4)) for k in range(180)]
    with Memory(db, derive=False) as big, Memory(alone_db, derive=False) as alone:
        for k, line in enumerate(lines):
            big.add(line, at=f"2023-01-01T00:{k // 60:02d}:{k % 60:02d}")
            if k % 2:
                alone.add(line, at=f"2023-01-01T00:{k // 60:02d}:{k % 60:02d}")
        among = [r[0] for r in big.query("SELECT id FROM passages ORDER BY id")][1::2]
        assert len(among) == 90
        for question in ("painting the lake", "portrait", "kitchen lake shed"):
            got = big.bm25_among(fts_terms(question), among, 90)
            want = recall.bm25(alone, question, 90)
            assert got and [round(s, 9) for _, s in got] == [round(s, 9) for _, s in want]
            assert all(i in among for i, _ in got)


def test_a_person_asked_about_is_ranked_as_in_a_store_of_their_own(db, tmp_path, request, backend, monkeypatch):
    """Asked of a store where the chats of the person named are a small part, `ask` orders their passages as a
    store holding only those chats does."""
    monkeypatch.setattr(recall, "OWN_STORE", 200)  # a large store, in small
    alone_db = store_on(backend, request, tmp_path, "alone")
    with Memory(db) as big, Memory(alone_db) as alone:
        fill(big, True)
        fill(alone, False)
        among = set(theirs(big))
        text = {r[0]: r[1] for r in big.query("SELECT id, text FROM passages")}
        for question in ("What did Caroline say about painting by the lake?", "Where does Caroline go with the kids?"):
            f = recall.prepare(big, question)
            assert f["among"] == among and f["messaging"] is False and set(f["ids"]) <= among
            got = big.ask(question, limit=10)["passages"]
            want = alone.ask(question, limit=10)["passages"]
            mine = [p["text"] for p in got if p["passage"] in among]
            assert mine and mine == [p["text"] for p in want][:len(mine)]
            assert all(p["text"] == text[p["passage"]] for p in got)
        # A question naming no one, or someone who is most of the store, is ranked over the whole store as before;
        # so is any question in a small store.
        assert "among" not in recall.prepare(big, "Who painted the shed?")
        assert "among" not in recall.prepare(alone, "What did Caroline say about painting by the lake?")
        monkeypatch.setattr(recall, "OWN_STORE", 240)
        assert "among" not in recall.prepare(big, "What did Caroline say about painting by the lake?")


def test_an_event_a_question_counts_from_is_the_named_person_s(db, tmp_path, request, backend, monkeypatch):
    """ "How did Caroline feel after the accident?" counts from Caroline's accident, not the store's latest one."""
    monkeypatch.setattr(recall, "OWN_STORE", 200)
    alone_db = store_on(backend, request, tmp_path, "alone")
    hers = [("Caroline", "I had a small car accident yesterday, nobody hurt."), ("Melanie", "Oh no! Are you okay?")]
    with Memory(db, derive=False) as big, Memory(alone_db, derive=False) as alone:
        for m in (big, alone):
            fill(m, m is big)
            m.add_chat(hers, at="2023-06-01")
        big.add_chat([("Tom", "Accident on the motorway."), ("Ann", "Awful.")], at="2024-02-01")
        question = "How did Caroline feel after the accident?"
        windows = [[(t["lo"], t["hi"]) for t in recall.analyse(m, question)["times"]] for m in (big, alone)]
        assert windows[0] == windows[1] and windows[0][0][0] == "2023-06-01"
        assert recall.question_times(big, question)[0]["lo"] == "2024-02-01"  # the store's, asked of no one


def test_the_asked_person_s_ranking_is_the_same_in_a_store_of_twenty_times_as_much_unrelated_text(db, tmp_path, request,
                                                                                                    backend, monkeypatch):
    """The people a question names, a small part of the store, are ranked as in a store of their chats alone: other
    people's text, twenty times as much and full of the question's words, takes none of the places."""
    monkeypatch.setattr(recall, "OWN_STORE", 200)  # a large store, in small
    alone_db = store_on(backend, request, tmp_path, "alone")
    lines = ["Did you take the boat out on the lake?", "We took the boat out on the lake.", "The boat on the lake was lovely.",
             "Taking the boat out on the lake tomorrow."]
    with Memory(db) as big, Memory(alone_db) as alone:
        fill(big, False)
        fill(alone, False)
        for c in range(20):  # 400 turns of other people, about the same things
            a, b = PEOPLE[c % 10], PEOPLE[(c + 3) % 10]
            big.add_chat([((a, b)[k % 2], lines[(c + k) % 4]) for k in range(20)], at=f"2021-0{c % 9 + 1}-2{c % 9}")
        assert big.query("SELECT count(*) FROM passages")[0][0] == 420
        for question in ("What did Caroline say about painting by the lake?", "Where does Caroline go with the kids?",
                         "Did Melanie take the boat out on the lake?"):
            got = [p["text"] for p in big.ask(question, limit=10)["passages"]]
            want = [p["text"] for p in alone.ask(question, limit=10)["passages"]]
            assert got == want, question
        # Asked for more places than they fill, the rest of the store comes after all of theirs.
        among = set(theirs(big))
        got = [p["passage"] for p in big.ask("Did Melanie take the boat out on the lake?", limit=30)["passages"]]
        assert len(got) == 30 and set(got[:20]) == among and not among & set(got[20:])


NAMESAKE = [("Caroline", "I baked sourdough bread this morning, the crust came out dark."),
            ("Tom", "Dark crust is the best part of a loaf."),
            ("Caroline", "The starter took a week to get going."),
            ("Tom", "Mine died when I went on holiday."),
            ("Caroline", "Feed it flour and water every day and it keeps."),
            ("Tom", "Will you bake rye next?"),
            ("Caroline", "Rye and caraway, on Saturday."),
            ("Tom", "Save me a slice."),
            ("Caroline", "I went to the lake with the kids after baking, they fed the ducks the crusts."),
            ("Tom", "The ducks must love you.")]


@pytest.mark.xfail(strict=True, reason="namesakes are not told apart: scale13's rule (who else speaks in a chat) passed this"
                   " and split REALTALK's people who chat with two friends in two chats (docs/benchmarks.md, scale13)")
def test_a_name_two_people_share_asks_of_the_one_the_question_fits(db, tmp_path, request, backend, monkeypatch):
    """Two Carolines in one store, one who chats with Melanie and one who chats with Tom, are two people: a question
    about Caroline is ranked over the passages of the one it fits, as in a store of hers alone."""
    monkeypatch.setattr(recall, "OWN_STORE", 200)  # a large store, in small
    monkeypatch.setattr(recall, "OWN_SHARE", 0.5)
    alone_db, baker_db = store_on(backend, request, tmp_path, "alone"), store_on(backend, request, tmp_path, "baker")
    with Memory(db) as big, Memory(alone_db) as alone, Memory(baker_db) as baker:
        fill(big, True)
        fill(alone, False)
        for day in range(3):
            big.add_chat(NAMESAKE[day:] + NAMESAKE[:day], at=f"2021-03-0{day + 1}")
            baker.add_chat(NAMESAKE[day:] + NAMESAKE[:day], at=f"2021-03-0{day + 1}")
        for store, question in ((alone, "What did Caroline say about painting by the lake?"),
                                (alone, "Where will Caroline take the boat out?"),
                                (baker, "What bread did Caroline bake?")):
            got = [p["text"] for p in big.ask(question, limit=10)["passages"]]
            want = [p["text"] for p in store.ask(question, limit=10)["passages"]]
            assert got == want, question
