"""Read TABARI/PETRARCH actor and agent dictionaries into dragoman knowledge records.

The CAMEO-era coders (KEDS, TABARI, PETRARCH) kept what they knew in a text format of their own.
These functions turn such a file, Phoenix's or a user's, into our actor records
(``schemas/actor.schema.json``) and agent records (``schemas/agent.schema.json``)::

    problems: list[Problem] = []
    records = parse_actor_dictionary(text, "user:my.actors.txt", problems=problems)
    agents = parse_agent_dictionary(agent_text, "user:my.agents.txt", problems=problems)
    for problem in problems:
        print(problem)          # line 12: warning [date] ...

They are pure functions on text: the caller reads the file and decides what to do with the
problems. A problem is `fatal` when a line could not be read at all; the others say what was
dropped (a malformed date, a code with no country) so nothing is lost silently.

The format, as read here
------------------------
Actor dictionaries hold one entry per actor::

    FREE_SYRIAN_ARMY_ [SYRREB]          # a phrase and its code on one line
    +FSA_                               # '+' adds a synonym to the entry above
    SIMONETTA_SOMMARUGA_  # comment     # a phrase whose codes follow on tab-indented lines
        [CHEGOVCOP >101001]             # role from 2010-10-01 on ('<' means until)
        [CHEELI 940101-101001]          # role in a date range (YYMMDD or YYYYMMDD)
        [CHEELI]                        # the default, when no dated role applies

``_`` and spaces join words (a trailing ``_`` marks an exact word, which changes nothing for
us: our names are whole words anyway). ``#`` starts a comment, ``<!-- ... -->`` is a comment
block, ``---STOP---`` ends the file. A code line may hold several ``[...]`` blocks and
``[A/B]`` gives two codes; ``[---]`` is a discard (not an actor for that period). An entry with
no code of its own takes the codes of the next entry that has some, as PETRARCH does.
Two-digit years follow TABARI and PETRARCH: 00-30 are 20YY, 31-99 are 19YY
(`century_pivot`); Phoenix's CountryInfo people have birth-era dates in the 1930s and 1940s.

Agent dictionaries hold generic nouns: ``FARMER [~AGR]``; ``{FARMHANDS}`` gives the plural
(``{}``: none), otherwise the regular plural is generated; ``!PERSON! = MAN, MEN, ...`` defines
a substitution set, so that ``CHAIR!PERSON!`` gives chairman, chairmen, chairwoman, ...;
``[IGO~]`` is an agent that fixes the top-level code rather than a sector.

How codes become PLOVER
-----------------------
A CAMEO code is a string of 3-letter chunks. The first gives PLOVER's ``code``: a country
(ISO-3, with a few retired codes updated), or IGOUNO... -> UNO, IGOEUREEC... -> EUR (the
European Union; other European bodies such as the Council of Europe stay IGO), IGO, NGO, IMG,
MNC. With `known_codes` the country must be one of them; a CAMEO region (MEA, WEU, ...) then
gives IMG for an armed group and is dropped otherwise. The other chunks map to sectors through
``actors/cameo-sectors.csv``: the first sector is ``sector``, the rest ``sectors``. Chunks
marked ``fallback`` there (religions; development, environment and human rights as SOC) count
only under a country code and only when no other chunk gives a sector; an NGO or IMG code
with no sector chunk gets SOC or REB. A code that starts with a sector (``[ELI]`` after a
person's dated roles) takes the country of the entry's other roles. The original code is kept
in ``cameo``.

How entries become records
--------------------------
An entry whose current code (the undated default, else the latest dated role) is a bare
country code stands for the country (``SYRIA_ [SYR]``, ``ATHENS [GRC]``, and with known codes
a dependency such as ``GUAM_ [USAGUM]``): `country_blocks` returns those names, and
`parse_actor_dictionary` skips them unless ``countries=True``.

Every other entry is a person unless its name has an organisation word (ARMY, PARTY, JUND,
...), when it has a comment naming a list of people (CountryInfo, rulers) or a dated role, or,
outside company codes, initials (``R.K._PACHAURI``) or a yes from the optional `person_name`
test. Otherwise it is an organisation whose kind comes from its code and name: igo, ngo,
media, company, party, group (armed or IMG) or organization. Uncoded names just before a
person's entry that end with one of its words (``LEONID_BREZHNEV_`` before
``COMMUNIST_LEADER_LEONID_BREZHNEV``) are more names of that person. A person listed twice
(once per office) with the same countries is one record with all the roles. An undated role is
PETRARCH's default: it applies when no dated role covers the date.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import product
from types import MappingProxyType

from dragoman.errors import KnowledgeError

# PLOVER's international codes (PLOVER manual, "Non-state international actors").
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Retired or non-ISO country codes found in CAMEO dictionaries, and what PLOVER uses now.
RENAMED_CODES = MappingProxyType({"KSV": "KOS", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"})
# CAMEO regions: a code such as MEAREB names a group by region, not by country.
CAMEO_REGIONS = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR INT LAM MDE MEA NAF NMR PGS SAF SAM SAS SCN "
    "SEA WAF WEU WST".split()
)
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL"})

# Words that make a phrase the name of an organisation, never a person's name.
ORGANISATION_WORDS = frozenset(
    """ACADEMY AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD
    BRIGADE BRIGADES BUREAU CABINET CELLS CENTER CENTRE CHAMBER CHURCH CLUB COALITION COLLEGE
    COMMAND COMMISSION COMMITTEE COMPANY CONFERENCE CONGRESS CORP CORPORATION COUNCIL COURT
    DEPARTMENT EMBASSY FEDERATION FORCE FORCES FORUM FOUNDATION FRONT FUND GOVERNMENT GROUP
    GUARD GUARDS INC INSTITUTE INTERNATIONAL LEAGUE LIBERATION LIMITED LTD MILITIA MINISTRY
    MISSION MOVEMENT NETWORK NEWS ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PRESS
    PROGRAM PROGRAMME PROJECT REPUBLIC RESISTANCE SECRETARIAT SENATE SERVICE SERVICES SOCIETY
    TIMES TRIBUNAL TRUST UNION UNIVERSITY
    AHRAR ANSAR ASBAT BATTALIONS CELL COMMANDOS GANG HARAKAT HARKAT HIZB JABHAT JAISH JAMAAH
    JAMAAT JAMIAT JEMAAH JUND KATAIB KATA'IB LASHKAR LASKAR MUJAHEDIN MUJAHIDEEN MUJAHIDEN
    MUJAHIDIN NUCLEI NUCLEUS PALACE SARAYA SARAYAT TANZIM TROOPS
    ARMATA ASOCIACION ASSOCIACAO BARNEN CENTRO COMITATO COMITE CONSEJO EJERCITO FRENTE
    FUNDACAO FUNDACION HILFE MORCHA MOVIMIENTO MUKTI ORGANIZACION PARTIDO SENA SOLIDARIA
    SOLIDARIDAD STATES STIFTUNG WORLDWIDE""".split()
)
MEDIA_WORDS = frozenset(
    "BROADCASTING GAZETTE HERALD JOURNAL MAGAZINE NEWS NEWSPAPER POST PRESS RADIO TELEGRAPH "
    "TELEVISION TIMES TRIBUNE TV".split()
)
# A comment naming one of the TABARI lists of people (Phoenix's CountryInfo and IGO rulers).
_PEOPLE_COMMENT = re.compile(r"CountryInfo|rulers", re.IGNORECASE)
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_DOTTED_ACRONYMS = frozenset({"U.N.", "U.S.", "E.U.", "U.K.", "A.U."})

_LOWER_WORDS = frozenset(
    "al and at bin bint da das de del della der di do dos du el for ibn in of on the to "
    "ud ul und van von y".split()
)
_ACRONYMS = frozenset(
    "APEC ASEAN AU ECOWAS EU IAEA ICRC IGAD NATO OPEC OSCE SADC TV UAE UK UN UNDP UNEP UNESCO "
    "UNHCR UNICEF UNSC US USA USSR".split()
)
_ROMAN = re.compile(r"[IVX]{2,4}")

# Agent plurals: words with no regular plural, and -man words that are not compounds of man.
_NO_PLURAL = frozenset(
    "children clergy folk gentry intelligence media men people personnel police press public "
    "staff women youth".split()
)
_NOT_MAN = frozenset(
    "brahman caiman cayman german human oman ottoman roman shaman talisman".split()
)
_PREPOSITIONS = frozenset("against at by for from in of on over to under with without".split())

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_MARKER_DEFINITION = re.compile(r"^!(\w+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!(\w+)!")
_CAMEO = re.compile(r"[A-Z0-9]{3,15}")
_AGENT_CAMEO = re.compile(r"[A-Z0-9]{3,12}")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a dictionary that was skipped or changed, with its line number.

    `fatal` problems are lines that could not be read (a bracket never closed, a code line
    before any entry); the others are read but lost something. `kind` is a short category
    for counting: syntax, date, code, name, nocode, discard, marker.
    """

    line: int
    kind: str
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        level = "error" if self.fatal else "warning"
        return f"line {self.line}: {level} [{self.kind}] {self.message}"


