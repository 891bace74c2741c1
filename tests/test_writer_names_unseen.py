"""One person listed as two, on text never seen (issue 13, people9): the writer called by their own name by others, or
signing with it, is the writer; the writer's own parent called by the grandchildren's word ("the kids love Grandad") is
the parent the writer calls "Dad". Beside each, traps where the same cues are someone else's: a sister of the writer's
surname, the writer's own grandfather, a friend of the writer's name, a child named after the writer.

Sentences written for this test (British, Irish, Scottish, American, Australian, South African, Indian, Welsh English;
diaries, letters, cards, chats), none from the corpus or a benchmark. Read by the whole pipeline; each case is checked
through `Memory.people(everyone=True)`: who holds which names."""
import pytest

from remembrancer import Memory

from conftest import param_ids, store_on

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]

# The writer's own name, said by others to the writer or written by the writer as their own: (entries, name).
WRITER = [
    (['Mum shouted "Dana, dinner!" up the stairs and I pretended not to hear.',
      'School was dull. Kayla lent me her notes for chemistry.',
      'Mum again: "Dana, have you done your homework?" I had not.'], "Dana"),
    (['Dad said, "Ffion, get your boots on, we are going up the mountain."',
      'Walked to Llyn Ogwen. My legs are dead.',
      '"Ffion, you left the gate open," Dad said, and the sheep were in the lane.'], "Ffion"),
    (['Went to the clinic with Gran. The nurse called out "Siobhan Murphy?" and I went in.',
      'Gran was tired today. I made her tea and we watched the racing.'], "Siobhan Murphy"),
    (['Signed the card for Mr Hale\'s retirement. I wrote my name in my best writing: Priya Raman.',
      'Mr Hale cried when we gave him the card. Ms Okoro made a speech.'], "Priya Raman"),
    (['Graduation. When the dean read out "Tunde Adebayo", Mum screamed so loud the whole hall laughed.',
      'Still on a high from yesterday. Uncle Femi sent a voice note.'], "Tunde Adebayo"),
    (['Coach yelled "Harris, get back in position!" and I nearly tripped over the ball.',
      'Rain off. Played Xbox with Connor all afternoon.',
      '"Harris, you were brilliant today," Coach said, and I could not stop grinning.'], "Harris"),
    (['Nan rang. "Is that you, Bronwyn love?" she asked, like it could be anyone else.',
      'Bought a new kettle. The old one finally gave up.',
      '"Bronwyn, bring me my glasses," Nan said when I went round.'], "Bronwyn"),
    (['First day at the new job. The manager said "Welcome aboard, Ravi" and gave me a lanyard.',
      'Long day. Deepa from accounts showed me where the canteen is.',
      '"Ravi, can you cover the Friday shift?" the manager asked. I said yes, obviously.'], "Ravi"),
    (['Dear Gran,\n\nThank you for the jumper. It is very warm and I wear it every day.\n\nLove,\nMegan Price',
      'Gran rang to say she got my letter. Mum says she read it out to the whole bingo club.'], "Megan Price"),
    (['Dear Auntie Pam,\n\nThe wedding was beautiful and the cake was the best I have ever had.\n\nAll my love,\nSophie',
      'Back at work. Tom made me a coffee and asked about the wedding.'], "Sophie"),
    (['The teacher read the register. "Aisha Khan?" "Here, miss." I always feel weird hearing my full name.',
      'Maths test tomorrow. Zara and I revised at the library.'], "Aisha Khan"),
    (['At the bank the woman kept calling me Mrs Okonkwo, which still feels strange since the wedding.',
      'Chidi made jollof for dinner. He burnt the rice a bit.',
      'Another letter today addressed to Mrs Okonkwo. It is me, I keep forgetting it is me.'], "Mrs Okonkwo"),
    (['Bree shouted "Jess! Over here!" across the food court and everyone turned round.',
      'Nothing much today. Washed the car and walked Biscuit.',
      '"Jess, you legend," Bree said when I brought the snacks.'], "Jess"),
    (['My name is Lindiwe Dube and this is my journal. Mama gave it to me for my birthday.',
      'Mama made pap and wors. Sipho came round after school.'], "Lindiwe Dube"),
    (['Got my passport back. Ciaran Walsh, it says, and a photo of me looking like a criminal.',
      'Mam drove me to the airport. Dad cried, though he says he did not.'], "Ciaran Walsh"),
    (['Grandpa said, "Eli, come fishing with me," so we went down to the creek.',
      'Rained all day. Mom let me stay up to watch the game.',
      '"Eli, hold the rod still," Grandpa said. I caught a bluegill!'], "Eli"),
    (['Dear Mr Patel,\n\nThank you for the reference. I got the place at Leeds.\n\nYours sincerely,\nNadia Hussain',
      'Mum cried when I showed her the offer. Dad pretended not to.'], "Nadia Hussain"),
    ([("Tash", "Morning Kezia! You still coming to the markets?"), ("Kezia", "Yep, be there at ten"),
      ("Tash", "Bring cash Kezia, the coffee guy doesn't take card")], "Kezia"),
    ([("Rohan", "Anjali are you picking up Dadi from the station?"), ("Anjali", "Yes bhai, leaving now"),
      ("Rohan", "Thanks Anjali 🙏")], "Anjali"),
    (['The nurse said "Mr Fitzgerald, the doctor will see you now," and I went in with my knees knocking.',
      'Results back. All clear. Rang Maureen straight away and she cried.',
      '"Mr Fitzgerald, you can put your shirt back on," the doctor said at the follow-up.'], "Mr Fitzgerald"),
    (['Wrote my name on the form: Kirsty Anne McLeod. Dad says I have to write neater.',
      'Went to the shows with Hamish. Lost a fiver on the hook-a-duck.'], "Kirsty Anne McLeod"),
    (['"See you Monday, Aoife," Ciaran said at the gate, and Orla laughed at me all the way home.',
      'Filled in the exam form. I wrote my name in capitals: Aoife Brennan.',
      'Mam made a curry. Ciaran texted about the match.'], "Aoife"),
    (['Mum said "Noah, put your shoes on" about a hundred times this morning.',
      'Noah, that\'s me, is going to be a pilot when he grows up. That\'s what I told Mrs Evans anyway.',
      'Grandma came for tea. She brought cake.'], "Noah"),
    (['For Dad on his birthday: to the best dad in the world, love always, Rachel.',
      'Dad loved the card. He put it on the mantelpiece next to the clock.'], "Rachel"),
    (['I\'m Thabo, and I have decided to keep a diary like Gogo did.',
      'Gogo told me stories about the farm. Lerato fell asleep on the couch.'], "Thabo"),
]

