"""Read TABARI/PETRARCH verb dictionaries (such as CAMEO.2.0.verbs.txt) into plain records.

The text format packs verbs, synonym sets and patterns into one private syntax::

    &CURRENCY                       a synonym set ("synset"), one +phrase per line
    +DOLLAR
    +KRONE_                         trailing _ : exact word (otherwise the word is a stem)

    ---  ASK   [---]  ---           a verb block; patterns apply to every verb in it
    ASK     [020]                   a verb and its default code
    QUERY {QUERYING QUERIES}        irregular forms
    +ASK_FOR {+ASKED_FOR} [020]     a multi-word verb: + marks the verb word
    - * {HUMANITARIAN AID}  [0233]  a pattern: * is the verb, {..} consecutive words
    - * (FOR &CURRENCY)     [0231]  (..) a prepositional phrase, &NAME a synset
    - $ * (TO +)        [042:043]   $ source, + target, ^ another actor, % both

`parse_verb_dictionary` turns it into records that follow
``knowledge/schemas/verb-pattern.schema.json``: one record per verb line (``kind: verb``) and
one per pattern line (``kind: pattern``), with synsets expanded in place so that a record can be
read and matched without this module. It is pure: it takes the file's text and never reads files.

Example::

    records, warnings = parse_verb_dictionary(text, "CAMEO.2.0.verbs.txt")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import PurePath
from typing import Any

SLOTS: dict[str, str] = {"$": "source", "+": "target", "^": "other", "%": "compound"}

_CAMEO_CODE = re.compile(r"^[0-9]{2,4}$")
_SIDE_TOKEN = re.compile(r"\(([^()]*)\)|\{([^{}]*)\}|[^\s(){}]+|[(){}]")
_VERB_LINE = re.compile(r"^(?P<head>[^{\[]*?)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?P<rest>(?:\[.*)?)$")


class _PatternError(ValueError):
    """A pattern line that cannot be read; it is skipped with a warning."""


@dataclass
class _Line:
    number: int
    content: str
    comment: str
    blank: bool


@dataclass
class _Block:
    group: str
    code: str | None
    reverse_code: str | None


@dataclass
class _Raw:
    """Everything read in the first pass; patterns are resolved once all synsets are known."""

    source: str
    prefix: str
    warnings: list[tuple[int, str]] = field(default_factory=list)
    synsets: dict[str, tuple[int, bool, list[tuple[int, str]]]] = field(default_factory=dict)
    items: list[tuple[str, _Line, _Block]] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))

    def report(self) -> list[str]:
        """Warnings in line order, each as ``file:line: message``."""
        ordered = sorted(self.warnings, key=lambda warning: warning[0])
        return [f"{self.source}:{line}: {message}" for line, message in ordered]


def parse_verb_dictionary(
    text: str, source: str, *, prefix: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse a TABARI/PETRARCH .verbs file into verb and pattern records.

    `source` names the file in each record's ``source`` field (``CAMEO.2.0.verbs.txt:931``) and
    in the warnings; `prefix` starts every id (default: the file name's first dotted part, lower
    case, so ``CAMEO.2.0.verbs.txt`` gives ``cameo:ask:17``). Records come in file order. Lines
    that cannot be read are skipped and reported in the warnings, each with its line number;
    nothing raises on bad input.
    """
    raw = _Raw(source=PurePath(source).name, prefix=prefix or _default_prefix(source))
    _first_pass(_logical_lines(text), raw)
    synsets = _resolve_synsets(raw)
    records = _second_pass(raw, synsets)
    return records, raw.report()


def regular_forms(verb: str) -> list[str]:
    """The regular -s, -ed and -ing forms of an English verb (no consonant doubling).

    >>> regular_forms("carry")
    ['carries', 'carried', 'carrying']
    """
    if re.search(r"[^aeiou]y$", verb):
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    third = verb + "es" if re.search(r"(s|x|z|ch|sh)$", verb) else verb + "s"
    if verb.endswith("ie"):
        return [third, verb + "d", verb[:-2] + "ying"]
    if verb.endswith(("ee", "ye", "oe")):
        return [third, verb + "d", verb + "ing"]
    if verb.endswith("e"):
        return [third, verb + "d", verb[:-1] + "ing"]
    return [third, verb + "ed", verb + "ing"]


