"""Who is listed as a person: precision first (issue 13). A name the text treats as a pet, a thing or a place
leaves the people list; a name said once with nothing more is kept but not listed; one person under two names
is one listing; the writer is never someone else."""
import pytest

from remembrancer import Memory, capture
from remembrancer.extract import extract


pytestmark = [pytest.mark.backends, pytest.mark.extract_only]  # each test using `memory`: on SQLite, then on PostgreSQL


@pytest.fixture
def memory(db):
    """A store that understands what is added (a file; its PostgreSQL run, a new memory)."""
    m = Memory(db)
    yield m
    m.close()


def listed(memory):
    return {p["name"] for p in memory.people()}


def test_a_name_that_does_what_animals_do_is_a_pet_not_a_person(memory):
    memory.add("Walked our dog Moss up the common. Moss barked at the sheep.", at="2021-03-01")
    memory.add("Moss ate a sock. Geth held Moss's lead while I tied my shoe. Geth said it was cold.", at="2021-03-02")
    memory.add("Bella's been to the vet, she's got arthritis. Gwen rang about the party.", at="2021-03-03")
    assert {"Moss", "Bella"}.isdisjoint(listed(memory)) and "Geth" in listed(memory)
    assert {"Moss", "Bella"} <= {p["name"] for p in memory.people("pet")}
    # the owner can say otherwise, and it holds across extraction
    memory.set_kind("Moss", "person")
    memory.add("Moss slept all day.", at="2021-03-04")
    assert "Moss" in listed(memory)


def test_each_mention_says_what_the_name_is():
    def signs(text):
        ex = extract(text)
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in ex.people}

    assert signs("She has a parrot called Kevin that talks.")["Kevin"] == ["pet"]
    # a title alone says a person unless the name is shown to be a pet ("Mr Pickles caught a mouse"): "titled"
    assert signs("Beth rang at six. Mr Pugh waved.") == {"Beth": ["person"], "Mr Pugh": ["titled"]}
    assert signs("Mags is wonderful, Rhondda born, and kind.")["Rhondda"] == ["place"]
    # not things: a name said to someone after a noun, a birth announced
    assert signs('She said, "Tell me about the bike, Grandad," and he did.')["Grandad"] != ["thing"]
    assert signs("Isla Grace Robson born at 3:40 this morning.")["Isla Grace Robson"] == [None]
    assert signs("In the car Dad said it was fine.")["Dad"] == ["person"]
    # a kin word in someone else's words is theirs
    assert set(signs('He was shouting for his Mam. "Mam! Where\'s me Mam?"')["Mam"]) == {"theirs"}


def test_a_name_said_once_with_nothing_more_is_kept_but_not_listed(memory):
    memory.add("Tenby was lovely. Price & Sons sent the bill. Katarzyna Nowak was on the order of service.", at="2021-05-01")
    memory.add("Tina came to the bingo. She won twice.", at="2021-05-02")
    memory.add("Beth rang. Later Beth sent a photo of the beach.", at="2021-05-03")
    memory.add("Saw Beth again.", at="2021-05-04")
    assert listed(memory) == {"Beth", "Tina"}
    everyone = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Katarzyna Nowak" in everyone and everyone["Katarzyna Nowak"]["sure"] < everyone["Beth"]["sure"]
    assert memory.person("Katarzyna Nowak")["passages"]  # reachable by name


def test_names_that_are_no_one_here():
    def people(text):
        return {p.name for p in extract(text).people} - {"me"}

    assert people("St David's Day. Priya came in wearing a daffodil hat.") == {"Priya"}
    assert people("Happy Mother's Day to you Mam!") == {"Mam"}
    assert people("There's a nurse on Ward 14 called Fatima.") == {"Fatima"}
    assert people("Liam got the job at Hallam & Pryce. Gavin & Stacey was on.") == {"Liam"}
    assert people('Elin sings "Twinkle Twinkle" all day.') == {"Elin"}
    assert people("Beat Geth at Scrabble after tea. He sulked.") == {"Geth"}
    # but a partner owning something is someone, and a name before a number word is not a ward or a station
    assert "John" in people("He worked in one of Kirby & John's rolling-mills.")
    assert "Leonora" in people("I am forty-five and Leonora forty. Leonora said so.")


def test_someone_elses_kin_word_and_a_couple_are_not_listed(memory):
    memory.add('Dad was shouting for his Mam. "Mam! Where\'s me Mam?" Mr and Mrs Pugh came round.', at="2021-09-09")
    memory.add('In his sleep he said "Howay, Mam." Mr and Mrs Pugh waved.', at="2021-09-10")
    assert listed(memory) == {"Dad"}


def test_a_short_name_of_two_people_said_once_is_one_of_them(memory):
    memory.add("Sue Garbutt runs the home. Sue Garbutt rang twice.", at="2022-01-01")
    memory.add("Susan Pearce came, my cousin. Susan Pearce brought cake.", at="2022-01-02")
    memory.add("We stayed for the dinner, which Sue had said we could.", at="2022-01-03")
    assert listed(memory) - {"me"} == {"Sue Garbutt", "Susan Pearce"}