# The writer's own parent, called by the grandchildren's word: (entries, the grandchildren's word, the writer's word).
PARENT = [
    (['Dad came round for Sunday dinner. The kids love Grandad, they were all over him.',
      'Took Dad to the hospital for his hip. My son Ollie came too and held Grandad\'s hand the whole time.'],
     "Grandad", "Dad"),
    (['Mum is staying with us this week. My daughter Ruby calls her Nana and follows her round the house.',
      'Nana made scones with Ruby. Mum says Ruby has better hands for pastry than I ever had.'], "Nana", "Mum"),
    (['Grandpa Frank came for tea. Frank is my dad, and he spoils my boys rotten.',
      'Dad fixed the gate while my sons held the screws.'], "Grandpa Frank", "Dad"),
    (['Dad turned seventy today. My kids made him a banner that said HAPPY BIRTHDAY GRANDPA.',
      'My daughter Isla asked if Grandpa can come to her school play. Dad said he would not miss it.'], "Grandpa", "Dad"),
    (['Mam minded the children today. They call her Granny and she lets them have sweets before dinner.',
      'Granny brought my son Cian to hurling. Mam says he has a great eye for the ball.'], "Granny", "Mam"),
    (['My father, Grandad to my three, turned eighty today.',
      'Dad came for lunch. Grandad and the children played cards all afternoon.'], "Grandad", "Dad"),
    (['Mum - Nanna to my two - came to stay for Easter.',
      'Nanna took the girls to the beach. Mum came home sunburnt.'], "Nanna", "Mum"),
    (['Dad is Pop to my kids. My son Jack says Pop knows everything about cars.',
      'Pop took Jack to the footy. Dad reckons Jack will play for the Swans.'], "Pop", "Dad"),
    (['My mother, Ouma to my daughters, turned seventy-five today.',
      'Ouma baked melktert with my girls. Ma says the oven is too hot.'], "Ouma", "Ma"),
    (['Papa, Nanaji to my son, came from Jaipur for Diwali.',
      'Nanaji took Arjun to the market. Papa bought him too many sweets.'], "Nanaji", "Papa"),
    (['My dad (Grandpa Joe to the kids) is moving in with us next month.',
      'Grandpa Joe taught my daughter Ava to play chess. Dad lost on purpose.'], "Grandpa Joe", "Dad"),
    (['Mum, who the children call Grandma Sue, had a fall today.',
      'Grandma Sue is home from hospital. Mum is cross that she has to use a frame.'], "Grandma Sue", "Mum"),
    (['Dad, Taid to the children, is in hospital again.',
      'Taid is a bit better. Dad asked for his paper and the children drew him cards.'], "Taid", "Dad"),
    (['Dad is Grandpa Ray to the grandkids, and today he turned sixty.',
      'My son Leo and Grandpa Ray went fishing. Dad caught nothing, as usual.'], "Grandpa Ray", "Dad"),
    (['My mum is Nan to my kids, and she has them every Tuesday.',
      'Nan took the kids swimming. Mum says my daughter Poppy swam a whole width.'], "Nan", "Mum"),
    (['Dad, or Gramps as my boys call him, turned seventy-two.',
      'Gramps took the boys to the match. Dad came back hoarse.'], "Gramps", "Dad"),
    (['Dad came over. The children call him Grandad Ken and they adore him.',
      'Grandad Ken fell asleep in the chair. Dad always says he is just resting his eyes.'], "Grandad Ken", "Dad"),
    (['Mum - the girls call her Gran - is not well.',
      'Gran is a bit brighter. Mum ate her soup and asked after the girls.'], "Gran", "Mum"),
]

