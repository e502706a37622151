"""The ``relgraph`` command: a thin layer that parses options, calls one library function and
prints the result.
"""

from graph.cli.main import main

__all__ = ["main"]
