"""Request checks in front of the dashboard: the Host header, the body size and the shape of
callback calls.

* **Host**: a page served on 127.0.0.1 can be read by any web site through DNS rebinding (the
  attacker's name resolves to 127.0.0.1; the browser then sends ``Host: attacker.example``).
  Only the names the server was bound for (and those named with ``--allow-host``) are served;
  a request without a ``Host`` header is a 400 (the WSGI server would otherwise fill in its
  own address, which is always allowed).
* **Body size**: a body longer than the app's ``MAX_CONTENT_LENGTH`` is a 413 before a byte
  of it is read (its ``Content-Length`` says so; a chunked body is cut where it passes the
  limit). With uploads off that limit is :data:`MAX_CALLBACK_BODY`.
* **Callback calls**: a POST to ``/_dash-update-component`` that is not a well-formed Dash call,
  or whose values a user could not have produced with the controls (the callbacks check them
  with :mod:`dashboard.validate` and raise :class:`~graph.core.errors.InvalidValue`), is a 400
  with one line, never a 500 with a traceback in the log.

The only dashboard module that knows about HTTP requests; the view modules never import it.
"""

from __future__ import annotations

import io
import ipaddress
import json
from collections.abc import Iterable

from flask import Flask, Response, request
from werkzeug.exceptions import RequestEntityTooLarge

from graph.core.errors import InvalidValue

__all__ = ["LOOPBACK", "MAX_CALLBACK_BODY", "allowed_hosts", "host_allowed", "install"]

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
ANY_ADDRESS = ("0.0.0.0", "::", "")
# The largest request body a server without uploads reads. A callback call is a few KB (the
# largest: the filter controls with a hand-picked list of articles).
MAX_CALLBACK_BODY = 1024 * 1024


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
    """Check every request's Host and body size, every callback call's shape; a callback
    raising :class:`~graph.core.errors.InvalidValue` → 400.

    ``callbacks`` is the app's callback map (its keys are the valid ``output`` values). The
    body limit is the app's ``MAX_CONTENT_LENGTH`` (Flask also applies it to chunked bodies
    as they are read).
    """
    allowed = frozenset(allowed)

    @server.before_request
    def _check():  # noqa: ANN202
        if not request.environ.get("HTTP_HOST", "").strip():
            return Response("relgraph: the request has no Host header\n", status=400,
                            mimetype="text/plain")
        if not host_allowed(request.host, allowed):
            return Response("relgraph: host not allowed (start the server with --allow-host "
                            "NAME to serve it under that name)\n", status=400,
                            mimetype="text/plain")
        limit = server.config.get("MAX_CONTENT_LENGTH")
        if limit is not None and (request.content_length or 0) > limit:
            return _too_large(limit)
        if limit is not None and request.content_length is None and not _bounded_body(limit):
            return _too_large(limit)
        if request.method == "POST" and request.path.endswith("/_dash-update-component"):
            body = request.get_json(silent=True)
            if not _well_formed_call(body, callbacks):
                return Response("relgraph: malformed callback request\n", status=400,
                                mimetype="text/plain")
        return None

    @server.errorhandler(RequestEntityTooLarge)
    def _large(_exc: RequestEntityTooLarge):  # noqa: ANN202 — a chunked body past the limit
        return _too_large(server.config.get("MAX_CONTENT_LENGTH") or 0)

    @server.errorhandler(InvalidValue)
    def _invalid(exc: InvalidValue):  # noqa: ANN202
        return Response(f"relgraph: invalid value: {exc}\n", status=400, mimetype="text/plain")


def _bounded_body(limit: int) -> bool:
    """A body of unknown length (chunked; the WSGI server de-chunks it) is read here, at most
    ``limit + 1`` bytes: False if it is longer, else it is handed on as a body of known
    length. Werkzeug would cut such a body at the limit without a word and pass the rest
    on as if it were the whole body (its ``LimitedStream`` stops at a maximum silently)."""
    environ = request.environ
    if "chunked" not in request.headers.get("Transfer-Encoding", "").lower() or (
            "wsgi.input_terminated" not in environ):
        return True  # no body, or one Werkzeug does not read (a safe empty body)
    stream, data = environ["wsgi.input"], bytearray()
    while len(data) <= limit and (piece := stream.read(min(65536, limit + 1 - len(data)))):
        data += piece
    if len(data) > limit:
        return False
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(bytes(data)), str(len(data))
    request.__dict__.pop("stream", None)  # not read yet; dropped in case it was wrapped
    return True


def _too_large(limit: int) -> Response:
    """A 413 with one line (the WSGI server closes the connection: the body was not read)."""
    return Response(f"relgraph: request body too large (at most {limit:,} bytes here)\n",
                    status=413, mimetype="text/plain")
