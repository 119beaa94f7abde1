"""The shipped sentence encoder (int8 ONNX all-MiniLM-L6-v2) and the head trained over its vectors.

The encoder tests need onnxruntime and tokenizers (skipped where they are not installed); the head
tests need numpy only.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from chronicle.models.encoder import EncoderError, encoder_at, mean_pool, shipped_folder
from chronicle.models.encoder_head import EncoderHead, train_encoder_head
from chronicle.models.event_classifier import hash_features, sentence_features, tokens

SENTENCES = [
    "Police fired tear gas at protesters outside parliament.",
    "Officers used tear gas to disperse demonstrators near the parliament building.",
    "The bakery on the corner sells sourdough bread and croissants.",
    "The foreign minister met his Chinese counterpart in Beijing on Tuesday.",
]


@pytest.fixture(scope="module")
def encoder():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    return encoder_at()


def test_encoder_vectors_are_unit_length_and_384_wide(encoder):
    vectors = encoder.embed(SENTENCES)
    assert vectors.shape == (4, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encoder_is_deterministic_whatever_the_neighbours(encoder):
    together = encoder.embed(SENTENCES)
    alone = np.stack([encoder.embed([s])[0] for s in reversed(SENTENCES)])[::-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, encoder.embed(SENTENCES))


def test_encoder_puts_paraphrases_closer_than_unrelated_sentences(encoder):
    v = encoder.embed(SENTENCES)
    paraphrase, unrelated = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert paraphrase > 0.6
    assert paraphrase > unrelated + 0.4


def test_encoder_matches_the_recorded_fp32_agreement(encoder):
    """encoder.json records the export's lowest cosine to sentence-transformers' fp32 vectors."""
    assert encoder.config["min_cosine_to_fp32_on_probes"] >= 0.98
    assert encoder.config["dimension"] == 384


def test_encoder_handles_empty_input_and_overlong_text(encoder):
    assert encoder.embed([]).shape == (0, 384)
    long = encoder.embed(["The minister spoke. " * 400])
    assert long.shape == (1, 384) and np.isfinite(long).all()


def test_encoder_speed_is_printed(encoder, capsys):
    texts = SENTENCES * 50
    start = time.perf_counter()
    encoder.embed(texts)
    rate = len(texts) / (time.perf_counter() - start)
    with capsys.disabled():
        print(f"\nencoder: {rate:.0f} sentences/s ({len(texts)} sentences, one at a time)")


def test_encoder_missing_files_is_one_line(tmp_path):
    (tmp_path / "model.onnx").write_bytes(b"")
    with pytest.raises(EncoderError) as err:
        encoder_at(tmp_path)
    message = str(err.value)
    assert "\n" not in message
    assert str(tmp_path) in message and "tokenizer.json, encoder.json missing" in message


def test_encoder_damaged_graph_is_one_line(tmp_path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    for name in ("tokenizer.json", "encoder.json"):
        (tmp_path / name).write_bytes((shipped_folder() / name).read_bytes())
    (tmp_path / "model.onnx").write_bytes(b"not an onnx graph")
    with pytest.raises(EncoderError, match=r"sentence encoder cannot be read") as err:
        encoder_at(tmp_path)
    assert "\n" not in str(err.value)


def test_mean_pool_ignores_padding():
    hidden = np.array([[[1.0, 0.0], [3.0, 0.0], [100.0, 100.0]]])
    pooled = mean_pool(hidden, np.array([[1, 1, 0]]))
    np.testing.assert_allclose(pooled, [[1.0, 0.0]])


# --------------------------------------------------------------------------- the head

def _toy_data(n: int = 120, seed: int = 0):
    """Sentences whose label the vector tells for label 0 and a word tells for label 1."""
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(n, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    has_word = rng.random(n) < 0.5
    texts = [("the envoy protested" if w else "the envoy spoke") + f" item{i}" for i, w in enumerate(has_word)]
    ind, ptr = hash_features([sentence_features(tokens(t), {}) for t in texts], 12)
    y = np.stack([vectors[:, 0] > 0, has_word], axis=1).astype(float)
    return vectors, ind, ptr, y


def test_encoder_head_learns_from_both_vector_and_words():
    vectors, ind, ptr, y = _toy_data()
    head = train_encoder_head(vectors, ind, ptr, y, np.ones_like(y), l2=1e-4, steps=300, lr=0.05)
    p = head.probabilities(vectors, ind, ptr)
    accuracy = ((p > 0.5) == (y > 0.5)).mean(axis=0)
    assert accuracy[0] > 0.9 and accuracy[1] > 0.95


def test_encoder_head_masked_labels_do_not_train():
    vectors, ind, ptr, y = _toy_data()
    mask = np.ones_like(y)
    mask[:, 1] = 0.0
    head = train_encoder_head(vectors, ind, ptr, y, mask, steps=50)
    assert np.all(head.dense[:, 1] == 0) and np.all(head.words.weights[:, 1] == 0)


def test_encoder_head_is_deterministic_and_round_trips(tmp_path):
    vectors, ind, ptr, y = _toy_data()
    first = train_encoder_head(vectors, ind, ptr, y, np.ones_like(y), steps=60)
    second = train_encoder_head(vectors, ind, ptr, y, np.ones_like(y), steps=60)
    assert np.array_equal(first.dense, second.dense) and np.array_equal(first.words.weights, second.words.weights)
    first.save(tmp_path / "head.npz")
    loaded = EncoderHead.load(tmp_path / "head.npz")
    np.testing.assert_array_equal(loaded.probabilities(vectors, ind, ptr), first.probabilities(vectors, ind, ptr))


def test_sentence_encoder_head_trains_and_predicts_from_texts(encoder):
    from chronicle.models.encoder_head import sentence_probabilities, train_sentence_encoder_head
    from chronicle.models.training import sentence_target

    rows = [("Police fired tear gas at protesters.", {"ASSAULT"}), ("The bakery sells bread.", set()),
            ("Troops shelled the town overnight.", {"ASSAULT"}), ("The weather was mild.", set())] * 5
    sentences = [{"text": t, "target": sentence_target(types)} for t, types in rows]
    head = train_sentence_encoder_head(sentences, {}, 12, {"steps": 100, "lr": 0.05})
    p = sentence_probabilities(head, ["Soldiers fired on the crowd.", "The shop sells cakes."], {}, 12)
    assert p.shape == (2, 17)
    assert p[0, -1] > p[1, -1]  # ANY: the violent sentence, not the shop


# --------------------------------------------------------------------------- the head in the classifier

def _classifier_with_head(encoder):
    """The shipped classifier's heads and lexicon snapshot with a small encoder head trained on
    sentences written here."""
    from dataclasses import replace

    from chronicle.models.encoder_head import train_sentence_encoder_head
    from chronicle.models.event_classifier import EventClassifier
    from chronicle.models.training import sentence_target

    rows = [("Police fired tear gas at protesters.", {"ASSAULT"}), ("The bakery sells bread.", set()),
            ("Troops shelled the town overnight.", {"ASSAULT"}), ("The weather was mild.", set())] * 3
    shipped = EventClassifier.load()
    head = train_sentence_encoder_head([{"text": t, "target": sentence_target(types)} for t, types in rows],
                                       shipped.forms, shipped.bits, {"steps": 60, "lr": 0.05})
    return replace(shipped, encoder_head=head, vectors_cache=type(shipped.vectors_cache)())


def test_classifier_with_an_encoder_head_uses_it_and_round_trips(encoder, tmp_path):
    from chronicle.models.event_classifier import ENCODER_HEAD_FILE, EventClassifier

    clf = _classifier_with_head(encoder)
    texts = ["Soldiers fired on the crowd.", "The shop sells cakes."]
    direct = clf.encoder_head.probabilities(encoder.embed(texts), *hash_features(
        [sentence_features(tokens(t), clf.forms) for t in texts], clf.bits))
    np.testing.assert_allclose(clf.sentence_matrix(texts), direct)
    clf.save(tmp_path / "model")
    assert (tmp_path / "model" / ENCODER_HEAD_FILE).is_file()
    loaded = EventClassifier.load(tmp_path / "model")
    assert loaded.encoder_head is not None
    np.testing.assert_array_equal(loaded.sentence_matrix(texts), clf.sentence_matrix(texts))


def test_sentence_vectors_are_cached_by_text_and_embedded_once_per_call(encoder, monkeypatch):
    from chronicle.models import event_classifier

    clf = _classifier_with_head(encoder)
    calls: list[list[str]] = []
    real = event_classifier.embed
    monkeypatch.setattr(event_classifier, "embed", lambda texts: calls.append(list(texts)) or real(texts))
    first = clf.sentence_matrix(["Rebels attacked a convoy.", "Talks resumed in Geneva.", "Rebels attacked a convoy."])
    assert calls == [["Rebels attacked a convoy.", "Talks resumed in Geneva."]]  # one batch, no repeat
    again = clf.sentence_matrix(["Talks resumed in Geneva.", "A new sentence here."])
    assert calls[1:] == [["A new sentence here."]]
    np.testing.assert_array_equal(again[0], first[1])


def test_the_vector_cache_is_bounded(encoder, monkeypatch):
    from chronicle.models import event_classifier

    clf = _classifier_with_head(encoder)
    monkeypatch.setattr(event_classifier, "VECTOR_CACHE", 3)
    monkeypatch.setattr(event_classifier, "embed", lambda texts: np.ones((len(texts), 384), dtype=np.float32))
    for i in range(10):
        clf.vectors([f"Sentence number {i}."])
    assert list(clf.vectors_cache) == [f"Sentence number {i}." for i in (7, 8, 9)]
    assert clf.vectors([f"s{i}" for i in range(5)]).shape == (5, 384)  # a batch larger than the cache


def test_a_model_folder_without_an_encoder_head_loads_with_the_hashed_head(encoder, tmp_path):
    from chronicle.models.event_classifier import ENCODER_HEAD_FILE, EventClassifier

    clf = _classifier_with_head(encoder)
    clf.save(tmp_path / "m")
    (tmp_path / "m" / ENCODER_HEAD_FILE).unlink()  # a folder trained before the encoder was wired
    old = EventClassifier.load(tmp_path / "m")
    assert old.encoder_head is None
    texts = ["Police arrested the mayor."]
    expected = old.sentence_head.probabilities(*hash_features([sentence_features(tokens(t), clf.forms) for t in texts], clf.bits))
    np.testing.assert_array_equal(old.sentence_matrix(texts), expected)


def test_saving_a_model_without_the_head_removes_a_stale_one(encoder, tmp_path):
    from dataclasses import replace

    from chronicle.models.event_classifier import ENCODER_HEAD_FILE

    clf = _classifier_with_head(encoder)
    clf.save(tmp_path / "m")
    replace(clf, encoder_head=None).save(tmp_path / "m")
    assert not (tmp_path / "m" / ENCODER_HEAD_FILE).exists()


def test_training_the_sentence_encoder_head_is_deterministic(encoder):
    from chronicle.models.encoder_head import train_sentence_encoder_head
    from chronicle.models.training import sentence_target

    sentences = [{"text": t, "target": sentence_target(types)} for t, types in (
        ("Demonstrators clashed with riot police in the square.", {"PROTEST", "ASSAULT"}),
        ("The museum reopened after renovation.", set()),
        ("The two leaders signed a trade accord.", {"AGREE"}))]
    first = train_sentence_encoder_head(sentences, {}, 12, {"steps": 40, "lr": 0.05})
    second = train_sentence_encoder_head(sentences, {}, 12, {"steps": 40, "lr": 0.05})
    assert np.array_equal(first.dense, second.dense)
    assert np.array_equal(first.words.rows, second.words.rows) and np.array_equal(first.words.weights, second.words.weights)


def test_fine_tuning_starts_from_the_given_head():
    vectors, ind, ptr, y = _toy_data()
    start = train_encoder_head(vectors, ind, ptr, y, np.ones_like(y), steps=200, lr=0.05)
    unchanged = train_encoder_head(vectors, ind, ptr, y, np.ones_like(y), steps=0, init=start)
    np.testing.assert_allclose(unchanged.probabilities(vectors, ind, ptr), start.probabilities(vectors, ind, ptr), atol=1e-6)
    tuned = train_encoder_head(vectors[:10], ind[:ptr[10]], ptr[:11], y[:10], np.ones_like(y[:10]), steps=5, init=start)
    accuracy = ((tuned.probabilities(vectors, ind, ptr) > 0.5) == (y > 0.5)).mean()
    assert accuracy > 0.85  # a few steps on ten sentences keep what the start knew


def test_chronicle_train_keeps_and_retrains_the_encoder_head(encoder):
    from chronicle.models.event_classifier import Candidate
    from chronicle.models.training import LabelledCandidate, train_classifier

    start = _classifier_with_head(encoder)
    text = "Protesters blocked the road to the ministry."
    reviews = [LabelledCandidate(Candidate(text, 11, 18, "PROTEST"), "PROTEST")]
    model, _ = train_classifier(reviews, start)
    again, _ = train_classifier(reviews, start)
    assert model.encoder_head is not None
    assert np.array_equal(model.encoder_head.dense, again.encoder_head.dense)
    assert not np.array_equal(model.encoder_head.dense, start.encoder_head.dense)


def test_embedding_never_reaches_for_the_network(encoder):
    """tokenizers depends on huggingface_hub (which downloads); the encoder reads shipped files only."""
    import subprocess
    import sys

    code = ("import sys; from chronicle.models.encoder import embed; embed(['The envoy left.']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('huggingface_hub', 'requests', 'httpx', 'httpx2')))")
    env = {"PATH": "", "HF_HUB_OFFLINE": "0", "PYTHONPATH": ":".join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "[]"
