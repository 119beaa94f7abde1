"""Actor coding that follows the article the way a reader does, on hand-built parses.

A reader of "Prime Minister Tony Blair visited Belfast. Mr Blair condemned the bombing." knows who
condemned: the man named in full before. Coded alone, "Mr Blair" is an unknown, and "Mr McConnell"
after "Fergus McConnell" would be the US senator of the knowledge base. These cases pin the rules of
``chronicle.stages.actors.linking`` (later short mentions take the identity of the entity named in
full), ``context`` (the story's country decides what an ambiguous name means), ``descriptors``
(titles, parties, regions and "a spokesman for X" code people the knowledge base lacks) and the
events stage's received acts ("X came under fire from Y": Y acts on X). Every sentence is written
for these tests; each parse is the model's, checked by hand, so a failure is the rule's.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from chronicle.record import ActorMention, CleanResult, Work
from chronicle.schema import Article
from chronicle.stages.actors import ActorsStage
from chronicle.stages.base import StageContext
from chronicle.stages.events import EventsStage
from tests.parses import parsed, vocab

DAY_2005 = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    actors = ActorsStage()
    actors.initialize(StageContext(nlp=spacy.blank("en", vocab=vocab())))
    return actors


@pytest.fixture(scope="module")
def events() -> EventsStage:
    stage = EventsStage()
    stage.initialize()
    return stage


def run(stage: ActorsStage, text: str, table: str, published: dt.date | None = DAY_2005, **article) -> Work:
    work = Work(article=Article(id="t", text=text, published=published, **article), doc=parsed(text, table))
    return stage(work)


def at(work: Work, text: str) -> ActorMention:
    """The one mention whose words are ``text``."""
    found = [m for m in work.mentions if m.text == text]
    assert len(found) == 1, [(m.text, m.method) for m in work.mentions]
    return found[0]


# ------------------------------------------------------------------ later mentions: surname, title

BLAIR = ("Prime Minister Tony Blair visited Belfast. Mr Blair condemned the bombing.", """
    Prime      Prime      PROPN NNP compound 1  O
    Minister   Minister   PROPN NNP compound 3  O
    Tony       Tony       PROPN NNP compound 3  B-PERSON
    Blair      Blair      PROPN NNP nsubj    4  I-PERSON
    visited    visit      VERB  VBD ROOT     4  O
    Belfast    Belfast    PROPN NNP dobj     4  B-GPE
    .          .          PUNCT .   punct    4  O
    Mr         Mr         PROPN NNP compound 8  O
    Blair      Blair      PROPN NNP nsubj    9  B-PERSON
    condemned  condemn    VERB  VBD ROOT     9  O
    the        the        DET   DT  det      11 O
    bombing    bombing    NOUN  NN  dobj     9  O
    .          .          PUNCT .   punct    9  O
""")


def test_mr_and_surname_take_the_person_named_in_full_before(stage):
    work = run(stage, *BLAIR)
    mr = at(work, "Mr Blair")
    assert mr.actor_id == "tony-blair" and (mr.country, mr.sector) == ("GBR", "GOV")
    assert mr.method.startswith("link:name")
    assert work.actors_at[8] == [mr]


def test_a_title_alone_takes_the_one_person_named_with_it(stage):
    text = "Prime Minister Tony Blair visited Belfast. The prime minister praised the police."
    work = run(stage, text, """
        Prime     Prime     PROPN NNP compound 1  O
        Minister  Minister  PROPN NNP compound 3  O
        Tony      Tony      PROPN NNP compound 3  B-PERSON
        Blair     Blair     PROPN NNP nsubj    4  I-PERSON
        visited   visit     VERB  VBD ROOT     4  O
        Belfast   Belfast   PROPN NNP dobj     4  B-GPE
        .         .         PUNCT .   punct    4  O
        The       the       DET   DT  det      9  O
        prime     prime     ADJ   JJ  amod     9  O
        minister  minister  NOUN  NN  nsubj    10 O
        praised   praise    VERB  VBD ROOT     10 O
        the       the       DET   DT  det      12 O
        police    police    NOUN  NNS dobj     10 O
        .         .         PUNCT .   punct    10 O
    """)
    pm = at(work, "The prime minister")
    assert pm.actor_id == "tony-blair" and pm.method.startswith("link:title")


KARIMZADEH = """
    Foreign     Foreign     PROPN NNP compound 1 O
    Minister    Minister    PROPN NNP compound 3 O
    Ali         Ali         PROPN NNP compound 3 B-PERSON
    Karimzadeh  Karimzadeh  PROPN NNP nsubj    4 I-PERSON
    arrived     arrive      VERB  VBD ROOT     4 O
    .           .           PUNCT .   punct    4 O
    The         the         DET   DT  det      7 O
    minister    minister    NOUN  NN  nsubj    8 O
    condemned   condemn     VERB  VBD ROOT     8 O
    the         the         DET   DT  det      10 O
    sanctions   sanction    NOUN  NNS dobj     8 O
    .           .           PUNCT .   punct    8 O
