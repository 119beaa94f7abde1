"""Which acts are events whoever takes part in them.

Chronicle codes an event only when a political actor takes part (the relevance stage), with one
family of exceptions taken from the CAMEO codebook and the project's annotation guideline
(datasets/realnews/GUIDELINE.md: "private persons count as targets of state action and as sources of
violence"): an arrest, detention or charge (CAMEO 173) is state action even when the sentence names
only the suspect ("Gomes was arrested last night"), and a killing, kidnapping, assault, bombing,
assassination or shooting (180-183, 186, 193) is violence even by a private person ("a gunman shot
two guards"). Not 190 (attack, fight, battle, war): sentences use those words of sport, politics and
business too.
"""

from __future__ import annotations

UNAFFILIATED_CAMEO: tuple[str, ...] = ("173", "180", "181", "182", "183", "186", "193")
UNAFFILIATED_LEMMAS: frozenset[str] = frozenset({"kill", "killing"})
"""Words of the 190 family that are violence whoever does them: the lexicon codes "kill" as 190 (use
of force, as CAMEO does in war reports), but "two men were killed in the blast" is a killing whether or
not an army did it. The relevance stage still asks for people on the receiving end."""


HARM_LEMMAS: dict[str, bool] = {"attack": True, "injure": False, "wound": False}
"""Words of the 190 family that are violence whoever does them when a person is hurt: "he attacked
his sister", "the deputy was attacked", "injured a guard". Said of a plan, a team or a market they are
words or sport; the relevance stage asks for a person as the one acted on. The value says whether the
passive with no doer counts too: "he was attacked" is an assault, but "12 people were injured in the
riots" is the riot's outcome (the guideline codes the riot, not the injuries)."""

HEAVY_WEAPONS_CAMEO: tuple[str, ...] = ("194", "195")
"""Artillery, rockets, missiles, air strikes: only armed forces use them, so "died in an air strike",
"a drone strike hit the house" is an armed force's attack even when the sentence names none. Only on
an entry that names its weapon ("air strike", "fired rockets") or is its own word ("airstrike",
"shelling"): "the film bombed", "stocks were pounded" are other senses."""

HEAVY_WEAPONS_LEMMAS: frozenset[str] = frozenset({"airstrike", "shelling", "bombardment"})


def harm(lemma: str | None, passive: bool = False) -> bool:
    """Whether the word is violence when a person is hurt (``HARM_LEMMAS``), told in the passive
    with no doer when ``passive``."""
    return lemma in HARM_LEMMAS and (HARM_LEMMAS[lemma] or not passive)


def heavy_weapons(cameo: str | None, lemma: str | None, names_weapon: bool) -> bool:
    """Whether the act is an armed force's attack with heavy weapons (``HEAVY_WEAPONS_CAMEO``)."""
    return bool(cameo) and cameo.startswith(HEAVY_WEAPONS_CAMEO) and (names_weapon or lemma in HEAVY_WEAPONS_LEMMAS)


def unaffiliated(cameo: str | None, lemma: str | None = None) -> bool:
    """Whether an act with this CAMEO code (or this trigger lemma) is an event without a political actor."""
    return bool(cameo) and cameo.startswith(UNAFFILIATED_CAMEO) or lemma in UNAFFILIATED_LEMMAS


STATE_ACTION_LEMMAS: dict[str, tuple[str, ...]] = {
    "charge": ("with", "over", "in", "on suspicion", "under act", "under section", "under law", "under statute",
               "under legislation", "under article"), "indict": (), "convict": (), "accuse": ("of",),
    "sentence": ("to", "for"),
    "release": ("on bail", "on parole", "on licence", "on license", "on probation", "without charge",
                "without bail", "from custody", "from prison", "from jail", "from detention")}
"""Acts of prosecutors and courts, told like arrests: "Gomes was charged with murder", "Nichols was
convicted of killing a judge", "Smith is accused of murdering two women", "was released on bail",
"was sentenced to ten years" name only the person acted on (an accusation between two actors,
"Labour accused the Tories of lying", names its accuser and needs no exception). A lemma's
prepositions, when it has some, say the sense: "charged with murder", not "charged twice for the
delivery"; a preposition with its object ("on bail") must be followed by that word: "released on
bail", not "released on Friday" or "released in the US"; a charge "under" names the law broken
("charged under Section 5 of the Public Order Act", "under the Terrorism Act"), not "under his own
name"; "on suspicion" is the British police's wording ("charged on suspicion of arson"), not "charged
on Friday"."""

BARE_STATE_ACTION_LEMMAS: frozenset[str] = frozenset({"charge"})
"""Acts of state whose sense the passive tells without its prepositions when nothing else follows the
verb but a time or a place ("two of his aides have been charged", "were charged on Tuesday in
Texas"): people are charged with a crime as the story or the next sentence says; a price or a task
names what ("charged $50", "charged with leading the review"). Relevance still asks for people as the
ones charged and keeps such a charge out of sports stories (a governing body charges players too)."""


ARREST_CAMEO = "173"
"""Arrest and detention: only the state does it, whoever is named or not ("arrested by the highway patrol")."""

STATE_ACTION_CAMEO: tuple[str, ...] = (ARREST_CAMEO, "116")
"""Arrest and detention (173) and a verdict (116, find guilty or liable: "was found guilty of murder"),
acts only the state does, whoever the sentence names."""

STATE_ACTION_NOUNS: frozenset[str] = frozenset({"charge"})
"""Nouns of state action besides those of arrest and detention (CAMEO 173): "faces charges of fraud",
"Williams' arrest". Not "release" or "sentence", whose nouns are mostly of products and grammar."""


def state_action(cameo: str | None, lemma: str | None = None) -> bool:
    """Whether the act is the state's even when only the person acted on is named: an arrest or
    detention (CAMEO 173), a verdict (116), a charge, an indictment, a conviction."""
    return bool(cameo) and cameo.startswith(STATE_ACTION_CAMEO) or lemma in STATE_ACTION_LEMMAS


NOT_STATE_ONLY_LEMMAS: frozenset[str] = frozenset({"accuse", "capture"})
"""State actions that others do too: anyone accuses ("was accused of lying" by a neighbour as often as
by a prosecutor) and armed groups capture ("a soldier was captured")."""


def state_only(cameo: str | None, lemma: str | None = None) -> bool:
    """Whether only a state does the act, whoever the sentence names or leaves out: an arrest, a
    detention, a charge, a conviction, a sentence, a verdict (``state_action`` less
    ``NOT_STATE_ONLY_LEMMAS``)."""
    return state_action(cameo, lemma) and lemma not in NOT_STATE_ONLY_LEMMAS


def state_noun(cameo: str | None, lemma: str | None = None) -> bool:
    """Whether an act told as a noun is the state's whoever is named: an arrest or detention (CAMEO
    173) or a charge (``STATE_ACTION_NOUNS``)."""
    return arrest(cameo) or lemma in STATE_ACTION_NOUNS


def arrest(cameo: str | None) -> bool:
    """Whether the CAMEO code is an arrest or detention (``ARREST_CAMEO``)."""
    return bool(cameo) and cameo.startswith(ARREST_CAMEO)


def state_action_preps(lemma: str | None) -> tuple[str, ...]:
    """The prepositions one of which the state-action sense of ``lemma`` needs (none: any); an item
    of two words is a preposition with the lemma its object must have ("on bail")."""
    return STATE_ACTION_LEMMAS.get(lemma or "", ())
