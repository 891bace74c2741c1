"""Chats of two and of more: who the speakers are called, and who a turn is said to."""
from remembrancer.extract import extract


def chat(*turns):
    """extract() over "Speaker: text" lines, as a stored chat is."""
    text, spans, pos = [], [], 0
    for speaker, said in turns:
        prefix = f"{speaker}: "
        spans.append((pos + len(prefix), pos + len(prefix) + len(said), speaker))
        text.append(prefix + said)
        pos += len(prefix) + len(said) + 1
    return extract("\n".join(text), speakers=spans)


def names(ex):
    return {p.name: p.aliases for p in ex.people}


def test_speaker_labels_are_not_names_said():
    # "Speaker" in the labels is no person, so the speakers stay three people
    ex = chat(("Speaker 1", "Hey!"), ("Speaker 2", "Hey. I made tea."), ("Speaker 3", "I want some."))
    assert {"Speaker 1", "Speaker 2", "Speaker 3"} <= set(names(ex))
    assert "Speaker" not in names(ex)


def test_a_name_said_to_the_speaker_on_both_sides_is_theirs():
    ex = chat(("Speaker 2", "It was me, I wrote it all down on my hand."),
              ("Speaker 1", "Pheebs, you can't do that."),
              ("Speaker 2", "Yes I can."),
              ("Speaker 3", "Is anybody else scared?"))
    assert "Pheebs" in names(ex)["Speaker 2"]
    assert not any("Pheebs" in a for n, a in names(ex).items() if n != "Speaker 2")


def test_a_name_said_between_two_others_is_no_ones():
    # said between a turn of Speaker 2 and one of Speaker 3: either could be Pheebs
    ex = chat(("Speaker 2", "I wrote it all down."), ("Speaker 1", "Pheebs, you can't do that."),
              ("Speaker 3", "Is anybody else scared?"))
    assert not any("Pheebs" in a for n, a in names(ex).items() if n.startswith("Speaker"))


def test_a_speaker_with_a_name_is_not_given_another():
    # "Ross" is said between Rachel's turns and Speaker 3's; Speaker 2 is Rachel already, so Ross is Speaker 3
    ex = chat(("Speaker 1", "Hey Rach!"), ("Speaker 2", "Hi. Is anyone coming?"), ("Speaker 1", "Thanks Rach."),
              ("Speaker 2", "So what happened?"), ("Speaker 1", "Ross, you tell her."), ("Speaker 3", "No way."))
    assert "Rach" in names(ex)["Speaker 2"]
    assert "Ross" in names(ex)["Speaker 3"]


def test_a_turn_opened_by_fillers_speaks_to_the_name_after_them():
    ex = chat(("Speaker 1", "Where were you standing?"), ("Speaker 2", "Um, Pheebs, so you just don't get along?"),
              ("Speaker 1", "It's mostly just dumb sister stuff."))
    assert "Pheebs" in names(ex)["Speaker 1"]


def test_an_answer_is_not_said_to_anyone():
    ex = chat(("Speaker 2", "Guess who we saw today."), ("Speaker 3", "Okay... um, Liam Neeson."),
              ("Speaker 2", "Nope."))
    assert "Liam Neeson" not in names(ex)["Speaker 2"]


def test_the_you_of_a_turn_said_to_someone_by_name_is_theirs():
    ex = chat(("Speaker 1", "I'm back."), ("Speaker 2", "Monica, your brother is here."), ("Speaker 1", "Great."),
              ("Speaker 3", "Hi all."))
    monica = next(p for p in ex.people if "Monica" in p.aliases)
    assert monica.name == "Speaker 1" and any(m.kind == "addressee" for m in monica.mentions)