"""


def test_the_minister_stands_for_the_foreign_minister_named_before(stage):
    text = "Foreign Minister Ali Karimzadeh arrived. The minister condemned the sanctions."
    work = run(stage, text, KARIMZADEH)
    minister = at(work, "The minister")
    assert minister.name == "Ali Karimzadeh" and minister.role == "foreign minister"


def test_a_bare_title_no_one_was_named_with_is_no_actor(stage):
    work = run(stage, "The minister condemned the sanctions.", """
        The        the        DET   DT  det   1 O
        minister   minister   NOUN  NN  nsubj 2 O
        condemned  condemn    VERB  VBD ROOT  2 O
        the        the        DET   DT  det   4 O
        sanctions  sanction   NOUN  NNS dobj  2 O
        .          .          PUNCT .   punct 2 O
    """)
    assert not work.mentions and not work.actors_at


MCCONNELL = """
    Fergus      Fergus      PROPN NNP compound 1  B-PERSON
    McConnell   McConnell   PROPN NNP nsubj    2  I-PERSON
    opened      open        VERB  VBD ROOT     2  O
    a           a           DET   DT  det      4  O
    school      school      NOUN  NN  dobj     2  O
    in          in          ADP   IN  prep     2  O
    Edinburgh   Edinburgh   PROPN NNP pobj     5  B-GPE
    .           .           PUNCT .   punct    2  O
    Mr          Mr          PROPN NNP compound 9  O
    McConnell   McConnell   PROPN NNP nsubj    10 B-PERSON
    criticised  criticise   VERB  VBD ROOT     10 O
    the         the         DET   DT  det      12 O
    SNP         SNP         PROPN NNP dobj     10 B-ORG
    .           .           PUNCT .   punct    10 O
