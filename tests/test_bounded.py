"""Bounded memory (issue 15): an entry of any length up to the input limit is understood in bounded memory,
at the right characters; an entry a processor fails on is recorded, reported and never stops the others."""
import json
import os
import random
import resource
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from remembrancer import capture, embed, extract
from remembrancer.store import Memory

pytestmark = pytest.mark.backends  # each test with a store: on SQLite, then on PostgreSQL

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
NAMES = ["Ianto Jones", "Gwen Cooper", "Rhys Williams", "Owen Harper", "Toshiko Sato", "Martha Jones", "Mary", "Grandma Rose"]


def generated(chars: int, seed: int = 7) -> str:
    """Journal-like prose of about `chars` characters: people, places, things, dates, feelings, speech."""
    rng = random.Random(seed)
    places = ["the Hub", "the bay", "the market", "Cardiff", "the hospital", "the pier", "the chapel", "Penarth"]
    things = ["coffee", "a stopwatch", "the old piano", "a letter", "the tape measure", "fish and chips", "a red umbrella"]
    feelings = ["happy", "tired", "sad", "angry", "grateful", "worried", "calm"]
    months = ["January", "March", "May", "July", "September", "November"]
    templates = [
        "{n} and I had {t} at {p}.", "I met {n} at {p} on {d} {m} {y}.", "{n} said she was {f} about {t}.",
        "We walked to {p} with {n}, and he carried {t}.", "My sister {n} phoned me from {p}.",
        "{n} gave me {t} for my birthday.", "It rained all day at {p}, and I felt {f}.",
        '"Are you coming?" asked {n}.', "Later, {n} told me about {t} and {p}.", "I miss {n} more than I can say.",
    ]
    out, size = [], 0
    while size < chars:
        paragraph = " ".join(rng.choice(templates).format(
            n=rng.choice(NAMES), t=rng.choice(things), p=rng.choice(places), f=rng.choice(feelings),
            d=rng.randint(1, 28), m=rng.choice(months), y=rng.randint(1990, 2020)) for _ in range(rng.randint(2, 8)))
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out)[:chars].rsplit(" ", 1)[0] + "."


def test_sections_cut_at_paragraphs_and_cover_the_text():
    text = generated(180_000)
    starts = extract.sections(text, 50_000)
    assert starts[0] == 0 and len(starts) >= 4
    ends = starts[1:] + [len(text)]
    assert all(0 < e - s <= 50_000 for s, e in zip(starts, ends))
    assert all(text[s - 2:s] == "\n\n" for s in starts[1:])  # at paragraph breaks
    assert extract.sections("short") == [0]
    # no paragraph break: a line, then a sentence end, then a space; never past the size
    one_line = "word " * 30_000
    assert all(one_line[s - 1] == " " for s in extract.sections(one_line, 50_000)[1:])
    solid = "x" * 120_000
    assert extract.sections(solid, 50_000) == [0, 50_000, 100_000]


def test_a_long_entry_is_understood_in_sections_at_the_right_characters():
    """Parsed in sections, an entry gives what the whole parse gives: each mention, cue, time, feeling and
    event at the same characters of the entry."""
    text = generated(2 * extract.SECTION_CHARS + 20_000)
    assert len(extract.sections(text)) == 3
    whole = extract.run(extract.Extraction(text=text, at="2020-01-01", author=None, doc=extract.nlp()(text)))
    parts = extract.extract(text, at="2020-01-01")

    def spans(ex, name):
        return {(x.start, x.end) for x in getattr(ex, name)}

    mentions = {(m.start, m.end, m.kind, p.name) for ex in [parts] for p in ex.people for m in p.mentions}
    # "Ianto Jones" at "Ianto Jones" (or at a name that is theirs: "Mary" is joined to Martha Jones, as in one parse)
    assert mentions and all(text[m.start:m.end] in p.name or text[m.start:m.end] in p.aliases
                            for p in parts.people for m in p.mentions if m.kind == "name")
    expected = {(m.start, m.end, m.kind, p.name) for p in whole.people for m in p.mentions}
    assert len(mentions & expected) >= 0.97 * len(expected)  # a sentence cut at a section's end may read otherwise
    for name in ("cues", "times", "feelings", "events", "relations"):
        assert spans(whole, name), name
        assert len(spans(parts, name) & spans(whole, name)) >= 0.97 * len(spans(whole, name)), name
    assert sorted(p.name for p in parts.people) == sorted(p.name for p in whole.people)


