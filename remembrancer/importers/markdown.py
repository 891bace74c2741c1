"""An Obsidian vault, or any folder of Markdown notes: one entry a note.

A note is dated as any file is (`capture.file_entries`): its front matter, a date in its name (daily
notes: "2021-05-04.md"), a date heading it, else its modification time. Its front matter `tags` and
inline `#tags` go in the entry's meta, and so do its links: `[[Rhys Price]]`, `[[Rhys Price|Bug]]`,
`[[People/Rhys Price#Work|Rhys]]` and `[Bug](Rhys%20Price.md)`. A link to a note named after a person
makes the words shown a mention of that person, and those words (and the note's own front matter
`aliases`) their other names: `extract` reads them (`extract.linked_people`). A note is known again by its path
in the vault; an edited one is stored again as a new entry. Hidden folders (`.obsidian`, `.trash`)
and the vault's templates folder are left out.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

from .. import capture, dates
from ..errors import NotFound

NAME = "markdown"
HELP = "an Obsidian vault or a folder of Markdown notes (front matter, [[links]], #tags), one entry a note"

SUFFIXES = (".md", ".markdown")
PEOPLE_FOLDERS = {"people", "person", "persons", "contacts", "family", "friends"}
PEOPLE_TAGS = {"person", "people", "contact", "family", "friend"}
_WIKI = re.compile(r"(?<!!)\[\[([^\[\]|#^\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\]")
_MDLINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?!https?:|mailto:)([^()\s]+?\.md)\)")
_TAG = re.compile(r"(?<![\w#&/`])#([^\W\d_][\w/-]*)")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def detect(path: Path) -> bool:
    if path.is_dir():
        return (path / ".obsidian").is_dir() or bool(notes(path)) and not any(
            p.suffix.lower() == ".txt" for p in path.rglob("*.txt"))
    return path.is_file() and path.suffix.lower() in SUFFIXES


def notes(root: Path) -> list[Path]:
    """The notes of a vault or folder, without hidden folders or the vault's templates folder."""
    if root.is_file():
        return [root]
    templates = _templates(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(root).parts)
                  and not (templates and p.relative_to(root).as_posix().startswith(templates + "/")))


def _templates(root: Path) -> str | None:
    """The folder Obsidian's templates plugin keeps its templates in ({{date}} placeholders, not writing)."""
    for name in ("templates.json", "plugins/templater-obsidian/data.json"):
        try:
            folder = json.loads((root / ".obsidian" / name).read_text(encoding="utf-8")).get("folder") or ""
        except (OSError, ValueError, AttributeError):
            continue
        if folder.strip("/"):
            return folder.strip("/")
    return None


def read(path, *, author=None, source=None, me=None, order=dates.Order(), known=None) -> capture.Batch:
    root = Path(path)
    found = notes(root)
    if not found:
        raise NotFound(f"No Markdown notes (.md) in {root}", "Give a vault or a folder holding .md notes; nothing was stored.")
    base = root if root.is_dir() else root.parent
    read_in = capture.read_files(found)
    fronts = {p: capture.front_matter(item.text) for p, item in zip(found, read_in)}
    titles = {p.stem.lower(): p for p in found}
    batch = capture.file_entries(found, author=author, source=source, order=order, read=read_in)
    for p, item, entry in zip(found, read_in, batch.entries):
        front = fronts[p]
        entry.meta["note"] = p.relative_to(base).as_posix()
        tags = _list(front.get("tags")) + _list(front.get("tag"))
        tags += [t for t in _TAG.findall(_CODE.sub("", item.text)) if t not in tags]
        if tags:
            entry.meta["tags"] = list(dict.fromkeys(tags))
        links = []
        for start, end, target in _links(item.text):
            note = titles.get(target.lower())
            link = {"start": start, "end": end, "note": Path(target).name}
            if note is not None:
                their = fronts[note]
                if _person_note(note, their, base):
                    link["person"] = True
                if _list(their.get("aliases")) + _list(their.get("alias")):
                    link["aliases"] = _list(their.get("aliases")) + _list(their.get("alias"))
            links.append(link)
        if links:
            entry.meta["links"] = links
        entry.items = [(f"{NAME}:{entry.meta['note']}", capture.digest(item.text))]
    batch.format = NAME
    return batch


def _list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).lstrip("#") for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        return [v.lstrip("#") for v in re.split(r"[,\s]+", value.strip()) if v]
    return []


def _person_note(note: Path, front: dict, base: Path) -> bool:
    """Says the vault itself that a note is about a person: in a People folder, or tagged person."""
    folders = {part.lower() for part in note.relative_to(base).parts[:-1]}
    tags = {t.lower() for t in _list(front.get("tags")) + _list(front.get("tag"))}
    kind = str(front.get("type") or front.get("category") or "").lower()
    return bool(folders & PEOPLE_FOLDERS or tags & PEOPLE_TAGS or kind in PEOPLE_TAGS)


def _links(text: str):
    """(start, end, target) of each link to a note: start and end are those of the words shown."""
    code = [(m.start(), m.end()) for m in _CODE.finditer(text)]
    for m in _WIKI.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        target = m.group(1).strip()
        shown = 2 if m.group(2) else 1
        yield m.start(shown), m.start(shown) + len(m.group(shown).rstrip()), target.rsplit("/", 1)[-1]
    for m in _MDLINK.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        target = Path(urllib.parse.unquote(m.group(2))).stem
        yield m.start(1), m.end(1), target


def moved_links(links, old: str, new: str) -> list[dict]:
    """The links of a note whose text the owner edited, each at its words in the new text (the place
    nearest where they were); a link whose words are gone goes too."""
    out = []
    for link in links:
        shown = old[link["start"]:link["end"]]
        found = [m.start() for m in re.finditer(re.escape(shown), new)] if shown else []
        if found:
            start = min(found, key=lambda i: abs(i - link["start"]))
            out.append({**link, "start": start, "end": start + len(shown)})
    return out
