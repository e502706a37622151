"""Extraction quality on GUM (real, human-annotated text), relgraph beside a spaCy baseline.

GUM's documents (``articles.jsonl`` in the GUM development copy, by default
``../shared/devsets/gum`` next to the repository) are split once and for all: sort the document
ids; the document at sorted index ``i`` is **held out** when ``i % 5 == 4`` (every fifth, across
genres), the rest is the **development** part. Rules are developed on the development part
only; the held-out part is scored as a summary, never with an error list.

Per part, the documents are ingested through the real pipeline (``graph.pipeline.driver.ingest``,
``jobs`` workers) into a temporary SQLite store, exported as node-link JSON corpus-wide and per
article in-process (``graph.slices.build.build_graph`` + ``graph.views.exports.to_bytes``, what
``relgraph
export -f json [--article ID]`` writes), and scored with GUM's own ``score_gum.py``; the
``baseline_spacy.py`` that comes with it is run and scored in the same run.

Usage: python bench/gum.py [--gum DIR] [--gum-part dev|heldout|all] [--details FILE]
(``bench/quality.py`` calls :func:`run` with the same options.)
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from graph.core.model import GraphSlice
from graph.pipeline.driver import ingest
from graph.slices.build import build_graph
from graph.store.store import Store
from graph.views.exports import to_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_GUM = ROOT.parent / "shared" / "devsets" / "gum"
PARTS = ("dev", "heldout")


def split(ids: list[str]) -> dict[str, list[str]]:
    """The fixed development / held-out split: sorted index ``i % 5 == 4`` is held out."""
    out: dict[str, list[str]] = {"dev": [], "heldout": []}
    for i, doc in enumerate(sorted(ids)):
        out["heldout" if i % 5 == 4 else "dev"].append(doc)
    return out


def _module(gum: Path, name: str) -> ModuleType:
    """Import one of GUM's scripts (``score_gum``, ``baseline_spacy``) from ``gum``."""
    spec = importlib.util.spec_from_file_location(f"gum_{name}", gum / f"{name}.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{gum / f'{name}.py'}: not found")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class PartResult:
    part: str
    documents: int
    seconds: float  # ingest time
    relgraph: dict
    baseline: dict


def _export(store, articles: tuple[str, ...], path: Path) -> None:  # noqa: ANN001

    G = build_graph(store, GraphSlice(articles=articles), evidence=True)
    path.write_bytes(to_bytes(G, "json"))


def score_part(gum: Path, part: str, ids: list[str], *, jobs: int = 2,
               model: str | None = None, details: Path | None = None,
               tmp: Path | None = None) -> PartResult:
    """Ingest the documents ``ids`` of GUM, export, score relgraph and the baseline.

    ``details`` (the scorer's error analysis) is written for the development part only.
    """

    if details is not None and part != "dev":
        raise ValueError("details are written for the development part only")
    scorer = _module(gum, "score_gum")
    baseline = _module(gum, "baseline_spacy")
    gold = json.loads((gum / "gold.json").read_text(encoding="utf-8"))
    wanted = set(ids)
    with contextlib.ExitStack() as stack:
        work = tmp or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gum-")))
        work.mkdir(parents=True, exist_ok=True)
        src = work / f"{part}.jsonl"
        with (gum / "articles.jsonl").open(encoding="utf-8") as f, src.open("w") as g:
            for line in f:
                if line.strip() and json.loads(line)["id"] in wanted:
                    g.write(line)
        db = work / f"{part}.db"
        db.unlink(missing_ok=True)
        store = Store(db)
        started = time.perf_counter()
        summary = ingest([src], store, model=model, jobs=jobs, progress=False,
                         on_note=lambda _line: None)
        seconds = time.perf_counter() - started
        if summary.failed:
            raise SystemExit(f"GUM {part}: ingest failed: {summary.errors}")
        corpus = work / f"{part}.json"
        _export(store, (), corpus)
        per_article = work / f"{part}_articles"
        per_article.mkdir(exist_ok=True)
        for doc in ids:
            _export(store, (doc,), per_article / f"{doc}.json")
        ours, errors = scorer.score(str(corpus), gold, wanted, None, str(per_article))
        if details is not None:
            scorer.write_details(details, f"relgraph, GUM {part}", ours, errors)
        base_path = work / f"{part}_baseline.json"
        argv = ["--articles", str(src), "-o", str(base_path)]
        with contextlib.redirect_stdout(io.StringIO()):
            baseline.main(argv)
        base, _ = scorer.score(str(base_path), gold, wanted, None, None)
    return PartResult(part, len(ids), seconds, ours, base)


