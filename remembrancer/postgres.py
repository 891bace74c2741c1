"""The PostgreSQL backend: `Memory("postgresql://...")`, each memory a schema of its own.

The rest of the package speaks SQLite's SQL to `memory.conn`. Here that connection is `Connection`, which
speaks it to PostgreSQL: placeholders, upserts (`INSERT OR IGNORE/REPLACE`), `COLLATE NOCASE`, `LIKE`,
NULLs sorting first, SQLite's scalar `max(a, b)` and friends, `sqlite_master` and `PRAGMA table_info` are
translated in one place (`translate`). What truly differs is written for PostgreSQL on its own:

- the schema: the same named migrations, in order, translated, with PostgreSQL's own DDL where SQLite's has
  no counterpart (`DDL`: the full-text index, the vectors);
- full-text search: `passages_fts` is a view over `passages`, whose `tsv` column is its text (weight A) and
  speaker (weight B) stemmed without stopwords, as FTS5's porter tokenizer keeps them; an FTS5 query
  (`"word" OR "other"*`, `speaker : "Ann Lee"`) becomes a tsquery, and `bm25(passages_fts)` is FTS5's very
  BM25 (k1 1.2, b 0.75, its idf, a row's tokens as its length), computed by `fts_bm25` over the matches;
- vectors: `embeddings.vector` is a pgvector `vector(384)` with an HNSW index (inner product), searched by
  `VectorIndex` in place of the in-memory and usearch indexes;
- locking: a write takes the memory's transaction-level advisory lock (one writer at a time, as SQLite's
  `BEGIN IMMEDIATE`), deriving a session-level one on a connection of its own (as the lock file).

A memory is a schema (`Memory(dsn, memory="hannah")`, or `?memory=hannah` in the URL): every statement runs
with `search_path` set to it, so no query of one memory can read another's rows.
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import hashlib
import os
import re
import urllib.parse
from pathlib import Path

from . import migrations
from .errors import BadInput, NotFound, StoreError, StoreLocked

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_MEMORY = "memories"
NAME = re.compile(r"^[a-z][a-z0-9_]{0,55}$")
CONFIG = "remembrancer"  # the text search configuration in each memory's schema
EF_SEARCH = 256  # pgvector's expansion: agrees with exact search on 100% of the top 10 and 150 at 10k (bench/lifetime.py)
CLAIM_PAGE = 256  # pending entries a worker reads at a time, looking for ones no other worker holds


def is_url(path) -> bool:
    return isinstance(path, str) and path.startswith(SCHEMES)


def split_url(url: str, memory: str | None = None) -> tuple[str, str]:
    """(the URL without `memory=`, the memory's name): `memory` given, else the URL's, else DEFAULT_MEMORY."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    named = [v for k, v in query if k == "memory"]
    rest = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode([(k, v) for k, v in query if k != "memory"], quote_via=urllib.parse.quote)))
    name = memory if memory is not None else (named[-1] if named else DEFAULT_MEMORY)
    if not NAME.match(name):
        raise BadInput(f"{name!r} is not a memory's name",
                       "Name a memory with lower-case letters, digits and _ (starting with a letter), at most 56.")
    return rest, name


def with_memory(url: str, memory: str) -> str:
    """The URL naming this memory (what `--memory NAME` makes of `--db URL`)."""
    rest, name = split_url(url, memory)
    parts = urllib.parse.urlsplit(rest)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True) + [("memory", name)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query, quote_via=urllib.parse.quote)))


def memory_of(user: str) -> str:
    """The memory a user's name (users.user_name: letters, digits and . _ @ + -) is kept in: each other
    character written as _ and its code, so no two users share one."""
    name = "u" + "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):02x}" for c in user)
    if len(name) > 56:
        name = name[:43] + "_" + hashlib.sha256(user.encode()).hexdigest()[:12]
    return name


def schema_of(name: str) -> str:
    return f"memory_{name}"


# -- rows ----------------------------------------------------------------------------------------------
class Row(tuple):
    """A row read by index or by column name, as sqlite3.Row."""

    __slots__ = ()
    names: dict = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self.names)


@functools.lru_cache(maxsize=512)
def _row_class(names: tuple) -> type:
    index: dict = {}
    for i, n in enumerate(names):
        index.setdefault(n, i)  # a name given twice is its first column's, as sqlite3.Row reads it
    return type("Row", (Row,), {"__slots__": (), "names": index})


def _row_factory(cursor):
    if cursor.description is None:
        return tuple
    cls = _row_class(tuple(d.name for d in cursor.description))
    return lambda values: cls(values)


# -- translating SQLite's SQL ----------------------------------------------------------------------------
_LITERAL = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_ORDER_END = re.compile(r"\b(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|FOR|ON\s+CONFLICT|RETURNING)\b", re.I)
_FTS_WRITE = re.compile(r"^\s*INSERT\s+INTO\s+passages_fts\b", re.I)
_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+(IGNORE|REPLACE)\s+)?INTO\s+(\w+)\s*(?:\(([^)]*)\))?", re.I)


class Translated:
    """A statement in PostgreSQL's SQL, and where each of its parameters comes from: ("arg", i) the caller's
    i-th, ("fts", i) the caller's i-th read as an FTS5 query, ("bm25", k) the k-th BM25 argument of the
    statement's first FTS5 query."""

    def __init__(self, sql, slots, skip=False, table=None, returning=False):
        self.sql, self.slots, self.skip, self.table, self.returning = sql, slots, skip, table, returning


def _mask(sql):
    kept = []

    def hide(m):
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    return _LITERAL.sub(hide, sql), kept


def _unmask(sql, kept):
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], sql)


def _lhs_start(code: str, end: int) -> int:
    """Where the operand ending at `end` begins: a name (a.b) or a call f(...)."""
    i = end
    while i > 0 and code[i - 1] == " ":
        i -= 1
    if i > 0 and code[i - 1] == ")":
        depth, i = 0, i - 1
        while i >= 0:
            depth += {")": 1, "(": -1}.get(code[i], 0)
            if depth == 0:
                break
            i -= 1
    while i > 0 and (code[i - 1].isalnum() or code[i - 1] in "_."):
        i -= 1
    return i


def _nocase(code: str) -> str:
    """`x = ? COLLATE NOCASE` -> `lower(x) = lower(?)` (SQLite's NOCASE folds ASCII, as its lower() does)."""
    pat = re.compile(r"=\s*(\?\d*|\w+(?:\.\w+)?)\s+COLLATE\s+NOCASE", re.I)
    while (m := pat.search(code)):
        start = _lhs_start(code, m.start())
        lhs = code[start:m.start()].strip()
        code = code[:start] + f"lower({lhs}) = lower({m.group(1)})" + code[m.end():]
    return code


def _nulls(code: str) -> str:
    """SQLite sorts NULLs first (last when descending); PostgreSQL the other way round: say so."""
    out, pos = [], 0
    for m in re.finditer(r"\bORDER\s+BY\b", code, re.I):
        if m.start() < pos:
            continue
        out.append(code[pos:m.end()])
        i, depth, start, terms = m.end(), 0, m.end(), []
        while i < len(code):
            c = code[i]
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            elif c == "," and depth == 0:
                terms.append(code[start:i])
                start = i + 1
            elif depth == 0 and (c == ";" or _ORDER_END.match(code, i) and not (code[i - 1].isalnum() or code[i - 1] == "_")):
                break
            i += 1
        terms.append(code[start:i])
        fixed = []
        for t in terms:
            core = t.rstrip()
            tail = t[len(core):]
            if re.search(r"\bNULLS\s+(FIRST|LAST)$", core, re.I):
                fixed.append(t)
            elif re.search(r"\bDESC$", core, re.I):
                fixed.append(core + " NULLS LAST" + tail)
            else:
                fixed.append(core + " NULLS FIRST" + tail)
        out.append(",".join(fixed))
        pos = i
    out.append(code[pos:])
    return "".join(out)


def _truth(code: str) -> str:
    """`WHERE ... AND instr(a, b)`: a number as a truth value, as SQLite reads it (PostgreSQL wants `> 0`)."""
    out, pos = [], 0
    for m in re.finditer(r"\b(?:AND|OR|WHERE|NOT)\s+(instr)\(", code, re.I):
        if m.start() < pos:
            continue
        i, depth = m.end() - 1, 0
        while i < len(code):
            depth += {"(": 1, ")": -1}.get(code[i], 0)
            if depth == 0:
                break
            i += 1
        rest = code[i + 1:].lstrip()
        if rest[:1] in ("<", ">", "=", "!") or rest[:2] == "||" or rest[:1].isdigit():
            continue
        out.append(code[pos:m.start(1)] + "(" + code[m.start(1):i + 1] + " > 0)")
        pos = i + 1
    out.append(code[pos:])
    return "".join(out)


def _update_or_ignore(code: str) -> str:
    """`UPDATE OR IGNORE t SET c = ? WHERE ...`: the rows whose new key another row has already are left as
    they are (SQLite skips them); the others are changed."""
    m = re.match(r"^\s*UPDATE\s+OR\s+IGNORE\s+(\w+)\s+SET\s+(\w+)\s*=\s*\?\s+WHERE\s+(.*?)\s*;?\s*$", code, re.I | re.S)
    if not m:
        if re.match(r"^\s*UPDATE\s+OR\b", code, re.I):
            raise StoreError("This UPDATE OR ... has no PostgreSQL form here")
        return code
    table, column, where = m.groups()
    key = UPDATE_KEYS.get(table)
    if not key or column not in key:
        raise StoreError(f"UPDATE OR IGNORE of {table}.{column} has no PostgreSQL form here")
    n = iter(range(2, 1000))
    where = re.sub(r"\?(?!\d)", lambda _: f"?{next(n)}", where)  # numbered: the new value is ?1 twice
    same = " AND ".join(f"o.{k} = {table}.{k}" for k in key if k != column)
    return (f"UPDATE {table} SET {column} = ?1 WHERE {where} AND NOT EXISTS"
            f" (SELECT 1 FROM {table} o WHERE o.{column} = ?1" + (f" AND {same}" if same else "") + ")")


# The unique key an `UPDATE OR IGNORE` of a table may run into.
UPDATE_KEYS = {"event_people": ("event", "person"), "aliases": ("person", "alias"), "person_cues": ("person", "cue")}


