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

from ..kin import CLOSENESS, HONORIFICS, KIN_NAMES, KIN_ROLE, ROLES
from .aliases import KIN_AFTER_NAME, full, same_person, tokens
from .base import Event, Extraction, text_of
from .cues import PERSON_NOUNS, mention_tokens, sentence_groups
from .lines import line_at, under_heading
from .people import inside, quoted
from .times import NUMBERS, TENS, entry_times, parse_number, recurring, to_come

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
    "expire": "death",  # "Nanaji expired at 4 am" (Indian English; not "my passport expired": a person's)
    "retire": "retirement", "move": "moving", "emigrate": "moving", "relocate": "moving", "start": "job", "hire": "job",
    "shift": "moving",  # "Ravi shifted to Hyderabad" (Indian English; only to a place: `_life_event`)
}
# These only count with a person as their object: "lost Ianto" (not "lost my keys").
OBJECT_VERBS = {"lose", "leave", "bury", "mourn", "outlive", "abandon", "desert", "dump", "adopt", "wound",
                "injure", "kill", "murder", "slay", "strangle", "execute", "assassinate", "behead", "hire", "lay"}
# Verbs whose subject does the event to their object, who is the one it happens to: "you killed your grandson".
DONE_TO = {"kill", "murder", "slay", "strangle", "execute", "assassinate", "behead", "drown", "suffocate",
           "bury", "mourn", "lose", "outlive", "adopt", "bear", "injure", "wound", "diagnose", "hospitalise", "hospitalize",
           "hire", "lay"}
# Nouns with other senses ("each brush stroke"): an event only when a person has it.
PEOPLE_NOUNS = {"stroke", "crash", "accident", "meeting", "passing", "engagement", "memorial", "grave", "tomb", "graveside", "celebration",
                "headstone", "gravestone", "coffin", "casket", "move", "job", "attack", "ash", "ashes", "wake"}
# Light verbs whose subject is the one with the illness or injury: "Dad had a stroke".
HAVE_VERBS = {"have", "suffer", "get", "develop", "contract", "catch", "battle", "fight", "beat",
              "survive", "undergo", "sustain", "start", "land", "begin", "accept", "take", "commit"}  # "Geth got a new job"
# And these with a person anywhere around them: "we met", "they separated" (not "meet the deadline").
PEOPLE_VERBS = {"meet", "encounter", "separate", "befriend", "propose", "engage", "crash", "move", "emigrate", "relocate", "shift",
                "start", "retire", "expire"}
# "moved" is a move of house only with where to, or away, abroad, in or out: not "moved the chair".
MOVE_WORDS = {"to", "into", "abroad", "away", "back", "home", "in", "out", "over", "house", "flat", "country", "here", "there",
              "down", "up"}
# "started" is a new job only with the job or where: "started a new job", "started at Tesco", "starting work".
JOB_WORDS = {"job", "work", "role", "post", "position", "career", "placement", "apprenticeship"}
# ... or a place of work: "starts at the hospital on Monday" (not a school, where a child starts too)
WORKPLACES = {"hospital", "bank", "council", "office", "factory", "firm", "company", "depot", "warehouse", "surgery", "practice",
              "agency", "hotel", "restaurant", "cafe", "café", "library", "museum", "supermarket", "plant", "mill", "shipyard",
              "garage", "salon", "bakery", "pharmacy", "clinic", "station", "airport", "newspaper", "paper"}
# Phrasal verbs: (verb, particle) -> kind.
PHRASAL = {("pass", "away"): "death", ("pass", "on"): "death", ("break", "up"): "parting",
           ("split", "up"): "parting", ("walk", "out"): "parting", ("fall", "ill"): "illness",
           ("get", "married"): "marriage", ("get", "engaged"): "engagement",
           ("get", "divorced"): "parting", ("give", "birth"): "birth", ("run", "off"): "parting",
           # a death in slang, said as often in jest or of a thing: "carked it", "kicked the bucket", "popped his clogs"
           ("cark", "it"): "death", ("kick", "bucket"): "death", ("pop", "clogs"): "death", ("snuff", "it"): "death"}
IDIOMS = {("cark", "it"), ("kick", "bucket"), ("pop", "clogs"), ("snuff", "it")}
NOUNS = {
    "death": "death", "funeral": "death", "burial": "death", "murder": "death", "killing": "death",
    "suicide": "death", "passing": "death", "corpse": "death", "cremation": "death",
    "memorial": "death", "obituary": "death", "widow": "death", "widower": "death", "grave": "death", "ashes": "death",
    "tomb": "death", "headstone": "death", "gravestone": "death", "coffin": "death", "casket": "death", "graveside": "death",
    "wake": "death", "requiem": "death",
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
    "job": "job", "emigration": "moving", "dengue": "illness", "malaria": "illness", "typhoid": "illness",
    "cholera": "illness", "tuberculosis": "illness", "meningitis": "illness", "hepatitis": "illness", "measles": "illness",
}
ADJECTIVES = {"dead": "death", "pregnant": "birth", "ill": "illness", "sick": "illness",
              "married": "marriage", "engaged": "engagement", "divorced": "parting",
              "widowed": "death", "stillborn": "death", "injured": "injury", "retired": "retirement", "due": "birth", "positive": "illness"}
# "passed" on its own is a death ("since Dad passed"); passing by, through or over a place is not.
PASS_BY = {"by", "through", "over", "to", "into", "onto", "out", "round", "around", "along", "across", "under", "between",
           "on", "beside", "behind", "down", "up", "off", "past", "near"}
# Adjectives that tell of an event only before a person: "my late husband", "the late Irene Adler".
BEFORE_PERSON = {"late": "death", "deceased": "death"}
MODALS = {"might", "may", "could", "would", "should", "will", "shall", "must", "can", "'d", "'ll",
          "wo", "ca", "ought"}
IRREALIS_MARKS = {"if", "unless", "whether", "lest", "suppose", "supposing", "like"}  # "like someone had died"
# What one dyes ("Mum died her hair pink": dyed)
DYED = {"hair", "roots", "beard", "eyebrow", "eyebrows", "fringe", "shirt", "t-shirt", "jeans", "clothes", "wool", "fabric",
        "egg", "eggs", "streak", "streaks", "tips", "moustache", "dress", "top"}
# What is told in these is a story's, a dream's, a game's: "a nightmare that Dad died", "he died in the film", "killed in the game"
FICTION = {"dream", "nightmare", "story", "film", "movie", "book", "novel", "episode", "show", "series", "game", "level",
           "joke", "rumour", "rumor", "play", "scene", "video", "cartoon", "soap", "chapter", "season", "fantasy", "daydream",
           "teleserye", "telenovela", "sitcom", "drama", "serial", "anime", "manga", "musical", "opera", "panto", "pantomime",
           "comic", "podcast", "programme", "program"}
IRREALIS_VERBS = {"want", "wish", "hope", "fear", "imagine", "pretend", "suppose", "dream",
                  "threaten", "try", "plan", "intend", "expect", "worry", "refuse", "need", "afraid"}
# Verbs of asking: what is asked "when" or "whether" of is not told ("keeps asking when I'm getting married")
ASKING = {"ask", "wonder", "enquire", "inquire", "query", "question"}
# Verbs of believing: in the past, what was believed was not so ("I thought he'd died", "we assumed she had gone")
BELIEVED = {"think", "assume", "believe", "reckon", "guess", "presume", "convince"}
# What a rumour, a dream or a joke "was" is not so: "Rumour was that Mr Collins had died", "my nightmare was that Dad died"
NOT_SO = {"rumour", "rumor", "dream", "nightmare", "joke", "fantasy", "daydream", "hoax"}
# What the living do of their own funeral or headstone, now or to come: "Dad keeps talking about his funeral", "Aunty is
# planning her funeral", "Dad will have that carved on his headstone" (not "Mum would turn in her grave": a verb of the dead)
OWN_FUNERAL_VERBS = {"plan", "arrange", "organise", "organize", "talk", "discuss", "choose", "pick", "book", "pay", "prepay",
                     "carve", "engrave", "want", "sort", "decide", "insist", "joke", "mention"}
# An epitaph bidden ("Write that on Mum's headstone", "put it on my gravestone"): a joke, no death
EPITAPH_VERBS = {"write", "carve", "engrave", "put", "inscribe", "chisel", "etch"}
STONES = {"headstone", "gravestone", "tombstone"}
POSSESSOR = {"his": ("he", "m"), "her": ("she", "f"), "my": ("i", None), "their": ("they", None)}
PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "pobj", "dative", "attr", "appos", "conj"}
NOUN_PREPS = {"of", "for", "by", "to", "with", "between"}
WRITERS = {"i", "me", "my", "myself", "we", "us", "our", "ourselves", "im", "i'm"}
SECOND = {"you", "your", "yours", "yourself", "u", "ya", "ye"}
VERB_PREPS = {"by", "to", "with", "from"}
DEATH_PREPS = {"by"}
# Said of how close one came, not of what happened: "I nearly died", "she almost passed out".
NEARLY = {"nearly", "almost", "practically", "virtually", "half", "basically", "literally"}
# Dying of a feeling, or laughing, is a figure of speech: "died of fright", "nearly died laughing".
FEELINGS = {"fright", "embarrassment", "shame", "boredom", "laughter", "laughing", "curiosity", "envy", "jealousy",
            "happiness", "excitement", "cringe", "mortification", "hunger", "thirst", "heat", "cold", "worry", "nerves"}
# A death is not dated by these: a funeral, a grave, an anniversary come after it ("the funeral is on Friday").
AFTER_DEATH = {"funeral", "burial", "cremation", "memorial", "grave", "tomb", "headstone", "gravestone", "coffin",
               "casket", "obituary", "widow", "widower", "bury", "mourn", "outlive", "anniversary", "wake", "inquest", "ash",
               "ashes", "lay", "graveside", "celebration", "mass", "requiem"}


_TRIGGERS = {w for w in VERBS} | {v for v, _ in PHRASAL} | set(NOUNS) | set(ADJECTIVES) | set(BEFORE_PERSON) | {
    "born", "day", "keys", "slip", "go", "wake", "lay", "take", "call", "enter", "come", "be", "draw", "breathe", "succumb",
    "celebration", "arrive", "gone", "mass", "peace", "leave", "promote", "join", "sleep"}
# Getting the keys (to a house, a flat) is moving in: "We got the keys yesterday!", "we get the keys to the flat on the 5th"
KEYS_VERBS = {"get", "collect", "pick", "receive"}
# ... by form too: the parser lemmatises "Got" and "GOT" as themselves
GOT = {"got", "get", "gets", "getting", "gotten", "collected", "collect", "picked", "received"}
HOMES = {"house", "flat", "home", "apartment", "bungalow", "cottage", "place", "condo", "maisonette", "farmhouse", "terrace"}
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
                if (lemma, c.lower_) in (("walk", "out"), ("run", "off")) and _went_somewhere(t, c):
                    return None  # "walked out along the harbour", "ran off to the shop": a walk, not a parting
                return PHRASAL[(lemma, c.lower_)]
        if _gone(t) or _never_woke(t) or _laid_to_rest(t) or _ended(t) or _heavenward(t) or _never_back(t) or _no_more(t) or _us_left(t) or (
                _went_since(t)):
            return "death"  # "slipped away peacefully", "left us peacefully in her sleep", "went in her sleep", "never woke up", "was laid to rest", "lost her battle",
            # "went to be with the Lord", "was called home", "never came home from the war"
        if lemma in VERBS:
            return VERBS[lemma]
        if t.lower_ == "born":
            return "birth"
        if lemma == "arrive" and _a_baby_arrived(t):
            return "birth"  # "Gemma's waters broke at three and little Freya arrived at quarter past seven"
    if t.lower_ == "gone" and _gone_who(t) is not None:
        return "death"  # "Stan had gone in the night", "Dad's long gone" (perhaps)
    if lemma == "be" and _at_peace(t):
        return "death"  # "Aunt Ivy is at peace now" (perhaps)
    if lemma == "mass" and t.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in MASSES
                                                              for c in t.children) and not _wedding_mass(t):
        return "death"  # "Mam's anniversary Mass for Daddy", "the memorial Mass": said for one who died
    if lemma == "celebration" and t.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.lower_ == "life" for g in c.children) for c in t.children):
        return "death"  # "Mom's celebration of life is Saturday": a funeral (not "a celebration of spring")
    if t.pos_ in ("NOUN", "PROPN") and (lemma in NOUNS or t.lower_ in NOUNS):
        if t.dep_ == "compound" and t.head.lemma_.lower() in NOT_HAD:
            return None  # "my flu jab", "the cancer ward": no one has it
        return NOUNS.get(lemma) or NOUNS[t.lower_]  # "diabetes" (which the lemmatizer makes "diabete")
    if t.pos_ == "ADJ" and t.lower_ == "positive" and t.head.lemma_.lower() == "test":
        return "illness"  # "tested positive for Covid"
    if t.lower_ == "dead" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "ADJ":
        return None  # "found dead drunk", "dead lucky": "dead" as "very"
    if t.pos_ == "ADJ" and t.lower_ in ADJECTIVES and (t.dep_ in ("acomp", "amod", "oprd", "attr")
                                                       or t.dep_ == "ROOT" and t.lower_ in ("married", "engaged", "retired")):
        if t.lower_ == "positive" and t.head.lemma_.lower() != "test":
            return None  # "tested positive" is an illness, "positive" alone is not
        if t.lower_ == "due" and not _due_birth(t):
            return None  # "the baby is due in March", "she's due on the 9th"; not "the rent is due"
        if t.lower_ in ("sick", "ill") and t.head.lemma_.lower() in ("feel", "look", "sound", "make"):
            return None  # "I feel sick about telling her": a feeling, not an illness
        if t.lower_ == "sick" and t.head.lemma_.lower() == "be" and any(
                c.dep_ == "prep" and c.lower_ in ("on", "in", "into", "over", "down", "all") or c.lower_ in SICK_UP
                for x in (t, t.head) for c in x.children):
            return None  # "was sick on the rug", "sick afterwards": being sick, not an illness
        return ADJECTIVES[t.lower_]
    if t.pos_ == "ADJ" and t.lower_ in BEFORE_PERSON and t.dep_ == "amod" and t.i < t.head.i:  # not "Gran's late."
        return BEFORE_PERSON[t.lower_]  # "my late husband", "the late Irene Adler" (not "late for work")
    if t.lower_ == "keys" and t.dep_ == "dobj" and (t.head.lemma_.lower() in KEYS_VERBS or t.head.lower_ in GOT) and _keys_home(t):
        return "moving"
    if lemma == "day" and t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "first" for c in t.children) and any(
            c.dep_ == "prep" and c.lower_ in ("at", "with") and any(g.pos_ == "PROPN" for g in c.subtree) for c in t.children):
        return "job"  # "Geth's first day at Welsh Water", "First day at Hollybrook."
    return None


# Where one walks out to or runs off to: a walk ("walked out along the harbour", "walked out of the meeting"), not a parting
# ("walked out on her", "ran off with the milkman")
DIRECTIONS = {"along", "to", "into", "of", "through", "across", "onto", "towards", "toward", "down", "up", "past", "around",
              "round", "over", "by", "from", "under", "behind", "after", "for"}


def _went_somewhere(t, particle) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in DIRECTIONS for x in (t, particle) for c in x.children) or any(
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.children)  # "to look at"


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
        if kind == "death" and not agent and tok.lower_ in WRITERS | HEAVENLY:
            return  # "I" and "we" write; "the Lord" one goes to
        p = owner.get(tok.i)
        if p is None and tok.lower_ in KIN_AFTER_NAME:  # "Sharma uncle expired": the name the kin word follows
            p = next((owner[c.i] for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in owner), None)
        if p is not None and p not in people:
            people.append(p)
            if via is not None:
                via[p] = tok
            if agent:
                agents.append(p)
        for c in tok.children:
            if c.dep_ == "conj" or c.dep_ == "appos" and p is None and tok.lemma_.lower() in PERSON_NOUNS:
                take(c, agent)  # "Tom and Ann", "Mum's friend Maureen Hall" (the name in apposition to a role)

    # Whom a preposition brings in: "the death of Lisa", "married to Rhys", "broke up with Tom", "killed by
    # her"; but not the one a death happened with or beside ("died on the M4 with me in her").
    nominal = t.pos_ in ("NOUN", "PROPN")
    preps = NOUN_PREPS if nominal else DEATH_PREPS if VERBS.get(t.lemma_.lower()) == "death" or t.lower_ == "dead" else VERB_PREPS
    if kind == "death" and nominal:
        preps = preps - {"with", "between"}  # "Aunty Pam's funeral with Neil": one who went with the writer
    if kind == "parting" and not nominal:
        preps = preps | {"on"}  # "walked out on Ann", "ran out on them": the one left
    frontier = [t, *birth]
    if kind == "death" and nominal and t.dep_ == "nsubj" and t.head.lemma_.lower() == "occur":
        frontier.append(t.head)  # "The death has occurred of Patrick Byrne" (an Irish notice): "of" hangs on the verb
    if kind == "death" and t.lower_ == "gone" and (who := _gone_who(t)) is not None:
        take(who)  # "Dad's long gone", "she had gone in the night": the parser may make them a possessor, "gone" an adjective
        return people
    if t.pos_ == "ADJ" and (t.dep_ in ("acomp", "oprd", "attr") or t.lower_ == "positive"):
        frontier.append(t.head)  # "he was dead", "she tested positive": the subject is the verb's
    elif t.pos_ == "ADJ" and t.dep_ == "amod":
        # "his dead wife"; "the late Mr Bhatt's son": the possessor said after "late" is the late one, not the son
        take(next((c for c in t.head.children if c.dep_ == "poss" and c.i > t.i), t.head))
        nxt = t.doc[t.head.i + 1] if t.head.i + 1 < len(t.doc) else None
        if kind == "death" and not people and t.head.lemma_.lower() in PERSON_NOUNS and nxt is not None and nxt.pos_ == "PROPN":
            take(nxt)  # "Sheila's late husband Dennis built that wall": the name the parser set beside the noun
    if kind == "death" and t.pos_ == "VERB" and t.dep_ == "pcomp" and t.head.lower_ == "after" and t.head.head.i in owner:
        take(t.head.head)  # "Mammy's after dying on us" (Irish English: has just died)
    for f in frontier:
        for c in f.children:
            if kind == "death" and nominal and f.i == t.i and c.dep_ == "appos" and c.pos_ == "PROPN":
                continue  # "A funeral's a funeral, Pastor.": the one spoken to, not the one buried
            if nominal and f.i == t.i and c.dep_ == "conj":
                continue  # "We went to the grave and Mammy brought lilies": a noun the parser ran on into the next clause
                # is no one the grave is of (a funeral's or a wedding's people hang on "of", "for" or a possessive)
            if c.dep_ in PERSON_DEPS or c.dep_ in ("compound", "npadvmod") and f.pos_ == "VERB" and c.pos_ == "PROPN" and c.i < f.i and (
                    c.dep_ == "compound" or kind == "death" and not any(x.dep_.startswith("nsubj") for x in f.children)):
                # a name the parser took for a verb's compound ("Owen retires at the end of the month") or, with no subject, for
                # a measure ("Mr Tan from number 12 was found dead") is its subject
                take(c, agent=done_to and c.dep_ == "nsubj")
            elif c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in preps:  # "the death of Lisa", "killed by her"
                for g in c.children:
                    if g.dep_ == "pobj":
                        take(g, agent=c.dep_ == "agent" or c.lower_ == "by")
    if not people and t.pos_ in ("VERB", "AUX"):
        for aux in (c for c in t.children if c.dep_ in ("aux", "auxpass")):
            for c in aux.children:  # "Becca Shaw and Tariq Khan are married": the parser may hang the subject on "are"
                if c.dep_ in ("nsubj", "nsubjpass"):
                    take(c)
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj" and t.head.lemma_.lower() in HAVE_VERBS and not (
            kind == "death" and any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in t.children)):
        # (not "Dad took Mom's death hard": a death another's by name is theirs, not the one who took it)
        for c in t.head.children:  # "Dad had a stroke", "she survived cancer"
            if c.dep_.startswith("nsubj"):
                take(c)
    clause = t.head if t.pos_ == "ADJ" and t.dep_ in ("acomp", "oprd", "attr") else t
    while clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("nsubj") for c in clause.children):
        clause = clause.head  # "Dr Milburn, who was our GP ... and must have been dead twenty years"
    if clause.dep_ in ("relcl", "acl") and clause.head.i in owner and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i not in owner and c.tag_ not in ("WP", "WDT") and c.lower_ != "that"
            for c in clause.children):
        take(clause.head)  # "Lisa, who died ..." (not "Mum my phone died", a clause with a subject of its own)
    if t.dep_ == "conj" and t.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in t.children):
        for c in t.head.children:  # "he fell and died": the first verb's subject
            if c.dep_.startswith("nsubj"):
                take(c)
    return people


def _irrealis(t, sent) -> bool:
    """Negated, hypothetical, future, wished-for or asked about rather than stated."""
    if sent.text.rstrip().endswith("?") and not _remembered(t, sent):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in t.children):
        return True
    nominal = t.pos_ in ("NOUN", "PROPN")
    if nominal and t.lemma_.lower() in AFTER_DEATH and _of_the_living(t):
        return True
    if nominal and t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX") and t.head.lemma_.lower() in HAVE_VERBS:
        return _irrealis(t.head, sent)  # "nearly had a heart attack", "might have cancer": the light verb says it
    woke = _never_woke(t) or _never_back(t)  # "she never woke up", "never came home from the war": a death told by what did not happen
    node, steps = t, 0
    while steps < 8:
        is_verb = node.pos_ in ("VERB", "AUX") or node.i == t.i
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in IRREALIS_MARKS:
                return True  # "if he'd died"
            if nominal or not is_verb:
                continue
            # A noun's event is not undone by its verb: "I didn't go to his funeral".
            if c.dep_ == "neg" and not (woke and node.i == t.i):
                return True
            if c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or c.lemma_.lower() in MODALS) and not _had(c, node) and not (
                    _must_have(node)):
                return True  # "might die", "would have died", "will die" (not "must have died": surmised, perhaps)
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
        if node.dep_ == "ccomp" and head.lemma_.lower() in BELIEVED and head.tag_ in ("VBD", "VBN"):
            return True  # "I honestly thought he'd died", "we all assumed she had left": believed then, not so
        if node.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lemma_.lower() in NOT_SO for c in head.children):
            return True  # "Rumour was that Mr Collins had died": a rumour's, not so
        if node.dep_ in ("acl", "ccomp", "relcl") and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in FICTION:
            return True  # "I had a nightmare that Dad died", "the film where everyone dies"
        if node.dep_ in ("ccomp", "advcl") and head.lemma_.lower() in ASKING and any(
                c.lower_ in ("whether", "if") or c.lower_ in ("when", "how") and not any(
                    x.tag_ == "VBD" for x in (node, *node.children) if x.dep_ in ("aux", "auxpass") or x.i == node.i)
                for c in node.children):
            return True  # "Mum keeps asking when I'm getting married", "wondered whether he'd retire": asked, not told (but
            # "asked him when he got married" asks only the date)
        if node.dep_ in ("relcl", "parataxis", "ccomp", "advcl", "acl"):
            return False  # a clause of its own: what governs it says nothing of the event
        node = head
        steps += 1
    return False


def _in_turn(times, at, speakers):
    """The times in the chat turn holding character `at` (all of them in prose): a time one speaker says is not
    the time of what another says after ("after last year I worry" / "I have had my flu jab")."""
    if not speakers:
        return times
    turn = next(((s, e) for s, e, _ in speakers if s <= at < e), None)
    if turn is None:
        return times
    return [tm for tm in times if turn[0] <= tm.start < turn[1]]


def _must_have(verb) -> bool:
    """Is it "must have" and a past participle ("who must have been dead twenty years", "he must have died in the war"): what
    the writer is sure happened, without having been told (perhaps)?"""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "must" in auxes and any(a in ("have", "'ve", "’ve") for a in auxes)


def _had(aux, verb) -> bool:
    """Is "'d" "had" ("He'd died in his sleep": a past participle with no "have" of its own), not "would"
    ("she'd die", "he'd have died")?"""
    return aux.lower_ in ("'d", "’d") and verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.i != aux.i and c.lemma_.lower() == "have" for c in verb.children)


