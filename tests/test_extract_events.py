"""Events: who, what and when, and which are not facts."""
import pytest

from remembrancer.extract.events import Events
from remembrancer.extract.times import Times
from test_extract_cues import nlp, with_people  # noqa: F401  (fixture and stand-in people)


def events(nlp, text, at="2023-05-10"):
    ex = with_people(nlp, text, at)
    Times()(ex)
    Events()(ex)
    return [(e.kind, sorted(ex.people[p].name for p in e.people), e.lo, e.hi, e.negated) for e in ex.events]


def test_death_with_agent_and_date(nlp):
    assert events(nlp, "John Smith was killed by Mary Jones in 2001.") == [
        ("death", ["John Smith", "Mary Jones"], "2001-01-01", "2002-01-01", False)]


def test_birth_date(nlp):
    assert events(nlp, "Sarah Connor was born on 3 May 1985.") == [
        ("birth", ["Sarah Connor"], "1985-05-03", "1985-05-04", False)]


def test_marriage_relative_date(nlp):
    assert events(nlp, "Peter Parker married Mary Jane Watson last June.") == [
        ("marriage", ["Mary Jane Watson", "Peter Parker"], "2022-06-01", "2022-07-01", False)]


def test_funeral_noun_with_of_phrase(nlp):
    # the death was no later than the funeral (the funeral's day is not the death's)
    assert events(nlp, "The funeral of Peter Parker was on Friday.") == [
        ("death", ["Peter Parker"], None, "2023-05-06", False)]


def test_one_event_for_verb_and_noun(nlp):
    assert events(nlp, "Lucy Adams was diagnosed with cancer two weeks ago.") == [
        ("illness", ["Lucy Adams"], "2023-04-24", "2023-05-01", False)]


def test_no_date_means_no_later_than_the_entry(nlp):
    assert events(nlp, "Ruth Baker died.") == [("death", ["Ruth Baker"], None, "2023-05-11", False)]


@pytest.mark.parametrize("text", [
    "Tom Brown didn't die.",
    "Tom Brown never died.",
    "If Tom Brown had died, I would have cried.",
    "Tom Brown might die.",
    "Tom Brown will marry Ann Lee next year.",
    "Why do people have to die?",
    "Did Tom Brown die?",
    "Tom Brown wanted to die.",
    "There was no funeral for Tom Brown.",
])
def test_negated_and_hypothetical_are_not_facts(nlp, text):
    found = events(nlp, text)
    assert found and all(negated for *_, negated in found), found


def test_sayings_are_not_facts(nlp):
    assert events(nlp, "Only the good die young.")[0][-1] is True
    # a death told in the simple present is a story's (a book, a film, a soap), not news of someone's life
    assert [e for e in events(nlp, "Tom Brown dies in the last chapter.") if not e[-1]] == []
    assert events(nlp, "Marianne Dashwood dies at the end of the book.")[0][-1] is True
    assert events(nlp, "Tom Brown died in the night.")[0][-1] is False
    assert events(nlp, "Tom Brown has died.")[0][-1] is False


def test_a_noun_event_is_not_undone_by_its_verb(nlp):
    assert events(nlp, "I didn't go to Frank Hill's funeral.")[0][-1] is False


@pytest.mark.parametrize("text", [
    "I lost my keys.",
    "Tom Brown left the house early.",
    "We had a meeting about budgets.",
    "I can't bear the noise.",
    "Tom Brown had to meet the deadline.",
    "What Tom Brown said hurts me the most.",
    "Then the whole plan came crashing down.",
    "Each stroke carries a part of me.",
    "Tom Brown is killing it!",
    "I'm dying to see Tom Brown again.",
])
def test_ordinary_uses_are_not_events(nlp, text):
    assert events(nlp, text) == []


def test_light_verb_subject_has_the_illness(nlp):
    assert events(nlp, "Harold Finch had a stroke in March 2020.") == [
        ("illness", ["Harold Finch"], "2020-03-01", "2020-04-01", False)]


def test_lose_and_leave_a_person(nlp):
    assert events(nlp, "I lost Sarah Connor last year.")[0][:2] == ("death", ["Sarah Connor"])
    assert events(nlp, "Emma Stone left Mark Twain.")[0][:2] == ("parting", ["Emma Stone", "Mark Twain"])


def test_times_found_even_if_events_run_first(nlp):
    ex = with_people(nlp, "Ruth Baker died yesterday.")
    Events()(ex)
    assert (ex.events[0].lo, ex.events[0].hi) == ("2023-05-09", "2023-05-10")


def test_an_age_someone_would_have_reached_says_they_died(nlp):
    assert events(nlp, "Peter Parker would have been eighty-one today. We lit a candle.") == [
        ("death", ["Peter Parker"], None, "2023-05-11", False),
        ("birth", ["Peter Parker"], "1942-05-10", "1942-05-11", False)]  # today is the birthday
    assert events(nlp, "Mary Jones would've turned 40 on Tuesday.")[0][:2] == ("death", ["Mary Jones"])
    # Not an age, or not past: no death.
    assert events(nlp, "Peter Parker would have been happy today.") == []
    # (a birthday to come is no death: it says when they were born)
    assert events(nlp, "Peter Parker will be eighty-one today.") == [("birth", ["Peter Parker"], "1942-05-10", "1942-05-11", False)]


def test_who_did_it_is_told_apart_from_whom_it_happened_to(nlp):
    def agents(text):
        ex = with_people(nlp, text)
        Times()(ex)
        Events()(ex)
        return [(e.kind, sorted(ex.people[p].name for p in e.agents)) for e in ex.events]

    assert agents("John Smith was killed by Mary Jones in 2001.") == [("death", ["Mary Jones"])]
    assert agents("Mary Jones killed John Smith.") == [("death", ["Mary Jones"])]
    assert agents("John Smith buried Mary Jones in 2001.") == [("death", ["John Smith"])]
    assert agents("Mary Jones gave birth to John Smith in 2001.") == [("birth", ["Mary Jones"])]  # no birthday of hers
    assert agents("John Smith died in 2001, and Mary Jones married Peter Parker.") == [("death", []), ("marriage", [])]


def test_a_persons_grave_says_they_died(nlp):
    assert events(nlp, "John Smith wept at the grave of Mary Jones.")[0][:2] == ("death", ["Mary Jones"])
    assert events(nlp, "Peter Parker took the secret to the grave.") == []  # nobody's grave


def test_late_before_a_person_says_they_died(nlp):
    assert events(nlp, "The late Peter Parker was a singer.")[0][:2] == ("death", ["Peter Parker"])
    assert events(nlp, "Peter Parker was late for work again.") == []
    assert events(nlp, "Peter Parker caught the late train.") == []


def test_passed_on_its_own_is_a_death(nlp):
    assert events(nlp, "Since Peter Parker passed, nothing is the same.")[0][:2] == ("death", ["Peter Parker"])
    assert events(nlp, "Mary Jones passed in her sleep last spring.")[0][:2] == ("death", ["Mary Jones"])
    for text in ("Peter Parker passed the salt.", "Peter Parker passed his exam.", "Peter Parker passed by the shop.",
                 "Time passed slowly for Peter Parker."):
        assert events(nlp, text) == [], text


def test_a_death_some_time_since_is_counted_back(nlp):
    assert events(nlp, "Three weeks since Peter Parker died.", at="2021-03-14") == [
        ("death", ["Peter Parker"], "2021-02-15", "2021-02-22", False)]
    assert events(nlp, "It's been two years since Mary Jones passed.", at="2021-03-14")[0][2:4] == ("2018-09-13", "2019-09-13")
    assert events(nlp, "Four years today since Mary Jones died.", at="2021-11-22")[0][2:4] == ("2017-11-22", "2017-11-23")
    assert events(nlp, "A year ago today Mary Jones died.", at="2021-03-14")[0][2:4] == ("2020-03-14", "2020-03-15")


def test_a_date_line_dates_the_entry_not_the_event_after_it(nlp):
    # The parser joins the heading to the first sentence; the death is not on the entry's day.
    assert events(nlp, "date: 2021-03-14\nThree weeks since Peter Parker died.", at="2021-03-14")[0][2:4] == (
        "2021-02-15", "2021-02-22")
    assert events(nlp, "2021-03-14\nPeter Parker died.", at="2021-03-14")[0][2:4] == (None, "2021-03-15")
    assert events(nlp, "Peter Parker died on 2021-03-01.", at="2021-03-14")[0][2:4] == ("2021-03-01", "2021-03-02")


def deaths_of(text, at="2023-01-20"):
    """Deaths stated as facts, by whom, through the whole pipeline (so "I" and "me" are someone)."""
    from remembrancer.extract import extract

    ex = extract(text, at=at)
    return [sorted(ex.people[p].name for p in e.people) for e in ex.events if e.kind == "death" and not e.negated]


@pytest.mark.parametrize("text", [
    "I nearly died laughing.",
    "I nearly died of fright when the door slammed.",
    "Huw is dead to me.",
    "I am dead tired.",
    "Not Beth, even, which is killing me.",
    "My feet are killing me.",
    "I almost died when I saw the bill.",
    "Sal died of embarrassment at the party.",
    # no one writes of their own death
    "I was dead on my feet by the time I got in.",
    "ok that one killed me i actually snorted",
    "im dying, this baby is a little radiator",
    # dying is not dead, not yet
    "Nain is dying.",
])
def test_figurative_deaths_are_not_deaths(text):
    assert all(not people for people in deaths_of(text)), deaths_of(text)


def test_a_death_happens_to_its_subject_not_to_whoever_was_with_it():
    # the car died, with me in it: no one died (and never the one who was in it)
    assert all("me" not in people for people in deaths_of("Dolly died on the M4 on Thursday, with me in her."))
    assert deaths_of("Nain died in my arms.") == [["Nain"]]


def test_a_funeral_dates_itself_not_the_death(nlp):
    # the death was no later than the funeral; the funeral's day is not the day of the death
    assert events(nlp, "The funeral for Peter Parker is on Friday.", at="2023-01-20") == [
        ("death", ["Peter Parker"], None, "2023-01-28", False)]
    assert events(nlp, "Peter Parker died on Thursday night.", at="2023-01-20")[0][2:4] == ("2023-01-19", "2023-01-20")


def life_events(text, at="2023-01-20"):
    from remembrancer.extract import extract

    ex = extract(text, at=at)
    return [(e.kind, sorted(ex.people[p].name for p in e.people), e.lo, e.place) for e in ex.events if not e.negated]


