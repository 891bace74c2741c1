"""The entries over HTTP, against a real `remembrancer serve` process on a real store: read, edit, re-date,
trash, restore, history, purge; with the guard every write endpoint has."""
import httpx
import pytest

from conftest import BACKENDS, store_on
from remembrancer.store import Memory
from test_server import HEADERS, is_error, serving, settle

TEXT = "Yesterday Rhiannon Davies showed me the lighthouse keeper's logbook from 1953."


@pytest.fixture(scope="module", params=BACKENDS)
def api(tmp_path_factory, request):
    """A server over an SQLite file, then over a PostgreSQL memory."""
    db = store_on(request.param, request, tmp_path_factory.mktemp("entries"))
    with serving(db) as (base, _, _):
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client, db


def add(client, text, at="2019-06-02"):
    r = client.post("/api/add", json={"text": text, "at": at}, headers=HEADERS)
    assert r.status_code == 200, r.text
    return r.json()["entry"]


def test_read_edit_redate_and_history(api):
    client, db = api
    entry = add(client, TEXT)
    settle(client)
    got = client.get(f"/api/entries/{entry}").json()
    assert got["text"] == TEXT and got["deleted"] is None and got["versions"] == 0
    assert "Rhiannon Davies" in got["people"] and got["passages"][0]["text"] == TEXT
    edited = TEXT.replace("logbook", "telescope")
    r = client.put(f"/api/entries/{entry}", json={"text": edited}, headers=HEADERS)
    assert r.status_code == 200, r.text
    assert r.json()["changed"] is True and r.json()["version"] == 2
    settle(client)
    assert client.get("/api/search", params={"q": "telescope"}).json()[0]["entry"] == entry
    assert client.get("/api/search", params={"q": "logbook"}).json() == []
    r = client.put(f"/api/entries/{entry}", json={"at": "2020-01-10"}, headers=HEADERS)
    assert r.json()["at"] == "2020-01-10"
    settle(client)
    times = [t["at"] for t in client.get("/api/timeline").json() if t["passage"] and t["passage"]["entry"] == entry and t["what"] == "Yesterday"]
    assert times == ["2020-01-09"]  # read again from the new date
    history = client.get(f"/api/entries/{entry}/history").json()
    assert [v["text"] for v in history] == [TEXT, edited, edited] and history[-1]["changed"] == ["date"]
    assert [v["current"] for v in history] == [False, False, True]
    # Text and date in one change make one version.
    r = client.put(f"/api/entries/{entry}", json={"text": TEXT, "at": "2019-06-02"}, headers=HEADERS)
    assert r.json()["version"] == 4 and len(client.get(f"/api/entries/{entry}/history").json()) == 4


def test_trash_restore_and_purge(api):
    client, db = api
    entry = add(client, "The kettle at Nant Gwrtheyrn whistled like a curlew.", "2018-04-04")
    settle(client)
    assert client.get("/api/search", params={"q": "curlew"}).json()
    r = client.delete(f"/api/entries/{entry}", headers=HEADERS)
    assert r.status_code == 200 and r.json()["changed"] is True
    assert client.get("/api/search", params={"q": "curlew"}).json() == []
    assert entry in [t["entry"] for t in client.get("/api/trash").json()]
    assert client.get(f"/api/entries/{entry}").json()["deleted"]
    assert client.delete(f"/api/entries/{entry}", headers=HEADERS).json()["changed"] is False
    body = is_error(client.put(f"/api/entries/{entry}", json={"text": "Other words."}, headers=HEADERS), 400)
    assert body["remedy"] == f"Restore it first: POST /api/entries/{entry}/restore."
    r = client.post(f"/api/entries/{entry}/restore", headers=HEADERS)
    assert r.status_code == 200 and r.json()["changed"] is True
    settle(client)
    assert client.get("/api/search", params={"q": "curlew"}).json()[0]["entry"] == entry
    # Purge only with an explicit confirmation.
    for body in (None, {}, {"confirm": False}, {"confirm": "yes"}, {"confirm": 1}):
        r = client.post(f"/api/entries/{entry}/purge", json=body, headers=HEADERS)
        assert r.status_code in (400, 422), r.text
        assert client.get(f"/api/entries/{entry}").status_code == 200
    refused = is_error(client.post(f"/api/entries/{entry}/purge", json={}, headers=HEADERS), 400)
    assert 'POST /api/entries/' in refused["remedy"] and '{"confirm": true}' in refused["remedy"]
    r = client.post(f"/api/entries/{entry}/purge", json={"confirm": True}, headers=HEADERS)
    assert r.status_code == 200, r.text
    assert r.json()["purged"] is True and "still hold it" in r.json()["note"]
    assert is_error(client.get(f"/api/entries/{entry}"), 404)["remedy"]
    assert client.get("/api/search", params={"q": "curlew"}).json() == []
    assert "curlew" not in client.get("/api/export").text