@dataclass(frozen=True, slots=True)
class SectorRule:
    """What one CAMEO chunk means in PLOVER: a sector ("" for none), and whether it is a
    fallback that counts only when no other chunk of the code gives a sector."""

    plover: str
    fallback: bool = False


def read_sector_table(text: str) -> Mapping[str, SectorRule]:
    """The CAMEO chunk -> PLOVER sector table from CSV text (columns cameo, plover, note, use)."""
    rows = csv.DictReader(io.StringIO(text))
    return MappingProxyType(
        {
            row["cameo"].strip().upper(): SectorRule(
                row["plover"].strip().upper(), row.get("use", "").strip() == "fallback"
            )
            for row in rows
        }
    )


@cache
def default_sector_table() -> Mapping[str, SectorRule]:
    """The packaged table, ``knowledge/actors/cameo-sectors.csv``."""
    from dragoman.knowledge import package_text

    text = package_text("actors/cameo-sectors.csv")
    if text is None:
        raise KnowledgeError("packaged file is missing; reinstall dragoman",
                             source="actors/cameo-sectors.csv")
    return read_sector_table(text)


def parse_date(digits: str, century_pivot: int = 30) -> str | None:
    """A TABARI date, YYMMDD or YYYYMMDD, as ISO YYYY-MM-DD; None when it is malformed.

    >>> parse_date("101001"), parse_date("451024"), parse_date("19270101"), parse_date("2004017")
    ('2010-10-01', '1945-10-24', '1927-01-01', None)
    """
    if not digits.isdigit() or len(digits) not in (6, 8):
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        digits = str(year + (2000 if year <= century_pivot else 1900)) + digits[2:]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- names


