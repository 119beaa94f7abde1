"""Resolve actor anaphors to the actors they point back to.

News refers to actors again without naming them: "he", "his organization", "the two sides", "we"
inside a quote. An event whose actor is a pronoun is useless unless the pronoun is resolved, and
wrong if it is resolved to the wrong actor, so the rules are conservative: the speaker of the
reported clause; else, in the nearest of the previous few sentences that holds a compatible actor,
the one actor there (or the one subject among several), never one whose "Mr"/"Mrs" says the other
sex; else, for a person pronoun in a story clearly of one country, that country alone (a role
filler, never an event's only actor); else nothing.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from chronicle.knowledge.actors import ActorKB, load_actor_cues
from chronicle.knowledge.cues import load_cues
from chronicle.record import SHARED_COUNTRY_METHOD, STORY_COUNTRY_METHOD, ActorMention, Work
from chronicle.stages.actors.borrowed import sentence_countries
from chronicle.syntax.tree import RELATIVE_PRONOUNS

WINDOW_SENTENCES = 3
SHARED_COUNTRY = SHARED_COUNTRY_METHOD
SHARED_COUNTRY_CONFIDENCE = 0.3
STORY_COUNTRY = STORY_COUNTRY_METHOD   # made by :func:`_story_person`


def is_anaphor(head: Token, tokens: list[Token]) -> bool:
    """A phrase that names no actor itself but points back to one."""
    cues = load_cues()
    lower = {t.lower_ for t in tokens}
    if head.lemma_.lower() in cues.group_nouns and head.tag_ == "NNS":
        if {"the", "both", "two", "these", "those"} & lower and not any(t.pos_ == "PROPN" for t in tokens):
            return True
    if head.lemma_.lower() in cues.organisation_nouns:
        if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tokens):
            return True
    return False


def resolve(work: Work, kb: ActorKB) -> None:
    """Replace every pending anaphor mention in ``work`` by copies of its antecedents (or drop it)."""
    doc = work.doc
    sent_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sent_of[token.i] = number
    resolved: list[ActorMention] = []
    local = sentence_countries(work)
    for mention in work.mentions:
        if mention.method != "anaphor:pending":
            resolved.append(mention)
            continue
        antecedents = _antecedents(doc[mention.head_i], mention, work, sent_of)
        if not antecedents:
            antecedents = _story_person(mention, work, local)
        if not antecedents:
            work.actors_at.pop(mention.head_i, None)
            continue
        copies = []
        for ante in antecedents:
            twin = ante.at(mention.text, mention.start, mention.end, mention.head_i)
            if ante.method in (SHARED_COUNTRY, STORY_COUNTRY):
                copies.append(twin)  # no one person: no name, no antecedent's words
                continue
            twin.name = ante.name or ante.text  # keeps the antecedent's identity (merging, speakers)
            twin.method = f"anaphor:{ante.text}"
            twin.confidence = round(min(ante.confidence, 0.6), 2)
            copies.append(twin)
        work.actors_at[mention.head_i] = copies
        resolved.extend(copies)
    work.mentions = resolved


def _antecedents(head: Token, mention: ActorMention, work: Work, sent_of: dict[int, int]) -> list[ActorMention]:
    # The mentions are in text order: the window is a slice found by bisection, so resolving every
    # anaphor of a long text does not rescan all its mentions each time.
    first = bisect.bisect_left(work.mentions, sent_of[head.i] - WINDOW_SENTENCES, key=lambda m: sent_of[m.head_i])
    last = bisect.bisect_left(work.mentions, head.i, key=lambda m: m.head_i)
    before = [m for m in work.mentions[first:last] if m.method != "anaphor:pending"]
    word = head.lower_
    if _placeholder_it(head):
        return []
    if head.pos_ == "PRON" or head.pos_ == "DET":
        if word in load_cues().speaker_pronouns:
            speaker = speaker_of(head, work)
            if speaker is None:
                return []
            if word in ("we", "us", "our", "ours") and speaker.affiliation is not None:
                return [speaker.affiliation]
            return [speaker]
        reporter = _reporting_subject(head, work)
        bound = _clause_subjects(head) if word in load_cues().person_pronouns else set()
        bound_keys = _bound_keys(bound, work)
        before = [m for m in before if m.head_i not in bound and m.key not in bound_keys]
        if reporter is not None and (reporter.head_i in bound or reporter.key in bound_keys):
            reporter = None
        if word in load_cues().person_pronouns:
            ok = lambda m: m.kind == "person"
        elif word in load_cues().thing_pronouns:
            ok = lambda m: m.kind in ("organisation", "country", "agent", "group") and not m.plural
        elif word in load_cues().plural_pronouns:
            ok = lambda m: m.plural or m.kind in ("organisation", "country", "group", "agent")
        else:
            return []
        # "Bangladesh says it will not accept...": the speaker is the first candidate.
        if reporter is not None and ok(reporter):
            return [reporter]
        if word in load_cues().person_pronouns:
            sex = "f" if word in ("she", "her", "hers") else "m"
            other = _sexes(work)
            person_ok = ok
            ok = lambda m: person_ok(m) and other.get(m.key, sex) == sex  # noqa: E731
        return _clear(before, ok, work, sent_of, sent_of[head.i])
    # "his organization": the organisation of the pronoun's referent.
    poss = [t for t in head.children if t.dep_ == "poss" and t.pos_ == "PRON"]
    if poss:
        refs = _nearest(before, lambda m: m.kind == "person") if poss[0].lower_ in load_cues().person_pronouns else \
            _nearest(before, lambda m: m.kind in ("organisation", "country"))
        if refs and refs[0].kind == "person":
            return [refs[0].affiliation] if refs[0].affiliation is not None else []
        return refs
    # "the two sides": the last pair of actors named together, else the last two distinct ones.
    return _last_pair(before, work)


def _placeholder_it(head: Token) -> bool:
    """"It is thought that X ...", "it was reported that ...": "it" as the passive subject of a
    verb whose clause says what is thought stands for that clause, not for an actor named before."""
    return head.lower_ == "it" and head.dep_ == "nsubjpass" and any(
        c.dep_ in ("ccomp", "csubjpass") for c in head.head.children)


OBJECT_DEPS = ("dobj", "obj", "dative", "iobj")
CLAUSE_CHAIN = ("xcomp", "advcl", "conj", "acl")


def _clause_subjects(pronoun: Token) -> set[int]:
    """The subject of the clause whose object the pronoun is ("Fox attacked Trump, calling him
    egocentric": Fox): a plain object pronoun never means its own clause's subject (that would be
    "himself"), so the subject is no antecedent. A participle or infinitive clause takes the
    subject of the clause it hangs on. None for other pronouns. Read for "him" and "her" only:
    "it" and "them" point at things as often as at actors ("councils banned them"), and passing
    over the subject would reach for an actor further back."""
    if pronoun.lower_.endswith(("self", "selves")):
        return set()
    if pronoun.dep_ in OBJECT_DEPS:
        verb = pronoun.head
    elif pronoun.dep_ == "pobj" and pronoun.head.head.pos_ == "VERB":
        verb = pronoun.head.head
    else:
        return set()
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            found = {t.i for s in subjects for t in (s, *s.conjuncts)}
            if verb.dep_ == "relcl" and any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
                found.add(verb.head.i)  # "Nixon, who had denounced him": Nixon
            return found
        if verb.dep_ not in CLAUSE_CHAIN or verb.head.i == verb.i:
            return set()
        verb = verb.head
    return set()


def _bound_keys(bound: set[int], work: Work) -> set[str]:
    """The identities of the actors at the bound subjects' words: "Trump said ... until Trump fired
    him" cannot mean Trump fired Trump, whichever of its mentions would be the candidate (the
    speaker of "said" among them)."""
    return {m.key for i in bound for m in work.actors_at.get(i, []) if m.method != "anaphor:pending"}


def _clear(before: list[ActorMention], ok, work: Work, sent_of: dict[int, int], here: int) -> list[ActorMention]:
    """The antecedent a reader would take: in the nearest sentence holding compatible actors, the
    only one there; in an earlier sentence, else its only grammatical subject (the topic carried
    on); else none: two candidates in the pronoun's own sentence are a guess (precision first)."""
    fits = [m for m in before if ok(m)]
    if not fits:
        return []
    last = sent_of[fits[-1].head_i]
    distinct: dict[str, ActorMention] = {}
    for mention in fits:
        if sent_of[mention.head_i] == last:
            distinct.setdefault(mention.key, mention)
    if len(distinct) == 1:
        return list(distinct.values())
    subjects = [m for m in distinct.values() if _is_subject(work.doc[m.head_i])]
    if last != here and len(subjects) == 1:
        return subjects
    return _shared_country(list(distinct.values()))


