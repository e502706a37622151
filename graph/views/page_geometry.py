"""The geometry of a plotly-style figure dict as :mod:`graph.views.draw` draws it: the page
in CSS px (y down), the paper inside the margins, each axis pair's plot area and data ranges,
and the colour and per-point values the figure writes. Pure arithmetic, no matplotlib: what
the view modules laid out in plotly's terms becomes page positions here, and draw.py turns
those into drawing calls."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Area", "Page", "each", "rgba"]


@dataclass(frozen=True)
class Area:
    """One plot area on the page (px): where an axis pair draws, and its data ranges."""

    x0: float
    y0: float
    w: float
    h: float
    xr: tuple[float, float]
    yr: tuple[float, float]

    def x(self, v: float) -> float:
        return self.x0 + (v - self.xr[0]) / ((self.xr[1] - self.xr[0]) or 1) * self.w

    def y(self, v: float) -> float:  # a range's first value is at the bottom, as in plotly
        return self.y0 + self.h - (v - self.yr[0]) / ((self.yr[1] - self.yr[0]) or 1) * self.h


class Page:
    """The figure's geometry: page size, the paper (inside the margins) and each axis pair."""

    def __init__(self, layout: dict) -> None:
        self.w, self.h = float(layout["width"]), float(layout["height"])
        m = layout.get("margin", {})
        self.left, self.top = float(m.get("l", 80)), float(m.get("t", 100))
        self.pw = self.w - self.left - float(m.get("r", 80))
        self.ph = self.h - self.top - float(m.get("b", 80))
        self.areas: dict[str, Area] = {}
        for key, ax in layout.items():
            if not key.startswith("xaxis"):
                continue
            k = key[5:]
            ay = layout.get(f"yaxis{k}", {})
            dx, dy = ax.get("domain", [0, 1]), ay.get("domain", [0, 1])
            self.areas[k] = Area(self.left + dx[0] * self.pw, self.top + (1 - dy[1]) * self.ph,
                                  (dx[1] - dx[0]) * self.pw, (dy[1] - dy[0]) * self.ph,
                                  tuple(ax.get("range", [0, 1])),
                                  tuple(ay.get("range", [0, 1])))

    def area(self, ref: str | None) -> Area:
        k = (ref or "x")[1:]
        return self.areas.get(k) or self.areas.get("") or Area(
            self.left, self.top, self.pw, self.ph, (0, 1), (0, 1))

    def px(self, ref: str | None, v: float, axis: str) -> float:
        """Page px of ``v`` on ``axis`` ("x" or "y") in reference ``ref`` (paper or an axis)."""
        if ref == "paper":
            return self.left + v * self.pw if axis == "x" else self.top + (1 - v) * self.ph
        a = self.area(ref)
        return a.x(v) if axis == "x" else a.y(v)


def each(value: Any, n: int) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value] * n


def rgba(color: str) -> tuple[str, float]:
    """(``#rrggbb``, alpha) of a CSS colour as the view modules write them."""
    m = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+))?\s*\)", color)
    if not m:
        return color, 1.0
    r, g, b = (int(m.group(i)) for i in (1, 2, 3))
    return f"#{r:02x}{g:02x}{b:02x}", float(m.group(4) or 1)
