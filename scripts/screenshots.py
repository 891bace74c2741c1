"""Screenshots of every web page on the example data, for the README: docs/screenshots/*.png, and of a person's
page with corrections made (person-corrections.png at 1280x800, person-corrections-phone.png at 390x844).

A docs-only tool: it stores examples/ in a temporary store, runs `remembrancer serve` on a free loopback
port, and photographs each page in Debian's headless Chromium (Playwright, no browser download). Then it
edits an entry and puts two in the trash, as a person would, and photographs the entry page and the trash
at desktop (1280x800) and phone (390x844) width.

    python scripts/screenshots.py
"""
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote
from urllib.request import Request, urlopen

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
NOW = "2025-11-20"  # the day the review and on-this-day pages are for, so the pictures do not change by the day


def get(base, path):
    with urlopen(base + path, timeout=60) as r:
        return json.load(r)


def send(base, method, path, body=None):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = Request(base + path, data=data, method=method,
                      headers={"X-Remembrancer": "1", "Content-Type": "application/json"})
    with urlopen(request, timeout=60) as r:
        return json.load(r)


def settle(base):
    for _ in range(600):
        if not any(get(base, "/api/status")["pending"].values()):
            return
        time.sleep(0.2)


SIZES = {"": {"width": 1280, "height": 800}, "-phone": {"width": 390, "height": 844}}


def entry_pages(base, browser):
    """The entry page (an entry edited once, the passage a search led to marked) and the trash."""
    rang = get(base, "/api/search?q=" + quote("Tom rang from Aberdeen"))[0]
    entry = get(base, f"/api/entries/{rang['entry']}")
    send(base, "PUT", f"/api/entries/{entry['id']}",
         {"text": entry["text"].replace("behind the lawnmower.", "behind the lawnmower, wrapped in Dad's old coat.")})
    for text, at in (("Shopping list: milk, bread, batteries for the smoke alarm.", "2023-05-09"),
                     ("Draft of what to say at Rose's funeral. Too long; I started again.", "2022-11-21")):
        send(base, "DELETE", f"/api/entries/{send(base, 'POST', '/api/add', {'text': text, 'at': at})['entry']}")
    settle(base)
    passage = get(base, f"/api/entries/{entry['id']}")["passages"][0]["passage"]
    for suffix, size in SIZES.items():
        page = browser.new_page(viewport=size)
        for name, path in (("entry", f"/entry/{entry['id']}#p{passage}"), ("trash", "/trash")):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / f"{name}{suffix}.png"))
            print(OUT / f"{name}{suffix}.png")
        page.close()
# What a person might put right on the example journal: Tom is the brother the journal calls "my brother"
# a sentence later, and Grandma Rose was "ninety-one" when she died in 2022.
CORRECTIONS = [("/api/people/Tom/relate", {"relation": "brother", "other": "me"}),
               ("/api/people/Grandma%20Rose/born", {"date": "1931"})]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        cli = [sys.executable, "-m", "remembrancer.cli", "--db", db]
        # From the project's folder, so that each entry's source is examples/journal/..., not this machine's path.
        subprocess.run(cli + ["add", "examples/journal"], check=True, capture_output=True, cwd=ROOT)
        subprocess.run(cli + ["import", "locomo", str(ROOT / "examples" / "chat.json")], check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(cli + ["serve", "--port", str(port), "--json"], stdout=subprocess.PIPE, text=True)
        try:
            server.stdout.readline()
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    get(base, "/api/stats")
                    break
                except OSError:
                    time.sleep(0.2)
            for _ in range(300):  # understood before anything is corrected
                if not any(get(base, "/api/status")["pending"].values()):
                    break
                time.sleep(0.2)
            people = [p for p in get(base, "/api/people") if p["name"] != "me"]
            pages = {
                "write": "/",
                "search": "/search?" + "q=" + quote("Who moved to Toronto?") + "&mode=ask",
                "people": "/people",
                "person": "/person/" + quote(people[0]["name"]),
                "timeline": "/timeline",
                "on-this-day": f"/today?date={NOW}",
                "review": f"/review?now={NOW}",
            }
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
                page = browser.new_page(viewport={"width": 1100, "height": 760})
                for name, path in pages.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    if name == "write":
                        page.fill("#text", "Rang Tom. He's keeping Dad's fishing rod by the door, ready for the spring.")
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / f"{name}.png"))  # the first screen of each page
                    print(OUT / f"{name}.png")
                for path, body in CORRECTIONS:
                    send(base, "POST", path, body)
                for name, size in (("person-corrections", (1280, 800)), ("person-corrections-phone", (390, 844))):
                    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                    page.goto(base + "/person/" + quote("Grandma Rose"))
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / f"{name}.png"))
                    print(OUT / f"{name}.png")
                entry_pages(base, browser)  # last: it changes the store the pages above show
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)


if __name__ == "__main__":
    main()
