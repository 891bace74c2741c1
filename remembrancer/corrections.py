"""What the owner says about people: the person is the authority.

Whatever extraction reads wrongly, the owner can put right, and it stays right. Each correction is a
*statement* kept in `corrections` with when it was made (and, once undone, when; nothing is deleted):

    kind      what it says                                   a, b (and relation, date, target)
    merge     a and b are one person                         a, b
    split     b, a name of a's, is someone else               a, b
    rename    a is called b                                   a, b
    kind      a is not a person but a b (pet, place ...)      a, b
    relate    a is the <relation> of b (instead of another)   a, b, relation, target.instead
    unrelate  a is not the <relation> of b                    a, b, relation
    untrue    the events of kind b read for a did not happen  a, b, target.events
    redate    ... happened on `date`                          a, b, date, target.events
    born      a was born on `date` (a day, a month or a year) a, date
    died      a died on `date`                                a, date

Extraction is derived data, rebuilt by `reindex` and by any new version of a component, so a statement
names what it is about in words that outlive it (`target`): a person by the name they had when it was
said, then by any other name they had then that is one person's only, the owner as the owner; an event
by its words, in its entry (by id, if the entry still holds those words there, else the one entry
holding them), as the event of the same kind overlapping them most, one involving the person first.

Merge, split, rename and kind change the people rows and are applied again, oldest first, after every
extraction (`extract._tidy`). The others are read over what was extracted (`Stated`) by everything that
shows a fact: the person page, fading, review, on-this-day, the timeline and the facts above an answer.
No two people share a name: a second "Tom" is "Tom (2)" until the owner names them, so every person can
be opened. Undoing a statement marks it undone; undoing a merge, split or rename reads again the entries
naming the people it touched (the model is loaded for that).

Each answers with the person's page (page.py). The statements are read, and merge, split, rename and kind
applied again after extraction, by people.py, which extraction and fading import; this module is above them
(it recomputes what extraction derives over the statements: `extract.person_cues`, `extract.imply`).
"""
from __future__ import annotations

import json
import re

from . import dates, store
from .errors import BadInput, NotFound
from .page import person
from .people import (KINDS, Stated, _a, _called, _locate, _merge, _name_of, _on, _split, _tie,
                     _unique_names, apply_corrections, find, interval, no_person, same_tie, spoken, statement)

_RELATION = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


def _who(conn, pid: int) -> dict:
    """What a statement keeps to find a person again: whether they are the owner, and every name they have now."""
    name, owner = store.name_and_owner(conn, pid)
    aliases = store.aliases_sorted(conn, pid)
    return {"owner": bool(owner), "names": list(dict.fromkeys([name, *aliases]))}


def _need(conn, name: str) -> int:
    """The person a write names (a whole name or alias: a word of one is not enough to change anything)."""
    pid = find(conn, name) if isinstance(name, str) and name.strip() else None
    if pid is None:
        near = find(conn, name, partial=True) if isinstance(name, str) and name.strip() else None
        if near is not None:  # "Emlyn" for "Uncle Emlyn": said, not guessed, as a change must be sure whom it is about
            whole = _name_of(conn, near)
            raise NotFound(f"No person called {name!r} (is it {whole!r}?)", f"A correction needs a whole name: give {whole!r}.")
        raise no_person(name)
    return pid


def _state(conn, kind: str, a: str, b: str = "", *, relation=None, date=None, target=None) -> int:
    """Record a statement of the owner's, made now."""
    return store.add_correction(conn, kind, a, b, dates.now(), relation, date,
                                json.dumps(target, ensure_ascii=False) if target else None)


def _said(memory, cid: int, name: str) -> dict:
    """What a correction returns: the statement, and the page of the person it is about."""
    return {"correction": statement(memory, cid), "person": person(memory, name)}


def merge(memory, a: str, b: str) -> dict:
    """The owner says a and b are one person: their page, with the statement as "correction"."""
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        if pa == pb:
            raise BadInput(f"{a!r} and {b!r} are one person already ({_name_of(conn, pa)})", "Nothing to change.")
        cid = _state(conn, "merge", a, b, target={"a": _who(conn, pa), "b": _who(conn, pb)})
        _merge(conn, pa, pb)
        _recompute(conn)
        name = _name_of(conn, pa)
    return {**person(memory, name), "correction": statement(memory, cid)}


