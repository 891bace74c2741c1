"""Private files (issue 15): the store, its WAL, SHM and lock, backups and exports are their owner's alone (0600)
in a folder made 0700; an upload leaves no copy anywhere; an encrypted store (SQLCipher) holds no plaintext,
and every feature works on it."""
import json
import os
import socket
import stat
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT, stop_group
from remembrancer.errors import NeedsKey, StoreError, WrongKey
from remembrancer.store import Memory, decrypt, encrypt, is_encrypted
from test_privacy import STRACE
from test_server import HEADERS, free_port

ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
ENV.pop("REMEMBRANCER_KEY_FILE", None)
SECRET_WORDS = ["Marguerite", "allotment", "tulips", "Llandudno"]
ENTRY = "Planted tulips in the allotment with Marguerite, then the train to Llandudno."


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def cli(*args, env=None, input=None):
    return subprocess.run([sys.executable, "-m", "remembrancer.cli", *map(str, args)], env=env or ENV,
                          capture_output=True, text=True, timeout=300, input=input)


def test_store_wal_shm_lock_backup_export_are_0600_in_a_folder_made_0700(tmp_path):
    data = tmp_path / "xdg"
    env = dict(ENV, XDG_DATA_HOME=str(data))
    env.pop("REMEMBRANCER_DB", None)
    done = cli("add", ENTRY, "--at", "2020-01-01", env=env)
    assert done.returncode == 0, done.stderr
    store = data / "remembrancer" / "memories.db"
    assert mode(data) == mode(data / "remembrancer") == 0o700
    with Memory(store, derive=False):  # open: its WAL and SHM are there
        for suffix in ("", "-wal", "-shm", "-lock"):
            assert mode(f"{store}{suffix}") == 0o600, suffix
    assert cli("backup", tmp_path / "copies" / "b.db", env=env).returncode == 0
    assert mode(tmp_path / "copies" / "b.db") == 0o600
    assert cli("export", "-o", tmp_path / "out.jsonl", env=env).returncode == 0
    assert mode(tmp_path / "out.jsonl") == 0o600
    # in the library too, whatever the process's umask
    old = os.umask(0o022)
    try:
        with Memory(tmp_path / "lib" / "m.db", derive=False) as memory:
            memory.add(ENTRY)
            memory.backup(tmp_path / "lib" / "backup.db")
        assert mode(tmp_path / "lib") == 0o700
        assert {mode(tmp_path / "lib" / n) for n in ("m.db", "backup.db")} == {0o600}
    finally:
        os.umask(old)


def test_an_older_store_that_others_could_read_is_made_private_when_opened(tmp_path):
    db = tmp_path / "memories.db"
    with Memory(db, derive=False) as memory:
        memory.add(ENTRY)
    os.chmod(db, 0o644)
    with Memory(db, derive=False):
        assert mode(db) == 0o600 and mode(f"{db}-wal") == 0o600


