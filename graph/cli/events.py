"""``relgraph events``: the slice's typed relations as event records (one per relation
instance, dated by its event date), as a table on the terminal or a CSV or JSON file."""

from __future__ import annotations

import sys

import click

from graph.cli.commands import summary
from graph.cli.options import SectionedCommand, db_option, open_store, slice_filters
from graph.cli.output import clip, print_table, write_output
from graph.core.errors import UsageError
from graph.core.model import GraphSlice
from graph.slices.events import event_records
from graph.views.event_table import event_table_bytes

__all__ = ["events"]


@click.command(cls=SectionedCommand, short_help=summary("events"))
@db_option
@click.option("--json", "as_json", is_flag=True, help="write JSON (a list of records)")
@click.option("--csv", "as_csv", is_flag=True, help="write CSV (a header row, one row each)")
@click.option("--output", "-o", metavar="FILE",
              help="the file to write (default: standard output)")
@slice_filters
def events(db: str | None, as_json: bool, as_csv: bool, output: str | None,
           graph_slice: GraphSlice, top: int | None) -> int:
    """List typed relations as events: event date, precision (day, month, year), basis
    (explicit, relative, article), planned, source and target actors, kind, CAMEO root,
    QuadClass, polarity, article id and date, sentence. --since/--until filter by event date;
    a relation with no date of its own has its article's. Without --json or --csv, a table of
    the main columns (--top N: the first N).

    Example: relgraph events --since 2024-01-01 --csv -o events.csv
    """
    if as_json and as_csv:
        raise UsageError("use either --json or --csv, not both")
    records = event_records(open_store(db), graph_slice)
    if as_json or as_csv:
        data = event_table_bytes(records, "json" if as_json else "csv")
        if output:
            write_output(output, data, parents=True)
            click.echo(f"wrote {output}: {len(records)} events", err=True)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return 0
    if output:
        raise UsageError("-o needs --json or --csv")
    shown = records[:top] if top else records
    print_table(["date", "precision", "basis", "source", "kind", "target", "article"],
                [[r.event_date or "undated", r.precision or "",
                  " ".join(w for w in (r.basis, "(planned)" if r.planned else "") if w),
                  clip(r.source, 30), r.kind, clip(r.target, 30), r.article]
                 for r in shown])
    return 0
