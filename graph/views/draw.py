"""Briefing images drawn without a browser: a figure from :mod:`graph.views.image` (or
:mod:`graph.views.periods`), already laid out in CSS px, drawn with matplotlib into PNG, SVG
or PDF.

Every position, label, verb, legend entry and caption line was computed by the view modules;
this module only turns that figure (a plotly-style dict: ``data`` traces, ``layout`` with
margins, axes, annotations, shapes, title and legend) into drawing calls on one page-sized
axes in CSS px (y down). It implements the part of plotly's figure format those modules use,
nothing more. matplotlib (PSF-style licence) draws all three formats itself: text stays text
in the SVG and the PDF (an embedded TrueType font), and no Chromium starts, which cost seconds
per command (bench/brief.py).

The SVG names what it draws with ``id`` attributes, so tests can measure it
(``tests/svg_boxes.py``): ``label-N`` an actor name or verb in a plot, ``note-N`` any other
annotation, each with its background box as the renderer measured the text; ``node-N`` an
actor's circle, ``legend`` the legend's box, ``title``/``subtitle`` the title lines.
"""

from __future__ import annotations

import html
import io
import re
import threading
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Circle, Rectangle
from matplotlib.transforms import Affine2D
from PIL import Image

from graph.views import style
from graph.views.page_geometry import Area, Page, each, rgba
from graph.views.typography import text_width

__all__ = ["FONTS", "draw", "draw_all"]

#: Fonts with Helvetica's metrics first (the widths :mod:`graph.views.typography` places
#: labels by), then what any system has.
FONTS = ["Liberation Sans", "Arial", "Helvetica", "Nimbus Sans", "DejaVu Sans"]
PT = 0.75  # points per CSS px (96 px and 72 pt to the inch)
#: matplotlib keeps caches (fonts, text layout) that are not safe to fill from two threads at
#: once; images are drawn one at a time (a threaded web server's requests queue here).
_LOCK = threading.Lock()
_DASH = {"dot": (0, (1, 2)), "dash": (0, (4, 2)), "dashdot": (0, (4, 2, 1, 2))}
_TAG = re.compile(r"</?b>")

#: The one font drawn with: the first of :data:`FONTS` installed.
FONT = next((f for f in FONTS if f in {e.name for e in fontManager.ttflist}), "DejaVu Sans")
#: Where a glyph is missing from :data:`FONT` (another script), matplotlib takes it from the
#: next font that has it.
FALLBACK = list(dict.fromkeys([FONT, "DejaVu Sans", *(
    e.name for e in fontManager.ttflist if e.name.startswith(("Noto Sans CJK", "Noto Sans")))]))
#: matplotlib settings for every drawing (set per drawing: a program using relgraph and
#: matplotlib keeps its own): SVG text as text; PDF glyphs embedded as a Type 3 subset (text
#: stays searchable; a Type 42 subset took 2.5 times as long to write); SVG ids the same from
#: run to run.
_RC: dict[Any, Any] = {"svg.fonttype": "none", "pdf.fonttype": 3, "svg.hashsalt": "relgraph",
       "font.family": FALLBACK, "path.simplify": False}


def draw(fig: dict, fmt: str, dpi: float = 96, title: str = "", subject: str = "") -> bytes:
    """The figure as ``fmt`` ("png", "svg" or "pdf") bytes; a PNG at ``dpi`` (the page is
    its CSS px at 96 an inch), a PDF whose document title is ``title``."""
    return draw_all(fig, [(fmt, dpi, title)], subject)[0]


def draw_all(fig: dict, renders: Sequence[tuple[str, float, str]], subject: str = ""
             ) -> list[bytes]:
    """The figure in each ``(format, dpi, title)`` of ``renders``, as :func:`draw` gives
    each: its
    artists made once and rendered as often as asked (a briefing pack renders its picture as
    PNG, PDF and SVG; making the artists again for each took a tenth of the pack)."""
    layout = fig["layout"]
    page = Page(layout)
    with _LOCK, matplotlib.rc_context(_RC):
        f = Figure(figsize=(page.w / 96, page.h / 96), dpi=96,
                   facecolor=layout.get("paper_bgcolor", style.BACKGROUND))
        FigureCanvasAgg(f)
        ax = f.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, page.w)
        ax.set_ylim(page.h, 0)
        d = _Drawing(ax, page, layout, FALLBACK)
        d.shapes("below")
        d.traces(fig.get("data", []))
        d.shapes("above")
        d.annotations()
        d.legend(fig.get("data", []))
        d.title()
        done = []
        for fmt, dpi, title in renders:
            out = io.BytesIO()
            if fmt == "png":
                _png(f, out, dpi)
            else:
                meta: dict[str, Any] = {"Title": title or None, "Creator": "relgraph"}
                meta.update({"Subject": subject or None, "Producer": "relgraph (matplotlib)"}
                            if fmt == "pdf" else {"Date": None})
                f.savefig(out, format=fmt, dpi=72, metadata=meta)
            done.append(out.getvalue())
    return done


