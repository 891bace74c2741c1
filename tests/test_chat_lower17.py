"""Lowercase names in chats read PRECISELY (issue 13, chatlower17): written before the people rules were read, 58 short
chats in US teen, UK, Nigerian Pidgin-English, Indian, Taglish, Spanglish and Malaysian English, full of lowercase
words after the same marks a name follows ("with rice", "w/ cheese", "tell ya", "si ako", "@ home", "ate na", "kuya"
alone, "con queso", "tell am", "with didi", "tell dia", "with makcik", "w/ the squad", "with bae", brands and food) and
real lowercase names. A careful reader lists a name only on evidence: a speaker's name, a name the chat also writes
capitalised, or one said after a mark of a person more than once. Each chat gives the people a careful reader lists
(the other speakers too) and lowercase words that are no one. SQLite (the reading is the extractor's)."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, has_name

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]


def chat(*turns, people=(), no=()):
    return chat_lines(*turns), list(people), list(no)


CHATS = [
    # US teen
    chat(("Kayla", "omg tell ya what"), ("Kayla", "i'm so done w/ this class"), ("Bri", "lmaooo same"),
         ("Bri", "we should get boba w/ jaden after"), ("Kayla", "ya text jaden"),
         people=["bri", "jaden"], no=["ya", "class", "boba", "lmaooo"]),
    chat(("Ty", "at chipotle w/ cheese fries lol"), ("Ty", "jk they dont have those"), ("Marcus", "bruh"),
         ("Marcus", "u with devon?"), ("Ty", "nah devon's @ home"),
         people=["marcus", "devon"], no=["cheese", "chipotle", "home", "bruh", "fries", "jk"]),
    chat(("Ava", "with bae rn 🥰"), ("Ava", "jk im w/ the squad"), ("Lily", "who's in the squad lol"),
         ("Ava", "me, sophie and kenzie"), ("Lily", "tell kenzie she owes me"),
         people=["lily", "sophie", "kenzie"], no=["bae", "squad", "rn", "lol"]),
    chat(("Jake", "yo @ everyone game at 7"), ("Jake", "@tyler u driving?"), ("Tyler", "ya w/ my mom's car"),
         ("Jake", "bet. bring ethan"), people=["tyler", "ethan"], no=["everyone", "game", "bet", "car", "yo"]),
    chat(("Emma", "had mac n cheese with grandma"), ("Emma", "then went shopping w/ olivia"),
         ("Mia", "omg olivia from bio??"), ("Emma", "ya olivia"),
         people=["olivia", "mia"], no=["cheese", "grandma", "bio", "shopping", "mac"]),
    chat(("Chris", "tell ur bro congrats"), ("Chris", "and tell jordan too"), ("Sam", "jordan already knows lol"),
         ("Sam", "he was with us at the game"), people=["jordan", "sam"], no=["bro", "congrats", "game"]),
    chat(("Madison", "omw w/ coffee"), ("Madison", "@ starbucks rn"), ("Madison", "want anything? ask hailey"),
         ("Hailey", "oat milk latte pls"), people=["hailey"], no=["coffee", "starbucks", "latte", "oat", "omw"]),
    chat(("Zoe", "lunch with dad and tyler"), ("Zoe", "tyler ate all the fries smh"), ("Nora", "lol tyler"),
         people=["tyler", "nora"], no=["lunch", "dad", "fries", "smh"]),
    chat(("Leah", "w/ grandpa at the lake"), ("Leah", "fishing w/ worms ew"), ("Leah", "uncle mike says hi"),
         ("Cam", "tell uncle mike hi back"), people=["mike", "cam"], no=["grandpa", "lake", "worms", "ew", "fishing"]),
    chat(("jay", "w/ nutella and strawberries"), ("jay", "ask kai"), ("kai", "lol what"), ("jay", "kai u want some"),
         people=["kai"], no=["nutella", "strawberries"]),
    chat(("bella", "sleepover w/ addy and june"), ("bella", "june's bringing oreos"),
         ("rose", "omg with oreos?? tell june ily"), people=["rose", "addy", "june"], no=["sleepover", "oreos", "ily"]),
    # UK
    chat(("Olly", "fancy a pint with the lads"), ("Olly", "or tea w/ biscuits at mine"),
         ("George", "pint. is alfie coming"), ("Olly", "ask alfie, he's with his nan"),
         people=["george", "alfie"], no=["lads", "biscuits", "tea", "pint", "nan"]),
    chat(("Chloe", "tell ya what, chippy tonight"), ("Chloe", "with mushy peas obv"), ("Imogen", "yes!! tell freya"),
         ("Chloe", "freya's with her boyfriend"), ("Imogen", "with jack? tell freya to bring jack"),
         people=["imogen", "freya", "jack"], no=["chippy", "peas", "ya", "boyfriend", "obv"]),
    chat(("Harry", "cheers mate, see you @ the pub"), ("Harry", "with dave and that"), ("Harry", "Dave's buying"),
         ("Tom", "ha dave never buys"), people=["dave", "tom"], no=["mate", "pub", "cheers"]),
    chat(("Mum", "tell nan i'll ring her later"), ("Mum", "and with grace's present sorted"),
         ("Beth", "done, grace loved it x"), ("Mum", "ahh lovely"), people=["beth", "grace"], no=["nan", "present"]),
    chat(("Amir", "ta for the lift"), ("Amir", "going w/ the missus to asda"), ("Kieran", "no bother. say hi to leanne"),
         ("Amir", "will do, leanne says hiya"), people=["kieran", "leanne"],
         no=["lift", "missus", "asda", "bother", "hiya"]),
    chat(("Sophie", "@ work til 6"), ("Sophie", "then dinner with poppy"), ("Sophie", "Poppy's paying lol"),
         ("Ellie", "jealous. with rice or chips?"), people=["poppy", "ellie"],
         no=["work", "dinner", "rice", "chips", "jealous"]),
    chat(("Callum", "tell ya mam i said ta"), ("Callum", "and our kid's with ryan"), ("Liam", "ryan from work?"),
         ("Callum", "aye ryan"), people=["liam", "ryan"], no=["ya", "mam", "kid", "aye", "work"]),
    chat(("Nia", "with a cuppa and a biscuit"), ("Nia", "rhys rang, he's w/ his dad"), ("Nia", "tell rhys to ring back"),
         ("Owen", "k"), people=["rhys", "owen"], no=["cuppa", "biscuit", "dad"]),
    # Nigerian Pidgin-English
    chat(("Tunde", "i dey with oga for office"), ("Tunde", "tell am say i go late"), ("Bola", "ok. tell kunle too"),
         ("Tunde", "kunle dey with me"), ("Bola", "ehen, greet kunle"),
         people=["bola", "kunle"], no=["oga", "am", "office", "ehen"]),
    chat(("Ngozi", "we chop jollof with plantain"), ("Ngozi", "and suya w/ pepper"), ("Ada", "o boy. with chidi?"),
         ("Ngozi", "yes, chidi and his wife amaka"), ("Ada", "tell amaka hi"),
         people=["ada", "chidi", "amaka"], no=["jollof", "plantain", "suya", "pepper", "boy"]),
    chat(("Emeka", "abeg tell mama i dey come"), ("Emeka", "i dey with bros"),
         ("Chioma", "bros ke? tell obinna to call me"), ("Emeka", "Obinna don travel"),
         people=["chioma", "obinna"], no=["mama", "bros", "abeg", "ke"]),
    chat(("Femi", "with small chops and zobo"), ("Femi", "@ the party now"), ("Femi", "si e dey?"),
         ("Bisi", "who? tola?"), ("Femi", "yes tola. tell tola i dey here"),
         people=["bisi", "tola"], no=["chops", "zobo", "party", "dey"]),
    chat(("Yemi", "mummy dey with iya agba"), ("Yemi", "tell baba too"), ("Dayo", "ok. tell sade she fit come"),
         ("Yemi", "sade dey with bukola for lekki"), people=["dayo", "sade", "bukola"],
         no=["mummy", "iya", "agba", "baba", "lekki"]),
    chat(("Kemi", "i dey wait with ogbeni"), ("Kemi", "ogbeni don vex"), ("Segun", "lol tell him sorry"),
         ("Kemi", "tell segun to buy fuel"), people=["segun"], no=["ogbeni", "fuel", "vex"]),
    chat(("Uche", "with my guy ifeanyi"), ("Uche", "Ifeanyi say make we go"), ("Tobi", "oya. with ifeanyi and who?"),
         ("Uche", "with chinedu"), people=["tobi", "ifeanyi", "chinedu"], no=["guy", "oya"]),
    chat(("Funmi", "aunty said make we come with rice"), ("Funmi", "and with ewa agoyin"),
         ("Wale", "ok tell aunty bimpe i dey come"), ("Funmi", "aunty bimpe go happy"),
         people=["wale", "bimpe"], no=["aunty", "rice", "ewa", "agoyin"]),
    # Indian
    chat(("Rohan", "yaar with chai and samosa"), ("Rohan", "tell bhaiya i'll be late"), ("Aditi", "ok. with aarav?"),
         ("Rohan", "ya aarav and ishaan"), ("Aditi", "tell ishaan to bring the charger"),
         people=["aditi", "aarav", "ishaan"], no=["yaar", "chai", "samosa", "bhaiya", "charger"]),
    chat(("Priya", "going with didi to the mandir"), ("Priya", "then lunch w/ paneer tikka"), ("Nisha", "tell didi hi"),
         ("Nisha", "is kabir with you"), ("Priya", "Kabir is at cricket"),
         people=["nisha", "kabir"], no=["didi", "mandir", "paneer", "tikka", "cricket"]),
    chat(("Arjun", "meeting with gupta ji"), ("Arjun", "then w/ client"),
         ("Vivek", "gupta ji again? tell gupta ji i said namaste"),
         people=["vivek", "gupta"], no=["client", "namaste", "meeting"]),
    chat(("Sneha", "@ office, with the team"), ("Sneha", "tell mummy dinner with dal"), ("Rahul", "ok. is tanvi coming?"),
         ("Sneha", "tanvi is with her inlaws"), people=["rahul", "tanvi"],
         no=["office", "team", "mummy", "dal", "inlaws"]),
    chat(("Meera", "chalo, with ravi and anjali"), ("Meera", "ravi's driving"), ("Dev", "tell anjali to sit in front"),
         ("Meera", "anjali says no lol"), people=["dev", "ravi", "anjali"], no=["chalo", "front"]),
    chat(("Karthik", "with amma at the temple"), ("Karthik", "appa also"), ("Divya", "tell amma i'll call"),
         ("Divya", "and with lakshmi akka?"), ("Karthik", "lakshmi akka went to chennai"),
         people=["divya", "lakshmi"], no=["amma", "appa", "temple", "akka", "chennai"]),
    chat(("Aman", "bro with the boys tonight"), ("Aman", "w/ biryani from paradise"), ("Sid", "tell the boys i'm in"),
         ("Sid", "is kunal with u"), ("Aman", "Kunal's coming late"),
         people=["sid", "kunal"], no=["boys", "biryani", "paradise", "bro"]),
    chat(("Pooja", "beta, with whom are you going"), ("Ishaan", "with rohit and sameer"),
         ("Pooja", "tell rohit's mother i said hello"), people=["ishaan", "rohit", "sameer"], no=["beta", "mother"]),
    # Taglish
    chat(("Joy", "si ate na bahala sa food"), ("Joy", "kuya naman?"), ("Mae", "si kuya nasa work pa"),
         ("Mae", "ate na ko, kain ka na"), people=["mae"], no=["ate", "kuya", "food", "kain", "work", "bahala"]),
    chat(("Rica", "sabay ako kay migo"), ("Rica", "si migo daw mag drive"), ("Bea", "ok sige, si ako na sa drinks"),
         ("Bea", "with chips and dip"), people=["bea", "migo"], no=["sige", "ako", "drinks", "chips", "dip"]),
    chat(("Paolo", "nag lunch kami with tita"), ("Paolo", "with adobo and rice"), ("Gab", "sino kasama?"),
         ("Paolo", "si tita and si jeric"), ("Gab", "ay si jeric! kumusta"),
         people=["gab", "jeric"], no=["tita", "adobo", "rice", "sino", "kumusta"]),
    chat(("Anne", "w/ mama sa mall"), ("Anne", "si bunso kasama"), ("Liza", "ayy. tell mama hi"),
         ("Liza", "si lola ok na?"), people=["liza"], no=["mama", "bunso", "mall", "lola"]),
    chat(("Kat", "@ home na ko"), ("Kat", "pagod sa work"), ("Dom", "sige. text mo si nica"),
         ("Kat", "ok si nica tapos si paulo"), ("Dom", "ate nica diba?"),
         people=["dom", "nica", "paulo"], no=["home", "work", "pagod", "sige"]),
    chat(("Lani", "nag jollibee kami w/ the kids"), ("Lani", "si enzo gusto ng spaghetti"),
         ("Cha", "hahaha si enzo talaga"), ("Cha", "tell enzo hi from tita cha"),
         people=["cha", "enzo"], no=["jollibee", "kids", "spaghetti", "tita", "hahaha"]),
    chat(("Mika", "sino kasama mo sa party?"), ("Jen", "si bea tsaka si carla"), ("Mika", "carla? si Carla Reyes?"),
         ("Jen", "oo haha"), people=["jen", "bea", "carla"], no=["party", "sino", "haha"]),
    chat(("Ivy", "kuya alone sa bahay"), ("Ivy", "si mama nasa palengke"), ("Joel", "kawawa si kuya haha"),
         ("Joel", "sabihin mo kay kuya bili tayo pizza"),
         people=["joel"], no=["kuya", "mama", "bahay", "palengke", "pizza", "kawawa"]),
    chat(("Grace", "si ate joan na daw"), ("Grace", "ate joan is w/ her bf"), ("Liza", "ok tell ate joan thanks"),
         people=["liza", "joan"], no=["bf", "daw"]),
    # Spanglish
    chat(("Carla", "con mi tia at the fiesta"), ("Carla", "w/ tamales y todo"), ("Lucia", "que rico. is mateo there?"),
         ("Carla", "sí, con mateo y su novia"), ("Lucia", "tell mateo hola"),
         people=["lucia", "mateo"], no=["tia", "fiesta", "tamales", "todo", "novia", "hola"]),
    chat(("Javi", "vamos con todo"), ("Javi", "w/ queso dip"), ("Marco", "con quien?"), ("Javi", "con nacho y rafa"),
         ("Marco", "tell rafa que traiga la bocina"),
         people=["marco", "nacho", "rafa"], no=["todo", "queso", "quien", "bocina", "dip"]),
    chat(("Sofia", "mi abuela con su cafecito"), ("Sofia", "with pan dulce"), ("Dani", "aww tell abuela hi"),
         ("Dani", "and tell tío beto"), ("Sofia", "Beto's working"),
         people=["dani", "beto"], no=["abuela", "cafecito", "pan", "dulce"]),
    chat(("Luis", "fui con mi primo"), ("Luis", "w/ el carro de papi"), ("Ana", "con cual primo? con santi?"),
         ("Luis", "sí santi"), people=["ana", "santi"], no=["primo", "carro", "papi", "cual"]),
    chat(("Elena", "@ la playa w/ the fam"), ("Elena", "con los niños"), ("Marta", "tell the niños hi"),
         ("Marta", "is lupe with you?"), ("Elena", "Lupe stayed home"),
         people=["marta", "lupe"], no=["playa", "fam", "niños", "home"]),
    chat(("Pedro", "watching the game w/ mi compa"), ("Pedro", "tell ya later"), ("Rosa", "with memo?"),
         ("Pedro", "ya con memo"), people=["rosa", "memo"], no=["game", "compa", "ya"]),
    chat(("Vale", "with frijoles and arroz"), ("Vale", "mami says come with hambre"), ("Diego", "jaja ok. with gabi?"),
         ("Vale", "sí with gabi, tell gabi to bring flan"),
         people=["diego", "gabi"], no=["frijoles", "arroz", "mami", "hambre", "flan", "jaja"]),
    # Malaysian English
    chat(("Wei", "makan with makcik later"), ("Wei", "w/ nasi lemak"), ("Hui", "ok lah. tell makcik thank you"),
         ("Wei", "with jun hao also"), people=["hui", "jun"], no=["makcik", "nasi", "lemak", "lah", "makan"]),
    chat(("Aisyah", "tell abang i balik late"), ("Aisyah", "with kawan-kawan at mamak"), ("Farah", "ok. with siti?"),
         ("Aisyah", "yes with siti and nurul"), ("Farah", "tell siti hi"),
         people=["farah", "siti", "nurul"], no=["abang", "kawan", "mamak", "balik"]),
    chat(("Ken", "@ pasar malam now"), ("Ken", "w/ my cousin wei ming"), ("Li", "wah. tell wei ming belanja"),
         ("Ken", "Wei Ming say can"), people=["li", "ming"], no=["pasar", "malam", "cousin", "belanja", "wah"]),
    chat(("Raj", "with uncle at the kopitiam"), ("Raj", "teh tarik with kaya toast"), ("Mei", "tell uncle kurang manis"),
         ("Mei", "is darren with u"), ("Raj", "darren coming later lah"),
         people=["mei", "darren"], no=["kopitiam", "teh", "tarik", "kaya", "toast", "kurang", "manis", "lah"]),
    chat(("Hafiz", "dia with adik"), ("Hafiz", "tell dia jangan lupa"), ("Amin", "tell who? adik or kak long?"),
         ("Hafiz", "adik la"), people=["amin"], no=["dia", "adik", "jangan", "lupa"]),
    chat(("Jia", "shopping w/ mum at midvalley"), ("Jia", "then boba with yi ling"), ("Xin", "tell yi ling i miss her"),
         ("Jia", "Yi Ling says same"), people=["xin", "ling"], no=["shopping", "mum", "midvalley", "boba"]),
    chat(("Arif", "dinner with the family"), ("Arif", "roti canai w/ dhal"), ("Siva", "ask kumar to join"),
         ("Arif", "kumar with his wife already"), people=["siva", "kumar"],
         no=["roti", "canai", "dhal", "family", "dinner"]),
]


def read(memory, said):
    """(every name read at all, the names of those listed): the writer left out."""
    me = said["jsonl"][0]["speaker"].lower()

    def names(everyone):
        people = [[n for n in (p["name"], *p["aliases"])] for p in memory.people(everyone=everyone)]
        return [ns for ns in people if not any(n.lower() in ("me", me) for n in ns)]
    return names(True), names(False)


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    """Each chat read in a memory of its own: (people read, people wanted, listed, listed who are the chat's
    people, the no-one words read as names, the people missed, those listed who are no one)."""
    read_n = want = listed = right = 0
    wrong, missed, strays = [], [], []
    for i, (said, people, no) in enumerate(CHATS):
        folder = tmp_path_factory.mktemp(f"chat{i}")
        with Memory(folder / "m.db") as memory:
            add_told(memory, said, folder)
            every, shown = read(memory, said)
        names = [n for ns in every for n in ns]
        found = [p for p in people if has_name(names, p)]
        read_n, want = read_n + len(found), want + len(people)
        missed += [p for p in people if p not in found]
        listed += len(shown)
        good = [any(has_name(ns, p) for p in people) for ns in shown]
        right += sum(good)
        strays += [ns[0] for ns, g in zip(shown, good) if not g]
        wrong += [w for w in no if has_name(names, w)]
    return read_n, want, listed, right, sorted(wrong), sorted(missed), sorted(strays)


def test_the_set_is_large_enough():
    assert len(CHATS) >= 50 and sum(len(p) for _, p, _ in CHATS) >= 120 and sum(len(n) for _, _, n in CHATS) >= 240


def test_lowercase_names_are_read_on_evidence_and_no_word_after_a_mark_is(figures):
    read_n, want, listed, right, wrong, missed, strays = figures
    print(f"recall {read_n}/{want} = {read_n / want:.2f}; listed {listed}, of them the chats' people {right}"
          f" (P {right / max(listed, 1):.3f}); no-one words read: {wrong}; listed, no one: {strays}; missed: {missed}")
    assert wrong == [] and strays == []
    assert read_n / want >= RECALL and right >= listed * PRECISION, (read_n, listed, right, missed)


RECALL = 0.70  # main 67/122 = 0.55, no word read wrongly; chatnames16 110/122 but 7 words read ("bae", "chai", "kaya")
PRECISION = 1.0


def _turns(*turns):
    """A chat as the extractor gets it: its text ("Speaker: words" lines) and its turns (start, end, speaker)."""
    text, spans = "", []
    for who, said in turns:
        start = len(text) + len(who) + 2
        text += f"{who}: {said}\n"
        spans.append((start, start + len(said), who))
    return text, spans


def _evidence(*turns) -> dict:
    from remembrancer.extract.people import chat_names

    text, spans = _turns(*turns)
    return {text[s:e].lower(): how for s, e, _, how in chat_names(text, spans)}


@pytest.mark.parametrize("turns, want", [
    # a speaker's name typed in lower case after a mark
    ((("Mo", "tell ffion to hurry"), ("Ffion", "ya")), {"ffion": "speaker"}),
    # after a mark of a person, and once more after a mark ("w/", a title between "tell" and the name)
    ((("Jo", "tell freya hi"), ("Al", "freya's w/ her bf")), {}),
    ((("Jo", "tell freya hi"), ("Al", "w/ freya rn")), {"freya": "marked"}),
    ((("Jo", "si ate joan na daw"), ("Al", "ok tell ate joan")), {"joan": "marked"}),
    ((("Jo", "with ravi and anjali"), ("Al", "tell anjali to drive")), {"anjali": "marked"}),
    # after a mark, and written capitalised elsewhere
    ((("Jo", "tell obinna to call me"), ("Al", "Obinna don travel")), {"obinna": "capitalised"}),
])
def test_a_lowercase_name_is_read_on_evidence_and_named(turns, want):
    assert _evidence(*turns) == want


@pytest.mark.parametrize("turns", [
    (("Jo", "si migo daw mag drive"), ("Al", "ok sige")),  # one mark: too little
    (("Jo", "w/ cheese fries"), ("Al", "with cheese pls")),  # marks of company only: things too
    (("Jo", "with makcik later"), ("Al", "tell makcik thank you")),  # a kin word of another English
    (("Jo", "tell jollof hi lol"), ("Al", "with my jollof")),  # said after "my": a thing
    (("Jo", "tell ya what"), ("Al", "with ya")),  # an ordinary word
    (("Jo", "it was great duchess. seahouses on the 22nd?"), ("Al", "auntie. seahouses!")),  # no mark across a stop
    (("Steve", "you were 10 days late gemma"), ("Gemma", "dad im huge")),  # a speaker's name is cased only by a mark
])
def test_a_lowercase_word_on_too_little_evidence_is_no_name(turns):
    assert _evidence(*turns) == {}


def test_a_name_read_on_a_chats_evidence_is_less_sure_than_a_capitalised_one(tmp_path):
    said = chat_lines(("Imogen", "yes!! tell freya"), ("Chloe", "w/ freya now"), ("Chloe", "Amelia says hi"),
                      ("Imogen", "tell Amelia hi back"))
    with Memory(tmp_path / "m.db") as memory:
        add_told(memory, said, tmp_path)
        sure = {r[0].lower(): r[1] for r in memory.query(
            "SELECT p.name, max(m.sure) FROM mentions m JOIN people p ON p.id = m.person GROUP BY p.name")}
    assert "freya" in sure and "amelia" in sure and sure["freya"] < sure["amelia"], sure
