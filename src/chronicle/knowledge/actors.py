"""The actor knowledge base: countries, organisations, people with dated roles, generic agents.

Actor knowledge is data (``data/actors/*.yaml``; users add their own file with ``--actors``), so a
stale dictionary is fixed by editing a file, not code. People carry dated roles: an office-holder is
coded with the role that holds *on the event date*, and a former leader falls back to a default code
that is never the government.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from chronicle.knowledge.yamlfile import read_yaml
from chronicle.errors import DataFileError

SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP SPY CVL BUS MED JRN REL EDU HLH REF IGO NGO CRM LAB AGR ELI".split()
)
SPECIAL_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "XKX"})
PLACE_METHOD = "place"
CLAUSE_PLACE_METHOD = "place:clause"
"""The method of a named place the event's own verb governs ("surrendered in Faryab"): a target
only when the verb has no other (``place_target_preps`` of ``data/actor_cues.yaml``)."""
"""The method of a place the actors stage keeps as an event's target ("attacked a base in X"): a
mention of kind "place", with a country and no sector."""
IMPORTED_FILES = frozenset({"phoenix.yaml"})
"""Actor files converted in bulk from another project's dictionaries (``tools/phoenix.py``)."""
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
LEFT_OFFICE_YEARS = 10
"""Years after a person's last office ends from which a bare surname no longer guesses them: a
story of 2012 that says "Ford" or "Wilson" means someone else than the president or prime minister
of the 1970s (named in full, they are still found)."""
"""Words after a surname that are not it ("Joseph R. Biden Jr.")."""
POLITICAL_SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP SPY IGO NGO CVL REF CRM LAB ELI REL JRN MED".split())
"""Sectors whose actors can make an event political (the relevance stage keeps an event only with
one of them, and the screen parses a sentence only if it may name one)."""


def _check_country(value: str | None) -> str | None:
    if value is None:
        return None
    if value in SPECIAL_COUNTRIES:
        return value
    import pycountry

    if len(value) != 3 or not value.isupper() or pycountry.countries.get(alpha_3=value) is None:
        raise ValueError(f"country {value!r} is not an ISO 3166 alpha-3 code (or IGO/NGO/MNC/XKX)")
    return value


def _check_sector(value: str | None) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"sector {value!r} is not one of {' '.join(sorted(SECTORS))}")
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(_Entry):
    role: str
    country: str | None = None
    sector: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    _country = field_validator("country")(classmethod(lambda cls, v: _check_country(v)))
    _sector = field_validator("sector")(classmethod(lambda cls, v: _check_sector(v)))

    @model_validator(mode="after")
    def _ordered(self) -> "Role":
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"role {self.role!r} ends ({self.end}) before it starts ({self.start})")
        return self

    def holds_on(self, day: dt.date) -> bool:
        """Whether the role is held on ``day`` (start inclusive, end exclusive; open ends hold)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class ActorEntry(_Entry):
    """One known actor: a country, an organisation or a person."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    kind: Literal["country", "organisation", "person"]
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    alt_sectors: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    source: str | None = None
    """Where the facts come from, when the file holds entries of several origins (the Phoenix
    conversion names the dictionary file and line of each record)."""

    _country = field_validator("country")(classmethod(lambda cls, v: _check_country(v)))
    _sector = field_validator("sector")(classmethod(lambda cls, v: _check_sector(v)))

    @field_validator("alt_sectors")
    @classmethod
    def _alt(cls, values: list[str]) -> list[str]:
        return [_check_sector(v) for v in values]  # type: ignore[misc]


