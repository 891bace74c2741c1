"""No one listed as a person, and no one said once missed (issue 13, people10): short entries in several Englishes
(British, Scottish, Welsh, Irish, American, South African, Indian, Australian, New Zealand), written for
this test alone. Each names a pet, a place, a band, a brand, a drink, a ship, a house, a storm, a saint's day, a hymn
or a character beside real people; other entries name someone once, with no more than a person's doings around
the name. SQLite (the reading is the extractor's, the same on both backends)."""

from remembrancer import Memory
from remembrancer.extract import extract
from remembrancer.extract.kinds import sign
from remembrancer.extract.people import quoted

from conftest import has_name, listed_names, name_findings

# writer -> entries: (text, people who must be listed, words that must not be in a listed name)
WRITERS = {
    "pets": [
        ("Walked Juniper along the canal before work, then met Priya for breakfast.", ["Priya"], ["Juniper"]),
        ("Fed Pudding and let him out, then Graham came over to fix the gutter.", ["Graham"], ["Pudding"]),
        ("Couldn't find Ziggy's lead anywhere so Keisha lent me hers.", ["Keisha"], ["Ziggy"]),
        ("Jasper's vet bill came to ninety quid. Told Lorraine and she nearly fainted.", ["Lorraine"], ["Jasper"]),
        ("Walked Pepper round the block twice. Uncle Desmond phoned while we were out.", ["Desmond"], ["Pepper"]),
        ("Fed Mittens, then drove Nkosi to the station for the early train.", ["Nkosi"], ["Mittens"]),
        ("Bought a new bowl for Nutmeg because Rosalind says the old one is cracked.", ["Rosalind"], ["Nutmeg"]),
        ("Took Rocket for a walk on the beach with Tama, he chased every gull.", ["Tama"], ["Rocket"]),
    ],
    "places": [
        ("Colm drove down from Letterkenny with the kids on Friday.", ["Colm"], ["Letterkenny"]),
        ("We stayed in Ballachulish for two nights and Morag showed us the old quarry.", ["Morag"], ["Ballachulish"]),
        ("Caught the train to Wolverhampton to see Auntie Pam.", ["Pam"], ["Wolverhampton"]),
        ("Jaswinder is back from Ludhiana with a suitcase full of sweets.", ["Jaswinder"], ["Ludhiana"]),
        ("Lunch in Fremantle with Bronwyn, the wind was wild.", ["Bronwyn"], ["Fremantle"]),
        ("Drove up to Duluth with Kayla to see the lake.", ["Kayla"], ["Duluth"]),
        ("Shrewsbury was heaving, so Terry and I gave up and came home.", ["Terry"], ["Shrewsbury"]),
        ("Sipho moved to Gqeberha for the job at the port.", ["Sipho"], ["Gqeberha"]),
    ],
    "bands-brands-drinks": [
        ("Saw the Proclaimers in Edinburgh with Fiona and we sang all the way home.", ["Fiona"], ["Proclaimers", "Edinburgh"]),
        ("Elbow were brilliant last night. Dominic cried at the last song.", ["Dominic"], ["Elbow"]),
        ("Dad played Capercaillie all the way to Oban and Kirsty slept through it.", ["Kirsty"], ["Capercaillie", "Oban"]),
        ("The Dyson died again, so Marjorie lent us her old Vax.", ["Marjorie"], ["Dyson", "Vax"]),
        ("Kenji got me a Kindle for Christmas, I love it.", ["Kenji"], ["Kindle", "Christmas"]),
        ("Had a Guinness with Padraig at the bar after the match.", ["Padraig"], ["Guinness"]),
        ("Shared a bottle of Baileys with Noreen after the carol service.", ["Noreen"], ["Baileys"]),
        ("Ordered an Irn Bru and a roll, and Callum had a Tennent's.", ["Callum"], ["Irn", "Tennent"]),
        ("Grabbed a can of Lilt for Yusuf on the way back from the shop.", ["Yusuf"], ["Lilt"]),
        ("Mandla drinks Castle like it is water.", ["Mandla"], ["Castle"]),
    ],
    "ships-houses": [
        ("The Hebridean Princess sailed past while Euan and I were fishing off the pier.", ["Euan"], ["Hebridean", "Princess"]),
        ("Went aboard the Cutty Sark with Grandad Len, he knew every rope.", ["Len"], ["Cutty", "Sark"]),
        ("Mark's boat, the Kittiwake, needs a new sail before summer.", ["Mark"], ["Kittiwake"]),
        ("We've put an offer in on Rose Cottage and Ines thinks we're mad.", ["Ines"], ["Rose Cottage"]),
        ("Nain's old house, Bryn Awel, is up for sale. Gareth rang to tell me.", ["Gareth"], ["Bryn", "Awel"]),
        ("Christmas at Hillcrest with the whole family, and Thabo carved the turkey.", ["Thabo"], ["Hillcrest"]),
    ],
    "storms-saints-hymns": [
        ("Storm Arwen brought down the big ash and Ewan spent all day with the chainsaw.", ["Ewan"], ["Arwen"]),
        ("Cyclone Gabrielle flooded the road and Hemi couldn't get home for three days.", ["Hemi"], ["Gabrielle"]),
        ("After Hurricane Helene we stayed with Luanne for a week.", ["Luanne"], ["Helene"]),
        ("St Swithin's Day and it poured, so Dilys says forty more days of rain.", ["Dilys"], ["Swithin"]),
        ("St Patrick's Day parade with Oonagh and the kids, freezing.", ["Oonagh"], ["Patrick"]),
        ("Took the day off for St David's Day and Bethan made cawl.", ["Bethan"], ["David"]),
        ("We sang Abide With Me at the funeral and Glenys wept.", ["Glenys"], ["Abide"]),
        ("The choir did Cwm Rhondda and Idris conducted.", ["Idris"], ["Rhondda"]),
        ("Amazing Grace on the pipes as they carried Donald out.", ["Donald"], ["Amazing", "Grace"]),
    ],
    "characters": [
        ("Watched Paddington with Zainab, she loved the marmalade bit.", ["Zainab"], ["Paddington"]),
        ("Read The Gruffalo to Maisie three times before she went off.", ["Maisie"], ["Gruffalo"]),
        ("Santa came to the school fair and Ashok's little boy cried.", ["Ashok"], ["Santa"]),
        ("The kids built a snowman and named him Frosty, and Liam gave him a carrot nose.", ["Liam"], ["Frosty"]),
        ("Peppa Pig on a loop all morning. Tariq is going spare.", ["Tariq"], ["Peppa"]),
        ("Leo dressed up as Spider-Man for Amira's party.", ["Leo", "Amira"], ["Spider"]),
    ],
    "said-once": [
        ("Bumped into Shauna in the Co-op, she looks well.", ["Shauna"], []),
        ("Alfie from the allotments left us a bag of rhubarb.", ["Alfie"], []),
        ("Mo's wedding is in June, I need a hat.", ["Mo"], []),
        ("Tilda stayed over and they were up till midnight giggling.", ["Tilda"], []),
        ("Went to the pictures with Scott on Tuesday.", ["Scott"], []),
        ("Rick from church dropped off a casserole.", ["Rick"], []),
        ("Dave next door has bought another van.", ["Dave"], []),
        ("Declan's back from Perth!", ["Declan"], []),
        ("Got a card from Wendell and Marguerite this morning.", ["Wendell", "Marguerite"], []),
        ("Babysat for Kezia so she could go to her work do.", ["Kezia"], []),
        ("Sat next to Ottilie at the wedding, she is a hoot.", ["Ottilie"], []),
        ("Ciarán's mam passed away on Friday, God rest her.", ["Ciarán"], []),
        ("Thinking of Graeme today, a year since the funeral.", ["Graeme"], []),
        ("Sorensen from the bank called about the loan.", ["Sorensen"], []),
        ("Mr Adeyemi retired today after thirty years at the school.", ["Adeyemi"], []),
        ("Appointment with Dr Varga on Tuesday about my knee.", ["Varga"], []),
        ("Congratulations to Hollie on her new job!", ["Hollie"], []),
        ("Met up with Jess and her new fella, Kwame.", ["Jess", "Kwame"], []),
        ("Lunch with Bea and Francesca at the garden centre.", ["Bea", "Francesca"], []),
        ("Present for Ravi sorted, he will love it.", ["Ravi"], []),
        ("Poor Anneke has the flu again.", ["Anneke"], []),
        ("Saw Jools Holland on the telly with Mum, he's still going.", ["Jools Holland"], []),
    ],
}


