"""Markdown's lines as a notes app writes them: the one reader of a line's mark. A line is a heading ("## June"), a list
item or task ("- ", "* ", "+ ", "\u2022 ", "\u2013 ", "1. ", "2) ", "- [ ] "), a quote line ("> ") or a table row
("| "), or it is prose (None). The parse starts sentences at them (`extract.structure_starts`), People reads a name
alone on one as written down, not cried, Kinds reads a list of titles, Events a list item's label."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

_MARK = re.compile(r"^[ \t]*(?:(?P<heading>#{1,6})[ \t]+|(?P<quote>(?:>[ \t]*)+)"
                   r"|(?P<item>[-*+\u2022\u2013]|\d{1,3}[.)])[ \t]+|(?P<row>\|)[ \t]*)", re.M)
_TASK = re.compile(r"\[[ xX/-]\][ \t]+")


class Line(NamedTuple):
    kind: str  # "heading", "item", "quote" or "row"
    start: int  # where the line starts
    mark: int  # where its mark is
    body: int  # where its words start, a task's box among them
    words: int  # where its words start after a task's box ("- [x] Paid Dave": "Paid")
    end: int  # where the line ends


def marked_lines(text: str) -> tuple[Line, ...]:
    """Each marked line of a text, in order."""
    return _read(text)[0]


@lru_cache(maxsize=8)
def _read(text: str) -> tuple[tuple[Line, ...], list[int]]:
    out = []
    for m in _MARK.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        body = min(m.end(), end)
        task = _TASK.match(text, body) if m.lastgroup == "item" else None
        out.append(Line(m.lastgroup, m.start(), m.start() + len(m.group()) - len(m.group().lstrip()), body,
                        task.end() if task else body, end))
    return tuple(out), [x.start for x in out]


def line_at(text: str, at: int) -> Line | None:
    """The marked line the offset is on, or None on a line of prose."""
    found, starts = _read(text)
    i = bisect.bisect_right(starts, at) - 1
    return found[i] if i >= 0 and at <= found[i].end else None


def line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def under_heading(text: str, at: int) -> bool:
    """Are the words at `at` the first of the line right under a heading ("## Nanna\nBorn this morning: Archie")? A
    heading names a topic, not the one the lines under it are of."""
    start = line_start(text, at)
    if not start or text[start:at].strip():
        return False
    above = line_at(text, start - 1)
    return above is not None and above.kind == "heading"


def section(text: str, at: int) -> tuple[int, int]:
    """The section of a text holding `at`: from the heading above it to the next heading (the whole text when it has
    none). What one section tells is not told of another's topic."""
    start, end = 0, len(text)
    for line in marked_lines(text):
        if line.kind != "heading":
            continue
        if line.start <= at:
            start = line.start
        else:
            end = line.start
            break
    return start, end
