"""Place mentions and the event's place, on hand-built parses (code/where.py)."""

from __future__ import annotations

import pytest

from dragoman.code.where import (CITY, COUNTRY, REGION, TOWN, choose_mention,
                                 place_mentions, setting_mention, with_conjuncts)

from .handmade import parse_of


def names(doc) -> list[str]:
    return [m.mention.text for m in place_mentions(doc, 0, 0, {})]


def chosen(doc, verb: int, scales: dict[str, int] | None = None) -> list[str]:
    """The places chosen for the event at `verb`; with `scales`, a gazetteer that knows only
    those names, each as broad as given."""
    mentions = place_mentions(doc, 0, 0, {}, *((known(*scales), scales.get) if scales else ()))
    found = choose_mention(doc[verb], doc[verb], mentions)
    return [m.mention.text for m in with_conjuncts(found[0], mentions, doc)] if found else []


def test_a_name_coordinated_with_a_place_is_a_place_whatever_its_label():
    doc = parse_of("""
        Jets     NOUN  NNS nsubj    1
        struck   VERB  VBD ROOT     1  strike
        the      DET   DT  det      3
        towns    NOUN  NNS dobj     1  town
        of       ADP   IN  prep     3
        Deir     PROPN NNP compound 6
        Hafer    PROPN NNP pobj     4
        and      CCONJ CC  cc       6
        Al-Bab   PROPN NNP conj     6  -  PERSON
    """)
    assert names(doc) == ["Deir Hafer", "Al-Bab"]
    assert chosen(doc, 1) == ["Deir Hafer", "Al-Bab"]


def test_a_name_before_a_place_word_is_a_place():
    doc = parse_of("""
        A        DET   DT  det      1
        bomb     NOUN  NN  nsubj    2
        killed   VERB  VBD ROOT     2  kill
        six      NUM   CD  dobj     2  -  CARDINAL
        in       ADP   IN  prep     2
        the      DET   DT  det      8
        western  ADJ   JJ  amod     8
        Amriya   PROPN NNP compound 8  -  PERSON
        district NOUN  NN  pobj     4
    """)
    assert names(doc) == ["Amriya"]
    assert chosen(doc, 2) == ["Amriya"]


def test_what_is_stormed_is_ground_but_a_people_captured_is_not():
    stormed = parse_of("""
        Troops   NOUN  NNS nsubj    1
        stormed  VERB  VBD ROOT     1  storm
        Surjah   PROPN NNP compound 3
        Kabira   PROPN NNP dobj     1
    """)
    assert names(stormed) == ["Surjah Kabira"]
    captured = parse_of("""
        Gunmen   NOUN  NNS nsubj    1
        captured VERB  VBD ROOT     1  capture
        two      NUM   CD  nummod   3  -  CARDINAL
        Germans  PROPN NNPS dobj    1  -  NORP
    """)
    assert names(captured) == []


def test_sailors_of_a_country_are_not_where_they_were_killed():
    doc = parse_of("""
        Three    NUM   CD  nummod   2  -  CARDINAL
        US       PROPN NNP compound 2  -  GPE
        sailors  NOUN  NNS nsubjpass 4 sailor
        were     AUX   VBD auxpass  4  be
        killed   VERB  VBN ROOT     4  kill
        in       ADP   IN  prep     4
        Basra    PROPN NNP pobj     5  -  GPE
    """)
    assert names(doc) == ["Basra"]
    assert chosen(doc, 4) == ["Basra"]


def test_a_destination_is_no_guess_for_where_an_event_happened():
    doc = parse_of("""
        He       PRON  PRP nsubj    1
        was      AUX   VBD auxpass  2  be
        captured VERB  VBN ROOT     2  capture
        and      CCONJ CC  cc       2
        flown    VERB  VBN conj     2  fly
        to       ADP   IN  prep     4
        Ankara   PROPN NNP pobj     5  -  GPE
    """)
    assert names(doc) == ["Ankara"]
    assert chosen(doc, 2) == []


def test_the_nearest_place_in_the_clause_is_the_fallback():
    doc = parse_of("""
        Gunmen   NOUN  NNS nsubj    1
        killed   VERB  VBD ROOT     1  kill
        six      NUM   CD  dobj     1  -  CARDINAL
        during   ADP   IN  prep     1
        a        DET   DT  det      5
        raid     NOUN  NN  pobj     3
        on       ADP   IN  prep     5
        a        DET   DT  det      9
        Kabul    PROPN NNP compound 9  -  GPE
        market   NOUN  NN  pobj     6
    """)
    assert chosen(doc, 1) == ["Kabul"]


def test_a_place_far_from_the_event_is_no_guess():
    filler = "\n".join(f"word{i} NOUN NN dep 1" for i in range(30))
    doc = parse_of(f"""
        Gunmen   NOUN  NNS nsubj    1
        killed   VERB  VBD ROOT     1  kill
        {filler}
        Kabul    PROPN NNP appos    1  -  GPE
    """)
    assert names(doc) == ["Kabul"]
    assert chosen(doc, 1) == []


def test_a_group_that_is_bombed_is_no_place_unless_the_gazetteer_knows_it():
    doc = parse_of("""
        Jets      NOUN  NNS nsubj    1
        bombed    VERB  VBD ROOT     1  bomb
        Hamas     PROPN NNP dobj     1  -  ORG
    """)
    assert names(doc) == []
    assert [m.mention.text for m in place_mentions(doc, 0, 0, {}, {"Hamas"}.__contains__)] \
        == ["Hamas"]


def test_a_demonym_is_no_place():
    doc = parse_of("""
        Talks     NOUN  NNS nsubj    1  talk
        began     VERB  VBD ROOT     1  begin
        in        ADP   IN  prep     1
        the       DET   DT  det      5
        Kazakh    PROPN NNP compound 5  -  ORG
        capital   NOUN  NN  pobj     2
        of        ADP   IN  prep     5
        Astana    PROPN NNP pobj     6  -  GPE
    """)
    mentions = place_mentions(doc, 0, 0, {"kazakh": "KAZ"}, {"Kazakh", "Astana"}.__contains__)
    assert [m.mention.text for m in mentions] == ["Astana"]
    assert mentions[0].mention.country_hint == "KAZ"


def test_a_name_marched_through_is_a_place_whatever_its_label():
    doc = parse_of("""
        Protesters NOUN  NNS nsubj    1
        marched    VERB  VBD ROOT     1  march
        through    ADP   IN  prep     1
        central    ADJ   JJ  amod     4
        Kiev       PROPN NNP pobj     2  -  PERSON
    """)
    assert chosen(doc, 1) == ["Kiev"]


def test_a_name_before_countryside_is_a_place():
    doc = parse_of("""
        Rebels      NOUN  NNS nsubj    1
        attacked    VERB  VBD ROOT     1  attack
        in          ADP   IN  prep     1
        the         DET   DT  det      6
        northern    ADJ   JJ  amod     6
        Hama        PROPN NNP compound 6  -  ORG
        countryside NOUN  NN  pobj     2
    """)
    assert chosen(doc, 1) == ["Hama"]


def test_what_is_captured_from_a_country_did_not_happen_there():
    def captured(verb: str, lemma: str):
        return parse_of(f"""
            Israel   PROPN NNP nsubj    1  -  GPE
            {verb}   VERB  VBD ROOT     1  {lemma}
            the      DET   DT  det      4
            two      NUM   CD  nummod   4
            islands  NOUN  NNS dobj     1  island
            from     ADP   IN  prep     1
            Jordan   PROPN NNP pobj     5  -  GPE
        """)
    assert chosen(captured("captured", "capture"), 1) == []  # Jordan lost them
    assert chosen(captured("evacuated", "evacuate"), 1) == ["Jordan"]  # taken out of Jordan


def test_a_capitalised_place_word_after_a_name_belongs_to_it():
    doc = parse_of("""
        Fighting NOUN  NN  nsubj    1
        raged    VERB  VBD ROOT     1  rage
        in       ADP   IN  prep     1
        the      DET   DT  det      5
        Hasakah  PROPN NNP compound 5  -  GPE
        Governorate PROPN NNP pobj  2
    """)
    assert names(doc) == ["Hasakah Governorate"]
    lower = parse_of("""
        Fighting NOUN  NN  nsubj    1
        raged    VERB  VBD ROOT     1  rage
        in       ADP   IN  prep     1
        Idlib    PROPN NNP compound 4  -  GPE
        province NOUN  NN  pobj     2
    """)
    assert names(lower) == ["Idlib"]  # a lower-case place word is no part of the name


def test_a_direction_before_a_recognised_name_is_no_part_of_it():
    doc = parse_of("""
        A        DET   DT  det      1
        man      NOUN  NN  nsubjpass 3
        was      AUX   VBD auxpass  3  be
        shot     VERB  VBN ROOT     3  shoot
        in       ADP   IN  prep     3
        west     ADJ   JJ  amod     6  -  GPE
        Dublin   PROPN NNP pobj     4  -  I-GPE
    """)
    assert names(doc) == ["Dublin"]


def test_a_full_stop_the_recogniser_took_in_is_no_part_of_a_name():
    doc = parse_of("""
        Troops   NOUN  NNS nsubj    1
        entered  VERB  VBD ROOT     1  enter
        Hazrama  PROPN NNP dobj     1  -  GPE
        .        PUNCT .   punct    1  -  I-GPE
    """)
    assert names(doc) == ["Hazrama"]


