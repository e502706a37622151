"""The time slider's frame-to-frame update on a large store, beside the ordinary date filter.

1. Server callback path: for each window of the slider (the default size, then by month and
   by week, at most ``--frames`` each) the "Over time" tab's callback body
   (:func:`dashboard.over_time.time_view`: the window's view graph, its elements at the view's
   positions, caption, slider marks) and its JSON encoding, each window computed for the first
   time (no cached frame). Baseline, same run, same windows, alternately: the same range set
   through the ordinary date filter (:func:`dashboard.callbacks.view_parts`: graph, elements
   with their layout, summary, timeline, actor table, legend) and its JSON encoding.
2. Unless ``--skip-browser``, in headless Chromium: from setting the slider to the frame's
   caption drawn (one animation frame later), and the same range set through the date filter
   until the view's URL says so; median and p95 over ``--browser-frames`` steps, each kind
   after the page settled and two untimed steps.

Target: frame-to-frame update p95 <= 300 ms on the 10,000-article store.

Usage: python bench/time_slider.py [--articles 10000] [--db PATH] [--frames 60]
           [--browser-frames 20] [--skip-browser]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dash import no_update  # noqa: E402
from page import browser, serve  # noqa: E402
from plotly.utils import PlotlyJSONEncoder  # noqa: E402
from synthetic import synthetic_store  # noqa: E402
from timing import ms, percentile  # noqa: E402

from dashboard import create_app  # noqa: E402
from dashboard.callbacks import view_parts  # noqa: E402
from dashboard.filters import Filters  # noqa: E402
from dashboard.over_time import time_view  # noqa: E402
from dashboard.viewdata import ViewData  # noqa: E402
from graph.slices.windows import span_windows  # noqa: E402
from graph.store.store import Store  # noqa: E402


def encoded(out: dict) -> int:
    """Bytes of the outputs as Dash sends them (no_update left out)."""
    return len(json.dumps({k: v for k, v in out.items() if v is not no_update},
                          cls=PlotlyJSONEncoder))


def row(name: str, values: list[float], base: list[float] | None = None) -> str:
    p50, p95 = statistics.median(values), percentile(values, .95)
    ratio = f"{p95 / percentile(base, .95):>8.2f}" if base else f"{'':>8}"
    return f"{name:<46}{p50:>8.0f}{p95:>8.0f}{max(values):>8.0f}{ratio}"


def bench_server(store: Store, frames: int) -> None:
    f = Filters()
    fresh = ViewData(store)
    c = fresh.corpus()
    days = sorted({a["date"] for a in c.articles if a["date"]})
    span = [date.fromisoformat(d) for d in days]
    print(f"{'frame-to-frame, server (ms)':<46}{'p50':>8}{'p95':>8}{'max':>8}{'p95/base':>8}")
    for size in (None, "month", "week"):
        used, ws = span_windows(span, None, None, size)
        ws = ws[:frames]
        slider, plain = ViewData(store), ViewData(store)  # each window computed once
        slider.corpus(), plain.corpus()
        shown = None
        time_view(slider, f, "time", "step", size, 0, None, None, None, None)  # the tab opens
        view_parts(plain, f)
        t_slider, t_plain, sizes = [], [], []
        for i, w in enumerate(ws):
            t0 = time.perf_counter()
            out = time_view(slider, f, "time", "step", size, i, None, None, shown, None)
            sizes.append(encoded(out))
            t_slider.append(ms(t0))
            shown = out["shown"]
            t0 = time.perf_counter()
            encoded(view_parts(plain, Filters.of(since=w.since, until=w.until)))
            t_plain.append(ms(t0))
        label = f"{used}{' (default)' if size is None else ''}, {len(ws)} windows"
        print(row(f"date filter, {label} (baseline)", t_plain))
        print(row(f"time slider, {label}", t_slider, t_plain))
        print(f"{'':<46}frame size p50 {statistics.median(sizes) / 1024:.0f} KB")


SETTLE = 5.0  # s after a page load before the first timed step
WARM = 2  # first steps of each kind not timed (the browser's first frames, caches)
BROWSER_STEP = """
const [want, value, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const t0 = performance.now();
window.dash_clientside.set_props("time-slider", {value: value});
(function poll() {
  const c = document.getElementById("time-caption").textContent;
  if (c.startsWith(want)) { requestAnimationFrame(() => done(performance.now() - t0)); }
  else { setTimeout(poll, 2); }
})();
"""
BROWSER_FILTER = """
const [since, until, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const t0 = performance.now();
window.dash_clientside.set_props("dates", {start_date: since, end_date: until});
(function poll() {
  const s = window.location.search;
  if (s.includes("since=" + since) && s.includes("until=" + until)) {
    requestAnimationFrame(() => done(performance.now() - t0));
  } else { setTimeout(poll, 2); }
})();
"""


def bench_browser(store: Store, steps: int) -> None:
    data = ViewData(store)
    days = sorted({a["date"] for a in data.articles() if a["date"]})
    _, ws = span_windows([date.fromisoformat(d) for d in days], None, None, "month")
    ws = ws[:steps + WARM + 1]
    url, server = serve(create_app(store))
    driver = browser()
    driver.set_script_timeout(60)
    try:
        t_slider, t_plain = [], []
        driver.get(url)
        wait = time.time() + 120
        while time.time() < wait and not driver.execute_script(
                "var g = document.getElementById('graph'); "
                "return !!(g && g._cyreg && g._cyreg.cy.nodes().length)"):
            time.sleep(0.1)
        time.sleep(SETTLE)  # the page's first callbacks (options, history...) done
        for k, w in enumerate(ws[1:]):  # the date filter first: it leaves the tab shut
            took = driver.execute_async_script(BROWSER_FILTER, w.since.isoformat(),
                                               w.until.isoformat())
            if k >= WARM:
                t_plain.append(took)
        driver.get(url + f"#mode=step&size=month&at={ws[0].key}")
        wait = time.time() + 120
        while time.time() < wait and not driver.execute_script(
                "var c = document.getElementById('time-caption'); "
                f"return !!(c && c.textContent.startsWith({json.dumps(ws[0].label)}))"):
            time.sleep(0.1)
        time.sleep(SETTLE)
        for i, w in enumerate(ws[1:], start=1):
            took = driver.execute_async_script(BROWSER_STEP, w.label, i)
            if i > WARM:
                t_slider.append(took)
        print(f"{'in the browser (ms), by month':<46}{'p50':>8}{'p95':>8}{'max':>8}"
              f"{'p95/base':>8}")
        print(row(f"date filter, {len(t_plain)} ranges (baseline)", t_plain))
        print(row(f"time slider, {len(t_slider)} steps", t_slider, t_plain))
    finally:
        driver.quit()
        server.shutdown()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--db", help="reuse (or create) the synthetic store here")
    p.add_argument("--frames", type=int, default=60)
    p.add_argument("--browser-frames", type=int, default=20)
    p.add_argument("--skip-browser", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        store = synthetic_store(db, args.articles)
        counts = store.counts()
        print(f"store: {counts['articles']:,} articles, {counts['actors']:,} actors")
        bench_server(store, args.frames)
        if not args.skip_browser:
            bench_browser(store, args.browser_frames)


if __name__ == "__main__":
    main()