def _upsert_names(code: str, table: str | None) -> str:
    """In `ON CONFLICT ... DO UPDATE SET a = f(a, excluded.a)` SQLite reads a bare `a` as the row's; PostgreSQL
    wants it named `table.a`."""
    m = re.search(r"\bDO\s+UPDATE\s+SET\b", code, re.I)
    if not m or not table:
        return code
    head, tail = code[:m.end()], code[m.end():]
    where = re.search(r"\bWHERE\b", tail, re.I)
    sets, rest = (tail[:where.start()], tail[where.start():]) if where else (tail, "")
    parts = []
    for assignment in sets.split(","):
        left, eq, right = assignment.partition("=")
        if eq:
            right = re.sub(r"(?<![.\w])([a-z_]\w*)\b(?!\s*\()",
                           lambda w: w.group(1) if w.group(1).upper() in _SQL_WORDS else f"{table}.{w.group(1)}", right)
        parts.append(left + eq + right)
    return head + ",".join(parts) + rest


_SQL_WORDS = {"AS", "INTEGER", "BIGINT", "TEXT", "REAL", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR",
              "NOT", "IS", "EXCLUDED", "TRUE", "FALSE", "DOUBLE", "PRECISION"}


def _fts(code: str, kept: list) -> str:
    """`passages_fts MATCH ?` and `bm25(passages_fts)` over the view `passages_fts` (alias kept)."""
    alias = re.search(r"\b(?:FROM|JOIN)\s+passages_fts\s+(?:AS\s+)?(?!WHERE\b|JOIN\b|ORDER\b|LIMIT\b|GROUP\b|ON\b)(\w+)", code, re.I)
    name = alias.group(1) if alias else "passages_fts"

    def literal(m):  # a query written in the statement: made a tsquery here
        kept.append("'" + tsquery(kept[int(m.group(1))][1:-1].replace("''", "'")).replace("'", "''") + "'")
        return f"{name}.tsv @@ to_tsquery('{CONFIG}', \x00{len(kept) - 1}\x00)"

    code = re.sub(r"\bpassages_fts\s+MATCH\s+\x00(\d+)\x00", literal, code)
    code = re.sub(r"\bpassages_fts\s+MATCH\s+\?", f"{name}.tsv @@ to_tsquery('{CONFIG}', ?FTS)", code)
    return re.sub(r"\bbm25\(passages_fts\)",
                  f"(-fts_bm25({name}.tsv, {name}.tokens, ?BM0::text[], ?BM1::boolean[], ?BM2::float8[], ?BM3::float8))", code)


