"""Read PETRARCH's verb-pattern dictionary format (CAMEO.2.0.txt): blocks, verbs, patterns, codes.

Only the reading lives here; turning the dictionary into Chronicle's trigger lexicon is
``tools.cameo_verbs``. The format is described in the dictionary's own header and in
PETRARCH's ``PETRreader.read_verb_dictionary``: ``---  NAME  [CODE]  ---`` opens a block whose verbs
share CODE unless they carry their own; ``- `` lines are patterns; ``&NAME`` lines open synonym sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_VERB_LINE = re.compile(r"^(\+?[A-Za-z][A-Za-z0-9_'+\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$")


# -- parsing -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Code:
    """A bracketed PETRARCH code: ``primary`` is what the subject does to the object."""

    raw: str
    primary: str | None
    reverse: str | None = None


def parse_code(text: str) -> Code:
    """Parse a PETRARCH code field ("[033]", "[---:081]") into its parts."""
    raw = text.strip().strip("[]").strip()
    first, _, second = raw.partition(":")

    def clean(part: str) -> str | None:
        part = part.strip().rstrip("!")
        return part if re.fullmatch(r"\d{2,4}", part) else None

    return Code(raw, clean(first), clean(second))


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]               # lower case, "+" and "_" removed: ("call", "for")
    code: Code | None                    # the line's own code; None: the block's
    forms: tuple[str, ...] = ()          # irregular forms given in {...}
    line: int = 0

    @property
    def text(self) -> str:
        """The pattern's words joined as text."""
        return " ".join(self.words)


@dataclass(frozen=True)
class Pattern:
    body: str                            # between "- " and the code
    code: Code | None
    origin: tuple[str, ...] = ()         # upper-case words of the comment (where it was found)
    line: int = 0


@dataclass
class VerbBlock:
    name: str
    code: Code | None
    line: int = 0
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    other: list[tuple[int, str]] = field(default_factory=list)     # lines not understood / not used


def _words(token: str) -> tuple[str, ...]:
    return tuple(w for w in token.replace("+", "").lower().split("_") if w)


def parse_dictionary(text: str) -> VerbDictionary:
    """Parse a PETRARCH verb dictionary."""
    result = VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    members: list[str] = []

    def close_synset() -> None:
        nonlocal synset, members
        if synset is not None:
            result.synsets[synset] = tuple(members)
        synset, members = None, []

    for number, raw in enumerate(text.splitlines(), 1):
        body, _, comment = raw.partition("#")
        body = body.split(";", 1)[0]                 # the legacy KEDS/TABARI comment mark
        line = body.strip()
        if not line:
            continue
        if match := _BLOCK.match(line):
            close_synset()
            code_text = match.group(2).strip()
            block = VerbBlock(match.group(1), None if code_text == "---" else parse_code(code_text), number)
            result.blocks.append(block)
        elif line.startswith("&"):
            close_synset()
            synset = line.split()[0]
        elif synset is not None and line.startswith("+"):
            members.append(line[1:].strip())
        elif line.startswith("-") and block is not None:
            pattern = line[1:].strip()
            codes = _CODE.findall(pattern)
            code = parse_code(codes[-1]) if codes else None
            if code is not None and code.raw == "---":
                code = None
            origin = tuple(re.findall(r"[A-Z][A-Z_'\-]+", comment.split("<")[0]))
            result.blocks[-1].patterns.append(
                Pattern(_CODE.sub(" ", pattern).strip(), code, origin, number))
        elif line.startswith("~") or block is None:
            close_synset()
            result.other.append((number, line))
        elif match := _VERB_LINE.match(line):
            close_synset()
            word, forms, code = match.groups()
            code_obj = parse_code(code) if code else None
            if code_obj is not None and code_obj.raw == "---":
                code_obj = Code("---", None)     # explicitly no code (not: the block's)
            form_words = tuple(" ".join(_words(f)) for f in (forms or "{}")[1:-1].replace(",", " ").split())
            block.verbs.append(Verb(_words(word), code_obj, form_words, number))
        else:
            result.other.append((number, line))
    close_synset()
    return result
