"""LoCoMo turn-level evidence recall: the hybrid `ask` against BM25-only and dense-only, same run.

Each conversation is its own store (the questions are about one conversation), as in the LoCoMo
paper. For every question with sound evidence, recall@k is the share of its evidence turns found
in the top k passages (chat turns, matched by `ref` = dia_id); questions whose evidence is empty,
malformed or names turns that do not exist are skipped and counted.

    python bench/locomo.py --data ../shared/benchdata/locomo/locomo10_dev.json
    python bench/locomo.py --data FILE --stores /tmp/locomo-stores   # keep the stores for a rerun
    python bench/locomo.py --data FILE --stores /tmp/locomo-stores --fit --loco   # refit; leave-one-conversation-out
    python bench/locomo.py --data FILE --stores /tmp/locomo-stores --loco-each   # each weight alone, left out
    python bench/locomo.py --data FILE --stores /tmp/locomo-stores --loco --generic-start   # the chat profile from none
    python bench/locomo.py --data FILE --incremental   # message by message through add_messages, beside the import
    python bench/locomo.py --data FILE --db-url postgresql://...   # also on PostgreSQL, beside SQLite

--db-url builds the same conversations again as memories in that PostgreSQL database (one memory each,
`locomo_<conversation>`, reused when complete), scores both in the same run and prints both, with the
difference at R@10 and R@25 (the PostgreSQL backend is to be within 0.5 points of SQLite).

--split-turns cuts every turn at its sentence ends into turns of the same speaker (`<conversation>_split`), as people
who message send one message in several short turns, and scores by the turns as they were (an evidence turn is found
when any of its parts is): a twin of short-turn chat made from the conversations themselves, to choose with when
the tuned conversations' turns are long and the held-out ones' short (REALTALK: docs/benchmarks.md).
With --fragments the turns are cut also at commas, dashes and the words that open a clause, a piece under three words
kept with the one before (`pieces`): turns as short as people text (a median of 7 words in REALTALK's chats 1-3).

--incremental feeds each conversation one message at a time through `Memory.add_messages` (as an agent
would, each session's turns joining that day's chat, understood after every message) into a second set of
stores, and compares its recall and time per message with the whole-file import made in the same run.

Anchor (LoCoMo paper, DRAGON retriever, turns): 56.7 / 66.2 / 76.7 / 82.7 % at k = 5/10/25/50.
"""
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from remembrancer import capture, recall  # noqa: E402
from remembrancer import store  # noqa: E402
from remembrancer.store import Memory  # noqa: E402

KS = (5, 10, 25, 50)
CATEGORIES = {1: "multi-hop", 2: "temporal", 3: "open-domain", 4: "single-hop", 5: "adversarial"}
ANCHOR = {"DRAGON (paper)": {5: 56.7, 10: 66.2, 25: 76.7, 50: 82.7}}
_REF = re.compile(r"^D\d+:\d+$")


