"""Grammatical cue words (reporting verbs, modals, negations, group nouns...) from ``data/cues.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


from chronicle.knowledge.yamlfile import parse_yaml
from chronicle.errors import DataFileError

FIELDS = (
    "reporting_verbs", "denial_verbs", "future_verbs", "hypothetical_verbs", "attempt_verbs", "negating_verbs",
    "future_modals", "hypothetical_modals", "conditional_marks", "negations", "group_nouns",
    "organisation_nouns", "light_verbs", "channels", "place_preps", "sports_words", "market_words",
    "claim_nouns", "generic_people", "state_body_heads", "unnamed_people", "accident_nouns",
    "member_nouns", "peacekeeping_words", "round_nouns", "fixed_prepositions", "reference_preps", "contact_verbs", "not_actor_preps", "object_target_preps", "container_nouns",
    "person_pronouns", "thing_pronouns", "plural_pronouns", "speaker_pronouns", "refer_back_pronouns",
    "non_name_words", "object_pronouns", "person_role_nouns", "classing_verbs",
    "future_nouns", "hypothetical_nouns", "abstract_nouns", "speaking_sectors", "media_nouns",
    "pressure_preps", "pressing_verbs", "leader_words", "promise_verbs", "obligation_verbs", "state_verbs", "assent_verbs",
    "future_time_words", "holding_verbs", "future_adjectives", "hypothetical_adjectives",
    "content_nouns", "aside_nouns", "future_time_modifiers", "time_nouns",
    "comment_verbs", "starting_verbs", "measure_nouns", "charge_words", "office_sectors", "unrest_people",
    "relative_light_verbs", "promise_making_verbs", "blamed_preps", "partitive_words", "counted_back_words", "answering_verbs",
    "trial_nouns", "trial_verbs",
    "hindering_verbs", "lead_up_words", "intention_words", "local_body_heads", "unarmed_sectors",
    "crime_nouns", "wrongdoing_verbs", "accused_people", "task_words", "crime_adjectives", "habit_adverbs",
    "fired_objects", "unit_modifiers", "subject_control_preps", "engaged_verbs",
    "of_doer_nouns", "command_heads", "aid_giver_sectors", "object_bound_types", "currency_nouns",
    "campaign_sectors", "campaign_words", "state_staff_sectors", "dismissal_lemmas",
    "telling_verbs", "bringing_verbs", "ranking_words",
)


@dataclass(frozen=True)
class Cues:
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    group_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    light_verbs: frozenset[str]
    channels: frozenset[str]
    place_preps: frozenset[str]
    sports_words: frozenset[str]
    market_words: frozenset[str]
    claim_nouns: frozenset[str]
    generic_people: frozenset[str]
    unnamed_people: frozenset[str]
    accident_nouns: frozenset[str]
    state_body_heads: frozenset[str]
    local_body_heads: frozenset[str]
    fixed_prepositions: frozenset[str]
    reference_preps: frozenset[str]
    contact_verbs: frozenset[str]
    not_actor_preps: frozenset[str]
    object_target_preps: frozenset[str]
    container_nouns: frozenset[str]
    member_nouns: frozenset[str]
    peacekeeping_words: frozenset[str]
    round_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    refer_back_pronouns: frozenset[str]
    non_name_words: frozenset[str]
    object_pronouns: frozenset[str]
    person_role_nouns: frozenset[str]
    classing_verbs: frozenset[str]
    command_heads: frozenset[str]
    future_nouns: frozenset[str]
    hypothetical_nouns: frozenset[str]
    abstract_nouns: frozenset[str]
    speaking_sectors: frozenset[str]
    unarmed_sectors: frozenset[str]
    media_nouns: frozenset[str]
    pressure_preps: frozenset[str]
    pressing_verbs: frozenset[str]
    leader_words: frozenset[str]
    promise_verbs: frozenset[str]
    obligation_verbs: frozenset[str]
    state_verbs: frozenset[str]
    assent_verbs: frozenset[str]
    future_time_words: frozenset[str]
    holding_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    charge_words: frozenset[str]
    future_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    content_nouns: frozenset[str]
    habit_adverbs: frozenset[str]
    aside_nouns: frozenset[str]
    future_time_modifiers: frozenset[str]
    time_nouns: frozenset[str]
    comment_verbs: frozenset[str]
    starting_verbs: frozenset[str]
    office_sectors: frozenset[str]
    state_staff_sectors: frozenset[str]
    dismissal_lemmas: frozenset[str]
    telling_verbs: frozenset[str]
    bringing_verbs: frozenset[str]
    ranking_words: frozenset[str]
    unrest_people: frozenset[str]
    relative_light_verbs: frozenset[str]
    promise_making_verbs: frozenset[str]
    blamed_preps: frozenset[str]
    partitive_words: frozenset[str]
    counted_back_words: frozenset[str]
    answering_verbs: frozenset[str]
    trial_nouns: frozenset[str]
    trial_verbs: frozenset[str]
    hindering_verbs: frozenset[str]
    lead_up_words: frozenset[str]
    intention_words: frozenset[str]
    crime_nouns: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    accused_people: frozenset[str]
    task_words: frozenset[str]
    crime_adjectives: frozenset[str]
    fired_objects: frozenset[str]
    unit_modifiers: frozenset[str]
    subject_control_preps: frozenset[str]
    engaged_verbs: frozenset[str]
    of_doer_nouns: frozenset[str]
    aid_giver_sectors: frozenset[str]
    object_bound_types: frozenset[str]
    currency_nouns: frozenset[str]
    campaign_sectors: frozenset[str]
    campaign_words: frozenset[str]
    org_name_heads: dict[str, str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read data/cues.yaml once per process; a missing list or a non-word entry is a DataFileError
    naming it."""
    path = resources.files("chronicle").joinpath("data", "cues.yaml")
    raw = parse_yaml(path.read_text(encoding="utf-8"))
    missing = [f for f in FIELDS if f not in raw]
    if missing:
        raise DataFileError("cues.yaml", f"missing lists: {', '.join(missing)}")
    heads = {_word(word, "org_name_heads"): sector
             for sector, words in raw.get("org_name_heads", {}).items() for word in words}
    return Cues(**{f: frozenset(_word(w, f) for w in raw[f]) for f in FIELDS}, org_name_heads=heads)


def _word(value, list_name: str) -> str:
    """A cue word. YAML reads unquoted on/off/yes/no as booleans, which would silently replace the
    word "on" with "True": refuse anything that is not text."""
    if not isinstance(value, str):
        raise DataFileError("cues.yaml", f"{list_name}: {value!r} is not a word (quote on, off, yes, no)")
    return value
