"""False deaths on unseen text (issue 13, falsedeath24): texts never seen, written before extract/events.py was read,
none from the corpus or a benchmark, in forms earlier rounds did not cover: deaths of the famous, of characters in books,
films and soaps, of a pet or a plant, of strangers in the news; a near-death; an old death recalled beside the living
("since Dad died, Mum ..."); "lost", "late", "passed", "gone", "buried", "went" in their everyday senses; a
miscarriage; a death in a dream; a hypothetical; a will, life insurance, a DNR form of the living;
a false rumour of a death; one's own funeral planned or a headstone bidden; and the true deaths
these must not lose. Irish, Scottish, Welsh, Nigerian, Ghanaian, Indian, Filipino, Australian, American and Caribbean
English; diaries, letters, notes-app Markdown and JSONL chats. SQLite alone: nothing reads the store across entries.

What must be true: no one but the dead (`dead`) and those who may be read either way (`may`) is read dead, not even as
"perhaps"; the dead are read, at least as "perhaps"."""
import pytest

from remembrancer import Memory

from conftest import add_told, chat_lines, false_deaths, left_as_xfail, missed_deaths, named, read_deaths, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _e(said, dead=(), may=()):
    """A case: the text; who is dead ("A|B": either name) and must be read so; who may be read dead either way.
    Everyone else named is alive (or no person) and must not be read dead at all."""
    return said, tuple(dead), tuple(may)


def _lines(*turns):
    return chat_lines(*turns, at=AT)


# Deaths that are not the writer's people: the famous, characters, a pet, a plant, strangers.
NOT_OURS = [
    _e("Watched the news with Mum. Some singer from the eighties died, an overdose they said. Mum cried a bit."),
    _e("Matthew Perry died! Chandler was always my favourite. Told Aisha at work and she hadn't heard.",
       may=["Matthew Perry|Perry"]),
    _e("Finished the book last night. Beth dies at the end and I sobbed. Rang Siobhan to tell her to skip the last "
       "chapter."),
    _e("Corrie tonight, they killed off Gail's husband again. Nan shouted at the telly."),
    _e("Our dog Biscuit died this morning. Liam dug a hole under the apple tree."),
    _e("My basil plant died. Ananya says I overwater everything."),
    _e("A man was killed on the A9 near Perth last night. Fiona drove past the crash on her way home."),
]

# A near-death, a dream, a hypothetical, a will, insurance, a DNR form: of the living.
ALIVE = [
    _e("Dad nearly died in 2019 when his appendix burst. Now he's out on the bike every Sunday."),
    _e("Kuya Jun could have died in that typhoon. Thank God he's home with Ate Liza now."),
    _e("Gran's at death's door but rallying, the nurse says. Auntie Moira is sitting with her tonight."),
    _e("Had a horrible dream that Mum died. Rang her first thing and she laughed at me."),
    _e("If anything happened to me, Sam would have the kids. Carol witnessed the form."),
    _e("Took Dad to the solicitor to do his will. He's leaving the house to Ruth and me."),
    _e("Mum signed a DNR form today. Dr Okafor was very kind. She's still sharp as a tack."),
    _e("Got life insurance sorted for me and Jess at last."),
    _e("Rumour was that Mr Collins had died, but he turned up at the pub on Friday with Sheila."),
    _e("Shazza reckons she nearly carked it on that ride. Bazza laughed his head off."),
]

# A funeral, a headstone or a grave of the living: planned, talked of, bidden, to come.
OWN_FUNERAL = [
    _e("Write that on Mum's headstone: she was always right. Love, Fergus"),
    _e("Dad will have that carved on his headstone, the way he goes on about it. Mum rolled her eyes."),
    _e("Dad keeps talking about his funeral, which hymns he wants. He's fit as a fiddle."),
    _e("Aunty Nkechi is planning her own funeral. Chidi thinks it's morbid."),
]

