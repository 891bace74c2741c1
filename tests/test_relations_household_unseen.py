"""The writer's own household told without kin words, on text never seen: a spouse or partner the writer shares an
anniversary, the children, the bedtimes and "we" with; children by the school run, bedtime, "the kids" and their ages;
"<Name>'s parents'" and the people at their house. Written for this test (none from the corpus or a benchmark) in several
Englishes (Irish, Scottish, English, Welsh, American, Australian, Indian, South African, Nigerian), diaries, letters and
notes, single- and multi-entry, read by the whole pipeline. Each text has the ties a careful reader states (`want`) and
the household's other ties, which a reader may state or leave (`also`). A tie is stated when read at or above
people.FACT. Nothing else may be stated: the traps (a lodger, a flatmate, a colleague who drives the writer, a
brother-in-law at the anniversary dinner, a widow's late husband's anniversary with a friend, a friend's children at a
sleepover, a divorced parent, a child's friend staying over, a grandparent's school run) state no spouse or child."""
import pytest

from remembrancer import Memory

from conftest import add_said, check_ties, said_label, show_ties, stated_ties, store_on, tie_is

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2025-03-08"
SPOUSE = "husband|wife|spouse|partner"
PARENT = "father|mother|parent"
CHILD = "son|daughter|child"
SIBLING = "brother|sister|sibling"
NOT_YET = pytest.mark.xfail(strict=True, reason="not read yet (relrec11's findings)")


def home(spouse=None, kids=(), want=(), also=()):
    """A household's ties: the spouse and children of the writer wanted, and every tie among them allowed."""
    ties = ([(spouse, SPOUSE, "me")] if spouse else []) + [(k, CHILD, "me") for k in kids] + list(want)
    allowed = [("me", SPOUSE, spouse)] if spouse else []
    allowed += [("me", PARENT, k) for k in kids]
    if spouse:
        allowed += [t for k in kids for t in ((spouse, PARENT, k), (k, CHILD, spouse))]
    allowed += [(a, SIBLING, b) for a in kids for b in kids if a != b]
    return ties, allowed + list(also)


def case(said, spouse=None, kids=(), want=(), also=(), marks=()):
    ties, allowed = home(spouse, kids, want, also)
    return pytest.param(said, ties, allowed, marks=marks, id=said_label(said))


