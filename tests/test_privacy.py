"""No network, no telemetry: add, ask and serve (with a request that embeds) under strace connect to nothing but
the server's own loopback socket and look up no host name, and write nothing outside the store's folder."""
import os
import re
import shutil
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT, stop_group
from test_server import free_port

STRACE = shutil.which("strace")
if not STRACE and os.environ.get("CI") == "true":
    raise RuntimeError("strace is missing: the README's test command installs it")
pytestmark = pytest.mark.skipif(not STRACE, reason="strace is not installed (the README's test command installs it)")

ENTRY = "Coffee with Ianto at the Hub. He never let me near the machine."
# connect() to an IP address, or sendto()/sendmsg() naming one: anything not loopback is a leak.
ADDRESS = re.compile(r'(?:sin_addr=inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")')
PORT = re.compile(r"sin6?_port=htons\((\d+)\)")
LOOPBACK = ("127.", "::1", "::ffff:127.")


def traced(cmd, tmp_path, name, wait=True):
    """Run a remembrancer command under `strace -f`, with its own empty HOME and TMPDIR."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir(exist_ok=True)
    tmp.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ORT_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    log = tmp_path / f"{name}.strace"
    argv = [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log),
            sys.executable, "-m", "remembrancer.cli", *cmd]
    if not wait:
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True), log
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    if "ptrace" in proc.stderr and "Operation not permitted" in proc.stderr:
        pytest.skip("strace may not trace here (ptrace is not permitted)")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc, log


def leaks(log) -> list[str]:
    """Every traced call that reaches past loopback, or asks a name server (port 53) anything."""
    out = []
    for line in log.read_text().splitlines():
        if not re.search(r"\b(connect|sendto|sendmsg)\(", line):
            continue
        port = PORT.search(line)
        for v4, v6 in ADDRESS.findall(line):
            address = v4 or v6
            if not address.startswith(LOOPBACK) or (port and port.group(1) == "53"):
                out.append(line)
        if "nscd" in line or "resolve" in line:  # a host name looked up through a local resolver
            out.append(line)
    return out


def nothing_written_outside(tmp_path):
    for folder in ("home", "tmp"):
        found = [str(p.relative_to(tmp_path)) for p in (tmp_path / folder).rglob("*")]
        assert not found, f"written outside the store's folder: {found}"


def test_add_and_ask_make_no_connection_and_write_only_the_store(tmp_path):
    db = tmp_path / "store" / "memories.db"
    _, log = traced(["--db", str(db), "add", ENTRY, "--at", "2009-05-01"], tmp_path, "add")
    assert leaks(log) == []
    proc, log = traced(["--db", str(db), "ask", "Who made the coffee?", "--json"], tmp_path, "ask")
    assert "Ianto" in proc.stdout  # the question was embedded and answered: onnxruntime ran
    assert leaks(log) == []
    nothing_written_outside(tmp_path)


def test_serve_makes_no_connection_but_its_own(tmp_path):
    db = tmp_path / "store" / "memories.db"
    port = free_port()
    proc, log = traced(["--db", str(db), "serve", "--port", str(port), "--json"], tmp_path, "serve", wait=False)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read()[-2000:]
            try:
                httpx.get(base + "/static/app.css", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=60) as client:
            assert client.post("/api/add", json={"text": ENTRY, "at": "2009-05-01"},
                               headers={"X-Remembrancer": "1"}).status_code == 200
            while any(client.get("/api/status").json()["pending"].values()):  # understood: spaCy and onnxruntime ran
                assert time.monotonic() < deadline
                time.sleep(0.3)
            assert client.get("/api/ask", params={"q": "Who made the coffee?"}).json()["passages"]
        time.sleep(5)  # telemetry, when it was on, went out within seconds of the model's first use
    finally:
        stop_group(proc)  # strace and the server it traces (strace alone, stopped, leaves the server running)
    assert log.exists()
    assert leaks(log) == []
    nothing_written_outside(tmp_path)
