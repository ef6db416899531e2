"""Saving the newest session, one write at a time, from whichever thread asks.

The app offers every new session here and asks for a flush a moment later from a worker
thread, so typing never waits for the disk. Only the newest offered session is written (a
burst of edits is one write), writes never overlap, and a flush that returns has written
everything offered before it: the app awaits one on quit and tests await one instead of
sleeping.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whytui.core.models import Session
from whytui.store import sessionfile

Save = Callable[[Session, Path], None]


class Autosaver:
    def __init__(self, path: Path, save: Save | None = None) -> None:
        """`save` defaults to `sessionfile.save`, looked up at each write."""
        self.path = path
        self._save = save
        self._pending: Session | None = None
        self._written: Session | None = None
        self._state = threading.Lock()
        self._writing = threading.Lock()

    def offer(self, session: Session) -> None:
        """Note `session` as the one to write next."""
        with self._state:
            self._pending = session

    @property
    def dirty(self) -> bool:
        with self._state:
            return self._pending is not None

    def flush(self) -> Session | None:
        """Write the newest offered session, if it is not written yet; return what was written.

        Blocks while another flush writes. On an error the session stays pending, so the next
        flush tries again, and the error propagates to say what went wrong.
        """
        with self._writing:
            with self._state:
                session, self._pending = self._pending, None
            if session is None or session is self._written:
                return None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                (self._save or sessionfile.save)(session, self.path)
            except BaseException:
                with self._state:
                    if self._pending is None:
                        self._pending = session
                raise
            self._written = session
            return session

    @contextmanager
    def writes_held(self) -> Iterator[None]:
        """No write runs or starts inside: for settling what is on disk some other way."""
        with self._writing:
            yield

    def on_disk(self, session: Session) -> None:
        """`session` is what the file holds now (read from it or written another way)."""
        with self._state:
            if self._pending is session:
                self._pending = None
            self._written = session

    def reloaded(self, session: Session) -> None:
        """The file was read back as `session`, dropping whatever was still to write."""
        with self._state:
            self._pending = None
            self._written = session
