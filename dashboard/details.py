"""What the details panel shows for an actor, a link or a path (plain data; no Dash import).

Evidence sentences come with the character spans to highlight: an actor's own mentions, or
both actors' mentions for a link. Lists report how much they hold ("40 of 63").
"""

from __future__ import annotations

import networkx as nx

__all__ = ["article_label", "edge_details", "highlight", "node_details", "path_steps", "plural"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 mention", "2 mentions", "1,204 articles"."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def article_label(a: dict) -> str:
    """An article as a list shows it: "title — date · source" (its id without a title)."""
    bits = [a["date"] or "undated", a["source"]] if a["source"] else [a["date"] or "undated"]
    return f"{a['title'] or a['id']} — {' · '.join(bits)}"


def highlight(sentence: str, spans: list[list[int]]) -> list[tuple[str, bool]]:
    """Split a sentence into (text, is_mention) segments for highlighting."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(sentence))
        if start >= end:
            continue
        if start > pos:
            out.append((sentence[pos:start], False))
        out.append((sentence[start:end], True))
        pos = end
    if pos < len(sentence):
        out.append((sentence[pos:], False))
    return out


def _label(G: nx.Graph, v: object) -> str:
    return str(G.nodes[v].get("label", v)) if v in G else str(v)


def node_details(G: nx.Graph, node: object, articles: dict[str, dict], evidence: list[dict],
                 shown: int | None = None, in_articles: list[str] | None = None) -> dict:
    """Everything the details panel shows for an actor. ``evidence`` is every sentence;
    ``shown`` how many of them to return (all if None); ``in_articles`` the ids of the
    articles mentioning it (needed for view graphs, which carry no article lists)."""
    d = G.nodes[node]
    strongest = sorted(G[node].items(), key=lambda kv: (-kv[1]["weight"], str(kv[0])))[:8]
    shown = len(evidence) if shown is None else min(shown, len(evidence))
    return {
        "id": node, "name": _label(G, node), "type": d["type"], "aliases": d["aliases"],
        "mentions": d["mentions"], "first_seen": d["first_seen"], "last_seen": d["last_seen"],
        "articles": [articles[a] for a in (d.get("articles", []) if in_articles is None
                                           else in_articles) if a in articles],
        "relations": [{"id": other, "actor": _label(G, other), "weight": e["weight"],
                       "polarity": e["polarity"], "kinds": e["kinds"]}
                      for other, e in strongest],
        "evidence": [{**e, "segments": highlight(e["sentence"], e["spans"])}
                     for e in evidence[:shown]],
        "evidence_total": len(evidence),
    }


def mention_spans(*actor_evidence: list[dict]) -> dict[tuple[str, str], list[list[int]]]:
    """(article, sentence text) → spans of the given actors' mentions in it."""
    spans: dict[tuple[str, str], list[list[int]]] = {}
    for entries in actor_evidence:
        for e in entries:
            spans.setdefault((e["article"], e["sentence"]), []).extend(e["spans"])
    return spans


def edge_details(G: nx.Graph, u: object, v: object, evidence: list[dict],
                 spans: dict[tuple[str, str], list[list[int]]] | None = None,
                 shown: int | None = None) -> dict:
    """Everything the details panel shows for a link; ``spans`` (see :func:`mention_spans`)
    highlight both actors' mentions in each sentence."""
    d = G.edges[u, v]
    spans = spans or {}
    shown = len(evidence) if shown is None else min(shown, len(evidence))
    return {"pair": (_label(G, u), _label(G, v)), "ids": (u, v), "weight": d["weight"],
            "polarity": d["polarity"], "kinds": d["kinds"],
            "relations": [{**r, "source": _label(G, r["source"]),
                           "target": _label(G, r["target"])} for r in d["relations"]],
            "evidence": [{**e, "segments": highlight(
                e["sentence"], spans.get((e["article"], e["sentence"]), []))}
                for e in evidence[:shown]],
            "evidence_total": len(evidence)}


def path_steps(G: nx.Graph, evidence_of) -> list[dict]:  # noqa: ANN001
    """A path as steps ``A — B`` in order, each with its link's details (evidence, typed
    relations). ``evidence_of(u, v)`` returns ``(evidence, spans)`` for a link."""
    route = [v for v in (G.graph.get("path") or [])]
    steps = []
    for i, (u, v) in enumerate(zip(route, route[1:], strict=False), start=1):
        if not G.has_edge(u, v):
            continue
        evidence, spans = evidence_of(u, v)
        steps.append({"step": i, "from": _label(G, u), "to": _label(G, v),
                      **edge_details(G, u, v, evidence, spans, shown=5)})
    return steps