@functools.lru_cache(maxsize=2048)
def translate(sql: str, returning_tables: frozenset = frozenset()) -> Translated:
    """SQLite's SQL as PostgreSQL's (see the module's docstring). `returning_tables`: tables with an `id`,
    whose single-row INSERT returns it (for `lastrowid`)."""
    if _FTS_WRITE.match(sql):  # the full-text index is a column of passages, kept by PostgreSQL itself
        return Translated("", [], skip=True)
    stripped = sql.strip().rstrip(";").strip()
    if re.fullmatch(r"BEGIN(\s+(IMMEDIATE|DEFERRED|EXCLUSIVE))?(\s+TRANSACTION)?", stripped, re.I):
        return Translated("BEGIN", [])
    code, kept = _mask(sql)
    code = _update_or_ignore(code)
    m = _INSERT.match(code)
    conflict, table = "", None
    if m:
        table = m.group(2)
        if m.group(1):
            code = code[:m.start()] + re.sub(r"\s+OR\s+(IGNORE|REPLACE)\b", "", code[:m.end()], count=1, flags=re.I)[m.start():] + code[m.end():]
            if m.group(1).upper() == "IGNORE":
                conflict = " ON CONFLICT DO NOTHING"
            else:
                cols = [c.strip() for c in (m.group(3) or "").split(",") if c.strip()]
                key = REPLACE_KEYS.get(table)
                if not key or not cols:
                    raise StoreError(f"INSERT OR REPLACE into {table} has no PostgreSQL form here")
                sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c not in key)
                if table in IDENTITY:  # SQLite's REPLACE deletes the row: the new one gets a new id
                    sets += f", id = nextval(pg_get_serial_sequence('{table}', 'id'))"
                conflict = f" ON CONFLICT ({', '.join(key)}) DO " + (f"UPDATE SET {sets}" if sets else "NOTHING")
    code = _upsert_names(code, table)
    code = _truth(code)
    code = _nocase(code)
    code = re.sub(r"\bLIKE\b", "ILIKE", code)
    # SQLite's `a IS NOT b` / `a IS b` between values: PostgreSQL's IS [NOT] DISTINCT FROM
    code = re.sub(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", "IS DISTINCT FROM ", code, flags=re.I)
    code = re.sub(r"\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)(?=[\w?])", "IS NOT DISTINCT FROM ", code, flags=re.I)
    code = re.sub(r"\bINTEGER\b", "BIGINT", code)
    code = re.sub(r"\bREAL\b", "DOUBLE PRECISION", code)
    code = re.sub(r"\bBLOB\b", "BYTEA", code)
    code = re.sub(r"\bend\b", '"end"', code)
    code = _fts(code, kept)
    code = _nulls(code)
    # `? IS NULL`: PostgreSQL must know a parameter's type, and a NULL given says none
    code = re.sub(r"(\?\d*)(\s+IS\s+(?:NOT\s+)?NULL\b)", r"\1::text\2", code, flags=re.I)
    returning = False
    if conflict:
        code = code.rstrip().rstrip(";") + conflict
    if table and table in returning_tables and not re.search(r"\bRETURNING\b", code, re.I):
        code = code.rstrip().rstrip(";") + " RETURNING id"
        returning = True
    # Placeholders: ?NNN is the NNN-th argument, a bare ? the one after the highest so far (as SQLite numbers them).
    slots, top = [], 0
    bm = 0

    def place(m):
        nonlocal top, bm
        tag = m.group(1)
        if tag == "FTS":
            top += 1
            slots.append(("fts", top - 1))
        elif tag.startswith("L"):
            slots.append(("list", (top, top + int(tag[1:]))))
            top += int(tag[1:])
        elif tag.startswith("BM"):
            slots.append(("bm25", int(tag[2:])))
        elif tag:
            slots.append(("arg", int(tag) - 1))
            top = max(top, int(tag))
        else:
            top += 1
            slots.append(("arg", top - 1))
        return "%s"

    # `x IN (?, ?, ...)`: one array parameter, `x = ANY(?)` (a long list of parameters costs PostgreSQL
    # a parse and a plan each time it is a different length).
    code = re.sub(r"\bNOT\s+IN\s*\(\s*\?(?:\s*,\s*\?)+\s*\)", lambda m: f"<> ALL(?L{m.group(0).count('?')})", code, flags=re.I)
    code = re.sub(r"\bIN\s*\(\s*\?(?:\s*,\s*\?)+\s*\)", lambda m: f"= ANY(?L{m.group(0).count('?')})", code, flags=re.I)
    code = code.replace("%", "%%")
    kept = [k.replace("%", "%%") for k in kept]
    code = re.sub(r"\?(FTS|BM\d|L\d+|\d*)", place, code)
    return Translated(_unmask(code, kept), slots, table=table, returning=returning)


# Which key an `INSERT OR REPLACE` into a table replaces on (SQLite: whichever unique key the row hits).
REPLACE_KEYS = {"settings": ("key",), "processed": ("entry", "processor"), "import_sources": ("key",), "failures": ("entry", "processor"),
                "embeddings": ("passage",), "cards": ("item",), "migrations": ("name",)}
IDENTITY = {"embeddings", "embeddings_gone"}  # AUTOINCREMENT tables: ids from a sequence, never given twice


# -- FTS5 queries as tsqueries ---------------------------------------------------------------------------
def _fold_table() -> dict[str, str]:
    """Latin letters with diacritics -> without (FTS5's remove_diacritics): é -> e, Ł -> L."""
    import unicodedata

    out = {}
    for code in range(0xC0, 0x250):
        c = chr(code)
        base = unicodedata.normalize("NFD", c)[0]
        if base != c and base.isascii() and base.isalpha():
            out[c] = base
    out.update({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"})
    return out


FOLD = _fold_table()
# Combining diacritics, as text decomposed (NFD: "Zoë" as "Zoe" and U+0308) writes them: dropped, as FTS5 drops them
COMBINING = "".join(chr(c) for c in range(0x300, 0x370))
_FOLD = str.maketrans({**FOLD, **dict.fromkeys(COMBINING)})


def fold(text: str) -> str:
    return text.translate(_FOLD)


_FTS_TOKEN = re.compile(r'\s*(?:(?P<col>\w+)\s*:\s*)?(?:"(?P<phrase>(?:[^"]|"")*)"(?P<star>\*)?|(?P<op>AND|OR|NOT)\b|(?P<word>[^\s"()]+)|(?P<paren>[()]))')
_COLUMN_WEIGHT = {"text": "A", "speaker": "B"}


def fts_terms(query: str) -> list[tuple[list[str], bool, str]]:
    """The phrases of an FTS5 query: (words, prefix, weight)."""
    out = []
    for m in _FTS_TOKEN.finditer(query or ""):
        text = m.group("phrase").replace('""', '"') if m.group("phrase") is not None else m.group("word")
        if text is None:
            continue
        words = re.findall(r"\w+", fold(text), re.UNICODE)
        if words:
            out.append((words, bool(m.group("star")), _COLUMN_WEIGHT.get(m.group("col") or "", "")))
    return out


def tsquery(query: str) -> str:
    """An FTS5 query (as `lexical.fts_query` and recall write them) as the text of a tsquery for to_tsquery."""
    parts, want_op = [], False
    for m in _FTS_TOKEN.finditer(query or ""):
        if m.group("op"):
            op = m.group("op").upper()
            parts.append({"AND": "&", "OR": "|", "NOT": "& !"}[op])
            want_op = False
            continue
        if m.group("paren"):
            if m.group("paren") == "(" and want_op:
                parts.append("&")
            parts.append(m.group("paren"))
            want_op = m.group("paren") == ")"
            continue
        text = m.group("phrase").replace('""', '"') if m.group("phrase") is not None else m.group("word")
        words = re.findall(r"\w+", fold(text or ""), re.UNICODE)
        if not words:
            continue
        weight = _COLUMN_WEIGHT.get(m.group("col") or "", "")
        star = bool(m.group("star"))
        marks = [f"'{w}'" + (":" + ("*" if star and i == len(words) - 1 else "") + weight
                            if (star and i == len(words) - 1) or weight else "") for i, w in enumerate(words)]
        if want_op:
            parts.append("&")  # FTS5: words side by side must all be there
        parts.append("(" + " <-> ".join(marks) + ")" if len(marks) > 1 else marks[0])
        want_op = True
    return " ".join(parts)


# -- the connection ----------------------------------------------------------------------------------------
class Cursor:
    def __init__(self, rows=(), lastrowid=None, rowcount=-1, description=None):
        self._rows, self.lastrowid, self.rowcount, self.description = list(rows), lastrowid, rowcount, description

    def fetchone(self):
        return self._rows.pop(0) if self._rows else None

    def fetchall(self):
        rows, self._rows = self._rows, []
        return rows

    def fetchmany(self, size=1):
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    def __iter__(self):
        return iter(self.fetchall())


def _without_nul(sql: str, values: list) -> list:
    """PostgreSQL's text holds no NUL character (SQLite's may): looked for, a text with one is a text no row holds
    (NUL written as U+FFFF, a noncharacter, so a name with a NUL is "not found" on both); to be kept, an error."""
    if not re.match(r"\s*(SELECT|WITH)\b", sql, re.I) or re.search(r"\b(INSERT|UPDATE|DELETE)\b", sql, re.I):
        raise BadInput("PostgreSQL cannot keep text with a NUL character (\\x00)", "Leave it out; nothing was changed.")

    def clean(v):
        return v.replace("\x00", "\uffff") if isinstance(v, str) else [clean(x) for x in v] if isinstance(v, list) else v

    return [clean(v) for v in values]


class Connection:
    """A psycopg connection that takes SQLite's SQL (see `translate`), with sqlite3's calls."""

    def __init__(self, url: str, schema: str, connect_timeout: float = 10):
        import psycopg

        self.url, self.schema = url, schema
        self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=int(connect_timeout) or 1)
        _adapt(self.raw)
        # Queries here are small and many: parallel workers cost more than they save (and take the cores).
        self.raw.execute("SET max_parallel_workers_per_gather = 0")
        self.returning: frozenset = frozenset()
        self.bm25_cache: dict = {}
        self.lexemes: dict[str, list[str]] = {}  # a word of a query: its lexemes (the configuration's, fixed)
        self.passages_written = False  # in this transaction: the BM25 counts' deltas to fold as it commits

    def use_schema(self):
        self.raw.execute(f"SET search_path TO {search_path(self.raw, self.schema)}")
        self.refresh()

    def refresh(self):
        """Read which tables have an `id` (an INSERT into them returns it)."""
        rows = self.raw.execute("SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                                " WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r' AND a.attname = 'id'"
                                " AND NOT a.attisdropped", (f'"{self.schema}"',)).fetchall()
        self.returning = frozenset(r[0] for r in rows)
        from pgvector.psycopg.vector import register_vector_info
        from psycopg.types import TypeInfo

        # The vector type alone, read once: pgvector's register_vector reads four types (bit, halfvec, sparsevec,
        # which this store never uses), a round trip each, at every opening.
        info = TypeInfo.fetch(self.raw, "vector")
        if info is None:
            return  # no vector type on the path yet (before the first migration): registered after it
        register_vector_info(self.raw, info)
        _vector_loader(self.raw, info)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self):
        self.raw.close()

    def create_function(self, name, narg, fn, deterministic=False):
        """SQLite's functions written in Python are written in SQL here (HELPERS): check it is one of them."""
        if name not in SQL_FUNCTIONS:
            raise StoreError(f"The SQL function {name} has no PostgreSQL form here")

    def execute(self, sql, params=()):
        special = _pragma(self, sql)
        if special is None:
            special = self.postings(sql, params)
        if special is not None:
            return special
        t = translate(sql, self.returning)
        if t.skip:
            return Cursor()
        if _PASSAGES_WRITE.match(t.sql):
            self.passages_written = True
        cur = self.raw.execute(t.sql, self._params(t, params))
        rows = cur.fetchall() if cur.description is not None else []
        if t.returning:
            return Cursor([], lastrowid=rows[-1][0] if rows else None, rowcount=cur.rowcount)
        return Cursor(rows, rowcount=cur.rowcount, description=cur.description)

    def executemany(self, sql, seq):
        t = translate(sql, self.returning)
        if t.skip:
            return Cursor()
        seq = [self._params(t, p) for p in seq]
        if not seq:
            return Cursor()
        text = t.sql[: t.sql.rfind(" RETURNING id")] if t.returning else t.sql
        many = _PASSAGES_VALUES.match(text)
        if many and len(seq) > 1:  # one statement: the full-text upkeep (fts_keep) runs once, not once a row
            self.passages_written = True
            per, count = 60_000 // len(seq[0]), 0  # PostgreSQL takes at most 65,535 parameters a statement
            for k in range(0, len(seq), per):
                chunk = seq[k:k + per]
                count += self.raw.execute(many.group(1) + ", ".join([many.group(2)] * len(chunk)),
                                          [v for row in chunk for v in row]).rowcount
            return Cursor(rowcount=count)
        if _PASSAGES_WRITE.match(text):
            self.passages_written = True
        with self.raw.cursor() as cur:
            cur.executemany(text, seq)
            return Cursor(rowcount=cur.rowcount)

    def _params(self, t: Translated, params):
        if isinstance(params, dict):
            raise StoreError("Named parameters are not used with this store")
        params = list(params)
        out, bm = [], None
        for kind, i in t.slots:
            if kind == "arg":
                out.append(params[i])
            elif kind == "list":
                out.append(params[i[0]:i[1]])
            elif kind == "fts":
                out.append(tsquery(params[i]))
            else:
                if bm is None:
                    first = next(j for k, j in t.slots if k == "fts")
                    bm = self.bm25_args(params[first])
                out.append(bm[i])
        if any("\x00" in v for v in out if isinstance(v, str)) or any(
                "\x00" in x for v in out if isinstance(v, list) for x in v if isinstance(x, str)):
            return _without_nul(t.sql, out)
        return out

    def bm25_args(self, query: str):
        """FTS5's BM25 for this query's phrases: (lexemes, prefix flags, idf of each, mean row length); kept
        while the passages are (none added: the highest id; none changed or taken away: `entries.changed`),
        since recall ranks one question's words over many runs of passages."""
        stamp = tuple(self.raw.execute("SELECT (SELECT max(id) FROM passages),"
                                       " (SELECT value FROM settings WHERE key = 'entries.changed')").fetchone())
        key = (query, stamp)
        if key not in self.bm25_cache:
            if len(self.bm25_cache) > 256:
                self.bm25_cache.clear()
            self.bm25_cache[key] = self._bm25_args(query)
        return self.bm25_cache[key]

    def _bm25_args(self, query: str):
        # The passages' count and tokens, and a word's passages, are kept by the write (fts_stats, fts_terms);
        # a phrase of several words, or a prefix, is counted.
        import math

        n, tokens = self.raw.execute("SELECT passages, tokens FROM fts_corpus").fetchone()
        avgdl = tokens / n if n else 0.0
        terms = fts_terms(query)
        self.word_lexemes([w[0] for w, star, _ in terms if len(w) == 1 and not star])
        lex, pre, idf = [], [], []
        for words, star, _ in terms:
            one = self.lexemes.get(words[0]) if len(words) == 1 and not star else None
            if one is not None and len(one) == 1:
                lexes = one
                hit = self.raw.execute("SELECT coalesce((SELECT docs FROM fts_docs WHERE lexeme = %s), 0)", (one[0],)).fetchone()[0]
            else:
                text = " ".join(words)
                lexes, hit = self.raw.execute(
                    f"SELECT array(SELECT lexeme FROM unnest(to_tsvector('{CONFIG}', %s))),"
                    f" (SELECT count(*) FROM passages WHERE tsv @@ to_tsquery('{CONFIG}', %s))",
                    (text, tsquery(f'"{text}"' + ("*" if star else "")))).fetchone()
            value = math.log((n - hit + 0.5) / (hit + 0.5))
            value = value if value > 0 else 1e-6
            for k, lexeme in enumerate(lexes):
                lex.append(lexeme)
                pre.append(star and k == len(lexes) - 1)
                idf.append(value)
        return lex, pre, idf, max(avgdl, 1e-9)

    def idf(self, lexes: list[str]) -> tuple[list[float], float]:
        """FTS5's idf of each lexeme, and the passages' mean length in tokens, from what the write keeps."""
        import math

        n, tokens, docs = self.raw.execute(
            "SELECT passages, tokens, array(SELECT coalesce((SELECT docs FROM fts_docs t WHERE t.lexeme = u.l), 0)"
            " FROM unnest(%s::text[]) WITH ORDINALITY AS u(l, i) ORDER BY i) FROM fts_corpus", (lexes,)).fetchone()
        idf = [math.log((n - hit + 0.5) / (hit + 0.5)) for hit in docs]
        return [v if v > 0 else 1e-6 for v in idf], max(tokens / n if n else 0.0, 1e-9)

    def word_lexemes(self, words: list[str]):
        """Read the lexemes of the words not read before (kept in `lexemes`)."""
        new = [w for w in dict.fromkeys(words) if w not in self.lexemes]
        if new:
            if len(self.lexemes) > 65_536:
                self.lexemes.clear()
            rows = self.raw.execute(f"SELECT w, array(SELECT lexeme FROM unnest(to_tsvector('{CONFIG}', w)))"
                                    " FROM unnest(%s::text[]) AS w", (new,)).fetchall()
            self.lexemes.update((w, list(lexes)) for w, lexes in rows)

    def simple(self, query: str) -> list[str] | None:
        """The lexemes of an FTS5 query that is words joined by OR (or one word), each word one lexeme, no
        prefix, no column: what the postings answer alone. None for any other query."""
        words, want_word = [], True
        for m in _FTS_TOKEN.finditer(query or ""):
            if want_word:
                text = m.group("phrase").replace('""', '"') if m.group("phrase") is not None else None
                if text is None or m.group("star") or m.group("col"):
                    return None
                found = re.findall(r"\w+", fold(text), re.UNICODE)
                if len(found) != 1:
                    return None
                words.append(found[0])
            elif (m.group("op") or "").upper() != "OR":
                return None
            want_word = not want_word
        if not words or want_word:
            return None
        self.word_lexemes(words)
        if any(len(self.lexemes[w]) != 1 for w in words):
            return None
        return [self.lexemes[w][0] for w in words]

    def postings(self, sql: str, params):
        """FTS5's statements that the postings answer (fts_postings, fts_terms, fts_stats, kept by the write), for
        queries of words joined by OR: a word's count of matches, the newest matches, and BM25 ranking in one
        statement (the same scores as `fts_bm25` over the same rows). None: translate the statement as it is."""
        shape = _POSTINGS.get(" ".join(sql.split()))
        if shape is None:
            return None
        params = list(params)
        lexes = self.simple(params[0])
        if lexes is None or shape != "rank" and len(lexes) != 1:
            return None
        if shape == "count":
            rows = self.raw.execute("SELECT least(coalesce((SELECT docs FROM fts_docs WHERE lexeme = %s), 0), %s)",
                                    (lexes[0], params[1])).fetchall()
        elif shape == "newest":
            rows = self.raw.execute("SELECT passage FROM fts_postings WHERE lexeme = %s ORDER BY passage DESC"
                                    " LIMIT 1 OFFSET %s", (lexes[0], params[1])).fetchall()
        else:  # "rank" from an id on, best first; "runs" between two ids, every match
            ranks = {"lex": lexes, "lo": params[1], "hi": params[2] if shape == "runs" else None,
                     "limit": params[2] if shape == "rank" else None}
            ranks["idf"], ranks["avgdl"] = self.idf(lexes)
            rows = self.raw.execute(_RANK, ranks).fetchall()
        return Cursor(rows)


_PASSAGES_WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+passages\b", re.I)
_PASSAGES_VALUES = re.compile(r"^(\s*INSERT\s+INTO\s+passages\s*\([^()]*\)\s*VALUES\s*)(\((?:%s,\s*)*%s\))$", re.I)
# FTS5's statements (store.py's, for lexical.py and recall.py) that the postings answer (spaces as one): their shape
_POSTINGS = {
    "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)": "count",
    "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?": "newest",
    "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?"
    " ORDER BY bm25(passages_fts) LIMIT ?": "rank",
    "SELECT rowid, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?"
    " ORDER BY score DESC LIMIT ?": "rank",
    "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?": "runs",
}
# BM25 as fts_bm25 computes it (FTS5's: k1 1.2, b 0.75), over each query lexeme's postings at or after a
# passage id (and up to one), summed per passage: the rows ranked are read from the postings' index alone.
_RANK = """
SELECT p.passage, sum(q.idf * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.len / %(avgdl)s::float8))) AS score
FROM unnest(%(lex)s::text[], %(idf)s::float8[]) AS q(lexeme, idf) JOIN fts_postings p ON p.lexeme = q.lexeme
WHERE p.passage >= %(lo)s AND p.passage <= coalesce(%(hi)s::bigint, 9223372036854775807)
GROUP BY p.passage ORDER BY score DESC LIMIT %(limit)s
"""


def _pragma(conn: Connection, sql: str):
    """SQLite's PRAGMAs that the package uses, and VACUUM, as PostgreSQL has them (None: neither)."""
    if re.fullmatch(r"\s*VACUUM\s*;?\s*", sql, re.I):  # this memory's tables, not the whole database's
        tables = [r[0] for r in conn.raw.execute("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                                                 " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                                 " WHERE n.nspname = %s AND c.relkind = 'r'", (conn.schema,)).fetchall()]
        if tables:
            conn.raw.execute("VACUUM " + ", ".join(tables))
        return Cursor()
    m = re.match(r"\s*PRAGMA\s+(\w+)\s*(?:\((\w+)\)|=\s*(\w+))?\s*$", sql, re.I)
    if not m:
        return None
    name, arg, value = m.group(1).lower(), m.group(2), m.group(3)
    if name == "table_info":
        rows = conn.raw.execute(
            "SELECT a.attnum - 1 AS cid, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,"
            " a.attnotnull::int AS notnull, pg_get_expr(d.adbin, d.adrelid) AS dflt_value,"
            " (EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary"
            "   AND a.attnum = ANY(i.indkey)))::int AS pk"
            " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            " WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped"
            " AND a.attname NOT IN ('tsv', 'tokens') ORDER BY a.attnum", (f'"{conn.schema}"."{arg}"',)).fetchall()
        return Cursor(rows)
    if name in ("secure_delete", "temp_store") and value is not None:
        return Cursor()  # PostgreSQL has neither: VACUUM (below) is what frees an erased row's space
    if name in ("secure_delete", "temp_store"):
        return Cursor([(0,)])
    if name == "wal_checkpoint":
        return Cursor([(1, 0, 0)])  # the server's write-ahead log is not ours to truncate: said as "busy"
    if name == "integrity_check":
        return Cursor([("ok",)])
    if name == "schema_version":
        return Cursor([(0,)])
    raise StoreError(f"PRAGMA {name} has no PostgreSQL form here")


def _adapt(raw):
    """Values as sqlite3 gives them: numbers from sums as int or float, truth values as 0 or 1."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data):
            text = bytes(data).decode()
            if re.fullmatch(r"-?\d+", text):
                return int(text)
            return float(text)

    class BoolLoader(Loader):
        def load(self, data):
            return 1 if bytes(data) == b"t" else 0

    raw.adapters.register_loader("numeric", NumericLoader)
    raw.adapters.register_loader("bool", BoolLoader)


def _vector_loader(raw, info):
    """pgvector's vectors read as float32 arrays, as the embeddings' BLOBs are read in SQLite (`info`: the vector type's)."""
    import numpy as np
    from psycopg.adapt import Loader
    from psycopg.pq import Format

    class VectorLoader(Loader):
        def load(self, data):
            text = bytes(data).decode()
            return np.array(text[1:-1].split(","), dtype=np.float32) if len(text) > 2 else np.zeros(0, np.float32)

    class VectorBinaryLoader(Loader):
        format = Format.BINARY

        def load(self, data):
            return np.frombuffer(bytes(data)[4:], dtype=">f4").astype(np.float32)

    raw.adapters.register_loader(info.oid, VectorLoader)
    raw.adapters.register_loader(info.oid, VectorBinaryLoader)


# -- the schema --------------------------------------------------------------------------------------------
HELPERS_VERSION = 7  # bump when HELPERS change: each memory's schema takes them in again when opened
HELPERS = f"""
CREATE OR REPLACE FUNCTION max(a anycompatible, b anycompatible) RETURNS anycompatible
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END';
CREATE OR REPLACE FUNCTION min(a anycompatible, b anycompatible) RETURNS anycompatible
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END';
CREATE OR REPLACE FUNCTION max(a bigint, b text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT greatest(a, b::bigint)';
CREATE OR REPLACE FUNCTION substr(s text, start bigint, len bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT pg_catalog.substr(s, start::int, len::int)';
CREATE OR REPLACE FUNCTION substr(s text, start bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT pg_catalog.substr(s, start::int)';
-- Small numbers as parameters come as smallint, which fits both pg_catalog's (int) and the above (bigint)
CREATE OR REPLACE FUNCTION substr(s text, start smallint, len smallint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT pg_catalog.substr(s, start::int, len::int)';
CREATE OR REPLACE FUNCTION substr(s text, start smallint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT pg_catalog.substr(s, start::int)';
CREATE OR REPLACE FUNCTION instr(s text, part text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT strpos(s, part)';
CREATE OR REPLACE FUNCTION round(x double precision, digits bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT pg_catalog.round(x::numeric, digits::int)::double precision';
CREATE OR REPLACE FUNCTION julianday(t text) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT extract(epoch FROM t::timestamp)::double precision / 86400 + 2440587.5';
CREATE OR REPLACE FUNCTION fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT translate(t, ''{"".join(FOLD) + COMBINING}'', ''{"".join(FOLD.values())}'')';
CREATE OR REPLACE FUNCTION ifnull(a anycompatible, b anycompatible) RETURNS anycompatible
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT coalesce(a, b)';
CREATE OR REPLACE FUNCTION group_concat_step(acc text, x text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT CASE WHEN x IS NULL THEN acc WHEN acc IS NULL THEN x ELSE acc || '','' || x END';
CREATE OR REPLACE AGGREGATE group_concat(text) (SFUNC = group_concat_step, STYPE = text);
-- extract/__init__.py's _fan and _weight, which SQLite calls in Python
CREATE OR REPLACE FUNCTION cue_fan(people bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT CASE WHEN people <= 8 THEN people ELSE ceil(power(2, ceil(4 * ln(people) / ln(2) - 1e-9) / 4))::bigint END';
CREATE OR REPLACE FUNCTION cue_weight(closeness double precision, fan bigint, total bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT pg_catalog.round((closeness * ln(1 + total::double precision / fan) / ln(1 + total::double precision))::numeric, 4)::double precision';
-- SQLite's INTEGER PRIMARY KEY: an id not given is one past the highest.
CREATE OR REPLACE FUNCTION next_rowid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS NULL THEN
        EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;
    END IF;
    RETURN NEW;
END $$;
-- a row's length for BM25: its tokens (FTS5 counts every token of every column)
CREATE OR REPLACE FUNCTION tsv_tokens(v tsvector) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT coalesce(sum(coalesce(array_length(positions, 1), 1)), 0)::bigint FROM unnest(v)';
-- FTS5's bm25(): sum over the query's phrases of idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen))
CREATE OR REPLACE FUNCTION fts_bm25(v tsvector, len bigint, lex text[], pre boolean[], idf float8[], avgdl float8)
RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(sum(idf[h.i] * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * len / avgdl))), 0)
    FROM (SELECT i, sum(coalesce(array_length(u.positions, 1), 1)) AS tf
          FROM generate_subscripts(lex, 1) AS i JOIN unnest(v) AS u
            ON u.lexeme = lex[i] OR (pre[i] AND starts_with(u.lexeme, lex[i]))
          GROUP BY i) h
$$;
"""


def _search_config(conn):
    """Stemmed as FTS5's porter tokenizer stems, with no stopwords (FTS5 has none; the queries drop them)."""
    have = conn.execute("SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace"
                        " WHERE n.nspname = current_schema() AND c.cfgname = %s", (CONFIG,)).fetchone()
    if have:
        # Memories made before stemmed with Snowball's English ("died" -> "die"; FTS5's Porter: "di"): stem
        # as Porter, and index every passage again (its generated columns are computed anew by the UPDATE).
        option = conn.execute("SELECT d.dictinitoption FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace"
                              " WHERE n.nspname = current_schema() AND d.dictname = %s", (f"{CONFIG}_stem",)).fetchone()
        if option and "porter" not in option[0]:
            conn.execute(f"ALTER TEXT SEARCH DICTIONARY {CONFIG}_stem (Language = porter)")
            if conn.execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'passages'").fetchone():
                conn.execute("UPDATE passages SET text = text")
        # Memories made before kept the combining diacritics of decomposed text ("Zoe" and U+0308): `fold` drops
        # them now, as FTS5 does; the passages that have any are indexed again.
        elif conn.execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'passages'").fetchone():
            conn.execute(f"UPDATE passages SET text = text WHERE text ~ '[{COMBINING[0]}-{COMBINING[-1]}]'"
                         f" OR speaker ~ '[{COMBINING[0]}-{COMBINING[-1]}]'")
        return
    # Snowball's `porter` is Martin Porter's algorithm, as FTS5's porter tokenizer (its `english` is Porter2)
    conn.execute(f"CREATE TEXT SEARCH DICTIONARY {CONFIG}_stem (TEMPLATE = snowball, Language = porter)")
    conn.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.english)")
    conn.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING REPLACE english_stem WITH {CONFIG}_stem")
    # FTS5's unicode61 splits "well-known" into its parts only; PostgreSQL would index the whole word too.
    conn.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} DROP MAPPING IF EXISTS FOR asciihword, hword, numhword")


