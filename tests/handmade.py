"""Hand-built parses for unit tests: no statistical model, exact control of the tree.

    doc = parse_of('''
        Russia  PROPN NNP nsubj  1
        met     VERB  VBD ROOT   1  meet
        Turkey  PROPN NNP dobj   1
        .       PUNCT .   punct  1
    ''')

Columns: word, POS, tag, dependency, head index, optional lemma (else the lower-cased word),
optional entity label ("I-GPE" continues the entity of the token before). The word "<sp>" is a
token of white space.
"""

from __future__ import annotations

from functools import cache


SPACE = "<sp>"  # a token of white space, as the tokenizer makes of a second space


@cache
def _vocab():
    import spacy

    return spacy.blank("en").vocab


def _space_after(rows: list[list[str]], i: int) -> bool:
    if i + 1 >= len(rows) or rows[i][0] == SPACE:
        return False
    return rows[i + 1][0] not in ".,;:!?'" and "HYPH" not in (rows[i][2], rows[i + 1][2])


def parse_of(table: str):
    from spacy.tokens import Doc, Span

    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [" " if r[0] == SPACE else r[0] for r in rows]
    doc = Doc(
        _vocab(),
        words=words,
        spaces=[_space_after(rows, i) for i in range(len(rows))],
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 and r[5] != "-" else r[0].lower() for r in rows],
    )
    # an entity label per token; "I-" goes on with the entity before ("west GPE", "Dublin I-GPE")
    spans: list[list] = []
    for i, row in enumerate(rows):
        if len(row) <= 6:
            continue
        label = row[6]
        if label.startswith("I-") and spans and spans[-1][1] == i:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1, label.removeprefix("I-")])
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc
