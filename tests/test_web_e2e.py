"""The web pages, driven end to end in headless Chromium (Debian's, never a downloaded one) against a real
`remembrancer serve` process on a real store: write, find, open a person, answer a review, import a file."""
import json
import re
from pathlib import Path

import httpx
import pytest

from remembrancer.store import Memory
from test_server import serving, settle

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium chromium-driver)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

# The suite runs on two workers (README): a page answering a click waits on a server sharing the cores, so an
# expectation waits up to 20 s (5 s by default), failing as before when the page never shows it.
expect.set_options(timeout=20_000)

ENTRY = "Walked the dunes at Rhossili with Bronwen Tudor and her brother Idris. She flew the red kite her father made, and we ate chips on the wall."
LATER = "2031-03-01"  # long after every entry here: everyone has faded
ONE_LINE = re.compile(r"^[^\n]+$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "memories.db"
    with serving(db) as (base, _, _):
        with httpx.Client(base_url=base, timeout=60) as api, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM))
            try:
                yield base, api, db, browser
            finally:
                browser.close()


@pytest.fixture
def page(site, tmp_path):
    base, _, _, browser = site
    context = browser.new_context(base_url=base, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.screenshot(path=str(tmp_path / "last.png"), full_page=True)  # kept by pytest's tmp_path for a failure
    context.close()
    assert not errors, errors  # no script on any page threw


def remember(api):
    """The entry the pages look for (kept once, however often it is sent), so each test stands alone."""
    r = api.post("/api/add", json={"text": ENTRY, "at": "2019-08-03"}, headers={"X-Remembrancer": "1"})
    assert r.status_code == 200, r.text


def shows_one_line_error(locator):
    expect(locator).to_have_class(re.compile(r"\berror\b"))
    text = locator.inner_text()
    assert ONE_LINE.match(text) and "Traceback" not in text and 'File "' not in text
    return text


def test_write_and_save_in_one_keystroke(site, page):
    _, api, db, _ = site
    before = api.get("/api/stats").json()["entries"]
    page.goto("/")
    page.locator("#text").press("Control+Enter")  # nothing written: a message, nothing stored
    shows_one_line_error(page.locator("#saved"))
    page.fill("#text", ENTRY)
    page.fill("#at", "not a date at all")
    page.locator("#text").press("Control+Enter")
    expect(page.locator("#saved")).to_contain_text(re.compile("date", re.I))
    shows_one_line_error(page.locator("#saved"))
    expect(page.locator("#text")).to_have_value(ENTRY)  # the words stay in the box after an error
    page.fill("#at", "2019-08-03")
    page.locator("#text").press("Control+Enter")
    expect(page.locator("#saved")).to_have_text(re.compile(r"^Remembered as entry \d+"))
    expect(page.locator("#text")).to_have_value("")
    expect(page.locator("#stats")).to_contain_text(f"{before + 1} entr")
    with Memory(db, derive=False) as m:
        found = m.search("Rhossili kite")
    assert found and found[0]["text"] == ENTRY and found[0]["at"].startswith("2019-08-03")


def test_a_server_out_of_reach_is_one_line_and_keeps_the_words(site, page):
    page.goto("/")
    page.route("**/api/add", lambda route: route.abort())  # as if the server had stopped
    page.fill("#text", "Words that must not vanish when the server is gone.")
    page.locator("#text").press("Meta+Enter")  # Cmd+Enter on a Mac
    expect(page.locator("#saved")).to_contain_text("Cannot reach remembrancer")
    shows_one_line_error(page.locator("#saved"))
    expect(page.locator("#text")).to_have_value("Words that must not vanish when the server is gone.")


def test_find_it_by_search_and_by_question(site, page):
    _, api, _, _ = site
    remember(api)
    page.goto("/search")
    page.fill("#q", "Rhossili")
    page.click("#search")
    expect(page.locator("#results .passage").first).to_contain_text("red kite her father made")
    assert "mode=search" in page.url
    page.fill("#q", "Who flew a kite at the dunes?")
    page.click("#ask")
    expect(page.locator("#results .passage").first).to_be_visible()
    assert any("kite" in t for t in page.locator("#results .passage .text").all_inner_texts())
    page.goto("/search?q=&mode=ask")
    page.fill("#q", "   ")
    page.press("#q", "Enter")
    expect(page.locator("#results .passage")).to_have_count(0)


def test_people_graph_and_a_person_page(site, page):
    _, api, _, _ = site
    remember(api)
    settle(api)
    people = api.get("/api/people").json()
    bronwen = next(p for p in people if any("Bronwen" in a for a in p["aliases"]))
    graph = api.get("/api/graph").json()
    assert [p["name"] for p in graph["people"]] == [p["name"] for p in people[:40]]
    related = {frozenset((r["a"], r["b"])) for r in graph["relations"]}
    together = {frozenset((t["a"], t["b"])) for t in graph["together"]}
    assert any("Bronwen" in pair_name for pair in together for pair_name in pair)  # she is written about with others
    page.goto("/people")
    expect(page.locator("#graph circle")).to_have_count(min(len(people), 40))
    expect(page.locator("#graph line.relation")).to_have_count(len(related))
    expect(page.locator("#graph line.together")).to_have_count(len(together - related))
    page.locator("#people a.chip", has_text=bronwen["name"]).first.click()
    page.wait_for_url(re.compile(r"/person/"))
    expect(page.locator("#name")).to_have_text(bronwen["name"])
    expect(page.locator("#timeline .passage").first).to_contain_text("Rhossili")
    expect(page.locator("#strength")).to_contain_text("Predicted recall")
    expect(page.locator("#strength")).to_contain_text("Next review")
    person = api.get(f"/api/people/{bronwen['name']}").json()
    expect(page.locator("#cues .cue")).to_have_count(len(person["cues"]))
    if person["cues"]:
        expect(page.locator("#cues .why").first).to_contain_text("why:")
    page.goto("/person/Nobody%20At%20All")
    assert "Nobody At All" in shows_one_line_error(page.locator("#status"))


def test_a_person_page_says_what_they_like_and_do(site, page):
    _, api, _, _ = site
    r = api.post("/api/add", json={"text": "Carys Lloyd loves sea swimming. She plays the harp every Sunday.", "at": "2019-09-01"},
                 headers={"X-Remembrancer": "1"})
    assert r.status_code == 200, r.text
    settle(api)
    person = api.get("/api/people/Carys Lloyd").json()
    assert {f["statement"] for f in person["about"]} >= {"likes sea swimming", "plays harp"}
    page.goto("/person/Carys%20Lloyd")
    expect(page.locator("#about .card")).to_have_count(len(person["about"]))
    expect(page.locator("#about")).to_contain_text("likes sea swimming")
    expect(page.locator("#about .why").first).to_contain_text("Carys Lloyd loves sea swimming")


def test_correct_a_person_from_their_page(site, page):
    _, api, _, _ = site
    remember(api)
    settle(api)
    names = {p["name"] for p in api.get("/api/people").json()}
    bronwen = next(n for n in names if "Bronwen" in n)
    idris = next(n for n in names if "Idris" in n)
    page.goto("/person/" + bronwen)
    page.locator("#hide").click()
    expect(page.locator("#strength")).to_contain_text("Not brought back")
    page.locator("#hide").click()
    expect(page.locator("#strength")).not_to_contain_text("Not brought back")
    page.fill("#other", idris)
    page.locator("#merge button").click()
    expect(page.locator("#aliases")).to_contain_text(idris)
    assert idris not in {p["name"] for p in api.get("/api/people").json()}
    page.locator("#split button", has_text=idris).click()
    expect(page.locator("#aliases")).not_to_contain_text(idris)
    assert idris in {p["name"] for p in api.get("/api/people").json()}
    page.fill("#other", "Nobody At All")
    page.locator("#merge button").click()
    assert "Nobody At All" in shows_one_line_error(page.locator("#corrected"))


def test_answer_a_review_item(site, page):
    _, api, db, _ = site
    remember(api)
    settle(api)
    item = api.get("/api/review", params={"now": LATER}).json()
    assert item, "something should be due after years unreviewed"
    page.goto(f"/review?now={LATER}")
    expect(page.locator("#prompt")).to_have_text(item["prompt"])
    if page.locator("#show").count():
        page.click("#show")
        expect(page.locator("#card .passage")).to_be_visible()
    page.click("[data-rating=good]")
    expect(page.locator("#status")).to_have_text(re.compile(r"^Good: next time \d{4}-\d\d-\d\d"))
    with Memory(db, derive=False) as m:
        reviews = m.query("SELECT item, rating, at FROM reviews")
        recalls = m.query("SELECT item, source FROM recalls WHERE source = 'review'")
    assert (item["item"], 3) in {(i, r) for i, r, _ in reviews}
    assert (item["item"], "review") in [tuple(r) for r in recalls]  # an answer counts as a recall
    after = api.get("/api/review", params={"now": LATER}).json()
    assert after is None or after["item"] != item["item"]  # scheduled: not asked again at once
    if after:  # keys 1-4 answer too
        expect(page.locator("#prompt")).to_have_text(after["prompt"])
        page.keyboard.press("1")
        expect(page.locator("#status")).to_have_text(re.compile(r"^Again: next time"))


def test_import_a_file_with_progress(site, page, tmp_path):
    _, api, _, _ = site
    before = api.get("/api/stats").json()["entries"]
    lines = [{"text": f"Week {i}: the choir sang in Llandaff with Gethin, who forgot the words again.",
              "at": f"2017-0{1 + i // 4}-{1 + 7 * (i % 4):02d}"} for i in range(9)]
    upload = tmp_path / "choir.jsonl"
    upload.write_text("\n".join(json.dumps(x) for x in lines))
    page.goto("/")
    page.select_option("#format", "jsonl")
    page.set_input_files("#file", str(upload))
    page.click("#upload")
    expect(page.locator("#imported")).to_have_text(re.compile(r"^Imported 9 entries, \d+ words\.$"), timeout=60_000)
    assert api.get("/api/stats").json()["entries"] == before + 9
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\nnot json\n')
    page.set_input_files("#file", str(bad))
    page.click("#upload")
    expect(page.locator("#imported")).to_contain_text("bad.jsonl line 2")
    shows_one_line_error(page.locator("#imported"))
    assert api.get("/api/stats").json()["entries"] == before + 9  # nothing of a bad file is stored


@pytest.mark.parametrize("path", ["/timeline", "/today?date=2024-08-03", f"/review?now={LATER}", "/docs"])
def test_every_other_page_opens_without_errors(site, page, path):
    remember(site[1])
    settle(site[1])
    page.goto(path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("main")).to_be_visible()
    status = page.locator("#status")
    if status.count():
        expect(status).not_to_have_class(re.compile(r"\berror\b"))
    if path.startswith("/today"):
        expect(page.locator("#items .passage").first).to_contain_text("Rhossili")  # 2019-08-03, five years before
    if path == "/timeline":
        expect(page.locator("#timeline .passage", has_text="Rhossili").first).to_contain_text("2019-08-03")


def test_every_page_on_an_empty_store(site, tmp_path):
    _, _, _, browser = site
    with serving(tmp_path / "empty.db") as (base, _, _):
        context = browser.new_context(base_url=base)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path, empty in [("/", "0 entries, 0 words"), ("/search?q=anything&mode=ask", "Nothing found."),
                            ("/people", "Nobody yet"), ("/timeline", "Nothing in that time."),
                            ("/today", "Nothing written down happened"), ("/review", "Nothing to review now.")]:
            page.goto(path)
            page.wait_for_load_state("networkidle")
            expect(page.locator("main")).to_contain_text(empty)
            status = page.locator(".status.error")
            assert not status.count() or not status.first.inner_text(), (path, status.first.inner_text())
        page.goto("/no/such/page")
        expect(page.locator("h1")).to_have_text("No page here")
        context.close()
        assert not errors, errors
