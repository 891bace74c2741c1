"""Times: absolute and relative dates as [lo, hi) intervals, on plain text and in the pipeline."""
import datetime as dt

import pytest

from remembrancer.extract.base import Extraction
from remembrancer.extract.times import Times, find_times

ANCHOR = "2023-05-10"  # a Wednesday


def one(text, anchor=ANCHOR):
    times = find_times(text, anchor)
    assert len(times) == 1, times
    t = times[0]
    assert text[t.start:t.end] == t.text
    return t.text, t.lo, t.hi


@pytest.mark.parametrize("text, expected", [
    ("I saw her yesterday.", ("yesterday", "2023-05-09", "2023-05-10")),
    ("We went out last Saturday", ("last Saturday", "2023-05-06", "2023-05-07")),
    ("on Monday morning", ("Monday morning", "2023-05-08", "2023-05-09")),
    ("next Friday", ("next Friday", "2023-05-12", "2023-05-13")),
    ("It was two weeks ago.", ("two weeks ago", "2023-04-24", "2023-05-01")),
    ("3 days later", ("3 days later", "2023-05-13", "2023-05-14")),
    ("in twenty years", ("in twenty years", "2043-01-01", "2044-01-01")),
    ("twenty-five years ago", ("twenty-five years ago", "1998-01-01", "1999-01-01")),
    ("last summer", ("last summer", "2022-06-01", "2022-09-01")),
    ("last year", ("last year", "2022-01-01", "2023-01-01")),
    ("earlier this year", ("earlier this year", "2023-01-01", "2023-05-10")),
    ("the week before", ("the week before", "2023-05-03", "2023-05-10")),
    ("the day before yesterday", ("the day before yesterday", "2023-05-08", "2023-05-09")),
    ("last night", ("last night", "2023-05-09", "2023-05-10")),
    ("in May", ("May", "2023-05-01", "2023-06-01")),
    ("at Christmas", ("Christmas", "2022-12-25", "2022-12-26")),
    ("I joined last Tues.", ("last Tues", "2023-05-09", "2023-05-10")),
    ("this past weekend", ("this past weekend", "2023-05-06", "2023-05-08")),
])
def test_relative_times_resolve_against_the_anchor(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("in May 2023", ("May 2023", "2023-05-01", "2023-06-01")),
    ("2022", ("2022", "2022-01-01", "2023-01-01")),
    ("He was born in 1985.", ("1985", "1985-01-01", "1986-01-01")),
    ("8 May 2023", ("8 May 2023", "2023-05-08", "2023-05-09")),
    ("on May 8th, 2023,", ("May 8th, 2023", "2023-05-08", "2023-05-09")),
    ("the 3rd of March 1990", ("the 3rd of March 1990", "1990-03-03", "1990-03-04")),
    ("2023-05-08", ("2023-05-08", "2023-05-08", "2023-05-09")),
    ("on 8/5/2023", ("8/5/2023", "2023-05-08", "2023-05-09")),
    ("in the 1990s", ("the 1990s", "1990-01-01", "2000-01-01")),
    ("the summer of 2019", ("the summer of 2019", "2019-06-01", "2019-09-01")),
])
def test_absolute_times_need_no_anchor(text, expected):
    assert one(text, None) == expected


def test_relative_times_without_anchor_are_skipped():
    assert find_times("yesterday, last year and two weeks ago", None) == []


def test_numbers_that_are_not_years_and_modal_may_are_not_times():
    assert find_times("He kept 2022 sheep and I may go.", ANCHOR) == []


def test_vague_counts_give_a_range():
    text, lo, hi = one("a few years ago")
    assert lo < "2020-01-01" < hi


def test_anchor_can_be_a_date_or_datetime():
    assert find_times("yesterday", dt.date(2023, 5, 10)) == find_times("yesterday", dt.datetime(2023, 5, 10, 13, 56))


def test_several_times_in_order_and_impossible_dates_skipped():
    times = find_times("On 31 February 2023 nothing; yesterday and in 2001 something.", ANCHOR)
    assert [t.text for t in times] == ["yesterday", "2001"]


def test_component_fills_extraction_times():
    ex = Times()(Extraction(text="We buried him last Tuesday.", at="2023-05-10T09:00:00", author=None))
    assert [(t.text, t.lo) for t in ex.times] == [("last Tuesday", "2023-05-09")]


@pytest.mark.parametrize("text, expected", [
    ("Benedikt is getting married in June.", "2023-06-01"),   # to come: the next June
    ("We married in June.", "2022-06-01"),                     # gone: the last one
    ("I will see him on Tuesday.", "2023-05-16"),
    ("Tom came by on Tuesday.", "2023-05-09"),
    ("Her party is on 12 April.", "2024-04-12"),
    ("I was born on 12 April.", "2023-04-12"),
    ("We might visit at Christmas.", "2023-12-25"),
    ("We had dinner at Christmas.", "2022-12-25"),
])
def test_a_time_without_a_year_is_the_next_one_when_the_verb_speaks_of_what_is_to_come(text, expected):
    from remembrancer.extract import extract

    assert [t.lo for t in extract(text, at=ANCHOR).times] == [expected]