def test_life_events_beyond_birth_and_death():
    assert life_events("Bethan Lloyd moved to Vancouver in August.") == [("moving", ["Bethan Lloyd"], "2022-08-01", "Vancouver")]
    assert life_events("Gethin Evans started a new job at Welsh Water on Monday.") == [("job", ["Gethin Evans"], "2023-01-16", None)]
    assert life_events("Clive Evans retired today after forty-one years.")[0][0] == "retirement"
    assert life_events("Pauline Evans has got diabetes.")[0][:2] == ("illness", ["Pauline Evans"])
    assert ("illness", ["Sarah Jones"], "2023-01-19", None) in life_events("Sarah Jones tested positive for Covid on Thursday.")
    # not life events
    for text in ("Tom Brown moved the chair.", "Tom Brown started the car.", "The rent is due on Friday."):
        assert life_events(text) == [], text


def test_a_due_date_is_a_birth_to_come_never_a_fact():
    from remembrancer.extract import extract
    from remembrancer.people import perhaps

    ex = extract("Huw Morgan and Kasia Nowak's baby is due in nine days.", at="2023-01-20")
    births = [e for e in ex.events if e.kind == "birth"]
    assert births and births[0].lo == "2023-01-29" and perhaps("birth", births[0].confidence)


def test_feeling_sick_is_no_illness():
    assert [e for e in life_events("Grace Hill felt sick about telling her boss.") if e[0] == "illness"] == []


def test_killing_said_in_the_active_is_only_perhaps(nlp):
    """"Peter Parker murdered Sweet Caroline": a song sung badly far more often than a killing; a killing
    told in the passive ("was killed") stays sure."""
    def sure(text):
        ex = with_people(nlp, text, "2023-05-10")
        Times()(ex)
        Events()(ex)
        return [round(e.confidence, 2) for e in ex.events if e.kind == "death" and not e.negated]
    assert sure("Peter Parker murdered Mary Jones at karaoke.")[0] < 0.9
    assert sure("Tom from work murdered Mary Jones at karaoke. like actually murdered it.")[0] < 0.9
    assert sure("Mary Jones was killed in 1950.") == [0.9]


def test_where_someone_was_born_is_no_birth(nlp):
    assert [e for e in events(nlp, "She's wonderful, Rhondda born, calls her Mrs M.") if e[0] == "birth"] == []
    assert events(nlp, "Mary Jones was born in '46.")[0][:4] == ("birth", ["Mary Jones"], "1946-01-01", "1947-01-01")


def test_a_lifes_years_on_a_stone_say_born_and_died(nlp):
    """"MARY JONES, 1927-2009" on a stone or at a funeral: born 1927, died 2009; the same years on a clock
    for a working life are no death."""
    got = events(nlp, "We went to the churchyard. The stone says Mary Jones, 1927-2009.", at="2017-04-01")
    assert ("birth", ["Mary Jones"], "1927-01-01", "1928-01-01", False) in got
    assert ("death", ["Mary Jones"], "2009-01-01", "2010-01-01", False) in got
    assert [e for e in events(nlp, "They gave him a clock, engraved Peter Parker, 1990-2023, 33 years of service.",
                               at="2023-07-01") if e[0] == "death"] == []


def test_a_diary_sentence_with_no_subject_is_the_writers(nlp):
    from remembrancer.extract import extract

    def mine(text):
        ex = extract(text, at="2017-07-22")
        return [(e.kind, [ex.people[p].narrator for p in e.people]) for e in ex.events if not e.negated]
    assert ("marriage", [True]) in mine("I barely slept.\n\nMarried. I still can't believe it.")
    # going on from a sentence about someone else, it is theirs, not the writer's
    assert all(e[1] != [True] for e in mine("Glenys Pugh went yesterday. Moved down to Swansea to a flat. I miss her."))


def test_an_event_under_way_with_no_time_is_after_the_entry(nlp):
    assert events(nlp, "Mary Jones is marrying Peter Parker.", at="2017-06-10")[0][2:4] == ("2017-06-10", None)


def test_a_sentence_that_names_nobody_goes_on_from_the_one_before(nlp):
    assert events(nlp, "Mary Jones has got Covid. Tested positive on Thursday.", at="2022-01-08")[-1][:4] == (
        "illness", ["Mary Jones"], "2022-01-06", "2022-01-07")
    assert ("birth", ["Mary Jones"], "2021-06-14", "2021-06-15", False) in events(
        nlp, "Mary Jones. Born at 3.12 this morning at the Royal Glamorgan.", at="2021-06-14")
    # "married" that says what a name is, is no wedding
    assert [e for e in events(nlp, "Mary Jones, she is now. Married name.") if e[1]] == []


def test_being_sick_is_no_illness(nlp):
    assert events(nlp, "Mary Jones was sick on the rug.") == []
    assert events(nlp, "Mary Jones was sick for weeks.")[0][:2] == ("illness", ["Mary Jones"])


def test_a_first_day_at_a_place_is_a_new_job(nlp):
    # (the stand-in people take the tagger's entity, with its "'s")
    assert events(nlp, "Mary Jones's first day at Welsh Water.", at="2018-06-04") == [
        ("job", ["Mary Jones's"], "2018-06-04", "2018-06-05", False)]


def test_an_age_turned_on_a_day_is_a_birthday(nlp):
    born = lambda text, at="2022-05-14": [e[2:4] for e in events(nlp, text, at=at) if e[0] == "birth"]
    assert born("Mary Jones turns 40 today.") == [("1982-05-14", "1982-05-15")]
    assert born("Mary Jones is sixty in March.", at="2022-01-19") == [("1962-03-01", "1962-04-01")]
    assert born("Mary Jones's 50th birthday tonight at the Blue Bell.") == [("1972-05-14", "1972-05-15")]
    for text in ("Mary Jones was fifteen in 1990.", "Mary Jones would be 40 today.", "I'm the only one awake tonight.",
                 "Mary Jones is 75 and told us a new story at Christmas."):  # the time is the telling's
        assert born(text) == [], text


def test_time_counted_since_someone_was_lost_is_a_death(nlp):
    def sure(text, at="2022-09-14"):
        ex = with_people(nlp, text, at)
        Times()(ex)
        Events()(ex)
        return [(round(e.confidence, 2), e.lo) for e in ex.events if e.kind == "death" and not e.negated]
    assert sure("Six years today since we lost Peter Parker.") == [(0.9, "2016-09-14")]
    assert sure("We lost Peter Parker two years ago.")[0][0] == 0.9
    # a day or a month said of the loss is a death's; lost somewhere one gets lost, or for a while, is no death
    assert sure("We lost Peter Parker in May.") == [(0.9, "2022-05-01")]
    assert sure("We lost Peter Parker this morning.") == [(0.9, "2022-09-14")]
    assert sure("We lost Peter Parker.")[0][0] < 0.9
    assert sure("We lost Peter Parker at Trinity Market on Saturday for twenty minutes.") == []
    assert sure("We lost Peter Parker in the crowd in May.") == []


@pytest.mark.backends
def test_numbers_in_the_text_are_read_as_the_store_reads_dates(tmp_path, request, backend):
    """"3/4/2021" in an American's journal is March 4th: the store's month-first setting, not a guess."""
    from conftest import store_on
    from remembrancer.store import DATE_ORDER, Memory

    for day_first, want in ((False, "2021-03-04"), (True, "2021-04-03")):
        with Memory(store_on(backend, request, tmp_path, str(day_first))) as m:
            m.set_setting(DATE_ORDER, {"day_first": day_first, "from": "--month-first"})  # as an import with the flag keeps it
            m.add("Peter Parker died on 3/4/2021. We are all so sad.", at="2021-05-01")
            m.process()
            rows = m.query("SELECT lo FROM events WHERE kind = 'death'")
            assert [r["lo"][:10] for r in rows] == [want], day_first


def test_a_date_of_birth_on_a_form_is_the_birth_of_who_it_is_about(nlp):
    got = events(nlp, "Notes for the care home. Dad is Peter Parker.\nDOB: 23/05/1938\nGP: the one at Station View")
    assert ("birth", ["Peter Parker"], "1938-05-23", "1938-05-24", False) in got


def test_someone_who_has_buried_something_is_not_buried(nlp):
    from remembrancer.extract import extract

    def dead(text):
        ex = extract(text, at="2023-11-13")
        return [[ex.people[p].name for p in e.people] for e in ex.events if e.kind == "death"]
    assert dead("Mary Jones came. She's buried more cats than anyone.") == []
    assert dead("Mary Jones is buried at Glyntaff.") == [["Mary Jones"]]


def _full(text, at, speakers=()):
    from remembrancer.extract import extract

    ex = extract(text, at=at, speakers=speakers)
    return [(e.kind, sorted(ex.people[p].name for p in e.people), e.lo, e.hi) for e in ex.events if not e.negated]


def test_their_or_our_before_an_event_of_two_is_both_of_them():
    """"Their marriage certificate ... 14th April 1962", with the two it names: their marriage, on that day;
    "Your Dad and I went on our honeymoon in 1963": the speaker's (a chat turn)."""
    got = _full("Found in the bureau:\n- Their marriage certificate. St Anne's, 14th April 1962. Peter Parker, 23, "
                "signalman. Mary Jones, 20, shop assistant.", "2023-02-07")
    assert ("marriage", ["Mary Jones", "Peter Parker"], "1962-04-14", "1962-04-15") in got
    said = "Your Dad and I went to Seahouses on our honeymoon in 1963. It rained every day."
    text = f"Lorraine: Lovely here\nIrene: {said}\n"
    start = text.index(said)
    got = _full(text, "2022-04-23", [(10, 21, "Lorraine"), (start, start + len(said), "Irene")])
    assert ("marriage", ["Irene"], "1963-01-01", "1964-01-01") in got
    # "their" with no pair in sight is no one's
    assert not [e for e in _full("Their wedding was lovely, everyone said.", "2023-02-07") if e[1]]


def test_a_short_first_line_of_a_diary_entry_is_the_news_of_its_day():
    got = _full("Married.\n\nWriting this on the bed in the hotel with my shoes off.", "2017-07-22")
    assert ("marriage", ["me"], "2017-07-22", "2017-07-23") in got
    # not further down, and not a death (who died, and when, is said)
    got = _full("A long day at work today, and the car broke down.\n\nMarried, the pair of them, at last. "
                "I heard it from Sue.", "2017-07-22")
    assert all(e[2] != "2017-07-22" for e in got if e[0] == "marriage")
    assert all(e[2] is None for e in _full("Peter Parker died.\n\nI can't write more.", "2019-02-11") if e[0] == "death")


def test_a_blank_line_opens_a_sentence_the_parser_joined():
    """"Moved in today." after front matter and a line of its own is the writer's move, that day."""
    got = _full("---\ndate: 2018-04-14\n---\n\nWe live in Pontypridd.\n\nMoved in today. Sion and I did the heavy stuff.",
                "2018-04-14")
    assert ("moving", ["me"], "2018-04-14", "2018-04-15") in got