SQLITE_MASTER = """
CREATE OR REPLACE VIEW sqlite_master AS
    SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' ELSE 'index' END AS type, c.relname::text AS name
    FROM pg_class c WHERE c.relnamespace = to_regnamespace(quote_ident(current_schema())) AND c.relkind IN ('r', 'v', 'i')
"""

# PostgreSQL's own DDL for the migrations whose SQLite DDL has no translation; the others are translated.
SQL_FUNCTIONS = {"cue_fan", "cue_weight"}  # the Python functions SQLite is given, as SQL here (HELPERS)

DDL = {
    "m001_core": """
        CREATE TABLE entries (
            id BIGINT PRIMARY KEY, text TEXT NOT NULL, at TEXT, added TEXT NOT NULL, author TEXT, source TEXT,
            kind TEXT NOT NULL DEFAULT 'text', hash TEXT NOT NULL UNIQUE, words BIGINT NOT NULL, meta TEXT);
        CREATE INDEX entries_at ON entries(at);
        CREATE TABLE passages (
            id BIGINT PRIMARY KEY, entry BIGINT NOT NULL REFERENCES entries(id), seq BIGINT NOT NULL,
            start BIGINT NOT NULL, "end" BIGINT NOT NULL, speaker TEXT, ref TEXT, text TEXT NOT NULL,
            -- the full-text index: FTS5's columns text and speaker, told apart by weight
            tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('remembrancer', fold(text)), 'A')
                || setweight(to_tsvector('remembrancer', fold(coalesce(speaker, ''))), 'B')) STORED,
            tokens BIGINT GENERATED ALWAYS AS (tsv_tokens(to_tsvector('remembrancer', fold(text))
                || to_tsvector('remembrancer', fold(coalesce(speaker, ''))))) STORED,
            UNIQUE (entry, seq));
        CREATE INDEX passages_ref ON passages(ref);
        CREATE INDEX passages_tsv ON passages USING gin (tsv);
        CREATE VIEW passages_fts AS SELECT id AS rowid, text, speaker, tsv, tokens FROM passages;
        CREATE TABLE processed (
            entry BIGINT NOT NULL REFERENCES entries(id), processor TEXT NOT NULL, version TEXT NOT NULL,
            at TEXT NOT NULL, PRIMARY KEY (entry, processor));
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
    """,
    "m003_embeddings": """
        CREATE TABLE embeddings (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            passage BIGINT NOT NULL UNIQUE REFERENCES passages(id),
            model TEXT NOT NULL,
            vector vector(384) NOT NULL);
        -- vectors are unit length: the inner product is the cosine (embed.CONNECTIVITY, embed.EXPANSION_ADD)
        CREATE INDEX embeddings_hnsw ON embeddings USING hnsw (vector vector_ip_ops) WITH (m = 16, ef_construction = 128);
    """,
    # FTS5's BM25 statistics, kept by the write transaction as FTS5 keeps them: the passages' count and tokens
    # (fts_stats), each lexeme's passages (fts_terms: its document frequency) and postings (passage, occurrences,
    # passage length), so a question ranks its matches in one statement over the postings (Connection.postings).
    # A statement writing passages appends what it changed to fts_delta, folded into the counts as the write
    # commits (fts_fold, PgMemory._close): counters updated in place at every statement would leave a row
    # version per passage in the transaction, each read past by the next (a common word's count, written
    # thousands of times by one import). fts_docs and fts_corpus read the counts with the deltas not yet folded.
    "m017_pg17": """
        CREATE TABLE fts_stats (one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one), passages BIGINT NOT NULL, tokens BIGINT NOT NULL);
        CREATE TABLE fts_terms (lexeme TEXT COLLATE "C" PRIMARY KEY, docs BIGINT NOT NULL);
        CREATE TABLE fts_delta (lexeme TEXT COLLATE "C", docs BIGINT NOT NULL, tokens BIGINT);  -- lexeme NULL: fts_stats's
        CREATE TABLE fts_postings (lexeme TEXT COLLATE "C" NOT NULL, passage BIGINT NOT NULL, tf INTEGER NOT NULL,
                                   len INTEGER NOT NULL);
        INSERT INTO fts_stats SELECT true, count(*), coalesce(sum(tokens), 0) FROM passages;
        INSERT INTO fts_terms SELECT u.lexeme, count(*) FROM passages p, unnest(p.tsv) u GROUP BY 1;
        INSERT INTO fts_postings SELECT u.lexeme, p.id, coalesce(array_length(u.positions, 1), 1), p.tokens
            FROM passages p, unnest(p.tsv) u;
        ALTER TABLE fts_postings ADD PRIMARY KEY (lexeme, passage) INCLUDE (tf, len);  -- ranked from the index alone
        CREATE VIEW fts_docs AS SELECT lexeme, sum(docs)::bigint AS docs
            FROM (SELECT lexeme, docs FROM fts_terms UNION ALL SELECT lexeme, docs FROM fts_delta WHERE lexeme IS NOT NULL) d
            GROUP BY lexeme;
        CREATE VIEW fts_corpus AS SELECT sum(passages)::bigint AS passages, sum(tokens)::bigint AS tokens
            FROM (SELECT passages, tokens FROM fts_stats UNION ALL SELECT docs, tokens FROM fts_delta WHERE lexeme IS NULL) d;
        CREATE FUNCTION fts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO fts_delta SELECT u.lexeme, -count(*), NULL FROM old_rows r, unnest(r.tsv) u GROUP BY 1
                    UNION ALL SELECT NULL, -count(*), -coalesce(sum(tokens), 0) FROM old_rows;
                DELETE FROM fts_postings p USING old_rows r, unnest(r.tsv) u WHERE p.lexeme = u.lexeme AND p.passage = r.id;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO fts_delta SELECT u.lexeme, count(*), NULL FROM new_rows r, unnest(r.tsv) u GROUP BY 1
                    UNION ALL SELECT NULL, count(*), coalesce(sum(tokens), 0) FROM new_rows;
                INSERT INTO fts_postings SELECT u.lexeme, r.id, coalesce(array_length(u.positions, 1), 1), r.tokens
                    FROM new_rows r, unnest(r.tsv) u;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION fts_keep();
        CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION fts_keep();
        CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION fts_keep();
        CREATE FUNCTION fts_fold() RETURNS void LANGUAGE sql AS $$
            WITH d AS (DELETE FROM fts_delta RETURNING lexeme, docs, tokens),
            s AS (UPDATE fts_stats SET passages = passages + x.n, tokens = tokens + x.t
                  FROM (SELECT coalesce(sum(docs), 0) AS n, coalesce(sum(tokens), 0) AS t FROM d WHERE lexeme IS NULL) x
                  WHERE x.n <> 0 OR x.t <> 0)
            INSERT INTO fts_terms SELECT lexeme, sum(docs) FROM d WHERE lexeme IS NOT NULL GROUP BY 1 ORDER BY 1
                ON CONFLICT (lexeme) DO UPDATE SET docs = fts_terms.docs + EXCLUDED.docs;
        $$;
    """,
}


