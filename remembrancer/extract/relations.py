"""Relationships: kinship and social roles between people, with the passage that says so.

A role phrase is a person noun with a possessor: "my grandson", "her son", "Alice's husband",
"the daughter of Lucia". It links to the named person it stands for when the text says so
("Alice, my daughter", "my daughter Alice", "Gwen is my sister", "he would've been her uncle"), or,
across sentences, when exactly one named person can be it: of the right gender, not the possessor,
not in the same clause as the phrase, not already given another role, and (when several remain)
the only one named together with the possessor's other kin. A wrong relation is worse than none,
so anything less certain is left out. The vocabulary is open: any noun the text puts in a role
position next to a name counts, besides kinship and social nouns and their compounds.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .base import Extraction, Mention, Relation
from ..people import FACT
from ..kin import (BORN_ROLES, CONVERSE, KIN_NAMES, KIN_ROLE, KINDS, MUTUAL, OWN, PREFIXES, ROLES, SLANG,
                   TIE_WORDS, WORDS)
from .cues import PERSON_NOUNS
from .facts import OCCUPATIONS
from .kinds import JOBS, SAYING, _subjects
from .narrator import _called_in_speech, _teller
from .lines import section
from .people import FILLERS, inside, name_gender, quoted, spoken_to
from .roles import in_law_end, role_noun
from .signed import KISSES, LETTER_OPENS, signed

POSSESSIVES = {"my", "your", "his", "her", "their", "our"}
# How sure a relation is, by the rule that read it (the share right on the tuning writers of bench/journal.py
# and DialogRE train, rounded down): said outright ("my husband Rhys", "Gwen is my sister"), a kin word used
# as a name ("Mum": the writer's, or in a chat the speaker's), the names beside a plural ("her sons Tom and
# Ben"), a role given elsewhere in the entry, a name alone in the next sentence, one named person it can be.
# A grandparent's kin word is as often the writer's children's word for the writer's parent ("Nana Sue",
# "Grandad" in a carer's notes): 3 of 6 right, and in a chat 1 of 5; "across" 3 of 8.
# A grandparent's kin word alone ("Nain", "Taid"): 4 of 6 right; with a name ("Nana Sue", "Grandma Pauline", what the
# writer's children call the writer's parents): 1 of 4. Third round (relations v20), tuned writers and DialogRE train:
# a kin word called in lower case where a chat message calls someone 14 of 14 (in DialogRE "daddy" is also what
# partners call each other: left out); "your Grandad" said to one, and a message signed "Nan xx" to one, 2 of 2 each (rules read fewer
# than 5 times are given at most FACT); "the midwife, Tina", "Anwen, the new boss" 4 of 5; a kin word said in quoted
# words by someone ("Blow them out, Grandpa!") 1 of 2; "from work", "next door (to)" 4 of 6.
# Fifth round (relations v22, situations v1), tuned writers: a wedding, an anniversary or an engagement read as an event
# ties its two 7 of 7 ("married"; kept at FACT); a birth told as news with the parent's own words ("born") 2 of 2; a birth
# told as news alone 2 of 5 (an aunt or a grandmother tells it as often), so not read.
# Sixth round (situations v2): "<Name> had the baby" ties the baby the birth names to her ("had"): said of the mother
# only; 4 of 4 on the tuned writers, none read before (at most FACT: fewer than 5 readings).
# Tenth round (situations v3): the one worn out or praised after a birth told as news is its mother ("worn"): 4 of 4 on
# half A, 2 of 2 on half B.
CONFIDENCE = {"kin-told": 0.65, "stated": 0.95, "written": 0.95, "mutual": 0.9, "kin": 0.95, "kin-chat": 0.9, "kin-grand": 0.65, "kin-chat-grand": 0.2,
              "kin-grand-named": 0.25, "kin-chat-grand-named": 0.2, "kin-quoted": 0.5, "yours": 0.9, "signed": 0.9, "greeted": 0.9, "own": 0.9,
              "kin-vocative": 0.9, "beside": 0.9, "listed": 0.5, "endearing": 0.5, "given": 0.85, "place": 0.65, "next": 0.75, "across": 0.35,
              "fragment": 0.9, "pronoun": 0.9, "pronoun-unclear": 0.6, "new": 0.75, "verb": 0.9, "we": 0.85,
              "named": 0.9, "after": 0.9, "follows": 0.9, "care": 0.9, "class": 0.9, "wedding": 0.9, "married": 0.9, "born": 0.9, "had": 0.9, "couple": 0.9, "worn": 0.9}
BE = {"be"}
CURLY_BE = {"’s", "’re", "’m"}  # "you’re my friend": the model reads a curly apostrophe's "be" as a verb of its own


def _be(t) -> bool:
    return t.lemma_ in BE or t.lower_ in CURLY_BE


def gender_of(role: str):
    base = role.removesuffix("-in-law")
    for prefix in PREFIXES:
        if base.startswith(prefix) and base[len(prefix):].lstrip("-") in ROLES:
            base = base[len(prefix):].lstrip("-")
    return ROLES.get(base)


def person_nounish(token) -> bool:
    """Open vocabulary: a noun put in a role position beside a name ("Bob, my plumber")."""
    return token.pos_ == "NOUN" and token.lemma_.isalpha() and token.ent_type_ not in ("DATE", "TIME")  # not "Nain's flat today, Mam"


class Relations:
    """Relations between the people of an entry; `across=False` keeps to links stated in one sentence."""

    name = "relations"
    version = "43"  # 43: selfname23 (a name alone ending a letter that greets its reader signs it, and is not the one the sentence before names: "... according to my daughter.\n\nDougie", `_bare_signature`); 42: kinname21 (one who calls the writer "Mum" in words the writer reports, "Hazel said don't worry Mum", is perhaps the writer's child, "kin-told"; a bare kin word such a teller's words speak of is the teller's kin, and in words reported of another teller, whose is not known, never the writer's: `_told_kin`); 41: kinwords20 (kin.py: "Tanty Merle", "Bua" name the tie a kin title names); 40: relrec19 (a letter greeted "Dear Ellie and Sam," is to each: "Your Nana", "Your Auntie Karen" and a kin word it is signed with are both readers'; a letter greeting its reader by name and signed with a kin word ("Love,\nGrandad") is from the reader's that, "signed" as a chat message's, also with no "I" in it; "Dear Grandad," and "Dear Mum," greet the writer's own: "Dear" is no name before a kin word; "I have three children: Aisha, Bilal and Zara"; no open-vocabulary role from a verb read as a noun after a name, "Your Auntie Lyn rang"); 39: notesmd17 (a "being" with no verb over it names, not states: "- me being his daughter again"); 38: peopleprec17 (a kin word in a bracket opened by "that's" is the name's before it: "Taid Alun (that's my dad)"); 37: (relrec17) a tie English defines by two told facts (a parent's parent, a spouse's mother) is said as sure as the weaker of them, not their product (what is built on it further keeps the product). 36: people15 (`signed` reads a letter signed before its date or a postscript); 35: (relkin15) a pronoun's tie is "perhaps" unless the one it stands for is plain (said in its
    # sentence or the one before, no one else of its sex there); a kin title with a name set beside a noun for what one
    # is that is no kin ("Aunty Chioma our landlady") is respect, no tie; "Memo, my dad's best friend" is no dad; "my
    # brother Femi and my cousin Tayo": Tayo is no brother; in a chat "my mum", "your mum" from another speaker leave a
    # speaker's "Mum" theirs, and in a chat of two a kin word the other calls "your mum" is the speaker's own, not
    # the hearer's ("Mum's flight lands at 6, can you pick her up?"); a parent's "new wife" is a stepmother, perhaps. 34: (implied14) a composed tie is as sure as the product of its premises (a premise told in
    # two entries: each telling evidence); its how names the kinds composed ("implied parent+parent"). 33: (deaths13) a role said before a letter's sign-off is not the signer's ("My dad died ...\n\nYours,
    # Tom"). 32: (relprec13) a name hung on a role noun past a nearer role noun ("My buddy Mike's dad Frank") is
    # not the farther one's, and of two possessors hung on a noun the nearer owns it ("My stepmum Carol's mother"); a name after a role noun and a comma that goes on as a list ("my sister, Tom and the twins"),
    # a word for a person by sex or age ("her old man", "my boy Rex", "my baby Biscuit"), are "perhaps"; "who I call
    # Auntie Hazel" is a name given, no tie. 31: (deaths12) a chat's kin word that names a speaker ("Papa") ties them to no other speaker
    # who says it but the owner (`others_kin_ties`). 30: (relprec12) a kin word after a name ("Lata Aunty") is respect, no kin; in a chat, a parent word two speakers
    # say, a kin word spoken of in a message to someone ("Mom misses you"), a bare "Uncle", are no speaker's kin. 29: (relrec11) weak signs of the writer's household ("Euan and I", "Brought Aoife to school",
    # "Sunday dinner at Ciarán's parents'", "Twelve years married today"), kept apart (`Extraction.signs`) for
    # `household` to weigh over all entries; a diary's dropped "I" is the writer's. 28: (relprec10) a letter signed with a kin word is told in the reader's words ("Uncle Bob" is the
    # reader's); a kin word said as a word ("a good Mam", "wants to be called Pop") or a child's in its words ("Cian asked why
    # Daddy has a mammy") is no one's kin; "his" or "her" is not the one a letter is to; no apposition across a line break;
    # "I wish she were my sister" says no sister; a midwife is hers who has the baby; nothing implied from a "perhaps" tie.
    # 27: (relrec10) `implied` composes an aunt, uncle, grandparent or cousin of one of two siblings as the other's too
    # (a half- or step-tie read between two implies nothing between them); "half-", "step-", "ex-" kept on a kin word. 26: a role phrase told and the name that opens the next sentence ("My brother rang. Pete says ...",
    # "Jess came with her boyfriend. Liam barely spoke"); a carer or nurse said by "be" or "called", the writer's when the
    # entry speaks of no one else; a doctor or nurse by title, of whose health the sentence speaks ("Dr Okafor says Mum's
    # bloods are fine"); "Pete is my brother's friend" and "if Kieran were my brother" say no brother. 25: a kin word first said in another's quoted words is theirs said again outside them; "I married A and B"
    # marries no one to me; a role phrase after a clause is its subject's ("Alec died that spring, Dad's big brother"); a
    # parent's word before a name is no parent ("Mamma Mia"); two parents of a child are no couple when one is read
    # married to or going out with someone else; a pupil in a year or class with a teacher is theirs. 24: a great-grandparent, great-aunt or great-uncle is no grandparent, aunt or uncle. 23: an aunt's or uncle's spouse is an uncle or aunt; "Father Twohig" is no one's father; "at Lorna and
    # Graham's", "Tom and Priya's kids": a couple. 22: a tie implied by a rule that holds less than always is a fact when both ties are facts and no
    # stepfamily is read; a role had, named by a birth next; a role set beside what is someone's; a parent's kin words in
    # a chat of two are the child's

    def __init__(self, across: bool = True):
        self.across = across

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        at = {}  # token index -> person (names, titles, pronouns, narrator, addressee)
        pronouns = set()  # token indexes of "he", "her" ... that coref linked to someone
        said_at = {}  # token index -> the person a name, title or role there says
        for p, person in enumerate(ex.people):
            for m in person.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        at[t.i] = p
                        if m.kind == "pronoun":
                            pronouns.add(t.i)
                        elif m.kind in ("name", "title", "role"):
                            said_at[t.i] = p
        named = {p for p, person in enumerate(ex.people)
                 if any(m.kind == "name" for m in person.mentions) and not person.narrator}

        def who(token):
            """The person a token (or the phrase it heads) stands for; "our" is the writer's, or the speaker's."""
            p = at.get(token.i)
            return _we(ex, token) if p is None and token.lower_ in ("our", "ours") else p

        plain = {}  # pronoun token index -> whether the one it stands for is plain there

        def clear(token, said=None) -> bool:
            """Is the one a pronoun stands for plain: named (or called by a title or a role, or by a pronoun that is
            itself plain) in its sentence before it or in the sentence before, and no one else there known to be of its
            sex but `said`, the one the tie is to ("Rachel phoned. Her son Leo ..."; not "Mum met Linda. She said her
            husband ...", nor "Dad and Uncle Jim went fishing. His wife ...")?"""
            p, sex = who(token), PRONOUN_SEX.get(token.lower_)
            if p is None or sex is None:
                return True  # "their", "our": not read by sex
            if said is None and token.i in plain:
                return plain[token.i]
            plain[token.i] = False  # while it is asked (a chain read back to itself is no antecedent)
            noun = token.head if token.dep_ == "poss" else None
            verb = next((a for a in (noun.ancestors if noun is not None else ()) if a.pos_ in ("VERB", "AUX")), None)
            start = token.sent.start
            start = doc[start - 1].sent.start if start > 0 else start
            near = {said_at.get(i) for i in range(start, token.i)} - {None, said if said != p else None}
            if noun is not None and noun.dep_ == "conj" and said_at.get(noun.head.i) == p:
                sure = True  # "Sophie and her boyfriend Tom"
            elif verb is not None and any(c.dep_ == "nsubj" and said_at.get(c.i) == p for c in verb.children):
                sure = True  # "Sandra brought her daughter Mia": the subject of its clause
            else:
                sure = (p in near or any(i in pronouns and at.get(i) == p and clear(doc[i]) for i in range(start, token.i))) \
                    and not any(q != p and not ex.people[q].narrator and _sex(ex, q, found, roles_of) == sex for q in near)
            if said is None:
                plain[token.i] = sure
            return sure

        def possessor(noun):
            for c in reversed(list(noun.children)):  # "My stepmum Carol's mother": the nearer, Carol's, when two are hung on it
                if c.dep_ == "poss":
                    return who(c)
            for c in noun.children:  # "the daughter of Lucia"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.dep_ == "pobj" and who(o) is not None:
                            return who(o)
            return None

        name_at = {t.i: p for p, person in enumerate(ex.people) for m in person.mentions if m.kind == "name"
                   for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
        two = _two(ex)  # the speakers of a chat of two, whom "we" are
        readers = _readers(ex, next((p for p, person in enumerate(ex.people) if not person.narrator and any(
            m.kind == "addressee" for m in person.mentions)), None), None)  # whom a letter is to
        found: list[tuple[int, str, int, int, int, str]] = []  # (subject, role, object, start, end, how)
        unlinked = defaultdict(list)  # (role, possessor) -> role phrase tokens
        roles_of = defaultdict(set)  # person -> roles they were given, any possessor
        whose = defaultdict(set)  # person -> (role, possessor) they were given

        def link(p, role, owner, noun, mention=True, how="across"):
            """The role phrase `noun` is person p, `role` of `owner`, read by rule `how`."""
            roles_of[p].add(role)
            whose[p].add((role, owner))
            if mention:
                ex.people[p].mentions.append(Mention(noun.idx, noun.idx + len(noun), p, "role"))
                at[noun.i] = p
            found.append((p, role, owner, noun.sent.start_char, noun.sent.end_char, how))

        for noun in doc:
            if noun.tag_ in ("NNS", "NNPS"):
                # "her daughters" are several people, never one named person, but each of those named
                # beside them ("her sons Tom and Ben", "his daughters, Isla and Freya") is one of them.
                role, owner = role_noun(noun), possessor(noun)
                if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ == "have" and noun.i + 1 < len(doc) \
                        and doc[noun.i + 1].text == ":" and not _irrealis_be(noun.head):
                    owner = next((who(c) for c in noun.head.children if c.dep_ == "nsubj"), None)  # "I have three sons: ..."
                if role and owner is not None:
                    for t in _named_beside(doc, noun):
                        if who(t) not in (None, owner):
                            link(who(t), role, owner, noun, mention=False, how="beside")
                    one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
                    if one is not None and one.lower_ == "one" and one.dep_ == "attr" and _be(one.head) \
                            and not _irrealis_be(one.head):
                        # "Tom is one of my oldest friends", "she's one of your best friends"
                        subj = next((c for c in one.head.children if c.dep_ == "nsubj"), None)
                        if subj is not None and who(subj) not in (None, owner):
                            link(who(subj), role, owner, noun, mention=False, how=(
                                "stated" if subj.i not in pronouns else "pronoun" if clear(subj) else "pronoun-unclear"))
                elif role in MUTUAL and owner is None and noun.dep_ == "attr" and _be(noun.head):
                    # "Ross and Chandler are best friends", "Tom and I are cousins", "I'm friends with her": each is the other's
                    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                    said = [] if subj is None else [subj, *subj.conjuncts, *(
                        o for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj")]
                    group = [x for x in (who(c) for c in said) if x is not None]
                    how = "mutual"
                    if [c.lower_ for c in said] == ["we"] and two:
                        group, said, how = list(two), two, "we"  # "we're friends" between the two of a chat of two
                    elif any(c.lower_ in ("we", "they", "us", "them") or c.i in pronouns and c.dep_ == "pobj" for c in said):
                        group = []  # who the others are is not said, or only by a pronoun ("I'm friends with her")
                    if len(set(group)) >= 2 and len(group) == len(said) and not _irrealis_be(noun.head):
                        for i, a in enumerate(group):  # said once, between each two: the other way is the same tie
                            for b in group[i + 1:]:
                                if a != b:
                                    link(b, role, a, noun, mention=False, how=how)
                continue
            role = role_noun(noun)
            explicit_role = role
            listed = False
            # Explicit link: apposition, copula, "my daughter Alice".
            referent = None
            if noun.dep_ == "appos" and who(noun.head) is not None and _one_line(ex.text, noun.head, noun):
                referent = who(noun.head)  # "Alice, my daughter" (not "Dear Aunt Ruth,\n\nMy husband Greg ...")
            elif who(noun) is None and any(c.dep_ in ("appos", "compound") and who(c) is not None and c.pos_ == "PROPN"
                                           and _one_line(ex.text, c, noun) and not _role_between(noun, c)
                                           for c in noun.children):
                name = next(c for c in noun.children if c.dep_ in ("appos", "compound") and who(c) is not None
                            and _one_line(ex.text, c, noun) and not _role_between(noun, c))
                referent, listed = who(name), _in_a_list(noun, name)
            elif noun.dep_ in ("attr", "acomp") and _be(noun.head):
                subj = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if _irrealis_be(noun.head) or any(c.tag_ == "POS" for c in noun.children):
                    continue  # "Joey is not my boyfriend", "is your wife Rachel?", "the set was your dad's": his, not him
                if subj and who(subj[0]) is not None:
                    referent = who(subj[0])  # "Gwen is my sister", "he would've been her uncle"
            elif role and noun.dep_ == "poss" and noun.head.lemma_.lower() == "name" and (
                    said := _named_as(doc, noun.head, who)) is not None:
                referent = said  # "Your niece's name was Élodie"
            elif who(noun) is not None and noun.pos_ == "PROPN" and noun.dep_ == "appos" and role_noun(noun.head) \
                    and not _role_between(noun.head, noun):
                listed = _in_a_list(noun.head, noun)
                referent, noun, role = who(noun), noun.head, role_noun(noun.head)
            elif (role and noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and who(noun.head) is not None
                  and possessor(noun) is None and possessor(noun.head) is not None):
                referent = who(noun.head)  # "Your aunt Philippa": the possessive hangs on the name
                if possessor(noun.head) != referent:
                    link(referent, role, possessor(noun.head), noun, mention=False, how="stated")
                    if possessor(noun.head) in readers:  # "Dear Ellie and Sam, ... Your Auntie Karen": each one's
                        for other in readers - {referent, possessor(noun.head)}:
                            link(referent, role, other, noun, mention=False, how="stated")
                continue
            if role is None and referent is not None:
                # "Monica's geeky older brother": the parser may take a word before the role for the noun
                role = next((role_noun(c) for c in noun.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower
                             and who(c) is None and role_noun(c)), None)
            if role is None and referent is not None and noun.pos_ == "NOUN":
                # "you're her favourite niece lol": the parser may take a chat's "lol", "tbh" after a role for the noun
                role = next((role_noun(c) for c in noun.children if c.dep_ == "compound" and role_noun(c)), None)
            if role is None and referent is not None and person_nounish(noun) and possessor(noun) is not None and not any(
                    c.dep_ == "compound" and c.i < noun.i and who(c) == referent for c in noun.children):
                role = noun.lemma_.lower()  # open vocabulary, from an explicit link (not "Your Auntie Lyn rang": a verb misread)
            if role is None:
                continue
            owner = possessor(noun)
            if referent is not None:
                roles_of[referent].add(role)
                whose[referent].add((role, owner))
                if who(noun) is None and owner is not None and owner != referent:
                    ex.people[referent].mentions.append(Mention(noun.idx, noun.idx + len(noun), referent, "role"))
                if owner is not None and owner != referent:
                    # "she's my best friend", "his wife Pat": one end only as sure as the pronoun's reading
                    said_by = {noun.head.i, *(c.i for c in noun.children if c.dep_ == "poss"),
                               *(c.i for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass"))}
                    how = "listed" if listed else "pronoun" if said_by & pronouns else "stated"
                    if how == "pronoun" and not all(clear(doc[i], referent) for i in said_by & pronouns):
                        how = "pronoun-unclear"
                    if not any(c.dep_ == "poss" and c.lower_ in _HIS and (_sex(ex, owner, found, roles_of) not in (None, _HIS[c.lower_])
                                                                           or _speaking(ex, owner, c.idx))
                               for c in noun.children):  # '"Pat" is his wife. "Ron" is his brother': his is not Pat's, nor mine
                        found.append((referent, role, owner, noun.sent.start_char, noun.sent.end_char, how))
                continue
            if owner is None and who(noun) is None and (had := _had(noun, who)) is not None:
                said = _name_given(doc, noun, role, who)  # "Idris has a girlfriend, it turns out. Her name is Freya."
                if said not in (None, had):
                    link(said, role, had, noun, mention=False, how="named")
                continue
            if owner is None or who(noun) is not None:
                continue
            alone = _named_next(doc, noun, who)
            if alone in named and alone != owner and _telling(noun, role) and not SIGN_OFF.match(
                    ex.text, doc[noun.sent.end].idx) and not _bare_signature(ex.text, doc[noun.sent.end].sent):
                # not the name a letter is signed with: "My dad died ...\n\nYours, Tom", "... my daughter.\n\nDougie"
                link(alone, role, owner, noun, how="next")  # "Your son was born that winter. Tobias."
                continue
            opens = _opens_next(ex, doc, noun, role, owner, who, name_at) if _telling(noun, role) else None
            if opens in named and opens != owner and not roles_of[opens] - {role}:
                link(opens, role, owner, noun, how="follows")  # "My brother rang. Pete says the boiler's gone."
                continue
            if any(m.kind in ("narrator", "addressee") for m in ex.people[owner].mentions) and _telling(noun, role):
                # Across sentences only for the writer's or the addressee's kin ("my daughter",
                # "your grandson"): in a journal or letter those name one stable person, where
                # "her son" in a story can be anyone's.
                unlinked[(role, owner)].append(noun)

        # A role the text gave someone explicitly ("Your niece's name was Élodie") is theirs wherever else
        # it is said ("You outlived your niece").
        for key in list(unlinked):
            given = [p for p in whose if key in whose[p]]
            if len(given) == 1:
                for noun in unlinked.pop(key):
                    link(given[0], *key, noun, how="given")
        # Across sentences: a role phrase stands for the one named person it can be.
        kin = defaultdict(set)
        for s, r, o, *_ in found:
            kin[o].add(s)
        pending = sorted(unlinked.items(), key=lambda kv: -len(kv[1])) if self.across else []
        choices = {}
        names_at = _names_at(ex, doc) if pending else {}
        for (role, owner), nouns in pending:
            g = gender_of(role)
            excluded = {owner}
            for noun in nouns:
                # Whoever else the sentence names or points at is someone other than the role.
                excluded |= {who(t) for t in noun.sent if who(t) is not None}
            cands = []
            for p in named:
                person = ex.people[p]
                if p in excluded or (g and person.gender != g):
                    continue  # a gendered role needs a person known to be of that gender
                if person.honorific or sum(m.kind == "name" for m in person.mentions) < 2:
                    continue  # kin are called by their names, and more than once
                if not _named_with(ex, doc, p, set(range(len(ex.people))) - {p}, names_at):
                    continue  # and named together with others ("Steven and Alice"): family, not passers-by
                if roles_of[p] - {role} or any(r == role and o != owner for r, o in whose[p]):
                    continue  # already someone's something else, or someone else's
                if any(m.kind == "title" for m in person.mentions) and not any(m.kind == "name" for m in person.mentions):
                    continue
                cands.append(p)
            choices[(role, owner)] = cands
        assigned = {}
        changed = True
        while changed:
            changed = False
            for key, cands in choices.items():
                if key in assigned:
                    continue
                free = [c for c in cands if c not in assigned.values()]
                if len(free) == 1:
                    assigned[key] = free[0]
                    changed = True
                    continue
                family = kin[key[1]] | {v for k, v in assigned.items() if k[1] == key[1]}
                together = [c for c in free if _named_with(ex, doc, c, family, names_at)]
                if family and len(together) == 1:
                    assigned[key] = together[0]
                    changed = True
        for (role, owner), p in assigned.items():
            for noun in unlinked[(role, owner)]:
                link(p, role, owner, noun)
        found += _written(ex, doc, who, named, found, pronouns, roles_of, clear)
        for b, kind, a, sent, how in _tied(ex, doc, who, two) + _wedded(ex, doc, who) + _couple(ex, doc, who):
            found.append((b, _tie_word(kind, ex.people[b].gender), a, sent.start_char, sent.end_char, how))
        found += _kin_named(ex, found, who)
        found += _remarried(ex, doc, found)
        if ex.speakers:
            found += _kin_called(ex, found)
        if two:
            found = _in_their_words(found, two)
        for s, kind, o, start, end, how in _household(ex, doc, who, found):
            f, m, either = HOME_WORDS[kind]
            g = _sex(ex, s, found)
            word = f if g == "f" else m if g == "m" else either
            ex.signs.append(Relation(s, word, o, start, end, HOME, how))
        seen = set()
        for s, role, o, start, end, how in found:
            if (s, role, o, start) not in seen:
                seen.add((s, role, o, start))
                how = "endearing" if role in ENDEARING else how
                ex.relations.append(Relation(s, role, o, start, end, CONFIDENCE[how], how))
        for person in ex.people:
            person.mentions.sort(key=lambda m: m.start)
        return ex


LATER_SPOUSE = {"new", "second", "third", "latest"}  # "Dad's new wife": a parent married again
STEP = {"f": "stepmother", "m": "stepfather"}


def _remarried(ex, doc, found) -> list[tuple]:
    """A parent's new wife or husband ("Dad's new wife, Sharon") is the child's step-parent, perhaps: no mother or father
    is to be worked out from the marriage."""
    out = []
    for t in doc[:-1]:
        noun = doc[t.i + 1]
        if t.lower_ not in LATER_SPOUSE or KINDS.get(noun.lower_) != "spouse":
            continue
        for s, role, o, start, *_ in found:
            if role == noun.lower_ and start == noun.sent.start_char:
                sex = gender_of(role)
                out += [(s, STEP[sex], c, start, noun.sent.end_char, "new") for p, r, c, *_ in found
                        if p == o and KINDS.get(r) == "parent" and c != s and sex in STEP]
    return out


# Words for a person by sex or age alone, which are also what one calls a partner, a child, a pet, a patient ("her old
# man Bruce", "my boy Rex", "my baby Biscuit", "my lady in bed 4, Edna"): no tie is told by them for sure.
# ("Sheila's lad Craig", "our lass": in the Englishes that say them, a son and a daughter.)
ENDEARING = {"man", "woman", "boy", "girl", "lady", "gentleman", "guy", "fella", "fellow", "bloke", "baby", "babe"}


def _role_between(noun, name) -> bool:
    """Is there a nearer role noun of someone's between a role noun and the name the parser hung on it ("My buddy Mike's
    dad Frank": Frank is the dad, Mike's, not the buddy; but "His mother, my gran Agnes" is one person)?"""
    lo, hi = sorted((noun.i, name.i))
    between = noun.doc[lo + 1:hi]
    # "My brother Femi and my cousin Tayo": the name after "and" is the nearer role's
    return any(t.tag_ == "POS" or t.dep_ == "cc" for t in between) and any(role_noun(t) for t in between)


def _in_a_list(noun, name) -> bool:
    """Is a name after a role noun and a comma the next item of a list ("with my sister, Tom and the twins"), not its
    apposition ("my sister, Kate, and the twins"; "my sister Kate and the twins")?"""
    doc = noun.doc
    if name.i <= noun.i or not doc[noun.i + 1:name.i].text.startswith(","):
        return False
    cc = [c for c in name.children if c.dep_ == "cc" and c.i > name.i]
    return bool(cc) and doc[cc[0].i - 1].text != "," and any(c.dep_ == "conj" for c in name.children)


def _irrealis_be(verb) -> bool:
    """Is "are friends" negated, asked or wished ("aren't friends", "are they friends?", "could be friends", "I wish she
    were my sister"), or only named, a "being" with no verb over it ("- me being his daughter again": a list's wish)?"""
    return verb.tag_ == "VBG" and verb.dep_ == "ROOT" or any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "should", "will", "'ll")
               or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children) \
        or verb.dep_ in ("ccomp", "advcl", "xcomp") and verb.head.lemma_.lower() in UNREAL \
        or verb.sent.text.rstrip().endswith("?")


# Verbs whose clause tells what is not so: "I wish Priya was my sister", "pretend he's my brother".
UNREAL = {"wish", "pretend", "imagine", "dream", "suppose", "fancy"}


def _one_line(text, a, b) -> bool:
    """Are two tokens on one line: no line break between them (a letter's greeting is no apposition to what follows)?"""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text[lo:hi]


# Words between a possessive and its role noun: "my best friend", "her little sister", "his late wife".
MODIFIERS = {"best", "older", "younger", "big", "little", "baby", "eldest", "youngest", "oldest", "late", "dear", "new",
             "old", "lovely", "closest", "twin", "kid", "favourite", "favorite", "good", "darling", "beloved", "wee",
             "only", "first", "second", "ex", "future", "own", "lifelong", "oldest", "poor", "-"}
# What is someone's that a role phrase set beside it describes the someone of: "Nan's funeral, Dad's mum."
OCCASIONS = {"funeral", "wedding", "birthday", "christening", "anniversary", "memorial", "wake", "grave", "headstone",
             "party", "retirement", "graduation", "service", "cremation", "burial", "do"}
# Where someone is from that says what they are to the writer: "Ade from work", "Mr Pugh next door".
PLACES = {("from", "work"): "colleague", ("at", "work"): "colleague", ("from", "the office"): "colleague",
          ("next", "door"): "neighbour", ("from", "next door"): "neighbour"}


def _we(ex, token) -> int | None:
    """The person "our" stands for: the writer of the text, or in a chat the speaker of the turn."""
    if ex.speakers:
        speaker = next((sp for s, e, sp in ex.speakers if s <= token.idx < e), None)
        return next((p for p, person in enumerate(ex.people) if speaker and speaker in person.aliases), None)
    return next((p for p, person in enumerate(ex.people) if person.narrator), None)


_HIS = {"his": "m", "her": "f"}
PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _sex(ex, p, found, roles=None) -> str | None:
    """A person's gender as a role read here says ('"Pat" is his wife': a woman, whatever the name), else as known,
    else as their first name nearly always is."""
    words = ex.people[p].name.split()
    said = [r for s, r, *_ in found if s == p] + sorted((roles or {}).get(p, ()))
    return next((gender_of(r) for r in said if gender_of(r)), None) or ex.people[p].gender or (
        name_gender(words[0]) if words else None)


def _speaking(ex, p, idx) -> bool:
    """Is p the one speaking at character idx (the writer of prose, the speaker of a chat turn), or in prose the one
    it speaks to ("Dear Bean, ... Her husband Tom"), whom "his" or "her" there cannot be?"""
    if not ex.speakers:
        return ex.people[p].narrator or any(m.kind == "addressee" for m in ex.people[p].mentions)
    speaker = next((sp for s, e, sp in ex.speakers if s <= idx < e), None)
    return speaker is not None and speaker in ex.people[p].aliases


def _written(ex, doc, who, named, found, pronouns=frozenset(), roles=None, clear=lambda token: True) -> list[tuple]:
    """Relations as people write them, read from the words in order (the parser often misses them): a
    possessive, a role noun, a name ("my husband Tom", "Sam's wife Noor", "our neighbour Mr Patel", "my
    best friend, Claire,"), the name before it ("Tom, my husband", "Tom (my husband)", "Tom is my husband"),
    and where someone is from ("Ade from work", "Mr Pugh next door")."""
    names = {}  # token -> the person a name mention there is of
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind == "name" and p in named:
                for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
                    names[t.i] = p
    have = {(s, r, o) for s, r, o, *_ in found}
    out = []

    def add(p, role, owner, sent, how):
        if p is not None and owner is not None and p != owner and (p, role, owner) not in have:
            have.add((p, role, owner))
            out.append((p, role, owner, sent.start_char, sent.end_char, how))

    for noun in doc:
        role = role_noun(noun)
        if role is None or noun.tag_ in ("NNS", "NNPS") or noun.i in names:
            continue
        j = noun.i - 1
        # "my best friend", "my English teacher" (a capitalised adjective, but not a name the parser took for one)
        while j >= 0 and (doc[j].lower_ in MODIFIERS or doc[j].pos_ == "ADJ" and (doc[j].is_lower or j not in names)):
            j -= 1
        if j < 0:
            continue
        if doc[j].lower_ in POSSESSIVES or doc[j].lower_ == "our":
            owner, first = who(doc[j]), j
            if owner is not None and doc[j].lower_ in _HIS and (_sex(ex, owner, found + out, roles) not in (None, _HIS[doc[j].lower_])
                                                                or _speaking(ex, owner, doc[j].idx)):
                continue  # '"Pat" is his wife. "Ron" is his brother': his is not Pat's, nor the writer's, whatever coref read
        elif doc[j].tag_ == "POS" and j > 0 and doc[j - 1].i in names:
            owner = names[doc[j - 1].i]
            first = j - 1
            while first > 0 and names.get(first - 1) == owner:
                first -= 1
        else:
            continue
        k = in_law_end(noun) or noun.i + 1
        k += k < len(doc) and doc[k].text == ","
        after = names.get(k) if k < len(doc) and doc[k].sent.start == noun.sent.start else None
        before = None
        whose_noun = k < len(doc) and doc[k].tag_ == "POS"  # "Memo, my dad's best friend": the friend, not the dad
        if first >= 2 and doc[first - 1].text in (",", "(") and doc[first - 2].i in names and not whose_noun and not (
                noun.dep_ in ("nsubj", "nsubjpass") and doc[first - 1].text == "," and doc[k - 1].text != ","):
            before = names[doc[first - 2].i]  # "Tom, my husband", "Tom (my husband)"; not "Joe, your dad's in love"
        elif first >= 4 and doc[first - 3].text == "(" and doc[first - 2].lower_ == "that" and doc[first - 1].lower_ in (
                "'s", "’s", "is") and doc[first - 4].i in names and not whose_noun:
            before = names[doc[first - 4].i]  # "Taid Alun (that's my dad)"
        elif first >= 2 and _be(doc[first - 1]) and doc[first - 2].i in names and doc[first - 2].dep_ != "poss" \
                and not _irrealis_be(doc[first - 1]) and noun.dep_ != "poss":  # not "Pete is my brother's friend"
            before = names[doc[first - 2].i]  # "Tom is my husband"
        elif first >= 2 and doc[first].lower_ in POSSESSIVES | {"our"} and doc[first - 1].lower_ in ("'s", "’s") and doc[first - 2].i in names:
            before = names[doc[first - 2].i]  # "Joey's my best friend": a name's "'s" before "my" is "is"
        elif first >= 4 and doc[first - 1].text == "," and doc[first - 2].lemma_.lower() in OCCASIONS and doc[first - 3].tag_ == "POS" \
                and doc[first - 4].i in names and ((end := in_law_end(noun) or noun.i + 1) >= len(doc) or doc[end].is_punct):
            before = names[doc[first - 4].i]  # "Nan's funeral, Dad's mum.": the one whose funeral it is (not "Tom's wife, ...")
        if after is None and before is None:
            after = _is_named(doc, noun, first, names)  # "My sister is Jo", "my husband's called Rhys"
        how = "written" if first not in pronouns else "pronoun"
        if after is None and before is None:
            before, how = _said_after(doc, noun, first, k, names), "after"  # "Alec died that spring, Dad's big brother."
        for ref in {after, before} - {None}:
            add(ref, role, owner, noun.sent, how if how != "pronoun" or clear(doc[first], ref) else "pronoun-unclear")
        if after is None and before is None and owner is not None and (said := _fragment(ex, doc, noun, first, in_law_end(noun) or noun.i + 1, names)) is not None:
            g = gender_of(role)
            if said != owner and not (g and ex.people[said].gender and ex.people[said].gender != g):
                add(said, role, owner, noun.sent, "fragment")  # "Kerry rang me last night. My sister-in-law, who ..."
    writer = next((p for p, person in enumerate(ex.people) if person.narrator), None) if not ex.speakers else None
    for i, p in names.items():
        if names.get(i + 1) == p:
            continue  # the last word of the name
        for (prep, place), role in PLACES.items():
            words = place.split()
            if doc[i + 1:i + 2 + len(words)].text.lower() == f"{prep} {place}" or prep == "next" and doc[i + 1:i + 3].text.lower() == "next door":
                add(p, role, writer if writer is not None else _we(ex, doc[i]), doc[i].sent, "place")
    for t in doc:
        # "Alan has lived next door to Mum and Dad since 1990": neighbours of those, not of the writer
        if t.lemma_ == "live" and doc[t.i + 1:t.i + 4].text.lower() == "next door to":
            subj = [c for c in t.children if c.dep_ == "nsubj" and c.i in names]
            objs = [o for o in doc[t.i + 4:t.i + 5] for o in (o, *o.conjuncts) if who(o) is not None]
            for o in objs if len(subj) == 1 else ():
                add(names[subj[0].i], "neighbour", who(o), t.sent, "place")
    for noun in doc:
        # roles one has only in one's own life, said with "the" or "a": the writer's, or the speaker's ("the midwife,
        # Tina, is lovely", "a midwife called Rufaro", "Anwen, the new boss,")
        role = noun.lemma_.lower() if noun.tag_ == "NN" else None
        if role not in OWN | CARE or noun.i in names:
            continue
        j = noun.i - 1
        while j >= 0 and (doc[j].lower_ in MODIFIERS or doc[j].pos_ == "ADJ" and doc[j].is_lower or doc[j].lower_ in CARE_KINDS):
            j -= 1
        if j < 0 or doc[j].lower_ not in ("the", "a", "an") or any(t.text == "?" for t in noun.sent):
            continue
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        said = None
        if after is not None and after.text == "," and noun.i + 2 < len(doc) and noun.i + 2 in names:
            said = names[noun.i + 2]  # "the midwife, Tina,"
        elif after is not None and after.lower_ in ("called", "named") and noun.i + 2 < len(doc) and noun.i + 2 in names:
            said = names[noun.i + 2]  # "a midwife called Rufaro"
        elif j >= 2 and doc[j - 1].text == "," and j - 2 in names:
            said = names[j - 2]  # "Anwen, the new boss,"
        else:
            said = _be_named(noun, names)  # "The new carer is Marcus", "Marcus is the new carer"
        if role not in OWN and (writer is None or any(q not in (said, writer) for q in range(len(ex.people)))):
            continue  # whose carer or nurse: the writer's when the entry speaks of no one else ("Mum's", a patient's)
        if role in BIRTH and _not_hers(ex, doc, said, writer if writer is not None else _we(ex, noun)):
            continue  # whose midwife: hers who has the baby, not a father's ("Your mam had the scan. Joy, the midwife, ...")
        if any(t.i in names and names[t.i] != said and role not in (t.lower_, doc[t.i - 1].lower_) for t in noun.sent):
            continue  # "the new midwife, Joy, who Anya loves": whose she is, the sentence leaves open (not "Midwife Sarah")
        add(said, role, writer if writer is not None else _we(ex, noun), noun.sent, "own" if role in OWN else "care")
    for t in doc:
        # "Dr Okafor says Mum's bloods are fine", "Review with Dr Whitfield about my hip": the one whose health the
        # doctor or nurse named by title speaks of or sees to, when the sentence is of no one else's
        title = TITLED.get(t.lower_.rstrip("."))
        p = names.get(t.i + 1) if t.i + 1 < len(doc) else None
        if title is None or p is None or any(x.text == "?" or x.dep_ == "neg" for x in t.sent):
            continue
        whose = {who(c) for h in t.sent if h.lemma_.lower() in HEALTH or h.lower_ in HEALTH
                 for c in h.children if c.dep_ == "poss"}
        people = {who(x) for x in t.sent} - {None, p}
        if len(whose) == 1 and None not in whose and people == whose:
            add(p, title, whose.pop(), t.sent, "care")
    for teacher, pupil, sent in _in_class(doc, who):
        add(teacher, "teacher", pupil, sent, "class")
    return out


# Who looks after someone's health or care: the writer's, said with "the" or "a", when the entry speaks of no one else
# ("The new morning carer is Marcus. He was gentle with me"; not "The carer today was Jolene. She got Mam up").
CARE = {"carer", "caregiver", "nurse", "physio", "physiotherapist", "therapist", "counsellor", "counselor", "gp", "doctor",
        "consultant", "dentist", "surgeon", "optician", "chiropodist", "podiatrist", "psychiatrist", "psychologist"}
CARE_KINDS = {"morning", "evening", "night", "day", "district", "practice", "community", "agency", "care", "home",
              "macmillan", "specialist", "breast", "diabetes", "stoma", "school"}


BIRTH = {"midwife"}  # the roles of one who has a baby


def _not_hers(ex, doc, said, me) -> bool:
    """Is the one a birth role is said by not the one having the baby: a man, or one whose entry speaks of another woman
    (a woman named, "my wife", "your mam")?"""
    if me is None or ex.people[me].gender == "m":
        return True
    others = {q for q, person in enumerate(ex.people) if q not in (said, me) and person.gender == "f" and not any(
        set(ex.text[max(0, m.start - 12):m.start].lower().split()[-1:] + ex.text[m.start:m.end].lower().split()[:1]) & BIRTH
        for m in person.mentions)}  # not "Midwife Sarah"
    return bool(others) or any(gender_of(r) == "f" and r not in BIRTH and t.i > 0 and doc[t.i - 1].lower_ in POSSESSIVES
                               for t in doc if (r := role_noun(t)))


def _be_named(noun, names) -> int | None:
    """The named one a role noun is said by "be" to be: "The new carer is Marcus", "the carer today was Jolene",
    "Marcus is the new carer", "The district nurse is a lovely woman called Sinéad"; not asked, negated or wished."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "attr") or not _be(verb) or _irrealis_be(verb):
        return None
    for c in verb.children:
        if c.i == noun.i or c.dep_ not in ("nsubj", "attr"):
            continue
        if c.i in names:
            return names[c.i]
        called = [g for a in c.children if a.dep_ == "acl" and a.lower_ in ("called", "named")
                  for g in a.children if g.dep_ in ("oprd", "dobj", "attr") and g.i in names]
        if c.dep_ == "attr" and c.pos_ == "NOUN" and len(called) == 1:
            return names[called[0].i]  # "a lovely woman called Sinéad"
    return None


TITLED = {"dr": "doctor", "doctor": "doctor", "nurse": "nurse"}
# What a doctor or nurse speaks of or sees to that is someone's: "Mum's bloods", "my hip", "Papa's results"
HEALTH = {"blood", "bloods", "result", "results", "scan", "x-ray", "xray", "test", "tests", "biopsy", "hip", "knee", "leg",
          "arm", "back", "heart", "chest", "lung", "lungs", "liver", "kidney", "kidneys", "tablet", "tablets", "medication",
          "meds", "dose", "prescription", "pressure", "sugar", "sugars", "dressing", "dressings", "wound", "ulcer", "stitch",
          "stitches", "op", "operation", "surgery", "treatment", "chemo", "foot", "feet", "ankle", "wrist", "shoulder",
          "thyroid", "cholesterol", "eye", "eyes", "ear", "ears", "skin", "mole", "bp", "temperature", "infection", "cough"}
SCHOOL = {"year", "grade", "form", "class", "reception", "nursery"}
TITLES = {"mr", "mrs", "miss", "ms", "mr.", "mrs.", "ms."}


def _in_class(doc, who) -> list[tuple]:
    """(teacher, pupil, sentence) for a pupil said to be in a school year or class with a teacher: "Isla is in Year 4
    with a teacher called Mrs Hamdan", "Rory is in Year 2 with Mr Pearce", "Jack is in Mrs Patel's class". A year needs its
    number ("in the year with Tom" is no class), and one "with" no teacher's title or word is no teacher ("with Amy")."""
    out = []
    for t in doc:
        group = next((c for c in t.children if c.dep_ == "pobj"), None) if t.dep_ == "prep" and t.lower_ == "in" else None
        if group is None or group.lemma_.lower() not in SCHOOL:
            continue
        if group.lower_ in ("year", "grade", "form") and not any(c.dep_ == "nummod" for c in group.children):
            continue
        pupils = {who(c) for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")} - {None}
        teachers = {who(c) for c in group.children if c.dep_ == "poss" and doc[max(c.left_edge.i, 0)].lower_ in TITLES}
        for w in (c for x in (t.head, group) for c in x.children if c.dep_ == "prep" and c.lower_ == "with"):
            for o in (c for c in w.children if c.dep_ == "pobj"):
                if o.lemma_.lower() == "teacher":
                    named = [g for c in o.children if c.dep_ == "acl" and c.lower_ in ("called", "named")
                             for g in c.children if g.dep_ in ("oprd", "dobj", "attr")]
                    teachers |= {who(g) for g in named}
                elif doc[o.left_edge.i].lower_ in TITLES:
                    teachers.add(who(o))
        teachers.discard(None)
        if len(pupils) == 1 and len(teachers) == 1 and pupils != teachers:
            out.append((teachers.pop(), pupils.pop(), t.sent))
    return out


def _is_named(doc, noun, first, names) -> int | None:
    """The person a role phrase is said to be after it: "My sister is Jo", "my best friend was Carys Bell", "my husband's
    Rhys", "my sister is called Jo". Not "my sister isn't Jo", "my son is Tom's friend", a question or a wish ("if my
    sister was Jo")."""
    k = in_law_end(noun) or noun.i + 1
    if k + 1 >= len(doc) or doc[k].sent.start != noun.sent.start or not (_be(doc[k]) or doc[k].lower_ in ("'s", "’s")):
        return None
    if any(t.text == "?" for t in noun.sent) or first > noun.sent.start and doc[first - 1].lower_ in ("if", "whether", "unless"):
        return None
    n = k + 1
    if doc[n].lower_ in ("called", "named") and n + 1 < len(doc):
        n += 1
    said = names.get(n)
    end = n
    while names.get(end + 1) == said and said is not None:
        end += 1
    if said is None or end + 1 < len(doc) and (doc[end + 1].tag_ == "POS" or doc[end + 1].lower_ in ("'s", "’s")):
        return None
    return said


def _turn(ex, doc, i) -> tuple[int, int]:
    """The tokens (lo, hi) of the chat turn holding token i; of the whole text outside a chat."""
    if not ex.speakers:
        return 0, len(doc)
    pos = doc[i].idx
    for start, end, _ in ex.speakers:
        if start <= pos < end:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                return span.start, span.end
    return i, i + 1


def _said_after(doc, noun, first, k, names) -> int | None:
    """The one a role phrase set after a comma at the end of a clause is of: the named subject of the verb it hangs on
    ("Uncle Alec died that spring, Dad's big brother."; not "..., and Dad's brother came", nor a phrase before more words)."""
    verb = noun.head
    if noun.dep_ not in ("npadvmod", "appos", "dep", "advmod") or verb.pos_ not in ("VERB", "AUX") or first < 1 \
            or doc[first - 1].text != "," or verb.i > noun.i:
        return None
    end = k
    while end < len(doc) and end < noun.sent.end and doc[end].text != "." and doc[end].head.i != verb.i:
        end += 1  # the rest of the phrase: ", the last of that generation"
    if end < noun.sent.end and doc[end].text not in (".", "!", "…") and not doc[end].is_space:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return names.get(subjects[0].i) if len(subjects) == 1 else None


def _boundary(t) -> bool:
    return t.is_space and "\n" in t.text or t.text[-1:] in ".!?…" and not t.text.strip(".!?…")


FRAGMENT_END = {".", "!", "…", ",", "—", "–", "-", ";", "..."}


def _fragment(ex, doc, noun, first, k, names) -> int | None:
    """The person a role phrase standing as a sentence of its own is: the one person the sentence before it
    names ("Kerry rang me last night. My sister-in-law, who I've met four times.", "Who's Denise?" "My
    roommate.", "this is Chandler! My roommate!"). Not a phrase that is the subject or object of a verb, nor a
    question ("Your sister?")."""
    lo, hi = _turn(ex, doc, noun.i)
    j = first - 1
    while j >= lo and (doc[j].text == "," or doc[j].pos_ == "INTJ" or doc[j].lower_ in FILLERS):
        j -= 1
    if j >= lo and not _boundary(doc[j]):
        return None  # the phrase does not start its sentence
    end = doc[k] if k < hi else None
    if end is not None and not (end.text in FRAGMENT_END or end.is_space and "\n" in end.text or end.lower_ == "and" and noun.dep_ == "ROOT"):
        return None
    if noun.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "nsubj" and c.i != noun.i for c in noun.head.children):
        return None  # "My brother, who lives in Leeds, came round" (not "..., and she seems to know": the parser's slip)
    if noun.dep_ in ("dobj", "pobj") or any(t.text == "?" for t in doc[noun.i:min(hi, noun.sent.end)]):
        return None
    # the sentence before: in this turn, or the turn before
    if j >= lo:
        stop = j
    else:
        before = [(s, e) for s, e, _ in ex.speakers if e <= doc[lo].idx]
        span = doc.char_span(*max(before), alignment_mode="expand") if before else None
        if span is None or not len(span):
            return None
        lo, stop = span.start, span.end - 1
    start = stop - 1
    while start >= lo and not _boundary(doc[start]):
        start -= 1
    said = {names[t.i] for t in doc[start + 1:stop + 1] if t.i in names}
    return said.pop() if len(said) == 1 else None


# Verbs (and their adjectives) that tie two people: "Huw and Kasia got married", "Ross married Emily", "Phoebe
# is dating Mike", "she broke up with Richard", "they divorced". The tie: spouse, partner, ex (by gender: wife,
# girlfriend, ex-husband ...); "getting married" is a plan, and the two engaged.
TIES = {"marry": "spouse", "married": "spouse", "wed": "spouse", "engage": "fiance", "engaged": "fiance",
        "date": "partner", "divorce": "ex-spouse", "divorced": "ex-spouse", "dump": "ex-partner"}
UP = {"break": "ex-partner", "split": "ex-partner"}  # "broke up with", "split up"
WISHES = {"want", "wish", "hope", "plan", "like", "love", "would", "try", "dream", "pretend", "ask", "if", "unless"}


def _two(ex) -> tuple[int, int] | None:
    """The two people of a chat of two speakers, else None."""
    said = {sp for _, _, sp in ex.speakers if sp}
    people = [next((p for p, person in enumerate(ex.people) if sp in person.aliases), None) for sp in sorted(said)]
    return tuple(people) if len(said) == 2 and None not in people and people[0] != people[1] else None


def _tied(ex, doc, who, two=None) -> list[tuple]:
    """Two people a verb ties: (subject, word, object, sentence) for "A and B got married", "A married B",
    "A is engaged to B", "A is dating B", "A broke up with B", "A and B divorced". Not when negated, asked,
    wished or to come ("if they marry", "want to date her", "won't marry him"); "getting married" is an
    engagement. "we" and "they" tie no one (who the others are is not said)."""
    out = []
    for t in doc:
        lemma = t.lemma_.lower()
        kind = TIES.get(lemma) if t.pos_ in ("VERB", "ADJ", "AUX") else None
        if kind is None and lemma in UP and any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
            kind = UP[lemma]
        if kind is None and lemma == "go" and t.tag_ == "VBG" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children) \
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
            # "Monica is going out with Richard"; "you were going out with Donna": a couple once
            past = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children)
            kind = "ex-partner" if past else "partner"
            if not past and any(c.dep_ in ("npadvmod", "advmod", "prep") and c.lower_ not in ("for", "since")
                                and any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree) for c in t.children):
                continue  # "going out with Ben next week": a date, not a couple
        if kind is None:
            continue
        head = t.head if t.pos_ == "ADJ" and t.dep_ in ("acomp", "attr") else t
        subjects = [c for x in (head, *(c for c in head.children if c.dep_ in ("aux", "auxpass")))
                    for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]  # the parser may hang it on "are"
        if head.dep_ == "conj" and head.head.pos_ in ("PROPN", "NOUN", "PRON"):
            subjects.append(head.head)  # "Your Grandad and I got married" (the parser joins the verb to the name)
        subjects = [x for c in subjects for x in (c, *(j for j in c.conjuncts if j.pos_ in ("PROPN", "NOUN", "PRON")))]  # not the verb
        if len(subjects) == 1 and subjects[0].i >= 2 and doc[subjects[0].i - 1].lower_ == "and":
            other = doc[subjects[0].i - 2]  # "Tom and I got married": the parser may hang "Tom" on the verb as a modifier
            if who(other) is not None and {other.head, doc[subjects[0].i - 1].head} & {t, head} \
                    and other.dep_ in ("npadvmod", "dep", "nsubj", "nsubjpass"):
                subjects.append(other)
        objects = [c for c in t.children if c.dep_ == "dobj"] + [
            o for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "with") for o in c.children if o.dep_ == "pobj"]
        objects = [next((a for a in o.children if a.dep_ == "appos" and who(a) is not None), o) if who(o) is None else o
                   for o in objects]  # "with that girl Donna"
        if lemma in ("marry", "wed") and any(who(j) is not None for o in objects for j in o.conjuncts):
            continue  # "I married Josh and Kayla this afternoon": the one who married them, not a spouse
        people = [who(x) for x in subjects + objects]
        how = "verb"
        if two and [x.lower_ for x in subjects] == ["we"] and not objects:
            people, how = list(two), "we"  # "we got married", said in a chat of two
        elif any(x.lower_ in ("we", "they", "us", "them") for x in subjects + objects) or None in people or len(set(people)) != 2:
            continue
        sent = t.sent
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "should", "will", "'ll", "wo", "can", "ca")
               for x in (t, head) for c in x.children) or sent.text.rstrip().endswith("?") and lemma != "date":
            continue
        if any(a.lemma_.lower() in WISHES or a.dep_ in ("mark", "advcl") and a.lower_ in WISHES for a in (head.head, *head.children)) \
                or head.dep_ in ("xcomp", "advcl", "ccomp") and head.head.lemma_.lower() in WISHES:
            continue
        if kind == "spouse" and (any(c.lower_ == "getting" or c.lemma_ == "go" for c in head.children) or head.head.lemma_ == "go"
                                 or t.tag_ == "VBG"):
            kind = "fiance"  # "are getting married", "going to marry"
        a, b = people[0], next(p for p in people if p != people[0])
        out.append((b, kind, a, sent, how))
    return out


