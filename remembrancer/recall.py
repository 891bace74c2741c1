"""Recall: hybrid retrieval over passages, and the answers built on it.

`rank` fuses, for a pool of candidate passages, BM25 (FTS5) and dense similarity (MiniLM) to the
question without the names of the people who speak in the store (who speaks is its own signal),
spreading activation from the people the question names (ACT-R style: a source's pull on a passage is
S - ln(fan), so a person tied to everything pulls on nothing in particular), the times the question
names ("in May 2023", "last summer", "the week before the wedding"), who speaks the passage, its
length, whether it names a time when the question asks "when", and each passage's neighbours (an
answer often sits in the turn next to the one that matches) and its session. The fusion weights in
`WEIGHTS` were fitted on the LoCoMo dev file only (bench/locomo.py).

A store of people messaging (`Names.messaging`: they send a message in several turns) has fusion weights
of its own, fitted on real chat (REALTALK dev, three of its five chats).

`recall(cue)` answers "coffee: who, and why?", `ask(question)` returns ranked passages with the
people, times and facts that matched, `timeline` and `on_this_day` order what happened by when it
happened.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import json
import math
import re
import threading
import weakref
from collections import defaultdict

import numpy as np

from . import categories, dates, embed, store
from .lexical import STOPWORDS, fts_phrase, fts_terms
from .errors import EmptyInput, NotFound
from .kin import HONORIFICS, KIN_NAMES, TITLES
from .people import Stated, find, perhaps, perhaps_relation

# Fitted on LoCoMo dev (bench/locomo.py), recall@10 + recall@25; see docs/benchmarks.md. "focus" (a passage in
# the entries of the people the question names, where they are a few among many) is 0 in a store of one
# conversation; it was chosen on LoCoMo dev in a store of every conversation (bench/lifetime.py), where any
# weight from 0.2 to 2 gives the same recall. Except "person":
# in chats the speaker carries who ("spoken"), so the fit drives it to 0, but in prose a passage naming
# the person is the only tie; it keeps its earlier fitted 0.2 (costs 0.1 / 0.3 points of R@10 / R@25 on chats).
# "fact" (the asked person's facts that match the question, extract/facts.py) is 0 but for questions that
# gather ("What sports does Kevin play?"), which have weights of their own ("gather:..."), fitted on
# LoCoMo dev and three of the five REALTALK dev chats together (the other two held out), LoCoMo kept from
# falling (bench/locomo.py, docs/benchmarks.md); four of them (dense, spoken, length, neighbour2) refitted on
# LoCoMo dev alone with facts v2, the chats keeping theirs ("chat:gather:dense", "chat:gather:length").
WEIGHTS = {
    "dense": 0.6, "bm25": 1.2, "dense*bm25": -1.0, "dense^2": 0.5, "bm25^2": 0.6, "person": 0.2, "spoken": 0.5,
    "time": 0.6, "says_when": 0.2, "length": 1.0, "neighbour": 0.5, "neighbour2": 0.4, "session": 0.3, "fact": 0.0,
    "focus": 0.4,
    "gather:dense": 1.05, "gather:dense^2": 0.7, "gather:spoken": 0.9, "gather:time": 0.65, "gather:length": 1.4,
    "gather:neighbour": 0.3, "gather:neighbour2": 0.1, "gather:session": 0.35, "gather:fact": 0.4,
    # People messaging (`Names.messaging`): fitted on REALTALK dev chats 1-3 only (chats 4-5 held out); LoCoMo's
    # written chats never use them. "length" and "says_when" moved later, chosen on chats 1-3 and on the same chats
    # cut into short turns (`bench/locomo.py --split-turns`) together: the smallest moves that raise both.
    "chat:dense": 1.0, "chat:dense^2": 0.3, "chat:bm25^2": 0.2, "chat:person": 0.4, "chat:length": 0.6, "chat:says_when": 0.4,
    "chat:neighbour": 0.3, "chat:neighbour2": 0.2, "chat:fact": 0.2,
    "chat:gather:dense": 0.95, "chat:gather:length": 1.3, "chat:gather:dense^2": 0.5, "chat:gather:spoken": 1.0,
    "chat:gather:time": 0.45, "chat:gather:neighbour": -0.1, "chat:gather:neighbour2": 0.0, "chat:gather:session": 0.15,
    "chat:gather:fact": 1.0,
    # A member of a category the question asks by (remembrancer/categories.py), for questions that gather, and a place
    # for "Where ...?" ("chat:member"): chosen on REALTALK chats 1-3 and their short-turn twin (0.2-0.8, 0.1-0.3);
    # LoCoMo's written chats keep 0 (gather:member 0.2 there: R@10 up, R@25 down).
    "member": 0.0, "gather:member": 0.0, "chat:gather:member": 0.4, "chat:member": 0.2,
}
FACT_POOL = 30  # passages of the asked person's best-matching facts added to the candidates
FACT_ROWS = 5_000  # most facts of the asked people read for one question (the latest)
DENSE_SPREAD = 0.3  # cosine similarities closer than this are not stretched apart
POOL = 150  # candidates taken from each of BM25 and dense
BM25_WINDOW = 5_000  # most matches one BM25 query ranks in a large store (see `bm25`), as `Memory.search`
MODES = ("hybrid", "bm25", "dense")


# -- what the store knows about names ------------------------------------------------------------
class Names:
    """Every name a question may use: chat speakers and the people extraction found, with fans."""

    def __init__(self):
        self.covers = 0  # passages seen (for speakers)
        self.changed = None  # the store's count of changes to entries, when counted
        self.speakers: dict[str, int] = defaultdict(int)  # speaker -> turns spoken
        self.runs = [0, 0]  # turns after a turn of the same entry, and of those, turns after one of the same speaker
        self.people_key = None
        self.called: dict[str, set[str]] = {}  # a name no speaker has -> the speaker it names (`_called`)
        self.alias_people: dict[str, set[int]] = {}  # alias -> person ids
        self.person_names: dict[int, str] = {}
        self.person_aliases: dict[int, set[str]] = defaultdict(set)
        self.person_fan: dict[int, int] = {}
        self.owners: set[int] = set()
        self._said_by = (None, {})  # (what it was made of, `said_by`'s index)
        self._known = (None, ({}, {}))  # (what it was made of, `known`)

    def update(self, memory):
        # An entry changed, put in the trash or back, or erased (remembrancer/entries.py): count again.
        changed = store.entries_changed(memory)
        if changed != self.changed:
            self.changed, self.covers, self.speakers, self.people_key = changed, 0, defaultdict(int), None
            self.runs = [0, 0]
        top = store.last_passage(memory)
        if top > self.covers and not self.covers:
            self._kept_speakers(memory, top)
        if top > self.covers:
            read = top - self.covers
            self.called = {}
            for r in store.speakers_after(memory, self.covers):
                self.speakers[r[0]] += r[1]
            pairs, same = store.same_speaker_runs(memory, self.covers)
            self.runs = [self.runs[0] + pairs, self.runs[1] + same]
            self.covers = top
            if read >= SPEAKERS_KEPT_AT:
                self._keep_speakers(memory)
        if not _has_table(memory, "people"):
            return
        key = store.people_key(memory)
        if tuple(key) == self.people_key:
            return
        self.people_key = tuple(key)
        self.alias_people, self.person_names, self.owners = defaultdict(set), {}, set()
        self.person_aliases = defaultdict(set)
        for r in store.everyone_named(memory):
            self.person_names[r[0]] = r[1]
            self.person_aliases[r[0]].add(r[1])
            if r[2]:
                self.owners.add(r[0])
        for r in store.all_aliases(memory):
            self.person_aliases[r[0]].add(r[1])
        for pid, names in self.person_aliases.items():
            for n in names:
                self.alias_people[n].add(pid)
        self.person_fan = store.person_fans(memory)


    def said_by(self, words: set[str]) -> tuple[list[str], list[str]]:
        """The aliases and the speakers one of whose forms (the name, its first word) begins with one of these words
        (a text's words in lower case), in the order `alias_people` and `speakers` hold them: the only names the text
        can say. A large store has thousands; a question says a few words."""
        key = (self.changed, self.covers, self.people_key, len(self.speakers), len(self.alias_people))
        if self._said_by[0] != key:
            index = defaultdict(list)
            for k, names in enumerate((self.alias_people, self.speakers)):
                for order, name in enumerate(names):
                    for form in {name, name.split()[0] if name.split() else name}:
                        first = _FIRST_WORD.search(form.lower())
                        index[first.group(0) if first else None].append((k, order, name))
            self._said_by = (key, index)
        index = self._said_by[1]
        found = sorted({hit for w in (*words, None) for hit in index.get(w, ())})
        return list(dict.fromkeys(n for k, _, n in found if k == 0)), list(dict.fromkeys(n for k, _, n in found if k == 1))

    def known(self) -> tuple[dict[str, dict], dict[str, list[str]]]:
        """Every name known, in lower case, and its first word -> its bearers {"people", "speakers"} (`_near_names`),
        and those of one word of three letters or more by their first letter; made again when the speakers or people
        change."""
        key = (self.changed, self.covers, self.people_key, len(self.speakers), len(self.alias_people))
        if self._known[0] != key:
            known: dict[str, dict] = defaultdict(lambda: {"people": set(), "speakers": set()})
            for speaker in self.speakers:
                for form in {speaker, speaker.split()[0]}:
                    known[form.lower()]["speakers"].add(speaker)
            for alias, pids in self.alias_people.items():
                pids = {p for p in pids if p not in self.owners}
                if pids and alias.split():
                    for form in {alias, alias.split()[0]}:
                        known[form.lower()]["people"] |= pids
            by_first = defaultdict(list)
            for name in known:
                if len(name) >= 3 and " " not in name:
                    by_first[name[0]].append(name)
            self._known = (key, (dict(known), dict(by_first)))
        return self._known[1]

    @property
    def messaging(self) -> bool:
        """Are the store's chats people messaging, who send one message in several turns? In LoCoMo's
        written conversations no turn follows one of the same speaker; in REALTALK's real chats a third to
        a half do (docs/benchmarks.md)."""
        return self.runs[0] >= MESSAGING_TURNS and self.runs[1] >= MESSAGING * self.runs[0]

    # Counting who speaks reads every passage: a second or more in a store of a million. The counts are
    # kept in the store (settings) after a large read, with how many passages they were counted over,
    # and taken up again only while the store still holds exactly those.
    def _kept_speakers(self, memory, top):
        kept = memory.setting(SPEAKERS_SETTING)
        if not kept or kept["covers"] > top or "runs" not in kept:
            return
        # count(*) of the whole table reads its small (entry, seq) index, not the passages
        have = store.passage_total(memory) - store.passages_after(memory, kept["covers"])
        if have == kept["passages"]:
            self.speakers = defaultdict(int, kept["speakers"])
            self.runs = list(kept["runs"])
            self.covers = kept["covers"]

    def _keep_speakers(self, memory):
        if memory.readonly:
            return
        have = store.passage_total(memory) - store.passages_after(memory, self.covers)
        state = json.dumps({"covers": self.covers, "passages": have, "speakers": self.speakers, "runs": self.runs})
        try:
            with memory.transaction() as conn:
                store.put_setting(conn, SPEAKERS_SETTING, state)
        except Exception:
            pass  # a busy store: counted again next time


_FIRST_WORD = re.compile(r"\w+")
MESSAGING = 0.15  # share of a store's chat turns that follow a turn of the same speaker, for `Names.messaging`
MESSAGING_TURNS = 20  # fewer turns tell nothing
SPEAKERS_SETTING = "recall.speakers"
SPEAKERS_KEPT_AT = 50_000  # passages read before the speakers' counts are kept

_names: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_names_lock = threading.Lock()


def names(memory) -> Names:
    """The names, brought up to date once a question (`Memory.ask` marks each: `memory.asking`), not at every look."""
    with _names_lock:
        n = _names.get(memory)
        if n is None:
            n = _names[memory] = Names()
        asking = getattr(memory, "asking", None)
        if asking is None or getattr(n, "asked", None) != asking:
            n.update(memory)
            n.asked = asking
        return n


_tables: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _has_table(memory, name) -> bool:
    known = _tables.setdefault(memory, set())  # tables are never dropped: a table seen is there for good
    if name not in known and store.has_table(memory, name):
        known.add(name)
    return name in known


# -- reading the question ---------------------------------------------------------------------------
class Source:
    """A person the question names: the names they go by, the passages' speakers that are them, and their fan."""

    def __init__(self, name, aliases, speakers, fan, person=None):
        self.name, self.aliases, self.speakers, self.fan, self.person = name, set(aliases), set(speakers), fan, person
        self.people = {person} if person is not None else set()
        self.strength = 0.0
        self.entries = None  # the entries they speak or are named in, read once a question (`_entries_of`)
        # A name written in lower case (a chat handle) matches however it is capitalised.
        self.pattern = re.compile(r"\b(?:" + "|".join((f"(?i:{re.escape(a)})" if a == a.lower() else re.escape(a))
                                                       for a in sorted(self.aliases, key=len, reverse=True)) + r")\b")

    def as_dict(self):
        return {"name": self.name, "aliases": sorted(self.aliases), "person": self.person}


def named_people(memory, text: str) -> list[Source]:
    """People named in text, by any alias or as a chat speaker (capitalised, as names are written).

    One source per name said: every person going by that name and the speakers called so are one
    source (extraction may split one person into several, e.g. one per entry, or keep a greeting
    with a name, "Congrats Sam"; the question cannot tell them apart either)."""
    n = names(memory)
    lowered = text == text.lower()  # typed all in lower case: match names case-insensitively
    text = unplaced(text)
    low = text.lower()

    def said(alias):
        if len(alias) < 2 or alias.lower() in STOPWORDS:
            return False
        # A name written in lower case (a chat handle, "elise") is the same name capitalised in a question.
        anycase = lowered or alias == alias.lower()
        # Most of a large store's names are not in the question at all: looked for as text first (a regex for each
        # of thousands of speakers, compiled anew once Python's cache of them is full, was most of a question).
        if (alias.lower() not in low) if anycase else (alias not in text):
            return False
        return re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text, re.I if anycase else 0) is not None


    by_name: dict[str, dict] = {}  # the name said -> {"people": set, "speakers": set}
    aliases, speakers = n.said_by(set(_FIRST_WORD.findall(low)))
    for alias in aliases:
        pids = {p for p in n.alias_people[alias] if p not in n.owners}
        # A full name's first name says it too ("Agnes" for Agnes Hale), as a speaker's does; not a title ("Uncle").
        first = alias.split()[0] if " " in alias else None
        forms = (alias, first) if first and first.lower().rstrip(".") not in HONORIFICS | TITLES.keys() | KIN_NAMES.keys() else (alias,)
        for form in forms:
            if pids and said(form):
                by_name.setdefault(form, {"people": set(), "speakers": set()})["people"] |= pids
                break
    for speaker in speakers:
        for form in dict.fromkeys((speaker, speaker.split()[0])):
            if said(form):
                by_name.setdefault(form, {"people": set(), "speakers": set()})["speakers"].add(speaker)
    # A name inside a longer one said ("Sam" in "Sam Jones") is that longer name, not a second person.
    for short in [a for a in by_name if any(a != b and re.search(r"\b" + re.escape(a) + r"\b", b) for b in by_name)]:
        del by_name[short]
    for word, hit in _near_names(memory, n, text, by_name).items():
        by_name.setdefault(word, {"people": set(), "speakers": set()})
        by_name[word]["people"] |= hit["people"]
        by_name[word]["speakers"] |= hit["speakers"]
    total = max(n.covers, 1)
    found = []
    for said_as, hit in by_name.items():
        people = sorted(hit["people"], key=lambda p: -n.person_fan.get(p, 0))
        speakers = set(hit["speakers"]) | {s for p in people for s in n.person_aliases[p] if s in n.speakers}
        if not speakers:  # a person named in the chat as a speaker is written a letter or two apart ("Nebras", "Nebraas")
            speakers = _near_speaker(n, {said_as} | {a for p in people for a in n.person_aliases[p]})
        if not speakers:  # a speaker called by another name in the chat ("I'm Kate", "Thanks Kate!" to Emi)
            speakers = _called(memory, n, said_as)
        aliases = {said_as} | {a for p in people for a in n.person_aliases[p] if len(a) >= 2} | speakers
        # Their fan: the passages tied to them. A speaker's own turns mostly mention them too (as "I"),
        # so the larger of the two counts, not their sum.
        fan = max(sum(n.person_fan.get(p, 0) for p in people), sum(n.speakers[s] for s in speakers))
        name = max(speakers, key=n.speakers.get) if speakers else n.person_names[people[0]]
        s = Source(name, aliases, speakers, fan, people[0] if people else None)
        s.people = set(people)
        s.strength = max(0.0, math.log(total / max(fan, 1)))  # S - ln(fan), with S = ln(passages)
        found.append(s)
    return found