"""


def test_a_surname_is_the_person_the_article_named_not_the_knowledge_bases(stage):
    text = "Fergus McConnell opened a school in Edinburgh. Mr McConnell criticised the SNP."
    work = run(stage, text, MCCONNELL)
    mr = at(work, "Mr McConnell")
    assert mr.actor_id is None and mr.name == "Fergus McConnell" and mr.country != "USA"


def test_a_title_named_before_codes_the_person_and_the_later_mr(stage):
    text = "Scotland's First Minister Fergus McConnell opened a school. Mr McConnell criticised the SNP."
    work = run(stage, text, """
        Scotland    Scotland    PROPN NNP poss     3  B-GPE
        's          's          PART  POS case     0  O
        First       First       PROPN NNP compound 3  B-ORDINAL
        Minister    Minister    PROPN NNP compound 5  O
        Fergus      Fergus      PROPN NNP compound 5  B-PERSON
        McConnell   McConnell   PROPN NNP nsubj    6  I-PERSON
        opened      open        VERB  VBD ROOT     6  O
        a           a           DET   DT  det      8  O
        school      school      NOUN  NN  dobj     6  O
        .           .           PUNCT .   punct    6  O
        Mr          Mr          PROPN NNP compound 11 O
        McConnell   McConnell   PROPN NNP nsubj    12 B-PERSON
        criticised  criticise   VERB  VBD ROOT     12 O
        the         the         DET   DT  det      14 O
        SNP         SNP         PROPN NNP dobj     12 B-ORG
        .           .           PUNCT .   punct    12 O
    """)
    first = at(work, "Scotland's First Minister Fergus McConnell")
    assert (first.country, first.sector) == ("GBR", "GOV") and first.role == "first minister of Scotland"
    mr = at(work, "Mr McConnell")
    assert mr.actor_id is None and (mr.country, mr.sector) == ("GBR", "GOV") and mr.name == "Fergus McConnell"


def screened(full: str, kept_from: int, table: str) -> Work:
    """A Work whose first ``kept_from`` characters (a sentence without an event word) the screen
    blanked: the parser saw only the rest, the article still holds it all."""
    tail = parsed(full[kept_from:], table)
    words = [" " * (kept_from - 1)] + [t.text for t in tail]
    spaces = [True] + [bool(t.whitespace_) for t in tail]
    heads = [0] + [t.head.i + 1 for t in tail]
    deps = ["ROOT"] + [t.dep_ for t in tail]
    from spacy.tokens import Doc

    doc = Doc(vocab(), words=words, spaces=spaces, heads=heads, deps=deps,
              lemmas=[w for w in words[:1]] + [t.lemma_ for t in tail], pos=["SPACE"] + [t.pos_ for t in tail],
              tags=["_SP"] + [t.tag_ for t in tail],
              ents=["O"] + [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in tail])
    blank = " " * kept_from + full[kept_from:]
    return Work(article=Article(id="t", text=full, published=DAY_2005), doc=doc,
                clean=CleanResult(text=blank))


def test_the_full_name_may_stand_in_a_sentence_the_parser_never_saw(stage):
    full = "House Speaker Ann Velden flew home. Ms Velden condemned the bombing."
    work = stage(screened(full, 36, """
        Ms         Ms         PROPN NNP compound 1 B-PERSON
        Velden     Velden     PROPN NNP nsubj    2 I-PERSON
        condemned  condemn    VERB  VBD ROOT     2 O
        the        the        DET   DT  det      4 O
        bombing    bombing    NOUN  NN  dobj     2 O
        .          .          PUNCT .   punct    2 O
    """))
    ms = at(work, "Ms Velden")
    assert ms.name == "Ann Velden" and (ms.country, ms.sector) == ("USA", "LEG")


def test_an_acronym_is_the_organisation_spelled_out_before(stage):
    text = "The Kestrel Valley Farmers Union blocked the roads. The KVFU rejected the offer."
    work = run(stage, text, """
        The       The       DET   DT  det      4  B-ORG
        Kestrel   Kestrel   PROPN NNP compound 2  I-ORG
        Valley    Valley    PROPN NNP compound 4  I-ORG
        Farmers   Farmers   PROPN NNP compound 4  I-ORG
        Union     Union     PROPN NNP nsubj    5  I-ORG
        blocked   block     VERB  VBD ROOT     5  O
        the       the       DET   DT  det      7  O
        roads     road      NOUN  NNS dobj     5  O
        .         .         PUNCT .   punct    5  O
        The       the       DET   DT  det      10 O
        KVFU      KVFU      PROPN NNP nsubj    11 B-PERSON
        rejected  reject    VERB  VBD ROOT     11 O
        the       the       DET   DT  det      13 O
        offer     offer     NOUN  NN  dobj     11 O
        .         .         PUNCT .   punct    11 O
    """)
    kvfu = at(work, "The KVFU")
    assert kvfu.name == "The Kestrel Valley Farmers Union" and kvfu.sector == "LAB"
    assert kvfu.method.startswith("link:acronym")


def test_an_undated_article_codes_a_person_with_the_role_its_text_gives(stage):
    work = run(stage, "Prime Minister Tony Blair visited Belfast.", """
        Prime     Prime     PROPN NNP compound 1 O
        Minister  Minister  PROPN NNP compound 3 O
        Tony      Tony      PROPN NNP compound 3 B-PERSON
        Blair     Blair     PROPN NNP nsubj    4 I-PERSON
        visited   visit     VERB  VBD ROOT     4 O
        Belfast   Belfast   PROPN NNP dobj     4 B-GPE
        .         .         PUNCT .   punct    4 O
    """, published=None)
    blair = at(work, "Prime Minister Tony Blair")
    assert (blair.country, blair.sector, blair.role) == ("GBR", "GOV", "prime minister")


# ------------------------------------------------------------------ pronouns: only a clear antecedent

def test_she_skips_a_man_the_article_calls_mr(stage):
    text = "Mr Obama met Mrs Clinton. She praised the plan."
    work = run(stage, text, """
        Mr       Mr       PROPN NNP compound 1 O
        Obama    Obama    PROPN NNP nsubj    2 B-PERSON
        met      meet     VERB  VBD ROOT     2 O
        Mrs      Mrs      PROPN NNP compound 4 B-PERSON
        Clinton  Clinton  PROPN NNP dobj     2 I-PERSON
        .        .        PUNCT .   punct    2 O
        She      she      PRON  PRP nsubj    7 O
        praised  praise   VERB  VBD ROOT     7 O
        the      the      DET   DT  det      9 O
        plan     plan     NOUN  NN  dobj     7 O
        .        .        PUNCT .   punct    7 O
    """, published=dt.date(2010, 5, 1))
    (she,) = work.actors_at[6]
    assert she.name is not None and "Clinton" in she.name


def test_he_after_two_men_named_together_is_left_unresolved(stage):
    text = "Mr Brown and Mr Howard spoke. He criticised the plan."
    work = run(stage, text, """
        Mr          Mr         PROPN NNP compound 1 O
        Brown       Brown      PROPN NNP nsubj    5 B-PERSON
        and         and        CCONJ CC  cc       1 O
        Mr          Mr         PROPN NNP compound 4 O
        Howard      Howard     PROPN NNP conj     1 B-PERSON
        spoke       speak      VERB  VBD ROOT     5 O
        .           .          PUNCT .   punct    5 O
        He          he         PRON  PRP nsubj    8 O
        criticised  criticise  VERB  VBD ROOT     8 O
        the         the        DET   DT  det      10 O
        plan        plan       NOUN  NN  dobj     8 O
        .           .          PUNCT .   punct    8 O
    """)
    assert 7 not in work.actors_at


# ------------------------------------------------------------------ people coded from what the text says

@pytest.mark.parametrize("text, table, phrase, codes", [
    ("House Speaker Ann Velden criticised the plan.", """
        House       House      PROPN NNP compound 1 B-ORG
        Speaker     Speaker    PROPN NNP compound 3 O
        Ann         Ann        PROPN NNP compound 3 B-PERSON
        Velden      Velden     PROPN NNP nsubj    4 I-PERSON
        criticised  criticise  VERB  VBD ROOT     4 O
        the         the        DET   DT  det      6 O
        plan        plan       NOUN  NN  dobj     4 O
        .           .          PUNCT .   punct    4 O
     """, "House Speaker Ann Velden", ("USA", "LEG", "house speaker")),
    ("Labour MP Jane Gorringe criticised the plan.", """
        Labour      Labour     PROPN NNP compound 3 O
        MP          MP         PROPN NNP compound 3 O
        Jane        Jane       PROPN NNP compound 3 B-PERSON
        Gorringe    Gorringe   PROPN NNP nsubj    4 I-PERSON
        criticised  criticise  VERB  VBD ROOT     4 O
        the         the        DET   DT  det      6 O
        plan        plan       NOUN  NN  dobj     4 O
        .           .          PUNCT .   punct    4 O
     """, "Labour MP Jane Gorringe", ("GBR", "LEG", "mp")),
    ("Tory MP Alan Greaves condemned the vote.", """
        Tory       Tory       PROPN NNP  compound 1 B-NORP
        MP         MP         PROPN NNP  compound 3 O
        Alan       Alan       PROPN NNP  compound 3 B-PERSON
        Greaves    Greaves    PROPN NNPS nsubj    4 I-PERSON
        condemned  condemn    VERB  VBD  ROOT     4 O
        the        the        DET   DT   det      6 O
        vote       vote       NOUN  NN   dobj     4 O
        .          .          PUNCT .    punct    4 O
     """, "Tory MP Alan Greaves", ("GBR", "LEG", "mp")),
    ("Iranian Foreign Minister Ali Karimzadeh condemned the sanctions.", """
        Iranian     iranian    ADJ   JJ  amod     2 B-NORP
        Foreign     Foreign    PROPN NNP compound 2 O
        Minister    Minister   PROPN NNP compound 4 O
        Ali         Ali        PROPN NNP compound 4 B-PERSON
        Karimzadeh  Karimzadeh PROPN NNP nsubj    5 I-PERSON
        condemned   condemn    VERB  VBD ROOT     5 O
        the         the        DET   DT  det      7 O
        sanctions   sanction   NOUN  NNS dobj     5 O
        .           .          PUNCT .   punct    5 O
     """, "Iranian Foreign Minister Ali Karimzadeh", ("IRN", "GOV", "foreign minister")),
    ("Senator Bob Hartwell criticised the plan.", """
        Senator     Senator    PROPN NNP compound 2 O
        Bob         Bob        PROPN NNP compound 2 B-PERSON
        Hartwell    Hartwell   PROPN NNP nsubj    3 I-PERSON
        criticised  criticise  VERB  VBD ROOT     3 O
        the         the        DET   DT  det      5 O
        plan        plan       NOUN  NN  dobj     3 O
        .           .          PUNCT .   punct    3 O
     """, "Senator Bob Hartwell", ("USA", "LEG", "senator")),
    ("Governor Chris Dalton of New Jersey vetoed the bill.", """
        Governor  Governor  PROPN NNP compound 2 O
        Chris     Chris     PROPN NNP compound 2 B-PERSON
        Dalton    Dalton    PROPN NNP nsubj    6 I-PERSON
        of        of        ADP   IN  prep     2 O
        New       New       PROPN NNP compound 5 B-GPE
        Jersey    Jersey    PROPN NNP pobj     3 I-GPE
        vetoed    veto      VERB  VBD ROOT     6 O
        the       the       DET   DT  det      8 O
        bill      bill      NOUN  NN  dobj     6 O
        .         .         PUNCT .   punct    6 O
     """, "Governor Chris Dalton", ("USA", "GOV", "governor of New Jersey")),
    ("Northern Ireland Secretary Owen Carrick met the leaders.", """
        Northern   Northern   PROPN NNP compound 1 B-GPE
        Ireland    Ireland    PROPN NNP compound 2 I-GPE
        Secretary  Secretary  PROPN NNP compound 4 O
        Owen       Owen       PROPN NNP compound 4 B-PERSON
        Carrick    Carrick    PROPN NNP nsubj    5 I-PERSON
        met        meet       VERB  VBD ROOT     5 O
        the        the        DET   DT  det      7 O
        leaders    leader     NOUN  NNS dobj     5 O
        .          .          PUNCT .   punct    5 O
     """, "Northern Ireland Secretary Owen Carrick", ("GBR", "GOV", "northern ireland secretary")),
])
def test_a_person_the_knowledge_base_lacks_is_coded_from_the_words_around_the_name(stage, text, table, phrase, codes):
    person = at(run(stage, text, table), phrase)
    assert person.actor_id is None
    assert (person.country, person.sector, person.role) == codes


def test_a_party_mp_has_the_party_as_affiliation(stage):
    work = run(stage, "Labour MP Jane Gorringe criticised the plan.", """
        Labour      Labour     PROPN NNP compound 3 O
        MP          MP         PROPN NNP compound 3 O
        Jane        Jane       PROPN NNP compound 3 B-PERSON
        Gorringe    Gorringe   PROPN NNP nsubj    4 I-PERSON
        criticised  criticise  VERB  VBD ROOT     4 O
        the         the        DET   DT  det      6 O
        plan        plan       NOUN  NN  dobj     4 O
        .           .          PUNCT .   punct    4 O
    """)
    assert at(work, "Labour MP Jane Gorringe").affiliation.actor_id == "labour-party-uk"


def test_a_spokesman_for_an_actor_is_coded_as_that_actor(stage):
    work = run(stage, "A spokesman for the State Department condemned the strike.", """
        A           a           DET   DT  det      1 O
        spokesman   spokesman   NOUN  NN  nsubj    6 O
        for         for         ADP   IN  prep     1 O
        the         the         DET   DT  det      5 B-ORG
        State       State       PROPN NNP compound 5 I-ORG
        Department  Department  PROPN NNP pobj     2 I-ORG
        condemned   condemn     VERB  VBD ROOT     6 O
        the         the         DET   DT  det      8 O
        strike      strike      NOUN  NN  dobj     6 O
        .           .           PUNCT .   punct    6 O
    """)
    spokesman = at(work, "A spokesman")
    assert (spokesman.country, spokesman.sector) == ("USA", "GOV")
    assert spokesman.affiliation.actor_id == "state-department"


def test_a_party_state_tag_codes_a_us_legislator_and_is_no_actor_itself(stage):
    work = run(stage, "Sen. Mitch Hartwell (R-Ky.) criticized the plan.", """
        Sen.        Sen.       PROPN NNP   compound 2 O
        Mitch       Mitch      PROPN NNP   compound 2 B-PERSON
        Hartwell    Hartwell   PROPN NNP   nsubj    8 I-PERSON
        (           (          PUNCT -LRB- punct    2 O
        R           R          PROPN NNP   compound 6 O
        -           -          PUNCT HYPH  punct    6 O
        Ky.         Ky.        PROPN NNP   appos    2 B-GPE
        )           )          PUNCT -RRB- punct    2 O
        criticized  criticize  VERB  VBD   ROOT     8 O
        the         the        DET   DT    det      10 O
        plan        plan       NOUN  NN    dobj     8 O
        .           .          PUNCT .     punct    8 O
    """)
    senator = at(work, "Sen. Mitch Hartwell")
    assert (senator.country, senator.sector, senator.role) == ("USA", "LEG", "senator")
    assert senator.affiliation.actor_id == "republican-party"
    assert [m.text for m in work.mentions] == ["Sen. Mitch Hartwell"]


# ------------------------------------------------------------------ regions are not countries

def test_new_jersey_is_a_us_state_not_jersey(stage):
    work = run(stage, "New Jersey sued the agency.", """
        New     New     PROPN NNP compound 1 B-GPE
        Jersey  Jersey  PROPN NNP nsubj    2 I-GPE
        sued    sue     VERB  VBD ROOT     2 O
        the     the     DET   DT  det      4 O
        agency  agency  NOUN  NN  dobj     2 O
        .       .       PUNCT .   punct    2 O
    """)
    state = at(work, "New Jersey")
    assert (state.country, state.sector, state.name) == ("USA", "GOV", "New Jersey")
    assert state.role == "government of New Jersey" and "subnational" in state.method


GEORGIA_TAIL = """
    Georgia    Georgia    PROPN NNP nsubj {0}  B-GPE
    {1:<10} {2:<10} VERB  VBD ROOT  {0}  O
    the        the        DET   DT  det   {3}  O
    {4:<10} {4:<10} NOUN  NN  dobj  {0}  O
    .          .          PUNCT .   punct {0}  O
