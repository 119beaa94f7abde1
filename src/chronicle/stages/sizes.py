"""Sizes ("3,000 security officers", "about 2,000 protesters") and casualties ("killed 12").

Numbers are read from the parse: a number that counts an actor of the event is its size; a number
that counts the objects of killing, wounding or arresting verbs is a casualty figure. Durations and
dates ("12 months", "2014") are never sizes because they do not count an actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from chronicle.schema import Casualties, Size
from chronicle.record import Draft, Work
from chronicle.stages.base import Stage
from chronicle.syntax.tree import doc_text

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}
CASUALTY_LEMMAS = {"kill": "killed", "wound": "injured", "injure": "injured", "hurt": "injured",
                   "arrest": "arrested", "detain": "arrested", "dead": "killed"}
DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "decade", "century", "percent", "%"}


def parse_count(token: Token) -> int | None:
    """The integer a number token (and the multiplier after it) stands for."""
    text = token.text.lower().replace(",", "")
    value: float | None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    else:
        value = WORD_NUMBERS.get(text)
    if value is None:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in ("hundred", "thousand", "million") and nxt.head.i == token.head.i:
        value *= WORD_NUMBERS[nxt.lower_]
    return int(value)


def _count_of(noun: Token) -> tuple[int, Token] | None:
    for child in noun.children:
        if child.dep_ == "nummod" and child.like_num:
            count = parse_count(child)
            if count is not None:
                return count, child
    return None


class SizesStage(Stage):
    name = "sizes.v1"
    requires = ("drafts",)
    assigns = ("size", "casualties")

    def __call__(self, work: Work) -> Work:
        for draft in work.drafts:
            draft.size = size_of(draft, work)
            draft.casualties = casualties_of(draft)
        return work


def size_of(draft: Draft, work: Work) -> Size | None:
    """The size of the event's actors or crowd ("3,000 officers", "thousands of protesters"), if
    stated."""
    candidates = [work.doc[m.head_i] for m in draft.source + draft.target]
    scope = draft.anchor if draft.anchor is not None else draft.trigger
    candidates += [t for t in draft.trigger.subtree if t.pos_ == "NOUN"]
    candidates += [t for t in scope.subtree if t.pos_ == "NOUN" and t.dep_ != "npadvmod"]
    for noun in candidates:
        if noun.lemma_.lower() in DURATION_UNITS:
            continue
        found = _count_of(noun)
        if found is None:
            continue
        count, number = found
        start = number.idx
        end = noun.idx + len(noun)
        return Size(count=count, unit=noun.lemma_.lower(), text=doc_text(work.doc)[start:end], start=start, end=end)
    return None


def casualties_of(draft: Draft) -> Casualties | None:
    """Killed, injured and arrested counts stated with a violent or coercive event, if any."""
    if draft.event_type not in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE"):
        return None
    figures: dict[str, int] = {}
    texts: list[str] = []
    for token in draft.sentence:
        kind = CASUALTY_LEMMAS.get(token.lemma_.lower())
        if kind is None or kind in figures:
            continue
        for arg in token.children:
            if arg.dep_ not in ("dobj", "nsubjpass", "nsubj"):
                continue
            found = _count_of(arg)
            if found is not None:
                figures[kind] = found[0]
                texts.append(f"{token.text} {found[1].text} {arg.text}")
        if kind not in figures and token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
            found = _count_of(token.head)
            if found is not None:
                figures[kind] = found[0]
                texts.append(f"{found[1].text} {token.head.text} {token.text}")
    if not figures:
        return None
    return Casualties(killed=figures.get("killed"), injured=figures.get("injured"),
                      arrested=figures.get("arrested"), text="; ".join(texts))