HOUSEHOLDS = [
    # a spouse by anniversary, the children by the school run and bedtime (Irish)
    case(["Ten years married today. Declan booked a table in Kinsale and Mam had the kids overnight. He said he'd "
          "marry me again tomorrow, the eejit.",
          "Brought Saoirse and Cathal to school in the lashing rain, then straight into work.",
          "Saoirse lost a tooth at bedtime. Cathal is raging he has none to lose. Declan is the tooth fairy tonight."],
         "Declan", ["Saoirse", "Cathal"], also=[("Mam", "mother", "me")], marks=NOT_YET),
    # Scottish: "X and I" with the bairns, and bedtime
    case(["Euan and I took the bairns to Crail for the day. Isla and Callum were in the sea by ten, blue by eleven.",
          "Put Isla and Callum to bed early, they were wrecked. Euan fell asleep on the couch with the telly on."],
         "Euan", ["Isla", "Callum"], marks=NOT_YET),
    # American: an anniversary, the kids made the card
    case(["Our anniversary! Twenty years with Mike. The kids made us a card, Emma drew the cake and Tyler wrote a poem "
          "that rhymed 'love' with 'glove'. Mike cried a little. We ate pizza on the porch.",
          "Dropped Emma and Tyler at school and drove to Columbus for the conference."],
         "Mike", ["Emma", "Tyler"], marks=NOT_YET),
    # Australian: parent-teacher night, the school run
    case(["Parent-teacher night for Lachlan. Mrs Nguyen reckons he's a chatterbox. Bec says he gets that from me.",
          "Took Lachlan and Ruby to swimming. Bec was on the late shift, so Lachlan, Ruby and I got fish and chips at "
          "the beach."],
         "Bec", ["Lachlan", "Ruby"], marks=NOT_YET),
    # Indian English: dropped to school, an anniversary
    case(["Dropped Aarav and Diya to school and then went to office. Meera's parents are coming from Nagpur tomorrow "
          "so Meera is cleaning the whole flat.",
          "Our anniversary today, fifteen years. Meera and I went for dinner at the Taj while her mother minded Aarav and "
          "Diya."],
         "Meera", ["Aarav", "Diya"], marks=NOT_YET),
    # South African: years married, the first day at school
    case(["Sipho and I celebrated eight years married tonight. My mom watched Lwazi and Ayanda.",
          "Lwazi's first day at big school. Ayanda cried at the gate, Lwazi didn't look back once. Sipho took a hundred "
          "photos."],
         "Sipho", ["Lwazi", "Ayanda"], marks=NOT_YET),
    # a same-sex couple, two women
    case(["Our anniversary today, five years since Sarah and I stood up in the registry office in Leeds. She still "
          "hates the photos.",
          "Took Ollie to nursery. Sarah did bath and bedtime because I had the quarterly figures to finish."],
         "Sarah", ["Ollie"], marks=NOT_YET),
    # a same-sex couple, two men, one entry
    case("Twelve years married today. Marcus booked the place in Brighton where we had the meal the night before the "
         "wedding, and he said he'd do it all again, only with a better DJ.", "Marcus", marks=NOT_YET),
    # Welsh: Sunday dinner at the spouse's parents'
    case(["Sunday dinner at Gareth's parents'. Megan did the beef and Dilwyn carved it like he was on the telly. Elis "
          "and Cerys had three puddings each.",
          "Gareth took Elis and Cerys to the rugby club in the morning. Put Cerys to bed at seven, Elis at eight.",
          "Our anniversary. Gareth forgot, then pretended he hadn't."],
         "Gareth", ["Elis", "Cerys"], also=[("Megan", "mother|grandmother|mother-in-law", "*"),
                                            ("Dilwyn", "father|grandfather|father-in-law", "*"),
                                            ("Dilwyn", SPOUSE, "Megan"), ("Megan", SPOUSE, "Dilwyn")], marks=NOT_YET),
    # Nigerian English: the PTA meeting, holidays
    case(["Tunde and I went for the PTA meeting at the children's school. Kemi's teacher said she is doing very well.",
          "Kemi and Dayo are on holiday from school. Tunde is taking them to Ibadan on Friday.",
          "Put Kemi and Dayo to bed and sat with Tunde on the veranda. Nineteen years married next week."],
         "Tunde", ["Kemi", "Dayo"], marks=NOT_YET),
    # English: bedtimes
    case(["Bedtime battle again. Freddie wanted three stories and Maisie wanted none. Tom read them both in the end.",
          "Took Freddie and Maisie to school, then the dentist. Tom and I had a rare lunch out."],
         "Tom", ["Freddie", "Maisie"], marks=NOT_YET),
    # a letter home: the house, the kids
    case("Dear Auntie Pat,\n\nThe house is finally done. Steve put up the last of the shelves on Saturday and the kids "
         "have their own rooms at last. Jack has covered his in football posters and Ella wants hers painted purple. "
         "Steve and I are shattered but happy.\n\nLove,\nKaren", "Steve", ["Jack", "Ella"], also=[("Pat", "aunt", "*")], marks=NOT_YET),
    # American: date night after the twins
    case(["Date night with Jason for our anniversary, the first since the twins. Grandma watched Lily and Noah.",
          "Lily and Noah are six months today. Jason and I are running on fumes."],
         "Jason", ["Lily", "Noah"], also=[("Grandma", "*", "*")], marks=NOT_YET),
    # Irish: the school run and homework
    case(["Collected Niamh and Rory from school. Niamh's homework took an hour and ended in tears, mine.",
          "Fergus and I took Niamh and Rory to Tramore for the day. Rory ate sand."],
         "Fergus", ["Niamh", "Rory"], marks=NOT_YET),
    # Canadian: a hockey parent
    case(["Drove Owen to hockey at six in the morning. Claire had him the last three Saturdays so it was my turn.",
          "Owen's first goal! Claire and I screamed so loud the coach looked over. Put Owen to bed still in his jersey."],
         "Claire", ["Owen"], marks=NOT_YET),
    # an older couple: anniversary and the grown children
    case(["Forty years married today. Bill took me to the Grand for lunch and the staff brought out a cake.",
          "Bill and I drove down to see the new house. Forty years and he still can't read a map."],
         "Bill"),
    # Yorkshire: "the kids" and the spouse
    case(["Gav took the kids to his mum's so I could get the decorating done. Harvey and Poppy came back with a bag "
          "of sweets each.",
          "Put Harvey and Poppy to bed and Gav and I watched the match."],
         "Gav", ["Harvey", "Poppy"], marks=NOT_YET),
    # American: the school run, "X and I"
    case(["Picked up Jayden from daycare early, he had a fever. Marcus and I took turns walking him around all night.",
          "Jayden's fever broke. Marcus and I slept till nine, a miracle."],
         "Marcus", ["Jayden"], marks=NOT_YET),
    # Scottish: a wedding anniversary and a wean
    case(["Our wedding anniversary. Stuart got flowers from the garage again. Put Eilidh to bed and we had a curry.",
          "Took Eilidh to nursery then to the dentist myself. Stuart on nights all week."],
         "Stuart", ["Eilidh"], marks=NOT_YET),
    # Irish: the spouse's parents and their house
    case(["Christmas dinner at Liam's parents'. Maura had the turkey in since dawn and Joe carved. Liam fell asleep "
          "in the armchair by four.",
          "Liam and I brought Clodagh to school for her first day. She didn't even wave."],
         "Liam", ["Clodagh"], also=[("Maura", "mother|grandmother|mother-in-law", "*"),
                                    ("Joe", "father|grandfather|father-in-law", "*"),
                                    ("Joe", SPOUSE, "Maura"), ("Maura", SPOUSE, "Joe")], marks=NOT_YET),
    # Australian: the kids by age
    case(["Mia turned seven today. Pancakes for breakfast and a party at the park. Josh did the sausage sizzle.",
          "Took Mia to school, Josh did the afternoon run. Josh and I had a quiet tea once she was down."],
         "Josh", ["Mia"]),
    # a letter to a friend abroad
    case("Dear Helen,\n\nThings are good here. Rob and I finally had our anniversary trip, three days in Bruges, while "
         "his mother had the boys. Alfie and Sam were spoiled rotten and came home two pounds heavier each. Rob sends "
         "his love.\n\nAll my love,\nJo", "Rob", ["Alfie", "Sam"], marks=NOT_YET),
    # Indian English: a spouse and in-laws, the school run
    case(["Anjali's parents came for Diwali. Her father brought enough sweets for the whole building. Anjali and I "
          "stayed up past midnight.",
          "Dropped Kabir to school, then to office. Anjali has the car today."],
         "Anjali", ["Kabir"], marks=NOT_YET),
    # English: the nursery and bath time
    case(["Took Archie to nursery. Dan did the pick-up and bath time so I could go to yoga.",
          "Dan and I took Archie to the zoo. Archie liked the penguins best."],
         "Dan", ["Archie"], marks=NOT_YET),
    # American: the anniversary and the kids
    case(["Fifteen years married today. Dave made breakfast and the kids made a sign. Maddie spelled anniversary with "
          "two Ns and Ben colored it in.",
          "Took Maddie and Ben to soccer. Dave and I sat in the car with coffee."],
         "Dave", ["Maddie", "Ben"], marks=NOT_YET),
    # Welsh: bedtime and the school run
    case(["Put Osian and Mali to bed and read them the Gruffalo in Welsh. Rhodri did the dishes.",
          "Took Osian and Mali to school. Rhodri and I went to the garden centre after."],
         "Rhodri", ["Osian", "Mali"], marks=NOT_YET),
    # Scottish: a lone parent's household
    case(["Took Callum and Kirsty to school in the sleet. Callum forgot his PE kit again.",
          "Put Callum and Kirsty to bed early. Kirsty wants a dog for her birthday."],
         kids=["Callum", "Kirsty"]),
    # South African: a spouse and the kids' school
    case(["Thabo and I went to the school concert. Naledi sang the solo and Kagiso played drums.",
          "Dropped Naledi and Kagiso at school. Thabo is in Joburg till Friday."],
         "Thabo", ["Naledi", "Kagiso"], marks=NOT_YET),
    # English: "the kids" named
    case(["Half term. Took the kids to the coast, Ruby and Finn, and Sam drove. Finn was sick in the car.",
          "Put Ruby and Finn to bed and Sam and I watched a film."],
         "Sam", ["Ruby", "Finn"], marks=NOT_YET),
    # American: a husband at home, the kids' ages
    case(["Ethan is ten today. We had his friends over for laser tag. Chris manned the grill.",
          "Took Ethan and Grace to the dentist. Chris and I celebrated seventeen years married with takeout."],
         "Chris", ["Ethan", "Grace"]),
]