def _translate_ddl(sql: str) -> str:
    sql = re.sub(r"INTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql, flags=re.I)
    sql = re.sub(r"\((\w+)\s+COLLATE\s+NOCASE\)", r"(lower(\1))", sql, flags=re.I)
    sql = re.sub(r"\)\s*WITHOUT\s+ROWID", ")", sql, flags=re.I)  # a clustered table in SQLite; a plain one here
    return sql


class _DDLConnection:
    """What a migration function is given on PostgreSQL: its statements translated."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def execute(self, sql, params=()):
        return self.conn.execute(_translate_ddl(sql), params)

    def executemany(self, sql, seq):  # a migration filling a new table from the rows there (m012_search_symbols)
        return self.conn.executemany(sql, seq)


def search_path(raw, schema: str) -> str:
    """The memory's schema, then pgvector's (wherever the server's owner put it), then public."""
    row = raw.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                      " WHERE e.extname = 'vector'").fetchone()
    names = [schema] + ([row[0]] if row and row[0] not in (schema, "public") else []) + ["public"]
    return ", ".join(f'"{n}"' for n in names)


def _key(schema: str) -> int:
    return int.from_bytes(hashlib.sha256(schema.encode()).digest()[:8], "big", signed=True)


def migrate(conn: Connection, create: bool = True) -> bool:
    """Make the memory's schema if need be and bring it up to date, each migration in its own transaction
    (named as SQLite's, in `migrations`). False if there is no such memory and `create` is False."""
    import psycopg

    raw, schema = conn.raw, conn.schema
    exists = raw.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
    if not exists and not create:
        return False
    if read_only(raw):
        return _as_it_is(conn, exists)
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (_key(schema),))
        raw.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        if not raw.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
            try:
                with raw.transaction():
                    raw.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public")
            except psycopg.Error as e:
                raise StoreError(f"PostgreSQL has no pgvector here ({e})",
                                 "Install pgvector (0.5 or later) on the server, or ask its owner to `CREATE EXTENSION vector`.") from None
        raw.execute(f"SET search_path TO {search_path(raw, schema)}")
        mark = f"remembrancer helpers {HELPERS_VERSION}"
        if raw.execute("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = %s",
                       (schema,)).fetchone()[0] != mark:
            raw.execute(HELPERS)
            _search_config(raw)
            raw.execute(SQLITE_MASTER)
            raw.execute(f"COMMENT ON SCHEMA \"{schema}\" IS '{mark}'")
        raw.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    conn.use_schema()
    done = {r[0] for r in raw.execute("SELECT name FROM migrations").fetchall()}
    known = {fn.__name__ for fn in migrations.MIGRATIONS}
    later = [n for n in done if n not in known]
    if later:
        raise StoreError(f"This memory was made by a newer remembrancer (its schema has {max(later)})",
                         "Open it with that newer version (pip install -U remembrancer); nothing was changed.")
    todo = [fn for fn in migrations.MIGRATIONS if fn.__name__ not in done]
    # A new memory is made whole in one transaction (a third less of the server's work and round trips than a
    # transaction a migration, and never half made); an older one is brought up to date a migration at a time, as
    # SQLite's file is.
    for steps in ([todo] if not done else [[fn] for fn in todo]):
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (_key(schema),))
            ran = {r[0] for r in raw.execute("SELECT name FROM migrations").fetchall()}  # by another process meanwhile
            for fn in steps:
                if fn.__name__ in ran:
                    continue
                if DDL.get(fn.__name__):
                    raw.execute(DDL[fn.__name__])
                else:
                    fn(_DDLConnection(conn))
                raw.execute("INSERT INTO migrations (name, applied) VALUES (%s, to_char(now() AT TIME ZONE 'UTC',"
                            " 'YYYY-MM-DD HH24:MI:SS'))", (fn.__name__,))
            _rowid_triggers(raw, schema)
    if todo:  # the tables with an id, and the vector type, read once the schema is whole (not after each step)
        conn.refresh()
    return True


