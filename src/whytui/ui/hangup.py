"""Save and unlock when the terminal goes: SIGHUP (the window or tmux pane closed), SIGTERM.

Textual 8 leaves both signals to their default, which ends the process on the spot: the last
half second of typing, not yet autosaved, would be lost and the lock left behind
(Textualize/textual#5140). The handler runs between two bytecodes of the main thread, whose
event loop may be stuck writing to a terminal that is gone, so the work is handed to a thread
of its own; the session is an immutable value, safe to write from there.
"""

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from textual.app import App

SIGNALS = ("SIGHUP", "SIGTERM")
GRACE = 3.0
"""Seconds the app gets to leave the terminal tidy after a hang-up, its work already saved.
After a terminal closes, Textual's writes to it can block for good; the process then ends."""


class HangUps:
    def __init__(self, app: App[Any], save: Callable[[], None]) -> None:
        """`save` writes what is unsaved and unlocks; it is called once, off the main thread."""
        self._app = app
        self._save = save
        self._previous: dict[int, Any] = {}
        self._hanging_up = False

    def catch(self) -> None:
        """From now on a hang-up saves, then ends the app (call on mount)."""
        if threading.current_thread() is not threading.main_thread():
            return
        self._loop = asyncio.get_running_loop()
        for name in SIGNALS:
            signum = getattr(signal, name, None)
            if signum is not None:
                self._previous[signum] = signal.signal(signum, self._on_signal)

    def restore(self) -> None:
        """Put the handlers back as they were (call on unmount)."""
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        self._previous.clear()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self._hanging_up:
            return
        self._hanging_up = True
        threading.Thread(
            target=self._hang_up, args=(signum,), name="whytui-hangup", daemon=True
        ).start()

    def _hang_up(self, signum: int) -> None:
        status = 128 + signum
        try:
            self._save()
        finally:
            self._loop.call_soon_threadsafe(lambda: self._app.exit(return_code=status))
        if not self._app.is_headless:
            threading.Event().wait(GRACE)
            os._exit(status)
