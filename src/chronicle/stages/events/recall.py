"""Events the rules missed: the learned sentence head proposes a type, the rules' argument finder codes it.

On real news most missed events sit in sentences where the trigger lexicon matched nothing in the
sense it knows ("faces charges of", "hit out at", "held talks" phrased otherwise), while the
sentence head of ``chronicle.models.EventClassifier`` (trained on the realnews train split) sees that
the sentence reports an event of some PLOVER type. This stage runs the head on every parsed sentence
that holds no draft (with the screen on, the sentences holding a form of a trigger lemma and a
possible actor: on realnews dev that scored better than parsing every sentence for it); for each
type whose probability reaches the shipped ``recall`` threshold it marks each content word of the sentence in turn, lets the candidate head say which word most likely
carries that type, and codes that word as a trigger with the events stage's own argument rules
(subject, object, ``by``/``against`` phrases, passives). The later stages then treat the draft like
any other: factuality, attribution, relevance (no political actor, no event), dates, places and the
calibrated confidence, which is how a user tells these events from the lexicon's (they start
from the classifier's probability, not from a lexicon sense). Nothing is added where the rules
already coded an event: the rules' events and types stay theirs.

The threshold is chosen by ``tools/fit_recall.py`` on the realnews train split out of fold (models
that never saw the sentence's story), never on dev or test: the best type F1 among thresholds at
which the added events are right at least as often as the rules' own (lower thresholds add events
right only one time in four or three, and false alarms on BBC sport and technology text). The
shipped 0.3 adds few events; ``EventRecallStage(threshold=...)`` changes it (above 1: off).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from chronicle.knowledge.lexicon import Lexicon, TriggerEntry
from chronicle.models.event_classifier import (CANDIDATE_LABELS, Candidate, EventClassifier,
                                               shipped_classifier)
from chronicle.record import Draft, Work
from chronicle.schema import PLOVER_TYPES
from chronicle.stages.base import Stage, StageContext
from chronicle.stages.events import EventsStage

TRIGGER_POS = ("VERB", "NOUN")
TRIES = 3
"""Words tried per proposed type, best first, until one has an actor in its argument slots."""


class EventRecallStage(Stage):
    """Add the events the sentence head finds in sentences where the rules coded none."""

    name = "event_recall.v1"
    requires = ("doc", "actors_at", "drafts")
    assigns = ("drafts",)

    def __init__(self, *, threshold: float | None = None, classifier: EventClassifier | None = None,
                 lexicon_files: tuple[str, ...] = ()):
        """``threshold``: the sentence-head probability a type needs (None: the shipped one; above 1
        adds nothing); ``classifier``: a model other than the shipped one."""
        self.threshold = threshold
        self.classifier = classifier
        self.rules = EventsStage(lexicon_files=lexicon_files)

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the classifier, its threshold and the rules' lexicon (once per Coder)."""
        if self.classifier is None:
            self.classifier = shipped_classifier()
        if self.threshold is None:
            self.threshold = float(self.classifier.thresholds.get("recall", 1.01))
        self.rules.initialize(context)
        self.cameo_by_type = type_cameo(self.rules.lexicon)

    def __call__(self, work: Work) -> Work:
        if self.threshold > 1.0:
            return work
        coded = {d.sentence_index for d in work.drafts}
        open_sentences = [s for s in work.doc.sents if s.text.strip()
                          and work.sentence_number(s.start_char) not in coded]
        if not open_sentences:
            return work
        texts = [s.text.strip() for s in open_sentences]
        probabilities = self.classifier.sentence_matrix(texts)
        added = []
        for sent, text, row in zip(open_sentences, texts, probabilities):
            proposed = [(float(p), t) for t, p in zip(PLOVER_TYPES, row) if p >= self.threshold]
            for p, event_type in sorted(proposed, reverse=True):
                draft = self._code(sent, text, event_type, work, {d.trigger.i for d in added})
                if draft is not None:
                    draft.type_confidence = round(p, 4)
                    added.append(draft)
        work.drafts = sorted(work.drafts + added, key=lambda d: d.trigger.i)
        return work

    def _code(self, sent, text: str, event_type: str, work: Work, taken: set[int]) -> Draft | None:
        """The best-scoring content word coded as a trigger of ``event_type``, with its arguments."""
        for token in self._ranked_words(sent, text, event_type, work, taken)[:TRIES]:
            entry = entry_for(self.rules.lexicon, token, event_type, self.cameo_by_type)
            draft = self.rules._draft(sent, token, entry, work, {})
            if draft is not None:
                return draft
        return None

    def _sense_rejected(self, token: Token, work: Work) -> bool:
        """A word the lexicon reads by the shape of its clause (``when``/``unless``) and whose clause
        matches none of its senses: "the IMF warned that growth could slow" is no threat, and the
        sentence head must not make it one."""
        return any(e.when or e.unless for e in _entries(self.rules.lexicon, token)) \
            and self.rules.match(token, work) is None

    def _ranked_words(self, sent, text: str, event_type: str, work: Work, taken: set[int]) -> list[Token]:
        """The sentence's verbs and nouns outside actor names, but not words whose sense the lexicon's
        clause conditions rejected: first those the lexicon gives this type in some sense, then the
        others, each group by the candidate head's P(type)."""
        offset = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        words = [t for t in sent if t.pos_ in TRIGGER_POS and t.dep_ != "compound" and t.is_alpha
                 and not t.is_stop and t.i not in work.actors_at and t.i not in taken
                 and not self._sense_rejected(t, work)]
        if not words:
            return []
        candidates = [Candidate(text, t.idx - offset, t.idx + len(t) - offset, event_type) for t in words]
        column = CANDIDATE_LABELS.index(event_type)
        scores = self.classifier.candidate_matrix(candidates)[:, column]
        known = [any(e.event_type == event_type for e in _entries(self.rules.lexicon, t)) for t in words]
        ranked = sorted(range(len(words)), key=lambda i: (not known[i], -scores[i]))
        return [words[i] for i in ranked]


def entry_for(lexicon: Lexicon, token: Token, event_type: str, cameo_by_type: dict[str, str]) -> TriggerEntry:
    """The lexicon's entry for this word and type when it has one (its CAMEO code and target
    prepositions, whatever objects its sense asks for), else a plain entry with the type's most
    common CAMEO code in the lexicon."""
    for entry in _entries(lexicon, token):
        if entry.event_type == event_type:
            return entry.model_copy(update={"objects": (), "not_objects": ()})
    return TriggerEntry(lemma=token.lemma_.lower(), pos=token.pos_, event_type=event_type,
                        cameo=cameo_by_type[event_type])


def _entries(lexicon: Lexicon, token: Token) -> list[TriggerEntry]:
    """The lexicon's entries for the word's lemma and part of speech, every sense."""
    return lexicon.candidates(token.lemma_.lower(), token.pos_)


def type_cameo(lexicon: Lexicon) -> dict[str, str]:
    """Each PLOVER type's most frequent CAMEO code among the lexicon's entries (a type the lexicon
    lacks would get 010, a statement: none does today)."""
    counts: dict[str, Counter] = {t: Counter() for t in PLOVER_TYPES}
    for entries in lexicon.by_head.values():
        for entry in entries:
            counts.setdefault(entry.event_type, Counter())[entry.cameo] += 1
    return {t: (c.most_common(1)[0][0] if c else "010") for t, c in counts.items()}
