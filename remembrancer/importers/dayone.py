"""Day One's JSON export: the `.zip` it writes (a `Journal.json` a journal, photos beside it) or the JSON.

{"metadata": {"version": "1.0"}, "entries": [{"uuid", "creationDate": "2019-06-02T09:14:00Z", "timeZone":
"Europe/London", "text", "tags", "location": {"placeName", "localityName", "administrativeArea", "country",
"latitude", "longitude"}, "photos": [{"identifier", "type", ...}], "starred", ...}]}

Each entry is one entry, dated at its creation in its own time zone; its text is Day One's Markdown
with the backslashes Day One puts before punctuation taken out, and its photo references
("![](dayone-moment://ID)") left out of the words: the photos are named in the entry's meta, never
stored. Tags, place and journal go in the meta. An entry is known again by its uuid; an edited one
is stored again as a new entry.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from .. import capture
from ..errors import BadFormat, EmptyInput
from .shared import peek, zip_members

NAME = "dayone"
HELP = "a Day One JSON export (the .zip, or its Journal.json), one entry each"

_MOMENT = re.compile(r"!\[[^\]]*\]\(dayone-moment:/*[^)]*\)\n?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def detect(path: Path) -> bool:
    if path.is_dir():
        return any(detect(p) for p in path.glob("*.json"))
    if path.suffix.lower() == ".zip":
        try:
            return any(_looks(data[:65536].decode("utf-8", "replace")) for _, data in zip_members(path, (".json",)))
        except BadFormat:
            return False
    return path.is_file() and path.suffix.lower() == ".json" and _looks(peek(path, 65536))


def _looks(head: str) -> bool:
    return '"entries"' in head and ('"creationDate"' in head or '"metadata"' in head)


def read(path, *, author=None, source=None, me=None, order=None, known=None) -> capture.Batch:
    path = Path(path)
    if path.suffix.lower() == ".zip":
        journals = [(f"{path}:{name}", Path(name).stem, _json(capture.decode(data, f"{path}:{name}"), f"{path}:{name}"))
                    for name, data in zip_members(path, (".json",)) if _looks(data[:65536].decode("utf-8", "replace"))]
    elif path.is_dir():
        journals = [(str(p), p.stem, capture.read_json_file(p)) for p in sorted(path.glob("*.json")) if detect(p)]
    else:
        journals = [(str(path), path.stem, capture.read_json_file(path))]
    batch = capture.Batch([])
    skipped = 0
    for where, journal, data in journals:
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise BadFormat(f"{where}: no \"entries\" list", "Give the JSON or .zip Day One exported; nothing was stored.")
        for n, item in enumerate(data["entries"], 1):
            entry = _entry(item, n, where, journal, author, source)
            if entry is None:
                skipped += 1
            else:
                batch.entries.append(entry)
    if not batch.entries:
        raise EmptyInput(f"{path}: no entries with words in them", "Check the export; nothing was stored.")
    if skipped:
        batch.notes.append(f"{skipped} Day One {'entry' if skipped == 1 else 'entries'} with no words (a photo alone) left out.")
    return batch


def _json(text, where):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BadFormat(f"{where}: malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None


def _entry(item, n, where, journal, author, source):
    if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
        raise BadFormat(f"{where}: entry {n} is not a Day One entry", "Give the JSON Day One exported; nothing was stored.")
    text = _ESCAPED.sub(r"\1", _MOMENT.sub("", item.get("text") or "")).strip("\n")
    if not text.strip():
        return None
    try:
        at = _local(item["creationDate"], item.get("timeZone"))
    except (KeyError, ValueError, TypeError):
        raise BadFormat(f"{where}: entry {n} ({item.get('uuid', 'no uuid')}) has no creationDate",
                        "Give the JSON Day One exported; nothing was stored.") from None
    meta = {"app": NAME, "journal": journal}
    if item.get("tags"):
        meta["tags"] = [str(t) for t in item["tags"]]
    place = item.get("location")
    if isinstance(place, dict):
        meta["place"] = {k: place[k] for k in ("placeName", "localityName", "administrativeArea", "country",
                                               "latitude", "longitude") if place.get(k) is not None}
    photos = [p.get("identifier") for p in item.get("photos") or [] if isinstance(p, dict) and p.get("identifier")]
    if photos:
        meta["photos"] = photos
    if item.get("starred"):
        meta["starred"] = True
    entry = capture.text_entry(text, at=at, author=author, source=source or f"{NAME}:{journal}", meta=meta)
    key = item.get("uuid") or capture.digest(f"{item['creationDate']}\0{text}")
    entry.items = [(f"{NAME}:{key}", capture.digest(text))]
    return entry


def _local(created: str, zone: str | None) -> str:
    """Day One's UTC creation time as the wall-clock time where the entry was written."""
    when = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    if zone:
        try:
            from zoneinfo import ZoneInfo

            return when.astimezone(ZoneInfo(zone)).replace(tzinfo=None).isoformat()
        except (KeyError, ValueError, ImportError, OSError):
            pass
    return when.astimezone().replace(tzinfo=None).isoformat()
