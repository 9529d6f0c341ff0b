"""Dateline: tidy tables and charts from news corpora.

The public API, by family:

- loading: :func:`load_corpus`, :func:`problems`, :func:`filter_corpus`,
  :func:`with_groups`, :func:`prepare_corpus`
- wire stories: :func:`parse_dateline`
- tokens and terms: :func:`tokenize`, :func:`stopword_list`, :func:`term_frequencies`,
  :func:`tfidf`, :func:`keyness`, :func:`collocations`, :func:`kwic`
- corpus overview tables: :func:`corpus_summary`, :func:`articles_per_period`
- actors: :func:`actor_registry`, :func:`actor_mentions`, :func:`actor_counts`,
  :func:`co_mentions`, :func:`co_mention_graph`, :func:`unknown_actors`
- quotes and speakers: :func:`quotes`
- charts (return matplotlib Figures): :func:`plot_articles_over_time`,
  :func:`plot_articles_by_agency`, :func:`plot_top_terms`, :func:`plot_keyness`
- report steps: :func:`group_keyness`, :func:`evidence_terms`, :func:`problem_counts`
- reports: :func:`show` (escaped, formatted tables), :func:`save_figure`, :func:`save_table`, :func:`run_report`
"""

from .actors import (
    actor_attention,
    actor_contexts,
    actor_counts,
    actor_mentions,
    actor_registry,
    co_mention_graph,
    co_mentions,
    unknown_actors,
)
from .corpus import (
    filter_corpus,
    load_corpus,
    parse_dateline,
    prepare_corpus,
    problem_counts,
    problems,
    with_groups,
)
from .errors import CorpusError, CorpusWarning
from .quotes import quote_ledger, quotes
from .report.display import describe_corpus, show
from .overview import articles_per_period, corpus_summary
from .plots import (
    plot_articles_by_agency,
    plot_articles_over_time,
    plot_attention,
    plot_co_mention_heatmap,
    plot_co_mention_network,
    plot_keyness,
    plot_top_actors,
    plot_top_terms,
)
from .report import run_report, save_figure, save_table
from .terms import (
    collocations,
    evidence_terms,
    group_keyness,
    keyness,
    kwic,
    term_frequencies,
    tfidf,
)
from .text import stopword_list, tokenize

from ._version import __version__

__all__ = [
    "load_corpus",
    "problems",
    "filter_corpus",
    "prepare_corpus",
    "with_groups",
    "CorpusError",
    "CorpusWarning",
    "parse_dateline",
    "tokenize",
    "stopword_list",
    "term_frequencies",
    "tfidf",
    "keyness",
    "collocations",
    "kwic",
    "actor_registry",
    "actor_mentions",
    "unknown_actors",
    "actor_counts",
    "co_mentions",
    "co_mention_graph",
    "quotes",
    "quote_ledger",
    "actor_attention",
    "actor_contexts",
    "corpus_summary",
    "articles_per_period",
    "plot_articles_over_time",
    "plot_articles_by_agency",
    "plot_top_terms",
    "plot_keyness",
    "plot_top_actors",
    "plot_attention",
    "plot_co_mention_heatmap",
    "plot_co_mention_network",
    "show",
    "describe_corpus",
    "group_keyness",
    "evidence_terms",
    "problem_counts",
    "save_figure",
    "save_table",
    "run_report",
]
