"""Kinds: what each mention of a name says it is, a person or not.

A name the text treats as a person somewhere says so (`person`): it speaks, thinks or feels ("Beth
rang", "Nia said"), carries "Mr", "Mrs" or "Dr", stands in a relation ("my friend Carys"), is spoken
to ("you"). A name can also be a pet ("our dog Moss", "Bella the dog", "a parrot called Kevin", "Moss
barked", "Moss's lead", "took Moss to the vet"), a named thing ("Dolly the caravan", "the car, Bessie",
"Bertie the starter") or a place ("the chapel, Moriah", "Rhondda born", "in Tenby" when the tagger
says it is a place). Each name mention gets the sign its words give (`Mention.sign`), or none; across
entries the store weighs them (`extract._read`): a name that is only ever what animals do is a pet,
and stays a cue, not a person in the people list.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..kin import HONORIFICS, KIN_NAMES, KIN_ROLE, LOWER_KIN, ROLE_TITLES, ROYAL, SLANG
from .base import Extraction, text_of
from .lines import marked_lines
from .names import name_count, name_gender
from .people import KIN_WORDS, english_word, PERSON_KINDS, POSTPOSED, SPOKEN_WITH, _honorific_before, acts_as_person, inside, quoted, role_like, spoken_to, subject_of

# Animals people keep and name (and breeds said in place of "dog").
ANIMALS = set(
    """dog dogs doggy doggo pup puppy hound bitch cat cats kitten kitty moggy moggie tabby tom pony horse mare
    stallion foal donkey rabbit bunny hamster gerbil guinea pig ferret parrot budgie budgerigar canary
    cockatiel bird hen chicken chick duck goose tortoise turtle terrapin goldfish fish snake lizard gecko
    iguana rat mouse mice cow calf goat kid sheep lamb ewe pig piglet collie spaniel labrador lab retriever
    terrier poodle greyhound lurcher whippet alsatian dachshund pug beagle boxer rottweiler husky corgi
    sheepdog jack russell staffie staffy cockapoo labradoodle cavapoo schnauzer chihuahua westie
    siamese persian tomcat""".split()
)
# Breeds, which no one calls a person ("Pulga is a chihuahua"; not "pig", "cow", "rat", "boxer", said of people too).
BREEDS = set("""collie spaniel labrador retriever lurcher whippet alsatian dachshund beagle rottweiler corgi sheepdog
    staffie staffy cockapoo labradoodle cavapoo schnauzer chihuahua westie springer dalmatian doberman weimaraner vizsla
    shih-tzu yorkie jackapoo cockerpoo pomeranian budgie budgerigar cockatiel hamster gerbil terrapin""".split())
ANIMAL_VERBS = {"bark", "howl", "yap", "woof", "growl", "whimper", "purr", "miaow", "meow", "mew", "neigh",
                "whinny", "moo", "bleat", "wag", "moult", "molt", "shed", "hiss", "cluck", "squawk", "chirp", "tweet"}
# What a dog licks or sniffs, and a person does not: someone's face or hand, someone ("Moose tried to lick his face", "sniffed
# Rosie once"; not "licked her lips", "Mum sniffed").
LICKED = {"face", "faces", "hand", "hands", "ear", "ears", "foot", "feet", "leg", "legs", "nose", "toes"}
# Where food is left out and a dog or a cat eats it from ("ate a whole loaf off the counter"; people eat off plates).
SURFACES = {"counter", "counters", "worktop", "worktops", "grill", "barbecue", "bbq", "table", "floor", "side", "sideboard"}
PET_NOUNS = {"lead", "leash", "collar", "paw", "paws", "tail", "fur", "kennel", "kennels", "hutch", "cage", "whiskers",
             "snout", "muzzle", "vet", "vets", "bowl", "flea", "fleas", "litter", "basket", "bone", "biscuits", "jabs"}
VET = {"vet", "vets", "vet's", "kennels", "groomer", "groomers", "cattery"}
# What a cat or a dog catches and brings in: "Mr Pickles caught a mouse", "Tigger brought in a bird".
PREY = {"mouse", "mice", "rat", "rats", "bird", "birds", "vole", "voles", "shrew", "frog", "squirrel", "rabbit", "pigeon"}
HUNT = {"catch", "kill", "bring", "chase", "eat"}
# What a car or a boat has and a person has not: "Marigold's engine", "Gerald's tyres".
THING_PARTS = {"engine", "tyre", "tyres", "tire", "tires", "brakes", "bonnet", "exhaust", "hull", "mast", "rudder", "tiller",
               "windscreen", "windshield", "gearbox", "clutch", "radiator", "headlights", "mileage", "chassis", "keel", "propeller"}
# What is done to a boat or a car: "got Marigold moored at Bathampton", "Dolly was towed", "they scrapped Gerald".
THING_VERBS = {"moor", "tow", "scrap"}
# What a car is taken through, or has done to it, and no person: "Bluebell passed her MOT", "had Bessie serviced".
THING_TESTS = {"mot", "mots", "service", "valet"}
THING_OBJECT_VERBS = {"service", "valet", "respray", "park", "refuel", "jumpstart", "jump-start", "bump-start"}
# What a car or a boat that "died" is then: pushed, towed, jump-started ("died at the lights and I had to push her home").
STRANDED_VERBS = {"push", "tow", "jumpstart", "jump-start", "bump-start", "crank", "winch"}
# Where a car stalls and a person seldom dies: "Bluebell died at the traffic lights", "conked out at the junction".
STALLED_AT = {"lights", "junction", "roundabout", "crossroads"}
# What a dog eats, or chews of someone else's, and no one does: "Brutus ate a whole sock", "Bingo has chewed my church
# shoe" (not "the baby chewed her sock").
CHEWED = {"sock", "socks", "shoe", "shoes", "slipper", "slippers", "cushion", "cushions", "remote", "cable", "cables", "bone", "bones"}
# What a person barks or growls, and no dog: "Sergeant Kelly barked orders at us".
SAID_WORDS = {"order", "instruction", "command", "question", "answer", "reply", "name", "word", "something", "greeting"}
# What a car or a van is, once mended or filled: "Bettie is fixed!!", "filled Akosua with fuel" (never a person).
MENDED = {"fix", "repair", "mend"}
FUEL = {"fuel", "petrol", "diesel", "gas", "unleaded", "garage", "pump", "forecourt"}
# Streets and roads a name is the first word of: "on Mabini Street" makes "Mabini is too noisy" a street, no one.
STREETS = {"street", "road", "avenue", "lane", "crescent", "terrace", "boulevard", "highway", "rd", "ave"}
# What a play is said with: "rehearsals for the drama showcase", "the school play". A name said to be played in one is a part.
STAGE = {"play", "rehearsal", "rehearsals", "drama", "showcase", "panto", "pantomime", "musical", "production", "audition",
         "nativity", "script", "stage"}
PLAYED = {"play", "cast", "star", "audition"}
# What animals "say": "Bramble says woof".
ANIMAL_SOUNDS = {"woof", "woofs", "miaow", "meow", "moo", "baa", "oink", "quack", "neigh", "purr", "squeak", "cluck", "tweet",
                 "ruff", "yap", "arf", "bark", "hiss"}
# Kin words friends call each other by ("bro", "sis"; not "mummy", "papa").
ADDRESS = {w for w in SLANG if KIN_ROLE.get(w) not in ("mother", "father")}
# Verbs of moving house or going far: what one moves to or from is a place ("moved to Ann Arbor").
MOVED = {"move", "emigrate", "relocate", "fly", "commute"}
# What a song, a band or a hymn is to one who sings, hums or dances to it ("singing Runrig at him", "danced to Abba"): a
# work or the band that made it, never one the writer knows.
SUNG = {"sing", "hum", "whistle"}
LISTENED = {"dance"}  # (not "listened to Dad", "sang to Isla")
# Words before the name a storm is given.
STORMS = {"storm", "hurricane", "cyclone", "typhoon"}
# Titles people give their pets in fun ("Mr Pickles", "Lady Grey"): a person's, unless the name is shown to be a pet's.
SOCIAL_TITLES = {"mr", "mister", "mrs", "missus", "miss", "ms", "master", "lady", "lord", "sir", "dame"}
# Words before a quotation that give a name in it ('we called him "Big Kev"', 'known as "Mr Music"').
NAMING_WORDS = {"call", "calls", "called", "calling", "name", "named", "nicknamed", "christened", "dubbed", "as"}
# Things people name: cars, boats, toys, the sourdough starter.
THINGS = set(
    """car cars van caravan camper campervan motorhome boat yacht barge narrowboat bike bicycle motorbike
    scooter tractor lorry truck bus train engine toy teddy doll dolly starter plant tree computer laptop
    phone guitar piano violin kettle robot hoover vacuum roomba sofa chair clock cactus cacti succulent fern orchid
    bonsai houseplant sourdough""".split()
)
PLACES = set(
    """chapel church cathedral pub inn bar cafe café restaurant shop store supermarket school college
    university hospital hospice ward home village town city street road lane farm beach bay island
    mountain hill river lake park garden field estate house cottage hotel hall club gym library station
    airport office surgery practice centre center valley""".split()
)
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# Where someone lives, said of a name ("Edison is his address now"): a place; the tie read from it says no one is there.
ADDRESSES = {"address", "hometown", "postcode", "zipcode"}
LOCATIVE = {"in", "at", "to", "from", "near", "into", "through", "around", "towards", "toward", "across"}
AT_PLACE = {"at", "to", "from", "in", "into", "outside", "near", "round", "around", "by"}
# Verbs whose subject is a person: speaking, thinking, feeling, phoning, mending, cooking (not what a dog, a bird or a car
# does too).
PERSON_VERBS = set(
    """say tell ask answer reply shout whisper mutter murmur explain mention insist admit promise agree
    complain suggest text phone ring email message write think believe decide hope wish remember forget
    laugh smile cry sob weep nod shrug sigh frown blush giggle chuckle joke argue pray marry kiss hug
    visit pop invite offer reckon worry moan apologise apologize announce confess swear teach fix mend repair cook
    bake knit sew paint draw""".split()
)
# Verbs done only to people: "I met Quentin", "Tell Andy", "We thanked Mags" (not "rang": "Ring Bluebell re the invoice").
PERSON_OBJECT_VERBS = {"meet", "marry", "hug", "kiss", "cuddle", "thank", "invite", "greet", "introduce", "befriend", "tell",
                       "ask", "remind", "text", "message", "forgive"}
# What one is, goes or puts things in: a car, a boat, a tent (not "believe in Tom", "a change in Tom").
INSIDE_VERBS = {"sit", "drive", "ride", "travel", "go", "come", "get", "be", "pack", "load", "put", "sleep", "stay", "camp", "sail",
                "arrive", "leave", "set", "head", "climb", "jump", "squeeze", "cram", "carry", "bring", "take"}
NAMING = {"call", "name", "nickname", "christen", "dub"}


def _kind_of(noun) -> str | None:
    low = noun.lower_
    lemma = noun.lemma_.lower()
    if low in ANIMALS or lemma in ANIMALS:
        return "pet"
    if low in THINGS or lemma in THINGS:
        return "thing"
    if low in PLACES or lemma in PLACES:
        return "place"
    return None


def _beside(doc, span, quotes) -> str | None:
    """The kind a common noun next to the name, and tied to it, gives it: "our dog Moss", "Moss the collie",
    "Moss, our dog", "a parrot called Kevin", "the car, Bessie" (not "In the car Dad said", nor "Tell me about
    the bike, Grandad")."""
    s, e, root = span.start, span.end, span.root
    tied = [t for t in (root.head, *root.children) if t.pos_ == "NOUN" and t.is_lower and (
        t.head.i == root.i and t.dep_ in ("appos", "compound", "nmod") or root.head.i == t.i and root.dep_ in ("appos", "compound"))]
    for noun in tied:
        k = _kind_of(noun)
        between = doc[noun.i + 1:s]
        if k and (noun.i < s and (all(t.is_punct or t.pos_ in ("ADJ", "DET") for t in between) or root.dep_ == "appos" and doc[s - 1].text == ","
                                  and all(t.i == noun.i or t.head.i in range(noun.i, s) for t in doc[noun.i:s]))
                  or noun.i >= e) and not (
                any(t.text == "," for t in between) and inside(span[0].idx, quotes)):
            return k  # not a name said to someone after a noun: "Tell me about the bike, Grandad,"
    if s > 1 and doc[s - 1].lemma_.lower() in NAMING and doc[s - 1].tag_ == "VBN" and doc[s - 2].pos_ == "NOUN":
        if doc[s - 2].lemma_.lower() in PERSON_KINDS:
            return "person"  # "a girl called Tegan", "a man called Derek"
        return _kind_of(doc[s - 2])  # "a parrot called Kevin"
    if root.dep_ == "oprd" and root.head.lemma_.lower() in NAMING and root.head.dep_ in ("acl", "relcl") and root.head.head.pos_ == "NOUN":
        return _kind_of(root.head.head)  # "a little lamb, which she's named Defi"
    if root.dep_ in ("oprd", "attr", "xcomp") and root.head.lemma_.lower() in NAMING:
        for c in root.head.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "it":
                return "thing"  # "the children have named it Bessie", "It is called Gordon": what is "it" is no one
            if c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and _kind_of(c):
                return _kind_of(c)  # "my sourdough starter is named Clint", "the boat is called Saoirse"
    if e + 1 < len(doc) and doc[e].lower_ == "the" and doc[e + 1].pos_ == "NOUN" and doc[e + 1].is_lower:
        return _kind_of(doc[e + 1])  # "Kevin the cactus has died", however the parser ties them
    return None


TO_ALL = {"all", "everyone", "everybody", "you", "ya", "yall", "y'all"}


def _set_phrase(doc, span) -> bool:
    """Are the capitalised words of two or more a sentence of their own with an emoji ("🙏 Sat Sri Akal.", "Shabbat Shalom 🕯"),
    or wished "to all" ("Ramadan Kareem to all")? Words said on an occasion, as a greeting or a blessing; not a name
    called out ("Bernard Okoye! 🎉"), nor one said alone ("Ninety-one. Maud Pryce. Our Gran."), a heading or a
    list's line ("# Aunt Rosa")."""
    s, e = span.start, span.end
    while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].is_alpha and doc[s - 1].text[:1].isupper():
        s -= 1  # the whole run of capitalised words, though the name is a part of it ("Kareem" of "Ramadan Kareem")
    while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].is_alpha and doc[e].text[:1].isupper():
        e += 1
    if e - s < 2:
        return False
    sent = span.sent
    before = [t for t in doc[sent.start:s] if not t.is_space]
    while len(before) >= 2 and before[1].text == ":":
        before = before[2:]  # a chat turn's "Amrit: "
    if any(t.is_alpha and t.pos_ != "INTJ" for t in before):
        return False
    if e + 1 < len(doc) and doc[e].lower_ == "to" and doc[e + 1].lower_ in TO_ALL:
        return True
    after = [t for t in doc[e:sent.end] if not t.is_space]
    beside = [doc[i] for i in (s - 1, e) if 0 <= i < len(doc)]
    if any(t.is_alpha and t.pos_ != "INTJ" for t in after) or any("!" in t.text for t in after) or not any(
            not t.is_ascii and not t.is_alpha and not t.is_space for t in before + after + beside):
        return False
    line = text_of(doc)[:doc[s].idx].rsplit("\n", 1)[-1].lstrip()
    return not line[:1] in ("#", "-", "*", "[", "+")


