"""The concrete stages of the pipeline (see pipeline.py for the protocol and the order)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.code.events import Coded, EventCoder
from dragoman.code.triggers import passes, prefilter_table
from dragoman.code.typology import classify
from dragoman.code.when import event_date, tense_of
from dragoman.extract.sentences import _splitter, split_sentences
from dragoman.model import Event, Evidence
from dragoman.pipeline import Config, Document, Stage, coder_info
from dragoman.resolve.actors import ActorResolver, ArticleActors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dragoman.code.where import PlaceMention
    from dragoman.knowledge import Knowledge
    from dragoman.model import Location


@dataclass
class SentenceStage:
    """Paragraphs and sentences of the body, with offsets."""

    name: str = "sentences"
    version: str = "2"  # 2: a dateline may name its country or state ("KIDAL, Mali (AP) -")
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, document: Document) -> Document:
        document.sentences = split_sentences(document.article.text)
        tokenizer = _splitter().tokenizer
        document.tokens = [tokenizer(s.text) for s in document.sentences]
        document.stats["sentences"] = len(document.sentences)
        return document


@dataclass
class CandidateStage:
    """Only sentences that may hold an event are parsed: a trigger word, and the words its
    conditions need ('held' with 'talks'), must be there (code/triggers.prefilter_table)."""

    table: dict[str, tuple[frozenset[str], ...]]
    enabled: bool = True
    name: str = "candidates"
    version: str = "2"
    requires: tuple[str, ...] = ("tokens",)
    provides: tuple[str, ...] = ("candidates",)

    def __call__(self, document: Document) -> Document:
        document.candidates = [
            i for i, tokens in enumerate(document.tokens)
            if not self.enabled or passes({t.lower_ for t in tokens}, self.table)
        ]
        document.stats["parsed"] = len(document.candidates)
        return document


@dataclass
class ParseStage:
    """The spaCy parse of candidate sentences, each as its own Doc."""

    parser: Callable[[Sequence[str]], list[Doc]]
    name: str = "parse"
    version: str = "3"  # 2: a headline's verb mended (extract/nlp.py headline_verb); 3: "IS"
    requires: tuple[str, ...] = ("candidates",)
    provides: tuple[str, ...] = ("parsed",)

    def __call__(self, document: Document) -> Document:
        self.parse_batch([document])
        return document

    def parse_batch(self, documents: Sequence[Document]) -> None:
        """Parse the candidate sentences of several documents in one go."""
        texts = [d.sentences[i].text for d in documents for i in d.candidates]
        docs = iter(self.parser(texts))
        for document in documents:
            document.parsed = {i: next(docs) for i in document.candidates}


@dataclass
class ActorScanStage:
    """Knowledge-base names in every sentence; the article's country context."""

    resolver: ActorResolver
    name: str = "actors"
    version: str = "2"  # 2: a name in two dictionaries that agree on its country counts for it
    requires: tuple[str, ...] = ("tokens", "parsed")
    provides: tuple[str, ...] = ("mentions", "actors")

    def __call__(self, document: Document) -> Document:
        state = ArticleActors(when=document.article.published)
        if document.article.title:  # the headline names what the story is about: counts double
            title = _splitter().tokenizer(document.article.title)
            self.resolver.note_context(self.resolver.index.scan(title), state, 2.0, title)
        for i, tokens in enumerate(document.tokens):
            doc = document.parsed.get(i, tokens)
            mentions = self.resolver.index.scan(doc)
            document.mentions[i] = mentions
            self.resolver.note_context(mentions, state, 1.0, doc)
        document.actors = state
        return document