def _default_prefix(source: str) -> str:
    stem = PurePath(source).name.split(".")[0].lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "verbs"


def _logical_lines(text: str) -> Iterator[_Line]:
    """Lines without comments: <!-- --> (also over several lines), '#' and legacy ';'."""
    in_xml = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_xml:
            if "-->" not in line:
                continue
            line, in_xml = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" not in after:
                line, in_xml = before, True
                break
            line = before + after.split("-->", 1)[1]
        content, _, comment = re.sub(r"[#;]", "#", line, count=1).partition("#")
        yield _Line(number, content.rstrip(), comment.strip(), blank=not line.strip())


# ---------------------------------------------------------------- first pass: classify lines


def _first_pass(lines: Iterator[_Line], raw: _Raw) -> None:
    block: _Block | None = None
    synset: str | None = None
    for line in lines:
        content = line.content.strip()
        if not content:
            # a blank line ends a synset; a comment line inside one does not
            synset = None if line.blank else synset
            continue
        if synset and content.startswith("+"):
            raw.synsets[synset][2].append((line.number, content[1:].strip()))
            continue
        synset = None
        if content.startswith("---"):
            block = _read_block(line, raw)
        elif content.startswith("&"):
            synset = _read_synset_label(line, raw)
        elif content.startswith("~"):
            raw.warn(line.number, "transformation rule skipped (not a verb pattern)")
        elif block is None:
            raw.warn(line.number, "line outside a verb block skipped")
        elif content.startswith("-"):
            raw.items.append(("pattern", line, block))
        else:
            raw.items.append(("verb", line, block))


def _read_block(line: _Line, raw: _Raw) -> _Block:
    body = line.content.strip().strip("-").strip()
    codes = re.findall(r"\[([^\]]*)\]", body)
    name = re.sub(r"\[[^\]]*\]", " ", body).strip()
    if len(codes) > 1:
        raw.warn(line.number, f"block has {len(codes)} codes; using the first, [{codes[0]}]")
    code, reverse = _parse_code(codes[0] if codes else "---", line.number, raw)
    group = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or f"line{line.number}"
    if group in raw.groups:
        raw.warn(
            line.number, f"block {name} appears again; its verbs and patterns join the earlier one"
        )
    raw.groups.add(group)
    return _Block(group, code, reverse)


def _read_synset_label(line: _Line, raw: _Raw) -> str:
    label = line.content.strip().split()[0]
    name = _synset_name(label)
    if name in raw.synsets:
        raw.warn(line.number, f"synset &{name.upper()} defined again; the later definition is used")
    raw.synsets[name] = (line.number, label.endswith("_"), [])
    return name


def _synset_name(ref: str) -> str:
    """&PREPOSIT1_ and &PREPOSIT1 name the same synset (files use both)."""
    return ref.lstrip("&").rstrip("_").lower()


def _parse_code(text: str, number: int, raw: _Raw) -> tuple[str | None, str | None]:
    """'042:043' -> ('042', '043'); ':054' -> (None, '054'); '---' -> (None, None)."""
    parts = [p.strip() for p in text.split(":", 1)] + [""]
    codes: list[str | None] = []
    for part in parts[:2]:
        if part in ("", "---"):
            codes.append(None)
            continue
        code = re.match(r"[0-9A-Za-z+]*", part).group(0)[:10]
        if code != part:
            raw.warn(
                number, f"code {part!r} read as {code!r}" if code else f"code {part!r} ignored"
            )
        elif not _CAMEO_CODE.match(code):
            raw.warn(number, f"code {part!r} is not a 2-4 digit CAMEO code; kept as is")
        codes.append(code or None)
    return codes[0], codes[1]


