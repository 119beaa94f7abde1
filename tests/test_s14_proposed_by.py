"""``Event.proposed_by``: whether the rules or the learned model's recall stage proposed an event, and
what the calibration and the exports do with it."""

from __future__ import annotations

import numpy as np
import pytest

from chronicle import Coder
from chronicle.io.rows import FLAT_COLUMNS, flat_row
from chronicle.models.calibration import FEATURES, ConfidenceModel, event_features
from chronicle.stages.events.recall import EventRecallStage
from tests.test_event_recall import ProposingClassifier  # the stand-in classifier (fixed probabilities)

# The first sentence has no trigger word of the lexicon; the second one has ("detained").
ARTICLE = ("The Finance Ministry lectured the central bank governor on Monday. "
           "Police detained two opposition activists in Lagos on Tuesday.")


@pytest.fixture(scope="module")
def coded():
    """The article coded with the recall stage proposing ACCUSE (p 0.8) only where the rules coded
    nothing (``recall_coded`` off), preferring the word "lectured"."""
    coder = Coder(screen=False)
    stage = next(s for s in coder.stages if isinstance(s, EventRecallStage))
    stage.classifier = ProposingClassifier("ACCUSE", 0.8, prefer="lectur")
    stage.threshold, stage.coded_threshold = 0.5, 1.01
    return coder.code(ARTICLE, published="2024-05-07")


@pytest.mark.model
def test_the_recall_stages_events_are_proposed_by_the_model(coded):
    by_trigger = {e.trigger.text: e for e in coded}
    assert by_trigger["lectured"].event_type == "ACCUSE"
    assert by_trigger["lectured"].proposed_by == "model"
    assert by_trigger["detained"].proposed_by == "rules"
    assert {e.proposed_by for e in coded if e.trigger.text != "lectured"} == {"rules"}


@pytest.mark.model
def test_proposed_by_is_a_csv_column_and_a_jsonl_field(coded):
    assert "proposed_by" in FLAT_COLUMNS
    rows = {e.trigger.text: flat_row(e) for e in coded}
    assert rows["lectured"]["proposed_by"] == "model" and rows["detained"]["proposed_by"] == "rules"
    assert coded[0].model_dump(mode="json")["proposed_by"] in ("rules", "model")


@pytest.mark.model
def test_the_calibration_can_tell_the_models_events_from_the_rules(coded):
    """A map that weighs ``proposed_by_model`` gives a model-proposed event a lower confidence than
    the same event proposed by the rules (the fitted map learns that weight from out-of-fold events)."""
    assert "proposed_by_model" in FEATURES
    model_event = next(e for e in coded if e.proposed_by == "model")
    rules_twin = model_event.model_copy(update={"proposed_by": "rules"})
    rows = [event_features(e, 0.8, {"ANY": 0.9, "ACCUSE": 0.8}, 1) for e in (model_event, rules_twin)]
    assert rows[0]["proposed_by_model"] == 1.0 and rows[1]["proposed_by_model"] == 0.0
    weighed = ConfidenceModel(("type_logit", "proposed_by_model"), np.array([1.0, -1.5]), 0.0,
                              np.zeros(2), np.ones(2))
    p_model, p_rules = weighed.probabilities(rows)
    assert p_model < p_rules


def test_an_event_without_the_field_reads_as_the_rules():
    """Records written before the field existed (JSONL from an older Chronicle) still validate."""
    from chronicle.schema import Event

    assert Event.model_fields["proposed_by"].default == "rules"


@pytest.mark.model
def test_the_calibration_is_fitted_on_the_coder_with_its_recall_stage():
    """``tools/fit_calibration.py`` codes with the recall stage on (so the map sees the events users
    get, the model's among them) and without the two stages it replaces by out-of-fold scoring."""
    from tools.fit_calibration import recall_coder

    coder, stage = recall_coder()
    names = [type(s).__name__ for s in coder.post]
    assert isinstance(stage, EventRecallStage) and stage in coder.post
    assert "EventModelStage" not in names and "CalibrationStage" not in names
    assert stage.threshold <= 1.0  # the shipped recall thresholds are on


@pytest.mark.model
def test_export_and_code_keep_only_what_proposed_by_asks(coded, tmp_path):
    """``--proposed-by rules`` leaves the learned model's events out (and ``model`` keeps only
    them), in the streaming formats and in Parquet alike."""
    import datetime as dt
    import json

    import duckdb
    from click.testing import CliRunner

    from chronicle.cli import cli
    from chronicle.cli.code import confident
    from chronicle.schema import Article, CoderInfo
    from chronicle.store import Store

    db = tmp_path / "c.duckdb"
    with Store(db) as store, store.transaction():
        store.add_articles([(Article(id="a", text=ARTICLE), coded)], CoderInfo(version="t", data_version="t"),
                           dt.datetime(2024, 5, 7))
    runner = CliRunner()
    rules = runner.invoke(cli, ["export", "--db", str(db), "--proposed-by", "rules"])
    assert rules.exit_code == 0, rules.output
    rows = [json.loads(line) for line in rules.stdout.splitlines() if line.strip()]
    assert rows and {r["proposed_by"] for r in rows} == {"rules"}
    out = tmp_path / "model.parquet"
    model = runner.invoke(cli, ["export", "--db", str(db), "--proposed-by", "model", "--format", "parquet",
                                "--out", str(out)])
    assert model.exit_code == 0, model.output
    triggers = duckdb.connect().execute(f"SELECT trigger.text FROM read_parquet('{out}')").fetchall()
    assert triggers == [("lectured",)]
    assert [e.trigger.text for e in confident(coded, None, "model")] == ["lectured"]
