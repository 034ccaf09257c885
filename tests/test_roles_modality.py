"""Roles and modality on hand-built parses: no model needed, every edge chosen on purpose."""

from __future__ import annotations

from dragoman.code import roles
from dragoman.code.modality import analyse

from .handmade import parse_of

PASSIVE = parse_of("""
    The         DET   DT   det       1
    initiative  NOUN  NN   nsubjpass 3
    is          AUX   VBZ  auxpass   3  be
    backed      VERB  VBN  ROOT      3  back
    up          ADP   RP   prt       3
    by          ADP   IN   agent     3
    Moscow      PROPN NNP  pobj      5
    ,           PUNCT ,    punct     6
    Ankara      PROPN NNP  conj      6
    and         CCONJ CC   cc        8
    Tehran      PROPN NNP  conj      8
    .           PUNCT .    punct     3
""")


def words(tokens):
    return [t.text for t in tokens]


def test_passive_agent_is_the_actor_and_coordination_is_a_list():
    verb = PASSIVE[3]
    assert roles.is_passive(verb)
    assert words(roles.subject_heads(verb)) == ["Moscow", "Ankara", "Tehran"]
    assert words(roles.object_heads(verb)) == ["initiative"]


CONTROL = parse_of("""
    Russia    PROPN NNP  nsubj  1
    agreed    VERB  VBD  ROOT   1  agree
    to        PART  TO   aux    3
    withdraw  VERB  VB   xcomp  1
    troops    NOUN  NNS  dobj   3  troop
    .         PUNCT .    punct  1
""")


def test_controlled_verb_shares_its_subject_and_is_a_commitment():
    withdraw = CONTROL[3]
    assert words(roles.subject_heads(withdraw)) == ["Russia"]
    modality = analyse(withdraw)
    assert modality.modality == "hypothetical" and modality.future and modality.cue == "agreed"
    assert analyse(CONTROL[1]).modality == "asserted"


OBJECT_CONTROL = parse_of("""
    The      DET   DT   det    1
    UN       PROPN NNP  nsubj  2
    urged    VERB  VBD  ROOT   2  urge
    Iran     PROPN NNP  dobj   2
    to       PART  TO   aux    5
    release  VERB  VB   xcomp  2
    them     PRON  PRP  dobj   5  they
    .        PUNCT .    punct  2
""")


def test_object_control_and_requests_commit_no_one():
    release = OBJECT_CONTROL[5]
    assert words(roles.subject_heads(release)) == ["Iran"]
    modality = analyse(release)
    assert modality.modality == "hypothetical" and not modality.future


NEGATED = parse_of("""
    Iran    PROPN NNP  nsubj  3
    did     AUX   VBD  aux    3  do
    not     PART  RB   neg    3
    attack  VERB  VB   ROOT   3
    .       PUNCT .    punct  3
""")

REFUSED = parse_of("""
    Iran     PROPN NNP  nsubj  1
    refused  VERB  VBD  ROOT   1  refuse
    to       PART  TO   aux    3
    meet     VERB  VB   xcomp  1
    .        PUNCT .    punct  1
""")


def test_negation_and_negative_verbs():
    assert analyse(NEGATED[3]).modality == "negated"
    refused = analyse(REFUSED[3])
    assert refused.modality == "negated" and refused.negative_verb == "refused"
    assert analyse(REFUSED[1]).modality == "asserted"


DENIED = parse_of("""
    Police    NOUN  NNS  nsubj  1  police
    denied    VERB  VBD  ROOT   1  deny
    that      SCONJ IN   mark   5
    officers  NOUN  NNS  nsubj  5  officer
    had       AUX   VBD  aux    5  have
    beaten    VERB  VBN  ccomp  1  beat
    protesters NOUN NNS  dobj   5  protester
    .         PUNCT .    punct  1
""")


def test_what_is_denied_did_not_happen_as_far_as_the_speaker_says():
    beaten = analyse(DENIED[5])
    assert beaten.modality == "negated" and beaten.negative_verb == "denied"
    assert analyse(DENIED[1]).modality == "asserted"  # the denial itself happened


REJECTED_CLAIMS = parse_of("""
    Officials NOUN  NNS  nsubj  1  official
    rejected  VERB  VBD  ROOT   1  reject
    claims    NOUN  NNS  dobj   1  claim
    that      SCONJ IN   mark   5
    troops    NOUN  NNS  nsubj  5  troop
    shelled   VERB  VBD  acl    2  shell
    the       DET   DT   det    7
    village   NOUN  NN   dobj   5
""")

ALLEGEDLY = parse_of("""
    Rebels    NOUN  NNS  nsubj  2  rebel
    allegedly ADV   RB   advmod 2
    killed    VERB  VBD  ROOT   2  kill
    villagers NOUN  NNS  dobj   2  villager
""")


