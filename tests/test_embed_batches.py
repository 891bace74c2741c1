"""Batches by token count give the vectors that fixed batches of 32 gave (the algorithm of embed VERSION 2)."""
import random
import re
from pathlib import Path

import numpy as np
import tokenizers

from remembrancer import embed


def varied_texts(n=300, seed=9):
    """English as this project writes it (its own docstrings and comments), cut and joined to every length from a
    word to past MAX_TOKENS, with the odd empty, blank, emoji and non-Latin text among them."""
    source = " ".join(p.read_text() for p in sorted((Path(embed.__file__).parent).glob("*.py")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", source)) if 3 < len(s.strip()) < 400]
    rng = random.Random(seed)
    texts = ["", " ", "Rain.", "🎉🎂 happy birthday!!", "東京で会いましょう。", "word " * 600, "Ünïcödé café naïve résumé"]
    while len(texts) < n:
        k = rng.choice((1, 1, 1, 2, 3, 6, 20))
        start = rng.randrange(len(sentences) - k)
        text = " ".join(sentences[start:start + k])
        texts.append(text[: rng.randrange(1, len(text) + 1)] if rng.random() < 0.2 else text)
    rng.shuffle(texts)
    return texts


def fixed_batches(texts, batch=32):
    """Vectors as embed.py made them before batching by tokens: sorted by characters, 32 a batch, padded by the tokenizer."""
    tokenizer = tokenizers.Tokenizer.from_file(str(embed.TOKENIZER))
    tokenizer.enable_truncation(embed.MAX_TOKENS)
    tokenizer.enable_padding()
    session = embed.embedder().session
    out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), batch):
        idx = order[b:b + batch]
        encodings = tokenizer.encode_batch([texts[i] or " " for i in idx])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        out[idx] = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return out


def test_the_vectors_are_those_of_fixed_batches():
    # 120 texts (300 took 48 s of CI): every kind above, and 17 to 31 in each band of tokens, 1-15, 16-63, 64-127,
    # 128-255 and cut at MAX_TOKENS, so batches of every width, of many rows and of one or two, are still compared.
    texts = varied_texts(120)
    assert np.abs(embed.embed(texts) - fixed_batches(texts)).max() <= 1e-5


class Recording:
    """The real session, with the shape of every batch it is given written down."""

    def __init__(self, session):
        self.session, self.shapes = session, []

    def run(self, outputs, feed):
        self.shapes.append(feed["input_ids"].shape)
        return self.session.run(outputs, feed)


def test_short_passages_go_many_to_a_batch_and_long_ones_few():
    e = embed.Embedder(threads=1)
    e.session = recording = Recording(e.session)
    texts = ["Rain."] * 200 + ["word " * 300] * 5
    vectors = e(texts)
    assert np.abs(vectors - fixed_batches(texts)).max() <= 1e-5
    sizes = sorted(recording.shapes)
    assert all(rows * width <= embed.TOKENS for rows, width in sizes)
    assert [rows for rows, width in sizes if width == embed.MAX_TOKENS] == [1, 2, 2]  # 512 tokens: two of 256
    assert max(rows for rows, _ in sizes) > 32
    assert sum(rows for rows, _ in sizes) == len(texts)
