"""Memory at ingest: peak RSS of ``relgraph``'s ingest for growing inputs, each run in a fresh
child process (its own peak from ``/proc``'s ``VmHWM``, and its worker processes' from
``resource.getrusage`` when ``--jobs`` > 1), against a same-run baseline of 1,000 articles.

Inputs (synthetic, invented names): a JSON Lines file of N short articles (three sentences,
two or three actors each) for every N of ``--articles``, and one plain-text article of each
size in ``--text-mb`` MB (parsed in pieces and stored in parts,
:mod:`graph.extraction.chunks`); for a text, what is reported beside the peak is the peak's
growth over the child's RSS before ingest (the model and tables loaded), per MB of text.

``--model ruler`` (the default) is a blank English pipeline with a sentencizer and an entity
ruler that finds the synthetic cast: no tagger or parser, so 100,000 articles take minutes,
not hours, and what is measured is relgraph's memory per article (reading, planning, writing),
the model's being constant; any installed model can be named instead (``--model
en_core_web_sm``) for smaller inputs. ``--code DIR`` runs the children on another checkout
(e.g. ``git archive`` of an older commit); ``--against DIR`` measures every input with that
checkout first, then this one, alternating, for a before/after in the same run.

``--read-only`` measures the reading stage alone (the readers: decoding, normalising, the
publication date, cleaning; no model, no store): its CPU seconds and its peak's growth over the
child's RSS before reading, per input.

Usage: python bench/ingest_memory.py [--articles 1000,10000,100000] [--text-mb 1,5,30]
       [--model ruler] [--jobs 1] [--code DIR] [--against DIR] [--read-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the children of --code run that checkout's relgraph: these imports resolve there
sys.path.insert(0, os.environ.get("RELGRAPH_BENCH_CODE", str(ROOT)))

from graph.extraction import chunks  # noqa: E402
from graph.extraction.article import preload_tables  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.readers.articles import Article, read_paths  # noqa: E402
from graph.store.store import Store  # noqa: E402

GIVEN = ["Ilse", "Tomas", "Maren", "Oskar", "Lena", "Piet", "Anouk", "Bram", "Sanne", "Joris"]
FAMILY = ["Varga", "Brandt", "Holm", "Kessler", "Dahl", "Moreau", "Novak", "Falk", "Lund", "Roth"]
PLACES = ["Oslo", "Tallinn", "Porto", "Ghent", "Turku", "Bergen"]
CAST = [f"{g} {f}" for g in GIVEN for f in FAMILY]


WORDS = ("trade", "fishing", "border", "grain", "energy", "rail", "customs", "ports",
         "pensions", "water")


def article_text(rng: random.Random, i: int) -> str:
    """Eight sentences, two invented actors each, from a fixed vocabulary: no token is new
    after the first articles, so spaCy's vocabulary (which grows with every new string) stays
    the same size and what grows, if anything, is relgraph's."""
    out = []
    for _ in range(8):
        a, b = rng.sample(CAST, 2)
        out.append(f"Minister {a} met envoy {b} in {rng.choice(PLACES)} to talk about "
                   f"{rng.choice(WORDS)} and {rng.choice(WORDS)}.")
    return " ".join(out)


def write_jsonl(path: Path, n: int) -> Path:
    rng = random.Random(n)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
            f.write(json.dumps({"id": f"m{i}", "date": day, "text": article_text(rng, i)}) + "\n")
    return path


def write_text(path: Path, mb: float) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        size, i = 0, 0
        while size < mb * 1_000_000:
            para = article_text(rng, i) + "\n\n"
            f.write(para)
            size += len(para)
            i += 1
    return path


def ruler_model(out: Path) -> Path:
    """A blank English pipeline with a sentencizer and an entity ruler for the cast."""
    import spacy  # the bench's own model, built once per run

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": name} for name in CAST]
                       + [{"label": "GPE", "pattern": p} for p in PLACES])
    nlp.to_disk(out)
    return out


def child(path: str, db: str, model: str, jobs: int, part: int = 0) -> None:
    """Ingest ``path`` into ``db`` and print the peak RSS (MB) as JSON; ``part`` (if not 0)
    is the longest text stored as one article (:data:`graph.extraction.chunks.PART`)."""
    if part:
        chunks.PART = part  # type: ignore[attr-defined]  # (a checkout from before parts)
    load(model)
    preload_tables()
    before = _rss_now()
    started = time.perf_counter()
    summary = ingest([path], Store(db), model=model, jobs=jobs, progress=False)
    # the peak of this process's own memory: getrusage's ru_maxrss is kept across exec, so a
    # child started from a large process (a test run with a model loaded) reports its parent's
    me = _rss_now("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"rss_mb": round(me, 1), "workers_rss_mb": round(kids, 1),
                      "before_mb": round(before, 1),
                      "new": summary.new, "failed": summary.failed,
                      "seconds": round(time.perf_counter() - started, 2)}))


