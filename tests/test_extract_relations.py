"""Relations read from kin words used as names, through the public API on real models."""
import pytest

from remembrancer import Memory
from remembrancer.extract import extract


def rels(ex):
    return {(ex.people[r.subject].name, r.relation, ex.people[r.object].name) for r in ex.relations}


def test_a_kin_word_used_as_a_name_is_the_writers_kin():
    ex = extract("Took Dad to the allotment on Sunday. Grandma Rose rang while we were there and I made tea. "
                 '"Mum!" Jamie shouted from the gate, and Sue went over to him.')
    found = rels(ex)
    assert ("Dad", "father", "me") in found and ("Grandma Rose", "grandmother", "me") in found
    assert not any(r[0] == "Mum" for r in found)  # said inside quotes: whoever's mother, not surely mine


def test_without_a_first_person_writer_a_kin_name_relates_no_one():
    ex = extract("Dad walked to the allotment. He planted beans and Tom watched him.")
    assert not any(r[1] == "father" for r in rels(ex))


def test_in_a_chat_it_is_the_speakers_kin(tmp_path):
    text = "Mum says hi and I said we would visit.\nTell her soon, I promise."
    turn = text.index("\n")
    ex = extract(text, speakers=[(0, turn, "Priya"), (turn + 1, len(text), "Maggie")])
    assert ("Mum", "mother", "Priya") in rels(ex)
    assert not any(r[2] == "Maggie" and r[1] == "mother" for r in rels(ex))


@pytest.mark.backends
def test_the_person_page_says_his_or_her(db):
    with Memory(db) as memory:
        memory.add("Mum rang me this morning. Her brother Kit is moving to Truro with his wife Sandra.", at="2024-06-10")
        from click.testing import CliRunner
        from remembrancer.cli import cli

        out = CliRunner().invoke(cli, ["--db", str(db), "person", "Mum"]).output
        assert "your mother" in out and "Kit is her brother" in out


def test_a_woman_named_as_someone_elses_wife_is_not_my_wife():
    ex = extract("Tom Baker came to supper with Sue Baker, his wife. Tom and Sue stayed late. "
                 "Sue laughed all evening. My wife was tired, so we left early.")
    found = rels(ex)
    assert ("Sue Baker", "wife", "Tom Baker") in found
    assert not any(r[1] == "wife" and r[2] == "me" and r[0] == "Sue Baker" for r in found)


def test_a_letters_salutation_names_the_you_of_the_letter():
    ex = extract("Dear Marguerite,\n\nIt has been three weeks since the funeral and I still set two cups out. "
                 "Oskar would have laughed at me.\n\nYour cousin Benedikt came by on Tuesday with a box of records. "
                 "Benedikt is getting married in June. I hope you will come.\n\nWith love,\nHanne", author="Hanne")
    people = {p.name: p for p in ex.people}
    assert any(m.kind == "addressee" for m in people["Marguerite"].mentions)
    assert ("Benedikt", "cousin", "Marguerite") in rels(ex)


def test_a_name_as_the_next_sentence_is_the_role_phrase_before_it():
    found = rels(extract("You still set out two cups. Your son was born that winter. Tobias. He had her eyes "
                         "and your temper, and you never told him why you did not grow old."))
    assert [r[:2] for r in found] == [("Tobias", "son")]
    found = rels(extract("I met my wife at a dance. Rosa Mendes. She wore green and I trod on her feet."))
    assert found == {("Rosa Mendes", "wife", "me")}
    # A sentence that does more than name someone is not an apposition.
    found = rels(extract("Your son was born that winter. Tobias came later, with the doctor."))
    assert not any(r[1] == "son" for r in found)


def test_your_aunt_named_in_a_letter_is_the_readers_aunt_not_the_writers():
    found = rels(extract("Dear Hannah,\n\nYour aunt Philippa came over for lunch. She asked after you and your "
                         "brother Oliver.\n\nAll my love,\nJune"))
    assert ("Aunt Philippa", "aunt", "Hannah") in found and ("Oliver", "brother", "Hannah") in found
    assert not any(r[1] == "aunt" and r[2] != "Hannah" for r in found)


