"""WHO died (issue 13, deaths19): texts never seen, written before extract/events.py was read, none from the corpus or a
benchmark, in forms and Englishes rounds 17 and 18 did not write: condolences and their replies in chats, obituaries
and funeral notices pasted into notes, eulogies in the second person, memorial posts, deaths of the famous and of
characters, of pets and plants, hospice notes (dying, not dead), a friend's own kin dying told in a chat, deaths long
ago told in memories, a stillbirth, "passed" of exams and tests, "gone" (moved, left), "lost" (touch, weight, a
person in a shop), and the writer's own dead told tersely ("Dad. 4.10am.", "Nana's gone", "funeral is Thursday").
British, American, Irish, Scottish, Welsh, Australian, New Zealand, South African, Indian, Nigerian, Ghanaian,
Jamaican, Singaporean and Filipino English; diaries, letters, notes-app Markdown, emails (.eml) and JSONL chats.

A death is STATED when read at or above people.FACT. What must be true: no one alive is stated dead (the writer, the
friend consoled, a child who passed a test, a nan gone to Spain, the one dying in a hospice); a pet, a plant or a
character is stated dead of no person; the dead (`dead`) are read, at least as "perhaps"; those in `may` may be read
either way; one long dead (`old`) dies on no day of the text's year."""
import pytest

from remembrancer import Memory
from remembrancer.people import FACT

from conftest import add_told, chat_lines, email_said, false_deaths, missed_deaths, named, read_deaths, store_on, told_label, left_as_xfail
from conftest import unmarked

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2024-06-03"


def _e(said, dead=(), alive=(), may=(), old=()):
    """A case: the text; who is dead and must be read so at least as "perhaps" ("A|B": either name); who is alive;
    who else may be read dead either way; who died before the text's year (no death of theirs dated in it)."""
    return said, tuple(dead), tuple(alive), tuple(may), tuple(old)


def _lines(*turns):
    return chat_lines(*turns, at=AT)


# Condolences, and the replies to them: the one consoled lives; the one consoled for is theirs, not the writer's.
CONDOLENCE = [
    _e(_lines(("Megan", "so sorry for your loss, your dad was a gentleman"), ("Rhys", "thanks Meg. means a lot"),
              ("Megan", "Dad sends his love too, he'll be at the service")), alive=["Rhys", "Megan", "Dad", "me"]),
    _e(_lines(("Tolu", "My condolences bro. Your mum was a mother to all of us"), ("Segun", "Thank you Tolu. God knows best"),
              ("Tolu", "Mummy is sending rice for the people at the house")), alive=["Segun", "Tolu", "Mummy", "me"]),
    _e(_lines(("Kath", "heard about your nan, so sorry love x"), ("Jodie", "thanks hun. funeral is Thursday"),
              ("Kath", "I'll be there. Nan says she'll come with me")), alive=["Jodie", "Kath", "Nan", "me"]),
    _e(_lines(("Priya", "Deepest sympathies to you and family, Uncle was a wonderful man"),
              ("Arjun", "Thank you Priya. Papa is taking it very hard"), ("Priya", "Please tell Papa we are praying")),
       alive=["Arjun", "Priya", "Papa", "me"]),
    _e(_lines(("Siobhan", "Sorry for your troubles Declan. Your father was a gentleman to the end"),
              ("Declan", "Thanks Siobhan. He went very peaceful"), ("Siobhan", "Mammy will light a candle for him")),
       alive=["Declan", "Siobhan", "Mammy", "me"]),
    _e(_lines(("Jess", "I'm so sorry about Grandpa Lou, he was the best"), ("Jess", "I know it's been a rough week"),
              ("Kayla", "thank you. he went fast at least")), dead=["Grandpa Lou|Lou"], alive=["Jess", "Kayla", "me"]),
    _e(_lines(("Ana", "Condolence po sa inyo, your Lola was so kind to me"), ("Bea", "Salamat Ana. Mama is okay naman"),
              ("Ana", "Nanay will go to the wake tomorrow")), alive=["Bea", "Ana", "Mama", "Nanay", "me"]),
    _e(_lines(("Liam", "just heard. so sorry mate"), ("Connor", "cheers. mum went quick in the end"),
              ("Liam", "my mum's doing you a lasagne whether you like it or not")), alive=["Connor", "Liam", "me"]),
    _e(email_said("Helen Price", "Gareth Morgan", "So sorry", "Dear Gareth,\n\nI was so sorry to hear about your mam. "
                  "She was the heart of the chapel. Mam and I will be at the funeral on Friday.\n\nWith love,\nHelen"),
       alive=["Gareth", "Mam", "Helen", "me"]),
    _e(email_said("Kwame Mensah", "Ama Boateng", "Condolences", "Dear Ama,\n\nPlease accept my deepest condolences on the "
                  "passing of your father. May his soul rest in perfect peace. Dad says he will come for the one-week "
                  "observance.\n\nKwame"), alive=["Ama", "Kwame", "Dad", "me"]),
    _e("Wrote a card to Sarah tonight. 'So sorry for your loss. Your mum was a force of nature.' Mum signed it too.",
       alive=["Sarah", "Mum", "me"]),
    _e(_lines(("Bongani", "Sorry for your loss my friend. Your gogo raised a good man"),
              ("Sipho", "Thanks bru. The funeral is Saturday in Soweto"), ("Bongani", "I'll drive Gogo there, mine")),
       alive=["Sipho", "Bongani", "Gogo", "me"]),
]

