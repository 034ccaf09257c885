"""Phrases coded end to end as the PLOVER manual says (the real parser): promises and
agreements to act, hosting, expulsions, phone calls."""

from __future__ import annotations

import pytest

from dragoman.model import Article


def coded(coder, text: str) -> list[tuple[str, str, str]]:
    events = coder.code(Article(id="intent", text=text))
    return [(e.event[0], e.cameo, e.evidence.rule) for e in events if e.modality == "asserted"]


@pytest.mark.parametrize("text, expected", [
    # a promised retreat or concession is a concession: CONCEDE, not the AGREE of the verb
    ("South Africa agreed to withdraw its troops from the border.", "CONCEDE"),
    ("The mayor promised to end the curfew.", "CONCEDE"),
    ("The candidate promised to relax restrictions on migration.", "CONCEDE"),
    ("The government promised concessions to the opposition.", "CONCEDE"),
    # promising force is a threat
    ("Officials promised arrests if the corruption continues.", "THREATEN"),
    # promising cooperation stays AGREE
    ("Russia agreed to hold talks with Turkey.", "AGREE"),
])
def test_what_is_promised_decides_the_type(coder_nogeo, text, expected):
    types = [event for event, _, _ in coded(coder_nogeo, text)]
    assert types == [expected], coded(coder_nogeo, text)


def test_a_promised_concession_keeps_its_own_cameo_code(coder_nogeo):
    [(event, cameo, rule)] = coded(coder_nogeo, "The candidate promised to relax restrictions.")
    assert (event, cameo) == ("CONCEDE", "081")
    assert rule.endswith("+future")


@pytest.mark.parametrize("text, expected, mode", [
    # hosting talks is the talks (between their parties), hosting a visitor is a visit
    ("Norway hosted peace talks between the Armenian government and the rebels.",
     "CONSULT", []),
    ("Norway hosted the Armenian president.", "CONSULT", ["visit"]),
    ("The president ejected international observers.", "SANCTION", ["expel"]),
    ("The government kicked out UN inspectors.", "SANCTION", ["expel"]),
    ("Putin talked with Erdogan by phone on Monday.", "CONSULT", ["phone"]),
    ("Somalia expressed willingness to cooperate on regional security.", "AGREE", []),
])
def test_phrases_code_as_plover_types(coder_nogeo, text, expected, mode):
    events = [e for e in coder_nogeo.code(Article(id="phrase", text=text))
              if e.modality == "asserted"]
    assert [(e.event[0], e.mode) for e in events] == [(expected, mode)]


def test_hosting_talks_names_the_parties_and_the_host(coder_nogeo):
    [event] = coder_nogeo.code(Article(id="host", text="Norway hosted peace talks between "
                                       "the Armenian government and the rebels."))
    assert {a.code for a in event.actor} == {"NOR", "ARM"}


def test_a_kicked_ball_is_no_expulsion(coder_nogeo):
    assert coder_nogeo.code(Article(id="ball", text="The government kicked the ball.")) == []


def test_refusing_a_concession_is_a_rejection_and_promising_one_is_a_concession(coder_nogeo):
    refused, promised = (
        [(e.event[0], e.mode, e.cameo) for e in coder_nogeo.code(Article(id="apology", text=t))
         if e.modality == "asserted"]
        for t in ("The government will not apologise for the killings.",
                  "The government will apologise for the killings."))
    assert refused == [("REJECT", ["yield"], "124")]
    assert promised == [("CONCEDE", [], "055")]


def test_two_country_adjectives_on_one_noun_are_two_actors(coder_nogeo):
    # the parser hangs both adjectives on "leaders" instead of coordinating them
    [event] = coder_nogeo.code(Article(id="pair", text="Croatian and Mexican military leaders "
                                       "spoke by phone on Monday."))
    assert sorted((a.code, a.sector) for a in event.actor) == [("HRV", "MIL"), ("MEX", "MIL")]


