"""How sure a name joined to a person is, by the evidence that joins it: measured on the tune writers of bench/journal.py,
chosen on one half of them and reported on the other (and the other way round).

Each name the store gives a listed person (an alias) is classed by how it relates to that person's other names
(`extract.join_class`: the same name, the first name of a full name, a curated nickname, a short form by first
letters, a kin word, or another name the text gave them), and is right when the key gives it to the key person
the listing is matched to (as bench/journal.py scores aliases). Per class: its precision on each half, and the
confidence `extract.JOINED` gives it; a class whose precision on the choosing half is below `extract.JOIN_AT` is a
class the store should not join on. Held-out writers are never read.

    python bench/joins.py --cache /tmp/journal-cache      # the stores bench/journal.py built (built here if missing)
    python bench/joins.py --halves-of journal.log          # each half's figures from a bench/journal.py output
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import journal  # noqa: E402
from remembrancer import extract  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

# the tune writers in the two halves bench/journal.py prints (`journal.half_of`: every other one in sorted order), so that
# a class chosen on one half is reported on the other half bench/journal.py reports (until joins8 a split of its own,
# which lacked diary-dundee)
HALVES = {h: [w for w in sorted(journal.TUNE) if journal.half_of(w) == f"half {h}"] for h in ("A", "B")}


def classes(data: Path, cache: Path, writers) -> dict[str, Counter]:
    """class -> Counter(right=, wrong=, missed=) over these writers' listed people's names (missed: the key's names of a
    person listed, not given to the listing, by how they relate to the names it has)."""
    out = defaultdict(Counter)
    for name in writers:
        folder = data / name
        key = json.loads((folder / "key.json").read_text())
        db = journal.build(folder, key, cache)
        k = journal.Key(key)
        with Memory(db, derive=False) as memory:
            listed = memory.people()
            owners = {r[0] for r in memory.query("SELECT id FROM people WHERE owner = 1")}
            for p in listed:
                p["owner"] = p["id"] in owners
            assigned, _, _ = journal.match_people(k, listed)
            seen = set()
            for p in listed:
                g = assigned[p["id"]]
                if g is None:
                    continue
                names = {n for n in [p["name"], *p["aliases"]] if journal.low(n) != "me"}
                for n in sorted(names):
                    kind = extract.join_class(n, frozenset(names - {n}))
                    out[kind]["right" if journal.low(n) in k.names[g] else "wrong"] += 1
                if g not in seen:  # the key's names of theirs the listing lacks, by how they relate to those it has
                    seen.add(g)
                    have = {journal.low(n) for n in names}
                    for n in sorted(k.names[g] - have - {"me"}):
                        out[extract.join_class(n, frozenset(names))]["missed"] += 1
    return out


def precision(c: Counter) -> float | None:
    return c["right"] / (c["right"] + c["wrong"]) if c["right"] + c["wrong"] else None


LAYER = re.compile(r"^  (people|aliases|relations|deaths)\s+P \S+ R \S+ \((\d+)/(\d+) right, (\d+)/(\d+) found\)")


def halves_of(log: Path) -> str:
    """The people, aliases, relations and deaths figures and the writers merged of each half, summed from the per-writer
    lines of a bench/journal.py output (only the tune writers' sections are read)."""
    sums = {h: defaultdict(lambda: [0, 0, 0, 0]) for h in HALVES}
    merged, dead = Counter(), Counter()
    half = None
    for line in log.read_text().splitlines():
        if line.startswith("== "):
            name = line[3:].split(" (")[0]
            half = next((h for h, ws in HALVES.items() if name in ws), None)
            continue
        if half is None:
            continue
        if m := LAYER.match(line):
            row = sums[half][m.group(1)]
            for i in range(4):
                row[i] += int(m.group(i + 2))
        elif line.startswith("  writer merged") and not line.endswith(" no"):
            merged[half] += 1
        elif line.startswith("  living marked dead") and not line.split()[3] == "0":
            dead[half] += 1
    out = []
    for h in HALVES:
        figures = ", ".join(f"{layer} P {r[0] / r[1]:.2f} R {r[2] / r[3]:.2f}" for layer, r in sums[h].items() if r[1] and r[3])
        out.append(f"half {h}: {figures}, writers merged {merged[h]}, living dead {dead[h]}")
    return " | ".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(journal.ROOT / "bench/data/journals"))
    ap.add_argument("--cache", default="/tmp/journal-cache")
    ap.add_argument("--halves-of", metavar="LOG", help="print each half's figures from a bench/journal.py output instead")
    args = ap.parse_args(argv)
    if args.halves_of:
        print(halves_of(Path(args.halves_of)))
        return
    data, cache = Path(args.data), Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    assert not set(journal.HELD_OUT + journal.FRESH) & {w for ws in HALVES.values() for w in ws}
    assert sorted(w for ws in HALVES.values() for w in ws) == sorted(journal.TUNE)
    by_half = {h: classes(data, cache, ws) for h, ws in HALVES.items()}
    kinds = sorted({k for c in by_half.values() for k in c})
    print(f"extraction {extract.VERSION}; join threshold {extract.JOIN_AT}")
    print(f"{'class':10} {'half A right/all':>18} {'P':>5} {'half B right/all':>18} {'P':>5}  JOINED  joins (chosen on A | on B)  missed A, B")
    for kind in kinds:
        a, b = by_half["A"][kind], by_half["B"][kind]
        pa, pb = precision(a), precision(b)
        conf = extract.JOINED.get(kind)
        on_a = "-" if pa is None else "yes" if pa >= extract.JOIN_AT else "no"
        on_b = "-" if pb is None else "yes" if pb >= extract.JOIN_AT else "no"
        fmt = lambda c, p: (f"{c['right']}/{c['right'] + c['wrong']}".rjust(18), "  -  " if p is None else f"{p:.3f}")
        (ra, sa), (rb, sb) = fmt(a, pa), fmt(b, pb)
        print(f"{kind:10} {ra} {sa} {rb} {sb}  {conf if conf is not None else '-':>6}  {on_a} | {on_b}  {a['missed']}, {b['missed']}")
    for h, other in (("A", "B"), ("B", "A")):
        keep = {k for k in kinds if (precision(by_half[h][k]) or 0) >= extract.JOIN_AT}
        kept = sum((by_half[other][k] for k in keep), Counter())
        dropped = sum((by_half[other][k] for k in set(kinds) - keep), Counter())
        print(f"classes chosen on {h} ({', '.join(sorted(keep))}), on {other}: names kept P "
              f"{precision(kept) or 0:.3f} ({kept['right']}/{kept['right'] + kept['wrong']}), names of the classes left out "
              f"{dropped['right']} right, {dropped['wrong']} wrong")


if __name__ == "__main__":
    main()
