"""Every public text function takes time linear in its input, on inputs built to break that.

Each adversarial text is built at two sizes, 20,000 and 200,000 characters, and each
function runs on both (after one warm-up run on the small one). Linear work takes about
10x as long on the larger; the test fails when it takes more than 20x (quadratic work
takes about 100x). Below an absolute floor (the larger run under 0.3 s) the ratio is
not judged, so start-up costs and a slow machine cannot fail it; a run past the cap fails
whatever the ratio. These are not speed figures (those are measured in ``benchmarks/``):
they catch work that grows with the square of one article's size.
"""

from __future__ import annotations

import base64
import json
import random
import signal
import time
import warnings
from collections.abc import Callable

import pandas as pd
import pytest

import analysis

SMALL, LARGE = 20_000, 200_000
MAX_RATIO = 20
FLOOR = 0.3      # seconds: a larger run faster than this passes whatever the ratio
CAP = 30.0       # seconds: a larger run slower than this fails whatever the ratio


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _base64(n: int) -> str:
    rnd = random.Random(7)
    return base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(n))).decode()[:n]


def _one_sentence(n: int) -> str:
    """A sentence that never ends: clauses of names, places and speech verbs."""
    rnd = random.Random(3)
    parts = ["the minister", "Kazakhstan", "said that", "Yerlan Karin", "told reporters",
             "the SCO", "and", "of the", "in Astana", "according to", "Mr. Smith", "NATO",
             "would not", "\"we will\"", "he added", "officials"]
    words = []
    while sum(map(len, words)) + len(words) < n:
        words.append(rnd.choice(parts))
    return " ".join(words)[:n]


