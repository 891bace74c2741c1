"""One person under a TITLED name and a plain one (issue 13, titles21): texts never seen, written before the join code
was read, none from the corpus or a benchmark. British, Irish, Scottish, Welsh, American, Australian, South African,
Nigerian, Ghanaian, Indian and Jamaican English; diaries over several days, letters, emails and JSONL chats.

  one    names a careful reader takes for one person: a kin word or a title of respect before a first name and that
         first name or the full name ("Auntie Maureen", "Maureen Doyle"); Mr, Mrs or Ms and the surname of the one person
         of that surname ("Mr Okafor", "Emeka Okafor"); a first name and the full name of the one person of that first
         name ("Dennis", "Dennis Whitworth").
  apart  names that are two people and must never be one (a wrong merge is worse than a duplicate): teknonyms ("Mama
         Tolu" is Tolu's mother), two Uncle Joes, a father and son of one name ("Big Davie", "wee Davie"), Mrs and Mr
         Smith, "Mr Okafor" when two Okafors are men, a grandmother and the granddaughter named for her, church titles
         beside a namesake, "Nana Sue" beside the writer's friend Sue, a "Mrs" of the writer's own surname.
The check: some listed person holds every name of a group kept one; no person holds two names of a pair kept apart
("me" is the writer)."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, email_said, left_as_xfail, person_names, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _c(said, one=(), apart=()):
    """A case: the text (a list of strings is a diary, one entry a day), the groups kept one, the pairs kept apart."""
    return said, [g.split("|") for g in one], [p.split("|") for p in apart]


def _lines(*turns):
    return chat_lines(*turns, at=AT)


CASES = [
    # -- a kin word or a title of respect before a first name: the first name, or the full name, is the same one -------
    _c(["Rang Maureen Doyle about the parish raffle, she has the tickets.",
        "Auntie Maureen came for her tea on Sunday and stayed till nine."],
       one=["Auntie Maureen|Maureen Doyle"], apart=["Auntie Maureen|me"]),
    _c(["Bren phoned to say the hip is healing. She's walking to the shop again.",
        "Took the kids to Nana Bren's for the afternoon. She made scones."],
       one=["Nana Bren|Bren"]),
    _c(["Frank fixed the porch step this morning, he won't let anyone else touch his tools.",
        "Grandpa Frank turns 80 on Saturday. The whole family is driving up to Dayton."],
       one=["Grandpa Frank|Frank"]),
    _c(["Oom Deon braaied for the whole street on Saturday, boerewors and chops.",
        "Deon du Plessis is retiring from the co-op at the end of the month, Ma says."],
       one=["Oom Deon|Deon du Plessis"]),
    _c(["Tannie Hettie sent a tin of rusks with Ouma's recipe.",
        "Hettie Botha is seventy-five next week. I must post a card to Bloemfontein."],
       one=["Tannie Hettie|Hettie Botha"]),
    _c(["Auntie Jean's lentil soup on the stove when we got in. Some things never change.",
        "Jean's knee is bad again. She says it's the weather in Paisley."],
       one=["Auntie Jean|Jean"]),
    _c(_lines(("Kemi", "Aunty Bisi said the wedding list is ready"), ("Tobi", "Tell Bisi I'll pay for the chairs"),
              ("Kemi", "Ok I'll tell her tonight")),
       one=["Aunty Bisi|Bisi"], apart=["Aunty Bisi|Kemi", "Aunty Bisi|Tobi"]),
    _c(["Uncle Cal came round with the trailer and took the old sofa to the tip.",
        "Cal rang later to say the tip charged him a tenner. Typical."],
       one=["Uncle Cal|Cal"]),
    _c(["Dear Dad,\n\nAuntie Siobhan Byrne wrote from Galway, she is well.\n\nLove, Niamh",
        "Dear Dad,\n\nSiobhan is coming over for Easter, she'll stay in the back room.\n\nLove, Niamh"],
       one=["Auntie Siobhan Byrne|Siobhan"]),
    _c(["Uncle Raymond took me fishing at the reservoir. Caught nothing.",
        "Raymond Tate's truck broke down outside Amarillo so he's staying over with us."],
       one=["Uncle Raymond|Raymond Tate"]),
    # -- Mr, Mrs or Ms and the surname of the one person of that surname ---------------------------------------------------
    _c(["Emeka Okafor started on the ward today, a new charge nurse from Enugu.",
        "Mr Okafor stayed late to finish the drug round. He is a good worker."],
       one=["Mr Okafor|Emeka Okafor"]),
    _c(["Gareth Pritchard from chapel fixed our gutter for nothing, bless him.",
        "Mr Pritchard brought the ladder back this morning and had a cup of tea."],
       one=["Mr Pritchard|Gareth Pritchard"]),
    _c(["Rosa Alvarez next door watched the kids after school.",
        "Mrs Alvarez brought tamales for the block party. She wouldn't take any money."],
       one=["Mrs Alvarez|Rosa Alvarez"]),
    _c(email_said("Chloe Evans", "Mark Evans", "Parents evening",
                  "Hi Mark,\n\nMet Karen Whitlock at parents evening, she's Ellie's teacher this year. Ms Whitlock says "
                  "Ellie is doing brilliantly at reading.\n\nChloe"),
       one=["Ms Whitlock|Karen Whitlock"], apart=["Ms Whitlock|me"]),
    _c(["Mr Kerr from the flat below carried the pram up three flights again. Graham. A proper gentleman.",
        "Graham came round later with a lasagne for the freezer."],
       one=["Mr Kerr|Graham"]),
    _c(["Said goodbye to Mrs Kowalski at the bus stop. Agnieszka too, with the dog."],
       apart=["Mrs Kowalski|Agnieszka"]),
    _c(["Mr Reid shouted at the boys in the lane. Callum! Get in here!"],
       apart=["Mr Reid|Callum"]),
    # -- a first name and the full name of the one person of that first name -----------------------------------------------
    _c(["Dennis Whitworth from the allotments gave me a marrow the size of a baby.",
        "Dennis came by again with runner beans. I've no room left in the freezer."],
       one=["Dennis|Dennis Whitworth"]),
    _c(["Maisie Thornton passed her driving test first time!",
        "Took Maisie out for a drive to Whitby to celebrate. She drove, I prayed."],
       one=["Maisie|Maisie Thornton"]),
    _c(_lines(("Harshad Shah", "Sanjay did you book the hall for Nisha's engagement"),
              ("Sanjay Shah", "Booked it. Nisha Shah please send me the guest list"),
              ("Nisha Shah", "Sending tonight. Harshad uncle you need to send yours too")),
       one=["Nisha Shah|Nisha", "Sanjay Shah|Sanjay"],
       apart=["Harshad Shah|Sanjay Shah", "Nisha Shah|Sanjay Shah", "Harshad Shah|Nisha Shah"]),
    _c(["Kwabena Asante is back from Accra, he brought kente for the twins.",
        "Kwabena and I went for jollof at the new place on Peckham Rye."],
       one=["Kwabena|Kwabena Asante"]),
    # -- teknonyms: the parent named by the child is never the child ---------------------------------------------------------
    _c(["Mama Tolu brought pepper soup for Tolu, who has malaria.",
        "Tolu is better today. Mama Tolu says she will go back to her shop tomorrow."],
       apart=["Mama Tolu|Tolu"]),
    _c(_lines(("Dayo", "Baba Femi is hosting the naming ceremony on Saturday"), ("Kemi", "Femi is so big now"),
              ("Dayo", "Baba Femi says Femi is already walking")),
       apart=["Baba Femi|Femi", "Dayo|Kemi"]),
    _c(["Mummy Tola called to say Tola got into Unilag.", "Tola came round to thank me for the textbook."],
       apart=["Mummy Tola|Tola"]),
    # -- two people of one name ----------------------------------------------------------------------------------------------
    _c(["Uncle Joe Brennan (Mam's brother) came for the hurling.",
        "Uncle Joe Kelly, Dad's old pal from the bus depot, rang about the reunion.",
        "Uncle Joe sent a card, I'm not sure which one."],
       apart=["Joe Brennan|Joe Kelly", "Uncle Joe Brennan|Uncle Joe Kelly"]),
    _c(["Big Davie took wee Davie to the fitba at Tannadice. Wee Davie is eight now and knows every player.",
        "Big Davie's back is sore from lifting the boy onto his shoulders."],
       apart=["Big Davie|wee Davie", "Big Davie|Davie"]),
    _c(["Mrs Smith from number 12 asked about the bins. Mr Smith was washing the car.",
        "Mr Smith said the council changed the day to Thursday."],
       apart=["Mrs Smith|Mr Smith"]),
    _c(["Emeka Okafor and his brother Chidi Okafor both work at the depot now.",
        "Mr Okafor asked me to swap shifts on Friday."],
       apart=["Mr Okafor|Emeka Okafor", "Mr Okafor|Chidi Okafor", "Emeka Okafor|Chidi Okafor"]),
    _c(["Our little Rose turned six today. She is named for Nana Rose, who would have loved the party.",
        "Rose lost her first tooth and put it under the pillow."],
       apart=["Nana Rose|Rose"]),
    _c(["Pastor Femi preached on Ruth this morning. Afterwards my nephew Femi ran round the hall with the twins.",
        "Femi has a cough, his mum kept him home from school."],
       apart=["Pastor Femi|Femi"]),
    _c(["Sister Grace from St Jude's brought the Communion to Mum.",
        "My sister Grace Adeyemi flew in from Houston last night, first time home in five years."],
       apart=["Sister Grace|Grace Adeyemi"]),
    _c(["Brother Kwame led the praise at the vigil.", "Kwame Mensah, my cousin from Kumasi, rang about the land."],
       apart=["Brother Kwame|Kwame Mensah"]),
    _c(["Took the kids to Nana Sue's for Sunday lunch. Nana Sue spoils them rotten.",
        "Coffee with Sue Hill from work. She's leaving for Perth in March."],
       apart=["Nana Sue|Sue Hill"]),
    _c(["Dennis Whitworth and Dennis Hale both came to the allotment meeting.",
        "Dennis said he'd bring the strimmer, I'm not sure which Dennis."],
       apart=["Dennis Whitworth|Dennis Hale"]),
    _c(["Liam Doyle, his diary. Mrs Doyle next door (no relation) brought scones round.",
        "Mrs Doyle's cat is in our shed again."],
       apart=["Mrs Doyle|me", "Mrs Doyle|Liam Doyle"]),
    _c(["Granny Pat and my cousin Pat came to the christening. Granny Pat held the baby the whole time.",
        "Pat drove Granny Pat home to Cork."],
       apart=["Granny Pat|Pat"]),
    _c(_lines(("Chidi", "Aunty Ngozi sent money for your fees"), ("Ngozi", "Thank you Aunty Ngozi! 🙏"),
              ("Chidi", "Ngozi don't forget to call her")),
       apart=["Aunty Ngozi|Ngozi"]),
]

# why this branch still reads some texts wrongly (strict xfails: a case read rightly later fails too)
LEFT = {
    "Bren phoned": "'Bren' alone is read as no one by the people layer (a name it does not know)",
    "Oom Deon braaied": "'Deon du Plessis' is read as no one by the people layer",
    "Baba Femi is hosting": "'Baba' is no kin word the lexicon knows (a Slavic grandmother too): 'Baba Femi' is read as a "
                            "first name and a surname, and 'Femi' as that surname",
    "Sister Grace from St Jude's": "'Sister' before a name is read as the writer's sister: the church title is told only by "
                                   "'from St Jude's'",
    "Brother Kwame led": "'Brother' before a name and 'my cousin' are both kin, not at odds (one of the family may call a "
                         "cousin 'Brother')",
    "Aunty Ngozi sent": "a titled name said in the turn of the speaker of that first name ('Thank you Aunty Ngozi!' from "
                        "Ngozi) is joined to her: the chat's speakers are not yet stored when the kin titles are joined",
}


def _rows(cases):
    return left_as_xfail(cases, LEFT)


def wrongs(memory, one, apart):
    """Groups kept one that no person holds, and pairs kept apart that one person holds."""
    people = list(person_names(memory).values())
    missed = ["/".join(g) for g in one if not any(all(n.lower() in held for n in g) for held in people)]
    merged = [f"{a}+{b}" for a, b in apart if any(a.lower() in held and b.lower() in held for held in people)]
    return missed + merged


@pytest.mark.parametrize("said, one, apart", _rows(CASES), ids=[told_label(c[0]) for c in CASES])
def test_a_titled_name_is_one_person_only_where_a_reader_takes_it_so(db, tmp_path, said, one, apart):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert not wrongs(memory, one, apart), sorted(map(sorted, person_names(memory).values()))
