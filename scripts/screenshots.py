"""Screenshots of every web page on the example data, for the README: docs/screenshots/*.png, and of a person's
page with corrections made (person-corrections.png at 1280x800, person-corrections-phone.png at 390x844).

A docs-only tool: it stores examples/ in a temporary store, runs `remembrancer serve` on a free loopback
port, and photographs each page in Debian's headless Chromium (Playwright, no browser download).

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


def post(base, path, body):
    request = Request(base + path, data=json.dumps(body).encode(), method="POST",
                      headers={"Content-Type": "application/json", "X-Remembrancer": "1"})
    with urlopen(request, timeout=60) as r:
        return json.load(r)


# What a person might put right on the example journal: Tom is the brother the journal calls "my brother"
# a sentence later, and Grandma Rose was "ninety-one" when she died in 2022.
CORRECTIONS = [("/api/people/Tom/relate", {"relation": "brother", "other": "me"}),
               ("/api/people/Grandma%20Rose/born", {"date": "1931"})]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        cli = [sys.executable, "-m", "remembrancer.cli", "--db", db]
        subprocess.run(cli + ["add", str(ROOT / "examples" / "journal")], check=True, capture_output=True)
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
                    post(base, path, body)
                for name, size in (("person-corrections", (1280, 800)), ("person-corrections-phone", (390, 844))):
                    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                    page.goto(base + "/person/" + quote("Grandma Rose"))
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / f"{name}.png"))
                    print(OUT / f"{name}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)


if __name__ == "__main__":
    main()
