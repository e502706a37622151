"""Small timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import time


def ms(t0: float) -> float:
    """Milliseconds since ``t0`` (a ``time.perf_counter()`` reading)."""
    return (time.perf_counter() - t0) * 1000


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``: the nearest observed value, no interpolation."""
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]
