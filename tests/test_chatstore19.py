"""Lower-case names in chats read on the evidence of the whole chat log, not of one day (issue 13, chatstore19).

Written before the rules were read: 43 multi-day chat logs (JSONL, one message a line, as `import jsonl` takes them;
the store makes one chat a day) in Filipino, Indian, Nigerian, British, American and Australian English, teens and
adults, family and friends. Many name a friend once a day in lower case ("tell ravi i said hi" on Monday, "ravi's
coming too" on Friday, "with ravi and anjali" a week on); many hold traps that recur over the days: a dish, a shop, a
town, a pet, a band, a device, a kin word ("mama", "bro"). Each log gives the people a careful reader lists (the
other speakers too) and the lower-case words that are no one. The same log added day by day in two orders must give
the same people. SQLite (the reading is the extractor's)."""
import json

import pytest

from remembrancer import Memory

from conftest import has_name

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]


def log(me, other, *days, people=(), no=(), start="2024-03-04"):
    """A chat log: `days` are lists of turns, each a text (the writer's) or (speaker, text); a day a week apart from
    the last but one (so the days fall on different dates in any order)."""
    from datetime import date, timedelta

    lines = []
    for d, turns in enumerate(days):
        day = date.fromisoformat(start) + timedelta(days=3 * d)
        for i, turn in enumerate(turns):
            who, text = (me, turn) if isinstance(turn, str) else (other if turn[0] == 1 else turn[0], turn[1])
            lines.append({"speaker": who, "text": text, "at": f"{day}T19:{i:02d}:00"})
    return {"me": me, "lines": lines}, list(people), list(no)


O = 1  # the other speaker

