"""Parse only what needs parsing: NER over all text, the parser only where extraction reads it.

The full ``en_core_web_sm`` pipeline costs about twice its NER alone: the tagger, parser,
attribute ruler and lemmatizer (with their shared ``tok2vec``) are the other half. Extraction
reads their output only around candidate actor mentions, so ingest parses in two passes:

1. every text through the tokenizer, the model's ``senter`` (its own small ``tok2vec``), the
   paragraph-break component and NER: sentences and entities everywhere;
2. the runs of sentences that need it (:func:`selected_runs`: a candidate mention, or next to
   one), each run as a Doc of its own, through the full pipeline's other components (tagger,
   paragraph breaks, parser, attribute ruler, lemmatizer) as one batched ``pipe``; their tags,
   parts of speech, morphology, lemmas, dependencies and sentence boundaries are copied back
   into the article's Doc. Where the parser moved a boundary of pass 1, NER is run again on
   that sentence (the model's NER never crosses a boundary), so the entities stay the full
   pipeline's.

The result is one Doc per article: inside the runs exactly what the full pipeline gives the
run's words; outside them pass 1's sentences and entities with empty tags, lemmas and
dependencies. :func:`graph.extraction.article.extract` runs on it unchanged. A model without
``senter``, NER or a parser, or one whose NER listens to a shared ``tok2vec``, falls back to
the full pipeline (:func:`two_pass_ready`).

The two passes are opt-in (``RELGRAPH_TWO_PASS=1``): measured on news (``bench/parse_share.py``),
the sentences extraction reads are 100 % of the seeds and of the synthetic ingest articles and
92 % of GUM, because mention repair reads parts of speech around every candidate and typing
reads dependencies; two passes then cost pass 1 on top of the full parse. They pay off only on
text where most sentences name no one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.types import Ints2d

from graph.mentions.spans import ENTITY_TYPES

__all__ = ["TWO_PASS_ENV", "CONTEXT", "MIN_CANDIDATES", "PASS_ONE", "PASS_TWO", "candidates",
           "needs_parse", "parse", "pass_one", "selected_runs", "two_pass_ready"]

#: Set to ``1`` to parse in two passes (the default is the whole pipeline on every sentence).
TWO_PASS_ENV = "RELGRAPH_TWO_PASS"
#: Components of pass 1, in order (the paragraph-break component is relgraph's own).
PASS_ONE = ("senter", "relgraph_paragraphs", "ner")
#: Components of pass 2, in pipeline order; the ones the model has are run.
PASS_TWO = ("tok2vec", "tagger", "morphologizer", "relgraph_paragraphs", "parser",
            "attribute_ruler", "lemmatizer")
#: Sentences per batch of pass 2 (short Docs; spaCy's own default is 1000 texts).
SENTENCE_BATCH = 256
#: Sentences with fewer candidate mentions are not parsed (measured: ``bench/parse_share.py``).
MIN_CANDIDATES = 1
#: Sentences parsed either side of one that needs parsing (see :func:`selected_runs`).
CONTEXT = 1
_ATTRS: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP"]


def two_pass_ready(nlp: Language) -> bool:
    """Whether ``nlp`` can run the two-pass design: it has ``senter`` (enabled or not), NER and
    a parser, and ``$RELGRAPH_TWO_PASS`` asks for it."""
    if os.environ.get(TWO_PASS_ENV, "").strip() in ("", "0"):
        return False
    names = set(nlp.component_names)
    return ({"senter", "ner", "parser", "relgraph_paragraphs"} <= names
            and not any(n not in (*PASS_ONE, *PASS_TWO) for n in nlp.pipe_names)
            and not any(_listens(nlp, n) for n in ("senter", "ner")))


def _listens(nlp: Language, name: str) -> bool:
    """Whether component ``name`` reads a shared ``tok2vec`` (then pass 1 would need it)."""
    tok2vec = nlp.config["components"][name].get("model", {}).get("tok2vec", {})
    return "Listener" in str(tok2vec.get("@architectures", ""))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 8) -> Iterator[Doc]:
    """One Doc per text: two passes when the model allows (:func:`two_pass_ready`), else the
    full pipeline. Texts are consumed ``batch_size`` at a time."""
    if not two_pass_ready(nlp):
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _two_pass(nlp, batch)
            batch = []
    if batch:
        yield from _two_pass(nlp, batch)


def pass_one(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Tokens, sentences and entities of every text (pass 1 alone)."""
    docs: Iterable[Doc] = (nlp.make_doc(t) for t in texts)
    for name in PASS_ONE:
        docs = _run(nlp.get_pipe(name), docs)
    return iter(docs)


def needs_parse(sent: Span) -> bool:
    """Whether extraction reads the parse of ``sent``: it holds at least ``MIN_CANDIDATES``
    candidate actor mentions (see :func:`candidates`)."""
    return candidates(sent) >= MIN_CANDIDATES


def candidates(sent: Span) -> int:
    """Candidate actor mentions in ``sent``: entities of an actor label, plus runs of words
    outside them that open with a capital letter (names the model missed or tagged as a date:
    "ACPeds", "CFLs", "Avai'o'vuna" too). The first word counts only when it is no stop word
    ("The", "But" open sentences; "Senegal restored ties" is a name)."""
    actors = [ent for ent in sent.ents if ent.label_ in ENTITY_TYPES]
    inside = {i for ent in actors for i in range(ent.start, ent.end)}
    count = len(actors)
    run = False
    for token in sent:
        name_like = (token.i not in inside and token.text[:1].isupper()
                     and not (token.i == sent.start and token.is_stop))
        if name_like and not run:
            count += 1
        run = name_like
    return count


