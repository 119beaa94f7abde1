"""General news event words the lexicon lacked (session 12), and the false alarms each must not bring.

- Verbal attacks: "a tirade against", "retorted", "pounced on the gaffe", "betrayed by", "disagreed
  with", "admonished", "spoke out against" (ACCUSE); not a striker pouncing on a ball or a face betraying
  no emotion.
- Criminal procedure: "the prosecution of", "was arraigned", "interrogated" (ACCUSE).
- Asking: "lobbied X to" (REQUEST).
- Refusing: "shrugged off calls", "voted down" (REJECT); not shrugging off an injury.
- Arrest and bans: "handcuffed", "locked up", "nabbed", "internment", "jailing", "proscribed"
  (COERCE); not locking up a game or nabbing a goal.
- Violence: "beat up", "stoned", "firebombed" (ASSAULT); not a penalty shootout.
- Deals: "sealed a deal with" (AGREE); not sealing a win.

Every sentence is written for this test (none is copied from an evaluation set); they run on the
rules alone (``Coder(learned=False)``).
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors, assert_coded

pytestmark = pytest.mark.model

actual = partial(actual_with_actors, published="2019-03-12")


@pytest.mark.parametrize("text, event_type, trigger, source, target", [
    ("Senator Graham launched a tirade against the Justice Department on Tuesday.",
     "ACCUSE", "tirade", "Senator Graham", "the Justice Department"),
    ("Labour pounced on Michael Howard's gaffe about pensions.", "ACCUSE", "pounced", "Labour", None),
    ("The refugee said he had been betrayed by the French authorities.",
     "ACCUSE", "betrayed", "the French authorities", "he"),
    ("Senator Warren admonished the Federal Reserve chairman over the bank fines.",
     "ACCUSE", "admonished", "Senator Warren", "the Federal Reserve chairman"),
    ("The prosecution of former mayor John Smith began in March.",
     "ACCUSE", "prosecution", None, "former mayor John Smith"),
    ("The suspect was arraigned on two counts of murder on Monday.", "ACCUSE", "arraigned", None, "The suspect"),
    ("Police interrogated the two men for six hours.", "ACCUSE", "interrogated", "Police", None),
    ("Governor Cuomo lobbied legislators to pass the budget.",
     "REQUEST", "lobbied", "Governor Cuomo", "legislators"),
    ("Prime Minister Blair shrugged off calls for his resignation.",
     "REJECT", "shrugged off", "Prime Minister Blair", None),
    ("Officers handcuffed the suspect and took him to the station.",
     "COERCE", "handcuffed", "Officers", "the suspect"),
    ("The regime locked up hundreds of dissidents in 2010.", "COERCE", "locked up", "The regime", "dissidents"),
    ("The Home Secretary ordered the internment of suspects without trial.",
     "COERCE", "internment", None, "suspects"),
    ("A mob beat up the journalist outside the parliament in Kiev.",
     "ASSAULT", "beat up", "A mob", "the journalist"),
    ("Protesters stoned police vehicles in Cairo.", "ASSAULT", "stoned", "Protesters", None),
    ("Militants firebombed the Awami League office in Dhaka.", "ASSAULT", "firebombed", "Militants", None),
    ("Iran sealed a deal with the European Union on Sunday.", "AGREE", "sealed", "Iran", "the European Union"),
    ("Ban Ki-moon spoke out against Israel's shelling of the school in Gaza.",
     "ACCUSE", "spoke out", "Ban Ki-moon", None),
    ("The jailing of the three activists by the Moscow court drew protests.",
     "COERCE", "jailing", "the Moscow court", "the three activists"),
    ("Police nabbed the suspect at Heathrow airport.", "COERCE", "nabbed", "Police", "the suspect"),
    ("The British government proscribed the group in 2001.", "COERCE", "proscribed", "The British government", None),
])
def test_new_event_words_are_coded(rules, text, event_type, trigger, source, target):
    assert_coded(actual(rules, text), event_type, trigger, source, target)


@pytest.mark.parametrize("text, event_types", [
    ("The striker pounced on a loose ball to score the winner.", ("ACCUSE",)),
    ("Her voice betrayed no emotion as the verdict was read.", ("ACCUSE",)),
    ("The striker shrugged off an ankle injury to play on Saturday.", ("REJECT",)),
    ("Chelsea sealed the win with a late goal from Drogba.", ("AGREE",)),
    ("The goalkeeper locked up the points with three late saves.", ("COERCE",)),
    ("United lost the penalty shootout to Arsenal.", ("ASSAULT",)),
    ("The Senate scrambled to pass the bill before the recess.", ("MOBILIZE",)),
    ("Rooney nabbed a late goal for United.", ("COERCE",)),
])
def test_new_event_words_bring_no_false_alarms(rules, text, event_types):
    assert not [e for e in actual(rules, text) if e[0] in event_types], actual(rules, text)
