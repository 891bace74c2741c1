"""Who is a person on text no rule was written for (issue 13): short entries in several Englishes (British, Irish,
American, South African, Indian, Australian, Scottish), diaries, letters, chats and dictated notes, written for this
test alone. Each entry says which capitalised words are no one (places said bare, shops and brands, named things and
pets, titles of songs and shows, teams, saints and festivals, weather, interjections, verbs opening a sentence,
sign-offs) and which people must be listed, told as people tell them (bare first names, nicknames, kin words, titles,
names in lower case in dictation, someone named once with a relation). The whole pipeline but the embeddings; three writers on PostgreSQL too (ON_BOTH)."""

import pytest

from remembrancer import Memory

from conftest import has_name, listed_names, name_findings

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]

# writer -> entries: (text or chat turns, people who must be listed, words that must not be a listed name)
WRITERS = {
    "british-diary": [
        ("Popped into Tesco on the way home, then Boots for plasters. The queue was awful.", [], ["Tesco", "Boots"]),
        ("Watched Bake Off with a cuppa. Bit rubbish this year.", [], ["Bake"]),
        ("Took Biscuit to the vet, he's got a grass seed stuck in his paw. Forty quid.", [], ["Biscuit"]),
        ("Tell him I said no. That's what I told Gemma when she asked to borrow the car again.", ["Gemma"], ["Tell"]),
        ("Beat the traffic this morning for once. Coventry by nine.", [], ["Beat", "Coventry"]),
        ("Storm Ciara took the fence panel down in the night. The insurance won't pay.", [], ["Ciara"]),
        ("Our Kev rang about the party. He wants to do Nando's, of course.", ["Kev"], ["Nando"]),
        ("Spurs lost again. Not talking about it.", [], ["Spurs"]),
        ("Dear Harriet,\nThe garden is all weeds and the Aga has packed in again. Write soon.\nLove,\nMe",
         ["Harriet"], ["Aga", "Me"]),
        ("Saturday: Lidl, laundry, Strictly. Exciting life.", [], ["Lidl", "Strictly", "Saturday"]),
        ("Finished Wolf Hall at last. Started Middlemarch, heavy going.", [], ["Wolf", "Middlemarch"]),
        ("Mrs Okafor next door brought round jollof rice. Her son Emeka is starting uni in York.",
         ["Okafor", "Emeka"], ["York"]),
        ("Bumped into Fiona at the school gate, she's expecting again.", ["Fiona"], []),
        ("Big Mike from work helped me move the sofa up two flights.", ["Mike"], []),
        ("Mr Snuggles lost an ear in the wash. Had to sew it back on before bedtime or there'd be tears.", [],
         ["Snuggles"]),
    ],
    "irish-diary": [
        ("Went to Mass for St Brigid's Day and then into Dunnes for the messages.", [], ["Brigid", "Dunnes"]),
        ("Grand stretch in the evenings. Himself is off to Lahinch with the lads.", [], ["Himself", "Lahinch"]),
        ("Siobhán drove Mammy to Knock on Sunday. She said the rosary the whole way there.", ["Siobhán"], ["Knock"]),
        ("Fair play to Cian, he fixed the boiler himself and saved us a fortune.", ["Cian"], ["Fair"]),
        ("Took the Saoirse out as far as the lighthouse. She needs a coat of paint, that boat.", [], ["Saoirse"]),
        ("Fairytale of New York on the radio twice in the car. Christmas is coming alright.", [], ["Fairytale"]),
        ("The Angelus came on and Daddy stood up like he always does.", ["Daddy"], ["Angelus"]),
        ("Grandda Mick is home from the Mater, thanks be to God.", ["Mick"], ["Mater", "God"]),
        ("Had a long chat with Father Declan after Mass about the roof fund.", ["Declan"], ["Mass"]),
        ("Bold Rex had the bin turned over again. That dog will be the death of me.", [], ["Rex", "Bold"]),
        ("Whisht, says Nora to the child, and off he went to sleep.", ["Nora"], ["Whisht"]),
        ("Ah here. Penneys was mobbed and I came home with nothing.", [], ["Penneys", "Ah"]),
    ],
    "american-diary": [
        ("Picked up groceries at Kroger and a pie from Costco. Thanksgiving is Thursday.", [],
         ["Kroger", "Costco", "Thanksgiving", "Thursday"]),
        ("Alexa wouldn't play anything so I gave up and read on the porch.", [], ["Alexa"]),
        ("Binged Stranger Things with Marcus until two. Regret.", ["Marcus"], ["Stranger"]),
        ("Took Ranger to the groomer, he hates the blow dryer and howled the whole time.", [], ["Ranger"]),
        ("Go Bears! Coach Dixon had them fired up tonight.", ["Dixon"], ["Bears", "Go"]),
        ("Jeez, the Walmart lot was a zoo today.", [], ["Jeez", "Walmart"]),
        ("My sourdough starter is named Clint Yeastwood and he is thriving on the counter.", [], ["Clint", "Yeastwood"]),
        ("Hurricane Ida is supposed to hit Friday so we boarded up the windows.", [], ["Ida", "Friday"]),
        ("Ma is doing better. Aunt Louise drove her to Cleveland for the scan on Monday.", ["Louise"],
         ["Cleveland", "Monday"]),
        ("Skipped church. Pastor Jim will notice, he always does.", ["Jim"], []),
        ("Dr Naidoo says my bloods are fine and I can stop worrying.", ["Naidoo"], []),
        ("Hey Google, set a timer. Siri never listens either.", [], ["Google", "Siri"]),
        ("Gosh darn it, the Camry has a flat again.", [], ["Camry", "Gosh"]),
    ],
    "south-african-diary": [
        ("Ag no man, load shedding again tonight. Eskom is useless.", [], ["Ag", "Eskom"]),
        ("Eish, Bessie wouldn't start this morning. That bakkie is older than me. Had her towed to Pinetown.", [],
         ["Eish", "Bessie", "Pinetown"]),
        ("Went to Durban for the weekend with my cousin Thabo. Bunny chow on the beachfront.", ["Thabo"], ["Durban"]),
        ("Ouma made koeksisters for the braai and Oupa fell asleep in his chair.", ["Ouma", "Oupa"], []),
        ("Yoh, Woolies prices these days. Shame man.", [], ["Yoh", "Woolies", "Shame"]),
        ("Aunty Lindiwe came through from Soweto. She brought the twins and a cake.", ["Lindiwe"], ["Soweto"]),
        ("Just now the Bokke play, everyone is coming round to watch.", [], ["Bokke"]),
        ("Heritage Day braai at Sipho's place. Lekker.", ["Sipho"], ["Heritage", "Lekker"]),
        ("Gogo told us stories about the farm until late.", ["Gogo"], []),
        ("my neighbour bongani fixed the gate for me", ["bongani"], []),
        ("Took Simba for his jabs, he bit the vet.", [], ["Simba"]),
        ("The Berg wind came up and it was thirty degrees in June.", [], ["Berg", "June"]),
    ],
    "indian-diary": [
        ("Diwali shopping with Priya didi at Lajpat Nagar. Bought diyas and sweets.", ["Priya"], ["Diwali", "Lajpat"]),
        ("Ravi bhai called from Pune, he is coming for Holi.", ["Ravi"], ["Pune", "Holi"]),
        ("Eid Mubarak messages all morning. Ammi made sheer khurma for everyone.", ["Ammi"], ["Eid", "Mubarak"]),
        ("Kindly do the needful, wrote the bank. Sharma uncle laughed at the letter.", ["Sharma"], ["Kindly"]),
        ("Ganesh Chaturthi tomorrow, the whole colony is decorating.", [], ["Ganesh", "Chaturthi"]),
        ("Booked an Ola to the airport, reached Bengaluru by nine.", [], ["Ola", "Bengaluru"]),
        ("Nani is unwell, so Mama is taking her to Apollo tomorrow.", ["Nani"], ["Apollo"]),
        ("Lunch with Deepa and her husband Vikram at the new place near the station.", ["Deepa", "Vikram"], []),
        ("Chinmay's exams start Monday, he is studying day and night.", ["Chinmay"], ["Monday"]),
        ("Hai Ram, the Swiggy order came cold again.", [], ["Ram", "Swiggy"]),
        ("Watched Sholay again with the family. Still the best.", [], ["Sholay"]),
    ],
    "australian-diary": [
        ("Arvo at Bondi with Shazza. Maccas on the way home.", ["Shazza"], ["Bondi", "Maccas"]),
        ("Footy's on, the Swans got flogged. Strewth.", [], ["Swans", "Strewth"]),
        ("Went bush for a week, up past Bourke. No signal at all.", [], ["Bourke"]),
        ("Reckon the Southerly will come through by tea time.", [], ["Southerly", "Reckon"]),
        ("Bluey on repeat for the kids again. Bingo is Mia's favourite.", ["Mia"], ["Bluey", "Bingo"]),
        ("Anzac Day dawn service with Grandpa Col. He wore his medals.", ["Col"], ["Anzac"]),
        ("Bunnings sausage sizzle, then Kmart for a cheap fan.", [], ["Bunnings", "Kmart"]),
        ("Skyped Kirsty in Perth, she's homesick for the beach.", ["Kirsty"], ["Perth"]),
        ("Uncle Des and Auntie Marge came for Sunday roast.", ["Des", "Marge"], ["Sunday"]),
        ("No worries, said Trev, and fixed the ute in ten minutes.", ["Trev"], ["No"]),
    ],
    "scottish-diary": [
        ("Och, the haar came in off the Forth and we couldnae see the bridge.", [], ["Och", "Forth"]),
        ("Took the wean to Greggs for a steak bake. Hogmanay tomorrow.", [], ["Greggs", "Hogmanay"]),
        ("Granny's aye on aboot Burns Night. Wee Morag is reciting the Selkirk Grace.", ["Morag"],
         ["Burns", "Selkirk", "Grace"]),
        ("Up a Munro wi Hamish on Saturday. Ben Lawers in the clag.", ["Hamish"], ["Munro", "Ben", "Lawers"]),
        ("Rangers got beat again. Jings.", [], ["Rangers", "Jings"]),
        ("Wee Alasdair fell off his bike and cut his chin.", ["Alasdair"], []),
        ("Got a letter from Lorna in Inverness. She's retiring at last.", ["Lorna"], ["Inverness"]),
        ("Gonnae no dae that, I telt him. Away an bile yer heid.", [], ["Gonnae", "Away"]),
    ],
    "dictated-notes": [
        ("so today went to asda then picked up the kids from school tom was in a mood about his football", ["tom"], []),
        ("note to self ring sarah about the flat tell her the landlord wants the keys back by friday", ["sarah"],
         ["Tell"]),
        ("dear diary it's me again mum came round with auntie jean they stayed for lunch", ["jean"], []),
        ("walked Pepper round the park she chased a squirrel then we went to Costa", [], ["Pepper", "Costa"]),
        ("Okay so Monday I have the dentist Tuesday Leeds for work Wednesday nothing", [],
         ["Okay", "Monday", "Tuesday", "Leeds", "Wednesday"]),
        ("Remind me to book the MOT for the Corsa and text Dave about the match", ["Dave"], ["Remind", "Corsa"]),
        ("right so Grandad's funeral is on the 12th at St Mary's and then back to the Red Lion after", ["Grandad"],
         ["Mary", "Red", "Lion"]),
        ("spoke to ayesha about the wedding she wants the mehndi at her aunt's house", ["ayesha"], []),
        ("Mistral blowing all day the shutters banging nobody slept", [], ["Mistral"]),
        ("Easter Sunday Lent is over thank God", [], ["Easter", "Lent", "God"]),
        ("OMG the new Harry Styles album is out listen to it on Spotify", [], ["OMG", "Spotify"]),
    ],
    "cousins-chat": [
        ([("Naledi", "Yoh did you see the rain in Joburg"), ("Kagiso", "Eish my bakkie got stuck lol"),
          ("Naledi", "Shame man. Tell Uncle Bongani to tow you"), ("Kagiso", "Ja he's coming now now")],
         ["Naledi", "Kagiso", "Bongani"], ["Yoh", "Joburg", "Eish", "Shame", "Tell", "Ja"]),
        ([("Naledi", "Happy Diwali to Reshma's family!"), ("Kagiso", "Sharp sharp. Bring samoosas from Pick n Pay"),
          ("Naledi", "Haibo you buy them")], ["Reshma"], ["Diwali", "Sharp", "Pick", "Haibo"]),
    ],
    "friends-chat": [
        ([("Jess", "omg Netflix put the price up again"), ("Amy", "Cancel it and get Disney"),
          ("Jess", "Nah need Bridgerton lol"), ("Amy", "Tbh same")], ["Jess", "Amy"],
         ["Netflix", "Cancel", "Disney", "Bridgerton", "Nah", "Tbh"]),
        ([("Arjun", "Bro coming to Goa or not"), ("Rohit", "Arre yaar, Mummy won't let me"), ("Arjun", "Ask Papa then")],
         ["Arjun", "Rohit"], ["Bro", "Goa", "Arre", "Ask"]),
        ([("Kylie", "Heaps good arvo at Manly"), ("Brooke", "Legend. Tell Dazza I said hi"), ("Kylie", "Will do xx")],
         ["Kylie", "Brooke", "Dazza"], ["Heaps", "Manly", "Legend", "Tell", "Will"]),
    ],
    "called-so": [  # kin words and titles said to or of someone who is no one's kin, and kin words used as titles
        ("The aunty at the spaza shop gave me extra change. Aunty always does.", [], ["Aunty"]),
        ("Thanks boet, I told the car guard. Howzit bru, he said back.", [], ["Boet", "Bru"]),
        ("Cheers cuz, see you Saturday. Cuz never turns up on time though.", [], ["Cuz"]),
        ("Bro, the game was mad. Bro I swear.", [], ["Bro"]),
        ("Uncle at the chai stall remembers my order now. Uncle is a legend.", [], ["Uncle"]),
        ("Sis, please help me with the forms, I typed to my neighbour's girl.", [], ["Sis"]),
        ("Ag shame, Tannie at the church was crying. Tannie lost her husband last year.", ["Tannie"], []),
        ("Bhaiya at the kirana store gave me the wrong change.", [], ["Bhaiya"]),
        ("Hey mate, said the bloke at the servo. Mate, your tyre's flat.", [], ["Mate"]),
        ("Madam at the bank was very rude today.", [], ["Madam"]),
        ("Mama Thandi sells vetkoek by the taxi rank. Mama Thandi knows everyone.", ["Thandi"], []),
    ],
    "said-again": [  # names said in entry after entry, as a diary does: no one is made a person by being said often
        ("Woolies had no bread again. Alexa keeps playing the wrong song.", [], ["Woolies", "Alexa"]),
        ("Back to Woolies for milk. Told Alexa to stop and she ignored me.", [], ["Woolies", "Alexa"]),
        ("Alexa, play the news. Nothing. Woolies delivery came late.", [], ["Alexa", "Woolies"]),
        ("Biscuit was sick on the rug. He ate something in the park.", [], ["Biscuit"]),
        ("Biscuit is much better today, he had chicken and rice.", [], ["Biscuit"]),
        ("Eskom cut the power at six. Eskom says two hours.", [], ["Eskom"]),
        ("Eskom again. Cooked on the gas.", [], ["Eskom"]),
        ("Took the Saoirse round the headland. She handled well.", [], ["Saoirse"]),
        ("The Saoirse needs her hull scraped before the summer.", [], ["Saoirse"]),
        ("Strictly tonight. Craig was harsh.", ["Craig"], ["Strictly"]),
        ("Strictly final. Cried at the end.", [], ["Strictly"]),
        ("Diwali tomorrow, the house smells of ghee. Mum is making laddoos.", [], ["Diwali"]),
        ("Diwali was lovely. Neha came with the kids.", ["Neha"], ["Diwali"]),
        ("Neha rang about the rangoli, she wants to start early next year.", ["Neha"], []),
        ("Storm Ciara again. Roof tiles everywhere.", [], ["Ciara"]),
        ("Ciara finally blew out overnight.", [], ["Ciara"]),
        ("Yoh, what a day. Yoh yoh yoh.", [], ["Yoh"]),
        ("Eish. Eish, the traffic in town.", [], ["Eish"]),
        ("Shame man, poor Lerato lost her phone. Shame.", ["Lerato"], ["Shame"]),
        ("Lerato found her phone in the car, she was so relieved.", ["Lerato"], []),
        ("Bluey again this morning. Bingo and Bluey, over and over.", [], ["Bluey", "Bingo"]),
        ("Bluey finished. Thank goodness.", [], ["Bluey"]),
        ("Netflix is down. Netflix never goes down.", [], ["Netflix"]),
        ("Cancelled Netflix in the end.", [], ["Netflix"]),
        ("Durban was hot. We drove back from Durban on Sunday.", [], ["Durban"]),
        ("Missing Durban already.", [], ["Durban"]),
    ],
}


