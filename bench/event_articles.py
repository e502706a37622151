"""Event-date accuracy on whole articles, beside the publication-date baseline in the same run.

``bench/event_dates.py`` scores one sentence at a time; real reporting dates most relations by
context instead (a follow-up sentence after a dated lede, a background paragraph, a quote). This
scorer extracts whole articles (``bench/event_articles.txt``, development;
``bench/event_articles_heldout.txt``, held out: score it only to report) through the real
pipeline with their publication date as metadata, and reads each typed relation's ``when``.
The file format is described at the top of the development file.

For each gold sentence (a sentence that holds a typed relation between two actors):

* coverage: gold sentences where the pipeline found a typed relation (relation recall is scored
  elsewhere; this only says how many sentences the accuracy is over);
* accuracy: of those, sentences whose first typed relation has the gold date at the gold
  precision (a coarser prediction is wrong, a finer one is cut to the gold precision);
* baseline: the same with the article's publication date as every event's date;
* planned: sentences whose first typed relation's ``planned`` flag is the gold one.

Usage: python bench/event_articles.py [--file F ...] [--heldout] [--model NAME] [--verbose]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.event_dates import command_line, report_each, right  # noqa: E402
from graph.core.model import Article, EventDate  # noqa: E402
from graph.extraction.article import extract  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.extraction.partial import parse  # noqa: E402

DEV = ROOT / "bench" / "event_articles.txt"
HELDOUT = ROOT / "bench" / "event_articles_heldout.txt"

_HEADER = re.compile(r"=== (\S+) (\d{4}-\d{2}-\d{2})\s*$")
_TAG = re.compile(r"\{\{(\d{4}(?:-\d{2}){0,2}) (day|month|year)( planned)?\}\}")


@dataclass(frozen=True)
class Gold:
    offset: int  # character offset (in the text without tags) of the sentence's last character
    date: str
    precision: str
    planned: bool
    line: int


@dataclass(frozen=True)
class GoldArticle:
    id: str
    published: date
    text: str
    gold: list[Gold]


def read_articles(path: Path) -> list[GoldArticle]:
    """The articles of one file; a malformed line stops the run naming the file and line."""
    articles: list[GoldArticle] = []
    head: tuple[str, date, int] | None = None
    lines: list[tuple[int, str]] = []

    def close() -> None:
        if head is None:
            return
        text, gold = "", []
        for n, line in lines:
            pos = 0
            for m in _TAG.finditer(line):
                text += line[pos:m.start()]
                pos = m.end()
                precision = m.group(2)
                if len(m.group(1)) != {"day": 10, "month": 7, "year": 4}[precision]:
                    sys.exit(f"{path}:{n}: date {m.group(1)} is not at precision {precision}")
                gold.append(Gold(len(text.rstrip()) - 1, m.group(1), precision,
                                 bool(m.group(3)), n))
            if "{{" in line[pos:]:
                sys.exit(f"{path}:{n}: malformed gold tag")
            text += line[pos:] + "\n"
        articles.append(GoldArticle(head[0], head[1], text.strip() + "\n", gold))

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            close()
            m = _HEADER.match(line)
            if not m:
                sys.exit(f"{path}:{n}: expected '=== <id> <YYYY-MM-DD>'")
            head, lines = (m.group(1), date.fromisoformat(m.group(2)), n), []
        elif head is not None:
            lines.append((n, line))
        elif line.strip():
            sys.exit(f"{path}:{n}: text before the first '=== <id> <date>' header")
    close()
    return articles


def score(articles: list[GoldArticle], model: str | None = None,
          log: list[str] | None = None) -> dict[str, float]:
    nlp = load(model)
    docs = parse(nlp, (a.text for a in articles))
    total = scored = ok = base = planned_ok = 0
    for art, doc in zip(articles, docs, strict=True):
        ex = extract(Article(id=art.id, text=art.text, date=art.published), doc)
        pub = EventDate(art.published.isoformat(), "day", "article")
        for g in art.gold:
            total += 1
            sent = next(s for s in ex.sentences if s.start <= g.offset < s.end + 1)
            typed = [r for r in ex.relations if r.directed and r.sentence == sent.index]
            if not typed:
                if log is not None:
                    log.append(f"{art.id} line {g.line}: no typed relation: {sent.text}")
                continue
            rel = typed[0]
            scored += 1
            hit = right(rel.when, g.date, g.precision)
            ok += hit
            base += right(pub, g.date, g.precision)
            planned = rel.when is not None and rel.when.planned
            planned_ok += planned == g.planned
            if log is not None and (not hit or planned != g.planned):
                got = "None" if rel.when is None else (
                    f"{rel.when.value} {rel.when.precision} {rel.when.basis}"
                    + (" planned" if rel.when.planned else ""))
                log.append(f"{art.id} ({art.published}) line {g.line}: gold {g.date} "
                           f"{g.precision}{' planned' if g.planned else ''}, got {got} "
                           f"({rel.trigger}): {sent.text}")
    nan = float("nan")
    return {"articles": len(articles), "gold": total, "scored": scored,
            "coverage": scored / total if total else nan,
            "accuracy": ok / scored if scored else nan,
            "baseline": base / scored if scored else nan,
            "planned": planned_ok / scored if scored else nan}


def report(files: list[Path], model: str | None = None, verbose: bool = False) -> None:
    """Print the figures of each file (called by ``bench/quality.py`` as well)."""
    report_each(files, lambda path, log: score(read_articles(path), model, log),
                lambda path, got: f"event dates in articles ({path.name}): {got['articles']} "
                f"articles, {got['gold']} gold sentences, {got['scored']} with a typed relation",
                "coverage (typed found)", verbose)


def main() -> None:
    command_line(report, DEV, HELDOUT, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
