"""Chronicle: political event data from news text, every field tied to the words that support it."""

from chronicle.schema import Article, Event

from chronicle.version import DATA_RELEASE, DATA_VERSION, __version__

__all__ = ["Article", "Coder", "Event", "__version__", "DATA_VERSION"]


def __getattr__(name: str):
    """The Coder pulls in spaCy: import it lazily so `import chronicle` stays cheap."""
    if name == "Coder":
        from chronicle.pipeline import Coder

        return Coder
    raise AttributeError(name)
