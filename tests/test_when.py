"""Which time expression dates an event (code/when.py), on hand-built parses."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.code.when import event_date

from .handmade import parse_of

PUBLISHED = date(2016, 3, 14)  # a Monday


def dated(doc, verb: int):
    return event_date(doc[verb], doc[verb], doc.text, 0, PUBLISHED, "past")


def test_a_date_inside_a_clause_of_the_event_dates_that_clause_not_the_event():
    doc = parse_of("""
        Rebels     NOUN  NNS nsubj    1  rebel
        accused    VERB  VBD ROOT     1  accuse
        the        DET   DT  det      3
        government NOUN  NN  dobj     1
        of         ADP   IN  prep     1
        violating  VERB  VBG pcomp    4  violate
        the        DET   DT  det      7
        ceasefire  NOUN  NN  dobj     5
        agreed     VERB  VBN acl      7  agree
        in         ADP   IN  prep     8
        December   PROPN NNP pobj     9  -  DATE
    """)
    when = dated(doc, 1)
    assert (when.date, when.resolution) == (PUBLISHED, "published")
    agreed = dated(doc, 8)
    assert (agreed.date, agreed.precision) == (date(2015, 12, 1), "month")


def test_a_date_of_the_clause_around_the_event_still_dates_it():
    doc = parse_of("""
        On         ADP   IN  prep     3
        Saturday   PROPN NNP pobj     0  -  DATE
        police     NOUN  NNS nsubj    3
        said       VERB  VBD ROOT     3  say
        rebels     NOUN  NNS nsubj    5  rebel
        attacked   VERB  VBD ccomp    3  attack
        a          DET   DT  det      7
        convoy     NOUN  NN  dobj     5
    """)
    assert dated(doc, 5).date == date(2016, 3, 12)


def relative_clause(aux: str, verb: str, tag: str):
    """Hand-built parse of 'Police fired at protesters who AUX VERB on Saturday'."""
    return parse_of(f"""
        Police     NOUN  NNS nsubj    1  police
        fired      VERB  VBD ROOT     1  fire
        at         ADP   IN  prep     1
        protesters NOUN  NNS pobj     2  protester
        who        PRON  WP  nsubj    6
        {aux}      AUX   VBD aux      6
        {verb}     VERB  {tag} relcl  3
        on         ADP   IN  prep     6
        Saturday   PROPN NNP pobj     7  -  DATE
    """)


def test_what_people_were_doing_dates_the_event_but_what_they_had_done_does_not():
    doing = dated(relative_clause("were", "marching", "VBG"), 1)
    assert doing.date == date(2016, 3, 12)
    done = dated(relative_clause("had", "marched", "VBN"), 1)
    assert (done.date, done.resolution) == (PUBLISHED, "published")


def test_what_people_were_doing_after_what_they_had_done_dates_the_event():
    doc = parse_of("""
        Police     NOUN  NNS nsubj    1  police
        detained   VERB  VBD ROOT     1  detain
        migrants   NOUN  NNS dobj     1  migrant
        who        PRON  WP  nsubj    5
        had        AUX   VBD aux      5
        crossed    VERB  VBN relcl    2  cross
        from       ADP   IN  prep     5
        Serbia     PROPN NNP pobj     6  -  GPE
        and        CCONJ CC  cc       5
        were       AUX   VBD aux      10
        heading    VERB  VBG conj     5  head
        near       ADP   IN  prep     10
        Roszke     PROPN NNP pobj     11 -  GPE
        on         ADP   IN  prep     10
        Friday     PROPN NNP pobj     13 -  DATE
    """)
    assert dated(doc, 1).date == date(2016, 3, 11)


def test_what_people_are_doing_in_a_participle_dates_the_event_done_to_them():
    doc = parse_of("""
        Police     NOUN  NNS nsubj    1  police
        fired      VERB  VBD ROOT     1  fire
        at         ADP   IN  prep     1
        supporters NOUN  NNS pobj     2  supporter
        protesting VERB  VBG acl      3  protest
        in         ADP   IN  prep     4
        the        DET   DT  det      7
        capital    NOUN  NN  pobj     5
        on         ADP   IN  prep     4
        Wednesday  PROPN NNP pobj     8  -  DATE
    """)
    assert dated(doc, 1).date == date(2016, 3, 9)


def test_a_participle_of_the_same_act_dates_it_before_the_statement_does():
    doc = parse_of("""
        Gunmen   NOUN  NNS nsubj    1  gunman
        attacked VERB  VBD ccomp    13 attack
        a        DET   DT  det      3
        post     NOUN  NN  dobj     1
        ,        PUNCT ,   punct    1
        killing  VERB  VBG advcl    1  kill
        11       NUM   CD  nummod   7  -  CARDINAL
        soldiers NOUN  NNS dobj     5  soldier
        on       ADP   IN  prep     5
        Thursday PROPN NNP pobj     8  -  DATE
        ,        PUNCT ,   punct    13
        the      DET   DT  det      12
        army     NOUN  NN  nsubj    13
        said     VERB  VBD ROOT     13 say
        on       ADP   IN  prep     13
        Saturday PROPN NNP pobj     14 -  DATE
    """)
    assert dated(doc, 1).date == date(2016, 3, 10)  # Thursday, not the statement's Saturday


REPORTED_BEFORE = """
    Police    NOUN  NNS nsubj    1  police
    said      VERB  VBD ROOT     1  say
    on        ADP   IN  prep     6
    Friday    PROPN NNP pobj     2  -  DATE
    they      PRON  PRP nsubj    6
    had       AUX   VBD aux      6  have
    arrested  VERB  VBN ccomp    1  arrest
    him       PRON  PRP dobj     6