def test_what_rejected_claims_say_is_negated_and_a_hedge_is_kept_as_the_cue():
    shelled = analyse(REJECTED_CLAIMS[5])
    assert shelled.modality == "negated" and shelled.negative_verb == "rejected"
    killed = analyse(ALLEGEDLY[2])
    assert (killed.modality, killed.cue) == ("asserted", "allegedly")
    assert analyse(DENIED[1]).cue is None


CLAIMED = parse_of("""
    The       DET   DT   det    1
    ministry  NOUN  NN   nsubj  2  ministry
    claimed   VERB  VBD  ROOT   2  claim
    that      SCONJ IN   mark   7
    its       PRON  PRP$ poss   5
    forces    NOUN  NNS  nsubj  7  force
    had       AUX   VBD  aux    7  have
    captured  VERB  VBN  ccomp  2  capture
    the       DET   DT   det    9
    village   NOUN  NN   dobj   7
""")


def test_what_a_speaker_claims_stays_asserted_with_the_claim_as_its_cue():
    captured = analyse(CLAIMED[7])
    assert (captured.modality, captured.cue) == ("asserted", "claimed")


EXISTENTIAL = parse_of("""
    there  PRON  EX   expl   2
    will   AUX   MD   aux    2
    be     AUX   VB   ROOT   2
    no     DET   DT   det    4
    talks  NOUN  NNS  attr   2  talk
    .      PUNCT .    punct  2
""")


def test_no_talks_in_the_future_is_negated_and_framed_existentially():
    talks = EXISTENTIAL[4]
    assert analyse(talks).modality == "negated"
    verb, how = roles.governing_verb(talks)
    assert how == "existential" and verb.text == "be"


CONJ = parse_of("""
    a           DET   DT   det     1
    regime      NOUN  NN   ROOT    1
    that        PRON  WDT  nsubj   5
    has         AUX   VBZ  aux     5  have
    not         PART  RB   neg     5
    abided      VERB  VBN  relcl   1  abide
    and         CCONJ CC   cc      5
    continues   VERB  VBZ  conj    5  continue
    killing     VERB  VBG  xcomp   7  kill
    people      NOUN  NNS  dobj    8  people
""")


def test_negation_does_not_leak_into_a_finite_conjunct():
    assert analyse(CONJ[5]).modality == "negated"
    assert analyse(CONJ[8]).modality == "asserted"
    assert words(roles.subject_heads(CONJ[5])) == ["regime"]


QUESTION = parse_of("""
    Did     AUX   VBD  aux    2  do
    Russia  PROPN NNP  nsubj  2
    attack  VERB  VB   ROOT   2
    Kyiv    PROPN NNP  dobj   2
    ?       PUNCT .    punct  2
""")

CONDITION = parse_of("""
    If       SCONJ IN   mark   2
    Russia   PROPN NNP  nsubj  2
    attacks  VERB  VBZ  advcl  5  attack
    ,        PUNCT ,    punct  5
    NATO     PROPN NNP  nsubj  5
    responds VERB  VBZ  ROOT   5  respond
    .        PUNCT .    punct  5
""")


def test_questions_and_conditions_are_hypothetical():
    assert analyse(QUESTION[2]).modality == "hypothetical"
    assert analyse(CONDITION[2]).modality == "hypothetical"
    assert analyse(CONDITION[5]).modality == "asserted"


REPORTED = parse_of("""
    Officials  NOUN  NNS  nsubj  1  official
    said       VERB  VBD  ROOT   1  say
    rebels     NOUN  NNS  nsubj  3  rebel
    attacked   VERB  VBD  ccomp  1  attack
    the        DET   DT   det    5
    town       NOUN  NN   dobj   3
    .          PUNCT .    punct  1
""")


def test_reported_speech_keeps_its_own_modality():
    assert analyse(REPORTED[3]).modality == "asserted"
    assert words(roles.subject_heads(REPORTED[3])) == ["rebels"]


NOMINAL = parse_of("""
    Negotiations  NOUN  NNS  nsubj  4  negotiation
    between       ADP   IN   prep   0
    the           DET   DT   det    3
    government    NOUN  NN   pobj   1
    kicked        VERB  VBD  ROOT   4  kick
    off           ADP   RP   prt    4
""")


def test_event_noun_frames():
    verb, how = roles.governing_verb(NOMINAL[0], occurrence_verbs=frozenset({"kick"}))
    assert how == "occurrence" and verb.text == "kicked"
    assert words(roles.between_heads(NOMINAL[0])) == ["government"]
    assert roles.governing_verb(NOMINAL[0], occurrence_verbs=frozenset({"stall"})) == (None, "")


def test_a_time_after_a_preposition_is_no_recipient():
    doc = parse_of("""
        Rebels    NOUN  NNS  nsubj  1  rebel
        fired     VERB  VBD  ROOT   1  fire
        on        ADP   IN   prep   1
        troops    NOUN  NNS  pobj   2  troop
        on        ADP   IN   prep   1
        Thursday  PROPN NNP  pobj   4
        and       CCONJ CC   cc     1
        on        ADP   IN   prep   1
        March     PROPN NNP  pobj   7  -  DATE
    """)
    assert [(p, h.text) for p, h in roles.prep_objects(doc[1], {"on"})] == [("on", "troops")]


