"""E-mail: single messages (``.eml``) and mailboxes (``.mbox``, one article per message),
read with the standard library.

Subject → title (without ``Fwd:``/``Re:``), sender → source, ``Date`` header → date, body →
text (the plain part, else the HTML part through the HTML extractor). Quote markers,
forwarding header blocks, reply attributions and signatures are removed so the people in
them do not become actors. Attachments of readable types (PDF, Word, text, HTML, ... and
forwarded messages) are read as articles of their own.

A message is bounded however it is built: at most :data:`MAX_ATTACHMENTS` attachments are
read (forwarded messages inside it included), and together they inflate at most 50 MB (one
:class:`~graph.readers.limits.Budget` per message, shared by its attachments' readers).
"""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import parseaddr
from pathlib import PurePath

from graph.readers.base import InputError, Item, ReadOptions, Skipped, Source, make_article
from graph.readers.decode import NotText, decode
from graph.readers.dispatch import kind_of, read_source
from graph.readers.html import extract_html, fragment_text
from graph.readers.limits import Budget

__all__ = ["read_eml", "read_mbox", "split_mbox", "strip_mail_boilerplate"]

_MAX_DEPTH = 5  # messages forwarded as attachments of attachments ...
#: Attachments read from one message, those of the messages forwarded in it included.
MAX_ATTACHMENTS = 100
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|re|aw|wg|tr|sv|vs)\s*:\s*|\[fwd?:?\s*)+", re.I)
_FORWARD_MARK = re.compile(r"^\s*(?:-{2,}\s*(?:forwarded message|original message|"
                           r"weitergeleitete nachricht|message transf[ée]r[ée])\s*-{2,}|"
                           r"begin forwarded message:?)\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*\**(?:from|sent|date|to|cc|bcc|subject|reply-to|von|an|"
                          r"betreff|gesendet|datum|de|à|objet|envoyé)\**\s*:", re.I)
_ATTRIBUTION = re.compile(r"^\s*on .{5,160} wrote:\s*$", re.I)
_SENT_FROM = re.compile(r"^\s*sent from my [\w .-]{2,40}$", re.I)
_SIGNATURE = re.compile(r"^-- ?$")
_QUOTE = re.compile(r"^(?:\s*>)+ ?")


def read_eml(src: Source, options: ReadOptions) -> Iterator[Item]:
    """One e-mail message."""
    yield from _message(email.message_from_bytes(src.data, policy=policy.default),
                        src.origin, src.stem, options, 0, _Tally())


def read_mbox(src: Source, options: ReadOptions) -> Iterator[Item]:
    """A mailbox: each message is read as an ``.eml`` would be, named by its first line."""
    messages = split_mbox(src.data)
    if not messages:
        yield InputError(src.origin, "not an mbox mailbox (no line starting 'From ')")
        return
    for n, (line, data) in enumerate(messages, start=1):
        msg = email.message_from_bytes(data, policy=policy.default)
        yield from _message(msg, f"{src.origin}:{line}", f"{src.stem}-{n}", options, 0,
                            _Tally())


def split_mbox(data: bytes) -> list[tuple[int, bytes]]:
    """``(line number of the 'From ' line, message bytes)`` for each message. Hand-written
    because :mod:`mailbox` needs a file on disk and uploads arrive as bytes; the format rule is
    the same (a line starting ``From `` starts a message; ``>From`` lines are unescaped)."""
    messages: list[tuple[int, bytes]] = []
    start = 0
    current: list[bytes] = []
    for n, line in enumerate(data.splitlines(keepends=True), start=1):
        if line.startswith(b"From "):
            if start:
                messages.append((start, b"".join(current)))
            start, current = n, []
        elif start:
            current.append(line[1:] if re.match(rb">+From ", line) else line)
        elif line.strip():
            return []  # text before the first message: not a mailbox
    if start:
        messages.append((start, b"".join(current)))
    return messages


class _Tally:
    """What one message (with the messages forwarded in it) has used: attachments read and
    the budget its attachments inflate against."""

    def __init__(self) -> None:
        self.attachments = 0
        self.budget = Budget()


