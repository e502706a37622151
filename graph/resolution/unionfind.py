"""Union–find over name keys for resolution: groups that remember which keys must stay apart
(the analyst's splits) and which key anchors each group (its stable actor id)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["UnionFind"]


class UnionFind:
    """Union–find over name keys that remembers which keys must stay apart and which key each
    group is anchored at (the side joined *into*, unless the other side's anchor is pinned
    more strongly: decisions over the built-in table over rules)."""

    def __init__(self, keys: Iterable[str], apart: set[frozenset[str]]):
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.anchor: dict[str, tuple[int, str]] = {}  # root -> (pin level, anchor key)
        for k in keys:
            self.add(k)
        self.apart = apart
        self.apart_keys = {k for pair in apart for k in pair}

    def add(self, key: str) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = {key}
            self.anchor[key] = (0, key)

    def pin(self, key: str, level: int) -> None:
        """Make ``key`` its group's anchor at ``level`` (unless one is pinned higher)."""
        self.add(key)
        root = self.find(key)
        if self.anchor[root][0] <= level:
            self.anchor[root] = (level, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, into: str) -> bool:
        """Join the group of ``a`` into the group of ``into`` unless that puts two apart keys
        together."""
        self.add(a)
        self.add(into)
        ra, rb = self.find(a), self.find(into)
        if ra == rb:
            return True
        if self.apart_keys:
            inside = self.members[ra] & self.apart_keys
            if any(frozenset((x, y)) in self.apart for x in inside for y in self.members[rb]
                   if y in self.apart_keys):
                return False
        pinned_a, pinned_b = self.anchor[ra], self.anchor[rb]
        anchor = pinned_a if pinned_a[0] > pinned_b[0] else pinned_b
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        self.parent[small] = big
        self.members[big] |= self.members.pop(small)
        del self.anchor[small]
        self.anchor[big] = anchor
        return True

    def same(self, a: str, b: str) -> bool:
        return a in self.parent and b in self.parent and self.find(a) == self.find(b)