# "lost", "late", "passed", "gone", "buried", "went", "dead", "kill" in their everyday senses.
EVERYDAY = [
    _e("Rangers lost the match and Callum lost the plot."),
    _e("Deepa lost her job at the call centre. Her husband Vikram is helping with the rent."),
    _e("Mum's lost so much weight and I've lost touch with Kerry from school."),
    _e("Grandad is losing his mind, poor thing. He asked Nana who she was."),
    _e(_lines(("Tayo", "running late again sorry!!"), ("Funmi", "Tayo you are always late 😂"))),
    _e("Bridget's on the late shift all week so I'm minding the kids."),
    _e("Ciara passed her driving test! Third go, God love her."),
    _e("Jo passed on the message to Ravi, he'll ring you back."),
    _e("Sinead's gone to Spain for the summer and Declan's gone very quiet."),
    _e("That old cinema is long gone, and so is the chippy Dad used to take us to."),
    _e("Buried in work all week. Priya and I finally buried the hatchet though."),
    _e("Mark went to Leeds for the weekend and Hannah went with him."),
    _e(_lines(("Ama", "omg my phone died"), ("Kojo", "mine too, battery dead"),
              ("Ama", "i'm dead 😂 Efua just fell in the pool"))),
    _e("## Sat\n\n- Kev's dad died 😢 send card\n- Kev off work till Weds\n"),
    _e("# To do\n\n- ring Auntie Joy re Uncle Tunde's will\n- Mum: hospital Tues\n- book flights for Kemi\n"),
    _e("Emma lost the baby at twelve weeks. Rob is being wonderful with her."),
]

# True deaths beside the living, in these words: the dead read, the living not.
TRUE = [
    _e("Since Dad died, Mum has taken up bowls. She's out three nights a week.", dead=["Dad"]),
    _e("Ever since Uncle Femi passed, Aunty Bisi runs the shop alone. She is very strong.",
       dead=["Uncle Femi|Femi"]),
    _e("Met Mrs Kelly at Mass. Her late husband Dermot was a great man for the hurling.", dead=["Dermot"]),
    _e("Aunty Grace passed away on Tuesday. Mummy is flying to Accra on Friday.", dead=["Aunty Grace|Grace"]),
    _e("Nonna is gone. She went peacefully in her sleep at 4am, and Marco was with her.", dead=["Nonna"]),
    _e("We buried Grandpa on Saturday beside Grandma. Josh gave the eulogy.", dead=["Grandpa"], may=["Grandma"]),
    _e("Nan went peacefully on Sunday with all of us round her. Chris is doing the flowers.", dead=["Nan"]),
    _e("Our daughter Rose was stillborn on the 3rd. We held her for an hour. Tom hasn't stopped crying.",
       dead=["Rose"]),
    _e(_lines(("Rhys", "Grandad's gone, mam just rang"), ("Ffion", "oh no Rhys, so sorry"),
              ("Rhys", "went in his sleep")), dead=["Grandad"]),
    _e("Miss Hyacinth from church dead, Lord have mercy. Devon gone to the nine night.",
       dead=["Miss Hyacinth|Hyacinth"]),
    _e("Sharma uncle expired last week. Papa went for the chautha.", dead=["Sharma uncle|Sharma"]),
]

# Written after the death rules were read: a death another's by name is not the one who took it hard or outlived it.
AFTER = [
    _e("Dad took Mom's death hard. He's seeing a counselor now.", dead=["Mom"]),
    _e("Nan survived Grandad's death by ten years. She's 94 now.", dead=["Grandad"]),
]

CASES = NOT_OURS + ALIVE + OWN_FUNERAL + EVERYDAY + TRUE + AFTER

# What is still read wrongly, by the case's first words: why (a strict xfail: a case read rightly later fails too).
LEFT = {
    "Nan went peacefully on Sunday with all": "a going 'with' someone is read as a leaving, even said peacefully",
    "Grandad's gone, mam just rang": "'gone' in a chat turn and 'went in his sleep' with no subject in the next: no death",
    "Miss Hyacinth from church dead": "'dead' with no verb (Caribbean English's zero copula) is no death to the rules",
}


def misread(memory, dead, may):
    """Those read dead, even as "perhaps", who are not dead; the dead not read dead; those stated dead wrongly."""
    wrong = [sorted(n) for n, c, _ in read_deaths(memory) if not any(named(n, w) for w in (*dead, *may))]
    return wrong, missed_deaths(memory, dead), false_deaths(memory, dead, may)


@pytest.mark.parametrize("said, dead, may", left_as_xfail(CASES, LEFT), ids=[told_label(c[0]) for c in CASES])
def test_only_the_dead_are_read_dead(db, tmp_path, said, dead, may):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        assert misread(memory, dead, may) == ([], [], []), read_deaths(memory)