def test_a_letter_is_written_by_whoever_signed_it():
    text = ("Dear Hannah,\n\nI found your grandfather's pocket watch in the attic today. I still set the table "
            "for two sometimes.\n\nAll my love,\nGranny June\n")
    ex = extract(text)
    signer = next(p for p in ex.people if p.name == "Granny June")
    assert signer.narrator and sum(m.kind == "narrator" for m in signer.mentions) == 3  # I, I, my
    assert not any(p.name == "me" for p in ex.people)
    assert ("Granny June", "grandmother", "Hannah") in rels(ex)  # a kin name signing to the reader
    # Said who wrote it, the entry keeps that author; a text that only ends with a name is no letter.
    assert any(p.name == "June Webb" and p.narrator for p in extract(text, author="June Webb").people)
    assert any(p.name == "me" for p in extract("I walked the dog with Hannah.\nHannah").people)


@pytest.mark.backends
def test_in_a_chat_the_speaker_who_is_me_is_the_owner(db):
    turns = [("Sam", "Mum says hi. She wants to know if Priya is coming for Christmas."),
             ("Priya", "Tell her yes! I'll bring the trifle."),
             ("Sam", "My brother Rhys is coming too, with his dog.")]
    with Memory(db) as memory:
        memory.add_chat(turns, at="2024-11-20", me="Sam")
        people = {p["name"]: p for p in memory.people()}
        assert "Sam" not in people and "Sam" in people["me"]["aliases"]
        # my brother; and so my mother's son (implied, with both passages as its evidence)
        assert {(r["relation"], r["other"]) for r in memory.person("Rhys")["relations"]} == {("brother", "me"), ("mother", "Mum")}
        assert ("mother", "me") in {(r["relation"], r["other"]) for r in memory.person("Mum")["relations"]}
        with pytest.raises(Exception, match="does not speak"):
            memory.add_chat(turns, me="Bob")


def test_whose_name_a_name_is_said_to_be():
    assert ("Rosa Mendes", "grandmother", "me") in rels(extract("My grandmother's name was Rosa Mendes. She sang."))
    assert ("Rosa", "grandmother", "me") in rels(extract("Rosa was my grandmother's name."))
    found = rels(extract("Dear Tom,\n\nMaud. That was your niece's name. Maud, who wanted to be a pilot."))
    assert found == {("Maud", "niece", "Tom")}
    assert not rels(extract("I met Tom at the gate. His name was on the list."))


def test_what_i_or_you_am_called_is_a_name_of_mine():
    text = ("Your sister has not spoken to you since. Marta was always the sensible one. Marta and Kit, the two of "
            "you against the world.\n\nKit. That's what she called you, when no one else could hear.")
    ex = extract(text)
    me = next(p for p in ex.people if p.narrator)
    assert "Kit" in me.aliases and not any(p.name == "Kit" for p in ex.people if not p.narrator)
    assert ("Marta", "sister", me.name) in rels(ex)  # Kit, now "you", is no other candidate for the sister
    ex = extract("They called me Pip. I did not mind.")
    assert [p.name for p in ex.people] == ["me"] and "Pip" in ex.people[0].aliases
    # Someone else's name is not mine: "She called him Tom."
    assert {p.name for p in extract("I heard her. She called him Tom and he came.").people} == {"me", "Tom"}
    # A phone call, and a name exclaimed in the next paragraph: no one called me that.
    ex = extract("Tyler called me at six and couldn't get a whole sentence out.\n\nEli! Our first grandchild.")
    assert not any("Eli" in p.aliases for p in ex.people if p.narrator)



def test_a_role_given_explicitly_is_theirs_wherever_it_is_said():
    text = ("You outlived your niece. You held her hand in the hospital. You never told anyone, you kept it to "
            "yourself.\n\nMaud. That was your niece's name.")
    ex = extract(text)
    maud = next(p for p in ex.people if p.name == "Maud")
    first = text.index("niece")
    assert any(m.start == first and m.kind == "role" for m in maud.mentions)  # "You outlived your niece"
    assert sum(r[:2] == ("Maud", "niece") for r in [(ex.people[r.subject].name, r.relation) for r in ex.relations]) == 2


def test_oaths_and_cries_name_no_one_as_you_and_a_described_name_is_the_role_before_it():
    text = ("God, you're tired. Four hundred years of it. Your son asked you, at the funeral, whether you would "
            "marry again. Matthias was twelve. You told him no.\n\nMatthias died in 1871.\n\nOh, Matthias.")
    ex = extract(text)
    you = next(p for p in ex.people if p.narrator)
    assert you.name == "me" and not any(p.name == "God" for p in ex.people)  # an oath, not the "you"
    assert not any(m.kind == "addressee" for p in ex.people if p.name == "Matthias" for m in p.mentions)
    assert ("Matthias", "son", "me") in rels(ex)  # "Your son ... Matthias was twelve."
    # Not when the next sentence does more than describe the one named.
    assert not rels(extract("My son called on Sunday, and I told him. Dave was kind about it."))