def test_before_and_later_count_from_the_time_told_before_them():
    spans = lambda text: [(t.text, t.lo, t.hi) for t in find_times(text, "2024-05-20")]
    assert spans("We married on 3 June 2001. Three days later we flew to Rome.") == [
        ("3 June 2001", "2001-06-03", "2001-06-04"), ("Three days later", "2001-06-06", "2001-06-07")]
    assert spans("Mum died in March 2019. The week before, she sang.")[1] == ("The week before", "2019-02-22", "2019-03-01")
    # With no time before them, and for "ago", the entry's date is the anchor.
    assert spans("Two weeks before, I had no idea.") == [("Two weeks before", "2024-05-06", "2024-05-13")]
    assert spans("In 2001 we met. I saw him two weeks ago.")[1] == ("two weeks ago", "2024-05-06", "2024-05-13")


def test_a_span_since_something_counts_back_from_the_entry():
    spans = lambda text: [(t.text, t.lo, t.hi) for t in find_times(text, "2021-03-14")]
    assert spans("Three weeks since Arthur died.") == [("Three weeks", "2021-02-15", "2021-02-22")]
    # a length of time, not a calendar year: two years back from the entry, give or take half a year (not 1 January)
    assert spans("It's been two years since Mum passed.") == [("two years", "2018-09-13", "2019-09-13")]
    assert spans("A year since we moved.") == [("A year", "2019-09-13", "2020-09-12")]
    # "today" makes it that very day: an anniversary
    assert spans("Four years today since Mum died.") == [("Four years today", "2017-03-14", "2017-03-15")]
    assert spans("A year today.") == [("A year today", "2020-03-14", "2020-03-15")]
    assert spans("A year ago today she died.") == [("A year ago today", "2020-03-14", "2020-03-15")]
    # A date told after "since" is the date: the span is not counted back too.
    assert spans("Two years since May 2019.") == [("May 2019", "2019-05-01", "2019-06-01")]


def test_a_habit_is_no_date():
    assert find_times("She rowed the boat out every Thursday and each Christmas.", ANCHOR) == []
    assert [t.text for t in find_times("She rowed out on Thursday.", ANCHOR)] == ["Thursday"]


@pytest.mark.parametrize("text, expected", [
    ("The light went dark for the first time in forty years.", []),
    ("It was the worst storm in fifty years.", []),
    ("I hadn't seen him in ten years.", []),
    ("We move house in two weeks.", ["2023-05-22"]),
    ("I will retire in twenty years.", ["2043-01-01"]),
])
def test_in_n_years_is_a_date_only_when_it_is_to_come(text, expected):
    from remembrancer.extract import extract

    assert [t.lo for t in extract(text, at=ANCHOR).times] == expected


def test_plans_resolve_forward_from_the_entry():
    """A date to come in notes and chats: "landing 17th May", "due 4th september", "the move is on the 28th"."""
    from remembrancer.extract import extract

    def lo(text, at="2023-01-07"):
        return [t.lo for t in extract(text, at=at).times]
    assert lo("landing 17th May at 6 in the morning") == ["2023-05-17"]
    assert lo("baby robson due 4th september!!", at="2024-02-25") == ["2024-09-04"]
    assert lo("Due in September.", at="2024-02-25") == ["2024-09-01"]
    assert lo("The move is on the 28th.", at="2022-11-10") == ["2022-11-28"]
    assert lo("Starting 4th April, part-time.", at="2022-11-10") == ["2023-04-04"]
    assert lo("We see her next week.", at="2023-01-07") == ["2023-01-09"]
    # told as done, the day just gone
    assert lo("She moved on the 28th.", at="2022-11-10") == ["2022-10-28"]


def test_a_weekday_or_next_year_picks_the_year():
    spans = lambda text, at: [(t.text, t.lo) for t in find_times(text, at)]
    assert spans("The wedding's booked. Saturday 15th June next year.", "2023-08-13") == [
        ("Saturday 15th June next year", "2024-06-15")]
    assert spans("landing saturday 11th feb", "2023-01-21") == [("saturday 11th feb", "2023-02-11")]
    assert spans("It's Friday the 7th.", "2020-01-29") == [("Friday the 7th", "2020-02-07")]


def test_a_day_of_the_month_alone_and_a_year_by_two_digits():
    spans = lambda text, at="2021-12-25": [(t.text, t.lo, t.hi) for t in find_times(text, at)]
    assert spans("Jean was born in '46.") == [("'46", "1946-01-01", "1947-01-01")]
    assert spans("the summer of '09") == [("the summer of '09", "2009-06-01", "2009-09-01")]  # the season, not the year
    assert spans("It happened on the 3rd.") == [("the 3rd", "2021-12-03", "2021-12-04")]
    assert spans("the 20th century") == [] and spans("for the 3rd time") == []


