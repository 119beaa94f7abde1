"""Trigger words in a sense that reports no political event: a refusal to comment, deaths caused by
a disaster, a war that is a state of affairs or a metaphor, a party's promise to voters, a visit
to a place, phrasal senses ("seized on the remarks", "appeal to voters", "capturing support") and
the words of sport and prices ("stormed to victory", "blasted a shot over the bar",
"surrendered a break of serve", "charged VAT", "met his golden rule").

The sentences are written for this test (none is copied from an evaluation set). They run on the
rules alone (``Coder(learned=False)``). Each case names the PLOVER types its actual events must
include (``has``) or must not include (``not``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # withheld_comment: words withheld from the press reject no one's proposal
    {"text": "The Danish defence ministry refused to comment on the report about the submarine contract.",
     "not": ["REJECT"]},
    {"text": "Senator Hallworth refused to say whether she would back the spending bill.", "not": ["REJECT"]},
    {"text": "Senator Clinton's refusal to say where she stood on the trade deal angered the unions.",
     "not": ["REJECT"]},
    {"text": "Iran refused to talk with the European envoys about its enrichment programme.", "has": ["REJECT"]},
    {"text": "The Serbian government refused to hand over the general to the tribunal.", "has": ["REJECT"]},
    # natural_cause: a disaster, disease or accident kills or destroys; no one acts
    {"text": "A powerful earthquake killed at least 40 villagers in northern Pakistan on Tuesday.",
     "not": ["ASSAULT"]},
    {"text": "Dozens of Bangladeshi fishermen were killed by the cyclone on Sunday.", "not": ["ASSAULT"]},
    {"text": "Cholera is spreading through the camps of Darfur, killing dozens of refugees every week.",
     "not": ["ASSAULT"]},
    {"text": "A blaze destroyed the headquarters of the Kenyan electoral commission.", "not": ["ASSAULT"]},
    {"text": "The disasters that struck Mozambique last year left the Maputo government short of funds.",
     "not": ["ASSAULT"]},
    {"text": "Israeli jets struck a Hamas training camp in Gaza overnight.", "has": ["ASSAULT"]},
    {"text": "Government troops killed 12 rebels near the Sudanese border on Sunday.", "has": ["ASSAULT"]},
    {"text": "Rebels destroyed the police station of Kidal on Monday.", "has": ["ASSAULT"]},
    # waged: a war is an attack only when someone starts or wages it
    {"text": "Obama's war on religion has angered Catholic bishops, Santorum said.", "not": ["ASSAULT"]},
    {"text": "Ethiopia declared war on Eritrea in 1998.", "has": ["ASSAULT"]},
    # campaign_pledge: a party promises voters, who are no counterpart; a promise to an actor is AGREE
    {"text": "The Liberal Democrats have promised to scrap university tuition fees.", "not": ["AGREE"]},
    {"text": "The Conservatives pledged to cut council tax for pensioners.", "not": ["AGREE"]},
    {"text": "Paris pledged to send 50 engineers to Mali.", "has": ["AGREE"]},
    {"text": "The Labour leader promised the unions a review of the strike laws.", "has": ["AGREE"]},
    # phrasal senses: "seize on" words, "appeal to" voters, "capture" support
    {"text": "Labour seized on the remarks as proof that the Tories would cut public services.",
     "has": ["ACCUSE"], "not": ["COERCE"]},
    {"text": "Customs officers seized on Tuesday two tonnes of cocaine bound for Rotterdam.", "has": ["COERCE"]},
    {"text": "The Labour campaign is designed to appeal to women voters in the marginal seats.",
     "not": ["REQUEST"]},
    {"text": "The pope appealed to the kidnappers to release the aid worker.", "has": ["REQUEST"]},
    {"text": "Galloway appealed to the kidnappers for the release of the aid worker.", "has": ["REQUEST"]},
    {"text": "The senator won the primary, capturing strong support from Catholic voters.", "not": ["COERCE"]},
    # storm: a place taken by force, not a race won
    {"text": "The Labour candidate stormed to victory in the Hartlepool by-election.", "not": ["ASSAULT"]},
    {"text": "Riot police stormed the parliament building in Kiev on Friday.", "has": ["ASSAULT"]},
    {"text": "Rebel fighters stormed into the compound of the provincial governor.", "has": ["ASSAULT"]},
    # sport and prices
    {"text": "The Labour MP blasted a shot over the bar in the charity match against the Tories.",
     "not": ["ACCUSE"]},
    {"text": "The Italians surrendered their break of serve early in the second set.", "not": ["RETREAT"]},
    {"text": "Prosecutors charged the former mayor with tax evasion and fraud.", "has": ["ACCUSE"]},
    {"text": "The Kenyan sprinter has lodged an appeal against her two-year doping ban with the Kenyan high court.",
     "not": ["COERCE"]},
    {"text": "The Kenyan government imposed a ban on opposition rallies in Nairobi.", "has": ["COERCE"]},
    # visit a place: no one met
    {"text": "The Georgian president visited the tomb of his predecessor in Tbilisi.", "not": ["CONSULT"]},
    {"text": "The Dutch prime minister visited Paris on Monday for talks with the French president.",
     "has": ["CONSULT"]},
]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_senses_false_alarm_word_is_coded_in_its_sense(rules, case):
    events = rules.code(case["text"], published="2015-03-02")
    actual = {e.event_type for e in events if e.factuality == "actual"}
    coded = [(e.event_type, e.factuality, e.trigger.text) for e in events]
    assert set(case.get("has", [])) <= actual, coded
    assert not actual & set(case.get("not", [])), coded


@pytest.mark.parametrize("text, trigger, event_type", [
    ("I was charged VAT by the government last year.", "charged", None),  # a price asked
    ("The police charged him with fraud.", "charged", "ACCUSE"),
    ("Mr Brown said he had met his golden rule with a surplus.", "met", None),  # a rule kept, no one met
    ("Mr Brown met the German chancellor in Berlin.", "met", "CONSULT"),
])
def test_senses_false_alarm_lexicon_sense_of_a_word(text, trigger, event_type):
    from chronicle.stages.events import EventsStage
    from chronicle.syntax.model import load_model

    stage = EventsStage()
    stage.initialize()
    token = next(t for t in load_model()(text) if t.text == trigger)
    entry = stage.match(token)
    assert (entry.event_type if entry is not None else None) == event_type
