"""The dates people write (issue 13, item 4): in file names and headings, day-first or month-first as the
store is set and never guessed, a year-less date placed by what is around it, a weak date said so."""
import datetime as dt
import json
import os

import pytest
from click.testing import CliRunner
from conftest import made

from remembrancer import Memory, capture, dates
from remembrancer.cli import cli
from remembrancer.errors import BadDate


def write(folder, name, text, when=None):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if when is not None:
        stamp = dt.datetime.fromisoformat(when).timestamp()
        os.utime(path, (stamp, stamp))
    return path


def dated(batch):
    return {os.path.basename(e.source): (e.at[:10], e.meta.get("dated"), e.meta.get("year")) for e in batch.entries}


@pytest.mark.parametrize("name, iso", [
    ("2019-06-02", "2019-06-02"), ("2019-06-03 walk with dad", "2019-06-03"), ("notes-2021-04-06", "2021-04-06"),
    ("20190602", "2019-06-02"), ("14.02.2021", "2021-02-14"), ("02-16-2021", "2021-02-16"),
    ("March 7 2021", "2021-03-07"), ("7 March 2021", "2021-03-07"), ("Tuesday 3rd March 2020", "2020-03-03"),
    ("2019_06_02", "2019-06-02"), ("14.02.21", "2021-02-14"),
])
def test_dates_in_file_names(name, iso):
    assert dates.name_date(name).resolve()[0] == iso


@pytest.mark.parametrize("name", ["letter-07", "untitled 3", "v1.2.10", "Project 2021", "notes"])
def test_names_that_are_not_dates(name):
    assert dates.name_date(name) is None


@pytest.mark.parametrize("line, iso", [
    ("Tuesday 3rd March 2020", "2020-03-03"), ("3/3/20", "2020-03-03"), ("Christmas Eve 2021", "2021-12-24"),
    ("Easter Sunday 2022", "2022-04-17"), ("Thanksgiving 2021", "2021-11-25"), ("the 26th of January, 2020", "2020-01-26"),
    ("Sunday evening, 26 January 2020", "2020-01-26"), ("26 January 2020, Halifax", "2020-01-26"),
    ("Jan. 26, 2020", "2020-01-26"), ("Written on the 26th of January, 2020", "2020-01-26"),
    ("14/3/21", "2021-03-14"),
])
def test_a_line_that_is_a_date(line, iso):
    assert dates.line_date(line).resolve(True)[0] == iso


def test_dates_set_in_a_heading():
    assert dates.heading_date("Hawthorn Lodge — admission form (24th Nov 2022)\n\nResident: Dennis")[0].resolve()[0] == "2022-11-24"
    assert dates.heading_date("Respite — options\n(after talking to Gemma, Thursday 5th May 2022)\n\nGemma says")[0].resolve()[0] == "2022-05-05"
    assert dates.heading_date("Dad's stories — July 4, 2020\n\nHe told me")[0].resolve()[0] == "2020-07-04"
    assert dates.heading_date("14 Park Road\nHalifax\n26th January 2020\n\nDear Joan,")[0].resolve()[0] == "2020-01-26"
    assert dates.heading_date("Dear Joan,\n\nThe roses are out.\n\nYour Dennis\n9th May 2021")[0].resolve()[0] == "2021-05-09"
    # a sentence that mentions a date does not date its entry
    assert dates.heading_date("I keep thinking about 14 June 2019 when Mum died.\n\nMore.") is None
    assert dates.heading_date("Christmas Day. We had it at Nain's this year, all of us.") is None


def test_a_year_less_date_takes_its_year_from_its_weekday_or_what_is_near():
    sunday = dates.line_date("Sunday 4th August")
    assert sunday.resolve(near=dt.date(2020, 6, 1))[0] == "2019-08-04"  # Sunday 4 August: 2013, 2019, 2024
    june = dates.line_date("14 June")
    assert june.resolve(near=dt.date(2021, 3, 1), before=True)[0] == "2020-06-14"  # written before the file was saved
    assert june.resolve(near=dt.date(2021, 3, 1))[0] == "2021-06-14"
    assert june.resolve(near=dt.date(2021, 3, 1), within=(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))[0] == "2020-06-14"


def test_numbers_that_fit_both_ways_are_never_guessed():
    with pytest.raises(BadDate, match="could be day/month or month/day") as e:
        dates.parse("08/05/2023")
    assert "--day-first" in e.value.remedy and "--month-first" in e.value.remedy
    assert dates.parse("08/05/2023", day_first=True) == "2023-05-08"
    assert dates.parse("08/05/2023", day_first=False) == "2023-08-05"
    # the weekday written with it can tell
    assert dates.line_date("Tuesday 3/4/2021") is not None
    assert dates.line_date("Saturday 3/4/2021").resolve()[0] == "2021-04-03"


