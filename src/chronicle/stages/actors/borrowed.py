"""Countries the text leaves unsaid: generic agents, state bodies and private people take the
country of their sentence or of the story.

News names a country once and then writes "police", "prosecutors", "the court", "the government",
"unions": a reader gives them the country the article is about. So does the labelled data (and
PLOVER): "Police arrested a man" in a Manchester story is GBR COP; "Gary Smith, 35, was charged" in a
Boston story is a USA civilian. A country borrowed this way is evidence of the story, not of the
phrase, so it is given only where the story is clearly of one country (``StoryContext.main``, or the
one country that leads the parsed sentences by the same margin) or the sentence itself names one;
a story of two countries gives none ("police" in a story of Australia and New Zealand could be
either). A group marked as foreign ("foreign suspects", ``outsider_words``) is not the story's.
Borrowed countries are marked in the method (``+sentence-country``, ``+article-country``,
``+story-country``), so later steps can tell them from the phrase's own.
"""

from __future__ import annotations

import bisect
from collections import Counter

from chronicle.knowledge.actors import load_actor_cues, load_actor_kb
from chronicle.record import ActorMention, Work
from chronicle.stages.actors.context import StoryContext, leading_country
from chronicle.syntax.tree import doc_ents

STATE_BODY_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})
"""Sectors of a body named only by the kind of body it is ("the Court", "the Ministry"): the
state's, so of the story's country."""
NAMING_KINDS = ("country", "organisation", "person", "group")
NO_STATE = ("IGO", "NGO", "MNC")
PERSON_CONFIDENCE = 0.35
ARTICLE_CONFIDENCE = 0.4
UNKNOWN_BODY_ENTS = ("ORG", "NORP")
NAMESAKE_KINDS = ("person", "unknown", "organisation")


def sentence_countries(work: Work, gazetteer=None) -> dict[int, list[str]]:
    """The countries each sentence names (by its first token), in text order: its countries and
    groups ("Kenya", "Kenyans"), and, with a ``gazetteer``, the places the parser found in it (a
    town's name is often another country's town too: evidence enough to withhold a country, not
    to give one)."""
    found: dict[int, list[tuple[int, str]]] = {}
    for m in work.mentions:
        if m.country and m.kind in ("country", "group") and m.country not in NO_STATE:
            found.setdefault(work.doc[m.head_i].sent.start, []).append((m.start, m.country))
    for ent in doc_ents(work.doc)[0] if gazetteer is not None else ():
        if ent.label_ == "GPE":
            country = place_country(ent.text, gazetteer, ent)
            if country is not None:
                found.setdefault(ent.sent.start, []).append((ent.start_char, country))
    return {start: [c for _, c in sorted(pairs)] for start, pairs in found.items()}


def place_country(text: str, gazetteer, ent=None) -> str | None:
    """The country of a place name the parser found: a state's abbreviation ("Va.", "Ill.",
    ``regions.yaml``) is its state's, which the gazetteer, folding the dots, would read as a foreign
    town ("Va." -> Wa, Ghana) and so withhold the country of every person in the sentence; a town
    written with its region after a comma (the span ``ent``) is that region's ("Kingston, Ont.")."""
    regions = load_actor_kb().region_abbreviations.get(text)
    if regions:
        countries = {r.country for r in regions}
        return countries.pop() if len(countries) == 1 else None
    place = gazetteer.resolve_written(ent, None if ent is not None else text)
    return place.country if place is not None else None


def article_country(work: Work, story: StoryContext | None, gazetteer) -> str | None:
    """The one country the story is of: the whole article's (``story.main``), else the one that
    clearly leads what its text names (for a group, one mention is enough when no other country
    is named: a British outlet's story of an American firm is American); with no story read, the
    one that leads the countries the parsed sentences name; else, when the text names none, the
    outlet's."""
    if story is not None and story.countries:
        return story.main or leading_country(text_evidence(story), minimum=1) or story.fallback
    counts: Counter = Counter()
    for m in work.mentions:
        if m.country and m.kind in NAMING_KINDS and m.sector != "MED" and m.country not in NO_STATE:
            counts[m.country] += 1
    for ent in doc_ents(work.doc)[0]:
        if ent.label_ == "GPE" and (country := place_country(ent.text, gazetteer, ent)) is not None:
            counts[country] += 1
    if counts:
        return leading_country(counts, minimum=1)
    return story.fallback if story is not None else None


def text_evidence(story: StoryContext) -> Counter:
    """The story's country evidence without the outlet's own vote: the outlet is the story's
    country only when the text names no other."""
    counts = Counter(story.countries)
    if story.outlet and counts.get(story.outlet):
        counts[story.outlet] -= 1
    return +counts