_HEAD_END = re.compile(r"\s[-\u2013\u2014]\s|[(,:;!?\u2013\u2014]|\.\s|\.$")
_FAMILY = re.compile(r"The [A-Z][a-z]+s")  # "The Wilsons": a family
SMALL = {"a", "an", "the", "of", "on", "in", "to", "for", "with", "at", "by", "and", "&", "or", "is", "my", "me", "you"}


def bare_head(body: str, whole: bool = False) -> str | None:
    """A list item's words when they are bare capitalised words ("Bohemian Rhapsody", "Mr Blue Sky", "Paddington 2"),
    what is said of them after a comma, bracket or dash aside (`whole`: none may be said); else None."""
    cut = _HEAD_END.search(body)
    if whole and cut and body[cut.start():].strip(" .!") or not body.strip():
        return None
    head = body[:cut.start() if cut else len(body)].rstrip(" .!")
    words = head.split()
    return head if words and len(words) <= 6 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL for w in words) else None


@lru_cache(maxsize=8)
def titled_items(text: str) -> tuple[tuple[int, int], ...]:
    """The list items of a text that are titles in a list of things: where a list's items are bare capitalised words
    (`bare_head`), two or more, and one holds no first name, kin word or title, only English words ("- Sweet Peas",
    "- Milk"; not "- Lunch with Bisi"), or one holds a title and another no first name ("- Mr Blue Sky",
    "- Wonderwall"), the list is of songs, books, films, plants, places or teams, and each of its bare items is a
    title, no one's name ("- Hey Jude" under "- Bohemian Rhapsody"). A kin word or a family ("- Aunt Sue", "- The Wilsons") makes it a list of
    people; bare names none of the name data knows ("- Kemi\n- Chidi") stay names. (start, end) of each title item."""
    if "\n" not in text:
        return ()
    run, out, last = [], [], -2

    def close():
        kinds = [named for _, _, named in run]
        if len(kinds) >= 2 and "kin" not in kinds and ("thing" in kinds or "title" in kinds and len(kinds) - kinds.count("name") >= 2):
            out.extend((a, b) for a, b, _ in run)
        run.clear()

    for item in marked_lines(text):
        if item.kind != "item":
            continue
        line = text.count("\n", 0, item.start)
        if line != last + 1:
            close()
        last = line
        head = bare_head(text[item.words:item.end])
        if head is None:
            continue
        lows = [w.lower().replace("\u2019", "'").removesuffix("'s").strip(".'") for w in head.split()]
        named = "kin" if any(w in KIN_NAMES for w in lows) or _FAMILY.fullmatch(head) else (
            "title" if any(w in HONORIFICS for w in lows) else
            "name" if any(w not in SMALL and (name_gender(w) or name_count(w) >= 4) for w in lows) else
            "thing" if all(w in SMALL or w[:1].isdigit() or english_word(w) or english_word(w.removesuffix("s")) for w in lows)
            else "unknown")
        run.append((item.words, item.words + len(head), named))
    close()
    return tuple(out)


