"""Word sets derived from large package data (given names, the gazetteer), kept on disk between
runs.

Deriving them reads 61,000 given names and 150,000 place names: about 0.45 s in every process
that extracts (each ingest command, each worker process that is not forked), which is a tenth
of a 200-article ingest. Reading the cached JSON takes a few milliseconds. A cache file is
keyed by a version the caller gives (the extraction code's fingerprint, which covers the code
that derives the sets and the packages it reads), so a change to either derives them again.
The cache lives in ``$RELGRAPH_CACHE_DIR``, else the user cache directory
(``~/.cache/relgraph`` on Linux); when it cannot be read or written the sets are simply derived
in memory. JSON, not pickle: a cache file is data, never code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["cache_dir", "cached_sets"]

FORMAT = 1  # bump when the file layout changes


def cache_dir() -> Path:
    """Where derived tables are cached: ``$RELGRAPH_CACHE_DIR`` or the user cache directory."""
    if os.environ.get("RELGRAPH_CACHE_DIR"):
        return Path(os.environ["RELGRAPH_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("relgraph", appauthor=False))


def cached_sets(name: str, derive: Callable[[], dict[str, Iterable[str]]], version: str,
                sets: Iterable[str]) -> dict[str, frozenset[str]]:
    """The word sets named ``sets`` that ``derive()`` returns, read from the cache when it was
    written for ``version`` and holds exactly those sets, else derived and cached."""
    names = frozenset(sets)
    key = hashlib.sha256(f"{FORMAT}\0{name}\0{version}\0{sys.version_info[:2]}".encode()
                         ).hexdigest()
    path = cache_dir() / f"{name}-{key[:16]}.json"
    got = _read(path, key, names)
    if got is not None:
        return got
    derived = {k: frozenset(v) for k, v in derive().items()}
    if set(derived) != names:
        raise ValueError(f"{name}: derived sets {sorted(derived)}, expected {sorted(names)}")
    _write(path, key, derived)
    return derived


def _read(path: Path, key: str, names: frozenset[str]) -> dict[str, frozenset[str]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not (isinstance(data, dict) and data.get("key") == key
            and isinstance(data.get("sets"), dict) and set(data["sets"]) == names
            and all(isinstance(v, list) and all(isinstance(w, str) for w in v)
                    for v in data["sets"].values())):
        return None  # another version's file, or damaged: derive again (and overwrite it)
    return {k: frozenset(v) for k, v in data["sets"].items()}


def _write(path: Path, key: str, sets: dict[str, frozenset[str]]) -> None:
    """Write atomically (a reader never sees half a file); remove this table's older files."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as f:
            tmp = f.name
            json.dump({"key": key, "sets": {k: sorted(v) for k, v in sets.items()}}, f)
        os.replace(tmp, path)
        stem = path.stem.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.json"):
            if old != path and len(old.stem) == len(path.stem):
                old.unlink(missing_ok=True)
        for left in path.parent.glob("*.tmp"):  # from a process killed while writing
            if time.time() - left.stat().st_mtime > 3600:
                left.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: the sets were derived, just not kept
        if tmp:
            Path(tmp).unlink(missing_ok=True)
