"""Word senses that wrongly kept real events out (session 11, recall).

- A warning with no one addressed, by a holder or seeker of office about what another political actor
  does ("the chancellor warned that the Conservatives were planning deep cuts") is criticism (ACCUSE);
  a forecast by a firm, an economist or an agency is no event, nor a warning about the speaker's own
  country's economy, nor what would follow if someone did something ("warned that if the Senate
  ignored the report it would be a disgrace").
- "was taken into custody", "took the crew into custody", "brought him into custody": an arrest
  (COERCE); "taken to hospital" is none.
- "expressed their opposition", "expressed disbelief that" (ACCUSE); "expressed regret for" (an
  apology, SUPPORT).
- "an attack on the cost of the asylum system": an attack of words on a policy's cost (ACCUSE, not
  ASSAULT).

Every sentence is written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``), as tests/test_recall_rules.py does.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.coding import actual_with_actors

pytestmark = pytest.mark.model

actual = partial(actual_with_actors, published="2016-05-10")


@pytest.mark.parametrize("text, event_type, trigger, source", [
    ("The chancellor, Gordon Brown, warned that the Conservatives were planning deep cuts to hospitals.",
     "ACCUSE", "warned", "Gordon Brown"),
    ("Senator Elizabeth Warren warned on Monday that the Republicans would gut consumer protections.",
     "ACCUSE", "warned", "Elizabeth Warren"),
    ("The suspect was taken into custody by officers in Dallas on Friday.",
     "COERCE", "taken", "officers"),
    ("The coast guard took the smugglers into custody off the coast of Florida.",
     "COERCE", "took", "The coast guard"),
    ("Senator Warren expressed her opposition to the nomination of Judge Kavanaugh.",
     "ACCUSE", "expressed", "Senator Warren"),
    ("The minister expressed regret for his remarks about the Pakistani community.",
     "SUPPORT", "expressed", "The minister"),
    ("The Labour leader launched an attack on the cost of the government's asylum system.",
     "ACCUSE", "attack", "The Labour leader"),
])
def test_real_events_are_coded(rules, text, event_type, trigger, source):
    found = [e for e in actual(rules, text) if e[0] == event_type]
    assert found, actual(rules, text)
    _, word, sources, _ = found[0]
    assert word == trigger, found
    assert any(source in s for s in sources), found


@pytest.mark.parametrize("text, event_type", [
    # forecasts: a firm, an economist, an agency; the speaker's own country
    ("The carmaker warned that its profits would fall sharply this year.", "ACCUSE"),
    ("Economists warned that Germany could slide into recession by the spring.", "ACCUSE"),
    ("The president warned that the United States economy could slow next year.", "ACCUSE"),
    ("The minister warned that he had seen worrying signs in the figures.", "ACCUSE"),
    # a warning of the speaker's view of a case, not of anyone's act
    ("Senator Warren warned that if the Senate ignored the report it would be a disgrace.", "ACCUSE"),
    # a warning of an act of the warner stays a threat
    ("Iran warned that it would close the Strait of Hormuz.", "ACCUSE"),
    # other senses of take and express
    ("The injured striker was taken to hospital after the match.", "COERCE"),
    ("The singer expressed her delight at the award.", "ACCUSE"),
    ("The Labour leader launched an attack on the cost of the government's asylum system.", "ASSAULT"),
])
def test_no_false_alarms(rules, text, event_type):
    assert not [e for e in actual(rules, text) if e[0] == event_type], actual(rules, text)