def read_child(path: str) -> None:
    """Read ``path`` with the readers only; print the CPU seconds, the peak RSS and its growth
    over the RSS before reading (MB) as JSON."""
    before = _rss_now()
    started, cpu = time.perf_counter(), time.process_time()
    articles = chars = 0
    for item in read_paths([path]):
        if isinstance(item, Article):
            articles, chars = articles + 1, chars + len(item.text)
    print(json.dumps({"rss_mb": round(_rss_now("VmHWM"), 1), "before_mb": round(before, 1),
                      "workers_rss_mb": 0.0,
                      "new": articles, "chars": chars, "failed": 0,
                      "cpu_seconds": round(time.process_time() - cpu, 2),
                      "seconds": round(time.perf_counter() - started, 2)}))


def _rss_now(field: str = "VmRSS") -> float:
    """This process's resident set now (MB; ``VmHWM``: its peak), from ``/proc`` (Linux)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(path: Path, model: str, jobs: int, code: Path, tmp: Path,
            read_only: bool = False) -> dict:
    db = tmp / f"{path.stem}-{time.monotonic_ns()}.db"
    env = {**os.environ, "PYTHONPATH": str(code), "RELGRAPH_BENCH_CODE": str(code)}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(path),
                           "--db", str(db), "--model", model, "--jobs", str(jobs)]
                          + ["--read-only"] * read_only,
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default="1000,10000,100000")
    ap.add_argument("--text-mb", default="30")
    ap.add_argument("--model", default="ruler")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--against", type=Path)
    ap.add_argument("--child")
    ap.add_argument("--db")
    ap.add_argument("--part", type=int, default=0)
    ap.add_argument("--read-only", action="store_true")
    args = ap.parse_args()
    if args.child:
        if args.read_only:
            read_child(args.child)
        else:
            child(args.child, args.db, args.model, args.jobs, args.part)
        return
    with tempfile.TemporaryDirectory(prefix="relgraph-mem-") as name:
        tmp = Path(name)
        model = str(ruler_model(tmp / "ruler")) if args.model == "ruler" and not args.read_only \
            else args.model
        sizes = [int(n) for n in args.articles.split(",") if n]
        print(f"model {args.model}, jobs {args.jobs}, code {args.code}")
        base = None
        for n in sizes:
            got = measure(write_jsonl(tmp / f"a{n}.jsonl", n), model, args.jobs, args.code, tmp,
                          args.read_only)
            base = base or got["rss_mb"]
            print(f"{n:>9,} articles (JSONL {(tmp / f'a{n}.jsonl').stat().st_size / 1e6:6.1f} MB)"
                  f": peak RSS {got['rss_mb']:7.1f} MB ({got['rss_mb'] / base:.2f}x), workers "
                  f"{got['workers_rss_mb']:.1f} MB, {got['new']:,} stored, {got['seconds']} s",
                  flush=True)
        codes = [("before", args.against), ("after", args.code)] if args.against \
            else [("", args.code)]
        for mb in [float(x) for x in args.text_mb.split(",") if x]:
            text = write_text(tmp / f"long{mb:g}.txt", mb)
            for label, code in codes:
                got = measure(text, model, args.jobs, code, tmp, args.read_only)
                grown = got["rss_mb"] - got["before_mb"]
                if args.read_only:
                    print(f"read one {mb:g} MB text {label:6}: CPU {got['cpu_seconds']:6.2f} s "
                          f"(wall {got['seconds']} s), peak RSS {got['rss_mb']:6.1f} MB, "
                          f"{grown:6.1f} MB over the RSS before reading ({grown / mb:4.1f} MB "
                          "per MB of text)", flush=True)
                    continue
                print(f"one {mb:g} MB text {label:6}: peak RSS {got['rss_mb']:7.1f} MB, "
                      f"{grown:7.1f} MB over the loaded model ({grown / mb:5.1f} MB per MB of "
                      f"text), {got['new']} stored, {got['seconds']} s", flush=True)


if __name__ == "__main__":
    main()
