"""The writer listed a second time under their own names (issue 13, selfname23): texts never seen, written before the
rules were changed, none from the corpus or a benchmark. Letters kept as entries (Scottish, American, Welsh, Irish,
Australian, Nigerian English), dictated memos and diaries.

ME: a name the writer signs their letters with, bare on the last line after a line of their own ("... according to my
daughter.\n\nDougie"), is the writer's and no one's kin; so is the name the writer says they still are ("I'm still Win").
NOT_ME: names that must never join the writer: a grandparent written to who shares the writer's first name, a friend
told "Win, you're a star" by someone else, a part in a play, a child named alone after a birth, a signer of a letter to
the writer. Merging the writer with anyone is the worst error: `not_me` are names the writer may not hold, `kept` names
someone other than the writer must still hold."""
import pytest

from remembrancer import Memory

from conftest import add_told, listed_people, told_label

pytestmark = pytest.mark.extract_only

AT = "2024-06-03"


def _me(said, *words, reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, words, marks=marks)


def _not_me(said, not_me, kept=(), reason=None):
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(said, tuple(not_me), tuple(kept), marks=marks)


ME = [
    # letters kept as the writer's entries, signed with a bare name after a kin word closes the paragraph before
    _me(["Dear Iain,\n\nThe boiler went again on Sunday. I'm to get a new one of everything, according to my daughter."
         "\n\nDougie\n", "Dear Iain,\n\nMum is settled at the home and I think the food is better than she lets on.\n\nDougie\n"],
        "dougie"),
    _me(["Dear Mike,\n\nThe lake froze early this year and the ice fishing is good. The new rod was a gift from my wife."
         "\n\nRay\n", "Dear Mike,\n\nSnow to the windowsills. I shoveled twice before church.\n\nRay\n"], "ray"),
    _me(["Annwyl Gareth,\n\nThe lambs are all in and the ewes are fine. The vet came out for my son's pony.\n\nDai\n",
         "Gareth,\n\nRain all week and the top field is a bog again.\n\nDai\n"], "dai"),
    _me(["Dear Chidi,\n\nThe rains have started in Enugu and the road to the village is bad. Greetings from my wife."
         "\n\nEmeka\n", "Dear Chidi,\n\nI fixed the generator at last and we have light at night.\n\nEmeka\n"], "emeka"),
    # the name the writer says they still are, dictated
    _me(["So this is me talking into the phone. Hazel set it up. I forget things now, I know I do.",
         "I want to remember that I'm still me. I'm still Win. I'm going to say that into here so I can listen to it."],
        "win"),
    _me(["The nurse called Bernadette Walsh twice before I stood up. I'm still Bernie to the girls at bingo, mind."],
        "bernie"),
]

NOT_ME = [
    # a grandparent written to who shares the writer's first name
    _not_me(["Dear Grandad Tom,\n\nThank you for the book. I have read half of it already. Mum says hello.\n\nLove,\n"
             "Tom\n", "Dear Grandad Tom,\n\nWe won the cup on Saturday. I scored twice.\n\nLove,\nTom\n"],
            ["grandad tom"], ["grandad tom"]),
    _not_me(["Dear Grandad Tom,\n\nI passed my driving test on Friday. Mum cried.\n\nTom\n", "Dear Grandad Tom,\n\n"
             "I am coming up at Easter with the new car.\n\nTom\n"], ["grandad tom"], ["grandad tom"]),
    # a son's letters kept in the writer's diary, the son written of by the writer too
    _not_me(["Dear Mum,\n\nI got the job at the port. Start Monday.\n\nLiam\n", "Dear Mum,\n\nI love the beach here."
             "\n\nLiam\n", "My son Liam rang from Perth. He sounds happy."], ["liam"], ["liam"]),
    # a friend told "Win, you're a star" by someone else, in the writer's words
    _not_me(["Went to the church fair with Win Lacey. Mavis said Win you're a star for doing the teas all day. Win "
             "went red. She is eighty-one next month and still makes the best scones in the parish."],
            ["win lacey", "win"], ["win lacey"]),
    # a part in a play
    _not_me(["Rehearsal ran late again. I'm still Banquo in the school play and I still forget my lines in act three."],
            ["banquo"]),
    # a child named alone after a birth in the middle of a letter
    _not_me(["Dear Joan,\n\nOur daughter was born on Tuesday at four in the morning. Niamh. She has her father's "
             "ears.\n\nAll my love,\nSiobhan\n"], ["niamh"], ["niamh"]),
    # a letter to the writer from her son, kept in the diary, signed with his name on a line of its own
    _not_me(["Dear Mum,\n\nThe flat in Perth is small but the beach is ten minutes away. Dad would have loved it here."
             "\n\nLiam\n", "Rang Liam in Perth tonight. He sounds happy, says the flat is tiny."], ["liam"], ["liam"]),
    # the writer's husband still someone's "Grandpa Dale", said of him
    _not_me(["Dale took the grandkids fishing at the creek. I'm still Nana to them, even at forty-eight. Grandpa Dale "
             "caught nothing and they laughed at him all the way home."], ["grandpa dale", "dale"], ["dale"]),
]


def _writer(people):
    return next((held for _, held in people if "me" in held), set())


def _others(people):
    return [held for _, held in people if "me" not in held]


@pytest.mark.parametrize("said, words", ME, ids=[told_label(r.values[0] if isinstance(r.values[0], str) else r.values[0][0])
                                                 for r in ME])
def test_a_name_the_writer_gives_is_no_one_else(db, tmp_path, said, words):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        assert not [w for w in words for held in _others(people) if w in held], people


@pytest.mark.parametrize("said, not_me, kept", NOT_ME,
                         ids=[told_label(r.values[0] if isinstance(r.values[0], str) else r.values[0][0]) for r in NOT_ME])
def test_someone_else_is_never_the_writer(db, tmp_path, said, not_me, kept):
    with Memory(db) as memory:
        add_told(memory, said, tmp_path, AT)
        people = listed_people(memory, everyone=True)
        me = _writer(people)
        assert not [w for w in not_me if w in me], people
        assert all(any(w in held for held in _others(people)) for w in kept), people
