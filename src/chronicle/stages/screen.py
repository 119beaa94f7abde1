"""Parse only the sentences that could hold an event.

The dependency parser is most of the cost of coding, and most sentences of a news corpus name no
event word at all. Before parsing, a cheap screen splits the cleaned text into sentences with a
regular expression and keeps a sentence only if one of its words is an inflected form of a trigger
lemma (with one of its objects, for lemmas that need one) or a cue the framing stage reads, like
"must"; and the sentence before it when it refers back with a pronoun. The other sentences are blanked with spaces exactly like
cleaned-away captions, so every character offset still points into the original text and spaCy
turns each blanked run into a single whitespace token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronicle.knowledge.lexicon import load_lexicon
from chronicle.stages.base import Stage, Work
from chronicle.stages.clean import CleanResult

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
EXTRA_WORDS = ("must", "should", "until", "unless")
PRONOUNS = frozenset("he she they it his her their its him them we our us".split())
"""Words the framing stage turns into events even without a trigger lemma ("X must end ...")."""


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (irregular ones come from spaCy's exception table)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=2)
def trigger_forms() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Word forms that may be a trigger: forms of lemmas with an unconstrained entry, and, for
    lemmas that only trigger with certain objects ("lift" + "sanctions"), their forms mapped to
    the forms of those objects (both must occur in the sentence)."""
    from chronicle.stages.nlp import load_model

    lexicon = load_lexicon()
    exceptions = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    irregular: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas:
                irregular.setdefault(lemma, set()).add(form)

    def forms_of(lemma: str) -> set[str]:
        return _inflections(lemma) | irregular.get(lemma, set())

    bare: set[str] = set(EXTRA_WORDS)
    constrained: dict[str, set[str]] = {}
    for (head, _pos), entries in lexicon.by_head.items():
        if any(not e.objects for e in entries):
            bare |= forms_of(head)
        else:
            objects = {form for e in entries for obj in e.objects for form in forms_of(obj)}
            for form in forms_of(head):
                constrained.setdefault(form, set()).update(objects)
    return frozenset(bare), {k: frozenset(v) for k, v in constrained.items()}


def is_candidate(words: list[str], forms) -> bool:
    """True if a word may be a trigger. A capitalised word inside the sentence is a name or a month
    ("World Trade Organization", "in March"), not the verb or noun of an event."""
    bare, constrained = forms
    present = {w.lower() for w in words}
    headline = sum(w[:1].isupper() for w in words) * 2 > len(words)  # "U.S. Lifts Travel Ban"
    for i, word in enumerate(words):
        if i and not headline and not word.islower():
            continue
        w = word.lower()
        if w in bare or (w in constrained and constrained[w] & present):
            return True
    return False


ABBREVIATION = re.compile(
    r"(?:\b[A-Z][a-z]{0,3}|\b[A-Za-z](?:\.[A-Za-z])+|\b(?:approx|etc|vs|no|nos|incl|est|ca|gov|govt))\.$")
"""A period that ends "Gen.", "Mr.", "U.S.", "Jan." or "approx." does not end the sentence."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries: good enough to decide what to parse, never used for output.
    When unsure it does not split: a missed boundary only costs parsing time."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 12):match.start()]
        if "\n" not in match.group() and ABBREVIATION.search(before.rstrip("\"'”’)")):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def screen_text(text: str, forms) -> tuple[str, int, int]:
    """The text with non-candidate sentences blanked; and (kept, total) sentence counts."""
    spans = sentence_spans(text)
    words = [WORD.findall(text[s:e]) for s, e in spans]
    hits = [is_candidate(w, forms) for w in words]
    # The sentence before a candidate is parsed too when the candidate refers back with a pronoun.
    needs_context = [hit and bool(PRONOUNS & {w.lower() for w in ws}) for hit, ws in zip(hits, words)]
    keep = [hit or (i + 1 < len(hits) and needs_context[i + 1]) for i, hit in enumerate(hits)]
    chars = list(text)
    for (start, end), kept in zip(spans, keep):
        if not kept:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
    return "".join(chars), sum(keep), len(spans)


class ScreenStage(Stage):
    """Blank the sentences that hold no possible event before the parser sees them."""

    name = "screen.v1"
    requires = ("clean",)
    assigns = ("clean",)

    def initialize(self) -> None:
        self.forms = trigger_forms()

    def __call__(self, work: Work) -> Work:
        text, kept, total = screen_text(work.clean.text, self.forms)
        work.clean = CleanResult(text=text, dropped=work.clean.dropped)
        work.screened = (kept, total)
        return work