def test_whoever_was_shot_is_a_victim_not_the_place():
    doc = parse_of("""
        Zubaydah PROPN NNP nsubjpass 2  -  GPE
        was      AUX   VBD auxpass  2  be
        shot     VERB  VBN ROOT     2  shoot
        in       ADP   IN  prep     2
        Faisalabad PROPN NNP pobj   3  -  GPE
    """)
    assert chosen(doc, 2) == ["Faisalabad"]
    shelled = parse_of("""
        Aleppo   PROPN NNP nsubjpass 2  -  GPE
        was      AUX   VBD auxpass  2  be
        shelled  VERB  VBN ROOT     2  shell
        from     ADP   IN  prep     2
        Idlib    PROPN NNP pobj     3  -  GPE
    """)
    assert chosen(shelled, 2) == ["Aleppo"]  # what is shelled is ground


def scaled(doc, verb: int, scale_of) -> list[str]:
    mentions = place_mentions(doc, 0, 0, {}, scale_of=scale_of)
    found = choose_mention(doc[verb], doc[verb], mentions)
    return [m.mention.text for m in with_conjuncts(found[0], mentions, doc)] if found else []


def gazetteer_says(**scales):
    """A stand-in for gazetteer_scale: the named places' scales, TOWN for any other name."""
    return lambda name: scales.get(name.replace(" ", "_"), TOWN)


def killed_in_the(first: str, second: str):
    """Hand-built parse of 'Ten people were killed in the FIRST neighborhood of SECOND'."""
    return parse_of(f"""
        Ten          NUM   CD  nummod   1  -  CARDINAL
        people       NOUN  NNS nsubjpass 3  person
        were         AUX   VBD auxpass  3  be
        killed       VERB  VBN ROOT     3  kill
        in           ADP   IN  prep     3
        the          DET   DT  det      7
        {first}      PROPN NNP compound 7  -  GPE
        neighborhood NOUN  NN  pobj     4
        of           ADP   IN  prep     7
        {second}     PROPN NNP pobj     8  -  GPE
    """)


def test_of_two_places_attached_the_gazetteer_says_which_is_smaller():
    # The place word sits between two names and reads both ways ("the Huriyah neighborhood of
    # Baghdad", "the Baghdad neighborhood of Adamiyah"), so the gazetteer decides: Baghdad
    # is a city, the other a name it does not know.
    baghdad = gazetteer_says(Baghdad=CITY)
    assert scaled(killed_in_the("Huriyah", "Baghdad"), 3, baghdad) == ["Huriyah"]
    assert scaled(killed_in_the("Baghdad", "Adamiyah"), 3, baghdad) == ["Adamiyah"]


def test_a_country_before_capital_is_the_capital_s_container():
    doc = parse_of("""
        Thousands NOUN  NNS nsubj    1  thousand
        marched   VERB  VBD ROOT     1  march
        in        ADP   IN  prep     1
        the       DET   DT  det      6
        Belarus   PROPN NNP compound 5  -  GPE
        capital   NOUN  NN  compound 6
        Minsk     PROPN NNP pobj     2  -  GPE
    """)
    # "capital" says what Minsk is, not Belarus: the gazetteer's country is the broader place.
    says = gazetteer_says(Belarus=1, Minsk=CITY)
    assert scaled(doc, 1, says) == ["Minsk"]


def test_the_nearest_place_gives_way_to_the_smaller_place_named_with_it():
    doc = parse_of("""
        After        ADP   IN  prep     10
        prayers      NOUN  NNS pobj     0  prayer
        in           ADP   IN  prep     1
        the          DET   DT  det      5
        Huriyah      PROPN NNP compound 5  -  GPE
        neighborhood NOUN  NN  pobj     2
        of           ADP   IN  prep     5
        Baghdad      PROPN NNP pobj     6  -  GPE
        ,            PUNCT ,   punct    10
        ten          NUM   CD  nsubjpass 10 -  CARDINAL
        died         VERB  VBD ROOT     10 die
    """)
    # "after prayers in ..." is no locative phrase of the verb: the fallback names the nearest
    # place, Baghdad, and the neighbourhood named with it is narrower.
    assert scaled(doc, 10, gazetteer_says(Baghdad=CITY)) == ["Huriyah"]
    assert chosen(doc, 10) == ["Baghdad"]  # with no gazetteer, two names of unknown size


def test_a_possessor_is_the_container_not_the_place():
    doc = parse_of("""
        Police      NOUN  NNS nsubj    1  police
        detonated   VERB  VBD ROOT     1  detonate
        explosives  NOUN  NNS dobj     1  explosive
        in          ADP   IN  prep     1
        Manila      PROPN NNP poss     7  -  GPE
        's          PART  POS case     4
        neighboring ADJ   JJ  amod     7
        province    NOUN  NN  pobj     3
        of          ADP   IN  prep     7
        Pampanga    PROPN NNP pobj     8  -  GPE
    """)
    assert scaled(doc, 1, gazetteer_says(Manila=CITY, Pampanga=REGION)) == ["Pampanga"]


def test_the_possessor_of_a_thing_attached_is_where():
    doc = parse_of("""
        Peacekeepers NOUN  NNS nsubj    1  peacekeeper
        patrolled    VERB  VBD ROOT     1  patrol
        Kabul        PROPN NNP poss     5  -  GPE
        's           PART  POS case     2
        potholed     ADJ   JJ  amod     5
        streets      NOUN  NNS dobj     1  street
    """)
    assert chosen(doc, 1) == ["Kabul"]


def test_a_place_well_before_the_event_is_no_guess():
    def sentence(words: int):
        filler = "\n".join(f"word{i} NOUN NN dep {words + 2}" for i in range(words))
        return parse_of(f"""
            Kabul    PROPN NNP appos    {words + 2}  -  GPE
            said     VERB  VBD dep      {words + 2}  say
            {filler}
            killed   VERB  VBD ROOT     {words + 2}  kill
        """)

    near, far = sentence(8), sentence(14)
    assert chosen(near, len(near) - 1) == ["Kabul"]
    assert chosen(far, len(far) - 1) == []


def test_a_clock_reading_a_bare_place_word_or_a_cut_name_is_no_place():
    clock = parse_of("""
        Troops   NOUN  NNS nsubj    1
        attacked VERB  VBD ROOT     1  attack
        at       ADP   IN  prep     1
        8:45     NUM   CD  nummod   4
        A.M.     PROPN NNP pobj     2
    """)
    assert names(clock) == []
    bare = parse_of("""
        Bombs    NOUN  NNS nsubj    1
        hit      VERB  VBD ROOT     1
        the      DET   DT  det      3
        coast    NOUN  NN  dobj     1  -  LOC
    """)
    assert names(bare) == []
    cut = parse_of("""
        A        DET   DT  det      1
        bomb     NOUN  NN  nsubj    2
        exploded VERB  VBD ROOT     2  explode
        in       ADP   IN  prep     2
        Shiite-  PROPN NNP pobj     3  -  GPE
    """)
    assert names(cut) == []


def test_a_place_that_measures_a_distance_is_not_where():
    doc = parse_of("""
        Troops     NOUN  NNS nsubj    1  troop
        detained   VERB  VBD ROOT     1  detain
        five       NUM   CD  nummod   3  -  CARDINAL
        men        NOUN  NNS dobj     1  man
        ,          PUNCT ,   punct    1
        some       DET   DT  det      7  -  QUANTITY
        600        NUM   CD  nummod   7  -  I-QUANTITY
        km         NOUN  NN  npadvmod 8  -  I-QUANTITY
        west       ADV   RB  advmod   1
        of         ADP   IN  prep     8
        Kathmandu  PROPN NNP pobj     9  -  GPE
    """)
    assert names(doc) == ["Kathmandu"]
    assert chosen(doc, 1) == []
    # not the event's place, but what it is near: the pipeline's setting for it
    assert setting_mention(doc[1], place_mentions(doc, 0, 0, {})).mention.text == "Kathmandu"
    doc = parse_of("""
        Bombs      NOUN  NNS nsubj    1  bomb
        exploded   VERB  VBD ROOT     1  explode
        in         ADP   IN  prep     1
        Nepalgunj  PROPN NNP pobj     2  -  GPE
        ,          PUNCT ,   punct    1
        600        NUM   CD  nummod   6  -  QUANTITY
        km         NOUN  NN  npadvmod 7  -  I-QUANTITY
        west       ADV   RB  advmod   1
        of         ADP   IN  prep     7
        Kathmandu  PROPN NNP pobj     8  -  GPE
    """)
    assert chosen(doc, 1) == ["Nepalgunj"]
    # "40 km from Gao", the distance a sibling of "from" and Gao labelled a person
    doc = parse_of("""
        Jihadists PROPN NNPS nsubj    1
        ambushed  VERB  VBD  ROOT     1  ambush
        a         DET   DT   det      3
        convoy    NOUN  NN   dobj     1
        40        NUM   CD   nummod   5  -  QUANTITY
        km        NOUN  NN   npadvmod 1  -  I-QUANTITY
        from      ADP   IN   prep     1
        Gao       PROPN NNP  pobj     6  -  PERSON
    """)
    assert names(doc) == ["Gao"] and chosen(doc, 1) == []
    assert setting_mention(doc[1], place_mentions(doc, 0, 0, {})).mention.text == "Gao"
    # The place a distance describes is measured, not measuring: the town, not Sarajevo.
    doc = parse_of("""
        Militiamen NOUN  NNS nsubj    1  militiaman
        captured   VERB  VBD ROOT     1  capture
        the        DET   DT  det      3
        town       NOUN  NN  dobj     1
        of         ADP   IN  prep     3
        Kupres     PROPN NNP pobj     4  -  GPE
        ,          PUNCT ,   punct    5
        55         NUM   CD  nummod   8  -  QUANTITY
        miles      NOUN  NNS appos    3  -  I-QUANTITY
        west       ADV   RB  advmod   8
        of         ADP   IN  prep     9
        Sarajevo   PROPN NNP pobj     10 -  GPE
    """)
    assert chosen(doc, 1) == ["Kupres"]