class Events:
    """Find life events in an entry. Run after `Times` so the events can take their dates."""

    name = "events"
    version = "57"  # 57: (the lead) both 56 and evdates25's 56; 56: evdates25 (times 18: the dates of "day before yesterday", "N years married today", "are getting married in <month>"; a planned move takes the day to come of a house's closing or completion told in the sentence before, "Closing is 9/5. We're moving!", `_closing_day`); 56: chatwriter25 (a name opening a sentence or chat turn with no comma, right before "my" or "our" and the other subject it starts, is said to someone, not who died or married: "Emi my grandmother passed away", `_called_before_my`); 55: falsedeath24 (no death of one who plans, talks of or will have carved their own funeral or headstone, nor of "her own funeral", nor an epitaph bidden ("Write that on Mum's headstone"); what a rumour or a dream "was" is not so; "Dad took Mom's death hard", "Nan survived Grandad's death": the death is the named possessor's, not the subject's); 54: (the lead) both 53 and deaths21's 53; 53: deaths21 (letters to the dead: "since you went", "a year today since you left us", "the day we lost you", "your funeral" are the greeted one's, as sure as a name when the letter speaks to them throughout; "My darling Jean," greets; "Five years today since Cyril went" a death, "since Dad went" with years counted, "Abuelo's been gone since 2008", "Pop's been gone fourteen years" perhaps; "Auntie Pat (d. 2019)", "Uncle Tony (deceased)"; "Mum — 1948–2023" of one's kin alone on the line; "RIP X" or a life's years beside a car's mileage a car's); 53: dates21 ("passed on 6/2": a day, as "passed on the 2nd"; "Walked out at five. Retired.": a one-word sentence in the past, in a paragraph with no time, is the day's news, as a heading is); 52: (the lead) both 51 and chatstore19's 49; 49: chatstore19 (in a chat, no death is read of one named in it only by a name typed in lower case, not a kin word: "lmao craig died"; such names are now read on the evidence of every day of a chat log, and one read so was marked dead in group-chat); 51: (the lead) both 50 and mdlines19's 49; 49: mdlines19 (a sentence right under a heading is of no one the heading names, "## Nanna\nBorn this morning: Archie", _left_out; a list's items bound their people by their own sentences, not by _in_a_list, which is gone); 29: events4 and people3 together; 30: dates5, and people4 (a grave in words that bid is perhaps); 31: both;
    # 32: deaths2 (deaths as people tell them, and their traps) or dates6 (a couple's wedding told to the partner with a
    # date that comes round every year is of no year, "would have been seventy on Tuesday", "The 2nd of May 1979, and ..."
    # after an undated event, "found our wedding photos today"); 33: both; 34: deaths3 (a death told by a bare name that another
    # person of the entry bears more fully is perhaps); 35: deaths4 (deaths in the words of faith, a homecoming from the war that never
    # came, a dream's, the one spoken to, "passed a little after four with Bev beside him", "who" on a name; one who married two
    # others wed them, the one who said yes was proposed to, "X and I ... our wedding", "they were married" after two named,
    # "walked out along the harbour" no parting, "walked out on Ann" hers too; a burial told by "him" after one man's death
    # told by name is his; "lost his life", "took her last breath", "breathed his last", "succumbed to cancer", "Mam, God rest
    # her,"; "proposed a toast", "proposed that we go" no engagement; "Mom's celebration of life", "at Dad's graveside")
    # 36: dates7 ("turned fifteen yesterday" a birth, "Twenty-one years
    # today." before the event it dates; extract._dated_by_events: "the year Sam was born", "the summer before Dad died")
    # 37: dates8 (each date's evidence in date_how; a start told in the next sentences before the entry's own day: "Got the
    # job! ... I start a week on Monday")
    # 38: deaths8 (a funeral or grave "with" someone is not theirs; "drowned her chips" no death; "he" or "she" after a noun
    # for someone unnamed said after the name is not the name's death; "passed on" alone, "is no more", "expired" of a
    # person are deaths; "carked it", "kicked the bucket", "popped his clogs" perhaps; a second death verb with its own
    # subject is its own event; "is lost" no death; "RIP" to a chat's speaker none, said laughing perhaps; "passed" with no
    # time, "since" or "in his sleep" perhaps; "lost X to" a place or a thing no death)
    # 39: dates9 (a move of a thing, "moved to tears", "retired to bed", "separated the eggs", "a new job on his hands": none;
    # "shifted to Hyderabad" a move; "passed on the 2nd" a death; "had a baby boy ..., Mason, seven pounds two"; an illness told
    # to "us" by the consultant the next sentence dates; a death told with its hour in a note is the entry's day; "little
    # Freya arrived" after her mother's waters broke, or with her weight, a birth)
    # 40: dates10 ("has just passed away" the day it is written; "had the baby at 2am" that day; a time said of hearing or
    # telling the news ("Heard today that ... has died") only bounds the event told; a funeral in a month or a year gone
    # dates the death about then; "Fifty-nine years they were married" after a death told to the day; a plan's time holding
    # the entry's day starts on it; an event told at a meal is of the paragraph's day, "yesterday" too)
    # 41: deaths11 (a dream heading "Horrible dream last night:", "Dreamt that ..."; "had gone in the night", "long gone",
    # "is at peace now", "must have been dead" perhaps; "died on stage", "lost for words" none; "X's late husband Dennis",
    # "the wake for X", "anniversary Mass for X" (not the possessor's), "X's after dying", "gone to rest with his fathers";
    # a name parsed as a measure before "was found dead"; "buried in work", "murdered at Monopoly", "dead drunk", "went
    # peacefully to sleep on the sofa", a couple's or a 40th anniversary Mass none; "died when he saw the bill" perhaps)
    # 42: deaths12 ("left us" with "peacefully" or "in his sleep" beside it a death; a death a chat's speaker tells by the
    # kin word the chat names another speaker by, when the teller is not the owner, perhaps: `others_kin_word`)
    # 43: deaths13 (a death whose dead is named only by a kin word someone else owns, "Her Papa passed away", perhaps:
    # `_others_kin_unsure`; "went to her reward" a death in the words of faith; "Sharma uncle expired" the name's; "the late
    # Mr Bhatt's son Kiran": Mr Bhatt died, not Kiran; "Gran's late." (is late) no death: "late" of a death is said before)
    # 44: dates13 (told with no time word: "Dad died." heading a diary, or a chat's message, of the closest kin, in the simple
    # past, and "Our Liam was born!" exclaimed with no "I", the day's news; "in the early hours" an hour of the day; "As I
    # wrote on Monday, ..." only bounds the event, an illness too; a time of another's birth ("born in 1920 and retired at
    # sixty-five") dates no other event, nor one of another clause ("Alf, who I met in 1979, died"); an event told at an age
    # ("retired at sixty-five") of one whose birth the entry dates to the month, from that birthday)
    # 45: deaths15 (the name one speaks to heading a sentence, "Kwame, Grandpa died", is not the dead; a noun's conjunct the
    # parser ran on into the next clause, "to the grave and Mammy brought lilies", is no one's grave; "passed over",
    # "promoted to Glory" deaths; a teleserye, a sitcom, a drama is fiction; "my retirement will be the death of her" no
    # retirement; "keeps asking when I'm getting married" no wedding; "moved into the spare room" no move)
    # 46: deaths17 (whose kin a kin word is: "Dad's Dad died", "Your Nana died", "Bade Papa is no more" perhaps; the one
    # greeted is told, not dead: "Dear Liam,\nYour Nana died", and "Hi Priya, Aunty Meena died" is Meena's; a list's item
    # bounds its people ("- Nana: passed away\n- Ruth: back from Spain": not Ruth's) and its label is a subjectless death's
    # ("- Uncle Ted: died Sunday"); "died again", "RIP X (for the fourth time)": one who dies again is no person, perhaps;
    # "joined the Lord", "has joined her ancestors", "slept in the Lord" deaths in the words of faith)
    # 47: (the lead, merging deaths17) a kin word with the name after it is not bare: "His mum Irene died" is Irene's death,
    # stated (test_event_dates_unseen)
    # 48: dead18 (a death whose dead is named by a bare kin word inside words quoted, in quotation marks or after "> ",
    # is perhaps: 'Gran said, "Dad died when I was nine"' is the speaker's father, not the writer's Dad)
    # 49: evdates19 (news heading an entry or a message is not the day's when told long after: "Dad died when I was nine",
    # "ever since Mum passed", "Gran died. I was six", "Mum died. ... three years on"; "Got the job!!!" with no subject, a
    # past; "Dad's got Covid. Tested positive yesterday."; the day a sentence is about before the event, "Sunday was the
    # worst day of my life. ... she had died"; "the 25th, forty years since we got married" so many years before)
    # 50: (the lead) both 49s; 49: deaths19 (a death told with a laugh or a roll of the eyes, or of a name beside a car's parts, is perhaps: "Bettie
    # died outside Ventersburg 🙄", "died on the M60 ... the dashboard lit up"; "you" read as the writer dies in no death,
    # and in a letter that greets someone it is theirs, perhaps: "Grandad, you taught me ... Since you died"; God dies in
    # none; "stillborn"; "The death has occurred of X"; a newspaper's notice "SMITH, Margaret. Peacefully ..."; "gone home
    # to glory"; "Papa left us this morning", "years since Nanna left us" perhaps; a header line run into the sentence
    # ("To: Iain\nSubject: Mum\n\nMum slipped away") is no "to" of "slipped away")

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None:
            return ex
        owner = mention_tokens(ex)
        triggers = _hashes(doc.vocab)
        all_times = ex.times or entry_times(ex)  # when run before `Times`
        entry_day = ex.at[:10] if ex.at else None
        no_later = (dt.date.fromisoformat(entry_day) + dt.timedelta(days=1)).isoformat() if entry_day else None
        # In a diary (not a chat, whose lines have speakers), a sentence with no subject is the writer's
        writer = None if ex.speakers else _writer(ex)
        # in a chat, the speaker of the turn: "starting the new job monday", "moved in yesterday" are theirs
        speaker_of = {sp: next((i for i, p in enumerate(ex.people) if sp in p.aliases), None) for _, _, sp in ex.speakers}
        ex.events.extend(_lifespans(ex, owner))
        ex.events.extend(_rest_in_peace(ex, no_later))
        ex.events.extend(_death_notice(ex, all_times, no_later))
        ex.events.extend(_died_aside(ex, no_later))
        ex.events.extend(_had_the_baby(ex, owner, all_times, entry_day, no_later))
        ex.events.extend(_born_on_a_form(ex, all_times))
        groups = sentence_groups(doc)
        told_by, by_pronoun = {}, []  # deaths told only by a pronoun, and the pronoun
        quotes = [] if ex.speakers else quoted(ex.text)  # a chat's quotation marks, opened in one message, may close in none
        said = _said(ex)  # words quoted, and a Markdown or email "> " quote
        for g, (s, e) in enumerate(groups):
            sent = doc[s:e]
            group_times = [tm for tm in all_times if sent.start_char <= tm.start < sent.end_char and not _dateline(ex.text, tm)]
            # (the wake after a funeral, not waking up: "she never woke up" is the death itself)
            after = {(t.i if (lemma := t.lemma_.lower()) in AFTER_DEATH and not (lemma == "wake" and t.pos_ == "VERB") else None)
                     for t in sent} - {None}
            found: dict[int, Event] = {}  # trigger token -> its event
            for t in sent:
                if t.lemma not in triggers and t.lower not in triggers:
                    continue
                kind = _kind(t)
                if kind is None:
                    continue
                if any(tm.start <= t.idx < tm.end for tm in group_times):
                    continue  # a word of a date is no event: "on Memorial Day", "All Souls' Day"
                times = _clause_first(t, _in_turn(group_times, t.idx, ex.speakers))  # a chat: the time said in the same turn
                # "Alf, who I met in 1979, died": a time of another clause is not the event's (nor, to a birth's, one is born once)
                times = [tm for tm in times if not _elsewhere(t, tm) and (kind == "birth" or not _of_a_birth(t, tm))]
                source = "sentence"  # where the date's evidence is (events.date_how, with the time's pattern)
                turn = next(((s_, e_, sp) for s_, e_, sp in ex.speakers if s_ <= t.idx < e_), None)
                me = speaker_of.get(turn[2]) if turn else writer
                if times and _never_back(t):
                    times = [tm for tm in times if _governs(t, tm)]  # "Today I went to the memorial for my uncle who never came home"
                if times and t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod", "amod") and t.head.lemma_.lower() in KEEPSAKES:
                    times = []  # "I found our wedding photos today": the day the photos were found, not the wedding's
                if not times and g + 1 < len(groups) and _time_only(doc[groups[g + 1][0]:groups[g + 1][1]], all_times, turn):
                    # "Do you remember the spring you retired? Twenty-one years ago now.": a time said alone dates the sentence before
                    nxt = doc[groups[g + 1][0]:groups[g + 1][1]]
                    times = [tm for tm in all_times if nxt.start_char <= tm.start < nxt.end_char][:1]
                    source = "next"
                if not times and g > 0 and kind in ("birth", "death", "marriage", "engagement") and t.tag_ in ("VBD", "VBN"):
                    # "Twenty-one years today. Greg and I got married at St. Hedwig's": the anniversary told, then the event
                    times = _years_today(doc[groups[g - 1][0]:groups[g - 1][1]], sent, all_times, turn)
                    source = "before"
                if not times and g > 0 and kind == "moving" and _planned(t):
                    # "Closing is 9/5. We're moving to Edison!!", "Completion's on the 28th. We're moving!": a house's sale
                    # closes the day the move is planned for
                    times = _closing_day(doc[groups[g - 1][0]:groups[g - 1][1]], sent, all_times, turn, entry_day)
                    source = "before"
                if not times and turn is not None:
                    times = _answered(ex, turn, all_times)  # "split up" / "since when??" / "Like two weeks ago."
                    source = "answered"
                told_then = source == "sentence" and _of_the_telling(t, times) and (kind != "illness" or _aside_time(t, times))
                if told_then:  # "Heard today that Mr Hughes has died": no later than the hearing
                    no_later_told, times = times[0].hi, []
                lo, hi = (times[0].lo, times[0].hi) if times else (None, no_later_told if told_then else no_later)
                agents: list[int] = []
                via: dict[int, object] = {}
                people = _participants(t, owner, agents, kind, via)
                labelled = kind == "death" and not people and t.pos_ == "VERB" and _item_label(ex, t, owner, via)
                if labelled:  # "- Uncle Ted: died Sunday": the name the item is of, the verb with no subject of its own
                    people = [labelled[0]]
                if kind == "death" and t.pos_ in ("NOUN", "PROPN"):  # "Mam's anniversary Mass for Daddy": Daddy's, not Mam's
                    people = [p for p in people if p not in via or via[p].head.lower_ == "for"] if any(
                        via[p].dep_ == "pobj" and via[p].head.lower_ == "for" for p in people if p in via) else people
                asked = _asked(t, owner)
                if asked:  # "I asked Anya to marry me": an engagement, of the one who asked and the one asked
                    kind, people = "engagement", asked
                    via = {owner[c.i]: c for c in t.head.children if c.i in owner and owner[c.i] in asked}
                    # (they are named by "asked" and its object: "Tom asked Amy to marry him" is no guess of whom "him" is)
                if turn is not None and not people:
                    people = _after_label(t, owner, turn[0], via)  # "Dan: Becca and Tariq are married!!" (Becca parsed as Dan's appos)
                if quotes and people:  # 'I texted Jade "Grandpa died"': the words quoted are not of the one outside them
                    side = inside(t.idx, quotes)
                    people = [p for p in people if p not in via or inside(via[p].idx, quotes) == side]
                    agents[:] = [p for p in agents if p in people]
                if any(p in via and _called(via[p], t) for p in people):
                    told = [via[p] for p in people if p in via and _called(via[p], t)]
                    people = [p for p in people if p not in via or not _called(via[p], t)]  # "Kwame, Grandpa died": Kwame is told
                    for v in told:  # ... unless the event names them again: "Dearest Margaret,\n\n... since the day we lost you"
                        again = next((c for c in t.children if c.i != v.i and c.dep_ in PERSON_DEPS and owner.get(c.i) == owner[v.i]), None)
                        if again is not None:
                            people.append(owner[v.i])
                            via[owner[v.i]] = again
                            if again.dep_ != "nsubj":  # the one lost, not who lost them
                                agents[:] = [a for a in agents if a != owner[v.i]]
                    agents[:] = [p for p in agents if p in people]
                    for c in (c for v in told for c in v.children if c.dep_ == "appos" and c.i in owner):
                        if owner[c.i] not in people:  # "Hi Priya, Aunty Meena died": the subject hung on the name told
                            people.append(owner[c.i])
                            via[owner[c.i]] = c
                greeted = None
                if kind == "death":  # "Since you died", the "you" read as the writer's: the writer writes, alive
                    yours = [p for p in people if p in via and via[p].lower_ in SECOND and _the_writer(ex, p)]
                    # nor does God ("We commend to God our brother Sam, who was called to glory": "who" read as God)
                    people = [p for p in people if p not in yours and _no_god(ex.people[p])]
                    agents[:] = [p for p in agents if p in people]
                    you = next((via[p] for p in yours), None) or next((c for c in (t if t.pos_ in ("VERB", "AUX") else t.head).children
                                                                       if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ == "you"
                                                                       and c.i not in owner), None)
                    greeted = _greeted(ex) if you is not None and not people and not ex.speakers else None
                    if greeted is not None:  # "Grandad, you taught me to fish ... Since you died": a letter to the one
                        people, via[greeted] = [greeted], you  # it greets, theirs (perhaps, below)
                    elif yours and not people:
                        continue  # "You died a little inside when the bill came": the writer's, who writes, alive
                if kind == "death" and people:  # "Sarah told me about her neighbour. She died": the neighbour's death
                    people = [p for p in people if p not in via or not _someone_nearer(via[p], p, ex, owner)]
                    agents[:] = [p for p in agents if p in people]
                lemma = t.lemma_.lower()
                if t.pos_ == "VERB" and lemma in OBJECT_VERBS and not _ended(t) and not _us_left(t) and not any(
                        c.i in owner for c in t.children if c.dep_ in ("dobj", "nsubjpass")):
                    continue  # "lost my keys", "left the house"
                if t.pos_ == "VERB" and lemma in OBJECT_VERBS and not _ended(t) and not _us_left(t) and any(c.dep_ == "dobj" for c in t.children) and not any(
                        c.i in owner for c in t.children if c.dep_ == "dobj"):
                    continue  # "she's buried more cats than anyone": "has buried", not "is buried"
                if kind == "death" and t.pos_ == "VERB" and lemma in DONE_TO and not _ended(t) and any(
                        c.dep_ == "dobj" and c.i not in owner and not c.lower_.endswith(("self", "selves")) and not (
                            c.lower_ == "you" and any(d.i in owner for d in t.children if d.dep_ == "dobj")) for c in t.children):
                    continue  # "drowned her chips in vinegar", "drowned out the band": a thing, not a person, is the object
                if kind == "parting" and any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in t.children):
                    continue  # "I'd left myself unmuted": no one left anyone
                if lemma == "propose" and _suggested(t, owner):
                    continue  # "proposed a toast", "proposed a new rota", "proposed that we go": a suggestion, not a proposal
                if lemma == "bear" and t.lower_ != "born" and not any(c.dep_ == "nsubjpass" for c in t.children):
                    continue  # "can't bear it"
                if t.lower_ == "born" and _born_of_a_place(t):
                    continue  # "Rhondda born", "Cardiff born and bred": where from, not a birth
                # "passed away on Tuesday", "passed on this morning"
                away = any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in t.children) or _passed_on(t)
                named = labelled or any(c.dep_ == "nsubj" and (c.i in owner or c.lower_ in KIN_AFTER_NAME and c.i - 1 in owner)
                                        for c in t.children)  # (not only "Mum passed": "Rakesh uncle passed away")
                if lemma == "pass" and not _heavenward(t) and (not named or not away and any(
                        c.dep_ in ("dobj", "prt", "dative", "agent", "xcomp", "ccomp") and not _a_little(c) or c.dep_ == "prep" and c.lower_ in PASS_BY
                        and not _at_the_side(c) and not _on_a_day(c) for c in t.children)):
                    continue  # "Mum passed in her sleep", but not "Tom passed the salt", "passed by the shop", "time passed"
                if lemma == "pass" and not away and _passed_a_test(t):
                    continue  # "Jess passed with flying colours", "had her theory test on Monday and she passed"
                para = _paragraph_start(t)
                if para > sent.start_char:  # a greeting the parser ran into the sentence ("Dear Dad,\n\nCallum and Priya got engaged")
                    people = _after_greeting(people, via, owner, para, t)
                if kind == "moving":  # "moving back in with Aunt Lorna": the one she moves in with stays
                    people = [p for p in people if p not in via or not _host(via[p])]
                if kind == "marriage":  # "I married Josh Meyer and Kayla Brandt this afternoon": theirs, not the one who married them
                    people = [p for p in people if p not in _officiant(t, owner)]
                if kind == "engagement" and people and len(people) == 1:  # "Ravi proposed on Boxing Day ... She said yes"
                    people += [p for p in _said_yes(t, owner, me, groups) if p not in people]
                if kind == "marriage" and t.dep_ == "compound" and t.head.lemma_.lower() == "anniversary":
                    continue  # "our twenty-sixth wedding anniversary yesterday": the wedding was years before (`_anniversary`)
                if not people and kind in TOGETHER:
                    people = _theirs(t, owner, me, groups, kind)  # "Their marriage certificate", "our honeymoon"
                    if kind in COUPLE and people == [me] and me is not None and writer is not None:
                        # a letter to someone by name: "we married in 1969", "our wedding" are the writer's and theirs
                        people += [q for q in [_partner(ex, writer)] if q is not None]
                if not people and kind in WRITERS_OWN | {"illness", "birth"}:
                    people = _left_out(t, owner, me, kind, turn[0] if turn else None)  # "Moved in today.", "Elin Gwen Evans. Born at 3.12"
                    if people and not times and me not in people:  # "Glenys went yesterday. Moved down to Swansea"
                        before = doc[sent.start - 1].sent if sent.start else None
                        times = [tm for tm in all_times if before is not None and before.start_char <= tm.start < before.end_char
                                 and not _dateline(ex.text, tm)][:1]
                        source = "before"
                        lo, hi = (times[0].lo, times[0].hi) if times else (None, no_later)
                if (lemma in PEOPLE_VERBS or t.pos_ == "NOUN" and lemma in PEOPLE_NOUNS or t.lower_ in BEFORE_PERSON) and not people:
                    continue  # "meet the deadline", "each stroke of the brush"
                if lemma == "die" and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                    continue  # "dying to see it", "dying for a drink"
                if _figurative(t, kind):
                    continue  # "died of fright", "died laughing", "dead to me", "is killing me"
                if kind == "death" and (_lost_somewhere(t) or _pets_grave(t) or _is_lost(t) or _buried_in_things(t)):
                    continue  # "we lost Mum at the market for twenty minutes", "buried him in the garden"
                if kind in ("death", "birth") and any(p in via and _animal(via[p]) for p in people):
                    people = [p for p in people if p not in via or not _animal(via[p])]  # "Biscuit, our old cat, died"
                    if not people:
                        continue
                if kind == "marriage" and _wedded_to_a_thing(t, owner) or kind == "birth" and _born_for(t):
                    continue  # "married to his job", "she was born for it"
                if not _life_event(t, kind):
                    continue  # "moved the chair", "started the car", "my new job is dull"
                if t.lower_ == "due":
                    people = people or _parents(t, owner)  # "Huw and Kasia's baby is due": theirs
                # A trigger inside another of its kind is the same event: "diagnosed with cancer".
                outer = None if t.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in t.children) else next(
                    (found[a.i] for a in list(t.ancestors)[:3] if a.i in found and found[a.i].kind == kind), None)
                # (not a clause of its own: "Kath died last year and Stan is lost without her", "Tom died and Ann died later")
                if outer is not None:
                    outer.agents += [p for p in agents if p not in outer.people]
                    outer.people += [p for p in people if p not in outer.people]
                    inner = [via[p] for p in people if p not in agents and p in via]
                    if inner and not outer.negated and not _irrealis(t, sent):
                        # "the memorial for my Uncle Harry, who never came home from the war": as sure as the surer of the two
                        outer.confidence = max(outer.confidence, confidence(t, kind, inner, _clear(inner, people, via, ex), times))
                    continue
                # The simple present with nobody named is a saying, not news: "the good die young"; a death in it is a
                # story's ("Marianne dies at the end"), told of a book, a film or a game, not of someone's life
                generic = t.tag_ in ("VBP", "VBZ") and (not people or kind == "death" and t.pos_ == "VERB" and not any(
                    c.dep_ in ("aux", "auxpass") for c in t.children))
                # A funeral, a grave or an anniversary dates itself, not the death: it was no later than that.
                if times and _ours_long_ago(t, kind, people, writer, ex) and recurring(times[0]) and entry_day and (
                        times[0].lo >= _years_before(entry_day, 1)):  # placed by the entry's date, not by a year told before it
                    # "Dear Jean, ... We married on the 3rd of June": the writer's own wedding, told to the one they married, is
                    # a memory: the 3rd of June of some year, not the one just gone
                    times, lo, hi = [], None, no_later
                late = kind == "death" and times and (t.i in after or any(a.i in after for a in t.ancestors))
                if late and entry_day and _soon_after(t) and (
                        dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days >= 28 and hi <= entry_day:
                    # "We buried Dad in March of '98": a funeral is days after the death, so of a month or a year it
                    # dates the death about then (a funeral's day still only bounds it)
                    lo, late = (dt.date.fromisoformat(lo) - dt.timedelta(days=14)).isoformat(), False
                    source = "funeral"
                if times and entry_day and lo and lo < entry_day < hi and to_come(doc, times[0].start):
                    lo = entry_day  # "Gran is moving at the end of the month": a plan is not before the day it is told
                if times and lo and hi and (n := _years_since(t, times[0])):
                    # "Next Sunday is the 25th, and that will be forty years since we got married": so many years before it
                    lo, hi, source = _years_before(lo, n), _years_before(hi, n), "years"
                victims = [via[p] for p in people if p not in agents and p in via]
                when = (lo, hi) if times or told_then or not _planned(t) else (entry_day, None)  # "we're moving": after the entry
                how = "bound:told" if told_then else None if times or not _planned(t) or not entry_day else "planned"
                if not times and entry_day and lemma == "day" and kind == "job" and not any(x.tag_ == "VBD" for x in t.sent):
                    when = entry_day, no_later  # "Geth's first day at Welsh Water.": the day it is written
                    how = "entry"
                dated = times
                if not times and kind == "illness" and people and g + 1 < len(groups):
                    told = _found_out(doc[groups[g + 1][0]:groups[g + 1][1]], people, owner, all_times, ex.text)
                    if told is not None:  # "Pauline's got diabetes. She found out on Tuesday"
                        dated = [told]
                        when = told.lo, told.hi
                        source = "next"
                for k in range(g + 1, min(g + 3, len(groups))) if not dated and kind in NEXT_TOLD and people else ():
                    # before the entry's own day: "Got the job at the harbour! ... I start a week on Monday" started then
                    # "Marcus got the job at OhioHealth!!! He starts on the 25th"; "Nanna is moving to Portishead. They've done up
                    # the garage. She moves on the fourth of November." (the next sentence or the one after, in the paragraph)
                    nxt = doc[groups[k][0]:groups[k][1]]
                    if re.search(r"\n[ \t]*\n", ex.text[sent.end_char:nxt.start_char]):
                        break
                    told = _told_next(nxt, people, owner, all_times, ex.text, turn)
                    if told is not None:
                        dated = [told]
                        when = told.lo, told.hi
                        source = "next"
                        break
                if not dated and entry_day and (topic := _day_topic(t, groups, g, all_times, ex.text, turn, no_later)):
                    # "Sunday was the worst day of my life. Nan had a fall and by teatime she had died.": that day's
                    dated, when, source = [topic], (topic.lo, topic.hi), "topic"
                settled = False  # dated here by no time of the sentence
                if not dated and kind == "marriage" and people and entry_day and (n := _years_married(t)):
                    ended = _died_lately(people, [*ex.events, *found.values()], entry_day)
                    if ended:  # "Harold passed this afternoon. Fifty-nine years they were married.": wed so long before
                        wed = _years_before(ended, n)
                        when, how = (_years_before(ended, n + 1), (dt.date.fromisoformat(wed) + dt.timedelta(days=1)).isoformat()), "years:death"
                        settled = True
                headline = not dated and not settled and entry_day and not _planned(t) and (
                    kind in HEADLINE and (writer is not None or _exclaimed(t)) or kind == "death" and _own_died(t, victims)) and (
                    _headline(sent, ex.text, t) or _said_alone(t, ex.text, all_times) if turn is None else _turn_first(t, turn)) and (
                    not _told_after(t, ex.text, turn))
                that_day = not dated and not settled and not headline and not told_then and entry_day and turn is None and (
                    kind in HEADLINE) and _of_today(t, ex, all_times, writer is not None and writer in people)
                if that_day:  # a diary: "Went to the Bell tonight. After dinner I asked Anya to marry me."
                    when = that_day, (dt.date.fromisoformat(that_day) + dt.timedelta(days=1)).isoformat()
                    how = "entry" if that_day == entry_day else "paragraph"
                if not dated and not settled and not that_day and not headline and entry_day and kind in ("birth", "death") and _hour(t, turn or (
                        sent.start_char, sent.end_char)) and not any(v.lower_ in ("you", "thou") for v in [*victims, *(
                            c for c in (t if t.pos_ in ("VERB", "AUX") else t.head).children if c.dep_.startswith("nsubj"))]):
                    headline = True  # a chat: "Maya Rose, born at 4am, 7lb 1oz", "he died at ten past five": this day's news;
                    # so a note: "Mrs K passed away peacefully at 03:40" (not to the one dead: "you died at six")
                if not dated and not settled and not that_day and not headline and not told_then and entry_day and _just_now(t):
                    when = entry_day, no_later  # "Gran has just passed away": the news of the day it is written
                    how = "just"
                headline = headline and not told_then
                if headline:
                    when = entry_day, no_later  # "Married." heading a diary's entry: the news of its day
                    how = "entry"
                if dated:  # a funeral's, a grave's time bounds the death: no later than that
                    how = f"{source}:{dated[0].kind}" if not late else f"bound:{dated[0].kind}"
                if kind == "death" and victims and all(v.pos_ == "PRON" and not _relative(v) for v in victims):
                    told_by[t.i] = victims[0]  # "We laid him to rest": whom "him" is, again below
                sure = confidence(t, kind, victims, _clear(victims, people, via, ex), dated)
                if greeted is not None:
                    sure = min(sure, NAMESAKE)  # "you" in a letter to one greeted by name: theirs, perhaps
                if kind == "death" and victims and all(v.i in owner and (_anothers_kin(v, ex.people[owner[v.i]]) or _quoted_kin(
                        v, ex.people[owner[v.i]], said)) for v in victims):
                    sure = min(sure, NAMESAKE)  # "Dad's Dad died", "Bade Papa is no more": another's Dad, not the writer's;
                    # so in words quoted: 'Gran said, "Dad died when I was nine"' is the speaker's Dad
                found[t.i] = Event(kind, people, sent.start_char, sent.end_char, None if late else when[0], when[1],
                                   negated=generic or _irrealis(t.head if asked else t, sent) or _dreamt(t, group_times), agents=agents,
                                   confidence=sure,
                                   date_confidence=dated[0].confidence if dated and not late else 0.6 if headline or that_day or how == "just" else 0.5 if settled else 0.0,
                                   place=_place(t) if kind == "moving" else None, date_how=how)
            for t in sent:
                times = _in_turn(group_times, t.idx, ex.speakers)
                people, age, today = _late(t, owner)
                if people and not any(ev.kind == "death" and set(people) <= set(ev.people) for ev in found.values()):
                    found[t.i] = Event("death", people, sent.start_char, sent.end_char, None, no_later,
                                       confidence=CONFIDENCE["late"], date_confidence=0.0)
                    birthday = entry_day if today else _one_day_of(t, times)  # "You'd have been seventy on Tuesday"
                    born = _years_before(birthday, age) if birthday and age else None
                    if born:  # "would have been eighty-one today": born this day, that many years ago
                        found[-t.i - 1] = Event("birth", people, sent.start_char, sent.end_char, born,
                                                (dt.date.fromisoformat(born) + dt.timedelta(days=1)).isoformat(),
                                                confidence=CONFIDENCE["late"], date_confidence=0.9, date_how="age:late")
                    continue
                wed = _anniversary(t, owner, _clause_first(t, times), writer if not ex.speakers else speaker_of.get(
                    next((sp for s_, e_, sp in ex.speakers if s_ <= t.idx < e_), None)), groups)
                if wed:  # "Mom and Dad's 35th anniversary is Sunday": married that day, so many years before
                    who, lo, hi, sure = wed
                    found[-t.i - 1] = Event("marriage", who, sent.start_char, sent.end_char, lo, hi, confidence=CONFIDENCE["anniversary"],
                                            date_confidence=sure, negated=_irrealis(t, sent), date_how="anniversary")
                    continue
                age = _age(t, owner, times)
                if age is None and t.dep_ == "ROOT":  # "Forty-four today.": the writer's (a chat's speaker's) own birthday
                    turn = next(((s_, e_, sp) for s_, e_, sp in ex.speakers if s_ <= t.idx < e_), None)
                    age = _own_age(t, speaker_of.get(turn[2]) if turn else writer, times)
                if age and not any(ev.kind == "birth" and age[0][0] in ev.people for ev in found.values()):
                    who, lo, hi, sure = age
                    found[-t.i - 1] = Event("birth", who, sent.start_char, sent.end_char, lo, hi, confidence=sure,
                                            date_confidence=0.85, date_how="age")
            _at_an_age(doc, found, ex.events)
            ex.events.extend(found.values())
            by_pronoun += [(found[i], v) for i, v in told_by.items() if i in found]
            told_by.clear()
        _the_dead_again(ex, by_pronoun)
        _namesakes_unsure(ex)
        _others_kin_unsure(ex)
        _lower_named_dropped(ex)
        return ex


# How sure an event is, by what told it (see `confidence`).
CONFIDENCE = {
    "verb": 0.97,  # "Nain died", "Mr Pugh passed away", "Elin was born", "they married"
    "pass": 0.9,  # "since Dad passed"
    "killed": 0.9,  # "was killed", "murdered", "drowned" with a person
    # someone killing or murdering someone, said in the active: in a diary or a chat far more often a song
    # sung badly ("murdered Sweet Caroline"), a game or a joke than a killing; "perhaps" until said plainly
    "killed-active": 0.6,
    "lost": 0.75,  # "we lost Dad in May" (or in the crowd)
    "lost-since": 0.9,  # "six years since we lost Dad", "we lost Dad two years ago", "we lost Dad this morning", "in March"
    "buried": 0.9, "mourned": 0.8, "outlived": 0.85,
    "noun": 0.95,  # "Nain's death", "the birth of Elin", "their wedding"
    "after": 0.9,  # a funeral, a grave, a headstone: someone died
    "bidden": 0.6,  # ... in words that bid ("Write it on Mum's headstone", "Put that on my grave"): perhaps
    "dead": 0.85,  # "Grandad is dead"
    "late": 0.9,  # "my late husband", "would have been ninety today"
    "widow": 0.2,  # a widow is alive: it was the one she married who died
    "pregnant": 0.3,  # a pregnancy is a birth to come, not one that happened
    "due": 0.5,  # so is a due date
    "other": 0.85,
    "age": 0.9,  # "Tom turns 40 today", "Elin is two today!", "Jackie's 50th birthday tonight"
    "ordinal": 0.8,  # "Jackie's 50th tonight": a birthday, or an anniversary
    "form": 0.95,  # "Resident: Dennis Dawson / DOB: 23/05/1938"
    "lifespan": 0.92,  # "EMRYS MORGAN, 1927-2009" on a stone, at a funeral
    "anniversary": 0.9,  # "our twenty-sixth wedding anniversary yesterday": a marriage
    "pronoun": 0.75,  # times this when the one it happened to is only "he" or "she" (read by coreference)
    "rip": 0.9,  # "RIP Gary Pickering", "Rest in peace, Auntie Val"
    "notice": 0.9,  # "SMITH, Margaret Anne. Peacefully at home on 2 May": a newspaper's death notice
    "jest": 0.5,  # ... said laughing: "RIP Kevin 😂"
    "peacefully": 0.9,  # "went peacefully in his sleep", "slipped away peacefully"
    "slipped": 0.85,  # "slipped away at ten past six" (or from a party)
    "never-woke": 0.9,  # "she never woke up"
    "did-not-wake": 0.8,  # "Maureen didn't wake up on Tuesday" (or "didn't wake up once")
    "heavenward": 0.9,  # "went to be with the Lord", "was called home", "passed into glory", "is with Jesus now"
    "never-back": 0.9,  # "never came home from the war"
    "idiom": 0.8,  # "carked it", "kicked the bucket": slang, of a thing or in jest as often (perhaps)
    "no-more": 0.9,  # "Aunty Sushila is no more"
    "gone": 0.75,  # "Stan had gone in the night", "Aunt Ivy is at peace now": a death, or a leaving, a calm (perhaps)
    "a-year-today": 0.9,  # "Five years today since Cyril went", "a year today since you left us": an anniversary of a going
    "surmised": 0.75,  # "who must have been dead twenty years": the writer's guess (perhaps)
}


def confidence(t, kind, victims, clear=False, times=()) -> float:
    """How sure that the event `t` tells happened to `victims` (the tokens naming them): the share of such
    readings found right on the tuning writers of bench/journal.py, rounded down. What a pronoun stands for
    is less sure than a name, unless it is `clear` (see `_clear`) and the verb says the event outright
    ("She died on a Wednesday"). `times`: the times the event was dated by."""
    lemma = t.lemma_.lower()
    if t.lower_ in ("widow", "widower", "widowed") or lemma in ("widow", "widower"):
        c = CONFIDENCE["widow"]
    elif lemma in ("pregnancy",) or t.lower_ == "pregnant":
        c = CONFIDENCE["pregnant"]
    elif t.lower_ == "due":
        c = CONFIDENCE["due"]
    elif t.pos_ in ("NOUN", "PROPN"):
        c = CONFIDENCE["after"] if lemma in AFTER_DEATH else CONFIDENCE["noun"]
        if lemma in AFTER_DEATH and _bidden(t):
            c = CONFIDENCE["bidden"]  # "Write it on Mum's headstone": a joke as often as a grave
    elif t.lower_ == "gone":
        c = CONFIDENCE["gone"]
    elif t.pos_ == "ADJ":
        c = CONFIDENCE["late"] if t.lower_ in BEFORE_PERSON else CONFIDENCE["dead"] if t.lower_ == "dead" else CONFIDENCE["other"]
    elif _heavenward(t):
        c = CONFIDENCE["heavenward"]
    elif _never_back(t):
        c = CONFIDENCE["never-back"]
    elif lemma == "pass":
        c = CONFIDENCE["verb"] if any(c.lower_ == "away" and c.dep_ in ("prt", "advmod") for c in t.children) else CONFIDENCE["pass"]
        if c < CONFIDENCE["verb"] and not times and not _passed_on(t) and not _peaceful(t) and not any(
                c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
            c = CONFIDENCE["lost"]  # "Jess passed!", "Connor passed, thank God": a test as often as a death (perhaps);
            # not "passed early this morning", "since Dad passed", "passed in his sleep"
        if c < CONFIDENCE["verb"] and any(c.dep_ == "prep" and _on_a_day(c) for c in t.children) and not _peaceful(t):
            c = CONFIDENCE["lost"]  # "Bheki passed on Sunday": a death, or a test passed on Sunday ("Jess passed on Friday, first
            # time!"): perhaps
    elif any((lemma, c.lower_) in IDIOMS for c in t.children):
        c = CONFIDENCE["idiom"]
    elif _no_more(t):
        c = CONFIDENCE["no-more"]
    elif lemma == "be" and _at_peace(t):
        c = CONFIDENCE["gone"]
    elif lemma == "expire":
        c = CONFIDENCE["pass"]
    elif lemma in ("kill", "murder", "slay", "execute", "assassinate", "behead", "butcher") and _active(t):
        c = CONFIDENCE["killed-active"]
    elif lemma in ("kill", "murder", "drown", "strangle", "slay", "execute", "assassinate", "behead", "suffocate"):
        c = CONFIDENCE["killed"]
    elif lemma == "lose" and (any(c.dep_ == "mark" and c.lower_ == "since" or c.lower_ == "ago" or
                                  c.dep_ == "npadvmod" and any(g.lower_ == "ago" for g in c.children) for c in t.children)
                              or any(_governs(t, tm) for tm in times)):
        # "since we lost Dad", "we lost Dad two years ago": a time counted from a death; "we lost Dad this morning", "in
        # March": a day or a month said of it (one lost in a crowd is lost somewhere, for a while: `_lost_somewhere`)
        c = CONFIDENCE["lost-since"]
    elif lemma == "lay":
        c = CONFIDENCE["buried"]  # "was laid to rest on Friday"
    elif _ended(t):
        c = CONFIDENCE["killed"]  # "lost her battle with cancer", "took his own life"
    elif lemma == "go" and _went_since(t) and not _peaceful(t):
        c = CONFIDENCE["a-year-today"] if _a_year_today(t) else CONFIDENCE["gone"]  # "since Cyril went" (perhaps)
    elif lemma in ("go", "slip"):
        c = CONFIDENCE["peacefully"] if _peaceful(t) else CONFIDENCE["slipped"]
    elif lemma == "leave" and _left_us(t):
        c = CONFIDENCE["peacefully"]  # "left us peacefully", "left us at 5:40. Peacefully, in his sleep"
    elif lemma == "leave" and _left_us_lately(t):
        c = CONFIDENCE["a-year-today"] if _a_year_today(t) else CONFIDENCE["gone"]
        # "Papa left us this morning", "ten years since Nanna left us": a death, or a leaving (perhaps)
    elif lemma == "wake":
        c = CONFIDENCE["never-woke"] if any(c.lower_ == "never" for c in t.children) else CONFIDENCE["did-not-wake"]
    elif lemma in ("lose", "bury", "mourn", "outlive"):
        c = CONFIDENCE[{"lose": "lost", "bury": "buried", "mourn": "mourned", "outlive": "outlived"}[lemma]]
    elif t.pos_ in ("VERB", "AUX"):
        c = CONFIDENCE["verb"]
    else:
        c = CONFIDENCE["other"]
    if victims and all(v.pos_ == "PRON" and not _relative(v) and v.lower_ not in WRITERS for v in victims) and not (
            clear and (c == CONFIDENCE["verb"] or victims[0].lower_ in ("you", "your"))):  # (the one a letter greets is no guess)
        c *= CONFIDENCE["pronoun"]  # (not "I" or "we": whom the writer means by them is no guess: "we moved in", "I proposed")
    if _must_have(t if t.pos_ in ("VERB", "AUX") else t.head):
        c = min(c, CONFIDENCE["surmised"])
    if lemma == "die" and any(c.dep_ == "advcl" and c.lemma_.lower() in SEEING and any(
            g.dep_ == "advmod" and g.lower_ == "when" for g in c.children) and any(
            g.dep_ == "nsubj" and g.pos_ == "PRON" for g in c.children) for c in t.children):
        c = min(c, CONFIDENCE["surmised"])  # "Neil died when he saw the bill": alive to see it, as often as not
    if kind == "death" and _again(t if t.pos_ in ("VERB", "AUX") else t.head):
        c = min(c, CONFIDENCE["jest"])  # "Rusty has died again, third time this winter": one who dies once is no car
    if kind == "death" and (_rolled_eyes(t) or victims and all(v.pos_ == "PROPN" and v.lower_ not in KIN_ROLE for v in victims) and _a_machine(t)):
        c = min(c, CONFIDENCE["jest"])  # "Bettie died outside Ventersburg 🙄", "Bluebell died on the M60. ... the dashboard lit up"
    return round(c, 3)


# Said of a death, a laugh or a roll of the eyes is a joke or a thing's death: no one mourns so
ROLLED = re.compile(r"🙄|😒|🤦|😂|🤣|😆|😹|💀|\b(?:lol|lmao|rofl|ffs|haha\w*|hehe\w*)\b", re.I)


def _rolled_eyes(t) -> bool:
    """Is the death told on a line with a laugh or a roll of the eyes ("Bettie died outside Ventersburg 🙄")?"""
    text = text_of(t.doc)
    start = max(t.sent.start_char, text.rfind("\n", 0, t.idx) + 1)
    end = text.find("\n", t.idx)
    return ROLLED.search(text, start, len(text) if end < 0 else end) is not None


# A car's parts and its rescue: a death told beside them is a car's ("died on the M60 ... the dashboard lit up")
MACHINE = re.compile(r"\b(?:dashboard|engine|clutch|gearbox|alternator|radiator|exhaust|tyres?|tires?|puncture|tow(?:ed|ing)?|"
                     r"tow[- ]?truck|breakdown|mechanic|MOT|AA|RAC|battery|jump[- ]?start(?:ed)?|starter motor|head gasket|"
                     r"fan ?belt|spark ?plugs?|warning lights?|odometer|ignition|bonnet|windscreen|petrol|diesel|mileage|"
                     r"\d{1,3}(?:,\d{3})+ (?:miles|km|kilometres|kilometers))\b")  # (a mileage: "287,000 miles")


def _a_machine(t) -> bool:
    """Is the death told in a sentence, or before the next one of its paragraph, that speaks of a car's parts or its
    rescue ("Bluebell died on the M60. Just stopped, and the dashboard lit up", "Herbie died again. Clutch this time.")?"""
    return _machine_near(t.doc, t.sent)


def _machine_near(doc, sent) -> bool:
    """Does the sentence, or the next one of its paragraph, speak of a car's parts, its rescue or its mileage?"""
    text = text_of(doc)
    end = sent.end_char
    nxt = doc[sent.end].sent if sent.end < len(doc) else None
    if nxt is not None and not re.search(r"\n[ \t]*\n", text[sent.end_char:nxt.start_char]):
        end = nxt.end_char
    return MACHINE.search(text, sent.start_char, end) is not None


AGAIN = re.compile(r"\bagain\b|\b(?:second|third|fourth|fifth|sixth|umpteenth|nth|hundredth|millionth|\d+(?:nd|rd|th))\s+time\b",
                   re.I)


def _again(verb) -> bool:
    """Is the death told as one more time ("died again", "died for the third time"): a person dies once, so a thing,
    a game, a story or a joke?"""
    return any(c.dep_ == "advmod" and c.lower_ == "again" or c.dep_ in ("npadvmod", "prep") and AGAIN.search(
        verb.doc[c.left_edge.i:c.right_edge.i + 1].text) for c in verb.children)


LABEL_END = re.compile(r"[ \t]*(?::|[-–—][ \t])[ \t]*")


def _listed(text: str, at: int):
    """The list item or heading on the line of `at` (`lines.line_at`), or None."""
    line = line_at(text, at)
    return line if line is not None and line.kind in ("item", "heading") else None


def _same_line(text: str, a: int, b: int) -> bool:
    return "\n" not in text[min(a, b):max(a, b)]


def _item_label(ex, t, owner, via) -> tuple[int] | None:
    """The one a list item is of, named first on its line before a colon or a dash ("- Uncle Ted: died Sunday",
    "* Pop - passed Thursday night"), when the event's verb has no subject on that line: (their index,)."""
    text, doc = ex.text, t.doc
    item = _listed(text, t.idx)
    if item is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") and _same_line(text, c.idx, t.idx) for c in t.children):
        return None
    first = next((x for x in doc[max(0, t.i - 12):t.i] if x.idx >= item.body and not x.is_space), None)
    if first is None or first.idx != item.body or first.i not in owner:
        return None
    p = owner[first.i]
    last = first
    while last.i + 1 < t.i and (owner.get(last.i + 1) == p or doc[last.i + 1].lower_ in KIN_AFTER_NAME):  # "Rakesh uncle:"
        last = doc[last.i + 1]
    label = LABEL_END.match(text, last.idx + len(last))
    if label is None or label.end() != t.idx and not all(x.is_punct or x.is_space for x in doc[last.i + 1:t.i]):
        return None
    via[p] = first
    return (p,)


def _called(v, t) -> bool:
    """Is the name the one spoken to, heading its sentence before a comma, with the event's subject after it and no "and"
    between ("Kwame, Grandpa died this morning", "Oh Aisha, Tunde got the job!"; not "Tom, Ann and Joe were there", nor
    "Kwame, my brother, died")?"""
    doc, sent = v.doc, v.sent
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if _called_before_my(v, verb):
        return True
    if v.pos_ != "PROPN" or not v.i + 2 < verb.i or doc[v.i + 1].text != "," or not all(
            x.is_punct or x.is_space or x.pos_ == "INTJ" or x.dep_ == "compound" and x.head.i == v.i for x in doc[sent.start:v.i]):
        return False  # (a greeting or a title the name carries: "Dear Liam,\nYour Nana died", "Hi Sam, Mum died")
    between = [x for x in doc[v.i + 2:verb.i] if not x.is_space]
    return not any(x.dep_ == "cc" or x.is_punct or x.lower_ in ("and", "&", "or") for x in between) and any(
        x.pos_ in ("PROPN", "NOUN", "PRON") for x in between)


def _called_before_my(v, verb) -> bool:
    """Is the name opening a sentence or a chat turn, with no comma, said to someone: set right before "my" or "our" and
    the subject it starts, the verb's other subject ("Emi my grandmother passed away last night", chatwriter25)?"""
    doc = v.doc
    if v.pos_ != "PROPN" or v.dep_ != "nsubj" or v.i + 2 >= len(doc) or doc[v.i + 1].lower_ not in ("my", "our"):
        return False
    opens = v.i == v.sent.start or doc[v.i - 1].text == ":" or doc[v.i - 1].is_space
    other = doc[v.i + 1].head
    return opens and other.i != v.i and other.dep_ == "nsubj" and other.head.i == verb.i == v.head.i


def _relative(v) -> bool:
    """Is the pronoun "who" of a clause hung on a name ("my Uncle Harry, who never came home"): as plain as the name?"""
    return v.tag_ == "WP" and v.head.dep_ == "relcl" and v.head.head.pos_ == "PROPN"


def _bidden(t) -> bool:
    """Is the noun in a clause that bids, its verb a bare imperative with no subject ("Write it on Mum's headstone")?
    (The parser hangs a bidding clause before a colon on what follows: "Write that on Mum's headstone: she was right".)"""
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VB" and verb.dep_ in ("ROOT", "advcl") and verb.i == verb.sent.start and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)


def _of_the_living(t) -> bool:
    """Is the funeral, grave or headstone `t` one the living speak of as to come: "her own funeral", an epitaph bidden
    ("Write that on Mum's headstone"), or one's own, planned or talked of now or to come by its owner ("Dad keeps talking
    about his funeral", "Dad will have that carved on his headstone")?"""
    if any(c.dep_ == "amod" and c.lower_ == "own" for c in t.children) and not (
            t.dep_ == "nsubj" and t.head.tag_ == "VBD"):
        return True  # "planning her own funeral", "digging his own grave" (not "her own funeral was packed")
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if t.lemma_.lower() in STONES and _bidden(t) and verb.lemma_.lower() in EPITAPH_VERBS and any(
            c.dep_ == "dobj" and c.lower_ in ("it", "that", "this") for c in verb.children):
        return True
    owner = next((c.lower_ for c in t.children if c.dep_ == "poss"), None)
    if owner not in POSSESSOR:
        return False
    planned = now = False
    for v in (a for a in t.ancestors if a.pos_ in ("VERB", "AUX")):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        planned = planned or v.lemma_.lower() in OWN_FUNERAL_VERBS
        now = now or v.tag_ in ("VBZ", "VBP") or any(
            a.lower_ in ("will", "'ll", "’ll", "wo", "shall") or a.tag_ in ("VBZ", "VBP") for a in auxes)
        subject = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "that", "this", "which")
                        and c.tag_ not in ("WDT", "WP", "DT")), None)
        if subject is None:
            continue
        pronoun, sex = POSSESSOR[owner]
        words = [subject.lower_] + [c.lower_ for c in subject.children if c.dep_ == "compound"]
        same = subject.lower_ == pronoun or sex is not None and any(
            KIN_NAMES.get(w) == sex or HONORIFICS.get(w) == sex for w in words)
        return same and planned and now
    return False


