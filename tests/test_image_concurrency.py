"""Briefing images requested at the same time: every caller gets its own image (issue 9).

kaleido's sync server (the renderer then) was one background loop whose results were
matched to callers by arrival order, so parallel requests received each other's images; the
matplotlib renderer draws one image at a time, each into its own figure.
"""

import io
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard.downloads import download_payload
from dashboard.filters import Filters
from dashboard.viewdata import ViewData
from graph.views.image import image_bytes

pytestmark = pytest.mark.slow  # the seeds


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join(e.text for e in root.iter() if e.tag.endswith("text") and e.text)


def pdf_text(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_parallel_images_each_carry_their_own_caption_and_size(seed_graph):
    jobs = [("svg", f"request number {i}", 700 + 10 * i) if i % 3 == 0 else
            ("pdf", f"request number {i}", 700 + 10 * i) if i % 3 == 1 else
            ("png", f"request number {i}", 700 + 10 * i) for i in range(9)]

    def one(job):
        fmt, caption, width = job
        return image_bytes(seed_graph, fmt, caption=caption, width=width, height=500, dpi=96,
                           labels="none")

    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(one, jobs))
    for (fmt, caption, width), data in zip(jobs, results, strict=True):
        if fmt == "png":
            assert Image.open(io.BytesIO(data)).size == (width, 500)
        else:
            text = svg_text(data) if fmt == "svg" else pdf_text(data)
            assert caption in text, f"{caption!r} got another request's image"


def test_parallel_briefing_downloads_of_one_article_slices(seed_store):
    source = ViewData(seed_store)
    articles = source.articles()
    jobs = [(a, fmt) for a in articles[:4] for fmt in ("svg", "pdf")]

    def one(job):
        art, fmt = job
        return download_payload(source, Filters.of(articles=(art["id"],)), fmt, briefing=True)

    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(one, jobs))
    for (art, fmt), (name, data) in zip(jobs, results, strict=True):
        assert name.endswith(fmt)
        text = svg_text(data) if fmt == "svg" else pdf_text(data)
        # titles are clipped to 60 characters in the caption
        assert art["title"][:40] in " ".join(text.split()), f"{art['id']} got another image"


def test_a_thread_that_dies_while_drawing_does_not_block_later_images(seed_graph):
    """A thread killed from outside (dash.testing stops its servers by raising SystemExit in
    a thread) while it draws must release the drawing lock: later images still come."""
    import threading

    from graph.views import draw

    started = threading.Event()

    def killed() -> None:
        with draw._LOCK:
            started.set()
            raise SystemExit  # as a thread stopped from outside mid-drawing

    t = threading.Thread(target=killed)
    t.start()
    t.join(10)
    assert started.is_set() and not t.is_alive()
    data = image_bytes(seed_graph, "svg", caption="after the crash", width=600, height=400,
                       labels="none")
    assert "after the crash" in svg_text(data)