class AgentEntry(_Entry):
    """A generic agent ("police", "troops") or a title ("prime minister"), coded by sector.

    A title may also say its country (``country``: "House Speaker" is American; ``usual_country``:
    where a bare "Senator X" belongs when the story does not say), that it is an office of a state
    or province (``subnational``), for whom its holder speaks (``acts_for``: the prepositions of
    "a spokesman for X", "an aide to X"), and the role its holders are given when the term is an
    abbreviation (``role``: "Sen." -> senator). A ``cased`` title is one only as written
    ("Representative Joe Sestak", not "a representative of the union")."""

    kind: Literal["agent", "title"]
    sector: str | None = None
    terms: list[str] = Field(min_length=1)
    country: str | None = None
    usual_country: str | None = None
    subnational: bool = False
    acts_for: list[str] = Field(default_factory=list)
    role: str | None = None
    cased: bool = False

    _sector = field_validator("sector")(classmethod(lambda cls, v: _check_sector(v)))
    _country = field_validator("country", "usual_country")(classmethod(lambda cls, v: _check_country(v)))


class RegionBody(_Entry):
    """A named institution of a region ("Scottish Parliament"), with its sector."""

    names: list[str] = Field(min_length=1)
    sector: str

    _sector = field_validator("sector")(classmethod(lambda cls, v: _check_sector(v)))


class Region(_Entry):
    """A state, province or nation inside a country (``data/regions.yaml``): not a country itself,
    but it names its country, and its government when it acts ("New Jersey sued")."""

    name: str
    country: str
    kind: str = "region"
    aliases: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    shares_name_with: list[str] = Field(default_factory=list)
    as_actor: bool = False
    bodies: list[RegionBody] = Field(default_factory=list)
    geonames_admin1: str | None = None  # read by the gazetteer ("Kingston, Ont." is Ontario's)

    _country = field_validator("country")(classmethod(lambda cls, v: _check_country(v)))

    @field_validator("shares_name_with")
    @classmethod
    def _shared(cls, values: list[str]) -> list[str]:
        return [_check_country(v) for v in values]  # type: ignore[misc]

    @property
    def key(self) -> str:
        """An id-like name for the region ("usa-new-jersey"): two Punjabs differ by country."""
        return f"{self.country.lower()}-{self.name.lower().replace(' ', '-')}"


class PartyEntry(_Entry):
    """A row of the party table (``data/parties.yaml``): an actor id, and the names and modifiers
    that mean that party ("Tory MP", "Democratic senators"), bound to the story's country or not."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    name: str | None = None
    country: str | None = None
    sector: str = "PTY"
    names: list[str] = Field(default_factory=list)
    modifiers: list[str] = Field(default_factory=list)
    context: bool = False

    _country = field_validator("country")(classmethod(lambda cls, v: _check_country(v)))
    _sector = field_validator("sector")(classmethod(lambda cls, v: _check_sector(v)))


@dataclass(frozen=True)
class Coding:
    """An actor's code on one date, with the reason it was chosen."""

    country: str | None
    sector: str | None
    role: str | None
    method: str
    confidence: float


@dataclass(frozen=True)
class Origin:
    """Where a knowledge-base fact was read: the file, the entry's number in it (1-based), and what
    that entry gave ("entry", "replaces a built-in entry", "party names", "region body")."""

    path: str
    number: int
    what: str = "entry"


