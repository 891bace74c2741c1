"""The chat's owner merged with another, or another's life given to the owner (issue 13, chatwriter25): chats never
seen, written before the rules were read, none from the corpus or a benchmark. Two-person chats, group chats and a
chat with a software assistant, as JSONL chat logs (`import jsonl`, the owner named by `me`) and WhatsApp exports.

NOT_ME: names that must never join the owner (`kept`: names someone other than the owner must still hold): a second
speaker of the owner's first name or initial, a namesake the others name, another named by the nickname the owner is
called, someone the owner quotes, a son named after his father, an assistant that says "I", the "Mum" of a family chat
whose owner is a mum too, the sender of a message forwarded, a speaker who joins with a name like another's, a phone
number as a label. NOT_MINE: another's death, birth or marriage the owner must not be given. MINE: the owner's own,
not given to another speaker of a like name."""
import json

import pytest

from remembrancer import Memory

from conftest import listed_people, read_events

pytestmark = pytest.mark.extract_only


def chat(me, *turns, days=("2024-06-03",)):
    """A JSONL chat log: turns (speaker, text), or lists of them, one list a day, the owner `me`."""
    runs = [turns] if isinstance(turns[0], tuple) else list(turns)
    lines = [{"speaker": s, "text": t, "at": f"{day}T09:{i:02d}"} for day, run in zip(days, runs)
             for i, (s, t) in enumerate(run)]
    return {"me": me, "jsonl": lines}


def whatsapp(me, *turns, day="14/05/2024"):
    """A WhatsApp export (Android, day-first) of one day's turns."""
    return {"me": me, "whatsapp": "".join(f"{day}, 18:{i:02d} - {s}: {t}\n" for i, (s, t) in enumerate(turns))}


def told(memory, said, folder):
    if "whatsapp" in said:
        path = folder / "WhatsApp Chat with Family.txt"
        path.write_text(said["whatsapp"], encoding="utf-8")
        memory.import_path("whatsapp", path, me=said["me"])
    else:
        path = folder / "chat.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in said["jsonl"]), encoding="utf-8")
        memory.import_path("jsonl", path, me=said["me"])


def label(said):
    first = said["jsonl"][0]["text"] if "jsonl" in said else said["whatsapp"].split(": ", 1)[1].split("\n")[0]
    return f"{said['me']}: {first}"[:48]


def _case(said, *rest, reason=None):
    return pytest.param(said, *rest, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])


