"""Typed relations on real reporting (GUM's Wikinews news and interviews): recall, precision,
polarity and kind agreement against events a reader annotated by hand.

``bench/events.tsv`` and ``bench/events_coder.tsv`` are written by the project and share its
blind spots; this set is real reporting nobody here wrote. The sentences of GUM's news and
interview documents that name two or more GUM actors were read and coded, before relgraph's
output for them was looked at, with the events a CAMEO event coder would code between named
actors (source, target, CAMEO root, polarity) or none. The GUM text is read at bench time from
its copy (by default ``../shared/devsets/gum``); the repository keeps only ids, offsets and
short names of organisations and places; a person is ``#N``, GUM's entity ``doc:N``, named at
bench time from the copy's ``gold.json``. One sentence a row, tab-separated::

    doc   offset   events

``offset`` is the character offset of the sentence's start in the document's text; ``events``
is ``-`` (a sentence with actors and no event) or ``source|target|root[|polarity]`` items
separated by ``;``. ``source`` and ``target`` are short names matched against the labels of
the relations found (case-folded, as whole words: "Okafor" matches "Amara Okafor"; a country under
its one name, as :func:`graph.names.builtin.country_name` gives it). The polarity defaults to
the one CAMEO's QuadClass gives the root (root 01 neutral, as in :mod:`graph.core.cameo`).
Rows are split as ``bench/gum.py`` splits GUM (sorted index ``i % 5 == 4`` held out):
``bench/event_gum_types.tsv`` holds the development documents,
``bench/event_gum_types_heldout.tsv`` the held-out ones (score it only to report figures).

Each document is extracted whole through the real pipeline (as ``bench/event_gum.py`` does);
the typed relations of the annotated sentences are scored:

* recall: expected events found with the same source, target (either way for a symmetric kind)
  and root;
* precision: relations found in the annotated sentences that are an expected event (any other
  relation, in a sentence coded ``-`` or between other actors, is a false alarm);
* polarity and kind: over the relations linking an expected pair, the share with the expected
  polarity, and with the expected root.

Without the GUM copy the scorer says so in one line and scores nothing.

Usage: python bench/event_gum_types.py [--file F ...] [--heldout] [--model NAME] [--verbose]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.event_dates import command_line, tsv_rows  # noqa: E402
from bench.event_gum import GUM, read_documents  # noqa: E402
from graph.core.cameo import ROOTS, kind_info, polarity_of, quad_class_of_root  # noqa: E402
from graph.extraction.article import extract  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.extraction.partial import parse  # noqa: E402
from graph.names.builtin import country_name  # noqa: E402
from graph.relations.lexicon import lexicon  # noqa: E402

DEV = ROOT / "bench" / "event_gum_types.tsv"
HELDOUT = ROOT / "bench" / "event_gum_types_heldout.tsv"
POLARITIES = ("cooperative", "hostile", "neutral")


@dataclass(frozen=True)
class Event:
    source: str
    target: str
    root: str
    polarity: str


@dataclass(frozen=True)
class Row:
    line: int
    doc: str
    offset: int
    events: tuple[Event, ...]


def read_rows(path: Path) -> list[Row]:
    """The rows of one file; a malformed line stops the run naming the file and line."""
    rows = []
    for n, cols in tsv_rows(path):
        events = _events(cols[2]) if len(cols) == 3 and cols[1].isdigit() else None
        if events is None:
            sys.exit(
                f"{path}:{n}: expected doc, offset, events (- or "
                f"source|target|root[|polarity] separated by ;)"
            )
        rows.append(Row(n, cols[0], int(cols[1]), events))
    return rows


def _events(spec: str) -> tuple[Event, ...] | None:
    if spec.strip() == "-":
        return ()
    out = []
    for item in spec.split(";"):
        parts = [p.strip() for p in item.split("|")]
        if len(parts) not in (3, 4) or not all(parts) or parts[2] not in ROOTS:
            return None
        polarity = parts[3] if len(parts) == 4 else polarity_of(quad_class_of_root(parts[2]))
        if polarity not in POLARITIES:
            return None
        out.append(Event(parts[0], parts[1], parts[2], polarity))
    return tuple(out)


def named(rows: list[Row], gum: Path, texts: dict[str, str]) -> list[Row]:
    """The rows with each ``#N`` (GUM entity ``doc:N``) replaced by the name that entity goes by
    in the row's sentence (its first named mention from the sentence's start to the end of the
    paragraph; else its longest name), read from the GUM copy's ``gold.json``: people are kept
    here by entity id only, so no name of a person in an article is stored in the repository."""
    if not any(n.startswith("#") for r in rows for e in r.events for n in (e.source, e.target)):
        return rows
    gold = json.loads((gum / "gold.json").read_text(encoding="utf-8"))["documents"]

    def name(row: Row, n: str) -> str:
        if not n.startswith("#"):
            return n
        entity = next((e for e in gold.get(row.doc, {}).get("entities", [])
                       if e["id"] == f"{row.doc}:{n[1:]}" and e.get("names")), None)
        if entity is None:
            sys.exit(f"{gum / 'gold.json'}: no entity {row.doc}:{n[1:]} (line {row.line})")
        text = texts[row.doc]
        stop = text.find("\n", row.offset)
        stop = len(text) if stop < 0 else stop
        spans = sorted(tuple(m["name"]) for m in entity.get("mentions", [])
                       if m.get("kind") == "named" and m.get("name")
                       and row.offset <= m["name"][0] < stop)
        if spans:
            return text[spans[0][0]:spans[0][1]]
        return max(entity["names"], key=lambda x: (len(x.split()), len(x)))

    return [Row(r.line, r.doc, r.offset, tuple(
        Event(name(r, e.source), name(r, e.target), e.root, e.polarity) for e in r.events))
        for r in rows]


def _words(name: str) -> tuple[str, ...]:
    name = country_name(name) or name
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    text = re.sub(r"'s\b|\.", "", text)
    words = tuple(re.findall(r"[\w&-]+", text))
    return words[1:] if words[:1] == ("the",) else words


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return bool(shorter) and set(shorter) <= set(longer)


def actor(label: str, names: list[str]) -> str | None:
    """The annotated name ``label`` (a relation's source or target) stands for: an equal name
    first, else one whose words are all among the label's or the other way round ("Okafor" and
    "Amara Okafor", "National Security Council (United States)" and "United States National
    Security Council")."""
    got = _words(label)
    for name in names:
        if _words(name) == got:
            return name
    for name in names:
        want = _words(name)
        if _contains(got, want) or _contains(want, got):
            return name
    return None


def _symmetric(kind: str) -> bool:
    return any(f.mutual for frames in lexicon().verbs.values() for f in frames if f.kind == kind)


def score(
    rows: list[Row], gum: Path = GUM, model: str | None = None, log: list[str] | None = None
) -> dict[str, float]:
    docs = read_documents(gum, {r.doc for r in rows})
    if unknown := sorted({r.doc for r in rows} - docs.keys()):
        sys.exit(f"{gum / 'articles.jsonl'}: no document {unknown[0]} (annotated in the set)")
    rows = named(rows, gum, {k: d.text for k, d in docs.items()})
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_doc[r.doc].append(r)
    order = sorted(by_doc)
    expected_n = found_n = hit_found = hit_expected = scored = 0
    pair_n = polarity_ok = root_ok = 0
    for doc_id, doc in zip(order, parse(load(model), (docs[d].text for d in order)), strict=True):
        ex = extract(docs[doc_id], doc)
        typed = [r for r in ex.relations if r.directed]
        for row in by_doc[doc_id]:
            sent = next((s for s in ex.sentences if s.start <= row.offset < s.end + 1), None)
            if sent is None:
                if log is not None:
                    log.append(f"line {row.line}: no sentence at {row.doc}:{row.offset}")
                continue
            scored += 1
            names = sorted({n for e in row.events for n in (e.source, e.target)})
            expected = {(e.source, e.target, e.root): e for e in row.events}
            matched: set[tuple[str, str, str]] = set()
            for rel in (r for r in typed if r.sentence == sent.index):
                found_n += 1
                root = kind_info(rel.kind).root_code
                s, t = actor(rel.source, names), actor(rel.target, names)
                key = next(
                    (
                        k
                        for k in ((s, t, root), (t, s, root))
                        if k in expected and (k[0] == s or _symmetric(rel.kind))
                    ),
                    None,
                )
                if key is not None and key not in matched:
                    hit_found += 1
                    matched.add(key)  # type: ignore[arg-type]
                want = next((e for e in row.events if {e.source, e.target} == {s, t}), None)
                if want is not None:
                    pair_n += 1
                    root_ok += root == want.root
                    polarity_ok += rel.polarity == want.polarity
                if log is not None and key is None:
                    log.append(
                        f"line {row.line}: false: {rel.source} -{rel.kind}({root}, "
                        f"{rel.polarity})-> {rel.target} [{rel.trigger}] | {sent.text}"
                    )
            expected_n += len(expected)
            hit_expected += len(matched)
            if log is not None:
                for k in sorted(expected.keys() - matched):
                    log.append(f"line {row.line}: missed: {k[0]} -({k[2]})-> {k[1]} | {sent.text}")
    nan = float("nan")
    return {
        "rows": len(rows),
        "scored": scored,
        "documents": len(order),
        "expected": expected_n,
        "found": found_n,
        "recall": hit_expected / expected_n if expected_n else nan,
        "precision": hit_found / found_n if found_n else nan,
        "polarity": polarity_ok / pair_n if pair_n else nan,
        "kind": root_ok / pair_n if pair_n else nan,
    }


def report(
    files: list[Path], model: str | None = None, verbose: bool = False, gum: Path | None = None
) -> None:
    """Print the figures of each file (called by ``bench/quality.py`` as well, with its
    ``--gum`` copy; else :data:`GUM`); one line and nothing else when the GUM copy is absent."""
    gum = GUM if gum is None else gum
    if not (gum / "articles.jsonl").is_file():
        print(f"typed relations on GUM: skipped ({gum / 'articles.jsonl'} not found)")
        return
    for path in files:
        log: list[str] | None = [] if verbose else None
        got = score(read_rows(path), gum, model, log)
        print(
            f"typed relations on GUM ({path.name}): {got['scored']} of {got['rows']} "
            f"sentences in {got['documents']} documents, {got['expected']} expected events, "
            f"{got['found']} relations found"
        )
        print(
            f"  typed recall {got['recall']:.2f}  precision {got['precision']:.2f}  "
            f"polarity {got['polarity']:.2f}  kind {got['kind']:.2f}"
        )
        for line in log or []:
            print("  " + line)


def main() -> None:
    command_line(report, DEV, HELDOUT, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