@dataclass
class ActorKB:
    """All actor knowledge, indexed by the exact strings that name it."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    by_alias: dict[str, list[ActorEntry]] = field(default_factory=dict)
    demonyms: dict[str, ActorEntry] = field(default_factory=dict)
    capitals: dict[str, ActorEntry] = field(default_factory=dict)
    agents: dict[str, AgentEntry] = field(default_factory=dict)
    titles: dict[str, AgentEntry] = field(default_factory=dict)
    cased_titles: dict[str, AgentEntry] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # From the party table: words that name a party only before a person, title or group.
    modifiers: dict[str, list[ActorEntry]] = field(default_factory=dict)
    # (name, actor id) pairs that hold only in a story of the actor's country ("Congress" -> INC).
    context_only: set[tuple[str, str]] = field(default_factory=set)
    # From the region table: names, demonyms, abbreviations, body words, bodies' regions.
    regions: dict[str, list[Region]] = field(default_factory=dict)
    region_demonyms: dict[str, list[Region]] = field(default_factory=dict)
    region_abbreviations: dict[str, list[Region]] = field(default_factory=dict)
    body_words: dict[str, str] = field(default_factory=dict)
    body_region: dict[str, Region] = field(default_factory=dict)
    # Where each entry's facts were read, by actor id, in loading order (``chronicle actors list``).
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    agent_origins: dict[str, Origin] = field(default_factory=dict)    # by lower-case term
    region_origins: dict[str, Origin] = field(default_factory=dict)   # by Region.key

    # -- building -------------------------------------------------------------------------
    def add_file(self, path: Path | str, *, override: bool = False) -> None:
        """Load one YAML file; with ``override`` its entries replace same-id entries."""
        path_str = str(path)
        raw = read_yaml(path_str, missing="no such file")
        if raw is None:
            return
        if not isinstance(raw, list):
            raise DataFileError(path_str, "expected a YAML list of actor entries")
        for number, item in enumerate(raw, 1):
            self._add_item(path_str, number, item, override)
        self.sources.append(path_str)

    def _add_item(self, path: str, number: int, item: object, override: bool, what: str = "entry") -> None:
        where = f"entry {number}"
        if not isinstance(item, dict):
            raise DataFileError(path, f"{where}: expected a mapping, got {type(item).__name__}")
        if "id" in item:
            where += f" (id={item['id']})"
        try:
            if item.get("kind") in ("agent", "title"):
                agent = AgentEntry.model_validate(item)
                self._add_agent(agent)
                self.agent_origins.update((term.lower(), Origin(path, number, agent.kind)) for term in agent.terms)
                return
            entry = ActorEntry.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"]) or "entry"
            raise DataFileError(path, f"{where}: {loc}: {first['msg']}") from None
        if entry.id in self.entries and not override:
            raise DataFileError(path, f"{where}: id {entry.id!r} is already defined")
        origins = self.origins.setdefault(entry.id, [])
        if entry.id in self.entries:
            self._remove(self.entries[entry.id])
            what = "replaces an earlier entry"
        origins.append(Origin(path, number, what))
        self._index(entry)

    def _index(self, entry: ActorEntry) -> None:
        """Make ``entry`` the one of its id, found by its names, demonyms and capitals."""
        self.entries[entry.id] = entry
        for alias in {entry.name, *entry.aliases}:
            self.by_alias.setdefault(alias, []).append(entry)
        for demonym in entry.demonyms:
            self.demonyms[demonym] = entry
        for capital in entry.capitals:
            self.capitals[capital] = entry

    def _remove(self, entry: ActorEntry) -> None:
        for alias in {entry.name, *entry.aliases}:
            left = [e for e in self.by_alias.get(alias, []) if e.id != entry.id]
            if left:
                self.by_alias[alias] = left
            else:
                self.by_alias.pop(alias, None)

    def _add_agent(self, entry: AgentEntry) -> None:
        if entry.cased:
            self.cased_titles.update((term, entry) for term in entry.terms)
            return
        table = self.agents if entry.kind == "agent" else self.titles
        for term in entry.terms:
            table[term.lower()] = entry

    def title_words(self) -> frozenset[str]:
        """Every word of a title or honorific ("prime", "minister", "sen.", "mr"), lower case: a
        word that is never a first name. Built once."""
        cached = self.__dict__.get("_title_words")
        if cached is None:
            words = {w.lower() for term in (*self.titles, *self.cased_titles) for w in term.split()}
            cached = frozenset(words | {h.lower() for h in load_actor_cues().honorifics})
            self.__dict__["_title_words"] = cached
        return cached

    def people_by_surname(self, surname: str) -> list[ActorEntry]:
        """The people whose full name ends with ``surname`` ("Gingrich" -> Newt Gingrich): what a
        bare "Mr Gingrich" may mean when the article never names him in full. Built once."""
        index = self.__dict__.get("_surnames")
        if index is None:
            index = {}
            for entry in self.entries.values():
                if entry.kind != "person":
                    continue
                for name in {entry.name, *entry.aliases}:
                    words = [w for w in name.split() if w.strip(".,").lower() not in NAME_SUFFIXES]
                    if len(words) >= 2 and words[-1][:1].isupper():
                        people = index.setdefault(words[-1], [])
                        if entry not in people:
                            people.append(entry)
            self.__dict__["_surnames"] = index
        return index.get(surname, [])

    def left_public_life(self, entry: ActorEntry, day: dt.date | None, years: int = LEFT_OFFICE_YEARS) -> bool:
        """Whether every dated role of ``entry`` ended more than ``years`` before ``day``: a past
        president or prime minister ("Ford", "Wilson") whom a bare surname in today's news rarely
        means. False without a day, or for a person with no roles or an open one."""
        if day is None or not entry.roles or any(r.end is None for r in entry.roles):
            return False
        return max(r.end for r in entry.roles) < day - dt.timedelta(days=365 * years)

    def imported(self, entry: ActorEntry) -> bool:
        """Whether every fact of ``entry`` comes from a dictionary imported in bulk (Phoenix), not
        from the project's or the user's own files: such a name is too obscure to guess from a surname."""
        origins = self.origins.get(entry.id, [])
        return bool(origins) and all(Path(o.path).name in IMPORTED_FILES for o in origins)

    def title_entry(self, text: str) -> AgentEntry | None:
        """The title a matched term is: a cased title as written first, else any title."""
        return self.cased_titles.get(text) or self.titles.get(text.lower())

    def add_regions(self, path: Path | str) -> None:
        """Load the region table: sub-national names (so "New Jersey" is not read as Jersey), their
        demonyms and abbreviations, and their named bodies as organisations of their country."""
        path_str = str(path)
        raw = _read_table(path_str, dict)
        self.body_words = {str(k).lower(): _check_table_sector(path_str, k, v)
                           for k, v in (raw.get("body_words") or {}).items()}
        for number, item in enumerate(raw.get("regions") or [], 1):
            region = _validated(Region, item, path_str, number)
            self.region_origins[region.key] = Origin(path_str, number, "region")
            for name in (region.name, *region.aliases):
                self.regions.setdefault(name, []).append(region)
            for demonym in region.demonyms:
                self.region_demonyms.setdefault(demonym, []).append(region)
            for abbreviation in region.abbreviations:
                self.region_abbreviations.setdefault(abbreviation, []).append(region)
            for body in region.bodies:
                entry = ActorEntry(id=f"{region.key}-{body.names[0].lower().replace(' ', '-')}",
                                   kind="organisation", name=body.names[0], aliases=body.names,
                                   country=region.country, sector=body.sector)
                self._add_item(path_str, number, entry.model_dump(), False, "region body")
                self.body_region[entry.id] = region
        self.sources.append(path_str)

    def add_parties(self, path: Path | str) -> None:
        """Load the party table: new parties become organisations (sector PTY); every row's names
        are aliases of its party, its modifiers name it before a person or group, and a row marked
        ``context`` holds only in a story of the party's country."""
        path_str = str(path)
        for number, item in enumerate(_read_table(path_str, list), 1):
            row = _validated(PartyEntry, item, path_str, number)
            entry = self.entries.get(row.id)
            if entry is None:
                if row.name is None or row.country is None:
                    raise DataFileError(path_str, f"entry {number} (id={row.id}): a new party needs name and country")
                self._add_item(path_str, number, {"id": row.id, "kind": "organisation", "name": row.name,
                                                  "aliases": row.names, "country": row.country,
                                                  "sector": row.sector}, False, "party table")
                entry = self.entries[row.id]
            else:
                self.origins.setdefault(row.id, []).append(Origin(path_str, number, "party names"))
            for name in row.names:
                bucket = self.by_alias.setdefault(name, [])
                if entry not in bucket:
                    bucket.append(entry)
            for word in row.modifiers:
                bucket = self.modifiers.setdefault(word, [])
                if entry not in bucket:
                    bucket.append(entry)
            if row.context:
                self.context_only.update((form, entry.id) for form in (*row.names, *row.modifiers))
        self.sources.append(path_str)

    def national_ngos(self) -> None:
        """A non-governmental body the dictionaries code "NGO" but whose name says its country
        ("American Civil Liberties Union", "Muslim Council of Britain", "Danish Refugee Council")
        is that country's civil society, as news and PLOVER's coders read it; a name ending "of
        <country>" says where it works over a demonym that opens it ("Armenian Assembly of
        America" is American). Bodies whose name names no country (Amnesty International) stay NGO."""
        for entry in list(self.entries.values()):
            if entry.country != "NGO" or entry.kind != "organisation":
                continue
            tail = entry.name.rsplit(" of ", 1)[-1].removeprefix("the ") if " of " in entry.name else ""
            country = next((e.country for e in self.by_alias.get(tail, []) if e.kind == "country"), None)
            if country is None and (first := self.demonyms.get(entry.name.split()[0])) is not None:
                country = first.country
            if country is not None:
                self._remove(entry)
                self._index(entry.model_copy(update={"country": country}))

    def check_references(self, path: str = "actors") -> None:
        """Fail on an affiliation that names no known actor: a typo would silently drop a speaker's
        organisation."""
        for entry in self.entries.values():
            for aff in entry.affiliations:
                if aff not in self.entries:
                    raise DataFileError(path, f"id={entry.id}: affiliation {aff!r} is not a known actor id")

    # -- lookups --------------------------------------------------------------------------
    def lookup(self, name: str) -> list[ActorEntry]:
        """Entries named exactly ``name`` (countries by alias, demonym or capital too)."""
        found = list(self.by_alias.get(name, []))
        for table in (self.demonyms, self.capitals):
            if name in table and table[name] not in found:
                found.append(table[name])
        return found

    def affiliation(self, entry: ActorEntry) -> ActorEntry | None:
        """The organisation a person speaks for (the first known affiliation), or None."""
        for aff in entry.affiliations:
            if aff in self.entries:
                return self.entries[aff]
        return None

    def code(self, entry: ActorEntry, day: dt.date | None) -> Coding:
        """The code of ``entry`` on ``day``: a dated role if one holds, else the default."""
        if entry.kind == "country":
            return Coding(entry.country, "GOV", None, "country", 0.8)
        if entry.kind == "organisation":
            return Coding(entry.country, entry.sector, None, "knowledge-base", 0.9)
        if day is not None:
            holding = [r for r in entry.roles if r.holds_on(day)]
            if holding:
                role = holding[-1]
                return Coding(role.country or entry.country, role.sector or entry.sector, role.role,
                              "knowledge-base:role", 0.9)
        elif entry.roles:
            role = _undated_role(entry)
            return Coding(role.country or entry.country, role.sector or entry.sector, role.role,
                          "knowledge-base:latest-role", 0.6)
        aff = self.affiliation(entry)
        sector = entry.sector or (aff.sector if aff else None)
        return Coding(entry.country, sector, None, "knowledge-base:default", 0.75)

    def explain(self, name: str, day: dt.date | None) -> list[dict]:
        """What ``name`` resolves to on ``day`` and why (for ``chronicle actors lookup``)."""
        rows = []
        for entry in self.lookup(name):
            coding = self.code(entry, day)
            how = "alias" if name in {entry.name, *entry.aliases} else (
                "demonym" if name in entry.demonyms else "capital")
            rows.append({
                "actor_id": entry.id, "name": entry.name, "kind": entry.kind, "matched_as": how,
                "country": coding.country,
                "sector": coding.sector if how != "demonym" else None,
                "role": coding.role, "method": coding.method,
                "roles": [r.model_dump(mode="json") for r in entry.roles],
            })
        for region in self.regions.get(name, []):
            rows.append({"actor_id": region.key, "name": region.name, "kind": "region", "matched_as": "region",
                         "country": region.country, "sector": "GOV" if region.as_actor else None,
                         "role": f"government of {region.name}" if region.as_actor else None,
                         "method": "region", "roles": []})
        key = name.lower()
        for table, kind in ((self.agents, "agent"), (self.titles, "title")):
            if key in table:
                rows.append({"actor_id": None, "name": name, "kind": kind, "matched_as": kind,
                             "country": table[key].country, "sector": table[key].sector, "role": None,
                             "method": kind, "roles": []})
        return rows


