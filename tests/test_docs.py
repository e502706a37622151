"""Documentation cannot rot: every command and option of the CLI appears in the README."""

import argparse
import re
from pathlib import Path

import pytest

from graph.cli.main import _parser

ROOT = Path(__file__).resolve().parent.parent

README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_command_has_help_and_is_documented(name):
    parser = subcommands()[name]
    assert parser.description and "Example:" in parser.description
    assert re.search(rf"`relgraph {name}\b", README), f"relgraph {name} not in README"


@pytest.mark.parametrize("name,option", sorted(
    (name, opt) for name, p in subcommands().items() for a in p._actions
    for opt in a.option_strings if opt.startswith("--") and opt != "--help"))
def test_every_option_is_documented(name, option):
    assert option in README, f"{option} of relgraph {name} not in README"
