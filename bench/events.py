"""Typed-relation recall, precision, polarity and root accuracy on event sentences.

``bench/events.tsv`` holds one sentence a case with the events an event coder would code
(source, target, CAMEO root) or none. Each sentence is parsed alone with the real spaCy model
and passed through :func:`graph.mentions.find.find_mentions` and
:func:`graph.relations.find.typed_relations`
(no store, no corpus-wide resolution: the relation rules only).

* recall: expected events found with the same source, target (either way for a symmetric
  kind) and root;
* precision: relations found that are an expected event (a relation between actors of an
  expected pair but under another root, or any relation in a negative case, is a false alarm);
* polarity: relations linking an expected pair whose polarity is the one CAMEO's QuadClass
  gives the expected root (root 01 neutral, as in :mod:`graph.core.cameo`);
* kind: relations linking an expected pair whose root is the expected one (overall and by
  expected root).

Names are compared as the store would resolve them: a country under its one name, in the
expected events as in the relations found ("Congo" and "Republic of the Congo" are one).

Usage: python bench/events.py [--file bench/events.tsv] [--verbose]

Sets: ``events.tsv`` (written with the rules), ``events_coder.tsv`` (an independent development
set written from CAMEO's root definitions) and ``events_coder_heldout.tsv`` (its held-out twin,
scored only at the end of a round).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.core.cameo import kind_info, polarity_of, quad_class_of_root
from graph.extraction.nlp import load
from graph.extraction.partial import parse
from graph.mentions.find import find_mentions
from graph.names.builtin import country_name
from graph.relations.find import typed_relations
from graph.relations.lexicon import lexicon

HERE = Path(__file__).resolve().parent


def read_cases(path: Path) -> list[tuple[str, set[tuple[str, str, str]]]]:
    """(sentence, expected events) pairs; a malformed line is reported and skipped."""
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, _, spec = line.partition("\t")
        events = set()
        for item in spec.split(";"):
            item = item.strip()
            if item in ("", "-"):
                continue
            parts = item.split("|")
            if len(parts) != 3:
                print(f"{path}:{n}: event {item!r} is not source|target|root", file=sys.stderr)
                continue
            events.add((_name(parts[0]), _name(parts[1]), parts[2]))
        cases.append((sentence, events))
    return cases


def score(cases, nlp, verbose: bool = False) -> dict[str, float]:
    expected_n = found_n = hit_found = hit_expected = 0
    pair_n = polarity_ok = root_ok = 0
    by_root: dict[str, list[int]] = {}  # expected root -> [relations on its pair, right root]
    for sentence, expected in cases:
        doc = next(parse(nlp, [sentence]))
        spans, _ = find_mentions(doc)
        got = {(_name(r.source), _name(r.target), kind_info(r.kind).root_code, r.polarity,
                r.kind) for r in typed_relations(doc, spans)}
        pairs = {}
        for s, t, root in expected:
            pairs[(s, t)] = root
            pairs.setdefault((t, s), root)
        matched = set()
        for s, t, root, polarity, kind in got:
            found_n += 1
            want = pairs.get((s, t))
            exact = (s, t, root) in expected or (
                (t, s, root) in expected and (t, s) in pairs and kind_info(kind).root_code
                == root and _symmetric(kind))
            if exact:
                hit_found += 1
                matched.add((s, t, root) if (s, t, root) in expected else (t, s, root))
            if want is not None:
                pair_n += 1
                root_ok += root == want
                tally = by_root.setdefault(want, [0, 0])
                tally[0] += 1
                tally[1] += root == want
                polarity_ok += polarity == polarity_of(quad_class_of_root(want))
            if verbose and not exact:
                print(f"  false alarm: {s} -{kind}({root})-> {t}   | {sentence}")
        expected_n += len(expected)
        hit_expected += len(matched)
        if verbose:
            for e in sorted(expected - matched):
                print(f"  missed: {e[0]} -({e[2]})-> {e[1]}   | {sentence}")
    return {
        "cases": len(cases), "expected": expected_n, "found": found_n,
        "recall": hit_expected / expected_n if expected_n else 0.0,
        "precision": hit_found / found_n if found_n else 0.0,
        "polarity": polarity_ok / pair_n if pair_n else 0.0,
        "kind": root_ok / pair_n if pair_n else 0.0,
        "kind_by_root": {r: ok / n for r, (n, ok) in sorted(by_root.items())},
    }


def _name(name: str) -> str:
    """A country under its one name ("Belarusian" is Belarus), as the store's resolution
    would have it; other names as found."""
    return country_name(name) or name


def _symmetric(kind: str) -> bool:
    return any(f.mutual for frames in lexicon().verbs.values() for f in frames if f.kind == kind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=HERE / "events.tsv")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    result = score(read_cases(args.file), load(), args.verbose)
    print(f"{result['cases']} cases, {result['expected']} expected events, "
          f"{result['found']} relations found")
    print(f"typed recall {result['recall']:.2f}  precision {result['precision']:.2f}  "
          f"polarity {result['polarity']:.2f}  kind {result['kind']:.2f}")
    print("kind by expected root: " + "  ".join(
        f"{root} {share:.2f}" for root, share in result["kind_by_root"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