def test_a_name_someone_calls_me_by_mistake_is_not_mine():
    ex = extract("Dad didn't know me today. He called me Margaret, which was Mum's name, and asked when I'd be home.")
    me = next(p for p in ex.people if p.narrator)
    assert "Margaret" not in me.aliases


def test_a_name_after_a_clause_is_the_you_but_not_a_name_in_apposition():
    text = ("You keep the kettle on the stove because Morwenna used to. She would laugh at that, Elias Thorne. "
            "You met her in Bath, and she told you about her brother, Caspian, who sailed. You bought her tea.")
    ex = extract(text)
    you = next(p for p in ex.people if p.narrator)
    assert you.name == "Elias Thorne"
    assert not any(m.kind == "addressee" for p in ex.people if p.name == "Caspian" for m in p.mentions)


def test_names_beside_a_plural_role_are_each_one_of_them():
    found = rels(extract("My brother Neil visited with his daughters, Isla and Freya. My parents, Ruth and David, are retiring."))
    assert {("Isla", "daughter", "Neil"), ("Freya", "daughter", "Neil"), ("Ruth", "parent", "me"),
            ("David", "parent", "me")} <= found
    assert not any(r[1] == "daughter" for r in rels(extract("I saw Neil's daughters and Tom Hale at the fair.")))


def chat(turns):
    """An extraction of chat turns [(speaker, text)], laid out as a chat entry is."""
    text, spans = "", []
    for speaker, said in turns:
        text += f"{speaker}: "
        spans.append((len(text), len(text) + len(said), speaker))
        text += said + "\n"
    return extract(text, speakers=spans)


def test_a_kin_word_said_to_the_other_speaker_is_that_speaker():
    for said in ("Mam, will you drive up to Leeds on Friday?", "Will you drive up to Leeds on Friday, Mam?",
                 "Thanks Mam! The parcel came today."):
        ex = chat([("Owen", said), ("Gwyneth", "Yes, I will. I'll bring the cake your brother likes.")])
        assert ("Gwyneth", "mother", "Owen") in rels(ex), said
        assert not any(p.name == "Mam" and p.mentions for p in ex.people), said
        assert "Mam" not in next(p for p in ex.people if p.name == "Gwyneth").aliases  # her son's word, not her name
    # Spoken of, not to: another person. A grandfather grieved over ("Oh, Grandpa.") is no one spoken to;
    # a signature ("Love, Mam") is the writer; a brother named at the end is the brother.
    ex = chat([("Owen", "Mam says the car is fixed. Grandpa died last night. Oh, Grandpa."),
               ("Gwyneth", "I went with my brother, Idris. Love, Nain")])
    found = rels(ex)
    assert ("Mam", "mother", "Owen") in found and ("Grandpa", "grandfather", "Owen") in found
    assert not any(r[0] in ("Gwyneth", "Owen") for r in found - {("Gwyneth", "grandmother", "Owen")})  # signed "Nain" to him
    assert not any(p.name == "Idris" and ("Owen" in p.aliases or "Gwyneth" in p.aliases) for p in ex.people)


def test_a_name_said_to_the_other_speaker_is_theirs_but_speakers_stay_apart():
    ex = chat([("Rosalind", "Hey Ros! How was the gig?"), ("Beatrix", "Thanks, Rosalind! It was loud."),
               ("Rosalind", "Nah, I missed it. Sounds great, Bea!")])
    people = {p.name: p for p in ex.people if p.mentions}
    assert "Bea" in people["Beatrix"].aliases and "Bea" not in people  # the short form she is called by
    assert "Rosalind" not in people["Beatrix"].aliases and "Beatrix" not in people["Rosalind"].aliases
    assert not any("Nah" in p.aliases for p in ex.people if p.name in ("Beatrix", "Rosalind"))


@pytest.mark.backends
def test_in_a_chat_of_mine_my_childs_mam_is_me(db):
    turns = [("Owen", "Mam, will you drive up to Leeds on Friday?"), ("Gwyneth", "Yes love, I'll bring the cake."),
             ("Owen", "Hi Gwyneth! That was Carys, she took my phone. See you Friday, Mam x")]
    with Memory(db) as memory:
        memory.add_chat(turns, at="2024-03-01", me="Gwyneth")
        people = {p["name"]: p for p in memory.people()}
        assert "Mam" not in people and "Gwyneth" not in people and "Mam" not in people["me"]["aliases"]
        assert {(r["relation"], r["other"], r["is"]) for r in memory.person("Owen")["relations"]} == {("mother", "me", False)}


