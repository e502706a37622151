"""A hide, rename or retype reuses the kept grouping of names (issue 25): after every decision
of a sequence the actor table equals the one a fresh store resolving from scratch writes."""

from __future__ import annotations

from curation_corpus import OTHERWISE, SPELLED, curation_db, curation_template  # noqa: F401

from graph.curation.decisions import hide, merge, rename, retype, split, undo, unhide
from graph.store.store import Store


def table(store: Store) -> list[tuple]:
    return sorted(
        [(r["id"], r["label"], r["type"], True) for r in store.actor_table(hidden=True)]
        + [(r["id"], r["label"], r["type"], False) for r in store.actor_table()]
    )


def from_scratch(db) -> list[tuple]:
    fresh = Store(db)  # no kept grouping
    fresh.resolve()
    return table(fresh)


def test_decisions_on_the_kept_grouping_equal_a_full_resolve(curation_db):  # noqa: F811
    store = Store(curation_db)
    steps = [
        lambda: merge(store, [OTHERWISE], SPELLED, "t"),
        lambda: hide(store, "Riga", "t"),
        lambda: rename(store, SPELLED, "Begench D.", "t"),
        lambda: retype(store, "Baltic Shipping Group", "place", "t"),
        lambda: unhide(store, "Riga", "t"),
        lambda: split(store, "Begench D.", OTHERWISE, "t"),
        lambda: rename(store, OTHERWISE, "Nguyen Van Thanh", "t"),
        lambda: undo(store, "t"),
        lambda: undo(store, "t"),
        lambda: hide(store, "Volkan Karaduman", "t"),
    ]
    reused = 0
    for step in steps:
        kept = store._grouping
        step()
        reused += kept is not None and store._grouping is kept
        assert table(store) == from_scratch(curation_db)
    assert reused >= 4  # the hides, renames, retype and undos took the fast path


def test_random_decision_sequences_equal_a_full_resolve(curation_db):  # noqa: F811
    """Property-style: seeded random hides, unhides, renames, retypes, merges, splits and
    undos on actor ids; after each accepted decision the table equals a from-scratch resolve."""
    import random

    from graph.core.errors import RelgraphError

    store = Store(curation_db)
    store.resolve()
    labels = ["Minh Chau", "Oluwaseun Adeyemi", "Layla Haddad", "Park Ji-hoon"]
    kinds = ["person", "org", "place"]
    for seed in range(3):
        rng = random.Random(seed)
        for _ in range(8):
            rows = [(r["id"], False) for r in store.actor_table()]
            rows += [(r["id"], True) for r in store.actor_table(hidden=True)]
            actor, hidden = rng.choice(rows)
            op = rng.choice(["hide", "rename", "retype", "undo", "merge", "split"])
            try:
                if op == "hide":
                    (unhide if hidden else hide)(store, actor, "t")
                elif op == "rename":
                    rename(store, actor, rng.choice(labels), "t")
                elif op == "retype":
                    retype(store, actor, rng.choice(kinds), "t")
                elif op == "undo":
                    undo(store, "t")
                elif op == "merge":
                    merge(store, [OTHERWISE], SPELLED, "t")
                else:
                    split(store, SPELLED, OTHERWISE, "t")
            except RelgraphError:
                continue  # a decision that does not apply (nothing to undo, already merged...)
            assert table(store) == from_scratch(curation_db), (seed, op, actor)
