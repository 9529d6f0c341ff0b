"""Dateline: tidy tables and charts from news corpora.

The public API, by family (each family is a module or package of its own; how they fit
together is in ARCHITECTURE.md):

- corpus (:mod:`analysis.corpus`): :func:`load_corpus`, :func:`problems`,
  :func:`problem_counts`, :func:`filter_corpus`, :func:`with_groups`,
  :func:`group_column`, :func:`default_group_by`, :func:`prepare_corpus`,
  :func:`parse_dateline`, :data:`UNKNOWN_GROUP` (the group of articles with no value);
  errors :class:`CorpusError`, :class:`CorpusWarning`
- text (:mod:`analysis.text`): :func:`tokenize`, :func:`stopword_list`
- terms (:mod:`analysis.terms`): :func:`term_frequencies`, :func:`tfidf`,
  :func:`keyness`, :func:`group_keyness`, :func:`collocations`, :func:`kwic`,
  :func:`evidence_terms`
- actors (:mod:`analysis.actors`): :func:`actor_registry`, :func:`actor_mentions`,
  :func:`unknown_actors`, :func:`actor_counts`, :func:`co_mentions`,
  :func:`co_mention_graph`, :func:`actor_attention`, :func:`actor_contexts`
- quotes (:mod:`analysis.quotes`): :func:`quotes`, :func:`quote_ledger`
- overview (:mod:`analysis.overview`): :func:`corpus_summary`, :func:`articles_per_period`,
  :func:`group_sizes`, :func:`group_note`
- charts, returning matplotlib Figures (:mod:`analysis.plots`):
  :func:`plot_articles_over_time`, :func:`plot_articles_by_agency`,
  :func:`plot_top_terms`, :func:`plot_keyness`, :func:`plot_top_actors`,
  :func:`plot_attention`, :func:`plot_co_mention_heatmap`, :func:`plot_co_mention_network`
- reports (:mod:`analysis.report`): :func:`run_report`, :func:`save_figure`,
  :func:`save_table`, :func:`show`, :func:`describe_corpus`, :func:`describe_groups`
- :data:`__version__`
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
    UNKNOWN_GROUP,
    default_group_by,
    filter_corpus,
    group_column,
    load_corpus,
    parse_dateline,
    prepare_corpus,
    problem_counts,
    problems,
    with_groups,
)
from .errors import CorpusError, CorpusWarning
from .overview import articles_per_period, corpus_summary, group_note, group_sizes
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
from .quotes import quote_ledger, quotes
from .report import (
    describe_corpus,
    describe_groups,
    run_report,
    save_figure,
    save_table,
    show,
)
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
    "group_column",
    "default_group_by",
    "UNKNOWN_GROUP",
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
    "group_sizes",
    "group_note",
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
    "describe_groups",
    "group_keyness",
    "evidence_terms",
    "problem_counts",
    "save_figure",
    "save_table",
    "run_report",
    "__version__",
]
