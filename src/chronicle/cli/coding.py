"""The Coder the store commands use, loaded only when an article needs coding: re-running an
ingest over stored articles, or a recode with nothing stale, then costs no model load."""

from __future__ import annotations

import itertools


def make_coder(actor_files=(), batch_size: int = 16, lexicon_files=()):
    """The Coder the store commands use (a seam: tests put a fake one here)."""
    from chronicle.pipeline import Coder

    return Coder(actor_files=actor_files, lexicon_files=lexicon_files, batch_size=batch_size)


class LazyCoder:
    """Loads the Coder (spaCy, data files: seconds) only when there is something new to code."""

    def __init__(self, actor_files=(), batch_size: int = 16, on_load=None, lexicon_files=()):
        self.actor_files, self.batch_size, self.lexicon_files = actor_files, batch_size, tuple(lexicon_files)
        self.on_load = on_load or (lambda loading: None)
        self.coder = None

    def pipe(self, articles, batch_size: int | None = None):
        """Code a stream like ``Coder.pipe``, loading the Coder at the first article (never, for none)."""
        stream = iter(articles)
        first = next(stream, None)
        if first is None:
            return iter(())
        return self._loaded().pipe(itertools.chain([first], stream), batch_size=batch_size)

    def pipe_batches(self, batches, on_error=None):
        """Code each batch of ``store.ingest`` on its own, so that a small first batch comes back
        as soon as it is coded rather than once ``batch_size`` articles are."""
        from chronicle.store.ingest import takes_keyword  # imported here: not at every CLI start

        for batch in batches:
            coder = self._loaded()
            # A test double's pipe may not take on_error: then an error ends the batch as before.
            extra = {"on_error": on_error} if on_error is not None and takes_keyword(coder.pipe, "on_error") else {}
            yield list(coder.pipe(batch, batch_size=len(batch), **extra))

    def _loaded(self):
        if self.coder is None:
            self.on_load(True)
            self.coder = (make_coder(self.actor_files, self.batch_size, self.lexicon_files) if self.lexicon_files
                          else make_coder(self.actor_files, self.batch_size))
            self.on_load(False)
        return self.coder

