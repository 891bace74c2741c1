"""People listed from short texts no rule was written from (round 13, written before the people rules were read):
diaries, letters, notes and chats in many Englishes, each with the people a careful reader would list and the
capitalised words that are no one (a shop or firm named after a person, a car, a boat, a brand, a band, a song, a
film, a team, a storm, a church or school named after a saint, a street, a pub, an app, a holiday, a god, a kin word
or title said to someone, a chat word, an imperative), and real people written in lowercase, by surname or initial.

Each text is read in a store of its own. A listed name is right when it bears a person's word of its text that no
other listing took; it is noise when it bears one of the text's non-people words, else when it is none of the
people. Precision is right / listed, recall people listed / people."""
import pytest

from conftest import has_name, param_ids
from remembrancer.store import Memory

# (said, people a careful reader lists, capitalised words that are no one). said: a text, a list of entries (a day
# apart), or a chat of (speaker, text) turns whose first speaker is the writer (left out of both lists). A person
# marked "?" is a kin word used as a name (the key of bench/data/journals lists them): right if listed, not missed.
TEXTS = [
    # shops and firms named after people
    ("Popped into Sainsbury's for milk and bumped into Maureen by the tills.", ["Maureen"], ["Sainsbury"]),
    ("Grabbed lunch at McDonald's with Tyler after practice. He ate two burgers.", ["Tyler"], ["McDonald"]),
    ("Wendy's was packed so Dana and I drove on to Trader Joe's.", ["Dana"], ["Wendy", "Trader Joe"]),
    ("Morrisons had no bread again. Graham says Asda is better.", ["Graham"], ["Morrisons", "Asda"]),
    ("Got the paneer from Patel's on the corner; Mrs Patel asked after Mum.", ["Patel", "?Mum"], []),
    ("Dropped the suit at Johnson's dry cleaners and met Ruth for tea.", ["Ruth"], ["Johnson"]),
    ("Bought a kettle in Dunnes Stores, then Siobhan drove me home.", ["Siobhan"], ["Dunnes"]),
    ("Colm works at Tesco now; he started on Monday.", ["Colm"], ["Tesco"]),
    ("Kroger was out of eggs, so Marcus went over to Walgreens for me.", ["Marcus"], ["Kroger", "Walgreens"]),
    ("Met Ifeoma at Shoprite in Lekki. We bought rice for the party.", ["Ifeoma"], ["Shoprite", "Lekki"]),
    ("Went to Woolies with Shazza, then a pie at Harry's Cafe de Wheels.", ["Shazza"], ["Woolies", "Harry"]),
    ("Took Mum to Marks and Spencer for a coat. She chose the blue one.", ["?Mum"], ["Marks", "Spencer"]),
    ("Lunch at Nando's with Keisha and Jordan. Keisha paid.", ["Keisha", "Jordan"], ["Nando"]),
    ("Had a coffee in Dunkin' Donuts while Ray fixed the tyre at Goodyear.", ["Ray"], ["Dunkin", "Goodyear"]),
    ("The man from Boots said Doreen's prescription would be ready Friday.", ["Doreen"], ["Boots"]),
    # cars, boats, brands
    ("Ruairi sold the old Ford and bought a Toyota. The Ford never started in winter.", ["Ruairi"], ["Ford", "Toyota"]),
    ("Took the Mercedes to the garage; Babatunde says the gearbox is gone.", ["Babatunde"], ["Mercedes"]),
    ("Dad's boat, the Mary Ellen, needs painting. Uncle Hamish will help.", ["Hamish", "?Dad"], ["Mary Ellen"]),
    ("Bought a new Dyson. Pauline said her Hoover died years ago.", ["Pauline"], ["Dyson", "Hoover"]),
    ("Naveen finally got his Royal Enfield and rode it to Mysore.", ["Naveen"], ["Enfield", "Mysore"]),
    ("Gave Lottie my old Nokia. She dropped it in the bath on the first day.", ["Lottie"], ["Nokia"]),
    ("The Holden broke down outside Dubbo, so Bazza towed us.", ["Bazza"], ["Holden", "Dubbo"]),
    ("Fixed Jerome's Vauxhall on the drive; the Astra needs a new clutch.", ["Jerome"], ["Vauxhall", "Astra"]),
    # bands, songs, films, books
    ("Listened to Fleetwood Mac all night with Gemma. She cried at Landslide.", ["Gemma"], ["Fleetwood", "Landslide"]),
    ("Watched Forrest Gump with Ade and his sister Bisi.", ["Ade", "Bisi"], ["Forrest", "Gump"]),
    ("Danced to Dancing Queen at Aoife's wedding. Her da sang too.", ["Aoife"], ["Dancing Queen"]),
    ("Kwame played Redemption Song on the drive down to Ocho Rios.", ["Kwame"], ["Redemption", "Ocho Rios"]),
    ("Reading Oliver Twist to Ella at bedtime; she likes the Artful Dodger.", ["Ella"], ["Oliver Twist", "Dodger"]),
    ("Took the kids to see Frozen. Maisie sang Let It Go all the way home.", ["Maisie"], ["Frozen"]),
    ("Imran lent me Harry Potter and the Goblet of Fire.", ["Imran"], ["Harry Potter", "Goblet"]),
    ("We saw Mamma Mia with Auntie Carol and Lorraine.", ["Carol", "Lorraine"], ["Mamma Mia"]),
    # teams and sport
    ("Celtic lost again and Fergus wouldn't speak all evening.", ["Fergus"], ["Celtic"]),
    ("Went to see Arsenal with Dev. We lost two nil at the Emirates.", ["Dev"], ["Arsenal", "Emirates"]),
    ("Connor's mad for the Lakers; Jamal says the Celtics will win it.", ["Connor", "Jamal"], ["Lakers", "Celtics"]),
    ("Watched the Wallabies lose with Trent and Kylie at the pub.", ["Trent", "Kylie"], ["Wallabies"]),
    ("Priyanka says Mumbai Indians will take the cup this year.", ["Priyanka"], ["Mumbai Indians"]),
    ("Sinéad drove us to Croke Park for the Dublin match.", ["Sinéad"], ["Croke Park", "Dublin"]),
    # storms, holidays, saints, churches, schools
    ("Hurricane Ivan took the roof off Miss Pearl's house in Grenada.", ["Pearl"], ["Ivan", "Grenada"]),
    ("Storm Babet knocked the fence down. Declan came round to fix it.", ["Declan"], ["Babet"]),
    ("Hurricane Katrina was the year Tasha moved to Houston.", ["Tasha"], ["Katrina", "Houston"]),
    ("Met Bridget outside St Mary's after Mass. She's looking well.", ["Bridget"], ["Mary"]),
    ("Róisín starts at St Brigid's National School in September.", ["Róisín"], ["Brigid"]),
    ("Ewan's wee boy goes to St Andrew's Primary now.", ["Ewan"], ["Andrew"]),
    ("St George's Day fete in the village; Niamh wore the paper crown.", ["Niamh"], ["George"]),
    ("Diwali at Rakesh's place; his wife Sunita made the sweets.", ["Rakesh", "Sunita"], ["Diwali"]),
    ("Eid Mubarak to Farhan and the family! Zainab sent biryani.", ["Farhan", "Zainab"], ["Eid", "Mubarak"]),
    ("Christmas at Gran's. Uncle Pete carved the turkey.", ["Pete", "?Gran"], ["Christmas"]),
    ("Good Friday service at St Joseph's with Mrs Okafor.", ["Okafor"], ["Joseph", "Good Friday"]),
    ("Thanksgiving at Brittany's; her brother Kyle burned the pie.", ["Brittany", "Kyle"], ["Thanksgiving"]),
    ("Hogmanay at Isla's flat. Callum brought the whisky.", ["Isla", "Callum"], ["Hogmanay"]),
    # streets and pubs and places named after people
    ("Walked down Victoria Street with Ailsa to the station.", ["Ailsa"], ["Victoria"]),
    ("A pint in the Duke of Wellington with Stuart after work.", ["Stuart"], ["Wellington"]),
    ("Moved to a flat on Nelson Road. Hannah helped carry the boxes.", ["Hannah"], ["Nelson"]),
    ("Quiz night at the Queen Victoria. Mick knew every answer.", ["Mick"], ["Queen Victoria"]),
    ("Caught the bus on Martin Luther King Boulevard with Shanice.", ["Shanice"], ["Martin Luther King"]),
    ("Went up to Arthur's Seat with Morag before the rain.", ["Morag"], ["Arthur"]),
    ("Lunch at the Lord Nelson. Jacqui brought her new fella, Dean.", ["Jacqui", "Dean"], ["Lord Nelson"]),
    # apps and firms
    ("Shreya sent the photos on WhatsApp; Instagram is full of them.", ["Shreya"], ["WhatsApp", "Instagram"]),
    ("Ordered a Deliveroo and Tom sent money on Venmo.", ["Tom"], ["Deliveroo", "Venmo"]),
    ("Booked an Uber for Chidi to the airport.", ["Chidi"], ["Uber"]),
    ("Sarah from Barclays rang about the mortgage. Phil was out.", ["Sarah", "Phil"], ["Barclays"]),
    # gods and faith
    ("Thank God Mercy is out of hospital. Jesus, what a week.", ["Mercy"], ["God", "Jesus"]),
    ("Lord, the heat today! Akua says it will rain by Sunday.", ["Akua"], ["Lord"]),
    ("Jesus wept, Barry's parked across our drive again.", ["Barry"], ["Jesus"]),
    ("Praise God, Chinedu got the visa. Mama is dancing.", ["Chinedu", "?Mama"], ["God"]),
    ("Prayed to Ganesha before the exam. Anjali prayed too.", ["Anjali"], ["Ganesha"]),
    ("Allah knows best. Yusuf is staying in Kano another year.", ["Yusuf"], ["Allah", "Kano"]),
    # kin words and titles as address, interjections, imperatives
    ("Aunty, you must come for the naming ceremony, Tobi insists.", ["Tobi", "?Aunty"], []),
    ("Sir said the exams start Monday. Arjun is panicking.", ["Arjun"], ["Sir"]),
    ("Gran, thank you for the jumper. Poppy loves hers too.", ["Poppy", "?Gran"], []),
    ("Ask Kieran about the van. Tell Lisa I'll be late. Call the plumber.", ["Kieran", "Lisa"], ["Ask", "Tell", "Call"]),
    ("Bless him, Alfie tried so hard at sports day.", ["Alfie"], ["Bless"]),
    ("Honestly, Vikram never listens. Whatever.", ["Vikram"], ["Honestly", "Whatever"]),
    ("Cheers for the lift, Jonno. Reckon Macca owes you one.", ["Jonno", "Macca"], ["Cheers", "Reckon"]),
    ("Sorry Nana, I forgot to ring. Josie says hi.", ["Josie", "?Nana"], ["Sorry"]),
    ("Remember to feed Pickles. Check the post. Bex will pop in on Tuesday.", ["Bex"], ["Pickles", "Remember", "Check"]),
    ("Dear Margaret, Thank you for the flowers. Ted is much better. Yours, Joan",
     ["Margaret", "Ted"], ["Thank", "Yours"]),
    # surname only, initials, nicknames
    ("Henderson from next door lent me his ladder.", ["Henderson"], []),
    ("J. rang tonight. Says the baby is due in May.", ["J."], []),
    ("Big Mo and Tiny came round for cards; Tiny won.", ["Big Mo", "Tiny"], []),
    ("Dr Adeyemi said the scan was clear. Funmi drove me there.", ["Adeyemi", "Funmi"], []),
    ("Mr Fitzgerald the headmaster phoned about Liam.", ["Fitzgerald", "Liam"], []),
    # chats: lowercase people, chat words, kin words as address
    ([("Leah", "OMG Lol did u see what jade posted"), ("Ruby", "ikr. told mike already"),
      ("Leah", "Bless. Call me after x")], ["Ruby", "jade", "mike"], ["OMG", "Lol", "Bless", "Call"]),
    ([("Aarav", "Bhai, is Priti coming tonight?"), ("Kabir", "Yes bhai, with Neel"),
      ("Aarav", "Arre, tell Mama to save me some kheer")], ["Kabir", "Priti", "Neel", "?Mama"], ["Bhai", "Arre"]),
    ([("Tunde", "Abeg, who took my charger?"), ("Kemi", "Ask Segun o. Na him dey use am"),
      ("Tunde", "Wahala. Sha tell Aunty I dey come")], ["Kemi", "Segun", "?Aunty"], ["Abeg", "Ask", "Wahala", "Sha"]),
    ([("Jas", "Mum says Sunday lunch at 1"), ("Kiran", "Can't, working at Argos til 4"),
      ("Jas", "Tell her yourself lol")], ["Kiran", "?Mum"], ["Argos", "Tell", "Sunday"]),
    ([("Shauna", "Yo where u at"), ("Dre", "at Popeyes with marcus n them"),
      ("Shauna", "Bet. Tell Marcus he owes me")], ["Dre", "Marcus"], ["Yo", "Popeyes", "Bet", "Tell"]),
    ([("Ciaran", "Grand so, see ye at Mass"), ("Orla", "Sound. Is Daithí coming?"),
      ("Ciaran", "He is, and his mam")], ["Orla", "Daithí"], ["Grand", "Mass", "Sound"]),
    ([("Rasheed", "Wagwan. Link me at Tinkers later"), ("Marlon", "Yeah man. Bringing Keon"),
      ("Rasheed", "Safe. Ting done")], ["Marlon", "Keon"], ["Wagwan", "Tinkers", "Safe", "Ting"]),
    ([("Sophie", "Happy Birthday Gran!! Love you"), ("Rose", "Thank you darling. Grandad says hello"),
      ("Sophie", "Aww. Give him a hug from me and Olly")], ["Rose", "Olly", "?Gran", "?Grandad"], ["Happy", "Birthday", "Aww", "Give"]),
    ([("Meera", "Did Amma call you"), ("Lakshmi", "Yes. Also vinod uncle is in hospital"),
      ("Meera", "Oh no. Praying. Inform Appa")], ["Lakshmi", "vinod", "?Amma", "?Appa"], ["Praying", "Inform"]),
    # several entries of one writer
    (["Started at Greggs today. My manager is called Bev.",
      "Bev let me go early. Greggs was dead quiet.",
      "Ollie from the bakery asked me out!"], ["Bev", "Ollie"], ["Greggs"]),
    (["Sainsbury's had the good bread today. Met Eileen by the tills.",
      "Back to Sainsbury's for the cake. Eileen's grandson works there now.",
      "Sainsbury's delivered the wrong order, so Eileen lent me eggs."], ["Eileen"], ["Sainsbury"]),
    (["Celtic won! Fergus bought the first round.", "Celtic lost at home. Fergus is in mourning.",
      "Watched Celtic with Fergus and his brother Iain."], ["Fergus", "Iain"], ["Celtic"]),
    (["The Corolla wouldn't start again. Abdul came to look at it.",
      "Abdul says the Corolla needs a new battery.", "Sold the Corolla to Abdul's cousin Tariq."],
     ["Abdul", "Tariq"], ["Corolla"]),
    (["Listening to Coldplay on the drive to work. Jess hates them.",
      "Coldplay tickets! Jess is coming after all.", "Coldplay were brilliant. Jess cried at Fix You."],
     ["Jess"], ["Coldplay", "Fix You"]),
    (["Thank God for Saturday. Dylan slept till noon.", "God help me, Dylan wants a drum kit.",
      "Lord give me strength. Dylan got the drum kit from Grandpa Ted."], ["Dylan", "Ted"], ["God", "Lord"]),
    ([("Nkechi", "Abeg who dey come Saturday?"), ("Obinna", "Me and Chioma. Abeg no vex, Emeka no fit come"),
      ("Nkechi", "Abeg tell Chioma to bring the cooler"), ("Obinna", "Ehen. Chioma say she go bring am")],
     ["Obinna", "Chioma", "Emeka"], ["Abeg", "Ehen"]),
    ([("Zoe", "Omg Lol Harvey just fell in the pond"), ("Mia", "Lol send vid"), ("Zoe", "Lol no he'd kill me"),
      ("Mia", "Omg Harvey is such a legend")], ["Mia", "Harvey"], ["Omg", "Lol"]),
    (["Ordered from Deliveroo again. Callum laughed at me.", "Deliveroo were late, Callum went to the chippy.",
      "Deleted Deliveroo. Callum is proud of me."], ["Callum"], ["Deliveroo"]),
    (["Wendy's with Marcus after the game.", "Marcus wants Wendy's every Friday now.",
      "Took Marcus and his sister Alicia to Wendy's."], ["Marcus", "Alicia"], ["Wendy"]),
    (["Bhai came home from Pune. Mummy made puran poli.", "Bhai and Sneha went to the mall.",
      "Bhai is leaving Sunday. Sneha cried."], ["Sneha", "?Bhai", "?Mummy"], ["Pune"]),
    (["Sir gave us extra homework. Ayesha was fuming.", "Sir was off sick, so Ayesha and I skived.",
      "Sir caught us. Ayesha blamed me."], ["Ayesha"], ["Sir"]),
    (["Hurricane Maria is coming. Tía Carmen is staying with us.", "Maria took the roof off the school. Carmen is praying.",
      "Still no power after Maria. Carmen's son Luis came with a generator."], ["Carmen", "Luis"], ["Maria"]),
    (["Drove the Subaru to Mount Hood with Kaylee.",
      "The Subaru needs new tires. Kaylee's dad knows a guy, Rusty."], ["Kaylee", "Rusty"], ["Subaru", "Hood"]),
]