WEDDINGS = {"wedding": "spouse", "marriage": "spouse", "honeymoon": "spouse", "engagement": "fiance"}
LATER = {"will", "'ll", "’ll", "going", "gonna", "next", "soon", "planning", "plan"}


def _wedded(ex, doc, who) -> list[tuple]:
    """Two people a wedding past ties, read from the words in order (the parser often misses them): "Huw and Kasia's
    wedding", "Nain's wedding to Taid", "Your Dad and I went to Seahouses on our honeymoon"; "Jo and Sam's engagement party"
    makes the two engaged. Only in a sentence told in the past with nothing to come in it (not "Huw and Kasia's wedding is
    in June")."""
    def person(t):
        p = who(t)
        return _we(ex, t) if p is None and t.lower_ == "i" else p

    out = []
    for t in doc:
        kind = WEDDINGS.get(t.lower_) if t.tag_ == "NN" else None
        sent = t.sent
        if kind is None or t.i < 2 or not any(x.tag_ == "VBD" for x in sent) or any(x.lower_ in LATER or x.text == "?" for x in sent):
            continue
        i, pair = t.i, None
        j = i - 1 - (doc[i - 1].tag_ == "POS")  # the last word before the wedding ("Kasia" of "Kasia's wedding")
        first = j
        while first > sent.start and person(doc[first - 1]) is not None and person(doc[first - 1]) == person(doc[j]):
            first -= 1  # "Kasia Nowak's": back to the name's first word
        if i + 2 < len(doc) and doc[i + 1].lower_ == "to" and person(doc[j]) is not None and doc[j].lower_ not in _HIS:
            pair = (person(doc[j]), who(doc[i + 2]))  # "Nain's wedding to Taid", "my wedding to Geth" (not "her": coref's guess)
        elif doc[i - 1].tag_ == "POS" and first - 2 >= sent.start and doc[first - 1].lower_ == "and":
            pair = (person(doc[first - 2]), person(doc[j]))  # "Huw and Kasia's wedding"
        elif i >= 1 and doc[i - 1].lower_ == "our":
            we = [x for x in sent if x.lower_ == "i" and x.i >= 2 and doc[x.i - 1].lower_ == "and" and x.i < i]
            pair = (person(doc[we[0].i - 2]), person(we[0])) if we else None  # "Your Dad and I ... our honeymoon"
        if pair and None not in pair and pair[0] != pair[1]:
            out.append((pair[1], kind, pair[0], sent, "wedding"))
    return out