def test_a_letter_signed_as_the_readers_kin_is_by_the_signer():
    text = ("Dear Gwyneth,\n\nI am writing from the farm because the line is down. Idris sends his love and I will "
            "come at Whitsun.\n\nYour loving son,\nOwen\n")
    ex = extract(text)
    owen = next(p for p in ex.people if p.name == "Owen")
    assert owen.narrator and not any(p.name == "me" for p in ex.people)  # the writer is Owen, not the owner
    assert ("Owen", "son", "Gwyneth") in rels(ex)
    # a last line that only starts with "your" signs nothing
    assert any(p.name == "me" for p in extract("I locked up and left the keys.\nYour old house\nTom").people)


@pytest.mark.parametrize("text, want", [
    ("My husband Tom cooked tea for me.", ("Tom", "husband", "me")),
    ("Tom (my husband) laughed at me.", ("Tom", "husband", "me")),
    ("Sam's wife Noor rang. Noor said hello to me.", ("Noor", "wife", "Sam")),
    ("Our neighbour Mr Patel waved at me.", ("Mr Patel", "neighbour", "me")),
    ("Mr Pugh next door waved at me.", ("Mr Pugh", "neighbour", "me")),
    ("My sister-in-law Kerry rang me.", ("Kerry", "sister-in-law", "me")),
    ("My mother-in-law Jean came to see me.", ("Jean", "mother-in-law", "me")),
])
def test_relations_as_people_write_them(text, want):
    found = rels(extract(text, at="2023-01-20"))
    assert want in found, found
    assert not any(r[1] == "mother" and r[0] == "Jean" for r in found)  # a mother-in-law is no mother


def test_two_named_as_friends_are_each_others_once():
    found = rels(extract("Ross and Chandler are best friends. Tom and I are cousins, you know.", at="2023-01-20"))
    assert ("Chandler", "friend", "Ross") in found and ("me", "cousin", "Tom") in found
    assert ("Ross", "friend", "Chandler") not in found  # one tie, said once
    assert not rels(extract("Ross and Chandler aren't friends. Are Tom and Sue cousins?"))


def chat(lines):
    """A chat's text and speaker spans, as the store gives them to extraction."""
    text, speakers, pos = [], [], 0
    for speaker, said in lines:
        prefix = f"{speaker}: "
        speakers.append((pos + len(prefix), pos + len(prefix) + len(said), speaker))
        text.append(prefix + said)
        pos += len(prefix) + len(said) + 1
    return extract("\n".join(text), speakers=speakers)


def test_a_role_said_as_a_sentence_of_its_own_is_the_one_named_just_before():
    found = rels(extract("Kerry rang me last night to say thank you. My sister-in-law, who I've met maybe four times "
                         "in my life, and she seems to know exactly what it has been like."))
    assert ("Kerry", "sister-in-law", "me") in found
    found = rels(chat([("Speaker 2", "But then what do we do about Denise?"), ("Speaker 3", "Who's Denise?"),
                       ("Speaker 2", "My roommate."), ("Speaker 1", "You have a roommate?!")]))
    assert ("Denise", "roommate", "Speaker 2") in found
    # the subject of a sentence is no fragment, and a question asks
    assert not rels(extract("Tom was there. My brother, who lives in Leeds, came round too."))
    assert not rels(extract("Tom rang this morning. Your brother? I doubt it."))


def test_a_names_s_before_my_is_is_and_a_name_said_to_someone_is_no_apposition():
    assert ("Joey", "friend", "me") in rels(extract("Well, Joey's my best friend."))
    assert not any(r[0] == "Joe" for r in rels(extract("Joe, your dad's in love big time.")))


@pytest.mark.parametrize("text, want", [
    ("Huw and Kasia got married at the registry office.", ("Kasia", "wife", "Huw")),
    ("Monica and Chandler are married.", ("Chandler", "spouse", "Monica")),
    ("Ross married Emily in London.", ("Emily", "wife", "Ross")),
    ("Ross and Rachel are getting married!", ("Rachel", "fiancée", "Ross")),
    ("Phoebe is dating Mike.", ("Mike", "boyfriend", "Phoebe")),
    ("Rachel and Ross broke up.", ("Ross", "ex-boyfriend", "Rachel")),
])
def test_verbs_that_tie_two_people(text, want):
    assert want in rels(extract(text)), rels(extract(text))


def test_a_tie_not_made_ties_no_one():
    for text in ("Tom would never marry Sue.", "Does Phoebe want to date Mike?", "If Ross marries Emily, I'll scream.",
                 "We got married in June, Tom said.", "I know Joey is not my boyfriend.", "Is your wife Rachel?"):
        assert not rels(extract(text)), text


