"""Parse only the sentences that could hold an event.

The dependency parser is most of the cost of coding, and most sentences of a news corpus hold no
political event. Before parsing, a cheap screen splits the cleaned text into sentences with a
regular expression and keeps a sentence only if

- one of its words is an inflected form of a trigger lemma (with one of its objects or particles,
  for lemmas that need them: "lift" + "sanctions", "look" + "into") or a cue the framing stage
  reads, like "must"; and
- it names a possible political actor: a name, demonym or capital of the actor knowledge base
  (user files included), a generic agent or title ("police", "minister"), or the last word of an
  organisation's name that says its kind ("... Liberation Front"). The relevance stage drops every
  event without such an actor, so a sentence without one cannot yield an event; or
- it refers back with a pronoun and the sentence before it names such an actor: then both are kept,
  so the anaphora stage can find the antecedent.

The other sentences are blanked with spaces exactly like cleaned-away captions, so every character
offset still points into the original text and spaCy turns each blanked run into a single
whitespace token.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from chronicle.knowledge.acts import state_action, unaffiliated
from chronicle.knowledge.actors import POLITICAL_SECTORS, ActorKB, load_actor_kb
from chronicle.knowledge.cues import load_cues
from chronicle.knowledge.lexicon import load_lexicon
from chronicle.record import CleanResult, Work
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.model import load_model
from chronicle.syntax.sentences import sentence_spans

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
EXTRA_WORDS = ("must", "should", "until", "unless")
"""Words the framing stage turns into events even without a trigger lemma ("X must end ...")."""


def _inflections(lemma: str, pos: str = "VERB") -> set[str]:
    """Regular English inflections of a lemma (irregular ones come from spaCy's exception table). A
    noun has only its plural: "calls" may be an appeal, "called" cannot; an adjective has one form."""
    if pos == "ADJ":
        return {lemma}
    if pos == "NOUN":
        forms = {lemma, lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
        return forms
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=4)
def trigger_forms(lexicon_files: tuple[str, ...] = ()) -> "TriggerForms":
    """Word forms that may be a trigger: forms of lemmas with an unconstrained entry, and, for
    lemmas that only trigger with certain objects ("lift" + "sanctions") or particles ("look
    into"), their forms mapped to the forms of those words (both must occur in the sentence)."""
    lexicon = load_lexicon(lexicon_files)
    exceptions = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    irregular: dict[tuple[str, str], set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas:
                irregular.setdefault((lemma, pos.upper()), set()).add(form)

    def forms_of(lemma: str, pos: str = "VERB") -> set[str]:
        return _inflections(lemma, pos) | irregular.get((lemma, pos), set())

    def word_forms(word: str) -> set[str]:  # an object or particle: "lift" + "sanctions"/"sanctioned"
        return forms_of(word, "VERB") | forms_of(word, "NOUN")

    bare: set[str] = set(EXTRA_WORDS)
    constrained: dict[str, set[str]] = {}
    for (head, pos), entries in lexicon.by_head.items():
        if any(not e.objects and not e.particles for e in entries):
            bare |= forms_of(head, pos)
        else:
            needed = {form for e in entries for word in (e.objects or e.particles) for form in word_forms(word)}
            for form in forms_of(head, pos):
                constrained.setdefault(form, set()).update(needed)
    bare -= load_cues().fixed_prepositions
    # A verdict needs its word ("found guilty"): the constrained forms already ask for it, so a
    # state action with objects needs no actor either ("Ms Ortega was found guilty of fraud").
    actorless = {form for (head, pos), entries in lexicon.by_head.items()
                 if any(e.event_type == "PROTEST" or not e.particles and (
                        not e.objects and unaffiliated(e.cameo, e.lemma) or pos == "VERB" and state_action(e.cameo, e.lemma))
                        for e in entries) for form in forms_of(head, pos)}
    return TriggerForms(frozenset(bare), {k: frozenset(v) for k, v in constrained.items()},
                        frozenset(actorless))


class TriggerForms(NamedTuple):
    """What the screen looks for: ``bare`` forms trigger alone, ``constrained`` forms need one of
    their words in the sentence, and ``actorless`` forms need no political actor (the relevance
    stage keeps a protest by any group, "teachers went on strike", and an arrest or act of violence
    done to a person, ``chronicle.knowledge.acts``: "Gomes was arrested")."""

    bare: frozenset[str]
    constrained: dict[str, frozenset[str]]
    actorless: frozenset[str] = frozenset()


ActorWords = tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]
"""Word sequences that name a possible political actor: (cased names, lower-cased generic terms,
longest sequence)."""


def _word_key(word: str) -> str:
    """A word as the screen compares it: "Japan's" names Japan."""
    return word[:-2] if word.endswith("'s") else word


def actor_words(kb: ActorKB) -> ActorWords:
    """The knowledge base's names, demonyms and capitals (case kept, as the actor matcher keeps
    it), and its agents and titles with the organisation-kind words of cues.yaml (lower case),
    as sequences of screen words."""
    def key(phrase: str, lower: bool) -> tuple[str, ...]:
        words = tuple(_word_key(w) for w in WORD.findall(phrase))
        return tuple(w.lower() for w in words) if lower else words

    names = {key(n, False) for table in (kb.by_alias, kb.demonyms, kb.capitals) for n in table}
    cues = load_cues()
    generic = {key(term, True) for table in (kb.agents, kb.titles) for term, entry in table.items()
               if entry.sector is None or entry.sector in POLITICAL_SECTORS}
    generic |= {(word,) for word, sector in cues.org_name_heads.items() if sector in POLITICAL_SECTORS}
    generic |= {(word,) for word in cues.state_body_heads}
    names.discard(())
    generic.discard(())
    longest = max(len(k) for k in names | generic)
    return frozenset(names), frozenset(generic), longest


def names_actor(words: list[str], actors: ActorWords) -> bool:
    """True if a run of the sentence's words is a known name or a generic political agent."""
    names, generic, longest = actors
    keys = [_word_key(w) for w in words]
    lowered = [w.lower() for w in keys]
    for i in range(len(keys)):
        for n in range(1, min(longest, len(keys) - i) + 1):
            if tuple(keys[i:i + n]) in names or tuple(lowered[i:i + n]) in generic:
                return True
    return False


def trigger_words(words: list[str], forms: TriggerForms) -> set[str]:
    """The sentence's words (lower case) that may be a trigger. A capitalised word inside the
    sentence is a name or a month ("World Trade Organization", "in March"), not the verb or noun
    of an event."""
    bare, constrained = forms.bare, forms.constrained
    present = {w.lower() for w in words}
    headline = sum(w[:1].isupper() for w in words) * 2 > len(words)  # "U.S. Lifts Travel Ban"
    found = set()
    for i, word in enumerate(words):
        if i and not headline and not word.islower():
            continue
        w = word.lower()
        if w in bare or (w in constrained and constrained[w] & present):
            found.add(w)
    return found


def screen_text(text: str, forms, actors: ActorWords | None = None,
                spans: list[tuple[int, int]] | None = None) -> tuple[str, int, int]:
    """The text with non-candidate sentences blanked; and (kept, total) sentence counts. Without
    ``actors`` a trigger alone keeps a sentence; ``spans`` are the text's ``sentence_spans`` when
    already known."""
    spans = sentence_spans(text) if spans is None else spans
    words = [WORD.findall(text[s:e]) for s, e in spans]
    found = [trigger_words(w, forms) for w in words]
    triggers = [bool(f) for f in found]
    refer_back = load_cues().refer_back_pronouns
    pronoun = [bool(refer_back & {w.lower() for w in ws}) for ws in words]
    # Whether a sentence names an actor is read only for a sentence with a trigger, or the one before
    # a sentence with a trigger and a pronoun: ``names_actor``, the screen's costliest test, runs on
    # those alone (the others are False, never read).
    asked = [t or (i + 1 < len(triggers) and triggers[i + 1] and pronoun[i + 1])
             for i, t in enumerate(triggers)]
    actor = [ask and (actors is None or bool(f & forms.actorless) or names_actor(w, actors))
             for ask, f, w in zip(asked, found, words)]
    # A pronoun may stand for an actor of the sentence before: both are parsed.
    refers_back = [t and p and i > 0 and actor[i - 1] for i, (t, p) in enumerate(zip(triggers, pronoun))]
    hits = [t and a or r for t, a, r in zip(triggers, actor, refers_back)]
    keep = [hit or (i + 1 < len(hits) and refers_back[i + 1]) for i, hit in enumerate(hits)]
    chars = list(text)
    for (start, end), kept in zip(spans, keep):
        if not kept:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
    return "".join(chars), sum(keep), len(spans)


class ScreenStage(Stage):
    """Blank the sentences that hold no possible event before the parser sees them."""

    name = "screen.v2"
    requires = ("clean", "sentences")
    assigns = ("clean",)

    def __init__(self, *, actor_files: tuple[str, ...] = (), lexicon_files: tuple[str, ...] = ()):
        self.actor_files, self.lexicon_files = tuple(actor_files), tuple(lexicon_files)

    def initialize(self, context: StageContext | None = None) -> None:
        """Build the word forms to look for from the lexicon and the actor names (user files too)."""
        if context is not None:
            self.actor_files = self.actor_files or tuple(context.actor_files)
            self.lexicon_files = self.lexicon_files or tuple(context.lexicon_files)
        self.forms = trigger_forms(self.lexicon_files)
        self.actors = actor_words(load_actor_kb(self.actor_files))

    def __call__(self, work: Work) -> Work:
        text, kept, total = screen_text(work.clean.text, self.forms, self.actors, work.sentences)
        work.clean = CleanResult(text=text, dropped=work.clean.dropped)
        work.screened = (kept, total)
        return work
