"""The dashboard's curation on a 10,000-article store: the suggested-merges tab, one decision
made from the page, the view after it, and the history menu.

Uses the synthetic store of ``bench/curation.py`` (a cast with name-like names, a tenth of them
spelled two ways). The suggestions tab shows a sentence for each side of 20 pairs. Accepting
from the page merges the pair its card carries; baseline: ``graph.curation.suggest.accept`` (what
the
CLI's ``relgraph accept ID`` does), which finds the pair again, in the same run.

Usage: python bench/dashboard_curation.py [--articles 10000] [--db PATH]
"""

from __future__ import annotations

import argparse
import shutil
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
from dashboard.transforms import Filters  # noqa: E402
from dashboard.viewdata import ViewData  # noqa: E402
from graph.curation.suggest import accept as accept_sid  # noqa: E402
from graph.curation.suggest import suggestions  # noqa: E402
from graph.store.store import Store  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--db", help="keep the synthetic store here (decisions go to a copy)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "named.db"
        if args.db:  # built once there, decisions made on a copy
            synthetic_store(Path(args.db), args.articles, cast=named_cast()).engine.dispose()
            shutil.copy(args.db, db)
        store = synthetic_store(db, args.articles, cast=named_cast())
        source = ViewData(store)
        view_parts(source, Filters())
        arts = source.articles()

        t0 = time.perf_counter()
        entries = cu.suggestion_entries(store, arts)
        tab = ms(t0)
        t0 = time.perf_counter()
        found = suggestions(store, top=20)
        only = ms(t0)

        base = view_parts(source, Filters())["rev"]
        pair = entries[0]
        t0 = time.perf_counter()
        accept_button = {"do": "accept", "arg": cu.suggestion_arg(pair["a_id"], pair["b_id"],
                                                                  pair["into"])}
        result = cu.apply(store, cu.button_action(accept_button), "bench", base)
        accept = ms(t0)
        assert result.ok, result.message
        used = {pair["a_id"], pair["b_id"]}
        other = next(e for e in entries[1:] if not {e["a_id"], e["b_id"]} & used)
        t0 = time.perf_counter()
        accept_sid(store, other["id"], "bench", store.revisions()["actors_rev"])
        accept_baseline = ms(t0)
        t0 = time.perf_counter()
        hidden = next(s.a_id for s in found if not {s.a_id, s.b_id} & (
            used | {other["a_id"], other["b_id"]}))
        hide = cu.apply(store, cu.Action("hide", {"name": hidden}), "bench",
                        store.revisions()["actors_rev"])
        decide = ms(t0)
        assert hide.ok, hide.message
        t0 = time.perf_counter()
        view_parts(source, Filters())
        view = ms(t0)
        t0 = time.perf_counter()
        cu.history_entries(Store(db).history())
        history = ms(t0)
        c = store.counts()
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors")
    print(f"{'step':<58}{'ms':>8}")
    print(f"{'suggestions tab (20 pairs, a sentence for each side)':<58}{tab:>8.0f}")
    print(f"{'  of which the suggestions themselves':<58}{only:>8.0f}")
    print(f"{'accept a suggestion (a merge)':<58}{accept:>8.0f}")
    print(f"{'  baseline: graph.curation.suggest.accept (finds the pair again)':<58}"
          f"{accept_baseline:>8.0f}")
    print(f"{'hide an actor from the page (decision + re-resolution)':<58}{decide:>8.0f}")
    print(f"{'the next view (graph, table, timeline)':<58}{view:>8.0f}")
    print(f"{'history menu':<58}{history:>8.0f}")


if __name__ == "__main__":
    main()
