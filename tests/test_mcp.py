"""The MCP tools, driven by the official SDK's own client: over stdio (`remembrancer mcp`, a real child
process) and over streamable HTTP (`remembrancer serve`, at /mcp), with a store per user in a folder."""
import json
import os
import sys
import time

import anyio
import httpx
import httpx2
import pytest
from mcp.client import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from conftest import BACKENDS, dump, folder_on, kept_in, made, store_on, user_store
from remembrancer.store import Memory
from test_server import HEADERS, serving

SAM = [
    {"speaker": "Sam", "text": "Morning! I had coffee with my sister Ana Ferreira at the Harbour Café.", "at": "2024-05-08T09:00"},
    {"speaker": "assistant", "text": "How is Ana getting on?", "at": "2024-05-08T09:01"},
    {"speaker": "Sam", "text": "She moved to Lisbon last week. Her husband Tomás found work there.", "at": "2024-05-08T09:02"},
]
TOOLS = {"remember", "ask", "recall", "person", "people", "timeline", "on_this_day", "fading", "correct"}


def stdio(folder):
    return Client(StdioServerParameters(command=sys.executable, args=["-m", "remembrancer.cli", "mcp", "--folder", str(folder)],
                                        env=dict(os.environ)))


async def call(client, tool, **arguments):
    """The tool's JSON answer (its text, which is also its structured content); an error fails the test."""
    r = await client.call_tool(tool, arguments)
    assert not r.is_error, r.content[0].text
    value = json.loads(r.content[0].text)
    assert r.structured_content == (value if isinstance(value, dict) else {"result": value})
    return value


async def refused(client, tool, **arguments) -> str:
    """A tool error: one line saying what is wrong and what to do, as text and as {"error", "remedy"}."""
    r = await client.call_tool(tool, arguments)
    assert r.is_error
    text = r.content[0].text
    assert text.startswith("Error: ") and "\n" not in text and "Traceback" not in text
    assert set(r.structured_content) == {"error", "remedy"} and r.structured_content["remedy"], text
    return text


async def understood(client, user, name, timeout=120):
    """Wait until the background understanding has found `name` in the user's memory."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if name in {p["name"] for p in await call(client, "people", user=user)}:
            return
        await anyio.sleep(0.3)
    raise AssertionError(f"{name} was not understood in time")


async def every_tool(client):
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():  # an agent can follow each: a description with an example, and whose memory
        assert "Example:" in tool.description and "user" in tool.input_schema["required"]

    first = await call(client, "remember", user="sam", messages=SAM[:2], me="Sam")
    assert first["stored"] == 2 and len(first["passages"]) == 2
    again = await call(client, "remember", user="sam", messages=SAM, me="Sam")  # the conversation so far, sent whole
    assert again["stored"] == 1 and again["duplicates"] == 2 and again["entries"] == first["entries"]
    note = await call(client, "remember", user="sam", text="Ana's birthday is on 14 March; she loves fado.", at="2023-03-14")
    assert note["new"] and note["passages"] == 1

    answer = await call(client, "ask", user="sam", question="Where did Ana move to?")  # searchable at once
    assert "Lisbon" in answer["passages"][0]["text"] and answer["passages"][0]["speaker"] == "Sam"
    await understood(client, "sam", "Ana Ferreira")
    ana = await call(client, "person", user="sam", name="Ana")
    assert ana["name"] == "Ana Ferreira"
    assert any(r["relation"] == "sister" and r["other"] == "me" for r in ana["relations"])
    people = await call(client, "people", user="sam")
    assert {"me", "Ana Ferreira"} <= {p["name"] for p in people}
    assert "Sam" in next(p for p in people if p["name"] == "me")["aliases"]
    cue = await call(client, "recall", user="sam", cue="coffee")
    assert cue["cue"] == "coffee" and cue["passages"]
    timeline = await call(client, "timeline", user="sam", start="2024-01-01")
    assert timeline and all(i["at"] >= "2024-01-01" for i in timeline)
    today = await call(client, "on_this_day", user="sam", date="2025-05-08")
    assert any(i["at"].startswith("2024-05-08") for i in today)
    fading = await call(client, "fading", user="sam", now="2030-01-01", limit=3)
    assert isinstance(fading, list) and len(fading) <= 3

    merged = await call(client, "correct", user="sam", kind="merge", args={"a": "Ana", "b": "Tomás"})
    assert "Tomás" in merged["aliases"]
    split = await call(client, "correct", user="sam", kind="split", args={"name": "Ana", "alias": "Tomás"})
    assert split["split"]["name"] == "Tomás" and "Tomás" not in split["person"]["aliases"]
    hidden = await call(client, "correct", user="sam", kind="hide", args={"name": "Ana"})
    assert hidden["hidden"]
    assert not (await call(client, "correct", user="sam", kind="unhide", args={"name": "Ana"}))["hidden"]


async def settled(db, timeout=120):
    """Wait until everything stored in this store is understood (nothing is written after that)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Memory(db, derive=False) as m:
            if not any(m.pending_counts().values()):
                await anyio.sleep(0.5)  # the deriver's last transaction has committed; let it go idle
                return
        await anyio.sleep(0.3)
    raise AssertionError("not understood in time")


