"""Named option types, declared once and used in every signature that takes them.

Each ``Literal`` alias lists the values an option accepts; the functions check them at
entry with :func:`analysis._validate.check_choice`, which names the argument, the bad
value and the allowed ones. :data:`CHOICES` holds the same lists for those checks.

The ``cache=`` option
---------------------
Every function that keeps per-article results (``load_corpus``, ``term_frequencies``,
``tfidf``, ``keyness``, ``actor_mentions``, ``quotes``) takes ``cache:`` :data:`CacheOption`:

- ``"auto"`` (the default): the folder named by ``$DATELINE_CACHE`` when that is set,
  else no cache;
- ``True``: the kit's cache folder (``$DATELINE_CACHE``, else ``$XDG_CACHE_HOME/dateline``,
  else ``~/.cache/dateline``);
- a folder path (``str`` or ``pathlib.Path``): that folder;
- ``False`` or ``None``: no cache.

A cached result is identical to one computed without the cache; an article whose text
changed, a changed option or a new kit version is recomputed. What is kept and how is
described in :mod:`analysis.cache`; ``python -m analysis cache info`` shows it.

>>> CHOICES["period"]
('day', 'week', 'month', 'quarter', 'year')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Literal, Union, get_args

__all__ = [
    "CacheOption", "Fields", "NGram", "Stopwords", "ErrorsOption", "EngineOption", "Period",
    "CoMentionLevel", "Measure", "CHOICES", "PERIODS", "UNKNOWN_GROUP",
]

#: Where per-article results are kept: ``"auto"``, ``True``, a folder, ``False``/``None``
#: (see the module docstring).
CacheOption = Union[bool, str, "os.PathLike[str]", None]

#: Text columns to read: one name or a sequence of names, e.g. ``("title", "lede", "text")``.
Fields = Union[Sequence[str], str]

#: Term length in tokens: ``1``, ``2`` or a range such as ``(1, 2)``.
NGram = Union[int, tuple[int, int]]

#: ``"english"`` (the kit's list), ``"nltk"``, ``None`` (keep all words) or a list of words.
Stopwords = Union[str, Iterable[str], None]

#: What ``load_corpus`` does with problems: warn once, raise, or stay silent.
ErrorsOption = Literal["warn", "raise", "ignore"]

#: The frame ``load_corpus`` returns: pandas, or a Dask DataFrame of the same columns.
EngineOption = Literal["pandas", "dask"]

#: Calendar periods for counts over time.
Period = Literal["day", "week", "month", "quarter", "year"]

#: The unit within which two actors count as mentioned together.
CoMentionLevel = Literal["sentence", "paragraph", "document"]

#: Association measures for collocations (NLTK's ``BigramAssocMeasures``).
Measure = Literal["llr", "pmi", "chi_sq", "t", "dice", "jaccard", "poisson_stirling",
                  "raw_freq"]

#: Each period's pandas period code.
PERIODS: dict[str, str] = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}

#: The label of the articles whose group is missing (no agency, no outlet): they stay in
#: every by-group table and chart as a group of their own (undated articles, grouped by a
#: period, are labelled ``undated``).
UNKNOWN_GROUP = "(unknown)"

#: The allowed values of each ``Literal`` option, for the checks at entry.
CHOICES: dict[str, tuple[str, ...]] = {
    "errors": get_args(ErrorsOption),
    "engine": get_args(EngineOption),
    "period": get_args(Period),
    "level": get_args(CoMentionLevel),
    "measure": get_args(Measure),
}
