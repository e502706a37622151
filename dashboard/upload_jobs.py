"""The line of upload jobs: files or links ingested in the background, one job at a time.

Each upload is a job with its own random id, kept by the app (:class:`Uploads`); a page polls
its own job's progress with that id, so no response ever reports another upload, and only the
holder of the id can cancel it. Uploaded files are read from their bytes by the readers' byte
interface (:func:`graph.readers.articles.read_bytes`: every format ``relgraph ingest`` reads,
the same messages, named by the uploaded file's name) and links by
:func:`graph.readers.articles.read_paths`; the items go straight into
:func:`graph.pipeline.driver.ingest_items` (one line per bad file, the rest goes through).
Nothing is written to disk but the store. Jobs run one at a time, in the order they came, in
a thread of the server process, so one process must serve a page's upload and its polls
(``relgraph serve``; a WSGI server with one worker). A waiting job knows its place in the
line; at most ``MAX_WAITING`` wait (checked and joined under one lock).

No job holds the line for long: a job reads at most ``max_articles`` articles and runs at most
``max_seconds`` (``$RELGRAPH_UPLOAD_MAX_ARTICLES``, a whole number, and
``$RELGRAPH_UPLOAD_MAX_SECONDS``; 2,000 and 120 s by default). A job that reaches a bound, or
is cancelled, keeps what it stored (articles are written in batches, each a transaction) and
says what it left out. A job holds its files' bytes in memory until it has read them (at most
``MAX_TOTAL_BYTES`` a job) and lets go of each file once read, and of all when it ends.
"""

from __future__ import annotations

import math
import os
import re
import secrets
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from graph.core.model import Article
from graph.pipeline.driver import ingest_items
from graph.readers.articles import Item, ReadOptions, is_url, read_bytes, read_paths
from graph.readers.fetcher import Fetcher
from graph.store.store import Store

__all__ = ["MAX_ARTICLES", "MAX_FILE_BYTES", "MAX_SECONDS", "MAX_TOTAL_BYTES", "MAX_WAITING",
           "Job", "Uploads", "uploaded_items"]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_FILES = 200
MAX_LINKS = 50
MAX_ARTICLES = 2000  # articles a job reads, at most
MAX_SECONDS = 120.0  # seconds a job runs, at most
MAX_WAITING = 10  # jobs waiting at once; more are refused ("try again later")
MAX_ERROR_LINES = 100  # error lines a job keeps; the rest are counted
KEEP_SECONDS = 3600  # finished jobs are forgotten after an hour


def uploaded_items(name: str, data: bytes) -> Iterator[Item]:
    """The items of one uploaded file, read from its bytes with the readers of files on disk
    and named by the file's name: messages, article origins (``name``, ``name:LINE``) and, for
    articles whose id comes from the file name, the name's stem as id (as ``relgraph ingest``
    gives a file of that name) and ``upload:NAME`` as where it came from (so a later upload of
    the same name updates it, and a file ingested from disk with the same id is reported, not
    overwritten)."""
    for item in read_bytes(name, data):
        yield (replace(item, location=f"upload:{name}")
               if isinstance(item, Article) and not item.location else item)


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
    # what the job does; dropped when it ends (with the bytes of its files)
    work: Callable[[Job], None] | None = field(default=None, repr=False)

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
    """A positive, finite number of seconds from the environment (``inf`` would be no
    bound)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = 0
    if not (number > 0 and math.isfinite(number)):
        raise ValueError(f"{name} must be a positive number, not {value!r}")
    return number


def _env_count(name: str, default: int) -> int:
    """A whole number ≥ 1 from the environment: ``0.5`` is no count of articles (it would
    round to 0 and stop every job before its first article)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not re.fullmatch(r"[0-9]+", value) or int(value) < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


