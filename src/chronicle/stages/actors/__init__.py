"""Find the actors an article names and code them: country + sector (+ role) as of its date.

Actors are noun phrases. A phrase is coded from what the knowledge base knows about its head (a
person, an organisation, a country), else from a generic agent or title at its head ("troops",
"prime minister") combined with the country or organisation that modifies it ("Israeli troops",
"Hamas' political bureau chief"), else kept as an unknown actor with its text. Pronouns and group
anaphors ("the two factions", "his organization") are resolved by ``chronicle.stages.actors.anaphora``.

The whole article is read first (``context``): the story's country and time decide what an ambiguous
name means ("Georgia", "Congress", a surname). Titles, parties and regions code people the knowledge
base lacks (``descriptors``), and later short mentions ("Mr Blair", "the prime minister", "NRA")
take the identity of the entity the article named in full before them (``linking``). State and
provincial bodies and offices ("the Ohio legislature", "Ontario Premier X") are their country's
government or legislature with the region in the role. The phrase matchers and the index of what
they found in one article are in ``matching``; common-noun phrases that still name an actor ("senior
union figures", "the Clinton administration", the place an act lands) in ``nouns``.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Span as SpacySpan, Token

from chronicle.knowledge.actors import ActorEntry, ActorKB, Region, load_actor_cues, load_actor_kb
from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.gazetteer import Gazetteer
from chronicle.record import ActorMention, Work
from chronicle.stages.actors import anaphora, borrowed, descriptors, linking, nouns
from chronicle.stages.actors.context import StoryContext, read_story
from chronicle.stages.actors.matching import ActorMatcher, TokenIndex
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.model import load_model
from chronicle.syntax.tree import doc_text, ent_at

# Children that belong to a noun phrase's premodifiers (kept when cutting the phrase).
NP_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "punct",
                "predet", "nn"}
BREAKS = {"-", "—", "–", "--", ":", ";", "(", ")"}
ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative"}
SUBNATIONAL_BODY_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL"}
"""Sectors of the agents that, named with a region ("the Ohio legislature", "Quebec's government"),
are the region's institution: coded with the region in their role."""


def np_tokens(head: Token) -> list[Token]:
    """The head and its premodifiers: the phrase that names an actor."""
    out = [head]
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            out.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "case" and child.i == head.i + 1):
            out.extend(child.subtree)
    out = sorted(set(out), key=lambda t: t.i)
    # A dateline or dash before the phrase is not part of it: "MAIDUGURI, Nigeria - Two bombers".
    cut = [i for i, t in enumerate(out) if t.i < head.i and (_is_break(t) or "\n" in t.text_with_ws)]
    if cut:
        out = out[cut[-1] + 1:]
    while out and (out[0].is_punct or out[0].is_space) and out[0] is not head:
        out = out[1:]  # nor is the blank where the screen left out a sentence before it
    return out


def _is_break(token: Token) -> bool:
    """A dash between spaces breaks a phrase ("Nigeria - Two bombers"); a hyphen inside a word
    does not ("the Saudi-led coalition")."""
    if token.text not in BREAKS:
        return False
    inside_word = not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    return not inside_word


_UNHANDLED = object()
"""``_known_name``'s answer when a name does not decide the phrase: the weaker rules try it."""


