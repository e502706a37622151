"""Curation: decisions kept in the store, applied by every resolution, undone on request;
suggested merges; the alias file as import/export. Real spaCy, real SQLite, the real CLI."""

import json

import pytest
from curation_corpus import OTHERWISE, SPELLED, TEXTS

from graph.cli.main import main
from graph.curation.decisions import CurationError, find_actor, merge, rename, undo
from graph.curation.suggest import suggestions
from graph.extraction import fingerprint as versions
from graph.pipeline.driver import ingest
from graph.slices.build import build_graph
from graph.store.store import StaleViewError, Store

LATER = {"a5.txt": "Begench Durdymukhamedov flew to Riga on Friday. Durdymukhamedov met "
                   "Volkan Karaduman there."}


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text)
    db = tmp_path / "c.db"
    assert ingest([src], Store(db), progress=False).failed == 0
    return src, db


def cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def labels(store):
    return {r["label"]: r for r in store.actor_table()}


@pytest.mark.slow
def test_merge_from_the_cli_survives_new_articles_and_rule_changes(corpus, capsys, monkeypatch):
    src, db = corpus
    store = Store(db)
    assert {SPELLED, OTHERWISE} <= set(labels(store))
    code, out, err = cli(capsys, "merge", OTHERWISE, "--into", SPELLED,
                         "--db", str(db), "--user", "ana")
    assert code == 0 and f"merged '{OTHERWISE}' into '{SPELLED}'" in out, err
    got = labels(store)
    assert OTHERWISE not in got and got[SPELLED]["id"] == "begench-durdymukhamedov"
    # a plain ingest of a new article does not undo it
    for name, text in LATER.items():
        (src / name).write_text(text)
    assert ingest([src], store, progress=False).new == 1
    assert OTHERWISE not in labels(store)
    # nor does a change of extraction rules or model (everything re-extracted)
    monkeypatch.setattr(versions, "extractor_version", lambda model: f"{model}:changed")
    again = ingest([src], store, progress=False)
    assert again.reextracted == len(TEXTS) + len(LATER) and "re-extracted" in again.lines()[0]
    assert OTHERWISE not in labels(store)
    history = store.history()
    assert history[0]["user"] == "ana" and history[0]["action"] == "merge"


@pytest.mark.slow
def test_ids_are_stable_across_reresolution_and_new_ingests(corpus):
    src, db = corpus
    store = Store(db)
    before = {r["label"]: r["id"] for r in store.actor_table()}
    store.resolve()
    (src / "a9.txt").write_text("Volkan Karaduman visited Riga. Karaduman met Latvian officials.")
    ingest([src], store, progress=False)
    after = {r["label"]: r["id"] for r in store.actor_table()}
    assert all(after[label] == i for label, i in before.items() if label in after)
    assert before.keys() <= after.keys()


@pytest.mark.slow
def test_rename_keeps_the_id_and_refuses_a_taken_label(corpus, capsys):
    _, db = corpus
    store = Store(db)
    karaduman = find_actor(store, "Karaduman")
    rename(store, "Volkan Karaduman", "Volkan Karaduman (Turkey)", "t")
    assert find_actor(store, "Volkan Karaduman (Turkey)").id == karaduman.id
    code, _, err = cli(capsys, "rename", "Riga", "Moscow", "--db", str(db))
    assert code == 2 and "already called 'Moscow'" in err and len(err.splitlines()) == 1


@pytest.mark.slow
def test_split_retype_hide_unhide_and_undo(corpus, capsys):
    _, db = corpus
    store = Store(db)
    merge(store, ["Baltic"], "Baltic Shipping Group", "t")
    assert "Baltic" not in labels(store)
    assert labels(store)["Baltic Shipping Group"]["type"] == "organisation"
    code, out, _ = cli(capsys, "split", "Baltic Shipping Group", "--alias", "Baltic",
                       "--db", str(db))
    assert code == 0 and "now its own actor" in out and "Baltic" in labels(store)
    # the split holds: resolving again does not join it back
    store.resolve()
    assert "Baltic" in labels(store)
    assert cli(capsys, "retype", "Baltic", "organisation", "--db", str(db))[0] == 0
    assert labels(store)["Baltic"]["type"] == "organisation"
    assert cli(capsys, "hide", "Riga", "--db", str(db))[0] == 0
    assert "Riga" not in labels(store) and "riga" not in build_graph(store)
    assert [r["label"] for r in store.actor_table(hidden=True)] == ["Riga"]
    assert cli(capsys, "unhide", "Riga", "--db", str(db))[0] == 0
    assert "Riga" in labels(store)
    code, out, _ = cli(capsys, "undo", "--db", str(db))  # the unhide
    assert code == 0 and "unhide" in out and "Riga" not in labels(store)
    first = store.history()[-1]["id"]  # the merge, undone by number
    assert undo(store, "t", first).decision
    code, out, _ = cli(capsys, "history", "--db", str(db))
    assert "(undone by" in out and out.count("\n") == len(store.history())


@pytest.mark.slow
def test_reject_drops_the_evidence_and_undo_brings_it_back(corpus, capsys):
    _, db = corpus
    store = Store(db)
    a, b = find_actor(store, "Volkan Karaduman").id, find_actor(store, "Washington").id
    G = build_graph(store)
    weight = G.edges[a, b]["weight"]
    code, out, _ = cli(capsys, "reject", "--edge", "Karaduman", "Washington", "--article", "a4",
                       "--db", str(db))
    assert code == 0 and f"link weight {weight} → {weight - 1}" in out
    G = build_graph(store)
    assert not G.has_edge(a, b) if weight == 1 else G.edges[a, b]["weight"] == weight - 1
    assert cli(capsys, "undo", "--db", str(db))[0] == 0
    assert build_graph(store).edges[a, b]["weight"] == weight