@pytest.mark.parametrize("text, mode", [
    # coercion its actor announces, holds out or makes conditional is a threat (PLOVER's
    # THREATEN, with what is threatened as the mode)
    ("The government will arrest the protest leaders if the rallies continue.", ["arrest"]),
    ("The rebels vowed to attack the capital.", ["violence"]),
    ("The Russian foreign minister said Moscow could expel the Estonian ambassador.",
     ["expel"]),
    # raising the possibility of coercion holds it out too
    ("The government floated the possibility of major restrictions on movement.",
     ["restrict"]),
    ("Albania raised the possibility of suspending aid to Turkmenistan.", ["relations"]),
])
def test_announced_coercion_is_a_threat(coder_nogeo, text, mode):
    events = [e for e in coder_nogeo.code(Article(id="threat", text=text))
              if e.modality == "asserted"]
    assert [(e.event[0], e.mode) for e in events] == [("THREATEN", mode)], events
    assert events[0].evidence.rule.endswith("+threat")


@pytest.mark.parametrize("text", [
    "Analysts said the army could attack the city.",  # someone else's speculation
    "Experts say Russia will attack Ukraine again.",  # ... even with a will
    "The army will not attack the city.",  # a refusal to attack threatens nothing
    "Gunmen may have killed as many as 30 villagers.",  # a guess about the past
])
def test_speculated_or_refused_violence_is_no_threat(coder_nogeo, text):
    assert [t for t, _, _ in coded(coder_nogeo, text)] == []


@pytest.mark.parametrize("text, expected", [
    # a condition hung on what was done does not make it a threat
    ("Rebels killed 20 soldiers, if the reports are accurate.", "ASSAULT"),
    ("Police arrested the journalist as if he were a criminal.", "COERCE"),
    ("Security forces routinely detained journalists if they published critical reports.",
     "COERCE"),
])
def test_what_was_done_stays_what_it_was(coder_nogeo, text, expected):
    assert [t for t, _, _ in coded(coder_nogeo, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The rebels said they will attack the capital.", "THREATEN"),  # their own threat
    ("A Moscow court will sentence the opposition leader on Friday.", None),  # a verdict
    ("Opposition supporters will rally in the capital on Saturday.", None),  # a plan to march
])
def test_who_holds_out_what(coder_nogeo, text, expected):
    assert [t for t, _, _ in coded(coder_nogeo, text)] == ([expected] if expected else [])


@pytest.mark.parametrize("text, expected, cameo", [
    ("The opposition suspended its protests for two weeks.", "CONCEDE", "082"),
    ("The government gave in to the strikers' demands.", "CONCEDE", "083"),
    ("The rebels quit the peace talks with the government.", "SANCTION", "164"),
    ("The navies of Russia and China began joint exercises in the Baltic.", "COOPERATE",
     "062"),
    ("Ankara and Moscow restored diplomatic ties.", "SUPPORT", "050"),
    ("Three police officers were found guilty of torture by a military court.", "SANCTION",
     "116"),
    ("The militia laid down its arms.", "RETREAT", "0873"),
    ("The army called up reservists.", "MOBILIZE", "152"),
    ("Turkey expelled dozens of Dutch diplomats.", "SANCTION", "166"),
    ("The Senegalese president expressed support for the peace plan.", "SUPPORT", "051"),
    # the tokenizer splits "cease-fire"; declaring one is still a (verbal) concession
    ("The rebels declared a cease-fire on Monday.", "CONCEDE", "0871"),
    # going or being on strike, and a work stoppage, are strikes (no "labour" word needed)
    ("Teachers in Nigeria went on strike over unpaid wages.", "PROTEST", "143"),
    ("Dockworkers in Chile are on strike.", "PROTEST", "143"),
    ("Workers at the port announced a total work stoppage.", "PROTEST", "143"),
    ("Russia and Turkey are in talks over the pipeline.", "CONSULT", "046"),
    # suspending talks halts negotiations (164), not aid (162)
    ("Turkey halted negotiations with Greece.", "SANCTION", "164"),
    # a campaign or an operation carries the event named before it (not CAMEO's "launch
    # campaign", an appeal)
    ("Insurgents launched a bombing campaign against the capital.", "ASSAULT", "183"),
    ("Police began an arrest campaign against opposition activists.", "COERCE", "173"),
])
def test_more_phrases_code_as_the_manual_says(coder_nogeo, text, expected, cameo):
    assert [(t, c) for t, c, _ in coded(coder_nogeo, text)] == [(expected, cameo)]


@pytest.mark.parametrize("text", [
    "Kenyan protesters have captured national attention.",
    "The Syrian army shot a propaganda film in Aleppo.",
])
def test_capturing_attention_or_shooting_a_film_is_no_event(coder_nogeo, text):
    assert coded(coder_nogeo, text) == []


