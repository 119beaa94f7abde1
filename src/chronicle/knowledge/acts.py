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


def unaffiliated(cameo: str | None) -> bool:
    """Whether an act with this CAMEO code is an event without a political actor."""
    return bool(cameo) and cameo.startswith(UNAFFILIATED_CAMEO)
