"""The graph's ``layout`` property (``dashboard.elements.cy_layout``, issue 25): with
dash-cytoscape's own refresh off, the property is what makes cytoscape's layouts (cose,
circle...) lay a new view out, so it must change with the view's elements and stay the same
for the same ones; the fixed layout's never changes (the page fits a new view itself)."""

from dashboard.elements import cy_layout


def els(*ids: str) -> list[dict]:
    return [{"data": {"id": i}} for i in ids]


def test_cytoscapes_layouts_change_with_the_view_and_only_with_it():
    a, b = els("n1", "n2", "n1|n2"), els("n1", "n3", "n1|n3")
    assert cy_layout("cose", a) == cy_layout("cose", list(reversed(a)))
    assert cy_layout("cose", a) != cy_layout("cose", b)
    assert cy_layout("circle", a)["name"] == "circle"
    assert cy_layout("cose", a) | {"view": 0} == cy_layout("cose", b) | {"view": 0}


def test_the_fixed_layout_never_changes():
    assert cy_layout("preset", els("n1")) == cy_layout("preset", els("n2")) == cy_layout("preset")
    assert cy_layout("preset") == {"name": "preset", "fit": True, "padding": 24, "animate": False}
