"""CI runs the README's test command exactly: the two must not drift apart."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Tests"):]
    command = re.search(r"```bash\n(.+?)\n```", section).group(1)
    assert f"{command} || exit $?" in (ROOT / ".ci" / "run").read_text()
    assert "lint-imports" in command and "mypy" in command
