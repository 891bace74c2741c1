"""What carries in how sure a relation is: each weight chosen on half the tuned writers, measured on the other half.

Reads the stores bench/journal.py builds (the same --cache; a store missing is built), the tuned writers only (TUNE: the
held-out writers are never read here), and scores the relations as bench/journal.py does (a tie is stated when its
surest reading is at least the threshold; implied ties worked out again from the readings, by extract/relations.implied).
The readings' confidences are worked out again from their rules (relations.CONFIDENCE) for each way of weighing them:

- `not sure`: less NOT_SURE in log-odds when one of the two is not surely a person (people.sure below LISTED) and named
  in one entry only, or however often named: the weight chosen on one half (the highest
  precision at the fact threshold with no fewer ties found right, the least such weight), measured on the other;
- `recounted`: each rule's share right recounted on one half, smoothed towards its CONFIDENCE (PRIOR readings' worth),
  each kind of tie apart smoothed towards its rule's, with the threshold chosen on that half for P >= 0.90 (and to the
  writer >= 0.95);
- `two rules` / `two kinds`: a tie read by two rules more sure, one with another family tie read between the same two
  less sure (each weight chosen on one half by likelihood, as `recounted`).

First it prints, over all the tuned writers, how often a family tie read is right when the other ties read also imply it
(relations.implied without it), imply another tie between the two, or imply nothing between them.

Halves: the tuned writers by name, every other one (A: the first, third ...; B: the rest).

    python bench/relation_weights.py --cache /tmp/journal
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import journal as J  # noqa: E402
from remembrancer.extract import relations as R  # noqa: E402
from remembrancer.kin import CONVERSE, KINDS, TIE_KINDS  # noqa: E402
from remembrancer.people import FACT, LISTED  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

PRIOR = 4
FAMILY = set(KINDS.values())
SYMMETRIC = set(KINDS.values()) | set(TIE_KINDS.values())


def read_writer(folder: Path, cache: Path) -> dict:
    """The store's relation readings (not implied), its people, who in the key each is, and the key's ties."""
    key = json.loads((folder / "key.json").read_text())
    k = J.Key(key)
    with Memory(J.build(folder, key, cache), derive=False) as memory:
        everyone = memory.people(everyone=True)
        owners = {r[0] for r in memory.query("SELECT id FROM people WHERE owner = 1")}
        for p in everyone:
            p["owner"] = p["id"] in owners
        kin_of, names_of = defaultdict(set), defaultdict(set)
        for pid, n in memory.query("SELECT id, name FROM people UNION SELECT person, alias FROM aliases"):
            names_of[pid].add(n)
        for s, o, word in memory.query("SELECT subject, object, relation FROM relations"):
            called = {J.relation_kind(w) for n in names_of[s] for w in J.low(n).split()[:1]} - {None}
            if not called or J.relation_kind(word) in called:
                kin_of[s] |= {key["writer"]} if o in owners and key.get("writer") else names_of[o]
        read, _, _ = J.match_people(k, everyone, kin_of)
        gold = set()
        for r in key.get("relations", []):
            n = J.normal(k.index.get(r["a"]), r["rel"], k.index.get(r["b"]))
            if n and None not in n[1:]:
                gold.add(n)
        people = {r["id"]: dict(r) for r in memory.query(
            "SELECT id, gender, owner, sure, (SELECT count(DISTINCT entry) FROM mentions m WHERE m.person = p.id) AS entries"
            " FROM people p")}
        rows = [tuple(r) for r in memory.query(
            "SELECT id, subject, relation, object, how FROM relations WHERE how NOT LIKE 'implied%' AND subject != object")]
    return {"rows": rows, "people": people, "read": read, "gold": gold, "owner": k.owner}


def gold_tie(d, s, word, o):
    gs, go = d["read"].get(s), d["read"].get(o)
    return J._scored(J.normal(gs if gs is not None else f"?{s}", word, go if go is not None else f"?{o}"), word, d["gold"])


def tie_key(s, word, o) -> tuple:
    """(kind, a, b): one key for a tie however it was told."""
    w = word.lower()
    kind = KINDS.get(w) or TIE_KINDS.get(w) or w
    other = CONVERSE.get(kind)
    if other and other != kind:
        return min((kind, s, o), (other, o, s))
    return (kind, *sorted((s, o))) if kind in SYMMETRIC else (kind, s, o)


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def counts(data, writers):
    """Each rule's (right, read), and each (rule, kind of tie)'s, over the ties it read on these writers."""
    rules, kinds = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for w in writers:
        d, seen = data[w], set()
        for rid, s, word, o, how in d["rows"]:
            n = gold_tie(d, s, word, o)
            if n is None or how not in R.CONFIDENCE:
                continue
            for key, table in (((how,), rules), ((how, tie_key(s, word, o)[0]), kinds)):
                if (key, n) not in seen:
                    seen.add((key, n))
                    table[key[0] if len(key) == 1 else key][0] += n in d["gold"]
                    table[key[0] if len(key) == 1 else key][1] += 1
    return rules, kinds


def weigh(d, way):
    """row id -> confidence, weighed one `way`: (not_sure, recounted (rules, kinds) or None, two_rules, two_kinds, once:
    not sure only when named in one entry only)."""
    not_sure, recounted, two_rules, two_kinds, once = way
    unsure = {p for p, v in d["people"].items() if not v["owner"] and (v["sure"] if v["sure"] is not None else 1.0) < LISTED
              and (v["entries"] <= 1 or not once)}
    ties = defaultdict(list)
    for rid, s, word, o, how in d["rows"]:
        if how in R.CONFIDENCE:
            ties[tie_key(s, word, o)].append((rid, how))
    between = defaultdict(set)
    for key in ties:
        if key[0] in FAMILY:
            between[frozenset(key[1:])].add(key)
    out = {}
    for key, readings in ties.items():
        shares = []
        for how in {how for _, how in readings}:
            share = R.CONFIDENCE[how]
            if recounted is not None:
                right, read = recounted[0].get(how, (0, 0))
                share = (right + PRIOR * share) / (read + PRIOR)
                right, read = recounted[1].get((how, key[0]), (0, 0))
                share = (right + PRIOR * share) / (read + PRIOR)
            shares.append(share)
        odds = logit(max(shares)) + two_rules * (len(shares) >= 2)
        odds -= two_kinds * (key[0] in FAMILY and len(between[frozenset(key[1:])]) > 1)
        odds -= not_sure * any(p in unsure for p in key[1:])
        for rid, _ in readings:
            out[rid] = round(1 / (1 + math.exp(-odds)), 4)
    return out


def readings(d, way):
    """[(surest confidence, right, to the writer)] of each tie read, implied ties worked out again; and the key's ties."""
    conf = weigh(d, way)
    best = {}
    for rid, s, word, o, how in d["rows"]:
        k = (s, word.lower(), o)
        best[k] = max(best.get(k, 0.0), conf.get(rid, R.CONFIDENCE.get(how, 1.0)))
    ties = [(s, word, o, c) for (s, word, o), c in best.items()]
    gender = {p: v["gender"] for p, v in d["people"].items()}
    writer = next((p for p, v in d["people"].items() if v["owner"]), None)
    surest = {}
    for s, word, o, c in ties + [t[:4] for t in R.implied(ties, gender, writer)]:
        n = gold_tie(d, s, word, o)
        if n is not None:
            surest[n] = max(surest.get(n, 0.0), c)
    gold = (len(d["gold"]), sum(d["owner"] in n[1:] for n in d["gold"]))
    return [(c, n in d["gold"], d["owner"] in n[1:]) for n, c in surest.items()], gold


