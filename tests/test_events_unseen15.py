"""Deaths and the other life events on voices never seen (issue 13, deaths15): written before the event rules were
read, none from the corpus or a benchmark. Diaries, letters to the dead, notes-app Markdown, voice-to-text without
punctuation and chats (as turns and as JSON lines, where a speaker's "Mum" is their own) in Filipino, Nigerian,
Ghanaian, Indian, South African, Irish, Scottish, Welsh, Jamaican, American and British English.

A death is STATED when read at or above people.FACT; below it it is "perhaps" (shown with its passage); another life
event is stated unless people.perhaps says so. What must be true:
- a death told softly ("slipped away", "didn't wake up", "gone to be with the Lord", "is no more", "is late") is read,
  at least as "perhaps";
- nobody living is stated dead: not a character of a show, film, book or game, not a pet or a plant read as a person,
  not one feared, dreamt or asked about, not the writer's own kin for another speaker's or a quoted speaker's, and no
  one long dead dies again on the day of a memorial, a ninth night, a fortieth day or an anniversary;
- a public figure the writer never knew may be kept as dead (the key lists them only if the writer knew them), but
  their death is given to no one in the writer's life;
- a plan, a wish, a fear, a question, a dream, a film's event, an idiom ("will be the death of her"), and another
  person's move, job or wedding the writer only speaks of is no event stated of that person."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, false_deaths, missed_deaths, read_deaths, read_events, store_on, left_as_xfail
from conftest import told_label, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2024-06-03"


def _e(said, dead=(), alive=(), may=(), old=()):
    """A case: the text; who is dead and must be read so at least as "perhaps" ("A|B": either name); who is alive; who
    else is dead and may be stated so; who died before the text's year (no death of theirs dated in it)."""
    return said, tuple(dead), tuple(alive), tuple(may), tuple(old)


def _lines(*turns):
    return chat_lines(*turns, at=AT)


SOFT_DEATH = [
    _e("Nana slipped away this morning at 4am with all of us round the bed. Mum held her hand the whole time.",
       dead=["Nana"], alive=["Mum"]),
    _e("We lost Grandad on Tuesday. Dad is being very quiet about it.", dead=["Grandad"], alive=["Dad"]),
    _e("Uncle Femi didn't wake up this morning. Aunty Bola found him when she took his tea in.",
       dead=["Uncle Femi|Femi"], alive=["Aunty Bola|Bola"]),
    _e("Lola Nena has been promoted to glory. The wake starts tomorrow in Batangas and Tita Cora is arranging the "
       "novena.", dead=["Lola Nena|Nena"], alive=["Tita Cora|Cora"]),
    _e("With gratitude to God we announce that our father, Chief Tunde Bakare, is no more. He passed on Sunday after a "
       "brief illness.", dead=["Chief Tunde Bakare|Tunde Bakare|Tunde"]),
    _e("Ammamma passed last night. Appa is flying to Chennai for the cremation.", dead=["Ammamma"], alive=["Appa"]),
    _e("so yeah gran had gone in the night the nurse rang at six and mum just sat on the stairs", dead=["gran"],
       alive=["mum"]),
    _e("Since Ray's gone the house is too quiet. I still set two cups out. Our Kath comes Sundays.", dead=["Ray"],
       alive=["Kath"]),
    _e("Daddy went to his reward on Friday. The removal is Monday evening and Mammy wants the whole parish there.",
       dead=["Daddy"], alive=["Mammy"]),
    _e("Oupa passed on peacefully in his sleep. Ouma is staying with us for now.", dead=["Oupa"], alive=["Ouma"]),
    _e("My brother Darnell lost his battle with cancer Saturday. Mom hasn't stopped crying.", dead=["Darnell"],
       alive=["Mom"]),
    _e("Tita Baby succumbed to dengue last week. Mama flew home to Iloilo.", dead=["Tita Baby|Baby"], alive=["Mama"]),
    _e("## June\n- Grandma Rose passed 2 June, peaceful\n- call Uncle Jim re funeral\n- order flowers",
       dead=["Grandma Rose|Rose"], alive=["Uncle Jim|Jim"]),
    _e(_lines(("Ama", "Kwame, Grandpa died this morning"), ("Kwame", "Oh no Ama, I'm so sorry. I'm coming over")),
       dead=["Grandpa"], alive=["Ama", "Kwame"]),
    _e("Aunty Grace has been called home. Her funeral is on the 15th at Holy Trinity.", dead=["Aunty Grace|Grace"]),
    _e("Kuya Jun took his last breath at three in the morning. Ate Liza was with him.", dead=["Kuya Jun|Jun"],
       alive=["Ate Liza|Liza"]),
    _e("Granda's gone. Went peaceful in his chair after his tea. Our Sean found him.", dead=["Granda"],
       alive=["Sean"]),
    _e("um so Nani ji passed away yesterday evening we are all going to Ludhiana for the bhog", dead=["Nani ji|Nani"]),
    _e("We buried Uncle Thabo on Saturday. The whole village came to the house.", dead=["Uncle Thabo|Thabo"]),
    _e("my sister Marie passed over last night, Bernadette rang me at midnight", dead=["Marie"],
       alive=["Bernadette"]),
    _e("RIP Uncle Ronnie. Fly high. Love you always.", dead=["Uncle Ronnie|Ronnie"]),
    _e("Grandma Pat has passed. She was 94 and sharp to the end.", dead=["Grandma Pat|Pat"]),
]