# A name the question says as a place is no one asked about, whoever in the store is called so (a play's Paris, a
# friend called Florence): the object of a preposition of place ("in Paris", "near Fort Wayne"), or of "to", "into",
# "from", "at" or "towards" after a word of going or of being somewhere ("go to Paris", "been to Rome", "a trip to
# Jasper", "is from Albania", "flew back to Los Angeles"). Not after other words ("say to Melanie", "a gift to
# Caroline", "heard from Jon", "angry at Gina"), nor a name owning what follows ("went to Melanie's").
_IN_PLACE = r"in|near|inside|outside|around|across|throughout|within"
_GOING = (r"go|goes|going|went|gone|been|be|is|are|was|were|am|travel\w*|trips?|journey\w*|tours?|visits?|vacation\w*"
          r"|holidays?|move[sd]?|moving|relocat\w*|emigrat\w*|immigrat\w*|fly|flies|flying|flew|flights?|drive[sn]?|drove"
          r"|driving|ride|rides|rode|riding|sail\w*|head|heads|headed|heading|return\w*|back|way|come|comes|came|coming"
          r"|arriv\w*|live[sd]?|living|stay\w*|born")
_PLACED = re.compile(rf"\b(?:(?:{_IN_PLACE})|(?:{_GOING})\s+(?:to|into|from|at|towards?))\s+"
                     r"(?P<name>[A-Z][\w.-]*(?:\s+(?:(?:de|da|del|di|do|dos|du|la|le|of|upon)\s+)?[A-Z][\w.-]*)*)(?!\w|['’]s\b)")
_PLACED_LOWER = re.compile(_PLACED.pattern.split("(?P<name>")[0] + r"(?P<name>\w+)(?!\w|['’]s\b)")  # typed in lower case: one word


def unplaced(text: str) -> str:
    """The question with the names it says as places blanked out (as many spaces: offsets kept), for reading whom it
    names (`named_people`); all in lower case, the word after such a preposition."""
    pattern = _PLACED_LOWER if text == text.lower() else _PLACED
    return pattern.sub(lambda m: m.group(0)[:m.start("name") - m.start()] + " " * len(m.group("name")), text)


def _near_names(memory, n, text: str, found) -> dict[str, dict]:
    """Names in the question that the store never says, read as the one known name they are a spelling
    or a nickname of ("Eliza" or "Elisa" for a speaker "elise", "Nicholas" for "Nicolas", "Liz" for
    "Elizabeth"): word -> {"people", "speakers"}. Only a capitalised word past the question's first, not
    a word of a name already found or a month or a day, near exactly one known name, and held by no
    passage unless that name is a chat speaker's."""
    from .extract.aliases import _namer, nickname_of
    from .extract.times import MONTHS, WEEKDAYS

    taken = {w.lower() for name in found for w in name.split()} | set(MONTHS) | set(WEEKDAYS)  # "in May" is no Maya
    words = [m.group(0) for m in _NAME_WORD.finditer(text) if m.start() > len(text) - len(text.lstrip())]
    words = [w for w in dict.fromkeys(re.sub(r"['’]s$", "", w) for w in words)
             if len(w) >= 3 and w.lower() not in taken and w.lower() not in STOPWORDS]
    if not words:
        return {}
    known, by_first = n.known()
    out = {}
    for word in words:
        low = word.lower()
        if low in known:
            continue
        # A word the passages hold is someone of its own, unless it is near a chat speaker's name (a speaker
        # called "Nebras" in the chat is "Nebraas") and extraction found no one by it.
        held = store.fts_holds(memory, f'"{word}"')
        # Only names that could be near: a spelling or a shortening begins with the same letter, a curated nickname is
        # in the nickname lists either way (not every name in the store looked at for every word).
        could = [*by_first.get(low[0], ()), *(c for c in _namer().nicknames_of(low) | _namer().canonicals_of(low)
                                               if c in known and len(c) >= 3 and " " not in c and c[0] != low[0])]
        near = [name for name in could if (not held or known[name]["speakers"]) and (nickname_of(low, name) or _misspelt(low, name))]
        if len(near) == 1:
            out[word] = known[near[0]]
    return out


_GREETING = (r"(?:hey|hi|hiya|hello|heya|yo|dear|thanks|thank you|thx|wow|oh|aw+|congrats|congratulations|sorry|bye"
             r"|goodnight|good night|morning|good morning|night|yes|yeah|no|ok|okay|sure|love you|miss you|cheers|welcome)")
_NOT_SAID_TO = {"to", "with", "and", "or", "for", "from", "of", "about", "at", "by", "like", "than", "tell", "told", "ask",
                "asked", "saw", "see", "seen", "met", "meet", "call", "called", "invite", "invited", "is", "was", "me",
                "visit", "visited", "text", "texted", "on", "in", "as", "but", "that", "when", "if", "miss", "love"}
CALLED_MOST = 2_000  # most passages holding a name read to see whom it names


