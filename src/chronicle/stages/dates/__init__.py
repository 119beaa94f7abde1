"""Date each event: the date expression attached to its clause, resolved against the publication date.

A date is taken only from an expression that modifies the event's own clause ("In 2014, the sides
agreed"), or the clause that reports it ("..., the chief announced this morning"), never from any date
that happens to stand in the sentence. Without one, the publication date is used and said to be so
(``method: publication``, no text), because news mostly reports what happened just before it ran.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from chronicle.schema import EventDate
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage
from chronicle.stages.dates.resolve import resolve_date_expression
from chronicle.syntax.tree import ents_in

DATE_LABELS = ("DATE", "TIME")


class DatesStage(Stage):
    name = "dates.v2"
    requires = ("drafts", "reporter")
    assigns = ("date",)

    def __call__(self, work: Work) -> Work:
        for draft in work.drafts:
            draft.date = date_of(draft, work)
        return work


def _attachment(ent: SpacySpan) -> Token:
    """The verb (or event noun) a date expression modifies."""
    node = ent.root
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "NOUN" and node.dep_ not in ("pobj",) and False):
            return node
    return node


def date_of(draft: Draft, work: Work) -> EventDate | None:
    """When the event happened: a date expression attached to its clause (or to the verb that
    reports it), resolved against the publication date; else the publication date itself."""
    published = work.published
    anchors = {draft.trigger.i}
    if draft.anchor is not None:
        anchors.add(draft.anchor.i)
    reporter = draft.reporter
    for ent in ents_in(draft.sentence):
        if ent.label_ not in DATE_LABELS:
            continue
        target = _attachment(ent)
        attached_here = target.i in anchors or ent.root.head.i == draft.trigger.i
        attached_to_report = reporter is not None and target.i == reporter.i
        if not (attached_here or attached_to_report):
            continue
        resolved = resolve_date_expression(ent.text, published)
        if resolved is None:
            continue
        confidence = resolved.confidence * (1.0 if attached_here else 0.8)
        return EventDate(value=resolved.value, precision=resolved.precision, text=ent.text,
                         start=ent.start_char, end=ent.end_char, method="expression",
                         confidence=round(confidence, 2))
    if published is None:
        return None
    return EventDate(value=published.isoformat(), precision="day", method="publication", confidence=0.5)