def read(said, folder, everyone=False):
    """The people listed (`everyone`: read) from one text in a store of its own (the writer left out)."""
    with Memory(folder / "people.db") as memory:
        if isinstance(said, str):
            memory.add(said, at="2024-03-05")
        elif isinstance(said[0], str):
            for n, text in enumerate(said):
                memory.add(text, at=f"2024-03-{5 + n:02d}")
        else:
            memory.add_chat(said, at="2024-03-05", me=said[0][0])
        me = said[0][0] if isinstance(said, list) and not isinstance(said[0], str) else None
        return [p["name"] for p in memory.people(everyone=everyone) if p["name"] not in ("me", me)]


def score(listed, people, no_one):
    """(right, noise: the non-people listed, others listed, people missed) for one text."""
    taken, right, noise, other = set(), 0, [], []
    for name in listed:
        hit = next((p for p in people if p not in taken and has_name([name], p.strip("?").rstrip("."))), None)
        if hit:
            taken.add(hit)
            right += 1
        elif any(has_name([name], w) for w in no_one):
            noise.append(name)
        else:
            other.append(name)
    return right, noise, other, [p for p in people if p not in taken and not p.startswith("?")]


def measure(tmp_path, everyone=False):
    """Precision and recall over every text, and what each text got wrong."""
    right = listed = wanted = 0
    wrong = {}
    for n, (said, people, no_one) in enumerate(TEXTS):
        folder = tmp_path / str(n)
        folder.mkdir()
        names = read(said, folder, everyone)
        hit, noise, other, missed = score(names, people, no_one)
        right, listed = right + hit, listed + len(names)
        wanted += sum(not p.startswith("?") for p in people)
        if noise or other or missed:
            wrong[n] = (noise, other, missed)
    return right / max(listed, 1), (wanted - sum(len(m) for *_, m in wrong.values())) / wanted, wrong


