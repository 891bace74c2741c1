"""The entry page and the trash, driven as a person would in headless Chromium (Debian's) against a real
`remembrancer serve`, at desktop (1280x800) and phone (390x844) width: read an entry from any passage, edit
it with its versions, re-date it, put it in the trash and back, erase it for good; import several files at
once; the timeline shows each passage once."""
import json
import re
from pathlib import Path

import httpx
import pytest

from test_server import HEADERS, serving, settle

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium chromium-driver)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

# The suite runs on two workers (README): a page answering a click waits on a server sharing the cores, so an
# expectation waits up to 20 s (5 s by default), failing as before when the page never shows it.
expect.set_options(timeout=20_000)

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LATER = "2031-03-01"
# One person a width, so the tests at one width do not meet the other's entries.
WHO = {"desktop": ("Gwenllian Prys", "Gwenllian"), "phone": ("Myfanwy Rees", "Myfanwy")}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-entries") / "memories.db"
    with serving(db) as (base, _, _):
        with httpx.Client(base_url=base, timeout=60) as api, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM))
            try:
                yield base, api, browser
            finally:
                browser.close()


@pytest.fixture(params=list(SIZES))
def page(site, request, tmp_path):
    base, _, browser = site
    context = browser.new_context(base_url=base, viewport=SIZES[request.param])
    page = context.new_page()
    page.size = request.param
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.screenshot(path=str(tmp_path / "last.png"), full_page=True)
    context.close()
    assert not errors, errors


def add(api, text, at="2019-08-03"):
    r = api.post("/api/add", json={"text": text, "at": at}, headers=HEADERS)
    assert r.status_code == 200, r.text
    return r.json()["entry"]


def fits(page):
    """Nothing wider than the screen, and each control there within it."""
    width = SIZES[page.size]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for button in page.locator("main button:visible").all():
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, button.inner_text()


def test_every_passage_links_to_its_entry(site, page):
    _, api, _ = site
    name, first = WHO[page.size]
    entry = add(api, f"Walked the dunes at Rhossili with {name} and her brother. She flew the red kite her father made, "
                     f"and we ate chips on the wall at Rhossili.")
    settle(api)
    for path in (f"/search?q={first}+kite&mode=search", f"/search?q=Who+flew+the+kite+with+{first}%3F&mode=ask",
                 "/search?q=kite&mode=recall", f"/person/{name}", "/timeline", "/today?date=2024-08-03"):
        page.goto(path)
        if path.startswith("/person/") and page.size == "phone":  # on a phone the mentions are folded below the facts
            page.locator("#mentions > summary").click()
        link = page.locator(f".passage a.entry-link[href^='/entry/{entry}#p']").first
        expect(link).to_be_visible()
    page.goto(f"/review?now={LATER}")
    page.wait_for_load_state("networkidle")
    if page.locator("#show").count():
        page.click("#show")
        expect(page.locator("#card .passage a.entry-link")).to_be_visible()
    # From a search result to the whole entry, the passage marked.
    page.goto(f"/search?q={first}+kite&mode=search")
    page.locator(f".passage a.entry-link[href^='/entry/{entry}#p']").first.click()
    page.wait_for_url(re.compile(rf"/entry/{entry}#p\d+$"))
    expect(page.locator("#title")).to_have_text(f"Entry {entry} · 2019-08-03")
    expect(page.locator("#read .here")).to_contain_text("red kite")
    expect(page.locator("#people")).to_contain_text(name)
    fits(page)


