"""Turn draft events into ``Event`` records and merge an article's repeated reports of one event.

An article often reports its main event several times (lead, body, quote). Those repeats are one
event: drafts with the same type, factuality, date and actors in the same roles become one record with
``mentions`` counting the reports, keeping the first report's evidence and filling its gaps (place,
attribution, size) from the others. Each later report is kept as a ``Repeat``: its trigger and the
words it names the record's actors with, so every mention can be checked for who it names. Event ids are deterministic: the same input and coder version
give the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from chronicle.version import DATA_VERSION, __version__
from chronicle.record import Draft, Work
from chronicle.schema import Actor, ActorWords, CoderInfo, Confidences, Event, Repeat
from chronicle.stages.base import Stage
from chronicle.syntax.speech import to_actor

CODER = CoderInfo(version=__version__, data_version=DATA_VERSION)


class AssembleStage(Stage):
    name = "assemble.v1"
    requires = ("drafts", "factuality", "date", "location", "attribution", "quad_class")
    assigns = ("events",)

    def __call__(self, work: Work) -> Work:
        events = [to_event(d, work) for d in work.drafts]
        work.events = merge_repeats(events)
        return work


def event_id(doc_id: str, draft: Draft) -> str:
    """A deterministic id: the same article, trigger, type and coder version give the same id."""
    key = f"{doc_id}|{draft.trigger_span.start}|{draft.event_type}|{CODER.version}|{CODER.data_version}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def to_event(draft: Draft, work: Work) -> Event:
    """The output ``Event`` of a finished draft, with per-field confidences and evidence spans."""
    doc_id = work.article.id
    source = [to_actor(m) for m in draft.source]
    target = [to_actor(m) for m in draft.target]
    actor_conf = lambda actors: round(sum(a.confidence for a in actors) / len(actors), 2) if actors else 0.0
    conf = Confidences(
        event_type=draft.type_confidence, source=actor_conf(source), target=actor_conf(target),
        factuality=draft.factuality_confidence,
        date=draft.date.confidence if draft.date else 0.0,
        location=draft.location.confidence if draft.location else 0.0,
    )
    overall = draft.type_confidence * (0.5 + 0.5 * max(conf.source, conf.target))
    sentence = draft.sentence.text.strip()
    return Event(
        id=event_id(doc_id, draft), doc_id=doc_id, sentence_index=draft.sentence_index, sentence=sentence,
        event_type=draft.event_type, mode=draft.mode, contexts=draft.contexts, cameo=draft.cameo,
        quad_class=draft.quad_class, goldstein=draft.goldstein, factuality=draft.factuality,
        factuality_cue=draft.factuality_cue, source=source, target=target, reciprocal=draft.reciprocal,
        trigger=draft.trigger_span, date=draft.date, location=draft.location,
        attribution=draft.attribution, size=draft.size, casualties=draft.casualties,
        confidence=round(overall, 3), confidences=conf, proposed_by=draft.proposed_by, mentions=draft.mentions,
        coder=CODER,
    )


def _actor_key(actor) -> str:
    return actor.actor_id or (actor.name or actor.text).lower()


def merge_key(event: Event) -> tuple:
    """What makes two reports in one article the same event: type, factuality and the set of actors."""
    actors = frozenset(_actor_key(a) for a in event.source + event.target)
    return (event.event_type, event.factuality, actors)


def same_time(a: Event, b: Event) -> bool:
    """Equal dates, or one only assumed from publication and the other within the week before it."""
    if a.date is None or b.date is None or a.date.value == b.date.value:
        return True
    for assumed, stated in ((a.date, b.date), (b.date, a.date)):
        if assumed.method == "publication" and stated.precision == "day":
            gap = (dt.date.fromisoformat(assumed.value) - dt.date.fromisoformat(stated.value)).days
            if 0 <= gap <= 7:
                return True
    return False


def same_roles(a: Event, b: Event) -> bool:
    """Whether the two reports give their actors the same roles: each actor on the same side, or
    the two named sides swapped ("Putin met Erdogan", "Erdogan met Putin"). "The NAACP condemned
    ..." and "a critic accused the NAACP" share their one actor but are two acts, done by it and to
    it; merged, the second sentence would report the first one's act."""
    sa, ta = {_actor_key(x) for x in a.source}, {_actor_key(x) for x in a.target}
    sb, tb = {_actor_key(x) for x in b.source}, {_actor_key(x) for x in b.target}
    if not (sa & tb or ta & sb):
        return True
    return bool(sa and ta) and sa == tb and ta == sb


def _words_for(actors: list[Actor], named: list[tuple[str, ActorWords]]) -> list[ActorWords]:
    """For each of the record's ``actors`` in order, the words of a report that name it (``named``:
    (actor key, words) of that report's side): an unused one of the same key first, else a used one
    (a record naming one actor twice, a report once). Merged reports name the same set of actors
    (``merge_key``), so each record actor has words unless the input was built otherwise."""
    out: list[ActorWords] = []
    used: set[int] = set()
    for actor in actors:
        key = _actor_key(actor)
        hits = [i for i, (k, _) in enumerate(named) if k == key]
        pick = next((i for i in hits if i not in used), hits[0] if hits else None)
        if pick is not None:
            used.add(pick)
            out.append(named[pick][1])
    return out


def _words(actor: Actor) -> ActorWords:
    return ActorWords(text=actor.text, start=actor.start, end=actor.end, method=actor.method)


def repeats_of(first: Event, event: Event) -> list[Repeat]:
    """``event``'s trigger and its own repeats as repeats of ``first``, their actor words put in
    ``first``'s roles and order: a report naming the sides swapped ("Erdogan met Putin" after "Putin
    met Erdogan", which ``same_roles`` merges) gives the words of its target for the record's source."""
    swapped = bool({_actor_key(a) for a in first.source} & {_actor_key(a) for a in event.target})
    sides = (event.target, event.source) if swapped else (event.source, event.target)

    def placed(named_source, named_target) -> dict:
        return {"source": _words_for(first.source, named_source), "target": _words_for(first.target, named_target)}

    own = placed(*([(_actor_key(a), _words(a)) for a in side] for side in sides))
    out = [Repeat(text=event.trigger.text, start=event.trigger.start, end=event.trigger.end, **own)]
    for rep in event.repeats:  # aligned with event's actors: their keys are those of event's actors
        keyed = ([(_actor_key(a), w) for a, w in zip(event.source, rep.source)],
                 [(_actor_key(a), w) for a, w in zip(event.target, rep.target)])
        out.append(rep.model_copy(update=placed(*(keyed[::-1] if swapped else keyed))))
    return out


def merge_repeats(events: list[Event]) -> list[Event]:
    """Merge an article's repeated reports of one event into one record counting its mentions."""
    merged: dict[int, Event] = {}
    keys: list[tuple] = []
    for event in events:
        key = merge_key(event)
        slot = next((i for i, k in enumerate(keys) if k == key and same_time(merged[i], event)
                     and same_roles(merged[i], event)), None)
        if slot is None:
            merged[len(keys)] = event
            keys.append(key)
            continue
        first = merged[slot]
        updates = {"mentions": first.mentions + event.mentions,
                   "repeats": [*first.repeats, *repeats_of(first, event)]}
        for field in ("location", "attribution", "size", "casualties", "mode"):
            if getattr(first, field) is None and getattr(event, field) is not None:
                updates[field] = getattr(event, field)
        if first.date and event.date and first.date.method == "publication" and event.date.method != "publication":
            updates["date"] = event.date
        merged[slot] = first.model_copy(update=updates)
    return [merged[i] for i in range(len(keys))]