def _called(memory, n, name: str) -> set[str]:
    """The chat speaker a name no speaker has is theirs, read from how the chat says it: a speaker giving
    it as their own ("I'm Kate", "my name is Kate", "call me Kate"), or the other speaker of a chat of two
    saying it to them ("Hey Kate!", "Thank you Kate,", "That's so cool Kate"). At least two such turns, and
    three in four of them for one speaker, who never says it but as their own; else no one ("We're gonna take
    Scout, Toby and Buddy" is not said to Scout, and the other speaker says "Scout" too)."""
    key = name.lower()
    if key in n.called:
        return n.called[key]
    word = re.escape(name)
    own = re.compile(rf"\b(?:i['’]?m|i am|my name is|my name['’]s|call me|this is)\s+{word}\b(?!['’]s)", re.I)
    greeted = re.compile(rf"\b{_GREETING}\W{{0,2}}\s*{word}\b(?!['’]s)", re.I)
    ending = re.compile(rf"(?:^|(\w+)\W{{0,2}}\s+){word}(?:\s*[,!?.)]|\s*$|\s+(?=I\b))", re.I)
    votes: dict[str, int] = defaultdict(int)
    says = defaultdict(int)  # who says the name other than as their own: no one speaks of themselves so
    phrase = fts_phrase(name)
    rows = store.speaker_turns_matching(memory, f"text : {phrase}", CALLED_MOST)
    others: dict[int, set[str]] = {}
    for entry, speaker, text in rows:
        if own.search(text):
            votes[speaker] += 1
            continue
        says[speaker] += 1
        if not (greeted.search(text) or any((m.group(1) or "").lower() not in _NOT_SAID_TO for m in ending.finditer(text))):
            continue
        if entry not in others:
            others[entry] = store.entry_speakers(memory, entry)
        to = others[entry] - {speaker}
        if len(to) == 1:  # said to the one other speaker of a chat of two
            votes[to.pop()] += 1
    best = max(votes, key=votes.get) if votes else None
    out = ({best} if best and not says[best] and votes[best] >= 2 and votes[best] >= 0.75 * sum(votes.values())
           else set())
    n.called[key] = out
    return out


def _near_speaker(n, forms) -> set[str]:
    """The one chat speaker whose name is a spelling or a nickname of one of these names, if exactly one is."""
    from .extract.aliases import nickname_of

    words = {f.split()[0].lower() for f in forms if f.split() and len(f.split()[0]) >= 3}
    near = {s for s in n.speakers if s.split() and len(s.split()[0]) >= 3
            and any(w == s.split()[0].lower() or _misspelt(w, s.split()[0].lower()) or nickname_of(w, s.split()[0].lower())
                    for w in words)}
    return near if len(near) == 1 else set()


def _misspelt(a: str, b: str) -> bool:
    """Could one name be a misspelling of the other? Same first letter and one edit apart (a letter
    changed, added, dropped or two swapped), or two when both have five letters or more and the first
    three agree ("Eliza", "Elise")."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    most = 2 if min(len(a), len(b)) >= 5 and a[:3] == b[:3] else 1
    return _edits(a, b, most) <= most


def _edits(a: str, b: str, most: int) -> int:
    """Edit distance with adjacent swaps (optimal string alignment), stopping early past `most`."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > most:
            return most + 1
        prev2, prev = prev, row
    return prev[-1]


_EVENT = (r"(?:the|my|our|his|her|their|your|its)\s+([a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)"
          r"(?=\s*(?:[?.,;!]|$|\s+(?:and|when|where|with|that|did|was|in|at|on)\b))")
_EVENT_WINDOW = re.compile(r"\b(?:the\s+)?(day|night|week|weekend|month|year)\s+(before|after)\s+" + _EVENT, re.I)
_EVENT_EDGE = re.compile(r"\b(before|after|since|until|till)\s+" + _EVENT, re.I)  # "since the wedding"
_SPAN = {"day": 1, "night": 1, "week": 7, "weekend": 3, "month": 31, "year": 366}


def question_times(memory, text: str, anchor=None, among=None) -> list[dict]:
    """Time windows a question names, absolute or relative to the store's latest date, or to an event (`among`: the
    passages of the people asked about, when they are ranked on their own, as `_own_passages` reads them: "the
    accident" is theirs)."""
    from .extract.times import find_times

    if anchor is None:
        latest = store.latest_entry_at(memory)
        anchor = min(latest[:10], dates.now()[:10]) if latest else dates.now()[:10]
    found = find_times(text, anchor)
    ranges = list(_ranges(text, found))
    said = []  # (where its words start, window)
    for t in found:
        if any(lo <= t.start < hi for lo, hi, _ in ranges):
            continue
        start, windows = _counted_from(text, t) or _open_ended(text, t)
        # "the week before" in "the week before August 3" was read as a time of its own, counted from the anchor.
        said = [(s, w) for s, w in said if not start <= s < t.start] + [(start, w) for w in windows]
    out = [w for _, w in said] + [w for _, _, w in ranges]
    spans = []
    for m in _EVENT_WINDOW.finditer(text):
        unit, side, what = m.group(1).lower(), m.group(2).lower(), m.group(3)
        spans.append((m.start(), m.end()))
        when = event_date(memory, what, among)
        if when is None:
            continue
        day = dt.date.fromisoformat(when[:10])
        span = dt.timedelta(days=_SPAN[unit])
        lo, hi = (day - span, day) if side == "before" else (day + dt.timedelta(days=1), day + dt.timedelta(days=1) + span)
        out = [t for t in out if not (m.start() <= text.find(t["text"]) < m.end())]  # "the week before" alone is not it
        out.append({"text": m.group(0), "lo": lo.isoformat(), "hi": hi.isoformat(), "event": what, "event_at": when[:10]})
    for m in _EVENT_EDGE.finditer(text):
        if any(a <= m.start() < b for a, b in spans) or (when := event_date(memory, m.group(2), among)) is None:
            continue
        # The event's own day is in: "how did she feel after the accident" is often told with the accident.
        day = dt.date.fromisoformat(when[:10])
        lo, hi = ((_BEFORE_ALL, (day + dt.timedelta(days=1)).isoformat()) if m.group(1).lower() in ("before", "until", "till")
                  else (day.isoformat(), _AFTER_ALL))
        out.append({"text": m.group(0), "lo": lo, "hi": hi, "weight": 0.5, "event": m.group(2), "event_at": when[:10]})
    return out


_RANGE_FROM = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_TO = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*", re.I)
_MONTH_RANGE = re.compile(r"\b(?:between|from)\s+([a-z]+)\s+(?:and|to|until|till|through|-|–)\s+([a-z]+)\s+(\d{4})\b", re.I)


def _ranges(text: str, found):
    """(start, end, window) for "between May 2023 and July 2023", "from 2019 to 2021" and "between May and
    July 2023": one window from the first time to the end of the second."""
    from .extract.times import MONTHS

    for a, b in zip(found, found[1:]):
        if (m := _RANGE_FROM.search(text[:a.start])) and _RANGE_TO.fullmatch(text[a.end:b.start]) and a.lo < b.hi:
            yield m.start(), b.end, {"text": text[m.start():b.end], "lo": a.lo, "hi": b.hi}
    for m in _MONTH_RANGE.finditer(text):
        first, last = MONTHS.get(m.group(1).lower()), MONTHS.get(m.group(2).lower())
        if first and last:
            year = int(m.group(3))
            lo, hi = dt.date(year - (first > last), first, 1), dt.date(year + (last == 12), last % 12 + 1, 1)
            yield m.start(), m.end(), {"text": m.group(0), "lo": lo.isoformat(), "hi": hi.isoformat()}


# "before May 2023", "as of December", "since last June": the window runs to, or from, the time named.
_OPEN_BEFORE = re.compile(r"\b(?:before|prior to|until|till|up to|up until|by|as of)\s+(?:the\s+)?$", re.I)
_OPEN_AFTER = re.compile(r"\b(?:since|after)\s+(?:the\s+)?$", re.I)  # not "from": "moved from 4 years ago"
_BEFORE_ALL, _AFTER_ALL = "0001-01-01", "9999-12-31"


_COUNTED = re.compile(
    r"\b(?:(the|last|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(day|night|week|weekend|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\s+(before|after)\s+$", re.I)


def _open_ended(text: str, t) -> tuple[int, list[dict]]:
    """A time's window, opened to one side when the question says "before", "by", "since" or "after" it.

    An open window holds much of a store, so a passage in it counts half; "by May" and "as of May"
    ask how things stood in May, so May itself counts in full."""
    said, before = t.text, text[:t.start]
    if m := _OPEN_BEFORE.search(before):
        if m.group(0).lower().startswith(("before", "prior")):
            return m.start(), [{"text": m.group(0) + said, "lo": _BEFORE_ALL, "hi": t.lo, "weight": 0.5}]
        return m.start(), [{"text": m.group(0) + said, "lo": _BEFORE_ALL, "hi": t.hi, "weight": 0.5},
                           {"text": said, "lo": t.lo, "hi": t.hi}]
    if m := _OPEN_AFTER.search(before):
        lo = t.hi if m.group(0).lower().startswith("after") else t.lo
        return m.start(), [{"text": m.group(0) + said, "lo": lo, "hi": _AFTER_ALL, "weight": 0.5}]
    return t.start, [{"text": said, "lo": t.lo, "hi": t.hi}]


def _counted_from(text: str, t) -> tuple[int, list[dict]] | None:
    """ "the week before August 3", "two weeks before May 11", "the Saturday after July 24": counted from
    the date; and the date itself, when what happened is likely to be told ("last week we ...")."""
    from .extract.times import WEEKDAYS, parse_number

    m = _COUNTED.search(text[:t.start])
    if not m:
        return None
    count = parse_number(m.group(1) or "") or 1
    unit, after = m.group(2).lower(), m.group(3).lower() == "after"
    edge = dt.date.fromisoformat((t.hi if after else t.lo)[:10])
    if unit in WEEKDAYS or unit == "weekend":  # the nearest such day past the date, `count` of them away
        step = dt.timedelta(days=1 if after else -1)
        day = edge if after else edge + step
        while day.weekday() != WEEKDAYS.get(unit, 5):
            day += step
        lo = day + 7 * (count - 1) * step
        hi = lo + dt.timedelta(days=2 if unit == "weekend" else 1)
    else:
        span = dt.timedelta(days=_SPAN[unit])
        lo = edge + (count - 1) * span if after else edge - count * span
        hi = lo + span
    return m.start(), [{"text": m.group(0) + t.text, "lo": lo.isoformat(), "hi": hi.isoformat()},
                       {"text": t.text, "lo": t.lo, "hi": t.hi}]


def event_date(memory, what: str, among=None) -> str | None:
    """When the event a question names happened: an extracted event of that kind, else the best passage about it;
    of these passages first, if given (`among`: id -> (entry, ...), as `_own_passages` reads them)."""
    word = what.lower().split()[-1]
    if _has_table(memory, "events"):
        # as the owner has them: none they said is untrue, re-dated ones on their date, births and deaths they gave
        stated = _stated(memory)
        hidden = stated.hidden_events() if stated else set()
        redated = stated.redated if stated else {}
        theirs = sorted({r[0] for r in among.values()}) if among else []  # their entries (events_entry)
        rows = store.latest_events_of_kind(memory, word, word.rstrip("s"), theirs, 1 + len(hidden))
        found = [redated[r[0]][0] if r[0] in redated else r[1] for r in rows if r[0] not in hidden and r[1]]
        found += [g["lo"] for (_, kind), g in (stated.given.items() if stated else ()) if kind in (word, word.rstrip("s"))]
        found += [lo for eid, (lo, _, _) in redated.items()
                  if eid not in hidden and store.event_is_of_kind(memory, eid, word, word.rstrip("s"))]
        if found:
            return max(found)
    hits = memory.bm25_among(fts_terms(what), list(among), 1) if among else bm25(memory, what, 1)
    if not hits:
        return event_date(memory, what) if among else None  # none of theirs: the store's
    pid = hits[0][0]
    if _has_table(memory, "times"):
        rows = store.first_time_in(memory, pid)
        if rows:
            return rows[0][0]
    return store.passage_date(memory, pid)


