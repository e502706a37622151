"""The extractor version: a fingerprint of everything that decides what is extracted.

It is derived, not declared, from what the extraction code *does*, not from how its files are
written or where they live:

- the normalised syntax tree of :mod:`graph.extraction.article` and of every ``graph`` module
  it imports, at any depth (absolute ``graph.x.y`` imports, relative imports of any level,
  ``from graph.x import module``, function-local imports, and the package ``__init__`` modules
  an import runs on the way). Docstrings, comments and layout are not in the tree, so editing
  them changes nothing; each import of a ``graph`` module names the module by a digest of its
  code rather than by its path, and the modules are hashed as a sorted set, so moving a module
  (same code, new path, importers updated) changes nothing either;
- the data tables those modules load (``load_table("name")``, ``load_words("file")``), as
  parsed TOML or as word lines without their ``#`` comments;
- the versions of the third-party packages they import (spaCy, the name and country lists)
  and the model's name and version;
- whether the parser runs on every sentence (the default) or only where extraction reads it
  (``$RELGRAPH_TWO_PASS``, :mod:`graph.extraction.partial`).

Any change of a rule (a constant, a condition, a table entry, a package upgrade) makes stored
extractions stale and the next ingest re-extracts them from their stored text. Computed
without importing spaCy or loading the model (re-ingesting an unchanged corpus must stay
cheap), and without importing the modules it fingerprints.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["code_version", "extraction_sources", "extractor_version"]

#: :data:`graph.extraction.partial.TWO_PASS_ENV`, spelt out: importing that module would
#: import spaCy, which this one never does.
TWO_PASS = "RELGRAPH_TWO_PASS"

#: The ``graph`` package directory the modules are read from (tests point it at a copy).
PACKAGE = Path(__file__).resolve().parent.parent
#: The package's import name.
TOP = "graph"
#: The module extraction starts from.
ENTRY = f"{TOP}.extraction.article"
#: Modules extraction imports that cannot change what it extracts: this module. Following it
#: would make an edit of the fingerprinting re-extract every stored article.
PLUMBING = frozenset({__name__})
#: Calls that read a file of ``graph/data``: the file each names.
_LOADERS = {"load_table": "{}.toml", "load_words": "{}"}


def extraction_sources() -> list[Path]:
    """The files the extractor version is computed from: ``graph/extraction/article.py``, every
    ``graph`` module it imports, directly or not (with the package ``__init__`` modules on the
    way), and the data tables they load."""
    found = _closure(ENTRY, PACKAGE)
    modules = sorted(m.path for m in found.modules.values())
    return modules + sorted(PACKAGE / "data" / t for t in found.tables)


@functools.cache
def extractor_version(model: str) -> str:
    """``"<model>:<16 hex digits>"`` for the current code, data tables, the versions of the
    packages the extraction code imports (spaCy, gazetteers, name lists) and the model."""
    mode = "two-pass" if os.environ.get(TWO_PASS, "").strip() not in ("", "0") else "full"
    digest = hashlib.sha256(f"{code_version()}\0{model}={_version(model)}\0{mode}".encode())
    return f"{model}:{digest.hexdigest()[:16]}"


@functools.cache
def code_version() -> str:
    """16 hex digits for the extraction code, its data tables and the versions of the packages
    it imports: the extractor version without the model."""
    found = _closure(ENTRY, PACKAGE)
    digest = hashlib.sha256()
    shapes = {name: m.shape for name, m in found.modules.items()}
    for part in sorted({m.digest(shapes) for m in found.modules.values()}):
        digest.update(part.encode())
    digest.update(b"\0tables")
    for part in sorted({_table_digest(PACKAGE / "data" / t) for t in found.tables}):
        digest.update(part.encode())
    for dist in _distributions():
        digest.update(f"{dist}={_version(dist)}".encode())
    return digest.hexdigest()[:16]


def _distributions() -> list[str]:
    """The third-party modules extraction imports that are installed distributions (module
    names are looked up as distribution names: faster than scanning every installed one)."""
    outside = _closure(ENTRY, PACKAGE).outside
    return sorted({m for m in outside if _version(m) != "?"} | {"spacy"})


def _version(dist: str) -> str:
    """The installed version of a distribution, ``"?"`` when it is not installed."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


