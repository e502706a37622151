"""A first run as a new user sees it: ``relgraph ingest seeds`` and ``relgraph serve`` in a fresh
directory say only what matters (no dependency warnings, no skipped README, the URL once, no
development-server warning, no access log unless asked), Ctrl+C stops the server, and output
cut short by the reader (``relgraph stats | head -1``) ends quietly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from serve_run import copy_db, serve_once

from graph.readers.articles import Skipped, find_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORY = "Mayor Tilda Brenner of Kestrel met the Orvalian trade minister on Monday.\n"


def test_a_directorys_own_documentation_files_are_not_articles(tmp_path):
    for name in ("README", "readme.md", "LICENSE.txt", "Licence", "COPYING.LESSER",
                 "CHANGELOG.md", "CONTRIBUTING.rst", "a.txt", "notes.xyz"):
        (tmp_path / name).write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "README.txt").write_text(STORY)
    (tmp_path / "sub" / "b.md").write_text(STORY)
    found = list(find_files([tmp_path]))
    assert [f for f in found if isinstance(f, Path)] == [tmp_path / "a.txt",
                                                         tmp_path / "sub" / "b.md"]
    assert [f.origin for f in found if isinstance(f, Skipped)] == [str(tmp_path / "notes.xyz")]
    # named on the command line, a README is read like any other file
    assert list(find_files([tmp_path / "readme.md"])) == [tmp_path / "readme.md"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_a_first_ingest_says_only_what_matters(tmp_path):
    ingest = run("ingest", str(SEEDS), cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    said = ingest.stdout + ingest.stderr
    assert not re.search(r"warn|skipped|traceback", said, re.I), said
    assert ingest.stdout.splitlines()[0] == \
        "articles: 5 new, 0 updated, 0 unchanged, 0 failed"
    assert (tmp_path / "relgraph.db").is_file()


@pytest.mark.slow
def test_a_first_serve_says_only_what_matters(seed_db, tmp_path):
    """``relgraph serve`` where the first ingest left relgraph.db (the seed database)."""
    copy_db(seed_db, tmp_path / "relgraph.db")
    served = serve_once(cwd=tmp_path, extra_requests=[("/_dash-layout",
                                                       {"Host": "attacker.example"})])
    assert b"Russia" in served.layout
    assert served.out.count("http://") == 1 and \
        served.out.startswith("relgraph dashboard on http://127.0.0.1:"), served.out
    assert served.err == "", served.err  # no development-server warning, no access log
    assert served.code == 0 and served.stop_seconds < 15


@pytest.mark.slow
def test_the_access_log_is_one_line_per_request_when_asked(seed_db):
    served = serve_once("--db", str(seed_db), "--access-log",
                        extra_requests=[("/_dash-layout?x=1", {"Host": "attacker.example"})])
    line = r'127\.0\.0\.1 - - \[[^]]+\] "GET {} HTTP/1\.1" {}'
    expected = [line.format("/", 200), line.format("/_dash-layout", 200),
                line.format(r"/_dash-layout\?x=1", 400)]
    lines = served.err.splitlines()
    assert len(lines) == 3, served.err
    for got, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(pattern, got), got
    assert served.code == 0


@pytest.mark.parametrize("command", [["stats"], ["actors", "--top", "0"], ["articles"]])
@pytest.mark.slow
def test_output_into_a_closed_pipe_ends_quietly(seed_db, command):
    """The reader is gone before relgraph writes (as ``| head -1`` is, sooner or later)."""
    read, write = os.pipe()
    os.close(read)
    try:
        proc = subprocess.run([sys.executable, "-m", "graph.cli", *command, "--db",
                               str(seed_db)], cwd=ROOT, stdout=write, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    finally:
        os.close(write)
    assert proc.stderr == "" and proc.returncode == 141, (proc.returncode, proc.stderr)


@pytest.mark.slow
def test_a_real_pipeline_into_head_is_quiet(seed_db):
    proc = subprocess.run(["bash", "-c", f"{sys.executable} -m graph.cli actors --top 0 --db "
                                         f"'{seed_db}' | head -1"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.split()[:2] == ["actor", "id"]