class Uploads:
    """The background ingest jobs of one app: a line of jobs, one running at a time."""

    def __init__(self, store: Store, fetcher=None, max_articles: int | None = None,  # noqa: ANN001
                 max_seconds: float | None = None) -> None:
        self.store = store
        # links are fetched with a fetcher that refuses local and private addresses
        self._fetcher = fetcher
        self.max_articles = int(max_articles or _env_count("RELGRAPH_UPLOAD_MAX_ARTICLES",
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
        twice = [n for n, k in Counter(str(n) for n, _ in files).items() if k > 1]
        if twice:  # an article's id comes from its file's name: one would replace the other
            raise ValueError(f"{twice[0]}: two files with this name; rename one")
        # one step a file: its name and its items, read (lazily) from its bytes
        steps = deque((str(name), uploaded_items(str(name), data)) for name, data in files)
        return self._enqueue(Job(secrets.token_urlsafe(16), [name for name, _ in steps],
                                 work=lambda job: self._run_job(job, steps)))

    def submit_links(self, text: object) -> str:
        """Queue the http(s) links in ``text`` (one per line) to be fetched and ingested;
        local and private addresses are refused (a server must not fetch its own network for
        its users). Returns the job id."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("paste one or more links first")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        bad = [line for line in lines if not is_url(line)]
        if bad:
            raise ValueError(f"not an http(s) link: {bad[0][:80]}")
        links = list(dict.fromkeys(lines))
        if len(links) > MAX_LINKS:
            raise ValueError(f"at most {MAX_LINKS} links at once")
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
                job.state, job.finished, job.work = "done", time.time(), None
        return True

    def _refuse_if_full(self) -> None:
        """Raise the one-line refusal when ``MAX_WAITING`` jobs wait (the lock is held)."""
        if len(self._line) >= MAX_WAITING:
            raise ValueError(f"the server is busy ({len(self._line)} uploads waiting); "
                             "try again later")

    def _enqueue(self, job: Job) -> str:
        """Join the line, if it has room: the check and the append under one lock, so uploads
        arriving together cannot push it past ``MAX_WAITING``."""
        with self._lock:
            self._refuse_if_full()
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
                if job.work is not None:  # always, for a job taken from the line
                    job.work(job)
            except Exception as exc:  # noqa: BLE001 — reported on the page, the server goes on
                job.error(f"error: ingest stopped ({type(exc).__name__}: {exc})")
            finally:
                with self._lock:
                    job.state, job.finished, self._running = "done", time.time(), None
                    job.work = None  # lets go of what it held (the files' bytes)

    def _fetch(self, job: Job, links: list[str]) -> None:
        """Fetch and ingest links, one step a link, with the server's fetcher (public
        addresses only)."""
        with (self._fetcher() if self._fetcher else Fetcher(public_only=True)) as fetcher:
            options = ReadOptions(fetcher=fetcher)
            self._run_job(job, deque((link, read_paths([link], options)) for link in links))

    def _run_job(self, job: Job, steps: deque[tuple[str, Iterator[Item]]]) -> None:
        """Ingest each step's items (a file's or a link's: ``(name, items)``) with one call,
        so the page can show how far it got; a step is let go of once taken. The job's bounds
        and its cancel button end it early (see :func:`graph.pipeline.driver.ingest`'s
        ``limit`` and ``stop``)."""
        started = time.monotonic()

        def stop() -> bool:
            return job.cancelled or time.monotonic() - started > self.max_seconds

        new = updated = read = left_out = 0
        why, not_read = "", ""
        while steps:
            name, items = steps.popleft()
            if stop() or read >= self.max_articles:
                why, not_read = "stop" if stop() else "limit", name
                break
            summary = ingest_items(items, self.store, progress=False, on_error=job.error,
                                   limit=self.max_articles - read, stop=stop)
            new, updated = new + summary.new, updated + summary.updated
            read, left_out = read + summary.read, left_out + summary.left_out
            job.done += 1
            if summary.stopped:
                why, not_read = summary.stopped, summary.not_read
                break
        n_errors = len(job.errors) + job.more_errors
        job.lines = [f"{new:,} new, {updated:,} updated article"
                     f"{'' if new + updated == 1 else 's'}; "
                     f"{n_errors:,} error{'' if n_errors == 1 else 's'}"]
        if why:
            job.lines.append(self._left_out(job, why, time.monotonic() - started, read,
                                            left_out, not_read, [n for n, _ in steps]))

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
