"""The extractor version: a fingerprint of everything that decides what is extracted.

It is derived, not declared: the source of :mod:`graph.extract` and every ``graph`` module it
imports (followed through the code, so a new extraction module counts automatically), the data
tables in ``graph/data``, the spaCy version, and the model's name and version. Any change to
them makes stored extractions stale; the next ingest re-extracts them from their stored text.
Computed without importing spaCy or loading the model (re-ingesting an unchanged corpus must
stay cheap).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
from pathlib import Path

__all__ = ["extraction_sources", "extractor_version"]

PACKAGE = Path(__file__).resolve().parent


def extraction_sources(entry: str = "extract") -> list[Path]:
    """``graph/<entry>.py`` and every ``graph`` module it imports, directly or not, plus the
    data tables."""
    seen: set[Path] = set()
    todo = [PACKAGE / f"{entry}.py"]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    todo.append(PACKAGE / f"{node.module.replace('.', '/')}.py")
                else:
                    todo.extend(PACKAGE / f"{a.name}.py" for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graph."):
                todo.append(PACKAGE / f"{node.module.removeprefix('graph.')}.py")
    return sorted(seen) + sorted((PACKAGE / "data").glob("*.toml"))


@functools.cache
def extractor_version(model: str) -> str:
    """``"<model>:<16 hex digits>"`` for the current code, data, spaCy and model."""
    digest = hashlib.sha256()
    for path in extraction_sources():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for dist in ("spacy", model):
        digest.update(f"{dist}={_version(dist)}".encode())
    return f"{model}:{digest.hexdigest()[:16]}"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"
