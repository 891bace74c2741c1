"""The owner's corrections (remembrancer/people.py), on real stores with the real model: each is a
statement that wins over extraction, holds after `reindex` and after a new version of a component, shows
as the owner's own, and can be undone."""
import sqlite3

import pytest

from conftest import dump
from remembrancer import Memory
from remembrancer.errors import BadDate, BadInput, NotFound, RemembrancerError

ENTRIES = [
    ("My husband Rhys drove us to the coast. My mother Joan came too, and my sister Mel.", "2020-01-01"),
    ("Winston sat with us all evening; Winston never says much. Rhys fed him sardines.", "2020-01-05"),
    ("Carys died last week, they said at work. Gran died on 3 March 2019.", "2020-02-01"),
    ("Bella was born in the spring. Grandad Alun loved the sea.", "2020-03-01"),
]


def remember(m, entries=ENTRIES):
    for text, at in entries:
        m.add(text, at=at)


def correct(m):
    """One of each correction, as a person would make them after reading their people's pages."""
    m.rename("Rhys", "Rhys Evans")
    m.set_kind("Winston", "pet")
    m.relate("Joan", "grandmother", "me", instead="mother")
    m.unrelate("Mel", "sister", "me")
    m.relate("Carys", "best friend", "me")
    m.event_untrue("Carys", "death")
    m.redate_event("Gran", "death", "2019-03-04")
    m.set_birthday("Bella", "2019-06-02")
    m.set_death("Grandad Alun", "1999")


def ties_to_me(m):
    return {(r["relation"], r["other"]) for r in m.person("me")["relations"] if not r["is"]}


def events(m, name, kind):
    return [e for e in m.person(name)["events"] if e["kind"] == kind]


def assert_corrected(m):
    """Every page and answer shows what the owner said, not what was read."""
    people = {p["name"] for p in m.people()}
    assert "Rhys Evans" in people and "Rhys" not in people
    assert m.person("Rhys")["name"] == "Rhys Evans"  # the old name is still theirs
    assert "Winston" not in people and [p["name"] for p in m.people("pet")] == ["Winston"]
    assert m.person("Winston")["kind"] == "pet"
    ties = ties_to_me(m)
    assert {("grandmother", "Joan"), ("best friend", "Carys"), ("husband", "Rhys Evans")} <= ties
    assert ("mother", "Joan") not in ties and not any(other == "Mel" for _, other in ties)
    assert [(r["relation"], r["other"], r["is"]) for r in m.person("Joan")["relations"]] == [("grandmother", "me", True)]
    assert m.person("Joan")["relations"][0]["said"]  # shown as the owner's own
    assert not events(m, "Carys", "death")
    gran = events(m, "Gran", "death")
    assert [(e["at"], bool(e["said"])) for e in gran] == [("2019-03-04", True)] and gran[0]["passage"]
    assert [(e["at"], bool(e["said"])) for e in events(m, "Bella", "birth")] == [("2019-06-02", True)]
    assert [(e["when"], bool(e["said"])) for e in events(m, "Grandad Alun", "death")] == [("1999", True)]
    # fading and review, on-this-day, the timeline and the facts above an answer agree
    lines = {i["person"]: i["line"] for i in m.fading(now="2030-01-01", limit=50)}
    assert "Winston" not in lines and "died" not in lines["Carys"]
    assert "died 1999" in lines["Grandad Alun"] and "died 4 March 2019" in lines["Gran"]
    assert "Carys: your best friend" in lines["Carys"]
    notes = [i.get("note") for i in m.on_this_day("2024-03-04")]
    assert "5 years ago today, Gran died." in notes
    assert not any("Gran died" in (n or "") for n in (i.get("note") for i in m.on_this_day("2024-03-03")))
    assert "Bella's birthday: 5 today." in [i.get("note") for i in m.on_this_day("2024-06-02")]
    told = [i for i in m.timeline() if i["kind"] == "event"]
    assert not any(i["what"] == "death" and "Carys" in (i["passage"] or {}).get("text", "") and i["at"] >= "2020" for i in told)
    assert any(i["what"] == "death" and i["at"] == "2019-03-04" for i in told)
    facts = [f["fact"] for f in m.ask("What happened to Carys?")["facts"]]
    assert "Carys is the best friend of me (you said)" in facts and not any(f.startswith("death") for f in facts)
    assert "Grandad Alun died in 1999 (you said)" in [f["fact"] for f in m.ask("Tell me about Grandad Alun")["facts"]]
    assert "Winston" not in {p["name"] for p in m.graph()["people"]}
    assert all(c["holds"] for c in m.corrections())


