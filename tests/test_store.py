"""The SQLite store: atomic per-article writes, replacement, revision numbers."""

from datetime import date

import pytest

from graph.model import Article, Extraction, Mention, Relation, Sentence
from graph.store import Store, content_hash


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