def test_a_chat_speaker_who_says_who_they_are_is_that_name():
    ex = chat([("Speaker 1", "Hi! I'm Rachel Green. It's nice to meet you."), ("Speaker 2", "Hey."),
               ("Speaker 1", "Hello? It's nice here.")])
    one = next(p for p in ex.people if "Speaker 1" in p.aliases)
    assert "Rachel Green" in one.aliases
    ex = chat([("Speaker 1", "Hi, I'm Monica Geller... Ross's sister."), ("Speaker 2", "Oh, Ross's sister!")])
    assert ("Speaker 1", "sister", "Ross") in rels(ex) and not any(p.name == "Ross" and "Speaker 1" in p.aliases for p in ex.people)


def test_his_in_what_someone_is_is_not_them():
    found = rels(extract('Dennis Dawson is the resident. "Pat" is his wife, died 2017. "Mam" is his mother.'))
    assert ("Pat", "wife", "Dennis Dawson") in found and ("Mam", "mother", "Dennis Dawson") in found


@pytest.mark.backends
def test_family_ties_that_follow_from_those_read(db):
    with Memory(db) as memory:
        memory.add("My husband Rhys drove us to the coast.", at="2020-01-01")
        memory.add("Rhys's mother Joan came for tea. Later my daughter Ella showed her the garden.", at="2020-01-05")
        memory.add("Sam's wife Noor rang. Noor said Sam's brother Dev is moving.", at="2020-01-06")
        joan = {(r["relation"], r["other"]): r for r in memory.person("Joan")["relations"]}
        assert ("mother-in-law", "me") in joan and ("grandmother", "Ella") in joan
        said = {e["passage"] for e in joan[("mother-in-law", "me")]["evidence"]}
        assert len(said) == 2  # because she is Rhys's mother, and Rhys is my husband
        # whose in-law anyone else is goes without saying
        assert not any(r["relation"].endswith("-in-law") for r in memory.person("Noor")["relations"])
        memory.unrelate("Rhys", "husband", "me")  # the owner takes the premise away: what followed from it goes
        assert ("mother-in-law", "me") not in {(r["relation"], r["other"]) for r in memory.person("Joan")["relations"]}


@pytest.mark.parametrize("text, want", [
    ("Ross is friends with Chandler.", ("Chandler", "friend", "Ross")),
    ("Tom is one of my oldest friends.", ("Tom", "friend", "me")),
    ("Monica is going out with Richard.", ("Richard", "boyfriend", "Monica")),
    ("Sarah was going out with Dai for years.", ("Dai", "ex", "Sarah")),
])
def test_ties_said_with_friends_with_one_of_and_going_out(text, want):
    assert want in rels(extract(text)), rels(extract(text))


def test_a_date_is_not_a_couple_and_a_pronoun_befriends_no_one():
    assert not rels(extract("Anna is going out with Ben next week. Mia is going out with Joe tonight."))
    ex = chat([("Speaker 1", "Rachel, say that I'm friends with her."), ("Speaker 2", "Fine.")])
    assert not any(r[1] == "friend" for r in rels(ex))


def test_a_word_the_parser_takes_for_the_noun_leaves_the_role():
    ex = chat([("Speaker 1", "I always figured you just thought I was Monica's geeky older brother."), ("Speaker 2", "No.")])
    assert ("Speaker 1", "brother", "Monica") in rels(ex)
    assert not any(r[1] == "today" for r in rels(extract("Cleared Nain's flat today, Mam and me and Kasia.")))


def test_we_in_a_chat_of_two_is_the_two_and_a_curly_apostrophe_is_be():
    ex = chat([("Speaker 1", "Well, it’s because I trust you, you’re one of my best friends."),
               ("Speaker 2", "We’re roommates. We got married last year.")])
    found = rels(ex)
    assert ("Speaker 2", "friend", "Speaker 1") in found
    assert {("Speaker 2", "roommate", "Speaker 1"), ("Speaker 2", "spouse", "Speaker 1")} <= found
    ex = chat([("Speaker 1", "We’re roommates."), ("Speaker 2", "Yes."), ("Speaker 3", "Hi.")])
    assert not rels(ex)  # in a chat of more, who "we" are is not said


