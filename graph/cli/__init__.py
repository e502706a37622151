"""The ``relgraph`` command on click: a thin layer that parses options, calls one library
function and prints the result (one module per group of commands, shared options in
:mod:`graph.cli.options`, tables and files in :mod:`graph.cli.output`).
"""

from graph.cli.main import main

__all__ = ["main"]
