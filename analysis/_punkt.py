"""Punkt with its spans found on Python's ``re`` and its decisions cached.

Kept apart from :mod:`analysis.text` so that importing the kit does not import NLTK
(about 0.6 s: NLTK's package imports SciPy); it is loaded on the first sentence split.
"""

from __future__ import annotations

import re
import string

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_ASCII_SPACE = tuple(string.whitespace)
_PLAIN_WORD_RE = re.compile(r"[A-Z]?[a-z]+")
_OTHER_SPACE = re.compile("[" + re.escape(string.whitespace.replace(" ", "")) + "]")


class PunktSplitter(PunktSentenceTokenizer):
    """Punkt, remembering its decision for each candidate context.

    Punkt decides whether a period (or ? or !) ends a sentence from a short context: the
    word before it and the token after it. With fixed parameters that decision is a pure
    function of the context string, so caching it changes no result; news repeats such
    contexts ("said. The") constantly.
    """

    _CACHE_SIZE = 200_000

    def __init__(self, params: PunktParameters):
        super().__init__(params)
        self._decisions: dict[str, bool] = {}
        # The same patterns NLTK compiles for the `regex` engine under a time limit, on
        # Python's `re`: both are linear here, and `re` avoids a wrapper per match.
        lang = self._lang_vars
        self._period_re = re.compile(
            lang._period_context_fmt % {"NonWord": lang._re_non_word_chars,
                                        "SentEndChars": lang._re_sent_end_chars},
            re.UNICODE | re.VERBOSE)
        self._realign_re = re.compile(lang.re_boundary_realignment.pattern, re.MULTILINE)

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        """Punkt's ``span_tokenize``, same spans, without the per-match overhead.

        Follows ``_match_potential_end_contexts``, ``_slices_from_text`` and
        ``_realign_boundaries`` of NLTK 3.9/3.10 step by step; a test compares both on
        the real corpora.
        """
        breaks = self._breaks(text)
        if not realign_boundaries:
            yield from breaks
            return
        realign = 0
        for k, (start, stop) in enumerate(breaks):
            start += realign
            if k + 1 == len(breaks):
                if start < stop:
                    yield start, stop
                continue
            next_start, next_stop = breaks[k + 1]
            m = self._realign_re.match(text, next_start, max(next_start, next_stop))
            if m:
                yield start, next_start + len(m.group(0).rstrip())
                realign = m.end() - next_start
            else:
                realign = 0
                if start < stop:
                    yield start, stop

    def _breaks(self, text: str) -> list[tuple[int, int]]:
        spans = []
        last_break = 0
        prev_start = prev_stop = 0
        prev_match = None
        decide = self.text_contains_sentbreak
        for match in self._period_re.finditer(text):
            m_start = match.start()
            cut = prev_stop
            # The last ASCII whitespace before the match (Punkt's own, slower, loop).
            space = text.rfind(" ", cut, m_start)
            if _OTHER_SPACE.search(text, space + 1 if space >= cut else cut, m_start):
                space = max(text.rfind(c, cut, m_start) for c in _ASCII_SPACE)
            word_start = space + 1 if space > cut else prev_start
            if prev_match is not None and prev_stop <= word_start:
                last_break = self._decide(text, prev_match, prev_start, prev_stop,
                                          last_break, spans, decide)
            prev_match, prev_start, prev_stop = match, word_start, m_start
        if prev_match is not None:
            last_break = self._decide(text, prev_match, prev_start, prev_stop, last_break,
                                      spans, decide)
        spans.append((last_break, len(text.rstrip())))
        return spans

    @staticmethod
    def _decide(text, match, start, stop, last_break, spans, decide) -> int:
        after = match.group("after_tok")
        following = match.group("next_tok")
        # With these parameters (no collocations, sentence starters or orthographic
        # statistics), Punkt looks at a plain next word only for its case: "The" decides
        # as "Aa" does, "and" as "aa". Deciding on that shape lets the cache serve every
        # word that follows the same sentence end.
        if following and _PLAIN_WORD_RE.fullmatch(following):
            after = after[: len(after) - len(following)] + \
                ("Aa" if following[0].isupper() else "aa")
        context = text[start:stop] + match.group() + after
        if decide(context):
            spans.append((last_break, match.end()))
            return match.start("next_tok") if match.group("next_tok") else match.end()
        return last_break

    def text_contains_sentbreak(self, text: str) -> bool:
        decision = self._decisions.get(text)
        if decision is None:
            decision = super().text_contains_sentbreak(text)
            if len(self._decisions) >= self._CACHE_SIZE:
                self._decisions.clear()
            self._decisions[text] = decision
        return decision