@pytest.mark.parametrize("text, anchor, expected", [
    # an anniversary counted to a month or day of this year: so many years before it
    ("Mum has been gone twenty-three years this March.", "2021-02-14", ("twenty-three years this March", "1998-03-01", "1998-04-01")),
    ("Thirty years ago this June you moved house.", "2023-06-18", ("Thirty years ago this June", "1993-06-01", "1993-07-01")),
    ("Twenty-five years this month since we lost her.", "2023-03-12", ("Twenty-five years this month", "1998-03-01", "1998-04-01")),
    ("It's 35 years tomorrow.", "2023-06-10", ("35 years tomorrow", "1988-06-11", "1988-06-12")),
])
def test_years_this_month_is_an_anniversary(text, anchor, expected):
    assert one(text, anchor) == expected


def test_a_day_and_month_by_numbers_without_a_year():
    """"His last day is 3/31" in a month-first store, "on 14/2" in a day-first one; the year the one to come when
    said as to come, else the one just gone. Not a fraction, a score out of ten or "24/7", unless a word that takes
    a date is before it."""
    t = find_times("His last day is 3/31!!", "2023-03-02", future=lambda pos: True, day_first=False)
    assert [(x.text, x.lo) for x in t] == [("3/31", "2023-03-31")]
    assert [(x.text, x.lo) for x in find_times("We met on 14/2.", "2023-05-10", day_first=True)] == [("14/2", "2023-02-14")]
    assert [(x.text, x.lo) for x in find_times("Closing is 6/3.", "2022-05-30", future=lambda pos: True, day_first=False)] == [
        ("6/3", "2022-06-03")]
    assert find_times("I ate 1/2 the cake, 3/4 of us came, it was 8/10, open 24/7.", "2023-05-10", day_first=False) == []
    assert [x.lo for x in find_times("It's due on 1/2.", "2023-05-10", future=lambda pos: True, day_first=False)] == ["2024-01-02"]


def test_part_of_a_month_or_a_year_is_a_window():
    """Read as the whole month or year: a window that surely holds it."""
    assert one("He retires at the end of the month.", "2022-08-14") == ("the end of the month", "2022-08-01", "2022-09-01")
    assert one("We went at the beginning of March.", "2022-08-14") == ("the beginning of March", "2022-03-01", "2022-04-01")
    assert one("By the middle of next year, she said.", "2022-08-14")[1:] == ("2023-01-01", "2024-01-01")
    assert one("It was in the beginning of November 2022.", "2023-06-01") == ("the beginning of November 2022", "2022-11-01", "2022-12-01")


def test_the_year_after_another_time_is_the_next_calendar_year():
    times = find_times("Mum died in March 1998. Danny moved to Perth the year after.", "2021-02-14")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the year after", "1999-01-01", "2000-01-01")
    # counted from the entry's day, it is still the twelve months after it
    assert one("the year after", "2023-05-10") == ("the year after", "2023-05-11", "2024-05-11")


def test_a_state_held_so_long_began_so_long_before():
    """"We've been married ten years": married about ten years before the entry (give or take half a year), the
    time being the length, not the word "married"."""
    assert one("We've been married ten years and I'd do it again.", "2023-06-01") == ("ten years", "2012-12-01", "2013-11-30")
    assert one("He's been retired a month and he's bored.", "2022-10-02")[1:] == ("2022-08-18", "2022-09-17")
    assert find_times("We've been married ten years old", "2023-06-01") == []


def test_that_season_or_month_is_of_the_time_told_before():
    times = find_times("We moved to Leeds in 1979. That summer you learned to swim.", "2021-06-01")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("That summer", "1979-06-01", "1979-09-01")
    times = find_times("On 3 May 1990 we met. That Christmas you proposed. I said that may be so.", "2021-06-01")
    assert [(t.text, t.lo) for t in times][1:] == [("That Christmas", "1990-12-25")]
    # with no time before it in the paragraph, it is no time (not this year's summer)
    assert find_times("In 1979 we moved.\n\nThat summer was hot.", "2021-06-01")[1:] == []


@pytest.mark.parametrize("text, anchor, expected", [
    # early, mid or late in a month or a year: all of it ("mid-March" was no time)
    ("We went in early March.", "2021-06-01", ("early March", "2021-03-01", "2021-04-01")),
    ("It was mid-March 2019.", "2021-06-01", ("mid-March 2019", "2019-03-01", "2019-04-01")),
    ("They moved in late 2019.", "2021-06-01", ("late 2019", "2019-01-01", "2020-01-01")),
    # holidays of the US and the UK
    ("We ate at Thanksgiving.", "2023-12-01", ("Thanksgiving", "2023-11-23", "2023-11-24")),
    ("The Fourth of July was hot.", "2023-12-01", ("Fourth of July", "2023-07-04", "2023-07-05")),
    ("Dad rang on Father's Day.", "2021-06-25", ("Father's Day", "2021-06-20", "2021-06-21")),
    ("We went to Bonfire Night.", "2021-12-01", ("Bonfire Night", "2021-11-05", "2021-11-06")),
])
def test_parts_of_months_and_years_and_more_holidays(text, anchor, expected):
    assert one(text, anchor) == expected