# What one dies of seeing or hearing, in a figure of speech: "died when he saw the bill"
SEEING = {"see", "hear", "read", "open", "notice", "realise", "realize", "find", "learn"}
PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _clear(victims, people, via, ex) -> bool:
    """Is the one "he" or "she" stands for plain: the only person of that sex (or of no known sex) named in
    the sentence before or earlier in the same paragraph ("Mr Pugh died on Thursday night. Glenys found him.
    He'd died in his sleep"), and the one the pronoun was read as?"""
    if len(victims) != 1 or len(people) != 1:
        return False
    v, p = victims[0], people[0]
    if v.lower_ in ("you", "your") and not ex.speakers and (not ex.people[p].narrator or _greeted_addressee(ex.people[p])) and any(
            m.kind == "addressee" for m in ex.people[p].mentions) and any(m.kind in ("name", "title") for m in ex.people[p].mentions):
        return True  # "Dear Dad, ... You died on the 12th of November": the one the letter greets
    sex = PRONOUN_SEX.get(v.lower_)
    if sex is None:
        return False
    doc, text = v.doc, text_of(v.doc)
    para = 0
    for m in re.finditer(r"\n[ \t]*\n", text[:v.idx]):
        para = m.end()
    prev = doc[v.sent.start - 1].sent.start_char if v.sent.start > 0 else v.sent.start_char
    lo = min(para, prev)
    named = {q for q, person in enumerate(ex.people) if not person.narrator and any(
        m.kind in ("name", "title") and lo <= m.start < v.idx for m in person.mentions)}
    return p in named and not any(ex.people[q].gender in (sex, None) for q in named - {p})


