"""Person facts (remembrancer/extract/facts.py) against facts annotated by hand, with a regex baseline.

The gold set is our own writing (bench/data/facts/*.json: chats and journal entries, each with every
fact it states annotated, see the README there). Each document is stored on its own, extracted as
`remembrancer add` / `import` would, and the distinct (person, kind, what) rows of `person_facts` are
scored. A predicted fact is right when a gold fact has its person (by any of the person's names; "me"
is the writer), its kind (one of the kinds the gold allows) and what it is about (the content words of
one contain those of the other). Precision = right predictions / predictions; recall = gold facts
matched / gold facts. Documents marked "held-out" were not looked at while the rules were written.

Baseline, same run: first-person regular expressions ("I love X", "I want to X", "I live in X",
"I work as X", "I have a X", "I play X"), the first two words after the verb, said of the chat speaker
or the writer.

    python bench/facts.py              # figures by split and by kind
    python bench/facts.py --errors     # also every wrong and missed fact
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from remembrancer.store import Memory  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "facts"
STOP = set("a an the of in at on to for with my his her their our your and or is are be".split())
BASELINE = [
    (re.compile(r"\b(?:I|we)\s+(?:really\s+|just\s+)?(?:love|like|enjoy|adore)\s+(\w+(?:\s\w+)?)", re.I), "likes"),
    (re.compile(r"\b(?:I|we)\s+(?:really\s+)?(?:hate|dislike|can't stand)\s+(\w+(?:\s\w+)?)", re.I), "dislikes"),
    (re.compile(r"\b(?:I|we)\s+(?:really\s+)?(?:want|hope|would like|'d like|'d love) to\s+(\w+(?:\s\w+)?)", re.I), "wants"),
    (re.compile(r"\b(?:I|we)(?:'m| am| are|'re)\s+(?:planning|going) to\s+(\w+(?:\s\w+)?)", re.I), "plans"),
    (re.compile(r"\b(?:I|we)\s+(?:live|lived)\s+in\s+(\w+(?:\s\w+)?)", re.I), "lives"),
    (re.compile(r"\b(?:I|we)\s+work\s+(?:as|at|for)\s+(?:an?\s+|the\s+)?(\w+(?:\s\w+)?)", re.I), "works"),
    (re.compile(r"\b(?:I|we)(?:'m| am)\s+(?:studying|majoring in)\s+(\w+(?:\s\w+)?)", re.I), "studies"),
    (re.compile(r"\b(?:I|we)\s+(?:have|own)\s+(?:a|an|two|three)\s+(\w+(?:\s\w+)?)", re.I), "has"),
    (re.compile(r"\b(?:I|we)\s+(?:play|go)\s+(\w+(?:\s\w+)?)", re.I), "does"),
]


def words(text: str) -> set[str]:
    """Content words, lower case, a plural's or an -ing's ending dropped: what two phrases share."""
    out = set()
    for w in re.findall(r"[\w'-]+", text.lower()):
        if w in STOP:
            continue
        for end in ("ing", "es", "s"):
            if w.endswith(end) and len(w) - len(end) >= 3:
                w = w[: -len(end)]
                break
        out.add(w)
    return out


def same(pred: dict, gold: dict) -> bool:
    kinds = gold["kind"] if isinstance(gold["kind"], list) else [gold["kind"]]
    if pred["kind"] not in kinds or gold["person"].lower() not in pred["names"]:
        return False
    a, b = words(pred["what"]), words(gold["what"])
    return bool(a and b) and (a <= b or b <= a)


def documents(split=None):
    for path in sorted(DATA.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if split is None or doc["split"] == split:
            yield doc


def predicted(doc, folder: Path) -> list[dict]:
    """The distinct facts the store reads in one document: {"person", "names", "kind", "what", "statement"}."""
    path = folder / f"{doc['id']}.db"
    with Memory(path) as m:
        if "turns" in doc:
            m.add_chat([tuple(t) for t in doc["turns"]], at=doc["at"])
        else:
            m.add(doc["text"], at=doc["at"])
        names = defaultdict(set)
        for r in m.query("SELECT id, name FROM people"):
            names[r[0]].add(r[1].lower())
        for r in m.query("SELECT person, alias FROM aliases"):
            names[r[0]].add(r[1].lower())
        rows = m.query("SELECT DISTINCT f.person, f.kind, f.what, f.statement FROM person_facts f")
        return [{"person": min(names[r[0]], key=len) if names[r[0]] else "?", "names": names[r[0]], "kind": r[1],
                 "what": r[2], "statement": r[3]} for r in rows]


def baseline(doc) -> list[dict]:
    """First-person regular expressions over each turn (said by its speaker) or the text (the writer)."""
    parts = [(s, t) for s, t in doc["turns"]] if "turns" in doc else [("me", doc["text"])]
    out = {}
    for speaker, text in parts:
        for pattern, kind in BASELINE:
            for m in pattern.finditer(text):
                out[(speaker, kind, m.group(1).lower())] = {"person": speaker, "names": {speaker.lower()}, "kind": kind,
                                                            "what": m.group(1).lower(), "statement": m.group(0)}
    return list(out.values())


def score(pairs):
    """pairs: [(predictions, gold)] -> (right predictions, predictions, gold matched, gold), and the errors."""
    right = total = found = gold_total = 0
    wrong, missed = [], []
    for preds, gold in pairs:
        total += len(preds)
        gold_total += len(gold)
        for p in preds:
            if any(same(p, g) for g in gold):
                right += 1
            else:
                wrong.append(p)
        for g in gold:
            if any(same(p, g) for p in preds):
                found += 1
            else:
                missed.append(g)
    return (right, total, found, gold_total), wrong, missed


def line(name, counts):
    right, total, found, gold = counts
    p = right / total if total else 0.0
    r = found / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<34} precision {p:.3f} ({right}/{total})  recall {r:.3f} ({found}/{gold})  F1 {f1:.3f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list wrong and missed facts")
    args = parser.parse_args(argv)
    docs = list(documents())
    with tempfile.TemporaryDirectory(prefix="facts-") as tmp:
        ours = {d["id"]: predicted(d, Path(tmp)) for d in docs}
    base = {d["id"]: baseline(d) for d in docs}
    sizes = {s: sum(len(d["facts"]) for d in docs if d["split"] == s) for s in ("tune", "held-out")}
    print(f"gold: {len(docs)} documents, {sum(sizes.values())} facts (tune {sizes['tune']}, held-out {sizes['held-out']})")
    for split in ("tune", "held-out", None):
        part = [d for d in docs if split is None or d["split"] == split]
        label = split or "all"
        counts, wrong, missed = score([(ours[d["id"]], d["facts"]) for d in part])
        print(line(f"remembrancer  {label}", counts))
        print(line(f"regex baseline {label}", score([(base[d["id"]], d["facts"]) for d in part])[0]))
    print("by kind (all documents), remembrancer:")
    kinds = sorted({p["kind"] for d in docs for p in ours[d["id"]]} | {k for d in docs for g in d["facts"]
                                                                        for k in (g["kind"] if isinstance(g["kind"], list) else [g["kind"]])})
    for kind in kinds:
        pairs = [([p for p in ours[d["id"]] if p["kind"] == kind],
                  [g for g in d["facts"] if kind in (g["kind"] if isinstance(g["kind"], list) else [g["kind"]])]) for d in docs]
        print(line(f"  {kind}", score(pairs)[0]))
    if args.errors:
        for d in docs:
            counts, wrong, missed = score([(ours[d["id"]], d["facts"])])
            print(f"\n{d['id']} ({d['split']}):")
            for p in wrong:
                print(f"  wrong   {p['person']}: {p['kind']} {p['what']!r} ({p['statement']})")
            for g in missed:
                print(f"  missed  {g['person']}: {g['kind']} {g['what']!r}")


if __name__ == "__main__":
    main()
