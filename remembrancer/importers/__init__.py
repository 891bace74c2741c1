"""Importers: what people already keep (a journaling app, a notes vault, chats, email), read into entries.

Each format is a module here with `NAME`, `HELP`, `detect(path) -> bool` (cheap: a name, a peek at the
start) and `read(path, *, author, source, me, order, known) -> capture.Batch`. Every imported item (a
message, a note, a Day One entry, an email) carries its identity in its export (`Entry.items`), so the
store keeps only what it has not seen (`Memory.fresh`): importing the same export twice, or a newer one
that overlaps an older one, adds only what is new. Chats are stored one chat a day.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import capture, dates
from ..errors import BadFormat, NotFound, UnknownFormat

MAX_MEMBER = 512 << 20  # bytes of one file read out of a zip


@dataclass
class Message:
    """One message of a chat, an email of a thread: what `chats_by_day` makes entries of."""

    chat: str
    at: dt.datetime
    speaker: str | None
    text: str
    key: str
    ref: str | None = None


def chats_by_day(messages: list[Message], *, app: str, author=None, source=None, me=None) -> list[capture.Entry]:
    """One chat entry per chat per day, its turns in the order they were said; `me` is the owner where
    they speak."""
    days: dict[tuple[str, dt.date], list[Message]] = {}
    for m in sorted(messages, key=lambda m: m.at):  # stable: messages of one minute keep their order
        days.setdefault((m.chat, m.at.date()), []).append(m)
    out = []
    for (chat, _), said in days.items():
        turns = [capture.Turn(m.speaker, m.text, m.ref, at=dates.to_iso(m.at), key=m.key) for m in said]
        who = me if me is not None and any(t.speaker == me for t in turns) else None
        out.append(capture.chat_entry(turns, at=turns[0].at, author=author, source=source or f"{app}:{chat}",
                                      meta={"app": app, "chat": chat}, me=who))
    return out


def spoken_by(entries, me, path):
    return capture._spoken_by(entries, me, path)


def zip_members(path: Path, suffixes: tuple[str, ...]) -> list[tuple[str, bytes]]:
    """(name, bytes) of the files in a zip whose names end with one of `suffixes`, or a typed error."""
    try:
        with zipfile.ZipFile(path) as z:
            out = []
            for info in z.infolist():
                if info.is_dir() or not info.filename.lower().endswith(suffixes) or "__MACOSX" in info.filename:
                    continue
                if info.file_size > MAX_MEMBER:
                    raise BadFormat(f"{path}: {info.filename} is {info.file_size:,} bytes, too big to read",
                                    "Unzip it and import the file itself; nothing was stored.")
                out.append((info.filename, z.read(info)))
            return out
    except (zipfile.BadZipFile, OSError) as e:
        raise BadFormat(f"{path}: not a readable zip file ({e})", "Check the file; nothing was stored.") from None


def peek(path: Path, size: int = 4096) -> str:
    """The start of a file as text (undecodable bytes replaced), for telling formats apart."""
    try:
        with open(path, "rb") as f:
            return f.read(size).decode("utf-8-sig", errors="replace")
    except OSError:
        return ""


def _formats():
    from . import dayone, jsonl, locomo, mail, markdown, telegram, text, whatsapp

    # Most particular first: detection asks each in turn.
    return {m.NAME: m for m in (dayone, telegram, whatsapp, mail, locomo, jsonl, markdown, text)}


ALIASES = {"obsidian": "markdown", "notes": "markdown", "mbox": "email", "eml": "email", "day-one": "dayone",
           "files": "text", "txt": "text"}


def names() -> list[str]:
    return list(_formats())


def module(fmt: str):
    """The importer of a format named by the person (a one-line error naming those there are)."""
    formats = _formats()
    name = ALIASES.get(fmt.lower(), fmt.lower())
    if name not in formats:
        raise UnknownFormat(f"Unknown format {fmt!r}", f"Use one of {', '.join(formats)}; nothing was changed.")
    return formats[name]


def detect(path) -> str:
    """The format of a file or folder, from its name and its first bytes."""
    path = Path(path)
    if not path.exists():
        raise NotFound(f"No such file or folder: {path}")
    for name, m in _formats().items():
        if m.detect(path):
            return name
    raise UnknownFormat(f"Could not tell what kind of export {path} is",
                        f"Name its format: remembrancer import FORMAT {path} (one of {', '.join(_formats())});"
                        " nothing was stored.")


def read(fmt: str | None, paths, *, author=None, source=None, me=None, order=dates.Order(), known=None) -> capture.Batch:
    """The entries of one or more exports of a format (`fmt` None: each found from its file or folder).
    `known(keys) -> set`: the item keys already stored (lets email leave out what a reply quotes)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    batch = capture.Batch([])
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise NotFound(f"No such file or folder: {path}")
        m = module(fmt) if fmt else module(detect(path))
        part = m.read(path, author=author, source=source, me=me, order=order, known=known)
        batch.entries += part.entries
        batch.notes += part.notes
        batch.records += part.records
        batch.order = part.order or batch.order
        batch.format = m.NAME
    return batch
