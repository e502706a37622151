"""Organisations, places and people typed by the words around their names in wire copy
(issue 22, class 4: clubs, firms, stadiums typed as people; people typed as organisations).
Sentences written for the tests, invented names of several naming traditions, through the real
spaCy model (graph/names/actor_types.py, graph/mentions/org_context.py, data/titles.toml)."""

import pytest

from graph.core.model import Article
from graph.extraction.article import extract_article


def _types(nlp, text: str) -> dict[str, str]:  # noqa: ANN001
    ex = extract_article(Article(id="t", text=text), nlp)
    return {m.name: m.type for m in ex.mentions}


@pytest.mark.parametrize(
    "text,name,kind",
    [
        # a club after "club" with its own modifiers; a club's or a stadium's first word
        (
            "Chilean second division club Rodrigo Fuenzalida Vera sacked its coach on Sunday.",
            "Rodrigo Fuenzalida",
            "organisation",
        ),
        (
            "Club Deportivo Hernan Saavedra beat its neighbours 2-0 on Saturday.",
            "Deportivo Hernan Saavedra",
            "organisation",
        ),
        (
            "Fans filled the Estadio Gregorio Pacheco Luna for the final on Saturday.",
            "Estadio Gregorio Pacheco Luna",
            "place",
        ),
        (
            "The festival was held at the Stade Amadou Diallo in Conakry.",
            "Stade Amadou Diallo",
            "place",
        ),
        # company words at the end of the name
        (
            "Nguyen Pharma said it would build a new plant near Da Nang.",
            "Nguyen Pharma",
            "organisation",
        ),
        # people: a role of a named body before the name; no apposition across a verb
        (
            "The head of the National Seismology and Disaster Centre, Purnomo, said the quake "
            "was shallow.",
            "Purnomo",
            "person",
        ),
        (
            "Ibadan Rovers, known locally as the Eagles, sacked coach Femi Adeyemi on Monday.",
            "Femi Adeyemi",
            "person",
        ),
        # a city before "newspaper NAME" is no newspaper
        ("He told the Nairobi newspaper The Daily Beacon that he would stay.", "Nairobi", "place"),
    ],
)
def test_wire_names_typed_by_their_context(nlp, text, name, kind):  # noqa: ANN001
    assert _types(nlp, text).get(name) == kind


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("Kwame Mensah, the company's founder, resigned on Friday.", "Kwame Mensah", "person"),
        ("The Lagos newspaper reported the strike on Monday.", "Lagos", "organisation"),
        ("Femi Adeyemi said on Monday that he would resign.", "Femi Adeyemi", "person"),
        (
            "The minister of finance, Carlos Mendes Pereira, said the budget was balanced.",
            "Carlos Mendes Pereira",
            "person",
        ),
        ("Striker Kofi Boateng Mensah joined Accra Lions in June.", "Accra Lions", "organisation"),
        ("Singer Amara Nwachukwu released a new album on Friday.", "Amara Nwachukwu", "person"),
        (
            "Shares of Tanaka Securities rose after the results on Friday.",
            "Tanaka Securities",
            "organisation",
        ),
    ],
)
def test_what_was_right_stays(nlp, text, name, kind):  # noqa: ANN001
    assert _types(nlp, text).get(name) == kind
