"""A person's page: everything read of one person, as the owner has put it right, with how strongly they are
still remembered (remembrancer/forgetting.py). Above people.py and forgetting.py, which both read people."""
from __future__ import annotations

import json
from collections import defaultdict

from . import store
from .forgetting import person_strength, when as said_when
from .people import (FACT, Stated, _passages, corrections, facts_of, find, group, no_person, perhaps,
                     same_tie)


def _strength(memory, pid, now=None) -> dict:
    """Predicted chance of recall now and the next review (remembrancer/forgetting.py)."""
    return person_strength(memory, pid, now)


def person(memory, name: str, limit: int = 20, now=None) -> dict:
    """One person's page: aliases, relations, cues, events, feelings, passages, and what the owner said
    of them (`said`). A relation or event the owner gave or dated has its correction's id in `said`."""
    pid = find(memory.conn, name, partial=True)
    if pid is None:
        raise no_person(name)
    row = store.person_row(memory, pid)
    aliases = store.aliases_in_order(memory, pid)
    mentions = store.times_mentioned(memory, pid)
    with memory.lock:
        facts = Stated(memory.conn)
    rows = facts.relations([dict(r) for r in store.relations_of(memory, pid)], {pid})
    others = {r["subject"] if r["object"] == pid else r["object"] for r in rows}
    who = {r["id"]: (r["name"], bool(r["owner"])) for r in store.names_and_owners(memory, others)} if others else {}
    relations = {}
    for r in rows:
        mine = r["subject"] == pid
        key = (r["relation"], r["object"] if mine else r["subject"], mine)
        if key[1] not in who:
            continue
        got = relations.setdefault(key, {"evidence": [], "said": None, "sure": 0.0})
        got["evidence"].append(r["passage"])
        got["said"] = got["said"] or r["said"]
        # how sure the surest reading is: a relation is a fact only above FACT, or when the owner said it
        read = 1.0 if r.get("said") or r.get("confidence") is None else r["confidence"]
        got["sure"] = max(got["sure"], read)
    # "mother of Eleanor" and "Eleanor is her daughter" are one tie told both ways: said once.
    for rel, other, mine in [k for k in relations if not k[2]]:
        told = next((k for k in relations if k[1] == other and k[2] and same_tie((pid, k[0], other), (other, rel, pid))), None)
        if told:
            gone = relations.pop((rel, other, mine))
            relations[told]["evidence"] += gone["evidence"]
            relations[told]["said"] = relations[told]["said"] or gone["said"]
            relations[told]["sure"] = max(relations[told]["sure"], gone["sure"])
    cues = []
    for c in store.strongest_cues(memory, pid, limit):
        evidence = store.cue_passages(memory, pid, c["cue"])
        cues.append({"cue": c["cue"], "weight": c["weight"], "valence": c["valence"],
                     "emotions": json.loads(c["emotions"]) if c["emotions"] else None,
                     "evidence": _passages(memory, evidence)})
    events = []
    for e in store.events_of(memory, pid, store.EVENT_TEXT):
        shown = facts.event(e["id"], pid, e["kind"], e["lo"], e["hi"])
        if shown is None:
            continue
        lo, hi, said = shown
        events.append({"id": e["id"], "kind": e["kind"], "text": e["text"], "at": lo or e["at"],
                       "when": said_when(lo, hi, e["at"])[0], "negated": bool(e["negated"]), "agent": bool(e["agent"]),
                       "passage": e["passage"], "said": said, "confidence": round(e["confidence"], 3),
                       "perhaps": not said and perhaps(e["kind"], e["confidence"])})
    for (p, kind), g in facts.given.items():
        if p == pid:
            shown = said_when(g["lo"], g["hi"], None)[0] or g["when"]  # a date the owner gave, said as any other
            events.append({"id": None, "kind": kind, "text": "", "at": g["lo"], "when": shown, "negated": False,
                           "agent": False, "passage": None, "said": g["said"], "confidence": 1.0, "perhaps": False})
    events.sort(key=lambda e: e["at"] or "")  # stable: events of one day stay in the order they were written
    feel = store.feelings_where_named(memory, pid)
    emotions = defaultdict(float)
    for f in feel:
        for k, v in json.loads(f["emotions"]).items():
            emotions[k] += v / len(feel)
    feelings = {"passages": len(feel),
                "valence": round(sum(f["valence"] for f in feel) / len(feel), 4) if feel else None,
                "emotions": {k: round(v, 4) for k, v in sorted(emotions.items(), key=lambda kv: -kv[1])}}
    passage_ids = store.passages_of(memory, pid)  # by when they were written (an entry re-dated moves), as the timeline
    about = facts_of(memory, pid, limit=max(limit, 40))
    return {
        "id": pid,
        "name": row["name"],
        "kind": row["kind"],
        "gender": row["gender"],
        "owner": bool(row["owner"]),
        "aliases": aliases,
        "mentions": mentions,
        "about": about,
        "relations": [{"relation": rel, "other": who[other][0], "other_owner": who[other][1], "is": mine,
                       "group": group(rel), "evidence": _passages(memory, v["evidence"], 3), "said": v["said"],
                       "confidence": round(v["sure"], 3), "perhaps": v["sure"] < FACT}
                      for (rel, other, mine), v in relations.items()],
        "cues": cues,
        "events": events,
        "feelings": feelings,
        "passages": _passages(memory, passage_ids, limit),
        "strength": _strength(memory, pid, now),
        "said": corrections(memory, row["name"], undone=False),
    }