def display_name(phrase: str) -> str:
    """A readable form of a dictionary phrase: ``FREE_SYRIAN_ARMY_`` -> ``Free Syrian Army``.

    Title case, with particles in lower case inside a name (``Muhammad al-Baradei``,
    ``Javier de Cuellar``), initials and acronyms kept (``R.K. Pachauri``, ``(ALF)``).
    """
    tokens = [t for t in re.split(r"[_\s]+", phrase) if t]
    alone = len(tokens) == 1
    return " ".join(_display_token(t, i == 0, alone) for i, t in enumerate(tokens))


def _display_token(token: str, first: bool, alone: bool) -> str:
    upper = token.upper()
    if upper.startswith("(") and upper.endswith(")") and len(upper) <= 7:
        return upper
    if alone and upper.isalpha() and len(upper) <= 3:
        return upper
    parts = upper.split("-")
    return "-".join(
        _display_part(p, first and i == 0, i > 0) for i, p in enumerate(parts)
    )


def _display_part(part: str, first: bool, inner: bool) -> str:
    letters = re.sub(r"[^A-Z]", "", part)
    if "." in part and all(len(s) <= 1 for s in part.split(".")):
        return part
    no_vowel = part.isalpha() and len(part) >= 2 and not re.search(r"[AEIOUY]", part)
    if part in _ACRONYMS or no_vowel:
        return part
    if not first and (part.lower() in _LOWER_WORDS or (inner and len(letters) == 1)):
        return part.lower()
    if not first and _ROMAN.fullmatch(part):
        return part
    if "'" in part:
        return _display_apostrophe(part, first)
    if part.startswith("MC") and len(part) > 3:
        return "Mc" + _capitalize(part[2:])
    return _capitalize(part)


def _capitalize(text: str) -> str:
    """Upper-case the first letter, lower-case the rest: ``(GREECE)`` -> ``(Greece)``."""
    lower = text.lower()
    first = next((i for i, c in enumerate(lower) if c.isalnum()), None)
    return lower if first is None else lower[:first] + lower[first].upper() + lower[first + 1 :]


def _display_apostrophe(part: str, first: bool) -> str:
    head, _, tail = part.partition("'")
    if len(head) == 1 and len(tail) >= 2:  # O'Brien, d'Escoto
        head = head.lower() if head in "DL" and not first else head
        return f"{head}'{_capitalize(tail)}"
    return f"{_capitalize(head)}'{tail.lower()}"  # Children's, Baha'i


def slug(text: str) -> str:
    """The id-safe form of a name: ``Lord's Resistance Army`` -> ``lords-resistance-army``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub("['\u2019.]", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def _id_prefix(source: str) -> str:
    head = source.split(":", 1)[0] if ":" in source else source.rsplit("/", 1)[-1].split(".")[0]
    return slug(head)


def _dedupe(items: Iterable[str], *, fold: bool = False) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold() if fold else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# ---------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    comment: str


def _strip_markup(raw: str, in_block: bool) -> tuple[str, bool]:
    """Remove ``<!-- ... -->`` comments (and the ``<! --`` misspelling) from one line."""
    kept: list[str] = []
    position = 0
    while position < len(raw):
        if in_block:
            end = raw.find("-->", position)
            if end < 0:
                return "".join(kept), True
            position, in_block = end + 3, False
        else:
            start = raw.find("<!", position)
            if start < 0:
                kept.append(raw[position:])
                break
            kept.append(raw[position:start])
            position, in_block = start + 2, True
    return "".join(kept), in_block


def _dictionary_lines(text: str) -> Iterator[_Line]:
    """The lines that carry something, without comments, numbered from 1."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if "---STOP---" in raw:
            return
        line, in_block = _strip_markup(raw, in_block)
        content, _, comment = line.partition("#")
        if content.strip():
            yield _Line(number, content.rstrip(), comment.strip())


# ---------------------------------------------------------------- codes and dates


@dataclass(frozen=True, slots=True)
class _Code:
    cameo: str
    valid_from: str | None
    valid_to: str | None
    line: int


@dataclass(frozen=True)
class _Context:
    source: str
    sectors: Mapping[str, SectorRule]
    known: frozenset[str] | None
    pivot: int
    problems: list[Problem]

    def warn(self, line: int, kind: str, message: str, fatal: bool = False) -> None:
        self.problems.append(Problem(line, kind, message, fatal))