def _undated_role(entry: ActorEntry) -> Role:
    """The role that codes a person when the date is unknown: the latest one held for the person's
    own country, else the latest. Tony Blair is Britain's prime minister in an undated story, not
    the Quartet's envoy he became later; a career spent in international posts stays international."""
    home = [r for r in entry.roles if (r.country or entry.country) == entry.country]
    return (home or entry.roles)[-1]


def _read_table(path: str, shape: type):
    """A data table's YAML, or a DataFileError naming the file."""
    raw = read_yaml(path)
    if not isinstance(raw, shape):
        raise DataFileError(path, f"expected a YAML {shape.__name__}")
    return raw


def _validated(model, item: object, path: str, number: int):
    """One validated row of a table, or a DataFileError naming the file, the row and the field."""
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "entry"
        raise DataFileError(path, f"entry {number}: {loc}: {first['msg']}") from None


def _check_table_sector(path: str, key: object, value: object) -> str:
    """A sector of a table's mapping, or a DataFileError naming the key."""
    try:
        return _check_sector(str(value))  # type: ignore[return-value]
    except ValueError as exc:
        raise DataFileError(path, f"{key}: {exc}") from None


def _data_path(name: str) -> Path:
    return Path(str(resources.files("chronicle").joinpath("data", name)))


