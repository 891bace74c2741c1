"""Events: deaths, births, marriages, partings, meetings and illnesses, with who and when.

A trigger word (a verb like "died", a noun like "funeral") gives the kind; the people come from
the dependency arcs around it (subject, object, possessor, "of"/"by" phrases) that reach a
person's mention; the time is a time written in the same sentence, else "no later than the
entry's date". Negated ("didn't die"), hypothetical ("might die", "if he'd died", "to die"),
future and questioned events are kept with `negated=True`: evidence, never a fact.
"""
from __future__ import annotations

import datetime as dt
import re

from .base import Event, Extraction
from .cues import mention_tokens, sentence_groups
from .times import entry_times, parse_number

# Verb lemma -> kind. Some verbs are events only when their object is a person (see OBJECT_VERBS).
VERBS = {
    "die": "death", "kill": "death", "murder": "death", "drown": "death", "perish": "death",
    "execute": "death", "slay": "death", "strangle": "death", "assassinate": "death",
    "bury": "death", "mourn": "death", "lose": "death", "behead": "death", "suffocate": "death", "outlive": "death",
    "pass": "death",
    "bear": "birth", "born": "birth", "adopt": "birth",
    "marry": "marriage", "wed": "marriage", "propose": "engagement", "engage": "engagement",
    "divorce": "parting", "separate": "parting", "leave": "parting", "dump": "parting",
    "abandon": "parting", "desert": "parting",
    "meet": "meeting", "encounter": "meeting", "befriend": "meeting",
    "diagnose": "illness", "sicken": "illness", "hospitalise": "illness", "hospitalize": "illness",
    "injure": "injury", "wound": "injury", "crash": "injury",
    "retire": "retirement", "move": "moving", "emigrate": "moving", "relocate": "moving", "start": "job", "hire": "job",
}
# These only count with a person as their object: "lost Ianto" (not "lost my keys").
OBJECT_VERBS = {"lose", "leave", "bury", "mourn", "outlive", "abandon", "desert", "dump", "adopt", "wound",
                "injure", "kill", "murder", "slay", "strangle", "execute", "assassinate", "behead", "hire"}
# Verbs whose subject does the event to their object, who is the one it happens to: "you killed your grandson".
DONE_TO = {"kill", "murder", "slay", "strangle", "execute", "assassinate", "behead", "drown", "suffocate",
           "bury", "mourn", "lose", "outlive", "adopt", "bear", "injure", "wound", "diagnose", "hospitalise", "hospitalize",
           "hire"}
# Nouns with other senses ("each brush stroke"): an event only when a person has it.
PEOPLE_NOUNS = {"stroke", "crash", "accident", "meeting", "passing", "engagement", "memorial", "grave", "tomb",
                "headstone", "gravestone", "coffin", "casket", "move", "job", "attack"}
# Light verbs whose subject is the one with the illness or injury: "Dad had a stroke".
HAVE_VERBS = {"have", "suffer", "get", "develop", "contract", "catch", "battle", "fight", "beat",
              "survive", "undergo", "sustain", "start", "land", "begin", "accept", "take"}  # "Geth got a new job"
# And these with a person anywhere around them: "we met", "they separated" (not "meet the deadline").
PEOPLE_VERBS = {"meet", "encounter", "separate", "befriend", "propose", "engage", "crash", "move", "emigrate", "relocate",
                "start", "retire"}
# "moved" is a move of house only with where to, or away, abroad, in or out: not "moved the chair".
MOVE_WORDS = {"to", "into", "abroad", "away", "back", "home", "in", "out", "over", "house", "flat", "country", "here", "there",
              "down", "up"}
# "started" is a new job only with the job or where: "started a new job", "started at Tesco", "starting work".
JOB_WORDS = {"job", "work", "role", "post", "position", "career", "placement", "apprenticeship"}
# Phrasal verbs: (verb, particle) -> kind.
PHRASAL = {("pass", "away"): "death", ("pass", "on"): "death", ("break", "up"): "parting",
           ("split", "up"): "parting", ("walk", "out"): "parting", ("fall", "ill"): "illness",
           ("get", "married"): "marriage", ("get", "engaged"): "engagement",
           ("get", "divorced"): "parting", ("give", "birth"): "birth", ("run", "off"): "parting"}
