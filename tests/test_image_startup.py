"""Start-up of a briefing image's command (issue 24: an image within a second, whole command):
what ``relgraph export -f png`` imports, the garbage collector kept off its libraries, and
the label widths measured without reportlab's font machinery, to the same floats."""

from __future__ import annotations

import gc
import random
import subprocess
import sys
import unicodedata

import pytest

from graph.core.imports import frozen_imports
from graph.views.typography import text_width

#: What an image's command must not import: the web app and its plotting (dash, plotly), the
#: NLP stack (spacy), tables and readers (pandas, dateparser, trafilatura), terminal tables
#: (rich), the name resolution (rapidfuzz, jellyfish), the curation code (pydantic) and
#: reportlab's font machinery (pdfmetrics; its metric tables are read directly).
NOT_IMPORTED = (
    "dash",
    "plotly",
    "kaleido",
    "spacy",
    "thinc",
    "pandas",
    "dateparser",
    "trafilatura",
    "rich",
    "rapidfuzz",
    "jellyfish",
    "pydantic",
    "graph.resolution",
    "graph.curation",
    "graph.mentions",
    "graph.relations",
    "reportlab.pdfbase.pdfmetrics",
)


def test_png_export_imports_only_what_it_draws_with(tmp_path):
    from synthetic_store import synthetic_store

    db = tmp_path / "syn.db"
    synthetic_store(db, articles=20, actors=40)
    out = tmp_path / "g.png"
    code = (
        "import gc, sys; from graph.cli.main import main\n"
        f"assert main(['export', '--db', {str(db)!r}, '-f', 'png', '-o', {str(out)!r}]) == 0\n"
        f"print(sorted(m for m in sys.modules if m in {NOT_IMPORTED!r} or "
        f"m.split('.')[0] in {NOT_IMPORTED!r}))\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    loaded, collector = run.stdout.splitlines()[-2:]
    assert loaded == "[]"
    # the collector runs after the imports, with the libraries' objects frozen out of it
    assert collector == "True True"
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_frozen_imports_pauses_the_collector_once_per_module():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with frozen_imports("graph_test_not_a_module"):
            assert not gc.isenabled()
            made = [[] for _ in range(100)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
        with frozen_imports("gc"):  # already imported: nothing paused, nothing frozen
            assert gc.isenabled()
            frozen = gc.get_freeze_count()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert gc.isenabled()


def test_frozen_imports_restores_a_paused_collector_and_survives_errors():
    gc.disable()
    try:
        with pytest.raises(ImportError), frozen_imports("graph_test_not_a_module"):
            import graph_test_not_a_module  # noqa: F401
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
        gc.unfreeze()


def _reportlab_text_width(text: str, font: float) -> float:
    """:func:`text_width` as it was, through reportlab's ``stringWidth``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    latin = "".join(c for c in text if ord(c) < 256)
    width = stringWidth(latin, "Helvetica", font)
    for c in text:
        if ord(c) >= 256:
            width += font * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.72)
    return width + 4


def test_text_width_is_reportlabs_to_the_float():
    rng = random.Random(24)
    texts = [chr(i) for i in range(300)] + [
        "Nguyễn Thị Lan",
        "Kwame Mensah-Boateng",
        "Lí Xiùyīng 李秀英",
        "Ана Петрова",
        "São Tomé",
        "al-Hashimi, Yasmin",
        "tab\there",
        "\x85\x9f",
    ]
    texts += [
        "".join(
            chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 400)]))
            for _ in range(rng.randrange(0, 40))
        )
        for _ in range(3000)
    ]
    for text in texts:
        for font in (12.0, 14.3, 18.7, rng.uniform(5, 40)):
            assert text_width(text, font) == _reportlab_text_width(text, font), (text, font)