def test_a_name_given_by_a_pronoun_is_theirs_and_a_slip_is_not():
    ex = extract("To whoever is on today, thank you for looking after Dad.\n\n- He's Dennis, but likes Mr Dawson.")
    assert {"Dad", "Dennis"} <= next(p for p in ex.people if p.name == "Dad").aliases
    ex = extract("Nain looked well in it. The order of service had her photo, and her name underneath in full, Gwenllian Morgan.")
    assert [p.name for p in ex.people] == ["Gwenllian Morgan"] and "Nain" in ex.people[0].aliases
    ex = extract('Andy came. Dad said, "Ta-ra, Ron," and then Dad called him Ron all week.')
    assert not any({"Andy", "Ron"} <= p.aliases for p in ex.people)
    ex = extract("Mrs Hale came. There is a dog. Her name is Moss.")
    assert not any({"Mrs Hale", "Moss"} <= p.aliases for p in ex.people)


def test_the_writers_kin_word_is_the_one_person_said_to_be_that_kin(memory):
    # "Dad" is Dennis Dawson: the entry says "He's Dennis" of Dad, and Dennis Dawson is known by name
    memory.add("Dennis Dawson, 83, signalman retired. Dennis likes brass bands.", at="2021-01-01")
    memory.add("I took Dad to the doctor. Dad was quiet.", at="2021-01-02")
    memory.add("To whoever is on today, thank you for looking after Dad.\n\n- He's Dennis, but likes Mr Dawson.", at="2021-01-03")
    people = {p["name"]: p for p in memory.people()}
    assert "Dennis Dawson" in people and "Dad" not in people and "Dad" in people["Dennis Dawson"]["aliases"]
    assert ("father", "me", True) in {(r["relation"], r["other"], r["is"]) for r in memory.person("Dennis Dawson")["relations"]}


def test_the_chat_owners_mam_is_the_speaker_said_to_be_her_mother(memory):
    memory.add_chat([("Irene", "Is it working?"), ("Lorraine", "yes Mam it's working!! welcome to the madhouse"),
                     ("Irene", "Thank you pet.")], at="2022-03-27", me="Lorraine")
    memory.add_chat([("Lorraine", "Mam rang, she is fine"), ("Gemma", "aw good")], at="2022-03-28", me="Lorraine")
    people = {p["name"]: p for p in memory.people()}
    assert "Mam" not in people and "Mam" in people["Irene"]["aliases"]
    # and the owner's saying so otherwise holds
    memory.split_person("Irene", "Mam")
    memory.add_chat([("Lorraine", "Mam rang again"), ("Gemma", "ok")], at="2022-03-29", me="Lorraine")
    assert "Mam" in listed(memory)


def test_the_unlisted_are_left_out_of_fading_review_and_the_graph_and_reachable_with_all(tmp_path):
    from click.testing import CliRunner

    from remembrancer.cli import cli
    
    db = tmp_path / "m.db"
    with Memory(db) as memory:
        memory.add("Beth rang about the party. I laughed with Beth.", at="2020-01-01")
        memory.add("Beth came round. Katarzyna Nowak was on the card.", at="2020-02-01")
        faded = {i["person"] for i in memory.fading(now="2024-01-01", limit=50) if i.get("person")}
        assert "Beth" in faded and "Katarzyna Nowak" not in faded
        graph = {p["name"] for p in memory.graph()["people"]}
        assert "Beth" in graph and "Katarzyna Nowak" not in graph
        # the owner's word lists them: a rename is a statement about them
        memory.rename("Katarzyna Nowak", "Kasia")
        assert "Kasia" in listed(memory)
        memory.undo(memory.corrections()[0]["id"])
    out = CliRunner().invoke(cli, ["--db", str(db), "people"]).output
    assert "Beth" in out and "Katarzyna" not in out
    out = CliRunner().invoke(cli, ["--db", str(db), "people", "--all"]).output
    assert "Katarzyna Nowak" in out and "(unsure)" in out.split("Katarzyna Nowak")[1].splitlines()[0]


def test_a_middle_name_and_a_double_barrelled_surname_are_one_person():
    from remembrancer.extract.aliases import same_person

    assert same_person("Elin Gwen", "Elin Gwen Evans") and same_person("Niamh Gallagher", "Niamh Gallagher-Dobson")
    assert same_person("Elliot", "Anne Elliot") and not same_person("Tom Gallagher", "Niamh Gallagher-Dobson")