def _codes_on_line(text: str, number: int, ctx: _Context) -> list[_Code]:
    if text.count("[") != text.count("]"):
        ctx.warn(number, "syntax", f"unbalanced brackets in {text.strip()!r}", fatal=True)
        return []
    return [c for block in _BRACKET.findall(text) for c in _parse_block(block, number, ctx)]


def _parse_block(block: str, number: int, ctx: _Context) -> list[_Code]:
    """One ``[CODE dates]`` block: ``CODE``, ``CODE >date``, ``CODE <date``, ``CODE d1-d2``."""
    match = re.match(r"\s*([^\s<>]+)\s*(.*)$", block)
    if match is None:
        ctx.warn(number, "code", "empty code block []")
        return []
    dates = _parse_dates(match.group(2).strip(), number, ctx)
    if dates is None:
        return []
    codes = []
    for code in match.group(1).upper().split("/"):
        if code == "---" or _CAMEO.fullmatch(code):
            codes.append(_Code(code, dates[0], dates[1], number))
        else:
            ctx.warn(number, "code", f"{code!r} is not a CAMEO code; role skipped")
    return codes


def _parse_dates(text: str, number: int, ctx: _Context) -> tuple[str | None, str | None] | None:
    """(valid_from, valid_to) of a restriction, or None (with a warning) when malformed."""
    if not text:
        return None, None
    dates: tuple[str | None, str | None]
    if text[0] in "<>":
        day = parse_date(text[1:].strip(), ctx.pivot)
        dates = (None, day) if text[0] == "<" else (day, None)
        ok = day is not None
    else:
        start, dash, end = (part.strip() for part in text.partition("-"))
        first, last = parse_date(start, ctx.pivot), parse_date(end, ctx.pivot)
        dates = (first, last)
        ok = bool(dash) and first is not None and last is not None and first <= last
    if not ok:
        ctx.warn(number, "date", f"malformed date restriction {text!r}; role skipped")
        return None
    return dates


def _top_level(chunks: list[str], ctx: _Context) -> tuple[str | None, int]:
    """PLOVER's code for the first chunks of a CAMEO code, and how many chunks it used.

    (None, 0) when the code starts with a sector; ("", n) when it names nothing usable.
    """
    first = RENAMED_CODES.get(chunks[0], chunks[0])
    if first == "IGO" and chunks[1:2] == ["UNO"]:
        return "UNO", 2
    if first == "IGO" and chunks[1:3] == ["EUR", "EEC"]:
        return "EUR", 3
    if first in INTERNATIONAL_CODES - {"EUR"}:
        return first, 1
    rule = ctx.sectors.get(first)
    if ctx.known is None:  # a user's codes: a sector chunk first, else their own country
        if rule is not None and not rule.fallback:
            return None, 0
        return (first if first.isalpha() and len(first) == 3 else ""), 1
    if first in ctx.known and first not in CAMEO_REGIONS:
        return first, 1
    return (None, 0) if rule is not None else ("", 1)


def _sector_list(chunks: Iterable[str], top: SectorRule | None,
                 table: Mapping[str, SectorRule]) -> list[str]:
    """Sectors of the chunks after the top-level code, primary first.

    `top` is the rule of an international top-level code (NGO, IMG, IGO, MNC): with no
    regular sector, its own sector applies (NGO: SOC, IMG: REB). Religions and topics count
    only under a country, since an international code already says what the actor is.
    """
    rules = [table[c] for c in chunks if c in table and table[c].plover]
    regular = [r.plover for r in rules if not r.fallback]
    if regular or top is not None:
        return _dedupe(regular or ([top.plover] if top and top.plover else []))
    return _dedupe(r.plover for r in rules if r.fallback)


def _international_rule(top: str | None, chunk: str, ctx: _Context) -> SectorRule | None:
    return ctx.sectors.get(chunk, SectorRule("")) if top in INTERNATIONAL_CODES else None


def _role(code: _Code, ctx: _Context) -> dict | None:
    """Our role for one CAMEO code; None (with a warning) when it has no usable country.

    A role whose code starts with a sector gets ``code`` None, to be filled from the entry.
    """
    chunks = [code.cameo[i : i + 3] for i in range(0, len(code.cameo), 3)]
    top, used = _top_level(chunks, ctx)
    top_rule = _international_rule(top, chunks[0], ctx)
    sectors = _sector_list(chunks[used:], top_rule, ctx.sectors)
    if top == "" and ctx.known is not None and chunks[0] in CAMEO_REGIONS:
        top = "IMG" if sectors and sectors[0] in ARMED_SECTORS else ""
    if top == "":
        ctx.warn(code.line, "code", f"{code.cameo}: no country or PLOVER code; role skipped")
        return None
    role: dict = {"code": top, "sector": sectors[0] if sectors else ""}
    if len(sectors) > 1:
        role["sectors"] = sectors[1:]
    if code.valid_from:
        role["valid_from"] = code.valid_from
    if code.valid_to:
        role["valid_to"] = code.valid_to
    role["cameo"] = code.cameo
    return role


# ---------------------------------------------------------------- actor entries