def test_an_illness_is_dated_by_when_its_one_found_out():
    got = _full("Mary Jones has got diabetes. Type 2. She found out on Tuesday from the practice nurse.", "2022-11-20")
    assert ("illness", ["Mary Jones"], "2022-11-15", "2022-11-16") in got
    # not someone else's finding out, nor a finding out of something else
    got = _full("Mary Jones has got diabetes. Peter Parker found out on Tuesday.", "2022-11-20")
    assert ("illness", ["Mary Jones"], None, "2022-11-21") in got
    got = _full("Geth's got Covid.\n\nTested positive on Thursday after two days of saying it was a cold.", "2022-01-09")
    assert [e for e in got if e[0] == "illness" and e[2] == "2022-01-09"] == []  # a headline is no illness's day


def test_a_death_said_with_a_pronoun_is_a_fact_only_when_who_is_plain():
    def deaths(text, at="2023-01-14"):
        from remembrancer.extract import extract

        ex = extract(text, at=at)
        return [(sorted(ex.people[p].name for p in e.people), e.lo, round(e.confidence, 2), e.negated)
                for e in ex.events if e.kind == "death"]
    # "He'd died": had, not would; the one man named before
    assert (["Mr Pugh"], None, 0.97, False) in deaths(
        "Mr Pugh died on Thursday night. Glenys found him. He'd died in his sleep, in their bed.")
    assert deaths("Mum was so tired at the end. She died on a Wednesday, the 22nd of November 2017, in the hospice.",
                  "2021-11-22") == [(["Mum"], "2017-11-22", 0.97, False)]
    # two women named before "she": perhaps
    assert [c for _, _, c, _ in deaths("Mum and Auntie Sue came round. She died on a Wednesday, in the hospice.")] == [0.73]
    # "he'd have died", "he'd die": would
    assert all(neg for *_, neg in deaths("Peter Parker was ill. He'd have died anyway. I didn't think he'd die."))


def test_leaving_oneself_is_no_parting():
    assert not [e for e in _full("Mary Jones was on the call. I came back to find I'd left myself unmuted.", "2023-01-14")
                if e[0] == "parting"]


def test_a_time_another_speaker_said_is_not_the_events():
    turns = [("Lorraine", "I know you did but after last year I worry"), ("Irene", "Mary Jones has pneumonia again.")]
    text, speakers = "", []
    for who, said in turns:
        start = len(text) + len(who) + 2
        text += f"{who}: {said}\n"
        speakers.append((start, start + len(said), who))
    got = _full(text, "2024-02-03", speakers)
    assert [e[2] for e in got if e[0] == "illness"] == [None]


def test_a_flu_jab_is_no_flu():
    assert not [e for e in _full("Mary Jones has had her flu jab and a covid test.", "2024-02-03") if e[0] == "illness"]


def test_a_sentence_going_on_from_the_one_before_takes_its_time():
    got = _full("Mary Jones went yesterday. Moved down to Swansea to a little flat near her sister.", "2023-05-28")
    assert ("moving", ["Mary Jones"], "2023-05-27", "2023-05-28") in got


def test_we_or_they_as_the_subject_of_an_event_of_two():
    got = _full("Mary Jones loved that house. We moved into it in the summer of 1979, and I was nine.", "2023-02-07")
    assert ("moving", ["me"], "1979-06-01", "1979-09-01") in got
    got = _full("Ffion is now Osian Price's fiancée (they got engaged in 2021).", "2022-02-07")
    assert ("engagement", ["Ffion", "Osian Price"], "2021-01-01", "2022-01-01") in got


def test_we_doing_it_to_a_thing_is_no_event_of_ours():
    got = _full("Mary Jones came for tea and I baked. We separated the eggs. We moved the sofa back.", "2023-02-07")
    assert not [e for e in got if e[0] in ("parting", "moving")]


def test_a_death_in_quoted_words_is_not_of_the_one_outside_them():
    from remembrancer.extract import extract

    ex = extract('I texted Jade "Grandpa died" and she was at our door in fifteen minutes.')
    deaths = [{ex.people[p].name for p in e.people} for e in ex.events if e.kind == "death"]
    assert deaths == [{"Grandpa"}]
def test_a_wedding_anniversary_on_a_day_is_the_marriage_years_before():
    got = _full("Owen Pritchard and I had our twenty-sixth wedding anniversary yesterday.", "2023-08-17")
    assert [e[2:] for e in got if e[0] == "marriage"] == [("1997-08-16", "1997-08-17")]
    got = _full("Tom Brown and Sally Brown had their golden wedding anniversary last Saturday.", "2023-06-07")
    assert [e[1:] for e in got if e[0] == "marriage"] == [(["Sally Brown", "Tom Brown"], "1973-06-03", "1973-06-04")]
    got = _full("Tom Brown and Sally Brown's 35th anniversary is on Sunday, so we're booking dinner.", "2023-06-07")
    assert ("marriage", ["Sally Brown", "Tom Brown"], "1988-06-11", "1988-06-12") in got
    # an anniversary of a death is no marriage
    assert not [e for e in _full("Sunday is the tenth anniversary of Tom Brown's death.", "2023-06-07") if e[0] == "marriage"]


def _chat(turns, at):
    text, speakers = "", []
    for who, said in turns:
        start = len(text) + len(who) + 2
        text += f"{who}: {said}\n"
        speakers.append((start, start + len(said), who))
    return _full(text, at, speakers)


def test_a_chat_turn_that_opens_with_an_event_is_its_speakers():
    got = _chat([("Dee", "how was your week"), ("Carol", "starting the new job monday and i have nothing to wear")], "2022-07-29")
    assert ("job", ["Carol"], "2022-08-01", "2022-08-02") in got
    got = _chat([("Carol", "send pics of the flat"), ("Dee", "moved in yesterday. boxes everywhere")], "2023-12-02")
    assert ("moving", ["Dee"], "2023-12-01", "2023-12-02") in got


def test_the_day_of_a_plan_told_in_the_sentence_after():
    """"Peter Parker got the job at the hospital. He starts on the 25th": the job's day is the start's."""
    got = _full("Peter Parker got the job at the hospital! He starts on the 25th.", "2023-09-09")
    assert ("job", ["Peter Parker"], "2023-09-25", "2023-09-26") in got
    # someone else's start is not his
    got = _full("Peter Parker got the job at the hospital! Mary Jones starts on the 25th.", "2023-09-09")
    assert ("job", ["Peter Parker"], None, "2023-09-10") in got


def test_a_time_said_alone_dates_the_sentence_before():
    """A question of remembering tells its event; the time said alone after it is its time."""
    got = _full("Do you remember the spring Peter Parker retired? Twenty-one years ago now.", "2021-04-04")
    assert ("retirement", ["Peter Parker"], "2000-01-01", "2001-01-01") in got


def test_the_time_of_the_events_own_clause():
    got = _full("Mary Jones, who I first met in 1979, died on Friday.", "2021-05-02")
    assert ("death", ["Mary Jones"], "2021-04-30", "2021-05-01") in got


def test_starting_at_a_named_place_is_a_new_job():
    got = _full("Mary Jones starts at Horsforth library on Monday.", "2023-05-10")
    assert ("job", ["Mary Jones"], "2023-05-15", "2023-05-16") in got


def test_a_letters_greeting_is_no_one_in_its_first_sentence():
    """"Dear Dad,\\n\\nCallum and Priya got engaged": Dad is the one written to (the letter's "you"), not engaged."""
    from remembrancer.extract import extract

    ex = extract("Dear Dad,\n\nCallum Pritchard and Priya Shah got engaged last weekend. You would have loved her. "
                 "You retired the spring I turned thirty, and you said it was the best day of your life.", at="2022-05-31")
    engaged = [sorted(ex.people[p].name for p in e.people) for e in ex.events if e.kind == "engagement"]
    assert engaged == [["Callum Pritchard", "Priya Shah"]]
    retired = [[ex.people[p].name for p in e.people] for e in ex.events if e.kind == "retirement"]
    assert retired == [["Dad"]]  # "you" in a letter to Dad is Dad


def test_moving_in_with_someone_is_not_their_move():
    got = _full("Mary Jones is moving back in with Peter Parker next month.", "2024-01-15")
    assert [e[1] for e in got if e[0] == "moving"] == [["Mary Jones"]]


def test_we_in_a_letter_to_someone_by_name_is_the_writer_and_them():
    """"We got married" in a letter to Jean is Tom's and Jean's marriage; in one to Dad it is not Dad's."""
    got = _full("Dear Jean,\n\nForty years ago today we got married at St Anne's. You wore your mother's veil. "
                "Jean, you were so beautiful.\n\nAll my love,\nTom", "2021-06-12")
    assert ("marriage", ["Jean", "Tom"], "1981-06-12", "1981-06-13") in got
    got = _full("Dear Dad,\n\nForty years ago today we got married at St Anne's. You gave me away.\n\nLove, Ruth", "2021-06-12")
    assert [e[1] for e in got if e[0] == "marriage"] == [["Ruth"]]  # the writer alone (who signs "Love, Ruth")


def test_it_was_a_time_dates_the_sentence_before():
    got = _full("Peter Parker died at home. It was a Thursday, the 12th of November.", "2020-12-20")
    assert ("death", ["Peter Parker"], "2020-11-12", "2020-11-13") in got


def test_a_time_given_when_asked_when_in_a_chat():
    got = _chat([("Bri", "Keisha Monroe split up with her boyfriend"), ("Tasha", "NO. since when"),
                 ("Bri", "Like two weeks ago. She didn't tell anybody")], "2024-01-15")
    assert [e[2:] for e in got if e[0] == "parting"] == [("2024-01-01", "2024-01-08")]
    # not when the other speaker asked nothing
    got = _chat([("Bri", "Keisha Monroe split up with her boyfriend"), ("Tasha", "NO. poor thing"),
                 ("Bri", "Like two weeks ago.")], "2024-01-15")
    assert [e[2] for e in got if e[0] == "parting"] == [None]


def test_the_day_of_a_plan_told_after_it_in_the_same_chat_turn():
    """The parser runs the turn into the next one ("He starts on the 25th\\nTasha: YESSS tell him"): the turn's own
    clause, and a day of the month at the end of a line."""
    got = _chat([("Bri", "Marcus Holt got the job at OhioHealth!!! He starts on the 25th"), ("Tasha", "YESSS tell him congrats")],
                "2023-09-09")
    assert ("job", ["Marcus Holt"], "2023-09-25", "2023-09-26") in got


def test_passed_away_on_a_day():
    """"passed away on Tuesday" is a death on Tuesday ("passed on the street" stays no death)."""
    assert ("death", ["Mary Jones"], "2022-08-09", "2022-08-10") in _full("Mary Jones passed away on Tuesday morning, in her sleep.",
                                                                         "2022-08-14")
    assert not [e for e in _full("Mary Jones passed on the street and waved.", "2022-08-14") if e[0] == "death"]


