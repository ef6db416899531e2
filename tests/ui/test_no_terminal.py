"""Without a terminal, the interactive commands say so and exit 2 at once: never spin.

`whytui < /dev/null` in a script, a CI step that runs `whytui demo` by mistake, an editor's
task runner, `TERM=dumb`: each is a real process here, with a timeout that would catch a hang.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pty_terminal import Terminal
from whyapp_kit import demo_session

from whytui.store import sessionfile

COMMANDS = [["demo"], ["open", "{path}"], ["new", "Checkout outage"], []]


def _session(tmp_path: Path) -> Path:
    path = tmp_path / "sessions" / "2026-10-16-demo-4f2a.toml"
    path.parent.mkdir(parents=True)
    sessionfile.save(demo_session(), path)
    return path


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "whytui")
def test_no_terminal_on_stdin_or_stdout_exits_2_with_a_message(
    tmp_path: Path, args: list[str]
) -> None:
    path = _session(tmp_path)
    (tmp_path / ".git").mkdir()
    command = [sys.executable, "-m", "whytui", *(a.format(path=path) for a in args)]
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), TERM="xterm-256color")
    result = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=tmp_path,
        env=env, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "the app needs a terminal" in result.stderr
    assert "standard input is not a terminal" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "cache").exists(), "nothing was made: no demo copy"


def test_term_dumb_exits_2_even_on_a_real_terminal(tmp_path: Path) -> None:
    path = _session(tmp_path)
    terminal = Terminal(["open", str(path)], tmp_path / "state", env={"TERM": "dumb"})
    try:
        code = terminal.wait_for_exit()
    finally:
        terminal.close()
    assert code == 2
    assert "TERM is dumb" in terminal.screen_text()
