"""The light and dark themes (graph/views/themes.py): one set of names per theme, a theme
per choice, text and names readable (WCAG 4.5) on every ground they sit on, and the graph's
stylesheet drawn in the theme asked for."""

from __future__ import annotations

import pytest

from dashboard.elements import stylesheet
from graph.core.choices import THEMES as CHOICES
from graph.views import style
from graph.views.themes import THEMES, contrast, css_variables, plot_layout, theme


def test_each_choice_is_a_theme_with_the_same_colours_named():
    assert tuple(THEMES) == CHOICES
    assert len({frozenset(t) for t in THEMES.values()}) == 1
    assert theme("nonsense") == THEMES["light"]
    assert css_variables("dark")["--rg-node-border"] == THEMES["dark"]["node_border"]


@pytest.mark.parametrize("name", CHOICES)
@pytest.mark.parametrize("text", ["text", "muted", "label", "verb", "accent", "error", "ok"])
def test_text_is_readable_on_every_ground(name, text):
    t = THEMES[name]
    for ground in ("bg", "surface", "panel", "control"):
        assert contrast(t[text], t[ground]) >= 4.5, (name, text, ground)


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == 1


def test_light_graph_colours_are_the_images_and_the_stylesheet_follows_the_theme():
    assert THEMES["light"]["bg"] == style.BACKGROUND
    assert THEMES["light"]["label"] == style.LABEL_COLOR
    for name in CHOICES:
        node = next(r["style"] for r in stylesheet(name) if r["selector"] == "node")
        assert node["color"] == THEMES[name]["label"]
        assert node["text-outline-color"] == THEMES[name]["halo"]


@pytest.mark.parametrize("name", CHOICES)
def test_a_plotly_figure_takes_the_themes_ground_and_readable_text(name):
    patch = plot_layout(name)
    t = THEMES[name]
    assert patch["layout"]["paper_bgcolor"] == patch["layout"]["plot_bgcolor"] == t["bg"]
    for text in (patch["layout"]["font"]["color"], patch["layout"]["legend"]["font"]["color"]):
        assert contrast(text, t["bg"]) >= 4.5
    assert contrast(patch["layout"]["modebar"]["color"], t["bg"]) >= 3
    # grid lines stay faint: visible, but never louder than the text
    assert 1 < contrast(patch["axis"]["gridcolor"], t["bg"]) < contrast(t["text"], t["bg"])
