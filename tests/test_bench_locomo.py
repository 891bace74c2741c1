"""bench/locomo.py's short-turn twin (`--split-turns`): turns cut at their sentence ends, evidence mapped to the parts."""
import importlib.util
import json
from pathlib import Path

import numpy as np

spec = importlib.util.spec_from_file_location("bench_locomo", Path(__file__).resolve().parent.parent / "bench" / "locomo.py")
locomo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(locomo)


def test_turns_are_cut_at_sentence_ends_and_evidence_follows_them(tmp_path):
    data = [{"sample_id": "c1", "conversation": {
        "speaker_a": "Ann", "speaker_b": "Bo", "session_1_date_time": "1:00 pm on 8 May, 2023",
        "session_1": [{"speaker": "Ann", "dia_id": "D1:1", "text": "Hi! I went to Rome. It was great"},
                      {"speaker": "Bo", "dia_id": "D1:2", "text": "Nice\nTell me more?"}]},
        "qa": [{"question": "Where did Ann go?", "evidence": ["D1:1"], "category": 1},
               {"question": "What did Bo ask?", "evidence": ["D1:4"], "category": 1},
               {"question": "Broken?", "evidence": ["D1:1. D1:2"], "category": 1}]}]
    src, out = tmp_path / "in.json", tmp_path / "split.json"
    src.write_text(json.dumps(data))
    merge = locomo.split_turns(src, out)
    split = json.loads(out.read_text())[0]
    turns = split["conversation"]["session_1"]
    assert [(t["speaker"], t["dia_id"], t["text"]) for t in turns] == [
        ("Ann", "D1:1", "Hi!"), ("Ann", "D1:2", "I went to Rome."), ("Ann", "D1:3", "It was great"),
        ("Bo", "D1:4", "Nice"), ("Bo", "D1:5", "Tell me more?")]
    assert split["sample_id"] == "c1_split"
    assert merge["c1_split"] == {"D1:1": "D1:1", "D1:2": "D1:1", "D1:3": "D1:1", "D1:4": "D1:2", "D1:5": "D1:2"}
    assert split["qa"][0]["evidence"] == ["D1:1", "D1:2", "D1:3"]
    # a turn the file does not hold stays one (not a part renumbered to its id); a malformed id stays malformed
    asked = list(locomo.questions(out))
    assert asked[0][3] == {"D1:1", "D1:2", "D1:3"} and asked[1][3] is None and asked[2][3] is None
    assert locomo.broken(out) == {"turn not in the conversation": 1, "malformed id": 1}


def test_fragments_cut_a_turn_where_people_would_send_it_in_pieces(tmp_path):
    text = "omg yes, I finally tried the climbing gym downtown and it was amazing - so tiring for me lol"
    assert locomo.pieces(text) == [text]  # one sentence
    assert locomo.pieces(text, fragments=True) == [
        "omg yes,", "I finally tried the climbing gym downtown", "and it was amazing", "so tiring for me lol"]
    # a piece under three words stays with the one before
    assert locomo.pieces("ok and me", fragments=True) == ["ok and me"]
    assert locomo.pieces("I loved it, so good", fragments=True) == ["I loved it, so good"]
    data = [{"sample_id": "c1", "conversation": {"speaker_a": "Ann", "speaker_b": "Bo", "session_1_date_time": "1:00 pm on 8 May, 2023",
             "session_1": [{"speaker": "Ann", "dia_id": "D1:1", "text": text}]},
             "qa": [{"question": "What did Ann try?", "evidence": ["D1:1"], "category": 1}]}]
    src, out = tmp_path / "in.json", tmp_path / "split.json"
    src.write_text(json.dumps(data))
    merge = locomo.split_turns(src, out, fragments=True)
    assert merge["c1_split"] == {f"D1:{n}": "D1:1" for n in range(1, 5)}
    assert json.loads(out.read_text())[0]["qa"][0]["evidence"] == ["D1:1", "D1:2", "D1:3", "D1:4"]


def _question(conv, evidence_fact, distractor_fact):
    """One question of a messaging store: 11 turns that match it better, and the evidence (D1:11), which only the
    asked person's fact lifts; features as `recall.prepare` gives them, every other signal 0."""
    n = 12
    dense = np.array([1.0 - 0.01 * i for i in range(11)] + [0.5])
    fact = np.zeros(n)
    fact[11], fact[0] = evidence_fact, distractor_fact
    zero, none = np.zeros(n), np.full(n, -1)
    f = {"ids": list(range(n)), "own": None, "messaging": True, "aggregate": False, "dense": dense, "bm25": zero,
         "person": zero, "spoken": zero, "focus": zero, "time": zero, "says_when": zero, "length": zero, "fact": fact,
         "member": zero, "prev": none, "next": none, "prev2": none, "next2": none, "entry": np.ones(n, dtype=int)}
    return (conv, 1, {"D1:11"}, f, {i: f"D1:{i}" for i in range(n)})


def test_each_weight_is_chosen_on_the_other_conversations_and_scored_on_the_one_left_out():
    # the fact lifts the evidence in a and b; in c it marks a turn that is not the evidence
    cached = [_question("a", 1, 0), _question("b", 1, 0), _question("c", 0, 1)]
    out = locomo.each_left_out(cached, keys=["chat:fact", "chat:gather:time"])
    own, plain, chosen, picked, base = out["chat:fact"]
    assert plain == 0.0  # "fact" without the chat profile
    assert chosen == {"a": own + 0.5, "b": own + 0.5, "c": own + 0.5}  # only +0.5 lifts the evidence into the top 10
    assert [r[2][10] for r in picked] == [1.0, 1.0, 0.0] and [r[2][10] for r in base] == [0.0, 0.0, 0.0]
    # a weight the questions never read (none gathers) is as good at its generic value: that is what is chosen
    own, plain, chosen, picked, base = out["chat:gather:time"]
    assert plain == locomo.recall.WEIGHTS["gather:time"] and set(chosen.values()) == {plain} and picked == base
