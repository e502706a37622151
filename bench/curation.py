"""Curation speed on a 10,000-article store: suggested merges, one decision, the next view.

Builds (or reuses) a synthetic store whose cast has name-like names, a tenth of them spelled
two ways (``bench/synthetic.py``), written through the real write path. Then times
``relgraph suggest`` (the library call behind it), one merge decision with its re-resolution,
the dashboard's next view of the top 60 actors (an incremental refresh), and the undo.
Baseline: the same view with the corpus reloaded from scratch.

Usage: python bench/curation.py [--articles 10000] [--db PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from synthetic import named_cast, synthetic_store  # noqa: E402
from timing import ms  # noqa: E402

from dashboard.transforms import Filters  # noqa: E402
from dashboard.viewdata import ViewData  # noqa: E402
from graph.curation.decisions import merge, undo  # noqa: E402
from graph.curation.suggest import suggestions  # noqa: E402
from graph.slices.corpus import Corpus  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--db", help="reuse (or create) the synthetic store here")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "named.db"
        store = synthetic_store(db, args.articles, cast=named_cast())
        source = ViewData(store)
        source.graph(Filters(top=60))
        t0 = time.perf_counter()
        found = suggestions(store, top=20)
        suggest = ms(t0)
        pair = found[0]
        t0 = time.perf_counter()
        merge(store, [pair.b_id if pair.into == pair.a_id else pair.a_id], pair.into, "bench")
        decide = ms(t0)
        t0 = time.perf_counter()
        source.graph(Filters(top=60))
        view = ms(t0)
        t0 = time.perf_counter()
        Corpus.load(store)
        reload = ms(t0)
        t0 = time.perf_counter()
        undo(store, "bench")
        undone = ms(t0)
        c = store.counts()
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors; "
          f"{len(found)} suggestions shown, best: {pair.a_label} / {pair.b_label} ({pair.rule})")
    print(f"{'step':<48}{'ms':>8}")
    print(f"{'relgraph suggest (top 20)':<48}{suggest:>8.0f}  (target < 5,000)")
    print(f"{'one merge decision (record + re-resolve)':<48}{decide:>8.0f}  (target <= 1,000)")
    print(f"{'next dashboard view (incremental refresh)':<48}{view:>8.0f}  (target <= 1,000)")
    print(f"{'baseline: reloading the corpus instead':<48}{reload:>8.0f}")
    print(f"{'undo':<48}{undone:>8.0f}")


if __name__ == "__main__":
    main()