def pooled(data, writers, way):
    rs, gold = [], [0, 0]
    for w in writers:
        r, g = readings(data[w], way)
        rs += r
        gold = [gold[0] + g[0], gold[1] + g[1]]
    return rs, gold


def figures(data, writers, way, cut) -> str:
    every, mine = J.relation_figures(*pooled(data, writers, way), cut)
    return f"{J._pr(*every)}, to writer {J._pr(*mine)}"


def loglik(rs) -> float:
    return sum(math.log(min(max(c, 1e-3), 1 - 1e-3)) if ok else math.log(1 - min(max(c, 1e-3), 1 - 1e-3)) for c, ok, _ in rs)


def corroborated(data, writers):
    """Each family tie read: is it also implied by the other ties read (worked out without any tie between the two), as
    the same kind of tie, another, or not at all; right/read of each, for the ties stated (at the fact threshold) and below."""
    out = defaultdict(lambda: [0, 0])
    for w in writers:
        d = data[w]
        best = {}
        for rid, s, word, o, how in d["rows"]:
            best[(s, word.lower(), o)] = max(best.get((s, word.lower(), o), 0.0), R.CONFIDENCE.get(how, 1.0))
        ties = [(s, word, o, c) for (s, word, o), c in best.items()]
        gender = {p: v["gender"] for p, v in d["people"].items()}
        writer = next((p for p, v in d["people"].items() if v["owner"]), None)
        keys = defaultdict(list)
        for s, word, o, c in ties:
            keys[tie_key(s, word, o)].append((s, word, o, c))
        for key, told in keys.items():
            if key[0] not in FAMILY:
                continue
            pair = set(key[1:])
            others = [t for t in ties if {t[0], t[2]} != pair]
            implied = {tie_key(s, word, o) for s, word, o, c, _ in R.implied(others, gender, writer) if {s, o} == pair and c >= R.SURE}
            how = "the same" if key in implied else "another" if implied else "none"
            n = gold_tie(d, *told[0][:3])
            stated = "stated" if max(c for *_, c in told) >= FACT else "perhaps"
            out[(stated, how)][0] += n in d["gold"]
            out[(stated, how)][1] += 1
    return ", ".join(f"{stated}, implied as {how}: {right}/{read}" for (stated, how), (right, read) in sorted(out.items()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(J.ROOT / "bench/data/journals"))
    ap.add_argument("--cache", default=str(Path.home() / ".cache/remembrancer/journal"))
    args = ap.parse_args(argv)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    folders = {p.parent.name: p.parent for p in Path(args.data).glob("*/key.json") if p.parent.name in J.TUNE}
    data = {w: read_writer(folders[w], cache) for w in sorted(folders)}
    names = sorted(data)
    halves = {"A": names[0::2], "B": names[1::2]}
    print(f"halves: A {', '.join(halves['A'])}; B {', '.join(halves['B'])}")
    print("a family tie read, also implied by the others read (right/read): " + corroborated(data, names))
    before = (0.0, None, 0.0, 0.0, True)
    for h in ("A", "B"):
        print(f"before (each reading its rule's confidence; fact threshold {FACT}) on {h}: {figures(data, halves[h], before, FACT)}")
    grid = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
    for chosen, other in (("A", "B"), ("B", "A")):
        # not sure: the weight with the highest precision at the fact threshold, finding no fewer ties right than none
        base = J.relation_figures(*pooled(data, halves[chosen], before), FACT)[0][0]
        for once in (True, False):
            scored = []
            for w in grid:
                (right, read, _), _ = J.relation_figures(*pooled(data, halves[chosen], (w, None, 0.0, 0.0, once)), FACT)
                scored.append(((right / read if right >= base else -1.0, -w), w))
            w = max(scored)[1]
            way = (w, None, 0.0, 0.0, once)
            print(f"not sure ({'named in one entry only' if once else 'however often named'}), chosen on {chosen}: {w}; on {chosen} "
                  f"{figures(data, halves[chosen], way, FACT)}; on {other} {figures(data, halves[other], way, FACT)}")
            for w2 in grid[1:]:
                print(f"    {w2}: on {chosen} {figures(data, halves[chosen], (w2, None, 0.0, 0.0, once), FACT)}")
        # recounted, two rules, two kinds: weights by likelihood on the half, the threshold chosen there
        rc = counts(data, halves[chosen])
        small = [0.0, 0.5, 1.0, 2.0]
        way = max(((ns, rc, a, b, True) for ns, a, b in itertools.product(small, small, small)),
                  key=lambda way: loglik(pooled(data, halves[chosen], way)[0]))
        for want_mine in (0.95, 0.0):
            cut = J.relation_threshold(*pooled(data, halves[chosen], way), 0.90, want_mine)
            cut = cut if cut is not None else 1.01
            print(f"recounted, chosen on {chosen} (not sure {way[0]}, two rules {way[2]}, two kinds {way[3]}; threshold {cut} "
                  f"for P >= 0.90{', to the writer >= 0.95' if want_mine else ''}): on {chosen} {figures(data, halves[chosen], way, cut)}; "
                  f"on {other} {figures(data, halves[other], way, cut)}")


if __name__ == "__main__":
    main()