NOT_A_DEATH = [
    # characters of shows, books, films and games
    _e("Rewatching Coronation Street with Mum. RIP Vera, the best character they ever had.", alive=["Mum", "Vera"]),
    _e("Cried my eyes out when Beth died in Little Women. Auntie Pam says I'm soft.", alive=["Beth", "Auntie Pam|Pam"]),
    _e("Played The Last of Us all night. Joel dies in the second game and Tomas won't shut up about it.",
       alive=["Joel", "Tomas"]),
    _e("Watching Grey's with Kayla. Derek dies and she threw the remote at the telly.", alive=["Derek", "Kayla"]),
    _e("In the teleserye Lolo Andoy finally died and Mama cried buckets.", alive=["Lolo Andoy|Andoy", "Mama"]),
    _e("Finished the book at last. Charlotte dies at the end and Zoe was in bits at the table.",
       alive=["Charlotte", "Zoe"]),
    # the famous, never known
    _e("Sinead O'Connor died. Mam played Nothing Compares all evening.", alive=["Mam"],
       may=["Sinead O'Connor|Sinead"]),
    _e("Matthew Perry passed away. Darius and I watched Friends until 2am.", alive=["Darius"],
       may=["Matthew Perry|Perry"]),
    _e("The Queen passed today. Gogo said she remembered the royal visit when she was a girl.", alive=["Gogo"]),
    _e("did you hear that Sridevi died ma was so upset she loved her films", alive=["ma"], may=["Sridevi"]),
    # pets and plants
    _e("We had to put Biscuit down today. Fourteen years old. Dad dug the grave under the apple tree.",
       alive=["Dad", "Biscuit"]),
    _e("My basil died. Lorraine says I overwater everything.", alive=["Lorraine"]),
    _e("Mittens, our old tabby, passed away in her basket. The kids are heartbroken, Jonah most of all.",
       alive=["Mittens", "Jonah"]),
    _e("The goldfish died while Priya was away. Don't tell her.", alive=["Priya"]),
    _e("Lost our dog Rex this week. Ma says no more dogs.", alive=["Rex", "Ma"]),
    # fears, dreams, questions, hypotheticals
    _e("I don't know what I'll do if Mum dies. She's 88 and so frail now.", alive=["Mum"]),
    _e("In my dream last night Dad was dead and we were at his funeral. Rang him at seven, he was making porridge.",
       alive=["Dad"]),
    _e("is Uncle Pete dead? Nobody's heard from him since Christmas", alive=["Uncle Pete|Pete"]),
    _e("Gran keeps saying she'll be dead before the wedding. She's fitter than all of us.", alive=["Gran"]),
    _e("what if Kemi died on that bus. I can't stop thinking about it", alive=["Kemi"]),
    _e("Terrified Nanay won't survive the operation. Kuya says stop being dramatic.", alive=["Nanay", "Kuya"]),
    _e("Pops said if he dies before the Cubs win again he'll haunt us all.", alive=["Pops"]),
    _e("Some days I feel like I'm dying inside. Tebogo made me go for a walk.", alive=["me", "Tebogo"]),
    # another speaker's kin, a quoted speaker's kin
    _e(_lines(("Ngozi", "Mum says hi, she's baking for Sunday"),
              ("Ifeoma", "Aww. My mum passed last month, enjoy her while you can")),
       alive=["Ngozi", "Ifeoma", "Mum"], may=["Ifeoma's mum|Ifeoma's mother|mum (2)"]),
    _e(_lines(("Rhys", "How's your nan doing?"), ("Aled", "Nan died on Sunday mate"),
              ("Rhys", "Oh no. Sorry Aled. My nan's still going strong at 96")),
       alive=["Rhys", "Aled", "Nan"], may=["Aled's nan|Aled's grandmother|nan (2)"]),
    _e("Met Sandra at the bus stop. She said 'my dad died in March and I still can't open his post.' Mum sent her a "
       "card.", alive=["Mum", "Sandra", "Dad"], may=["Sandra's dad|Sandra's father"]),
    _e("The taxi driver told me his wife passed two years ago. Lovely man. Dad chatted to him the whole way.",
       alive=["Dad"]),
    # the ninth night, the fortieth day, memorials, anniversaries
    _e("Tonight is the last night of the novena for Lola. Tito Ben led the rosary.", alive=["Tito Ben|Ben"],
       may=["Lola"]),
    _e("40th day prayers for Baba today. Mama cooked for sixty people.", alive=["Mama"], may=["Baba"]),
    _e("Ten years since Daddy died. We went to the grave and Mammy brought lilies.", dead=["Daddy"],
       alive=["Mammy"], old=["Daddy"]),
    _e("Went to the memorial for Grandpa Joe's 20th anniversary. Aunt Linda gave a speech.",
       alive=["Aunt Linda|Linda"], may=["Grandpa Joe|Joe"], old=["Grandpa Joe|Joe"]),
    _e("Nine night for Miss Hyacinth starts tonight. Mummy is cooking the mannish water.", alive=["Mummy"],
       may=["Miss Hyacinth|Hyacinth"]),
    _e("Lit a candle for Nanna on her anniversary. Eight years now.", may=["Nanna"], old=["Nanna"]),
    # "late" as a name's word, or as not on time
    _e("We drove past the late Mr Hughes's farm. Evan says his son has sold it.", alive=["Evan"],
       may=["Mr Hughes|Hughes"], old=["Mr Hughes|Hughes"]),
    _e("The Late Late Show was brilliant tonight, Mam stayed up for it.", alive=["Mam"]),
    _e("Tayo was late again for church. Mummy gave him that look.", alive=["Tayo", "Mummy"]),
    _e("Our late father's house in Enugu is finally sold. Chuks handled the paperwork.", alive=["Chuks"],
       may=["father|Dad|Daddy"], old=["father|Dad|Daddy"]),
    # idioms
    _e("My retirement will be the death of her, says Colin. She's never had me home all day.", alive=["Colin", "me"]),
    _e("These stairs will be the death of me. Aunty Vi says get a stairlift.", alive=["me", "Aunty Vi|Vi"]),
    _e("Bongani is dead tired after the night shift.", alive=["Bongani"]),
    _e("Grandad's phone finally died after nine years.", alive=["Grandad"]),
    _e("Nonna was killing it at bingo. Won twice!", alive=["Nonna"]),
]

