"""The data tables shipped in ``graph/data``, read once per process.

Each table's name appears literally in the call that loads it (``load_table("titles")``,
``load_words("places.txt")``): the extractor fingerprint finds the tables extraction depends on
by those calls.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

__all__ = ["load_table", "load_words"]


@functools.cache
def load_table(name: str) -> dict:
    """Load a TOML table shipped in ``graph/data`` (cached: read once per process)."""
    data = resources.files("graph").joinpath("data", f"{name}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def load_words(file: str) -> list[str]:
    """The lines of a word table shipped in ``graph/data``, without its ``#`` comment lines."""
    text = resources.files("graph").joinpath("data", file).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