# -- the retrievers ------------------------------------------------------------------------------------
def bm25(memory, text: str, limit: int, within: tuple[str, str] | None = None) -> list[tuple[int, float]]:
    """Passages ranked by BM25 over any of the question's words (higher is better), optionally only
    those of entries dated within [lo, hi).

    Ranking costs time for every match, so in a store of more than BM25_WINDOW passages a query
    ranks at most about BM25_WINDOW matches: the rarest words, as many as fit (a common word adds
    almost nothing to BM25); when even the rarest word matches more, its newest BM25_WINDOW // 2
    matches. Within a time window only the window's passages are read, found by date, so a window
    costs little however common the words."""
    terms = fts_terms(text)
    if not terms:
        return []
    if within:
        runs = _window_runs(memory, *within)
        if runs is not None:
            return _bm25_runs(memory, terms, runs, limit)
    floor = 0
    if store.last_passage(memory) > BM25_WINDOW:
        sizes = {t: store.fts_count(memory, t, BM25_WINDOW + 1) for t in terms}
        kept, total = [], 0
        for t in sorted(terms, key=sizes.get):
            if total + sizes[t] > BM25_WINDOW:
                break
            kept.append(t)
            total += sizes[t]
        if not kept:  # the rarest word is too common to rank all its matches: rank its newest
            kept = [min(terms, key=sizes.get)]
            floor = store.fts_floor(memory, kept[0], BM25_WINDOW // 2)
        terms = kept
    match = " OR ".join(terms)
    rows = (store.bm25_best_dated(memory, match, floor, *within, limit) if within  # a window too wide to read by date
            else store.bm25_best(memory, match, floor, limit))
    return [(r[0], r[1]) for r in rows]


def _bm25_runs(memory, terms, runs, limit) -> list[tuple[int, float]]:
    """BM25 over the passages in these runs of ids only (scores as over the whole store)."""
    hits = []
    for lo, hi in runs:
        hits += store.bm25_between(memory, " OR ".join(terms), lo, hi)
    hits.sort(key=lambda h: -h[1])
    return [(r[0], r[1]) for r in hits[:limit]]


def _window_runs(memory, lo: str, hi: str, most: int = 200) -> list[tuple[int, int]] | None:
    """The passages of entries dated in [lo, hi) as runs of consecutive ids; None if there are more
    than BM25_WINDOW of them or more than `most` runs (then a date join is cheaper)."""
    ids = store.passages_dated(memory, lo, hi, BM25_WINDOW + 1)
    if len(ids) > BM25_WINDOW:
        return None
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
            if len(runs) > most:
                return None
    return [(a, b) for a, b in runs]


def _scaled(values: dict[int, float], spread: float = 0.0) -> dict[int, float]:
    """Values scaled to [0, 1] over the pool, the lowest at 0; a spread smaller than `spread` is not
    stretched (two near-identical passages stay near-equal however few candidates there are)."""
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    span = max(hi - lo, spread, 1e-9)
    return {k: (v - lo) / span for k, v in values.items()}


def rank(memory, question: str, limit: int = 10, mode: str = "hybrid", weights=None, analysis=None) -> list[dict]:
    """Passages for a question, best first, in the search result shape (with "score")."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if mode == "bm25":
        return _results(memory, bm25(memory, question, limit))
    if mode == "dense":
        return _results(memory, embed.nearest(memory, embed.embed([question])[0], limit))
    f = prepare(memory, question, analysis)
    return _fused(memory, f, limit, weights)


def _fused(memory, f, limit, weights=None) -> list[dict]:
    return _results(memory, fuse(f, dict(WEIGHTS, **(weights or {})), limit))


def prepare(memory, question: str, analysis=None) -> dict:
    """The question's candidate pool and their signals (`features`), ready for `fuse`."""
    a = analysis if analysis is not None else analyse(memory, question)
    # The words that name a time ("in May 2023", "the week before the wedding") say when, not what:
    # they become the time signal and are left out of the words and meaning searched for. An event that
    # only opens a window stays in the meaning ("how did she feel after the accident" is told with the
    # accident), not in the words ("what did I buy after the accident" is not about the accident).
    words, sense = question, question
    for t in a["times"]:
        kept = t["event"] if "event" in t and {_BEFORE_ALL, _AFTER_ALL} & {t["lo"], t["hi"]} else ""
        words, sense = words.replace(t["text"], " "), sense.replace(t["text"], f" {kept} ")
    # Who speaks is the person signal's work ("spoken"); their names are left out of what is searched for.
    speakers = [s for s in a["people"] if s.speakers]
    words, sense = (meaning(w if w.strip(" ?.!") else question, speakers) for w in (words, sense))
    return features(memory, words, embed.embed([sense])[0], a)


def meaning(text: str, people) -> str:
    """What a question is about: its text without these people's names.

    `prepare` leaves out the names of the people who speak in the store (chat speakers): who is asked
    about is the person signal's work (who speaks a passage), and left in, a speaker's name pulls the
    question toward the turns that merely address them ("Thanks, Melanie!") rather than those about
    the thing asked. Other names (a friend, a dog, anyone in prose) are what the question is about,
    and stay. Measured on LoCoMo dev: recall@10 / @25 81.3 / 89.2 -> 82.4 / 90.5."""
    out, flags = text, re.I if text == text.lower() else 0  # as `named_people` reads a question typed in lower case
    for s in people:
        out = re.sub(r"(?:" + s.pattern.pattern + r")(?:'s|’s)?", " ", out, flags=flags)
    out = re.sub(r"\s+", " ", out).strip()
    return out if out.strip(" ?.!,") else text


def features(memory, question: str, vector, a) -> dict:
    """The candidate pool and each candidate's signals, each scaled to [0, 1] over the pool.

    When the people the question names are a small part of the store, the pool is of their passages alone, ranked as
    a store holding only them ranks them (`own_features`): they are what it asks about, whatever else the store holds.
    The rest of the store is searched only if they fill too few places (`fuse`: "rest")."""
    similar = Similar(memory, vector)
    own = own_features(memory, question, vector, a, similar)
    if own is not None and own["ids"]:
        own["rest"] = functools.cache(lambda: _everyone(memory, question, vector, a, similar))
        return own
    return _everyone(memory, question, vector, a, similar)


def _everyone(memory, question: str, vector, a, similar) -> dict:
    """The candidates of the whole store and their signals."""
    lexical = dict(bm25(memory, question, POOL))
    for t in a["times"]:
        for pid, s in bm25(memory, question, POOL // 3, within=(t["lo"], t["hi"])):
            lexical.setdefault(pid, s)
    dense = dict(embed.nearest(memory, vector, POOL))
    focused = focus(memory, a)
    theirs = {i for ids, person in focused if person for i in ids}
    for ids, person in focused:
        # The people and times the question names, searched on their own: in a store of a lifetime their
        # passages are a few among a million, and a search of everything may rank none of them. (BM25 is
        # already searched within a time window, above.)
        for pid, sim in similar.nearest(ids, POOL):
            dense.setdefault(pid, sim)
        runs = _runs(ids)
        if person and len(runs) <= 200 and (words := fts_terms(question)):
            for pid, score in _bm25_runs(memory, words, runs, POOL):
                lexical.setdefault(pid, score)
    return _signals(memory, vector, a, lexical, dense, theirs, similar)


class Similar:
    """The question's similarity to passages, each read from the vector index once a question: the asked people's
    passages are searched store-wide, on their own, and as neighbours of candidates, the same passages again. So are
    the candidates' rows (`rows`: the store-wide pool's and the own ranking's are mostly the same passages)."""

    def __init__(self, memory, vector):
        self.memory, self.vector, self.known, self.read, self.named = memory, vector, {}, {}, {}

    def rows(self, ids, columns: str, join: str) -> dict:
        """The rows of these passages (those there are) for `_signals`: its columns are the same all the question."""
        missing = [i for i in ids if i not in self.read]
        if missing:
            self.read.update(dict.fromkeys(missing))
            for r in store.passage_columns(self.memory, missing, columns, join):
                self.read[r["id"]] = r
        return {i: self.read[i] for i in ids if self.read[i] is not None}

    def mentions(self, people, ids) -> list[tuple[int, int]]:
        """(passage, person) for these passages that name these people (the same people all the question)."""
        missing = [i for i in ids if i not in self.named]
        if missing:
            self.named.update((i, []) for i in missing)
            for pid, person in store.mentions_of_in(self.memory, people, missing):
                self.named[pid].append(person)
        return [(i, person) for i in ids for person in self.named[i]]

    def of(self, ids) -> dict[int, float]:
        """Cosine similarity to these passages (those with a vector), in their order."""
        missing = [i for i in ids if i not in self.known]
        if missing:
            found = embed.similarities(self.memory, self.vector, missing)
            self.known.update({i: found.get(i) for i in missing})
        return {i: self.known[i] for i in ids if self.known[i] is not None}

    def nearest(self, ids, k) -> list[tuple[int, float]]:
        """The k of these passages closest to the question, best first (as `embed.nearest_among`)."""
        sims = self.of(ids)
        if not sims:
            return []
        return embed._top(np.fromiter(sims, dtype=np.int64, count=len(sims)),
                          np.fromiter(sims.values(), dtype=np.float32, count=len(sims)), k)


def _signals(memory, vector, a, lexical, dense, theirs, similar=None, among=None, messaging=None) -> dict:
    """The pool (the candidates found by words and meaning, and the passages of the asked people's best-matching
    facts; `among`: only those of these passages) and each candidate's signals, each scaled over the pool."""
    facts_by_passage = _fact_matches(memory, a, vector)
    if among is not None:
        facts_by_passage = {i: m for i, m in facts_by_passage.items() if i in among}
    best_facts = sorted(facts_by_passage, key=lambda i: -facts_by_passage[i][0])[:FACT_POOL]
    pool = set(lexical) | set(dense) | set(best_facts)
    if not pool:
        return {"pool": [], "ids": []}
    # Neighbours too: the two turns before and after each candidate, in the same entry.
    near = sorted({i + d for i in pool for d in range(-2, 3) if among is None or i + d in among})
    # Only what the signals read: the text if people are named, the date if times are (a large store
    # reads these rows from disk).
    text = "p.text" if a["people"] or a.get("members") else "NULL AS text"
    at, join = ("e.at", " JOIN entries e ON e.id = p.entry") if a["times"] else ("NULL AS at", "")
    similar = similar or Similar(memory, vector)
    info = similar.rows(near, f"p.id, p.entry, p.speaker, p.end - p.start AS chars, {text}, {at}", join)
    dense.update(similar.of([i for i in info if i not in dense]))
    ids = sorted(info)
    d = _scaled({i: dense.get(i, 0.0) for i in ids}, DENSE_SPREAD)
    b = _scaled({i: lexical.get(i, 0.0) for i in ids}, max(lexical.values()) if lexical else 0.0)
    person, spoken = _person_activation(memory, a["people"], info, similar)
    timed = _timed(memory, info) if a["times"] or a.get("when") else {}
    when = _time_match(a["times"], info, timed) if a["times"] else {}
    position = {i: k for k, i in enumerate(ids)}
    id_array = np.array(ids)
    entries = np.array([info[i]["entry"] for i in ids])

    def beside(d):  # position of the passage d away in the same entry, else -1
        at = np.clip(np.searchsorted(id_array, id_array + d), 0, len(ids) - 1)
        ok = (id_array[at] == id_array + d) & (entries[at] == entries)
        return np.where(ok, at, -1)

    return {
        "ids": ids,
        "pool": [position[i] for i in sorted(pool) if i in position],
        "dense": np.array([d.get(i, 0.0) for i in ids]),
        "bm25": np.array([b.get(i, 0.0) for i in ids]),
        "person": np.array([person.get(i, 0.0) for i in ids]),
        "spoken": np.array([float(i in spoken) for i in ids]),
        # In a store where the people named are a few among many: the passages of their own entries.
        "focus": np.array([float(i in theirs) for i in ids]),
        "time": np.array([when.get(i, 0.0) for i in ids]),
        # "When did ...?" is answered by a passage that names a time ("last Friday", "in 2019").
        "says_when": np.array([float(bool(a.get("when")) and i in timed) for i in ids]),
        # Longer passages say more: a bare "Thanks!" rarely holds an answer (log scale, capped at 1,000 characters).
        "length": np.minimum(np.log1p(np.array([max(info[i]["chars"] or 0, 0) for i in ids], dtype=float)) / math.log(1000), 1.0),
        "prev": beside(-1),
        "next": beside(1),
        "prev2": beside(-2),
        "next2": beside(2),
        "entry": entries,
        # How well the asked person's facts read in the passage ("likes skiing") match the question.
        "fact": np.array([facts_by_passage[i][0] if i in facts_by_passage else 0.0 for i in ids]),
        # A member of a category the question asks by ("What sports ...?": "I hit the golf course"), said by the
        # person asked about when they speak in the store: read by `member` when a weight asks for it.
        "member": None if (members := a.get("members")) else np.zeros(len(ids)),
        "member_of": (members, [(info[i]["text"], not spoken or i in spoken) for i in ids]) if members else None,
        "fact_passages": {i: facts_by_passage[i] for i in best_facts},  # (score, what, statement, person), for `ask`
        "aggregate": bool(a.get("aggregate")),
        "messaging": names(memory).messaging if messaging is None else messaging,
    }


FOCUS = 20_000  # most passages a person or time the question names may have to be searched on their own


def focus(memory, a) -> list[tuple[list[int], bool]]:
    """For each person the question names, the passages of the entries they speak or are named in; for each
    time window, those of the entries dated in it: (passage ids, whether a person's). Each is left out when
    it holds more than FOCUS passages or the whole store: then it narrows nothing."""
    total = names(memory).covers
    out = []
    scope = a.get("scope")
    for k, s in enumerate(a["people"]):
        if scope:  # their passages are read already, all of them (`_own_scope`): in the order of the store's
            sets, rows = scope
            out.append((sorted((i for i, r in rows.items() if r[0] in sets[k]), key=lambda i: rows[i][:2]), True))
        else:
            out.append((_entry_passages_of(memory, _entries_of(memory, s)), True))
    for t in a["times"]:
        out.append((store.passages_dated(memory, t["lo"], t["hi"], FOCUS + 1), False))
    return [(ids, person) for ids, person in out if ids and len(ids) <= FOCUS and len(ids) < total]


def _entries_of(memory, s) -> set[int]:
    """The entries a person the question names speaks or is named in (at most FOCUS + 1 of each)."""
    if s.entries is not None:  # read once a question (`focus`, `_own_scope`)
        return s.entries
    entries = set()
    for speaker in s.speakers:
        phrase = fts_phrase(speaker)
        entries |= set(store.entries_spoken_in(memory, f"speaker : {phrase}", FOCUS + 1))
    if s.people and _has_table(memory, "mentions"):
        people = sorted(s.people)
        entries |= set(store.entries_of_people(memory, people, FOCUS + 1))
    s.entries = entries
    return entries


def _entry_passages_of(memory, entries) -> list[int]:
    entries = sorted(entries)
    if not entries or len(entries) > FOCUS:
        return []
    ids = []
    for b in range(0, len(entries), 900):
        part = entries[b:b + 900]
        ids += store.passage_ids_of(memory, part)
        if len(ids) > FOCUS:
            return []
    return ids


# The passages of the people a question names are ranked on their own (`own_features`) when they are at most OWN_SHARE
# of a store of more than OWN_STORE passages (a smaller store is a few conversations: its statistics are theirs), and at
# most OWN_MOST (their lengths and the counts of the question's words among them are read for it from the store's index).
OWN_SHARE = 0.1
OWN_STORE = 5_000
OWN_MOST = 5_000


def own_features(memory, question: str, vector, a, similar=None) -> dict | None:
    """The question's candidates and signals as in a store holding only the passages of the people it names
    (the entries they speak or are named in), for `fuse` to order those passages by: BM25 with their own
    statistics (how many passages hold a word, how long passages are), dense search exact over their vectors,
    every signal scaled over their candidates, and whether they are people messaging read from their own
    chats. In a store of a lifetime those statistics and scales are of everyone else's words, and reorder
    what the asked person said (docs/benchmarks.md). None when the question names no one, or when their
    passages are more than OWN_MOST or OWN_SHARE of the store, or the store is small: then they are what it is."""
    scope = a["scope"] if "scope" in a else _own_scope(memory, a["people"])
    if scope is None:
        return None
    sets, rows = scope
    among = frozenset(rows)
    words = fts_terms(question)
    lexical = dict(memory.bm25_among(words, among, POOL))
    windows = [[i for i, r in rows.items() if r[3] and t["lo"] <= r[3] < t["hi"]] for t in a["times"]]
    for inside in windows:  # BM25 within a time window, as `features`
        for pid, score in memory.bm25_among(words, among, POOL // 3, only=inside):
            lexical.setdefault(pid, score)
    similar = similar or Similar(memory, vector)
    dense = dict(similar.nearest(among, POOL))
    theirs = set()
    for mine in sets:  # as `focus`: a person whose passages are not all of these, searched on their own
        ids = [i for i, r in rows.items() if r[0] in mine]
        if ids and len(ids) < len(among):
            theirs.update(ids)
            for pid, sim in similar.nearest(ids, POOL):
                dense.setdefault(pid, sim)
            for pid, score in memory.bm25_among(words, among, POOL, only=ids):
                lexical.setdefault(pid, score)
    for inside in windows:
        if inside and len(inside) < len(among):
            for pid, sim in similar.nearest(inside, POOL):
                dense.setdefault(pid, sim)
    f = _signals(memory, vector, a, lexical, dense, theirs, similar, among=among, messaging=_messaging(rows))
    f["among"] = among
    return f


def _own_scope(memory, people) -> tuple[list[set[int]], dict[int, tuple]] | None:
    """The entries of each person named and the passages of them all (`_own_passages`), when they are to be ranked on
    their own (`own_features`); else None."""
    total = names(memory).covers
    if not people or total <= OWN_STORE:
        return None
    sets = [_entries_of(memory, s) for s in people]
    if any(len(mine) > FOCUS for mine in sets):
        return None
    rows = _own_passages(memory, set().union(*sets))
    if not rows or len(rows) > min(OWN_MOST, OWN_SHARE * total):
        return None
    return sets, rows


def _own_passages(memory, entries) -> dict[int, tuple]:
    """The passages of these entries: id -> (entry, seq, speaker, the entry's date), at most OWN_MOST + 1."""
    entries, out = sorted(entries), {}
    for b in range(0, len(entries), 900):
        part = entries[b:b + 900]
        for r in store.passages_with_dates(memory, part):
            out[r[0]] = (r[1], r[2], r[3], r[4])
        if len(out) > OWN_MOST:
            break
    return out


def _messaging(rows) -> bool:
    """Are these passages' chats people messaging (`Names.messaging`, read over them alone)?"""
    pairs = same = 0
    last = None
    for pid in sorted(rows, key=lambda i: rows[i][:2]):
        entry, seq, speaker, _ = rows[pid]
        if last and last[0] == entry and last[1] == seq - 1 and speaker is not None and last[2] is not None:
            pairs += 1
            same += speaker == last[2]
        last = (entry, seq, speaker)
    return pairs >= MESSAGING_TURNS and same >= MESSAGING * pairs


def _runs(ids) -> list[tuple[int, int]]:
    """Sorted ids as runs of consecutive ids."""
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a, b) for a, b in runs]


def fuse(f, w, limit) -> list[tuple[int, float]]:
    """One ranking: each passage's own score, plus a share of its neighbours' and of its session's best.

    Its own score is a weighted sum of the signals, with the product of the dense and BM25 scores
    (weighted below zero: either one high is nearly as good as both) and their squares (a strong
    match counts more than two middling ones)."""
    if not f["ids"]:
        return []
    if f.get("rest") is not None:
        return _scoped(f, w, limit)
    if f.get("messaging"):  # a store of people messaging has weights of its own ("chat:dense" ...), where it has them
        w = {k: w.get(f"chat:{k}", v) for k, v in w.items() if not k.startswith("chat:")}
    if f.get("aggregate"):  # a question that gathers has weights of its own ("gather:dense" ...), where it has them
        w = {k: w.get(f"gather:{k}", v) for k, v in w.items() if not k.startswith("gather:")}
    d, b = f["dense"], f["bm25"]
    base = (w["dense"] * d + w["bm25"] * b + w["dense*bm25"] * d * b + w["dense^2"] * d * d + w["bm25^2"] * b * b
            + w["person"] * f["person"] + w["spoken"] * f["spoken"] + w.get("focus", 0.0) * f["focus"] + w["time"] * f["time"]
            + w["says_when"] * f["says_when"] + w["length"] * f["length"] + w["fact"] * f["fact"]
            + (w["member"] * member(f) if w["member"] else 0.0))
    padded = np.append(base, 0.0)  # index -1: no neighbour
    score = base + w["neighbour"] * np.maximum(padded[f["prev"]], padded[f["next"]])
    if w.get("neighbour2"):
        score = score + w["neighbour2"] * np.maximum(padded[f["prev2"]], padded[f["next2"]])
    if w.get("session"):  # how well the passage's whole entry (a chat session) matches
        entries, at = np.unique(f["entry"], return_inverse=True)
        best_of = np.zeros(len(entries))  # an entry's best, never below 0
        np.maximum.at(best_of, at, base)
        score = score + w["session"] * best_of[at]
    # Ranked: the candidates and their neighbours (an answer is often the turn next to the match).
    best = np.argsort(-score, kind="stable")[:limit]
    return [(f["ids"][i], float(score[i])) for i in best]


def member(f) -> np.ndarray:
    """For each candidate of `f`: does it name a member of a category the question asks by, said by the person asked
    about when they speak in the store? Read once, when a fusion weighs it (most weigh it 0: a chat's text read for
    every candidate costs more than the rest of a question)."""
    if f["member"] is None:
        members, texts = f["member_of"]
        f["member"] = np.array([float(theirs and bool(categories.naming(members, text))) for text, theirs in texts])
    return f["member"]


def _scoped(f, w, limit) -> list[tuple[int, float]]:
    """The asked people's passages (`own_features`) in their own ranking's order; the rest of the store after them,
    only when they have fewer candidates than places."""
    own = fuse(dict(f, rest=None), w, limit)
    if len(own) < limit:
        rest = fuse(f["rest"](), w, limit + len(f["among"]))  # however many of theirs it ranks first
        own += [(pid, s) for pid, s in rest if pid not in f["among"]][:limit - len(own)]
    return own


# What a question asks of a person, by the kinds of fact that answer it.
_INTENTS = [
    (re.compile(r"\b(?:like[sd]?|lov\w+|enjoy\w*|prefer\w*|favou?rite\w*|fan|fans|into|tastes?|interest\w*|hobb\w+)\b", re.I),
     {"likes", "does"}),
    (re.compile(r"\b(?:hate\w*|dislike\w*|can't stand|cannot stand|not a fan)\b", re.I), {"dislikes"}),
    (re.compile(r"\b(?:do|does|did|play\w*|practi[cs]\w*|activit\w+|sports?|spend\w*|free time|habits?|usually|often)\b", re.I),
     {"does", "likes"}),
    (re.compile(r"\b(?:work\w*|jobs?|careers?|profession\w*|occupation\w*)\b", re.I), {"works"}),
    (re.compile(r"\b(?:stud\w+|learn\w*|major\w*|school|universit\w+|college|degree|class\w*|train\w*)\b", re.I), {"studies", "does"}),
    # "have" as a verb of having, not the "has" of "has Kevin been to"
    (re.compile(r"\b(?:own\w*|pets?|possess\w*)\b|\b(?:have|has)\s+(?:a|an|any|some|got)\b|\b(?:have|has)\W*$", re.I), {"has"}),
    # places been to: "has been to Italy", "Hawaii is my favourite place", "is from Albania"
    (re.compile(r"\b(?:visit\w*|been|travel\w*|trips?|cit(?:y|ies)|countr(?:y|ies)|places?|locations?|destinations?)\b", re.I),
     {"does", "likes", "lives"}),
    (re.compile(r"\b(?:live[sd]?|living|from|home ?town|move[sd]?|moving)\b", re.I), {"lives"}),
    (re.compile(r"\b(?:plan\w*|going to|will|want\w*|wish\w*|hop\w+|would like|future|next|upcoming|intend\w*|dream\w*)\b", re.I),
     {"plans", "wants"}),
]
_GATHERS = re.compile(
    r"^\W*(?:(?:in|at|to|from|with|for|on|of|about)\s+)?(?:what|which|where|how)\b(?:\W+\w+){0,3}?\W+"
    r"(?:kinds?|types?|sorts?|hobbies|interests|activities|things|places"
    r"|(?!(?:does|is|was|has|this|his|hers|yours|its|always|sometimes|perhaps)\b)[a-z]{3,}[^s's]s)\b"
    r"|\b(?:both|in common|share|each other)\b"
    r"|^\W*what\s+are\b"  # a plural answer: "What are Kevin's favorite sportsmen?", "What are some tips ...?"
    r"|^\W*how\b.*\bspends?\b"  # "How does Paola spend time with her friends?"
    r"|^\W*(?:what|which|where|who|when|how)\s+and\s+(?:what|which|where|who|when|how)\b"  # two asked: "Where and what ...?"
    r"|^\W*what\b[^?]*\b(?:like|likes|enjoy|enjoys|love|loves|prefer|prefers)\W*$", re.I)
_fact_vectors: dict[str, np.ndarray] = {}  # a fact's statement -> its vector, shared by every store in the process
_fact_lock = threading.Lock()


def gathers(question: str) -> bool:
    """Does the question ask for several things, told apart ("What sports does Kevin play?", "What are
    Kate's hobbies?", "What do Elise and Kate have in common?")? Such a question is answered by many
    turns, across sessions, each saying something else."""
    return bool(_GATHERS.search(question))


# Words that ask for a kind of fact without naming a thing: "What does Kate like to do on weekends?", "What are
# Kevin's hobbies?", "What is Paola planning?".
_ASKING = frozenset("""like likes liked love loves loved enjoy enjoys enjoyed prefer prefers favourite favorite favourites
    favorites hobby hobbies interest interests interested activity activities thing things stuff kind kinds type types sort
    sorts fun free spare time times weekend weekends day days evening evenings usually often typically generally normally
    spend spends spending plan plans planning planned want wants wanting wish wishes hope hopes future upcoming going gonna
    next like to do does did doing done pastime pastimes passion passions tastes taste learn learns learning study studies
    studying work works working live lives living share shares shared both common together each other same""".split())
NAMELESS_GATHERS = True
NAMELESS_KIND = 0.5  # share of a fact's match that is its kind, for a question that names no thing


def nameless(question: str, people) -> bool:
    """Does the question ask what someone likes, does or plans without naming what ("What are Kate's hobbies?")?
    Its meaning then matches every fact alike, and the kind of fact asked for is what tells them apart."""
    rest = re.findall(r"[a-z]+", meaning(question, people).lower())
    return bool(rest) and not [w for w in rest if w not in STOPWORDS and w not in _ASKING]


def intents(question: str) -> set[str]:
    """The kinds of person fact that answer a question: "What sports does Kevin play?" -> does, likes."""
    return {k for pattern, kinds in _INTENTS if pattern.search(question) for k in kinds}


def _fact_matches(memory, a, vector) -> dict[int, tuple[float, str, str, int]]:
    """For each passage holding a fact of a person the question names, the best of those facts: how well
    it matches the question (cosine of the question to the statement, a quarter less when its kind is not
    one the question asks for), what it is about, its statement and whose it is. Statements are embedded
    when first asked about, and kept for the life of the process; a person read about for years has their
    FACT_ROWS latest facts read, so a first question costs at most that many short embeddings."""
    people = sorted({p for s in a["people"] for p in s.people})
    if not people or not _has_table(memory, "person_facts"):
        return {}
    rows = store.latest_facts_of(memory, people, FACT_ROWS)
    if not rows:
        return {}
    with _fact_lock:
        new = [r for r in rows if r["statement"] not in _fact_vectors]
        if new:
            _fact_vectors.update(_statement_vectors(memory, new))
        mat = np.stack([_fact_vectors[r["statement"]] for r in rows])
    sims = np.einsum("ij,j->i", mat, np.asarray(vector, dtype=np.float32))
    wanted = a.get("intents") or set()
    common = _in_common(a, rows, mat)
    out: dict[int, tuple[float, str, str, int]] = {}
    for i, (r, sim) in enumerate(zip(rows, sims.tolist())):
        if a.get("nameless") and wanted:
            score = NAMELESS_KIND * (r["kind"] in wanted) + (1 - NAMELESS_KIND) * sim
        else:
            score = sim * (1.0 if not wanted or r["kind"] in wanted else 0.75)
        if common is not None:
            score = (1 - SHARED) * score + SHARED * common[i]
        if score > out.get(r["passage"], (-1.0,))[0]:
            out[r["passage"]] = (score, r["what"], r["statement"], r["person"])
    return out


def _statement_vectors(memory, rows) -> dict[str, np.ndarray]:
    """The vectors of these facts' statements: those the store keeps (`person_facts.vector`), the rest embedded and
    kept there (not by a read-only store, nor when another process is writing: embedded again next time)."""
    out: dict[str, np.ndarray] = {}
    ids = [r["id"] for r in rows]
    for b in range(0, len(ids), 900):
        part = ids[b:b + 900]
        for statement, blob in store.fact_vectors(memory, part):
            vector = embed.to_vector(bytes(blob))
            if len(vector) == embed.DIM:
                out[statement] = vector
    missing = [r for r in rows if r["statement"] not in out]
    new = list(dict.fromkeys(r["statement"] for r in missing))
    if not new:
        return out
    out.update(zip(new, embed.embed(new).astype(np.float32)))
    if not memory.readonly:
        try:
            with memory.transaction() as conn:  # by id and statement: a fact read again since is not given this one's
                store.put_fact_vectors(conn, [(out[r["statement"]].tobytes(), r["id"], r["statement"]) for r in missing])
        except Exception:
            pass
    return out


SHARED = 0.3  # share of a fact's match that is how near the other person's nearest fact is, for "What do A and B share?"
SHARED_FORM = re.compile(r"\b(?:both|in common|share[sd]?|same|together|alike)\b", re.I)


def _together(question: str, people) -> bool:
    """Are two of the people asked about named together ("Kevin and Paola", "both Kate and Elise")? Not "What recipe
    did Nate offer to share with Joanna?"."""
    spans = sorted((m.start(), m.end()) for s in people if s.people for m in s.pattern.finditer(question))
    return any(re.fullmatch(r"\W*(?:and|&)\W*", question[a[1]:b[0]], re.I) for a, b in zip(spans, spans[1:]))


def _in_common(a, rows, mat):
    """For a question about what two people or more have in common ("What interests do Kevin and Paola share?",
    "Which cities have both Kate and Elise been to?"): for each fact, the cosine of its statement to the nearest
    statement of another person asked about ("likes football" and "plays football"), else None."""
    groups = [s.people for s in a["people"] if s.people]
    if len(groups) < 2 or not a.get("shared"):
        return None
    whose = np.array([next((k for k, g in enumerate(groups) if r["person"] in g), -1) for r in rows])
    near = mat @ mat.T
    out = np.zeros(len(rows))
    for k in range(len(groups)):
        mine, others = whose == k, (whose != k) & (whose >= 0)
        if mine.any() and others.any():
            out[mine] = near[np.ix_(mine, others)].max(axis=1)
    return out


def _results(memory, hits) -> list[dict]:
    passages = memory.passages([h[0] for h in hits])
    scores = dict(hits)
    return [dict(p, score=round(float(scores[p["passage"]]), 4)) for p in passages]


def _person_activation(memory, sources, info, similar=None) -> dict[int, float]:
    """ACT-R spreading activation from the people named: sum of W_j (S - ln fan_j) over the sources a
    passage is tied to (spoken by them: 1, names them: 0.7), scaled to [0, 1]."""
    if not sources:
        return {}, set()
    total = sum(s.strength for s in sources) or 1.0
    weight = 1.0 / len(sources)
    mentioned = defaultdict(set)
    people = sorted({p for s in sources for p in s.people})
    if people and info:
        for pid, person in (similar or Similar(memory, None)).mentions(people, info):
            mentioned[pid].add(person)
    by_speaker = defaultdict(list)
    for pid, row in info.items():
        by_speaker[row["speaker"]].append(pid)
    holding = _holding(info)
    act, spoken = defaultdict(float), set()
    for s in sources:  # each passage's ties summed in the order of the sources, as one loop over passages would
        said = {pid for speaker in s.speakers for pid in by_speaker.get(speaker, ())}
        # a name not in a text's lower case is not in it: the regex only for those holding it so
        named = ({pid for pid, people in mentioned.items() if s.people & people}
                 | {pid for pid in holding({a.lower() for a in s.aliases}) if s.pattern.search(info[pid]["text"])}) - said
        for pid, tie in [*((pid, 1.0) for pid in said), *((pid, 0.7) for pid in named)]:
            act[pid] += weight * s.strength * tie
        spoken |= said
    return {pid: a * len(sources) / total for pid, a in act.items() if a}, spoken


def _holding(info):
    """A function of forms (in lower case) giving the passages of `info` whose text in lower case holds one of them:
    each form looked for once in all the texts, not in each text."""
    ids = list(info)
    texts = [(info[i]["text"] or "").lower() for i in ids]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    joined = "\0".join(texts)

    def holding(forms) -> set[int]:
        if "" in forms:
            return set(ids)
        found = set()
        for form in forms:
            at = joined.find(form)
            while at >= 0:
                k = bisect.bisect_right(starts, at) - 1
                found.add(ids[k])
                at = joined.find(form, starts[k + 1]) if k + 1 < len(starts) else -1
        return found

    return holding


def _timed(memory, info) -> dict[int, list[tuple[str, str]]]:
    """The time windows each of these passages speaks of (extracted times)."""
    spoken = defaultdict(list)
    if _has_table(memory, "times"):
        for r in store.times_of_passages(memory, list(info)):
            spoken[r[0]].append((r[1], r[2]))
    return spoken


DAY_BESIDE = 2  # days beside a day the question names that still match it, less for each day away


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def _time_match(times, info, spoken) -> dict[int, float]:
    """For passages written in, or speaking of, a time window the question names: the window's weight (1, or
    0.5 for an open one). A day or two named ("on 10.01.2024") also matches what was written the day before
    or after (fully) and two days away (half): a chat runs on past midnight, a day's messages are kept in
    another time zone than they were written in, and people ask by the day they remember. In REALTALK's
    tuned chats 15 of the 37 evidence turns of questions naming a time were written a day or two away
    from it (LoCoMo dev: 9 of 208)."""
    out = {}
    days = [(t, lo, hi) for t in times if t.get("weight", 1.0) == 1.0
            and (lo := _day(t["lo"])) and (hi := _day(t["hi"])) and (hi - lo).days <= 2]
    for pid, row in info.items():
        at = (row["at"] or "")[:10]
        for t in times:
            if (at and t["lo"] <= at < t["hi"]) or any(lo < t["hi"] and t["lo"] < hi for lo, hi in spoken.get(pid, ())):
                out[pid] = max(out.get(pid, 0.0), t.get("weight", 1.0))
        if days and pid not in out and (written := _day(at)):
            for t, lo, hi in days:
                away = (lo - written).days if written < lo else (written - hi).days + 1
                if 1 <= away <= DAY_BESIDE:
                    out[pid] = max(out.get(pid, 0.0), 1.0 - (away - 1) / DAY_BESIDE)
    return out


# -- the answers -----------------------------------------------------------------------------------
_ASKS_WHERE = re.compile(r"\W*where\b", re.I)
_ASKS_WHEN = re.compile(r"\s*(?:when|how long ago|since when|(?:in |on )?what (?:year|month|day|date|time))\b", re.I)


def _their_latest(memory, people) -> str | None:
    """The day the people a question names were last written of: a time said without its year ("in June") is
    the last one before it. In a store of a lifetime, the store's latest day may be years after the last word
    about them (a friend from long ago, another conversation); their own last day is what "June" is counted from,
    as it is in a store that holds only their story. None if the question names no one the store has read."""
    ids = sorted({p for s in people for p in s.people})
    if not ids:
        return None
    latest = store.latest_mention_at(memory, ids)
    return min(latest[:10], dates.now()[:10]) if latest else None


def analyse(memory, question: str) -> dict:
    people = named_people(memory, question)
    asked, unnamed = intents(question), nameless(question, people)
    aggregate = gathers(question) or (NAMELESS_GATHERS and bool(asked) and unnamed)
    scope = _own_scope(memory, people)
    return {"people": people, "scope": scope,
            "times": question_times(memory, question, _their_latest(memory, people), scope[1] if scope else None),
            "when": bool(_ASKS_WHEN.match(question)),
            "intents": asked, "aggregate": aggregate,
            "nameless": unnamed, "shared": bool(SHARED_FORM.search(question)) and _together(question, people),
            # what a category asked by holds ("What sports ...?"), read for questions that gather; "Where ...?" asks for
            # a place, whatever its form
            "members": categories.asked(question) if aggregate else categories.PLACES if _ASKS_WHERE.match(question)
            else frozenset()}


def ask(memory, question: str, limit: int = 10, weights=None) -> dict:
    """Ranked passages for a question, and the people, times and facts that matched it."""
    if not (question or "").strip():
        raise EmptyInput("The question is empty", "Ask something, e.g. \"What did Caroline say about her painting?\"")
    a = analyse(memory, question)
    f = prepare(memory, question, a)
    passages = _fused(memory, f, limit, weights)
    if not (a["people"] or a["times"] or (f["ids"] and f["bm25"].max() > 0)):
        # None of its words is in the store and it names no one and no time ("zzqxv"): only passages that
        # mean much the same answer it, not the least unlike ones.
        passages = _about(memory, question, passages)
    return {
        "question": question,
        "passages": passages,
        "people": [s.as_dict() for s in a["people"]],
        "times": [{k: (None if v in (_BEFORE_ALL, _AFTER_ALL) else v) for k, v in t.items() if k != "weight"}
                  for t in a["times"]],  # an open end is null
        "facts": _person_facts(memory, f) + facts(memory, a["people"], a["times"]),
        "unknown": unknown_names(memory, question, a),
    }


_NAME_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][a-z]+)?\b")


