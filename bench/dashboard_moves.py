"""Server time of the dashboard's slow moves on a 10,000-article store (issue 25, item 6):
accept a suggested merge, hide an actor (one the suggestions name, then one outside the
view), show the top 300, a timeline (date) range.

Each move is what the server does between the click and the answer the page draws: a
decision (``dashboard.curation_ui.apply``) and then the next view (``view_parts``: graph
elements, summary, legend, timeline), or a new view alone. The actor table is computed only
while its tab is open (``table_rows``): timed apart, for the top 300. The corpus is kept in
memory as the dashboard keeps it, the garbage collector settled once it is loaded as the
server does (``dashboard.collector``); a view not yet computed for this store revision is
what is timed (the view cache is emptied before a top-300 view; each date range is a new
one).

Baseline: this script run from another checkout (the same store, the same run), e.g.
``PYTHONPATH=/tmp/base python bench/dashboard_moves.py --db /tmp/named.db`` alternated with
this checkout. Prints p50 and p95 per move in ms of wall time and of this process's CPU
time (the steadier figure on a machine loaded by other work).

Usage: python bench/dashboard_moves.py [--articles 10000] [--runs 8] [--db PATH] [--profile OUT]
"""

from __future__ import annotations

import argparse
import cProfile
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from synthetic import named_cast, synthetic_store  # noqa: E402
from timing import ms, percentile  # noqa: E402

from dashboard import curation_ui as cu  # noqa: E402
from dashboard.callbacks import view_parts  # noqa: E402
from dashboard.transforms import Filters  # noqa: E402
from dashboard.viewdata import ViewData  # noqa: E402

try:  # a server settles its garbage collector once the corpus is loaded (issue 25)
    from dashboard.collector import settle  # noqa: E402
except ImportError:  # a baseline from before: the collector as Python sets it
    settle = None  # type: ignore[assignment]

try:  # the actor table apart from the view, computed only while its tab is open (issue 25)
    from dashboard.callbacks import table_rows  # noqa: E402
except ImportError:  # a baseline from before: the table is part of every view
    table_rows = None  # type: ignore[assignment]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=8)
    p.add_argument("--db", help="keep the synthetic store here (decisions go to a copy)")
    p.add_argument("--profile", help="write a cProfile of the timed moves to this file")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "named.db"
        if args.db:
            if not Path(args.db).exists():
                synthetic_store(Path(args.db), args.articles, cast=named_cast()).engine.dispose()
            shutil.copy(args.db, db)
        store = synthetic_store(db, args.articles, cast=named_cast())
        # as the server (dashboard.app.serve) makes it
        source = ViewData(store, on_load=settle) if settle else ViewData(store)
        view_parts(source, Filters())
        entries = cu.suggestion_entries(store, source.articles())
        prof = cProfile.Profile() if args.profile else None
        times: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}  # the same, in CPU time: steadier on a loaded machine
        used: set[str] = set()
        pairs = []
        for e in entries:  # disjoint pairs: each accept still finds both actors
            if not {e["a_id"], e["b_id"]} & used:
                pairs.append(e)
                used |= {e["a_id"], e["b_id"]}
        rng = random.Random(11)
        start = date(2020, 1, 1)

        def timed(move: str, act) -> None:
            if prof:
                prof.enable()
            t0, c0 = time.perf_counter(), time.process_time()
            act()
            times.setdefault(move, []).append(ms(t0))
            cpu.setdefault(move, []).append((time.process_time() - c0) * 1000)
            if prof:
                prof.disable()

        def decide(action: cu.Action, move: str) -> None:
            rev = view_parts(source, Filters())["rev"]
            result = cu.apply(store, action, "bench", rev)
            assert result.ok, result.message
            t0, c0 = time.perf_counter(), time.process_time()
            view_parts(source, Filters())
            times.setdefault(f"  {move}: the next view", []).append(ms(t0))
            cpu.setdefault(f"  {move}: the next view", []).append((time.process_time() - c0) * 1000)

        for run in range(args.runs):
            pair = pairs[2 * run]
            button = {
                "do": "accept",
                "arg": cu.suggestion_arg(pair["a_id"], pair["b_id"], pair["into"]),
            }
            view_parts(source, Filters())  # the page shows the current view first
            timed(
                "accept a suggested merge", lambda b=button: decide(cu.button_action(b), "accept")
            )
            hidden = pairs[2 * run + 1]["a_id"]
            view_parts(source, Filters())
            timed("hide an actor", lambda h=hidden: decide(cu.Action("hide", {"name": h}), "hide"))
            view_parts(source, Filters())
            shown = {str(n) for n in source.graph(Filters())}
            minor = next(
                a["id"]
                for a in reversed(store.actor_table())
                if a["id"] not in shown and a["id"] not in used
            )
            used.add(minor)
            timed(
                "hide an actor outside the view",
                lambda h=minor: decide(cu.Action("hide", {"name": h}), "outside"),
            )
            source.cache.clear()
            if hasattr(source, "layouts"):  # a first top 300: its layout not kept either
                source.layouts.clear()
            timed("top 300", lambda: view_parts(source, Filters.of(top=300)))
            if table_rows is not None:  # the actor table's tab open: its rows as well
                timed("top 300: the actor table", lambda: table_rows(source, Filters.of(top=300)))
            lo = start + timedelta(days=rng.randrange(1200))
            hi = lo + timedelta(days=rng.randrange(30, 300))
            timed(
                "timeline (date) range",
                lambda lo=lo, hi=hi: view_parts(
                    source, Filters.of(since=lo.isoformat(), until=hi.isoformat())
                ),
            )
        if prof:
            prof.dump_stats(args.profile)
        c = store.counts()
    order = [
        "accept a suggested merge",
        "accept",
        "hide an actor",
        "hide",
        "hide an actor outside the view",
        "outside",
        "top 300",
        "top 300: the actor table",
        "timeline (date) range",
    ]
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors; {args.runs} runs each")
    print(f"{'move (server time)':<34}{'p50 ms':>9}{'p95 ms':>9}{'CPU p50':>9}{'CPU p95':>9}")
    for move, xs in sorted(
        times.items(),
        key=lambda m: order.index(m[0] if m[0] in order else m[0].split(":")[0].strip()),
    ):
        print(
            f"{move:<34}{percentile(xs, 0.5):>9.0f}{percentile(xs, 0.95):>9.0f}"
            f"{percentile(cpu[move], 0.5):>9.0f}{percentile(cpu[move], 0.95):>9.0f}"
        )


if __name__ == "__main__":
    main()
