"""Summary line, actor table, search options and the timeline (pure; no Dash import)."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx

from dashboard.details import plural
from graph.views import style
from graph.views.rules import communities

__all__ = ["PICK_LIMIT", "actor_rows", "dates_from_relayout", "picker_options",
           "search_options", "summary", "timeline_figure"]


def summary(G: nx.Graph) -> str:
    """ "Showing N of M actors · strongest K of L links · A articles" for the view."""
    total = G.graph.get("total_actors", G.number_of_nodes())
    links = G.graph.get("total_edges", G.number_of_edges())
    n_art = len(G.graph.get("articles", []))
    shown = (plural(G.number_of_edges(), "link") if links <= G.number_of_edges()
             else f"strongest {G.number_of_edges():,} of {plural(links, 'link')}")
    return (f"Showing {G.number_of_nodes():,} of {plural(total, 'actor')} · {shown} · "
            f"{plural(n_art, 'article')}")


def actor_rows(G: nx.Graph) -> list[dict]:
    """Table rows: degree, weighted degree, betweenness and community per actor; ``id`` is
    the node id (the table's row id), ``actor`` its display name."""
    if not G.number_of_nodes():
        return []
    # Sampled (seeded, so stable) above 40 actors: exact betweenness dominates the view time.
    between = nx.betweenness_centrality(G, k=min(40, len(G)), seed=7) if len(G) > 2 else {}
    community = communities(G)
    return sorted(({"id": str(n), "actor": d.get("label", str(n)), "type": d["type"],
                    "mentions": d["mentions"], "degree": G.degree(n),
                    "weighted_degree": G.degree(n, weight="weight"),
                    "betweenness": round(between.get(n, 0.0), 4),
                    "community": community.get(n, 0)} for n, d in G.nodes(data=True)),
                  key=lambda r: (-r["weighted_degree"], r["actor"]))


def search_options(actor_table: list[dict]) -> list[dict]:
    """Options for every actor, most important (most mentioned) first, as the store lists
    them; the value is the node id (``row["id"]`` where the store gives one, else the
    label). ``search`` holds the name and each alias on a line of its own: the page picks
    an exact name or alias first, then the most important match (``assets/pickers.js``)."""
    return [{"label": r["label"] + (f" ({', '.join(sorted(r['aliases'] - {r['label']})[:4])})"
                                    if r["aliases"] - {r["label"]} else ""),
             "value": str(r.get("id", r["label"])),
             "search": "\n".join([r["label"], *sorted(r["aliases"] - {r["label"]})])}
            for r in actor_table]


#: Options an actor picker holds before anything is typed (the most important actors); a
#: typed query ranks every actor (``assets/pickers.js``).
PICK_LIMIT = 50


def picker_options(options: list[dict], value: object = None) -> list[dict]:
    """What an actor picker lists with nothing typed: the :data:`PICK_LIMIT` most important
    actors of ``options`` (:func:`search_options`), and the one it holds (a picker drops a
    value that is not among its options)."""
    first = options[:PICK_LIMIT]
    if value is None or any(o["value"] == value for o in first):
        return first
    return first + [o for o in options if o["value"] == value][:1]


def timeline_figure(articles: list[dict], G: nx.Graph) -> dict:
    """Articles and actor mentions per day for the slice; undated articles, off the axis, are
    counted in a note (and whether the view holds them).

    A plain figure dict (what Dash sends anyway): building ``go.Figure`` objects costs more
    than the whole graph slice at 10,000 articles.
    """
    per_day = {d["date"]: d["articles"] for d in G.graph.get("timeline", [])}
    mentions = {d["date"]: d["mentions"] for d in G.graph.get("timeline", [])}
    days = sorted(per_day)
    # Bars a day wide vanish on a multi-year axis: widen them with the span shown.
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days if days else 0
    bar_ms = 86_400_000 * max(1, span // 80) if span >= MIN_DAYS else 60_000_000  # 0.7 day
    undated = int(G.graph.get("undated", 0))
    # under the axis, at the left: the top right is the plot's tool bar
    note = [{"text": f"{undated:,} undated article{'s' if undated != 1 else ''} "
                     + ("(in the view, not on the axis)" if G.graph.get("undated_included")
                        else "(left out: outside any date range)"),
             "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
             "yanchor": "top", "yshift": -NOTE_BELOW, "showarrow": False,
             "font": {"size": 11}}] if undated else []
    return {
        "data": [
            {"type": "bar", "x": days, "y": [per_day[d] for d in days], "name": "articles",
             "width": [bar_ms] * len(days), "marker": {"color": style.TYPE_COLORS["person"]}},
            {"type": "scatter", "x": days, "y": [mentions.get(d, 0) for d in days],
             "name": "actors mentioned", "mode": "lines+markers", "yaxis": "y2",
             "line": {"color": style.TYPE_COLORS["organisation"]}},
        ],
        "layout": {
            # the bottom margin holds two-line day ticks ("Sep 12" over "2023") and the note
            "height": 230, "margin": {"l": 50, "r": 50, "t": 10,
                                      "b": NOTE_BELOW + 20 if undated else TICKS_BELOW},
            "dragmode": "zoom",
            "plot_bgcolor": style.BACKGROUND, "paper_bgcolor": style.BACKGROUND,
            "legend": {"orientation": "h", "y": 1.12, "x": 0}, "bargap": 0.3,
            "xaxis": _date_axis(days),
            # counts: whole-number ticks (no "0.2 articles")
            "yaxis": {"title": {"text": "articles"}, "rangemode": "tozero",
                      **_whole(max(per_day.values(), default=1))},
            "yaxis2": {"overlaying": "y", "side": "right", "rangemode": "tozero",
                       "title": {"text": "actors"}, "showgrid": False,
                       **_whole(max(mentions.values(), default=1))},
            "font": {"family": style.FONT_FAMILY, "size": 11}, "annotations": note,
        },
    }


#: px under the plot taken by two-line date ticks, and where the undated note starts.
TICKS_BELOW = 44
NOTE_BELOW = 40
#: Days shown at least: a few days' articles get an axis of days, not of hours.
MIN_DAYS = 7


def _date_axis(days: list[str]) -> dict:
    """The x axis: dates; a span of fewer than :data:`MIN_DAYS` days is widened around its
    middle to that many (autorange still, so a double click restores it), ticked by day."""
    axis: dict = {"type": "date"}
    if not days:
        return axis
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    if (last - first).days >= MIN_DAYS:
        return axis
    pad = (MIN_DAYS - (last - first).days) / 2
    lo, hi = first - timedelta(days=pad), last + timedelta(days=pad)
    return {**axis, "autorangeoptions": {"include": [lo.isoformat(), hi.isoformat()]},
            "dtick": 86_400_000, "tick0": days[0]}


def _whole(top: int) -> dict:
    return {"tickformat": ",d", **({"dtick": 1} if top <= 8 else {})}


def dates_from_relayout(relayout: dict | None) -> tuple[str | None, str | None] | None:
    """A date range selected on the timeline (zoom on the x axis), or None if the event is
    not an x-range change; ``(None, None)`` when the range was reset."""
    if not relayout:
        return None
    if relayout.get("xaxis.autorange"):
        return (None, None)
    lo, hi = relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")
    if lo is None and isinstance(relayout.get("xaxis.range"), list):
        lo, hi = relayout["xaxis.range"]
    if lo is None or hi is None:
        return None
    return (str(lo)[:10], str(hi)[:10])
