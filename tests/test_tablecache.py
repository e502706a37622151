"""Derived word sets cached on disk: read back when the version matches, derived again when it
does not or the file is damaged, never an error when the cache cannot be written."""

import json
import os
import sys
import time

import pytest

from graph import tablecache
from graph.tablecache import cached_sets


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RELGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


SETS = ["a"]


def counting(sets):
    calls = []

    def derive():
        calls.append(1)
        return sets

    return derive, calls


def test_sets_are_derived_once_and_then_read_back(cache):
    derive, calls = counting({"a": ["x", "y"], "b": []})
    first = cached_sets("t", derive, "v1", ["a", "b"])
    again = cached_sets("t", derive, "v1", ["a", "b"])
    assert first == again == {"a": frozenset({"x", "y"}), "b": frozenset()}
    assert len(calls) == 1 and len(list(cache.glob("t-*.json"))) == 1


def test_a_new_version_derives_again_and_replaces_the_old_file(cache):
    old, _ = counting({"a": ["x"]})
    new, calls = counting({"a": ["z"]})
    cached_sets("t", old, "v1", ["a"])
    assert cached_sets("t", new, "v2", ["a"]) == {"a": frozenset({"z"})} and calls == [1]
    assert len(list(cache.glob("t-*.json"))) == 1
    cached_sets("other", old, "v1", ["a"])  # another table's file is left alone
    assert len(list(cache.glob("*.json"))) == 2


@pytest.mark.parametrize("damage", ["{not json", json.dumps({"key": "x", "sets": {}}),
                                    json.dumps([1, 2]), "[" * 100_000, "", "missing set"])
def test_a_damaged_file_is_derived_again(cache, damage):
    derive, calls = counting({"a": ["x"]})
    cached_sets("t", derive, "v1", SETS)
    (path,) = cache.glob("t-*.json")
    if damage == "missing set":  # the right key, but not the sets asked for
        data = json.loads(path.read_text())
        data["sets"] = {"b": ["x"]}
        path.write_text(json.dumps(data))
    elif damage:
        path.write_text(damage)
    else:  # a file whose key matches but whose sets are not lists of words
        data = json.loads(path.read_text())
        data["sets"]["a"] = [1]
        path.write_text(json.dumps(data))
    assert cached_sets("t", derive, "v1", SETS) == {"a": frozenset({"x"})} and len(calls) == 2


def test_an_unwritable_cache_only_costs_the_derivation(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RELGRAPH_CACHE_DIR", str(blocker / "cache"))
    derive, calls = counting({"a": ["x"]})
    assert cached_sets("t", derive, "v1", SETS) == {"a": frozenset({"x"})}
    assert cached_sets("t", derive, "v1", SETS) == {"a": frozenset({"x"})} and len(calls) == 2
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".tmp", ".json")]


def test_a_derivation_must_give_the_sets_asked_for(cache):
    derive, _ = counting({"a": ["x"]})
    with pytest.raises(ValueError, match="expected"):
        cached_sets("t", derive, "v1", ["a", "b"])
    assert not cache.exists() or not list(cache.glob("t-*.json"))


def test_an_old_temporary_file_is_cleaned_up(cache):
    derive, _ = counting({"a": ["x"]})
    cache.mkdir()
    old, fresh = cache / "gone.tmp", cache / "being-written.tmp"
    old.write_text("{")
    fresh.write_text("{")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    cached_sets("t", derive, "v1", SETS)
    assert not old.exists() and fresh.exists()


def test_default_directory_is_the_user_cache(monkeypatch):
    monkeypatch.delenv("RELGRAPH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    if sys.platform == "linux":
        assert str(tablecache.cache_dir()).startswith("/somewhere")


def test_cached_name_tables_answer_as_the_derived_ones(cache):
    from graph import types

    for fn, derive in ((types._given_names, types._derive_given_names),
                       (types._places, types._derive_places)):
        fn.cache_clear()
        fresh = fn()  # derived and written
        fn.cache_clear()
        read = fn()  # read back
        assert fresh == read
        derived = derive()
        want = {k: frozenset(v) for k, v in derived.items()}
        got = read if isinstance(read, dict) else {"places": read}
        assert got == want
    assert types.given_name("Olaf", strict=True) and not types.given_name("Morgan", strict=True)
    assert types.given_name("morgan") and types.gazetteer_place("Rabat")
    assert len(list(cache.glob("*.json"))) == 2