def test_more_of_what_a_mention_says(memory):
    def signs(text):
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in extract(text).people}

    assert signs("The team were lovely, and Bluebell are taking over all four calls.")["Bluebell"] == ["other"]
    assert signs("Midwife Sarah came at six.")["Sarah"] == ["person"]
    assert signs("Yesterday I met Rosalind Ferreira at the market.")["Rosalind Ferreira"] == ["person"]
    assert signs("Grandma Joan lives in Leeds.")["Grandma Joan"] == ["person"]
    assert "other" not in {x for v in signs("Mum and Dad are coming.").values() for x in v}  # two people, not a firm
    assert signs("Visited Grandma today.") == {"Grandma": ["person"]}
    assert signs("It was NANA she was saying.")["NANA"] == [None]  # a word said, not someone
    memory.add("Bluebell are taking over all the calls. I rang Bluebell about it.", at="2021-10-29")
    memory.add("Bluebell are short-staffed. Dorota came at eight and said hello.", at="2022-01-04")
    assert listed(memory) == {"Dorota", "me"} and "Bluebell" in {p["name"] for p in memory.people("other")}


def test_the_writers_kin_word_is_the_speaker_who_signs_with_it(memory):
    memory.add_chat([("Irene", "Thank you for the flowers. Love Nan xx"), ("Lorraine", "you're welcome Mam")],
                    at="2022-06-01", me="Lorraine")
    memory.add_chat([("Lorraine", "Right family, Nan's 80th on Saturday. Party here from 2"), ("Gemma", "yes!!")],
                    at="2022-06-04", me="Lorraine")
    memory.add_chat([("Lorraine", "Nan's first outing since the hospital and she loved it"), ("Irene", "I did. Nan xx")],
                    at="2022-06-12", me="Lorraine")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Nan" not in people and "Nan" in people["Irene"]["aliases"]


def test_the_name_others_say_to_the_writer_is_the_writers(memory):
    memory.add('Dad rang at half three. He said "Lowri, it\'s not good news, love," and then could not speak.', at="2018-09-14")
    memory.add('Beth looked at my face and said "oh, Lows," and then she cried too.', at="2019-04-27")
    memory.add('Glenys knocked at seven. She said "Den\'s gone, Lowri," very calmly.', at="2023-01-15")
    memory.add("Geth rang about the car. Later Geth laughed at the sheep.", at="2023-02-01")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    owner = next(p for p in people.values() if p["name"] == "me")
    assert "Lowri" not in people and "Lowri" in owner["aliases"]
    assert "Geth" in people  # said of in the writer's own words: someone else
    # a name the writer says to someone is not the writer's, nor one no one is said to say
    memory.add('I said, "Mark, stop it." Then "Mark, look at this." Mark laughed.', at="2023-03-01")
    memory.add('"Oh, Mark," I said. He went red.', at="2023-03-02")
    owner = next(p for p in memory.people(everyone=True) if p["name"] == "me")
    assert "Mark" not in owner["aliases"]


def test_more_names_that_are_no_one_or_not_listed(memory):
    def people(text):
        return {p.name for p in extract(text).people} - {"me"}

    assert people("Ring the office re the invoice.\nChase Gemma re day centre\nOrder pads") == {"Gemma"}
    from remembrancer.extract import kinds, nlp

    doc = nlp()("Then we sat in Dolly with the engine running. I believe in Tom.")
    assert [kinds.sign(doc, doc[i:i + 1], []) for i in (4, 13)] == ["thing", None]  # not "believe in Tom"
    # a title and a surname two people known in full share is one of them, however often said
    memory.add("Dennis Dawson is my dad. Andrew Dawson is my brother. Dennis Dawson and Andrew Dawson argued.", at="2022-01-01")
    for day in range(2, 5):
        memory.add(f'The carer said, "Good morning, Mr Dawson," and he smiled. Mr Dawson ate well.', at=f"2022-01-0{day}")
    # a kin word said once is perhaps no one
    memory.add("Isla said her first word today: it was NANA she was saying.", at="2022-01-06")
    assert {"Mr Dawson", "NANA"}.isdisjoint(listed(memory)) and {"Dennis Dawson", "Andrew Dawson"} <= listed(memory)


def test_a_slip_of_the_name_does_not_make_the_writer_someone_else(memory):
    memory.add("Dad asks for Pat (my mum) every night. Pat died in 2017.", at="2021-05-01")
    memory.add('The slip happened again. "Pat, leave that." I don\'t mind him calling me Pat.', at="2021-05-23")
    memory.add("- He calls me Pat sometimes. That's fine.\n- Pat was his wife.", at="2021-06-01")
    owner = next(p for p in memory.people(everyone=True) if p["name"] == "me")
    assert "Pat" not in owner["aliases"]
    # and "Mum" is the one named person said to be the writer's mother
    memory.add("Mum would have known what to do. I miss Mum.", at="2021-06-02")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Mum" not in people and "Mum" in people["Pat"]["aliases"]


def test_a_month_that_is_her_name(memory):
    memory.add("I sat in the kitchen with June Pickering. June says Wally's heart's not good. She said it lightly.", at="2021-05-02")
    memory.add("We went to Whitby in June. June 2021 was wet.", at="2021-07-01")
    everyone = {p["name"]: p for p in memory.people(everyone=True)}
    assert "June" in everyone["June Pickering"]["aliases"] and "June Pickering" in listed(memory)
    assert len(memory.person("June Pickering")["passages"]) == 1  # not the month