def new_events_version(monkeypatch):
    """A new version of the events component that reads every event's span a little differently."""
    from remembrancer import extract
    from remembrancer.extract.events import Events

    read = Events.__call__

    def shifted(self, ex):
        read(self, ex)
        for ev in ex.events:
            ev.start += 1
        return ex

    monkeypatch.setattr(Events, "__call__", shifted)
    monkeypatch.setattr(Events, "version", Events.version + ".next")
    monkeypatch.setattr(extract, "VERSION", extract.VERSION + ".next")


@pytest.mark.backends
def test_each_correction_wins_and_holds_after_a_new_component_version_and_reindex(db, monkeypatch):
    with Memory(db) as m:
        remember(m)
        assert ("mother", "Joan") in ties_to_me(m) and events(m, "Carys", "death")  # as read
        correct(m)
        assert_corrected(m)
        new_events_version(monkeypatch)
        assert m.process()["extract"] == len(ENTRIES)  # every entry read again by the new version
        assert_corrected(m)
        assert m.reindex()["entries"] == len(ENTRIES)
        assert_corrected(m)
        said = m.corrections()
        assert len(said) == 9 and [c["id"] for c in said] == sorted((c["id"] for c in said), reverse=True)
        assert said[0]["said"] == "Grandad Alun died in 1999" and said[0]["at"] and said[0]["undone"] is None
        assert "Joan is your grandmother, not your mother" in {c["said"] for c in m.person("Joan")["said"]}