# Main before people13 listed P 0.906 R 0.482 here (docs/benchmarks.md, people13; recall is low by design: a name said
# once with nothing more is kept, not listed); after, P 0.987 R 0.482. Kept as a floor.
FLOOR_P, FLOOR_R = 0.98, 0.48


def test_people_listed_from_unseen_texts_are_people(tmp_path):
    p, r, wrong = measure(tmp_path)
    assert p >= FLOOR_P and r >= FLOOR_R, (p, r, wrong)


# What main listed that is no one: a pub after "the", a band listened to, a film watched, a word before a bare command
# in a chat, a shop's possessive owning nothing. (Still listed: a storm named once, then by its name alone.)
MAIN_LISTED = ["Fleetwood Mac", "Forrest Gump", "Queen Victoria", "Lord Nelson", "Arre", "Sha", "Wendy's every Friday"]
STILL = {"Hurricane Maria"}


MAIN_ROWS = [pytest.param(*t, marks=pytest.mark.xfail(strict=True, reason="a storm named once, then alone")) if any(
    has_name([str(t[0])], w) for w in STILL) else t for t in TEXTS if any(has_name([str(t[0])], w) for w in MAIN_LISTED + sorted(STILL))]


@pytest.mark.parametrize("said, people, no_one", MAIN_ROWS, ids=param_ids(MAIN_ROWS))
def test_no_one_main_listed_is_listed(said, people, no_one, tmp_path):
    listed = read(said, tmp_path)
    assert not [n for n in listed if any(has_name([n], w) for w in no_one)], listed


