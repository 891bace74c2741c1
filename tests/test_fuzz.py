"""Fuzzing that runs in CI (issue 15): every reader given arbitrary input either stores entries or raises a
typed error and leaves the store as it was (hypothesis); the HTTP API answers every request generated from
its OpenAPI schema with a documented status and never a 500 (schemathesis). Example counts are bounded so
the whole runs in about a minute."""
import json
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import BACKENDS, dump, store_on
from remembrancer import capture, dates
from remembrancer.errors import RemembrancerError
from remembrancer.store import Memory

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Text with what breaks readers: controls, NUL, surrogates, combining marks, emoji, BOMs, long lines.
nasty = st.text(st.characters(codec=None, exclude_categories=()), max_size=300) | st.sampled_from(
    ["", " ", "\x00", "\ud800", "---\n", "---\ndate: 2023-05-08\n---\n", "\ufeffHi", "Zoe\u0308", "🌷" * 50,
     "2023-05-08\n", "---\ndate: [\n---\nx", "\n\n\n", "a" * 5000])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "at", "author", "source", "speaker", "ref", "me", "turns", "meta", "conversation", "session_1",
         "session_1_date_time", "sample_id", "dia_id", "blip_caption", "x"]) | st.text(max_size=5), inner, max_size=5),
    max_leaves=20)


@pytest.fixture(scope="module", params=BACKENDS)
def store(tmp_path_factory, request):
    """A store with one entry, shared by the fuzzed readers: an SQLite file, then a PostgreSQL memory."""
    path = store_on(request.param, request, tmp_path_factory.mktemp("fuzz"))
    with Memory(path, derive=False) as memory:
        memory.add("A first entry, so the store is not empty.", at="2020-01-01")
    return path


def stored_or_refused(store, make_entries):
    """The entries the reader makes are stored whole; or it raises a typed error and nothing changes."""
    with Memory(store, derive=False) as memory:
        before = dump(store, memory)  # on PostgreSQL through this memory: a second opening was most of an example
        count = memory.query("SELECT count(*) FROM entries")[0][0]
        try:
            entries = make_entries()
            result = memory.add_entries(entries)
        except RemembrancerError as e:
            assert str(e) and e.remedy and "\n" not in str(e)
            assert dump(store) == before
            return
        assert memory.query("SELECT count(*) FROM entries")[0][0] == count + result["entries"]
        assert memory.check() == []
        for r in result["results"]:
            entry = memory.entry(r["entry"])
            for p in memory.query("SELECT start, end, text FROM passages WHERE entry = ?", (r["entry"],)):
                assert entry["text"][p["start"]:p["end"]] == p["text"]


@FUZZ
@given(text=nasty, at=st.none() | nasty)
def test_text_and_markdown_front_matter(store, text, at):
    stored_or_refused(store, lambda: [capture.text_entry(text, at=dates.parse(at) if at is not None else None)])


@FUZZ
@given(head=st.dictionaries(st.sampled_from(["date", "created", "at", "title", "tags"]), nasty, max_size=3), body=nasty)
def test_markdown_with_front_matter(store, head, body):
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in head.items()) + "---\n" + body
    stored_or_refused(store, lambda: [capture.text_entry(text)])


@FUZZ
@given(lines=st.lists(json_values, max_size=5), raw=st.none() | st.binary(max_size=200))
@example(lines=[{"turns": []}], raw=None)  # a chat of no turns, and no text (was a KeyError)
def test_jsonl(store, lines, raw):
    data = raw if raw is not None else "\n".join(json.dumps(x) for x in lines).encode("utf-8", "surrogatepass")
    stored_or_refused(store, lambda: capture.jsonl_entries("fuzz.jsonl", data=data))


turn = st.fixed_dictionaries({"speaker": st.sampled_from(["Ann", "Bo"]) | json_values, "text": nasty | json_values},
                             optional={"dia_id": json_values, "blip_caption": json_values})


@FUZZ
@given(sessions=st.dictionaries(st.sampled_from(["session_1", "session_2", "session_10", "speaker_a"]),
                                st.lists(turn, max_size=3) | json_values, max_size=3),
       when=st.none() | nasty | json_values, wrap=st.booleans())
def test_locomo(store, sessions, when, wrap):
    conversation = dict(sessions, session_1_date_time=when) if when is not None else sessions
    doc = {"sample_id": "fuzz", "conversation": conversation}
    data = json.dumps([doc] if wrap else doc).encode("utf-8", "surrogatepass")
    stored_or_refused(store, lambda: capture.locomo_entries("fuzz.json", data=data))


@FUZZ
@given(text=nasty | st.from_regex(r"\d{1,5}-\d{1,2}-\d{1,2}([T ]\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?", fullmatch=True)
       | st.from_regex(r"\d{1,2} (May|June|Foo) \d{1,5}", fullmatch=True) | st.sampled_from(
           ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "now", "yesterday", "08/05/2023"]))
def test_dates(text):
    try:
        value = dates.parse(text)
    except RemembrancerError:
        return
    assert isinstance(value, str) and value[:4].isdigit()


@FUZZ
@given(data=st.binary(max_size=400))
def test_decode(data):
    try:
        text = capture.decode(data, "fuzz")
    except RemembrancerError:
        return
    assert isinstance(text, str)


# -- the HTTP API against its OpenAPI schema ------------------------------------------------------
schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="module", params=BACKENDS)
def api(tmp_path_factory, request):
    """The API over an SQLite file, then over a PostgreSQL memory."""
    from remembrancer.server import create_app

    path = store_on(request.param, request, tmp_path_factory.mktemp("api"))
    with Memory(path, derive=False) as memory:
        memory.add("Coffee with Ianto at the Hub; Gwen rang about 🌷.", at="2020-01-01")
    return create_app(path, derive=False)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(api):
    loaded = schemathesis.openapi.from_asgi("/openapi.json", api, headers={"host": "127.0.0.1"})
    loaded.config.generation.update(max_examples=12)
    return loaded


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_answers_every_request_with_a_documented_status_and_no_500(case):
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import status_code_conformance

    case.call_and_validate(headers={"X-Remembrancer": "1", "host": "127.0.0.1"},
                           checks=[not_a_server_error, status_code_conformance])