# A friend's own kin dying, told in a chat by the friend: the friend's kin word is not the writer's kin.
THEIR_KIN = [
    _e(_lines(("Amy", "how's things"), ("Zara", "not great. my dad died this morning"), ("Amy", "oh Zara. I'm so sorry"),
              ("Amy", "Dad's just asked if there's anything we can do")), alive=["Amy", "Zara", "Dad", "me"]),
    _e(_lines(("Ollie", "you coming tonight?"), ("Finn", "can't. his mum died, Jack's mum"), ("Ollie", "shit. poor Jack"),
              ("Ollie", "my mum knew her from netball")), alive=["Ollie", "Finn", "Jack", "me"]),
    _e(_lines(("Rosa", "Mum's on her way to you"), ("Lucia", "ok. Nonna died last night btw, Marco's nonna"),
              ("Rosa", "oh no, poor Marco")), alive=["Rosa", "Lucia", "Marco", "Mum", "me"], may=["Nonna"]),
    _e(_lines(("Chidi", "Guy how far"), ("Emeka", "My papa passed this morning. I'm going to the village"),
              ("Chidi", "Ah. Sorry my brother. Papa will come for the burial")), alive=["Chidi", "Emeka", "Papa", "me"]),
    _e(_lines(("Wei Ling", "Eh you okay or not"), ("Hui Min", "my ah ma passed away last night lah"),
              ("Wei Ling", "aiyo so sorry. my mum will come for the wake")), alive=["Wei Ling", "Hui Min", "me"],
       may=["ah ma"]),
    _e(_lines(("Tash", "Kirra's nan died yesterday"), ("Brooke", "oh no is she ok"),
              ("Tash", "yeah she's with her mum. Nan's making her a casserole")), alive=["Tash", "Brooke", "Kirra", "Nan", "me"]),
    _e("Aunty Marcia call to say her husband pass on Tuesday. Mommy gone to Spanish Town to sit up with her.",
       alive=["Aunty Marcia|Marcia", "Mommy"]),
    _e("Raj's mother expired yesterday in Chennai. Amma and I will visit their home this evening.",
       alive=["Raj", "Amma", "me"]),
]

