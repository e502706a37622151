"""One exception family: every exception class relgraph defines is a :class:`RelgraphError`
(warnings aside), so that a caller catches one class and the CLI prints one line for each."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import graph
from graph.core.errors import RelgraphError


def _project_exceptions() -> list[type[BaseException]]:
    found = []
    for info in pkgutil.walk_packages(graph.__path__, "graph."):
        if info.name.endswith("__main__"):  # runs the CLI when imported
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (cls.__module__ == info.name and issubclass(cls, BaseException)
                    and not issubclass(cls, Warning)):
                found.append(cls)
    return found


def test_every_exception_class_in_graph_is_a_relgraph_error():
    classes = _project_exceptions()
    assert len(classes) > 10  # the walk reached the readers and the store
    outside = sorted(f"{c.__module__}.{c.__qualname__}" for c in classes
                     if not issubclass(c, RelgraphError))
    assert outside == []


def test_the_private_reader_errors_keep_their_builtin_bases():
    """Folded into the family without changing what catches them: an impossible date is still
    a ``ValueError`` and a retried 5xx answer still a fetch error."""
    from graph.core.errors import FetchError
    from graph.readers import dates, fetcher

    assert issubclass(dates._Impossible, ValueError)
    assert issubclass(fetcher._ServerError, FetchError)
