"""Word documents (.docx) with python-docx: body paragraphs in order (page headers, footers
and tables are not article text), title, author and date from the document properties (a
"Title"-styled first paragraph is the title when the properties have none).

python-docx reads every part of the package into memory, so the package is checked first
(:func:`~graph.readers.limits.check_zip`): a document that inflates past 50 MB is refused
before python-docx sees it. Its XML parser does not resolve entities."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime

from graph.readers.base import InputError, Item, ReadOptions, Source, make_article
from graph.readers.limits import TooLarge, check_zip

__all__ = ["read_docx"]

_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def read_docx(src: Source, options: ReadOptions) -> Iterator[Item]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        check_zip(src.data)
    except TooLarge as exc:
        yield InputError(src.origin, str(exc))
        return
    except RuntimeError:  # zipfile's word for a member it cannot decrypt
        yield InputError(src.origin, "not a readable Word (.docx) document (encrypted zip "
                                     "members)")
        return
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
            EOFError, ValueError, OSError) as exc:
        # not a zip, a bad CRC, an unknown compression method
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield InputError(src.origin, f"not a readable Word (.docx) document ({reason})")
        return
    try:
        document = docx.Document(io.BytesIO(src.data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:  # libxml2 refuses entity bombs and huge text nodes
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield InputError(src.origin, f"not a readable Word (.docx) document ({reason})")
        return
    paragraphs = [(p.style.name if p.style is not None else "", p.text.strip())
                  for p in document.paragraphs]
    paragraphs = [(style, text) for style, text in paragraphs if text]
    props = document.core_properties
    # Documents made by python-docx keep its template's properties unless told otherwise:
    # they describe the template, not the article.
    created = props.created
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    title = (props.title or "").strip()
    if not title and paragraphs and paragraphs[0][0] == "Title":
        title = paragraphs.pop(0)[1]
    fields = {"title": title, "url": src.url,
              "author": "" if props.author == "python-docx" else props.author,
              "date": created.date() if created and created != _TEMPLATE_CREATED else None,
              "text": "\n\n".join(text for _, text in paragraphs)}
    yield from make_article(fields, src.origin, src.stem)
