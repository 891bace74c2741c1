"""A kin word in someone else's quoted words (issue 13, dead18): texts never seen, written before the rule was, none
from the corpus or a benchmark. Diaries, notes-app Markdown (headings, bullets, blockquotes), letters, emails and
voice-to-text, in Australian, British, American, Irish, Welsh, Indian, Nigerian, Ghanaian and Filipino English.

Words in quotation marks (or a Markdown blockquote) are the speaker's: "Dad died when I was nine," said by Gran, is
Gran's father's death, not the writer's Dad, who is alive and named by the same word elsewhere in the text. A death
whose dead is named inside a quote only by a bare kin word ("Dad", "my mum", "Nani") is at most "perhaps". A death
quoted of a named person ("Uncle Ted died"), or told outside the quote, or in the writer's own words quoted ('I told
the vicar, "Dad died on Sunday"'), stays stated."""
import pytest

from remembrancer import Memory
from remembrancer.people import FACT

from conftest import add_told, named, read_deaths, store_on, told_label, unmarked, left_as_xfail

pytestmark = [pytest.mark.backends, pytest.mark.extract_only]
AT = "2024-06-03"


def _e(said, alive=()):
    """A case: the text and who is alive (the writer's kin named by the word the quote uses for the speaker's)."""
    return said, tuple(alive)


def _mail(sender, to, subject, body):
    """An email (`import email`, an .eml file) from the writer."""
    return {"eml": f"From: {sender} <{sender.split()[0].lower()}@example.com>\nTo: {to} <{to.split()[0].lower()}@example.org>"
                   f"\nSubject: {subject}\nDate: Mon, 03 Jun 2024 09:00:00 +0000\nMessage-ID: <1@example.com>\n\n{body}\n",
            "me": sender}


QUOTED = [
    _e('Gran told the story again at lunch: "Dad died when I was nine, so we were raised by our aunt." Dad rolled his '
       "eyes, he's heard it forty times.", alive=["Dad", "Gran"]),
    _e('## Things Nanna said\n\n> "Mum passed when I was a girl and nobody ever talked about it."\n\nMum and I are driving '
       "her home on Sunday.", alive=["Mum", "Nanna"]),
    _e('Mrs Okafor from church said, "Papa was buried in Onitsha in 1968." Papa and I are taking her jollof on Sunday.',
       alive=["Papa", "Mrs Okafor|Okafor"]),
    _e(_mail("Liz Porter", "Jo Hale", "Kev", 'Hi Jo,\n\nKev wrote back: "My dad passed last year, so Christmas will be '
             'quiet." Dad says we should have him over on Boxing Day.\n\nLiz'), alive=["Dad", "Kev", "me"]),
    _e('At group tonight Marcy said "Mom died in 2009 and I still set a place for her at Thanksgiving." Mom called me '
       "after and we talked for an hour.", alive=["Mom", "Marcy"]),
    _e('Seán was telling us in the pub, "Daddy was buried above in Glasnevin the week before Christmas." Daddy texted me '
       "to bring home milk.", alive=["Daddy", "Seán|Sean"]),
    _e('Ramesh uncle at the sangeet kept saying, "Amma passed away last Diwali, beta." Amma was sitting right next to me '
       "eating gulab jamun.", alive=["Amma", "Ramesh"]),
    _e('Tunde at the reunion: "We buried Mummy in Ibadan in March." Mummy has been asking me to call his wife.',
       alive=["Mummy", "Tunde"]),
    _e('Joy said over merienda, "Mama died last year pa, I couldn\'t even go home." Mama video called us tonight, she is '
       "doing okay naman.", alive=["Mama", "Joy"]),
    _e("Aunty Bea on the phone, remembering: \u201cGrandad passed away in his chair in 1981, just like he wanted.\u201d "
       "Then Grandad got on the line and told me about his bowls final.", alive=["Grandad", "Bea|Aunty Bea"]),
    _e('so Kelly goes "my mum died when I was in year nine" and I didnt know what to say then Mum picked me up and we got '
       "chips", alive=["Mum", "Kelly"]),
    _e('# Book club\n- Denise read her bit: "Dad was killed on the farm in 1979."\n- Dad dropped me home after.',
       alive=["Dad", "Denise"]),
    _e('Dear Ruth,\n\nMrs Pryce came to chapel and told me, "Mam died on the Tuesday and we buried her on the Friday." '
       "Mam sends her love and says you are to write more often.\n\nYours, Gwen", alive=["Mam", "Mrs Pryce|Pryce"]),
    _e('Old Mr Feng tapped the photo. "Mother passed in 1962." Mother is flying in from Singapore on Friday, so I must '
       "clean the spare room.", alive=["Mother", "Mr Feng|Feng"]),
    _e('Pastor read out Brother Emeka\'s letter: "Papa slept in the Lord on Sunday." Papa says we must visit the family '
       "this weekend.", alive=["Papa", "Emeka"]),
    _e('Jenna\'s out of office says "Dad passed away suddenly, back on Monday." Dad rang me at lunch about the footy '
       "tips.", alive=["Dad", "Jenna"]),
    _e('Ty texted the group "Grandma died last night" and Grandma, mine, replied with a heart.', alive=["Grandma", "Ty"]),
    _e('Our new lodger Tomás told us, "My dad died when I was a baby." Dad offered him a beer and they watched the '
       "cricket.", alive=["Dad", "Tomás|Tomas"]),
    _e("Copied from Mum's old diary:\n\n> Dad died today. I can't believe he's gone.\n\nDad is taking her to see "
       "Grandad's grave on Sunday.", alive=["Dad", "Mum"]),
    _e('and then Priya goes "Papa passed away in the night" and the whole office went quiet. Papa is picking me up at six '
       "today.", alive=["Papa", "Priya"]),
    _e('Kofi said on the call, "Daddy passed on Thursday, the funeral is in Kumasi." Daddy asked me to send Kofi something '
       "small.", alive=["Daddy", "Kofi"]),
    _e('Neha said in the staffroom, "Nani expired last week, yaar." Nani is coming to us for Holi.', alive=["Nani", "Neha"]),
    _e('- Ahmed: "Father died in Lahore in 2015."\n- Father: still will not let me drive his car.',
       alive=["Father", "Ahmed"]),
    _e('Caller on the radio this morning: "Mum died of the same thing, get yourself checked." Made me ring Mum straight '
       "away. She's fine, moaning about the cat.", alive=["Mum"]),
    _e('At the wake Bernie stood up. "Mammy would be mortified by all this, God rest her. She died the way she lived." '
       "Mammy squeezed my hand from the pew beside me.", alive=["Mammy", "Bernie"]),
    _e('Dev\'s speech at the wedding: "Dad, who died before he could see this day, would have loved Sophie." My dad was '
       "in bits at table four. Dad cried all through it.", alive=["Dad", "Dev"]),
    _e('Reading Grandpa\'s war letters. "Father was killed at Arras, Mother took it very hard." Father and Mother would '
       "like copies, I'll scan them tonight.", alive=["Father", "Mother", "Grandpa"]),
    _e('My client Sharon cried in the session. "Mum passed away in the spring and I never said sorry." Rang Mum on the '
       "drive home.", alive=["Mum", "Sharon"]),
    _e("Hamish at the bothy, tellin us: \u201cMa faither died on the hill in the snaw.\u201d Dad says Hamish tells "
       "everyone that.", alive=["Dad", "Hamish"]),
    _e('Note from Tita Marites: "Nanay died peacefully, please pray for her." Nanay and I lit a candle for Tita\'s mother '
       "tonight.", alive=["Nanay", "Tita Marites|Marites"]),
    _e('"Mum died on my sixteenth birthday," Chloe said, out of nowhere, on the bus. Mum was waiting at the stop when I '
       "got off.", alive=["Mum", "Chloe"]),
    _e('The old fella at the bowls club said his wife always told him, "Dad passed the year the Pies won." Dad thinks he '
       "means 1990.", alive=["Dad"]),
    _e(_mail("Anil Mehta", "Raj Iyer", "Condolences", 'Hi Raj,\n\n> "Papa passed away on Saturday at home."\n\nSo sorry '
             "to read this. Papa sends his condolences too and will come to the prayer meeting.\n\nAnil"),
       alive=["Papa", "me"]),
]