DENIED_WITH_A_RELATIVE = parse_of("""
    Police    NOUN  NNS  nsubj     1  police
    denied    VERB  VBD  ROOT      1  deny
    that      SCONJ IN   mark      9
    officers  NOUN  NNS  nsubj     9  officer
    who       PRON  WP   nsubjpass 6
    were      AUX   VBD  auxpass   6  be
    attacked  VERB  VBN  relcl     3  attack
    by        ADP   IN   agent     6
    protesters NOUN NNS  pobj      7  protester
    fired     VERB  VBD  ccomp     1  fire
""")

CLAIMS_AGAINST = parse_of("""
    A         DET   DT   det       1
    court     NOUN  NN   nsubj     2
    dismissed VERB  VBD  ROOT      2  dismiss
    claims    NOUN  NNS  dobj      2  claim
    against   ADP   IN   prep      3
    soldiers  NOUN  NNS  pobj      4  soldier
    who       PRON  WP   nsubj     7
    killed    VERB  VBD  relcl     5  kill
    protesters NOUN NNS  dobj      7  protester
""")


def test_a_denial_negates_only_the_clause_it_denies():
    assert analyse(DENIED_WITH_A_RELATIVE[9]).modality == "negated"  # the firing is denied
    assert analyse(DENIED_WITH_A_RELATIVE[6]).modality == "asserted"  # the attack stands
    assert analyse(CLAIMS_AGAINST[7]).modality == "asserted"  # what the soldiers did stands
    assert analyse(DENIED[5]).denial and not analyse(REFUSED[3]).denial


def test_a_month_that_names_someone_is_no_time():
    doc = parse_of("""
        Macron   PROPN NNP  nsubj  1  -  PERSON
        met      VERB  VBD  ROOT   1  meet
        with     ADP   IN   prep   1
        May      PROPN NNP  pobj   2  -  PERSON
    """)
    assert [h.text for _, h in roles.prep_objects(doc[1], {"with"})] == ["May"]


PLANNED = parse_of("""
    Police    NOUN  NNS  nsubj  1  police
    arrested  VERB  VBD  ROOT   1  arrest
    men       NOUN  NNS  dobj   1  man
    on        ADP   IN   prep   1
    suspicion NOUN  NN   pobj   3
    of        ADP   IN   prep   4
    planning  VERB  VBG  pcomp  5  plan
    an        DET   DT   det    8
    attack    NOUN  NN   dobj   6
    and       CCONJ CC   cc     1
    raided    VERB  VBD  conj   1  raid
    a         DET   DT   det    12
    flat      NOUN  NN   dobj   10
""")


def test_what_is_planned_is_hypothetical_and_the_arrest_is_not():
    assert (analyse(PLANNED[8]).modality, analyse(PLANNED[8]).cue) == ("hypothetical", "planning")
    assert analyse(PLANNED[1]).modality == "asserted"
    assert analyse(PLANNED[10]).modality == "asserted"


REPORTED_ON = parse_of("""
    Investigators NOUN  NNS  nsubj  1  investigator
    prepared      VERB  VBD  ROOT   1  prepare
    a             DET   DT   det    3
    report        NOUN  NN   dobj   1
    on            ADP   IN   prep   3
    the           DET   DT   det    6
    bombing       NOUN  NN   pobj   4
""")


def test_only_the_object_of_a_planning_verb_is_planned():
    assert analyse(REPORTED_ON[6]).modality == "asserted"  # a report on it was prepared


def test_what_a_verb_does_by_means_of_shares_its_subject():
    doc = parse_of("""
        Israel    PROPN NNP nsubj  1
        responded VERB  VBD ROOT   1  respond
        by        ADP   IN  prep   1
        shelling  VERB  VBG pcomp  2  shell
        the       DET   DT  det    5
        outskirts NOUN  NNS dobj   3  outskirt
    """)
    assert words(roles.subject_heads(doc[3])) == ["Israel"]


def test_a_relative_clause_keeps_its_own_modality():
    doc = parse_of("""
        The      DET   DT   det    1
        army     NOUN  NN   nsubj  2
        plans    VERB  VBZ  ROOT   2  plan
        to       PART  TO   aux    4
        capture  VERB  VB   xcomp  2
        the      DET   DT   det    6
        town     NOUN  NN   dobj   4
        that     PRON  WDT  dobj   9
        rebels   NOUN  NNS  nsubj  9  rebel
        seized   VERB  VBN  relcl  6  seize
    """)
    assert analyse(doc[4]).modality == "hypothetical"
    assert analyse(doc[9]).modality == "asserted"  # the town was seized; the capture is planned
