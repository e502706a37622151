"""Add articles from the browser: uploaded files, pasted text or links, ingested in the
background.

Each upload is a job with its own random id, kept by the app (:class:`Uploads`); the page polls
its own job's progress with that id, so no response ever reports another upload, and only the
holder of the id can cancel it. Files are written under their sanitised names into a private
temporary directory and ingested with the library's :func:`graph.ingest.ingest` (every format
it reads; one line per bad file, the rest goes through). Jobs run one at a time, in the order
they came, in a thread of the server process, so one process must serve a page's upload and
its polls (``relgraph serve``; a WSGI server with one worker). A waiting job knows its place
in the line.

No job holds the line for long: a job reads at most ``max_articles`` articles and runs at most
``max_seconds`` (``$RELGRAPH_UPLOAD_MAX_ARTICLES``, ``$RELGRAPH_UPLOAD_MAX_SECONDS``; 2,000 and
120 s by default). A job that reaches a bound, or is cancelled, keeps what it stored (articles
are written in batches, each a transaction) and says what it left out. Switch uploads off with
``relgraph serve --read-only`` (the default under WSGI).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import Store

__all__ = ["MAX_ARTICLES", "MAX_FILE_BYTES", "MAX_SECONDS", "MAX_TOTAL_BYTES", "Job", "Uploads",
           "safe_name"]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_FILES = 200
MAX_LINKS = 50
MAX_ARTICLES = 2000  # articles a job reads, at most
MAX_SECONDS = 120.0  # seconds a job runs, at most
MAX_WAITING = 10  # jobs waiting at once; more are refused ("try again later")
MAX_ERROR_LINES = 100  # error lines a job keeps; the rest are counted
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
    more_errors: int = 0  # error lines past MAX_ERROR_LINES, counted only
    lines: list[str] = field(default_factory=list)
    finished: float | None = None
    cancelled: bool = False
    work: Callable[[Job], None] | None = field(default=None, repr=False)
    cleanup: Callable[[], None] = field(default=lambda: None, repr=False)

    def error(self, line: str) -> None:
        if len(self.errors) < MAX_ERROR_LINES:
            self.errors.append(line)
        else:
            self.more_errors += 1

    def view(self, ahead: int = 0) -> dict:
        more = [f"… and {self.more_errors:,} more errors"] if self.more_errors else []
        return {"state": self.state, "done": self.done, "total": len(self.files),
                "errors": [*self.errors, *more], "lines": list(self.lines),
                "files": self.files, "ahead": ahead if self.state == "waiting" else 0}


def _env_bound(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = 0
    if not number > 0:
        raise ValueError(f"{name} must be a positive number, not {value!r}")
    return number


class Uploads:
    """The background ingest jobs of one app: a line of jobs, one running at a time."""

    def __init__(self, store: Store, fetcher=None, max_articles: int | None = None,  # noqa: ANN001
                 max_seconds: float | None = None) -> None:
        self.store = store
        # links are fetched with a fetcher that refuses local and private addresses
        self._fetcher = fetcher
        self.max_articles = int(max_articles or _env_bound("RELGRAPH_UPLOAD_MAX_ARTICLES",
                                                           MAX_ARTICLES))
        self.max_seconds = float(max_seconds or _env_bound("RELGRAPH_UPLOAD_MAX_SECONDS",
                                                           MAX_SECONDS))
        self._jobs: dict[str, Job] = {}
        self._line: deque[Job] = deque()  # waiting, in order
        self._running: Job | None = None
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, files: list[tuple[str, bytes]]) -> str:
        """Queue ``(name, content)`` files for ingest; returns the job id."""
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
        self._check_line()
        folder = Path(tempfile.mkdtemp(prefix="relgraph-upload-"))
        shown: dict[str, str] = {}
        for i, (name, data) in enumerate(files, start=1):
            target = folder / safe_name(name, i)
            target.write_bytes(data)
            shown[target.name] = str(name)
        job = Job(secrets.token_urlsafe(16), [str(n) for n, _ in files],
                  work=lambda job: self._ingest(job, folder, shown),
                  cleanup=lambda: shutil.rmtree(folder, ignore_errors=True))
        return self._enqueue(job)

    def submit_links(self, text: object) -> str:
        """Queue the http(s) links in ``text`` (one per line) to be fetched and ingested;
        local and private addresses are refused (a server must not fetch its own network for
        its users). Returns the job id."""
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
        self._check_line()
        return self._enqueue(Job(secrets.token_urlsafe(16), links,
                                 work=lambda job: self._fetch(job, links)))

    def status(self, job_id: object) -> dict | None:
        """The job's progress (``ahead``: jobs before a waiting one), or None for an unknown
        (or forgotten) id."""
        with self._lock:
            job = self._jobs.get(job_id) if isinstance(job_id, str) else None
            if job is None:
                return None
            ahead = (self._running is not None) + (
                self._line.index(job) if job.state == "waiting" and job in self._line else 0)
            return job.view(ahead)

    def cancel(self, job_id: object) -> bool:
        """Cancel the job with this id (only its holder knows it): a waiting job leaves the
        line, a running one stops at its next article and keeps what it stored. False for an
        unknown or finished job."""
        with self._lock:
            job = self._jobs.get(job_id) if isinstance(job_id, str) else None
            if job is None or job.state == "done":
                return False
            job.cancelled = True
            if job in self._line:
                self._line.remove(job)
                job.lines = ["cancelled before it started: nothing added"]
                job.state, job.finished = "done", time.time()
                job.cleanup()
        return True

    def _check_line(self) -> None:
        with self._lock:
            if len(self._line) >= MAX_WAITING:
                raise ValueError(f"the server is busy ({len(self._line)} uploads waiting); "
                                 "try again later")

    def _enqueue(self, job: Job) -> str:
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
            self._line.append(job)
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, daemon=True,
                                                name="relgraph-uploads")
                self._worker.start()
        return job.id

    def _work(self) -> None:
        """The worker thread: runs waiting jobs in order; ends when the line is empty."""
        while True:
            with self._lock:
                if not self._line:
                    self._worker = self._running = None
                    return
                job = self._running = self._line.popleft()
                job.state = "running"
            try:
                job.work(job)
            except Exception as exc:  # noqa: BLE001 — reported on the page, the server goes on
                job.error(f"error: ingest stopped ({type(exc).__name__}: {exc})")
            finally:
                job.cleanup()
                with self._lock:
                    job.state, job.finished, self._running = "done", time.time(), None

    def _fetch(self, job: Job, links: list[str]) -> None:
        from graph.articles import ReadOptions
        from graph.readers.web import Fetcher

        with (self._fetcher() if self._fetcher else Fetcher(public_only=True)) as fetcher:
            self._run_job(job, links, lambda line: line,
                          read_options=ReadOptions(fetcher=fetcher))

    def _ingest(self, job: Job, folder: Path, shown: dict[str, str]) -> None:
        def user_line(line: str) -> str:
            # error lines name the private temporary file: show the user's file name instead
            for tmp, original in shown.items():
                line = line.replace(str(folder / tmp), original)
            return line.replace(str(folder) + "/", "")

        self._run_job(job, sorted(folder.iterdir()), user_line)

    def _run_job(self, job: Job, items: list, user_line, read_options=None) -> None:  # noqa: ANN001
        """Ingest ``items`` (files or links) one per call, so the page can show how far it
        got; error lines go through ``user_line``. The job's bounds and its cancel button
        end it early (see :func:`graph.ingest.ingest`'s ``limit`` and ``stop``)."""
        from graph.ingest import ingest

        started = time.monotonic()

        def stop() -> bool:
            return job.cancelled or time.monotonic() - started > self.max_seconds

        new = updated = read = left_out = 0
        why, not_read, rest = "", "", []
        for n, item in enumerate(items):
            if stop() or read >= self.max_articles:
                why, not_read = "stop" if stop() else "limit", user_line(str(item))
                rest = [user_line(str(i)) for i in items[n + 1:]]
                break
            summary = ingest([item], self.store, progress=False, read_options=read_options,
                             on_error=lambda line: job.error(user_line(line)),
                             limit=self.max_articles - read, stop=stop)
            new, updated = new + summary.new, updated + summary.updated
            read, left_out = read + summary.read, left_out + summary.left_out
            job.done += 1
            if summary.stopped:
                why, not_read = summary.stopped, user_line(summary.not_read)
                rest = [user_line(str(i)) for i in items[n + 1:]]
                break
        n_errors = len(job.errors) + job.more_errors
        job.lines = [f"{new:,} new, {updated:,} updated article"
                     f"{'' if new + updated == 1 else 's'}; "
                     f"{n_errors:,} error{'' if n_errors == 1 else 's'}"]
        if why:
            job.lines.append(self._left_out(job, why, time.monotonic() - started, read,
                                            left_out, not_read, rest))

    def _left_out(self, job: Job, why: str, seconds: float, read: int, left_out: int,
                  not_read: str, rest: list[str]) -> str:
        """One line: why the job stopped early, and what it did not add."""
        if job.cancelled:
            head = f"cancelled after {seconds:.0f} s"
        elif why == "limit":
            head = f"stopped at {self.max_articles:,} articles (the limit of a job)"
        else:
            head = f"stopped after {self.max_seconds:g} s (the limit of a job)"
        parts = [f"{left_out:,} of {read:,} articles read were left out"] if left_out else []
        if not_read:
            parts.append(f"not read: {not_read} onwards")
        if rest:
            names = ", ".join(rest[:5])
            parts.append(f"{len(rest)} more file{'s' if len(rest) > 1 else ''} not read "
                         f"({names}{', …' if len(rest) > 5 else ''})")
        return f"{head}; " + "; ".join(parts) if parts else head

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
