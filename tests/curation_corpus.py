"""A small store to correct: one person spelled two ways in different articles (a suggested
merge), an organisation and its short form, places and a few links. Ingested once per test
session with the real model; each test gets its own copy of the database.

Import the fixtures into a test module: ``from curation_corpus import curation_db,
curation_template``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph.pipeline.driver import ingest
from graph.store.store import Store

# Written for these tests (the same patterns as tests/test_curation.py, whose texts are known
# to give these actors with the small English model).
TEXTS = {
    "a1.txt": "President Begench Durdymukhamedov met Turkish Foreign Minister Volkan Karaduman "
              "in Ankara on Monday. Durdymukhamedov said Turkmenistan wanted calm.",
    "a2.txt": "Begench Durdimuhamedov accused Washington of hypocrisy on Tuesday. "
              "Durdimuhamedov spoke to reporters in Moscow after meeting Volkan Karaduman.",
    "a3.txt": "Baltic Shipping Group said on Tuesday it had signed a deal in Riga. The company "
              "ships grain across the Baltic.",
    "a4.txt": "Volkan Karaduman met Begench Durdimuhamedov in Moscow. Karaduman praised "
              "Durdimuhamedov and criticised Washington.",
    "a6.txt": "Kim Hyon Sok met Volkan Karaduman. Kim said talks went well.",
    "a7.txt": "Kim Ok Byol criticised Washington. Kim spoke in Pyongyang.",
}
SPELLED = "Begench Durdymukhamedov"
OTHERWISE = "Begench Durdimuhamedov"


@pytest.fixture(scope="session")
def curation_template(tmp_path_factory) -> Path:
    """The ingested database (never changed: tests work on copies)."""
    folder = tmp_path_factory.mktemp("curation")
    src = folder / "articles"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text)
    db = folder / "template.db"
    summary = ingest([src], Store(db), progress=False)
    assert summary.failed == 0 and summary.new == len(TEXTS), summary.errors
    return db


def copy_db(template: Path, target: Path) -> Path:
    with sqlite3.connect(template) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # a consistent copy (the template may keep a write-ahead log)
    return target


@pytest.fixture
def curation_db(curation_template, tmp_path) -> Path:
    """A fresh copy of the corpus for one test to change."""
    return copy_db(curation_template, tmp_path / "curation.db")
