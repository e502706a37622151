"""The ingest driver: plan (new, changed, stale), map extraction over articles in this process,
a process pool or Dask, write in batches, resolve.
"""

from graph.pipeline.driver import Summary, ingest, reresolve

__all__ = ["Summary", "ingest", "reresolve"]
