"""The optional event-type classifier: its shipped head, the pure head maths, the training tool.

Tests marked `ml` load the embedding model and skip where the `ml` extra is not installed;
the rest need only numpy (which spaCy brings).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from dragoman.code import classifier as clf
from dragoman.code.classifier import EventTypeClassifier, Head, read_head, story_text
from dragoman.errors import KnowledgeError, OptionalDependencyError
from dragoman.model import PLOVER_TYPES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
needs_extra = pytest.mark.skipif(not EventTypeClassifier.available(),
                                 reason="the optional [ml] extra is not installed")


@cache
def load_tool():
    """tools/train_event_classifier.py as a module (tools/ is not a package)."""
    path = REPO / "tools" / "train_event_classifier.py"
    spec = importlib.util.spec_from_file_location("train_event_classifier", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def shipped_record() -> dict:
    return json.loads(resources.files("dragoman.knowledge").joinpath(clf.HEAD_FILE).read_text())


def toy_head() -> Head:
    """Two types in three dimensions: the first axis means AGREE, the second ASSAULT."""
    weights = np.array([[4.0, 0.0, 0.0], [0.0, 4.0, 0.0]], dtype=np.float32)
    return Head(("AGREE", "ASSAULT"), weights, np.zeros(2, dtype=np.float32), {})


# ------------------------------------------------------------ the shipped head (no extra)


def test_head_file_shape_and_metadata():
    record = shipped_record()
    head = read_head(record)
    assert set(head.labels) == set(PLOVER_TYPES)
    assert head.weights.shape == (16, clf.EMBEDDING_DIMS) == (16, record["dims"])
    assert head.bias.shape == (16,)
    assert "all-MiniLM-L6-v2" in record["model"]
    assert record["created_with"] == "tools/train_event_classifier.py"
    assert f"BODY_CHARS={clf.BODY_CHARS} body characters" in record["text"]
    assert "NGEC" in record["trained_on"]
    for key in ("train_accuracy", "validation_accuracy", "test_accuracy"):
        assert 0.0 < record["metrics"][key] <= 1.0
    # Rounded to keep the file small: no more than 5 decimals anywhere.
    assert all(round(v, 5) == v for row in record["weights"] for v in row)


def test_head_file_records_the_tool_constants():
    tool = load_tool()
    record = shipped_record()
    assert record["text"] == tool.TEXT and record["split"] == tool.SPLIT
    assert record["metrics"]["l2"] in tool.L2_GRID
    assert record["rule_bonus"] in tool.BONUS_GRID
    assert read_head(record).rule_bonus == record["rule_bonus"]
    assert record["metrics"]["phrase_weight"] == tool.PHRASE_WEIGHT
    assert record["metrics"]["pattern_weight"] == tool.PATTERN_WEIGHT
    assert record["metrics"]["trigger_weight"] == tool.TRIGGER_WEIGHT
    assert record["metrics"]["lexicon_texts"] == len(tool.lexicon_texts(PLOVER_TYPES))
    assert 0.0 < record["metrics"]["cv_accuracy"] <= record["metrics"]["cv_hybrid_accuracy"] <= 1


def test_type_phrases_are_labelled_plover_types_with_a_source():
    phrases = load_tool().load_phrases()
    assert len(phrases) > 100
    assert {p["type"] for p in phrases} == set(PLOVER_TYPES)
    assert all(p["text"].strip() and "codebook" in p["source"] for p in phrases)
    assert len({(p["type"], p["text"]) for p in phrases}) == len(phrases)


def test_lexicon_texts_are_the_coders_patterns_and_triggers_with_their_types():
    tool = load_tool()
    texts = tool.lexicon_texts(PLOVER_TYPES)
    # A CAMEO pattern in words, typed by its code (036, intent to meet -> AGREE); a trigger.
    assert ("raise possibility of peace talks", "AGREE", tool.PATTERN_WEIGHT) in texts
    assert ("air strike", "ASSAULT", tool.TRIGGER_WEIGHT) in texts
    assert {label for _, label, _ in texts} <= set(PLOVER_TYPES)
    assert all(text.strip() for text, _, _ in texts)
    only = tool.lexicon_texts(["ASSAULT"])
    assert only and {label for _, label, _ in only} == {"ASSAULT"}


def test_pattern_words_render_the_pattern_and_skip_its_slots():
    record = {"group": "raise", "left": [],
              "right": [{"words": [{"stem": "possibility"}]},
                        {"prep": "of",
                         "object": [{"words": [{"stem": "peace"}, {"stem": "talks"}]}]},
                        {"slot": "target"}]}
    assert load_tool().pattern_words(record) == "raise possibility of peace talks"


# ------------------------------------------------------------ pure parts (no extra)


def test_probabilities_sum_to_one_and_follow_the_weights():
    classifier = EventTypeClassifier(toy_head())
    agree, assault = classifier.predict_vectors(np.array([[1.0, 0, 0], [0, 1.0, 0]]))
    assert agree["AGREE"] > 0.95 and assault["ASSAULT"] > 0.95
    assert sum(agree.values()) == pytest.approx(1.0) == sum(assault.values())


def test_softmax_does_not_overflow_on_large_scores():
    probabilities = clf.softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]]))
    assert np.allclose(probabilities, [[1.0, 0.0], [0.5, 0.5]])


def test_predict_uses_the_given_embedding_function():
    seen: list[list[str]] = []

    def embed(texts):
        seen.append(list(texts))
        return np.array([[0.0, 1.0, 0.0]] * len(texts))

    classifier = EventTypeClassifier(toy_head(), embed)
    assert classifier.best(["Rebels shell town"]) == [("ASSAULT", pytest.approx(0.982, abs=1e-3))]
    assert seen == [["Rebels shell town"]] and classifier.predict([]) == []


def test_read_head_rejects_bad_records():
    with pytest.raises(KnowledgeError, match="PLOVER types"):
        read_head({"labels": ["AGREE", "FIGHT"], "weights": [[0.0], [0.0]], "bias": [0, 0]})
    with pytest.raises(KnowledgeError, match="do not match"):
        read_head({"labels": ["AGREE", "ASSAULT"], "weights": [[0.0]], "bias": [0.0, 0.0]})


def test_story_text_cuts_the_body_at_a_space():
    body = "Troops   fired on\ncrowds in the capital on Monday."
    assert story_text("Troops fire", body, chars=20) == "Troops fire\nTroops fired on"
    assert story_text(None, "Short.", chars=20) == "Short."
    assert story_text("Headline only", "") == "Headline only"


def test_story_text_is_the_headline_else_the_body_opening():
    body = "Troops fired on crowds. " * 40
    assert story_text("  Troops   fire ", body) == "Troops fire"  # BODY_CHARS is 0
    assert story_text(None, body).startswith("Troops fired on crowds.")
    assert len(story_text("", body)) <= clf.LEAD_CHARS


def test_rules_win_unless_the_model_is_much_surer():
    probabilities = {"AGREE": 0.6, "CONCEDE": 0.3, "SUPPORT": 0.1}
    assert clf.combine_with_rules(probabilities, "CONCEDE", 1.0) == "CONCEDE"
    assert clf.combine_with_rules(probabilities, "SUPPORT", 1.0) == "AGREE"  # 6 > e^1
    assert clf.combine_with_rules(probabilities, "SUPPORT", 2.0) == "SUPPORT"  # 6 < e^2
    assert clf.combine_with_rules(probabilities, None, 2.0) == "AGREE"
    assert clf.combine_with_rules({"AGREE": 1.0, "CONCEDE": 0.0}, "CONCEDE", 2.0) == "AGREE"


def test_with_rules_uses_the_recorded_bonus():
    head = toy_head()
    probabilities = {"AGREE": 0.8, "ASSAULT": 0.2}
    assert EventTypeClassifier(head).with_rules(probabilities, "ASSAULT") == "AGREE"  # no bonus
    bonused = Head(head.labels, head.weights, head.bias, {"rule_bonus": 2.0})
    assert EventTypeClassifier(bonused).with_rules(probabilities, "ASSAULT") == "ASSAULT"


def test_load_without_the_extra_says_what_to_install(monkeypatch):
    monkeypatch.setattr(clf, "EXTRA_MODULES", ("dragoman_no_such_module",))
    assert EventTypeClassifier.available() is False
    with pytest.raises(OptionalDependencyError, match="dragoman_no_such_module") as error:
        EventTypeClassifier.load.__wrapped__()  # past the cache, which may hold a real one
    assert "[ml]" in str(error.value) and error.value.code == "E021"


def test_gradient_matches_finite_differences():
    tool = load_tool()
    rng = np.random.default_rng(0)
    x, onehot = rng.normal(size=(6, 4)), np.eye(3)[[0, 1, 2, 0, 1, 2]]
    params = rng.normal(size=3 * 5)
    _, gradient = tool.loss_and_gradient(params, x, onehot, 0.1)
    for i in range(params.size):
        step = np.zeros_like(params)
        step[i] = 1e-6
        up, _ = tool.loss_and_gradient(params + step, x, onehot, 0.1)
        down, _ = tool.loss_and_gradient(params - step, x, onehot, 0.1)
        assert (up - down) / 2e-6 == pytest.approx(gradient[i], abs=1e-6)


def test_weighted_gradient_matches_finite_differences():
    tool = load_tool()
    rng = np.random.default_rng(1)
    x, onehot = rng.normal(size=(5, 3)), np.eye(2)[[0, 1, 1, 0, 1]]
    weights, params = np.array([1.0, 1.0, 100.0, 1.0, 3.0]), rng.normal(size=2 * 4)
    _, gradient = tool.loss_and_gradient(params, x, onehot, 0.01, weights)
    for i in range(params.size):
        step = np.zeros_like(params)
        step[i] = 1e-6
        up, _ = tool.loss_and_gradient(params + step, x, onehot, 0.01, weights)
        down, _ = tool.loss_and_gradient(params - step, x, onehot, 0.01, weights)
        assert (up - down) / 2e-6 == pytest.approx(gradient[i], abs=1e-6)


def test_cv_folds_keep_each_template_in_one_fold():
    tool = load_tool()
    assert tool.cv_fold("{country_1} Protests") == tool.cv_fold("{country_1} Protests")
    folds = {tool.cv_fold(f"template {n}") for n in range(200)}
    assert folds == set(range(tool.FOLDS))


def test_fit_separates_hand_made_clusters():
    pytest.importorskip("scipy")
    tool = load_tool()
    x = np.array([[1, 0.1], [0.9, -0.1], [-0.1, 1], [0.1, 0.9]], dtype=np.float32)
    labels = ["AGREE", "AGREE", "ASSAULT", "ASSAULT"]
    weights, bias = tool.fit(x, labels, ["AGREE", "ASSAULT"], 1e-3)
    assert tool.predict(weights, bias, np.array([[0.8, 0.0], [0.0, 0.8]]),
                        ["AGREE", "ASSAULT"]) == ["AGREE", "ASSAULT"]


# ------------------------------------------------------------ with the model (extra)


@pytest.fixture(scope="module")
def classifier() -> EventTypeClassifier:
    return EventTypeClassifier.load()


@pytest.mark.ml
@needs_extra
def test_load_is_cached_and_versioned(classifier):
    assert EventTypeClassifier.load() is classifier
    assert classifier.name == "minilm-event-type" and len(classifier.version) == 12


@pytest.mark.ml
@needs_extra
def test_embeddings_are_unit_length():
    vectors = clf.embed_texts(["Police arrest opposition leader", "Talks resume"])
    assert vectors.shape == (2, clf.EMBEDDING_DIMS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@pytest.mark.ml
@needs_extra
@pytest.mark.parametrize(("headline", "expected"), [
    # Known misses of the shipped head, kept as strict xfails so a retrain that fixes them
    # shows up (then drop the mark): armies near a border read as MOBILIZE, the type of the
    # training stories about troops sent to borders.
    ("Police arrest opposition leader", "COERCE"),
    pytest.param("Rebels shell army positions near the border", "ASSAULT",
                 marks=pytest.mark.xfail(strict=True, reason="shipped head says MOBILIZE")),
    ("Foreign ministers meet to discuss trade", "CONSULT"),
    ("Protesters rally against fuel price rises", "PROTEST"),
])
def test_hand_written_headlines_get_sensible_types(classifier, headline, expected):
    (probabilities,) = classifier.predict([headline])
    assert max(probabilities, key=probabilities.__getitem__) == expected


@pytest.mark.ml
@needs_extra
def test_probabilities_are_over_plover_types_and_sum_to_one(classifier):
    texts = ["Police arrest opposition leader", story_text("Talks resume", "Envoys met on Monday.")]
    for probabilities in classifier.predict(texts):
        assert set(probabilities) == set(PLOVER_TYPES)
        assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= p <= 1.0 for p in probabilities.values())


@pytest.mark.ml
@pytest.mark.shared
@pytest.mark.slow
@needs_extra
@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")
def test_recorded_test_accuracy_is_what_the_shipped_head_scores(classifier):
    tool = load_tool()
    stories = [s for s in tool.load_stories(SHARED / tool.STORIES) if s.split == "test"]
    assert len(stories) == shipped_record()["metrics"]["test_stories"]
    # The file's weights are rounded to 5 decimals, so allow a story or two to flip.
    assert tool.evaluate_head(classifier, stories) == pytest.approx(
        shipped_record()["metrics"]["test_accuracy"], abs=2.5e-3)