# What two people have together that makes them a couple, said "X and Y's ___": their home (said alone: "at Lorna and
# Graham's"), their children, their anniversary. Not "Hayley and Craig's brother", "Amy and Ryan's rooms", "Jo and Sam's mum":
# siblings share those.
COUPLE_THINGS = {"house", "home", "flat", "bungalow", "place", "caravan", "kids", "children", "baby", "babies", "twins",
                 "anniversary", "honeymoon"}
# What may follow "at X and Y's" when it is their home: an end, or words of when and with whom.
AFTER_HOME = {"with", "for", "on", "in", "at", "last", "this", "yesterday", "today", "tonight", "after", "before", "until",
              "till", "and", "again", "tomorrow", "next", "every", "once", "twice", "because", "since", "then"}
AT_HOME = {"at", "to", "round", "from", "over"}


def _couple(ex, doc, who) -> list[tuple]:
    """Two people whose home, children or anniversary it is, a couple: "Bonfire night at Lorna and Graham's", "a party at
    Karen and Dev's with a cake", "Sunday dinner at Nora and Pádraig's", "Tom and Priya's kids". The two named alone, not
    one of three ("Ruby, Cian and Síle's"), nor the writer."""
    out = []
    for t in doc:
        if t.tag_ != "POS" or t.i < 3 or t.i + 1 > len(doc):
            continue
        y, j = who(doc[t.i - 1]), t.i - 1
        while j > 0 and who(doc[j - 1]) == y and y is not None:
            j -= 1  # "Pádraig Murphy's": back to the name's first word
        if y is None or j < 2 or doc[j - 1].lower_ != "and":
            continue
        i = j - 2
        x = who(doc[i])
        while i > 0 and who(doc[i - 1]) == x and x is not None:
            i -= 1
        if x is None or x == y or any(ex.people[p].narrator for p in (x, y)) or (i > 0 and doc[i - 1].lower_ in (",", "and", "&")):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        home = nxt is None or nxt.is_punct or nxt.lower_ in AFTER_HOME
        if home and not (i > 0 and doc[i - 1].lower_ in AT_HOME):
            continue  # "... and Dev's." with no "at" before: whose, the sentence does not say
        k = t.i + 1
        while not home and k + 1 < min(len(doc), t.i + 3) and doc[k].pos_ == "ADJ":
            k += 1  # "Tom and Priya's new house"
        if not home and not (doc[k].lemma_.lower() in COUPLE_THINGS or doc[k].lower_ in COUPLE_THINGS):
            continue
        sent = t.sent
        if any(w.lower_ in ("ex", "former", "divorced", "separated") for w in sent):
            continue
        out.append((y, "spouse", x, sent, "couple"))
    for t in doc:  # "Karen and Dev are back from their honeymoon", "Mum and Dad had their fortieth anniversary"
        k = t.i + 1
        while t.lower_ == "their" and k < min(len(doc), t.i + 4) and (doc[k].like_num or doc[k].pos_ in ("ADJ", "NUM")
                                                                     or doc[k].lower_ == "wedding"):
            k += 1
        if t.lower_ != "their" or k >= len(doc) or doc[k].lower_ not in ("honeymoon", "anniversary"):
            continue
        sent, names = t.sent, []
        for u in doc[sent.start:t.i]:
            p = who(u)
            if p is not None and (not names or names[-1][0] != p or names[-1][1] != u.i - 1):
                names.append((p, u.i))
            elif p is not None:
                names[-1] = (p, u.i)
        if len(names) != 2 or names[0][0] == names[1][0] or any(ex.people[p].narrator for p, _ in names):
            continue  # the two named before it, and no one else: whose honeymoon it is
        x, y = names[0][0], names[1][0]
        first_y = min(u.i for u in doc[sent.start:t.i] if who(u) == y)
        if doc[first_y - 1].lower_ != "and" or any(w.lower_ in ("ex", "former", "divorced", "separated") for w in sent):
            continue
        out.append((y, "spouse", x, sent, "couple"))
    return out


