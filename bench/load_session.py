"""A real browser session on the dashboard, recorded once and replayed by many clients.

:func:`record` serves the dashboard on 127.0.0.1 in this process, drives headless Chromium
through one session and keeps every callback request the page sends, grouped by step: the page
load; a filter change; a click on an actor (its details); a second filter change with that
actor selected (the details follow the view); the actor search. :func:`replay` sends one
client's session: the page (``/``, its layout and callback list) then the recorded steps,
each step's requests in recorded order (the page chains them) and a think time between steps.
Each client gives the filter changes its own view states and selects an actor of the view it
was answered with (one at random: hubs too); everything else in the requests is what the
browser sent. The recording clicks the actor of median mentions (the browser lists every
article of a hub in its panel: thousands at 10,000 articles, slow to draw). Nothing but
127.0.0.1 is contacted.
"""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import create_app, ids
from dashboard.filters import CONTROLS, Filters, filters_to_controls, filters_to_query
from graph.store.store import Store

CY = f"document.getElementById('{ids.GRAPH}')._cyreg.cy"
STEPS = ("page", "filter", "select", "filter", "search")
CONTROL_KEYS = {name: f"{i}.{p}" for name, (i, p) in CONTROLS.items()}


@dataclass
class Session:
    """Recorded request bodies per step, and the actor the recording selected."""

    steps: list[tuple[str, list[dict]]]
    node: str
    label: str

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"steps": self.steps, "node": self.node,
                                    "label": self.label}))

    @classmethod
    def load(cls, path: Path) -> Session:
        data = json.loads(path.read_text())
        return cls([(name, bodies) for name, bodies in data["steps"]], data["node"],
                   data["label"])


def kind(body: dict) -> str:
    """Which callback a request is: view, details, search or other."""
    out = body.get("output", "")
    for name, part in (("view", f"{ids.GRAPH}.elements"), ("details", f"{ids.DETAILS}.children"),
                       ("search", f"{ids.SEARCH}.value")):
        if part in out:
            return name
    return "other"


# -- recording ------------------------------------------------------------------------------
def record(db: Path) -> Session:
    """Drive headless Chromium through one session on the dashboard of ``db``."""
    # Flask, Dash and the browser driver only when a session is recorded (not for --help)
    from flask import request
    from page import browser, serve

    app = create_app(Store(db))
    seen: list[tuple[str, dict]] = []
    busy = [0, time.perf_counter()]
    step = ["page"]
    lock = threading.Lock()

    @app.server.before_request
    def keep():
        if request.path.endswith("_dash-update-component"):
            with lock:
                seen.append((step[0], json.loads(request.get_data())))
                busy[0] += 1

    @app.server.after_request
    def done(response):
        if request.path.endswith("_dash-update-component"):
            with lock:
                busy[0] -= 1
                busy[1] = time.perf_counter()
        return response

    def settle() -> None:
        """Wait until no callback ran for 3 s (the page's chains have finished; a busy
        browser takes a while to send the next link of a chain)."""
        t0 = time.perf_counter()
        while busy[0] or time.perf_counter() - busy[1] < 3.0:
            if time.perf_counter() - t0 > 120:
                raise RuntimeError("the page kept sending callbacks for 2 minutes")
            time.sleep(0.05)

    url, server = serve(app)
    driver = browser()
    try:
        driver.get(url)
        wait_for(driver, f"return {CY}.nodes().length > 0")
        settle()
        node, label = driver.execute_script(
            f"var ns = {CY}.nodes().sort((a, b) => a.data('mentions') - b.data('mentions'));"
            "var n = ns[Math.floor(ns.length / 2)]; return [n.id(), n.data('label')];")
        actions = [("filter", "window.dash_clientside.set_props('top', {value: 40});"),
                   ("select", f"{CY}.getElementById({json.dumps(node)}).emit('tap');"),
                   ("filter", "window.dash_clientside.set_props('types', "
                              "{value: ['person', 'organisation']});"),
                   ("search", f"window.dash_clientside.set_props('search', "
                              f"{{value: {json.dumps(node)}}});")]
        for name, script in actions:
            print(f"recording: {name}", flush=True)
            step[0] = name
            busy[1] = time.perf_counter()
            # run after this call returns: the page's own work must not block the driver
            driver.execute_script(f"setTimeout(function () {{ {script} }}, 0);")
            time.sleep(0.5)
            settle()
    finally:
        driver.quit()
        server.shutdown()
    steps: list[tuple[str, list[dict]]] = []
    names = iter(STEPS)
    current = None
    for name, body in seen:  # consecutive requests of one step
        if name != current:
            steps.append((next(names), []))
            current = name
        steps[-1][1].append(body)
    got = [(name, sorted({kind(b) for b in bodies})) for name, bodies in steps]
    wanted = {"filter": "view", "select": "details", "search": "search"}
    if [name for name, _ in got] != list(STEPS) or any(
            wanted.get(name, "other") not in kinds for name, kinds in got):
        raise RuntimeError(f"the recorded session is incomplete: {got}")
    return Session(steps, node, label)


