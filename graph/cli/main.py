"""The ``relgraph`` command: the click group of every subcommand, and :func:`main`, which runs
it and turns errors into exit statuses.

A :class:`~graph.core.errors.RelgraphError` is printed as one line (``relgraph: error: ...``)
and exits with its ``exit_code``; click's own usage errors are printed as click prints them
(exit 2); output cut short by its reader ends quietly with 141, as a program ended by SIGPIPE
does. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from graph.cli.commands import COMMANDS, LazyGroup
from graph.core.errors import RelgraphError

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``relgraph`` console script: run the command ``argv`` (default: the
    process arguments) and return its exit status. A usage error click finds (an unknown
    option, a value not among its choices) ends the process as click does: ``SystemExit(2)``."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="relgraph",
                        standalone_mode=False)
    except RelgraphError as exc:
        print(f"relgraph: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()  # usage, hint and message, as click prints them
        raise SystemExit(exc.exit_code) from None
    except click.Abort:  # Ctrl+C while click itself was reading (a prompt, the arguments)
        print("relgraph: interrupted", file=sys.stderr)
        return 130
    return code or 0


class RelgraphGroup(LazyGroup):
    """The root group: runs a subcommand and settles how it ended."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            code = super().invoke(ctx)
            sys.stdout.flush()  # a reader that went away shows here, not at the exit's flush
        except BrokenPipeError:
            # `relgraph stats | head -1`: the reader has what it wanted. Stop quietly, with the
            # status of a program ended by SIGPIPE (128 + 13), as `cat` or `ls` would; what is
            # still buffered goes to /dev/null so the flush at exit does not fail again.
            _discard_stdout()
            raise click.exceptions.Exit(141) from None
        except KeyboardInterrupt:
            print("relgraph: interrupted", file=sys.stderr)
            raise click.exceptions.Exit(130) from None
        return code


def _discard_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@click.group(cls=RelgraphGroup, lazy=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="relgraph", prog_name="relgraph",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """Turn news articles into a relationship graph you can explore and brief from."""
