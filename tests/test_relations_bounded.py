"""Walks up the parse tree end on every parse (a regression: one looped forever)."""

import signal

import pytest

from graph.core.model import Article
from graph.extraction.article import extract_article

pytestmark = pytest.mark.slow  # parses its text with the spaCy model


@pytest.fixture
def deadline():
    def stop(*_):
        raise TimeoutError("extraction did not finish")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("text", [
    "Prior to joining the organization he had amateur coaching experience.",
    "Before moving to the company she had long worked in banking.",
])
def test_extraction_ends_when_a_preposition_hangs_off_the_root(nlp, deadline, text):
    extract_article(Article(id="x", text=text), nlp)
