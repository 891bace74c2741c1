"""Reading what people give us: texts, files, chats, and the formats we import.

Everything here is pure: it turns input into `Entry` objects and passages, or raises a typed
error. Nothing is stored until the whole input has been read and checked.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import dates
from .errors import BadEncoding, BadFormat, BadInput, BinaryInput, EmptyInput, NotFound, RemembrancerError, UnknownFormat

MAX_ENTRY_CHARS = 10_000_000
PASSAGE_CHARS = 500  # a passage grows sentence by sentence up to about this size
PASSAGE_SENTENCES = 4


@dataclass
class Turn:
    speaker: str | None
    text: str
    ref: str | None = None


@dataclass
class Entry:
    text: str
    at: str | None = None
    author: str | None = None
    source: str | None = None
    kind: str = "text"
    meta: dict = field(default_factory=dict)
    passages: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)  # start, end, speaker, ref

    @cached_property  # counted once: a batch asks three times
    def words(self) -> int:
        return len(self.text.split())


_PARAGRAPH = re.compile(r"\n(?:[ \t\r]*\n)+")  # \r: Windows line endings
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+|\n")  # group 1: closing quotes stay with their sentence


def prose_passages(text: str) -> list[tuple[int, int, None, None]]:
    """Sentences grouped into short paragraphs, never across a blank line."""
    out = []
    pos = 0
    for para in _PARAGRAPH.split(text) if "\n" in text else [text]:
        start = text.index(para, pos)
        pos = start + len(para)
        group_start = None
        count = 0
        cursor = start
        for m in _SENTENCE_END.finditer(para):
            end = start + (m.end(1) if m.group(1) is not None else m.start())
            if not text[cursor:end].strip():
                cursor = start + m.end()
                continue
            if group_start is None:
                group_start = cursor
            count += 1
            if count >= PASSAGE_SENTENCES or end - group_start >= PASSAGE_CHARS:
                out.append(_trimmed(text, group_start, end))
                group_start, count = None, 0
            cursor = start + m.end()
        end = start + len(para)
        if text[cursor:end].strip():
            if group_start is None:
                group_start = cursor
            out.append(_trimmed(text, group_start, end))
        elif group_start is not None:
            out.append(_trimmed(text, group_start, cursor))
    return [piece for p in out if p[1] > p[0] for piece in _cut_long(text, p[0], p[1])]


_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def _cut_long(text, start, end):
    """A run with no sentence ends (a transcript, a pasted list) cut at spaces into passages of about PASSAGE_CHARS."""
    while end - start > 2 * PASSAGE_CHARS:
        space = _LAST_SPACE.search(text, start + PASSAGE_CHARS // 2, start + PASSAGE_CHARS)
        cut = space.start() if space else start + PASSAGE_CHARS  # no space at all (CJK): cut anyway
        piece = _trimmed(text, start, cut)
        if piece[1] > piece[0]:
            yield piece
        start = cut
    piece = _trimmed(text, start, end)
    if piece[1] > piece[0]:
        yield piece


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, None, None)


def text_entry(text, *, at=None, author=None, source=None, default_at=None) -> Entry:
    """A piece of prose: a journal entry, a letter, a story, a note.

    Undated, it is dated from its front matter or a leading date line, else `default_at`, else now.
    """
    check_text(text)
    check_unicode(author, "The author")
    check_unicode(source, "The source")
    entry = Entry(text=text, at=at, author=author, source=source)
    # Front matter and a date line heading the text say when, not what: they make no passage.
    front = _FRONT.match(text)
    body = front.end() if front else 0
    written = dates.leading_date(text[body:])
    if written:
        first_line = len(text) - len(text[body:].lstrip())
        newline = text.find("\n", first_line)
        body = newline + 1 if newline >= 0 else body
    if entry.at is None:
        entry.at = front_matter_date(text) or written or default_at or dates.now()
    entry.passages = [(s + body, e + body, None, None) for s, e, _, _ in prose_passages(text[body:])]
    if not entry.passages:  # a text that is only a date is still kept, as one passage
        entry.passages = prose_passages(text)
    return entry


def chat_entry(turns: list[Turn], *, at=None, author=None, source=None, meta=None, me=None) -> Entry:
    """A conversation: one passage per turn, with its speaker and its original id as `ref`; `me` is the
    speaker who is the owner (their "I" is yours, their "Mum" your mother), kept in the entry's meta."""
    if not turns:
        raise EmptyInput("The conversation has no turns")
    for i, turn in enumerate(turns, 1):
        if not isinstance(turn.text, str):
            raise BadFormat(f"Turn {i}'s text must be a string, not {dates._kind(turn.text)}")
        for key in ("speaker", "ref"):
            if getattr(turn, key) is not None and not isinstance(getattr(turn, key), str):
                raise BadFormat(f"Turn {i}'s {key} must be a string or None, not {dates._kind(getattr(turn, key))}")
    if me is not None:
        speakers = sorted({t.speaker for t in turns if t.speaker})
        if me not in speakers:
            raise BadFormat(f"{me!r} does not speak in this conversation (its speakers: {', '.join(speakers) or 'none'})")
        meta = dict(meta or {}, me=me)
    parts, passages, pos = [], [], 0
    for turn in turns:
        prefix = f"{turn.speaker}: " if turn.speaker else ""
        line = prefix + turn.text
        passages.append((pos + len(prefix), pos + len(line), turn.speaker, turn.ref))
        parts.append(line)
        pos += len(line) + 1
    text = "\n".join(parts)
    check_text(text)
    check_unicode(author, "The author")
    check_unicode(source, "The source")
    # An empty turn keeps its (empty) passage, so that an export gives back every turn.
    return Entry(text=text, at=at, author=author, source=source, kind="chat", meta=meta or {}, passages=passages)


