"""No false death on text never seen: sentences written for this test, in several Englishes (British, Irish, American,
South African, Indian, Australian), in diaries, letters and chats, read by the whole pipeline. A death is STATED when
it is read at or above people.FACT; below it, it is only "perhaps". Nobody living may be stated dead; a death told
as people tell it must be read, at least as "perhaps", of the right person."""
import pytest

from remembrancer import Memory
from remembrancer.people import FACT

from conftest import add_said, param_ids, stated_ties, store_on, tie_is, unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2024-06-03"

# (text or chat turns, the names already dead the text may rightly state dead)
LIVING = [
    # figurative
    ("Tuesday. Ran the half marathon with Priya. I'm dead. Legs like jelly.", ()),
    ([("Kofi", "you're killing me 😂"), ("Ama", "Seriously Kofi stop, I'm dying here")], ()),
    ("This traffic on the N2 is killing me. Sipho says the robots are out again at Grayston.", ()),
    ("If Mam finds out about the dent in the car she'd kill me. Ciarán says to blame the hurling club.", ()),
    ("Dead on my feet after a double shift. Deepa covered the last hour for me, bless her.", ()),
    ("The car died on the M6 outside Stafford. Gareth came out with the jump leads.", ()),
    ("My phone died halfway through the call with Aunty Lakshmi so now she thinks I hung up on her.", ()),
    ("Sad news: the peace lily Brenda gave me has passed away. Too much water, apparently.", ()),
    ("Siobhan wants to paint the hall orange. Over my dead body.", ()),
    ("As far as I'm concerned Darren is dead to me after what he said at the barbecue.", ()),
    ("Shane's new ute is to die for. Took it out to Bondi with Kylie on Sunday.", ()),
    ("Meena's biryani was a killer. Rohan nearly died laughing when Papa tried the chilli.", ()),
    ("Our old laptop finally died, so Nomvula lent me hers for the exam.", ()),
    ("Jake was dying to tell everyone about the promotion, so he told Kayla first.", ()),
    ("Killed it at the interview today! Nisha says I'm a shoo-in.", ()),
    ("Marcus absolutely murdered that karaoke song at Declan's fortieth.", ()),
    ("Tasha is dead set on moving to Perth next year.", ()),
    ("Uncle Gopal's jokes will be the death of me. Anjali laughed till she cried.", ()),
    # hypothetical, feared, dreamed, planned
    ("When Mum didn't answer for two days I thought she'd died. She'd only dropped her phone in the bath.", ()),
    ("Frank keeps saying that if Dad dies the farm goes to the bank.", ()),
    ("I dreamt Gran died and woke up crying. Rang her first thing and she was grand.", ()),
    ("I'd die for her, my Aisha.", ()),
    ("Scared Grandpa Joe will die before the baby comes. The doctors say his heart is weak.", ()),
    ("Signed my will today. If I die before Anjali, everything goes to her and the boys.", ()),
    ("Filled in the life insurance form for Bruce tonight. Cause of death, beneficiary, all that cheerful stuff.", ()),
    ("Kevin said he nearly died when the ladder slipped.", ()),
    ("Auntie Thandi could have died in that crash, the paramedic said. She's home now with a sore neck.", ()),
    ("What if Lily dies in surgery tomorrow? I can't stop thinking about it.", ()),
    ("Dad says when he dies he wants to be scattered off the pier at Howth.", ()),
    # others': a character, the famous, a pet, a stranger, one whose kin died
    ("Finished the book last night. Beth dies near the end and I cried like a baby. Emma laughed at me.", ()),
    ("In the show Ned Stark was beheaded in the first season. Callum still hasn't forgiven the writers.", ()),
    ("Read about Winston Churchill, who died in 1965. Granddad Alf remembers the funeral on the telly.",
     ("Winston Churchill",)),
    ("Our cat Mittens died this morning. Jess is heartbroken.", ()),
    ("A man was killed on the Coast Road last night, the paper says. Rachel drives that way every day.", ()),
    ("Met Chloe at the school gate. Her father died in May and she's doing the school run alone.", ()),
    ("Sam rang to say his gran had died.", ()),
    ("Lerato's neighbour passed away on Sunday and she's been helping the family with the food.", ()),
    ("Priya's husband died in 2019. She runs the shop on her own now.", ()),
    ("Mrs Okafor's son was killed in a motorbike accident, so Tunde is covering her classes.", ()),
    ("Jenny's dad, who died in 2005, would have loved this wedding.", ()),
    # remembrance of one already dead
    ("Ten years today since Dad died. Went up to the grave with Michelle and left some daffodils.", ("Dad",)),
    ("Went to Aunty Pam's funeral with Neil. He gave a lovely reading.", ("Aunty Pam", "Pam")),
    ("Visited Nana's grave with Conor. He cleaned the headstone and we had a cry.", ("Nana",)),
    ("Lit a candle for Grandad on his anniversary. Lorraine came round after with a bottle of wine.", ("Grandad",)),
    # reported speech, a question, a rumour
    ("Did Brian die? Somebody on Facebook said so but Tanya says it's rubbish.", ()),
    ("Is it true that Mrs Kowalski died? Nobody at church would say.", ()),
    ("'I'm going to die of embarrassment,' said Harriet when her mum turned up at the disco.", ()),
    # a death's nouns and rites beside the living: who goes, carries, speaks, grieves
    ("Paddy's at a funeral in Galway today so I'm minding the shop.", ()),
    ("Tom's funeral suit doesn't fit him any more. Sorted him out at Marks.", ()),
    ("Sinead carried the coffin with her brothers. Danny gave the eulogy and nobody could speak after.", ()),
    ("Sent my condolences to Fiona. Sorry for your loss doesn't cover it.", ()),
    ("Went to Mam's anniversary Mass with Aoife and we had the soup after.", ("Mam",)),
    ("Gary the stonemason finished the headstone. He did a lovely job of the lettering.", ()),
    ("Jess is doing the flowers for the Murphy funeral on Saturday.", ()),
    ("RIP Dave's dignity after that karaoke.", ()),
    # dead and late as intensifiers and times; lost, passed, gone of the living
    ("Ruairi is dead keen on the surfing this summer.", ()),
    ("Karen was dead serious about the new job in Cork.", ()),
    ("Jack is dead good at maths, Mrs Ahmed says.", ()),
    ("Met Ciara's late husband's brother Tom at Mass. Lovely man.", ()),
    ("Maeve has been a widow since 2010 and she still plays golf every Tuesday.", ()),
    ("Dad lost his job at the mill and Gran lost her glasses again.", ()),
    ("We lost to Kilkenny in the final. Seamus was gutted.", ()),
    ("We lost Bella to Australia. She's loving Brisbane.", ()),
    ("Barry passed out at the party after one cider.", ()),
    ("Arjun passed out of IIT in 2015 and joined Infosys.", ()),
    ("Bongani passed matric with three distinctions!", ()),
    ("Kieran's gone to Australia for a year.", ()),
    ("Mike left us for a job in Dubai. The office is quiet without him.", ()),
    ("The party died when Ollie's mum came in.", ()),
    ("Dave's licence expired in March, so Nicola drove.", ()),
    # done to them and survived, or done by them
    ("Ryan tried to kill himself in March. He's doing better now.", ()),
    ("Jayden was shot in the leg outside the store but he's okay.", ()),
    ("Our neighbour's boy Kyle was stabbed on Friday. He's out of intensive care now.", ()),
    ("Grandad is dying. The nurses say days, not weeks.", ()),
    ("Leanne drowned her chips in vinegar and Connor killed the spider in the bath.", ()),
    ("Arthur died on Monday. He is survived by his wife Joan and their daughters Ann and Sue.", ("Arthur",)),
    ("Kerry survived the crash that killed her brother.", ()),
    # a name said beside the death of another
    ("Chloe lost her mum in March. She's back at work on Monday.", ()),
    ("Frank's wife died at Christmas. He's selling the house.", ()),
    ("Tom's dad died last week. He's taking it very hard.", ()),
    ("Zanele phoned: her grandfather passed away in Soweto on Tuesday.", ()),
    ("Uncle Jim died in 2010. Jim from next door helped me with the fence today.", ("Uncle Jim",)),
    # longer: the living beside a death told of someone else, through pronouns and possessives
    ("Mum rang. Her cousin Bernie died on Sunday. She's going over for the funeral.", ("Bernie",)),
    ("Took Gran to see Grandad's grave. She was quiet all the way home. She said she'd like to be buried beside him.",
     ("Grandad",)),
    ("Dad was in great form today. He told us again about the night his brother Eamon drowned off Bundoran in 1971.",
     ("Eamon",)),
    ("Lunch with Helen. Her husband Rob died two years ago and she's only now clearing his things. She gave me his rod.",
     ("Rob",)),
    ("Visited Mrs Naidoo. Her husband passed last year and she still sets his place at the table.", ()),
    ("Priya came round. We talked about her nani, who died when Priya was ten.", ()),
    ("Auntie Grace phoned from Lagos. Uncle Femi's brother has died. She wants us to send money for the burial.", ()),
    ("Jason's mum died when he was six. He was raised by his nan in Croydon.", ()),
    ("Seeing Rahul tonight. His father passed away last month and he hasn't been himself.", ()),
    ("Went round to Noreen's. It's a year since Dessie died and she's started on the garden again.", ("Dessie",)),
    ([("Lauren", "did you hear Matt's grandad died?"), ("Sophie", "omg no, poor Matt"),
      ("Lauren", "funeral's on Thursday, Matt's doing a reading")], ()),
    ("Dear Dad,\n\nMum's doing OK. She misses you. Ger got the job in Limerick. We put flowers on your grave on Sunday."
     "\n\nYour loving daughter,\nAisling", ("Dad",)),
    ("Dear Nana,\n\nSince you died Mum has moved into your house and Ronan has the dog.\n\nLove, Orla", ("Nana",)),
    ("Oisin's granny died on Friday. He's off school all week.", ()),
    ("Nadia's dog Bruno died. She buried him in the garden under the apple tree.", ()),
    ("Adam killed himself in 2016. His sister Eve still can't talk about it.", ("Adam",)),
    ("Five years since Liam died. His mum Bridget rang and we both cried.", ("Liam",)),
    ("Joan's husband is dead now, so she lives alone in the bungalow.", ()),
    ("Ravi is the only one of the brothers still living; Suresh and Mohan died years ago.", ("Suresh", "Mohan")),
    ("Sheila outlived all her sisters. She's ninety-eight and sharp as a tack.", ()),
    ("Chris lost his wife to cancer in 2018.", ()),
    ("Bea lost her baby at twenty weeks. Sean is trying to hold it together.", ()),
    ("Carmel buried her husband in June and she's back at the choir already.", ()),
    ("Sipho is mourning his father. We took him some food on Sunday.", ()),
    (["Grandad Joe died in 2012.", "Joe from work came to dinner with his wife Mel."], ("Grandad Joe",)),
    # he or she after a noun for someone unnamed, said after a name: the unnamed one's death
    ('Sarah told me about her neighbour. She died on Friday.', ()),
    ('Dave told me about his old boss. He died last week.', ()),
    ('Chatted to Liz about her mum. She died in March.', ()),
    ('Rang Emma. Her dad has been poorly for months. He died last night.', ()),
    ('Mum rang about Auntie Val. She died on Tuesday.', ('Auntie Val',)),
    ("Kev's brother had a stroke. He died on the way to hospital.", ()),
    ('Went to see Gran. Her friend from the bingo died in the night, she said.', ()),
    ("Jo's been in bits. Her cat died and then her nan.", ()),
    ('Tony came round. His father passed away when he was twelve.', ()),
    ("I met Anna at the grief group. Her husband died of a heart attack last year. She's lovely.", ()),
    ('Saw Mr Doyle in town. His wife died at Easter. He looked lost.', ()),
    ('Phoned Siobhan. Her brother Declan died in a car crash when they were kids. She still has his bike.', ('Declan',)),
    ("Peter's uncle was a miner. He was killed in a rockfall in 1962.", ()),
    ("Helen's grandfather fought at the Somme. He died there.", ()),
    ("Ali's wife is a nurse. She looked after Granny when she died.", ('Granny',)),
    ('Had tea with Maureen. We talked about Frank. He died ten years ago this week.', ('Frank',)),
    ("Nikhil's father-in-law passed away. Nikhil is handling the paperwork.", ()),
    ('Spoke to Rachel after the service. Her mum died on Tuesday, peacefully.', ()),
    ('Ellie brought her baby round. Her own mum died when Ellie was born.', ()),
    ('Kath looked after her husband for years. When he died she sold the house.', ()),
    # whose: a name beside the death of one of theirs
    ("Called in on Mrs Byrne, whose husband died in the spring. She had the kettle on before I'd my coat off.", ()),
    ('My friend Kelly, whose son was killed in Afghanistan, rang today. She sounded well.', ()),
    ("Rang Dad. He's been clearing out Mum's things since she died.", ('Mum',)),
    ("Eilish has been to three funerals this month. She says she's next, the way her knees are.", ()),
    ("Dear Gran,\n\nPaddy asked about you today. I told him you died when he was a baby. He's four now.\n\nLove, Niamh", ('Gran',)),
    ("Fatima's husband was murdered in 2015. She's a judge now.", ()),
    ('The widow across the road, Mrs Venter, brought us melktert.', ()),
    ("Thandeka's late husband's car is still in the garage. She won't sell it.", ()),
    ('Ravi died his hair green for the match. Shreya nearly had a heart attack.', ()),
    ("Nisha's grandfather is no more a smoker, thank God.", ()),
    ("Mike died a little inside when Stacey said no. He'll live.", ()),
    ('Abdul passed his driving test on the third go! Khadija cried.', ()),
    # a second clause, a belief, a rumour, a namesake's son, the bereaved
    ('Mum and Dad came over. Dad told us his cousin had died in Canada. He was only sixty.', ()),
    ('Grandad told me about the war. His best friend was killed at Dunkirk. He never got over it.', ()),
    ('Chris phoned about his dad. He died this morning.', ()),
    ([('Amy', 'my nan died last night'), ('Beth', 'omg amy im so sorry')], ()),
    ("'I wish I was dead,' said Gran, and then she laughed.", ()),
    ("Mum thinks Auntie Pat is dead but she's just not answering her phone.", ()),
    ('Everyone thought Jimmy was dead but he turned up in Leeds.', ()),
    ('There were rumours that Sean had died in Spain. He rang me tonight, alive and well.', ()),
    ('Uncle Bob is not dead, whatever Facebook says.', ()),
    ("Dad's will says Sean gets the farm when he dies.", ()),
    ('Paddy died in 1988. His son Paddy runs the pub now.', ('Paddy',)),
    ('Auntie Kath died last year and Uncle Stan is lost without her.', ('Auntie Kath',)),
    ('Nathan lost his dad in 2019 and his mum this year.', ()),
    ('My sister Orla lost her husband in the tsunami.', ()),
    ("Since Gerry's wife died he hasn't been the same.", ()),
    # a chat's jokes, a test passed, the words of a death used of the living
    ([('Zoe', 'Kevin fell in the pool at the party lol'), ('Ash', 'RIP Kevin 😂😂')], ()),
    ([('Zoe', 'Dad found my report card'), ('Ash', 'rest in peace Zoe')], ()),
    ('Ollie got killed in the last round of Fortnite and threw the controller.', ()),
    ('Tom passed yesterday, so proud of him! Distinction in every module.', ()),
    ('Connor passed, thank God. Now he can drive himself to training.', ()),
    ('Tunde was called home early from the tour because of his knee.', ()),
    ('Femi was called home to Lagos for a family emergency.', ()),
    ('Dad never woke up for the 6am flight, so we missed it.', ()),
    ('Worked with Dave Smith, 2015-2019, at the council. Good lad.', ()),
    ('My old boss Karen Hill (2012-2016) was the best I ever had.', ()),
    ("Sean's mother is on her last legs, the hospice nurse says.", ()),
    ('Marion from the funeral home rang about the hymns.', ()),
    ("Ann's grave voice on the phone frightened me.", ()),
    ("Brendan's been at death's door with the flu all week.", ()),
    ('Lost Dad in the crowd at the match for ten minutes. Panic.', ()),
    ("Lost Mum to the sales again. She'll be back by six.", ()),
    ("We're losing Sophie to Manchester next month. New job.", ()),
    ("Poor Dad, he's lost without Mum when she's away.", ()),
    # a death told again by "he" or "she" after a name said since; letters, notices, sympathy
    ([('Amy', "Kev's grandad is in hospital"), ('Beth', 'oh no'), ('Amy', 'he died this morning')], ()),
    ([('Amy', 'Kev rang'), ('Amy', 'his grandad passed away'), ('Beth', 'oh no poor Kev'), ('Amy', 'yeah he died in his sleep')], ()),
    ('Kev rang. His grandad passed away. Poor Kev. He died in his sleep, at least.', ()),
    ('Lunch with Deirdre. Her mother died at Easter. Deirdre is coping. She died in the hospice in Cork.', ()),
    ("Saw Fiona at the shop. Her husband's father passed. Fiona says he went peacefully.", ()),
    ([('Raj', "Priya's nani died"), ('Sam', 'when'), ('Raj', 'yesterday. Priya is flying out tonight'), ('Sam', 'she died yesterday?')], ()),
    ("Ciara rang about her granny. She passed away last night. Ciara's in bits.", ()),
    ("Dear Mam,\n\nDad's grand. He misses you. Since you died he's taken up the bowls.\n\nLove, Ciaran", ('Mam',)),
    ('Dear Aoife,\n\nI was so sorry to hear about your dad. He was a lovely man.\n\nLove, Maura', ()),
    ('Dear Tom,\n\nSorry for your loss. Your mum was a wonderful woman.\n\nBest, Jan', ()),
    ('Mary Kelly (née Byrne), peacefully, at home, surrounded by her loving family. Sadly missed by her husband Joe, children Anne and Peter.', ('Mary Kelly',)),
    ('In loving memory of Sean Walsh, who died 4 June 2010. Remembered always by his wife Kay and the children.', ('Sean Walsh',)),
    ('Deepest sympathies to Pat on the death of her husband.', ()),
    ("Ann's late mother's friend Bridget came to the door with a tart.", ()),
    ("Noreen, the late Tom's sister, is ninety on Sunday.", ('Tom',)),
    ("Visited Nana in the nursing home. She didn't know me. Mum cried in the car.", ()),
    ("Since Steph moved to Dubai it's like she died. She never calls.", ()),
    ([("Mike", "did you hear about Pete"), ("Jo", "no what"), ("Mike", "he's in hospital, he nearly died")], ()),
]

