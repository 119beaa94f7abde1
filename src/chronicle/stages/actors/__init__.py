"""Find the actors an article names and code them: country + sector (+ role) as of its date.

Actors are noun phrases. A phrase is coded from what the knowledge base knows about its head (a
person, an organisation, a country), else from a generic agent or title at its head ("troops",
"prime minister") combined with the country or organisation that modifies it ("Israeli troops",
"Hamas' political bureau chief"), else kept as an unknown actor with its text. Pronouns and group
anaphors ("the two factions", "his organization") are resolved by ``chronicle.stages.actors.anaphora``.
"""

from __future__ import annotations

from typing import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan, Token

from chronicle.knowledge.actors import ActorEntry, ActorKB, load_actor_kb
from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.gazetteer import Gazetteer
from chronicle.record import ActorMention, Work
from chronicle.stages.actors import anaphora
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.model import load_model
from chronicle.syntax.tree import doc_ents, doc_text, ent_at

# Children that belong to a noun phrase's premodifiers (kept when cutting the phrase).
NP_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "punct",
                "predet", "nn"}
BREAKS = {"-", "—", "–", "--", ":", ";", "(", ")"}
ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative"}


class ActorMatcher:
    """Exact-string matchers over the knowledge base's names, demonyms, agents and titles."""

    def __init__(self, nlp, kb: ActorKB):
        self.kb = kb
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc
        for alias in kb.by_alias:
            self.names.add("NAME", [make(alias)])
        for demonym in kb.demonyms:
            self.names.add("DEMONYM", [make(demonym)])
        for capital in kb.capitals:
            self.names.add("CAPITAL", [make(capital)])
        for term in kb.agents:
            self.generic.add("AGENT", [make(term)])
        for term in kb.titles:
            self.generic.add("TITLE", [make(term)])

    def __call__(self, doc: Doc) -> dict[str, list[SpacySpan]]:
        """Longest non-overlapping matches per label."""
        found: dict[str, list[SpacySpan]] = {"NAME": [], "DEMONYM": [], "CAPITAL": [], "AGENT": [], "TITLE": []}
        for matcher in (self.names, self.generic):
            spans = [SpacySpan(doc, s, e, label=m) for m, s, e in matcher(doc)]
            spans.sort(key=lambda sp: (-(sp.end - sp.start), sp.start))
            taken: set[int] = set()
            for span in spans:
                if taken.intersection(range(span.start, span.end)):
                    continue
                taken.update(range(span.start, span.end))
                found[span.label_].append(span)
        return found


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
    while out and out[0].is_punct and out[0] is not head:
        out = out[1:]
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
    assigns = ("mentions", "actors_at")

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
        index = TokenIndex(doc, matches)
        work.mentions, work.actors_at = [], {}
        for sent in doc.sents:
            for token in sent:
                if not _is_np_head(token):
                    continue
                mention = self.code_phrase(token, index, work)
                if mention is not None:
                    work.mentions.append(mention)
                    work.actors_at[token.i] = [mention]
        anaphora.resolve(work, self.kb)
        self._context_countries(work)
        return work

    def _context_countries(self, work: Work) -> None:
        """Give generic agents with no country ("police", "the government") the country of their
        sentence, or else the article's main country: news rarely names the country every time."""
        counts: dict[str, int] = {}
        for m in work.mentions:
            if m.country and m.kind in ("country", "organisation", "person", "group") and m.sector != "MED" \
                    and m.country not in ("IGO", "NGO", "MNC"):
                counts[m.country] = counts.get(m.country, 0) + 1
        for ent in doc_ents(work.doc)[0]:
            if ent.label_ == "GPE":
                place = self.gazetteer.resolve(ent.text)
                if place is not None:
                    counts[place.country] = counts.get(place.country, 0) + 1
        main = max(counts, key=counts.get) if counts else None
        by_sentence: dict[int, list[ActorMention]] = {}
        for o in work.mentions:
            if o.country and o.kind in ("country", "group"):
                by_sentence.setdefault(work.doc[o.head_i].sent.start, []).append(o)
        for m in work.mentions:
            if m.country is not None or m.actor_id or not (m.kind == "agent" or m.method == "title"):
                continue  # a name we do not know is not given a country by guesswork
            local = [o.country for o in by_sentence.get(work.doc[m.head_i].sent.start, []) if o is not m]
            if local:
                m.country, m.method = local[0], m.method + "+sentence-country"
            elif main is not None:
                m.country, m.method = main, m.method + "+article-country"
                m.confidence = min(m.confidence, 0.4)

    # -- coding one phrase ----------------------------------------------------------------
    def code_phrase(self, head: Token, index: "TokenIndex", work: Work) -> ActorMention | None:
        """Code the noun phrase headed by ``head``: a name from the knowledge base, a title or agent
        with its organisation or country, or an unknown name kept with its text; None when it
        names no actor. The kinds of evidence are tried from the strongest (a known name) down."""
        tokens = np_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        text = doc_text(head.doc)[start:end]
        base = dict(text=text, start=start, end=end, head_i=head.i, plural=head.tag_ in ("NNS", "NNPS"))
        if _is_place_phrase(head) or head.ent_type_ in NON_ACTOR_ENTS:
            return None
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
        """A phrase headed by a knowledge-base name, a capital used as its government ("Cairo
        said"), or a demonym used as a group ("Azerbaijanis"). ``_UNHANDLED`` when the name does
        not make the phrase an actor this way (a capital as a place, a demonym adjective)."""
        kb, day, label = self.kb, work.published, index.label(entry_span)
        if label == "NAME":
            entry = self._pick(kb.by_alias[entry_span.text], index, tokens)
            coding = kb.code(entry, day)
            mention = ActorMention(**base, name=entry.name, actor_id=entry.id, country=coding.country,
                                   sector=coding.sector, role=coding.role, kind=entry.kind,
                                   method=coding.method, confidence=coding.confidence)
            if entry.kind == "person":
                aff = kb.affiliation(entry)
                if aff is not None:
                    mention.affiliation = self._entry_mention(aff, base, day)
                self._apply_modifiers(mention, tokens, index, work, keep_codes=coding.method != "knowledge-base:default")
            return mention
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

    def _generic_phrase(self, agent, tokens, index: "TokenIndex", work: Work, base: dict) -> ActorMention | None:
        """A phrase headed by an agent ("police", "security forces") or a title ("the minister"),
        coded with the country or organisation its modifiers name."""
        kb, label = self.kb, index.label(agent)
        entry = kb.agents.get(agent.text.lower()) if label == "AGENT" else kb.titles.get(agent.text.lower())
        mention = ActorMention(**base, sector=entry.sector if entry else None,
                               role=agent.text.lower() if label == "TITLE" else None,
                               kind="agent" if label == "AGENT" else "person",
                               method="agent" if label == "AGENT" else "title", confidence=0.5)
        self._apply_modifiers(mention, tokens, index, work)
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
            # "the minister" with no country or organisation: too vague to be an actor.
            return None
        return mention

    def _owned_phrase(self, head: Token, tokens, index: "TokenIndex", day, base: dict) -> ActorMention | None:
        """"the Taliban hideouts", "Iranian government websites": a common noun owned by a known
        actor acts for it; None when no modifier names one."""
        kb = self.kb
        mods = index.modifier_entries([t for t in tokens if t.i != head.i], kb)
        if not mods:
            return None
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
        mention = ActorMention(**base, name=_ent_text(head) or base["text"], kind="person" if ent == "PERSON" else "unknown",
                               method="ner" if ent else "unknown", confidence=0.3)
        self._apply_modifiers(mention, tokens, index, work)
        if mention.sector is None and ent in ("ORG", None) and head.pos_ == "PROPN":
            self._sector_from_name(mention, head)
        return mention

    def _sector_from_name(self, mention: ActorMention, head: Token) -> None:
        """"the Zorvian Liberation Front" -> REB; "the Canadian International Development Agency"
        -> CAN GOV: an unknown name whose last word says what kind of body it is."""
        cues = load_cues()
        word = head.lower_
        sector = cues.org_name_heads.get(word)
        if sector is None and word in cues.state_body_heads and mention.country is not None:
            sector = "GOV"
        if sector is not None:
            mention.sector, mention.kind = sector, "organisation"
            mention.method = mention.method + "+name-head"

    def _place_country(self, tokens: list[Token]) -> str | None:
        """The country of a place that modifies the phrase: "Gaza police", "Nairobi residents"."""
        for token in tokens:
            if token.ent_type_ in ("GPE", "LOC") and token.dep_ in ("compound", "nmod", "poss", "amod"):
                ent = ent_at(token)
                place = self.gazetteer.resolve(ent.text if ent is not None else token.text)
                if place is not None:
                    return place.country
        return None

    def _pick(self, entries: list[ActorEntry], index: "TokenIndex", tokens: list[Token]) -> ActorEntry:
        """Among same-named entries prefer one whose country is mentioned nearby."""
        if len(entries) == 1:
            return entries[0]
        nearby = {m.country for m in index.modifier_entries(tokens, self.kb)}
        for entry in entries:
            if entry.country in nearby:
                return entry
        return entries[0]

    def _entry_mention(self, entry: ActorEntry, base: dict, day) -> ActorMention:
        coding = self.kb.code(entry, day)
        return ActorMention(**base, name=entry.name, actor_id=entry.id, country=coding.country,
                            sector=coding.sector, kind=entry.kind, method=coding.method,
                            confidence=coding.confidence)

    def _apply_modifiers(self, mention: ActorMention, tokens: list[Token], index: "TokenIndex",
                         work: Work, keep_codes: bool = False) -> None:
        """Fill country/sector/role from modifiers: "Israeli troops", "Hamas member X", appositives."""
        head = mention.head_i
        doc = work.doc
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
        for entry in index.modifier_entries(mods, self.kb):
            if entry.kind == "organisation" and mention.affiliation is None:
                mention.affiliation = self._entry_mention(entry, dict(text=entry.name, start=mention.start,
                                                                      end=mention.end, head_i=head), work.published)
            if not keep_codes and mention.country is None and entry.country:
                mention.country = entry.country
        if not keep_codes and mention.country is None:
            mention.country = self._place_country(mods)
        if not keep_codes:
            aff = mention.affiliation
            if mention.sector is None and aff is not None and mention.kind != "agent":
                mention.sector = aff.sector
            if mention.role is None:
                title = index.title_in(mods)
                if title is not None:
                    mention.role = title.text.lower()
                    if mention.sector is None:
                        entry = self.kb.titles.get(mention.role)
                        mention.sector = entry.sector if entry and entry.sector else (aff.sector if aff else None)
                        title_tokens = set(range(title.start, title.end))
                        if aff is None and any(t.ent_type_ == "ORG" and t.i not in index.name_spans
                                               and t.i not in title_tokens for t in mods):
                            mention.sector = None  # "president of Climax studio": an office of an unknown body
            if mention.country or mention.sector:
                mention.confidence = max(mention.confidence, 0.55)
                if mention.method in ("ner", "unknown"):
                    mention.method = "modifiers"


