"""A large view in real headless Chromium (issue 25): its links are drawn the cheap way
(haystack lines; directed relations straight, with their arrow), the key actors are still
named, and a clicked actor's relations still carry their verb. A small view keeps its
curved links. Actors are chosen by rank and structure, never named here."""

import sys
from pathlib import Path

import pytest
from test_app import CY, js, open_app, wait_until
from test_moves import key_actors, settle, unlabelled

from dashboard.elements import LARGE_VIEW

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def crowd(tmp_path_factory):
    """300 synthetic articles over a cast of invented names (bench/synthetic.py): 1,245
    actors, as test_moves.py's wide store."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import named_cast, synthetic_store  # noqa: PLC0415 (bench/ is no package)

    return synthetic_store(tmp_path_factory.mktemp("crowd") / "crowd.db", 300, named_cast())


def curves(dash_duo) -> dict[str, list]:
    """Curve styles of the links drawn, by class: directed and the others; the arrows."""
    return js(
        dash_duo,
        f"""var cy = {CY};
        var d = cy.edges('.directed'), o = cy.edges().not('.directed');
        var uniq = xs => Array.from(new Set(xs)).sort();
        return {{directed: uniq(d.map(e => e.style('curve-style'))),
                 other: uniq(o.map(e => e.style('curve-style'))),
                 arrows: uniq(d.map(e => e.style('target-arrow-shape')))}};""",
    )


def show(dash_duo, top: int) -> None:
    wait_until(lambda: js(dash_duo, f"return {CY}.nodes().length") == top, what=f"{top} actors")


def test_a_large_view_draws_straight_links_and_keeps_names_and_verbs(dash_duo, crowd):
    top = 2 * LARGE_VIEW
    key = key_actors(crowd, top=top)
    open_app(dash_duo, crowd, f"top={top}")
    show(dash_duo, top)
    drawn = curves(dash_duo)
    assert drawn == {"directed": ["straight"], "other": ["haystack"], "arrows": ["triangle"]}
    assert settle(lambda: unlabelled(dash_duo, key), lambda u: not u) == []
    # no verb on the links until an actor is clicked: then its relations say theirs
    assert js(dash_duo, f"return {CY}.edges().filter(e => e.style('label') !== '').length") == 0
    verbs = js(
        dash_duo,
        f"""var cy = {CY};
        var n = cy.nodes().filter(n => n.connectedEdges('.typed').length > 0)
            .max(n => n.connectedEdges('.typed').length).ele;
        n.emit('tap');
        return n.connectedEdges('.typed').map(e => e.style('label'));""",
    )
    assert verbs and all(verbs), verbs
    assert dash_duo.get_logs() == []


def test_a_small_view_keeps_curved_links(dash_duo, crowd):
    open_app(dash_duo, crowd, "top=60")
    show(dash_duo, 60)
    drawn = curves(dash_duo)
    assert drawn["other"] == ["bezier"] and drawn["directed"] in ([], ["bezier"])
    assert drawn["arrows"] in ([], ["triangle"])