@dataclass
class EventStage:
    """Events in parsed sentences, in reading order (coreference runs forward)."""

    coder: EventCoder
    name: str = "events"
    # 2: headline frames, held-out threats, the US as a subject; 3: denials; 4: what was tried
    # ("tried to march") is not in the future, a planned cooperation coded AGREE still is; 5: a
    # person's name that is a capital is the place after "in" ("talks in Muscat"); 6: what is
    # planned is hypothetical ("on suspicion of planning a terrorist attack"); 7: only the
    # planning verb's own object ("prepared a report on the bombing": the bombing stands); 8:
    # an attack by a weapon with no one named behind it has PLOVER's unidentified actor ("a
    # roadside bomb killed five soldiers": UNK, explosives), or whoever the attack is from
    # ("Shelling from Ukraine killed two people"); an event noun the tagger took for a verb
    # ("Fighting between rebels and soldiers killed 20") is coded as a noun; what a speaker
    # claims or alleges has the claim as its cue ("claimed that its forces had captured"); what
    # a verb does by means of shares its subject ("Israel responded by shelling X"); an event
    # noun that forces people to flee happened ("Fighting ... forced 5,000 people to flee")
    version: str = "8"
    requires: tuple[str, ...] = ("parsed", "mentions", "actors")
    provides: tuple[str, ...] = ("coded",)

    def __call__(self, document: Document) -> Document:
        state = document.actors
        assert state is not None
        place_countries: dict[int, list[str]] = {}
        locative = {(m.sentence, m.start) for m in document.places if m.locative}
        for (i, start), (place, _) in document.resolved_places.items():
            if (i, start) in locative:
                place_countries.setdefault(i, []).append(place.country_code)
        for i in sorted(document.parsed):
            sentence = document.sentences[i]
            state.local = [c for c in place_countries.get(i, []) if c]
            for coded in self.coder.code_sentence(document.parsed[i], sentence.start,
                                                  document.mentions[i], document.actors):
                document.coded.append((i, coded))
        return document


@dataclass
class ToponymStage:
    """Place mentions of parsed sentences, resolved together; their countries join the
    article's country context (before events, so actors can use it)."""

    gazetteer: object
    adjectives: dict[str, str]
    is_place: Callable[[str], bool] | None = None
    scale_of: Callable[[str], int] | None = None
    name: str = "toponyms"
    # 2: each place mention has a scale (code/where.py); 3: no clock words or bare place words,
    # names in apposition to a settlement word, more place words; 4: a name is the whole run of
    # proper nouns it stands in, and ends at white space before lower-case words; 5: countries
    # bordering the actors' support places there (toponyms.bordering_countries); 6: "local
    # government area", "slum", an article the parser coordinated ("Ras al-Ain"); 7: a small
    # namesake abroad of a place named with it is resolved again in that place's country; 8:
    # so is any place named with its country or region ("Tripoli, Lebanon"); 9: a place a
    # distance is measured from, whatever its label ("40 km from Gao"); 10: "department",
    # names before "border crossing", a facility is not the town of its name ("White House");
    # 11: a town named with its state ("in Owo, Ondo state"); 12: a person's name taken for a
    # place ("Millan, 41, was shot"), a country before a thing ("a U.S. airstrike"), a place
    # the recogniser took for a date ("killed in Mayadeen"), a name before a site ("Orly
    # airport"), a name labelled a people that the gazetteer knows ("in Silopi town"), a site
    # taken whatever its label ("stormed the Heart Hospital"), a name made with "of" ("the
    # Gulf of Guinea"), what is entered or stormed ("entered Dahiyat Al-Assad"); 13: readings
    # of a name in one region are evidence ("Istanbul's Kadikoy district"); 14: countries that
    # weigh alike do not pick a small namesake ("Biden and Putin met in Geneva"); 15: the name
    # of a force or body is no place ("the 137th Artillery Brigade"); 16: a country's unnamed
    # capital is its capital city ("in Somalia's capital"); 17: so is "the Serbian capital";
    # 18: a name before a lower-case "state" is the state ("his parish in Kaduna state"); 19:
    # a town before its own police or officials is kept as a local mention ("Karachi police");
    # 20: "the Islamic State of Iraq and Al-Sham" is a group, and so are the places in it; 21:
    # "Akwa Ibom State" is a place, and a village of unknown population no namesake by size;
    # 22: seas, straits and lakes between countries ("in the Red Sea"), of no country; a
    # place word alone is no name ("at a Mosque", "near the Church of the Nativity"); "the
    # Azov Sea port city of Mariupol" names the city; "his daughter Pratiksha" and "the house
    # of Aden Hashi Ayro" are people; a
    # name before a landmark word is a place ("Treskavica mountain", "the Sharon junction"),
    # and so is a known place tagged a common noun ("At Vladivostok"), a village's name
    # labelled a date ("the village of Ma'ardes") or a people ("Buyir village", not "Kurdish
    # villages"); 23: a name with a settlement word in apposition after it ("Azaz, a strategic
    # city"), and a name before a camp, base or airport with words between ("the Balata
    # refugee camp"; not "a Tamil Tiger rebel base"), or a known one before a site ("Gamba
    # police station"); not a lower-case direction ("eastern Khattab"); "over Al-Bab"; "the
    # capital, Katmandu" parsed as a list; "Khan Bani  Saad"; 24: the name a dateline bears
    # with its country is the dateline's place ("TRIPOLI, Lebanon - ... the city of Tripoli");
    # "township" is a place word, and a known name tagged an adjective before a settlement word
    # is a place ("Sagaing region"; not "the Arab town"); a place of the curated supplement is
    # known whatever its population ("the Torkham border crossing", labelled an organisation);
    # a place called a town or village gets no lead from a namesake's millions ("the Algarve
    # town of Lagos" is not Lagos, Nigeria)
    version: str = "24"
    requires: tuple[str, ...] = ("parsed", "actors")
    provides: tuple[str, ...] = ("places", "resolved_places")

    @classmethod
    def open(cls, path: str | None, knowledge: Knowledge) -> ToponymStage:
        from pathlib import Path

        from dragoman.code.where import gazetteer_scale
        from dragoman.resolve.gazetteer import Gazetteer

        gazetteer = Gazetteer.open(Path(path) if path else None)
        return cls(gazetteer, country_adjectives(knowledge), gazetteer_knows(path),
                   gazetteer_scale(gazetteer))

    def __call__(self, document: Document) -> Document:
        from dragoman.code.where import dateline_place, place_mentions, resolve_places
        from dragoman.extract.text import find_dateline
        from dragoman.resolve.gazetteer import country_neighbours
        from dragoman.resolve.toponyms import bordering_countries

        for i, doc in sorted(document.parsed.items()):
            document.places.extend(place_mentions(doc, i, document.sentences[i].start,
                                                  self.adjectives, self.is_place,
                                                  self.scale_of))
        state = document.actors
        countries = state.countries if state else {}
        bordering = bordering_countries(countries, country_neighbours())
        dateline = dateline_place(document.article.text, self.gazetteer)
        filed = find_dateline(document.article.text)
        document.resolved_places = resolve_places(  # "TRIPOLI, Lebanon": its Tripoli
            document.places, self.gazetteer, countries, bordering, document.parsed,
            dateline if filed is not None and filed.region else None)
        if state is not None:
            for place, _ in document.resolved_places.values():
                if place.country_code and not place.feature_code.startswith("PCL"):
                    state.countries[place.country_code] += 0.5  # countries counted as names
            if dateline is not None and dateline.country_code:
                state.countries[dateline.country_code] += 1.0
        return document


