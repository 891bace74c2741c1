"""remembrancer's own JSONL (what `export` writes): one entry a line, or a chat log of one message a line.
An export brings back everything it holds: ids, versions, the trash and the owner's records (archive.py)."""
from __future__ import annotations

from pathlib import Path

from .. import capture

NAME = "jsonl"
HELP = "JSONL, one entry or one chat message a line (as `remembrancer export` writes)"


def detect(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson")


def read(path, *, author=None, source=None, me=None, order=None, known=None) -> capture.Batch:
    entries, records = capture.jsonl_read(path, author=author, source=source, me=me,
                                          day_first=order.day_first if order else None)
    return capture.Batch(entries, records=records)
