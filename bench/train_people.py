"""Train the model that decides which capitalised names are people (remembrancer/data/people_names.json).

    python bench/train_people.py                  # train on every LitBank document, write the weights
    python bench/train_people.py --out /tmp/w.json

A logistic regression (numpy, L2, Newton steps) over `people.name_features`: one row per distinct
candidate name of a document, counted once for its occurrences that are gold PROP_PER mentions (head
match) and once for the others, weighted by how many there are, so the fit follows mention counts.
Data: ../shared/benchdata/litbank/coref/brat (LitBank, Bamman et al., CC BY 4.0), read by path.
The weights are ours; bench/litbank.py reports figures by cross-validation over documents, each
fold trained by `fit` here without the documents it is scored on.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remembrancer.extract.people import WEIGHTS, People, _determined, name_features  # noqa: E402

L2 = 10.0
THRESHOLD = 0.5


def rows(doc, gold, text):
    """(features, positives, negatives) for each candidate name of one document."""
    from litbank import last_token  # bench/litbank.py

    heads = {last_token(text, s, e) for (s, e), m in gold.items() if m["type"] == "PROP_PER"}
    out = []
    for info in People().candidates(doc).values():
        spans = [sp for sp in info["spans"] if not _determined(doc, sp.start, info["key"])]
        pos = sum(1 for sp in spans if last_token(text, sp.start_char, sp.end_char) in heads)
        out.append((name_features(doc, info), pos, len(spans) - pos))
    return out


def fit(data, l2=L2, threshold=THRESHOLD) -> dict:
    """Logistic regression on rows from `rows` (any number of documents)."""
    names = list(data[0][0])
    X = np.array([[f[n] for n in names] for f, _, _ in data for _ in (0, 1)], dtype=float)
    y = np.array([label for _ in data for label in (1.0, 0.0)])
    w = np.array([c for _, pos, neg in data for c in (pos, neg)], dtype=float)
    keep = w > 0
    X, y, w = X[keep], y[keep], w[keep]
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / scale])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Z @ beta, -30, 30)))
        grad = Z.T @ (w * (p - y)) + reg * beta
        hess = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"features": names, "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "weights": beta[1:].round(6).tolist(), "bias": round(float(beta[0]), 6), "threshold": threshold}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from litbank import DATA, load, parse

    files = sorted(DATA.glob("*.ann"))
    texts = [f.with_suffix(".txt").read_text(encoding="utf-8") for f in files]
    golds = [load(f) for f in files]
    data = [r for doc, gold, text in zip(parse(texts), golds, texts) for r in rows(doc, gold, text)]
    model = fit(data)
    model = {"about": "Which capitalised names are people: logistic regression over "
                      "remembrancer.extract.people.name_features. Trained by bench/train_people.py on the "
                      f"{len(files)} LitBank coreference documents in ../shared/benchdata/litbank (LitBank: "
                      "Bamman et al. 2019/2020, CC BY 4.0); the weights are this project's own.",
             "trained": datetime.date.today().isoformat(), "names": len(data), **model}
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for name, weight in sorted(zip(model["features"], model["weights"]), key=lambda x: -abs(x[1])):
        print(f"{weight:+.3f}  {name}")
    print(f"wrote {args.out} ({len(data)} names)")


if __name__ == "__main__":
    main()