def outsider(mention: ActorMention) -> bool:
    """Whether the phrase marks its group as foreign to the story ("foreign terror suspects")."""
    return bool(set(mention.text.lower().split()) & load_actor_cues().outsider_words)


def several_states(mention: ActorMention, work: Work) -> bool:
    """Whether the phrase calls its people those of a continent or a region of several states
    ("European leaders", "Western diplomats", "ministers from European and Asian governments",
    ``several_state_adjectives``): they are of no one country, neither the story's nor one their
    sentence names ("European leaders blamed the US" are not American)."""
    words = load_actor_cues().several_state_adjectives
    head = work.doc[mention.head_i]
    own = [t for t in head.subtree if mention.start <= t.idx < mention.end]
    kin = [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
           for obj in prep.children if obj.dep_ == "pobj" for t in (obj, *obj.conjuncts)]
    adjectives = own + [a for obj in kin for a in obj.children if a.dep_ == "amod"]
    return any(t.tag_ == "JJ" and t.text in words for t in adjectives)


def _takes_context(mention: ActorMention) -> bool:
    """A generic agent, a bare title, or a state body named only by its kind ("the Court")."""
    if mention.country is not None or mention.actor_id:
        return False
    if mention.kind == "agent" or mention.method == "title":
        return True
    return mention.kind == "organisation" and "name-head" in mention.method \
        and mention.sector in STATE_BODY_SECTORS


def context_countries(work: Work, story: StoryContext | None, gazetteer) -> None:
    """Give generic agents and state bodies with no country the country of the place their phrase
    names ("police in Nairobi"), else the story's (:func:`article_country`), else the one their
    sentence names first; none when neither says or the phrase calls the group foreign. The story's
    country goes before the sentence's: a country a sentence names is more often what the act is
    about ("MPs backed the invasion of Iraq", "lawmakers spoke against talks over Iran's plans")
    than where the group is from."""
    main = article_country(work, story, gazetteer)
    local = sentence_countries(work)
    for m in work.mentions:
        if not _takes_context(m) or outsider(m) or several_states(m, work):
            continue
        own = _own_place(m, work)
        here = own or local.get(work.doc[m.head_i].sent.start, [])
        if here and (main is None or own):
            m.country, m.method = here[0], m.method + "+sentence-country"
        elif main is not None:
            m.country, m.method = main, m.method + "+article-country"
            m.confidence = min(m.confidence, ARTICLE_CONFIDENCE)


def _own_place(mention: ActorMention, work: Work) -> list[str]:
    """The country of the place a group's phrase says it is in or from ("police in Nairobi",
    "protesters from Basra"): the place mention after a place preposition of its head."""
    head = work.doc[mention.head_i]
    preps = load_actor_cues().place_target_preps
    return [m.country for prep in head.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj" for m in work.actors_at.get(obj.i, [])
            if m.kind in ("place", "country") and m.country][:1]


def bare_titles(work: Work, titles: list[ActorMention], story: StoryContext | None, gazetteer) -> None:
    """Bring back the bare titles no earlier person explained ("MPs urged ministers to act", "the
    governor vetoed it": ``linking.drop_bare_titles``) as officials of the country their sentence
    names first, or else of the story's one country (:func:`article_country`), as a reader takes
    them; one with neither, marked as foreign, or of any holder ("a candidate") stays out, and one
    of several states ("European leaders", :func:`several_states`) comes back with no country. They
    come back after the pronouns are resolved, so no pronoun points to them instead of a named
    person; they keep ``title:bare`` in their method, and the events stage lets them fill a role but
    never make an event alone."""
    if not titles:
        return
    main = article_country(work, story, gazetteer)
    local = sentence_countries(work)
    for m in titles:
        if outsider(m) or m.head_i in work.actors_at or _indefinite(work.doc[m.head_i]):
            continue
        here = local.get(work.doc[m.head_i].sent.start, [])
        country = here[0] if here else main
        if several_states(m, work):
            country, here = None, []
        elif country is None:
            continue
        m.country, m.method = country, "title:bare" + ("+sentence-country" if here else
                                                      "+article-country" if country else "+several-states")
        m.confidence = min(m.confidence, ARTICLE_CONFIDENCE)
        work.actors_at[m.head_i] = [m]
        bisect.insort(work.mentions, m, key=lambda mention: mention.head_i)  # the mentions stay in text order


def _indefinite(head) -> bool:
    """"a candidate", "all candidates": a title of any holder, not of a certain one."""
    words = load_actor_cues().indefinite_determiners
    return any(c.dep_ in ("det", "predet") and c.lower_ in words for c in head.children)