LOGS = [
    # Filipino (Taglish), adults and teens
    log("Marites", "Joy",
        ["tell ravi i said hi", (O, "sige sige")],
        [(O, "nasa bahay ka?"), "oo, ravi's coming too mamaya"],
        ["dinner with ravi and anjali later", (O, "ingat kayo")],
        people=["joy", "ravi"], no=["bahay", "mamaya", "dinner", "sige"]),
    log("Carlo", "Bea",
        ["si migo daw ang magdadrive", (O, "ok lang")],
        [(O, "kain tayo adobo"), "adobo na naman haha"],
        ["sabay tayo kay migo bukas", (O, "sige g")],
        ["adobo with rice pls", (O, "sabi ni migo late siya")],
        people=["bea", "migo"], no=["adobo", "rice", "kain", "tayo", "sige"]),
    log("Tess", "Lorna",
        ["kumusta si tita baby?", (O, "ok naman")],
        [(O, "nag jollibee kami ni jun"), "sarap jollibee"],
        ["tell jun happy birthday", (O, "ok will tell him")],
        ["jollibee ulit later with jun", (O, "haha")],
        people=["lorna", "jun"], no=["jollibee", "kami", "sarap", "ulit"]),
    log("Anna", "Kuya Mark",
        ["kuya nasaan si bunso", (O, "nasa school")],
        [(O, "sunduin mo si ella"), "ok po"],
        ["ella's with her friends na", (O, "sige")],
        ["nagtext si ella kuya", (O, "ano daw")],
        people=["mark", "ella"], no=["school", "bunso", "sunduin", "nasaan"]),
    log("Pia", "Mae",
        ["ate na sa sm", (O, "anong oras")],
        ["ask dindo if he can fetch us", (O, "ok")],
        [(O, "sm ulit bukas?"), "oo, with dindo na"],
        people=["mae", "dindo"], no=["sm", "ulit", "oras"]),
    log("Rico", "Jen",
        ["mama cooked sinigang", (O, "sarap")],
        [(O, "tell mama thanks for the sinigang"), "will do"],
        ["sinigang with mama again lol", (O, "haha sana all")],
        people=["jen"], no=["mama", "sinigang", "sarap"]),
    log("Dianne", "Cel",
        ["tell tonyo na tara sa tagaytay", (O, "sige")],
        [(O, "tagaytay ulit? haha"), "oo bulalo sa tagaytay"],
        [(O, "sama si tonyo?"), "yes tonyo's driving"],
        people=["cel", "tonyo"], no=["tagaytay", "bulalo", "tara", "ulit"]),
    # Indian
    log("Priya", "Neha",
        ["tell anand i'll call tonight", (O, "ok")],
        [(O, "biryani at paradise?"), "yes paradise biryani is the best"],
        ["anand's parents are coming", (O, "oh nice")],
        ["we went to paradise with anand", (O, "lucky")],
        people=["neha", "anand"], no=["biryani", "paradise", "parents"]),
    log("Rahul", "Vikram",
        ["rohit bhai is coming to pune", (O, "when")],
        [(O, "tell rohit to bring the charger"), "ok"],
        ["pune traffic is mad", (O, "pune is always mad")],
        people=["vikram", "rohit"], no=["pune", "traffic", "charger", "bhai"]),
    log("Sneha", "Divya",
        ["ask meera if she wants chai", (O, "she always wants chai")],
        ["masala chai with meera today", (O, "nice")],
        [(O, "meera's exam is tomorrow"), "all the best to her"],
        people=["divya", "meera"], no=["chai", "masala", "exam"]),
    log("Arjun", "Karthik",
        ["met suresh at the temple", (O, "which temple")],
        [(O, "suresh called me"), "what did he say"],
        ["idli with suresh at saravana bhavan", (O, "saravana is good")],
        people=["karthik", "suresh"], no=["temple", "idli", "saravana", "bhavan"]),
    log("Ananya", "Ishaan",
        ["didi is coming home", (O, "nice")],
        ["text kabir about the match", (O, "done")],
        [(O, "kabir and me at the nets"), "ok"],
        ["kabir's bat broke lol", (O, "rip")],
        people=["ishaan", "kabir"], no=["didi", "match", "nets", "bat"]),
    log("Lakshmi", "Geeta",
        ["tell pooja aunty i'm sorry i missed her", (O, "ok")],
        [(O, "pooja aunty's daughter got married"), "so sweet"],
        ["dosa with pooja aunty next week", (O, "fun")],
        people=["geeta", "pooja"], no=["dosa", "aunty", "daughter"]),
    # Nigerian
    log("Tunde", "Ngozi",
        ["tell emeka i dey come", (O, "ok o")],
        [(O, "jollof for sunday"), "jollof na my life"],
        ["emeka don reach lagos", (O, "thank god")],
        ["with emeka at the wedding", (O, "enjoy")],
        people=["ngozi", "emeka"], no=["jollof", "lagos", "wedding", "sunday"]),
    log("Bisi", "Funmi",
        ["ask tobi to send the money", (O, "ok")],
        [(O, "shoprite tomorrow"), "shoprite na far"],
        ["tobi said he has sent it", (O, "good")],
        [(O, "with tobi and kemi at shoprite"), "greet them for me"],
        people=["funmi", "tobi"], no=["shoprite", "money", "kemi"]),
    log("Chidi", "Obi",
        ["oga bayo called", (O, "what did he want")],
        [(O, "bayo wants the car"), "which car"],
        ["bayo's car is at the mechanic", (O, "wahala")],
        people=["obi", "bayo"], no=["car", "mechanic", "wahala", "oga"]),
    log("Amaka", "Ify",
        ["suya with chinedu later", (O, "enjoy")],
        [(O, "tell chinedu i need my charger"), "lol ok"],
        ["suya again. chinedu is a bad influence", (O, "haha")],
        people=["ify", "chinedu"], no=["suya", "charger", "influence"]),
    log("Kunle", "Seun",
        ["baba ibeji is sick", (O, "sorry")],
        [(O, "tell dayo to come to ibadan"), "ibadan? when"],
        ["dayo is in abuja", (O, "abuja ke")],
        ["met dayo at the airport", (O, "nice")],
        people=["seun", "dayo"], no=["ibadan", "abuja", "airport", "ibeji", "baba"]),
    # British
    log("Olly", "Harriet",
        ["tell finn i'll be late", (O, "ok")],
        [(O, "greggs run?"), "always a greggs run"],
        ["finn's coming to the pub", (O, "the usual?")],
        ["greggs with finn, sausage rolls", (O, "classic")],
        people=["harriet", "finn"], no=["greggs", "pub", "sausage"]),
    log("Gemma", "Sophie",
        ["ask callum about saturday", (O, "will do")],
        [(O, "walkies with biscuit"), "give biscuit a cuddle"],
        ["callum can't do saturday", (O, "boo")],
        ["with callum at tesco", (O, "get crisps")],
        people=["sophie", "callum"], no=["biscuit", "tesco", "walkies", "crisps", "saturday"]),
    log("Niamh", "Aoife",
        ["text ciaran about the lift", (O, "grand")],
        [(O, "ciaran's car is wrecked"), "typical"],
        ["met ciaran in the chipper", (O, "lol")],
        people=["aoife", "ciaran"], no=["chipper", "lift", "grand"]),
    log("Jack", "Ellie",
        ["tell mum i'll ring her", (O, "ok")],
        [(O, "bro are you coming to leeds?"), "yeah leeds on friday"],
        ["bro i'm knackered", (O, "same")],
        people=["ellie"], no=["mum", "bro", "leeds", "friday"]),
    log("Poppy", "Isla",
        ["invite rosie to the party", (O, "yes!")],
        [(O, "rosie's bringing prosecco"), "yesss"],
        ["party at rosie's?", (O, "no at mine")],
        ["with rosie and georgie at wetherspoons", (O, "classy")],
        people=["isla", "rosie"], no=["prosecco", "wetherspoons", "party"]),
    log("Dave", "Steve",
        ["arctic monkeys tickets sorted", (O, "get in")],
        [(O, "tell gaz he owes me a tenner"), "lol"],
        ["gaz is driving to sheffield", (O, "monkeys in sheffield!")],
        ["with gaz at the gig", (O, "jealous")],
        people=["steve", "gaz"], no=["arctic", "monkeys", "sheffield", "tenner", "gig"]),
    # American
    log("Kayla", "Bri",
        ["tell jaden i said hi", (O, "ok")],
        [(O, "chipotle?"), "chipotle always"],
        ["jaden's driving tonight", (O, "yay")],
        ["chipotle w/ jaden", (O, "invite me next time")],
        people=["bri", "jaden"], no=["chipotle", "tonight"]),
    log("Tyler", "Marcus",
        ["ask devon about the game", (O, "ok")],
        [(O, "devon's hurt"), "dang"],
        ["hoops w/ devon tmrw", (O, "bet")],
        people=["marcus", "devon"], no=["hoops", "game", "tmrw", "bet"]),
    log("Ashley", "Megan",
        ["tell alexa to play some music lol", (O, "lol")],
        [(O, "ask alexa the weather"), "alexa is useless"],
        ["with alexa blasting music", (O, "haha")],
        people=["megan"], no=["alexa", "weather", "music"]),
    log("Hannah", "Lauren",
        ["met brooke at target", (O, "omg")],
        [(O, "target run later?"), "target with brooke"],
        ["brooke's bday is sat", (O, "gift ideas?")],
        people=["lauren", "brooke"], no=["target", "bday", "gift"]),
    log("Ethan", "Noah",
        ["call mason about practice", (O, "ok")],
        [(O, "mason got a new puppy"), "named it waffles lol"],
        ["waffles ate mason's shoe", (O, "lmao")],
        ["with mason and waffles at the park", (O, "pics")],
        people=["noah", "mason"], no=["waffles", "puppy", "park", "practice"]),
    log("Grace", "Emily",
        ["grandma made pot roast", (O, "yum")],
        [(O, "tell grandma i love her"), "she says love you too"],
        ["pot roast with grandma again", (O, "lucky")],
        people=["emily"], no=["grandma", "roast", "pot"]),
    log("Mike", "Jess",
        ["taco bell with kyle", (O, "of course")],
        [(O, "text kyle he left his jacket"), "on it"],
        ["kyle says thanks", (O, "np")],
        people=["jess", "kyle"], no=["taco", "bell", "jacket"]),
    # Australian
    log("Bec", "Shaz",
        ["tell jono brekkie at 9", (O, "righto")],
        [(O, "bunnings sausage sizzle"), "love a bunnings snag"],
        ["jono's ute broke down", (O, "classic jono")],
        ["arvo with jono at bunnings", (O, "lol")],
        people=["shaz", "jono"], no=["bunnings", "brekkie", "snag", "ute", "arvo"]),
    log("Mitch", "Kaz",
        ["ask brodie about the footy", (O, "sure")],
        [(O, "brodie's at the beach"), "bondi?"],
        ["bondi with brodie sat", (O, "sunscreen!")],
        people=["kaz", "brodie"], no=["bondi", "footy", "beach", "sunscreen"]),
    log("Tash", "Lou",
        ["macca's run?", (O, "yes")],
        [(O, "tell mum we're at macca's"), "ok"],
        ["maccas with the girls", (O, "nice")],
        people=["lou"], no=["macca", "maccas", "mum", "girls"]),
    log("Jess", "Emma",
        ["tell harper she's a legend", (O, "she is")],
        [(O, "harper's moving to perth"), "nooo"],
        ["perth is so far", (O, "we'll visit")],
        ["farewell drinks with harper", (O, "i'm there")],
        people=["emma", "harper"], no=["perth", "drinks", "farewell"]),
    # family chats, mixed
    log("Mum", "Ravi",
        ["tell nani we'll come sunday", (O, "ok mum")],
        [(O, "is priyanka coming?"), "ask priyanka yourself"],
        ["priyanka's train is late", (O, "typical")],
        people=["ravi", "priyanka"], no=["nani", "sunday", "train"]),
    log("Dad", "Sam",
        ["tell your brother to call me", (O, "which one")],
        [(O, "ben's in leeds"), "tell ben to ring"],
        ["ben rang. all good", (O, "told you")],
        people=["sam", "ben"], no=["brother", "leeds"]),
    log("Nanay", "Liza",
        ["si tito ben nasa ospital", (O, "ano nangyari")],
        [(O, "tell tito ben get well soon"), "ok anak"],
        ["tito ben's home now", (O, "thank god")],
        people=["liza", "ben"], no=["ospital", "anak", "nangyari"]),
    log("Mama", "Ada",
        ["greet aunty nkechi for me", (O, "i will")],
        [(O, "aunty nkechi sent egusi"), "egusi na the best"],
        ["egusi with pounded yam", (O, "yum")],
        people=["ada", "nkechi"], no=["egusi", "yam", "pounded", "aunty"]),
    # traps that recur, with marks
    log("Zara", "Lily",
        ["with coldplay on repeat", (O, "lol")],
        [(O, "coldplay tickets?"), "coldplay sold out"],
        ["tell lily's mum thanks", (O, "she says np")],
        people=["lily"], no=["coldplay", "tickets", "repeat"]),
    log("Maya", "Priya",
        ["lunch with zomato again lol", (O, "lazy")],
        [(O, "zomato or swiggy?"), "swiggy with discount"],
        ["with swiggy, always", (O, "haha")],
        people=["priya"], no=["zomato", "swiggy", "discount", "lunch"]),
    log("Kofi", "Ama",
        ["tell kwame i'm outside", (O, "ok")],
        [(O, "kwame's car?"), "no i took an uber"],
        ["uber with kwame to the mall", (O, "nice")],
        ["kwame owes me for the uber", (O, "lol")],
        people=["ama", "kwame"], no=["uber", "mall", "car"]),
    log("Liam", "Zoe",
        ["walking luna", (O, "give luna a pat")],
        [(O, "tell luna she's a good girl"), "she wags"],
        ["luna with her ball at the park", (O, "cute")],
        people=["zoe"], no=["luna", "ball", "park"]),
]