def after_a_march(prep: str):
    """Hand-built parse of 'Five were killed after a march PREP Kasai': the place belongs to
    the march, not to the killing, so it can only be a guess."""
    return parse_of(f"""
        Five     NUM   CD  nsubjpass 2  -  CARDINAL
        were     AUX   VBD auxpass  2  be
        killed   VERB  VBN ROOT     2  kill
        after    ADP   IN  prep     2
        a        DET   DT  det      5
        march    NOUN  NN  pobj     3
        {prep}   ADP   IN  prep     5
        Kasai    PROPN NNP pobj     6  -  GPE
    """)


def test_a_guess_is_only_a_place_in_at_near_or_of_something():
    assert chosen(after_a_march("in"), 2) == ["Kasai"]
    assert chosen(after_a_march("across"), 2) == []


def test_a_country_named_before_the_event_is_its_setting_not_a_guess_for_its_place():
    doc = parse_of("""
        In       ADP   IN  prep     4
        Syria    PROPN NNP pobj     0  -  GPE
        ,        PUNCT ,   punct    4
        monitors NOUN  NNS nsubj    4  monitor
        said     VERB  VBD ROOT     4  say
        five     NUM   CD  nsubjpass 7 -  CARDINAL
        were     AUX   VBD auxpass  7  be
        killed   VERB  VBN ccomp    4  kill
    """)
    assert scaled(doc, 7, gazetteer_says(Syria=1)) == []
    assert scaled(doc, 7, gazetteer_says(Syria=4)) == ["Syria"]
    mentions = place_mentions(doc, 0, 0, {}, scale_of=gazetteer_says(Syria=1))
    assert setting_mention(doc[7], mentions).mention.text == "Syria"


def test_a_name_cut_inside_a_word_is_the_whole_word():
    doc = parse_of("""
        Jihadists PROPN NNPS nsubj   1
        stormed   VERB  VBD ROOT     1  storm
        al        PROPN NNP  compound 4
        -         PUNCT HYPH punct   4
        Jaouneh   PROPN NNP  dobj    1
        and       CCONJ CC   cc      1
        took      VERB  VBD  conj    1  take
        Mazar     PROPN NNP  dobj    6  -  GPE
        -         PUNCT HYPH punct   7
        e         X     FW   compound 10
        -         PUNCT HYPH punct   10
        Sharif    PROPN NNP  appos   7
    """)
    assert doc.text == "Jihadists stormed al-Jaouneh and took Mazar-e-Sharif"
    assert names(doc) == ["al-Jaouneh", "Mazar-e-Sharif"]


def test_a_place_in_what_is_condemned_is_not_where_the_condemnation_was():
    def said(verb: str, lemma: str):
        return parse_of(f"""
            Officials    NOUN  NNS nsubj    1  official
            {verb}       VERB  VBD ROOT     1  {lemma}
            the          DET   DT  det      3
            attack       NOUN  NN  dobj     1
            on           ADP   IN  prep     3
            a            DET   DT  det      6
            depot        NOUN  NN  pobj     4
            in           ADP   IN  prep     6
            Novorossiysk PROPN NNP pobj     7  -  GPE
        """)
    assert chosen(said("condemned", "condemn"), 1) == []  # the attack's place, not theirs
    assert chosen(said("repelled", "repel"), 1) == ["Novorossiysk"]
    # What was said names the places it is about, and they are no guess for where it was said.
    doc = parse_of("""
        Activists NOUN  NNS nsubj    1  activist
        said      VERB  VBD ROOT     1  say
        troops    NOUN  NNS nsubj    3  troop
        shelled   VERB  VBD ccomp    1  shell
        villages  NOUN  NNS dobj     3  village
        in        ADP   IN  prep     4
        Idlib     PROPN NNP pobj     5  -  GPE
    """)
    assert chosen(doc, 1) == [] and chosen(doc, 3) == ["Idlib"]


def test_the_place_of_an_office_says_who_not_where():
    doc = parse_of("""
        Police   NOUN  NNS nsubj    1  police
        arrested VERB  VBD ROOT     1  arrest
        a        DET   DT  det      4
        former   ADJ   JJ  amod     4
        governor NOUN  NN  dobj     1
        of       ADP   IN  prep     4
        Rio      PROPN NNP pobj     5  -  GPE
        in       ADP   IN  prep     1
        Recife   PROPN NNP pobj     7  -  GPE
    """)
    assert chosen(doc, 1) == ["Recife"]


def test_what_talks_are_on_is_no_place():
    doc = parse_of("""
        Diplomats NOUN  NNS nsubj    1  diplomat
        held      VERB  VBD ROOT     1  hold
        talks     NOUN  NNS dobj     1  talk
        on        ADP   IN  prep     2
        Kashmir   PROPN NNP pobj     3  -  GPE
        in        ADP   IN  prep     1
        Geneva    PROPN NNP pobj     5  -  GPE
    """)
    assert names(doc) == ["Geneva"]


def test_where_someone_is_from_is_not_where_they_were_shot():
    doc = parse_of("""
        Pirates  NOUN  NNS nsubj    1  pirate
        shot     VERB  VBD ROOT     1  shoot
        Peter    PROPN NNP compound 3  -  PERSON
        Blake    PROPN NNP dobj     1  -  I-PERSON
        of       ADP   IN  prep     3
        Norway   PROPN NNP pobj     4  -  GPE
        on       ADP   IN  prep     1
        the      DET   DT  det      9
        Amazon   PROPN NNP compound 9  -  LOC
        River    PROPN NNP pobj     6  -  I-LOC
    """)
    assert chosen(doc, 1) == ["Amazon River"]
    doc = parse_of("""
        Mario    PROPN NNP compound  1  -  PERSON
        Rossi    PROPN NNP nsubjpass 7  -  I-PERSON
        ,        PUNCT ,   punct     1
        of       ADP   IN  prep      1
        Milan    PROPN NNP pobj      3  -  GPE
        ,        PUNCT ,   punct     1
        was      AUX   VBD auxpass   7  be
        shot     VERB  VBN ROOT      7  shoot
    """)
    assert chosen(doc, 7) == []  # nor is it a guess


def test_the_place_of_a_verb_coordinated_right_after_the_event_is_the_event_s():
    doc = parse_of("""
        Gunmen   NOUN  NNS nsubj    1  gunman
        shot     VERB  VBD ROOT     1  shoot
        and      CCONJ CC  cc       1
        killed   VERB  VBD conj     1  kill
        two      NUM   CD  nummod   5  -  CARDINAL
        men      NOUN  NNS dobj     3  man
        outside  ADP   IN  prep     3
        Kingston PROPN NNP pobj     6  -  GPE
    """)
    assert chosen(doc, 1) == ["Kingston"]


def test_the_name_of_an_event_is_no_place():
    doc = parse_of("""
        Israel   PROPN NNP nsubj    1  -  GPE
        captured VERB  VBD ROOT     1  capture
        it       PRON  PRP dobj     1
        in       ADP   IN  prep     1
        the      DET   DT  det      7
        1967     NUM   CD  nummod   7  -  DATE
        Mideast  PROPN NNP compound 7  -  EVENT
        War      PROPN NNP pobj     3  -  I-EVENT
        near     ADP   IN  prep     1
        Golan    PROPN NNP pobj     8  -  LOC
    """)
    assert names(doc) == ["Golan"]
    assert chosen(doc, 1) == ["Golan"]


# Names that are no places: (what the case shows, hand-built parse).
NO_PLACES = [
    ("London-based", """
        the      DET   DT  det      3
        London   PROPN NNP npadvmod 3  -  GPE
        -        PUNCT HYPH punct   3
        based    VERB  VBN amod     4  base
        monitor  NOUN  NN  nsubj    5
        said     VERB  VBD ROOT     5  say
    """),
    ("a time zone", """
        It       PRON  PRP nsubj    1
        exploded VERB  VBD ROOT     1  explode
        at       ADP   IN  prep     1
        0910     NUM   CD  nummod   4
        GMT      PROPN NNP pobj     2  -  ORG
    """),
    ("coordinated with an actor", """
        Iran      PROPN NNP nsubj    3  -  GPE
        and       CCONJ CC  cc       0
        Hezbollah PROPN NNP conj     0  -  ORG
        attacked  VERB  VBD ROOT     3  attack
        positions NOUN  NNS dobj     3  position
    """),
    ("a person before a camp", """
        The       DET   DT  det      2
        Biden     PROPN NNP compound 2  -  PERSON
        camp      NOUN  NN  nsubj    3
        appealed  VERB  VBD ROOT     3  appeal
    """),
    ("qualifies an official", """
        Gunmen   NOUN  NNS nsubj    1  gunman
        killed   VERB  VBD ROOT     1  kill
        the      DET   DT  det      4
        Kabul    PROPN NNP compound 4  -  GPE
        governor NOUN  NN  dobj     1
    """),
    ("a brigade's name", """
        Bombers  NOUN  NNS nsubj    1  bomber
        attacked VERB  VBD ROOT     1  attack
        the      DET   DT  det      5
        10th     ADJ   JJ  amod     5
        Artillery PROPN NNP compound 5  -  GPE
        Brigade  PROPN NNP dobj     1  -  I-GPE
    """),
    ("qualifies a movement", """
        the        DET   DT  det      3
        Aceh       PROPN NNP compound 3  -  GPE
        resistance NOUN  NN  compound 3
        movement   NOUN  NN  nsubj    4
        appealed   VERB  VBD ROOT     4  appeal
    """),
    ("a victory over a person", """
        Choi     PROPN NNP nsubj    1  -  PERSON
        captured VERB  VBD ROOT     1  capture
        his      PRON  PRP$ poss    3
        title    NOUN  NN  dobj     1
        with     ADP   IN  prep     1
        a        DET   DT  det      6
        victory  NOUN  NN  pobj     4
        over     ADP   IN  prep     6
        Leo      PROPN NNP compound 9  -  PERSON
        Gomez    PROPN NNP pobj     7  -  I-PERSON
    """),
    ("over, as about", """
        Violence NOUN  NN  nsubj    1  violence
        erupted  VERB  VBD ROOT     1  erupt
        over     ADP   IN  prep     1
        Biden    PROPN NNP pobj     2  -  PERSON
    """),
    ("across what is no place", """
        Protests NOUN  NNS nsubj    1  protest
        spread   VERB  VBD ROOT     1
        across   ADP   IN  prep     1
        Facebook PROPN NNP pobj     2  -  ORG
    """),
    # "Jules Mutebutsi, captured towns in the South Kivu region": a plural the parser hung on a
    # person's name in apposition is no settlement word for it
    ("a plural in apposition", """
        Mutebutsi PROPN NNP ROOT     0  -  PERSON
        ,         PUNCT ,   punct    0
        captured  VERB  VBN amod     3  capture
        towns     NOUN  NNS appos    0  town
    """),
]