def test_you_in_a_letter_to_the_dead_is_the_one_greeted():
    """"Dear Dad, ... You died on the 12th of November" is Dad's death, said as plainly as by name; the "you" of
    second-person writing to oneself is no one's death said plainly."""
    from remembrancer.extract import extract

    ex = extract("Dear Dad,\n\nYou died on the 12th of November, a Thursday, at twenty past four.\n\nLove, Ruthie", at="2020-12-20")
    assert [(ex.people[e.people[0]].name, e.lo, e.confidence >= 0.9) for e in ex.events if e.kind == "death"] == [
        ("Dad", "2020-11-12", True)]
    ex = extract("You died a little inside when the bill came. You always do. You never learn.", at="2020-12-20")
    assert all(e.confidence < 0.9 for e in ex.events if e.kind == "death")


def test_the_pair_after_a_greeting_the_parser_took_for_its_apposition():
    got = _full("Dear Dad,\n\nOwen Pritchard and I had our twenty-sixth wedding anniversary yesterday.\n\nLove, Ruth", "2023-08-17")
    assert [e[1] for e in got if e[0] == "marriage"] == [["Owen Pritchard", "Ruth"]]  # Ruth signs it: the writer


def test_a_name_the_parser_took_for_a_verbs_compound_is_its_subject():
    got = _full("14th August 2022\n\nDear Dad,\n\nOwen retires at the end of the month. Owen is happy.", "2022-08-14")
    assert ("retirement", ["Owen"], "2022-08-14", "2022-09-01") in got  # a plan: not before the day it is told


def test_news_heading_a_diary_entry_is_of_its_day(nlp):
    """A short first line, or the first under a short title, is the day's news: a break-up as much as a wedding."""
    from remembrancer.extract import extract

    def dated(text, at):
        ex = extract(text, at=at)
        return [(e.kind, e.lo, e.hi) for e in ex.events if not e.negated]
    assert ("parting", "2023-11-11", "2023-11-12") in dated("Ethan Price broke up with me.\n\nOn FaceTime. I cried.", "2023-11-11")
    assert ("engagement", "2022-12-25", "2022-12-26") in dated(
        "Christmas Day!!\n\nMark Jones proposed to Mum. At the table. I cried.", "2022-12-25")
    # more than a title before it: no day but "no later than the entry"
    assert ("engagement", None, "2022-12-26") in dated(
        "We had turkey and then the pudding and the crackers.\n\nMark Jones proposed to Mum. I cried.", "2022-12-25")


def test_a_move_under_way_is_after_the_entry_even_when_is_is_read_as_a_possessive(nlp):
    from remembrancer.extract import extract

    ex = extract("Worst news ever. Jade Smith's moving to Manchester. I cried.", at="2024-01-20")
    assert [(e.kind, e.lo, e.hi) for e in ex.events] == [("moving", "2024-01-20", None)]


def test_a_plans_day_told_two_sentences_on(nlp):
    from remembrancer.extract import extract

    ex = extract("Nanna is moving to Portishead to live with Auntie Bev. They've done up the garage. "
                 "She moves on the fourth of November. I cried.", at="2023-10-14")
    assert [(e.kind, e.lo) for e in ex.events] == [("moving", "2023-11-04")]
    # not across a blank line
    ex = extract("Nanna is moving to Portishead to live with Auntie Bev. They've done up the garage.\n\n"
                 "She moves on the fourth of November. I cried.", at="2023-10-14")
    assert [(e.kind, e.lo) for e in ex.events][0] == ("moving", "2023-10-14")


def test_a_chat_speakers_label_parsed_into_the_sentence(nlp):
    """"Dan: Becca and Tariq are married!!": the parser hangs the couple on the label; theirs, not no one's."""
    from remembrancer.extract import extract

    text = "Dan: Becca Shaw and Tariq Khan are married!! What a day\nGail: Wasn't it perfect"
    ex = extract(text, at="2025-06-15T09:00:00", speakers=[(5, 55, "Dan"), (62, 79, "Gail")])
    assert [(e.kind, sorted(ex.people[p].name for p in e.people)) for e in ex.events] == [("marriage", ["Becca Shaw", "Tariq Khan"])]


def test_a_clause_with_a_subject_of_its_own_is_not_about_the_name_it_hangs_on(nlp):
    """"Mum my phone died": the phone died, not Mum; "Tom, whose wife died": not Tom."""
    from remembrancer.extract import extract

    text = "Dan: Mum my phone died on the train, that's why I didn't answer\nGail: All fine."
    ex = extract(text, at="2024-04-14T12:00:00", speakers=[(5, 63, "Dan"), (70, 79, "Gail")])
    assert all(not e.people for e in ex.events if e.kind == "death")
    ex = extract("Tom Jones, whose wife died last year, came round.", at="2024-04-14")
    assert all(ex.people[p].name != "Tom Jones" for e in ex.events for p in e.people)
    ex = extract("Lisa Smith, who died in 2001, was my aunt.", at="2024-04-14")
    assert [(e.kind, [ex.people[p].name for p in e.people]) for e in ex.events] == [("death", ["Lisa Smith"])]


def test_an_illness_dated_by_when_they_were_told(nlp):
    from remembrancer.extract import extract

    ex = extract("Mary Jones has got diabetes. The nurse told her on Tuesday. I cried.", at="2024-01-18")
    assert [(e.kind, e.lo) for e in ex.events] == [("illness", "2024-01-16")]
    # she telling me is not when she learnt it
    ex = extract("Mary Jones has got diabetes. She told me on Tuesday. I cried.", at="2024-01-18")
    assert [(e.kind, e.lo) for e in ex.events] == [("illness", None)]


def test_a_birth_told_in_a_chat_with_its_hour_is_that_days(nlp):
    from remembrancer.extract import extract

    text = "Dan: She's here!!! Maya Rose Hartley, born at 4am, 7lb 1oz\nGail: OH DAN"
    ex = extract(text, at="2025-02-09T05:20:00", speakers=[(5, 58, "Dan"), (65, 71, "Gail")])
    assert [(e.kind, e.lo, e.hi) for e in ex.events] == [("birth", "2025-02-09", "2025-02-10")]


def test_getting_the_keys_is_moving_in(nlp):
    from remembrancer.extract import extract

    text = "Bri: GOT THE KEYS YESTERDAY!!!\nTasha: omg"
    ex = extract(text, at="2022-06-04T10:00:00", speakers=[(5, 30, "Bri"), (38, 41, "Tasha")])
    assert [(e.kind, [ex.people[p].name for p in e.people], e.lo) for e in ex.events] == [("moving", ["Bri"], "2022-06-03")]
    for text in ("I got my keys back from the garage. I cried.", "We got the car keys. I cried.", "I lost my keys yesterday. I cried."):
        assert [e.kind for e in extract(text, at="2023-05-01").events] == []


def test_a_proposal_told_as_asking(nlp):
    from remembrancer.extract import extract

    ex = extract("Tom Jones asked me to marry him on Saturday. I said yes.", at="2022-12-25")
    assert [(e.kind, sorted(ex.people[p].name for p in e.people), e.lo, e.negated) for e in ex.events] == [
        ("engagement", ["Tom Jones", "me"], "2022-12-24", False)]
    assert all(e.negated for e in extract("I never asked Anya Kowalski to marry me.", at="2022-12-25").events)


def test_they_after_a_pair_the_parser_did_not_join(nlp):
    from remembrancer.extract import extract

    ex = extract("Nanna Jean and Grandad Joe came for tea. They've been married forty-six years. I cried.", at="2022-01-10")
    assert [(e.kind, sorted(ex.people[p].name for p in e.people)) for e in ex.events] == [("marriage", ["Grandad Joe", "Nanna Jean"])]


def test_a_job_got_with_its_start_told_in_a_word(nlp):
    from remembrancer.extract import extract

    ex = extract("Got the job. Moira's job. From September. Taz bought the first round. I cried.", at="2023-03-25")
    assert [(e.kind, [ex.people[p].narrator for p in e.people], e.lo) for e in ex.events] == [("job", [True], "2023-09-01")]


def test_a_letters_greeting_is_no_title(nlp):
    """What a letter tells first under "Dear Jean," is not the news of the day it was written."""
    from remembrancer.extract import extract

    ex = extract("Dear Jean,\n\nMark Jones proposed to Sarah. I cried when I heard.", at="2022-12-25")
    assert [(e.kind, e.lo) for e in ex.events] == [("engagement", None)]


def test_a_new_job_at_a_place_of_work(nlp):
    from remembrancer.extract import extract

    ex = extract("Tariq Khan starts at the hospital in Middlesbrough on Monday. I cried.", at="2025-07-02")
    assert [(e.kind, e.lo) for e in ex.events] == [("job", "2025-07-07")]
    assert extract("Tom Jones started at the school in September. I cried.", at="2025-07-02").events == []
    assert extract("The film starts at the cinema at nine. I cried.", at="2025-07-02").events == []


def test_a_moves_day_told_with_going(nlp):
    from remembrancer.extract import extract

    ex = extract("Tom Jones is moving to Canada. He goes on the fourth of June. I cried.", at="2025-05-02")
    assert [(e.kind, e.lo) for e in ex.events] == [("moving", "2025-06-04")]


def test_a_diarys_event_of_today(nlp):
    """Told in the simple past at a meal, or beside "tonight": the entry's day. Not in a letter."""
    from remembrancer.extract import extract

    def dated(text):
        return [(e.kind, e.lo) for e in extract(text, at="2022-12-25").events]
    assert dated("We had turkey. After dinner I asked Anya Kowalski to marry me. She said yes.") == [("engagement", "2022-12-25")]
    assert dated("Went to the Bell tonight. Tom Jones proposed to Kate Smith. I cried.") == [("engagement", "2022-12-25")]
    assert dated("Dear Jean,\n\nAfter dinner Tom Jones proposed to you. I cried.") == [("engagement", None)]
    assert dated("Went to the Bell tonight.\n\nTom Jones proposed to Kate Smith. I cried.") == [("engagement", None)]
    assert dated("Today I found the old photos. Tom Jones and I married at St Mary's.") == [("marriage", None)]  # a memory


def test_an_age_the_parser_hung_on_its_day(nlp):
    """"turns 5 saturday", "would've been 90 today": the parser reads the age as a count of the day."""
    from remembrancer.extract import extract

    text = "Bri: Zoe turns 5 saturday!! Party at the trampoline place at 2\nTasha: omg"
    i = text.index("\n")
    ex = extract(text, at="2023-04-12T20:05:00", speakers=[(5, i, "Bri"), (i + 8, len(text), "Tasha")])
    assert [(e.kind, e.lo) for e in ex.events] == [("birth", "2018-04-15")]
    text = "Bri: Grandpa would've been 90 today\nTasha: omg"
    i = text.index("\n")
    ex = extract(text, at="2023-08-02T07:45:00", speakers=[(5, i, "Bri"), (i + 8, len(text), "Tasha")])
    assert sorted((e.kind, e.lo) for e in ex.events) == [("birth", "1933-08-02"), ("death", None)]