def test_a_chat_is_changed_by_its_turns(api, tmp_path):
    client, db = api
    body = '{"turns": [{"speaker": "Ann", "text": "Shall we walk to Worms Head?", "ref": "a1"}, {"speaker": "Bo", "text": "Only at low tide."}], "at": "2021-07-07"}\n'
    r = client.post("/api/import", files={"file": ("walk.jsonl", body)}, data={"format": "jsonl"}, headers=HEADERS)
    assert r.status_code == 202, r.text
    for _ in range(100):
        job = client.get(f"/api/import/{r.json()['job']}").json()
        if job["state"] != "storing":
            break
    with Memory(db, derive=False) as m:
        chat = m.query("SELECT id FROM entries WHERE kind = 'chat' ORDER BY id DESC LIMIT 1")[0][0]
    refused = is_error(client.put(f"/api/entries/{chat}", json={"text": "Ann: hi"}, headers=HEADERS), 400)
    assert "is a chat" in refused["error"] and f'PUT /api/entries/{chat} with {{"turns": [...]}}' in refused["remedy"]
    turns = [{"speaker": "Ann", "text": "Shall we walk to Worms Head?", "ref": "a1"}, {"speaker": "Bo", "text": "Only at low tide, love."}]
    r = client.put(f"/api/entries/{chat}", json={"turns": turns}, headers=HEADERS)
    assert r.status_code == 200, r.text
    got = client.get(f"/api/entries/{chat}").json()
    assert [(p["speaker"], p["text"], p["ref"]) for p in got["passages"]] == [(t["speaker"], t["text"], t.get("ref")) for t in turns]
    assert client.get(f"/api/entries/{chat}/history").json()[0]["turns"][1]["text"] == "Only at low tide."


def test_the_guard_and_typed_errors(api):
    client, db = api
    entry = add(client, "The guard keeps this one as it is.", "2017-01-01")
    before = client.get(f"/api/entries/{entry}").json()
    is_error(client.put(f"/api/entries/{entry}", json={"text": "Changed without the header."}), 403)
    is_error(client.delete(f"/api/entries/{entry}"), 403)
    is_error(client.post(f"/api/entries/{entry}/purge", json={"confirm": True}), 403)
    is_error(client.delete(f"/api/entries/{entry}", headers={**HEADERS, "Origin": "http://evil.example"}), 403)
    is_error(client.post(f"/api/entries/{entry}/restore", headers={**HEADERS, "Sec-Fetch-Site": "cross-site"}), 403)
    assert client.get(f"/api/entries/{entry}").json() == before
    is_error(client.get("/api/entries/999999"), 404)
    is_error(client.get("/api/entries/abc"), 422)
    is_error(client.get("/api/entries/0"), 400)
    is_error(client.get(f"/api/entries/{10 ** 30}"), 400)  # past what SQLite holds: a typed error, not a 500
    is_error(client.delete(f"/api/entries/{-5}", headers=HEADERS), 400)
    is_error(client.put(f"/api/entries/{entry}", json={}, headers=HEADERS), 400)
    is_error(client.put(f"/api/entries/{entry}", json={"text": 7}, headers=HEADERS), 422)
    is_error(client.put(f"/api/entries/{entry}", json={"at": "soon"}, headers=HEADERS), 400)
    is_error(client.put(f"/api/entries/{entry}", json={"text": "  "}, headers=HEADERS), 400)
    assert client.get(f"/api/entries/{entry}").json() == before
    spec = client.get("/openapi.json").json()["paths"]
    assert {"get", "put", "delete"} <= set(spec["/api/entries/{entry_id}"]) and "/api/trash" in spec
    assert "/api/entries/{entry_id}/purge" in spec and "/api/entries/{entry_id}/history" in spec
