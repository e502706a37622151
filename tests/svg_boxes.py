"""What a briefing image's SVG draws, as boxes in page units, for the typography tests.

Every box comes from the SVG the renderer (:mod:`graph.views.draw`, matplotlib) wrote, which
names what it draws with ``id`` attributes: an annotation's background box (``label-N`` in a
plot, ``note-N`` outside it) is the text's extent as the renderer measured it with the real
font (labels were placed by estimated widths: the measurement can disagree), ``legend`` the
legend's box, ``node-N`` an actor's circle. Transforms (translate, rotate, scale, matrix) are
followed up the tree.
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


def font_sizes(data: bytes) -> list[tuple[str, float]]:
    """``(text, font size in CSS px)`` of every non-empty text element."""
    out = []
    root = ET.fromstring(data)
    for el in root.iter(f"{SVG}text"):
        text = "".join(el.itertext()).strip()
        size = re.search(r"font-size:\s*([\d.]+)px", el.get("style") or "")
        if text and size:
            out.append((text, float(size.group(1)) * _scale(root)))
    return out


def _css_px(length: str) -> float:
    """An SVG length ("1200pt", "1600px", "1600") in CSS px."""
    number, unit = re.fullmatch(r"([\d.]+)\s*([a-z]*)", length.strip()).groups()  # type: ignore[union-attr]
    return float(number) * {"pt": 96 / 72, "in": 96, "": 1, "px": 1}[unit]


def _scale(root: ET.Element) -> float:
    """CSS px per unit of the drawing (its view box against its width)."""
    box = root.get("viewBox")
    return _css_px(root.get("width", "0")) / float(box.split()[2]) if box else 1.0


def page_width(data: bytes) -> float:
    """The page's width in CSS px (what every size here is given in)."""
    return _css_px(ET.fromstring(data).get("width", "0"))


def _path_box(d: str) -> tuple[float, float, float, float] | None:
    numbers = [float(x) for x in re.findall(r"-?[\d.]+(?:e-?\d+)?", d)]
    xs, ys = numbers[0::2], numbers[1::2]
    if not xs or not ys:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def boxes(data: bytes) -> list[Box]:
    """Boxes of the annotations (texts with their measured background), the legend and the
    nodes (actors' circles)."""
    out: list[Box] = []

    def walk(el: ET.Element, m: Matrix) -> None:
        m = _mul(m, _parse(el.get("transform")))
        kind = (el.get("id") or "").rsplit("-", 1)[0]
        if el.tag == f"{SVG}g" and kind in ("label", "note", "node", "legend"):
            path = next(el.iter(f"{SVG}path"), None)
            box = _path_box(path.get("d", "")) if path is not None else None
            if box is not None:
                text = "".join("".join(t.itertext()) for t in el.iter(f"{SVG}text"))
                out.append(Box(kind, text.strip(), *_box(m, *box)))
            return
        for child in el:
            walk(child, m)

    root = ET.fromstring(data)
    k = _scale(root)
    walk(root, (k, 0, 0, k, 0, 0))
    return out


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