def test_a_grave_in_words_that_bid_is_only_perhaps_a_death():
    from remembrancer.extract import FACT, extract

    ex = extract("Ellen told Doug that Moira was a good woman. Write it on Mum's headstone.", at="2023-05-14")
    assert all(ev.confidence < FACT for ev in ex.events if ev.kind == "death")
    ex = extract("We went to Mum's grave on Sunday and put flowers on it.", at="2023-05-14")
    assert any(ev.kind == "death" and ev.confidence >= FACT for ev in ex.events)


def _deaths(nlp, text, at="2023-05-10"):
    ex = with_people(nlp, text, at)
    Times()(ex)
    Events()(ex)
    return [(sorted(ex.people[p].name for p in e.people if p not in e.agents), e.lo, round(e.confidence, 2))
            for e in ex.events if e.kind == "death" and not e.negated]


def test_deaths_as_people_tell_them(nlp):
    assert _deaths(nlp, "Peter Parker went peacefully in his sleep on Sunday.") == [(["Peter Parker"], "2023-05-07", 0.9)]
    assert _deaths(nlp, "Peter Parker slipped away at ten past six with his wife holding his hand.") == [
        (["Peter Parker"], "2023-05-10", 0.85)]  # perhaps: one slips away from a party too; the hour: the entry's day
    assert _deaths(nlp, "Maureen Hall never woke up.") == [(["Maureen Hall"], None, 0.9)]
    assert _deaths(nlp, "Maureen Hall didn't wake up on Tuesday.") == [(["Maureen Hall"], "2023-05-09", 0.8)]
    assert _deaths(nlp, "Peter Parker was laid to rest on Friday.") == [(["Peter Parker"], None, 0.9)]  # no later than
    assert _deaths(nlp, "We scattered Peter Parker's ashes at Hornsea.") == [(["Peter Parker's"], None, 0.9)]  # (the tagger's name)
    # the name in apposition to a role: "Mum's friend Maureen Hall", "My neighbour, Frank Doyle,"
    assert _deaths(nlp, "Mum's friend Maureen Hall died on Tuesday.") == [(["Maureen Hall"], "2023-05-09", 0.97)]


def test_the_same_words_of_the_living(nlp):
    for text in ("Peter Parker slipped away from the party early.", "Peter Parker slipped away with the money.",
                 "Peter Parker went to sleep on the sofa.", "Jo Smith didn't wake up till ten this morning.",
                 "Jo Smith didn't wake up once.", "They killed off Peter Parker on Harbour Lights.",
                 "Jo Smith says my retirement will be the death of Peter Parker.",
                 "By Friday I honestly thought Peter Parker had died.",
                 "We buried Peter Parker in the garden under the apple tree.",  # people are not buried in gardens: a pet
                 "Marianne Dashwood dies at the end of the book."):  # a story's death, in the simple present
        assert _deaths(nlp, text) == [], text
    assert _deaths(nlp, "Peter Parker was buried at St Mary's on Friday.") == [(["Peter Parker"], None, 0.9)]


def test_other_events_the_words_only_seem_to_tell(nlp):
    assert [e[-1] for e in events(nlp, "Peter Parker nearly had a heart attack.") if e[0] == "illness"] == [True]
    assert [e[-1] for e in events(nlp, "Peter Parker had a heart attack in May.") if e[0] == "illness"] == [False]
    assert [e for e in events(nlp, "Dave Marsh is married to his job.") if e[0] == "marriage"] == []
    assert [e[-1] for e in events(nlp, "Dave Marsh is married to a lovely woman from Leeds.") if e[0] == "marriage"] == [False]
    assert [e for e in events(nlp, "I told Priya Shah she was born for it.") if e[0] == "birth"] == []
    assert [e for e in events(nlp, "Priya Shah was born in 1990.") if e[0] == "birth"]


def test_a_death_in_a_dream_a_film_or_a_game_is_no_death(nlp):
    for text in ("It felt like Peter Parker had died all over again.", "Peter Parker died in the film.",
                 "I had a nightmare that Peter Parker died.",
                 "Jake Smith got killed in the game last night.", "Mary Jones died her hair purple."):
        assert _deaths(nlp, text) == [], text
    assert _deaths(nlp, "Peter Parker died in the hospital on Sunday.") == [(["Peter Parker"], "2023-05-07", 0.97)]
    assert _deaths(nlp, "Peter Parker died a hero.") == [(["Peter Parker"], None, 0.97)]


def test_a_name_said_with_an_animal_is_a_pets_death(nlp):
    for text in ("Molly Brown, our old cat, died in the night.", "Molly Brown the hamster died."):
        assert _deaths(nlp, text) == [], text
    assert _deaths(nlp, "Molly Brown, our neighbour, died on Sunday.") == [(["Molly Brown"], "2023-05-07", 0.97)]


def test_a_life_ended_in_words_of_its_own(nlp):
    assert _deaths(nlp, "Peter Parker lost his battle with cancer in June.") == [(["Peter Parker"], "2022-06-01", 0.9)]
    assert _deaths(nlp, "Peter Parker lost his fight against leukaemia.") == [(["Peter Parker"], None, 0.9)]
    assert _deaths(nlp, "Peter Parker took his own life in 2009.") == [(["Peter Parker"], "2009-01-01", 0.9)]
    assert _deaths(nlp, "Peter Parker committed suicide in 2009.") == [(["Peter Parker"], "2009-01-01", 0.95)]
    for text in ("Peter Parker lost his fight on points.", "Peter Parker lost his battle with the council.",
                 "Peter Parker took his time.", "Peter Parker lost his keys."):
        assert _deaths(nlp, text) == [], text


def test_the_mother_had_the_baby_and_the_baby_is_born():
    from remembrancer import extract

    def born(text, at="2024-02-10"):
        ex = extract.extract(text, at=at)
        return [([ex.people[p].name for p in e.people], e.lo) for e in ex.events if e.kind == "birth" and e.confidence >= 0.9]
    assert born("Chloe had her baby on Thursday, a little boy, Isaac, seven pound nine.") == [(["Isaac"], "2024-02-08")]
    assert born("Yasmin had the baby at ten past four this morning. A boy, 7lb 2oz, and they've called him Zain.") == [
        (["Zain"], "2024-02-10")]
    assert born("Auntie Bev had the baby this morning. Alfie Joseph Sharma, seven pounds eleven, loads of black hair.") == [
        (["Alfie Joseph Sharma"], "2024-02-10")]
    assert born("Chloe had her baby on Thursday. Amy went round to the hospital.") == []  # not Chloe's birth, nor Amy's


def test_a_test_passed_is_no_death(nlp):
    for text in ("Jess Brown passed with flying colours.", "Jess Brown had her driving test today. Jess Brown passed."):
        assert _deaths(nlp, text) == [], text
    assert _deaths(nlp, "Jess Brown passed!") == [(["Jess Brown"], None, 0.75)]  # perhaps
    assert _deaths(nlp, "Jess Brown passed early this morning.") == [(["Jess Brown"], "2023-05-10", 0.9)]
def test_a_wedding_told_to_the_one_married_is_a_memory():
    """A letter to one's wife: "We married on the 3rd of June" is some year's 3rd of June, not the one before the letter
    (no date, rather than a wrong one); with the year told before it, or someone else's wedding, the date stands."""
    letter = ("Dear Jean,\n\nI sat in the garden today, Jean. We married on the 3rd of June at St Mark's, and it rained all "
              "day. You wore your mother's veil.\n\nLove,\nBill")
    assert ("marriage", ["Bill", "Jean"], None, "2022-10-21") in _full(letter, "2022-10-20")
    told = letter.replace("We married on the 3rd of June", "We met in 1969. We married on the 3rd of June")
    assert ("marriage", ["Bill", "Jean"], "1969-06-03", "1969-06-04") in _full(told, "2022-10-20")
    theirs = letter.replace("We married on the 3rd of June", "David Price married Sian Evans on the 3rd of June")
    assert ("marriage", ["David Price", "Sian Evans"], "2022-06-03", "2022-06-04") in _full(theirs, "2022-10-20")


def test_would_have_been_so_old_on_a_day():
    # "You'd have been seventy on Tuesday": born that Tuesday, seventy years back (as "today" was)
    got = _full("My dearest Ann,\n\nYou'd have been seventy on Tuesday. I took flowers up.", "2021-03-14")
    assert ("birth", ["Ann"], "1951-03-09", "1951-03-10") in got
    got = _full("Grandpa would've been 90 on the 2nd, so we went up to the grave.", "2021-03-14")
    assert ("birth", ["Grandpa"], "1931-03-02", "1931-03-03") in got


def test_a_date_and_what_it_was_like_dates_the_sentence_before():
    # a verbless sentence that opens on a date with its year dates the event told just before it with none
    got = _full("My dearest Ann,\n\nRemember when Mark was born? The 2nd of May 1979, and the hottest day of the year.", "2021-03-14")
    assert ("birth", ["Mark"], "1979-05-02", "1979-05-03") in got
    # not a day without its year ("Saturday, and the rain never stopped."): the death stays undated
    assert _full("Nain died. Saturday, and the rain never stopped.", "2021-03-14") == [("death", ["Nain"], None, "2021-03-15")]


def test_a_time_said_of_what_an_event_left_is_not_the_events():
    # "I found our wedding photos today": the photos were found today; the date said next is the wedding's
    got = _full("Dear Margaret,\n\nI found our wedding photos today. The 14th of June 1969, and you in that hat.\n\nLove,\nBill",
                "2021-09-12")
    assert [e for e in got if e[0] == "marriage"] == [("marriage", ["Bill", "Margaret"], "1969-06-14", "1969-06-15")]
    assert ("marriage", ["Lisa"], "2021-09-18", "2021-09-19") in _full("Lisa's wedding is on Saturday.", "2021-09-12")


def test_a_death_told_by_a_bare_name_another_bears_more_fully_is_perhaps():
    from remembrancer.extract import FACT, extract

    def deaths(text):
        ex = extract(text, at="2022-02-06")
        return [(ex.people[p].name, ev.confidence >= FACT) for ev in ex.events if ev.kind == "death" for p in ev.people]

    # two Jims named in full: "Jim died" may be either
    assert deaths("Jim Kelly rang from Leeds about the flights. Jim Armstrong was in hospital again. Jim died on Thursday "
                  "night.") == [("Jim", False)]
    # one Jim, or a full name that dies: stated
    assert deaths("Jim died on Thursday night. He was eighty.") == [("Jim", True)]
    assert deaths("Jim Kelly rang from Leeds. My friend Jim Armstrong died on Thursday night.") == [("Jim Armstrong", True)]
    # the entry says which Jim: "Not your Grandad Jim, my friend Jim, Jim Armstrong"
    assert deaths("I have been to see Jim at the hospital. Not your Grandad Jim, my friend Jim, Jim Armstrong. Jim died on "
                  "Thursday.") == [("Jim Armstrong", True)]


