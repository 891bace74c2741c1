"""What the format modules share: a file's first bytes (`peek`), a zip's members, and chat messages made into one
entry a chat a day (`Message`, `chats_by_day`). Apart from importers/__init__.py, which imports the formats to list them.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import capture, dates
from ..errors import BadFormat


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
        who = capture.speaker_named(turns, me)
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
