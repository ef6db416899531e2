"""The open file, watched: a change made behind the app is asked about, never written over.

Once a second (one stat while the file is untouched) the app looks at its file. A change is
followed at once, quietly, by a read-only window, which has nothing to lose; an editing window
pauses saving and asks (`DiskChangedScreen`): reload the version on disk, with what was unsaved one
undo away, or keep this one, with the version on disk copied beside it first.
"""

import asyncio
from collections.abc import Callable
from typing import Any

from textual.app import App

from whytui.store.ondisk import DiskChange
from whytui.store.open_session import OpenSession
from whytui.ui.screens.disk_changed import DiskChangedScreen

CHECK_EVERY = 1.0
"""Seconds between looks at the file for changes made behind the app."""


class DiskWatch:
    def __init__(
        self,
        app: App[Any],
        document: OpenSession,
        shown: Callable[[], None],
        followed: Callable[[], None],
    ) -> None:
        """`shown` is called after the document's session was replaced from disk; `followed`
        after a read-only window took in a save of the window that holds the file."""
        self._app = app
        self._document = document
        self._shown = shown
        self._followed = followed

    def start(self) -> None:
        self._app.set_interval(CHECK_EVERY, self._check_soon)

    def _check_soon(self) -> None:
        self._app.run_worker(self.check(), group="disk-check", exclusive=True)

    async def check(self) -> None:
        """Look at the file now, and ask if it changed behind the app."""
        self.checked(await asyncio.to_thread(self._document.check))

    def _question(self) -> DiskChangedScreen | None:
        found = [s for s in self._app.screen_stack if isinstance(s, DiskChangedScreen)]
        return found[-1] if found else None

    def checked(self, change: DiskChange | None) -> None:
        """Act on what a look at the file (or a refused save) found."""
        question = self._question()
        if change is None:
            if question is not None and question is self._app.screen:
                question.dismiss(None)  # the file is back to what this whytui wrote
            return
        if self._document.read_only:
            if self._document.follow(change):
                self._shown()
                self._followed()
            return
        unsaved = self._document.dirty
        if question is not None:
            question.show(change, unsaved)
            return
        asking = DiskChangedScreen(change, unsaved)

        def answered(choice: str | None) -> None:
            if choice == "reload":
                self._reload(asking.change)  # what the question showed last
            elif choice == "keep":
                self._keep()

        self._app.push_screen(asking, answered)

    def _reload(self, change: DiskChange) -> None:
        dropped = self._document.reload(change)
        self._shown()
        said = " Your unsaved changes were dropped from this window; u brings them back."
        self._app.notify(
            f"Reloaded {change.path.name} from disk.{said if dropped else ''}",
            markup=False,
            timeout=12,
        )

    def _keep(self) -> None:
        name = self._document.path.name
        try:
            backup = self._document.keep_both()
        except OSError as error:
            self._app.notify(
                f"Nothing was written: the version on disk could not be copied aside "
                f"({error.strerror or error}). Check the folder's permissions and free space.",
                title="Not saved",
                severity="error",
                timeout=20,
                markup=False,
            )
            self.checked(self._document.check())
            return
        if backup is None:
            self._app.notify(f"Wrote your version back to {name}.", markup=False)
            return
        self._app.notify(
            f"Kept your version in {name}. The version from disk is beside it as "
            f"{backup.name}: compare the two and carry over what you need.",
            title="Both kept",
            timeout=20,
            markup=False,
        )