@pytest.mark.backends
def test_his_is_not_a_woman_s_and_a_tie_word_says_more_than_a_name(db):
    text = 'Dad had a good day. I took him to the park. Names he uses: "Pat" is his wife, died 2017. "Ron" is his brother, died 2009.'
    assert ("Ron", "brother", "Pat") not in rels(extract(text))
    with Memory(db) as memory:
        memory.add(text, at="2024-06-10")
        pat = {(r["relation"], r["other"]) for r in memory.person("Pat")["relations"]}
        assert ("mother", "me") in pat and ("father", "me") not in pat  # "Pat" may be a man's name; a wife is a woman


def test_a_kin_word_said_in_quoted_words_is_the_kin_of_the_one_who_says_it():
    found = rels(extract('Grandpa was ninety on Sunday. We had cake in the lounge at four. Then Maisie said, '
                         '"Blow them out, Grandpa!" Everybody clapped, and I laughed.'))
    assert ("Grandpa", "grandfather", "Maisie") in found
    assert ("Grandpa", "grandfather", "me") in found  # the writer's word too, outside the quotes


def test_your_kin_and_a_kin_sign_off_in_a_chat_are_of_the_one_spoken_to():
    ex = chat([("Nora", "Ben has passed his driving test!"),
               ("Margaret", "Well done Ben pet. Your Grandpa would have been so proud. Gran xx"),
               ("Ben", "thanks gran")])
    found = rels(ex)
    assert ("Grandpa", "grandfather", "Ben") in found
    assert ("Margaret", "grandmother", "Ben") in found
    assert not any(r[0] == "Margaret" and r[2] == "Margaret" for r in found)
    assert not any(r[2] == "Nora" for r in found)  # "your" is Ben's, who is spoken to, not the writer's


def test_the_midwife_and_the_boss_said_with_the_are_ones_own():
    found = rels(extract("After the scan I met the midwife, Orla Byrne, who was lovely. Then a call from Steve, "
                         "the new boss, about the rota."))
    assert ("Orla Byrne", "midwife", "me") in found and ("Steve", "boss", "me") in found
    assert not rels(extract("The plumber, Gary, fixed the boiler."))  # anyone's plumber: no relation


def test_two_parents_of_one_child_are_a_couple():
    from remembrancer.extract.relations import implied

    ties = [(1, "mother", 0, 0.95), (2, "father", 0, 0.95)]
    got = {(a, w, c) for a, w, c, conf, *_ in implied(ties, {1: "f", 2: "m"}) if conf >= 0.9}
    assert (1, "wife", 2) in got or (2, "husband", 1) in got
    ties = [(1, "mother", 0, 0.95), (2, "mother", 0, 0.95)]  # two mothers: one may be a stepmother
    assert not any(w in ("wife", "spouse") for _, w, *_ in implied(ties, {1: "f", 2: "f"}))


def test_nothing_is_worked_out_through_a_crowd_of_one_kind():
    from remembrancer.extract.relations import CROWD, implied

    def siblings(children):  # person 0 read as the mother of each; a son of each of them
        ties = [(0, "mother", c, 0.95) for c in range(1, children + 1)] + [(1, "father", 100, 0.95)]
        got = implied(ties, {0: "f"})
        return {frozenset((a, c)) for a, w, c, *_ in got if w in ("sibling", "sister", "brother")}, got

    few, got = siblings(3)
    assert few == {frozenset(p) for p in ((1, 2), (1, 3), (2, 3))}  # a mother's children are siblings
    assert (0, "grandmother", 100) in {(a, w, c) for a, w, c, *_ in got}
    crowd, got = siblings(CROWD + 1)  # twenty-one children of one "mother": misreadings, not a family
    assert not crowd  # not 210 sibling ties
    assert [(a, w, c) for a, w, c, *_ in got] == [(0, "grandmother", 100)]  # one step out of it still holds


def test_a_kin_word_a_chat_message_calls_someone_in_lower_case():
    ex = chat([("Dave", "car's booked in for tuesday, I'll drop it off"), ("Ellie", "ur a star thanks dad x"),
               ("Dave", "no bother"), ("Carol", "tell dad to bring milk"), ("Dave", "will do")])
    found = rels(ex)
    assert ("Dave", "father", "Ellie") in found
    assert not any(r[2] == "Carol" for r in found)  # "tell dad": dad is spoken of, not to
    ex = chat([("Dave", "she's a good mum"), ("Ellie", "she is")])
    assert not rels(ex)


def test_living_next_door_to_someone_is_their_neighbour():
    found = rels(extract("Gareth Pryce has lived next door to Mum and Dad since I was six. He mows their lawn."))
    assert {("Gareth Pryce", "neighbour", "Mum"), ("Gareth Pryce", "neighbour", "Dad")} <= found


