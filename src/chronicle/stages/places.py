"""Geocode where each event happened, not every place the sentence names.

Preference order: a place phrase attached to the event ("talks ... in Cairo"), a place the event's
clause is a relative clause of ("in Cairo, where the talks took place"), then another place named in
the same sentence that is not itself an actor ("Israel demands" names an actor, not a place). Each
choice keeps its words, offsets, method and a confidence so a user can check it.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.gazetteer import Gazetteer
from chronicle.knowledge.lexicon import load_lexicon
from chronicle.schema import Location
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.tree import ents_in

PLACE_LABELS = ("GPE", "LOC", "FAC")


class PlacesStage(Stage):
    name = "places.v1"
    requires = ("drafts", "actors_at")
    assigns = ("location",)

    def __init__(self, *, lexicon_files: tuple[str, ...] = ()):
        self.lexicon_files = tuple(lexicon_files)
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
        for draft in work.drafts:
            draft.location = self.locate(draft, work)
        return work

    def locate(self, draft: Draft, work: Work) -> Location | None:
        """Where the event happened: a place attached to its clause first, then weaker evidence
        (a relative clause, the event noun's phrase, any other place in the sentence)."""
        doc = work.doc
        heads = {draft.trigger.i}
        if draft.anchor is not None:
            heads.add(draft.anchor.i)
        ents = [e for e in ents_in(draft.sentence) if e.label_ in PLACE_LABELS]
        # 1. "in Cairo" attached to the trigger or its clause.
        for ent in ents:
            prep = ent.root.head
            if ent.root.dep_ == "pobj" and prep.lower_ in self.cues.place_preps and prep.head.i in heads:
                loc = self._resolve(ent, draft, "attached", 0.8)
                if loc:
                    return loc
        # 2. "in Cairo, where the talks took place".
        node: Token = draft.anchor if draft.anchor is not None else draft.trigger
        for _ in range(4):
            if node.dep_ == "relcl" and node.head.ent_type_ in PLACE_LABELS:
                for ent in ents:
                    if ent.start <= node.head.i < ent.end:
                        loc = self._resolve(ent, draft, "relative-clause", 0.75)
                        if loc:
                            return loc
            if node.head.i == node.i:
                break
            node = node.head
        # 3. "talks between X and Y in Cairo": a place inside an event noun's own phrase.
        subtree = {t.i for t in draft.trigger.subtree} if draft.trigger.pos_ == "NOUN" else set()
        for ent in ents:
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ in self.cues.place_preps and ent.root.i in subtree:
                loc = self._resolve(ent, draft, "phrase", 0.7)
                if loc:
                    return loc
        # 4. Another place in the sentence that is not used as an actor.
        for ent in ents:
            if self._is_actor(ent, work) or self._belongs_to_other_event(ent, draft):
                continue
            loc = self._resolve(ent, draft, "sentence", 0.45)
            if loc:
                return loc
        return None

    def _belongs_to_other_event(self, ent, draft: Draft) -> bool:
        """"Ahead of the negotiations in Cairo, X warned": Cairo is where the negotiations are."""
        prep = ent.root.head
        if ent.root.dep_ != "pobj":
            return False
        owner = prep.head
        return owner.i != draft.trigger.i and owner.pos_ == "NOUN" and bool(
            self.lexicon.candidates(owner.lemma_.lower(), "NOUN"))

    def _is_actor(self, ent, work: Work) -> bool:
        mentions = work.actors_at.get(ent.root.i, [])
        return any(m.start <= ent.start_char and m.end >= ent.end_char and m.kind == "country" for m in mentions)

    def _resolve(self, ent, draft: Draft, method: str, confidence: float) -> Location | None:
        text = ent.text
        if text.lower().startswith("the "):
            start = ent.start_char + 4
            text = text[4:]
        else:
            start = ent.start_char
        hint = next((a.country for a in draft.source + draft.target if a.country), None)
        place = self.gazetteer.resolve(text, country_hint=hint)
        if place is None:
            return None
        return Location(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, precision=place.precision, text=text,
                        start=start, end=ent.end_char, method=method, confidence=confidence)
