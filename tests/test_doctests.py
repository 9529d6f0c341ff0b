"""The examples in the docstrings run and print what they say."""

import doctest
import importlib
import pkgutil

import pytest

import analysis

MODULES = sorted(m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
                 if not m.name.endswith("__main__"))

# Every family shows at least one runnable example somewhere in its modules.
FAMILIES_WITH_EXAMPLES = ["analysis._validate", "analysis.corpus", "analysis.text",
                          "analysis.terms", "analysis.actors", "analysis.report",
                          "analysis.overview", "analysis.types", "analysis.errors"]


def _examples(module_name: str) -> doctest.TestResults:
    return doctest.testmod(importlib.import_module(module_name),
                           optionflags=doctest.NORMALIZE_WHITESPACE)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    assert _examples(module).failed == 0


@pytest.mark.parametrize("family", FAMILIES_WITH_EXAMPLES)
def test_every_family_has_examples(family):
    members = [m for m in MODULES if m == family or m.startswith(family + ".")]
    assert members, f"{family} is not a module of the package"
    assert sum(_examples(m).attempted for m in members) > 0