def test_an_in_law_written_without_hyphens():
    found = rels(extract("Dinner at the pub. My sister in law Sarah came too, and I drove her home."))
    assert ("Sarah", "sister-in-law", "me") in found and ("Sarah", "sister", "me") not in found


def test_a_grandparents_kin_word_with_a_name_is_less_sure_than_one_alone():
    ex = extract("Nain rang me this morning. Then Nana Sue came round with a cake for the baby.")
    how = {ex.people[r.subject].name: r.how for r in ex.relations}
    assert how["Nain"] == "kin-grand" and how["Nana Sue"] == "kin-grand-named"
    sure = {ex.people[r.subject].name: r.confidence for r in ex.relations}
    assert sure["Nana Sue"] < sure["Nain"]


@pytest.mark.parametrize("text, want", [
    ("I've been thinking about school. My sister is Jo, and she's two years older.", ("Jo", "sister", "me")),
    ("Long day. My husband's called Rhys Parry, for anyone reading this.", ("Rhys Parry", "husband", "me")),
    ("First lesson today. My English teacher is Ms Okoro, who seems strict.", ("Ms Okoro", "teacher", "me")),
    ("I met her family at last. Sam's wife is Noor Haddad, and she's lovely.", ("Noor Haddad", "wife", "Sam")),
])
def test_a_role_said_to_be_a_name_after_it(text, want):
    assert want in rels(extract(text))


@pytest.mark.parametrize("text", [
    "I keep saying it. My boss is not Tom Reed, whatever they think.",
    "I laughed. My son is Tom Reed's best friend now.",
    "If my sister was Jo Bell, I'd know about it.",
    "I asked again. My sister is Jo Bell?",
])
def test_a_role_not_said_to_be_a_name_is_no_relation(text):
    assert not any(r[1] in ("boss", "son", "sister") and r[0].startswith(("Tom", "Jo")) for r in rels(extract(text)))


def test_the_midwife_of_a_sentence_naming_another_is_not_surely_mine():
    found = rels(extract("I drove Anya Reid to the clinic. We saw the new midwife, Joy Bell, who Anya loves."))
    assert not any(r[1] == "midwife" and r[2] == "me" for r in found)
    found = rels(extract("I was on my own. Midwife Sarah wasn't on, but a midwife called Rufaro Moyo was, and she was kind."))
    assert ("Rufaro Moyo", "midwife", "me") in found  # the other one named is a midwife too, not the mother-to-be


def test_someone_and_i_got_married_the_parser_hanging_them_on_the_verb():
    assert ("Tom Reed", "husband", "me") in rels(extract("Tom Reed and I got married in 2015. It rained all day."))
    assert ("Tom Reed", "husband", "me") in rels(extract("Ten years ago today Tom Reed and I got married. I still remember it."))
    assert not rels(extract("Tom Reed and I wanted to get married, but we never did."))



def test_an_in_law_is_told_from_the_end_whose_sex_is_known():
    from remembrancer.extract.relations import implied

    # my husband's brother is my brother-in-law, however the ties were read in order, when only his sex is known
    got = implied([(1, "husband", 2, 0.95), (9, "brother", 1, 0.95)], {1: "m", 9: "m", 2: None}, writer=2)
    assert (9, "brother-in-law", 2) in {r[:3] for r in got}


def test_a_role_someone_has_and_the_name_the_next_sentence_gives_it():
    found = rels(extract("Idris came for tea. Idris has a girlfriend, it turns out. Her name is Freya Campbell and she's a vet."))
    assert ("Freya Campbell", "girlfriend", "Idris") in found
    assert ("Tom Reed", "boss", "me") in rels(extract("I've got a new boss. His name's Tom Reed. He seems fine."))
    assert not rels(extract("Jo Hart doesn't have a boyfriend. His name is Tom Reed, she says."))  # has none
    assert not rels(extract("Jo Hart has a new boyfriend. She's called Amy Bell."))  # "she" is not a boyfriend
    found = rels(extract("Nan's got a carer coming in now, morning and evening. A carer called Grace Moyo, who calls her pet."))
    assert ("Grace Moyo", "carer", "Nan") in found


def test_a_kin_title_to_someone_is_their_kin_not_mine():
    found = rels(extract("My sister is Rukhsana; she's Auntie Ruki to my two. Auntie Ruki brought cake."))
    assert ("Rukhsana", "sister", "me") in found
    assert not any(r[1] == "aunt" and r[2] == "me" for r in found)


