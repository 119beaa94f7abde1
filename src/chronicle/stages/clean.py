"""Clean stage: find the parts of an article that are not story sentences, without moving anything.

Web text carries photo captions, photo credits, bylines, "Follow him on Twitter" lines and
headlines repeated as captions. Coded as sentences they produce false events (a caption such as
"Members of Fatah and Hamas in Cairo" duplicates the meeting the story reports) and false actors
("EPA", "Reuters").

Why blanking instead of deleting: every field of an event keeps character offsets into the article
text as given. So ``clean_text`` returns a text of exactly the same length, with each dropped
character replaced by a space and every newline kept; offsets computed on the cleaned text are
offsets into the original, and the kept paragraphs around a dropped line stay separated by their
original newlines (a dropped line never glues two sentences together).

The rules work line by line (a line is a paragraph in web extractions) and are deliberately
conservative: a rule fires on a whole line, or on a credit at the very end of a line, never inside
a story sentence. Datelines ("CAIRO (Reuters) -") are kept; the first non-empty line is taken as a
possible headline and is never dropped for being short.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from chronicle.record import CleanResult, DroppedSpan, DropReason, Work
from chronicle.stages.base import Stage
from chronicle.syntax.sentences import sentence_spans

SHORT_LINE_WORDS = 12
"""A line of at most this many words without final punctuation is not a story sentence."""
REPEATED_LINE_WORDS = 20
"""A line of at most this many words that occurs twice or more is dropped (every copy)."""
RULE_LINE_WORDS = 40
"""Boilerplate and sign-off rules only fire on lines up to this long: never on a real paragraph."""


_SENTENCE_END = ".!?…\"'”’»"
_CONTINUATION_END = ",;:(–—-/&"
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor as that which who whose "
    "his her its their our your this these those than into over after before about".split()
)
_AGENCY = (
    r"(?:Getty\s+Images|Associated\s+Press|Anadolu\s+Agency|SOPA\s+Images|Sipa\s+USA|"
    r"AP|AFP|EPA|Reuters|REUTERS|Xinhua|XINHUA|UPI|Anadolu|TASS|Sputnik|IRNA|WAFA|Flash90|"
    r"Bloomberg|Shutterstock|NurPhoto|Pool|POOL)"
)
_NAME = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|al|el|de|da|del|der|van|von|bin|la|le)){0,4}"
_MONTHS_DAYS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|The|Then|Now|Early|Late)\b"
)

# A credit that makes up a whole line.
_CREDIT_LINE = re.compile(
    r"(?:(?:Photo(?:graph)?s?|PHOTO|Image|Picture|Pic|Video|Illustration)\s*"
    r"(?:[Cc]redits?|CREDIT|[Cc]ourtesy|[Ss]ource)?\s*(?::|by\b)|Image\s+copyright|"
    r"[Cc]redits?\s*:|CREDIT\s*:)\s*\S.{0,80}"
    rf"|(?:{_NAME}\s*/\s*)*(?:[A-Z]+\s+via\s+)?{_AGENCY}(?:\s*/\s*{_NAME})*"
    r"|\([^()]{0,30}?Photos?\s*/[^()]{1,80}\)"
)
# A credit at the end of a caption line; the text before it is the caption.
_TOKEN = r"[A-Z][\w'’\-]*\.?"  # one capitalised name word, an initial's dot allowed
_CREDIT_TAIL = re.compile(
    r"(?:(?<=\s)|(?<=[.!?”\"’])|^)(?:"
    r"\([A-Z][\w&.' ]{0,25}?\s*Photos?\s*/[^()]{1,80}\)"
    r"|(?:Photo(?:graph)?|PHOTO|Image|Picture)\s*(?:[Cc]redit|CREDIT|[Cc]opyright)\s*:?\s*\S.{0,60}"
    r"|(?:Photo(?:graph)?|PHOTO|[Cc]redit|CREDIT)\s*:\s*\S.{0,60}|Photo\s+by\s+\S.{0,60}"
    r"|Credit(?=[A-Z])\S.{0,60}"  # NYT glues "Credit" to the name: "CreditJoshua Roberts/Reuters"
    r"|(?:REUTERS|AFP|EPA|AP|XINHUA|UPI|ANADOLU|SIPA|POOL)"
    rf"(?:\s*/\s*{_TOKEN}(?:\s+{_TOKEN}){{0,4}})+"
    rf"|(?:{_TOKEN}(?:\s+{_TOKEN}){{0,4}}\s*/\s*)+(?:[A-Z]+\s+via\s+)?{_AGENCY}"
    r"|(?:AFP|AP|EPA|Reuters)\s+via\s+Getty\s+Images"
    r")[\s.]*$"
)
_CAPTION_MARK = re.compile(r"(?:(?:Image|Media|Photo|Video)\s+caption\b|Caption\s*:|CAPTION\s*:)")
_BYLINE = re.compile(
    rf"(?:By|BY)\s+(?!{_MONTHS_DAYS}){_NAME}"
    rf"(?:\s*(?:,|\band\b|&)\s*(?!{_MONTHS_DAYS}){_NAME})*"
    r"(?:\s*(?:,|\||-|–|—|\bfor\b|\bin\b)\s*[A-Z][\w.&'’ ]{0,40})*"
)
_SIGN_OFF = re.compile(
    r"\(?\s*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\s+\S"
)
_BOILERPLATE = re.compile(
    r"\W*(?:follow\s+(?:\S+\s+){0,4}?on\s+"
    r"(?:twitter|x|facebook|instagram|telegram|threads|bluesky)\b"
    r"|click\s+here\b|read\s+more\b|also\s+read\b|see\s+also\b|more\s+on\s+this\s+story\b"
    r"|related(?:\s+(?:articles?|stories|coverage|content))?\s*[:|]|recommended\s*[:|]"
    r"|subscribe\b|sign\s+up\b|get\s+(?:our|the)\s+.{0,40}newsletter|advertisement\W*$"
    r"|share\s+(?:this|on)\b|copyright\s*(?:©|\(c\)|\d{4})|©|all\s+rights\s+reserved"
    r"|this\s+(?:article|story)\s+(?:was\s+|has\s+been\s+|first\s+)?(?:originally\s+)?"
    r"(?:published|appeared)\b|media\s+playback\s+is\s+unsupported"
    r"|(?:published|updated|last\s+updated|posted)\s*:?\s*\d|correction\s*:)",
    re.IGNORECASE,
)
_TIMESTAMP_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december mon tue wed thu fri sat sun monday tuesday "
    "wednesday thursday friday saturday sunday am pm a m p at on gmt utc bst cet cest est edt cst "
    "cdt pst pdt et ist st nd rd th last updated published posted".split()
)
_CLOCK = re.compile(r"\d:\s?\d\d|\d/\d+/\d|\d{4}-\d\d-\d\d")
_BULLET = re.compile(r"[-–—*•·▪►]\s")
_CLICK_ANYWHERE = re.compile(r"\bclick\s+here\b", re.IGNORECASE)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’\- ]{0,40}?)(?:,\s*[\w.'’\- ]{1,40}?)*\s*"
    r"(?P<agency>\([A-Z][\w.&'’ /]{0,30}\))?\s*(?P<dash>[-–—]+)?"
)


@dataclass
class _Line:
    start: int  # first non-space character
    end: int  # one past the last non-space character
    text: str
    words: int
    reasons: list[tuple[int, int, DropReason]] = field(default_factory=list)
    keep: bool = False  # decided: story text (e.g. a dateline)

    @property
    def decided(self) -> bool:
        return self.keep or bool(self.reasons)

    @property
    def key(self) -> str:
        return " ".join(self.text.split()).casefold()


def clean_text(text: str) -> CleanResult:
    """Blank out captions, credits, bylines, boilerplate and repeated lines; keep all offsets."""
    lines = _split_lines(text)
    for line in lines:
        _classify(line)
    _mark_repeated(lines)
    _mark_short(lines)
    found = (DroppedSpan(*reason) for line in lines if line is not None for reason in line.reasons)
    spans = sorted(found, key=lambda span: span.start)
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return CleanResult(text="".join(chars), dropped=spans)


def _split_lines(text: str) -> list[_Line | None]:
    """One entry per line of ``text``: a ``_Line`` with trimmed offsets, None for a blank line."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            lines.append(None)
        else:
            start = pos + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            lines.append(_Line(start, end, stripped, len(stripped.split())))
        pos += len(raw) + 1
    return lines


