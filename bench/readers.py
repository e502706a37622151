"""Reader speed: how long reading (and, for URLs, fetching) takes per input kind, next to the
NLP parse of the same texts, which is what follows it in ``ingest``.

Builds N articles from the seeds (paragraphs rotated so no two texts are identical) and writes
them as JSON Lines, CSV, plain text, HTML, PDF, Word and e-mail files, and serves the HTML
pages from a local HTTP server (127.0.0.1, no politeness delay). In one run it measures:

1. baseline: ``nlp.pipe(texts)`` (one process) with the default model on the N texts;
2. ``read_paths`` over each kind (decoding, extraction, normalisation, dates, cleaning).

Usage: python bench/readers.py [--articles 200] [--model NAME]
"""

from __future__ import annotations

import argparse
import email.utils
import json
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from documents import make_docx, make_email, make_pdf  # noqa: E402
from local_site import Site  # noqa: E402

from graph.core.model import Article  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.readers.articles import ReadOptions, read_paths  # noqa: E402
from graph.readers.fetcher import Fetcher  # noqa: E402


def corpus(n: int) -> list[dict]:
    seeds = [a for a in read_paths([ROOT / "seeds"]) if isinstance(a, Article)]
    out = []
    for i in range(n):
        a = seeds[i % len(seeds)]
        paras = a.text.split("\n\n")
        k = (i // len(seeds)) % max(len(paras), 1)
        out.append({"id": f"{a.id}-{i}", "title": a.title, "date": "2024-06-03",
                    "text": "\n\n".join(paras[k:] + paras[:k])})
    return out


def latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def write_all(records: list[dict], root: Path, site: Site) -> dict[str, list]:
    kinds = {k: root / k for k in ("jsonl", "csv", "txt", "html", "pdf", "docx", "eml")}
    for d in kinds.values():
        d.mkdir()
    with (kinds["jsonl"] / "c.jsonl").open("w") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    import csv

    with (kinds["csv"] / "c.csv").open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "title", "date", "text"])
        w.writeheader()
        w.writerows(records)
    urls = []
    for r in records:
        paras = r["text"].split("\n\n")
        (kinds["txt"] / f"{r['id']}.txt").write_text(r["text"])
        html = (f"<html><head><title>{r['title']}</title><meta property='article:published_"
                f"time' content='{r['date']}'></head><body><nav><a href='/'>Home</a></nav>"
                "<article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
        (kinds["html"] / f"{r['id']}.html").write_text(html)
        site.html(f"/{r['id']}.html", html.encode())
        urls.append(site.url(f"/{r['id']}.html"))
        lines = [ln for p in paras for ln in textwrap.wrap(p, 90)]
        pages = [lines[i:i + 45] for i in range(0, len(lines), 45)]
        text_pdf = [[latin1(ln) for ln in pg] for pg in pages]
        (kinds["pdf"] / f"{r['id']}.pdf").write_bytes(make_pdf(text_pdf,
                                                               {"Title": latin1(r["title"])}))
        (kinds["docx"] / f"{r['id']}.docx").write_bytes(
            make_docx([("Normal", p) for p in paras], title=r["title"]))
        (kinds["eml"] / f"{r['id']}.eml").write_bytes(make_email(
            subject=r["title"], sender="desk@example.org",
            date=email.utils.format_datetime(email.utils.localtime()), body=r["text"]))
    return {**{k: [v] for k, v in kinds.items()}, "url": urls}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--model")
    args = p.parse_args()
    records = corpus(args.articles)
    words = sum(len(r["text"].split()) for r in records)
    site = Site().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            inputs = write_all(records, Path(tmp), site)
            nlp = load(args.model)
            t0 = time.perf_counter()
            for _ in nlp.pipe((r["text"] for r in records), batch_size=8):
                pass
            base = time.perf_counter() - t0
            rows = []
            for kind, paths in inputs.items():
                with Fetcher(delay=0, timeout=10, public_only=False) as fetcher:
                    t0 = time.perf_counter()
                    items = list(read_paths(paths, ReadOptions(fetcher=fetcher)))
                    seconds = time.perf_counter() - t0
                got = sum(isinstance(i, Article) for i in items)
                assert got == args.articles, (kind, got, [str(i) for i in items][:3])
                rows.append((kind, seconds))
    finally:
        site.stop()
    print(f"corpus: {args.articles} articles, {words:,} words; model "
          f"{nlp.meta.get('relgraph_model', nlp.meta.get('name', '?'))}")
    print(f"{'stage':<34}{'seconds':>9}{'articles/s':>12}{'ratio':>8}")
    print(f"{'nlp.pipe, 1 process (baseline)':<34}{base:>9.2f}{args.articles / base:>12,.0f}"
          f"{1:>8.3f}")
    for kind, seconds in rows:
        print(f"{'read_paths: ' + kind:<34}{seconds:>9.2f}{args.articles / seconds:>12,.0f}"
              f"{seconds / base:>8.3f}")


if __name__ == "__main__":
    main()