# ---------------------------------------------------------------- synsets


def _resolve_synsets(raw: _Raw) -> dict[str, list[list[dict[str, str]]]]:
    """Every synset as a list of phrases (lists of word/stem terms), nested synsets expanded."""
    resolved: dict[str, list[list[dict[str, str]]]] = {}
    for name in raw.synsets:
        _expand_synset(name, raw, resolved, ())
    return resolved


def _expand_synset(
    name: str, raw: _Raw, resolved: dict[str, list[list[dict[str, str]]]], stack: tuple[str, ...]
) -> list[list[dict[str, str]]]:
    if name in resolved:
        return resolved[name]
    _, exact_all, members = raw.synsets[name]
    phrases: list[list[dict[str, str]]] = []
    for number, text in members:
        try:
            options = [
                _member_options(w, exact, raw, resolved, (*stack, name))
                for w, exact in _words_with_exactness(text, exact_last=exact_all)
            ]
        except _PatternError as err:
            raw.warn(number, f"synset member {text!r} skipped: {err}")
            continue
        for combo in product(*options):
            phrase = [term for part in combo for term in part]
            if phrase and phrase not in phrases:
                phrases.append(phrase)
    resolved[name] = phrases
    return phrases


def _member_options(
    word: str,
    exact: bool,
    raw: _Raw,
    resolved: dict[str, list[list[dict[str, str]]]],
    stack: tuple[str, ...],
) -> list[list[dict[str, str]]]:
    if not word.startswith("&"):
        return [[_word_term(word, exact)]]
    inner = _synset_name(word)
    if inner in stack:
        raise _PatternError(f"synset &{inner.upper()} contains itself")
    if inner not in raw.synsets:
        raise _PatternError(f"synset &{inner.upper()} is not defined")
    return _expand_synset(inner, raw, resolved, stack)


def _words_with_exactness(text: str, *, exact_last: bool = False) -> list[tuple[str, bool]]:
    """Split on blanks and '_'; a word directly followed by '_' must match exactly."""
    parts = re.findall(r"[^\s_]+|_|\s+", text.strip())
    words: list[tuple[str, bool]] = []
    for k, part in enumerate(parts):
        if part == "_" or part.isspace():
            continue
        follows = parts[k + 1] if k + 1 < len(parts) else None
        exact = follows == "_" or (follows is None and exact_last)
        words.append((part, exact))
    return words


def _word_term(word: str, exact: bool) -> dict[str, str]:
    return {"word" if exact else "stem": word.lower()}


# ---------------------------------------------------------------- second pass: records


def _second_pass(raw: _Raw, synsets: dict[str, list[list[dict[str, str]]]]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    seen: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}
    for kind, line, block in raw.items:
        if kind == "verb":
            record = _verb_record(line, block, raw)
        else:
            record = _pattern_record(line, block, raw, synsets)
        if record is None or _is_repeat(record, line.number, seen, raw):
            continue
        counters[block.group] = counters.get(block.group, 0) + 1
        record["id"] = f"{raw.prefix}:{block.group}:{counters[block.group]}"
        records.append(_ordered(record, line, raw.source))
    return records


def _ordered(record: dict[str, Any], line: _Line, source: str) -> dict[str, Any]:
    """Fixed key order (id first, source and note last) so the output is stable and readable."""
    out = {"id": record.pop("id"), **record, "source": f"{source}:{line.number}"}
    if line.comment:
        out["note"] = line.comment
    return out