@pytest.mark.parametrize("case, table", NO_PLACES, ids=[case for case, _ in NO_PLACES])
def test_a_name_that_says_who_or_when_is_no_place(case, table):
    assert names(parse_of(table)) == []


# A name in a place's position is a place, whatever label the recogniser gave it, and only the
# name: (what the case shows, hand-built parse, the place names, the event verb or None).
PLACE_POSITIONS = [
    ("patrolled", """
        Soldiers  NOUN  NNS nsubj    1  soldier
        patrolled VERB  VBD ROOT     1  patrol
        Kassa     PROPN NNP dobj     1
    """, ["Kassa"], 1),
    ("before area", """
        Jihadists PROPN NNPS nsubj   1
        stormed   VERB  VBD ROOT     1  storm
        the       DET   DT  det      4
        Jaouneh   PROPN NNP compound 4  -  ORG
        area      NOUN  NN  dobj     1
    """, ["Jaouneh"], None),
    ("the capital, Sana", """
        Snipers  NOUN  NNS nsubj    1  sniper
        shot     VERB  VBD ROOT     1  shoot
        him      PRON  PRP dobj     1
        in       ADP   IN  prep     1
        the      DET   DT  det      5
        capital  NOUN  NN  pobj     3
        ,        PUNCT ,   punct    5
        Sana     PROPN NNP appos    5  -  PERSON
    """, ["Sana"], 1),
    ("island of", """
        Eritrea  PROPN NNP nsubj    1  -  GPE
        captured VERB  VBD ROOT     1  capture
        the      DET   DT  det      3
        island   NOUN  NN  dobj     1
        of       ADP   IN  prep     3
        Hanish   PROPN NNP pobj     4  -  PERSON
    """, ["Hanish"], 1),
    ("outskirts of", """
        Rebels    NOUN  NNS nsubj    1  rebel
        shelled   VERB  VBD ROOT     1  shell
        positions NOUN  NNS dobj     1  position
        on        ADP   IN  prep     1
        the       DET   DT  det      6
        western   ADJ   JJ  amod     6
        outskirts NOUN  NNS pobj     3  outskirt
        of        ADP   IN  prep     6
        Rai       PROPN NNP pobj     7  -  PERSON
    """, ["Rai"], 1),
    ("hilltop of", """
        Troops   NOUN  NNS nsubj    1  troop
        captured VERB  VBD ROOT     1  capture
        the      DET   DT  det      3
        hilltop  NOUN  NN  dobj     1
        of       ADP   IN  prep     3
        Tal      PROPN NNP compound 6  -  ORG
        Madafa   PROPN NNP pobj     4  -  I-ORG
    """, ["Tal Madafa"], None),
    ("coordinated before", """
        Protests      NOUN  NNS nsubj    1  protest
        erupted       VERB  VBD ROOT     1  erupt
        in            ADP   IN  prep     1
        the           DET   DT  det      8
        Hamidiyeh     PROPN NNP nmod     8  -  PERSON
        and           CCONJ CC  cc       4
        Bab           PROPN NNP compound 7
        Qubli         PROPN NNP conj     4
        neighborhoods NOUN  NNS pobj     2  neighborhood
    """, ["Hamidiyeh", "Bab Qubli"], 1),
    ("two conjuncts", """
        Rebels        PROPN NNPS nsubj   1
        shelled       VERB  VBD  ROOT    1  shell
        the           DET   DT   det     7
        Hamidiyeh     PROPN NNP  nmod    7  -  PERSON
        and           CCONJ CC   cc      3
        Bab           PROPN NNP  conj    3
        Qubli         PROPN NNP  conj    3
        neighborhoods NOUN  NNS  dobj    1  neighborhood
    """, ["Hamidiyeh", "Bab Qubli"], None),
    ("Syria-Turkey", """
        Troops   NOUN  NNS  nsubj    1  troop
        massed   VERB  VBD  ROOT     1  mass
        near     ADP   IN   prep     1
        the      DET   DT   det      7
        Syria    PROPN NNP  compound 7  -  GPE
        -        PUNCT HYPH punct    6
        Turkey   PROPN NNP  compound 7  -  GPE
        border   NOUN  NN   pobj     2
    """, ["Syria", "Turkey"], None),
    ("Kabul-Jalalabad", """
        Gunmen    NOUN  NNS  nsubj    1  gunman
        ambushed  VERB  VBD  ROOT     1  ambush
        a         DET   DT   det      3
        bus       NOUN  NN   dobj     1
        on        ADP   IN   prep     1
        the       DET   DT   det      9
        Kabul     PROPN NNP  compound 8  -  GPE
        -         PUNCT HYPH punct    8
        Jalalabad PROPN NNP  compound 9
        highway   NOUN  NN   pobj     4
    """, ["Kabul"], None),
    ("the whole run of proper nouns", """
        Rebels   NOUN  NNS  nsubj    1  rebel
        shelled  VERB  VBD  ROOT     1  shell
        the      DET   DT   det      6
        Deir     PROPN NNP  compound 6
        Ezzor    PROPN NNP  compound 6  -  FAC
        Military PROPN NNP  compound 6  -  I-FAC
        Airport  PROPN NNP  dobj     1  -  I-FAC
    """, ["Deir Ezzor Military Airport"], 1),
    ("local government area", """
        Gunmen     NOUN  NNS nsubj    1  gunman
        killed     VERB  VBD ROOT     1  kill
        ten        NUM   CD  nummod   3  -  CARDINAL
        people     NOUN  NNS dobj     1
        in         ADP   IN  prep     1
        Birnin     PROPN NNP nmod     6  -  PERSON
        Gwari      PROPN NNP nmod     9  -  I-PERSON
        local      ADJ   JJ  amod     8
        government NOUN  NN  compound 9
        area       NOUN  NN  pobj     4
    """, ["Birnin Gwari"], 1),
    ("a slum", """
        Police     NOUN  NNS nsubj    1  police
        raided     VERB  VBD ROOT     1  raid
        the        DET   DT  det      4
        Mathare    PROPN NNP compound 4  -  ORG
        slum       NOUN  NN  dobj     1
    """, ["Mathare"], None),
    ("an article the parser coordinated", """
        Drones   NOUN  NNS  nsubj    1  drone
        attacked VERB  VBD  ROOT     1  attack
        fighters NOUN  NNS  dobj     1  fighter
        in       ADP   IN   prep     2
        Tal      PROPN NNP  compound 5  -  GPE
        Abyad    PROPN NNP  pobj     3  -  I-GPE
        and      CCONJ CC   cc       5
        Ras      PROPN NNP  compound 8  -  PERSON
        al       PROPN NNP  conj     5  -  I-PERSON
        -        PUNCT HYPH punct    1  -  I-PERSON
        Ain      PROPN NNP  dobj     1  -  I-PERSON
    """, ["Tal Abyad", "Ras al-Ain"], 1),
    ("a peninsula", """
        Rebels     NOUN  NNS nsubj    1  rebel
        attacked   VERB  VBD ROOT     1  attack
        troops     NOUN  NNS dobj     1  troop
        in         ADP   IN  prep     1
        the        DET   DT  det      7
        northern   ADJ   JJ  amod     7
        Jaffna     PROPN NNP compound 7  -  PRODUCT
        peninsula  NOUN  NN  pobj     3
    """, ["Jaffna"], 1),
    ("a department", """
        Dissidents NOUN  NNS nsubj    1  dissident
        attacked   VERB  VBD ROOT     1  attack
        a          DET   DT  det      3
        station    NOUN  NN  dobj     1
        in         ADP   IN  prep     1
        Guaviare   PROPN NNP compound 6  -  ORG
        department NOUN  NN  pobj     4
    """, ["Guaviare"], 1),
    ("the province is what is patrolled", """
        The        DET   DT  det       2
        Muthanna   PROPN NNP compound  2  -  GPE
        province   NOUN  NN  nsubjpass 4
        is         AUX   VBZ auxpass   4  be
        patrolled  VERB  VBN ROOT      4  patrol
        by         ADP   IN  agent     4
        troops     NOUN  NNS pobj      5  troop
    """, ["Muthanna"], 4),
    ("the possessor of what is patrolled", """
        Boats    NOUN  NNS nsubj    1  boat
        patrol   VERB  VBP ROOT     1
        Sri      PROPN NNP compound 3  -  GPE
        Lanka    PROPN NNP poss     6  -  I-GPE
        's       PART  POS case     3
        west     PROPN NNP compound 6  -  LOC
        coast    PROPN NNP dobj     1  -  I-LOC
    """, ["Sri Lanka"], 1),
    ("a town named with its state", """
        Gunmen   NOUN  NNS nsubj    1  gunman
        attacked VERB  VBD ROOT     1  attack
        people   NOUN  NNS dobj     1
        in       ADP   IN  prep     1
        Owo      PROPN NNP nmod     7  -  GPE
        ,        PUNCT ,   punct    4
        Ondo     PROPN NNP compound 7  -  ORG
        state    NOUN  NN  pobj     3
    """, ["Owo"], 1),
    ("but no title after it", """
        Garissa      PROPN NNP compound 2  -  GPE
        County       PROPN NNP compound 2  -  I-GPE
        Commissioner PROPN NNP compound 4
        Maalim       PROPN NNP compound 4  -  PERSON
        Mohammed     PROPN NNP nsubj    5  -  I-PERSON
        spoke        VERB  VBD ROOT     5  speak
    """, ["Garissa County"], None),
    ("after a settlement word and a comma, parsed as a list", """
        Troops     NOUN  NNS nsubj    1  troop
        patrolled  VERB  VBD ROOT     1  patrol
        the        DET   DT  det      3
        streets    NOUN  NNS dobj     1  street
        of         ADP   IN  prep     3
        the        DET   DT  det      6
        capital    NOUN  NN  pobj     4
        ,          PUNCT ,   punct    6
        Katmandu   PROPN NNP conj     6  -  ORG
    """, ["Katmandu"], 1),
    ("before a corridor", """
        Guards    NOUN  NNS nsubj    1  guard
        detained  VERB  VBD ROOT     1  detain
        a         DET   DT  det      3
        man       NOUN  NN  dobj     1
        on        ADP   IN  prep     1
        the       DET   DT  det      7
        Lachin    PROPN NNP compound 7
        corridor  NOUN  NN  pobj     4
    """, ["Lachin"], 1),
    ("over, of what is done from the air", """
        raids     NOUN  NNS nsubjpass 2  raid
        were      AUX   VBD auxpass   2  be
        conducted VERB  VBN ROOT      2  conduct
        over      ADP   IN  prep      2
        Al-Bab    PROPN NNP pobj      3  -  PERSON
    """, ["Al-Bab"], 2),
    ("a settlement word in apposition after it", """
        Russian  ADJ   JJ  amod     1  -  NORP
        forces   NOUN  NNS nsubj    2  force
        captured VERB  VBD ROOT     2  capture
        Shali    PROPN NNP dobj     2  -  PERSON
        ,        PUNCT ,   punct    3
        the      DET   DT  det      8
        last     ADJ   JJ  amod     8
        important ADJ  JJ  amod     8
        town     NOUN  NN  appos    3
    """, ["Shali"], 2),
]


