"""The Phoenix converter: the .actor reader, the code mapping and the defect fixes.

Snippets are written here (the real dictionaries live in ../shared and are only read by the
``shared`` test); a tiny word list stands in for the WordNet one so the rules are visible.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from chronicle.knowledge.actors import ActorEntry, ActorKB
from tools.phoenix import (
    PhoenixActor, convert, dump_yaml, map_code, news_case, parse_actor_file, parse_actor_text, parse_date,
)
from conftest import shared_path

D = dt.date
WORDS = frozenset({"brown", "rose", "un", "iaea", "hamas", "fatah", "al-fatah", "army"})
VOCAB = (WORDS, frozenset({"brown", "rose"}))        # (all words, everyday words)

SNIPPET = """# TABARI-formatted .actor file
# header comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
JAMES_BYRNES_  ; CountryInfo.txt
\t[USAELI 18970101-450703]
\t[USAGOV 450703-470121]
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# US Sec of Agri.
BAD_DATES_
\t[USAGOV 2004017-20061201]
\t[USAGOV 991301-000101]
\t[USAGOV 050101-040101]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+ISLAMIC_ARMY_OF_ADEN_+_JAYSH_ADAN_
#+COMMENTED_OUT_
UN_ [IGOUNO]
---STOP---
AFTER_STOP_ [USA]
"""


def actors_by_name(text: str, source: str = "countries") -> dict[str, PhoenixActor]:
    return {a.name.strip("_"): a for a in parse_actor_text(text, source)}


def one(entries: list[dict], name: str) -> dict:
    found = [e for e in entries if e["name"] == name]
    assert len(found) == 1, [e["name"] for e in entries]
    return found[0]


# -- the reader ------------------------------------------------------------------------------
def test_parser_reads_records_synonyms_and_dated_codes():
    actors = actors_by_name(SNIPPET)
    assert list(actors) == ["AFGHANISTAN", "HAMID_KARZAI", "JAMES_BYRNES", "ANN_VENEMAN", "BAD_DATES",
                            "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)", "UN"]          # stops at ---STOP---
    assert actors["AFGHANISTAN"].aliases == ["AFGHAN_", "KABUL_"]
    assert actors["AFGHANISTAN"].codes == [("AFG", None, None)]
    karzai = actors["HAMID_KARZAI"]
    assert karzai.aliases == ["KARZAI_", "PRESIDENT_KARZAI_"]
    assert karzai.comment == "CountryInfo.txt"
    assert karzai.codes == [("AFGELI", D(1975, 1, 1), D(2000, 1, 1)), ("AFGGOV", D(2001, 12, 22), None),
                            ("AFGELI", None, None)]
    # YYYYMMDD and YYMMDD mix; ";" is the old comment mark
    assert actors["JAMES_BYRNES"].codes[0] == ("USAELI", D(1897, 1, 1), D(1945, 7, 3))
    # several codes on the name line, "<"/">" on the same line as the name
    assert actors["ANN_VENEMAN"].codes == [("USAGOV", D(2001, 1, 20), D(2005, 1, 20)),
                                           ("IGOUNOKID", D(2005, 5, 1), None)]
    # a known typo is repaired; an impossible date and a reversed range drop their code
    assert actors["BAD_DATES"].codes == [("USAGOV", D(2004, 1, 17), D(2006, 12, 1))]
    # "+A_+B_" (two synonyms run together) is split; a commented-out line is ignored
    assert actors["ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)"].aliases == ["ISLAMIC_ARMY_OF_ADEN_", "_JAYSH_ADAN_"]


@pytest.mark.parametrize("text, expected", [
    ("320101", D(1932, 1, 1)), ("301231", D(2030, 12, 31)), ("090120", D(2009, 1, 20)),
    ("19411207", D(1941, 12, 7)), ("20100229", None), ("1920030320", D(2003, 3, 20)), ("12345", None),
])
def test_dates_follow_petrarch_two_digit_years(text, expected):
    assert parse_date(text) == expected


def test_parser_reads_latin1_files(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_bytes("JOS\xc9_MAR\xcdA_ALDANA_  # CountryInfo.txt\n\t[MEXGOV 990101-031231]\n".encode("latin-1"))
    [actor] = parse_actor_file(path)
    assert actor.name == "JOSÉ_MARÍA_ALDANA_" and actor.source == "countries"
    assert actor.codes == [("MEXGOV", D(1999, 1, 1), D(2003, 12, 31))]


def test_control_characters_are_data_not_line_breaks():
    [actor] = parse_actor_text("LIAMINE_Z\x1aROUAL_\x1c  # CountryInfo.txt\n\t[DZAGOV 940131-990427]\n")
    assert actor.codes == [("DZAGOV", D(1994, 1, 31), D(1999, 4, 27))]


# -- codes -----------------------------------------------------------------------------------
@pytest.mark.parametrize("code, expected", [
    ("USAGOV", ("USA", "GOV", [])),
    ("ISRGOVPRI", ("ISR", "GOV", [])),
    ("AFGMIL", ("AFG", "MIL", [])),
    ("IGOUNO", ("IGO", "IGO", [])),
    ("IGOUNOJUDICJ", ("IGO", "IGO", ["JUD"])),
    ("NGOUSAHLH", ("NGO", "NGO", ["HLH"])),
    ("MNCUSAMED", ("USA", "BUS", ["MED"])),        # companies by home country, as organisations.yaml
    ("MNC", ("MNC", "BUS", [])),
    ("IMGMUSALQ", ("NGO", "REB", [])),             # transnational militants: NGO + REB
    ("MEAREB", (None, "REB", [])),                 # a region is not a country
    ("SASREB", (None, "REB", [])),
    ("WEU", (None, None, [])),
    ("USRGOV", (None, "GOV", [])),                 # the USSR has no current ISO code
    ("KSVGOV", ("XKX", "GOV", [])),                # CAMEO's Kosovo -> Chronicle's XKX
    ("PSE", ("PSE", None, [])),
    ("ELI", (None, "ELI", [])),
    ("USAUAF", ("USA", None, [])),                 # Phoenix-only sector without a Chronicle one
    ("USAINS", ("USA", "REB", [])),
])
def test_codes_map_to_country_and_sector(code, expected):
    assert map_code(code) == expected


# -- names -----------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, org, expected", [
    ("BENJAMIN_NETANYAHU_", False, "Benjamin Netanyahu"),
    ("BASHAR_AL-ASSAD", False, "Bashar al-Assad"),
    ("AL-FATAH_", True, "al-Fatah"),
    ("IZZ_AD-DIN_AL-QASSAM_BRIGADES", True, "Izz ad-Din al-Qassam Brigades"),
    ("BAN_KI-MOON", False, "Ban Ki-moon"),
    ("KIM_IL_SUNG", False, "Kim Il Sung"),
    ("OSAMA_BIN_LADEN", False, "Osama bin Laden"),
    ("NATO_", True, "NATO"),
    ("PKK", True, "PKK"),
    ("UN_SECRETARY_GENERAL", True, "UN Secretary General"),
    ("U.N._SECRETARY_GENERAL", True, "U.N. Secretary General"),
    ("WAR_CHILD_UK_", True, "War Child UK"),
    ("PFLP-GC", True, "PFLP-GC"),
    ("FATEH_", True, "Fateh"),
    ("JOHN_MCCAIN", False, "John McCain"),
    ("ELIZABETH_II", False, "Elizabeth II"),
    ("POPULAR_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_--_GENERAL_COMMAND", True,
     "Popular Front for the Liberation of Palestine-General Command"),
])
def test_news_case(phrase, org, expected):
    assert news_case(phrase, org=org) == expected


def test_aliases_are_cleaned():
    text = """GORDON_BROWN_  # CountryInfo.txt
