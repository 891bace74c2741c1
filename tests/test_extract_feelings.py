"""Feelings: valence and emotions per sentence, from VADER and the NRC lexicon."""
from remembrancer.extract.base import Extraction
from remembrancer.extract.feelings import EMOTIONS, Feelings, lexicon
from test_extract_cues import nlp  # noqa: F401  (fixture)


def feelings(nlp, text):
    ex = Feelings()(Extraction(text=text, at=None, author=None, doc=nlp(text)))
    for f in ex.feelings:
        assert text[f.start:f.end].strip() == text[f.start:f.end]
    return ex.feelings


def test_lexicon_is_the_packaged_nrc():
    lex = lexicon()
    assert len(lex) > 5000 and "sadness" in lex["grief"]
    assert all(set(v) <= set(EMOTIONS) for v in lex.values())


def test_one_feeling_per_sentence_with_valence_sign(nlp):
    fs = feelings(nlp, "We laughed all day at the wonderful party. Then the terrible news came and we wept.")
    assert len(fs) == 2
    assert fs[0].valence > 0.3 and fs[1].valence < -0.3
    assert fs[0].emotions.get("joy", 0) > 0
    assert fs[1].emotions.get("sadness", 0) > 0 and fs[1].emotions.get("grief", 0) > 0


def test_named_feelings_love_and_guilt(nlp):
    fs = feelings(nlp, "I adore her. It was all my fault and I am so ashamed.")
    assert "love" in fs[0].emotions
    assert "guilt" in fs[1].emotions and fs[1].emotions["guilt"] >= 2 / 10


def test_negation_removes_the_emotion(nlp):
    assert "joy" not in feelings(nlp, "I was not happy.")[0].emotions
    assert "joy" in feelings(nlp, "I was happy.")[0].emotions


def test_shares_are_per_word_and_empty_sentences_have_none(nlp):
    fs = feelings(nlp, "The chair stood by the door.\n\nGrief, grief, grief.")
    assert fs[0].emotions == {} and fs[0].valence == 0.0
    assert fs[1].emotions["grief"] == 1.0
