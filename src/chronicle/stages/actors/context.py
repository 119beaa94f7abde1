"""What a reader knows of the whole article before coding one phrase: the story's country, its date.

A name alone is often ambiguous: "Mr McConnell" is a US senator in a Washington story and Scotland's
First Minister in an Edinburgh one; "Georgia" is a state when the story is about Atlanta; "Congress"
is India's party in a Delhi story. A reader settles these from the rest of the article. So, once per
article, the actors stage reads the whole cleaned text (the sentences the screen kept from the
parser too: a lead sentence without an event word still names the people the story is about; only
those are tokenised again, the rest is the parsed doc) with the knowledge base's phrase matcher,
and counts the evidence for each country:
places, demonyms, capitals, parties, people named in full, titles that belong to one country, and,
weakly, the outlet. The story's country is the one that clearly leads.

Undated articles (a corpus without dates) would code people with their latest office; the years the
text names give the story's time instead ("the 2005 election").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from chronicle.knowledge.actors import ActorEntry, ActorKB, Region, load_actor_cues
from chronicle.knowledge.gazetteer import us_counties
from chronicle.record import Work
from chronicle.syntax.tree import doc_ents, doc_text

YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
"""A source given as a web host ("nytimes.com") rather than an outlet's name."""
MIN_LEAD = 2
"""The story's country needs at least this much evidence..."""
LEAD_RATIO = 1.5
"""...and this many times the evidence of the next country."""
NO_EVIDENCE = ("IGO", "NGO", "MNC")
ALIEN_EVIDENCE = 4
"""A person known only by a surname is set aside as alien to the story only when the story's
country has at least this much evidence (a visit abroad names a place or two; a story of another
country names many)."""


@dataclass
class StoryContext:
    """The article as a reader holds it: its words (``tokens``, in text order: the parsed doc's and
    those of the sentences the parser never saw), the knowledge-base names and titles they hold
    (spans of either doc), the evidence for each country, the story's country and its day."""

    tokens: list = field(default_factory=list)
    names: list[SpacySpan] = field(default_factory=list)
    titles: list[SpacySpan] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    main: str | None = None
    day: dt.date | None = None
    text_day: dt.date | None = None
    outlet: str | None = None
    namesakes: set = field(default_factory=set)

    def supports(self, country: str | None) -> bool:
        """Whether the story is of ``country``: its clear country, or, with no clear one, a country
        it names."""
        if country is None:
            return False
        return country == self.main or (self.main is None and self.countries.get(country, 0) > 0)

    def foreign(self, country: str | None) -> bool:
        """Whether ``country`` is alien to the story: it has a clear country, another one, and never
        names this one."""
        return bool(country) and self.main is not None and country != self.main \
            and self.countries.get(country, 0) == 0 and country not in NO_EVIDENCE

    @property
    def fallback(self) -> str | None:
        """The country to give actors the text leaves without one: the story's, or, when the text
        names no country at all, the outlet's."""
        if self.main is not None:
            return self.main
        return self.outlet if self.outlet and set(self.countries) == {self.outlet} else None

    def alien(self, country: str | None) -> bool:
        """Whether ``country`` is foreign to a story that is firmly of another country."""
        return self.foreign(country) and self.countries.get(self.main, 0) >= ALIEN_EVIDENCE