def check_text(text):
    if not isinstance(text, str):
        raise BadFormat(f"Expected text, got {type(text).__name__}")
    if not text.strip():
        raise EmptyInput("The text is empty")
    check_unicode(text, "The text")
    if "\x00" in text:
        raise BinaryInput("The text contains NUL bytes, so it looks binary")
    if len(text) > MAX_ENTRY_CHARS:
        raise BadFormat(f"The text is {len(text):,} characters; the most one entry can hold is {MAX_ENTRY_CHARS:,}",
                        "Split it into several entries.")


def check_unicode(text: str | None, what: str):
    """Text that cannot be stored as UTF-8 (a lone surrogate, as from undecodable bytes or "\\ud800" in JSON)."""
    if text is not None and not isinstance(text, str):
        raise BadFormat(f"{what} must be text, not {dates._kind(text)}")
    try:
        (text or "").encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadEncoding(f"{what} is not valid Unicode (character {e.start + 1} is a lone surrogate)",
                          "Send UTF-8 text; nothing was stored.") from None


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: the same first bytes
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 or UTF-32 (by their BOM, or UTF-16 recognised by its
    zero bytes, as Windows' Notepad and PowerShell write it), or a typed error."""
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None) or _utf16_without_bom(data)
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError as e:
            raise BadEncoding(f"{name} is not valid {codec.upper()} (byte {e.start})") from None
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"{name} looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadEncoding(f"{name} is not valid UTF-8 (byte {e.start})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: mostly Latin text puts a zero byte beside each letter, on the same side."""
    head = data[:8192]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.4 * half and even == 0:
        return "utf-16-le"
    if even >= 0.4 * half and odd == 0:
        return "utf-16-be"
    return None


MAX_JSON_DEPTH = 100  # deeper nesting than any export or chat log has: refused before it is parsed


def load_json(text: str, where: str):
    """json.loads with typed errors, including for what Python's parser cannot take: nesting deeper than
    MAX_JSON_DEPTH (it would overflow the stack) and integers of more than 4,300 digits."""
    if _too_deep(text):
        raise BadFormat(f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BadFormat(f"{where}: malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    except (ValueError, RecursionError) as e:  # a number too long to read
        what = "a number of more than 4,300 digits" if "digits" in str(e) else str(e)
        raise BadFormat(f"{where}: JSON that cannot be read: it holds {what}") from None


_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"')


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for m in _BRACKETS.finditer(text):  # strings skipped: a bracket inside one is text
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif c in "]}":
            depth -= 1
    return False


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.S)


def front_matter_date(text: str) -> str | None:
    m = _FRONT.match(text)
    if not m:
        return None
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in ("date", "created", "at") and value.strip():
            try:
                return dates.parse(value.strip().strip("'\""))
            except Exception:
                return None
    return None


TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


def files(paths) -> list[Path]:
    """Expand files and folders (recursively: .txt and .md) in a stable order."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                raise NotFound(f"No .txt or .md files in {raw}", "Give a folder holding .txt or .md files; nothing was stored.")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise NotFound(f"No such file or folder: {raw}")
    return out