def _two_pass(nlp: Language, texts: list[str]) -> list[Doc]:
    docs = list(pass_one(nlp, texts))
    chosen = [(d, run) for d, doc in enumerate(docs) for run in selected_runs(doc)]
    parsed = _pass_two(nlp, [_run_doc(run) for _, run in chosen])
    by_doc: dict[int, list[tuple[Span, Doc]]] = {}
    for (d, run), rdoc in zip(chosen, parsed, strict=True):
        by_doc.setdefault(d, []).append((run, rdoc))
    moved = [(doc, sent, window) for d, doc in enumerate(docs)
             for sent, window in _moved(doc, _copy_back(doc, by_doc.get(d, [])))]
    if moved:
        _renew_entities(nlp, moved)
    return docs


def selected_runs(doc: Doc) -> list[Span]:
    """Runs of consecutive sentences of ``doc`` to parse: those that need it
    (:func:`needs_parse`) and ``CONTEXT`` sentences either side. A run is parsed as one Doc, so
    the tagger and parser see the neighbouring words they would see in the whole article, and
    a sentence the splitter cut short ("Leopold" | "Kralik was born ...") is parsed whole."""
    sents = list(doc.sents)
    need = [needs_parse(s) for s in sents]
    keep = [any(need[max(i - CONTEXT, 0):i + CONTEXT + 1]) for i in range(len(sents))]
    runs: list[Span] = []
    start = None
    for i, sent in enumerate(sents):
        if keep[i] and start is None:
            start = sent.start
        if start is not None and (i + 1 == len(sents) or not keep[i + 1]):
            runs.append(doc[start:sent.end])
            start = None
    return runs


def _run_doc(run: Span) -> Doc:
    """``run`` as a Doc of its own with the same tokens (the parser sets its sentences, as in
    the full pipeline; the run's edges are boundaries of pass 1)."""
    return Doc(run.doc.vocab, words=[t.text for t in run],
               spaces=[bool(t.whitespace_) for t in run])


def _pass_two(nlp: Language, docs: list[Doc]) -> Iterator[Doc]:
    out: Iterable[Doc] = docs
    for name in nlp.pipe_names:
        if name in PASS_TWO:
            out = _run(nlp.get_pipe(name), out, SENTENCE_BATCH)
    return iter(out)


def _run(component: Callable[[Doc], Doc], docs: Iterable[Doc],
         batch_size: int = 1000) -> Iterable[Doc]:
    """``docs`` through one component: batched when it has ``pipe`` (a plain function
    component, such as the paragraph breaks, has none)."""
    pipe = getattr(component, "pipe", None)
    return pipe(docs, batch_size=batch_size) if pipe else map(component, docs)


def _copy_back(doc: Doc, parsed: list[tuple[Span, Doc]]) -> numpy.ndarray:
    """Write each run's tags, lemmas, dependencies and sentence starts into ``doc`` (pass 1's
    starts elsewhere: setting heads recomputes them, so they are written back after). Returns
    the tokens whose sentence start the parser changed."""
    if not parsed:
        return numpy.zeros(0, dtype="int64")
    first = doc.to_array("SENT_START")
    starts = first.copy().reshape(-1, 1)
    values = numpy.zeros((len(doc), len(_ATTRS)), dtype="uint64")
    for run, rdoc in parsed:
        values[run.start:run.end] = rdoc.to_array(_ATTRS)
        starts[run.start:run.end, 0] = rdoc.to_array("SENT_START")
    doc.from_array(_ATTRS, cast(Ints2d, values))
    doc.from_array(["SENT_START"], cast(Ints2d, starts))
    return numpy.flatnonzero(first != starts[:, 0])


def _moved(doc: Doc, tokens: numpy.ndarray) -> list[tuple[Span, Span]]:
    """``(sentence, window)`` for each sentence of ``doc`` with a start the parser moved (at
    ``tokens``): the window adds one sentence of context either side (more is beyond the NER's
    reach)."""
    if not len(tokens):
        return []
    sents = list(doc.sents)
    index = {s.start: i for i, s in enumerate(sents)}
    core = sorted({index[doc[int(t)].sent.start] for t in tokens}
                  | {index[doc[int(t) - 1].sent.start] for t in tokens if t > 0})
    return [(sents[i], doc[sents[max(i - 1, 0)].start:sents[min(i + 1, len(sents) - 1)].end])
            for i in core]


def _renew_entities(nlp: Language, moved: list[tuple[Doc, Span, Span]]) -> None:
    """NER again where the parser moved a sentence boundary of pass 1, as one batch: the
    model's NER never lets an entity cross a boundary, so the entities there follow the
    boundaries, as in the full pipeline ("Universidad" | "Nacional de Educación ...")."""
    windows = [Doc(doc.vocab, words=[t.text for t in part],
                   spaces=[bool(t.whitespace_) for t in part],
                   sent_starts=[t.is_sent_start or t.i == part.start for t in part])
               for doc, _, part in moved]
    kept: dict[int, tuple[Doc, list[Span | None]]] = {}
    ner = nlp.get_pipe("ner")
    for (doc, sent, part), tagged in zip(moved, _run(ner, windows), strict=True):
        ents = kept.setdefault(id(doc), (doc, list(doc.ents)))[1]
        ents[:] = [e for e in ents if e is not None and (e.end <= sent.start
                                                         or e.start >= sent.end)]
        ents += [doc.char_span(e.start_char + part.start_char, e.end_char + part.start_char,
                               label=e.label_) for e in tagged.ents
                 if e.end + part.start > sent.start and e.start + part.start < sent.end]
    for doc, ents in kept.values():
        doc.ents = filter_spans([e for e in ents if e is not None])
