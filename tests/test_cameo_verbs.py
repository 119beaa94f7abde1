"""The CAMEO verb dictionary converter (tools.cameo_verbs)."""

from __future__ import annotations

from importlib import resources

import pytest

from chronicle.knowledge.cameo import plover_row
from tools.cameo_verbs import (
    GENERIC_VERBS,
    check_lexicon_file,
    convert,
    dump_yaml,
    header_text,
    handwritten_keys,
    object_word,
    parse_code,
    parse_dictionary,
    plover_fields,
    rule_noun_lemmas,
    spacy_noun_lemmas,
    spacy_verb_lemmas,
)
from chronicle.knowledge.lexicon import read_lexicon
from conftest import shared_path

SNIPPET = """\
# a header comment
&CEASEFIRE
+TRUCE
+CEASEFIRE

####### VERB PATTERNS #######

---  ASSAULT   [190]  ---
ATTACK
STRIKE {STRIKES STRIKING STRUCK }
KICK [180]
BURNT
BURN
- * VILLAGES                                          [1712]        # BURN
- * {HOSPITAL}                                        [1712]        # ATTACK
- * {MOCK ATTACK}                                     [062]         # STRIKE
- * &CEASEFIRE                                        [196]         # ATTACK
- * (ON TOWN)                                         [190]         # ATTACK
- * $ (WITH ROCKETS)                                  [195]         # ATTACK
- REBELS * POSITIONS                                  [190]         # ATTACK
- * FORWARD                                           [190]         # ATTACK
- * SIT-IN                                            [141]         # ATTACK
- * RALLIES                                           [141]         # STRUCK

---  MOVE   [---]  ---
MOVE
ADVANCE [190]
+CALL_FOR {+CALLS_FOR +CALLED_FOR} [100]
+TAKE_LEAVE [040]
QUIT {QUITS QUITTING };shan   8/30/93
WAVER [---]
- * TROOPS                                            [154]         # MOVE
- * ENVOY                                             [---]         # MOVE
- * LEADER                                            [:173]        # MOVE
- * TALKS                                             [042:043]     # MOVE
- * SUPPORT                                           [020]         # MOVE
- * TALKS                                             [0841]        # CALLED_FOR
- * BORDER                                            [174]         # URGE

---  ASK   [020]  ---
ASK
PLEAD
INSIST [100]
- * RELEASE                                           [1053]
~ a (a b ATTACK) SAY = a b 015
"""


def _convert(text: str = SNIPPET, **kwargs):
    kwargs.setdefault("generic", frozenset({"move"}))
    return convert(parse_dictionary(text), noun_lemmas=rule_noun_lemmas, **kwargs)


def _by_key(conversion):
    """(lemma, ()) for bare entries, (lemma, (object,)) for each object of an object entry."""
    out = {}
    for e in conversion.entries:
        for key in [(e.lemma, (o,)) for o in e.objects] or [(e.lemma, ())]:
            assert key not in out
            out[key] = e
    return out


# -- parsing -----------------------------------------------------------------------------------
def test_parse_code_forms():
    assert parse_code("[190]").primary == "190"
    paired = parse_code("042:043")
    assert (paired.primary, paired.reverse) == ("042", "043")
    reverse = parse_code("[:173]")
    assert (reverse.primary, reverse.reverse) == (None, "173")
    assert parse_code("[080!]").primary == "080"
    assert parse_code("---").primary is None