def test_the_day_after_a_holiday_is_counted_from_it():
    times = find_times("Mum died the day after Christmas.", "2023-01-10")
    assert [(t.text, t.lo, t.hi) for t in times][0] == ("the day after", "2022-12-26", "2022-12-27")
    times = find_times("We left the week before Easter 2019.", "2023-01-10")
    assert [(t.text, t.lo, t.hi) for t in times][0] == ("the week before", "2019-04-14", "2019-04-21")


@pytest.mark.parametrize("text, expected", [
    # issue 18: a date without its year in a message that speaks of what is to come is the next one
    ("See you on May 3rd!", "2024-05-03"),
    ("Can't wait to see you on the 3rd of May", "2024-05-03"),
    ("Booked the venue for the 3rd of June.", "2024-06-03"),
    ("The scan is scheduled for May 3rd.", "2024-05-03"),
    ("Only two weeks till May 3rd!", "2024-05-03"),
    ("Flights booked for May 3rd!", "2024-05-03"),
    # ... and the one just gone when it speaks of what was
    ("We met on May 3rd.", "2023-05-03"),
    ("I had to go in on May 3rd.", "2023-05-03"),
    ("We wanted to go on May 3rd.", "2023-05-03"),
])
def test_a_date_without_a_year_resolves_forward_when_the_words_say_it_is_to_come(text, expected):
    from remembrancer.extract import extract

    assert [t.lo for t in extract(text, at="2024-03-10").times] == [expected]


def test_a_plan_hung_on_a_present_perfect_is_to_come():
    from remembrancer.extract import extract

    text = "Dad told us that he's got a new job at the warehouse, starting in September."
    assert [t.lo for t in extract(text, at="2023-07-22").times] == ["2023-09-01"]


def test_a_day_of_the_month_in_words():
    spans = lambda text: [(t.text, t.lo) for t in find_times(text, "2023-10-14")]
    assert spans("She moved on the fourth of November.") == [("the fourth of November", "2022-11-04")]
    assert spans("It was November the twenty-first.") == [("November the twenty-first", "2022-11-21")]
    assert spans("They went in February, on the tenth.")[-1] == ("the tenth", "2023-10-10")
    # an ordinal word is a day only where it can be nothing else
    assert spans("My first May in London.") == []
    assert spans("He was the first. The second time was worse.") == []


def test_the_season_without_last_or_next():
    from remembrancer.extract import extract

    assert [(t.text, t.lo) for t in extract("Moira's retiring in the summer.", at="2023-01-14").times] == [("the summer", "2023-06-01")]
    assert [(t.text, t.lo) for t in extract("We went to Spain in the summer.", at="2023-01-14").times] == []  # of any year
    assert [t.lo for t in find_times("In the summer of 1979 we moved.", "2023-01-14")] == ["1979-06-01"]


def test_a_week_on_a_day():
    spans = lambda text: [(t.text, t.lo) for t in find_times(text, "2024-02-07")]  # a Wednesday
    assert spans("I start a week on Monday") == [("a week on Monday", "2024-02-19")]
    assert spans("The funeral is a week on Friday.") == [("a week on Friday", "2024-02-16")]
    assert spans("See you Monday week.") == [("Monday week", "2024-02-19")]
    assert spans("A week today since Mum died.") == [("A week today", "2024-01-31")]  # a week back, as before


def test_a_memory_asked_for_is_no_plan():
    from remembrancer.extract import extract

    assert [t.lo for t in extract("Remember May 3rd?", at="2024-03-10").times] == ["2023-05-03"]
    assert [t.lo for t in extract("Imagine the 3rd of May, all of us there.", at="2024-03-10").times] == ["2023-05-03"]


def test_a_date_without_its_year_after_a_year_told_in_the_same_line():
    spans = lambda text: [(t.text, t.lo) for t in find_times(text, "2021-02-02")]
    assert spans("We married in 1963. On the 3rd of May we moved to Leeds.") == [("1963", "1963-01-01"), ("the 3rd of May", "1963-05-03")]
    assert spans("In 1979 Dad got the job; in March we moved.") == [("1979", "1979-01-01"), ("March", "1979-03-01")]
    # not across a line (a chat's turns), nor "next March"
    assert spans("We married in 1963.\nOn the 3rd of May we moved.")[1] == ("the 3rd of May", "2020-05-03")
    assert spans("In 2019 we went. Next March we go again.")[1] == ("Next March", "2021-03-01")


def test_an_indefinite_weekday_is_no_day():
    # a letter two years on: "on a Sunday" is some Sunday, not the one just gone
    assert find_times("You died on a Sunday morning with the radio on.", "2021-11-03") == []
    assert find_times("One Thursday we drove to the coast.", "2021-11-03") == []
    assert one("We drove to the coast on Thursday.", "2021-11-03") == ("Thursday", "2021-10-28", "2021-10-29")