def _listed_title(doc, span) -> bool:
    """Is the name one of the titles of a list of things (`titled_items`: "- Hey Jude" under "- Bohemian Rhapsody")?"""
    start, end = span.start_char, span.end_char
    return any(a <= start and end <= b for a, b in titled_items(text_of(doc)))


def sign(doc, span, quotes) -> str | None:
    """What the words around one mention of a name say it is: "person", "pet", "thing", "place", "other" (a firm, a
    team: "Bluebell are taking over"), "theirs" (a kin word that is someone else's, said in their words or after
    their name) or None. (`Kinds` marks a name in quoted words it says nothing of "spoken", when it is the one
    spoken to in words someone else is said to say, or "quoted".)"""
    s, e = span.start, span.end
    root = span.root
    if _title_quoted(doc, span, quotes):
        return "other"  # danced to "Mr Brightside", sang "Sweet Caroline": a song's, a book's or a show's title
    if _listed_title(doc, span):
        return "other"  # "- Bohemian Rhapsody\n- Hey Jude", "- Middlemarch\n- Rebecca": a list of titles, of no one
    if s > 0 and doc[s - 1].lower_ in STORMS and doc[s - 1].text[:1].isupper():
        return "other"  # "Storm Ciara", "Hurricane Ida": weather given a name
    if _figure(doc, span) or _likened(span) or _killed_off(root):
        return "other"  # "a carrot out for Rudolph", "felt like the Queen", "killed off Dr Lennox": no one the writer knows
    if _newborn_label(doc, span):
        return "other"  # "Baby Boy Shah" on a bracelet: a hospital's label for a child not yet named, no name of theirs
    kept = _bracketed(doc, span) or _named_new(doc, span) or ("pet" if _put_down(root) else None)
    if kept:
        return kept  # "Pete (the budgie)", "a rabbit ... named him Mr Bun", "We had Rusty put down"
    titled = span[0].lower_ in KIN_NAMES or span[0].lower_ in ("the", "uncle", "aunt", "auntie")
    if not titled and _set_phrase(doc, span):
        return "other"  # "🙏 Sat Sri Akal.", "Eid Mubarak to everyone!": words said on an occasion, not a name
    if titled:  # "Mam", "the Doctor": people, whatever else is said of them
        before = doc[s - 1] if s > 0 else None
        if len(span) == 1 and span[0].lower_ in ADDRESS and root.dep_ not in (
                "nsubj", "nsubjpass", "dobj", "dative", "poss", "pobj", "conj", "appos"):
            return "other"  # "Bro, the game was mad", "Thanks sis": a word friends call each other by, said to someone
        if len(span) == 1 and span[0].lower_ in KIN_NAMES and (inside(span[0].idx, quotes) or before is not None and (
                before.lower_ in ("your", "his", "her", "their", "its") or before.tag_ == "POS")):
            return "theirs"  # a kin word in someone's words, or someone else's ("Where's me Mam?", "his Mam")
        if len(span) > 1 and span[0].lower_ != "the" and span[0].lower_.strip(".") in HONORIFICS:
            return "person"  # "Grandma Joan", "Uncle Ron", "Nain Gwen": a name with what they are to someone (not "Mamma Mia")
        if len(span) == 1 and span[0].lower_ in KIN_NAMES and root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss") and not (
                inside(span[0].idx, quotes)):
            return "person"  # the writer's "Mam" doing or done to ("Mam rang", "Visited Grandma today"; not "it was NANA")
        return _acts(root, quotes)
    beside = _beside(doc, span, quotes)
    if beside:
        return beside
    if _a_part(doc, span):
        return "other"  # "Sophie Hill is Mrs Birling" in the showcase, "cast Aoife as Lady Macbeth": a part in a play, no one
    if _street_of(doc, span):
        return "place"  # "the house on Mabini Street. Nanay says Mabini is too noisy"
    if _the_before(doc, span):
        return "place" if root.dep_ == "pobj" and root.head.lower_ in AT_PLACE | LOCATIVE else "other"
    if s > 0 and doc[s - 1].lower_ in ("a", "an") and doc[s - 1].dep_ == "det":
        return _acts(root, quotes) or "other"  # "asked for a Dr Pepper", "leave a Big Red for him" (not "a Mr Jones rang")
    if _consumed(span):
        return "other"  # "watched Forrest Gump", "listened to Fleetwood Mac": a film, a book, a band
    if _saints(doc, span):
        return "place"  # "St Mary's", "St Patrick's Day", "St Andrew's Primary": a church, a school, a day
    head = root.head
    if _has_kin(root) and not inside(root.idx, quotes):
        return "person"  # "Ciarán's mam", "Kezia's husband"
    if _sung(root):
        return "other"  # "singing Runrig at him", "we danced to Abba": a song or a band
    if root.dep_ == "conj" and head.tag_ == "NNP" and not head.lower_.endswith("s") and head.ent_type_ in PLACE_ENTS | {"ORG"} and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) and root.i > head.i:
        return "place"  # "in the Norfolk and Norwich": a hospital's or a firm's name of two
    said = _is_what(root)
    if said:
        return said  # "Herbie is our car", "Rua is the dog", "Aisling is a vet"
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ANIMAL_VERBS and not any(
            _barked_words(c) for c in head.children) or _animal_relative(root):
        return "pet"  # "Moss barked", "Pilot, who sniffed Rosie once" (not "Sergeant Kelly barked orders")
    verb = subject_of(root)  # also "by the tree and Moose tried", parsed as "the tree and Moose"
    if verb is not None and (verb.lemma_.lower() in ("try", "want") and any(
            c.dep_ == "xcomp" and _animal_act(c) for c in verb.children) or _animal_act(verb) or _ate_off(verb)):
        return "pet"  # "Moose tried to lick his face", "Pilot ate a whole loaf off the counter"
    if root.dep_ == "poss" and head.lower_ in PET_NOUNS:
        return "pet"  # "Moss's lead"
    if root.dep_ == "pobj" and head.lower_ in ("to", "from") and head.head.pos_ == "VERB" and head.head.lemma_.lower() in MOVED:
        return "place"  # "we moved here to Ann Arbor", "emigrated from Durban": where one lives, not whom
    if root.dep_ == "nsubj" and head.lemma_.lower() == "say" and any(
            c.lower_ in ANIMAL_SOUNDS for c in head.children if c.dep_ not in ("nsubj", "punct")):
        return "pet"  # "Bramble says woof"
    if root.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lower_ in THING_TESTS for c in head.children) or (
            root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in THING_OBJECT_VERBS):
        return "thing"  # "Bluebell passed her MOT", "had Bessie serviced", "parked Dolly by the gate"
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in MENDED or root.dep_ == "dobj" and head.lemma_.lower() in ("fill", "top") and any(
            t.lower_ in FUEL for t in head.subtree) and not any(c.dep_ == "prt" and c.lower_ == "in" for c in head.children):
        return "thing"  # "Bettie is fixed!!", "filled Akosua with fuel", "filled Bertha up at the garage" (not "filled Tom in")
    if root.dep_ == "nsubj" and head.lemma_.lower() == "start" and any(c.dep_ == "neg" for c in head.children) and not any(
            c.dep_ in ("dobj", "xcomp", "prep", "ccomp") for c in head.children):
        return "thing"  # "Bessie wouldn't start this morning": an engine (not "Tom didn't start school")
    if root.dep_ == "nsubj" and head.lemma_.lower() in ("die", "stall", "conk") and _stranded(head):
        return "thing"  # "Bluebell died at the traffic lights and I had to push her home"
    if _dies_again(doc, span):
        return "thing"  # "RIP Bettie (for the fourth time)"; "Bettie died outside Ventersburg" ... "Waiting for the tow truck"
    if _a_make_of_car(root):
        return "thing"  # "Bluebell, my little Micra"
    if root.dep_ == "nsubj" and head.lemma_.lower() in HUNT and any(
            c.dep_ == "dobj" and c.lower_ in PREY and not any(g.dep_ == "det" and g.lower_ == "the" for g in c.children)
            for c in head.children):
        return "pet"  # "Mr Pickles caught a mouse" (not "Tom caught the bird that got in")
    if root.dep_ == "poss" and head.lower_ in THING_PARTS or root.dep_ in ("dobj", "nsubjpass", "nsubj") and (
            head.lemma_.lower() in THING_VERBS and head.pos_ == "VERB"):
        return "thing"  # "Marigold's engine has finally died", "got Marigold moored", "Dolly was towed"
    verb = root if root.dep_ == "ROOT" else head
    if (root.dep_ in ("dobj", "ROOT") or root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in ("be", "go", "have", "need") or (
            root.dep_ == "dative" and any(t.lower_ in PET_NOUNS - VET for t in verb.subtree))) and any(
            t.lower_ in VET and t.dep_ != "attr" and "\n" not in doc[min(t.i, s):max(t.i, e)].text for t in verb.subtree):
        return "pet"  # "took Moss to the vet", "Book Moss in at the vet", "Bella's been to the vet", "the vet gave Rocco his jabs"
    if root.dep_ == "pobj" and head.lower_ in AT_PLACE and e < len(doc) and doc[e].tag_ == "POS" and (
            e + 1 >= len(doc) or doc[e + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
        return "at"  # "took us to Nando's", "at Wendy's": a shop's, a restaurant's or someone's house (extract.read_people)
    if _shop_possessive(doc, span):
        return "at"  # "a job at Rita's", "ask Rita's for the day off", "Patel's on the corner": a possessive with nothing owned
    if e + 1 < len(doc) and doc[e].lower_ == "born" and doc[e + 1].text in (",", ".", ";", "and"):
        return "place"  # "Rhondda born, calls Nain ..." (not "Isla born at 3:40")
    if root.dep_ == "pobj" and head.lower_ in ("to", "with") and head.head.pos_ == "VERB" and head.head.lemma_.lower() in SPOKEN_WITH:
        return "person"  # "spoke to Ayesha", "chatted with Marcus": no place is spoken to, whatever the tagger says
    if root.ent_type_ in PLACE_ENTS and root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return "place"
    if root.dep_ == "pobj" and head.lower_ in ("in", "into", "inside") and head.head.lemma_.lower() in INSIDE_VERBS:
        return "thing"  # what one sits, drives or packs in: "sat in Dolly with the engine running", "us in Dolly behind"
    if _gone_to(root, e):
        return "place"  # "drove down from Letterkenny", "stayed in Ballachulish", "the train to Wolverhampton", "back from Ludhiana"
    title = _honorific_before(doc, s) or (span[0].lower_.strip(".") if len(span) > 1 else None) or (
        doc[s - 1].lower_ if s > 0 and (doc[s - 1].text[:1].isupper() or doc[s - 1].lower_ in LOWER_KIN) else None)  # "with auntie Jean"
    if title in ("st", "saint") and not (e < len(doc) and doc[e].tag_ == "POS"):
        return _acts(root, quotes) or "place"  # "St Barnabas was full", "married at St Barnabas": a church, a school
    if title in SOCIAL_TITLES:
        return "titled"  # "Mr Pugh", and "Mr Pickles", who caught a mouse (extract._reads_as)
    if title in HONORIFICS and title not in ("st", "saint") or title in ROLE_TITLES or (
            e < len(doc) and doc[e].lower_ in POSTPOSED and doc[e].is_lower):  # "Ravi bhai", "Sharma uncle"
        return "person"  # "Dr Bhatt", "Reverend Iwan Parry", "Nain Gwen", "Midwife Sarah"
    if root.dep_ == "nsubj" and root.tag_ in ("NNP", "NN") and not any(c.dep_ in ("conj", "cc") for c in root.children) and any(
            t.tag_ == "VBP" and t.lemma_ in ("be", "have") for t in (head, *head.children) if t.dep_ in ("aux", "ROOT") or t is head) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i for c in head.children) and doc[s].lower_ not in ("dear", "dearest"):
        return "other"  # "Bluebell are taking over all four calls": a firm, a team, a band
    return _acts(root, quotes)


# What people work as, said of a name ("Aisling is a vet"): no pet, thing or place is one.
JOBS = set(
    """vet doctor nurse teacher midwife dentist solicitor lawyer barrister accountant engineer plumber electrician builder
    joiner carpenter farmer chef waiter waitress cleaner carer pilot priest vicar minister pastor rabbi imam professor
    lecturer manager physio physiotherapist pharmacist paramedic surgeon consultant receptionist secretary postman
    postwoman policeman policewoman hairdresser barber mechanic optician childminder nanny""".split()
)


def _is_what(root) -> str | None:
    """What a name is said to be, as the subject of "is": our car or the dog ("Herbie is our car", "Rua is the dog": a
    thing, a pet; not "Tom is a pig", said of anyone), or one of what only people are ("Aisling is a vet")."""
    head = root.head
    if root.dep_ != "nsubj" or head.lemma_ != "be" or any(c.dep_ == "neg" for c in head.children):
        return None
    for attr in (c for c in head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") and c.is_lower):  # "our camper van"
        if attr.lemma_.lower() in JOBS:
            return "person"
        kind = _kind_of(attr)
        if kind in ("pet", "thing") and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in attr.children):
            return kind
        if attr.lower_ in BREEDS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children):
            return "pet"  # "Pulga is a chihuahua": a breed is said of no person (not "Tom is a pig")
        if attr.lower_ in ADDRESSES and any(c.dep_ == "poss" for c in attr.children):
            return "place"  # "Edison is officially his address now"
    return None