@pytest.mark.skipif(not STRACE, reason="strace is not installed (the README's test command installs it)")
def test_an_upload_leaves_no_copy_outside_the_store_even_when_cut_off(tmp_path):
    """A 3 MB import (starlette spooled anything over 1 MB to a plain temporary file) and one cut off halfway:
    no file is made anywhere but in the store's folder."""
    folder = tmp_path / "store"
    folder.mkdir()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    log = tmp_path / "serve.strace"
    env = dict(ENV, TMPDIR=str(tmp))
    proc = subprocess.Popen([STRACE, "-f", "-qq", "-e", "trace=open,openat,creat,rename,renameat,renameat2,link,linkat",
                             "-o", str(log), sys.executable, "-m", "remembrancer.cli", "--db", str(folder / "m.db"),
                             "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read()[-2000:]
            try:
                httpx.get(base + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.3)
        lines = "\n".join(json.dumps({"text": f"{ENTRY} Day {i}." + " More words." * 40, "at": "2020-01-01"})
                          for i in range(4000)).encode()
        assert len(lines) > 2 << 20
        answer = httpx.post(base + "/api/import", files={"file": ("big.jsonl", lines)}, headers=HEADERS, timeout=120)
        assert answer.status_code == 202, answer.text
        # and one cut off: half a multipart body, then the connection closed
        boundary = "remembrancer-test"
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.jsonl\"\r\n"
                f"Content-Type: application/octet-stream\r\n\r\n").encode()
        body = head + lines + f"\r\n--{boundary}--\r\n".encode()
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall((f"POST /api/import HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Remembrancer: 1\r\n"
                       f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n").encode())
            s.sendall(body[: len(body) // 2])
            time.sleep(1)
        time.sleep(2)
    finally:
        stop_group(proc)  # strace and the server it traces (strace alone, stopped, leaves the server running)
    made = []
    for line in log.read_text().splitlines():
        if "O_CREAT" not in line and "O_TMPFILE" not in line and "creat(" not in line and "rename" not in line:
            continue
        path = line.split('"')[1] if '"' in line else ""
        if path.startswith(("/dev/", "/proc/")) or path.startswith(str(folder)):
            continue
        made.append(line)
    assert made == [], made[:5]
    assert not list(tmp.iterdir())


def words_in_files(folder) -> list[str]:
    """Which of the entry's words appear in any file of the folder, as bytes in UTF-8 (or UTF-16)."""
    found = []
    for path in folder.iterdir():
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {w}" for w in SECRET_WORDS
                      if w.encode() in data or w.encode("utf-16-le") in data or w.lower().encode() in data]
    return found


def test_an_encrypted_store_holds_no_plaintext_and_answers_as_a_plain_one(tmp_path):
    folder = tmp_path / "store"
    db = folder / "memories.db"
    key = tmp_path / "key"
    key.write_text("correct horse battery staple\n", encoding="utf-8")
    run = lambda *a, **kw: cli("--db", db, "--key-file", key, *a, **kw)  # noqa: E731
    done = run("add", ENTRY, "--at", "2020-01-01")
    assert done.returncode == 0, done.stderr
    assert run("add", "Zoë rang: the tulips are up. 🌷", "--at", "2020-03-01").returncode == 0
    assert is_encrypted(db)
    with Memory(db, derive=False, key=key.read_text().strip()) as memory:
        memory.add("Another: Marguerite, the tulips, Llandudno.", at="2020-04-01")  # written to the WAL, not yet folded in
        assert (folder / "memories.db-wal").stat().st_size > 0
        assert words_in_files(folder) == []
    assert any(p["text"].startswith("Planted tulips") for p in json.loads(run("search", "tulips", "--json").stdout))
    assert "Marguerite" in run("people", "--all").stdout  # named in two entries, once as if spoken to
    assert json.loads(run("ask", "Who was at the allotment?", "--json").stdout)["passages"]
    assert run("check").stdout.startswith("ok")
    backup = tmp_path / "backup.db"
    assert run("backup", backup).returncode == 0 and is_encrypted(backup) and words_in_files(tmp_path) == []
    # without the key, or with another: a one-line error, nothing changed
    plain = cli("--db", db, "search", "tulips")
    assert plain.returncode == 1 and "encrypted" in plain.stderr and "--key-file" in plain.stderr
    wrong = tmp_path / "wrong"
    wrong.write_text("Tr0ub4dor&3", encoding="utf-8")
    bad = cli("--db", db, "--key-file", wrong, "search", "tulips")
    assert bad.returncode == 1 and "The key does not open" in bad.stderr and "Traceback" not in bad.stderr
    with pytest.raises(NeedsKey):
        Memory(db, derive=False)
    with pytest.raises(WrongKey):
        Memory(db, derive=False, key="Tr0ub4dor&3")
    # with REMEMBRANCER_KEY_FILE instead of --key-file
    env = dict(ENV, REMEMBRANCER_KEY_FILE=str(key))
    assert json.loads(cli("--db", db, "search", "Llandudno", "--json", env=env).stdout)


def test_encrypt_and_decrypt_convert_a_store_in_place(tmp_path):
    folder = tmp_path / "store"
    db = folder / "memories.db"
    with Memory(db) as memory:
        memory.add(ENTRY, at="2020-01-01")
        memory.add("Second note: Marguerite phoned about the tulips.", at="2020-01-02")
        people = sorted(p["name"] for p in memory.people())
    assert words_in_files(folder)  # a plain store holds its words
    key = tmp_path / "key"
    key.write_text("s3cret key", encoding="utf-8")
    done = cli("--db", db, "--key-file", key, "encrypt")
    assert done.returncode == 0, done.stderr
    assert is_encrypted(db) and words_in_files(folder) == []
    with Memory(db, key="s3cret key") as memory:
        assert memory.check() == [] and sorted(p["name"] for p in memory.people()) == people
        assert memory.search("tulips") and memory.ask("Who phoned?")["passages"]
        memory.add("Third: Llandudno again.", at="2020-01-03")
    assert words_in_files(folder) == []
    with pytest.raises(StoreError, match="not encrypted"):
        Memory(_plain(tmp_path), derive=False, key="k")
    decrypt(db, "s3cret key")
    assert not is_encrypted(db) and db.read_bytes()[:16] == b"SQLite format 3\x00"
    with Memory(db) as memory:
        assert memory.query("SELECT count(*) FROM entries")[0][0] == 3 and memory.search("Llandudno")
    encrypt(db, "k2")
    with pytest.raises(WrongKey):
        decrypt(db, "not it")
    assert is_encrypted(db)


def _plain(tmp_path):
    path = tmp_path / "plain.db"
    with Memory(path, derive=False) as memory:
        memory.add("A plain note.")
    return path


def test_a_slice_of_the_suite_passes_on_encrypted_stores(tmp_path):
    """The recall, forgetting, embedding and server tests, with every store they make encrypted
    ($REMEMBRANCER_KEY_FILE; conftest checks that each store made is encrypted)."""
    key = tmp_path / "suite.key"
    key.write_text("the suite's key", encoding="utf-8")
    env = dict(ENV, REMEMBRANCER_KEY_FILE=str(key))
    tests = ["tests/test_recall.py", "tests/test_forgetting.py", "tests/test_embed.py", "tests/test_server.py"]
    # These are about plain files: one reads the store with sqlite3 itself, the others the vector graph's file,
    # which an encrypted store does not write (its graph stays in memory).
    # A PostgreSQL memory is the server's to encrypt (tests/test_postgres.py): its runs are left out here.
    plain_only = ["postgres", "test_no_command_ever_deletes_a_row", "test_a_large_store_builds_its_graph_while_storing_and_opens_it",
                  "test_new_vectors_are_added_to_the_graph_and_saved", "test_a_damaged_or_replaced_index_file",
                  "test_a_save_cut_short_is_finished_on_opening"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests,
                          "-k", " and ".join(f"not {t}" for t in plain_only)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500)
    assert run.returncode == 0, run.stdout[-4000:]
    assert " passed" in run.stdout


def test_opening_a_store_again_keeps_the_locks_of_the_connections_open(tmp_path):
    """Reading a store's head (is it encrypted?) must not close a descriptor of it: that drops every POSIX
    lock the process holds on the file, SQLite's too, and the next process to close the store deleted the
    WAL under the open connection (a server's: 'disk I/O error')."""
    db = tmp_path / "memories.db"
    with Memory(db, derive=False) as kept:
        kept.add("One.", at="2020-01-01")
        Memory(db, derive=False).close()  # another connection of this process, as a server's threads open
        other = subprocess.run([sys.executable, "-c", f"from remembrancer.store import Memory; Memory({str(db)!r}, derive=False).close()"],
                               env=ENV, capture_output=True, text=True, timeout=120)
        assert other.returncode == 0, other.stderr
        assert (tmp_path / "memories.db-wal").exists()
        kept.add("Two.", at="2020-01-02")
        assert kept.query("SELECT count(*) FROM entries")[0][0] == 2