# Obituaries and funeral notices pasted into notes: the one the notice is of is dead; the mourners it lists live.
NOTICES = [
    _e("Pasted from the Gazette:\n\nSMITH, Margaret Anne (née Jones). Peacefully at home on 2 May 2024, aged 87. "
       "Beloved wife of the late Ronald, loving mum of Susan and Peter and a devoted nan. Funeral at St Mary's, Thursday "
       "16 May at 11am.", dead=["Margaret Anne|Margaret|Margaret Anne Smith|Margaret Smith"],
       alive=["Susan", "Peter"], may=["Ronald"]),
    _e("## Funeral\n\nThe death has occurred of Patrick Joseph Byrne, Ballyfermot. Deeply regretted by his loving wife "
       "Bridie, sons Sean and Declan, daughter Mary. Reposing at Fanagan's on Tuesday. Removal to St Matthew's.",
       dead=["Patrick Joseph Byrne|Patrick Byrne|Patrick"], alive=["Bridie", "Sean", "Declan", "Mary"]),
    _e("From the church bulletin: We commend to God our brother Samuel Okonkwo, who was called to glory on 20 May. He is "
       "survived by his wife Ifeoma and his children Chinedu and Adaeze.", dead=["Samuel Okonkwo|Samuel"],
       alive=["Ifeoma", "Chinedu", "Adaeze"]),
    _e("OBITUARY\nJohnson, Robert \"Bobby\" Lee, 74, of Dayton, passed away May 28, 2024. Preceded in death by his "
       "parents. Survived by his wife of 50 years, Linda, and his daughter Tammy. Services Saturday at Grace Baptist.",
       dead=["Robert|Bobby|Robert Lee Johnson|Robert Johnson|Johnson"], alive=["Linda", "Tammy"]),
    _e("Notes for the order of service:\n- In loving memory of Eileen Walsh, 1938-2024\n- Reading: Ciaran\n- Eulogy: "
       "Aoife\n- Music: Nessa", dead=["Eileen Walsh|Eileen"], alive=["Ciaran", "Aoife", "Nessa"]),
    _e("Death announcement for the Daily Graphic, draft:\nThe family of the late Opanyin Kwaku Asante regret to announce "
       "his passing. Chief mourners: Kofi Asante, Abena Asante. One-week observance at the family house.",
       dead=["Kwaku Asante|Opanyin Kwaku Asante|Kwaku"], alive=["Kofi Asante|Kofi", "Abena Asante|Abena"]),
    _e("Copied from the parish newsletter. The funeral of Mrs Agnes McLeod will be held at Govan Old on Friday. Agnes "
       "died on 30 May after a short illness. Her niece Fiona thanks everyone.", dead=["Agnes McLeod|Agnes"],
       alive=["Fiona"]),
    _e("Dad's notice, as we sent it:\n\nDAVIES, Gwilym. Died peacefully on 1 June, aged 82, husband of Eirlys, father of "
       "Huw and Sian. Funeral at Bethel Chapel.", dead=["Gwilym|Gwilym Davies|Davies|Dad"],
       alive=["Eirlys", "Huw", "Sian"]),
]

# Eulogies in the second person and memorial posts: the one spoken to is the dead; the long dead die on no day now.
EULOGY = [
    _e("Grandad, you taught me to fish off the pier at Whitby. Since you died the house is so quiet. Nan keeps your chair "
       "by the window.", dead=["Grandad"], alive=["Nan"]),
    _e("Mum,\n\nIt's three weeks since you passed. Dad is doing the garden the way you liked it. Ellie sends her love.\n\n"
       "Your Katie", dead=["Mum"], alive=["Dad", "Ellie", "Katie"]),
    _e("5 years today since we lost you Dad. Mum lit a candle and Josh put on your Springsteen records.", dead=["Dad"],
       alive=["Mum", "Josh"], old=["Dad"]),
    _e("Ten years today since Nanna left us. Still miss her scones. Tom and I took flowers to Karori.", dead=["Nanna"],
       alive=["Tom"], old=["Nanna"]),
    _e("#onthisday 2019: the day we lost Papa. Mama, Kuya and I went to the columbarium after mass.", dead=["Papa"],
       alive=["Mama", "Kuya"], old=["Papa"]),
    _e("Happy heavenly birthday Daddy. You would have been 70 today. Mummy made your jollof and Ije baked the cake.",
       may=["Daddy"], alive=["Mummy", "Ije"]),
    _e("Dear Ma,\nA year since you went. The mango tree you planted has fruit this summer. Anil and Divya visited "
       "yesterday.\nYour Suresh", may=["Ma"], alive=["Anil", "Divya", "Suresh"]),
    _e("Uncle Bertie, you were the funniest man in Belfast. Rest easy big man. Auntie June is holding up.",
       may=["Uncle Bertie|Bertie"], alive=["Auntie June|June"]),
]

