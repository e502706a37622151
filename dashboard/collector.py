"""Python's garbage collector in a dashboard server, which keeps a large corpus in memory.

A full collection walks every container object the collector tracks. Once the corpus of a
10,000-article store is loaded the process holds about 170,000 of them (the articles'
records, the modules of Dash, plotly, SQLAlchemy, networkx), so a full collection took about
110 ms of CPU; and one came every few moves, because a curation decision re-resolves the
actors (hundreds of thousands of short-lived objects), landing in whichever move was running.
:func:`settle` moves everything alive at that point out of the collector's generations
(``gc.freeze``): a full collection walks only what was made since (about 17 ms). Frozen
objects are still freed when their last reference goes; only reference cycles among them
would stay (what is alive once the corpus is loaded lives as long as the server anyway).

The server entry points (:func:`dashboard.app.serve`, :func:`dashboard.app.server`) settle
after the first corpus load; an app made for tests does not (freezing is process-wide).
"""

from __future__ import annotations

import gc

__all__ = ["settle"]


def settle() -> None:
    """Collect once, then keep everything alive now out of later collections."""
    gc.collect()
    gc.freeze()
