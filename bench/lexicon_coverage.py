"""Coverage of CAMEO's own verb vocabulary by the relation lexicon, per CAMEO root.

relgraph's lexicon (``graph/data/relations.toml``) was grown from sentences written here; an
event coder's dictionary was grown from decades of wire copy. This bench compares the two by
the coder's published vocabulary, not by examples: ``bench/cameo_verbs.tsv`` lists the verb
lemmas of the PETRARCH2 CAMEO verb dictionary (MIT licence, see the file's header) with the
CAMEO code each verb carries by default. For every root 01-20 it reports how many of those
verbs the lexicon knows

* at the same root (any frame of the lemma: plain, phrase or one that needs an object noun),
* only at another root (a different reading, or a kind placed differently),
* not at all.

Verbs whose block has no code of its own ("---": only their patterns, which need an object or
an actor, carry codes) are left out. A verb the coder codes by default is not always one to add:
many are statements without a listener (01), or senses that need their object ("hit",
"charge"); the missing list (``--missing``) is a reading list, not a to-do list.

Usage: python bench/lexicon_coverage.py [--missing ROOT ...]
       python bench/lexicon_coverage.py --extract CAMEO.2.0.txt > bench/cameo_verbs.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from graph.core.cameo import ROOTS, kind_info
from graph.relations.lexicon import lexicon

HERE = Path(__file__).resolve().parent


def extract(path: Path) -> list[tuple[str, str, str]]:
    """(lemma, code, block) for every verb of a PETRARCH verb dictionary, patterns left out."""
    rows: list[tuple[str, str, str]] = []
    block, code = "", "---"
    started = False
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            started = True
            continue
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if not started or head:
            if head:
                block, code = head.group(1).lower(), head.group(2).strip().lstrip(":")
            continue
        if not line.strip() or line[0] in "-#~&":
            continue  # patterns, comments, synonym sets
        body = line.split("#")[0]
        own = re.search(r"\[([^\]]*)\]", body)
        body = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", body).strip()
        if not body:
            continue
        lemma = body.split()[0].lstrip("+").rstrip("_").lower().replace("_", " ")
        row = (lemma, (own.group(1) if own else code).strip().lstrip(":"), block)
        if row not in rows:
            rows.append(row)
    return rows


def read_verbs(path: Path) -> dict[str, set[str]]:
    """lemma -> CAMEO roots the coder gives it by default (verbs without a code left out)."""
    roots: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, code, _ = line.split("\t")
        if code[:2].isdigit():
            roots[lemma].add(code[:2])
    return roots


def lexicon_roots() -> dict[str, set[str]]:
    """Verb entry ("lemma" or "lemma particle") -> CAMEO roots of the kinds it triggers."""
    roots: dict[str, set[str]] = defaultdict(set)
    for lemma, frames in lexicon().verbs.items():
        for frame in frames:
            root = kind_info(frame.kind).root_code
            roots[lemma].add(root)
            if frame.needs and frame.needs.isalpha():
                roots[f"{lemma} {frame.needs}"].add(root)
            elif not frame.needs:  # "meet with": the plain verb with a target preposition
                for prep in frame.preps:
                    roots[f"{lemma} {prep}"].add(root)
    return roots


def coverage(cameo: dict[str, set[str]], ours: dict[str, set[str]]
             ) -> dict[str, tuple[int, int, int, list[str]]]:
    """Root -> (verbs, known at this root, known only at another root, missing lemmas)."""
    table: dict[str, tuple[int, int, int, list[str]]] = {}
    for root in ROOTS:
        verbs = sorted(v for v, rs in cameo.items() if root in rs)
        same = [v for v in verbs if root in ours.get(v, ())]
        other = [v for v in verbs if v in ours and root not in ours[v]]
        missing = [v for v in verbs if v not in ours]
        table[root] = (len(verbs), len(same), len(other), missing)
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbs", type=Path, default=HERE / "cameo_verbs.tsv")
    ap.add_argument("--missing", nargs="*", default=None, metavar="ROOT",
                    help="list the coder's verbs the lexicon lacks (all roots if none given)")
    ap.add_argument("--extract", type=Path, help="print the verb table of a PETRARCH dictionary")
    args = ap.parse_args()
    if args.extract:
        for row in extract(args.extract):
            print("\t".join(row))
        return
    table = coverage(read_verbs(args.verbs), lexicon_roots())
    print("root  name                              coder verbs  same root  other root  missing")
    total = [0, 0, 0]
    for root, (n, same, other, missing) in table.items():
        total = [total[0] + n, total[1] + same, total[2] + other]
        share = same / n if n else 0.0
        print(f"{root}    {ROOTS[root]:<34}{n:>11}  {same:>4} {share:4.0%}  {other:>10}"
              f"  {len(missing):>7}")
    print(f"all   {'':<34}{total[0]:>11}  {total[1]:>4} {total[1] / total[0]:4.0%}"
          f"  {total[2]:>10}  {total[0] - total[1] - total[2]:>7}")
    if args.missing is not None:
        for root in args.missing or list(ROOTS):
            print(f"{root} missing: {' '.join(table[root][3])}")


if __name__ == "__main__":
    main()