# The famous and the fictional: a character's death is no person's; a famous death may be read; the reader lives.
FAMOUS = [
    _e("Bowie died today. Played Heroes on repeat. Sam came round with wine.", may=["Bowie"], alive=["Sam", "me"]),
    _e("The Queen has died. Mum cried watching the news and Dad put the kettle on.", alive=["Mum", "Dad"],
       may=["Queen|The Queen"]),
    _e("Finally finished Harry Potter with Ruby. Dumbledore dies and she threw the book at the wall.",
       alive=["Ruby", "Dumbledore", "Harry Potter|Harry"]),
    _e("Watched the finale with Kieran. Ned Stark dies in season one and I'm still not over it.",
       alive=["Kieran", "Ned Stark|Ned"]),
    _e("Dadi cried when Anand died in the film. Papa pretended he had something in his eye.",
       alive=["Dadi", "Papa", "Anand"]),
    _e("Chadwick Boseman passed away. Devon texted me and we just sat with it.", may=["Chadwick Boseman|Chadwick"],
       alive=["Devon", "me"]),
    _e("Rereading Little Women. Beth dies and Jo is never the same. Gran gave me this copy in 1995.",
       alive=["Beth", "Jo", "Gran"]),
    _e("Mufasa dies and Tayo wailed the whole cinema down. Mummy had to take him out.", alive=["Mufasa", "Tayo", "Mummy"]),
]

# Pets and plants.
PETS = [
    _e("Our cat Mittens died in the night. Chloe found her on the windowsill. Mum is digging a grave under the apple "
       "tree.", alive=["Chloe", "Mum", "Mittens"]),
    _e("Poor old Buster passed away at the vet. Fourteen years. Dad was with him.", alive=["Dad", "Buster"]),
    _e("My basil plant died. Ravi says I overwatered it. Third one this year.", alive=["Ravi", "me"]),
    _e("Monty the Monstera has passed. RIP big guy. Jade says get a snake plant.", alive=["Jade", "Monty"]),
    _e(_lines(("Kylie", "Milo died this morning"), ("Kylie", "he was 17, the vet said his kidneys"),
              ("Dan", "oh Kyl. best dog ever"), ("Kylie", "Mum's taking it worse than me")),
       alive=["Kylie", "Dan", "Milo", "me"]),
    _e("We had to put Bella down today. Hardest thing. Tom held her paw and Grandma made us tea after.",
       alive=["Tom", "Grandma", "Bella"]),
    _e("The goldfish, Nemo, died. Aarav held a funeral in the garden. Nani said a prayer.", alive=["Aarav", "Nani", "Nemo"]),
]

# Dying, not dead: hospice notes, prognoses, a bedside.
DYING = [
    _e("Hospice day 4. Mum is comfortable, sleeping most of the time. The nurse says it could be days. Jen and I took "
       "turns sitting with her.", alive=["Mum", "Jen", "me"]),
    _e("# Dad\n- end of life care started Tuesday\n- morphine driver\n- Uncle Bill coming Thursday\n- ask about last "
       "rites", alive=["Dad", "Uncle Bill|Bill"]),
    _e("Nana is actively dying. Her breathing has changed. Mammy won't leave the room.", alive=["Nana", "Mammy"]),
    _e("Papa moved to palliative care at Tata Memorial. Doctors say weeks. Didi is flying in.", alive=["Papa", "Didi"]),
    _e("Sat with Grandpa at Sunnyvale. He didn't know me today. The nurse says he's fading. Mom held his hand the "
       "whole time.", alive=["Grandpa", "Mom"]),
    _e(_lines(("Rachel", "how's your gran?"), ("Beth", "she's on her way out. they've stopped the drip"),
              ("Rachel", "I'm so sorry. I'm here")), alive=["Rachel", "Beth", "me"]),
]

