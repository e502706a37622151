"""Event records (:mod:`graph.slices.events`) written as a table file: CSV (one header row,
RFC 4180 quoting) or JSON (a list of objects, one per event), both readable by
``pandas.read_csv`` / ``pandas.read_json`` as they are."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import astuple

from graph.core.choices import EVENT_FORMATS
from graph.slices.events import EVENT_COLUMNS, EventRecord

__all__ = ["event_table_bytes"]


def event_table_bytes(records: Sequence[EventRecord], fmt: str) -> bytes:
    """The records as a UTF-8 file in ``fmt`` (one of :data:`EVENT_FORMATS`). Undated
    fields are empty in CSV and null in JSON; ``planned`` is true/false."""
    if fmt not in EVENT_FORMATS:
        raise ValueError(f"unknown event table format {fmt!r}")
    if fmt == "json":
        rows = [dict(zip(EVENT_COLUMNS, astuple(r), strict=True)) for r in records]
        return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for r in records:
        writer.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v
                         for v in astuple(r)])
    return text.getvalue().encode("utf-8")
