"""The examples in the docstrings run and print what they say."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["analysis._validate", "analysis.wire", "analysis.text",
                                    "analysis.terms", "analysis.actors", "analysis.report.display",
                                    "analysis.overview", "analysis.prepare", "analysis.types",
                                    "analysis.errors"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
