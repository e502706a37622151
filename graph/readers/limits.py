"""Bounds on what a reader may inflate: one place for the limit and its message.

Compressed input (HTTP ``Content-Encoding``, zip packages such as ``.docx``, gzip, PDF
streams, e-mail attachments) can expand a thousandfold; every reader counts what it
*inflates*, not only what it received, and stops at :data:`MAX_INFLATED_BYTES` with
:data:`INFLATED_TOO_LARGE` as the one-line reason.

For zip packages :func:`check_zip` runs before any parser sees the bytes: it refuses archives
with too many members, members whose declared size or compression ratio is absurd, and then
inflates every member in chunks, counting, without keeping what it inflates (declared sizes
can lie).

A source inside another (an e-mail's attachments) shares its enclosing source's budget: the
attachments of one message together inflate at most 50 MB, however many there are.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from contextvars import ContextVar

from graph.core.errors import TooLarge

__all__ = ["INFLATED_TOO_LARGE", "MAX_COMPRESSION_RATIO", "MAX_INFLATED_BYTES",
           "MAX_ZIP_MEMBERS", "Budget", "TooLarge", "check_zip"]

MAX_INFLATED_BYTES = 50 * 1024 * 1024
INFLATED_TOO_LARGE = "compressed content expands past 50 MB"
#: Members in one zip package. A Word document has a few dozen (a few hundred with many
#: images); each member costs memory to list even before it is read.
MAX_ZIP_MEMBERS = 10_000
#: Inflated / compressed size of one member past which it is refused as a bomb. Deflate
#: reaches ~1030:1 on a run of one byte; real documents stay far below (a docx body of
#: 100,000 identical paragraphs compresses 340:1).
MAX_COMPRESSION_RATIO = 500
_RATIO_FLOOR = 1024 * 1024  # small members may compress any amount: they cannot hurt
_CHUNK = 1024 * 1024



class Budget:
    """The bytes one source may inflate: :meth:`take` counts and raises :class:`TooLarge`
    (with :data:`INFLATED_TOO_LARGE`) once the total passes ``limit``. Made inside another
    source's :meth:`enclosing` block, it gets at most what that budget has left and counts
    against it too."""

    def __init__(self, limit: int = MAX_INFLATED_BYTES) -> None:
        self.parent = _ENCLOSING.get()
        self.limit = limit if self.parent is None else min(limit, self.parent.left)
        self.used = 0
        #: The one line to show when the budget runs out; a source that got less than its
        #: own limit says it was the enclosing source's total that ran out.
        self.message = INFLATED_TOO_LARGE if self.limit == limit else \
            f"{INFLATED_TOO_LARGE} (the message's attachments together)"

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)

    def take(self, n: int) -> None:
        self.used += n
        if self.parent is not None:
            self.parent.take(n)
        if self.used > self.limit:
            raise TooLarge(self.message)

    @contextlib.contextmanager
    def enclosing(self) -> Iterator[Budget]:
        """Budgets made in this block (by the readers of an e-mail's attachments) draw on
        this one. The block must not span a generator's ``yield``: read the inner source
        to the end inside it."""
        token = _ENCLOSING.set(self)
        try:
            yield self
        finally:
            _ENCLOSING.reset(token)


_ENCLOSING: ContextVar[Budget | None] = ContextVar("relgraph_inflation_budget", default=None)


def check_zip(data: bytes, *, limit: int = MAX_INFLATED_BYTES) -> int:
    """Check that the zip archive ``data`` is safe to hand to a parser that reads all of it;
    return the bytes its members inflate to. Raises :class:`TooLarge` (too many members, a
    declared or counted total past ``limit`` or the enclosing budget, an absurd compression
    ratio) or :class:`zipfile.BadZipFile` (not a zip, a member that fails its CRC)."""
    budget = Budget(limit)
    # Each central-directory entry starts with this signature; counting them bounds the
    # entries before zipfile builds an object for each one.
    if data.count(b"PK\x01\x02") > MAX_ZIP_MEMBERS:
        raise TooLarge(f"zip package has more than {MAX_ZIP_MEMBERS:,} files")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise TooLarge(f"zip package has more than {MAX_ZIP_MEMBERS:,} files")
        if sum(m.file_size for m in members) > budget.limit:
            raise TooLarge(budget.message)
        for member in members:
            _check_ratio(member.filename, member.file_size, member.compress_size)
        for member in members:
            if member.is_dir():
                continue
            counted = 0
            with archive.open(member) as inflating:
                while chunk := inflating.read(_CHUNK):
                    counted += len(chunk)
                    budget.take(len(chunk))
                    _check_ratio(member.filename, counted, member.compress_size)
    return budget.used


def _check_ratio(name: str, inflated: int, compressed: int) -> None:
    if inflated > _RATIO_FLOOR and inflated > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise TooLarge(f"{name} in the zip package expands {inflated // max(compressed, 1):,}"
                       "-fold; refused as a likely decompression bomb")
