"""The actors a corpus names that the knowledge base does not know: what to add next.

``chronicle actors unknown`` reads the coded actors of a store (or codes files) and lists, most
frequent first, the names that have no knowledge-base entry or no country, each with its count, the
codes the article's words gave it (if any) and one example sentence. It can write them as a starter
actor file in the format ``--actors`` reads: one entry per name with ``country`` and ``sector`` left
empty for the user to fill. A name known to the knowledge base but without a country keeps its id and
facts, so the user's completed entry replaces the built-in one.

Only names are listed: generic agents ("the police"), titles ("the prime minister"), pronouns,
demonyms and things an organisation owns ("Labour's pledges") are coded from their words, not
looked up, so an actor file cannot help them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import yaml

from chronicle.knowledge.actors import PLACE_METHOD, ActorEntry, ActorKB, load_actor_cues
from chronicle.knowledge.cues import load_cues

WORDLESS_METHODS = ("agent", "title", "owner:", "anaphor", "demonym", "capital", "country", "region",
                    "unnamed-people", "implicit")
"""Methods of actors coded from their words rather than from a name (``ActorMention.method``); the
people and the state the text does not name ("Two men", "Critics") are no names either."""
DETERMINERS = frozenset("the a an this that these those".split())
EXAMPLE_CHARS = 160


@dataclass(frozen=True)
class Sighting:
    """One coded actor of one event, as the store or the coder gives it."""

    text: str
    name: str | None
    actor_id: str | None
    country: str | None
    sector: str | None
    role: str | None
    method: str | None
    sentence: str | None = None
    doc_id: str | None = None


@dataclass
class UnknownName:
    """A name the knowledge base could not fully code, with what the corpus says about it."""

    name: str
    count: int = 0
    missing: str = "country"                 # "country" (no country) or "entry" (no knowledge-base entry)
    actor_id: str | None = None              # the entry it matched, when it has one but no country
    example: str | None = None
    doc_id: str | None = None
    codes: Counter = field(default_factory=Counter)     # (country, sector) the article's words gave
    roles: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)     # the texts that named it

    def as_dict(self) -> dict:
        """The row ``--json`` prints."""
        (country, sector), _ = self.codes.most_common(1)[0] if self.codes else ((None, None), 0)
        return {"name": self.name, "count": self.count, "missing": self.missing, "actor_id": self.actor_id,
                "coded_as": {"country": country, "sector": sector},
                "role": self.roles.most_common(1)[0][0] if self.roles else None,
                "example": self.example, "doc_id": self.doc_id}


def name_key(sighting: Sighting) -> str | None:
    """The name an unknown actor goes by ("Mr MacDonell" -> "MacDonell", "the Commission for Africa"
    -> "Commission for Africa"), or None when the actor is not a name (an agent, a title, a pronoun)."""
    method = sighting.method or ""
    if method.startswith(WORDLESS_METHODS) or (sighting.name is None and method.startswith("link:title")):
        return None
    words = (sighting.name or sighting.text).split()
    honorifics = load_actor_cues().honorifics
    while words and (words[0].lower() in DETERMINERS or words[0] in honorifics):
        words = words[1:]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    name = " ".join(w for w in words if w)
    if not name or not any(w[:1].isupper() for w in name.split()):
        return None
    return name


def unknown_names(sightings: Iterable[Sighting]) -> list[UnknownName]:
    """The names with no country or no knowledge-base entry, most frequent first (then by name);
    each with its first example sentence. Places kept as an event's target ("attacked a base in
    X", method ``place``) are places, not actors to add: left out."""
    found: dict[str, UnknownName] = {}
    for s in sightings:
        if s.country is not None and s.actor_id is not None or (s.method or "").split(":")[0] == PLACE_METHOD:
            continue
        key = name_key(s)
        if key is None:
            continue
        row = found.get(key)
        if row is None:
            row = found[key] = UnknownName(key, example=_example(s.sentence), doc_id=s.doc_id)
        row.count += 1
        row.forms[s.text] += 1
        if s.country is None:
            row.actor_id = row.actor_id or s.actor_id
        if s.country or s.sector:
            row.codes[(s.country, s.sector)] += 1
        if s.role:
            row.roles[s.role] += 1
    for row in found.values():
        coded = sum(n for (country, _), n in row.codes.items() if country)
        row.missing = "entry" if coded == row.count else "country"
    return sorted(found.values(), key=lambda r: (-r.count, r.name.casefold()))


