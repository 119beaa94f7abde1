"""Code people from what the article says about them: titles, parties, regions, whom they speak for.

Most people in the news are not in any knowledge base, but the article says who they are: "House
Speaker X" (USA LEG), "Labour MP X" (GBR LEG), "Iranian Foreign Minister X" (IRN GOV), "a spokesman
for X" (X's codes), "Sen. X (R-Ky.)" (USA LEG, Republican), "Texas Governor X" (USA GOV, the state's
governor). The title decides the sector (an MP of a party is a legislator, not the party); a title
that exists in one country gives that country; a region gives its country and makes the office
sub-national; a titled person with no country in the phrase takes the story's country.

People the knowledge base does know are coded by the role they hold on the article's date; an
undated article is read with the role the text gives them ("Prime Minister Tony Blair") or, failing
that, the year the text is about.
"""

from __future__ import annotations

import copy

from spacy.tokens import Token

from chronicle.knowledge.actors import (POLITICAL_SECTORS, ActorEntry, ActorKB, AgentEntry, Coding, Region,
                                        load_actor_cues)
from chronicle.record import ActorMention, Work
from chronicle.stages.actors.borrowed import several_states
from chronicle.stages.actors.context import StoryContext

TAG_WINDOW = 7
"""How many tokens after a name a party-state tag ("(R-Ky.)") may take."""


def title_family(title: str) -> set[str]:
    """The titles a title may stand for: "minister" -> foreign minister, defence minister, ...;
    any title stands for itself."""
    title = title.lower()
    return {title} | set(load_actor_cues().title_heads.get(title, ()))


def person_coding(kb: ActorKB, entry: ActorEntry, story: StoryContext | None, title: str | None) -> Coding:
    """A known person's code: the role held on the article's date; in an undated article the role
    the text names ("Prime Minister Tony Blair"), else the role held in the year the text is about,
    else the latest role. A dated role the knowledge base only knows as "government" gives way to
    the sector of the title the text uses ("House Speaker John Boehner" is a legislator)."""
    day = story.day if story is not None else None
    if day is not None or entry.kind != "person" or not entry.roles:
        return _with_title(kb, kb.code(entry, day), title)
    if title:
        family = title_family(title)
        named = [r for r in entry.roles if r.role.lower() in family] \
            or [r for r in entry.roles if r.country == "IGO" and _role_office(r.role) in family]
        if named:
            role = named[-1]
            return Coding(role.country or entry.country, role.sector or entry.sector, role.role,
                          "knowledge-base:role-named", 0.8)
    written = _roles_in_text(kb, entry, story)
    if len(written) == 1:
        role = written[0]
        return Coding(role.country or entry.country, role.sector or entry.sector, role.role,
                      "knowledge-base:role-in-article", 0.7)
    if story is not None and story.text_day is not None:
        coding = kb.code(entry, story.text_day)
        return Coding(coding.country, coding.sector, coding.role, coding.method + "@text-year",
                      min(coding.confidence, 0.7))
    return _with_title(kb, kb.code(entry, None), title)


def _role_office(role: str) -> str:
    """The office a role's name says, without the body it is held in: "Secretary-General of the
    United Nations" is what "UN Secretary-General Ban" names. Read only for offices of
    international bodies, whose holders the knowledge base otherwise codes by their nationality."""
    return role.lower().split(" of ")[0]


def _roles_in_text(kb: ActorKB, entry: ActorEntry, story: StoryContext | None) -> list:
    """The person's knowledge-base roles whose title the article uses somewhere ("the prime
    minister" in a story of Tony Blair), each role name once."""
    if story is None or not story.titles:
        return []
    written = set()
    for span in story.titles:
        if is_former(span.doc[max(0, span.start - 2):span.start]):
            continue  # "former President X": an office no one here holds
        title = kb.title_entry(span.text)
        written.add(title.role if title is not None and title.role else span.text.lower())
    found = {}
    for role in entry.roles:
        if role.role.lower() in written:
            found[role.role.lower()] = role
    return list(found.values())


def _with_title(kb: ActorKB, coding: Coding, title: str | None) -> Coding:
    """Replace a generic imported role's sector by the sector of the title the text gives."""
    entry = kb.titles.get(title) if title else None
    if entry is None or entry.sector is None or coding.role is None or coding.role.lower() in kb.titles:
        return coding
    if entry.country is not None and coding.country is not None and entry.country != coding.country:
        return coding
    return Coding(coding.country, entry.sector, title, coding.method + "+title", coding.confidence)