# (text or chat turns, who died, the others already dead the text may state dead)
DEATHS = [
    ("Grandma Rose passed away peacefully last night, surrounded by family.", "Grandma Rose", ()),
    ("Nan died on Thursday. Mum is in bits.", "Nan", ()),
    ("We lost Uncle Dermot on Sunday morning. The wake is at the house on Tuesday.", "Uncle Dermot", ()),
    ("Ouma Elna passed on this morning at the frail care in Somerset West.", "Ouma Elna", ()),
    ("Nanaji expired at 4 am today at the hospital. The cremation is tomorrow.", "Nanaji", ()),
    ("Dad's mate Bluey carked it last week. Heart attack at the footy.", "Bluey", ()),
    ("Mr Haddad, my old maths teacher, died yesterday. He was 81.", "Mr Haddad", ()),
    ("Aunt Judith has died. Paul rang this morning to tell me.", "Aunt Judith", ()),
    ([("Nomsa", "Gogo passed away last night"), ("Thabo", "Oh no, I'm so sorry")], "Gogo", ()),
    ("Bad news from home. Chachu passed away in his sleep on Monday.", "Chachu", ()),
    ("Kathleen Murphy, God rest her, was buried in Glasnevin on Saturday.", "Kathleen Murphy", ()),
    ("My brother Liam was killed in a car crash in 1998.", "Liam", ()),
    ("Grandpa Walt died in hospice on Friday night. Mom was with him.", "Grandpa Walt", ()),
    ("Old Mrs Pillay next door passed away. Her son is flying in from Durban.", "Mrs Pillay", ()),
    ("Uncle Vusi died of Covid in July 2020.", "Uncle Vusi", ()),
    pytest.param("Heard this morning that Trevor Banks had died. Sixty-two. Bowel cancer.", "Trevor Banks", (),
                 marks=pytest.mark.xfail(strict=True, reason="the parser reads Banks as a noun: no person (people layer)")),
    pytest.param("Granny Mae slipped away at teatime with her hand in mine.", "Granny Mae", (),
                 marks=pytest.mark.xfail(strict=True, reason="'slipped away with her hand': one slips off with hands too")),
    ("Dad passed at ten past three this afternoon.", "Dad", ()),
    ("Our neighbour Graham Pike died suddenly on Saturday.", "Graham Pike", ()),
    ("Aunty Sushila is no more. She left us on Diwali night.", "Aunty Sushila", ()),
    ("Bill Kerr's funeral is on Friday at St Mary's.", "Bill Kerr", ()),
    # "he" or "she" after a noun said of the one named, or after the one who tells it
    ("Tom Price was a miner. He died in 1990.", "Tom Price", ()),
    ("Visited Gran in the home. The nurse says she died peacefully at six.", "Gran", ()),
    ("Harold Jensen died on Sunday. His son Kevin rang me. We buried him on Friday.", "Harold Jensen", ()),
    ("Dear Mum,\n\nIt's a year since you died and I still set out two cups in the morning.\n\nLove, Ciara",
     "Mum", ()),
]