def test_the_locale_gives_the_default_order():
    assert dates.locale_order({"LANG": "en_GB.UTF-8"}).day_first is True
    assert dates.locale_order({"LC_ALL": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}).day_first is False
    assert dates.locale_order({"LANG": "C.UTF-8"}).day_first is None
    assert dates.locale_order({}).day_first is None


def test_a_folder_dates_its_files_by_name_heading_front_matter_else_time(tmp_path):
    saved = "2024-01-10T09:00:00"
    write(tmp_path, "2019-06-02.md", "Walked with Dad.", saved)
    write(tmp_path, "14.02.2021.txt", "Valentine's.", saved)
    write(tmp_path, "03.04.2022.txt", "Ambiguous alone, day-first beside 14.02.2021.", saved)
    write(tmp_path, "notes/new house.md", "---\ndate: 2018-04-14\n---\nMoved in.", saved)
    write(tmp_path, "funeral.md", "1/3/19\n\nBuried Nain today.", saved)
    write(tmp_path, "holiday/pembrokeshire.md", "Sunday 4th August\n\nLast day.", saved)
    write(tmp_path, "untitled.md", "Can't sleep.", saved)
    batch = capture.file_entries([tmp_path])
    assert dated(batch) == {
        "2019-06-02.md": ("2019-06-02", "name", None),
        "14.02.2021.txt": ("2021-02-14", "name", None),
        "03.04.2022.txt": ("2022-04-03", "name", None),
        "new house.md": ("2018-04-14", "front matter", None),
        "funeral.md": ("2019-03-01", "text", None),
        # the files' times are when they were copied, not written: the year is the one between the others
        "pembrokeshire.md": ("2019-08-04", "text", "weekday"),
        "untitled.md": ("2024-01-10", "file time", None),
    }
    assert batch.order.day_first is True and "14.02.2021" in batch.order.source  # shown by the files themselves
    funeral = next(e for e in batch.entries if e.source.endswith("funeral.md"))
    assert funeral.text[funeral.passages[0][0]:].startswith("Buried Nain")  # the date line makes no passage


def test_a_folder_whose_numbers_fit_both_ways_needs_the_order(tmp_path):
    write(tmp_path, "03.04.2022.txt", "Which?")
    with pytest.raises(BadDate, match="03.04.2022"):
        capture.file_entries([tmp_path])
    assert dated(capture.file_entries([tmp_path], order=dates.MONTH_FIRST))["03.04.2022.txt"][0] == "2022-03-04"
    # a flag outranks what the files show; the files' own proof outranks the store's or the locale's setting
    write(tmp_path, "02-16-2021.txt", "Month-first.")
    assert dated(capture.file_entries([tmp_path], order=dates.Order(True, "store")))["03.04.2022.txt"][0] == "2022-03-04"


def test_a_year_less_heading_in_a_live_folder_takes_the_files_time(tmp_path):
    write(tmp_path, "2021-05-01.md", "A day.", "2021-05-01T21:00:00")
    write(tmp_path, "june.md", "14 June\n\nHot.", "2021-06-15T08:00:00")
    batch = dated(capture.file_entries([tmp_path]))
    assert batch["june.md"] == ("2021-06-14", "text", "file time")
    assert batch["2021-05-01.md"] == ("2021-05-01", "name", None)


def test_a_name_date_takes_the_saving_time_of_that_day(tmp_path):
    write(tmp_path, "2021-05-01.md", "A day.", "2021-05-01T21:14:00")
    assert capture.file_entries([tmp_path]).entries[0].at == "2021-05-01T21:14:00"