def split(memory, name: str, alias: str) -> dict:
    """The owner says `alias` is not the person called `name`: it becomes a person of their own."""
    with memory.transaction() as conn:
        pid = _need(conn, name)
        if not store.has_alias(conn, pid, alias):
            raise BadInput(f"{alias!r} is not a name of {name!r}", "Give one of the aliases shown by `remembrancer person NAME`.")
        own = _name_of(conn, pid)
        if own.lower() == alias.lower():  # it would leave the person nameless, and a second one of that name
            raise BadInput(f"{alias!r} is the name {name!r} is known by, not another name of theirs",
                           "Split off one of their other names (see their page).")
        who = _who(conn, pid)
        new = _split(conn, pid, alias)
        if new is None:
            raise BadInput(f"{alias!r} is all there is of {name!r}", "Nothing to split: give another alias.")
        cid = _state(conn, "split", own, alias, target={"a": who})
        _unique_names(conn)  # "Grandma" split off "Grandma Rose" beside another "Grandma" is "Grandma (2)"
        _recompute(conn)
        kept, parted = _name_of(conn, pid), _name_of(conn, new)
    return {"person": person(memory, kept), "split": person(memory, parted), "correction": statement(memory, cid)}


def _recompute(conn):
    from .extract import person_cues

    person_cues(conn)


def _clean_name(new) -> str:
    new = " ".join(str(new or "").split())
    if not new:
        raise BadInput("No name given", "Give the name they should go by.")
    if len(new) > 100 or any(ord(c) < 32 for c in new) or not new.strip("."):
        raise BadInput(f"Not a name: {new[:40]!r}", "Give a name of at most 100 characters, as you would write it.")
    return new


def rename(memory, name: str, new: str) -> dict:
    """The owner says the person called `name` is called `new`; the old name stays one of theirs."""
    new = _clean_name(new)
    with memory.transaction() as conn:
        pid = _need(conn, name)
        old = _name_of(conn, pid)
        if old == new:
            raise BadInput(f"{old!r} is called that already", "Give the new name.")
        other = store.other_called(conn, new, pid)
        if other:
            raise BadInput(f"{other[0]!r} is someone else already",
                           f"If {old} and {other[0]} are one person, join them instead; else give another name.")
        cid = _state(conn, "rename", old, new, target={"a": _who(conn, pid)})
        store.rename_person(conn, pid, new)
        store.add_aliases(conn, [(pid, new, None, None)])
    return _said(memory, cid, new)


def set_kind(memory, name: str, kind: str) -> dict:
    """The owner says what a name is: a person, or not (a pet, a place, a thing, something other). A name
    that is not a person leaves the people list, fading, review and the graph, and stays a cue."""
    kind = str(kind or "").strip().lower()
    if kind not in KINDS:
        raise BadInput(f"Not a kind: {kind!r}", f"Say {', '.join(KINDS[:-1])} or {KINDS[-1]}.")
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own, owner, was = store.name_owner_kind(conn, pid)
        if owner and kind != "person":
            raise BadInput(f"{own!r} is you", "Only someone else can be something other than a person.")
        if was == kind:
            raise BadInput(f"{own!r} is {_a(kind)} already", "Nothing to change.")
        cid = _state(conn, "kind", own, kind, target={"a": _who(conn, pid)})
        store.set_person_kind(conn, pid, None if kind == "person" else kind)
    return _said(memory, cid, own)


def _clean_relation(relation) -> str:
    word = " ".join(str(relation or "").split()).lower()
    if not word:
        raise BadInput("No relation given", "Say what they are to each other: husband, sister, friend, colleague ...")
    if len(word) > 40 or not _RELATION.fullmatch(word):
        raise BadInput(f"Not a relation: {word[:40]!r}", "Give a word or two, such as husband, best friend or mother-in-law.")
    return word


def _ties(conn, pa: int, pb: int) -> list[dict]:
    """The relations shown now between two people, either way."""
    rows = [dict(r) for r in store.relations_between(conn, pa, pb)]
    return [r for r in Stated(conn).relations(rows, {pa, pb}) if {r["subject"], r["object"]} == {pa, pb}]