def read(memory, entries):
    for day, (text, _, _) in enumerate(entries, 1):
        at = f"2023-03-{day:02d}"
        if isinstance(text, list):
            memory.add_chat(text, at=at)
        else:
            memory.add(text, at=at)
    return listed_names(memory)


# What is still read wrongly (people8's round; docs/benchmarks.md): a toy and a pet with a person's signs, and people
# said once with nothing more than their name (kept, not listed: `people --all`). On main before the round 6 of the 163
# words that are no one were listed and 25 of the 61 people missed (and in "said-again" and "called-so",
# written after: Alexa, Ciara, Bro, Uncle).
LEFT = {
    "american-diary": {("Marcus", "missed")},
    "australian-diary": {("Shazza", "missed"), ("Mia", "missed")},
    "british-diary": {("Snuggles", "listed"), ("Harriet", "missed")},
    "cousins-chat": {("Reshma", "missed")},
    "dictated-notes": {("tom", "missed"), ("sarah", "missed"), ("Dave", "missed")},
    "friends-chat": {("Dazza", "missed")},
    "indian-diary": {("Chinmay", "missed")},
    "irish-diary": {("Cian", "missed")},
    "scottish-diary": {("Morag", "missed"), ("Hamish", "missed")},
    "south-african-diary": {("Simba", "listed"), ("Sipho", "missed")},
    "said-again": {("Alexa", "listed"), ("Craig", "missed")},
    "called-so": {("Uncle", "listed"), ("Thandi", "missed")},  # the stall's "Uncle" is then the subject of "is"  # a voice assistant told things and called "she"
}


