"""Input hardening (issue 9): every fault found in outside testing, each at the reader stage.

Items are told apart by class name so these tests also run (and fail) against readers that
predate InputWarning and Skipped.
"""

import json
import os
import re
import unicodedata
from datetime import date

import pytest

from graph.cli.main import main
from graph.core.model import Article
from graph.pipeline.driver import ingest
from graph.readers.articles import read_paths
from graph.store.store import Store

BODY = "The foreign minister met the ambassador in Berlin on Monday. They discussed trade."
STORY = ("Etienne Lavergne met Olaf Kessler in Berlin on Monday. Kessler said France and "
         "Germany would cooperate.")
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def split(items):
    """(articles, errors, warnings, skipped) as strings except the articles."""
    out = {"Article": [], "InputError": [], "InputWarning": [], "Skipped": []}
    for item in items:
        out[type(item).__name__].append(item if isinstance(item, Article) else str(item))
    return out["Article"], out["InputError"], out["InputWarning"], out["Skipped"]


def fields(a):
    return [a.id, a.text, a.title, a.source, a.url, a.author, a.origin]


# -- 1. normalisation ----------------------------------------------------------------------
def test_control_characters_never_reach_an_article_from_any_reader(tmp_path):
    # A raw NUL makes a file binary; escaped in JSON it reaches the reader.
    dirty = "Caf\u0065\u0301 talks\x01 in\x0b Berlin\x7f resumed."  # decomposed é
    (tmp_path / "a.jsonl").write_text(json.dumps({
        "id": "j\x1f1", "title": "Talks\x07 in Berlin", "author": "Ann\x00 Lee",
        "source": "Wire\x0c", "url": "https://example.org/\x1ba",
        "text": f"{dirty}\x00 {BODY}"}))
    (tmp_path / "b.csv").write_text(f'id,title,text\nc\x021,"T\x03itle","{dirty} {BODY}"\n')
    (tmp_path / "c.md").write_text(f"---\ntitle: Head\x08line\nauthor: Bo\x1e Kim\n---\n"
                                   f"{dirty}\n\n{BODY}\n")
    (tmp_path / "d.html").write_text(f"<html><head><title>Page\x01 title</title></head><body>"
                                     f"<article><p>{dirty}</p><p>{BODY}</p></article></body>"
                                     "</html>")
    (tmp_path / "e.txt").write_text(f"{dirty}\n\n{BODY}")
    articles, errors, _, _ = split(read_paths([tmp_path]))
    assert errors == [] and len(articles) == 5
    for a in articles:
        for value in fields(a):
            assert not UNSAFE.search(value), (a.origin, value)
            assert unicodedata.is_normalized("NFC", value)
        assert "Café talks in" in a.text.replace("\n", " ")
    byid = {a.id: a for a in articles}
    assert byid["j1"].title == "Talks in Berlin" and byid["j1"].author == "Ann Lee"
    assert byid["c1"].title == "Title" and byid["c"].author == "Bo Kim"


@pytest.mark.slow
def test_file_names_that_are_not_utf8_are_shown_not_fatal(tmp_path, capsys):
    name = os.fsencode(tmp_path) + b"/caf\xe9\nnews.txt"
    with open(name, "wb") as f:
        f.write(STORY.encode())
    code = main(["ingest", str(tmp_path), "--db", str(tmp_path / "n.db"), "-q"])
    assert code == 0, capsys.readouterr().err
    [stored] = Store(tmp_path / "n.db").articles()
    assert "\ufffd" in stored["id"] and "\n" not in stored["id"]


# -- 2. one bad record never aborts the batch ---------------------------------------------
def test_lone_surrogate_and_deep_nesting_are_one_line_each(tmp_path):
    f = tmp_path / "f.jsonl"
    f.write_text(json.dumps({"id": "ok1", "text": BODY}) + "\n"
                 + '{"id": "sur", "text": "The envoy \\ud800 met the minister in Rome."}\n'
                 + "[" * 100_000 + "\n"
                 + json.dumps({"id": "ok2", "text": BODY}) + "\n")
    (tmp_path / "deep.json").write_text("[" * 100_000)
    articles, errors, warnings, _ = split(read_paths([tmp_path]))
    assert [a.id for a in articles] == ["ok1", "sur", "ok2"]
    assert errors == [f"{tmp_path}/deep.json: JSON nested too deeply",
                      f"{f}:3: JSON nested too deeply"]
    assert warnings == [f"{f}:2: 1 invalid character (lone surrogates) removed from the text"]
    assert "\ud800" not in articles[1].text