def read_only(raw) -> bool:
    """Is this a server that takes no writes (a hot standby, a replica for searching; or read-only by its settings)?"""
    return raw.execute("SHOW transaction_read_only").fetchone()[0] == "on"


def _as_it_is(conn: Connection, exists) -> bool:
    """A memory on a read-only server (a replica): read as it is, when it is whole and of this version."""
    raw, schema = conn.raw, conn.schema
    name = schema.removeprefix("memory_")
    if not exists:
        raise StoreError(f"No memory {name!r} on this read-only server (a replica?)",
                         "Make it on the primary server: `remembrancer add` or `import` there.")
    mark = raw.execute("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()[0]
    conn.use_schema()
    done = {r[0] for r in raw.execute("SELECT name FROM migrations").fetchall()}
    if mark != f"remembrancer helpers {HELPERS_VERSION}" or done != {fn.__name__ for fn in migrations.MIGRATIONS}:
        raise StoreError(f"The memory {name!r} was made by another version of remembrancer, and this server is read-only",
                         "Open it once with this version on the primary server (it is brought up to date), then here.")
    return True


def _rowid_triggers(raw, schema):
    """Every table whose `id` is its own (not a sequence's) gets SQLite's rowid rule (`next_rowid`)."""
    rows = raw.execute(
        "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        " WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r' AND a.attname = 'id' AND NOT a.attisdropped"
        " AND a.attidentity = '' AND NOT a.atthasdef"
        " AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = c.relname || '_rowid')",
        (f'"{schema}"',)).fetchall()
    for (table,) in rows:
        raw.execute(f'CREATE TRIGGER "{table}_rowid" BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION next_rowid()')


# -- the memory --------------------------------------------------------------------------------------------
@contextlib.contextmanager
def pg_errors():
    """psycopg's errors as the store's: a lock not had in time, a server gone, a full disk."""
    import psycopg

    try:
        yield
    except psycopg.errors.LockNotAvailable:
        raise StoreLocked("The memory is locked by another program") from None
    except psycopg.errors.DiskFull as e:
        raise StoreError(f"The database could not grow ({e})", "Free some space on the server and try again; nothing was stored.") from None
    except psycopg.errors.ReadOnlySqlTransaction:
        raise StoreError("The database is read-only here (a replica?)",
                         "Point --db at the primary server to write; nothing was stored.") from None
    except psycopg.OperationalError as e:
        raise StoreError(f"The database could not be used: {str(e).strip()}",
                         "Check the server is running and the URL (--db, $REMEMBRANCER_DB).") from None
    except (psycopg.IntegrityError, psycopg.DataError) as e:  # as SQLite's: the transaction is rolled back, nothing kept
        raise StoreError(f"The store could not be used: {str(e).strip().splitlines()[0]}") from None


class PgPath(str):
    """What `memory.path` is for a PostgreSQL memory: the URL naming it (never a file); `shown` without a password."""

    def __new__(cls, dsn, name):
        self = super().__new__(cls, with_memory(dsn, name))
        parts = urllib.parse.urlsplit(dsn)
        netloc = parts.netloc.rsplit("@", 1)[-1]
        user = parts.netloc.rsplit("@", 1)[0].split(":")[0] + "@" if "@" in parts.netloc else ""
        self.server = urllib.parse.urlunsplit((parts.scheme, user + netloc, parts.path, parts.query, ""))
        self.name = name
        self.shown = with_memory(self.server, name)
        return self


from .store import Memory, _checked, code_version, default_path  # noqa: E402  (store imports this module only when a URL is opened)


class PgMemory(Memory):
    """A memory in a PostgreSQL database: `Memory("postgresql://...", memory="hannah")` makes one of these.
    Only what differs from SQLite's file is here; everything else is `Memory`'s, over `Connection`."""

    def __init__(self, path=None, *, memory: str | None = None, derive: bool = True, timeout: float = 5.0,
                 create: bool = True, key: str | None = None):
        if key is not None:
            raise BadInput("A PostgreSQL memory is not encrypted by remembrancer",
                           "Leave out the key: encrypt the database server's disk, and connect over TLS (sslmode=require).")
        self.key = None

        dsn, name = split_url(str(path if path is not None else default_path()), memory)
        self.url, self.name = dsn, name
        self.path = PgPath(dsn, name)
        self._begin(derive)
        self.readonly = False
        self._derive_conn = None
        self._claimed_up_to = 0  # where this process's next claim starts looking (PgMemory.claim)
        self._done_before = 0  # no entry before this one was pending extraction when last looked (claim_before)
        self._held = set()  # entries this process holds (an advisory lock is taken again by its holder: not twice)
        with pg_errors():
            self.conn = Connection(dsn, schema_of(name))
            try:
                if not migrate(self.conn, create=create):
                    raise NotFound(f"No memory {name!r} in {self.path.server}",
                                   "Check --memory and --db; `remembrancer add` or `import` starts a new memory.")
                self.readonly = read_only(self.conn.raw)  # a replica: searched, never written (nor derived) here
                self.conn.raw.execute(f"SET hnsw.ef_search = {EF_SEARCH}")
                self.conn.raw.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            except BaseException:
                self.conn.close()
                raise
        if derive:
            self.complete()

    def errors(self):
        return pg_errors()

    def _open(self, what: str):
        if what == "read":
            self.conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return
        self.conn.raw.execute("BEGIN")
        # One writer a memory at a time, as SQLite's BEGIN IMMEDIATE: ids are given as max + 1.
        self.conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_key(self.conn.schema),))

    def _close(self, commit: bool):
        written, self.conn.passages_written = self.conn.passages_written, False
        if commit and written:
            try:
                self.conn.raw.execute("SELECT fts_fold()")  # BM25's counts, as this write leaves them
            except BaseException:
                self.conn.raw.execute("ROLLBACK")
                raise
        self.conn.raw.execute("COMMIT" if commit else "ROLLBACK")

    def close(self):
        self.conn.close()
        if self._derive_conn is not None:
            self._derive_conn.close()

    def _lock_path(self):
        return self.path  # deriving is locked (see _derive_lock): anything but None

    def _locks(self):
        """The connection this process holds its session advisory locks on (deriving, a worker's entries),
        let go by the server when the process (or its connection) dies."""
        import psycopg

        if self._derive_conn is None:
            self._derive_conn = psycopg.connect(self.url, autocommit=True)
        return self._derive_conn

    @contextlib.contextmanager
    def _derive_lock(self, wait: bool):
        """One process at a time derives a memory alone (`Memory.process`), holding its derive lock; workers
        (remembrancer/workers.py) hold it shared, so they derive side by side but never beside a lone process.
        With `wait=False` (opening, `add`) a memory that has workers is left to them."""
        with pg_errors():
            c = self._locks()
            key = _key(self.conn.schema) ^ 1
            if wait:
                c.execute("SELECT pg_advisory_lock(%s)", (key,))
            elif self.workers() or not c.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
                yield False
                return
        try:
            yield True
        finally:
            with pg_errors():
                c.execute("SELECT pg_advisory_unlock(%s)", (key,))

    # -- workers (remembrancer/workers.py) ------------------------------------------------------------------
    # Three advisory locks of the memory's key: `^ 1` deriving (a lone process exclusive, workers shared, each
    # batch), `^ 2` held shared by each worker while it runs (so a lone process leaves the work to them), and
    # one per entry (the key's high half, the entry id) held by the worker that took it. All are session locks
    # on `_locks()`, so whatever a worker held is let go the moment its process or its connection dies.
    def workers(self) -> int:
        """How many workers are running on this memory, on any machines."""
        key = (_key(self.conn.schema) ^ 2) & (2**64 - 1)
        with self.lock, pg_errors():
            return self.conn.raw.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND classid = %s::int8::oid AND objid = %s::int8::oid", (key >> 32, key & (2**32 - 1))).fetchone()[0]

    @contextlib.contextmanager
    def working(self):
        """This process is one of the memory's workers while inside."""
        with pg_errors():
            c = self._locks()
            # A worker's machine that vanishes (no FIN sent) is found gone by the server in about a minute, and
            # its locks let go: over TCP, keepalives; while a statement runs, a look at the client every 10 s.
            for setting, value in (("tcp_keepalives_idle", 30), ("tcp_keepalives_interval", 10), ("tcp_keepalives_count", 3),
                                   ("client_connection_check_interval", 10_000)):
                c.execute(f"SET {setting} = {value}")
            c.execute("SELECT pg_advisory_lock_shared(%s)", (_key(self.conn.schema) ^ 2,))
        try:
            yield self
        finally:
            with contextlib.suppress(Exception):
                c.execute("SELECT pg_advisory_unlock_shared(%s)", (_key(self.conn.schema) ^ 2,))

    def _due(self) -> tuple[str, list]:
        """SQL true of an entry `e` pending for any processor, and its parameters (as `pending`, for all)."""
        from .store import PROCESSORS  # read when called: a test, or a process, may set it

        modules = [importlib.import_module(name) for name in PROCESSORS]
        sql = " OR ".join(
            "(NOT EXISTS (SELECT 1 FROM processed p WHERE p.entry = e.id AND p.processor = ? AND p.version = ?)"
            " AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.entry = e.id AND f.processor = ? AND f.version = ? AND f.code = ?))"
            for _ in modules)
        return f"e.deleted IS NULL AND ({sql})", [x for m in modules for x in (m.NAME, str(m.VERSION), m.NAME, str(m.VERSION), code_version())]

    def claim(self, most: int, chars: int) -> list[int] | None:
        """Take pending entries no other worker holds: at most `most`, and `chars` characters (one at least),
        in the order they were stored, each held by this process until `release`. [] if none is left; None if a lone process
        is deriving the memory (`Memory.process`: try again later)."""
        with self.lock, pg_errors():
            c = self._locks()
            derive = _key(self.conn.schema) ^ 1
            if not c.execute("SELECT pg_try_advisory_lock_shared(%s)", (derive,)).fetchone()[0]:
                return None
            due, args = self._due()
            # From past this worker's last claim (entries mostly come in at the end), round to the start once.
            start = self._claimed_up_to
            got, total, after, wrapped, full = [], 0, start, start == 0, False
            while not full and len(got) < most:
                page = self.conn.execute(f"SELECT e.id, length(e.text) FROM entries e WHERE e.id > ? AND {due}"
                                         " ORDER BY e.id LIMIT ?", (after, *args, CLAIM_PAGE)).fetchall()
                if wrapped and start:
                    page = [r for r in page if r[0] <= start]  # the rest was looked at before wrapping
                if not page:
                    if wrapped:
                        break
                    after, wrapped = 0, True
                    continue
                after = page[-1][0]
                sizes, k = dict((r[0], r[1]) for r in page), 0
                while k < len(page) and not full and len(got) < most:
                    tried = [r[0] for r in page[k:k + most - len(got)]]
                    k += len(tried)
                    locked = set(self._try_entries(c, tried))
                    for i in tried:
                        if i not in locked:
                            full = full or bool(got)  # a batch is a run: one another worker holds ends it (workers._turn)
                        elif not full and (not got or total + sizes[i] <= chars):
                            got.append(i)
                            total += sizes[i]
                        else:  # the batch is full: one past its characters ends it
                            full = True
                            self._let_go(c, [i])
                    full = full or total >= chars
            if got:  # one may have been finished (and let go) since the page was read: the lock came after
                still = {r[0] for r in self.conn.execute(f"SELECT e.id FROM entries e WHERE e.id IN ({','.join('?' * len(got))})"
                                                         f" AND {due}", (*got, *args)).fetchall()}
                self._let_go(c, [i for i in got if i not in still])
                got = [i for i in got if i in still]
            if not got:
                c.execute("SELECT pg_advisory_unlock_shared(%s)", (derive,))
            self._claimed_up_to = max(got) if got else 0
            return got

    def claim_before(self, first: int, most: int, chars: int, processor) -> tuple[list[int], bool]:
        """Entries stored before `first` still pending for `processor` (extraction: their people are joined
        first): (those taken now, as `claim` takes them, in order, from the first one no worker holds, each held
        until `release`; whether any is pending at all). A worker writes an entry's people only when none before
        it is pending, so people are joined in the order entries were stored, whatever order workers understood
        them in (workers._turn)."""
        with self.lock, pg_errors():
            c = self._locks()
            rows = self.conn.execute(
                "SELECT e.id, length(e.text) FROM entries e WHERE e.id >= ? AND e.id < ? AND e.deleted IS NULL"
                " AND NOT EXISTS (SELECT 1 FROM processed p WHERE p.entry = e.id AND p.processor = ? AND p.version = ?)"
                " AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.entry = e.id AND f.processor = ? AND f.version = ?"
                " AND f.code = ?) ORDER BY e.id LIMIT ?",
                (self._done_before, first, processor.NAME, str(processor.VERSION), processor.NAME, str(processor.VERSION),
                 code_version(), CLAIM_PAGE)).fetchall()
            if not rows:
                self._done_before = max(self._done_before, first)
                return [], False
            self._done_before = rows[0][0]
            derive = _key(self.conn.schema) ^ 1
            if not c.execute("SELECT pg_try_advisory_lock_shared(%s)", (derive,)).fetchone()[0]:
                return [], True
            got, total = [], 0
            for i, size in rows:  # a run of those no one holds, from the first free one, as `claim` would take it
                if len(got) >= most or got and total + size > chars:
                    break
                if self._try_entries(c, [i]):
                    got.append(i)
                    total += size
                elif got:
                    break
            if not got:
                c.execute("SELECT pg_advisory_unlock_shared(%s)", (derive,))
            return got, True

    def release(self, ids):
        """Let go of entries taken by `claim` (after what was written of them is committed)."""
        with self.lock, pg_errors():
            c = self._locks()
            self._let_go(c, ids)
            c.execute("SELECT pg_advisory_unlock_shared(%s)", (_key(self.conn.schema) ^ 1,))

    def _try_entries(self, c, ids) -> list[int]:
        ids = [i for i in ids if i not in self._held]
        if not ids:
            return []
        rows = c.execute("SELECT i FROM unnest(%s::bigint[]) WITH ORDINALITY AS u(i, n)"
                         " WHERE pg_try_advisory_lock(%s::int4, mod(i, 2147483648)::int4) ORDER BY n",
                         (ids, _key(self.conn.schema) >> 32)).fetchall()
        self._held.update(r[0] for r in rows)
        return [r[0] for r in rows]

    def _let_go(self, c, ids):
        self._held.difference_update(ids)
        if ids:
            c.execute("SELECT count(pg_advisory_unlock(%s::int4, mod(i, 2147483648)::int4)) FROM unnest(%s::bigint[]) AS u(i)",
                      (_key(self.conn.schema) >> 32, list(ids)))

    # -- copy (archive.copy) -----------------------------------------------------------------------------------
    def stream(self, sql, params=(), size=2_000):
        """Read through a server-side cursor (a million passages are not held at once)."""
        t = translate(sql, self.conn.returning)
        with pg_errors(), self.conn.raw.cursor(name=f"copy_{id(self)}") as cur:
            cur.execute(t.sql, self.conn._params(t, params))
            while rows := cur.fetchmany(size):
                yield rows

    def copied(self, conn):
        """Ids given by sequences (the AUTOINCREMENT tables) go on past those copied."""
        for table in IDENTITY:
            conn.raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
                             f" FROM {table}")

    def _check_whole(self) -> list[str]:
        """Every passage against its entry's text, in one statement (the server compares)."""
        problems = []
        for row in self.conn.execute("SELECT p.id, p.entry FROM passages p JOIN entries e ON e.id = p.entry"
                                     " WHERE substr(e.text, p.start + 1, p.end - p.start) != p.text"):
            problems.append(f"passage {row['id']}: does not match its place in entry {row['entry']}")
        for row in self.conn.execute("SELECT p.id, p.entry FROM trashed_passages p JOIN entries e ON e.id = p.entry"
                                     " WHERE p.start < 0 OR p.end > length(e.text) OR p.start > p.end"):
            problems.append(f"passage {row['id']} in the trash: does not fit in entry {row['entry']}")
        return problems

    def _check_entry(self, row) -> list[str]:
        return []  # its passages were compared in _check_whole

    def repair(self):
        """The full-text index is kept by PostgreSQL with the passages: rebuild its GIN index."""
        with self.lock, pg_errors():
            self.conn.raw.execute("REINDEX INDEX passages_tsv")

    def backup(self, path: str | os.PathLike) -> Path:
        """Not here: the server's own tools back a memory up (its schema); `export` is the lossless copy."""
        raise StoreError("A PostgreSQL memory is backed up by the server (pg_dump --schema, or its own backups)",
                         f"Run: pg_dump --schema={self.conn.schema} ...; or `remembrancer export` for a lossless JSONL copy.")

    def _place(self) -> dict:
        return {"path": self.path.shown, "memory": self.name,
                "bytes": self.query("SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)"
                                    " FROM pg_tables WHERE schemaname = current_schema()")[0][0]}

    def bm25_among(self, terms: list[str], among, limit: int, only=None) -> list[tuple[int, float]]:
        """As `Memory.bm25_among`: FTS5's BM25 (`fts_bm25`) of the passages `among` that match, with the count,
        mean length and each phrase's passages of those passages alone (read by their ids, not kept)."""
        import math

        among = sorted({int(i) for i in among})
        if not terms or not among:
            return []
        phrases = [t for t in terms if fts_terms(t)]
        queries = [tsquery(t) for t in phrases]
        lexes_of = []
        for t in phrases:
            words, star, _ = fts_terms(t)[0]
            self.conn.word_lexemes(words)
            lexes_of.append(([x for w in words for x in self.conn.lexemes[w]], star))
        if not queries:
            return []
        with self.lock, pg_errors():
            raw = self.conn.raw
            counts = ", ".join(f"count(*) FILTER (WHERE tsv @@ to_tsquery('{CONFIG}', %s))" for _ in queries)
            row = raw.execute(f"SELECT count(*), coalesce(sum(tokens), 0), {counts} FROM passages WHERE id = ANY(%s)",
                              (*queries, among)).fetchone()
            n, avgdl = row[0], max(row[1] / row[0] if row[0] else 0.0, 1e-9)
            lex, pre, idf = [], [], []
            for (lexes, star), hit in zip(lexes_of, row[2:]):
                value = math.log((n - hit + 0.5) / (hit + 0.5))
                for k, lexeme in enumerate(lexes):
                    lex.append(lexeme)
                    pre.append(star and k == len(lexes) - 1)
                    idf.append(value if value > 0 else 1e-6)
            ranked = sorted({int(i) for i in only}) if only is not None else among
            rows = raw.execute(
                f"SELECT id, fts_bm25(tsv, tokens, %s::text[], %s::boolean[], %s::float8[], %s::float8) AS score"
                f" FROM passages WHERE id = ANY(%s) AND tsv @@ to_tsquery('{CONFIG}', %s) ORDER BY score DESC, id LIMIT %s",
                (lex, pre, idf, avgdl, ranked, tsquery(" OR ".join(phrases)), limit)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def vector_index(self):
        return getattr(self, "_exact_index", None) or VectorIndex(self)

    def force_exact(self):
        """Search every vector from now on, not the HNSW index (`embed.force_exact`)."""
        self._exact_index = VectorIndex(self, exact=True)
        return self._exact_index

    @staticmethod
    def vector_value(v):
        return v

    def warm(self, seconds: float = 30.0, stop=None) -> dict:
        """Read into the server's caches, for at most `seconds`, what the first questions after a server (or
        machine) start would otherwise read from disk a page at a time (`WARM`, in its order). Reads only. Returns
        {relation: "whole" | "part" | searches made}, in the order read. `stop` (an Event), once set, ends it at
        the next step (`Warming.stop` also cancels the statement running)."""
        import random
        import time

        import psycopg

        deadline, done = time.monotonic() + max(0.0, seconds), {}

        def left_ms():
            return 0 if stop is not None and stop.is_set() else int((deadline - time.monotonic()) * 1000)

        with self.lock, pg_errors(), self.conn.raw.transaction():
            raw = self.conn.raw
            raw.execute(f"SET LOCAL hnsw.ef_search = {WARM_EF}")
            for name, sql in WARM:
                if left_ms() < 10:
                    break
                try:
                    index = sql is None or name.endswith(("_pkey", "_key"))  # an index read alone (the HNSW graph searched);
                    # a table read whole, not a smaller index of it
                    for setting, on in (("enable_seqscan", not index), ("enable_indexscan", index), ("enable_bitmapscan", index)):
                        raw.execute(f"SET LOCAL {setting} = {'on' if on else 'off'}")
                    if sql:
                        raw.execute(f"SET LOCAL statement_timeout = {left_ms()}")
                        with raw.transaction():  # a savepoint: a scan cut short by the time is let go alone
                            raw.execute(sql)
                        done[name] = "whole"
                        continue
                    # the HNSW graph: searched from stored vectors (wide), as questions search it, while time is left
                    low, high = raw.execute("SELECT min(passage), max(passage) FROM embeddings").fetchone()
                    rng, done[name] = random.Random(16), 0
                    while low is not None and done[name] < WARM_SEARCHES and left_ms() >= 10:
                        ids = [rng.randint(low, high) for _ in range(8)]
                        for (v,) in raw.execute("SELECT vector FROM embeddings WHERE passage = ANY(%s)", (ids,),
                                                binary=True).fetchall():
                            raw.execute(f"SET LOCAL statement_timeout = {max(1, left_ms())}")
                            with raw.transaction():
                                raw.execute("SELECT passage FROM embeddings ORDER BY vector <#> %s LIMIT 1", (v,))
                            done[name] += 1
                except psycopg.errors.QueryCanceled:
                    done.setdefault(name, "part")
                    break
        return done


# The Python API's argument checks (typed `BadArgument`, store._checked) on what PgMemory does its own way, as on Memory's.
for _name, _method in list(vars(PgMemory).items()):
    if callable(_method) and _name in vars(Memory) and (not _name.startswith("_") or _name == "__init__"):
        setattr(PgMemory, _name, _checked(_method))


# What `PgMemory.warm` reads, what saves an answer most reads for the time first (measured at 1M passages,
# bench/scale.py --cold): the indexes that find passages and vectors by id (small: an index alone), the HNSW graph
# (None: searched, as questions search it), then the passages, entries and vectors (each table whole).
WARM = [("passages_pkey", "SELECT count(*) FROM (SELECT id FROM passages ORDER BY id) s"),
        ("embeddings_passage_key", "SELECT count(*) FROM (SELECT passage FROM embeddings ORDER BY passage) s"),
        ("entries_pkey", "SELECT count(*) FROM (SELECT id FROM entries ORDER BY id) s"),
        ("embeddings_hnsw", None),
        ("passages", "SELECT count(*) FROM passages"), ("entries", "SELECT count(*) FROM entries"),
        ("embeddings", "SELECT count(*) FROM embeddings")]
WARM_EF = 1000  # candidates a warming search keeps: each reads more of the graph than a question does
WARM_SEARCHES = 400
WARM_SECONDS = 5.0  # what `serve`, `mcp` and `worker` warm a memory for as they open it (--warm; 0: not at all)


class Warming:
    """`PgMemory.warm(seconds)` of the memory at `path` in a thread of its own, on a connection of its own: what a
    long-lived process (`serve`, `mcp`, `worker`) starts as it opens a PostgreSQL memory, so that the first
    questions find their pages read, and no request waits for it (it holds none of the memory's locks, and
    reads only). `stop()` ends it at once (the statement running is cancelled). Once the thread is done:
    `done` (what `warm` read), `error` (why it could not, warming being only a saving of time) and `took`."""

    def __init__(self, path, seconds: float = WARM_SECONDS, log=None):
        import threading

        self.path, self.seconds, self.log = path, seconds, log
        self.done = self.error = self.took = None
        self.memory = None
        self.halt = threading.Event()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="remembrancer-warm", daemon=True)
        self.thread.start()

    def _run(self):
        import time

        start = time.monotonic()
        try:
            memory = PgMemory(self.path, derive=False, create=False)
            with self.lock:
                self.memory = memory
            try:
                self.done = memory.warm(self.seconds, stop=self.halt)
            finally:
                with self.lock:
                    self.memory = None
                memory.close()
        except Exception as e:  # noqa: BLE001 - warming only saves the first questions time: say why, go on
            self.error = f"{type(e).__name__}: {e}"
        self.took = round(time.monotonic() - start, 3)
        if self.log is not None:
            shown = PgPath(*split_url(str(self.path))).shown  # without a password
            if self.error:
                self.log.warning("Could not warm %s (%s); the first questions read from disk", shown, self.error)
            else:
                self.log.info("Warmed %s in %.1fs: %s", shown, self.took, self.done)

    def stop(self, timeout: float = 5.0) -> bool:
        """End the warming now; True once its thread is done."""
        self.halt.set()
        with self.lock:
            if self.memory is not None:
                with contextlib.suppress(Exception):  # a statement between two: nothing to cancel
                    self.memory.conn.raw.cancel_safe()
        self.thread.join(timeout)
        return not self.thread.is_alive()