NOUNS = {
    "death": "death", "funeral": "death", "burial": "death", "murder": "death", "killing": "death",
    "suicide": "death", "passing": "death", "corpse": "death", "cremation": "death",
    "memorial": "death", "obituary": "death", "widow": "death", "widower": "death", "grave": "death",
    "tomb": "death", "headstone": "death", "gravestone": "death", "coffin": "death", "casket": "death",
    "birth": "birth", "christening": "birth", "baptism": "birth", "pregnancy": "birth",
    "marriage": "marriage", "wedding": "marriage", "honeymoon": "marriage",
    "engagement": "engagement",
    "divorce": "parting", "separation": "parting", "breakup": "parting", "break-up": "parting",
    "meeting": "meeting",
    "illness": "illness", "disease": "illness", "cancer": "illness", "tumour": "illness",
    "tumor": "illness", "stroke": "illness", "dementia": "illness", "alzheimer": "illness",
    "leukaemia": "illness", "leukemia": "illness", "pneumonia": "illness", "flu": "illness",
    "infection": "illness", "diagnosis": "illness", "coma": "illness", "haemorrhage": "illness",
    "hemorrhage": "illness", "chemotherapy": "illness", "chemo": "illness", "covid": "illness",
    "accident": "injury", "injury": "injury", "crash": "injury",
    "diabetes": "illness", "asthma": "illness", "arthritis": "illness", "parkinson": "illness", "sepsis": "illness",
    "shingles": "illness", "bronchitis": "illness", "attack": "illness", "retirement": "retirement", "move": "moving",
    "job": "job", "emigration": "moving",
}
ADJECTIVES = {"dead": "death", "pregnant": "birth", "ill": "illness", "sick": "illness",
              "married": "marriage", "engaged": "engagement", "divorced": "parting",
              "widowed": "death", "injured": "injury", "retired": "retirement", "due": "birth", "positive": "illness"}
# "passed" on its own is a death ("since Dad passed"); passing by, through or over a place is not.
PASS_BY = {"by", "through", "over", "to", "into", "onto", "out", "round", "around", "along", "across", "under", "between",
           "on", "beside", "behind", "down", "up", "off", "past", "near"}
# Adjectives that tell of an event only before a person: "my late husband", "the late Irene Adler".
BEFORE_PERSON = {"late": "death", "deceased": "death"}
MODALS = {"might", "may", "could", "would", "should", "will", "shall", "must", "can", "'d", "'ll",
          "wo", "ca", "ought"}
IRREALIS_MARKS = {"if", "unless", "whether", "lest", "suppose", "supposing"}
IRREALIS_VERBS = {"want", "wish", "hope", "fear", "imagine", "pretend", "suppose", "dream",
                  "threaten", "try", "plan", "intend", "expect", "worry", "refuse", "need", "afraid"}
PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "pobj", "dative", "attr", "appos", "conj"}
NOUN_PREPS = {"of", "for", "by", "to", "with", "between"}
WRITERS = {"i", "me", "my", "myself", "we", "us", "our", "ourselves", "im", "i'm"}
VERB_PREPS = {"by", "to", "with", "from"}
DEATH_PREPS = {"by"}
# Said of how close one came, not of what happened: "I nearly died", "she almost passed out".
NEARLY = {"nearly", "almost", "practically", "virtually", "half", "basically", "literally"}
# Dying of a feeling, or laughing, is a figure of speech: "died of fright", "nearly died laughing".
FEELINGS = {"fright", "embarrassment", "shame", "boredom", "laughter", "laughing", "curiosity", "envy", "jealousy",
            "happiness", "excitement", "cringe", "mortification", "hunger", "thirst", "heat", "cold", "worry", "nerves"}
