"""The `remembrancer` command: a thin layer over `Memory`."""
from __future__ import annotations

import functools
import json
import os
import re
import sys

import click

from .errors import RemembrancerError

OWNER = "me"  # extract.narrator.OWNER; importing it would load spaCy


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
    from .store import Memory, default_path, is_encrypted

    key = store_key(ctx)
    path = ctx.obj["db"] or default_path()
    if key is None and is_encrypted(path) and sys.stdin.isatty():
        key = ctx.obj["key"] = ask_key(f"Key for {path}")
    memory = Memory(path, derive=False, create=create, key=key)
    if complete and not memory.readonly:
        pending = max(memory.pending_counts().values(), default=0)
        if pending:
            if sys.stderr.isatty():
                click.echo(f"Understanding {plural(pending, 'entry')} stored earlier but not yet understood...", err=True)
            from .errors import StoreLocked

            try:
                busy = memory.complete() is None
            except StoreLocked:  # another program is writing: answer from what is understood already
                busy = True
            tell_failures(memory.failed_now)
            if busy and sys.stderr.isatty():
                click.echo("  (the store is busy elsewhere; answers may miss them until it is not)", err=True)
    memory.derive = derive
    return memory


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
    click.echo(click.style(head or "undated", fg="cyan") + (f"  [{p['ref']}]" if p.get("ref") else ""))
    click.echo("  " + p["text"].replace("\n", "\n  "))


@click.group()
@click.option("--db", envvar="REMEMBRANCER_DB", type=click.Path(dir_okay=False), help="The store (default: $REMEMBRANCER_DB, else your data folder).")
@click.option("--key-file", envvar="REMEMBRANCER_KEY_FILE", type=click.Path(dir_okay=False),
              help="A file holding the key of an encrypted store (default: $REMEMBRANCER_KEY_FILE; else asked for on a terminal).")
