"""Errors a user can cause and the command line prints as one line.

The start of one exception family (issue 21 gathers the others here): modules raise these
instead of importing the command line module that prints them.
"""

from __future__ import annotations

__all__ = ["UsageError"]


class UsageError(Exception):
    """A user error: printed as one line, exit status 2."""
