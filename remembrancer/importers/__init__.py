"""Importers: what people already keep (a journaling app, a notes vault, chats, email), read into entries.

Each format is a module here with `NAME`, `HELP`, `detect(path) -> bool` (cheap: a name, a peek at the
start) and `read(path, *, author, source, me, order, known) -> capture.Batch`. Every imported item (a
message, a note, a Day One entry, an email) carries its identity in its export (`Entry.items`), so the
store keeps only what it has not seen (`Memory.fresh`): importing the same export twice, or a newer one
that overlaps an older one, adds only what is new. Chats are stored one chat a day.
"""
from __future__ import annotations

from pathlib import Path

from .. import capture, dates
from ..errors import NotFound, UnknownFormat
from .shared import MAX_MEMBER, Message, chats_by_day, peek, spoken_by, zip_members  # noqa: F401 (importable here as before)


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
