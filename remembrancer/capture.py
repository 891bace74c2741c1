"""Reading what people give us: texts, files, chats, and the formats we import.

Everything here is pure: it turns input into `Entry` objects and passages, or raises a typed
error. Nothing is stored until the whole input has been read and checked.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import dates
from .errors import (BadDate, BadEncoding, BadFormat, BadInput, BinaryInput, EmptyInput, NotFound, RemembrancerError,
                     UnknownFormat)

MAX_ENTRY_CHARS = 10_000_000
PASSAGE_CHARS = 500  # a passage grows sentence by sentence up to about this size
PASSAGE_SENTENCES = 4


@dataclass
class Turn:
    speaker: str | None
    text: str
    ref: str | None = None
    at: str | None = None  # when it was said, if the source says
    key: str | None = None  # its identity in the export it came from (see Entry.items)


@dataclass
class Entry:
    text: str
    at: str | None = None
    author: str | None = None
    source: str | None = None
    kind: str = "text"
    meta: dict = field(default_factory=dict)
    passages: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)  # start, end, speaker, ref
    # An imported item's identity in its export and a digest of what it said, (key, digest): one for a note,
    # one per turn of a chat built from messages (`turns`), so a later import stores only what is new.
    items: list[tuple[str, str]] = field(default_factory=list)
    turns: list[Turn] | None = None
    # What an export carries besides (see remembrancer/archive.py): the entry's own id and its passages' ids,
    # when it was added, when it went to the trash, and its earlier versions.
    id: int | None = None
    passage_ids: list[int] | None = None
    added: str | None = None
    deleted: str | None = None
    versions: list[dict] = field(default_factory=list)

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


def text_entry(text, *, at=None, author=None, source=None, day_first=None, meta=None) -> Entry:
    """A piece of prose: a journal entry, a letter, a story, a note.

    Undated, it is dated from its front matter or a date heading it (a year-less one in the last year it
    fell in), else now; `meta["dated"]` says which, unless `at` was given. (Files: `file_entries`.)
    """
    check_text(text)
    check_unicode(author, "The author")
    check_unicode(source, "The source")
    entry = Entry(text=text, at=at, author=author, source=source, meta=dict(meta or {}))
    # Front matter and a date line heading the text say when, not what: they make no passage.
    front = _FRONT.match(text)
    body = front.end() if front else 0
    head = dates.heading_date(text[body:])
    if entry.at is None:
        written = head[0].resolve(day_first, dt.date.today(), before=True) if head else None
        if (fm := front_matter_date(text, day_first)):
            entry.at, entry.meta["dated"] = fm, "front matter"
        elif written:
            entry.at, entry.meta["dated"] = written[0], "text"
            if written[1]:
                entry.meta["year"] = "weekday" if written[1] == "weekday" else "today"
        else:
            entry.at, entry.meta["dated"] = dates.now(), "today"
    if head and head[1]:
        body += head[1]
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
        if speaker_named(turns, me) is None:
            raise BadFormat(f"{me!r} does not speak in this conversation (its speakers: {', '.join(speakers) or 'none'})")
        meta = dict(meta or {}, me=speaker_named(turns, me))
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
    items = [(t.key, digest(f"{t.speaker}\0{t.text}")) for t in turns] if all(t.key for t in turns) else []
    return Entry(text=text, at=at, author=author, source=source, kind="chat", meta=meta or {}, passages=passages,
                 items=items, turns=list(turns))


def speaker_named(turns, me) -> str | None:
    """The speaker of these turns who is `me`, as the turns write the name; the two compared in one Unicode form
    (NFC), so that "Zoë" typed as one character is the "Zoë" an export wrote with a combining mark. None: no one."""
    if me is None:
        return None
    if any(t.speaker == me for t in turns):
        return me
    wanted = unicodedata.normalize("NFC", me)
    return next((t.speaker for t in turns if t.speaker and unicodedata.normalize("NFC", t.speaker) == wanted), None)


def digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


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


def front_matter(text: str) -> dict:
    """The simple YAML front matter of a Markdown note: `key: value`, `key: [a, b]` and `key:` followed by
    `- item` lines; values are strings or lists of strings (quotes taken off)."""
    m = _FRONT.match(text)
    if not m:
        return {}
    out, key = {}, None
    for line in m.group(1).splitlines():
        item = re.match(r"^\s+-\s*(.*)$|^-\s+(.*)$", line)
        if item and key is not None:
            value = _unquote(item.group(1) if item.group(1) is not None else item.group(2))
            out[key] = (out[key] if isinstance(out[key], list) else []) + ([value] if value else [])
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or name[:1].isspace():
            continue
        key, value = name.strip().lower(), value.strip()
        if value.startswith("[") and value.endswith("]"):
            out[key] = [_unquote(v) for v in value[1:-1].split(",") if _unquote(v)]
        else:
            out[key] = _unquote(value)
    return out


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.strip()


DATE_KEYS = ("date", "dated", "when", "written", "day", "at")  # front matter a person writes the date in
MADE_KEYS = ("created", "created_at", "creation_date")  # front matter a program stamps: after a date in the name


def front_matter_date(text: str, day_first=None, keys=DATE_KEYS + MADE_KEYS) -> str | None:
    """The date in front matter (`date`, `created` ...); numbers that could be read two ways need `day_first`."""
    fields = front_matter(text)
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value:
            try:
                return dates.parse(value, day_first)
            except BadDate as e:
                if "day/month" in str(e):
                    raise
                return None
    return None


TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


def files(paths) -> list[Path]:
    """Expand files and folders (recursively: .txt and .md) in a stable order; one path, or several."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
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