def _deaths(memory):
    """{name or alias (lower case): the surest confidence} of every person read as dead."""
    out = {}
    for r in memory.query(
            "SELECT p.id, p.name, ev.confidence FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0"
            " AND p.kind IS NULL"):
        names = [r["name"]] + [a[0] for a in memory.query("SELECT alias FROM aliases WHERE person = ?", (r["id"],))]
        for n in names:
            out[n.lower()] = max(out.get(n.lower(), 0.0), r["confidence"] if r["confidence"] is not None else 1.0)
    return out


def _stated(deaths):
    return {n for n, c in deaths.items() if c >= FACT}


# Every text on SQLite; on PostgreSQL a sample (below): reading is the same pipeline on either, and 430 stores
# made twice would cost the suite minutes of its 20 (CI).
@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, dead", LIVING, ids=param_ids(LIVING, width=40))
def test_nobody_living_is_stated_dead(db, said, dead):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        assert _stated(_deaths(memory)) <= {d.lower() for d in dead}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, who, dead", DEATHS, ids=param_ids(DEATHS, width=40))
def test_a_death_told_as_people_tell_it_is_read(db, said, who, dead):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        deaths = _deaths(memory)
        assert who.lower() in deaths, deaths
        assert _stated(deaths) <= {who.lower(), *(d.lower() for d in dead)}


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 10th text with nobody dead and every 5th death, each in a memory of its own, on both backends."""
    for i, (said, dead) in enumerate(unmarked(LIVING)[::10]):
        with Memory(store_on(backend, request, tmp_path, f"living{i}")) as memory:
            add_said(memory, said, AT)
            assert _stated(_deaths(memory)) <= {d.lower() for d in dead}, said
    for i, (said, who, dead) in enumerate(unmarked(DEATHS)[::5]):
        with Memory(store_on(backend, request, tmp_path, f"death{i}")) as memory:
            add_said(memory, said, AT)
            deaths = _deaths(memory)
            assert who.lower() in deaths, (said, deaths)
            assert _stated(deaths) <= {who.lower(), *(d.lower() for d in dead)}


# Round 11: a second set written before the death rules were read. Each: (text or chat turns, who is dead and must
# be read so at least as "perhaps" ("A|B": by either name), who is alive after it, who else is dead and may be
# stated so). Someone stated
# dead who is in none of the first or last is a false death; a character in a book or a show is one too.
def _e(said, dead=(), alive=(), may=()):
    return said, tuple(dead), tuple(alive), tuple(may)


UNSEEN = [
    # pets and plants and things
    _e("Our dog Rolo died this morning. Kezia dug the grave under the apple tree.", alive=["Kezia"], may=["Rolo"]),
    _e("Had to have Pepper put to sleep today. Fourteen years. Dad cried in the vet's car park.", alive=["Dad"],
       may=["Pepper"]),
    _e([("Tayo", "my goldfish Bubbles is dead 😭"), ("Kemi", "RIP Bubbles")], alive=["Tayo", "Kemi"], may=["Bubbles"]),
    _e("Skippy the budgie has gone to the big cage in the sky. Ruby held a funeral in the garden with her dolls.",
       alive=["Ruby"], may=["Skippy"]),
    _e("Nanna's cat Tiger died at nineteen. Nanna says she won't get another.", alive=["Nanna"], may=["Tiger"]),
    _e("The vet said Max wouldn't make it through the night, but he's eating again. Aoife stayed up with him.",
       alive=["Max", "Aoife"]),
    _e("My basil has died again. Fergus says I drown everything.", alive=["Fergus"]),
    _e("RIP my phone. Dropped it down the loo at Shauna's.", alive=["Shauna"]),
    _e("The orchid Mrs Agarwal gave me finally gave up the ghost.", alive=["Mrs Agarwal"]),
    _e("The old Nokia is dead, long live the new one. Chidi set it up for me.", alive=["Chidi"]),
    _e("Battery's dead again. Tell Mum I'll ring her from Dave's.", alive=["Mum", "Dave"]),
    _e("The tomato plants all died in the heatwave, so Grandpa Ray bought me new ones.", alive=["Grandpa Ray"]),
    # a character in a book, a film, a soap
    _e("Finally finished Of Mice and Men. George shoots Lennie at the end. Stella warned me I'd cry.",
       alive=["Stella", "George"]),
    _e("Watched Titanic again with Priyanka. Jack dies every single time and she still hopes he won't.",
       alive=["Priyanka"]),
    _e("Corrie tonight: they killed off Kevin in the tram crash. Mum is furious with the writers.", alive=["Mum"]),
    _e("In EastEnders Dot died and Nan switched off the telly in protest.", alive=["Nan"]),
    _e("Bingeing Breaking Bad with Olu. Hank dies in season five and Olu threw a cushion at the screen.",
       alive=["Olu"]),
    _e("Read Harry Potter to Zara tonight. She sobbed when Dobby died.", alive=["Zara"]),
    _e([("Mo", "did you see Corrie? they killed off Steve"), ("Dee", "no way, Mam will be raging")],
       alive=["Mo", "Dee", "Mam"]),
    # the famous, strangers in the news
    _e("Heard on the radio that Shane Warne died. Dad was devastated; he'd watched every Ashes.", alive=["Dad"],
       may=["Shane Warne"]),
    _e("The Queen died today. Granny Peggy put on her black cardigan and watched the BBC all evening.",
       alive=["Granny Peggy"], may=["Queen", "The Queen"]),
    _e("A cyclist was killed on the Naas Road this morning. Orla says it's the third this year.", alive=["Orla"]),
    _e("Saw in the paper that a man called Brian Daly drowned off Salthill. Not our Brian, thank God; Brian rang me "
       "at tea time.", alive=["Brian"], may=["Brian Daly"]),
    _e("Lagos news: a bus crash killed twelve people at Ojota. Mummy called to check we were all fine.",
       alive=["Mummy"]),
    _e("Matthew Perry has died. Jess and I watched Friends all night in his honour.", alive=["Jess"],
       may=["Matthew Perry"]),
    # a dream
    _e("Dreamt that Grandad died and I couldn't find the church. Woke at four. Rang him at nine; he was out on the "
       "allotment.", alive=["Grandad"]),
    _e("Horrible dream last night: Kwame was killed in a crash. Texted him straight away. He's fine, he's in Kumasi.",
       alive=["Kwame"]),
    _e("In my dream Mum was dead and the house was full of strangers. Told her at breakfast and she laughed.",
       alive=["Mum"]),
    # lost
    _e("Siobhan lost her job at the bank today. She's raging.", alive=["Siobhan"]),
    _e("We lost the match 3-1. Coach Davies says we were robbed.", alive=["Coach Davies", "Davies"]),
    _e("Niamh lost the baby at eleven weeks. Cormac rang from the hospital.", alive=["Niamh", "Cormac"]),
    _e("Aunty Bisi lost her husband last year and still wears white.", alive=["Aunty Bisi"]),
    _e("Lost my mum to cancer in 2019. Dad remarried last spring.", dead=["Mum"], alive=["Dad"]),
    _e("Keith lost his temper and his wallet in the same afternoon.", alive=["Keith"]),
    _e("We lost Granny to dementia long before we lost her for real in March.", dead=["Granny"]),
    _e("Mohan lost a lot of weight after the operation, but the surgeon says he's on the mend.", alive=["Mohan"]),
    _e("We nearly lost Grandpa Ike in January. Pneumonia. He's back at the bowls club now.", alive=["Grandpa Ike"]),
    # passed
    _e("Tegan passed her driving test! Mum's taking her out for dinner.", alive=["Tegan", "Mum"]),
    _e("Uncle Raju passed away on Tuesday night in Pune.", dead=["Uncle Raju"]),
    _e("Passed Mrs Gallagher on the stairs; she looked well.", alive=["Mrs Gallagher"]),
    _e("Dad passed the salt and Sinead passed the remark that it was too salty already.", alive=["Dad", "Sinead"]),
    _e("Grandma passed last night, peacefully, with Aunt Carol holding her hand.", dead=["Grandma"],
       alive=["Aunt Carol"]),
    _e("Ade passed his bar finals and Baba threw a party.", alive=["Ade", "Baba"]),
    _e("Nan passed on the family ring to Ellie at Christmas.", alive=["Nan", "Ellie"]),
    # gone
    _e("Mum's gone to Spain for a fortnight with Aunt Bernie.", alive=["Mum", "Aunt Bernie"]),
    _e("Hospice, Tuesday. Sat with Mum all night. At 4.10 the nurse touched my arm. Mum's gone.", dead=["Mum"]),
    _e("Dad's gone to the shops. Back soon, says the note.", alive=["Dad"]),
    _e("Grandad's gone now. Three years next week. I still talk to him in the garden.", dead=["Grandad"]),
    _e("Jaz has gone off me since the party.", alive=["Jaz"]),
    _e("Dear Diary, Mum's gone. Not dead, just gone, to Aunt Sue's in Leeds, with both suitcases. Dad isn't talking.",
       alive=["Mum", "Aunt Sue", "Dad"]),
    # late
    _e("Running late for Mass because Fintan couldn't find his shoes.", alive=["Fintan"]),
    _e("The late Mr Okonkwo's house is up for sale. His widow Chioma is moving to Abuja.", dead=["Mr Okonkwo"],
       alive=["Chioma"]),
    _e("Late for work again. Bronwyn covered for me.", alive=["Bronwyn"]),
    _e("Stayed up late with Gran watching the snooker.", alive=["Gran"]),
    _e("Sheila's late husband Dennis built that wall.", dead=["Dennis"], alive=["Sheila"]),
    _e("Mama Ngozi was almost late for the wedding; traffic on Third Mainland Bridge.", alive=["Mama Ngozi"]),
    # figures of speech
    _e("Killed it at the open mic! Rhiannon filmed the whole thing.", alive=["Rhiannon"]),
    _e("Ravi murdered a curry at the Shish Mahal, then went back for naan.", alive=["Ravi"]),
    _e("Dad says over his dead body will I get a tattoo.", alive=["Dad"]),
    _e("I'll die if Conor sees these photos.", alive=["Conor"]),
    _e("Fiona was dead on about the weather; it lashed all day.", alive=["Fiona"]),
    _e("The race was a dead heat between Kyle and Marcus.", alive=["Kyle", "Marcus"]),
    _e("Deadline's Friday and Priti hasn't sent her section.", alive=["Priti"]),
    _e("Mam would murder me if she knew I'd skipped Mass.", alive=["Mam"]),
    _e("My feet are killing me after the wedding. Danced with Uncle Tom all night.", alive=["Uncle Tom"]),
    _e("Oluwaseun is dead tired after the night shift, she's sleeping now.", alive=["Oluwaseun"]),
    _e("That joke Grandpa told about the vicar killed me.", alive=["Grandpa"]),
    _e("I could have died of shame when Mum started singing at the school gate.", alive=["Mum"]),
    _e("Tyler's killing it at his new job in Austin.", alive=["Tyler"]),
    _e("Kavya's exam went so well she says she can die happy now.", alive=["Kavya"]),
    _e("It was nearly the death of Jamie, that hill.", alive=["Jamie"]),
    _e("Pauline's dead against the new extension.", alive=["Pauline"]),
    _e([("Jess", "omg I'm dead 💀💀"), ("Kat", "literally dying, Tom's face")], alive=["Jess", "Kat", "Tom"]),
    _e([("Dylan", "RIP my phone 💀"), ("Megan", "what did u do to it")], alive=["Dylan", "Megan"]),
    # (these six written after the rules were read)
    _e("Frank died on stage at the comedy club last night. Not one laugh, Shirley said.", alive=["Frank", "Shirley"]),
    _e("Dad was lost for words when Aisha told him about the baby.", alive=["Dad", "Aisha"]),
    _e("Bob was dead to the world by nine, so Lorraine and I watched the film.", alive=["Bob", "Lorraine"]),
    _e("The line went dead when Tom was talking.", alive=["Tom"]),
    _e("Kevin's gone and bought a motorbike. Mum's gone quiet about it.", alive=["Kevin", "Mum"]),
    _e("Tom's gone, thank God. Three hours of his stories.", alive=["Tom"]),
    # (these written after the rules were read, from traps tried on the branch)
    _e("Dad's buried in work this month; Mom says he never leaves the office.", alive=["Dad", "Mom"]),
    _e("Mum is buried under paperwork for the probate. Aunt Jo is helping.", alive=["Mum", "Aunt Jo"]),
    _e("Mia got murdered at Monopoly by her little brother Leo.", alive=["Mia", "Leo"]),
    _e("Mum went peacefully to sleep on the sofa after lunch.", alive=["Mum"]),
    _e("Neil died when he saw the bill at the restaurant. Carol paid.", alive=["Neil", "Carol"]),
    _e("Grandad is buried in Glasnevin with his parents. Rory and I went up on Sunday.", dead=["Grandad"],
       alive=["Rory"]),
    _e("Uncle Bill died when he fell off the roof in 1987.", dead=["Uncle Bill"]),
    _e("Mum and Dad's ruby anniversary Mass was lovely; Father Tom blessed them.", alive=["Mum", "Dad", "Father Tom"]),
    # feared, nearly
    _e("The doctors said Dad might not make it through the night. He's sitting up this morning asking for toast.",
       alive=["Dad"]),
    _e("We thought we'd lost Auntie Rose after the fall, but she's home and bossing everyone.",
       alive=["Auntie Rose"]),
    _e("Baby Nia was born blue and not breathing. The midwife got her going; she's feeding now.",
       alive=["Baby Nia", "Nia"]),
    _e("Gran's at death's door according to herself, but she ate a full roast.", alive=["Gran"]),
    _e("Mick had a heart attack at the golf club. They shocked him twice in the ambulance. He's in the Mater, stable.",
       alive=["Mick"]),
    _e("Kofi nearly drowned at Labadi beach. A lifeguard pulled him out. He's shaken but fine.", alive=["Kofi"]),
    _e([("Chioma", "Mummy is out of the ICU!! 🙏"), ("Ngozi", "God is good")], alive=["Mummy", "Chioma", "Ngozi"]),
    _e("Day 3 in hospital. Dad is very weak but he squeezed my hand. Nurse Agnes says he's comfortable.",
       alive=["Dad", "Nurse Agnes"]),
    _e("Uncle Kev carked it at the pub. Only joking, he fell asleep at the table.", alive=["Uncle Kev"]),
    # what if
    _e("If Mum died I don't know what Dad would do.", alive=["Mum", "Dad"]),
    _e("Mia asked what happens when Granny dies. I said we'd all be very sad.", alive=["Mia", "Granny"]),
    _e("Sunil wants to write a will in case he dies on the trek.", alive=["Sunil"]),
    _e("Should Grandad pass, the house goes to Aunt Dolores.", alive=["Grandad", "Aunt Dolores"]),
    _e("Imagine if Beyoncé died. Tanisha would never recover.", alive=["Tanisha", "Beyoncé"]),
    _e("Lorna is planning her own funeral: wicker coffin, no hymns. She's eighty-eight and fit as a fiddle.",
       alive=["Lorna"]),
    _e("Mum's writing her will. She wants Sarah to have the piano.", alive=["Mum", "Sarah"]),
    _e("Made my will today with Mr Chadha. Everything to Anjali.", alive=["Mr Chadha", "Anjali"]),
    # a namesake
    _e("Dad's brother Edward died at Arnhem. We called our son Teddy after him.", alive=["Teddy"], may=["Edward"]),
    _e("Grandad Tom died in 1990. Our Tom starts school on Monday.", dead=["Grandad Tom"], alive=["Tom"]),
    # someone's kin died; the someone lives
    _e("Sam's dad died on Friday. Sam's off work all week.", alive=["Sam"]),
    _e("Adaeze's grandmother passed in Enugu. Adaeze flies home tomorrow.", alive=["Adaeze"]),
    _e("Heard from Lachlan that his mate's brother was killed in a farm accident near Dubbo.", alive=["Lachlan"]),
    _e("Kirsty's wee boy's hamster died and she had to do a burial at the bottom of the garden.", alive=["Kirsty"]),
    _e("Deepika's father-in-law expired on Monday. She's in Chennai for the rites.", alive=["Deepika"]),
    _e("Condolences to Gráinne, whose mother died on Sunday.", alive=["Gráinne"]),
    _e("Went to Ruth's dad's funeral. Ruth read a poem and held it together.", alive=["Ruth"]),
    _e("Eamon rang to say his mother died. I said I'd go to the removal with him on Thursday.", alive=["Eamon"]),
    _e("Dad talked about his father, who died when Dad was nine.", alive=["Dad"]),
    _e("Wee Jimmy's granny passed on Thursday. The funeral's at Daldowie on Tuesday.", alive=["Jimmy", "Wee Jimmy"]),
    _e("Thinking of Kate today on what would have been her dad's seventieth.", alive=["Kate"]),
    _e([("Priya", "Rohan's nani passed away last night"), ("Meera", "oh no, how is Rohan?")],
       alive=["Priya", "Meera", "Rohan"]),
    # anniversaries, graves, funerals, wills, wakes
    _e("First anniversary of Dad's death. Kevin and I went to the grave with a flask.", dead=["Dad"],
       alive=["Kevin"]),
    _e("Mum's month's mind Mass is on Sunday. Aunt Nora is doing the readings.", dead=["Mum"], alive=["Aunt Nora"]),
    _e("The wake for Jimmy Flynn is at the house tonight. Bríd says bring sandwiches.", dead=["Jimmy Flynn"],
       alive=["Bríd"]),
    _e("The solicitor read Grandma's will today. Uncle Pete got the caravan and he's not happy about it.",
       dead=["Grandma"], alive=["Uncle Pete"]),
    _e("Cleaned Grandad Seán's grave and put fresh flowers on it. Cousin Aoibhinn met me there.",
       dead=["Grandad Seán"], alive=["Cousin Aoibhinn", "Aoibhinn"]),
    _e("Auntie Glenys's funeral is on Thursday at the crem. Cousin Bryn is doing the eulogy.", dead=["Auntie Glenys"],
       alive=["Cousin Bryn", "Bryn"]),
    _e("Harriet and I sorted Grandad's medals after the funeral. She took the photos home.", dead=["Grandad"],
       alive=["Harriet"]),
    _e("Mum talked about Auntie May, who died when Mum was nine.", dead=["Auntie May"], alive=["Mum"]),
    # said softly, and really
    _e("We buried Dad on Friday. Sean carried him with the lads from the club.", dead=["Dad"], alive=["Sean"]),
    _e("Nan slipped away in her sleep on Sunday night.", dead=["Nan"]),
    _e("Grandpa went to bed on Tuesday and he didn't wake up.", dead=["Grandpa"]),
    _e("Gran's with Grandad now. She went on Tuesday evening, with Mum beside her.", dead=["Gran"], alive=["Mum"],
       may=["Grandad"]),
    _e("Lost my brother Jamal to knife crime in 2021.", dead=["Jamal"]),
    _e("Uncle Ferdie has gone to be with the Lord. The service is at the church on Saturday.", dead=["Uncle Ferdie"]),
    _e("Baba has gone home to glory. We are consoled that he lived a full life.", dead=["Baba"]),
    _e("Dadi left us last night. Papa is doing the last rites at the ghat.", dead=["Dadi"], alive=["Papa"]),
    _e("Grandad Ted breathed his last at 3am.", dead=["Grandad Ted"]),
    _e("Cousin Darragh took his own life last month. Auntie Mags is broken.", dead=["Cousin Darragh|Darragh"],
       alive=["Auntie Mags"]),
    _e("Aunt Ivy is at peace now. The carers were wonderful at the end.", dead=["Aunt Ivy"]),
    _e("Poppy Jack's ashes went into the sea at Manly today. Nan threw the first handful.", dead=["Poppy Jack|Jack"],
       alive=["Nan"]),
    _e("Mr Tan from number 12 was found dead in his flat. Mrs Hughes called the police.", dead=["Mr Tan"],
       alive=["Mrs Hughes"]),
    _e("Mammy's after dying on us. Sudden, in the chair by the range.", dead=["Mammy"]),
    _e("Pop died on Anzac Day, fitting really. Nan's holding up.", dead=["Pop"], alive=["Nan"]),
    _e("Grandpa Earl passed this morning in Tulsa. Mom is flying out tonight.", dead=["Grandpa Earl"],
       alive=["Mom"]),
    _e("Tauji expired yesterday evening after a long illness. Bhaiya is doing the rites.", dead=["Tauji"],
       alive=["Bhaiya"]),
    _e("Papa Tunde has gone to rest with his fathers. The burial is fixed for April.", dead=["Papa Tunde"]),
    _e("Hospice diary, day 9. Mum's breathing changed in the night. The nurse rang at 5am. By the time I got there "
       "she was gone.", dead=["Mum"]),
    # (these three written after the rules were read)
    _e("Ran into Dr Ahmed's daughter. Dr Ahmed, who was our dentist for years and must have been dead a decade now, "
       "had the same laugh.", dead=["Dr Ahmed"]),
    _e("Aunt Nuala's anniversary Mass for Uncle Joe was lovely. Father Kieran did it.", dead=["Uncle Joe"],
       alive=["Aunt Nuala", "Father Kieran"]),
    _e("Rang Tess. Her uncle Seamus had gone in the night, in his chair.", dead=["Seamus|Uncle Seamus"], alive=["Tess"]),
    # letters to the dead and to the living, carers' notes, a eulogy, a card, chats
    _e("Dear Grandad,\n\nIt's two years since we lost you. Mum has your chair by the window and Liam plays your "
       "guitar.\n\nLove always,\nCerys", dead=["Grandad"], alive=["Mum", "Liam", "Cerys"]),
    _e("Dear Gran,\n\nHope Spain is lovely. Mum says you're brown as a berry. We miss you!\n\nLove,\nEvie",
       alive=["Gran", "Mum", "Evie"]),
    _e("Carer's notes, Mon. Mr Patel ate half his breakfast. Daughter Meera visited 2-4pm. Settled.",
       alive=["Mr Patel", "Meera"]),
    _e("Carer's notes, 03:40. Mrs Evans passed peacefully. Son Gareth informed by phone. GP to verify.",
       dead=["Mrs Evans"], alive=["Gareth"]),
    _e("Wed 14:00. Mrs Doherty very drowsy, not eating. Family called in. Daughter Anne staying overnight.",
       alive=["Mrs Doherty", "Anne"]),
    _e("Eulogy for Dad. Dad was born in Cork in 1941 and he died with all of us around him. He taught Ciarán to fish "
       "and me to drive.", dead=["Dad"], alive=["Ciarán"]),
    _e("Today we say goodbye to Margaret. She leaves behind her husband Don and her three grandchildren.",
       dead=["Margaret"], alive=["Don"]),
    _e("With deepest sympathy, Brenda. Thinking of you and the family at this sad time. Love, Joyce and Alan",
       alive=["Brenda", "Joyce", "Alan"]),
    _e("So sorry to hear about your mum, Tunde. She was a great lady. Love, Funmi", alive=["Tunde", "Funmi"]),
    _e([("Jess", "Mum just rang, Grandad died this morning"), ("Kat", "oh Jess I'm so sorry ❤️")],
       dead=["Grandad"], alive=["Jess", "Kat", "Mum"]),
    _e([("Ravi", "Uncle Suresh expired this morning"), ("Amit", "Om shanti. Will come for the cremation")],
       dead=["Uncle Suresh"], alive=["Ravi", "Amit"]),
    # the living, said so
    _e("Gran's 90th today! Uncle Tony said she'll outlive us all.", alive=["Gran", "Uncle Tony"]),
    _e("Ewan survived the cancer. Five years clear today.", alive=["Ewan"]),
    _e("Bert is still alive and kicking at 101.", alive=["Bert"]),
    _e("Oor Morag got her results. Passed everything! Her da is fair chuffed.", alive=["Morag"]),
    _e("Chinedu has travelled to Abuja. He'll be back on Friday.", alive=["Chinedu"]),
]


def _dead_people(memory):
    """[(every name and alias of a person read as dead, lower case), the surest confidence]."""
    out = {}
    for r in memory.query(
            "SELECT p.id, p.name, ev.confidence FROM events ev JOIN event_people ep ON ep.event = ev.id"
            " JOIN people p ON p.id = ep.person WHERE ev.kind = 'death' AND ev.negated = 0 AND ep.agent = 0"
            " AND p.kind IS NULL"):
        names = {r["name"].lower()} | {a[0].lower() for a in memory.query(
            "SELECT alias FROM aliases WHERE person = ?", (r["id"],))}
        c = r["confidence"] if r["confidence"] is not None else 1.0
        out[r["id"]] = (names, max(c, out.get(r["id"], (None, 0.0))[1]))
    return list(out.values())


def false_deaths(memory, dead, may):
    """The people stated dead who are named nowhere among the dead (the living named in a case are there to say
    who they are; anyone else stated dead, the writer or a character in a book, is false too)."""
    rightly = {n.lower() for names in (*dead, *may) for n in names.split("|")}
    return [sorted(names) for names, c in _dead_people(memory) if c >= FACT and not names & rightly]


def missed_deaths(memory, dead):
    """The dead not read as dead, even as "perhaps" (one may be named "A|B": either will do)."""
    read = set().union(*(names for names, _ in _dead_people(memory)))
    return [d for d in dead if not set(d.lower().split("|")) & read]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, dead, alive, may", UNSEEN, ids=param_ids(UNSEEN, width=40))
def test_unseen_nobody_alive_is_stated_dead(db, said, dead, alive, may):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        assert not false_deaths(memory, dead, may), alive


# Deaths still missed (each text's first words: why)
MISSED = {
    "Lost my mum to cancer": "the people layer reads no one in a subjectless 'Lost my mum'; the parser lemmatises 'Lost' as itself",
    "Lost my brother Jamal": "the parser lemmatises a sentence's first 'Lost' as itself, so no 'lose'",
    "Mum's month's mind Mass": "the parser splits 'month's mind Mass' into two subjects",
    "The solicitor read Grandma's will": "a will read is not read as a death (one's will is written living too)",
    "Harriet and I sorted Grandad's medals": "a funeral with no one's name on it is no one's",
    "Mum talked about Auntie May": "the people layer reads no one in 'Auntie May' (a month)",
    "Gran's with Grandad now": "'with Grandad now' (one already dead) is not read as a death",
    "Baba has gone home to glory": "the people layer reads no one in 'Baba' here",
    "Pop died on Anzac Day": "the people layer reads no one in 'Pop'",
    "Tauji expired yesterday": "the people layer reads no one in 'Tauji'",
    "Hospice diary, day 9": "'she was gone': no coreference reaches 'she' across the sentences",
    "Today we say goodbye to Margaret": "a eulogy's 'say goodbye to', 'leaves behind' are not read as a death",
    "Hospice, Tuesday.": "a bare 'Mum's gone.' is not read: of the tuning half A, 'X's gone' was a leaving 3 times of 3",
    "Grandad's gone now.": "a bare 'Grandad's gone now' is not read (a leaving as often, as above)",
}
DIED = [pytest.param(*u, marks=pytest.mark.xfail(strict=True, reason=next(r for k, r in MISSED.items() if u[0].startswith(k))))
        if isinstance(u[0], str) and any(u[0].startswith(k) for k in MISSED) else u for u in UNSEEN if u[1]]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, dead, alive, may", DIED, ids=param_ids(DIED, width=40))
def test_unseen_the_dead_are_read(db, said, dead, alive, may):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        assert not missed_deaths(memory, dead), _dead_people(memory)


# Not even "perhaps": no one is dead here, and the words for it are plain (written after the rules were read)
NO_DEATH = [
    "Dad was lost for words when Aisha told him about the baby.",
    "Frank died on stage at the comedy club last night. Not one laugh, Shirley said.",
    "Priya's gone. She flew back to Delhi on Sunday with two suitcases of pickles.",
    "Horrible dream last night: Kwame was killed in a crash. Texted him straight away. He's fine.",
    "Liz was found dead drunk in the garden after the party.",
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said", NO_DEATH, ids=param_ids([(s,) for s in NO_DEATH], width=40))
def test_unseen_no_death_even_perhaps(db, said):
    with Memory(db) as memory:
        add_said(memory, said, AT)
        assert not _dead_people(memory)


# Round 12 (deaths12): group chats where a kin word means different people for different speakers. The chat names a
# speaker by the owner's word for them ("Mam", "Papa": the first speaker is the owner); another speaker's "Mam" is
# their own mother, who may be someone else. A death told so is that one's, or "perhaps": never the living speaker's
# as a fact. Each: (turns, the speakers alive, those dead who may be stated so).
OTHERS_KIN = [
    ([("Aoife", "Ciara are you ok? Haven't heard from you since Tuesday."),
      ("Mam", "Ring me when you get this, Aoife."),
      ("Ciara", "Mam passed away last night in the hospice. I can't believe it."),
      ("Mam", "Ciara love, I'm so sorry. She was my only sister.")], ["Mam"]),
    ([("Priya", "Vivek where are you?"),
      ("Papa", "Beta, call me when you can."),
      ("Vivek", "Papa passed away at 4 this morning. Mummy is with him in Pune."),
      ("Papa", "Vivek beta, I am so sorry. He was a good man.")], ["Papa"]),
    ([("Rhian", "Gethin, Mam said you rang."),
      ("Nain", "Cariad, is everything alright?"),
      ("Gethin", "Nain died in her sleep last night. Dad found her."),
      ("Nain", "Oh Gethin bach. Thinking of you all.")], ["Nain"]),
    ([("Sana", "Bilal, any news from the hospital?"),
      ("Ammi", "Sana beta, tell us."),
      ("Bilal", "Ammi passed away after Fajr. Please pray for her."),
      ("Ammi", "Inna lillahi. Bilal beta, we are coming tonight.")], ["Ammi"]),
    ([("Marlize", "Ruan, how is it in Paarl?"),
      ("Ouma", "My kind, what is happening?"),
      ("Ruan", "Ouma died this morning at the home in Paarl. Ma is with her."),
      ("Ouma", "Ag Ruan, I'm so sorry my boy.")], ["Ouma"]),
    ([("Daniela", "Marco did your mom call?"),
      ("Abuela", "Mija, what happened?"),
      ("Marco", "Abuela died last night in Guadalajara. My mom just called."),
      ("Abuela", "Lo siento mucho mijo. I will light a candle for her.")], ["Abuela"]),
    ([("Rachel", "Josh, any news from Florida?"),
      ("Bubbe", "Rachel, what's going on?"),
      ("Josh", "Bubbe passed away this morning. The funeral is Sunday in Boca."),
      ("Bubbe", "Joshua, I'm so sorry. Your grandmother was a real lady.")], ["Bubbe"]),
    ([("Eleni", "Nikos, did your sister call?"),
      ("Yiayia", "Eleni mou, what news?"),
      ("Nikos", "Yiayia died in Thessaloniki tonight. I'm flying out tomorrow."),
      ("Yiayia", "Nikos my son, I am so sorry. Eternal her memory.")], ["Yiayia"]),
    ([("Giulia", "Luca, how is it in Bari?"),
      ("Nonno", "Giulia, tell me."),
      ("Luca", "Nonno died this afternoon. Mamma was with him."),
      ("Nonno", "Luca, my condolences. A great loss for your family.")], ["Nonno"]),
    ([("Kylie", "Shane how's your mum holding up?"),
      ("Pop", "What's happened love?"),
      ("Shane", "Pop passed away this arvo. Mum's a mess."),
      ("Pop", "Sorry to hear it mate. He was a good bloke, your pop.")], ["Pop"]),
    ([("Jen", "Tyler, did your dad call back?"),
      ("Mom", "Jen honey what's wrong?"),
      ("Tyler", "Mom died this morning. Dad found her in the kitchen."),
      ("Mom", "Oh Tyler honey. We're on our way.")], ["Mom"]),
    ([("Chioma", "Emeka, any word from Enugu?"),
      ("Mummy", "Chioma, what is it?"),
      ("Emeka", "Mummy passed on last night in Enugu. My brothers are with her."),
      ("Mummy", "Ehyaa Emeka, take heart my son.")], ["Mummy"]),
    ([("Kavya", "Arjun, did Chennai call?"),
      ("Amma", "Kavya, what happened?"),
      ("Arjun", "Amma passed away at 5 this morning in Chennai. Appa is with her."),
      ("Amma", "Arjun kanna, so sorry. We will come for the funeral.")], ["Amma"]),
    ([("Morag", "Callum, your mum phoned the house."),
      ("Gran", "Is everything all right son?"),
      ("Callum", "Gran died in the night. Mum's just phoned from Dundee."),
      ("Gran", "Oh son. I'm that sorry.")], ["Gran"]),
    ([("Jiwoo", "Daniel, is it about your family in Busan?"),
      ("Appa", "Jiwoo-ya, what is happening?"),
      ("Daniel", "Appa passed away this morning. My mom called from Busan."),
      ("Appa", "Daniel, I am so sorry. I will pray for him.")], ["Appa"]),
    ([("Anika", "Pieter, what did Ma say?"),
      ("Oupa", "Anika, tell me what is wrong."),
      ("Pieter", "Oupa died last night on the farm. Ma found him."),
      ("Oupa", "Pieter, my condolences. He was a good farmer, your oupa.")], ["Oupa"]),
]


# Deaths of a speaker of the chat: read (at least "perhaps"), and no one else stated dead. Each: (turns, who died, the
# speakers alive).
A_SPEAKER_DIED = [
    ([("Sophie", "Tom, can you come tonight?"), ("Dad", "Don't fuss, the pair of you."), ("Tom", "Leaving now."),
      ("Sophie", "Dad left us this morning, peacefully in his sleep. Tom and I were with him.")], "Dad", ["Tom"]),
    ([("Nisha", "Rakesh, come home early."), ("Papa", "I am fine. Everybody stop calling."), ("Rakesh", "Coming."),
      ("Nisha", "Papa left us at 5:40 this morning. Peacefully, at home, in his sleep.")], "Papa", ["Rakesh"]),
    ([("Rhian", "Mam, how is she today?"), ("Nain", "Tired, cariad. Don't worry."), ("Mam", "She's sleeping now."),
      ("Rhian", "Nain died in the night. Mam was with her.")], "Nain", ["Mam"]),
    ([("Niamh", "Grandad, Mammy's bringing the paper."), ("Grandad", "Grand, love."), ("Paddy", "I'll sit with him tonight."),
      ("Niamh", "Grandad passed away peacefully this morning. Paddy was with him.")], "Grandad", ["Paddy"]),
    ([("Marlize", "Ouma, did you sleep?"), ("Ouma", "A little, my kind."), ("Ruan", "I'll come at ten."),
      ("Marlize", "Ouma passed away peacefully this morning. Ruan was holding her hand.")], "Ouma", ["Ruan"]),
    ([("Lucia", "Abuelo, do you want soup?"), ("Abuelo", "Later, mija."), ("Rosa", "I'm bringing tamales."),
      ("Lucia", "Abuelo left us peacefully last night. Rosa and I sang to him.")], "Abuelo", ["Rosa"]),
    ([("Hannah", "Mum, the nurse is coming at two."), ("Mum", "Thank you darling."), ("Ben", "I'll be there by six."),
      ("Ben", "Mum died at 3am. I was holding her hand.")], "Mum|Ben's Mum", ["Ben"]),
    ([("Rachel", "Bubbe, did you eat?"), ("Bubbe", "Yes yes, stop worrying."), ("Josh", "See you Friday Bubbe."),
      ("Rachel", "Bubbe passed away this morning in her sleep. The funeral is Sunday.")], "Bubbe", ["Josh"]),
    ([("Sipho", "Kevin, the scan results?"), ("Kevin", "Not good, boet."), ("Thabo", "We're with you Kev."),
      ("Sipho", "Kevin died on Saturday. His heart gave in. Thabo and I were there.")], "Kevin", ["Thabo"]),
    ([("Giulia", "Nonna, Luca is bringing the children."), ("Nonna", "Bene, I make the gnocchi."), ("Luca", "Arriviamo!"),
      ("Giulia", "Nonna left us in her sleep on Sunday. Luca is flying home.")], "Nonna", ["Luca"]),
]


def _stated_dead_named(memory, label):
    """Is anyone whose names include this speaker's label stated dead?"""
    return any(label.lower() in names and c >= FACT for names, c in _dead_people(memory))


