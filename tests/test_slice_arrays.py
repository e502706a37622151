"""The corpus' array helpers give what the plain NumPy and Python answers give: ``distinct``
is ``np.unique`` by a sort, a ``Groups`` built from keys and values holds each key's distinct
values, and distinct articles per actor merge only the actors with several names."""

from __future__ import annotations

import numpy as np
import pytest

from graph.slices.arrays import Groups, distinct
from graph.slices.nodes import _distinct_articles


@pytest.mark.parametrize("seed", range(5))
def test_distinct_is_unique(seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 10 ** rng.integers(1, 9), rng.integers(0, 5000))
    assert np.array_equal(distinct(values), np.unique(values))
    assert distinct(values).dtype == values.dtype


def test_distinct_of_nothing() -> None:
    assert len(distinct(np.zeros(0, dtype=np.int64))) == 0


@pytest.mark.parametrize("seed", range(5))
def test_groups_hold_each_keys_distinct_values(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 30))
    keys = rng.integers(0, n, 800)
    values = rng.integers(0, 50, 800)
    groups = Groups.of(keys, values, n)
    for k in range(n):
        assert groups.get(k).tolist() == sorted(set(values[keys == k].tolist()))


@pytest.mark.parametrize("seed", range(5))
def test_distinct_articles_per_actor(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_names, n_actors = 40, 12
    name_keys = rng.integers(0, n_names, 2000)
    articles = rng.integers(0, 300, 2000)
    per_name = Groups.of(name_keys, articles, n_names)  # distinct articles per name
    names = rng.permutation(n_names)[:25]
    owner = rng.integers(0, n_actors, len(names))  # some actors own several names, some none
    counts = _distinct_articles(per_name, names, owner, n_actors)
    for actor in range(n_actors):
        mine = names[owner == actor]
        expected = set(articles[np.isin(name_keys, mine)].tolist())
        assert counts[actor] == len(expected)