# Parts of a city: an unknown one is most likely in the dateline's city.
CITY_PARTS = {"slum", "neighbourhood", "neighborhood", "district", "suburb", "quarter",
              "township", "camp"}


@dataclass
class PlaceStage:
    """Each event's place: its own, else the dateline's, else the article's dominant one; an
    own place the gazetteer does not know gives the dateline's country (precision 3)."""

    gazetteer: object
    name: str = "places"
    # 2: the narrowest place named with the chosen one; 3: distances, guesses only in, at, near
    # or of a place, no broad place before the event as a guess; 4: a dateline's country picks
    # its city; 5: "near X" is nearby (precision 2), an unknown own place falls back only to a
    # known place named with it or attached to the event; 6: not a place inside what a verb of
    # judging is said of ("condemned the attack on a depot in Novorossiysk"); 7: "near the town
    # of X" is nearby, a district or region the gazetteer has only as a town is precision 2;
    # 8: only a direction or distance "of" a place makes it a reference point ("the town of
    # Kupres, 55 miles west of Sarajevo"); 9: the place of an office ("a former governor of
    # Rio de Janeiro") is not attached to the event; 10: a known place attached in its own right
    # keeps its precision when the chosen one is unknown ("talks in Hanoi on the South China
    # Sea"); 11: no nearest-place guess for a verb of saying or judging; 12: the place word a
    # name stands before is what is captured or patrolled ("the al-Muthanna province"); 13:
    # "Sri Lanka's west coast" with "coast" tagged a proper noun; 14: "shot and killed ...
    # outside X", and a place "of" someone ("Peter Blake of New Zealand") is not attached, nor
    # a guess; 16: the place of what a protest is against ("protested against the bombing of
    # Yugoslavia") is no guess; 17: a participle's own place before its verb's ("launched an
    # offensive in Homs, targeting the village of Huwaysis"); 18: a place measured from is
    # finer than a country or an unknown town ("20 km north of Bannu in northwest Pakistan");
    # 19: not a place of whom the event is according to ("according to reporters in Nablus");
    # 20: a town whose own police act is the setting when no place is named ("Karachi police
    # arrested five militants"); 21: not a hospital where a victim was treated or died, nor
    # a news agency that reports ("the AFP reported"); "at the entrance to Jerusalem"; "70
    # nautical miles west of Hodeidah" measures though labelled a time; a finer place in the
    # event's own clause beats a setting put first ("In Dagestan, police killed two gunmen in
    # the town of Buinaksk"); an event whose own town the gazetteer does not know is in the
    # dateline's country, precision 3, not at its city; "hit a minibus in X, killing six and
    # wounding nine": the wounding is in X too; 22: a verb coordinated with another shares
    # the place of its subject ("Soldiers in X killed 6 and wounded many"); 23: a dateline's
    # place is the city of its own name before one it was an old name of ("ISLAMABAD")
    version: str = "23"
    requires: tuple[str, ...] = ("coded", "places", "resolved_places")
    provides: tuple[str, ...] = ("locations",)

    def __call__(self, document: Document) -> Document:
        from dragoman.code.where import (dateline_place, dominant_place, event_place,
                                         unknown_own_place)

        dateline = dateline_place(document.article.text, self.gazetteer)
        for n, (i, coded) in enumerate(document.coded):
            actor_tokens = _actor_tokens(coded, document.sentences[i].start)
            location = event_place(coded.place_anchor, coded.trigger, i, document.places,
                                   document.resolved_places, actor_tokens)
            unknown = unknown_own_place(coded.place_anchor, coded.trigger, i, document.places,
                                        document.resolved_places, actor_tokens) \
                if location is None else None
            if unknown is not None:
                location = self._country_of_unknown(unknown, i, document, dateline)
            if location is not None:
                document.locations[n] = location
        fallback = dateline or dominant_place(document.locations.values())
        if fallback is not None:
            for n in range(len(document.coded)):
                document.locations.setdefault(n, fallback)
        return document

    def _country_of_unknown(self, unknown: PlaceMention, sentence: int, document: Document,
                            dateline: Location | None) -> Location | None:
        """'BAMAKO - drones struck the town of Tinzaouaten': the country of a town or village
        the gazetteer does not know, precision 3, with its name as the evidence: the country
        its words name ('the Yemeni village of X'), else the dateline's when its sentence
        names no place in another country. None, for the dateline or the article's main place
        to stand in, when it is a part of a city or a site ('the Kibera slum', 'the Serena
        Hotel'), or when nothing names its country ('Israeli jets struck X, and Hezbollah fired
        at Kiryat Shmona' says nothing of where X is)."""
        from dragoman.code.where import FACILITY_NOUNS  # buildings among them

        m = unknown.mention
        if m.feature_hint in CITY_PARTS or m.text.split()[-1].lower() in FACILITY_NOUNS:
            return None
        named = {place.country_code for (s, _), (place, _) in
                 document.resolved_places.items() if s == sentence and place.country_code}
        code = m.country_hint or (dateline.country_code if dateline is not None and
                                  named <= {dateline.country_code} else None)
        country = self.gazetteer.country(code) if code else None
        if country is None:
            return None
        return country.to_location(text=m.text, start=m.start, end=m.end, precision=3,
                                   resolution="unknown-place")