class ActorsStage(Stage):
    """Detect actor phrases, code them with the knowledge base, resolve anaphors."""

    name = "actors.v1"
    requires = ("doc",)
    assigns = ("mentions", "actors_at", "story_country", "owners_at")

    def __init__(self, *, actor_files: Iterable[str] = (), nlp=None):
        self.actor_files = tuple(actor_files)
        self._nlp = nlp
        self.kb: ActorKB | None = None
        self.matcher: ActorMatcher | None = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the actor knowledge base (with the user's actor files) and the gazetteer, and build
        the phrase matcher on the Coder's spaCy vocabulary (or the default pipeline's, alone)."""
        if context is not None:
            self.actor_files = self.actor_files or tuple(context.actor_files)
            self._nlp = self._nlp or context.nlp
        if self.kb is None:
            self.kb = load_actor_kb(self.actor_files)
            self.gazetteer = Gazetteer.load()
        if self.matcher is None:
            self.matcher = ActorMatcher(self._nlp or load_model(), self.kb)

    def __call__(self, work: Work) -> Work:
        doc = work.doc
        if self.matcher is None:
            self.initialize()
        matches = self.matcher(doc)
        story = read_story(work, self._nlp or load_model(), self.matcher, self.kb, self.gazetteer, matches)
        index = TokenIndex(doc, matches, self.kb, story)
        work.mentions, work.actors_at = [], {}
        for sent in doc.sents:
            for token in sent:
                inquired = inquired_person_modifier(token)
                if not (_is_np_head(token) or inquired):
                    continue
                mention = self.code_phrase(token, index, work)
                if mention is not None and (not inquired or mention.kind == "person"):
                    work.mentions.append(mention)
                    work.actors_at[token.i] = [mention]
        descriptors.merge_appositions(work)
        linking.link(work, story, self.kb)
        descriptors.speaks_for(work, self.kb)
        descriptors.ship_names(work)
        bare = linking.drop_bare_titles(work)
        descriptors.story_countries(work, self.kb, story)
        borrowed.earlier_namesakes(work)
        work.story_country = borrowed.private_people(work, story, self.gazetteer)
        borrowed.unknown_bodies(work, self.gazetteer)
        anaphora.resolve(work, self.kb)
        anaphora.resolve_possessives(work)
        self._context_countries(work, story)
        borrowed.bare_titles(work, bare, story, self.gazetteer)
        descriptors.apposed_names(work)
        return work

    def _context_countries(self, work: Work, story: StoryContext | None = None) -> None:
        """Give generic agents with no country ("police", "the government") the country of their
        sentence or of the story (``borrowed.context_countries``)."""
        borrowed.context_countries(work, story, self.gazetteer)

    # -- coding one phrase ----------------------------------------------------------------
    def code_phrase(self, head: Token, index: "TokenIndex", work: Work) -> ActorMention | None:
        """Code the noun phrase headed by ``head``: a name from the knowledge base, a title or agent
        with its organisation or country, or an unknown name kept with its text; None when it
        names no actor. The kinds of evidence are tried from the strongest (a known name) down."""
        tokens = np_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        text = doc_text(head.doc)[start:end]
        base = dict(text=text, start=start, end=end, head_i=head.i, plural=head.tag_ in ("NNS", "NNPS"))
        if head.ent_type_ in NON_ACTOR_ENTS:
            return None
        if _is_place_phrase(head):
            return nouns.place_in_object(head, index, base, self.kb, self.gazetteer)
        entry_span = index.name_at(head)
        if entry_span is not None:
            known = self._known_name(head, entry_span, tokens, index, work, base)
            if known is not _UNHANDLED:
                return known
        if anaphora.is_anaphor(head, tokens):
            return ActorMention(**base, kind="anaphor", method="anaphor:pending", confidence=0.0)
        agent = index.generic_at(head) if head.ent_type_ not in PLACE_ENTS else None
        if agent is not None:
            return self._generic_phrase(agent, tokens, index, work, base)
        ent = head.ent_type_ if head.ent_type_ in ACTOR_ENTS else None
        if head.pos_ == "NOUN" and ent is None and head.dep_ in ARGUMENT_DEPS:
            owned = self._owned_phrase(head, tokens, index, work.published, base)
            if owned is not None:
                return owned
        return self._other_phrase(head, ent, tokens, index, work, base)

    def _known_name(self, head: Token, entry_span, tokens, index: "TokenIndex", work: Work, base: dict):
        """A phrase headed by a knowledge-base name, a region, a party word, a capital used as its
        government ("Cairo said"), or a demonym used as a group ("Azerbaijanis"). ``_UNHANDLED``
        when the name does not make the phrase an actor this way (a capital as a place, a demonym
        adjective, a name this story does not mean)."""
        kb, day, label = self.kb, work.published, index.label(entry_span)
        region = index.region_of(entry_span)
        if region is not None:
            return self._region_phrase(head, region, entry_span, base)
        if label == "NAME":
            others = [t for t in tokens if not entry_span.start <= t.i < entry_span.end]
            entry = self._pick(kb.by_alias[entry_span.text], index, others, entry_span.text)
            named_for = entry is not None and entry.kind == "organisation" and entry.sector == "BUS" \
                and len(entry_span) == 1
            if entry is None or ((entry.kind == "person" or named_for) and _other_first_name(entry_span, self.kb)):
                return _UNHANDLED
            if named_for and linking._full_name_in_text(entry_span.text, head.idx, index.story,
                                                        linking.title_words(kb)) is not None:
                return _UNHANDLED      # "John Kirby ... Kirby said": the surname, not the company Kirby
            return self._named(head, entry, entry_span, tokens, index, work, base)
        if label == "MODIFIER" and head.pos_ == "PROPN":
            party = index.choose(entry_span.text, kb.modifiers[entry_span.text])
            if party is None:
                return _UNHANDLED
            member = ActorMention(**base, name=base["text"], country=party.country, sector=party.sector,
                                  kind="person", method="party-member", confidence=0.5)
            member.affiliation = self._entry_mention(party, base, day)
            return member
        if label == "CAPITAL" and (head.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")
                                   or head.dep_ == "pobj" and head.head.lower_ in ("with", "against", "by")):
            entry = kb.capitals[entry_span.text]
            return ActorMention(**base, name=entry.name, actor_id=entry.id, country=entry.country,
                                sector="GOV", kind="country", method="capital-metonym", confidence=0.6)
        if label == "DEMONYM" and not base["plural"]:
            return None  # "Azerbaijani" alone modifies an actor; it is not one
        if label == "DEMONYM" and head.pos_ in ("PROPN", "NOUN"):
            entry = kb.demonyms[entry_span.text]
            return ActorMention(**base, name=entry.name, actor_id=None,
                                country=entry.country, sector="CVL", kind="group", method="demonym",
                                confidence=0.6)
        return _UNHANDLED

    def _named(self, head: Token, entry: ActorEntry, entry_span, tokens, index: "TokenIndex", work: Work,
               base: dict) -> ActorMention:
        """A phrase headed by a knowledge-base entry's name: coded as the entry (a person by the role
        the date or the text gives), as a region's body ("the New Jersey Senate"), or, for a common
        body name in another country's story ("the Senate" in Manila), as that country's body."""
        kb, day = self.kb, work.published
        body = self._region_body(entry, entry_span, tokens, index, base)
        if body is not None:
            return body
        if entry_span.text in load_actor_cues().context_bound_names and index.story.foreign(entry.country):
            return ActorMention(**base, name=base["text"], country=index.story.main, sector=entry.sector,
                                kind="organisation", method="body+story-country", confidence=0.5)
        title = index.title_in(tokens)
        if title is not None and descriptors.is_former([t for t in tokens if t.i < title.start]):
            title = None  # "former President X" names an office X no longer holds
        coding = descriptors.person_coding(kb, entry, index.story, title.text.lower() if title is not None else None)
        mention = ActorMention(**base, name=entry.name, actor_id=entry.id, country=coding.country,
                               sector=coding.sector, role=coding.role, kind=entry.kind,
                               method=coding.method, confidence=coding.confidence)
        if entry.kind == "person":
            aff = kb.affiliation(entry)
            if aff is not None:
                mention.affiliation = self._entry_mention(aff, base, day)
            self._apply_modifiers(mention, tokens, index, work, keep_codes=coding.method != "knowledge-base:default")
        return mention

    def _region_body(self, entry: ActorEntry, entry_span, tokens, index: "TokenIndex", base: dict) -> ActorMention | None:
        """"the New Jersey Senate", "Georgia's General Assembly": a national body's name headed by
        a region is the region's body (its country, the body's sector), never the national one."""
        word = entry_span.text.lower()
        regions = index.regions_in([t for t in tokens if t.i < entry_span.start])
        if word not in self.kb.body_words or not regions or entry.kind != "organisation":
            return None
        region = regions[0]
        return ActorMention(**base, name=base["text"], country=region.country, sector=self.kb.body_words[word],
                            role=f"{word} of {region.name}", kind="organisation",
                            method="region-body+subnational", confidence=0.6)

    def _region_body_words(self, head: Token, tokens, index: "TokenIndex", base: dict) -> ActorMention | None:
        """"the Punjab provincial assembly", "Ontario's legislative assembly": body words no name of
        the knowledge base holds, headed by a region, are the region's body."""
        before = [t for t in tokens if t.i < head.i]
        for n in range(min(3, len(before)), -1, -1):
            words = " ".join(t.lower_ for t in [*before[len(before) - n:], head])
            if words in self.kb.body_words:
                regions = index.regions_in([t for t in before[:len(before) - n]])
                if not regions:
                    return None
                region = regions[0]
                return ActorMention(**base, name=base["text"], country=region.country,
                                    sector=self.kb.body_words[words], role=f"{words} of {region.name}",
                                    kind="organisation", method="region-body+subnational", confidence=0.6)
        return None

    def _region_phrase(self, head: Token, region: Region, span, base: dict):
        """A region standing for its government ("New Jersey sued the EPA"), or its people ("the
        Scots"); None for a demonym that only modifies; ``_UNHANDLED`` where the name does not act
        (the weaker rules keep it as a name)."""
        if span.text in self.kb.region_demonyms:
            if not base["plural"]:
                return None
            return ActorMention(**base, name=region.name, country=region.country, sector="CVL", kind="group",
                                method="region-demonym", confidence=0.5)
        acts = head.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or (
            head.dep_ == "pobj" and head.head.lower_ in ("with", "against", "by"))
        if not region.as_actor or not acts:
            return _UNHANDLED  # "the territory of Kashmir": kept as a name, as any other
        return ActorMention(**base, name=region.name, country=region.country, sector="GOV",
                            role=f"government of {region.name}", kind="country",
                            method="region+subnational", confidence=0.6)

    def _generic_phrase(self, agent, tokens, index: "TokenIndex", work: Work, base: dict) -> ActorMention | None:
        """A phrase headed by an agent ("police", "security forces") or a title ("the minister"),
        coded with the country or organisation its modifiers name."""
        kb, label = self.kb, index.label(agent)
        entry = kb.agents.get(agent.text.lower()) if label == "AGENT" else kb.title_entry(agent.text)
        mention = ActorMention(**base, sector=entry.sector if entry else None,
                               role=agent.text.lower() if label == "TITLE" else None,
                               kind="agent" if label == "AGENT" else "person",
                               method="agent" if label == "AGENT" else "title", confidence=0.5)
        self._apply_modifiers(mention, tokens, index, work)
        own = set(range(agent.start, agent.end))
        office = bool(entry is not None and label == "TITLE" and entry.subnational)
        regions = index.regions_in([t for t in tokens if t.i not in own], office) or index.regions_in(
            [t for t in self._modifier_tokens(mention, tokens, index, work) if t.i not in own and t.i > agent.start],
            office)
        if label == "TITLE":
            aff = mention.affiliation
            former = descriptors.is_former([t for t in tokens if t.i < agent.start])
            if former:
                mention.sector = None  # the office's sector is not a former holder's
            descriptors.apply_title(mention, agent.text.lower(), entry, regions, aff.sector if aff else None, former)
        elif regions:
            mention.method += "+subnational"  # "the Texas legislature": the state's, not the nation's
            if mention.sector in SUBNATIONAL_BODY_SECTORS and mention.country in (None, regions[0].country):
                mention.role = f"{agent.text.lower()} of {regions[0].name}"   # "legislature of Ohio"
        kind_word = [index.generic_spans[t.i] for t in tokens
                     if t.i in index.generic_spans and index.generic_spans[t.i] != agent
                     and index.generic_spans[t.i].label_ == "AGENT"]
        if kind_word and label == "TITLE":
            # "a rebel leader", "an opposition leader": the group word says who the person leads.
            group = kb.agents.get(kind_word[-1].text.lower())
            if group is not None and group.sector and mention.sector is None:
                mention.sector = group.sector
            return mention
        if mention.country is None and mention.affiliation is None and label == "TITLE" and not _has_propn(tokens):
            # "the minister" with no country or organisation: too vague alone; the linking step
            # gives it the minister the article named, or drops it.
            mention.method = "title:bare"
        return mention

    def _owned_phrase(self, head: Token, tokens, index: "TokenIndex", day, base: dict) -> ActorMention | None:
        """"the Taliban hideouts", "Iranian government websites": a common noun owned by a known
        actor acts for it; None when no modifier names one."""
        kb = self.kb
        body = self._region_body_words(head, tokens, index, base)
        if body is not None:
            return body
        mods = index.modifier_entries([t for t in tokens if t.i != head.i], kb)
        if not mods:
            return nouns.group_of_agent(head, tokens, index, base, self.kb)
        owner = mods[0]
        coding = kb.code(owner, day)
        sector = coding.sector if owner.kind != "country" else None
        inner = [index.generic_spans[t.i] for t in tokens if t.i in index.generic_spans]
        if sector is None:
            named = load_cues().org_name_heads.get(head.lower_)
            sector = named or ("GOV" if head.lower_ in load_cues().state_body_heads else None)
        if sector is None and inner:
            entry = kb.agents.get(inner[-1].text.lower()) or kb.titles.get(inner[-1].text.lower())
            sector = entry.sector if entry else None
        return ActorMention(**base, name=base["text"], country=coding.country, sector=sector,
                            kind="group", method=f"owner:{owner.id}", confidence=0.4)

    def _other_phrase(self, head: Token, ent: str | None, tokens, index: "TokenIndex", work: Work,
                      base: dict) -> ActorMention | None:
        """A pronoun left for anaphora, or a name the knowledge base lacks, kept with its text (and
        a sector when its last word says what kind of body it is)."""
        if head.pos_ == "PRON" or (head.pos_ == "DET" and head.dep_ in ("nsubj", "nsubjpass", "dobj")):
            return ActorMention(**base, kind="anaphor", method="anaphor:pending", confidence=0.0)
        if ent is None and head.pos_ != "PROPN":
            return None
        if ent == "NORP" and not base["plural"]:
            return None  # an adjective-like nationality is a modifier, not an actor
        if head.dep_ == "appos" and descriptors.party_tag(head.head, self.kb) is not None:
            return None  # "(R-Ky.)" says who the name before it is; it is no actor of its own
        mention = ActorMention(**base, name=_ent_text(head) or base["text"], kind="person" if ent == "PERSON" else "unknown",
                               method="ner" if ent else "unknown", confidence=0.3)
        self._apply_modifiers(mention, tokens, index, work)
        if mention.sector is None and ent in ("ORG", None) and head.pos_ == "PROPN":
            self._sector_from_name(mention, head)
        if ent == "GPE" and mention.country is None:
            # "Manchester", "Leicester": a town the knowledge base does not list is still of a
            # country (the story's when several share the name); no sector, so never a state.
            # "Kingston, Ont.": a town written with its region is that region's.
            place = self.gazetteer.resolve_written(ent_at(head), mention.name, country_hint=index.story.main)
            if place is not None:
                mention.country, mention.method = place.country, mention.method + "+gazetteer"
        return mention

    def _sector_from_name(self, mention: ActorMention, head: Token) -> None:
        """"the Zorvian Liberation Front" -> REB; "the Canadian International Development Agency"
        -> CAN GOV; "the Staunton Police Department" -> USA COP: an unknown name whose last word
        (or the word before a state body's) says what kind of body it is."""
        cues = load_cues()
        word = head.lower_
        sector = cues.org_name_heads.get(word)
        if sector is None and word in cues.state_body_heads and mention.country is not None:
            # "the Staunton Police Department": a word before the head may say what kind of body it is
            kinds = [cues.org_name_heads[c.lower_] for c in head.children
                     if c.dep_ == "compound" and c.lower_ in cues.org_name_heads]
            sector = kinds[0] if kinds else "GOV"
        if sector is not None:
            mention.sector, mention.kind = sector, "organisation"
            mention.method = mention.method + "+name-head"

    def _place_country(self, tokens: list[Token], index: "TokenIndex", local_body: bool = False) -> str | None:
        """The country of a place that modifies the phrase: "Gaza police", "Nairobi residents" (a
        name several countries share goes to the story's). Before a state body ("Staunton police",
        ``local_body``) a proper noun the gazetteer knows is that town, whatever entity type the
        tagger gave it (it often takes a small town for a person or an organisation), when the
        story is of that town's country or names none ("Federal Police" is no Argentine town's)."""
        story = index.story
        for token in tokens:
            tagged = token.ent_type_ in ("GPE", "LOC")
            if not (tagged or (local_body and token.pos_ == "PROPN")) \
                    or token.dep_ not in ("compound", "nmod", "poss", "amod"):
                continue
            ent = ent_at(token)
            place = self.gazetteer.resolve(ent.text if ent is not None else token.text, country_hint=story.main)
            if place is None and not tagged and ent is not None:
                place = self._leading_place(token, ent, story)
            if place is not None and (tagged or not story.countries or story.supports(place.country)):
                return place.country
        return None

    def _leading_place(self, token: Token, ent, story):
        """"Somerset County Council", "the St. Louis Tea Party Coalition" tagged whole as a body:
        the place its name starts with (its first one to three words after the article), when
        ``token`` is that first word."""
        doc = token.doc
        if any(t.pos_ != "DET" for t in doc[ent.start:token.i]):
            return None
        for end in range(token.i + 1, min(token.i + 3, ent.end - 1) + 1):
            place = self.gazetteer.resolve(doc[token.i:end].text, country_hint=story.main)
            if place is not None:
                return place
        return None

    def _pick(self, entries: list[ActorEntry], index: "TokenIndex", others: list[Token], form: str) -> ActorEntry | None:
        """Among same-named entries the one this article means: a country the rest of the phrase
        names first, then the story's country; None when the name is bound to a country the story
        is not about ("Congress" as India's party in an American story)."""
        if len(entries) == 1 and (form, entries[0].id) not in self.kb.context_only:
            return entries[0]
        nearby = {m.country for m in index.modifier_entries(others, self.kb)}
        return index.choose(form, entries, nearby)

    def _entry_mention(self, entry: ActorEntry, base: dict, day) -> ActorMention:
        """The mention of a knowledge-base entry (a person's organisation) coded on ``day``."""
        coding = self.kb.code(entry, day)
        return ActorMention(**base, name=entry.name, actor_id=entry.id, country=coding.country,
                            sector=coding.sector, kind=entry.kind, method=coding.method,
                            confidence=coding.confidence)

    def _apply_modifiers(self, mention: ActorMention, tokens: list[Token], index: "TokenIndex",
                         work: Work, keep_codes: bool = False) -> None:
        """Fill country/sector/role from modifiers: "Israeli troops", "Hamas member X", appositives,
        titles ("Labour MP X"), party-state tags ("Sen. X (R-Ky.)")."""
        head = mention.head_i
        mods = self._modifier_tokens(mention, tokens, index, work)
        office = self._subnational_office([*mods, work.doc[head]], index)
        for entry in index.modifier_entries(mods, self.kb, office):
            if entry.kind == "organisation" and mention.affiliation is None:
                mention.affiliation = self._entry_mention(entry, dict(text=entry.name, start=mention.start,
                                                                      end=mention.end, head_i=head), work.published)
            if not keep_codes and mention.country is None and entry.country:
                mention.country = entry.country
        if keep_codes:
            return
        if mention.country is None:
            local_body = mention.kind == "agent" and mention.sector in borrowed.STATE_BODY_SECTORS \
                or _named_body(work.doc[head])
            mention.country = self._place_country(mods, index, local_body) \
                or nouns.surname_country(mention, mods, index, self.kb)
        if mention.role is None:
            self._title_codes(mention, mods, index, office)
        aff = mention.affiliation
        if mention.sector is None and aff is not None and mention.kind != "agent":
            mention.sector = aff.sector
        if mention.kind in ("person", "unknown") and work.doc[head].pos_ == "PROPN":
            descriptors.apply_party_tag(mention, work.doc[head], self.kb)
        if mention.country or mention.sector:
            mention.confidence = max(mention.confidence, 0.55)
            if mention.method in ("ner", "unknown"):
                mention.method = "modifiers"

    def _modifier_tokens(self, mention: ActorMention, tokens: list[Token], index: "TokenIndex", work: Work) -> list[Token]:
        """The words that describe the phrase's head: its premodifiers, appositions, "of" phrases of
        agents and titles, the office of "resigned as president of X", a demonym parsed apart."""
        head, doc = mention.head_i, work.doc
        extra = list(tokens)
        for child in doc[head].children:
            if child.dep_ == "appos":
                extra.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ == "of" and mention.kind in ("agent", "person"):
                extra.extend(child.subtree)  # "the government of Brazil", "the prosecutor of the ICC"
        if doc[head].dep_ in ("nsubj", "nsubjpass") and mention.kind in ("person", "unknown"):
            # "Suharto resigned as president of Indonesia": the office the clause names is the subject's
            extra.extend(t for c in doc[head].head.children if c.dep_ == "prep" and c.lower_ == "as"
                         for t in c.subtree)
        mods = [t for t in extra if t.i != head]
        first = min(t.i for t in tokens)
        if first > 0 and doc[first - 1].i in index.name_spans and index.name_spans[first - 1].label_ == "DEMONYM":
            mods.append(doc[first - 1])  # "Azerbaijani troops" parsed as two objects
        return mods

    def _subnational_office(self, mods: list[Token], index: "TokenIndex") -> bool:
        """Whether the phrase's title is an office of a state or province ("State Senator X of
        Georgia": the state, not the country)."""
        title = index.title_in(mods)
        entry = self.kb.title_entry(title.text) if title is not None else None
        return bool(entry is not None and entry.subnational)

    def _title_codes(self, mention: ActorMention, mods: list[Token], index: "TokenIndex",
                     office: bool = False) -> None:
        """A title among the modifiers codes the person: "Labour MP X", "Texas Governor X" (the one
        in the phrase itself before one of "X resigned as chairman"); an office of an unknown body
        ("president of Climax studio") gives no sector."""
        title = index.title_in([t for t in mods if t.i < mention.head_i]) or index.title_in(mods)
        if title is None:
            return
        role = title.text.lower()
        entry = self.kb.title_entry(title.text)
        aff = mention.affiliation
        own = set(range(title.start, title.end))
        former = descriptors.is_former([t for t in mods if t.i < title.start])
        descriptors.apply_title(mention, role, entry, index.regions_in([t for t in mods if t.i not in own], office),
                                aff.sector if aff else None, former)
        if aff is None and any(t.ent_type_ == "ORG" and t.i not in index.name_spans and t.i not in own
                               for t in mods):
            mention.sector = None  # "president of Climax studio": an office of an unknown body