def _png(f: Figure, out: io.BytesIO, dpi: float) -> None:
    """The page as an RGB PNG recording ``dpi``. Written here rather than by matplotlib, which
    keeps the (always opaque) alpha channel and compresses harder: a slide-sized PNG took
    0.4 s to encode that way, 0.17 s this way, for a file a tenth larger."""
    f.set_dpi(dpi)
    canvas = f.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw",
                             "RGBA", 0, 1).convert("RGB")
    image.save(out, "png", dpi=(dpi, dpi), compress_level=1)


class _Drawing:
    """The drawing calls for one figure (page px, y down)."""

    def __init__(self, ax: Any, page: Page, layout: dict, fonts: list[str]) -> None:
        self.ax, self.page, self.layout, self.fonts = ax, page, layout, fonts
        self.font = layout.get("font", {})
        self.ids = {"label": 0, "note": 0, "node": 0}
        self.z = 1.0

    def _gid(self, kind: str) -> str:
        self.ids[kind] += 1
        return f"{kind}-{self.ids[kind]}"

    def _next_z(self) -> float:
        self.z += 0.001
        return self.z

    # -- shapes --------------------------------------------------------------------------------
    def shapes(self, layer: str) -> None:
        p = self.page
        for s in self.layout.get("shapes", []):
            if (s.get("layer", "above") == "below") != (layer == "below"):
                continue
            xr, yr = s.get("xref", "x"), s.get("yref", "y")
            if s.get("xsizemode") == "pixel":
                ax_ = p.px(xr, s["xanchor"], "x")
                x0, x1 = ax_ + s["x0"], ax_ + s["x1"]
            else:
                x0, x1 = p.px(xr, s["x0"], "x"), p.px(xr, s["x1"], "x")
            if s.get("ysizemode") == "pixel":
                ay = p.px(yr, s["yanchor"], "y")
                y0, y1 = ay - s["y0"], ay - s["y1"]  # plotly's pixel offsets grow upwards
            else:
                y0, y1 = p.px(yr, s["y0"], "y"), p.px(yr, s["y1"], "y")
            line = s.get("line", {})
            lw = float(line.get("width", 1)) * PT
            ec = line.get("color", "#444444") if lw else "none"
            fc = s.get("fillcolor", "none")
            z = 0.5 if layer == "below" else self._next_z()
            if s["type"] == "line":
                self.ax.plot([x0, x1], [y0, y1], color=ec, linewidth=lw, zorder=z,
                             solid_capstyle="butt")
            elif s["type"] == "circle":
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                self.ax.add_patch(Circle((cx, cy), abs(x1 - x0) / 2, facecolor=fc,
                                         edgecolor=ec, linewidth=lw, zorder=z))
            else:
                self.ax.add_patch(Rectangle((min(x0, x1), min(y0, y1)), abs(x1 - x0),
                                            abs(y1 - y0), facecolor=fc, edgecolor=ec,
                                            linewidth=lw, zorder=z))

    # -- traces --------------------------------------------------------------------------------
    def traces(self, traces: list[dict]) -> None:
        for tr in traces:
            if tr.get("x") == [None] or not tr.get("x"):
                continue  # a legend entry only
            area = self.page.area(tr.get("xaxis"))
            if tr.get("yaxis"):
                area = Area(area.x0, self.page.area(tr["yaxis"]).y0, area.w,
                             self.page.area(tr["yaxis"]).h, area.xr,
                             self.page.area(tr["yaxis"]).yr)
            mode = tr.get("mode", "markers")
            if "lines" in mode:
                self._lines(tr, area)
            if "markers" in mode:
                self._markers(tr, area)

    def _lines(self, tr: dict, a: Area) -> None:
        segments: list[list[tuple[float, float]]] = []
        run: list[tuple[float, float]] = []
        for x, y in zip(tr["x"], tr["y"], strict=True):
            if x is None or y is None:
                if len(run) > 1:
                    segments.append(run)
                run = []
            else:
                run.append((a.x(x), a.y(y)))
        if len(run) > 1:
            segments.append(run)
        line = tr.get("line", {})
        self.ax.add_collection(LineCollection(
            segments, colors=line.get("color", "#444444"),
            linewidths=float(line.get("width", 2)) * PT, alpha=tr.get("opacity", 1.0),
            linestyles=_DASH.get(line.get("dash", "solid"), "solid"), capstyle="round",
            zorder=self._next_z()))

    def _markers(self, tr: dict, a: Area) -> None:
        m = tr.get("marker", {})
        n = len(tr["x"])
        sizes = each(m.get("size", 6), n)
        colors = each(m.get("color", "#444444"), n)
        opac = each(m.get("opacity", 1.0), n)
        angles = each(m.get("angle", 0), n)
        line = m.get("line", {})
        lw, lc = each(line.get("width", 0), n), each(line.get("color", "#444444"), n)
        symbol = m.get("symbol", "circle")
        alpha = tr.get("opacity", 1.0)
        z = self._next_z()
        for i, (x, y) in enumerate(zip(tr["x"], tr["y"], strict=True)):
            if x is None or y is None:
                continue
            cx, cy, d = a.x(x), a.y(y), float(sizes[i])
            o = float(opac[i]) * alpha
            if symbol == "circle":
                circle = Circle((cx, cy), d / 2, facecolor=colors[i], alpha=o,
                                edgecolor=lc[i], linewidth=float(lw[i]) * PT, zorder=z)
                circle.set_gid(self._gid("node"))
                self.ax.add_patch(circle)
            elif symbol == "circle-open":
                self.ax.add_patch(Circle((cx, cy), d / 2, facecolor="none", alpha=o,
                                         edgecolor=lc[i] if line.get("color") else colors[i],
                                         linewidth=float(lw[i] or 2) * PT, zorder=z))
            else:  # triangle-up (arrow heads), square
                # plotly turns a marker clockwise by its angle; y is down on this page
                marker = MarkerStyle("^" if symbol == "triangle-up" else "s",
                                     transform=Affine2D().rotate_deg(-float(angles[i])))
                self.ax.scatter([cx], [cy], s=(d * PT) ** 2, marker=marker, color=colors[i],
                                alpha=o, linewidths=0, zorder=z)

    # -- texts ---------------------------------------------------------------------------------
    def _text(self, text: str, x: float, y: float, *, size: float, color: str,
              ha: str = "left", va: str = "center", angle: float = 0, italic: bool = False,
              bg: str | None = None, gid: str | None = None, z: float | None = None) -> Any:
        bold = "<b>" in text
        plain = html.unescape(_TAG.sub("", text))
        face, alpha = rgba(bg) if bg else ("#ffffff", 0.0)
        t = self.ax.text(x, y, plain, fontsize=size * PT, color=color, ha=ha,
                         va={"middle": "center", "top": "top", "bottom": "bottom"}.get(va, va),
                         rotation=-angle, rotation_mode="anchor",
                         fontproperties=FontProperties(
                             family=self.fonts, size=size * PT,
                             style="italic" if italic else "normal",
                             weight="bold" if bold else "normal"),
                         bbox={"boxstyle": "square,pad=0", "facecolor": face, "alpha": alpha,
                               "edgecolor": "none", "linewidth": 0},
                         zorder=self._next_z() if z is None else z)
        if gid:
            t.set_gid(gid)
        return t

    def annotations(self) -> None:
        p = self.page
        base = self.font.get("size", 12)
        for a in self.layout.get("annotations", []):
            xr, yr = a.get("xref", "x"), a.get("yref", "y")
            x = p.px(xr, a["x"], "x") + a.get("xshift", 0)
            y = p.px(yr, a["y"], "y") - a.get("yshift", 0)
            font = a.get("font", {})
            in_plot = xr != "paper" and yr != "paper"
            self._text(a.get("text", ""), x, y, size=font.get("size", base),
                       color=font.get("color", self.font.get("color", style.LABEL_COLOR)),
                       ha=a.get("xanchor", "center"), va=a.get("yanchor", "middle"),
                       angle=a.get("textangle", 0) or 0, italic=font.get("style") == "italic",
                       bg=a.get("bgcolor"), gid=self._gid("label" if in_plot else "note"),
                       z=50 + self._next_z())

    def title(self) -> None:
        spec = self.layout.get("title") or {}
        if not spec.get("text"):
            return
        size = spec.get("font", {}).get("size", 17)
        x = spec.get("x", 0.5) * self.page.w
        y = (1 - spec.get("y", 1)) * self.page.h
        self._text(spec["text"], x, y, size=size, color=self.font.get("color", "#222222"),
                   ha=spec.get("xanchor", "left"), va="top", gid="title")
        sub = spec.get("subtitle")
        if sub and sub.get("text"):
            sub_size = sub.get("font", {}).get("size", 13)
            self._text(sub["text"], x, y + size * 1.3, size=sub_size,
                       color=sub.get("font", {}).get("color", "#555555"),
                       ha=spec.get("xanchor", "left"), va="top", gid="subtitle")

    # -- legend --------------------------------------------------------------------------------
    def legend(self, traces: list[dict]) -> None:
        """Plotly's legend as the view modules size it (:mod:`graph.views.legend`): groups in
        order, a title row each, a row of :data:`~graph.views.legend.ROW` font sizes per
        entry, ``tracegroupgap`` between groups; the box's right edge stops at the page."""
        spec = self.layout.get("legend", {})
        entries = [tr for tr in traces if tr.get("showlegend", True) is not False
                   and tr.get("name")]
        if not entries or self.layout.get("showlegend") is False:
            return
        font = spec.get("font", {}).get("size", self.font.get("size", 12))
        title_font = spec.get("grouptitlefont", {}).get("size", font)
        gap = spec.get("tracegroupgap", 10)
        row = 1.55 * font  # graph.views.legend.ROW, measured on plotly's legends
        x0 = self.page.px("paper", spec.get("x", 1.0), "x") + spec.get("xshift", 0)
        y = self.page.px("paper", spec.get("y", 1.0), "y")
        top, widest, group = y, 0.0, object()
        color = self.font.get("color", style.LABEL_COLOR)
        for tr in entries:
            if tr.get("legendgroup") != group:
                if y > top:
                    y += gap
                group = tr.get("legendgroup")
                title = (tr.get("legendgrouptitle") or {}).get("text")
                if title:
                    self._text(f"<b>{title}</b>" if "<b>" not in title else title,
                               x0 + 4, y + row / 2, size=title_font, color=color, z=60)
                    widest = max(widest, _width(title, title_font) + 4)
                    y += 1.55 * title_font
            cy = y + row / 2
            self._symbol(tr, x0 + 8, cy, 2.2 * font)
            self._text(tr["name"], x0 + 3.2 * font, cy, size=font, color=color, z=60)
            widest = max(widest, 3.2 * font + _width(tr["name"], font))
            y += row
        box = Rectangle((x0, top), min(widest + 8, self.page.w - x0 - 2), y - top + 4,
                        facecolor=self.layout.get("paper_bgcolor", "#ffffff"),
                        edgecolor="none", linewidth=0, zorder=59)
        box.set_gid("legend")
        self.ax.add_patch(box)

    def _symbol(self, tr: dict, x: float, y: float, room: float) -> None:
        mode = tr.get("mode", "markers")
        if "lines" in mode:
            line = tr.get("line", {})
            self.ax.plot([x, x + room], [y, y], color=line.get("color", "#444444"),
                         linewidth=min(float(line.get("width", 2)), 5) * PT,
                         alpha=tr.get("opacity", 1.0), zorder=61,
                         linestyle=_DASH.get(line.get("dash", "solid"), "solid"))
            return
        m = tr.get("marker", {})
        marker = {"square": "s", "triangle-up": "^"}.get(m.get("symbol", "circle"), "o")
        size = min(float(m["size"]) if isinstance(m.get("size"), (int, float)) else 12, 16)
        c = m.get("color", "#444444")
        self.ax.scatter([x + room / 2], [y], s=(size * PT) ** 2, marker=marker,
                        color=c if isinstance(c, str) else "#444444",
                        alpha=tr.get("opacity", 1.0), linewidths=0, zorder=61)


def _width(text: str, size: float) -> float:
    """Width in px of a legend text (the typography module's estimate, for the box)."""
    return text_width(html.unescape(_TAG.sub("", text)), size)
