"""Email: an `.mbox` file (as Gmail's Takeout and Thunderbird keep mail), an `.eml` message, a folder of
`.eml` files, or a Maildir; read with the standard library's `mailbox` and `email`.

A thread is a conversation: the messages of a thread (by References/In-Reply-To, else by subject) on one
day make one chat, each message a turn by its sender, starting with who it was to and its subject
("To: Joan Hartley\nSubject: Sunday"), so the recipients are people too. A sender is named as they
most often sign their mail, or by their address. The words are the plain-text part, else the HTML one
turned into text; quoted text ("> ..." under "On ... wrote:", "-----Original Message-----" and what
follows) is left out when the message it quotes is in the import or already stored, so no words are
stored twice; a signature under "-- " is left out. `--me` is a name or an address. A message is known
again by its Message-ID.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import mailbox
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from .. import capture, dates
from ..errors import BadFormat, EmptyInput
from .shared import Message, chats_by_day, peek, spoken_by

NAME = "email"
HELP = "email: an .mbox, an .eml, a folder of .eml files or a Maildir; a thread a day one conversation"


def detect(path: Path) -> bool:
    if path.is_dir():
        return all((path / d).is_dir() for d in ("cur", "new")) or any(p.suffix.lower() == ".eml" for p in path.iterdir())
    if path.suffix.lower() in (".mbox", ".eml", ".mbx"):
        return True
    head = peek(path, 2048)
    return path.is_file() and (head.startswith("From ") and "\n" in head and bool(re.search(r"^(From|Date|Subject):", head, re.M)))


def _messages(path: Path):
    """(where, email.message.EmailMessage) of every message."""
    if path.is_dir() and all((path / d).is_dir() for d in ("cur", "new")):
        box = mailbox.Maildir(str(path), factory=None, create=False)
        for key in sorted(box.keys()):
            yield f"{path} message {key}", email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    elif path.is_dir():
        for p in sorted(path.rglob("*.eml")):
            yield str(p), email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
    elif path.suffix.lower() == ".eml":
        yield str(path), email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    else:
        box = mailbox.mbox(str(path), factory=None, create=False)
        for n, key in enumerate(box.keys(), 1):
            yield f"{path} message {n}", email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)


def read(path, *, author=None, source=None, me=None, order=None, known=None) -> capture.Batch:
    path = Path(path)
    mails = []
    try:
        for where, msg in _messages(path):
            mails.append(_mail(where, msg))
    except (OSError, mailbox.Error) as e:
        raise BadFormat(f"{path}: not a mailbox that can be read ({e})", "Check the file; nothing was stored.") from None
    if not mails:
        raise EmptyInput(f"{path}: no messages", "Check that it is an .mbox or .eml file; nothing was stored.")
    # Everyone by the name they most often send under, else their address.
    names: dict[str, Counter] = {}
    for m in mails:
        for name, addr in [m["from"]] + m["to"]:
            if addr:
                names.setdefault(addr, Counter())[name] += 2 if (name, addr) == m["from"] else 1
    def called(name, addr):
        counts = names.get(addr)
        best = [n for n, _ in counts.most_common() if n] if counts else []
        return best[0] if best else name or addr.split("@")[0] or addr
    if me is not None and "@" in me:
        me = called("", me.lower())
    ids = {m["id"] for m in mails}
    stored = known({f"{NAME}:{i}" for m in mails for i in m["refs"]}) if known else set()
    threads: dict[str, str] = {}
    messages = []
    for m in sorted(mails, key=lambda m: m["at"]):
        root = next((threads[r] for r in m["refs"] if r in threads), None)
        if root is None:
            root = m["refs"][0] if m["refs"] else "subject:" + _topic(m["subject"]) if _topic(m["subject"]) else m["id"]
            root = threads.get(root, root)
        threads[m["id"]] = root
        quoted = any(r in ids or f"{NAME}:{r}" in stored for r in m["refs"][-1:])
        body = _unquoted(m["body"]) if quoted else m["body"]
        head = []
        if m["to"]:
            head.append("To: " + ", ".join(called(n, a) for n, a in m["to"]))
        if m["subject"]:
            head.append("Subject: " + m["subject"])
        text = "\n".join(head) + ("\n\n" if head and body else "") + body
        if not text.strip():
            continue
        messages.append(Message(root, m["at"], called(*m["from"]), text, f"{NAME}:{m['id']}", ref=m["id"]))
    entries = chats_by_day(messages, app=NAME, author=author, source=source, me=me)
    for entry in entries:
        entry.meta["chat"] = entry.meta["thread"] = _subject_of(entry.turns[0].text)
        entry.source = source or f"{NAME}:{entry.meta['thread']}"
    return capture.Batch(spoken_by(entries, me, path))


def _subject_of(text):
    m = re.search(r"^Subject: (.*)$", text, re.M)
    return m.group(1) if m else "(no subject)"


def _topic(subject: str) -> str:
    return re.sub(r"^(?:\s*(?:re|fwd?|aw|sv|tr)\s*:\s*)+", "", subject or "", flags=re.I).strip().lower()


def _mail(where, msg) -> dict:
    def addresses(*fields):
        out = []
        for f in fields:
            for name, addr in email.utils.getaddresses([str(v) for v in msg.get_all(f, [])]):
                if addr or name:
                    out.append((name.strip().strip('"'), addr.strip().lower()))
        return out

    try:
        sender = addresses("From")
        date = msg["Date"]
        when = email.utils.parsedate_to_datetime(str(date)) if date else None
    except (ValueError, TypeError, IndexError):
        raise BadFormat(f"{where}: its Date or From header cannot be read", "Check the message; nothing was stored.") from None
    if when is None:
        raise BadFormat(f"{where}: it has no Date", "Check the message; nothing was stored.")
    if when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)
    ident = str(msg["Message-ID"] or "").strip().strip("<>") or capture.digest(f"{date}\0{sender}\0{msg['Subject']}")
    refs = re.findall(r"<([^<>\s]+)>", f"{msg['References'] or ''} {msg['In-Reply-To'] or ''}")
    return {"id": ident, "at": when, "from": sender[0] if sender else ("", ""), "to": addresses("To", "Cc"),
            "subject": str(msg["Subject"] or "").strip(), "refs": list(dict.fromkeys(refs)), "body": _body(msg)}


def _body(msg) -> str:
    """The words of a message: its text/plain part, else its HTML turned into text."""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, AttributeError):
        part = None
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AttributeError):
        content = part.get_payload(decode=True) or b""
        content = content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
    if not isinstance(content, str):
        return ""
    text = html_text(content) if part.get_content_subtype() == "html" else content
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sig = re.search(r"^-- ?$", text, re.M)  # "-- " opens a signature
    if sig:
        text = text[:sig.start()]
    return text.strip()


_ATTRIBUTION = re.compile(r"^(?:On .{4,200}wrote:|Le .{4,200}a écrit\s?:|Am .{4,200}schrieb.{0,60}:|El .{4,200}escribió:"
                          r"|.{2,120}<[^>@\s]+@[^>\s]+>.{0,40}:)\s*$", re.I)
_FORWARDED = re.compile(r"^(?:-{2,}\s*Original Message\s*-{2,}|_{20,}|From: .+\n(?:Sent|Date): )", re.I | re.M)


def _unquoted(text: str) -> str:
    """The words of a reply without what it quotes."""
    cut = _FORWARDED.search(text)
    if cut:
        text = text[:cut.start()]
    lines = text.split("\n")
    kept = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        if _ATTRIBUTION.match(line.strip()) and any(l.lstrip().startswith(">") for l in lines[i + 1:i + 4]):
            continue
        kept.append(line)
    # An attribution line wrapped over two lines ("On Sun, 5 May 2024 at 10:00, Joan Hartley\n<joan@x> wrote:")
    out = "\n".join(kept).rstrip()
    out = re.sub(r"\n(?:On |Le |Am |El )[^\n]{0,200}\n[^\n]{0,120}(?:wrote|écrit|schrieb|escribió)\s?:\s*$", "", out)
    return out.strip()


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
              "header", "footer", "table", "ul", "ol", "hr", "pre"}
    SKIP = {"script", "style", "head", "title", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.quote, self.divs = [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        # A quoted reply is written as "> " lines, and left out by the same rule as in plain text.
        cited = tag == "blockquote" or tag == "div" and any(c in (dict(attrs).get("class") or "")
                                                           for c in ("gmail_quote", "moz-cite-prefix", "yahoo_quoted"))
        if tag == "div":
            self.divs.append(cited)
        self.quote += cited
        if tag in self.BLOCKS:
            self.out.append("\n")
        if tag == "li":
            self.out.append("- ")
        if tag in ("td", "th"):
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == "blockquote" and self.quote:
            self.quote -= 1
        if tag == "div" and self.divs and self.divs.pop() and self.quote:
            self.quote -= 1
        if tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            data = re.sub(r"[ \t\r\n\f\xa0]+", " ", data)
            self.out.append("> " + data if self.quote and data.strip() else data)


def html_text(html: str) -> str:
    """HTML as the text a reader sees: blocks on their own lines, lists as "- ", scripts and styles left out."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - the standard parser is lenient; this is the last resort
        return re.sub(r"<[^>]+>", " ", html)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in "".join(parser.out).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return re.sub(r"\n\n(?=- )", "\n", text).strip()  # a list's items one a line