def test_a_kin_word_is_the_speakers_kin_and_another_speakers_is_another_person(tmp_path):
    from remembrancer import Memory

    with Memory(tmp_path / "m.db") as memory:
        memory.add_chat([("Lorraine", "Mam is coming at 12"), ("Gemma", "ok will tell Mam"), ("Irene", "I will be there pet"),
                         ("Gemma", "Dad says hi")], at="2022-03-27", me="Lorraine")
        memory.add_chat([("Lorraine", "Mam rang, she is fine"), ("Gemma", "aw good")], at="2022-03-28", me="Lorraine")
        people = {p["name"]: p for p in memory.people(everyone=True)}
        assert {"Mam", "Gemma's Mam", "Gemma's Dad"} <= set(people)
        assert "Mam" not in people["Gemma's Mam"]["aliases"] and people["Mam"]["mentions"] >= 2
        # another speaker's kin is most often someone the chat knows by name: kept, not listed as a person of their own
        assert {"Gemma's Mam", "Gemma's Dad"}.isdisjoint(p["name"] for p in memory.people())
        assert ("mother", "me", True) in {(r["relation"], r["other"], r["is"]) for r in memory.person("Mam")["relations"]}


def test_a_message_signed_off_is_signed_by_its_speaker():
    ex = chat(("Irene", "Thank you everyone for a wonderful party. Paul did me proud. Love Nan xx"),
              ("Gemma", "Aw you were amazing"), ("Irene", "Goodnight Liam pet. Nan xx"))
    irene = next(p for p in ex.people if p.name == "Irene")
    assert sum(ex.text[m.start:m.end] == "Nan" for m in irene.mentions) == 2
    assert not any(ex.people[r.subject].name == "Nan" for r in ex.relations)


def test_someone_elses_kin_word_is_not_the_speakers_kin():
    ex = chat(("Irene", "Your Uncle Paul rang from Spain this morning."), ("Lorraine", "Oh lovely"))
    assert not any(r.relation == "uncle" and ex.people[r.object].name == "Irene" for r in ex.relations)


def test_mothers_day_is_no_mother():
    ex = chat(("Lorraine", "Happy Mother's Day Mam x we'll pick you up at 12"), ("Irene", "Thank you pet"))
    assert not any(p.name in ("Mother", "Happy Mother") for p in ex.people)


def test_a_speakers_label_is_not_said_in_the_turn_before_it():
    # the label "Steve: " after a turn is no subject of its "died"
    ex = chat(("Lorraine", "I'm crying in the staffroom, Jackie thinks somebody died"), ("Steve", "well done pet"))
    assert not any(e.kind == "death" and e.people for e in ex.events)


def test_a_message_signed_with_two_names_is_signed_by_its_speaker():
    ex = chat(("Irene", "Merry Christmas to you all. Paul rang at 8. Love Mam and Nan xx"), ("Gemma", "Merry Christmas Nan"))
    assert not any(ex.people[r.object].name == "Irene" for r in ex.relations)


def test_a_name_after_an_opener_or_after_me_is_said_to_someone():
    ex = chat(("Speaker 2", "I wanna get married!"), ("Speaker 1", "Well Judy, you will."), ("Speaker 2", "Yes."))
    assert "Judy" in names(ex)["Speaker 2"]
    ex = chat(("Speaker 2", "I wanna get married!"), ("Speaker 1", "Please don't cry because of me, Pheebs."),
              ("Speaker 2", "Fine."))
    assert "Pheebs" in names(ex)["Speaker 2"]
    ex = chat(("Speaker 1", "Who's there?"), ("Speaker 2", "Hi, it's me, Aunt Phoebe."), ("Speaker 1", "Oh!"))
    assert not any("Aunt Phoebe" in a for n, a in names(ex).items() if n == "Speaker 1")


def test_short_turns_are_parsed_apart():
    # people messaging send short turns; parsed as one text, "love sushi / haha same / gym later" ran into one sentence
    ex = chat(("Nico", "love sushi"), ("Neb", "haha same"), ("Nico", "gym later"), ("Neb", "just got back from Rome"))
    starts = {t.idx for t in ex.doc if t.is_sent_start}
    assert all(s in starts for s, _, _ in ex.speakers)
    got = next(t for t in ex.doc if t.text == "got")
    assert got.dep_ == "ROOT" and got.sent.text.startswith("just got back")
