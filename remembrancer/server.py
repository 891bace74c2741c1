"""The HTTP API and the web pages over one store: `remembrancer serve`, or `create_app("memories.db")`.

Entries are stored by the request that brings them and acknowledged at once; a single background
thread then derives what is understood from them (`Memory.process()`), as the CLI does in line.
Every request gets its own thread's SQLite connection; writes from requests are serialised.
"""
from __future__ import annotations

import contextlib
import contextvars
import hashlib
import hmac
import html
import ipaddress
import json
import logging
import os
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import Body, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartParser

from . import __version__, capture, dates, importers
from .errors import (BadInput, EmptyInput, NotFound, RemembrancerError, StoreError, StoreLocked, Unauthorized,
                     UnknownFormat)
from .store import Memory, data_folder, is_url, private_folder

WEB = Path(__file__).parent / "web"
MAX_JSON = 1 << 20  # bytes in any request that is not a file upload
MAX_UPLOAD = 20 << 20  # bytes in a file upload
COOKIE = "remembrancer_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
PAGES = {"/": "index.html", "/search": "search.html", "/people": "people.html", "/timeline": "timeline.html",
         "/today": "today.html", "/review": "review.html", "/trash": "trash.html"}
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                                 b" form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
NO_STORE = [(b"cache-control", b"no-store")]  # what the API answers is someone's private life: kept by no cache
VIEWPORT = "<meta name=viewport content=\"width=device-width, initial-scale=1\">"  # else a phone lays the page out 980 wide
NOT_FOUND_PAGE = (f"<!doctype html><html lang=en><meta charset=utf-8>{VIEWPORT}<title>Not here · remembrancer</title>"
                  "<link rel=icon href=\"data:,\"><link rel=stylesheet href=/static/app.css><script src=/static/app.js defer></script>"
                  "<main><h1>No page here</h1><p class=hint>Start again from <a href=/>Write</a> or <a href=/search>Search</a>."
                  "</p></main></html>")
log = logging.getLogger("remembrancer.server")
_user: contextvars.ContextVar[str | None] = contextvars.ContextVar("remembrancer_user", default=None)  # ?user= of this request


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- the token, for any binding other than loopback ----------------------------------------------------
def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def ensure_token(memory: Memory, new: bool = False) -> str | None:
    """Create the server's token on first need (or, with `new`, replace it: a lost token): returns it (to be
    shown once), or None if one exists. Only its SHA-256 is stored, in the store's settings."""
    token = secrets.token_urlsafe(32)
    return token if memory.keep_token_digest(_digest(token), replace=new) else None


TOKEN_FILE = "server-token.sha256"  # beside the users' stores, with `serve --folder`: no user's name ends so


SERVER_MEMORY = "server"  # with `serve --folder postgresql://...`: where the token's SHA-256 is kept (users' are u...)


