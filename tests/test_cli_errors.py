"""How a command ends: a RelgraphError is one line and its exit status; click's usage errors
are click's; anything else is a bug and keeps its traceback (ValueError and OSError included:
they are no longer turned into one line wholesale)."""

from __future__ import annotations

import errno
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import graph.core.errors as errors
from graph.cli.main import main

ROOT = Path(__file__).resolve().parent.parent

FAMILY = [getattr(errors, name) for name in errors.__all__]


def failing(monkeypatch, exc: BaseException) -> None:
    """``relgraph stats`` raises ``exc`` where it opens its store."""
    def open_store(*args, **kwargs):
        raise exc
    monkeypatch.setattr("graph.cli.listing.open_store", open_store)


def test_the_family_is_all_relgraph_errors():
    assert errors.RelgraphError in FAMILY and len(FAMILY) >= 12  # renderer errors gone
    assert all(issubclass(cls, errors.RelgraphError) for cls in FAMILY)


@pytest.mark.parametrize("cls", FAMILY, ids=lambda cls: cls.__name__)
def test_a_relgraph_error_is_one_line_and_its_exit_status(monkeypatch, capsys, cls):
    failing(monkeypatch, cls("what went wrong, and what to do"))
    code = main(["stats"])
    out, err = capsys.readouterr()
    assert code == cls.exit_code and code in (1, 2)
    assert err == "relgraph: error: what went wrong, and what to do\n" and out == ""


@pytest.mark.parametrize("exc", [ValueError("a bug"), OSError(errno.EIO, "a bug"),
                                 KeyError("a bug"), ZeroDivisionError("a bug")],
                         ids=lambda exc: type(exc).__name__)
def test_any_other_exception_is_not_swallowed(monkeypatch, capsys, exc):
    failing(monkeypatch, exc)
    with pytest.raises(type(exc), match="a bug"):
        main(["stats"])
    assert "relgraph: error" not in capsys.readouterr().err


def test_a_bug_shows_its_traceback_from_the_real_command(tmp_path):
    code = ("import sys\nimport graph.cli.listing as listing\n"
            "def open_store(*a, **k):\n    raise ValueError('a bug in open_store')\n"
            "listing.open_store = open_store\n"
            "from graph.cli.main import main\nsys.exit(main(['stats']))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 1 and "Traceback (most recent call last)" in run.stderr
    assert "ValueError: a bug in open_store" in run.stderr
    assert "relgraph: error" not in run.stderr


@pytest.mark.parametrize("args,shown", [
    (["export", "-o", "x.json"], "Error: Missing option '--format' / '-f'"),
    (["export", "-f", "tiff", "-o", "x.tiff"], "'tiff' is not one of"),
    (["nosuchcommand"], "Error: No such command 'nosuchcommand'"),
    (["actors", "--top", "many"], "'many' is not a valid integer"),
    (["articles", "--since", "yesterday"], "bad date 'yesterday' (use YYYY-MM-DD)"),
    (["serve", "--port", "70000"], "70000 is not in the range 0<=x<=65535"),
])
def test_click_usage_errors_are_clicks_with_status_2(capsys, args, shown):
    with pytest.raises(SystemExit) as ended:
        main(args)
    err = capsys.readouterr().err
    assert ended.value.code == 2 and shown in err, err
    assert err.startswith(f"Usage: relgraph {args[0] if args[0] != 'nosuchcommand' else ''}")


def test_no_command_lists_the_commands_with_status_2(capsys):
    with pytest.raises(SystemExit) as ended:
        main([])
    err = capsys.readouterr().err
    assert ended.value.code == 2 and "Commands:" in err and "ingest" in err


def test_help_and_version_end_with_status_0(capsys):
    from importlib.metadata import version

    assert main(["--help"]) == 0 and "Commands:" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"relgraph {version('relgraph')}\n"
    assert main(["stats", "-h"]) == 0 and "Example: relgraph stats" in capsys.readouterr().out


def test_an_interrupt_is_one_line_and_status_130(monkeypatch, capsys):
    failing(monkeypatch, KeyboardInterrupt())
    assert main(["stats"]) == 130
    assert capsys.readouterr().err == "relgraph: interrupted\n"


def test_a_closed_pipe_is_status_141_and_quiet(monkeypatch, capsys):
    failing(monkeypatch, BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert main(["stats"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_an_export_path_that_cannot_be_written_is_one_line(seed_db, tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    for fmt in ("json", "graphml", "csv"):
        code = main(["export", "--db", str(seed_db), "-f", fmt, "-o",
                     str(tmp_path / "a-file" / f"g.{fmt}")])
        err = capsys.readouterr().err
        assert code == 1 and err.startswith("relgraph: error: cannot write "), err
        assert "a-file" in err and len(err.splitlines()) == 1
    code = main(["aliases", "export", "--db", str(seed_db), "-o",
                 str(tmp_path / "a-file" / "decisions.toml")])
    err = capsys.readouterr().err
    assert code == 1 and "cannot write" in err and "Not a directory" in err, err
    assert len(err.splitlines()) == 1


@pytest.mark.slow
def test_a_port_in_use_is_one_line(seed_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "graph.cli", "serve", "--db", str(seed_db),
                              "--port", str(port)], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stderr.strip() == (f"relgraph: error: cannot serve on 127.0.0.1:{port}: "
                                  "Address already in use")


@pytest.mark.parametrize("args,message", [
    (["--dpi", "10"], "dpi must be between 36 and 1200"),
    (["--width", "50"], "image width and height must be between 200 and 10000 px"),
])
@pytest.mark.slow
def test_image_option_values_out_of_bounds_are_one_line(seed_db, tmp_path, capsys, args,
                                                       message):
    code = main(["export", "--db", str(seed_db), "-f", "svg", "-o", str(tmp_path / "x.svg"),
                 *args])
    err = capsys.readouterr().err
    assert code == 2 and err == f"relgraph: error: {message}\n"
    assert not (tmp_path / "x.svg").exists()


def test_a_dask_scheduler_out_of_reach_is_one_line(monkeypatch, tmp_path, capsys):
    pytest.importorskip("dask.distributed")

    def refusing(address, timeout):  # what Client says when the scheduler does not answer
        raise OSError(f"Timed out trying to connect to {address} after {timeout}")

    monkeypatch.setattr("dask.distributed.Client", refusing)
    (tmp_path / "a.txt").write_text("Walt Hadley visited Japan.")
    code = main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "d.db"), "-q",
                 "--dask", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 1 and err == ("relgraph: error: cannot reach the Dask scheduler at "
                                 "tcp://127.0.0.1:1: Timed out trying to connect to "
                                 "tcp://127.0.0.1:1 after 30s\n")
