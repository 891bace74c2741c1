"""Kin, role and title words: what someone is to someone ("my mam", "her boss", "Uncle Ron"), each word once.

Every table of these words the components read is derived here, so a word's sex, its tie and whether it is used as a
name are said once. The tables keep the members they were tuned with: a word is in a table only when its `uses` say so
(docs/architecture.md lists where they differ). Imports nothing: reading a question (recall.py) needs these words and
no extraction component.

Columns of `LEXICON`: the word ("_" for a space); its sex (f, m, or - for either); the tie it names (a kind in
`KIND_TABLE` below); the relation it names used as a name ("Mum", "Nain Gwen": KIN_ROLE); the family honorific it
stands for (HONORIFIC_CLASS: "Mr. Morel" and "Mrs. Morel" are two people, and "Aunt Reed" may be "Mrs. Reed"); how
close a relation to the owner by it is (CLOSENESS, for fading); and its uses:
  role    a role noun: "my grandson", "her boss" (ROLES, with its sex)
  kin     a family tie other ties follow from: my husband's mother is my mother-in-law (KINDS, by its tie)
  told    a tie the owner's statements and the people graph know, told either way (TIE_KINDS, by its tie)
  mutual  two are it to each other alike: "Ross and Chandler are friends" (MUTUAL)
  born    a role a newborn takes: "You have a granddaughter. Matilda was born on the 9th." (BORN_ROLES)
  slang   a kin word friends and partners also call each other by: "bro", "daddy" (SLANG)
  own     a role one has only in one's own life: "the midwife" a diarist speaks of is hers (OWN)
  after   after a name, says what the named one is: "Georgiana Wife of the Above" (KIN_AFTER)
  title   goes with a name and gives its sex: "Uncle Ron", "Nain Gwen", "Mr Pugh" (HONORIFICS)
  alone   a title used alone as a name: "the Doctor", "the Boss" (TITLES)
  royal   a title that makes another person of the same name: "King John" is not "Sir John" (ROYAL)
  before  what someone is, written before their first name: "Midwife Sarah", "Nurse Ratched" (ROLE_TITLES)
  noun    a noun that stands for a person (PERSON_NOUNS; extract/cues.py adds nouns that are no role: "man", "someone")
"""
from __future__ import annotations

from typing import NamedTuple

