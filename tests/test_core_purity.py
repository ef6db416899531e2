"""The core and `whytui lint` load neither Textual nor git, proved in a fresh interpreter.

CI runs `whytui lint` on every pull request: it must start fast and must not depend on a
terminal UI or on git. In-process tests can't show this (pytest has long since imported
everything), so each check runs in its own `python -c`.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CORE = ("models", "sessionfile", "judge", "rules", "config", "edits")

PROBE = """
import json, sys
{imports}
{run}
heavy = sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("textual", "git") or name.startswith("whytui.ui")
)
print(json.dumps({{"heavy": heavy, "lint_loaded": "whytui.lint" in sys.modules}}))
"""


def probe(run: str, *args: str, cwd: Path = REPO) -> dict[str, object]:
    imports = "\n".join(f"import whytui.{name}" for name in CORE)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(imports=imports, run=run), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_importing_the_core_loads_no_textual_or_git() -> None:
    assert probe("") == {"heavy": [], "lint_loaded": False}


@pytest.mark.parametrize(
    "args",
    [
        [],  # the repository's sessions folder, found from the working folder
        ["--format", "github", "sessions"],
        ["--format", "json", "sessions/missing.toml"],
    ],
)
def test_running_lint_loads_no_textual_or_git(args: list[str]) -> None:
    run = "from whytui.cli import main\nmain(['lint', *sys.argv[1:]])"
    assert probe(run, *args) == {"heavy": [], "lint_loaded": True}
