"""Hand-built parses for stage unit tests: a spaCy ``Doc`` from a written table, without the model.

A stage unit test gives the stage exactly the parse it should read, so the test checks the stage's
rule and not the parser's mood, and runs in ``make test-fast`` (no spaCy model is loaded; only a
blank English vocabulary). One line per token::

    doc = parsed("Israel attacked Gaza.", '''
        Israel    Israel  PROPN NNP nsubj 1 B-GPE
        attacked  attack  VERB  VBD ROOT  1 O
        Gaza      Gaza    PROPN NNP dobj  1 B-GPE
        .         .       PUNCT .   punct 1 O
    ''')

Columns: text, lemma, coarse POS, fine tag, dependency, head (token index in the doc), entity
(IOB). Whitespace after each token is read from ``text``. To write a table for a new sentence,
``python tests/parses.py "Some sentence."`` prints the model's parse in this form (then check it:
the table is the test's input, so it should be the parse the rule is meant for).
"""

from __future__ import annotations

import sys
from functools import lru_cache

from spacy.tokens import Doc


@lru_cache(maxsize=1)
def vocab():
    """A blank English vocabulary (shared, so strings stay interned across tests)."""
    import spacy

    return spacy.blank("en").vocab


def parsed(text: str, table: str) -> Doc:
    """The Doc of ``text`` with the tokens, tags, parse and entities of ``table``."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    bad = [r for r in rows if len(r) != 7]
    if bad:
        raise ValueError(f"rows need 7 columns (text lemma pos tag dep head ent): {bad[0]}")
    words = [r[0] for r in rows]
    spaces, at = [], 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            raise ValueError(f"token {word!r} is not in the text after offset {at}")
        at = found + len(word)
        spaces.append(text[at:at + 1] == " ")
    doc = Doc(vocab(), words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[int(r[5]) for r in rows],
              ents=[r[6] for r in rows])
    if doc.text != text:
        raise ValueError(f"the tokens rebuild {doc.text!r}, not {text!r}")
    return doc


def table_of(doc) -> str:
    """The table of a parsed Doc, in the form ``parsed`` reads."""
    lines = []
    for t in doc:
        ent = "O" if not t.ent_type_ else f"{t.ent_iob_}-{t.ent_type_}"
        lines.append(f"{t.text:<14} {t.lemma_:<12} {t.pos_:<5} {t.tag_:<4} {t.dep_:<9} {t.head.i:<3} {ent}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, "src")
    from chronicle.syntax.model import load_model

    print(table_of(load_model()(sys.argv[1])))