# Long ago, told in memories: the dead are no news now; the one who lost them lives.
LONG_AGO = [
    _e("Mum lost her father in the war. She was four. She still has his cap badge in the drawer.", alive=["Mum"]),
    _e("Grandad died when Dad was a boy, so Dad was raised by Great-aunt Nell in Dundee.", alive=["Dad", "Nell"],
       may=["Grandad"], old=["Grandad"]),
    _e("Auntie Pat lost her husband in the Troubles. She never remarried. Visited her in Derry with Mum.",
       alive=["Auntie Pat|Pat", "Mum"]),
    _e("Nani told us about 1947, how her brother was killed at the border. Mama translated for Sophie.",
       alive=["Nani", "Mama", "Sophie"]),
    _e("Found the photo of Great-grandpa Tomas, who died in the mine in 1923. Gran says he was 31.", alive=["Gran"],
       may=["Great-grandpa Tomas|Tomas"], old=["Great-grandpa Tomas|Tomas"]),
    _e("My father passed when I was twelve. Mam raised the six of us on her own above the shop in Ennis.",
       alive=["Mam", "me"], may=["father"], old=["father"]),
]

# A stillbirth or a miscarriage: the parents live.
BABIES = [
    _e("We lost the baby at 11 weeks. Tom has been so gentle with me. Mum came over and cleaned the kitchen.",
       alive=["Tom", "Mum", "me"]),
    _e("Our son Noah was stillborn on Tuesday. Holding him was the best and worst hour of our lives. Dan carried the "
       "little box.", dead=["Noah"], alive=["Dan", "me"]),
    _e("Priya had a miscarriage last week. Rohan says she's resting. I'll take dal round on Sunday.",
       alive=["Priya", "Rohan"]),
    _e("Angel baby Grace, born sleeping 2 June. Mummy and Daddy love you forever. Aunty Ngozi will bring the candles.",
       may=["Grace"], alive=["Aunty Ngozi|Ngozi"]),
]

# "passed", "gone", "lost" and other words of death used of the living.
WORDS = [
    _e("Dad passed his driving test at 58! Mum made him drive us to the chippy to celebrate.", alive=["Dad", "Mum"]),
    _e("Aisha passed her exams!!! All As. Her mum cried at the kitchen table.", alive=["Aisha"]),
    _e("Kemi passed the bar! Daddy has called everyone in Lagos.", alive=["Kemi", "Daddy"]),
    _e("Nate passed out at the party and Jordan drew on his face.", alive=["Nate", "Jordan"]),
    _e("Grandma passed me the gravy and told Pops to sit down.", alive=["Grandma", "Pops"]),
    _e("Priya passed! First time, no minors. Her dad's buying her a Swift.", alive=["Priya"]),
    _e("Sarah's gone. Moved to Leeds for the job, didn't even say goodbye. Becky is gutted.", alive=["Sarah", "Becky"]),
    _e("Mum's gone for good this time. She's left Dad and moved in with Auntie Sue.",
       alive=["Mum", "Dad", "Auntie Sue|Sue"]),
    _e("Nan's gone to Spain for the winter again. Grandad's moaning about cooking for himself.", alive=["Nan", "Grandad"]),
    _e("Gone are the days when Uncle Dev would drive us to Goa. Now it's Rahul at the wheel.",
       alive=["Uncle Dev|Dev", "Rahul"]),
    _e("Lost touch with Aisha after uni. Found her on Insta today, she's in Toronto with her husband.", alive=["Aisha"]),
    _e("Mum finally lost the baby weight, 20 years later she says. Dad bought her a new dress.", alive=["Mum", "Dad"]),
    _e("Lost Dad in Tesco again. Found him in the biscuit aisle talking to Mrs Patel.", alive=["Dad", "Mrs Patel|Patel"]),
    _e("We lost Grandpa at the fair for an hour. He was at the tractor show with Uncle Jim.",
       alive=["Grandpa", "Uncle Jim|Jim"]),
    _e("Joel lost his job at the mill. Mum says he'll be fine.", alive=["Joel", "Mum"]),
    _e("Lola is gone na sa Canada for good. Tita Baby cried at NAIA.", alive=["Lola", "Tita Baby|Baby"]),
    _e("Mammy's gone to her rest, she says, meaning a nap on the couch. Da is minding the dinner.", alive=["Mammy", "Da"]),
    _e("Kobe's dead to me after that. Zoe agrees.", alive=["Kobe", "Zoe"]),
    _e("Dad was dead on his feet after the night shift. Mum sent him to bed.", alive=["Dad", "Mum"]),
    _e("Dead proud of our Kayleigh, she passed her nursing exams. Mam's throwing a party.", alive=["Kayleigh", "Mam"]),
]

