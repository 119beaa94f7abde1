"""Decide whether each event happened: actual, negated, hypothetical or future.

Counting a denied, conditional or planned event as real is one of the field's oldest complaints.
The cues are grammatical and come from ``data/cues.yaml``: negation of the event's clause or of its
arguments ("no such government was ever formed"), modal auxiliaries ("could include", "will meet"),
conditional subordinators ("if talks fail"), and governing verbs ("refused to", "plans to",
"denied that"). The walk goes up from the trigger through the clauses that embed it, and stops at
the reporting verb that introduces it (whose own tense says nothing about the event). A verb
coordinated with another ("would relent and release them") stands where that verb stands; an event
noun has its own cues ("the pending invasion", "a possible strike", "denied any bombing"); and the
news styles of a scheduled act, "X is to investigate" and a present tense set on a coming day ("are
meeting on Thursday", "visits Canberra next week"), are ``future`` (GUIDELINE.md section 3).
Some cues above an event are not its own: an infinitive that ranks tells a deed ("the third mayor
to be charged"), and a quotation parsed as the main clause lends nothing to its "X said".
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.knowledge.acts import STATE_ACTION_NOUNS
from chronicle.knowledge.cues import Cues, load_cues
from chronicle.record import Draft, Work
from chronicle.schema import QUAD_CLASS
from chronicle.stages.base import Stage, StageContext
from chronicle.syntax.tree import on_trial, span_of

CONTACT_SPEECH_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "CONSULT"})
RANK = {"actual": 0, "future": 1, "hypothetical": 2, "negated": 3}
CONTINUE_DEPS = {"xcomp", "dobj", "obj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "pcomp", "acomp"}


class FactualityStage(Stage):
    name = "factuality.v3"
    requires = ("drafts",)
    assigns = ("factuality", "factuality_cue", "factuality_confidence", "factuality_cue_lemma")

    def __init__(self) -> None:
        self.cues: Cues | None = None

    def initialize(self, context: StageContext | None = None) -> None:
        """Load the cue words (negations, modals, governing verbs)."""
        self.cues = load_cues()

    def __call__(self, work: Work) -> Work:
        if self.cues is None:
            self.initialize()
        for draft in work.drafts:
            value, cue, confidence = classify(draft, self.cues)
            draft.factuality = value
            draft.factuality_confidence = confidence
            draft.factuality_cue = span_of(work.doc, cue.idx, cue.idx + len(cue)) if cue is not None else None
            draft.factuality_cue_lemma = cue.lemma_.lower() if cue is not None else None
        return work


def classify(draft: Draft, cues: Cues) -> tuple[str, Token | None, float]:
    """Factuality of one draft, the word that decided it, and a confidence."""
    best, best_cue = "actual", None

    def consider(value: str, cue: Token) -> None:
        nonlocal best, best_cue
        if RANK[value] > RANK[best]:
            best, best_cue = value, cue

    trigger = draft.trigger
    if trigger.pos_ == "NOUN" and _noun_cues(trigger, cues, consider) and draft.anchor is None:
        return best, best_cue, 0.8 if best_cue is not None else 0.7  # only its own words decide
    node = draft.anchor if draft.anchor is not None else trigger
    reported = False
    governed = False  # under "hope", "want", "plan" ...: a wish stays a wish in reported speech
    shared = False  # reached through a coordinated verb: the head's negation is its own
    for _ in range(8):
        realised = _realised_purpose(node, draft, cues) or _ranked_by_act(node, cues)
        _clause_cues(node, cues, consider, purpose_is_plan=not realised, negation=not shared)
        dep, head = node.dep_, node.head
        if head.i == node.i:
            break
        shared = _shares_clause(node)  # "hoped they would act and release them": "release" stands where "act" does
        if shared or realised:
            node = head  # a realised purpose: the act's own cues decide ("will send troops to help" is future)
            continue
        if _across_quotation(node, head, cues):
            break
        if dep == "ccomp" and head.lemma_.lower() in cues.reporting_verbs:
            reported = True
            if head.lemma_.lower() in cues.denial_verbs:
                consider("negated", head)
            break
        if dep in ("xcomp", "ccomp"):
            if _is(head, cues.negating_verbs):
                consider("negated", head)
            elif _is(head, cues.hypothetical_verbs) or _owed(node, head, cues) or _aim_only(node, head, draft, cues):
                consider("hypothetical", head)
                governed = True
            elif _points_forward(head, cues) or _is_to_be_done(node, head):
                consider("future", head)
            node = head
            continue
        if dep == "pcomp" and head.lower_ == "from" and _is(head.head, cues.hindering_verbs):
            consider("negated", head.head)  # "prevented pirates from attacking the ship"
            break
        if _planned_by_noun(node, cues, consider):
            node = head
            continue
        if dep in CONTINUE_DEPS and (node.pos_ != "VERB" or dep in ("pobj", "prep", "pcomp")):
            node = head
            continue
        break
    if best == "hypothetical" and best_cue is not None and best_cue.lower_ == "would" and reported \
            and not governed and not _has_conditional(draft.sentence, cues):
        best = "future"  # "told Reuters the talks would include...": future in reported speech
    confidence = 0.8 if best_cue is not None else 0.7
    return best, best_cue, confidence


def _aim_only(node: Token, head: Token, draft: Draft, cues: Cues) -> bool:
    """Whether an attempt (``attempt_verbs``) leaves its act only aimed at: "trying to arrange a meeting",
    "trying to strike a deal", "tried to justify detention" (a noun under the attempted verb, even one
    that verb carries, is aimed at). An attempt at a hostile act (quad classes 3 and 4) told by its own
    verb is that act, made: "protesters tried to storm parliament", "police tried
    to disperse the crowd", "they're trying to blame the ticket" (GUIDELINE.md codes them actual)."""
    if not _is(head, cues.attempt_verbs):
        return False
    return not (node.i == draft.trigger.i and QUAD_CLASS.get(draft.event_type, 0) >= 3)