def _a_part(doc, span) -> bool:
    """Is a name a part in a play the text is about ("rehearsals for the drama showcase ... Sophie Hill is Mrs Birling",
    "cast Aoife as Lady Macbeth in the school play", "Chloe played Lady Bracknell")? Not a name said of someone else
    ("Pauline is Mum"), nor one anywhere without a play."""
    root = span.root
    head = root.head
    lemma = head.lemma_.lower()
    part = root.dep_ == "attr" and lemma == "be" and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ == "i") for c in head.children) or (
        root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in PLAYED) or root.dep_ == "dobj" and lemma in PLAYED - {"cast"}
    return part and any(t.pos_ == "NOUN" and t.lower_ in STAGE for t in doc)


def _street_of(doc, span) -> bool:
    """Is a name of one word the first word of a street's name in the same text ("on Mabini Street"; not "Lois Lane",
    the tagger's person)?"""
    if len(span) != 1:
        return False
    word = span[0].text
    return any(t.text == word and t.i + 1 < len(doc) and doc[t.i + 1].lower_.strip(".") in STREETS and doc[t.i + 1].text[:1].isupper()
               and doc[t.i + 1].ent_type_ != "PERSON" for t in doc)


def _has_kin(root) -> bool:
    """Is a name one who has kin, a partner or a child ("Ciarán's mam passed away", "Kezia's husband", "Ashok's little
    boy")? Only a person has."""
    head = root.head
    return root.dep_ == "poss" and head.pos_ == "NOUN" and head.is_lower and (head.lower_ in KIN_ROLE or head.lemma_.lower() in KIN_WORDS)