@pytest.mark.parametrize("case, table, expected, verb", PLACE_POSITIONS,
                         ids=[case for case, *_ in PLACE_POSITIONS])
def test_a_name_in_a_places_position_is_a_place_and_only_the_name(case, table, expected, verb):
    doc = parse_of(table)
    assert names(doc) == expected
    if verb is not None:  # and it is where the event happened
        assert sorted(chosen(doc, verb)) == sorted(expected)


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # The recogniser's entity runs over a double space into "south of": the name ends there.
    ("A car bomb detonated in the town of Mahawil  south of Baghdad on Thursday.",
     ["Mahawil", "Baghdad"]),
    # A name's second word after a quote mark written against it ("Mas ‘Idyah"), or after a
    # space ("Tal Na’am"), is the name's too.
    ("ISIS began the assault by storming the towns of Jubb Al-Jarrah and Mas ‘Idyah.",
     ["Jubb Al-Jarrah", "Mas ‘Idyah"]),
    ("ISIS launched another assault on the village of Tal Na’am, which also failed.",
     ["Tal Na’am"]),
])
def test_names_are_whole_on_the_model_s_parse(nlp, text, expected):
    assert names(nlp(text)) == expected


def known(*places: str):
    """A gazetteer test that knows only these names."""
    return lambda name: name in places


def test_a_name_with_an_age_is_a_person_not_a_place():
    doc = parse_of("""
        Millan  PROPN NNP nsubjpass 5  -  GPE
        ,       PUNCT ,   punct     0
        41      NUM   CD  appos     0
        ,       PUNCT ,   punct     0
        was     AUX   VBD auxpass   5  be
        shot    VERB  VBN ROOT      5  shoot
        in      ADP   IN  prep      5
        Tijuana PROPN NNP pobj      6  -  GPE
    """)
    assert chosen(doc, 5) == ["Tijuana"]
    doc = parse_of("""
        The       DET   DT  det       4
        25        NUM   CD  nummod    3
        -         PUNCT HYPH punct    3
        year-old  ADJ   JJ  amod      4
        Jimenez   PROPN NNP nsubjpass 6  -  GPE
        was       AUX   VBD auxpass   6  be
        captured  VERB  VBN ROOT      6  capture
        near      ADP   IN  prep      6
        Baghdad   PROPN NNP pobj      7  -  GPE
    """)
    assert names(doc) == ["Baghdad"]


def test_an_unknown_single_name_that_was_captured_is_a_person():
    table = """
        Ocalan   PROPN NNP nsubjpass 2  -  GPE
        was      AUX   VBD auxpass   2  be
        captured VERB  VBN ROOT      2  capture
        in       ADP   IN  prep      2
        Kenya    PROPN NNP pobj      3  -  GPE
    """
    doc = parse_of(table)
    mentions = place_mentions(doc, 0, 0, {}, known("Kenya"))
    assert [m.mention.text for m in mentions] == ["Kenya"]
    # a town the gazetteer knows is still the place that was captured
    mentions = place_mentions(doc, 0, 0, {}, known("Kenya", "Ocalan"))
    assert [m.mention.text for m in mentions] == ["Ocalan", "Kenya"]


# A country's name before a thing says whose it is, not where (sentence, event verb, the
# event's place): "a U.S. patrol", "US-Chinese relations"; before a place word, or after a
# preposition where the parser took the event's verb for a noun, it is still a place.
COUNTRY_BEFORE = [("""
        Militants NOUN  NNS nsubjpass 2  militant
        were      AUX   VBD auxpass   2  be
        killed    VERB  VBN ROOT      2  kill
        in        ADP   IN  prep      2
        a         DET   DT  det       6
        U.S.      PROPN NNP compound  6  -  GPE
        airstrike NOUN  NN  pobj      3
    """, 2, None), ("""
        He        PRON  PRP nsubj    1
        was       AUX   VBD ROOT     1  be
        shot      VERB  VBN conj     1  shoot
        in        ADP   IN  prep     2
        the       DET   DT  det      7
        Sri       PROPN NNP compound 6  -  GPE
        Lanka     PROPN NNP compound 7  -  I-GPE
        capital   NOUN  NN  pobj     3
    """, 2, ["Sri Lanka"]), ("""
        Soldiers  NOUN  NNS nsubj    5  soldier
        in        ADP   IN  prep     0
        northeast ADJ   JJ  amod     4
        China     PROPN NNP compound 4  -  GPE
        patrol    NOUN  NN  pobj     1
        marched   VERB  VBD ROOT     5  march
    """, 4, ["China"])]


@pytest.mark.parametrize("table, verb, place", COUNTRY_BEFORE)
def test_a_country_before_a_thing_says_whose_it_is(table, verb, place):
    doc = parse_of(table)
    mentions = place_mentions(doc, 0, 0, {}, scale_of=lambda name: 1 if name in (
        "U.S.", "Sri Lanka", "China") else TOWN)
    found = choose_mention(doc[verb], doc[verb], mentions)
    assert (found and found[0].mention.text) == (place and place[0])


def test_the_place_of_what_a_protest_is_against_is_no_guess():
    table = """
        Students  NOUN  NNS nsubj    1  student
        protested VERB  VBD ROOT     1  protest
        against   ADP   IN  prep     1
        NATO      PROPN NNP poss     5  -  ORG
        's        PART  POS case     3
        bombing   NOUN  NN  pobj     2
        of        ADP   IN  prep     5
        Yugoslavia PROPN NNP pobj    6  -  GPE
    """
    assert chosen(parse_of(table), 1) == []
    # where the protest was: "against Bush in Ghent" may be either, and stays a guess
    table = """
        Students  NOUN  NNS nsubj    1  student
        protested VERB  VBD ROOT     1  protest
        against   ADP   IN  prep     1
        Bush      PROPN NNP pobj     2  -  PERSON
        in        ADP   IN  prep     3
        the       DET   DT  det      6
        town      NOUN  NN  pobj     4
        of        ADP   IN  prep     6
        Ghent     PROPN NNP pobj     7  -  GPE
    """
    assert chosen(parse_of(table), 1) == ["Ghent"]


@pytest.mark.parametrize("name, places", [("Mayadeen", ["Mayadeen"]), ("March", []),
                                          ("Nov.", [])])
def test_a_place_the_recogniser_took_for_a_date(name, places):
    doc = parse_of(f"""
        He      PRON  PRP nsubjpass 2
        was     AUX   VBD auxpass   2  be
        killed  VERB  VBN ROOT      2  kill
        in      ADP   IN  prep      2
        {name}  PROPN NNP pobj      3  -  DATE
    """)
    mentions = place_mentions(doc, 0, 0, {}, known("Mayadeen", "March", "Nov."))
    assert [m.mention.text for m in mentions] == places


def test_a_name_before_a_site_is_the_place():
    doc = parse_of("""
        Workers      NOUN  NNS nsubj    1  worker
        demonstrated VERB  VBD ROOT     1  demonstrate
        at           ADP   IN  prep     1
        Orly         PROPN NNP compound 4
        airport      NOUN  NN  pobj     2
    """)
    assert chosen(doc, 1) == ["Orly"]