# -- following the imports ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Module:
    """One module of the closure, read without importing it.

    ``shape`` is a digest of its syntax tree without docstrings, line numbers or the names of
    the ``graph`` modules it imports; ``imports`` holds those names, per import statement the
    module each imported name is read from (a submodule when the name is one); ``runs`` the
    ``graph`` modules its imports run, ``tables`` the data tables it loads and ``outside`` the
    third-party top-level modules it imports."""

    name: str
    path: Path
    shape: str
    imports: tuple[tuple[str, ...], ...]
    runs: frozenset[str]
    tables: frozenset[str]
    outside: frozenset[str]

    def digest(self, shapes: dict[str, str]) -> str:
        """The module's code with each ``graph`` module it imports named by its shape, not by
        its path: a move (importers updated) is no change, importing the same name from another
        module is one. A module not in ``shapes`` (:data:`PLUMBING`) keeps its name."""
        named = "|".join(" ".join(shapes.get(m, m) for m in statement)
                         for statement in self.imports)
        return hashlib.sha256(f"{self.shape}\0{named}".encode()).hexdigest()


@dataclass(frozen=True)
class _Closure:
    """What extraction reaches: ``graph`` modules by name, data table files by name, and the
    top-level names of the third-party modules imported."""

    modules: dict[str, _Module]
    tables: frozenset[str]
    outside: frozenset[str]


@functools.cache
def _closure(entry: str, root: Path) -> _Closure:
    """Every ``graph`` module reached from ``entry`` (package ``__init__`` modules included),
    the data tables they load and the third-party modules they import; ``root`` is the
    ``graph`` directory."""
    cache = _Cache(root)
    modules: dict[str, _Module] = {}
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in modules or name in PLUMBING:
            continue
        path = _module_file(name, root)
        if path is not None:
            modules[name] = cache.read(name, path)
            todo.extend([*_parents(name), *modules[name].runs])
    cache.save()
    return _Closure(modules, frozenset().union(*(m.tables for m in modules.values())),
                    frozenset().union(*(m.outside for m in modules.values())))


class _Cache:
    """Parsed modules kept between processes, so that every command does not parse the
    extraction code again (0.1 s): keyed by the module's name, the digest of its bytes and the
    package's file layout (which names are modules), so any edit or move reads it afresh.
    Kept in ``$XDG_CACHE_HOME/relgraph`` (``~/.cache/relgraph``); a cache that cannot be read
    or written is simply not used."""

    def __init__(self, root: Path) -> None:
        self.root = root
        layout = sorted(str(p.relative_to(root)) for p in root.rglob("*.py"))
        self.layout = hashlib.sha256("\0".join(layout).encode()).hexdigest()
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        self.file = Path(base) / "relgraph" / "fingerprint-modules.json"
        try:
            self.entries: dict[str, list] = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.changed = False
        self.used: set[str] = set()

    def read(self, name: str, path: Path) -> _Module:
        key = hashlib.sha256(f"{name}\0{self.layout}\0".encode() + path.read_bytes()).hexdigest()
        self.used.add(key)
        hit = self.entries.get(key)
        if isinstance(hit, list) and len(hit) == 5:
            shape, imports, runs, tables, outside = hit
            return _Module(name, path, shape, tuple(tuple(s) for s in imports),
                           frozenset(runs), frozenset(tables), frozenset(outside))
        module = _read(name, path, self.root)
        self.entries[key] = [module.shape, [list(s) for s in module.imports],
                             sorted(module.runs), sorted(module.tables), sorted(module.outside)]
        self.changed = True
        return module

    def save(self) -> None:
        if not self.changed:
            return
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(f"{self.file.name}.{os.getpid()}.tmp")
            kept = {k: v for k, v in self.entries.items() if k in self.used}  # no stale ones
            tmp.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(tmp, self.file)  # whole or not at all, for concurrent processes


