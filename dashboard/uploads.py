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

from .upload_jobs import (
    MAX_ARTICLES,
    MAX_FILE_BYTES,
    MAX_SECONDS,
    MAX_TOTAL_BYTES,
    Job,
    Uploads,
    safe_name,
)

# the job line's names stay importable from here (dashboard.app, older callers)
__all__ = ["MAX_ARTICLES", "MAX_FILE_BYTES", "MAX_SECONDS", "MAX_TOTAL_BYTES", "Job", "Uploads",
           "decode_upload", "ordinal", "pasted_article", "register", "safe_name"]


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
              **{k: v.strip() for k, v in fields.items() if v and v.strip()}}
    return "pasted-article.json", json.dumps(record, ensure_ascii=False).encode("utf-8")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def register(app, source, uploads: Uploads) -> None:  # noqa: ANN001
    """Callbacks of the "Add articles" menu: start a job, poll it, cancel it; when it is
    done, bump the data revision (the view and every control's options refresh on it)."""
    from dash import Input, Output, State, ctx, html, no_update
    from dash.exceptions import PreventUpdate

    from . import ids

    @app.callback(Output(ids.UPLOAD_JOB, "data"), Output(ids.UPLOAD_POLL, "disabled"),
                  Output(ids.UPLOAD_STATUS, "children"),
                  Input(ids.UPLOAD, "contents"), Input(ids.PASTE_ADD, "n_clicks"),
                  Input(ids.LINKS_ADD, "n_clicks"),
                  State(ids.UPLOAD, "filename"), State(ids.PASTE_TITLE, "value"),
                  State(ids.PASTE_DATE, "value"), State(ids.PASTE_SOURCE, "value"),
                  State(ids.PASTE_TEXT, "value"), State(ids.LINKS, "value"),
                  prevent_initial_call=True)
    def start(contents, _paste, _links, names, title, day, src, text, links):
        try:
            if ctx.triggered_id == ids.LINKS_ADD:
                job = uploads.submit_links(links)
                count = len([x for x in (links or "").splitlines() if x.strip()])
                return job, False, f"Fetching {count} link{'s' if count != 1 else ''}…"
            if ctx.triggered_id == ids.PASTE_ADD:
                files = [pasted_article(title, day, src, text)]
            elif contents:
                files = decode_upload(contents, names)
            else:
                raise PreventUpdate
            job = uploads.submit(files)
        except ValueError as exc:
            return no_update, True, html.Span(f"error: {exc}", className="error")
        return job, False, f"Adding {len(files)} file{'s' if len(files) != 1 else ''}…"

    @app.callback(Output(ids.UPLOAD_PROGRESS, "value"), Output(ids.UPLOAD_PROGRESS, "max"),
                  Output(ids.UPLOAD_PROGRESS, "hidden"),
                  Output(ids.UPLOAD_STATUS, "children", allow_duplicate=True),
                  Output(ids.UPLOAD_POLL, "disabled", allow_duplicate=True),
                  Output(ids.DATA_REV, "data", allow_duplicate=True),
                  Output(ids.UPLOAD_CANCEL, "hidden"),
                  Input(ids.UPLOAD_POLL, "n_intervals"), State(ids.UPLOAD_JOB, "data"),
                  State(ids.DATA_REV, "data"), prevent_initial_call=True)
    def poll(_n, job_id, rev):
        status = uploads.status(job_id)
        if status is None:  # e.g. the server restarted: stop polling, say so
            return ("0", "1", True, html.Span("error: this upload is no longer known to the "
                                              "server; add the files again",
                                              className="error"), True, no_update, True)
        total, done = max(status["total"], 1), status["done"]
        lines = [html.Div(e, className="error") for e in status["errors"]]
        if status["state"] != "done":
            word = (f"Waiting: {ordinal(status['ahead'] + 1)} in line"
                    if status["state"] == "waiting" else f"Adding {min(done + 1, total)} of "
                                                         f"{total}")
            return str(done), str(total), False, [word + "…", *lines], False, no_update, False
        return (str(total), str(total), False,
                [*(html.Div(line) for line in status["lines"]), *lines], True,
                (rev if isinstance(rev, int) else 0) + 1, True)

    @app.callback(Output(ids.UPLOAD_STATUS, "children", allow_duplicate=True),
                  Output(ids.UPLOAD_CANCEL, "hidden", allow_duplicate=True),
                  Input(ids.UPLOAD_CANCEL, "n_clicks"), State(ids.UPLOAD_JOB, "data"),
                  prevent_initial_call=True)
    def cancel(_clicks, job_id):
        # only the page holding the job's id can name it; the next poll shows the outcome
        return ("Cancelling…" if uploads.cancel(job_id) else no_update), True