def test_one_the_writer_is_related_to_is_never_the_writer(memory):
    memory.add("Pat (my mum) rang about Sunday. Pat sounded tired.", at="2021-05-01")
    memory.add("At school they called me Pat, after her.", at="2021-05-02")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Pat" in people and "Pat" not in people["me"]["aliases"]


def test_a_greeting_before_a_name_is_not_part_of_it(memory):
    memory.add_chat([("Irene", "Happy Anniversary Lorraine and Stephen. I remember the day very well."),
                     ("Lorraine", "thank you Mam x")], at="2023-03-04", me="Lorraine")
    memory.add_chat([("Irene", "Thank you Liam. Happy Mothers Day Lorraine. You are a good daughter."),
                     ("Lorraine", "love you Mam")], at="2024-03-10", me="Lorraine")
    names = {a for p in memory.people(everyone=True) for a in [p["name"], *p["aliases"]]}
    assert not {"Anniversary Lorraine", "Mothers Day Lorraine", "Day Lorraine"} & names


def test_a_kin_word_with_a_first_name_is_the_one_person_called_by_that_name(memory):
    memory.add('At the chapel social they all called her Gwen. "Gwen was a hoot," an old man said. Gwen Morgan could sing.',
               at="2019-01-05")
    memory.add("Went up to see Nain. She made cawl and told me off for being thin. Nain is ninety.", at="2019-01-20")
    memory.add("Nain Gwen rang this morning. Nain said the hens are laying again.", at="2019-02-02")
    memory.add("Paul Walsh rang. Uncle Paul always rings on a Sunday. Paul Hedley came to fix the boiler.", at="2019-02-03")
    memory.add("Paul Hedley came back about the boiler. Paul Walsh laughed at him.", at="2019-02-04")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    gwen = next(p for p in people.values() if "Nain Gwen" in p["aliases"])
    assert {"Nain", "Gwen", "Gwen Morgan"} <= set(gwen["aliases"]) and "Nain" not in people
    # a kin word with a first name, said of one who has a full name of their own, is theirs alone
    assert "Uncle Paul" in people["Paul Walsh"]["aliases"] and "Paul Hedley" in people


def test_one_the_writer_writes_to_or_says_died_is_never_the_writer(memory):
    # (what is read is read in the order given: here the death before the words said to her)
    memory.add('The nurse said, "Peg, can you hear me?" Peg died this morning, at six. I held her hand.', at="2020-03-01")
    memory.add('Mam said, "Peg, sit down, love," and Peg sat down by the fire. I made the tea.', at="2020-01-01")
    memory.add('Dad looked up and said, "Peg, you look tired." Peg laughed at him. I laughed too.', at="2020-02-01")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Peg" in people and "Peg" not in people["me"]["aliases"]
    memory.add("Dear Alys,\nI miss you. You would laugh at the garden now. I planted your roses.\nLove always", at="2021-03-01")
    memory.add('Jan said, "Alys, come here." Alys came. I waited.', at="2021-01-01")
    memory.add('Ron said, "Alys, you\'re late." Alys laughed. I did not.', at="2021-02-01")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Alys" in people and "Alys" not in people["me"]["aliases"]


def test_a_kin_word_and_a_titled_name_are_two_people_not_a_couple():
    people = {p.name for p in extract("Went to see Nanna and Grandpa Joe on the boat today. Nanna made tea.").people}
    assert {"Nanna", "Grandpa Joe"} <= people and not any(" and " in n for n in people)
    assert "Mr. and Mrs. Smith" in {p.name for p in extract("Mr. and Mrs. Smith came to tea.").people}
    # a kin word opens a name, it never ends one: a list's heading
    assert {p.name for p in extract("Songs Grandpa liked (for Nanna)\n\n- Dancing Queen\n").people} == {"Grandpa", "Nanna"}


def test_titles_boats_and_people_by_what_the_words_say(memory):
    def signs(text):
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in extract(text).people}

    assert signs('We danced to "Mr Brightside" three times.')["Mr Brightside"] == ["other"]  # a song, not a man
    assert "other" not in signs('- "Bampi Clive" for Clive. Nobody taught her that.')["Bampi Clive"]  # what a child calls him
    assert set(signs("Marigold's engine has finally died. They've got Marigold moored at Bathampton.")["Marigold"]) == {"thing"}
    assert signs("A man called Derek told me a story.")["Derek"] == ["person"]
    memory.add("At the wake a man called Derek told me about the flood.", at="2023-03-29")
    memory.add('Sang "Mr Brightside" on the pavement. We danced to "Mr Brightside" again at the prom.', at="2023-06-24")
    assert "Derek" in listed(memory) and "Mr Brightside" not in listed(memory)


def test_a_name_the_writer_is_called_by_is_not_theirs_when_its_owner_died(memory):
    memory.add("Linda died in March 2017. I still miss Linda every day.", at="2021-05-01")
    memory.add("Dad called me Linda at tea. I let it go.", at="2021-05-02")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Linda" in people and "Linda" not in people["me"]["aliases"]


