"""One lexicon of kin, role and title words (remembrancer/kin.py): each word once, every component's table from it."""
import subprocess
import sys

from remembrancer import forgetting, kin, people
from remembrancer.extract import cues, kinds, relations, roles
from remembrancer.extract import people as extract_people


def test_each_word_once():
    words = [line.split()[0] for line in kin.LEXICON.splitlines() if line.strip() and not line.startswith("#")]
    assert len(words) == len(set(words)) == len(kin.ENTRIES)
    kinds_ = [line.split()[0] for line in kin.KIND_TABLE.splitlines() if line.strip() and not line.startswith("#")]
    assert len(kinds_) == len(set(kinds_))


def test_components_read_the_lexicon():
    """The tables the components use are the lexicon's own objects, not copies written out again."""
    for module, names in ((relations, "ROLES KINDS CONVERSE WORDS MUTUAL BORN_ROLES SLANG OWN TIE_WORDS PREFIXES"
                                      " KIN_NAMES KIN_ROLE"),
                          (roles, "ROLES PREFIXES SUFFIXES"),
                          (extract_people, "HONORIFICS HONORIFIC_CLASS LOWER_KIN TITLES KIN_ROLE KIN_NAMES KIN_AFTER ROYAL"),
                          (kinds, "ROLE_TITLES HONORIFICS KIN_NAMES"), (forgetting, "CLOSENESS"), (people, "GROUPS")):
        for name in names.split():
            assert getattr(module, name) is getattr(kin, name), f"{module.__name__}.{name}"
    assert people._KIND is kin.TIE_KINDS and people._CONVERSE is kin.TIE_CONVERSE
    assert kin.PERSON_NOUNS < cues.PERSON_NOUNS and {"man", "someone"} < cues.PERSON_NOUNS - kin.PERSON_NOUNS


def test_a_word_says_what_it_means():
    nain = kin.WORD["nain"]
    assert (nain.sex, nain.tie, nain.names) == ("f", "grandparent", "grandmother")
    assert kin.KIN_NAMES["nain"] == kin.HONORIFICS["nain"] == kin.ROLES["nain"] == "f" and kin.KINDS["nain"] == "grandparent"
    assert kin.WORD["best friend"].tie == kin.TIE_KINDS["best friend"] == "friend"
    assert kin.LOWER_KIN == {"aunt": "mrs", "auntie": "mrs", "uncle": "mr"}  # "her aunt Shaw" (not "her master Shaw")
    assert kin.HONORIFIC_CLASS["master"] == "master" and "master" not in kin.LOWER_KIN
    assert kin.CONVERSE["parent-in-law"] == "child-in-law" and "parent-in-law" not in kin.TIE_CONVERSE
    assert kin.WORDS["pibling"] == ("aunt", "uncle") and kin.TIE_WORDS["ex-spouse"] == ("ex-wife", "ex-husband", "ex")
    assert list(kin.GROUPS) == ["family", "partner", "friend", "work", "home"]
    assert kin.CLOSENESS["mum"] == 1.0 and kin.CLOSENESS["colleague"] == 0.5 and "pal" not in kin.CLOSENESS


def test_the_lexicon_loads_no_extraction():
    """Reading a question needs these words, never the extraction package (which loads every component)."""
    code = ("import sys, remembrancer.kin; "
            "assert not [m for m in sys.modules if m.startswith(('remembrancer.extract', 'spacy'))], sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)
