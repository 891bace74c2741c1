"""Named cars listed as people (issue 13, things26): texts no rule had read, written before extract/kinds.py was changed,
in many Englishes and forms. A car that "dies" or "has gone" is no one when the words round it are a breakdown's or a
sale's (the tow truck, the AA man, the dashboard, the DVLA, the miles on the clock), when its death recurs ("RIP Hilda
(for the third time)"), or when it is said to be a make of car ("Nellie, my old Corsa"). The traps are people who die
near a car: a gran driven home from the hospice, an uncle killed on the motorway, a real Bessie who "has gone", a friend
who rings the AA; their deaths must still be read."""
import pytest

from remembrancer import Memory

from conftest import add_said, has_name, listed_names, named, read_deaths

pytestmark = [pytest.mark.sqlite_only, pytest.mark.extract_only]
AT = "2024-06-03"


def case(said, people=(), no=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, list(people), list(no), marks=marks)


CASES = [
    # a car that dies by the road: the tow truck, the AA man, the dashboard
    case(["Bluebell died on the M6 coming home from Sheffield. The dashboard lit up and the AA man said she'd had it. "
          "My sister Rachel came for me. Rachel says it's time for a new one.", "Still missing Bluebell."],
         people=["Rachel"], no=["Bluebell"]),
    case([("Thabo", "Hilda died outside Bloemfontein 🙄"), ("Thabo", "Waiting for the tow truck. My wife Lerato says she told me so"),
          ("Nomsa", "Shame man. Hilda again"), ("Thabo", "Hilda Hilda Hilda")], people=["Lerato"], no=["Hilda"],
         reason="a car that dies by the road, known by the breakdown's words alone: things26's `_broke_down` read it so, but took a real death beside a breakdown for a car too, and was taken out"),
    case(["Gertrude died at the toll plaza near Bulacan. Waited two hours for the mechanic. My cousin Jomar said he told "
          "me so.", "No Gertrude this week, so the jeepney to work."], people=["Jomar"], no=["Gertrude"],
         reason="a car that dies by the road, known by the breakdown's words alone: things26's `_broke_down` read it so, but took a real death beside a breakdown for a car too, and was taken out"),
    case(["Rosie conked out on the A9 outside Perth. Tow truck, two hours, £180. Morag says it's time to let her go.",
          "Thinking about Rosie."], people=["Morag"], no=["Rosie"],
         reason="a car that dies by the road, known by the breakdown's words alone: things26's `_broke_down` read it so, but took a real death beside a breakdown for a car too, and was taken out"),
    # a car sold: the DVLA, the miles on the clock
    case(["Advert for Doris is up on the website.", "Doris has gone. A lad from Rotherham came for her with cash. Blue Astra, 2011, "
          "sixty thousand miles. DVLA form posted tonight."], no=["Doris"],
         reason="a car that dies by the road, known by the breakdown's words alone: things26's `_broke_down` read it so, but took a real death beside a breakdown for a car too, and was taken out"),
    # a death that recurs is no death
    case([("Nomsa", "RIP Hilda (for the third time)"), ("Thabo", "She'll rise again. Hilda always does"),
          ("Nomsa", "Hilda!!")], no=["Hilda"]),
    case(["Percy has died again. Ifeoma says we should sell him.", "Ifeoma rang about Percy."], people=["Ifeoma"],
         no=["Percy"]),
    # said to be a make of car
    case("Uncle Desmond drove us in his Volvo because Nellie, my old Corsa, is making that noise again.",
         people=["Desmond"], no=["Nellie"]),
    case("Sunil said we should take Rani, our Maruti, to Lonavala. Sunil will drive.", people=["Sunil"], no=["Rani"]),
    # traps: people who die near a car, people who ring the AA
    case("Sam Kerr died last night. His sister Beth rang me at six. I had to ring the AA because the car wouldn't start on "
         "the way over to theirs.", people=["Sam Kerr", "Beth"]),
    case("Gran died on Tuesday at the hospice. Dad drove us home in the car and nobody spoke.", people=["Gran", "Dad"]),
    case("Uncle Joe died on the M6 when a lorry hit his car. The police towed what was left of it.", people=["Joe"]),
    case("Bessie has gone. She went peacefully in the night at ninety-one, and Mum sat with her till the end. The car "
         "came for her at ten.", people=["Bessie", "Mum"]),
    case("Maggie said the car has died again. Maggie rang the AA from the lay-by and we waited an hour.", people=["Maggie"]),
    case("Agnes died last night in her sleep. Tom has rung the undertaker. Her old Micra is still on the drive.",
         people=["Agnes", "Tom"]),
    case("Dennis has gone into the garage to look at the engine again. Dennis says it's the clutch.", people=["Dennis"]),
    case("Aunty Bisi died again in EastEnders, I mean Pat did. Bisi rang me laughing.", people=["Bisi"]),
    case(["Minty, my little Fiesta, is making that noise again.", "Sold Minty. Chiamaka got the job! I am proud like she is "
          "my own daughter."], people=["Chiamaka"], no=["Minty"]),
    case([("Ravi", "He's here!! 3.2kg"), ("Ravi", 'His tag says "Baby Girl Mehta, mother Anita Mehta" and Anita says she is no girl'),
          ("Deepa", "Congratulations bhai!! Name??"), ("Ravi", "Arjun. Anita chose it")], people=["Anita"], no=["Girl Mehta"]),
    case([("Kwame", "Grandpa died this morning"), ("Kwame", "The tow truck driver who found him called the ambulance"),
          ("Efua", "Oh Kwame. I'm so sorry")], people=["Grandpa"]),
]


def _label(said):
    return (said if isinstance(said, str) else " / ".join(s if isinstance(s, str) else s[1] for s in said))[:40]


@pytest.mark.parametrize("said, people, no", CASES, ids=[_label(r.values[0]) for r in CASES])
def test_cars_are_no_one_and_people_stay(tmp_path, db, said, people, no):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        names, every = listed_names(memory)
        listed = [w for w in no if any(has_name(names, f) for f in w.split("|"))]
        missed = [w for w in people if not any(has_name(every, f) for f in w.split("|"))]
        assert (listed, missed) == ([], []), names


DEATHS = [
    ("Gran died on Tuesday at the hospice. Dad drove us home in the car and nobody spoke.", "Gran"),
    ("Uncle Joe died on the M6 when a lorry hit his car. The police towed what was left of it.", "Joe|Uncle Joe"),
    ("Bessie has died. She went peacefully in the night at ninety-one, and Mum sat with her till the end.", "Bessie"),
    ("Agnes died last night in her sleep. Tom has rung the undertaker. Her old Micra is still on the drive.", "Agnes"),
]


@pytest.mark.parametrize("said, dead", DEATHS, ids=[_label(d[0]) for d in DEATHS])
def test_people_who_die_near_a_car_are_dead(tmp_path, db, said, dead):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        assert any(named(n, dead) for n, _, _ in read_deaths(memory)), read_deaths(memory)
