"""Turn raw article text into clean prose: unwrap hard-wrapped lines, drop bylines, datelines,
credits (:mod:`graph.readers.credits`), "related" links, embed residue and aggregator footers, so
none
of them produce actors.

Rules are about the shape of news boilerplate in general, not about particular articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from graph.readers.credits import author_note, byline, strip_credits

__all__ = ["Cleaned", "clean_text", "normalise", "one_line"]


# A dateline: "SEOUL, South Korea (AP) — ", "ISTANBUL (Example Wire) - " or "WASHINGTON,
# Sept. 13, 2023 (AP) — " at the start of a paragraph (the city in capitals, a place or date,
# then any source in brackets and a dash).
# TASS and Interfax write "MOSCOW, December 7. /TASS/. " and "MOSCOW. Dec 7 (Interfax) - ".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,40}(?:[,.]\s*[A-Z][\w .'’-]{1,40})?(?:,\s*\d{4})?\s*"
    r"(?:\((?:dpa|[A-Z][\w .&'’-]{0,40})\)\s*[—–-]+|/[A-Z][A-Za-z-]{1,20}/\.?)\s*"
)
# Whole lines (paragraphs) that are credits, navigation or footers.
_DROP_LINE = re.compile(
    r"^\s*(?:related (?:articles?|stories|coverage|content)\b.*|read (?:more|also)\b.*|"
    r"see also\b.*|back to top.*|advertisement|share (?:this|on)\b.*|"
    r"(?:image|photo|picture|video|file photo|credit|photograph|source)s?\s*:.*|"
    r"(?:additional )?reporting by\b.*|(?:writing|editing) by\b.*|"
    r"(?:follow|subscribe|sign up)\b.{0,80}|copyright\b.*|©.*|all rights reserved.*|"
    r"[—–-]\s*.{1,80}\(@\w+\)\s+\w+ \d{1,2}, \d{4}|_{3,}|\*{3,}|-{3,})\s*$",
    re.I,
)
# Paragraphs containing any of these are aggregator or publisher footers.
FOOTER_PHRASES = (
    "automatic aggregator", "all trademarks belong", "if you are the owner of the content",
    "will be deleted within", "all materials to their authors", "hyperlink to the primary source",
    "this material may not be published", "all rights reserved", "cookie policy",
    "terms of service", "privacy policy", "newsletter",
    "intended recipient", "unsubscribe",  # e-mail disclaimers and list footers
)
# "Associated Press writers X in Y and Z contributed (to this report)."
_CONTRIB = re.compile(r"(?:^|(?<=[.!?”\"]\s))[^.!?]*\bcontributed(?: to this (?:report|story))?\.",
                      re.M)
_URL = re.compile(r"\b(?:https?://|www\.|pic\.twitter\.com/)\S+")
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u27bf\u2900-\u297f\u2b00-\u2bff"
                    "\U0001F000-\U0001FAFF\ufe0f]")
_TERMINAL = tuple(".!?\"'”’:;)]…")


# Characters no article needs and some writers choke on (a control character in an article once
# crashed the GraphML writer): C0 controls but tab/newline/carriage return, DEL, C1 controls,
# lone surrogates (a JSON "\ud800" decodes to one) and the non-characters U+FFFE/U+FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_SPACE = re.compile(r"[^\S ]")  # whitespace other than a space


def normalise(text: str) -> tuple[str, int]:
    """Text safe for every later stage: unsafe characters removed (form feeds and vertical tabs
    become spaces, so the words either side stay apart), then Unicode NFC. Returns the text and
    how many lone surrogates (a sign of broken input, worth a warning) were removed."""
    surrogates = len(_SURROGATE.findall(text))
    text = text.replace("\x0c", " ").replace("\x0b", " ")
    return unicodedata.normalize("NFC", _UNSAFE.sub("", text)), surrogates


def one_line(text: str) -> str:
    """A metadata value or message as one clean line (normalised, whitespace collapsed)."""
    return " ".join(normalise(text)[0].split())


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: str = ""
    author: str = ""


def clean_text(raw: str, title: str = "") -> Cleaned:
    """Clean raw article text; returns the text with paragraphs separated by blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _URL.sub("", _EMOJI.sub("", text))
    paragraphs = _paragraphs(text)
    author = ""
    kept: list[str] = []
    for para in paragraphs:
        para = _one_spaced(para)
        names = byline(para)
        if names and (not kept[2:] or len(names.split()) > 1):
            # a byline under the headline names the author; one further down is dropped too
            author = author or (_name_case(names) if not kept[2:] else "")
            continue
        low = para.lower()
        if _DROP_LINE.match(para) or any(p in low for p in FOOTER_PHRASES):
            continue
        para = strip_credits(_DATELINE.sub("", para), low)
        if "contributed" in low:  # the pattern scans every position: only where it can match
            para = _CONTRIB.sub("", para)
        if "___" in para:
            para = re.sub(r"\s*_{3,}\s*", " ", para)
        para = para.strip()
        if para:
            kept.append(para)
    while len(kept) > 1 and author_note(kept[-1]):
        kept.pop()  # "NAME is a correspondent for AGENCY." at the foot
    found_title = ""
    if kept and title and _key(title).startswith(_key(kept[0])):
        # The headline repeated at the top, possibly broken over several lines.
        n, joined = 0, ""
        while n < len(kept) and _key(title).startswith(_key(f"{joined} {kept[n]}")):
            joined, n = f"{joined} {kept[n]}", n + 1
        if _same(joined, title):
            found_title, kept = title, kept[n:]
    elif kept and not title and len(kept) > 1 and _looks_like_title(kept[0]):
        found_title = kept.pop(0)
    key = _key(title or found_title)
    if key:
        # A repeated headline (aggregators often append it) is not article text. Only a real
        # repeat goes: a paragraph starting with the title's words is often article text (a
        # biography titled with a name, a travel guide titled with a city).
        keyed = [(p, _key(p)) for p in kept]
        kept = [_strip_trailing_title(p, title or found_title, key, pkey)
                for i, (p, pkey) in enumerate(keyed)
                if not (i > 0 and _repeats(p, pkey, title or found_title, key))]
    return Cleaned(text="\n\n".join(p for p in kept if p), title=found_title, author=author)


