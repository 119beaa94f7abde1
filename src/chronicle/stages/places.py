"""Geocode where each event happened, not every place the sentence names.

Preference order: a place phrase attached to the event ("talks ... in Cairo"), a place the event's
clause is a relative clause of ("in Cairo, where the talks took place"), then another place named in
the same sentence that is not itself an actor ("Israel demands" names an actor, not a place). Each
choice keeps its words, offsets, method and a confidence so a user can check it.

Towns and villages of 1,000 to 14,999 people (where much conflict happens) are looked up too, but
only for a span that looks like a place name and nothing else: a GPE or LOC entity whose words are
capitalised proper nouns and that no actor mention covers, and only in a country the story is
about (the event's actors' countries and the article's most named country): a village that shares
its name with a word, a person or a village abroad is no place of this event. Such a place is
``city`` precision, with a tenth less confidence than a city found the same way.

A town written with its state, province or country after a comma ("Kingston, Ont.", "Staunton,
Va.", "SPRINGFIELD, Ill. --") is looked up there first, as a reader does (the gazetteer's
``within``): otherwise the biggest town of the name wins, often abroad.
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Span as SpacySpan, Token

from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.gazetteer import MIN_CITY_POPULATION, Gazetteer
from chronicle.knowledge.lexicon import load_lexicon
from chronicle.schema import Location
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.tree import ents_in

PLACE_LABELS = ("GPE", "LOC", "FAC")
SMALL_PLACE_LABELS = ("GPE", "LOC")
SMALL_PLACE_DISCOUNT = 0.9  # confidence factor for a town or village (below 15,000 people)
NOT_COUNTRIES = {"IGO", "NGO", "MNC"}


class PlacesStage(Stage):
    name = "places.v2"
    requires = ("drafts", "actors_at")
    assigns = ("location",)

    def __init__(self, *, lexicon_files: tuple[str, ...] = (), small_places: bool = True):
        """``small_places=False`` stops at cities of 15,000 people (as places.v1 did), for comparisons."""
        self.lexicon_files = tuple(lexicon_files)
        self.small_places = small_places
        self.gazetteer: Gazetteer | None = None
        self.lexicon = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the gazetteer, the cue words and the trigger lexicon (the user's, when given: it
        decides which nouns are events that own a place)."""
        if context is not None and not self.lexicon_files:
            self.lexicon_files = tuple(context.lexicon_files)
        if self.gazetteer is None:
            self.gazetteer = Gazetteer.load()
        self.cues = load_cues()
        if self.lexicon is None:
            self.lexicon = load_lexicon(self.lexicon_files)

    def __call__(self, work: Work) -> Work:
        if self.gazetteer is None:
            self.initialize()
        story = story_countries(work)
        for draft in work.drafts:
            draft.location = self.locate(draft, work, story)
        return work

    def locate(self, draft: Draft, work: Work, story: frozenset[str] = frozenset()) -> Location | None:
        """Where the event happened: a place attached to its clause first, then weaker evidence
        (a relative clause, the event noun's phrase, any other place in the sentence). ``story``
        holds the countries the article is about, where a town or village may be looked up."""
        resolve = functools.partial(self._resolve, draft=draft, work=work, story=story)
        heads = {draft.trigger.i}
        if draft.anchor is not None:
            heads.add(draft.anchor.i)
        ents = [e for e in ents_in(draft.sentence) if e.label_ in PLACE_LABELS]
        # 1. "in Cairo" attached to the trigger or its clause.
        for ent in ents:
            prep = ent.root.head
            if ent.root.dep_ == "pobj" and prep.lower_ in self.cues.place_preps and prep.head.i in heads:
                loc = resolve(ent, "attached", 0.8)
                if loc:
                    return loc
        # 2. "in Cairo, where the talks took place".
        node: Token = draft.anchor if draft.anchor is not None else draft.trigger
        for _ in range(4):
            if node.dep_ == "relcl" and node.head.ent_type_ in PLACE_LABELS:
                for ent in ents:
                    if ent.start <= node.head.i < ent.end:
                        loc = resolve(ent, "relative-clause", 0.75)
                        if loc:
                            return loc
            if node.head.i == node.i:
                break
            node = node.head
        # 3. "talks between X and Y in Cairo": a place inside an event noun's own phrase.
        subtree = {t.i for t in draft.trigger.subtree} if draft.trigger.pos_ == "NOUN" else set()
        for ent in ents:
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ in self.cues.place_preps and ent.root.i in subtree:
                loc = resolve(ent, "phrase", 0.7)
                if loc:
                    return loc
        # 4. Another place in the sentence that is not used as an actor.
        for ent in ents:
            if self._is_actor(ent, work) or self._belongs_to_other_event(ent, draft):
                continue
            loc = resolve(ent, "sentence", 0.45)
            if loc:
                return loc
        return None

    def _belongs_to_other_event(self, ent, draft: Draft) -> bool:
        """"Ahead of the negotiations in Cairo, X warned": Cairo is where the negotiations are."""
        prep = ent.root.head
        if ent.root.dep_ != "pobj":
            return False
        owner = prep.head
        return owner.i != draft.trigger.i and owner.pos_ == "NOUN" and bool(self.lexicon.types_of(owner))

    def _is_actor(self, ent, work: Work) -> bool:
        mentions = work.actors_at.get(ent.root.i, [])
        return any(m.start <= ent.start_char and m.end >= ent.end_char and m.kind == "country" for m in mentions)

    def _resolve(self, ent, method: str, confidence: float, *, draft: Draft, work: Work,
                 story: frozenset[str]) -> Location | None:
        text, region = self.gazetteer.town_and_region(ent)
        if text.lower().startswith("the "):
            start = ent.start_char + 4
            text = text[4:]
        else:
            start = ent.start_char
        hint = next((a.country for a in draft.source + draft.target if a.country), None)
        small = self.small_places and _proper_place_name(ent) and not _covered_by_actor(ent, work)
        countries = story | {a.country for a in draft.source + draft.target
                             if a.country and a.country not in NOT_COUNTRIES}
        place = self.gazetteer.resolve(text, country_hint=hint, small=small, countries=countries, within=region)
        if place is None:
            return None
        if place.population is not None and place.population < MIN_CITY_POPULATION:
            confidence = round(confidence * SMALL_PLACE_DISCOUNT, 2)
        return Location(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, precision=place.precision, text=text,
                        start=start, end=ent.end_char, method=method, confidence=confidence)


def _covered_by_actor(ent: SpacySpan, work: Work) -> bool:
    """Whether any actor mention (a person, a group, ...) overlaps the span."""
    return any(m.start < ent.end_char and ent.start_char < m.end
               for t in ent for m in work.actors_at.get(t.i, []))


def _proper_place_name(ent: SpacySpan) -> bool:
    """A GPE/LOC span whose words are capitalised proper nouns ("Kafr Nabl", not "Police" the
    noun, not a lower-case or all-capital word)."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in ("the", "al", "el", "de", "of")]
    return ent.label_ in SMALL_PLACE_LABELS and bool(words) and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words)


def story_countries(work: Work) -> frozenset[str]:
    """The country (or countries, on a tie) that the article's actors name most often."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for mentions in work.actors_at.values():
        for m in mentions:
            if id(m) not in seen and m.country and m.country not in NOT_COUNTRIES:
                seen.add(id(m))
                counts[m.country] += 1
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(c for c, n in counts.items() if n == top)