@pytest.mark.parametrize("text, expected", [
    # stopping someone else's protest, or a court suspending a law, is no concession
    ("Police halted the march in the capital.", []),
    ("The court suspended the law.", []),
    # calling on others to act is a request; agreeing to terms, an agreement
    ("The UN called on the militias to hand over their weapons.", ["REQUEST"]),
    ("Israel and Hamas agreed to the terms of a ceasefire.", ["AGREE"]),
    # meeting conditions is no meeting
    ("Serbia has met the conditions for EU membership.", []),
])
def test_lookalikes_of_concessions_and_mobilisation(coder_nogeo, text, expected):
    assert [t for t, _, _ in coded(coder_nogeo, text)] == expected


def test_with_names_the_other_party_only_after_talks_or_ties(coder_nogeo):
    [talks] = coder_nogeo.code(Article(id="w", text="The rebels quit the peace talks with the "
                                                    "government."))
    assert [r.entity_text for r in talks.recipient] == ["government"]
    [sanctions] = coder_nogeo.code(Article(id="w", text="Japan imposed sanctions on North Korea "
                                                        "with South Korea."))
    assert [r.code for r in sanctions.recipient] == ["PRK"]


def test_an_amount_of_people_is_those_people(coder_nogeo):
    [event] = coder_nogeo.code(Article(id="n", text="Turkey expelled dozens of Dutch diplomats."))
    assert [(r.entity_text, r.code, r.sector) for r in event.recipient] == [
        ("Dutch diplomats", "NLD", "GOV")]


@pytest.mark.parametrize("text, expected, cameo, trigger", [
    ("Madagascar expels dozens of diplomats", "SANCTION", "166", "expels"),
    ("France denounces Iran's nuclear tests", "ACCUSE", "111", "denounces"),
])
def test_a_headline_in_the_present_tense_is_coded(coder_nogeo, text, expected, cameo, trigger):
    # The small model reads "expels diplomats" as one noun phrase; the parse is mended and the
    # evidence still points at the article's own words.
    events = [e for e in coder_nogeo.code(Article(id="headline", text=text))
              if e.modality == "asserted"]
    assert [(e.event[0], e.cameo) for e in events] == [(expected, cameo)]
    evidence = events[0].evidence
    assert text[evidence.start : evidence.end] == trigger == evidence.trigger


def test_a_verdict_handed_down_is_a_sanction(coder_nogeo):
    # PLOVER cannot print it without a recipient, but the coder reads it (headlines are typed
    # by what the coder reads: evaluate/ngec.py title_type)
    document = coder_nogeo.run(Article(id="verdict",
                                       text="The court handed down convictions in the case."))
    assert [(c.event, c.cameo) for _, c in document.coded] == [("SANCTION", "116")]


def test_a_possibility_discussed_is_no_threat(coder_nogeo):
    text = "Russia discussed the possibility of sanctions against Iran."  # weighing it
    assert [t for t, _, _ in coded(coder_nogeo, text)] == ["CONSULT"]


def test_a_possibility_raised_is_no_fact(coder_nogeo):
    # what is only held out did not happen; a march held out threatens nothing (PLOVER)
    events = coder_nogeo.code(Article(id="possible", text="Opposition activists in Kenya "
                                      "raised the possibility of protests in Nairobi."))
    assert [(e.event[0], e.modality) for e in events] == [("PROTEST", "hypothetical")]


@pytest.mark.parametrize("text, expected, cameo", [
    # a ceasefire signed is the ceasefire (CAMEO 0871), not an agreement signed (057)
    ("Niger and Chad signed a ceasefire over the border dispute.", "RETREAT", "0871"),
    ("The government announced a ban on opposition rallies.", "COERCE", "172"),
])
def test_signed_ceasefires_and_announced_bans(coder_nogeo, text, expected, cameo):
    assert [(t, c) for t, c, _ in coded(coder_nogeo, text)] == [(expected, cameo)]


def test_a_headline_passive_participle_frames_its_noun(coder_nogeo):
    # "curfew imposed after clashes": the curfew was imposed (no one named who)
    document = coder_nogeo.run(Article(id="curfew", text="Nationwide curfew imposed "
                                       "following recent clashes"))
    assert [(c.event, c.cameo) for _, c in document.coded] == [("COERCE", "1723")]


