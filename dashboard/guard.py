"""Request checks in front of the dashboard: the Host header and the shape of callback calls.

* **Host**: a page served on 127.0.0.1 can be read by any web site through DNS rebinding (the
  attacker's name resolves to 127.0.0.1; the browser then sends ``Host: attacker.example``).
  Only the names the server was bound for (and those named with ``--allow-host``) are served.
* **Callback calls**: a POST to ``/_dash-update-component`` that is not a well-formed Dash call,
  or whose values a user could not have produced with the controls, is a 400 with one line,
  never a 500 with a traceback in the log.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterable

from flask import Flask, Response, request

__all__ = ["LOOPBACK", "InvalidInput", "allowed_hosts", "host_allowed", "install"]

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
ANY_ADDRESS = ("0.0.0.0", "::", "")


class InvalidInput(ValueError):
    """A request value the dashboard's controls cannot produce (answered with 400)."""


def _is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(bind: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host header values served for a server bound to ``bind:port``.

    The loopback names with the port always; the bound address itself when it is a specific
    one; every ``extra`` entry (``name`` = any port, ``name:port`` = that port, ``*`` = no
    check at all, for a reverse proxy that checks hosts itself).
    """
    out = {f"{name}:{port}" for name in LOOPBACK}
    if port == 80:
        out |= set(LOOPBACK)
    if bind not in ANY_ADDRESS and not _is_loopback(bind):
        out.add(f"{_bracket(bind)}:{port}")
    out |= {e.strip().lower() for e in extra if e.strip()}
    return frozenset(out)


def host_allowed(header: str, allowed: Iterable[str]) -> bool:
    """True if a ``Host`` header value matches one of ``allowed`` (see :func:`allowed_hosts`)."""
    allowed = set(allowed)
    if "*" in allowed:
        return True
    host = (header or "").strip().lower()
    if not host:
        return False
    # "[::1]:8050" → "[::1]"; "localhost:8050" → "localhost"
    name = host[:host.find("]") + 1] if host.startswith("[") else host.partition(":")[0]
    return host in allowed or name in allowed


def _same_props(items: object, spec: list[dict]) -> bool:
    """``items`` (from a request) name exactly the (id, property) pairs of ``spec``."""
    if not isinstance(items, list) or len(items) != len(spec):
        return False
    for item, want in zip(items, spec, strict=True):
        if str(want.get("id", "")).startswith("{"):  # pattern-matching: the id is JSON
            if not _pattern_items(item, want):
                return False
            continue
        if not (isinstance(item, dict) and item.get("id") == want["id"]
                and isinstance(item.get("property"), str)
                and item["property"].split("@")[0] == want["property"].split("@")[0]):
            return False
    return True


def _pattern_items(item: object, want: dict) -> bool:
    """A pattern-matching input (a list of matches for ALL, one match for MATCH) whose ids
    have the pattern's keys, its fixed values, and plain values for its wildcards."""
    try:
        pattern = json.loads(want["id"])
    except ValueError:
        return False
    matches = item if isinstance(item, list) else [item]
    for m in matches:
        if not (isinstance(m, dict) and isinstance(m.get("id"), dict)
                and set(m["id"]) == set(pattern)
                and m.get("property") == want["property"].split("@")[0]):
            return False
        for key, value in pattern.items():
            got = m["id"][key]
            if isinstance(value, list):  # a wildcard: any string, number or boolean
                if not isinstance(got, str | int | float | bool):
                    return False
            elif got != value:
                return False
    return True


def _well_formed_call(body: object, callbacks: dict) -> bool:
    """The request names a registered callback with exactly its outputs, inputs and state
    (Dash's dispatcher raises KeyError/IndexError/CallbackException otherwise: a 500)."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return False
    cb = callbacks.get(body["output"])
    if cb is None:
        return False
    outputs = body.get("outputs", [])
    outputs = outputs if isinstance(outputs, list) else [outputs]
    want = [{"id": o.component_id, "property": o.component_property}
            for o in (cb["output"] if isinstance(cb["output"], list) else [cb["output"]])]
    return (cb.get("no_output") or _same_props(outputs, want)) and _same_props(
        body.get("inputs"), cb["inputs"]) and _same_props(body.get("state", []), cb["state"]) \
        and isinstance(body.get("changedPropIds", []), list)


def install(server: Flask, allowed: Iterable[str], callbacks) -> None:  # noqa: ANN001
    """Check every request's Host, every callback call's shape; ``InvalidInput`` → 400.

    ``callbacks`` is the app's callback map (its keys are the valid ``output`` values).
    """
    allowed = frozenset(allowed)

    @server.before_request
    def _check():  # noqa: ANN202
        if not host_allowed(request.host, allowed):
            return Response("relgraph: host not allowed (start the server with --allow-host "
                            "NAME to serve it under that name)\n", status=400,
                            mimetype="text/plain")
        if request.method == "POST" and request.path.endswith("/_dash-update-component"):
            body = request.get_json(silent=True)
            if not _well_formed_call(body, callbacks):
                return Response("relgraph: malformed callback request\n", status=400,
                                mimetype="text/plain")
        return None

    @server.errorhandler(InvalidInput)
    def _invalid(exc: InvalidInput):  # noqa: ANN202
        return Response(f"relgraph: invalid value: {exc}\n", status=400, mimetype="text/plain")
