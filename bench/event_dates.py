"""Event-date accuracy on dated sentences, beside the publication-date baseline in the same run.

``bench/event_dates.tsv`` (development) and ``bench/event_dates_heldout.tsv`` (held out: score it
only to report, never to tune) hold one sentence a row, tab-separated::

    published   sentence   gold   precision   planned   [trigger]

``sentence`` may hold several paragraphs, separated by ``\n`` (the two characters);
``published`` is the article's date (``-`` for an undated article), ``gold`` the date the event
happened cut to ``precision`` (day / month / year; ``-`` when nothing can date it), ``planned``
``yes`` or ``no``, ``trigger`` (optional) the word of the relation to score when the sentence
has several. Each sentence is extracted as an article of its own with that publication date,
through the real pipeline (spaCy model, :func:`graph.extraction.article.extract`), and its
typed relations' ``when`` is read.

* accuracy: rows whose scored relation has the gold date at the gold precision (a coarser
  prediction is wrong; a finer one is cut to the gold precision);
* baseline: the same with the article's publication date as every event's date;
* coverage: typed relations with a date, of all typed relations found;
* planned: rows whose ``planned`` flag is right (rows that nothing can date count as right);
* rows without a typed relation are counted apart (relation recall is scored elsewhere).

Usage: python bench/event_dates.py [--file F ...] [--heldout] [--model NAME] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.core.model import Article, EventDate  # noqa: E402
from graph.extraction.article import extract  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.extraction.partial import parse  # noqa: E402

DEV = ROOT / "bench" / "event_dates.tsv"
HELDOUT = ROOT / "bench" / "event_dates_heldout.tsv"


@dataclass(frozen=True)
class Row:
    line: int
    published: date | None
    sentence: str
    gold: str | None
    precision: str
    planned: bool
    trigger: str = ""


def tsv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line number, columns)`` of each row of a tab-separated file (blank lines and ``#``
    comments skipped)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


def read_rows(path: Path) -> list[Row]:
    """The rows of one file; a malformed line stops the run naming the file and line."""
    rows = []
    for n, cols in tsv_rows(path):
        if len(cols) not in (5, 6) or cols[3] not in ("day", "month", "year", "-") or cols[
                4] not in ("yes", "no"):
            sys.exit(f"{path}:{n}: expected published, sentence, gold, precision "
                     f"(day/month/year), planned (yes/no)[, trigger]")
        published = None if cols[0] == "-" else date.fromisoformat(cols[0])
        gold = None if cols[2] == "-" else cols[2]
        text = cols[1].replace("\\n", "\n")  # several paragraphs: \n in the column
        rows.append(Row(n, published, text, gold, cols[3], cols[4] == "yes",
                        cols[5] if len(cols) == 6 else ""))
    return rows


def right(when: EventDate | None, gold: str | None, precision: str) -> bool:
    """Whether ``when`` is ``gold`` at the gold precision."""
    if gold is None or when is None:
        return gold is None and when is None
    order = ("day", "month", "year")
    if order.index(when.precision) > order.index(precision):
        return False
    return when.value[:len(gold)] == gold


def score(rows: list[Row], model: str | None = None,
          log: list[str] | None = None) -> dict[str, float]:
    nlp = load(model)
    articles = [Article(id=f"row{r.line}", text=r.sentence, date=r.published) for r in rows]
    ok = base = planned_ok = scored = typed_n = dated_n = 0
    missing = 0
    for row, article, doc in zip(rows, articles, parse(nlp, (a.text for a in articles)),
                                 strict=True):
        typed = [r for r in extract(article, doc).relations if r.directed]
        typed_n += len(typed)
        dated_n += sum(r.when is not None for r in typed)
        if row.trigger:
            typed = [r for r in typed if r.trigger == row.trigger]
        if not typed:
            missing += 1
            if log is not None:
                log.append(f"line {row.line}: no typed relation: {row.sentence}")
            continue
        rel = typed[0]
        scored += 1
        hit = right(rel.when, row.gold, row.precision)
        ok += hit
        when_pub = None if row.published is None else EventDate(
            row.published.isoformat(), "day", "article")
        base += right(when_pub, row.gold, row.precision)
        planned = rel.when is not None and rel.when.planned
        planned_ok += planned == row.planned or row.gold is None
        if log is not None and (not hit or (planned != row.planned and row.gold)):
            got = f"{rel.when.value} {rel.when.precision} {rel.when.basis}" + (
                " planned" if rel.when.planned else "") if rel.when else "None"
            log.append(f"line {row.line}: gold {row.gold} {row.precision}"
                       f"{' planned' if row.planned else ''}, got {got} "
                       f"({rel.trigger}): {row.sentence}")
    return {"rows": len(rows), "scored": scored, "no_relation": missing,
            "accuracy": ok / scored if scored else float("nan"),
            "baseline": base / scored if scored else float("nan"),
            "planned": planned_ok / scored if scored else float("nan"),
            "coverage": dated_n / typed_n if typed_n else float("nan")}


def print_figures(got: dict, coverage: str, log: list[str] | None) -> None:
    """The figures table both date scorers print: accuracy beside the publication-date
    baseline, the planned flag, a coverage line, then every error when ``log`` is kept."""
    print(f"  {'metric':<26}{'baseline':>10}{'relgraph':>10}")
    print(f"  {'accuracy at precision':<26}{got['baseline']:>10.2f}{got['accuracy']:>10.2f}")
    print(f"  {'planned flag right':<26}{'':>10}{got['planned']:>10.2f}")
    print(f"  {coverage:<26}{'':>10}{got['coverage']:>10.2f}")
    for line in log or ():
        print("    " + line)


def report(files: list[Path], model: str | None = None, verbose: bool = False) -> None:
    """Print the figures of each file (called by ``bench/quality.py`` as well)."""
    report_each(files, lambda path, log: score(read_rows(path), model, log),
                lambda path, got: f"event dates ({path.name}): {got['scored']} of {got['rows']} "
                f"sentences with a typed relation ({got['no_relation']} without)",
                "coverage (dated)", verbose)


def report_each(files: list[Path], figures: Callable[[Path, list[str] | None], dict],
                header: Callable[[Path, dict], str], coverage: str, verbose: bool) -> None:
    """What the date scorers print for each file: a header line, then :func:`print_figures`;
    ``figures`` scores one file, keeping every error in the list it is given when verbose."""
    for path in files:
        log: list[str] | None = [] if verbose else None
        got = figures(path, log)
        print(header(path, got))
        print_figures(got, coverage, log)


def command_line(report_: Callable[[list[Path], str | None, bool], None], dev: Path,
                 heldout: Path, description: str) -> None:
    """The command line both date scorers share: ``--file`` (repeatable), ``--heldout``,
    ``--model``, ``--verbose``."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--file", type=Path, action="append")
    p.add_argument("--heldout", action="store_true", help="also score the held-out file")
    p.add_argument("--model")
    p.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = p.parse_args()
    report_(args.file or [dev, *([heldout] if args.heldout else [])], args.model, args.verbose)


def main() -> None:
    command_line(report, DEV, HELDOUT, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
