"""The extractor fingerprint follows what the extraction code does, not how it is written.

Each test edits a temporary copy of the ``graph`` package (real files, the fingerprint pointed at
the copy): docstrings, comments and moves change nothing; a changed constant, condition or table
entry, and a module reached only through a relative or package import, change it.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.extraction import fingerprint

SOURCE = Path(fingerprint.__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, str]:
    """One copy of the package, and its fingerprint, that each test's copy starts from."""
    root = tmp_path_factory.mktemp("pristine") / "graph"
    shutil.copytree(SOURCE, root, ignore=shutil.ignore_patterns("__pycache__"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fingerprint, "PACKAGE", root)
        before = version()
    _forget()
    return root, before


@pytest.fixture
def copy(pristine, tmp_path, monkeypatch) -> Iterator[Path]:
    """A copy of the ``graph`` package that the fingerprint reads instead of the real one."""
    root = tmp_path / "graph"
    shutil.copytree(pristine[0], root)
    monkeypatch.setattr(fingerprint, "PACKAGE", root)
    _forget()
    yield root
    _forget()


@pytest.fixture
def before(pristine) -> str:
    """The fingerprint of the unedited package (computed in another directory)."""
    return pristine[1]


def _forget() -> None:
    """Drop the cached fingerprints (they are computed once per process)."""
    for name in ("code_version", "extractor_version", "_closure"):
        getattr(fingerprint, name).cache_clear()


def version() -> str:
    """The fingerprint of the package as it is now."""
    _forget()
    return fingerprint.code_version()


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` (which must be there) by ``new`` in a file of the copy."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def insert_before(path: Path, pattern: str, lines: str) -> None:
    """Insert ``lines`` before the first line of a file of the copy that matches ``pattern``."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"no line {pattern!r} in {path}"
    path.write_text(text[:match.start()] + lines + text[match.start():], encoding="utf-8")


def replace_node(path: Path, node: ast.AST, new: str) -> None:
    """Replace the source text of ``node`` (a node of ``path``'s tree) by ``new``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = sum(len(line) for line in lines[:node.lineno - 1]) + node.col_offset
    end = sum(len(line) for line in lines[:node.end_lineno - 1]) + node.end_col_offset
    text = "".join(lines)
    path.write_text(text[:start] + new + text[end:], encoding="utf-8")


def sources(root: Path) -> set[str]:
    """The files of the copy the last computed fingerprint was made from."""
    return {p.relative_to(root).as_posix() for p in fingerprint.extraction_sources()}


def test_docstrings_comments_and_layout_change_nothing(copy, before):
    forms = copy / "names" / "forms.py"
    tree = ast.parse(forms.read_text(encoding="utf-8"))
    doc = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and ast.get_docstring(n))
    replace_node(forms, doc.body[0], '"""Reworded: what the key is for."""')
    insert_before(copy / "relations" / "find.py", "^def ", "# a comment on the rule below\n")
    edit(copy / "mentions" / "spans.py", "\n\n\ndef ", "\n\n\n\ndef ", count=-1)  # layout
    edit(copy / "core" / "model.py", '"""', '"""A new first line.\n\n')
    assert version() == before


def test_moving_a_module_and_updating_its_importers_changes_nothing(copy, before):
    assert "relations/lexicon.py" in sources(copy)
    (copy / "relations" / "lexicon.py").rename(copy / "names" / "lexicon.py")
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "graph.relations.lexicon" in text:
            path.write_text(text.replace("graph.relations.lexicon", "graph.names.lexicon"),
                            encoding="utf-8")
    assert version() == before
    assert "names/lexicon.py" in sources(copy) and "relations/lexicon.py" not in sources(copy)


def test_moving_a_module_into_a_new_package_changes_nothing(copy, before):
    (copy / "mentions" / "rules").mkdir()
    (copy / "mentions" / "rules" / "__init__.py").write_text('"""Mention rules."""\n')
    (copy / "mentions" / "span_context.py").rename(copy / "mentions" / "rules" / "context.py")
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        new = re.sub(r"\bgraph\.mentions\.span_context\b", "graph.mentions.rules.context", text)
        if new != text:
            path.write_text(new, encoding="utf-8")
    assert version() == before
    assert "mentions/rules/context.py" in sources(copy)


def test_the_fingerprint_module_itself_is_not_part_of_it(copy, before):
    edit(copy / "extraction" / "fingerprint.py", "\nPACKAGE", "\nUNUSED = 1\nPACKAGE")
    assert version() == before
    assert "extraction/fingerprint.py" not in sources(copy)


def _rule_constant(path: Path) -> ast.AST:
    """The first module-level tuple or set of strings in a rule module."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = getattr(node, "value", None)
        if (isinstance(node, ast.Assign) and isinstance(value, (ast.Tuple, ast.Set))
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                        for e in value.elts)):
            return value
    raise AssertionError(f"no constant tuple or set of strings in {path}")


def test_a_changed_constant_changes_it(copy, before):
    path = copy / "relations" / "participants.py"
    node = _rule_constant(path)
    elements = [ast.unparse(e) for e in node.elts][:-1]  # one word fewer
    replace_node(path, node, "(" + ", ".join(elements) + ",)")
    assert version() != before


def test_a_changed_condition_changes_it(copy, before):
    path = copy / "mentions" / "people.py"
    compare = next(n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(n, ast.Compare) and isinstance(n.ops[0], (ast.Lt, ast.Gt)))
    op = "<=" if isinstance(compare.ops[0], ast.Lt) else ">="
    replace_node(path, compare, f"{ast.unparse(compare.left)} {op} "
                                f"{ast.unparse(compare.comparators[0])}")
    assert version() != before


def test_a_data_table_entry_changes_it_and_a_table_comment_does_not(copy, before):
    edit(copy / "data" / "titles.toml", "\n", "\n# a comment\n")
    edit(copy / "data" / "places.txt", "\n", "\n# a comment\n\n")
    assert version() == before
    edit(copy / "data" / "places.txt", "\n", "\nnew test place\n")
    after_words = version()
    assert after_words != before
    edit(copy / "data" / "titles.toml", '"president", ', "")
    assert version() not in (before, after_words)


def test_a_table_loaded_through_a_module_attribute_counts(copy):
    (copy / "data" / "extra.toml").write_text('words = ["envoy"]\n')
    lexicon = copy / "relations" / "lexicon.py"
    insert_before(lexicon, "^from graph", "from graph.core import tables\n")
    lexicon.write_text(lexicon.read_text(encoding="utf-8")
                       + '\n\ndef _extra():\n    return tables.load_table("extra")\n')
    before = version()
    (copy / "data" / "extra.toml").write_text('words = ["envoy", "emissary"]\n')
    assert version() != before
    assert "data/extra.toml" in sources(copy)


def test_a_module_reached_through_a_level_two_relative_import_counts(copy):
    (copy / "names" / "extra_rules.py").write_text("LIMIT = 3\n")
    insert_before(copy / "mentions" / "people.py", "^from graph",
                  "from ..names.extra_rules import LIMIT\n")
    before = version()
    (copy / "names" / "extra_rules.py").write_text("LIMIT = 4\n")
    assert version() != before
    assert "names/extra_rules.py" in sources(copy)


def test_a_module_named_in_a_relative_from_import_counts(copy):
    (copy / "names" / "extra_rules.py").write_text("LIMIT = 3\n")
    insert_before(copy / "relations" / "find.py", "^from graph",
                  "from .. import names\nfrom ..names import extra_rules\n")
    before = version()
    (copy / "names" / "extra_rules.py").write_text("LIMIT = 4\n")
    assert version() != before
    assert "names/extra_rules.py" in sources(copy)


def test_a_package_init_on_the_way_and_what_it_imports_count(copy):
    init = copy / "relations" / "__init__.py"
    insert_before(init, "^from graph", "from graph.relations import extra\nWINDOW = 3\n")
    (copy / "relations" / "extra.py").write_text("STEP = 1\n")
    before = version()
    edit(init, "WINDOW = 3", "WINDOW = 4")
    after_init = version()
    assert after_init != before
    (copy / "relations" / "extra.py").write_text("STEP = 2\n")
    assert version() not in (before, after_init)
    assert {"relations/__init__.py", "relations/extra.py", "__init__.py"} <= sources(copy)


def test_importing_a_name_from_another_module_changes_it(copy):
    """Modules are named by their code, not left out: which one a name comes from counts."""
    (copy / "names" / "rules_a.py").write_text("LIMIT = 3\n")
    (copy / "names" / "rules_b.py").write_text("LIMIT = 4\n")
    insert_before(copy / "relations" / "find.py", "^from graph",
                  "from graph.names import rules_a, rules_b\n")
    people = copy / "mentions" / "people.py"
    insert_before(people, "^from graph", "from graph.names.rules_a import LIMIT\n")
    before = version()
    edit(people, "graph.names.rules_a import LIMIT", "graph.names.rules_b import LIMIT")
    assert version() != before


def test_package_versions_and_the_model_are_part_of_it(copy, before, monkeypatch):
    real = fingerprint._version
    monkeypatch.setattr(fingerprint, "_version",
                        lambda dist: "0.0.test" if dist == "spacy" else real(dist))
    assert version() != before
    assert fingerprint.extractor_version("m1") != fingerprint.extractor_version("m2")


def test_it_is_computed_without_importing_spacy_or_the_extraction_code():
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('graph.extraction.fingerprint', "
        f"{fingerprint.__file__!r})\n"
        "module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(module.code_version())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'graph')\n"
        "             and m != spec.name))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert re.fullmatch("[0-9a-f]{16}", out[0]) and out[1] == "[]"


def test_parsed_modules_are_cached_between_processes_and_an_edit_still_counts(
        copy, before, tmp_path, monkeypatch):
    """The second process reads the parsed modules from the cache (no module is parsed), and
    gets the same fingerprint; an edited rule is parsed afresh and changes it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert version() == before
    assert (tmp_path / "cache" / "relgraph" / "fingerprint-modules.json").is_file()
    real = fingerprint._read
    monkeypatch.setattr(fingerprint, "_read", lambda *a: pytest.fail("parsed again"))
    assert version() == before
    monkeypatch.setattr(fingerprint, "_read", real)
    path = copy / "relations" / "participants.py"
    node = _rule_constant(path)
    replace_node(path, node, "(" + ", ".join(ast.unparse(e) for e in node.elts[:-1]) + ",)")
    assert version() != before