def test_parse_synsets_blocks_verbs_and_patterns():
    d = parse_dictionary(SNIPPET)
    assert d.synsets == {"&CEASEFIRE": ("TRUCE", "CEASEFIRE")}
    assert [b.name for b in d.blocks] == ["ASSAULT", "MOVE", "ASK"]
    assault, move, ask = d.blocks
    assert assault.code.primary == "190" and move.code is None and ask.code.primary == "020"
    verbs = {v.text: v for v in assault.verbs}
    assert verbs["strike"].forms == ("strikes", "striking", "struck")
    assert verbs["kick"].code.primary == "180" and verbs["attack"].code is None
    moves = {v.text: v for v in move.verbs}
    assert moves["call for"].words == ("call", "for") and moves["call for"].code.primary == "100"
    assert moves["call for"].forms == ("calls for", "called for")
    assert moves["quit"].forms == ("quits", "quitting")             # ";shan ..." is a comment
    assert moves["waver"].code.primary is None                      # explicit [---]
    assert len(assault.patterns) == 10 and assault.patterns[0].origin == ("BURN",)
    assert assault.patterns[0].body == "* VILLAGES"
    assert d.other == [(len(SNIPPET.splitlines()), "~ a (a b ATTACK) SAY = a b 015")]


@pytest.mark.parametrize("line, word, why", [
    ("- * VILLAGES [1712]", "VILLAGES", ""),
    ("- * {HOSPITAL} [1712]", "HOSPITAL", ""),
    ("- * {MOCK ATTACK} [062]", None, "several object words"),
    ("- * OUT VIEWS [190]", None, "several object words"),
    ("- * {AIR_STRIKE} [190]", None, "several object words"),
    ("- * &CEASEFIRE [196]", None, "synset (&NAME)"),
    ("- * (ON TOWN) [190]", None, "preposition ((PREP ...))"),
    ("- * $ (WITH ROCKETS) [195]", None, "placeholder ($ + ^ %)"),
    ("- * + [195]", None, "placeholder ($ + ^ %)"),
    ("- REBELS * POSITIONS [190]", None, "subject word (- WORD * ...)"),
    ("- * SIT-IN [141]", None, "hyphenated or not a word"),
    ("- * ENVOY [---]", None, "no code ([---])"),
    ("- * LEADER [:173]", None, "reverse code only ([:CODE])"),
])
def test_object_word(line, word, why):
    pattern = parse_dictionary(f"---  X   [---]  ---\nX\n{line}\n").blocks[0].patterns[0]
    assert object_word(pattern) == (word, why)


# -- mapping -----------------------------------------------------------------------------------
def test_plover_fields_follow_the_table_and_its_repairs():
    assert plover_fields("020") is None and plover_fields("010") is None     # no PLOVER row
    assert plover_fields("1121") == {"event_type": "ACCUSE", "mode": "allege", "contexts": ("crime", "corruption")}
    assert plover_fields("190")["event_type"] == "ASSAULT"
    assert plover_fields("1712")["event_type"] == "ASSAULT"                # not COERCE (171)
    assert plover_fields("163")["event_type"] == "COERCE"
    assert plover_fields("175") == {"event_type": "ASSAULT", "mode": None, "contexts": ("pro_autocracy", "military")}
    assert plover_fields("0874")["mode"] == "withdraw"


# -- conversion --------------------------------------------------------------------------------
def test_bare_verbs_take_their_own_code_else_the_blocks():
    entries = _by_key(_convert())
    assert entries[("attack", ())].cameo == "190"
    assert entries[("strike", ())].cameo == "190"
    assert entries[("kick", ())].cameo == "180"
    assert entries[("advance", ())].cameo == "190"
    assert entries[("call for", ())].event_type == "REQUEST"                 # verb + particle
    assert entries[("insist", ())].cameo == "100"
    for entry in entries.values():
        assert plover_row(entry.cameo).event_type == entry.event_type
    lemmas = {lemma for lemma, objects in entries if not objects}
    assert "quit" not in lemmas and "waver" not in lemmas      # no code in a block without one
    assert "ask" not in lemmas and "plead" not in lemmas       # CAMEO 02: no PLOVER row
    assert "take leave" not in lemmas                          # second word not a particle
    assert "move" not in lemmas                                # generic
    assert "burnt" in lemmas              # the default lemmatiser folds nothing; see the next test