# Traps: the same cues said of someone else. (entries, name the writer must not hold).
NOT_WRITER = [
    (['My sister Dana rang. Dana is pregnant again!',
      'Mum shouted "Dana, dinner!" but Dana had already gone out. She never eats with us.'], "Dana"),
    (['Dad said, "Megan, get your boots on." Megan is my sister and she hates walking.',
      'Megan sulked all the way up the hill. She wants to go back to Cardiff.'], "Megan"),
    (['Mum called "Tom! Tea\'s ready!" and my brother Tom came thundering down the stairs.',
      'Tom got his driving licence. He is unbearable now.'], "Tom"),
    (['Our baby is called Rachel, after me. Little Rachel slept through the night for the first time.',
      'Rachel smiled at me today. She is six weeks old.'], "Rachel"),
    (['My friend Dana came for coffee. We have the same name, which confused the barista.',
      'Dana texted: her new job is going well. She loves it.'], "Dana"),
    (['Dear Gran,\n\nThank you for the jumper.\n\nLove,\nMegan',
      'Megan is my niece. She wrote to Gran and was so proud of her letter.'], "Megan"),
    (['Went to Kirsty\'s wedding. Kirsty McLeod is my cousin; she looked stunning.',
      'Kirsty sent photos of the wedding. She is in Crete now.'], "Kirsty McLeod"),
    (['The teacher read out "Aisha Khan" at assembly and my daughter went up for her prize.',
      'Aisha is my girl, ten years old and so proud. She has put the medal on her bedroom door.'], "Aisha Khan"),
    (['Mrs Okonkwo from next door brought round some chin chin.',
      'Mrs Okonkwo is unwell. Chidi took her some soup. She is eighty-two.'], "Mrs Okonkwo"),
    (['Coach shouted "Harris, get back!" at my brother, not me for once.',
      'Harris got picked for the county. He is over the moon.'], "Harris"),
    (['Grandpa said, "Eli, come fishing." Eli is my little cousin and he follows Grandpa everywhere.',
      'Eli caught a fish and would not stop talking about it. He is seven.'], "Eli"),
    ([("Tash", "Morning Kezia!"), ("Kezia", "Morning! Is Mel coming?"), ("Tash", "Mel said she'll meet us there"),
      ("Kezia", "Great, tell Mel I've got her jacket")], "Mel"),
    (['My daughter is called Priya Raman, like me. Priya had her first swimming lesson today.',
      'Priya is teething. She cried all night and so did I.'], "Priya"),
    (['Wrote my name on the nursery form: Rachel Byrne.',
      '"Rachel, bedtime," I said, and little Rachel ran off up the stairs. She is four and she never sleeps.'], "Rachel"),
    (['Dear Mum,\n\nPeru is amazing. The hostel has a parrot called Kevin.\n\nLove,\nSam',
      'Mum rang. She is worried about Sam in Peru, and so am I.'], "Sam"),
    (['Dear Dana,\n\nThanks for having me to stay. Your mum makes the best pie.\n\nLove,\nKim',
      'Mum made pie again. Dad fell asleep in front of the telly.'], "Kim"),
    (['Dad said, "Noah, put your shoes on." Noah is my son. He never listens.',
      'Noah lost a tooth at school today. He is so proud of the gap.'], "Noah"),
]

