"""Event words the lexicon lacked (session 11), and the false alarms each must not bring.

- Criticism told with an adjective after a copula: "was critical of", "was scathing about" (ACCUSE,
  the ``ADJ`` entries: the copula's subject judges the preposition's object); not "critical condition".
- "deselected" a candidate (COERCE, like "fired"); a player suspended for matches is no sanction.
- "encouraged X to act" (REQUEST); not "told reporters that".
- "locked down the neighbourhood", "pulled over", "clampdown" (COERCE);
  "gave himself up", "broke off the attack", a court quashing convictions (RETREAT); a court striking
  down a law or throwing out a suit (REJECT); "injured", "grabbed" a person (ASSAULT); not "grabbed
  the headlines", injuries in a crash.
- Not "critical of" in a relative clause ("X, which tends to be critical of Y"): a description.

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
    ("The Labour leader was highly critical of the Prime Minister over the ward closures.",
     "ACCUSE", "critical", "The Labour leader", "the Prime Minister"),
    ("Senator Warren was scathing about the Treasury over the bank rescue.",
     "ACCUSE", "scathing", "Senator Warren", "the Treasury"),
    ("The Liberal Democrats deselected their candidate for Bath after the remarks.",
     "COERCE", "deselected", "The Liberal Democrats", None),
    ("The Green Party encouraged voters to boycott the referendum.",
     "REQUEST", "encouraged", "The Green Party", "voters"),
    ("Police locked down the neighbourhood for three hours.", "COERCE", "locked down", "Police", None),
    ("The gunman gave himself up to police on Sunday.", "RETREAT", "gave himself up", "The gunman", "police"),
    ("The Supreme Court struck down the state's abortion ban.",
     "REJECT", "struck down", "The Supreme Court", None),
    ("The lawsuit against Governor Cuomo was thrown out by the Supreme Court.",
     "REJECT", "thrown out", "the Supreme Court", "Governor Cuomo"),
    ("The rebels injured three soldiers in the ambush.", "ASSAULT", "injured", "The rebels", "three soldiers"),
    ("The Court of Appeal quashed the convictions of the Birmingham Six.",
     "RETREAT", "quashed", "The Court", "the Birmingham Six"),
    ("The pirates broke off their attack when the frigate came near.",
     "RETREAT", "broke off", "The pirates", None),
    ("The president's clampdown on the opposition drew criticism.", "COERCE", "clampdown", None, "the opposition"),
])
def test_new_event_words_are_coded(rules, text, event_type, trigger, source, target):
    assert_coded(actual(rules, text), event_type, trigger, source, target)


@pytest.mark.parametrize("text, event_types", [
    ("The patient is in critical condition after the fall.", ("ACCUSE",)),
    ("The striker was suspended for three matches after the red card.", ("COERCE",)),
    ("The mayor told reporters that the budget was balanced.", ("REQUEST",)),
    ("Two people were injured in a car crash on the motorway.", ("ASSAULT",)),
    ("The new phone grabbed the headlines at the trade show.", ("ASSAULT",)),
    ("The Fabian Society, which has long been critical of the Treasury, published a pamphlet.", ("ACCUSE",)),
    ("Apple locked down the software on its new tablets.", ("COERCE",)),
    ("The pitcher threw out the runner at second base.", ("REJECT",)),
])
def test_new_event_words_bring_no_false_alarms(rules, text, event_types):
    assert not [e for e in actual(rules, text) if e[0] in event_types], actual(rules, text)



def test_defending_with_no_object_is_no_support(rules):
    """A team that "defends well" supports no one; "defended the plan" still does."""
    assert not [e for e in actual(rules, "Chelsea concede few goals because they defend very well.")
                if e[0] == "SUPPORT"]
    found = [e for e in actual(rules, "The Labour leader defended the Chancellor against the charge.")
             if e[0] == "SUPPORT"]
    assert found and "the Chancellor" in found[0][3], found


def test_a_court_overturning_a_ruling_still_rejects_it(rules):
    """The hand-written "overturn" replaces the CAMEO dictionary's rows, so it keeps their sense."""
    found = [e for e in actual(rules, "The Supreme Court overturned the ruling of the appeals court.")
             if e[0] == "REJECT"]
    assert found and found[0][1] == "overturned", actual(rules, "The Supreme Court overturned the ruling.")
