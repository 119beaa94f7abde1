"""The trigger lexicon: which words report which kind of event.

Lexicon entries are data (``data/triggers.yaml``): a lemma (or a phrasal verb), its part of speech,
the PLOVER type and CAMEO code, and optional argument constraints that pick a sense ("lift
sanctions" is not "lift a box"; "attack the market" is not an assault). Some senses are told apart
by the shape of the clause rather than by a word: ``when`` and ``unless`` name such conditions
(:data:`SENSE_CONDITIONS`), which the events stage tests on the parse ("fired the adviser" is a
dismissal, "fired at the crowd" a shooting; "warned that the economy could slow" is a forecast,
"warned it would retaliate" a threat).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chronicle.knowledge.yamlfile import read_yaml
from chronicle.errors import DataFileError
from chronicle.schema import PLOVER_TYPES

SenseCondition = Literal["addressee", "own_act", "person_object", "predicate_noun", "habitual",
                         "to_infinitive", "transitive", "own_object", "opinion", "abstract_object",
                         "political_speaker", "plain_departure", "asks_to_act", "asks_for",
                         "helps_along", "behest", "answered", "possessed", "topic_only", "stance",
                         "person_quarrel", "retort", "poll_share",
                         "withheld_comment", "natural_cause", "waged", "campaign_pledge", "rival_warning",
                         "earlier_promise", "others_doing", "home_visit", "command_idiom", "private_helper", "currency_itself",
                         "home_funding", "campaign_gift", "unrest_doer", "served_term"]
SENSE_CONDITIONS: dict[str, str] = {
    "unrest_doer": "the verb's subject is the people of a protest (\"protesters occupied the town hall\")",
    "served_term": "a prison term its subject serves or receives (\"is serving a life sentence\")",
    "addressee": "the verb names whom it addresses: an actor, person or pronoun as its object",
    "own_act": "its complement announces an act of the subject itself or an act of force "
               "(\"warned it would retaliate\", \"warned that the army would use force\")",
    "person_object": "its object (or passive subject) is a person: a name, a pronoun, a person's role",
    "predicate_noun": "the noun says what something is (\"is a threat to\", \"poses a threat\"), not what was done",
    "habitual": "the verb is in the simple present with no actor as its object: a standing position "
                "(\"the party supports higher taxes\"), not an act",
    "to_infinitive": "the verb governs a to-infinitive it commits to (\"offered to mediate\")",
    "transitive": "the verb has an object or a passive subject (\"returned the artefacts\", not \"returned home\")",
    "own_object": "the object belongs to the subject (\"defended its actions\")",
    "opinion": "a that-clause with no will/would: a view shared (\"agreed that the risk was real\"), not an act agreed",
    "abstract_object": "what is fought is a policy, a text or a right (\"attacked the policy\", \"fought the bill\")",
    "political_speaker": "the one who acts is a party, legislator, court, the press or an NGO, who attack with words",
    "plain_departure": "a resignation told with no pressure behind it (\"had resigned as director\", \"announced "
                       "his resignation\"), not one after protests, refused, forced or demanded",
    "asks_to_act": "someone is asked to do something: an object or subject with a to-infinitive "
                   "(\"asked ministers to reopen talks\", \"wants Congress to act\")",
    "asks_for": "an appeal names what or whom it asks: \"calls for an inquiry\", \"calls on X\", "
                "\"a call for X to resign\" (not a phone call)",
    "helps_along": "the verb governs another act (\"helped them find information\", \"help raise awareness\"), "
                   "which is what is done; a state that helps (\"sent troops to help X patrol\") still gives aid",
    "home_funding": "the funding names no one to receive it, or only the funder's own country's bodies "
                    "(\"acted to fund the government\", \"to fund the deficit\")",
    "campaign_gift": "the money goes to an election campaign (\"donated $5,000 to the senator's campaign\"): "
                     "political funding, not aid",
    "currency_itself": "the object is a currency named with \"the\" and no sum (\"sent the dollar higher\")",
    "private_helper": "the one who helps is no state, armed force, international body or aid agency, "
                      "or is not named (\"Felt helped the reporters\", \"was helped by leaked emails\")",
    "behest": "\"at the request of X\": the noun says on whose word the main act is done (an earlier act)",
    "answered": "\"rejected a request from X\": the noun is the earlier act the sentence's event answers",
    "possessed": "the noun names something held, not an act: the object of have, enjoy, lack, stress ... "
                 "(\"has the support of the delegates\", \"enjoys broad support from charities\")",
    "topic_only": "the verb says what was talked of, not with whom (\"talked of an invasion\", \"spoke about "
                  "the economy\"): no \"with\"/\"to\" phrase and no object",
    "stance": "a position held, not taken now: a perfect with no time named (\"has long opposed the deal\") "
              "or \"is opposed to\"",
    "person_quarrel": "a person attacks a person and one holds political office (\"Trump attacked Clinton\", "
                      "\"Perry's attacks on Obama\"): words, not force",
    "retort": "the verb answers someone's words: \"fired back\"",
    "poll_share": "the noun is a share of a poll (\"earned 10 percent support\"), a figure, not an act",
    "withheld_comment": "the verb withholds words (\"refused to comment\", \"declined to say\"), "
                        "not anyone's proposal or demand",
    "natural_cause": "the doer is a disaster, disease or accident (\"the quake killed 20\", "
                     "\"were killed by the storm\"): no one's act",
    "waged": "the noun is what a verb of starting or waging acts on (\"waged war on\", \"declared war\", "
             "\"went to war\"): a war begun, not a war that is a state of affairs or a metaphor",
    "campaign_pledge": "a party or its candidate promises with no one named to receive the promise "
                       "(\"the Tories promised a cap on immigration\"): a promise to voters, no counterpart",
    "earlier_promise": "a promise named by its owner's possessive and looked back on (\"went back on his "
                       "pledge\", \"repeated his promise\"), not one made in the sentence (\"made his pledge\")",
    "home_visit": "a politician visits towns of their own country (\"the Lib Dem leader visits Leeds and "
                  "Hull\"): a tour, no one met",
    "command_idiom": "the noun is command or the forefront (\"took charge of\", \"led the charge\", \"in charge of\", "
                     "\"free of charge\"), not an accusation",
    "others_doing": "the verb's object is the doing of an actor other than the subject (\"questioned the "
                    "governor's refusal\"): it is aimed at that actor",
    "rival_warning": "a holder or seeker of office warns what another political actor does or will do "
                     "(\"Brown warned that the Tories were planning cuts\"): criticism, not a forecast",
}
"""What each condition of ``when``/``unless`` means; the events stage implements them."""


class TriggerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lemma: str = Field(min_length=1)
    pos: Literal["VERB", "NOUN", "ADJ"]
    """ADJ entries are criticism told with an adjective after a copula ("X was critical of Y"): the
    adjective's phrasal preposition is required (``lemma: critical of``), so "critical condition" is none."""
    event_type: str
    cameo: str = Field(pattern=r"^\d{2,4}$")
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    when: tuple[SenseCondition, ...] = ()
    """The entry applies only when one of these holds (:data:`SENSE_CONDITIONS`)."""
    unless: tuple[SenseCondition, ...] = ()
    """The entry never applies when one of these holds."""

    @property
    def head(self) -> str:
        """The lemma's first word, under which the entry is looked up ("look into" -> "look")."""
        return self.lemma.split()[0]

    @property
    def particles(self) -> tuple[str, ...]:
        """The words after the head that must follow it ("look into" -> ("into",))."""
        return tuple(self.lemma.split()[1:])


