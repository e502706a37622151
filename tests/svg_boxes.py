"""What a briefing image's SVG draws, as boxes in page pixels, for the typography tests.

Every box comes from the SVG the renderer wrote: an annotation's background rectangle is the
text's extent as Chromium measured it, the legend's background is the legend, a node is its
marker's circle. Transforms (translate, rotate, scale, matrix) are followed up the tree.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"
Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class Box:
    kind: str  # "label" (an annotation in the plot), "note" (one outside it), "node", "legend"
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: Box) -> float:
        dx = min(self.x1, other.x1) - max(self.x0, other.x0)
        dy = min(self.y1, other.y1) - max(self.y0, other.y0)
        return max(dx, 0) * max(dy, 0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _parse(transform: str | None) -> Matrix:
    m = IDENTITY
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", transform or ""):
        v = [float(x) for x in re.split(r"[\s,]+", args.strip()) if x]
        if name == "translate":
            n: Matrix = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "scale":
            n = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == "rotate":
            r = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) == 3 else (0, 0)
            n = _mul(_mul((1, 0, 0, 1, cx, cy), (math.cos(r), math.sin(r), -math.sin(r),
                                                  math.cos(r), 0, 0)), (1, 0, 0, 1, -cx, -cy))
        elif name == "matrix":
            n = tuple(v)  # type: ignore[assignment]
        else:
            continue
        m = _mul(m, n)
    return m


def _box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    pts = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def font_sizes(data: bytes) -> list[tuple[str, float]]:
    """``(text, font size in px)`` of every non-empty text element."""
    out = []
    for el in ET.fromstring(data).iter(f"{SVG}text"):
        text = "".join(el.itertext()).strip()
        size = re.search(r"font-size:\s*([\d.]+)px", el.get("style") or "")
        if text and size:
            out.append((text, float(size.group(1))))
    return out


def page_width(data: bytes) -> float:
    return float(ET.fromstring(data).get("width", "0"))


def boxes(data: bytes) -> list[Box]:
    """Boxes of the annotations (texts with their measured background), the legend and the
    nodes (marker circles of the plot's scatter traces)."""
    out: list[Box] = []
    plot = None

    def walk(el: ET.Element, m: Matrix, ancestry: set[str]) -> None:
        nonlocal plot
        m = _mul(m, _parse(el.get("transform")))
        cls = _classes(el)
        tag = el.tag.removeprefix(SVG)
        if tag == "rect" and "bg" in cls and "annotation" in ancestry:
            w, h = float(el.get("width", 0)), float(el.get("height", 0))
            x, y = float(el.get("x", 0)), float(el.get("y", 0))
            text = "".join("".join(t.itertext()) for t in parent_of[el].iter(f"{SVG}text"))
            out.append(Box("annotation", text.strip(), *_box(m, x, y, x + w, y + h)))
        elif tag == "rect" and "bg" in cls and "legend" in ancestry:
            w, h = float(el.get("width", 0)), float(el.get("height", 0))
            out.append(Box("legend", "", *_box(m, 0, 0, w, h)))
        elif tag == "path" and "point" in cls and "scatterlayer" in ancestry:
            r = re.match(r"M([\d.]+),0A([\d.]+),([\d.]+)", el.get("d") or "")
            if r and "opacity: 0;" not in (el.get("style") or ""):
                rad = float(r.group(2))
                out.append(Box("node", "", *_box(m, -rad, -rad, rad, rad)))
        elif tag == "clipPath" and "axesclip" in cls and el.get("id", "").endswith("xy"):
            rect = el.find(f"{SVG}rect")
            assert rect is not None
            x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
            plot = (x, y, x + float(rect.get("width", 0)), y + float(rect.get("height", 0)))
        for child in el:
            walk(child, m, ancestry | cls)

    root = ET.fromstring(data)
    parent_of = {child: parent for parent in root.iter() for child in parent}
    walk(root, IDENTITY, set())
    if plot is not None:  # annotations inside the plot are labels, the others notes
        out = [Box("label" if b.kind == "annotation" and _inside(b, plot) else
                   "note" if b.kind == "annotation" else b.kind, b.text, b.x0, b.y0, b.x1, b.y1)
               for b in out]
    return out


def _inside(b: Box, plot: tuple[float, ...]) -> bool:
    cx, cy = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
    return plot[0] <= cx <= plot[2] and plot[1] <= cy <= plot[3]


def overlaps(data: bytes, tolerance: float = 1.0) -> list[tuple[Box, Box, float]]:
    """Every pair (text, something) drawn over each other by more than ``tolerance`` px²:
    a text and another text, a node or the legend."""
    bs = boxes(data)
    texts = [b for b in bs if b.kind in ("label", "note")]
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:] + [x for x in bs if x.kind in ("node", "legend")]:
            area = a.overlap(b)
            if area > tolerance:
                found.append((a, b, area))
    return found
