"""What commands write: tables on standard output (through rich) and output files.

A table on a terminal is drawn by rich (bold header, columns fitted to the window); piped or
redirected it is plain text, one line per row under a header and a line of dashes, no colour
codes, never wrapped: ``relgraph actors | head -1`` and ``| cut`` see the same columns a person
sees.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.core.errors import RelgraphError

__all__ = ["clip", "print_table", "write_output"]

#: Piped output: columns two spaces apart, a dashed line under the header, nothing else
#: (rich's box characters, given to rich's ``Box`` when a table is printed).
PLAIN = ("    \n"
         "    \n"
         " -  \n"
         "    \n"
         "    \n"
         " -  \n"
         "    \n"
         "    \n")


def clip(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters, the last one an ellipsis when it was cut."""
    return text if len(text) <= n else text[:n - 1] + "…"


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]],
                numeric: Sequence[str] = ()) -> None:
    """Print a table; the columns named in ``numeric`` are right-aligned."""
    # rich only for commands that print tables (an image's command does without it)
    from rich import box
    from rich.console import Console
    from rich.table import Table

    terminal = sys.stdout.isatty()
    table = Table(box=box.SIMPLE_HEAD if terminal else box.Box(PLAIN, ascii=True),
                  show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  header_style="bold" if terminal else "")
    for name in header:
        table.add_column(name, justify="right" if name in numeric else "left",
                         no_wrap=not terminal)
    for row in rows:
        table.add_row(*(str(cell) for cell in row))
    if terminal:
        Console(file=sys.stdout).print(table)
        return
    text = io.StringIO()
    # wide enough that no column is ever cut or wrapped; colour off, whatever the environment
    Console(file=text, width=1_000_000, color_system=None, force_terminal=False,
            no_color=True, highlight=False).print(table)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in text.getvalue().splitlines()))


def write_output(path: str | Path, data: str | bytes, *, parents: bool = False) -> Path:
    """Write ``data`` to ``path`` (``parents``: its folder made if missing); a path that cannot
    be written (a missing folder, no permission, a full disk) is one line."""
    out = Path(path)
    try:
        if parents:
            out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data, encoding="utf-8")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and Path(exc.filename) != out else ""
        raise RelgraphError(f"cannot write {path}: {exc.strerror or exc}{where}") from None
    return out