def test_what_the_owner_said_is_kept_when_entries_get_new_ids(tmp_path):
    """Another store holding the same entries under other ids (an import) and the same statements finds
    each statement's people and events by their names and words, not by ids."""
    with Memory(tmp_path / "a.db") as a:
        remember(a)
        correct(a)
    with Memory(tmp_path / "b.db") as b:
        remember(b, [ENTRIES[3], ENTRIES[2], ENTRIES[0], ENTRIES[1]])
        src = sqlite3.connect(str(tmp_path / "a.db"))
        rows = src.execute("SELECT kind, a, b, at, relation, date, target, undone FROM corrections ORDER BY id").fetchall()
        src.close()
        with b.transaction() as conn:
            conn.executemany("INSERT INTO corrections (kind, a, b, at, relation, date, target, undone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        b.reindex()
        assert_corrected(b)


@pytest.mark.backends
def test_undo_takes_each_correction_back_and_keeps_it(db):
    with Memory(db) as m:
        remember(m)
        read = {p["name"] for p in m.people()}
        correct(m)
        for c in m.corrections():  # newest first
            assert m.undo(c["id"])["undone"]
        assert {p["name"] for p in m.people()} == read
        assert ("mother", "Joan") in ties_to_me(m) and ("sister", "Mel") in ties_to_me(m)
        assert ("best friend", "Carys") not in ties_to_me(m) and events(m, "Carys", "death")
        assert [e["at"] for e in events(m, "Gran", "death")] == ["2019-03-03"] and not events(m, "Grandad Alun", "death")
        assert all(c["undone"] and not c["holds"] for c in m.corrections()) and len(m.corrections()) == 9
        m.reindex()
        assert {p["name"] for p in m.people()} == read and ("mother", "Joan") in ties_to_me(m)
        with pytest.raises(BadInput, match="undone already"):
            m.undo(m.corrections()[0]["id"])
        with pytest.raises(NotFound):
            m.undo(999)


@pytest.mark.backends
def test_undoing_a_join_a_split_and_a_rename_reads_them_again(db):
    with Memory(db) as m:
        remember(m)
        read = {p["name"]: p["mentions"] for p in m.people()}
        m.merge_people("Joan", "Mel")
        assert "Mel" not in {p["name"] for p in m.people()}
        m.undo(m.corrections()[0]["id"])
        assert {p["name"]: p["mentions"] for p in m.people()} == read
        assert ("mother", "Joan") in ties_to_me(m) and ("sister", "Mel") in ties_to_me(m)
        m.merge_people("Joan", "Mel")
        m.split_person("Joan", "Mel")
        assert {"Joan", "Mel"} <= {p["name"] for p in m.people()}
        m.undo(m.corrections()[0]["id"])  # the split: one person again, as the join said
        assert "Mel" not in {p["name"] for p in m.people()} and "Mel" in m.person("Joan")["aliases"]
        m.undo(m.corrections()[1]["id"])  # the join
        m.rename("Rhys", "Bug")
        m.undo(m.corrections()[0]["id"])
        assert {p["name"]: p["mentions"] for p in m.people()} == read


def test_a_split_or_a_rename_never_leaves_a_person_who_cannot_be_opened(tmp_path):
    def every_page_opens(m):
        for p in m.people(None):
            assert m.person(p["name"])["id"] == p["id"], p["name"]
        names = [p["name"].lower() for p in m.people(None)]
        assert len(names) == len(set(names))

    with Memory(tmp_path / "m.db") as m:
        m.add("Tom Baker fixed the gate. Tom was cheerful.", at="2010-01-01")
        m.add("Tom Price brought apples. Tom stayed for tea.", at="2010-01-02")
        for day in range(3, 6):
            m.add(f"Tom rang about the allotment. He sounded tired. Day {day}.", at=f"2010-01-0{day}")
        m.add("Dear Gran,\nThe garden is full of your roses.\nLove,\nMe", at="2020-01-01")  # a sign-off read as "Me"
        m.add("I walked to the shop with Rhys.", at="2020-01-02")
        every_page_opens(m)
        assert m.person("me")["owner"]
        tom = m.person("Tom")
        parted = m.split_person("Tom Baker", "Tom")["split"]  # a second Tom, beside the one called only Tom
        assert parted["name"] == "Tom (2)" and "Tom" in parted["aliases"] and m.person("Tom")["id"] == tom["id"]
        every_page_opens(m)
        m.rename("Tom (2)", "Tommy Baker")
        with pytest.raises(BadInput, match="someone else"):
            m.rename("Tommy Baker", "tom price")
        every_page_opens(m)
        m.reindex()
        every_page_opens(m)
        assert {"Tom", "Tommy Baker", "Tom Baker", "Tom Price"} <= {p["name"] for p in m.people()}


def test_a_split_takes_what_was_read_of_that_name_with_it_and_keeps_it_after_reindex(tmp_path):
    """Read as one person, the vicar "Tom Hughes" and a boy called "Tom": once split, the boy's cues (and the
    pronouns after his name) are his, on his page and in recall, before and after reindex."""
    with Memory(tmp_path / "m.db") as m:
        m.add("The Reverend Tom Hughes took the funeral at St Mary's and spoke about the chapel roof.", at="2023-10-24")
        m.add("Owen drove me up while Nia and Tom stayed with Bethan. Tom built a den out of cushions.", at="2023-09-02")
        m.add("Tom asked whether Taid was a ghost now. Tom drew a lighthouse for him.", at="2024-11-30")
        assert "Tom" in m.person("Tom Hughes")["aliases"]  # read as one person
        m.split_person("Tom Hughes", "Tom")

        def cues(name):
            return {c["cue"] for c in m.person(name)["cues"]}

        for _ in range(2):
            assert {"den", "ghost", "lighthouse"} <= cues("Tom") and {"chapel roof", "funeral"} <= cues("Tom Hughes")
            assert not cues("Tom") & {"chapel roof", "funeral"} and not cues("Tom Hughes") & {"den", "ghost", "lighthouse"}
            assert m.recall("lighthouse")["people"][0]["name"] == "Tom"
            m.reindex()
        # a new entry naming the vicar in full and "Tom" after him keeps the vicar his name
        m.add("Tom Hughes came round for tea. Tom showed him the den.", at="2024-12-01")
        assert m.person("Tom Hughes")["aliases"] == ["Reverend Tom Hughes", "Tom Hughes"]
        assert m.person("Tom")["aliases"] == ["Tom"] and m.person("Tom")["mentions"] >= 5


def test_a_name_that_is_not_a_person_leaves_the_people_and_stays_a_cue(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        remember(m)
        m.set_kind("Winston", "pet")
        assert "Winston" not in {p["name"] for p in m.people()}
        assert "Winston" in {p["name"] for p in m.people(None)}
        assert all(i["person"] != "Winston" for i in m.fading(now="2030-01-01", limit=50))
        reviewed = set()
        for _ in range(12):
            item = m.review_next(now="2030-01-01")
            if item is None:
                break
            reviewed.add(item["person"])
            m.review_answer(item["item"], "good", now="2030-01-01")
        assert reviewed and "Winston" not in reviewed
        assert "Winston" not in {p["name"] for p in m.graph()["people"]}
        found = m.recall("Winston")
        assert any(t["name"] == "Winston" and t["kind"] == "pet" for t in found["things"])
        assert "Winston" not in {p["name"] for p in found["people"]} and found["passages"]
        assert m.person("Winston")["kind"] == "pet"
        m.set_kind("Winston", "person")  # said back: a person again
        assert "Winston" in {p["name"] for p in m.people()}


def test_a_correction_that_makes_no_sense_is_refused_and_changes_nothing(tmp_path):
    with Memory(tmp_path / "m.db") as m:
        remember(m)
        m.set_kind("Winston", "pet")
        before = dump(tmp_path / "m.db")
        bad = [
            (NotFound, lambda: m.rename("Nobody Atall", "X")),
            (BadInput, lambda: m.rename("Carys", "  ")),
            (BadInput, lambda: m.rename("Carys", "Carys")),
            (BadInput, lambda: m.rename("Carys", "..")),
            (BadInput, lambda: m.set_kind("Carys", "robot")),
            (BadInput, lambda: m.set_kind("Winston", "pet")),
            (BadInput, lambda: m.set_kind("me", "thing")),
            (NotFound, lambda: m.relate("Carys", "friend", "Nobody Atall")),
            (BadInput, lambda: m.relate("Carys", "friend", "Carys")),
            (BadInput, lambda: m.relate("Carys", "42!", "me")),
            (BadInput, lambda: m.relate("Rhys", "husband", "me")),
            (BadInput, lambda: m.relate("Joan", "aunt", "me", instead="sister")),
            (BadInput, lambda: m.unrelate("Carys", "friend", "me")),
            (BadInput, lambda: m.event_untrue("Carys", "wedding")),
            (NotFound, lambda: m.event_untrue("Carys", "death", event=999)),
            (BadDate, lambda: m.redate_event("Gran", "death", "soon")),
            (BadInput, lambda: m.set_death("Gran", "2999-01-01")),
            (BadInput, lambda: m.set_death("me", "2001")),
            (NotFound, lambda: m.set_birthday("Agnes", "1950")),
            (NotFound, lambda: m.undo(42)),
            (BadInput, lambda: m.undo("one")),
        ]
        for error, call in bad:
            with pytest.raises(error) as caught:
                call()
            assert isinstance(caught.value, RemembrancerError) and caught.value.remedy
        assert dump(tmp_path / "m.db") == before
        gran = events(m, "Gran", "death")[0]["id"]
        with pytest.raises(NotFound):  # an event that is someone else's
            m.event_untrue("Carys", "death", event=gran)


def test_what_cannot_be_so_is_refused_with_what_is_so(tmp_path):
    """A typo in a year, a birth after the death given, the same date twice, "wife" where "husband" is shown, a
    relation replaced by itself, a word of a name, a person joined to themselves: refused, saying what is so."""
    with Memory(tmp_path / "m.db") as m:
        remember(m)
        born = m.set_birthday("Grandad Alun", "March 1931")["correction"]
        assert born["said"] == "Grandad Alun was born in March 1931"  # as said, not "1931-03"
        died = m.set_death("Grandad Alun", "1999")["correction"]
        before = dump(tmp_path / "m.db")
        refused = [
            (lambda: m.set_birthday("Bella", "2099"), "2099 is still to come"),
            (lambda: m.set_birthday("Grandad Alun", "2001"), f"after their death, in 1999 (correction {died['id']})"),
            (lambda: m.set_death("Grandad Alun", "1930"), f"before their birth, in March 1931 (correction {born['id']})"),
            (lambda: m.set_death("Grandad Alun", "1999"), f"in 1999 already (correction {died['id']})"),
            (lambda: m.relate("Rhys", "wife", "me"), "Rhys is the husband of me now"),
            (lambda: m.relate("Rhys", "husband", "me", instead="wife"), "'Rhys' is not the wife of 'me' now"),
            (lambda: m.set_birthday("Alun", "1931"), "No person called 'Alun' (is it 'Grandad Alun'?)"),
            (lambda: m.merge_people("Rhys", "rhys"), "are one person already"),
        ]
        for call, says in refused:
            with pytest.raises(RemembrancerError) as caught:
                call()
            assert says in str(caught.value) and caught.value.remedy
        assert dump(tmp_path / "m.db") == before
        assert m.relate("Rhys", "wife", "me", instead="husband")["correction"]["said"] == "Rhys is your wife, not your husband"
        assert m.set_death("Grandad Alun", "2 March 1999")["correction"]["said"] == "Grandad Alun died on 1999-03-02"
        joined = m.merge_people("Joan", "Mel")  # a join and a split say what was said, as the others do
        assert joined["name"] == "Joan" and joined["correction"]["said"] == "Joan and Mel are one person"
        assert m.split_person("Joan", "Mel")["correction"]["said"] == "Mel is someone other than Joan"


# -- the command line ---------------------------------------------------------------------------------
def test_each_correction_from_the_command_line(tmp_path):
    import json

    from click.testing import CliRunner

    from remembrancer.cli import cli

    db = tmp_path / "m.db"
    with Memory(db) as m:
        remember(m)

    def run(*args):
        return CliRunner().invoke(cli, ["--db", str(db), *args])

    def said(*args):
        result = run(*args, "--json")
        assert result.exit_code == 0, (args, result.output, result.exception)
        out = json.loads(result.output)
        assert set(out) == {"correction", "person"} and out["correction"]["holds"]
        return out

    for group, command in [("people", "rename"), ("people", "kind"), ("people", "relate"), ("people", "unrelate"),
                           ("people", "born"), ("people", "died"), ("event", "untrue"), ("event", "date"),
                           (None, "corrections"), (None, "undo")]:
        help_ = run(*filter(None, (group, command)), "--help").output
        assert "Example: remembrancer " in help_ and "--json" in help_
    assert said("people", "rename", "Rhys", "Rhys Evans")["person"]["name"] == "Rhys Evans"
    assert said("people", "kind", "Winston", "pet")["person"]["kind"] == "pet"
    page = said("people", "relate", "Joan", "grandmother", "me", "--instead", "mother")["person"]
    assert sorted((r["relation"], r["other"], bool(r["said"])) for r in page["relations"]) == [
        ("grandmother", "Mel", False), ("grandmother", "me", True)]  # my sister's too, worked out from what I said
    said("people", "unrelate", "Mel", "sister", "me")
    said("people", "born", "Bella", "2019-06-02")
    said("people", "died", "Grandad Alun", "1999")
    carys = json.loads(run("person", "Carys", "--json").output)
    death = next(e for e in carys["events"] if e["kind"] == "death")
    assert not said("event", "untrue", "Carys", "death", "--event", str(death["id"]))["person"]["events"]
    gran = said("event", "date", "Gran", "death", "4 March 2019")["person"]
    assert [e["at"] for e in gran["events"] if e["kind"] == "death"] == ["2019-03-04"]
    out = run("people", "relate", "Carys", "best friend", "me")
    assert out.exit_code == 0 and "Carys is your best friend." in out.output and "remembrancer undo" in out.output
    assert "your best friend (you said)" in out.output
    assert "you said" in run("person", "Joan").output and "your grandmother (you said)" in run("person", "Joan").output
    assert "Winston" not in run("people").output and "Winston" in run("people", "--kind", "pet").output
    listed = json.loads(run("corrections", "--json").output)
    assert len(listed) == 9 and listed[0]["said"] == "Carys is your best friend"
    assert "Joan is your grandmother, not your mother" in run("corrections", "--person", "Joan").output
    undone = json.loads(run("undo", str(listed[0]["id"]), "--json").output)
    assert undone["undone"] and "Undone: Gran's death was on 2019-03-04." in run("undo", str(listed[1]["id"])).output
    assert f"(undone {undone['undone'][:10]})" in run("corrections").output
    assert run("people", "kind", "Carys", "robot").exit_code == 2  # not a kind: click's usage error
    for args in [("people", "rename", "Nobody Atall", "X"), ("people", "relate", "Carys", "friend", "Carys"),
                 ("event", "untrue", "Carys", "wedding"), ("event", "date", "Gran", "death", "soon"),
                 ("people", "died", "Gran", "2999"), ("undo", "999"), ("undo", str(listed[0]["id"]))]:
        result = run(*args)
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error: "), (args, result.stderr)
    for args, says in [(("people", "merge", "Joan", "Mel"), "Joan and Mel are one person."),
                       (("people", "split", "Joan", "Mel"), "Mel is someone other than Joan.")]:
        out = run(*args)  # a join and a split say what was said and how to take it back, as the others do
        assert out.exit_code == 0 and says in out.output and "(Undo: remembrancer undo " in out.output


# -- the HTTP API ----------------------------------------------------------------------------------------
def test_each_correction_over_http(tmp_path):
    import httpx

    from test_server import HEADERS, is_error, serving, settle

    with serving(tmp_path / "served.db") as (base, _, _), httpx.Client(base_url=base, timeout=120) as api:
        for text, at in ENTRIES:
            assert api.post("/api/add", json={"text": text, "at": at}, headers=HEADERS).status_code == 200
        settle(api)

        def post(path, body, status=200):
            r = api.post(path, json=body, headers=HEADERS)
            assert r.status_code == status, r.text
            return r.json()

        assert post("/api/people/Rhys/rename", {"new": "Rhys Evans"})["person"]["name"] == "Rhys Evans"
        assert post("/api/people/Winston/kind", {"kind": "pet"})["correction"]["said"] == "Winston is a pet"
        post("/api/people/Joan/relate", {"relation": "grandmother", "other": "me", "instead": "mother"})
        post("/api/people/Mel/unrelate", {"relation": "sister", "other": "me"})
        post("/api/people/Carys/relate", {"relation": "best friend", "other": "me"})
        post("/api/people/Carys/events/untrue", {"kind": "death"})
        post("/api/people/Gran/events/date", {"kind": "death", "date": "2019-03-04"})
        post("/api/people/Bella/born", {"date": "2019-06-02"})
        post("/api/people/Grandad%20Alun/died", {"date": "1999"})
        me = api.get("/api/people/me").json()
        assert {("grandmother", "Joan"), ("best friend", "Carys")} <= {(r["relation"], r["other"]) for r in me["relations"]}
        assert "Winston" not in {p["name"] for p in api.get("/api/people").json()}
        assert ["Winston"] == [p["name"] for p in api.get("/api/people", params={"kind": "pet"}).json()]
        assert "Winston" not in {p["name"] for p in api.get("/api/graph").json()["people"]}
        listed = api.get("/api/corrections").json()
        assert len(listed) == 9 and all(c["holds"] for c in listed)
        assert [c["said"] for c in api.get("/api/corrections", params={"person": "Gran"}).json()] == ["Gran's death was on 2019-03-04"]
        assert api.post(f"/api/corrections/{listed[0]['id']}/undo", headers=HEADERS).json()["undone"]
        # a name with a slash is a name like any other, and its page opens
        post("/api/people/Carys/rename", {"new": "Carys / Caz"})
        assert api.get("/api/people/Carys%20%2F%20Caz").json()["name"] == "Carys / Caz"
        assert api.get("/person/Carys%20%2F%20Caz").status_code == 200
        # the guard and the errors, as for every write
        assert api.post("/api/people/Gran/died", json={"date": "2001"}).status_code == 403  # no X-Remembrancer header
        assert "GET /api/people" in is_error(api.post("/api/people/Nobody/kind", json={"kind": "pet"}, headers=HEADERS), 404)["remedy"]
        is_error(api.post("/api/people/Gran/kind", json={"kind": "robot"}, headers=HEADERS), 400)
        is_error(api.post("/api/people/Gran/events/date", json={"kind": "death", "date": "soon"}, headers=HEADERS), 400)
        is_error(api.post("/api/people/Gran/events/untrue", json={"kind": "death", "event": "x"}, headers=HEADERS), 422)
        is_error(api.post("/api/corrections/999/undo", headers=HEADERS), 404)
        is_error(api.post("/api/people/Gran/relate", json={"relation": "aunt"}, headers=HEADERS), 422)
        passages = [p["passage"] for p in api.get("/api/people/Joan").json()["passages"]]
        names = api.get("/api/names", params={"passages": ",".join(map(str, passages))}).json()
        text = api.get("/api/people/Joan").json()["passages"][0]["text"]
        spans = names[str(passages[0])]
        assert {"Joan", "Rhys Evans"} <= {s["name"] for s in spans}
        assert all(text[s["start"]:s["end"]] in (s["name"], "Joan", "Rhys", "Mel") for s in spans)
        is_error(api.get("/api/names", params={"passages": "1,x"}), 400)
        focus = api.get("/api/graph", params={"focus": "Joan", "limit": 3}).json()
        assert focus["focus"] == "Joan" and focus["people"][0]["name"] == "Joan" and len(focus["people"]) == 3
        assert all(r["group"] for r in focus["relations"])
        is_error(api.get("/api/graph", params={"focus": "Nobody"}), 404)