def _classify(line: _Line | None) -> None:
    """Rules that look at one line alone: boilerplate, bylines, captions and credits, datelines."""
    if line is None:
        return
    whole = (line.start, line.end)
    if line.words <= RULE_LINE_WORDS and (
        _BOILERPLATE.match(line.text)
        or (line.words <= 25 and _CLICK_ANYWHERE.search(line.text))
        or _is_timestamp(line.text)
    ):
        line.reasons.append((*whole, "boilerplate"))
    elif line.words <= 20 and _BYLINE.fullmatch(line.text) or (
        line.words <= RULE_LINE_WORDS and _SIGN_OFF.match(line.text)
    ):
        line.reasons.append((*whole, "byline"))
    elif _CAPTION_MARK.match(line.text):
        line.reasons.append((*whole, "caption"))
    elif line.words <= 15 and _CREDIT_LINE.fullmatch(line.text.rstrip(". ")):
        line.reasons.append((*whole, "credit"))
    elif match := _CREDIT_TAIL.search(line.text):
        credit_start = line.start + match.start()
        caption_end = line.start + len(line.text[: match.start()].rstrip())
        if caption_end > line.start:
            line.reasons.append((line.start, caption_end, "caption"))
        line.reasons.append((credit_start, line.end, "credit"))
    elif _is_dateline(line.text):
        line.keep = True


