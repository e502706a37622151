"""Bounds on what a reader may inflate: one place for the limit and its message.

Compressed input (HTTP ``Content-Encoding``, zip packages such as ``.docx``, gzip, PDF
streams, e-mail attachments) can expand a thousandfold; every reader counts what it
*inflates*, not only what it received, and stops at :data:`MAX_INFLATED_BYTES` with
:data:`INFLATED_TOO_LARGE` as the one-line reason.
"""

from __future__ import annotations

__all__ = ["INFLATED_TOO_LARGE", "MAX_INFLATED_BYTES"]

MAX_INFLATED_BYTES = 50 * 1024 * 1024
INFLATED_TOO_LARGE = "compressed content expands past 50 MB"