# (what is said, kind, whose): no event of that kind stated of them (a "perhaps" is no statement); "me": the writer
TRAPS = [
    ("We're thinking of moving to Galway next year. Dara isn't keen.", "moving", "me"),
    ("I want to retire at sixty. Moira thinks I'm dreaming.", "retirement", "me"),
    ("My retirement will be the death of her, says Colin. She's never had me home all day.", "retirement", "Colin"),
    ("My retirement will be the death of her, says Colin. She's never had me home all day.", "retirement", "me"),
    ("Bea rang. She's moving to Leeds in August and I'll be lost without her.", "moving", "me"),
    ("Dele's wedding was on Saturday. We danced till 2.", "marriage", "me"),
    ("Tunde started his new job Monday and we celebrated with suya.", "job", "me"),
    ("Rosa got married in Cebu and we all flew in for it.", "marriage", "me"),
    ("If I get the job in Durban we'll have to move.", "job", "me"),
    ("If I get the job in Durban we'll have to move.", "moving", "me"),
    ("Mum keeps asking when I'm getting married.", "marriage", "me"),
    ("Hoping to retire by 55 like my father did.", "retirement", "me"),
    ("I dreamt I got married to a footballer lol. Chiamaka laughed so hard.", "marriage", "me"),
    ("Should we split up? I honestly don't know anymore.", "parting", "me"),
    ("Nkechi and her husband are separating. I feel for the kids.", "parting", "me"),
    ("The doctor said Gran does not have cancer, thank God.", "illness", "Gran"),
    ("i might be getting a job at the hospital fingers crossed", "job", "me"),
    ("In the film she gets pregnant and moves to Paris. Lerato loved it.", "moving", "Lerato"),
    ("In the film she gets pregnant and moves to Paris. Lerato loved it.", "birth", "Lerato"),
    ("Siya moved the sofa into the spare room.", "moving", "Siya"),
    (_lines(("Maya", "Jess just got engaged!!"), ("Maya", "and she's moving to Boston with him")), "moving", "me"),
    (_lines(("Maya", "Jess just got engaged!!"), ("Maya", "and she's moving to Boston with him")), "marriage", "me"),
    ("Sinead wants to move to Australia. Mam is devastated.", "moving", "Sinead"),
    ("Thinking about going back to nursing. Or maybe retiring early. Who knows.", "retirement", "me"),
    ("Thinking about going back to nursing. Or maybe retiring early. Who knows.", "job", "me"),
    ("Lwazi's sister had her baby on Friday, a boy.", "birth", "Lwazi"),
    ("If Gran goes into hospital again I'll move in with Aunt May.", "moving", "me"),
    ("If Gran goes into hospital again I'll move in with Aunt May.", "illness", "Gran"),
    ("Did Oisin get the job in the end?", "job", "Oisin"),
    ("Dad's retiring is all Mum talks about, but he says he never will.", "retirement", "Dad"),
    ("Congrats on the new job!! so proud of you Anil", "job", "me"),
    ("Kayode says he's relocating to Toronto. I told him I'd never leave Lagos.", "moving", "me"),
]

