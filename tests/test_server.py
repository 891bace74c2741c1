"""The HTTP API, tested against a real `remembrancer serve` process on a free loopback port, with a real store."""
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import BACKENDS, store_on

from remembrancer.store import Memory

HEADERS = {"X-Remembrancer": "1"}
ENTRY = "Walked to the lighthouse with Rhiannon Davies. She told me about her brother Owen and the old coffee machine."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path, host: str = "127.0.0.1", extra=(), timeout: float = 90):
    """Run `remembrancer --db DB serve --json` as a child process; yield (base URL, first JSON line, process)."""
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "remembrancer.cli", "--db", str(db), "serve", "--host", host, "--port", str(port), "--json", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        first = json.loads(proc.stdout.readline() or "null")
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read()}")
            try:
                httpx.get(base + "/static/app.css", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base, first, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def settle(client, timeout: float = 120):
    """Wait until the background deriver has understood every stored entry."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(client.get("/api/status").json()["pending"].values()):
            return
        time.sleep(0.3)
    raise AssertionError("entries were not understood in time")


def is_error(response, status):
    """A typed error: the status, a one-line `error`, a `remedy`, and never a traceback."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "remedy"}
    assert body["error"] and "\n" not in body["error"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


@pytest.fixture(scope="module", params=BACKENDS)
def server(tmp_path_factory, request):
    """A server over an SQLite file, then over a PostgreSQL memory: every test of the API runs on both."""
    db = store_on(request.param, request, tmp_path_factory.mktemp("served"))
    with serving(db) as (base, first, proc):
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client, db, first


def entries(client) -> int:
    return client.get("/api/stats").json()["entries"]


def test_start_line_names_loopback_and_no_token(server):
    client, db, first = server
    assert first["url"].startswith("http://127.0.0.1:")
    assert first["token"] is None and first["token_required"] is False


def test_add_then_search_and_export(server):
    client, db, _ = server
    before = entries(client)
    r = client.post("/api/add", json={"text": ENTRY, "at": "2019-06-01"}, headers=HEADERS)
    assert r.status_code == 200, r.text
    added = r.json()
    assert set(added) == {"entry", "new", "passages", "words"} and added["new"] is True
    assert entries(client) == before + 1
    again = client.post("/api/add", json={"text": ENTRY, "at": "2019-06-01"}, headers=HEADERS).json()
    assert again == dict(added, new=False, passages=0)  # kept once
    found = client.get("/api/search", params={"q": "lighthouse Rhiannon"}).json()
    assert found[0]["entry"] == added["entry"] and found[0]["text"] == ENTRY and found[0]["at"].startswith("2019-06-01")
    exported = client.get("/api/export").text.splitlines()
    assert any(json.loads(line)["text"] == ENTRY for line in exported)
    # The same store read directly: the API wrote the real file (or memory).
    with Memory(db, derive=False) as m:
        assert m.entry(added["entry"])["text"] == ENTRY


def test_changes_need_the_header_and_same_origin(server):
    client, _, _ = server
    before = entries(client)
    is_error(client.post("/api/add", json={"text": "no header"}), 403)
    is_error(client.post("/api/add", json={"text": "cross site"}, headers={**HEADERS, "Origin": "http://evil.example"}), 403)
    is_error(client.post("/api/add", json={"text": "cross site"}, headers={**HEADERS, "Sec-Fetch-Site": "cross-site"}), 403)
    # A plain HTML form post from another site can send neither the header nor JSON.
    is_error(client.post("/api/add", data={"text": "form"}, headers={"Origin": "http://evil.example"}), 403)
    assert entries(client) == before
    same = client.post("/api/add", json={"text": "From the page itself."}, headers={**HEADERS, "Origin": str(client.base_url)})
    assert same.status_code == 200


def test_unknown_host_is_refused(server):
    client, _, _ = server
    is_error(client.get("/api/stats", headers={"Host": "attacker.example:8765"}), 400)
    assert client.get("/api/stats", headers={"Host": "localhost"}).status_code == 200


def test_bad_input_is_one_line_and_stores_nothing(server):
    client, _, _ = server
    before = entries(client)
    assert "empty" in is_error(client.post("/api/add", json={"text": "   "}, headers=HEADERS), 400)["error"]
    is_error(client.post("/api/add", content=b"{not json", headers={**HEADERS, "Content-Type": "application/json"}), 422)
    is_error(client.post("/api/add", json={"at": "2020-01-01"}, headers=HEADERS), 422)
    is_error(client.post("/api/add", json={"text": "x", "at": "not a date at all"}, headers=HEADERS), 400)
    is_error(client.get("/api/search", params={"q": "x", "limit": 0}), 422)
    is_error(client.get("/api/nothing-here"), 404)
    is_error(client.delete("/api/add", headers=HEADERS), 405)
    lone = {**HEADERS, "Content-Type": "application/json"}  # "\ud800" is valid JSON but no Unicode text
    assert "Unicode" in is_error(client.post("/api/add", content=b'{"text": "bad \\ud800 x"}', headers=lone), 400)["error"]
    is_error(client.post("/api/add", content=b'{"text": "fine", "author": "\\ud800"}', headers=lone), 400)
    is_error(client.post("/api/review", content=b'{"item": "person:\\ud800", "rating": "good"}', headers=lone), 400)
    assert entries(client) == before


def test_request_size_limits(server):
    client, _, _ = server
    before = entries(client)
    big = json.dumps({"text": "word " * 300_000}).encode()
    is_error(client.post("/api/add", content=big, headers={**HEADERS, "Content-Type": "application/json"}), 413)

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(40):
            yield b" " * 65536

    is_error(client.post("/api/add", content=chunks(), headers={**HEADERS, "Content-Type": "application/json"}), 413)
    upload = {"file": ("huge.txt", b"a" * (21 << 20), "text/plain")}
    is_error(client.post("/api/import", files=upload, data={"format": "text"}, headers=HEADERS), 413)
    assert entries(client) == before


def wait_job(client, job):
    for _ in range(600):
        state = client.get(f"/api/import/{job}").json()
        if state["state"] != "storing":
            return state
        time.sleep(0.1)
    raise AssertionError("import did not finish")


def test_import_upload_with_progress(server):
    client, _, _ = server
    before = entries(client)
    lines = [{"text": f"Day {i}: planted {i} bulbs with Marguerite in the allotment.", "at": f"2018-03-{i + 1:02d}"} for i in range(12)]
    body = "\n".join(json.dumps(x) for x in lines).encode()
    r = client.post("/api/import", files={"file": ("garden.jsonl", body)}, data={"format": "jsonl"}, headers=HEADERS)
    assert r.status_code == 202, r.text
    started = r.json()
    assert started["total"] == 12 and started["state"] in ("storing", "done"), started
    done = wait_job(client, started["job"])
    assert done["state"] == "done" and done["done"] == done["total"] == 12
    assert done["result"]["entries"] == 12 and done["result"]["duplicates"] == 0
    assert entries(client) == before + 12
    text = client.post("/api/import", files={"file": ("note.md", "# A note\n\nOwen fixed the gate.".encode())},
                       data={"format": "text"}, headers=HEADERS).json()
    assert wait_job(client, text["job"])["result"]["entries"] == 1
    # no format given: by the file's name, so a chat log is a chat, not one entry of raw JSON; and in any case
    log = "\n".join(json.dumps({"speaker": w, "text": f"{w} says hello.", "at": "2018-04-01"}) for w in ("Owen", "Mica")).encode()
    chat = client.post("/api/import", files={"file": ("chat.JSONL", log)}, headers=HEADERS).json()
    assert wait_job(client, chat["job"])["result"]["passages"] == 2
    upper = client.post("/api/import", files={"file": ("more.txt", log)}, data={"format": "JSONL"}, headers=HEADERS)
    assert upper.status_code == 202, upper.text
    is_error(client.get("/api/import/no-such-job"), 404)


def test_an_export_upload_is_found_by_its_content_and_followed_until_understood(server):
    client, _, _ = server
    chat = ("12/05/2022, 18:00 - Mari: Nain's ninetieth on Saturday, at the chapel vestry\n"
            "12/05/2022, 18:02 - Huw: I'll bring the urn\n13/05/2022, 09:00 - Mari: <Media omitted>\n").encode()
    r = client.post("/api/import", files={"file": ("WhatsApp Chat with Mari.txt", chat)}, data={"me": "Huw"}, headers=HEADERS)
    assert r.status_code == 202, r.text
    # the job runs beside the answer: on a fast disk (tests in RAM) its storing may be done before the answer is sent
    assert r.json()["progress"]["stage"] in ("storing", "stored")
    job = r.json()["job"]
    stages = []
    for _ in range(1200):
        state = client.get(f"/api/import/{job}").json()
        stages.append(state["progress"]["stage"])
        if stages[-1] in ("understood", "failed"):
            break
        time.sleep(0.1)
    assert stages[-1] == "understood" and state["progress"]["percent"] == 100.0
    assert state["result"]["entries"] == 1 and state["result"]["items"]["new"] == 2
    again = client.post("/api/import", files={"file": ("WhatsApp Chat with Mari.txt", chat)}, headers=HEADERS).json()
    assert wait_job(client, again["job"])["result"]["items"]["known"] == 2


def test_bad_upload_names_the_line_not_a_path_and_stores_nothing(server):
    client, _, _ = server
    before = entries(client)
    bad = b'{"text": "fine"}\n{"text": "also fine"}\nnot json\n'
    body = is_error(client.post("/api/import", files={"file": ("../../etc/journal.jsonl", bad)}, data={"format": "jsonl"},
                                headers=HEADERS), 400)
    assert body["error"].startswith("journal.jsonl line 3") and "/tmp" not in body["error"]
    is_error(client.post("/api/import", files={"file": ("x.txt", bytes(range(256)) * 4)}, data={"format": "text"}, headers=HEADERS), 400)
    is_error(client.post("/api/import", files={"file": ("x.xml", b"<a/>")}, data={"format": "xml"}, headers=HEADERS), 400)
    is_error(client.post("/api/import", files={"file": ("x.json", b"[]")}, data={"format": "locomo"}, headers=HEADERS), 400)
    assert entries(client) == before


def test_no_endpoint_reaches_a_file_path(server):
    client, db, _ = server
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static/..%2fserver.py", "/person/..%2f..%2fetc%2fpasswd"):
        r = client.get(path)
        assert "import" not in r.text and "root:" not in r.text
    spec = client.get("/openapi.json").json()
    names = {p["name"] for ops in spec["paths"].values() for op in ops.values() for p in op.get("parameters", [])}
    assert not names & {"path", "file_path", "filename", "dir"}


def test_people_person_and_recall(server):
    client, _, _ = server
    client.post("/api/add", json={"text": "Rhiannon rang. Her daughter Mica starts school in September; Rhiannon cried at the gate.",
                                  "at": "2019-08-30"}, headers=HEADERS)
    settle(client)
    people = client.get("/api/people").json()
    assert people and {"id", "name", "aliases", "mentions", "first_at", "last_at"} <= set(people[0])
    names = {a for p in people for a in p["aliases"]}
    assert "Rhiannon" in names
    page = client.get("/api/people/Rhiannon").json()
    assert {"name", "aliases", "relations", "cues", "events", "feelings", "passages"} <= set(page)
    assert any("lighthouse" in p["text"] for p in page["passages"])
    assert 0 <= page["strength"]["recall"] <= 1
    later = client.get("/api/people/Rhiannon", params={"now": "2035-01-01"}).json()["strength"]
    assert later["recall"] < page["strength"]["recall"]  # fades with time unreviewed
    assert "GET /api/people" in is_error(client.get("/api/people/Nobody%20At%20All"), 404)["remedy"]  # not CLI advice
    graph = client.get("/api/graph").json()
    assert [p["name"] for p in graph["people"]] == [p["name"] for p in people][:40]
    rhiannon = next(p["name"] for p in people if "Rhiannon" in p["aliases"])
    assert any(rhiannon in (t["a"], t["b"]) and t["passages"] >= 1 for t in graph["together"])  # named with Owen, Mica
    assert all(t["a"] != t["b"] for t in graph["together"]) and all(r["a"] != r["b"] for r in graph["relations"])
    assert len(client.get("/api/graph", params={"limit": 1}).json()["people"]) == 1
    recalled = client.get("/api/recall", params={"cue": "lighthouse"}).json()
    assert recalled["cue"] == "lighthouse" and recalled["passages"]
    answer = client.get("/api/ask", params={"q": "Who went to the lighthouse?"}).json()
    assert {"question", "passages", "people", "times", "facts"} <= set(answer)
    assert any("lighthouse" in p["text"] for p in answer["passages"])
    is_error(client.get("/api/ask", params={"q": "  "}), 400)


def test_timeline_and_on_this_day(server):
    client, _, _ = server
    settle(client)
    items = client.get("/api/timeline", params={"from": "2018-01-01", "to": "2020-01-01"}).json()
    assert items and all("2018" <= i["at"][:4] < "2020" for i in items)
    assert [i["at"] for i in items] == sorted(i["at"] for i in items)
    assert len(items) > 1 and client.get("/api/timeline", params={"from": "2018-01-01", "limit": 1}).json() == items[:1]
    day = client.get("/api/on-this-day", params={"date": "2024-06-01"}).json()
    assert any(i["passage"] and "lighthouse" in i["passage"]["text"] and i["years_ago"] == 5 for i in day)
    is_error(client.get("/api/timeline", params={"from": "the day the music died, maybe"}), 400)


def test_fading_and_a_review(server):
    client, _, _ = server
    settle(client)
    later = "2031-01-01"
    fading = client.get("/api/fading", params={"now": later, "limit": 5}).json()
    assert fading and all({"item", "line", "recall", "prompt"} <= set(i) for i in fading)
    item = client.get("/api/review", params={"now": later}).json()
    assert item and item["item"]
    r = client.post("/api/review", json={"item": item["item"], "rating": "good", "now": later}, headers=HEADERS)
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["item"] == item["item"] and result["answer"] == "good" and result["next_review"] > later
    is_error(client.post("/api/review", json={"item": item["item"], "rating": "splendid", "now": later}, headers=HEADERS), 400)
    is_error(client.post("/api/review", json={"item": "person:Nobody At All", "rating": "good"}, headers=HEADERS), 404)
    is_error(client.post("/api/review", json={"item": item["item"], "rating": "good"}), 403)
    is_error(client.post("/api/review", json={"item": item["item"], "rating": True}, headers=HEADERS), 422)  # not "again"
    # an answer as of before its last one would put the schedule back in the past
    assert "last reviewed" in is_error(client.post("/api/review", json={"item": item["item"], "rating": "good",
                                                                        "now": "1900-01-01"}, headers=HEADERS), 400)["error"]


def test_pages_and_docs(server):
    client, _, _ = server
    for path in ("/", "/search", "/people", "/person/Rhiannon", "/timeline", "/today", "/review"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in r.headers["content-security-policy"] and r.headers["x-frame-options"] == "DENY"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/add" in docs.text and "<script" not in docs.text
    spec = client.get("/openapi.json").json()
    for path in ("/api/add", "/api/import", "/api/search", "/api/ask", "/api/recall", "/api/people", "/api/people/{name}",
                 "/api/timeline", "/api/on-this-day", "/api/fading", "/api/review"):
        assert path in spec["paths"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_away_from_loopback_every_request_needs_the_token(tmp_path, request, backend):
    db = store_on(backend, request, tmp_path, "shared")
    with serving(db, host="0.0.0.0") as (base, first, _):
        token = first["token"]
        assert first["token_required"] and token and len(token) >= 32
        with httpx.Client(base_url=base, timeout=30) as client:
            for path in ("/api/stats", "/", "/static/app.js", "/docs", "/openapi.json"):
                assert client.get(path).status_code == 401, path
            is_error(client.get("/api/stats", headers={"Authorization": "Bearer wrong"}), 401)
            is_error(client.post("/api/add", json={"text": "x"}, headers=HEADERS), 401)
            auth = {"Authorization": f"Bearer {token}"}
            assert client.get("/api/stats", headers=auth).json()["entries"] == 0
            # A program with the token needs no extra header: a bearer token is never sent by another site.
            assert client.post("/api/add", json={"text": "Sent from my phone."}, headers=auth).status_code == 200
            # A browser opens the printed link once; the token moves into a same-site cookie.
            r = client.get("/?token=" + token, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/" and "samesite=strict" in r.headers["set-cookie"].lower()
            assert client.get("/").status_code == 200
            assert client.post("/api/add", json={"text": "Typed in the browser."}).status_code == 403  # still needs the header
            assert client.post("/api/add", json={"text": "Typed in the browser."}, headers=HEADERS).status_code == 200
    with Memory(db, derive=False) as m:
        stored = m.query("SELECT value FROM settings WHERE key = 'server.token_sha256'")[0][0]
        assert token not in stored and len(stored) == 64  # only its hash is kept
    with serving(db, host="0.0.0.0") as (base, first, _):
        assert first["token"] is None and first["token_required"]  # shown once only
        assert httpx.get(base + "/api/stats", headers={"Authorization": f"Bearer {token}"}).json()["entries"] == 2


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_lost_token_is_replaced_and_the_old_one_stops_working(tmp_path, request, backend):
    from fastapi.testclient import TestClient

    from remembrancer.server import create_app, ensure_token

    db = store_on(backend, request, tmp_path, "m")
    with Memory(db, derive=False) as m:
        first = ensure_token(m)
        assert first and ensure_token(m) is None  # shown once
        digest = m.token_digest()
        second = ensure_token(m, new=True)
        assert second and second != first and m.token_digest() != digest
    client = TestClient(create_app(db, require_token=True, derive=False))
    assert client.get("/api/stats", headers={"Authorization": f"Bearer {first}"}).status_code == 401
    assert client.get("/api/stats", headers={"Authorization": f"Bearer {second}"}).status_code == 200


def test_accepted_connections_send_without_waiting_for_acks():
    """The listening socket names TCP, so asyncio turns Nagle off on each connection it accepts: with it on,
    a response's second write on a kept-alive connection waits ~40 ms for the client's delayed ACK."""
    import asyncio
    import socket

    from remembrancer.server import listening

    sock = listening("127.0.0.1", 0)
    seen = []

    async def main():
        def handler(reader, writer):
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handler, sock=sock)
        _, writer = await asyncio.open_connection(*sock.getsockname())
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()

    asyncio.run(main())
    assert seen and seen[0] != 0