def _rows(r: dict) -> list[tuple[str, str]]:
    def f(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    rc, po, ta = r["recall"], r["person_org"], r["type_accuracy"]
    w, x = r["within_document"], r["cross_document"]
    return [
        ("recall person / org / place",
         f"{f(rc['person'])} / {f(rc['organization'])} / {f(rc['place'])}"),
        ("person+org precision", f(po["precision"])),
        ("person+org recall", f(po["recall"])),
        ("person+org F1", f(po["f1"])),
        ("type accuracy strict / lenient", f"{f(ta['strict'])} / {f(ta['lenient'])}"),
        ("multi-name units on one node",
         f"{w['merged']}/{w['multi_name_units']} = {f(w['merge_rate'])}"),
        ("wrong-merge nodes (demonym)",
         f"{w['wrong_merge_nodes']} ({w['wrong_merge_nodes_demonym']})"),
        ("cross-doc B-cubed F1", f(x["bcubed"]["f1"])),
        ("multi-doc B-cubed F1 (P / R)",
         f"{f(x['bcubed_multi_doc']['f1'])} ({f(x['bcubed_multi_doc']['precision'])} / "
         f"{f(x['bcubed_multi_doc']['recall'])})"),
    ]


def report(res: PartResult) -> str:
    """The part's figures, relgraph beside the baseline, as printable lines."""
    name = {"dev": "development", "heldout": "HELD-OUT"}[res.part]
    lines = [f"GUM {name} part: {res.documents} documents, "
             f"{res.relgraph['gold_units']['all']} gold actors (ingest {res.seconds:.1f} s)",
             f"{'metric':<32}{'baseline':>26}{'relgraph':>26}"]
    for (label, base), (_, ours) in zip(_rows(res.baseline), _rows(res.relgraph), strict=True):
        lines.append(f"{label:<32}{base:>26}{ours:>26}")
    return "\n".join(lines)


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gum", type=Path, default=DEFAULT_GUM,
                   help=f"GUM development copy (default {DEFAULT_GUM})")
    p.add_argument("--gum-part", choices=("dev", "heldout", "all", "none"), default="all",
                   help="which GUM part to score (default all: dev and held-out, as summaries)")
    p.add_argument("--gum-details", type=Path, metavar="FILE",
                   help="write the scorer's error analysis of the GUM development part here")
    p.add_argument("--gum-tmp", type=Path, metavar="DIR",
                   help="keep the development part's store and exports here (default: a temporary "
                   "directory; the held-out part always uses one)")
    p.add_argument("--jobs", type=int, default=2, help="ingest workers for GUM (default 2)")


def run(args: argparse.Namespace, model: str | None = None) -> list[PartResult]:
    """Score the parts ``args.gum_part`` asks for and print them."""
    if args.gum_part == "none":
        return []
    if not (args.gum / "articles.jsonl").exists():
        print(f"GUM: {args.gum / 'articles.jsonl'} not found; GUM figures skipped",
              file=sys.stderr)
        return []
    if args.gum_details and args.gum_part == "heldout":
        raise SystemExit("--gum-details is for the development part only")
    with (args.gum / "articles.jsonl").open(encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    parts = split(ids)
    out = []
    for part in PARTS if args.gum_part == "all" else (args.gum_part,):
        res = score_part(args.gum, part, parts[part], jobs=args.jobs, model=model,
                         details=args.gum_details if part == "dev" else None,
                         tmp=args.gum_tmp / part if args.gum_tmp and part == "dev" else None)
        print(report(res))
        print()
        out.append(res)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_options(p)
    p.add_argument("--model")
    args = p.parse_args()
    run(args, args.model)


if __name__ == "__main__":
    main()