def _tie_word(kind, gender) -> str:
    f, m, either = TIE_WORDS[kind]
    return f if gender == "f" else m if gender == "m" else either


def _telling(noun, role) -> bool:
    """Does the sentence tell of one role, so that a name nearby can be it? Not a question ("What is
    your father?"), nor a sentence with other kin in it ("my brother died, leaving me his two
    children": the names that follow may be the children)."""
    sent = noun.sent
    if any(t.text == "?" for t in sent) or sent[0].text in ("--", "—", "-"):
        return False
    return not any(t.i != noun.i and role_noun(t) and t.lemma_.lower() != role and t.pos_ == "NOUN" for t in sent)


# A letter's last line, a closing and the name it is signed with: "Yours, Tom", "Love,\nAisling", "Best wishes, Jan x"
SIGN_OFF = re.compile(r"\s*(?:(?:all )?(?:my |our |with )?love|yours(?: truly| sincerely| ever)?|best(?: wishes)?|(?:kind )?regards|"
                      r"cheers|sincerely|warmly)[ \t]*,?\s*(?-i:[A-Z])[\w'’-]*[ \t]*[.!]?(?:[ \t]+x+)?\s*\Z", re.I)


# A letter's first line greeting its reader by name alone: "Iain,", "Gareth!" (LETTER_OPENS has "Dear Iain,").
GREETING_LINE = re.compile(r"\s*(?-i:[A-Z])[\w'’-]+(?:[ \t]+(?-i:[A-Z])[\w'’-]+)?[ \t]*[,!][ \t]*\r?\n")


def _bare_signature(text: str, sent) -> bool:
    """Is the sentence a letter's name with no closing words before it (selfname23): alone on the text's last line, a
    paragraph of its own, in a text that opens as a letter ("Dear Iain,\n\n... according to my daughter.\n\nDougie")?
    Then it signs the letter and is no one the sentence before names ("Your son was born that winter. Tobias.")."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    start, stop = words[0].idx, words[-1].idx + len(words[-1])
    return bool(re.search(r"\n[ \t]*\r?\n[ \t]*\Z", text[:start]) and not text[stop:].strip(" \t\r\n.xX")
                and (LETTER_OPENS.match(text) or GREETING_LINE.match(text)))


def _named_next(doc, noun, who) -> int | None:
    """The person named by the sentence after the noun's, when that sentence is a name and nothing else,
    or only gives their age ("Your son asked ... Matthias was twelve.")."""
    end = noun.sent.end
    if end >= len(doc):
        return None
    alone = _name_alone(doc[end].sent, who)
    return alone if alone is not None else _described(doc[end].sent, who)


def _opens_next(ex, doc, noun, role, owner, who, name_at) -> int | None:
    """The one person the sentence after a role phrase opens with, named alone as its subject: "My brother rang last
    night. Pete says the boiler's gone", "Jess came with her boyfriend. Liam barely said a word", "Mr Naidoo's son
    phoned. Vikash wants ...". The role is the writer's, a name's, or "her" or "his" of the one named beside it. Not
    when either sentence, or the one before, names anyone else, when the telling moves on to the writer, when the
    name says more of who they are ("Pete, his neighbour", "Jo from the bank", "Pete's wife"), nor in a question."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or who(poss) != owner:
        return None
    if not (poss.lower_ in ("my", "our") or poss.i in name_at
            or poss.lower_ in _HIS and any(who(t) == owner for t in noun.sent if t.i != poss.i and t.pos_ == "PROPN")):
        return None
    sent = noun.sent
    k = in_law_end(noun) or noun.i + 1
    if any(who(t) not in (None, owner) for t in sent if t.i != noun.i) or sent.end >= len(doc) \
            or k < len(doc) and doc[k].tag_ == "POS":  # "he was at his cousin's": a place
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") and t.head not in set(noun.ancestors) for t in sent):
        return None  # "My son called on Sunday, and I told him. Dave was kind about it.": the telling moved on to me
        # (not "We went to see Doug's mum. Ellen is in a home now": the role is what the writer did)
    if sent.start > 0 and any(name_at.get(t.i) not in (None, owner) for t in doc[sent.start - 1].sent):
        return None  # "Rob came over to help. My brother-in-law has many talents": the role may be one named before
    nxt = doc[sent.end].sent
    words = [t for t in nxt if not t.is_space]
    if not words or any(t.text == "?" for t in nxt) or _speaker(ex, words[0].idx) != _speaker(ex, noun.idx):
        return None
    first = words[0]
    p = name_at.get(first.i)
    if p is None or p == owner or ex.people[p].honorific or first.lower_ in KIN_NAMES:
        return None
    span = [t for t in words if name_at.get(t.i) == p and t.i < first.i + 4]
    root = next((t for t in span if t.head not in span), None)
    k = span[-1].i + 1
    while k < nxt.end and doc[k].pos_ == "ADV":
        k += 1
    if root is None or root.dep_ not in ("nsubj", "nsubjpass") or any(
            c.dep_ in ("appos", "prep", "acl", "relcl", "conj", "cc", "poss", "npadvmod") for c in root.children) \
            or k >= nxt.end or doc[k].pos_ not in ("VERB", "AUX"):
        return None  # the name alone, then what they did: not "Stacey from next door came", "Pete's wife"
    if any(name_at.get(t.i) not in (None, p) and t.lower_ not in KIN_NAMES for t in nxt) \
            or any(name_at.get(t.i) == p for t in doc[:sent.end]):
        return None  # and one named before it is someone the writer already called by name
    g, sex = gender_of(role), ex.people[p].gender or name_gender(ex.people[p].name.split()[0])
    return None if g and sex and sex != g else p


def _speaker(ex, idx):
    return next((sp for s, e, sp in ex.speakers if s <= idx < e), None) if ex.speakers else None