+BROWN_
+GB_
+PRIME_MINISTER_GORDON_BROWN_
+GORDON_BR\ufffdWN
\t[GBRGOV 070627-100511]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]
+ROSE_
+AAA_
"""
    entries = convert(parse_actor_text(text, "milnonstate"), vocab=VOCAB)
    brown = one(entries, "Gordon Brown")
    # an ordinary word, a short name, a garbled one: dropped
    assert brown["aliases"] == ["Prime Minister Gordon Brown"]
    aden = one(entries, "Aden Abyan Islamic Army")
    # the acronym in parentheses becomes an alias; an organisation keeps short acronyms
    assert aden["aliases"] == ["AAA", "AAIA"]


# -- conversion rules ------------------------------------------------------------------------
def test_fatah_is_a_palestinian_party_not_a_region_rebel_or_the_country():
    countries = "PALESTINE_  [PSE]\n+PALESTINIANS\n+FATAH\n"
    milnonstate = "AL-FATAH_ [MEAREB] #  kkl 21 Mar 13\n+AL-ASIFA_\n+FATEH_\n"
    entries = convert(parse_actor_text(countries, "countries") + parse_actor_text(milnonstate, "milnonstate"),
                      vocab=VOCAB)
    [fatah] = entries                              # Palestine itself is a country: skipped
    assert (fatah["country"], fatah["sector"], fatah["kind"]) == ("PSE", "PTY", "organisation")
    assert "Fatah" in fatah["aliases"] and "Fateh" in fatah["aliases"]
    assert fatah["id"].startswith("phx-")


def test_country_code_without_sector_gets_the_files_sector():
    text = """CONTINUITY_IRISH_REPUBLICAN_ARMY_(CIRA)_ [WEU]
