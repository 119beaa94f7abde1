"""Follow the article the way a reader does: a later, shorter mention is the entity named in full.

News names a person in full once ("Prime Minister Tony Blair", "Scotland's First Minister Jack
McConnell", "House Speaker John Boehner") and then writes "Mr Blair", "McConnell", "the prime
minister", "the senator"; it spells an organisation out once ("the National Rifle Association
(NRA)") and then uses its acronym. Coded alone, those short forms are unknown, or worse, another
entity of the knowledge base that shares a surname (the US senator Mitch McConnell for Scotland's
Jack McConnell). Here every short form takes the identity and codes of the entity named in full
earlier in the same article, when exactly one earlier entity fits; when none or several fit it is
left as it is (precision first), and a surname that only the knowledge base supplies is kept only
if its person belongs to the story's country (or the story has none). A surname the article never
writes in full ("Mr Gingrich") is read as the knowledge base's people of that surname who belong to a
country the story is about: one gives the identity, several of one country the country alone.

The earlier full mentions are read from the whole article, the sentences the parser never saw too:
a lead sentence without an event word often holds the only full name.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field

from chronicle.knowledge.actors import ActorKB, load_actor_cues
from chronicle.knowledge.cues import load_cues
from chronicle.record import ActorMention, Work
from chronicle.stages.actors.context import StoryContext, choose_entry
from chronicle.stages.actors.descriptors import apply_title, person_coding, title_entry, title_family

NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$")
NAME_JOINERS = {"of", "the", "for", "and", "&", "on", "in"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le", "du", "abu"}
LINK_CONFIDENCE = 0.85
SURNAME_CONFIDENCE = 0.5
"""A surname alone, read as the knowledge base's person of that surname: a guess the story backs."""
MODIFIER_WINDOW = 6
"""How far before a title its country, region or party words may stand ("Lib Dem constitutional
affairs committee chairman Alan Beith")."""
BREAK_WORDS = {"the", "a", "an", "and", "or", "but", "on", "in", "at", "by", "with", "to", "of", "for",
               "from", "said", "says", "told", "that", "as", "after", "when"}


@dataclass
class Referent:
    """An entity named in full in the article: its name, where it is first named, the codes that
    mention carries, and the titles the article gives it."""

    name: str
    start: int
    template: ActorMention
    roles: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        """The last word of the name: what "Mr X" and a bare "X" repeat (accents folded)."""
        return fold(self.name.split()[-1])


def fold(name: str) -> str:
    """A name as compared: accents dropped ("Raúl" is "Raul")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def title_words(kb: ActorKB) -> frozenset[str]:
    """Every word of a title or honorific ("prime", "minister", "sen.", "mr"): never a first name."""
    return kb.title_words()


def person_name(text: str, stop: frozenset[str]) -> str | None:
    """The personal name in a mention's text ("Labour MP Jane Gorringe" -> "Jane Gorringe"):
    titles, honorifics and lower-case words stripped from the left, possessive from the right."""
    words = re.sub(r"['’]s$", "", text.strip()).split()
    while words and (words[0].lower() in stop or not words[0][:1].isupper()):
        words = words[1:]
    if not words or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    return " ".join(words)


def link(work: Work, story: StoryContext, kb: ActorKB) -> None:
    """Give every short mention (surname, "Mr X", a title alone, an acronym) the identity and codes
    of the one entity the article named in full before it; veto a surname the knowledge base
    supplies for a person alien to the story."""
    stop = title_words(kb)
    referents = _parsed_referents(work, stop) + _read_referents(story, kb, stop)
    kept: list[ActorMention] = []
    for mention in work.mentions:
        new = _resolve(mention, referents, work, story, kb, stop)
        if new is not mention:
            at = work.actors_at.get(mention.head_i, [])
            work.actors_at[mention.head_i] = [new if m is mention else m for m in at]
        kept.append(new)
    work.mentions = kept


def drop_bare_titles(work: Work) -> list[ActorMention]:
    """"the minister" that names no country, organisation or earlier person is too vague to be an
    actor of its own here: set aside (returned), so that no pronoun takes it as its antecedent; the
    story's country may bring it back (``borrowed.bare_titles``)."""
    bare = [m for m in work.mentions if m.method == "title:bare"]
    for mention in bare:
        work.actors_at.pop(mention.head_i, None)
    work.mentions = [m for m in work.mentions if m.method != "title:bare"]
    return bare