def test_edit_an_entry_and_see_its_versions(site, page):
    _, api, _ = site
    entry = add(api, f"The {page.size} choir sang in Llandaff; Gethin forgot the words again.", "2017-03-05")
    page.goto(f"/entry/{entry}")
    fits(page)
    page.click("#change")
    words = page.locator("#words")
    expect(words).to_have_value(f"The {page.size} choir sang in Llandaff; Gethin forgot the words again.")
    words.fill(f"The {page.size} choir sang in Cardiff Bay; Gethin knew every word for once.")
    fits(page)
    page.click("#save")
    expect(page.locator("#status")).to_have_text(re.compile(r"^Saved: this is version 2; the words before are kept below\.$"))
    expect(page.locator("#read")).to_contain_text("Cardiff Bay")
    expect(page.locator("details.version")).to_have_count(2)
    older = page.locator("details.version").nth(1)
    expect(older.locator("summary")).to_contain_text("Version 1 · as first written")
    older.locator("summary").click()
    expect(older).to_contain_text("Llandaff")
    settle(api)
    assert api.get("/api/search", params={"q": f"{page.size} Cardiff Bay"}).json()[0]["entry"] == entry
    history = api.get(f"/api/entries/{entry}/history").json()
    assert [v["text"].split(";")[0] for v in history] == [f"The {page.size} choir sang in Llandaff", f"The {page.size} choir sang in Cardiff Bay"]
    # An edit that fails keeps the words in the box, with a one-line reason.
    page.click("#change")
    page.locator("#words").fill("   ")
    page.click("#save")
    expect(page.locator("#status")).to_have_class(re.compile(r"\berror\b"))
    expect(page.locator("#words")).to_have_value("   ")


def test_re_date_an_entry(site, page):
    _, api, _ = site
    entry = add(api, f"Yesterday the {page.size} ferry to Lundy turned back in the swell.", "2016-07-09")
    page.goto(f"/entry/{entry}")
    expect(page.locator("#at")).to_have_value("2016-07-09")
    page.fill("#at", "2016-07-16")
    page.click("#date")
    expect(page.locator("#status")).to_contain_text("Re-dated")
    expect(page.locator("#title")).to_have_text(f"Entry {entry} · 2016-07-16")
    expect(page.locator("details.version").first.locator("summary")).to_contain_text("changed date")
    settle(api)
    said = [t["at"] for t in api.get("/api/timeline").json() if t["passage"] and t["passage"]["entry"] == entry and t["what"] == "Yesterday"]
    assert said == ["2016-07-15"]  # "yesterday" read again from the new date
    page.fill("#at", "someday")
    page.click("#date")
    expect(page.locator("#status")).to_have_class(re.compile(r"\berror\b"))
    fits(page)


def test_put_an_entry_in_the_trash_and_bring_it_back(site, page):
    _, api, _ = site
    entry = add(api, f"The {page.size} kettle at Nant Gwrtheyrn whistled like a curlew.", "2018-04-04")
    settle(api)
    page.goto(f"/entry/{entry}")
    page.click("#delete")
    expect(page.locator("#trashed")).to_be_visible()
    expect(page.locator("#status")).to_contain_text("Moved to the trash")
    expect(page.locator("#change")).to_be_hidden()
    assert not [p for p in api.get("/api/search", params={"q": "curlew kettle"}).json() if p["entry"] == entry]
    fits(page)
    page.click("#restore")
    expect(page.locator("#trashed")).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("Brought back")
    settle(api)
    assert [p for p in api.get("/api/search", params={"q": "curlew kettle"}).json() if p["entry"] == entry]


def test_erase_an_entry_for_good_from_its_page(site, page):
    _, api, _ = site
    entry = add(api, f"A {page.size} note to erase: the code for the garden gate.", "2015-01-01")
    api.put(f"/api/entries/{entry}", json={"text": f"A {page.size} note to erase: the new code for the garden gate."}, headers=HEADERS)
    api.delete(f"/api/entries/{entry}", headers=HEADERS)
    page.goto(f"/entry/{entry}")
    page.click("#purge")
    expect(page.locator("#purge-words")).to_contain_text(f"Erase entry {entry} and all 2 of its versions for good?")
    page.click("#purge-no")  # changed their mind
    expect(page.locator("#purge-confirm")).to_be_hidden()
    assert api.get(f"/api/entries/{entry}").status_code == 200
    page.click("#purge")
    fits(page)
    page.click("#purge-yes")
    expect(page.locator("#status")).to_contain_text(f"Erased entry {entry} and all 2 of its versions for good")
    expect(page.locator("#status")).to_contain_text("still hold it")
    assert api.get(f"/api/entries/{entry}").status_code == 404
    assert "garden gate" not in api.get("/api/export").text


