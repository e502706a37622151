"""The CLI's shared pieces: the slice filter decorator (one GraphSlice, CAMEO categories
expanded), dates, tables on a pipe, and output files."""

from __future__ import annotations

from datetime import date

import click
import pytest
from click.testing import CliRunner

from graph.cli.options import QUADS, slice_filters, slice_from
from graph.cli.output import clip, print_table, write_output
from graph.core.cameo import QUAD_CLASSES, kinds_of_root, relation_kinds_info
from graph.core.errors import RelgraphError, UsageError
from graph.core.model import GraphSlice


@click.command()
@slice_filters
@click.option("--extra", default="x")
def probe(graph_slice: GraphSlice, top: int | None, extra: str) -> None:
    """Records what the decorator hands a command."""
    probe.seen = (graph_slice, top, extra)


def filtered(*args: str) -> tuple[GraphSlice, int | None, str]:
    probe.seen = None
    result = CliRunner().invoke(probe, list(args), standalone_mode=False, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return probe.seen


def test_no_filters_is_the_whole_graph():
    assert filtered() == (GraphSlice(), None, "x")


def test_every_filter_lands_in_the_one_slice():
    sl, top, extra = filtered("--article", "a1", "--article", "a2", "--since", "2024-01-01",
                              "--until", "2024-06-30", "--no-undated", "--type", "person",
                              "--type", "country", "--kind", "meet", "--min-weight", "2",
                              "--top", "40", "--extra", "y")
    assert sl == GraphSlice(articles=("a1", "a2"), since=date(2024, 1, 1),
                            until=date(2024, 6, 30), include_undated=False,
                            types=("person", "country"), kinds=("meet",), min_weight=2)
    assert (top, extra) == (40, "y")


def test_undated_articles_are_out_of_a_range_unless_included():
    assert filtered()[0].include_undated is True
    assert filtered("--since", "2024-01-01")[0].include_undated is False
    assert filtered("--until", "2024-01-01", "--include-undated")[0].include_undated is True
    assert filtered("--no-undated")[0].include_undated is False


def test_a_root_stands_for_every_kind_under_it():
    sl, *_ = filtered("--root", "04")
    assert sl.kinds == kinds_of_root("04") and "meet" in sl.kinds
    sl, *_ = filtered("--kind", "attack", "--root", "04", "--root", "04")
    assert sl.kinds == ("attack", *kinds_of_root("04"))  # order kept, no repeats


@pytest.mark.parametrize("quad", QUADS)
def test_a_quad_class_stands_for_every_kind_of_it(quad):
    sl, *_ = filtered("--quad", quad)
    wanted = {k for k, info in relation_kinds_info().items()
              if QUAD_CLASSES[info.quad_class] == quad.replace("-", " ")}
    assert wanted and set(sl.kinds) == wanted


def test_roots_and_quads_together_are_their_union():
    sl, *_ = filtered("--root", "18", "--quad", "verbal-cooperation")
    conflict = set(kinds_of_root("18"))
    cooperation = {k for k, i in relation_kinds_info().items() if i.quad_class == 1}
    assert set(sl.kinds) == conflict | cooperation and len(sl.kinds) == len(set(sl.kinds))


@pytest.mark.parametrize("args,message", [
    (["--since", "2024-13-01"], "bad date '2024-13-01' (use YYYY-MM-DD)"),
    (["--kind", "meeet"], "'meeet' is not one of"),
    (["--root", "21"], "'21' is not one of"),
    (["--quad", "hostile"], "'hostile' is not one of"),
    (["--type", "robot"], "'robot' is not one of"),
])
def test_values_outside_the_choices_are_usage_errors(args, message):
    result = CliRunner().invoke(probe, args)
    assert result.exit_code == 2 and message in result.output, result.output


def test_since_after_until_is_refused():
    with pytest.raises(UsageError, match="--since is after --until"):
        slice_from(since=date(2024, 5, 1), until=date(2024, 1, 1))


def test_categories_with_no_kind_are_refused(monkeypatch):
    monkeypatch.setattr("graph.cli.options.expand_kinds", lambda values: ())
    with pytest.raises(UsageError, match="no relation kind is under those CAMEO categories"):
        slice_from(roots=["04"])


def test_a_table_on_a_pipe_is_plain_columns(capsys):
    long_title = "A headline well past the width of any terminal " * 4
    print_table(["id", "title", "words"], [["a1", long_title, "1,234"], ["b2", "Short", "7"]],
                numeric=["words"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 4 and "\x1b[" not in out
    assert lines[0].split() == ["id", "title", "words"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert long_title.strip() in lines[2] and lines[2].endswith("1,234")
    assert lines[3].endswith("  7") and all(line == line.rstrip() for line in lines)
    # the columns line up: every row's cells start where the header's do
    assert lines[2].index(long_title[:10]) == lines[0].index("title")


def test_clip_marks_what_it_cut():
    assert clip("abcdef", 6) == "abcdef" and clip("abcdefg", 6) == "abcde…"


def test_an_output_path_that_cannot_be_written_is_one_line(tmp_path):
    (tmp_path / "a-file").write_text("")
    cannot = r"cannot write .*/a-file/x\.png: File exists \(.*/a-file\)"
    with pytest.raises(RelgraphError, match=cannot):
        write_output(tmp_path / "a-file" / "x.png", b"data", parents=True)
    with pytest.raises(RelgraphError, match="No such file or directory"):
        write_output(tmp_path / "missing" / "x.toml", "text")
    assert write_output(tmp_path / "new" / "x.png", b"data", parents=True).read_bytes() == b"data"
