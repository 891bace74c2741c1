"""Aliases: one person however they are named.

"Ianto" and "Ianto Jones" are one person, so are "Liz" and "Elizabeth Bennet" (nicknames from the
curated list of the `nicknames` package) and "Mr. Bennet" and "John Bennet"; two different full
names are never joined. Within an entry a short name goes to the full name it is part of, and when
several fit, to the one mentioned nearest before it; not when the entry says two bear it ("two Callums"), nor a name
the entry sets against the others of its sentence ("Not your Grandad Jim, my friend Jim, Jim Armstrong"). The same rules (`same_person`) join people
across entries when the extraction is stored.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .base import Extraction, Mention, Person
from .cues import mention_tokens
from .kinds import ANIMALS
from .names import _DIMINUTIVE, _namer, curated_nickname, name_count, nickname_of, short_form  # noqa: F401 (importable here as before)
from ..kin import KIN_ROLE, KINDS, ROLE_TITLES, ROLES, TIE_KINDS, TITLES
from .people import PERSON_KINDS, FEMALE_CLASSES, HONORIFIC_CLASS, HONORIFICS, KIN_NAMES, MALE_CLASSES, ROYAL, group_name, inside, name_gender, quoted, spoken_to, wife_form
from .signed import signed

REGNAL = re.compile(r"[ivx]+")  # "Charles II", "Henry VIII"
# kin words before a name that are only the family's ("Uncle Bob", "Nana Sue"); not those a church gives too ("Father Dan")
FAMILY_WORDS = KIN_NAMES.keys() - {"father", "mother", "sister", "brother"}
# a parent's kin word that is no title, before one name: a teknonym ("Mama Ngozi", "Mummy Tola" is Ngozi's, Tola's
# mother), whose name is the child's; not "Ma", "Pa", "Pop", said before a family's surname ("Ma Joad", "Pop Larkin")
TEKNONYM_WORDS = {w for w, role in KIN_ROLE.items() if role in ("mother", "father")} - HONORIFICS.keys() - {"ma", "pa", "pop"}


@lru_cache(maxsize=1 << 16)
def tokens(name: str) -> tuple[str, ...]:
    """A name's words, lower case, without the honorifics before it: "Mrs. Morel" -> ("morel",)."""
    words = [w.strip(".,").lower() for w in name.replace("’", "'").split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return tuple(words)


@lru_cache(maxsize=1 << 16)
def honorific(name: str) -> str | None:
    """The family-telling honorific a name starts with: "Mrs. Morel" -> "mrs"."""
    first = name.split()[0].strip(".,").lower() if name.split() else ""
    return HONORIFIC_CLASS.get(first)


@lru_cache(maxsize=1 << 16)
def _title(name: str) -> str | None:
    first = name.split()[0].strip(".,").lower() if len(name.split()) > 1 else ""
    return first if first in HONORIFICS else None


def full(name: str) -> bool:
    """A full name has a first name and a surname ("Ianto Jones")."""
    words = tokens(name)
    return len(words) >= 2 and words[0] != "the" and not group_name(name)


def same_person(a: str, b: str, gender_a=None, gender_b=None) -> bool:
    """Could names a and b be one person? Full names must agree (nicknames allowed for the first
    name); a single name must be the first name (or nickname) or the surname of the other."""
    if gender_a and gender_b and gender_a != gender_b:
        return False
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    ha, hb = honorific(a), honorific(b)
    if ha and hb and ha != hb:
        return False  # "Mr. Morel" is not "Mrs. Morel"
    if len(ta) == 1 and len(tb) == 1 and (ha in FEMALE_CLASSES) != (hb in FEMALE_CLASSES) and not name_gender(ta[0]):
        return False  # a bare surname is not a woman's "Mrs. Morel"
    if (len(ta) > 1 and REGNAL.fullmatch(ta[-1]) or len(tb) > 1 and REGNAL.fullmatch(tb[-1])) and ta[-1] != tb[-1]:
        return False  # "Charles II" is neither "Charles" nor "Charles I"
    ra, rb = _title(a), _title(b)
    if (ra in ROYAL or rb in ROYAL) and ra != rb:
        return False  # "King John" is not "Sir John"
    for name, own, other, other_name in ((a, ta, tb, b), (b, tb, ta, a)):
        if honorific(name) == "mrs" and wife_form("mrs", own) and not (honorific(other_name) == "mrs" and len(other) > 1):
            return False  # "Mrs. Newland Archer" is his wife, neither "Newland Archer" nor "Mrs. Archer"
        h, first = honorific(name), other[0]
        if h and len(other) > 1 and name_gender(first) and name_gender(first) != ("f" if h in FEMALE_CLASSES else "m" if h in MALE_CLASSES else name_gender(first)):
            return False  # "Mrs. Archer" is not "Newland Archer" but his mother or wife
    if ta == tb:
        return True
    if "the" in (ta[0], tb[0]) or group_name(a) or group_name(b) or _whose(ta) or _whose(tb) or teknonym(a) or teknonym(b):
        return False  # titles ("the Doctor"), couples, someone's kin ("Gemma's Mam") and a child's parent ("Mama Ngozi")
        # join only their own kind, by equality
    if len(ta) >= 2 and len(tb) >= 2:
        return same_surname(ta[-1], tb[-1]) and len(ta) == len(tb) and all(
            nickname_of(x, y) for x, y in zip(ta[:-1], tb[:-1])) or middle_named(ta, tb) or middle_named(tb, ta)
    (one, one_name), (other, other_name) = ((ta, a), (tb, b)) if len(ta) == 1 else ((tb, b), (ta, a))
    w = one[0]
    titled = one_name.split()[0].strip(".,").lower() in HONORIFICS and len(one_name.split()) > 1
    if len(other) == 1:
        # Two single names: the same, or a nickname unless a title is in the way ("King John" is not "Jack").
        return w == other[0] or _nickname(w, other[0], one_name)
    # A title with a first name ("Uncle John" of "John Smith"), but a titled surname is not the first word
    # of a name given surname first ("Captain Ashburnham" is not "Mrs Ashburnham Leonora").
    first = w == other[0] and (not titled or name_gender(w) or not name_gender(other[-1]))
    return _nickname(w, other[0], one_name) or first or w == other[-1]


def _nickname(a: str, b: str, name: str) -> bool:
    """May first name a, said in `name`, be b by a nickname? Not with a title before it ("King John" is not "Jack"); with a
    kin word, by a curated nickname only: the family says "Uncle Bob" of Robert Hall as it says "Bob", but "Nana Pat" is
    not Dr Patel (and "Father Dan" is a priest's title, not Dana's)."""
    before = name.split()[0].strip(".,").lower() if len(name.split()) > 1 else None
    if before in HONORIFICS.keys() - FAMILY_WORDS:
        return False
    return curated_nickname(a, b) if before in FAMILY_WORDS else nickname_of(a, b)


def same_surname(a: str, b: str) -> bool:
    """One surname, or one of them double-barrelled with the other ("Gallagher", "Gallagher-Dobson")."""
    return a == b or "-" in a + b and (a in b.split("-") or b in a.split("-"))


def double_first(words) -> bool:
    """Could two words be two first names of one sex ("Elin Gwen", "Mary Ann"), a first name and a middle name?"""
    return len(words) == 2 and name_gender(words[1]) is not None and name_gender(words[0]) == name_gender(words[1])


def middle_named(short, long) -> bool:
    """Is `short` `long` without its surname: "Elin Gwen" of "Elin Gwen Evans" (first names, one sex)?"""
    return len(long) > len(short) >= 2 and long[:len(short)] == short and double_first(short[-2:])


def teknonym(name: str) -> bool:
    """Is a name a parent called by their child's name ("Mummy Tola", "Papa Ngozi": not Tola, not Ngozi)? Not by a
    word that is no one's name ("Mama Ibadan", the mama from Ibadan)."""
    words = name.split()
    return len(words) == 2 and words[0].strip(".,").lower() in TEKNONYM_WORDS and words[1][:1].isupper() \
        and name_count(words[1].lower()) > 0


def _whose(words) -> bool:
    """Is a name someone's kin ("Gemma's Mam")?"""
    return any(w.endswith(("'s", "’s")) for w in words[:-1])


def merge(ex: Extraction, groups: list[list[int]]) -> None:
    """Merge people of `ex`: each group's members become one person (the first one's place)."""
    target = {}
    for group in groups:
        for p in group:
            target[p] = group[0]
    keep = [i for i in range(len(ex.people)) if target.get(i, i) == i]
    new_index = {old: n for n, old in enumerate(keep)}
    people = []
    for old in keep:
        person = ex.people[old]
        for other in (g for g in groups if g[0] == old):
            for p in other[1:]:
                q = ex.people[p]
                person.aliases |= q.aliases
                person.apart |= q.apart
                person.mentions += q.mentions
                person.narrator = person.narrator or q.narrator
                person.gender = person.gender or q.gender
                person.honorific = person.honorific or q.honorific
                if len(tokens(q.name)) > len(tokens(person.name)) and not q.name.lower().startswith("the "):
                    person.name = q.name
        person.mentions.sort(key=lambda m: m.start)
        people.append(person)
    ex.people = people
    for n, person in enumerate(ex.people):
        for m in person.mentions:
            m.person = n
    for rel in ex.relations:
        rel.subject = new_index[target.get(rel.subject, rel.subject)]
        rel.object = new_index[target.get(rel.object, rel.object)]
    for item in list(ex.cues) + list(ex.events):
        if hasattr(item, "person"):
            item.person = new_index[target.get(item.person, item.person)]
        if hasattr(item, "people"):
            item.people = [new_index[target.get(p, p)] for p in item.people]


class Aliases:
    """Join the people of an entry who are one person under several names."""

    name = "aliases"
    version = "34"  # 34: chatwriter25 (the first names of two chat speakers' labels are two people, though one is a nickname of the other: "Chris" of "Chris Lee", "Christine" of "Christine Tan", `_speakers_first_names`); 33: (the lead) both 32 and writermerge24's 32; 32: writermerge24 (a name said as shared, "Gran was Margaret too, Margaret Doyle", is no one else's named in its sentence: not the writer's "Maggie", `_shared_too`); 32: variants24 (`names.nickname_of`: a shortened curated nickname is said as the nickname is, "Bec" of Becca, Becky: Rebecca, `nickname_stem`; and one name spelt with another ending, "Hayley", "Hayleigh", `spelt_otherwise`); 31: kinjoin23 (a middle name given after the writer's parent is the parent's name:
    # "Lily Joan Shah. Joan, after Mum.", `_named_after_kin`); 30: grandtitle22 (a grandparent's kin word is at odds with a child, grandchild, sibling, cousin or
    # nibling tie: "Nana Rose" and "my daughter Rose" are two, `_elder_and_younger`); 29: titles21 (a first name said alone after a titled surname is theirs: "We lost Mr Whitworth. Dennis.", `_first_named_after`; a name named beside another of its form, or done to by it, is another: "Granny Pat and my cousin Pat", "Pat drove Granny Pat home", `_named_as_two`, `_doer_and_done_to`); 28: kinwords20 (kin.py: more kin titles beside a name, "Tanty Merle", "Opanyin Kwaku Asante"); 27: (the lead) both 26 and merges19's 26; 26: merges19 (a parent's kin word before one name is a teknonym, the child's name, not the parent's: "Mama Ngozi", "Mummy Tola" join neither Ngozi nor Tola, `teknonym`; not by a word that is no name, "Mama Ibadan"); 26: kinbeside19 (a kin word opening a sentence and a name set beside it between commas are one: "Mam, Gwenllian Pugh, was born in Bala", `_kin_apposed`; "as" what others call them reaches further: "Dad, or Kevin as the blokes at the RSL call him"); 25: peopleprec17 (a bracket holding only another name of the entry, or the writer's kin word of the one the entry calls by it, is the name's before it: "Dad (Colin)", "Pauline (that's Mum)", "Nanna Jean (my mum)", `_bracketed`); 24: people15 (a name set after a person's with whom it is theirs to is theirs: "Jonathan Mbeki, JJ to his mates", "Theodora (Teddy for short)", `_called_to`); 23: (deaths13) a young size is at odds with an elder's kin word ("Little Joe", "Grandad Joe"); 22: a title of courtesy ("Miss Jemima") is no mark at odds with kin (LitBank lost a character by it); 21: both of 20 (namesakes9: the marks beside a name set namesakes apart, `marked_apart`; people9: the writer's parent's kin word and what the children call them are one ("Dad, Grandad to my
    # three", "the kids call him Grandpa Ray": `_called_by_the_children`)); 16: a name "she" is given goes to no one when someone unnamed ("a girl", "the puppy") is said between;
    # 17: two speakers of a chat under two labels are never one; 18: a kin word before a name is no title in the way of a
    # nickname ("Uncle Bob" of Robert Hall), and "-i" is a pet ending ("Ruki" of Rukhsana); 19: a bare title said to someone
    # in quoted words ("Pastor, I think it's time") is not the one named with that title ("Pastor Anne"); 20: one name said
    # with words that set two apart is two people ("Uncle Jim ... Jim from next door", `_split_namesakes`)

    def __call__(self, ex: Extraction) -> Extraction:
        _split_contrasted(ex)
        after = _named_after_kin(ex)
        people = ex.people
        given = _names_given(ex)
        named_to = _called_to(ex)
        apart = _set_apart(ex) | _two_speakers(ex) | _speakers_first_names(ex) | _titles_spoken_to(ex)
        split = _split_namesakes(ex)
        apart |= split
        for s, o in apart:
            people[s].apart |= people[o].aliases | {people[o].name}
        longs = [i for i, p in enumerate(people) if full(p.name)]
        # Full names that are the same person ("Captain Jack Harkness" trimmed, nickname forms).
        groups: dict[int, int] = {}
        for a in longs:
            for b in longs:
                if a < b and b not in groups and same_person(people[a].name, people[b].name, _g(people[a]), _g(people[b])):
                    groups[b] = groups.get(a, a)
        # A short name goes to the one full name it belongs to; when several fit, it stays apart.
        classes = {l: {honorific(a) for a in people[l].aliases} - {None} for l in longs}
        ambiguous = set()
        seen = {}
        for s, p in enumerate(people):
            seen.setdefault((tokens(p.name), honorific(p.name)), []).append(s)
        twos = _said_twice(ex.text)
        greeted = _greeted(ex)
        for s, p in enumerate(people):
            if s in longs or p.name.lower().startswith("the ") or group_name(p.name) or s == greeted \
                    or any(s == n for _, n in after):  # a name given after the writer's parent is the parent's
                continue  # nor the one a letter opens on ("Callum,"), who is not the Callum Reid it tells of
            # (namesakes the words beside them set apart count as two: "Jarndyce and Jarndyce" said as two joins neither)
            if len([x for x in seen[tokens(p.name), honorific(p.name)] if (s, x) not in apart - split]) > 1 or len(tokens(p.name)) == 1 and tokens(p.name)[0] in twos:
                ambiguous.add(s)  # two kept apart under one name ("Jarndyce and Jarndyce"): neither joins
                continue
            fits = [l for l in longs if l not in groups and (s, l) not in apart and same_person(p.name, people[l].name, _g(p), _g(people[l]))]
            mine = {honorific(a) for a in p.aliases} - {None}
            # A full name takes one family honorific: "Miss Elliot" and "Lady Elliot" are two people.
            fits = [l for l in fits if not mine or not classes[l] or mine <= classes[l]]
            if mine:  # "Mrs. Reed" may be Georgiana Reed's mother, "Mr. Wilcox" Charles Wilcox's father;
                # a title with a first name ("Uncle John") is not a surname's
                fits = [l for l in fits if mine <= classes[l] or tokens(p.name)[0] == tokens(people[l].name)[0]]
            if len(fits) == 1:
                groups[s] = fits[0]
                classes[fits[0]] |= mine
            elif fits:
                ambiguous.add(s)
        # A kin word alone ("I miss you, Grandpa.") is the one person called by it with a name ("Grandpa Arthur");
        # not the one a letter is signed with ("Love,\nGrandad" to the children who call another "Grandad Jim"): the writer.
        signer = signed(ex.text)
        for s, p in enumerate(people):
            word = p.name.lower()
            if signer and any(m.start < signer[1] and signer[0] < m.end for m in p.mentions):
                continue
            if word in KIN_NAMES and s not in groups:
                called = {_root(groups, i) for i, q in enumerate(people) if i != s and any(
                    len(a.split()) > 1 and a.split()[0].lower() == word for a in q.aliases)}
                if len(called) == 1 and s not in called and (s, next(iter(called))) not in apart:
                    groups[s] = called.pop()
                    ambiguous.discard(s)
        # Single names that are nicknames of each other ("Liz", "Elizabeth"), when unambiguous: a
        # surname several full names share ("Elliot" of Walter and Anne Elliot) joins none.
        singles = [i for i, p in enumerate(people) if i not in groups and i not in longs and i not in ambiguous
                   and not p.name.lower().startswith("the ") and not group_name(p.name)]
        for a in singles:
            fits = [b for b in singles if b != a and b not in groups and a not in groups and (a, b) not in apart and same_person(people[a].name, people[b].name, _g(people[a]), _g(people[b]))]
            if len(fits) == 1 and fits[0] > a:
                groups[fits[0]] = a
        # A name said to be someone's name is theirs: "Margaret, which was Mum's name", "Mum's name was Margaret".
        for owner, named in _names_said(ex) + given + _pronoun_named(ex) + _called_by_the_children(ex) + named_to + _bracketed(ex) \
                + _kin_apposed(ex) + _first_named_after(ex) + after:
            a, b = _root(groups, owner), _root(groups, named)
            if a != b:
                groups[b] = a  # into the one whose name it is ("Mum", who stays "Mum")
        merged: dict[int, list[int]] = {}
        for member in groups:
            root = _root(groups, member)
            merged.setdefault(root, [root]).append(member)
        if merged:
            merge(ex, list(merged.values()))
        return ex


NAMING = {"call", "name", "nickname", "christen", "dub"}
CONTRAST_AFTER = {"my", "your", "his", "her", "our", "their", "the"}


def _contrasted(ex: Extraction):
    """(person, mention) for each name said after "not": "Not your Grandad Jim", "not Tom Hughes"."""
    for s, p in enumerate(ex.people):
        for m in p.mentions:
            if m.kind not in ("name", "title"):
                continue
            span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.start == 0:
                continue
            k = span.start - 1
            if ex.doc[k].lower_ in CONTRAST_AFTER and k > 0:
                k -= 1
            if ex.doc[k].lower_ == "not":
                yield s, m, span


def _split_contrasted(ex: Extraction) -> None:
    """A name set against another form of itself in its paragraph is someone else: in "Not your Grandad Jim, my friend
    Jim", the bare "Jim"s of the paragraph are not Grandad Jim (the people layer made them one by the name they share)."""
    if ex.doc is None:
        return
    for s, m, span in list(_contrasted(ex)):
        person, said = ex.people[s], ex.text[m.start:m.end]
        a = ex.text.rfind("\n\n", 0, m.start) + 1
        b = ex.text.find("\n\n", m.end)
        b = len(ex.text) if b < 0 else b
        others = [n for n in person.mentions if a <= n.start < b and n.kind == "name" and ex.text[n.start:n.end] != said]
        if not others:
            continue
        q = len(ex.people)
        surface = ex.text[others[0].start:others[0].end]
        ex.people.append(Person(name=surface, aliases={ex.text[n.start:n.end] for n in others}, mentions=others,
                                gender=person.gender, confidence=person.confidence))
        person.mentions = [n for n in person.mentions if n not in others]
        person.aliases = {ex.text[n.start:n.end] for n in person.mentions if n.kind in ("name", "title")} or person.aliases
        if person.name not in person.aliases:
            person.name = max(sorted(person.aliases), key=lambda n: len(tokens(n)))
        for n in others:
            n.person = q


def _set_apart(ex: Extraction) -> set[tuple[int, int]]:
    """(person, other) pairs the entry says are two: a name said after "not" ("Not your Grandad Jim, my friend Jim, Jim
    Armstrong", "not Tom Hughes but Tom Price") is no one else named in its sentence."""
    if ex.doc is None:
        return set()
    out = set()
    for s, m, span in _contrasted(ex):
        sent = span.sent
        out |= {(s, o) for o, q in enumerate(ex.people) if o != s and any(
            n.kind in ("name", "title") and sent.start_char <= n.start < sent.end_char for n in q.mentions)}
    return out | {(o, s) for s, o in out} | _shared_too(ex)


def _shared_too(ex: Extraction) -> set[tuple[int, int]]:
    """(person, other) pairs a name said as shared sets apart (writermerge24): "Everyone calls me Maggie but Gran was
    Margaret too, Margaret Doyle": the name after "was" or "is" with "too" or "as well" (and one set beside it after a
    comma) is someone's who shares it, no one else named in its sentence."""
    doc, out = ex.doc, set()
    at = {m.start: (p, m) for p, q in enumerate(ex.people) for m in q.mentions if m.kind == "name"}
    for p, m in at.values():
        before = ex.text[:m.start].rstrip().rsplit(None, 1)
        after = ex.text[m.end:m.end + 12].lower()
        if not before or before[-1].lower() not in ("was", "is", "were") or not re.match(r"\s+(?:too|as well)\b", after):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        tail = re.match(r"\s+(?:too|as well)\s*,\s*", ex.text[m.end:])
        shared = {p} | ({at[m.end + tail.end()][0]} if tail and m.end + tail.end() in at else set())
        others = {o for o, q in enumerate(ex.people) if o not in shared and any(
            n.kind in ("name", "title") and sent.start_char <= n.start < sent.end_char for n in q.mentions)}
        out |= {(a, o) for a in shared for o in others}
    return out | {(o, s) for s, o in out}


# Titles and role words said alone to someone ("Doctor, is it bad?", "Pastor, ...", "Father, ..."); not a family word
# ("Grandpa, look!" is the one the family calls Grandpa), but "father" and "sister" also name a priest and a nun.
BARE_TITLES = frozenset(w for w in set(HONORIFICS) | set(TITLES) | ROLE_TITLES if w not in KIN_NAMES or w in ROLE_TITLES)


def bare_title(name: str) -> str | None:
    """The title or role word a name is, alone ("Pastor", "Doctor"), in lower case."""
    words = name.strip(".,").lower().split()
    return words[0] if len(words) == 1 and words[0] in BARE_TITLES else None


def titled(name: str, title: str) -> bool:
    """Is a name that title with a name ("Pastor Anne" of "pastor", "Dr. Patel" of "dr")?"""
    words = name.lower().split()
    return len(words) > 1 and words[0].strip(".,") == title


def _titles_spoken_to(ex: Extraction) -> set[tuple[int, int]]:
    """(person, other) pairs of a bare title said to someone in quoted words ("Pastor, I think it's time," Bev said) and
    one named with that title ("Pastor Anne"): the title names the one spoken to, whom the words do not name."""
    if ex.doc is None:
        return set()
    quotes, out = quoted(ex.text), set()
    for s, p in enumerate(ex.people):
        title = bare_title(p.name)
        if title is None or not any(m.kind in ("name", "title") and inside(m.start, quotes) and (
                span := ex.doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and spoken_to(ex.doc, span)
                for m in p.mentions):
            continue
        out |= {(s, o) for o, q in enumerate(ex.people) if o != s and any(titled(a, title) for a in q.aliases | {q.name})}
    return out | {(o, s) for s, o in out}


SIZES = {"big", "little", "wee", "young", "old", "small", "tall", "auld"}  # "Big Tom and Little Tom"
FRIENDS = {"friend", "mate", "pal", "buddy", "bestie", "best friend"}
AT_HOME = {"door", "upstairs", "downstairs", "road", "street"}  # "from next door", "from over the road"
AT_WORK = {"work", "office", "job"}
# said right after a name, however it is parsed ("Jim from next door helped me")
AT_HOME_SAID = re.compile(r"\s+(?:from\s+|at\s+)?(?:next[ -]door|over the road|across the road|upstairs|downstairs)\b")
AT_WORK_SAID = re.compile(r"\s+from\s+(?:work|the office)\b")  # not "at work": where one is ("rang Andy at work")


@lru_cache(maxsize=1 << 12)
def tie(word: str) -> str | None:
    """What a word beside a name says someone is: a kind of tie ("uncle", "aunty": "pibling"; "coworker": "colleague";
    "mate": "friend"), a role or title ("coach", "nurse", "dr"), or their size or age ("big", "wee"). Not "Mr" or "Mrs",
    which say only a sex."""
    w = word.lower().strip(".,")
    if w in FRIENDS:
        return "friend"
    kind = TIE_KINDS.get(w) or KINDS.get(w) or KINDS.get(KIN_ROLE.get(w, ""))
    if kind:
        return kind
    if w.endswith("-in-law") and (kind := TIE_KINDS.get(w[:-7])):
        return f"{kind}-in-law"
    if w in SIZES or w in ROLES or w in ROLE_TITLES or w in HONORIFICS and w not in HONORIFIC_CLASS:
        return w
    return None


def name_marks(name: str) -> set[str]:
    """The mark a name carries in its first word ("Uncle Jim": "pibling", "Coach Mike": "title coach")."""
    words = name.split()
    if len(words) < 2 or words[0].lower().rstrip(".") in COURTESY or not (t := tie(words[0])):
        return set()
    return {f"title {t}" if _sort(t) == "role" else t}


# Titles of courtesy say no role, so nothing at odds with kin: "Miss Jemima" is "sister Jemima" to Miss Pinkerton.
COURTESY = {"mr", "mrs", "miss", "ms", "mx", "mister", "missus", "master", "madam", "madame"}


BEFORE_SAID = re.compile(r"([A-Za-z][A-Za-z'-]*)\s+\Z")
FROM_SAID = re.compile(r"\s+from\s+(?:the\s+|my\s+|our\s+)?([a-z]+)\b(?:\s+(?:next\s+door|over the road)\b)?")
# a name that opens its sentence or question ("Is Ruth from the shop coming?"), or its clause ("... and Joe from work")
OPENS = re.compile(r"(?:\A|[.!?\n]\s*|\b(?i:is|was|has|did|does|will|can|could|and|but|so|then)\s+|\A\s*)\Z")
KIN_AFTER_SAID = re.compile(r" ([a-z]+)\b")
KIN_AFTER_NAME = {"uncle", "aunty", "auntie", "aunt"}  # said after a name in Indian and South African English
BESIDE_SAID = re.compile(r",\s*(?:my|our|his|her|their|the)\s+([a-z][a-z-]+(?:\s+friend)?)\b")


def said_marks(text: str, start: int, end: int) -> set[str]:
    """The marks of a name said at text[start:end] that its words alone show, with no parse (the store reads them again
    from its entries): its first word ("Uncle Jim"), a word before it ("cousin Dave", "Wee Callum"), a noun set beside it
    ("Kate, my goddaughter"), a kin word after it ("Ramesh uncle"), next door or work right after it ("Jim from next door", "Joe from work"), and where else
    one is from when the name opens its sentence ("Bill from the allotments brought round a marrow"; "Fetched Andy from
    the airport" says where he was)."""
    out = name_marks(text[start:end])
    if (before := BEFORE_SAID.search(text, max(0, start - 20), start)) and (t := tie(before.group(1))) and (
            before.group(1).islower() or before.group(1).lower() in SIZES):
        out.add(t)
    if (after := KIN_AFTER_SAID.match(text, end)) and after.group(1) in KIN_AFTER_NAME and (t := tie(after.group(1))):
        out.add(t)  # "Ramesh uncle", "Ravi bhai" (Indian English)
    if AT_HOME_SAID.match(text, end):
        out.add("neighbour")
    elif AT_WORK_SAID.match(text, end):
        out.add("colleague")
    elif (beside := BESIDE_SAID.match(text, end)) and (t := tie(beside.group(1))):
        out.add(t)
    elif (at := FROM_SAID.match(text, end)) and OPENS.search(text, max(0, start - 8), start):
        # "Bill from the allotments brought round a marrow", not "Fetched Andy from the airport"
        words = at.group(0).split()[1:]
        out.add("neighbour" if AT_HOME & set(words) else f"at {at.group(1)}")
    return out


def marked_place(marks) -> bool:
    return any(m.startswith("at ") for m in marks)


def _mention_marks(doc, m, text: str) -> set[str]:
    """What the words beside one mention of a name say the one named is: its own first word ("Uncle Jim", "Big Tom"), a
    word before it ("cousin Dave", "my coworker Linda", "Wee Callum"), a noun set beside it ("Kate, my goddaughter"),
    where they are from or at ("Jim from next door": "neighbour"; "Joe from work": "colleague"; "Bill from the
    allotments": "at allotment")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    out = said_marks(text, m.start, m.end)  # the entry's text: spaCy builds `doc.text` from every token at each call
    root = span.root
    for child in root.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.text.islower() and (t := tie(child.lemma_)):
            out.add(t)  # "Pat (my mum)", not "Andy, she meant, not Dad"
        elif child.dep_ == "prep" and child.lower_ == "from" and root.dep_ in ("nsubj", "nsubjpass"):
            # "Bill from the allotments brought round a marrow", not "picked Andy up from the airport"
            objs = [c for c in child.subtree if c.pos_ in ("NOUN", "ADV", "PROPN") and c.i > child.i]
            if any(c.lower_ in AT_HOME for c in objs):
                out.add("neighbour")
            elif objs and objs[0].lower_ in AT_WORK:
                out.add("colleague")
            elif objs and objs[0].pos_ == "NOUN" and not marked_place(out):
                out.add(f"at {objs[0].lower_}")
        elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in AT_HOME | {"next"}:
            out.add("neighbour")  # "Jim next door"
    return out


def marked_apart(a: set, b: set) -> bool:
    """Do two sets of marks (`said_marks`) say two people: both said, none in common, and two of them at odds? Kin is at
    odds with a tie that is not kin, a friend, a place one is from and a title ("Uncle Jim" and "Jim from next door", "my
    friend Jim", "Jim from the allotments", "Coach Jim"), not with other kin (two of the family call one person by two
    kin words: "Auntie Ruki" is the writer's sister) nor with what one does ("Patricia, 20, shop assistant" is Mum);
    two ties that are not kin are at odds ("Jim next door", "Jim from work"), two titles ("Coach Mike", "Dr Mike"), and
    two sizes ("Big Tom", "Little Tom"), and a young size with an elder's kin word ("Little Joe", "Grandad Joe")."""
    return bool(a and b and not a & b) and any(_at_odds(x, y) for x in a for y in b)


# A size that says young, and a kin word one says of an elder: "Little Joe" and "Grandad Joe" are a boy and his grandad
YOUNG = {"little", "wee", "young", "small"}
ELDERS = {"grandparent", "parent", "pibling"}


# A grandparent's kin word and a tie the writer's own generation or a younger one holds: "Nana Rose" and "my daughter
# Rose", "Granny Pat" and "my cousin Pat", "Grandpa Frank" and "my brother Frank" are two (grandtitle22)
NOT_GRANDPARENT = {"child", "grandchild", "sibling", "cousin", "nibling"}


def _elder_and_younger(x: str, y: str) -> bool:
    return "grandparent" in (x, y) and bool({x, y} & NOT_GRANDPARENT)


def _at_odds(x: str, y: str) -> bool:
    if {x, y} & YOUNG and {x, y} & ELDERS or _elder_and_younger(x, y):
        return True
    kinds = {_sort(x), _sort(y)}
    if "size" in kinds or "role" in kinds:
        return kinds in ({"size"}, set())
    if "kin" in kinds:
        return len(kinds) == 2
    return kinds in ({"tie"}, {"title"})


def _sort(mark: str) -> str:
    if mark in KIN_KINDS or mark.endswith("-in-law"):
        return "kin"
    if mark in ("neighbour", "colleague", "roommate"):
        return "tie"
    if mark == "friend":
        return "friend"
    return "place" if mark.startswith("at ") else "title" if mark.startswith("title ") else "size" if mark in SIZES else "role"


KIN_KINDS = set(TIE_KINDS.values()) - {"friend", "colleague", "neighbour", "roommate"}


def _split_namesakes(ex: Extraction) -> set[tuple[int, int]]:
    """Two people the people layer made one by the name they share, whom the words beside the name set apart: "Uncle Jim
    died in 2010. Jim from next door helped me", "Aunt Linda and my coworker Linda", "Coach Mike ... Uncle Mike". Each
    mention so marked goes with the earlier ones its marks agree with, a mention with no mark with the one before it; a
    group of its own is a person of its own. Returns the (person, other) pairs made, which are two. Every person's marks
    are kept (`Person.marks`), for the store's joins."""
    if ex.doc is None:
        return set()
    out = set()
    for s in range(len(ex.people)):
        person = ex.people[s]
        if person.narrator:
            continue
        said = [m for m in person.mentions if m.kind in ("name", "title")]
        groups = []  # [marks, mentions]
        last = None
        for m in sorted(said, key=lambda m: m.start):
            marks = _mention_marks(ex.doc, m, ex.text)
            if marks:
                # not with a mention this one is named beside as another: "Granny Pat and my cousin Pat"
                # or the one its verb is done to: "Pat drove Granny Pat home"
                fit = [g for g in groups if not any(_named_as_two(ex.text, n, m) or _doer_and_done_to(ex.doc, n, m)
                                                    for n in g[1])]
                last = next((g for g in fit if g[0] & marks), None) or next(
                    (g for g in fit if not marked_apart(g[0], marks)), None)
                if last is None:
                    last = [set(), []]
                    groups.append(last)
                last[0] |= marks
            elif last is None:
                last = [set(), []]
                groups.append(last)
            last[1].append(m)
        groups = [g for g in groups if g[1]]
        person.marks |= set().union(*(g[0] for g in groups)) if len(groups) == 1 else groups[0][0]
        if len(groups) < 2:
            continue
        person.mentions = [m for m in person.mentions if m not in sum((g[1] for g in groups[1:]), [])]
        person.aliases = {ex.text[m.start:m.end] for m in groups[0][1]}
        if person.name not in person.aliases:
            person.name = max(sorted(person.aliases), key=lambda n: len(n.split()))
        made = [s]
        for marks, mentions in groups[1:]:
            q = len(ex.people)
            names = {ex.text[m.start:m.end] for m in mentions}
            ex.people.append(Person(name=max(sorted(names), key=lambda n: len(n.split())), aliases=names, mentions=mentions,
                                    gender=person.gender, confidence=person.confidence, marks=set(marks)))
            for m in mentions:
                m.person = q
            made.append(q)
        out |= {(a, b) for a in made for b in made if a != b}
    # and two people of the entry whose names fit, each marked otherwise ("Aunt Linda and my coworker Linda") or said as
    # two ("Auntie Jean and Jean Paterson")
    out |= {(a, b) for a, p in enumerate(ex.people) for b, q in enumerate(ex.people) if a != b and not p.narrator
            and not q.narrator and same_person(p.name, q.name, _g(p), _g(q)) and (
                marked_apart(p.marks, q.marks) or _said_as_two(ex.text, p, q))}
    for a, b in out:
        ex.people[a].apart |= ex.people[b].aliases | {ex.people[b].name}
    return out


# What stands between two names said as two: "and", "or", "&" ("Big Tom and Little Tom"; not a comma: "my friend Jim,
# Jim Armstrong" is one), or "and" with a tie word ("Granny Pat and my cousin Pat"). One reading for an entry
# (`_named_as_two`) and for the store (`extract._said_as_two`).
TWO_BETWEEN = r",?\s+(?:and|or|&)\s+"
KIN_TWO_BETWEEN = r"\s+(?:and|&)\s+(?:my|our|his|her|their|your)\s+[a-z-]+\s+"
AS_TWO = re.compile(TWO_BETWEEN + r"\Z")


def _said_as_two(text: str, p, q) -> bool:
    """Are two people named one after the other as two ("Auntie Jean and Jean Paterson", "Big Tom and Little Tom")?"""
    return any(_named_as_two(text, m, n) for m in p.mentions for n in q.mentions)


def _named_as_two(text: str, m, n) -> bool:
    """Are two mentions named one after the other as two ("Granny Pat and my cousin Pat": "and", then at most "my
    cousin")?"""
    if m.kind != "name" or n.kind != "name":
        return False
    m, n = (m, n) if m.end <= n.start else (n, m)
    between = text[m.end:n.start]
    return 0 < n.start - m.end < 8 and bool(AS_TWO.match(between)) or bool(AS_KIN_TWO.match(between))


def _doer_and_done_to(doc, m, n) -> bool:
    """Are two mentions the subject and the object of one verb ("Pat drove Granny Pat home"): two people (one who does
    a thing to themself says "herself")?"""
    a, b = (doc.char_span(x.start, x.end, alignment_mode="expand") for x in (m, n))
    if a is None or b is None or not len(a) or not len(b):
        return False
    ra, rb = a.root, b.root
    while ra.dep_ == "compound" and ra.head != ra:  # the parser's "Granny Pat home": a compound of "home"
        ra = ra.head
    while rb.dep_ == "compound" and rb.head != rb:
        rb = rb.head
    return ra.head == rb.head and ra.head.pos_ in ("VERB", "AUX") and {ra.dep_, rb.dep_} in (
        {"nsubj", "dobj"}, {"nsubj", "dative"})


AS_TWO_BETWEEN = rf"(?:{TWO_BETWEEN}|{KIN_TWO_BETWEEN})"
AS_KIN_TWO = re.compile(KIN_TWO_BETWEEN + r"\Z")


def _two_speakers(ex: Extraction) -> set[tuple[int, int]]:
    """(person, other) pairs who speak in the chat under two labels ("Sam", "Samuel"): a chat calls each speaker the same
    way every time, so two labels are two people, whatever their names' fit."""
    labels = {sp for _, _, sp in ex.speakers if sp}
    if len(labels) < 2:
        return set()
    under = {i: {n for n in p.aliases | {p.name} if n in labels} for i, p in enumerate(ex.people)}
    return {(a, b) for a in under for b in under if a != b and under[a] and under[b] and not under[a] & under[b]}


def _speakers_first_names(ex: Extraction) -> set[tuple[int, int]]:
    """(person, other) pairs each called by the first name of a chat speaker the other's name is not the first name of
    ("Chris" of the label "Chris Lee", "Christine" of "Christine Tan"): two speakers, two people, though one name is a
    nickname of the other (chatwriter25)."""
    labels = {sp for _, _, sp in ex.speakers if sp}
    if len(labels) < 2:
        return set()
    firsts = {i: {sp for sp in labels for n in p.aliases | {p.name} if len(n.split()) == 1 and sp.split()[0].lower() == n.lower()}
              for i, p in enumerate(ex.people)}
    return {(a, b) for a in firsts for b in firsts if a != b and firsts[a] and firsts[b] and not firsts[a] & firsts[b]}


GREETING = re.compile(r"\A\s*(?:(?:hi|hiya|hello|hey|dear|dearest|my dear)\s+)?([A-Z][A-Za-z'’-]+)[ \t]*[,!]*[ \t]*\r?\n", re.I)
# "two Callums", "the other Callum", "another Jean": the entry says two people share the name.
TWO_OF = re.compile(r"\b(?:(?:two|three|four|both|other)\s+([A-Z][a-z]+)s|(?:the other|another)\s+([A-Z][a-z]+))\b")


def _greeted(ex: Extraction) -> int | None:
    """The person a letter opens on, alone on its first line ("Callum,", "Dear Callum,", "CALLUM!!")."""
    m = GREETING.match(ex.text)
    if m is None:
        return None
    return next((i for i, p in enumerate(ex.people) if any(x.start == m.start(1) for x in p.mentions)), None)


def _said_twice(text: str) -> set[str]:
    """The first names an entry says two people bear, in lower case."""
    return {(m.group(1) or m.group(2)).lower() for m in TWO_OF.finditer(text)}


def _names_given(ex: Extraction) -> list[tuple[int, int]]:
    """A name a relative clause or participle gives a person is theirs: "Nell, whom everyone called
    Nettle", "Nell, who was called Nettle", "Nell, nicknamed Nettle", "Nell, known as Nettle". Not
    "Nell, who called Tom": the person must be the one named. A name no one else has becomes a mention
    and alias of theirs; (person, person) pairs are returned for a name that is a person already."""
    if ex.doc is None:
        return []
    at, out = mention_tokens(ex), []
    for t in ex.doc:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or t.dep_ not in ("relcl", "acl") or t.head.i not in at or lemma not in NAMING | {"know"}:
            continue
        if t.dep_ == "relcl":
            rel = next((c for c in t.children if c.lower_ in ("who", "whom", "that") and (
                c.dep_ == "nsubjpass" or c.dep_ == "dobj" and any(d.dep_ == "nsubj" for d in t.children))), None)
            if rel is None:
                continue
        elif t.tag_ != "VBN":
            continue  # "Nell, calling Tom"
        if lemma == "know":  # "known as Nettle"
            named = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
        else:
            named = [c for c in t.children if c.dep_ in ("oprd", "dobj", "attr", "xcomp") and c.lower_ not in ("who", "whom", "that")]
        if len(named) != 1 or named[0].pos_ != "PROPN":
            continue
        word, owner = named[0], at[t.head.i]
        if word.i in at:
            if at[word.i] != owner:
                out.append((owner, at[word.i]))
            continue
        first = word.i
        while first > 0 and ex.doc[first - 1].dep_ == "compound" and ex.doc[first - 1].pos_ == "PROPN" and ex.doc[first - 1].head.i == word.i:
            first -= 1
        _give_name(ex, at, owner, ex.doc[first:word.i + 1].text)
    return out


def _give_name(ex, at, owner, name):
    """Give `name` to person `owner`, and every later unclaimed saying of it too ("... Nettle was happy": her too)."""
    person = ex.people[owner]
    person.aliases.add(name)
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", ex.text):
        found = ex.doc.char_span(m.start(), m.end())
        if found is not None and not any(w.i in at for w in found):
            person.mentions.append(Mention(m.start(), m.end(), owner, "name"))
            at.update((w.i, owner) for w in found)
    person.mentions.sort(key=lambda m: m.start)


PRONOUN_SEX = {"him": "m", "he": "m", "her": "f", "she": "f"}
# Someone or something unnamed said between the named person and the pronoun: the name may be given to them.
NEWCOMERS = PERSON_KINDS | ANIMALS | {"daughter", "son", "grandson", "granddaughter", "niece", "nephew", "twin", "twins"}


def _pronoun_named(ex: Extraction) -> list[tuple[int, int]]:
    """A name "he" or "she" is given is theirs when one person of that sex is named just before: "Your granny, Maureen,
    ... Everybody calls her Mo", "Her husband Tom ... and he wants to be called Pop", "She was called Dot by everyone". Not
    "I called her Monday", nor a kin word alone said to her ("I'll call her Mum"): what one phones or says. A name that is
    no one's yet becomes a mention and alias of theirs; (person, person) pairs are returned for one that is someone."""
    if ex.doc is None:
        return []
    doc, at, out = ex.doc, mention_tokens(ex), []
    for t in doc:
        if t.pos_ != "VERB" or t.lemma_.lower() not in NAMING:
            continue
        passive = t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
        if passive:  # "she was called Dot", "he wants to be called Pop"
            subject = [c for c in t.children if c.dep_ == "nsubjpass"] or (
                [c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ == "xcomp" else [])
        else:  # "everybody calls her Mo"
            subject = [c for c in t.children if c.dep_ == "dobj"]
        named = [c for c in t.children if c.dep_ in ("oprd", "xcomp", "attr") and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")]
        if not passive and not named and len(subject) == 1 and subject[0].pos_ == "PROPN" and subject[0].i > 0 and any(
                c.dep_ == "poss" and c.lower_ == "her" and c.i == subject[0].i - 1 for c in subject[0].children):
            named, subject = subject, [doc[subject[0].i - 1]]  # "calls her Mo", parsed as "calls [her Mo]"
        if len(named) != 1 or len(subject) != 1 or subject[0].lower_ not in PRONOUN_SEX:
            continue
        word = named[0]
        first = word.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == word.i:
            first -= 1
        name = doc[first:word.i + 1].text.rstrip(".")
        if not passive and len(name.split()) == 1 and name.lower() in KIN_NAMES:
            continue
        sex = PRONOUN_SEX[subject[0].lower_]
        start = doc[t.sent.start - 1].sent.start if t.sent.start > 0 else t.sent.start
        near = {at[i] for i in range(start, t.i) if i in at and at[i] != at.get(word.i)}
        fits = [p for p in near if not ex.people[p].narrator and (ex.people[p].gender or name_gender(ex.people[p].name.split()[0])) == sex]
        if len(fits) != 1:
            continue
        last = max(i for i in range(start, t.i) if at.get(i) == fits[0])
        if any(w.pos_ == "NOUN" and w.lemma_.lower() in NEWCOMERS for w in doc[last + 1:t.i]):
            continue  # "Gráinne had the baby! A girl, and they're calling her Síle": the girl's name, not Gráinne's
        if word.i in at:
            out.append((fits[0], at[word.i]))
            continue
        person = ex.people[fits[0]]
        person.aliases.add(name)
        begin = doc[first].idx
        person.mentions.append(Mention(begin, begin + len(name), fits[0], "name"))
        person.mentions.sort(key=lambda m: m.start)
        at.update((w.i, fits[0]) for w in doc[first:word.i + 1])
    return out


def _names_said(ex: Extraction) -> list[tuple[int, int]]:
    """(person, person) pairs where the text says the second one's name is the first one's name:
    "Mum's name was Margaret", "Margaret was Mum's name", "He called me Margaret, which was Mum's name", "Harry, whose
    real name was Edward Whitfield"."""
    if ex.doc is None:
        return []
    at, out = mention_tokens(ex), []
    for noun in ex.doc:
        if noun.lemma_.lower() != "name" or noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "attr"):
            continue
        owner = next((at[c.i] for c in noun.children if c.dep_ == "poss" and c.i in at), None)
        verb = noun.head
        if owner is None and verb.dep_ == "relcl" and verb.head.i in at and any(
                c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
            owner = at[verb.head.i]  # "Harry, whose real name was Edward Whitfield"
        if owner is None or verb.lemma_ != "be":
            continue
        other = [c for c in verb.children if c.dep_ in ("nsubj", "attr") and c.i != noun.i]
        if other and other[0].lower_ in ("which", "that") and verb.dep_ == "relcl":
            other = [verb.head]  # "Margaret, which was Mum's name"
        if other and other[0].pos_ == "PROPN" and at.get(other[0].i) not in (None, owner):
            out.append((owner, at[other[0].i]))
    return out


PARENT_ROLES = {"father", "mother"}
# Who a kin word is said "to": the children or grandchildren ("Grandad to my three", "Pop to the kids", "Nan to Ruby").
TO_WHOM = {"my", "our", "the", "his", "her", "their"}
CALLED_BY_ME = {"i", "we"}


def _kin(person) -> tuple[str, str | None] | None:
    """(kin word, its sex) of a person called by a kin word alone or before a name ("Dad", "Grandpa Joe"), else None."""
    words = person.name.split()
    return (words[0].lower(), KIN_NAMES[words[0].lower()]) if words and words[0].lower() in KIN_NAMES else None


def _called_by_the_children(ex: Extraction) -> list[tuple[int, int]]:
    """The writer's parent's kin word ("Dad", "Mum") and another kin word said as what others call them are one person:
    "Dad, Grandad to my three, ...", "Mum (Nanna to the girls)", "Dad is Pop to my kids", "the children call him Grandad
    Ken" or "Gramps, as my boys call him" (of the one parent of that sex said in that sentence or the one before). Not what
    the writer calls someone ("I call her Nan"), nor what the children call another ("my son calls my mother-in-law Nana
    Jo"), nor a kin word of one said to be someone's else ("Grandad, Mum's dad"). Returns (parent, called) pairs."""
    if ex.doc is None:
        return []
    at, doc, out = mention_tokens(ex), ex.doc, []

    def parent(i):
        p = at.get(i)
        kin = _kin(ex.people[p]) if p is not None else None
        return p if kin and len(ex.people[p].name.split()) == 1 and KIN_ROLE.get(kin[0]) in PARENT_ROLES else None

    def agree(p, g):
        a, b = _kin(ex.people[p]), _kin(ex.people[g])
        return b is not None and a[0] != b[0] and (a[1] is None or b[1] is None or a[1] == b[1])

    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        parents = {parent(t.i) for t in sent} - {None}
        for t in sent:
            g = at.get(t.i)
            if g is None or at.get(t.i + 1) == g or _kin(ex.people[g]) is None:
                continue
            after = doc[t.i + 1:t.i + 3]
            if len(after) == 2 and after[0].lower_ == "to" and (after[1].lower_ in TO_WHOM or after[1].i in at or after[1].like_num):
                # "Dad, Grandad to my three": the one parent before it in the sentence
                before = {parent(w.i) for w in sent if w.i < t.i} - {None, g}
                if not before:  # "My dad (Grandpa Joe to the kids)": the writer's own word, said after "my"
                    said = [w for w in sent if w.i < t.i and w.i not in at and w.i > 0 and doc[w.i - 1].lower_ == "my"
                            and KIN_ROLE.get(w.lower_) in PARENT_ROLES and w.lower_ not in PARENT_ROLES]
                    if len(said) == 1:
                        w = said[0]
                        ex.people.append(Person(name=w.text.capitalize(), aliases={w.text.capitalize()}, gender=KIN_NAMES[w.lower_],
                                                mentions=[Mention(w.idx, w.idx + len(w), len(ex.people), "title")]))
                        at[w.i] = len(ex.people) - 1
                        before = {at[w.i]}
                if len(before) == 1 and agree(next(iter(before)), g):
                    out.append((before.pop(), g))
        for t in sent:
            if t.lemma_.lower() != "call" or t.pos_ != "VERB" or any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in CALLED_BY_ME for c in t.children) or any(
                    c.dep_ == "neg" for c in t.children):
                continue
            objects = [c for c in t.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp", "advmod")]
            whom = [c for c in t.children if c.dep_ == "dobj" and (c.lower_ in ("him", "her") or parent(c.i) is not None)]
            named = {at[c.i] for c in objects if c.i in at and _kin(ex.people[at[c.i]]) is not None and c not in whom}
            direct = [c for c in objects if c.dep_ == "dobj"]
            if not whom and len(direct) == 1:  # "call her Gran", read as her Gran
                whom = [c for c in direct[0].children if c.dep_ == "poss" and c.lower_ in ("him", "her")]
            mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "as"), None)
            j = mark.i - 1 if mark is not None else -1
            while j >= 0 and doc[j].is_punct:
                j -= 1
            if not named and j >= 0 and j in at and _kin(ex.people[at[j]]):
                named = {at[j]}  # "Gramps, as my boys call him"
            if len(named) != 1 or len(whom) != 1:
                continue
            g, who = named.pop(), whom[0]
            if parent(who.i) is not None:
                p = parent(who.i)
            else:
                sex = "m" if who.lower_ == "him" else "f"
                words = list(sent) + (list(sents[n - 1]) if n else [])
                near = [q for q in {parent(w.i) for w in words} - {None} if _kin(ex.people[q])[1] == sex]
                others = {at[w.i] for w in words if w.i in at} - set(near) - {g}
                if len(near) != 1 or any(not ex.people[q].narrator and _g(ex.people[q]) in (sex, None) for q in others):
                    continue  # "Mum and Jo came. My son calls her Nana Jo": Jo's name, perhaps
                p = near[0]
            if agree(p, g):
                out.append((p, g))
    return out


# Whom a name said after someone's is theirs "to": "JJ to his mates", "Bug, to me", "Frankie to everyone at the club".
CALLED_TO = TO_WHOM | {"me", "us", "everyone", "everybody", "all", "friends", "family", "most", "some"}
BETWEEN = {",", "(", "—", "–", "-", "--"}


AS_CALLED_SPAN = 8  # "as we all call her", "as the blokes at the RSL call him": the words "as" opens, to "him" or "her"


def _as_called(words) -> bool:
    """Do these words say what someone is called, after "as": "as we all call her", "as everyone calls him"?"""
    verb = next((w for w in words if w.lemma_.lower() == "call"), None)
    return verb is not None and any(w.lower_ in ("him", "her", "them") for w in words if w.i > verb.i)


def _called_to(ex: Extraction) -> list[tuple[int, int]]:
    """A name set right after a person's, with whom it is theirs to, is what those call them: "Jonathan Mbeki, JJ to
    his mates", "Babcia, Halina to her friends", "Rhys (Bug, to me)", "Theodora (Teddy for short)", "Elizabeth, or
    Lizzie as we all call her". Only
    punctuation stands between the two names (not "Tom and Ann to his mates"), and "to" with those who call them
    follows the second at once. A name that is no one's yet becomes a mention and alias of theirs; returns (person,
    person) pairs for one that is someone."""
    if ex.doc is None:
        return []
    doc, at, out = ex.doc, mention_tokens(ex), []
    for t in doc:
        if t.i + 1 >= len(doc) or not (t.lower_ == "to" and (doc[t.i + 1].lower_ in CALLED_TO or doc[t.i + 1].like_num)
                                       or t.lower_ == "for" and doc[t.i + 1].lower_ == "short"
                                       or t.lower_ == "as" and _as_called(doc[t.i + 1:t.i + AS_CALLED_SPAN])):
            continue
        end = t.i - 1 - (t.i > 1 and doc[t.i - 1].text == ",")
        if end < 1 or not (end in at or doc[end].pos_ in ("PROPN", "NOUN") and doc[end].is_title and doc[end - 1].text in BETWEEN
                           or doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()):
            continue
        start = end
        while start > 0 and (at.get(start - 1) == at[end] if end in at else start - 1 not in at and doc[start - 1].pos_ == "PROPN"
                             and doc[start - 1].text[:1].isupper()):
            start -= 1
        k = start - 1
        while k >= 0 and (doc[k].text in BETWEEN or doc[k].lower_ == "or" and k > 0 and doc[k - 1].text == ","):
            k -= 1
        if k == start - 1 or k < 0 or k not in at or at[k] == at.get(end) or doc[start - 1].text == "-" and k == start - 2:
            continue  # no punctuation between ("Tom Jones to me"), or one name of two with a hyphen
        owner = at[k]
        if end in at:
            out.append((owner, at[end]))
            continue
        _give_name(ex, at, owner, doc[start:end + 1].text)
    return out


# Words that open a bracket saying who the one before it is: "Pauline (that's Mum)", "Sam (i.e. Samuel)".
THAT_IS = {"that", "'s", "’s", "is", "i.e.", "ie", "aka", "a.k.a.", "also"}


def _bracketed(ex: Extraction) -> list[tuple[int, int]]:
    """A person's name with a bracket after it that holds only another of the entry's names, or the writer's kin word
    ("my mum") of the one person the entry calls by that kin word alone, says who they are: "Dad (Colin)", "Pauline
    (that's Mum)", "Nanna Jean (my mum) ... Mum cried". Not "Jo (Mum's friend)", "Tom (and Sarah)", "Mum (82)": the
    bracket must hold nothing but the name. Returns (person, person) pairs."""
    if ex.doc is None:
        return []
    doc, at, out = ex.doc, mention_tokens(ex), []
    for t in doc:
        if t.text != "(" or t.i == 0 or t.i - 1 not in at:
            continue
        close = next((w.i for w in doc[t.i + 1:t.i + 12] if w.text in (")", "(", "\n")), None)
        if close is None or doc[close].text != ")":
            continue
        owner, parts = at[t.i - 1], [[]]
        for w in doc[t.i + 1:close]:
            parts[-1:] = [parts[-1], []] if w.text in (",", ";") else [parts[-1] + [w]]
        named = [_bracket_name(part, at) for part in parts]
        if all(n is not None and n != owner for n in named):
            out.extend((owner, n) for n in named)  # "Dad (Abdul to the nurses, Abba to us)"
            continue
        inner = parts[0] if len(parts) == 1 else []
        while inner and inner[0].lower_ in THAT_IS:
            inner = inner[1:]
        role = KIN_ROLE.get(inner[1].lower_) if len(inner) == 2 and inner[0].lower_ in ("my", "our") else None
        called = [i for i, p in enumerate(ex.people) if i != owner and KIN_ROLE.get(p.name.lower()) == role and not p.narrator]
        if role and len(called) == 1:
            out.append((owner, called[0]))  # "Nanna Jean (my mum) ... Mum cried": the one the writer calls Mum
    return out


# What may stand between a name set beside a kin word and the comma that closes it: "Mum, Sandra Kerr on the ward list,".
APPOSED_GAP = 6


def _kin_apposed(ex: Extraction) -> list[tuple[int, int]]:
    """A kin word opening a sentence as a name, and a name set beside it between commas, the two the sentence's
    subject, are one person: "Mam, Gwenllian Pugh, was born in Bala", "Grandad, Harold Fisk, is ninety", "Mum, Sandra
    Kerr on the ward list, comes home". Not a list ("Mum, Sandra, Jo and I went", "Dad, Tom, and I"), nor words said to
    them ("Mum, Sandra is here", "Mum, Sandra, come here", "Mum, Dan, are you coming", a question, quoted words), nor a
    name of the other sex or a kin word ("Mum, Dad, ..."). Returns (kin word's person, name's person) pairs."""
    if ex.doc is None:
        return []
    doc, at, quotes, out = ex.doc, mention_tokens(ex), quoted(ex.text), []
    for t in doc:
        k = at.get(t.i)
        if k is None or at.get(t.i + 1) == k or t.i + 2 >= len(doc) or doc[t.i + 1].text != ",":
            continue
        kin = ex.people[k]
        if kin.narrator or kin.name.lower() != t.lower_ or t.lower_ not in KIN_ROLE or inside(t.idx, quotes):
            continue
        if not (t.is_sent_start or t.i == 0 or doc[t.i - 1].is_space):
            continue  # "I rang Mum, Sandra, and Jo": a list
        n = at.get(t.i + 2)
        if n is None or n == k or ex.people[n].narrator or not tokens(ex.people[n].name) \
                or tokens(ex.people[n].name)[0] in KIN_NAMES:
            continue
        j = t.i + 2
        while j < len(doc) and at.get(j) == n:
            j += 1
        gap = 0
        while j < len(doc) and doc[j].text != "," and gap < APPOSED_GAP and j not in at and doc[j].pos_ != "CCONJ" \
                and not doc[j].is_sent_start:
            j, gap = j + 1, gap + 1
        if j + 1 >= len(doc) or doc[j].text != "," or doc[j + 1].pos_ not in ("VERB", "AUX") or doc[j + 1].tag_ == "VB":
            continue
        if doc[j + 1].sent[-1].text == "?" or any(w.lower_ in ("you", "u", "ye", "y'all") for w in doc[j + 2:j + 4]):
            continue
        sex, theirs = KIN_NAMES.get(t.lower_), _g(ex.people[n]) or name_gender(tokens(ex.people[n].name)[0])
        if sex and theirs and sex != theirs:
            continue
        out.append((k, n))
    return out


def _bracket_name(words, at) -> int | None:
    """The person a bracket's part names and nothing else ("Colin", "that's Mum", "Abba to us"): their name, after
    "that's" and before "to" or "for" whom they are so called; else None."""
    while words and words[0].lower_ in THAT_IS:
        words = words[1:]
    if not words or words[0].i not in at:
        return None
    n = next((k for k, w in enumerate(words) if at.get(w.i) != at[words[0].i]), len(words))
    if n < len(words) and (words[n].lower_ not in ("to", "for") or n == 1 and words[0].lower_ in KIN_NAMES):
        return None  # "Jo (Mum to Ellie)": Ellie's mum, not the writer's
    return at[words[0].i]


def _root(groups, i):
    while i in groups:
        i = groups[i]
    return i


def _g(person):
    return getattr(person, "gender", None)


# the titles of courtesy before a surname ("Mr Okafor", "Mrs Dodds"), not a kin word's ("Uncle Jim") nor a role's
COURTESY = {"mr", "mister", "mrs", "missus", "miss", "ms"}
# words by which a fragment adds someone rather than names the one before: "Mrs Patel rang. Sarah too."
ADDING = {"too", "also", "and", "again", "plus", "both", "or", "nor", "either", "neither", "not", "no"}


AFTER_ENDS = {".", ",", "!", ";", ")"}  # what may follow "after Mum" when the name is given after her, not a time


def _named_after_kin(ex: Extraction) -> list[tuple[int, int]]:
    """A middle name given after the writer's parent is that parent's name: "Lily Joan Shah. Joan, after Mum.",
    "Rose Margaret. Margaret after Mam": the word, said alone and no one else's here, becomes a mention of the parent
    (or, a person of its own said only there, is returned to be joined to them). A first name the child is called by stays the child's
    ("named him Frank, after Dad"), and "after" of time ("Joan, after Mum left"), of someone else's kin ("after Dad's
    mum", "after her gran") or of two ("after Mum and Dad") gives no one's name. Returns (kin word's person, name's
    own person) pairs still to join."""
    if ex.doc is None:
        return []
    doc, at, quotes, out = ex.doc, mention_tokens(ex), quoted(ex.text), []
    for t in doc:
        if t.lower_ != "after" or inside(t.idx, quotes) or t.i < 1:
            continue
        name = doc[t.i - 1 - (doc[t.i - 1].text == ",")]
        k = at.get(t.i + 1)
        if k is None or t.i + 2 < len(doc) and (at.get(t.i + 2) == k or doc[t.i + 2].text not in AFTER_ENDS):
            continue  # "after Mum left", "after Mum's sister", "after Mum and Dad"
        kin, word = ex.people[k], doc[t.i + 1].lower_
        if kin.narrator or kin.name.lower() != word or word not in KIN_ROLE or not name.is_title or not name.is_alpha:
            continue
        if KIN_NAMES.get(word) is None or name_gender(name.text) not in (None, KIN_NAMES[word]) \
                or not _middle_of(ex, name.text, k):
            continue
        n = at.get(name.i)
        if n is None:
            kin.mentions.append(Mention(name.idx, name.idx + len(name.text), k, "name"))
            kin.aliases.add(name.text)
        elif n != k and ex.people[n].name == name.text and len(ex.people[n].mentions) == 1:
            out.append((k, n))  # "Joan" a person of its own, said only here: joined to Mum below
    return out


def _middle_of(ex: Extraction, word: str, k: int) -> bool:
    """Is `word` a given name after the first of another person of the entry: between first name and surname ("Joan"
    of "Lily Joan Shah"), or the second of two that are first names ("Margaret" of "Rose Margaret"), not a surname?"""
    low = word.lower()
    return any(low in names[1:-1] or len(names) == 2 and low == names[1] and name_gender(low) is not None
               for i, p in enumerate(ex.people) if i != k and not p.narrator
               for names in map(tokens, (p.name, *p.aliases)))


def _first_named_after(ex: Extraction) -> list[tuple[int, int]]:
    """A title of courtesy and a surname, the only name of its sentence, and a first name said alone in the next one with
    no verb, are one person: the writer adds the first name of the one just named ("We lost Mr Whitworth this afternoon.
    Dennis.", "Mr Okafor brought round a bottle. Good neighbour, Emeka."). Not when the fragment adds someone ("Sarah
    too."), asks or calls out ("Dennis?", "Dennis!"), is quoted or names anyone else, nor a first name of the other sex.
    Returns (titled, named) pairs."""
    if ex.doc is None:
        return []
    quotes, sents, out = quoted(ex.text), list(ex.doc.sents), []

    def named_in(sent) -> set[int]:
        return {i for i, p in enumerate(ex.people) if not p.narrator for m in p.mentions
                if m.kind in ("name", "title") and sent.start_char <= m.start < sent.end_char}

    for before, sent in zip(sents, sents[1:]):
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words or len(words) > 4 or not sent.text.rstrip().endswith(".") or inside(sent.start_char, quotes) \
                or any(t.pos_ in ("VERB", "AUX", "PRON") or t.lower_ in ADDING for t in words):
            continue
        here, there = named_in(sent), named_in(before)
        if len(here) != 1 or len(there) != 1 or here == there:
            continue
        n, k = here.pop(), there.pop()
        name, titled = ex.people[n].name, ex.people[k].aliases | {ex.people[k].name}
        title = {t.split()[0].lower().rstrip(".") for t in titled if len(t.split()) == 2}
        if len(name.split()) != 1 or not name[:1].isupper() or name.lower() in KIN_NAMES or not titled or any(
                len(t.split()) != 2 for t in titled) or not title or not title <= COURTESY:
            continue
        sex, theirs = {HONORIFICS.get(t) for t in title}, _g(ex.people[n]) or name_gender(name.lower())
        if len(sex) != 1 or theirs and theirs not in sex:
            continue
        out.append((k, n))
    return out