# On PostgreSQL too: three writers whose people are joined across many entries (a diary, a chat, names said entry after
# entry), which is where the store is read; the others on SQLite alone (their PostgreSQL runs took a third of the file).
ON_BOTH = {"british-diary", "cousins-chat", "said-again"}


@pytest.mark.parametrize("writer", [w if w in ON_BOTH else pytest.param(w, marks=pytest.mark.sqlite_only)
                                    for w in sorted(WRITERS)])
def test_who_is_a_person_in_an_english_no_rule_was_written_for(db, writer):
    with Memory(db) as memory:
        names, every = read(memory, WRITERS[writer])
    # exactly what is left: a word read rightly now that was not fails too, so LEFT is kept true
    assert set(name_findings(names, every, WRITERS[writer])) == LEFT.get(writer, set()), names


def test_the_set_is_large_enough():
    entries = [e for w in WRITERS.values() for e in w]
    assert sum(bool(no) for _, _, no in entries) >= 60 and sum(bool(yes) for _, yes, _ in entries) >= 40


def test_where_one_moves_to_is_a_place_whatever_name_it_starts_with(db):
    with Memory(db) as memory:
        memory.add("Your grandad and I moved here to Sandy Springs when you were two, and Hazel was five.", at="2023-01-01")
        kinds = {p["name"]: p["kind"] for p in memory.people(None, everyone=True)}
    assert kinds["Sandy Springs"] == "place" and kinds["Hazel"] == "person"


if __name__ == "__main__":  # the figures of docs/benchmarks.md: PYTHONPATH=$PWD python tests/test_people_unseen.py
    import tempfile
    from pathlib import Path

    folder, listed, no_one, wrong, missed = Path(tempfile.mkdtemp()), 0, 0, 0, 0
    for writer, entries in sorted(WRITERS.items()):
        with Memory(folder / f"{writer}.db") as memory:
            names, every = read(memory, entries)
        found = name_findings(names, every, entries)
        print(writer, found, names)
        nobody = {w for _, _, no in entries for w in no}
        listed += len(names)
        no_one += sum(any(has_name([n], w) for w in nobody) for n in names)
        wrong += sum(k == "listed" for _, k in found)
        missed += sum(k == "missed" for _, k in found)
    said = sum(len(no) for w in WRITERS.values() for _, _, no in w), sum(len(yes) for w in WRITERS.values() for _, yes, _ in w)
    print(f"names listed {listed}, of them no one {no_one} (P {(listed - no_one) / listed:.2f}); words that are no one listed "
          f"{wrong} of {said[0]}; people missed {missed} of {said[1]} (R {(said[1] - missed) / said[1]:.2f})")
