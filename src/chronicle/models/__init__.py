"""Learned components that sit beside the rules: today one, the sentence and candidate event classifier.

The rules keep doing arguments, actors, dates and places; a model here only answers "does this
sentence (or this trigger) report an event, and of which PLOVER type", from weights shipped in
``chronicle/data/models/`` (nothing is downloaded at run time). It imports only ``schema`` and numpy.
"""

from chronicle.models.event_classifier import EventClassifier

__all__ = ["EventClassifier"]
