"""Turn each finished event's confidence into the probability that the event is right.

Runs last, on the assembled events: the calibration model (``chronicle.models.calibration``) reads
the event model's type probability (``confidences.event_type`` as the event-model stage left it),
the sentence head's view of the sentence, the actors, factuality and attribution the rules found,
and how many events share the sentence, and writes ``confidence`` (P(type and factuality right),
measured on held-out real news) and a Platt-calibrated ``confidences.event_type``.
"""

from __future__ import annotations

from collections import Counter

from chronicle.models.calibration import ConfidenceModel, event_features, platt
from chronicle.models.event_classifier import EventClassifier, shipped_classifier
from chronicle.record import Work
from chronicle.schema import Event
from chronicle.stages.base import Stage, StageContext


class CalibrationStage(Stage):
    name = "calibration.v1"
    requires = ("events", "type_confidence")
    assigns = ("events",)

    def __init__(self, *, model: ConfidenceModel | None = None, classifier: EventClassifier | None = None):
        """``model`` and ``classifier``: others than the shipped ones (tests, the fitting tool)."""
        self.model = model
        self.classifier = classifier

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the shipped calibration map and classifier (once per Coder)."""
        if self.model is None:
            self.model = ConfidenceModel.load()
        if self.classifier is None:
            self.classifier = shipped_classifier()

    def __call__(self, work: Work) -> Work:
        work.events = calibrated(work.events, self.model, self.classifier)
        return work


def calibrated(events: list[Event], model: ConfidenceModel, classifier: EventClassifier) -> list[Event]:
    """The events with ``confidence`` = P(right) and ``confidences.event_type`` its Platt map; the
    sentence head runs once per distinct sentence."""
    if not events:
        return events
    rows = feature_rows(events, classifier)
    probabilities = model.probabilities(rows)
    out = []
    for event, p in zip(events, probabilities):
        update: dict = {"confidence": round(float(p), 3)}
        if event.confidences is not None:
            type_p = platt(event.confidences.event_type, model.type_map)
            update["confidences"] = event.confidences.model_copy(update={"event_type": round(type_p, 3)})
        out.append(event.model_copy(update=update))
    return out


def feature_rows(events: list[Event], classifier: EventClassifier) -> list[dict[str, float]]:
    """:func:`event_features` of each event, with the sentence head's probabilities of its sentence."""
    sentences = list(dict.fromkeys(e.sentence for e in events))
    heads = dict(zip(sentences, classifier.predict(sentences)))
    per_sentence = Counter(e.sentence_index for e in events)
    return [event_features(e, e.confidences.event_type if e.confidences else 0.5, heads[e.sentence],
                           per_sentence[e.sentence_index]) for e in events]