@click.version_option(package_name="remembrancer")
@click.pass_context
def cli(ctx, db, key_file):
    """remembrancer: write it down once, never forget.

    Example: remembrancer add "Coffee with Ianto at the Hub." --at 2009-05-01
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["key_file"] = key_file


def store_key(ctx, confirm=False) -> str | None:
    """The key from --key-file / $REMEMBRANCER_KEY_FILE, else None (or, with `confirm`, asked for twice)."""
    from .store import read_key_file

    if ctx.obj.get("key") is None and ctx.obj.get("key_file"):
        ctx.obj["key"] = read_key_file(ctx.obj["key_file"])
    if ctx.obj.get("key") is None and confirm:
        ctx.obj["key"] = ask_key(f"New key for {ctx.obj['db'] or 'the store'}", confirm=True)
    return ctx.obj.get("key")


def ask_key(prompt, confirm=False) -> str:
    from .errors import EmptyInput, NeedsKey

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
    from .store import default_path

    p = str(ctx.obj["db"] or default_path())
    emit({"path": p}, as_json, lambda d: click.echo(d["path"]))


def summary_line(result):
    return (f"{plural(result['entries'], 'entry')}, {plural(result['passages'], 'passage')}, {plural(result['words'], 'word')}"
            f" in {result['seconds']:.2f}s" + (f" ({result['duplicates']} already stored)" if result["duplicates"] else ""))


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


def progress_bar(total, label):
    """A progress bar on a terminal for more than one item; silence elsewhere."""
    if total < 2 or not sys.stderr.isatty():
        return _Quiet()
    return click.progressbar(length=total, label=label, file=sys.stderr)


SLOW_WORDS = 20_000  # about a few seconds of understanding: more, and the terminal is told what is going on


def remember(memory, entries, label):
    """Store the entries with a progress bar; on a terminal, say what is being understood when it takes a while."""
    words = sum(e.words for e in entries)
    tell = memory.derive and words >= SLOW_WORDS and sys.stderr.isatty()

    def understood(name, n):
        click.echo(f"  {name}: done", err=True)

    with progress_bar(len(entries), label) as bar:
        if tell:
            click.echo(f"Understanding {words:,} words (people, times, feelings, meaning); a minute or so per 300,000.",
                       err=True)
        result = memory.add_entries(entries, progress=bar.update, understood=understood if tell else None)
    tell_failures(result["failed"])
    return result


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
@click.option("--no-extract", is_flag=True, help="Only store it; it is understood the next time the store is opened.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def add(ctx, items, at, author, source, no_extract, as_json):
    """Remember a text, standard input (-), files or folders (.txt, .md).

    Example: remembrancer add "Coffee with Ianto at the Hub." --at 2009-05-01
    """
    from . import capture, dates

    if items == ("-",):
        text = capture.decode(sys.stdin.buffer.read(), "standard input")
        entries = [capture.text_entry(text, at=dates.parse(at) if at else None, author=author, source=source)]
    elif len(items) == 1 and not _looks_like_path(items[0]):
        entries = [capture.text_entry(items[0], at=dates.parse(at) if at else None, author=author, source=source)]
    else:
        at_iso = dates.parse(at) if at else None
        entries = [capture.file_entry(p, at=at_iso, author=author, source=source) for p in capture.files(items)]
    memory = open_memory(ctx, derive=not no_extract, create=True, complete=not no_extract)  # after the input is read: bad input makes no store
    result = remember(memory, entries, "Remembering")
    if as_json:
        emit(result, True, None)
        return
    for r in result["results"]:
        if not r["new"]:
            click.echo(f"Already remembered as entry {r['entry']}; stored once.")
    if len(entries) == 1 and result["entries"] == 1:
        r = result["results"][0]
        click.echo(f"Remembered entry {r['entry']}: {plural(r['passages'], 'passage')}, {plural(r['words'], 'word')}.")
    elif len(entries) > 1:
        click.echo(summary_line(result))


def known_format(fmt, formats):
    """The format, or a one-line error naming the ones there are (not click's usage screen)."""
    from .errors import UnknownFormat

    if fmt.lower() not in formats:
        raise UnknownFormat(f"Unknown format {fmt!r}", f"Use {' or '.join(formats)}; nothing was changed.")
    return fmt.lower()


def _looks_like_path(item):
    """An existing path, or one word that names a file (so a missing file is an error, not a memory)."""
    import os

    from .capture import TEXT_SUFFIXES

    if "\n" in item or len(item) >= 4096:
        return False
    one_word = not any(c.isspace() for c in item)
    named = item.startswith(("/", "./", "../", "~/")) or os.path.splitext(item)[1].lower() in TEXT_SUFFIXES
    return os.path.exists(item) or (one_word and named)


@cli.command(name="import")
@click.argument("fmt", metavar="{locomo|jsonl}")
@click.argument("file", type=click.Path())
@click.option("--author", help="Who wrote it (default: you).")
@click.option("--me", metavar="SPEAKER", help="In chats, the speaker who is you (their 'I' is yours, their 'Mum' your mother).")
@click.option("--source", help="Where it came from.")
@click.option("--no-extract", is_flag=True, help="Only store it; it is understood the next time the store is opened.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def import_(ctx, fmt, file, author, me, source, no_extract, as_json):
    """Import a file in a known format: locomo (chats) or jsonl (one entry a line).

    \b
    Example: remembrancer import jsonl journal.jsonl
    Example: remembrancer import jsonl chats.jsonl --me Sam
    """
    from . import capture

    fmt = known_format(fmt, ("locomo", "jsonl"))
    entries = capture.format_entries(fmt, file, author=author, source=source, me=me)
    memory = open_memory(ctx, derive=not no_extract, create=True, complete=not no_extract)
    result = remember(memory, entries, "Importing")
    result.pop("results") if not as_json else None
    emit(result, as_json, lambda r: click.echo(summary_line(r)))


def search_options(fn):
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)
    fn = click.option("--queries", type=click.Path(), help='Batch mode: a JSONL file of {"id", "query"} lines; writes one JSON line per query.')(fn)
    fn = click.option("--limit", default=10, type=click.IntRange(min=1), show_default=True, help="How many passages.")(fn)
    return fn


def batch_queries(path, answer, given=None):
    """Read {"id", "query"} lines, write {"id", "results"} lines, all in this one process. Every line is
    read before any is answered, so a bad line stops the batch before it prints anything."""
    from .capture import decode
    from .errors import BadInput, NotFound
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
            entries += 1
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
    from .store import default_path, encrypt as encrypt_store

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
    from .store import decrypt as decrypt_store, default_path

    path = ctx.obj["db"] or default_path()
    key = store_key(ctx) or ask_key(f"Key for {path}")
    emit({"decrypted": str(decrypt_store(path, key))}, as_json, lambda d: click.echo(f"Decrypted {d['decrypted']}."))


# -- people ---------------------------------------------------------------------------------
def show_people(rows):
    if not rows:
        click.echo("No people yet.")
    for p in rows:
        others = [a for a in p["aliases"] if a != p["name"]]
        when = " · ".join(x for x in (p["first_at"], p["last_at"]) if x)
        click.echo(f"{p['name']}" + (f" ({', '.join(others)})" if others else "") + f"  {plural(p['mentions'], 'mention')}" + (f"  {when}" if when else ""))


def show_person(p):
    others = [a for a in p["aliases"] if a != p["name"]]
    click.echo(click.style(p["name"] + (" (you)" if p["name"] == OWNER else ""), bold=True) + (f"  also: {', '.join(others)}" if others else "") + f"  ({plural(p['mentions'], 'mention')})")
    from .forgetting import possessive

    his_her = possessive(p.get("gender"))
    for r in p["relations"]:
        if r["other"] == OWNER:
            click.echo(f"  your {r['relation']}" if r["is"] else f"  you are {his_her} {r['relation']}")
        else:
            whose = "your" if p["name"] == OWNER else his_her
            click.echo(f"  {r['relation']} of {r['other']}" if r["is"] else f"  {r['other']} is {whose} {r['relation']}")
    if p["cues"]:
        click.echo("  cues: " + ", ".join(f"{c['cue']} ({c['weight']:.2f})" for c in p["cues"]))
    for e in p["events"]:
        how = " (by them, to another)" if e.get("agent") else ""
        how += " (not said as a fact)" if e.get("negated") else ""
        click.echo(f"  {e['kind']}{how}: {e['text']}" + (f" ({e['at']})" if e["at"] else ""))
    if p["feelings"]["valence"] is not None:
        top = sorted((p["feelings"].get("emotions") or {}).items(), key=lambda kv: -kv[1])[:3]
        click.echo(f"  feeling: valence {p['feelings']['valence']:+.2f}" + (f"; mostly {', '.join(k for k, v in top if v > 0)}" if top else ""))
    s = p.get("strength")
    if s and s["recall"] is not None:
        click.echo(f"  chance of recall now: {s['recall']:.0%}" + (f", next review {s['next_review'][:10]}" if s["next_review"] else "")
                   + ("; not to be brought back" if s["hidden"] else ""))
    for passage in p["passages"][:5]:
        show_passage(passage)


@cli.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@run
def people(ctx, as_json):
    """Everyone your memories mention, with their other names.

    Example: remembrancer people --json
    """
    if ctx.invoked_subcommand is None:
        emit(open_memory(ctx).people(), as_json, show_people)


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
    emit(open_memory(ctx).merge_people(a, b), as_json, show_person)


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
    emit(result, as_json, lambda r: show_person(r["split"]))


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

    Raw entries and your corrections are kept. Example: remembrancer reindex
    """
    result = open_memory(ctx, complete=False).reindex()
    emit(result, as_json, lambda r: click.echo(f"Re-read {r['entries']} entries (pipeline {r['version']})."))


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


def show_timeline(items):
    if not items:
        click.echo("Nothing in that time.")
    for i in items:
        p = i["passage"] or {}
        what = "" if i["kind"] == "entry" else f" [{i['what']}]"
        click.echo(click.style(i["at"][:10], fg="cyan") + what + "  " + (p.get("text") or "")[:200].replace("\n", " "))


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
        for i in items:
            p = i["passage"] or {}
            n = abs(i["years_ago"])
            years = f"{n} year{'s' if n != 1 else ''}"
            ago = f"{years} ago" if i["years_ago"] > 0 else f"in {years}"
            click.echo(click.style(f"{i['at'][:10]} ({ago})", fg="cyan") + "  " + (p.get("text") or "")[:200].replace("\n", " "))
            if i.get("note"):
                click.echo("  " + click.style(i["note"], bold=True))

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
@click.option("--json", "as_json", is_flag=True, help='Print {"url", "token", "token_required"} as JSON on start.')
@click.pass_context
@run
def serve(ctx, host, port, new_token, as_json):
    """The web app and HTTP API on this store (API reference at /docs).

    Example: remembrancer serve --port 8765
    """
    from .server import serve as run_server
    from .store import default_path

    open_memory(ctx, complete=False, create=True).close()  # asks for the key of an encrypted store, if need be
    run_server(ctx.obj["db"] or default_path(), host=host, port=port, echo=click.echo, as_json=as_json, new_token=new_token,
               key=ctx.obj.get("key"))


def main():
    os.umask(0o077)  # whatever the command writes (store, WAL, backups, exports, indexes) is its owner's alone
    cli(obj={})


if __name__ == "__main__":
    main()
