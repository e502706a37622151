"""Decompression bombs in files (issue 20, 2b): Word packages (and any zip), PDF streams and
e-mail attachments are refused with one line once what they *inflate* passes 50 MB, while the
reading process stays small. The hostile files are generated here (real zip and PDF bytes
written to the formats' specs; nothing binary is committed), and each is read in a fresh
process whose peak RSS is measured before and after."""

from __future__ import annotations

import json
import random
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from documents import make_docx, make_email, make_pdf, split

from graph.readers.articles import read_bytes, read_paths
from graph.readers.limits import INFLATED_TOO_LARGE, MAX_ZIP_MEMBERS
from graph.readers.mail import MAX_ATTACHMENTS

MIB = 1024 * 1024
STORY = [("Normal", "Envoys of Norway and Chile met in Oslo on Monday to discuss fishing "
                    "quotas, and agreed to share data on fish stocks.")]


# ---- hostile files -----------------------------------------------------------------------

def deflate_repeated(head: bytes, chunk: bytes, times: int, tail: bytes = b"",
                     ) -> tuple[bytes, int, int, int]:
    """Raw deflate data of ``head + chunk * times + tail`` without ever holding the inflated
    bytes: ``chunk`` is compressed once after a full flush (which resets the window), so its
    compressed block can be repeated. Returns ``(data, crc32, adler32, inflated size)``."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = z.compress(head) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    last = z.compress(tail) + z.flush()
    crc, adler = zlib.crc32(head), zlib.adler32(head)
    for _ in range(times):
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    crc, adler = zlib.crc32(tail, crc), zlib.adler32(tail, adler)
    return first + block * times + last, crc, adler, len(head) + len(chunk) * times + len(tail)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    raw, crc, _, size = deflate_repeated(data, b"", 0)
    return raw, crc, size


def make_zip(members: list[tuple[str, tuple[bytes, int, int]]],
             declared: dict[str, int] | None = None) -> bytes:
    """A zip archive of already deflated members ``(name, (data, crc, size))``, written to
    the APPNOTE layout (local headers, central directory, end record). ``declared`` states
    other uncompressed sizes than the true ones (a zip that lies)."""
    local, central = b"", b""
    for name, (data, crc, size) in members:
        size = (declared or {}).get(name, size)
        raw = name.encode()
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc,
                               len(data), size, len(raw), 0, 0, 0, 0, 0, len(local)) + raw
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data),
                             size, len(raw), 0) + raw + data
    return local + central + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members),
                                         len(members), len(central), len(local), 0)


def docx_members(paragraphs=STORY) -> dict[str, bytes]:  # noqa: ANN001
    """The parts of a real Word document made by python-docx."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(make_docx(paragraphs))) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def bomb_docx(inflated: int, *, declared: int | None = None, extra: int = 0) -> bytes:
    """A Word document whose ``word/document.xml`` holds one paragraph of ``inflated`` bytes
    of text (about 1 MB compressed per GiB). ``declared`` is the size its zip entry states;
    ``extra`` adds that many small members."""
    parts = docx_members()
    head, body = parts["word/document.xml"].split(b"<w:body>")
    members = [(name, deflated(data)) for name, data in parts.items()
               if name != "word/document.xml"]
    raw, crc, _, size = deflate_repeated(head + b"<w:body><w:p><w:r><w:t>", b"x" * MIB,
                                         inflated // MIB, b"</w:t></w:r></w:p>" + body)
    members.append(("word/document.xml", (raw, crc, size)))
    members += [(f"customXml/item{i}.xml", deflated(b"<a/>")) for i in range(extra)]
    return make_zip(members, None if declared is None else {"word/document.xml": declared})


def fat_docx(inflated: int) -> bytes:
    """A readable Word document carrying a member no part refers to (python-docx never
    reads it) of ``inflated`` bytes that compress only ~85:1, as real data might."""
    noise = random.Random(7).randbytes(2048) * 512  # 1 MiB; deflate finds the repeats
    members = [(name, deflated(data)) for name, data in docx_members().items()]
    raw, crc, _, size = deflate_repeated(b"", noise, inflated // MIB)
    return make_zip([*members, ("customXml/blob.bin", (raw, crc, size))])


def bomb_pdf(inflated: int, pages: int = 1) -> bytes:
    """A PDF of ``pages`` pages, each with one FlateDecode content stream inflating to
    ``inflated`` bytes of text-showing operators (the same compressed bytes each time)."""
    line = b"(" + b"y" * 96 + b") Tj T*\n"
    chunk = line * (MIB // len(line))
    raw, _, adler, _ = deflate_repeated(b"BT /F1 11 Tf 14 TL 72 770 Td\n", chunk,
                                        inflated // len(chunk), b"ET\n")
    return pages_pdf([flate_stream(raw, adler)] * pages)


def flate_stream(raw: bytes, adler: int) -> bytes:
    """A PDF stream object of raw deflate data in the zlib format PDF asks for."""
    return pdf_stream(b"\x78\xda" + raw + struct.pack(">L", adler), b" /Filter /FlateDecode")


def pdf_stream(content: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(content), entries) + content + b"\nendstream"


def pages_pdf(streams: list[bytes], *, shared: int = 0) -> bytes:
    """A PDF (written to the PDF 1.4 layout), one page per content stream object, text in
    Helvetica; or, with ``shared``, that many pages all drawing the first stream."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids, contents = [], 0
    for i in range(shared or len(streams)):
        if i == 0 or not shared:
            objects.append(streams[i])
            contents = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % contents)
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


# ---- reading in a fresh process, measuring its peak memory -------------------------------

_PROBE = """
import json, resource, sys
from pathlib import Path
import docx, pypdf, lxml.etree  # noqa: F401  (imports are not what is measured)
from graph.readers.articles import read_bytes
from graph.core.model import Article
name, path = sys.argv[1], sys.argv[2]
data = Path(path).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
items = list(read_bytes(name, data))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"growth_mb": (after - before) / 1024,
                  "articles": [a.id for a in items if isinstance(a, Article)],
                  "lines": [str(i) for i in items if not isinstance(i, Article)]}))
"""


def read_in_child(tmp_path: Path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", _PROBE, name, str(path)], capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return json.loads(done.stdout)


# ---- Word packages (and any zip) ---------------------------------------------------------

@pytest.mark.parametrize("name", ["bomb.docx", "forwarded.eml"])
@pytest.mark.slow
def test_a_docx_inflating_to_a_gibibyte_is_one_line_in_little_memory(tmp_path, name):
    """A 1 MB .docx whose document.xml inflates to 1 GiB, as a file and as an e-mail
    attachment: refused with one line before python-docx reads it, peak RSS growth far
    under 100 MB (it was 2 GB)."""
    bomb = bomb_docx(1024 * MIB)
    assert len(bomb) < 1.5 * MIB
    data = bomb if name.endswith(".docx") else make_email(
        subject="Report", sender="desk@example.org", date="3 Jun 2024 10:00 +0000",
        body="The envoys of Norway and Chile met in Oslo on Monday.",
        attachments=[("report.docx", bomb, "application/octet-stream")])
    started = time.monotonic()
    result = read_in_child(tmp_path, name, data)
    where = name if name.endswith(".docx") else f"{name}/report.docx"
    assert result["lines"] == [f"{where}: {INFLATED_TOO_LARGE}"]
    assert result["articles"] == ([] if name.endswith(".docx") else ["forwarded"])
    assert result["growth_mb"] < 100, result
    assert time.monotonic() - started < 60


@pytest.mark.slow
def test_a_zip_that_understates_its_sizes_is_refused_while_inflating_in_small_steps(
        tmp_path):
    """Declared sizes can lie: a member that says 48 MB but inflates to 1 GiB is stopped at
    the declared size (its CRC then fails) while being read 1 MB at a time, before python-docx
    would hold the 48 MB."""
    result = read_in_child(tmp_path, "liar.docx", bomb_docx(1024 * MIB, declared=48 * MIB))
    [line] = result["lines"]
    assert line.startswith("liar.docx: not a readable Word (.docx) document (Bad CRC-32"), line
    assert result["growth_mb"] < 25, result


def test_an_absurd_compression_ratio_is_refused_under_the_size_limit():
    """12 MB of one repeated byte compresses ~1000:1; no real document does that."""
    [line] = [str(i) for i in read_bytes("dense.docx", bomb_docx(12 * MIB))]
    assert line.startswith("dense.docx: word/document.xml in the zip package expands "), line
    assert line.endswith("-fold; refused as a likely decompression bomb")


def test_a_zip_with_too_many_members_is_refused():
    items = [str(i) for i in read_bytes("many.docx", bomb_docx(0, extra=MAX_ZIP_MEMBERS))]
    assert items == [f"many.docx: zip package has more than {MAX_ZIP_MEMBERS:,} files"]


def test_a_package_with_encrypted_members_is_one_line():
    """zipfile cannot read encrypted members; that is said plainly, not by the catch-all."""
    package = bytearray(make_docx(STORY))
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = 0
        while (at := package.find(signature, at)) != -1:
            package[at + flags] |= 1  # general purpose flag bit 0: encrypted
            at += 4
    assert [str(i) for i in read_bytes("locked.docx", bytes(package))] == [
        "locked.docx: not a readable Word (.docx) document (encrypted zip members)"]


@pytest.mark.slow
def test_long_repetitive_documents_are_still_read():
    """The bounds refuse bombs, not long documents: a 1.6 MB body of 4,000 identical
    paragraphs (compressing ~300:1, past the 1 MB floor of the ratio check), and a document
    carrying 30 MB of data it never shows."""
    line = b"The envoys met again in Oslo to discuss the fishing quotas. " * 6
    parts = docx_members()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + (b"<w:p><w:r><w:t>" + line + b"</w:t></w:r></w:p>") * 4000)
    assert len(parts["word/document.xml"]) > 1.5 * MIB
    [article] = read_bytes("long.docx", make_zip([(n, deflated(d)) for n, d in parts.items()]))
    assert article.text.count("met again in Oslo") == 6 * 4000
    [article] = read_bytes("fat.docx", fat_docx(30 * MIB))
    assert "Norway and Chile" in article.text


def test_billion_laughs_in_a_docx_is_not_expanded():
    """A document.xml defining a billion-laughs entity is not expanded (python-docx parses
    with entities unresolved, libxml2 limits amplification) and is refused as a Word
    document, not by the catch-all."""
    parts = docx_members()
    lol = ("<!DOCTYPE w:document [<!ENTITY lol0 'lol'>"
           + "".join(f"<!ENTITY lol{i} '{f'&lol{i - 1};' * 10}'>" for i in range(1, 10))
           + "]>").encode()
    head, body = parts["word/document.xml"].split(b"?>", 1)
    parts["word/document.xml"] = (head + b"?>" + lol + body.replace(
        b"<w:body>", b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"))
    started = time.monotonic()
    items = list(read_bytes("laughs.docx", make_zip(
        [(name, deflated(data)) for name, data in parts.items()])))
    assert time.monotonic() - started < 10
    articles, errors, _, _ = split(items)
    assert len(articles) + len(errors) == 1
    assert all(e.startswith("laughs.docx: not a readable Word (.docx) document (")
               for e in errors), errors  # libxml2 stops the amplification
    assert all("lollol" not in a.text for a in articles)


# ---- PDF ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_pdf_stream_inflating_to_a_gibibyte_is_one_line_in_little_memory(tmp_path):
    result = read_in_child(tmp_path, "bomb.pdf", bomb_pdf(1024 * MIB))
    assert result["lines"] == [f"bomb.pdf: {INFLATED_TOO_LARGE}"]
    assert result["growth_mb"] < 100, result


def test_many_pdf_streams_each_under_the_stream_limit_share_one_budget(tmp_path):
    """Six pages of 10 MB each: no one stream is large, the document is; it is refused
    before any slow text extraction starts."""
    started = time.monotonic()
    result = read_in_child(tmp_path, "pages.pdf", bomb_pdf(10 * MIB, pages=6))
    assert result["lines"] == [f"pages.pdf: {INFLATED_TOO_LARGE}"]
    assert result["growth_mb"] < 100, result
    assert time.monotonic() - started < 60


@pytest.mark.slow
def test_pdf_text_counts_against_the_budget_when_one_stream_is_shown_many_times():
    """51 pages that share one 1 MB content stream: decoded once, but 51 MB of text."""
    content = pdf_stream(b"BT /F1 11 Tf 72 770 Td (" + b"z" * MIB + b") Tj ET")
    assert [str(i) for i in read_bytes("repeat.pdf", pages_pdf([content], shared=51))] == [
        f"repeat.pdf: {INFLATED_TOO_LARGE}"]


@pytest.mark.slow
def test_a_pdf_page_of_millions_of_tokens_is_skipped_in_little_memory(tmp_path):
    """1.6 million path tokens inflate from a few KB to 3 MB, under every size limit, but
    parsing them took 170 MB: the page is skipped with a warning, the other page is read."""
    raw, _, adler, _ = deflate_repeated(b"", b"0 0 m\n" * (MIB // 6), 3)
    text = pdf_stream(b"BT /F1 11 Tf 72 770 Td (Envoys of Norway and Chile met in Oslo.) Tj ET")
    result = read_in_child(tmp_path, "art.pdf", pages_pdf([text, flate_stream(raw, adler)]))
    assert result["articles"] == ["art"]
    assert result["lines"] == ["art.pdf: page 2 not read (past pypdf's limits: Reached maximum "
                               "number of tokens per stream.)"]
    assert result["growth_mb"] < 100, result


def test_ordinary_pdfs_are_unaffected(tmp_path):
    (tmp_path / "short.pdf").write_bytes(make_pdf([["Envoys of Norway and Chile met in Oslo "
                                                    "on Monday to discuss fishing quotas."]]))
    [article] = read_paths([tmp_path / "short.pdf"])
    assert "fishing quotas" in article.text


# ---- e-mail ------------------------------------------------------------------------------

def _mail(attachments) -> bytes:  # noqa: ANN001
    return make_email(subject="Papers", sender="desk@example.org", date="3 Jun 2024 10:00 +0000",
                      body="The envoys of Norway and Chile met in Oslo on Monday.",
                      attachments=attachments)


def test_the_attachments_of_one_message_share_one_budget():
    """Two documents of 30 MB each are fine alone; in one message the second is refused,
    and an attachment that needs no inflating is still read after it."""
    fat = fat_docx(30 * MIB)
    story = make_pdf([["Envoys of Norway and Chile met in Oslo on Monday."]])
    octet = "application/octet-stream"
    articles, errors, _, _ = split(read_bytes("mail.eml", _mail(
        [("one.docx", fat, octet), ("two.docx", fat, octet), ("story.pdf", story, octet)])))
    assert errors == [f"mail.eml/two.docx: {INFLATED_TOO_LARGE} (the message's attachments "
                      "together)"]
    assert sorted(a.id for a in articles) == ["mail", "mail-one", "mail-story"]


@pytest.mark.slow
def test_a_message_with_thousands_of_attachments_reads_a_bounded_number():
    notes = [(f"note-{n}.txt", f"Note {n}: the envoys met in Oslo.".encode(), "text/plain")
             for n in range(3000)]
    articles, errors, _, skipped = split(read_bytes("many.eml", _mail(notes)))
    assert len(articles) == 1 + MAX_ATTACHMENTS and not errors
    assert skipped == [f"many.eml ({3000 - MAX_ATTACHMENTS:,} more attachments not read (at "
                       f"most {MAX_ATTACHMENTS} a message))"]
