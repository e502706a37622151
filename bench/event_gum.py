"""Event-date accuracy on real reporting (GUM's Wikinews news and interviews), beside the
publication-date baseline in the same run.

``bench/event_dates.tsv`` and ``bench/event_articles.txt`` are written for the project; this set
is real reporting. GUM's news and interview documents (``articles.jsonl`` of the GUM copy, by
default ``../shared/devsets/gum`` next to the repository, publication dates in its metadata) are
read at bench time; the repository keeps only the annotation, one event a row, tab-separated::

    doc   offset   trigger   gold   precision   basis   planned

``offset`` is a character offset inside the event's sentence (its start), ``trigger`` the word
naming the event there, ``gold`` the date a careful reader gives it cut to ``precision`` (day /
month / year), ``basis`` what dates it (explicit / relative / article: the text's own date,
an expression counted from publication, or nothing but the article's time frame), ``planned``
yes or no. Rows are split as ``bench/gum.py`` splits GUM (sorted index ``i % 5 == 4`` held
out): ``bench/event_gum.tsv`` holds the development documents, ``bench/event_gum_heldout.tsv``
the held-out ones (score it only to report figures, never to read its errors).

Each document is extracted whole through the real pipeline. A row whose trigger is a typed
relation's is scored on that relation's ``when``; otherwise (most events in GUM are between no
two named actors) the trigger is dated as a typed relation would be in the same place: a probe
relation from the trigger's subject is added after the article's typed relations up to its
sentence and :func:`graph.relations.dating.date_relations` is run over them, so the context
rules (dates carried from a lede, "the next day") apply as in ingest.

Figures: accuracy at the gold precision (a coarser prediction is wrong) for all rows and by
gold basis, the publication-date baseline, the planned flag. Without the GUM copy the scorer
says so in one line and scores nothing.

Usage: python bench/event_gum.py [--file F ...] [--heldout] [--model NAME] [--verbose]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.event_dates import command_line, report_each, right, tsv_rows  # noqa: E402
from graph.core.model import Article, EventDate, Relation  # noqa: E402
from graph.extraction.article import extract  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.extraction.partial import parse  # noqa: E402
from graph.relations.dating import date_relations  # noqa: E402

DEV = ROOT / "bench" / "event_gum.tsv"
HELDOUT = ROOT / "bench" / "event_gum_heldout.tsv"
GUM = ROOT.parent / "shared" / "devsets" / "gum"
BASES = ("explicit", "relative", "article")


@dataclass(frozen=True)
class Row:
    line: int
    doc: str
    offset: int
    trigger: str
    gold: str
    precision: str
    basis: str
    planned: bool


def read_rows(path: Path) -> list[Row]:
    """The rows of one file; a malformed line stops the run naming the file and line."""
    rows = []
    for n, cols in tsv_rows(path):
        if (len(cols) != 7 or not cols[1].isdigit() or cols[4] not in ("day", "month", "year")
                or len(cols[3]) != {"day": 10, "month": 7, "year": 4}.get(cols[4])
                or cols[5] not in BASES or cols[6] not in ("yes", "no")):
            sys.exit(f"{path}:{n}: expected doc, offset, trigger, gold date at its precision, "
                     f"precision (day/month/year), basis (explicit/relative/article), "
                     f"planned (yes/no)")
        rows.append(Row(n, cols[0], int(cols[1]), cols[2], cols[3], cols[4], cols[5],
                        cols[6] == "yes"))
    return rows


def read_documents(gum: Path, ids: set[str]) -> dict[str, Article]:
    """The documents ``ids`` from GUM's ``articles.jsonl`` with their metadata dates."""
    out = {}
    for line in (gum / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["id"] in ids:
            out[d["id"]] = Article(id=d["id"], text=d["text"],
                                   date=date.fromisoformat(d["date"]) if d.get("date") else None)
    return out


def score(rows: list[Row], gum: Path = GUM, model: str | None = None,
          log: list[str] | None = None) -> dict[str, float]:
    docs = read_documents(gum, {r.doc for r in rows})
    if unknown := sorted({r.doc for r in rows} - docs.keys()):
        sys.exit(f"{gum / 'articles.jsonl'}: no document {unknown[0]} (annotated in the set)")
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_doc[r.doc].append(r)
    order = sorted(by_doc)
    nlp = load(model)
    ok: dict[str, list[bool]] = defaultdict(list)
    base = planned_ok = found = 0
    for doc_id, doc in zip(order, parse(nlp, (docs[d].text for d in order)), strict=True):
        article = docs[doc_id]
        ex = extract(article, doc)
        typed = [r for r in ex.relations if r.directed]
        pub = None if article.date is None else EventDate(article.date.isoformat(), "day",
                                                          "article")
        sents = list(doc.sents)
        for row in by_doc[doc_id]:
            sent = next((s for s in ex.sentences if s.start <= row.offset < s.end + 1), None)
            if sent is None or not any(t.text == row.trigger for t in sents[sent.index]):
                if log is not None:
                    log.append(f"line {row.line}: trigger {row.trigger!r} not found at "
                               f"{row.doc}:{row.offset}")
                continue
            found += 1
            when = _when(doc, typed, sent.index, row.trigger, article.date)
            hit = right(when, row.gold, row.precision)
            ok[row.basis].append(hit)
            base += right(pub, row.gold, row.precision)
            planned = when is not None and when.planned
            planned_ok += planned == row.planned
            if log is not None and (not hit or planned != row.planned):
                got = "None" if when is None else (f"{when.value} {when.precision} {when.basis}"
                                                   + (" planned" if when.planned else ""))
                log.append(f"line {row.line}: gold {row.gold} {row.precision} {row.basis}"
                           f"{' planned' if row.planned else ''}, got {got} ({row.trigger}) "
                           f"{row.doc} ({article.date}): {sent.text[:300]}")
    hits = [h for v in ok.values() for h in v]
    nan = float("nan")
    out = {"rows": len(rows), "scored": found, "documents": len(order),
           "accuracy": sum(hits) / found if found else nan,
           "baseline": base / found if found else nan,
           "planned": planned_ok / found if found else nan,
           "coverage": found / len(rows) if rows else nan}
    for basis in BASES:
        out[f"n_{basis}"] = len(ok[basis])
        out[basis] = sum(ok[basis]) / len(ok[basis]) if ok[basis] else nan
    return out


def _when(doc, typed: list[Relation], index: int, trigger: str,  # noqa: ANN001
          published: date | None) -> EventDate | None:
    """The date of the event ``trigger`` names in sentence ``index``: its typed relation's, or
    a probe's dated in the same context."""
    own = [r for r in typed if r.sentence == index and r.trigger == trigger]
    if own:
        return own[0].when
    sent = list(doc.sents)[index]
    token = next((t for t in sent if t.text == trigger), None)
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                   None) if token is not None else None
    source = "" if subject is None else " ".join(t.text for t in subject.subtree)
    probe = Relation(sentence=index, source=source, target="", kind="probe", directed=True,
                     trigger=trigger)
    before = [r for r in typed if r.sentence <= index]
    return date_relations(doc, [*before, probe], published)[-1].when


def report(files: list[Path], model: str | None = None, verbose: bool = False,
           gum: Path | None = None) -> None:
    """Print the figures of each file (called by ``bench/quality.py`` as well, with its
    ``--gum`` copy; else :data:`GUM`); one line and nothing else when the GUM copy is absent."""
    gum = GUM if gum is None else gum
    if not (gum / "articles.jsonl").is_file():
        print(f"event dates on GUM: skipped ({gum / 'articles.jsonl'} not found)")
        return

    def header(path: Path, got: dict) -> str:
        by_basis = ", ".join(f"{b} {got[b]:.2f} of {got[f'n_{b}']}" for b in BASES)
        return (f"event dates on GUM ({path.name}): {got['scored']} of {got['rows']} events "
                f"in {got['documents']} documents; accuracy by gold basis: {by_basis}")

    report_each(files, lambda path, log: score(read_rows(path), gum, model, log), header,
                "triggers found", verbose)


def main() -> None:
    command_line(report, DEV, HELDOUT, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