def _paragraphs(text: str) -> Iterator[str]:
    """Split into paragraphs; join hard-wrapped lines (fixed-width text) back into paragraphs.
    Yields them one by one and keeps no list of the lines: the caller holds the text and the
    paragraphs it kept, not two more copies (a 30 MB text is read in 30 MB steps, not 150)."""
    widths, open_ended = [], 0  # of the non-blank lines, for _hard_wrapped
    for line in _lines(text):
        s = line.strip()
        if s:
            widths.append(len(s))
            open_ended += not s.endswith(_TERMINAL)
    current: list[str] = []  # the lines of the paragraph being read (joined once, at its end)
    if _hard_wrapped(widths, open_ended):
        short = 0.75 * _wrap_width(widths)  # once: sorting every line per line is quadratic
        for line in _lines(text):
            s = line.strip()
            if not s:
                if current:
                    yield " ".join(current)
                    current = []
                continue
            current.append(s)
            # A short line ends its paragraph (last line of a paragraph, or a headline).
            if len(s) < short:
                yield " ".join(current)
                current = []
        if current:
            yield " ".join(current)
        return
    # Not wrapped throughout (too few lines to tell, e.g. a short e-mail): still, a line that
    # ends mid-sentence and a next line starting in lower case are one sentence.
    blank = True
    for line in _lines(text):
        s = line.strip()
        if s and current and not blank and not current[-1].endswith(_TERMINAL) \
                and s[0].islower():
            current.append(s)
        elif s:
            if current:
                yield " ".join(current)
            current = [s]
        blank = not s
    if current:
        yield " ".join(current)


def _one_spaced(para: str) -> str:
    """``" ".join(para.split())``: runs of whitespace → one space, none at the ends. Most
    paragraphs need only the ends stripped: then without splitting, which makes an object of
    every word (a 5 MB paragraph took 50 MB)."""
    if "  " in para or _NOT_SPACE.search(para):
        return " ".join(para.split())
    return para.strip()


def _lines(text: str) -> Iterator[str]:
    """``text.split("\n")``, one line at a time."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _wrap_width(widths: list[int]) -> int:
    return sorted(widths)[int(0.9 * (len(widths) - 1))]


def _hard_wrapped(widths: list[int], open_ended: int) -> bool:
    """Fixed-width text: at least six lines (``widths``: their lengths), nine in ten at most
    110 characters, half of them (``open_ended``) not ending a sentence."""
    if len(widths) < 6:
        return False
    return _wrap_width(widths) <= 110 and open_ended >= 0.5 * len(widths)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _same(a: str, b: str) -> bool:
    return bool(_key(a)) and _key(a) == _key(b)


def _looks_like_title(para: str) -> bool:
    words = para.split()
    return 3 <= len(words) <= 25 and not para.endswith((".", "?\"", ".”", ".\""))


# What may follow a repeated headline on its line: a separator and a short site name
# ("Leaders meet in Oslo - Example News", "… | Example News Network").
_SITE_SUFFIX = re.compile(r"\s*[-–—|·•]\s*[^.!?]{1,60}")
# What may stand before a headline appended to a paragraph: the end of a sentence or a separator.
_BEFORE_TITLE = tuple(".!?\"'”’)]-–—|:")


def _repeats(para: str, pkey: str, title: str, tkey: str) -> bool:
    """Whether ``para`` (key ``pkey``) is the headline ``title`` (key ``tkey``) again: the same
    words, or the headline and a separated site name."""
    if pkey == tkey:
        return True
    if not pkey.startswith(tkey + " "):
        return False
    n = len(title.split())
    words = para.split()
    return _key(" ".join(words[:n])) == tkey and bool(_SITE_SUFFIX.fullmatch(
        para[len(" ".join(words[:n])):]))


def _strip_trailing_title(para: str, title: str, tkey: str, pkey: str) -> str:
    """``para`` without the headline (key ``tkey``) repeated at its end (``pkey``: its key),
    appended after a sentence end or a separator (a sentence ending in a title word keeps it)."""
    if tkey and pkey.endswith(tkey) and pkey != tkey:
        idx = para.lower().rfind(title.split()[0].lower())
        while idx > 0 and not _key(para[idx:]).startswith(tkey):
            idx = para.lower().rfind(title.split()[0].lower(), 0, idx)
        if idx > 0 and para[:idx].rstrip().endswith(_BEFORE_TITLE):
            return para[:idx].rstrip()
    return para


def _name_case(name: str) -> str:
    if name.isupper():
        return " ".join(w.capitalize() for w in name.split())
    return " ".join(name.split())