def _had(noun, who) -> int | None:
    """Whose a role said with "a" is: the person who has or has got one ("Idris has a girlfriend", "I've got a new
    boss"), not one who has none, wants one or is asked about one."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in ("have", "get"):
        verb = verb.head  # "Nan's got a carer coming in now"
    elif noun.dep_ != "dobj" or verb.lemma_ not in ("have", "get"):
        return None
    if not any(c.lower_ in ("a", "an") for c in noun.children) or _irrealis_be(verb) or any(
            c.lower_ in ("no", "any") for c in noun.children):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return who(subj[0]) if len(subj) == 1 else None


def _name_given(doc, noun, role, who) -> int | None:
    """The person the sentence after a role phrase names as it: "Her name is Freya Campbell", "His name's Tom",
    "She's called Aoife" (his or her as the role's sex allows), "A carer called Grace", and a baby whose birth it tells
    ("You have a granddaughter in Australia. Matilda was born on the 9th")."""
    if noun.sent.end >= len(doc):
        return None
    nxt = doc[noun.sent.end].sent
    g = gender_of(role)
    pron = {"her": "f", "his": "m", "she": "f", "he": "m"}
    words = [t for t in nxt if not t.is_space]
    if len(words) < 4 or any(t.text == "?" or t.dep_ == "neg" for t in words):
        return None
    if words[0].lower_ in ("a", "an", "the"):
        # "Nan's got a carer coming in now. A carer called Grace, from Zimbabwe, ..."
        i = next((i for i, t in enumerate(words[1:4], 1) if role_noun(t) == role), None)
        if i is None or i + 2 >= len(words) or words[i + 1].lower_ not in ("called", "named"):
            return None
        return who(words[i + 2])
    first = who(words[0])
    if first is not None and role.removeprefix("great-").removeprefix("great") in BORN_ROLES:
        # "You have a granddaughter in Australia. Matilda Margaret Halloran was born on the 9th": the baby born is the one
        k = 1
        while k < len(words) and who(words[k]) == first:
            k += 1
        if len(words) > k + 1 and words[k].lower_ in ("was", "is", "'s", "’s") and words[k + 1].lower_ == "born":
            return first
        return None
    if words[0].lower_ not in pron:
        return None
    # read in order: the parser takes "His name's Tom" for a possessive
    said = words[3] if words[1].lower_ == "name" and words[0].lower_ in ("his", "her") and words[2].lower_ in ("is", "was", "'s", "’s") \
        or words[0].lower_ in ("he", "she") and words[1].lower_ in ("is", "was", "'s", "’s") and words[2].lower_ in ("called", "named") \
        else None
    if said is None or g and pron[words[0].lower_] != g:
        return None
    return who(said)


def _described(sent, who) -> int | None:
    """The person a short sentence only gives the age of: "Matthias was twelve.", "Ella is four years old."
    (a name as subject of "be" with a number, and no one else in it)."""
    root = sent.root
    words = [t for t in sent if not t.is_punct and not t.is_space]
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    age = any(c.dep_ in ("acomp", "attr") and c.pos_ == "NUM" or c.dep_ == "acomp" and c.lower_ == "old"
              and any(g.pos_ == "NUM" for g in c.subtree) for c in root.children)
    if len(words) > 8 or root.lemma_ != "be" or len(subj) != 1 or subj[0].pos_ != "PROPN" or not age:
        return None
    people = {who(t) for t in words if who(t) is not None}
    return who(subj[0]) if people == {who(subj[0])} and who(subj[0]) is not None else None


def _name_alone(sent, who) -> int | None:
    """The person a sentence names, when it is a name and nothing else ("Tobias.", "Little Alice Grey."):
    no verb, its names one person's. A new paragraph starts a sentence the parser may run on into
    ("Dear Tom,\n\nMaud.")."""
    words = [t for t in sent if not t.is_space]
    breaks = [t.i for t in sent if t.is_space and "\n" in t.text and words and t.i < words[-1].i]
    words = [t for t in words if not breaks or t.i > breaks[-1]]
    names = {who(t) for t in words if t.pos_ == "PROPN"}
    if len(words) > 6 or any(t.pos_ in ("VERB", "AUX") for t in words) or len(names) != 1:
        return None
    return names.pop()


def _named_as(doc, name, who) -> int | None:
    """Whose name "name" is said to be: "Your niece's name was Élodie", "Rosa was my grandmother's name",
    "Élodie. That was your niece's name." """
    verb = name.head
    if name.dep_ not in ("nsubj", "attr") or not _be(verb):
        return None
    for c in verb.children:
        if c.i != name.i and c.dep_ in ("nsubj", "attr"):
            if who(c) is not None:
                return who(c)
            if c.lower_ in ("that", "this", "it") and verb.sent.start > 0:
                return _name_alone(doc[verb.sent.start - 1].sent, who)
    return None


def _named_beside(doc, noun) -> list:
    """The names in apposition to a plural noun, each of them: "her sons Tom and Ben", "his daughters,
    Isla and Freya" (which the parser reads as a coordination, right after the comma)."""
    first = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if first is None and noun.i + 2 < len(doc) and doc[noun.i + 1].text == ":" and doc[noun.i + 2].pos_ == "PROPN":
        first = doc[noun.i + 2]  # "I have three children: Aisha, Bilal and Zara"
    if first is None and noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":
        after = doc[noun.i + 2]
        first = after if after.dep_ == "conj" and after.head.i == noun.i and after.pos_ == "PROPN" else None
    return [first, *first.conjuncts] if first is not None else []


def _names_at(ex, doc) -> dict[int, set[int]]:
    """Token index -> the people a name mention starting a token there is of (once an entry: asking each
    person's mentions for every token made a book-length entry quadratic)."""
    out = defaultdict(set)
    for q, person in enumerate(ex.people):
        for mm in person.mentions:
            if mm.kind == "name":
                for t in doc.char_span(mm.start, mm.end, alignment_mode="expand") or ():
                    if mm.start <= t.idx < mm.end:
                        out[t.i].add(q)
    return out


def _named_with(ex, doc, p, family, names_at) -> bool:
    """Is person p named in a coordination ("Steven and Alice") with one of `family`?"""
    for m in ex.people[p].mentions:
        if m.kind != "name":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        group = {root.head} | set(root.conjuncts) | {c for c in root.children if c.dep_ == "conj"}
        if root.dep_ == "conj":
            group |= set(root.head.conjuncts) | {root.head}
        if any(names_at.get(t.i, set()) & family for t in group):
            return True
    return False


def _kin_named(ex, found, who=None) -> list[tuple[int, str, int, int, int, str]]:
    """People called by a kin word ("Mum", "Grandma Rose"), outside quotes, are the kin of the
    writer, or in a chat of the turn's speaker, unless the text already relates them to that person or
    gives them that role for someone else ("Your aunt Philippa" in a letter is the reader's aunt). A letter
    signed with a kin name is from the reader's kin. A kin word said to someone in quoted words is the kin of
    the one said to say them (Lily said, "You're eighty-five, Grandad!"); "your" kin, or a kin word a chat
    message is signed with ("Well done Liam pet. Nan xx"), are the kin of the one spoken to: the reader of a
    letter, in a chat the other of two, the one member the message names, or the one whose turns are on both
    sides of it."""
    quotes = quoted(ex.text)
    writer = next((p for p, person in enumerate(ex.people)
                   if any(m.kind == "narrator" for m in person.mentions)), None) if not ex.speakers else None
    reader = next((p for p, person in enumerate(ex.people) if not person.narrator
                   and any(m.kind == "addressee" for m in person.mentions)), None)
    readers = _readers(ex, reader, writer)
    said_by = {sp for _, _, sp in ex.speakers}
    speakers = {sp: p for p, person in enumerate(ex.people) for sp in said_by if sp in person.aliases}
    signed_as = _signed_kin(ex) if not ex.speakers else None
    sign = signed(ex.text) if signed_as is not None else None
    opens = LETTER_OPENS.match(ex.text)
    greeted = reader is not None and opens is not None and any(
        m.kind == "name" and m.start < opens.end() for m in ex.people[reader].mentions)
    tellers, told = _told_kin(ex, writer, quotes)
    out = [(writer, role, teller, ex.doc[i].sent.start_char, ex.doc[i].sent.end_char, "kin-told")
           for teller, (role, i) in tellers.items()]
    for p, person in enumerate(ex.people):
        if person.narrator and (reader is None or ex.speakers):
            continue
        signer = not ex.speakers and writer is None and person.narrator  # a letter with no "I", signed "Grandad"
        # the signature is theirs, and the letter greets its reader by name ("Dear Ellie,")
        signs = sign is not None and greeted and any(m.start <= sign[0] < m.end for m in person.mentions)
        owners = set()  # one relation to each: the writer's grandfather, and Maisie's ("Blow them out, Grandpa!")
        if any(_kin_to_others(ex, m) for m in person.mentions):
            continue  # "she's Auntie Ruki to my two": the kin of those it says, not the writer's
        theirs = _first_in_others_words(ex, person, quotes, who, writer)
        for m in person.mentions:
            # the kin word the person is called by here ("Mum", though her name may be given too: "Margaret")
            words = ex.text[m.start:m.end].lower().split()
            words = words[1:] if len(words) > 1 and words[0] in GREETINGS else words  # "Dear Mum," is Mum
            role = KIN_ROLE.get(words[0]) if words else None
            if role is None or m.kind not in ("name", "title"):
                continue
            if len(words) > 1 and (words[0] in RELIGIOUS or role in ("mother", "father")):
                continue  # "Father Twohig", "Sister Agnes": a priest's, a nun's or a ward sister's title, not kin; "Mamma
                # Mia", "Pa Ingalls": a title or a character, as one's own parents are called "Mum", never "Mum Jane"
            span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or p == writer and len(span) == 1 and _called_in_speech(ex.doc, span[0]) and _teller(ex.doc, span[0]):
                continue  # "Hazel said don't worry Mum": the writer is Hazel's mother (`_told_kin`), no one else's
            grand = role in ("grandfather", "grandmother")
            if _after_a_name(span):
                continue  # "Lata Aunty", "Sharma Uncle": the respect given an elder, said after the name, no kin
            if len(words) > 1 and (_beside_a_role(span) or any(s == p and r not in ENDEARING and KINDS.get(r) is None
                                                                  for s, r, *_ in found)):
                continue  # "Aunty Chioma our landlady", "the gateman, Uncle Sule", "Auntie Jean, Mum's pal": what the
                # one is is said beside the name, and it is no kin: the kin word is the respect given an elder
            if _as_a_word(span) or CALLED.search(ex.text, max(0, m.start - 30), m.start):
                continue  # "a good Mam and now a good Nana", "wants to be called Pop": what one is or is called, no one's kin
            if words[0] in CHILDISH and _in_said_words(span):
                continue  # "Cian asked why Daddy has a mammy", "I said no, Mummy was at work": a child's words, whose parents
            if signed_as is not None and p != writer and KINDS.get(role) in ("pibling", "cousin") and not inside(m.start, quotes):
                continue  # a letter signed "Grandad" is told in the reader's words: "Uncle Bob" is the reader's uncle, not his
            before = ex.text[max(0, m.start - 12):m.start].split()
            yours = bool(before) and before[-1].lower() == "your"
            turn = next(((start, end, sp) for start, end, sp in ex.speakers if start <= m.start < end), None)
            if theirs is not None and theirs[0] < m.start and theirs[1] == words[0] and not inside(m.start, quotes):
                continue  # the kin word of another's quoted words, said again: 'he said, "Mam got me the bike" ...
                # Lily didn't ask who Mam was'
            if inside(m.start, quotes):
                # said to someone in quoted words: the kin of the one who says them. Not "Mum" or "Dad", which name
                # another person for each who says them (Josh's "Mum" is the writer, whose "Mum" is another)
                owner = _quote_speaker(ex, span, quotes, who, writer) if who is not None and role not in (
                    "mother", "father") and spoken_to(ex.doc, span) else None
                how = "kin-quoted"
            elif m.start in told:
                if told[m.start] is None:
                    continue  # "Hazel said no Mum. She said Dad went first": her dad, whoever "she" is; not the writer's
                owner, how = told[m.start], "kin"  # "Hazel said no Mum, Dad went first": Hazel's dad
            elif yours:
                owner = _hearer(ex, turn, speakers, who) if ex.speakers else reader  # "Your Grandad always said"
                how = "yours"
            elif before and (before[-1].lower() in ("his", "her", "their", "its") or before[-1].lower().endswith(("'s", "’s"))):
                continue  # "His Uncle Paul", "Gemma's Nan": someone else's kin
            elif ex.speakers and (role in ("mother", "father") and len(_sayers_of(ex, words[0], p, speakers)) > 1
                                  or _in_hearers_words(ex, span, m) and not _told_yours(ex, words[0], turn)):
                continue  # "Papa" from a son and from his wife: the family's name for one man, the father of one of
                # them only; "Mom misses you already", "Uncle Barry died" to a son: the hearer's kin, in their words
            elif ex.speakers and KINDS.get(role) == "pibling" and len(words) == 1:
                continue  # "Next summer, Uncle.", "everyone asks about Uncle": one's own are "Uncle Pat"; a bare "Uncle"
                # in a chat is the respect given an elder, or one of many whose it is not said
            else:
                # in a chat, the one whose turn says it (a speaker called "Mum" by another: that one's mother)
                owner = writer if not ex.speakers else (speakers.get(turn[2]) if turn else None)
                owner = p if signer else owner
                how = ("kin-chat" if ex.speakers else "kin") + ("-grand" if grand else "")
                if how == "kin-grand" and p == reader and opens is not None and m.start < opens.end():
                    how = "greeted"  # "Dear Grandad, ... Love from Ellie": the writer's own, not the children's word
                if how.endswith("-grand") and len(words) > 1:
                    how += "-named"  # "Nana Sue", "Grandma Pauline": a title the writer's children call her by
                if owner == p and not ex.speakers:
                    owner, how = reader, "signed" if signs else how  # a letter signed "Granny June" to Hannah: Hannah's grandmother
                elif owner == p and turn is not None and _signs(ex, m, turn):
                    owner, how = _hearer(ex, turn, speakers, who), "signed"  # "Well done Liam pet. Nan xx" from Irene
                elif owner is not None and ex.speakers and _self_titled(ex, m, words, owner):
                    continue  # "it's me, Aunt Phoebe", "look at Aunt Monica's little boy!" from Monica: herself
            if owner is not None and owner != p and owner not in owners and not any(
                    s == p and (o == owner or r == role) for s, r, o, *_ in found):
                out.append((p, role, owner, span.sent.start_char, span.sent.end_char, how))
                owners.add(owner)
            if owner == reader and owner is not None and not ex.speakers and not inside(m.start, quotes):
                # "Dear Ellie and Sam, ... Your Nana", or signed "Grandad": each one the letter is to has that kin
                for other in readers - owners - {p, owner}:
                    if not any(s == p and (o == other or r == role and o not in readers) for s, r, o, *_ in found):
                        out.append((p, role, other, span.sent.start_char, span.sent.end_char, how))
                        owners.add(other)
    return out


def _readers(ex, reader, writer) -> set:
    """Everyone a letter is to: the one it speaks to, and those greeted with them ("Dear Ellie and Sam,")."""
    if reader is None or ex.speakers:
        return set() if reader is None else {reader}
    opens = LETTER_OPENS.match(ex.text)
    if opens is None:
        return {reader}
    greeted = {p for p, person in enumerate(ex.people) if p != writer and not person.narrator
               and any(m.kind == "name" and m.start < opens.end() for m in person.mentions)}
    return greeted | {reader} if reader in greeted else {reader}


# "wants to be called Pop", "you'll call her Granny Mo", "known as Auntie Pat to the kids": a name given, no tie told
# (not "I'll call Mum tonight": a telephone call)
CALLED = re.compile(r"\b(?:(?:call|calls|called|calling)\s+(?:him|her|me|them|us|you|it)|(?:who|whom)\s+(?:\w+\s+){1,3}(?:call|calls|called)|(?:be|been|being|is|was|are|were|get|got|"
                    r"gets)\s+called|known\s+as)\s*$", re.I)
# What a child calls a parent: told in another's words ("Ruby asked was Mummy coming"), the parent is that one's
CHILDISH = {"mammy", "mummy", "mommy", "daddy"}
ASKING = SAYING | {"wonder", "know", "want"}


# Nouns for what one is to others, beside the kin words (kin.py's roles): "our landlady", "the mechanic", "the gateman".
OTHERS = JOBS | OCCUPATIONS | PERSON_NOUNS
AGENT_END = ("man", "woman", "lady", "mate", "keeper", "guard")
DETS = {"the", "a", "an", "our", "my", "his", "her", "their", "your"}


def _beside_a_role(span) -> bool:
    """Is a name with a kin title set beside a noun for what someone is that is no kin ("Aunty Chioma our landlady",
    "Uncle Bayo the mechanic", "Kuya Ben, the security guard", "the gateman, Uncle Sule", "Auntie Jean, Mum's pal")?"""
    doc = span.doc

    def other(t) -> bool:
        lemma = t.lemma_.lower()
        role = role_noun(t)
        return t.pos_ == "NOUN" and lemma not in KIN_ROLE and KINDS.get(role or lemma) is None and lemma not in ENDEARING \
            and (role is not None or lemma in OTHERS or lemma.endswith(AGENT_END))

    i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if i + 1 < len(doc) and (doc[i].lower_ in DETS or doc[i].pos_ == "PROPN" and doc[i + 1].tag_ == "POS"):
        i += 1 + (doc[i + 1].tag_ == "POS")
        while i + 1 < len(doc) and doc[i].pos_ in ("ADJ", "NOUN", "NUM", "PROPN") and doc[i + 1].pos_ in ("ADJ", "NOUN", "NUM"):
            i += 1
        if i < len(doc) and other(doc[i]):
            return True
    j = span.start - 1
    if j >= 1 and doc[j].text == "," and other(doc[j - 1]):
        k = j - 2
        while k >= 0 and doc[k].pos_ in ("ADJ", "NOUN"):
            k -= 1
        return k >= 0 and doc[k].lower_ in DETS
    return False


# "Dear Grandad,": a letter's greeting, no name before the kin word (not "Hi Mom, it's Jill": a chat's, whose mother is not said)
GREETINGS = {"dear", "dearest"}


def _after_a_name(span) -> bool:
    """Is a kin word said after a name, as a title of respect is ("Lata Aunty", "Sharma Uncle", "Yusuf Uncle"), not
    before it as one's own kin are called ("Uncle Bob")?"""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in KIN_ROLE and prev.lower_ not in GREETINGS and \
        prev.idx + len(prev.text) + 1 == span.start_char


def _sayers_of(ex, word, p, speakers) -> set:
    """The speakers of a chat but the person named who say a kin word as a name: one who says it is not all who do
    ("my mum", "your mum" are each of whom it says, not a name the family shares)."""
    said = re.compile(rf"(?<!\bmy )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\bour )(?<!\bur )(?<!['’]s )\b{re.escape(word)}\b", re.I)
    return {sp for start, end, sp in ex.speakers if speakers.get(sp) != p and said.search(ex.text, start, end)}


def _told_yours(ex, word, turn) -> bool:
    """In a chat of two, does the other speaker call the kin word the speaker's ("your mum"): theirs, not the hearer's?"""
    if turn is None or len({sp for _, _, sp in ex.speakers}) != 2:
        return False
    yours = re.compile(rf"\b(?:your|ur)\s+{re.escape(word)}\b", re.I)
    return any(sp != turn[2] and yours.search(ex.text, start, end) for start, end, sp in ex.speakers)


def _in_hearers_words(ex, span, m) -> bool:
    """Is a kin word in a chat message spoken of, not to, in a message that speaks to someone ("Mom misses you
    already", "Dad wants you to ring him", "ring me when you're up. Uncle Barry died"): said as the one spoken to
    calls them, a parent's words to a child?"""
    turn = next(((start, end) for start, end, _ in ex.speakers if start <= m.start < end), None)
    if turn is None or span.root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and (nxt.lower_ in ("you", "u") or nxt.is_punct and nxt.text in ",!"):
        return False  # "Mam you're the best", "Mam, you never told me": said to her
    told = ex.text[turn[0]:m.start] + " " + ex.text[m.end:turn[1]]
    return any(w.group(1).lower() not in KIN_ROLE  # not "Love you Dad": that "you" is the one called
               for w in re.finditer(r"\b(?:you|your|yours|u|ur)\b\W*(\w*)", told, re.I))


def _as_a_word(span) -> bool:
    """Is a kin word said as what someone is, its noun phrase's "a" or "the" ("a good Mam", "the best Mum in Leeds", "a
    brilliant Dad"), not as someone's name?"""
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("a", "an", "the", "such", "every", "another") and c.i < span.start
               for c in span.root.children)


def _told_kin(ex, writer, quotes) -> tuple[dict, dict]:
    """Who calls the writer by a kin word in words the writer reports ("Hazel said don't worry Mum", "said no Mum.",
    as narrator.py's `_kin_said_to_me` reads them): the writer is their mother (father, grandmother...): teller -> (role, token). And the bare kin
    words those tellers speak of in words reported as theirs ("She said Dad went first"): their kin, not the writer's
    (mention start -> teller; None when another teller says it, whose kin it is not known, though not the writer's)."""
    if writer is None or ex.speakers:
        return {}, {}
    doc = ex.doc
    at = {}  # token -> person, for a teller named or said by a pronoun
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind in ("name", "pronoun") and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None:
                at.setdefault(span.root.i, p)

    def teller(t):
        verb = _teller(doc, t)
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
        found = {at[w.i] for c in subj for w in (c, *c.conjuncts) if w.i in at} - {writer}  # the parser may hang the
        return found.pop() if len(found) == 1 else None  # teller on a noun before ("my husband, and Hazel said")

    tellers = {}  # the word read as a name or not ("Hazel said no Mum.")
    others = {i for p, person in enumerate(ex.people) if p != writer for m in person.mentions
              if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None for i in range(span.start, span.end)}
    for t in doc:
        role = KIN_ROLE.get(t.lower_) if t.text[:1].isupper() and t.i not in others else None
        if role not in ("mother", "father", "grandmother", "grandfather"):
            continue
        if not inside(t.idx, quotes) and _called_in_speech(doc, t) and (who := teller(t)) is not None:
            tellers.setdefault(who, (role, t.i))
    told = {}
    for p, person in enumerate(ex.people):
        if p == writer or len(person.name.split()) != 1 or person.name.lower() not in KIN_NAMES:
            continue
        for m in person.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind in ("name", "title") else None
            if span is None or len(span) != 1 or inside(m.start, quotes):
                continue
            if _teller(doc, span[0]) is not None and tellers:
                who = teller(span[0])
                told[m.start] = who if who in tellers else None
    return tellers, told