def _sung(root) -> bool:
    """Is a name what is sung or danced to: "singing Runrig at him", "hummed Jerusalem", "danced to Abba"?"""
    head = root.head
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in SUNG:
        return True
    return root.dep_ == "pobj" and head.lower_ in ("to", "along") and head.head.pos_ == "VERB" and head.head.lemma_.lower() in LISTENED


def _animal_relative(root) -> bool:
    """Is a name the one a relative clause says does what animals do: "Pilot, who sniffed Rosie once"?"""
    return any(c.dep_ == "relcl" and _animal_act(c) and any(
        g.dep_ == "nsubj" and g.lower_ in ("who", "which", "that") for g in c.children) for c in root.children)


def _animal_act(verb) -> bool:
    """Does a verb say what animals do: bark, purr, lick someone's face, sniff someone, eat a sock or chew a shoe?"""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in ("eat", "swallow", "chew"):
        return any(c.lower_ in CHEWED and (lemma != "chew" or any(
            g.dep_ == "poss" and g.lower_ not in ("his", "her", "its", "their") for g in c.children)) for c in objects)
    return lemma in ANIMAL_VERBS and not any(_barked_words(c) for c in verb.children) or lemma == "lick" and any(c.lower_ in LICKED and any(
        g.dep_ == "poss" and g.lower_ in ("his", "her", "my", "your", "their", "our") or g.tag_ == "POS" for g in c.subtree) for c in objects) or (
        lemma == "sniff" and any(c.pos_ == "PROPN" or c.lower_ in ("him", "her", "me", "us", "them") for c in objects))


def _barked_words(child) -> bool:
    """Is what a verb has done words said, as a person barks or growls them ("barked orders at us", 'growled "Out!"';
    not "barked his head off")?"""
    return child.dep_ == "ccomp" or child.dep_ == "dobj" and child.lemma_.lower() in SAID_WORDS


def _ate_off(verb) -> bool:
    """Did the subject eat something off the counter, the table or the grill (what a dog does, and no person)?"""
    return verb.lemma_.lower() in ("eat", "steal", "nick", "grab", "snaffle", "pinch") and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "off" and any(g.dep_ == "pobj" and g.lower_ in SURFACES for g in c.children) for c in verb.children)


# Where one goes, comes from, stays or lives, and the trips and meals had there: what is gone to, come from or stayed in
# is a place ("drove down from Letterkenny", "the train to Wolverhampton", "lunch in Fremantle"); not what is taken or given
# to someone ("took the cake to Dave"), nor one's house ("went to Gwen's": `sign` "at").
GONE = {"go", "come", "drive", "fly", "travel", "move", "head", "walk", "cycle", "sail", "return", "emigrate", "relocate", "commute",
        "pop", "nip", "get", "arrive", "hike", "drift", "flee"}
STAYED = {"stay", "live", "holiday", "settle", "grow", "arrive", "land", "shop", "work", "study", "camp", "retire", "bear", "die", "bury"}
TRIPS = {"train", "flight", "bus", "coach", "ferry", "trip", "drive", "journey", "holiday", "weekend", "week", "night", "nights",
         "day", "lunch", "dinner", "tea", "breakfast", "brunch", "coffee", "walk", "move", "back", "way"}


def _gone_to(root, e: int) -> bool:
    """Is a name where one goes, comes from or stays, by the verb or the trip before it (`GONE`, `STAYED`, `TRIPS`)?"""
    head = root.head
    doc = root.doc
    if root.dep_ != "pobj" or e < len(doc) and doc[e].tag_ == "POS" or root.ent_type_ == "PERSON" and name_gender(root.lower_):
        return False  # "to Gwen's"; "came to Sandra" for a first name the tagger takes for a person
    gov = head.head
    if gov.lower_ in ("down", "up", "over", "across", "out", "home") and gov.head.pos_ == "VERB":
        gov = gov.head  # "drove all the way down from Letterkenny"
    lemma = gov.lemma_.lower()
    if gov.pos_ == "NOUN" and gov.is_lower:
        return lemma in TRIPS and head.lower_ in ("to", "from", "in", "near")
    if head.lower_ in ("to", "towards", "toward", "from"):
        return gov.pos_ == "VERB" and lemma in GONE or gov.lower_ == "back"
    return head.lower_ in ("in", "near") and gov.pos_ == "VERB" and (lemma in STAYED or lemma in GONE)


def _stranded(verb) -> bool:
    """Is what "died" a car's stall: at the traffic lights, or then pushed, towed or jump-started ("Bluebell died at the
    traffic lights in Morpeth and I had to push her home")?"""
    if any(t.lower_ in STALLED_AT and t.dep_ == "pobj" and t.head.lower_ == "at" and t.head.head.i == verb.i for t in verb.subtree):
        return True
    return any(t.lemma_.lower() in STRANDED_VERBS and t.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lower_ in ("her", "him", "it") for c in t.children) for t in verb.sent)


ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "umpteenth", "hundredth",
            "millionth", "nth", "2nd", "3rd", "4th", "5th"}