TEXTS: dict[str, Callable[[int], str]] = {
    "a long capitalised token": lambda n: "A" + "b" * (n - 1),
    "a base64 blob": _base64,
    "unmatched quotation marks": _repeat('"'),
    "quotation marks and spaces": _repeat('" '),
    "curly marks and guillemets": _repeat("“«„ ”» "),
    "a run of Mr.": _repeat("Mr. "),
    "newlines": _repeat("\n"),
    "a long all-caps line": _repeat("WORD "),
    "a chain of speech verbs": _repeat("said told added "),
    "a hyphen run": _repeat("-"),
    "a word repeated inside one word": _repeat("x-bank"),
    "uncued quotes in a sentence that never ends": _repeat('"yes we go" and '),
    "quotes with many surnames": lambda n: "".join(
        f'"Yes," Q{k:06d}x said. ' for k in range(n // 18 + 1))[:n],
    "capitalised words": _repeat("Ab "),
    "names joined by of and the": _repeat("Bank of the "),
    "initials": _repeat("A. "),
    "transcript tags": _repeat("SMITH: yes.\n"),
    "open marks before capitalised words": _repeat('"Ab '),
    "quotes with a named speaker": _repeat('"Yes," said John Smith. '),
    "quotes with a surname": _repeat('"Yes," Smith said. '),
    "quotes with a pronoun": _repeat('John Smith met them. "Yes," he said. '),
    "quotes with a role": _repeat('"Yes," the minister said. '),
    "quotes with no cue": _repeat('"Yes, we will go." '),
    "reported speech": _repeat("Smith said that the plan would fail, according to Jones, "),
    "one sentence that never ends": _one_sentence,
}


def _docs(text: str) -> pd.DataFrame:
    """The adversarial article and a short ordinary one (keyness compares the two)."""
    return pd.DataFrame({
        "doc_id": ["hostile", "plain"], "outlet": ["A", "B"],
        "title": ["Headline", "Talks in Astana"], "lede": [None, None],
        "text": [text, "Kazakhstan and Russia met in Astana, the minister said."],
    })


def _load(tmp_path) -> Callable[[pd.DataFrame], object]:
    def load(docs: pd.DataFrame):
        """The articles as JSON Lines and as plain text files (read for their layout)."""
        folder = tmp_path / f"corpus{len(docs['text'].iloc[0])}"
        folder.mkdir(exist_ok=True)
        (folder / "all.jsonl").write_text("".join(
            json.dumps({"title": t, "text": x}) + "\n" for t, x in
            zip(docs["title"], docs["text"])), encoding="utf-8")
        for k, (title, text) in enumerate(zip(docs["title"], docs["text"])):
            (folder / f"{k}.txt").write_text(f"{title}\n\n{text}", encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return analysis.load_corpus(folder, cache=False)
    return load


FUNCTIONS: dict[str, Callable[[pd.DataFrame], object]] = {
    "tokenize": analysis.tokenize,
    "term_frequencies": lambda d: analysis.term_frequencies(d, ngram=(1, 2), cache=False),
    "keyness": lambda d: analysis.keyness(d, by="outlet", cache=False),
    "collocations": lambda d: analysis.collocations(d, min_count=1),
    "kwic": lambda d: analysis.kwic(d, ["said", "minister"]),
    "kwic, wildcards": lambda d: analysis.kwic(d, ["b*", "bank*", "terror*"]),
    "actor_mentions": lambda d: analysis.actor_mentions(d, cache=False),
    "unknown_actors": lambda d: analysis.unknown_actors(d),
    "quotes": lambda d: analysis.quotes(d, cache=False),
}


class _TooSlow(Exception):
    pass


def _timed(func, docs) -> float:
    def stop(*_):
        raise _TooSlow
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, CAP)
    started = time.perf_counter()
    try:
        func(docs)
    except _TooSlow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_text_function_is_linear_on_hostile_text(name, tmp_path):
    small, large = _docs(TEXTS[name](SMALL)), _docs(TEXTS[name](LARGE))
    assert len(small["text"].iloc[0]) == SMALL and len(large["text"].iloc[0]) == LARGE
    functions = {**FUNCTIONS, "load_corpus": _load(tmp_path)}
    slow = []
    for fname, func in functions.items():
        func(small)                                      # warm-up: imports, lists, caches
        t_small = _timed(func, small)
        t_large = _timed(func, large)
        ratio = t_large / max(t_small, 1e-4)
        if t_large > CAP or (ratio > MAX_RATIO and t_large > FLOOR):
            slow.append(f"{fname}: {t_small:.3f} s on {SMALL:,} characters, {t_large:.3f} s "
                        f"on {LARGE:,} ({ratio:.0f}x)")
    assert not slow, f"{name}: " + "; ".join(slow)


LOADER_FILES: dict[str, Callable[[int], tuple[str, str]]] = {
    # a whitespace run before an API truncation marker (the marker's pattern was cubic)
    "spaces before [+N chars]": lambda n: ("a.jsonl", json.dumps(
        {"title": "T", "text": "Body" + " " * n + "x [+100 chars]"})),
    # a field that looks like a URL (field guessing) with a host of n characters
    "a URL with a huge host": lambda n: ("a.jsonl", json.dumps(
        {"title": "T", "text": "Body.", "link": "https://" + "a." * (n // 2) + " see"})),
    # a NewsML dateline ending in a long run of dashes
    "a dateline of dashes": lambda n: ("a.xml", '<?xml version="1.0"?><nitf><head><title>T'
                                       "</title></head><body><body.head><dateline>MOSCOW " +
                                       "-" * n + "x</dateline></body.head><body.content><p>"
                                       "Text here.</p></body.content></body></nitf>"),
}


@pytest.mark.parametrize("name", list(LOADER_FILES))
def test_loading_is_linear_on_hostile_fields(name, tmp_path):
    """Fields only the loader reads (truncation markers, URLs, datelines)."""
    def load(n: int) -> float:
        folder = tmp_path / str(n)
        folder.mkdir()
        file_name, content = LOADER_FILES[name](n)
        (folder / file_name).write_text(content, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _timed(lambda _: analysis.load_corpus(folder, cache=False), None)
    load(2_000)
    t_small, t_large = load(SMALL), load(LARGE)
    assert t_large < CAP and (t_large / max(t_small, 1e-4) <= MAX_RATIO or t_large < FLOOR), \
        f"{name}: {t_small:.3f} s on {SMALL:,}, {t_large:.3f} s on {LARGE:,}"


def test_quotes_on_a_200k_capitalised_token_take_under_a_second():
    """The case that hung the report: one 200,000-character token starting with a capital."""
    docs = _docs("He said: " + "A" + "b" * 199_999 + " and left.")
    analysis.quotes(_docs("Warm up, he said."), cache=False)
    assert _timed(lambda d: analysis.quotes(d, cache=False), docs) < 1.0