def file_entry(path: Path, *, at=None, author=None, source=None, day_first=None) -> Entry:
    """One file as one entry (see `file_entries` for a folder, whose files date one another)."""
    return file_entries([path], at=at, author=author, source=source, order=dates.Order(day_first)).entries[0]


@dataclass
class Batch:
    """What an input gave: its entries, what to tell the person about how it was read, and the day/month
    order its dates were read in when any needed one (for the store to keep)."""

    entries: list[Entry]
    notes: list[str] = field(default_factory=list)
    order: dates.Order | None = None
    format: str | None = None
    records: list[tuple[str, str, dict]] = field(default_factory=list)  # the owner's records a JSONL export carries


@dataclass
class _File:
    path: Path
    text: str
    mtime: dt.datetime
    name: dates.Written | None = None
    head: dates.Written | None = None


def read_files(paths) -> list[_File]:
    out = []
    for path in files(paths):
        text = decode(path.read_bytes(), str(path))
        body = _FRONT.match(text)
        head = dates.heading_date(text[body.end():] if body else text)
        out.append(_File(path, text, dt.datetime.fromtimestamp(os.path.getmtime(path)).replace(microsecond=0),
                         dates.name_date(path.stem), head[0] if head else None))
    return out


def file_entries(paths, *, at=None, author=None, source=None, order=dates.Order(), read=None) -> Batch:
    """Files and folders (recursively: .txt and .md), each file one entry, dated by (in this order) `at`,
    its front matter, its name ("2019-06-02 walk with dad.md", "14.02.2021.txt"), a date heading its text
    ("Tuesday 3rd March 2020", "3/3/20"), else its modification time, which `meta["dated"]` then says.

    The files are read together: numbers that could be day/month or month/day ("03.04.2022") follow the
    order `order` was chosen with (--day-first/--month-first), else the order the files' own dates prove
    ("14.02.2021"), else the store's or the locale's; else they are an error. A date without its year
    ("Sunday 4th August", "14 June") takes the year from the file's modification time when the files'
    times agree with their dates, else from the dated files beside it (see `_near`)."""
    items = read if read is not None else read_files(paths)
    batch = Batch([])
    day_first = _order(items, order, batch)
    whole: dict[int, tuple[str, str]] = {}
    for i, item in enumerate(items):
        try:
            fm = front_matter_date(item.text, day_first, DATE_KEYS)
            if fm:
                whole[i] = (fm, "front matter")
                continue
            for written, how in ((item.name, "name"), (item.head, "text")):
                if written is not None and written.year:
                    found = written.resolve(day_first)
                    if found:
                        whole[i] = (found[0], how)
                        break
            made = i not in whole and front_matter_date(item.text, day_first, MADE_KEYS)
            if made:
                whole[i] = (made, "front matter")
        except BadDate as e:
            raise type(e)(f"{item.path}: {e}", e.remedy) from None
    # Do the files' times tell when they were written? Not when they were copied or checked out together.
    gaps = sorted(abs((dt.date.fromisoformat(iso[:10]) - items[i].mtime.date()).days) for i, (iso, _) in whole.items())
    trusted = not gaps or gaps[len(gaps) // 2] <= 2
    for i, item in enumerate(items):
        meta = {}
        if at is not None:
            when = at
        elif i in whole:
            when, meta["dated"] = whole[i]
            if meta["dated"] != "front matter" and len(when) == 10 and item.mtime.date().isoformat() == when:
                when = dates.to_iso(item.mtime)  # the day it says, at the time it was saved
        elif item.head is not None:
            near, before, within, year_from = (item.mtime.date(), True, None, "file time") if trusted else (
                *_near(items, whole, i), "other entries")
            try:
                found = item.head.resolve(day_first, near, before, within)
            except BadDate as e:
                raise type(e)(f"{item.path}: {e}", e.remedy) from None
            if found:
                when, meta["dated"] = found[0], "text"
                meta["year"] = "weekday" if found[1] == "weekday" else year_from
            else:
                when, meta["dated"] = dates.to_iso(item.mtime), "file time"
        else:
            when, meta["dated"] = dates.to_iso(item.mtime), "file time"
        entry = text_entry(item.text, at=when, author=author, source=source or str(item.path), day_first=day_first,
                           meta=meta)
        batch.entries.append(entry)
    return batch


def _order(items, order: dates.Order, batch: Batch) -> bool | None:
    """The day/month order for these files' numeric dates; an error if one needs it and none is known."""
    shown = {}
    for item in items:
        for written in (item.name, item.head):
            if written is not None and written.shows:
                shown.setdefault(written.shows, (item, written))
    if "either" not in shown:
        return order.day_first
    proved = [k for k in ("day-first", "month-first") if k in shown]
    if order.source == "flag" or len(proved) != 1:
        chosen = order
    else:
        item, written = shown[proved[0]]
        chosen = dates.Order(proved[0] == "day-first", f"{item.path.name}")
        if order.day_first is not None and order.day_first != chosen.day_first:
            batch.notes.append(f"Dates here were read {chosen.name}, as {written.text!r} ({item.path.name}) shows,"
                               f" not {order.name} as the {order.source} says.")
    if chosen.day_first is None:
        item, written = shown["either"]
        raise dates.ambiguous_error(written.text, f"{item.path}: ")
    batch.order = chosen
    return chosen.day_first


def _near(items, whole, i) -> tuple[dt.date, bool, tuple | None]:
    """Where a year-less date of a file whose time says nothing is placed (near, before, within): in the
    year another file was written on that very day, if one was (among files in order, only one between the dated
    files either side); else between the dated files before and after it in its folder when their names are not
    dates (letter-06, letter-07, entry-14: names in order); else nearest the middle of all the dated files."""
    days = sorted(dt.date.fromisoformat(iso[:10]) for iso, _ in whole.values())
    head = items[i].head
    folder = items[i].path.parent
    bounds = []
    for step in (-1, 1):
        j, found = i + step, None
        while 0 <= j < len(items) and items[j].path.parent == folder and items[j].name is None:
            if j in whole:
                found = dt.date.fromisoformat(whole[j][0][:10])
                break
            j += step
        bounds.append(found)
    fixed = head.month_day(None) if head.a is None else None  # None for a feast that moves (Easter)
    same = {d for d in days if fixed and (d.month, d.day) == fixed and (head.weekday is None or d.weekday() == head.weekday)}
    if items[i].name is None and (bounds[0] or bounds[1]):  # files in order: that very day only if it lies between them
        same = {d for d in same if bounds[0] and bounds[1] and bounds[0] <= d <= bounds[1]}
    if len(same) == 1:
        day = same.pop()
        return day, False, (day, day)
    if items[i].name is None and (bounds[0] or bounds[1]):
        return bounds[0] or bounds[1], False, tuple(bounds)
    if days:
        return days[0] + (days[-1] - days[0]) / 2, False, (days[0], days[-1])
    return dt.date.today(), True, None


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
            mine = speaker_named(turns, me)
            out.append(chat_entry(turns, at=at, author=author, source=f"locomo:{name}:{key}", meta=meta, me=mine))
    if not out:
        raise EmptyInput(f"{path} holds no sessions with turns (\"session_1\": [...] in a \"conversation\")",
                         "Check that it is a LoCoMo file (else import it as jsonl, or add it as text); nothing was stored.")
    return _spoken_by(out, me, path)


def jsonl_entries(path, *, author=None, source=None, me=None, day_first=None, data: bytes | None = None) -> list[Entry]:
    """One entry a line: {"text", "at", "author", "source"}; a chat: {"turns": [{"speaker", "text", "ref"}], "at",
    "me", ...}; or a chat log of one message a line, {"speaker", "text", "at"}, whose runs of lines make one
    chat a day (`me`: the speaker who is the owner, in the chats where they speak)."""
    return jsonl_read(path, author=author, source=source, me=me, day_first=day_first, data=data)[0]


def jsonl_read(path, *, author=None, source=None, me=None, day_first=None,
               data: bytes | None = None) -> tuple[list[Entry], list[tuple[str, str, dict]]]:
    """The entries of a JSONL file (see `jsonl_entries`) and the records an export carries besides them,
    {"table": NAME, "row": {...}} lines, as (line, table, row). An entry line as `export` writes it may
    also carry "id", "passages" (their ids), "added", "deleted" (in the trash since) and "versions".
    A record is ("FILE line N", table, row). `data`: the file's bytes, read already (an upload)."""
    text = decode(read_bytes(path, data), str(path))
    out, said = [], []  # said: the run of one-message lines not yet made a chat, as (line, object, at)
    records = []

    def said_chat():
        if said:
            first = said[0][1]
            turns = [Turn(o["speaker"], o["text"], o.get("ref")) for _, o, _ in said]
            who = speaker_named(turns, me)
            out.append(chat_entry(turns, at=said[0][2], author=first.get("author") or author,
                                  source=first.get("source") or source, me=who))
            said.clear()

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        obj = load_json(line, f"{path} line {n}")
        if isinstance(obj, dict) and "table" in obj:  # a record of the owner's (corrections, reviews ...)
            if not isinstance(obj["table"], str) or not isinstance(obj.get("row"), dict):
                raise BadFormat(f'{path} line {n}: a record needs a "table" name and a "row" object')
            try:
                said_chat()
            except RemembrancerError as e:
                raise BadFormat(f"{path} line {said[0][0]}: {e}") from None
            records.append((f"{path} line {n}", obj["table"], obj["row"]))
            continue
        if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(obj.get("turns"), list)):
            raise BadFormat(f"{path} line {n}: expected an object with a \"text\" string or a \"turns\" list")
        _check_fields(obj, f"{path} line {n}")
        try:
            at = dates.parse(obj["at"], day_first) if obj.get("at") else None
            if isinstance(obj.get("speaker"), str) and not obj.get("turns"):  # one message of a chat log
                if said and (at or "")[:10] != (said[-1][2] or "")[:10]:
                    said_chat()  # a new day, a new chat
                said.append((n, obj, at))
                continue
            said_chat()
            kwargs = dict(at=at, author=obj.get("author") or author, source=obj.get("source") or source)
            if obj.get("turns") or not isinstance(obj.get("text"), str):  # a chat, as `export --format jsonl` writes it
                turns = [Turn(t.get("speaker"), t["text"], t.get("ref")) for t in obj["turns"]]
                # The line's own "me" (or its meta's, as `export` writes it), else the one given, where they speak.
                who = obj.get("me") or (obj.get("meta") or {}).get("me") or speaker_named(turns, me)
                entry = chat_entry(turns, meta=obj.get("meta") or {}, me=who, **kwargs)
            else:
                entry = text_entry(obj["text"], meta=obj.get("meta") if isinstance(obj.get("meta"), dict) else None,
                                   day_first=day_first, **kwargs)
            _kept(entry, obj)
        except RemembrancerError as e:  # empty, binary or a bad date
            raise BadFormat(f"{path} line {n}: {e}") from None
        out.append(entry)
    try:
        said_chat()
    except RemembrancerError as e:
        raise BadFormat(f"{path} line {said[0][0]}: {e}") from None
    if not out and not records:
        raise EmptyInput(f"{path} holds no entries", "Give a file of one JSON object a line; nothing was stored.")
    return (_spoken_by(out, me, path) if out else out), records  # an export of records alone: no one to speak