# Traps: no spouse or child is stated but the one the words say (`want`, kept to ties read before this round)
TRAPS = [
    # a lodger
    pytest.param(["Our lodger Dave came in late again and woke the whole house.",
                  "Dave and I had a cup of tea in the kitchen before work. He's moving out in June."],
                 [], [("Dave", "lodger", "me")], id="a lodger"),
    # a flatmate
    pytest.param(["Priya and I cooked a curry for the whole flat tonight. Priya's been my flatmate since uni.",
                  "Priya and I went to the pub quiz and came last. Home by eleven."],
                 [], [("Priya", "flatmate", "me")], id="a flatmate"),
    # a colleague who drives the writer
    pytest.param(["Gary drove me home from work again, his car's warm at least.",
                  "Gary picked me up at eight. We listened to the cricket all the way to the office. Gary and I are the "
                  "only two who still bring a packed lunch."], [], [], id="a colleague who drives"),
    # a brother-in-law at the anniversary dinner
    pytest.param("Our anniversary dinner at the Italian. My sister Kate and her husband Rob came too, and Rob paid, "
                 "which was a first.", [], [("Kate", "sister", "me"), ("Rob", "husband", "Kate"),
                                            ("Rob", "brother-in-law", "me")], id="a brother-in-law at the anniversary"),
    # a widow's late husband, and the friend who drives her
    pytest.param(["Frank's anniversary Mass this morning, twelve years gone. Bill drove me to the church and we had "
                  "lunch after at the hotel.", "Bill and I went to the garden centre. Frank would have loved the roses."],
                 [], [("Frank", SPOUSE, "me")], id="a widow's late husband"),
    # a friend's children at a sleepover
    pytest.param("Sleepover chaos. Zara's two, Ava and Finn, stayed the night. Put all four to bed at ten and they "
                 "talked till one.", [], [("Ava", SIBLING, "Finn"), ("Finn", SIBLING, "Ava"), ("Ava", CHILD, "Zara"),
                                          ("Finn", CHILD, "Zara")], id="a friend's children at a sleepover"),
    # a divorced parent
    pytest.param(["Dropped Mia at her dad's for the weekend. Craig and his new wife have done up the spare room for her.",
                  "Mia's back from Craig's. She loves her new bedroom there."],
                 [], [("Mia", CHILD, "me"), ("Mia", CHILD, "Craig"), ("Craig", PARENT, "Mia"),
                      ("Craig", "ex-husband|ex-partner|ex-spouse", "me")], id="a divorced parent"),
    # a child's friend staying over
    pytest.param(["Leo's friend Sam stayed over. Put the two of them to bed at nine and they talked till midnight.",
                  "Took Leo to school. Sam's mum collected him from ours at eight."],
                 [], [("Leo", CHILD, "me"), ("Sam", "friend", "Leo")], id="a child's friend staying over"),
    # a grandparent's school run
    pytest.param(["Took Maddie and Jack to school for Karen, she's on earlies this week. They're getting so big.",
                  "Karen collected Maddie and Jack at six. I'm shattered, but I wouldn't miss it."],
                 [], [("Maddie", CHILD, "Karen"), ("Jack", CHILD, "Karen"), ("Maddie", SIBLING, "Jack"),
                      ("Jack", SIBLING, "Maddie"), ("Maddie", "granddaughter", "me"), ("Jack", "grandson", "me")],
                 id="a grandparent's school run"),
    # a childminder
    pytest.param(["I collect Lucas and Evie from school every day at three and mind them till their mum gets in.",
                  "Lucas and Evie made pizzas with me. Their dad Andy was late picking them up."],
                 [], [("Andy", PARENT, "Lucas"), ("Andy", PARENT, "Evie"), ("Lucas", SIBLING, "Evie"),
                      ("Evie", SIBLING, "Lucas")], id="a childminder"),
    # an au pair
    pytest.param(["Our au pair Lena put the kids to bed tonight. Lena and I had a glass of wine after."],
                 [], [("Lena", "au pair|nanny", "me")], id="an au pair"),
    # a brother on a trip with the writer
    pytest.param(["Kev and I took Mam to Knock. The two of us shared a room and Kev snored like a tractor.",
                  "Kev drove Mam home and I got the train."], [], [("Mam", "mother", "me")], id="two sharing a room"),
    # a friend's long friendship
    pytest.param(["Linda and I did the parkrun and had breakfast after. Twenty years of friendship this month.",
                  "Linda and I went to the cinema. She cried at the trailers."], [], [], id="a friend of twenty years"),
    # the neighbours' anniversary
    pytest.param("Jim and Ann next door had their fiftieth anniversary party. We brought a cake and Jim made a speech.",
                 [], [("Jim", SPOUSE, "Ann"), ("Ann", SPOUSE, "Jim"), ("Jim", "neighbour", "me"),
                      ("Ann", "neighbour", "me")], id="the neighbours' anniversary"),
    # a teacher's pupils
    pytest.param(["Marked thirty essays tonight. Ethan and Grace in 5B are the only ones who used paragraphs.",
                  "Took Ethan and Grace to the regional spelling bee. Grace came second."],
                 [], [("Ethan", "pupil|student", "me"), ("Grace", "pupil|student", "me")], id="a teacher's pupils"),
    # a colleague's children
    pytest.param("Raj brought his kids to the office party, Anika and Dev. Anika ate all the sausage rolls.",
                 [], [("Anika", CHILD, "Raj"), ("Dev", CHILD, "Raj"), ("Anika", SIBLING, "Dev"), ("Dev", SIBLING, "Anika"),
                      ("Raj", "colleague", "me")], id="a colleague's children"),
    # dinner at a friend's parents'
    pytest.param("Dinner at Liam's parents' with the rest of the band. His mum made lasagne and his dad showed us his "
                 "records.", [], [], id="a friend's parents"),
    # grown siblings home for Christmas
    pytest.param("Home for Christmas at Mum and Dad's. Tom, Lucy and I in our old rooms like we never left.",
                 [], [("Mum", "mother", "me"), ("Dad", "father", "me"), ("Tom", "*", "*"), ("Lucy", "*", "*"),
                      ("Mum", SPOUSE, "Dad"), ("Dad", SPOUSE, "Mum")], id="siblings home for Christmas"),
    # a carer
    pytest.param(["Sandra the carer came at eight and got Mum washed and dressed. Sandra and I had a coffee after.",
                  "Sandra came back at six and put Mum to bed."], [], [("Mum", "mother", "me"), ("Sandra", "carer", "*")],
                 id="a carer"),
    # a niece staying over
    pytest.param("My niece Orla stayed over. Put her to bed at nine after three stories, and took her to school in "
                 "the morning.", [("Orla", "niece", "me")], [], id="a niece staying over"),
    # a godson's school run
    pytest.param(["Took my godson Finn to school, his mum's in hospital. Finn didn't say a word the whole way.",
                  "Put Finn to bed at eight. Tomorrow his nan comes."], [], [("Finn", "godson", "me")], id="a godson"),
    # a boss's anniversary
    pytest.param("Mr Patel's anniversary party at the restaurant. Ravi and I did the speeches, since we've worked for "
                 "him longest.", [], [("Mr Patel", "boss|employer", "*")], id="the boss's anniversary"),
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", HOUSEHOLDS)
def test_the_household_is_stated(db, said, want, also):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        check_ties(memory, want, also)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, want, also", TRAPS)
def test_no_spouse_or_child_where_there_is_none(db, said, want, also):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        check_ties(memory, want, also)


def test_a_household_read_the_same_on_both_backends(backend, request, tmp_path):
    said, want, also = next(p.values for p in HOUSEHOLDS if not p.marks and "Josh" in p.values[0][0])  # a spouse and a child
    with Memory(store_on(backend, request, tmp_path, "household")) as memory:
        add_said(memory, said, AT)
        check_ties(memory, want, also)


@pytest.mark.sqlite_only
def test_a_sign_alone_is_kept_apart_and_is_no_tie(db):
    """"Linda and I" is a sign of a spouse, and as often of a friend: kept, but no tie, not even a "perhaps" one."""
    with Memory(db) as memory:
        memory.add("Linda and I did the parkrun and had breakfast after.", at=AT)
        assert memory.query("SELECT how FROM household_signs")[0]["how"] == "home-and-i"
        assert not memory.query("SELECT 1 FROM relations")



def test_a_household_tie_the_owner_unsays_stays_unsaid(backend, request, tmp_path):
    """The person is the authority: a spouse read from the household's signs, once unsaid, is shown nowhere, and
    not again when more entries bring more signs."""
    def spouses(memory):
        return [r for r in memory.person("Bill")["relations"] if r["relation"].lower() in SPOUSE.split("|")]

    with Memory(store_on(backend, request, tmp_path, "household-unsaid")) as memory:
        add_said(memory, ["Forty years married today. Bill took me to the Grand for lunch and the staff brought out a cake.",
                          "Bill and I drove down to see the new house. Forty years and he still can't read a map."], AT)
        spouse = [t for t in stated_ties(memory) if tie_is(("Bill", SPOUSE, "me"), t)]
        assert spouse and spouses(memory), show_ties(stated_ties(memory))
        memory.unrelate("Bill", spouse[0][1], "me")
        assert not spouses(memory)
        add_said(memory, ["Our anniversary again. Bill and I had the soup at the Grand.",
                          "Bill and I took the caravan to Whitby. Forty-one years married in June."], "2025-04-01")
        assert not spouses(memory), spouses(memory)
