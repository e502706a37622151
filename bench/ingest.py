"""Ingest speed: relgraph's words/second next to raw ``nlp.pipe`` on the same texts.

Builds a corpus of N articles from the seeds (each seed repeated under new ids, with the
paragraphs rotated so no two texts are identical), then in one run measures:

1. baseline: ``nlp.pipe(texts, n_process=jobs)`` with the same model, consuming every Doc;
   and the same with NER alone (the other components disabled): the limit of parsing only
   what needs parsing (:mod:`graph.extraction.partial`), whose ratios are the last column;
2. relgraph: ``ingest`` into a fresh SQLite store with ``jobs`` worker processes (reading,
   cleaning, parsing, extraction, storage and resolution included);
3. the same on Dask: ``ingest --dask local`` with ``jobs`` workers and with one (scaling),
   cluster start-up included;
4. re-ingest of the unchanged corpus (should do no NLP at all), as the whole ``relgraph
   ingest`` command (a new process: start-up included) and in-process;
5. with ``--commands``: cold runs as whole commands in new processes (Python start-up, imports
   and model load included), the baseline too (a script loading the model and running
   ``nlp.pipe``), so the ratios there compare like with like.

Usage: python bench/ingest.py [--articles 200] [--jobs 2] [--model NAME] [--no-dask]
       [--commands]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extraction.nlp import load  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.readers.articles import read_paths  # noqa: E402
from graph.store.store import Store  # noqa: E402


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
    p.add_argument("--no-dask", action="store_true")
    p.add_argument("--commands", action="store_true",
                   help="also time cold whole commands (new processes, model load included)")
    args = p.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(args.articles, Path(tmp))
        texts = [a.text for a in read_paths([corpus]) if hasattr(a, "text")]
        words = sum(len(t.split()) for t in texts)
        nlp = load(args.model)
        name = nlp.meta.get("relgraph_model", "?")

        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.jobs, batch_size=8):
            pass
        raw = time.perf_counter() - t0
        rows.append((f"raw nlp.pipe(n_process={args.jobs}) (baseline)", raw))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.jobs, batch_size=8,
                          disable=[n for n in nlp.pipe_names if n != "ner"]):
            pass
        ner_only = time.perf_counter() - t0
        rows.append((f"raw nlp.pipe(n_process={args.jobs}), NER only (limit)", ner_only))

        def run(label: str, db: str, **options) -> tuple:  # noqa: ANN003
            store = Store(Path(tmp) / db)
            t0 = time.perf_counter()
            summary = ingest([corpus], store, model=args.model, progress=False, **options)
            seconds = time.perf_counter() - t0
            assert summary.failed == 0, summary.errors
            rows.append((label, seconds))
            return store, seconds

        store, ours = run(f"relgraph ingest --jobs {args.jobs}", "a.db", jobs=args.jobs)
        if not args.no_dask:
            run(f"relgraph ingest --dask local --jobs {args.jobs}", "b.db", jobs=args.jobs,
                dask="local")
            run("relgraph ingest --dask local --jobs 1", "c.db", jobs=1, dask="local")
        t0 = time.perf_counter()
        again = ingest([corpus], store, model=args.model, progress=False)
        in_process = time.perf_counter() - t0
        assert again.unchanged == args.articles
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph.cli", "ingest", str(corpus), "--db",
                        str(Path(tmp) / "a.db"), "-q"], check=True, cwd=ROOT)
        command = time.perf_counter() - t0
        cold = _commands(corpus, Path(tmp), args) if args.commands else []

    print(f"corpus: {args.articles} articles, {words:,} words; model {name}")
    print(f"{'run':<50}{'seconds':>9}{'words/s':>10}{'ratio':>8}{'vs NER':>8}")
    for label, seconds in rows:
        print(f"{label:<50}{seconds:>9.2f}{words / seconds:>10,.0f}{raw / seconds:>8.2f}"
              f"{ner_only / seconds:>8.2f}")
    print(f"{'re-ingest unchanged, whole command':<50}{command:>9.2f}{'-':>10}"
          f"{command / ours:>8.3f}  (of the first ingest)")
    print(f"{'re-ingest unchanged, in process':<50}{in_process:>9.2f}{'-':>10}"
          f"{in_process / ours:>8.3f}  (of the first ingest)")
    if cold:
        print("cold whole commands (new process: start-up, imports, model load included):")
        for label, seconds in cold:
            print(f"{label:<50}{seconds:>9.2f}{words / seconds:>10,.0f}"
                  f"{cold[0][1] / seconds:>8.2f}")


def _commands(corpus: Path, tmp: Path, args: argparse.Namespace) -> list[tuple[str, float]]:
    """Each run in a new process, the raw baseline first."""
    model = ["--model", args.model] if args.model else []
    raw = (f"import json, sys; sys.path.insert(0, {str(ROOT)!r})\n"
           "from graph.extraction.nlp import load\n"
           f"texts = [json.loads(line)['text'] for line in open({str(corpus)!r})]\n"
           f"for _ in load({args.model!r}).pipe(texts, n_process={args.jobs}, batch_size=8):\n"
           "    pass\n")
    runs = [(f"raw nlp.pipe(n_process={args.jobs}) script", [sys.executable, "-c", raw])]
    cli = [sys.executable, "-m", "graph.cli", "ingest", str(corpus), "-q", *model]
    runs.append((f"relgraph ingest --jobs {args.jobs}", [*cli, "--jobs", str(args.jobs)]))
    if not args.no_dask:
        runs.append((f"relgraph ingest --dask local --jobs {args.jobs}",
                     [*cli, "--dask", "local", "--jobs", str(args.jobs)]))
    out = []
    for i, (label, command) in enumerate(runs):
        if label.startswith("relgraph"):
            command = [*command, "--db", str(tmp / f"cold{i}.db")]
        t0 = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT)
        out.append((label, time.perf_counter() - t0))
    return out


if __name__ == "__main__":
    main()
