"""Corpus-wide resolution: article-level names → actors.

Runs over the distinct names in the store (cheap, no NLP), so alias files and rule changes
apply to everything already ingested. Order of precedence for each name: the user's alias file,
acronyms defined in any article, the built-in table (countries, demonyms, common acronyms),
then the name itself. Names that differ only in case, punctuation, hyphens or diacritics share
an actor, and so do full person names that differ only in doubled letters and organisation
names without their generic tail ("Yonhap" / "Yonhap News Agency"); a lone surname or
family name with no actor of its own joins the most mentioned person whose full name starts
or ends with it.
"""

from __future__ import annotations

import functools
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import ACTOR_TYPES
from .names import load_table, loose_key, name_key, name_parts, organisation_suffixes

__all__ = ["ActorDef", "AliasError", "NameStat", "UserAliases", "country_name", "resolve"]


@dataclass(frozen=True)
class NameStat:
    """How often an article-level name was used, as which type."""

    name: str
    type: str
    count: int


@dataclass(frozen=True)
class ActorDef:
    """A resolved actor: canonical label, type, and the names that refer to it."""

    label: str
    type: str
    names: tuple[str, ...]
    mentions: int


class AliasError(ValueError):
    """A user alias file that cannot be used; the message names the file."""


@dataclass
class UserAliases:
    """The user's alias file: merge names, rename, retype or ignore actors."""

    merge: dict[str, str] = field(default_factory=dict)  # variant key -> canonical name
    rename: dict[str, str] = field(default_factory=dict)  # name key -> new label
    retype: dict[str, str] = field(default_factory=dict)  # name key -> type
    ignore: set[str] = field(default_factory=set)  # name keys

    @classmethod
    def load(cls, path: str | Path | None) -> UserAliases:
        """Read a TOML alias file (see README, "Alias file"); ``None`` gives no aliases."""
        if path is None:
            return cls()
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise AliasError(f"{path}: cannot read alias file ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise AliasError(f"{path}: invalid TOML ({exc})") from None
        out = cls()
        unknown = set(data) - {"merge", "rename", "type", "ignore"}
        if unknown:
            raise AliasError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}; "
                             "use merge, rename, type, ignore")
        for canonical, variants in data.get("merge", {}).items():
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise AliasError(f"{path}: merge.{canonical!r} must be a list of names")
            for variant in [canonical, *variants]:
                out.merge[name_key(variant)] = canonical
        for old, new in data.get("rename", {}).items():
            out.rename[name_key(old)] = str(new)
        for name, kind in data.get("type", {}).items():
            if kind not in ACTOR_TYPES:
                raise AliasError(f"{path}: type.{name!r} = {kind!r} is not one of "
                                 f"{', '.join(ACTOR_TYPES)}")
            out.retype[name_key(name)] = kind
        ignore = data.get("ignore", [])
        if not isinstance(ignore, list):
            raise AliasError(f"{path}: ignore must be a list of names")
        out.ignore = {name_key(n) for n in ignore}
        return out


@functools.cache
def _builtin() -> dict[str, tuple[str, str]]:
    """Built-in variant key → (canonical name, type), countries completed from pycountry."""
    import pycountry

    table = load_table("aliases")
    out: dict[str, tuple[str, str]] = {}
    for section, kind in (("countries", "country"), ("organisations", "organisation")):
        for canonical, variants in table.get(section, {}).items():
            for variant in [canonical, *variants]:
                out[name_key(variant)] = (canonical, kind)
    for country in pycountry.countries:
        names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        names = [n for n in names if n]
        known = next((out[name_key(n)] for n in names if name_key(n) in out), None)
        canonical = known[0] if known else names[0]
        for n in names:
            out.setdefault(name_key(n), (canonical, "country"))
    return out


@functools.cache
def _subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(name_key(s.name) for s in pycountry.subdivisions)


def builtin_alias(name: str) -> tuple[str, str] | None:
    """``(canonical name, type)`` from the built-in table, or None."""
    return _builtin().get(name_key(name))


def country_name(name: str) -> str | None:
    """The canonical country a name or demonym refers to ("DPRK" → "North Korea"), or None."""
    hit = _builtin().get(name_key(name))
    return hit[0] if hit and hit[1] == "country" else None