def test_a_saint_with_a_possessive_is_a_place_and_a_man_called_st_john_is_not(tmp_path):
    with Memory(tmp_path / "saints.db") as memory:
        memory.add("Róisín starts at St Brigid's National School in September. Ewan's boy goes to St Andrew's Primary.",
                   at="2024-03-05")
        memory.add("St. John's face was grave. St. John said nothing, and St. John left.", at="2024-03-06")
        kinds = {p["name"]: p["kind"] for p in memory.people(kind=None, everyone=True)}
    assert kinds.get("St Brigid") != "person" and kinds.get("St Andrew") != "person", kinds
    assert any("John" in n and k == "person" for n, k in kinds.items()), kinds


def test_the_set_is_large_and_varied():
    assert len(TEXTS) >= 80
    assert sum(len(n) for _, _, n in TEXTS) >= 120 and sum(len(p) for _, p, _ in TEXTS) >= 100
    assert sum(isinstance(s, list) and not isinstance(s[0], str) for s, _, _ in TEXTS) >= 8


if __name__ == "__main__":
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        p, r, wrong = measure(Path(tmp), everyone="everyone" in sys.argv)
    for n, (noise, other, missed) in wrong.items():
        print(n, TEXTS[n][0] if isinstance(TEXTS[n][0], str) else TEXTS[n][0][0], "| noise", noise,
              "| other", other, "| missed", missed, file=sys.stderr)
    print(f"precision {p:.3f} recall {r:.3f} texts {len(TEXTS)}")


def test_a_possessive_owning_nothing_is_a_shop_not_a_person(tmp_path):
    with Memory(tmp_path / "shop.db") as memory:
        memory.add_chat([("Dev", "Can I get a job at Marco's next summer? they want weekend staff"), ("Mum", "ok")],
                        at="2024-03-05", me="Dev")
        memory.add_chat([("Dev", "I need to ask Marco's for a week off. they'll be furious"), ("Mum", "good luck")],
                        at="2024-04-05", me="Dev")
        kinds = {p["name"]: p["kind"] for p in memory.people(kind=None, everyone=True)}
    assert kinds.get("Marco") != "person", kinds