def _in_said_words(span) -> bool:
    """Is a kin word in the clause of what someone is told to ask or say ("Cian asked why Daddy has a mammy", "Ruby
    wanted to know was Mummy coming", "I said no, Mummy was at work"), not one the family shares ("Mammy said Daddy
    would be late"), nor the one told ("I told Daddy")?"""
    child = span.root
    for verb in span.root.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in ASKING and child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis"):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj and verb.dep_ == "xcomp":
                subj = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "Ruby wanted to know"
            return bool(subj) and subj[0].lower_ not in KIN_ROLE
        child = verb
    return False


def _signed_kin(ex) -> str | None:
    """The kin word of an elder a letter is signed with ("Love,\nGrandad", "Nana xx", "Your loving Grandad,\nTom"), a
    postscript after it or not: the writer is the reader's that, and tells the family in the reader's words."""
    text = ex.text.rstrip()
    where = signed(text)
    for _ in range(2):  # a postscript after the name ("Your loving Grandad,\nTom\n(I signed it properly this time.)")
        if where is not None or "\n" not in text:
            break
        text = text[:text.rfind("\n")].rstrip()
        where = signed(text)
    if where is None:
        return None
    line = ex.text[ex.text.rfind("\n", 0, max(where[0] - 1, 0)) + 1:where[1]]  # the name, and the line it is signed on
    roles = [KIN_ROLE.get(w.strip(".,!x ")) for w in line.lower().split()]
    return next((r for r in roles if KINDS.get(r) in ("parent", "grandparent", "pibling")), None)


def _first_in_others_words(ex, person, quotes, who, writer) -> tuple[int, str] | None:
    """Where a person is first called by a kin word in quoted words told as someone else's and said from their own side
    ('he said, "The one where Mam got me the bike"', "Where's me Mam?"), and the word: said again outside the quotes in
    that entry, it is still theirs. Not a kin word the family shares ('Mum said, "Dad has had a fall"')."""
    for m in sorted(person.mentions, key=lambda m: m.start):
        words = ex.text[m.start:m.end].lower().split()
        if not words or KIN_ROLE.get(words[0]) is None or m.kind not in ("name", "title") or not inside(m.start, quotes):
            continue
        span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
        q = next(((a, b) for a, b in quotes if a <= m.start < b), None)
        if span is None or not re.search(r"\b(?:me|my|mine|myself)\b", ex.text[q[0]:q[1]], re.I):
            continue
        says = _sayers(span, quotes)
        if says and not any(t.lower_ in ("i", "we") or who is not None and writer is not None and who(t) == writer
                            for t in says):
            return m.start, words[0]
    return None


# Kin words that before a name are a title of the church or the ward, never how one's own kin are called ("Father Twohig",
# "Sister Agnes", "Brother Michael", "Mother Teresa"): one's own are "Dad Jim" never, "Uncle Ray" and "Nana Sue" often.
RELIGIOUS = {"father", "mother", "sister", "brother"}


# Words a message calls someone after ("thanks nan", "oh daddy", "love you dad"), and kin words friends call each other by.
CALLING = {"oh", "o", "ah", "aw", "aww", "um", "uh", "er", "erm", "well", "ok", "okay", "yeah", "yes", "no", "wow", "hi",
           "hiya", "hey", "hello", "thanks", "thank", "cheers", "ta", "bye", "night", "morning", "sorry", "please", "love", "miss"}


def _kin_called(ex, found) -> list[tuple[int, str, int, int, int, str]]:
    """A kin word a chat message ends by calling someone, as people write in chats, in lower case and without a comma
    ("happy mothers day mam!!", "fine is not good dad", "thanks nan x"): the one it speaks to (the other of two
    speakers, or the one whose turns are on both sides of it) is the speaker's kin. Not a kin word spoken of ("tell
    dad", "with mam", "me and dad", "my dad"), nor one that is a name the store reads (narrator.py moves those)."""
    said_by = {sp for _, _, sp in ex.speakers}
    speakers = {sp: p for p, person in enumerate(ex.people) for sp in said_by if sp in person.aliases}
    doc, out = ex.doc, []
    for turn in ex.speakers:
        start, end, speaker = turn
        span = doc.char_span(start, end, alignment_mode="expand")
        me = speakers.get(speaker)
        if span is None or me is None:
            continue
        if len({KIN_ROLE[t.lower_] for t in span if t.lower_ in KIN_ROLE and t.lower_ not in SLANG}) > 1:
            continue  # "Mom, dad, thanks for dinner": which is the one it speaks to is not said
        for t in span:
            role = KIN_ROLE.get(t.lower_)
            if role is None or not t.is_lower or t.lower_ in SLANG:
                continue
            j = t.i - 1
            while j > span.start and j > t.i - 4 and doc[j].pos_ in ("ADJ", "NOUN", "ADV") and doc[j].lower_ not in CALLING:
                j -= 1
            if t.conjuncts or doc[j].lower_ in ("a", "an"):
                continue  # "tell mom and dad", "be a soccer mom", "a wonderful grandma"
            prev = doc[t.i - 1] if t.i > span.start else None
            nxt = doc[t.i + 1] if t.i + 1 < span.end else None
            ends = nxt is None or nxt.is_punct or nxt.is_space or not any(c.isalnum() for c in nxt.text) or \
                KISSES.fullmatch(doc[t.i + 1:span.end].text) is not None
            if prev is not None and prev.pos_ == "ADJ":
                continue  # "gonna be terrific mom", "Single mom, career": a kind of mother, not one spoken to
            opens = (prev is None or prev.lower_ in CALLING or not any(c.isalnum() for c in prev.text)) and (
                ends or nxt.pos_ == "PRON" and nxt.lower_ not in ("'s", "’s"))
            if not (ends or opens):
                continue  # not where a message calls someone: its end or a sentence's ("thats the plan dad"), its start
                # ("mam we've been engaged 16 hours"), after a word of greeting ("aww nan thats lovely")
            if prev is not None and not opens and (
                    prev.pos_ in ("ADP", "CCONJ", "DET", "VERB", "AUX", "PART", "PRON") and prev.lower_ not in ("you", "ya", "u")
                    or prev.lower_ in POSSESSIVES or prev.tag_ == "POS" or prev.lower_ in ("'s", "’s")):
                continue  # "tell dad", "with mam", "me and dad", "my dad", "to nan"
            j = t.i - 1
            while j > span.start and doc[j].pos_ in ("ADJ", "ADV") and doc[j].lower_ not in ("not", "n't"):
                j -= 1
            if j >= span.start and (doc[j].pos_ == "DET" or doc[j].lower_ in POSSESSIVES):
                continue  # "she's a good mum", "your lovely nan"
            to = _hearer(ex, turn, speakers, None, by_name=False)
            g = KIN_NAMES.get(t.lower_)
            if to is None or to == me or g and ex.people[to].gender not in (None, g):
                continue
            if not any(s == to and o == me for s, r, o, *_ in found + out):
                out.append((to, role, me, t.sent.start_char, t.sent.end_char, "kin-vocative"))
    return out


def _in_their_words(found, two) -> list[tuple]:
    """In a chat of two, a parent speaks of the family in the child's words: "Dad says hello" from the mother the other
    calls "mum" is the child's father (and her husband), not hers. A kin word a speaker is read to use of their own kin
    ("kin-chat") is the other's kin when the entry reads the speaker as the other's parent."""
    parent_of = {(s, o) for s, role, o, *_ in found if KINDS.get(role) == "parent" and {s, o} == set(two)}
    out = []
    for s, role, o, start, end, how in found:
        hearer = next((h for p, h in parent_of if p == o), None)
        if how == "kin-chat" and hearer is not None and s not in two:
            o = hearer
        out.append((s, role, o, start, end, how))
    return out


def others_kin_ties(ex, me) -> list[Relation]:
    """The entry's relations but a chat's tie read from a kin word the chat names a speaker by ("Papa": the owner `me`'s
    word for her father-in-law) said by a speaker who is not the owner: their "Papa" is their own father, perhaps another
    man (to the owner's children, their father). With no owner known, whose word it is no one can say."""
    named = {sp.lower() for _, _, sp in ex.speakers if sp.lower() in KIN_ROLE and sp != me}
    if not named:
        return ex.relations

    def theirs(r):
        turn = next((sp for s, e, sp in ex.speakers if s <= r.start < e), None)
        return r.how.startswith("kin-chat") and turn is not None and turn != me and any(
            r.start <= m.start < r.end and ex.text[m.start:m.end].lower() in named for m in ex.people[r.subject].mentions)

    return [r for r in ex.relations if not theirs(r)]


def _kin_to_others(ex, m) -> bool:
    """Is a kin name said to be someone's to others: "she's Auntie Ruki to my two", "he was Grandad to everyone"?"""
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("attr", "conj", "appos") and re.match(
        r"\s+to\s+(?:my|our|his|her|their|your|all|everyone|everybody)\b", ex.text[m.end:m.end + 20], re.I) is not None


def _signs(ex, m, turn) -> bool:
    """Does the mention sign the chat message off ("Love Nan xx", "... Nan xx", "Mam x"): nothing after it but kisses?"""
    return KISSES.fullmatch(ex.text[m.end:turn[1]]) is not None


ENDEARMENTS = {"pet", "love", "luv", "hun", "hon", "darling", "dear", "sweetheart", "sweetie", "babe", "x", "xx", "xxx"}


def _hearer(ex, turn, speakers, who, by_name=True) -> int | None:
    """Whom a chat message speaks to: the other of two speakers, the one "you" was read as, the one other member
    of the chat the message names (not as the one doing or owning: "Well done Liam pet", not "Liam said"), or the
    one whose turns are on both sides of it."""
    if turn is None:
        return None
    start, end, speaker = turn
    me = speakers.get(speaker)
    members = set(speakers.values()) - {me, None}
    if len(set(speakers.values()) - {None}) == 2:
        return next(iter(members), None)
    told = {p for p, person in enumerate(ex.people) if p != me for m in person.mentions
            if m.kind == "addressee" and start <= m.start < end}
    if len(told) == 1:
        return told.pop()
    named, span = set(), ex.doc.char_span(start, end, alignment_mode="expand") if by_name else None
    for t in span if span is not None and who is not None else ():
        q = who(t)
        if q not in members or t.pos_ != "PROPN" or t.i + 1 < span.end and who(t.doc[t.i + 1]) == q:
            continue  # a member's name, at its last word
        k = t.i + 1
        while k < span.end and t.doc[k].lower_ in ENDEARMENTS:
            k += 1  # "Well done Liam pet."
        if (k >= span.end or t.doc[k].text[:1] in ".!?,…" or not any(c.isalnum() for c in t.doc[k].text)) and \
                t.dep_ not in ("nsubj", "nsubjpass", "poss", "conj", "pobj", "dobj"):
            named.add(q)
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    turns = sorted(ex.speakers)
    i = turns.index(turn)
    prev = next((sp for _, _, sp in reversed(turns[:i]) if sp != speaker), None)
    after = next((sp for _, _, sp in turns[i + 1:] if sp != speaker), None)
    return speakers.get(prev) if prev is not None and prev == after else None


def _quote_speaker(ex, span, quotes, who, writer) -> int | None:
    """The person said to say the quoted words a span is in: 'Lily said, "..."', '"...," Dad said', '"...," said Josh';
    "I" is the writer."""
    people = {writer if t.lower_ == "i" else who(t) for t in _sayers(span, quotes)}
    return people.pop() if len(people) == 1 else None


def _sayers(span, quotes) -> list:
    """The subjects of the verb of saying the quoted words a span is in are told by ('he said, "..."')."""
    doc = span.doc
    q = next(((s, e) for s, e in quotes if s <= span.start_char < e), None)
    words = doc.char_span(q[0], q[1], alignment_mode="expand") if q is not None else None
    if words is None:
        return None
    before = []
    for t in reversed([t for t in doc[max(0, words.start - 12):words.start] if q[0] - 60 <= t.idx < q[0] - 1]):
        if t.text in (".", "!", "?", "\n") or t.is_space or len(before) == 8:
            break
        before.append(t)
    says = [s for t in before if t.lemma_.lower() in SAYING and t.pos_ in ("VERB", "AUX") for s in _subjects(t)]
    if not says:
        after = [t for t in doc[words.end:words.end + 4] if t.idx > q[1]][:3]
        if len(after) >= 2 and after[1].lemma_.lower() in SAYING and after[0].dep_ in ("nsubj", "nsubjpass"):
            says = [after[0]]
        elif len(after) >= 2 and after[0].lemma_.lower() in SAYING and after[1].dep_ in ("nsubj", "nsubjpass"):
            says = [after[1]]
    return says


def _self_titled(ex, m, words, owner) -> bool:
    """Is a kin title with a name said in a chat by the one it names ("Aunt Phoebe" from Phoebe, or "it's me,
    Aunt Phoebe")?"""
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None and span.start >= 2 and span.doc[span.start - 1].text == "," and span.doc[span.start - 2].lower_ in ("me", "i"):
        return True
    name = " ".join(words[1:])
    return bool(name) and any(a.lower() == name or a.lower().split()[0] == name for a in ex.people[owner].aliases if a.split())


# -- what the relations read imply ------------------------------------------------------------------
# "a is b's k1" and "b is c's k2" -> "a is c's k3", with how often it holds (a half-sibling's parent is not
# always mine, a stepfather is a father by marriage): a is b's parent and b is c's parent, so a is c's grandparent.
COMPOSE = {("parent", "parent"): ("grandparent", 1.0), ("sibling", "parent"): ("pibling", 1.0),
           ("parent", "spouse"): ("parent-in-law", 1.0), ("sibling", "spouse"): ("sibling-in-law", 1.0),
           ("spouse", "sibling"): ("sibling-in-law", 1.0), ("child", "parent"): ("sibling", 0.95),
           ("sibling", "sibling"): ("sibling", 0.95), ("parent", "sibling"): ("parent", 0.9),
           ("child", "pibling"): ("cousin", 0.95), ("spouse", "parent"): ("parent", 0.85),
           ("spouse", "grandparent"): ("grandparent", 0.85),
           # an aunt's husband is an uncle, an uncle's wife an aunt: English calls them so (a later spouse or one parted
           # from is what `steady` looks for)
           ("spouse", "pibling"): ("pibling", 0.95),
           # a is b's parent and b is c's child: a and c are b's two parents, a couple (not two mothers: one may be a step)
           ("parent", "child"): ("spouse", 0.95),
           # my aunt, grandmother or cousin is my brother's too, unless he is a half-brother (what `steady` looks for);
           # said only when sure: a weaker one made first would stand in for a surer one made a step later
           ("pibling", "sibling"): ("pibling", 0.9), ("grandparent", "sibling"): ("grandparent", 0.9),
           ("cousin", "sibling"): ("cousin", 0.9)}
# How often a composition's ties were right where it was read twice or more on half B of the tuned writers (round 14,
# `relations by rule` of bench/journal.py, "perhaps" ones too: right/read); the rest were right each time. Two
# children of one parent are siblings 3 of 6 (a child misread, a half-sibling), one sibling's parent the other's 1 of 2.
MEASURED = {("child", "parent"): 3 / 6, ("parent", "sibling"): 1 / 2}
SIBLING_KIN = {"pibling", "grandparent", "cousin"}
PARTNERS = {"wife", "husband", "spouse", "partner", "girlfriend", "boyfriend", "fiance", "fiancé", "fiancee", "fiancée"}
SURE = FACT  # only ties stated imply others, never a "perhaps" one: a wrong premise makes wrong kin of a whole family
UNSTEADY = 0.85  # a tie a rule that holds less than always implies, with a sign of a stepfamily (or a misreading): perhaps
# More ties of one kind than this read for one person (twenty-one brothers) are misreadings or a crowd, not a
# family: nothing is worked out through them, or a long journal would make every pair of them kin.
CROWD = 20
IN_LAWS = {"parent-in-law", "child-in-law", "sibling-in-law"}