# The writer's own dead, told tersely or softly.
TERSE = [
    _e("Dad. 4.10am. Mum and I were holding his hands.", dead=["Dad"], alive=["Mum"]),
    _e("Nana's gone. Mum rang at six. Can't write more.", dead=["Nana"], alive=["Mum"]),
    _e("Grandma went peacefully in her sleep last night. Aunt Lisa was with her.", dead=["Grandma"],
       alive=["Aunt Lisa|Lisa"]),
    _e("Grandad's funeral is Thursday. Need a black tie. Ask Callum to drive.", dead=["Grandad"], alive=["Callum"]),
    _e("Mum passed at 2am. Peaceful. Dad and Sinead were with her.", dead=["Mum"], alive=["Dad", "Sinead"]),
    _e(_lines(("Niamh", "Mammy died an hour ago"), ("Ciara", "oh Niamh. I'm coming over"), ("Niamh", "Daddy's with her")),
       dead=["Mammy"], alive=["Ciara", "Daddy", "Niamh", "me"]),
    _e("Lolo is with the Lord now. Tita Cora and I will fly to Iloilo for the burial.", dead=["Lolo"],
       alive=["Tita Cora|Cora"]),
    _e("Papa left us this morning. Mama is strong. Chotu is arranging the cremation.", dead=["Papa"],
       alive=["Mama", "Chotu"]),
    _e("Lost Mum on Sunday. The cancer. Dad won't eat.", dead=["Mum"], alive=["Dad"]),
    _e("Uncle Kev's gone. Heart. Auntie Bev found him in the shed.", dead=["Uncle Kev|Kev"],
       alive=["Auntie Bev|Bev"]),
    _e("Nanay's wake is at the house till Sunday. Tatay has not slept.", dead=["Nanay"], alive=["Tatay"]),
    _e("RIP Granny. 1931-2024. Mammy is in bits.", dead=["Granny"], alive=["Mammy"]),
    _e("- Gran died Sunday 2 June\n- tell school\n- Mum wants help with the flowers", dead=["Gran"], alive=["Mum"]),
    _e("Daddy has gone home to glory. Mummy and I are receiving visitors. Kelechi is flying from Houston.",
       dead=["Daddy"], alive=["Mummy", "Kelechi"]),
    _e(email_said("Fiona Grant", "Iain Grant", "Mum", "Iain,\n\nMum slipped away at 3 this morning. Dad was with her. "
                  "Ring me when you can.\n\nFi"), dead=["Mum"], alive=["Dad", "Iain", "Fiona", "me"]),
    _e("Our Ryan was killed on the M62 on Friday. Mam can't stop shaking. Dad's identifying him tomorrow.",
       dead=["Ryan"], alive=["Mam", "Dad"]),
]