def test_so_many_years_on_a_weekday():
    # "four years on Thursday since Dad died": the anniversary is the Thursday to come, the death four years before it
    text = "I know it is four years on Thursday since Dad died."
    t = find_times(text, "2023-03-12", future=lambda pos: True)
    assert [(x.text, x.lo, x.hi) for x in t] == [("four years on Thursday", "2019-03-16", "2019-03-17")]
    t = find_times("It was two years on Monday since we lost her.", "2023-03-12", future=lambda pos: False)
    assert [(x.text, x.lo, x.hi) for x in t] == [("two years on Monday", "2021-03-06", "2021-03-07")]


def test_a_decade_in_two_digits_or_words():
    assert one("She and Dad moved up from Ipswich in the 80s.", "2021-07-03") == ("the 80s", "1980-01-01", "1990-01-01")
    assert one("We met back in the '60s.", "2021-07-03") == ("the '60s", "1960-01-01", "1970-01-01")
    assert one("They married in the early seventies.", "2021-07-03") == ("the early seventies", "1970-01-01", "1974-01-01")
    assert find_times("Nan is in her 80s now.", "2021-07-03") == []  # an age
    assert find_times("It's been in the 90s all week, so hot.", "2021-07-03") == []  # degrees


def test_easter_is_a_long_weekend():
    # "last Easter" is Good Friday to Easter Monday, not Easter Sunday: "moved up here last Easter" gives no day
    assert one("She and Geoff moved up here last Easter.", "2023-02-18") == ("last Easter", "2022-04-15", "2022-04-19")
    assert one("We married on Easter Sunday.", "2023-02-18") == ("Easter Sunday", "2022-04-17", "2022-04-18")
    assert one("It was Easter Monday.", "2023-02-18") == ("Easter Monday", "2022-04-18", "2022-04-19")
    t = find_times("He rang the day after Easter.", "2023-02-18")
    assert (t[0].text, t[0].lo, t[0].hi) == ("the day after", "2022-04-18", "2022-04-19")


def test_so_many_weeks_or_months_on_a_day_since():
    # "six months tomorrow since the funeral": that day, six months back (not "two weeks tomorrow", a plan)
    assert one("Six months tomorrow since the funeral.", "2023-03-12") == ("Six months tomorrow", "2022-09-13", "2022-09-14")
    t = find_times("It's six weeks on Friday since Dad died.", "2023-03-12", future=lambda pos: False)
    assert [(x.text, x.lo, x.hi) for x in t] == [("six weeks on Friday", "2023-01-27", "2023-01-28")]
    t = find_times("I start two weeks tomorrow.", "2023-03-12", future=lambda pos: True)
    assert [(x.text, x.lo, x.hi) for x in t] == [("two weeks tomorrow", "2023-03-27", "2023-03-28")]


def test_in_the_new_year():
    assert one("Your sister Jean moved to Spain in the New Year.", "2023-03-12") == ("the New Year", "2023-01-01", "2023-02-01")
    t = find_times("We move in the New Year.", "2023-11-12", future=lambda pos: True)
    assert [(x.text, x.lo, x.hi) for x in t] == [("the New Year", "2024-01-01", "2024-02-01")]
    assert find_times("Happy New Year! See you at the New Year's party.", "2023-01-01") == []


def test_before_or_after_what_the_words_go_on_to_tell():
    # with no time told before it, "the year after you got ill" is after something unsaid: not a year after the letter
    assert find_times("I retired the year after you got ill.", "2023-03-12") == []
    assert find_times("He proposed the week after Martin's wedding.", "2023-03-12") == []
    # counted from the time told before it, or standing alone, as before
    times = find_times("Mum died in March 1998. Danny moved to Perth the year after Mum went.", "2021-02-14")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the year after", "1999-01-01", "2000-01-01")
    assert one("the year after", "2023-05-10") == ("the year after", "2023-05-11", "2024-05-11")


def test_a_holiday_after_a_year_told_in_the_same_line():
    times = find_times("We met at a dance in Bolton in 1962. I proposed at Christmas.", "2023-03-12")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("Christmas", "1962-12-25", "1962-12-26")
    times = find_times("We married in 1963. Last Christmas was quiet.", "2023-03-12")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("Last Christmas", "2022-12-25", "2022-12-26")


def test_so_many_years_last_weekday_or_in_a_month():
    # anniversaries said the British way: the day or month is this year's, the event so many years before it
    assert one("It was a year last Tuesday since you died.", "2021-06-20") == ("a year last Tuesday", "2020-06-15", "2020-06-16")
    assert one("We were married forty years in May.", "2021-06-20") == ("forty years in May", "1981-05-01", "1981-06-01")
    t = find_times("It'll be two years in August since you were diagnosed.", "2021-06-20", future=lambda pos: True)
    assert [(x.text, x.lo, x.hi) for x in t] == [("two years in August", "2019-08-01", "2019-09-01")]


