"""The extractor version: a fingerprint of everything that decides what is extracted.

It is derived, not declared: the source of :mod:`graph.extraction.article` and every ``graph``
module it
imports (followed through the code, so a new extraction module counts automatically), the data
tables those modules load, the versions of the packages they import (spaCy, the gazetteer and
name lists), and the model's name and version. Any change to
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

__all__ = ["code_version", "extraction_sources", "extractor_version"]

PACKAGE = Path(__file__).resolve().parent.parent


def extraction_sources(entry: str = "extraction/article") -> list[Path]:
    """``graph/<entry>.py``, every ``graph`` module it imports, directly or not, and the data
    tables they load (``load_table("name")``, ``load_words("file")``)."""
    modules, tables, _ = _closure(entry)
    return sorted(modules) + sorted(PACKAGE / "data" / t for t in tables)


#: Modules extraction imports that cannot change what it extracts: this module. Following it
#: would make an edit of the fingerprinting re-extract every stored article.
PLUMBING = frozenset({"fingerprint.py"})
#: Calls that read a file of ``graph/data``: the file each names.
_LOADERS = {"load_table": "{}.toml", "load_words": "{}"}


@functools.cache
def _closure(entry: str) -> tuple[frozenset[Path], frozenset[str], frozenset[str]]:
    """(graph modules, data tables, third-party top-level modules) reached from ``entry``."""
    seen: set[Path] = set()
    tables: set[str] = set()
    outside: set[str] = set()
    todo = [PACKAGE / f"{entry}.py"]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file() or path.name in PLUMBING:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    todo.append(PACKAGE / f"{node.module.replace('.', '/')}.py")
                else:
                    todo.extend(PACKAGE / f"{a.name}.py" for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module == "graph" or node.module.startswith("graph."):
                    base = PACKAGE.joinpath(*node.module.split(".")[1:])
                    todo.append(base.with_suffix(".py"))
                    todo.extend(base / f"{a.name}.py" for a in node.names)
                else:
                    outside.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                outside.update(a.name.split(".")[0] for a in node.names)
            elif (isinstance(node, ast.Call) and getattr(node.func, "id", "") in _LOADERS
                  and node.args and isinstance(node.args[0], ast.Constant)):
                tables.add(_LOADERS[node.func.id].format(node.args[0].value))
    return frozenset(seen), frozenset(tables), frozenset(outside)


@functools.cache
def extractor_version(model: str) -> str:
    """``"<model>:<16 hex digits>"`` for the current code, data tables, the versions of the
    packages the extraction code imports (spaCy, gazetteers, name lists) and the model."""
    digest = hashlib.sha256(f"{code_version()}\0{model}={_version(model)}".encode())
    return f"{model}:{digest.hexdigest()[:16]}"


@functools.cache
def code_version() -> str:
    """16 hex digits for the extraction code, its data tables and the versions of the packages
    it imports: the extractor version without the model."""
    digest = hashlib.sha256()
    for path in extraction_sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for dist in _distributions():
        digest.update(f"{dist}={_version(dist)}".encode())
    return digest.hexdigest()[:16]


def _distributions() -> list[str]:
    """The third-party modules extraction imports that are installed distributions (module
    names are looked up as distribution names: faster than scanning every installed one)."""
    return sorted({m for m in _closure("extraction/article")[2] if _version(m) != "?"} | {"spacy"})


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"
