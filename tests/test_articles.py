"""Readers for every input format, and one clear line for every kind of bad input."""

import json
from datetime import date

from graph.core.model import Article
from graph.readers.articles import InputError, InputWarning, read_paths

BODY = "The foreign minister met the ambassador in Berlin on Monday. They discussed trade."


def read(path):
    return list(read_paths([path]))


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(f"---\ntitle: \"Talks in Berlin\"\ndate: 2024-03-01\nsource: Daily\n"
                 f"url: https://example.org/a\n---\n# Talks in Berlin\n\n{BODY} **Bold** "
                 f"and [a link](https://example.org).\n")
    [a] = read(f)
    assert (a.id, a.title, a.date, a.source, a.url) == (
        "story", "Talks in Berlin", date(2024, 3, 1), "Daily", "https://example.org/a")
    assert a.text.startswith("The foreign minister") and "Bold and a link." in a.text


def test_plain_text_date_from_text_or_undated(tmp_path):
    (tmp_path / "a.txt").write_text(f"BERLIN, March 3, 2024 — {BODY}")
    (tmp_path / "b.txt").write_text(BODY)
    a, b = read(tmp_path)
    assert a.date == date(2024, 3, 3)
    assert b.date is None and b.id == "b"


def test_html_uses_trafilatura_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Talks in Berlin</title><meta name='author' content='Ann Lee'>"
        "<meta property='article:published_time' content='2024-03-01'></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Talks in Berlin</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article><footer>Contact us</footer></body></html>")
    [a] = read(f)
    assert a.title == "Talks in Berlin" and a.author == "Ann Lee"
    assert a.date == date(2024, 3, 1)
    assert "Home | World" not in a.text and "foreign minister" in a.text


def test_jsonl_json_and_csv(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "x1", "title": "T", "date": "2024-01-02", "text": BODY}) + "\n\n"
        + json.dumps({"text": BODY, "source": "Wire"}) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([{"id": "y1", "text": BODY}]))
    (tmp_path / "c.csv").write_text(f'id,title,date,text\nz1,Z,2024-05-06,"{BODY}"\n')
    got = {a.id: a for a in read(tmp_path)}
    assert set(got) == {"x1", "a-3", "y1", "z1"}
    assert got["a-3"].source == "Wire" and got["z1"].date == date(2024, 5, 6)


def test_bad_inputs_each_give_one_line_naming_file_and_line(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "empty.md").write_text("  \n")
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 3)
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "ok", "text": BODY}) + "\n{not json\n"
        + json.dumps({"id": "nt", "title": "no text"}) + "\n"
        + json.dumps({"id": "bd", "text": BODY, "date": "yesterday"}) + "\n")
    (tmp_path / "rows.csv").write_text(f'id,text,date\nr1,"{BODY}",2024-13-40\n')
    (tmp_path / "nocol.csv").write_text("id,body\n1,hello\n")
    items = read(tmp_path)
    errors = {str(e) for e in items if isinstance(e, InputError)}
    warnings = {str(e) for e in items if isinstance(e, InputWarning)}
    ok = [(a.id, a.date) for a in items if isinstance(a, Article)]
    assert ok == [("ok", None), ("bd", None), ("r1", None)]  # bad dates: kept, undated
    assert errors == {
        f"{tmp_path}/bin.txt: binary file, not text",
        f"{tmp_path}/empty.md: empty file",
        f"{tmp_path}/undecodable.txt: not text in UTF-8 or any common encoding (bad byte 0x80 "
        "at offset 0)",
        f"{tmp_path}/lines.jsonl:2: malformed JSON line (Expecting property name enclosed "
        "in double quotes)",
        f"{tmp_path}/lines.jsonl:3: missing article text",
        f"{tmp_path}/nocol.csv:1: CSV has no 'text' column (expected columns: id, title, date, "
        "source, url, author, text; found: id, body)",
    }
    assert warnings == {
        f"{tmp_path}/lines.jsonl:4: bad date 'yesterday'; article kept undated (use "
        "YYYY-MM-DD)",
        f"{tmp_path}/rows.csv:2: impossible date '2024-13-40' (no such day); article kept "
        "undated",
    }
    assert all("\n" not in e for e in errors | warnings)


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    [err] = read(tmp_path / "nope")
    assert isinstance(err, InputError) and "no such file" in str(err)
