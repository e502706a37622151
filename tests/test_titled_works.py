"""Titles of films, books and albums with a year in brackets are no actors
(graph/mentions/span_context.py ``titled_work``); citations and authors keep their people.
Sentences and names are invented, through the real spaCy model."""

import pytest

from graph.core.model import Article
from graph.extraction.article import extract_article


def _names(nlp, text: str) -> set[str]:
    return {m.name for m in extract_article(Article(id="t", text=text), nlp).mentions}


@pytest.mark.parametrize("text,title", [
    ("His breakthrough role was in the romantic comedy, Chasing Okafor (2004), for which he "
     "won a prize.", "Chasing Okafor"),
    ("Nowak appeared in films like Harbour Lights (2005), Blue Orchard (2006) and Winter "
     "Ferry (2009).", "Winter Ferry"),
    ("She later wrote the novel Mendes Street (1998) about her childhood in Porto.",
     "Mendes Street"),
])
def test_a_titled_work_is_no_actor(nlp, text, title):
    assert title not in _names(nlp, text)


@pytest.mark.parametrize("text,person", [
    ("As Haugen (2005) and Okafor (2011) have shown, players learn quickly.", "Okafor"),
    ("The novel was praised by Adaeze Okafor (2011) in a long review.", "Adaeze Okafor"),
    ("In the film, Ingrid Berg (2004) plays a nurse in Oslo.", "Ingrid Berg"),
])
def test_cited_authors_and_people_stay(nlp, text, person):
    assert person in _names(nlp, text)
