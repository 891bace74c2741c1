"""The `remembrancer` command: a thin layer over `Memory`."""
from __future__ import annotations

import functools
import json
import os
import re
import sys

import click

from . import capture, dates, importers
from .capture import TEXT_SUFFIXES, decode
from .errors import BadInput, EmptyInput, NeedsKey, NotFound, RemembrancerError, StoreLocked, UnknownFormat
from .postgres import WARM_SECONDS
from .store import Memory, decrypt as decrypt_store, default_path, encrypt as encrypt_store, is_encrypted, is_url, read_key_file


def run(fn):
    """Turn typed errors into one line with a remedy and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except RemembrancerError as e:
            click.echo(f"Error: {visible(e.line())}", err=True)
            sys.exit(1)
        except UnicodeEncodeError:  # bytes the terminal could not decode, in a name or a query
            click.echo("Error: An argument is not valid text in your terminal's encoding. Type it again in UTF-8;"
                       " nothing was changed.", err=True)
            sys.exit(1)

    return wrapper


def open_memory(ctx, derive=False, create=False, complete=True):
    """The store named by --db; only the commands that add to it make a new one. `derive`: understand what
    is added; `complete`: first understand what an earlier run left not understood (a crash, `--no-extract`)."""
    path = ctx.obj["db"] or default_path()
    memory = Memory(path, derive=False, create=create, key=key_for(ctx, path))
    if complete and not memory.readonly:
        pending = max(memory.pending_counts().values(), default=0)
        if pending:
            if sys.stderr.isatty():
                click.echo(f"Understanding {plural(pending, 'entry')} stored earlier but not yet understood...", err=True)

            try:
                busy = memory.complete() is None
            except StoreLocked:  # another program is writing: answer from what is understood already
                busy = True
            tell_failures(memory.failed_now)
            if busy and sys.stderr.isatty():
                click.echo("  (the store is busy elsewhere; answers may miss them until it is not)", err=True)
    memory.derive = derive
    return memory


def key_for(ctx, path) -> str | None:
    """The key of the store at `path`: --key-file's (or $REMEMBRANCER_KEY_FILE's), else, for an encrypted
    store, asked for on a terminal; None for a plain one."""
    key = store_key(ctx)
    if key is None and is_encrypted(path) and sys.stdin.isatty():
        key = ctx.obj["key"] = ask_key(f"Key for {path}")
    return key


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


# Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts the escape sequences that
# move the cursor, set the title, hide text, ...), but tab and newline; and the bidirectional overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(data):
    """Text from the store as it may be printed: each control character shown as an escape (\\x1b), in
    strings, lists and dicts alike. Entries keep their exact text; only what is printed is escaped."""
    if isinstance(data, str):
        return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", data)
    if isinstance(data, list):
        return [visible(x) for x in data]
    if isinstance(data, dict):
        return {k: visible(v) for k, v in data.items()}
    return data


_C1 = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def as_json_text(data, **kwargs) -> str:
    """JSON with every control character escaped (json escapes C0 itself, not C1 nor the bidirectional overrides)."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, **kwargs))


def emit(data, as_json, human):
    if as_json:
        click.echo(as_json_text(data, indent=2))
    else:
        human(visible(data))


def show_passage(p):
    p = visible(p)
    head = " · ".join(x for x in (p.get("at"), p.get("speaker") or p.get("author")) if x)
    click.echo(click.style(head or "undated", fg="cyan") + (f"  [{p['ref']}]" if p.get("ref") else "") + _entry_no(p))
    click.echo("  " + p["text"].replace("\n", "\n  "))


def _entry_no(p) -> str:
    """Which entry a passage is of, for `remembrancer entry show|edit|date|delete ID`."""
    return click.style(f"  (entry {p['entry']})", dim=True) if p and p.get("entry") else ""


def _arg(word: str) -> str:
    return f'"{word}"' if any(c.isspace() for c in word) else word


def preview(text: str, n: int) -> str:
    words = " ".join(text.split())
    return words[:n] + ("…" if len(words) > n else "")


def say_on_stderr():
    """What a long-running command's background threads say (warming a memory, understanding in the background), one
    plain line each on standard error: never on standard output, which is MCP's protocol or the worker's report."""
    import logging

    class Stderr(logging.Handler):  # the standard error of the moment (a test's runner replaces it)
        def emit(self, record):
            sys.stderr.write(record.getMessage() + "\n")

    logger = logging.getLogger("remembrancer")
    if not logger.handlers:
        logger.addHandler(Stderr())
        logger.setLevel(logging.INFO)


def warm_option(command):
    """--warm SECONDS, for the commands that keep running (serve, mcp, worker)."""
    return click.option("--warm", type=click.FloatRange(0), default=WARM_SECONDS, show_default=True, envvar="REMEMBRANCER_WARM",
                        metavar="SECONDS", help="Warm a PostgreSQL memory as it is opened, in the background, for at most this"
                        " long: its first questions find their pages read ($REMEMBRANCER_WARM; 0: not at all)."
                        " Nothing for an SQLite store.")(command)


@click.group()
@click.option("--db", envvar="REMEMBRANCER_DB", type=click.Path(dir_okay=False), help="The store (default: $REMEMBRANCER_DB, else your data folder).")
@click.option("--key-file", envvar="REMEMBRANCER_KEY_FILE", type=click.Path(dir_okay=False),
              help="A file holding the key of an encrypted store (default: $REMEMBRANCER_KEY_FILE; else asked for on a terminal).")
@click.option("--memory", envvar="REMEMBRANCER_MEMORY", metavar="NAME",
              help="Which memory in a PostgreSQL database (--db postgresql://...; default: memories).")
@click.version_option(package_name="remembrancer")
@click.pass_context
def cli(ctx, db, key_file, memory):
    """remembrancer: write it down once, never forget.

    Example: remembrancer add "Coffee with Ianto at the Hub." --at 2009-05-01
    """
    ctx.ensure_object(dict)
    if memory is not None:
        if not is_url(str(db or default_path())):
            raise click.UsageError("--memory names a memory in a PostgreSQL database: give --db postgresql://...")
        from .postgres import with_memory

        try:
            db = with_memory(str(db or default_path()), memory)
        except BadInput as e:  # a bad name: its message says how names are made
            raise click.UsageError(e.line()) from None
    ctx.obj["db"] = db
    ctx.obj["key_file"] = key_file


def store_key(ctx, confirm=False) -> str | None:
    """The key from --key-file / $REMEMBRANCER_KEY_FILE, else None (or, with `confirm`, asked for twice)."""
    if ctx.obj.get("key") is None and ctx.obj.get("key_file"):
        ctx.obj["key"] = read_key_file(ctx.obj["key_file"])
    if ctx.obj.get("key") is None and confirm:
        ctx.obj["key"] = ask_key(f"New key for {ctx.obj['db'] or 'the store'}", confirm=True)
    return ctx.obj.get("key")


def ask_key(prompt, confirm=False) -> str:
    if not sys.stdin.isatty():
        raise NeedsKey("The store's key is needed", "Give --key-file PATH or set $REMEMBRANCER_KEY_FILE.")
    key = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, default="", show_default=False)
    if not key:
        raise EmptyInput("No key given", "Type the key, or give --key-file PATH.")
    return key


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def path(ctx, as_json):
    """Print where the store is.

    Example: remembrancer path
    """
    p = str(ctx.obj["db"] or default_path())
    if is_url(p):
        from .postgres import PgPath, split_url

        p = PgPath(*split_url(p)).shown  # a PostgreSQL memory's URL, without its password
    emit({"path": p}, as_json, lambda d: click.echo(d["path"]))


def summary_line(result):
    return (f"{plural(result['entries'], 'entry')}, {plural(result['passages'], 'passage')}, {plural(result['words'], 'word')}"
            f" in {result['seconds']:.2f}s" + (f" ({result['duplicates']} already stored)" if result["duplicates"] else ""))


