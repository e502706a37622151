"""Databases that cannot be written: in memory (refused in one line, never a spin), on a
read-only mount or without write permission (read commands work, writes are one line).

Real SQLite files, the real command in a subprocess; the read-only mount is a real
``mount -o bind,ro`` (root only), and permissions are checked as the ``nobody`` user (chmod
does not stop root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from serve_run import copy_db, serve_once

pytestmark = pytest.mark.slow  # the ingested seeds on read-only mounts, CLI subprocesses

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def relgraph(*args: str, user: str | None = None, timeout: float = 120,
             ) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "graph.cli", *args]
    if user:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user_group(user)}", "--clear-groups",
               *cmd]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def user_group(user: str) -> str:
    import grp
    import pwd

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name


def one_line_error(proc: subprocess.CompletedProcess, code: int, *words: str) -> str:
    err = proc.stderr.strip()
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    return err


# -- in-memory databases ---------------------------------------------------------------------
def test_the_wal_switch_ends_for_databases_that_cannot_use_wal(tmp_path):
    """An in-memory or immutable database answers the WAL switch with its own mode: the
    switch must accept that, not ask again forever."""
    db = tmp_path / "x.db"
    import sqlite3

    sqlite3.connect(db).execute("CREATE TABLE t (x)")
    code = ("import sqlite3, sys\nfrom graph.store.engine import _wal\n"
            "for uri in sys.argv[1:]:\n"
            "    _wal(sqlite3.connect(uri, uri=True).cursor())\nprint('done')\n")
    proc = subprocess.run([sys.executable, "-c", code, ":memory:",
                           f"file:{db}?immutable=1"], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    assert proc.stdout.strip() == "done", proc.stderr


@pytest.mark.parametrize("db", ["sqlite://", ":memory:", "sqlite:///:memory:"])
@pytest.mark.parametrize("command", ["stats", "ingest"])
def test_an_in_memory_database_is_one_line_not_a_spin(db, command):
    args = [command, "--db", db] + ([str(SEEDS / "README"), "-q"] if command == "ingest" else [])
    try:
        proc = relgraph(*args, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"relgraph {command} --db {db} still ran after 60 s")
    one_line_error(proc, 2, "in-memory database", "give a file")


# -- a read-only mount -----------------------------------------------------------------------
def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture(scope="module")
def ro_mount(seed_db, tmp_path_factory):
    """The seed database (in WAL mode, closed cleanly) in a directory bind-mounted read-only."""
    if not _can_mount():
        pytest.skip("needs root to bind-mount a directory read-only")
    base = tmp_path_factory.mktemp("romount")
    src, mnt = base / "src", base / "mnt"
    src.mkdir()
    mnt.mkdir()
    copy_db(seed_db, src / "seeds.db")
    data = (src / "seeds.db").read_bytes()  # a SQLite header, then a damaged file header
    (src / "damaged.db").write_bytes(data[:16] + b"\xff" * 200 + data[216:])
    done = subprocess.run(["mount", "-o", "bind,ro", str(src), str(mnt)], capture_output=True,
                          text=True)
    if done.returncode:
        pytest.skip(f"cannot bind-mount read-only here: {done.stderr.strip()}")
    try:
        assert not os.access(mnt, os.W_OK)
        yield mnt / "seeds.db"
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_a_read_only_mount_serves_the_reading_commands(ro_mount, tmp_path):
    stats = relgraph("stats", "--db", str(ro_mount))
    assert stats.returncode == 0 and stats.stderr == "", stats.stderr
    assert any(line.split()[:2] == ["articles", "5"] for line in stats.stdout.splitlines())
    actors = relgraph("actors", "--db", str(ro_mount), "--top", "3")
    assert actors.returncode == 0 and len(actors.stdout.splitlines()) == 5, actors.stderr
    articles = relgraph("articles", "--db", str(ro_mount), "--json")
    assert articles.returncode == 0 and len(articles.stdout.splitlines()) == 5
    out = tmp_path / "g.graphml"
    export = relgraph("export", "--db", str(ro_mount), "-f", "graphml", "-o", str(out))
    assert export.returncode == 0, export.stderr
    assert "<graphml" in out.read_text()
    history = relgraph("history", "--db", str(ro_mount))
    assert history.returncode == 0 and history.stdout.strip() == "no decisions yet"


@pytest.mark.parametrize("args", [
    ["ingest", str(SEEDS)],
    ["hide", "Russia"],
    ["merge", "Russia", "North Korea", "--into", "Russia"],
    ["undo"],
])
def test_writing_to_a_read_only_mount_is_one_line(ro_mount, args):
    proc = relgraph(*args, "--db", str(ro_mount))
    one_line_error(proc, 1, f"'{args[0]}' needs write access", str(ro_mount),
                   "read-only file system")


def test_a_damaged_database_on_a_read_only_mount_is_one_line(ro_mount):
    proc = relgraph("stats", "--db", str(ro_mount.parent / "damaged.db"))
    one_line_error(proc, 2, "cannot use database", "damaged.db", "not a database")


def test_a_new_database_in_a_read_only_directory_is_one_line(ro_mount):
    proc = relgraph("ingest", str(SEEDS), "--db", str(ro_mount.parent / "new.db"))
    one_line_error(proc, 1, "cannot create database", "not writable")


def test_serve_read_only_on_a_read_only_mount(ro_mount):
    served = serve_once("--db", str(ro_mount), "--read-only")
    assert served.code == 0 and served.err == "", served.err
    assert b"Russia" in served.layout


def test_plain_serve_on_a_read_only_mount_serves_it_read_only(ro_mount):
    served = serve_once("--db", str(ro_mount))
    assert served.code == 0 and "Traceback" not in served.err, served.err
    assert "can only be read (read-only file system): serving it read-only" in served.err
    assert b"Russia" in served.layout
    assert b"\"merge-into\"" not in served.layout  # no curation controls


# -- no write permission (checked as an unprivileged user) -----------------------------------
@pytest.fixture
def as_nobody(seed_db):
    """A directory ``nobody`` owns holding a copy of the seed database, chmod 444."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run commands as 'nobody'")
    base = Path(tempfile.mkdtemp(prefix="relgraph-ro-"))
    base.chmod(0o755)
    db = base / "seeds.db"
    copy_db(seed_db, db)
    shutil.chown(base, "nobody")
    shutil.chown(db, "nobody")
    db.chmod(0o444)
    try:
        yield db
    finally:
        shutil.rmtree(base)


@pytest.mark.parametrize("dir_mode", [0o755, 0o555], ids=["writable-dir", "read-only-dir"])
def test_a_file_without_write_permission_is_read_and_not_written(as_nobody, dir_mode):
    as_nobody.parent.chmod(dir_mode)
    before = as_nobody.read_bytes()
    stats = relgraph("stats", "--db", str(as_nobody), user="nobody")
    assert stats.returncode == 0 and stats.stderr == "", stats.stderr
    assert any(line.split()[:2] == ["articles", "5"] for line in stats.stdout.splitlines())
    proc = relgraph("hide", "Russia", "--db", str(as_nobody), user="nobody")
    one_line_error(proc, 1, "'hide' needs write access", "no write permission")
    assert as_nobody.read_bytes() == before
