"""Telegram Desktop's JSON export (`result.json`): every chat of a whole export ("chats": {"list": [...]}),
or one chat exported alone ({"name", "type", "id", "messages"}).

A message is {"id", "type": "message", "date": "2021-05-04T19:32:00", "from", "from_id", "text"}, its
text a string or a list of strings and {"type", "text"} pieces. Service messages (joined, pinned, calls)
and media without a caption are left out. A whole export names its owner ("personal_information"), who
is `--me` unless another is given. One chat a day; a message is known again by its chat and id.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .. import capture, dates
from ..errors import BadFormat, EmptyInput
from .shared import Message, chats_by_day, peek, spoken_by

NAME = "telegram"
HELP = "a Telegram Desktop JSON export (result.json, one chat or all of them), one chat a day"


def detect(path: Path) -> bool:
    if path.is_dir():
        return (path / "result.json").is_file() and detect(path / "result.json")
    if not (path.is_file() and path.suffix.lower() == ".json"):
        return False
    head = peek(path, 65536)
    return '"messages"' in head and ('"from_id"' in head or '"date_unixtime"' in head or '"personal_chat"' in head
                                     or '"chats"' in head)


def read(path, *, author=None, source=None, me=None, order=None, known=None) -> capture.Batch:
    path = Path(path)
    if path.is_dir():
        path = path / "result.json"
    data = capture.read_json_file(path)
    if not isinstance(data, dict):
        raise BadFormat(f"{path}: expected a Telegram export object", "Give the result.json Telegram Desktop wrote; nothing was stored.")
    if isinstance(data.get("messages"), list):
        chats = [data]
    else:
        chats = []
        for part in ("chats", "left_chats"):
            listed = (data.get(part) or {}).get("list") if isinstance(data.get(part), dict) else None
            chats += listed if isinstance(listed, list) else []
        if not chats and "chats" not in data:
            raise BadFormat(f"{path}: no \"chats\" or \"messages\" in it", "Give the result.json Telegram Desktop wrote; nothing was stored.")
    owner = _owner(data)
    messages = []
    for c, chat in enumerate(chats, 1):
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            raise BadFormat(f"{path}: chat {c} has no \"messages\" list", "Give the result.json Telegram Desktop wrote; nothing was stored.")
        name = chat.get("name") or ("Saved Messages" if chat.get("type") == "saved_messages" else f"chat {chat.get('id', c)}")
        chat_id = chat.get("id", name)
        for j, m in enumerate(chat["messages"], 1):
            if not isinstance(m, dict):
                raise BadFormat(f"{path}: chat {name!r} message {j} is not an object", "Nothing was stored.")
            if m.get("type", "message") != "message":
                continue  # a service message: joined, pinned, a call
            text = _text(m.get("text"))
            if not text.strip():
                continue  # a photo, a sticker, a voice message: not exported as words
            try:
                at = dt.datetime.fromisoformat(str(m["date"]))
            except (KeyError, ValueError):
                raise BadFormat(f"{path}: chat {name!r} message {m.get('id', j)} has no date",
                                "Give the result.json Telegram Desktop wrote; nothing was stored.") from None
            if at.tzinfo is not None:
                at = at.astimezone().replace(tzinfo=None)
            speaker = m.get("from") or m.get("actor") or ("Deleted Account" if m.get("from_id") else None)
            if owner and m.get("from_id") == owner[0] and speaker:
                owner[1].add(speaker)
            messages.append(Message(str(name), at, speaker, text, f"{NAME}:{chat_id}:{m.get('id', j)}",
                                    ref=str(m["id"]) if m.get("id") is not None else None))
    if not messages:
        raise EmptyInput(f"{path}: no messages with words in them", "Check the export; nothing was stored.")
    if me is None and owner and len(owner[1]) == 1:
        me = next(iter(owner[1]))  # the export says who its owner is
    return capture.Batch(spoken_by(chats_by_day(messages, app=NAME, author=author, source=source, me=me), me, path))


def _owner(data) -> tuple[str, set] | None:
    info = data.get("personal_information")
    if isinstance(info, dict) and info.get("user_id") is not None:
        return f"user{info['user_id']}", set()
    return None


def _text(value) -> str:
    """A message's words: a string, or pieces (strings, and {"type": "bold", "text": ...} objects) joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) if isinstance(p, dict) else "" for p in value)
    return ""