def implied(ties, gender, writer=None) -> list[tuple[int, str, int, float, tuple, str]]:
    """The family ties that follow from those read: `ties` are (subject, relation word, object, confidence),
    `gender` a person -> "f" | "m" | None. Returns (subject, word, object, confidence, premises, rule), `premises`
    the indexes in `ties` they follow from, `rule` the two kinds composed ("parent+parent"), for each tie not read
    already between the two (a tie read between them, of any family kind, is better evidence than one worked out).
    Only stated ties (at least FACT) are premises. How sure: the product of the premises' (one wrong premise makes
    the tie wrong) and of how often the rule holds (a half-sibling's parent is not always mine) when the family shows
    a stepfamily or a misreading (two fathers); but a tie two told ones define by what the words mean (a parent's
    parent is a grandparent) is said as sure as the weaker of the two (two 0.9 facts make a fact, not 0.81), though
    built on further at the product. In-laws are the writer's only ("my husband's mother"): whose
    mother-in-law my mother is goes without saying."""
    edges = {}  # (a, kind, b) -> (confidence, premises, rule): both ways
    family = set()
    gender = dict(gender)
    told = {}
    for s, word, o, conf in ties:  # a mother is a woman, whatever her name says ("Pat" is his wife)
        if s not in told and KINDS.get(word.lower()) and gender_of(word.lower()):
            told[s] = gender_of(word.lower())
    gender.update(told)
    for i, (s, word, o, conf) in enumerate(ties):
        kind = KINDS.get(word.lower())
        if word.lower().startswith(("half", "step")) and s != o:
            family |= {(s, o), (o, s)}  # a half-brother or a stepmother read: no brother or mother worked out
        if kind is None or s == o:
            continue
        family |= {(s, o), (o, s)}
        if conf < SURE:
            continue
        for key in ((s, kind, o), (o, CONVERSE.get(kind, kind), s)):
            if key not in edges or edges[key][0] < conf:
                edges[key] = (conf, (i,), None)
    # a child with two mothers or two fathers read (a stepmother, or a kin word misread) says nothing of who is a couple
    parents = defaultdict(list)
    for (a, k, b) in edges:
        if k == "parent":
            parents[b].append(gender.get(a))
    muddled = {b for b, gs in parents.items() if gs.count("f") > 1 or gs.count("m") > 1}
    # what a rule that holds less than always (a stepchild, a half-sibling) needs to be sure: no sign of a stepfamily
    parents_of = defaultdict(set)
    for (a, k, b) in edges:
        if k == "parent":
            parents_of[b].add(a)
    coparents = defaultdict(set)  # parent -> the other parents read of their children
    for ps in parents_of.values():
        for p in ps:
            coparents[p] |= ps - {p}
    stepped = {p for s, word, o, conf in ties if word.lower().startswith(("ex", "step", "half")) for p in (s, o)}
    partners = defaultdict(set)  # whom each is read to be married to, engaged to or going out with
    for s, word, o, conf in ties:
        if word.lower() in PARTNERS:
            partners[s].add(o)
            partners[o].add(s)

    def steady(k1, k2, a, b, c) -> bool:
        """Is there no sign that the family of "a is b's k1, b is c's k2" holds a stepchild or a half-sibling: none of
        them or their parents has children with two others, two mothers or two fathers, an ex or a step-tie; a couple's
        children no other parent; two children of one parent the same parents?"""
        around = {a, b, c}.union(*(parents_of.get(p, ()) for p in (a, b, c)))
        if any(p in stepped or p in muddled or len(coparents.get(p, ())) > 1 for p in around):
            return False
        if (k1, k2) == ("spouse", "parent"):  # my husband's child: he has children with no one else, she no other parent
            return not (coparents.get(b, set()) - {a} or coparents.get(a, set()) - {b} or parents_of.get(c, set()) - {a, b})
        if (k1, k2) == ("child", "parent"):  # two children of one parent, whose other parents read are the same
            return parents_of.get(a, set()) == parents_of.get(c, set())
        if (k1, k2) == ("parent", "sibling"):  # my sister's mother, when my parents read are hers
            return parents_of.get(c, set()) <= parents_of.get(b, set()) | {a}
        if (k1, k2) == ("parent", "child"):  # two parents of one child, who have children with no one else
            return not (coparents.get(a, set()) - {c} or coparents.get(c, set()) - {a})
        if k1 in SIBLING_KIN and k2 == "sibling":  # my aunt is my sister's, when the parents read of us are the same
            return parents_of.get(b, set()) == parents_of.get(c, set())
        return True
    out = {}
    defined = {}  # a tie two told ones define (a parent's parent): its output confidence, the weaker premise's
    for _ in range(3):  # a grandmother of my daughter through my husband's mother: two steps
        by_from, many = defaultdict(list), Counter()
        for (a, k, b), v in edges.items():
            by_from[a].append((k, b, v))
            many[a, k] += 1
        by_from = {a: [x for x in out_of if many[a, x[0]] <= CROWD] for a, out_of in by_from.items()}
        new = {}
        for (a, k1, b), (c1, p1, r1) in edges.items():
            if many[b, CONVERSE.get(k1, k1)] > CROWD:
                continue
            for k2, c, (c2, p2, r2) in by_from.get(b, ()):
                rule = COMPOSE.get((k1, k2))
                if rule is None or a == c or (a, c) in family:
                    continue
                kind, holds = rule
                if (k1 in SIBLING_KIN and k2 == "sibling"
                        and (writer not in (a, b, c) or min(c1, c2) < FACT or not steady(k1, k2, a, b, c))):
                    continue  # told of the writer's family only (the keys' too), surely, and no sign of a half-sibling
                if kind == "spouse" and (gender.get(a) is not None and gender.get(a) == gender.get(c) or b in muddled
                                         or partners[a] - {c} or partners[c] - {a}):
                    continue  # two parents of a child, one read married to or going out with someone else: not a couple
                both = c1 * c2  # each premise must hold: a wrong "my mother" makes wrong grandparents, aunts, in-laws
                conf = round(both * holds, 4)
                if holds < 1:  # my husband's children are mine too when both are told surely and no sign of a stepfamily
                    conf = round(both, 4) if steady(k1, k2, a, b, c) else min(conf, UNSTEADY)  # or a misreading: perhaps
                conf = round(conf * MEASURED.get((k1, k2), 1.0), 4)
                if kind in IN_LAWS and writer not in (a, c):
                    continue
                for key in ((a, kind, c), (c, CONVERSE.get(kind, kind), a)):
                    if key not in edges and (key not in new or new[key][0] < conf):
                        new[key] = (conf, tuple(sorted(set(p1 + p2))), f"{k1}+{k2}")
                    if holds == 1.0 and r1 is None and r2 is None:  # two told ties and what English means by the two
                        defined[key] = max(defined.get(key, 0.0), min(c1, c2))  # words: as sure as the weaker, said so
        if not new:
            break
        edges.update({key: v for key, v in new.items() if v[0] >= SURE})  # nothing built on a "perhaps" one
        for (a, kind, c), v in new.items():
            if (c, CONVERSE.get(kind, kind), a) in out:
                continue  # one tie, told one way
            out[(a, kind, c)] = v
    result = []
    for (a, kind, c), (conf, premises, rule) in out.items():
        conf = max(conf, defined.get((a, kind, c), 0.0))  # what it is built on further stays the product (implied14)
        g = gender.get(a)
        if g is None and kind not in ("parent", "child", "sibling", "spouse", "grandparent", "grandchild", "cousin"):
            if gender.get(c) not in ("f", "m"):
                continue  # "aunt or uncle": said only when known
            a, kind, c, g = c, CONVERSE.get(kind, kind), a, gender.get(c)  # told from the end whose sex is known
        word = WORDS[kind][g == "m"] if g in ("f", "m") else kind
        result.append((a, word, c, conf, premises, rule))
    return result


# -- what a situation tells: the events read (extract/events.py) ----------------------------------------------
# The writer's own words that they are the baby's parent, said in the entry (in a chat, in the speaker's own turns):
# "I'm your mam", "my waters went", "I gave birth", "our baby girl", "we brought her home".
PARENT_SIGNS = re.compile(
    r"\b(?:i'm|i’m|i am|im)\s+(?:your|her|his|their)\s+(?:mam|mum|mom|mummy|mommy|mother|dad|daddy|father)\b"
    r"|(?P<before>\S*)\s*\bwaters\s+(?:went|broke|had\s+gone|have\s+gone)\b"
    r"|\bi\s+gave\s+birth\b|\bmy\s+(?:labour|labor|contractions|c-section|caesarean|cesarean)\b"
    r"|\bour\s+(?:new\s+|little\s+|baby\s+|beautiful\s+|gorgeous\s+)?(?:baby|daughter|son|girl|boy|little\s+one)\b"
    r"|\bwe\s+(?:brought|took|bring|are\s+bringing|'re\s+bringing)\s+(?:her|him|them|the\s+baby)\s+home\b",
    re.I)
NEWS_DAYS = 7  # a birth told as news: it happened within a week of the telling


class Situations:
    """Ties a situation tells rather than a tie word, read over the events of the entry (extract/events.py, which runs
    before this and whose decisions this keeps): the two a wedding, an anniversary or an engagement is of are spouses
    (fiancés: "Becca and Tariq are married!!", "Owen and I had our twenty-sixth wedding anniversary", "Callum and Priya got
    engaged"); a baby whose birth the writer tells as news ("Born at 3.12 this morning") is the writer's (in a chat, the
    speaker's) child when their own words say they are its parent ("I'm your mam", "my waters went", "our baby girl"): an
    aunt tells a birth as news as often as a mother ("He's here! Finlay, born yesterday"); a baby someone "had" is
    hers ("Chloe had her baby on Thursday, a little boy, Isaac"). A pair the entry already relates by any word keeps
    that reading."""

    name = "situations"
    version = "6"  # 6: heading20 (the parent's words in quotation marks are another's: no sign the writer is the baby's parent, '"... to introduce our daughter."'); 5: mdlines19 (a birth is the writer's child by the parent's words in the section of notes that tells it, lines.section, and "our daughter" is grown when she is worn out or had the baby, "our daughter is exhausted", "our little girl had her baby"); 4: notesmd17 (no tie to one whose every name is a title, "- Walking on Sunshine": kinds "other"; "our son" is no sign the writer is a new baby's parent when another's name follows or he "is a father"); 3: a birth told as news and "<Name> is exhausted and fine" or "<Name> was amazing" after it: her baby. 2: "<Name> had the baby" (or gave birth): the baby the birth names is hers

    def __call__(self, ex: Extraction) -> Extraction:
        if ex.doc is None:
            return ex
        related = {frozenset((r.subject, r.object)) for r in ex.relations}
        writer = next((p for p, person in enumerate(ex.people) if any(m.kind == "narrator" for m in person.mentions)), None) \
            if not ex.speakers else None
        speakers = {sp: p for p, person in enumerate(ex.people) for _, _, sp in ex.speakers if sp in person.aliases}

        def add(b, word, a, ev, how):
            if a != b and frozenset((a, b)) not in related:
                related.add(frozenset((a, b)))
                ex.relations.append(Relation(b, word, a, ev.start, ev.end, CONFIDENCE[how], how))

        for ev in ex.events:
            if ev.negated or ev.kind not in ("marriage", "engagement", "birth"):
                continue
            who = [p for p in dict.fromkeys(ev.people) if _a_person(ex, p)]
            if len(who) != len(set(ev.people)):
                continue  # one of those it names is no person here
            if ev.kind in ("marriage", "engagement") and len(who) == 2 and ev.confidence >= SURE_EVENT \
                    and not REFUSED.search(ex.text[ev.start:ev.end]):  # "he proposed, but she said no"
                kind = "spouse" if ev.kind == "marriage" and not _to_come(ex, ev) else "fiance"
                a, b = who
                add(b, _tie_word(kind, _sex(ex, b, [])), a, ev, "married")
            elif ev.kind == "birth" and len(who) == 1 and ev.confidence >= SURE_EVENT \
                    and (mothers := _had_baby(ex, ev, who[0])):
                g = _sex(ex, who[0], [])
                for mother in mothers:  # "Chloe had her baby on Thursday, a little boy, Isaac": Chloe's son
                    add(who[0], "daughter" if g == "f" else "son" if g == "m" else "child", mother, ev, "had")
            elif ev.kind == "birth" and len(who) == 1 and not ev.agents and ev.confidence >= SURE_EVENT and _news(ex, ev):
                said_at = [m.start for m in ex.people[who[0]].mentions if ev.start <= m.start < ev.end] or [ev.start]
                turn = next(((s, e, sp) for s, e, sp in ex.speakers if s <= said_at[0] < e), None)  # the turn naming the baby
                parent = speakers.get(turn[2]) if turn else writer
                # the parent's words in the turn, or the section of notes, that tells of the birth
                said = " ".join(ex.text[s:e] for s, e, sp in ex.speakers if sp == turn[2]) if turn else ex.text[slice(*section(ex.text, ev.start))]
                if not (parent is None or parent == who[0] or ex.people[who[0]].narrator) and _parent_sign(said, ex.people[who[0]].aliases):
                    g = _sex(ex, who[0], [])
                    add(who[0], "daughter" if g == "f" else "son" if g == "m" else "child", parent, ev, "born")
            if ev.kind == "birth" and len(who) == 1 and ev.confidence >= SURE_EVENT and _news(ex, ev) \
                    and (mother := _worn(ex, ev, who[0])) is not None:
                g = _sex(ex, who[0], [])  # "Isla Joan Shah, born at twenty past five this morning. Kate is exhausted and fine."
                add(who[0], "daughter" if g == "f" else "son" if g == "m" else "child", mother, ev, "worn")
        return ex


# "Chloe had her baby", "Gráinne had the baby at four", "Tom and Priya have had a little girl", "she gave birth": said only
# of the baby's mother (or of its two parents); not "the baby shower", "a baby scan".
HAD_BABY = re.compile(r"\s*(?:had|has\s+had|have\s+had|[’']s\s+had|[’']ve\s+had)\s+(?:the|a|her|their)\s+(?:new\s+|little\s+|baby\s+)?"
                      r"(?:baby|babby|girl|boy|son|daughter|twins)(?=\s*(?:[.,!;:—–-]|$|\s(?:at|on|in|this|last|yesterday|today|"
                      r"tonight|early|late|by|just|and)\b))|\s*(?:gave|has\s+given|[’']s\s+given)\s+birth\b", re.I)


def _had_baby(ex, ev, baby) -> list[int]:
    """The mother (or the two parents) a birth's own words name: "<Name> had the baby", "<Name> and <Name> have had a
    little girl", "<Name> gave birth", the baby named in the event and someone else."""
    ends = {}  # where a person's mention ends -> the person
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind in ("name", "title", "narrator") and ev.start <= m.start < ev.end:
                ends[m.end] = p
    if not any(ev.start <= m.start < ev.end for m in ex.people[baby].mentions) and not any(
            ev.end <= m.start < ex.text.find(".", ev.end) + 1 for m in ex.people[baby].mentions):
        return []  # the baby is not named in the telling ("Gran had the baby at home": which baby?)
    for end, p in sorted(ends.items()):
        if not HAD_BABY.match(ex.text, end) or ex.text[end:end + 1] not in (" ", "\t", "\n"):
            continue
        parents = [p]
        start = min(m.start for m in ex.people[p].mentions if m.end == end)
        other = re.search(r"(\S+)\s+and\s+$", ex.text[max(ev.start, start - 40):start])
        if other:
            parents += [q for q, person in enumerate(ex.people) for m in person.mentions
                        if m.end == start - len(other.group(0)) + len(other.group(1)) and q != p]
        if len(parents) == 1 and _sex(ex, p, []) == "m":
            return []  # a man has no baby alone ("Tom had the baby at four" is someone else's telling gone wrong)
        return [q for q in parents if q != baby]
    return []


# How the one who has just given birth is, told with the news: "Kate is exhausted and fine", "Nomsa is tired but well".
WORN = {"exhausted", "shattered", "knackered", "tired", "sore", "wiped", "drained", "wrecked", "worn", "zonked", "bushed"}
# ... or how she did: "Anya was incredible", "Siobhan was amazing", "Priya was a star"
PRAISED = {"amazing", "incredible", "magnificent", "brilliant", "wonderful", "fantastic", "superb", "hero", "star",
           "trooper", "legend", "warrior", "champion"}
LABOUR = {"birth", "labour", "labor", "delivery", "section", "c-section", "caesarean", "night"}
NOT_MOTHERS = {"midwife", "nurse", "doctor", "gp", "consultant", "doula", "carer", "obstetrician", "paramedic"}


def _worn(ex, ev, baby) -> int | None:
    """The baby's mother, when a birth told as news is followed (in its sentence or the next two) by one woman named alone
    as the subject of "be" worn out or praised ("Lorna is exhausted and fine", "Anya was incredible"), and by no one else
    so: not the writer, not a kin word used as a name ("Mum is exhausted from the drive": the writer's mother), not one
    given another role than kin (the midwife, a friend)."""
    sents = list(ex.doc.sents)
    i = next((k for k, s in enumerate(sents) if s.start_char <= ev.start < s.end_char), None)
    if i is None:
        return None
    found = set()
    for sent in sents[i:i + 3]:
        for t in sent:
            if t.lower_ not in WORN and t.lower_ not in PRAISED:
                continue
            head = t
            while head.dep_ == "conj":
                head = head.head  # "sore and tired"
            verb = head.head
            if any(c.dep_ == "auxpass" and _be(c) for c in head.children):
                verb = head  # "Sarah is exhausted", "Megan is wiped out": parsed as passive
            elif head.dep_ not in ("acomp", "amod", "oprd", "attr") or not _be(verb):
                continue
            if any(c.dep_ in ("prep", "advcl") and c.lower_ in ("from", "after") and not any(
                    w.lower_ in LABOUR for w in c.subtree) for c in list(t.children) + list(verb.children)):
                continue  # "exhausted from the drive", "exhausted after driving up": worn by something else
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) != 1 or any(c.dep_ in ("conj", "cc", "poss") for c in subjects[0].children):
                found.add(None)  # "Sophie and Emma are both exhausted", "I'm exhausted": whose baby, not said
                continue
            s = subjects[0]
            found.add(next((p for p, person in enumerate(ex.people) for m in person.mentions
                            if m.kind == "name" and m.start <= s.idx < m.end), None))
    if len(found) != 1:
        return None
    if any(m.kind == "name" and re.search(r"[A-Z][\w'’-]* $", ex.text[max(0, m.start - 30):m.start])
           for m in ex.people[baby].mentions):
        return None  # "Rosie Frances Pritchard" read as "Frances Pritchard": the baby's name cut short, someone else
    p = found.pop()
    if p is None or p == baby or ex.people[p].narrator or _sex(ex, p, []) != "f" \
            or ex.people[p].name.split()[0].lower() in KIN_NAMES:
        return None
    if any(r.subject == p and (r.relation.lower() in NOT_MOTHERS or not KINDS.get(r.relation.lower())) for r in ex.relations):
        return None  # "The midwife, Joy, was exhausted", "Our friend Sarah was a star and drove us in"
    if any(baby in (r.subject, r.object) and KINDS.get(r.relation.lower()) in ("parent", "child") for r in ex.relations):
        return None  # "Her mum Chloe is fine": the baby's parent is told
    return p


def _parent_sign(said: str, baby=()) -> bool:
    """Do the writer's own words say they are a new baby's parent? "waters went" is theirs unless it is someone's ("her
    waters went", "Kasia's waters broke"); "our son" is not the baby when a name not the baby's follows, or the son is
    said to be a parent ("our daughter Kate is exhausted", "our son is a father!": a grandparent's words). Words in
    quotation marks are another's (the parents' announcement copied out: '"... to introduce our daughter."')."""
    spans = quoted(said)

    def grown(m):
        after = said[m.end():m.end() + 40]
        name = _NAMED_AFTER.match(after)
        return bool(name and name.group(1).lower() not in {w.lower() for b in baby for w in b.split()}) or bool(
            _A_PARENT.match(after)) or bool(HAD_BABY.match(after)) or _worn_after(after) and len(m.group().split()) == 2

    return any(not inside(m.start(), spans) and (m.group("before") is None or not m.group("before").lower().strip(",;:").endswith(("her", "his", "their", "'s", "’s")))
               and not (m.group().lower().startswith("our") and grown(m)) for m in PARENT_SIGNS.finditer(said))