def test_a_name_only_ever_at_its_own_place_is_a_place(memory):
    memory.add("Mum and Mark took us all to Nando's. Poppy ate a whole chicken.", at="2023-08-24")
    memory.add("Went to Nando's with Jade after school. Jade laughed at me. Then round to Jade's for tea.", at="2023-09-01")
    assert "Nando" not in listed(memory) and "Jade" in listed(memory)
    assert "Nando" in {p["name"] for p in memory.people("place")}
    # a parent's kin word before a name is no title: a film, not a mother called Mia
    ex = extract("Then we watched Mamma Mia and screamed along.")
    assert [m.sign for p in ex.people for m in p.mentions if p.name == "Mamma Mia"] != ["person"]


def test_the_name_the_writer_signs_letters_with_is_the_writers(memory):
    memory.add("Hi Mum,\n\nI landed safe. Doug started at the port.\n\nLove, Fi x\n", at="2023-01-08")
    memory.add("Dear Callum,\n\nI heard the news. Tell Lauren I am thrilled for you both.\n\nYour sister,\nFi\n", at="2023-01-29")
    memory.add("Shona,\n\nI miss you. Doug bought a boat.\n\nLove always,\nFiona\n", at="2023-02-26")
    memory.add("Callum,\n\nI went to the hospital on Monday and Priya showed me round.\n\nAll my love,\nFiona\n", at="2023-03-12")
    people = {p["name"]: p for p in memory.people()}
    assert {"Fi", "Fiona"}.isdisjoint(people) and {"Fi", "Fiona"} <= set(people["me"]["aliases"])
    assert "Doug" in people and "Callum" in people
    # signed with a kin word and "your" on one line, the writer is still the one who says "I"
    ex = extract("Dear Bean,\n\nI love you already. See you in June.\n\nLove, your mam x")
    assert any(p.name == "me" and p.narrator for p in ex.people) and not any(p.name == "your mam" for p in ex.people)


def test_letters_signed_by_someone_written_of_are_not_the_writers(memory):
    # Shona is written of in the writer's own words: her two letters kept in the store are hers, not the writer's
    memory.add("Shona rang me about Toronto. She is going in June.", at="2023-01-02")
    memory.add("Dear Fi,\n\nI have packed the flat. I miss you.\n\nLove, Shona x\n", at="2023-01-08")
    memory.add("Dear Fi,\n\nI landed in Toronto and I am so tired.\n\nLove, Shona x\n", at="2023-01-29")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Shona" in people and "Shona" not in people["me"]["aliases"]


def test_what_is_named_it_and_what_is_the_cactus_is_no_one(memory):
    def signs(text):
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in extract(text).people}

    assert signs("We bought a car and the children have named it Bessie.")["Bessie"] == ["thing"]
    assert signs("Doug has started a sourdough. It is called Gordon.")["Gordon"] == ["thing"]
    assert signs("Disaster in the flat: Kevin the cactus has died.")["Kevin"] == ["thing"]
    memory.add("Disaster in the flat: Kevin the cactus has died. I overwatered him.", at="2023-04-16")
    memory.add("We bought a car and the children have named it Bessie. Bessie died at the lights.", at="2023-02-12")
    memory.add("Kevin was a good cactus. Bessie needs a clutch.", at="2023-04-17")
    memory.add("Mum wore a life jacket and said \"Oh, my God\" and then apologised to God.", at="2023-12-27")
    memory.add("God help us all. Mum prayed to God for the children.", at="2023-12-28")
    assert {"Kevin", "Bessie", "God"}.isdisjoint(listed(memory))


def test_a_he_that_is_someones_dog_or_goes_to_the_vet_is_a_pet():
    ex = extract("Callum says Bruno isn't eating and that you took him to the vet. Bruno was old. He was Dad's dog really.")
    bruno = next(p for p in ex.people if p.name == "Bruno")
    assert "pet" in [m.sign for m in bruno.mentions if m.kind == "pronoun"]
    # not one who plays an animal
    isla = next(p for p in extract("Isla is in the nativity on Tuesday. She's a sheep.").people if p.name == "Isla")
    assert "pet" not in [m.sign for m in isla.mentions]


def test_a_name_i_was_called_a_number_of_times_is_a_slip(memory):
    memory.add("Went to see Mam. She called me Gordon twice. Then she said I was Callum.", at="2021-10-23")
    memory.add("Mam called me Gordon three times today.", at="2021-10-24")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Gordon" not in people["me"]["aliases"]


def test_one_the_entry_relates_to_me_or_says_died_is_not_me_by_a_shared_name(memory):
    memory.add('"Frank, it\'s your round," Mary said to me. I paid.', at="2021-01-03")
    memory.add('"Frank, come here," Bob said. I went over.', at="2021-01-04")
    assert "Frank" in {p["name"]: p for p in memory.people(everyone=True)}["me"]["aliases"]  # others call me Frank
    memory.add("My neighbour Frank came round with a cake for me.", at="2021-06-01")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert any(name.startswith("Frank") for name in people), people.keys()  # he is someone else