@dataclass(slots=True)
class _Entry:
    line: int
    phrases: list[str]
    comment: str
    codes: list[_Code] = field(default_factory=list)
    coded: bool = False  # had code blocks of its own, even unreadable ones
    orphans: list[_Entry] = field(default_factory=list)  # uncoded entries just before it

    def add_codes(self, text: str, number: int, ctx: _Context) -> None:
        self.coded = True
        self.codes += _codes_on_line(text, number, ctx)


def _read_entries(text: str, ctx: _Context) -> list[_Entry]:
    """Group the lines into entries: a phrase, its '+' synonyms and its code lines."""
    entries: list[_Entry] = []
    for line in _dictionary_lines(text):
        stripped = line.text.strip()
        is_code = stripped.startswith("[")
        if (is_code or stripped.startswith("+")) and not entries:
            ctx.warn(line.number, "syntax", "code or synonym before any actor", fatal=True)
        elif is_code:
            entries[-1].add_codes(stripped, line.number, ctx)
        elif stripped.startswith("+"):
            _add_synonym(entries[-1], stripped[1:], line.number, ctx)
        else:
            phrase, _, codes = stripped.partition("[")
            entries.append(_Entry(line.number, [phrase.strip()], line.comment))
            if codes:
                entries[-1].add_codes("[" + codes, line.number, ctx)
    return _lend_codes(entries, ctx)


def _add_synonym(entry: _Entry, text: str, number: int, ctx: _Context) -> None:
    phrase, bracket, codes = text.partition("[")
    entry.phrases.append(phrase.strip())
    if bracket:
        ctx.warn(number, "syntax", "code on a synonym line; it applies to the whole entry")
        entry.add_codes("[" + codes, number, ctx)


def _lend_codes(entries: list[_Entry], ctx: _Context) -> list[_Entry]:
    """Entries without codes share the codes of the next entry that has some, as in PETRARCH;
    they are kept as that entry's `orphans`."""
    waiting: list[_Entry] = []
    for entry in entries:
        if not entry.coded:
            waiting.append(entry)
            continue
        if not entry.codes:
            continue  # its codes were unreadable, and were reported
        for orphan in waiting:
            orphan.codes = entry.codes
            ctx.warn(orphan.line, "nocode",
                     f"{orphan.phrases[0]!r} has no code; it takes those of line {entry.line}")
        entry.orphans, waiting = waiting, []
    for orphan in waiting:
        ctx.warn(orphan.line, "nocode", f"{orphan.phrases[0]!r} has no code; skipped")
    return [e for e in entries if e.coded and e.codes]


def _merged(entries: list[_Entry]) -> _Entry:
    """One entry with the phrases of all, named and commented by the first."""
    phrases = [p for e in entries for p in e.phrases]
    comment = next((e.comment for e in entries if e.comment), "")
    return _Entry(entries[0].line, phrases, comment, entries[-1].codes)


def _with_orphans(entry: _Entry, person: bool) -> list[_Entry]:
    """The entry and its orphans as the actors they name.

    When the block is a person's, an orphan whose last word is in the entry
    (``LEONID_BREZHNEV_`` before ``COMMUNIST_LEADER_LEONID_BREZHNEV [...]``) is another name
    of that person; any other orphan is an actor of its own with the same codes (``U.N._``
    before ``UN_SECRETARY_GENERAL [IGOUNO]``).
    """
    words = set().union(*(_words(p) for p in entry.phrases))
    same: list[_Entry] = []
    apart: list[_Entry] = []
    for orphan in entry.orphans:
        last = re.split(r"[^A-Z0-9']+", orphan.phrases[0].upper().strip("_ "))[-1]
        (same if person and len(last) >= 3 and last in words else apart).append(orphan)
    return [_merged([*same, entry]), *apart]


def _entry_roles(entry: _Entry, ctx: _Context) -> list[dict]:
    """The entry's roles, discards dropped, sector-only codes given the entry's country."""
    kept = [c for c in entry.codes if c.cameo != "---"]
    if not kept:
        ctx.warn(entry.line, "discard", f"{entry.phrases[0]!r} is coded '---' (not an actor)")
        return []
    roles = [r for r in (_role(c, ctx) for c in kept) if r is not None]
    countries = _dedupe(r["code"] for r in roles if r["code"] is not None)
    for role in [r for r in roles if r["code"] is None]:
        if len(countries) == 1:
            role["code"] = countries[0]
        else:
            ctx.warn(entry.line, "code",
                     f"{role['cameo']}: a sector with no country to attach it to; role skipped")
    unique: dict[str, dict] = {}
    for role in roles:
        if role["code"] is not None:
            unique.setdefault(json.dumps(role, sort_keys=True), role)
    return list(unique.values())


def _current_role(roles: list[dict]) -> dict:
    """The undated default role, else the open-ended or latest dated one."""
    undated = [r for r in roles if "valid_from" not in r and "valid_to" not in r]
    if undated:
        return undated[-1]
    return max(roles, key=lambda r: (r.get("valid_to", "9999"), r.get("valid_from", "")))


