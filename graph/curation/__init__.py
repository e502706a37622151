"""The analyst"s corrections kept in the store: decisions (merge, split, rename, retype, hide,
reject, undo), suggested merges, and the alias file as their import/export format.
"""

from graph.curation.decisions import (
    CurationError,
    hide,
    merge,
    reject,
    rename,
    retype,
    split,
    undo,
    unhide,
)

__all__ = ["CurationError", "hide", "merge", "reject", "rename", "retype", "split", "undo",
           "unhide"]
