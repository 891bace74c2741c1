"""Facts: what each person likes and dislikes, does, has, where they live, and what they plan or want.

Read from the parse, without a model of its own: a clause whose subject is a person of the entry
("I", a chat speaker's "I", "she" resolved by coref, a name) and whose verb says one of these
things ("I love skiing", "I've been sketching a lot", "she's training to be a nurse", "we're moving
to Leeds in June", "my cat Luna", "Japanese cuisine is one of my favourites", "I'm a sucker for spaghetti",
"I've been to Italy", "I used to do karate", "I had my first yoga class", "I decided to give jiu-jitsu a shot",
"coding has caught my interest"). Each fact is a short normalised statement ("likes skiing",
"plans to move to Leeds") with what it is about (`what`: "skiing", "move to leeds"), the sentence it
was read from and when it holds (a time the sentence names, else the entry's date). Questions,
conditionals ("if I liked ..."), and what is said of "you" are not facts; a negated like is a dislike,
other negated facts are left out.
"""
from __future__ import annotations

import re

from .base import Extraction, Fact
from .cues import sentence_groups

KINDS = ("likes", "dislikes", "does", "works", "studies", "has", "lives", "plans", "wants")

LIKE = {"love", "like", "enjoy", "adore", "prefer", "fancy"}
DISLIKE = {"hate", "dislike", "detest", "loathe", "despise"}
WANT = {"want", "wish", "hope", "long", "dream", "crave"}
PLAN = {"plan", "intend", "aim", "decide", "arrange", "prepare", "consider"}
HABIT_ADVERBS = {"usually", "often", "always", "regularly", "sometimes", "normally", "frequently", "generally",
                 "daily", "weekly", "constantly", "occasionally", "mostly", "typically"}
FUTURE_WORDS = {"tomorrow", "tonight", "soon", "upcoming"}
TIME_UNITS = {"week", "weekend", "month", "year", "summer", "winter", "spring", "autumn", "fall", "term", "semester", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "time"}
PETS = set("""cat cats dog dogs puppy puppies kitten kittens hamster hamsters rabbit rabbits bunny horse horses pony
    parrot parrots budgie tortoise turtle fish goldfish snake lizard gecko ferret chickens hens guinea pig pigs""".split())
OWNED = set("""car cars bike bicycle motorbike motorcycle scooter van truck boat house home flat apartment cottage cabin
    garden allotment shed greenhouse caravan motorhome piano guitar violin cello drums drum keyboard camera laptop
    telescope""".split()) | PETS
# Nouns for what someone does for a living or studies as ("I'm a nurse", "she is a student").
OCCUPATIONS = set("""nurse teacher doctor engineer lawyer student accountant chef cook baker farmer carer caregiver
    programmer developer designer architect writer author artist painter musician journalist editor manager
    analyst consultant scientist researcher professor lecturer tutor pharmacist dentist vet veterinarian
    therapist psychologist counsellor counselor midwife paramedic firefighter policeman policewoman officer
    soldier pilot driver mechanic electrician plumber builder carpenter gardener cleaner waiter waitress
    barista bartender cashier receptionist secretary librarian priest vicar minister intern trainee
    apprentice freelancer photographer actor actress dancer singer coach trainer athlete entrepreneur
    banker economist clerk volunteer""".split())
STUDENT_WORDS = {"student", "intern", "trainee", "apprentice"}
YEARS_OF_STUDY = {"freshman", "freshmen", "sophomore", "undergraduate", "undergrad", "postgraduate", "postgrad", "fresher"}
# Verbs of doing that say something about a person's activities when they are habits or ongoing.
DOING = {"play", "practice", "practise", "do", "go", "run", "swim", "ski", "hike", "cook", "bake", "paint", "draw",
         "sketch", "read", "write", "knit", "sew", "garden", "dance", "sing", "watch", "learn", "train", "climb",
         "cycle", "ride", "surf", "skate", "fish", "collect", "volunteer", "study", "visit", "make", "build",
         "listen", "meditate", "jog", "walk", "travel", "shop", "explore", "try", "take", "attend", "work", "teach",
         "bike", "sail", "row", "box", "grow", "hunt", "camp", "golf", "bowl", "skateboard", "snowboard", "paddleboard",
         "crochet", "sculpt", "photograph", "film", "blog", "stream", "compete", "perform", "coach", "referee"}
# Verbs that say nothing without their object ("I want to see", "planning to go").
EMPTY_VERBS = {"go", "see", "make", "do", "try", "get", "have", "be", "enjoy", "find", "hear", "know", "start", "keep",
               "give", "take", "bring", "put", "come", "look", "feel", "say", "tell", "ask", "think", "let", "help", "use",
               "spend", "play", "show", "visit", "continue", "share", "check", "catch", "head", "learn", "explore", "stay",
               "watch", "wait", "wonder", "work", "send", "call", "text", "tell", "update", "mean", "need", "guess", "hope"}
SKIP_OBJECTS = {"best", "it", "that", "this", "them", "one", "something", "anything", "everything", "nothing", "thing",
                "things", "lot", "way", "time", "what", "which", "you", "yours", "mine", "all", "some", "stuff"}
NOT_A_FACT_AUX = {"would", "could", "might", "should", "may", "must"}
# Nouns that make what they are said of a taste: "Japanese cuisine is one of my favourites", "tennis is my passion".
FAVOURITES = {"favourite", "favorite", "favourites", "favorites", "passion", "passions", "obsession", "obsessions", "hobby",
              "hobbies"}
# Nouns for someone keen on a thing, said of oneself: "I'm a big foodie", "such a bookworm", "a history nerd".
KEEN_NOUNS = set("""foodie foodies gamer gamers bookworm bookworms runner runners cyclist cyclists swimmer swimmers climber
    climbers hiker hikers skier skiers surfer surfers golfer golfers reader readers cinephile vegetarian vegetarians vegan
    vegans traveller travellers traveler travelers""".split())