def _resolve(mention: ActorMention, referents: list[Referent], work: Work, story: StoryContext,
             kb: ActorKB, stop: frozenset[str]) -> ActorMention:
    """The mention as the article means it: linked, vetoed or unchanged."""
    if mention.method.startswith("anaphor"):
        return mention
    earlier = [r for r in referents if r.start < mention.start]
    words = re.sub(r"['’]s$", "", mention.text).split()
    if mention.kind == "person" and mention.role and person_name(mention.text, stop) is None:
        found = _by_title(mention, earlier)
        return _linked(mention, found, "title") if found is not None else mention
    bare = [w for w in words if w.lower() not in ("the", "a", "an")]
    if len(bare) == 1 and mention.actor_id is None and ACRONYM.match(bare[-1]):
        found = _by_acronym(bare[-1].replace(".", ""), mention, story, kb, work)
        return _linked(mention, found, "acronym") if found is not None else mention
    surname = _surname_form(mention, words, work, stop)
    if surname is not None:
        return _by_surname(mention, surname, earlier, story, kb, stop)
    if mention.kind == "person" and mention.actor_id is None and mention.country is None:
        # "Rick Perry" again, after "Texas Gov. Rick Perry": the codes the first mention gave
        name = person_name(mention.text, stop)
        same = [r for r in earlier if name and fold(r.name) == fold(name) and (r.template.country or r.template.sector)]
        if same:
            return _linked(mention, same[0], "same-name")
    return mention


def _surname_form(mention: ActorMention, words: list[str], work: Work, stop: frozenset[str]) -> str | None:
    """The surname a short person mention repeats ("Mr Blair", "Blair", "Senator McCain"), or None
    when the mention is a full name or no person."""
    if not words or mention.kind not in ("person", "unknown"):
        return None
    name = person_name(" ".join(words), stop)
    if name is None or len(name.split()) != 1 or not name[:1].isupper():
        return None
    honorific = words[0] in load_actor_cues().honorifics
    if mention.kind == "unknown" and not honorific and work.doc[mention.head_i].pos_ != "PROPN":
        return None  # (the tagger often calls a surname an organisation or a place: "Schiff")
    return name


def _by_surname(mention: ActorMention, surname: str, earlier: list[Referent], story: StoryContext,
                kb: ActorKB, stop: frozenset[str]) -> ActorMention:
    """Link a surname to the one person of that surname named in full before; with none, keep a
    knowledge-base person only if the text names no other person of that surname and the person is
    not alien to the story."""
    names = _best_by_name(r for r in earlier if r.surname == fold(surname) and len(r.name.split()) > 1)
    if len(names) == 1:
        return _linked(mention, next(iter(names.values())), "name")
    entry = kb.entries.get(mention.actor_id or "")
    if entry is None and not names and mention.actor_id is None and mention.country is None:
        return _known_surname(mention, surname, story, kb, stop)
    if entry is None or entry.kind != "person":
        return mention
    if names:
        return mention if fold(entry.name) in names else _unknown(mention, None)
    written = _full_name_in_text(surname, mention.start, story, stop)
    if written is not None and written != entry.name and written not in entry.aliases:
        return _unknown(mention, written)
    if story.alien(entry.country):
        return _unknown(mention, None)
    return mention


def surname_people(surname: str, story: StoryContext, kb: ActorKB) -> list:
    """The knowledge base's people a bare surname may mean in this story, all of one country (none
    long out of office at the story's day: ``ActorKB.left_public_life``): those of a country the story is about, or, in a story that names no country, the one person of the
    project's own files; [] when none, or people of several countries, are left."""
    people = [p for p in kb.people_by_surname(surname) if not kb.left_public_life(p, story.day)]
    if story.countries:
        people = [p for p in people if story.supports(p.country)]
    elif len(people) != 1 or kb.imported(people[0]):
        return []
    return people if len({p.country for p in people}) == 1 else []