LEXICON = """
# word           sex tie             names        class   close uses
# family: a parent, a child, a sibling, a spouse, grandparents, aunts and uncles, cousins, in-laws, steps, godparents
mother           f   parent          mother       -       1.0   role kin told title noun
father           m   parent          father       -       1.0   role kin told title before noun
parent           -   parent          -            -       1.0   role kin told noun
mum              f   parent          mother       -       1.0   role kin told noun
mom              f   parent          mother       -       1.0   role kin told noun
dad              m   parent          father       -       1.0   role kin told noun
mummy            f   parent          mother       -       1.0   role kin told slang
daddy            m   parent          father       -       1.0   role kin told slang
stepmother       f   parent          -            -       0.7   role told
stepfather       m   parent          -            -       0.7   role told
mam              f   parent          mother       -       -     role kin
mammy            f   parent          mother       -       -     role kin
ma               f   parent          mother       -       -     role kin
mommy            f   parent          mother       -       -     kin slang
mama             f   parent          mother       -       -     kin slang
papa             m   parent          father       -       -     kin slang
son              m   child           -            -       1.0   role kin told born after noun
daughter         f   child           -            -       1.0   role kin told born after noun
child            -   child           -            -       1.0   role kin told born noun
kid              -   child           -            -       1.0   role kin told noun
baby             -   child           -            -       1.0   role told born noun
stepson          m   child           -            -       0.7   role told
stepdaughter     f   child           -            -       0.7   role told
brother          m   sibling         -            -       0.9   role kin told mutual born title before noun
sister           f   sibling         -            -       0.9   role kin told mutual born title before noun
sibling          -   sibling         -            -       0.9   role kin told mutual born noun
twin             -   sibling         -            -       0.9   role kin told mutual
sis              f   sibling         sister       -       -     kin slang
bro              m   sibling         brother      -       -     kin slang
husband          m   spouse          -            -       1.0   role kin told after noun
wife             f   spouse          -            -       1.0   role kin told after noun
spouse           -   spouse          -            -       1.0   role kin told noun
grandmother      f   grandparent     grandmother  -       0.9   role kin told title noun
grandfather      m   grandparent     grandfather  -       0.9   role kin told title noun
grandparent      -   grandparent     -            -       0.9   role kin told
grandma          f   grandparent     grandmother  -       0.9   role kin told title noun
grandpa          m   grandparent     grandfather  -       0.9   role kin told title noun
granny           f   grandparent     grandmother  -       0.9   role kin told title noun
gran             f   grandparent     grandmother  -       0.9   role kin told title noun
nan              f   grandparent     grandmother  -       0.9   role kin told title
grandad          m   grandparent     grandfather  -       0.9   role kin told title noun
granddad         m   grandparent     grandfather  -       0.9   role kin told title
nana             f   grandparent     grandmother  -       -     role kin title
nanna            f   grandparent     grandmother  -       -     role kin title
nain             f   grandparent     grandmother  -       -     role kin title
taid             m   grandparent     grandfather  -       -     role kin title
grandson         m   grandchild      -            -       0.9   role kin told born noun
granddaughter    f   grandchild      -            -       0.9   role kin told born noun
grandchild       -   grandchild      -            -       0.9   role kin told born noun
grandkid         -   grandchild      -            -       -     role kin born
uncle            m   pibling         uncle        mr      0.7   role kin told title noun
aunt             f   pibling         aunt         mrs     0.7   role kin told title noun
auntie           f   pibling         aunt         mrs     0.7   role kin told title
aunty            f   pibling         aunt         -       -     kin title
nephew           m   nibling         -            -       0.7   role kin told born noun
niece            f   nibling         -            -       0.7   role kin told born noun
cousin           -   cousin          -            -       0.7   role kin told mutual born title noun
mother-in-law    -   parent-in-law   -            -       -     kin
father-in-law    -   parent-in-law   -            -       -     kin
son-in-law       -   child-in-law    -            -       -     kin
daughter-in-law  -   child-in-law    -            -       -     kin
brother-in-law   -   sibling-in-law  -            -       -     kin
sister-in-law    -   sibling-in-law  -            -       -     kin
widow            f   -               -            -       0.9   role after title noun
widower          m   -               -            -       0.9   role after noun
godmother        f   -               -            -       0.7   role
godfather        m   -               -            -       0.7   role
godson           m   -               -            -       0.7   role
goddaughter      f   -               -            -       0.7   role
grandmam         f   grandparent     -            -       -     role
godparent        -   -               -            -       -     role
relict           -   -               -            -       -     after

# what families call their own, used as names only ("Nonna made her lasagne", "Taid", "Mamgu")
mamma            f   parent          mother       -       -     -
mamá             f   parent          mother       -       -     -
mutti            f   parent          mother       -       -     -
amma             f   parent          mother       -       -     -
ammi             f   parent          mother       -       -     -
eomma            f   parent          mother       -       -     -
pa               m   parent          father       -       -     -
pop              m   parent          father       -       -     -
papá             m   parent          father       -       -     -
vati             m   parent          father       -       -     -
appa             m   parent          father       -       -     -
abbu             m   parent          father       -       -     -
grannie          f   grandparent     grandmother  -       -     title
ouma             f   grandparent     grandmother  -       -     title
gogo             f   grandparent     grandmother  -       -     title
naniji           f   grandparent     grandmother  -       -     title
dadiji           f   grandparent     grandmother  -       -     title
grandmama        f   grandparent     grandmother  -       -     title
nonna            f   grandparent     grandmother  -       -     title
oma              f   grandparent     grandmother  -       -     title
abuela           f   grandparent     grandmother  -       -     title
abuelita         f   grandparent     grandmother  -       -     title
bubbe            f   grandparent     grandmother  -       -     title
bubbie           f   grandparent     grandmother  -       -     title
babcia           f   grandparent     grandmother  -       -     title
yiayia           f   grandparent     grandmother  -       -     title
nani             f   grandparent     grandmother  -       -     title
dadi             f   grandparent     grandmother  -       -     title
mamie            f   grandparent     grandmother  -       -     title
obaasan          f   grandparent     grandmother  -       -     title
halmoni          f   grandparent     grandmother  -       -     title
mamgu            f   grandparent     grandmother  -       -     title
mamó             f   grandparent     grandmother  -       -     title
paati            f   grandparent     grandmother  -       -     title
ajji             f   grandparent     grandmother  -       -     title
grandpapa        m   grandparent     grandfather  -       -     title
oupa             m   grandparent     grandfather  -       -     title
mkhulu           m   grandparent     grandfather  -       -     title
nanaji           m   grandparent     grandfather  -       -     title
dadaji           m   grandparent     grandfather  -       -     title
gramps           m   grandparent     grandfather  -       -     title
nonno            m   grandparent     grandfather  -       -     title
opa              m   grandparent     grandfather  -       -     title
abuelo           m   grandparent     grandfather  -       -     title
abuelito         m   grandparent     grandfather  -       -     title
zayde            m   grandparent     grandfather  -       -     title
zaide            m   grandparent     grandfather  -       -     title
zeyde            m   grandparent     grandfather  -       -     title
dziadek          m   grandparent     grandfather  -       -     title
papou            m   grandparent     grandfather  -       -     title
pappou           m   grandparent     grandfather  -       -     title
ojiisan          m   grandparent     grandfather  -       -     title
tadcu            m   grandparent     grandfather  -       -     title
bampi            m   grandparent     grandfather  -       -     title
granda           m   grandparent     grandfather  -       -     title
grandda          m   grandparent     grandfather  -       -     title
grampa           m   grandparent     grandfather  -       -     title
grampy           m   grandparent     grandfather  -       -     title
daideó           m   grandparent     grandfather  -       -     title
thatha           m   grandparent     grandfather  -       -     title
ajja             m   grandparent     grandfather  -       -     title
zia              f   pibling         aunt         -       -     title
tante            f   pibling         aunt         -       -     title
zio              m   pibling         uncle        -       -     title
tannie           f   pibling         aunt         -       -     title
oom              m   pibling         uncle        -       -     title
chacha           m   pibling         uncle        -       -     title
chachu           m   pibling         uncle        -       -     title
chachi           f   pibling         aunt         -       -     title
mausi            f   pibling         aunt         -       -     title
# Irish, Scottish, Caribbean, Indian and Ghanaian English (kinwords20). Tried and left out, by the journal bench:
# Filipino "Lolo", "Nanay", "Tatay" and the titles "Ate", "Kuya", "Tita", "Tito", "Tío", "Tía" (each set lowered a
# group's people precision); "Pops" (a father or a grandfather); "Lola", "Tia" (given names too); "Didi", "Bhaiya"
# (said after any elder's name, "Meera Didi", they made a living man dead on half A).
da               m   parent          father       -       -     -
tanty            f   pibling         aunt         -       -     title
tantie           f   pibling         aunt         -       -     title
bua              f   pibling         aunt         -       -     title

# partners, friends, work, home and care
partner          -   partner         -            -       1.0   role told noun
fiance           m   partner         -            -       0.9   role told noun
fiancé           m   partner         -            -       0.9   role told
fiancee          f   partner         -            -       0.9   role told noun
fiancée          f   partner         -            -       0.9   role told
boyfriend        m   partner         -            -       0.9   role told noun
girlfriend       f   partner         -            -       0.9   role told noun
lover            -   -               -            -       0.9   role noun
friend           -   friend          -            -       0.7   role told mutual noun
mate             -   -               -            -       0.7   role mutual noun
colleague        -   colleague       -            -       0.5   role told mutual noun
boss             -   -               -            -       0.5   role own alone noun
neighbour        -   neighbour       -            -       0.5   role told mutual noun
neighbor         -   neighbour       -            -       0.5   role told mutual noun
teacher          -   -               -            -       0.5   role before noun
student          -   -               -            -       0.5   role noun
pupil            -   -               -            -       0.5   role noun
doctor           -   -               -            -       0.5   role title alone before noun
nurse            -   -               -            -       0.5   role title before noun
flatmate         -   roommate        -            -       0.5   role told mutual
roommate         -   roommate        -            -       0.5   role told mutual
housemate        -   roommate        -            -       0.5   role told mutual
ex               -   -               -            -       -     role
master           m   -               -            master  0.5   role title alone noun
mistress         f   -               -            mrs     0.5   role title alone noun
servant          -   -               -            -       0.5   role noun
maid             f   -               -            -       0.5   role noun
employer         -   -               -            -       0.5   role
employee         -   -               -            -       0.5   role
landlord         m   -               -            -       0.5   role noun
landlady         f   -               -            -       0.5   role noun
tenant           -   -               -            -       0.5   role noun
guardian         -   -               -            -       0.7   role
ward             -   -               -            -       0.7   role
heir             -   -               -            -       -     role
nanny            f   -               -            -       0.5   role noun
mentor           -   -               -            -       0.5   role
coach            -   -               -            -       0.5   role title before
captain          -   -               -            -       0.5   role title alone noun
lieutenant       -   -               -            -       -     role title noun
sergeant         -   -               -            -       -     role title alone before noun
companion        -   -               -            -       0.7   role
pal              -   -               -            -       -     role
buddy            -   -               -            -       -     role
bestie           -   -               -            -       -     role
roomie           -   -               -            -       -     role
workmate         -   colleague       -            -       -     role told
coworker         -   colleague       -            -       -     role told
co-worker        -   colleague       -            -       -     role told
manager          -   -               -            -       -     role
supervisor       -   -               -            -       -     role
assistant        -   -               -            -       -     role
secretary        -   -               -            -       -     role
gp               -   -               -            -       -     role
carer            -   -               -            -       -     role
caregiver        -   -               -            -       -     role
midwife          f   -               -            -       -     role own before
consultant       -   -               -            -       -     role
physio           -   -               -            -       -     role
therapist        -   -               -            -       -     role
counsellor       -   -               -            -       -     role
best_friend      -   friend          -            -       -     told

# titles that are no tie: a social title, a rank, an office
mr               m   -               -            mr      -     title
mister           m   -               -            mr      -     title
sir              m   -               -            sir     -     title before
lord             m   -               -            lord    -     title alone noun
monsieur         m   -               -            mr      -     title
herr             m   -               -            mr      -     title
signor           m   -               -            mr      -     title
señor            m   -               -            mr      -     title
king             m   -               -            -       -     title alone royal noun
prince           m   -               -            -       -     title alone royal noun
duke             m   -               -            -       -     title alone noun
count            m   -               -            -       -     title alone
baron            m   -               -            -       -     title alone noun
emperor          m   -               -            -       -     title alone royal noun
mrs              f   -               -            mrs     -     title
miss             f   -               -            miss    -     title before
ms               f   -               -            ms      -     title
lady             f   -               -            lady    -     title alone noun
madam            f   -               -            -       -     title
madame           f   -               -            mrs     -     title
mme              f   -               -            mrs     -     title
mlle             f   -               -            miss    -     title
mademoiselle     f   -               -            miss    -     title
dame             f   -               -            lady    -     title
queen            f   -               -            -       -     title alone royal noun
princess         f   -               -            -       -     title alone royal noun
duchess          f   -               -            -       -     title alone noun
countess         f   -               -            -       -     title alone
baroness         f   -               -            -       -     title alone noun
empress          f   -               -            -       -     title alone royal noun
dr               -   -               -            -       -     title
prof             -   -               -            -       -     title
professor        -   -               -            -       -     title alone noun
capt             -   -               -            -       -     title
colonel          -   -               -            -       -     title alone noun
col              -   -               -            -       -     title
general          -   -               -            -       -     title alone noun
gen              -   -               -            -       -     title
major            -   -               -            -       -     title alone noun
sgt              -   -               -            -       -     title
lt               -   -               -            -       -     title
commander        -   -               -            -       -     title alone noun
admiral          -   -               -            -       -     title alone noun
inspector        -   -               -            -       -     title alone noun
detective        -   -               -            -       -     title alone noun
officer          -   -               -            -       -     title before noun
reverend         -   -               -            -       -     title noun
rev              -   -               -            -       -     title
judge            -   -               -            -       -     title alone noun
president        -   -               -            -       -     title alone noun
governor         -   -               -            -       -     title alone noun
mayor            -   -               -            -       -     title noun
senator          -   -               -            -       -     title noun
saint            -   -               -            -       -     title
st               -   -               -            -       -     title
chief            -   -               -            -       -     title alone noun
brigadier        -   -               -            -       -     title alone
corporal         -   -               -            -       -     title
private          -   -               -            -       -     title
agent            -   -               -            -       -     title
sultan           m   -               -            -       -     title
sultana          f   -               -            -       -     title
rajah            m   -               -            -       -     title
pasha            m   -               -            -       -     title
sheikh           m   -               -            -       -     title
tsar             m   -               -            -       -     title
czar             m   -               -            -       -     title
tsarina          f   -               -            -       -     title
czarina          f   -               -            -       -     title
pharaoh          m   -               -            -       -     title
caliph           m   -               -            -       -     title
marquess         m   -               -            -       -     title
marchioness      f   -               -            -       -     title
viscount         m   -               -            -       -     title
viscountess      f   -               -            -       -     title
archduke         m   -               -            -       -     title
archduchess      f   -               -            -       -     title
farmer           -   -               -            -       -     title
parson           -   -               -            -       -     title
squire           m   -               -            -       -     title alone
goody            f   -               -            -       -     title
m                -   -               -            mr      -     -
missus           -   -               -            mrs     -     -
pope             m   -               -            -       -     alone royal noun
vicar            -   -               -            -       -     alone before noun
rector           -   -               -            -       -     alone noun
colonel's        -   -               -            -       -     alone
chef             -   -               -            -       -     before
constable        -   -               -            -       -     before
councillor       -   -               -            -       -     before
imam             -   -               -            -       -     before
pastor           -   -               -            -       -     before
rabbi            -   -               -            -       -     before
opanyin          -   -               -            -       -     title
"""


