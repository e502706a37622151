"""How much text needs the parser, and what parsing only that saves (one process).

For each corpus (the seeds in ``../shared/seeds``, GUM's development part, the synthetic ingest
articles of ``bench/ingest.py``), prints the share of sentences (pass 1's sentences: ``senter``
and paragraph breaks) and of tokens that a selection rule of :mod:`graph.extraction.partial`
parses (runs of sentences with at least 1, the default, or 2 candidate actor mentions, with one
neighbouring sentence either side), and the time of:

* the full pipeline (``nlp.pipe``), the baseline;
* pass 1 alone (tokenizer, ``senter``, paragraph breaks, NER): the limit of the design;
* pass 1 plus pass 2 on the selected sentences (:func:`graph.extraction.partial.parse`), for
  each rule.

Times are the best of ``--repeat`` runs, as ratios against the full pipeline of the same run.

Usage: python bench/parse_share.py [--articles 84] [--repeat 2] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import gum  # noqa: E402
from bench.ingest import build_corpus  # noqa: E402
from graph.extraction import partial  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.readers.articles import read_paths  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def corpora(n: int) -> dict[str, list[str]]:
    """Texts of each corpus: seeds, GUM development part (never the held-out part), synthetic."""
    out = {"seeds": [a.text for a in read_paths([SEEDS]) if hasattr(a, "text")]}
    rows = [json.loads(line) for line in
            (gum.DEFAULT_GUM / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    dev = set(gum.split([r["id"] for r in rows])["dev"])
    out["GUM dev"] = [r["text"] for r in rows if r["id"] in dev]
    with tempfile.TemporaryDirectory() as tmp:
        path = build_corpus(n, Path(tmp))
        out["synthetic"] = [a.text for a in read_paths([path]) if hasattr(a, "text")]
    return out


def shares(nlp, texts: list[str]) -> dict[int, tuple[int, float, float]]:  # noqa: ANN001
    """Per rule (minimum candidate mentions 1 or 2): pass 1's sentences, and the share of
    sentences and of tokens the rule parses (runs with their neighbours included)."""
    docs = list(partial.pass_one(nlp, texts))
    out = {}
    for k in (1, 2):
        partial.MIN_CANDIDATES = k
        sents = sum(1 for d in docs for _ in d.sents)
        runs = [r for d in docs for r in partial.selected_runs(d)]
        out[k] = (sents, sum(1 for r in runs for _ in r.sents) / sents,
                  sum(len(r) for r in runs) / sum(len(d) for d in docs))
    partial.MIN_CANDIDATES = 1
    return out


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=84, help="synthetic articles")
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--model")
    args = p.parse_args()
    nlp = load(args.model)
    print(f"model {nlp.meta.get('relgraph_model')}; one process; best of {args.repeat}")
    print("parsed: share of pass 1's sentences (tokens) in the runs parsed by each rule")
    print(f"{'corpus':<10}{'sents':>7}{'parsed >=1':>14}{'parsed >=2':>14}{'full s':>8}"
          f"{'pass1':>7}{'2p >=1':>8}{'2p >=2':>8}   (times as ratios: full / run)")
    for name, texts in corpora(args.articles).items():
        share = shares(nlp, texts)
        full = best(lambda texts=texts: list(nlp.pipe(texts, batch_size=8)), args.repeat)
        one = best(lambda texts=texts: list(partial.pass_one(nlp, texts)), args.repeat)
        two = {}
        for k in (1, 2):
            partial.MIN_CANDIDATES = k
            two[k] = best(lambda texts=texts: list(partial.parse(nlp, texts)), args.repeat)
        partial.MIN_CANDIDATES = 1
        one_, two_ = share[1], share[2]
        print(f"{name:<10}{one_[0]:>7}{one_[1]:>7.0%} ({one_[2]:.0%}){two_[1]:>7.0%} "
              f"({two_[2]:.0%}){full:>8.2f}"
              f"{full / one:>7.2f}{full / two[1]:>8.2f}{full / two[2]:>8.2f}")


if __name__ == "__main__":
    main()