def _known_surname(mention: ActorMention, surname: str, story: StoryContext, kb: ActorKB,
                   stop: frozenset[str]) -> ActorMention:
    """"Mr Gingrich", "Clinton" with no full name in the article: the knowledge base's people of that
    surname, of a country the story is about (or, in a story that names no country, the one person of
    the project's own files), give the mention their country, and their identity when only one is
    left; several countries, a first name the text gives someone else, or none left: unchanged."""
    people = surname_people(surname, story, kb)
    if not people:
        return mention
    written = _full_name_in_text(surname, mention.start, story, stop)
    if written is not None and not any(written == p.name or written in p.aliases for p in people):
        return mention
    if len(people) == 1:
        coding = person_coding(kb, people[0], story, None)
        return _surname_twin(mention, people[0].name, people[0].id, coding.country, coding.sector, coding.role)
    codes = {kb.code(p, story.day).sector for p in people}
    return _surname_twin(mention, mention.name, None, people[0].country, codes.pop() if len(codes) == 1 else None, None)


def _surname_twin(mention: ActorMention, name, actor_id, country, sector, role) -> ActorMention:
    """The surname mention coded from the knowledge base's people of that surname."""
    twin = copy.copy(mention)
    twin.name, twin.actor_id, twin.country, twin.sector = name, actor_id, country, sector
    twin.role, twin.kind = role or mention.role, "person"
    twin.method = "knowledge-base:surname" if actor_id else "knowledge-base:surname-country"
    twin.confidence = SURNAME_CONFIDENCE
    return twin


def _by_title(mention: ActorMention, earlier: list[Referent]) -> Referent | None:
    """The one person named earlier with the title a bare title repeats ("the prime minister"
    after "Prime Minister Tony Blair"), of the same country when the title names one."""
    family = title_family(mention.role.split(" of ")[0])
    fits = {}
    for ref in earlier:
        if not ({r.lower() for r in ref.roles} & family):
            continue
        if mention.country and ref.template.country and ref.template.country != mention.country:
            continue
        fits.setdefault(ref.name.lower(), []).append(ref)
    return next(iter(_best_by_name(r for refs in fits.values() for r in refs).values())) if len(fits) == 1 else None


def _best_by_name(referents) -> dict[str, Referent]:
    """One referent per name: the first that carries codes, else the first."""
    best: dict[str, Referent] = {}
    for ref in referents:
        old = best.get(fold(ref.name))
        if old is None or (not (old.template.country or old.template.sector)
                           and (ref.template.country or ref.template.sector)):
            best[fold(ref.name)] = ref
    return best


def _by_acronym(letters: str, mention: ActorMention, story: StoryContext, kb: ActorKB,
                work: Work) -> Referent | None:
    """The organisation spelled out earlier whose initials are the acronym ("National Rifle
    Association (NRA)" for "NRA"), coded as the knowledge base or its name says."""
    for run in _capitalised_runs(story.tokens, mention.start):
        initials = "".join(t.text[0] for t in run if t.lower_ not in NAME_JOINERS)
        if initials != letters or len(run) < 2:
            continue
        full = run[0].doc[run[0].i:run[-1].i + 1].text
        template = _organisation(full, run, story, kb, work)
        if template is not None:
            return Referent(name=full, start=run[0].idx, template=template)
    return None


def _capitalised_runs(tokens, before: int):
    """Runs of capitalised words (joined by "of", "the", "and"...) that end before ``before``."""
    run = []
    for token in tokens:
        if token.idx >= before:
            break
        joined = not run or (run[-1].doc is token.doc and run[-1].i + 1 == token.i)
        if joined and (token.text[:1].isupper() and token.is_alpha or (run and token.lower_ in NAME_JOINERS)):
            run.append(token)
            continue
        while run and run[-1].lower_ in NAME_JOINERS:
            run.pop()
        if run:
            yield run
        run = []