def _is_lost(t) -> bool:
    """Is it "lost" said of one now ("Stan is lost without her", "I'm lost"), or lost for words ("Dad was lost for words"):
    bewildered or astray, not dead (a death is told past: "we lost him", "he was lost at sea")?"""
    return t.lemma_.lower() == "lose" and (any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in t.children) or any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ == "words" for g in c.children) for c in t.children))


def _someone_nearer(v, p, ex, owner) -> bool:
    """Is there someone nearer for "he" or "she" to stand for than the person `p` it was read as: a noun for a person of
    that sex (or of either) that names no one, said after p's name and before the pronoun ("Sarah told me about her
    neighbour. She died on Friday", "Peter's uncle was a miner. He was killed"; not "Tom was a miner. He died", the noun
    said of Tom, nor "His son Kevin", a noun with its name), or said anywhere before as one who died ("Her mother died at
    Easter. Deirdre is coping. She died in the hospice")?"""
    sex = PRONOUN_SEX.get(v.lower_)
    if sex is None or v.pos_ != "PRON" or p >= len(ex.people):
        return False
    said = [m.end for m in ex.people[p].mentions if m.kind in ("name", "title") and m.end <= v.idx]
    if not said:
        return False
    last = max(said)
    for tok in v.doc[:v.i]:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PERSON_NOUNS or tok.i in owner or tok.tag_ in ("NNS", "NNPS"):
            continue
        if ROLES.get(tok.lemma_.lower()) not in (sex, "-", None):
            continue
        if tok.idx < last:  # before the name said last: only one whose death was told ("His grandad passed away. Poor Kev.
            # He died in his sleep": the grandad's death told again), not one who did it to someone ("her son killed a man")
            if _kind(tok.head) == "death" and (tok.dep_ == "nsubjpass" or tok.dep_ == "nsubj" and (
                    tok.head.lemma_.lower() not in DONE_TO or tok.head.lemma_.lower() == "drown")):
                return True
            continue
        if tok.dep_ in ("attr", "appos", "oprd", "compound", "npadvmod") or any(
                c.i in owner for c in tok.children if c.dep_ in ("appos", "compound")):
            continue  # "Tom was a miner", "his son Kevin": said of one named
        if tok.dep_.startswith("nsubj") and tok.head in v.ancestors:
            continue  # "The nurse says she died peacefully": the one who tells it lives
        return True
    return False


# An illness before these is not had: "my flu jab", "the cancer ward", "a covid test"
NOT_HAD = {"jab", "vaccine", "vaccination", "shot", "injection", "booster", "clinic", "ward", "test", "season", "charity",
           "research", "awareness", "specialist", "consultant", "unit", "nurse", "screening", "scare", "rules", "restrictions",
           "lockdown", "pass", "centre", "center", "hospital", "support", "appeal", "walk", "run", "fund"}
# "was sick on the rug", "sick afterwards": being sick
SICK_UP = {"afterwards", "again", "everywhere", "up"}
# Kinds of event a diary tells of its writer with no subject: "Married.", "Moved in today.", "Retired!"
WRITERS_OWN = {"marriage", "moving", "job", "retirement", "engagement"}
PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m", "’s", "’re", "’m"}
# "EMRYS MORGAN, 1927-2009", "Dennis Pugh (1938–2023)": a life's years after a name
LIFESPAN = re.compile(r"\s*(?:[,(]|[-–—](?=\s))\s*((?:1[5-9]|20)\d\d)\s*(?:-|–|—|to)\s*((?:1[5-9]|20)\d\d)\b\)?")
SPAN_ENDS = re.compile(r"[ \t*_]*(?:[.)]|$)", re.M)  # "Mum — 1948–2023.", "- Grandpa Walt (1932–2021)": the years end the line
# ... and said among words of a death (a grave, a funeral): "Steve Dobson, 1990-2023" on a retirement clock is
# a working life, so a life's years away from these are not read at all
MOURNING = re.compile(r"\b(?:funeral|grave|gravestone|headstone|stone|churchyard|cemetery|crematorium|memorial|memory|"
                      r"rip|r\.i\.p|died|death|dead|buried|burial|eulogy|obituary|mourn\w*|passed|late|wake|coffin|ashes|urn)\b", re.I)


def _left_out(t, owner, writer, kind, turn_start=None) -> list[int]:
    """Whom a sentence that opens with its event and names nobody is about: the one the sentence before it
    was about ("Geth's got Covid. Tested positive on Thursday", "Elin Gwen Evans. Born at 3.12 this
    morning"), else, in a diary, the writer ("Moved in today.", "Married.", "First day at Hollybrook.").
    Never a death: who died is said, not left out. A blank line opens a sentence, whatever the parser
    joined across it ("---\ndate: 2018-04-14\n---\n\nWe live here.\n\nMoved in today."); so does a chat's turn,
    whose sentence with no subject is its speaker's ("starting the new job monday")."""
    sent = t.sent
    start = _paragraph_start(t)
    if turn_start is not None and turn_start > start:
        start = turn_start
    first = next((x for x in sent if x.idx >= start and not x.is_punct and not x.is_space), None)
    anchor = t.head if t.pos_ == "ADJ" and (t.dep_ in ("acomp", "oprd") or t.head.lemma_.lower() == "test") else t  # "Tested positive"
    got = t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj" and (t.head.lemma_.lower() in HAVE_VERBS | KEYS_VERBS or t.head.lower_ in GOT)
    if got:
        anchor = t.head  # "Got the keys yesterday!!!", "Got the job."
    if first is None or not (first.i == anchor.i or first in anchor.lefts and first.dep_ == "amod"):
        return []
    # the root of its sentence, or in a chat of its turn (the parser may run one turn into the one before)
    root = anchor.dep_ == "ROOT" or turn_start is not None and anchor.head.idx < turn_start
    if not root or anchor.tag_ not in ("VBD", "VBN", "VBG", "JJ") and not (kind == "job" and t.pos_ == "NOUN") and not (
            got and anchor.lower_ in GOT - {"get", "gets", "collect"}):
        return []  # "Married name.": "married" says what the name is
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "poss") and c.idx >= start for c in anchor.children):
        return []
    if under_heading(text_of(t.doc), first.idx):
        return []  # "## Nanna\nBorn this morning: Archie James": a heading is the lines' topic, not who they are of
    paragraph = start > sent.start_char or sent.start == 0 or turn_start is not None and sent.start_char <= turn_start or re.search(
        r"\n[ \t]*\n\s*$", text_of(t.doc)[max(0, sent.start_char - 40):sent.start_char])
    if not paragraph:
        before = t.doc[sent.start - 1].sent
        subjects = [c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if before.root.i in owner and not subjects:
            return [owner[before.root.i]]  # a name on its own: "Elin Gwen Evans."
        if len(subjects) == 1 and subjects[0].i in owner and subjects[0].lower_ not in WRITERS:
            return [owner[subjects[0].i]]
        if not all(c.lower_ in WRITERS for c in subjects):
            return []  # someone else, not named: "She went yesterday. Moved down to Swansea"
    return [writer] if writer is not None and kind in WRITERS_OWN else []


# Verbs of learning of an illness: "She found out on Tuesday", "he was diagnosed in May", "tested positive on Friday"
FOUND = {"find", "learn", "hear", "diagnose", "test", "confirm", "tell", "inform"}
# ... or of being told: "They told him on Tuesday", "the consultant told her yesterday"
TOLD = {"tell", "inform"}


def _found_out(nxt, people, owner, times, text):
    """The time of the sentence after an illness told with none, when it says the one who has it learnt of it
    then ("Pauline's got diabetes. She found out on Tuesday"), in the same paragraph."""
    root = nxt.root
    if root.lemma_.lower() not in FOUND or root.lemma_.lower() == "find" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in root.children):
        return None
    if re.search(r"\n[ \t]*\n", text[nxt.doc[nxt.start - 1].idx:nxt.start_char]):
        return None
    told = root.lemma_.lower() in TOLD and any(c.dep_ in ("dobj", "dative") and owner.get(c.i) in people for c in root.children)
    # "The consultant told us on Friday": the family is told with the one who has it, by one who knows (not "She told me")
    told = told or root.lemma_.lower() in TOLD and any(c.dep_ in ("dobj", "dative") and c.lower_ in ("us", "me") for c in root.children) \
        and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in owner for c in root.children)
    # "Dad's got Covid. Tested positive yesterday.": the one who has it, left out of a test or a diagnosis
    own = root.lemma_.lower() in ("test", "diagnose") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                                 for c in root.children)
    if not told and not own and (root.lemma_.lower() in TOLD or not any(
            c.dep_ in ("nsubj", "nsubjpass") and owner.get(c.i) in people for c in root.children)):
        return None
    return next((tm for tm in times if nxt.start_char <= tm.start < nxt.end_char and not _dateline(text, tm)), None)


def _paragraph_start(t) -> int:
    """Where the paragraph holding `t` starts within its sentence: after the last blank line before it."""
    sent = t.sent
    before = t.doc[sent.start:t.i].text_with_ws  # not `doc.text`: spaCy builds that from every token at each call
    m = None
    for m in re.finditer(r"\n[ \t]*\n\s*", before):
        pass
    return sent.start_char + m.end() if m else sent.start_char


# Events a diary's first line tells as the day's news ("Married.", "Retired!"); not an illness ("Geth's got Covid."
# has been so for days), nor a death, whose day is said
HEADLINE = {"marriage", "engagement", "moving", "job", "retirement", "birth", "parting"}
# Events two people have together, which "their" or "our" can stand for both of: "their wedding", "our honeymoon"
TOGETHER = {"marriage", "engagement", "parting", "moving"}
PLURAL_POSS = {"their", "our"}
PLURAL_SUBJECTS = {"they", "we"}


def _theirs(t, owner, writer, groups, kind=None) -> list[int]:
    """The people "their" or "our" stands for, before an event two people have together ("Their marriage
    certificate", "Your Dad and I went on our honeymoon"), or "they" or "we" as its subject ("We moved into it
    in 1979", "they got engaged"): the people of the clause's subject ("X and I", "Huw and Kasia"); for "our"
    and "we", the writer (or in a chat the speaker, by "I"); else, for "their" and "they", the pair
    the sentence before names as its subject ("Huw and Kasia found a flat. Their move ..."), else the only
    two people named in the sentence itself."""
    holders = [t, t.head] if t.dep_ == "compound" else [t]  # "Their marriage certificate"
    poss = next((c for h in holders for c in h.children if c.dep_ == "poss" and c.lower_ in PLURAL_POSS), None)
    if poss is None and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj" and (t.head.lemma_.lower() in HAVE_VERBS | KEYS_VERBS
                                                                          or t.head.lower_ in GOT):
        poss = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PLURAL_SUBJECTS), None)  # "we got the keys"
    if poss is None and t.pos_ in ("VERB", "AUX") and not any(c.dep_ == "dobj" for c in t.children):
        # "We moved into it in 1979", "they got engaged" (not "we separated the eggs", "they moved the sofa back")
        poss = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PLURAL_SUBJECTS), None)
        if poss is None and kind in COUPLE:  # "Fifty-nine years they were married": "they" the parser hung on "were"
            poss = next((g for a in t.children if a.dep_ in ("aux", "auxpass") for g in a.children
                         if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "they"), None)
    if poss is None:
        return []
    out: list[int] = []

    para = _paragraph_start(t)

    def add(tok):
        for x in [tok, *tok.conjuncts]:
            if x.idx < para:  # "Dear Dad,\n\nOwen and I had our ...": the greeted is no one in it, what it took as theirs is
                for a in (c for c in x.children if c.dep_ == "appos" and c.idx >= para):
                    add(a)
            elif x.i in owner and owner[x.i] not in out:
                out.append(owner[x.i])

    node = t
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    for c in node.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            add(c)
    if poss.lower_ in ("our", "we"):
        if writer is not None and writer not in out:
            out.append(writer)
        if len(out) == 1:  # "Carol and I danced to what we had at our own wedding": the one with "I" in the sentence's subject
            root = t.sent.root
            for c in root.children:
                if c.dep_ in ("nsubj", "nsubjpass") and any(x.lower_ == "i" for x in [c, *c.conjuncts]):
                    out += [owner[x.i] for x in [c, *c.conjuncts] if x.i in owner and owner[x.i] not in out and x.lower_ != "i"]
        return out
    if len(out) >= 2:
        return out
    sent = t.sent
    doc = t.doc
    if sent.start > 0:
        before = doc[sent.start - 1].sent
        pair: list[int] = []
        for c in before.root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.conjuncts:
                pair = [owner[x.i] for x in [c, *c.conjuncts] if x.i in owner]
            elif c.dep_ in ("nsubj", "nsubjpass") and any(x.dep_ == "cc" for x in c.subtree):
                # "Nanna Jean and Grandad Joe came": the parser may hang the pair on the last name, not as conjuncts
                pair = list(dict.fromkeys(owner[x.i] for x in c.subtree if x.i in owner))
        if len(pair) >= 2:
            return pair
        # "Harold passed ... with Bev beside him. Fifty-nine years they were married.": the two the sentence before names, in
        # its paragraph, with no "I" or "we" among them
        if kind in COUPLE and not re.search(r"\n[ \t]*\n", text_of(doc)[before.end_char:sent.start_char]) and not any(
                x.lower_ in WRITERS for x in before):
            two = list(dict.fromkeys(owner[x.i] for x in before if x.i in owner))
            if len(two) == 2 and writer not in two:
                return two
    s, e = next(((s, e) for s, e in groups if s <= t.i < e), (sent.start, sent.end))
    named = []
    for i in range(s, e):
        p = owner.get(i)
        if p is not None and p != writer and doc[i].pos_ not in ("PRON", "DET") and p not in named and doc[i].idx >= para:
            named.append(p)
    return named if len(named) == 2 else []


def _headline(sent, text, t=None) -> bool:
    """Is the sentence an entry's first line and short ("Married.", "My brother is married!", "Ethan broke up with
    me."), or the first under a short title ("Christmas Day!!\n\nMark proposed to Mum."): the news of the day it was
    written, when nothing else in it says when."""
    start = _paragraph_start(t) if t is not None else sent.start_char
    before = _FRONT.sub("", text[:start], count=1).strip()
    if before and ("\n" in before or len(before.split()) > 4 or not re.search(r"\n[ \t]*\n\s*$", text[:start])):
        return False  # more than a title before it
    if before and (before.endswith(",") or re.match(r"(?:dear|dearest|my|to|hi|hello|hiya)\b", before, re.I)):
        return False  # a letter's greeting ("Dear Jean,"): a letter, written after the fact, tells what it likes first
    sent = t.sent if t is not None else sent  # its own sentence, not the fragments joined to it ("At the table.")
    words = [x for x in sent if not x.is_punct and not x.is_space and x.idx >= start]
    return 0 < len(words) <= 6 and "\n" not in text[start:sent.end_char].strip()


_FRONT = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)


def _said_alone(t, text, times) -> bool:
    """Is the event a sentence of one word in the past, in a paragraph that tells no time ("Walked out at five with a bag
    of cards. Retired. Phil had the kettle on."): the writer's news of the day, as a heading is?"""
    if t.pos_ != "VERB" or t.tag_ not in ("VBN", "VBD") or any(not x.is_punct and not x.is_space and x.i != t.i for x in t.sent):
        return False
    start = max((m.end() for m in re.finditer(r"\n[ \t]*\n", text[:t.idx])), default=0)
    end = text.find("\n\n", t.idx)
    end = len(text) if end < 0 else end
    return not any(start <= tm.start < end and not _dateline(text, tm) for tm in times)


def _exclaimed(t) -> bool:
    """Is the event's sentence an exclamation in the past ("Our Liam was born!", "Wendy and Paul got married!"): news told
    with its feeling, as it happens, whoever writes it?"""
    return t.sent.text.rstrip().endswith("!") and _simple_past(t)


def _simple_past(t) -> bool:
    """Is the event told in the simple past ("died", "was born", "got married"), not the perfect ("has died", "had died")
    nor the present ("are married")?"""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_ == "have" or c.tag_ in ("MD", "VBZ", "VBP") for c in aux):
        return False
    if verb.tag_ in ("VBN", "VB") and not aux and verb.dep_ == "ROOT" and (verb.lower_ in ("got", "had") or verb.lower_.endswith(
            "ed")) and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return True  # "Got the job!!!": a subject left out, as in a message, of a past the parser took for a participle
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux)


def _own_died(t, victims) -> bool:
    """Is a death told in the simple past of someone named by a word of the closest kin ("Dad died.", "Granny passed away"):
    one's own family's death is known the day it happens, unlike a name's heard in the news ("Terry Vance has died")."""
    return bool(victims) and _simple_past(t) and all(
        CLOSENESS.get(v.lower_, 0) >= 0.9 and not any(c.dep_ in ("amod", "compound", "poss") and c.lower_ not in (
            "my", "our") for c in v.children) for v in victims)


# Words that tell an event long after it: an age then ("I was six"), years gone by ("three years on", "twenty years ago")
AGE_THEN = re.compile(r"\b(?:i|we)\s+(?:was|were)\s+(?:only\s+|just\s+|barely\s+|about\s+|nearly\s+|not\s+yet\s+)?(?:\d{1,2}|"
                      r"a\s+(?:baby|child|kid|toddler|teenager|little\s+\w+)|little|small|tiny|young|(?:one|two|three|four|five|six|"
                      r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)"
                      r"(?!\s*(?:of|minutes?|mins?|hours?|hrs?|seconds?|days?|weeks?|months?|pounds?|stone|kg|lbs?|o'clock|am|pm|[:.]\d))", re.I)
YEARS_GONE = re.compile(r"\b(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:years?|decades?)\s+(?:on|ago|later|since|back|today)\b", re.I)
LATER_MARKS = {"when", "since", "after", "before", "until", "till", "once", "as", "while"}


def _told_after(t, text, turn) -> bool:
    """Is an event with no time of its own told as long past, not as the day's news: in a clause of another time ("ever
    since Mum passed", "Dad died when I was nine"), or with an age then or years gone by after it in its paragraph (or
    chat message): "Gran died. I was six", "Mum died. ... three years on"?"""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if verb.dep_ == "advcl" or any(c.dep_ == "mark" and c.lower_ in LATER_MARKS for c in verb.children):
        return True
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in LATER_MARKS for m in c.children) for c in verb.children):
        return True
    end = text.find("\n\n", t.sent.start_char)
    end = len(text) if end < 0 else end
    if turn is not None:
        end = min(end, turn[1])
    rest = text[t.sent.start_char:end]
    return bool(AGE_THEN.search(rest) or YEARS_GONE.search(rest))


def _years_since(t, tm) -> int | None:
    """N, of an event told as "N years since" it beside a time of another day ("Next Sunday is the 25th, and that will be
    forty years since Moira and I got married"); not when the count is itself the time ("35 years today since I married")."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None
    years = next((c for c in verb.head.children if c.lemma_.lower() == "year" and c.i < verb.i), None)
    if years is not None and any(tm.start <= x.idx < tm.end for x in years.subtree):
        return None  # the count is the time, already counted back
    num = next((c for c in years.children if c.dep_ == "nummod"), None) if years is not None else None
    return parse_number(num.lower_) if num is not None else None


def _day_topic(t, groups, g, times, text, turn, no_later):
    """The day a sentence before the event, in its paragraph (or chat message), is about ("Sunday was the worst day of my
    life.", "Last Friday was Ellie's big day."), when the event is told in the past with no time of its own after it: that
    day's time, else None. Not a funeral's or an anniversary's day ("Saturday was Nan's funeral."), which comes after."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if verb.tag_ not in ("VBD", "VBN") or _told_after(t, text, turn) or any(x.lemma_.lower() in REPORTS for x in t.sent):
        return None  # (not news heard: "Her husband died, she said")
    doc = t.doc
    for k in range(g - 1, max(g - 2, -1), -1):  # the sentence just before
        before = doc[groups[k][0]:groups[k][1]]
        if re.search(r"\n[ \t]*\n", text[before.end_char:t.sent.start_char]) or turn is not None and before.start_char < turn[0]:
            return None
        mine = [tm for tm in times if before.start_char <= tm.start < before.end_char and not _dateline(text, tm)]
        root = before.root
        para = max((m.end() for m in re.finditer(r"\n[ \t]*\n", text[:root.idx])), default=0)
        # (the parser takes the day for the subject, or for a measure: "Sunday was", "Last Friday was")
        ahead = [x for x in before if x.i < root.i and x.idx >= max(para, before.start_char) and not x.is_punct and not x.is_space]
        if root.lemma_ == "be" and ahead and len(mine) == 1 and all(mine[0].start <= x.idx < mine[0].end for x in ahead):
            day = mine[0]
            one_day = (dt.date.fromisoformat(day.hi) - dt.date.fromisoformat(day.lo)).days == 1
            if not one_day or day.hi > no_later or any(x.lemma_.lower() in AFTER_DEATH | {"anniversary", "birthday"} for x in before):
                return None
            return day
        if mine:
            return None  # another time between: the event is of that sentence's, or of none
    return None


def _turn_first(t, turn) -> bool:
    """Is the event the first sentence of a chat's message ("Granny passed away. Mum's in bits"): its news, of the day sent?"""
    text = text_of(t.doc)[turn[0]:t.sent.start_char]
    return not text.strip() or text.rstrip().endswith(":") and "\n" not in text.strip()


def _planned(t) -> bool:
    """Is the event told as under way or to come, with no time: "I'm marrying into a double act", "we're
    moving"? Then it was not by the entry's day but after it."""
    if t.tag_ != "VBG":
        return False
    # "Jade's moving to Manchester": the parser may take "'s" for a possessive of the subject
    return any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in t.children) or t.dep_ == "ROOT" and any(
        c.dep_ in ("nsubj", "poss") and any(g.dep_ == "case" and g.lower_ in ("'s", "’s") for g in c.children) for c in t.children)


