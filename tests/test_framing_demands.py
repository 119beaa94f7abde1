"""What a speaker says another actor must do is the speaker's REQUEST; withholding assent is a REJECT.

The project's guideline (datasets/realnews/GUIDELINE.md, sections 2 and 3): "X urged Y to ..." is
one REQUEST by X, and what is requested is not itself an event; a refusal is an actual REJECT.
``stages/framing.py`` reads the same speech acts when they are phrased with a modal or a verb of
obligation ("Y must / should / needs to / has to <act>", said by X) and when assent is plainly
negated ("X did not agree to / has not accepted ..."). The present tense of an act set on a coming
day, and the news style "X is to <act>", are scheduled acts: `future` (``stages/factuality.py``).
All sentences are written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def coded(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.factuality) for e in coder.code(text, published="2012-09-14")]


@pytest.mark.parametrize("text", [
    "Amnesty International said Egyptian authorities should release the detained reporters at once.",
    "Senator Warren said the Treasury has to explain the bailout to Congress.",
    "The nurses' union says ministers need to reopen talks with nurses.",
])
def test_what_another_actor_must_do_is_the_speakers_request(rules, text):
    # The rules alone: since session 16 the shipped event model drops the third sentence's REQUEST
    # (its candidate head gives it less than ``keep``), a learned decision this rule test does not judge.
    got = coded(rules, text)
    assert ("REQUEST", "actual") in got
    assert all(t == "REQUEST" for t, f in got if f == "actual"), got


def test_the_request_is_the_speakers_and_addressed_to_the_one_who_must_act(coder):
    events = coder.code("Amnesty International said Egyptian authorities should release the reporters.",
                        published="2012-09-14")
    request = next(e for e in events if e.event_type == "REQUEST")
    assert [a.text for a in request.source] == ["Amnesty International"]
    assert "Egyptian authorities" in [a.text for a in request.target]


def test_what_the_speaker_says_we_must_do_is_no_request(coder):
    """"We must cut spending", said by the Chancellor, is his own plan, not a demand of anyone."""
    got = coded(coder, '"We must cut spending on defence," Chancellor Gordon Brown told MPs.')
    assert ("REQUEST", "actual") not in got


@pytest.mark.parametrize("text", [
    "Hungary did not agree to the EU's migrant quota plan.",
    "The Colombian government has not accepted the rebels' offer of talks.",
    "The rebels refused to agree to a ceasefire proposed by the African Union.",
    "Britain declined to accept the French proposal for joint patrols.",
])
def test_withheld_assent_is_an_actual_rejection(coder, text):
    got = coded(coder, text)
    assert ("REJECT", "actual") in got
    assert ("AGREE", "actual") not in got and ("SUPPORT", "actual") not in got


def test_a_negated_meeting_stays_a_negated_meeting(coder):
    """Only assent withheld is a rejection: "did not meet" is a meeting that did not happen."""
    got = coded(coder, "The Serbian president did not meet the Kosovo prime minister in Brussels.")
    assert ("REJECT", "actual") not in got


@pytest.mark.parametrize("text, expected", [
    ("The European Commission is to investigate Google over its search results.", ("ACCUSE", "future")),
    ("Indonesia's foreign minister visits Canberra next week to discuss the refugee row.", ("CONSULT", "future")),
    ("The Thai prime minister is meeting the Cambodian king in Phnom Penh on Thursday.", ("CONSULT", "future")),
])
def test_a_present_act_set_on_a_coming_day_is_future(coder, text, expected):
    got = coded(coder, text)
    assert expected in got
    assert (expected[0], "actual") not in got


def test_a_past_act_on_a_named_day_stays_actual(coder):
    assert ("CONSULT", "actual") in coded(coder, "The Thai prime minister met the Cambodian king on Thursday.")


def test_the_writers_schedule_beside_the_speakers_words_is_no_intent(coder):
    """A relative clause about the speaker ("who will hold talks on Friday") is the writer's
    schedule, not what the speaker announced: the talks stay talks, `future`."""
    got = coded(coder, "Japan's foreign minister, who will hold talks in Seoul on Friday, said the "
                       "fishing dispute could be settled.")
    assert ("CONSULT", "future") in got
    assert ("AGREE", "actual") not in got


def test_a_foreseen_obligation_is_no_demand(coder):
    """"the police would have to ...", in a warning about a condition, is a consequence foreseen."""
    got = coded(coder, "The chief constable warned that if bars could open all night the police would "
                       "have to move officers off day shifts.")
    assert ("REQUEST", "actual") not in got


def test_not_approving_is_not_read_as_a_rejection(coder):
    """Only agreeing and accepting withheld are rejections; "had not approved the deal" stays a
    negated act (the sets code it as negated SUPPORT)."""
    got = coded(coder, "The Chinese regulator said it had not approved the merger of the two banks.")
    assert ("REJECT", "actual") not in got


def test_next_to_a_place_is_no_coming_day(coder):
    """"next" points ahead only on a noun of time ("next week"), not in "next to Israel"."""
    got = coded(coder, "Egypt is pressing hard for a Palestinian state next to Israel.")
    assert ("REQUEST", "actual") in got


@pytest.mark.parametrize("text", [
    "The Foreign Office said British embassies should stay alert to fake visa websites.",
    "Interpol said national police forces should remain alert to forged passports.",
    "The European Commission said member states should know that the deadline cannot move.",
])
def test_a_state_someone_should_be_in_is_no_demand(rules, text):
    """"should stay alert", "should know": advice about a state, not an act owed (cues.yaml state_verbs).
    The rules alone: since session 17 the recall stage (open threshold 0.4) adds a REQUEST of its own
    to Interpol's sentence, a learned decision this rule test does not judge."""
    assert ("REQUEST", "actual") not in coded(rules, text)


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren said that if the bank broke the law, the Treasury must punish it.",
    "The Home Office said if the officers lied, they should be dismissed.",
])
def test_what_follows_from_a_supposition_is_no_demand(coder, text):
    assert ("REQUEST", "actual") not in coded(coder, text)


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren said Treasury Secretary Steven Mnuchin should resign over the leaked report.",
    "Senator Elizabeth Warren said the Federal Reserve must be more transparent about its lending.",
])
def test_a_demand_of_an_act_or_of_conduct_is_kept(coder, text):
    assert ("REQUEST", "actual") in coded(coder, text)