SLOW_WORDS = 20_000  # about a few seconds of understanding: more, and a terminal shows the bar for one entry too


def remember(memory, batch, label, as_json=False):
    """Store a batch (see `capture.Batch`) with one progress bar for all of it, on a terminal or (`--json`)
    as JSON lines on standard error."""
    from .progress import JsonLines, Progress, TerminalBar

    words = sum(e.words for e in batch.entries)
    show = None
    if as_json:
        show = JsonLines()
    elif sys.stderr.isatty() and (len(batch.entries) > 1 or words >= SLOW_WORDS):
        show = TerminalBar(label)
    # JSON lines for a run that lasts (a program waiting on a quick one needs only the result)
    progress = Progress(show, understand=memory.derive, every=1.0 if as_json else 0.25,
                        after=1.0 if as_json else 0.0) if show else None
    if progress:
        progress.update("reading", words, words)
    try:
        result = memory.add_batch(batch, report=progress.update if progress else None)
        if progress:
            progress.done()
    finally:
        if show:
            show.close()
    tell_failures(result.get("failed", []))
    return result


def day_first_option(fn):
    return click.option("--day-first/--month-first", "day_first", default=None,
                        help="How numbers like 08/05/2023 are read: 8 May (--day-first) or August 5 (--month-first)."
                             " Kept as the store's setting (default: the store's, else your locale's).")(fn)


def store_order(ctx, day_first):
    """The day/month order to read input with: the flag, else the store's (if there is a store), else the locale's."""
    if day_first is not None:
        return dates.Order(day_first, "flag")
    path = ctx.obj["db"] or default_path()
    if str(path) != ":memory:" and (is_url(str(path)) or os.path.exists(path)):
        try:
            with Memory(path, derive=False, create=False, key=key_for(ctx, path)) as memory:
                return memory.date_order()
        except NotFound:  # a PostgreSQL memory not made yet
            pass
    return dates.locale_order()


def known_keys(ctx):
    """A lookup of the import keys a store already holds (none if there is no store yet)."""
    path = ctx.obj["db"] or default_path()
    if str(path) == ":memory:" or not (is_url(str(path)) or os.path.exists(path)):
        return None

    key = key_for(ctx, path)

    def known(keys):
        try:
            with Memory(path, derive=False, create=False, key=key) as memory:
                return memory.known_keys(keys)
        except NotFound:  # a PostgreSQL memory not made yet: nothing is known
            return set()

    return known


def dated_line(result) -> str:
    """What the person should know about dates: how many entries nothing in them dated."""
    dated = result.get("dated") or {}
    parts = []
    if dated.get("file time"):
        parts.append(f"{plural(dated['file time'], 'entry')} dated by {'its' if dated['file time'] == 1 else 'their'} file's time")
    if dated.get("today"):
        parts.append(f"{plural(dated['today'], 'entry')} dated today")
    if not parts:
        return ""
    return " and ".join(parts) + ": nothing in them says when (give --at, or a date line or file name)."


def tell_failures(failed):
    """One line on standard error for each entry stored but not understood (it never stops the others)."""
    for f in visible(failed):
        click.echo(f"Warning: entry {f['entry']} is stored but could not be understood ({f['processor']}: {f['error']});"
                   " it is tried again after an upgrade or `remembrancer reindex`. `remembrancer check` lists these.", err=True)


@cli.command()
@click.argument("items", nargs=-1, required=True)
@click.option("--at", help="When it happened: a date or date-time (default: from the text or file, else now).")
@click.option("--author", help="Who wrote it (default: you).")
@click.option("--source", help="Where it came from.")
@day_first_option
@click.option("--no-extract", is_flag=True, help="Only store it; it is understood the next time the store is opened.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (and, for a run of more than a second, progress as JSON lines on standard error).")
@click.pass_context
@run
def add(ctx, items, at, author, source, day_first, no_extract, as_json):
    """Remember a text, standard input (-), files or folders (.txt, .md).

    A file is dated by its front matter, its name (2019-06-02.md, 14.02.2021.txt, March 7 2021.md),
    a date heading it, else its modification time (and then says so).

    Example: remembrancer add "Coffee with Ianto at the Hub." --at 2009-05-01
    """
    order = store_order(ctx, day_first)
    at_iso = dates.parse(at, order.day_first) if at else None
    if items == ("-",):
        text = capture.decode(sys.stdin.buffer.read(), "standard input")
        batch = capture.Batch([capture.text_entry(text, at=at_iso, author=author, source=source, day_first=order.day_first)])
    elif len(items) == 1 and not _looks_like_path(items[0]):
        batch = capture.Batch([capture.text_entry(items[0], at=at_iso, author=author, source=source,
                                                  day_first=order.day_first)])
    else:
        batch = capture.file_entries(items, at=at_iso, author=author, source=source, order=order)
    if order.source == "flag":
        batch.order = order
    memory = open_memory(ctx, derive=not no_extract, create=True, complete=not no_extract)  # after the input is read: bad input makes no store
    entries = batch.entries
    result = remember(memory, batch, "Remembering", as_json)
    if as_json:
        emit(result, True, None)
        return
    for r in result["results"]:
        if not r["new"]:
            click.echo(already(r))
    if len(entries) == 1 and result["entries"] == 1:
        r = result["results"][0]
        click.echo(f"Remembered entry {r['entry']}: {plural(r['passages'], 'passage')}, {plural(r['words'], 'word')}.")
    elif len(entries) > 1:
        click.echo(summary_line(result))
    typed = items == ("-",) or len(items) == 1 and not _looks_like_path(items[0])  # written now: today is its date
    for line in result.get("notes", []) + ([dated_line(result)] if dated_line(result) and not typed else []):
        click.echo(line)


def already(r):
    """What to say of a text kept already: as an entry, one in the trash, or an earlier version of one."""
    if r.get("version"):
        return (f"Already remembered: it is version {r['version']} of entry {r['entry']}, since changed;"
                f" not stored again (`remembrancer entry history {r['entry']}`).")
    if r.get("deleted"):
        return (f"Already remembered as entry {r['entry']}, in the trash; not stored again"
                f" (`remembrancer entry restore {r['entry']}` brings it back).")
    return f"Already remembered as entry {r['entry']}; stored once."


def known_format(fmt, formats):
    """The format, or a one-line error naming the ones there are (not click's usage screen)."""
    if fmt.lower() not in formats:
        raise UnknownFormat(f"Unknown format {fmt!r}", f"Use {' or '.join(formats)}; nothing was changed.")
    return fmt.lower()


def _looks_like_path(item):
    """An existing path, or one word that names a file (so a missing file is an error, not a memory)."""
    if "\n" in item or len(item) >= 4096:
        return False
    one_word = not any(c.isspace() for c in item)
    named = item.startswith(("/", "./", "../", "~/")) or os.path.splitext(item)[1].lower() in TEXT_SUFFIXES
    return os.path.exists(item) or (one_word and named)


IMPORT_HELP = """Import what you already keep: FORMAT is found from the file or folder, or named.

\b
Formats:
  dayone     a Day One JSON export (the .zip, or its Journal.json)
  markdown   an Obsidian vault or a folder of Markdown notes ([[links]], #tags, front matter)
  whatsapp   a WhatsApp chat export (.txt, or its .zip)
  telegram   a Telegram Desktop JSON export (result.json)
  email      an .mbox, an .eml, a folder of .eml files or a Maildir
  jsonl      JSONL, an entry or a chat message a line (what `export` writes)
  locomo     LoCoMo JSON conversations
  text       text and Markdown files or folders of them, a file an entry

Chats are stored one chat a day. Importing the same export again, or a newer one that overlaps it,
adds only what is new, and says how much that was. A JSONL export brings back everything it holds:
versions, the trash, corrections and reviews.

\b
Example: remembrancer import WhatsApp-Chat-with-Sam.txt --me Alex
Example: remembrancer import telegram result.json
Example: remembrancer import dayone Export.zip
Example: remembrancer import jsonl memories.jsonl
"""


