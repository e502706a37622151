"""The words around a briefing image: the caption naming the slice, the list of sources,
the key of numbered actors, and the wrapping that keeps each line inside the page."""

from __future__ import annotations

from graph.core.model import GraphSlice
from graph.views.typography import text_width

__all__ = ["clip", "number_key", "plural", "slice_caption", "sources_lines", "wrap"]


def slice_caption(sl: GraphSlice, articles: list[dict], shown: int | None = None,
                  total: int | None = None, *, focus: str | None = None, depth: int = 1,
                  path: list[str] | None = None) -> str:
    """One line describing a view: focus or path, its articles, dates and filters."""
    parts = []
    if path:
        parts.append("path: " + " → ".join(path))
    if focus:
        parts.append(f"focus: {focus}" + (f" ({depth} steps)" if depth > 1 else ""))
    if sl.articles and len(articles) <= 3:
        parts.append("; ".join(clip(a["title"] or a["id"], 60) for a in articles))
    else:
        parts.append(plural(len(articles), "article"))
    days = sorted(a["date"] for a in articles if a.get("date"))
    if days:
        parts.append(days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}")
    undated = sum(1 for a in articles if not a.get("date"))
    if undated:
        parts.append(f"{undated} undated")
    if sl.since and sl.until:
        parts.append(f"dates {sl.since} to {sl.until}")
    elif sl.since or sl.until:
        parts.append(f"from {sl.since}" if sl.since else f"until {sl.until}")
    if sl.types:
        parts.append("types: " + ", ".join(sl.types))
    if sl.kinds:
        parts.append("relations: " + ", ".join(sl.kinds))
    if sl.min_weight > 1:
        parts.append(f"min weight {sl.min_weight}")
    if shown is not None and total is not None and shown < total:
        parts.append(f"showing {shown:,} of {total:,} actors")
    return " · ".join(parts)


def sources_lines(articles: list[dict], width: float, font: float = 11.0,
                  most: int = 4) -> list[str]:
    """The articles as "Sources: title (outlet, date); …" lines each fitting ``width`` px at
    ``font`` px, at most ``most`` lines (the last one saying how many more)."""
    items = [clip(a.get("title") or a["id"], 60) + (
        f" ({', '.join(x for x in (a.get('source'), a.get('date')) if x)})"
        if a.get("source") or a.get("date") else "") for a in articles]
    pieces = [("Sources: " if i == 0 else "") + item + (";" if i < len(items) - 1 else "")
              for i, item in enumerate(items)]
    lines = wrap(pieces, width, font)
    if len(lines) > most:
        shown = " ".join(lines[:most]).count(";")
        lines = lines[:most]
        more = f" … and {len(items) - shown} more"
        while lines[-1] and text_width(lines[-1] + more, font) > width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else ""
        lines[-1] += more
    return lines


def wrap(pieces: list[str], width: float, font: float, sep: str = " ") -> list[str]:
    """``pieces`` joined by ``sep`` into lines no wider than ``width`` px at ``font`` px
    (a piece too long for a line is cut with an ellipsis)."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        while text_width(piece, font) > width and len(piece) > 2:
            piece = piece[:-2] + "…"
        candidate = f"{line}{sep}{piece}" if line else piece
        if line and text_width(candidate, font) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def number_key(entries: list[tuple[int, str]], width: float, font: float) -> list[str]:
    """The key of actors drawn with a number instead of their name, as wrapped lines:
    "Numbered actors: 1 Name · 2 Name"."""
    if not entries:
        return []
    return wrap([("Numbered actors: " if i == 0 else "") + f"{k} {name}"
                 + (" ·" if i < len(entries) - 1 else "")
                 for i, (k, name) in enumerate(entries)], width, font)


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless n is 1: "1 article", "1,431 actors"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def clip(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters, the last an ellipsis when cut."""
    return text if len(text) <= n else text[:n - 1] + "…"
