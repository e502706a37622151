"""HTTP content codings (``Content-Encoding: gzip``, ``deflate``, stacked) undone in bounded
pieces, counting what they inflate.

httpx decodes a whole received chunk in one call, so 3.5 KB of ``gzip, gzip`` became gigabytes
in memory before any size check could run. Here every coding inflates at most :data:`PIECE`
bytes per call (zlib's ``max_length``), the layers are chained generators (a piece goes through
all of them before the next is inflated), and each layer's output is counted as it is produced:
past :data:`~graph.readers.limits.MAX_INFLATED_BYTES` the download stops with
:data:`~graph.readers.limits.INFLATED_TOO_LARGE`. Memory stays bounded by the limit, whatever
the ratio. zlib is the maintained inflater; only the piecewise loop is ours, because no
library offers a bounded streaming decoder for stacked codings.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from itertools import chain

from graph.core.errors import RelgraphError
from graph.readers.limits import INFLATED_TOO_LARGE, MAX_INFLATED_BYTES

__all__ = ["ACCEPT_ENCODING", "PIECE", "CodingError", "codings", "decoded"]

PIECE = 64 * 1024
#: What the fetcher asks for: the codings it can undo with a bound (no brotli or zstd).
ACCEPT_ENCODING = "gzip, deflate"
_KNOWN = {"gzip", "x-gzip", "deflate"}


class CodingError(RelgraphError):
    """Content that cannot be decoded within bounds; the message is one line."""


def codings(header: str) -> list[str]:
    """The codings named by a ``Content-Encoding`` header, in the order they are undone (the
    last applied first); ``identity`` is dropped. An unknown coding is a :class:`CodingError`
    (its bytes would reach a reader as garbage)."""
    names = [name.strip().lower() for name in header.split(",")]
    names = [name for name in names if name and name != "identity"]
    for name in names:
        if name not in _KNOWN:
            raise CodingError(f"unsupported content encoding {name[:40]!r}")
    return names[::-1]


def decoded(raw: Iterable[bytes], names: list[str], limit: int = MAX_INFLATED_BYTES,
            ) -> Iterator[bytes]:
    """The bytes of ``raw`` with the codings ``names`` (from :func:`codings`) undone, in pieces
    of at most :data:`PIECE` bytes."""
    stream: Iterable[bytes] = raw
    for name in names:
        stream = _inflate(stream, name, limit)
    yield from stream


def _inflate(chunks: Iterable[bytes], name: str, limit: int) -> Iterator[bytes]:
    chunks, head = iter(chunks), b""
    if name == "deflate":
        for chunk in chunks:  # the first two bytes tell zlib-wrapped from raw deflate
            head += chunk
            if len(head) >= 2:
                break
    inflater, total = zlib.decompressobj(_wbits(name, head)), 0
    try:
        for chunk in chain([head], chunks):
            if inflater.eof:
                break  # bytes after the end of the stream are ignored, as httpx does
            while True:
                piece = inflater.decompress(chunk, PIECE)
                chunk = inflater.unconsumed_tail
                total += len(piece)
                if total > limit:
                    raise CodingError(INFLATED_TOO_LARGE)
                if piece:
                    yield piece
                if not chunk and len(piece) < PIECE:
                    break  # input used up and no output pending
        piece = inflater.flush()  # nothing is pending after the loop: at most a few bytes
        if total + len(piece) > limit:
            raise CodingError(INFLATED_TOO_LARGE)
        if piece:
            yield piece
    except zlib.error as exc:
        raise CodingError(f"damaged {name} content ({exc})") from None


def _wbits(name: str, head: bytes) -> int:
    if name != "deflate":
        return 16 + zlib.MAX_WBITS  # gzip
    # RFC 9110 says zlib-wrapped; some servers send raw deflate (httpx accepts both too)
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