@cli.command(name="import", help=IMPORT_HELP)
@click.argument("args", nargs=-1, required=True, metavar="[FORMAT] PATH...")
@click.option("--author", help="Who wrote it (default: you).")
@click.option("--me", metavar="SPEAKER", help="In chats and mail, the speaker (or address) who is you: their 'I' is yours,"
                                               " their 'Mum' your mother.")
@click.option("--source", help="Where it came from.")
@day_first_option
@click.option("--no-extract", is_flag=True, help="Only store it; it is understood the next time the store is opened.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (and, for a run of more than a second, progress as JSON lines on standard error).")
@click.pass_context
@run
def import_(ctx, args, author, me, source, day_first, no_extract, as_json):
    fmt, paths = None, list(args)
    if len(args) >= 2 or not os.path.exists(args[0]):
        formats = set(importers.names()) | set(importers.ALIASES)
        if args[0].lower() in formats and not os.path.exists(args[0]):
            fmt, paths = args[0], list(args[1:])
        elif len(args) >= 2 and not os.path.exists(args[0]):
            importers.module(args[0])  # an unknown format: the error names those there are
    if not paths:
        raise BadInput(f"Give the file or folder to import as {fmt}", f"remembrancer import {fmt} PATH; nothing was changed.")
    order = store_order(ctx, day_first)
    batch = importers.read(fmt, paths, author=author, source=source, me=me, order=order, known=known_keys(ctx))
    if order.source == "flag":
        batch.order = order
    memory = open_memory(ctx, derive=not no_extract, create=True, complete=not no_extract)
    result = remember(memory, batch, "Importing", as_json)
    if as_json:
        result.pop("results")
        emit(result, True, None)
        return
    click.echo(summary_line(result))
    for line in [items_line(result)] + result.get("notes", []) + [dated_line(result)]:
        if line:
            click.echo(line)


def items_line(result) -> str:
    """How much of an import was new: "1,204 items: 310 new, 894 already stored; 2 chats grew"."""
    items = result.get("items")
    if not items:
        return ""
    line = f"{items['items']:,} items in the export: {items['new']:,} new"
    if items["known"]:
        line += f", {items['known']:,} already stored"
    if items["changed"]:
        line += f", {items['changed']:,} changed since (each kept as a new entry; the old ones stay)"
    if items["continued"]:
        line += f"; {plural(items['continued'], 'chat')} had grown: the new messages stored as {'its' if items['continued'] == 1 else 'their'} continuation"
    return line + "."


def search_options(fn):
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)
    fn = click.option("--queries", type=click.Path(), help='Batch mode: a JSONL file of {"id", "query"} lines; writes one JSON line per query.')(fn)
    fn = click.option("--limit", default=10, type=click.IntRange(min=1), show_default=True, help="How many passages.")(fn)
    return fn


