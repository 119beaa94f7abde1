"""realnews sentences coded inside their articles (chronicle.evaluate.in_article), on a corpus
written for the test and a stand-in coder, so the moving of offsets and the fallbacks are checked
without the model."""

from __future__ import annotations

import json

from chronicle.evaluate.in_article import code_in_articles
from chronicle.evaluate.realnews import RealNewsEvent, RealNewsSentence, score_realnews
from chronicle.schema import QUAD_CLASS, Actor, CoderInfo, Event, Repeat, Span

ARTICLE = ("Prime Minister Ana Costa flew to Madrid on Monday. "
           "Ms Costa criticised the Spanish government over fishing quotas. "
           "The talks ended without a deal.")
FIRST, SECOND = ARTICLE.split(". ")[:2]


def span_event(event_type: str, text: str, trigger: str, source: str, country: str) -> Event:
    t, s = text.index(trigger), text.index(source)
    return Event(id=f"e{t}", doc_id="d", sentence_index=0, sentence="", event_type=event_type,
                 quad_class=QUAD_CLASS[event_type], factuality="actual",
                 source=[Actor(text=source, start=s, end=s + len(source), country=country)],
                 trigger=Span(text=trigger, start=t, end=t + len(trigger)), confidence=0.9,
                 coder=CoderInfo(version="t", data_version="t"))


def gold(text: str, article_id: str = "art-1", *events: RealNewsEvent) -> RealNewsSentence:
    start = ARTICLE.find(text)
    return RealNewsSentence(id=text[:6], text=text, corpus="bbc-news", article_id=article_id,
                            start=max(start, 0), end=max(start, 0) + len(text), events=list(events),
                            noevent=not events)


def corpus(tmp_path, monkeypatch, text: str = ARTICLE) -> None:
    folder = tmp_path / "corpus" / "bbc-news"
    folder.mkdir(parents=True)
    (folder / "bbc-news.jsonl").write_text(json.dumps({"id": "art-1", "text": text, "title": "t"}) + "\n")
    (tmp_path / "eval-data").mkdir()
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path))


class Coders:
    """Counts calls: articles are coded once however many gold sentences they hold."""

    def __init__(self):
        self.articles, self.sentences = [], []

    def article(self, art):
        self.articles.append(art)
        return [span_event("CONSULT", art.text, "flew", "Prime Minister Ana Costa", "PRT"),
                span_event("ACCUSE", art.text, "criticised", "Ms Costa", "PRT")]

    def sentence(self, text, published=None):
        self.sentences.append(text)
        return []


def test_each_article_is_coded_once_and_events_land_in_their_sentence(tmp_path, monkeypatch):
    corpus(tmp_path, monkeypatch)
    coders = Coders()
    golds = [gold(FIRST), gold(SECOND, "art-1", RealNewsEvent("ACCUSE", "actual", "criticised", "Ms Costa", "PRT"))]
    predicted, context = code_in_articles(golds, coders.article, coders.sentence)
    assert len(coders.articles) == 1 and coders.sentences == []
    assert [[e.event_type for e in p] for p in predicted] == [["CONSULT"], ["ACCUSE"]]
    accuse = predicted[1][0]
    assert SECOND[accuse.source[0].start:accuse.source[0].end] == "Ms Costa"  # offsets now the sentence's
    assert context == {"mode": "article", "articles": 1, "sentences_in_articles": 2, "sentences_alone": 0,
                       "corpus": str(tmp_path / "corpus")}
    assert score_realnews(golds, predicted)["type_source"]["given_type"] == 1.0


def test_a_sentence_whose_article_is_missing_or_changed_is_coded_alone(tmp_path, monkeypatch):
    corpus(tmp_path, monkeypatch, text=ARTICLE.replace("Madrid", "Seville"))
    coders = Coders()
    golds = [gold(FIRST), gold(SECOND, "art-2")]
    predicted, context = code_in_articles(golds, coders.article, coders.sentence)
    assert coders.articles == [] and coders.sentences == [FIRST, SECOND]
    assert predicted == [[], []] and context["sentences_alone"] == 2


def test_no_corpus_folder_codes_every_sentence_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_SHARED", str(tmp_path / "nowhere"))
    coders = Coders()
    predicted, context = code_in_articles([gold(FIRST)], coders.article, coders.sentence)
    assert coders.sentences == [FIRST] and context["corpus"] is None and context["sentences_alone"] == 1


def test_a_sentence_that_repeats_an_event_merged_into_an_earlier_one_reports_it(tmp_path, monkeypatch):
    """The article codes one CONSULT whose later report ("talks") was merged into it: the third
    sentence is scored with that event, its trigger the repeat's words, moved to the sentence."""
    corpus(tmp_path, monkeypatch)
    third = ARTICLE.split(". ")[2]
    at = ARTICLE.index("talks")

    class Repeating(Coders):
        def article(self, art):
            flew = span_event("CONSULT", art.text, "flew", "Prime Minister Ana Costa", "PRT")
            return [flew.model_copy(update={"mentions": 2, "repeats": [Repeat(text="talks", start=at, end=at + 5)]})]

    golds = [gold(SECOND), gold(third, "art-1", RealNewsEvent("CONSULT", "actual", "talks", None, None))]
    predicted, _ = code_in_articles(golds, Repeating().article, Repeating().sentence)
    assert predicted[0] == []
    [talks] = predicted[1]
    assert third[talks.trigger.start:talks.trigger.end] == "talks"