def file_entry(path: Path, *, at=None, author=None, source=None) -> Entry:
    text = decode(path.read_bytes(), str(path))
    mtime = dates.to_iso(dt.datetime.fromtimestamp(os.path.getmtime(path)))
    return text_entry(text, at=at, author=author, source=source or str(path), default_at=mtime)


def read_bytes(path, data: bytes | None = None) -> bytes:
    """The file's bytes; or `data`, when given, read from elsewhere (an upload) and named `path` in messages."""
    if data is not None:
        return data
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"No such file: {path}")
    return path.read_bytes()


def read_json_file(path, data: bytes | None = None) -> object:
    return load_json(decode(read_bytes(path, data), str(path)), str(path))


def locomo_entries(path, *, author=None, me=None, data: bytes | None = None) -> list[Entry]:
    """The LoCoMo format: each session of each conversation is one chat entry (`me`: the speaker who is
    the owner, in the sessions where they speak)."""
    data = read_json_file(path, data)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise BadFormat(f"{path}: expected a list of LoCoMo conversations")
    out = []
    for i, sample in enumerate(data):
        conv = sample.get("conversation") if isinstance(sample, dict) else None
        if not isinstance(conv, dict):
            raise BadFormat(f"{path}: conversation {i + 1} has no 'conversation' object")
        name = sample.get("sample_id") if isinstance(sample.get("sample_id"), str) and sample["sample_id"] else f"conversation-{i + 1}"
        sessions = sorted(
            (int(k.split("_")[1]), k) for k in conv if re.fullmatch(r"session_\d+", k) and isinstance(conv[k], list)
        )
        for n, key in sessions:
            when = conv.get(f"{key}_date_time")
            at = None
            if when:
                try:
                    at = dates.parse(when)
                except Exception:
                    raise BadFormat(f"{path}: {name} {key}_date_time is not a date: {when!r}") from None
            turns = []
            for j, t in enumerate(conv[key]):
                if not isinstance(t, dict) or not isinstance(t.get("text"), str):
                    raise BadFormat(f"{path}: {name} {key} turn {j + 1} has no text")
                for field_ in ("speaker", "dia_id", "blip_caption"):
                    if t.get(field_) is not None and not isinstance(t[field_], str):
                        raise BadFormat(f"{path}: {name} {key} turn {j + 1}: \"{field_}\" must be text (a string),"
                                        f" not {dates._kind(t[field_])}")
                text = t["text"]
                if t.get("blip_caption"):
                    text += f" [shares a photo: {t['blip_caption']}]"
                turns.append(Turn(t.get("speaker"), text, t.get("dia_id")))
            if not turns:
                continue
            meta = {"conversation": name, "session": n, "turns": conv[key]}
            mine = me if me is not None and any(t.speaker == me for t in turns) else None
            out.append(chat_entry(turns, at=at, author=author, source=f"locomo:{name}:{key}", meta=meta, me=mine))
    if not out:
        raise EmptyInput(f"{path} holds no sessions with turns (\"session_1\": [...] in a \"conversation\")",
                         "Check that it is a LoCoMo file (else import it as jsonl, or add it as text); nothing was stored.")
    return _spoken_by(out, me, path)


