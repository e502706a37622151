"""Many people on one dashboard: concurrent clients against a real ``relgraph serve`` process.

Builds (or reuses) a synthetic store (``bench/synthetic.py``), starts the dashboard on
127.0.0.1 in a separate process (``relgraph serve`` as one user runs it, or the documented team
deployment ``gunicorn -w 2 --threads 4``), and lets N client threads each load the page and
then change filters through the dashboard's own view callback (the request the page sends when
a filter changes), waiting a think time between changes like a person (uniform, averaging
``--think`` seconds; 0 makes it a stress test where every client fires at once). Reports
latency percentiles and errors; baseline: the same requests from a single client. Traffic goes
to 127.0.0.1 only and stops after the requests are done.

Usage: python bench/load.py [--articles 10000] [--clients 20] [--requests 15] [--think 1.0]
                            [--server serve|gunicorn] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the packages: bench/dashboard.py is no package

from synthetic import synthetic_store  # noqa: E402
from timing import percentile  # noqa: E402

from dashboard.filters import CONTROLS, Filters, filters_to_controls  # noqa: E402
from dashboard.ids import GRAPH  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def view_request(base: str) -> tuple[str, list[dict], str]:
    """(callback output key, its outputs, its changed input) for the view callback, read
    from the running app's own callback list (so the bench follows the dashboard)."""
    deps = json.loads(urllib.request.urlopen(base + "_dash-dependencies", timeout=60).read())
    for dep in deps:
        if f"{GRAPH}.elements" in dep["output"]:
            outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
                       for part in dep["output"].strip(".").split("...")]
            return dep["output"], outputs, dep["inputs"]
    raise RuntimeError("the dashboard has no view callback")


def payload(key: str, outputs: list[dict], inputs: list[dict], f: Filters) -> bytes:
    values = dict(zip([f"{i}.{p}" for i, p in CONTROLS], filters_to_controls(f), strict=True))
    ins = [{"id": i["id"], "property": i["property"],
            "value": values.get(f"{i['id']}.{i['property']}")} for i in inputs]
    return json.dumps({"output": key, "outputs": outputs, "inputs": ins,
                       "changedPropIds": [f"{CONTROLS[0][0]}.{CONTROLS[0][1]}"],
                       "state": []}).encode()


def random_filters(rng: random.Random, ids: list[str]) -> Filters:
    choice = rng.random()
    if choice < 0.3:
        return Filters(top=rng.choice([40, 60, 100]))
    if choice < 0.55:
        start = rng.randrange(2020, 2024)
        return Filters(since=f"{start}-0{rng.randint(1, 9)}-01",
                       until=f"{start + 1}-0{rng.randint(1, 9)}-01")
    if choice < 0.75:
        return Filters(articles=tuple(rng.sample(ids, rng.randint(1, 10))))
    if choice < 0.9:
        return Filters(types=("person",), min_weight=rng.randint(1, 4))
    return Filters(kinds=(rng.choice(["meet", "accuse", "supply"]),))


def run_client(base: str, req: tuple, states: list[Filters],
               think: float = 0.0) -> list[tuple[float, int]]:
    key, outputs, inputs = req
    pause = random.Random(len(states) * 7919 + hash(str(states[0])) % 1000)
    out = []
    t0 = time.perf_counter()
    status = urllib.request.urlopen(base, timeout=120).status  # the page
    out.append(((time.perf_counter() - t0) * 1000, status))
    for f in states:
        if think:
            time.sleep(pause.uniform(0.5 * think, 1.5 * think))
        body = payload(key, outputs, inputs, f)
        request = urllib.request.Request(base + "_dash-update-component", data=body,
                                         headers={"Content-Type": "application/json"})
        t0 = time.perf_counter()
        try:
            status = urllib.request.urlopen(request, timeout=120).status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except OSError:
            status = 0
        out.append(((time.perf_counter() - t0) * 1000, status))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=15, help="filter changes per client")
    p.add_argument("--think", type=float, default=1.0,
                   help="average seconds between a client's filter changes (0: stress)")
    p.add_argument("--server", choices=("serve", "gunicorn"), default="serve")
    p.add_argument("--db", help="reuse (or create) the synthetic store here")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        store = synthetic_store(db, args.articles)
        ids = [a["id"] for a in store.articles()]
        port = free_port()
        command = ([sys.executable, "-m", "graph.cli", "serve", "--db", str(db), "--port",
                    str(port)] if args.server == "serve" else
                   [sys.executable, "-m", "gunicorn", "-w", "2", "--threads", "4", "-b",
                    f"127.0.0.1:{port}", f"dashboard:server({str(db)!r})"])
        server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.time() + 180
            while True:
                try:
                    urllib.request.urlopen(base, timeout=60)
                    break
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.5)
            req = view_request(base)
            rng = random.Random(3)
            plans = [[random_filters(rng, ids) for _ in range(args.requests)]
                     for _ in range(args.clients)]
            single = run_client(base, req, plans[0])
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                results = list(pool.map(lambda plan: run_client(base, req, plan, args.think),
                                        plans))
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(timeout=30)
    one = [ms for ms, _ in single[1:]]
    many = [ms for r in results for ms, _ in r[1:]]
    pages = [r[0][0] for r in results]
    errors = sum(1 for r in results for _, status in r if status != 200)
    server_name = ("relgraph serve" if args.server == "serve"
                   else "gunicorn -w 2 --threads 4")
    print(f"store: {len(ids):,} articles; {args.clients} clients × {args.requests} filter "
          f"changes (+ the page each), think time {args.think:g} s; {server_name} on "
          "127.0.0.1")
    print(f"{'view callback (ms)':<36}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'one client alone (baseline)':<36}{statistics.median(one):>8.0f}"
          f"{percentile(one, .95):>8.0f}{max(one):>8.0f}")
    print(f"{f'{args.clients} clients at once':<36}{statistics.median(many):>8.0f}"
          f"{percentile(many, .95):>8.0f}{max(many):>8.0f}  (target p95 <= 500 ms)")
    print(f"page loads under load: p50 {statistics.median(pages):.0f} ms; errors: {errors}; "
          f"{len(many) / wall:.1f} requests/s over {wall:.1f} s")


if __name__ == "__main__":
    main()