def _organisation(full: str, run, story: StoryContext, kb: ActorKB, work: Work) -> ActorMention | None:
    """An organisation named ``full``: the knowledge base's entry, the parsed mention of that name,
    or its codes from the name's own words (its last word's kind, a country or region in it)."""
    base = dict(text=full, start=run[0].idx, end=run[-1].idx + len(run[-1]), head_i=-1)
    entries = kb.by_alias.get(full)
    if entries:
        entry = choose_entry(full, entries, kb, story)
        if entry is not None:
            coding = kb.code(entry, story.day)
            return ActorMention(**base, name=entry.name, actor_id=entry.id, country=coding.country,
                                sector=coding.sector, kind=entry.kind, method=coding.method,
                                confidence=coding.confidence)
    for mention in work.mentions:
        if mention.start <= base["start"] < mention.end and (mention.country or mention.sector):
            return mention
    sector = load_cues().org_name_heads.get(run[-1].lower_)
    inside = [s for s in story.names if s.doc is run[0].doc and run[0].i <= s.start and s.end <= run[-1].i + 1]
    countries = {_span_country(s, kb, story) for s in inside} - {None}
    if sector is None and len(countries) != 1:
        return None
    return ActorMention(**base, name=full, country=countries.pop() if len(countries) == 1 else None,
                        sector=sector, kind="organisation", method="name-head", confidence=0.5)


def _span_country(span, kb: ActorKB, story: StoryContext) -> str | None:
    """The country a name inside an organisation's name gives ("Scottish", "Kenya", "Texas")."""
    if span.label_ == "DEMONYM":
        return kb.demonyms[span.text].country
    if span.label_ == "REGION":
        regions = kb.regions.get(span.text) or kb.region_demonyms.get(span.text) or []
        countries = {r.country for r in regions}
        return countries.pop() if len(countries) == 1 else None
    entries = kb.by_alias.get(span.text, [])
    entry = choose_entry(span.text, entries, kb, story) if entries else None
    return entry.country if entry is not None and entry.kind == "country" else None


def _full_name_in_text(surname: str, before: int, story: StoryContext, stop: frozenset[str]) -> str | None:
    """The first "<First> <Surname>" the article writes before ``before`` (a person the parser did
    not see named in full), or None."""
    for token in story.tokens:
        if token.idx >= before:
            return None
        if token.text != surname or token.i == 0:
            continue
        first = token.doc[token.i - 1]
        if first.text[:1].isupper() and first.is_alpha and first.lower_ not in stop and not first.is_sent_start \
                and first.lower_ not in load_cues().non_name_words:
            return f"{first.text} {surname}"
    return None


def _linked(mention: ActorMention, referent: Referent, how: str) -> ActorMention:
    """A copy of the referent's codes standing at the short mention's words."""
    twin = referent.template.at(mention.text, mention.start, mention.end, mention.head_i)
    twin.plural = mention.plural
    twin.name = referent.template.name or referent.name
    twin.role = twin.role or mention.role
    twin.method = f"link:{how}:{referent.name}"
    twin.confidence = round(min(max(referent.template.confidence, 0.5), LINK_CONFIDENCE), 2)
    return twin


def _unknown(mention: ActorMention, name: str | None) -> ActorMention:
    """A surname the knowledge base gave to the wrong person: kept as an unknown person (with the
    full name the article gives, if any)."""
    return ActorMention(text=mention.text, start=mention.start, end=mention.end, head_i=mention.head_i,
                        plural=mention.plural, name=name or person_name(mention.text, frozenset()) or mention.text,
                        kind="person", method="ner+not-knowledge-base", confidence=0.3)


def _parsed_referents(work: Work, stop: frozenset[str]) -> list[Referent]:
    """People named in full in the parsed sentences, with the codes and titles the stage gave them."""
    found = []
    for mention in work.mentions:
        if mention.kind != "person" or mention.method.startswith(("anaphor", "title")):
            continue
        written = person_name(mention.text, stop)
        if written is None or len(written.split()) < 2:
            continue  # "McConnell" coded from a surname alias names no one in full
        name = mention.name if mention.actor_id else person_name(mention.name or mention.text, stop)
        if name and len(name.split()) > 1:
            found.append(Referent(name=name, start=mention.start, template=mention,
                                  roles={mention.role} if mention.role else set()))
    return found