def resolve(stats: Iterable[NameStat], acronyms: Iterable[tuple[str, str]] = (),
            user: UserAliases | None = None) -> list[ActorDef]:
    """Group article-level names into actors. Deterministic for the same input."""
    user = user or UserAliases()
    builtin = _builtin()
    defined = _acronym_table(acronyms)
    stats = [s for s in stats if name_key(s.name)]
    groups: dict[str, list[NameStat]] = defaultdict(list)
    fixed: dict[str, tuple[str, str | None]] = {}  # group key -> (label, type) from a table
    for stat in sorted(stats, key=lambda s: (s.name, s.type)):
        key = name_key(stat.name)
        if key in user.merge:
            target = user.merge[key]
            fixed[name_key(target)] = (target, fixed.get(name_key(target), (None, None))[1])
            key = name_key(target)
        elif key in defined:
            key = name_key(defined[key])
        if key in builtin and (stat.type != "person" or builtin[key][1] == "organisation"):
            canonical, kind = builtin[key]
            key = name_key(canonical)
            fixed.setdefault(key, (canonical, kind))
        groups[key].append(stat)
    _merge_spelling_variants(groups, fixed)
    _merge_organisation_short_forms(groups, fixed)
    _merge_short_names(groups, fixed)
    actors = []
    for key, members in groups.items():
        if key in user.ignore or any(name_key(m.name) in user.ignore for m in members):
            continue
        label, kind = fixed.get(key, (None, None))
        if kind is None:
            kind = _majority_type(members)
            if kind == "person" and len(key.split()) == 1 and key in _subdivisions():
                kind = "place"  # a lone "person" word that is a known region or city
        label = label or _best_label(members)
        label = user.rename.get(key) or next(
            (user.rename[name_key(m.name)] for m in members if name_key(m.name) in user.rename),
            label)
        kind = user.retype.get(key) or user.retype.get(name_key(label)) or kind
        actors.append(ActorDef(label=label, type=kind,
                               names=tuple(sorted({m.name for m in members})),
                               mentions=sum(m.count for m in members)))
    return _unique_labels(actors)


def _acronym_table(acronyms: Iterable[tuple[str, str]]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for short, full in acronyms:
        votes[name_key(short)][full] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def _merge_spelling_variants(groups: dict[str, list[NameStat]], fixed: dict) -> None:
    """Full person names that differ only in doubled letters ("Volodymyr Zelenskyy" /
    "Volodymyr Zelensky") are one actor, named by the more mentioned spelling."""
    by_loose: dict[str, list[str]] = defaultdict(list)
    for key, members in groups.items():
        if key not in fixed and len(key.split()) >= 2 and _majority_type(members) == "person":
            by_loose[loose_key(key)].append(key)
    for keys in by_loose.values():
        if len(keys) > 1:
            target = max(keys, key=lambda k: (sum(m.count for m in groups[k]), k))
            for key in keys:
                if key != target:
                    groups[target].extend(groups.pop(key))


def _merge_organisation_short_forms(groups: dict[str, list[NameStat]], fixed: dict) -> None:
    """"Yonhap" joins "Yonhap News Agency" and "Wagner" joins "Wagner Group": an organisation
    whose name is another's without generic trailing words. The shortest such longer name with
    the most mentions wins, so "Kyodo" goes to "Kyodo News", not to both."""
    suffixes = organisation_suffixes()
    orgs = {k for k, v in groups.items() if _majority_type(v) == "organisation"}
    longer: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if words[cut] not in suffixes:
                break
            longer[" ".join(words[:cut])].append(key)
    # Longest short forms first, so "Yonhap News" has joined "Yonhap News Agency" before
    # "Yonhap" looks for a home.
    for short in sorted(longer, key=lambda k: (-len(k.split()), k)):
        candidates = [k for k in longer[short] if k in groups]
        if short not in orgs or short in fixed or not candidates:
            continue
        target = min(candidates, key=lambda k: (len(k.split()),
                                                -sum(m.count for m in groups[k]), k))
        groups[target].extend(groups.pop(short))


def _merge_short_names(groups: dict[str, list[NameStat]], fixed: dict) -> None:
    """A one-word person name with no full name of its own ("Kim" in an article that never
    gives the full name) joins the most mentioned person whose name starts or ends with it."""
    people = {k: sum(m.count for m in v) for k, v in groups.items()
              if len(k.split()) >= 2 and _majority_type(v) == "person" and k not in fixed}
    by_part, inner = name_parts({_best_label(groups[k]): k for k in people})
    for key in [k for k in groups if len(k.split()) == 1 and k not in fixed]:
        if _majority_type(groups[key]) != "person":
            continue
        labels = by_part.get(key) or (inner[key] if len(inner.get(key, ())) == 1 else None)
        if not labels:
            continue
        targets = [name_key(label) for label in labels]
        target = max((t for t in targets if t in groups), key=lambda k: (people[k], k),
                     default=None)
        if target:
            groups[target].extend(groups.pop(key))


def _majority_type(members: list[NameStat]) -> str:
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.type] += m.count
    order = {t: i for i, t in enumerate(ACTOR_TYPES)}
    return min(votes, key=lambda t: (-votes[t], order.get(t, 99)))


def _best_label(members: list[NameStat]) -> str:
    """The most used spelling; ties go to the longer, then mixed-case one."""
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.name] += m.count
    return max(votes, key=lambda n: (len(n.split()) >= 2, votes[n], not n.isupper(), len(n), n))


def _unique_labels(actors: list[ActorDef]) -> list[ActorDef]:
    seen = Counter(a.label for a in actors)
    out = []
    for a in sorted(actors, key=lambda a: (-a.mentions, a.label, a.type)):
        if seen[a.label] > 1:
            a = ActorDef(f"{a.label} ({a.type})", a.type, a.names, a.mentions)
        out.append(a)
    return out