def apply_title(mention: ActorMention, title: str, entry: AgentEntry | None, regions: list[Region],
                affiliation_sector: str | None, former: bool = False) -> None:
    """Code a titled person (or a bare title) from the title: an office's sector before its party's
    ("Labour MP" is a legislator) but an organisation's before a generic office's ("IOC president"
    speaks for the IOC), its country when the office has one, a region's country ("Senator X of
    Nevada"), and for a state's or province's office the region in the role ("Texas Governor X":
    USA GOV, governor of Texas; "Ontario Premier X": CAN GOV, premier of Ontario, as a national
    title a region heads is that region's office). A ``former`` holder keeps the country, not the
    office's sector."""
    title = entry.role if entry is not None and entry.role else title
    mention.role = f"former {title}" if former else title
    office = entry.sector if entry is not None else None
    if former and office in POLITICAL_SECTORS:
        mention.sector = load_actor_cues().former_sector  # a former office-holder: the political elite
    elif mention.sector is None and not former:
        party = affiliation_sector == "PTY"
        mention.sector = (office or affiliation_sector) if party or affiliation_sector is None else affiliation_sector
    if mention.country is None and entry is not None and entry.country:
        mention.country = entry.country
    region = regions[0] if regions else None
    if region is not None and mention.country in (None, region.country):
        mention.country = region.country
        if entry is not None and (entry.subnational or title in load_actor_cues().regional_titles):
            mention.role = f"{mention.role} of {region.name}"
            mention.method = mention.method + "+subnational"


def is_former(tokens) -> bool:
    """Whether "former", "ex-" or the like stands among the words before a title."""
    words = load_actor_cues().former_words
    return any(t.lower_ in words or t.lower_.startswith("ex-") for t in tokens)


def party_tag(head: Token, kb: ActorKB) -> tuple[ActorEntry | None, list[Region]] | None:
    """The party and state of a US legislator's tag after the name: "(R-Ky.)", ", D-N.Y.,",
    "R-Texas"; None when there is none."""
    doc, tags = head.doc, load_actor_cues().party_tags
    stop = min(len(doc), head.i + TAG_WINDOW)
    for i in range(head.i + 1, stop - 2):
        letter, dash, state = doc[i], doc[i + 1], doc[i + 2]
        if letter.text in tags and dash.text in ("-", "–") and i <= head.i + 2:
            regions = kb.region_abbreviations.get(state.text) or kb.regions.get(state.text) or []
            if regions:
                party_id = tags[letter.text]
                return (kb.entries.get(party_id) if party_id else None), regions
    return None


def apply_party_tag(mention: ActorMention, head: Token, kb: ActorKB) -> None:
    """Code a person followed by a party-state tag: the state's country, the party as affiliation,
    and, with no title saying otherwise, a legislator."""
    found = party_tag(head, kb)
    if found is None:
        return
    party, regions = found
    mention.country = mention.country or regions[0].country
    if mention.sector is None:
        mention.sector = "LEG"
    if party is not None and mention.affiliation is None:
        coding = kb.code(party, None)
        mention.affiliation = ActorMention(text=party.name, start=mention.start, end=mention.end,
                                           head_i=mention.head_i, name=party.name, actor_id=party.id,
                                           country=coding.country, sector=coding.sector,
                                           kind="organisation", method=coding.method,
                                           confidence=coding.confidence)
    mention.confidence = max(mention.confidence, 0.6)
    if mention.method in ("ner", "unknown"):
        mention.method = "modifiers"
    mention.method += "+party-tag"


def speaks_for(work: Work, kb: ActorKB) -> None:
    """"a spokesman for X", "an aide to X": a holder of such a title with no code of its own is
    coded as the actor it speaks or works for."""
    for mention in work.mentions:
        entry = title_entry(kb, mention.role)
        if entry is None or not entry.acts_for or mention.country or mention.actor_id:
            continue
        head = work.doc[mention.head_i]
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in entry.acts_for:
                continue
            principals = [m for p in prep.children if p.dep_ == "pobj" for m in work.actors_at.get(p.i, [])]
            principals = [m for m in principals if m.country or m.sector]
            if principals:
                _copy_codes(mention, principals[0], "+acts-for")
                break


def _copy_codes(mention: ActorMention, principal: ActorMention, how: str) -> None:
    """Give ``mention`` the codes of the actor it acts for (and that actor as its affiliation when it
    is an organisation)."""
    mention.country, mention.sector = principal.country, principal.sector
    if principal.kind in ("organisation", "country") and mention.affiliation is None:
        mention.affiliation = principal
    mention.confidence = max(mention.confidence, min(principal.confidence, 0.6))
    mention.method = (mention.method if mention.method not in ("ner", "unknown") else "modifiers") + how


