"""Acting on a selection on a 10,000-article store: merging five selected actors into one
(one decision, ``dashboard.selection``) against the four single merges an analyst made
before (each a decision and a re-resolution), and exporting a selection of 25 actors against
the view's full data export (both CSV, the same writer), in the same run.

Usage: python bench/selection.py [--articles 10000] [--db PATH] [--rounds 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from synthetic import named_cast, synthetic_store  # noqa: E402
from timing import ms  # noqa: E402

from dashboard import curation_ui as cu  # noqa: E402
from dashboard.callbacks import view_parts  # noqa: E402
from dashboard.downloads import download_payload  # noqa: E402
from dashboard.filters import Filters  # noqa: E402
from dashboard.selection import keep_choices, merge_action, selection_payload  # noqa: E402
from dashboard.viewdata import ViewData  # noqa: E402
from graph.store.store import Store  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--db", help="keep the synthetic store here (decisions go to copies)")
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(args.db) if args.db else Path(tmp) / "named.db"
        if not src.exists():
            synthetic_store(src, args.articles, cast=named_cast()).engine.dispose()
        bulk, single, part, whole = [], [], [], []
        for r in range(args.rounds):  # alternately, each on a fresh copy of the store
            for how in ("bulk", "single") if r % 2 == 0 else ("single", "bulk"):
                db = Path(tmp) / f"{how}{r}.db"
                shutil.copy(src, db)
                store = Store(db)
                data = ViewData(store)
                f = Filters(top=50)
                G = data.graph(f)
                picked = sorted(G, key=lambda v: (-G.nodes[v]["mentions"], v))[10:15]
                keep = keep_choices(G, picked)[1]
                t0 = time.perf_counter()
                if how == "bulk":
                    out = cu.apply(store, merge_action(picked, keep), "bench",
                                   store.revisions()["actors_rev"])
                    assert out.ok, out.message
                    bulk.append(ms(t0))
                else:
                    for other in (v for v in picked if v != keep):
                        out = cu.apply(store, cu.Action("merge", {"names": [other],
                                                                  "into": keep}),
                                       "bench", store.revisions()["actors_rev"])
                        assert out.ok, out.message
                    single.append(ms(t0))
                store.engine.dispose()
            store = Store(src)
            data = ViewData(store)
            f = Filters()
            view_parts(data, f)
            chosen = list(data.graph(f))
            for how in ("part", "whole") if r % 2 == 0 else ("whole", "part"):
                t0 = time.perf_counter()
                if how == "part":
                    selection_payload(data, f, chosen, "csv")
                    part.append(ms(t0))
                else:
                    download_payload(data, f, "csv", briefing=False)
                    whole.append(ms(t0))
        c = Store(src).counts()
    med = statistics.median
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors; medians of "
          f"{args.rounds} rounds, alternating")
    print(f"{'step':<62}{'ms':>8}")
    print(f"{'merge 5 selected actors into one (one decision)':<62}{med(bulk):>8.0f}")
    print(f"{'  baseline: the same as 4 single merges in a row':<62}{med(single):>8.0f}")
    print(f"{'export the 25 actors of the default view selected (CSV)':<62}{med(part):>8.0f}")
    print(f"{'  baseline: the view data export (CSV)':<62}{med(whole):>8.0f}")


if __name__ == "__main__":
    main()