# Names said in entry after entry, as a diary does, that are no one: a dog, a place in a hospital's name, a singer's songs.
# On main before people10 the dog and the band were listed (their signs: "tried to lick", "ate ... off the counter", "who
# sniffed", "sing X to him").
SAID_AGAIN = [
    ("Kieran came for the weekend with Rufus.", ["Kieran"], ["Rufus"]),
    ("Rufus ate a whole pork pie off the counter. Kieran was livid.", [], ["Rufus"]),
    ("Home from the hospital. Four of us now, five with Rufus, who sniffed the baby once and went to sleep.", [], ["Rufus"]),
    ("Kieran proposed by the fire and Rufus tried to lick his face.", [], ["Rufus"]),
    ("Jess started on the children's ward at the Kent and Ashford on Monday.", ["Jess"], ["Ashford"]),
    ("Baby Noah was born at the Kent and Ashford at six this morning.", ["Noah"], ["Ashford"]),
    ("Found the old tapes. I used to sing Skerryvore to Noah to get him off to sleep.", [], ["Skerryvore"]),
    ("Singing Skerryvore in the car again, and Jess cried.", [], ["Skerryvore"]),
]


def read(memory, entries):
    for day, (text, _, _) in enumerate(entries, 1):
        memory.add(text, at=f"2023-05-{day:02d}")
    return listed_names(memory)


