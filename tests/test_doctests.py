"""The examples in the docstrings run and print what they say."""

import doctest
import importlib
import pkgutil

import pytest

import analysis

MODULES = sorted(m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
                 if not m.name.endswith("__main__"))

# The modules whose docstrings show examples today: none may lose them all.
MODULES_WITH_EXAMPLES = [
    "analysis._validate", "analysis.actors.mentions", "analysis.actors.registry",
    "analysis.cache", "analysis.corpus.newsml", "analysis.corpus.outlets", "analysis.corpus.pages", "analysis.corpus.prepare",
    "analysis.corpus.repair", "analysis.corpus.story", "analysis.corpus.wire",
    "analysis.errors", "analysis.overview", "analysis.report.display",
    "analysis.terms.concordance", "analysis.terms.frequencies", "analysis.text", "analysis.types",
]

# Every family shows at least one runnable example somewhere in its modules.
FAMILIES_WITH_EXAMPLES = ["analysis._validate", "analysis.corpus", "analysis.text",
                          "analysis.terms", "analysis.actors", "analysis.report",
                          "analysis.overview", "analysis.types", "analysis.errors"]


def _examples(module_name: str) -> doctest.TestResults:
    return doctest.testmod(importlib.import_module(module_name),
                           optionflags=doctest.NORMALIZE_WHITESPACE)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    result = _examples(module)
    assert result.failed == 0
    if module in MODULES_WITH_EXAMPLES:
        assert result.attempted > 0


@pytest.mark.parametrize("family", FAMILIES_WITH_EXAMPLES)
def test_every_family_has_examples(family):
    members = [m for m in MODULES if m == family or m.startswith(family + ".")]
    assert members, f"{family} is not a module of the package"
    assert sum(_examples(m).attempted for m in members) > 0
