"""Print the licences of the installed runtime dependencies and fail on a GPL one.

Input: ``pip-licenses --format=json`` of the venv a base install made. relgraph is MIT; a GPL
(or AGPL) package imported at run time would make the combined work GPL. LGPL packages
(nameparser, pycountry) are fine. A package that offers a choice ("MPL-1.1 OR GPL-2.0-only",
or several licence classifiers) passes when one of its choices is not GPL.

Usage: python .ci/licences.py licences.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GPL = re.compile(r"\bA?GPL|(?<!Lesser )(?<!Library )General Public License")


def gpl_only(licence: str) -> bool:
    """True when every alternative of ``licence`` is GPL (not LGPL)."""
    choices = [c.strip() for c in re.split(r";|\bOR\b", licence) if c.strip()]
    return bool(choices) and all(GPL.search(c) for c in choices)


def main(path: str) -> int:
    rows = sorted(json.loads(Path(path).read_text(encoding="utf-8")),
                  key=lambda r: r["Name"].lower())
    width = max(len(r["Name"]) for r in rows)
    bad = []
    for r in rows:
        flag = "GPL " if gpl_only(r["License"]) else "    "
        print(f"{flag}{r['Name']:<{width}}  {r['Version']:<12} {r['License']}")
        if flag.strip():
            bad.append(r["Name"])
    print(f"{len(rows)} runtime packages; GPL: {', '.join(bad) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