# What is still read wrongly (people10's round, docs/benchmarks.md; on main before it 50 of the 73 people were missed,
# now 40, and none of the 56 words that are no one listed): people said once doing what a pet, a firm or a car may do
# too ("Kirsty slept", "Morag showed us"), with someone ("with Fiona"), owning something ("Mark's boat"), or whose name
# is an English word too ("Terry", "Scott", "Mo": `acts_as_person` reads no English word), kept and not listed
# (`people --all`), and names the tagger took for a firm or a place ("Amira's party", "a card from Wendell").
LEFT = {
    "pets": {("Graham", "missed"), ("Nkosi", "missed"), ("Tama", "missed")},
    "places": {("Jaswinder", "missed"), ("Kayla", "missed"), ("Morag", "missed"), ("Terry", "missed")},
    "bands-brands-drinks": {("Callum", "missed"), ("Fiona", "missed"), ("Kenji", "missed"), ("Kirsty", "missed"), ("Mandla", "missed"),
                            ("Noreen", "missed"), ("Padraig", "missed"), ("Yusuf", "missed")},
    "ships-houses": {("Ines", "missed"), ("Mark", "missed"), ("Thabo", "missed")},
    "storms-saints-hymns": {("Bethan", "missed"), ("Donald", "missed"), ("Ewan", "missed"), ("Hemi", "missed"), ("Idris", "missed"),
                            ("Luanne", "missed"), ("Oonagh", "missed")},
    "characters": {("Amira", "missed"), ("Leo", "missed"), ("Liam", "missed"), ("Maisie", "missed"), ("Tariq", "missed"),
                   ("Zainab", "missed")},
    "said-once": {("Anneke", "missed"), ("Declan", "missed"), ("Graeme", "missed"), ("Marguerite", "missed"), ("Mo", "missed"),
                  ("Rick", "missed"), ("Scott", "missed"), ("Sorensen", "missed"), ("Wendell", "missed")},
}


def test_no_pet_place_or_named_thing_is_listed_and_no_one_said_once_is_missed(tmp_path):
    found = {}
    for writer, entries in WRITERS.items():
        with Memory(tmp_path / f"{writer}.db") as memory:
            names, every = read(memory, entries)
        found[writer] = set(name_findings(names, every, entries))
    # exactly what is left: a word read rightly now that was not fails too, so LEFT is kept true
    assert {w: f for w, f in found.items() if f} == LEFT