def test_two_people_who_share_a_first_name(memory):
    memory.add("Hi Mum,\n\nI landed. Callum says you are feeding the dog sausages.\n\nLove, Fi x", at="2023-01-08")
    memory.add("Shona!\n\nThere is another Scot at work! A physio called Callum Reid, from Paisley. So now there are two "
               "Callums in my life.\n\nFi", at="2023-01-16")
    memory.add("Callum,\n\nBack in the heat. Callum Reid says the first one is always late. Love to Lauren.\n\nFi x", at="2023-08-13")
    memory.add("Dear Callum,\n\nThanks for sorting Mum's boiler. Callum came round again on Sunday.\n\nFi", at="2023-08-20")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Callum" in people and "Callum Reid" in people
    assert "Callum" not in people["Callum Reid"]["aliases"]


def test_a_death_needs_a_person(memory):
    from remembrancer.extract import FACT

    memory.add("Poppy was crying. Pickle died in the night, he was two and a half. We buried Pickle in the garden.", at="2022-12-03")
    memory.add("Grandad died this morning. Mum rang me at six.", at="2022-12-04")
    rows = memory.query("SELECT p.name, ev.confidence FROM events ev JOIN event_people ep ON ep.event = ev.id"
                        " JOIN people p ON p.id = ep.person WHERE ev.kind = 'death' AND ep.agent = 0")
    sure = {name: c for name, c in rows}
    assert sure["Pickle"] < FACT  # a name never seen as a person of its own: perhaps
    assert sure["Grandad"] >= FACT  # a kin word is someone


def test_the_kin_word_the_writer_signs_with_is_the_writer_and_never_another(memory):
    # the grandchildren call the writer "Grandad" and their other grandfather "Grandad Jim"
    ex = extract("Dear Sam,\n\nGrandad Jim rang from Leeds. I said he was daft.\n\nYour old Grandad\n")
    signer = next(p for p in ex.people if p.narrator)
    assert signer.aliases == {"Grandad"} and any(p.aliases >= {"Grandad Jim"} for p in ex.people if p is not signer)
    memory.add("Dear Ellie and Sam,\n\nGrandad Jim rang from Leeds. He and Nana Pat fly out in May.\n\nLove,\nGrandad\n", at="2021-09-12")
    memory.add("Dear Ellie and Sam,\n\nI have finished the cot. Grandad Jim says it is too big.\n\nLove from\nGrandad\n", at="2021-10-12")
    memory.add("Dear Sam,\n\nI went fishing with Jim Kelly. Grandad Jim caught nothing, and I caught two.\n\nYour old Grandad\n",
               at="2021-11-12")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Grandad" in people["me"]["aliases"] and "Grandad" not in people
    jim = next(p for p in people.values() if "Grandad Jim" in [p["name"], *p["aliases"]])
    assert "Grandad" not in jim["aliases"]
    # a note signed once by a kin word and kept in a diary stays the kin word's
    memory.add("Got home late. I ate standing up.\n\nMaisie, lasagne in the oven.\nLove, Mum x", at="2021-12-01")
    assert "Mum" not in {p["name"]: p for p in memory.people(everyone=True)}["me"]["aliases"]


def test_a_title_and_a_surname_is_the_one_person_named_in_full_with_it(memory):
    memory.add("Mrs Dodds next door has had a fall. Edna is ninety-one and says she is not ready for a home.", at="2021-11-07")
    memory.add("Edna Dodds has gone into a home at last.", at="2023-04-09")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    edna = next(p for p in people.values() if "Edna Dodds" in [p["name"], *p["aliases"]])
    assert "Mrs Dodds" in edna["aliases"] and "Mrs Dodds" not in people


def test_a_title_and_a_surname_gives_no_first_name(memory):
    memory.add("Your Nana has a new hip. Dr Patel came to see her.", at="2021-11-07")
    memory.add("Nana Pat rang from Leeds. Nana Pat is flying out in May.", at="2021-11-20")
    memory.add("Dr Patel says my heart is fine.", at="2023-04-09")
    pat = next(p for p in memory.people(everyone=True) if "Nana Pat" in [p["name"], *p["aliases"]])
    assert "Dr Patel" not in pat["aliases"]


def test_a_title_and_a_surname_two_people_bear_is_neither_of_them(memory):
    memory.add("Maya Rose Sandhu was born on Wednesday. Karen is tired.", at="2022-05-15")
    memory.add("Ravi Sandhu came for tea with Karen. He brought sweets.", at="2022-06-15")
    memory.add("We had Christmas with Karen. Mrs Sandhu made samosas.", at="2022-12-26")
    memory.add("Mrs Sandhu brought food for thirty.", at="2023-01-22")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert not any("Mrs Sandhu" in p["aliases"] for p in people.values() if p["name"] != "Mrs Sandhu")