def _lines(said):
    return "".join(json.dumps(line) + "\n" for line in said["lines"])


def _import(memory, folder, said, days=None):
    """The log imported whole, or day by day in the order of `days` (one import each)."""
    if days is None:
        path = folder / "chat.jsonl"
        path.write_text(_lines(said), encoding="utf-8")
        memory.import_path("jsonl", path, me=said["me"])
        return
    by_day = {}
    for line in said["lines"]:
        by_day.setdefault(line["at"][:10], []).append(line)
    ordered = sorted(by_day)
    for n, d in enumerate(days):
        path = folder / f"day{n}.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in by_day[ordered[d]]), encoding="utf-8")
        memory.import_path("jsonl", path, me=said["me"])


def _names(memory, me, everyone):
    people = [[n for n in (p["name"], *p["aliases"])] for p in memory.people(everyone=everyone)]
    return [ns for ns in people if not any(n.lower() in ("me", me.lower()) for n in ns)]


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    """Each log imported into a memory of its own: (people read, wanted, listed, listed who are the log's people,
    the no-one words read as names, the people missed, those listed who are no one)."""
    read_n = want = listed = right = 0
    wrong, missed, strays = [], [], []
    for i, (said, people, no) in enumerate(LOGS):
        folder = tmp_path_factory.mktemp(f"log{i}")
        with Memory(folder / "m.db") as memory:
            _import(memory, folder, said)
            every, shown = _names(memory, said["me"], True), _names(memory, said["me"], False)
        names = [n for ns in every for n in ns]
        found = [p for p in people if has_name(names, p)]
        read_n, want = read_n + len(found), want + len(people)
        missed += [f"{i}:{p}" for p in people if p not in found]
        listed += len(shown)
        good = [any(has_name(ns, p) for p in people) for ns in shown]
        right += sum(good)
        strays += [f"{i}:{ns[0]}" for ns, g in zip(shown, good) if not g]
        wrong += [f"{i}:{w}" for w in no if has_name(names, w)]
    return read_n, want, listed, right, sorted(wrong), sorted(missed), sorted(strays)


