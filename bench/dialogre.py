"""DialogRE: the relations the store holds between the people of a dialogue, against the annotation.

DialogRE (Yu et al., ACL 2020; Friends transcripts, evaluation only) gives each dialogue ("Speaker N:
text" turns) with annotated (x, y, relations) pairs. Each dialogue is imported as a chat into a store
of its own (`Memory.add_chat`, speakers "Speaker 1" ...; no speaker is the owner) and understood by
the extraction pipeline (`extract.process`; embeddings are not made: this measures understanding
only). Then, for every annotated pair whose two ends are people (x_type and y_type PER), the store
is asked what it holds between them:

- the same person (x and y are names of one person: a speaker and the name the turns call them by,
  "Phoebe" and "Pheebs") -> per:alternate_names;
- each relation row between the two, its word mapped to a DialogRE type with its direction (the
  store's "A is B's mother" is per:parents(B, A) and per:children(A, B));
- else nothing.

x and y are found by name or alias (a speaker by its label), else by a first name alone. Scored over
the types a memory of people needs (TYPES): per type and overall (micro), precision, recall and F1;
a pair annotated with other types only ("unanswerable", per:positive_impression ...) counts as a pair
with none of these, so a relation stored there is a false one. Terms of address annotated as
alternate names ("honey", "man": y_type STRING) are not names and are outside the PER pairs.

Baseline, same run, same pairs: a trigger word (TRIGGERS) in a turn that names both (by name, or
as its speaker), with the direction of parent/child and boss words taken from who says it; for
alternate names, y said to someone at the start or end of a turn next to a turn of x's ("Pheebs,
you can't"), or one name the start of the other ("Ann", "Annie").

    python bench/dialogre.py --data ../shared/benchdata/dialogre/dev.json
    python bench/dialogre.py --data ../shared/benchdata/dialogre/train.json --errors per:spouse,per:friends

Published anchors, for scale only (classifiers given the pair, choosing among all 36 types, F1 on
the test set): BERT 59.5, BERTs (speaker-aware) 61.2, SimpleRE 66.3.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from remembrancer import extract  # noqa: E402
from remembrancer.people import find  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

TYPES = ["per:alternate_names", "per:spouse", "per:girl/boyfriend", "per:parents", "per:children",
         "per:siblings", "per:other_family", "per:friends", "per:roommate", "per:boss", "per:subordinate",
         "per:neighbor", "per:pet", "per:acquaintance"]
ANCHORS = {"BERT": 59.5, "BERTs": 61.2, "SimpleRE": 66.3}

# The store's relation words (subject is the object's <word>) -> (type of (object, subject), type of (subject, object)).
_PARENT = "mother father parent mum mom mam mama mommy mummy ma dad daddy papa pa stepmother stepfather".split()
_CHILD = "son daughter child kid baby stepson stepdaughter".split()
_SIBLING = "brother sister sibling twin sis bro stepbrother stepsister half-brother half-sister".split()
_FAMILY = ("grandmother grandfather grandparent grandma grandpa granny gran nan nana grandad granddad grandson "
           "granddaughter grandchild uncle aunt auntie nephew niece cousin mother-in-law father-in-law son-in-law "
           "daughter-in-law brother-in-law sister-in-law relative great-aunt great-uncle godmother godfather").split()
_BOSS = "boss manager employer supervisor".split()
_UNDER = "assistant employee secretary subordinate".split()


def types_of(word: str) -> tuple[str | None, str | None]:
    """(the type of (object, subject), the type of (subject, object)) for "subject is object's <word>"."""
    w = word.lower().removeprefix("ex-").removeprefix("ex ")
    if w in _PARENT:
        return "per:parents", "per:children"
    if w in _CHILD:
        return "per:children", "per:parents"
    if w in ("husband", "wife", "spouse"):
        return "per:spouse", "per:spouse"
    if w in ("boyfriend", "girlfriend", "partner", "fiance", "fiancé", "fiancee", "fiancée", "lover"):
        return "per:girl/boyfriend", "per:girl/boyfriend"
    if w in _SIBLING:
        return "per:siblings", "per:siblings"
    if w in _FAMILY:
        return "per:other_family", "per:other_family"
    if w in ("friend", "best friend", "mate", "buddy", "pal"):
        return "per:friends", "per:friends"
    if w in ("roommate", "roomie", "flatmate", "housemate"):
        return "per:roommate", "per:roommate"
    if w in _BOSS:
        return "per:boss", "per:subordinate"
    if w in _UNDER:
        return "per:subordinate", "per:boss"
    if w in ("neighbour", "neighbor"):
        return "per:neighbor", "per:neighbor"
    if w == "pet":
        return "per:pet", None
    if w == "acquaintance":
        return "per:acquaintance", "per:acquaintance"
    return None, None


# -- the data ---------------------------------------------------------------------------------------
def turns_of(dialogue: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in dialogue:
        speaker, sep, text = line.partition(": ")
        out.append((speaker.strip(), text) if sep and len(speaker) <= 60 else (None, line))
    return out


def pairs_of(annotations) -> list[dict]:
    """The annotated pairs between two people, with their gold types among TYPES."""
    return [{"x": a["x"], "y": a["y"], "gold": {r for r in a["r"] if r in TYPES}, "all": a["r"]}
            for a in annotations if a["x_type"] == "PER" and a["y_type"] == "PER"]


# -- what the store holds ---------------------------------------------------------------------------
def person_of(conn, name: str) -> int | None:
    pid = find(conn, name)
    if pid is None and len(name.split()) > 1:
        pid = find(conn, name.split()[0])  # "Phoebe Buffay": the store may know her as "Phoebe" only
    return pid


def stored(memory, x: str, y: str, rules=None) -> tuple[set[str], list[str]]:
    """The types the store holds for (x, y), and why; `rules` (a list) gets (type, the rule that read it)."""
    conn = memory.conn
    px, py = person_of(conn, x), person_of(conn, y)
    if px is None or py is None:
        return set(), []
    if px == py:
        if rules is not None:
            rules.append(("per:alternate_names", "one person"))
        return {"per:alternate_names"}, [f"one person: {memory.query('SELECT name FROM people WHERE id = ?', (px,))[0][0]}"]
    out, why = set(), []
    for s, rel, o, passage, how in memory.query(
            "SELECT subject, relation, object, passage, how FROM relations WHERE subject IN (?, ?) AND object IN (?, ?)",
            (px, py, px, py)):
        if s == o:
            continue
        as_object, as_subject = types_of(rel)
        # "s is o's rel": as_object is the type of (o, s), as_subject that of (s, o)
        t = as_object if (o, s) == (px, py) else as_subject
        if t:
            out.add(t)
            if rules is not None:
                rules.append((t, how))
            text = memory.query("SELECT text FROM passages WHERE id = ?", (passage,))
            why.append(f"{'y' if s == py else 'x'} is {'x' if o == px else 'y'}'s {rel} ({how}): {text[0][0][:120] if text else ''}")
    return out, why


def build(turns, folder: Path, n: int) -> Memory:
    path = folder / f"d{n}.db"
    memory = Memory(path, derive=False)
    entry = memory.add_chat([(s, t) for s, t in turns], at="2000-01-01")["entry"]
    extract.process(memory, [entry])
    return memory


# -- the baseline -----------------------------------------------------------------------------------
TRIGGERS = {
    "per:spouse": "wife husband married spouse".split(),
    "per:girl/boyfriend": "girlfriend boyfriend dating fiance fiancee".split(),
    "per:parents": "mom dad mother father mommy daddy parents".split(),
    "per:children": "son daughter kid kids baby".split(),
    "per:siblings": "brother sister sis bro".split(),
    "per:other_family": "aunt uncle cousin grandmother grandfather grandma grandpa nephew niece".split(),
    "per:friends": "friend friends".split(),
    "per:roommate": "roommate roommates roomie".split(),
    "per:boss": "boss".split(),
    "per:subordinate": "assistant".split(),
    "per:neighbor": "neighbor neighbors neighbour".split(),
    "per:pet": "dog cat pet".split(),
    "per:acquaintance": [],
}
_FLIP = {"per:parents": "per:children", "per:children": "per:parents", "per:boss": "per:subordinate",
         "per:subordinate": "per:boss"}


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def baseline(turns, x: str, y: str) -> set[str]:
    out = set()
    for i, (speaker, text) in enumerate(turns):
        says_x, says_y = speaker == x or _names(text, x), speaker == y or _names(text, y)
        if says_x and says_y:
            words = set(re.findall(r"[a-z]+", text.lower()))
            for t, triggers in TRIGGERS.items():
                if words & set(triggers):
                    # "my mom" said by x: y is x's parent; said by y: x is y's parent
                    out.add(_FLIP.get(t, t) if speaker == y else t)
        # alternate names: y said to the speaker of the turn next to it ("Pheebs, you can't")
        said_to = re.match(rf"\W*{re.escape(y)}\s*,", text) or re.search(rf",\s*{re.escape(y)}\s*[?!.]*\s*$", text)
        if said_to and speaker != x and any(0 <= j < len(turns) and turns[j][0] == x for j in (i - 1, i + 1)):
            out.add("per:alternate_names")
    if not x.startswith("Speaker ") and not y.startswith("Speaker ") and x != y and (
            x.split()[0].startswith(y.split()[0]) or y.split()[0].startswith(x.split()[0])):
        out.add("per:alternate_names")
    return out


# -- scoring ---------------------------------------------------------------------------------------
class Score:
    def __init__(self):
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()

    def add(self, gold: set, found: set):
        for t in found & gold:
            self.tp[t] += 1
        for t in found - gold:
            self.fp[t] += 1
        for t in gold - found:
            self.fn[t] += 1

    def prf(self, t=None):
        tp = sum(self.tp.values()) if t is None else self.tp[t]
        fp = sum(self.fp.values()) if t is None else self.fp[t]
        fn = sum(self.fn.values()) if t is None else self.fn[t]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parent.parent.parent / "shared/benchdata/dialogre/dev.json"))
    ap.add_argument("--limit", type=int, help="Only the first N dialogues.")
    ap.add_argument("--errors", default="", help="Comma-separated types (or 'all') whose errors to list.")
    args = ap.parse_args(argv)
    data = json.loads(Path(args.data).read_text())[:args.limit]
    ours, base = Score(), Score()
    by_rule = defaultdict(Counter)  # the rule that read a relation -> {True: right, False: wrong}, per pair and type
    shown = set(TYPES) if args.errors == "all" else {t for t in args.errors.split(",") if t}
    errors = []
    started = time.perf_counter()
    pairs_n = 0
    with tempfile.TemporaryDirectory(prefix="dialogre-") as tmp:
        for n, (dialogue, annotations) in enumerate(data):
            turns = turns_of(dialogue)
            memory = build(turns, Path(tmp), n)
            try:
                for pair in pairs_of(annotations):
                    pairs_n += 1
                    rules = []
                    found, why = stored(memory, pair["x"], pair["y"], rules)
                    for t, rule in set(rules):
                        by_rule[rule][t in pair["gold"]] += 1
                    ours.add(pair["gold"], found)
                    base.add(pair["gold"], baseline(turns, pair["x"], pair["y"]))
                    for t in (found ^ pair["gold"]) & shown:
                        kind = "false" if t in found else "missed"
                        errors.append(f"  {kind:6} {t:20} d{n} {pair['x']!r} -> {pair['y']!r} (gold {', '.join(pair['all'])}) {'; '.join(why)}")
            finally:
                memory.close()
                for f in Path(tmp).glob(f"d{n}.db*"):
                    f.unlink()
            if (n + 1) % 100 == 0:
                print(f"  {n + 1} dialogues, {time.perf_counter() - started:.0f}s", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"DialogRE {Path(args.data).name}: {len(data)} dialogues, {pairs_n} annotated PER-PER pairs; extraction {VERSION}")
    print(f"{'type':22} {'gold':>5} | {'ours P':>7} {'R':>6} {'F1':>6} {'found':>6} | {'base P':>7} {'R':>6} {'F1':>6} {'found':>6}")
    for t in TYPES + [None]:
        p, r, f, tp, fp, fn = ours.prf(t)
        bp, br, bf, btp, bfp, _ = base.prf(t)
        print(f"{t or 'overall':22} {tp + fn:5} | {p:7.3f} {r:6.3f} {f:6.3f} {tp + fp:6} | {bp:7.3f} {br:6.3f} {bf:6.3f} {btp + bfp:6}")
    print("by rule (right/read, pair and type): " + ", ".join(
        f"{rule} {c[True]}/{c[True] + c[False]}" for rule, c in sorted(by_rule.items())))
    if errors:
        print("errors:")
        print("\n".join(errors))
    p, r, f, tp, fp, fn = ours.prf()
    bp, br, bf, *_ = base.prf()
    print(f"summary: ours P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp} right of {tp + fp} stored, {tp + fn} gold) | "
          f"baseline P {bp:.3f} R {br:.3f} F1 {bf:.3f} | target P >= 0.85: {'met' if p >= 0.85 else 'not met'}, "
          f"ahead of baseline (F1): {'yes' if f > bf else 'no'} | {seconds:.0f}s")


VERSION = extract.VERSION

if __name__ == "__main__":
    main()
