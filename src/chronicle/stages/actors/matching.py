"""Where the knowledge base's names, titles and regions stand in a parsed article, and what they
mean in this story: the phrase matchers (``ActorMatcher``) and the per-article index of their
spans (``TokenIndex``) the actors stage codes phrases with."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan, Token

from chronicle.knowledge.actors import ActorEntry, ActorKB, Region, load_actor_cues
from chronicle.stages.actors.context import StoryContext, choose_entry, region_reading

NAME_LABELS = ("NAME", "CAPITAL", "DEMONYM", "REGION", "MODIFIER")
"""Labels of the cased matcher, in the order that wins when two cover the same words."""


class ActorMatcher:
    """Exact-string matchers over the knowledge base's names, demonyms, regions, party words,
    agents and titles."""

    def __init__(self, nlp, kb: ActorKB):
        self.kb = kb
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        make = nlp.make_doc
        for label, table in (("NAME", kb.by_alias), ("DEMONYM", kb.demonyms), ("CAPITAL", kb.capitals),
                             ("MODIFIER", kb.modifiers)):
            for term in table:
                self.names.add(label, [make(term)])
        for term in {**kb.regions, **kb.region_demonyms}:
            self.names.add("REGION", [make(term)])
        for label, table in (("AGENT", kb.agents), ("TITLE", kb.titles)):
            # The terms as written: the tokenizer keeps "Sen." whole but splits "sen." in two.
            written = {term for entry in {id(e): e for e in table.values()}.values() for term in entry.terms
                       if term.lower() in table}
            for term in written | set(table):
                self.generic.add(label, [make(term)])
        for term in kb.cased_titles:
            self.cased.add("TITLE", [make(term)])

    def __call__(self, doc: Doc) -> dict[str, list[SpacySpan]]:
        """Longest non-overlapping matches per label; a second label on the very same words (the
        state and the country "Georgia") is kept under "ALT"."""
        found: dict[str, list[SpacySpan]] = {label: [] for label in (*NAME_LABELS, "AGENT", "TITLE", "ALT")}
        rank = {label: n for n, label in enumerate((*NAME_LABELS, "AGENT", "TITLE"))}
        for matchers in ((self.names,), (self.generic, self.cased)):
            spans = [SpacySpan(doc, s, e, label=m) for matcher in matchers for m, s, e in matcher(doc)
                     if not _era_or_unit(doc, s, e)]
            spans.sort(key=lambda sp: (-(sp.end - sp.start), sp.start, rank[sp.label_]))
            taken: dict[int, tuple[int, int]] = {}
            for span in spans:
                if any(i in taken for i in range(span.start, span.end)):
                    if taken.get(span.start) == (span.start, span.end) and span.label_ != found_label(found, span):
                        found["ALT"].append(span)
                    continue
                taken.update((i, (span.start, span.end)) for i in range(span.start, span.end))
                found[span.label_].append(span)
        return found


def _era_or_unit(doc: Doc, start: int, end: int) -> bool:
    """An era abbreviation right after a number dates something, it names no one: "500 B.C." is a
    year, never British Columbia (whose "B.C." heads Canadian stories: "B.C. Premier X"). Only the
    era words of ``actor_cues.yaml``: "200 U.N. peacekeepers" are actors."""
    return start > 0 and doc[start - 1].like_num and doc[start:end].text in load_actor_cues().era_abbreviations


def found_label(found: dict[str, list[SpacySpan]], span: SpacySpan) -> str | None:
    """The label already given to the very words of ``span``, if any."""
    for label, spans in found.items():
        if label != "ALT" and any(s.start == span.start and s.end == span.end for s in spans):
            return label
    return None


class TokenIndex:
    """Which matcher span covers which token, and what a name means in this story."""

    def __init__(self, doc: Doc, matches: dict[str, list[SpacySpan]], kb: ActorKB | None = None,
                 story: StoryContext | None = None):
        self.doc, self.kb = doc, kb
        self.story = story if story is not None else StoryContext()
        self.name_spans: dict[int, SpacySpan] = {}
        self.generic_spans: dict[int, SpacySpan] = {}
        for label in NAME_LABELS:
            for span in matches.get(label, []):
                for i in range(span.start, span.end):
                    self.name_spans[i] = span
        for label in ("AGENT", "TITLE"):
            for span in matches[label]:
                for i in range(span.start, span.end):
                    self.generic_spans[i] = span
        self.alts = {(s.start, s.end): s for s in matches.get("ALT", []) if s.label_ == "REGION"}

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

    def choose(self, form: str, entries: list[ActorEntry], nearby=frozenset()) -> ActorEntry | None:
        """The entry a name or party word means in this story (``context.choose_entry``)."""
        return choose_entry(form, entries, self.kb, self.story, nearby)

    def region_of(self, span: SpacySpan, office: bool = False) -> Region | None:
        """The region a matched name means here: a region's name or demonym, or a name shared with
        a country ("Georgia") that the story reads as the region, or that a sub-national ``office``
        in the phrase makes one ("State Senator X of Georgia"); None otherwise."""
        shared = (span.start, span.end) in self.alts
        if span.label_ == "REGION":
            regions = self.kb.regions.get(span.text) or self.kb.region_demonyms.get(span.text) or []
        elif shared:
            regions = self.kb.regions.get(span.text, [])
        else:
            return None
        near = {t.text for t in self.doc[max(0, span.start - 2):span.end + 1] if t.i not in range(span.start, span.end)}
        if office:
            near.add("state")
        return region_reading(regions, self.story, near, shared)

    def regions_in(self, tokens: list[Token], office: bool = False) -> list[Region]:
        """The regions named among ``tokens``, in order, each once."""
        found: list[Region] = []
        for token in tokens:
            span = self.name_spans.get(token.i)
            region = self.region_of(span, office) if span is not None else None
            if region is not None and region not in found:
                found.append(region)
        return found

    def modifier_entries(self, tokens: list[Token], kb: ActorKB, office: bool = False) -> list[ActorEntry]:
        """Knowledge-base entries named inside the phrase's modifiers ("Israeli", "Hamas'",
        "Tory", "Texas" for its country), in order, each once."""
        seen: list[ActorEntry] = []
        for token in tokens:
            span = self.name_spans.get(token.i)
            if span is None:
                continue
            for entry in self._entries_of(span, kb, office):
                if entry is not None and entry not in seen:
                    seen.append(entry)
        return seen

    def _entries_of(self, span: SpacySpan, kb: ActorKB, office: bool = False) -> list[ActorEntry | None]:
        """What a matched span stands for as a modifier: its entry as this story reads it (a region
        stands for its country)."""
        region = self.region_of(span, office)
        if region is not None:
            return [kb.entries.get(region.country.lower())]
        if span.label_ == "REGION":
            return []
        if span.label_ == "NAME":
            return [self.choose(span.text, kb.by_alias.get(span.text, []))]
        if span.label_ == "MODIFIER":
            return [self.choose(span.text, kb.modifiers.get(span.text, []))]
        if span.label_ == "DEMONYM":
            return [kb.demonyms[span.text]]
        return [kb.capitals[span.text]]
