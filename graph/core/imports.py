"""Importing a command's heavy libraries without the garbage collector rescanning them.

A briefing image imports SQLAlchemy, NumPy, NetworkX and matplotlib: about a million objects
that live as long as the process. While they are created, Python's cyclic garbage collector
runs again and again over every object made so far, and afterwards each full collection scans
them all once more; that took a fifth of ``relgraph export -f png``'s CPU (0.2-0.3 s of
1.6 s, ``bench/brief.py``). :func:`frozen_imports` imports with the collector paused, then
moves everything alive into the collector's permanent generation (``gc.freeze``), which later
collections skip: garbage the command itself makes is still collected as usual.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator

__all__ = ["frozen_imports"]


@contextlib.contextmanager
def frozen_imports(module: str) -> Iterator[None]:
    """Run the block (the import of ``module`` and what comes with it) with the garbage
    collector paused, then freeze what is alive. Once ``module`` is imported the block runs
    as it is: a second drawing in a server does not freeze its own objects."""
    if module in sys.modules:
        yield
        return
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if paused:
            gc.enable()
