"""WhatsApp chat exports: the `.txt` a phone writes ("Export chat"), alone or in its `.zip`.

One message a line, a date and time first, written in the phone's locale:

    31/12/2020, 21:41 - Sam: Happy new year        Android, day-first, 24-hour
    12/31/20, 9:41 PM - Sam: Happy new year        Android, month-first, 12-hour
    [31.12.20, 21:41:05] Sam: Happy new year       iPhone
    [12.3.2022 klo 14.08.18] Sam: Hyvää            iPhone, Finnish

A line without that start continues the message before it. Left out: system lines (no "Sender: ", or
marked by the iPhone's invisible U+200E), media placeholders ("<Media omitted>", "image omitted",
"<attached: ...>", "... (file attached)", any "<...>" alone on a line), deleted messages. Whether the
numbers are day-first or month-first is read from the file itself (a day over 12, or the only reading
that keeps the messages in order), else the store's setting; else it is an error.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .. import capture, dates
from ..errors import BadDate, BadFormat, EmptyInput
from .shared import Message, chats_by_day, peek, spoken_by, zip_members

NAME = "whatsapp"
HELP = "a WhatsApp chat export (.txt, or its .zip), one chat a day"

_START = re.compile(
    r"^[\u200e\u200f\ufeff]*\[?(?P<a>\d{1,4})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<c>\d{1,4})\.?,?\s+(?:klo\s+)?"
    r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?"
    r"(?:\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?|[上下]午))?\]?(?:\s+[-–]\s+|\s+|:\s+)(?P<rest>.*)$")
_SENDER = re.compile(r"^(?P<who>[^:]{1,80}?):\s(?P<text>.*)$", re.S)
# Placeholders a phone writes instead of what it did not export, in English; "<...>" alone in any language.
_PLACEHOLDER = re.compile(
    r"^\u200e?(?:<[^<>\n]{2,60}>|(?:image|video|audio|sticker|GIF|document|Contact card|media) omitted"
    r"|.{1,200}\((?:file attached)\)|null|This message was deleted\.?|You deleted this message\.?"
    r"|Missed (?:voice|video|group voice|group video) call.*|Waiting for this message\..*"
    r"|(?:Location|location): https?://\S+|live location shared)$", re.I)
_EDITED = re.compile(r"\s*<This message was edited>$")
_SYSTEM = re.compile(
    r"end-to-end encrypted|security code (?:with|changed)|created (?:group|this group)|changed (?:the subject|this group"
    r"|the group|their phone number|to \S+)|joined using this group|added |removed |left$|is now an admin"
    r"|disappearing messages|This chat is with a business account|You're now an admin|blocked this contact", re.I)


def detect(path: Path) -> bool:
    if path.is_dir():
        return any(_is_chat(p) for p in path.glob("*.txt"))
    if path.suffix.lower() == ".zip":
        try:
            return any(_looks(data[:4096].decode("utf-8-sig", "replace")) for _, data in zip_members(path, (".txt",)))
        except BadFormat:
            return False
    return _is_chat(path)


def _is_chat(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".txt" and _looks(peek(path))


def _looks(head: str) -> bool:
    lines = [line for line in head.splitlines()[:6] if line.strip()]
    return bool(lines) and sum(bool(_START.match(line)) for line in lines) >= max(1, (len(lines) + 1) // 2)


def chat_name(name: str) -> str:
    """The chat a file is of: "WhatsApp Chat with Sam.txt" -> "Sam", "WhatsApp Chat - Family (1).zip" -> "Family"."""
    stem = re.sub(r"\s*\(\d+\)$", "", Path(name).stem)
    m = re.match(r"(?i)^WhatsApp Chat(?: with| -)?\s*(.+)$", stem)
    return (m.group(1) if m else stem).strip() or "chat"


def read(path, *, author=None, source=None, me=None, order=dates.Order(), known=None) -> capture.Batch:
    path = Path(path)
    if path.suffix.lower() == ".zip":
        texts = [(name, capture.decode(data, f"{path}:{name}")) for name, data in zip_members(path, (".txt",))
                 if _looks(data[:4096].decode("utf-8-sig", "replace"))]
        if not texts:
            raise BadFormat(f"{path}: no WhatsApp chat (.txt) inside", "Check the file; nothing was stored.")
        named = [(f"{path}:{name}", chat_name(path.name if Path(name).stem == "_chat" else name), text)
                 for name, text in texts]
    elif path.is_dir():
        named = [(str(p), chat_name(p.parent.name if p.stem == "_chat" else p.name), capture.decode(p.read_bytes(), str(p)))
                 for p in sorted(path.glob("*.txt")) if _is_chat(p)]
    else:
        named = [(str(path), chat_name(path.name), capture.decode(path.read_bytes(), str(path)))]
    batch = capture.Batch([])
    messages = []
    for where, chat, text in named:
        found, used = parse(text, chat, where, order)
        messages += found
        if used is not None:
            batch.order = used
    if not messages:
        raise EmptyInput(f"{path}: no messages", "Check that it is a WhatsApp chat export; nothing was stored.")
    batch.entries = spoken_by(chats_by_day(messages, app=NAME, author=author, source=source, me=me), me, path)
    return batch


def parse(text: str, chat: str, where: str, order: dates.Order = dates.Order()):
    """(messages, the date order used if the file did not show it) of one exported chat."""
    raw = []  # (line number, match, lines of text)
    for n, line in enumerate(text.splitlines(), 1):
        m = _START.match(line)
        if m:
            raw.append([n, m, [m.group("rest")]])
        elif raw:
            raw[-1][2].append(line)
        elif line.strip():
            raise BadFormat(f"{where} line {n}: not a WhatsApp message line: {line[:60]!r}",
                            "Give the .txt WhatsApp exported, unchanged; nothing was stored.")
    day_first, used = _order([(r[1], r[0]) for r in raw], where, order)
    out, counts = [], {}
    for n, m, lines in raw:
        try:
            at = _when(m, day_first)
        except ValueError:
            raise BadFormat(f"{where} line {n}: not a date and time: {m.group(0)[:40]!r}",
                            "Give the .txt WhatsApp exported, unchanged; nothing was stored.") from None
        body = "\n".join(lines)
        said = _SENDER.match(body)
        if not said or said.group("text").startswith("\u200e") or re.search(r"[\"“”«»]", said.group("who")) \
                or (len(said.group("who").split()) > 4 and _SYSTEM.search(said.group("who"))):
            continue  # a system line: "Sam added Alex", "Messages and calls are end-to-end encrypted ..."
        who, words = said.group("who").strip().strip("\u200e\u202a\u202c"), said.group("text")
        kept = [piece for piece in (_EDITED.sub("", p) for p in words.split("\n")) if not _PLACEHOLDER.match(piece.strip())]
        words = "\n".join(kept).strip()
        if not words:
            continue
        key = f"{NAME}:{chat}:{at.isoformat()}:{who}:{capture.digest(words)}"
        counts[key] = counts.get(key, 0) + 1
        out.append(Message(chat, at, who, words, key + (f":{counts[key]}" if counts[key] > 1 else "")))
    return out, used


def _order(starts, where, order: dates.Order):
    """day_first for the file's dates, and the Order used when the file itself did not show it."""
    pairs = [(int(m.group("a")), int(m.group("b")), m.group("c"), n) for m, n in starts]
    if not pairs or any(len(str(a)) == 4 or a > 31 for a, _, _, _ in pairs):  # year first: 2020-12-31
        return None, None
    if any(a > 12 for a, _, _, _ in pairs):
        return True, None
    if any(b > 12 for _, b, _, _ in pairs):
        return False, None
    # Numbers that fit both ways: the reading that keeps the messages in order, if only one does.
    fits = []
    for first in (True, False):
        days = [_day(a, b, c, first) for a, b, c, _ in pairs]
        if all(d is not None for d in days) and all(x <= y for x, y in zip(days, days[1:])):
            fits.append(first)
    if len(fits) == 1:
        return fits[0], None
    if order.day_first is None:
        a, b, c, n = next(p for p in pairs if p[0] != p[1]) if any(p[0] != p[1] for p in pairs) else pairs[0]
        if all(p[0] == p[1] for p in pairs):
            return True, None  # 1/1, 2/2 ...: the same either way
        raise BadDate(f"{where} line {n}: '{a}/{b}' could be day/month or month/day, and the chat does not show which",
                      "Say how the phone wrote dates: --day-first (31/12) or --month-first (12/31); the store keeps"
                      " the choice. Nothing was stored.")
    return order.day_first, order


def _day(a, b, c, day_first):
    year = int(c) + (2000 if len(c) == 2 else 0)
    try:
        return dt.date(year, b, a) if day_first else dt.date(year, a, b)
    except ValueError:
        return None


def _when(m, day_first) -> dt.datetime:
    a, b, c = int(m.group("a")), int(m.group("b")), m.group("c")
    if len(m.group("a")) == 4:
        year, month, day = a, b, int(c)
    else:
        year = int(c) + (2000 if len(c) == 2 else 0)
        day, month = (a, b) if day_first else (b, a)
    hour, minute = int(m.group("H")), int(m.group("M"))
    ap = (m.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap in ("pm", "下午") and hour < 12:
        hour += 12
    elif ap in ("am", "上午") and hour == 12:
        hour = 0
    return dt.datetime(year, month, day, hour, minute, int(m.group("S") or 0))
