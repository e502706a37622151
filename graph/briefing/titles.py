"""A title for an article stored without one, as a pack's sources page lists it: its
opening line (a headline, in most plain-text files) or, when that runs long, its first
sentence shortened at a word, quoted and marked as taken from the text, so a reader never
sees a file id where a title belongs and never takes the words for the outlet's headline."""

from __future__ import annotations

import re

__all__ = ["LIMIT", "opening_title"]

LIMIT = 90  # characters of the article's opening words a title keeps
MARK = "(untitled: opening words)"


def opening_title(text: str | None, fallback: str, limit: int = LIMIT) -> str:
    """``text``'s opening line or first sentence, cut to about ``limit`` characters at a
    word with "…", quoted and marked; ``fallback`` (the article id) when it has no text.

    >>> opening_title("Ministers Meet in Dakar\\nThe talks began...", "a1")
    '“Ministers Meet in Dakar” (untitled: opening words)'
    >>> opening_title("", "a1")
    'a1'
    """
    line = next((ln for ln in (text or "").splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if not line:
        return fallback
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'‘(])", line, maxsplit=1)[0]
    if len(sentence) > limit:
        cut = sentence[: limit + 1]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut[:limit]
        sentence = cut.rstrip(",;:–- ") + " …"
    return f"“{sentence}” {MARK}"