def _shared_country(candidates: list[ActorMention]) -> list[ActorMention]:
    """When a reader cannot tell which of several actors a pronoun means but all are of one country
    ("he" after two American senators), the pronoun is of that country (and of their sector, when
    they share it), though of no one person: a mention with no name (method ``anaphor+shared-country``).
    The events stage never makes an event of such mentions alone (``arguments.only_role_fillers``)."""
    countries = {m.country for m in candidates}
    if len(countries) != 1 or None in countries or countries & {"IGO", "NGO", "MNC"}:
        return []
    sectors = {m.sector for m in candidates}
    first = candidates[0]
    return [ActorMention(text=first.text, start=first.start, end=first.end, head_i=first.head_i,
                         country=first.country, sector=sectors.pop() if len(sectors) == 1 else None,
                         kind=first.kind, plural=first.plural, method=SHARED_COUNTRY,
                         confidence=SHARED_COUNTRY_CONFIDENCE)]


def _story_person(mention: ActorMention, work: Work, local: dict[int, list[str]]) -> list[ActorMention]:
    """"He called on Congress to act", "I have met the councils": a person pronoun ("he", "she",
    "they", "I", "we") no earlier actor explains, in a story clearly of one country
    (``Work.story_country``) whose sentence names no other, is someone of that country, as a reader
    and PLOVER's coders take it, though of no one person known: a mention with no name (method
    ``anaphor+story-country``) that, like one resolved to its candidates' shared country, fills a
    role of an event but never makes one alone. "It", and "them" or "their", are left: they name
    things as often as actors (a plural pronoun is taken as the subject "they" only)."""
    head = work.doc[mention.head_i]
    cues = load_cues()
    words = cues.person_pronouns | cues.plural_pronouns | cues.speaker_pronouns
    country = work.story_country
    if country is None or head.pos_ != "PRON" or head.lower_ not in words or head.dep_ == "poss":
        return []
    if head.lower_ in cues.plural_pronouns and head.dep_ not in ("nsubj", "nsubjpass"):
        return []  # "banned them": a plural object points at things as often as at people
    if set(local.get(head.sent.start, [])) - {country}:
        return []  # "he" in a sentence of another country may be of it
    return [ActorMention(text=mention.text, start=mention.start, end=mention.end, head_i=mention.head_i,
                         country=country, kind="person", plural=head.lower_ in cues.plural_pronouns,
                         method=STORY_COUNTRY, confidence=SHARED_COUNTRY_CONFIDENCE)]