@pytest.mark.parametrize("name, places", [("Silopi", ["Silopi"]), ("Shiite", [])])
def test_a_name_labelled_a_people_is_a_place_the_gazetteer_knows(name, places):
    doc = parse_of(f"""
        He      PRON  PRP nsubjpass 2
        was     AUX   VBD auxpass   2  be
        killed  VERB  VBN ROOT      2  kill
        in      ADP   IN  prep      2
        {name}  PROPN NNP compound  5  -  NORP
        town    NOUN  NN  pobj      3
    """)
    mentions = place_mentions(doc, 0, 0, {}, known("Silopi"))
    assert [m.mention.text for m in mentions] == places


def test_a_site_taken_is_a_place_whatever_its_label():
    doc = parse_of("""
        Jihadists PROPN NNPS nsubj   1
        stormed   VERB  VBD ROOT     1  storm
        the       DET   DT  det      4
        Heart     PROPN NNP compound 4  -  ORG
        Hospital  PROPN NNP dobj     1  -  I-ORG
    """)
    assert chosen(doc, 1) == ["Heart Hospital"]


def test_a_participle_takes_a_place_of_its_own_before_its_verbs():
    doc = parse_of("""
        ISIS        PROPN NNP nsubj    1  -  ORG
        launched    VERB  VBD ROOT     1  launch
        an          DET   DT  det      3
        offensive   NOUN  NN  dobj     1
        in          ADP   IN  prep     1
        Homs        PROPN NNP pobj     4  -  GPE
        ,           PUNCT ,   punct    1
        targeting   VERB  VBG advcl    1  target
        defenses    NOUN  NNS oprd     7  defense
        near        ADP   IN  prep     8
        the         DET   DT  det      11
        village     NOUN  NN  pobj     9
        of          ADP   IN  prep     11
        Huwaysis    PROPN NNP pobj     12 -  ORG
    """)
    assert chosen(doc, 7) == ["Huwaysis"]
    assert chosen(doc, 1) == ["Homs"]


def test_a_name_made_with_of_is_one_place():
    doc = parse_of("""
        the       DET   DT  det       2
        oil-rich  ADJ   JJ  amod      2
        Gulf      PROPN NNP nsubjpass 6  -  LOC
        of        ADP   IN  prep      2
        Guinea    PROPN NNP pobj      3  -  GPE
        was       AUX   VBD auxpass   6  be
        patrolled VERB  VBN ROOT      6  patrol
    """)
    assert names(doc) == ["Gulf of Guinea"]
    doc = parse_of("""
        The       DET   DT  det       1
        Straits   PROPN NNPS nsubjpass 5
        of        ADP   IN  prep      1
        Malacca   PROPN NNP pobj      2  -  GPE
        is        AUX   VBZ auxpass   5  be
        patrolled VERB  VBN ROOT      5  patrol
    """)
    assert names(doc) == ["Straits of Malacca"]


@pytest.mark.parametrize("verb, lemma, name, places", [
    ("entered", "enter", "Dahiyat", ["Dahiyat"]), ("stormed", "storm", "Army", []),
    ("captured", "capture", "Dahiyat", [])])
def test_what_is_entered_or_stormed_is_a_place_whatever_its_label(verb, lemma, name, places):
    doc = parse_of(f"""
        Rebels  NOUN  NNS nsubj    1  rebel
        {verb}  VERB  VBD ROOT     1  {lemma}
        {name}  PROPN NNP dobj     1  -  PERSON
    """)
    assert names(doc) == places


def test_a_verb_does_not_take_a_place_from_what_is_said_of_it():
    doc = parse_of("""
        Police    NOUN  NNS nsubj    1  police
        raided    VERB  VBD ROOT     1  raid
        a         DET   DT  det      3
        mosque    NOUN  NN  dobj     1
        in        ADP   IN  prep     3
        Mombasa   PROPN NNP pobj     4  -  GPE
        and       CCONJ CC  cc       1
        arrested  VERB  VBD conj     1  arrest
        men       NOUN  NNS dobj     7  man
        ,         PUNCT ,   punct    7
        saying    VERB  VBG advcl    7  say
        fighters  NOUN  NNS nsubj    12 fighter
        trained   VERB  VBD ccomp    10 train
        in        ADP   IN  prep     12
        Somalia   PROPN NNP pobj     13 -  GPE
    """)
    assert chosen(doc, 7) == ["Mombasa"]


def test_a_name_the_parser_made_an_adjective_of_a_place_word_is_a_place():
    doc = parse_of("""
        Troops    NOUN  NNS nsubj    1  troop
        attacked  VERB  VBD ROOT     1  attack
        in        ADP   IN  prep     1
        the       DET   DT  det      6
        east      ADJ   JJ  amod     6
        Aleppo    PROPN NNP amod     6
        countryside NOUN NN pobj     2
    """)
    assert chosen(doc, 1) == ["Aleppo"]


def test_what_an_attack_is_on_is_a_place_whatever_its_label():
    doc = parse_of("""
        Troops    NOUN  NNS nsubj    1  troop
        launched  VERB  VBD ROOT     1  launch
        an        DET   DT  det      3
        assault   NOUN  NN  dobj     1
        on        ADP   IN  prep     3
        Taqsis    PROPN NNP pobj     4  -  PERSON
    """)
    assert chosen(doc, 1) == ["Taqsis"]


def test_the_possessor_of_a_place_word_is_a_place_whatever_its_label():
    doc = parse_of("""
        Rebels        NOUN  NNS nsubj    1  rebel
        patrolled     VERB  VBD ROOT     1  patrol
        Pervomayskaya PROPN NNP poss     4  -  ORG
        's            PART  POS case     2
        perimeter     NOUN  NN  dobj     1
    """)
    assert chosen(doc, 1) == []  # an organisation's name the gazetteer does not know
    mentions = place_mentions(doc, 0, 0, {}, known("Pervomayskaya"))
    found = choose_mention(doc[1], doc[1], mentions)
    assert found is not None and found[0].mention.text == "Pervomayskaya"


@pytest.mark.parametrize("after, places", [("", ["Kaduna"]), ("government", [])])
def test_a_name_before_state_is_the_state_unless_its_government(after, places):
    doc = parse_of(f"""
        Gunmen   NOUN  NNS nsubj    1  gunman
        abducted VERB  VBD ROOT     1  abduct
        a        DET   DT  det      3
        priest   NOUN  NN  dobj     1
        in       ADP   IN  prep     3
        Kaduna   PROPN NNP compound 6  -  GPE
        state    NOUN  NN  {"compound 7" if after else "pobj     4"}
    """ + (f"""
        {after}  NOUN  NN  pobj     4
    """ if after else ""))
    assert names(doc) == places


def test_a_place_of_whoever_an_event_is_according_to_is_not_its_place():
    doc = parse_of("""
        Troops     NOUN  NNS nsubj    1  troop
        captured   VERB  VBD ROOT     1  capture
        militants  NOUN  NNS dobj     1  militant
        ,          PUNCT ,   punct    1
        according  VERB  VBG prep     1  accord
        to         ADP   IN  prep     4
        reporters  NOUN  NNS pobj     5  reporter
        in         ADP   IN  prep     6
        Nablus     PROPN NNP pobj     7  -  GPE
    """)
    assert chosen(doc, 1) == []


@pytest.mark.parametrize("first, places", [("Islamic", []), ("Lagos", ["Lagos State"]),
                                           ("Akwa Ibom", ["Akwa Ibom State"])])
def test_a_state_that_is_a_group_is_no_place_nor_are_the_places_in_its_name(first, places):
    words = first.split()
    doc = parse_of("\n".join(
        ["Jets NOUN NNS nsubj 1 jet", "struck VERB VBD ROOT 1 strike", "the DET DT det 4"]
        if len(words) == 1 else
        ["Jets NOUN NNS nsubj 1 jet", "struck VERB VBD ROOT 1 strike"]) + "\n" + "\n".join(
        f"{w} PROPN NNP compound 4 - {'ORG' if n == 0 else 'I-ORG'}"
        for n, w in enumerate(words)) + """
        State     PROPN NNP dobj     1  -  I-ORG
        of        ADP   IN  prep     4
        Iraq      PROPN NNP pobj     5  -  GPE
    """)
    mentions = place_mentions(doc, 0, 0, {}, known("Lagos", "Lagos State", "Akwa Ibom",
                                                   "Akwa Ibom State", "Iraq"))
    assert [m.mention.text for m in mentions] == places + (["Iraq"] if places else [])


def test_a_number_that_is_no_age_does_not_break_the_search_for_one():
    doc = parse_of("""
        He      PRON  PRP nsubj    1
        lived   VERB  VBD ROOT     1  live
        in      ADP   IN  prep     1
        Paris   PROPN NNP pobj     2  -  GPE
        ,       PUNCT ,   punct    1
        ²       NUM   CD  appos    3
        ,       PUNCT ,   punct    1
    """)
    assert names(doc) == ["Paris"]


@pytest.mark.parametrize("aftermath, lemma, places", [
    ("died", "die", ["Oakland"]), ("treated", "treat", ["Oakland"]),
    ("shot", "shoot", ["Highland Hospital"])])  # the event's own verb keeps its hospital
def test_a_hospital_where_a_victim_was_treated_or_died_is_not_where_he_was_shot(
        aftermath, lemma, places):
    doc = parse_of(f"""
        Silva      PROPN NNP nsubjpass 2  -  PERSON
        was        AUX   VBD auxpass   2
        shot       VERB  VBN ROOT      2  shoot
        and        CCONJ CC  cc        2
        later      ADV   RB  advmod    5
        {aftermath} VERB VBN conj      2  {lemma}
        at         ADP   IN  prep      5
        Highland   PROPN NNP compound  8  -  ORG
        Hospital   PROPN NNP pobj      6  -  I-ORG
        in         ADP   IN  prep      8
        Oakland    PROPN NNP pobj      9  -  GPE
    """)
    verb = 5 if aftermath == "shot" else 2
    assert chosen(doc, verb) == places