@dataclass(frozen=True)
class ActorCues:
    """The words of ``data/actor_cues.yaml``: what tells a reader who an actor is (honorifics, the
    outlet's country, names bound to a country, titles standing for a person) and who acts on whom
    ("drew criticism from X")."""

    honorifics: dict[str, str | None]
    outlets: dict[str, str]
    url_suffixes: dict[str, str]
    context_bound_names: frozenset[str]
    title_heads: dict[str, frozenset[str]]
    receiving_verbs: frozenset[str]
    received_acts: dict[str, dict]
    under_verbs: frozenset[str]
    armed_sectors: frozenset[str]
    force_words: frozenset[str]
    resign_verbs: frozenset[str]
    party_tags: dict[str, str | None]
    former_words: frozenset[str]
    former_sector: str
    request_nouns: frozenset[str]
    single_holder_offices: frozenset[str]
    shared_offices: dict[str, frozenset[str]]
    organisation_words: frozenset[str]
    regional_titles: frozenset[str]
    group_heads: frozenset[str]
    place_target_preps: frozenset[str]
    force_moving_verbs: frozenset[str]
    recipient_preps: frozenset[str]
    outlet_hosts: dict[str, str]
    outsider_words: frozenset[str]
    several_state_adjectives: frozenset[str]
    unnamed_doers: frozenset[str]
    proposal_doers: frozenset[str]
    struck_things: frozenset[str]
    struck_vessels: frozenset[str]
    message_nouns: frozenset[str]
    authoring_verbs: frozenset[str]
    occasion_nouns: frozenset[str]
    inquiry_nouns: frozenset[str]   # "the Flynn probe": a person modifier is whom it looks into
    indefinite_determiners: frozenset[str]
    ship_prefixes: dict[str, str]
    era_abbreviations: frozenset[str]   # "500 B.C.": after a number, a date, not British Columbia
    locality_cues: dict[str, tuple[str, ...]]   # words of one country's local news ("state Route": USA)