# ... and those that say so only with what they are keen on: "a music lover", "a history buff", "a tech geek".
KEEN_OF = set("""lover lovers enthusiast enthusiasts addict addicts junkie junkies buff buffs nerd nerds geek geeks""".split())
# Adverbs that make "getting into X" a taste begun ("really getting into pottery"), not a place entered ("getting into bed").
TAKING_TO = {"really", "lately", "recently", "more", "so", "totally", "seriously", "properly", "kinda", "slowly"}
# Words that only say how much: "a big foodie", "such a gamer", "a huge fan".
INTENSIFIERS = {"big", "huge", "great", "massive", "real", "total", "such", "true", "proper", "absolute", "bit", "little",
                "complete", "serious", "avid", "keen", "die-hard", "diehard"}
# Groups one is a member of: "I'm on the volleyball team", "I'm in a band".
GROUPS = {"team", "squad", "club", "band", "choir", "crew", "league", "orchestra"}
# Adjectives that, with their preposition, say a taste: "interested in art", "obsessed with boats".
KEEN = {("interested", "in"), ("passionate", "about"), ("obsessed", "with"), ("crazy", "about"), ("fond", "of"),
        ("keen", "on"), ("addicted", "to"), ("hooked", "on"), ("mad", "about"), ("nuts", "about"), ("curious", "about"),
        ("drawn", "to"), ("enthusiastic", "about"), ("excited", "about")}
# Nouns of a bout of some activity, said with what it is: "a game of basketball", "my first yoga class", "a round of golf".
ACTIVITIES = {"game", "match", "round", "session", "class", "lesson", "practice", "workout", "tournament", "race"}
GAMES = {"game", "match", "round", "tournament", "race"}
WATCHING = {"watch", "see", "view", "stream"}
# "give jiu-jitsu a shot", "gave pottery a try": trying something.
TRYING = {"shot", "try", "go", "whirl"}
# "coding has caught my interest", "the course piqued my curiosity".
INTEREST = {"interest", "eye", "attention", "curiosity", "imagination", "fancy"}
# "I had a peaceful day hiking", "had a blast playing volleyball": a stretch of time spent doing something.
SPELLS = {"day", "morning", "afternoon", "evening", "night", "weekend", "time", "blast", "week", "holiday", "vacation"}
SCHOOLS = {"school", "university", "college", "academy", "uni", "institute", "conservatory", "seminary"}
_LEAD = re.compile(r"^(?:the|a|an|my|our|his|her|their|your|its|this|that|these|those|some|any)\s+", re.I)


def _forms(verbs) -> dict[str, str]:
    """Inflected forms of these verbs -> the verb: the small model's lemmatizer misses some ("hates" -> "hat")."""
    out = {}
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        for form in (v, third_person(v), stem + "ed", stem + "ing", v + "d" if v.endswith("e") else v + "ed"):
            out[form] = v
    return out


def third_person(verb: str) -> str:
    """ "play" -> "plays", "study" -> "studies", "go" -> "goes", "be" -> "is"."""
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if verb in special:
        return special[verb]
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    return verb + "s"


class Facts:
    """Person facts from clauses whose subject is a person of the entry."""

    name = "facts"
    version = "4"  # 2: favourites said of the thing, tastes said with an adjective, places been to, schools, internships
    # 3: bouts of an activity ("a game of basketball", "my yoga class"), "give X a shot", "X caught my interest",
    #    "curious about", "drawn to", "had a day hiking", "I was visiting", "I do play", a name the parser calls a
    #    date ("at Manchester, second year"), things listed with a possession
    # 4: "getting into pottery", "really into baking bread", "big into photography", "can't wait to try sushi", "picked up
    #    knitting", "chess has become my obsession", "I'm a big foodie", "a music lover", "on the volleyball team", "a lot of yoga"
    #    "my favourite city has to be Lisbon"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None or not len(doc):
            return ex
        reader = _Reader(ex)
        for s, e in sentence_groups(doc):
            for lo, hi in reader.turn_parts(s, e):
                reader.sentence(lo, hi)
        ex.facts.extend(reader.facts)
        return ex