def unknown_names(memory, question: str, a) -> list[str]:
    """Names in the question (capitalised words past its first) that no passage holds: "Zebedee" in
    a store that never says it. The answer is then about other things, and should say so."""
    said = {t.strip('"').lower() for s in a["people"] for al in s.aliases for t in fts_terms(al)}
    said |= {w.lower() for t in a["times"] for w in re.findall(r"\w+", t["text"])}
    out = []
    for m in _NAME_WORD.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(0))
        if m.start() == len(question) - len(question.lstrip()) or word.lower() in said or word.lower() in STOPWORDS:
            continue
        if word not in out and not store.fts_holds(memory, f'"{word}"'):
            out.append(word)
    return out


def facts(memory, sources, times, limit=20) -> list[dict]:
    """What is known about the people named (relations, events), and events in the times named: what
    extraction read, as the owner corrected it (remembrancer/people.py). A fact the owner gave has
    `said`, their correction's id, and no passage. One read less surely than a fact (people.FACT) is
    said as "perhaps", never as a certainty."""
    if not _has_table(memory, "relations"):
        return []
    people = sorted({p for s in sources for p in s.people})
    stated = _stated(memory)
    out = []
    name = {}

    def named(pid):
        if pid not in name:
            name[pid] = store.name_of(memory, pid)
        return name[pid]

    if people:
        rows = [dict(r) for r in store.relations_of_people(memory, people)]
        rows = stated.relations(rows, set(people)) if stated else rows
        for r in sorted(rows, key=lambda r: r.get("said") is None)[:limit]:  # what the owner said first
            maybe = not r.get("said") and perhaps_relation(r.get("confidence"))
            fact = f"{'perhaps ' if maybe else ''}{named(r['subject'])} is the {r['relation']} of {named(r['object'])}"
            out.append({"fact": fact + (" (you said)" if r.get("said") else ""), "kind": "relation",
                        "passage": r["passage"], "said": r.get("said"), "perhaps": maybe,
                        "confidence": round(r["confidence"] if r.get("confidence") is not None else 1.0, 3)})
    hidden = stated.hidden_events() if stated else set()
    redated = stated.redated if stated else {}

    def in_times(at):
        return any(t["lo"] <= at < t["hi"] for t in times)

    events = []
    if people or times:
        for r in store.events_of_or_in(memory, people, [(t["lo"], t["hi"]) for t in times], limit + len(hidden) + len(redated)):
            if r["id"] in hidden:
                continue
            at, said = (redated[r["id"]][0], redated[r["id"]][2]) if r["id"] in redated else (r["at"], None)
            maybe = not said and perhaps(r["kind"], r["confidence"])
            events.append({"fact": f"{'perhaps ' if maybe else ''}{r['kind']}: {r['text']}" + (f" ({at}, you said)" if said else ""),
                           "kind": "event", "at": at, "passage": r["passage"], "said": said, "perhaps": maybe,
                           "confidence": round(r["confidence"], 3)})
    if stated:
        seen = {e["passage"] for e in events}
        for eid, (lo, _, said) in redated.items():  # re-dated into a time asked about
            r = store.event_told(memory, eid)
            if r and eid not in hidden and in_times(lo) and r[0]["passage"] not in seen:
                events.append({"fact": f"{r[0]['kind']}: {r[0]['text']} ({lo}, you said)", "kind": "event", "at": lo,
                               "passage": r[0]["passage"], "said": said, "perhaps": False, "confidence": 1.0})
        for (pid, kind), g in stated.given.items():
            if pid in people or in_times(g["lo"]):
                verb = "born" if kind == "birth" else "died"
                events.append({"fact": f"{named(pid)} {verb} {'in' if len(g['when']) < 10 else 'on'} {g['when']} (you said)",
                               "kind": "event", "at": g["lo"], "passage": None, "said": g["said"], "perhaps": False,
                               "confidence": 1.0})
    events.sort(key=lambda e: e["at"] or "")
    return (out + events[:limit])[:limit]


