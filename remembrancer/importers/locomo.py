"""LoCoMo conversations (JSON): each session of each conversation one chat."""
from __future__ import annotations

import re
from pathlib import Path

from .. import capture
from .shared import peek

NAME = "locomo"
HELP = "LoCoMo JSON conversations, a chat a session"


def detect(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".json" and bool(re.search(r'"(conversation|session_1)"', peek(path, 65536)))


def read(path, *, author=None, source=None, me=None, order=None, known=None, data: bytes | None = None) -> capture.Batch:
    """`data`: the file's bytes, read already (an upload, kept in memory), `path` naming it in messages."""
    return capture.Batch(capture.locomo_entries(path, author=author, me=me, data=data))
