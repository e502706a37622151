"""The alias file: a TOML import/export format for curation decisions.

```toml
ignore = ["Reuters"]                      # hide these actors
[merge]                                   # canonical name = [other names]
"Wagner Group" = ["Wagner", "PMC Wagner"]
[rename]                                  # any name of an actor = new label
"IEA" = "International Energy Agency"
[type]                                    # person | organisation | country | place | group
"Wagner Group" = "organisation"
[split]                                   # alias = the actor it must stay apart from
"Baltic" = "Baltic Shipping"
[[reject]]                                # evidence marked wrong
article = "a1"
rows = [["sentence text", "source name", "target name", "kind"]]
[[dismiss]]                               # suggested merges never to propose again
names = ["Han Do Yun", "Han Do Il"]
```

Files are validated with a pydantic schema (a wrong value type is one line naming the key), and
conflicts (a merge cycle, a name merged into two actors, two renames to one label) are refused
as a whole before anything is recorded. ``relgraph aliases export`` writes every decision in
force; importing that file into a store holding the same articles gives the same graph.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from graph.core.errors import AliasError
from graph.names.forms import name_key
from graph.resolution.actors import actor_id
from graph.store.store import Store

__all__ = ["AliasError", "export_aliases", "import_aliases_file", "parse_aliases"]

ActorType = Literal["person", "organisation", "country", "place", "group"]



class _Reject(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    article: str
    rows: list[Annotated[list[str], Field(min_length=4, max_length=4)]]


class _Dismiss(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    names: Annotated[list[str], Field(min_length=2, max_length=2)]


class AliasFile(BaseModel):
    """The schema of an alias file."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    ignore: list[str] = []
    merge: dict[str, list[str]] = {}
    rename: dict[str, str] = {}
    type_: dict[str, ActorType] = Field(default={}, alias="type")
    split: dict[str, str] = {}
    reject: list[_Reject] = []
    dismiss: list[_Dismiss] = []


def parse_aliases(path: str | Path) -> AliasFile:
    """Read and validate an alias file; :class:`AliasError` names the file and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasError(f"{path}: cannot read alias file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise AliasError(f"{path}: invalid TOML ({exc})") from None
    try:
        parsed = AliasFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        if err["type"] == "extra_forbidden":
            raise AliasError(f"{path}: unknown key {where!r}; use ignore, merge, rename, type, "
                             "split, reject, dismiss") from None
        raise AliasError(f"{path}: {where}: {_readable(err)}") from None
    problems = _conflicts(parsed)
    if problems:
        raise AliasError(f"{path}: conflicting entries, nothing imported: "
                         + "; ".join(problems))
    return parsed


def _readable(err: ErrorDetails) -> str:
    expected = {"list_type": "expected a list of names", "string_type": "expected a name "
                "in quotes", "dict_type": "expected a table of name = value entries",
                "literal_error": "expected one of person, organisation, country, place, group"}
    return expected.get(err["type"], err["msg"])


def _conflicts(f: AliasFile) -> list[str]:
    out = []
    owner: dict[str, str] = {}
    for canonical, variants in f.merge.items():
        for v in variants:
            key = name_key(v)
            if key in owner and owner[key] != canonical:
                out.append(f"{v!r} is merged into both {owner[key]!r} and {canonical!r}")
            owner[key] = canonical
    for canonical in f.merge:
        if name_key(canonical) in owner and owner[name_key(canonical)] != canonical:
            out.append(f"merge cycle: {canonical!r} is merged into "
                       f"{owner[name_key(canonical)]!r} and has merges of its own")
    labels: dict[str, str] = {}
    for old, new in f.rename.items():
        if new in labels:
            out.append(f"{labels[new]!r} and {old!r} are both renamed to {new!r}")
        labels[new] = old
    for alias, actor in f.split.items():
        if owner.get(name_key(alias)) and name_key(owner[name_key(alias)]) == name_key(actor):
            out.append(f"{alias!r} is both merged into and split off {actor!r}")
    return out


def import_aliases_file(store: Store, path: str | Path, user: str,
                        only_if_changed: bool = False) -> str | None:
    """Record an alias file's entries as decisions (entries already in force are skipped);
    returns a message, or None when ``only_if_changed`` and the file was imported before."""
    path = Path(path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise AliasError(f"{path}: cannot read alias file ({exc.strerror or exc})") from None
    marker = f"aliases:{path.resolve()}"
    if only_if_changed and store.get_meta(marker) == digest:
        return None
    parsed = parse_aliases(path)
    made = _record(store, parsed, user)
    store.set_meta(marker, digest)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(made.items()) if n) or "nothing new"
    return f"imported {path.name} as decisions: {counts}"


def _record(store: Store, f: AliasFile, user: str) -> dict[str, int]:
    """One decision per entry not already in force."""
    active = {(d.action, json.dumps(_core(d.action, d.args), sort_keys=True))
              for d in store.active_decisions()}
    made: dict[str, int] = {}

    def decide(action: str, args: dict, summary: str) -> None:
        if (action, json.dumps(_core(action, args), sort_keys=True)) in active:
            return
        store.decide(action, args, summary + " (alias file)", user)
        made[action] = made.get(action, 0) + 1

    for canonical, variants in f.merge.items():
        keys = sorted({name_key(v) for v in variants} - {name_key(canonical)})
        if keys:
            decide("merge", {"keys": keys, "into": name_key(canonical), "into_type": None,
                             "into_label": canonical, "into_name": canonical,
                             "names": sorted(variants), "ids": [actor_id(k) for k in keys],
                             "into_id": actor_id(name_key(canonical))},
                   f"merge {', '.join(map(repr, variants))} into {canonical!r}")
    for alias, actor in f.split.items():
        decide("split", {"alias": name_key(alias), "from": name_key(actor),
                         "id": actor_id(name_key(actor)), "name": alias},
               f"split {alias!r} off {actor!r}")
    for old, new in f.rename.items():
        decide("rename", {"key": _anchor(store, old), "label": new, "id": "", "old": old},
               f"rename {old!r} to {new!r}")
    for name, kind in f.type_.items():
        decide("retype", {"key": _anchor(store, name), "type": kind, "id": ""},
               f"retype {name!r} to {kind}")
    for name in f.ignore:
        decide("hide", {"key": _anchor(store, name), "id": "", "label": name}, f"hide {name!r}")
    for r in f.reject:
        decide("reject", {"article": r.article, "rows": sorted(map(list, r.rows)), "a": "",
                          "b": "", "sentence": None, "kind": None},
               f"reject evidence in {r.article}")
    for d in f.dismiss:
        a, b = sorted(name_key(n) for n in d.names)
        decide("dismiss", {"a": a, "b": b, "reason": ""}, f"dismiss {a!r} / {b!r}")
    return made


def _anchor(store: Store, name: str) -> str:
    """The anchor key of the actor ``name`` refers to now, or the name's own key."""
    found = store.find_actors(name)
    return " ".join(found[0].id.split("-")) if len(found) == 1 else name_key(name)