def _kept(entry: Entry, obj: dict):
    """What an export line carries besides the entry itself, checked: its id, its passages' ids, when it
    was added, when it went to the trash, and its earlier versions."""
    def whole(x):
        return isinstance(x, int) and not isinstance(x, bool) and 0 < x < 2 ** 62

    def when(key, value):
        if not isinstance(value, str):
            raise BadFormat(f'"{key}" must be a date-time, as export writes it')
        return dates.parse(value)

    if obj.get("id") is not None:
        if not whole(obj["id"]):
            raise BadFormat('"id" must be a positive whole number')
        entry.id = obj["id"]
    if obj.get("passages") is not None:
        if not isinstance(obj["passages"], list) or not all(whole(i) for i in obj["passages"]):
            raise BadFormat('"passages" must be a list of passage ids')
        entry.passage_ids = obj["passages"]
    for key in ("added", "deleted"):
        if obj.get(key) is not None:
            setattr(entry, key, when(key, obj[key]))
    versions = obj.get("versions") or []
    if not isinstance(versions, list):
        raise BadFormat('"versions" must be a list')
    for i, v in enumerate(versions, 1):
        if not isinstance(v, dict) or not isinstance(v.get("replaced"), str):
            raise BadFormat(f'version {i} needs "replaced" (when the next version replaced it)')
        at = when("at", v["at"]) if v.get("at") is not None else None
        if entry.kind == "chat":
            if not isinstance(v.get("turns"), list) or not all(isinstance(t, dict) and isinstance(t.get("text"), str) for t in v["turns"]):
                raise BadFormat(f'version {i} of a chat needs its "turns", each with a "text"')
            turns = [{"speaker": t.get("speaker"), "text": t["text"], "ref": t.get("ref")} for t in v["turns"]]
            text = chat_entry([Turn(t["speaker"], t["text"], t["ref"]) for t in turns]).text
        else:
            if not isinstance(v.get("text"), str):
                raise BadFormat(f'version {i} needs its "text"')
            check_text(v["text"])
            text, turns = v["text"], None
        entry.versions.append({"text": text, "at": at, "turns": turns, "replaced": when("replaced", v["replaced"])})


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
    if me is not None and not any(e.meta.get("me") is not None and speaker_named([Turn(e.meta["me"], "")], me)
                                  for e in entries):
        speakers = sorted({p[2] for e in entries for p in e.passages if p[2]})
        raise BadInput(f"{path}: {me!r} speaks in none of its conversations",
                       f"Give --me one of its speakers ({', '.join(speakers) or 'it has none'}); nothing was stored.")
    return entries