def test_inflected_verb_lines_fold_into_their_verb():
    lemmas = {"burnt": "burn", "called": "call", "struck": "strike"}
    conversion = _convert(verb_lemmas=lambda words: {w: lemmas.get(w, w) for w in words})
    entries = _by_key(conversion)
    assert "burnt" not in {lemma for lemma, _ in entries}
    assert entries[("burn", ())].cameo == "190" and entries[("burn", ("village",))].cameo == "1712"
    # "# STRUCK" names STRIKE; "# CALLED_FOR" names CALL_FOR.
    assert entries[("strike", ("rally",))].cameo == "141"
    assert entries[("call for", ("talk",))].cameo == "0841"


def test_simple_object_patterns():
    conversion = _convert()
    entries = _by_key(conversion)
    assert entries[("burn", ("village",))].cameo == "1712"        # plural -> singular
    assert entries[("attack", ("hospital",))].cameo == "1712"     # {WORD}
    assert entries[("move", ("troop",))].cameo == "154"           # generic verbs keep patterns
    assert entries[("move", ("talk",))].cameo == "042"            # [042:043]: the first code
    for entry in conversion.entries:
        assert entry.event_type == plover_row(entry.cameo).event_type
    # A pattern applies only to the verb its comment names ("# BURN", not ATTACK or STRIKE).
    assert ("attack", ("village",)) not in entries and ("strike", ("village",)) not in entries
    skipped = conversion.skipped_patterns
    assert skipped["several object words"] == 1
    assert skipped["synset (&NAME)"] == 1
    assert skipped["preposition ((PREP ...))"] == 1
    assert skipped["placeholder ($ + ^ %)"] == 1
    assert skipped["subject word (- WORD * ...)"] == 1
    assert skipped["hyphenated or not a word"] == 1
    assert skipped["no code ([---])"] == 1
    assert skipped["reverse code only ([:CODE])"] == 1
    assert skipped["code without a PLOVER row (CAMEO 01/02)"] == 1
    assert skipped["found with a verb not in the block"] == 1      # "# URGE"
    assert conversion.stats["patterns"] == 18


def test_pattern_without_comment_goes_to_the_blocks_own_verb():
    entries = _by_key(_convert())
    assert entries[("ask", ("release",))].cameo == "1053"          # the block is ASK
    assert ("insist", ("release",)) not in entries and ("plead", ("release",)) not in entries


def test_all_synonyms_applies_patterns_to_every_verb_of_the_block():
    entries = _by_key(_convert(all_synonyms=True))
    assert entries[("attack", ("village",))].cameo == "1712"
    assert entries[("kick", ("village",))].cameo == "1712"
    assert entries[("plead", ("release",))].cameo == "1053"


def test_conflicting_codes():
    text = """\
---  A   [---]  ---
HIT [190]
- * TARGET [190] # HIT
- * TARGET [193] # HIT
- * TARGET [193] # HIT
- * DEAL [030] # HIT
- * DEAL [120] # HIT
- * HOUSE [190] # HIT

---  B   [---]  ---
HIT [180]
CLASH [190]

---  C   [---]  ---
CLASH [040]
"""
    conversion = _convert(text)
    entries = _by_key(conversion)
    assert entries[("hit", ())].cameo == "180"           # 190 and 180 are both ASSAULT: tie -> lower
    assert entries[("hit", ("target",))].cameo == "193"  # the most frequent code of one type
    assert ("hit", ("deal",)) not in entries             # AGREE vs REJECT: dropped
    assert ("hit", ("house",)) in entries                # 190 differs from the bare 180
    assert "clash" not in {lemma for lemma, _ in entries}  # ASSAULT vs CONSULT: dropped
    assert sorted(conversion.conflicts) == ["clash: 040/190", "hit + deal: 030/120"]


