"""Dashboard in the browser: page load, filter change and pan/zoom frame time.

1. Page load to first rendered graph (seed articles), cold (a new headless Chromium per run,
   nothing cached), median of 5. Baseline in the same run: a bare Dash page on the same server
   kind. With ``--before PATH`` also the dashboard of another checkout (e.g. main) and of this
   one, each served by ``relgraph serve`` in a process of its own, alternately — same run.
2. Filter change: click an actor-type box until the graph shows the new slice (median of 6).
3. Pan/zoom frame time on a 500-actor view (a synthetic store, ``bench/synthetic.py``):
   ``requestAnimationFrame`` intervals while the view pans and zooms every frame; baseline:
   the same page idle (what the browser gives when nothing is drawn).

Usage: python bench/page.py [--before /work/main] [--articles 3000]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dash import Dash, html  # noqa: E402
from synthetic import synthetic_store  # noqa: E402

from dashboard import create_app  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.store.store import Store  # noqa: E402
from graph.views.rules import view_graph  # noqa: E402

CY = "document.getElementById('graph')._cyreg.cy"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1400,900"):
        opts.add_argument(flag)
    return webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))


def serve(app) -> tuple[str, object]:  # noqa: ANN001
    """Serve a Dash ``app`` on a free 127.0.0.1 port in a thread, without request logs."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def serve_checkout(path: Path, db: Path) -> tuple[str, subprocess.Popen]:
    """Another checkout's dashboard in its own process (its code, this machine, this run)."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from graph.cli.main import main; main()",
                             "serve", "--db", str(db), "--port", str(port)], cwd=path,
                            env={"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1)
            return url, proc
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{path}: dashboard did not start")


def load_time(url: str, ready: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        driver = browser()
        try:
            t0 = time.perf_counter()
            driver.get(url)
            while not driver.execute_script(ready):
                if time.perf_counter() - t0 > 90:
                    raise RuntimeError(f"{url}: not rendered after 90 s")
                time.sleep(0.005)
            times.append(time.perf_counter() - t0)
        finally:
            driver.quit()
    return statistics.median(times)


DRAWN = ("var g = document.getElementById('graph'); return !!(g && g._cyreg && "
         "g._cyreg.cy.nodes().length > 0)")


def graph_ready(n: int) -> str:
    return (f"var g = document.getElementById('graph'); return !!(g && g._cyreg && "
            f"g._cyreg.cy.nodes().length === {n})")


def filter_change(url: str) -> float:
    from selenium.webdriver.common.by import By

    driver = browser()
    try:
        driver.get(url)
        while not driver.execute_script(f"try {{ return {CY}.nodes().length > 0 }} "
                                        "catch (e) { return false }"):
            time.sleep(0.01)
        times = []
        for _ in range(6):
            before = driver.execute_script(f"return {CY}.nodes().map(n => n.id()).join()")
            box = driver.find_element(By.CSS_SELECTOR, "#types input[value=person]")
            t0 = time.perf_counter()
            box.click()
            while driver.execute_script(f"return {CY}.nodes().map(n => n.id()).join()") == (
                    before):
                time.sleep(0.005)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)
    finally:
        driver.quit()


FRAMES_JS = """
const done = arguments[arguments.length - 1];
const cy = document.getElementById('graph')._cyreg.cy;
const moving = arguments[0];
const stamps = [];
let i = 0;
function step(t) {
  stamps.push(t);
  if (moving) {
    const z = cy.zoom();
    cy.zoom({level: i % 40 < 20 ? z * 1.03 : z / 1.03,
             renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}});
    cy.panBy({x: i % 60 < 30 ? 6 : -6, y: 3 * Math.sin(i / 7)});
  }
  if (++i < 150) { requestAnimationFrame(step); } else {
    const d = stamps.slice(1).map((s, k) => s - stamps[k]).sort((a, b) => a - b);
    done([d[Math.floor(d.length / 2)], d[Math.floor(d.length * 0.95)]]);
  }
}
requestAnimationFrame(step);
"""


def frame_times(url: str, n: int) -> tuple[list[float], list[float]]:
    driver = browser()
    try:
        driver.set_script_timeout(60)
        driver.get(url)
        t0 = time.perf_counter()
        while not driver.execute_script(graph_ready(n)):
            if time.perf_counter() - t0 > 60:
                raise RuntimeError("500-actor view not rendered after 60 s")
            time.sleep(0.05)
        time.sleep(1.0)  # labels placed, layout settled
        idle = driver.execute_async_script(FRAMES_JS, False)
        moving = driver.execute_async_script(FRAMES_JS, True)
        return idle, moving
    finally:
        driver.quit()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", help="another checkout whose dashboard to load in this run")
    p.add_argument("--articles", type=int, default=3000, help="synthetic store size")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        store = Store(db)
        ingest([ROOT / "seeds"], store, progress=False)
        n = view_graph(store, top=60).number_of_nodes()
        bare = Dash(__name__)
        bare.layout = html.Div("ready", id="ready")
        rows = []
        url, server = serve(bare)
        rows.append(("bare Dash page (baseline)",
                     load_time(url, "return !!document.getElementById('ready')")))
        server.shutdown()
        if args.before:
            # both checkouts served the same way (`relgraph serve`, a process of its own),
            # alternately: the in-process server below shares this process with the driver
            # each its own store, written by its own code (their schemas may differ)
            copies = {"before": Path(tmp) / "seeds-before.db",
                      "after": Path(tmp) / "seeds-after.db"}
            subprocess.run([sys.executable, "-c", "from graph.cli.main import main; main()",
                            "ingest", str(ROOT / "seeds"), "--db", str(copies["before"]),
                            "--quiet"], cwd=args.before, check=True,
                           env={"PYTHONPATH": str(Path(args.before)), "PATH": "/usr/bin:/bin"})
            with sqlite3.connect(db) as src, sqlite3.connect(copies["after"]) as dst:
                src.backup(dst)
            for _ in range(2):
                for path, name, copy in (
                        (Path(args.before), f"dashboard of {args.before} (before)",
                         copies["before"]),
                        (ROOT, "this checkout, relgraph serve (after)", copies["after"])):
                    url, proc = serve_checkout(path, copy)
                    try:
                        # (each store is its own ingest: any graph drawn is the first graph)
                        rows.append((name, load_time(url, DRAWN, runs=3)))
                    finally:
                        proc.terminate()
        url, server = serve(create_app(store))
        rows.append(("relgraph dashboard (this checkout)", load_time(url, graph_ready(n))))
        change = filter_change(url)
        server.shutdown()
        base = rows[0][1]
        print(f"{'page load to first rendered graph (seeds)':<44}{'median s':>9}{'ratio':>7}")
        for name, value in rows:
            print(f"{name:<44}{value:>9.2f}{value / base:>7.2f}")
        print(f"filter change to new graph (median of 6): {change:.2f} s")

        big = synthetic_store(Path(tmp) / "big.db", args.articles)
        n_big = view_graph(big, top=500).number_of_nodes()
        url, server = serve(create_app(big))
        idle, moving = frame_times(url + "?top=500", n_big)
        server.shutdown()
        print(f"{n_big}-actor view, frame interval ms     {'p50':>7}{'p95':>7}")
        print(f"{'idle page (baseline)':<38}{idle[0]:>7.1f}{idle[1]:>7.1f}")
        print(f"{'pan + zoom every frame':<38}{moving[0]:>7.1f}{moving[1]:>7.1f}"
              f"   ratio p50 {moving[0] / idle[0]:.2f}")


if __name__ == "__main__":
    main()
