"""Bytes → text: UTF-8 first, then byte-order marks, a declared charset, and charset-normalizer
for the legacy encodings news files still come in (cp1252 from Windows tools, Latin-1, KOI8,
Shift-JIS, ...). Anything not UTF-8 is reported in a note naming the encoding used; only bytes
that are not text in any plausible encoding are refused.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from graph.core.errors import RelgraphError

__all__ = ["NotText", "decode"]

#: Encodings a news text plausibly comes in; charset-normalizer only weighs these (left alone it
#: reads short Western text as Urdu cp1006 or similar).
PLAUSIBLE = [
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "cp1256", "cp1257",
    "cp1258", "mac_roman", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5",
    "euc_kr", "cp949", "tis_620", "utf_16", "utf_32",
]
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
_SAMPLE = 8192


class NotText(RelgraphError, ValueError):
    """The bytes are not text in any plausible encoding (the message says why)."""


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, note)``: the decoded text and, when it was not UTF-8, a note naming the
    encoding used. ``declared`` is a charset the source names (HTTP header, HTML meta); it is
    used without a note when the bytes are valid in it. Raises :class:`NotText`."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(bom_codec)
            except UnicodeDecodeError as exc:
                raise NotText(f"not valid {bom_codec.upper()} text despite its byte-order mark "
                              f"(bad bytes at offset {exc.start})") from None
            return text, "" if bom_codec == "utf-8-sig" else f"decoded as {bom_codec.upper()} " \
                                                          "(byte-order mark)"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:  # text in 8-bit encodings never holds NULs; UTF-16/32 does
        wide = declared and declared.lower().replace("_", "-").startswith(("utf-16", "utf-32"))
        codec = declared if wide else _utf16_without_bom(sample)
        if codec:
            try:
                return data.decode(codec), "" if wide else (f"decoded as {codec.upper()} "
                                                            "(no byte-order mark)")
            except (LookupError, UnicodeDecodeError):
                pass
        raise NotText("binary file, not text")
    if declared:
        try:
            return data.decode(declared), ""
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        bad = exc.start
    best = from_bytes(data, cp_isolation=PLAUSIBLE).best()
    if best is None:
        raise NotText(f"not text in UTF-8 or any common encoding (bad byte 0x{data[bad]:02x} "
                      f"at offset {bad})")
    text, name = str(best), best.encoding
    # Western text is the same in several single-byte code pages; name the usual one.
    if name != "cp1252" and _same_as(data, "cp1252", text):
        name = "cp1252"
    return text, f"not UTF-8; decoded as {name}"


def _same_as(data: bytes, codec: str, text: str) -> bool:
    try:
        return data.decode(codec) == text
    except UnicodeDecodeError:
        return False


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Latin-script text has a NUL in every other byte."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd >= 0.6 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd == 0:
        return "utf-16-be"
    return None