"""
ON_MARCH_2 = """
    on        ADP   IN  prep     6
    March     PROPN NNP pobj     8  -  DATE
    2         NUM   CD  nummod   9  -  I-DATE
"""


# The parser hangs the date between "said" and the clause's subject on "arrested": it is the
# report's (parse, expected date of the arrest).
REPORTED = [
    (REPORTED_BEFORE + ON_MARCH_2, date(2016, 3, 2)),  # the arrest's own date
    (REPORTED_BEFORE, date(2016, 3, 11)),  # nothing else: the report's day
]


@pytest.mark.parametrize("table, expected", REPORTED)
def test_the_date_of_a_report_is_not_the_date_of_what_it_reports(table, expected):
    assert dated(parse_of(table), 6).date == expected


def test_a_date_after_that_is_the_reported_clauses():
    doc = parse_of("""
        Police    NOUN  NNS nsubj    1  police
        said      VERB  VBD ROOT     1  say
        that      SCONJ IN  mark     7
        on        ADP   IN  prep     7
        Friday    PROPN NNP pobj     3  -  DATE
        they      PRON  PRP nsubj    7
        had       AUX   VBD aux      7  have
        arrested  VERB  VBN ccomp    1  arrest
        him       PRON  PRP dobj     7
        on        ADP   IN  prep     7
        March     PROPN NNP pobj     9  -  DATE
        2         NUM   CD  nummod   10 -  I-DATE
    """)
    assert dated(doc, 7).date == date(2016, 3, 11)  # after "that", the clause's own Friday


def test_what_was_tried_is_past_and_what_is_planned_is_ahead(coder):
    # Published on a Saturday: a Thursday tried is the one before, a Thursday planned the next.
    from dragoman.model import Article

    text = ("Police fired tear gas at protesters who tried to march on Congress on Thursday."
            "\n\nThe two presidents plan to meet in Geneva on Thursday.")
    events = coder.code(Article(id="tried", text=text, published="2025-10-11"))
    dates = {(e.evidence.trigger, e.date.date.isoformat()) for e in events if e.date}
    assert ("march", "2025-10-09") in dates and ("fired", "2025-10-09") in dates
    assert ("meet", "2025-10-16") in dates
    # An agreement hanging on a past meeting is dated with it, not pushed past publication.
    text = "Chinese and Indian officials met on Wednesday, agreeing to cooperate on security."
    events = coder.code(Article(id="agreeing", text=text, published="2022-07-14"))
    assert {e.date.date.isoformat() for e in events} == {"2022-07-13"}


def test_a_date_of_the_verb_that_threatens_an_event_is_read_in_that_verb_s_tense():
    doc = parse_of("""
        Venezuela  PROPN NNP nsubj    1  -  GPE
        threatened VERB  VBD ROOT     1  threaten
        on         ADP   IN  prep     1
        Tuesday    PROPN NNP pobj     2  -  DATE
        to         PART  TO  aux      5
        send       VERB  VB  xcomp    1
        troops     NOUN  NNS dobj     5  troop
    """)
    when = event_date(doc[5], doc[5], doc.text, 0, PUBLISHED, "future")
    assert when.date == date(2016, 3, 8)  # the Tuesday before publication, not the next