_NAMED_AFTER = re.compile(r",?\s+([A-Z][\w'\u2019-]+)")
_A_PARENT = re.compile(r"\s+(?:is|'s|\u2019s|has\s+become)\s+(?:now\s+)?(?:a\s+)?(?:mum|mom|mother|mam|dad|father|daddy|mummy|parent)s?\b", re.I)


_BE = re.compile(r"\s+(?:is|was|'s|\u2019s|has\s+been)\s+(?:so\s+|just\s+|absolutely\s+|really\s+)*([a-z]+)", re.I)


def _worn_after(after: str) -> bool:
    """Is the one just named worn out, as a new mother is and a newborn is not ("our daughter is exhausted", "our
    girl is shattered but fine")?"""
    m = _BE.match(after)
    return bool(m and m.group(1).lower() in WORN)


SURE_EVENT = 0.7  # events read at least this surely tie people (a pronoun's reading of "she married him": 0.73)


def _a_person(ex, p) -> bool:
    """Is the one an event names a person here: named or the writer, nowhere in the entry a pet, a thing or a place, and
    not a name every time it is said the title of a song, a book or a firm ("- Walking on Sunshine", kinds "other")?"""
    person = ex.people[p]
    names = [m for m in person.mentions if m.kind in ("name", "title")]
    return bool(person.mentions) and not any(m.sign in ("pet", "thing", "place") for m in person.mentions) and not (
        names and all(m.sign == "other" for m in names))


REFUSED = re.compile(r"\b(?:said|says|saying)\s+no\b|\bturned\s+(?:him|her|them)\s+down\b|\brefused\b|\bdeclined\b"
                     r"|\bcalled\s+(?:it|the\s+wedding)\s+off\b|\bbroke\s+(?:it|the\s+engagement)\s+off\b", re.I)


def _to_come(ex, ev) -> bool:
    """Is a wedding one to come: dated after the entry, or told with words of the future ("Huw and Kasia's wedding is in June")?"""
    if ev.lo and ex.at and ev.lo[:10] > ex.at[:10]:
        return True
    words = ex.text[ev.start:ev.end].lower().split()
    return any(w.strip(".,!?") in LATER for w in words) or "?" in ex.text[ev.start:ev.end]


def _news(ex, ev) -> bool:
    """Is a birth told as news: dated within a week before the telling ("born at 4am", "born yesterday")?"""
    import datetime as dt

    if not ev.lo or not ex.at or ev.date_confidence < 0.5:
        return False
    try:
        born, told = dt.date.fromisoformat(ev.lo[:10]), dt.date.fromisoformat(ex.at[:10])
    except ValueError:
        return False
    return dt.timedelta(0) <= told - born <= dt.timedelta(days=NEWS_DAYS)


# The writer's own household, which a writer rarely names with a kin word (relrec11): each sign below is weak alone (a
# friend is "X and I", a grandmother does the school run, a lodger comes home), so each is read at `HOME` ("perhaps") and
# a tie is stated only where two different signs meet on one person (`household`).
HOME = 0.5
HOME_WORDS = {"spouse": ("wife", "husband", "spouse"), "child": ("daughter", "son", "child"), "parent": ("mother", "father", "parent")}
KIDS = {"kids", "children", "bairns", "weans", "kiddies", "twins", "boys", "girls", "baby", "kid", "child", "toddler"}
SCHOOLS = {"school", "nursery", "creche", "crèche", "daycare", "preschool", "kindergarten", "playgroup", "childcare",
           "swimming", "hockey", "soccer", "football", "rugby", "dentist", "ballet", "gymnastics", "scouts", "brownies"}
RUNS = {"bring", "take", "drop", "collect", "pick", "walk", "drive", "get", "run"}
RUN_WORDS = {"brought", "took", "dropped", "collected", "picked", "walked", "drove"}  # the tagger takes some for names
TEACHING = {"teacher", "homework", "report", "parents'", "parent-teacher", "concert", "nativity", "play", "sports"}
MINDING = {"take", "bring", "put", "collect", "drop", "pick", "mind", "feed", "bath", "walk", "drive"}  # not "had the baby"
CARE_TASKS = {"bedtime", "bath", "pickup", "pick-up", "drop-off", "dropoff", "nappy", "nappies", "feed", "feeds",
              "run"}
IN_LAWS_HOME = {"parents", "parents'", "folks", "folks'", "mum", "mam", "mom", "mother", "dad", "father", "ma", "da"}
AGES = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"}
MARRIED_YEARS = re.compile(r"\b(?:our\s+(?:\w+\s+){0,2}(?:wedding\s+)?anniversary|\w+\s+years?\s+married|married\s+(?:for\s+)?"
                           r"\w+\s+years)\b", re.I)


def _household(ex, doc, who, found) -> list[tuple]:
    """Weak signs of the writer's spouse and children, each (person, "spouse" | "child" | "parent", of whom, start, end,
    how); `how` names the sign: "home-years" (the one adult named in an entry of "our anniversary", "twelve years
    married"), "home-and-i" ("Euan and I"), "home-kids" (one who does something with the kids or their bedtime, "Dan did
    bath time"), "home-in-laws" ("Sunday dinner at Ciarán's parents'"), "home-school" ("Brought Aoife and Oisín to
    school", "Oisín's teacher"), "home-bed" ("Put Isla to bed"), "home-named" ("the kids, Ruby and Finn"), "home-age"
    ("Mia turned seven"); and the people at a spouse's parents' house named next ("Nora had the lamb on"), their parents.
    Only in the writer's own prose (not a chat: in DialogRE and chats "I" is no one writing)."""
    if ex.speakers:
        return []
    me = next((p for p, person in enumerate(ex.people) if person.narrator), None)
    if me is None:  # "Brought Aoife to school.": a diary drops its "I" (the writer is added once the entry is read)
        me = -1
    tied = {x for s, r, o, *_ in found for x in (s, o)} - {me}

    roled = {who(t) for t in doc if who(t) is not None and t.pos_ == "PROPN" and _roled(t, who)}

    def free(p) -> bool:
        person = ex.people[p] if p is not None and p >= 0 else None
        return (person is not None and p != me and p not in tied and p not in roled and not person.narrator
                and not person.honorific and not person.marks and any(m.kind == "name" for m in person.mentions)
                and not any(w.lower() in KIN_NAMES for w in person.name.split()[:1]))

    out = []

    def sign(p, kind, t, how):
        if free(p):
            out.append((p, kind, me, t.sent.start_char, t.sent.end_char, how))

    def names(t):
        """The people a token and the names joined to it stand for ("Aoife and Oisín")."""
        return [who(x) for x in (t, *t.conjuncts) if who(x) is not None]

    for t in doc:
        low = t.lower_
        # "X and I", "me and X"
        # "X and I", "me and X": the two of them only, not one of a list ("Mum, Phil and I", "Anya and Rosie and me")
        if low in ("i", "me") and t.i >= 2 and doc[t.i - 1].lower_ == "and" and who(doc[t.i - 2]) is not None:
            first = t.i - 2
            while first > 0 and who(doc[first - 1]) == who(doc[t.i - 2]):
                first -= 1
            if not (first > 0 and doc[first - 1].lower_ in (",", "and", "&")):
                sign(who(doc[t.i - 2]), "spouse", t, "home-and-i")
        if low == "me" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "and" and who(doc[t.i + 2]) is not None:
            last = t.i + 2
            while last + 1 < len(doc) and who(doc[last + 1]) == who(doc[t.i + 2]):
                last += 1
            if not (last + 1 < len(doc) and doc[last + 1].lower_ in (",", "and", "&")) and not (t.i > 0 and doc[t.i - 1].lower_ in (",", "and")):
                sign(who(doc[t.i + 2]), "spouse", t, "home-and-i")
        # one who does something with the kids, or their bedtime: "Ciarán took the kids", "Dan did bath time"
        if t.dep_ == "dobj" and (low in KIDS and t.tag_ == "NNS" and any(c.lower_ in ("the", "our") for c in t.children)
                                 and t.head.lemma_.lower() in MINDING
                                 or low in CARE_TASKS and t.pos_ == "NOUN" and t.head.lemma_.lower() in ("do", "handle")):
            verb = t.head
            for c in verb.children:
                if c.dep_ == "nsubj":
                    for p in names(c):
                        sign(p, "spouse", t, "home-kids")
        # "at Ciarán's parents'", "Gareth's mum and dad": the one whose parents' house the writer goes to
        if low in IN_LAWS_HOME and t.i >= 2 and doc[t.i - 1].tag_ == "POS" and who(doc[t.i - 2]) is not None:
            x = who(doc[t.i - 2])
            if free(x):
                sign(x, "spouse", t, "home-in-laws")
                if low.startswith(("parents", "folks")):
                    sent = t.sent
                    nxt = doc[sent.end:sent.end + 1]
                    later = [] if not len(nxt) else [s for s in doc.sents if s.start >= sent.end][:1]
                    hosts = {who(u) for s in later for u in s if u.dep_ in ("nsubj", "nsubjpass") and free(who(u))} - {x}
                    if 1 <= len(hosts) <= 2:
                        for h in hosts:
                            out.append((h, "parent", x, later[0].start_char, later[0].end_char, "home-in-laws"))
        # the school run: "Brought Aoife and Oisín to school", "Dropped Kabir to school", "Collected Niamh from school"
        if t.lemma_.lower() in RUNS or low in RUN_WORDS:
            kids, k = _listed(doc, t.i + 1 + (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("up", "off")), who)
            if kids and k < len(doc) and doc[k].lower_ in ("to", "from", "at", "off") \
                    and any(x.lower_ in SCHOOLS for x in doc[k + 1:k + 4]):
                for p in kids:
                    sign(p, "child", t, "home-school")
        # "Oisín's teacher", "Aoife's homework", "Lwazi's first day at school", "Parent-teacher meeting for Oisín"
        if low in TEACHING or low == "day" and any(x.lower_ in SCHOOLS for x in t.subtree):
            if t.i >= 2 and doc[t.i - 1].tag_ == "POS":
                sign(who(doc[t.i - 2]), "child", t, "home-class")
            elif t.i >= 3 and doc[t.i - 1].lower_ == "first" and doc[t.i - 2].tag_ == "POS":
                sign(who(doc[t.i - 3]), "child", t, "home-class")
        if low == "parent" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "teacher":
            for u in t.sent:
                if u.i > t.i and u.dep_ == "pobj" and u.head.lower_ == "for":
                    for p in names(u):
                        sign(p, "child", u, "home-class")
        # bedtime: "Put Isla and Callum to bed"
        if low == "put":
            kids, k = _listed(doc, t.i + 1, who)
            if kids and k + 1 < len(doc) and doc[k].lower_ == "to" and doc[k + 1].lower_ == "bed":
                for p in kids:
                    sign(p, "child", t, "home-bed")
        if low == "bedtime" and t.i >= 2 and doc[t.i - 1].tag_ == "POS":
            sign(who(doc[t.i - 2]), "child", t, "home-bed")
        # "the kids, Ruby and Finn", "the kids wrote their names: Aoife and Oisín", "The kids made us a card, Emma drew
        # the cake and Tyler wrote a poem" (the kids said first, then what each of them did)
        if low in ("kids", "children", "bairns", "weans", "twins") and any(c.lower_ in ("the", "our") for c in t.children) \
                and t.dep_ != "conj" and doc[max(t.i - 2, 0)].lower_ != "and":  # not "Priti and Luke and the kids, Denise"
            end = min(t.sent.end, t.i + 10)
            k = next((u.i for u in doc[t.i + 1:end] if u.lower_ in (",", ":", "—", "(")), None)
            listed = []
            if k is not None and t.dep_ == "nsubj":
                listed = [who(u) for u in doc[k + 1:t.sent.end] if u.dep_ == "nsubj" and who(u) is not None]
            elif k is not None:
                listed = _listed(doc, k + 1, who)[0]
            if not listed and t.sent.end < len(doc) and not any(u.pos_ in ("VERB", "AUX") for u in doc[t.sent.end].sent):
                listed = _listed(doc, t.sent.end, who)[0]  # "... wrote their names on the wall. Aoife Murphy 2024 and Oisín"
            for p in listed:
                sign(p, "child", t, "home-named")
        # "Mia turned seven", "Ethan is ten today"
        if low in AGES and t.i >= 2 and doc[t.i - 1].lemma_.lower() in ("turn", "be") and who(doc[t.i - 2]) is not None \
                and (doc[t.i - 1].lemma_.lower() == "turn" or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "today"):
            sign(who(doc[t.i - 2]), "child", t, "home-age")
    # "Twelve years married today. Ciarán booked the place": the one adult named in the entry
    if MARRIED_YEARS.search(ex.text) and not re.search(r"\b(?:their|his|her)\s+(?:\w+\s+){0,2}anniversary", ex.text, re.I):
        young = {s for s, kind, *_ in out if kind == "child"}
        m = MARRIED_YEARS.search(ex.text)
        at = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        near = [] if at is None else [u for s in [s for s in doc.sents if s.start >= at.sent.start][:2] for u in s]
        adults = {who(u) for u in near if who(u) is not None and free(who(u))} - young  # in it or the next sentences
        if len(adults) == 1 and at is not None and not any(
                who(u) not in (None, me) and not free(who(u)) for u in at.sent):  # not "Your mam and I had our anniversary"
            sign(adults.pop(), "spouse", at[0], "home-years")
    return out


def _roled(t, who) -> bool:
    """Is a name said with a role that is not kin ("our au pair Lena", "Sandra the carer", "Dave, the lodger")?"""
    before = t.doc[t.i - 1] if t.i else None
    after = t.doc[t.i + 1:t.i + 4]
    if before is not None and before.pos_ == "NOUN" and before.is_lower and who(before) is None and before.lemma_.lower() not in KIDS:
        return True
    return len(after) >= 2 and after[0].lower_ in ("the", ",") and any(
        u.pos_ == "NOUN" and u.is_lower and role_noun(u) and not KINDS.get(u.lemma_.lower()) for u in after[1:])


def _listed(doc, i, who) -> tuple[list, int]:
    """The people named in a list from token i on ("Aoife and Oisín", "Isla, Callum and Mali"), and the index after it."""
    people = []
    while i < len(doc) and (who(doc[i]) is not None or doc[i].lower_ in ("and", ",", "&") and people
                            or doc[i].like_num and people and who(doc[i - 1]) is not None):  # "Aoife Murphy 2024"
        if doc[i].lower_ == "," and i + 1 < len(doc) and doc[i + 1].lower_ == "and":
            break  # "Ruby and Finn, and Sam drove": the list ends
        if who(doc[i]) is not None and (not people or people[-1] != who(doc[i]) or doc[i - 1].lower_ in ("and", ",", "&")):
            people.append(who(doc[i]))
        i += 1
    while people and doc[i - 1].lower_ in ("and", ",", "&"):
        i -= 1
    return people, i


HOUSEHOLD = {"spouse": 2, "child": 2}  # different signs wanted on one person for a tie to be stated (half B, relrec11)


def household(signs, ties, writer) -> list[tuple[int, str, int, int]]:
    """The writer's household from the weak signs of `_household` read over all entries: `signs` are (subject, relation
    word, object, how, where it was read...), `ties` the ties read (subject, word, object, confidence). Returns (subject, word, object, the
    index of the sign that is its evidence) for the ties to state: a spouse or child where two different signs meet on one
    person who has no sign of the other kind, no tie to the writer stated already, and (a spouse) no partner of their
    own stated, the only one so read; a spouse's parents, named at their house, once the spouse is the writer's."""
    if writer is None:
        return []
    known = {x for s, w, o, c in ties if c >= FACT and writer in (s, o) for x in (s, o)} - {writer}
    partnered = {x for s, w, o, c in ties if c >= FACT and w.lower() in PARTNERS and writer not in (s, o) for x in (s, o)}
    hows, first, where = defaultdict(set), {}, defaultdict(set)
    for i, (s, word, o, how, *at) in enumerate(signs):
        kind = KINDS.get(word.lower())
        hows[(s, kind, o)].add(how)
        first.setdefault((s, kind, o), i)
        where[(s, kind, o)].add((how, *at))
    kinds = defaultdict(set)
    for s, kind, o in hows:
        if o == writer:
            kinds[s].add(kind)
    out = []
    for (s, kind, o), said in hows.items():
        if o != writer or kind not in HOUSEHOLD or s in known or kinds[s] != {kind} or len(said) < HOUSEHOLD[kind]:
            continue
        if kind == "spouse" and s in partnered:
            continue
        out.append((s, signs[first[(s, kind, o)]][1], o, first[(s, kind, o)]))
    # a child named in one sign with a brother or sister so stated ("Brought Aoife and Oisín to school"): the same
    # household's
    sure = {(t[0], "child", t[2]) for t in out if KINDS.get(t[1].lower()) == "child"}
    for (s, kind, o), said in hows.items():
        if kind == "child" and o == writer and (s, kind, o) not in sure and s not in known and kinds[s] == {kind} \
                and any(where[(s, kind, o)] & where[k] for k in sure):
            out.append((s, signs[first[(s, kind, o)]][1], o, first[(s, kind, o)]))
    spouses = [t for t in out if KINDS.get(t[1].lower()) == "spouse"]
    if len(spouses) > 1:  # two read as the writer's spouse: which one, the signs do not say
        out = [t for t in out if t not in spouses]
        spouses = []
    mine = {s for s, w, o, c in ties if c >= FACT and w.lower() in PARTNERS and o == writer} | {t[0] for t in spouses}
    for (s, kind, o), said in hows.items():
        if kind == "parent" and o in mine and s not in known:
            out.append((s, signs[first[(s, kind, o)]][1], o, first[(s, kind, o)]))
    return out
