"""Actor resolution on hand-built parses with a small hand-written knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.resolve.actors import ActorIndex, ActorResolver, ArticleActors

from .handmade import parse_of

ACTORS = [
    {"id": "country:kaz", "kind": "country", "names": ["Kazakhstan"], "adjectives": ["Kazakh"],
     "metonyms": ["Astana"], "roles": [{"code": "KAZ", "sector": ""}], "source": "test"},
    {"id": "country:rus", "kind": "country", "names": ["Russia"], "adjectives": ["Russian"],
     "metonyms": ["Moscow", "the Kremlin"], "roles": [{"code": "RUS", "sector": ""}],
     "source": "test"},
    {"id": "country:syr", "kind": "country", "names": ["Syria"], "adjectives": ["Syrian"],
     "roles": [{"code": "SYR", "sector": ""}], "source": "test"},
    {"id": "country:usa", "kind": "country", "names": ["United States", "US"],
     "roles": [{"code": "USA", "sector": ""}], "source": "test"},
    {"id": "person:nazarbayev", "kind": "person",
     "names": ["Nursultan Nazarbayev", "Nazarbayev"], "wikidata": "Q57457",
     "roles": [{"code": "KAZ", "sector": "GOV", "valid_from": "1991-12-16",
                "valid_to": "2019-03-20"},
               {"code": "KAZ", "sector": "ELI", "valid_from": "2019-03-21"}],
     "source": "test"},
    {"id": "group:ahrar", "kind": "group", "names": ["Ahrar al-Sham"],
     "roles": [{"code": "SYR", "sector": "REB"}], "source": "test"},
]
AGENTS = [
    {"id": "agent:gov", "names": ["government", "regime"], "sector": "GOV", "source": "test"},
    {"id": "agent:president", "names": ["president"], "sector": "GOV", "source": "test"},
    {"id": "agent:opp", "names": ["opposition", "opposition delegation"], "sector": "OPP",
     "source": "test"},
    {"id": "agent:troops", "names": ["troops"], "sector": "MIL", "source": "test"},
    {"id": "agent:spokesman", "names": ["spokesman"], "sector": "", "source": "test"},
]


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(ActorIndex(ACTORS, AGENTS))


def resolve(resolver, doc, head, when=date(2017, 1, 23), countries=("SYR",)):
    state = ArticleActors(when=when)
    for code in countries:
        state.countries[code] += 1
    mentions = resolver.index.scan(doc)
    return resolver.resolve(doc[head], mentions, state), state


def test_adjective_agent_and_person_compose(resolver):
    doc = parse_of("""
        Kazakh      PROPN NNP compound 3
        President   PROPN NNP compound 3
        Nursultan   PROPN NNP compound 3
        Nazarbayev  PROPN NNP ROOT     3
    """)
    entity, _ = resolve(resolver, doc, 3)
    assert (entity.code, entity.sector, entity.identifier_id) == ("KAZ", "GOV", "Q57457")
    assert entity.entity_text == "Kazakh President Nursultan Nazarbayev"
    assert entity.resolution == "kb"


def test_dates_of_office_decide_the_role(resolver):
    doc = parse_of("Nazarbayev PROPN NNP ROOT 0")
    before, _ = resolve(resolver, doc, 0, when=date(2017, 1, 23))
    after, _ = resolve(resolver, doc, 0, when=date(2022, 1, 1))
    assert before.sector == "GOV" and after.sector == "ELI"


def test_metonymy_capital_is_the_government(resolver):
    doc = parse_of("Moscow PROPN NNP ROOT 0")
    entity, _ = resolve(resolver, doc, 0)
    assert (entity.code, entity.sector, entity.resolution) == ("RUS", "GOV", "metonym")


def test_case_sensitive_acronym_does_not_match_a_pronoun(resolver):
    upper, _ = resolve(resolver, parse_of("US PROPN NNP ROOT 0"), 0)
    assert upper.code == "USA"
    lower, _ = resolve(resolver, parse_of("us PRON PRP ROOT 0"), 0)
    assert lower is None


def test_agent_takes_the_country_of_its_adjective_or_the_article(resolver):
    doc = parse_of("""
        the      DET  DT  det      2
        Syrian   ADJ  JJ  amod     2
        regime   NOUN NN  ROOT     2
    """)
    entity, _ = resolve(resolver, doc, 2, countries=("RUS",))
    assert (entity.code, entity.sector, entity.resolution) == ("SYR", "GOV", "agent+country")
    bare = parse_of("""
        the         DET  DT  det   1
        opposition  NOUN NN  ROOT  1
    """)
    entity, _ = resolve(resolver, bare, 1, countries=("SYR",))
    assert (entity.code, entity.sector, entity.resolution) == ("SYR", "OPP", "agent+context")


def test_spokesman_for_the_opposition_speaks_for_it(resolver):
    doc = parse_of("""
        Yahya       PROPN NNP  compound 2
        al          PROPN NNP  compound 2
        Aridi       PROPN NNP  ROOT     2
        ,           PUNCT ,    punct    2
        a           DET   DT   det      5
        spokesman   NOUN  NN   appos    2
        for         ADP   IN   prep     5
        the         DET   DT   det      9
        opposition  NOUN  NN   compound 9
        delegation  NOUN  NN   pobj     6
    """)
    entity, _ = resolve(resolver, doc, 2)
    assert entity.entity_text == "Yahya al Aridi"
    assert (entity.code, entity.sector) == ("SYR", "OPP")


def test_apposition_names_the_actor_in_its_own_words(resolver):
    doc = parse_of("""
        Another     DET   DT   det      1
        powerbroker NOUN  NN   ROOT     1
        ,           PUNCT ,    punct    1
        Ahrar       PROPN NNP  compound 6
        al          PROPN NNP  compound 6
        -           PUNCT HYPH punct    6
        Sham        PROPN NNP  appos    1
    """)
    entity, _ = resolve(resolver, doc, 1)
    assert entity.entity_text == "Ahrar al-Sham"
    assert (entity.code, entity.sector) == ("SYR", "REB")


def test_unknown_name_is_kept_with_a_best_guess(resolver):
    doc = parse_of("""
        Jabhat  PROPN NNP compound 1
        Foo     PROPN NNP ROOT     1  foo  ORG
    """)
    entity, _ = resolve(resolver, doc, 1, countries=("SYR",))
    assert entity.entity_text == "Jabhat Foo"
    assert (entity.code, entity.resolution) == ("SYR", "unknown")


def test_places_dates_and_numbers_are_not_unknown_actors(resolver):
    doc = parse_of("Monday PROPN NNP ROOT 0 monday DATE")
    entity, _ = resolve(resolver, doc, 0)
    assert entity is None


def test_pronoun_takes_the_last_person(resolver):
    state = ArticleActors(when=date(2017, 1, 23))
    first = parse_of("Nazarbayev PROPN NNP ROOT 0")
    resolver.resolve(first[0], resolver.index.scan(first), state)
    he = parse_of("he PRON PRP ROOT 0")
    entity = resolver.resolve(he[0], resolver.index.scan(he), state)
    assert (entity.entity_text, entity.code, entity.sector, entity.resolution) == (
        "he", "KAZ", "GOV", "coref")


def test_names_match_whole_tokens_only(resolver):
    doc = parse_of("Russianness NOUN NN ROOT 0")
    assert resolver.index.scan(doc) == []


def test_scan_maps_name_pieces_back_to_their_tokens(resolver):
    # "--" has no name pieces and "al-Sham" has two (as many pieces as tokens, in all): the
    # token indices must still be right
    words = ["--", "Ahrar", "al-Sham", "the", "Kremlin", "and", "the", "US"]
    doc = parse_of("\n".join(f"{w} X X dep 0" for w in words))
    spans = [(m.start, m.end, m.lexes[0].entry.id) for m in resolver.index.scan(doc)]
    assert spans == [(1, 3, "group:ahrar"), (3, 5, "country:rus"), (7, 8, "country:usa")]


def test_scan_of_a_span_gives_doc_indices(resolver):
    doc = parse_of("\n".join(f"{w} X X dep 0" for w in ["He", "met", "Nazarbayev", "."]))
    mentions = resolver.index.scan(doc[1:])
    assert [(m.start, m.end) for m in mentions] == [(2, 3)]


def test_scan_reads_a_doc_a_span_and_a_token_list_alike(resolver):
    # a Doc and a Span are read through their string hashes, a plain list through its texts;
    # the scan must find the same names at the same doc positions, in any order of first use
    words = ["Talks", "in", "Russia", "with", "us", "and", "the", "US", "Syrian", "troops"]
    doc = parse_of("\n".join(f"{w} X X dep 0" for w in words))
    spans = [[(m.start, m.end, m.lexes[0].entry.id) for m in resolver.index.scan(tokens)]
             for tokens in (list(doc[2:]), doc[2:], doc)]
    assert spans[0] == spans[1] == spans[2] == [
        (2, 3, "country:rus"), (7, 8, "country:usa"), (8, 9, "country:syr"),
        (9, 10, "agent:troops")]


def test_a_place_noun_is_not_an_actor_but_its_holder_is(resolver):
    doc = parse_of("""
        a       DET  DT det      2
        troops  NOUN NNS compound 2
        post    NOUN NN  ROOT     2
    """)
    entity, _ = resolve(resolver, doc, 2)
    assert entity.sector == "MIL" and entity.entity_text == "troops"
    town = parse_of("""
        the   DET  DT det  1
        town  NOUN NN ROOT 1
    """)
    assert resolve(resolver, town, 1)[0] is None


def test_the_users_entry_for_a_name_wins():
    override = dict(ACTORS[5], id="user:ahrar", roles=[{"code": "IMG", "sector": "REB"}])
    resolver = ActorResolver(ActorIndex(ACTORS, AGENTS, user_actors=[override]))
    entity, _ = resolve(resolver, parse_of("""
        Ahrar  PROPN NNP compound 3
        al     PROPN NNP compound 3
        -      PUNCT HYPH punct   3
        Sham   PROPN NNP ROOT     3
    """), 3)
    assert entity.code == "IMG"


def test_a_capital_named_as_the_venue_counts_less_than_one_acting():
    venue = parse_of('''
        Talks   NOUN  NNS nsubj 1  talk
        opened  VERB  VBD ROOT  1  open
        in      ADP   IN  prep  1
        Astana  PROPN NNP pobj  2
        .       PUNCT .   punct 1
    ''')
    acting = parse_of('''
        Astana  PROPN NNP nsubj 1
        hosted  VERB  VBD ROOT  1  host
        talks   NOUN  NNS dobj  1  talk
        .       PUNCT .   punct 1
    ''')
    resolver = ActorResolver(ActorIndex(ACTORS, AGENTS))
    counted = []
    for doc in (venue, acting):
        state = ArticleActors(when=date(2017, 1, 23))
        resolver.note_context(resolver.index.scan(doc), state, 1.0, doc)
        counted.append(state.countries["KAZ"])
    assert 0 < counted[0] < counted[1]


def test_a_country_named_as_the_venue_in_an_unparsed_title_counts_less():
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    resolver = ActorResolver(ActorIndex(ACTORS, AGENTS))
    counted = []
    for title in ("Talks open in Kazakhstan", "Kazakhstan hosts talks"):
        state = ArticleActors(when=date(2017, 1, 23))
        tokens = tokenizer(title)
        resolver.note_context(resolver.index.scan(tokens), state, 2.0, tokens)
        counted.append(state.countries["KAZ"])
    assert counted == [1.0, 2.0]


def test_a_thing_placed_in_a_country_is_coded_there_without_a_sector(resolver):
    island = parse_of("""
        a       DET  DT det  2
        Syrian  ADJ  JJ amod 2
        island  NOUN NN ROOT 2
    """)
    targets = parse_of("""
        targets NOUN  NNS ROOT 0  target
        in      ADP   IN  prep 0
        Syria   PROPN NNP pobj 1
    """)
    for doc, head in ((island, 2), (targets, 0)):
        entity, _ = resolve(resolver, doc, head)
        assert (entity.code, entity.sector, entity.resolution) == ("SYR", None, "located")


def test_a_located_thing_never_counts_as_a_named_target():
    from dragoman.code.events import _strong
    from dragoman.model import Entity

    assert not _strong(Entity(entity_text="targets", code="SYR", resolution="located"))
    assert _strong(Entity(entity_text="Syria", code="SYR", resolution="country"))


def test_a_person_s_name_that_is_a_capital_is_the_place_after_in(coder):
    from dragoman.model import Article

    def code(text: str):
        return coder.code(Article(id=text[:12], text=text, published="2019-05-01"))

    (talks,) = code("Iran and the United States held a second round of indirect talks in "
                    "Muscat, Oman, on Saturday.")
    assert "MLT" not in {e.code for e in (*talks.actor, *talks.recipient)}
    assert (talks.event_loc.name, talks.event_loc.country_code) == ("Muscat", "OMN")
    # As a subject the name is still the person's (Joseph Muscat, then Malta's prime minister).
    (met,) = code("Muscat met the Italian prime minister in Rome on Monday.")
    assert "MLT" in [e.code for e in met.actor]


def test_a_person_in_two_dictionaries_that_agree_counts_for_their_country():
    actors = ACTORS + [
        {"id": "person:putin-a", "kind": "person", "names": ["Putin"],
         "roles": [{"code": "RUS", "sector": "GOV"}], "source": "one"},
        {"id": "person:putin-b", "kind": "person", "names": ["Putin"],
         "roles": [{"code": "RUS", "sector": "ELI"}], "source": "other"},
        {"id": "person:smith-a", "kind": "person", "names": ["Smith"],
         "roles": [{"code": "USA", "sector": "GOV"}], "source": "one"},
        {"id": "person:smith-b", "kind": "person", "names": ["Smith"],
         "roles": [{"code": "GBR", "sector": "GOV"}], "source": "other"},
    ]
    resolver = ActorResolver(ActorIndex(actors, AGENTS))
    doc = parse_of("""
        Putin  PROPN NNP nsubj 2
        and    CCONJ CC  cc    0
        Smith  PROPN NNP conj  0
        met    VERB  VBD ROOT  2  meet
    """)
    state = ArticleActors(when=date(2021, 6, 16))
    resolver.note_context(resolver.index.scan(doc), state, 1.0, doc)
    assert dict(state.countries) == {"RUS": 0.5}  # two Smiths disagree: no country
