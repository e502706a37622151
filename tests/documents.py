"""Small real documents for reader tests, generated on the fly: PDF (written by hand, to the
PDF 1.4 spec: one Helvetica text line per ``Tj``), Word (python-docx), e-mail (stdlib)."""

from __future__ import annotations

import io
from email.message import EmailMessage


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF whose pages hold these lines of text (Latin-1), with an Info dictionary."""
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            ops += [f"{_pdf_string(line)} Tj", "T*"]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       f"<< /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
                       .encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream
                       + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    trailer_info = ""
    if info:
        entries = " ".join(f"/{k} {_pdf_string(v)}" for k, v in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        trailer_info = f" /Info {len(objects)} 0 R"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_info} >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_scanned_pdf() -> bytes:
    """A PDF holding only an image (a scan: no text layer), written by Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((20, 80), "The minister met the envoy.", fill="black")
    out = io.BytesIO()
    image.save(out, format="PDF")
    return out.getvalue()


def make_docx(paragraphs: list[tuple[str, str]], *, title: str = "", author: str = "",
              created=None, header: str = "") -> bytes:  # noqa: ANN001
    """A Word document: ``(style, text)`` paragraphs, core properties, a page header."""
    import docx

    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    props = document.core_properties
    props.title, props.author = title, author
    if created is not None:
        props.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_email(*, subject: str, sender: str, date: str, body: str, html: str | None = None,
               attachments: list[tuple[str, bytes, str]] = ()) -> bytes:
    """An RFC 5322 message: plain body (and an HTML alternative), attachments
    ``(filename, data, mime type)``."""
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = subject, sender, "desk@example.org"
    msg["Date"] = "Thu, 01 Jan 1970 00:00:00 +0000"  # replaced below: may be invalid on purpose
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes().replace(b"Date: Thu, 01 Jan 1970 00:00:00 +0000",
                                  b"Date: " + date.encode(), 1)


def split(items):  # noqa: ANN001, ANN201
    """What readers yielded, by kind: (articles, errors, warnings, skipped) as lines."""
    from graph.core.model import Article
    from graph.readers.articles import InputError, InputWarning, Skipped

    items = list(items)
    return ([i for i in items if isinstance(i, Article)],
            [str(i) for i in items if isinstance(i, InputError)],
            [str(i) for i in items if isinstance(i, InputWarning)],
            [str(i) for i in items if isinstance(i, Skipped)])