def _dies_again(doc, span) -> bool:
    """Is a name's death one that recurs, as no one's does: "RIP Bettie (for the fourth time)", "Bettie has died again"
    (not "nearly died again")?"""
    root = span.root
    s = span.start
    if s > 0 and doc[s - 1].lower_.replace(".", "") == "rip":
        after = doc[span.end:span.sent.end]
    elif root.dep_ == "nsubj" and root.head.lemma_.lower() == "die" and not any(
            c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in root.head.children):
        after = doc[root.head.i + 1:root.sent.end]
    else:
        return False
    words = [t.lower_ for t in after]
    return "again" in words[:3] or any(w in ORDINALS and words[n + 1:n + 2] == ["time"] for n, w in enumerate(words))


# Makes and models of car a name can be said to be ("Bluebell, my little Micra", "Rani, our Maruti").
CAR_MAKES = set("""micra yaris fiesta astra corsa clio polo golf corolla civic volvo rover vauxhall ford toyota nissan renault
    peugeot citroen citroën skoda fiat honda hyundai kia mazda subaru volkswagen vw beetle mondeo escort cortina metro maestro
    hilux bakkie maruti ambassador jeepney""".split())


def _a_make_of_car(root) -> bool:
    """Is a name said, beside it, to be someone's make of car: "Bluebell, my little Micra", "Rani, our Maruti"?"""
    return any(c.dep_ == "appos" and c.lower_ in CAR_MAKES and any(g.dep_ == "poss" for g in c.children) for c in root.children)


def _title_quoted(doc, span, quotes) -> bool:
    """Is the name of two words or more the whole of a quotation, and not a name given ('we called him "Big Kev"') nor
    a kin word's ("Bampi Clive")? Then it is a title: 'danced to "Mr Brightside"', 'sang "Sweet Caroline"'."""
    if len(span) < 2 or span[0].lower_ in KIN_NAMES:
        return False  # not '- "Bampi Clive" for Clive': what a child calls her grandfather
    q = next(((a, b) for a, b in quotes if a <= span.start_char < b), None)
    if q is None or text_of(doc)[q[0]:q[1]].strip() != span.text:
        return False
    before = text_of(doc)[:max(0, q[0] - 1)].split()[-1:]
    return not before or before[0].lower().strip(",:") not in NAMING_WORDS


# Titles inns, ships and streets are named with ("the Lord Nelson", "the Queen Victoria", "the Duke of Wellington"); after
# "the", any other title is someone's ("the Reverend Iwan Parry", "the Dr Khan I saw").
INN_TITLES = ROYAL | {"lord", "lady", "duke", "duchess", "earl", "marquess", "baron", "viscount", "count", "sir", "admiral", "general"}


def _the_before(doc, span) -> bool:
    """Is a name after "the", as no one's name is: a pub, a boat, a car, a team ("the Lord Nelson", "the Mary Ellen",
    "the Holden")? Not a role ("the Reverend Parry"), a kin word, nor a family ("the Walshes": `group_name`)."""
    s, title = span.start, span[0].lower_.strip(".")
    if s == 0 or doc[s - 1].text != "the" or title in KIN_NAMES or title in ROLE_TITLES or title in HONORIFICS and title not in INN_TITLES:
        return False
    if len(span) == 1 and english_word(span[0].lower_):
        return False  # "the Boss", "the Missus", "the Gaffer": a word made someone's name
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in ("from", "who", "that", "i", "you", "we", "he", "she", "they") or after.is_lower and (
            after.lemma_.lower() in PERSON_KINDS or after.lemma_.lower() in KIN_WORDS or after.lower_ in ("twins", "kids", "family"))):
        return False  # "the Sophie from netball", "the Tom I knew", "the Patel boy", "the Okafor twins": someone
    return not (span[-1].lower_.endswith("s") and not span[-1].lower_.endswith("ss"))  # "the Walshes", "the Pughs": a family


def _saints(doc, span) -> bool:
    """Is a saint's name a church's, a school's or a day's: "St" or "Saint" before it and a possessive owning nothing or a
    name ("after Mass at St Mary's", "St Patrick's Day", "St Andrew's Primary"; not "St. John's face", a man's)?"""
    s, e = span.start, span.end
    title = _honorific_before(doc, s) or (span[0].lower_.strip(".") if len(span) > 1 else None)
    return title in ("st", "saint") and e < len(doc) and doc[e].tag_ == "POS" and not (
        e + 1 < len(doc) and doc[e + 1].is_lower and doc[e + 1].pos_ in ("NOUN", "ADJ"))


# What is watched, read or streamed is a film, a show or a book; what is listened or danced to, a song or a band.
CONSUMED = {"watch", "rewatch", "read", "reread", "stream", "binge"}
HEARD = {"listen", "dance"}


def _consumed(span) -> bool:
    """Is a name what is watched, read or listened to, and no one's first name ("watched Forrest Gump", "read Oliver Twist
    to Ella", "listened to Fleetwood Mac"; not "listened to Gemma", "read Tom the letter")?"""
    root, head = span.root, span.root.head
    seen = (root.dep_ == "dobj" or root.dep_ == "ccomp" and root.pos_ == "PROPN") and head.i < root.i and head.pos_ == "VERB" and (
        head.lemma_.lower() in CONSUMED) and not any(
        c.dep_ in ("dative", "ccomp", "xcomp") for c in head.children if c.i > root.i)
    heard = root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in HEARD
    if not (seen or heard) or span[0].lower_ in KIN_NAMES:
        return False
    return seen or len(span) > 1 or not name_gender(span[0].lower_)


def _shop_possessive(doc, span) -> bool:
    """Is a name a possessive that owns nothing said, as the object of a verb or after a preposition ("ask Rita's for
    five days off", "a job at Rita's", "got it from Patel's on the corner"): a shop's or a firm's name, or a house's?
    (Not "the book is Tom's", nor "Tom's new bike".)"""
    e = span.end
    if e >= len(doc) or doc[e].tag_ != "POS" or e + 1 < len(doc) and doc[e + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and (
            doc[e + 1].ent_type_ not in ("DATE", "TIME")):  # "a job at Rita's next summer": a time, nothing owned
        return False
    node = span.root if span.root.dep_ != "poss" else span.root.head
    verbless = node.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in node.sent)  # "Wendy's with Marcus after the game."
    return verbless or node.dep_ in ("dobj", "pobj") or span.root.dep_ in ("dobj", "pobj")


def _before_imperative(root) -> bool:
    """Is a name that opens its sentence the "subject" of a verb in its bare form, as no one is in English ("Arre, tell
    Mama", "Sha tell Aunty I dey come", "Bless, call me after")? A word said before a command, or to the one told:
    nothing it does (not "Tom tells me", "Tom and I go", "Tom will ring", "Tom, Ann and I met")."""
    head = root.head
    return root.dep_ == "nsubj" and root.tag_ == "NNP" and head.tag_ in ("VB", "VBP") and root.i < head.i and (
        root.left_edge.i == root.sent.start) and not any(c.dep_ in ("aux", "auxpass", "neg") for c in head.children) and not any(
        c.dep_ in ("conj", "cc") for c in root.children)


def _acts(root, quotes) -> str | None:
    """"person" when the name does what only people do, or has done to it what is done only to people: "Beth
    rang", "Nia said", "I met Quentin Vasquez", "Tell Andy" (not a firm: "Boots said Wednesday")."""
    head = root.head
    if _before_imperative(root) or _perceived(root):
        return None
    if root.dep_ == "nsubj" and head.i < root.i and head.lemma_.lower() in SAYING and not inside(root.idx, quotes):
        return "person"  # "No worries, said Trev": one said to say what was said, whatever the tagger took the name for
    if inside(root.idx, quotes):
        return None
    if len(root.doc[root.left_edge.i:root.i + 1]) == 1 and acts_as_person(root):
        return "person"  # "Nomsa rang", "Jarrah and I", "tea with Zodwa", whatever the tagger took the name for
    if root.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"):
        return None
    verbs = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"}
    if root.dep_ == "nsubj" and verbs & PERSON_VERBS or root.dep_ in ("dobj", "dative") and head.lemma_.lower() in PERSON_OBJECT_VERBS:
        return "person"  # "Dorota came at eight and said hello"
    return None


