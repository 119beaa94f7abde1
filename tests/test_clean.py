"""Tests for the clean stage: what is dropped, what is kept, and that no offset ever moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.record import CleanResult, DroppedSpan
from chronicle.stages.clean import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
FATAH = SHARED / "examples" / "fatah-hamas-cairo.txt"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

HEADLINE = "Rivals reach deal in Cairo"
STORY_1 = "Fatah and Hamas reached an agreement in Cairo on Thursday, officials said."
STORY_2 = "The details are expected to be revealed at a press conference this afternoon."


def assert_offsets_kept(original: str, result: CleanResult) -> None:
    """Same length; every kept character in place; dropped characters are spaces; newlines kept."""
    assert len(result.text) == len(original)
    dropped = set()
    for span in result.dropped:
        assert 0 <= span.start < span.end <= len(original)
        dropped.update(range(span.start, span.end))
    for i, (old, new) in enumerate(zip(original, result.text)):
        if old in "\n\r" or i not in dropped:
            assert new == old, f"offset {i} changed: {old!r} -> {new!r}"
        else:
            assert new == " ", f"offset {i} dropped but not blanked"


def dropped_text(text: str, result: CleanResult) -> list[tuple[str, str]]:
    return [(span.reason, text[span.start : span.end]) for span in result.dropped]


def in_article(line: str) -> str:
    return f"{HEADLINE}\n\n{STORY_1}\n\n{line}\n\n{STORY_2}\n"


@pytest.mark.shared
@pytest.mark.skipif(not FATAH.is_file(), reason=f"shared example not found at {FATAH}")
def test_clean_fatah_hamas_example():
    text = FATAH.read_text(encoding="utf-8")
    result = clean_text(text)
    assert_offsets_kept(text, result)
    caption = "Members of Fatah and Hamas in Cairo"
    assert caption not in result.text
    assert "Photo Credit" not in result.text and "EPA" not in result.text
    assert text.count(caption) == 2
    assert ("credit", "Photo Credit: EPA") in dropped_text(text, result)
    assert {reason for reason, _ in dropped_text(text, result)} <= {"caption", "credit", "repeated"}
    # every story paragraph survives, character for character, at its offset
    pos = 0
    for line in text.split("\n"):
        if line.strip() and not line.startswith(caption):
            assert result.text[pos : pos + len(line)] == line
        pos += len(line) + 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo Credit: EPA", [("credit", "Photo Credit: EPA")]),
        ("Image copyright Getty Images", [("credit", "Image copyright Getty Images")]),
        ("AFP/Getty Images", [("credit", "AFP/Getty Images")]),
        ("Photo: Mohammed Salem/Reuters", [("credit", "Photo: Mohammed Salem/Reuters")]),
        ("(AP Photo/Hassan Ammar)", [("credit", "(AP Photo/Hassan Ammar)")]),
        (
            "A man walks past a damaged building in Aleppo, Syria, Oct. 10, 2017. (AP Photo/Hassan Ammar)",
            [("caption", "A man walks past a damaged building in Aleppo, Syria, Oct. 10, 2017."),
             ("credit", "(AP Photo/Hassan Ammar)")],
        ),
        (
            "Protesters gather in Tahrir Square in Cairo, February 1, 2011. REUTERS/Amr Abdallah Dalsh",
            [("caption", "Protesters gather in Tahrir Square in Cairo, February 1, 2011."),
             ("credit", "REUTERS/Amr Abdallah Dalsh")],
        ),
        (
            "Members of Fatah and Hamas in Cairo Photo Credit: EPA",
            [("caption", "Members of Fatah and Hamas in Cairo"), ("credit", "Photo Credit: EPA")],
        ),
        (
            "Image caption Police detain a protester",
            [("caption", "Image caption Police detain a protester")],
        ),
        (
            "Turkish armoured vehicles near the border in Hatay",
            [("caption", "Turkish armoured vehicles near the border in Hatay")],
        ),
        ("By John Smith", [("byline", "By John Smith")]),
        (
            "By John Smith and Jane Doe, Reuters",
            [("byline", "By John Smith and Jane Doe, Reuters")],
        ),
        (
            "(Reporting by John Smith; Editing by Jane Doe)",
            [("byline", "(Reporting by John Smith; Editing by Jane Doe)")],
        ),
        ("Follow him on Twitter @jsmith", [("boilerplate", "Follow him on Twitter @jsmith")]),
        ("Click here for the full report", [("boilerplate", "Click here for the full report")]),
        (
            "Read more: Hamas and Fatah sign deal",
            [("boilerplate", "Read more: Hamas and Fatah sign deal")],
        ),
        (
            "Subscribe to our daily newsletter",
            [("boilerplate", "Subscribe to our daily newsletter")],
        ),
        (
            "Copyright 2017 Reuters. All rights reserved.",
            [("boilerplate", "Copyright 2017 Reuters. All rights reserved.")],
        ),
        ("March 14, 2013 | 8:16 am", [("boilerplate", "March 14, 2013 | 8:16 am")]),
        ("Updated: 12 Oct 2017 10:05 GMT", [("boilerplate", "Updated: 12 Oct 2017 10:05 GMT")]),
    ],
)
def test_clean_drops(line, expected):
    text = in_article(line)
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert dropped_text(text, result) == expected


@pytest.mark.parametrize(
    "line",
    [
        "CAIRO (Reuters) -",  # a dateline on its own line is kept
        "JERUSALEM —",
        "CAIRO (Reuters) - Hamas said on Thursday it had reached a deal with Fatah.",
        "By Tuesday, the army had withdrawn from the town.",
        "He told Getty Images.",
        "The minister said the plan would go ahead, according to Reuters.",
        "“We are meeting in Cairo,” wrote Izzat Reshiq.",
        "The statement said:",
        "Police said 2,000 people took part.",
    ],
)
def test_clean_keeps(line):
    text = in_article(line)
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert result.dropped == []
    assert result.text == text


def test_clean_repeated_short_line_drops_every_copy():
    text = f"{HEADLINE}\n{STORY_1}\nMore on this\n{STORY_2}\nMore on this\n"
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert dropped_text(text, result) == [("repeated", "More on this"), ("repeated", "More on this")]


def test_clean_repeated_sentence_keeps_first_copy():
    quote = "The gun has not been recovered."
    text = f"{HEADLINE}\n{STORY_1}\n{quote}\n{STORY_2}\n{quote}\n"
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert result.dropped == [DroppedSpan(text.rindex(quote), text.rindex(quote) + len(quote), "repeated")]


def test_clean_repeated_prefix_of_later_caption():
    text = f"{STORY_1}\n\nTalks in Cairo on Thursday.\n\nTalks in Cairo on Thursday. Photo: EPA\n\n{STORY_2}"
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert dropped_text(text, result) == [
        ("repeated", "Talks in Cairo on Thursday."),
        ("caption", "Talks in Cairo on Thursday."),
        ("credit", "Photo: EPA"),
    ]


def test_clean_dropped_line_does_not_glue_paragraphs():
    text = f"{STORY_1}\nMembers of Fatah and Hamas in Cairo\n{STORY_2}"
    result = clean_text(text)
    assert_offsets_kept(text, result)
    kept = [line for line in result.text.split("\n") if line.strip()]
    assert kept == [STORY_1, STORY_2]
    assert result.text.index(STORY_2) == text.index(STORY_2)
    assert result.text.count("\n") == text.count("\n")


def test_clean_headline_first_line_is_kept():
    text = f"  \n{HEADLINE}\n{STORY_1}\nA second short line\n{STORY_2}"
    result = clean_text(text)
    assert dropped_text(text, result) == [("caption", "A second short line")]
    assert HEADLINE in result.text


def test_clean_hard_wrapped_paragraph_is_kept():
    text = (
        "Turkey warns Syria\n\n"
        "Turkish President Recep Tayyip Erdogan said on Tuesday\n"
        "that Turkey could send troops into northern Syria if\n"
        "talks with the United States over a security zone fail\n"
        "and accused Washington of delay.\n"
    )
    result = clean_text(text)
    assert result.dropped == []


def test_clean_normal_article_loses_nothing():
    text = (
        "Armenia and Azerbaijan agree to restart border talks\n\n"
        "YEREVAN - Armenia and Azerbaijan agreed on Tuesday to restart the work of their border "
        "commissions, officials said.\n\n"
        "\"This is a small step, but a real one,\" Prime Minister Nikol Pashinyan told reporters.\n\n"
        "The foreign ministers will meet next week in Abu Dhabi, according to the ministry.\n"
    )
    result = clean_text(text)
    assert result.dropped == []
    assert result.text == text


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "Just a headline"])
def test_clean_trivial_inputs(text):
    result = clean_text(text)
    assert result.text == text
    assert result.dropped == []


def test_clean_is_dropped_overlap():
    result = CleanResult("x" * 20, [DroppedSpan(5, 10, "caption")])
    assert result.is_dropped(8, 12)
    assert not result.is_dropped(10, 15)


SAMPLE_DROPS = {
    "2016-02-03-maiduguri-market-attack.txt": {"caption", "credit"},
    "2019-01-16-turkey-syria-troops.txt": {"caption", "credit"},
    "2023-08-16-kenya-fuel-protest.txt": {"byline"},
    "2025-04-09-armenia-azerbaijan-border.txt": set(),
}


@pytest.mark.parametrize(("name", "reasons"), sorted(SAMPLE_DROPS.items()))
def test_clean_samples(name, reasons):
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"sample {path} not present")
    text = path.read_text(encoding="utf-8")
    result = clean_text(text)
    assert_offsets_kept(text, result)
    assert {span.reason for span in result.dropped} == reasons
    # the story paragraphs (long lines that are not captions) all survive
    for line in text.split("\n"):
        if len(line.split()) > 15 and "Photo" not in line:
            assert line in result.text