async def bad_arguments(client, folder):
    """Each is a clear error, and nothing is stored, for that user or any other."""
    await settled(user_store(folder, "sam"))
    before = dump(user_store(folder, "sam"))
    files = kept_in(folder)
    cases = [
        ("remember", {"user": "sam"}, "either messages or a text"),
        ("remember", {"user": "sam", "text": "x", "messages": SAM}, "either messages or a text"),
        ("remember", {"user": "sam", "messages": [{"text": "Who said this?"}]}, "speaker"),
        ("remember", {"user": "sam", "messages": [{"speaker": "Sam", "text": "  "}]}, "empty"),
        ("remember", {"user": "sam", "messages": [{"speaker": "Sam", "text": "Hi", "at": "next Blursday"}]}, "Not a date"),
        ("remember", {"user": "sam", "messages": [{"speaker": "Sam", "text": "Hi", "mood": "fine"}]}, "mood"),
        ("remember", {"user": "sam", "messages": "Sam: hi"}, "messages"),
        ("remember", {"user": "sam", "text": ""}, "empty"),
        ("remember", {"user": "sam", "text": "Hi", "me": "Sam"}, "me"),
        ("ask", {"user": "sam"}, "question"),
        ("ask", {"user": "sam", "qustion": "Where?"}, "qustion"),
        ("ask", {"user": "sam", "question": "Where?", "limit": 0}, "limit"),
        ("ask", {"user": "../sam", "question": "Where?"}, "cannot be a user's name"),
        ("ask", {"user": "sam/../../etc", "question": "Where?"}, "cannot be a user's name"),
        ("ask", {"user": "", "question": "Where?"}, "No user"),
        ("ask", {"question": "Where?"}, "user"),
        ("person", {"user": "sam", "name": "Nobody Atall"}, "Nobody Atall"),
        ("timeline", {"user": "sam", "start": "the day after never"}, "date"),
        ("correct", {"user": "sam", "kind": "forget", "args": {}}, "kind"),
        ("correct", {"user": "sam", "kind": "merge", "args": {"name": "Ana"}}, "takes a, b"),
        ("correct", {"user": "sam", "kind": "hide", "args": {"name": "Nobody Atall"}}, "Nobody Atall"),
    ]
    for tool, arguments, says in cases:
        text = await refused(client, tool, **arguments)
        assert says.lower() in text.lower(), (tool, arguments, text)
    assert dump(user_store(folder, "sam")) == before
    assert kept_in(folder) == files