"""


def test_georgia_in_a_story_about_atlanta_is_the_state(stage):
    text = "Protesters marched in Atlanta on Monday. Georgia sued the agency."
    work = run(stage, text, """
        Protesters  protester  NOUN  NNS nsubj 1 O
        marched     march      VERB  VBD ROOT  1 O
        in          in         ADP   IN  prep  1 O
        Atlanta     Atlanta    PROPN NNP pobj  2 B-GPE
        on          on         ADP   IN  prep  1 O
        Monday      Monday     PROPN NNP pobj  4 B-DATE
        .           .          PUNCT .   punct 1 O
    """ + GEORGIA_TAIL.format(8, "sued", "sue", 10, "agency"))
    georgia = at(work, "Georgia")
    assert georgia.country == "USA" and georgia.actor_id is None


def test_georgia_in_a_story_about_georgian_villages_is_the_country(stage):
    text = "Russian troops entered Georgian villages. Georgia condemned the move."
    work = run(stage, text, """
        Russian   russian   ADJ   JJ  amod  1 B-NORP
        troops    troop     NOUN  NNS nsubj 2 O
        entered   enter     VERB  VBD ROOT  2 O
        Georgian  georgian  ADJ   JJ  amod  4 B-NORP
        villages  village   NOUN  NNS dobj  2 O
        .         .         PUNCT .   punct 2 O
    """ + GEORGIA_TAIL.format(7, "condemned", "condemn", 9, "move"))
    assert at(work, "Georgia").country == "GEO"


PUNJAB = """
    {0:<10} {1:<10} ADJ   JJ  amod     1 B-NORP
    officials  official   NOUN  NNS nsubj    2 O
    said       say        VERB  VBD ROOT     2 O
    Punjab     punjab     ADJ   JJ  compound 4 B-NORP
    police     police     NOUN  NNS nsubj    5 O
    arrested   arrest     VERB  VBD ccomp    2 O
    six        six        NUM   CD  nummod   7 B-CARDINAL
    men        man        NOUN  NNS dobj     5 O
    .          .          PUNCT .   punct    2 O