def _lifespans(ex, owner) -> list[Event]:
    """A life's years after a name ("EMRYS MORGAN, 1927-2009", "Dennis Pugh (1938–2023)"), as on a grave or
    an order of service: born the first year, died the second. Only a span a life could be (15 to 120
    years), ended by the entry's year."""
    out = []
    doc, top = ex.doc, int(ex.at[:4]) if ex.at else None
    by_end: dict[int, int] = {}
    kin: set[int] = set()  # ends of names said with a kin word ("Mum", "Grandpa Walt")
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind in ("name", "title"):
                by_end[m.end] = p
                if ex.text[m.start:m.end].split()[0].lower() in KIN_NAMES:
                    kin.add(m.end)
    for end, p in by_end.items():
        m = LIFESPAN.match(ex.text, end)
        if m is None or ex.text[m.start():m.end()].strip()[:1] not in ",(" and end not in kin:
            continue
        born, died = int(m.group(1)), int(m.group(2))
        if not 15 <= died - born <= 120 or top is not None and died > top:
            continue
        start = doc.char_span(end - 1, end, alignment_mode="expand")
        sent = start.sent if start is not None else None
        lo, hi = (sent.start_char, sent.end_char) if sent is not None else (end, m.end())
        if not MOURNING.search(ex.text[max(0, end - 400):m.end() + 400]) and not (end in kin and SPAN_ENDS.match(ex.text, m.end())):
            continue  # (one's own kin, their years alone on the line, are their life's: "Mum — 1948–2023. Miss you")
        sure = CONFIDENCE["jest"] if sent is not None and _machine_near(doc, sent) else CONFIDENCE["lifespan"]  # a car's years
        out.append(Event("birth", [p], lo, hi, f"{born:04d}-01-01", f"{born + 1:04d}-01-01", confidence=sure, date_confidence=0.95,
                         date_how="sentence:lifespan"))
        out.append(Event("death", [p], lo, hi, f"{died:04d}-01-01", f"{died + 1:04d}-01-01", confidence=sure, date_confidence=0.95,
                         date_how="sentence:lifespan"))
    return out


# A death noted in brackets after a name, as a list of family or a card list notes it: "Auntie Pat (d. 2019)", "Uncle Tony
# (deceased)", "not Uncle Frank (died Sept)" (not "Aunt Jean (RIP Harold)", another's; nor "(died laughing)", "(passed!)")
DIED_ASIDE = re.compile(r"[ \t]*\((?:d\.[ \t]*\d{4}|(?:died|passed away)(?:[ \t]+(?:in[ \t]+|on[ \t]+)?(?:\d[\d/.-]*|[A-Z][a-z]+\.?)"
                        r"(?:[ \t]+(?:\d{1,4}|[A-Z][a-z]+\.?)){0,2})?|deceased|dec(?:'|’)?d|dec\.)[ \t]*\)")
ASIDE_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _died_aside(ex, no_later) -> list[Event]:
    """The death noted in brackets after a name ("Auntie Pat (d. 2019)", "Uncle Tony (deceased)"): of the year it gives,
    else no later than the entry (a year after the entry's is none)."""
    out = []
    top = int(ex.at[:4]) if ex.at else None
    for p, person in enumerate(ex.people):
        if person.narrator:
            continue
        for m in person.mentions:
            aside = DIED_ASIDE.match(ex.text, m.end) if m.kind in ("name", "title", "role") else None
            if aside is None:
                continue
            year = ASIDE_YEAR.search(aside.group(0))
            if year and top is not None and int(year.group(1)) > top:
                continue
            lo, hi = (f"{year.group(1)}-01-01", f"{int(year.group(1)) + 1:04d}-01-01") if year else (None, no_later)
            out.append(Event("death", [p], m.start, aside.end(), lo, hi, confidence=CONFIDENCE["notice"],
                             date_confidence=0.95 if year else 0.0, date_how="sentence:aside" if year else None))
    return out


BORN_LABEL = re.compile(r"^[ \t>*-]*(?:DOB|D\.O\.B\.?|date of birth|born)[ \t]*[:\-–][ \t]*", re.I | re.M)


def _born_on_a_form(ex, times) -> list[Event]:
    """A date of birth on a form or a list ("Resident: Dennis Dawson / DOB: 23/05/1938"): the birth of the
    person named on that line or one of the three before it (the nearest)."""
    out = []
    for m in BORN_LABEL.finditer(ex.text):
        tm = next((x for x in times if x.start == m.end()), None)
        if tm is None or (dt.date.fromisoformat(tm.hi[:10]) - dt.date.fromisoformat(tm.lo[:10])).days != 1:
            continue
        top = m.start()
        for _ in range(3):
            top = ex.text.rfind("\n", 0, max(0, top - 1)) + 1
            if top == 0:
                break
        named = [(mn.start, p) for p, person in enumerate(ex.people) for mn in person.mentions
                 if mn.kind == "name" and top <= mn.start < ex.text.find("\n", m.start()) % (len(ex.text) + 1)]
        if not named:
            continue
        who = max(named)[1]  # the nearest before the date (or on its line)
        line_end = ex.text.find("\n", tm.end)
        out.append(Event("birth", [who], m.start(), len(ex.text) if line_end < 0 else line_end, tm.lo, tm.hi,
                         confidence=CONFIDENCE["form"], date_confidence=tm.confidence, date_how=f"sentence:{tm.kind}"))
    return out


def _active(t) -> bool:
    """Is the verb in the active voice with a name for its object: "he murdered Sweet Caroline" (not "he
    was killed", "you killed your grandson")?"""
    kids = list(t.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    # "you killed your grandson", "killed himself": said of a person as a person; a name is what a song has
    # too (and the parser may miss the subject: "Tom from work murdered Mr Blue Sky")
    return bool(objects) and all(c.pos_ == "PROPN" for c in objects)


def _born_of_a_place(t) -> bool:
    """Is "born" an adjective of where someone is from ("Rhondda born", "Cardiff born and bred"): no
    "was" or "is", and neither when nor where ("born at 3.12 this morning", "born in '46")?"""
    kids = list(t.children)
    if any(c.dep_ in ("aux", "auxpass") for c in kids) or t.dep_ in ("ROOT",) and any(c.dep_ == "nsubjpass" for c in kids):
        return False
    if any(c.dep_ in ("prep", "npadvmod", "advmod", "tmod") for c in kids):
        return False
    return any(c.dep_ in ("cc", "conj") for c in kids) or t.i + 1 >= len(t.doc) or t.nbor(1).is_punct


def _life_event(t, kind) -> bool:
    """Is a move, a start or a job the life event: moving house or country ("moved to Bristol", "moving in
    together", "emigrated"), a new job ("started a new job", "starting at Swansea University", "got the
    job", "his first day at the depot")?"""
    lemma = t.lemma_.lower()
    words = {c.lower_ for c in t.children} | {c.lemma_.lower() for c in t.children}
    if kind == "moving" and lemma == "move":
        if t.pos_ == "VERB" and (any(c.dep_ == "dobj" and _a_thing(c) and c.lemma_.lower() not in MOVED for c in t.children)
                                 or _to_a_feeling(t)):
            return False  # "moved the sofa into the back room", "moved the meeting to Thursday", "was moved to tears"
        if t.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ROOMS and any(d.lower_ in ("the", "our", "my", "his", "her", "their", "your")
                                                                      for d in g.children) for g in c.children) for c in t.children):
            return False  # "Mam has moved into the spare room", "moved to the front bedroom": a room of the same home
        return t.pos_ != "VERB" and any(c.dep_ == "poss" for c in t.children) or t.pos_ == "VERB" and bool(words & MOVE_WORDS)
    if kind == "moving" and lemma == "shift":
        return t.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
            g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lemma_.lower() in MOVED) for g in c.children) for c in t.children)
    if kind == "retirement" and t.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ in ("to", "for", "into") and any(g.dep_ == "pobj" and g.lemma_.lower() in ROOMS
                                                                           for g in c.children) for c in t.children):
        return False  # "retired to bed", "retired for the night", "retired to the lounge" (not "retired to Spain")
    if kind == "parting" and lemma == "separate" and t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and _a_thing(c) for c in t.children):
        return False  # "separated the eggs", "separated the whites" (not "separated from Dave", "we separated")
    if kind == "job" and lemma == "start":
        return bool(words & JOB_WORDS) or any(c.dep_ == "prep" and c.lower_ in ("at", "with") and any(
            g.pos_ == "PROPN" or g.dep_ == "pobj" and g.lemma_.lower() in WORKPLACES for g in c.subtree)
            for c in t.children)  # "at Tesco", "at Horsforth library", "at the hospital in Middlesbrough"
    if kind == "job" and lemma == "job":
        if any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in ("hand", "hands") for g in c.children)
               for c in t.children):
            return False  # "a new job on his hands": a task
        return any(c.lower_ in ("new", "first") for c in t.children) or t.head.lemma_.lower() in ("get", "land", "start", "accept", "offer") or (
            t.dep_ == "dobj" and t.head.lower_ in GOT)  # "Got the job." (lemmatised as itself)
    if kind == "illness" and lemma == "attack":
        return any(c.lower_ in ("heart", "panic") and c.dep_ in ("compound", "amod") for c in t.children)
    return True


# What one moves when one moves house: "moved house", "moved countries", "moved flats" (any other object is a thing moved)
MOVED = HOMES | {"house", "houses", "home", "homes", "country", "countries", "city", "cities", "town", "towns", "flats",
                 "continent", "continents", "school", "schools", "job", "jobs", "area", "address"}
# Rooms and beds one retires to for the night (not a place one retires to for good)
ROOMS = {"bed", "room", "bedroom", "lounge", "sofa", "couch", "study", "den", "kitchen", "garden", "tent", "cabin",
         "bar", "library", "night", "evening", "afternoon", "day", "drawing", "parlour", "parlor", "hammock", "quarters"}
# What one is moved to that is no place: a feeling or an act ("moved to tears", "moved to action")
FELT = {"tear", "tears", "pity", "anger", "rage", "action", "laughter", "despair", "compassion", "sympathy", "outrage", "speak",
        "write"}


def _a_thing(tok) -> bool:
    """Is a noun a thing, not a person: no name, no pronoun, no word for a person ("the sofa", not "Mum", "the kids")?"""
    word = tok.lower_
    return tok.pos_ == "NOUN" and tok.ent_type_ != "PERSON" and word not in KIN_NAMES and word not in ROLES and (
        tok.lemma_.lower() not in PERSON_NOUNS and word not in PERSON_NOUNS)


def _to_a_feeling(t) -> bool:
    """"was moved to tears", "moved by the speech", "moved to speak": a feeling, not a move."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in FELT or g.lower_ in FELT for g in c.children):
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in FELT:
            return True
        if c.dep_ == "agent" and any(c.dep_ == "auxpass" for c in t.children):
            return True  # "was moved by the speech" (not "was moved to a care home")
    return False


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


# Games one is killed at and lives: "got murdered at Monopoly", "killed me at darts" (one may die at the bingo)
GAMES = {"monopoly", "chess", "cards", "poker", "darts", "scrabble", "quiz", "trivia", "fifa", "fortnite", "uno", "cluedo",
         "minecraft", "paintball", "lasertag", "dominoes", "mahjong", "whist", "rummy", "backgammon", "charades", "pictionary",
         "wordle"}


def _figurative(t, kind) -> bool:
    """A death that is a figure of speech: dying of a feeling or laughing ("died of fright", "nearly died
    laughing"), dead to someone ("he's dead to me"), something killing someone now ("my feet are killing me",
    "which is killing me")."""
    if t.pos_ == "NOUN" and t.dep_ == "nsubj" and t.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() == "death" for c in t.head.children) and any(
            c.dep_ == "aux" and (c.lower_ in MODALS or c.lemma_.lower() in MODALS) for c in t.head.children):
        return True  # "my retirement will be the death of her": a retirement feared, not one told
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
        if any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in ("foot", "feet") for g in c.children)
               for h in holders for c in h.children):
            return True  # "she looked dead on her feet": tired
    if lemma == "die" and t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children):
        return True  # "Nain is dying", "im dying": not dead, not yet
    if lemma in ("kill", "murder") and t.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "'m", "’s", "’re", "’m") for c in t.children):
        return True  # "is killing me": a pain, not a death
    if lemma == "kill" and any(c.dep_ == "prt" and c.lower_ == "off" for c in t.children):
        return True  # "they killed off Dr Lennox": a character written out of a story
    if t.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in ("in", "on", "during") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in FICTION for g in c.children) for c in t.children):
        return True  # "he died in the film", "got killed in the game", "she dies on the show"
    if lemma in ("kill", "murder", "slaughter", "destroy") and any(c.dep_ == "prep" and c.lower_ in ("at", "in") and any(
            g.dep_ == "pobj" and g.lower_ in GAMES for g in c.children) for c in t.children):
        return True  # "Mia got murdered at Monopoly", "killed at darts"
    if lemma == "die" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pobj" and g.lower_ == "stage" and not any(d.dep_ == "det" for d in g.children) for g in c.children)
            for c in t.children):
        return True  # "Frank died on stage at the comedy club": no one laughed
    if lemma == "die" and any(c.dep_ == "dobj" and any(g.lemma_.lower() in DYED for g in c.subtree) for c in t.children):
        return True  # "Mum died her hair" (dyed)
    if lemma == "death" and t.dep_ in ("attr", "nsubj") and t.head.lemma_ == "be" and any(
            c.dep_ == "aux" and (c.lower_ in MODALS or c.lemma_.lower() in MODALS or c.lower_ == "to") for c in t.head.children):
        return True  # "my retirement will be the death of her", "that dog'll be the death of me"
    if lemma == "death" and t.dep_ == "pobj" and t.head.lower_ in ("like", "as"):
        return True  # "looked like death warmed up"
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
    ages += _age_on_time(t)  # "Grandpa would've been 90 today": the parser takes 90 for a count of the day
    if not ages or any(c.dep_ == "neg" for c in t.children):
        return none
    number = ages[0]
    age = parse_number(" ".join(w.text for w in number.subtree if w.pos_ == "NUM" or w.text == "-").replace(" - ", "-"))
    today = any(c.lower_ == "today" for c in t.children)
    return [owner[c.i] for c in t.children if c.dep_ == "nsubj" and c.i in owner], age, today


ORDINAL_AGE = re.compile(r"(\d{1,3})(?:st|nd|rd|th)$", re.I)


def _age(t, owner, times):
    """A birthday told by the age someone turns on a day or in a month: "Tom turns 40 today", "Elin is two
    today!", "she's sixty in March", "Jackie's 50th tonight": born that day (or month), so many years
    before. Not an age they would have reached ("would have been 80": `_late`), nor one said with no
    time ("he was fifteen"). Returns ([person], lo, hi, confidence) or None."""
    if not times or times[0].hi is None:
        return None
    span = (dt.date.fromisoformat(times[0].hi[:10]) - dt.date.fromisoformat(times[0].lo[:10])).days
    if span > 31:
        return None
    lemma = t.lemma_.lower()
    birthday = any(x.lemma_.lower() in ("birthday", "bday") for x in t.sent)
    if lemma in ("be", "turn") and t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT":
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ not in ("will", "'ll", "’ll", "is", "'s", "’s") for c in kids):
            return None  # "would be", "might turn", "isn't": not a birthday told
        if t.tag_ in ("VBD", "VBN") and lemma != "turn":
            return None  # "he was fifteen in 1990": an age then, not a birthday
        who = [owner[c.i] for c in kids if c.dep_ == "nsubj" and c.i in owner]
        # an age is a number alone: not "the only one", "one of them"
        # ("turned fifteen": the parser's acomp or advmod after "turn"; never a number that is the time: "turned 18 yesterday, 10/12")
        # ("Fin is eighteen today": the parser's acomp after "be" too)
        nums = [c for c in kids if c.pos_ == "NUM" and (c.dep_ in ("attr", "dobj", "npadvmod") or c.dep_ == "acomp" or c.dep_ == "advmod" and lemma == "turn")
                and not any(tm.start <= c.idx < tm.end for tm in times) and not any(
            g.dep_ in ("det", "amod", "prep", "advmod") or g.dep_ == "compound" and g.pos_ != "NUM" for g in c.children)]
        nums = nums or _age_on_time(t)  # "Zoe turns 5 saturday!!"
        sure = CONFIDENCE["age"]
    elif ORDINAL_AGE.match(t.text) and t.dep_ == "amod":
        who = [owner[c.i] for c in t.head.children if c.dep_ == "poss" and c.i in owner]  # "Jackie's 50th tonight"
        nums = [t]
        sure = CONFIDENCE["age"] if birthday else CONFIDENCE["ordinal"]
    else:
        return None
    if len(who) != 1 or len(nums) != 1 or not _governs(t if t.pos_ in ("VERB", "AUX") else t.head, times[0]):
        return None
    n = ORDINAL_AGE.match(nums[0].text)
    years = int(n.group(1)) if n else parse_number(
        " ".join(w.text for w in nums[0].subtree if w.pos_ == "NUM" or w.text == "-").replace(" - ", "-"))  # "eighty-one"
    if not years or not 0 < years < 120:
        return None
    lo = dt.date.fromisoformat(times[0].lo[:10])
    hi = dt.date.fromisoformat(times[0].hi[:10])
    return who, _years_before(lo.isoformat(), years), _years_before(hi.isoformat(), years), sure


def _own_age(t, me, times):
    """A sentence that is only an age and its day, "Forty-four today.", "Sixty today!", "Fifty-eight yesterday.": in a
    diary the writer's birthday (in a chat the speaker's), so many years before that day. ([me], lo, hi, confidence) or
    None. Read from the words, not the parse (which makes the age or the day the root, a number or an adjective)."""
    if me is None or t.dep_ != "ROOT":
        return None
    sent = t.sent
    days = [tm for tm in times if sent.start_char <= tm.start < sent.end_char]
    if len(days) != 1 or (dt.date.fromisoformat(days[0].hi[:10]) - dt.date.fromisoformat(days[0].lo[:10])).days != 1:
        return None
    words = [x for x in sent if not x.is_space and not days[0].start <= x.idx < days[0].end
             and not (x.is_punct and x.text != "-")]
    said = "".join(x.text_with_ws for x in words).strip()
    parts = re.split(r"[- ]", said.lower())
    years = parse_number(said) if said.isdigit() or said and all(w in NUMBERS or w in TENS for w in parts) else None
    if not years or not 0 < years < 120:
        return None  # "Forty-four today and feeling it", "Two more today" (not one number)
    return [me], _years_before(days[0].lo[:10], years), _years_before(days[0].hi[:10], years), CONFIDENCE["age"]


def _governs(head, tm) -> bool:
    """Is the time said of `head`'s own clause: "Tom turns 40 today" (not "Pop is 75 and told a story at
    Christmas", whose time is the telling's)?"""
    span = head.doc.char_span(tm.start, tm.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.i != head.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _one_day_of(t, times) -> str | None:
    """The one day told in the clause of `t` ("on Tuesday", "on the 3rd"), if there is one."""
    days = [tm for tm in times if (dt.date.fromisoformat(tm.hi) - dt.date.fromisoformat(tm.lo)).days == 1
            and (span := t.doc.char_span(tm.start, tm.end, alignment_mode="expand")) is not None and _clause(span.root) == _clause(t)]
    return days[0].lo if len(days) == 1 else None


def _years_before(day: str, years: int) -> str | None:
    """The same day `years` years before (28 February for a 29th with no leap year)."""
    d = dt.date.fromisoformat(day)
    if not 0 < years < 150:
        return None
    try:
        return d.replace(year=d.year - years).isoformat()
    except ValueError:
        return d.replace(year=d.year - years, day=28).isoformat()


def _remembered(t, sent) -> bool:
    """Is the question one of remembering ("Do you remember the spring you retired?"), whose event is told as
    having happened, not asked about?"""
    root = sent.root
    return root.lemma_.lower() in ("remember", "recall", "forget") and t.i != root.i and root in t.ancestors


def _clause(tok) -> int:
    """The verb heading the clause that holds `tok` (or the sentence's root)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _clause_first(t, times):
    """The times of a sentence, those said in the trigger's own clause first: "Alf, who I met in 1979, died on
    Friday" is dated by "on Friday", not by the first date in the sentence."""
    if len(times) < 2:
        return times
    doc, head = t.doc, _clause(t)
    mine = []
    for tm in times:
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is not None and _clause(span.root) == head:
            mine.append(tm)
    return mine + [tm for tm in times if tm not in mine] if mine else times


# Words a time said alone may come with: "Twenty-one years ago now.", "1987, or about then."
ALONE = {"now", "then", "about", "around", "roughly", "nearly", "almost", "exactly", "or", "so", "it", "was", "'s", "’s",
         "that", "already", "just", "like", "maybe", "well", "oh", "be", "would", "'d", "’d", "have", "ago", "gosh", "god"}


def _time_only(sent, times, turn) -> bool:
    """Is the sentence only a time ("Twenty-one years ago now.", "1987."), in the same paragraph (or chat turn) as the
    sentence before it?"""
    doc = sent.doc
    if re.search(r"\n[ \t]*\n", text_of(doc)[doc[sent.start - 1].idx:sent.start_char]):
        return False
    if turn is not None and not turn[0] <= sent.start_char < turn[1]:
        return False
    mine = [tm for tm in times if sent.start_char <= tm.start < sent.end_char]
    if not mine or any(_dateline(text_of(doc), tm) for tm in mine):
        return False  # a date on a line of its own dates what follows it, not what is before
    rest = [x for x in sent if not x.is_punct and not x.is_space and not any(tm.start <= x.idx < tm.end for tm in mine)]
    if all(x.lower_ in ALONE for x in rest):
        return True
    first = next((x for x in sent if not x.is_punct and not x.is_space), None)
    if first is not None and mine[0].start <= first.idx < mine[0].end and re.search(r"\d{4}|['’]\d\d\b", mine[0].text) and not any(
            x.pos_ in ("VERB", "AUX") for x in sent):
        return True  # "Remember when Mark was born? The 2nd of May 1979, the hottest day of the year.": a date and what it was like
    # "It was 1969, the hottest June in years.", "That was the spring of 2000.": a time said of "it"
    root = sent.root
    return root.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "that", "this") for c in root.children) and any(
        (span := doc.char_span(tm.start, tm.end, alignment_mode="expand")) is not None and span.root.head.i == root.i for tm in mine)


def _years_today(before, sent, times, turn) -> list:
    """The time of a sentence that is only an anniversary counted to the entry's day ("Twenty-one years today.", "Ten years
    ago today."), just before `sent` in its paragraph (or chat turn): [that time], else []."""
    doc = sent.doc
    if re.search(r"\n[ \t]*\n", text_of(doc)[before.end_char:sent.start_char]) or not _time_only(before, times, turn):
        return []
    mine = [tm for tm in times if before.start_char <= tm.start < before.end_char]
    if len(mine) != 1 or not re.search(r"\b(?:years?|decades?)\s+(?:ago\s+)?today$", mine[0].text, re.I):
        return []
    return mine


CLOSING = {"closing", "completion", "completing", "close", "closes", "completes", "completion's", "closing's"}


def _closing_day(before, sent, times, turn, entry_day) -> list:
    """The one day to come of a house's closing or completion told in the sentence just before `sent`, in its paragraph (or
    chat turn), not before the entry's day: [that time], else []."""
    if re.search(r"\n[ \t]*\n", text_of(sent.doc)[before.end_char:sent.start_char]) or not any(
            w.lower_ in CLOSING for w in before):
        return []
    if turn is not None and not turn[0] <= before.start_char < turn[1]:
        return []
    mine = [tm for tm in times if before.start_char <= tm.start < before.end_char]
    if len(mine) != 1 or (dt.date.fromisoformat(mine[0].hi) - dt.date.fromisoformat(mine[0].lo)).days != 1 or (
            entry_day and mine[0].lo < entry_day):
        return []
    return mine


def _answered(ex, turn, times) -> list:
    """In a chat, the time a speaker gives when asked when ("Keisha and Dre split up" / "since when??" / "Like two
    weeks ago."): the time alone in their next turn, after a question of when from another speaker."""
    turns = sorted(ex.speakers)
    k = next((i for i, x in enumerate(turns) if x[0] == turn[0]), None)
    if k is None or k + 2 >= len(turns):
        return []
    ask, answer = turns[k + 1], turns[k + 2]
    question = ex.text[ask[0]:ask[1]].lower()
    if ask[2] == turn[2] or answer[2] != turn[2] or "?" not in question and not re.search(r"\bwhen\b", question):
        return []
    if not re.search(r"\b(?:when|since when|how long)\b", question):
        return []
    span = ex.doc.char_span(answer[0], answer[1], alignment_mode="expand")
    if span is None:
        return []
    sent = next(iter(span.sents), None)
    if sent is None:
        return []
    mine = [tm for tm in times if answer[0] <= tm.start < answer[1] and sent.start_char <= tm.start < sent.end_char]
    rest = [x for x in sent if not x.is_punct and not x.is_space and x.idx >= answer[0]
            and not any(tm.start <= x.idx < tm.end for tm in mine)]
    return mine[:1] if mine and all(x.lower_ in ALONE for x in rest) else []


# Events whose day is often told in the sentence after, of the same person: "Marcus got the job. He starts on the 25th"
NEXT_TOLD = {"job", "retirement", "moving", "marriage", "engagement"}
# ... by these verbs
NEXT_VERBS = {"start", "begin", "finish", "be", "leave", "move", "retire", "marry", "go", "fly"}  # "He goes on the fourth of June"