def test_one_the_writer_writes_to_is_never_merged_into_the_writer(memory):
    memory.add("Dear Frank,\n\nI hope the boat is ready. I miss our walks.\n", at="2021-03-01")
    memory.add("Dear Frank,\n\nThe roses are out. I wish you could see them.\n", at="2021-04-01")
    memory.add_messages([{"speaker": "Frank", "text": "I'm at the shop, want anything?", "at": "2021-05-01T10:00:00"},
                         {"speaker": "Jo", "text": "Milk please Frank", "at": "2021-05-01T10:01:00"}], me="Frank")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert any(name != "me" and "Frank" in [name, *p["aliases"]] for name, p in people.items())


def test_mr_and_a_surname_is_the_man_of_a_couple_named_in_full(memory):
    memory.add("Our neighbour Eileen Doyle brought courgettes. Frank Doyle, her husband, grows them.", at="2022-07-16")
    memory.add("Mr Doyle next door isn't well. Eileen says it's his chest again.", at="2022-10-15")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    frank = next(p for p in people.values() if "Frank Doyle" in [p["name"], *p["aliases"]])
    assert "Mr Doyle" in frank["aliases"]


def test_a_name_that_catches_a_mouse_is_a_pet():
    def signs(text):
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in extract(text).people}

    assert signs("Mr Pickles caught a mouse and left it on your Nana's slipper.")["Mr Pickles"] == ["pet"]
    assert signs("Tom caught the bird that got into the kitchen.")["Tom"] != ["pet"]


def test_a_sign_off_with_your_before_the_name_is_signed_with_the_name():
    ex = extract("Dear Dad,\n\nI planted the roses you liked.\n\nLove always, always,\nyour Ruthie x")
    assert any(p.narrator and p.name == "Ruthie" for p in ex.people) and not any(p.name == "your Ruthie" for p in ex.people)


def test_a_titled_pet_a_dog_that_says_woof_and_a_car_that_died_at_the_lights_are_not_people(memory):
    memory.add("Mr Pickles caught a mouse and left it on the slipper. Bramble says woof.", at="2021-09-12")
    memory.add("Mr Pickles is getting old. He sleeps in the airing cupboard. Mr Pickles keeps looking for Bramble.", at="2022-01-10")
    memory.add("Bluebell died at the traffic lights in Morpeth on Thursday and I had to push her home with Dev steering.",
               at="2021-11-28")
    memory.add("Bluebell passed her MOT! I drove Sue to Bamburgh in her.", at="2022-09-18")
    memory.add("I am sorry to tell you that Bramble died on Friday. Sam, I know she was your dog as much as mine.", at="2023-02-12")
    memory.add("Mr Pickles died on Tuesday. He was nineteen.", at="2023-08-20")
    people = listed(memory)
    assert {"Mr Pickles", "Bramble", "Bluebell"}.isdisjoint(people), people
    assert {"Mr Pickles", "Bramble"} <= {p["name"] for p in memory.people("pet")}
    assert "Bluebell" in {p["name"] for p in memory.people("thing")}
    # a titled person is still listed
    memory.add("Mr Doyle next door rang. Mr Doyle says his chest is better.", at="2023-08-21")
    assert "Mr Doyle" in listed(memory)


def test_a_kin_word_before_a_name_is_a_title_not_the_writers_kin(memory):
    # "Father Dan" is a priest and "Sister Agnes" a nun: no one calls their own father "Father Dan", so the writer's
    # "Dad" is not he, however sure the tie read from the title; nor is "Pop", a father's other kin word
    memory.add("Father Dan Dinneen said Mass on Sunday and I read the lesson.", at="2024-02-04")
    memory.add_entries([capture.Entry(text=text, at=at) for text, at in [
        ("Dad rang me about the roof. He is coming on Friday.", "2024-02-11"),
        ("Dad and I walked the dog. Sister Agnes waved from the convent.", "2024-02-18"),
        ("Dear Bean,\n\nI rang Father Dan about the christening. Pop says he will drive us.\n\nLove,\nDad x\n", "2024-02-25"),
        ("Dear Bean,\n\nPop came round with a cake. I ate most of it.\n\nLove,\nDad\n", "2024-03-03")]])
    people = memory.people(everyone=True)
    dan = next(p for p in people if "Father Dan Dinneen" in [p["name"], *p["aliases"]])
    assert not {"Dad", "Pop"} & {dan["name"], *dan["aliases"]}


def test_a_letter_signed_with_the_kin_word_the_writer_signs_with_is_the_writers(memory):
    # once "Dad" is known as the writer's own signature, one more letter signed "Dad" is his too, not someone new
    memory.add_entries([capture.Entry(text=text, at=at) for text, at in [
        ("Couldn't sleep. I sat up with the radio till four.", "2024-01-01"),
        ("Dear Bean,\n\nI painted your room yellow.\n\nLove,\nDad\n", "2024-01-07"),
        ("Dear Bean,\n\nI bought you a bear with one ear.\n\nLove,\nDad\n", "2024-01-14")]])
    assert "Dad" in {p["name"]: p for p in memory.people(everyone=True)}["me"]["aliases"]
    memory.add("Dear Bean,\n\nI took you to the sea. You did not like it.\n\nLove,\nDad\n", at="2024-01-21")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert not any("Dad" in [name, *p["aliases"]] for name, p in people.items() if name != "me"), people.keys()