# A death is not dated by these: a funeral, a grave, an anniversary come after it ("the funeral is on Friday").
AFTER_DEATH = {"funeral", "burial", "cremation", "memorial", "grave", "tomb", "headstone", "gravestone", "coffin",
               "casket", "obituary", "widow", "widower", "bury", "mourn", "outlive", "anniversary", "wake", "inquest"}


_TRIGGERS = {w for w in VERBS} | {v for v, _ in PHRASAL} | set(NOUNS) | set(ADJECTIVES) | set(BEFORE_PERSON) | {"born"}
_HASHES: dict[int, set[int]] = {}


def _hashes(vocab) -> set[int]:
    """Hashes of every trigger word in this vocabulary's string store, to skip other tokens fast."""
    key = id(vocab.strings)
    if key not in _HASHES:
        _HASHES[key] = {vocab.strings.add(w) for w in _TRIGGERS}
    return _HASHES[key]


def _kind(t) -> str | None:
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX"):
        for c in t.children:
            if c.dep_ in ("prt", "acomp", "dobj", "oprd", "advmod") and (lemma, c.lower_) in PHRASAL:
                return PHRASAL[(lemma, c.lower_)]
        if lemma in VERBS:
            return VERBS[lemma]
        if t.lower_ == "born":
            return "birth"
    if t.pos_ in ("NOUN", "PROPN") and (lemma in NOUNS or t.lower_ in NOUNS):
        return NOUNS.get(lemma) or NOUNS[t.lower_]  # "diabetes" (which the lemmatizer makes "diabete")
    if t.pos_ == "ADJ" and t.lower_ == "positive" and t.head.lemma_.lower() == "test":
        return "illness"  # "tested positive for Covid"
    if t.pos_ == "ADJ" and t.lower_ in ADJECTIVES and t.dep_ in ("acomp", "amod", "oprd", "attr"):
        if t.lower_ == "positive" and t.head.lemma_.lower() != "test":
            return None  # "tested positive" is an illness, "positive" alone is not
        if t.lower_ == "due" and not _due_birth(t):
            return None  # "the baby is due in March", "she's due on the 9th"; not "the rent is due"
        if t.lower_ in ("sick", "ill") and t.head.lemma_.lower() in ("feel", "look", "sound", "make"):
            return None  # "I feel sick about telling her": a feeling, not an illness
        return ADJECTIVES[t.lower_]
    if t.pos_ == "ADJ" and t.lower_ in BEFORE_PERSON and t.dep_ == "amod":
        return BEFORE_PERSON[t.lower_]  # "my late husband", "the late Irene Adler" (not "late for work")
    return None


