"""A top-N view in the browser (issue 25): the time from entering a new "top N" in the
filters to headless Chromium drawing all N actors, on a store served by ``relgraph serve``.

Each checkout (``--code``, repeatable; default this one) serves the same store from a process
of its own and the runs alternate between them in one session. Every run asks for a view no
process has computed yet (top 300, 301, 302, ...; the same sequence for each checkout): the
server's view, its layout and the page's drawing are all in the time. The page's own part,
its main thread's busy time (Chromium's TaskDuration), is given too: on a loaded machine the
server's wall time swamps the rest. So is the number of times cytoscape drew the whole
graph in the move (its "render" events): each drawing of a large view works out the links'
geometry and bounding boxes again, so one drawing per move is the aim.

Usage: python bench/browser_moves.py --db named.db [--code /tmp/base] [--code .] [--runs 5]
       [--top 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from page import CY, browser, graph_ready, serve_checkout  # noqa: E402

# After the actors are on the graph: the page's own timers (a new view is handled 20 ms
# after its elements arrive, then the labels are placed) and two frames, so that the time
# includes the drawing of the view with its labels, not only the elements arriving.
DRAWN = """var done = arguments[arguments.length - 1];
setTimeout(function () { setTimeout(function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(1); }); });
}, 0); }, 60);"""


def busy(driver) -> float:  # noqa: ANN001
    """Seconds the page's main thread has spent in tasks so far (Chromium's TaskDuration:
    scripts, style, layout and drawing; not the time it waits for the server)."""
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


# Counts cytoscape's drawings of the graph (its "render" event, once per frame drawn).
COUNT_DRAWINGS = f"""var cy = {CY};
if (!cy._drawings) {{ cy._drawings = {{n: 0}}; cy.on('render', function () {{
  cy._drawings.n += 1; }}); }}
return cy._drawings.n;"""


def top_move(driver, top: int) -> tuple[float, float, int]:  # noqa: ANN001
    """Seconds from entering ``top`` (Enter commits the debounced input) to ``top`` actors
    drawn with their labels (:data:`DRAWN`), the page's main-thread time in them
    (:func:`busy`: the page's own part of the move, whatever the server took) and the
    number of times cytoscape drew the graph in them (:data:`COUNT_DRAWINGS`)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.CSS_SELECTOR, "#top")
    box.clear()
    box.send_keys(str(top))
    d0 = driver.execute_script(COUNT_DRAWINGS)
    b0 = busy(driver)
    t0 = time.perf_counter()
    box.send_keys(Keys.ENTER)
    while not driver.execute_script(graph_ready(top)):
        if time.perf_counter() - t0 > 120:
            raise RuntimeError(f"top {top} not drawn after 120 s")
        time.sleep(0.005)
    driver.execute_async_script(DRAWN)
    wall, page = time.perf_counter() - t0, busy(driver) - b0
    return wall, page, driver.execute_script(COUNT_DRAWINGS) - d0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True, help="the store (e.g. bench/dashboard_moves.py's)")
    p.add_argument("--code", action="append", help="a checkout to serve (repeatable)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--top", type=int, default=300)
    args = p.parse_args()
    codes = [Path(c).resolve() for c in (args.code or [ROOT])]
    served = [serve_checkout(c, Path(args.db).resolve()) for c in codes]
    drivers = []
    try:
        for url, _ in served:
            d = browser()
            d.set_script_timeout(120)
            d.execute_cdp_cmd("Performance.enable", {})
            d.get(url)
            t0 = time.perf_counter()
            while not d.execute_script(
                f"try {{ return {CY}.nodes().length > 0 }} catch (e) {{ return false }}"
            ):
                if time.perf_counter() - t0 > 180:
                    raise RuntimeError(f"{url}: no graph after 180 s")
                time.sleep(0.05)
            drivers.append(d)
        times: list[list[tuple[float, float, int]]] = [[] for _ in codes]
        for run in range(args.runs):
            for i, d in enumerate(drivers):
                times[i].append(top_move(d, args.top + run))
        for code, runs in zip(codes, times, strict=True):
            for what, xs in (("drawn", [r[0] for r in runs]), ("page", [r[1] for r in runs])):
                print(
                    f"{code}: top {args.top}+ {what}, median "
                    f"{statistics.median(xs) * 1000:.0f} ms "
                    f"(runs: {', '.join(f'{x * 1000:.0f}' for x in xs)})"
                )
            n = [r[2] for r in runs]
            print(
                f"{code}: top {args.top}+ drawings of the graph, median "
                f"{statistics.median(n):g} (runs: {', '.join(map(str, n))})"
            )
    finally:
        for d in drivers:
            d.quit()
        for _, proc in served:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
