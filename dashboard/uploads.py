"""Add articles from the browser: the "Add articles" menu's callbacks (uploaded files, pasted
text or links) and the small pure helpers they use. The jobs themselves, their line and their
bounds are in :mod:`dashboard.upload_jobs`. Switch uploads off with ``relgraph serve
--read-only`` (the default under WSGI).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.upload_jobs import (
    MAX_ARTICLES,
    MAX_FILE_BYTES,
    MAX_SECONDS,
    MAX_TOTAL_BYTES,
    Job,
    Uploads,
)

# the job line's names stay importable from here (dashboard.app, older callers)
__all__ = ["MAX_ARTICLES", "MAX_FILE_BYTES", "MAX_SECONDS", "MAX_TOTAL_BYTES", "Job", "Uploads",
           "decode_upload", "ordinal", "pasted_article", "register"]


def decode_upload(contents: object, names: object) -> list[tuple[str, bytes]]:
    """dcc.Upload's ``data:...;base64,...`` strings and file names → (name, bytes)."""
    if isinstance(contents, str):
        contents, names = [contents], [names]
    if not isinstance(contents, list) or not isinstance(names, list) or len(contents) != len(
            names):
        raise ValueError("malformed upload")
    out = []
    for content, name in zip(contents, names, strict=True):
        if not isinstance(content, str) or "," not in content:
            raise ValueError("malformed upload")
        try:
            out.append((str(name), base64.b64decode(content.split(",", 1)[1], validate=True)))
        except (binascii.Error, ValueError):
            raise ValueError(f"{name}: could not decode the upload") from None
    return out


def pasted_article(title: object, day: object, source: object, text: object) -> tuple[str,
                                                                                      bytes]:
    """A pasted article as a JSON file the ingest reads (id from the text's hash)."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("paste the article's text first")
    fields = {"title": title, "date": day, "source": source}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be text")
    digest = hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]
    record = {"id": f"pasted-{digest}", "text": text,
              **{k: v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()}}
    return "pasted-article.json", json.dumps(record, ensure_ascii=False).encode("utf-8")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _error(text: str) -> html.Span:
    return html.Span(f"error: {text}", className="error")


def register(app: Dash, source: object, uploads: Uploads) -> None:
    """Callbacks of the "Add articles" menu: start a job, poll it, cancel it; when it is
    done, bump the data revision (the view and every control's options refresh on it).
    ``source`` is not used (jobs write to ``uploads.store``): every callback module of the
    dashboard registers with the same arguments."""

    @app.callback(
        output=dict(job=Output(ids.UPLOAD_JOB, "data"),
                    poll_off=Output(ids.UPLOAD_POLL, "disabled"),
                    status=Output(ids.UPLOAD_STATUS, "children")),
        inputs=dict(contents=Input(ids.UPLOAD, "contents"),
                    pasted=Input(ids.PASTE_ADD, "n_clicks"),
                    linked=Input(ids.LINKS_ADD, "n_clicks")),
        state=dict(names=State(ids.UPLOAD, "filename"), title=State(ids.PASTE_TITLE, "value"),
                   day=State(ids.PASTE_DATE, "value"), paper=State(ids.PASTE_SOURCE, "value"),
                   text=State(ids.PASTE_TEXT, "value"), links=State(ids.LINKS, "value")),
        prevent_initial_call=True)
    def start(contents: object, pasted: object, linked: object, names: object, title: object,
              day: object, paper: object, text: object, links: object) -> dict:
        try:
            if ctx.triggered_id == ids.LINKS_ADD:
                job = uploads.submit_links(links)
                count = len([x for x in str(links).splitlines() if x.strip()])  # a str: submitted
                return dict(job=job, poll_off=False,
                            status=f"Fetching {_plural(count, 'link')}…")
            if ctx.triggered_id == ids.PASTE_ADD:
                files = [pasted_article(title, day, paper, text)]
            elif contents:
                files = decode_upload(contents, names)
            else:
                raise PreventUpdate
            job = uploads.submit(files)
        except ValueError as exc:
            return dict(job=no_update, poll_off=True, status=_error(str(exc)))
        return dict(job=job, poll_off=False, status=f"Adding {_plural(len(files), 'file')}…")

    @app.callback(
        output=dict(value=Output(ids.UPLOAD_PROGRESS, "value"),
                    most=Output(ids.UPLOAD_PROGRESS, "max"),
                    bar_hidden=Output(ids.UPLOAD_PROGRESS, "hidden"),
                    status=Output(ids.UPLOAD_STATUS, "children", allow_duplicate=True),
                    poll_off=Output(ids.UPLOAD_POLL, "disabled", allow_duplicate=True),
                    rev=Output(ids.DATA_REV, "data", allow_duplicate=True),
                    cancel_hidden=Output(ids.UPLOAD_CANCEL, "hidden")),
        inputs=dict(ticks=Input(ids.UPLOAD_POLL, "n_intervals")),
        state=dict(job_id=State(ids.UPLOAD_JOB, "data"), rev=State(ids.DATA_REV, "data")),
        prevent_initial_call=True)
    def poll(ticks: object, job_id: object, rev: object) -> dict:
        status = uploads.status(job_id)
        if status is None:  # e.g. the server restarted: stop polling, say so
            return dict(value="0", most="1", bar_hidden=True,
                        status=_error("this upload is no longer known to the server; add the "
                                      "files again"),
                        poll_off=True, rev=no_update, cancel_hidden=True)
        total, done = max(status["total"], 1), status["done"]
        lines = [html.Div(e, className="error") for e in status["errors"]]
        if status["state"] != "done":
            word = (f"Waiting: {ordinal(status['ahead'] + 1)} in line"
                    if status["state"] == "waiting" else f"Adding {min(done + 1, total)} of "
                                                         f"{total}")
            return dict(value=str(done), most=str(total), bar_hidden=False,
                        status=[word + "…", *lines], poll_off=False, rev=no_update,
                        cancel_hidden=False)
        return dict(value=str(total), most=str(total), bar_hidden=False,
                    status=[*(html.Div(line) for line in status["lines"]), *lines],
                    poll_off=True, rev=(rev if isinstance(rev, int) else 0) + 1,
                    cancel_hidden=True)

    @app.callback(
        output=dict(status=Output(ids.UPLOAD_STATUS, "children", allow_duplicate=True),
                    hidden=Output(ids.UPLOAD_CANCEL, "hidden", allow_duplicate=True)),
        inputs=dict(clicks=Input(ids.UPLOAD_CANCEL, "n_clicks")),
        state=dict(job_id=State(ids.UPLOAD_JOB, "data")),
        prevent_initial_call=True)
    def cancel(clicks: object, job_id: object) -> dict:
        # only the page holding the job's id can name it; the next poll shows the outcome
        return dict(status="Cancelling…" if uploads.cancel(job_id) else no_update, hidden=True)
