"""tools/finetune_encoder.py's data side (torch-free) and the CHRONICLE_ENCODER_DIR switch it relies on.

The fine-tuning itself needs torch and is run by hand in a scratch venv (its docstring); here: the
labels it learns from, that it reads only the split asked for, and that the runtime can be pointed at
another encoder folder without touching the shipped one.
"""

from __future__ import annotations

import json

import pytest

from chronicle.models import encoder as encoder_module
from tools import finetune_encoder


def _gold(tmp_path):
    rows = [
        {"split": "train", "text": "Rebels shelled the northern town overnight.", "events": [{"event_type": "ASSAULT"}]},
        {"split": "train", "text": "The senator blamed the ministry and demanded an inquiry.",
         "events": [{"event_type": "ACCUSE"}, {"event_type": "REQUEST"}, {"event_type": "ACCUSE"}]},
        {"split": "train", "text": "The museum reopens in spring.", "events": []},
        {"split": "dev", "text": "Strikers marched through the port city.", "events": [{"event_type": "PROTEST"}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_training_sentences_read_only_the_split_asked_for(tmp_path):
    rows = finetune_encoder.training_sentences(_gold(tmp_path))
    assert [text for text, _ in rows][0].startswith("Rebels")
    assert len(rows) == 3
    assert all("Strikers" not in text for text, _ in rows)
    assert rows[1][1] == {"ACCUSE", "REQUEST"}


def test_label_matrix_is_multi_label_with_a_no_event_column(tmp_path):
    labels, matrix = finetune_encoder.label_matrix(finetune_encoder.training_sentences(_gold(tmp_path)))
    assert labels == ["ACCUSE", "ASSAULT", "REQUEST", finetune_encoder.NO_EVENT]
    assert matrix == [[0, 1, 0, 0], [1, 0, 1, 0], [0, 0, 0, 1]]


def test_tool_refuses_to_overwrite_the_shipped_encoder():
    with pytest.raises(SystemExit, match="shipped encoder folder"):
        finetune_encoder.main(["--out", str(encoder_module.shipped_folder())])


def test_encoder_dir_variable_points_the_runtime_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_ENCODER_DIR", str(tmp_path))
    with pytest.raises(encoder_module.EncoderError, match=str(tmp_path)):
        encoder_module.encoder_at()
    monkeypatch.setenv("CHRONICLE_ENCODER_DIR", "")
    pytest.importorskip("onnxruntime")
    assert encoder_module.encoder_at().folder == str(encoder_module.shipped_folder())