def test_a_day_alone_after_a_day_and_month_in_the_same_sentence():
    times = find_times("You went into the hospice on the 2nd of March and you died on the 9th.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the 9th", "2021-03-09", "2021-03-10")
    times = find_times("She came home on the 28th of February and died on the 3rd.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the 3rd", "2021-03-03", "2021-03-04")
    # another sentence: the entry's month, as before
    times = find_times("Born on 3rd May. We go back on the 14th.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the 14th", "2021-06-14", "2021-06-15")


def test_a_week_after_what_follows_is_not_counted_from_a_year():
    # "in 1978, the week after Lisa was born": after the birth, not the first week of 1978
    assert [(t.text, t.lo, t.hi) for t in find_times("We moved here in 1978, the week after Lisa was born.", "2021-06-20")] == [
        ("1978", "1978-01-01", "1979-01-01")]
    times = find_times("Mum died in March 1998. Danny moved to Perth the year after Mum went.", "2021-02-14")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("the year after", "1999-01-01", "2000-01-01")


def test_a_weekday_told_after_a_date_without_its_year_picks_the_year():
    # the 4th of February 2022 was a Friday: "a Thursday" makes it 2021's
    times = find_times("You've been gone a year now. The 4th of February, a Thursday, at ten past two.", "2022-02-06")
    assert [(t.text, t.lo, t.hi) for t in times] == [("The 4th of February", "2021-02-04", "2021-02-05")]
    times = find_times("You died on the 12th of November, a Thursday, at twenty past four.", "2020-12-20")
    assert [(t.text, t.lo, t.hi) for t in times] == [("the 12th of November", "2020-11-12", "2020-11-13")]


def test_a_feast_s_weekend_is_the_weekend_not_the_day():
    # Labor Day 2021 was Monday 6 September: its weekend is Saturday to Monday
    assert one("She drove out Labor Day weekend with a U-Haul.", "2021-09-12") == ("Labor Day weekend", "2021-09-04", "2021-09-07")
    # Thanksgiving (a Thursday) to the Sunday after; Easter's is its long weekend, Good Friday to Easter Monday
    assert one("Thanksgiving weekend was quiet.", "2021-12-01") == ("Thanksgiving weekend", "2021-11-25", "2021-11-29")
    assert one("We went up Easter weekend.", "2021-04-10") == ("Easter weekend", "2021-04-02", "2021-04-06")
    assert one("over the Memorial Day long weekend", "2021-06-10") == ("Memorial Day long weekend", "2021-05-29", "2021-06-01")
    assert one("on Labor Day", "2021-09-12") == ("Labor Day", "2021-09-06", "2021-09-07")  # the day alone, as before


def test_a_day_and_month_by_numbers_after_born_or_died_is_a_date_not_a_fraction():
    t = find_times("Lucy Rose Delgado, born 3/8 at 2:40 a.m., seven pounds.", "2022-03-09", day_first=False)
    assert [(x.text, x.lo, x.hi) for x in t] == [("3/8", "2022-03-08", "2022-03-09")]
    assert find_times("Add 3/8 of a cup of milk.", "2022-03-09", day_first=False) == []
    assert find_times("I got 3/8 right.", "2022-03-09", day_first=False) == []


def test_that_same_year_is_of_the_time_told_before():
    times = find_times("We moved here in the fall of '09. Grandpa Frank retired that same year.", "2022-07-04")
    assert [(t.text, t.lo, t.hi) for t in times][-1] == ("that same year", "2009-01-01", "2010-01-01")
    times = find_times("We married in 1980. The same summer we moved to Hull.", "2022-01-01")
    assert [(t.text, t.lo, t.hi) for t in times][-1] == ("The same summer", "1980-06-01", "1980-09-01")
    # "the same year as Sam": a year told by what follows, not by what came before
    assert [t.text for t in find_times("In 2009 we moved. He was born the same year as Sam.", "2022-07-04")] == ["2009"]


def test_a_time_told_by_another_event():
    from remembrancer.extract.times import by_event, from_event

    said = "He retired the year Sam was born."
    assert [(said[s:e], k, u, n, d) for s, e, k, u, n, d in by_event(said)] == [("Sam", "birth", "year", 1, None)]
    said = "Mike proposed to her the Christmas after Dad's stroke."
    assert [(said[s:e], k, u, n, d) for s, e, k, u, n, d in by_event(said)] == [("Dad", "illness", "christmas", 1, "after")]
    said = "He started two weeks after Jen's wedding."
    assert [(said[s:e], k, u, n, d) for s, e, k, u, n, d in by_event(said)] == [("Jen", "marriage", "week", 2, "after")]
    assert by_event("He started two weeks after the wedding.") == []  # whose wedding: not said
    said = "Dad retired the year I was born."
    assert [(said[s:e], k, u) for s, e, k, u, n, d in by_event(said)] == [("I", "birth", "year")]  # the writer's birth
    d = dt.date
    assert from_event("2019-11-03", "2019-11-04", "summer", 1, "before") == (d(2019, 6, 1), d(2019, 9, 1))
    assert from_event("2019-08-03", "2019-08-04", "summer", 1, "after") == (d(2020, 6, 1), d(2020, 9, 1))
    assert from_event("2019-03-14", "2019-03-15", "christmas", 1, "after") == (d(2019, 12, 25), d(2019, 12, 26))
    assert from_event("2004-07-04", "2004-07-05", "year") == (d(2004, 1, 1), d(2005, 1, 1))
    assert from_event("2023-06-10", "2023-06-11", "week", 1, "after") == (d(2023, 6, 11), d(2023, 6, 18))
    # too coarse to count from: the week after something known to the month
    assert from_event("2019-08-01", "2019-09-01", "week", 1, "after") is None
    assert from_event("2019-01-01", "2020-01-01", "summer", 1, "before") is None