def _across_quotation(node: Token, head: Token, cues: Cues) -> bool:
    """A quotation parsed as the main clause of its own frame: '"His plan should worry us," Ross
    said', 'Lee accused Kim of lying, saying "he is going to lose"'. A clause is not inside words
    it is set apart from by a quotation mark, unless they are the saying verb's ("said: 'we will')."""
    if node.dep_ not in ("ccomp", "parataxis") or head.lemma_.lower() in cues.reporting_verbs:
        return False
    low, high = sorted((node.i, head.i))
    return any(t.is_quote for t in node.doc[low + 1:high])


def _ranked_by_act(node: Token, cues: Cues) -> bool:
    """"She is the third mayor to be charged", "the only country to send troops": the infinitive
    tells the act that gives the rank (``ranking_words``), done, not aimed at; the clause of "be"
    still decides ("would be the first leader to visit" is a prospect)."""
    if node.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not _to_infinitive(node):
        return False
    head = node.head
    holders = [head] if head.pos_ in ("NOUN", "PROPN") else \
        [c for c in head.children if c.dep_ == "attr"] if head.lemma_.lower() == "be" else []
    return any(t.dep_ == "amod" and t.lower_ in cues.ranking_words
               for h in holders for t in h.subtree if t.i < h.i)  # "the second Chargers' player"


def _planned_by_noun(node: Token, cues: Cues, consider) -> bool:
    """"the White House's plan to withdraw", "its intent to file charges", "a bid to oust him": the
    infinitive of a noun of planning or wishing is planned or wished, not done (its cue is the noun)."""
    head = node.head
    if node.dep_ != "acl" or head.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    if _is(head, cues.future_nouns):
        consider("future", head)
    elif _is(head, cues.hypothetical_nouns):
        consider("hypothetical", head)
    return True