def _country_code(roles: list[dict], ctx: _Context) -> str | None:
    """The country an entry stands for, when its current code is a bare country code.

    With known codes, a country followed by another that is not a sector chunk (``GUAM_
    [USAGUM]``, but not ``[EGYMUS]``: Egyptian Muslims, not Mauritius) is a dependency and
    stands for its own code.
    """
    role = _current_role(roles)
    cameo, code = role["cameo"], role["code"]
    if code in INTERNATIONAL_CODES:
        return None
    if ctx.known is not None and len(cameo) == 6 and cameo[3:] in ctx.known:
        return cameo[3:] if cameo[3:] not in ctx.sectors else None
    return code if len(cameo) == 3 and not role["sector"] else None


def _words(phrase: str) -> set[str]:
    return {w for w in re.split(r"[^A-Z0-9']+", phrase.upper()) if w}


def _is_person(entry: _Entry, roles: list[dict], person_name: Callable[[str], bool] | None) -> bool:
    if _words(entry.phrases[0]) & ORGANISATION_WORDS:
        return False
    if _PEOPLE_COMMENT.search(entry.comment):
        return True
    if any("valid_from" in r or "valid_to" in r for r in roles):
        return True
    # Phoenix's company list is full of founders' names (J.P. Morgan Chase, Tim Hortons):
    # a company's entry is a person only on the evidence above.
    if _current_role(roles)["code"] == "MNC":
        return False
    if _has_initials(entry.phrases[0]):
        return True
    return person_name is not None and person_name(display_name(entry.phrases[0]))


def _has_initials(phrase: str) -> bool:
    """``K._ANNAN``, ``GEORGE_W._BUSH``, ``R.K._PACHAURI``; not ``U.N._MONITOR``."""
    tokens = [t for t in re.split(r"[_\s]+", phrase.upper()) if t]
    return any(
        _INITIALS.fullmatch(t) and t not in _DOTTED_ACRONYMS for t in tokens[:-1]
    )


def _organisation_kind(role: dict, words: set[str]) -> str:
    code, sector = role["code"], role["sector"]
    if code in ("IGO", "UNO", "EUR"):
        return "igo"
    if code == "NGO":
        return "ngo"
    if sector == "JRN" or words & MEDIA_WORDS:
        return "media"
    if code == "MNC" or sector == "BUS":
        return "company"
    if sector == "PTY" or "PARTY" in words:
        return "party"
    if code == "IMG" or sector in ("REB", "UAF"):
        return "group"
    return "organization"


def _names(entry: _Entry, ctx: _Context) -> list[str]:
    names = []
    for phrase in entry.phrases:
        name = display_name(phrase)
        if not re.search(r"[^\W\d_]", name):
            ctx.warn(entry.line, "name", f"{phrase!r} is not a name; dropped")
        else:
            names.append(name)
    return _dedupe(names, fold=True)


# ---------------------------------------------------------------- public: actors


def parse_actor_dictionary(
    text: str,
    source: str,
    *,
    problems: list[Problem] | None = None,
    sectors: Mapping[str, SectorRule] | None = None,
    known_codes: Collection[str] | None = None,
    id_prefix: str | None = None,
    century_pivot: int = 30,
    countries: bool = False,
    person_name: Callable[[str], bool] | None = None,
) -> list[dict]:
    """Actor records (schemas/actor.schema.json) from the text of a TABARI actor dictionary.

    `source` goes into each record (``phoenix:Phoenix.Countries.actors.txt``); its part before
    the colon prefixes the ids (``phoenix:person:simonetta-sommaruga``) unless `id_prefix` is
    given. Problems are appended to `problems`. `known_codes` (ISO-3 codes) makes country
    codes strict: others are dropped with a warning; without it any 3-letter code is kept, as
    a user's own dictionary may invent some. Entries that stand for a country are left to
    `country_blocks` unless `countries` is true. `person_name` decides, for an undated entry
    with no other clue, whether its display name is a person's. Records come back merged
    (same name, same roles), with unique ids, sorted by id.
    """
    ctx = _Context(source, sectors or default_sector_table(),
                   frozenset(known_codes) if known_codes is not None else None,
                   century_pivot, problems if problems is not None else [])
    prefix = id_prefix or _id_prefix(source)
    records = []
    for coded in _read_entries(text, ctx):
        roles = _entry_roles(coded, ctx)
        country = _country_code(roles, ctx) if roles else None
        if not roles or (country is not None and not countries):
            continue
        kind_of = (lambda _: "country") if country else _kind_finder(roles, person_name)
        person = kind_of(_merged([*coded.orphans, coded])) == "person"
        for entry in _with_orphans(coded, person):
            names, kind = _names(entry, ctx), kind_of(entry)
            if names:
                records.append({"id": f"{prefix}:{kind}:{slug(names[0])}", "kind": kind,
                                "names": names, "roles": roles, "source": source})
    return finalize_records(records)


def _kind_finder(roles: list[dict], person_name: Callable[[str], bool] | None
                 ) -> Callable[[_Entry], str]:
    """The kind of an entry with these roles: person, or an organisation's kind."""
    def kind(entry: _Entry) -> str:
        if _is_person(entry, roles, person_name):
            return "person"
        return _organisation_kind(_current_role(roles), _words(entry.phrases[0]))
    return kind