@pytest.mark.backends
def test_add_says_how_many_entries_nothing_dated_and_keeps_the_order_chosen(tmp_path, db):
    folder = tmp_path / "in"
    write(folder, "a.txt", "No date here.")
    write(folder, "b.txt", "Nor here.")
    write(folder, "04.05.2021.txt", "Ambiguous.")
    runner = CliRunner()
    refused = runner.invoke(cli, ["--db", str(db), "add", str(folder), "--no-extract"], env={"LC_ALL": "C"})
    assert refused.exit_code == 1 and "could be day/month" in refused.output and "--day-first" in refused.output
    assert not made(db)
    done = runner.invoke(cli, ["--db", str(db), "add", str(folder), "--no-extract", "--day-first"], env={"LC_ALL": "C"})
    assert done.exit_code == 0, done.output
    assert "2 entries dated by their file's time: nothing in them says when" in done.output
    with Memory(db, derive=False) as memory:
        assert memory.setting("dates.order") == {"day_first": True, "from": "--day-first"}
        assert memory.stats()["dates"] == {"order": "day-first", "from": "--day-first"}
        metas = [json.loads(r[0]) for r in memory.query("SELECT meta FROM entries ORDER BY id")]
        assert sorted(m["dated"] for m in metas) == ["file time", "file time", "name"]
    # the store remembers: the next add reads 08/05 day-first with no flag
    later = runner.invoke(cli, ["--db", str(db), "add", "Tea with Gwen.", "--at", "08/05/2023", "--json", "--no-extract"],
                          env={"LC_ALL": "C"})
    with Memory(db, derive=False) as memory:
        assert memory.entry(json.loads(later.output)["results"][0]["entry"])["at"] == "2023-05-08"


@pytest.mark.backends
def test_the_locale_decides_when_nothing_else_does_and_is_kept(tmp_path, db, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with Memory(db, derive=False) as memory:
        assert memory.date_order().day_first is False
        write(tmp_path / "in", "04.05.2021.txt", "Month-first here.")
        memory.add_files([tmp_path / "in"])
        assert memory.query("SELECT at FROM entries")[0][0][:10] == "2021-04-05"
        assert memory.setting("dates.order") == {"day_first": False, "from": "locale en_US"}


@pytest.mark.backends
def test_add_keeps_the_order_chosen_so_dates_in_the_text_read_by_it(db):
    """`Memory.add(..., day_first=False)` is kept as the store's order, as an import's flag is, and before the
    entry is understood: "3/4/2021" in its text is March 4th, and so in the next entry added with no flag."""
    with Memory(db) as memory:
        memory.add("Peter Parker died on 3/4/2021. We are all so sad.", at="2021-05-01", day_first=False)
        assert memory.setting("dates.order") == {"day_first": False, "from": "--month-first"}
        memory.add("Mary Jones died on 5/6/2022.", at="2022-07-01")
        rows = memory.query("SELECT lo FROM events WHERE kind = 'death' ORDER BY id")
        assert [r["lo"][:10] for r in rows] == ["2021-03-04", "2022-05-06"]


@pytest.mark.backends
def test_an_import_with_a_flag_reads_its_own_text_by_it(tmp_path, db):
    """The first import into a new store with --month-first reads numbers in its entries month first."""
    write(tmp_path / "in", "2021-05-01.txt", "Peter Parker died on 3/4/2021. We are all so sad.")
    with Memory(db) as memory:
        memory.add_files([tmp_path / "in"], day_first=False)
        assert [r["lo"][:10] for r in memory.query("SELECT lo FROM events WHERE kind = 'death'")] == ["2021-03-04"]


def test_a_heading_numbered_then_dated_and_a_weekday_with_a_day_and_month_by_numbers():
    """"Entry 13 - Feb. 28, 2021" is dated Feb 28 (not "13 - Feb"); a numbered label may stand before a date without its
    year ("Entry 14 - March 9"), no other title may; a weekday with numbers alone is a date ("Thurs 11/5"), not a fraction."""
    assert dates.heading_date("Entry 13 - Feb. 28, 2021\n\nGreg got laid off.")[0].resolve()[0] == "2021-02-28"
    assert dates.heading_date("Entry 14 - March 9\n\nShe got in!")[0].resolve(near=dt.date(2021, 3, 1))[0] == "2021-03-09"
    assert dates.heading_date("Dentist - March 9\n\nFillings.") is None
    thursday = dates.heading_date("Thurs 11/5\n\nUncle Ray passed Tuesday night.")[0]
    assert thursday.resolve(day_first=False, near=dt.date(2021, 6, 1)) == ("2020-11-05", "weekday")
    assert dates.heading_date("3/4\n\nOf a cup.") is None


def test_a_numbered_file_between_dated_ones_is_placed_between_them(tmp_path):
    """A year-less day in a notebook of numbered files takes its year from the files beside it, even when another entry
    was written on that day and month of another year."""
    write(tmp_path, "2022-03-09.md", "A day a year on.", "2024-01-10T09:00:00")
    write(tmp_path, "notebook/entry-13.txt", "Entry 13 - Feb. 28, 2021\n\nOne.", "2024-01-10T09:00:00")
    write(tmp_path, "notebook/entry-14.txt", "Entry 14 - March 9\n\nTwo.", "2024-01-10T09:00:00")
    assert dated(capture.file_entries([tmp_path]))["entry-14.txt"] == ("2021-03-09", "text", "other entries")
