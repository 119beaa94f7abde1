"""Word evidence for ``chronicle.dedup``: do two reports tell the same event in the same words, and
are their articles about the same story?

Coded fields (type, actors, date, place) say two reports *may* be one event; the words say whether
they are. Two kinds, both cheap and dependency-free (no lemmatiser, no embeddings):

- **sentence overlap**: the Jaccard overlap of the content words (stopwords out, crude suffix
  stemming) of the two evidence sentences. Outlets retell one event with the same nouns and names
  ("withdraw roughly 2,000 American troops from Syria" / "withdrawing U.S. troops from Syria");
  two different events of one story share an actor but rarely a quarter of their words.
- **article similarity**: the TF-IDF cosine of the two *articles*, each represented by its title
  and the sentences of its coded events (the article text is not used: the store's merge does not
  load it, and a merge must give the same result from the store as from ``Coder.pipe``). This is
  story-level, not event-level evidence: two articles on one story report several different
  events, so it may only add to event-level evidence, never replace it. IDF is computed over the
  articles merged together (smoothed, so two articles alone still compare): one report pair's
  similarity can move slightly when unrelated articles are added.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

from chronicle.schema import Article, Event

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # words and suffixes as in chronicle.dedup
_POSSESSIVE = re.compile(r"['’]s$")
_SUFFIX = re.compile(r"(?:ments?|ations?|ions?|ing|ed|es|s|e)$")
# function words, reporting verbs and calendar words: shared by any two news sentences
STOPWORDS = frozenset("""
a about above after again against all almost along already also although always am among an and
another any anyone anything are around as at back be became because become been before being below
between both but by came can cannot could did do does doing done down during each either else even
ever every few for from further get gets got had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less like made make many may me
might more most much must my myself near neither never no nor not now of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps quite rather really
same see seen several shall she should since so some still such than that the their theirs them
themselves then there these they this those though through thus to together too toward towards
under until up upon us very via was we well were what whatever when where whether which while who
whom whose why will with within without would yet you your yours yourself yourselves
said say says saying told tell tells according added asked called statement statements
mr mrs ms dr
today yesterday tomorrow week weeks weekend month months year years day days time times ago later
earlier last next first second new
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split())


def content_words(text: str) -> frozenset[str]:
    """The stems of a text's content words: lower case, no possessive, crude suffix stripping
    ("troops" = "troop", "withdrawing" = "withdraw"); stopwords and words of two letters out."""
    return frozenset(_stems(text))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


class ArticleSimilarity:
    """TF-IDF cosine between articles, each profiled by its title and its events' sentences.

    Document frequencies are counted once over all articles; an article's vector is built the first
    time it is compared (most articles never are), so memory follows the candidate pairs.
    ``from_profiles`` takes the frequencies counted elsewhere (a store keeps those of all its
    articles, so that a merge of a few new articles weighs words as a merge of all would).
    """

    def __init__(self, items: Iterable[tuple[Article, list[Event]]]):
        texts: dict[str, list[str]] = {}
        for article, events in items:
            profile = texts.setdefault(article.id, [article.title or ""])
            profile.extend(sorted({e.sentence for e in events} - set(profile)))
        df: Counter = Counter()  # articles a word occurs in
        for profile in texts.values():
            df.update(profile_words(profile))
        self._setup(texts, df, len(texts))

    @classmethod
    def from_profiles(cls, texts: Mapping[str, list[str]], df: Mapping[str, int],
                      articles: int) -> "ArticleSimilarity":
        """Similarity of the articles ``texts`` (id -> ``article_profile``), with document
        frequencies ``df`` counted over ``articles`` articles (words missing from ``df``: 0)."""
        self = cls.__new__(cls)
        self._setup(dict(texts), df, articles)
        return self

    @classmethod
    def from_counts(cls, counts: Mapping[str, Counter], df: Mapping[str, int],
                    articles: int) -> "ArticleSimilarity":
        """``from_profiles`` with each profile's stems counted already (``profile_counts``)."""
        self = cls.__new__(cls)
        self._setup({}, df, articles)
        self._counts = dict(counts)
        return self

    def _setup(self, texts: dict[str, list[str]], df: Mapping[str, int], articles: int) -> None:
        self._texts = texts
        self._counts: dict[str, Counter] = {}
        self._df = df
        self._n = articles
        self._vectors: dict[str, dict[str, float]] = {}
        self._cache: dict[tuple[str, str], float] = {}

    def __call__(self, doc_a: str, doc_b: str) -> float:
        key = (doc_a, doc_b) if doc_a < doc_b else (doc_b, doc_a)
        if key not in self._cache:
            va, vb = self._vector(key[0]), self._vector(key[1])
            if len(va) > len(vb):
                va, vb = vb, va
            self._cache[key] = sum(x * vb.get(w, 0.0) for w, x in va.items())
        return self._cache[key]

    def _vector(self, doc: str) -> dict[str, float]:
        """Unit vector of log term frequency x smoothed IDF (a word in every article still counts)."""
        if doc not in self._vectors:
            counts = self._counts.get(doc)
            if counts is None:
                counts = profile_counts(self._texts.get(doc, ()))
            n = self._n
            vector = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + self._df.get(w, 0))) + 1)
                      for w, c in counts.items()}
            norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
            self._vectors[doc] = {w: x / norm for w, x in vector.items()}
        return self._vectors[doc]


def article_profile(title: str | None, sentences: Iterable[str]) -> list[str]:
    """What an article is compared by: its title, then its events' distinct sentences, sorted."""
    profile = [title or ""]
    profile.extend(sorted(set(sentences) - set(profile)))
    return profile


def profile_counts(profile: Iterable[str]) -> Counter:
    """How often each stem occurs in a profile (the term frequencies of its vector)."""
    return Counter(w for text in profile for w in _stems(text))


def profile_words(profile: Iterable[str]) -> set[str]:
    """The distinct stems of a profile: what the article adds to the document frequencies."""
    return {w for text in profile for w in _stems(text)}


def _stems(text: str) -> list[str]:
    """``content_words`` as a list with repeats (term frequency counts repeats)."""
    out = []
    for word in _WORD.findall(text):
        word = _POSSESSIVE.sub("", word.lower())
        if len(word) > 2 and word not in STOPWORDS:
            out.append(_SUFFIX.sub("", word) if len(word) > 4 else word)
    return out