@pytest.mark.parametrize("text, lo", [
    ("Peter Parker went to be with the Lord on Sunday.", "2023-05-07"),
    ("Peter Parker went home to be with Jesus on Sunday.", "2023-05-07"),
    ("Peter Parker went home to the Lord in March.", "2023-03-01"),
    ("Peter Parker went to meet his Maker in 1990.", "1990-01-01"),
    ("Peter Parker passed into glory on Friday.", "2023-05-05"),
    ("Peter Parker entered into rest on the 4th of May.", "2023-05-04"),
    ("Peter Parker was called home on Tuesday night.", "2023-05-09"),
    ("Peter Parker is with the Lord now.", None),
])
def test_a_death_in_the_words_of_faith(nlp, text, lo):
    # "the Lord" one goes to is no one who died
    assert _deaths(nlp, text) == [(["Peter Parker"], lo, 0.9)], text


@pytest.mark.parametrize("text", [
    "Peter Parker was called home from school because his mum was ill.",
    "Peter Parker was called home by his wife.",
    "Peter Parker is in heaven when he eats chips.",  # bliss
    "Peter Parker wants to go to be with the Lord.",  # a wish
    "Peter Parker went home to Leeds on Sunday.",
    "Peter Parker was called home to help with the harvest.",
    "Peter Parker was called home because his mum was ill.",
    "Peter Parker and Dan Smith went to Heaven last night and didn't get in till four.",  # a club
])
def test_the_same_words_of_the_living_in_faith(nlp, text):
    assert _deaths(nlp, text) == [], text


def test_a_homecoming_from_the_war_that_never_came(nlp):
    assert _deaths(nlp, "Harry Smith never came home from the war.") == [(["Harry Smith"], None, 0.9)]
    assert _deaths(nlp, "Harry Smith didn't come back from the war in 1944.") == [(["Harry Smith"], "1944-01-01", 0.9)]
    # the day of the visit to the memorial is not the death's; "who" on a name is as plain as the name
    assert _deaths(nlp, "Today I went to the memorial for Harry Smith, who never came home from the war.") == [
        (["Harry Smith"], None, 0.9)]
    for text in ("Harry Smith never came back from Australia.", "Harry Smith never came home from the pub on time.",
                 "Harry Smith won't come back from the war."):
        assert _deaths(nlp, text) == [], text


def test_a_relative_pronoun_on_a_name_is_as_plain_as_the_name():
    from remembrancer.extract import extract

    ex = extract("We went to the grave. It was for my Uncle Harry who died in the war in 1944.", at="2023-05-10")
    assert [(ex.people[p].name, e.lo, e.confidence) for e in ex.events if e.kind == "death" for p in e.people] == [
        ("Uncle Harry", "1944-01-01", 0.97)]


def test_a_death_told_after_a_dream_and_before_waking_is_the_dreams(nlp):
    text = ("Bad dream last night. Carol Jones had died and I was trying to find the hymns for her funeral. I woke up "
            "with my heart pounding.")
    assert _deaths(nlp, text) == []
    # waking ends the dream; a time of its own makes it history; a blank line another paragraph
    assert _deaths(nlp, "I had a nightmare. I woke up at three. Carol Jones died on Tuesday, I heard.") == [
        (["Carol Jones"], "2023-05-09", 0.97)]
    assert _deaths(nlp, "I dreamt about Carol Jones last night. She died in 2010.")[0][1:] == ("2010-01-01", 0.97)
    assert _deaths(nlp, "What a dream.\n\nCarol Jones died on Tuesday.") == [(["Carol Jones"], "2023-05-09", 0.97)]
    # a dream hoped for is no dream had
    for text in ("Carol Jones always dreamed of going to Rome. Carol Jones died before she could go.",
                 "Her dream was a house by the sea. Carol Jones died in the flat instead."):
        assert [d[2] for d in _deaths(nlp, text)] == [0.97], text


def test_the_one_spoken_to_is_not_the_one_buried(nlp):
    assert [d for d in _deaths(nlp, 'He made me promise. "A funeral\'s a funeral, Peter Parker."') if d[0]] == []
    assert _deaths(nlp, "The funeral of Peter Parker was on Friday.") == [(["Peter Parker"], None, 0.9)]


def test_passed_with_someone_beside_them_a_little_after_a_time(nlp):
    # "a little after four" is when, not what was passed; "with Bev beside him" who was there, not a test passed with
    # flying colours nor a place passed by
    assert _deaths(nlp, "Harold Jensen passed a little after four this afternoon with Bev Jensen beside him.") == [
        (["Harold Jensen"], "2023-05-10", 0.9)]
    assert _deaths(nlp, "Jess Smith passed with flying colours.") == []
    assert _deaths(nlp, "Harold Jensen passed beside the church on his bike.") == []


def test_dead_on_ones_feet_and_a_pet_under_a_shrub(nlp):
    assert _deaths(nlp, "Pat Kelly looked dead on her feet, poor woman.") == []
    assert _deaths(nlp, "We buried Peter Parker under the lilac by the garage.") == []


def _who(text, kind, at="2023-05-10"):
    from remembrancer.extract import extract

    ex = extract(text, at=at)
    return [sorted(ex.people[p].name for p in e.people if p not in e.agents) for e in ex.events if e.kind == kind and not e.negated]


def test_one_who_married_two_others_wed_them():
    # one marries one person: a subject whose object is two people joined by "and" officiated
    assert _who("I married Josh Meyer and Kayla Brandt this afternoon at Trinity.", "marriage") == [["Josh Meyer", "Kayla Brandt"]]
    assert _who("Tom Jones married Ann Lee in 1990.", "marriage") == [["Ann Lee", "Tom Jones"]]


def test_the_one_who_said_yes_was_proposed_to():
    assert _who("Kate Shah rang this morning. Ravi Shah proposed on Boxing Day, on the beach. She said yes before he'd "
                "finished the question.", "engagement") == [["Kate Shah", "Ravi Shah"]]
    assert _who("Ravi Shah proposed on Boxing Day.\n\nKate Shah said yes to the job.", "engagement") == [["Ravi Shah"]]


def test_our_wedding_is_of_the_one_with_i_in_the_subject():
    assert _who('Carol Hughes and I danced to "Moon River," which is what we had at our own wedding in 1984.', "marriage") == [
        ["Carol Hughes", "me"]]


def test_they_who_were_married_are_the_two_the_sentence_before_names():
    assert _who("Harold Jensen passed a little after four this afternoon with Bev Jensen beside him. Fifty-nine years they "
                "were married.", "marriage") == [["Bev Jensen", "Harold Jensen"]]
    # not when the writer is among those the sentence before names, nor for a move
    assert _who("I saw Tom Jones and Ann Lee at the pub. They were married in 1990.", "marriage") == [[]]
    assert _who("Tom Jones rang Ann Lee about the car. They moved to Leeds in 1990.", "moving") in ([], [[]])


def test_walking_out_somewhere_is_a_walk_not_a_parting(nlp):
    def partings(text):
        return [e[1] for e in events(nlp, text) if e[0] == "parting" and not e[-1]]

    assert partings("Tom Jones walked out on Ann Lee in 1990.") == [["Ann Lee", "Tom Jones"]]
    assert partings("Ann Lee ran off with the milkman in 1990.") == [["Ann Lee"]]
    for text in ("Nana Pat and Tom Jones walked out along the harbour to look at the island.",
                 "Tom Jones walked out of the meeting.", "Tom Jones ran off to the shop."):
        assert partings(text) == [], text


def test_a_burial_told_by_a_pronoun_is_of_the_one_whose_death_the_entry_told():
    # "him" is not the last man named: the entry told one man's death, and the burial is his
    from remembrancer.extract import extract

    ex = extract("Harold Jensen died on Sunday. His son Kevin rang me at six. We buried him on Friday.", at="2022-11-26")
    assert {ex.people[p].name for e in ex.events if e.kind == "death" and not e.negated for p in e.people} == {"Harold Jensen"}
    ex = extract("Kevin rang me at six. We buried him on Friday.", at="2022-11-26")  # no death told: as it was read
    assert [(ex.people[p].name, e.confidence < 0.9) for e in ex.events if e.kind == "death" for p in e.people] == [("Kevin", True)]


def test_a_life_ended_in_more_words_of_its_own(nlp):
    assert _deaths(nlp, "Peter Parker lost his life in the crash in 1998.") == [(["Peter Parker"], "1998-01-01", 0.9)]
    assert _deaths(nlp, "Peter Parker took her last breath at ten past six.") == [(["Peter Parker"], "2023-05-10", 0.9)]
    assert _deaths(nlp, "Peter Parker breathed his last on Sunday.") == [(["Peter Parker"], "2023-05-07", 0.9)]
    assert _deaths(nlp, "Peter Parker succumbed to cancer in March.") == [(["Peter Parker"], "2023-03-01", 0.9)]
    assert _deaths(nlp, "Mary Jones, God rest her, never missed a Sunday.") == [(["Mary Jones"], None, 0.9)]
    for text in ("Peter Parker succumbed to temptation and had the cake.", "Peter Parker nearly lost his life in the crash.",
                 "Peter Parker took a deep breath.", "Peter Parker gave his life for the firm.",
                 "Peter Parker lost the will to live."):
        assert _deaths(nlp, text) == [], text


def test_a_suggestion_proposed_is_no_engagement(nlp):
    for text in ("Tom Jones proposed a toast to the couple.", "At the meeting Tom Jones proposed a new rota.",
                 "Tom Jones proposed that we all go to the pub. Ann Lee said yes straight away."):
        assert [e for e in _who(text, "engagement") if e] == [], text
    assert _who("Tom Jones proposed to Ann Lee on the beach.", "engagement") == [["Ann Lee", "Tom Jones"]]
    # what the parser runs on past a blank line is not its object
    assert _who("Tom Jones proposed to Ann Lee yesterday!\n\nChristmas Day at Mam's, everyone full of dinner, the baby on the "
                "floor chewing a bow.", "engagement") == [["Ann Lee", "Tom Jones"]]


def test_a_celebration_of_life_and_a_graveside_tell_a_death(nlp):
    assert _deaths(nlp, "We went to the celebration of life for Walt Kubicek on Friday.") == [(["Walt Kubicek"], None, 0.9)]
    assert _deaths(nlp, "We stood at Peter Parker's graveside in the rain on Sunday.") == [(["Peter Parker's"], None, 0.9)]  # (the tagger's name)
    assert _deaths(nlp, "Tom Jones held a celebration of spring in the garden.") == []