NOT_ME = [
    # two speakers who share a first name, or an initial
    _case(chat("Sam Patel", ("Sam Patel", "are you still up for Saturday?"), ("Sam Okoro", "yes mate, I'll bring the "
               "kids"), ("Sam Patel", "great, see you at 2")), ["sam okoro"], ["sam okoro"]),
    _case(chat("J. Murray", ("J. Murray", "did the parcel come?"), ("J. Byrne", "it did, I signed for it"),
               ("J. Murray", "cheers")), ["j. byrne"], ["j. byrne"]),
    _case(chat("Jen", ("Jen", "how's the new job?"), ("Jenny", "exhausting but I love it"), ("Jen", "proud of you Jenny")),
          ["jenny"], ["jenny"]),
    # the owner's label differs from how the other addresses them; a namesake named
    _case(chat("Emi", ("Rosa", "Katie! are you coming tonight?"), ("Emi", "yes, but my cousin Kate is staying so I'll "
               "bring her"), ("Rosa", "the more the merrier")), ["kate", "my cousin kate"], ["kate"]),
    _case(chat("Emi", ("Emi", "Emily from work had her baby!"), ("Rosa", "aww send her my love"),
               ("Emi", "I will, Emily says thanks")), ["emily"], ["emily"]),
    # a nickname the other speaker uses for the owner and for someone else
    _case(chat("Lucy Hart", ("Tom", "morning Bean, how did you sleep?"), ("Lucy Hart", "badly, the baby was up"),
               ("Tom", "my little sister is Bean too, Bean Hughes, she says hi")), ["bean hughes"], ["bean hughes"]),
    # the owner quoting a third person in the first person
    _case(chat("Aoife", ("Aoife", "Mam rang, she said \"I'm selling the house, I've had enough of the stairs\""),
               ("Niamh", "she's said that for years"), ("Aoife", "she sounded serious this time")), ["mam"], ["mam"]),
    _case(chat("Deji", ("Deji", "Uncle Femi just texted: I am back in Lagos, my knee is better"),
               ("Tolu", "thank God"), ("Deji", "I told him we'll visit")), ["uncle femi", "femi"], ["uncle femi|femi"]),
    # a son named after his father
    _case(chat("Carlos Ruiz", ("Carlos Jr", "Dad I passed my driving test!!"), ("Carlos Ruiz", "that's my boy"),
               ("Carlos Jr", "I'm taking the car Friday")), ["carlos jr"], ["carlos jr"]),
    _case(chat("Junior", ("Junior", "Pops you coming to the game?"), ("Big Mike", "I'll be there, save me a seat"),
               ("Junior", "ok")), ["big mike"], ["big mike"]),
    # a chat with an assistant that says "I" and is addressed by name
    _case(chat("Mark", ("Mark", "Nova, remind me what I have on Thursday"), ("Nova", "I see a dentist appointment at 10 "
               "and dinner with Priya at 7."), ("Mark", "thanks Nova")), ["nova"], ["nova"]),
    _case(chat("Mark", ("Mark", "help me write a card for my mum's 70th"), ("Assistant", "I'd be glad to help! What is "
               "your mum's name?"), ("Mark", "Jean")), ["assistant", "jean"], ["jean"],
          reason="a name given alone as an answer (\"Jean\") is read as no one: lost, not merged"),
    # a family chat where "Mum" speaks and the owner is someone's mum too
    _case(chat("Helen", ("Mum", "are you all coming Sunday?"), ("Josh", "Mum can you pick me up after football"),
               ("Helen", "yes love, and yes Mum we'll be there")), ["mum"], ["mum"]),
    _case(chat("Helen", ("Josh", "Mum where's my kit"), ("Helen", "in the dryer"), ("Mum", "I've washed it already"),
               ("Josh", "thanks Nan")), ["mum", "nan"], ["mum|nan"]),
    # the owner forwarding a message from someone else
    _case(chat("Grace", ("Grace", "Forwarded from Auntie Bisi: I will be arriving on Tuesday, please tell everyone"),
               ("Kemi", "ok noted")), ["auntie bisi", "bisi"], []),
    # a speaker who leaves and another who joins with a like name
    _case(chat("Chris Lee", [("Chris Lee", "welcome all"), ("Chris Tan", "thanks, I'm leaving the group now though")],
               [("Christine Tan", "hi, Chris added me"), ("Chris Lee", "welcome Christine")],
               days=("2024-06-03", "2024-06-04")), ["chris tan", "christine tan"], ["christine tan"]),
    # a phone number as a speaker's label
    _case(chat("Bea", ("+44 7700 900123", "hi Bea it's Tom, new number"), ("Bea", "hi Tom! saved it"),
               ("+44 7700 900123", "my mum says hi")), ["tom", "+44 7700 900123"], []),
    # a family group: a parent called by the owner's name, a label with the owner's name, kin titles
    _case(chat("Femi", ("Tolu", "Mama Femi just landed in Leeds!"), ("Femi", "thank God, I'll call her"),
               ("Daddy", "she slept the whole flight")), ["mama femi"], ["mama femi"]),
    _case(chat("Kemi", ("Kemi's Hubby", "I'm outside"), ("Kemi", "coming"), ("Mummy", "greet your husband for me")),
          ["kemi's hubby"], ["kemi's hubby"]),
    _case(chat("Funmi", ("Aunty Funmi", "my namesake! how is London?"), ("Funmi", "cold o, Aunty"),
               ("Aunty Funmi", "I will send you ofada rice")), ["aunty funmi"], ["aunty funmi"]),
    _case(chat("Bola", ("Sis Bola", "who is bringing the chairs?"), ("Bola", "I'll bring them"),
               ("Sis Bola", "thank you dear")), ["sis bola"], ["sis bola"]),
    _case(chat("Dayo", ("Dayo Calgary", "it's -30 here"), ("Dayo", "haha stay warm bro"),
               ("Dayo Calgary", "I miss Lagos heat")), ["dayo calgary"], ["dayo calgary"]),
    # WhatsApp exports
    _case(whatsapp("Nia", ("Nia", "Is Dad ok?"), ("Owen", "He's fine, I took him to the GP"), ("Nia", "thanks Owen")),
          ["owen", "dad"], ["owen"]),
    _case(whatsapp("Ana Reyes", ("Ana Reyes", "kumusta?"), ("Ana Cruz", "ok lang, pagod sa work"),
                   ("Ana Reyes", "rest ka muna")), ["ana cruz"], ["ana cruz"]),
]

