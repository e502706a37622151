"""How each choice reads (graph/core/choices.py): every choice of a list has a label, the
labels are words (never a raw value with an underscore) and tell the choices apart, and the
briefing image's legend uses them: its node-size title, its colour title and a scale whose
numbers tell a fractional measure's values apart."""

import re

import networkx as nx
import pytest
from test_image import svg_texts

from graph.core.choices import (
    COLOR_BY,
    COLOR_LABELS,
    COLOR_TITLES,
    SIZE_BY,
    SIZE_LABELS,
    TIME_MODE_LABELS,
    TIME_MODES,
)
from graph.views.image import image_bytes
from graph.views.legend import scale_text, scale_values
from graph.views.rules import node_measure


@pytest.mark.parametrize("choices,labels", [(SIZE_BY, SIZE_LABELS), (COLOR_BY, COLOR_LABELS),
                                            (COLOR_BY, COLOR_TITLES),
                                            (TIME_MODES, TIME_MODE_LABELS)])
def test_every_choice_has_a_label_in_words_and_the_labels_differ(choices, labels):
    assert set(labels) == set(choices)
    assert len(set(labels.values())) == len(labels)
    for text in labels.values():
        assert text.strip() == text and re.fullmatch(r"[A-Za-z][\w ()–,:.-]*", text)
        assert "_" not in text


def graph() -> nx.Graph:
    """Six invented actors in a chain with a branch: dates, mentions, typed and plain links."""
    G = nx.Graph()
    days = ["2024-01-01", "2024-01-09", "2024-02-01", "2024-03-01", None, "2024-04-11"]
    for i, (name, day) in enumerate(zip(["Bae Sun-hee", "Nguyen Thi Lan", "Omar Haddad",
                                         "Zhao Wenjie", "Adaeze Okafor", "Marta Quintela"],
                                        days, strict=True)):
        G.add_node(f"a{i}", label=name, type="person", mentions=3 * i + 1, first_seen=day)
    for u, v, w in [("a0", "a1", 3), ("a1", "a2", 2), ("a2", "a3", 4), ("a1", "a4", 1),
                    ("a4", "a5", 1)]:
        G.add_edge(u, v, weight=w, polarity="neutral", kinds=[], relations=[])
    return G


@pytest.mark.parametrize("size_by", SIZE_BY)
def test_the_image_legend_names_the_size_choice_and_its_scale_reads(size_by):
    G = graph()
    texts = svg_texts(image_bytes(G, "svg", size_by=size_by))
    assert f"Node size: {SIZE_LABELS[size_by]}" in texts
    values = node_measure(G, size_by).values()
    lo, hi = min(values), max(values)
    shown = [scale_text(v, hi - lo) for v in scale_values(lo, hi)]
    assert len(set(shown)) == len(shown)  # as many different numbers as circles
    assert (len(shown) > 1) == (hi > lo)
    assert all(x in texts for x in shown)


@pytest.mark.parametrize("color_by", COLOR_BY)
def test_the_image_legend_titles_the_colour_choice(color_by):
    assert COLOR_TITLES[color_by] in svg_texts(image_bytes(graph(), "svg", color_by=color_by))


def test_scale_numbers_are_whole_for_counts_and_keep_the_decimals_of_a_fraction():
    assert [scale_text(v, 99) for v in scale_values(1, 100)] == ["1", "50", "100"]
    assert [scale_text(v, 1) for v in scale_values(1, 2)] == ["1", "2"]
    assert [scale_text(v, 0.16) for v in scale_values(0.0, 0.16)] == ["0", "0.08", "0.16"]
    assert [scale_text(v, 0.02) for v in scale_values(0.0, 0.02)] == ["0", "0.010", "0.020"]