def country_blocks(
    text: str,
    *,
    problems: list[Problem] | None = None,
    known_codes: Collection[str] | None = None,
    century_pivot: int = 30,
) -> dict[str, list[str]]:
    """{country code: names} for the entries that stand for a country (``SYRIA_ [SYR]``).

    The names are display forms, the entry's phrase and synonyms in file order (``Syria``,
    ``Syrian``, ``Damascus``, ...); TABARI does not say which are adjectives or capitals.
    """
    ctx = _Context("", default_sector_table(),
                   frozenset(known_codes) if known_codes is not None else None,
                   century_pivot, problems if problems is not None else [])
    blocks: dict[str, list[str]] = {}
    for entry in _read_entries(text, ctx):
        roles = _entry_roles(entry, ctx)
        country = _country_code(roles, ctx) if roles else None
        if country is not None:
            names = [n for e in (*entry.orphans, entry) for n in _names(e, ctx)]
            blocks[country] = _dedupe(blocks.get(country, []) + names, fold=True)
    return dict(sorted(blocks.items()))


# ---------------------------------------------------------------- public: agents


def parse_agent_dictionary(
    text: str,
    source: str,
    *,
    problems: list[Problem] | None = None,
    sectors: Mapping[str, SectorRule] | None = None,
    id_prefix: str | None = None,
) -> list[dict]:
    """Agent records (schemas/agent.schema.json) from the text of a TABARI agents dictionary.

    Names are lower case, singular and plural (``farmer``, ``farmers``); ``!SET!`` markers are
    expanded; ``cameo`` is the code without ``~``. Records come back merged, with unique ids,
    sorted by id; problems are appended to `problems`.
    """
    ctx = _Context(source, sectors or default_sector_table(), None, 30,
                   problems if problems is not None else [])
    prefix = id_prefix or _id_prefix(source)
    markers: dict[str, list[str]] = {}
    records: list[tuple[dict, str | None]] = []
    for line in _dictionary_lines(text):
        definition = _MARKER_DEFINITION.match(line.text.strip())
        if definition:
            markers[definition.group(1)] = [w.strip() for w in definition.group(2).split(",")]
            continue
        record, generated = _agent_record(line, markers, ctx)
        if record is not None:
            record = {"id": f"{prefix}:agent:{slug(record['names'][0])}", **record}
            records.append((record, generated))
    return finalize_records(_drop_shadowed_plurals(records))


def _drop_shadowed_plurals(records: list[tuple[dict, str | None]]) -> list[dict]:
    """Drop a generated plural that another line gives explicitly (``ARMED_FORCE [~UAF]``
    would make "armed forces", which ``ARMED_FORCES [~MIL]`` defines)."""
    explicit = {n for record, generated in records for n in record["names"] if n != generated}
    out = []
    for record, generated in records:
        if generated is not None and generated in explicit:
            record = {**record, "names": [n for n in record["names"] if n != generated]}
        out.append(record)
    return out


def _agent_record(line: _Line, markers: Mapping[str, list[str]],
                  ctx: _Context) -> tuple[dict | None, str | None]:
    """The record of one agent line and the plural it generated, if any."""
    phrase, bracket, rest = line.text.strip().partition("[")
    code_text, closed, _ = rest.partition("]")
    if not bracket:
        ctx.warn(line.number, "nocode", f"agent {phrase.strip()!r} has no code; skipped")
        return None, None
    if not closed or ("{" in phrase) != ("}" in phrase):
        ctx.warn(line.number, "syntax", f"unbalanced brackets in {line.text.strip()!r}",
                 fatal=True)
        return None, None
    names, generated = _agent_names(phrase, markers, line.number, ctx)
    coded = _agent_code(code_text, line.number, ctx) if names else None
    if coded is None:
        return None, None
    return {"names": names, **coded, "source": ctx.source}, generated


def _agent_names(phrase: str, markers: Mapping[str, list[str]], number: int,
                 ctx: _Context) -> tuple[list[str], str | None]:
    base, _, braces = phrase.partition("{")
    generated = None
    if "!" in base:
        names = _expand_markers(_agent_phrase(base), markers)
        if names is None:
            ctx.warn(number, "marker", f"undefined substitution set in {base.strip()!r}",
                     fatal=True)
            return [], None
    elif braces:
        names = [_agent_phrase(base), _agent_phrase(braces.partition("}")[0])]
    else:
        singular = _agent_phrase(base)
        generated = plural(singular)
        names = [singular, generated or ""]
    names = _dedupe(n for n in names if n and re.search(r"\w", n))
    if not names:
        ctx.warn(number, "name", f"agent line {phrase.strip()!r} has no name; skipped")
    return names, generated


def _agent_phrase(text: str) -> str:
    return " ".join(re.split(r"[_\s]+", text.strip(" _"))).lower()