def test_a_wedding_past_ties_the_two_it_names():
    assert ("Emrys Morgan", "husband", "Gwen") in rels(extract(
        "I looked at the photos from Gwen's wedding to Emrys Morgan. Emrys Morgan was handsome."))
    assert ("Mark", "husband", "Mum") in rels(extract("Mum and Mark's wedding was lovely."))
    assert ("Sam Hart", "fiancé", "Jo Bell") in rels(extract("Jo Bell and Sam Hart's engagement party was loud."))
    assert not rels(extract("Huw Morgan and Kasia Nowak's wedding is in June."))  # to come: told apart by events
    assert not rels(extract("I went to Tom Reed's wedding last year."))  # whom he married is not said


def test_a_great_grandparent_is_no_grandparent():
    # the tokenizer splits "great-" off "great-granny": the generation it adds is still said, and implies nothing
    found = rels(extract("Your great-granny Joan wanted to meet you. My great grandmother Elsie was a nurse. "
                         "My granny Pat came for tea, and my great-uncle Bob. I had a great dad."))
    assert ("Joan", "great-granny", "me") in found or not any(r[0] == "Joan" for r in found)
    assert ("Elsie", "great-grandmother", "me") in found and ("Pat", "granny", "me") in found
    assert not any(r[1] in ("granny", "grandmother", "uncle") and r[0] in ("Joan", "Elsie", "Bob") for r in found)


def test_a_kin_word_first_said_in_anothers_quoted_words_stays_theirs():
    # 'he said, "... Mam got me the bike"': his mother; said again outside the quotes, the writer still means his
    found = rels(extract('Took Lily to see Dad. Lily asked him about his best birthday, and he said, "The one where Mam got '
                         'me the bike." Lily, bless her, didn\'t ask who Mam was. I rang Mam after, and she cried.'))
    assert ("Dad", "father", "me") in found
    assert not any(r[0] == "Mam" and r[2] == "me" for r in found)


def test_a_kin_word_the_writer_says_first_is_still_the_writers():
    found = rels(extract('I rang Mam at six. She said, "Tell your Mam I said hello," and laughed. Mam says I fuss.'))
    assert ("Mam", "mother", "me") in found


def test_one_who_marries_two_people_is_no_spouse_of_either():
    found = rels(extract("I married Josh Meyer and Kayla Brandt this afternoon at Trinity. The groom fainted during the "
                         "vows. I married my wife Ruth in 1990."))
    assert not any("Josh Meyer" in r and "me" in r for r in found)
    assert any(r[0] == "Ruth" and r[2] == "me" for r in found)


def test_a_role_phrase_after_a_clause_is_its_subjects():
    found = rels(extract("I went up to the grave. Uncle Alec died that spring, Dad's big brother, the last of the Strachans."))
    assert ("Uncle Alec", "brother", "Dad") in found
    # which of two the phrase is of, the words leave open
    assert not any(r[1] == "brother" for r in rels(extract("I sat with Mum. Dad rang Tom at six, his brother.")))


def test_a_parents_kin_word_before_a_name_is_no_parent():
    found = rels(extract("Jade came round and we watched Mamma Mia and I screamed all the songs. Mum made tea."))
    assert ("Mum", "mother", "me") in found
    assert not any(r[0] == "Mamma Mia" for r in found)


def test_two_parents_one_married_to_someone_else_are_no_couple():
    from remembrancer.extract.relations import implied

    me, mum, dad, mark, kelly = range(5)
    gender = {mum: "f", dad: "m", mark: "m", kelly: "f"}
    both = [(mum, "mother", me, 0.95), (dad, "father", me, 0.95)]
    assert (mum, "wife", dad) in {r[:3] for r in implied(both, gender, me)}
    parted = both + [(mark, "husband", mum, 0.9), (kelly, "girlfriend", dad, 0.95)]
    assert not any({r[0], r[2]} == {mum, dad} for r in implied(parted, gender, me))


def test_a_kin_word_the_family_shares_in_quoted_words_stays_the_writers():
    found = rels(extract('I rang Mum. She said, "Dad has had a fall." I drove straight round. Dad was on the sofa.'))
    assert ("Dad", "father", "me") in found


def test_a_pupil_in_a_year_with_a_teacher_is_theirs():
    found = rels(extract("I got your email. Isla is in Year 4 with a teacher called Mrs Hamdan whom she adores. Jack is in "
                         "Year 2 with Mr Pearce, who plays the ukulele. Amy is in Year 3 with Chloe."))
    assert ("Mrs Hamdan", "teacher", "Isla") in found and ("Mr Pearce", "teacher", "Jack") in found
    assert not any(r[1] == "teacher" and "Chloe" in r for r in found)  # a friend in her class
