"""whytui on a pseudo-terminal of its own, driven the way a person's terminal drives it.

Keys go in as bytes, in one write when a test wants a burst; the screen comes back as the
bytes the app wrote, with escape sequences stripped for reading. The app runs
`tests/ui/app_target.py`, which makes the pty its controlling terminal (so closing the pty's
other end hangs it up, as closing a window or a tmux pane does).
"""

import contextlib
import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

TARGET = Path(__file__).with_name("app_target.py")
TIMEOUT = 60.0
"""Seconds allowed for each thing to show up: startup on a busy machine included."""
_CONTROL = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class Terminal:
    """whytui running on a pty: keys in, screen text out."""

    def __init__(
        self,
        args: list[str],
        state: Path,
        *,
        size: tuple[int, int] = (80, 24),
        autosave_delay: float | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """`args`: the whytui command line (`["open", PATH]`); `size`: columns, rows."""
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=str(state))
        environment.update(env or {})
        if autosave_delay is not None:
            environment["WHYTUI_TEST_AUTOSAVE_DELAY"] = str(autosave_delay)
        self.process = subprocess.Popen(
            [sys.executable, str(TARGET), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
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

    def mark(self) -> int:
        """Where the output is now: `wait_for(…, since=mark)` looks only at what comes after."""
        return len(self.output)

    def wait_for(self, text: str, since: int = 0) -> None:
        """Read the screen until `text` shows (or fail after TIMEOUT)."""
        self.wait_until(lambda: text in self._text_since(since), f"{text!r} to show")

    def _text_since(self, since: int) -> str:
        return _CONTROL.sub(b"", self.output[since:]).decode("utf-8", "replace")

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Keep reading the screen until `condition()` holds (or fail after TIMEOUT)."""
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            assert self.process.poll() is None, f"whytui exited: {self.screen_text()[-2000:]}"
            assert time.monotonic() < deadline, f"waited for {what}: {self.screen_text()[-3000:]}"
            self._read(0.1)

    def type(self, keys: str) -> None:
        """Write `keys` in one write: one burst, as a laggy link or tmux delivers them."""
        os.write(self.master, keys.encode())

    def paste(self, text: str) -> None:
        """A bracketed paste, as a terminal sends one."""
        self.type(PASTE_START + text + PASTE_END)

    def wait_for_exit(self) -> int:
        """Keep reading (a full pty would stall its writes) until whytui has exited."""
        deadline = time.monotonic() + TIMEOUT
        while self.process.poll() is None and time.monotonic() < deadline:
            if not self._read(0.1):
                break
        return self.process.wait(timeout=max(deadline - time.monotonic(), 1))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):  # already closed: the terminal was hung up
            os.close(self.master)