SAYING = {"say", "ask", "tell", "shout", "reply", "answer", "whisper", "yell", "scream", "call", "text", "write", "go", "mutter"}


def _speaker(doc, pos: int, quotes) -> str | None:
    """Who the quoted words at `pos` are said to be said by: "i" ('I said, "Mark, stop it."', '"Oh, Tom," I said.'),
    "other" ('She said, "Helen. How are you?"', '"Lowri, it's not good news," Dad said') or None (no one said to say
    them, or not at their quote: 'I said fine. "Helen ..."')."""
    q = next(((s, e) for s, e in quotes if s <= pos < e), None)
    if q is None:
        return None
    before = []
    for t in reversed([t for t in doc if q[0] - 60 <= t.idx < q[0] - 1]):
        if t.text in (".", "!", "?", "\n") or t.is_space or len(before) == 8:
            break  # the sentence that opens the quote
        before.append(t)
    says = [s for t in before if t.lemma_.lower() in SAYING and t.pos_ in ("VERB", "AUX") for s in _subjects(t)]
    if not says:  # or just after it: '"Oh, Tom," I said.', '"..., love," Dad said', '"...," said Dad' (not '"..." And I told her')
        after = [t for t in doc if t.idx > q[1]][:3]
        if len(after) >= 2 and after[1].lemma_.lower() in SAYING and after[0].dep_ in ("nsubj", "nsubjpass"):
            says = [after[0]]
        elif len(after) >= 2 and after[0].lemma_.lower() in SAYING and after[1].dep_ in ("nsubj", "nsubjpass"):
            says = [after[1]]
    if not says:
        return None
    return "i" if any(t.lower_ == "i" for t in says) else "other"


def _subjects(verb) -> list:
    """The subject of a verb, or of the verb it is joined to ("she came back and said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def _given_a_role(token) -> bool:
    """A pronoun given a role: "He would've been her uncle", "She was my best friend" (not a likening, "proud like she
    is my own daughter", "as if he was my brother")."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be" and not any(
        c.dep_ == "mark" and c.lower_ in ("like", "if", "though") for c in token.head.children) and any(
        c.dep_ == "attr" and role_like(c) and any(g.dep_ == "poss" for g in c.children) for c in token.head.children)


def _named_after(doc, span) -> bool:
    """Is a name given after someone, whose namesake it is: "we named him Thomas, after my grandfather", "named her Joan
    for Mum", "Aoife Bridget, named after her great-grandmother"? Not the writer's or the reader's own name ("I was named
    Thomas after my grandfather": the writer is no one new), nor a name given for a while ("called you Isobel for the
    first hour")."""
    words = [t for t in doc[span.end:span.end + 4] if not t.is_punct]
    if not words:
        return False
    prep = words[0] if words[0].lower_ in ("after", "for") else words[1] if len(words) > 1 and words[0].lower_ in (
        "named", "called") and words[1].lower_ in ("after", "for") else None
    if prep is None or prep.dep_ != "prep":
        return False
    whom = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if whom is None or not (whom.pos_ in ("PROPN", "PRON") or any(c.dep_ == "poss" for c in whom.children)):
        return False  # after someone: "Mum", "her", "my grandfather"
    if prep is words[1]:
        return True  # "Aoife Bridget, named after her"
    verb = prep.head.head if span.start <= prep.head.i < span.end else prep.head  # "called her Joan after Mum"
    if verb.lemma_.lower() == "call" and prep.lower_ == "for":
        return False  # "Mum called Dave for Gran": a phone call on someone's behalf
    named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] if verb.lemma_.lower() in ("name", "call") else []
    return bool(named) and all(c.lower_ not in ("i", "me", "you") for c in named)


def _introduced(doc, span) -> bool:
    """Is a name introduced as someone new: "a physio called Callum Reid", "a woman named Ann Price", a namesake "named
    after" another (`_named_after`)? (Not "my brother, called Callum by everyone".)"""
    if _named_after(doc, span):
        return True
    if len([t for t in span if t.pos_ == "PROPN"]) < 2 or span.start < 2 or doc[span.start - 1].lower_ not in ("called", "named"):
        return False
    noun = doc[span.start - 2]
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _animal(token) -> str | None:
    """"pet" for a "he" or "she" said to be someone's animal ("He was Dad's dog really"; not "she's a sheep" in a
    play) or taken to the vet ("you took him to the vet")."""
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "attr" and (c.lower_ in ANIMALS or c.lemma_.lower() in ANIMALS) and any(g.dep_ == "poss" for g in c.children)
            for c in head.children):
        return "pet"
    if token.dep_ == "dobj" and head.pos_ == "VERB" and any(
            t.lower_ in VET and t.dep_ == "pobj" and t.head.head.i == head.i for t in head.subtree):
        return "pet"
    return None


# Figures children are told of at a feast. "Rudolph" and "Jack Frost" are men's names too: figures only in an entry of the feast.
FIGURES = {"santa", "santa claus", "father christmas", "the tooth fairy", "the easter bunny", "rudolph", "jack frost"}
NAMES_TOO = {"rudolph", "jack frost"}
FEAST_WORDS = {"christmas", "xmas", "santa", "reindeer", "sleigh", "stocking", "stockings", "chimney", "elf", "elves"}


def _figure(doc, span) -> bool:
    """Is a name a figure of a feast ("Father Christmas", "the Tooth Fairy", "a carrot out for Rudolph" on Christmas Eve;
    not "Rudolph from the allotments" in June)?"""
    name = " ".join(span.text.lower().split())
    return name in FIGURES and (name not in NAMES_TOO or any(t.lower_ in FEAST_WORDS for t in doc))


def _newborn_label(doc, span) -> bool:
    """Is a name the label a hospital gives a child not yet named, "Baby Boy Shah", "Baby Girl Okafor" (the tagger may
    leave "Baby" out)? Not "Baby Boy" said of a child by a name of their own alone."""
    words = [t.lower_ for t in span]
    if words[:1] == ["baby"]:
        words = words[1:]
    elif not (span.start > 0 and doc[span.start - 1].lower_ == "baby"):
        return False
    return len(words) >= 2 and words[0] in ("boy", "girl")


def _likened(span) -> bool:
    """Is a name after "the" what someone is likened to: "she felt like the Queen", "looking like the Maharaja himself"
    (a figure of the news, spoken of as a measure; not "looks like Mum")?"""
    root = span.root
    return span[0].lower_ == "the" and root.dep_ == "pobj" and root.head.lower_ == "like"


def _killed_off(root) -> bool:
    """Is a name killed off, as a character is written out of a show or a book ("They killed off Dr Lennox on Harbour
    Lights", "Marcus was killed off in the finale")? No one real is killed "off"."""
    verb = root.head
    return root.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() == "kill" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


OWNED = {"the", "a", "an", "our", "my", "his", "her", "their", "your", "old", "little", "new", "big", "mum's", "dad's"}