def story_countries(work: Work, kb: ActorKB, story: StoryContext) -> None:
    """A titled person with no country in the phrase ("Senator X", "the governor") is of the
    story's country, or, when the story has no clear country, of the title's usual country; one
    the phrase gives to several states ("ministers from Asian governments") of none."""
    for mention in work.mentions:
        if mention.country is not None or mention.actor_id or mention.kind != "person" or not mention.role:
            continue
        entry = title_entry(kb, mention.role)
        if entry is None or (entry.sector is not None and entry.sector not in POLITICAL_SECTORS):
            continue
        if mention.sector is None and entry.sector is None:
            continue  # "a spokesman" who speaks for no one named: no country either
        if several_states(mention, work):
            continue  # "ministers from European governments": of several countries, so of none
        if story.main is not None:
            mention.country, mention.method = story.main, mention.method + "+story-country"
        elif entry.usual_country is not None:
            mention.country, mention.method = entry.usual_country, mention.method + "+title-country"
        else:
            continue
        mention.confidence = min(max(mention.confidence, 0.45), 0.5)


def title_entry(kb: ActorKB, role: str | None) -> AgentEntry | None:
    """The title table's entry of a role as coded ("governor of Texas" -> governor)."""
    if not role:
        return None
    role = role.lower().removeprefix("former ")
    return kb.titles.get(role) or kb.titles.get(role.split(" of ")[0])


def merge_appositions(work: Work) -> None:
    """"Scotland's First Minister Jack McConnell": the name is an apposition of the title, so the
    name takes the title's codes and the title the name's identity (they are one person)."""
    for mention in work.mentions:
        head = work.doc[mention.head_i]
        if head.dep_ != "appos" or mention.kind != "person" or mention.actor_id:
            continue
        titled = [m for m in work.actors_at.get(head.head.i, []) if m.role and m.kind == "person"]
        if len(titled) != 1:
            continue
        title = titled[0]
        if mention.country is None and mention.sector is None:
            mention.country, mention.sector, mention.role = title.country, title.sector, title.role
            mention.affiliation = mention.affiliation or title.affiliation
            mention.method = "modifiers+apposition"
            mention.confidence = max(mention.confidence, min(title.confidence, 0.55))
        if title.name is None or title.name == title.text:
            title.name = mention.name


BORROWED_COUNTRY = ("+story-country", "+article-country", "+sentence-country")
"""Method suffixes of a country taken from the story or the sentence, not from the phrase's words."""


def apposed_names(work: Work) -> None:
    """"The House Republican leader, Representative Kevin McCarthy, criticized X", "the party's home
    affairs spokesman, Mark Oaten, accused Y", "the gunman, John Smith, ...": a title or a generic
    agent followed by the name of the person it describes, between commas, is that person; the
    name, not the description, is who acts or is acted on (a reader and PLOVER's coders name the
    person; after a title, a name the parser could not type is a person's). The phrase's place (what the events stage reads for a subject or an object) takes
    the named people, filled in with what the description says of them that the name does not (its
    country, sector, role); a country the description's own words give stands before one the name
    only borrowed from the story. The description stays a mention of its own (the anaphors and
    the linking of later short forms read it)."""
    doc = work.doc
    for mention in list(work.mentions):
        head = doc[mention.head_i]
        if head.pos_ != "NOUN" or mention.kind not in ("person", "agent"):
            continue
        apposed = [a for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                   for a in (c, *[x for x in c.conjuncts if x.i > c.i])]
        # A name the parser could not type is the person a title describes ("spokesman, Gareth Pembly")
        kinds = ("person", "unknown") if mention.kind == "person" else ("person",)
        names = [m for a in apposed for m in work.actors_at.get(a.i, []) if m.kind in kinds]
        if not names or (head.tag_ == "NN" and len(names) > 1):
            continue
        work.actors_at[mention.head_i] = [_described_by(name, mention) for name in names]


def _described_by(name: ActorMention, description: ActorMention) -> ActorMention:
    """A copy of ``name`` with the codes ``description`` gives and the name lacks (or only borrowed)."""
    twin = copy.copy(name)
    twin.kind = "person" if description.kind == "person" else twin.kind
    own = description.country is not None and not _borrowed(description)
    if twin.country is None or (own and _borrowed(twin) and not twin.actor_id):
        twin.country = description.country
    twin.sector = twin.sector or description.sector
    twin.role = twin.role or description.role
    twin.affiliation = twin.affiliation or description.affiliation
    return twin


def _borrowed(mention: ActorMention) -> bool:
    return any(suffix in mention.method for suffix in BORROWED_COUNTRY)


def ship_names(work: Work) -> None:
    """"INS Tabar", "the frigate USS Cole": a navy's prefix before a name (``ship_prefixes``,
    ``data/actor_cues.yaml``) says whose warship it is, so the ship, which no knowledge base lists,
    is a military actor of that navy's country, whatever a word of its name suggested ("Dauntless"
    as a firm's name)."""
    prefixes = load_actor_cues().ship_prefixes
    for mention in work.mentions:
        if mention.actor_id:
            continue
        words = mention.text.split()
        country = next((prefixes[w] for w, after in zip(words, words[1:])
                        if w in prefixes and after[:1].isupper()), None)
        if country is not None:
            mention.country, mention.sector = country, "MIL"
            mention.confidence = max(mention.confidence, 0.6)
            mention.method += "+ship-prefix"
