"""What event dating costs per article, against the parse and extraction it rides on.

Whole-ingest timings on a shared machine vary by more than the few percent at stake (two runs
of ``bench/ingest.py`` on one tree differed by 2x here), so this measures the step itself, in
one process, as CPU time (``time.process_time``, which other processes' load does not
inflate): the corpus of ``bench/ingest.py`` (seeds rotated under new ids) is parsed once
(timed: the baseline), then :func:`graph.extraction.article.extract` (dating included) and
:func:`graph.relations.dating.date_relations` alone over the same docs' typed relations run
in alternating rounds, the best round of each kept. Extraction without dating is the
difference.

Usage: python bench/dating_cost.py [--articles 200] [--rounds 5] [--model NAME]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import build_corpus  # noqa: E402
from graph.extraction import article as step  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.mentions.find import find_mentions  # noqa: E402
from graph.readers.articles import read_paths  # noqa: E402
from graph.relations.dating import date_relations  # noqa: E402
from graph.relations.find import typed_relations  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--model")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(args.articles, Path(tmp))
        articles = [a for a in read_paths([corpus]) if hasattr(a, "text")]
    nlp = load(args.model)
    t0 = time.process_time()
    docs = list(nlp.pipe(a.text for a in articles))
    parse = time.process_time() - t0
    typed = []
    for d in docs:
        spans, _ = find_mentions(d)
        typed.append(typed_relations(d, spans))
    extract = dating = float("inf")
    for _ in range(args.rounds):
        t0 = time.process_time()
        for a, d in zip(articles, docs, strict=True):
            step.extract(a, d)
        extract = min(extract, time.process_time() - t0)
        t0 = time.process_time()
        out = [date_relations(d, rels, a.date)
               for a, d, rels in zip(articles, docs, typed, strict=True)]
        dating = min(dating, time.process_time() - t0)
    rels = [r for x in out for r in x]
    words = sum(a.words for a in articles)
    print(f"corpus: {len(articles)} articles, {words:,} words; {len(rels)} typed relations, "
          f"{sum(r.when is not None for r in rels)} dated")
    print(f"{'step (CPU seconds, one process)':<40}{'seconds':>9}{'of parse+extract':>18}")
    base = parse + extract - dating
    for label, seconds in (("parse (nlp.pipe, baseline)", parse),
                           ("extract without dating", extract - dating),
                           ("event dating", dating)):
        print(f"{label:<40}{seconds:>9.3f}{seconds / base:>18.2%}")


if __name__ == "__main__":
    main()