def _actor_tokens(coded: Coded, offset: int) -> set[int]:
    """Token indices (in the sentence doc) of the event's actors: metonymy, not places."""
    doc = coded.trigger.doc
    spans = [(e.start - offset, e.end - offset) for e in (*coded.actors, *coded.recipients)
             if e.start is not None and e.end is not None and e.resolution != "place"]
    return {t.i for t in doc for start, end in spans if start <= t.idx < end}


def gazetteer_country(path: str | None = None):
    """A function naming the country of a place name (most populous match), or None when
    the gazetteer cannot be opened. A water body no one country holds (the Gulf of Aden)
    has none; "Red Sea" is Sudan's, whose Red Sea State is the most populous match."""
    best = _significant_place(path)
    return lambda name: (place.country_code or None) if (place := best(name)) else None


def gazetteer_knows(path: str | None = None):
    """A function saying whether a name is a real place to the gazetteer: a town of 1,000
    people or more, a region, a country, a water body, or any place without a GeoNames id,
    which the gazetteer has only from our own lists (the curated supplement's crossings,
    camps, air bases and regions such as Eastern Ghouta; first-level regions), by the most
    populous match."""
    best = _significant_place(path)
    return lambda name: best(name) is not None


def _significant_place(path: str | None):
    from functools import lru_cache
    from pathlib import Path

    from dragoman.resolve.gazetteer import WATER_CODES, Gazetteer

    gazetteer = Gazetteer.open(Path(path) if path else None)

    @lru_cache(maxsize=20_000)
    def best(name: str):
        places = gazetteer.lookup(name, limit=10)
        if not places:
            return None
        place = max(places, key=lambda p: p.population)
        significant = place.population >= 1000 or place.geonameid is None or \
            place.feature_code.startswith(("ADM", "PCL")) or place.feature_code in WATER_CODES
        return place if significant else None

    return best


