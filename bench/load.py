"""Many people on one dashboard: concurrent clients replaying a recorded browser session.

Builds (or reuses) a synthetic store (``bench/synthetic.py``), records one real session in
headless Chromium (``bench/load_session.py``: the page, filter changes, a click on an actor,
the actor search; every callback request the page sent) and, for each server and think time,
starts a server on 127.0.0.1 in its own process and lets N client threads replay that session
at once, each with its own view states (a think time between steps, uniform around
``--think`` seconds; 0 makes it a stress test). Servers: ``relgraph serve`` as one user runs it,
and the documented team deployment ``gunicorn -w 2 --threads 4``. Baseline in the same run: a
static Dash page served by the same server to the same clients (as many requests, the same
pauses). ``--code NAME=DIR`` (repeatable) serves these checkouts' dashboards instead of this
one's, in the same run (e.g. the commits before and after a change). Reports p50/p95/p99,
requests/s and errors.

Bounded: at most 64 clients and 40 rounds each; a run stops sending after ``--max-seconds``;
only 127.0.0.1 is contacted.

Usage: python bench/load.py [--articles 10000] [--clients 20] [--rounds 4] [--think 1 0]
           [--servers gunicorn serve] [--code before=DIR] [--db PATH] [--session PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from load_session import Client, Session, record, replay, replay_static  # noqa: E402
from synthetic import KINDS, synthetic_store  # noqa: E402
from timing import percentile  # noqa: E402

from dashboard.filters import Filters  # noqa: E402

SERVERS = {"serve": "relgraph serve", "gunicorn": "gunicorn -w 2 --threads 4"}
# The static page under `relgraph serve`: the same command, serving a bare Dash app.
BARE_SERVE = ("import load_session, "
              "dashboard.app as a; a.create_app = lambda *_, **__: load_session.bare_app(); "
              "from graph.cli.main import main; main()")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def random_filters(rng: random.Random, ids: list[str]) -> Filters:
    """A view state a person might pick (the mix of bench/dashboard_view.py)."""
    choice = rng.random()
    if choice < 0.25:
        return Filters.of(top=rng.choice([40, 60, 100]))
    if choice < 0.5:
        lo = date(2020, 1, 1) + timedelta(days=rng.randrange(1200))
        return Filters.of(since=lo.isoformat(),
                       until=(lo + timedelta(days=rng.randrange(30, 300))).isoformat())
    if choice < 0.7:
        return Filters.of(articles=tuple(rng.sample(ids, rng.randint(1, 20))))
    if choice < 0.85:
        return Filters.of(types=("person",), min_weight=rng.randint(1, 5), hide_isolated=True)
    return Filters.of(kinds=(rng.choice(KINDS)[0],))


def start(server: str, code: Path | None, db: Path) -> tuple[subprocess.Popen, str]:
    """A server process on a free port: the dashboard of checkout ``code`` (None: the static
    page) under ``server``; returns once it answers."""
    port = free_port()
    tree = code or ROOT
    # the checkout's packages, and bench/ for load_session (the static page's server)
    env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{ROOT / 'bench'}"}
    if server == "serve":
        command = ([sys.executable, "-c", BARE_SERVE] if code is None
                   else [sys.executable, "-c", "from graph.cli.main import main; main()"])
        command += ["serve", "--db", str(db), "--port", str(port)]
    else:
        app = ("load_session:bare_server()" if code is None
               else f"dashboard:server({str(db)!r})")
        command = [sys.executable, "-m", "gunicorn", "-w", "2", "--threads", "4", "-b",
                   f"127.0.0.1:{port}", "--timeout", "300", app]
    proc = subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 240
    ready = 0
    while ready < 4:  # every gunicorn worker up and answering
        try:
            urllib.request.urlopen(base, timeout=120).read()
            ready += 1
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError(f"{' '.join(command[:4])}: server did not start") from None
            time.sleep(0.5)
    return proc, base


def run(server: str, code: Path | None, db: Path, session: Session, plans: list[list[Filters]],
        args: argparse.Namespace, think: float) -> tuple[list[Client], float]:
    proc, base = start(server, code, db)
    try:
        deadline = time.time() + args.max_seconds
        clients = [Client(list(plan)) for plan in plans]
        go = replay if code is not None else replay_static
        t0 = time.perf_counter()
        with ThreadPoolExecutor(len(clients)) as pool:
            done = list(pool.map(lambda ic: go(base, session, ic[1], think, args.rounds,
                                               deadline, seed=ic[0]), enumerate(clients)))
        return done, time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def row(name: str, clients: list[Client], wall: float, base_p95: float | None) -> str:
    calls = [r.ms for c in clients for r in c.results if r.kind != "page"]
    views = [r.ms for c in clients for r in c.results if r.kind == "view"] or calls
    pages = [r.ms for c in clients for r in c.results if r.kind == "page"]
    every = [r for c in clients for r in c.results]
    errors = sum(1 for r in every if r.status not in (200, 204))
    p95 = percentile(calls, .95)
    ratio = f"{p95 / base_p95:>7.1f}" if base_p95 else f"{'1.0':>7}"
    return (f"{name:<30}{statistics.median(calls):>7.0f}{p95:>7.0f}{percentile(calls, .99):>7.0f}"
            f"{ratio}{statistics.median(views):>7.0f}{percentile(views, .95):>7.0f}"
            f"{statistics.median(pages):>7.0f}{len(every) / wall:>7.1f}{errors:>5}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--rounds", type=int, default=4,
                   help="times each client goes through the recorded steps after the page")
    p.add_argument("--think", type=float, nargs="+", default=[1.0, 0.0],
                   help="average seconds between a client's steps (0: stress)")
    p.add_argument("--servers", nargs="+", choices=SERVERS, default=list(SERVERS))
    p.add_argument("--code", action="append", default=[], metavar="NAME=DIR",
                   help="serve these checkouts' dashboards (default: this checkout)")
    p.add_argument("--max-seconds", type=float, default=300, help="per run")
    p.add_argument("--db", help="reuse (or create) the synthetic store here")
    p.add_argument("--session", help="reuse (or record) the browser session here")
    args = p.parse_args()
    args.clients, args.rounds = min(args.clients, 64), min(args.rounds, 40)
    codes = [(name, Path(d).resolve()) for name, d in (c.split("=", 1) for c in args.code)]
    codes = codes or [("this checkout", ROOT)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        store = synthetic_store(db, args.articles)
        ids = [a["id"] for a in store.articles()]
        saved = Path(args.session) if args.session else Path(tmp) / "session.json"
        if saved.exists():
            session = Session.load(saved)
        else:
            session = record(db)
            session.save(saved)
        per_step = {name: len(bodies) for name, bodies in session.steps}
        rng = random.Random(3)
        plans = [[random_filters(rng, ids) for _ in range(2 * args.rounds)]
                 for _ in range(args.clients)]
        distinct = len({f for plan in plans for f in plan})
        print(f"store: {len(ids):,} articles; {args.clients} clients, each: the page, then "
              f"{args.rounds} × (filter change, click an actor, filter change, search); "
              f"recorded requests per step: {per_step}; {distinct} distinct view states of "
              f"{sum(map(len, plans))}; load average {os.getloadavg()[0]:.1f}")
        for server in args.servers:
            for think in args.think:
                print(f"\n{SERVERS[server]}, think time {think:g} s "
                      f"(ms; p95× = p95 / the static page's p95)")
                print(f"{'':<30}{'p50':>7}{'p95':>7}{'p99':>7}{'p95×':>7}{'view50':>7}"
                      f"{'view95':>7}{'page50':>7}{'req/s':>7}{'err':>5}")
                base, wall = run(server, None, db, session, plans, args, think)
                print(row("static Dash page (baseline)", base, wall, None), flush=True)
                base_p95 = percentile([r.ms for c in base for r in c.results
                                       if r.kind != "page"], .95)
                for name, code in codes:
                    clients, wall = run(server, code, db, session, plans, args, think)
                    print(row(name, clients, wall, base_p95), flush=True)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