def _other_first_name(span: SpacySpan, kb: ActorKB) -> bool:
    """"Jack McConnell" holds the alias "McConnell" of Mitch McConnell: a person's name that goes on
    to the left of the alias with another given name is someone else; so is a company's one-word
    name (companies are named for people: "John Kirby" is not the company Kirby)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if not before.text[:1].isupper() or before.pos_ != "PROPN" or before.ent_type_ != "PERSON":
        return False
    return before.lower_ not in linking.title_words(kb)


def _named_body(head: Token) -> bool:
    """"Somerset County Council", "the Boston Teachers Union": a proper name ending in a word for
    a kind of body (a local government, ``local_body_heads``, or any body ``org_name_heads`` and
    ``state_body_heads`` list), whose leading place (a town or county) gives it its country."""
    cues = load_cues()
    word = head.lower_
    return head.pos_ == "PROPN" and (word in cues.local_body_heads or word in cues.state_body_heads
                                     or word in cues.org_name_heads)


def _is_np_head(token: Token) -> bool:
    if token.is_space or token.is_punct:
        return False
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "DET"):
        return False
    if token.pos_ in ("NUM", "DET") and token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    if token.dep_ in ("compound", "flat") and token.head.i > token.i:
        return False
    if token.dep_ in ("poss", "nmod") and token.pos_ in ("PRON",):
        return False
    return True


def inquired_person_modifier(token: Token) -> bool:
    """"the Clinton email investigation", "the Flynn probe": a person's name as the modifier of an
    inquiry noun (``inquiry_nouns``) is whom the inquiry looks into, so it is coded as an actor of
    its own (kept only when it codes as a person), though a compound is otherwise part of its
    head's phrase ("the Bush administration": the owner; "the FBI investigation": the doer, coded
    as the phrase's owner; "the Benghazi probe": a place)."""
    head = token.head
    return token.dep_ == "compound" and token.pos_ == "PROPN" and token.ent_type_ == "PERSON" \
        and head.i > token.i and head.pos_ == "NOUN" and head.lemma_.lower() in load_actor_cues().inquiry_nouns


def _is_place_phrase(head: Token) -> bool:
    """"in Gaza and the West Bank": a place named after a place preposition is where, not who."""
    if head.ent_type_ not in PLACE_ENTS:
        return False
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in load_cues().not_actor_preps


def _has_propn(tokens: list[Token]) -> bool:
    return any(t.pos_ == "PROPN" for t in tokens)


def _ent_text(token: Token) -> str | None:
    ent = ent_at(token)
    return ent.text if ent is not None else None
