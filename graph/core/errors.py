"""The one exception family: every error a user can cause or fix is a :class:`RelgraphError`.

``str(error)`` is the one line to print and ``error.exit_code`` the command's exit status;
the CLI prints one line for these and nothing else (any other exception is a bug and keeps its
traceback). Defined together so that no module imports the module that prints them. Bad
*input* in a batch is not raised: readers yield :class:`graph.readers.base.InputError` records
so that the rest of the batch goes through.
"""

from __future__ import annotations

__all__ = ["AliasError", "CurationError", "EmptySliceError", "FetchError", "InvalidValue",
           "ModelMissingError", "ReadOnlyError", "RelgraphError", "StaleViewError",
           "StoreError", "TooLarge", "UsageError"]


class RelgraphError(Exception):
    """Base of every error a user can cause or fix: one line, an exit status."""

    exit_code = 1


class UsageError(RelgraphError):
    """A command used wrongly (a bad option value, a missing argument)."""

    exit_code = 2


class InvalidValue(RelgraphError, ValueError):
    """A value from outside (a URL query, a callback value, an option) that is not valid."""

    exit_code = 2


class TooLarge(RelgraphError, ValueError):
    """Input that would grow past a bound (compressed content, a zip package, a PDF stream)."""


class FetchError(RelgraphError):
    """A URL that cannot be fetched (refused address, timeout, HTTP error, too large)."""


class StoreError(RelgraphError, RuntimeError):
    """The database cannot be used (missing, not a database, unreachable, locked)."""

    exit_code = 2


class ReadOnlyError(StoreError):
    """A write to a database this process can only read (or cannot create)."""

    exit_code = 1


class StaleViewError(StoreError):
    """A decision made from a view of actors that changed since (reload and decide again)."""


class CurationError(RelgraphError, ValueError):
    """A decision that cannot be applied (unknown actor, a merge of an actor with itself...)."""

    exit_code = 2


class AliasError(RelgraphError, ValueError):
    """An alias file that is not valid (the file and line in the message)."""

    exit_code = 1


class ModelMissingError(RelgraphError, RuntimeError):
    """The spaCy model is not installed (the message says how to install it)."""


class EmptySliceError(RelgraphError, ValueError):
    """An image asked for a slice with no actors."""

