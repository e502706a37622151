"""A small corpus in two half-years of 2024, ingested with the real pipeline, for the small
multiples and "what changed" tests. Invented people; every article dated, and the meetings
carry their own dates in the text.

First half: Velund meets Reik (three reports), Velund criticises Dorsan, Brandtner meets Reik.
Second half: Velund meets Reik once (weaker), Brandtner meets Okafor (new), Reik praises
Dorsan (new); Velund–Dorsan and Brandtner–Reik are gone.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph.pipeline.driver import ingest
from graph.store.store import Store

ARTICLES = [
    ("p1", "2024-02-05", "Mara Velund met Tovan Reik in Oslo on 3 February 2024 to discuss "
                         "fishing quotas."),
    ("p2", "2024-03-12", "Mara Velund met Tovan Reik again on 11 March 2024. Mara Velund "
                         "criticised Edvin Dorsan on 11 March 2024 over the quota deal."),
    ("p3", "2024-04-20", "On 18 April 2024 Mara Velund met Tovan Reik in Bergen. Ilse "
                         "Brandtner met Tovan Reik on 19 April 2024."),
    ("p4", "2024-08-14", "Mara Velund met Tovan Reik in Tromso on 13 August 2024."),
    ("p5", "2024-10-02", "Ilse Brandtner met Jonas Okafor in Stavanger on 1 October 2024. "
                         "Ilse Brandtner met Jonas Okafor again on 2 October 2024."),
    ("p6", "2024-11-21", "Tovan Reik praised Edvin Dorsan on 20 November 2024."),
]


def build(path: Path) -> Store:
    src = path.parent / "periods.jsonl"
    src.write_text("".join(json.dumps({"id": aid, "title": f"Report {aid}", "date": day,
                                       "text": text}) + "\n"
                           for aid, day, text in ARTICLES), encoding="utf-8")
    store = Store(path)
    summary = ingest([src], store, progress=False)
    assert summary.new == len(ARTICLES) and summary.failed == 0, summary.errors
    return store