def _person_facts(memory, f, limit=5) -> list[dict]:
    """The asked person's facts that best match the question ("Kevin plays basketball"), each once, with its passage."""
    n, out, said = names(memory), [], set()
    by_fact = {}
    for passage, (score, what, statement, person) in f.get("fact_passages", {}).items():
        if (person, what) not in by_fact or score > by_fact[person, what][0]:
            by_fact[person, what] = (score, statement, passage)
    for (person, what), (score, statement, passage) in sorted(by_fact.items(), key=lambda kv: -kv[1][0]):
        if len(out) >= limit or score < PERSON_FACT_SIMILARITY:
            break
        out.append({"fact": f"{n.person_names.get(person, '?')} {statement}", "kind": "person", "about": what, "passage": passage})
    return out


# Below this cosine similarity of a question to a fact's statement the fact is not said as an answer.
PERSON_FACT_SIMILARITY = 0.25


def recall(memory, cue: str, limit: int = 10) -> dict:
    """The people and things a cue is tied to, ranked, each with its why: the path and the passages."""
    cue = (cue or "").strip()
    if not cue:
        raise EmptyInput("The cue is empty", "Give a word or phrase, e.g. coffee.")
    passages = _about(memory, cue, rank(memory, cue, limit=limit))
    out = {"cue": cue, "people": [], "things": [], "passages": passages}
    if not _has_table(memory, "person_cues"):
        return out
    n = names(memory)
    forms, heads = _cue_forms(cue)
    # Direct ties, as ACT-R's associative strength S_ji = ln(P(person | cue) / P(person)): a person tied
    # to every cue (a narrator, the "you" of a story) gains nothing from being tied to this one too.
    totals = store.cue_totals(memory)
    everything = sum(totals.values()) or 1.0
    rows = store.person_cues_for(memory, forms, heads)
    rows = [r for r in rows if r["person"] not in n.owners]
    for_cue = sum(r["closeness"] for r in rows) or 1.0
    score: dict[int, float] = defaultdict(float)
    why: dict[int, list[str]] = defaultdict(list)
    evidence: dict[int, list[int]] = defaultdict(list)
    # "the blue bicycle" where only "bicycle" is a cue: the head is the thing meant.
    whole = forms if any(r["cue"] in forms for r in rows) else forms + heads
    for r in rows:
        strength = math.log((r["closeness"] / for_cue) / (totals.get(r["person"], r["closeness"]) / everything))
        exact = r["cue"] in whole
        # Times how closely they are read together (same clause 1.0, sentence 0.6, passage 0.3, summed): a
        # rare person once near the cue has a high strength on little evidence. Plus their share of the
        # cue, which tells people apart where strength cannot (a store of a few entries, all about them).
        share = r["closeness"] / for_cue
        score[r["person"]] += (max(strength, 0.0) * r["closeness"] + 0.5 * share) * (1.0 if exact else 0.5)
        why[r["person"]].append(
            f"{cue} → {r['cue']} (read together {r['count']}×, strength {strength:+.2f}) → {n.person_names.get(r['person'], '?')}")
        evidence[r["person"]].extend(store.cue_evidence(memory, r["person"], r["cue"]))
    # Co-mention: people named in (or speaking) the passages the cue finds, by rank.
    found = [p["passage"] for p in passages]
    if found:
        for r in store.people_in_passages(memory, found):
            if r["person"] in n.owners:
                continue
            # discounted by how many passages name them (their fan), as above
            rarity = math.log(max(n.covers, 2) / max(n.person_fan.get(r["person"], 1), 1)) / math.log(max(n.covers, 2))
            score[r["person"]] += 0.2 * rarity / (1 + found.index(r["passage"]))
            if r["passage"] not in evidence[r["person"]]:
                evidence[r["person"]].append(r["passage"])
    # A name the owner said is not a person (a pet, a place, a thing) stays a cue: it is found among the things.
    kinds = store.things_among(memory, score) if score else {}
    named_things = [{"name": n.person_names[pid], "kind": kinds[pid], "score": round(score[pid], 4),
                     "evidence": memory.passages(evidence[pid][:3])}
                    for pid in sorted(kinds, key=lambda p: -score[p]) if pid in n.person_names]
    people = []
    for pid in [p for p in sorted(score, key=lambda p: -score[p]) if p not in kinds][:limit]:
        if pid not in n.person_names:
            continue
        ev = evidence[pid][:3]
        people.append({
            "name": n.person_names[pid],
            "aliases": sorted(a for a in n.person_aliases[pid] if a != n.person_names[pid]),
            "score": round(score[pid], 4),
            "why": why[pid] or [f"{cue} → passages naming {n.person_names[pid]}"],
            "evidence": memory.passages(ev),
        })
    out["people"] = people
    out["things"] = (named_things + _things(memory, forms + heads, found))[:limit]
    return out