def test_a_news_agency_that_reports_is_no_place():
    doc = parse_of("""
        Tanks     NOUN  NNS nsubj    1  tank
        entered   VERB  VBD ROOT     1  enter
        the       DET   DT  det      4
        Aleppo    PROPN NNP compound 4  -  GPE
        Governorate PROPN NNP dobj   1  -  I-GPE
        ,         PUNCT ,   punct    4
        the       DET   DT  det      7
        AFP       PROPN NNP appos    4  -  ORG
        reported  VERB  VBD acl      7  report
    """)
    assert chosen(doc, 1, {"AFP": TOWN, "Aleppo Governorate": REGION}) == ["Aleppo Governorate"]


def test_a_list_the_parser_began_with_an_apposition_is_one_list():
    doc = parse_of("""
        Frigates NOUN  NNS nsubj    1  frigate
        patrol   VERB  VBP ROOT     1
        in       ADP   IN  prep     1
        the      DET   DT  det      5
        Red      PROPN NNP compound 5  -  LOC
        Sea      PROPN NNP pobj     2  -  I-LOC
        ,        PUNCT ,   punct    5
        the      DET   DT  det      9
        Indian   PROPN NNP compound 9  -  LOC
        Ocean    PROPN NNP appos    5  -  I-LOC
        and      CCONJ CC  cc       9
        the      DET   DT  det      13
        Persian  PROPN NNP compound 13 -  LOC
        Gulf     PROPN NNP conj     9  -  I-LOC
    """)
    assert chosen(doc, 1) == ["Red Sea", "Indian Ocean", "Persian Gulf"]
    # "in Kabul, Afghanistan": an apposition that lists nothing adds no place
    single = parse_of("""
        Bombs    NOUN  NNS nsubj    1  bomb
        exploded VERB  VBD ROOT     1  explode
        in       ADP   IN  prep     1
        Kabul    PROPN NNP pobj     2  -  GPE
        ,        PUNCT ,   punct    3
        Afghanistan PROPN NNP appos 3  -  GPE
    """)
    assert chosen(single, 1) == ["Kabul"]


def test_the_entrance_to_a_place_is_at_it():
    doc = parse_of("""
        Protesters NOUN NNS nsubj  1  protester
        demonstrated VERB VBD ROOT 1  demonstrate
        at         ADP   IN  prep     1
        the        DET   DT  det      4
        entrance   NOUN  NN  pobj     2
        to         ADP   IN  prep     4
        Jerusalem  PROPN NNP pobj     5  -  GPE
    """)
    assert chosen(doc, 1) == ["Jerusalem"]


def test_a_place_before_a_port_city_of_another_is_its_container():
    doc = parse_of("""
        Rockets  NOUN  NNS nsubj    1  rocket
        struck   VERB  VBD ROOT     1  strike
        a        DET   DT  det      3
        market   NOUN  NN  dobj     1
        in       ADP   IN  prep     3
        the      DET   DT  det      9
        Azov     PROPN NNP compound 7  -  LOC
        Sea      PROPN NNP compound 8  -  I-LOC
        port     NOUN  NN  compound 9
        city     NOUN  NN  pobj     4
        of       ADP   IN  prep     9
        Mariupol PROPN NNP pobj     10 -  ORG
    """)
    assert chosen(doc, 1) == ["Mariupol"]


def test_a_place_word_capitalised_alone_is_no_name():
    doc = parse_of("""
        Gunmen    NOUN  NNS nsubj    1  gunman
        detonated VERB  VBD ROOT     1  detonate
        bombs     NOUN  NNS dobj     1  bomb
        at        ADP   IN  prep     1
        a         DET   DT  det      5
        Mosque    PROPN NNP pobj     3  -  NORP
        in        ADP   IN  prep     5
        Quetta    PROPN NNP pobj     6  -  GPE
    """)
    assert names(doc) == ["Quetta"]
    assert chosen(doc, 1) == ["Quetta"]
    church = parse_of("""
        Bodies    NOUN  NNS nsubj    1  body
        lay       VERB  VBD ROOT     1  lie
        near      ADP   IN  prep     1
        the       DET   DT  det      4
        Church    PROPN NNP pobj     2  -  FAC
        of        ADP   IN  prep     4
        the       DET   DT  det      7
        Nativity  PROPN NNP pobj     5
        in        ADP   IN  prep     1
        Bethlehem PROPN NNP pobj     8  -  GPE
    """)
    assert names(church) == ["Bethlehem"]
    hill = parse_of("""
        Troops    NOUN  NNS nsubj    1  troop
        stormed   VERB  VBD ROOT     1  storm
        Sawwan    PROPN NNP compound 3
        Hill      PROPN NNP dobj     1
    """)
    assert names(hill) == ["Sawwan Hill"]  # a place word in a name stays


def test_a_finer_place_in_the_event_s_own_clause_beats_a_setting_put_first():
    doc = parse_of("""
        In       ADP   IN  prep     4
        Dagestan PROPN NNP pobj     0  -  GPE
        ,        PUNCT ,   punct    4
        police   NOUN  NNS nsubj    4
        shot     VERB  VBD ROOT     4  shoot
        and      CCONJ CC  cc       4
        killed   VERB  VBD conj     4  kill
        two      NUM   CD  nummod   8  -  CARDINAL
        gunmen   NOUN  NNS dobj     6  gunman
        in       ADP   IN  prep     6
        the      DET   DT  det      11
        town     NOUN  NN  pobj     9
        of       ADP   IN  prep     11
        Buinaksk PROPN NNP pobj     12 -  GPE
    """)
    assert chosen(doc, 4, {"Dagestan": REGION, "Buinaksk": TOWN}) == ["Buinaksk"]
    # a place of another clause does not: "In Canberra, Serbians protested ... against the
    # assault on Yugoslavia"
    protest = parse_of("""
        In        ADP   IN  prep     4
        Canberra  PROPN NNP pobj     0  -  GPE
        ,         PUNCT ,   punct    4
        Serbians  PROPN NNPS nsubj   4  -  NORP
        protested VERB  VBD ROOT     4  protest
        against   ADP   IN  prep     4
        the       DET   DT  det      7
        assault   NOUN  NN  pobj     5
        on        ADP   IN  prep     7
        the       DET   DT  det      10
        town      NOUN  NN  pobj     8
        of        ADP   IN  prep     10
        Pale      PROPN NNP pobj     11 -  GPE
    """)
    assert chosen(protest, 4) == ["Canberra"]


@pytest.mark.parametrize("before, places", [("daughter", []), ("Imam", ["Imam Sahib"])])
def test_a_name_said_to_be_someone_s_daughter_is_a_person(before, places):
    doc = parse_of(f"""
        He        PRON  PRP nsubj    1
        murdered  VERB  VBD ROOT     1  murder
        his       PRON  PRP$ poss    4
        {before}  {"NOUN  NN " if before.islower() else "PROPN NNP"} compound 4
        {"Pratiksha" if before.islower() else "Sahib"} PROPN NNP dobj 1  -  GPE
    """)
    assert names(doc) == places


@pytest.mark.parametrize("site", ["mountain", "junction", "axis", "residence", "valley"])
def test_a_name_before_a_landmark_word_is_a_place(site):
    doc = parse_of(f"""
        He         PRON  PRP nsubjpass 2
        was        AUX   VBD auxpass   2
        captured   VERB  VBN ROOT      2  capture
        on         ADP   IN  prep      2
        Treskavica PROPN NNP compound  5
        {site}     NOUN  NN  pobj      3
    """)
    assert names(doc) == ["Treskavica"]


def test_a_known_place_the_tagger_took_for_a_common_noun_is_a_place():
    doc = parse_of("""
        At          ADP   IN  prep     3
        Vladivostok NOUN  NN  pobj     0  -  PERSON
        thousands   NOUN  NNS nsubj    3  thousand
        marched     VERB  VBD ROOT     3  march
    """)
    mentions = place_mentions(doc, 0, 0, {}, known("Vladivostok", "Road"))
    assert [m.mention.text for m in mentions] == ["Vladivostok"]
    road = parse_of("""
        Gunmen      NOUN  NNS nsubj    1  gunman
        attacked    VERB  VBD ROOT     1  attack
        a           DET   DT  det      3
        house       NOUN  NN  dobj     1
        on          ADP   IN  prep     3
        the         DET   DT  det      6
        Road        NOUN  NN  pobj     4
    """)
    assert place_mentions(road, 0, 0, {}, known("Vladivostok", "Road")) == []


@pytest.mark.parametrize("name, places", [("Ma’ardes", ["Ma’ardes"]), ("March", [])])
def test_a_village_s_name_labelled_a_date_is_a_place(name, places):
    doc = parse_of(f"""
        Troops    NOUN  NNS nsubj    1  troop
        targeted  VERB  VBD ROOT     1  target
        the       DET   DT  det      3
        village   NOUN  NN  dobj     1
        of        ADP   IN  prep     3
        {name}    PROPN NNP pobj     4  -  DATE
    """)
    assert names(doc) == places