def test_a_dog_a_hospital_and_a_band_said_again_are_no_one(tmp_path):
    with Memory(tmp_path / "again.db") as memory:
        names, every = read(memory, SAID_AGAIN)
    assert set(name_findings(names, every, SAID_AGAIN)) == set(), names


def sign_of(text, name):
    """The sign `kinds.sign` gives the first mention of `name` in `text`, whatever else reads it."""
    doc = extract(text).doc
    start = text.index(name)
    return sign(doc, doc.char_span(start, start + len(name), alignment_mode="expand"), quoted(text))


def test_what_dogs_do_is_a_pets_sign():
    assert sign_of("Then Moose ate the burgers off the grill when nobody was looking.", "Moose") == "pet"
    assert sign_of("He went down on one knee by the fire and Moose tried to lick his face.", "Moose") == "pet"  # (a parser's "tree and Moose")
    assert sign_of("Four with Pilot, who sniffed Rosie once and went to lie down.", "Pilot") == "pet"
    assert sign_of("Tom ate his dinner at the table and Jess licked her lips.", "Jess") != "pet"  # people lick their lips


def test_what_is_sung_a_hospital_of_two_names_and_where_one_goes_are_no_one():
    assert sign_of("I remember singing Runrig at him at three in the morning.", "Runrig") == "other"
    assert sign_of("She was born in the Norfolk and Norwich at six.", "Norwich") == "place"
    assert sign_of("Colm drove all the way down from Letterkenny with the kids.", "Letterkenny") == "place"
    assert sign_of("Then the train to Wolverhampton, two hours late.", "Wolverhampton") == "place"
    assert sign_of("I listened to Dad for an hour.", "Dad") != "other"  # one is listened to, not sung
    assert sign_of("Took the cake round to Dave's and then to Gwen.", "Gwen") != "place"  # what is taken to someone


def test_a_letter_to_a_baby_is_no_firm_and_one_with_kin_is_someone():
    assert sign_of("Dear Isla,\nYou are two today, and you won't read this for years, so I am writing it down for later.", "Isla") != "other"
    assert sign_of("Ciarán's mam passed away on Friday.", "Ciarán") == "person"


def test_what_only_people_do_said_once_makes_a_person():
    for text, name in [("Kezia's birthday party was lovely.", "Kezia"), ("Alfie from the allotments left us rhubarb.", "Alfie"),
                       ("Dave next door has bought another van.", "Dave"), ("Bumped into Shauna in the Co-op.", "Shauna"),
                       ("Tilda stayed over and they were up till midnight.", "Tilda"), ("We sang at the funeral and Glenys wept.", "Glenys"),
                       ("Keisha lent me hers.", "Keisha"), ("Send my love to Anneke and the boys.", "Anneke")]:
        assert sign_of(text, name) == "person", text


def test_the_set_is_large_enough():
    entries = [e for w in WRITERS.values() for e in w]
    assert sum(bool(no) for _, _, no in entries) >= 40 and len(WRITERS["said-once"]) >= 20


if __name__ == "__main__":  # the figures of docs/benchmarks.md: PYTHONPATH=$PWD python tests/test_not_people_unseen.py
    import tempfile
    from pathlib import Path

    folder, listed, no_one, wrong, missed = Path(tempfile.mkdtemp()), 0, 0, 0, 0
    for writer, entries in WRITERS.items():
        with Memory(folder / f"{writer}.db") as memory:
            names, every = read(memory, entries)
        found = name_findings(names, every, entries)
        print(writer, sorted(found), names)
        nobody = {w for _, _, no in entries for w in no}
        listed += len(names)
        no_one += sum(any(has_name([n], w) for w in nobody) for n in names)
        wrong += sum(k == "listed" for _, k in found)
        missed += sum(k == "missed" for _, k in found)
    said = sum(len(no) for w in WRITERS.values() for _, _, no in w), sum(len(yes) for w in WRITERS.values() for _, yes, _ in w)
    print(f"names listed {listed}, of them no one {no_one}; words that are no one listed {wrong}/{said[0]}; "
          f"people missed {missed}/{said[1]}")
