"""The CAMEO backbone: roots, QuadClasses, and every lexicon kind placed under a root."""

import doctest

import pytest

import graph.core.cameo
from graph.core.cameo import QUAD_CLASSES, ROOTS, kind_info, kinds_of_root, quad_class_of_root
from graph.core.model import COOCCURRENCE
from graph.core.tables import load_table
from graph.names.forms import relation_kinds
from graph.relations.lexicon import lexicon


def test_twenty_roots_and_four_quad_classes_plus_neutral():
    assert sorted(ROOTS) == [f"{i:02d}" for i in range(1, 21)]
    assert set(QUAD_CLASSES) == {0, 1, 2, 3, 4}


@pytest.mark.parametrize("code,quad", [("01", 0), ("02", 1), ("05", 1), ("06", 2), ("08", 2),
                                        ("09", 3), ("13", 3), ("14", 4), ("20", 4)])
def test_quad_class_of_root(code, quad):
    assert quad_class_of_root(code) == quad


def test_every_root_has_kinds_and_every_kind_a_root():
    assert all(kinds_of_root(code) for code in ROOTS)
    kinds = [k for k in relation_kinds() if k != COOCCURRENCE]
    assert len(kinds) >= 40
    for kind in kinds:
        info = kind_info(kind)
        assert info.root_code in ROOTS and info.root_name == ROOTS[info.root_code]
        expected = {0: "neutral", 1: "cooperative", 2: "cooperative", 3: "hostile",
                    4: "hostile"}[info.quad_class]
        assert info.polarity == expected


def test_cooccurrence_has_no_cameo_placement():
    with pytest.raises(KeyError):
        kind_info(COOCCURRENCE)


def test_readable_kinds_sit_under_their_roots():
    assert kind_info("meet").root_code == "04" and kind_info("meet").polarity == "cooperative"
    # a visit and hosting one are CAMEO 042/043, verbal cooperation (issue 22, class 6)
    assert kind_info("visit").quad_class == 1 and kind_info("visit").polarity == "cooperative"
    assert kind_info("greet").polarity == "cooperative"
    assert kind_info("tell").polarity == "neutral"
    assert kind_info("sanction").root_code == "16" and kind_info("attack").quad_class == 4
    assert kind_info("ease-sanctions").polarity == "cooperative"


def test_lexicon_covers_several_hundred_words():
    table = load_table("relations")
    entries = sum(len(v.get(key, [])) for v in table.values() if isinstance(v, dict)
                  for key in ("verbs", "nouns", "reverse", "object_verbs"))
    assert entries >= 400
    lex = lexicon()
    assert {"warn", "threaten", "expel", "arrest", "sign", "call"} <= set(lex.verbs)
    assert any(f.needs == "ties" and f.kind == "restore-ties" for f in lex.verbs["restore"])


def test_docstring_examples_run():
    assert doctest.testmod(graph.core.cameo).failed == 0
