"""The data model shared by the extraction components.

Components are spaCy-style: each has a `name` and a `version`, and is called with an
`Extraction` that it reads and adds to. All offsets are character offsets into the entry's text.
People here are clusters *within one entry*; joining them across entries happens when the
extraction is stored (see `extract/__init__.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mention:
    start: int
    end: int
    person: int  # index into Extraction.people
    kind: str  # "name" | "title" | "role" | "pronoun" | "narrator" | "addressee"
    sign: str | None = None  # what the words here say the name is: "person", "pet", "thing", "place" (extract/kinds.py)


@dataclass
class Person:
    name: str  # canonical name: the fullest form seen ("Ianto Jones")
    aliases: set[str] = field(default_factory=set)  # every surface form, the name included
    mentions: list[Mention] = field(default_factory=list)
    narrator: bool = False  # the entry's "I" (or the "you" of second-person narration)
    gender: str | None = None  # "m" | "f" | None: from honorifics, titles and pronouns
    honorific: str | None = None  # "mr", "mrs", "captain" ... seen before the name, lower case
    confidence: float = 1.0  # how sure this is a person (people.is_person); a speaker, the narrator: 1
    of: str | None = None  # in a chat, the speaker whose kin word names them ("Mam" said by Gemma: "Gemma")
    new: bool = False  # introduced as someone new by a full name ("a physio called Callum Reid"; extract/kinds.py)
    apart: set[str] = field(default_factory=set)  # names the entry says are someone else's ("Not your Grandad Jim, my friend Jim")
    marks: set[str] = field(default_factory=set)  # what words beside their name say they are ("uncle": "pibling"; "from work")


@dataclass
class Relation:
    subject: int  # person index: the one who *is* the relation ("Steven")
    relation: str  # open vocabulary, lower case singular: "grandson", "daughter", "uncle"
    object: int  # person index: the one it is relative to ("Jack")
    start: int  # evidence span
    end: int
    confidence: float = 1.0  # how sure: the share of such readings found right (relations.CONFIDENCE)
    how: str = ""  # the rule that read it ("stated", "kin", "across" ...)


@dataclass
class Cue:
    person: int
    cue: str  # normalised noun phrase: lemma of head with its compounds, lower case ("coffee", "tape measure")
    start: int
    end: int
    closeness: float  # 1.0 same clause, 0.6 same sentence, 0.3 same paragraph


@dataclass
class Event:
    kind: str  # "death" | "birth" | "marriage" | "parting" | "meeting" | "illness" | ...
    people: list[int]
    start: int
    end: int
    lo: str | None = None  # ISO date interval when it happened, if known
    hi: str | None = None
    negated: bool = False  # negated or hypothetical: kept for evidence, never shown as a fact
    agents: list[int] = field(default_factory=list)  # of `people`, those who did it to the others ("killed", "buried")
    confidence: float = 1.0  # how sure that it happened to them (events.confidence)
    date_confidence: float = 1.0  # how sure of [lo, hi)
    date_how: str | None = None  # the evidence for [lo, hi): "sentence:weekday", "next:week_on", "event:death", "entry" ...
    place: str | None = None  # where a move was to ("Bristol")


@dataclass
class Time:
    start: int
    end: int
    text: str
    lo: str  # ISO date or date-time, inclusive
    hi: str  # ISO date or date-time, exclusive
    confidence: float = 1.0  # how sure of the reading (times.CONFIDENCE)
    # what it was read from: the pattern ("weekday", "dmy" ...), and "+told" when placed by a time told before it
    # ("that", a date without its year after one with it), "+counted" when counted from another time
    kind: str = ""


@dataclass
class Feeling:
    start: int  # span the feeling was read from (a passage or a sentence)
    end: int
    valence: float  # -1 .. 1
    emotions: dict[str, float] = field(default_factory=dict)  # "joy", "sadness", "anger", "fear", "trust", ...


@dataclass
class Fact:
    person: int  # person index: whom it is about
    kind: str  # "likes" | "dislikes" | "does" | "works" | "studies" | "has" | "lives" | "plans" | "wants"
    what: str  # what it is about, normalised, lower case: "skiing", "move to leeds", "cat luna"
    statement: str  # short and readable, without the person: "likes skiing", "plans to move to Leeds"
    start: int  # evidence span: the sentence it was read from
    end: int
    lo: str | None = None  # when it holds, if the sentence names a time (ISO interval)
    hi: str | None = None


@dataclass
class Extraction:
    text: str
    at: str | None  # the entry's date (ISO), anchor for relative times
    author: str | None  # who "I" is; None means the owner
    doc: Any = None  # the spaCy Doc of the whole entry
    speakers: list[tuple[int, int, str]] = field(default_factory=list)  # chat turns: (start, end, speaker)
    people: list[Person] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    day_first: bool | None = None  # how "08/05/2023" is read here: the store's setting (None: day-first unless impossible)
    feelings: list[Feeling] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # weak signs of the writer's household (relations `_household`), kept apart from the relations: no rule reads them as
    # a tie, only `extract.imply` weighs them together over all entries. Object -1: a writer the entry does not name
    # ("Brought Aoife to school.": a diary drops its "I"), added to the people once every component has read the entry
    signs: list[Relation] = field(default_factory=list)
    # a chat's: the store's verdicts on its lower-case words it was read with (`chat_store_names`), word -> evidence
    known: dict = field(default_factory=dict)


def text_of(doc) -> str:
    """`doc.text`, built once a doc: spaCy builds it from every token at each read, so a read per event or per
    token of a long section made its understanding quadratic."""
    text = doc.user_data.get("remembrancer.text")
    if text is None:
        text = doc.user_data["remembrancer.text"] = doc.text
    return text
