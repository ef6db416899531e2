"""The core touches no disk, no terminal and no git; `whytui lint` loads neither Textual nor git.

The core's promise is read off its source: every module under `whytui/core/` is parsed and
its imports checked, so a new module is covered the day it is added. What a process loads is
checked in a fresh interpreter (pytest has long since imported everything), each in its own
`python -c`.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORE = REPO / "src" / "whytui" / "core"

FORBIDDEN_ROOTS = {
    "textual": "the terminal UI",
    "rich": "the terminal UI",
    "git": "git (GitPython)",
    "os": "the filesystem",
    "shutil": "the filesystem",
    "tempfile": "the filesystem",
    "glob": "the filesystem",
    "subprocess": "other processes",
    "socket": "the network",
    "platformdirs": "the user's folders",
    "tomli": "reading files (the store's work)",
    "tomllib": "reading files (the store's work)",
}
FORBIDDEN_WHYTUI = ("whytui.store", "whytui.git", "whytui.ui", "whytui.commands")
PURE_PATHLIB = {"PurePath", "PurePosixPath", "PureWindowsPath"}


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _violations(path: Path) -> list[str]:
    """What in this module reaches outside the core: an import, a concrete path, `open`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "pathlib":
                found += [
                    f"line {node.lineno}: pathlib.{alias.name} (only pure paths: no disk)"
                    for alias in node.names
                    if alias.name not in PURE_PATHLIB
                ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and (node.func.id == "open")
        ):
            found.append(f"line {node.lineno}: open() reads or writes a file")
        for name in names:
            root = name.split(".")[0]
            if root in FORBIDDEN_ROOTS:
                found.append(f"line {node.lineno}: imports {name} ({FORBIDDEN_ROOTS[root]})")
            if name == "pathlib" and isinstance(node, ast.Import):
                found.append(f"line {node.lineno}: imports pathlib whole (only pure paths)")
            if name.startswith(FORBIDDEN_WHYTUI):
                found.append(f"line {node.lineno}: imports {name} (outside the core)")
    return found


def test_the_core_folder_holds_the_core() -> None:
    names = {p.stem for p in _core_modules()}
    assert {"models", "edits", "rules", "render", "patterns", "followup", "text"} <= names


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_no_core_module_reaches_the_disk_the_terminal_or_git(module: Path) -> None:
    assert _violations(module) == []


def test_the_walk_catches_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nfrom pathlib import Path\nfrom whytui.store import lock\n"
        "from textual.app import App\nimport git\nopen('x')\n",
        encoding="utf-8",
    )
    assert len(_violations(bad)) == 6


ROOMS = ("core", "store", "git", "trackers", "commands", "ui")
"""Each room may import the rooms before it: never one after it."""
LATER_ALLOWED = {("commands", "ui")}
"""Except the commands that open the app, which import the UI (inside the command)."""


def _whytui_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("whytui.")}


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_imports_only_the_rooms_before_it(room: str) -> None:
    allowed = set(ROOMS[: ROOMS.index(room) + 1])
    wrong = []
    for module in sorted((CORE.parent / room).rglob("*.py")):
        for name in _whytui_imports(module):
            target = name.split(".")[1]
            if target in ROOMS and target not in allowed and (room, target) not in LATER_ALLOWED:
                wrong.append(f"{module.relative_to(CORE.parent)} imports {name}")
    assert wrong == []


PROBE = """
import json, sys
{imports}
{run}
heavy = sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("textual", "git") or name.startswith("whytui.ui")
)
print(json.dumps({{"heavy": heavy, "lint_loaded": "whytui.store.lint" in sys.modules}}))
"""


def probe(run: str, *args: str, cwd: Path = REPO) -> dict[str, object]:
    modules = [
        ".".join(("whytui", *p.relative_to(CORE.parent).with_suffix("").parts))
        for p in _core_modules()
    ]
    imports = "\n".join(f"import {name.removesuffix('.__init__')}" for name in modules)
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
    run = "from whytui.commands.cli import main\nmain(['lint', *sys.argv[1:]])"
    assert probe(run, *args) == {"heavy": [], "lint_loaded": True}