def _told_next(nxt, people, owner, times, text, turn):
    """The time of the sentence after an event told with none, when it says when that event is of the one it is about
    ("Marcus got the job at OhioHealth!!! He starts on the 25th", "Dad's retiring!!! His last day is 3/31") or is the
    day itself ("WE'RE MARRIED. yesterday was the best day of my life"), in the same paragraph or chat turn."""
    doc = nxt.doc
    if re.search(r"\n[ \t]*\n", text[doc[nxt.start - 1].idx:nxt.start_char]):
        return None
    if turn is not None and not turn[0] <= nxt.start_char < turn[1]:
        return None
    root = nxt.root
    if turn is not None:  # the parser may run a turn into the next: its root is the turn's own
        root = next((x for x in nxt if turn[0] <= x.idx < turn[1] and (x.dep_ == "ROOT" or not turn[0] <= x.head.idx < turn[1])), root)
    if root.lemma_.lower() not in NEXT_VERBS or any(c.dep_ == "neg" for c in root.children):
        return None
    mine = [tm for tm in times if nxt.start_char <= tm.start < nxt.end_char and not _dateline(text, tm)
            and (turn is None or turn[0] <= tm.start < turn[1])]
    if not mine:
        return None
    for c in root.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(tm.start <= c.idx < tm.end for tm in mine):
            return next(tm for tm in mine if tm.start <= c.idx < tm.end)  # "yesterday was the best day"
        holders = [c, *(g for g in c.children if g.dep_ == "poss")]  # "He starts", "His last day is"
        if any(owner.get(h.i) in people for h in holders):
            return mine[0]
    return None


ORDINALS = {w: i for i, w in enumerate(
    """zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth""".split())} | {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70}
# the names of wedding anniversaries
JUBILEES = {"silver": 25, "pearl": 30, "ruby": 40, "golden": 50, "gold": 50, "diamond": 60}


def _ordinal(text: str) -> int | None:
    """25 for "25th", "twenty-fifth" or "silver"."""
    w = text.lower()
    m = ORDINAL_AGE.match(w)
    if m:
        return int(m.group(1))
    if w in ORDINALS:
        return ORDINALS[w]
    if w in JUBILEES:
        return JUBILEES[w]
    tens, _, unit = w.partition("-")
    return TENS[tens] + ORDINALS[unit] if tens in TENS and unit in ORDINALS else None


def _words(tok) -> str:
    """A modifier with its own modifiers, hyphens closed up: "twenty-sixth" (parsed as "twenty", "-", "sixth")."""
    left = min(x.i for x in tok.subtree)
    return re.sub(r"\s*-\s*", "-", tok.doc[left:tok.i + 1].text)


def _anniversary(t, owner, times, writer, groups):
    """A wedding anniversary on a day ("Owen and I had our twenty-sixth wedding anniversary yesterday", "Mom and Dad's
    35th anniversary is Sunday"): a marriage that day, so many years before, of the pair whose it is. Not an anniversary
    of anything else ("the tenth anniversary of Dad's death"). Returns (people, lo, hi, date confidence) or None."""
    if t.lemma_.lower() != "anniversary" or t.pos_ != "NOUN" or not times:
        return None
    kids = list(t.children)
    if any(c.dep_ == "prep" for c in kids) or any(c.dep_ == "compound" and c.lemma_.lower() not in ("wedding",) for c in kids):
        return None  # "the anniversary of Dad's death", "our dating anniversary"
    n = next((n for c in kids if c.dep_ in ("amod", "nummod", "compound") and (n := _ordinal(_words(c)))), None)
    if not n or not 0 < n < 90:
        return None
    tm = times[0]
    if (dt.date.fromisoformat(tm.hi[:10]) - dt.date.fromisoformat(tm.lo[:10])).days > 31:
        return None
    poss = next((c for c in kids if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ in PLURAL_POSS:
        who = _theirs(t, owner, writer, groups)
    else:
        who = []
        pair = [t.head] if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.head.children) else []
        for x in [*pair, poss, *poss.conjuncts, *(g for g in poss.children if g.dep_ == "conj")]:  # "Mom and Dad's": parsed as
            # "Mom" and "Dad's anniversary"
            if x.i in owner and owner[x.i] not in who:
                who.append(owner[x.i])
    lo, hi = _years_before(tm.lo[:10], n), _years_before(tm.hi[:10], n)
    if not who or lo is None or hi is None:
        return None
    return who, lo, hi, round(tm.confidence * 0.9, 3)


def _host(tok) -> bool:
    """Is the person the one a move is "in with" ("moving back in with Aunt Lorna"), who does not move?"""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with":
        return False
    return any(c.lower_ == "in" and c.dep_ in ("prt", "advmod", "prep") and c.i < prep.i for c in prep.head.children)


def _after_greeting(people, via, owner, para, t=None) -> list[int]:
    """The people of a sentence the parser ran on from a greeting ("Dear Dad,\n\nCallum and Priya got engaged"): not the
    one greeted, but those it took for the greeted one's apposition (Callum and Priya), and the one greeted when the
    event's own words name them again ("Dearest Margaret,\n\nThree months since the day we lost you")."""
    out = []
    for p in people:
        tok = via.get(p)
        if tok is None or tok.idx >= para:
            out.append(p)
            continue
        again = next((c for c in (t.children if t is not None else ()) if c.idx >= para and owner.get(c.i) == p
                      and c.dep_ in PERSON_DEPS), None)
        if again is not None:
            out.append(p)
            via[p] = again
            continue
        for c in tok.children:
            if c.dep_ == "appos":
                for x in [c, *c.conjuncts]:
                    if x.i in owner and x.idx >= para and owner[x.i] not in out:
                        out.append(owner[x.i])
                        via[owner[x.i]] = x
    return out


def _writer(ex) -> int | None:
    """The entry's writer: the one "I" is (a letter's "you" may be marked narrator too, when it is all "you")."""
    said = next((i for i, p in enumerate(ex.people) if any(m.kind == "narrator" for m in p.mentions)), None)
    return said if said is not None else next((i for i, p in enumerate(ex.people) if p.narrator), None)


# Things an event leaves ("our wedding photos", "her wedding ring"): a time said of them is not the event's
KEEPSAKES = {"photo", "photos", "photograph", "picture", "album", "dress", "ring", "band", "video", "cake", "suit", "shoe",
             "veil", "hat", "bouquet", "invitation", "present", "gift", "list", "speech", "card", "tape", "dvd", "film"}


# Events of a couple: "we" in a letter to one's husband or wife is the two of them
COUPLE = {"marriage", "engagement"}


def _ours_long_ago(t, kind, people, writer, ex) -> bool:
    """Is the event the writer's and their partner's, told to that partner in a letter, in the past ("Dear Jean, we married
    on the 3rd of June", "I proposed at Christmas")?"""
    if kind not in COUPLE or writer is None or writer not in people or t.tag_ not in ("VBD", "VBN"):
        return False
    partner = _partner(ex, writer)
    return partner is not None and set(people) <= {writer, partner}


def _partner(ex, writer) -> int | None:
    """The one a letter is written to, by a name ("Dear Jean,", "My darling Jean"), who "we married" and "our
    wedding" take with the writer: not one greeted by a kin word ("Dear Dad,": "our wedding" is not Dad's)."""
    for i, p in enumerate(ex.people):
        if i != writer and any(m.kind == "addressee" for m in p.mentions):
            names = {n.lower() for n in (p.aliases | {p.name})}
            words = {w for n in names for w in n.split()}
            return None if words & set(KIN_NAMES) or any(m.kind == "title" for m in p.mentions) else i
    return None


def _after_label(t, owner, start, via) -> list[int]:
    """The people of a chat turn whose speaker's label the parser ran into its sentence ("Dan: Becca and Tariq are married!!":
    "Dan" the verb's modifier, the couple his apposition): those after the label, in the turn."""
    out: list[int] = []
    holders = [t, t.head] if t.pos_ == "ADJ" and t.dep_ in ("acomp", "oprd", "attr") else [t]
    for h in holders:
        for c in h.children:
            if c.idx >= start or c.dep_ not in ("npadvmod", "nsubj", "nsubjpass", "dep", "intj"):
                continue
            for a in (g for g in c.children if g.dep_ == "appos" and g.idx >= start):
                for x in [a, *a.conjuncts]:
                    if x.i in owner and owner[x.i] not in out and x.idx >= start:
                        out.append(owner[x.i])
                        via[owner[x.i]] = x
    return out


CLOCK = re.compile(r"\b(?:at|about|around|just after|just before)\s+(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:am|pm|a\.m\.|p\.m\.)?|(?:1[0-2]|0?[1-9])\s*"
                   r"(?:am|pm|a\.m\.|p\.m\.|o'clock)|(?:half|quarter|ten|five|twenty|twenty-five)\s+(?:past|to)\s+\w+)"
                   r"|\bin\s+the\s+(?:early|small|wee)\s+hours\b(?!\s+of\b)", re.I)


def _hour(t, turn) -> bool:
    """Is a birth or a death in a chat told with the hour it happened and in the past ("born at 4am", "died at ten past five"),
    the way news of the day is told as it happens?"""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children):
        return False
    span = [x for x in verb.subtree if turn[0] <= x.idx < turn[1]]
    if not span:
        return False
    doc = t.doc
    return CLOCK.search(text_of(doc)[span[0].idx:span[-1].idx + len(span[-1])]) is not None


def _years_married(t) -> int | None:
    """How many years a marriage told in the past lasted ("Fifty-nine years they were married", "they had been married for
    forty years"), or None."""
    if t.lemma_.lower() != "marry" or t.tag_ != "VBN" or not any(
            c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in ("had", "'d", "’d")) for c in t.children):
        return None
    spans = [c for c in t.children if c.dep_ == "npadvmod"] + [
        g for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    for x in spans:
        if x.lemma_.lower() == "year" and not any(c.lower_ in ("ago", "before", "after", "later") for c in x.children):
            words = " ".join(w.lower_ for w in x.subtree if w.i < x.i and w.dep_ in ("nummod", "compound", "punct"))
            n = parse_number(words.replace(" - ", "-"))
            if n is not None and 0 < n < 90:
                return n
    return None


def _died_lately(people, events, entry_day) -> str | None:
    """The day one of `people` died, told to the day within the month before the entry, or None."""
    start = (dt.date.fromisoformat(entry_day) - dt.timedelta(days=31)).isoformat()
    for ev in events:
        if ev.kind == "death" and not ev.negated and set(ev.people) & set(people) and ev.lo and ev.hi and (
                dt.date.fromisoformat(ev.hi) - dt.date.fromisoformat(ev.lo)).days == 1 and start <= ev.lo <= entry_day:
            return ev.lo
    return None


# Verbs of hearing or telling news: a time said of them dates the telling, not what is told
REPORTS = {"hear", "tell", "say", "find", "learn", "read", "ring", "call", "phone", "text", "write", "announce", "mention",
           "inform", "discover", "see", "email", "message", "report", "post", "break"}


def _of_the_telling(t, times) -> bool:
    """Is the first time said of a verb of hearing or telling whose clause holds the event (or that "as" hangs on it), not of
    the event's own clause ("Heard today that Mr Hughes has died", "Mum told me on Sunday that Des has retired")?"""
    if not times:
        return False
    span = t.doc.char_span(times[0].start, times[0].end, alignment_mode="expand")
    if span is None:
        return False
    head, own = t.doc[_clause(span.root)], _clause(t)
    return head.i != own and head.lemma_.lower() in REPORTS and (head in t.doc[own].ancestors or _aside(head, own))


# A relative clause on these tells when: "By the time we got there last night, he had died"
WHEN_NOUNS = {"time", "moment", "minute", "hour", "day", "night", "morning", "afternoon", "evening", "week", "weekend", "month",
              "year", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter"}


AT_AGE = re.compile(r"\b(at the age of|at|aged)\s+([a-z]+(?:-[a-z]+)?|\d{1,3})\b(?!\s*(?:am|pm|o'clock|[:.]\d))", re.I)


def _at_an_age(doc, found, before) -> None:
    """Date an event told at an age ("retired at sixty-five", "emigrated aged twenty") by the birth of the one it is of,
    told in the entry to the month or the day ("Grandad was born in May 1920 and ..."): from that birthday to the next."""
    births = [ev for ev in [*before, *found.values()] if ev.kind == "birth" and ev.lo and ev.hi and not ev.negated and (
        dt.date.fromisoformat(ev.hi[:10]) - dt.date.fromisoformat(ev.lo[:10])).days <= 31]  # (of a year: two years, not one)
    for i, ev in found.items():
        if i < 0 or ev.lo or ev.kind == "birth" or not births:
            continue
        verb = doc[i] if doc[i].pos_ in ("VERB", "AUX") else doc[i].head
        end = next((x.i for x in doc[verb.i + 1:verb.sent.end] if x.dep_ in ("cc", "conj") or x.pos_ == "VERB"), verb.sent.end)
        said = AT_AGE.search(doc[verb.i:end].text) if end > verb.i + 1 else None
        n = parse_number(said.group(2)) if said else None
        if n is None or not (13 <= n <= 110 or said.group(1).lower() != "at"):
            continue  # "died at ten" may be the hour
        born = [b for b in births if set(b.people) & set(ev.people)]
        if len(born) != 1:
            continue
        a, b = dt.date.fromisoformat(born[0].lo[:10]), dt.date.fromisoformat(born[0].hi[:10])
        lo, hi = _years_on(a, n), _years_on(b, n + 1)
        if ev.hi and lo >= ev.hi:
            continue  # past what the text bounds it by ("died aged 70" of one born in 1960, written in 2024)
        ev.lo, ev.hi = lo, min(hi, ev.hi or hi)
        ev.date_confidence, ev.date_how = 0.7, "age:birth"


def _years_on(d, n) -> str:
    try:
        return d.replace(year=d.year + n).isoformat()
    except ValueError:  # the 29th of February
        return (d.replace(year=d.year + n, day=28) + dt.timedelta(days=1)).isoformat()


def _relcl(tok):
    """The relative clause `tok` is in ("who I met in 1979"), or None."""
    for x in [tok, *tok.ancestors]:
        if x.dep_ == "relcl":
            return x
    return None


def _elsewhere(t, tm) -> bool:
    """Is the time said in a clause that tells something else, so it dates not the event `t`: a relative clause beside it
    ("Alf, who I met in 1979, died"), the main clause to one the event is told in ("On Saturday I went to see Nan, who had a
    stroke"), or a clause joined by "and" with a subject of its own ("I met Jen in 1999 and she married Rob")? A clause of
    the event's own noun ("Jen's wedding, which was on Saturday"), of the time's ("the summer that Dad died") or of a word of
    time ("By the time we got there last night, he had died") is its own."""
    doc = t.doc
    span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
    if span is None:
        return False
    head, own = doc[_clause(span.root)], doc[_clause(t)]
    if head.i == own.i or span.root.sent.start != t.sent.start or head.pos_ not in ("VERB", "AUX"):
        return False  # (a fragment joined to the sentence dates it: "the spring you retired? Twenty-one years ago now.")
    words = set(range(span.start, span.end))
    rel = _relcl(head)
    if rel is not None and rel.head.lemma_.lower() not in WHEN_NOUNS and own.i not in {x.i for x in rel.subtree} and rel.head.i != t.i and t.i not in {
            x.i for x in rel.head.subtree if x.i < rel.i}:
        return True
    rel = _relcl(own)
    if rel is not None and head.i not in {x.i for x in rel.subtree} and rel.head.i not in words and (
            rel.head.lemma_.lower() not in WHEN_NOUNS):
        return True
    for a, b in ((own, head), (head, own)):  # one clause joined to the other by "and", each with its own subject
        if a.dep_ == "conj" and a.head.i == b.i and any(c.dep_.startswith("nsubj") for c in a.children) and (
                a is head or span.start > head.i):
            return True
    return False


def _of_a_birth(t, tm) -> bool:
    """Is the time said in a clause of another's birth ("born in 1920"), not of the event `t`'s own?"""
    span = t.doc.char_span(tm.start, tm.end, alignment_mode="expand")
    head = t.doc[_clause(span.root)] if span is not None else None
    return head is not None and head.i != _clause(t) and head.lower_ == "born"


def _aside_time(t, times) -> bool:
    span = t.doc.char_span(times[0].start, times[0].end, alignment_mode="expand")
    return span is not None and _aside(t.doc[_clause(span.root)], _clause(t))


def _aside(head, own) -> bool:
    """Is `head` a telling "as" hangs on the event's clause ("As I wrote on Monday, Jo has been diagnosed", "as Mum said
    on Sunday"): its time is the telling's, of an illness too (the writer's writing is not the finding out)?"""
    return head.dep_ == "advcl" and head.head.i == own and head.lemma_.lower() in REPORTS and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in head.children)


# What is done days after a death, not years: its month or year is the death's, about
SOON_AFTER = {"funeral", "burial", "cremation", "bury", "cremate", "wake"}


def _soon_after(t) -> bool:
    return t.lemma_.lower() in SOON_AFTER or any(a.lemma_.lower() in SOON_AFTER for a in list(t.ancestors)[:3])


def _just_now(t) -> bool:
    """Is the event told in the present perfect with "just" ("Gran has just passed away", "Grandpa's just been diagnosed"):
    news of the moment it is written?"""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in aux) and any(
        c.dep_ == "advmod" and c.lower_ == "just" and not (c.i and c.doc[c.i - 1].lower_ == "not") for c in verb.children)


def _keys_home(t) -> bool:
    """Are the keys got a home's: "the keys" alone or to a house or flat ("the keys to the Edinburgh flat"), not "the car keys",
    "my keys back", "the keys to the van"?"""
    if any(c.dep_ in ("compound", "amod", "nmod") for c in t.children) or any(c.dep_ == "prt" or c.lower_ == "back" for c in t.head.children):
        return False
    if any(c.dep_ == "poss" and c.lower_ not in ("our", "the", "their", "my") for c in t.children):
        return False  # "got Mum's keys": hers, lent
    to = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "for") for g in c.children if g.dep_ == "pobj"]
    to += [g for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("to", "for") for g in c.children if g.dep_ == "pobj"]
    return all(g.lemma_.lower() in HOMES or g.pos_ == "PROPN" for g in to)


def _suggested(t, owner) -> bool:
    """Is "proposed" a suggestion: with a thing or a clause for its object ("proposed a toast", "a new rota", "that we all go",
    "going to the pub"), and no one proposed to? Only what is in its own paragraph counts (the parser may run a sentence
    across a blank line)."""
    if t.pos_ != "VERB":
        return False
    m = re.compile(r"\n[ \t]*\n").search(text_of(t.doc), t.idx)
    end = m.start() if m else len(text_of(t.doc))
    kids = [c for c in t.children if c.idx < end]
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.i in owner for g in c.children) for c in kids):
        return False  # "proposed to Kasia"
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") or c.dep_ == "dobj" and c.i not in owner and c.lemma_.lower() != "marriage"
               for c in kids)


def _officiant(t, owner) -> list[int]:
    """Who married two others ("I married Josh Meyer and Kayla Brandt", "the vicar married them"): one marries one person, so
    a subject whose object is two people joined by "and" is the one who wed them, not a spouse."""
    if t.lemma_.lower() not in ("marry", "wed") or t.pos_ != "VERB":
        return []
    objects = [c for c in t.children if c.dep_ == "dobj"]
    pair = [x for c in objects for x in [c, *c.conjuncts] if x.i in owner] if objects else []
    if len({owner[x.i] for x in pair}) < 2 and not any(c.lower_ == "them" for c in objects):
        return []
    return [owner[c.i] for c in t.children if c.dep_ == "nsubj" and c.i in owner]


def _said_yes(t, owner, me, groups) -> list[int]:
    """The one a proposal told with no one proposed to was made to: who "said yes" in the same sentence or the next, in
    the same paragraph ("Ravi proposed on Boxing Day, on the beach. She said yes before he'd finished the question"; "Geth
    proposed on Boxing Day ... and I said yes")."""
    if t.lemma_.lower() != "propose" or t.pos_ != "VERB" or any(
            c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "dobj" for c in t.children):
        return []
    doc = t.doc
    g = next((k for k, (s, e) in enumerate(groups) if s <= t.i < e), None)
    if g is None:
        return []
    end = groups[g + 1][1] if g + 1 < len(groups) and not re.search(r"\n[ \t]*\n", text_of(doc)[doc[groups[g][1] - 1].idx:doc[
        groups[g + 1][0]].idx]) else groups[g][1]
    out = []
    for x in doc[t.i + 1:end]:
        if x.lemma_.lower() == "say" and any(c.lower_ == "yes" for c in x.children):
            for c in x.children:
                if c.dep_ == "nsubj":
                    who = owner.get(c.i, me if c.lower_ == "i" else None)
                    if who is not None and who not in out:
                        out.append(who)
    return out


def _asked(t, owner) -> list[int]:
    """The two people of a proposal told as asking ("I asked Anya to marry me", "he asked her to marry him"): the one who asked
    and the one asked; none when it is not that."""
    if t.lemma_.lower() not in ("marry", "wed") or t.dep_ != "xcomp" or t.head.lemma_.lower() != "ask":
        return []
    who = [owner[c.i] for c in t.head.children if c.dep_ in ("nsubj", "dobj", "dative") and c.i in owner]
    return list(dict.fromkeys(who)) if len(set(who)) == 2 else []


MEAL = re.compile(r"\b(?:after|before|at|over|during)\s+(?:(?:the|our|their|his|her|my)\s+)?(?:christmas\s+|sunday\s+)?"
                  r"(?:breakfast|lunch|dinner|tea|supper|meal|pudding|dessert|speeches)\b", re.I)
TODAY = {"today", "tonight", "this morning", "this afternoon", "this evening"}
YESTERDAY = re.compile(r"yesterday(?: morning| afternoon| evening)?|last night")