class TokenIndex:
    """Which matcher span covers which token."""

    def __init__(self, doc: Doc, matches: dict[str, list[SpacySpan]]):
        self.doc = doc
        self.name_spans: dict[int, SpacySpan] = {}
        self.generic_spans: dict[int, SpacySpan] = {}
        for label in ("NAME", "DEMONYM", "CAPITAL"):
            for span in matches[label]:
                for i in range(span.start, span.end):
                    self.name_spans[i] = span
        for label in ("AGENT", "TITLE"):
            for span in matches[label]:
                for i in range(span.start, span.end):
                    self.generic_spans[i] = span

    @staticmethod
    def label(span: SpacySpan) -> str:
        """The matcher's label of a span (NAME, AGENT, TITLE, ...)."""
        return span.label_

    def name_at(self, token: Token) -> SpacySpan | None:
        """The knowledge-base name that covers this token, if any."""
        return self.name_spans.get(token.i)

    def generic_at(self, token: Token) -> SpacySpan | None:
        """The agent or title term that ends at this token ("security forces" at "forces"), if any."""
        span = self.generic_spans.get(token.i)
        if span is not None and span.end - 1 == token.i:
            return span
        return None

    def title_in(self, tokens: list[Token]) -> SpacySpan | None:
        """The last title among the tokens ("Hamas' political bureau chief" -> "chief"), if any."""
        titles = [self.generic_spans[t.i] for t in tokens
                  if t.i in self.generic_spans and self.generic_spans[t.i].label_ == "TITLE"]
        return titles[-1] if titles else None

    def modifier_entries(self, tokens: list[Token], kb: ActorKB) -> list[ActorEntry]:
        """Knowledge-base entries named inside the phrase's modifiers ("Israeli", "Hamas'"), in
        order, each once."""
        seen: list[ActorEntry] = []
        for token in tokens:
            span = self.name_spans.get(token.i)
            if span is None:
                continue
            if span.label_ == "NAME":
                entries = kb.by_alias.get(span.text, [])
            elif span.label_ == "DEMONYM":
                entries = [kb.demonyms[span.text]]
            else:
                entries = [kb.capitals[span.text]]
            for entry in entries:
                if entry not in seen:
                    seen.append(entry)
        return seen


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