async def two_users(client, folder):
    await call(client, "remember", user="kim", messages=[{"speaker": "Kim", "text": "Our dog Biscuit ate the fado tickets."}], me="Kim")
    assert not [p for p in (await call(client, "ask", user="sam", question="Biscuit the dog"))["passages"] if "Biscuit" in p["text"]]
    assert not [p for p in (await call(client, "ask", user="kim", question="Lisbon Ana"))["passages"] if "Lisbon" in p["text"]]
    assert (await call(client, "ask", user="KIM", question="Biscuit"))["passages"][0]["text"].startswith("Our dog")  # not case-sensitive
    assert "Ana Ferreira" not in {p["name"] for p in await call(client, "people", user="kim")}
    assert {name for name in kept_in(folder) if name.endswith(".db")} - {"server.db"} == {"sam.db", "kim.db"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_stdio_every_tool_bad_arguments_and_two_users(tmp_path, request, backend):
    """A memory per user: a folder of files, or the memories of one PostgreSQL database (`--folder URL`)."""
    folder = folder_on(backend, request, tmp_path)

    async def scenario():
        async with stdio(folder) as client:
            await every_tool(client)
            await bad_arguments(client, folder)
            await two_users(client, folder)

    anyio.run(scenario)


@pytest.mark.parametrize("backend", BACKENDS)
def test_stdio_one_store_names_no_user(tmp_path, request, backend):
    db = store_on(backend, request, tmp_path, "mine")

    async def scenario():
        params = StdioServerParameters(command=sys.executable, args=["-m", "remembrancer.cli", "--db", str(db), "mcp"],
                                       env=dict(os.environ))
        async with Client(params) as client:
            for tool in (await client.list_tools()).tools:
                assert "user" not in tool.input_schema.get("properties", {})
            await call(client, "remember", text="Coffee with Ianto at the Hub.", at="2009-05-01")
            assert (await call(client, "ask", question="Who was at the Hub?"))["passages"][0]["text"].startswith("Coffee")
            assert "user" in await refused(client, "ask", question="Hub", user="sam")

    anyio.run(scenario)
    assert made(db)


@pytest.mark.parametrize("backend", BACKENDS)
def test_http_endpoint_every_tool_bad_arguments_two_users_and_messages_api(tmp_path, request, backend):
    folder = folder_on(backend, request, tmp_path)
    with serving(tmp_path / "unused.db", extra=("--folder", str(folder))) as (base, first, _):
        assert first["mcp"].endswith("/mcp")

        async def scenario():
            async with Client(base + "/mcp") as client:
                await every_tool(client)
                await bad_arguments(client, folder)
                await two_users(client, folder)
                # The same memories over the plain API: POST /api/messages, then the MCP tools see them.
                with httpx.Client(base_url=base, timeout=60) as api:
                    r = api.post("/api/messages?user=sam", headers=HEADERS, json={
                        "me": "Sam", "messages": [{"speaker": "Sam", "text": "Ana sent a postcard of the Tagus.", "at": "2024-05-09T10:00"}]})
                    assert r.status_code == 200 and r.json()["stored"] == 1, r.text
                    assert api.post("/api/messages?user=sam", headers=HEADERS, json={"messages": [{"speaker": "Sam"}]}).status_code == 422
                    assert api.post("/api/messages?user=..", headers=HEADERS, json={"messages": []}).status_code == 400
                    assert api.post("/api/messages", headers=HEADERS, json={"messages": []}).status_code == 400  # no user
                    assert api.get("/api/stats?user=kim").json()["entries"] == 1
                assert "Tagus" in (await call(client, "ask", user="sam", question="postcard"))["passages"][0]["text"]

        anyio.run(scenario)


@pytest.mark.parametrize("backend", BACKENDS)
def test_http_endpoint_needs_the_token_off_loopback(tmp_path, request, backend):
    folder = folder_on(backend, request, tmp_path)
    with serving(tmp_path / "unused.db", host="0.0.0.0", extra=("--folder", str(folder))) as (base, first, _):
        token = first["token"]
        assert first["token_required"] and token

        async def without(headers):
            async with httpx2.AsyncClient(headers=headers, timeout=30) as http:
                async with Client(streamable_http_client(base + "/mcp", http_client=http)) as client:
                    await client.list_tools()

        for headers in ({}, {"Authorization": "Bearer wrong"}):
            with pytest.raises(Exception):
                anyio.run(without, headers)
        r = httpx.post(base + "/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
        assert r.status_code == 401 and r.json()["remedy"]

        async def scenario():
            async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
                async with Client(streamable_http_client(base + "/mcp", http_client=http)) as client:
                    assert (await call(client, "remember", user="sam", text="Kept behind the token."))["new"]
                    assert (await call(client, "ask", user="sam", question="token"))["passages"]

        anyio.run(scenario)
    assert not (tmp_path / "unused.db").exists() and "sam.db" in kept_in(folder)
    if backend == "postgres":  # the token's SHA-256 in a memory of its own beside the users', none made for --db
        assert kept_in(folder) == {"sam.db", "server.db"}
        with Memory(user_store(folder, "sam"), derive=False) as m:
            assert m.token_digest() is None


def test_every_correction_offered_takes_its_example():
    """A correction plugs in by naming a Memory method: its example binds to that method's arguments."""
    import inspect

    from remembrancer import mcp

    offered = mcp.corrections()
    assert {"merge", "split", "hide", "unhide"} <= set(offered)
    for kind, (method, fixed, _, example) in offered.items():
        inspect.signature(getattr(Memory, method)).bind(None, **example, **fixed)


@pytest.mark.parametrize("backend", BACKENDS)
def test_http_endpoint_on_one_store(tmp_path, request, backend):
    """`serve` on one store: the tools take no user; a page elsewhere cannot post to /mcp (JSON only)."""
    db = store_on(backend, request, tmp_path, "mine")
    with serving(db) as (base, first, _):
        r = httpx.post(base + "/mcp", content='{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}',
                       headers={"Content-Type": "text/plain", "Accept": "application/json, text/event-stream"})
        assert r.status_code == 415 and r.json()["remedy"]

        async def scenario():
            async with Client(first["mcp"].replace("0.0.0.0", "127.0.0.1")) as client:
                for tool in (await client.list_tools()).tools:
                    assert "user" not in tool.input_schema.get("properties", {})
                assert (await call(client, "remember", text="Coffee with Ianto at the Hub.", at="2009-05-01"))["new"]
                assert (await call(client, "ask", question="Who was at the Hub?"))["passages"][0]["text"].startswith("Coffee")

        anyio.run(scenario)
        assert httpx.get(base + "/api/stats").json()["entries"] == 1


def test_memories_keep_few_files_open_however_many_users(tmp_path):
    from remembrancer.users import PER_THREAD, Memories

    memories = Memories(folder=tmp_path, understand=False)
    try:
        for n in range(3 * PER_THREAD):
            memories.get(f"user-{n}").add(f"Note {n}.", at="2024-01-01")
        assert len(memories.opened) == PER_THREAD
        assert memories.get("user-0").search("Note")[0]["text"] == "Note 0."  # opened again, as it was
        assert len(list(tmp_path.glob("*.db"))) == 3 * PER_THREAD
    finally:
        memories.close()