@pytest.mark.backends
def test_an_event_dated_by_another_event_in_the_store(tmp_path, request, backend):
    """"The summer before Dad died" takes Dad's death's date from another entry, written before or after it; a date of
    the other event that disagrees with another (two weddings), or none, leaves it undated."""
    from conftest import store_on
    from remembrancer import Memory

    def dated(memory, kind):
        return [tuple(r) for r in memory.query("SELECT lo, hi FROM events WHERE kind = ? ORDER BY id", (kind,))]

    with Memory(store_on(backend, request, tmp_path, "a")) as memory:
        memory.add("The summer before Dad died, Phil retired from the council.", at="2021-07-03")
        memory.add("Dad died on the 3rd of November 2019. We are lost.", at="2019-11-10")
        assert dated(memory, "retirement") == [("2019-06-01", "2019-09-01")]
    with Memory(store_on(backend, request, tmp_path, "b")) as memory:
        memory.add("The summer before Dad died, Phil retired from the council.", at="2021-07-03")
        assert dated(memory, "retirement") == [(None, "2021-07-04")]  # Dad's death has no date: none
    with Memory(store_on(backend, request, tmp_path, "c")) as memory:
        memory.add("Sam was born on the 4th of July 2004.", at="2019-07-05")
        memory.add("Sam was born in 2006, I think.", at="2019-08-05")
        memory.add("Walt retired the year Sam was born.", at="2019-09-30")
        assert dated(memory, "retirement") == [(None, "2019-10-01")]  # two births of Sam that disagree


def test_an_age_turned_yesterday_dates_a_birth(nlp):
    # "turned fifteen yesterday" (the parser's acomp), and a date said beside the age is no second age
    assert events(nlp, "Peter Parker turned fifteen yesterday. We had cake.", at="2019-07-05") == [
        ("birth", ["Peter Parker"], "2004-07-04", "2004-07-05", False)]
    ex = with_people(nlp, "Mary Jones turned eighteen yesterday, 10/12. An adult.", "2020-10-13")
    ex.day_first = False
    Times()(ex)
    Events()(ex)
    assert [(e.kind, e.lo) for e in ex.events] == [("birth", "2002-10-12")]


def test_an_anniversary_told_alone_dates_the_event_after_it(nlp):
    assert events(nlp, "Twenty-one years today. Peter Parker and Mary Jones got married at St Hedwig's.", at="2022-08-20") == [
        ("marriage", ["Mary Jones", "Peter Parker"], "2001-08-20", "2001-08-21", False)]
    # across a paragraph, or an event to come: not that day
    assert events(nlp, "Twenty-one years today.\n\nPeter Parker and Mary Jones got married in a barn.", at="2022-08-20")[0][2] is None
    assert events(nlp, "Two years today. Peter Parker will marry Mary Jones in May.", at="2022-08-20")[0][2] != "2020-08-20"


@pytest.mark.backends
def test_an_event_dated_by_an_age_and_a_birth_in_the_store(db):
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("My mother Carol Ann was born on 16 August 1950.", at="2019-05-09")
        memory.add("When Carol Ann turned 70 she retired from the library.", at="2021-07-03")
        rows = [tuple(r) for r in memory.query("SELECT lo, hi FROM events WHERE kind = 'retirement'")]
        assert rows == [("2020-01-01", "2021-01-01")]


def test_a_word_of_a_date_is_no_event(nlp):
    # "Memorial Day" is a day, not a memorial: no one died
    assert events(nlp, "Peter Parker went to the Memorial Day parade with Mary Jones.", at="2021-06-10") == []
    assert [e[0] for e in events(nlp, "Peter Parker's memorial was on Sunday.", at="2021-06-10")] == ["death"]  # a memorial


def test_a_start_told_after_the_news_dates_the_job_not_the_entry(db):
    # "Got the job!" heads the entry, but the start the next sentences tell is its date, and the evidence says so
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("Got the job at the harbour! Days, no more nights. I start a week on Monday.", at="2023-01-11")
        memory.add("Got the job at the library! I was so nervous in the interview.", at="2023-03-11")  # the news alone: the entry's day
        assert [tuple(r) for r in memory.query("SELECT lo, hi, date_how FROM events WHERE kind = 'job' ORDER BY lo")] == [
            ("2023-01-23", "2023-01-24", "next:week_on"), ("2023-03-11", "2023-03-12", "entry")]


def test_a_dates_evidence_is_kept(nlp):
    ex = with_people(nlp, "Peter Parker died on Saturday night.", "2022-06-13")
    Times()(ex)
    Events()(ex)
    assert [(e.kind, e.lo, e.date_how) for e in ex.events] == [("death", "2022-06-11", "sentence:weekday")]


@pytest.mark.backends
def test_so_long_before_a_death_is_counted_from_the_death_in_the_store(tmp_path, request, backend):
    """"Two days before Mum died", with a time told a paragraph before it, is counted from Mum's death as the store
    has it, and its evidence says so."""
    from conftest import store_on
    from remembrancer import Memory

    with Memory(store_on(backend, request, tmp_path, "a")) as memory:
        memory.add("Mum died on Saturday night. Lorna was with her.", at="2022-06-13")
        memory.add("The funeral was yesterday.\n\nLorna's Gary started his new job with the council two days before Mum died.",
                   at="2022-06-22")
        assert [tuple(r) for r in memory.query("SELECT lo, hi, date_how FROM events WHERE kind = 'job'")] == [
            ("2022-06-09", "2022-06-10", "event:death")]


@pytest.mark.backends
def test_a_death_of_one_written_of_as_alive_after_it_is_only_perhaps(tmp_path, request, backend):
    """A death is no fact of one to whom a life event happened after it, or who speaks in a chat on a later day; a life
    event before the death leaves it a fact."""
    from conftest import store_on
    from remembrancer import Memory
    from remembrancer.people import FACT

    def death(memory):
        return [r[0] for r in memory.query("SELECT confidence FROM events WHERE kind = 'death' AND negated = 0")]

    with Memory(store_on(backend, request, tmp_path, "a")) as memory:
        memory.add("Dougie Reid died on Tuesday. I can't take it in.", at="2023-05-04")
        assert death(memory) and min(death(memory)) >= FACT
        memory.add("Dougie Reid retired from the fire service on Friday. A do at the station.", at="2023-06-10")
        assert max(death(memory)) < FACT
    with Memory(store_on(backend, request, tmp_path, "b")) as memory:
        memory.add("Dougie Reid retired from the fire service on Friday. A do at the station.", at="2023-03-10")
        memory.add("Dougie Reid died on Tuesday. I can't take it in.", at="2023-05-04")
        assert death(memory) and min(death(memory)) >= FACT


@pytest.mark.backends
def test_a_life_event_of_the_dead_placed_after_their_death_is_before_it(tmp_path, request, backend):
    """A letter to the dead: "You retired in June", written two years after he died, is no June after his death but
    before it; the same words of the living keep the June just gone, and the death stays a fact."""
    from conftest import store_on
    from remembrancer import Memory
    from remembrancer.people import FACT

    with Memory(store_on(backend, request, tmp_path, "a")) as memory:
        memory.add("Dad died on the 3rd of November 2019. We are lost.", at="2019-11-10")
        memory.add("Dear Dad,\n\nI found the photos from the council. You retired in June and they gave you a clock.\n\n"
                   "Love, Ruth", at="2021-07-03")
        memory.add("Phil retired in June. A clock from the council.", at="2021-07-04")
        rows = [tuple(r) for r in memory.query(
            "SELECT p.name, ev.lo, ev.hi, ev.date_how FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE ev.kind = 'retirement' ORDER BY p.name")]
        assert rows == [("Dad", None, "2019-11-04", "bound:sentence:month"), ("Phil", "2021-06-01", "2021-07-01", "sentence:month")]
        assert memory.query("SELECT confidence FROM events WHERE kind = 'death'")[0][0] >= FACT


def test_an_age_and_its_day_alone_is_the_writers_birthday(db):
    """"Forty-four today." heading a diary's entry is the writer's birthday; "X is eighteen today" X's (the parser's
    acomp); and the writer's birth dates "the summer I turned fourteen" in another entry."""
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("Forty-four today. Kirsty got me a fleece and I ate too much cake.", at="2022-04-19")
        memory.add("Callum is eighteen today. I can remember carrying him round the kitchen.", at="2022-08-05")
        memory.add("Found Dad's watch. Dad died the summer I turned fourteen. Heart.", at="2023-02-19")
        memory.add("Two more today. I am tired of the rain.", at="2023-02-20")  # a count, not an age
        rows = {tuple(r) for r in memory.query(
            "SELECT ev.kind, p.owner, ev.lo, ev.date_how FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person")}
        assert rows == {("birth", 1, "1978-04-19", "age"), ("birth", 0, "2004-08-05", "age"),
                        ("death", 0, "1992-06-01", "event:birth")}


def test_an_age_alone_however_the_parser_hangs_it(db):
    # "Fifty-eight yesterday." (the day the root) and "Sixty today." (the age an adjective): the writer's, both
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("Fifty-eight yesterday. Phil took me to the Italian and the waiter sang.", at="2021-06-10")
        memory.add("Sixty today. I had lunch with Phil by the sea.", at="2023-06-09")
        memory.add("Some today. I walked with Phil to the shop.", at="2023-06-10")
        assert sorted(tuple(r) for r in memory.query(
            "SELECT ev.lo, p.owner FROM events ev JOIN event_people ep ON ep.event = ev.id JOIN people p ON p.id = ep.person"
            " WHERE ev.kind = 'birth'")) == [("1963-06-09", 1), ("1963-06-09", 1)]


@pytest.mark.backends
def test_the_week_after_the_funeral_is_counted_from_the_funeral_last_told(tmp_path, request, backend):
    """"The week after the funeral", no one named: the funeral the writer last told to the day (here in an entry two
    weeks before); with none told to the day, or one told by a day of the month alone, no date."""
    from conftest import store_on
    from remembrancer import Memory

    def illness(memory):
        return [tuple(r) for r in memory.query("SELECT lo, hi, date_how FROM events WHERE kind = 'illness'")]

    with Memory(store_on(backend, request, tmp_path, "a")) as memory:
        memory.add("Mum died on Saturday night. Lorna was with her.", at="2022-06-13")
        memory.add("The funeral was yesterday. A good turnout.", at="2022-06-22")
        memory.add("Kirsty's mum, Maggie, was diagnosed with diabetes the week after the funeral. Type 2.", at="2022-07-05")
        assert illness(memory) == [("2022-06-22", "2022-06-29", "event:funeral")]
    with Memory(store_on(backend, request, tmp_path, "b")) as memory:
        memory.add("Mum died on Saturday night. Lorna was with her.", at="2022-06-13")
        memory.add("Kirsty's mum, Maggie, was diagnosed with diabetes the week after the funeral. Type 2.", at="2022-07-05")
        assert illness(memory) == [(None, "2022-07-06", None)]
    with Memory(store_on(backend, request, tmp_path, "c")) as memory:  # a day of the month alone, in a letter years after: no
        memory.add("Dear Dad,\n\nYou died on the 3rd of November 2019. The funeral was on the fifteenth, at St Peter's. Maggie "
                   "was diagnosed with diabetes the week after the funeral.\n\nLove, Helen", at="2021-11-03")
        assert illness(memory) == [(None, "2021-11-04", None)]


