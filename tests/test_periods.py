"""Small multiples (``relgraph export --periods``): one panel per period on one image, the
same actor at the same place in every panel, a caption per panel, the slide type sizes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from period_corpus import build
from svg_boxes import font_sizes, overlaps, page_width

from graph.cli.main import main
from graph.core.errors import InvalidValue
from graph.core.model import GraphSlice
from graph.store.store import Store
from graph.views.periods import (
    panel_caption,
    parse_periods,
    period_graphs,
    periods_figure,
)

H1_H2 = "2024-01:2024-06,2024-07:2024-12"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("periods") / "p.db"
    build(path)
    return path


@pytest.fixture(scope="module")
def store(db):
    return Store(db)


def test_periods_are_years_months_or_days_with_open_ends():
    got = [(p.since, p.until, p.shown) for p in parse_periods(
        "2023, 2024-02:2024-02 ,2024-03-01:2024-03-15,2024-07:,:2022-06")]
    assert got == [
        (date(2023, 1, 1), date(2023, 12, 31), "2023"),
        (date(2024, 2, 1), date(2024, 2, 29), "2024-02"),  # a leap year's February
        (date(2024, 3, 1), date(2024, 3, 15), "2024-03-01 – 2024-03-15"),
        (date(2024, 7, 1), None, "from 2024-07"),
        (None, date(2022, 6, 30), "until 2022-06"),
    ]
    assert parse_periods("2023-02:2023-02,2023")[0].until == date(2023, 2, 28)


@pytest.mark.parametrize(("spec", "says"), [
    ("2024", "needs 2 to 6 periods separated by commas (got 1)"),
    ("2020,2021,2022,2023,2024,2025,2026", "(got 7)"),
    ("2024-13:2024-12,2024", "bad period '2024-13:2024-12': '2024-13' is not a date"),
    ("2024-02-30:,2024", "'2024-02-30' is not a date"),
    ("2024-06:2024-01,2024", "bad period '2024-06:2024-01': it ends before it starts"),
    ("H1,H2", "bad period 'H1': 'H1' is not a year, month or day"),
    (":,2024", "bad period ':': give a start, an end or both"),
])
def test_bad_periods_are_one_clear_line(db, tmp_path, capsys, spec, says):
    with pytest.raises(InvalidValue) as exc:
        parse_periods(spec)
    assert says in str(exc.value)
    out = tmp_path / "x.png"
    assert main(["export", "--db", str(db), "-f", "png", "--periods", spec,
                 "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"relgraph: error: {exc.value}"]
    assert "Traceback" not in err and not out.exists()


def test_periods_conflict_with_since_and_data_formats(db, tmp_path, capsys):
    for extra in (["-f", "png", "--since", "2024-01-01"], ["-f", "json"]):
        assert main(["export", "--db", str(db), *extra, "--periods", H1_H2,
                     "-o", str(tmp_path / "x")]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "--periods" in err, err


def test_each_panel_holds_its_periods_links(store):
    first, second = period_graphs(store, GraphSlice(), parse_periods(H1_H2), None)

    def typed(G):
        return {(frozenset((G.nodes[u]["label"], G.nodes[v]["label"])), r["kind"])
                for u, v, d in G.edges(data=True) for r in d.get("relations", ())}

    assert (frozenset(("Mara Velund", "Edvin Dorsan")), "criticise") in typed(first)
    assert (frozenset(("Ilse Brandtner", "Jonas Okafor")), "meet") in typed(second)
    assert not typed(first) & {(frozenset(("Ilse Brandtner", "Jonas Okafor")), "meet")}
    assert (frozenset(("Mara Velund", "Edvin Dorsan")), "criticise") not in typed(second)


def _node_places(fig: dict) -> dict[str, dict[str, tuple[float, float]]]:
    """{axis: {actor name: (x, y)}} of the node markers in each panel."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for tr in fig["data"]:
        if tr.get("hovertext") and tr["x"] != [None]:
            out.setdefault(tr["xaxis"], {}).update(
                zip(tr["hovertext"], zip(tr["x"], tr["y"], strict=True), strict=True))
    return out


def test_every_actor_stands_at_the_same_place_in_every_panel(store):
    periods = parse_periods("2024-01:2024-03,2024-04:2024-06,2024-07:2024-09,2024-10:")
    graphs = period_graphs(store, GraphSlice(), periods, None)
    fig = periods_figure(graphs, periods, width=1600, height=900, size="16:9")
    places = _node_places(fig)
    assert sorted(places) == ["x", "x2", "x3", "x4"]
    seen: dict[str, tuple[float, float]] = {}
    shared = 0
    for panel in places.values():
        for name, xy in panel.items():
            if name in seen:
                shared += 1
                assert xy == pytest.approx(seen[name]), name
            seen[name] = xy
    assert shared >= 4  # Reik in all four panels, Velund, Brandtner in two
    # the same panel size everywhere, so the same coordinates mean the same place
    ranges = {tuple(fig["layout"][f"{a}axis{k}"]["range"]) for k in ("", "2", "3", "4")
              for a in "xy"}
    assert len(ranges) == 2
    # one legend: actor types and relation kinds listed once, panel traces not in it
    named = [tr["name"] for tr in fig["data"] if tr.get("showlegend", True) and "name" in tr]
    assert len(named) == len(set(named)) and "Person" in named


def test_cli_draws_panels_with_captions_at_slide_sizes(db, store, tmp_path, capsys):
    out = tmp_path / "halves.svg"
    assert main(["export", "--db", str(db), "-f", "svg", "--periods", H1_H2,
                 "-o", str(out), "--title", "Quota talks, 2024"]) == 0
    assert "2 periods" in capsys.readouterr().out
    svg = out.read_bytes()
    texts = [t for t, _ in font_sizes(svg)]
    graphs = period_graphs(store, GraphSlice(), parse_periods(H1_H2), None)
    for p, G in zip(parse_periods(H1_H2), graphs, strict=True):
        caption = panel_caption(p, G)
        assert caption.startswith(p.shown + " · ")
        assert " ".join(texts).count(p.shown) == 1  # each panel captioned once
    assert "2024-01 – 2024-06 · 3 articles" in " ".join(texts)
    assert texts.count("Quota talks, 2024") == 1
    assert texts.count("Person") == 1  # one legend
    width = page_width(svg)
    names = {"Mara Velund", "Tovan Reik", "Ilse Brandtner", "Jonas Okafor", "Edvin Dorsan"}
    for text, px in font_sizes(svg):
        pt = px * 13.333 * 72 / width
        assert pt >= 11.95, (text, pt)
        if text in names:
            assert pt >= 13.95, (text, pt)
    assert names <= set(texts)
    assert overlaps(svg) == []


def test_fewer_actors_per_panel_are_said_in_the_caption(store):
    periods = parse_periods(H1_H2)
    graphs = period_graphs(store, GraphSlice(), periods, 3)
    assert [len(G) for G in graphs] == [3, 3]
    caption = panel_caption(periods[0], graphs[0])
    assert f"3 of {graphs[0].graph['total_actors']} actors" in caption
    assert graphs[0].graph["total_actors"] > 3