def _bracketed(doc, span) -> str | None:
    """The kind a bracket just after a name says it is: "Pete going off (the budgie, not a person)", "Biscuit (our
    cat)" (not "Chidi (my cousin)", nor a bracket after another name)."""
    i = span.end
    while i < len(doc) and i - span.end < 3 and doc[i].text != "(":
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON") or doc[i].is_punct or "\n" in doc[i].text:
            return None  # the bracket is said of something else
        i += 1
    if i >= len(doc) or doc[i].text != "(":
        return None
    words = [t for t in doc[i + 1:i + 5] if t.lower_ not in OWNED and t.pos_ != "ADJ"]
    noun = words[0] if words and words[0].pos_ == "NOUN" and words[0].is_lower else None
    if noun is None or noun.i + 1 >= len(doc) or doc[noun.i + 1].text not in (")", ",", ";"):
        return None  # not "Mum (the dog's favourite)"
    return _kind_of(noun)


INDEFINITE = {"a", "an"}


def _named_new(doc, span) -> str | None:
    """The kind of the animal or thing brought in just before a name is given to "him", "her" or "it": "Bought you a
    rabbit. He is grey and your mam named him Mr Bun", "We got a puppy! The kids named him Rolo" (not "a baby girl
    ... named her Adaeze")."""
    root = span.root
    verb = root.head
    if verb.lemma_.lower() not in NAMING:
        return None
    if root.dep_ in ("oprd", "attr", "xcomp", "npadvmod"):
        if not any(c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her") for c in verb.children):
            return None
    elif not (root.dep_ == "dobj" and verb.lemma_.lower() != "call" and any(c.dep_ == "poss" and c.lower_ == "her" for c in root.children)):
        return None  # "named her Pickle", which the tagger reads as her pickle (not "called her Mum": rang her mother)
    start = root.sent.start
    before = doc[max(doc[start - 1].sent.start, start - 40) if start > 0 else 0:verb.i]
    brought = [t for t in before if t.pos_ == "NOUN" and t.is_lower and any(
        c.dep_ == "det" and c.lower_ in INDEFINITE for c in t.children)]
    if not brought or any(t.lemma_.lower() in PERSON_KINDS or t.lower_ in KIN_ROLE for t in brought):
        return None  # a baby, a girl, a nephew: someone
    return _kind_of(brought[-1])


def _put_down(root) -> bool:
    """Is a name had put down, as only an animal is: "We had Rusty put down Friday", "Had Dougal put down this morning"
    (not "Put Isla down for her nap", "put Tom down for the raffle")?"""
    verb = root.head
    if verb.lemma_.lower() != "put" or not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "as", "on") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in verb.children):
        return False  # put down for a nap, as a reference, on the list
    caused = verb.head.lemma_.lower() in ("have", "get") and verb.dep_ in ("ccomp", "xcomp") or any(
        c.dep_ == "aux" and c.lemma_.lower() in ("have", "get") for c in verb.children) and root.i < verb.i
    return root.dep_ in ("nsubj", "dobj") and caused


def _perceived(root) -> bool:
    """Is "could tell" said of a name, seeing, not telling: "Aisling is a vet, which Rua could tell" (not "Tom could tell
    me", "Tom can tell you")?"""
    verb = root.head
    return root.dep_ == "nsubj" and verb.lemma_.lower() == "tell" and any(
        c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children) and not any(
        c.dep_ in ("dative", "dobj") and c.lower_ not in ("which", "that", "it", "this") for c in verb.children)


class Kinds:
    """Say, at each mention of a name, what the words around it make it."""

    name = "kinds"
    version = "21"  # 21: (the lead) things26's `_broke_down` taken out: a name that "died" near a breakdown's words was a car though the words were of a real death ("Sam Kerr died last night. ... I had to ring the AA because the car wouldn't start"), so a real death and a person were lost; 20: things26 (a car that "died", "conked out" or "has gone" beside the words of a breakdown or a sale, "waiting for the tow truck", "DVLA form posted", where no person's death is told, `_broke_down`; a death that recurs, "RIP Bettie (for the fourth time)", `_dies_again`; "Bluebell, my little Micra", `_a_make_of_car`; a pronoun likened to a role is given none, "proud like she is my own daughter", `_given_a_role`; "Baby Boy Shah", a hospital's label for a child not yet named, `_newborn_label`); 19: things25 (a kind in a bracket after a name, "Pete (the budgie)"; an animal or a thing brought in and then named, "a rabbit ... named him Mr Bun"; "had Rusty put down"; a character "killed off"; "felt like the Queen"; a feast's figure, "a carrot out for Rudolph" at Christmas; "which Rua could tell" sees, not tells); 18: notpeople21 (a part in a play the text is about, "Sophie Hill is Mrs Birling", "cast Aoife as Lady Macbeth"; the first word of a street's name; a dog that eats a sock or chews a shoe; a car fixed or filled with fuel; "the vet gave Rocco his jabs"; not "Sergeant Kelly barked orders"; "Edison is his address now" is a place); 17: mdlines19 (a list of titles read from lines.marked_lines: an en dash opens an item too); 16: notesmd17 (the bare items of a list of things are titles, no one: "- Bohemian Rhapsody\n- Hey Jude", kinds.titled_items); 15: peopleprec17 (a name after "a" or "an" that does nothing only people do is a thing: "asked for a Dr Pepper"; "Big Bertha is our camper van", the tagger's proper noun in lower case, is a thing; "St Barnabas was full" is a place, not "St. John said" nor "St. John's face"; a breed said of a name is a pet's, "Pulga is a chihuahua"); 14: people15 (words of two or more said as a sentence of their own with an emoji, or wished "to all", are a set phrase: "🙏 Sat Sri Akal.", "Ramadan Kareem to all"); 13: people13 (a name after "the" is no one: "the Lord Nelson"; what is watched, read or listened to; a possessive owning nothing, "ask Rita's"; a word before a bare command, "Arre, tell Mama"); 12: dupes11 (a namesake "named after" another is someone new: "we named him Thomas, after my grandfather"); 11: people10 (kin a name has, "Ciarán's mam"; what is sung; "X ate it off the counter", "X tried to lick his face"; "the Norfolk and Norwich"; where one goes or stays; "Dear X, You are" no firm); 10: names9 (a name said once doing what only people do is a person, whatever the tagger took it for: people.acts_as_person); 9: people8 (a thing named by what it is, "my starter is named Clint"; a car that "wouldn't start"; "Ravi bhai")

    def __call__(self, ex: Extraction) -> Extraction:
        doc = ex.doc
        if doc is None or not ex.people:
            return ex
        quotes = quoted(ex.text)
        # not a relation read from a kin word alone ("NANA"), nor an animal's ("she was your dog as much as mine")
        told = [r for r in ex.relations if not r.how.startswith("kin") and r.relation not in ANIMALS and r.relation not in THINGS
                and r.relation not in PLACES and r.relation not in ADDRESSES]  # nor a thing's or a place's ("Herbie is our car")
        related = {r.subject for r in told} | {r.object for r in told}
        for p, person in enumerate(ex.people):
            names = [m for m in person.mentions if m.kind in ("name", "title")]
            for m in names:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span):
                    m.sign = sign(doc, span, quotes)
                    person.new = person.new or m.kind == "name" and _introduced(doc, span)
                    if m.sign is None and inside(m.start, quotes) and not ex.speakers:
                        m.sign = "spoken" if spoken_to(doc, span) and _speaker(doc, m.start, quotes) == "other" else "quoted"
            for m in person.mentions:
                if m.kind == "pronoun":
                    span = doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is not None and len(span) == 1 and _given_a_role(span[0]):
                        m.sign = "person"
                    elif span is not None and len(span) == 1 and span[0].lower_ in ("he", "she", "him", "her"):
                        m.sign = _animal(span[0])
            if names and (p in related or any(m.kind == "addressee" for m in person.mentions)) and not any(
                    m.sign in ("pet", "thing", "place") for m in person.mentions):
                names[0].sign = "person" if names[0].sign in (None, "titled") else names[0].sign  # "my friend Carys", "Dear Gwen, ... you"
        return ex