@dataclass
class Lexicon:
    """Trigger entries indexed by (head lemma, pos); the most specific entries first."""

    by_head: dict[tuple[str, str], list[TriggerEntry]] = field(default_factory=dict)

    def add(self, entry: TriggerEntry) -> None:
        """Add an entry under its head, keeping the more specific senses first."""
        bucket = self.by_head.setdefault((entry.head, entry.pos), [])
        bucket.append(entry)
        # Phrasal and object- or condition-constrained entries are tried before bare ones.
        bucket.sort(key=lambda e: (-len(e.particles), -bool(e.objects or e.when)))

    def candidates(self, lemma: str, pos: str) -> list[TriggerEntry]:
        """The entries a lemma with this part of speech may trigger, most specific first."""
        return self.by_head.get((lemma, pos), [])

    def types_of(self, token, pos: str | None = None) -> set[str]:
        """The event types ``token``'s lemma may trigger as ``pos`` (default: the token's own part of
        speech): "is this word an event word of type T?", which the sense conditions, relevance and
        places each ask of a word near the trigger."""
        return {e.event_type for e in self.candidates(token.lemma_.lower(), pos or token.pos_)}

    @property
    def heads(self) -> set[str]:
        """Every head lemma of the lexicon (the screen looks for their forms)."""
        return {head for head, _ in self.by_head}

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_head.values())


def read_lexicon(path: Path | str, lexicon: Lexicon | None = None, *, only_constrained: bool = False) -> Lexicon:
    """Read one lexicon file (into ``lexicon`` if given: the first file's entries are tried first)."""
    path_str = str(path)
    raw = read_yaml(path_str)
    if not isinstance(raw, list):
        raise DataFileError(path_str, "expected a YAML list of trigger entries")
    lexicon = Lexicon() if lexicon is None else lexicon
    for number, item in enumerate(raw, 1):
        if only_constrained and isinstance(item, dict) and not item.get("objects"):
            continue
        try:
            entry = TriggerEntry.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"]) or "entry"
            raise DataFileError(path_str, f"entry {number}: {loc}: {first['msg']}") from None
        if entry.event_type not in PLOVER_TYPES:
            raise DataFileError(path_str, f"entry {number}: event_type {entry.event_type!r} is not a PLOVER type")
        lexicon.add(entry)
    return lexicon


def load_lexicon(user_files: Iterable[str] | str | None = ()) -> Lexicon:
    """The shipped lexicon with the user's files in front of it (their senses are tried first, so
    a user entry overrides a shipped one for the same lemma and objects); read once per set of files."""
    if user_files is None:
        user_files = ()
    elif isinstance(user_files, (str, Path)):
        user_files = (user_files,)
    return _load_lexicon(tuple(str(p) for p in user_files))


@lru_cache(maxsize=4)
def _load_lexicon(user_files: tuple[str, ...]) -> Lexicon:
    lexicon = Lexicon()
    for path in user_files:
        read_lexicon(path, lexicon)
    data = resources.files("chronicle").joinpath("data")
    read_lexicon(str(data.joinpath("triggers.yaml")), lexicon)
    # Only the verb+object senses of the converted CAMEO dictionary: its bare verbs cost more
    # precision than they bring recall (plover-dev F1 0.683 -> 0.677, bbc-quiet 3.3 -> 4.1 per 100).
    read_lexicon(str(data.joinpath("triggers_cameo.yaml")), lexicon, only_constrained=True)
    return lexicon