def _read_referents(story: StoryContext, kb: ActorKB, stop: frozenset[str]) -> list[Referent]:
    """People named in full anywhere in the article's text: knowledge-base names, and titled names
    ("First Minister Jack McConnell"), coded from the title and the words before it."""
    found = []
    titles_at = {(id(t.doc), t.end): t for t in story.titles} | {(id(t.doc), t.start): t for t in story.titles}
    for span in story.names:
        if span.label_ != "NAME" or len(span) < 2:
            continue
        entry = choose_entry(span.text, kb.by_alias.get(span.text, []), kb, story)
        if entry is None or entry.kind != "person":
            continue
        title = titles_at.get((id(span.doc), span.start))
        coding = person_coding(kb, entry, story, title.text.lower() if title is not None else None)
        template = ActorMention(text=span.text, start=span.start_char, end=span.end_char, name=entry.name,
                                actor_id=entry.id, country=coding.country, sector=coding.sector,
                                role=coding.role, kind="person", method=coding.method,
                                confidence=coding.confidence)
        found.append(Referent(entry.name, span.start_char, template, {coding.role} if coding.role else set()))
    for title in story.titles:
        referent = _titled_name(title, story, kb, stop)
        if referent is not None:
            found.append(referent)
    return found


def _titled_name(title, story: StoryContext, kb: ActorKB, stop: frozenset[str]) -> Referent | None:
    """A capitalised name right after a title ("House Speaker John Boehner"), coded from the
    title and the country, region or party words just before it."""
    reading = title.doc
    words = []
    for token in reading[title.end:title.end + 4]:
        if not (NAME_WORD.match(token.text) and token.text[:1].isupper() and not token.text.isupper()
                or token.lower_ in NAME_PARTICLES):
            break
        words.append(token)
    names = [s for s in story.names if s.doc is reading]
    if len(words) < 2 or any(s.start <= words[0].i < s.end for s in names):
        return None
    name = reading[words[0].i:words[-1].i + 1].text
    role = title.text.lower()
    entry = kb.title_entry(title.text) or title_entry(kb, role)
    first = title.start
    while first > max(0, title.start - MODIFIER_WINDOW) and not reading[first - 1].is_punct \
            and not reading[first - 1].is_space and reading[first - 1].lower_ not in BREAK_WORDS:
        first -= 1
    before = [s for s in names if first <= s.start and s.end <= title.start]
    after = words[-1].i + 1
    if after + 1 < len(reading) and reading[after].lower_ == "of":  # "Governor X of New Jersey"
        before += [s for s in names if s.start == after + 1]
    template = ActorMention(text=name, start=words[0].idx, end=words[-1].idx + len(words[-1]), name=name,
                            kind="person", method="title-in-text", confidence=0.55)
    regions = [r for s in before if s.label_ == "REGION" for r in kb.regions.get(s.text, [])[:1]]
    for span in before:
        country = _span_country(span, kb, story)
        template.country = template.country or country
        if span.label_ in ("NAME", "MODIFIER") and template.affiliation is None:
            party = choose_entry(span.text, kb.by_alias.get(span.text) or kb.modifiers.get(span.text, []), kb, story)
            if party is not None and party.kind == "organisation":
                coding = kb.code(party, story.day)
                template.country = template.country or coding.country
                template.affiliation = ActorMention(text=span.text, start=template.start, end=template.end,
                                                    name=party.name, actor_id=party.id, country=coding.country,
                                                    sector=coding.sector, kind="organisation",
                                                    method=coding.method, confidence=coding.confidence)
    aff = template.affiliation.sector if template.affiliation is not None else None
    apply_title(template, role, entry, regions, aff)
    covered = {i for s in names for i in range(s.start, s.end)}
    if aff is None and any(t.text[:1].isupper() and t.is_alpha and t.i not in covered and t.lower_ not in stop
                           for t in reading[first:title.start]):
        template.sector = None  # "Balco president Victor Conte": an office of a body we do not know
    return Referent(name, words[0].idx, template, {role})
