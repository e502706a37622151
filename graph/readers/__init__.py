"""Readers, one module per kind of input; :mod:`graph.readers.articles` is the public entry point.

Every reader is a function ``(Source, ReadOptions) -> Iterator[Item]`` registered in
:mod:`graph.readers.dispatch`; all of them build articles through
:func:`graph.readers.base.make_article`, which normalises text and metadata once.
"""
