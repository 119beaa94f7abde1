"""Scoring Chronicle against labelled sets kept outside the project (``../shared/eval-data``).

The data is never copied into the repository (licences forbid redistribution, see each dataset's
SOURCE.md), so the readers locate it at run time; the scorers are pure functions so they can be
tested on hand-made gold without the data.
"""

from chronicle.evaluate.datasets import (
    DATASETS,
    GoldRelation,
    GoldSentence,
    eval_data_root,
    load_conflibert,
    load_petrarch_gsr,
    load_petrarch_noevents,
    load_plover_dev,
)
from chronicle.evaluate.runner import EvalReport, evaluate

__all__ = [
    "DATASETS", "EvalReport", "GoldRelation", "GoldSentence", "eval_data_root", "evaluate",
    "load_conflibert", "load_petrarch_gsr", "load_petrarch_noevents", "load_plover_dev",
]