def test_the_set_is_large_enough():
    assert len(LOGS) >= 40 and all(len({line["at"][:10] for line in s["lines"]}) >= 3 for s, _, _ in LOGS)
    assert sum(len(p) for _, p, _ in LOGS) >= 70 and sum(len(n) for _, _, n in LOGS) >= 130


def test_names_said_once_a_day_are_read_on_the_whole_logs_evidence(figures):
    read_n, want, listed, right, wrong, missed, strays = figures
    print(f"recall {read_n}/{want} = {read_n / want:.2f}; listed {listed}, of them the logs' people {right}"
          f" (P {right / max(listed, 1):.3f}); no-one words read: {wrong}; listed, no one: {strays}; missed: {missed}")
    assert wrong == [] and strays == []
    assert read_n / want >= RECALL, (read_n, want, missed)


RECALL = 0.90  # main 43/78 = 0.55 (the other speakers alone; no lower-case friend read); chatstore19 74/78 = 0.95, no
# word read wrongly (left: a friend said after a mark on one day only, "text kabir", then "kabir's bat broke")


ORDERS = [0, 3, 9, 14, 20, 24, 28, 31, 34]  # logs whose people hang on more than one day's evidence


@pytest.mark.parametrize("n", ORDERS)
def test_the_same_log_added_in_two_orders_gives_the_same_people(tmp_path, n):
    """The log imported whole, then day by day from the first day and from the last: the same people each time."""
    said = LOGS[n][0]
    days = len({line["at"][:10] for line in said["lines"]})
    got = []
    for k, order in enumerate((None, list(range(days)), list(range(days))[::-1])):
        folder = tmp_path / f"o{k}"
        folder.mkdir()
        with Memory(folder / "m.db") as memory:
            _import(memory, folder, said, order)
            got.append(sorted(sorted(n.lower() for n in ns) for ns in _names(memory, said["me"], True)))
    assert got[1] == got[0] and got[2] == got[0], got  # day by day, either way, as the whole log at once