def _is_repeat(
    record: dict[str, Any],
    number: int,
    seen: dict[tuple[Any, ...], tuple[int, dict[str, Any]]],
    raw: _Raw,
) -> bool:
    """Drop a repeat with the same code (a repeated verb gives its forms to the first one);
    keep, and report, a repeat that changes the code: the earlier line wins when matching."""
    if record["kind"] == "verb":
        words = (record["verb"], tuple(record["particles"]), tuple(record["preceding"]))
        key: tuple[Any, ...] = ("verb", record["group"], words)
    else:
        key = ("pattern", record["group"], repr(record["left"]), repr(record["right"]))
    if key not in seen:
        seen[key] = (number, record)
        return False
    first, earlier = seen[key]
    if (earlier["code"], earlier["reverse_code"]) != (record["code"], record["reverse_code"]):
        raw.warn(
            number, f"same {record['kind']} as line {first} with another code; line {first} wins"
        )
        return False
    if record["kind"] == "verb":
        earlier["forms"] += [f for f in record["forms"] if f not in earlier["forms"]]
    raw.warn(number, f"repeats line {first}; skipped")
    return True


def _verb_record(line: _Line, block: _Block, raw: _Raw) -> dict[str, Any] | None:
    match = _VERB_LINE.match(line.content.strip())
    if not match or (
        match.group("rest") and not re.fullmatch(r"\[[^\]]*\]\s*", match.group("rest"))
    ):
        raw.warn(line.number, f"verb line not understood: {line.content.strip()!r}")
        return None
    words, verb_at = _verb_words(match.group("head"), line.number, raw)
    if not words:
        raw.warn(line.number, "verb line without a verb skipped")
        return None
    code, reverse = block.code, block.reverse_code
    if match.group("rest"):
        code, reverse = _parse_code(match.group("rest").strip()[1:-1], line.number, raw)
    return {
        "id": "",
        "kind": "verb",
        "group": block.group,
        "verb": words[verb_at],
        "particles": words[verb_at + 1 :],
        "preceding": words[:verb_at],
        "forms": _verb_forms(words, verb_at, match.group("forms"), line.number, raw),
        "code": code,
        "reverse_code": reverse,
    }


def _verb_words(head: str, number: int, raw: _Raw) -> tuple[list[str], int]:
    """Words of a (multi-word) verb, lower case, and the index of the verb word (marked '+')."""
    parts = [p for p in re.split(r"[\s_]+", head.strip()) if p.lstrip("+")]
    marked = [k for k, p in enumerate(parts) if p.startswith("+")]
    if len(parts) > 1 and not marked:
        raw.warn(
            number,
            f"multi-word verb {head.strip()!r} has no '+'; taking its first word as the verb",
        )
    if len(marked) > 1:
        raw.warn(number, f"verb {head.strip()!r} marks several words with '+'; using the first")
    return [p.lstrip("+").lower() for p in parts], marked[0] if marked else 0


def _verb_forms(
    words: list[str], verb_at: int, braces: str | None, number: int, raw: _Raw
) -> list[str]:
    """The verb word's forms: the base, then irregular forms from {...} or the regular ones.

    A {...} list is complete in PETRARCH, but many lists leave out the -s or -ing form
    (``BREAK {BROKE BROKEN}``); those two are predictable, so they are filled in.
    """
    base = words[verb_at]
    if braces is None:
        return [base, *regular_forms(base)]
    if not braces.strip():  # {} : this form only
        return [base]
    forms = list(dict.fromkeys([base, *_brace_forms(words, verb_at, braces, number, raw)]))
    third, _, gerund = regular_forms(base)
    for form, ending in ((third, "s"), (gerund, "ing")):
        if form not in forms and not any(f.endswith(ending) for f in forms[1:]):
            forms.append(form)
    return forms


def _brace_forms(
    words: list[str], verb_at: int, braces: str, number: int, raw: _Raw
) -> Iterator[str]:
    """The verb word of each {...} entry (+ASKED_FOR -> asked); entries may be comma-separated."""
    others = words[:verb_at] + words[verb_at + 1 :]
    for entry in re.split(r"[\s,]+", braces.strip()):
        entry_words, entry_at = _verb_words(entry, number, raw)
        if not entry_words:
            continue
        if entry_words[:entry_at] + entry_words[entry_at + 1 :] != others:
            raw.warn(number, f"form {entry!r} changes a word other than the verb; kept the verb")
        yield entry_words[entry_at]