@pytest.mark.slow
def test_a_bad_record_in_a_batch_is_stored_around(tmp_path, capsys):
    (tmp_path / "f.jsonl").write_text(
        '{"id": "sur", "text": "Walt Hadley \\udfff visited Japan on Monday."}\n'
        + "[" * 50_000 + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    code = main(["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"error: {tmp_path}/f.jsonl:2: JSON nested too deeply" in err.splitlines()
    assert {a["id"] for a in Store(tmp_path / "s.db").articles()} == {"sur", "ok"}


# -- 3. encodings -----------------------------------------------------------------------------
def test_legacy_and_utf16_encodings_are_decoded_with_a_note(tmp_path):
    text = "The minister said \u201cno\u201d \u2013 talks in Z\u00fcrich were over. " + BODY
    (tmp_path / "win.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin.txt").write_bytes(("Caf\u00e9 owners met in Z\u00fcrich. " + BODY)
                                         .encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes(("x" * 5000 + " " + text).encode("utf-16"))
    (tmp_path / "nobom.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    articles, errors, warnings, _ = split(read_paths([tmp_path]))
    byid = {a.id: a for a in articles}
    assert set(byid) == {"win", "latin", "wide", "nobom"}
    assert byid["nobom"].text == byid["win"].text
    assert "\u201cno\u201d \u2013 talks in Z\u00fcrich" in byid["win"].text
    assert byid["wide"].text.endswith(BODY) and "Z\u00fcrich" in byid["wide"].text
    assert "Caf\u00e9 owners" in byid["latin"].text
    assert sorted(warnings) == [f"{tmp_path}/latin.txt: not UTF-8; decoded as cp1252",
                                f"{tmp_path}/nobom.txt: decoded as UTF-16-LE (no byte-order "
                                "mark)",
                                f"{tmp_path}/wide.txt: decoded as UTF-16 (byte-order mark)",
                                f"{tmp_path}/win.txt: not UTF-8; decoded as cp1252"]
    assert errors == [f"{tmp_path}/pic.txt: binary file, not text"]


# -- 4. dates -------------------------------------------------------------------------------
@pytest.mark.parametrize("value,expected", [
    ("2023-09-13", date(2023, 9, 13)),
    ("2023-09-13T23:30:00-05:00", date(2023, 9, 13)),
    ("13 September 2023", date(2023, 9, 13)),
    ("Sept. 13, 2023", date(2023, 9, 13)),
    ("Wednesday, September 13, 2023", date(2023, 9, 13)),
    ("Wed, 13 Sep 2023 23:30:00 -0500", date(2023, 9, 13)),
    ("2023/09/13", date(2023, 9, 13)),
    ("13.09.2023", date(2023, 9, 13)),
    ("16/08/2024", date(2024, 8, 16)),
    ("08/16/2024", date(2024, 8, 16)),
])
def test_common_date_forms_are_read(tmp_path, value, expected):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": BODY, "date": value}))
    articles, errors, warnings, _ = split(read_paths([tmp_path]))
    assert (errors, warnings) == ([], [])
    assert articles[0].date == expected


def test_bad_dates_keep_the_article_undated_with_a_warning(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "y", "text": f"March 3, 2024. {BODY}", "date": "yesterday"}) + "\n"
        + json.dumps({"id": "i", "text": BODY, "date": "2024-13-40"}) + "\n"
        + json.dumps({"id": "f", "text": BODY, "date": "February 30, 2023"}) + "\n")
    (tmp_path / "b.csv").write_text(f'id,date,text\nv,31/02/2024,"{BODY}"\n')
    (tmp_path / "c.md").write_text(f"---\ntitle: T\ndate: soon\n---\n{BODY}\n")
    articles, errors, warnings, _ = split(read_paths([tmp_path]))
    assert errors == []
    assert {a.id: a.date for a in articles} == {"y": None, "i": None, "f": None, "v": None,
                                               "c": None}
    assert warnings == [
        f"{tmp_path}/a.jsonl:1: bad date 'yesterday'; article kept undated (use YYYY-MM-DD)",
        f"{tmp_path}/a.jsonl:2: impossible date '2024-13-40' (no such day); article kept "
        "undated",
        f"{tmp_path}/a.jsonl:3: impossible date 'February 30, 2023' (no such day); article "
        "kept undated",
        f"{tmp_path}/b.csv:2: impossible date '31/02/2024' (no such day); article kept undated",
        f"{tmp_path}/c.md:3: bad date 'soon'; article kept undated (use YYYY-MM-DD)",
    ]


def test_ambiguous_day_month_follows_the_file_else_day_first_with_a_warning(tmp_path):
    (tmp_path / "eu.csv").write_text(f'id,date,text\ne1,05/06/2024,"{BODY}"\n'
                                     f'e2,16/08/2024,"{BODY}"\n')
    (tmp_path / "us.jsonl").write_text(
        json.dumps({"id": "u1", "date": "05/06/2024", "text": BODY}) + "\n"
        + json.dumps({"id": "u2", "date": "08/16/2024", "text": BODY}) + "\n")
    (tmp_path / "one.jsonl").write_text(json.dumps({"id": "o", "date": "05/06/2024",
                                                    "text": BODY}))
    articles, errors, warnings, _ = split(read_paths([tmp_path]))
    got = {a.id: a.date for a in articles}
    assert got == {"e1": date(2024, 6, 5), "e2": date(2024, 8, 16), "o": date(2024, 6, 5),
                   "u1": date(2024, 5, 6), "u2": date(2024, 8, 16)}
    assert warnings == [f"{tmp_path}/one.jsonl:1: ambiguous date '05/06/2024' read day first "
                        "as 5 June 2024 (not May 6); write 2024-06-05 to be sure"]
    assert errors == []


# -- 5. skipped files, empty pages, broken CSV ----------------------------------------------
@pytest.mark.slow
def test_unsupported_files_and_unreadable_directories_are_listed(tmp_path, monkeypatch,
                                                                 capsys):
    tmp_path, db = tmp_path / "in", tmp_path / "k.db"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "report.xyz").write_text("whatever")
    (tmp_path / ".hidden.xyz").write_text("hidden files stay silent")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(STORY)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    lines = []
    summary = ingest([tmp_path], Store(db), progress=False,
                     on_error=lines.append)
    assert lines == [f"skipped: {locked} (unreadable directory: Permission denied)",
                     f"skipped: {tmp_path}/report.xyz (unsupported type)"]
    assert summary.new == 1 and summary.failed == 0
    assert summary.skipped == [f"{locked} (unreadable directory: Permission denied)",
                               f"{tmp_path}/report.xyz (unsupported type)"]
    assert "2 skipped" in summary.lines()[0]


def test_a_page_with_only_navigation_is_refused(tmp_path):
    (tmp_path / "nav.html").write_text(
        "<html><head><title>Example News</title></head><body><nav><a href='/'>Home</a> | "
        "<a href='/w'>World</a> | <a href='/s'>Sport</a></nav><footer>Contact us</footer>"
        "</body></html>")
    (tmp_path / "menu.html").write_text(
        "<html><body><div><ul><li><a href='/a'>Leaders meet for talks in Oslo</a></li>"
        "<li><a href='/b'>Markets fall after the vote</a></li></ul></div></body></html>")
    (tmp_path / "short.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><article><p>The minister resigned on "
        "Monday.</p></article></body></html>")
    articles, errors, _, _ = split(read_paths([tmp_path]))
    assert [a.id for a in articles] == ["short"]
    assert errors == [f"{tmp_path}/menu.html: no article text found in HTML",
                      f"{tmp_path}/nav.html: no article text found in HTML"]


def test_csv_errors_cite_the_line_where_the_record_starts(tmp_path):
    (tmp_path / "a.csv").write_text(
        f'id,text\nr1,"{BODY}\nsecond line of r1"\nr2,"never closed\nr3,"{BODY}"\n'
        f'r4,"{BODY}"\n')
    (tmp_path / "b.csv").write_text(f'id,text\nr1,"{BODY}"\n\nr2,"open to the end\nr3,x\n')
    articles, errors, _, _ = split(read_paths([tmp_path]))
    assert [a.id for a in articles] == ["r1", "r4", "r1"]
    assert errors == [
        f"{tmp_path}/a.csv:4: malformed CSV record (',' expected after '\"'; the record runs "
        "to line 5, a quote not closed?)",
        f"{tmp_path}/b.csv:4: unterminated quote: the record starting here runs to the end of "
        "the file",
    ]