def test_a_kin_word_alone_on_the_last_line_of_a_letter_signs_it():
    ex = extract("Dear Bean,\n\nI painted your room yellow. Rua slept on the landing.\n\nDad x\n")
    assert any(p.narrator and p.name == "Dad" for p in ex.people) and not any(p.name == "me" for p in ex.people)
    # not a diary's last line, nor a letter's plain last name
    ex = extract("Went to the shop with Mum. I bought eggs.\n\nMum")
    assert not any(p.narrator and p.name == "Mum" for p in ex.people)


@pytest.mark.parametrize("diary_first", [True, False])
def test_the_kin_word_the_writer_signs_with_and_calls_his_own_father_by_are_two_people(memory, diary_first):
    # he signs his letters to his baby "Dad", and in his own notes "Dad" is his father: never one person
    letters = [capture.Entry(text=f"Dear Bean,\n\nI {did}.\n\nLove,\nDad\n", at=f"2024-01-{day}") for did, day in [
        ("painted your room yellow", "07"), ("bought you a bear with one ear", "14"), ("took you to the sea", "21")]]
    diary = [capture.Entry(text="Dad rang me about the roof. Dad is seventy next week and I have no idea what to get him.",
                           at="2024-02-01")]
    for batch in ([diary, letters] if diary_first else [letters, diary]):
        memory.add_entries(batch)
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert "Dad" in people["me"]["aliases"]
    father = [p for name, p in people.items() if name != "me" and "Dad" in [name, *p["aliases"]]]
    assert len(father) == 1, people.keys()


def test_what_a_name_is_said_to_be_says_what_it_is():
    def signs(text):
        return {p.name: [m.sign for m in p.mentions if m.kind in ("name", "title")] for p in extract(text).people}

    assert "thing" in signs("Herbie broke down again. Herbie is our car, a 2009 Corolla.")["Herbie"]
    assert "pet" in signs("Rua got into the bin again. Rua is the dog. She is a red setter.")["Rua"]
    # a vet is someone one works as, not where a pet goes
    assert signs("Murph came down with his girlfriend Aisling. Aisling is a vet.")["Aisling"][-1] == "person"
    # what is said of anyone in fun, or denied, says nothing
    assert signs("Tom is a pig sometimes.")["Tom"] == [None]
    assert signs("Bella is not the dog.")["Bella"] == [None]


def test_a_car_called_by_a_name_is_no_person_though_it_is_ours(memory):
    memory.add("Herbie died on the Kinsale road on Friday. Herbie is our car, a Corolla the colour of weak tea.",
               at="2023-12-03")
    memory.add("Drove home in Murph's car, since Herbie is gone to the scrapyard.", at="2024-03-11")
    assert "Herbie" not in listed(memory)


def test_the_name_the_writer_gives_as_their_own_is_theirs(memory):
    memory.add('The woman at the desk asked who I was. "I\'m Ciarán, the husband," says I, and she let me through.',
               at="2024-03-09")
    memory.add("Dear Sir,\n\nMy name is Nora Hegarty and I am writing about the hedge.", at="2024-04-01")
    people = {p["name"]: p for p in memory.people(everyone=True)}
    assert {"Ciarán", "Nora Hegarty"} <= set(people["me"]["aliases"]) and not {"Ciarán", "Nora Hegarty"} & set(people)
    # another's words, or what I am to someone, are not my name
    ex = extract('A man came to the door. "I\'m Tom," he said. I\'m Tom\'s sister, I told the nurse. I\'m Nana now.')
    assert not any(p.narrator and {"Tom", "Nana"} & p.aliases for p in ex.people)
    ex = extract("We're doing a bit of An Inspector Calls and I'm Sheila. Sophie Hill is Mrs Birling.")
    assert not any(p.narrator and "Sheila" in p.aliases for p in ex.people)


def test_a_note_signed_with_a_kin_word_copied_into_a_diary_is_that_kin_not_a_second_one(memory):
    memory.add_entries([capture.Entry(text=text, at=at) for text, at in [
        ("Mum rang about Sunday. Mum says Nanna is coming too.", "2023-09-01"),
        ("Mum and I went to Bath. Mum bought shoes.", "2023-09-08")]])
    memory.add("Got home late and the house was empty. I ate standing up. It was on the fridge:\n\n"
               "Maisie, lasagne in the oven. Don't let the dog have any.\nLove, Mum x", at="2023-09-20")
    mums = [p for p in memory.people(everyone=True) if p["name"].startswith("Mum")]
    assert len(mums) == 1, mums