def _participants(t, owner, agents=None, kind=None, via=None) -> list[int]:
    """People reached from the trigger through subject, object, possessor and prepositions. Those who did
    it to someone else (the subject of "killed", "buried", "outlived" with a person as object, a "by"
    phrase) are also added to `agents`. No one writes of their own death: "I" and "we" did not die ("I'm
    dead on my feet", "that one killed me"), though they may have done it to someone ("we buried Nain")."""
    people: list[int] = []
    agents = [] if agents is None else agents
    birth = [c for c in t.children if c.dep_ == "dobj" and c.lower_ == "birth"] if t.lemma_.lower() == "give" else []
    # "she gave birth to Tom": the birth is Tom's ("to Tom" may hang on "birth")
    done_to = t.pos_ == "VERB" and (bool(birth) or t.lemma_.lower() in DONE_TO and any(
        c.dep_ in ("dobj", "nsubjpass", "dative") and c.i in owner for c in t.children))

    def take(tok, agent=False):
        if kind == "death" and not agent and tok.lower_ in WRITERS:
            return
        p = owner.get(tok.i)
        if p is not None and p not in people:
            people.append(p)
            if via is not None:
                via[p] = tok
            if agent:
                agents.append(p)
        for c in tok.children:
            if c.dep_ == "conj":
                take(c, agent)

    # Whom a preposition brings in: "the death of Lisa", "married to Rhys", "broke up with Tom", "killed by
    # her"; but not the one a death happened with or beside ("died on the M4 with me in her").
    nominal = t.pos_ in ("NOUN", "PROPN")
    preps = NOUN_PREPS if nominal else DEATH_PREPS if VERBS.get(t.lemma_.lower()) == "death" or t.lower_ == "dead" else VERB_PREPS
    frontier = [t, *birth]
    if t.pos_ == "ADJ" and (t.dep_ in ("acomp", "oprd", "attr") or t.lower_ == "positive"):
        frontier.append(t.head)  # "he was dead", "she tested positive": the subject is the verb's
    elif t.pos_ == "ADJ" and t.dep_ == "amod":
        take(t.head)  # "his dead wife"
    for f in frontier:
        for c in f.children:
            if c.dep_ in PERSON_DEPS:
                take(c, agent=done_to and c.dep_ == "nsubj")
            elif c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in preps:  # "the death of Lisa", "killed by her"
                for g in c.children:
                    if g.dep_ == "pobj":
                        take(g, agent=c.dep_ == "agent" or c.lower_ == "by")
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in HAVE_VERBS:
        for c in t.head.children:  # "Dad had a stroke", "she survived cancer"
            if c.dep_.startswith("nsubj"):
                take(c)
    if t.dep_ in ("relcl", "acl") and t.head.i in owner:
        take(t.head)  # "Lisa, who died ..."
    if t.dep_ == "conj" and t.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in t.children):
        for c in t.head.children:  # "he fell and died": the first verb's subject
            if c.dep_.startswith("nsubj"):
                take(c)
    return people


def _irrealis(t, sent) -> bool:
    """Negated, hypothetical, future, wished-for or asked about rather than stated."""
    if sent.text.rstrip().endswith("?"):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in t.children):
        return True
    nominal = t.pos_ in ("NOUN", "PROPN")
    node, steps = t, 0
    while steps < 8:
        is_verb = node.pos_ in ("VERB", "AUX") or node.i == t.i
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in IRREALIS_MARKS:
                return True  # "if he'd died"
            if nominal or not is_verb:
                continue
            # A noun's event is not undone by its verb: "I didn't go to his funeral".
            if c.dep_ == "neg":
                return True
            if c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or c.lemma_.lower() in MODALS):
                return True  # "might die", "would have died", "will die"
            if c.dep_ == "aux" and c.lower_ == "to":
                return True  # "to die", "going to die", "have to die"
        if not nominal and node.lower_ in ("never", "nearly", "almost", "without"):
            return True
        if not nominal and is_verb and any(c.dep_ == "advmod" and c.lower_ in NEARLY for c in node.children):
            return True  # "I nearly died", "she almost died"
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in IRREALIS_VERBS:
            return True  # "wanted to die", "feared she'd leave"
        if node.dep_ in ("relcl", "parataxis", "ccomp", "advcl", "acl"):
            return False  # a clause of its own: what governs it says nothing of the event
        node = head
        steps += 1
    return False