def _is_timestamp(text: str) -> bool:
    """A line of dates and times only ("March 14, 2013 | 8:16 am"): page furniture, not story."""
    words = re.findall(r"[A-Za-z]+", text)
    return (
        len(text) <= 60
        and any(ch.isdigit() for ch in text)
        and (bool(words) or _CLOCK.search(text) is not None)
        and all(word.casefold() in _TIMESTAMP_WORDS for word in words)
    )


def _is_dateline(text: str) -> bool:
    match = _DATELINE.fullmatch(text)
    if not match:
        return False
    place = match["place"].strip()
    return bool(match["agency"] or match["dash"] or (place.isupper() and len(place) >= 3))


def _mark_repeated(lines: list[_Line | None]) -> None:
    """Short repeated lines, and a line that begins a dropped caption line.

    A repeated non-sentence (a caption, "UPDATE:") is dropped in every copy. A repeated sentence
    is story text printed twice (a pull quote, a page template): the first copy is kept so the
    event it reports is coded once, and the later copies are dropped.
    """
    present = [line for line in lines if line is not None]
    counts = Counter(line.key for line in present if line.words <= REPEATED_LINE_WORDS)
    captions = [
        line.key + " "
        for line in present
        if any(reason == "caption" for *_, reason in line.reasons)
    ]
    seen: set[str] = set()
    for line in present:
        if line.decided:
            continue
        first_sentence = _ends_sentence(line.text) and line.key not in seen
        seen.add(line.key)
        repeated = counts.get(line.key, 0) >= 2 and not first_sentence
        prefix = any(len(c) > len(line.key) + 1 and c.startswith(line.key + " ") for c in captions)
        if repeated or prefix:
            line.reasons.append((line.start, line.end, "repeated"))


def _mark_short(lines: list[_Line | None]) -> None:
    """Short lines without final punctuation, unless a headline or part of a wrapped sentence."""
    first = next((i for i, line in enumerate(lines) if line is not None), None)
    for i, line in enumerate(lines):
        if line is None or line.decided or i == first or line.words > SHORT_LINE_WORDS:
            continue
        if _ends_sentence(line.text) or _BULLET.match(line.text) or _continues(lines, i):
            continue
        line.reasons.append((line.start, line.end, "caption"))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(")]").endswith(tuple(_SENTENCE_END))


def _continues(lines: list[_Line | None], i: int) -> bool:
    """Whether line ``i`` is part of a sentence broken over several lines (so: keep it).

    Hard-wrapped text and extractions that lost a link's words break sentences at line ends; a
    caption is a whole line that starts with a capital and does not run on into the next line.
    """
    line = lines[i]
    assert line is not None
    last_word = line.text.split()[-1].casefold()
    if (
        line.text[:1].islower()
        or line.text.endswith(tuple(_CONTINUATION_END))
        or last_word in _FUNCTION_WORDS
        or last_word.endswith(("'s", "’s"))
    ):
        return True
    nxt = next((later for later in lines[i + 1 :] if later is not None), None)
    if nxt is not None and not nxt.decided and nxt.text[:1].islower():
        return True
    prev = lines[i - 1] if i > 0 else None
    first = next(j for j, candidate in enumerate(lines) if candidate is not None)
    return (
        prev is not None
        and i - 1 != first
        and not prev.decided
        and not _ends_sentence(prev.text)
    )


class CleanStage(Stage):
    """Blank out captions, credits, bylines and repeated lines (offsets unchanged); split the cleaned
    text into sentences once, for the screen and for numbering events' sentences."""

    name = "clean.v2"
    requires = ("article",)
    assigns = ("clean", "sentences")

    def __call__(self, work: Work) -> Work:
        work.clean = clean_text(work.article.text)
        work.sentences = sentence_spans(work.clean.text)
        return work
