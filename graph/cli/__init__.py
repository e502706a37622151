"""The ``relgraph`` command on click: a thin layer that parses options, calls one library
function and prints the result (one module per group of commands, shared options in
:mod:`graph.cli.options`, tables and files in :mod:`graph.cli.output`).

The entry point is :func:`graph.cli.main.main` (``python -m graph.cli``); it is not re-exported
here, so that ``graph.cli.main`` stays the module (a package attribute named like a submodule
would hide it).
"""

__all__: list[str] = []