def test_a_season_with_a_year_by_its_last_two_digits():
    assert one("We moved here in the fall of '09.", "2022-07-04") == ("the fall of '09", "2009-09-01", "2009-12-01")
    assert one("the summer of '79", "2022-07-04") == ("the summer of '79", "1979-06-01", "1979-09-01")


def test_an_age_told_by_a_birth():
    from remembrancer.extract.times import by_event, from_event

    said = "When Mom turned 70 they moved to a condo."
    assert [(said[s:e], k, u, n) for s, e, k, u, n, _ in by_event(said)] == [("Mom", "birth", "turned", 70)]
    said = "When I was 19 I moved to Chicago."
    assert [(said[s:e], k, u, n) for s, e, k, u, n, _ in by_event(said)] == [("I", "birth", "aged", 19)]
    assert by_event("when Sam was two weeks old") == [] and by_event("When Dad was a boy") == []
    d = dt.date
    assert from_event("1950-08-16", "1950-08-17", "turned", 70, "after") == (d(2020, 1, 1), d(2021, 1, 1))
    assert from_event("1978-05-09", "1978-05-10", "aged", 19, "after") == (d(1997, 5, 9), d(1998, 5, 9))
    # born in a year: 19 spans two, both given (evdates25), never one guessed
    assert from_event("1978-01-01", "1979-01-01", "aged", 19, "after") == (d(1997, 1, 1), d(1999, 1, 1))
    assert from_event("1978-01-01", "1979-01-01", "aged:summer", 19, "after") is None