def test_object_with_the_bare_verbs_code_adds_nothing():
    text = "---  A   [190]  ---\nSHELL\n- * TOWN [190] # SHELL\n- * VILLAGE [1712] # SHELL\n"
    entries = _by_key(_convert(text))
    assert set(entries) == {("shell", ()), ("shell", ("village",))}
    assert {e.objects for e in _convert(text).entries} == {(), ("village",)}


def test_handwritten_lexicon_wins():
    conversion = _convert(handwritten={("attack", "VERB"), ("burn", "VERB")})
    lemmas = {e.lemma for e in conversion.entries}
    assert "attack" not in lemmas and "burn" not in lemmas      # bare and object entries alike
    assert "strike" in lemmas
    assert conversion.stats["bare verbs dropped: hand-written"] == 2


def test_handwritten_keys_reads_the_shipped_lexicon():
    keys = handwritten_keys()
    assert ("agree", "VERB") in keys and ("agreement", "NOUN") in keys


def test_generic_verbs_are_data_and_keep_event_verbs():
    assert {"be", "have", "say", "make", "take", "give"} <= GENERIC_VERBS
    assert not {"kill", "attack", "arrest", "protest", "meet", "visit"} & GENERIC_VERBS


def test_written_file_loads_and_checks(tmp_path):
    conversion = _convert()
    path = tmp_path / "triggers_cameo.yaml"
    path.write_text(dump_yaml(conversion.entries, header_text(conversion, tmp_path / "CAMEO.2.0.txt")))
    text = path.read_text()
    assert "067552d83956f552d355256bf200e89ec9fdb7dc" in text and "MIT" in text
    assert "Copyright (c) 2015 Open Event Data Alliance" in text
    assert len(read_lexicon(path)) == len(conversion.entries)
    assert check_lexicon_file(path) == []
    loaded = {(e.lemma, e.objects, e.cameo) for b in read_lexicon(path).by_head.values() for e in b}
    assert loaded == {(e.lemma, e.objects, e.cameo) for e in conversion.entries}


def test_shipped_file_is_valid():
    path = resources.files("chronicle").joinpath("data", "triggers_cameo.yaml")
    assert check_lexicon_file(str(path)) == []


@pytest.mark.model
def test_model_lemmatisers():
    nouns = spacy_noun_lemmas(["RALLIES", "TALKS", "CRISIS", "FORWARD", "TO", "MILITARILY"])
    assert nouns == {"RALLIES": "rally", "TALKS": "talk", "CRISIS": "crisis",
                     "FORWARD": None, "TO": None, "MILITARILY": None}
    verbs = spacy_verb_lemmas(["burnt", "called", "found", "wound"])
    assert verbs == {"burnt": "burn", "called": "call", "found": "found", "wound": "wound"}


@pytest.mark.shared
@pytest.mark.model
def test_real_dictionary_converts():
    source = shared_path("eval-data", "petrarch-validation", "UniversalPetrarch-master", "CAMEO.2.0.txt")
    dictionary = parse_dictionary(source.read_text(encoding="utf-8", errors="replace"))
    assert len(dictionary.blocks) > 300 and len(dictionary.synsets) > 30
    conversion = convert(dictionary, handwritten=handwritten_keys(),
                         noun_lemmas=spacy_noun_lemmas, verb_lemmas=spacy_verb_lemmas)
    bare = [e for e in conversion.entries if not e.objects]
    with_objects = [e for e in conversion.entries if e.objects]
    assert 150 < len(bare) < 1000 and 150 < len(with_objects) < 1500
    assert len({e.event_type for e in conversion.entries}) == 16
    assert conversion.stats["patterns"] > 4000
    keys = handwritten_keys()
    assert not {(e.lemma, e.pos) for e in conversion.entries} & keys
    # The shipped file is this conversion (regenerate it when triggers.yaml or the rules change).
    shipped = resources.files("chronicle").joinpath("data", "triggers_cameo.yaml").read_text(encoding="utf-8")
    assert shipped == dump_yaml(conversion.entries, header_text(conversion, source))