# Traps: a grandparent's word that is not the writer's parent. (entries, the word, the writer's parent's word).
APART = [
    (['Visited Grandad in the care home. He is ninety-four and still sharp. Mum says he is Dad\'s dad all over.',
      'Dad drove me home. Grandad had asked after my son Ollie.'], "Grandad", "Dad"),
    (['I am a teenager and this is my diary. Grandpa Joe took me to the lake.',
      'Dad says Grandpa Joe is getting old. Grandpa Joe says Dad is getting fat.'], "Grandpa Joe", "Dad"),
    (['My granddaughter Lily calls my husband Grandad. Grandad Phil spoils her.',
      'Dad\'s anniversary today; he has been gone twenty years. Phil took me to the cemetery.'], "Grandad Phil", "Dad"),
    (['My grandmother, Nana Edie, turned a hundred today. Mum made her a cake.',
      'Mum took the children to see Nana Edie. She still knows all their names.'], "Nana Edie", "Mum"),
    (['Our kids call my husband\'s father Grandpa Walt. He lives in Ohio.',
      'Dad rang from Florida. Grandpa Walt sent the kids a card.'], "Grandpa Walt", "Dad"),
    (['Gran died when I was twelve. I still miss her scones.',
      'Mum came over with my kids\' presents. Dad is on a cruise.'], "Gran", "Mum"),
    (['The kids love Grandad, Tom\'s dad, who lives on a farm in Kerry.',
      'Dad came round with a bag of apples. Grandad rang from Kerry for the kids.'], "Grandad", "Dad"),
    (['My son calls my mother-in-law Nana Jo. Nana Jo knits him a jumper every winter.',
      'Mum rang from Perth. Nana Jo sent a parcel for the kids.'], "Nana Jo", "Mum"),
    (['Dad took my daughter to see her great-grandad. Great-Grandad is ninety-eight.',
      'Grandad, Mum\'s dad, is in hospital. Dad drove Mum to see him.'], "Grandad", "Dad"),
    (['Grandma made soup. She is Dad\'s mum and she lives with us.',
      'Mum and Grandma went shopping. Grandma bought me a coat.'], "Grandma", "Mum"),
    (['My son has two grandpas: Grandpa Tony is my husband\'s dad and he lives in Naples.',
      'Dad came for dinner. Grandpa Tony phoned from Naples for my son\'s birthday.'], "Grandpa Tony", "Dad"),
    (['Mum came with Jo. The children call her Granny.',  # "her": Mum or Jo, the text does not say
      'Mum went home on the bus. Granny stayed for tea and read the children a story.'], "Granny", "Mum"),
    (['Nan is Mum\'s mum. She is ninety and lives in Margate.',
      'Mum went down to Margate to see Nan. My daughter drew Nan a picture.'], "Nan", "Mum"),
    (['Granny, my husband Sean\'s mother, minded the kids today.',
      'Mam rang; she is in Spain. Granny made the kids pancakes.'], "Granny", "Mam"),
]


def _add(memory, entries):
    if isinstance(entries[0], tuple):
        memory.add_chat(entries, at="2024-05-03", me=entries[1][0])
        return
    for day, text in enumerate(entries, 3):
        memory.add(text, at=f"2024-05-{day:02d}")


def _holders(memory):
    """[(is the writer, {names lower case})] of everyone read."""
    return [(p["name"] == "me", {n.lower() for n in [p["name"], *p.get("aliases", [])]})
            for p in memory.people(everyone=True)]


def _writer_holds(holders, name):
    return any(mine and name.lower() in names for mine, names in holders)


def _one_holds(holders, a, b):
    return any(not mine and a.lower() in names and b.lower() in names for mine, names in holders)


def _id(entries):
    return str(entries[0] if isinstance(entries[0], str) else entries[0][1])[:40]


def _left(entries, left) -> bool:
    return any(_id(entries).startswith(words[:40]) for words in left)


