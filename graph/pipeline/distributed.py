"""The map stage on Dask (``relgraph ingest --dask ADDRESS``): the same pure per-batch function
as local processes (:func:`graph.pipeline.workers.extract_batch`), run by ``dask.distributed``
workers.

Workers only parse and extract (each loads the model once; the workers of a local cluster are
forked from the client after it has loaded it); the client
alone writes to the store, so SQLite works too. At most a few batches per worker are in
flight, so memory stays bounded however large the input. A worker that dies has its tasks
rescheduled by Dask; a batch that keeps killing workers is retried article by article, and
an article that still kills its worker is reported and skipped (never half-written).
"""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from graph.core.errors import RelgraphError
from graph.core.model import Article, Extraction
from graph.extraction.article import preload_tables
from graph.extraction.nlp import load
from graph.pipeline.workers import extract_batch, stream_batches
from graph.readers.articles import InputError

if TYPE_CHECKING:  # dask is an optional extra, imported where a run needs it
    from dask.distributed import Client

__all__ = ["extract_on_dask"]

IN_FLIGHT = 4  # batches per worker submitted ahead
#: Times an article whose single-article task was on killed workers is tried again, alone,
#: before it is reported as the one that kills them.
ALONE_TRIES = 2
#: Environment of local workers: one BLAS thread each (one worker per core), and without the
#: nanny's default MALLOC_TRIM_THRESHOLD_=65536, which makes spaCy's parse ~15 % slower
#: (memory handed back to the system after every allocation burst).
_ENVIRON = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
#: Settings of a local cluster, each measured on 600 articles with 2 workers (bench/ingest.py):
#: workers forked from the client, which has loaded the model and tables once, instead of
#: spawned interpreters that import spaCy and load them again (~1 s each); no stack sampling
#: every 10 ms and fewer event-loop wake-ups (health tick, system and memory monitors), which
#: took CPU from the parse: together the map went from 5 % slower than the process pool to as
#: fast. (A forked worker keeps the client's BLAS thread count whatever its environment says;
#: one BLAS thread for the whole process measured no faster: spaCy's matrices go through blis.)
#: The nanny forks from its own thread while the client's threads run; the process pool has
#: forked the same way since relgraph 0.1, and a worker is only re-forked when one dies.
_LOCAL = {
    "distributed.nanny.pre-spawn-environ": _ENVIRON,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def extract_on_dask(articles: Iterable[Article], model: str | None, address: str,
                    jobs: int = 2) -> Iterator[Extraction | InputError]:
    """Extractions of ``articles`` computed on the Dask cluster at ``address``
    (``tcp://host:8786``), or on a local cluster of ``jobs`` worker processes for
    ``"local"``. Results come as batches finish (not in input order)."""
    import dask
    from dask.distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if address == "local":
            config = dict(_LOCAL)
            if sys.platform == "linux":  # fork is unsafe on macOS, absent on Windows
                _warm_up(model)  # once here: the forked workers start with model and tables
                config["distributed.worker.multiprocessing-method"] = "fork"
            stack.enter_context(dask.config.set(config))
            cluster = stack.enter_context(LocalCluster(
                n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout="30s"))
            except OSError as exc:  # refused, timed out, a name that does not resolve
                raise RelgraphError(f"cannot reach the Dask scheduler at {address}: "
                                    f"{exc}") from None
        client.run(_warm_up, model)  # every worker loads the model now (if not yet)
        yield from _run(client, articles, model)


def _warm_up(model: str | None) -> None:
    load(model)
    preload_tables()


def _run(client: Client, articles: Iterable[Article],
         model: str | None) -> Iterator[Extraction | InputError]:
    from dask.distributed import as_completed
    from distributed.scheduler import KilledWorker

    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    window = IN_FLIGHT * workers
    pending = stream_batches(articles, workers)
    running = as_completed()
    batch_of = {}
    alone: Counter[str] = Counter()  # article id -> times tried again alone after a kill

    def submit(batch: list[Article], retries: int = 1) -> None:
        future = client.submit(extract_batch, batch, model, pure=False, retries=retries)
        batch_of[future.key] = batch
        running.add(future)

    for batch in [b for _, b in zip(range(window), pending, strict=False)]:
        submit(batch)
    for future in running:
        batch = batch_of.pop(future.key)
        try:
            yield from future.result()
        except KilledWorker:
            if len(batch) > 1:
                for article in batch:  # find the article that kills workers
                    submit([article], retries=0)
            elif alone[batch[0].id] < ALONE_TRIES:
                # A task counts as suspect when its worker dies, whoever killed it: an innocent
                # article queued beside the killer is tried again, alone, before it is judged.
                alone[batch[0].id] += 1
                submit(batch, retries=0)
            else:
                yield InputError(batch[0].origin or batch[0].id,
                                 "extraction killed its Dask worker repeatedly; article "
                                 "skipped")
        except Exception as exc:  # noqa: BLE001 — a task error is one article batch's
            yield from (InputError(a.origin or a.id, f"extraction failed on Dask "
                                   f"({type(exc).__name__}: {exc})") for a in batch)
        future.release()
        nxt = next(pending, None)
        if nxt is not None:
            submit(nxt)