class _Reader:
    def __init__(self, ex: Extraction):
        self.ex, self.doc = ex, ex.doc
        self.facts: list[Fact] = []
        self.seen = set()
        self.person_at = {}  # char offset of a mention's start -> person index
        for i, p in enumerate(ex.people):
            for m in p.mentions:
                self.person_at.setdefault(m.start, i)
        self.narrator = next((i for i, p in enumerate(ex.people) if p.narrator), None)
        # chat turns: (start, end, person index of the speaker)
        self.turns = []
        for start, end, speaker in ex.speakers:
            who = next((i for i, p in enumerate(ex.people) if speaker and (p.name == speaker or speaker in p.aliases)), None)
            self.turns.append((start, end, who))
        self.turn_starts = [t[0] for t in self.turns]
        self.chatting = {t[2] for t in self.turns if t[2] is not None}

    def turn_parts(self, s, e):
        """A sentence's tokens cut at chat turn edges (spaCy can run one sentence over two turns)."""
        if not self.turns:
            yield s, e
            return
        start = s
        for i in range(s + 1, e):
            if self._turn(self.doc[i].idx) != self._turn(self.doc[i - 1].idx):
                yield start, i
                start = i
        yield start, e

    def _turn(self, pos):
        import bisect

        k = bisect.bisect_right(self.turn_starts, pos) - 1
        return k if k >= 0 and pos < self.turns[k][1] else None

    def speaker(self, pos):
        k = self._turn(pos)
        return self.turns[k][2] if k is not None else self.narrator

    def who(self, tok):
        """The person a subject or possessor token stands for, if any."""
        low = tok.lower_
        if low in ("you", "your", "yours", "it", "its", "they", "them", "their", "this", "that"):
            return None  # "you" is the other person of a chat, or anyone: not said of someone in particular
        if low in ("we", "our", "us"):
            return self.speaker(tok.idx)
        pid = self.person_at.get(tok.idx)
        if pid is None:
            name = next((c for c in tok.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"), None)
            if name is not None:
                pid = self.person_at.get(name.idx)
        if pid is None and tok.pos_ == "PROPN":
            for t in tok.subtree:  # "Tom Jones": the mention may start at another token of the name
                pid = self.person_at.get(t.idx, pid)
        if pid is None and low in ("i", "me", "my", "mine"):
            return self.speaker(tok.idx)
        if pid is not None and low in ("he", "she", "him", "her", "his", "hers") and pid in self.chatting:
            return None  # in a chat "he" and "she" are someone talked about, never one of those talking
        return pid

    # -- one sentence --------------------------------------------------------------------------
    def kids(self, tok):
        """A token's children within the sentence being read (a parse can run over two chat turns)."""
        return [c for c in tok.children if self.lo <= c.i < self.hi]

    def subtree(self, tok):
        return [t for t in tok.subtree if self.lo <= t.i < self.hi]

    def sentence(self, lo, hi):
        doc = self.doc
        self.lo, self.hi = lo, hi
        span = doc[lo:hi]
        text = span.text.strip()
        if not text or not any(c.isalpha() for c in text):
            return
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        for tok in span:
            if tok.dep_ in ("nsubj", "nsubjpass") and lo <= tok.head.i < hi and not self.asked(tok.head):
                pid = self.who(tok)
                if pid is not None:
                    self.clause(pid, tok.head, start, end, lo, hi)
                    self.activities(pid, tok.head, start, end, lo, hi)
            elif tok.dep_ == "poss" and lo <= tok.head.i < hi:
                pid = self.who(tok)
                if pid is not None:
                    self.possessed(pid, tok, tok.head, start, end)

    def asked(self, verb) -> bool:
        """Is the clause a question? Its sentence ends in "?" (the first end mark after the verb)."""
        for t in self.doc[verb.i:self.hi]:
            if t.text in (".", "!", "?", "...") or "\n" in t.text:
                return t.text == "?"
        return self.doc[self.hi - 1].text == "?"

    def clause(self, pid, verb, start, end, lo, hi):
        lemma = KEY_FORMS.get(verb.lower_, verb.lemma_.lower()) if verb.tag_.startswith("VB") else verb.lemma_.lower()
        kids = self.kids(verb)
        deps = {c.dep_ for c in kids}
        words = {c.lower_ for c in kids}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return
        negated = "neg" in deps or bool(words & {"never", "not", "n't"})
        modal = {c.lower_ for c in kids if c.dep_ == "aux" and c.lower_ in NOT_A_FACT_AUX | {"'d"}}
        future = bool({c.lower_ for c in kids if c.dep_ == "aux"} & {"will", "'ll", "shall"})
        progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in kids)
        perfect_progressive = progressive and any(c.dep_ == "aux" and c.lower_ == "been" for c in kids)
        obj = next((c for c in kids if c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp") and c.i > verb.i), None)
        if obj is None and lemma in LIKE | DISLIKE:  # "I don't really like cooking": the tagger can leave the object loose
            obj = next((c for c in kids if c.i > verb.i and c.tag_ == "VBG"), None)
        if lemma == "get" and verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
            lemma = "have"  # "I've got a shed"

        def add(kind, what, statement, tok=verb):
            self.add(pid, kind, what, statement, start, end, lo, hi)

        if lemma == "stand" and negated and obj is not None:  # "I can't stand cold water"
            for o in self.objects(obj):
                if phrase := self.verb_or_noun(o):
                    add("dislikes", phrase, f"dislikes {phrase}")
            return
        if lemma in LIKE | DISLIKE:
            if modal and lemma in ("like", "love"):  # "I'd love to go", "I would like a dog"
                if not negated and obj is not None and (phrase := self.verb_or_noun(obj, gerund=False)):
                    add("wants", phrase, f"wants {'to ' if obj.pos_ in ('VERB', 'AUX') else ''}{phrase}")
                return
            if modal:
                return
            kind = ("dislikes" if lemma in LIKE else None) if negated else ("likes" if lemma in LIKE else "dislikes")
            if kind is None:
                return
            for o in self.objects(obj):
                if phrase := self.verb_or_noun(o):
                    add(kind, phrase, f"{kind} {phrase}")
            return
        if lemma == "be" and not negated and not modal:
            self.copula(pid, verb, kids, add)
            return
        if lemma == "wait" and negated and {c.lower_ for c in kids if c.dep_ == "aux"} & {"can", "ca", "could", "cannot"}:
            # "I can't wait to try sushi", "can't wait for the concert": looked forward to
            target = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > verb.i), None)
            if target is not None and (phrase := self.verb_phrase(target)) and phrase not in EMPTY_VERBS:
                add("plans", phrase, f"plans to {phrase}")
            elif target is None and (what := self.prep_object(verb, ("for",))):
                add("plans", what, f"looks forward to {what}")
            return
        if negated or (modal and lemma not in WANT | PLAN):
            return
        if lemma == "go" and progressive:  # "he's going to quit and travel"
            target = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
            if target is not None:
                for t in [target] + [c for c in self.kids(target) if c.dep_ == "conj" and c.pos_ == "VERB"]:
                    if (phrase := self.verb_phrase(t)) and phrase not in EMPTY_VERBS:
                        add("plans", phrase, f"plans to {phrase}")
                return
        if lemma in WANT | PLAN or (lemma == "think" and progressive):
            kind = "plans" if lemma in PLAN or lemma == "think" else "wants"
            # what is wanted or planned comes after the verb ("Today has been great—I decided to give ...": not "been")
            target = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > verb.i), None)
            if target is None:  # "planning on taking a class", "thinking about moving"
                prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "about", "of")), None)
                target = next((c for c in self.kids(prep) if c.dep_ == "pcomp"), None) if prep is not None else None
                if target is None and prep is not None and lemma != "think":
                    target = next((c for c in self.kids(prep) if c.dep_ == "pobj"), None)
            if target is None and lemma in WANT and obj is not None and obj.dep_ == "dobj":
                target = obj
            if target is not None and (tried := self.tried(target)):  # "I decided to give jiu-jitsu a shot"
                done = lemma == "decide" and verb.tag_ == "VBD"
                add("does" if done else kind, tried, f"tries {tried}" if done else f"{kind} to try {tried}")
                return
            if target is not None and (phrase := self.verb_or_noun(target, gerund=False)):
                add(kind, phrase, f"{kind} {'to ' if target.pos_ in ('VERB', 'AUX') else ''}{phrase}")
            return
        if lemma == "look" and progressive:  # "looking forward to the trip"
            fwd = next((c for c in kids if c.lower_ == "forward"), None)
            prep = next((c for c in (self.kids(fwd) if fwd is not None else []) + kids if c.dep_ == "prep" and c.lower_ == "to"), None)
            target = next((c for c in self.kids(prep) if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if target is not None and (phrase := self.verb_or_noun(target)):
                add("plans", phrase, f"looks forward to {phrase}")
            return
        if lemma == "get" and (perfect_progressive or words & TAKING_TO) and not future:  # "I've been getting into pottery"
            if what := self.bare(verb, "into"):
                add("likes", what, f"likes {what}")
            return
        if lemma == "pick" and any(c.dep_ == "prt" and c.lower_ == "up" for c in kids) and not future:
            # "I've picked up knitting": a pastime begun (a thing picked up has its article: "picked up the kids")
            taken = next((c for c in kids if c.dep_ in ("dobj", "xcomp") and c.i > verb.i
                          and (c.tag_ == "VBG" or c.pos_ == "NOUN") and not any(g.dep_ in ("det", "poss") for g in self.kids(c))), None)
            if taken is not None and (what := self.verb_or_noun(taken)):
                add("does", what, f"took up {what}")
            return
        if lemma in ("live", "reside") or (lemma == "grow" and "prt" in deps):
            place = self.prep_object(verb, ("in", "at", "on", "near"))
            if place:
                add("lives", place, f"lives in {place}" if lemma != "grow" else f"grew up in {place}")
            return
        if lemma in ("move", "relocate"):
            place = self.prep_object(verb, ("to",))
            if place:
                ahead = future or progressive or self.ahead(lo, hi)
                add("plans" if ahead else "lives", f"move to {place}" if ahead else place,
                    f"plans to move to {place}" if ahead else f"moved to {place}")
            return
        if lemma == "give" and any(t.lower_ in TRYING for t in kids):  # "I gave pottery a try"; "I'll give it a go" says nothing
            if tried := self.tried(verb):
                ahead = future or self.ahead(lo, hi)
                add("plans" if ahead else "does", tried, f"plans to try {tried}" if ahead else f"tries {tried}")
            return
        if any(c.dep_ == "auxpass" for c in kids) and not negated:  # "my friend Tom is obsessed with boats"
            for prep in [p for a, p in KEEN if a == verb.lower_]:
                if what := self.prep_object(verb, (prep,)) or self.prep_gerund(verb, prep):
                    add("likes", what, f"likes {what}")
                    return
        if lemma in ("work", "intern"):
            for prep, form in (("as", "works as {}"), ("at", "works at {}"), ("for", "works for {}"), ("in", "works in {}")):
                if what := self.prep_object(verb, (prep,)):
                    add("works", what, form.format(what) if lemma == "work" else f"interned {prep} {what}")
                    return
            return
        if not future and obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in ("internship", "placement", "apprenticeship"):
            for prep in ("at", "with", "in"):  # "I did a short internship at Microsoft"
                if what := self.prep_object(obj, (prep,)) or self.prep_object(verb, (prep,)):
                    add("works", what, f"{obj.lemma_.lower()} {prep} {what}")
                    return
        if lemma == "come" and verb.tag_ in ("VBP", "VBZ") and "prt" not in deps:  # "I come from Albania"
            place = self.prep_object(verb, ("from",))
            if place and place[:1].isupper():
                add("lives", place, f"is from {place}")
            return
        if lemma in ("attend", "enrol", "enroll") and not future and obj is not None and obj.dep_ == "dobj":  # "attending Stanford University"
            if obj.ent_type_ == "ORG" or any(t.lemma_.lower() in SCHOOLS for t in self.subtree(obj)):
                if what := self.noun_phrase(obj):
                    add("studies", what, f"studies at {what}")
                    return
        if lemma in ("study", "major", "train") and not (lemma == "train" and obj is not None and obj.dep_ == "dobj"):
            for o in self.objects(obj if obj is not None and obj.dep_ == "dobj" else None):
                if what := self.noun_phrase(o):
                    add("studies", what, f"studies {what}")
            for prep in ("in", "at", "as"):
                if what := self.prep_object(verb, (prep,)) or (self.prep_object(obj, (prep,)) if obj is not None and obj.dep_ == "dobj" else None):
                    add("studies", what, f"{'studies' if lemma != 'major' else 'majors'} {prep} {what}")
            to_be = next((c for c in kids if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
            if to_be is not None and (attr := next((c for c in self.kids(to_be) if c.dep_ == "attr"), None)) is not None:
                if what := self.noun_phrase(attr):
                    add("studies", what, f"is training to be {_article(what)}")
            return
        if lemma in ("have", "spend") and obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in SPELLS:
            doing = next((c for c in self.kids(obj) if c.dep_ == "acl" and c.tag_ == "VBG"), None)  # "had a great day hiking"
            if doing is None:  # "had a great night watching an MMA fight", parsed as the verb's
                doing = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > obj.i), None)
            if doing is not None and not future and (phrase := self.verb_phrase(doing)) and phrase not in EMPTY_VERBS:
                add("does", phrase, " ".join([third_person(phrase.split()[0])] + phrase.split()[1:]))
                return
        if lemma in ("have", "own", "keep", "adopt") and obj is not None and obj.dep_ == "dobj":
            if future or progressive:
                return
            owned = False
            for o in self.objects(obj):
                # "a small shed and a water butt": what is listed with a thing one has is had too
                if o.lemma_.lower() in OWNED or (lemma in ("own", "adopt") and o.pos_ == "NOUN") or (owned and o.pos_ == "NOUN"):
                    owned = True
                    what = self.noun_phrase(o, keep_number=True)
                    if what:
                        add("has", what, f"has {_article(what)}")
            return
        if (lemma == "use" and verb.tag_ == "VBD") or lemma in ("start", "begin", "finish", "continue"):
            # "I used to do karate", "I just finished playing some volleyball", "I started going to the gym"
            doing = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i
                          and (c.tag_ == "VBG" or (lemma == "use" and c.tag_ == "VB"))), None)
            if doing is not None and not future and not self.ahead(lo, hi):
                phrase = self.verb_phrase(doing)
                if phrase and phrase not in EMPTY_VERBS and phrase.split()[0] not in ("be", "have", "get", "feel"):
                    add("does", phrase, f"used to {phrase}" if lemma == "use" else " ".join([third_person(phrase.split()[0])] + phrase.split()[1:]))
                return
        if lemma in ("participate", "compete") or (lemma == "join" and obj is not None and obj.dep_ == "dobj"):
            what = self.prep_object(verb, ("in",)) if lemma != "join" else self.noun_phrase(obj)
            if what:
                add("does", what, f"{third_person(lemma)} {'in ' if lemma != 'join' else ''}{what}")
            return
        if lemma == "spend":  # "spent the afternoon playing football"
            doing = next((t for t in self.subtree(verb) if t.tag_ == "VBG" and t.i > verb.i), None)
            if doing is not None:
                thing = obj if obj is not None and obj.dep_ == "dobj" and obj.i > doing.i else None
                rest = [t.lower_ for t in self.subtree(thing) if t.i > doing.i and t.dep_ not in ("det", "punct", "poss")][:4] if thing is not None else []
                phrase = " ".join([doing.lemma_.lower()] + rest) if thing is not None else self.verb_phrase(doing)
                if phrase and phrase not in EMPTY_VERBS:
                    add("does", phrase, " ".join([third_person(phrase.split()[0])] + phrase.split()[1:]))
            return
        if lemma in ("learn", "study", "practise", "practice", "train") and progressive and not self.ahead(lo, hi):
            for o in self.objects(obj if obj is not None and obj.dep_ == "dobj" else None):
                if what := self.noun_phrase(o):
                    add("studies", what, f"{third_person(lemma)} {what}")
            return
        if future and lemma not in ("be", "have"):  # "I'll drive"
            phrase = self.verb_phrase(verb)
            if phrase and phrase not in EMPTY_VERBS:
                add("plans", phrase, f"plans to {phrase}")
            return
        if perfect_progressive and lemma not in DOING and lemma not in ("be", "have", "get", "feel", "think"):
            phrase = self.verb_phrase(verb)  # "I've been growing broad beans": an ongoing activity, whatever the verb
            if phrase and phrase not in EMPTY_VERBS:
                add("does", phrase, " ".join([third_person(phrase.split()[0])] + phrase.split()[1:]))
            return
        if lemma in DOING or lemma in ("go",):
            habitual = bool(words & HABIT_ADVERBS) or any(self.every(c) for c in kids) or perfect_progressive
            ahead = future or (progressive and self.ahead(lo, hi)) or self.going_to(verb)
            # what they did or do: "went hiking", "has taken up watercolours", "I read crime novels", "she swims"
            auxes = {c.lower_ for c in kids if c.dep_ == "aux"}
            # "went hiking", "has taken up", "I was visiting Las Vegas", "I did play"; "I do play club soccer", "she does swim"
            done = (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids))
                    or (progressive and bool(auxes & {"was", "were"})) or (verb.tag_ == "VB" and "did" in auxes))
            present = verb.tag_ in ("VBP", "VBZ") or (verb.tag_ == "VB" and bool(auxes & {"do", "does"}))
            if not (habitual or ahead or done or present):
                return
            phrase = self.verb_phrase(verb)
            if not phrase or phrase in ("go", "do", "make", "take", "try", "work", "visit", "walk"):
                return
            if ahead:
                add("plans", phrase, f"plans to {phrase}")
            else:
                add("does", phrase, " ".join([third_person(phrase.split()[0])] + phrase.split()[1:]))

    def activities(self, pid, verb, start, end, lo, hi):
        """A bout of an activity in the person's clause: "I'm getting ready for a game of basketball", "I had my first
        yoga class", "kicked off the morning with a yoga session" (does), "we'll have a tennis match on Sunday" (plans);
        not in a clause of someone else's inside it ("I think you should take a yoga class")."""
        kids = self.kids(verb)
        if (any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in kids)
                or any(c.dep_ == "aux" and c.lower_ in NOT_A_FACT_AUX | {"'d"} for c in kids)
                or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids)
                or verb.lemma_.lower() in LIKE | DISLIKE | WANT | PLAN):  # tastes and plans are read by `clause`
            return
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in kids) or self.going_to(verb)
        for tok in self.subtree(verb):
            if tok.lemma_.lower() not in ACTIVITIES or tok.pos_ != "NOUN" or tok.i < verb.i:
                continue
            up, ok = tok.head, True
            while up != verb and ok:  # the activity is in this clause, not in one of its own
                ok = up.dep_ not in ("relcl", "ccomp", "advcl", "acl", "csubj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children)
                up = up.head
            if not ok or tok.dep_ in ("nsubj", "nsubjpass"):
                continue
            of = next((c for c in self.kids(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
            thing = next((c for c in self.kids(of) if c.dep_ == "pobj"), None) if of is not None else None
            what = self.noun_phrase(thing) if thing is not None and thing.pos_ in ("NOUN", "PROPN") else None
            if what is None:
                named = [c for c in self.kids(tok) if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")]
                what = " ".join(t.lower_ for t in self.subtree(named[0]) if t.i < tok.i) if named else None
            if not what or what.lower() in SKIP_OBJECTS:
                continue
            watched = verb.lemma_.lower() in WATCHING
            if future or self.ahead(lo, hi):
                self.add(pid, "plans", what, f"plans {'to watch' if watched else 'to play' if tok.lemma_ in GAMES else 'to do'} {what}",
                         start, end, lo, hi)
            else:
                self.add(pid, "does", what, f"{'watches' if watched else 'plays' if tok.lemma_ in GAMES else 'does'} {what}",
                         start, end, lo, hi)

    def tried(self, verb) -> str | None:
        """What "give X a shot" (a try, a go) tries: X, or None when it is not that."""
        if verb.lemma_.lower() != "give":
            return None
        trial = next((t for t in self.subtree(verb) if t.lower_ in TRYING and t.pos_ == "NOUN" and t.i > verb.i
                      and any(c.lower_ == "a" for c in t.children)), None)
        thing = next((c for c in self.kids(verb) if c.dep_ in ("dobj", "dative") and c != trial and c.i < (trial.i if trial else 0)), None)
        what = self.noun_phrase(thing) if trial is not None and thing is not None else None
        return re.sub(r"\s+an?\s+(?:" + "|".join(TRYING) + r")\b.*$", "", what) if what else None  # parsed as one phrase

    def bare(self, head, prep) -> str | None:
        """ "getting into pottery", "into baking bread": a pastime after the preposition, said without an article or an
        owner (not "got into the car", "into my old jeans")."""
        p = next((c for c in self.kids(head) if c.dep_ == "prep" and c.lower_ == prep), None)
        thing = next((c for c in self.kids(p) if c.dep_ in ("pobj", "pcomp")), None) if p is not None else None
        if thing is None or thing.ent_type_ or any(c.dep_ in ("det", "poss") for c in self.kids(thing)):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in self.kids(thing)):
            return None  # "getting into arguments with my boss": something that happens with someone, no pastime
        return self.verb_or_noun(thing)

    def prep_gerund(self, head, prep) -> str | None:
        """ "drawn to crafting stories": the verb's phrase after the preposition."""
        p = next((c for c in self.kids(head) if c.dep_ == "prep" and c.lower_ == prep), None)
        pc = next((c for c in self.kids(p) if c.dep_ == "pcomp"), None) if p is not None else None
        return self.verb_phrase(pc, gerund=True) if pc is not None else None

    def copula(self, pid, verb, kids, add):
        """ "I'm a nurse", "I'm a big soccer fan", "I'm from Leeds", "she's training to be a nurse"."""
        attr = next((c for c in kids if c.dep_ == "attr"), None)
        if attr is not None and attr.lemma_.lower() == "fan":
            of = self.prep_object(attr, ("of",))
            compounds = [c for c in self.kids(attr) if c.dep_ in ("compound", "amod") and c.lemma_.lower() not in ("big", "huge", "great", "massive", "real")]
            what = of or " ".join(c.lower_ for c in compounds)
            if what and what not in SKIP_OBJECTS:
                add("likes", what, f"likes {what}")
            prep = next((c for c in self.kids(attr) if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in self.kids(prep) if c.dep_ == "pobj"), None) if prep is not None else None
            for o in self.objects(pobj)[1:]:  # "a fan of tennis and football"
                if (more := self.noun_phrase(o)) and more not in SKIP_OBJECTS:
                    add("likes", more, f"likes {more}")
            return
        if attr is not None and attr.lower_ in KEEN_NOUNS | KEEN_OF and not any(c.dep_ == "poss" for c in self.kids(attr)):
            # "I'm a big foodie", "such a bookworm", "a history buff", "a vegetarian"
            words = [c.lower_ for c in self.kids(attr) if c.dep_ in ("compound", "amod") and c.i < attr.i and c.lower_ not in INTENSIFIERS]
            what = " ".join(words + [attr.lower_]) if words or attr.lower_ in KEEN_NOUNS else None
            if what:
                add("likes", what, f"is {_article(what)}")
            return
        if attr is not None and attr.lemma_.lower() in OCCUPATIONS | YEARS_OF_STUDY:  # "a freshman attending Stanford"
            school = next((c for c in self.kids(attr) if c.dep_ == "acl" and c.lemma_ in ("attend", "study")), None)
            school = next((c for c in self.kids(school) if c.dep_ == "dobj"), None) if school is not None else None
            if school is not None and (what := self.noun_phrase(school)):
                add("studies", what, f"studies at {what}")
        if (attr is not None and attr.lemma_.lower() in OCCUPATIONS
                and not any(c.dep_ == "poss" or c.lower_ in ("favorite", "favourite") for c in self.kids(attr))):
            what = self.noun_phrase(attr)
            kind = "studies" if attr.lemma_.lower() in STUDENT_WORDS else "works"
            if what:
                add(kind, what, f"is {_article(what)}")
            for prep in ("at", "for", "in"):  # "a nurse at the children's hospital"
                if (where := self.prep_object(attr, (prep,))) and where not in ("home", "moment", "work"):
                    add(kind, where, f"{'studies' if kind == 'studies' else 'works'} {prep} {where}")
                    break
            return
        if attr is not None and attr.lower_ in ("training", "studying"):  # "she's training to be a nurse", misparsed
            be = next((c for c in self.kids(attr) if c.lemma_ == "be"), None)
            role = next((c for c in self.kids(be) if c.dep_ == "attr"), None) if be is not None else None
            if role is not None and (what := self.noun_phrase(role)):
                add("studies", what, f"is training to be {_article(what)}")
            return
        place = self.prep_object(verb, ("from",))
        if place and place[:1].isupper():  # a place's name: "from Leeds", not "back from school"
            add("lives", place, f"is from {place}")
            return
        # "I'm into hiking", "really into baking bread", "big into photography"
        for head in [verb] + [c for c in kids if c.dep_ == "acomp" and c.lower_ in INTENSIFIERS]:
            if what := self.prep_object(head, ("into",)) or self.prep_gerund(head, "into"):
                add("likes", what, f"likes {what}")
                return
        team = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "in")), None)
        group = next((c for c in self.kids(team) if c.dep_ == "pobj" and c.lemma_.lower() in GROUPS), None) if team is not None else None
        if group is not None and team.lower_ == "in" and not any(c.dep_ in ("compound", "amod") for c in self.kids(group)) \
                and group.lemma_.lower() not in ("band", "choir", "orchestra"):
            group = None  # "I'm in the club right now": a place; "in a book club", "in a band" say what one does
        if group is not None and not any(c.dep_ == "poss" and c.lower_ in ("your", "their", "his", "her") for c in self.kids(group)):
            if what := self.noun_phrase(group):  # "I'm on the volleyball team", "I'm in a band"
                add("does", what, f"is in {_article(what) if what.split()[-1] == what else what}")
                return
        # "I'm really interested in art", "he's obsessed with boats", "I'm a sucker for spaghetti"
        keen = next((c for c in kids if c.dep_ in ("acomp", "attr") and c.i > verb.i), None)
        if keen is not None:
            word = keen.lower_
            for prep in [p for a, p in KEEN if a == word] + (["for"] if keen.lemma_.lower() == "sucker" else []):
                what = self.prep_object(keen, (prep,)) or self.prep_object(verb, (prep,))
                if what is None:  # "interested in learning Italian": the verb's phrase
                    p = next((c for c in self.kids(keen) if c.dep_ == "prep" and c.lower_ == prep), None)
                    pc = next((c for c in self.kids(p) if c.dep_ == "pcomp"), None) if p is not None else None
                    what = self.verb_phrase(pc, gerund=True) if pc is not None else None
                if what:
                    add("likes", what, f"likes {what}")
                    return
        # "I've been to Italy twice"
        if verb.lower_ == "been" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
            to = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "to"), None)
            pobj = next((c for c in self.kids(to) if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None and (pobj.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or pobj.pos_ == "PROPN") and (what := self.noun_phrase(pobj)):
                add("does", f"been to {what}", f"has been to {what}")

    def possessed(self, pid, owner_tok, noun, start, end):
        """ "my cat Luna" (has), "my favourite sport is skiing" (likes)."""
        lemma = noun.lemma_.lower()
        if lemma in PETS:
            name = next((c for c in self.kids(noun) if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"), None)
            if name is None and noun.head.pos_ == "PROPN" and noun.dep_ == "compound":
                name = noun.head
            what = f"{noun.lower_} {name.text}" if name is not None else noun.lower_
            self.add(pid, "has", what.lower(), f"has a {noun.lower_}" + (f", {name.text}" if name is not None else ""), start, end, None, None)
            return
        if lemma in OWNED and owner_tok.lower_ in ("my", "his", "her", "our") and noun.pos_ == "NOUN":
            self.add(pid, "has", noun.lower_, f"has {_article(noun.lower_)}", start, end, None, None)
            return
        if lemma in INTEREST and noun.dep_ == "dobj" and noun.head.lemma_ in ("catch", "capture", "pique", "grab", "spark"):
            thing = next((c for c in self.kids(noun.head) if c.dep_ == "nsubj"), None)  # "coding has caught my interest"
            if thing is not None and not self.talking(thing) and not self.asked(noun.head) and not any(
                    c.dep_ == "neg" for c in self.kids(noun.head)) and (what := self.verb_or_noun(thing)):
                self.add(pid, "likes", what, f"likes {what}", start, end, None, None)
            return
        favourite = noun.lower_ in FAVOURITES or any(c.lower_ in ("favorite", "favourite") for c in self.kids(noun))
        # "my favourite city is Lisbon"; "... has to be Lisbon"
        be = noun.head if noun.head.lemma_ == "be" else next(
            (c for c in self.kids(noun.head) if c.dep_ == "xcomp" and c.lemma_ == "be"), None) if noun.head.lemma_ == "have" else None
        if favourite and noun.dep_ == "nsubj" and be is not None:
            if any(c.dep_ == "neg" for c in self.kids(noun.head)):
                return
            attr = next((c for c in self.kids(be) if c.dep_ == "attr"), None)
            if attr is not None and (what := self.noun_phrase(attr)):
                self.add(pid, "likes", what, f"likes {what} (favourite {noun.lower_})", start, end, None, None)
            return
        # "Japanese cuisine is one of my favourites", "Hawaii is my favourite place", "tennis is one of my passions"
        be = noun.head if noun.dep_ == "attr" else None
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "some"):
            of_whom = noun.head.head
            if of_whom.dep_ == "nsubj" and of_whom.head.lemma_ == "be" and favourite:  # "One of my favourites is Friends"
                attr = next((c for c in self.kids(of_whom.head) if c.dep_ == "attr"), None)
                for o in self.objects(attr, any_pos=True):
                    if not self.talking(o) and (what := self.noun_phrase(o)):
                        self.add(pid, "likes", what, f"likes {what}", start, end, None, None)
                return
            be = of_whom.head if of_whom.dep_ == "attr" else None
        if favourite and be is not None and be.lemma_ in ("be", "become") and self.lo <= be.i < self.hi and not self.asked(be):
            if any(c.dep_ == "neg" for c in self.kids(be)):
                return
            thing = next((c for c in self.kids(be) if c.dep_ == "nsubj"), None)
            for o in self.objects(thing, any_pos=True):
                if not self.talking(o) and (what := self.noun_phrase(o)):
                    self.add(pid, "likes", what, f"likes {what}", start, end, None, None)

    # -- phrases -------------------------------------------------------------------------------
    def objects(self, obj, any_pos=False):
        """The object and the objects coordinated with it ("skiing and hiking"); with `any_pos`, whatever their
        part of speech ("Friends" and "The Office")."""
        if obj is None:
            return []
        out = [obj]
        for t in self.subtree(obj):
            if t.dep_ == "conj" and t.head in out and (any_pos or t.pos_ == obj.pos_):
                out.append(t)
        return out

    def talking(self, tok) -> bool:
        """Is the token a pronoun, or one of the people talking (the writer, a chat's speakers)? A favourite
        said of them is no taste ("you are my favourite"), one said of anyone else is ("Jon Jones is my favourite")."""
        if tok.pos_ == "PRON":
            return True
        pid = self.person_at.get(tok.idx)
        return pid is not None and (pid in self.chatting or pid == self.narrator)

    def noun_phrase(self, tok, keep_number=False) -> str | None:
        """A noun's phrase without determiners, possessives, clauses or more than one prepositional phrase."""
        if tok.lower_ in ("lot", "lots", "bit", "ton", "tons", "bunch"):  # "a lot of yoga": what there is a lot of
            of = next((c for c in self.kids(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
            thing = next((c for c in self.kids(of) if c.dep_ == "pobj"), None) if of is not None else None
            return self.noun_phrase(thing, keep_number) if thing is not None else None
        if tok.pos_ in ("PRON",) or tok.lower_ in SKIP_OBJECTS:
            return None
        if any(c.dep_ == "poss" and c.lower_ in ("your", "yours") for c in self.kids(tok)):
            return None  # "I love your advice": about the other person's thing, not a taste
        if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):  # a name as a whole: "Inter-Milan"
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and self.lo <= ent.start and ent.end <= self.hi and len(ent) <= 6:
                return _LEAD.sub("", ent.text).strip(" ,.;:!-") or None
        keep = []
        for t in self.subtree(tok):
            if t.i < tok.i and t.dep_ in ("det", "poss", "predet", "case", "punct", "cc") and t.head == tok:
                continue
            if t.i < tok.i and t.dep_ == "case" and t.head.dep_ == "poss" and t.head.head == tok:
                continue  # the "'s" of a possessor left out ("the children's hospital" -> "hospital")
            if t.dep_ in ("relcl", "acl", "advcl", "cc", "conj", "appos", "punct") and t.head.i >= tok.i and t.i > tok.i:
                break
            if t.i > tok.i and t.dep_ == "prep" and t.lower_ != "of":
                break
            if t.dep_ == "nummod" and not keep_number and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"):
                continue  # "two dogs" -> "dogs", but "five-a-side"
            keep.append(t)
        if not keep:
            return None
        keep = keep[:7]
        if keep[-1].i - keep[0].i + 1 == len(keep):  # contiguous: as written ("five-a-side football")
            phrase = "".join((t.lower_ if t.pos_ != "PROPN" else t.text) + t.whitespace_ for t in keep)
        else:
            phrase = " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in keep)
        phrase = _LEAD.sub("", phrase).strip(" ,.;:!-")
        return phrase if phrase and phrase.lower() not in SKIP_OBJECTS else None

    def verb_phrase(self, verb, gerund=False) -> str | None:
        """ "take a cooking class" -> "take cooking class"; "go hiking"; "play basketball"; with `gerund`,
        a verb in -ing stays so ("likes watching Suits")."""
        lemma = verb.lemma_.lower()
        parts = [verb.lower_ if gerund and verb.tag_ == "VBG" else lemma]
        kids = self.kids(verb)
        for c in kids:
            if c.dep_ == "prt":
                parts.append(c.lower_)
        for c in kids:
            if c.dep_ == "dobj":
                if phrase := self.noun_phrase(c):
                    return " ".join(parts + [phrase])
            if c.dep_ == "xcomp" and c.tag_ == "VBG":  # "go hiking"
                inner = self.verb_phrase(c)
                return " ".join(parts + [c.lower_] + (inner.split()[1:] if inner else []))
            if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > verb.i:  # "learn to throw a bowl"
                inner = self.verb_phrase(c)
                if inner and inner not in EMPTY_VERBS:
                    return " ".join(parts + ["to", inner])
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "in", "on", "with"):
                pobj = next((g for g in self.kids(c) if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lower_ not in SKIP_OBJECTS and pobj.pos_ != "PRON" and not pobj.ent_type_ in ("DATE", "TIME"):
                    if phrase := self.noun_phrase(pobj):
                        return " ".join(parts + [c.lower_, phrase])
        return " ".join(parts) if lemma not in ("be", "have", "get") else None

    def verb_or_noun(self, tok, gerund=True) -> str | None:
        if tok.pos_ in ("VERB", "AUX"):
            return self.verb_phrase(tok, gerund=gerund)
        return self.noun_phrase(tok)

    def prep_object(self, head, preps) -> str | None:
        for c in self.kids(head):
            if c.dep_ == "prep" and c.lower_ in preps:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and not self.lo <= pobj.i < self.hi:
                    # parsed over the turn's end ("majoring in Psychology \n Emi: ..."): its last noun in the turn
                    pobj = next((t for t in reversed(self.subtree(pobj)) if t.pos_ in ("NOUN", "PROPN") and t.i > c.i), None)
                if pobj is not None and not self.a_time(pobj) and pobj.lower_ not in ("here", "there"):
                    if pobj.pos_ != "PROPN":  # "the same house in Stockport": the place's name says where
                        place = next((t for t in self.subtree(pobj) if t.ent_type_ in ("GPE", "LOC") and t.i > pobj.i), None)
                        if place is not None and head.lemma_ in ("live", "reside", "grow", "be", "move", "relocate"):
                            return self.noun_phrase(place)
                    return self.noun_phrase(pobj)
        return None

    def a_time(self, tok) -> bool:
        """Does the token say a time? A name the parser's entities call a date ("at Manchester, second year") is one
        only if the time extractor reads a time there too."""
        if tok.ent_type_ not in ("DATE", "TIME"):
            return False
        return tok.pos_ != "PROPN" or any(t.start <= tok.idx < t.end for t in self.ex.times)

    def every(self, tok) -> bool:
        """ "every Sunday", "each week", "on weekends"."""
        return any(t.lower_ in ("every", "each") for t in self.subtree(tok)) and tok.dep_ in ("npadvmod", "prep", "advmod")

    def going_to(self, verb) -> bool:
        """ "I'm going to try skiing": `verb` under "going to"."""
        head = verb.head
        return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ == "to" for c in self.kids(verb))

    def ahead(self, lo, hi) -> bool:
        """Does the sentence name a time after the entry's date, or a word for the time ahead?"""
        doc = self.doc
        if any(t.lower_ in FUTURE_WORDS or (t.lower_ in ("next", "this") and t.head.lower_ in TIME_UNITS and t.head.i > t.i)
               for t in doc[lo:hi]):
            return True
        at = (self.ex.at or "")[:10]
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        return bool(at) and any(start <= t.start < end and t.lo[:10] > at for t in self.ex.times)

    def add(self, pid, kind, what, statement, start, end, lo, hi):
        what = " ".join(what.split()).strip(" ,.;:!-").lower()
        if not what or what in SKIP_OBJECTS or len(what) < 2 or what in EMPTY_VERBS:
            return
        key = (pid, kind, what, start)
        if key in self.seen:
            return
        self.seen.add(key)
        when_lo = when_hi = None
        for t in self.ex.times:  # the time the sentence names, if any
            if start <= t.start < end:
                when_lo, when_hi = t.lo, t.hi
                break
        self.facts.append(Fact(pid, kind, what, " ".join(statement.split()), start, end, when_lo, when_hi))


KEY_FORMS = _forms(LIKE | DISLIKE | WANT | PLAN)


def _article(phrase: str) -> str:
    """ "nurse" -> "a nurse", "engineer" -> "an engineer"; plurals and names as they are."""
    if phrase.endswith("s") or phrase[:1].isupper():
        return phrase
    return ("an " if phrase[0] in "aeiou" else "a ") + phrase