def build(data_path, folder: Path | str, only=None) -> tuple[dict[str, Path], float]:
    """One store per conversation (of those in `only`, if given), made (and derived) unless already there;
    returns paths and seconds spent. `folder` a postgresql:// URL: a memory per conversation there."""
    by_conv = defaultdict(list)
    for entry in capture.locomo_entries(data_path):
        if only is None or entry.meta["conversation"] in only:
            by_conv[entry.meta["conversation"]].append(entry)
    paths, seconds = {}, 0.0
    for conv, entries in by_conv.items():
        path = folder / f"{conv}.db" if isinstance(folder, Path) else with_memory(folder, memory_name(conv))
        paths[conv] = path
        with Memory(path) as memory:
            have = memory.query("SELECT count(*) FROM entries")[0][0]
            if have < len(entries) or any(memory.pending(importlib.import_module(n)) for n in store.PROCESSORS):
                started = time.perf_counter()
                memory.add_entries(entries)
                memory.process()
                seconds += time.perf_counter() - started
                print(f"  ingested {conv}: {len(entries)} sessions in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return paths, seconds


def memory_name(conv: str) -> str:
    return "locomo_" + re.sub(r"[^a-z0-9_]", "_", conv.lower())


def with_memory(url: str, name: str) -> str:
    from remembrancer.postgres import with_memory as named

    return named(url, name)


def build_incremental(data_path, folder: Path) -> tuple[dict[str, Path], dict]:
    """One store per conversation fed message by message: `add_messages` (stored, searchable), then
    `process()` (understood), timed apart for every message. Returns paths and the timings in seconds."""
    by_conv = defaultdict(list)
    for entry in capture.locomo_entries(data_path):
        by_conv[entry.meta["conversation"]].append(entry)
    paths, stored, understood = {}, [], []
    for conv, entries in by_conv.items():
        path = paths[conv] = folder / f"{conv}.db"
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        with Memory(path, derive=False) as memory:
            for entry in entries:  # a session: its turns, one call each, as they were said
                for s, e, speaker, ref in entry.passages:
                    t0 = time.perf_counter()
                    out = memory.add_messages([{"speaker": speaker, "text": entry.text[s:e], "id": ref}],
                                              at=entry.at, source=entry.source)
                    t1 = time.perf_counter()
                    memory.process()
                    t2 = time.perf_counter()
                    assert out["stored"] == 1, out
                    stored.append(t1 - t0)
                    understood.append(t2 - t0)
        print(f"  fed {conv}: {sum(len(e.passages) for e in entries)} messages in {time.perf_counter() - started:.1f}s",
              file=sys.stderr)
    return paths, {"stored": stored, "understood": understood}


def questions(data_path):
    """(conversation, question, category, evidence) for every question; broken ones flagged (evidence None).

    Broken: evidence empty or not a list, a malformed id ("D13:4. D14:4", "D17;39", ""), or the id of a
    turn the conversation does not hold (REALTALK's photo turns were left out of its files)."""
    data = capture.read_json_file(data_path)
    data = [data] if isinstance(data, dict) else data
    for i, sample in enumerate(data):
        conv = sample.get("sample_id") or f"conversation-{i + 1}"
        refs = {t.get("dia_id") for k, v in sample["conversation"].items()
                if re.fullmatch(r"session_\d+", k) and isinstance(v, list) for t in v if isinstance(t, dict)}
        for qa in sample.get("qa", []):
            evidence = qa.get("evidence")
            sound = (isinstance(evidence, list) and evidence and isinstance(qa.get("question"), str)
                     and all(isinstance(e, str) and _REF.match(e) and e in refs for e in evidence))
            yield conv, qa.get("question"), qa.get("category"), (set(evidence) if sound else None)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Where a message sent in pieces is cut: sentence ends, commas, dashes and the words that open a clause.
FRAGMENT_END = re.compile(r"(?<=[.!?,;:])\s+|\s+[-–—]+\s+|\n+|\s+(?=(?:and|but|so|because|cause|cuz|though|although|then|"
                          r"also|plus)\b)", re.I)
FRAGMENT_LEAST = 3  # words: a shorter piece stays with the one before it ("so yes", "and me")


def pieces(text: str, fragments: bool = False) -> list[str]:
    """A turn cut at its sentence ends, or into fragments (`FRAGMENT_END`)."""
    if not fragments:
        return [x.strip() for x in SENTENCE_END.split(text) if x.strip()] or [text]
    out: list[str] = []
    for x in (x.strip() for x in FRAGMENT_END.split(text) if x and x.strip()):
        if out and len(x.split()) < FRAGMENT_LEAST:
            out[-1] += " " + x
        else:
            out.append(x)
    return out or [text]


def split_turns(data_path, out_path, fragments: bool = False) -> dict[str, dict[str, str]]:
    """Write the file with every turn cut at its sentence ends (or into fragments, `pieces`) into turns of the same
    speaker, renumbered (`D<session>:<n>`), each conversation named `<sample_id>_split`, and every sound evidence id
    replaced by its turn's parts (broken ones kept as they are, to be skipped and counted as before). Returns, for each
    conversation, each part's id -> the id of the turn it was cut from."""
    data = capture.read_json_file(data_path)
    data = [data] if isinstance(data, dict) else data
    out, merge = [], {}
    for i, sample in enumerate(data):
        conv = dict(sample["conversation"])
        parts_of: dict[str, list[str]] = {}
        for key, turns in sample["conversation"].items():
            if not (re.fullmatch(r"session_\d+", key) and isinstance(turns, list)):
                continue
            cut, n = [], 0
            for t in turns:
                if not isinstance(t, dict):
                    continue
                for piece in pieces(t.get("text") or "", fragments):
                    n += 1
                    part = dict(t, text=piece, dia_id=f"D{key.split('_')[1]}:{n}")
                    cut.append(part)
                    parts_of.setdefault(t.get("dia_id"), []).append(part["dia_id"])
            conv[key] = cut
        qa = []
        for q in sample.get("qa", []):
            evidence = q.get("evidence")
            if isinstance(evidence, list) and evidence and all(isinstance(e, str) and e in parts_of for e in evidence):
                q = dict(q, evidence=[p for e in evidence for p in parts_of[e]])
            elif isinstance(evidence, list):  # a turn the file does not hold is still none after renumbering
                q = dict(q, evidence=["D0:0" if isinstance(e, str) and _REF.match(e) and e not in parts_of else e
                                      for e in evidence])
            qa.append(q)
        name = f"{sample.get('sample_id') or f'conversation-{i + 1}'}_split"
        out.append(dict(sample, sample_id=name, conversation=conv, qa=qa))
        merge[name] = {p: turn for turn, parts in parts_of.items() for p in parts}
    Path(out_path).write_text(json.dumps(out))
    return merge


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else 0.0


def broken(data_path) -> dict[str, int]:
    """Why questions were skipped: how many for each kind of broken evidence."""
    data = capture.read_json_file(data_path)
    data = [data] if isinstance(data, dict) else data
    why = defaultdict(int)
    for sample in data:
        refs = {t.get("dia_id") for k, v in sample["conversation"].items()
                if re.fullmatch(r"session_\d+", k) and isinstance(v, list) for t in v if isinstance(t, dict)}
        for qa in sample.get("qa", []):
            evidence = qa.get("evidence")
            if not isinstance(evidence, list) or not evidence or not isinstance(qa.get("question"), str):
                why["no evidence"] += 1
            elif not all(isinstance(e, str) and _REF.match(e) for e in evidence):
                why["malformed id"] += 1
            elif not all(e in refs for e in evidence):
                why["turn not in the conversation"] += 1
    return dict(why)


def evaluate(data_path, paths, weights=None, limit=max(KS), modes=("hybrid", "bm25", "dense"), merge=None):
    """Mean recall@k per mode and category, latencies of the hybrid, the skipped count, and every
    question's recall (conversation, category, mode, {k: recall}) for the per-conversation tables. With
    `merge` (`split_turns`), recall is of the turns the parts were cut from."""
    sums = {m: defaultdict(lambda: defaultdict(float)) for m in modes}
    rows = []
    counts = defaultdict(int)
    skipped = defaultdict(int)
    latency = []
    memories = {conv: Memory(path, derive=False) for conv, path in paths.items()}
    for conv, question, category, evidence in questions(data_path):
        if conv not in memories:
            continue
        if evidence is None:
            skipped[category] += 1
            continue
        memory = memories[conv]
        counts[category] += 1
        for mode in modes:
            started = time.perf_counter()
            refs = [p["ref"] for p in recall.rank(memory, question, limit=limit, mode=mode, weights=weights)]
            if mode == "hybrid":
                latency.append(time.perf_counter() - started)
            wanted = evidence
            if merge:
                wanted, refs = {merge[conv][e] for e in evidence}, [merge[conv].get(r, r) for r in refs]
            found = {k: len(wanted & set(refs[:k])) / len(wanted) for k in KS}
            rows.append((conv, category, mode, found))
            for k in KS:
                sums[mode][category][k] += found[k]
    for memory in memories.values():
        memory.close()
    table = {}
    for mode in modes:
        table[mode] = {}
        for cat in sorted(counts):
            table[mode][cat] = {k: 100 * sums[mode][cat][k] / counts[cat] for k in KS}
        total = sum(counts.values())
        table[mode]["overall"] = {k: 100 * sum(sums[mode][c][k] for c in counts) / max(total, 1) for k in KS}
    return table, dict(counts), dict(skipped), latency, rows


# -- fitting the fusion weights, and the check that the fit is not learning these conversations --------
def cache(data_path, paths):
    """Every sound question's candidates and signals (`recall.prepare`), computed once: fitting re-fuses only.
    Returns [(conversation, category, evidence refs, features, passage id -> ref)]."""
    memories = {conv: Memory(path, derive=False) for conv, path in paths.items()}
    out = []
    for conv, question, category, evidence in questions(data_path):
        if evidence is None or conv not in memories:
            continue
        memory = memories[conv]
        f = recall.prepare(memory, question)
        ids = f["ids"]
        refs = dict(memory.query(f"SELECT id, ref FROM passages WHERE id IN ({','.join('?' * len(ids))})", ids)) if ids else {}
        out.append((conv, category, evidence, f, refs))
    for memory in memories.values():
        memory.close()
    return out


def scores(cached, weights, ks=KS):
    """Recall@k of the hybrid for each cached question: [(conversation, category, {k: recall})]."""
    w = dict(recall.WEIGHTS, **(weights or {}))
    out = []
    for conv, category, evidence, f, refs in cached:
        found = [refs[p] for p, _ in recall.fuse(f, w, max(ks))]
        out.append((conv, category, {k: len(evidence & set(found[:k])) / len(evidence) for k in ks}))
    return out


def overall(rows, k):
    return 100 * sum(r[2][k] for r in rows) / max(len(rows), 1)


def objective(rows):
    """What the fit maximises: R@10 + R@25 (R@10 is the issue's floor, R@25 its target)."""
    return overall(rows, 10) + overall(rows, 25)


def fit(cached, start=None, keys=None, step=0.2, rounds=4, log=None):
    """Coordinate ascent on the fusion weights from `start`: each weight moved by +-step while the
    objective rises, then the step halved; `rounds` halvings."""
    w = dict(recall.WEIGHTS, **(start or {}))
    # a store of people messaging reads the "chat:" weights only, any other store never reads them
    chats = {bool(c[3].get("messaging")) for c in cached}
    keys = list(keys or [k for k in w if (True in chats if k.startswith("chat:") else False in chats)])
    best = objective(scores(cached, w))
    for _ in range(rounds):
        moved = True
        while moved:
            moved = False
            for key in keys:
                for sign in (1, -1):
                    trial = dict(w, **{key: round(w[key] + sign * step, 4)})
                    value = objective(scores(cached, trial))
                    if value > best + 1e-9:
                        w, best, moved = trial, value, True
                        if log:
                            print(f"  {key} -> {w[key]:+.3f}: {best / 2:.2f}", file=log)
                        break
        step /= 2
    return w


def leave_one_out(cached, start=None, keys=None, step=0.2, rounds=4):
    """Leave-one-conversation-out: for each conversation, weights fitted on the others, scored on it.
    Returns the rows of every conversation scored with weights that never saw it, and the fits."""
    rows, fits = [], {}
    for conv in sorted({c[0] for c in cached}):
        train = [c for c in cached if c[0] != conv]
        fits[conv] = fit(train, start, keys, step=step, rounds=rounds)
        rows += scores([c for c in cached if c[0] == conv], fits[conv])
        print(f"  left out {conv}: R@10 {overall(rows[-len([c for c in cached if c[0] == conv]):], 10):.1f}", file=sys.stderr)
    return rows, fits


def generic(key: str) -> float:
    """The value a profile's weight ("chat:dense", "chat:gather:fact", "gather:time") stands in for: what the
    fusion reads without it; a weight of no profile stands for its signal left out (0)."""
    for prefix in ("chat:", "gather:"):
        if key.startswith(prefix):
            rest = key[len(prefix):]
            return recall.WEIGHTS[rest] if rest in recall.WEIGHTS else generic(rest)
    return 0.0


STEPS = (-0.5, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.5)


def each_left_out(cached, keys=None, steps=STEPS):
    """Leave-one-conversation-out for each weight alone, the others as they are: each conversation scored with the
    value the other conversations choose (`objective`) among the weight's own, its `generic` one and steps around
    its own (a tie goes to the generic value, then to the nearest). A weight survives when its chosen values beat
    the generic value on the conversations left out. Returns {key: (own, generic, {conversation: chosen}, rows
    chosen, rows generic)}; `keys` default: the weights these stores read ("chat:" ones for people messaging)."""
    chats = {bool(c[3].get("messaging")) for c in cached}
    keys = keys or [k for k in recall.WEIGHTS if k.startswith("chat:") == (True in chats)]
    convs = sorted({c[0] for c in cached})
    out = {}
    for key in keys:
        own, plain = recall.WEIGHTS[key], generic(key)
        grid = sorted({round(v, 4) for v in (own, plain, *(own + d for d in steps))})
        rows = {v: scores(cached, {key: v}) for v in grid}
        chosen, picked, base = {}, [], []
        for conv in convs:
            def rest(v):
                return round(objective([r for r in rows[v] if r[0] != conv]), 6)
            chosen[conv] = max(grid, key=lambda v: (rest(v), v == plain, -abs(v - own)))
            picked += [r for r in rows[chosen[conv]] if r[0] == conv]
            base += [r for r in rows[plain] if r[0] == conv]
        out[key] = (own, plain, chosen, picked, base)
    return out


def conversation_table(rows):
    lines = [f"{'conversation':<14}{'n':>5}" + "".join(f"{'R@' + str(k):>8}" for k in KS)]
    for conv in sorted({r[0] for r in rows}):
        part = [r for r in rows if r[0] == conv]
        lines.append(f"{conv:<14}{len(part):>5}" + "".join(f"{overall(part, k):>8.1f}" for k in KS))
    return "\n".join(lines)


def category_table(rows):
    lines = [f"{'category':<14}{'n':>5}" + "".join(f"{'R@' + str(k):>8}" for k in KS)]
    for cat in sorted({r[1] for r in rows}) + ["overall"]:
        part = rows if cat == "overall" else [r for r in rows if r[1] == cat]
        lines.append(f"{CATEGORIES.get(cat, cat):<14}{len(part):>5}" + "".join(f"{overall(part, k):>8.1f}" for k in KS))
    return "\n".join(lines)


def part_table(rows, title):
    """Recall of every retriever by category over some questions' rows (conversation, category, mode, {k: recall})."""
    lines = [title, f"{'retriever':<16}{'category':<14}{'n':>5}" + "".join(f"{'R@' + str(k):>8}" for k in KS)]
    for mode in dict.fromkeys(r[2] for r in rows):
        mine = [r for r in rows if r[2] == mode]
        for cat in sorted({r[1] for r in mine}) + ["overall"]:
            part = mine if cat == "overall" else [r for r in mine if r[1] == cat]
            lines.append(f"{mode:<16}{CATEGORIES.get(cat, cat):<14}{len(part):>5}"
                         + "".join(f"{100 * sum(r[3][k] for r in part) / len(part):>8.1f}" for k in KS))
    return "\n".join(lines)


def by_conversation(rows):
    """R@10 and R@25 of each retriever, conversation by conversation."""
    modes = list(dict.fromkeys(r[2] for r in rows))
    lines = [f"{'conversation':<26}{'n':>5}" + "".join(f"{m + ' R@10':>13}{'R@25':>6}" for m in modes)]
    for conv in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == conv]
        n = len(mine) // len(modes)
        cells = ""
        for m in modes:
            part = [r for r in mine if r[2] == m]
            cells += f"{100 * sum(r[3][10] for r in part) / n:>13.1f}{100 * sum(r[3][25] for r in part) / n:>6.1f}"
        lines.append(f"{conv:<26}{n:>5}" + cells)
    return "\n".join(lines)