def test_the_trash_page(site, page):
    _, api, _ = site
    back = add(api, f"The {page.size} tide came right up to the steps at Aberaeron.", "2014-05-05")
    gone = add(api, f"The {page.size} spare key is under the blue pot.", "2014-05-06")
    for entry in (back, gone):
        api.delete(f"/api/entries/{entry}", headers=HEADERS)
    page.goto("/trash")
    expect(page.locator(f"#entry-{back}")).to_contain_text("tide came right up")
    expect(page.locator(f"#entry-{gone}")).to_contain_text("spare key")
    fits(page)
    page.locator(f"#entry-{back} [data-action=restore]").click()
    expect(page.locator(f"#entry-{back}")).to_contain_text("Brought back")
    assert api.get(f"/api/entries/{back}").json()["deleted"] is None
    page.locator(f"#entry-{gone} [data-action=purge]").click()
    expect(page.locator(f"#entry-{gone} .confirm")).to_be_visible()
    fits(page)
    page.locator(f"#entry-{gone} [data-action=purge-yes]").click()
    expect(page.locator(f"#entry-{gone}")).to_contain_text(f"Erased entry {gone} for good")
    assert api.get(f"/api/entries/{gone}").status_code == 404
    page.goto("/trash")
    expect(page.locator(f"#entry-{back}")).to_have_count(0)
    expect(page.locator(f"#entry-{gone}")).to_have_count(0)


def test_a_chat_is_edited_turn_by_turn(site, page, tmp_path):
    _, api, _ = site
    chat = {"turns": [{"speaker": "Ann", "text": f"Shall we walk the {page.size} path to Worms Head?", "ref": "w1"},
                      {"speaker": "Bo", "text": "Only at low tide."}], "at": "2021-07-07"}
    r = api.post("/api/import", files={"file": ("walk.jsonl", json.dumps(chat) + "\n")}, data={"format": "jsonl"}, headers=HEADERS)
    job = r.json()["job"]
    while api.get(f"/api/import/{job}").json()["state"] == "storing":
        pass
    entry = api.get("/api/search", params={"q": f"{page.size} Worms"}).json()[0]["entry"]
    page.goto(f"/entry/{entry}")
    page.click("#change")
    expect(page.locator(".turn-edit")).to_have_count(2)
    page.locator(".turn-text").nth(1).fill("Only at low tide, and with a flask of tea.")
    fits(page)
    page.click("#save")
    expect(page.locator("#status")).to_contain_text("Saved: this is version 2")
    got = api.get(f"/api/entries/{entry}").json()
    assert [(p["speaker"], p["text"], p["ref"]) for p in got["passages"]] == [
        ("Ann", f"Shall we walk the {page.size} path to Worms Head?", "w1"), ("Bo", "Only at low tide, and with a flask of tea.", None)]


def test_import_several_files_at_once(site, page, tmp_path):
    _, api, _ = site
    before = api.get("/api/stats").json()["entries"]
    one = tmp_path / f"{page.size}-one.txt"
    one.write_text(f"The {page.size} lambs came early at Cwm Idwal this year.", encoding="utf-8")
    two = tmp_path / f"{page.size}-two.jsonl"
    two.write_text("\n".join(json.dumps({"text": f"{page.size} day {i}: the wren was back on the wall.", "at": f"2013-06-0{i + 1}"})
                             for i in range(3)), encoding="utf-8")
    page.goto("/")
    page.set_input_files("#file", [str(one), str(two)])
    page.click("#upload")
    expect(page.locator("#imported")).to_have_text(re.compile(r"^Imported 4 entries, \d+ words from 2 files\.$"), timeout=60_000)
    assert api.get("/api/stats").json()["entries"] == before + 4
    bad = tmp_path / f"{page.size}-bad.jsonl"
    bad.write_text('{"text": "fine"}\nnot json\n', encoding="utf-8")
    three = tmp_path / f"{page.size}-three.md"
    three.write_text(f"The {page.size} swifts left on the first of August.", encoding="utf-8")
    page.set_input_files("#file", [str(bad), str(three)])
    page.click("#upload")
    expect(page.locator("#imported")).to_contain_text("Imported 1 of 2 files", timeout=60_000)
    expect(page.locator("#imported")).to_contain_text(f"{page.size}-bad.jsonl line 2")
    assert api.get("/api/stats").json()["entries"] == before + 5  # the good file is stored, nothing of the bad one
    fits(page)