def _realised_purpose(node: Token, draft: Draft, cues: Cues) -> bool:
    """"sent vehicles to help the country", "gave rifles to help in operations": help given by an act
    is given when the act is; "sent a team to investigate the crash": the investigation (CAMEO 09)
    is under way when its team is sent; "called Morrison to congratulate him": what a call or a
    visit is for is said in it. Only for these: a purpose to fight or to meet is still a plan."""
    if node.dep_ != "advcl" or node.head.pos_ not in ("VERB", "AUX"):
        return False
    realised_by_sending = draft.event_type == "AID" or (draft.cameo or "").startswith("09")
    said_in_contact = draft.event_type in CONTACT_SPEECH_TYPES and node.head.lemma_.lower() in cues.contact_verbs
    if not (realised_by_sending or said_in_contact):
        return False
    marks = [c for c in node.children if c.dep_ in ("mark", "aux")]
    if said_in_contact and not realised_by_sending and any(c.lower_ == "for" for c in marks):
        return False  # "calling for the governor to veto the bill": what is called for, not said in a call
    return any(c.lower_ == "to" for c in marks) and not any(c.lower_ in cues.conditional_marks for c in marks)


def _noun_cues(noun: Token, cues: Cues, consider) -> bool:
    """An event noun's own words: "no talks were held" (negated), "the pending invasion", "a possible
    strike" (a prospect), "denied any bombing" (the object of a denial is denied). Returns whether
    they alone decide: a charge a trial is "on" was brought whatever the tense of the trial ("is to
    face trial on charges of fraud", ``syntax.tree.on_trial``)."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ == "no":
            consider("negated", c)
        elif c.dep_ == "amod" and c.lower_ in cues.future_adjectives:
            consider("future", c)
        elif c.dep_ == "amod" and c.lower_ in cues.hypothetical_adjectives:
            consider("hypothetical", c)
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in cues.denial_verbs:
        consider("negated", noun.head)
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB":
        consider("hypothetical", prep.head)  # "called for sanctions": asked for, not done
    if noun.dep_ == "pobj" and prep.lower_ in ("of", "to") and _leads_up(prep.head, cues):
        consider("future", prep.head)  # "ahead of the summit", "in the run-up to the vote"
    return noun.lemma_.lower() in STATE_ACTION_NOUNS and on_trial(noun)


def _leads_up(word: Token, cues: Cues) -> bool:
    """"ahead", "in advance", "on the eve", "the run-up" / "lead-up" / "build-up": the time before an event."""
    if word.lemma_.lower() not in cues.lead_up_words:
        return False
    if word.lower_ != "up":
        return True
    doc = word.doc
    return word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ in ("run", "lead", "build")


def _shares_clause(node: Token) -> bool:
    """"would act and release them", "a plan to visit Russia and meet Putin": a verb coordinated with
    another of the same form and without a subject of its own stands where that verb stands (its
    modal, its governing verb); "did not retreat and attacked" does not share the negation
    (``negation``), and "should not foment a debate ... and attacking the plan" is two forms."""
    return node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ in ("VERB", "AUX") \
        and node.tag_ == node.head.tag_ \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children)


def _clause_cues(node: Token, cues: Cues, consider, *, purpose_is_plan: bool = True,
                 negation: bool = True) -> None:
    for c in node.children:
        word = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "advmod" and word in ("never",)):
            if negation:
                consider("negated", c)
        elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
            if word in cues.future_modals:
                consider("future", c)
            elif word in cues.hypothetical_modals:
                consider("hypothetical", c)
        elif c.dep_ == "aux" and word == "going" and any(g.lower_ == "to" for g in node.children):
            consider("future", c)
        elif c.dep_ == "mark" and word in cues.conditional_marks:
            consider("hypothetical", c)
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            for d in c.children:
                if d.dep_ == "det" and d.lower_ in ("no", "neither"):
                    consider("negated", d)
    if (when := _scheduled(node, cues)) is not None:
        consider("future", when)
    if (asked := _question(node)) is not None:
        consider("hypothetical", asked)
    if node.dep_ == "advcl":
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in cues.conditional_marks:
                consider("hypothetical", c)
            elif c.dep_ == "aux" and c.lower_ == "to" and purpose_is_plan:
                consider("hypothetical", c)  # "sent troops to fight X": a purpose, not yet done


def _question(node: Token) -> Token | None:
    """The fronted auxiliary of a question: "Do you support the plan?", "Will Blair meet Bush?" ask
    whether the act happens (GUIDELINE.md: a question is hypothetical); "Why did they attack?" does
    not. Only a clause whose
    auxiliary comes before its subject and that ends with a question mark."""
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    last = node.right_edge
    while last.i > node.i and (last.is_quote or last.is_space or last.text in ")]"):
        last = last.nbor(-1)
    if last.text != "?":
        return None
    aux = next((c for c in node.children if c.dep_ in ("aux", "auxpass") and c.i < subjects[0].i
                and c.i < node.i), None)
    if aux is None or any(t.tag_ in ("WRB", "WP", "WDT") and t.i < aux.i for t in node.subtree):
        return None  # "Why did the army attack?" takes the attack as given
    return aux


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _owed(node: Token, head: Token, cues: Cues) -> bool:
    """"the Treasury has to explain the bailout": an obligation, not a deed (``obligation_verbs``).
    "I had to fire him" in the past is a deed told as a necessity: done, not owed."""
    if head.lemma_.lower() == "have" and head.tag_ == "VBD":
        return False
    return node.dep_ == "xcomp" and _to_infinitive(node) and head.lemma_.lower() in cues.obligation_verbs


def _is_to_be_done(node: Token, head: Token) -> bool:
    """"The US government is to investigate the airlines", "ministers are to meet": the news
    style of an act announced for later (a present "be" with a "to" infinitive; "was to" is not)."""
    return node.dep_ == "xcomp" and _to_infinitive(node) and head.lemma_.lower() == "be" \
        and head.tag_ in ("VBZ", "VBP")


def _scheduled(node: Token, cues: Cues) -> Token | None:
    """The time word of a present-tense act set on a day to come: "finance ministers are meeting on
    Thursday", "India attends the summit on Friday" (``future_time_words``); a past tense or a
    perfect ("met on Friday", "has met") says the day has come."""
    present = node.tag_ in ("VBZ", "VBP") or (node.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_.lower() == "be" for c in node.children))
    if not present or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in node.children):
        return None
    for c in node.children:
        if c.dep_ not in ("prep", "npadvmod", "advmod", "tmod", "obl"):
            continue
        for word in [c, *c.children, *(g for d in c.children for g in d.children)]:
            if word.dep_ == "poss":
                continue  # "during Monday's hearing": the day names the hearing, not when the act is
            if word.lower_ in cues.future_time_words or (
                    word.lower_ in cues.future_time_modifiers and word.head.lemma_.lower() in cues.time_nouns):
                return word
    return None


def _is(token: Token, words: frozenset[str]) -> bool:
    """Lemma lookup that survives lemmatiser slips ("hoped" -> "hop"): also try the word's stem."""
    if token.lemma_.lower() in words:
        return True
    lower = token.lower_
    for suffix in ("ed", "d", "ing", "s"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in words:
            return True
    return False


def _points_forward(verb: Token, cues: Cues) -> bool:
    """"plans to" / "is expected to" visit: later; "planned to" visit says nothing either way. A
    promise points forward whatever its tense: "vowed to return" has not returned yet."""
    return _is(verb, cues.future_verbs) and (not _is_past(verb) or _is(verb, cues.promise_verbs))


def _is_past(verb: Token) -> bool:
    """"planned", "was expected": past; "is expected", "has agreed" (present auxiliaries): not."""
    if verb.tag_ != "VBN":
        return verb.tag_ == "VBD"
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD") for c in verb.children)


def _has_conditional(sentence, cues: Cues) -> bool:
    return any(t.dep_ == "mark" and t.lower_ in cues.conditional_marks for t in sentence)