def _pattern_record(
    line: _Line, block: _Block, raw: _Raw, synsets: dict[str, list[list[dict[str, str]]]]
) -> dict[str, Any] | None:
    body = line.content.strip()[1:]
    codes = re.findall(r"\[([^\]]*)\]", body)
    if not codes:
        raw.warn(line.number, "pattern without a [code] skipped")
        return None
    if len(codes) > 1:
        raw.warn(line.number, f"pattern has {len(codes)} codes; using the last, [{codes[-1]}]")
    body = body[: body.index("[")]
    try:
        left, right = _pattern_sides(body, synsets)
    except _PatternError as err:
        raw.warn(line.number, f"pattern skipped: {err}")
        return None
    code, reverse = _parse_code(codes[-1], line.number, raw)
    return {
        "id": "",
        "kind": "pattern",
        "group": block.group,
        "code": code,
        "reverse_code": reverse,
        "left": left,
        "right": right,
    }


def _pattern_sides(body: str, synsets: dict[str, list[list[dict[str, str]]]]) -> tuple[list, list]:
    if body.count("*") != 1:
        raise _PatternError(f"needs exactly one '*' for the verb, found {body.count('*')}")
    left_text, right_text = body.split("*")
    left = _parse_side(left_text.strip(), synsets)
    right = _parse_side(right_text.strip(), synsets)
    # IN_* and *_OUT join a word to the verb; "WAS_ *" only makes WAS an exact word
    if left and left_text.endswith("_"):
        left[-1]["adjacent"] = True
    if right and right_text.startswith("_"):
        right[0]["adjacent"] = True
    return left, right


def _parse_side(text: str, synsets: dict[str, list[list[dict[str, str]]]]) -> list[dict[str, Any]]:
    """One side of the verb: a list of elements (words, prepositional phrases, slots)."""
    elements: list[dict[str, Any]] = []
    for match in _SIDE_TOKEN.finditer(text):
        paren, brace, chunk = match.group(1), match.group(2), match.group(0)
        if paren is not None:
            elements.append(_prep_element(paren, synsets))
        elif brace is not None:
            elements.append({"words": _phrase(brace, synsets)})
        elif chunk in "(){}":
            raise _PatternError(f"unbalanced {chunk!r}")
        elif chunk.strip("_") in SLOTS:
            elements.append({"slot": SLOTS[chunk.strip("_")]})
        elif chunk.strip("_"):
            elements.append({"words": _phrase(chunk, synsets)})
    return elements


def _prep_element(text: str, synsets: dict[str, list[list[dict[str, str]]]]) -> dict[str, Any]:
    match = re.match(r"\s*([^\s_]+)[\s_]*(.*)$", text)
    if not match or match.group(1)[0] in "&{$+^%":
        raise _PatternError(f"prepositional phrase ({text}) must start with a preposition")
    obj = _parse_side(match.group(2), synsets)
    if any("prep" in element for element in obj):
        raise _PatternError(f"nested prepositional phrase in ({text})")
    return {"prep": match.group(1).lower(), "object": obj}


def _phrase(text: str, synsets: dict[str, list[list[dict[str, str]]]]) -> list[dict[str, Any]]:
    """Consecutive words: word/stem terms, synset terms (expanded) and slot terms."""
    terms: list[dict[str, Any]] = []
    for word, exact in _words_with_exactness(text):
        if word in SLOTS:
            terms.append({"slot": SLOTS[word]})
        elif word.startswith("&"):
            name = _synset_name(word)
            if name not in synsets:
                raise _PatternError(f"synset &{name.upper()} is not defined")
            if not synsets[name]:
                raise _PatternError(f"synset &{name.upper()} has no members")
            terms.append({"synset": name, "any": synsets[name]})
        else:
            terms.append(_word_term(word, exact))
    if not terms:
        raise _PatternError(f"empty phrase {text!r}")
    return terms