@pytest.mark.slow
def test_unknown_and_ambiguous_names_are_one_clear_line(corpus, capsys):
    _, db = corpus
    code, _, err = cli(capsys, "hide", "Nobody Atall", "--db", str(db))
    assert code == 2 and "no actor is called 'Nobody Atall'" in err
    code, _, err = cli(capsys, "hide", "Kim", "--db", str(db))
    assert code == 2 and "ambiguous" in err and "kim-hyon-sok" in err and "kim-ok-byol" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_decision_on_a_stale_view_is_refused(corpus):
    _, db = corpus
    store = Store(db)
    seen = store.revisions()["actors_rev"]
    merge(store, [OTHERWISE], SPELLED, "first", base=seen)
    with pytest.raises(StaleViewError):
        rename(store, "Riga", "Riga (Latvia)", "second", base=seen)
    assert "Riga" in labels(store)


@pytest.mark.slow
def test_suggestions_accept_and_dismiss(corpus, capsys):
    _, db = corpus
    store = Store(db)
    found = suggestions(store)
    pair = next(s for s in found if {s.a_label, s.b_label} == {SPELLED, OTHERWISE})
    assert pair.rule == "spelling" and pair.shared_neighbours >= 1
    code, out, _ = cli(capsys, "suggest", "--json", "--db", str(db))
    assert code == 0 and pair.id in {s["id"] for s in json.loads(out)}
    code, out, _ = cli(capsys, "dismiss", pair.id, "--db", str(db))
    assert code == 0 and pair.id not in {s.id for s in suggestions(store)}
    undo(store, "t")
    assert cli(capsys, "accept", pair.id, "--db", str(db))[0] == 0
    assert len({SPELLED, OTHERWISE} & set(labels(store))) == 1


@pytest.mark.slow
def test_alias_file_round_trip_gives_the_same_graph(corpus, tmp_path, capsys):
    src, db = corpus
    store = Store(db)
    merge(store, [OTHERWISE], SPELLED, "t")
    rename(store, "Volkan Karaduman", "H. Karaduman", "t")
    cli(capsys, "hide", "Riga", "--db", str(db))
    cli(capsys, "retype", "Baltic", "organisation", "--db", str(db))
    cli(capsys, "reject", "--edge", "Karaduman", "Washington", "--article", "a4", "--db", str(db))
    out = tmp_path / "decisions.toml"
    assert cli(capsys, "aliases", "export", "-o", str(out), "--db", str(db))[0] == 0
    other = tmp_path / "other.db"
    ingest([src], Store(other), progress=False)
    code, msg, err = cli(capsys, "aliases", "import", str(out), "--db", str(other))
    assert code == 0 and "imported decisions.toml" in msg, err

    def shape(s):
        G = build_graph(s)
        return (sorted((n, d["label"], d["type"]) for n, d in G.nodes(data=True)),
                sorted((u, v, d["weight"]) for u, v, d in G.edges(data=True)))
    assert shape(Store(other)) == shape(store)


@pytest.mark.slow
def test_aliases_toml_next_to_the_db_is_imported_once(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXTS["a1.txt"])
    (tmp_path / "aliases.toml").write_text('ignore = ["Ankara"]\n')
    db = tmp_path / "x.db"
    code, _, err = cli(capsys, "ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q")
    assert code == 0 and "imported aliases.toml as decisions: 1 hide" in err
    assert "Ankara" not in labels(Store(db))
    code, _, err = cli(capsys, "ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q")
    assert "imported" not in err and len(Store(db).history()) == 1


@pytest.mark.parametrize("content,message", [
    ("[merge\n", "invalid TOML"),
    ('[colours]\n"a" = "b"\n', "unknown key 'colours'"),
    ('[type]\n"Wagner" = "robot"\n', "type.Wagner: expected one of person"),
    ('[merge]\n"A" = "B"\n', "merge.A: expected a list of names"),
    ('merge = ["a"]\n', "merge: expected a table"),
    ('[rename]\n"X" = 3\n', "rename.X: expected a name in quotes"),
    ("ignore = [1, 2]\n", "ignore.0: expected a name in quotes"),
    ('[rename]\n"X" = ["a", "b"]\n', "rename.X: expected a name in quotes"),
    ('[merge]\n"A" = ["B"]\n"B" = ["A"]\n', "merge cycle"),
    ('[rename]\n"A" = "Z"\n"B" = "Z"\n', "both renamed to 'Z'"),
])
def test_bad_alias_file_is_one_line_naming_the_key(tmp_path, capsys, content, message):
    f = tmp_path / "aliases.toml"
    f.write_text(content)
    db = tmp_path / "x.db"
    Store(db)
    code, _, err = cli(capsys, "aliases", "import", str(f), "--db", str(db))
    assert code == 1 and message in err and str(f) in err, err
    assert len(err.strip().splitlines()) == 1 and Store(db).history() == []


@pytest.mark.slow
def test_find_actor_by_surface_form(corpus):
    _, db = corpus
    store = Store(db)
    assert find_actor(store, "turkish").label == "Turkey"
    with pytest.raises(CurationError):
        find_actor(store, "")