def _rows(text: str) -> list[list[str | None]]:
    """A table's rows, its columns split on spaces, "-" as None."""
    return [[None if c == "-" else c for c in line.split()] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


class Word(NamedTuple):
    word: str
    sex: str | None
    tie: str | None
    names: str | None  # the relation it names used as a name
    honorific_class: str | None  # the family honorific it stands for
    closeness: float | None
    uses: frozenset[str]


def _words(text: str) -> list[Word]:
    return [Word(word.replace("_", " "), sex, tie, names, cls, None if close is None else float(close),
                 frozenset(u for u in uses if u)) for word, sex, tie, names, cls, close, *uses in _rows(text)]


ENTRIES = _words(LEXICON)
WORD = {w.word: w for w in ENTRIES}
assert len(WORD) == len(ENTRIES), "a word is in the lexicon once"


def _with(use: str) -> list[Word]:
    return [w for w in ENTRIES if use in w.uses]


ROLES = {w.word: w.sex for w in _with("role")}
KINDS = {w.word: w.tie for w in _with("kin")}
TIE_KINDS = {w.word: w.tie for w in _with("told")}
KIN_ROLE = {w.word: w.names for w in ENTRIES if w.names}
KIN_NAMES = {w.word: w.sex for w in ENTRIES if w.names}
HONORIFICS = {w.word: w.sex for w in _with("title")}
HONORIFIC_CLASS = {w.word: w.honorific_class for w in ENTRIES if w.honorific_class}
LOWER_KIN = {w.word: w.honorific_class for w in ENTRIES if w.honorific_class and w.tie}  # "her aunt Shaw" is Mrs. Shaw
TITLES = {w.word: w.sex for w in _with("alone")}
ROYAL = {w.word for w in _with("royal")}
ROLE_TITLES = {w.word for w in _with("before")}
PERSON_NOUNS = {w.word for w in _with("noun")}
MUTUAL = {w.word for w in _with("mutual")}
BORN_ROLES = {w.word for w in _with("born")}
SLANG = {w.word for w in _with("slang")}
OWN = {w.word for w in _with("own")}
KIN_AFTER = {w.word for w in _with("after")}
CLOSENESS = {w.word: w.closeness for w in ENTRIES if w.closeness is not None}

# The kinds of tie: its converse ("-": its own), its words for a woman and a man, the word for either when a tie
# read from a verb has one ("they married": spouse), and its group in the people graph's filter.
KIND_TABLE = """
# kind           converse        her             his             either   group
parent           child           mother          father          -        family
child            parent          daughter        son             -        family
grandparent      grandchild      grandmother     grandfather     -        family
grandchild       grandparent     granddaughter   grandson        -        family
pibling          nibling         aunt            uncle           -        family
nibling          pibling         niece           nephew          -        family
sibling          -               sister          brother         -        family
cousin           -               cousin          cousin          -        family
spouse           -               wife            husband         spouse   family
parent-in-law    child-in-law    mother-in-law   father-in-law   -        -
child-in-law     parent-in-law   daughter-in-law son-in-law      -        -
sibling-in-law   -               sister-in-law   brother-in-law  -        -
partner          -               girlfriend      boyfriend       partner  partner
fiance           -               fiancée         fiancé          fiance   -
ex-spouse        -               ex-wife         ex-husband      ex       -
ex-partner       -               ex-girlfriend   ex-boyfriend    ex       -
friend           -               -               -               -        friend
colleague        -               -               -               -        work
neighbour        -               -               -               -        home
roommate         -               -               -               -        home
"""
_KINDS = _rows(KIND_TABLE)
CONVERSE = {kind: converse for kind, converse, *_ in _KINDS if converse}
TIE_CONVERSE = {kind: c for kind, c in CONVERSE.items() if kind in TIE_KINDS.values()}  # the told ties' (people.py)
WORDS = {kind: (her, his) for kind, _, her, his, *_ in _KINDS if kind in KINDS.values()}
TIE_WORDS = {kind: (her, his, either) for kind, _, her, his, either, _ in _KINDS if either}
GROUPS = {}
for kind, *_, group in _KINDS:
    if group:
        GROUPS.setdefault(group, set()).add(kind)

# How a role word is made from another: "great-grandmother", "stepson", "ex-wife", "sister-in-law".
PREFIXES = ("great-", "great", "step-", "step", "half-", "ex-", "grand", "god", "foster-", "foster")
SUFFIXES = ("-in-law",)
