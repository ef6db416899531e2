"""Closing the terminal, or being told to stop, saves the newest edit and frees the file.

whytui runs on a pseudo-terminal of 80x24 as a person's would. The test waits until the
screen shows the tree, adds a why with the keys a facilitator presses, waits until the tree
shows it, and then at once hangs the terminal up (closes its end of the pty, as closing a
window or a tmux pane does), or sends SIGHUP or SIGTERM. Autosave waits a minute in this
run, so the why is on disk only if the hang-up handling wrote it. The lock must be gone too.
"""

import contextlib
import datetime as dt
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from whytui.core.models import Session
from whytui.store import sessionfile
from whytui.store.lock import lock_path

TARGET = Path(__file__).with_name("hangup_target.py")
TIMEOUT = 60.0
"""Seconds allowed for each thing to show up: startup on a busy machine included."""
PROBLEM = "Checkout returned 500s for 12 minutes."
WHY = "The pool allows 10 connections"
_CONTROL = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class Terminal:
    """whytui running on a pty: keys in, screen text out."""

    def __init__(self, session_path: Path, state: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=str(state))
        self.process = subprocess.Popen(
            [sys.executable, str(TARGET), str(session_path)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def _read(self, wait: float) -> bool:
        """Read what is there within `wait` seconds; False once the terminal has no writer."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every process on the other end has gone
            return False
        self.output += chunk
        return bool(chunk)

    def screen_text(self) -> str:
        return _CONTROL.sub(b"", self.output).decode("utf-8", "replace")

    def wait_for(self, text: str) -> None:
        """Read the screen until `text` shows (or fail after TIMEOUT)."""
        deadline = time.monotonic() + TIMEOUT
        while text not in self.screen_text():
            assert self.process.poll() is None, f"whytui exited: {self.screen_text()[-2000:]}"
            assert time.monotonic() < deadline, f"{text!r} never showed: {self.screen_text()}"
            self._read(0.2)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for_exit(self) -> int:
        """Keep reading (a full pty would stall its writes) until whytui has exited."""
        deadline = time.monotonic() + TIMEOUT
        while self.process.poll() is None and time.monotonic() < deadline:
            if not self._read(0.2):
                break
        return self.process.wait(timeout=max(deadline - time.monotonic(), 1))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):  # already closed: the terminal was hung up
            os.close(self.master)


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
    terminal = Terminal(path, tmp_path / "state")
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
