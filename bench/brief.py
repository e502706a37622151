"""Briefing speed: a briefing image and a whole briefing pack of a 25-actor view of the
10,000-article synthetic store, whole commands from start-up to written files.

Baseline, in the same run: Graphviz's ``sfdp`` drawing the same view (the same 25 actors and
links, written as GraphML by relgraph, converted with ``graphml2gv``) to PNG and SVG with
labels. Graphviz draws a graph, without legend, caption, verbs or any slide text; the ratio
says what relgraph's whole briefing costs against the fastest plain drawing. Without ``sfdp``
the baseline is skipped (and said so).

Also, in one process: reading the view (by SQL for its actors alone, and, for comparison,
through the corpus loaded from the store, as other slices are read), building the
briefing, laying out the figure, and each render once the renderer is warm (fonts loaded).

With ``--before DIR`` (another relgraph checkout) each relgraph command runs alternately in
both checkouts, and the table gives wall and CPU seconds (user + system of the command and its
children) and their ratios to that checkout's.

Usage: python bench/brief.py [--db PATH] [--articles N] [--runs N] [--before DIR]
[--before-db PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_store  # noqa: E402

from graph.briefing.content import build_briefing  # noqa: E402
from graph.briefing.pack import PNG_DPI, pack_files, picture  # noqa: E402
from graph.core.choices import DEFAULT_TOP  # noqa: E402
from graph.slices.corpus import Corpus  # noqa: E402
from graph.views.exports import write_graph  # noqa: E402
from graph.views.image import figure_bytes  # noqa: E402
from graph.views.rules import view_graph  # noqa: E402

ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/")}


def median(times: list[float]) -> float:
    return sorted(times)[len(times) // 2]


def run_once(command: list[str], shell: bool = False, code: Path = ROOT) -> tuple[float, float]:
    """(wall s, CPU s) of one run of ``command`` (``code``: the relgraph checkout it imports,
    and its working directory: ``python -c`` puts the working directory first on the path);
    CPU is user + system time of the command and every process it waited for, which depends
    less than wall time on what else the machine runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command if not shell else " ".join(command), shell=shell, check=True,
                   capture_output=True, env={**ENV, "PYTHONPATH": str(code)}, cwd=code)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(command: list[str], runs: int, shell: bool = False, code: Path = ROOT
          ) -> tuple[float, float]:
    """Median (wall, CPU) seconds of ``command``."""
    got = [run_once(command, shell, code) for _ in range(runs)]
    return median([w for w, _ in got]), median([c for _, c in got])


