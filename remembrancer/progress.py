"""One progress bar for a whole import: its stage, how far it is, and the time left.

Stages, each counted in words: "reading" (the export), "storing" (entries, passages, the search index),
"understanding" (people, times, feelings and the embeddings; by far the longest). The fraction done
weighs each stage by its usual share of the time, and the time left is the words still to go at the
rate seen so far (before understanding has shown its rate, at `RATE`).
"""
from __future__ import annotations

import json
import sys
import time

RATE = 2_500  # words a second understood on two cores, until this run has shown its own
STORE_RATE = 150_000  # words a second stored
SHARES = {"reading": 0.01, "storing": 0.02, "understanding": 0.97}


class Progress:
    """Told `update(stage, done, total)`; calls `show(state)` at most every `every` seconds (and at each
    new stage and at the end). `state` is {"stage", "done", "total", "unit", "percent", "seconds_left",
    "seconds"}. Without understanding (--no-extract), storing is the whole of it."""

    def __init__(self, show, understand: bool = True, every: float = 0.25, after: float = 0.0):
        self.show, self.every, self.after = show, every, after  # after: seconds before anything is shown
        self.shares = SHARES if understand else {"reading": 0.3, "storing": 0.7}
        self.started = time.perf_counter()
        self.fraction = {stage: 0.0 for stage in self.shares}
        self.stage_started = {}
        self.totals = {}
        self.last_shown = 0.0
        self.stage = None
        self.state = None

    def update(self, stage: str, done: int, total: int, fraction: float | None = None):
        """`fraction`: of the stage's work, when it is not that of its words (a chat costs more to understand)."""
        now = time.perf_counter()
        if stage not in self.shares:
            return
        part = fraction if fraction is not None else (min(1.0, done / total) if total else 1.0)
        if stage not in self.stage_started:
            self.stage_started[stage] = (now, part)
        for earlier in self.shares:  # a stage begun means those before it are over
            if earlier == stage:
                break
            self.fraction[earlier] = 1.0
        self.fraction[stage] = part
        self.totals[stage] = total
        percent = 100 * sum(self.shares[s] * f for s, f in self.fraction.items())
        self.state = {"stage": stage, "done": done, "total": total, "unit": "words", "percent": round(percent, 1),
                      "seconds_left": self._left(stage, part, total, now), "seconds": round(now - self.started, 1)}
        new_stage = stage != self.stage
        self.stage = stage
        if now - self.started < self.after:
            return
        if new_stage or now - self.last_shown >= self.every or (total and done >= total):
            self.last_shown = now
            self.shown = True
            self.show(self.state)

    def _left(self, stage, part, total, now) -> float | None:
        """Seconds to go: the rest of the stage at the pace seen since it began (once that is 2% of it), and
        the stages after it at their usual rates."""
        words = total or self.totals.get("storing") or self.totals.get("reading") or 0
        if stage == "understanding":
            began, at_start = self.stage_started[stage]
            if part - at_start >= 0.02 and now > began:
                return round((1 - part) * (now - began) / (part - at_start), 1)
            return round((1 - part) * total / RATE, 1) if total else None
        left = words / RATE if "understanding" in self.shares else 0.0
        return round(left + max(0.0, 1 - part) * words / STORE_RATE, 1)

    shown = False

    def done(self):
        if self.state is not None and (self.shown or not self.after):
            self.state = dict(self.state, percent=100.0, seconds_left=0.0,
                              seconds=round(time.perf_counter() - self.started, 1))
            self.show(self.state)


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class TerminalBar:
    """The bar on a terminal: 'Importing: understanding  [#####-----]  45%  2m10s left'."""

    def __init__(self, label: str, stream=None, width: int = 28):
        self.label, self.stream, self.width = label, stream or sys.stderr, width
        self.drawn = 0

    def __call__(self, state):
        filled = int(self.width * state["percent"] / 100)
        left = state["seconds_left"]
        tail = "done" if state["percent"] >= 100 else (f"{clock(left)} left" if left is not None else "")
        line = (f"{self.label}: {state['stage']:<13} [{'#' * filled}{'-' * (self.width - filled)}]"
                f" {state['percent']:3.0f}%  {tail}")
        self.stream.write("\r" + line.ljust(self.drawn))
        self.stream.flush()
        self.drawn = len(line)

    def close(self):
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


class JsonLines:
    """Progress as JSON lines, {"progress": state}, for programs (`--json`)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr

    def __call__(self, state):
        self.stream.write(json.dumps({"progress": state}) + "\n")
        self.stream.flush()

    def close(self):
        pass
