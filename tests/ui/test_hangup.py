"""Closing the terminal, or being told to stop, saves the newest edit and frees the file.

whytui runs on a pseudo-terminal of 80x24 as a person's would. The test waits until the
screen shows the tree, adds a why with the keys a facilitator presses, waits until the tree
shows it, and then at once hangs the terminal up (closes its end of the pty, as closing a
window or a tmux pane does), or sends SIGHUP or SIGTERM. Autosave waits a minute in this
run, so the why is on disk only if the hang-up handling wrote it. The lock must be gone too.
"""

import datetime as dt
import os
import signal
from pathlib import Path

import pytest
from pty_terminal import TIMEOUT, Terminal

from whytui.core.models import Session
from whytui.store import sessionfile
from whytui.store.lock import lock_path

PROBLEM = "Checkout returned 500s for 12 minutes."
WHY = "The pool allows 10 connections"


def _session_file(folder: Path) -> Path:
    session = Session(title="Checkout errors", date=dt.date(2026, 11, 27), problem=PROBLEM)
    folder.mkdir()
    path = folder / "2026-11-27-checkout-errors-0a1b.toml"
    sessionfile.save(session, path)
    return path


@pytest.mark.parametrize(
    ("how", "status"),
    [("terminal-closed", 128 + signal.SIGHUP), ("SIGHUP", 128 + signal.SIGHUP),
     ("SIGTERM", 128 + signal.SIGTERM)],
)  # fmt: skip
def test_a_hang_up_saves_the_edit_just_made_and_frees_the_file(
    tmp_path: Path, how: str, status: int
) -> None:
    path = _session_file(tmp_path / "sessions")
    terminal = Terminal(["open", str(path)], tmp_path / "state", autosave_delay=60.0)
    try:
        terminal.wait_for(f"Problem: {PROBLEM}")
        assert lock_path(path).exists(), "the app holds the lock while open"
        terminal.type("a")
        terminal.wait_for("Why? under")
        terminal.type(WHY + "\r")
        terminal.wait_for(f"? {WHY}")  # the tree line of the new open leaf
        assert [n.text for n in sessionfile.load(path).nodes] == [], "not autosaved yet"
        if how == "terminal-closed":
            os.close(terminal.master)
            code = terminal.process.wait(timeout=TIMEOUT)
        else:
            terminal.process.send_signal(getattr(signal, how))
            code = terminal.wait_for_exit()
            given_back = b"\x1b[?1049l" in terminal.output
            assert given_back, "the terminal was given back: the alternate screen was left"
    finally:
        terminal.close()
    assert code == status
    assert [n.text for n in sessionfile.load(path).nodes] == [WHY]
    assert not lock_path(path).exists()
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temp files left"