def report(table, counts, skipped, latency, ingest_seconds, passages):
    lines = []
    head = f"{'retriever':<16}{'category':<14}{'n':>5}" + "".join(f"{'R@' + str(k):>8}" for k in KS)
    lines.append(head)
    for mode, rows in table.items():
        for cat, row in rows.items():
            name = CATEGORIES.get(cat, str(cat)) if cat != "overall" else "overall"
            n = counts.get(cat, sum(counts.values())) if cat != "overall" else sum(counts.values())
            lines.append(f"{mode:<16}{name:<14}{n:>5}" + "".join(f"{row[k]:>8.1f}" for k in KS))
    for name, row in ANCHOR.items():
        lines.append(f"{name:<16}{'overall':<14}{'':>5}" + "".join(f"{row[k]:>8.1f}" for k in KS))
    hybrid, bm25, dense = (table[m]["overall"] for m in ("hybrid", "bm25", "dense"))
    lines.append("ratios at R@10: hybrid/bm25 {:.2f}, hybrid/dense {:.2f}, hybrid/DRAGON {:.2f}".format(
        hybrid[10] / max(bm25[10], 1e-9), hybrid[10] / max(dense[10], 1e-9), hybrid[10] / ANCHOR["DRAGON (paper)"][10]))
    lines.append(f"questions: {sum(counts.values())} scored, {sum(skipped.values())} skipped for broken evidence "
                 f"({', '.join(f'{CATEGORIES.get(c, c)} {n}' for c, n in sorted(skipped.items(), key=lambda x: str(x[0])))})")
    lines.append(f"hybrid query latency: p50 {1000 * percentile(latency, 50):.1f} ms, p95 {1000 * percentile(latency, 95):.1f} ms"
                 " (question embedding included)")
    if ingest_seconds is not None:
        lines.append(f"ingest (store + extract + embed): {ingest_seconds:.1f} s for {passages} passages")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="a LoCoMo-format JSON file")
    parser.add_argument("--stores", help="folder for the per-conversation stores (kept; reused when complete)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--only", help="comma-separated conversations (sample_id) to build and score; default every one")
    parser.add_argument("--held-out", help="comma-separated conversations kept out of tuning: their figures and the"
                                           " others' are also printed apart")
    parser.add_argument("--fit", action="store_true", help="refit the fusion weights on this file (from recall.WEIGHTS) and print them")
    parser.add_argument("--loco", action="store_true",
                        help="leave-one-conversation-out: weights fitted on the other conversations, scored on each")
    parser.add_argument("--loco-each", action="store_true",
                        help="leave-one-conversation-out for each weight alone (the others as they are): the value each"
                             " conversation's others choose, against the weight's generic value, on it")
    parser.add_argument("--incremental", action="store_true",
                        help="also feed every conversation message by message through add_messages and compare")
    parser.add_argument("--db-url", help="also build and score every conversation in this PostgreSQL database, beside SQLite")
    parser.add_argument("--split-turns", action="store_true",
                        help="cut every turn at its sentence ends into turns of the same speaker and score by the turns as"
                             " they were (a short-turn twin of the conversations)")
    parser.add_argument("--fragments", action="store_true",
                        help="with --split-turns, cut at commas, dashes and the words that open a clause too (and, but, so"
                             " ...), a piece under 3 words kept with the one before: turns as short as people text")
    parser.add_argument("--plain-start", action="store_true",
                        help="--fit and --loco start from dense 1, bm25 1 and every other weight 0 (not from recall.WEIGHTS,"
                             " which were fitted on this file)")
    parser.add_argument("--generic-start", action="store_true",
                        help="--fit and --loco start from every weight of the chat profile at its generic value (what a fit"
                             " learns of these conversations from none of them)")
    args = parser.parse_args(argv)
    tmp = None
    folder = Path(args.stores) if args.stores else Path(tmp := tempfile.mkdtemp(prefix="locomo-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.incremental:
        return incremental(args, folder, tmp)
    only = set(args.only.split(",")) if args.only else None
    merge = None
    if args.fragments and not args.split_turns:
        parser.error("--fragments cuts the turns of --split-turns: give both")
    if args.split_turns:
        if args.fit or args.loco or args.loco_each or args.db_url:
            parser.error("--split-turns scores the hybrid as it is: not with --fit, --loco, --loco-each or --db-url")
        merge = split_turns(args.data, folder / "split-turns.json", fragments=args.fragments)
        args.data = str(folder / "split-turns.json")
        split = lambda names: ",".join(n if n.endswith("_split") else f"{n}_split" for n in names.split(","))  # noqa: E731
        only = {n if n.endswith("_split") else f"{n}_split" for n in only} if only else None
        args.held_out = split(args.held_out) if args.held_out else None
    paths, ingest = build(args.data, folder, only)
    passages = 0
    for path in paths.values():
        with Memory(path, derive=False) as m:
            passages += m.query("SELECT count(*) FROM passages")[0][0]
    if args.loco_each:
        cached = cache(args.data, paths)
        print(f"{'weight':<24}{'own':>6}{'generic':>8}  chosen with each left out   left out: chosen R@10 / R@25"
              "   generic R@10 / R@25")
        for key, (own, plain, chosen, picked, base) in each_left_out(cached).items():
            kept = "survives" if objective(picked) > objective(base) + 1e-9 else "generic as good"
            print(f"{key:<24}{own:>6.2f}{plain:>8.2f}  {' '.join(f'{v:+.2f}' for v in chosen.values()):<26}"
                  f"{overall(picked, 10):>10.2f} / {overall(picked, 25):.2f}{overall(base, 10):>12.2f} / {overall(base, 25):.2f}"
                  f"   {kept}")
        return
    if args.fit or args.loco:
        cached = cache(args.data, paths)
        rows = scores(cached, None)
        print("current weights (recall.WEIGHTS):\n" + category_table(rows) + "\n" + conversation_table(rows))
        start, step, rounds = None, 0.2, 4
        if args.plain_start:
            start, step, rounds = {k: 0.0 for k in recall.WEIGHTS} | {"dense": 1.0, "bm25": 1.0}, 0.4, 5
        elif args.generic_start:
            start = {k: generic(k) for k in recall.WEIGHTS if k.startswith("chat:")}
        if args.fit:
            w = fit(cached, start, step=step, rounds=rounds, log=sys.stderr)
            print("fitted on every conversation:", w)
            print(category_table(scores(cached, w)))
        if args.loco:
            rows, fits = leave_one_out(cached, start, step=step, rounds=rounds)
            print("leave-one-conversation-out (each conversation scored with weights fitted on the others):")
            print(category_table(rows) + "\n" + conversation_table(rows))
        return
    table, counts, skipped, latency, rows = evaluate(args.data, paths, merge=merge)
    print(report(table, counts, skipped, latency, ingest if ingest else None, passages))
    if args.db_url:
        backends(args, only, table)
    why = broken(args.data) if only is None else {}
    if why:
        print("skipped, by what is broken: " + ", ".join(f"{k} {n}" for k, n in sorted(why.items())))
    print(by_conversation(rows))
    if args.held_out:
        held = set(args.held_out.split(","))
        print(part_table([r for r in rows if r[0] not in held], "tuned on (every conversation but the held-out):"))
        print(part_table([r for r in rows if r[0] in held], f"held out ({', '.join(sorted(held))}):"))
    if args.json:
        Path(args.json).write_text(json.dumps({"recall": table, "counts": counts, "skipped": skipped,
                                               "latency_ms": {"p50": 1000 * percentile(latency, 50), "p95": 1000 * percentile(latency, 95)},
                                               "ingest_seconds": ingest, "passages": passages}, indent=2, default=str))
    if tmp:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def backends(args, only, lite):
    """The same conversations built and scored on PostgreSQL: both backends' recall side by side."""
    pg_paths, pg_ingest = build(args.data, args.db_url, only)
    pg, counts, skipped, latency, _ = evaluate(args.data, pg_paths)
    print(f"\nPostgreSQL ({len(pg_paths)} memories in one database; ingest {pg_ingest:.0f} s):")
    print(report(pg, counts, skipped, latency, None, None))
    lines = [f"{'mode':<8}{'backend':<12}" + "".join(f"{'R@' + str(k):>8}" for k in KS)]
    for mode in lite:
        for name, table in (("SQLite", lite), ("PostgreSQL", pg)):
            lines.append(f"{mode:<8}{name:<12}" + "".join(f"{table[mode]['overall'][k]:>8.1f}" for k in KS))
    worst = max(abs(pg["hybrid"]["overall"][k] - lite["hybrid"]["overall"][k]) for k in (10, 25))
    lines.append(f"hybrid, PostgreSQL - SQLite: R@10 {pg['hybrid']['overall'][10] - lite['hybrid']['overall'][10]:+.2f},"
                 f" R@25 {pg['hybrid']['overall'][25] - lite['hybrid']['overall'][25]:+.2f} points over"
                 f" {sum(counts.values())} questions ({'within' if worst <= 0.5 else 'NOT within'} 0.5 points)")
    print("\n".join(lines))


def incremental(args, folder: Path, tmp):
    """The whole-file import and the message-by-message feed, built in this run, side by side."""
    from remembrancer import embed, extract

    extract.nlp(), embed.embedder()  # the models load once, before either is timed
    whole_dir, live_dir = folder / "whole", folder / "incremental"
    whole_dir.mkdir(parents=True, exist_ok=True)
    live_dir.mkdir(parents=True, exist_ok=True)
    for old in whole_dir.glob("*.db*"):
        old.unlink()  # timed from empty, every run
    whole, whole_seconds = build(args.data, whole_dir)
    live, timing = build_incremental(args.data, live_dir)
    messages = len(timing["stored"])
    modes = ("hybrid",)
    rows = {}
    for name, paths in (("whole-file import", whole), ("message by message", live)):
        table, counts, skipped, latency, _ = evaluate(args.data, paths, modes=modes)
        rows[name] = table["hybrid"]["overall"]
    lines = [f"{'store built by':<22}" + "".join(f"{'R@' + str(k):>8}" for k in KS)]
    for name, row in rows.items():
        lines.append(f"{name:<22}" + "".join(f"{row[k]:>8.1f}" for k in KS))
    diff = rows["message by message"][10] - rows["whole-file import"][10]
    lines.append(f"R@10 difference (message by message - whole file): {diff:+.1f} points over {sum(counts.values())} questions"
                 f" ({'within' if abs(diff) <= 1 else 'NOT within'} 1 point)")
    ms = lambda xs, q: 1000 * percentile(xs, q)  # noqa: E731
    lines.append(f"time per message over {messages} messages in {len(live)} conversations:")
    lines.append(f"  whole-file import (store + understand), mean: {1000 * whole_seconds / messages:8.1f} ms"
                 f"   ({whole_seconds:.1f} s in all)")
    lines.append(f"  add_messages, stored and searchable:  p50 {ms(timing['stored'], 50):6.1f} ms  p95 {ms(timing['stored'], 95):6.1f} ms"
                 f"   ({sum(timing['stored']):.1f} s in all)")
    lines.append(f"  add_messages, then understood:        p50 {ms(timing['understood'], 50):6.1f} ms  p95 {ms(timing['understood'], 95):6.1f} ms"
                 f"   ({sum(timing['understood']):.1f} s in all)")
    lines.append(f"  ratio understood per message, p50 / whole-file mean: {percentile(timing['understood'], 50) / (whole_seconds / messages):.1f}x")
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps({"recall": rows, "messages": messages, "whole_seconds": whole_seconds,
                                               "stored_ms": {"p50": ms(timing["stored"], 50), "p95": ms(timing["stored"], 95)},
                                               "understood_ms": {"p50": ms(timing["understood"], 50),
                                                                 "p95": ms(timing["understood"], 95)}}, indent=2))
    if tmp:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
