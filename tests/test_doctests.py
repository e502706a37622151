"""The examples in docstrings hold: every ``graph`` module with a ``>>>`` example is run through
:mod:`doctest` (name keys and naming variants, date readings, CAMEO kinds, URLs, ...).

Modules are found by their text, so an example added to any module runs here without a list to
keep up to date; the rule modules the examples explain must be among them.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import graph

ROOT = Path(graph.__file__).resolve().parent
#: Modules whose rules the examples explain: they must keep having some.
EXPLAINED = {"graph.names.forms", "graph.names.variants", "graph.readers.dates",
             "graph.core.cameo", "graph.readers.urls"}


def _with_examples() -> list[str]:
    return sorted(
        "graph." + ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in ROOT.rglob("*.py") if ">>>" in path.read_text(encoding="utf-8"))


def test_the_rule_modules_have_examples():
    assert set(_with_examples()) >= EXPLAINED


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, f"{result.failed} failed (output above)"