# What is still missed (people9's findings, docs/benchmarks.md), by the case's first words: kept exactly, so a case read
# rightly later fails too and the lists are kept true. On main before the round (c93a5dc), 19 of the 25 writer cases and
# 17 of the 18 parent cases failed, and none of the 31 traps.
LEFT_WRITER = {
    'Mum shouted "Dana, dinner!" up the stairs',  # the second "Dana, ..." has no speech verb: quoted, not spoken to
    "Went to the clinic with Gran. The nurse c",  # a full name called out once
    'Graduation. When the dean read out "Tunde',  # read out once
    'Nan rang. "Is that you, Bronwyn love?" sh',  # "Bronwyn love": not read as said to
    'First day at the new job. The manager sai',
    "Dear Auntie Pam,\n\nThe wedding was beautif",  # a letter to kin the writer's own entries never name
    'The teacher read the register. "Aisha Kha',
    'Bree shouted "Jess! Over here!" across th',
    "Got my passport back. Ciaran Walsh, it sa",
    'Grandpa said, "Eli, come fishing with me,',  # "Eli" is read as no one at all
    "Dear Mr Patel,\n\nThank you for the refer",  # a letter to no kin of the writer's
    'The nurse said "Mr Fitzgerald, the doctor',
    'Mum said "Noah, put your shoes on" about ',
    "For Dad on his birthday: to the best dad ",  # a card's sign-off inside a sentence
    "I'm Thabo, and I have decided to keep a d",  # "I'm X" written, not said: a part in a play as often
}
LEFT_PARENT = {
    "Dad came round for Sunday dinner. The kid",  # nothing says who Grandad is
    "Mum is staying with us this week. My daug",  # "calls her Nana" read as her Nana, no one
    "Dad turned seventy today. My kids made hi",
    "My father, Grandad to my three, turned ei",  # "my father": which word the writer calls him is not said
    "My mother, Ouma to my daughters, turned s",
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("entries, name", WRITER, ids=param_ids(WRITER, label=_id))
def test_the_writer_called_by_their_own_name_is_the_writer(db, entries, name):
    with Memory(db) as memory:
        _add(memory, entries)
        holders = _holders(memory)
    held = _writer_holds(holders, name) and not any(not mine and name.lower() in names for mine, names in holders)
    assert held != _left(entries, LEFT_WRITER), holders


@pytest.mark.sqlite_only
@pytest.mark.parametrize("entries, grand, parent", PARENT, ids=param_ids(PARENT, label=_id))
def test_the_grandchildrens_word_for_the_writers_parent_is_that_parent(db, entries, grand, parent):
    with Memory(db) as memory:
        _add(memory, entries)
        holders = _holders(memory)
    assert _one_holds(holders, grand, parent) != _left(entries, LEFT_PARENT), holders


@pytest.mark.sqlite_only
@pytest.mark.parametrize("entries, name", NOT_WRITER, ids=param_ids(NOT_WRITER, label=_id))
def test_one_called_what_the_writer_is_called_is_not_the_writer(db, entries, name):
    with Memory(db) as memory:
        _add(memory, entries)
        holders = _holders(memory)
    assert not _writer_holds(holders, name), holders


@pytest.mark.sqlite_only
@pytest.mark.parametrize("entries, grand, parent", APART, ids=param_ids(APART, label=_id))
def test_a_grandparent_who_is_not_the_writers_parent_stays_apart(db, entries, grand, parent):
    with Memory(db) as memory:
        _add(memory, entries)
        holders = _holders(memory)
    assert not _one_holds(holders, grand, parent), holders


def test_the_set_is_large_enough():
    assert len(WRITER) + len(PARENT) >= 40 and len(NOT_WRITER) + len(APART) >= 25


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 6th case of each kind, each in a memory of its own, on both backends."""
    for i, (entries, name) in enumerate(WRITER[::6]):
        with Memory(store_on(backend, request, tmp_path, f"w{i}")) as memory:
            _add(memory, entries)
            holders = _holders(memory)
        assert (_writer_holds(holders, name) and not any(not m and name.lower() in n for m, n in holders)) != (
            _left(entries, LEFT_WRITER)), holders
    for i, (entries, grand, parent) in enumerate(PARENT[::6]):
        with Memory(store_on(backend, request, tmp_path, f"p{i}")) as memory:
            _add(memory, entries)
            assert _one_holds(_holders(memory), grand, parent) != _left(entries, LEFT_PARENT)
    for i, (entries, name) in enumerate(NOT_WRITER[::6]):
        with Memory(store_on(backend, request, tmp_path, f"n{i}")) as memory:
            _add(memory, entries)
            assert not _writer_holds(_holders(memory), name)
    for i, (entries, grand, parent) in enumerate(APART[::6]):
        with Memory(store_on(backend, request, tmp_path, f"a{i}")) as memory:
            _add(memory, entries)
            assert not _one_holds(_holders(memory), grand, parent)