def test_the_month_after_the_one_written_to_did(db):
    # a letter to the dead: "the November after you did" is after her death as the store has it
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("Dear Grandma,\n\nYou died on the 2nd of March 2020, and I still miss you.\n\nLove, Dana", at="2021-03-02")
        memory.add("Dear Grandma,\n\nUncle Ray died the November after you did, on election night. We buried him at "
                   "Oakwood.\n\nLove, Dana", at="2022-11-24")
        assert ("2020-11-01", "2020-12-01", "event:death") in [tuple(r) for r in memory.query(
            "SELECT ev.lo, ev.hi, ev.date_how FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE p.name = 'Uncle Ray'")]


def test_an_event_is_counted_from_what_is_a_fact_of_the_other(db):
    # Grandma's death read once as "perhaps" on another day, then told plainly: "the November after you did", in a letter
    # read before either, counts from the fact
    from remembrancer import Memory

    with Memory(db) as memory:
        memory.add("Dear Grandma,\n\nUncle Ray died the November after you did, on election night. We buried him at "
                   "Oakwood.\n\nLove, Dana", at="2022-11-24")
        (grandma,) = memory.query("SELECT person FROM mentions WHERE kind = 'addressee' LIMIT 1")[0]
        with memory.transaction() as conn:
            conn.execute("INSERT INTO events (entry, kind, start, end, lo, hi, negated, confidence, date_confidence)"
                         " VALUES (1, 'death', 0, 5, '2022-11-24', '2022-11-25', 0, 0.6, 0.9)")
            conn.execute("INSERT INTO event_people (event, person, agent) VALUES (last_insert_rowid(), ?, 0)", (grandma,))
        memory.add("Dear Grandma,\n\nYou died on the 2nd of March 2020, and I still miss you.\n\nLove, Dana", at="2021-03-02")
        assert ("2020-11-01", "2020-12-01", "event:death") in [tuple(r) for r in memory.query(
            "SELECT ev.lo, ev.hi, ev.date_how FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE p.name = 'Uncle Ray'")]


def test_deaths_in_other_englishes_and_slang(nlp):
    # "passed on" with nothing passed; "is no more" (Indian English); "expired" of a person; slang only perhaps
    assert _deaths(nlp, "Peter Parker passed on this morning.") == [(["Peter Parker"], "2023-05-10", 0.9)]
    assert _deaths(nlp, "Peter Parker is no more.") == [(["Peter Parker"], None, 0.9)]
    assert _deaths(nlp, "Peter Parker expired at 4 am today.") == [(["Peter Parker"], "2023-05-10", 0.9)]
    assert _deaths(nlp, "Peter Parker carked it last week.")[0][0::2] == (["Peter Parker"], 0.8)
    assert _deaths(nlp, "Peter Parker kicked the bucket on Sunday.")[0][0::2] == (["Peter Parker"], 0.8)
    for text in ("Peter Parker passed on the message to Mary Jane.", "Peter Parker passed on the offer.",
                 "Peter Parker is no more a smoker.", "Peter Parker's passport expired in May.",
                 "Peter Parker kicked the ball on Sunday."):
        assert _deaths(nlp, text) == [], text


def test_a_death_is_not_of_one_beside_it(nlp):
    # a funeral or grave "with" someone is not theirs; "drowned her chips" no one's death
    for text in ("Went to Pamela Hughes's funeral with Neil Jones.", "Visited the grave with Neil Jones."):
        assert not any("Neil Jones" in who for who, _, _ in _deaths(nlp, text)), text
    assert _deaths(nlp, "Leanne Smith drowned her chips in vinegar.") == []
    assert _deaths(nlp, "Leanne Smith drowned in the lough in 1971.") == [(["Leanne Smith"], "1971-01-01", 0.9)]



def test_a_clause_of_its_own_is_its_own_death(nlp):
    # a second death verb with a subject of its own is another event, with its own date; "is lost" is no death
    assert _deaths(nlp, "Tom Price died in 1990 and his wife Ann Price died in 2000.") == [
        (["Tom Price"], "1990-01-01", 0.97), (["Ann Price"], "2000-01-01", 0.97)]
    assert _deaths(nlp, "Auntie Kath died last year and Uncle Stan is lost without her.") == [(["Kath"], "2022-01-01", 0.97)]
    assert _deaths(nlp, "Stan Byrne is lost without her.") == []


def test_passed_alone_with_no_time_is_perhaps(nlp):
    # "passed" with no time, no "since", no "in his sleep" is a test passed as often as a death
    assert _deaths(nlp, "Connor Byrne passed, thank God. Now he can drive himself to training.") == [
        (["Connor Byrne"], None, 0.75)]
    assert _deaths(nlp, "Connor Byrne passed early this morning.") == [(["Connor Byrne"], "2023-05-10", 0.9)]
    assert _deaths(nlp, "Connor Byrne passed peacefully.") == [(["Connor Byrne"], None, 0.9)]


def test_lost_to_a_place_is_no_death(nlp):
    # lost to a place or a thing one goes to, not to an illness, a war or a death's cause
    for text in ("We lost Bella Smith to Australia in 2018.", "Lost Mum to the sales again on Saturday."):
        assert _deaths(nlp, text) == [], text
    assert _deaths(nlp, "We lost Tom Byrne to Covid in 2020.") == [(["Tom Byrne"], "2020-01-01", 0.9)]


def test_a_death_told_with_its_hour_in_a_note_is_that_days(nlp):
    # a carer's note, a diary: the hour of a death just told is the entry's day; not so of one written to ("you died at six")
    assert _deaths(nlp, "Night shift. Peter Parker passed away peacefully at 03:40.") == [(["Peter Parker"], "2023-05-10", 0.97)]
    assert [lo for _, lo, _ in _deaths(nlp, "Dear Peter Parker, you died at ten past six and I was not there.")] in ([], [None])


@pytest.mark.parametrize("text, kind", [
    ("Helped Tom Brown move the sofa into the back room.", "moving"),
    ("Tom Brown moved the meeting to Thursday.", "moving"),
    ("Tom Brown was moved to tears by the speech.", "moving"),
    ("Tom Brown retired to bed early with a headache.", "retirement"),
    ("Tom Brown separated the eggs.", "parting"),
    ("Tom Brown has a new job on his hands with that garden.", "job"),
    ("Tom Brown shifted the sofa to the corner.", "moving"),
])
def test_other_senses_of_life_event_words(nlp, text, kind):
    assert [e for e in events(nlp, text) if e[0] == kind] == []


def test_life_events_in_other_words(nlp):
    assert events(nlp, "Tom Brown shifted to Hyderabad in March.")[0][:4] == ("moving", ["Tom Brown"], "2023-03-01", "2023-04-01")
    assert events(nlp, "Tom Brown moved to Leeds in March.")[0][:2] == ("moving", ["Tom Brown"])
    assert events(nlp, "Tom Brown passed on Sunday.")[0][:4] == ("death", ["Tom Brown"], "2023-05-07", "2023-05-08")
    assert _deaths(nlp, "Tom Brown passed on Sunday, first time!") in ([], [(["Tom Brown"], "2023-05-07", 0.75)])  # perhaps


def test_a_baby_arriving_after_labour_is_a_birth(nlp):
    assert events(nlp, "Ann Lee's waters broke at three and Freya Lee arrived at quarter past seven this morning.") == [
        ("birth", ["Freya Lee"], "2023-05-10", "2023-05-11", False)]
    assert events(nlp, "Noah Lee arrived on Tuesday, 8lb 2oz!")[0][:3] == ("birth", ["Noah Lee"], "2023-05-09")
    # a visitor arrives somewhere, from somewhere, with something, or before the labour is told
    assert events(nlp, "Tom Brown arrived at the hospital just after Ann Lee's waters broke.") == []
    assert events(nlp, "Ann Lee's waters broke. Tom Brown arrived at 7pm with the wine.") == []
    assert events(nlp, "Tom Brown arrived at seven. Ann Lee's waters broke at nine.") == []


# deaths15: a name spoken to, a noun run on into the next clause, deaths in more words, and plans feared or asked about
def test_the_one_spoken_to_at_a_sentences_head_is_not_the_one_it_happened_to(nlp):
    assert [d[0] for d in _deaths(nlp, "Kwame, Grandpa Joe died this morning.")] == [["Grandpa Joe"]]
    # a list, or a name with its role set between commas, is the subject itself
    assert ["Kwame Mensah"] in [d[0] for d in _deaths(nlp, "Kwame Mensah, my brother, died in May.")]


@pytest.mark.parametrize("text", ["Mary Walsh passed over last night.", "Mary Walsh was promoted to glory on Sunday."])
def test_deaths_in_the_words_of_faith_and_of_spiritualists(nlp, text):
    assert [d[0] for d in _deaths(nlp, text)] == [["Mary Walsh"]]


@pytest.mark.parametrize("text", ["Jo Walsh was passed over for the job again.", "Mary Walsh passed over the bridge at noon.",
                                  "Mary Walsh was promoted to manager on Sunday."])
def test_passed_over_and_promoted_of_the_living(nlp, text):
    assert _deaths(nlp, text) == []


def test_a_teleserye_is_a_story(nlp):
    assert _deaths(nlp, "In the teleserye Andoy Reyes finally died and Mama cried buckets.") == []


@pytest.mark.parametrize("text, kind", [
    ("Colin Hart says my retirement will be the death of her.", "retirement"),
    ("Mum keeps asking when Colin Hart is getting married.", "marriage"),
    ("Rosa Diaz wondered whether Colin Hart would ever retire.", "retirement"),
    ("Rosa Diaz has moved into the spare room so his leg won't be knocked.", "moving"),
])
def test_no_life_event_in_a_fear_a_question_or_a_room(nlp, text, kind):
    assert [e for e in events(nlp, text) if e[0] == kind and not e[4]] == []


def test_a_date_asked_of_an_event_told_keeps_the_event(nlp):
    assert [e[:2] for e in events(nlp, "I asked Ann Lee when Tom Brown got married and she said 1990.") if not e[4]] == [
        ("marriage", ["Tom Brown"])]