def _expand_markers(phrase: str, markers: Mapping[str, list[str]]) -> list[str] | None:
    """Every expansion of the ``!SET!`` markers in `phrase`; None if one is undefined."""
    parts = _MARKER.split(phrase)  # text, marker, text, marker, ..., text
    texts, wanted = parts[0::2], parts[1::2]
    folded = {k.lower(): v for k, v in markers.items()}
    if any(w.lower() not in folded for w in wanted):
        return None
    return [
        _agent_phrase("".join(t + v for t, v in zip(texts, (*values, ""), strict=True)))
        for values in product(*(folded[w.lower()] for w in wanted))
    ]


def _agent_code(text: str, number: int, ctx: _Context) -> dict | None:
    """``~GOVFRM`` -> sector GOV, cameo GOVFRM; ``NGO~`` -> code NGO, sector SOC."""
    top, _, agent = text.replace(" ", "").upper().rpartition("~")
    code = _top_level([top[i : i + 3] for i in range(0, len(top), 3)], ctx)[0] if top else None
    chunks = [agent[i : i + 3] for i in range(0, len(agent), 3)]
    sectors = _sector_list(chunks, _international_rule(code, top[:3], ctx), ctx.sectors)
    cameo = top + agent
    if not sectors or not _AGENT_CAMEO.fullmatch(cameo) or code == "":
        ctx.warn(number, "code", f"agent code {text.strip()!r} gives no PLOVER sector; skipped")
        return None
    coded: dict = {"sector": sectors[0]}
    if len(sectors) > 1:
        coded["sectors"] = sectors[1:]
    if code:
        coded["code"] = code
    coded["cameo"] = cameo
    return coded


def plural(phrase: str) -> str | None:
    """The regular plural of a lower-case noun phrase; None when it has none.

    The head noun is the last word, or the word before a preposition:
    ``head of state`` -> ``heads of state``, ``policeman`` -> ``policemen``,
    ``attorney`` -> ``attorneys``, ``militia`` -> ``militias``, ``troops`` -> None.
    """
    words = phrase.split()
    if not words or words[0] in ("a", "an"):
        return None
    head = next((i - 1 for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS),
                len(words) - 1)
    form = _plural_word(words[head])
    return None if form is None else " ".join([*words[:head], form, *words[head + 1 :]])


def _plural_word(word: str) -> str | None:
    if word in _NO_PLURAL or not word[-1:].isalpha():
        return None
    if word.endswith("man") and len(word) > 3 and word not in _NOT_MAN:
        return word[:-3] + "men"
    if word.endswith("is"):
        return word[:-2] + "es"
    if word.endswith(("ss", "us", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return None  # already plural: officials, troops, forces
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# ---------------------------------------------------------------- public: ids


def finalize_records(records: Iterable[dict]) -> list[dict]:
    """Merge duplicates, make ids unique and sort by id; the same input gives the same output.

    Records with the same base id that are the same actor (see `_merge_key`) become one with
    the union of their names and roles. Records that share a base id but differ get the lower-cased
    code of their first role (or their agent code) appended (``...:abdul-qadir-afg``), then
    ``-2``, ``-3`` in input order if that is not enough. Ids are recomputed from the prefix,
    kind and first name, so combining the records of several files works the same way.
    """
    merged: dict[tuple[str, str], dict] = {}
    for record in records:
        key = _merge_key(record)
        if key not in merged:
            merged[key] = {**record, "id": key[0], "names": list(record["names"])}
            continue
        kept = merged[key]
        kept["names"] = _dedupe(kept["names"] + record["names"], fold="roles" in record)
        if "roles" in record:
            roles = {json.dumps(r, sort_keys=True): r for r in kept["roles"] + record["roles"]}
            kept["roles"] = list(roles.values())
    return sorted(_unique_ids(list(merged.values())), key=lambda r: r["id"])


def _merge_key(record: dict) -> tuple[str, str]:
    """Records with the same key are one: organisations and agents with the same name and
    code, people with the same name and countries (dictionaries list a person once per office)."""
    if record.get("kind") == "person":
        same = sorted({r["code"] for r in record["roles"]})
    elif "roles" in record:
        same = record["roles"]
    else:
        same = [record.get("cameo"), record["sector"], record.get("code")]
    return _base_id(record), json.dumps(same, sort_keys=True)


def _base_id(record: dict) -> str:
    prefix = record["id"].rsplit(":", 2)[0]
    return f"{prefix}:{record.get('kind', 'agent')}:{slug(record['names'][0])}"


def _unique_ids(records: list[dict]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for record in records:
        groups.setdefault(record["id"], []).append(record)
    taken: set[str] = {base for base, group in groups.items() if len(group) == 1}
    for base, group in groups.items():
        if len(group) == 1:
            continue
        for record in group:
            candidate = f"{base}-{slug(_id_suffix(record))}"
            number = 2
            while candidate in taken or candidate in groups:
                candidate, number = f"{base}-{slug(_id_suffix(record))}-{number}", number + 1
            taken.add(candidate)
            record["id"] = candidate
    return records


def _id_suffix(record: dict) -> str:
    if "roles" in record:
        return record["roles"][0]["code"]
    return record.get("cameo") or record["sector"]
