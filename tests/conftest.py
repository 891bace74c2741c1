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


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "memories.db"


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


def dump(path) -> str:
    """Every row of every table (and the schema), read through a fresh connection."""
    conn = sqlite3.connect(str(path))
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def file_digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