def test_import_a_chat_saying_which_speaker_is_you(site, page, tmp_path):
    """A chat imported from the Write page made its owner a second person ("Hannah" beside "me"): the page can
    say who you are in it, as `import --me` does."""
    _, api, _ = site
    speaker = {"desktop": "Angharad", "phone": "Heledd"}[page.size]
    chat = tmp_path / f"{page.size}-chat.jsonl"
    chat.write_text("\n".join(json.dumps(line) for line in [
        {"speaker": "Bethan", "text": "How are you holding up?", "at": "2023-10-16T09:12:00"},
        {"speaker": speaker, "text": "Dead tired. Mum keeps asking about the hymns.", "at": "2023-10-16T09:20:00"}]),
        encoding="utf-8")
    page.goto("/")
    page.set_input_files("#file", str(chat))
    page.get_by_label("In chats I am").fill(speaker)
    page.click("#upload")
    expect(page.locator("#imported")).to_have_text(re.compile(r"^Imported 1 entry, \d+ words\.$"), timeout=60_000)
    settle(api)
    assert speaker not in {p["name"] for p in api.get("/api/people").json()}
    assert speaker in api.get("/api/people/me").json()["aliases"]
    fits(page)


def test_the_timeline_shows_each_passage_once(site, page):
    _, api, _ = site
    text = (f"On 3 March 2012 and again on 10 March 2012 the {page.size} heron stood in the mill race, "
            "and today it was there once more.")
    entry = add(api, text, "2012-03-20")
    settle(api)
    items = [t for t in api.get("/api/timeline", params={"from": "2012-01-01", "to": "2013-01-01"}).json()
             if t["passage"] and t["passage"]["entry"] == entry]
    assert len({t["at"] for t in items}) >= 3  # three times read in the one passage
    page.goto("/timeline?from=2012-01-01&to=2013-01-01")
    shown = page.locator(".passage", has_text=f"the {page.size} heron")
    expect(shown).to_have_count(1)
    when = shown.locator(".when")
    expect(when).to_contain_text("2012-03-03")
    expect(when).to_contain_text("“10 March 2012” 2012-03-10")
    expect(when).to_contain_text("“today” 2012-03-20")
    fits(page)


def test_an_entry_that_is_not_there(site, page):
    page.goto("/entry/999999")
    status = page.locator("#status")
    expect(status).to_have_class(re.compile(r"\berror\b"))
    assert re.match(r"^No entry 999999\. [^\n]+$", status.inner_text())
    expect(page.locator("#change")).to_be_hidden()
    expect(page.locator("#read")).to_be_hidden()
    page.goto("/entry/0")
    expect(page.locator("#status")).to_contain_text("Not an entry id")
    fits(page)


def test_a_stored_script_is_shown_as_words(site, page):
    _, api, _ = site
    payload = f'<img src=x onerror="window.ran=1"><script>window.ran=1</script> {page.size} payload'
    entry = add(api, payload, "2011-11-11")
    api.delete(f"/api/entries/{entry}", headers=HEADERS)
    for path in (f"/entry/{entry}", "/trash"):
        page.goto(path)
        expect(page.locator("main")).to_contain_text(f"<script>window.ran=1</script> {page.size} payload")
        assert page.evaluate("window.ran") is None


def test_every_page_fits_a_phone_as_a_phone_lays_it_out(site):
    """A phone lays out a page without `<meta name=viewport>` 980 pixels wide and shrinks it: the page that is
    not there, the token page and the API reference had none."""
    base, api, browser = site
    entry = add(api, "Took the old dog up the hill before the heat; Nain came too.")
    settle(api)
    context = browser.new_context(base_url=base, viewport=SIZES["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ["/", "/search?q=dog", "/people", "/person/Nain", "/timeline", "/today", "/review", "/trash",
                 f"/entry/{entry}", "/docs", "/no-such-page", "/entry/999999", "/person/Nobody%20Atall"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"], path
    context.close()
