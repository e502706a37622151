"""Add articles from the browser: uploaded files, pasted text or links, ingested in the
background.

Each upload is a job with its own random id, kept by the app (:class:`Uploads`); the page polls
its own job's progress with that id, so no response ever reports another upload. Files are
written under their sanitised names into a private temporary directory and ingested with the
library's :func:`graph.ingest.ingest` (every format it reads; one line per bad file, the rest
goes through). Jobs run one at a time, in a thread of the server process, so one process must
serve a page's upload and its polls (``relgraph serve``; a WSGI server with one worker).
Switch uploads off with ``relgraph serve --read-only`` (the default under WSGI).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import Store

__all__ = ["MAX_FILE_BYTES", "MAX_TOTAL_BYTES", "Job", "Uploads", "safe_name"]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_FILES = 200
MAX_LINKS = 50
KEEP_SECONDS = 3600  # finished jobs are forgotten after an hour


def safe_name(name: object, index: int) -> str:
    """A file name that is safe to create: no directories, no hidden files, only letters,
    digits, ``.``, ``-`` and ``_``; the extension (which picks the reader) kept."""
    base = re.split(r"[\\/]", str(name or ""))[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or f"upload-{index}"
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = stem[:80] or f"upload-{index}"
    return f"{index:03d}-{stem}" + (f".{ext.lower()[:10]}" if ext else "")


@dataclass
class Job:
    """One upload's progress, as the page shows it."""

    id: str
    files: list[str]
    state: str = "waiting"  # waiting → running → done
    done: int = 0
    errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    finished: float | None = None

    def view(self) -> dict:
        return {"state": self.state, "done": self.done, "total": len(self.files),
                "errors": list(self.errors), "lines": list(self.lines), "files": self.files}


class Uploads:
    """The background ingest jobs of one app."""

    def __init__(self, store: Store, fetcher=None) -> None:  # noqa: ANN001
        self.store = store
        # links are fetched with a fetcher that refuses local and private addresses
        self._fetcher = fetcher
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._run = threading.Lock()  # one ingest at a time per store

    def submit(self, files: list[tuple[str, bytes]]) -> str:
        """Start ingesting ``(name, content)`` files; returns the job id."""
        if not files:
            raise ValueError("no files to add")
        if len(files) > MAX_FILES:
            raise ValueError(f"at most {MAX_FILES} files at once")
        too_big = [n for n, data in files if len(data) > MAX_FILE_BYTES]
        if too_big:
            raise ValueError(f"{', '.join(too_big)}: larger than "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB")
        if sum(len(d) for _, d in files) > MAX_TOTAL_BYTES:
            raise ValueError(f"more than {MAX_TOTAL_BYTES // 1024 // 1024} MB at once")
        folder = Path(tempfile.mkdtemp(prefix="relgraph-upload-"))
        shown: dict[str, str] = {}
        for i, (name, data) in enumerate(files, start=1):
            target = folder / safe_name(name, i)
            target.write_bytes(data)
            shown[target.name] = str(name)
        job = Job(secrets.token_urlsafe(16), [str(n) for n, _ in files])
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        threading.Thread(target=self._ingest, args=(job, folder, shown), daemon=True,
                         name=f"relgraph-upload-{job.id[:6]}").start()
        return job.id

    def submit_links(self, text: object) -> str:
        """Start fetching and ingesting the http(s) links in ``text`` (one per line); local
        and private addresses are refused (a server must not fetch its own network for its
        users). Returns the job id."""
        from graph.readers.base import is_url

        if not isinstance(text, str) or not text.strip():
            raise ValueError("paste one or more links first")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        bad = [line for line in lines if not is_url(line)]
        if bad:
            raise ValueError(f"not an http(s) link: {bad[0][:80]}")
        links = list(dict.fromkeys(lines))
        if len(links) > MAX_LINKS:
            raise ValueError(f"at most {MAX_LINKS} links at once")
        job = Job(secrets.token_urlsafe(16), links)
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        threading.Thread(target=self._fetch, args=(job, links), daemon=True,
                         name=f"relgraph-links-{job.id[:6]}").start()
        return job.id

    def _fetch(self, job: Job, links: list[str]) -> None:
        from graph.articles import ReadOptions
        from graph.readers.web import Fetcher

        with (self._fetcher() if self._fetcher else Fetcher(public_only=True)) as fetcher:
            self._run_job(job, links, lambda line: line,
                          read_options=ReadOptions(fetcher=fetcher))

    def status(self, job_id: object) -> dict | None:
        """The job's progress, or None for an unknown (or forgotten) id."""
        with self._lock:
            job = self._jobs.get(job_id) if isinstance(job_id, str) else None
            return job.view() if job else None

    def _ingest(self, job: Job, folder: Path, shown: dict[str, str]) -> None:
        def user_line(line: str) -> str:
            # error lines name the private temporary file: show the user's file name instead
            for tmp, original in shown.items():
                line = line.replace(str(folder / tmp), original)
            return line.replace(str(folder) + "/", "")

        try:
            self._run_job(job, sorted(folder.iterdir()), user_line)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _run_job(self, job: Job, items: list, user_line, read_options=None) -> None:  # noqa: ANN001
        """Ingest ``items`` (files or links) one per call, so the page can show how far it
        got; error lines go through ``user_line``."""
        from graph.ingest import ingest

        try:
            with self._run:
                job.state = "running"
                new = updated = 0
                for item in items:
                    summary = ingest([item], self.store, progress=False,
                                     read_options=read_options,
                                     on_error=lambda line: job.errors.append(user_line(line)))
                    new, updated = new + summary.new, updated + summary.updated
                    job.done += 1
                job.lines = [f"{new} new, {updated} updated article"
                             f"{'' if new + updated == 1 else 's'}; "
                             f"{len(job.errors)} error{'' if len(job.errors) == 1 else 's'}"]
        except Exception as exc:  # noqa: BLE001 — reported on the page, the server goes on
            job.errors.append(f"error: ingest stopped ({type(exc).__name__}: {exc})")
        finally:
            job.state, job.finished = "done", time.time()

    def _forget_old(self) -> None:
        now = time.time()
        for key in [k for k, j in self._jobs.items()
                    if j.finished and now - j.finished > KEEP_SECONDS]:
            del self._jobs[key]


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


def register(app, source, uploads: Uploads) -> None:  # noqa: ANN001
    """Callbacks of the "Add articles" menu: start a job, poll it; when it is done, bump the
    data revision (the view and every control's options refresh on it)."""
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
                  Input(ids.UPLOAD_POLL, "n_intervals"), State(ids.UPLOAD_JOB, "data"),
                  State(ids.DATA_REV, "data"), prevent_initial_call=True)
    def poll(_n, job_id, rev):
        status = uploads.status(job_id)
        if status is None:  # e.g. the server restarted: stop polling, say so
            return ("0", "1", True, html.Span("error: this upload is no longer known to the "
                                              "server; add the files again",
                                              className="error"), True, no_update)
        total, done = max(status["total"], 1), status["done"]
        lines = [html.Div(e, className="error") for e in status["errors"]]
        if status["state"] != "done":
            word = "Waiting for another upload" if status["state"] == "waiting" else (
                f"Adding {min(done + 1, total)} of {total}")
            return str(done), str(total), False, [word + "…", *lines], False, no_update
        return (str(total), str(total), False, [*status["lines"], *lines], True,
                (rev if isinstance(rev, int) else 0) + 1)