def format_entries(fmt: str, path, *, author=None, source=None, me=None, data: bytes | None = None) -> list[Entry]:
    """The entries of a file in a known format: "locomo" (chats) or "jsonl"; `me`: the chat speaker who is you.
    `data`: the file's bytes, read already (an upload: no copy of it is written anywhere)."""
    return read_format(fmt, path, author=author, source=source, me=me, data=data)[0]


def read_format(fmt: str, path, *, author=None, source=None, me=None,
                data: bytes | None = None) -> tuple[list[Entry], list[tuple[str, str, dict]]]:
    """The entries of a file in a known format, and the owner's records a JSONL export carries (`jsonl_read`)."""
    if fmt == "locomo":
        return locomo_entries(path, author=author, me=me, data=data), []
    if fmt == "jsonl":
        return jsonl_read(path, author=author, source=source, me=me, data=data)
    raise UnknownFormat(f"Unknown format {fmt!r}: use locomo or jsonl")


MAX_MESSAGES = 10_000  # in one call: a day's conversation, never a whole archive (`import` is for that)
MAX_SPEAKER = 200


@dataclass
class Message:
    """One message of a conversation as it happens (`Memory.add_messages`)."""

    speaker: str
    text: str
    at: str | None = None  # its own time, as given
    id: str | None = None  # the sender's own id for it, kept as its passage's `ref`
    when: str = ""  # its time, else the call's, else now: the day whose chat it joins

    @property
    def known(self) -> bool:
        """Named by its id or its time: the same key is the same message wherever it comes."""
        return self.id is not None or self.at is not None

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(json.dumps([self.speaker, self.text, self.id, self.at]).encode("utf-8")).hexdigest()