class Events:
    """Find life events in an entry. Run after `Times` so the events can take their dates."""

    name = "events"
    version = "13"

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None:
            return ex
        owner = mention_tokens(ex)
        triggers = _hashes(doc.vocab)
        all_times = ex.times or entry_times(ex)  # when run before `Times`
        entry_day = ex.at[:10] if ex.at else None
        no_later = (dt.date.fromisoformat(entry_day) + dt.timedelta(days=1)).isoformat() if entry_day else None
        for s, e in sentence_groups(doc):
            sent = doc[s:e]
            times = [tm for tm in all_times if sent.start_char <= tm.start < sent.end_char and not _dateline(ex.text, tm)]
            lo, hi = (times[0].lo, times[0].hi) if times else (None, no_later)
            after = {(t.i if (lemma := t.lemma_.lower()) in AFTER_DEATH else None) for t in sent} - {None}
            found: dict[int, Event] = {}  # trigger token -> its event
            for t in sent:
                if t.lemma not in triggers and t.lower not in triggers:
                    continue
                kind = _kind(t)
                if kind is None:
                    continue
                agents: list[int] = []
                via: dict[int, object] = {}
                people = _participants(t, owner, agents, kind, via)
                lemma = t.lemma_.lower()
                if t.pos_ == "VERB" and lemma in OBJECT_VERBS and not any(
                        c.i in owner for c in t.children if c.dep_ in ("dobj", "nsubjpass")):
                    continue  # "lost my keys", "left the house"
                if lemma == "bear" and t.lower_ != "born" and not any(c.dep_ == "nsubjpass" for c in t.children):
                    continue  # "can't bear it"
                if lemma == "pass" and (not any(c.dep_ == "nsubj" and c.i in owner for c in t.children) or any(
                        c.dep_ in ("dobj", "prt", "dative", "agent", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in PASS_BY
                        for c in t.children)):
                    continue  # "Mum passed in her sleep", but not "Tom passed the salt", "passed by the shop", "time passed"
                if (lemma in PEOPLE_VERBS or t.pos_ == "NOUN" and lemma in PEOPLE_NOUNS or t.lower_ in BEFORE_PERSON) and not people:
                    continue  # "meet the deadline", "each stroke of the brush"
                if lemma == "die" and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                    continue  # "dying to see it", "dying for a drink"
                if _figurative(t, kind):
                    continue  # "died of fright", "died laughing", "dead to me", "is killing me"
                if not _life_event(t, kind):
                    continue  # "moved the chair", "started the car", "my new job is dull"
                if t.lower_ == "due":
                    people = people or _parents(t, owner)  # "Huw and Kasia's baby is due": theirs
                # A trigger inside another of its kind is the same event: "diagnosed with cancer".
                outer = next((found[a.i] for a in list(t.ancestors)[:3] if a.i in found and found[a.i].kind == kind), None)
                if outer is not None:
                    outer.agents += [p for p in agents if p not in outer.people]
                    outer.people += [p for p in people if p not in outer.people]
                    continue
                # The simple present with nobody named is a saying, not news: "the good die young".
                generic = t.tag_ in ("VBP", "VBZ") and not people
                # A funeral, a grave or an anniversary dates itself, not the death: it was no later than that.
                late = kind == "death" and times and (t.i in after or any(a.i in after for a in t.ancestors))
                victims = [via[p] for p in people if p not in agents and p in via]
                found[t.i] = Event(kind, people, sent.start_char, sent.end_char, None if late else lo, hi,
                                   negated=generic or _irrealis(t, sent), agents=agents,
                                   confidence=confidence(t, kind, victims),
                                   date_confidence=times[0].confidence if times and not late else 0.0,
                                   place=_place(t) if kind == "moving" else None)
            for t in sent:
                people, age, today = _late(t, owner)
                if people and not any(ev.kind == "death" and set(people) <= set(ev.people) for ev in found.values()):
                    found[t.i] = Event("death", people, sent.start_char, sent.end_char, None, no_later,
                                       confidence=CONFIDENCE["late"], date_confidence=0.0)
                    born = _years_before(entry_day, age) if today and entry_day and age else None
                    if born:  # "would have been eighty-one today": born this day, that many years ago
                        found[-t.i - 1] = Event("birth", people, sent.start_char, sent.end_char, born,
                                                (dt.date.fromisoformat(born) + dt.timedelta(days=1)).isoformat(),
                                                confidence=CONFIDENCE["late"], date_confidence=0.9)
            ex.events.extend(found.values())
        return ex


# How sure an event is, by what told it (see `confidence`).
CONFIDENCE = {
    "verb": 0.97,  # "Nain died", "Mr Pugh passed away", "Elin was born", "they married"
    "pass": 0.9,  # "since Dad passed"
    "killed": 0.9,  # "killed", "murdered", "drowned" with a person
    "lost": 0.75,  # "we lost Dad in May" (or in the crowd)
    "buried": 0.9, "mourned": 0.8, "outlived": 0.85,
    "noun": 0.95,  # "Nain's death", "the birth of Elin", "their wedding"
    "after": 0.9,  # a funeral, a grave, a headstone: someone died
    "dead": 0.85,  # "Grandad is dead"
    "late": 0.9,  # "my late husband", "would have been ninety today"
    "widow": 0.2,  # a widow is alive: it was the one she married who died
    "pregnant": 0.3,  # a pregnancy is a birth to come, not one that happened
    "due": 0.5,  # so is a due date
    "other": 0.85,
    "pronoun": 0.75,  # times this when the one it happened to is only "he" or "she" (read by coreference)
}


def confidence(t, kind, victims) -> float:
    """How sure that the event `t` tells happened to `victims` (the tokens naming them): the share of such
    readings found right on the tuning writers of bench/journal.py, rounded down. What a pronoun stands for
    is less sure than a name."""
    lemma = t.lemma_.lower()
    if t.lower_ in ("widow", "widower", "widowed") or lemma in ("widow", "widower"):
        c = CONFIDENCE["widow"]
    elif lemma in ("pregnancy",) or t.lower_ == "pregnant":
        c = CONFIDENCE["pregnant"]
    elif t.lower_ == "due":
        c = CONFIDENCE["due"]
    elif t.pos_ in ("NOUN", "PROPN"):
        c = CONFIDENCE["after"] if lemma in AFTER_DEATH else CONFIDENCE["noun"]
    elif t.pos_ == "ADJ":
        c = CONFIDENCE["late"] if t.lower_ in BEFORE_PERSON else CONFIDENCE["dead"] if t.lower_ == "dead" else CONFIDENCE["other"]
    elif lemma == "pass":
        c = CONFIDENCE["verb"] if any(c.dep_ == "prt" for c in t.children) else CONFIDENCE["pass"]
    elif lemma in ("kill", "murder", "drown", "strangle", "slay", "execute", "assassinate", "behead", "suffocate"):
        c = CONFIDENCE["killed"]
    elif lemma in ("lose", "bury", "mourn", "outlive"):
        c = CONFIDENCE[{"lose": "lost", "bury": "buried", "mourn": "mourned", "outlive": "outlived"}[lemma]]
    elif t.pos_ in ("VERB", "AUX"):
        c = CONFIDENCE["verb"]
    else:
        c = CONFIDENCE["other"]
    if victims and all(v.pos_ == "PRON" for v in victims):
        c *= CONFIDENCE["pronoun"]
    return round(c, 3)


def _life_event(t, kind) -> bool:
    """Is a move, a start or a job the life event: moving house or country ("moved to Bristol", "moving in
    together", "emigrated"), a new job ("started a new job", "starting at Swansea University", "got the
    job", "his first day at the depot")?"""
    lemma = t.lemma_.lower()
    words = {c.lower_ for c in t.children} | {c.lemma_.lower() for c in t.children}
    if kind == "moving" and lemma == "move":
        return t.pos_ != "VERB" and any(c.dep_ == "poss" for c in t.children) or t.pos_ == "VERB" and bool(words & MOVE_WORDS)
    if kind == "job" and lemma == "start":
        return bool(words & JOB_WORDS) or any(c.dep_ == "prep" and c.lower_ in ("at", "with") and any(
            g.pos_ == "PROPN" for g in c.children) for c in t.children)
    if kind == "job" and lemma == "job":
        return any(c.lower_ in ("new", "first") for c in t.children) or t.head.lemma_.lower() in ("get", "land", "start", "accept", "offer")
    if kind == "illness" and lemma == "attack":
        return any(c.lower_ in ("heart", "panic") and c.dep_ in ("compound", "amod") for c in t.children)
    return True


def _due_birth(t) -> bool:
    """Is "due" a birth to come: said of a baby, or of a woman with a time ("she's due in March")?"""
    subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")] if t.dep_ in ("acomp", "attr") else []
    return any(s.lemma_.lower() in ("baby", "she", "i", "we", "bump", "twins") or s.pos_ == "PROPN" for s in subj)


def _parents(t, owner) -> list[int]:
    """The people a baby is due to: the possessors of "baby" ("Huw and Kasia's baby is due")."""
    out = []
    for s in (c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")):
        for poss in (c for c in s.children if c.dep_ == "poss"):
            for tok in [poss, *poss.conjuncts]:
                if tok.i in owner and owner[tok.i] not in out:
                    out.append(owner[tok.i])
    return out


def _place(t) -> str | None:
    """Where a move is to: "moved to Bristol", "emigrating to New Zealand", "moving into a flat in Roath"."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            for g in c.children:
                if g.dep_ == "pobj":
                    places = [x for x in g.subtree if x.pos_ == "PROPN"]
                    if places:
                        return " ".join(x.text for x in places)
                    return " ".join(x.text for x in g.subtree if not x.is_punct)
    return None


def _figurative(t, kind) -> bool:
    """A death that is a figure of speech: dying of a feeling or laughing ("died of fright", "nearly died
    laughing"), dead to someone ("he's dead to me"), something killing someone now ("my feet are killing me",
    "which is killing me")."""
    if kind != "death":
        return False
    lemma = t.lemma_.lower()
    if lemma == "die":
        for c in t.children:
            if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VBG" or c.dep_ == "prep" and c.lower_ in ("of", "from", "with") and any(
                    g.lemma_.lower() in FEELINGS or g.lower_ in FEELINGS for g in c.children):
                return True
    if t.lower_ == "dead":
        holders = [t, t.head] if t.dep_ in ("acomp", "oprd", "attr") else [t]
        if any(c.dep_ == "prep" and c.lower_ == "to" for h in holders for c in h.children):
            return True  # "dead to me", "dead to the world"
    if lemma == "die" and t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children):
        return True  # "Nain is dying", "im dying": not dead, not yet
    if lemma in ("kill", "murder") and t.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "'m", "’s", "’re", "’m") for c in t.children):
        return True  # "is killing me": a pain, not a death
    return False


def _dateline(text: str, tm) -> bool:
    """Is the time a line of its own ("2023-09-05", "date: 2021-03-14", "14 March 2022")? It dates the
    entry, not an event of the sentence the parser joined it to."""
    start = text.rfind("\n", 0, tm.start) + 1
    end = text.find("\n", tm.end)
    before = text[start:tm.start].strip()
    after = text[tm.end:len(text) if end < 0 else end].strip(" \t\r.,;:!")
    return not after and (not before or re.fullmatch(r"[A-Za-z]+\s*:", before) is not None)


def _late(t, owner) -> tuple[list[int], int | None, bool]:
    """The people who "would have been eighty-one today" or "would've turned 40": an age they did not
    live to see says they have died (when, the sentence does not say). With the age, and whether the
    sentence says it is today (their birthday)."""
    none = ([], None, False)
    if t.lemma_.lower() not in ("be", "turn") or t.lower_ == "be":
        return none
    auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
    if not auxes & {"would", "'d", "’d"} or not auxes & {"have", "'ve", "’ve"}:
        return none
    ages = [c for c in t.children if c.pos_ == "NUM" and c.dep_ in ("attr", "dobj")]
    ages += [g for c in t.children if c.dep_ == "acomp" and c.lower_ == "old" for g in c.subtree if g.pos_ == "NUM"]
    if not ages or any(c.dep_ == "neg" for c in t.children):
        return none
    number = ages[0]
    age = parse_number(" ".join(w.text for w in number.subtree if w.pos_ == "NUM" or w.text == "-").replace(" - ", "-"))
    today = any(c.lower_ == "today" for c in t.children)
    return [owner[c.i] for c in t.children if c.dep_ == "nsubj" and c.i in owner], age, today


def _years_before(day: str, years: int) -> str | None:
    """The same day `years` years before (28 February for a 29th with no leap year)."""
    d = dt.date.fromisoformat(day)
    if not 0 < years < 150:
        return None
    try:
        return d.replace(year=d.year - years).isoformat()
    except ValueError:
        return d.replace(year=d.year - years, day=28).isoformat()
