"""When the open document is written: half a second after the typing stops, or now.

Every change is offered to the document at once, but written only once the edits pause, so a
burst of edits is one write; the write runs in a worker thread, so typing never waits for the
disk. A write refused because the file changed behind the app is handed on (the app asks the
facilitator); one that failed (permissions, a full disk) is said, and tried again on the next
change, the edits kept in the window meanwhile.
"""

import asyncio
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.timer import Timer

from whytui.store.ondisk import ChangedOnDisk, DiskChange
from whytui.store.open_session import OpenSession

AUTOSAVE_DELAY = 0.5
"""Seconds after the last change before it is written: one write for a burst of edits."""


class Saving:
    def __init__(
        self,
        app: App[Any],
        document: OpenSession,
        cursor: Callable[[], str],
        refused: Callable[[DiskChange], None],
    ) -> None:
        """`cursor` says where the facilitator is (remembered with each save); `refused` is
        told of a save refused because the file changed on disk."""
        self._app = app
        self._document = document
        self._cursor = cursor
        self._refused = refused
        self._timer: Timer | None = None

    def changed(self) -> None:
        """The document changed: write it once the edits pause."""
        if not self._document.dirty:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(AUTOSAVE_DELAY, self._in_background)

    def _in_background(self) -> None:
        self._timer = None
        cursor = self._cursor()

        def save() -> None:
            error = self._document.flush(cursor)
            if isinstance(error, ChangedOnDisk):
                self._app.call_from_thread(self._refused, error.change)
            elif error is not None:
                self._app.call_from_thread(self._failed, error)

        self._app.run_worker(save, thread=True, group="autosave", exit_on_error=False)

    async def now(self) -> OSError | None:
        """Write everything changed so far; returns when it is on disk (or failed)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        error = await asyncio.to_thread(self._document.flush, self._cursor())
        if isinstance(error, ChangedOnDisk):
            self._refused(error.change)
        return error

    def _failed(self, error: OSError) -> None:
        self._app.notify(
            f"Could not save {self._document.path}: {error.strerror or error}. Your changes "
            "are kept in this window and saving is tried again on the next change; check the "
            "folder's permissions and free space.",
            title="Not saved",
            severity="error",
            timeout=20,
            markup=False,
        )

    def not_quitting(self, error: OSError) -> str:
        """Why quitting waits for a second ctrl+q, when the last save failed."""
        if isinstance(error, ChangedOnDisk):
            return (
                f"{error.strerror}. Answer the question first (r or k), or press ctrl+q again "
                "to quit keeping both: yours written to the file, the one on disk copied "
                "beside it."
            )
        return (
            f"Could not save {self._document.path}: {error.strerror or error}. Your last "
            "changes are only in this window. Press ctrl+q again to quit without them, or fix "
            "the problem (permissions, free space) and keep editing: saving is tried again."
        )