def batch_queries(path, answer, given=None):
    """Read {"id", "query"} lines, write {"id", "results"} lines, all in this one process. Every line is
    read before any is answered, so a bad line stops the batch before it prints anything."""
    from pathlib import Path

    if given:
        raise click.UsageError("Give a query or --queries FILE, not both.")
    p = Path(path)
    if not p.is_file():
        raise NotFound(f"No such file: {path}")
    asked = []
    for n, line in enumerate(decode(p.read_bytes(), path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            asked.append((obj["id"], obj["query"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise BadInput(f"{path} line {n}: expected {{\"id\", \"query\"}}",
                           'Write one {"id": 1, "query": "coffee"} a line; nothing was answered.') from None
    for qid, query in asked:
        click.echo(as_json_text({"id": qid, "results": answer(query)}))


@cli.command(context_settings={"ignore_unknown_options": True})  # `search -coffee` is a query, not an option
@click.argument("query", nargs=-1)
@search_options
@click.pass_context
@run
def search(ctx, query, limit, queries, as_json):
    """Find passages by their words (BM25).

    Example: remembrancer search "coffee with Ianto"
    """
    memory = open_memory(ctx, complete=False)  # passages are stored, not derived: words alone find them
    if queries:
        return batch_queries(queries, lambda q: memory.search(q, limit=limit), given=query)
    query = " ".join(query)
    if not query:
        raise click.UsageError("Give a QUERY or --queries FILE.")
    results = memory.search(query, limit=limit)
    emit(results, as_json, lambda rs: [show_passage(dict(p, author=memory.entry(p["entry"])["author"])) for p in rs]
         if rs else click.echo("Nothing found."))


@cli.command()
@click.option("--format", "fmt", default="jsonl", show_default=True, help="jsonl or markdown.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@click.option("--json", "as_json", is_flag=True,
              help='With -o, print {"entries", "format", "output"}; without, the entries are JSON lines (as --format jsonl).')
@click.pass_context
@run
def export(ctx, fmt, output, as_json):
    """Write out every entry, word for word (JSONL re-imports with `import jsonl`).

    JSONL holds everything you made: each entry's versions, the trash, your corrections, hidden people and
    review history; imported into a new store it gives this store back. Markdown leaves out the trash.

    Example: remembrancer export --format markdown -o memories.md
    """
    fmt = "jsonl" if as_json and not output else known_format(fmt, ("jsonl", "markdown"))
    memory = open_memory(ctx, complete=False)
    # An export is its owner's alone (0600), as the store is; on a terminal its control characters are shown escaped.
    out = sys.stdout
    if output:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        out = os.fdopen(fd, "w", encoding="utf-8")
    shown = visible if not output and sys.stdout.isatty() and fmt == "markdown" else (lambda c: c)
    entries = 0
    try:
        for chunk in memory.export(fmt):
            out.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", chunk) if fmt == "jsonl" else shown(chunk))
            entries += not chunk.startswith('{"table": ')  # the owner's records follow the entries
    finally:
        if output:
            out.close()
    if output:
        emit({"entries": entries, "format": fmt, "output": output}, as_json,
             lambda r: click.echo(f"Wrote {plural(r['entries'], 'entry')} to {r['output']}.", err=True))


@cli.command()
@click.option("--repair", is_flag=True, help="Rebuild the search index if it is out of step.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def check(ctx, repair, as_json):
    """Check the store: SQLite integrity, the search index, content hashes.

    Example: remembrancer check
    """
    memory = open_memory(ctx, complete=False)
    if repair:
        memory.repair()
    problems = memory.check()
    pending = memory.pending_counts()
    failed = memory.failures()

    def human(d):
        click.echo("ok" if d["ok"] else "\n".join(d["problems"]))
        if any(pending.values()):
            parts = ", ".join(f"{plural(n, 'entry')} by {name}" for name, n in pending.items() if n)
            click.echo(f"Not yet understood: {parts} (they will be at the next add, import, serve or reindex).")
        for f in d["failed"]:
            click.echo(f"Could not be understood: entry {f['entry']} by {f['processor']} ({f['error']}, {f['at']});"
                       " stored and searchable, tried again after an upgrade or `remembrancer reindex`.")

    emit({"ok": not problems, "problems": problems, "pending": pending, "failed": failed}, as_json, human)
    if problems:
        sys.exit(1)


@cli.command()
@click.argument("target", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def backup(ctx, target, as_json):
    """Copy the store safely, even while it is in use.

    Example: remembrancer backup ~/backups/memories-2026-11-28.db
    """
    memory = open_memory(ctx, complete=False)
    path = memory.backup(target)
    emit({"backup": str(path)}, as_json, lambda d: click.echo(f"Backed up to {d['backup']}"))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def stats(ctx, as_json):
    """How much is remembered.

    Example: remembrancer stats --json
    """
    memory = open_memory(ctx, complete=False)
    emit(memory.stats(), as_json, lambda s: [click.echo(f"{k}: {v}") for k, v in s.items()])


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def encrypt(ctx, as_json):
    """Encrypt the store (SQLCipher) with the key in --key-file, or one typed twice.

    Keep the key safe: without it nothing in the store can be read. Stop `serve` first.

    Example: remembrancer --key-file ~/.config/remembrancer.key encrypt
    """
    path = encrypt_store(ctx.obj["db"] or default_path(), store_key(ctx, confirm=True))
    emit({"encrypted": str(path)}, as_json,
         lambda d: click.echo(f"Encrypted {d['encrypted']}. Every command now needs its key (--key-file or $REMEMBRANCER_KEY_FILE)."))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def decrypt(ctx, as_json):
    """Make an encrypted store a plain one again (its key from --key-file, or typed).

    Example: remembrancer --key-file ~/.config/remembrancer.key decrypt
    """
    path = ctx.obj["db"] or default_path()
    key = store_key(ctx) or ask_key(f"Key for {path}")
    emit({"decrypted": str(decrypt_store(path, key))}, as_json, lambda d: click.echo(f"Decrypted {d['decrypted']}."))


# -- people ---------------------------------------------------------------------------------
def show_people(rows):
    from .people import LISTED

    if not rows:
        click.echo("No people yet.")
    for p in rows:
        others = [a for a in p["aliases"] if a != p["name"]]
        when = " · ".join(x for x in (p["first_at"], p["last_at"]) if x)
        unsure = "  (unsure)" if p.get("kind", "person") == "person" and p.get("sure") is not None and p["sure"] < LISTED else ""
        click.echo(f"{p['name']}" + (f" ({', '.join(others)})" if others else "") + f"  {plural(p['mentions'], 'mention')}"
                   + (f"  {when}" if when else "") + unsure)


def show_person(p):
    others = [a for a in p["aliases"] if a != p["name"]]
    what = " (you)" if p.get("owner") else f" ({p['kind']})" if p.get("kind", "person") != "person" else ""
    click.echo(click.style(p["name"] + what, bold=True) + (f"  also: {', '.join(others)}" if others else "") + f"  ({plural(p['mentions'], 'mention')})")
    from .forgetting import possessive

    his_her = possessive(p.get("gender"))
    yours = " (you said)"
    for r in p["relations"]:
        said = yours if r.get("said") else ""
        maybe = "perhaps " if r.get("perhaps") and not r.get("said") else ""  # read less surely than a fact: said so
        if r.get("other_owner"):
            click.echo(f"  {maybe}your {r['relation']}{said}" if r["is"] else f"  {maybe}you are {his_her} {r['relation']}{said}")
        else:
            whose = "your" if p.get("owner") else his_her
            click.echo((f"  {r['relation']} of {r['other']}" if r["is"] else f"  {r['other']} is {whose} {r['relation']}") + said)
    if p.get("about"):
        click.echo("  about:")
        for f in p["about"]:
            when = " · ".join(dict.fromkeys(x[:10] for x in (f["first_at"], f["last_at"]) if x))
            click.echo(f"    {f['statement']}" + (f" ({when})" if when else "") + (f" ×{f['said']}" if f["said"] > 1 else ""))
    if p["cues"]:
        click.echo("  cues: " + ", ".join(f"{c['cue']} ({c['weight']:.2f})" for c in p["cues"]))
    for e in p["events"]:
        how = " (by them, to another)" if e.get("agent") else ""
        how += " (not said as a fact)" if e.get("negated") else ""
        ref = f" [event {e['id']}]" if e.get("id") else ""
        when = e.get("when") or e.get("at")
        text = e["text"] or "you said so"
        kind = f"perhaps {e['kind']}" if e.get("perhaps") and not e.get("said") else e["kind"]
        click.echo(f"  {kind}{how}: {text}" + (f" ({when}{', you said' if e.get('said') and e['text'] else ''})" if when else "") + ref)
    if p["feelings"]["valence"] is not None:
        top = sorted((p["feelings"].get("emotions") or {}).items(), key=lambda kv: -kv[1])[:3]
        click.echo(f"  feeling: valence {p['feelings']['valence']:+.2f}" + (f"; mostly {', '.join(k for k, v in top if v > 0)}" if top else ""))
    s = p.get("strength")
    if s and s["recall"] is not None:
        click.echo(f"  chance of recall now: {s['recall']:.0%}" + (f", next review {s['next_review'][:10]}" if s["next_review"] else "")
                   + ("; not to be brought back" if s["hidden"] else ""))
    for c in p.get("said", []):
        click.echo(f"  you said ({c['at'][:10]}, correction {c['id']}): {c['said']}" + ("" if c["holds"] else " (not found now)"))
    for passage in p["passages"][:5]:
        show_passage(passage)
    if len(p["passages"]) > 5:
        click.echo(click.style(f"  … and more, by when they happened: remembrancer timeline --person {_arg(p['name'])}", dim=True))


def show_correction(r, page="person"):
    """What was said, with how to take it back, then the page of the person it is about (`page` of the result)."""
    c = r["correction"]
    click.echo(click.style(f"Correction {c['id']}: {c['said']}.", fg="green") + f" (Undo: remembrancer undo {c['id']})")
    show_person(r[page] if page else r)


KINDS = ("person", "pet", "place", "thing", "other")  # people.KINDS


@cli.group(invoke_without_command=True)
@click.option("--kind", default="person", show_default=True, type=click.Choice(KINDS + ("all",)),
              help="The names said to be pets, places ... (all: every name).")
@click.option("--all", "everyone", is_flag=True,
              help="Also the names read too unsurely to list as people (said once, with nothing more), marked unsure.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people(ctx, kind, everyone, as_json):
    """Everyone your memories mention, with their other names.

    A name your writing says once and no more is left out until you ask for --all; a name it treats
    as a pet, a place or a thing is under --kind. Correct what was read wrongly with the commands
    below; each is kept as what you said, across `reindex`, and `remembrancer corrections` lists
    them (`undo ID` takes one back).

    \b
    Example: remembrancer people --json
    Example: remembrancer people --all
    Example: remembrancer people --kind pet
    """
    if ctx.invoked_subcommand is None:
        emit(open_memory(ctx).people(None if kind == "all" else kind, everyone=everyone), as_json, show_people)


@people.command(name="merge")
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people_merge(ctx, a, b, as_json):
    """Say that A and B are one person (kept when memories are re-read).

    Example: remembrancer people merge "Liz" "Elizabeth Bennet"
    """
    emit(open_memory(ctx).merge_people(a, b), as_json, lambda r: show_correction(r, page=None))


@people.command(name="split")
@click.argument("name")
@click.argument("alias")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people_split(ctx, name, alias, as_json):
    """Say that ALIAS is someone other than NAME (kept when memories are re-read).

    Example: remembrancer people split "Jack Harkness" "Jack"
    """
    result = open_memory(ctx).split_person(name, alias)
    emit(result, as_json, lambda r: show_correction(r, page="split"))


def state(ctx, as_json, correct):
    """Make a correction (`correct(memory)`), then print it and the person's page, or both as JSON."""
    emit(correct(open_memory(ctx, derive=False)), as_json, show_correction)


SAID_JSON = 'Print JSON: {"correction", "person"}.'


@people.command(name="rename")
@click.argument("name")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_rename(ctx, name, new, as_json):
    """Say that NAME is called NEW (their old name stays one of theirs).

    Example: remembrancer people rename "Bug" "Rhys Evans"
    """
    state(ctx, as_json, lambda m: m.rename(name, new))


@people.command(name="kind")
@click.argument("name")
@click.argument("kind", type=click.Choice(KINDS, case_sensitive=False))
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_kind(ctx, name, kind, as_json):
    """Say what NAME is: person, pet, place, thing or other.

    A name that is not a person leaves the people list, fading, review and the graph; recall still finds it.

    Example: remembrancer people kind "Biscuit" pet
    """
    state(ctx, as_json, lambda m: m.set_kind(name, kind))


@people.command(name="relate")
@click.argument("a")
@click.argument("relation")
@click.argument("b")
@click.option("--instead", metavar="RELATION", help="A relation shown now between them that this replaces.")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_relate(ctx, a, relation, b, instead, as_json):
    """Say that A is the RELATION of B ("me" is you); B's page shows it from their side.

    \b
    Example: remembrancer people relate "Rhys" husband me
    Example: remembrancer people relate "Joan" grandmother me --instead mother
    """
    state(ctx, as_json, lambda m: m.relate(a, relation, b, instead))


@people.command(name="unrelate")
@click.argument("a")
@click.argument("relation")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_unrelate(ctx, a, relation, b, as_json):
    """Say that A is not the RELATION of B; the same tie told the other way goes too.

    Example: remembrancer people unrelate "Joan" mother me
    """
    state(ctx, as_json, lambda m: m.unrelate(a, relation, b))


@people.command(name="born")
@click.argument("name")
@click.argument("date")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_born(ctx, name, date, as_json):
    """Give the DATE NAME was born: a day, a month ("March 1987") or a year.

    Example: remembrancer people born "Bella" 2019-06-02
    """
    state(ctx, as_json, lambda m: m.set_birthday(name, date))


@people.command(name="died")
@click.argument("name")
@click.argument("date")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def people_died(ctx, name, date, as_json):
    """Give the DATE NAME died: a day, a month ("March 1987") or a year; the deaths read for them give way to it.

    Example: remembrancer people died "Grandma Rose" "3 March 2019"
    """
    state(ctx, as_json, lambda m: m.set_death(name, date))


@cli.group()
def event():
    """Correct an event read about someone (a death, a birth, a marriage ...); see them on `remembrancer person NAME`.

    Example: remembrancer event untrue "Carys" death
    """


@event.command(name="untrue")
@click.argument("name")
@click.argument("kind")
@click.option("--event", "event_id", type=int, metavar="ID", help="Only this event (its id is on their page).")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def event_untrue(ctx, name, kind, event_id, as_json):
    """Say that NAME's KIND (death, birth, marriage ...) did not happen: never shown as a fact again.

    Every KIND shown for them now, or only the one given with --event.

    Example: remembrancer event untrue "Carys" death
    """
    state(ctx, as_json, lambda m: m.event_untrue(name, kind, event_id))


@event.command(name="date")
@click.argument("name")
@click.argument("kind")
@click.argument("date")
@click.option("--event", "event_id", type=int, metavar="ID", help="Only this event (its id is on their page).")
@click.option("--json", "as_json", is_flag=True, help=SAID_JSON)
@click.pass_context
@run
def event_date(ctx, name, kind, date, event_id, as_json):
    """Say when NAME's KIND happened: a day, a month ("March 1987") or a year.

    Every KIND shown for them now, or only the one given with --event.

    Example: remembrancer event date "Grandma Rose" death 2019-03-03
    """
    state(ctx, as_json, lambda m: m.redate_event(name, kind, date, event_id))


@cli.command()
@click.option("--person", help="Only those about this person.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def corrections(ctx, person, as_json):
    """Every correction you made, newest first: what you said, when, and whether it was undone.

    Example: remembrancer corrections --person "Rhys"
    """
    def human(rows):
        if not rows:
            click.echo("No corrections yet.")
        for c in rows:
            state = f"  (undone {c['undone'][:10]})" if c["undone"] else "" if c["holds"] else "  (not found now)"
            click.echo(click.style(f"{c['id']:>4}", fg="cyan") + f"  {c['at'][:10]}  {c['said']}{state}")

    emit(open_memory(ctx, derive=False).corrections(person), as_json, human)


@cli.command()
@click.argument("correction", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def undo(ctx, correction, as_json):
    """Take back a correction (see `remembrancer corrections` for their numbers); it is kept, marked undone.

    Undoing a join, a split or a rename reads the entries naming them again (a few seconds).

    Example: remembrancer undo 12
    """
    result = open_memory(ctx, derive=False).undo(correction)
    emit(result, as_json, lambda c: click.echo(f"Undone: {c['said']}."))


@cli.command()
@click.argument("name")
@click.option("--now", help="The date the chance of recall is for (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def person(ctx, name, now, as_json):
    """Everything remembered about one person, by any of their names.

    In JSON, a relation with "is": true reads "NAME is the RELATION of OTHER".

    Example: remembrancer person Ianto --json
    """
    emit(open_memory(ctx).person(name, now=now), as_json, show_person)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def reindex(ctx, as_json):
    """Re-read every entry and rebuild what was understood from it (people, cues, times ...).

    Raw entries and your corrections are kept.

    Example: remembrancer reindex
    """
    result = open_memory(ctx, complete=False).reindex()
    emit(result, as_json, lambda r: click.echo(f"Re-read {plural(r['entries'], 'entry')} (pipeline {r['version']})."))


# -- recall ---------------------------------------------------------------------------------
def show_recall(r):
    if not r["people"] and not r["things"] and not r["passages"]:
        click.echo(f"Nothing tied to {r['cue']!r} yet.")
        return
    for p in r["people"]:
        others = f" ({', '.join(p['aliases'])})" if p["aliases"] else ""
        click.echo(click.style(p["name"], bold=True) + others + f"  {p['score']:.2f}")
        for line in p["why"][:2]:
            click.echo(f"  why: {line}")
        for passage in p["evidence"][:2]:
            click.echo("    " + passage["text"][:160].replace("\n", " "))
    if r["things"]:
        click.echo("things: " + ", ".join(t["name"] for t in r["things"]))
    if not r["people"]:
        for passage in r["passages"][:5]:
            show_passage(passage)


@cli.command()
@click.argument("cue")
@click.option("--limit", default=10, type=click.IntRange(min=1), show_default=True, help="How many people, things and passages.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def recall(ctx, cue, limit, as_json):
    """The people and things a cue brings back, each with why (the path and the passages).

    Example: remembrancer recall coffee
    """
    emit(open_memory(ctx).recall(cue, limit=limit), as_json, show_recall)


def _window(t):
    if t["lo"] is None:
        return f"before {t['hi']}"
    return f"from {t['lo']}" if t["hi"] is None else f"{t['lo']} to {t['hi']}"


def show_answer(r):
    if r.get("unknown"):
        nearest = "; these are the nearest passages" if r["passages"] else ""
        click.echo(click.style(f"Not in your memories: {', '.join(r['unknown'])}{nearest}.", fg="yellow"))
    if r["people"] or r["times"]:
        found = [p["name"] for p in r["people"]] + [f"{t['text']} ({_window(t)})" for t in r["times"]]
        click.echo(click.style("matched: " + "; ".join(found), fg="yellow"))
    for f in r["facts"][:5]:
        click.echo(click.style("fact: " + f["fact"], fg="yellow"))
    for p in r["passages"]:
        show_passage(p)
    if not r["passages"]:
        click.echo("Nothing found.")


@cli.command()
@click.argument("question", required=False)
@search_options
@click.pass_context
@run
def ask(ctx, question, limit, queries, as_json):
    """Ask a question: the passages that answer it (BM25, meaning, people, times), best first.

    Example: remembrancer ask "What did Caroline say about her painting?"
    """
    memory = open_memory(ctx)
    if queries:
        return batch_queries(queries, lambda q: memory.ask(q, limit=limit)["passages"], given=question)
    if not question:
        raise click.UsageError("Give a QUESTION or --queries FILE.")
    emit(memory.ask(question, limit=limit), as_json, show_answer)


def moments(items):
    """Timeline items as moments: one a passage, however many times and events are read in it, at the first
    of them, with every phrase that points somewhere (as the web app shows them)."""
    out, by_passage = [], {}
    for i in items:
        p = i["passage"]
        m = by_passage.get(p["passage"]) if p else None
        if m is None:
            m = {"at": i["at"], "passage": p, "what": i["what"] if not p else None, "note": i.get("note"), "phrases": [],
                 **{k: i[k] for k in ("years_ago",) if k in i}}
            out.append(m)
            if p:
                by_passage[p["passage"]] = m
        m["note"] = m["note"] or i.get("note")
        if p and i["kind"] != "entry":
            phrase = i["what"] if i["at"][:10] == m["at"][:10] else f"{i['what']} {i['at'][:10]}"
            if phrase not in m["phrases"]:
                m["phrases"].append(phrase)
    return out


def moment_line(m, lead=""):
    what = f" [{', '.join(m['phrases'])}]" if m["phrases"] else ""
    text = preview(m["passage"]["text"] if m["passage"] else m["what"], 200)
    return click.style(m["at"][:10] + lead, fg="cyan") + what + "  " + text + _entry_no(m["passage"])


def show_timeline(items):
    if not items:
        click.echo("Nothing in that time.")
    for m in moments(items):
        click.echo(moment_line(m))


@cli.command()
@click.option("--from", "start", help="From this date (inclusive).")
@click.option("--to", "end", help="Up to this date (exclusive).")
@click.option("--person", help="Only what involves this person.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def timeline(ctx, start, end, person, as_json):
    """What happened, in the order it happened (not the order it was written down).

    Example: remembrancer timeline --from 2023-01-01 --to 2024-01-01 --person Priya
    """
    emit(open_memory(ctx).timeline(start, end, person), as_json, show_timeline)


@cli.command(name="on-this-day")
@click.option("--date", "--now", "day", help="The day (default: today); --now is the same, as for the other commands that depend on the date.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def on_this_day(ctx, day, as_json):
    """What happened on this day of the year, in other years.

    Example: remembrancer on-this-day --date 2024-05-08
    """
    def human(items):
        if not items:
            click.echo("Nothing happened on this day in other years, as far as is written down.")
        for m in moments(items):
            n = abs(m["years_ago"])
            years = f"{n} year{'s' if n != 1 else ''}"
            click.echo(moment_line(m, f" ({years} ago)" if m["years_ago"] > 0 else f" (in {years})"))
            if m.get("note"):
                click.echo("  " + click.style(m["note"], bold=True))

    emit(open_memory(ctx).on_this_day(day), as_json, human)


# -- forgetting (remembrancer/forgetting.py) ----------------------------------------------------
NOW_HELP = "Act as if it were this date (replays the store as it stood then)."


def show_item(i, score=True):
    # The figure is the item's own: a passage or a cue fades apart from the person the line is about.
    of = {"passage": " of this passage", "cue": f" of {i.get('cue')!r}"}.get(i.get("kind"), "")
    recall = f"recall{of} {i['recall']:.0%}" + (f", due {i['next_review'][:10]}" if i.get("next_review") else "")
    click.echo(click.style(i["line"], bold=True) + f"  ({recall}" + (f", score {i['score']:.2f}" if score and "score" in i else "") + ")")
    if i.get("passage"):
        show_passage(i["passage"])


@cli.command()
@click.option("--now", help=NOW_HELP)
@click.option("--limit", default=10, type=click.IntRange(min=1), show_default=True, help="How many items.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def fading(ctx, now, limit, as_json):
    """What you are about to forget, most worth bringing back first: importance x (1 - chance of recall).

    Example: remembrancer fading --now 2030-01-01 --limit 5
    """
    items = open_memory(ctx).fading(now=now, limit=limit)
    emit(items, as_json, lambda rs: [show_item(i) for i in rs] if rs else click.echo("Nothing is fading."))


@cli.command()
@click.option("--now", help=NOW_HELP)
@click.option("--limit", default=20, type=click.IntRange(min=1), show_default=True, help="At most this many items in the session.")
@click.option("--json", "as_json", is_flag=True,
              help='Programs: write each item as a JSON line, read answers {"item", "rating"} as JSON lines on stdin.')
@click.pass_context
@run
def review(ctx, now, limit, as_json):
    """Bring back what is fading: see an item, say how well you remembered, FSRS schedules the next time.

    Answers: again ("I'd forgotten"), hard, good, easy ("of course I remember"), or 1-4; q stops.

    Example: remembrancer review --now 2030-01-01
    """
    from .forgetting import RATINGS

    memory = open_memory(ctx)
    done = 0
    if as_json:
        # One JSON line each way: the item, then (after each answer read) its result and the next item. A bad
        # line gets an error line and the same item stays; the exit status says whether any line failed.
        line = lambda obj: click.echo(as_json_text(obj))  # noqa: E731
        item = memory.review_next(now)
        line({"item": item} if item else {"done": True, "reviewed": done})
        failed = False
        for n, text in enumerate(sys.stdin if item else (), 1):
            if not text.strip():
                continue
            try:
                answer = json.loads(text)
                key, rating = answer.get("item", item["item"]), answer["rating"]
                line({"result": memory.review_answer(key, rating, now)})
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                failed = True
                line({"error": f'standard input line {n}: expected {{"item", "rating"}}',
                      "remedy": 'Send {"rating": "good"} (again, hard, good, easy or 1-4); that line was not stored.'})
                continue
            except RemembrancerError as e:
                failed = True
                line({"error": f"standard input line {n}: {e}", "remedy": e.remedy})
                continue
            done += 1
            item = memory.review_next(now) if done < limit else None
            line({"item": item} if item else {"done": True, "reviewed": done})
            if not item:
                break
        if failed:
            sys.exit(1)
        return
    choices = "  ".join(f"{n} {name} ({words})" for n, (name, words) in RATINGS.items())
    answers = {str(n) for n in RATINGS} | {name for name, _ in RATINGS.values()} | {"q", "quit", "stop"}
    while done < limit:
        item = memory.review_next(now)
        if not item:
            break
        item = dict(visible(item), item=item["item"])
        click.echo()
        click.echo(click.style(item["prompt"], fg="yellow"))
        # The passage would give the answer away: it is shown once the owner has tried to remember.
        answer = _asked("Think, then press Enter to see what was written", "")
        show_item(item, score=False)
        while answer not in answers:
            answer = _asked(f"{choices}  q stop", "q")
        if answer in ("q", "quit", "stop"):
            click.echo(f"Reviewed {done}.")
            return
        try:
            result = memory.review_answer(item["item"], answer, now)
        except RemembrancerError as e:
            click.echo(e.line(), err=True)
            continue
        done += 1
        days = result["interval_days"]
        click.echo(f"Next time: {result['next_review'][:10]} (in {days:g} day{'' if days == 1 else 's'}).")
    click.echo(f"Reviewed {done}. " + ("Nothing more to review now." if done < limit else ""))


def _asked(text, default):
    """An answer typed at the terminal; the end of the input (Ctrl-D, a closed pipe) is "q"."""
    try:
        return click.prompt(text, default=default, show_default=False).strip().lower()
    except click.Abort:
        click.echo()
        return "q"


def _hide(ctx, name, hidden, now, as_json):
    result = open_memory(ctx).hide(name, hidden, now)
    emit(result, as_json, lambda r: click.echo(
        f"{r['person']} will not be brought back (nothing is deleted)." if r["hidden"] else f"{r['person']} may be brought back again."))


@people.command(name="hide")
@click.argument("name")
@click.option("--now", help=NOW_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people_hide(ctx, name, now, as_json):
    """Never bring NAME back in fading, review or on-this-day; everything written is kept.

    Example: remembrancer people hide "Steven"
    """
    _hide(ctx, name, True, now, as_json)


@people.command(name="unhide")
@click.argument("name")
@click.option("--now", help=NOW_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people_unhide(ctx, name, now, as_json):
    """Let NAME be brought back again.

    Example: remembrancer people unhide "Steven"
    """
    _hide(ctx, name, False, now, as_json)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback requires the token, created and shown on first start.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--new-token", is_flag=True, help="Make a new token and show it (the old one stops working): for a lost token.")
@click.option("--folder", type=click.Path(file_okay=False),
              help="Keep a store per user in this folder (every /api request names ?user=, every MCP tool takes user).")
@click.option("--json", "as_json", is_flag=True, help='Print {"url", "mcp", "token", "token_required"} as JSON on start.')
@warm_option
@click.pass_context
@run
def serve(ctx, host, port, new_token, folder, as_json, warm):
    """The web app, the HTTP API (reference at /docs) and the MCP endpoint for agents (/mcp) on this store.

    \b
    Example: remembrancer serve --port 8765
    Example: remembrancer serve --folder ~/agent-memories --host 0.0.0.0
    """
    from .server import serve as run_server

    if folder is None:
        open_memory(ctx, complete=False, create=True).close()  # asks for the key of an encrypted store, if need be
    else:
        store_key(ctx)
    run_server(ctx.obj["db"] or default_path(), host=host, port=port, echo=click.echo, as_json=as_json,
               new_token=new_token, folder=folder, key=ctx.obj.get("key"), warm=warm)


@cli.command()
@click.option("--folder", type=click.Path(file_okay=False),
              help="Keep a store per user in this folder; every tool then takes `user` (default: the one store, --db).")
@warm_option
@click.pass_context
@run
def mcp(ctx, folder, warm):
    """Serve the memory to an agent over MCP on standard input and output (an MCP client starts this).

    Tools: remember, ask, recall, person, people, timeline, on_this_day, fading, correct. Over HTTP, `serve`
    has the same tools at /mcp. Standard output is the protocol's: this command prints nothing else there.

    \b
    Example: remembrancer --db ~/memories.db mcp
    Example: remembrancer mcp --folder ~/agent-memories
    """
    from .mcp import run_stdio
    from .users import Memories

    key = store_key(ctx)  # from --key-file alone: standard input is the protocol's
    memories = (Memories(folder=folder, key=key, warm=warm) if folder else
                Memories(ctx.obj["db"] or default_path(), key=key, warm=warm))
    say_on_stderr()
    run_stdio(memories)


# -- entries: yours to change (remembrancer/entries.py) ------------------------------------------------
def show_entry(e):
    head = " · ".join(str(x) for x in (f"Entry {e['id']}", e["at"] or "undated", e["author"], e["source"]) if x)
    click.echo(click.style(head, bold=True) + (click.style(f"  in the trash since {e['deleted']}", fg="red") if e["deleted"] else ""))
    if e["kind"] == "chat":
        for p in e["passages"]:
            click.echo((f"{p['speaker']}: " if p["speaker"] else "") + p["text"] + (f"  [{p['ref']}]" if p["ref"] else ""))
    else:
        click.echo(e["text"])
    notes = [f"added {e['added']}"]
    if e["versions"]:
        notes.append(f"{plural(e['versions'], 'earlier version')} (`remembrancer entry history {e['id']}`)")
    if e["people"]:
        notes.append("people: " + ", ".join(e["people"]))
    click.echo(click.style("  " + "; ".join(notes), fg="cyan"))


def show_change(r, what):
    if not r["changed"]:
        click.echo(f"Entry {r['entry']} is as it was: nothing changed.")
    else:
        click.echo(f"{what} entry {r['entry']} (now version {r['version']}; the one before is kept: "
                   f"`remembrancer entry history {r['entry']}`).")


def all_of(entry_id, versions) -> str:
    return f"entry {entry_id} and all {versions} of its versions" if versions > 1 else f"entry {entry_id}"


def read_turns(data: str, where: str) -> list[dict]:
    """A chat's turns from JSON: a list of {"speaker", "text", "ref"}, or one such object a line."""
    remedy = 'Write one {"speaker": "Ann", "text": "Hello.", "ref": null} a line (or a JSON list of them); nothing was changed.'
    try:
        turns = json.loads(data)
    except json.JSONDecodeError:
        turns = []
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                turns.append(json.loads(line))
            except json.JSONDecodeError:
                raise BadInput(f"{where} line {n} is not a JSON turn", remedy) from None
    if isinstance(turns, dict):
        turns = [turns]
    if not isinstance(turns, list) or not all(isinstance(t, dict) for t in turns):
        raise BadInput(f"{where}: expected turns as JSON objects", remedy)
    return turns


@cli.group()
def entry():
    """See and change one entry: show, edit, date, delete, restore, purge, history.

    Every change keeps the entry as it was as a version; `purge` alone erases.

    Example: remembrancer entry show 12
    """


@entry.command(name="show")
@click.argument("entry_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_show(ctx, entry_id, as_json):
    """Show an entry as it is now (in the trash too), with its passages and the people read in it.

    Example: remembrancer entry show 12
    """
    emit(open_memory(ctx, complete=False).entry(entry_id), as_json, show_entry)


@entry.command(name="edit")
@click.argument("entry_id", metavar="ID", type=int)
@click.argument("source", required=False, metavar="[-]")
@click.option("--text", help="The new text (else '-' reads it from standard input, else your $EDITOR opens).")
@click.option("--turns", "turns_file", type=click.Path(dir_okay=False, allow_dash=True),
              help='A chat\'s new turns: a JSON file of {"speaker", "text", "ref"} (a list, or one a line); - reads standard input.')
@click.option("--no-extract", is_flag=True, help="Only store it; understand it later with `remembrancer reindex`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_edit(ctx, entry_id, source, text, turns_file, no_extract, as_json):
    """Change an entry's words; the words before are kept as a version, and it is read again.

    A chat is edited as its turns, one JSON line each ({"speaker", "text", "ref"}), as `add_chat` takes them.

    \b
    Example: remembrancer entry edit 12 --text "Met Priya for tea, not coffee."
    Example: remembrancer entry edit 12            (opens $EDITOR)
    Example: remembrancer entry edit 7 --turns turns.jsonl
    """
    from pathlib import Path


    if source not in (None, "-"):
        raise click.UsageError("Give the text with --text, or '-' to read it from standard input.")
    if sum(x is not None for x in (source, text, turns_file)) > 1:
        raise click.UsageError("Give one of --text, --turns or '-'.")
    memory = open_memory(ctx, derive=not no_extract, complete=not no_extract)
    current = memory.entry(entry_id)
    chat = current["kind"] == "chat"
    turns = None
    if turns_file is not None:
        if turns_file == "-":
            data = decode(sys.stdin.buffer.read(), "standard input")
        elif not Path(turns_file).is_file():
            raise NotFound(f"No such file: {turns_file}")
        else:
            data = decode(Path(turns_file).read_bytes(), turns_file)
        turns = read_turns(data, turns_file)
    elif source == "-":
        data = decode(sys.stdin.buffer.read(), "standard input")
        turns, text = (read_turns(data, "standard input"), None) if chat else (None, data)
    elif text is None:
        before = ("\n".join(json.dumps({"speaker": p["speaker"], "text": p["text"], "ref": p["ref"]}, ensure_ascii=False)
                            for p in current["passages"]) + "\n") if chat else current["text"]
        edited = click.edit(before, extension=".jsonl" if chat else ".txt", require_save=True)
        if edited is None or edited == before:
            emit({"entry": entry_id, "changed": False}, as_json, lambda r: click.echo(f"Entry {entry_id} is as it was: nothing changed."))
            return
        if chat:
            turns = read_turns(edited, "the edited turns")
        elif not edited.strip():
            raise BadInput("The edited text is empty", f"To take it away, `remembrancer entry delete {entry_id}`; nothing was changed.")
        else:
            text = edited
    result = memory.edit(entry_id, text, turns=turns)
    emit(result, as_json, lambda r: show_change(r, "Changed"))


@entry.command(name="date")
@click.argument("entry_id", metavar="ID", type=int)
@click.argument("at")
@click.option("--no-extract", is_flag=True, help="Only store it; understand it later with `remembrancer reindex`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_date(ctx, entry_id, at, no_extract, as_json):
    """Say when an entry happened; the date before is kept, and "yesterday" in it is read again.

    Example: remembrancer entry date 12 2023-05-07
    """
    result = open_memory(ctx, derive=not no_extract, complete=not no_extract).redate(entry_id, at)
    emit(result, as_json, lambda r: show_change(r, f"Dated {r['at']}:"))


@entry.command(name="delete")
@click.argument("entry_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_delete(ctx, entry_id, as_json):
    """Move an entry to the trash: it leaves search, recall, people, the timeline and review until restored.

    Example: remembrancer entry delete 12
    """
    result = open_memory(ctx, complete=False).delete(entry_id)
    emit(result, as_json, lambda r: click.echo(
        (f"Entry {r['entry']} is in the trash" if r["changed"] else f"Entry {r['entry']} was in the trash already")
        + f" (`remembrancer entry restore {r['entry']}` brings it back; `remembrancer entry purge {r['entry']}` erases it)."))


@entry.command(name="restore")
@click.argument("entry_id", metavar="ID", type=int)
@click.option("--no-extract", is_flag=True, help="Only store it; understand it later with `remembrancer reindex`.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_restore(ctx, entry_id, no_extract, as_json):
    """Bring an entry back from the trash, whole.

    Example: remembrancer entry restore 12
    """
    result = open_memory(ctx, derive=not no_extract, complete=not no_extract).restore(entry_id)
    emit(result, as_json, lambda r: click.echo(
        f"Entry {r['entry']} is back." if r["changed"] else f"Entry {r['entry']} was not in the trash: nothing to restore."))


@entry.command(name="purge")
@click.argument("entry_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Do not ask: erase it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_purge(ctx, entry_id, yes, as_json):
    """Erase an entry and all its versions for good; it asks first. Backups made before still hold it.

    Example: remembrancer entry purge 12 --yes
    """
    memory = open_memory(ctx, complete=False)
    e = memory.entry(entry_id)
    if not yes:
        words = preview(e["text"][min((p["start"] for p in e["passages"]), default=0):], 60)  # not its front matter
        try:
            sure = click.confirm(f"Erase {all_of(entry_id, e['versions'] + 1)} ({words!r}) for good?"
                                 " Backups and exports made before still hold it", err=True)
        except click.Abort:  # the end of the input: no answer is no
            click.echo(err=True)
            sure = False
        if not sure:
            raise BadInput(f"Entry {entry_id} was not erased", f"Answer y, or give --yes: `remembrancer entry purge {entry_id} --yes`.")
    result = memory.purge(entry_id, confirm=True)
    emit(result, as_json, lambda r: click.echo(f"Erased {all_of(r['entry'], r['versions'])} for good. {r['note']}"))


@entry.command(name="history")
@click.argument("entry_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def entry_history(ctx, entry_id, as_json):
    """Every version of an entry: the first as given, each change since, and the one now.

    Example: remembrancer entry history 12
    """
    def human(versions):
        for v in versions:
            what = "as first written" if v["version"] == 1 else "changed " + " and ".join(v["changed"] or ["nothing"])
            when = f"{v['from']} to {v['until']}" if v["until"] else f"since {v['from']} (now)"
            click.echo(click.style(f"Version {v['version']}: {what}; dated {v['at'] or 'undated'}; {when}", bold=True))
            if v.get("turns") is not None:
                for t in v["turns"]:
                    click.echo("  " + (f"{t['speaker']}: " if t["speaker"] else "") + t["text"].replace("\n", "\n  "))
            else:
                click.echo("  " + v["text"].replace("\n", "\n  "))

    emit(open_memory(ctx, complete=False).history(entry_id), as_json, human)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def trash(ctx, as_json):
    """The entries in the trash, the most recently deleted first.

    Example: remembrancer trash --json
    """
    def human(items):
        if not items:
            click.echo("The trash is empty.")
        for t in items:
            click.echo(click.style(f"Entry {t['entry']}", bold=True) + f"  dated {t['at'] or 'undated'}, deleted {t['deleted']}"
                       + "  " + preview(t["preview"], 100))
        if items:
            click.echo("`remembrancer entry restore ID` brings one back; `remembrancer entry purge ID` erases it for good.")

    emit(open_memory(ctx, complete=False).trash(), as_json, human)


@cli.command()
@click.option("--once", is_flag=True, help="Understand what is pending, then stop (default: keep looking for new entries).")
@click.option("--batch", type=click.IntRange(1), default=8, show_default=True, help="Entries taken at a time (at most 20,000 characters).")
@click.option("--poll", type=click.FloatRange(0.05), default=1.0, show_default=True,
              help="Seconds between looks for new entries when none is pending.")
@click.option("--turn-wait", type=click.FloatRange(0), default=60.0, show_default=True,
              help="Seconds to wait for another worker's earlier entries, so people are joined in the order entries were stored.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: what was understood, when the worker stops.")
@warm_option
@click.pass_context
@run
def worker(ctx, once, batch, poll, turn_wait, as_json, warm):
    """Understand the new entries of a PostgreSQL memory, beside other workers on any machines.

    A worker takes batches of pending entries no other worker holds, finds the people, relations, events
    and the rest in them, embeds their passages and writes what it found. Run one a core, on as many machines
    as reach the database; add entries with --no-extract to leave all the understanding to them. A worker
    killed, or a machine lost, leaves its entries to the others. Ctrl-C or SIGTERM stops it after the task
    at hand (exit 0); nothing written is lost.

    Example: remembrancer --db postgresql://me@db.example/family --memory hannah worker --once
    """
    import signal
    import threading

    from .workers import BATCH_CHARS, work

    stopping = threading.Event()

    def stop(signum, frame):
        signal.signal(signum, signal.SIG_DFL)  # a second one ends it at once (the server lets go of its entries)
        # Not `stopping.set()` here: the handler runs in the main thread, which may be inside `stopping.wait`
        # holding the event's lock; setting it from another thread cannot deadlock.
        threading.Thread(target=stopping.set, daemon=True).start()

    def told(d):
        if not as_json:
            click.echo(f"Understood entries {d['first']}-{d['last']}: {d['words']:,} words in {plural(d['entries'], 'entry')} so far")

    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    say_on_stderr()
    try:
        done = work(str(ctx.obj["db"] or default_path()), once=once, batch=batch, chars=BATCH_CHARS, poll=poll,
                    turn_wait=turn_wait, stopping=stopping, report=told, warm=warm)
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    emit(done, as_json, lambda d: click.echo(
        f"{'Stopped' if stopping.is_set() else 'Done'}: understood {plural(d['entries'], 'entry')} ({d['words']:,} words)"
        f" in {d['seconds']:.1f}s" + (f"; {plural(d['failed'], 'entry')} failed (`remembrancer stats`)" if d["failed"] else "")))


@cli.command(name="copy")
@click.argument("src")
@click.argument("dst")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: the rows copied, table by table.")
@click.pass_context
@run
def copy_(ctx, src, dst, as_json):
    """Copy a whole store into a new one: an SQLite file into a PostgreSQL memory, or back.

    SRC and DST are each a file or a postgresql:// URL (a memory in it named by ?memory=NAME). Everything
    goes: the entries with their versions and the trash, your corrections, hidden people and review history,
    what was understood and the vectors, every id kept; nothing is understood again. DST must be empty.

    Example: remembrancer copy memories.db 'postgresql://me@db.example/family?memory=hannah'
    """
    if not is_url(src) and not is_url(dst) and os.path.abspath(src) == os.path.abspath(dst) or src == dst:
        raise BadInput("SRC and DST are the same store", "Give a new file or memory to copy into.")
    source = Memory(src, derive=False, create=False, key=None if is_url(src) else key_for(ctx, src))
    try:
        with Memory(dst, derive=False, key=None if is_url(dst) else store_key(ctx)) as target:
            rows = source.copy_to(target)
            shown = getattr(target.path, "shown", str(target.path))
    finally:
        source.close()
    emit({"from": getattr(source.path, "shown", str(source.path)), "to": shown, "rows": rows}, as_json, lambda d: click.echo(
        f"Copied {plural(d['rows']['entries'], 'entry')}, {plural(d['rows']['passages'], 'passage')},"
        f" {d['rows']['people']} people and {plural(d['rows']['embeddings'], 'vector')} into {d['to']}"))


def main():
    os.umask(0o077)  # whatever the command writes (store, WAL, backups, exports, indexes) is its owner's alone
    cli(obj={})


if __name__ == "__main__":
    main()
