"""The event coder: triggers, roles, modality and attribution for one parsed sentence.

`EventCoder.code_sentence` turns a parsed sentence into `Coded` events (internal: tokens and
entities, before places, dates and the PLOVER record). It is pure on its inputs: the sentence,
the knowledge, and the article's actor state (country context and coreference), which it
updates as it resolves actors.

Order of work in a sentence: speech verbs first (their speakers become attributions and the
referents of "we"/"I" inside the quote), then verb triggers, then event nouns not already
covered by a verb, then derived events (the PLOVER future rule, refusals, allegations made in
quotes).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dragoman.code import roles
from dragoman.code.frames import frames
from dragoman.code.modality import Modality, analyse
from dragoman.code.triggers import counted, lemma, noun_trigger, verb_triggers
from dragoman.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dragoman.code.verbpatterns import VerbPatterns
    from dragoman.knowledge import Knowledge, Trigger
    from dragoman.resolve.actors import ActorResolver, ArticleActors, Mention

MIN_CAMEO_SPECIFICITY = 2  # at least one word or synset of the pattern besides the verb
VERBAL_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
CONFLICT_CLAIMS = {"ASSAULT", "COERCE"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}


@dataclass
class Coded:
    """An event found in a sentence, before places, dates and the PLOVER record."""

    trigger: Token
    trigger_tokens: list[Token]
    event: str
    mode: str
    cameo: str
    context: list[str]
    actors: list[Entity]
    recipients: list[Entity]
    modality: Modality
    rule: str
    reciprocal: bool = False
    attribution: Entity | None = None
    place_anchor: Token | None = None
    confidence: float = 0.6
    notes: list[str] = field(default_factory=list)
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    reverse_cameo: str | None = None  # CAMEO patterns like [042:043]: the reciprocal event


@dataclass
class SentenceContext:
    doc: Doc
    offset: int
    mentions: list[Mention]
    state: ArticleActors
    speakers: dict[int, Entity] = field(default_factory=dict)  # speech verb index -> speaker
    resolved: dict[int, Entity | None] = field(default_factory=dict)


class EventCoder:
    """Codes events in parsed sentences: the user's verb patterns first, then the curated
    triggers, then the CAMEO verb patterns converted from the Phoenix dictionary."""

    def __init__(self, knowledge: Knowledge, resolver: ActorResolver,
                 patterns: VerbPatterns | None = None, user_patterns: VerbPatterns | None = None):
        self.knowledge = knowledge
        self.resolver = resolver
        self.patterns = patterns
        self.user_patterns = user_patterns

    def code_sentence(self, doc: Doc, offset: int, mentions: list[Mention],
                      state: ArticleActors) -> list[Coded]:
        ctx = SentenceContext(doc, offset, mentions, state)
        self._find_speakers(ctx)
        events: list[Coded] = []
        covered: set[int] = set()
        for token in doc:
            if (token.pos_ == "VERB" or token.tag_.startswith("VB")) and \
                    not self._gerund_subject(token):
                coded = self._verb_event(token, ctx, covered)
                if coded:
                    events.append(coded)
        for token in doc:
            if (token.pos_ in ("NOUN", "PROPN") or self._gerund_subject(token)) and \
                    token.i not in covered:
                coded = self._noun_event(token, ctx, covered)
                if coded:
                    events.append(coded)
        events.extend(self._quote_allegations(events, ctx))
        events = _merge_intents([self._apply_future_rule(_apply_threat_rule(e)) for e in events])
        _attach_casualties(events, doc)
        return events

    # -- actors --------------------------------------------------------------------------

    def _entity(self, head: Token, ctx: SentenceContext) -> Entity | None:
        head = next(iter(counted(head)), head)  # "dozens of civilians": the civilians
        if head.i in ctx.resolved:
            return ctx.resolved[head.i]
        if head.lower_ in FIRST_PERSON and head.pos_ == "PRON":  # "us", not "the US"
            speaker = self._speaker_for(head, ctx)
            entity = None if speaker is None else replace(
                speaker, entity_text=head.text, start=ctx.offset + head.idx,
                end=ctx.offset + head.idx + len(head.text), sectors=list(speaker.sectors),
                identifier_text=speaker.identifier_text or speaker.entity_text,
                resolution="speaker")
        else:
            entity = self.resolver.resolve(head, ctx.mentions, ctx.state, ctx.offset)
        ctx.resolved[head.i] = entity
        return entity

    def _entities(self, heads: list[Token], ctx: SentenceContext) -> list[Entity]:
        found: list[Entity] = []
        for head in heads:
            entity = self._entity(head, ctx)
            if entity is None:
                continue
            for one in [entity, *self._coordinated_modifiers(head, entity)]:
                if all((one.start, one.code) != (e.start, e.code) for e in found):
                    found.append(one)
        return found

    def _coordinated_modifiers(self, head: Token, entity: Entity) -> list[Entity]:
        """'US and British troops', 'the ambassadors of Arnor, Osgiliath and Gondor': one
        entity per coordinated country."""
        extra: list[Entity] = []
        modifiers = [c for c in head.children
                     if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
        if entity.resolution == "affiliation":
            modifiers += [p for c in head.children
                          if c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
                          for p in c.children if p.dep_ == "pobj"]
        seen = {entity.code}
        for modifier in modifiers:
            partners = list(modifier.conjuncts)
            if not partners and any(c.dep_ == "cc" for c in modifier.children):
                # "Croatian and Mexican military leaders": the parser may hang both on the noun
                partners = [m for m in modifiers if m.i > modifier.i]
            if not partners:
                continue
            for other in (modifier, *partners):
                codes = [x.entry.roles[0].code for x in self.resolver.index.lookup(other.text)
                         if x.kind in ("adjective", "country")]
                if not codes or codes[0] in seen:
                    continue
                seen.add(codes[0])
                suffix = entity.cameo[3:] if entity.cameo and entity.code and \
                    entity.cameo.startswith(entity.code) else ""
                extra.append(replace(entity, code=codes[0], cameo=codes[0] + suffix,
                                     entity_text=f"{other.text} {head.text}",
                                     start=entity.start, sectors=list(entity.sectors)))
        return extra

    def _first_actor_after(self, verb: Token, ctx: SentenceContext) -> list[Entity]:
        """PETRARCH's target: the first actor in the verb phrase after the verb (and those
        coordinated with it), when no object or preposition names one."""
        skip = {t.i for c in verb.children if c.dep_ in ("conj", "cc", "parataxis")
                for t in c.subtree}
        for token in verb.subtree:
            if token.i <= verb.i or token.i in skip:
                continue
            if token.pos_ in ("PROPN", "NOUN") and token.dep_ not in MODIFIER_DEPS:
                entity = self._entity(token, ctx)
                if entity is not None and _strong(entity):
                    return self._entities(roles.conjuncts(token), ctx)
        return []

    def _find_speakers(self, ctx: SentenceContext) -> None:
        for token in ctx.doc:
            if lemma(token) in frames().speech_verbs and token.pos_ == "VERB":
                subjects = roles.subject_heads(token)
                if subjects:
                    speaker = self._entity(subjects[0], ctx)
                    if speaker is not None:
                        ctx.speakers[token.i] = speaker

    def _speaker_for(self, token: Token, ctx: SentenceContext) -> Entity | None:
        """The speaker of the quote or reported clause `token` is in, if any."""
        for speech, speaker in ctx.speakers.items():
            if _under(token, ctx.doc[speech]):
                return speaker
        if ctx.speakers and _inside_quotes(token, ctx.doc):
            return next(iter(ctx.speakers.values()))
        return None

    def _attribution(self, trigger: Token, ctx: SentenceContext) -> Entity | None:
        for speech, speaker in ctx.speakers.items():
            verb = ctx.doc[speech]
            if trigger == verb:
                continue
            if _under(trigger, verb) or _inside_quotes(trigger, ctx.doc):
                return speaker
        return None

    # -- verb events ---------------------------------------------------------------------

    def _verb_event(self, verb: Token, ctx: SentenceContext, covered: set[int]) -> Coded | None:
        coded = self._pattern_event(verb, self.user_patterns, ctx, "user")
        if coded is None:
            for trigger in verb_triggers(verb, self.knowledge):
                coded = self._code_verb(verb, trigger, ctx)
                if coded is not None:
                    break
        if coded is None and not self._frames_event_noun(verb):
            coded = self._pattern_event(verb, self.patterns, ctx, "cameo")
        if coded is not None:
            covered.add(verb.i)
            covered.update(t.i for t in _object_nouns(verb))
        return coded

    def _pattern_roles(self, verb: Token, match, ctx: SentenceContext
                       ) -> tuple[list[Entity], list[Entity], bool]:
        """Actors and recipients of a pattern event: its $ and + slots (a % slot is a
        compound: 'X and Y agreed' codes each with each), else PETRARCH's rule: the subject,
        and the object or else the first actor after the verb."""
        if match.source is not None and match.source == match.target:
            members = self._entities(roles.conjuncts(match.source), ctx)
            if match.source.i < verb.i:
                return members, [], True
            return self._entities(roles.subject_heads(verb), ctx), members, False
        actors = self._entities(roles.conjuncts(match.source) if match.source is not None
                                else roles.subject_heads(verb), ctx)
        if match.target is not None:
            recipients = self._entities(roles.conjuncts(match.target), ctx)
        else:
            recipients = [r for r in self._entities(roles.object_heads(verb), ctx) if _strong(r)]
            recipients = recipients or self._first_actor_after(verb, ctx)
        keys = {(a.start, a.code) for a in actors}
        return actors, [r for r in recipients if (r.start, r.code) not in keys], False

    def _frames_event_noun(self, verb: Token) -> bool:
        """'enter into discussions': the curated event noun, not the verb, codes the event."""
        return any((found := noun_trigger(n, self.knowledge)) and _carried(n, found[0])
                   for n in _object_nouns(verb))

    def _pattern_event(self, verb: Token, patterns: VerbPatterns | None, ctx: SentenceContext,
                       origin: str) -> Coded | None:
        """An event from a CAMEO verb pattern: its code decides the PLOVER type. Packaged
        CAMEO patterns count only when they matched a content word besides the verb: the
        dictionary's bare verb codes ('report' as 110, 'take' as 171) are too noisy."""
        match = patterns.match(verb) if patterns is not None else None
        if match is None or not (match.code or match.reverse_code):
            return None
        if origin == "cameo" and match.specificity < MIN_CAMEO_SPECIFICITY:
            return None
        code = match.code or match.reverse_code
        entry = self.knowledge.cameo_code(code)
        if entry is None or entry.event is None:
            return None  # CAMEO 01x statements have no PLOVER type
        actors, recipients, compound = self._pattern_roles(verb, match, ctx)
        if match.code is None:  # "[:054]": the event goes from target to source
            actors, recipients = recipients, actors
        reciprocal = compound or (len(actors) > 1 and not recipients)
        first, last = match.matched[0], match.matched[-1]
        return Coded(
            trigger=verb, trigger_tokens=sorted({verb, *_trigger_tokens(verb)}, key=lambda t: t.i),
            event=entry.event, mode=entry.mode or "", cameo=code, context=list(entry.context),
            actors=actors, recipients=_dedupe(recipients), modality=analyse(verb),
            rule=f"{origin}:{match.pattern_id}", attribution=self._attribution(verb, ctx),
            place_anchor=verb, confidence=0.55 if match.specificity else 0.45,
            reverse_cameo=match.reverse_code if match.code else None, reciprocal=reciprocal,
            notes=[f"pattern words: {doc_text(first, last)}"],
        )

    def _code_verb(self, verb: Token, trigger: Trigger, ctx: SentenceContext) -> Coded | None:
        conditions = trigger.conditions
        actor_heads = roles.subject_heads(verb)
        # an event the trigger names as its object is part of it ("held talks"), no participant
        named = {w for w in conditions.get("object", ()) if w in self.knowledge.noun_triggers}
        patient_heads = [h for h in roles.object_heads(verb) if h.lemma_.lower() not in named]
        actors = self._entities(actor_heads, ctx) or [  # "Israeli airstrikes killed 20": whose
            a for h in actor_heads if h.pos_ == "NOUN" for a in self._modifier_actors(h, ctx)]
        patients = self._entities(patient_heads, ctx)
        if "subject_sector" in conditions and not any(
            a.sector in conditions["subject_sector"] for a in actors
        ):
            return None
        if any(a.sector in conditions.get("subject_sector_not", ()) for a in actors):
            return None
        if conditions.get("object_is_actor") and not patients:
            return None
        if "xcomp_event" in conditions and not any(
            t.event in conditions["xcomp_event"]
            for c in verb.children if c.dep_ == "xcomp"
            for t in verb_triggers(c, self.knowledge)
        ):
            return None
        recipients = list(patients)
        partners: list[Entity] = []
        holders = [verb, *_object_nouns(verb)]  # "imposed sanctions on X", "launched an attack on X"
        prep_heads = [ph for holder in holders for ph in roles.prep_objects(
            holder, roles.recipient_preps(trigger.event, holder))]
        for prep, head in prep_heads:
            entity = self._entity(head, ctx)
            if entity is None:
                continue
            (partners if prep in roles.PARTNER_PREPS and trigger.reciprocal else recipients).append(
                entity)
        if conditions.get("swap_roles"):
            actors, recipients = recipients, actors
        coded = Coded(
            trigger=verb, trigger_tokens=_trigger_tokens(verb), event=trigger.event,
            mode=trigger.mode, cameo=trigger.cameo, context=list(trigger.context),
            actors=actors, recipients=recipients, modality=analyse(verb),
            rule=f"trigger:{trigger.id}", reciprocal=trigger.reciprocal,
            attribution=self._attribution(verb, ctx), place_anchor=verb,
        )
        if trigger.reciprocal:
            _make_reciprocal(coded, partners)
        self._refine_by_object_noun(coded, verb)
        if not actors and trigger.event == "ASSAULT":
            self._weapons(coded, actor_heads, ctx)
        return coded

    def _refine_by_object_noun(self, coded: Coded, verb: Token) -> None:
        """'carried out an air strike': the noun's mode and CAMEO code are more specific."""
        for noun in _object_nouns(verb):
            found = noun_trigger(noun, self.knowledge)
            if found and found[0].event == coded.event and found[0].mode and not coded.mode:
                coded.mode, coded.cameo = found[0].mode, found[0].cameo
                coded.trigger_tokens = sorted({*coded.trigger_tokens, *found[1]}, key=lambda t: t.i)

    # -- noun events ---------------------------------------------------------------------

    def _noun_event(self, noun: Token, ctx: SentenceContext, covered: set[int]) -> Coded | None:
        found = noun_trigger(noun, self.knowledge)
        if found is None:
            return None
        trigger, tokens = found
        if not _carried(noun, trigger):
            return None
        light = frames().light_verbs
        if trigger.lemma in frames().state_nouns:  # "are in talks", "remain on strike"
            light = light | frames().state_verbs
        verb, how = roles.governing_verb(noun, light, frames().occurrence_verbs, held_out=True)
        if not how:
            return None
        if how == "light" and verb is not None:
            actors = self._entities(roles.subject_heads(verb), ctx)
            anchor = verb
        else:
            actors = []
            anchor = verb if verb is not None else noun
        own = self._entities(roles.between_heads(noun), ctx)
        modifiers = self._modifier_actors(noun, ctx)
        by_agent = self._entities([h for _, h in roles.prep_objects(noun, {"by"})], ctx)
        if (own or modifiers or by_agent) and roles.held_out_by(noun) is not None:
            actors = []  # "US officials raised the possibility of a Russian invasion": Russia's
        actors = _dedupe(actors + own + modifiers + by_agent)
        recipients: list[Entity] = []
        partners: list[Entity] = []
        for holder in (noun, verb) if verb is not None and how == "light" else (noun,):
            for prep, head in roles.prep_objects(holder, roles.recipient_preps(trigger.event)):
                entity = self._entity(head, ctx)
                if entity is None:
                    continue
                target = partners if prep in roles.PARTNER_PREPS and trigger.reciprocal else recipients
                target.append(entity)
        if trigger.conditions.get("needs_actor") and not actors:
            return None
        covered.update(t.i for t in tokens)
        coded = Coded(
            trigger=noun, trigger_tokens=tokens, event=trigger.event, mode=trigger.mode,
            cameo=trigger.cameo, context=list(trigger.context), actors=actors,
            recipients=_dedupe(recipients), modality=_noun_modality(noun, verb, how),
            rule=f"trigger:{trigger.id}:{how}", reciprocal=trigger.reciprocal,
            attribution=self._attribution(noun, ctx), place_anchor=anchor,
            confidence=0.55 if how == "light" else 0.5,
        )
        if trigger.reciprocal or own:
            _make_reciprocal(coded, partners)
        return coded

    def _modifier_actors(self, noun: Token, ctx: SentenceContext) -> list[Entity]:
        found: list[Entity] = []
        for modifier in roles.modifier_heads(noun):
            entity = self._entity(modifier, ctx)
            if entity is not None and entity.code:
                found.append(entity)
        return found

    def _gerund_subject(self, token: Token) -> bool:
        """An event noun the tagger took for a verb: a gerund with no subject or object of its
        own that is the subject of another verb ("Shelling from Ukraine killed two people",
        "Fighting between the ELN and FARC dissidents forced thousands to flee")."""
        return token.tag_ == "VBG" and token.dep_ in ("nsubj", "csubj", "nsubjpass") and \
            token.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in token.children) and \
            noun_trigger(token, self.knowledge) is not None

    def _weapons(self, coded: Coded, heads: list[Token], ctx: SentenceContext) -> None:
        """An attack by a weapon, or by an attack, with no one named behind it ("a roadside
        bomb killed five soldiers", "two civilians were killed by a bomb", "the attack killed
        five"): PLOVER's unidentified actor (UNK), in the weapon's words; the weapon gives the
        attack its mode where the verb gives none. Not an explosion or a blast, which may be
        an accident (their noun triggers need an actor)."""
        weapons = frames().weapons
        for head in heads:
            if head.pos_ != "NOUN" and not self._gerund_subject(head):
                continue
            if roles.between_heads(head):
                continue  # "Clashes between rebels and soldiers killed 20": the clashes' own event
            found = noun_trigger(head, self.knowledge)
            if found is not None and found[0].event == "ASSAULT" and \
                    not found[0].conditions.get("needs_actor"):
                mode, cameo = found[0].mode, found[0].cameo
            elif head.lemma_.lower() in weapons:
                mode, cameo = weapons[head.lemma_.lower()]
            else:
                continue
            if mode and not coded.mode:
                coded.mode, coded.cameo = mode, cameo
            # "Shelling by rebels", "a roadside bomb planted by the Taliban", "a rocket fired
            # from Gaza": whose
            holders = [head, *(c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN")]
            whose = [e for holder in holders
                     for h in [*(h for _, h in roles.prep_objects(holder, {"from", "by"})),
                               *(p for c in holder.children if c.dep_ == "agent"
                                 for p in c.children if p.dep_ == "pobj")]
                     if (e := self._entity(h, ctx)) is not None and (e.code or e.sector)]
            # "A Russian missile strike killed two people": the modifier of its compound
            whose += [a for c in head.children if c.dep_ == "compound"
                      for a in self._modifier_actors(c, ctx)]
            if whose:  # "Shelling from Ukraine killed two people": Ukraine's
                coded.actors.extend(_dedupe(whose))
                continue
            first = min([head, *(c for c in head.lefts if c.dep_ in WEAPON_WORDS)],
                        key=lambda t: t.i)
            coded.actors.append(Entity(entity_text=doc_text(first, head), sector="UNK",
                                       start=ctx.offset + first.idx,
                                       end=ctx.offset + head.idx + len(head.text),
                                       resolution="unidentified"))

    # -- derived events ------------------------------------------------------------------

    def _quote_allegations(self, events: list[Coded], ctx: SentenceContext) -> list[Coded]:
        """A speaker describing another actor's violence, or its breaking a ceasefire, in
        their own words accuses that actor: S says "X kills its people" -> S ACCUSE X."""
        derived: list[Coded] = []
        for event in events:
            speaker = event.attribution
            if speaker is None or not event.actors or not _inside_quotes(event.trigger, ctx.doc):
                continue  # reported speech is a report; a direct quote is the speaker's charge
            breach = event.event == "RETREAT" and event.modality.modality == "negated"
            if event.event not in CONFLICT_CLAIMS and not breach:
                continue
            targets = [a for a in event.actors if a.code and a.key() != speaker.key()]
            if not targets or any(d.recipients == targets for d in derived):
                continue
            derived.append(Coded(
                trigger=event.trigger, trigger_tokens=event.trigger_tokens, event="ACCUSE",
                mode="allege", cameo="112", context=[], actors=[speaker], recipients=targets,
                modality=Modality(), rule=f"quote-allegation:{event.rule}",
                attribution=speaker, place_anchor=None, confidence=0.45,
            ))
        return derived

    def _apply_future_rule(self, coded: Coded) -> Coded:
        """PLOVER: cooperation announced for the future by its actor is AGREE (or CONCEDE for
        retreats; a promised concession is a CONCEDE already); refusing it ('will not talk') is
        REJECT."""
        event_type = self.knowledge.event_types.get(coded.event)
        future_as = event_type.future_as if event_type else None
        if not (future_as and coded.modality.future and coded.actors):
            return coded
        if coded.rule.startswith("user:"):
            return coded  # the user's own dictionary already codes intent (CAMEO 03x)
        if not _has_subject(coded.place_anchor or coded.trigger):
            return coded  # "there will be talks": nobody committed to anything
        if coded.modality.denial:
            return coded  # "denied reports that the army will withdraw": no refusal by the army
        if coded.modality.modality == "negated":
            coded.notes.append(f"refused {coded.event}")
            coded.event, coded.mode = "REJECT", REFUSAL_MODES.get(coded.event, "")
            coded.cameo = REFUSAL_CAMEO.get(coded.mode, "120")
        else:
            coded.notes.append(f"future {coded.event}")
            if coded.event != future_as:  # a promised concession stays what it is
                coded.event, coded.mode = future_as, ""
                coded.cameo = _future_cameo(future_as, coded.cameo)
        # Asserted now, and still about the future when the intent is in the present: "plan
        # to meet on Thursday" is next Thursday; "met on Wednesday, agreeing to cooperate" is
        # dated as before, by the tense of what it hangs on.
        coded.modality = Modality("asserted", coded.modality.cue,
                                  future=_present_intent(coded.place_anchor or coded.trigger))
        coded.rule += "+future"
        return coded


def _apply_threat_rule(coded: Coded) -> Coded:
    """PLOVER's THREATEN: coercion, sanctions, violence or a strike that its own actor
    announces ('will expel', 'plans to invade'), holds out as possible ('may ban', 'could
    suspend relations') or makes conditional ('to detain journalists if they publish') is a
    threat, and the mode says what is threatened. Negated events, past ones ('may have
    killed', 'detained them if they refused') and what someone else says an actor will do
    ('experts say Russia will attack') stay what they are."""
    content = _threat_content(coded)
    if content is None or not coded.actors or coded.modality.modality == "negated":
        return coded
    if coded.rule.startswith("user:"):
        return coded  # the user's own dictionary codes threats itself (CAMEO 13x)
    anchor = coded.place_anchor or coded.trigger
    cue = _possibility_cue(coded)
    if cue is None:
        cue = _threat_cue(anchor, coded.modality)
        if cue is None or not _has_subject(anchor):
            return coded  # "civilians could be killed": nobody holds anything out
    speaker = coded.attribution
    if speaker is not None and not any(_same_actor(a, speaker) for a in coded.actors):
        return coded  # "Putin said Ukraine could attack": not Ukraine's own threat
    if speaker is None and _reported(anchor):
        return coded  # "analysts say Russia could invade": speculation, not a threat
    coded.notes.append(f"threatened {coded.event} ({cue})")
    coded.event, (coded.mode, coded.cameo) = "THREATEN", content
    coded.modality = Modality("asserted", cue)
    coded.rule += "+threat"
    return coded


def _same_actor(actor: Entity, speaker: Entity) -> bool:
    """The same mention or named actor; a pronoun, which in what a speaker says is the
    speaker ('the rebels said they will attack'); or one country, when the speaker's is
    known and not merely the article's ('Russia will ..., Putin said', not 'experts say')."""
    if (actor.start, actor.end) == (speaker.start, speaker.end) or (
            actor.identifier_text or actor.entity_text) == (
            speaker.identifier_text or speaker.entity_text):
        return True
    if actor.entity_text.lower() in SPEAKER_PRONOUNS:
        return True
    return actor.code is not None and actor.code == speaker.code and (
        speaker.resolution not in ("agent+context", "agent", "unknown", "unresolved"))


SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we", "i"}


def _threat_content(coded: Coded) -> tuple[str, str] | None:
    """The THREATEN mode and CAMEO code for a threatened event, or None if it is none. A
    court's coming verdict threatens nothing, nor does a march: only strikes, boycotts and
    blockades are threatened protest (the manual's 'restrict')."""
    if coded.event == "ASSAULT":
        return "violence", "138"
    if coded.event == "PROTEST":
        return ("restrict", "133") if coded.mode in ("strike", "boycott", "obstruct") else None
    if coded.event == "COERCE":
        if coded.cameo.startswith("1722"):  # banning parties or politicians
            return "ban", "1322"
        return THREAT_OF_COERCION.get(coded.mode, ("", "130"))
    if coded.event == "SANCTION" and coded.mode != "convict":
        return THREAT_OF_SANCTION.get(coded.cameo[:3], ("relations", "131"))
    return None


THREAT_OF_COERCION = {"arrest": ("arrest", "130"), "ban": ("ban", "132"),
                      "restrict": ("restrict", "132"), "curfew": ("restrict", "1323"),
                      "martial-law": ("restrict", "1324"), "censor": ("restrict", "1321"),
                      "deport": ("expel", "130"), "withhold": ("restrict", "130")}
THREAT_OF_SANCTION = {"161": ("relations", "1313"), "162": ("relations", "1311"),
                      "163": ("restrict", "1312"), "164": ("relations", "134"),
                      "165": ("relations", "135"), "166": ("expel", "136")}


def _threat_cue(anchor: Token, modality: Modality) -> str | None:
    """The word that makes an event a threat: an intent ('will', 'plans to'), a possibility
    ('may'), or a condition ('if ...', 'unless ...') hung on an event not yet past. None for
    a perfect ('may have killed'): that is a guess about the past."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children):
        return None
    cue = (modality.cue or "").lower()
    words = frames()
    if modality.future and (cue in words.threat_intents
                            or _cue_lemma(anchor, cue) in words.threat_intents):
        return cue
    if modality.modality == "hypothetical" and cue in words.threat_modals:
        return cue
    if modality.modality != "asserted" or anchor.tag_ not in ("VB", "VBP", "VBZ"):
        return None  # "detained them if they refused": what was done, not held out
    for clause in anchor.children:
        marks = [m for m in clause.children if m.dep_ == "mark"]
        if clause.dep_ == "advcl" and any(m.lower_ in ("if", "unless") and (
                m.i == 0 or m.nbor(-1).lower_ not in ("as", "even")) for m in marks):
            return "if"
    return None


def _possibility_cue(coded: Coded) -> str | None:
    """'raised the possibility of sanctions', 'floats the prospect of suspending talks': the
    noun that holds the event out, when those who would act are the ones who raise it (not
    'the killing raised the spectre of reprisals by Hezbollah', 'Ukraine raised the
    possibility of a Russian attack')."""
    verb = roles.held_out_by(coded.trigger)
    if verb is None or not _has_subject(verb):
        return None
    doc = coded.trigger.doc
    raisers = [doc[h.left_edge.i : h.right_edge.i + 1].text for h in roles.subject_heads(verb)]
    if not any(a.entity_text in r for a in coded.actors for r in raisers):
        return None
    return coded.trigger.head.head.lemma_.lower()


def _reported(token: Token) -> bool:
    """Is `token` in a clause someone is reported to have said?"""
    while token.dep_ in ("ccomp", "conj", "xcomp") and token.head != token:
        token = token.head
        if lemma(token) in frames().speech_verbs:
            return True
    return False


def _cue_lemma(anchor: Token, cue: str) -> str | None:
    """The lemma of the modality cue `cue` ('plans' -> 'plan'), found above the event."""
    for token in (anchor, *list(anchor.ancestors)[:4]):
        if token.lower_ == cue:
            return token.lemma_.lower()
    return None


CASUALTY_EVENTS = {"dead": ("ASSAULT",), "injured": ("ASSAULT",), "arrested": ("COERCE",)}


def _attach_casualties(events: list[Coded], doc: Doc) -> None:
    """Counts of dead, injured and arrested go to the nearest event that can cause them, one
    with an actor first ("Clashes between rebels and soldiers killed 20": the clashes, since
    the killing has no actor of its own and is not recorded)."""
    from dragoman.code.casualties import casualties

    for kind, count, word in casualties(doc):
        fitting = [e for e in events if e.event in CASUALTY_EVENTS[kind]
                   and not e.rule.startswith("quote-allegation")]
        if not fitting:
            continue
        target = min(fitting, key=lambda e: (not e.actors, e.trigger != word,
                                             abs(e.trigger.i - word.i)))
        if getattr(target, kind) is None:
            setattr(target, kind, count)


def _merge_intents(events: list[Coded]) -> list[Coded]:
    """'agreed to hold talks': the specific intent (AGREE 036, from the future rule) replaces
    the generic AGREE of the verb that governs it; so does a promised retreat or concession
    ('agreed to withdraw', 'promised to end the curfew' are CONCEDE, as PLOVER codes them),
    and a threat with its content ('vowed to attack', 'threatened to expel the envoy') the
    generic AGREE or THREATEN of the verb that announced it."""
    specific = [e for e in events if e.rule.endswith(("+future", "+threat"))
                or (e.event == "CONCEDE" and e.modality.future and e.actors)]
    kept = []
    for event in events:
        if event.rule.endswith(("+future", "+threat")) or event.event not in ("AGREE",
                                                                              "THREATEN"):
            kept.append(event)
            continue
        replaced_by = ("AGREE", "CONCEDE", "THREATEN") if event.event == "AGREE" else (
            "THREATEN",)  # 'threatened to end the protests' is no concession
        if any(_governs(event.trigger, e.place_anchor or e.trigger) and e.event in replaced_by
               for e in specific):
            continue  # 'promised to attack': the threat of violence, not a bare promise
        kept.append(event)
    return kept


def _governs(head: Token, token: Token) -> bool:
    return any(a == head for a in token.ancestors)


REFUSAL_MODES = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
                 "RETREAT": "yield", "CONCEDE": "yield"}
REFUSAL_CAMEO = {"meet": "125", "assist": "121", "yield": "124"}


def _present_intent(verb: Token) -> bool:
    """Is the intent that governs `verb` ('plan' of 'plan to meet') in the present tense or
    with a present auxiliary ('are set to meet', 'will try to meet')?"""
    intent = verb.head if verb.dep_ == "xcomp" else verb
    tags = [intent.tag_, *(c.tag_ for c in intent.children if c.dep_ in ("aux", "auxpass"))]
    return any(tag in ("VBP", "VBZ", "MD") for tag in tags)


def _future_cameo(event: str, cameo: str) -> str:
    if event == "CONCEDE":  # CAMEO 035x mirrors 08x: intent to ease sanctions, to de-escalate
        return {"081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355",
                "087": "0356"}.get(cameo[:3], "035")
    # CAMEO 03x mirrors 04x-07x: intent to meet (036), to cooperate (031), to give aid (033)
    return {"04": "036", "05": "032", "06": "031", "07": "033"}.get(cameo[:2], "030")


def _has_subject(anchor: Token) -> bool:
    return anchor.pos_ in ("VERB", "AUX") and bool(roles.subject_heads(anchor))


def _noun_modality(noun: Token, verb: Token | None, how: str) -> Modality:
    own = analyse(noun)
    if own.modality != "asserted" or verb is None:
        return own
    return analyse(verb) if how in ("light", "occurrence") else own


def _make_reciprocal(coded: Coded, partners: list[Entity]) -> None:
    """PLOVER puts every participant of a meeting (or a clash) in `actor`, no recipient."""
    participants = _dedupe(coded.actors + partners + (coded.recipients if coded.event in (
        "CONSULT", "COOPERATE") or (coded.event == "ASSAULT" and partners) else []))
    if len(participants) >= 2 or partners:
        coded.actors = participants
        coded.recipients = [r for r in coded.recipients if r not in participants]
        if coded.event in ("CONSULT", "COOPERATE"):
            coded.recipients = []


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: set[tuple] = set()
    out: list[Entity] = []
    for entity in entities:
        key = (entity.start, entity.end, entity.code, entity.sector)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out


def _trigger_tokens(verb: Token) -> list[Token]:
    tokens = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return sorted(tokens, key=lambda t: t.i)


# What a carrier noun carries: force ('a bombing campaign', 'an arrest operation'), not the
# aim of an advocacy campaign ('a release campaign for the hostages').
CARRIED_EVENTS = {"ASSAULT", "COERCE", "MOBILIZE"}


def _carried(noun: Token, trigger: Trigger) -> bool:
    """False for an event noun before a carrier ('campaign') that carries no such event."""
    return not (noun.dep_ == "compound" and noun.head.lemma_.lower() in roles.CARRIERS
                and trigger.event not in CARRIED_EVENTS)


def _object_nouns(verb: Token) -> list[Token]:
    """The verb's object nouns, and the event a carrier object names ('a bombing campaign')."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    for child in verb.children:
        if child.dep_ == "prep":
            nouns.extend(p for p in child.children if p.dep_ == "pobj" and p.pos_ == "NOUN")
    return nouns + [c for n in nouns if n.lemma_.lower() in roles.CARRIERS for c in n.children
                    if c.dep_ == "compound" and c.pos_ == "NOUN"]


MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "case", "npadvmod", "nummod"}
WEAK_RESOLUTIONS = {"agent+context", "agent", "unknown", "located", None}


def _strong(entity: Entity) -> bool:
    """An actor the text names (not only a generic word given the article's country)."""
    return bool(entity.code) and entity.resolution not in WEAK_RESOLUTIONS


# The words of a weapon's name before it: "a roadside bomb", "an improvised explosive device".
WEAPON_WORDS = ("det", "amod", "compound", "nummod")


def doc_text(first: Token, last: Token) -> str:
    return first.doc[min(first.i, last.i) : max(first.i, last.i) + 1].text


def _under(token: Token, ancestor: Token) -> bool:
    return any(a == ancestor for a in token.ancestors)


def _inside_quotes(token: Token, doc: Doc) -> bool:
    """Inside an open quotation: an odd number of quote marks before the token."""
    marks = sum(1 for t in doc[: token.i] if t.text in ('"', "“", "”", "``", "''"))
    return marks % 2 == 1 or (doc[0].text in ("“", '"') and marks == 1)
