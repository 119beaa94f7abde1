"""Ask the learned event model about each candidate the rules kept, and drop the ones it rejects.

The rules find a trigger word and its arguments; whether that word reports an event of that type in
this sentence ("an official was *fired*", "comments that *echoed*") is where they fail most on real
news. The candidate head of ``chronicle.models.EventClassifier`` reads the sentence with the trigger
marked and gives P(type) for the 16 PLOVER types and NONE. This stage writes the probability of the
draft's own type into ``type_confidence`` (what the calibration stage and ``confidences.event_type``
build on) and, with a ``keep`` threshold above 0, drops the drafts below it.

The shipped threshold is ``calibration/confidence.json``'s ``keep``, chosen by
``tools/fit_calibration.py`` on out-of-fold realnews train events (never on dev or test); a user who
wants fewer, surer events raises ``--min-confidence`` instead, which filters on the calibrated
probability. Re-typing was measured and not adopted (README of the model).
"""

from __future__ import annotations

from chronicle.models.calibration import ConfidenceModel
from chronicle.models.event_classifier import CANDIDATE_LABELS, Candidate, EventClassifier, shipped_classifier
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage, StageContext


def draft_candidate(draft: Draft) -> Candidate:
    """The draft as the classifier sees it: its sentence (stripped, as ``Event.sentence``), the
    trigger's offsets in that text, and the rules' type."""
    raw = draft.sentence.text
    offset = draft.sentence.start_char + (len(raw) - len(raw.lstrip()))
    return Candidate(raw.strip(), draft.trigger_span.start - offset, draft.trigger_span.end - offset,
                     draft.event_type)


class EventModelStage(Stage):
    name = "event_model.v1"
    requires = ("drafts",)
    assigns = ("drafts", "type_confidence")

    def __init__(self, *, keep: float | None = None, classifier: EventClassifier | None = None):
        """``keep``: drop drafts whose type probability is below it (None: the shipped threshold);
        ``classifier``: a model other than the shipped one (the fitting tool's fold models)."""
        self.keep = keep
        self.classifier = classifier

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the shipped classifier and threshold (once per Coder)."""
        if self.classifier is None:
            self.classifier = shipped_classifier()
        if self.keep is None:
            self.keep = float(ConfidenceModel.load().meta.get("keep", 0.0))

    def __call__(self, work: Work) -> Work:
        if not work.drafts:
            return work
        probabilities = type_probabilities(self.classifier, work.drafts)
        kept = []
        for draft, p in zip(work.drafts, probabilities):
            draft.type_confidence = round(p, 4)
            if p >= self.keep:
                kept.append(draft)
        work.drafts = kept
        return work


def type_probabilities(classifier: EventClassifier, drafts: list[Draft]) -> list[float]:
    """The candidate head's probability of each draft's own type (one matrix product for all)."""
    rows = classifier.candidate_matrix([draft_candidate(d) for d in drafts])
    return [float(row[CANDIDATE_LABELS.index(d.event_type)]) for d, row in zip(drafts, rows)]