# Below this MiniLM cosine similarity a short cue and a passage share little: on the examples,
# "espresso" against the coffee passage is 0.17, "toronto" against the Toronto turns 0.47-0.54.
CUE_SIMILARITY = 0.3


def _about(memory, cue: str, passages: list[dict]) -> list[dict]:
    """The ranked passages that are about the cue: they hold its words, or mean much the same.
    A store with nothing about it answers nothing, rather than its least unlike passages."""
    if not passages:
        return passages
    ids = [p["passage"] for p in passages]
    terms = fts_terms(cue)
    worded = store.matching_among(memory, " OR ".join(terms), ids) if terms else set()
    near = embed.similarities(memory, embed.embed([cue])[0], [i for i in ids if i not in worded])
    return [p for p in passages if p["passage"] in worded or near.get(p["passage"], 0.0) >= CUE_SIMILARITY]


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|my|our|his|her|their|your|its|this|that|these|those|some)\s+")


def _cue_forms(cue: str) -> tuple[list[str], list[str]]:
    """The cue as extraction writes cues (no leading "the", "my"; singular as well as plural), and, for a
    phrase, its head word's forms ("the blue bicycle": "blue bicycle"; then "bicycle")."""
    c = " ".join(cue.lower().split())
    c = _LEADING_DETERMINER.sub("", c) or c

    def singular(w):
        if w.endswith("ies"):
            return [w, w[:-3] + "y"]
        if w.endswith("es"):
            return [w, w[:-2], w[:-1]]
        return [w, w[:-1]] if w.endswith("s") and not w.endswith("ss") else [w]

    words = c.split()
    forms = [" ".join(words[:-1] + [w]) for w in singular(words[-1])]
    heads = [w for w in singular(words[-1]) if w not in forms] if len(words) > 1 else []
    return forms, heads