AL-QAEDA_IN_THE_ARABIAN_PENINSULA [IMG]
KNIGHTS_OF_THE_TEMPEST_ [PSE]
WHITE_PATRIOT_PARTY [USA]
"""
    entries = {e["name"]: e for e in convert(parse_actor_text(text, "milnonstate"), vocab=VOCAB)}
    assert (entries["Continuity Irish Republican Army"]["country"],
            entries["Continuity Irish Republican Army"]["sector"]) == (None, "REB")
    assert (entries["al-Qaeda in the Arabian Peninsula"]["country"],
            entries["al-Qaeda in the Arabian Peninsula"]["sector"]) == ("NGO", "REB")
    assert (entries["Knights of the Tempest"]["country"], entries["Knights of the Tempest"]["sector"]) == ("PSE", "REB")
    assert entries["White Patriot Party"]["sector"] == "PTY"


def test_people_roles_and_defaults():
    entries = convert(parse_actor_text(SNIPPET), vocab=VOCAB)
    assert "Afghanistan" not in [e["name"] for e in entries]      # countries are hand-written
    karzai = one(entries, "Hamid Karzai")
    assert karzai["kind"] == "person" and karzai["aliases"] == ["Karzai", "President Karzai"]
    assert (karzai["country"], karzai["sector"]) == ("AFG", "ELI")   # never GOV by default
    # ELI periods equal the default and add nothing; the open 2001 role is closed at the snapshot
    assert karzai["roles"] == [{"role": "government", "country": "AFG", "sector": "GOV",
                                "start": D(2001, 12, 22), "end": D(2014, 1, 30)}]
    veneman = one(entries, "Ann Veneman")
    assert (veneman["country"], veneman["sector"]) == ("USA", "ELI")
    assert [(r["country"], r["sector"], r["end"]) for r in veneman["roles"]] == [
        ("USA", "GOV", D(2005, 1, 20)), ("IGO", "IGO", D(2014, 1, 30))]


def test_open_roles_stay_open_only_from_2010():
    text = """DAVID_CAMERON_  # CountryInfo.txt