def test_a_new_day_reads_again_only_the_days_that_say_a_word_it_makes_a_name(tmp_path):
    """Cheap: a new day is read, and of the old days only those saying a word whose verdict it changes ("ravi", named
    once after a mark on day 3 and once with company on the new day), not the whole log."""
    filler = ["ok see u later", "chipotle tonight?", "lol same", "so tired omg", "did u finish the essay"]
    days = [[(O, filler[d % len(filler)]), "haha ya"] for d in range(30)]
    days[3] = ["tell ravi i said hi", (O, "will do")]
    days[17] = ["ravi's coming too", (O, "yay")]
    said = log("Sam", "Alex", *days)[0]
    with Memory(tmp_path / "m.db") as memory:
        _import(memory, tmp_path, said)
        before = set(memory.read_again)
        quiet = log("Sam", "Alex", [(O, "lol same"), "night"], start="2024-09-01")[0]
        (tmp_path / "q").mkdir()
        _import(memory, tmp_path / "q", quiet)
        assert memory.read_again == before  # a day that changes no verdict reads no other day again
        new = log("Sam", "Alex", ["dinner with ravi and anjali", (O, "nice")], start="2024-09-05")[0]
        (tmp_path / "n").mkdir()
        _import(memory, tmp_path / "n", new)
        again = memory.read_again - before
        saying = {r[0] for r in memory.query("SELECT DISTINCT entry FROM passages WHERE text LIKE '%ravi%'")}
        assert again and again <= saying and len(saying) == 3, (again, saying)
        assert "ravi" in {n.lower() for p in memory.people(everyone=True) for n in (p["name"], *p["aliases"])}