def relate(memory, a: str, relation: str, b: str, instead: str | None = None) -> dict:
    """The owner says a is the <relation> of b ("Rhys", "husband", "me"), in place of `instead` if given
    (a relation shown now between them, either way round). The converse follows on b's page."""
    relation = _clean_relation(relation)
    instead = _clean_relation(instead) if instead else None
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        sa, sb = _name_of(conn, pa), _name_of(conn, pb)
        if pa == pb:
            raise BadInput(f"{sa!r} cannot be their own {relation}", "Name two people.")
        ties = _ties(conn, pa, pb)
        if instead and not any(_told(t, (pa, instead, pb)) for t in ties):
            shown = _shown(conn, ties)
            raise BadInput(f"{sa!r} is not the {instead} of {sb!r} now" + (f" ({shown})" if shown else ""),
                           "Say which relation shown on their page it replaces, or add it without one.")
        if any(_told(t, (pa, relation, pb)) for t in ties) and (not instead or _tie(instead) == _tie(relation)):
            raise BadInput(f"{sa!r} is the {relation} of {sb!r} already", "Nothing to change.")
        if not instead and (alike := next((t for t in ties if same_tie(t_tuple(t), (pa, relation, pb))), None)):
            # "wife" where "husband" is shown: one tie, told in other words; said in place of it, or not at all
            raise BadInput(f"{_shown(conn, [alike])} now",
                           f"Say {relation} instead of {alike['relation']} (--instead {alike['relation']}); nothing was changed.")
        target = {"a": _who(conn, pa), "b": _who(conn, pb)}
        if instead:
            target["instead"] = instead
        cid = _state(conn, "relate", sa, sb, relation=relation, target=target)
        _imply(conn)
    return _said(memory, cid, sa)


def _imply(conn):
    """The ties implied by those read and said (extract.imply), again after the owner said one."""
    from .extract import imply

    imply(conn)


def t_tuple(row) -> tuple:
    return row["subject"], row["relation"], row["object"]


def _told(row, tie) -> bool:
    """Is a relation shown now this tie in these words? ("husband" is not "wife", though one tie; told the other
    way round, a tie of the same kind is, as its words there are not these.)"""
    if (row["subject"], row["object"]) == (tie[0], tie[2]):
        return row["relation"].lower() == tie[1].lower()
    return same_tie(t_tuple(row), tie)


def _shown(conn, ties) -> str:
    return "; ".join(sorted({f"{_name_of(conn, t['subject'])} is the {t['relation']} of {_name_of(conn, t['object'])}" for t in ties}))


def unrelate(memory, a: str, relation: str, b: str) -> dict:
    """The owner says a is not the <relation> of b: it goes, and the same tie told the other way with it."""
    relation = _clean_relation(relation)
    with memory.transaction() as conn:
        pa, pb = _need(conn, a), _need(conn, b)
        sa, sb = _name_of(conn, pa), _name_of(conn, pb)
        ties = _ties(conn, pa, pb)
        if not any(same_tie(t_tuple(t), (pa, relation, pb)) for t in ties):
            shown = _shown(conn, ties)
            raise BadInput(f"{sa!r} is not the {relation} of {sb!r} now",
                           f"Shown between them: {shown}." if shown else "No relation is shown between them.")
        cid = _state(conn, "unrelate", sa, sb, relation=relation, target={"a": _who(conn, pa), "b": _who(conn, pb)})
        _imply(conn)
    return _said(memory, cid, sa)


def _given(memory, name: str, date: str, kind: str) -> dict:
    said, lo, hi = interval(date)
    what, other = ("birth", "death") if kind == "born" else ("death", "birth")
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own, owner = store.name_and_owner(conn, pid)
        if kind == "died" and owner:
            raise BadInput(f"{own!r} is you", "Give a date of death for someone else.")
        if lo > dates.now()[:10]:
            raise BadInput(f"{spoken(said)} is still to come", f"Give the date of their {what}; nothing was changed.")
        given = Stated(conn).given
        if (mine := given.get((pid, what))) and mine["when"] == said:
            raise BadInput(f"You said {own}'s {what} was {_on(said)} already (correction {mine['said']})", "Nothing to change.")
        if (theirs := given.get((pid, other))) and (lo >= theirs["hi"] if kind == "born" else hi <= theirs["lo"]):
            raise BadInput(f"{own}'s {what} {_on(said)} would be {'after' if kind == 'born' else 'before'} their {other},"
                           f" {_on(theirs['when'])} (correction {theirs['said']})",
                           f"Give another date, or undo correction {theirs['said']} first; nothing was changed.")
        cid = _state(conn, kind, own, "", date=said, target={"a": _who(conn, pid)})
    return _said(memory, cid, own)


def set_birthday(memory, name: str, date: str) -> dict:
    """The owner gives the day (or month, or year) someone was born: it is their birth from now on."""
    return _given(memory, name, date, "born")