def full_text(work: Work) -> str:
    """The cleaned article with every sentence, screened or not: the original text with the
    clean stage's dropped spans (captions, credits) blanked, so offsets stay the article's."""
    doc_string = doc_text(work.doc)
    if work.clean is None:
        return doc_string
    text = work.article.text
    if len(text) != len(doc_string):
        return doc_string
    if not work.clean.dropped:
        return text
    chars = list(text)
    for span in work.clean.dropped:
        for i in range(span.start, span.end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


def unparsed_text(work: Work, text: str | None = None) -> str | None:
    """The article with only the sentences the screen kept from the parser (everything else blank,
    offsets kept), or None when the parser saw the whole cleaned text. ``text``: the article's
    :func:`full_text`, when the caller has it already."""
    text, parsed = text if text is not None else full_text(work), doc_text(work.doc)
    if text == parsed or len(text) != len(parsed):
        return None
    return "".join(c if p == " " or c in "\n\r" else " " for c, p in zip(text, parsed))


def read_story(work: Work, nlp, matcher, kb: ActorKB, gazetteer, doc_matches=None) -> StoryContext:
    """Read the whole article once: its tokens, names and titles, the country evidence, the story's
    country and its day. ``doc_matches`` are the matcher's spans on the parsed doc; only the
    sentences the parser never saw are tokenised and matched again."""
    text = full_text(work)
    rest = unparsed_text(work, text)
    docs = [work.doc] if rest is None else [work.doc, nlp.make_doc(rest)]
    found = [doc_matches if doc_matches is not None else matcher(work.doc)] + [matcher(d) for d in docs[1:]]
    story = StoryContext(day=work.published)
    story.tokens = sorted((t for d in docs for t in d if not t.is_space), key=lambda t: t.idx)
    story.names = sorted((s for f in found for label in ("NAME", "DEMONYM", "CAPITAL", "REGION", "MODIFIER")
                          for s in f[label]), key=lambda s: s.start_char)
    story.titles = sorted((s for f in found for s in f["TITLE"]), key=lambda s: s.start_char)
    story.countries = _evidence(story, kb, work, gazetteer, text)
    story.outlet = outlet_country(work)
    story.main = leading_country(story.countries)
    if work.published is None:
        story.text_day = _text_day(story.tokens)
    return story


def _evidence(story: StoryContext, kb: ActorKB, work: Work, gazetteer, text: str) -> Counter:
    """Country evidence: each unambiguous name, demonym, capital, region, party word or national
    title of the article counts one; each place the parser tagged counts one; the outlet counts one.
    Names a reader would need the context for (a surname, "Congress", "Georgia") do not count, nor
    does a state's abbreviation the gazetteer would take for a foreign town ("Va." is not Ghana's Wa).
    A town written with its region after a comma is that region's ("Kingston, Ont." is Canada's).
    A capital's name the text gives no other support is a namesake town (:func:`_namesake_capitals`)."""
    counts: Counter = Counter()
    capitals: Counter = Counter()
    for span in story.names:
        country = _country_of(span, kb)
        if country and country not in NO_EVIDENCE:
            counts[country] += 1
            capitals[country] += span.label_ == "CAPITAL"
    for span in story.titles:
        entry = kb.title_entry(span.text)
        if entry is not None and entry.country:
            counts[entry.country] += 1
    if work.doc is not None:
        for ent in doc_ents(work.doc)[0]:
            if ent.label_ == "GPE" and ent.text not in kb.by_alias and ent.text not in kb.regions \
                    and ent.text not in kb.region_abbreviations:
                place = gazetteer.resolve_written(ent)
                if place is not None:
                    counts[place.country] += 1
                    capitals[place.country] += ent.text in kb.capitals
    counts.update(locality_evidence(text))  # the article's full_text
    story.namesakes = _namesake_capitals(counts, capitals)
    outlet = outlet_country(work)
    if outlet:
        counts[outlet] += 1
    return counts


NAMESAKE_LEAD = 3
"""A capital is taken for a namesake town only when another country has at least this much evidence."""


def _namesake_capitals(counts: Counter, capitals: Counter) -> set[str]:
    """Drop the evidence of a country the text names only by its capital's name (no country name,
    demonym, title or other place of it) while it names another country at least ``NAMESAKE_LEAD``
    times: the capital is a town of the same name ("from Wellington" in a Somerset story, "Athens"
    in an Ohio one, "London" in an Ontario one), as a reader takes it. Returns those countries."""
    dropped = {country for country, n in capitals.items() if n and counts[country] == n
               and any(v >= NAMESAKE_LEAD for c, v in counts.items() if c != country)}
    for country in dropped:
        del counts[country]
    return dropped


COUNTY = re.compile(r"\b((?:[A-Z][a-z]+\.? ){1,3}(?:County|Parish))\b(?! Council)")
"""A US county as news writes it ("Hennepin County", "St. Louis County"); "Kent County Council" is
England's."""


def locality_evidence(text: str) -> Counter:
    """Evidence from the words of one country's local news (``locality_cues``,
    ``data/actor_cues.yaml``) and the US counties the text names: each distinct cue counts one for
    its country, so a local crime story that names only its county, its highway and its court has a
    country. A cue that heads a US county ("Somerset County") is the county's, not England's."""
    counts: Counter = Counter()
    for country, pattern in _locality_patterns().items():
        counts[country] += len({m.group(0) for m in pattern.finditer(text)})
    counts["USA"] += len({name for m in COUNTY.finditer(text) if (name := _county(m.group(1)))})
    return +counts


def _county(phrase: str) -> str | None:
    """The US county a capitalised phrase ending in "County" names, read from its end ("The
    Hennepin County" is Hennepin County), or None."""
    words = phrase.split()
    return next((" ".join(words[i:]) for i in range(len(words) - 2, -1, -1)
                 if " ".join(words[i:]) in us_counties()), None)


@functools.lru_cache(maxsize=1)
def _locality_patterns() -> dict[str, re.Pattern]:
    """One pattern per country of its locality cues, as whole words, never before "County"."""
    patterns = {}
    for country, cues in load_actor_cues().locality_cues.items():
        words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        patterns[country] = re.compile(rf"(?<![\w'])(?:{words})(?![\w'])(?! County)")
    return patterns


def _country_of(span: SpacySpan, kb: ActorKB) -> str | None:
    """The one country a matched name stands for, or None when it needs context to say."""
    text, label = span.text, span.label_
    if label == "REGION":
        regions = kb.regions.get(text) or kb.region_demonyms.get(text) or []
        countries = {r.country for r in regions}
        if len(countries) != 1 or any(r.shares_name_with for r in regions):
            return None
        return countries.pop()
    if label == "DEMONYM":
        return kb.demonyms[text].country
    if label == "CAPITAL":
        return None if text in kb.regions else kb.capitals[text].country
    entries = kb.by_alias.get(text, []) if label == "NAME" else kb.modifiers.get(text, [])
    if text.isupper() and len({e.country for e in entries}) > 1:
        return None  # an abbreviation of bodies of several countries ("BNP"): the story says which
    entries = [e for e in entries if (text, e.id) not in kb.context_only]
    if len({e.country for e in entries}) != 1 or text in kb.regions:
        return None
    entry = entries[0]
    if text in load_actor_cues().context_bound_names:
        return None
    if entry.kind == "person" and len(text.split()) < 2:
        return None  # a surname alone may be another person of the same name
    return entry.country


def leading_country(counts: Counter, minimum: int = MIN_LEAD) -> str | None:
    """The country that clearly leads the evidence (at least ``minimum``, and ``LEAD_RATIO``
    times the next), or None."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD_RATIO * ranked[1][1]:
        return None
    return ranked[0][0]


def outlet_country(work: Work) -> str | None:
    """The outlet's home country, from its name, or from its web host (the source given as a
    host, "articles.latimes.com", or the article's address): a national outlet's host
    (``outlet_hosts``) or a country's domain ending (``url_suffixes``, ``data/actor_cues.yaml``)."""
    cues = load_actor_cues()
    source = (work.article.source or "").strip().lower()
    if source in cues.outlets:
        return cues.outlets[source]
    for host in (source if HOST.match(source) else "",
                 re.sub(r"^https?://", "", work.article.url or "").split("/")[0].lower()):
        if host:
            country = host_country(host, cues)
            if country:
                return country
    return None


def host_country(host: str, cues) -> str | None:
    """The country of a web host: a listed national outlet's (or its sub-domain's), else the
    country its domain ending names; None for a host of no country (".com", ".org")."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in cues.outlet_hosts:
            return cues.outlet_hosts[".".join(parts[i:])]
    for suffix, country in sorted(cues.url_suffixes.items(), key=lambda kv: -len(kv[0])):
        if host.endswith(suffix):
            return country
    return None


def _text_day(tokens) -> dt.date | None:
    """For an undated article, the middle of the year its text names most (the latest on a tie):
    the time of the story, for the roles of the people it names."""
    years = Counter(int(t.text) for t in tokens if YEAR.match(t.text))
    if not years:
        return None
    this_year = dt.date.today().year
    best = max((y for y in years if y <= this_year), key=lambda y: (years[y], y), default=None)
    return dt.date(best, 7, 1) if best else None


def region_reading(regions: list[Region], story: StoryContext, near: set[str], shared: bool = False) -> Region | None:
    """The region a sub-national name means here, or None. A name that is also a country's or a
    capital's (``shared``: "Georgia", "Washington") is the region only when the words around it say
    so ("the state of Georgia", "Georgia Governor ...") or the story names the region's country and
    none of the countries that share the name; a region's own name is that region, decided by the
    story's country when two countries have one (Punjab)."""
    if not regions:
        return None
    local = {w.lower() for w in near}
    for region in regions:
        if local & {"state", "governor", "gov.", "legislature", "statehouse", region.kind}:
            return region
        if shared and region.shares_name_with and story.supports(region.country) \
                and not any(story.countries.get(c, 0) for c in region.shares_name_with):
            return region
    if shared:
        return None
    if len({r.country for r in regions}) == 1:
        return regions[0]
    return next((r for r in regions if story.supports(r.country)), None)


def choose_entry(form: str, entries: list[ActorEntry], kb: ActorKB, story: StoryContext | None,
                 nearby: set[str] = frozenset()) -> ActorEntry | None:
    """Among the entries a name or party word may mean, the one this article means: a country named
    in the phrase first, then the story's country (or, with no clear one, the only one of the
    readings' countries the story names); else the first entry that needs no context.
    An entry bound to its country ("Congress" -> India's party) is never taken outside it."""
    usable = [e for e in entries if (form, e.id) not in kb.context_only
              or (story is not None and story.supports(e.country))]
    if not usable:
        return None
    for entry in usable:
        if entry.country in nearby:
            return entry
    if story is not None and len(usable) > 1:
        # the story's country; with none clear, the one country among the readings the story names
        # ("BNP" in a story naming only British places is the British party, not Bangladesh's)
        named = [e for e in usable if story.supports(e.country)]
        if named and (story.main is not None or len({e.country for e in named}) == 1):
            return named[0]
    free = [e for e in usable if (form, e.id) not in kb.context_only]
    return (free or usable)[0]