NOT_MINE = [
    _case(chat("Sam Patel", ("Sam Okoro", "I'm getting married in August!"), ("Sam Patel", "congrats mate!!"))),
    _case(chat("J. Murray", ("J. Byrne", "my dad died this morning"), ("J. Murray", "oh no, so sorry"))),
    _case(chat("Emi", ("Rosa", "Emi my grandmother passed away last night"), ("Emi", "Rosa I'm so sorry"))),
    _case(chat("Aoife", ("Aoife", "Nan told us again: \"I was born in 1939 in Salford\""), ("Niamh", "every Sunday"))),
    _case(chat("Carlos Ruiz", ("Carlos Jr", "Dad I'm getting married!"), ("Carlos Ruiz", "mijo!!"))),
    _case(chat("Mark", ("Mark", "my father died last week and I need help with the eulogy"),
               ("Nova", "I'm so sorry for your loss, Mark. I was built to help, so let's begin."))),
    _case(chat("Helen", ("Mum", "my mother died when I was twelve, you know"), ("Helen", "I know Mum")),
          ("death",)),
    _case(chat("Grace", ("Grace", "Forwarded from Auntie Bisi: my husband passed away this morning"),
               ("Kemi", "ah, condolences"))),
    _case(chat("Bea", ("+44 7700 900123", "it's Tom, my wife gave birth last night!"), ("Bea", "congrats Tom!!"))),
    _case(whatsapp("Ana Reyes", ("Ana Cruz", "I got married kahapon!"), ("Ana Reyes", "congrats!!"))),
    _case(chat("Funmi", ("Aunty Funmi", "I'm getting married again, at 60!"), ("Funmi", "Aunty!! congrats"))),
    # a namesake of the owner's, on a later day of the chat
    _case(chat("Sam", [("Sam", "morning all"), ("Ife", "morning Sam")], [("Ife", "did you hear Sam Bello passed away?"),
               ("Sam", "no! Sam from church?")], days=("2024-06-03", "2024-06-04"))),
    _case(chat("Grace", [("Grace", "who's coming Sunday?"), ("Kemi", "me, Grace")], [("Kemi", "Grace Adeyemi from our "
               "old school got married on Saturday"), ("Grace", "my namesake!")], days=("2024-06-03", "2024-06-04")),
          reason="a full name another speaker says in passing is found as the speaker of its first name; keeping it apart "
                 "(a speaker is no one named more fully only in others' turns) lost a speaker's alias in a tuned chat"),
    _case(chat("Dayo", ("Dayo Calgary", "my wife gave birth last night, a boy!"), ("Dayo", "congrats bro!!"))),
]

MINE = [
    _case(chat("Sam Patel", ("Sam Patel", "I got married on Saturday!"), ("Sam Okoro", "congrats Sam!!")), "marriage",
          ["sam okoro"]),
    _case(chat("Carlos Ruiz", ("Carlos Ruiz", "I was born in 1970, the year your abuelo bought the ranch"),
               ("Carlos Jr", "old man")), "birth", ["carlos jr"]),
]

NOT_MINE = [_case(*p.values, ("death", "birth", "marriage"), reason=p.marks[0].kwargs["reason"] if p.marks else None)
            if len(p.values) == 1 else p for p in NOT_MINE]


def _writer(people):
    return next((held for _, held in people if "me" in held), set())


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, not_me, kept", NOT_ME, ids=[label(r.values[0]) for r in NOT_ME])
def test_another_is_never_the_owner(db, tmp_path, said, not_me, kept):
    with Memory(db) as memory:
        told(memory, said, tmp_path)
        people = listed_people(memory, everyone=True)
        me = _writer(people)
        assert not [w for w in not_me if w in me], people
        assert all(any(n in held for n in w.split("|") for held in _others(people)) for w in kept), people


@pytest.mark.parametrize("said, kinds", NOT_MINE, ids=[label(r.values[0]) for r in NOT_MINE])
def test_anothers_life_is_not_the_owners(db, tmp_path, said, kinds):
    with Memory(db) as memory:
        told(memory, said, tmp_path)
        events = read_events(memory)
        assert not [e for e in events if e[0] in kinds and "me" in e[1]], events


@pytest.mark.parametrize("said, kind, not_them", MINE, ids=[label(r.values[0]) for r in MINE])
def test_the_owners_life_is_not_anothers(db, tmp_path, said, kind, not_them):
    with Memory(db) as memory:
        told(memory, said, tmp_path)
        events = read_events(memory)
        assert not [e for e in events if e[0] == kind and any(w in e[1] for w in not_them) and "me" not in e[1]], events