def _things(memory, forms, found) -> list[dict]:
    """Other cues read in the same passages as this one, weighted by how rare they are (low fan)."""
    passages = store.passages_with_cue(memory, forms)
    passages = list(dict.fromkeys(passages + found[:5]))
    if not passages:
        return []
    total = store.cued_passage_count(memory) or 1
    counts = defaultdict(set)
    # In order (as SQLite reads them by its index): cues of equal score keep the order first seen, on any backend.
    for r in store.cues_of_passages(memory, passages):
        if r["cue"] not in forms:
            counts[r["cue"]].add(r["passage"])
    fan = {}
    if counts:
        fan = store.cue_fans(memory, counts)
    scored = {c: len(ps) * math.log(1 + total / fan.get(c, 1)) for c, ps in counts.items()}
    return [
        {"name": c, "score": round(s, 4), "evidence": memory.passages(sorted(counts[c])[:3])}
        for c, s in sorted(scored.items(), key=lambda kv: -kv[1])
    ]


# -- by when things happened ------------------------------------------------------------------------
_SINCE = re.compile(r"\b(?:since|ever since)\s+(?:the\s+)?$", re.I)


def timeline(memory, start: str | None = None, end: str | None = None, person: str | None = None, limit: int = 200) -> list[dict]:
    """What happened, ordered by when it happened (times the passages speak of; else the entry's date).

    Each item: {"at", "until", "what", "kind", "passage": passage}. `end` is exclusive."""
    lo = dates.parse(start)[:10] if start else "0000"
    hi = dates.parse(end)[:10] if end else "9999"
    allowed = None
    if person:
        allowed = _person_passages(memory, person)
    items = []
    stated = _stated(memory)
    if _has_table(memory, "times"):
        for r in store.times_between(memory, lo, hi):
            # "meaning to fix it since 2015": how long a state has lasted, not when the passage happened
            if _SINCE.search(r["before"]):
                continue
            if allowed is None or r["passage"] in allowed:
                items.append({"at": r["lo"], "until": r["hi"], "what": r["text"], "kind": "time", "passage": r["passage"]})
        # Events as the owner has them (remembrancer/people.py): none they said is untrue, re-dated ones on
        # their date, and the births and deaths they gave by hand (no passage tells those). A death read unsurely
        # is "perhaps death", not a death.
        hidden = stated.hidden_events() | set(stated.redated) if stated else set()
        for r in store.events_between(memory, lo, hi):
            if r["id"] not in hidden and (allowed is None or r["passage"] in allowed):
                maybe = perhaps(r["kind"], r["confidence"])
                items.append({"at": r["lo"], "until": r["hi"], "what": f"perhaps {r['kind']}" if maybe else r["kind"],
                              "kind": "event", "passage": r["passage"], "perhaps": maybe})
        if stated:
            gone = stated.hidden_events()
            for eid, (elo, ehi, said) in stated.redated.items():
                r = store.event_kind_passage(memory, eid)
                if eid not in gone and r and r[0]["passage"] and lo <= elo < hi and (allowed is None or r[0]["passage"] in allowed):
                    items.append({"at": elo, "until": ehi, "what": r[0]["kind"], "kind": "event", "passage": r[0]["passage"], "said": said})
            mine = find_person(memory, person) if person else None
            for (pid, kind), g in stated.given.items():
                if lo <= g["lo"] < hi and (person is None or pid == mine):
                    name = store.name_of(memory, pid)
                    items.append({"at": g["lo"], "until": g["hi"], "what": f"{kind} of {name} (you said)", "kind": "event",
                                  "passage": None, "said": g["said"], "person": name})
    # Passages that name no day of their own ("yesterday", "last Tuesday") happened when their entry
    # is dated; a month or a year they mention ("moving in August") does not move them: one item an entry.
    timed = set()
    if _has_table(memory, "times"):
        timed = store.day_timed_passages(memory, lo, hi)
    for r in store.entries_between(memory, lo, hi):
        untimed = [p for p in store.passages_in_order(memory, r["id"]) if p not in timed and (allowed is None or p in allowed)]
        if untimed:
            items.append({"at": r["at"], "until": None, "what": "written", "kind": "entry", "passage": untimed[0]})
    items.sort(key=lambda x: (x["at"], x["passage"] or 0))
    items = items[:limit]
    by_id = {p["passage"]: p for p in memory.passages({i["passage"] for i in items})}
    for i in items:
        i["passage"] = by_id.get(i["passage"])
    return items


def _stated(memory):
    """The owner's relations and events (remembrancer/people.py), over what was extracted."""
    if not _has_table(memory, "corrections"):
        return None

    with memory.lock:
        return Stated(memory.conn)


def find_person(memory, name: str) -> int | None:
    with memory.lock:
        return find(memory.conn, name, partial=True)


def _person_passages(memory, name: str) -> set[int]:
    ids = set()
    if _has_table(memory, "people"):
        pid = find(memory.conn, name)
        if pid is not None:
            ids |= store.passages_mentioning(memory, pid)
            aliases = store.aliases_of_person(memory, pid)
            name_forms = set(aliases) | {name}
        else:
            name_forms = {name}
    else:
        name_forms = {name}
    ids |= store.passages_spoken_by(memory, name_forms)
    for form in name_forms:  # named where extraction missed it
        phrase = fts_phrase(form)
        ids |= store.passages_matching(memory, f"text : {phrase}")
    if not ids:
        raise NotFound(f"No one called {name!r} is remembered", "See `remembrancer people` for the names known.")
    return ids


def on_this_day(memory, day: str | None = None) -> list[dict]:
    """What happened on this day of the year in other years (by when it happened), most recent year first."""
    day = dates.parse(day)[:10] if day else dates.now()[:10]
    month_day = day[5:10]
    year = int(day[:4])
    out, seen = [], set()
    for item in timeline(memory, limit=10**9):
        at, until = item["at"][:10], (item["until"] or "")[:10]
        if at[5:10] != month_day or at[:4] == day[:4]:
            continue
        if until and until != (dt.date.fromisoformat(at) + dt.timedelta(days=1)).isoformat():
            continue  # a month or a year is not a day
        key = (item["kind"], at, (item.get("passage") or {}).get("passage"))
        if item["kind"] == "time" and key in seen:
            continue  # "Saturday ... today" in one passage: one memory of that day, not two
        seen.add(key)
        out.append(dict(item, years_ago=year - int(at[:4])))
    out.sort(key=lambda x: (x["years_ago"] < 0, abs(x["years_ago"])))
    from .forgetting import grief_aware  # the hidden left out; birthdays of the dead as "would have turned N"

    return grief_aware(memory, out, day)