@pytest.mark.parametrize("text", [
    "President William Ruto was in London in March for talks with British officials.",  # a date
    "The journalist has been in detention since 2019.",  # a state, not an arrest
    "The athlete received a two-year ban for doping.",  # a ban needs someone imposing it
    "Hungary has strict restrictions on immigration.",
    "Blinken's focus is on a ceasefire in Gaza.",  # "be on": about, not engaged in
])
def test_states_dates_and_topics_are_no_events(coder_nogeo, text):
    document = coder_nogeo.run(Article(id="none", text=text))
    assert [(c.event, c.trigger.text) for _, c in document.coded] == []


@pytest.mark.parametrize("text, actors", [
    # a possibility raised by someone else is no threat, and the raiser is not its actor
    ("The incident raises the prospect of clashes between Serbs and Albanians.",
     ["Serbs", "Albanians"]),
    ("US officials raised the possibility of a Russian invasion of Ukraine.", ["Russian"]),
])
def test_a_possibility_others_would_carry_out_is_no_threat(coder_nogeo, text, actors):
    document = coder_nogeo.run(Article(id="prospect", text=text))
    assert [(c.event, c.modality.modality, [a.entity_text for a in c.actors])
            for _, c in document.coded] == [("ASSAULT", "hypothetical", actors)]


def test_an_advocacy_campaign_carries_no_release(coder_nogeo):
    text = "Families launched a release campaign for the hostages."
    assert "RETREAT" not in [t for t, _, _ in coded(coder_nogeo, text)]


def test_a_ceasefire_to_be_signed_is_an_intent_to_de_escalate(coder_nogeo):
    text = "Israel and Hamas will sign a ceasefire on Friday."
    assert [(t, c) for t, c, _ in coded(coder_nogeo, text)] == [("CONCEDE", "0356")]


def test_a_verbless_headline_names_its_event(coder_nogeo):
    # a curfew is coded only where something imposes it, but a title without a verb names
    # the event itself
    document = coder_nogeo.run(Article(id="title", text="Nationwide curfew after clashes "
                                       "with police"))
    assert ("COERCE", "1723") in [(c.event, c.cameo) for _, c in document.coded]


def test_the_us_is_a_country_not_a_pronoun(coder_nogeo):
    # "US" lower-cased is "us": only the pronoun is the speaker
    events = coder_nogeo.code(Article(id="us", text="The US suspended talks with Iran."))
    assert [(e.event[0], e.cameo, e.actor[0].code, e.recipient[0].code) for e in events] == [
        ("SANCTION", "164", "USA", "IRN")]


def test_the_talks_held_are_the_event_not_a_party_to_it(coder):
    [event] = coder.code(Article(id="held", text="Macron held talks with Theresa May in London."))
    assert event.event == ["CONSULT"]
    assert [(a.entity_text, a.code) for a in event.actor] == [("Macron", "FRA"),
                                                              ("Theresa May", "GBR")]


def test_a_denied_plan_is_no_refusal_by_those_who_would_act(coder_nogeo):
    # the army did not refuse to withdraw: officials denied that it would
    text = "Officials denied reports that the army will withdraw from the city."
    assert coded(coder_nogeo, text) == []


def test_the_islamic_states_is_attacks_rather_than_being_attacked(coder_nogeo):
    # the small model reads "IS" as the verb "is", a passive auxiliary: no actor was left
    events = coder_nogeo.code(Article(id="is", text="IS fighters attacked a checkpoint."))
    assert [(e.event[0], e.actor[0].code, e.actor[0].sector) for e in events] == [
        ("ASSAULT", "IMG", "REB")]


@pytest.mark.parametrize("text, cameo", [
    ("Russia suspended diplomatic relations with Georgia.", "161"),  # reduce relations
    ("The European Union suspended aid to Niger.", "162"),  # stop aid
    ("The rebels suspended the peace talks.", "164"),  # halt negotiations
])
def test_what_is_suspended_decides_the_code(coder_nogeo, text, cameo):
    document = coder_nogeo.run(Article(id="suspend", text=text))
    assert [(c.event, c.cameo) for _, c in document.coded] == [("SANCTION", cameo)]


