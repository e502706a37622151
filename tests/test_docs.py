"""Documentation cannot rot: every command and option of the CLI appears in the README, and
every command's --help (through click's runner) has its text and an example."""

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli.commands import COMMANDS
from graph.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group = cli, path: tuple[str, ...] = ()):
    """Every command under ``group`` as (path, command), subgroups and their commands too,
    found the way click finds them (``list_commands``/``get_command``: they load lazily)."""
    ctx = click.Context(group, info_name="relgraph")
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


ALL = dict(commands())


def test_the_table_names_every_command_once():
    assert [p[0] for p in ALL if len(p) == 1] == list(COMMANDS)
    assert ("aliases", "import") in ALL and ("aliases", "export") in ALL


@pytest.mark.parametrize("path", sorted(ALL), ids=" ".join)
def test_command_has_help_and_is_documented(path):
    command = ALL[path]
    assert command.help and "Example:" in command.help
    assert re.search(rf"`relgraph {path[0]}\b", README), f"relgraph {path[0]} not in README"
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="relgraph")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: relgraph {' '.join(path)} ")
    assert "Example: relgraph " in result.output
    if len(path) == 1:  # the one line `relgraph --help` lists is the command's own short help
        assert command.get_short_help_str(limit=200) == COMMANDS[path[0]].summary


@pytest.mark.parametrize("path,option", sorted(
    (path, opt) for path, command in ALL.items() for param in command.params
    if isinstance(param, click.Option)
    for opt in param.opts + param.secondary_opts if opt.startswith("--")))
def test_every_option_is_documented(path, option):
    assert option in README, f"{option} of relgraph {' '.join(path)} not in README"


def test_every_option_shows_in_its_commands_help():
    runner = CliRunner()
    for path, command in ALL.items():
        shown = runner.invoke(cli, [*path, "--help"], prog_name="relgraph").output
        for param in command.params:
            for opt in param.opts if isinstance(param, click.Option) else ():
                assert opt in shown, (path, opt)


def test_the_command_list_loads_no_command():
    """`relgraph --help` lists every command with its line from the table, importing none of
    their modules (they import the store, networkx and the readers: most of a second)."""
    import subprocess
    import sys

    code = ("import sys; from graph.cli.main import main; main(['--help']); "
            "print(sorted(m for m in sys.modules if m.startswith('graph.') and "
            "m.split('.')[1] not in ('cli', 'core') or m.split('.')[0] in "
            "('sqlalchemy', 'networkx', 'rich')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    *help_lines, loaded = run.stdout.strip().splitlines()
    assert loaded == "[]", loaded
    listed = dict(line.split(None, 1) for line in help_lines[help_lines.index("Commands:") + 1:])
    assert listed == {name: entry.summary for name, entry in COMMANDS.items()}


def test_export_help_groups_the_slice_filters_and_the_image_options():
    shown = CliRunner().invoke(cli, ["export", "--help"], prog_name="relgraph").output
    at = shown.index
    assert at("Options:") < at("-f, --format") < at("Slice filters:") < at("--kind") \
        < at("--top N") < at("Image options (png, svg, pdf):") < at("--dpi") < at("--path")