def memories(url: str) -> list[str]:
    """The names of the memories in this database."""
    import psycopg

    dsn, _ = split_url(url)
    with pg_errors(), psycopg.connect(dsn, autocommit=True) as c:
        rows = c.execute("SELECT n.nspname FROM pg_namespace n JOIN pg_class t ON t.relnamespace = n.oid"
                         " WHERE t.relname = 'migrations' AND n.nspname LIKE 'memory\\_%' ORDER BY 1").fetchall()
    return [r[0][len("memory_"):] for r in rows]


# -- vectors --------------------------------------------------------------------------------------------------
class VectorIndex:
    """Nearest passages by pgvector (its HNSW index, or a scan where the planner finds one cheaper: a small
    memory), kept by the server with the table: never stale, so nothing to take in or drop (the calls
    `embed.index` makes of its own indexes do nothing here). `exact`: every vector compared, the index not
    used (what it is measured against: bench/lifetime.py)."""

    def __init__(self, memory, exact: bool = False):
        self.memory = memory
        self.covers = self.gone = 0
        self.pinned = self.exact = exact

    @property
    def size(self):
        return self.memory.query("SELECT count(*) FROM embeddings")[0][0]

    def update(self, top):
        return []

    def forget(self, passages):
        pass

    def merge(self):
        pass

    def search(self, vector, k):
        import numpy as np

        q = np.asarray(vector, dtype=np.float32)
        with self.memory.lock, pg_errors():  # PostgreSQL's SQL: ordered by the distance, so the HNSW index answers
            raw = self.memory.conn.raw
            if k > EF_SEARCH:  # the HNSW scan returns at most ef_search rows
                raw.execute(f"SET hnsw.ef_search = {min(int(k), 1000)}")
            if self.exact:  # a scan and a sort: HNSW has no other way in
                raw.execute("SET enable_indexscan = off")
            try:
                rows = raw.execute("SELECT passage, -(vector <#> %s) FROM embeddings ORDER BY vector <#> %s LIMIT %s",
                                   (q, q, int(k))).fetchall()
            finally:
                if k > EF_SEARCH:
                    raw.execute(f"SET hnsw.ef_search = {EF_SEARCH}")
                if self.exact:
                    raw.execute("RESET enable_indexscan")
        return [(int(r[0]), float(r[1])) for r in rows]

    def vectors_of(self, keys):
        import numpy as np

        keys = [int(k) for k in np.asarray(keys).tolist()]
        rows = []
        if keys:
            with self.memory.lock, pg_errors():  # binary: 384 floats as they are, not as text to parse
                rows = self.memory.conn.raw.execute("SELECT passage, vector FROM embeddings WHERE passage = ANY(%s)",
                                                    (keys,), binary=True).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 384), dtype=np.float32)
        return np.array([r[0] for r in rows], dtype=np.int64), np.vstack([r[1] for r in rows]).astype(np.float32)