def jsonl_entries(path, *, author=None, source=None, me=None, data: bytes | None = None) -> list[Entry]:
    """One entry a line: {"text", "at", "author", "source"}; a chat: {"turns": [{"speaker", "text", "ref"}], "at",
    "me", ...}; or a chat log of one message a line, {"speaker", "text", "at"}, whose runs of lines make one
    chat a day (`me`: the speaker who is the owner, in the chats where they speak)."""
    text = decode(read_bytes(path, data), str(path))
    out, said = [], []  # said: the run of one-message lines not yet made a chat, as (line, object, at)

    def said_chat():
        if said:
            first = said[0][1]
            turns = [Turn(o["speaker"], o["text"], o.get("ref")) for _, o, _ in said]
            who = me if any(t.speaker == me for t in turns) else None
            out.append(chat_entry(turns, at=said[0][2], author=first.get("author") or author,
                                  source=first.get("source") or source, me=who))
            said.clear()

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        obj = load_json(line, f"{path} line {n}")
        if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(obj.get("turns"), list)):
            raise BadFormat(f"{path} line {n}: expected an object with a \"text\" string or a \"turns\" list")
        _check_fields(obj, f"{path} line {n}")
        try:
            at = dates.parse(obj["at"]) if obj.get("at") else None
            if isinstance(obj.get("speaker"), str) and not obj.get("turns"):  # one message of a chat log
                if said and (at or "")[:10] != (said[-1][2] or "")[:10]:
                    said_chat()  # a new day, a new chat
                said.append((n, obj, at))
                continue
            said_chat()
            kwargs = dict(at=at, author=obj.get("author") or author, source=obj.get("source") or source)
            if obj.get("turns"):  # a chat, as `export --format jsonl` writes it
                turns = [Turn(t.get("speaker"), t["text"], t.get("ref")) for t in obj["turns"]]
                # The line's own "me" (or its meta's, as `export` writes it), else the one given, where they speak.
                who = obj.get("me") or (obj.get("meta") or {}).get("me") or (me if any(t.speaker == me for t in turns) else None)
                entry = chat_entry(turns, meta=obj.get("meta") or {}, me=who, **kwargs)
            else:
                entry = text_entry(obj["text"], **kwargs)
        except RemembrancerError as e:  # empty, binary or a bad date
            raise BadFormat(f"{path} line {n}: {e}") from None
        out.append(entry)
    try:
        said_chat()
    except RemembrancerError as e:
        raise BadFormat(f"{path} line {said[0][0]}: {e}") from None
    if not out:
        raise EmptyInput(f"{path} holds no entries", "Give a file of one JSON object a line; nothing was stored.")
    return _spoken_by(out, me, path)


TEXT_FIELDS = ("at", "author", "source", "speaker", "ref", "me")  # text or null wherever they are given


def _check_fields(obj: dict, where: str):
    """Each field of a JSONL line, and of each of its turns, of the type it must have: a clear error naming
    the line and the field, not a failure further on (a "ref" object made the store look damaged)."""
    for key in TEXT_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise BadFormat(f"{where}: \"{key}\" must be text (a string) or null, not {dates._kind(obj[key])}")
    if obj.get("meta") is not None and not isinstance(obj["meta"], dict):
        raise BadFormat(f"{where}: \"meta\" must be an object, not {dates._kind(obj['meta'])}")
    for i, turn in enumerate(obj.get("turns") or (), 1):
        if not isinstance(turn, dict):
            raise BadFormat(f"{where}: turn {i} must be an object with a \"text\", not {dates._kind(turn)}")
        if not isinstance(turn.get("text"), str):
            raise BadFormat(f"{where}: turn {i} needs a \"text\" string" + (
                f", not {dates._kind(turn['text'])}" if turn.get("text") is not None else ""))
        for key in ("speaker", "ref"):
            if turn.get(key) is not None and not isinstance(turn[key], str):
                raise BadFormat(f"{where}: turn {i}'s \"{key}\" must be text (a string) or null, not {dates._kind(turn[key])}")


def _spoken_by(entries: list[Entry], me, path) -> list[Entry]:
    """The entries, if the owner named by `me` speaks in at least one of them (or none was named)."""
    if me is not None and not any(e.meta.get("me") == me for e in entries):
        speakers = sorted({p[2] for e in entries for p in e.passages if p[2]})
        raise BadInput(f"{path}: {me!r} speaks in none of its conversations",
                       f"Give --me one of its speakers ({', '.join(speakers) or 'it has none'}); nothing was stored.")
    return entries


def format_entries(fmt: str, path, *, author=None, source=None, me=None, data: bytes | None = None) -> list[Entry]:
    """The entries of a file in a known format: "locomo" (chats) or "jsonl"; `me`: the chat speaker who is you.
    `data`: the file's bytes, read already (an upload: no copy of it is written anywhere)."""
    if fmt == "locomo":
        return locomo_entries(path, author=author, me=me, data=data)
    if fmt == "jsonl":
        return jsonl_entries(path, author=author, source=source, me=me, data=data)
    raise UnknownFormat(f"Unknown format {fmt!r}: use locomo or jsonl")