def _of_today(t, ex, times, mine=False) -> str | None:
    """The day of an event a diary tells in the simple past with no time of its own, when it is the entry's day or the one
    before: its sentence told at a meal ("After dinner I asked Anya to marry me": the entry's day) or, someone else's, its
    paragraph's other sentences of today ("Went to the Bell tonight. Tom proposed to Kate.") or of yesterday, and of no
    other day ("Christmas Day at Mum's yesterday. Tom asked Amy to marry him after the pudding."). Not the writer's own
    beside "today" ("Today I found our wedding photos. We married at St Mary's": a memory), nor in a letter (one that greets
    someone), which tells what it likes of long before."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if t.dep_ == "xcomp" and t.head.lemma_.lower() == "ask":
        verb = t.head  # "I asked Anya to marry me"
    if verb.tag_ != "VBD" or any(m.kind == "addressee" for p in ex.people for m in p.mentions):
        return None
    sent, text = t.sent, ex.text
    lo = max((m.end() for m in re.finditer(r"\n[ \t]*\n", text[:sent.start_char])), default=0)
    hi = text.find("\n\n", sent.end_char)
    hi = len(text) if hi < 0 else hi
    near = [tm for tm in times if lo <= tm.start < hi]
    today = any(tm.text.lower() in TODAY for tm in near)
    days = {tm.lo for tm in near if (dt.date.fromisoformat(tm.hi) - dt.date.fromisoformat(tm.lo)).days == 1}
    said = [tm for tm in near if YESTERDAY.fullmatch(tm.text.lower())]
    if MEAL.search(sent.text):  # the meal of the day the paragraph tells
        return said[0].lo if said and not today and days == {said[0].lo} else ex.at[:10]
    if mine:
        return None
    return ex.at[:10] if today else None


DAY_NOUNS = {"today", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _age_on_time(t) -> list:
    """An age the parser hung on the day it is said of, as if a count of it: "turns 5 saturday", "would've been 90 today"."""
    return [g for c in t.children if c.dep_ in ("npadvmod", "tmod", "dobj", "attr") and c.lower_ in DAY_NOUNS
            for g in c.children if g.dep_ == "nummod" and g.pos_ == "NUM" and g.i == c.i - 1]


# Where one is lost for a while, not for ever: "we lost Mum at the market", "lost him in the crowd"
LOST_PLACES = {"crowd", "crowds", "market", "shop", "shops", "supermarket", "store", "mall", "centre", "center", "park", "fair",
               "funfair", "festival", "beach", "zoo", "station", "airport", "town", "woods", "wood", "forest", "maze", "museum",
               "concert", "queue", "car park", "carpark", "ikea", "fog", "dark", "house"}
# ... or for how long: "for twenty minutes"
WHILE = {"second", "minute", "hour", "moment", "while", "bit", "age", "ages", "afternoon", "morning", "day"}


def _lost_somewhere(t) -> bool:
    """Is one "lost" in a place one gets lost in, or for a while ("We lost Mum at Trinity Market for twenty minutes", "lost
    him in the crowd"), not lost to death?"""
    if t.lemma_.lower() != "lose":
        return False
    for c in t.children:
        if c.dep_ != "prep":
            continue
        objects = [g for g in c.subtree if g.dep_ in ("pobj", "compound") or g.i != c.i and g.pos_ in ("NOUN", "PROPN")]
        if c.lower_ == "for" and any(g.lemma_.lower() in WHILE for g in objects):
            return True
        if c.lower_ in ("at", "in", "round", "around", "near", "inside", "outside", "among", "on") and any(
                g.lemma_.lower() in LOST_PLACES or g.lower_ in LOST_PLACES for g in objects):
            return True
        if c.lower_ == "to" and objects and not any(
                NOUNS.get(g.lemma_.lower(), NOUNS.get(g.lower_)) in ("illness", "death", "injury") or g.lemma_.lower() in LOST_TO
                for g in objects):
            return True  # "We lost Bella to Australia", "lost Mum to the sales" (not "lost his wife to cancer")
    return False


# What one is lost to in a death: "lost him to the war", "to suicide", "to drink"
LOST_TO = {"war", "sea", "suicide", "overdose", "drugs", "drink", "addiction", "violence", "accident", "crash", "virus",
           "covid", "disease", "illness", "injury", "injuries", "fire", "flood", "famine", "plague", "pandemic"}


def _the_dead_again(ex, by_pronoun) -> None:
    """A death told only by "he" or "she" ("We laid him to rest at Oakwood") after the entry has told, by name, the death or
    funeral of one person of that sex ("Harold's service was this morning ... Kevin gave the eulogy"): the pronoun is the
    one who died, not the last man named. Only when that one is the only such person and their sex is known."""
    named = {}  # person -> where their death was first told by name
    for ev in ex.events:
        if ev.kind == "death" and not ev.negated and not any(ev is e for e, _ in by_pronoun):
            for p in ev.people:
                if p not in ev.agents:
                    named.setdefault(p, ev.start)
    for ev, pronoun in by_pronoun:
        sex = PRONOUN_SEX.get(pronoun.lower_)
        if sex is None or ev.negated or set(ev.people) & set(named):
            continue
        dead = [p for p, at in named.items() if at < ev.start and ex.people[p].gender == sex and not ex.people[p].narrator]
        if len(dead) == 1:
            ev.people = [p for p in ev.people if p in ev.agents] + dead


def _namesakes_unsure(ex) -> None:
    """A death told by a bare first name ("Jim died") that another person of the entry bears more fully ("Jim Kelly"), and
    whom the entry did not join to them, is perhaps: it may be the other's (not one the entry sets apart: "Not your
    Grandad Jim, my friend Jim")."""
    for ev in ex.events:
        if ev.kind != "death" or ev.negated or ev.confidence < UNSURE_ABOVE:
            continue
        for p in ev.people:
            if p in ev.agents or p >= len(ex.people):
                continue
            person = ex.people[p]
            names = {n for n in person.aliases | {person.name} if tokens(n)}
            if person.narrator or not names or any(full(n) for n in names):
                continue
            if any(q != p and not other.narrator and not (other.aliases | {other.name}) & person.apart and any(
                    full(o) and len(tokens(o)) > 1 and same_person(n, o) for n in names for o in other.aliases | {other.name})
                   for q, other in enumerate(ex.people)):
                ev.confidence = min(ev.confidence, NAMESAKE)
                break


def _lower_named_dropped(ex) -> None:
    """No death is read in a chat of one it names there only by a name typed in lower case, not a kin word ("lmao craig
    died"): such a name is read on evidence gathered over the days (people.chat_names), less sure than one capitalised,
    and a chat's "died" is often a joke: too little to say anyone died, or even perhaps did."""
    if not ex.speakers:
        return

    def lower_only(ev, p):  # named in the death only so (a pronoun besides: "craig ... he died")
        said = [m for m in ex.people[p].mentions if ev.start <= m.start < ev.end and m.kind == "name"] if p < len(ex.people) else []
        return bool(said) and not ex.people[p].narrator and all(
            ex.text[m.start:m.start + 1].islower() and ex.text[m.start:m.end].lower() not in KIN_ROLE for m in said)
    dropped = []
    for ev in ex.events:
        if ev.kind == "death" and any(p not in ev.agents and lower_only(ev, p) for p in ev.people):
            ev.people = [p for p in ev.people if p in ev.agents or not lower_only(ev, p)]
            if not [p for p in ev.people if p not in ev.agents]:
                dropped.append(id(ev))
    ex.events[:] = [ev for ev in ex.events if id(ev) not in dropped]


# Whose a kin word is, when not the writer's: "her Papa", "his Mum", "your Nan", "Neha's Papa"
OTHERS = re.compile(r"(?:\b(?:his|her|their|your|ur|yer)|\w(?:'s|’s|s'|s’))\s+$", re.I)


def _the_writer(ex, p) -> bool:
    """Is the person the one who writes: who says "I" in it, or the owner's "me" (not one written to as "you", whom
    narrator also marks when a letter speaks to them throughout: "You died on the 12th of November")?"""
    person = ex.people[p]
    return person.narrator and (any(m.kind == "narrator" for m in person.mentions) or person.name in ("me", ex.author))


def _no_god(person) -> bool:
    return re.sub(r"^the\s+", "", person.name.lower()) not in HEAVENLY


GREETING = re.compile(r"\A\s*(?:(?:my\s+)?(?:dear|dearest|darling)\s+)?", re.I)


def _greeted(ex) -> int | None:
    """The one a letter opens by greeting: a name or kin word first, a comma after it ("Mum,\n\n", "Dear Ma,",
    "Grandad, you taught me ..."), who is not the writer."""
    at = GREETING.match(ex.text).end()
    opens = len(ex.text) - len(ex.text.lstrip())
    for p, person in enumerate(ex.people):
        if person.narrator and not _greeted_addressee(person):
            continue
        for m in person.mentions:
            if m.start in (at, opens) and m.kind in ("name", "title", "role") and re.match(r"[ \t]*,", ex.text[m.end:]):
                return p
    return None


def _greeted_addressee(person) -> bool:
    """Is the person one a letter speaks to as "you" throughout (narrator marks them so), and not its writer?"""
    return any(m.kind == "addressee" for m in person.mentions) and not any(m.kind == "narrator" for m in person.mentions) and (
        person.name != "me")


def _others_kin_unsure(ex) -> None:
    """A death whose one dead is named in it only by a kin word someone else owns ("Her Papa passed away", "Neha's Mum
    died") is perhaps: that one's father or mother, not the one the writer calls so, though the word is the same name."""
    for ev in ex.events:
        if ev.kind != "death" or ev.negated or ev.confidence < UNSURE_ABOVE:
            continue
        for p in ev.people:
            if p in ev.agents or p >= len(ex.people) or ex.people[p].narrator:
                continue
            said = [m for m in ex.people[p].mentions if ev.start <= m.start < ev.end and m.kind in ("name", "title")]
            if said and all(ex.text[m.start:m.end].lower() in KIN_ROLE and OTHERS.search(ex.text[max(0, m.start - 40):m.start])
                            for m in said):
                ev.confidence = min(ev.confidence, NAMESAKE)


# Words said fondly of one's own before a kin word: "Poor Papa", "Dear Mum", "dear old Dad" (not another's kin)
FOND = {"poor", "dear", "dearest", "darling", "beloved", "sweet", "lovely", "old", "our", "my", "wee", "own"}


def _names(person) -> set[str]:
    return {w.lower() for n in person.aliases | {person.name} for w in n.split()}


def _bare_kin(v, person) -> bool:
    """Is the dead named by a kin word alone ("Dad", "my mum"), not by the name after it ("His mum Irene died")?"""
    if _relative(v) or v.tag_ == "WP" and v.head.dep_ == "relcl":
        v = v.head.head  # "Dad, who died before the wedding": Dad
    names = _names(person)
    return v.lower_ in KIN_ROLE and not any(
        c.dep_ in ("appos", "compound", "npadvmod") and c.i > v.i and c.pos_ == "PROPN" and c.lower_ in names for c in v.children) and not (
        v.i + 1 < len(v.doc) and v.doc[v.i + 1].pos_ == "PROPN" and v.doc[v.i + 1].lower_ in names)


def _quoted_kin(v, person, said) -> bool:
    """Is the dead named by a bare kin word in someone's quoted words, not the writer's own ('I told the vicar, "Dad
    died"': the verb the quote hangs on has "I" or "we" for its subject)?"""
    span = next(((s, e) for s, e in said if s <= v.idx < e), None)
    if span is None or not _bare_kin(v, person):
        return False
    teller = next((a for a in v.ancestors if not span[0] <= a.idx < span[1]), None)
    tellers = [teller] if teller is None or teller.dep_ != "conj" else [teller, teller.head]  # "We sat down and said"
    return teller is None or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for t in tellers for c in t.children)


def _said(ex) -> list[tuple[int, int]]:
    """Character spans of words quoted: in quotation marks, or on lines with "> " before them (Markdown, an email's
    reply): someone's words, or the writer's once, not the writer's now. In a chat, each message's own."""
    spans = []
    for s, e in [(s, e) for s, e, _ in ex.speakers] or [(0, len(ex.text))]:
        text = ex.text[s:e]
        spans += [(s + a, s + b) for a, b in quoted(text)]
        spans += [(s + m.start(1), s + m.end()) for m in re.finditer(r"(?m)^[ \t]*>+[ \t]?(.*)$", text)]
    return spans


def _anothers_kin(v, person) -> bool:
    """Is the dead named by a bare kin word that is another's: owned by someone not the writer ("Dad's Dad died", "Your
    Nana died", "Papa's Papa"), or set apart by a word before it that the person's names do not hold ("Bade Papa",
    "Chote Papa", "Big Mama": the elder or younger uncle, not Papa)? The same word, but maybe another person."""
    if not _bare_kin(v, person):
        return False  # "His mum Irene died": the name says who died
    names = _names(person)
    return any(c.dep_ == "poss" and c.lower_ not in WRITERS or c.dep_ in ("compound", "amod") and c.i < v.i and (
        c.text[:1].isupper() and c.lower_ not in FOND and c.lower_ not in names) for c in v.children)


def others_kin_word(ex, me) -> None:
    """A death told in a chat by the kin word the chat names a speaker by ("Papa": the owner `me`'s word for her
    father-in-law), by a teller who is not the owner, is perhaps: the teller's "Papa" is the teller's own father, who may
    be another man (to the owner's children, their father). With no owner known, whose word it is no one can say."""
    named = {sp.lower() for _, _, sp in ex.speakers if sp.lower() in KIN_ROLE and sp != me}
    if not named:
        return
    for ev in ex.events:
        if ev.kind != "death" or ev.negated or ev.confidence < UNSURE_ABOVE:
            continue
        turn = next((sp for s, e, sp in ex.speakers if s <= ev.start < e), None)
        if turn is None or turn == me:
            continue
        if any(p < len(ex.people) and p not in ev.agents and any(
                ev.start <= m.start < ev.end and ex.text[m.start:m.end].lower() in named for m in ex.people[p].mentions)
               for p in ev.people):
            ev.confidence = min(ev.confidence, NAMESAKE)


UNSURE_ABOVE = 0.9  # a death stated as fact (people.FACT)
NAMESAKE = 0.6  # a death that may be a namesake's: "perhaps"


# Where a pet is buried, not a person: "buried him in the garden", "under the apple tree", "in a shoebox"
PETS_GRAVES = {"garden", "yard", "backyard", "shoebox", "box", "flowerbed", "bed", "tree", "rose", "roses", "bush", "lawn",
               "patio", "shed", "hedge", "rockery", "allotment", "border", "veg", "vegetable", "bottom", "lilac", "shrub",
               "shrubbery", "hydrangea", "rhododendron", "orchard", "pond", "fence", "garage", "porch", "deck"}


# What one is buried in or under alive: "Dad's buried in work", "buried under emails", "buried her face in the pillow"
BURIED_IN = {"work", "paperwork", "email", "emails", "admin", "marking", "homework", "essay", "essays", "book", "books", "paper",
             "papers", "laundry", "washing", "snow", "sand", "blanket", "blankets", "duvet", "covers", "thought", "thoughts",
             "debt", "bill", "bills", "revision", "report", "reports", "file", "files", "box", "boxes", "toy", "toys", "leaves",
             "pillow", "pillows", "hands", "phone", "laptop", "job", "study", "studies", "grief", "exam", "exams", "mail",
             "post", "deadline", "deadlines", "coursework", "dissertation", "thesis", "project", "projects", "reading"}


def _buried_in_things(t) -> bool:
    """Is a burial in or under work, a book, the snow, a pillow ("Dad's buried in work this month", "buried under emails",
    "buried her face in the pillow"): no one's death?"""
    if t.lemma_.lower() != "bury":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("face", "head", "nose", "hatchet") for c in t.children) or any(
        c.dep_ == "prep" and c.lower_ in ("in", "under", "beneath") and any(
            g.dep_ == "pobj" and (g.lemma_.lower() in BURIED_IN or g.lower_ in BURIED_IN) for g in c.children)
        for c in t.children)


def _pets_grave(t) -> bool:
    """Is a burial in a garden, under a tree or in a shoebox: a pet's, whatever the pronoun ("We buried him in the garden by
    the shed", "bury her in the garden for you"): people are buried in churchyards and cemeteries?"""
    if t.lemma_.lower() != "bury":
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "under", "at", "by", "beside", "near") and any(
        g.lemma_.lower() in PETS_GRAVES for g in c.subtree if g.pos_ == "NOUN") for c in t.children)


ANIMALS = {"dog", "cat", "hamster", "rabbit", "bunny", "fish", "goldfish", "budgie", "parrot", "tortoise", "turtle", "pig",
           "puppy", "pup", "kitten", "horse", "pony", "gerbil", "mouse", "rat", "ferret", "chicken", "hen", "duck", "lamb",
           "snake", "lizard", "pet", "moggy", "cockapoo", "labrador", "spaniel", "terrier", "collie", "dachshund", "tabby"}


def _animal(tok) -> bool:
    """Is the name said with an animal's noun beside it: "Biscuit, our old cat,", "Biscuit the hamster", "our dog Biscuit"?
    Then its death or birth is a pet's, whatever the people layer made of the name."""
    return any(c.dep_ in ("appos", "compound") and c.lemma_.lower() in ANIMALS for c in tok.children) or (
        tok.dep_ in ("appos", "npadvmod", "compound") and tok.head.lemma_.lower() in ANIMALS) or any(
        s.dep_ == tok.dep_ and s.i == tok.i + 2 and s.lemma_.lower() in ANIMALS for s in tok.head.children)  # (parsed as two subjects)


def _wedded_to_a_thing(t, owner) -> bool:
    """Is one "married to" a thing, not a person ("Dave's married to his job", "married to the football")?"""
    if t.lower_ != "married":
        return False
    preps = [c for h in ([t, t.head] if t.dep_ in ("acomp", "oprd") else [t]) for c in h.children if c.dep_ == "prep" and c.lower_ == "to"]
    objects = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.i not in owner and g.pos_ == "NOUN" and g.lemma_.lower() not in PERSON_NOUNS for g in objects)


def _born_for(t) -> bool:
    """Is "born" said of what one is made for ("she was born for it", "born to run", "born ready", "born again")?"""
    if t.lower_ != "born":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
               or c.lower_ in ("ready", "again") and c.dep_ in ("advmod", "acomp", "oprd", "xcomp") for c in t.children)


# "gone" or "slipped away" in these words is a death: "went peacefully in his sleep", "slipped away peacefully"
PEACEFUL = {"peacefully", "painlessly"}
# ... and not with these, which say where one went: "slipped away from the party", "went to sleep"
AWAY_TO = {"from", "to", "into", "through", "out", "off", "past", "back", "home", "upstairs", "downstairs", "inside", "outside",
           "early", "for", "with", "towards", "toward", "onto", "up", "down", "round", "across", "over"}


def _peaceful(t) -> bool:
    """Is a going said with the words of a death: "peacefully", "in his sleep"?"""
    return any(c.lower_ in PEACEFUL and c.dep_ == "advmod" or c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() == "sleep" for g in c.children) for c in t.children)


def _gone(t) -> bool:
    """Is "went" or "slipped away" a death: slipping away with nowhere it was to or from ("He slipped away at about ten past
    six"), or going peacefully, in one's sleep ("She went peacefully in her sleep")? Not "went to sleep", "slipped away
    from the party", "went in his sleep to the bathroom"."""
    lemma = t.lemma_.lower()
    if lemma not in ("go", "slip") or t.pos_ != "VERB":
        return False
    if any(c.lower_ in AWAY_TO and c.dep_ in ("prep", "advmod", "prt", "npadvmod") and not (lemma == "slip" and _beside(c))
           and not _line_before(c, t) for c in t.children):
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "oprd", "attr") or c.dep_ == "advcl" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.children):
        return False  # "went mad", "went to see her", "slipped the lead", "went peacefully to sleep on the sofa"
    if lemma == "slip":
        return any(c.lower_ == "away" and c.dep_ in ("advmod", "prt") for c in t.children)
    return _peaceful(t)


def _line_before(c, t) -> bool:
    """Is `c` on a line before the verb `t`'s: a header the parser ran into its sentence ("To: Iain\nSubject: Mum\n\nMum
    slipped away")?"""
    return c.i < t.i and "\n" in text_of(t.doc)[c.idx:t.idx]


def _left_us(t) -> bool:
    """Is "left us" a death: said with the words of one (peacefully, in one's sleep) in its own sentence or the words
    just after it ("Nana left us peacefully on Sunday", "Papa left us at 5:40 this morning. Peacefully, at home")? Not
    a leaving: "left us for a job in Dubai", "left us peacefully to get on with it"; nor "left us" alone."""
    if t.lemma_.lower() != "leave" or t.pos_ != "VERB" or [c.lower_ for c in t.children if c.dep_ == "dobj"] != ["us"]:
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "oprd", "dative") or c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           or c.lower_ in AWAY_TO and c.lower_ != "early" or c.dep_ == "prep" and c.lower_ in ("for", "with", "behind") for c in t.children):
        return False
    if _peaceful(t):
        return True
    after = [x for x in t.doc[t.sent.end:t.sent.end + 8] if not x.is_punct]
    return bool(after) and not any(x.pos_ in ("VERB", "AUX") for x in t.doc[t.sent.end:after[0].sent.end]) and (
        after[0].lower_ in PEACEFUL or [x.lower_ for x in after[:3]][:1] == ["in"] and any(x.lemma_.lower() == "sleep" for x in after[:4]))


# When one left us, said of a death: "this morning", "on Sunday", "ten years since ..."
LEFT_WHEN = {"morning", "night", "evening", "afternoon", "today", "yesterday", "tonight", "week", "month", "year", "ago",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _left_us_lately(t) -> bool:
    """Is "X left us" told with when, and nothing else ("Papa left us this morning", "ten years since Nanna left us"):
    a death, or a leaving (perhaps)? Not "left us for Leeds", "left us with the bill", "left us to it", "left us a note"."""
    if t.lemma_.lower() != "leave" or t.pos_ != "VERB" or [c.lower_ for c in t.children if c.dep_ == "dobj"] != ["us"]:
        return False
    if not any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in KIN_ROLE or c.lower_ == "you") for c in t.children):
        return False  # ("a year today since you left us": to the one a letter speaks to)
    if any(c.dep_ in ("xcomp", "ccomp", "oprd", "dative", "advcl", "acomp", "prt") or c.dep_ == "prep" and not (
            c.lower_ in ("on", "at", "in") and any(g.lemma_.lower() in LEFT_WHEN or g.pos_ == "NUM" for g in c.subtree))
           or c.lower_ in AWAY_TO for c in t.children):
        return False
    when = any(c.dep_ in ("npadvmod", "advmod", "prep") and any(g.lemma_.lower() in LEFT_WHEN or g.pos_ == "NUM" for g in c.subtree)
               for c in t.children)
    since = any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children)
    return when or since


def _us_left(t) -> bool:
    return _left_us(t) or _left_us_lately(t)


# What may stand beside a going that is a death: "since Cyril went", "since you went first", "since Dad went so suddenly"
WENT_BESIDE = {"nsubj", "mark", "punct", "aux", "neg", "cc", "conj"}
WENT_WHEN = {"year", "decade", "month", "today"}  # "Five years today since Cyril went": the count the parser hung on "went"
WENT_HOW = {"first", "suddenly", "so", "quietly", "finally", "peacefully"}
COUNTED = re.compile(r"\b(?:\d+|a|an|[a-z]+(?:-[a-z]+)?)\s+(?:years?|decades?|months?)\b|\bsince\s+(?:1[89]|20)\d\d\b", re.I)


def _went_since(t) -> bool:
    """Is it "since <someone> went", with nowhere gone to, said with so many years or months ("Five years today since
    Cyril went") or to the one a letter speaks to ("Dear Mum,\n\nSince you went the house is so quiet"): a death (perhaps
    unless an anniversary, `_a_year_today`)? Not "since you went to Spain", "since Dad went back to work", "went out"."""
    if t.lemma_.lower() != "go" or t.pos_ != "VERB" or t.tag_ != "VBD":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
        return False
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in KIN_ROLE or subject.lower_ in ("you", "he", "she")):
        return False
    for c in t.children:
        if c.dep_ == "dobj" and not any(x.dep_.startswith("nsubj") and x.i > t.i for x in t.head.children) and t.head.i > c.i:
            continue  # "Since you went the house has been so quiet": the main clause's subject, which the parser gave "went"
        if c.dep_ not in WENT_BESIDE and not (c.dep_ == "advmod" and c.lower_ in WENT_HOW) and not (
                c.dep_ == "npadvmod" and c.lemma_.lower() in WENT_WHEN):
            return False
    return subject.lower_ == "you" or COUNTED.search(t.sent.text) is not None


def _a_year_today(t) -> bool:
    """Is the going counted in years to this day ("Five years today since Cyril went", "It's a year today since you left
    us"): an anniversary, said of a death?"""
    clause = [t, *([t.head] if t.dep_ == "advcl" else [])]  # (the parser hangs the count on either)
    return any(c.lower_ == "today" for x in clause for c in x.children) and any(
        c.lemma_.lower() in ("year", "decade") for x in clause for c in x.children)


# "gone" said of someone in the words of a death: "Dad's long gone", "Stan had gone in the night". Bare, "gone" is a
# leaving far more often: of the tuning writers' half A, "Tasha's gone.", "now Callum's gone", "Bessie has gone." (a car)
GONE_BEFORE = {"'s", "’s", "is", "was", "has", "had", "'d", "’d", "been"}
GONE_BETWEEN = {"now", "sadly", "long", "been"}
NIGHT = {"night", "sleep", "chair", "bed"}


def _gone_who(t):
    """The one "gone" tells the death of (perhaps): the name or "he" or "she" before "'s", "is", "was", "had" when it is
    "long gone" ("Dad's long gone, but Mum still lives in the old house") or gone in the night, in one's sleep or chair
    ("Stan had gone in the night, in his chair"). None otherwise ("Mum's gone.", "gone to Spain", "already gone")."""
    doc = t.doc
    if t.lower_ != "gone" or t.pos_ not in ("VERB", "ADJ"):
        return None
    i = t.i - 1
    long = doc[i].lower_ == "long" if i >= 0 else False
    while i >= 0 and doc[i].lower_ in GONE_BETWEEN:
        i -= 1
    if i < 1 or doc[i].lower_ not in GONE_BEFORE:
        return None
    who = doc[i - 1]
    if not (who.pos_ == "PROPN" or who.lower_ in ("he", "she")):
        return None
    night = t.i + 3 < len(doc) and doc[t.i + 1].lower_ == "in" and doc[t.i + 2].lower_ in ("the", "his", "her", "their") and (
        doc[t.i + 3].lemma_.lower() in NIGHT)
    # "Abuelo's been gone since 2008", "Pop's been gone fourteen years", "since Ray's gone, two years in January": gone for
    # years, counted (not "Dad's been gone all week", "since Tasha's gone")
    counted = (doc[t.i - 1].lower_ == "been" or i >= 2 and doc[i - 2].lower_ == "since") and _years_counted(t.sent)
    return who if long or night or counted else None


# So many years, or since a year: "fourteen years", "a year", "since 2008"
YEARS_COUNTED = re.compile(r"\b(?:(?:\d+|a|an|[a-z]+(?:-[a-z]+)?)\s+(?:years?|decades?)|since\s+(?:1[89]|20)\d\d)\b", re.I)


def _years_counted(span) -> bool:
    """Does the span count years ("two years in January", "since 2008"; not "over the years")?"""
    return any(m.group(0).split()[0].lower() not in ("the", "those", "these", "some", "other", "school", "early", "later")
               for m in YEARS_COUNTED.finditer(span.text))


def _at_peace(t) -> bool:
    """Is it "<someone> is at peace now", nothing else said ("Aunt Ivy is at peace now"; not "at peace with it")?"""
    kids = list(t.children)
    peace = [c for c in kids if c.dep_ == "prep" and c.lower_ == "at" and [g.lower_ for g in c.children] == ["peace"]]
    return bool(peace) and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in ("he", "she")) for c in kids) and any(
        c.lower_ == "now" for c in kids) and not any(c.dep_ not in ("nsubj", "prep", "advmod", "punct") or c.dep_ == "prep" and (
            c.i != peace[0].i) or c.dep_ == "advmod" and c.lower_ not in ("now", "finally") for c in kids)