\t[GBRGOV >201005011]
JEAN_DUPONT_  # CountryInfo.txt
\t[FRAGOV >950101]
\t[FRAGOV >990601]
\t[FRAGOVMIL 030101-030301]
"""
    entries = convert(parse_actor_text(text), vocab=VOCAB)
    assert one(entries, "David Cameron")["roles"][0]["end"] is None
    roles = one(entries, "Jean Dupont")["roles"]
    # 1995 ends at 1999-06-01 and 1999 at 2003-01-01 (the next codes' starts), and the three
    # back-to-back GOV posts merge into one role
    assert [(r["start"], r["end"]) for r in roles] == [(D(1995, 1, 1), D(2003, 3, 1))]
    text = "JEAN_DUPONT_  # CountryInfo.txt\n\t[FRAGOV >950101]\n\t[FRAMIL 990601-000101]\n"
    roles = convert(parse_actor_text(text), vocab=VOCAB)[0]["roles"]
    assert [(r["sector"], r["start"], r["end"]) for r in roles] == [
        ("GOV", D(1995, 1, 1), D(1999, 6, 1)), ("MIL", D(1999, 6, 1), D(2000, 1, 1))]


def test_comment_naming_the_office_names_the_role():
    text = "MILO_DUKANOVIC_ # Prime Minister\n+DJUKANOVIC_\n\t[MNEGOV 20121204]\n"
    [entry] = convert(parse_actor_text(text), vocab=VOCAB)
    assert entry["roles"][0]["role"] == "prime minister" and entry["roles"][0]["start"] == D(2012, 12, 4)


def test_hand_written_entries_win_and_ids_are_unique():
    kb = ActorKB()
    kb._add_item("test", 1, {"id": "hamid-karzai", "kind": "person", "name": "Hamid Karzai"}, False)
    kb._add_item("test", 2, {"id": "un", "kind": "organisation", "name": "United Nations",
                             "aliases": ["UN"]}, False)
    text = """HAMID_KARZAI_  # CountryInfo.txt
\t[AFGGOV >011222]
THE_UNITED_NATIONS_ [IGOUNO]
ABDUL_QADIR_  # CountryInfo.txt
\t[AFGGOV 780427-780430]
ABDUL_QADIR_  # CountryInfo.txt
\t[PAKGOV 900101-910101]
"""
    stats: dict[str, int] = {}
    entries = convert(parse_actor_text(text), kb, vocab=VOCAB, stats=stats)
    assert stats["already in the hand-written KB"] == 2
    assert [e["id"] for e in entries] == ["phx-abdul-qadir", "phx-abdul-qadir-pak"]


def test_selection_for_load_time():
    text = """JEAN_DUPONT_  # CountryInfo.txt
+JEAN_DUPONTE_
\t[FRAGOV 700101-750101]
PIERRE_MARTIN_  # CountryInfo.txt
+PIERRE_MARTINE_
\t[FRAGOV 050101-070101]
PAUL_DURAND_  # CountryInfo.txt
\t[FRAGOV 050101-070101]
"""
    names = [e["name"] for e in convert(parse_actor_text(text), vocab=VOCAB, people_since=1990, named_people=True)]
    assert names == ["Pierre Martin"]


def test_output_is_valid_actor_yaml():
    entries = convert(parse_actor_text(SNIPPET) + parse_actor_text("NO_ [IGOUNO]\n+\"YES: 1\"_\n", "international"),
                      vocab=VOCAB)
    text = dump_yaml(entries, "Phoenix test\nsecond line")
    assert text.startswith("# Phoenix test\n# second line\n")
    loaded = yaml.safe_load(text)
    assert len(loaded) == len(entries)
    for item in loaded:
        ActorEntry.model_validate(item)            # the loader's own validation


# -- the real dictionaries -------------------------------------------------------------------
@pytest.mark.shared
def test_real_phoenix_files_parse():
    folder = shared_path("eval-data", "petrarch-validation", "UniversalPetrarch-master")
    counts = {name: parse_actor_file(folder / f"Phoenix.{name}.actors.txt")
              for name in ("Countries", "International", "MilNonState")}
    assert 17000 < len(counts["Countries"]) < 20000
    assert 7000 < len(counts["International"]) < 9000
    assert 900 < len(counts["MilNonState"]) < 1200
    karzai = next(a for a in counts["Countries"] if a.name == "HAMID_KARZAI_")
    assert ("AFGGOV", D(2001, 12, 22), None) in karzai.codes
    dated = sum(1 for a in counts["Countries"] for _, s, e in a.codes if s or e)
    assert dated > 25000
