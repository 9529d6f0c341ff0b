"""Term statistics as tidy tables: frequencies, TF-IDF, keyness, collocations, KWIC.

- :mod:`~analysis.terms.counting`: the counting engine (:func:`count_terms`), one
  tokenizer behind every count;
- :mod:`~analysis.terms.frequencies`: :func:`~analysis.term_frequencies`, :func:`~analysis.tfidf`;
- :mod:`~analysis.terms.compare`: :func:`~analysis.keyness` (G2 and Log Ratio), :func:`~analysis.group_keyness`;
- :mod:`~analysis.terms.pairs`: :func:`~analysis.collocations`;
- :mod:`~analysis.terms.concordance`: :func:`~analysis.kwic`, :func:`~analysis.evidence_terms`.

Every count agrees with :func:`analysis.tokenize` for the same options: a term is the
``norm`` of a token that is neither a stopword nor punctuation, and an n-gram is ``n``
consecutive tokens of one text field, none of them a stopword or punctuation, joined with
a space.
"""

from .pairs import collocations
from .counting import count_terms
from .frequencies import term_frequencies, tfidf
from .compare import group_keyness, keyness
from .concordance import evidence_terms, kwic

__all__ = ["term_frequencies", "tfidf", "keyness", "group_keyness", "collocations", "kwic",
           "evidence_terms", "count_terms"]
