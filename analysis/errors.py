"""Every exception and warning class the kit raises or issues, in one place.

>>> from analysis.errors import CorpusError
>>> issubclass(CorpusError, ValueError)
True
"""

from __future__ import annotations

__all__ = ["CorpusError", "CorpusWarning", "NotText"]


class CorpusWarning(UserWarning):
    """Issued once per load when some input could not be read in full."""


class CorpusError(ValueError):
    """Raised by ``load_corpus(..., errors="raise")`` and when nothing could be read."""


class NotText(Exception):
    """The bytes are not a text file (empty, binary); ``problem`` and ``detail`` say why.

    Raised by the decoder; the loader turns it into a problems row and skips the file.
    """

    def __init__(self, problem: str, detail: str):
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail
