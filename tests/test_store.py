"""The SQLite store: atomic per-article writes, replacement, revision numbers."""

from datetime import date

import pytest

from graph.core.hashing import content_hash
from graph.core.model import Article, Extraction, Mention, Relation, Sentence
from graph.store.store import Store


def extraction(aid="a1", text="Alpha met Beta.", names=("Alpha", "Beta")):
    art = Article(id=aid, text=text, title="T", date=date(2024, 1, 1))
    mentions = [Mention(0, 0, 5, n, n, "person", "PERSON") for n in names]
    return Extraction(art, [Sentence(0, 0, len(text), text)], mentions,
                      [Relation(0, names[0], names[1], "co-occurrence")])


def test_save_replaces_an_article_and_bumps_revision(tmp_path):
    store = Store(tmp_path / "x.db")
    r0 = store.revision()
    store.save(extraction(), "h1")
    store.save(extraction(names=("Gamma", "Delta")), "h2")
    assert store.revision() > r0
    assert {s.name for s in store.name_stats()} == {"Gamma", "Delta"}
    assert store.hashes() == {"a1": "h2"}
    assert store.counts()["relations"] == 1


def test_failed_write_leaves_previous_data_intact(tmp_path):
    store = Store(tmp_path / "x.db")
    store.save(extraction(), "h1")
    broken = extraction(names=("Gamma", "Delta"))
    broken.mentions.append(Mention(0, 0, 1, None, None, "person", "PERSON"))  # NOT NULL fails
    with pytest.raises(Exception):  # noqa: B017 — any database error
        store.save(broken, "h2")
    assert store.hashes() == {"a1": "h1"}
    assert {s.name for s in store.name_stats()} == {"Alpha", "Beta"}


def test_content_hash_depends_on_text_metadata_and_extractor():
    a = extraction().article
    base = content_hash(a, "m:1")
    assert base == content_hash(a, "m:1")
    assert base != content_hash(a, "m:2")
    assert base != content_hash(Article(id="a1", text=a.text + "!", title="T",
                                        date=a.date), "m:1")


def test_same_story_finds_an_article_by_url_or_by_text(tmp_path):
    store = Store(tmp_path / "x.db")
    ex = extraction()
    store.save(Extraction(Article(id="a1", text="Alpha met Beta.", url="https://x.test/1"),
                          ex.sentences, ex.mentions, ex.relations), "h1")
    assert store.same_story(url="https://x.test/1") == "a1"
    assert store.same_story(text="Alpha met Beta.") == "a1"
    assert store.same_story(url="https://x.test/2", text="Other.") is None
    assert store.same_story() is None


@pytest.mark.parametrize("kind", ["text file", "directory"])
def test_db_that_is_not_a_database_is_one_line_and_left_alone(tmp_path, capsys, kind):
    from graph.cli.main import main

    target = tmp_path / "notes.txt"
    if kind == "directory":
        target.mkdir()
    else:
        target.write_text("my notes, not a database\n")
    before = target.read_text() if kind == "text file" else None
    (tmp_path / "a.txt").write_text("Walt Hadley visited Japan.")
    for args in (["ingest", str(tmp_path / "a.txt")], ["stats"], ["actors"]):
        code = main([*args, "--db", str(target)])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert "Traceback" not in err and str(target) in err
    if before is not None:
        assert target.read_text() == before


def test_unreachable_postgresql_is_one_line(capsys):
    from graph.cli.main import main

    code = main(["stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "127.0.0.1" in err


@pytest.mark.slow
def test_a_relgraph_0_1_database_is_upgraded_and_re_extracted(tmp_path):
    import sqlite3

    from graph.pipeline.driver import ingest

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE articles (id VARCHAR PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT
          NULL, url TEXT NOT NULL, author TEXT NOT NULL, date DATE, words INTEGER NOT NULL,
          text TEXT NOT NULL, origin TEXT NOT NULL, hash VARCHAR(64) NOT NULL);
        CREATE TABLE sentences (article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER,
          text TEXT, PRIMARY KEY (article_id, idx));
        CREATE TABLE mentions (id INTEGER PRIMARY KEY, article_id VARCHAR, sentence INTEGER,
          start INTEGER, "end" INTEGER, text TEXT, name TEXT, type VARCHAR(16),
          label VARCHAR(16));
        CREATE TABLE relations (id INTEGER PRIMARY KEY, article_id VARCHAR, sentence INTEGER,
          source TEXT, target TEXT, kind VARCHAR(32), polarity VARCHAR(16), directed BOOLEAN,
          "trigger" TEXT);
        CREATE TABLE acronyms (article_id VARCHAR, short TEXT, "full" TEXT,
          PRIMARY KEY (article_id, short));
        CREATE TABLE actors (id INTEGER PRIMARY KEY, label TEXT UNIQUE, type VARCHAR(16));
        CREATE TABLE actor_names (name TEXT PRIMARY KEY, actor_id INTEGER);
        CREATE TABLE meta (key VARCHAR PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema', '1'), ('revision', '7');
        INSERT INTO articles VALUES ('old1', 'Old', '', '', '', '2024-01-02', 9,
          'Olaf Kessler met Etienne Lavergne in Berlin on Monday.', 'old1.txt', 'h');
        INSERT INTO actors VALUES (1, 'Olaf Kessler', 'person');
    """)
    con.commit()
    con.close()
    store = Store(db)
    assert store.messages and "re-extracted" in store.messages[0]
    assert store.counts()["articles"] == 1
    s = ingest([], store, progress=False)
    assert s.reextracted == 1 and {r["label"] for r in store.actor_table()} >= {
        "Olaf Kessler", "Etienne Lavergne"}
    assert Store(db).messages == []  # upgraded once


def test_a_database_from_a_newer_relgraph_is_one_clear_error(tmp_path):
    from sqlalchemy import insert

    from graph.store import schema
    from graph.store.store import StoreError

    store = Store(tmp_path / "new.db")
    with store.engine.begin() as conn:
        conn.execute(insert(schema.migrations).values(version=99, name="future",
                                                      applied_at="2030-01-01"))
    with pytest.raises(StoreError, match="newer relgraph"):
        Store(tmp_path / "new.db")


@pytest.mark.slow
def test_a_batch_is_written_as_its_articles_one_by_one(tmp_path, nlp):
    """save_many writes each table once for the whole batch; the rows must be those of
    saving the articles one at a time: a repeated id keeps its last version, an existing
    article keeps its place, new ones are numbered in order, rejected relations stay out of
    the aggregates."""
    from sqlalchemy import select

    from graph.extraction.article import extract
    from graph.store import schema as t
    from graph.store.rows import PER_ARTICLE

    texts = {"a": "Olaf Kessler met Etienne Lavergne in Berlin. Kessler praised France.",
             "b": "Tomasz Wierzba visited Kyiv. Wierzba met Volodymyr Hrabovsky.",
             "c": "Giorgia Ferrante met Pedro Ibarrola in Rome on Friday."}

    def ex(aid, text):
        return extract(Article(id=aid, text=text, title=aid.upper()), nlp(text))

    first = [(ex("b", texts["b"]), "hb", "x")]
    batch = [(ex("a", texts["a"]), "ha1", "x"),
             (ex("b", texts["b"] + " Hrabovsky thanked Poland."), "hb2", "x"),
             (ex("c", texts["c"]), "hc", "x"),
             (ex("a", texts["a"].replace("Berlin", "Paris")), "ha2", "x")]

    def dump(store):
        with store.engine.connect() as conn:
            names = dict(conn.execute(select(t.names.c.id, t.names.c.name)).all())
            out = {}
            for table in (t.articles, *PER_ARTICLE):
                rows = []
                for r in conn.execute(select(table)).mappings():
                    r = {k: names[v] if k in ("name_id", "text_id", "source_id", "target_id",
                                              "a_id", "b_id") else v
                         for k, v in r.items() if k not in ("id", "written")
                         or table is t.articles and k == "id"}
                    if table is t.pair_stats and r["a_id"] > r["b_id"]:  # ordered by name id:
                        r["a_id"], r["b_id"] = r["b_id"], r["a_id"]  # ids differ per store
                        r["way"] = {0: 0, 1: 2, 2: 1}[r["way"]]
                    rows.append(tuple(sorted(r.items(), key=lambda kv: kv[0])))
                out[table.name] = sorted(rows, key=repr)
            return out

    b2 = batch[1][0]
    r = next(r for r in b2.relations if r.sentence == 0)  # a sentence b had before as well
    wrong = {"article": "b", "rows": [[b2.sentences[0].text, r.source, r.target, r.kind]]}
    together, alone = Store(tmp_path / "t.db"), Store(tmp_path / "o.db")
    for store in (together, alone):
        store.save_many(first)
        store.decide("reject", wrong, "reject", "tester")
    together.save_many(batch)
    for item in batch:
        alone.save_many([item])
    got, want = dump(together), dump(alone)
    assert got == want
    seq = {dict(r)["id"]: dict(r)["seq"] for r in got["articles"]}
    assert seq == {"b": 1, "a": 2, "c": 3}
    assert together.hashes() == {"a": "ha2", "b": "hb2", "c": "hc"}
    assert got["pair_stats"] and got["mentions"] and got["sentences"]
    assert [dict(r)["rejected"] for r in got["relations"] if dict(r)["rejected"]] == [1]


def test_driver_errors_a_user_causes_leave_every_store_method_as_one_store_error(tmp_path):
    """A database file damaged (or replaced) after the store was opened: the next read and the
    next write raise StoreError naming the file, not SQLAlchemy's exception."""
    from sqlalchemy import text

    from graph.core.errors import RelgraphError, StoreError

    db = tmp_path / "s.db"
    store = Store(db)
    store.save(extraction(), "h1")
    store.engine.dispose()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"s.db{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 400)
    for call in (store.counts, lambda: store.save(extraction("a2"), "h2")):
        with pytest.raises(StoreError) as caught:
            call()
        assert isinstance(caught.value, RelgraphError)
        assert str(db) in str(caught.value) and "\n" not in str(caught.value)
    # A mistake in SQL is a bug, not the user's: it keeps its own type and traceback.
    Store(tmp_path / "t.db")
    with pytest.raises(Exception) as bug, Store(tmp_path / "t.db").engine.connect() as conn:
        conn.execute(text("SELECT no_such_column FROM articles"))
    assert not isinstance(bug.value, StoreError)