def wait_for(driver, script: str, timeout: float = 120) -> None:  # noqa: ANN001
    t0 = time.perf_counter()
    while True:
        try:
            if driver.execute_script(script):
                return
        except Exception:  # noqa: BLE001 — page still rendering
            pass
        if time.perf_counter() - t0 > timeout:
            raise RuntimeError(f"page not ready after {timeout:.0f} s")
        time.sleep(0.05)


# -- replaying ------------------------------------------------------------------------------
@dataclass
class Result:
    """One request: kind ("page", "view", "details", "search", "other"), ms and status."""

    kind: str
    ms: float
    status: int


@dataclass
class Client:
    """One person: their view states (one per filter change) and what they were shown."""

    states: list[Filters]
    node: str | None = None
    label: str | None = None
    results: list[Result] = field(default_factory=list)


def send(url: str, data: bytes | None = None, timeout: float = 120) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except OSError:
        return 0, b""


def timed(client: Client, what: str, url: str, data: bytes | None = None) -> bytes:
    t0 = time.perf_counter()
    status, out = send(url, data)
    client.results.append(Result(what, (time.perf_counter() - t0) * 1000, status))
    return out


def rewrite(value: object, f: Filters, client: Client, session: Session) -> object:
    """A recorded value with the client's view state and selected actor."""
    if isinstance(value, str) and value == session.node:
        return client.node or value
    if isinstance(value, dict):
        out = {k: rewrite(v, f, client, session) for k, v in value.items()}
        if value.get("id") == session.node and "label" in value:
            out["label"] = client.label or value["label"]
        return out
    if isinstance(value, list):
        return [rewrite(v, f, client, session) for v in value]
    return value


def prepared(body: dict, f: Filters, client: Client, session: Session) -> dict:
    controls = {CONTROL_KEYS[name]: v for name, v in filters_to_controls(f).items()}

    def dep(d: dict | list) -> dict | list:
        if isinstance(d, list):  # pattern-matching inputs
            return [dep(x) for x in d]
        key = f"{d.get('id')}.{d.get('property')}"
        if key in controls:
            return {**d, "value": controls[key]}
        if key == f"{ids.QUERY}.data":
            return {**d, "value": filters_to_query(f)}
        return {**d, "value": rewrite(d.get("value"), f, client, session)}
    return {**body, "inputs": [dep(d) for d in body.get("inputs", [])],
            "state": [dep(d) for d in body.get("state", [])]}


def pick(response: bytes, rng: random.Random) -> tuple[str, str] | None:
    """An actor of the view a view callback answered with (id, label)."""
    try:
        els = json.loads(response)["response"][ids.GRAPH]["elements"]
    except (ValueError, KeyError, TypeError):
        return None
    nodes = sorted((e["data"] for e in els if "source" not in e["data"]),
                   key=lambda d: d["id"])
    if not nodes:
        return None
    chosen = rng.choice(nodes)
    return chosen["id"], chosen["label"]


def replay(base: str, session: Session, client: Client, think: float, rounds: int,
           deadline: float, seed: int) -> Client:
    """One client's session: the page, then ``rounds`` times the recorded steps."""
    pause = random.Random(seed)
    states = iter(client.states)
    f = Filters()
    timed(client, "page", base)
    timed(client, "page", base + "_dash-layout")
    timed(client, "page", base + "_dash-dependencies")
    plan = [session.steps[0]] + [s for _ in range(rounds) for s in session.steps[1:]]
    for i, (name, bodies) in enumerate(plan):
        if time.time() > deadline:
            break
        if i and think:
            time.sleep(pause.uniform(0.5 * think, 1.5 * think))
        if name == "filter":
            f = next(states, f)
        for body in bodies:
            data = json.dumps(prepared(body, f, client, session)).encode()
            out = timed(client, kind(body), base + "_dash-update-component", data)
            if kind(body) == "view" and (chosen := pick(out, pause)):
                client.node, client.label = chosen
    return client


def replay_static(base: str, session: Session, client: Client, think: float, rounds: int,
                  deadline: float, seed: int) -> Client:
    """The same number of requests with the same pauses against a static Dash page: each
    callback request becomes a request for the page's layout (the baseline)."""
    pause = random.Random(seed)
    for path in ("", "_dash-layout", "_dash-dependencies"):
        timed(client, "page", base + path)
    plan = [session.steps[0]] + [s for _ in range(rounds) for s in session.steps[1:]]
    for i, (_, bodies) in enumerate(plan):
        if time.time() > deadline:
            break
        if i and think:
            time.sleep(pause.uniform(0.5 * think, 1.5 * think))
        for body in bodies:
            timed(client, kind(body), base + "_dash-layout")
    return client


def bare_server():  # noqa: ANN201
    """The static Dash page (the baseline) as a WSGI app, for gunicorn."""
    return bare_app().server


def bare_app():  # noqa: ANN201
    from dash import Dash, html

    app = Dash("bare", title="static page")
    app.layout = html.Div([html.H1("A static Dash page"), html.P("ready")], id="ready")
    return app
