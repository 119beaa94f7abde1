"""Learned components that sit beside the rules: the sentence and candidate event classifier, the
confidence calibration over it, and the training code behind ``chronicle train``.

The rules keep doing arguments, actors, dates and places; a model here only answers "does this
sentence (or this trigger) report an event, and of which PLOVER type" and "how likely is this event to
be right", from weights shipped in ``chronicle/data/models/`` (nothing is downloaded at run time). It
imports ``schema``, ``errors``, numpy, and (for the sentence encoder) onnxruntime and tokenizers.
"""

from chronicle.models.event_classifier import EventClassifier

__all__ = ["EventClassifier"]