FAILING = textwrap.dedent("""
    import json, resource, sys
    from remembrancer import store
    from remembrancer.store import Memory

    def size():
        return next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmSize"))

    memory = Memory(sys.argv[1])
    memory.add("Gwen had coffee with Rhys at the pier.", at="2020-01-01")  # the models are loaded and warm
    # Then less room than one long entry needs: a real MemoryError while it is parsed, room enough for short ones.
    resource.setrlimit(resource.RLIMIT_AS, (size() + (25 << 20), resource.RLIM_INFINITY))
    memory.derive = False
    ids = [memory.add(text, at=f"2020-01-0{i + 2}")["entry"] for i, text in enumerate(json.loads(sys.argv[2]))]
    # Extraction alone under the cap, where the long entry's parse raises MemoryError in Python. The embeddings come
    # after the cap is lifted: a Rust library (tokenizers) that cannot allocate aborts the process instead of raising.
    store.PROCESSORS = ["remembrancer.extract"]
    memory.process()
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    store.PROCESSORS = ["remembrancer.extract", "remembrancer.embed"]
    memory.process()
    print(json.dumps({"ids": ids, "failures": memory.failures(), "pending": memory.pending_counts()}))
""")


def test_an_entry_that_fails_is_recorded_reported_and_the_others_are_understood(db):
    long = " ".join(f"Ianto Jones walked to the bay with Gwen Cooper on day {i} and felt happy." for i in range(600))
    texts = ["Alice met Bob at the market.", long, "Carol phoned Dave from Cardiff."]
    run = subprocess.run([sys.executable, "-c", FAILING, str(db), json.dumps(texts)], env=ENV, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.splitlines()[-1])
    a, b, c = out["ids"]
    assert {f["entry"] for f in out["failures"]} == {b}
    assert [f["error"] for f in out["failures"] if f["processor"] == "extract"][0].startswith("MemoryError")
    assert out["pending"] == {"extract": 0, "embed": 0}  # the others were understood, after it

    cli = [sys.executable, "-m", "remembrancer.cli", "--db", str(db)]
    with Memory(db, derive=False) as memory:
        people = {r[0] for r in memory.query("SELECT name FROM people")}
        assert {"Alice", "Bob", "Carol", "Dave"} <= people and "Ianto Jones" not in people
        assert memory.search("Ianto")  # stored, and found by its words
        assert memory.stats()["failed"]["extract"] == 1
    # Not tried again at every command (no tight loop) ...
    again = subprocess.run([*cli, "ask", "Who met Bob?"], env=ENV, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with Memory(db, derive=False) as memory:
        assert {f["entry"] for f in memory.failures()} == {b}
    # ... but reported by check, stats and status,
    check = subprocess.run([*cli, "check"], env=ENV, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and f"Could not be understood: entry {b} by extract (MemoryError" in check.stdout
    assert json.loads(subprocess.run([*cli, "check", "--json"], env=ENV, capture_output=True, text=True,
                                     timeout=300).stdout)["failed"][0]["entry"] == b
    # and tried again when the code that failed is not the code running (an upgrade) ...
    with Memory(db, derive=False) as memory:
        with memory.transaction() as conn:
            conn.execute("UPDATE failures SET code = '0.0.1+older'")
        assert memory.pending(extract) == [b] and memory.pending_counts()["extract"] == 1
        memory.derive = True
        memory.complete()
        assert memory.failures() == [] and "Ianto Jones" in {r[0] for r in memory.query("SELECT name FROM people")}
        # ... or when asked, by reindex.
        with memory.transaction() as conn:
            conn.execute("INSERT INTO failures (entry, processor, version, code, error, at) VALUES (?, 'extract', ?, ?,"
                         " 'MemoryError', '2026-01-01')", (b, str(extract.VERSION), __import__("remembrancer.store").store.code_version()))
            conn.execute("DELETE FROM processed WHERE entry = ? AND processor = 'extract'", (b,))
        assert memory.pending(extract) == []
        memory.reindex()
        assert memory.failures() == [] and memory.pending_counts() == {"extract": 0, "embed": 0}


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


TEN = textwrap.dedent("""
    import sys
    from remembrancer import store
    from remembrancer.store import Memory

    # Understanding by the extraction pipeline, where the memory went: the embeddings are embedded 32
    # passages at a time and written 2,000 at a time whatever the entry (the next test embeds a long entry
    # within the same limit), and a 1 MB entry's 5,000 passages would take the suite minutes more.
    store.PROCESSORS = ["remembrancer.extract"]
    with Memory(sys.argv[1], derive=False) as memory:
        memory.add(open(sys.argv[2], encoding="utf-8").read(), at="2020-01-01")
        memory.process()
        print(memory.pending_counts(), memory.failures())
""")


# A tenth of the input limit (1 MB), on SQLite alone. A 1 MB entry parsed whole took 3.7 GB (about 4 KB a character
# at the parse's peak, extract.SECTION_CHARS' note), two and a half times the cap: memory that grew with the entry's
# length would break 1.5 GB well before 1 MB, so 1 MB checks the bound that 2.5 MB did (195 s of the suite's slowest
# test in CI, 2026-12-07; the whole 10 MB took 677 s). Peak RSS was flat from 100,000 to 800,000 characters (round
# 15's measurement in docs/benchmarks.md). The same bounded understanding on PostgreSQL is tried by the long entry's
# test below, which runs on both.
@pytest.mark.sqlite_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is counted as on Linux only there")
def test_a_tenth_of_the_input_limit_is_understood_within_one_and_a_half_gigabytes(tmp_path, db):
    """1 MB as one entry, stored and understood (people, cues, times, feelings ...) by a process (and its parsing
    workers) that may map at most 1.5 GB each; parsed whole, a 1 MB entry took 3.7 GB."""
    text = generated(capture.MAX_ENTRY_CHARS // 10)
    assert len(text) <= capture.MAX_ENTRY_CHARS // 10 and len(text) > capture.MAX_ENTRY_CHARS // 10 - 100
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", TEN, str(db), str(source)], env=ENV, capture_output=True, text=True,
                         timeout=3000, preexec_fn=_limited)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "{'extract': 0} []", run.stdout
    with Memory(db, derive=False) as memory:
        assert memory.check() == []
        (entry,) = memory.query("SELECT id, text FROM entries")
        assert entry["text"] == text
        names = memory.query("SELECT m.start, m.end, p.name FROM mentions m JOIN people p ON p.id = m.person"
                             " WHERE m.kind = 'name'")
        assert len(names) > len(text) // 100
        aliases = {}
        for person, alias in memory.query("SELECT p.name, a.alias FROM aliases a JOIN people p ON p.id = a.person"):
            aliases.setdefault(person, set()).add(alias)
        # each where it is in the entry, to the character (at a name of theirs: "Mary" is joined to Martha Jones)
        assert all(text[s:e] in n or text[s:e] in aliases.get(n, ()) for s, e, n in names)
        assert {n for _, _, n in names} >= {"Ianto Jones", "Gwen Cooper", "Rhys Williams", "Owen Harper"}
        assert max(s for s, _, _ in names) > len(text) - 2_000  # understood to its end
        assert memory.query("SELECT count(*) FROM cues")[0][0] > len(text) // 100


def test_a_long_entry_is_understood_and_embedded_within_one_and_a_half_gigabytes(tmp_path, db):
    """Every processor, embeddings too, on a long entry in the same limit (the CLI, as a person runs it)."""
    # Just past PARALLEL_CHARS, so the workers parse it as they do a long entry, and 2,132 passages, past embed.CHUNK,
    # so its embeddings are written in two transactions (400,000 characters took 65-87 s of CI on each backend).
    text = generated(extract.PARALLEL_CHARS + 10_000)
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "remembrancer.cli", "--db", str(db), "add", str(source), "--at", "2020-01-01"],
                         env=ENV, capture_output=True, text=True, timeout=3000, preexec_fn=_limited)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Remembered entry 1" in run.stdout and "Warning" not in run.stderr
    with Memory(db, derive=False) as memory:
        assert memory.pending_counts() == {"extract": 0, "embed": 0} and memory.failures() == []
        passages = memory.query("SELECT count(*) FROM passages")[0][0]
        assert passages > embed.CHUNK and memory.query("SELECT count(*) FROM embeddings")[0][0] == passages