def _read(name: str, path: Path, root: Path) -> _Module:
    """Parse one module: its shape, the ``graph`` modules it imports (at any level, inside
    functions too), the data tables it loads and the third-party modules it imports."""
    tree = ast.parse(path.read_bytes())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imports: list[tuple[str, ...]] = []
    runs: set[str] = set()
    tables: set[str] = set()
    outside: set[str] = set()
    for node in ast.walk(tree):
        _drop_strings(node)
        if isinstance(node, ast.Import):
            outside.update(a.name.split(".")[0] for a in node.names if not _in_project(a.name))
            ours = [a for a in node.names if _in_project(a.name)]
            if ours:
                imports.append(tuple(a.name for a in ours))
                runs.update(a.name for a in ours)
                for alias in ours:
                    alias.name = TOP
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            if not _in_project(base):
                if node.level == 0:  # (a relative import past the top is no package at all)
                    outside.add(base.split(".")[0])
                continue
            # ``from a import b`` runs ``a``, and ``a.b`` when b is a module; b is read from it.
            sources = tuple(f"{base}.{a.name}" if _module_file(f"{base}.{a.name}", root)
                            else base for a in node.names)
            imports.append(sources)
            runs.update({base, *sources})
            node.module, node.level = TOP, 0
        elif (isinstance(node, ast.Call) and _called(node) in _LOADERS and node.args
              and isinstance(node.args[0], ast.Constant)):
            tables.add(_LOADERS[_called(node)].format(node.args[0].value))
    shape = hashlib.sha256(ast.dump(tree).encode()).hexdigest()
    return _Module(name, path, shape, tuple(imports), frozenset(runs), frozenset(tables),
                   frozenset(outside))


def _called(call: ast.Call) -> str:
    """The name a call calls: ``load_table`` for ``load_table(...)`` and
    ``tables.load_table(...)``."""
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The absolute module name an ``ImportFrom`` in ``package`` reads from (``from ..names
    import forms`` in a module of ``graph.mentions`` reads from ``graph.names``)."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[:len(parts) - node.level + 1])
    return f"{base}.{node.module}" if node.module else base


def _in_project(name: str) -> bool:
    return name == TOP or name.startswith(f"{TOP}.")


def _parents(name: str) -> list[str]:
    """The packages importing ``name`` runs first: ``graph``, ``graph.names`` for
    ``graph.names.forms``."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _module_file(name: str, root: Path) -> Path | None:
    """The file of a ``graph`` module (``graph/x/y.py`` or ``graph/x/y/__init__.py``), or None
    when there is none (a name imported from a module, not a module)."""
    parts = name.split(".")[1:]
    candidates = [root.joinpath(*parts).with_suffix(".py")] if parts else []
    for path in [*candidates, root.joinpath(*parts, "__init__.py")]:
        if path.is_file():
            return path
    return None


# -- normalising ---------------------------------------------------------------------------------

def _drop_strings(node: ast.AST) -> None:
    """Remove the string statements of a node's bodies: module, class and function docstrings
    and any other bare string literal, which cannot change what the code does. (Comments and
    layout are not in a syntax tree, and ``ast.dump`` leaves out line and column numbers.)"""
    if not isinstance(node, _HAS_BODY):
        return
    for field in ("body", "orelse", "finalbody"):
        body = getattr(node, field, None)
        if isinstance(body, list) and any(map(_is_string, body)):
            setattr(node, field, [s for s in body if not _is_string(s)])


#: Nodes that can hold statements (expressions, most of a tree, cannot).
_HAS_BODY = (ast.mod, ast.stmt, ast.excepthandler, ast.match_case)


def _is_string(statement: ast.AST) -> bool:
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))


def _table_digest(path: Path) -> str:
    """sha256 of a data table as extraction reads it: parsed TOML (in file order), or the
    lines of a word table without blank lines and ``#`` comment lines (as ``load_words``)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        text = json.dumps(tomllib.loads(text), ensure_ascii=False, default=str)
    else:
        text = "\n".join(line for line in text.splitlines() if line and not line.startswith("#"))
    return hashlib.sha256(text.encode()).hexdigest()
