"""The server under held connections, Ctrl-C while it understands, and what its answers let others keep
(issue 15): a real `remembrancer serve` on a loopback port, real sockets."""
import os
import resource
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT
from remembrancer.store import Memory
from test_bounded import generated
from test_server import HEADERS, free_port

pytestmark = pytest.mark.backends  # each test: on SQLite, then on PostgreSQL

ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")


def start(db, log, limit_files=None, port=None):
    port = port or free_port()
    preexec = (lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit_files, limit_files))) if limit_files else None
    proc = subprocess.Popen([sys.executable, "-m", "remembrancer.cli", "--db", str(db), "serve", "--port", str(port)],
                            stdout=log, stderr=log, env=ENV, preexec_fn=preexec)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert proc.poll() is None, open(log.name).read()
        try:
            httpx.get(base + "/api/stats", timeout=2)
            return proc, base, port
        except httpx.TransportError:
            assert time.monotonic() < deadline
            time.sleep(0.2)


def test_a_thousand_held_connections_do_not_stop_it_answering_nor_flood_the_log(tmp_path, db):
    """1,100 connections that send half a request and hold on, with files for 1,024 (a common limit):
    a real request is still answered, and the log holds no traceback."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1300:  # this test's own sockets
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    log = open(tmp_path / "serve.log", "wb")
    proc, base, port = start(db, log, limit_files=1024)
    held = []
    try:
        for _ in range(1100):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
            held.append(s)
        for _ in range(3):
            answer = httpx.get(base + "/api/stats", timeout=10)
            assert answer.status_code == 200 and answer.json()["entries"] == 0
        added = httpx.post(base + "/api/add", json={"text": "Still here, and listening."}, headers=HEADERS, timeout=10)
        assert added.status_code == 200
        # A connection that never sends its request is closed by the server, not kept.
        quiet = socket.create_connection(("127.0.0.1", port), timeout=30)
        assert quiet.recv(1) == b""
        quiet.close()
        assert proc.poll() is None
    finally:
        for s in held:
            s.close()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    text = open(tmp_path / "serve.log", encoding="utf-8", errors="replace").read()
    assert "Traceback" not in text and len(text) < 10_000, text[:2000]


def test_ctrl_c_while_it_understands_stops_it_cleanly_and_nothing_is_lost(tmp_path, db):
    """Ctrl-C while it parses, then (started again, it carries on) while it embeds: each time it stops at
    once, exit status 0 (it was SIGABRT in the middle of onnxruntime), and the next start completes it."""
    text = generated(150_000)
    for phase in ("extract", "embed"):
        log = open(tmp_path / f"serve-{phase}.log", "wb")
        proc, base, _ = start(db, log)
        if phase == "extract":
            added = httpx.post(base + "/api/add", json={"text": text, "at": "2020-01-01"}, headers=HEADERS, timeout=60)
            assert added.status_code == 200
        deadline = time.monotonic() + 300
        while (pending := httpx.get(base + "/api/status").json()["pending"])[phase] == 0 or (
                phase == "embed" and pending["extract"]):
            assert time.monotonic() < deadline and any(pending.values())
            time.sleep(0.2)
        time.sleep(1)
        assert httpx.get(base + "/api/status").json()["pending"][phase]  # in the middle of it
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        assert proc.returncode == 0, phase  # not -6, SIGABRT
        out = open(log.name, encoding="utf-8", errors="replace").read()
        assert "Traceback" not in out and "terminate called" not in out and "Error" not in out, out[-3000:]
        with Memory(db, derive=False) as memory:
            assert memory.check() == [] and memory.query("SELECT text FROM entries")[0][0] == text
            assert memory.failures() == []
    with Memory(db) as memory:  # opened to answer: what was left is understood
        assert memory.pending_counts() == {"extract": 0, "embed": 0}


def test_api_answers_are_not_kept_by_caches_and_a_broken_person_address_is_answered(tmp_path, db):
    log = open(tmp_path / "serve.log", "wb")
    proc, base, _ = start(db, log)
    try:
        httpx.post(base + "/api/add", json={"text": "Tea with Owen."}, headers=HEADERS)
        for path in ("/api/stats", "/api/search?q=tea", "/api/people/Nobody", "/api/status", "/openapi.json"):
            assert httpx.get(base + path).headers["cache-control"] == "no-store", path
        assert httpx.post(base + "/api/add", json={"text": ""}).headers["cache-control"] == "no-store"  # refused
        page = httpx.get(base + "/person/%E0%A4%A", headers={"accept": "text/html"})
        assert page.status_code == 404 and "names no one" in page.text and "<main>" in page.text
        assert httpx.get(base + "/person/%E0%A4%A4").status_code == 200  # a whole character: the page
        assert httpx.get(base + "/person/Z%C3%ABo").status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)


def test_bodies_python_cannot_read_are_a_clear_400(db):
    from fastapi.testclient import TestClient

    from remembrancer.server import create_app

    client = TestClient(create_app(db, derive=False), base_url="http://127.0.0.1")
    headers = {"X-Remembrancer": "1", "content-type": "application/json"}
    for body in ['{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", '{"text": "hi", "at": ' + "9" * 5000 + "}"]:
        answer = client.post("/api/add", content=body, headers=headers)
        assert answer.status_code == 400 and "could not be read" in answer.json()["error"] and answer.json()["remedy"]
    answer = client.post("/api/add", json={"text": "hi", "at": "9999-12-31T23:59:59-14:00"}, headers=headers)
    assert answer.status_code == 400 and "falls outside the years" in answer.json()["error"]
    assert client.get("/api/stats").json()["entries"] == 0