def test_a_distance_the_recogniser_took_for_a_time_still_measures_from_a_place():
    doc = parse_of("""
        Houthis   PROPN NNPS nsubj   1  -  NORP
        fired     VERB  VBD ROOT     1  fire
        at        ADP   IN  prep     1
        a         DET   DT  det      4
        ship      NOUN  NN  pobj     2
        in        ADP   IN  prep     4
        the       DET   DT  det      8
        Red       PROPN NNP compound 8  -  LOC
        Sea       PROPN NNP pobj     5  -  I-LOC
        70        NUM   CD  nummod   11 -  TIME
        nautical  ADJ   JJ  amod     11 -  I-TIME
        miles     NOUN  NNS npadvmod 12 mile  I-TIME
        west      ADV   RB  advmod   1
        of        ADP   IN  prep     12
        Hodeidah  PROPN NNP pobj     13
    """)
    # the town is the finer place, but only measures where the ship was
    assert chosen(doc, 1, {"Red Sea": REGION, "Hodeidah": TOWN}) == ["Red Sea"]


@pytest.mark.parametrize("name, places", [("Buyir", ["Buyir"]), ("Minyan", ["Minyan"]),
                                          ("Kurdish", []), ("Palestinian", [])])
def test_a_name_labelled_a_people_before_a_settlement_word_is_a_place_unless_a_people(
        name, places):
    doc = parse_of(f"""
        Militants NOUN  NNS nsubj    1  militant
        captured  VERB  VBD ROOT     1  capture
        {name}    PROPN NNP compound 3  -  NORP
        village   NOUN  NN  dobj     1
    """)
    assert names(doc) == places


def test_the_second_participle_of_an_act_shares_the_main_verb_s_place():
    doc = parse_of("""
        A        DET   DT  det      1
        bomb     NOUN  NN  nsubj    2
        hit      VERB  VBD ROOT     2
        a        DET   DT  det      4
        minibus  NOUN  NN  dobj     2
        in       ADP   IN  prep     2
        southern ADJ   JJ  amod     7
        Afghanistan PROPN NNP pobj  5  -  GPE
        ,        PUNCT ,   punct    2
        killing  VERB  VBG advcl    2  kill
        six      NUM   CD  dobj     9  -  CARDINAL
        and      CCONJ CC  cc       9
        wounding VERB  VBG conj     9  wound
        nine     NUM   CD  dobj     12 -  CARDINAL
    """)
    # a country before the event is no guess for it: only the act's own verb gives it
    for verb in (9, 12):
        assert chosen(doc, verb, {"Afghanistan": COUNTRY}) == ["Afghanistan"]


@pytest.mark.parametrize("first, scale, places", [
    ("Afghanistan", COUNTRY, ["Afghanistan"]),  # where he was travelling to is no finer place
    ("Kabul", CITY, ["Kabul"])])
def test_a_destination_or_a_city_put_first_is_not_overridden(first, scale, places):
    doc = parse_of(f"""
        In         ADP   IN  prep     4
        {first}    PROPN NNP pobj     0  -  GPE
        ,          PUNCT ,   punct    4
        police     NOUN  NNS nsubj    4
        arrested   VERB  VBD ROOT     4  arrest
        a          DET   DT  det      6
        man        NOUN  NN  dobj     4
        travelling VERB  VBG acl      6  travel
        to         ADP   IN  prep     7
        the        DET   DT  det      10
        town       NOUN  NN  pobj     8
        of         ADP   IN  prep     10
        Jalalabad  PROPN NNP pobj     11 -  GPE
    """)
    assert chosen(doc, 4, {first: scale, "Jalalabad": TOWN}) == places


def test_the_name_a_house_is_of_is_its_owner_not_a_place():
    doc = parse_of("""
        Missiles  NOUN  NNS nsubj    1  missile
        destroyed VERB  VBD ROOT     1  destroy
        the       DET   DT  det      3
        house     NOUN  NN  dobj     1
        of        ADP   IN  prep     3
        Aden      PROPN NNP compound 7  -  FAC
        Hashi     PROPN NNP compound 7  -  I-FAC
        Ayro      PROPN NNP pobj     4  -  I-FAC
        in        ADP   IN  prep     1
        Dusamareeb PROPN NNP pobj    8  -  GPE
    """)
    mentions = place_mentions(doc, 0, 0, {}, known("Aden", "Dusamareeb"))
    assert [m.mention.text for m in mentions] == ["Dusamareeb"]


def test_a_known_name_before_a_camp_is_a_place_with_words_between_but_not_its_owner():
    camp = parse_of("""
        Troops   NOUN  NNS nsubj    1  troop
        operated VERB  VBD ROOT     1  operate
        in       ADP   IN  prep     1
        the      DET   DT  det      6
        Balata   PROPN NNP compound 6  -  ORG
        refugee  NOUN  NN  compound 6
        camp     NOUN  NN  pobj     2
    """)
    assert chosen(camp, 1, {"Balata": 4}) == ["Balata"]
    base = parse_of("""
        Jets      NOUN  NNS nsubj    1  jet
        destroyed VERB  VBD ROOT     1  destroy
        a         DET   DT  det      6
        Tamil     PROPN NNP compound 4
        Tiger     PROPN NNP compound 6
        rebel     NOUN  NN  compound 6
        base      NOUN  NN  dobj     1
    """)
    assert names(base) == []  # "a Tamil Tiger rebel base" says whose base it is


def test_a_lower_case_direction_tagged_a_proper_noun_is_no_part_of_the_name():
    doc = parse_of("""
        ISIS     PROPN NNP nsubj    1  -  ORG
        stormed  VERB  VBD ROOT     1  storm
        defenses NOUN  NNS dobj     1  defense
        at       ADP   IN  prep     1
        eastern  PROPN NNP compound 5
        Khattab  PROPN NNP pobj     3  -  PRODUCT
    """)
    assert names(doc) == ["Khattab"]


def test_a_name_typed_with_two_spaces_is_one_name():
    doc = parse_of("""
        A        DET   DT  det      1
        car      NOUN  NN  nsubj    2
        exploded VERB  VBD ROOT     2  explode
        in       ADP   IN  prep     2
        Khan     PROPN NNP compound 8  -  PERSON
        Bani     PROPN NNP compound 8  -  I-PERSON
        <sp>     SPACE _SP dep      5  -  I-PERSON
        Saad     PROPN NNP compound 8  -  I-PERSON
        town     NOUN  NN  pobj     3
    """)
    assert [m.mention.text for m in place_mentions(doc, 0, 0, {})] == ["Khan Bani  Saad"]


def test_a_known_name_before_a_site_with_words_between_is_a_place_but_not_an_acronym():
    station = parse_of("""
        Gunmen   NOUN  NNS nsubj    1  gunman
        killed   VERB  VBD ROOT     1  kill
        nine     NUM   CD  nummod   3
        people   NOUN  NNS dobj     1  person
        at       ADP   IN  prep     1
        Gamba    PROPN NNP compound 7
        police   NOUN  NN  compound 7
        station  NOUN  NN  pobj     4
    """)
    assert chosen(station, 1, {"Gamba": 4}) == ["Gamba"]
    offices = parse_of("""
        Bombs    NOUN  NNS nsubj    1  bomb
        hit      VERB  VBD ROOT     1
        U.N.     PROPN NNP compound 3  -  ORG
        offices  NOUN  NNS dobj     1  office
    """)
    assert chosen(offices, 1, {"U.N.": 4}) == []
    un = parse_of("""
        Bombs    NOUN  NNS nsubj    1  bomb
        hit      VERB  VBD ROOT     1
        UN       PROPN NNP compound 3  -  ORG
        offices  NOUN  NNS dobj     1  office
    """)
    assert chosen(un, 1, {"UN": 4}) == []  # an acronym, written without full stops
    car = parse_of("""
        Police   NOUN  NNS nsubj    1  police
        found    VERB  VBD ROOT     1  find
        a        DET   DT  det      3
        bomb     NOUN  NN  dobj     1
        under    ADP   IN  prep     1
        his      PRON  PRP$ poss    7
        Toyota   PROPN NNP compound 7  -  ORG
        car      NOUN  NN  pobj     4
    """)
    assert place_mentions(car, 0, 0, {}, known("Toyota")) == []  # a maker, not Toyota City


def test_a_verb_coordinated_with_another_shares_the_place_of_its_subject():
    doc = parse_of("""
        Soldiers  NOUN  NNS nsubj    4  soldier
        in        ADP   IN  prep     0
        the       DET   DT  det      3
        Republic  PROPN NNP pobj     1  -  GPE
        killed    VERB  VBD ROOT     4  kill
        six       NUM   CD  dobj     4
        and       CCONJ CC  cc       4
        wounded   VERB  VBD conj     4  wound
        many      ADJ   JJ  dobj     7
    """)
    assert chosen(doc, 7, {"Republic": 1}) == ["Republic"]


def test_a_known_name_tagged_an_adjective_before_a_settlement_word_is_a_place():
    doc = parse_of("""
        Jets     NOUN  NNS nsubj    1  jet
        struck   VERB  VBD ROOT     1  strike
        villages NOUN  NNS dobj     1  village
        in       ADP   IN  prep     2
        Kanbalu  PROPN NNP compound 5
        township NOUN  NN  pobj     3
        ,        PUNCT ,   punct    5
        Sagaing  ADJ   JJ  amod     8
        region   NOUN  NN  appos    5
    """)
    assert sorted(chosen(doc, 1, {"Kanbalu": 4, "Sagaing": 2})) == ["Kanbalu"]
    assert [m.mention.text for m in place_mentions(doc, 0, 0, {}, known("Kanbalu", "Sagaing"))
            ] == ["Kanbalu", "Sagaing"]
    arab = parse_of("""
        Police   NOUN  NNS nsubj    1  police
        raided   VERB  VBD ROOT     1  raid
        the      DET   DT  det      4
        Arab     ADJ   JJ  amod     4  -  NORP
        town     NOUN  NN  dobj     1
    """)
    assert place_mentions(arab, 0, 0, {}, known("Arab")) == []  # a people, not Arab, Alabama