def test_so_long_before_or_after_something_is_counted_from_it_or_is_no_time():
    times = find_times("You died two days after Christmas.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][0] == ("two days after", "2020-12-27", "2020-12-28")
    # what it is before is no time the text gives: not three weeks before the letter
    assert find_times("You died three weeks before our anniversary.", "2021-06-20") == []
    # with nothing after it, from the time told before, as before
    times = find_times("Mum died on 3 May 2019. Two weeks after, Dad moved.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][1] == ("Two weeks after", "2019-05-13", "2019-05-20")


def test_a_feast_after_a_year_past_what_is_counted_from_it():
    times = find_times("Mum passed in '98, the week before Christmas.", "2021-06-20")
    assert [(t.text, t.lo, t.hi) for t in times][1:] == [("the week before", "1998-12-18", "1998-12-25"),
                                                         ("Christmas", "1998-12-25", "1998-12-26")]


def test_the_one_before_last_and_some_such_weekday():
    # 2021-06-20 is a Sunday
    assert one("Jim died in hospital the Friday before last.", "2021-06-20") == ("the Friday before last", "2021-06-11", "2021-06-12")
    assert one("Paul moved to Canada the year before last.", "2021-06-20") == ("the year before last", "2019-01-01", "2020-01-01")
    # "on a wet Tuesday", "one cold Thursday": some such day, as "on a Tuesday" is, not the last one
    assert [t.text for t in find_times("We buried you on a wet Tuesday in March.", "2021-06-20")] == ["March"]
    assert find_times("One cold Thursday we walked to the pier.", "2021-06-20") == []
    assert one("We had a lovely Sunday with the kids.", "2021-06-21") == ("Sunday", "2021-06-20", "2021-06-21")


def test_so_long_before_an_event_told_after_it_is_not_counted_from_a_time_told_before():
    # "two days before Mum died": counted from her death (extract._dated_by_events), not from "yesterday" a paragraph up
    times = find_times("The funeral was yesterday.\n\nGary started his new job two days before Mum died.", "2022-06-22")
    assert [t.text for t in times] == ["yesterday"]
    # "that", "then": the time told before, as before
    times = find_times("Mum died on 3 May 2019. Two weeks after that, Dad moved.", "2021-06-20")
    assert [(t.text, t.lo, t.kind) for t in times][1] == ("Two weeks after", "2019-05-13", "ago+counted")


def test_the_last_week_of_a_month_is_not_last_week():
    times = find_times("He's moving out there the last week of March.", "2023-02-19")
    assert [(t.text, t.lo[:7]) for t in times] == [("March", "2022-03")]  # the month, as the pipeline places it (to come)
    assert one("We went last week.", "2023-02-19") == ("last week", "2023-02-06", "2023-02-13")


def test_a_year_as_the_subject_of_its_sentence():
    assert one("2019 was a hard year.", "2022-12-31") == ("2019", "2019-01-01", "2020-01-01")
    times = find_times("This year and 2019 are the two I'd give back. Uncle Alec died that spring.", "2022-12-31")
    assert [(t.text, t.lo, t.kind) for t in times][-1] == ("that spring", "2019-03-01", "that+told")


def test_a_time_told_by_the_death_of_the_one_written_to():
    from remembrancer.extract.times import by_event

    said = "I retired the week after you died."
    assert [(said[s:e], k, u, n, d) for s, e, k, u, n, d in by_event(said)] == [("you", "death", "week", 1, "after")]
    assert by_event("The week after he died we moved.") == []  # "he": whoever coreference says, not counted on


def test_a_season_of_an_age():
    from remembrancer.extract.times import by_event, from_event

    said = "Dad died the summer I turned fourteen."
    assert [(said[s:e], k, u, n) for s, e, k, u, n, _ in by_event(said)] == [("I", "birth", "turned:summer", 14)]
    said = "The fall I was 19 I moved out of the dorms."
    assert [(said[s:e], k, u, n) for s, e, k, u, n, _ in by_event(said)] == [("I", "birth", "aged:fall", 19)]
    d = dt.date
    assert from_event("1978-04-19", "1978-04-20", "turned:summer", 14, "after") == (d(1992, 6, 1), d(1992, 9, 1))
    assert from_event("1978-04-19", "1978-04-20", "aged:fall", 19, "after") == (d(1997, 9, 1), d(1997, 12, 1))
    # born in July: the summer she was 19 may be either of two
    assert from_event("1978-07-19", "1978-07-20", "aged:summer", 19, "after") is None


def test_a_time_told_by_a_funeral_no_one_is_named_at():
    from remembrancer.extract.times import by_funeral

    assert by_funeral("Maggie was diagnosed the week after the funeral.") == [("week", 1, "after")]
    assert by_funeral("Two days before the burial we sat up.") == [("day", 2, "before")]
    assert by_funeral("after the funeral") == [] and by_funeral("the week after Dad's funeral") == []  # a name: by_event


def test_a_month_told_by_another_event():
    from remembrancer.extract.times import by_event, from_event

    said = "Uncle Ray died the November after you did."  # "did": the kind the sentence tells
    assert [(said[s:e], k, u, n, d) for s, e, k, u, n, d in by_event(said)] == [("you", "did", "november", 1, "after")]
    said = "She married the June before Dad died."
    assert [(said[s:e], k, u, d) for s, e, k, u, n, d in by_event(said)] == [("Dad", "death", "june", "before")]
    d = dt.date
    assert from_event("2020-03-10", "2020-03-11", "november", 1, "after") == (d(2020, 11, 1), d(2020, 12, 1))
    assert from_event("2020-11-10", "2020-11-11", "november", 1, "after") == (d(2021, 11, 1), d(2021, 12, 1))
    assert from_event("2019-11-03", "2019-11-04", "june", 1, "before") == (d(2019, 6, 1), d(2019, 7, 1))
    assert from_event("2019-01-01", "2020-01-01", "june", 1, "before") is None  # known to the year: which June is not plain


@pytest.mark.parametrize("text, lo, hi", [
    ("She got engaged last Tuesday fortnight.", "2024-05-21", "2024-05-22"),  # a fortnight before last Tuesday
    ("He moved a week last Monday.", "2024-05-27", "2024-05-28"),
    ("They split up a week ago Sunday.", "2024-05-26", "2024-05-27"),
    ("Two Christmases ago he moved.", "2022-12-25", "2022-12-26"),
    ("Three summers ago we met.", "2021-06-01", "2021-09-01"),
    ("This time last year she got engaged.", "2023-05-22", "2023-06-20"),
])
def test_times_counted_back_from_a_day_or_a_feast(text, lo, hi):
    assert [(t.lo, t.hi) for t in find_times(text, "2024-06-05")] == [(lo, hi)]


def test_today_written_in_the_small_hours_is_the_day_before():
    said = "We got engaged tonight! Today was mad."
    assert [t.lo for t in find_times(said, "2024-06-08T00:40:00", small_hours=True)] == ["2024-06-07", "2024-06-07"]
    assert [t.lo for t in find_times(said, "2024-06-08T09:40:00", small_hours=True)] == ["2024-06-08", "2024-06-08"]
    assert [t.lo for t in find_times(said, "2024-06-08T00:40:00")] == ["2024-06-08", "2024-06-08"]  # a question's: as it is


def test_a_pregnancy_told_by_the_child_is_the_nine_months_before_its_birth():
    from remembrancer.extract.times import by_event, from_event

    assert by_event("When I was expecting Sam, Dad had his first heart attack.") == [(21, 24, "birth", "expecting", 1, "before")]
    assert by_event("when she was pregnant with Ellie") == [(27, 32, "birth", "expecting", 1, "before")]
    assert by_event("When we were expecting the worst") == []
    assert from_event("2019-03-12", "2019-03-13", "expecting", 1, "before") == (dt.date(2018, 6, 12), dt.date(2019, 3, 13))
