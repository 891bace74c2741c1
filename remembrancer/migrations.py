"""Schema migrations, applied in order and recorded in the `migrations` table.

A migration that has been applied anywhere is never edited: append a new one instead.
"""
import sqlite3

from .lexical import symbols

MIGRATIONS = []


def migration(fn):
    MIGRATIONS.append(fn)
    return fn


def script(conn, sql):
    """Run several statements inside the current transaction (executescript would commit it)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


@migration
def m001_core(conn):
    script(
        conn,
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,          -- exactly as given, never modified
            at TEXT,                     -- ISO 8601: when it happened
            added TEXT NOT NULL,         -- ISO 8601: when it was recorded
            author TEXT,
            source TEXT,
            kind TEXT NOT NULL DEFAULT 'text',  -- 'text' or 'chat'
            hash TEXT NOT NULL UNIQUE,
            words INTEGER NOT NULL,
            meta TEXT                    -- JSON: anything else the source carried
        );
        CREATE INDEX entries_at ON entries(at);
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,      -- character offsets into entries.text
            end INTEGER NOT NULL,
            speaker TEXT,
            ref TEXT,                    -- the source's own id for it (a chat turn's id)
            text TEXT NOT NULL,
            UNIQUE (entry, seq)
        );
        CREATE INDEX passages_ref ON passages(ref);
        CREATE VIRTUAL TABLE passages_fts USING fts5(
            text, speaker, content='passages', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE processed (
            entry INTEGER NOT NULL REFERENCES entries(id),
            processor TEXT NOT NULL,
            version TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (entry, processor)
        );
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        """
    )


def pending(conn) -> list[str]:
    """The migrations this store has not had yet."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")} if "migrations" in tables else set()
    return [fn.__name__ for fn in MIGRATIONS if fn.__name__ not in done]


def newer(conn) -> list[str]:
    """The migrations this store has had that this remembrancer does not know: it was made by a newer one."""
    known = {fn.__name__ for fn in MIGRATIONS}
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY applied, name") if row[0] not in known]


def apply(conn):
    """Bring the schema up to date, each migration in its own transaction."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    for fn in MIGRATIONS:
        if fn.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if fn.__name__ in {r[0] for r in conn.execute("SELECT name FROM migrations")}:
                conn.execute("ROLLBACK")  # another process got there first
                continue
            fn(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied) VALUES (?, datetime('now'))", (fn.__name__,)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


@migration
def m003_embeddings(conn):
    """Derived by remembrancer.embed: one vector per passage."""
    script(
        conn,
        """
        CREATE TABLE embeddings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- write order: an index covers every id up to its own
            passage INTEGER NOT NULL UNIQUE REFERENCES passages(id),
            model TEXT NOT NULL,
            vector BLOB NOT NULL                    -- float32, little-endian, unit length
        );
        """
    )


@migration
def m004_forgetting(conn):
    """The owner's own reviews, recalls and wishes (remembrancer.forgetting): never derived, never
    deleted. Items are keys such as "person:NAME" (see forgetting.parse_key)."""
    script(
        conn,
        """
        CREATE TABLE recalls (           -- each time the owner brought an item back
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL,
            at TEXT NOT NULL,
            source TEXT NOT NULL         -- 'review' or 'recall'
        );
        CREATE INDEX recalls_item ON recalls(item);
        CREATE TABLE cards (             -- FSRS state of each reviewed item, updated in place
            item TEXT PRIMARY KEY,
            card TEXT NOT NULL,          -- fsrs.Card JSON
            due TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX cards_due ON cards(due);
        CREATE TABLE reviews (           -- every answer, appended
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL,
            rating INTEGER NOT NULL,     -- 1 again, 2 hard, 3 good, 4 easy
            at TEXT NOT NULL,
            recall REAL,                 -- predicted recall just before the answer
            before TEXT,                 -- card JSON before (NULL: first review)
            after TEXT NOT NULL
        );
        CREATE INDEX reviews_item ON reviews(item);
        CREATE TABLE hidden (            -- "not to be brought back": the latest row for an item wins
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL,
            hidden INTEGER NOT NULL,
            at TEXT NOT NULL
        );
        """
    )


