"""The clean stage alone: blank what is not story text (bylines, captions, credits, boilerplate)
without moving a character, and split the cleaned text into sentences once.

The rules of ``clean_text`` are tested in ``tests/test_clean.py``; these tests check what the stage
hands on. Every later offset (triggers, actors, dates) points into the article as given, so the
cleaned text must keep its length and every kept character in place. The sentence spans are the
ones the screen blanks by and events are numbered by (``Work.sentence_number``), so they are taken
from the cleaned text: a dropped caption is no sentence, and a headline stays its own sentence even
when the line after it is blanked.
"""

from __future__ import annotations

from chronicle.record import Work
from chronicle.schema import Article
from chronicle.stages.clean import CleanStage
from chronicle.syntax.sentences import sentence_spans

HEADLINE = "Border talks resume in Geneva"
BYLINE = "By Anna Kowalski"
STORY_1 = "Delegates from both countries returned to the table on Tuesday."
STORY_2 = "They agreed to meet again next month."
CAPTION = "Delegates arrive at the Palais des Nations."
CREDIT = "Photo: Jean Martin/AFP"
FOLLOW = "Follow Anna on Twitter"
STORY_3 = "A joint statement is expected on Friday."
TEXT = (f"{HEADLINE}\n\n{BYLINE}\n\n{STORY_1} {STORY_2}\n\n{CAPTION} {CREDIT}\n\n{FOLLOW}\n\n{STORY_3}")


def clean(text: str) -> Work:
    return CleanStage()(Work(article=Article(id="t", text=text)))


def test_furniture_is_blanked_and_every_offset_is_kept():
    work = clean(TEXT)
    assert len(work.clean.text) == len(TEXT)
    assert work.clean.text.count("\n") == TEXT.count("\n")
    for story in (HEADLINE, STORY_1, STORY_2, STORY_3):
        at = TEXT.index(story)
        assert work.clean.text[at:at + len(story)] == story
    for furniture in (BYLINE, CAPTION, CREDIT, FOLLOW):
        at = TEXT.index(furniture)
        assert work.clean.text[at:at + len(furniture)].strip() == ""
    assert [(d.reason, TEXT[d.start:d.end]) for d in work.clean.dropped] == [
        ("byline", BYLINE), ("caption", CAPTION), ("credit", CREDIT), ("boilerplate", FOLLOW)]
    assert work.clean.is_dropped(TEXT.index("AFP"), TEXT.index("AFP") + 3)
    assert not work.clean.is_dropped(TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7)


def test_sentences_are_split_on_the_cleaned_text():
    work = clean(TEXT)
    assert work.sentences == sentence_spans(work.clean.text)
    assert [TEXT[s:e] for s, e in work.sentences] == [HEADLINE, STORY_1, STORY_2, STORY_3]


def test_events_are_numbered_by_story_sentences_only():
    work = clean(TEXT)
    # after the blanked byline, caption, credit and sign-off, the last story sentence is the fourth
    assert work.sentence_number(TEXT.index("joint statement")) == 3
    assert work.sentence_number(TEXT.index("agreed")) == 2
    assert work.sentence_number(TEXT.index("resume")) == 0


def test_an_article_of_story_text_only_passes_unchanged():
    text = f"{STORY_1} {STORY_2}\n\n{STORY_3}"
    work = clean(text)
    assert work.clean.text == text and work.clean.dropped == []
    assert [text[s:e] for s, e in work.sentences] == [STORY_1, STORY_2, STORY_3]