def _example(sentence: str | None) -> str | None:
    if not sentence:
        return None
    text = " ".join(sentence.split())
    return text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS - 1].rstrip() + "…"


# -- the starter file ------------------------------------------------------------------------------
HEADER = """\
# Starter actor file written by `chronicle actors unknown` on {day}: the names Chronicle coded
# without a knowledge-base entry or without a country, most frequent first.
# For each entry: fill in `country` (ISO 3166 alpha-3, e.g. GBR; IGO or NGO for international
# bodies) and `sector` (GOV MIL COP JUD LEG PTY REB OPP SPY CVL BUS MED JRN REL EDU HLH REF IGO NGO
# CRM LAB AGR ELI), check `kind` (person or organisation), add other spellings to `aliases` and dated
# offices under `roles` (see README, "Adding actors"), and delete the entries you do not want.
# Then code with it: chronicle code ... --actors THIS_FILE
"""


def starter_yaml(rows: Iterable[UnknownName], kb: ActorKB | None = None, day: dt.date | None = None) -> str:
    """The rows as an actor file ``--actors`` reads as it is (empty codes are nulls); an entry the
    knowledge base has keeps its id, name, aliases and roles, so the completed one replaces it."""
    out = [HEADER.format(day=(day or dt.date.today()).isoformat())]
    taken = set(kb.entries) if kb is not None else set()
    for row in rows:
        known = kb.entries.get(row.actor_id) if kb is not None and row.actor_id else None
        out.append(_starter_entry(row, known, taken))
    return "\n".join(out)


def _starter_entry(row: UnknownName, known: ActorEntry | None, taken: set[str]) -> str:
    """One entry of the starter file, with comments saying what the corpus showed."""
    seen = f"# {row.count} mention{'s' * (row.count != 1)}"
    if row.example:
        seen += f", e.g. ({row.doc_id}): {row.example}" if row.doc_id else f", e.g.: {row.example}"
    lines = [seen]
    if row.codes:
        (country, sector), _ = row.codes.most_common(1)[0]
        lines.append(f"# coded from the article's words as {country or '-'} {sector or '-'}"
                     + (f", role {row.roles.most_common(1)[0][0]}" if row.roles else ""))
    if known is not None:
        lines += [f"# replaces the built-in entry {known.id} (same id), which has no country",
                  f"- id: {known.id}", f"  kind: {known.kind}", f"  name: {_scalar(known.name)}",
                  f"  aliases: {_scalar(sorted({known.name, *known.aliases}))}"]
    else:
        ident = _unique_id(row.name, taken)
        lines += [f"- id: {ident}", f"  kind: {_guess_kind(row):<24}# person or organisation",
                  f"  name: {_scalar(row.name)}", f"  aliases: {_scalar([row.name])}"]
    lines += ["  country:                      # ISO 3166 alpha-3, e.g. GBR",
              "  sector:                       # GOV LEG PTY MIL ..."]
    if known is not None and known.roles:
        lines.append("  roles:")
        lines += [f"    - {_scalar(r.model_dump(mode='json'))}" for r in known.roles]
    return "\n".join(lines) + "\n"


def _scalar(value) -> str:
    """A value in YAML flow style, quoted only when it must be."""
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


def _guess_kind(row: UnknownName) -> str:
    """organisation when a word of the name says so ("Water Board", "Party"); person when the text
    gave a role or an honorific, or the name is two or three capitalised words; else organisation."""
    cues, names = load_actor_cues(), load_cues()
    words = row.name.split()
    org_words = cues.organisation_words | names.state_body_heads | set(names.org_name_heads)
    if any(w.lower().strip(".,") in org_words for w in words) or (len(words) == 1 and words[0].isupper()):
        return "organisation"
    if row.roles or any(form.split()[0] in cues.honorifics for form in row.forms if form.split()):
        return "person"
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return "person"
    return "organisation"


def _unique_id(name: str, taken: set[str]) -> str:
    """An actor id made from the name, not used by the knowledge base or an earlier entry."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
