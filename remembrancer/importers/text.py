"""Plain text and Markdown files, and folders of them: one entry a file (what `remembrancer add` does)."""
from __future__ import annotations

from pathlib import Path

from .. import capture

NAME = "text"
HELP = "text and Markdown files or folders of them (.txt, .md), one entry a file"


def detect(path: Path) -> bool:
    if path.is_dir():
        return any(p.suffix.lower() in capture.TEXT_SUFFIXES for p in path.rglob("*") if p.is_file())
    return path.suffix.lower() in capture.TEXT_SUFFIXES


def read(path, *, author=None, source=None, me=None, order=None, known=None) -> capture.Batch:
    return capture.file_entries([path], author=author, source=source, order=order)
