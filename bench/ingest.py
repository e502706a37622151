"""Ingest speed: relgraph's words/second next to raw ``nlp.pipe`` on the same texts.

Builds a corpus of N articles from the seeds (each seed repeated under new ids, with the
paragraphs rotated so no two texts are identical), then in one run measures:

1. baseline: ``nlp.pipe(texts, n_process=jobs)`` with the same model, consuming every Doc;
2. relgraph: ``ingest`` into a fresh SQLite store with ``jobs`` workers (reading, cleaning,
   parsing, extraction, storage and resolution included);
3. re-ingest of the unchanged corpus (should do no NLP at all).

Usage: python bench/ingest.py [--articles 200] [--jobs 2] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.articles import read_paths  # noqa: E402
from graph.ingest import ingest  # noqa: E402
from graph.nlp import load  # noqa: E402
from graph.store import Store  # noqa: E402


def build_corpus(n: int, out: Path) -> Path:
    seeds = [a for a in read_paths([ROOT / "seeds"]) if hasattr(a, "text")]
    path = out / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a = seeds[i % len(seeds)]
            paras = a.text.split("\n\n")
            k = (i // len(seeds)) % max(len(paras), 1)
            text = "\n\n".join(paras[k:] + paras[:k])
            f.write(json.dumps({"id": f"{a.id}-{i}", "title": a.title, "source": a.source,
                                "date": a.date.isoformat() if a.date else None,
                                "text": text}) + "\n")
    return path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--model")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(args.articles, Path(tmp))
        texts = [a.text for a in read_paths([corpus])]
        words = sum(len(t.split()) for t in texts)
        nlp = load(args.model)
        name = nlp.meta.get("relgraph_model", "?")

        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.jobs, batch_size=8):
            pass
        raw = time.perf_counter() - t0

        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        first = ingest([corpus], store, model=args.model, jobs=args.jobs, progress=False)
        ours = time.perf_counter() - t0

        t0 = time.perf_counter()
        again = ingest([corpus], store, model=args.model, jobs=args.jobs, progress=False)
        re_time = time.perf_counter() - t0
    assert first.failed == 0 and again.unchanged == args.articles

    print(f"corpus: {args.articles} articles, {words:,} words; model {name}; "
          f"jobs {args.jobs}")
    print(f"{'run':<28}{'seconds':>9}{'words/s':>10}{'ratio':>8}")
    print(f"{'raw nlp.pipe (baseline)':<28}{raw:>9.2f}{words / raw:>10,.0f}{1:>8.2f}")
    print(f"{'relgraph ingest':<28}{ours:>9.2f}{words / ours:>10,.0f}{raw / ours:>8.2f}")
    print(f"{'relgraph re-ingest':<28}{re_time:>9.2f}{'-':>10}"
          f"{re_time / ours:>8.3f}  (of first ingest time)")


if __name__ == "__main__":
    main()