@migration
def m002_understanding(conn):
    """Derived by remembrancer.extract (rebuilt by `reindex`), except `corrections`, the owner's own."""
    script(
        conn,
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,          -- the fullest name seen
            gender TEXT,                 -- 'm', 'f' or NULL
            owner INTEGER NOT NULL DEFAULT 0  -- 1: the owner of the store ("I" with no other author)
        );
        CREATE TABLE aliases (
            person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            PRIMARY KEY (person, alias)
        );
        CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL           -- name, title, role, pronoun, narrator, addressee
        );
        CREATE INDEX mentions_person ON mentions(person);
        CREATE INDEX mentions_entry ON mentions(entry);
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            subject INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            relation TEXT NOT NULL,      -- subject is the <relation> of object
            object INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX relations_entry ON relations(entry);
        CREATE TABLE cues (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            cue TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            closeness REAL NOT NULL
        );
        CREATE INDEX cues_cue ON cues(cue);
        CREATE INDEX cues_person ON cues(person);
        CREATE INDEX cues_entry ON cues(entry);
        CREATE TABLE person_cues (       -- one row per (person, cue), recomputed from cues
            person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            cue TEXT NOT NULL,
            count INTEGER NOT NULL,
            closeness REAL NOT NULL,     -- sum of closeness over its cue rows
            fan INTEGER NOT NULL,        -- how many people share this cue
            weight REAL NOT NULL,        -- closeness scaled by distinctiveness (low fan)
            valence REAL,                -- mean valence of the feelings where the cue was read
            emotions TEXT,               -- JSON: mean emotions there
            PRIMARY KEY (person, cue)
        );
        CREATE INDEX person_cues_cue ON person_cues(cue);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            lo TEXT,
            hi TEXT,
            negated INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_entry ON events(entry);
        CREATE TABLE event_people (
            event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            PRIMARY KEY (event, person)
        );
        CREATE TABLE times (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            lo TEXT NOT NULL,
            hi TEXT NOT NULL
        );
        CREATE INDEX times_entry ON times(entry);
        CREATE INDEX times_lo ON times(lo);
        CREATE TABLE feelings (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            valence REAL NOT NULL,
            emotions TEXT NOT NULL       -- JSON {"joy": 0.2, ...}
        );
        CREATE INDEX feelings_entry ON feelings(entry);
        CREATE INDEX feelings_passage ON feelings(passage);
        CREATE TABLE corrections (       -- the owner's corrections: kept, re-applied after every extraction
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,          -- 'merge' (a, b: one person) or 'split' (alias b out of a)
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """
    )


@migration
def m005_recall_indexes(conn):
    """remembrancer.recall looks up what extraction found in given passages: index them by passage."""
    script(
        conn,
        """
        CREATE INDEX IF NOT EXISTS times_passage ON times(passage);
        CREATE INDEX IF NOT EXISTS mentions_passage ON mentions(passage);
        CREATE INDEX IF NOT EXISTS cues_passage ON cues(passage);
        """
    )


@migration
def m006_person_cue_sums(conn):
    """A person-cue row keeps exact sums (integers, in millionths) of what it was computed from, so a
    batch of entries adds and takes away its own share instead of every row being read again.
    NULL until the next extraction recomputes the row (remembrancer.extract.person_cues)."""
    script(
        conn,
        """
        ALTER TABLE person_cues ADD COLUMN closeness_u INTEGER;   -- sum of closeness, in millionths
        ALTER TABLE person_cues ADD COLUMN felt INTEGER;          -- cue rows read inside a feeling
        ALTER TABLE person_cues ADD COLUMN valence_u INTEGER;     -- sum of their valence, in millionths
        ALTER TABLE person_cues ADD COLUMN emotions_u TEXT;       -- JSON: sum of each emotion, in millionths
        """
    )


@migration
def m007_event_agents(conn):
    """Who did it, apart from whom it happened to: "you killed your grandson" is a death of the grandson,
    and the one who killed takes part without having died. 0 for every row until its entry is extracted again."""
    script(conn, "ALTER TABLE event_people ADD COLUMN agent INTEGER NOT NULL DEFAULT 0;")


@migration
def m008_entry_versions(conn):
    """Entries are the owner's to change (remembrancer.entries): every earlier text and date of an entry is
    kept as a version, an entry in the trash keeps its passages aside (out of search and every index), and
    a passage's vector taken away is noted so that a vector index in memory drops it too."""
    script(
        conn,
        """
        ALTER TABLE entries ADD COLUMN deleted TEXT;   -- when it was moved to the trash (NULL: it is not there)
        CREATE INDEX entries_deleted ON entries(deleted) WHERE deleted IS NOT NULL;
        CREATE TABLE versions (          -- an entry as it was before each change: never modified
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            number INTEGER NOT NULL,     -- 1: as first given
            text TEXT NOT NULL,
            at TEXT,
            turns TEXT,                  -- a chat's turns then: JSON [{"speaker", "text", "ref"}]
            hash TEXT NOT NULL,          -- its content hash: giving this text again finds it
            replaced TEXT NOT NULL,      -- when the next version replaced it
            UNIQUE (entry, number)
        );
        CREATE INDEX versions_hash ON versions(hash);
        CREATE TABLE trashed_passages (  -- the passages of an entry in the trash, put back as they were
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            speaker TEXT,
            ref TEXT
        );
        CREATE INDEX trashed_passages_entry ON trashed_passages(entry);
        CREATE TABLE embeddings_gone (   -- passages whose vector was taken away: vector indexes drop them
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            passage INTEGER NOT NULL
        );
        """
    )


@migration
def m009_statements(conn):
    """The owner's corrections become statements of every kind (remembrancer/people.py): a rename, what a
    name is (pet, place ...), a relation added or taken away, an event untrue or re-dated, a birthday or a
    date of death given by hand. Each keeps when it was made and, once undone, when; nothing is deleted.
    A person's kind is the owner's word (NULL: a person, as read) and is set again after every extraction."""
    script(
        conn,
        """
        ALTER TABLE corrections ADD COLUMN relation TEXT;   -- relate/unrelate: a is the <relation> of b
        ALTER TABLE corrections ADD COLUMN date TEXT;       -- born/died/redate: the date (or year, or month) said
        ALTER TABLE corrections ADD COLUMN target TEXT;     -- JSON: how to find what it is about again (names, events)
        ALTER TABLE corrections ADD COLUMN undone TEXT;     -- when it was undone; NULL while it holds
        ALTER TABLE people ADD COLUMN kind TEXT;            -- NULL or 'person'; 'pet', 'place', 'thing', 'other'
        """
    )


@migration
def m015_person_facts(conn):
    """What each person likes, does, has, where they live and what they plan (remembrancer/extract/facts.py):
    one row per statement read, with the sentence it was read from. Empty until entries are extracted again."""
    script(
        conn,
        """
        CREATE TABLE person_facts (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            person INTEGER NOT NULL REFERENCES people(id),
            kind TEXT NOT NULL,          -- likes dislikes does works studies has lives plans wants
            what TEXT NOT NULL,          -- what it is about, normalised: "skiing", "move to leeds"
            statement TEXT NOT NULL,     -- "likes skiing", "plans to move to Leeds"
            start INTEGER NOT NULL,      -- the sentence it was read from (offsets into entries.text)
            end INTEGER NOT NULL,
            lo TEXT,                     -- when it holds, if the sentence says (ISO interval)
            hi TEXT
        );
        CREATE INDEX person_facts_entry ON person_facts(entry);
        CREATE INDEX person_facts_person ON person_facts(person, kind);
        CREATE INDEX person_facts_passage ON person_facts(passage);
        """
    )


@migration
def m013_messages(conn):
    """A conversation kept as it happens (Memory.add_messages): the day's chat entry grows by appended
    messages. `chats` finds the chat a message of a day (and source) goes to; `messages` keeps each
    message's own time and what makes it the same message when an agent sends it again."""
    script(
        conn,
        """
        CREATE TABLE chats (
            entry INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
            day TEXT NOT NULL,             -- YYYY-MM-DD of its messages
            source TEXT NOT NULL,          -- as given ('' for none): one chat a day and source
            me TEXT                        -- the speaker who is the owner, as given
        );
        CREATE INDEX chats_day ON chats(day, source);
        CREATE TABLE messages (
            entry INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,          -- its passage is (entry, seq)
            at TEXT,                       -- its own time, as given (NULL: none was)
            key TEXT NOT NULL,             -- speaker, text, id and time as given, hashed
            known INTEGER NOT NULL,        -- 1: it came with an id or a time, so its key alone names it
            PRIMARY KEY (entry, seq)
        );
        CREATE INDEX messages_key ON messages(entry, key);
        """
    )


@migration
def m010_confidence(conn):
    """How sure the understanding is of each thing it read, and its evidence: a person, an alias (and the
    passage that gave it), a relation (and the rule that read it), an event (and its date), a time. NULL
    until the entry is extracted again (read as sure, as before)."""
    script(
        conn,
        """
        ALTER TABLE people ADD COLUMN confidence REAL;       -- that this is a person (the surest reading of them)
        ALTER TABLE aliases ADD COLUMN confidence REAL;      -- that the name is theirs
        ALTER TABLE aliases ADD COLUMN passage INTEGER;      -- where it was first read as theirs
        ALTER TABLE relations ADD COLUMN confidence REAL;
        ALTER TABLE relations ADD COLUMN how TEXT;           -- the rule that read it: stated, kin, across ...
        ALTER TABLE events ADD COLUMN confidence REAL;       -- that it happened to its people
        ALTER TABLE events ADD COLUMN date_confidence REAL;  -- that it happened in [lo, hi) (0: no date read)
        ALTER TABLE events ADD COLUMN place TEXT;            -- where a move was to
        ALTER TABLE times ADD COLUMN confidence REAL;
        """
    )


@migration
def m014_import_sources(conn):
    """What each imported item (a chat message, a note, a Day One entry, an email) was stored as, by its
    identity in the export it came from, so that importing the same export again, or a newer one that
    overlaps it, stores only what is new; `digest` tells an item that changed since."""
    script(
        conn,
        """
        CREATE TABLE import_sources (
            key TEXT PRIMARY KEY,          -- "telegram:4567:12", "dayone:9F2C...", "whatsapp:Family:2021-05-04T19:32:00:Sam:1a2b..."
            entry INTEGER NOT NULL REFERENCES entries(id),
            digest TEXT NOT NULL           -- what it said, hashed
        );
        CREATE INDEX import_sources_entry ON import_sources(entry);
        """
    )


@migration
def m012_failures(conn):
    """An entry a derived-data processor failed on (a MemoryError, a bug): which, when and why, so that it is
    reported and not tried again until the code or the processor changes, or `reindex` asks for it."""
    script(
        conn,
        """
        CREATE TABLE failures (
            entry INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            processor TEXT NOT NULL,
            version TEXT NOT NULL,       -- the processor's version it failed at
            code TEXT NOT NULL,          -- the remembrancer code it failed under (store.code_version())
            error TEXT NOT NULL,         -- "MemoryError: ..."
            at TEXT NOT NULL,
            PRIMARY KEY (entry, processor)
        );
        """
    )


@migration
def m012_search_symbols(conn):
    """Emoji and other symbols of each passage, which the search index's tokenizer (unicode61) drops: searched
    beside it (store.search). Filled here for the passages stored before."""
    script(
        conn,
        """
        CREATE TABLE passage_symbols (
            symbol TEXT NOT NULL,
            passage INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
            PRIMARY KEY (symbol, passage)
        ) WITHOUT ROWID;
        CREATE INDEX passage_symbols_passage ON passage_symbols(passage);
        """
    )

    rows = conn.execute("SELECT id, text FROM passages")
    while batch := rows.fetchmany(10_000):
        conn.executemany("INSERT OR IGNORE INTO passage_symbols (symbol, passage) VALUES (?, ?)",
                         [(sym, pid) for pid, text in batch for sym in symbols(text)])


@migration
def m016_kinds(conn):
    """What a name is, read from the text (extract/kinds.py): each mention's sign (what the words there say the
    name is) and how sure its entry read the name as a person, what the name reads as over all of them (`people.read`: NULL a person, else pet, thing or place;
    `people.kind` is this unless the owner said otherwise) and how sure a person is one of their own
    (`people.sure`: the people list shows those at or above people.LISTED). NULL until extracted again."""
    script(
        conn,
        """
        ALTER TABLE mentions ADD COLUMN sign TEXT;   -- person, pet, thing, place, other, theirs (NULL: the words say nothing)
        ALTER TABLE mentions ADD COLUMN sure REAL;   -- a name's: how sure its entry read it as a person
        ALTER TABLE people ADD COLUMN read TEXT;     -- NULL (a person), pet, thing or place
        ALTER TABLE people ADD COLUMN sure REAL;     -- that this is a person of their own (NULL: read before; listed)
        """
    )


@migration
def m017_pg17(conn):
    """What BM25 needs kept on write, on PostgreSQL only (postgres.DDL: each word's passages and counts, the
    passages' count and length): SQLite's FTS5 index keeps the same itself, so there is nothing to add here."""


@migration
def m018_upgrade(conn):
    """Which version of each processor read the entries, found without reading them all: a new version of
    extraction reads the whole store again from nothing (`Memory._afresh_after_upgrade`)."""
    script(conn, "CREATE INDEX processed_version ON processed(processor, version);")


@migration
def m019_dates8(conn):
    """The evidence an event's date was read from (`events.date_how`): where ("sentence", "next", "before", "answered",
    "event", "entry", "bound", "planned", "age", "anniversary") and the time's pattern ("sentence:weekday",
    "event:death"); NULL when no date was read. bench/journal.py measures how often each is right."""
    script(conn, "ALTER TABLE events ADD COLUMN date_how TEXT;")


@migration
def m020_life9(conn):
    """The vector of each person fact's statement (recall._fact_matches), kept once embedded: a person read about for
    years has thousands, embedded by the first question about them in every new process before. NULL until a question
    reads it; gone with its fact (an entry read again or erased takes its facts, and so their vectors, with it)."""
    script(conn, "ALTER TABLE person_facts ADD COLUMN vector BLOB;  -- float32 x embed.DIM, embed.MODEL's")


@migration
def m021_relrec11(conn):
    """The weak signs of the writer's household (extract/relations.py `_household`: "Euan and I", "Brought Aoife to
    school", "Sunday dinner at Ciarán's parents'"), one row per sign read: none is a tie alone, so they are kept apart from
    `relations` (which every join and listing rule reads); `extract.imply` states a tie where different signs meet on one
    person. Empty until entries are extracted again."""
    script(
        conn,
        """
        CREATE TABLE household_signs (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL REFERENCES entries(id),
            passage INTEGER REFERENCES passages(id),
            subject INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            relation TEXT NOT NULL,      -- subject is perhaps the <relation> of object ("wife", "son", "father")
            object INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,      -- the sentence it was read from
            end INTEGER NOT NULL,
            how TEXT NOT NULL            -- the sign: "home-and-i", "home-school" ...
        );
        CREATE INDEX household_signs_entry ON household_signs(entry);
        CREATE INDEX household_signs_subject ON household_signs(subject);
        CREATE INDEX household_signs_object ON household_signs(object);
        """
    )


@migration
def m022_tidy24(conn):
    """Indexes for what the joins after every batch ask (extract `_tidy`, `_kin_joins`), which read every row of a
    table before: a person's relations either way (`related`, the writer's ties and signers), and the person-cue rows
    from before their sums were kept (`store.cue_sums_missing`: none but in a store made before m006)."""
    script(
        conn,
        """
        CREATE INDEX relations_subject ON relations(subject);
        CREATE INDEX relations_object ON relations(object);
        CREATE INDEX person_cues_unsummed ON person_cues(person) WHERE closeness_u IS NULL;
        """
    )