@pytest.mark.sqlite_only
@pytest.mark.parametrize("turns, alive", OTHERS_KIN, ids=param_ids([(t,) for t, _ in OTHERS_KIN], width=40))
def test_another_speakers_kin_word_is_no_living_speakers_death(db, turns, alive):
    with Memory(db) as memory:
        add_said(memory, turns, AT)
        assert not [a for a in alive if _stated_dead_named(memory, a)], _dead_people(memory)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("turns, dead, alive", A_SPEAKER_DIED, ids=param_ids([(t,) for t, *_ in A_SPEAKER_DIED], width=40))
def test_a_speakers_death_is_read_and_no_other(db, turns, dead, alive):
    with Memory(db) as memory:
        add_said(memory, turns, AT)
        assert not missed_deaths(memory, [dead]), _dead_people(memory)
        assert not false_deaths(memory, [dead], ()), _dead_people(memory)
        assert not [a for a in alive if _stated_dead_named(memory, a)]


# The tie a child's "Papa" would give the speaker the owner calls "Papa" (her father-in-law, the child's grandfather): none.
# Each: (turns, a tie that must not be stated: (name, "word|word", name)).
NOT_THEIR_KIN = [
    ([("Nisha", "Papa you are coming to us for lunch, not the other way around."),
      ("Anju", "Happy Father's Day Papa and Dada!!"),
      ("Papa", "Thank you my dear Chiku. Come for lunch. - Dada")], ("Papa", "father|dad|papa", "Anju")),
    ([("Aoife", "Mam, are you coming Sunday?"),
      ("Saoirse", "Mam says she'll make the trifle."),
      ("Mam", "I will of course.")], ("Mam", "mother|mam", "Saoirse")),
]


@pytest.mark.parametrize("turns, tie", NOT_THEIR_KIN, ids=param_ids([(t,) for t, _ in NOT_THEIR_KIN], width=40))
def test_a_kin_word_the_chat_names_a_speaker_by_is_no_other_speakers_tie(db, turns, tie):
    with Memory(db) as memory:
        add_said(memory, turns, AT)
        assert not [t for t in stated_ties(memory) if tie_is(tie, t)], stated_ties(memory)
