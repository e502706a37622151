"""The architecture as the README states it: module-level project imports, packages that say
what they own, bench scripts without cycles or shadowed packages, and the README's Python API
example running as written. (The import rules themselves are import-linter contracts in
pyproject.toml, checked by ``lint-imports`` in the test command.)"""

from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("graph", "dashboard", "bench")


def local_project_imports(path: Path) -> list[str]:
    """``file:line`` of every import of a project module inside a function of ``path`` that
    no comment explains (on its line or the line above: which heavy dependency it defers)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    bench_modules = {p.stem for p in (ROOT / "bench").glob("*.py")}
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                local = node.level > 0
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
                local = False
            else:
                continue
            tops = {n.split(".")[0] for n in names}
            above = node.lineno - 2  # the lines above this import, past the imports with it
            while above >= 0 and (not lines[above].strip()
                                  or lines[above].strip().startswith(("from ", "import "))):
                above -= 1
            explained = "#" in lines[node.lineno - 1] or (
                above >= 0 and lines[above].strip().startswith("#"))
            if (local or tops & {*PROJECT, *bench_modules}) and not explained:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_project_imports_are_at_module_level():
    """A function-local import of the project hides a cycle or a layering problem; the only
    local imports allowed defer a heavy dependency most runs do not need (spaCy for commands
    that only read, Dash for commands that do not serve, an optional extra), with a comment
    saying which."""
    offenders = [hit for base in PROJECT for path in sorted((ROOT / base).rglob("*.py"))
                 for hit in local_project_imports(path)]
    assert offenders == []


def test_the_local_import_check_sees_one(tmp_path):
    sample = ROOT / "bench" / "_sample_for_test.py"
    try:
        sample.write_text("def f():\n    from graph.core import model\n    return model\n\n\n"
                          "def g():\n    # spaCy, only when parsing\n"
                          "    from graph.extraction import nlp\n    return nlp\n")
        assert local_project_imports(sample) == ["bench/_sample_for_test.py:2"]
    finally:
        sample.unlink()


def packages() -> list[Path]:
    return sorted(p.parent for base in ("graph", "dashboard")
                  for p in (ROOT / base).rglob("__init__.py"))


@pytest.mark.parametrize("folder", packages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_package_says_what_it_owns_and_exports_its_public_names(folder):
    name = ".".join(folder.relative_to(ROOT).parts)
    if name == "graph":
        return  # the root: its stages are the packages below
    module = importlib.import_module(name)
    assert module.__doc__ and len(module.__doc__.strip().splitlines()) >= 2, name
    for public in getattr(module, "__all__", []):
        assert hasattr(module, public), (name, public)


def test_every_package_is_in_the_wheel_list():
    text = (ROOT / "pyproject.toml").read_text()
    listed = set(re.findall(r'"((?:graph|dashboard)(?:\.\w+)*)"',
                            text[text.index("packages = ["):text.index("]", text.index(
                                "packages = ["))]))
    found = {".".join(p.relative_to(ROOT).parts) for p in packages()}
    assert found <= listed


def test_bench_scripts_shadow_no_package_and_import_each_other_without_cycles():
    scripts = {p.stem: p for p in (ROOT / "bench").glob("*.py")}
    assert not set(scripts) & {"graph", "dashboard", "tests"}
    G = nx.DiGraph()
    for stem, path in scripts.items():
        G.add_node(stem)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in scripts:
                G.add_edge(stem, node.module)
            elif isinstance(node, ast.Import):
                G.add_edges_from((stem, a.name) for a in node.names if a.name in scripts)
    assert list(nx.simple_cycles(G)) == []


def readme_api_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    start = section.index("```python\n") + len("```python\n")
    return section[start:section.index("\n```", start)]


@pytest.mark.slow
def test_the_readme_python_api_example_runs_as_written(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", readme_api_example()], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert re.match(r"\d+ new articles, \d+ actors", lines[0]) and int(lines[0].split()[0]) > 0
    assert (tmp_path / "slice.graphml").stat().st_size > 0
    assert (tmp_path / "slice.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Renamed actor" in lines[-1]
