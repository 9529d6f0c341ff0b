"""Word pairs that occur together more than chance: collocations with NLTK's measures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .._run import Work, fields_of, paused_gc, per_article, resolve_jobs
from .._validate import check_choice, check_int
from ..text import is_punct, iter_texts, normalize, stopword_list
from ..types import CHOICES, Fields, Measure, Stopwords
from .counting import DEFAULT_FIELDS, _norms

__all__ = ["collocations"]


_MEASURES = {
    "llr": "likelihood_ratio",
    "pmi": "pmi",
    "chi_sq": "chi_sq",
    "t": "student_t",
    "dice": "dice",
    "jaccard": "jaccard",
    "poisson_stirling": "poisson_stirling",
    "raw_freq": "raw_freq",
}


@paused_gc
def collocations(
    docs: pd.DataFrame,
    *,
    window: int = 2,
    measure: Measure = "llr",
    min_count: int = 3,
    focus: Iterable[str] | str | None = None,
    stopwords: Stopwords = "english",
    extra_stopwords: Iterable[str] | None = None,
    top_n: int | None = None,
    fields: Fields = DEFAULT_FIELDS,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more than chance, scored with NLTK's measures.

    Pairs are found by :class:`nltk.collocations.BigramCollocationFinder` within
    ``window`` tokens (2 = adjacent words) inside each text field, on token norms;
    pairs with a stopword or punctuation are dropped after counting, and pairs seen fewer
    than ``min_count`` times are ignored. ``focus`` (a term or list of terms) keeps only
    the collocates of those terms. ``term_a`` comes before ``term_b`` in the text.

    ``n_jobs`` processes count large inputs (default: all cores).

    Returns ``term_a, term_b, count, score``, sorted by score (descending), then terms.
    """
    from nltk.collocations import BigramAssocMeasures

    check_choice("measure", measure, CHOICES["measure"])
    check_int("window", window, minimum=2, maximum=50)
    check_int("min_count", min_count, minimum=1, maximum=10**12)
    check_int("top_n", top_n, minimum=1, maximum=10**9, allow_none=True)
    fields = fields_of(docs, fields)
    stops = stopword_list(stopwords, extra_stopwords)
    wanted = None
    if focus is not None:
        if not isinstance(focus, str) and not (
                isinstance(focus, Iterable) and all(isinstance(f, str) for f in focus)):
            raise TypeError(f"focus={focus!r} must be a term or a list of terms, e.g. ['csto'].")
        wanted = {normalize(f) for f in ([focus] if isinstance(focus, str) else focus)}
    jobs = resolve_jobs(n_jobs)
    # The counts NLTK's BigramCollocationFinder keeps (every token once in word_fd; each
    # pair of tokens less than `window` apart inside a document in ngram_fd), counted with
    # C-level Counter updates, and for focus terms only around their occurrences.
    work = Work("collocations", colloc_block, add_counts, args=(fields, window, wanted))
    word_fd, pairs = per_article(docs, fields, work, jobs=jobs)
    total = sum(word_fd.values())
    scorer = getattr(BigramAssocMeasures, _MEASURES[measure])
    scale = window - 1.0
    rows = []
    for (a, b), count in pairs.items():
        if count < min_count or a in stops or b in stops or is_punct(a) or is_punct(b):
            continue
        if wanted is not None and a not in wanted and b not in wanted:
            continue
        rows.append((a, b, count, scorer(count / scale, (word_fd[a], word_fd[b]), total)))
    table = pd.DataFrame(rows, columns=["term_a", "term_b", "count", "score"])
    table = table.sort_values(["score", "term_a", "term_b"], ascending=[False, True, True],
                              kind="stable").reset_index(drop=True)
    if top_n is not None:
        table = table.head(top_n)
    return table.astype({"term_a": "str", "term_b": "str", "count": "int64", "score": "float64"})


def colloc_block(docs: pd.DataFrame, fields: list[str], window: int, focus: set[str] | None
                 ) -> tuple[Counter, Counter]:
    """Token counts and pair counts of a block of articles (see :func:`collocations`)."""
    documents = [_norms(text) for _, _, _, text in iter_texts(docs, fields)]
    word_fd: Counter = Counter()
    for doc in documents:
        word_fd.update(doc)
    return word_fd, _pair_counts(documents, window, focus)


def add_counts(parts: list[tuple[Counter, Counter]]) -> tuple[Counter, Counter]:
    """Token and pair counts of consecutive blocks, added up."""
    if len(parts) == 1:
        return parts[0]
    word_fd, pairs = Counter(), Counter()
    for words, found in parts:
        word_fd.update(words)
        pairs.update(found)
    return word_fd, pairs


def _pair_counts(documents: list[list[str]], window: int, focus: set[str] | None) -> Counter:
    """``(a, b) -> count`` of tokens ``a`` before ``b`` less than ``window`` apart in a
    document; with ``focus``, only pairs with a focus term (each pair counted once)."""
    pairs: Counter = Counter()
    if focus is None:
        for doc in documents:
            for gap in range(1, window):
                pairs.update(zip(doc, doc[gap:]))
        return pairs
    for doc in documents:
        hits = [i for i, word in enumerate(doc) if word in focus]
        if not hits:
            continue
        n = len(doc)
        for i in hits:
            word = doc[i]
            for j in range(i + 1, min(n, i + window)):
                pairs[(word, doc[j])] += 1
            for j in range(max(0, i - window + 1), i):
                if doc[j] not in focus:        # else counted from doc[j] going forward
                    pairs[(doc[j], word)] += 1
    return pairs
