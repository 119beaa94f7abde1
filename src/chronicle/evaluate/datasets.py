"""Readers for the labelled sets in ``../shared/eval-data``, turned into one gold shape.

Every reader returns :class:`GoldSentence` records so one runner and a few scorers serve all sets;
:data:`DATASETS` names the sets ``chronicle eval`` accepts. The data is located at run time
(see :mod:`chronicle.evaluate.gold`) and never copied into the project. The ``realnews-*`` sets are
the exception: the project's own labels, kept in the repository (see :mod:`chronicle.evaluate.realnews`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from chronicle.errors import DatasetError
from chronicle.evaluate.gold import (
    DatasetInfo,
    GoldRelation,
    GoldSentence,
    dataset_dir,
    dataset_file,
    eval_data_root,
    read_jsonl,
)
from chronicle.evaluate.petrarch import (
    NOT_EVENTLESS,
    load_petrarch_gsr,
    load_petrarch_noevents,
    parse_petrarch_records,
)
from chronicle.evaluate.quiet import load_bbc_quiet
from chronicle.evaluate.realnews import REALNEWS_DATASETS

__all__ = [
    "DATASETS", "NOT_EVENTLESS", "DatasetInfo", "GoldRelation", "GoldSentence", "dataset_dir",
    "eval_data_root", "load_conflibert", "load_petrarch_gsr", "load_petrarch_noevents",
    "load_plover_dev", "parse_petrarch_records",
]


# --------------------------------------------------------------------------- plover-dev

def load_plover_dev() -> list[GoldSentence]:
    """plover-dev.jsonl: 1,077 sentences, relation-level PLOVER labels (CONCEDE+RETREAT = YIELD)."""
    path = dataset_file("plover-dev", "plover-dev", "plover-dev.jsonl")
    return list(read_jsonl(path, "plover-dev", _plover_sentence))


def _plover_sentence(rec: dict) -> GoldSentence:
    rels = [GoldRelation(r["event_type"], r.get("source_text"), r.get("target_text")) for r in rec["relations"]]
    return GoldSentence(id=rec["id"], text=rec["text"], relations=rels)


def _read_conll_spans(path: Path) -> list[dict[str, list[str]]]:
    """CoNLL ``token tag`` blocks -> per sentence {source|target|reciprocal: [token-joined text]}."""
    roles = {"S": "source", "T": "target", "R": "reciprocal"}
    sentences: list[dict[str, list[str]]] = []
    spans: dict[str, list[str]] = {}
    current: tuple[str, list[str]] | None = None
    seen = False

    def close() -> None:
        nonlocal current
        if current is not None:
            spans.setdefault(current[0], []).append(" ".join(current[1]))
            current = None

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not raw.strip():
            if seen:
                close()
                sentences.append(spans)
                spans, seen = {}, False
            continue
        seen = True
        token, _, tag = raw.rstrip().rpartition(" ")
        prefix, _, role = tag.partition("-")
        if prefix == "I" and current is not None and current[0] == roles.get(role):
            current[1].append(token)
            continue
        close()
        if prefix in ("B", "I") and role in roles:
            current = (roles[role], [token])
    return sentences


def load_conflibert(split: str = "train") -> list[GoldSentence]:
    """cameo_class/{split}.tsv: ``sentence<TAB>label`` (0 statement, 1-4 quad class).

    Some rows are CSV-quoted (doubled ``""`` inside), so the csv module reads them. For the test
    split, the row-aligned actor spans of cameo_ner/test.txt are attached when that file is present
    (the train NER file is not row-aligned, per SOURCE.md, so it is not used).
    """
    if split not in ("train", "test"):
        raise DatasetError(f"dataset conflibert-cameo: unknown split {split!r} (train or test)")
    path = dataset_file("conflibert-cameo", "conflibert-cameo", "cameo_class", f"{split}.tsv")
    out: list[GoldSentence] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row:
                continue
            if len(row) != 2 or row[1].strip() not in {"0", "1", "2", "3", "4"}:
                raise DatasetError(f"dataset conflibert-cameo: {path} row {number}: expected text<TAB>0-4")
            label = int(row[1])
            out.append(GoldSentence(id=f"conflibert-{split}-{number:04d}", text=row[0].strip(),
                                    label=label, noevent=label == 0))
    ner = path.parent.parent / "cameo_ner" / "test.txt"
    if split == "test" and ner.is_file():
        spans = _read_conll_spans(ner)
        if len(spans) == len(out):
            for gold, sent_spans in zip(out, spans):
                gold.spans = sent_spans
    return out


DATASETS: dict[str, DatasetInfo] = {
    "plover-dev": DatasetInfo("plover-dev", "plover-dev", load_plover_dev,
                              "1,077 news sentences, relation-level PLOVER types and actor text"),
    "conflibert-cameo": DatasetInfo("conflibert-cameo", "conflibert-cameo", load_conflibert,
                                    "ConfliBERT train split: sentence -> quad class 0-4"),
    "petrarch-gsr": DatasetInfo("petrarch-gsr", "petrarch-validation", load_petrarch_gsr,
                                "PETRARCH-2 GSR records: CAMEO triples and noevents on news text"),
    "bbc-quiet": DatasetInfo("bbc-quiet", "bbc-news", load_bbc_quiet,
                             "BBC sport and tech articles (corpus/bbc-news): false alarms per 100 sentences"),
}


YIELD_TYPES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def load_project_examples() -> list[GoldSentence]:
    """The project's own labelled sentences (src/chronicle/data/examples/plover-examples.jsonl).

    Written for Chronicle, independent of ../shared/eval-data; scored like plover-dev (CONCEDE and
    RETREAT as YIELD), and its NONE sentences count every coded event as a false alarm.
    """
    from importlib import resources

    path = resources.files("chronicle").joinpath("data", "examples", "plover-examples.jsonl")
    return list(read_jsonl(path, "examples", _example_sentence))


def _example_sentence(rec: dict) -> GoldSentence:
    gold = GoldSentence(id=rec["id"], text=rec["text"], meta={"factuality": rec.get("factuality", "")},
                        noevent=rec["event_type"] == "NONE")
    if rec["event_type"] != "NONE":
        gold.relations.append(GoldRelation(YIELD_TYPES.get(rec["event_type"], rec["event_type"]),
                                           rec.get("source_text"), rec.get("target_text")))
    return gold


DATASETS["examples"] = DatasetInfo(
    "examples", "", load_project_examples,
    "the project's own 480 labelled sentences (data/examples): PLOVER types, written for Chronicle")

# The project's own real-news set (datasets/realnews in the repository, not in ../shared).
DATASETS.update(REALNEWS_DATASETS)