# (what is said, kind, whose): an event plainly told, read of them at least as "perhaps"
TOLD = [
    ("We moved to Cork in March. The new house is freezing.", "moving", "me"),
    ("Aunt Bisi retired from the Ministry last Friday after 35 years.", "retirement", "Aunt Bisi|Bisi"),
    ("Thandi married Sipho on Saturday at the Methodist church in Soweto.", "marriage", "Thandi"),
    ("I started my new job at the council today. Nervous!", "job", "me"),
    ("Nanay was diagnosed with diabetes last month.", "illness", "Nanay"),
    ("Ruth and Ken have separated after 30 years.", "parting", "Ruth"),
    ("ok so update i got the job at the bank start monday", "job", "me"),
    ("Finally retired today. Forty years at the mill, Maureen threw me a party.", "retirement", "me"),
]


def _events_of(memory, kind, who):
    """The events of `kind` read of `who` ("A|B": any), with whether each is stated."""
    return [(k, sorted(n), lo, stated) for k, n, lo, _, stated in read_events(memory)
            if k == kind and any(w.lower() in n for w in who.split("|"))]


# what is not read, or is read wrongly, yet: each must stay failing until it is fixed (strict); main (13bb82e) also failed
# 7 more, mended in round 15 (docs/benchmarks.md)
LEFT = {
    "Ammamma passed last night": "'Ammamma' is not read as a person (the death is read of no one)",
    "Granda's gone. Went peaceful": "\"X's gone\" as a death is not read",
    "so yeah gran had gone in the night": "'gran' in small letters is not read as a person",
    "um so Nani ji passed away": "'Nani ji' is not read as a person",
    "Since Ray's gone the house": "'Ray' is read as a place, and \"since X's gone\" is no death",
    "Tita Baby succumbed to dengue": "'Tita Baby' is not read as a person",
    "retirement Dad: Dad's retiring is all": "'his retiring is talked about' is read as his retiring",
    "moving me: We moved to Cork": "'we moved to' is not given to the writer",
    "illness Nanay: Nanay was diagnosed": "'Nanay' is not read as a person",
    "retirement me: Finally retired today": "a subjectless 'retired today' is not given to the writer",
}


def _id(case):
    """A case's test id: a death case by its text, an event case by its kind, whose and text."""
    return told_label(case[0]) if len(case) == 5 else f"{case[1]} {case[2]}: {told_label(case[0])}"


def _rows(cases):
    return left_as_xfail(cases, LEFT, _id)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, dead, alive, may, old", _rows(SOFT_DEATH + NOT_A_DEATH),
                         ids=[_id(c) for c in SOFT_DEATH + NOT_A_DEATH])
def test_no_false_death_and_a_soft_death_is_read(db, tmp_path, said, dead, alive, may, old):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert not false_deaths(memory, dead, may, old, AT[:4]), read_deaths(memory)
        assert not missed_deaths(memory, dead), read_deaths(memory)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, kind, who", _rows(TRAPS), ids=[_id(c) for c in TRAPS])
def test_no_event_stated_that_was_not_told(db, tmp_path, said, kind, who):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        stated = [e for e in _events_of(memory, kind, who) if e[-1]]
    assert not stated, stated


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, kind, who", _rows(TOLD), ids=[_id(c) for c in TOLD])
def test_an_event_told_is_read(db, tmp_path, said, kind, who):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert _events_of(memory, kind, who), read_events(memory)


def test_the_set_is_large_enough():
    assert len({told_label(c[0], 200) for c in SOFT_DEATH + NOT_A_DEATH + TRAPS + TOLD}) >= 80


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 8th death case and every 6th trap that is read rightly, each in a memory of its own, on both."""
    for i, (said, dead, alive, may, old) in enumerate(unmarked(_rows(SOFT_DEATH + NOT_A_DEATH))[::8]):
        with Memory(store_on(backend, request, tmp_path, f"d{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            assert not false_deaths(memory, dead, may, old, AT[:4]) and not missed_deaths(memory, dead), said
    for i, (said, kind, who) in enumerate(unmarked(_rows(TRAPS))[::6]):
        with Memory(store_on(backend, request, tmp_path, f"t{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            assert not [e for e in _events_of(memory, kind, who) if e[-1]], said
