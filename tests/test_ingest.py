"""Ingest end to end: idempotency, updates, bad input in a batch, exit status."""

import json
import shutil
from pathlib import Path

from graph.cli import main
from graph.ingest import ingest
from graph.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = ("Emmanuel Macron met Olaf Scholz in Berlin on Monday. Scholz said France and "
         "Germany would cooperate. Macron later visited Poland.")


def test_reingest_is_a_no_op(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    store = Store(tmp_path / "r.db")
    first = ingest([tmp_path / "seeds"], store, progress=False)
    revision, counts = store.revision(), store.counts()
    again = ingest([tmp_path / "seeds"], store, progress=False)
    assert (again.new, again.updated, again.unchanged, again.words) == (0, 0, 5, 0)
    assert store.revision() == revision and store.counts() == counts
    assert first.new == 5


def test_changed_text_replaces_that_article_only(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "s1", "text": STORY}) + "\n"
                 + json.dumps({"id": "s2", "text": "Joe Biden visited Japan."}) + "\n")
    store = Store(tmp_path / "u.db")
    ingest([f], store, progress=False)
    f.write_text(json.dumps({"id": "s1", "text": STORY.replace("Poland", "Spain")}) + "\n"
                 + json.dumps({"id": "s2", "text": "Joe Biden visited Japan."}) + "\n")
    s = ingest([f], store, progress=False)
    assert (s.new, s.updated, s.unchanged) == (0, 1, 1)
    labels = {r["label"] for r in store.actor_table()}
    assert "Spain" in labels and "Poland" not in labels and "Japan" in labels


def test_bad_input_is_reported_and_the_rest_ingested(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Joe Biden visited Japan."}\n'
                                        "{oops\n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\xff\x00")
    db = tmp_path / "b.db"
    code = main(["ingest", str(tmp_path), "--db", str(db), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: {tmp_path}/bad.jsonl:2: malformed JSON line" in err
    assert f"error: {tmp_path}/blob.txt: binary file, not text" in err
    assert "Traceback" not in err
    assert {a["id"] for a in Store(db).articles()} == {"good", "x"}


def test_parallel_ingest_matches_serial(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": STORY if i % 2 else
                         "Joe Biden visited Japan. Fumio Kishida greeted Biden."})
             for i in range(20)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines))
    one, two = Store(tmp_path / "1.db"), Store(tmp_path / "2.db")
    ingest([tmp_path / "c.jsonl"], one, jobs=1, progress=False)
    ingest([tmp_path / "c.jsonl"], two, jobs=2, progress=False)
    assert one.counts() == two.counts()
    assert one.actor_table() == two.actor_table()


def test_missing_model_is_one_clear_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY)
    code = main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db"),
                 "--model", "xx_no_such_model"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert "xx_no_such_model" in err and "pip install" in err
