"""The reader stage: files, directories, URLs, feeds and uploads to normalised articles, with
one clear line for anything that cannot be read (never an exception for bad input).

Every reader is a function ``(Source, ReadOptions) -> Iterator[Item]`` registered in
:mod:`graph.readers.dispatch`; all of them build articles through
:func:`graph.readers.base.make_article`, which normalises text and metadata once.
:mod:`graph.readers.articles` holds the entry points exported here.
"""

from graph.readers.articles import (
    InputError,
    InputWarning,
    ReadOptions,
    Skipped,
    read_bytes,
    read_paths,
)

__all__ = ["InputError", "InputWarning", "ReadOptions", "Skipped", "read_bytes", "read_paths"]