def _message(msg: EmailMessage, origin: str, stem: str, options: ReadOptions,
             depth: int, tally: _Tally) -> Iterator[Item]:
    headers = {k: _header(msg, k) for k in ("subject", "from", "date", "message-id")}
    if not any(headers.values()):
        yield InputError(origin, "not an e-mail message (no From, Subject or Date header)")
        return
    text = strip_mail_boilerplate(_body_text(msg))
    attachments = list(_attachments(msg, origin, stem, options, depth, tally))
    if text.strip():
        name, address = parseaddr(headers["from"])
        fields = {"title": _SUBJECT_PREFIX.sub("", headers["subject"]),
                  "source": name or address, "date": headers["date"] or None, "text": text}
        yield from make_article(fields, origin, stem)
    elif not attachments:
        yield InputError(origin, "e-mail has no body text")
    yield from attachments


def _header(msg: EmailMessage, key: str) -> str:
    try:
        value = msg.get(key)
    except (ValueError, TypeError, IndexError):  # malformed header the parser cannot model
        value = msg.get_all(key, [""])[0] if hasattr(msg, "get_all") else ""
    return str(value or "").strip()


def _body_text(msg: EmailMessage) -> str:
    for kind in ("plain", "html"):  # an empty plain part may stand beside the real HTML one
        try:
            body = msg.get_body(preferencelist=(kind,))
        except (KeyError, ValueError, TypeError):
            body = None
        content = _content(body) if body is not None else ""
        if not content.strip():
            continue
        if kind == "html":
            data = extract_html(content)
            return data["text"] if data else fragment_text(content)
        return content
    return ""


def _content(part: MIMEPart) -> str:
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, KeyError, ValueError):  # unknown or wrong charset
        pass
    payload = part.get_payload(decode=True)  # bytes; None for a multipart part
    try:
        return decode(payload if isinstance(payload, bytes) else b"")[0]
    except NotText:
        return ""


def _attachments(msg: EmailMessage, origin: str, stem: str, options: ReadOptions,
                 depth: int, tally: _Tally) -> Iterator[Item]:

    try:
        parts = list(msg.iter_attachments())
    except (KeyError, ValueError, TypeError, AttributeError):
        return
    for i, part in enumerate(parts, start=1):
        if tally.attachments >= MAX_ATTACHMENTS:
            left = len(parts) - i + 1
            yield Skipped(origin, f"{left:,} more attachment{'s' * (left > 1)} not read (at "
                                  f"most {MAX_ATTACHMENTS} a message)")
            return
        tally.attachments += 1
        if part.get_content_type() == "message/rfc822" and depth < _MAX_DEPTH:
            inner = part.get_content()
            if isinstance(inner, EmailMessage):
                yield from _message(inner, f"{origin}/message-{i}", f"{stem}-message-{i}",
                                    options, depth + 1, tally)
            continue
        name = part.get_filename()
        if not name:
            continue  # unnamed inline parts (images in a signature, ...)
        name = PurePath(name.replace("\\", "/")).name
        kind = kind_of(name)
        if kind is None:
            yield Skipped(f"{origin}/{name}", "attachment of unsupported type")
            continue
        payload = part.get_payload(decode=True)  # bytes; None for a multipart part
        data = payload if isinstance(payload, bytes) else b""
        # Read to the end inside the block (it must not span a yield): the readers of
        # compressed attachments draw on the message's budget.
        with tally.budget.enclosing():
            items = list(read_source(kind, Source(data, f"{origin}/{name}",
                                                  f"{stem}-{PurePath(name).stem}"), options))
        yield from items


def strip_mail_boilerplate(text: str) -> str:
    """The message text without quote markers, forwarding header blocks, reply
    attributions, "Sent from my ..." lines and the signature."""
    lines = [_QUOTE.sub("", ln) for ln in text.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _SIGNATURE.match(line):
            break
        if _FORWARD_MARK.match(line):
            i += 1
            while i < len(lines) and (_HEADER_LINE.match(lines[i]) or not lines[i].strip()):
                i += 1
            continue
        run = 0
        while i + run < len(lines) and _HEADER_LINE.match(lines[i + run]):
            run += 1
        if run >= 2:  # a header block forwarded without a marker (Outlook)
            i += run
            continue
        if not (_ATTRIBUTION.match(line) or _SENT_FROM.match(line)):
            kept.append(line)
        i += 1
    return "\n".join(kept).strip()