def _is_subject(token) -> bool:
    """A clause's subject, or one of coordinated subjects ("Mr Brown and Mr Howard spoke")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _sexes(work: Work) -> dict[str, str]:
    """The sex an honorific gives each actor of the article ("Mrs Clinton" -> f), when one does."""
    honorifics = load_actor_cues().honorifics
    found: dict[str, str] = {}
    for mention in work.mentions:
        words = mention.text.split()
        if len(words) > 1 and honorifics.get(words[0]):
            found.setdefault(mention.key, honorifics[words[0]])
    return found


def _nearest(before: list[ActorMention], ok) -> list[ActorMention]:
    for mention in reversed(before):
        if ok(mention):
            return [mention]
    return []


def _last_pair(before: list[ActorMention], work: Work) -> list[ActorMention]:
    doc = work.doc
    by_head = {m.head_i: m for m in before}
    for mention in reversed(before):
        if mention.kind not in ("organisation", "country", "group", "agent") and not (
                mention.kind == "unknown" and doc[mention.head_i].ent_type_ in ("ORG", "NORP")):
            continue
        head = doc[mention.head_i]
        group = [by_head[t.i] for t in head.conjuncts if t.i in by_head]
        if group:
            pair = sorted([mention, *group], key=lambda m: m.head_i)
            if len({m.key for m in pair}) >= 2:
                return pair
    distinct: list[ActorMention] = []
    for mention in reversed(before):
        if mention.kind in ("organisation", "country", "group") and mention.key not in {m.key for m in distinct}:
            distinct.append(mention)
        if len(distinct) == 2:
            return list(reversed(distinct))
    return []


def _reporting_subject(token: Token, work: Work) -> ActorMention | None:
    """The subject of the reporting verb whose complement holds ``token``, if it precedes it."""
    found = speaker_of(token, work)
    return found if found is not None and found.head_i < token.i else None


def speaker_of(token: Token, work: Work) -> ActorMention | None:
    """The subject of the reporting verb whose complement holds ``token`` (for "we" in a quote)."""
    cues = load_cues()
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in cues.reporting_verbs:
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i in work.actors_at:
                    found = work.actors_at[child.i]
                    if found and found[0].method != "anaphor:pending":
                        return found[0]
            return None
    return None


def resolve_possessives(work: Work) -> None:
    """"Labour attacked his policies", "called for her resignation": whom a possessive pronoun
    ("his", "her", "its", "their") means, by the rules of the other pronouns (:func:`_antecedents`:
    the speaker, else the one compatible actor of the nearest sentence holding any, never one of
    the other sex, else the country several candidates share; no guess from the story's country), into ``Work.owners_at``. Kept apart from
    ``mentions`` and ``actors_at``: most possessives own no act ("his arrest", "their troops"), so
    only the events stage's target rules read them, for an act aimed at what the pronoun's
    referent owns or did. A phrase the pronoun's noun already codes ("his organization", "his
    spokesman") is left to that mention."""
    cues = load_cues()
    words = cues.person_pronouns | cues.thing_pronouns | cues.plural_pronouns
    sent_of = {t.i: number for number, sent in enumerate(work.doc.sents) for t in sent}
    work.owners_at = {}
    for token in work.doc:
        if token.dep_ != "poss" or token.pos_ != "PRON" or token.lower_ not in words or token.head.i in work.actors_at:
            continue
        pending = ActorMention(text=token.text, start=token.idx, end=token.idx + len(token), head_i=token.i,
                               kind="anaphor", method="anaphor:pending", confidence=0.0)
        copies = []
        for ante in _antecedents(token, pending, work, sent_of):
            twin = ante.at(pending.text, pending.start, pending.end, token.i)
            if ante.method in (SHARED_COUNTRY, STORY_COUNTRY):
                copies.append(twin)  # someone of that country, though of no one person
                continue
            twin.name = ante.name or ante.text
            twin.method = f"anaphor:{ante.text}"
            twin.confidence = round(min(ante.confidence, 0.6), 2)
            copies.append(twin)
        if copies:
            work.owners_at[token.i] = copies