def country_adjectives(knowledge: Knowledge) -> dict[str, str]:
    """'kazakh' -> 'KAZ': adjectives and demonyms of the country records."""
    table: dict[str, str] = {}
    for record in (*knowledge.actor_records, *knowledge.user_actor_records):
        if record.get("kind") == "country":
            for word in record.get("adjectives", ()):
                table.setdefault(word.lower(), record["roles"][0]["code"])
    return table


@dataclass
class DateStage:
    """Each event's date: its own time expression, else the publication date."""

    name: str = "dates"
    # 2: a date inside a clause of the event dates that clause, not it; 3: what was tried is
    # dated back, what is planned ahead (events 4); 4: a participle of the same act dates the
    # event ("attacked a post, killing 11 soldiers on Thursday, the army said on Saturday"); 5:
    # so does what its patients were doing ("fired at supporters protesting on Wednesday"); 6:
    # not the date of the report ("police said on Wednesday they had arrested him on Dec. 28");
    # 7: but a date after "that" is the clause's; 8: stretches ("the past three days"), feasts,
    # seasons, "on the 23rd", "Tuesday last week", and what people were doing after what
    # they had done ("had crossed ... and were heading for Austria on Friday"); a date of the
    # past verb that threatens or plans an event is read in the past ("threatened on Tuesday
    # to send troops")
    version: str = "8"
    requires: tuple[str, ...] = ("coded",)
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, document: Document) -> Document:
        published = document.article.published
        for n, (i, coded) in enumerate(document.coded):
            sentence = document.sentences[i]
            anchor = coded.place_anchor or coded.trigger
            tense = tense_of(anchor if anchor.pos_ in ("VERB", "AUX") else None, coded.modality)
            document.dates[n] = event_date(anchor, coded.trigger, sentence.text, sentence.start,
                                           published, tense)
        return document