"""


@pytest.mark.parametrize("demonym, country", [("Indian", "IND"), ("Pakistani", "PAK")])
def test_punjab_is_in_the_country_the_story_is_about(stage, demonym, country):
    text = f"{demonym} officials said Punjab police arrested six men."
    work = run(stage, text, PUNJAB.format(demonym, demonym.lower()))
    police = at(work, "Punjab police")
    assert (police.country, police.sector) == (country, "COP")


def test_punjab_in_a_story_that_names_no_country_has_none(stage):
    work = run(stage, "Punjab police arrested six men.", """
        Punjab    punjab    ADJ   JJ  amod     1 O
        police    police    NOUN  NNS nsubj    2 O
        arrested  arrest    VERB  VBD ROOT     2 O
        six       six       NUM   CD  nummod   4 B-CARDINAL
        men       man       NOUN  NNS dobj     2 O
        .         .         PUNCT .   punct    2 O
    """)
    assert at(work, "Punjab police").country is None


def test_a_state_senate_is_the_states_legislature_not_the_us_senate(stage):
    work = run(stage, "The New Jersey Senate passed the bill.", """
        The     the     DET   DT  det      3 O
        New     New     PROPN NNP compound 2 O
        Jersey  Jersey  PROPN NNP compound 3 O
        Senate  Senate  PROPN NNP nsubj    4 O
        passed  pass    VERB  VBD ROOT     4 O
        the     the     DET   DT  det      6 O
        bill    bill    NOUN  NN  dobj     4 O
        .       .       PUNCT .   punct    4 O
    """)
    senate = at(work, "The New Jersey Senate")
    assert senate.actor_id is None and (senate.country, senate.sector) == ("USA", "LEG")
    assert senate.role == "senate of New Jersey"


def test_congress_in_a_story_from_delhi_is_the_indian_party(stage):
    work = run(stage, "In New Delhi, Congress criticised the BJP.", """
        In          in         ADP   IN  prep     5 O
        New         New        PROPN NNP compound 2 B-GPE
        Delhi       Delhi      PROPN NNP pobj     0 I-GPE
        ,           ,          PUNCT ,   punct    5 O
        Congress    Congress   PROPN NNP nsubj    5 B-ORG
        criticised  criticise  VERB  VBD ROOT     5 O
        the         the        DET   DT  det      7 O
        BJP         BJP        PROPN NNP dobj     5 B-ORG
        .           .          PUNCT .   punct    5 O
    """)
    assert at(work, "Congress").actor_id == "inc"


def test_the_outlet_is_evidence_of_the_story_country(stage):
    work = run(stage, "Punjab police arrested six men.", """
        Punjab    punjab    ADJ   JJ  amod     1 O
        police    police    NOUN  NNS nsubj    2 O
        arrested  arrest    VERB  VBD ROOT     2 O
        six       six       NUM   CD  nummod   4 B-CARDINAL
        men       man       NOUN  NNS dobj     2 O
        .         .         PUNCT .   punct    2 O
    """, source="Dawn")
    assert at(work, "Punjab police").country == "PAK"


# ------------------------------------------------------------------ events: acts received from someone

def coded(actors: ActorsStage, events: EventsStage, text: str, table: str):
    work = run(actors, text, table)
    return events(work).drafts


def test_took_criticism_from_makes_the_critics_the_source(stage, events):
    (draft,) = coded(stage, events, "Labour MP Jane Gorringe took criticism from Conservative MPs.", """
        Labour       Labour       PROPN NNP compound 3 O
        MP           MP           PROPN NNP compound 3 O
        Jane         Jane         PROPN NNP compound 3 B-PERSON
        Gorringe     Gorringe     PROPN NNP nsubj    4 I-PERSON
        took         take         VERB  VBD ROOT     4 O
        criticism    criticism    NOUN  NN  dobj     4 O
        from         from         ADP   IN  prep     4 O
        Conservative conservative ADJ   JJ  amod     8 B-PERSON
        MPs          mp           NOUN  NNS pobj     6 I-PERSON
        .            .            PUNCT .   punct    4 O
    """)
    assert (draft.event_type, draft.cameo) == ("ACCUSE", "111")
    assert [m.text for m in draft.source] == ["Conservative MPs"]
    assert [m.text for m in draft.target] == ["Labour MP Jane Gorringe"]


def test_came_under_fire_from_politicians_is_criticism(stage, events):
    (draft,) = coded(stage, events, "Senator Bob Hartwell came under fire from Democrats.", """
        Senator    Senator    PROPN NNP  compound 2 O
        Bob        Bob        PROPN NNP  compound 2 B-PERSON
        Hartwell   Hartwell   PROPN NNP  nsubj    3 I-PERSON
        came       come       VERB  VBD  ROOT     3 O
        under      under      ADP   IN   prep     3 O
        fire       fire       NOUN  NN   pobj     4 O
        from       from       ADP   IN   prep     3 O
        Democrats  Democrats  PROPN NNPS pobj     6 B-NORP
        .          .          PUNCT .    punct    3 O
    """)
    assert (draft.event_type, draft.cameo) == ("ACCUSE", "111")
    assert [m.text for m in draft.source] == ["Democrats"] and [m.text for m in draft.target] == ["Senator Bob Hartwell"]


def test_came_under_fire_from_militants_is_force(stage, events):
    (draft,) = coded(stage, events, "Kenyan troops came under fire from militants.", """
        Kenyan     kenyan     ADJ   JJ   amod     1 B-NORP
        troops     troop      NOUN  NNS  nsubj    2 O
        came       come       VERB  VBD  ROOT     2 O
        under      under      ADP   IN   prep     2 O
        fire       fire       NOUN  NN   pobj     3 O
        from       from       ADP   IN   prep     2 O
        militants  militant   NOUN  NNS  pobj     5 O
        .          .          PUNCT .    punct    2 O
    """)
    assert (draft.event_type, draft.cameo) == ("ASSAULT", "190")
    assert [m.text for m in draft.source] == ["militants"] and [m.text for m in draft.target] == ["Kenyan troops"]


def test_faced_calls_to_resign_is_a_demand_by_the_callers(stage, events):
    (draft,) = coded(stage, events, "Governor Chris Dalton faced calls from Republican lawmakers to resign.", """
        Governor    Governor    PROPN NNP  compound 2 O
        Chris       Chris       PROPN NNP  compound 2 B-PERSON
        Dalton      Dalton      PROPN NNP  nsubj    3 I-PERSON
        faced       face        VERB  VBD  ROOT     3 O
        calls       call        NOUN  NNS  dobj     3 O
        from        from        SCONJ IN   mark     9 O
        Republican  Republican  ADJ   JJ   amod     7 B-NORP
        lawmakers   lawmaker    NOUN  NNS  pobj     5 O
        to          to          PART  TO   aux      9 O
        resign      resign      VERB  VB   advcl    4 O
        .           .           PUNCT .    punct    3 O
    """)
    assert (draft.event_type, draft.cameo) == ("REQUEST", "1041")
    assert [m.text for m in draft.source] == ["Republican lawmakers"]
    assert [m.text for m in draft.target] == ["Governor Chris Dalton"]


def test_a_call_received_without_a_demand_is_no_request(stage, events):
    drafts = coded(stage, events, "Governor Chris Dalton received a call from Kenyan police.", """
        Governor  Governor  PROPN NNP compound 2 O
        Chris     Chris     PROPN NNP compound 2 B-PERSON
        Dalton    Dalton    PROPN NNP nsubj    3 I-PERSON
        received  receive   VERB  VBD ROOT     3 O
        a         a         DET   DT  det      5 O
        call      call      NOUN  NN  dobj     3 O
        from      from      ADP   IN  prep     5 O
        Kenyan    kenyan    ADJ   JJ  amod     8 B-NORP
        police    police    NOUN  NNS pobj     6 O
        .         .         PUNCT .   punct    3 O
    """)
    assert not [d for d in drafts if d.event_type == "REQUEST"]


def test_accused_by_in_the_passive_keeps_the_accuser_as_source(stage, events):
    (draft,) = coded(stage, events, "Governor Chris Dalton was accused by Kenyan police.", """
        Governor  Governor  PROPN NNP compound 2 O
        Chris     Chris     PROPN NNP compound 2 B-PERSON
        Dalton    Dalton    PROPN NNP nsubjpass 4 I-PERSON
        was       be        AUX   VBD auxpass  4 O
        accused   accuse    VERB  VBN ROOT     4 O
        by        by        ADP   IN  agent    4 O
        Kenyan    kenyan    ADJ   JJ  amod     7 B-NORP
        police    police    NOUN  NNS pobj     5 O
        .         .         PUNCT .   punct    4 O
    """)
    assert draft.event_type == "ACCUSE"
    assert [m.text for m in draft.source] == ["Kenyan police"] and [m.text for m in draft.target] == ["Governor Chris Dalton"]


def test_rejecting_a_request_from_someone_makes_the_asker_the_target(stage, events):
    (draft,) = coded(stage, events, "The court rejected a request from Senator Bob Hartwell.", """
        The        the        DET   DT  det      1 O
        court      court      NOUN  NN  nsubj    2 O
        rejected   reject     VERB  VBD ROOT     2 O
        a          a          DET   DT  det      4 O
        request    request    NOUN  NN  dobj     2 O
        from       from       ADP   IN  prep     4 O
        Senator    Senator    PROPN NNP compound 8 O
        Bob        Bob        PROPN NNP compound 8 B-PERSON
        Hartwell   Hartwell   PROPN NNP pobj     5 I-PERSON
        .          .          PUNCT .   punct    2 O
    """)
    assert draft.event_type == "REJECT" and [m.text for m in draft.target] == ["Senator Bob Hartwell"]


def test_a_former_office_holder_is_the_political_elite_not_the_office(stage):
    work = run(stage, "Former Governor Chris Dalton criticised the plan.", """
        Former      former     ADJ   JJ  amod     1 O
        Governor    Governor   PROPN NNP compound 3 O
        Chris       Chris      PROPN NNP compound 3 B-PERSON
        Dalton      Dalton     PROPN NNP nsubj    4 I-PERSON
        criticised  criticise  VERB  VBD ROOT     4 O
        the         the        DET   DT  det      6 O
        plan        plan       NOUN  NN  dobj     4 O
        .           .          PUNCT .   punct    4 O
    """)
    dalton = at(work, "Former Governor Chris Dalton")
    assert (dalton.sector, dalton.role) == ("ELI", "former governor")

# ------------------------------------------------------------------ the tables are data, and consistent

def test_each_title_is_listed_once_with_the_sector_agents_yaml_gives_it():
    from importlib import resources

    import yaml

    folder = resources.files("chronicle").joinpath("data", "actors")
    agents = {t.lower(): e.get("sector") for e in yaml.safe_load(folder.joinpath("agents.yaml").read_text())
              if e.get("kind") == "title" for t in e["terms"]}
    seen: set[str] = set()
    for entry in yaml.safe_load(folder.joinpath("titles.yaml").read_text()):
        for term in entry["terms"]:
            key = term if entry.get("cased") else term.lower()
            assert key not in seen, f"{term} is listed twice in titles.yaml"
            seen.add(key)
            if key in agents and not entry.get("cased"):
                assert agents[key] == entry["sector"], f"{term}: sector differs from agents.yaml"


def test_the_party_and_region_tables_reach_the_knowledge_base():
    from chronicle.knowledge.actors import load_actor_kb

    kb = load_actor_kb()
    assert [e.id for e in kb.modifiers["Tory"]][0] == "conservative-party-uk"
    assert {e.country for e in kb.by_alias["Congress"]} == {"USA", "IND"}
    assert ("Congress", "inc") in kb.context_only
    assert kb.by_alias["PAN"][0].country == "MEX" and kb.by_alias["PAN"][0].sector == "PTY"
    assert {r.country for r in kb.regions["Punjab"]} == {"IND", "PAK"}
    assert kb.regions["Georgia"][0].shares_name_with == ["GEO"]
    assert kb.by_alias["Holyrood"][0].country == "GBR" and kb.by_alias["Holyrood"][0].sector == "LEG"
    assert kb.titles["house speaker"].country == "USA" and kb.title_entry("Representative").sector == "LEG"


def test_a_malformed_party_row_names_the_file_and_the_row(tmp_path):
    from chronicle.errors import DataFileError
    from chronicle.knowledge.actors import ActorKB

    bad = tmp_path / "parties.yaml"
    bad.write_text("- {id: new-party, names: [New Party]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="entry 1 .*needs name and country"):
        ActorKB().add_parties(bad)
