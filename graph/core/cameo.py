"""CAMEO event categories: the backbone of relation typing.

Every typed relation kind in the lexicon (``data/relations.toml``: meet, visit, accuse, …)
sits under one of the 20 root categories of the public CAMEO codebook (Conflict and Mediation
Event Observations) and inherits its QuadClass, which decides the relation's polarity:

======  ======================  ===========
quad    name                    polarity
======  ======================  ===========
0       neutral                 neutral
1       verbal cooperation      cooperative
2       material cooperation    cooperative
3       verbal conflict         hostile
4       material conflict       hostile
======  ======================  ===========

Roots 01–05 are verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict and
14–20 material conflict, as in the codebook — with one relgraph decision: root 01 (make a
public statement: "told", "said in an interview with") is QuadClass 0, *neutral*, because a
statement to someone is neither cooperation nor conflict. A kind may also set its own ``quad``
in the lexicon (none does today). A visit (CAMEO 042, "make a visit") and hosting one (043) are
verbal cooperation, as in the codebook, whether the visit is to a country, a city or a person.

>>> kind_info("accuse")
KindInfo(kind='accuse', root_code='11', root_name='Disapprove', quad_class=3, polarity='hostile')
>>> kind_info("visit").polarity
'cooperative'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from graph.core.tables import load_table

__all__ = ["QUAD_CLASSES", "ROOTS", "KindInfo", "kind_info", "kinds_of_root", "polarity_of",
           "quad_class_of_root", "relation_kinds_info"]

#: The 20 CAMEO root codes and their names.
ROOTS: dict[str, str] = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}
#: QuadClass number → name (0 is relgraph's neutral class, see the module docstring).
QUAD_CLASSES: dict[int, str] = {
    0: "neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_POLARITY = {0: "neutral", 1: "cooperative", 2: "cooperative", 3: "hostile", 4: "hostile"}


@dataclass(frozen=True)
class KindInfo:
    """Where a relation kind sits in CAMEO, and the polarity that follows."""

    kind: str
    root_code: str
    root_name: str
    quad_class: int
    polarity: str


def quad_class_of_root(code: str) -> int:
    """The QuadClass of a root code ("01" is neutral here, see the module docstring).

    >>> quad_class_of_root("01"), quad_class_of_root("04"), quad_class_of_root("14")
    (0, 1, 4)
    """
    n = int(code)
    if not 1 <= n <= 20:
        raise ValueError(f"not a CAMEO root code: {code!r}")
    if n == 1:
        return 0
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def polarity_of(quad_class: int) -> str:
    """``cooperative``, ``hostile`` or ``neutral`` for a QuadClass."""
    return _POLARITY[quad_class]


@functools.cache
def relation_kinds_info() -> dict[str, KindInfo]:
    """Every typed kind of the lexicon with its CAMEO root, QuadClass and polarity."""
    out = {}
    for kind, spec in load_table("relations").items():
        if not isinstance(spec, dict):
            continue
        code = spec["root"]
        if code not in ROOTS:
            raise ValueError(f"relations.toml: [{kind}] has unknown CAMEO root {code!r}")
        quad = spec.get("quad", quad_class_of_root(code))
        out[kind] = KindInfo(kind, code, ROOTS[code], quad, polarity_of(quad))
    return out


def kind_info(kind: str) -> KindInfo:
    """CAMEO placement of a typed relation kind; ``KeyError`` for co-occurrence or unknown
    kinds.

    >>> kind_info("meet")
    KindInfo(kind='meet', root_code='04', root_name='Consult', quad_class=1, polarity='cooperative')
    >>> kind_info("cooccurrence")
    Traceback (most recent call last):
    KeyError: 'cooccurrence'
    """
    return relation_kinds_info()[kind]


def kinds_of_root(code: str) -> tuple[str, ...]:
    """The lexicon's kinds under one root code (for filtering by root category)."""
    return tuple(k for k, info in relation_kinds_info().items() if info.root_code == code)


def expand_kinds(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Relation-kind choices with categories expanded: ``root:NN`` stands for every kind
    under CAMEO root NN, ``quad:NAME`` (e.g. ``quad:verbal-conflict``) for every kind of that
    QuadClass; plain kinds stay. Order kept, no repeats.

    >>> expand_kinds(["meet", "accuse"])
    ('meet', 'accuse')
    >>> kinds = expand_kinds(["meet", "root:04"])
    >>> kinds[0], "visit" in kinds, kinds.count("meet")
    ('meet', True, 1)
    >>> {kind_info(k).polarity for k in expand_kinds(["quad:verbal-conflict"])}
    {'hostile'}
    """
    out: list[str] = []
    for value in values:
        if value.startswith("root:"):
            out += kinds_of_root(value.removeprefix("root:"))
        elif value.startswith("quad:"):
            name = value.removeprefix("quad:").replace("-", " ")
            out += [k for k, info in relation_kinds_info().items()
                    if QUAD_CLASSES[info.quad_class] == name]
        else:
            out.append(value)
    return tuple(dict.fromkeys(out))