def _core(action: str, args: dict) -> dict:
    """The part of a decision's arguments that decides its effect (for de-duplication)."""
    keep = {"merge": ("keys", "into"), "split": ("alias", "from"), "rename": ("key", "label"),
            "retype": ("key", "type"), "hide": ("key",), "unhide": ("key",),
            "reject": ("article", "rows"), "dismiss": ("a", "b")}.get(action, tuple(args))
    return {k: args.get(k) for k in keep}


def export_aliases(store: Store) -> str:
    """Every decision in force as an alias file (TOML)."""
    merges: dict[str, list[str]] = {}
    rename: dict[str, str] = {}
    retype: dict[str, str] = {}
    split: dict[str, str] = {}
    hidden: dict[str, bool] = {}
    rejects, dismissed = [], []
    names = {a["id"]: a for a in store.actor_table() + store.actor_table(hidden=True)}
    for d in store.active_decisions():
        a = d.args
        if d.action == "merge":
            merges.setdefault(a.get("into_name") or a["into"], []).extend(
                a.get("names") or a["keys"])
        elif d.action == "split":
            split[a.get("name") or a["alias"]] = a["from"]
        elif d.action in ("rename", "retype", "hide", "unhide"):
            ref = _name_of_key(names, a["key"])
            if d.action == "rename":
                rename[ref] = a["label"]
            elif d.action == "retype":
                retype[ref] = a["type"]
            else:
                hidden[ref] = d.action == "hide"
        elif d.action == "reject":
            rejects.append(a)
        elif d.action == "dismiss":
            dismissed.append((a["a"], a["b"]))
    for d in store.active_decisions(("merge",)):
        into = d.args.get("into_name") or d.args["into"]
        actor = names.get(actor_id(d.args["into"]))
        if actor and into not in rename:
            rename[into] = actor["label"]  # so the import keeps the label, not the name
    lines = ["# relgraph decisions (relgraph aliases export); import with 'relgraph aliases "
             "import FILE'", f"ignore = {_toml([n for n, h in sorted(hidden.items()) if h])}"]
    for title, table in (("merge", merges), ("rename", rename), ("type", retype),
                         ("split", split)):
        if table:
            lines += ["", f"[{title}]"] + [f"{_toml(k)} = {_toml(sorted(set(v)) if isinstance(v, list) else v)}"  # noqa: E501
                                          for k, v in sorted(table.items())]
    for r in rejects:
        lines += ["", "[[reject]]", f"article = {_toml(r['article'])}",
                  f"rows = {_toml([list(x) for x in r['rows']])}"]
    for a, b in dismissed:
        lines += ["", "[[dismiss]]", f"names = {_toml([a, b])}"]
    return "\n".join(lines) + "\n"


def _name_of_key(actors: dict[str, dict], key: str) -> str:
    """A name to write for an anchor key: one of the actor's names with that key, or the key."""
    row = actors.get(actor_id(key))
    if row:
        return next((n for n in sorted(row["names"]) if name_key(n) == key), key)
    return key


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings and arrays are valid TOML