@pytest.mark.parametrize("text, expected, actors", [
    # exchanging fire or accusations is mutual (PLOVER: both sides act)
    ("India and Pakistan exchanged fire along the Line of Control.", "ASSAULT", ["IND", "PAK"]),
    ("China and the Philippines traded accusations over a collision.", "ACCUSE",
     ["CHN", "PHL"]),
    # a weapon's owner acts when the weapon is the subject
    ("Russian missiles struck Kyiv overnight.", "ASSAULT", ["RUS"]),
])
def test_mutual_fire_and_weapons_as_subjects(coder_nogeo, text, expected, actors):
    events = coder_nogeo.code(Article(id="mutual", text=text))
    assert [(e.event[0], [a.code for a in e.actor]) for e in events] == [(expected, actors)]


@pytest.mark.parametrize("text, actor, mode, cameo", [
    # an attack by a weapon, or by an attack, with no one named behind it: PLOVER's
    # unidentified actor (UNK), in the weapon's words, and the weapon's mode
    ("A roadside bomb killed five soldiers near El Arish on Thursday.", "A roadside bomb",
     ["explosives"], "1833"),
    ("Two civilians were killed by a bomb in Kandahar.", "a bomb", ["explosives"], "183"),
    ("A mortar shell hit a school in Damascus, wounding three children.", "A mortar shell",
     ["heavy-weapons"], "194"),
    ("The attack killed five soldiers in Mali.", "The attack", [], "190"),
])
def test_a_weapon_with_no_one_behind_it_is_an_unidentified_actor(coder_nogeo, text, actor,
                                                                  mode, cameo):
    events = [e for e in coder_nogeo.code(Article(id="weapon", text=text))
              if e.event == ["ASSAULT"]]
    assert events, text
    first = events[0]
    assert [(a.entity_text, a.code, a.sector) for a in first.actor] == [(actor, None, "UNK")]
    assert (first.mode, first.cameo) == (mode, cameo)


@pytest.mark.parametrize("text", [
    "A gas explosion killed five people in a restaurant in Ankara.",  # may be an accident
    "The mine collapsed, killing five miners in Zonguldak.",  # a coal mine, no landmine
    "Five soldiers died in the heat.",
])
def test_no_weapon_no_attack(coder_nogeo, text):
    assert [e.event for e in coder_nogeo.code(Article(id="accident", text=text))] == []


def test_an_event_noun_the_tagger_took_for_a_verb_is_still_an_event_noun(coder_nogeo):
    # "Shelling" and "Fighting" tagged as verbs by the small model: the attack is Ukraine's,
    # and the fighting is between its two parties
    [killed] = [e for e in coder_nogeo.code(Article(id="shelling", text=(
        "Shelling from Ukraine killed two people in the Russian city of Belgorod on Saturday, "
        "the regional governor said."))) if e.event == ["ASSAULT"]]
    assert [(a.entity_text, a.code) for a in killed.actor] == [("Ukraine", "UKR")]
    assert killed.mode == ["heavy-weapons"]
    events = coder_nogeo.code(Article(id="fighting", text=(
        "Fighting between rebels and soldiers killed 20 people in Darfur.")))
    # one event, the fighting's, with its dead: no second one by an unidentified "Fighting"
    assert [(e.evidence.trigger, sorted(a.sector for a in e.actor), e.dead) for e in events] == [
        ("Fighting", ["MIL", "REB"], 20)]


@pytest.mark.parametrize("text, actor", [
    ("Shelling by rebels killed two people.", "rebels"),
    ("A roadside bomb planted by the Taliban killed five soldiers.", "Taliban"),
    ("A rocket fired from Gaza wounded two Israelis.", "Gaza"),
    ("A Russian missile strike on a residential building killed two people.", "Russian"),
])
def test_whoever_a_weapon_is_from_or_by_is_the_attack_s_actor(coder_nogeo, text, actor):
    events = [e for e in coder_nogeo.code(Article(id="by", text=text)) if e.event == ["ASSAULT"]]
    assert [[a.entity_text for a in e.actor] for e in events] == [[actor]]


def test_fighting_that_drives_people_from_their_homes_happened(coder_nogeo):
    events = coder_nogeo.code(Article(id="flee", text=(
        "Clashes between rebels and soldiers forced 5,000 people to flee their homes.")))
    assert [(e.evidence.trigger, sorted(a.sector for a in e.actor)) for e in events] == [
        ("Clashes", ["MIL", "REB"])]