def set_death(memory, name: str, date: str) -> dict:
    """The owner gives the day (or month, or year) someone died: it is their death from now on, and the
    deaths read for them are not."""
    return _given(memory, name, date, "died")


def _event_key(conn, eid: int) -> dict:
    r = store.event_found_by(conn, eid, store.EVENT_START, store.EVENT_TEXT)
    return {"entry": r["entry"], "start": r["start"], "text": r["text"]}


def _events_of(conn, pid: int, kind: str, event: int | None) -> list[int]:
    """The events of this kind shown now for a person (or the one asked for, if it is one of them)."""
    stated = Stated(conn)
    ids = [r["id"] for r in store.events_of_kind(conn, pid, kind) if stated.event(r["id"], pid, kind, r["lo"], r["hi"]) is not None]
    name = _name_of(conn, pid)
    if event is not None:
        if event not in ids:
            raise NotFound(f"No {kind} {event} is shown for {name!r}", "Take the event's id from their page (`remembrancer person NAME --json`).")
        return [event]
    if not ids and (pid, kind) in stated.given:
        raise BadInput(f"{name!r}'s {kind} is on the date you gave", "Give their date of " + kind + " again instead, or undo the one you gave.")
    if not ids:
        raise BadInput(f"No {kind} is shown for {name!r}", "See the events on their page (`remembrancer person NAME`).")
    return ids


def event_untrue(memory, name: str, kind: str, event: int | None = None) -> dict:
    """The owner says an event read about someone did not happen: the events of that kind shown for them
    now (or the one given by id) are never shown as facts again."""
    kind = str(kind or "").strip().lower()
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own = _name_of(conn, pid)
        events = [_event_key(conn, e) for e in _events_of(conn, pid, kind, event)]
        cid = _state(conn, "untrue", own, kind, target={"a": _who(conn, pid), "events": events})
    return _said(memory, cid, own)


def redate_event(memory, name: str, kind: str, date: str, event: int | None = None) -> dict:
    """The owner says when an event read about someone happened (a day, a month or a year): the events of
    that kind shown for them now (or the one given by id)."""
    kind = str(kind or "").strip().lower()
    said, _, _ = interval(date)
    with memory.transaction() as conn:
        pid = _need(conn, name)
        own = _name_of(conn, pid)
        events = [_event_key(conn, e) for e in _events_of(conn, pid, kind, event)]
        cid = _state(conn, "redate", own, kind, date=said, target={"a": _who(conn, pid), "events": events})
    return _said(memory, cid, own)


def undo(memory, cid) -> dict:
    """Take back a statement: it is kept, marked undone, and no longer applied. Undoing a merge, split or
    rename reads again the entries naming the people it touched, so they are as extraction would have them."""
    try:
        cid = int(cid)
    except (TypeError, ValueError):
        raise BadInput(f"Not a correction number: {cid!r}", "See `remembrancer corrections` for their numbers.") from None
    if not 0 < cid < 2 ** 63:  # SQLite cannot even look such a number up
        raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
    entries = []
    with memory.transaction() as conn:
        r = store.correction(conn, cid)
        if r is None:
            raise NotFound(f"No correction {cid}", "See `remembrancer corrections` for their numbers.")
        if r["undone"]:
            raise BadInput(f"Correction {cid} was undone already, on {r['undone'][:10]}", "Nothing to undo.")
        store.mark_undone(conn, cid, dates.now())
        if r["kind"] in ("relate", "unrelate"):
            _imply(conn)
        if r["kind"] in ("merge", "split", "rename"):
            target = json.loads(r["target"]) if r["target"] else {}
            touched = {_locate(conn, r["a"], target.get("a"))}
            if r["kind"] == "merge":
                touched.add(_locate(conn, r["b"], target.get("b")))
            elif r["kind"] == "split":
                touched |= set(_called(conn, r["b"]))
            else:
                touched.add(find(conn, r["b"]))
            touched.discard(None)
            if touched:
                entries = store.entries_mentioning(conn, touched)
                # Gone with everything read of them; their entries are read again (pending, should this stop here).
                store.forget_persons(conn, touched)
                if entries:
                    store.unmark_processed(conn, "extract", entries)
        elif r["kind"] == "kind":
            apply_corrections(conn, ("kind",))
    if entries:
        memory.process(entries)
        with memory.transaction() as conn:
            _recompute(conn)
    return statement(memory, cid)
