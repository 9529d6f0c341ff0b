"""The corpus family: loading a news corpus into one tidy articles table.

- :mod:`.load`: :func:`~analysis.load_corpus` (the orchestration), :func:`~analysis.problems`,
  :func:`~analysis.problem_counts` and the problems log
- :mod:`.files`: finding the files ``source`` names (folders walked, globs expanded)
- :mod:`.decode`: bytes to text (encodings, byte-order marks, binary files)
- :mod:`.formats`: records out of JSON, JSON Lines, CSV / TSV and one-per-line files
- :mod:`.repair`: HTML, truncation markers, mojibake and invisible characters
- :mod:`.records`: one record to one row (:data:`FIELD_ALIASES`, :data:`NAME_PATTERNS`,
  :data:`ARTICLE_COLUMNS`), duplicates flagged, the table built
- :mod:`.outlets`: the publisher from a record field or a URL (:func:`outlet_from_url`,
  :func:`canonical_outlet`, :func:`outlet_table`: the shipped ``outlets.csv``)
- :mod:`.dates`: the article's date, from the record, the page, the dateline or the path
- :mod:`.wire`: datelines and agencies (:func:`~analysis.parse_dateline`, :func:`canonical_agency`,
  :func:`parse_printed_date`)
- :mod:`.story`: title / lede / body (:func:`split_story`)
- :mod:`.prepare`: :func:`~analysis.filter_corpus`, :func:`~analysis.with_groups`,
  :func:`~analysis.group_column`, :func:`~analysis.default_group_by`,
  :func:`~analysis.prepare_corpus`, :data:`~analysis.UNKNOWN_GROUP`
"""

from ..errors import CorpusError, CorpusWarning
from .load import PROBLEM_COLUMNS, load_corpus, problem_counts, problems
from .outlets import canonical_outlet, outlet_from_url, outlet_table
from .prepare import (UNKNOWN_GROUP, default_group_by, filter_corpus, group_column,
                      prepare_corpus, with_groups)
from .records import ARTICLE_COLUMNS, FIELD_ALIASES, NAME_PATTERNS
from .story import Story, split_story
from .wire import Dateline, canonical_agency, parse_dateline, parse_printed_date

__all__ = [
    "load_corpus",
    "problems",
    "problem_counts",
    "CorpusWarning",
    "CorpusError",
    "ARTICLE_COLUMNS",
    "PROBLEM_COLUMNS",
    "FIELD_ALIASES",
    "NAME_PATTERNS",
    "outlet_from_url",
    "canonical_outlet",
    "outlet_table",
    "filter_corpus",
    "with_groups",
    "group_column",
    "default_group_by",
    "UNKNOWN_GROUP",
    "prepare_corpus",
    "parse_dateline",
    "canonical_agency",
    "parse_printed_date",
    "split_story",
    "Dateline",
    "Story",
]