def paired(command: list[str], runs: int, before: Path | None,
           before_command: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of ``command`` in this checkout and, with ``before``, of
    ``before_command`` (default the same) in that one, the two run alternately (so both see
    the same load)."""
    codes = {"now": ROOT, **({"before": before.resolve()} if before else {})}
    commands = {"now": command, "before": before_command or command}
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in codes}
    for _ in range(runs):
        for key, code in codes.items():
            times[key].append(run_once(commands[key], code=code))
    return {k: (median([w for w, _ in v]), median([c for _, c in v])) for k, v in times.items()}


def relgraph(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from graph.cli.main import main; "
            "sys.exit(main())", *args]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="/tmp/relgraph-bench/synthetic-10000.db",
                   help="the synthetic store (built if it has fewer articles)")
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=3, help="runs per whole command (median)")
    p.add_argument("--before", metavar="DIR", type=Path,
                   help="also time the commands of another relgraph checkout (same run)")
    p.add_argument("--before-db", metavar="PATH", type=Path,
                   help="the store --before's commands read (default --db): a copy of it "
                        "made before this checkout upgraded its schema, when an older "
                        "checkout refuses the newer schema")
    args = p.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    store = synthetic_store(db, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        G = view_graph(store, top=DEFAULT_TOP)  # the default view, as the CLI draws it
        print(f"store: {store.counts()['articles']:,} articles; view: {len(G)} actors, "
              f"{G.number_of_edges()} links", flush=True)
        graphml = out / "view.graphml"
        write_graph(G, "graphml", graphml)
        rows: list[tuple[str, tuple[float, float]]] = []  # (name, (wall, CPU))
        sfdp, convert = shutil.which("sfdp"), shutil.which("graphml2gv")
        if sfdp and convert:
            subprocess.run([convert, "-o", str(out / "view.gv"), str(graphml)], check=True,
                           capture_output=True)
            conv = timed([convert, "-o", str(out / "view.gv"), str(graphml)], args.runs)
            for fmt in ("png", "svg"):
                draw = timed([sfdp, f"-T{fmt}", "-Goverlap=prism", "-o", str(out / f"gv.{fmt}"),
                              str(out / "view.gv")], args.runs)
                rows.append((f"baseline: graphml2gv + sfdp -T{fmt} (labelled)",
                             (conv[0] + draw[0], conv[1] + draw[1])))
        else:
            print("baseline skipped: sfdp (Graphviz) not installed", flush=True)
        rows.append(("python -c pass (interpreter start-up)",
                     timed([sys.executable, "-c", "pass"], args.runs)))
        commands = [("export -f png (briefing image)",
                      ["export", "--db", str(db), "-f", "png", "-o", str(out / "brief.png")]),
                     ("export -f svg (briefing image)",
                      ["export", "--db", str(db), "-f", "svg", "-o", str(out / "brief.svg")]),
                     ("brief (pptx + pdf + md/svg)",
                      ["brief", "--db", str(db), "-o", str(out / "pack")])]
        old_db = str(args.before_db or db)
        measured = [(name, paired(relgraph(*command), args.runs, args.before,
                                  relgraph(*[old_db if x == str(db) else x for x in command])))
                     for name, command in commands]
        rows += [(f"relgraph {name}", got["now"]) for name, got in measured]
        base = rows[0][1] if sfdp and convert else None
        print(f"\n{'whole command, median of ' + str(args.runs):<52}{'wall s':>8}"
              f"{'CPU s':>7}{'CPU / sfdp png':>16}")
        for name, (wall, cpu) in rows:
            ratio = f"{cpu / base[1]:>16.1f}" if base and base[1] else f"{'-':>16}"
            print(f"{name:<52}{wall:>8.2f}{cpu:>7.2f}{ratio}")
        print(f"\n{'relgraph, median of ' + str(args.runs) + ' (alternating)':<40}"
              f"{'wall s':>8}{'CPU s':>8}" + (f"{'wall/before':>13}{'CPU/before':>12}"
                                             if args.before else ""))
        for name, got in measured:
            for key in ("before", "now"):
                if key not in got:
                    continue
                wall, cpu = got[key]
                line = f"{key + ': ' + name:<40}{wall:>8.2f}{cpu:>8.2f}"
                if key == "now" and "before" in got:
                    line += f"{wall / got['before'][0]:>13.2f}{cpu / got['before'][1]:>12.2f}"
                print(line)
        in_process(store)


def in_process(store) -> None:  # noqa: ANN001
    """Where a pack's time goes, in one process (the renderer warmed first): wall and CPU
    seconds of each step."""
    steps: list[tuple[str, float, float]] = []

    def step(name: str, run) -> object:  # noqa: ANN001
        t0, c0 = time.perf_counter(), time.process_time()
        got = run()
        steps.append((name, time.perf_counter() - t0, time.process_time() - c0))
        return got
    G = step("read the view (SQL for its actors: top_view)",
             lambda: view_graph(store, top=DEFAULT_TOP))
    slow = step("read the view (corpus loaded: other slices)",
                lambda: view_graph(store, top=DEFAULT_TOP, corpus=Corpus.load(store)))
    assert sorted(slow) == sorted(G)  # the same actors either way
    b = step("build the briefing (view again, evidence, sources)",
             lambda: build_briefing(store))
    fig = step("lay out the figure (positions, names, legend)", lambda: picture(b))
    figure_bytes(fig, "svg")  # fonts loaded from here on
    for fmt in ("png", "pdf", "svg"):
        step(f"render {fmt} (warm)",
             lambda fmt=fmt: figure_bytes(fig, fmt, PNG_DPI if fmt == "png" else 150))
    step("whole pack from a built briefing (3 renders + files)",
         lambda: pack_files(b, "pack"))
    print(f"\n{'in one process (' + str(len(G)) + ' actors)':<56}{'wall s':>8}{'CPU s':>7}")
    for name, wall, cpu in steps:
        print(f"{name:<56}{wall:>8.2f}{cpu:>7.2f}")


if __name__ == "__main__":
    main()