def read_messages(messages, *, at: str | None = None) -> list[Message]:
    """Check a list of messages, {"speaker", "text", "at"?, "id"?} (or (speaker, text) pairs), before anything
    is stored: a typed error naming the first bad one. `at`: the time of those that give none (default: now)."""
    if isinstance(messages, (str, bytes, dict)) or not isinstance(messages, (list, tuple)):
        raise BadInput("Messages must be a list of {\"speaker\", \"text\"} objects",
                       'Send [{"speaker": "Sam", "text": "Morning!"}]; nothing was stored.')
    if not messages:
        raise EmptyInput("No messages were given", 'Send at least one {"speaker", "text"}; nothing was stored.')
    if len(messages) > MAX_MESSAGES:
        raise BadInput(f"{len(messages):,} messages in one call; the most is {MAX_MESSAGES:,}",
                       "Send them in smaller calls, or import the whole chat with `remembrancer import`; nothing was stored.")
    default = at or dates.now()
    out = []
    for n, raw in enumerate(messages, 1):
        where = f"Message {n}"
        if isinstance(raw, (list, tuple)) and len(raw) == 2:
            raw = {"speaker": raw[0], "text": raw[1]}
        if not isinstance(raw, dict):
            raise BadInput(f"{where} is not an object", 'Each message is {"speaker", "text", "at", "id"}; nothing was stored.')
        unknown = sorted(set(raw) - {"speaker", "text", "at", "id"})
        if unknown:
            raise BadInput(f"{where} has fields this does not know: {', '.join(unknown)}",
                           'A message has "speaker", "text" and, if known, "at" (its time) and "id"; nothing was stored.')
        speaker, text, when, ident = raw.get("speaker"), raw.get("text"), raw.get("at"), raw.get("id")
        if not isinstance(speaker, str) or not speaker.strip():
            raise BadInput(f"{where} has no speaker", "Say who said it, as \"speaker\"; nothing was stored.")
        if "\n" in speaker or "\r" in speaker or len(speaker) > MAX_SPEAKER:
            raise BadInput(f"{where}: a speaker is a name on one line, at most {MAX_SPEAKER} characters",
                           "Give the speaker's name alone; nothing was stored.")
        if not isinstance(text, str):
            raise BadInput(f"{where} has no text", "Give what was said, as \"text\"; nothing was stored.")
        if not text.strip():
            raise EmptyInput(f"{where} is empty", "Leave out messages with nothing said; nothing was stored.")
        if ident == "":
            ident = None
        if isinstance(ident, bool) or (ident is not None and not isinstance(ident, (str, int))):
            raise BadInput(f"{where}: its id must be a string", "Give the message's own id as text, or none; nothing was stored.")
        if when is not None and not isinstance(when, str):
            raise BadInput(f"{where}: its time must be a string like 2024-05-08T13:56", "Nothing was stored.")
        try:
            for value, what in ((speaker, "speaker"), (text, "text"), (str(ident or ""), "id")):
                check_unicode(value, f"{where}'s {what}")
            if "\x00" in text or "\x00" in speaker:
                raise BinaryInput(f"{where} contains NUL bytes, so it looks binary")
            own = dates.parse(when) if when else None
        except (BadInput, EmptyInput) as e:
            raise type(e)(str(e), e.remedy) from None
        except RemembrancerError as e:  # a bad date
            raise type(e)(f"{where}: {e}", e.remedy) from None
        out.append(Message(speaker.strip(), text, own, None if ident is None else str(ident), own or default))
    return out