def story_country(story: StoryContext) -> str | None:
    """The one country the story is of, strictly: its clear country (``story.main``), or the only
    country its text names, or, when its text names none, the outlet's (a local paper's crime
    story names its streets, not its country). Private people take it (:func:`private_people`; the
    events stage gives it to the unnamed people an arrest or a shooting is done to)."""
    named = text_evidence(story)
    if story.main or named:
        return story.main or (next(iter(named)) if len(named) == 1 else None)
    return story.outlet


def private_people(work: Work, story: StoryContext, gazetteer) -> str | None:
    """A person the knowledge base lacks, named in a story clearly of one country (or whose text
    names one country and no other), whose sentence names no other country, is of that country
    ("Gary Smith, 35, was charged" in a Boston story): as a reader, and PLOVER's coders, take them.
    A name the parser could not type is a person when an honorific leads it ("Mr Hockney"). No
    sector: what the person is, the text says or not. A person in a sentence naming another country
    ("X, who fled Syria") is left unknown; a capital's namesake town ("from Wellington" in a Somerset
    story, ``StoryContext.namesakes``) names no other country. Returns that country (:func:`story_country`)."""
    main = story_country(story)
    if main is None:
        return None
    local = sentence_countries(work, gazetteer)
    for m in work.mentions:
        if m.country is not None or m.actor_id or not _private_person(m):
            continue
        here = set(local.get(work.doc[m.head_i].sent.start, [])) - story.namesakes
        if here - {main}:
            continue
        m.country, m.method = main, m.method + "+story-country"
        m.confidence = min(m.confidence, PERSON_CONFIDENCE)
    return main


def unknown_bodies(work: Work, gazetteer) -> None:
    """A body the knowledge base lacks ("the CSA", "the Departments of Homeland Security") or a
    people named by faith ("Muslims"), named in a story clearly of one country
    (``Work.story_country``) whose sentence names no other country, is of that country, as a
    reader and PLOVER's coders take it. No sector: what the body is, its name says or not, so it
    never makes an event political alone. Run after :func:`private_people`."""
    main = work.story_country
    if main is None:
        return
    local = sentence_countries(work, gazetteer)
    for m in work.mentions:
        if m.country is not None or m.actor_id or not _unknown_body(m, work):
            continue
        if set(local.get(work.doc[m.head_i].sent.start, [])) - {main}:
            continue
        m.country, m.method = main, m.method + "+story-country"
        m.confidence = min(m.confidence, PERSON_CONFIDENCE)


def _unknown_body(mention: ActorMention, work: Work) -> bool:
    """A name the parser took for an organisation or a people, which the knowledge base lacks."""
    return mention.kind == "unknown" and mention.method in ("ner", "unknown") \
        and work.doc[mention.head_i].ent_type_ in UNKNOWN_BODY_ENTS


def earlier_namesakes(work: Work) -> None:
    """"Russian oil firm Yukos ... Yukos has asked", "Welsh singer Bryn Fon ... Fon was released": a
    name the knowledge base lacks, told again without its description, is the one the article
    described before, and takes the country that description gave (method ``+earlier-mention``).
    A name two earlier descriptions give different countries keeps none."""
    described: dict[str, str | None] = {}
    for m in work.mentions:
        if m.actor_id or m.kind not in NAMESAKE_KINDS:
            continue
        if m.country is None and m.method in ("ner", "unknown"):
            country = described.get(_bare_name(m.text))
            if country:
                m.country, m.method = country, m.method + "+earlier-mention"
                m.confidence = min(max(m.confidence, PERSON_CONFIDENCE), 0.5)
        elif m.country and m.method == "modifiers" and m.name and m.name != m.text:
            words = _bare_name(m.name).split()
            for key in {" ".join(words), words[-1]} if words else ():
                described[key] = m.country if described.get(key, m.country) == m.country else None


def _bare_name(text: str) -> str:
    """A name without its article, possessive or honorific ("the Guildford Four's" -> "Guildford
    Four", "Mr Khodorkovsky" -> "Khodorkovsky")."""
    words = text.replace("’", "'").removesuffix("'s").removesuffix("'").split()
    honorifics = load_actor_cues().honorifics
    while words and (words[0].lower() in ("the", "a", "an") or words[0] in honorifics):
        words = words[1:]
    return " ".join(words)


def _private_person(mention: ActorMention) -> bool:
    """A person the parser found (whose title may have given a sector: "CEO X") or linked to an
    earlier full name (or a title linked to one: "the judge" after "Judge Ann Roe" is her, and of
    her country), or a name of no known kind led by an honorific ("Mr Hockney", "Dr. Amato")."""
    words = mention.text.split()
    if mention.kind == "unknown" and mention.method in ("ner", "unknown"):
        return len(words) > 1 and words[0] in load_actor_cues().honorifics
    linked = mention.method.startswith(("link:name:", "link:title:"))
    return mention.kind == "person" and (mention.method in ("ner", "modifiers") or linked)
