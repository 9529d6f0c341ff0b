"""The examples in the docstrings run and print what they say."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["analysis._validate", "analysis.corpus.wire",
                                    "analysis.corpus.story", "analysis.text",
                                    "analysis.terms", "analysis.actors", "analysis.display",
                                    "analysis.overview", "analysis.corpus.prepare", "analysis.types",
                                    "analysis.errors"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