@lru_cache(maxsize=1)
def load_actor_cues() -> ActorCues:
    """Read ``data/actor_cues.yaml`` once per process; a missing table is a DataFileError."""
    path = str(_data_path("actor_cues.yaml"))
    raw = _read_table(path, dict)
    names = [f.name for f in fields(ActorCues)]
    missing = [n for n in names if n not in raw]
    if missing:
        raise DataFileError(path, f"missing tables: {', '.join(missing)}")
    for table in ("outlets", "url_suffixes", "outlet_hosts", "ship_prefixes"):
        for key, value in raw[table].items():
            _check_table_country(path, key, value)
    for key in raw["locality_cues"]:
        _check_table_country(path, key, key)
    return ActorCues(
        honorifics={str(k): v for k, v in raw["honorifics"].items()},
        outlets={str(k).lower(): v for k, v in raw["outlets"].items()},
        url_suffixes=dict(raw["url_suffixes"]),
        context_bound_names=frozenset(raw["context_bound_names"]),
        title_heads={k: frozenset(v) for k, v in raw["title_heads"].items()},
        receiving_verbs=frozenset(raw["receiving_verbs"]),
        received_acts={str(k): dict(v) for k, v in raw["received_acts"].items()},
        under_verbs=frozenset(raw["under_verbs"]), armed_sectors=frozenset(raw["armed_sectors"]),
        force_words=frozenset(raw["force_words"]), resign_verbs=frozenset(raw["resign_verbs"]),
        party_tags={str(k): v for k, v in raw["party_tags"].items()},
        former_words=frozenset(raw["former_words"]),
        former_sector=_check_table_sector(path, "former_sector", raw["former_sector"]),
        request_nouns=frozenset(raw["request_nouns"]),
        single_holder_offices=frozenset(str(o).lower() for o in raw["single_holder_offices"]),
        shared_offices={str(k): frozenset(str(o).lower() for o in v) for k, v in raw["shared_offices"].items()},
        organisation_words=frozenset(str(w).lower() for w in raw["organisation_words"]),
        regional_titles=frozenset(str(w).lower() for w in raw["regional_titles"]),
        group_heads=frozenset(str(w).lower() for w in raw["group_heads"]),
        place_target_preps=frozenset(str(w).lower() for w in raw["place_target_preps"]),
        force_moving_verbs=frozenset(str(w).lower() for w in raw["force_moving_verbs"]),
        recipient_preps=frozenset(str(w).lower() for w in raw["recipient_preps"]),
        outlet_hosts={str(k).lower(): v for k, v in raw["outlet_hosts"].items()},
        outsider_words=frozenset(str(w).lower() for w in raw["outsider_words"]),
        several_state_adjectives=frozenset(str(w) for w in raw["several_state_adjectives"]),
        unnamed_doers=frozenset(str(w).lower() for w in raw["unnamed_doers"]),
        proposal_doers=frozenset(str(w).lower() for w in raw["proposal_doers"]),
        struck_things=frozenset(str(w).lower() for w in raw["struck_things"]),
        struck_vessels=frozenset(str(w).lower() for w in raw["struck_vessels"]),
        message_nouns=frozenset(str(w).lower() for w in raw["message_nouns"]),
        authoring_verbs=frozenset(str(w).lower() for w in raw["authoring_verbs"]),
        occasion_nouns=frozenset(str(w).lower() for w in raw["occasion_nouns"]),
        inquiry_nouns=frozenset(str(w).lower() for w in raw["inquiry_nouns"]),
        indefinite_determiners=frozenset(str(w).lower() for w in raw["indefinite_determiners"]),
        ship_prefixes={str(k): v for k, v in raw["ship_prefixes"].items()},
        era_abbreviations=frozenset(str(w) for w in raw["era_abbreviations"]),
        locality_cues={str(k): tuple(str(w) for w in v) for k, v in raw["locality_cues"].items()})


def _check_table_country(path: str, key: object, value: object) -> str:
    """An alpha-3 country of a table's mapping, or a DataFileError naming the key."""
    try:
        return _check_country(str(value))  # type: ignore[return-value]
    except ValueError as exc:
        raise DataFileError(path, f"{key}: {exc}") from None


def builtin_actor_files() -> list[Path]:
    """The actor files shipped with the package, in a fixed order (later files override earlier
    ids)."""
    folder = resources.files("chronicle").joinpath("data", "actors")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> ActorKB:
    kb = ActorKB()
    for path in builtin_actor_files():
        kb.add_file(path)
    kb.add_regions(_data_path("regions.yaml"))
    kb.add_parties(_data_path("parties.yaml"))
    kb.national_ngos()
    for path in extra:
        kb.add_file(path, override=True)
    kb.check_references()
    return kb


def load_actor_kb(extra_files: Iterable[str | Path] = ()) -> ActorKB:
    """The built-in actor files, then the user's files (which may override built-in ids)."""
    return _load_cached(tuple(str(p) for p in extra_files))
