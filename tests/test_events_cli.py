"""``relgraph events``: one record per typed relation instance, filtered by event date, as a
table, CSV or JSON that pandas reads back unchanged."""

import json
from dataclasses import astuple
from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner
from dated_events import build_store

from graph.cli.main import cli, main
from graph.core.model import GraphSlice
from graph.slices.events import EVENT_COLUMNS, event_records


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "ev.db"
    build_store(path).engine.dispose()
    return path


def run(*args):
    result = CliRunner().invoke(cli, list(args), prog_name="relgraph")
    assert result.exit_code == 0, result.output
    return result


def test_every_typed_relation_is_one_record_dated_by_its_event(db):
    from graph.store.store import Store

    records = event_records(Store(db))
    assert [(r.event_date, r.kind, r.article) for r in records] == [
        ("2022-06-01", "meet", "a3"), ("2023", "meet", "a2"), ("2024-03-13", "meet", "a1"),
        ("2024-03-14", "criticise", "a1"), ("2024-04", "visit", "a2"),
        ("2024-05-02", "praise", "a4"), (None, "criticise", "a3")]
    by_article = {(r.article, r.kind): r for r in records}
    assert by_article[("a1", "criticise")].basis == "article"  # no date of its own
    assert by_article[("a2", "visit")].planned is True
    met = by_article[("a1", "meet")]
    assert (met.source, met.target, met.cameo_root, met.cameo_name, met.quad_class) == (
        "Mara Velund", "Tovan Reik", "04", "Consult", 1)


def test_since_until_keep_an_event_dated_outside_its_articles_date(db):
    from graph.store.store import Store

    last_year = GraphSlice(since=date(2023, 1, 1), until=date(2023, 12, 31))
    assert [(r.article, r.event_date) for r in event_records(Store(db), last_year)] == [
        ("a2", "2023")]  # the article is of 2024; its meeting "last year" is of 2023
    march = GraphSlice(since=date(2024, 3, 1), until=date(2024, 3, 31))
    assert {(r.article, r.kind) for r in event_records(Store(db), march)} == {
        ("a1", "meet"), ("a1", "criticise")}  # not a2's 2023 meeting nor its April visit
    assert len(event_records(Store(db), GraphSlice(since=date(2022, 1, 1),
                                                   include_undated=True))) == 7


def test_csv_round_trips_through_pandas(db, tmp_path):
    from graph.store.store import Store

    out = tmp_path / "ev.csv"
    run("events", "--db", str(db), "--csv", "-o", str(out))
    frame = pd.read_csv(out, dtype={"cameo_root": str, "event_date": str,
                                    "article_date": str})
    assert tuple(frame.columns) == EVENT_COLUMNS
    expected = [astuple(r) for r in event_records(Store(db))]
    got = [tuple(None if pd.isna(v) else v.item() if hasattr(v, "item") else v for v in row)
           for row in frame.itertuples(index=False)]
    assert got == expected
    assert frame["planned"].dtype == bool


def test_json_round_trips_through_pandas(db):
    from graph.store.store import Store

    result = run("events", "--db", str(db), "--json", "--kind", "meet")
    rows = json.loads(result.output)
    assert [r["kind"] for r in rows] == ["meet"] * 3
    frame = pd.read_json(pd.io.common.StringIO(result.output), orient="records",
                         dtype={"cameo_root": str, "event_date": str, "article_date": str})
    assert list(frame["event_date"]) == ["2022-06-01", "2023", "2024-03-13"]
    expected = [astuple(r) for r in event_records(Store(db), GraphSlice(kinds=("meet",)))]
    got = [tuple(None if pd.isna(v) else v.item() if hasattr(v, "item") else v for v in row)
           for row in frame.itertuples(index=False)]
    assert got == expected


def test_the_terminal_table_and_usage_errors(db, capsys):
    table = run("events", "--db", str(db), "--since", "2024-04-01").output
    assert "relative (planned)" in table and "2024-05-02" in table and "undated" not in table
    assert "undated" in run("events", "--db", str(db), "--since", "2024-04-01",
                            "--include-undated").output
    assert main(["events", "--db", str(db), "--csv", "--json"]) == 2
    assert "either --json or --csv" in capsys.readouterr().err