# The death is real and must stay stated: a name quoted, the writer's own told outside the quote.
STATED = [
    ('"Uncle Ted died last night," Mum said. I still can\'t believe it.', "Uncle Ted|Ted"),
    ('Dad rang at six. "Grandad Joe passed away this morning." We drive up to Leeds tomorrow.', "Grandad Joe|Joe"),
    ('Mum died on Tuesday. Dad keeps saying "she\'d have hated all this fuss."', "Mum"),
    ('> "Mrs Bello died peacefully on 3 May, aged 88."\n\nCopied from the parish newsletter. Mrs Bello taught me to read.',
     "Mrs Bello|Bello"),
    ('Nan passed away this morning. Aunty Carol said "she\'s with Pop now."', "Nan"),
    ("Hi all,\n\nDad died on Sunday night. Mum asked me to tell you. \"No flowers,\" she says, \"just come.\"\n\nJo",
     "Dad"),
    ('Tom told me at the gym: "His mum Irene died in March."', "Irene"),
    # the writer's own words quoted: the verb they hang on has "I" or "we" for its subject
    ('I texted Jade "Grandpa died this morning" and she rang straight back.', "Grandpa"),
    ('"Dad died on Sunday," I told the vicar. He was very kind about it.', "Dad"),
    ('We sat the twins down and said, "Nana passed away in her sleep last night."', "Nana"),
]

# What is still read wrongly, by the case's first words: why (a strict xfail: a case read rightly later fails too).
LEFT = {
    "Note from Tita Marites": "'Nanay' (Filipino: mother) is no kin word to the kin table: read as a name, not as kin",
}


def _living_dead(memory, alive):
    """The living stated dead."""
    return [sorted(n) for n, c, _ in read_deaths(memory) if c >= FACT and any(named(n, w) for w in alive)]


def _rows(cases):
    return left_as_xfail(cases, LEFT)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, alive", _rows(QUOTED), ids=[told_label(c[0]) for c in QUOTED])
def test_a_kin_word_in_anothers_quote_kills_no_one(db, tmp_path, said, alive):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert not _living_dead(memory, alive), read_deaths(memory)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("said, who", STATED, ids=[told_label(c[0]) for c in STATED])
def test_a_death_quoted_by_name_or_told_outside_stays_stated(db, tmp_path, said, who):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert any(c >= FACT and named(n, who) for n, c, _ in read_deaths(memory)), read_deaths(memory)


def test_the_set_is_large_enough():
    assert len({told_label(c[0], 200) for c in QUOTED}) >= 30


def test_a_sample_read_the_same_on_both_backends(backend, request, tmp_path):
    """Every 8th case read rightly, each in a memory of its own, on both."""
    for i, (said, alive) in enumerate(unmarked(_rows(QUOTED))[::8]):
        with Memory(store_on(backend, request, tmp_path, f"q{i}")) as memory:
            add_told(memory, said, tmp_path, AT)
            assert not _living_dead(memory, alive), said