# Written after the death rules were read: the new rules' cases, none from the corpus, and their controls.
AFTER = [
    _e("Betsy died at the lights on Queen Street. The AA man says the alternator's gone. Kev is not happy.",
       alive=["Betsy", "Kev"]),
    _e("Maxine died halfway to Cairns 🙄 Shane's walking to the servo.", alive=["Maxine", "Shane"]),
    _e("Uncle Ray died on the M6 on Friday. The police say the lorry driver fell asleep at the wheel.",
       dead=["Uncle Ray|Ray"]),
    _e("Nana,\n\nIt's a year since you died. Mum still sets your cup out on Sundays.\n\nLove always,\nRosie",
       dead=["Nana"], alive=["Mum", "Rosie", "me"]),
    _e("We give thanks to God for our sister Mary Obi, who went to be with the Lord on Sunday.",
       may=["Mary Obi|Mary"], alive=["God"]),
    _e("Grandpa left us this morning. Gran is with the vicar.", dead=["Grandpa"], alive=["Gran"]),
    _e("Kyle left us for Melbourne in March. Jess misses him.", alive=["Kyle", "Jess"]),
    _e("O'NEILL, Brendan. Suddenly, at his home, on 12 May 2024. Sadly missed by his sister Maura.",
       dead=["Brendan"], alive=["Maura"]),
    _e("JONES, Tom. Passed his driving test today! Mum is thrilled.", alive=["Tom", "Mum"]),
    _e("The death has occurred of Nuala Ryan, Thurles. Reposing at her daughter Orla's home.", dead=["Nuala Ryan|Nuala"],
       alive=["Orla"]),
    _e("Baby Ella was stillborn at 38 weeks. Jamie and I held her for hours.", dead=["Ella"], alive=["Jamie", "me"]),
    _e("Mama has gone home to glory, praise God. Kwesi is calling the family.", dead=["Mama"], alive=["Kwesi"]),
]

CASES = CONDOLENCE + THEIR_KIN + NOTICES + EULOGY + FAMOUS + PETS + DYING + LONG_AGO + BABIES + WORDS + TERSE + AFTER

# The writer's own, told plainly: still stated (a crying face beside it, a road, a greeting before it).
STATED = [
    ("Grandpa died this morning 😭 Mum is with Gran.", "Grandpa"),
    ("Uncle Ray died on the M6 on Friday. The police say the lorry driver fell asleep at the wheel.", "Uncle Ray|Ray"),
    ("Dear all,\n\nDad died peacefully on Sunday. Mum asks for no flowers.\n\nSue", "Dad"),
    ("O'NEILL, Brendan. Suddenly, at his home, on 12 May 2024. Sadly missed by his sister Maura.", "Brendan"),
]

# What is still read wrongly, by the case's first words: why (a strict xfail: a case read rightly later fails too).
LEFT = {
    "I'm so sorry about Grandpa Lou": "a condolence about a name, with no word of a death: not read",
    "From the church bulletin": "the parser hangs 'who was called to glory' on God, not on Samuel Okonkwo",
    "Dad. 4.10am.": "a kin word and an hour, no verb: not read",
    "Nana's gone.": "\"X's gone\" alone is not read (a death, or gone out)",
    "Uncle Kev's gone.": "\"X's gone\" alone is not read (a death, or gone out)",
    "Lolo is with the Lord now": "'Lolo' (Filipino: grandfather) is read as no one by the people layer",
    "Nanay's wake": "'Nanay' (Filipino: mother) is read as no one by the people layer",
    "The death has occurred of Nuala Ryan": "'Nuala Ryan, Thurles.': the people layer reads no one",
}


def _rows(cases):
    return left_as_xfail(cases, LEFT)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, dead, alive, may, old", _rows(CASES), ids=[told_label(c[0]) for c in CASES])
def test_only_the_dead_are_dead(db, tmp_path, said, dead, alive, may, old):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert not false_deaths(memory, dead, may, old, AT[:4]), read_deaths(memory)
        assert not missed_deaths(memory, dead), read_deaths(memory)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, who", STATED, ids=[told_label(c[0]) for c in STATED])
def test_ones_own_dead_told_plainly_stay_stated(db, tmp_path, said, who):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert any(c >= FACT and named(n, who) for n, c, _ in read_deaths(memory)), read_deaths(memory)


def test_the_set_is_large_enough():
    assert len({told_label(c[0], 200) for c in CASES}) >= 80


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 12th case read rightly, each in a memory of its own, on both."""
    for i, (said, dead, alive, may, old) in enumerate(unmarked(_rows(CASES))[::12]):
        with Memory(store_on(backend, request, tmp_path, f"d{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            assert not false_deaths(memory, dead, may, old, AT[:4]) and not missed_deaths(memory, dead), said