def ensure_folder_token(folder, new: bool = False) -> str | None:
    """`ensure_token` for a folder of stores: the token's SHA-256 is kept in a private file in the folder
    (in a database of memories, in a memory of the server's own)."""
    if is_url(str(folder)):
        from .postgres import with_memory

        with Memory(with_memory(str(folder), SERVER_MEMORY), derive=False) as memory:
            return ensure_token(memory, new=new)
    path = Path(folder) / TOKEN_FILE
    if path.exists() and not new:
        return None
    token = secrets.token_urlsafe(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(_digest(token) + "\n")
    tmp.replace(path)
    return token


def folder_token_digest(folder) -> str | None:
    if is_url(str(folder)):
        from .postgres import with_memory

        try:
            with Memory(with_memory(str(folder), SERVER_MEMORY), derive=False, create=False) as memory:
                return memory.token_digest()
        except NotFound:
            return None
    path = Path(folder) / TOKEN_FILE
    return path.read_text().strip() or None if path.exists() else None


# -- errors as JSON ------------------------------------------------------------------------------------
# The library's remedies name CLI commands; over HTTP the same advice is an endpoint.
HTTP_REMEDIES = {
    "`remembrancer people`": "GET /api/people",
    "`remembrancer person NAME`": "GET /api/people/{name}",
    "`remembrancer review --json`": "GET /api/review",
    "`remembrancer corrections`": "GET /api/corrections",
    "`remembrancer person NAME --json`": "GET /api/people/{name}",
}


ENTRY_REMEDIES = [  # the entry commands' remedies, naming an entry
    (r"`remembrancer entry restore (\d+)`", r"POST /api/entries/\1/restore"),
    (r"`remembrancer entry purge (\d+) --yes` \(confirm=True\)", r'POST /api/entries/\1/purge with {"confirm": true}'),
    (r"`remembrancer entry delete (\d+)`", r"DELETE /api/entries/\1"),
    (r"`remembrancer entry history (\d+)`", r"GET /api/entries/\1/history"),
    (r"`remembrancer entry edit (\d+) --turns FILE`", r'PUT /api/entries/\1 with {"turns": [...]}'),
    (r"`remembrancer search` and `remembrancer trash`", "GET /api/search and GET /api/trash"),
]


def for_http(remedy: str) -> str:
    import re

    for cli, http in HTTP_REMEDIES.items():
        remedy = remedy.replace(cli, http)
    for pattern, http in ENTRY_REMEDIES:
        remedy = re.sub(pattern, http, remedy)
    return remedy


def status_of(error: RemembrancerError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Unauthorized):
        return 401
    if isinstance(error, StoreLocked):
        return 503
    if isinstance(error, StoreError):
        return 500
    return 400


def error_body(error: str, remedy: str = "") -> bytes:
    return json.dumps({"error": error, "remedy": remedy}, ensure_ascii=False).encode("utf-8")


def error_json(status: int, error: str, remedy: str = "", headers=None) -> JSONResponse:
    return JSONResponse({"error": error, "remedy": remedy}, status_code=status, headers=headers)


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware in front of everything: host, token, cross-site and size checks, security headers,
    and a JSON 500 in place of any unexpected exception (the traceback never leaves the server)."""

    def __init__(self, app, token_digest: str | None):
        self.app = app
        self.token_digest = token_digest

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        refusal = self.refuse(request)
        if refusal is not None:
            return await self.respond(refusal, send)
        if self.token_digest and request.method == "GET" and "token" in request.query_params:
            # The link printed at first start: keep the token as a cookie, drop it from the address bar.
            query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
            redirect = RedirectResponse(request.url.path + (f"?{query}" if query else ""), status_code=303)
            redirect.set_cookie(COOKIE, request.query_params["token"], httponly=True, samesite="strict")
            return await self.respond(redirect, send)

        limit = MAX_UPLOAD if request.headers.get("content-type", "").startswith("multipart/form-data") else MAX_JSON
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await self.respond(self.too_large(limit), send)
        state = {"received": 0, "too_large": False, "started": False}

        async def counted_receive():
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    state["too_large"] = True
                    raise _TooLarge()
            return message

        private = request.url.path.startswith(("/api/", "/mcp")) or request.url.path == "/openapi.json"

        async def guarded_send(message):
            if state["too_large"]:
                return  # the app's answer to a cut-off body is replaced by a 413 below
            if message["type"] == "http.response.start":
                state["started"] = True
                message["headers"] = list(message.get("headers", [])) + HEADERS + (NO_STORE if private else [])
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except _TooLarge:
            pass
        except Exception as e:  # noqa: BLE001 - the one place every unexpected error is caught
            log.error("Error: %s %s failed: %s: %s", request.method, request.url.path, type(e).__name__, e)
            if not state["started"]:
                state["started"] = True
                await self.respond(error_json(500, "Something went wrong inside remembrancer",
                                              "Nothing was lost: try again; the server's console says more."), send)
            return
        if state["too_large"] and not state["started"]:
            await self.respond(self.too_large(limit), send)

    def refuse(self, request: Request) -> Response | None:
        host = request.headers.get("host", "")
        if self.token_digest is None and not is_loopback(urlsplit(f"//{host}").hostname or ""):
            # Loopback without a token: a page elsewhere must not reach us by renaming a host (DNS rebinding).
            return error_json(400, f"Unknown host {host!r}", "Use http://127.0.0.1 or http://localhost.")
        bearer = request.headers.get("authorization", "")
        bearer = bearer[7:].strip() if bearer.lower().startswith("bearer ") else ""
        if self.token_digest is not None:
            token = bearer or request.cookies.get(COOKIE) or (
                request.query_params.get("token") if request.method == "GET" else None)
            if not token or not hmac.compare_digest(_digest(token), self.token_digest):
                error = Unauthorized("This remembrancer needs its token")
                if request.url.path.startswith(("/api/", "/mcp")) or request.method != "GET":
                    return error_json(401, str(error), error.remedy, {"www-authenticate": "Bearer"})
                return HTMLResponse(
                    f"<!doctype html><meta charset=utf-8>{VIEWPORT}<title>remembrancer</title><p>This remembrancer needs its"
                    " token. Open the address printed when it first started (it ends in <code>?token=…</code>).",
                    status_code=401)
        if request.method not in SAFE_METHODS:
            origin = request.headers.get("origin")
            if origin and (urlsplit(origin).netloc.lower() != host.lower()):
                return error_json(403, "Cross-site request refused", "Use the remembrancer pages themselves.")
            if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return error_json(403, "Cross-site request refused", "Use the remembrancer pages themselves.")
            if request.url.path == "/mcp":
                # An MCP client sends JSON, which no page elsewhere can send here without the browser asking first.
                if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
                    return error_json(415, "The MCP endpoint takes JSON", "Send Content-Type: application/json.")
            elif not bearer and request.headers.get("x-remembrancer") != "1":
                return error_json(403, "Missing header X-Remembrancer: 1",
                                  "Send the header X-Remembrancer: 1 with every request that changes something.")
        return None

    @staticmethod
    def too_large(limit: int) -> Response:
        return error_json(413, f"Request larger than {limit >> 20} MB",
                          "Split it into smaller files, or import from the command line; nothing was stored.")

    @staticmethod
    async def respond(response: Response, send):
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS + NO_STORE
            await send(message)

        await response({"type": "http"}, _no_body, send_with_headers)


async def _no_body():
    return {"type": "http.disconnect"}


class Job:
    """An import stored in the background: how far it got, then the library's result or the error; and,
    while its entries are being understood, how far that is and the time left (`progress`)."""

    def __init__(self, total: int, words: int = 0, user: str | None = None):
        self.id = secrets.token_urlsafe(9)
        self.user = user  # whose memory it goes to
        self.total = total
        self.words = words
        self.done = 0
        self.state = "storing"
        self.result = None
        self.error = None
        self.started = time.monotonic()
        self.stored_at = None
        self.entries: list[int] = []
        self.understood = False

    def as_dict(self, memory=None, deriving: bool = False) -> dict:
        out = {"job": self.id, "state": self.state, "done": self.done, "total": self.total}
        if self.result is not None:
            out["result"] = self.result
        if self.error is not None:
            out.update(self.error)
        out["progress"] = self.progress(memory, deriving)
        return out

    def progress(self, memory, deriving) -> dict:
        """{"stage": storing | understanding | understood | stored | failed, "percent", "seconds_left"}: the same
        one bar as the command line's, the understanding read from the entries' `processed` rows."""
        from .progress import SHARES

        now = time.monotonic()
        if self.state == "failed":
            return {"stage": "failed", "percent": 0.0, "seconds_left": None}
        if self.state == "storing":
            part = self.done / self.total if self.total else 0
            return {"stage": "storing", "percent": round(100 * (SHARES["reading"] + SHARES["storing"] * part), 1),
                    "seconds_left": None}
        if not deriving or memory is None:
            return {"stage": "stored", "percent": 100.0, "seconds_left": 0.0}
        if not self.understood:
            done, total = memory.understood_words(self.entries)
            self.understood = done >= total
        if self.understood:
            return {"stage": "understood", "percent": 100.0, "seconds_left": 0.0}
        part = done / total if total else 1.0
        spent = now - (self.stored_at or now)
        left = round(spent * (1 - part) / part, 1) if part > 0.02 and spent > 0 else None
        return {"stage": "understanding", "percent": round(100 * (1 - SHARES["understanding"] * (1 - part)), 1),
                "seconds_left": left, "done": done, "total": total, "unit": "words"}


class AddText(BaseModel):
    text: str = Field(description="What to remember, exactly as written.", examples=["Coffee with Ianto at the Hub."])
    at: str | None = Field(None, description="When it happened (default: from the text, else now).",
                           examples=["2009-05-01"])
    author: str | None = Field(None, description="Who wrote it (default: you).")
    source: str | None = Field(None, description="Where it came from.")


class Turn(BaseModel):
    speaker: StrictStr | None = Field(None, description="Who says it.")
    text: StrictStr = Field(description="What they say.")
    ref: StrictStr | None = Field(None, description="The source's own id for the turn.")


class EntryChange(BaseModel):
    text: StrictStr | None = Field(None, description="The entry's new words (a text entry).")
    turns: list[Turn] | None = Field(None, description="A chat's new turns, as `add_chat` takes them.")
    at: StrictStr | None = Field(None, description="When it happened.", examples=["2023-05-07"])


class Purge(BaseModel):
    confirm: StrictBool = Field(False, description="true (and only true): erase the entry and its versions for good.")
class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")
    speaker: StrictStr = Field(description="Who said it.", examples=["Sam"])
    text: StrictStr = Field(description="What they said, word for word.", examples=["My sister Ana moved to Lisbon."])
    at: StrictStr | None = Field(None, description="When it was said, if known.", examples=["2026-03-14T09:30"])
    id: StrictStr | StrictInt | None = Field(None, description="The sender's own id for the message, if any.")


class Messages(BaseModel):
    model_config = ConfigDict(extra="forbid")
    messages: list[Message] = Field(description="The new messages, in order.")
    me: str | None = Field(None, description="The speaker who is you (their 'I' is yours).", examples=["Sam"])
    at: str | None = Field(None, description="The time of messages that give none (default: now).")
    source: str | None = Field(None, description="Where they came from: one chat a day and source.")
    author: str | None = Field(None, description="Who wrote it down (default: you).")


class Answer(BaseModel):
    item: str = Field(description='The "item" of a review item.')
    rating: StrictStr | StrictInt = Field(description="again, hard, good or easy (or 1-4).", examples=["good"])
    now: str | None = Field(None, description="The moment of the answer (default: now).")


class ApiError(BaseModel):
    error: str = Field(description="What went wrong, in one line.")
    remedy: str = Field(description="What to do about it.")


# Every answer an endpoint can give besides its own, documented (the guard's and the typed errors').
ERRORS = {status: {"model": ApiError, "description": what} for status, what in (
    (400, "Bad input (or an unknown host): nothing was changed"),
    (401, "The token is needed (a server away from loopback)"),
    (403, "Refused: a request from another site, or without the X-Remembrancer header"),
    (404, "No such person, entry, import or endpoint"),
    (413, "The request is larger than the limit"),
    (422, "A parameter or the body is not of the form this endpoint takes"),
    (500, "Something went wrong inside remembrancer; nothing was lost"),
    (503, "The store is busy elsewhere; try again"),
)}


def upload_formats() -> tuple[str, ...]:
    return ("auto", *importers.names())


IN_MEMORY = ("jsonl", "locomo")  # formats read from the upload's bytes: no copy of it is written anywhere
SPOOL = ".remembrancer-upload-"  # a private folder in the store's own, holding an upload while it is read
SPOOL_STALE = 3600  # seconds after which a spool folder is one a killed server left


@contextlib.contextmanager
def spooled(where=None):
    """A folder only its owner can enter, in `where` (the store's folder; else the system's temporary one),
    removed with all it holds when the block ends, however it ends."""
    folder = Path(tempfile.mkdtemp(prefix=SPOOL, dir=where))  # made 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clear_spool(where):
    """Remove the spool folders a killed server left in the store's folder."""
    with contextlib.suppress(OSError):
        for folder in Path(where).glob(SPOOL + "*"):
            if folder.is_dir() and time.time() - folder.stat().st_mtime > SPOOL_STALE:
                shutil.rmtree(folder, ignore_errors=True)


def parse_upload(fmt: str, data: bytes, filename: str, author=None, source=None, me=None,
                 order=None, spool=None) -> tuple[list[capture.Entry], list]:
    """Entries from an uploaded file, in a format named or ("auto") found from its name and first bytes (see
    `importers`), and the owner's records a JSONL export carries. JSONL and LoCoMo are read from memory; a
    format read from files (a zip, a mailbox, a chat export) from a copy in a private folder in `spool` (the
    store's folder; without it, the system's temporary folder), removed as soon as it is read, whatever
    happens. No path ever comes from the request, and messages name the upload, not the folder."""
    name = Path(filename or "upload").name or "upload"
    fmt = (fmt or "auto").strip().lower()
    if fmt not in upload_formats() and fmt not in importers.ALIASES:
        raise UnknownFormat(f"Unknown format {fmt!r}", f"Use {', '.join(upload_formats())}.")
    if fmt == "text" or fmt == "auto" and Path(name).suffix.lower() not in (".txt", ".md", ".markdown", ".json",
                                                                           ".jsonl", ".ndjson", ".zip", ".mbox", ".eml"):
        text = capture.decode(data, name)
        return [capture.text_entry(text, author=author, source=source or name)], []
    order = order or dates.Order()
    m = importers.module(fmt) if fmt != "auto" else importers.module("jsonl") if Path(name).suffix.lower() in (
        ".jsonl", ".ndjson") else None
    if m is not None and m.NAME in IN_MEMORY:
        # An export of a store names its entries' own sources; anything else is named after the upload.
        batch = m.read(name, author=author, source=source if m.NAME == "jsonl" else source or name, me=me, order=order,
                       data=data)
        return batch.entries, batch.records
    with spooled(spool) as folder:
        path = folder / (name if name not in (".", "..") else "upload")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        try:
            m = m or importers.module(importers.detect(path))
            batch = importers.read(m.NAME, path, author=author, source=source if m.NAME == "jsonl" else source or name,
                                   me=me, order=order)
        except RemembrancerError as e:
            raise type(e)(str(e).replace(str(path), name).replace(f"{folder}/", ""), e.remedy) from None
        return batch.entries, [(where.replace(str(path), name), table, row) for where, table, row in batch.records]


# -- the app -------------------------------------------------------------------------------------------
def create_app(db_path=None, *, folder=None, require_token: bool = False, derive: bool = True,
               key: str | None = None, warm: float = 0.0) -> FastAPI:
    """The API, the MCP endpoint (/mcp) and the pages over the store at `db_path`, or over a store per user
    in `folder` (then every /api request names the user, `?user=NAME`, and every MCP tool takes `user`).
    With `require_token`, every request must carry the token whose digest `ensure_token` stored (as a bearer
    token, or the cookie set by `/?token=...`). With `derive=False` nothing is understood in the background
    (entries are only stored). `key`: the key of an encrypted store, or of every user's (default:
    $REMEMBRANCER_KEY_FILE's). `warm`: seconds to warm a PostgreSQL memory for in the background, the one served
    as the app starts, a user's the first time it is asked for (`Memories.warm_up`; `serve --warm`)."""
    from mcp.server.transport_security import TransportSecuritySettings

    from .mcp import create_server
    from .users import Memories

    # An upload is held in memory to the end (starlette spools a file over 1 MB to a plain temporary file):
    # the guard caps it at MAX_UPLOAD.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, MAX_UPLOAD + (1 << 20))
    memories = (Memories(db_path, understand=derive, key=key, warm=warm) if folder is None
                else Memories(folder=folder, understand=derive, key=key, warm=warm))
    if folder is None:
        with Memory(memories.single, derive=False, key=key) as memory:  # creates and migrates the store before any request
            digest = memory.token_digest() if require_token else None
    else:
        digest = folder_token_digest(memories.folder) if require_token else None
    spool = memories.folder or memories.single  # where an upload read from a file waits (see parse_upload): the store's folder
    if is_url(str(spool)):  # a PostgreSQL database has none here: the user's own data folder (0700)
        spool = data_folder()
        private_folder(spool)
    elif memories.folder is None:
        spool = spool.parent
    clear_spool(spool)
    if require_token and not digest:
        raise Unauthorized("No token is stored for this store", "Start it with `remembrancer serve`, which creates one.")
    locks: dict[Path, threading.Lock] = {}
    jobs: dict[str, Job] = {}
    mcp_server = create_server(memories)
    # Hosts, origins and tokens are the Guard's to check, as for the rest of the app.
    mcp_app = mcp_server.streamable_http_app(streamable_http_path="/mcp", stateless_http=True, json_response=True,
                                             transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
                                             max_request_body_size=MAX_JSON)

    def user() -> str | None:
        return _user.get()

    def mem() -> Memory:
        return memories.get(user())

    def write_lock():
        path = memories.path(user())
        with memories.lock:
            return locks.setdefault(path, threading.Lock())

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if folder is None:
            memories.warm_up()  # in its own thread: the first request does not wait for it
            if derive:
                memories.stored()  # understand at start what an earlier run left pending
        async with mcp_server.session_manager.run():
            yield
        memories.close()

    async def named_user(request: Request,
                         user: str | None = Query(None, description="Whose memory (a server with --folder keeps one per user).")):
        if not request.url.path.startswith("/api/"):
            return  # the pages and the docs are no one's
        if folder is not None:
            from .users import user_name

            user_name(user)  # a clear error before anything is read
        elif user is not None:
            raise BadInput("This server keeps one memory, so no user is named", "Leave out ?user=.")
        _user.set(user)

    app = FastAPI(title="remembrancer", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None, responses=ERRORS,
                  dependencies=[Depends(named_user)] if folder is not None else [],
                  description="Your memory over HTTP. Every request that changes something needs the header "
                              "`X-Remembrancer: 1` (or a bearer token). Errors are `{\"error\", \"remedy\"}`. "
                              "Agents: the MCP endpoint is /mcp (streamable HTTP).")
    app.state.memories = memories
    app.state.jobs = jobs
    app.router.routes.extend(mcp_app.routes)

    @app.exception_handler(RemembrancerError)
    async def typed_error(request, e: RemembrancerError):
        return error_json(status_of(e), str(e), for_http(e.remedy))

    @app.exception_handler(UnicodeEncodeError)
    async def not_unicode(request, e: UnicodeEncodeError):  # "\ud800" in a JSON string, a name or an item
        return error_json(400, "The request holds text that is not valid Unicode (a lone surrogate)",
                          "Send UTF-8 text; nothing was changed.")

    @app.exception_handler(RequestValidationError)
    async def invalid(request, e: RequestValidationError):
        first = e.errors()[0] if e.errors() else {}
        if first.get("type") == "json_invalid":
            return error_json(422, "The request body is not valid JSON", "Send a JSON object; see /docs.")
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query", "path"))
        return error_json(422, f"Bad request: {where + ': ' if where else ''}{first.get('msg', 'invalid')}",
                          "See /docs for what this endpoint takes.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, e: StarletteHTTPException):
        if e.status_code == 404 and request.method == "GET" and not request.url.path.startswith("/api/") \
                and "text/html" in request.headers.get("accept", ""):
            return HTMLResponse(NOT_FOUND_PAGE, status_code=404)
        remedy = "See /docs for the endpoints." if e.status_code in (404, 405) else ""
        if e.status_code == 400 and str(e.detail) == "There was an error parsing the body":  # FastAPI's own words
            return error_json(400, "The request body could not be read (JSON nested too deeply, or a number of more"
                                   " than 4,300 digits)", "Send a plain JSON object; see /docs. Nothing was changed.")
        return error_json(e.status_code, str(e.detail), remedy, getattr(e, "headers", None))

    # -- capture ---------------------------------------------------------------------------------------
    def stored(fn):
        with write_lock():
            result = fn(mem())
        memories.stored(user())
        return result

    @app.post("/api/add", tags=["capture"], summary="Remember a text")
    def add(body: AddText) -> dict:
        """Store a text now; people, cues and embeddings follow in the background (see /api/status).
        Returns `Memory.add`'s result: `{"entry", "new", "passages", "words"}`."""
        return stored(lambda m: m.add(body.text, at=body.at, author=body.author, source=body.source))

    @app.post("/api/messages", tags=["capture"], summary="Remember a conversation as it happens")
    def messages(body: Messages) -> dict:
        """`Memory.add_messages`: the messages join the day's chat (one a day and `source`), searchable at once;
        people, relations and cues follow in the background. A message sent again is stored once. Returns
        `{"stored", "duplicates", "entries", "passages", "seconds"}`."""
        return stored(lambda m: m.add_messages([x.model_dump(exclude_none=True) for x in body.messages], me=body.me,
                                               at=body.at, source=body.source, author=body.author))

    @app.post("/api/import", tags=["capture"], status_code=202, summary="Import an uploaded file")
    def import_(file: UploadFile = File(description="The file: a text or Markdown note, a Day One export (.zip or .json),"
                                                   " a WhatsApp chat (.txt or .zip), a Telegram result.json, an .mbox or"
                                                   " .eml, JSONL or LoCoMo JSON."),
                format: str = Form("auto", description="auto (found from the file's name and first bytes), dayone, telegram,"
                                                      " whatsapp, email, locomo, jsonl, markdown or text."),
                author: str | None = Form(None), source: str | None = Form(None),
                me: str | None = Form(None, description="In chats, the speaker who is you.")) -> dict:
        """The whole file is checked first: a bad line is a 400 and nothing is stored. Then it is stored in
        the background; follow it at `/api/import/{job}`."""
        entries, records = parse_upload(format, file.file.read(), file.filename, author=author, source=source, me=me,
                                        order=mem().date_order(), spool=spool)
        if not entries and not records:
            raise EmptyInput(f"{Path(file.filename or 'upload').name} holds no entries", "Check the file and format.")
        job, who, lock = Job(len(entries), sum(e.words for e in entries), user=user()), user(), write_lock()
        while len(jobs) >= 100:
            jobs.pop(next(iter(jobs)))
        jobs[job.id] = job

        def progress(n):
            job.done += n

        def run():
            try:
                with Memory(memories.path(who), derive=False, key=memories.key) as memory:
                    with lock:
                        result = memory.add_entries(entries, progress=progress, records=records)
                job.entries = [r["entry"] for r in result.pop("results") if r["new"]]
                job.stored_at = time.monotonic()
                job.result, job.state = result, "done"
            except RemembrancerError as e:
                job.error, job.state = {"error": str(e), "remedy": e.remedy}, "failed"
            except Exception as e:  # noqa: BLE001
                log.error("Error: import failed: %s: %s", type(e).__name__, e)
                job.error, job.state = {"error": "The import failed inside remembrancer",
                                        "remedy": "Nothing of it was half-stored: try again."}, "failed"
            memories.stored(who)

        threading.Thread(target=run, name=f"remembrancer-import-{job.id}", daemon=True).start()
        return job.as_dict()

    @app.get("/api/import/{job}", tags=["capture"], summary="How an import is going")
    def import_progress(job: str) -> dict:
        """`{"job", "state": storing|done|failed, "done", "total", "progress"}`, with `result` (as
        `Memory.add_entries` without its per-entry list) once stored, or `error` and `remedy` when it failed.
        `progress` is the one bar of the whole import: `{"stage": storing|understanding|understood|stored|failed,
        "percent", "seconds_left"}`; the entries are being understood until the stage is "understood"."""
        if job not in jobs:
            raise NotFound(f"No import {job!r}", "Imports are kept until the server restarts.")
        if jobs[job].user != user():
            raise NotFound(f"No import {job!r} for this user", "Name the user the import was for (?user=).")
        return jobs[job].as_dict(mem(), deriving=memories.understand)

    @app.get("/api/status", tags=["store"], summary="Entries still being understood")
    def status() -> dict:
        """`{"pending": {processor: entries not yet processed}, "deriving", "failed": [{"entry", "processor", "error",
        "at", ...}]}`: pending 0 everywhere once all is understood; `failed`, the entries that could not be (they
        stay stored and searchable, and are tried again after an upgrade or a reindex)."""
        return {"pending": mem().pending_counts(exact=True), "deriving": memories.understand, "failed": mem().failures()}

    @app.get("/api/stats", tags=["store"], summary="How much is remembered")
    def stats() -> dict:
        return mem().stats()

    @app.get("/api/export", tags=["store"], summary="Every entry, word for word")
    def export(format: str = Query("jsonl", description="jsonl or markdown")) -> Response:
        media = "application/x-ndjson" if format == "jsonl" else "text/markdown"
        body = "".join(mem().export(format))
        name = f"memories.{'jsonl' if format == 'jsonl' else 'md'}"
        return Response(body, media_type=f"{media}; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    # -- recall ------------------------------------------------------------------------------------------
    @app.get("/api/search", tags=["recall"], summary="Passages by their words (BM25)")
    def search(q: str = Query(description="Any words."), limit: int = Query(10, ge=1, le=100)) -> list[dict]:
        return mem().search(q, limit=limit)

    @app.get("/api/ask", tags=["recall"], summary="Passages answering a question")
    def ask(q: str = Query(description="A question.", examples=["What did Ianto say about coffee?"]),
            limit: int = Query(10, ge=1, le=100)) -> dict:
        """`Memory.ask`: `{"question", "passages", "people", "times", "facts", "unknown"}` (`unknown`: names in the question no passage holds)."""
        return mem().ask(q, limit=limit)

    @app.get("/api/recall", tags=["recall"], summary="Who and what a cue brings back, and why")
    def recall(cue: str = Query(examples=["coffee"]), limit: int = Query(10, ge=1, le=100)) -> dict:
        """`Memory.recall`: `{"cue", "people", "things", "passages"}`, each person with `why` and `evidence`."""
        return mem().recall(cue, limit=limit)

    @app.get("/api/timeline", tags=["recall"], summary="What happened, in the order it happened")
    def timeline(start: str | None = Query(None, alias="from", description="From this date (inclusive)."),
                 end: str | None = Query(None, alias="to", description="Up to this date (exclusive)."),
                 person: str | None = Query(None, description="Only what involves this person."),
                 limit: int = Query(200, ge=1, le=1000, description="At most this many, the earliest first.")) -> list[dict]:
        return mem().timeline(start, end, person, limit=limit)

    @app.get("/api/on-this-day", tags=["recall"], summary="This day of the year, in other years")
    def on_this_day(date: str | None = Query(None, description="The day (default: today).")) -> list[dict]:
        return mem().on_this_day(date)

    # -- people ------------------------------------------------------------------------------------------
    @app.get("/api/people", tags=["people"], summary="Everyone mentioned")
    def people(kind: str | None = Query("person", description="person (the default), pet, place, thing, other, or all."),
               everyone: bool = Query(False, alias="all", description="Also the names read too unsurely to list (`sure` below people.LISTED).")) -> list[dict]:
        return mem().people(None if kind == "all" else kind, everyone=everyone)

    @app.get("/api/graph", tags=["people"], summary="The people as a graph: relations, and who appears together")
    def graph(limit: int = Query(40, ge=1, le=200, description="The most mentioned people to include."),
              focus: str | None = Query(None, description="One person: them and the people most tied to them.")) -> dict:
        """`{"people": [{"name", "mentions", "owner"}], "relations": [{"a", "b", "relation", "group"}] (a is the relation
        of b; group: family, partner, friend, work, home or other), "together": [{"a", "b", "passages"}], "focus",
        "total"}`: pairs named in the same passages, and how many; `total`, how many people there are."""
        return mem().graph(limit, focus)

    @app.get("/api/people/{name:path}", tags=["people"], summary="One person, by any of their names")
    def person(name: str, now: str | None = Query(None, description="The date the chance of recall is for.")) -> dict:
        """`Memory.person`: aliases, relations, cues with their evidence, events, feelings, passages, and
        `strength` (predicted recall now, next review)."""
        return mem().person(name, now=now)

    @app.post("/api/people/{name:path}/hide", tags=["people"], summary="Never bring this person back (or allow it again)")
    def hide(name: str, hidden: bool = Body(True, embed=True), now: str | None = Body(None, embed=True)) -> dict:
        """`Memory.hide`: nothing is deleted; the person is left out of fading, review and on-this-day."""
        return stored(lambda m: m.hide(name, hidden, now))

    @app.post("/api/people/{name:path}/merge", tags=["people"], summary="Say that another name is this same person")
    def merge(name: str, other: str = Body(embed=True, description="A name of the person to join to this one.")) -> dict:
        """`Memory.merge_people`: the two are one person from now on, kept across re-extraction. Returns the page."""
        return stored(lambda m: m.merge_people(name, other))

    @app.post("/api/people/{name:path}/split", tags=["people"], summary="Say that one of this person's names is someone else")
    def split(name: str, alias: str = Body(embed=True, description="One of the person's other names.")) -> dict:
        """`Memory.split_person`: that name becomes a person of its own, kept across re-extraction.
        Returns `{"person", "split"}`, the two pages."""
        return stored(lambda m: m.split_person(name, alias))

    entry_routes(app, mem, stored)
    # -- the owner's corrections (remembrancer/people.py) -------------------------------------------------
    # Each is a statement kept with when it was made, applied over what was extracted and kept across
    # re-extraction; each returns {"correction": the statement, "person": the page}; POST /api/corrections/{id}/undo
    # takes one back.
    @app.post("/api/people/{name:path}/rename", tags=["corrections"], summary="Say what this person is called")
    def rename(name: str, new: str = Body(embed=True, description="The name they go by.")) -> dict:
        """`Memory.rename`: the old name stays one of theirs."""
        return stored(lambda m: m.rename(name, new))

    @app.post("/api/people/{name:path}/kind", tags=["corrections"], summary="Say what a name is: a person, or a pet, a place ...")
    def set_kind(name: str, kind: str = Body(embed=True, description="person, pet, place, thing or other.")) -> dict:
        """`Memory.set_kind`: a name that is not a person leaves the people list, fading, review and the graph, and stays a cue."""
        return stored(lambda m: m.set_kind(name, kind))

    @app.post("/api/people/{name:path}/relate", tags=["corrections"], summary="Say this person is the RELATION of another")
    def relate(name: str, relation: str = Body(embed=True, examples=["husband"]),
               other: str = Body(embed=True, description="The other person (\"me\": you)."),
               instead: str | None = Body(None, embed=True, description="A relation shown now between them that this replaces.")) -> dict:
        """`Memory.relate`: NAME is the RELATION of OTHER; OTHER's page shows it from their side."""
        return stored(lambda m: m.relate(name, relation, other, instead))

    @app.post("/api/people/{name:path}/unrelate", tags=["corrections"], summary="Say this person is not the RELATION of another")
    def unrelate(name: str, relation: str = Body(embed=True), other: str = Body(embed=True)) -> dict:
        """`Memory.unrelate`: the tie goes, and the same tie told the other way with it."""
        return stored(lambda m: m.unrelate(name, relation, other))

    @app.post("/api/people/{name:path}/born", tags=["corrections"], summary="Give the date this person was born")
    def born(name: str, date: str = Body(embed=True, description="A day, a month (\"March 1987\") or a year.")) -> dict:
        """`Memory.set_birthday`."""
        return stored(lambda m: m.set_birthday(name, date))

    @app.post("/api/people/{name:path}/died", tags=["corrections"], summary="Give the date this person died")
    def died(name: str, date: str = Body(embed=True, description="A day, a month (\"March 1987\") or a year.")) -> dict:
        """`Memory.set_death`: the deaths read for them give way to it."""
        return stored(lambda m: m.set_death(name, date))

    @app.post("/api/people/{name:path}/events/untrue", tags=["corrections"], summary="Say an event read about this person did not happen")
    def event_untrue(name: str, kind: str = Body(embed=True, examples=["death"]),
                     event: StrictInt | None = Body(None, embed=True, description="One event's id (from the page); else every one of that kind.")) -> dict:
        """`Memory.event_untrue`: never shown as a fact again."""
        return stored(lambda m: m.event_untrue(name, kind, event))

    @app.post("/api/people/{name:path}/events/date", tags=["corrections"], summary="Say when an event read about this person happened")
    def event_date(name: str, kind: str = Body(embed=True, examples=["death"]), date: str = Body(embed=True),
                   event: StrictInt | None = Body(None, embed=True, description="One event's id (from the page); else every one of that kind.")) -> dict:
        """`Memory.redate_event`."""
        return stored(lambda m: m.redate_event(name, kind, date, event))

    @app.get("/api/corrections", tags=["corrections"], summary="Every correction made, newest first")
    def corrections(person: str | None = Query(None, description="Only those about this person.")) -> list[dict]:
        """`Memory.corrections`: each with `said` (in words), `at`, `undone`, and `holds` (what it is about is found now)."""
        return mem().corrections(person)

    @app.post("/api/corrections/{correction}/undo", tags=["corrections"], summary="Take a correction back")
    def undo(correction: int) -> dict:
        """`Memory.undo`: kept, marked undone. Undoing a merge, split or rename reads their entries again (seconds)."""
        return stored(lambda m: m.undo(correction))

    @app.get("/api/names", tags=["people"], summary="The people named in passages")
    def names_in(passages: str = Query(description="Passage ids, comma-separated.", examples=["1,2,3"])) -> dict:
        """`Memory.names_in`: `{passage: [{"start", "end", "name"}]}`, offsets into each passage's text."""
        ids = [p for p in passages.split(",") if p.strip()]
        if not all(p.strip().isdigit() for p in ids) or len(ids) > 1000:
            raise BadInput("passages must be up to 1,000 passage ids, comma-separated", "For example: ?passages=1,2,3")
        return mem().names_in(int(p) for p in ids)

    # -- forgetting ----------------------------------------------------------------------------------------
    @app.get("/api/fading", tags=["forgetting"], summary="What you are about to forget")
    def fading(now: str | None = Query(None, description="Act as if it were this date."),
               limit: int = Query(10, ge=1, le=100)) -> list[dict]:
        return mem().fading(now=now, limit=limit)

    @app.get("/api/review", tags=["forgetting"], summary="The next item to review")
    def review_next(now: str | None = Query(None, description="Act as if it were this date.")) -> dict | None:
        """`Memory.review_next`: an item, or null when there is nothing to review."""
        return mem().review_next(now)

    @app.post("/api/review", tags=["forgetting"], summary="Answer a review item")
    def review_answer(answer: Answer) -> dict:
        """`Memory.review_answer`: FSRS schedules the next review of the item."""
        return stored(lambda m: m.review_answer(answer.item, answer.rating, answer.now))

    # -- pages -------------------------------------------------------------------------------------------
    for route, page in PAGES.items():
        app.add_api_route(route, _page(page), methods=["GET"], include_in_schema=False)
    app.add_api_route("/person/{name:path}", _person_page, methods=["GET"], include_in_schema=False)
    app.add_api_route("/entry/{entry_id}", _page("entry.html"), methods=["GET"], include_in_schema=False)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    app.add_middleware(Guard, token_digest=digest)
    return app


def entry_routes(app: FastAPI, mem, stored):
    """The entries, the owner's to change: read, edit, re-date, to the trash and back, erase (`Memory` calls)."""

    @app.get("/api/entries/{entry_id}", tags=["entries"], summary="One entry as it is now")
    def entry(entry_id: int) -> dict:
        """`Memory.entry`: its text, dates, passages (in the trash: those set aside), the people read in it,
        `versions` (how many earlier ones) and `deleted` (in the trash since, or null)."""
        return mem().entry(entry_id)

    @app.put("/api/entries/{entry_id}", tags=["entries"], summary="Change an entry's words or date")
    def edit(entry_id: int, change: EntryChange) -> dict:
        """`Memory.edit`: `text` for a text entry, `turns` for a chat, and/or `at`; the entry as it was is
        kept as a version and it is read again in the background. Returns `{"entry", "changed", "version",
        "passages", "words", "at"}`."""
        turns = [t.model_dump() for t in change.turns] if change.turns is not None else None
        return stored(lambda m: m.edit(entry_id, change.text, turns=turns, at=change.at))

    @app.delete("/api/entries/{entry_id}", tags=["entries"], summary="Move an entry to the trash")
    def delete(entry_id: int) -> dict:
        """`Memory.delete`: it leaves search, recall, people, the timeline and review until restored.
        Returns `{"entry", "deleted", "changed"}` (`changed` false: it was in the trash already)."""
        return stored(lambda m: m.delete(entry_id))

    @app.post("/api/entries/{entry_id}/restore", tags=["entries"], summary="Bring an entry back from the trash")
    def restore(entry_id: int) -> dict:
        """`Memory.restore`: back whole, and read again in the background."""
        return stored(lambda m: m.restore(entry_id))

    @app.get("/api/entries/{entry_id}/history", tags=["entries"], summary="Every version of an entry")
    def history(entry_id: int) -> list[dict]:
        """`Memory.history`: the first as given to the one now, each with `from`, `until` and what `changed`."""
        return mem().history(entry_id)

    @app.post("/api/entries/{entry_id}/purge", tags=["entries"], summary="Erase an entry and its versions for good")
    def purge(entry_id: int, body: Purge | None = None) -> dict:
        """`Memory.purge`: only with `{"confirm": true}`. Nothing of it is left in the store; backups and
        exports made before still hold it."""
        return stored(lambda m: m.purge(entry_id, confirm=body.confirm if body else False))

    @app.get("/api/trash", tags=["entries"], summary="The entries in the trash")
    def trash() -> list[dict]:
        """`Memory.trash`: the most recently deleted first."""
        return mem().trash()


def _page(name: str):
    def page(request: Request) -> FileResponse:
        return FileResponse(WEB / name, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"})

    return page


BAD_NAME_PAGE = ("<!doctype html><html lang=en><meta charset=utf-8><title>Not a name · remembrancer</title>"
                 "<link rel=icon href=\"data:,\"><link rel=stylesheet href=/static/app.css><script src=/static/app.js defer></script>"
                 "<main><h1>That address names no one</h1><p class=hint>Its end is not a name written in letters"
                 " (a link cut short?). Find the person on <a href=/people>People</a>.</p></main></html>")
_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def _person_page(request: Request, name: str) -> Response:
    """The person page; an address whose name is not valid percent-encoded UTF-8 ("/person/%E0%A4%A", which
    the page's script cannot read back) gets a page that says so, not a blank one."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    try:
        if _ESCAPE.search(raw):
            raise ValueError("a % not followed by two hex digits")
        urllib.parse.unquote_to_bytes(raw.decode("ascii")).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return HTMLResponse(BAD_NAME_PAGE, status_code=404)
    return _page("person.html")(request)


def _version() -> str:
    return __version__


def render_docs(spec: dict) -> str:
    """The API reference as one plain page, from the OpenAPI document (no script, nothing fetched)."""
    e = html.escape
    out = [f"<!doctype html><html lang=en><meta charset=utf-8>{VIEWPORT}<title>remembrancer API</title><link rel=icon href=\"data:,\">"
           f"<link rel=stylesheet href=/static/app.css><main class=docs><h1>{e(spec['info']['title'])} API "
           f"{e(spec['info']['version'])}</h1><p>{e(spec['info'].get('description', ''))}</p>"
           f"<p>Machine-readable: <a href=/openapi.json>/openapi.json</a> (OpenAPI {e(spec['openapi'])}).</p>"]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            out.append(f"<section class=op><h2><code>{e(method.upper())} {e(path)}</code> {e(op.get('summary', ''))}</h2>")
            if op.get("description"):
                out.append(f"<p>{e(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<ul>")
                for p in params:
                    kind = p.get("schema", {}).get("type", "")
                    out.append(f"<li><code>{e(p['name'])}</code> ({e(p['in'])}{', ' + e(kind) if kind else ''}"
                               f"{', required' if p.get('required') else ''}) {e(p.get('description', ''))}</li>")
                out.append("</ul>")
            body = op.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                ref = content.get("schema", {}).get("$ref", "")
                schema = spec.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {}) if ref else {}
                fields = ", ".join(f"<code>{e(k)}</code>" + ("*" if k in schema.get("required", []) else "")
                                   for k in schema.get("properties", {}))
                out.append(f"<p>Body: {e(media)}{': ' + fields if fields else ''}</p>")
            out.append("</section>")
    out.append("</main></html>")
    return "".join(out)


def serve(db_path, host: str = "127.0.0.1", port: int = 8765, echo=print, as_json: bool = False,
          new_token: bool = False, folder=None, key: str | None = None, warm: float = 0.0):
    """Run the app under uvicorn until interrupted (over a store per user in `folder`, if given). Any address
    other than loopback needs the token (`new_token`: replace it, when it was lost; the old one stops working).
    `key`: the key of an encrypted store (with `folder`: of every user's store). `warm`: see `create_app`."""
    import uvicorn

    sock = listening(host, port)  # before anything is said: a port in use is an error, not "remembrancer on ..."
    port = sock.getsockname()[1]  # --port 0: the one the system gave
    require = not is_loopback(host)
    token = None
    if require or new_token:
        if folder is not None:
            if not is_url(str(folder)):
                private_folder(Path(folder))
            token = ensure_folder_token(folder, new=new_token)
        else:
            with Memory(db_path, derive=False, key=key) as memory:
                token = ensure_token(memory, new=new_token)
    app = create_app(None if folder is not None else db_path, folder=folder, require_token=require, key=key, warm=warm)
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    if as_json:
        echo(json.dumps({"url": url, "mcp": f"{url}mcp", "token": token, "token_required": require}))
    else:
        if token:
            echo(f"Token (shown this once; only its hash is kept): {token}")
            echo(f"Open {url}?token={token} on the devices you trust.")
        elif require:
            echo("Every request needs the token shown when this store was first served (lost: serve --new-token).")
        echo(f"remembrancer on {url}  (API reference at {url}docs; MCP at {url}mcp; Ctrl+C stops)")
    # Plain lines on standard error, in place of the handler the MCP library installs: one that imports as it
    # writes cannot write when held connections have taken every file (it filled the log with tracebacks).
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr, force=True)
    logging.getLogger("asyncio").addFilter(_OncePerMinute())
    connections = _room_for_connections()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False, date_header=False,
                            http=guarded_protocol(connections), limit_concurrency=connections + 1,
                            timeout_keep_alive=KEEP_ALIVE, h11_max_incomplete_event_size=MAX_HEADERS,
                            timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops on Ctrl-C, then raises it again: it is how it ends, not an error
        pass
    if app.state.memories.unfinished:
        # Still in the middle of a batch: end now, as after a kill, which loses nothing written (the batch is
        # one transaction, understood again at the next start). Letting the interpreter end around
        # onnxruntime's or spaCy's running threads aborted the process (SIGABRT).
        log.warning("Stopped in the middle of understanding an entry: it is understood at the next start.")
        logging.shutdown()
        sys.stdout.flush()
        os._exit(0)


# -- connections ---------------------------------------------------------------------------------------
# Connections that are opened and held without a request (a slow or hostile client, a thousand of them)
# must not use up the process's files, nor flood the log: each has HEADER_TIMEOUT to send a request's
# headers, and past the room there is, the one waiting longest without a request makes way for the new one.
HEADER_TIMEOUT = 10.0  # seconds from connecting (or from the last answer) to a request's headers
KEEP_ALIVE = 5  # seconds an idle kept-alive connection stays open (uvicorn's timeout_keep_alive)
MAX_HEADERS = 16 * 1024  # bytes of request line and headers (h11's incomplete-event limit)
SPARE_FILES = 64  # open files kept for the store, its WAL, the models and the log


def _room_for_connections() -> int:
    """As many open files as the system allows this process (the soft limit raised to the hard one, at most
    65,536), less SPARE_FILES: the most connections held at once."""
    try:
        import resource
    except ImportError:  # not on this system: uvicorn's defaults
        return 1000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 65_536 if hard == resource.RLIM_INFINITY else min(hard, 65_536)
    if soft != resource.RLIM_INFINITY and soft < want:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
            soft = want
    soft = 65_536 if soft == resource.RLIM_INFINITY else soft
    return max(16, soft - SPARE_FILES)


def guarded_protocol(max_connections: int):
    """uvicorn's HTTP/1.1 protocol, closing connections that hold on without sending a request."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedProtocol(H11Protocol):
        def connection_made(self, transport):
            super().connection_made(transport)
            self._deadline = None
            self._arm()
            if len(self.connections) > max_connections:
                waiting = [c for c in self.connections if c is not self and getattr(c, "_waiting", lambda: False)()]
                if waiting:
                    min(waiting, key=lambda c: c._since).transport.close()

        def on_response_complete(self):
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc):
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

        def _arm(self):
            self._cycle, self._since = self.cycle, self.loop.time()
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline = self.loop.call_later(HEADER_TIMEOUT, self._expire)

        def _waiting(self) -> bool:
            """No request begun since connecting or since the last answer."""
            return (self.cycle is self._cycle and (self.cycle is None or self.cycle.response_complete)
                    and not self.transport.is_closing())

        def _expire(self):
            if self._waiting():
                self.transport.close()

    return GuardedProtocol


class _OncePerMinute(logging.Filter):
    """asyncio logs a traceback each time accept() finds no file left (every second, per held connection):
    one line a minute says it."""

    def __init__(self):
        super().__init__()
        self.last = 0.0

    def filter(self, record):
        if "out of system resource" not in record.getMessage():
            return True
        now = time.monotonic()
        if now - self.last < 60:
            return False
        self.last = now
        record.msg, record.args, record.exc_info, record.exc_text = (
            "Warning: too many connections at once; new ones wait until held ones are closed", None, None, None)
        return True


def listening(host: str, port: int):
    """A socket bound to host:port (uvicorn listens on it), or a one-line error saying why not."""
    import errno
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror:
        raise BadInput(f"No such address to listen on: {host!r}", "Give --host 127.0.0.1, or this machine's address.") from None
    # IPPROTO_TCP named, so that asyncio sets TCP_NODELAY on every accepted connection: with proto 0 it
    # does not, and each response on a kept-alive connection waits 40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise BadInput(f"Port {port} on {host} is in use (by another remembrancer serve?)",
                           f"Stop that one, or give another port: --port {port + 1 if port < 65535 else 8765}.") from None
        raise BadInput(f"Cannot listen on {host}:{port}: {e.strerror}", "Give another --host or --port.") from None
    return sock