# A Mass said for one who died: "Mam's anniversary Mass for Daddy", "a memorial Mass", "a requiem Mass"
MASSES = {"anniversary", "memorial", "requiem", "remembrance", "funeral"}
def _wedding_mass(t) -> bool:
    """Is an anniversary Mass a wedding's: of a couple ("Mum and Dad's", "their", "our"), or of so many years ("40th",
    "golden wedding")?"""
    kids = [g for c in t.children if c.dep_ in ("compound", "amod", "poss", "nummod") for g in (c, *c.children)]
    return any(c.dep_ == "poss" and (c.lower_ in PLURAL_POSS or any(g.dep_ == "conj" for g in c.children)) for c in kids) or any(
        c.pos_ == "NUM" or c.lemma_.lower() in JUBILEES or c.lower_ == "wedding" or _ordinal(c.text) for c in kids)


# Those one goes to rest with: "gone to rest with his fathers", "gone to join the ancestors"
ANCESTORS = {"fathers", "forefathers", "ancestors", "forebears"}
JOINED = ANCESTORS | {"saints", "lord", "jesus", "christ", "god", "maker"}  # whom one joins in dying


# Whom one goes to be with, where one goes, in the words of faith: "went to be with the Lord", "went home to Jesus",
# "passed into glory", "entered into rest", "is with God now", "went to meet his Maker"
HEAVENLY = {"lord", "jesus", "god", "christ", "saviour", "savior", "angels", "maker"}
HEAVEN = {"heaven", "glory", "paradise"} | HEAVENLY
# "entered into rest", "entered eternal life", "entered the Church Triumphant"
AT_REST = {"rest", "glory", "heaven", "paradise", "life"}


def _heavenward(t) -> bool:
    """Is it a death in the words of faith: "Mom went to be with the Lord", "went home to Jesus", "went to heaven",
    "went to meet his Maker", "passed into glory", "entered into rest", "entered the Church Triumphant", "is with the Lord
    now", "is in heaven", "was called home", "joined the Lord", "slept in the Lord" (not "called home from school", nor
    "called home by her mum", "joined the Lions")?"""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lemma not in ("go", "pass", "enter", "call", "be", "promote", "join", "sleep"):
        return False
    kids = list(t.children)

    def objects(prep_words, words):  # "heaven", "glory", "paradise" in small letters: "went to Heaven" may be a club
        return any(c.dep_ == "prep" and c.lower_ in prep_words and any(
            g.dep_ == "pobj" and g.lower_ in words and (g.lower_ in HEAVENLY or g.text.islower()) for g in c.children) for c in kids)

    def with_the_lord(verb):  # "(went) to be with the Lord"
        return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "be" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and any(
            p.dep_ == "prep" and p.lower_ == "with" and any(g.dep_ == "pobj" and g.lower_ in HEAVENLY for g in p.children)
            for p in c.children) for c in verb.children)

    if lemma == "go":
        home = [c for c in kids if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod")]
        return with_the_lord(t) or objects(("to",), HEAVEN) or any(  # "has gone home to glory": "to" hung on "home"
            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ in HEAVEN and (
                g.lower_ in HEAVENLY or g.text.islower()) for g in c.children) for h in home for c in h.children) or any(  # "went to her reward", "gone to his eternal reward"
            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "reward" and any(
                o.dep_ == "poss" and o.lower_ in ("his", "her", "their") for o in g.children) for g in c.children)
            for c in kids) or any(  # "went home to the Lord", "went to heaven"
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("rest", "join", "sleep", "be") and any(
                g.lower_ in ANCESTORS for g in c.subtree) for c in kids) or any(  # "gone to rest with his fathers"
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "meet" and any(
                g.dep_ == "dobj" and g.lower_ == "maker" for g in c.children) for c in kids)  # "went to meet his Maker"
    if lemma == "pass":
        return objects(("into", "to"), HEAVEN)  # "passed into glory"
    if lemma == "join":  # "joined the Lord", "has joined her ancestors", "joined the angels" (not "joined the Angels": a team)
        return any(c.dep_ == "dobj" and (c.lower_ in JOINED or c.text == "angels") for c in kids)
    if lemma == "sleep":  # "has slept in the Lord", "fell asleep in Christ" (not "slept in the Lord's house")
        return objects(("in",), {"lord", "jesus", "christ"}) and not any(
            g.dep_ == "poss" for c in kids if c.dep_ == "prep" for p in c.children for g in p.children)
    if lemma == "promote":
        return objects(("to",), {"glory"})  # "was promoted to Glory" (the Salvation Army's words)
    if lemma == "enter":
        return objects(("into",), AT_REST) or any(c.dep_ == "dobj" and (c.lower_ in ("glory", "heaven", "paradise", "triumphant") or any(
            g.lower_ in ("eternal", "everlasting", "triumphant") for g in c.children)) for c in kids)
    if lemma == "call":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        home = [c for c in kids if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "prt", "dobj", "oprd")]
        away = any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("from", "by", "for", "about") or c.dep_ in (
            "advcl", "xcomp") and not with_the_lord(t) for c in [*kids, *(g for h in home for g in h.children)])
        # "called home from school", "by his wife", "to help with the harvest", "because Mum was ill"
        return passive and home and not away or passive and (with_the_lord(t) or objects(("to",), HEAVEN))
    # "is with the Lord now" (not "is in heaven", said of bliss as often: "Bill is in heaven when he eats chips")
    return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in kids) and objects(("with",), HEAVENLY - {"maker"})


WARS = {"war", "front", "trenches", "battle", "fighting", "frontline"}


def _never_back(t) -> bool:
    """Is a homecoming that never came a death: "my Uncle Harry never came home from the war", "didn't come back from the
    front"? Not "never came back from Australia" (a move)."""
    if t.lemma_.lower() != "come" or t.pos_ != "VERB":
        return False
    kids = list(t.children)
    back = [c for c in kids if c.lower_ in ("home", "back") and c.dep_ in ("advmod", "npadvmod", "prt")]
    return any(c.dep_ == "neg" and c.lower_ in ("never", "n't", "not", "n’t") for c in kids) and bool(back) and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and g.lemma_.lower() in WARS for g in c.children)
        for c in [*kids, *(g for b in back for g in b.children)]) and not any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in kids)


def _a_little(c) -> bool:
    """Is the object a measure of a time ("passed a little after four", "a bit before midnight"), not a thing passed?"""
    return c.dep_ == "dobj" and c.lower_ in ("little", "bit") and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in (
        "after", "before", "past")


def _at_the_side(prep) -> bool:
    """Is "beside" the end of a "with" phrase ("passed ... with Bev beside him": who was there), not a place passed by?"""
    before = prep.doc[prep.i - 1] if prep.i else None
    return prep.lower_ == "beside" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "with" and (
        before.head.head.i == prep.head.i)


DREAMS = {"dream", "nightmare", "dreamt", "dreamed"}
WAKING = {"wake", "woke", "awake", "awoke", "woken"}


def _a_dream(x) -> bool:
    """Is it a dream had in sleep ("Bad dream last night.", "Horrible dream last night: ...", "I had a nightmare", "I dreamt
    about Dad", "Dreamt that ..."), not one hoped for ("Mum always dreamed of going to Rome", "her dream was Rome", "a dream
    holiday")?"""
    if x.pos_ == "NOUN":
        after = x.doc[x.right_edge.i + 1] if x.right_edge.i + 1 < len(x.doc) else None
        return x.dep_ == "ROOT" or x.dep_ == "dobj" and x.head.lemma_.lower() == "have" or (
            after is not None and after.text in (":", "-", "–", "—"))  # a heading: "Horrible dream last night: ..."
    if x.pos_ != "VERB" and x.lower_ not in ("dreamt", "dreamed"):  # (a diary's "Dreamt that ..." the parser takes for a name)
        return False
    return not any(c.lower_ in ("always", "never", "once", "often") or c.dep_ == "prep" and c.lower_ == "of" for c in x.children)


def _dreamt(t, times=()) -> bool:
    """Is the event told after a dream is, earlier in its paragraph, and before any waking, in a sentence with no time of its
    own: "Bad dream last night. Carol had died and I was trying to find the hymn numbers for her funeral. I woke up with my
    heart pounding" (not "I dreamt of Dad last night. He died in 2010")?"""
    doc = t.doc
    start = max((m.end() for m in re.finditer(r"\n[ \t]*\n", text_of(doc)[:t.idx])), default=0)
    first = t.sent.start
    for _ in range(3):  # the sentence itself and up to three before it
        if first == 0 or doc[first - 1].sent.start_char < start:
            break
        first = doc[first - 1].sent.start
    seen = None  # the dream word last seen
    for x in doc[first:t.i]:
        if x.idx < start:
            continue
        if (x.lower_ in DREAMS or x.lemma_.lower() in DREAMS) and _a_dream(x):
            seen = None if any(c.dep_ == "neg" for c in x.head.children) else x
        elif x.lower_ in WAKING or x.lemma_.lower() in WAKING:
            seen = None
    if seen is None:
        return False
    # a time of its own after the dream dates a memory ("I dreamt of Dad last night. He died in 2010"), not the dream's
    # own time ("Horrible dream last night: Kwame was killed")
    after = seen.right_edge.idx + len(seen.right_edge) if seen.pos_ == "NOUN" else seen.idx
    return not any(max(after, t.sent.start_char) <= tm.start < t.sent.end_char for tm in times)


def _beside(prep) -> bool:
    """Is a "with" phrase the people one died among ("with Mum holding his hand", "with his family"), not what one went off
    with ("with the money")?"""
    return prep.lower_ == "with" and any(g.tag_ == "VBG" or g.dep_ == "pobj" and (
        g.pos_ == "PROPN" or g.lemma_.lower() in PERSON_NOUNS) for g in prep.subtree)


def _never_woke(t) -> bool:
    """Is a waking up that never came a death: "she never woke up", "Maureen didn't wake up on Tuesday"? Not "didn't wake up
    till ten", "didn't wake up once", "didn't wake up when I came in"."""
    if t.lemma_.lower() != "wake" or t.pos_ != "VERB" or not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
        return False
    if not any(c.dep_ == "neg" and c.lower_ in ("n't", "not", "never", "n’t") for c in t.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in t.children):
        return False  # "won't wake up", "couldn't wake up": not told as what happened
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ not in ("on", "that"):
            return False  # "till ten", "until lunch", "in time", "for the alarm"
        if c.dep_ in ("advcl", "ccomp", "xcomp", "dobj", "conj"):
            return False  # "when I came in", "to feed her"
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ not in ("never", "morning", "today", "yesterday") and not (
                c.dep_ == "npadvmod" and c.lemma_.lower() in ("morning", "monday", "tuesday", "wednesday", "thursday", "friday",
                                                              "saturday", "sunday")):
            return False  # "didn't wake up once", "all night", "properly"
    return True


# What one passes that is no death: "passed her driving test", "passed with flying colours"
EXAMS = {"test", "exam", "exams", "examination", "theory", "driving", "gcse", "gcses", "a-level", "a-levels", "degree", "interview",
         "course", "module", "audition", "mot", "inspection", "assessment", "probation", "resit", "practical", "grade", "sats",
         "finals", "viva", "medical", "colours", "distinction", "merit"}


def _passed_a_test(t) -> bool:
    """Is "passed" (without "away") a test passed: "with flying colours", "first time", or said in a sentence, or after one
    in the same paragraph, that speaks of a test ("had her theory test on Monday and she passed")?"""
    if any(c.dep_ == "prep" and c.lower_ == "with" and not _beside(c) for c in t.children):
        return True  # "with flying colours" (not "with Bev beside him")
    sent = t.sent
    doc = t.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    words = list(sent) + (list(before) if before is not None and not re.search(r"\n[ \t]*\n", text_of(doc)[before.end_char:sent.start_char]) else [])
    return any(w.lemma_.lower() in EXAMS or w.lower_ in EXAMS for w in words)


def _ended(t) -> bool:
    """Is it a life ended in words of its own: "lost her battle with cancer", "lost his fight", "took his own life", "lost his
    life in the crash", "took (drew) her last breath", "breathed his last", "succumbed to cancer" (not "succumbed to
    temptation"; nor "gave his life for ...", said of a firm or a cause as often)?"""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in ("lose", "take", "draw", "breathe", "succumb"):
        return False
    objects = [c for c in t.children if c.dep_ == "dobj"]
    if any(c.lemma_.lower() == "breath" and any(g.lower_ == "last" for g in c.children) for c in objects) and lemma in (
            "take", "draw", "breathe"):
        return True  # "took her last breath"
    if lemma == "breathe":
        return any(c.lower_ == "last" and c.dep_ in ("dobj", "advmod", "npadvmod", "oprd") for c in t.children)  # "breathed his last"
    if lemma == "succumb":
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and (
            NOUNS.get(g.lemma_.lower(), NOUNS.get(g.lower_)) == "illness" or g.lemma_.lower() in ("injury", "wound"))
            for g in c.children) for c in t.children)
    if lemma == "lose" and any(c.lemma_.lower() == "life" and any(g.dep_ == "poss" for g in c.children) for c in objects):
        return True  # "lost his life in the crash"
    if lemma not in ("lose", "take"):
        return False
    if lemma == "lose":
        # ... with an illness, or for life ("lost his fight for life"); not "lost his fight on points"
        return any(c.lemma_.lower() in ("battle", "fight", "struggle") and any(g.dep_ == "poss" for g in c.children) and any(
            p.dep_ == "prep" and p.lower_ in ("with", "against", "for") and any(
                g.dep_ == "pobj" and (NOUNS.get(g.lemma_.lower(), NOUNS.get(g.lower_)) == "illness" or g.lemma_.lower() == "life")
                for g in p.children) for p in [*c.children, *t.children]) for c in objects)
    return any(c.lemma_.lower() == "life" and any(g.lower_ == "own" for g in c.children) for c in objects)


def _laid_to_rest(t) -> bool:
    """Is it "laid to rest" ("Nan was laid to rest on Friday", "we laid Dad to rest"): a burial?"""
    return t.lemma_.lower() == "lay" and t.pos_ == "VERB" and any(
        c.lower_ == "rest" and c.dep_ in ("xcomp", "pobj", "dobj") or c.dep_ == "prep" and c.lower_ == "to" and any(
            g.lower_ == "rest" for g in c.children) for c in t.children)


# what is said only of a baby coming: "her waters broke", "in labour", "the midwife", "seven pounds two", "8lb 3oz"
LABOUR = re.compile(r"\b(?:waters?\s+(?:broke|went)|in\s+labou?r|midwife|midwives|induced|c-section|caesarean|cesarean|"
                    r"\d+\s*(?:lb|lbs|oz)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+pounds?\s+"
                    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\d+)\b)", re.I)


def _a_baby_arrived(t) -> bool:
    """Is "X arrived" a birth: a name arriving in the past, nowhere and from nowhere ("at quarter past seven", not "at the
    hospital", "from Leeds"), in a sentence, or after one in its paragraph, that tells of labour or a birth weight?"""
    if t.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and not any(
            x.lower_ in KIN_NAMES or x.lower_ in ROLES for x in c.subtree) for c in t.children):
        return False  # (not "Mum arrived at six", "Auntie Jo arrived")
    if any(c.dep_ in ("prep", "advmod") and (c.lower_ in ("from", "to", "in", "into", "with", "home", "here", "there", "back") or
                                              c.lower_ == "at" and not CLOCK.match(text_of(t.doc), c.idx)) for c in t.children):
        return False  # arrived at the hospital, from Leeds, home: a visit
    sent, doc = t.sent, t.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    start = before.start_char if before is not None and not re.search(r"\n[ \t]*\n", text_of(doc)[before.end_char:sent.start_char]) \
        else sent.start_char
    return LABOUR.search(text_of(doc), start, sent.end_char) is not None


BABY_WORDS = {"boy", "girl", "baby", "son", "daughter", "lad", "lass", "twins", "bundle"}
NAMED = {"call", "name"}
WEIGHT = re.compile(r"\b\d+\s*(?:lb|lbs|oz|kg|g)\b|\bpounds?\b|\bounces?\b", re.I)


def _had_the_baby(ex, owner, times, entry_day, no_later) -> list[Event]:
    """A birth told as the mother having the baby ("Yasmin had the baby at ten past four this morning", "Chloe had her baby on
    Thursday"): the birth of the baby the same paragraph names, as a boy or a girl ("a little boy, Isaac"), by what they
    called it ("they've called him Zain") or by a name opening the next sentence with the weight ("Alfie Joseph Sharma, seven
    pounds eleven"); never of the mother. Dated by the time said of the having, else not at all."""
    out = []
    doc = ex.doc
    for t in doc:
        if t.dep_ != "dobj" or t.head.lemma_.lower() not in ("have", "deliver") or t.head.tag_ != "VBD" or not (
                t.lemma_.lower() == "baby" or t.lemma_.lower() in BABY_WORDS and any(
                    c.lemma_.lower() in ("baby", "little", "bouncing", "healthy", "beautiful") for c in t.children)):
            continue  # "had the baby", "had a baby boy", "delivered a baby girl", "had a little girl"
        verb = t.head
        mothers = {owner[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in owner}
        if not mothers or any(c.dep_ == "neg" for c in verb.children):
            continue
        sent = t.sent
        para_end = ex.text.find("\n\n", sent.end_char)
        para_end = len(ex.text) if para_end < 0 else para_end
        following = [s for s in doc.sents if sent.start <= s.start and s.start_char < para_end][:3]
        baby = None
        for k, s_ in enumerate(following):
            for x in s_:
                p = owner.get(x.i)
                if p is None or p in mothers or x.pos_ == "PRON" or ex.people[p].narrator:
                    continue
                near = x if x.dep_ != "compound" else x.head
                if near.dep_ in ("appos", "conj") and near.head.lemma_.lower() in BABY_WORDS or any(
                        c.dep_ in ("appos", "conj") and c.lemma_.lower() in BABY_WORDS for c in near.children):
                    baby = p  # "a little boy, Isaac"
                elif near.dep_ == "oprd" and near.head.lemma_.lower() in NAMED:
                    baby = p  # "they've called him Zain"
                elif k > 0 and x.i == s_.start and WEIGHT.search(s_.text):
                    baby = p  # "Alfie Joseph Sharma, seven pounds eleven"
                elif k == 0 and x.i > t.i and doc[x.i - 1].text == "," and WEIGHT.search(s_.text):
                    baby = p  # "had a baby boy on Friday, Mason, seven pounds two"
                if baby is not None:
                    break
            if baby is not None:
                break
        if baby is None:
            continue
        mine = [tm for tm in times if sent.start_char <= tm.start < sent.end_char and not _dateline(ex.text, tm) and _governs(verb, tm)]
        lo, hi = (mine[0].lo, mine[0].hi) if mine else (None, no_later)
        how = f"sentence:{mine[0].kind}" if mine else None
        if not mine and entry_day and (_hour(verb, (sent.start_char, sent.end_char)) or _just_now(verb)):
            lo, how = entry_day, "entry"  # "Beth had the baby at 2am", "Kayleigh's just had a little girl": the day's news
        out.append(Event("birth", [baby], sent.start_char, sent.end_char, lo, hi, confidence=CONFIDENCE["noun"],
                         date_confidence=mine[0].confidence if mine else 0.6 if lo else 0.0, date_how=how))
    return out


RIP = re.compile(r"(?<![\w.])(?:RIP|R\.I\.P\.?|[Rr]est in peace)[ \t]*,?[ \t]*")
RIP_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:RIP|R\.I\.P\.?|[Rr]est in peace|(?:God|[Tt]he Lord) rest (?:him|her|his soul|her soul))"
                       r"(?![ \t]*[A-Za-z0-9'’])")  # "Mam, God rest her, never missed a Sunday"


LAUGHTER = re.compile(r"😂|🤣|😆|😹|💀|\b(?:lol|lmao|rofl|haha\w*|hehe\w*)\b", re.I)


def _rest_in_peace(ex, no_later) -> list[Event]:
    """"RIP Gary Pickering", "Rest in peace, Auntie Val", "Gary Pickering, RIP": the death of the one named, whose own name
    it is ("RIP Steve's tomatoes", "RIP my phone" are not; the people layer tells a pet's or a thing's name from a person's).
    No later than the day it was written."""
    out = []
    starts = {m.start: p for p, person in enumerate(ex.people) if not person.narrator
              for m in person.mentions if m.kind in ("name", "title", "role")}
    ends = {m.end: p for p, person in enumerate(ex.people) if not person.narrator
            for m in person.mentions if m.kind in ("name", "title", "role")}
    said = set()
    for m in RIP.finditer(ex.text):
        p = starts.get(m.end())
        end = next((x.end for x in ex.people[p].mentions if x.start == m.end()), None) if p is not None else None
        if p is None or re.match(r"['’]s\b", ex.text[end:]):
            continue
        said.add((p, m.start()))
    for end, p in ends.items():
        m = RIP_AFTER.match(ex.text, end)
        if m is not None:
            said.add((p, m.start()))
    speakers = {sp.lower() for _, _, sp in ex.speakers}
    for p, at in sorted(said):
        if any(m.kind in ("speaker", "narrator") for m in ex.people[p].mentions) or {
                n.lower() for n in ex.people[p].aliases | {ex.people[p].name}} & speakers:
            continue  # "rest in peace Zoe" to one who speaks in the chat: a joke; the one who speaks lives
        span = ex.doc.char_span(at, at + 1, alignment_mode="expand")
        lo, hi = (span.sent.start_char, span.sent.end_char) if span is not None else (at, at)
        turn = next(((s_, e_) for s_, e_, _ in ex.speakers if s_ <= at < e_), (lo, hi))
        # "RIP Kevin 😂😂", "RIP Bettie (for the fourth time)": said laughing, or of one who dies again
        jest = LAUGHTER.search(ex.text, turn[0], turn[1]) is not None or AGAIN.search(ex.text, at, max(hi, at)) is not None or (
            span is not None and _machine_near(ex.doc, span.sent))  # "RIP La Bestia, 2004-2023. 287,000 miles": a car
        out.append(Event("death", [p], lo, hi, None, no_later, confidence=CONFIDENCE["jest" if jest else "rip"],
                         date_confidence=0.0))
    return out


# A newspaper's death notice: the surname in capitals, a comma, the forenames, then "Peacefully", "Died", "Suddenly" opening
# the next sentence ("SMITH, Margaret Anne (née Jones). Peacefully at home on 2 May", "DAVIES, Gwilym. Died on 1 June")
NOTICE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)?,[ \t]+([A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'-]+)*)"
                    r"[^\n.]*\.[ \t]+(?:Peacefully|Died|Passed away|Suddenly|Tragically|Unexpectedly)\b[^\n]*")


def _death_notice(ex, times, no_later) -> list[Event]:
    """A death notice pasted in: the death of the one its forenames name, dated by the first time the notice gives."""
    out = []
    for m in NOTICE.finditer(ex.text):
        p = next((p for p, person in enumerate(ex.people) if not person.narrator and any(
            x.start == m.start(1) and x.kind in ("name", "title") for x in person.mentions)), None)
        if p is None:
            continue
        tm = next((tm for tm in times if m.end(1) <= tm.start < m.end()), None)
        out.append(Event("death", [p], m.start(), m.end(), tm.lo if tm else None, tm.hi if tm else no_later,
                         confidence=CONFIDENCE["notice"], date_confidence=tm.confidence if tm else 0.0,
                         date_how=f"sentence:{tm.kind}" if tm else None))
    return out


ON_A_DAY = re.compile(r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|christmas|easter|new year|"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)", re.I)


def _on_a_day(prep) -> bool:
    """Is it "on" a day ("passed on the 2nd", "passed on Sunday"): when, not what was passed or passed over?"""
    return prep.lower_ == "on" and bool(ON_A_DAY.match(prep.doc[prep.i + 1:prep.right_edge.i + 1].text))


def _passed_on(t) -> bool:
    """Is it "passed on" or "passed over" said of one who died, the particle right after the verb and nothing passed on to
    anyone ("Ouma passed on this morning", "my sister passed over last night"; not "passed on the message", "passed on
    Dad's watch to me", "passed in his chair with the TV on", "was passed over for the job")?"""
    if t.lemma_.lower() != "pass" or not any(c.lower_ in ("on", "over") and c.i == t.i + 1 and (c.dep_ == "prt" or c.dep_ == "prep") and not (
            (c.dep_ == "prep" or c.lower_ == "over") and any(g.dep_ == "pobj" for g in c.children)) for c in t.children):
        return False
    return not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "auxpass", "nsubjpass") or c.dep_ == "prep" and c.lower_ in (
        "to", "onto", "for") for c in t.children)


def _no_more(t) -> bool:
    """Is it "<someone> is no more", the clause ending there ("Aunty Sushila is no more."; not "no more a smoker", "no more
    than twenty")?"""
    if t.lemma_.lower() != "be" or not any(c.dep_.startswith("nsubj") for c in t.children):
        return False
    more = [c for c in t.children if c.lower_ == "more" and c.dep_ in ("advmod", "acomp", "attr", "dobj", "npadvmod")]
    return bool(more) and [c.lower_ for c in more[0].children] == ["no"] and not any(
        c.dep_ in ("attr", "acomp", "prep", "xcomp", "ccomp") and c.i != more[0].i for c in t.children)