@dataclass
class RecordStage:
    """PLOVER records: typologies, evidence, ids; drops what PLOVER cannot code."""

    knowledge: Knowledge
    info: dict
    name: str = "records"
    version: str = "1"
    requires: tuple[str, ...] = ("coded", "dates", "locations")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, document: Document) -> Document:
        dropped: Counter[str] = Counter()
        for n, (i, coded) in enumerate(document.coded):
            reason = _unfit(coded, self.knowledge)
            if reason:
                dropped[reason] += 1
                continue
            document.events.append(self._record(document, n, i, coded))
        document.stats.update({f"dropped_{k}": v for k, v in dropped.items()})
        return document

    def _record(self, document: Document, n: int, i: int, coded: Coded) -> Event:
        article = document.article
        sentence = document.sentences[i]
        typology = classify(self.knowledge, coded.event, coded.mode, coded.cameo,
                            coded.context, coded.actors, coded.recipients)
        first, last = coded.trigger_tokens[0], coded.trigger_tokens[-1]
        evidence = Evidence(
            trigger=coded.trigger.doc[first.i : last.i + 1].text,
            start=sentence.start + first.idx, end=sentence.start + last.idx + len(last.text),
            rule=coded.rule)
        return Event(
            article_id=article.id, event=[coded.event], actor=coded.actors,
            recipient=coded.recipients, date=document.dates.get(n), text=sentence.text,
            sequence=sentence.sequence, sentence_start=sentence.start,
            sentence_end=sentence.end, evidence=evidence,
            mode=[coded.mode] if coded.mode else [], context=list(typology.context),
            cameo=coded.cameo, quad_code=typology.quad_code, event_scale=typology.event_scale,
            goldstein=typology.goldstein, acled=typology.acled,
            event_loc=document.locations.get(n), modality=coded.modality.modality,
            modality_cue=coded.modality.cue, attribution=coded.attribution,
            dead=coded.dead, injured=coded.injured, arrested=coded.arrested,
            confidence=_confidence(coded), reciprocal=coded.reciprocal and len(coded.actors) > 1,
            reverse_cameo=coded.reverse_cameo,
            cite_info={"url": article.url, "title": article.title, "source": article.source,
                       "pub_date": article.published.isoformat() if article.published else None},
            coder=self.info,
        )


def _unfit(coded: Coded, knowledge: Knowledge) -> str | None:
    """Why PLOVER cannot code this event (no actor; no recipient where one is required)."""
    if not coded.actors:
        return "no_actor"
    event_type = knowledge.event_types.get(coded.event)
    mutual = coded.reciprocal and len(coded.actors) > 1  # 'X and Y held joint drills': each other
    if event_type and event_type.requires_recipient and not coded.recipients and not mutual:
        return "no_recipient"
    if coded.recipients and all(r.key() == a.key() and r.entity_text == a.entity_text
                                for r in coded.recipients for a in coded.actors):
        return "self_directed"
    return None


def _confidence(coded: Coded) -> float:
    score = coded.confidence
    coded_actors = [a for a in coded.actors if a.code]
    score += 0.15 if coded_actors else -0.1
    score += 0.05 if any(a.resolution == "kb" for a in coded.actors) else 0.0
    score -= 0.1 if any(a.resolution in ("coref", "agent+context") for a in coded.actors) else 0
    score += 0.05 if coded.recipients else 0.0
    return max(0.05, min(0.95, score))


def build_stages(knowledge: Knowledge, config: Config,
                 parser: Callable[[Sequence[str]], list[Doc]] | None) -> list[Stage]:
    """The default pipeline for `knowledge` and `config`."""
    from dragoman.extract.nlp import model_version, parse

    from dragoman.code.verbpatterns import VerbPatterns

    resolver = ActorResolver.from_knowledge(
        knowledge, gazetteer_country(config.gazetteer_path) if config.geolocate else None)
    patterns = (VerbPatterns.from_records(knowledge.verb_pattern_records)
                if config.use_verb_patterns and knowledge.verb_pattern_records else None)
    user_patterns = (VerbPatterns.from_records(knowledge.user_verb_pattern_records)
                     if knowledge.user_verb_pattern_records else None)
    coder = EventCoder(knowledge, resolver, patterns, user_patterns)
    # Curated triggers and the user's own patterns decide which sentences are parsed; packaged
    # CAMEO patterns apply in those sentences (their 1,811 verbs would let almost every
    # sentence through, and they code only with a content word besides the verb).
    table = prefilter_table(knowledge, *(p.surface_forms() for p in (user_patterns,) if p))
    stages: list[Stage] = [
        SentenceStage(),
        CandidateStage(table, enabled=config.prefilter),
        ParseStage(parser or parse),
        ActorScanStage(resolver),
    ]
    toponyms = ToponymStage.open(config.gazetteer_path, knowledge) if config.geolocate else None
    if toponyms is not None:
        stages.append(toponyms)
    stages.append(EventStage(coder))
    if toponyms is not None:
        stages.append(PlaceStage(toponyms.gazetteer))
    stages.append(DateStage())
    versions = {s.name: s.version for s in stages} | {"records": "1"}
    versions["model"] = model_version() if parser is None else "custom"
    stages.append(RecordStage(knowledge, coder_info(versions, knowledge.version)))
    return stages
