"""WhyApp: one session file, edited by one facilitator, never lost.

The app owns the session (a reactive `session` of frozen `Session` values) and everything that
makes editing it safe: the undo and redo stacks, the lock that makes a second whytui on the
same file read-only, the autosave that writes each change atomically from a worker thread
half a second after the typing stops, the watch on the file that asks before writing over
someone else's change to it, and the save on hang-up (SIGHUP, SIGTERM) before the process
goes. Screens and widgets change the session only by posting `EditSession`; they read
`session`, `config`, `path` and `read_only` from here.
"""

import asyncio
import datetime as dt
import importlib
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from whytui.core.config import Config
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.store import lock
from whytui.store.autosave import Autosaver
from whytui.store.cursor import CursorMemory
from whytui.store.ondisk import ChangedOnDisk, DiskChange, SessionFile
from whytui.store.recovery import clean_stale_temps
from whytui.store.repo_config import config_for
from whytui.ui.messages import EditSession, JumpTo
from whytui.ui.palette import WhyCommands
from whytui.ui.resources import stylesheet
from whytui.ui.screens.disk_changed import DiskChangedScreen
from whytui.ui.screens.session import SessionScreen

AUTOSAVE_DELAY = 0.5
"""Seconds after the last change before it is written: one write for a burst of edits."""
DISK_CHECK_EVERY = 1.0
"""Seconds between looks at the file for changes made behind the app (one stat each)."""
HANGUP_SIGNALS = ("SIGHUP", "SIGTERM")
HANGUP_GRACE = 3.0
"""Seconds the app gets to leave the terminal tidy after a hang-up, its work already saved.
After a terminal closes, Textual's writes to it can block for good; the process then ends."""
UNDO_LIMIT = 500
THEMES = ("textual-dark", "textual-light")


@dataclass(frozen=True, slots=True)
class Change:
    """A session as it was before an edit, and what that edit was called."""

    session: Session
    label: str


class WhyApp(App[None]):
    CSS_PATH = stylesheet("app.tcss")
    COMMANDS = App.COMMANDS | {WhyCommands}
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u,ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last change"),
        Binding("U,ctrl+y", "redo", "Redo", id="redo", show=False,
                tooltip="Redo the change just undone"),
        Binding("A", "actions", "Actions", id="actions", tooltip="Action items"),
        Binding("C", "closing", "Close", id="closing",
                tooltip="The closing checklist: what still keeps this review open"),
        Binding("D", "details", "Details", id="details", show=False,
                tooltip="Title, date, incidents, facilitator, participants, services"),
        Binding("O", "overdue", "Overdue", id="overdue", show=False,
                tooltip="Overdue action items across every session"),
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Every key"),
        Binding("ctrl+t", "toggle_theme", "Theme", id="theme", show=False,
                tooltip="Switch between the dark and the light theme"),
        Binding("ctrl+p", "command_palette", "Commands", id="palette", show=False,
                tooltip="Search every command"),
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False, priority=True,
                tooltip="Save and quit"),
    ]  # fmt: skip

    session: var[Session] = var(Session.model_construct(title="", date=dt.date.min, problem=""))
    config: var[Config] = var(Config())

    def __init__(
        self,
        path: Path,
        *,
        session: Session | None = None,
        config: Config | None = None,
        state_dir: Path | None = None,
        new: bool = False,
    ) -> None:
        """Open `path` (read now: an unreadable file raises `InputError` before any screen).

        `new`: the session is not written yet; ask for its problem statement first.
        """
        super().__init__()
        self.path = path
        if session is None:
            self.disk, session = SessionFile.open(path)
        else:
            self.disk = SessionFile.watch(path)
        self.set_reactive(WhyApp.session, session)
        self.set_reactive(WhyApp.config, config or config_for(path.parent))
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._autosaver = Autosaver(path, save=self.disk.save)
        self._save_timer: Timer | None = None
        self._quit_unsaved = False
        self._asking: DiskChange | None = None
        """The change on disk the facilitator is being asked about; saving waits for it."""
        self._previous_handlers: dict[int, Any] = {}
        self._hanging_up = False
        self.exit_notes: list[str] = []
        """Said on the terminal after the app has gone (what an exit did with the file)."""
        if state_dir is None:
            from platformdirs import user_state_path

            state_dir = user_state_path("whytui")
        self._cursor = CursorMemory(state_dir)
        self.session_screen = SessionScreen(self._cursor.recall(path) or ROOT_ID, ask_problem=new)
        self.lock_notice = ""
        self._lock: lock.SessionLock | None = None
        try:
            taken = lock.acquire(path)
        except OSError as error:
            self.lock_notice = f"no lock file could be made ({error.strerror or error})"
        else:
            if isinstance(taken, lock.Held):
                self.lock_notice = f"{taken.holder.describe()} has it open"
            else:
                self._lock = taken
        self.read_only = self._lock is None
        if not self.read_only:
            clean_stale_temps(path.parent)

    # -- screens ------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return self.session_screen

    def on_mount(self) -> None:
        self.theme = THEMES[0]
        self._catch_hangups()
        self.set_interval(DISK_CHECK_EVERY, self._check_disk_soon)
        self.title = self.session.title
        self.sub_title = ("read-only · " if self.read_only else "") + self.path.name
        if self.read_only:
            self.notify(
                f"Read-only: {self.lock_notice}. You can look around; changes won't be saved. "
                "Close the other whytui, then reopen this file to edit.",
                title="Opened read-only",
                severity="warning",
                timeout=20,
                markup=False,
            )
        elif self._lock is not None and self._lock.took_over is not None:
            self.notify(
                f"Took over a stale lock left by {self._lock.took_over.describe()}, "
                "which is no longer running.",
                markup=False,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for the whole session wait while a dialog asks a question.

        A screen's own key (A on the action items, C on the checklist) is hidden there.
        """
        session_wide = {"undo", "redo", "actions", "closing", "overdue", "help", "details"}
        if action in session_wide and isinstance(self.screen, ModalScreen):
            return False
        own = {"actions": "ActionsScreen", "closing": "ClosingScreen", "overdue": "OverdueScreen"}
        return type(self.screen).__name__ != own.get(action)

    def action_help(self) -> None:
        from whytui.ui.keys import key_groups
        from whytui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(key_groups(self.screen)))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def _screen_class(self, module: str, name: str, what: str) -> type[Screen[None]] | None:
        """A screen that lives in its own module, loaded only when first asked for."""
        try:
            screen_class: type[Screen[None]] = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as error:
            self.notify(f"The {what} can't open in this build: {error}", markup=False)
            return None
        return screen_class

    def _actions_class(self) -> type[Screen[None]] | None:
        return self._screen_class("whytui.ui.screens.actions", "ActionsScreen", "action items")

    def action_actions(self) -> None:
        screen_class = self._actions_class()
        if screen_class is not None and not isinstance(self.screen, screen_class):
            self.push_screen(screen_class())

    def action_details(self) -> None:
        from whytui.ui.screens.details import DetailsScreen

        if not self._refuse_read_only():
            self.push_screen(DetailsScreen(self.session))

    def action_overdue(self) -> None:
        screen_class = self._screen_class(
            "whytui.ui.screens.overdue", "OverdueScreen", "overdue action items"
        )
        if screen_class is not None and not isinstance(self.screen, screen_class):
            self.push_screen(screen_class())

    def action_closing(self) -> None:
        screen_class = self._screen_class(
            "whytui.ui.screens.closing", "ClosingScreen", "closing checklist"
        )
        if screen_class is not None and not isinstance(self.screen, screen_class):
            self.push_screen(screen_class())

    async def on_jump_to(self, message: JumpTo) -> None:
        """Show a node in the tree, or an action item on the action items screen."""
        message.stop()
        if message.action_id is not None:
            screen_class = self._actions_class()
            if screen_class is not None and not isinstance(self.screen, screen_class):
                self.push_screen(screen_class(select=message.action_id))  # type: ignore[call-arg]
            return
        while self.screen is not self.session_screen and len(self.screen_stack) > 1:
            await self.pop_screen()
        if message.node_id is not None:
            self.session_screen.select(message.node_id)

    # -- edits and undo -------------------------------------------------------------------------

    def _refuse_read_only(self) -> bool:
        if self.read_only:
            self.notify(
                f"Read-only ({self.lock_notice}): that change was not made.",
                severity="warning",
                markup=False,
            )
        return self.read_only

    def on_edit_session(self, message: EditSession) -> None:
        message.stop()
        if self._refuse_read_only():
            return
        if message.session != self.session:
            self._undo = [*self._undo[-UNDO_LIMIT + 1 :], Change(self.session, message.label)]
            self._redo.clear()
            self.session = message.session
        if message.select is not None:
            self.session_screen.select(message.select)

    def _step(self, source: list[Change], target: list[Change], verb: str, done: str) -> None:
        if self._refuse_read_only():
            return
        if not source:
            self.notify(f"Nothing to {verb}.", markup=False)
            return
        change = source.pop()
        target.append(Change(self.session, change.label))
        self.session = change.session
        self.notify(f"{done}: {change.label}", markup=False)

    def action_undo(self) -> None:
        self._step(self._undo, self._redo, "undo", "Undid")

    def action_redo(self) -> None:
        self._step(self._redo, self._undo, "redo", "Redid")

    # -- saving -------------------------------------------------------------------------------

    def watch_session(self, session: Session) -> None:
        self.title = session.title
        if self.read_only:
            return
        self._autosaver.offer(session)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._save_in_background)

    def _save_in_background(self) -> None:
        self._save_timer = None
        selected = self.session_screen.selected
        self.run_worker(
            lambda: self._write(selected, notify=True),
            thread=True,
            group="autosave",
            exit_on_error=False,
        )

    def _write(self, selected: str, notify: bool = False) -> OSError | None:
        """Write the newest session and the cursor (any thread); the error, if it failed.

        A file changed behind the app is not written over (`ChangedOnDisk`): with `notify`,
        the facilitator is asked what to do.
        """
        try:
            self._autosaver.flush()
        except ChangedOnDisk as refused:
            if notify:
                self.call_from_thread(self._disk_checked, refused.change)
            return refused
        except OSError as error:
            if notify:
                self.call_from_thread(self._save_failed, error)
            return error
        self._cursor.remember(self.path, selected)
        return None

    def _save_failed(self, error: OSError) -> None:
        self.notify(
            f"Could not save {self.path}: {error.strerror or error}. Your changes are kept in "
            "this window and saving is tried again on the next change; check the folder's "
            "permissions and free space.",
            title="Not saved",
            severity="error",
            timeout=20,
            markup=False,
        )

    async def flush_autosave(self) -> OSError | None:
        """Write everything changed so far, now; returns when it is on disk (or failed)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.read_only:
            return None
        selected = self.session_screen.selected
        error = await asyncio.to_thread(self._write, selected)
        if isinstance(error, ChangedOnDisk):
            self._disk_checked(error.change)
        return error

    async def commit_session(self, branch: bool = False) -> None:
        """Commit the (saved) session file to git, off the UI thread, and say what happened.

        A refusal (no repository, no identity, a failing hook…) is shown as git's own words
        say it; the file stays saved either way.
        """
        from whytui.git.commit_job import commit_in_thread

        report, ok = await asyncio.to_thread(commit_in_thread, self.path, branch, self.config)
        self.notify(
            report,
            title="Committed" if ok else "Not committed",
            severity="information" if ok else "warning",
            timeout=20,
            markup=False,
        )

    async def action_quit(self) -> None:
        """Save, then quit; if saving fails, say so and quit only when asked again.

        Asked again while the file changed on disk, quitting keeps both versions (see
        `_save_before_exit`).
        """
        error = await self.flush_autosave()
        if error is not None and self._autosaver.dirty and not self._quit_unsaved:
            self._quit_unsaved = True
            if isinstance(error, ChangedOnDisk):
                message = (
                    f"{error.strerror}. Answer the question first (r or k), or press ctrl+q "
                    "again to quit keeping both: yours written to the file, the one on disk "
                    "copied beside it."
                )
            else:
                message = (
                    f"Could not save {self.path}: {error.strerror or error}. Your last changes "
                    "are only in this window. Press ctrl+q again to quit without them, or fix "
                    "the problem (permissions, free space) and keep editing: saving is tried "
                    "again."
                )
            self.notify(message, title="Not saved", severity="error", timeout=30, markup=False)
            return
        self.exit()

    def _save_before_exit(self, selected: str) -> None:
        """Write what is unsaved, whatever happened on disk (any thread).

        Nobody is left to ask, so a file changed behind the app is copied to a backup beside
        it before this version is written: neither side is lost, and `exit_notes` says where.
        """
        if self.read_only or not isinstance(self._write(selected), ChangedOnDisk):
            return
        try:
            backup = self._keep_both()
        except OSError:
            return  # can't back up theirs: leave the file as it is rather than lose it
        if backup is not None:
            self.exit_notes.append(
                f"{self.path} had changed on disk: your version is written in it, and the one "
                f"from disk is kept beside it as {backup.name}."
            )

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def on_unmount(self) -> None:
        """Last chance: write what a crash or an interrupt left unsaved, then unlock."""
        for signum, previous in self._previous_handlers.items():
            signal.signal(signum, previous)
        self._save_before_exit(self.session_screen.selected)
        self._release_lock()

    # -- hang-ups -------------------------------------------------------------------------------

    def _catch_hangups(self) -> None:
        """Save and unlock on SIGHUP (the terminal or tmux pane closed) and SIGTERM.

        Textual 8 leaves both to their default, which ends the process on the spot: the last
        half second of typing, not yet autosaved, would be lost and the lock left behind.
        """
        if threading.current_thread() is not threading.main_thread():
            return
        self._hangup_loop = asyncio.get_running_loop()
        for name in HANGUP_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is not None:
                self._previous_handlers[signum] = signal.signal(signum, self._on_hangup)

    def _on_hangup(self, signum: int, frame: FrameType | None) -> None:
        """Runs between two bytecodes of the main thread: hand the work to a thread of its own.

        The event loop may be stuck writing to a terminal that is gone, so the save can't wait
        for it; the session is an immutable value, safe to write from any thread.
        """
        if self._hanging_up:
            return
        self._hanging_up = True
        selected = self.session_screen.selected
        threading.Thread(
            target=self._hang_up, args=(signum, selected), name="whytui-hangup", daemon=True
        ).start()

    def _hang_up(self, signum: int, selected: str) -> None:
        status = 128 + signum
        try:
            self._save_before_exit(selected)
        finally:
            self._release_lock()
        self._hangup_loop.call_soon_threadsafe(lambda: self.exit(return_code=status))
        if not self.is_headless:
            threading.Event().wait(HANGUP_GRACE)
            os._exit(status)

    # -- the file changed on disk ------------------------------------------------------------------

    def _check_disk_soon(self) -> None:
        self.run_worker(self.check_disk(), group="disk-check", exclusive=True)

    async def check_disk(self) -> None:
        """Look at the file now, and ask if it changed behind the app (the timer's work)."""
        change = await asyncio.to_thread(self.disk.check)
        self._disk_checked(change)

    def _question(self) -> DiskChangedScreen | None:
        found = [s for s in self.screen_stack if isinstance(s, DiskChangedScreen)]
        return found[-1] if found else None

    def _disk_checked(self, change: DiskChange | None) -> None:
        question = self._question()
        if change is None:
            if question is not None and question is self.screen:
                question.dismiss(None)  # the file is back to what this whytui wrote
            return
        if self.read_only:
            self._follow(change)
            return
        self._asking = change
        unsaved = self._autosaver.dirty
        if question is None:
            self.push_screen(DiskChangedScreen(change, unsaved), self._answered)
        else:
            question.show(change, unsaved)

    def _follow(self, change: DiskChange) -> None:
        """Read-only: show what the editing whytui (or anyone) wrote; there is nothing to lose."""
        if change.session is None:
            return
        self.disk.adopt(change)
        self.session = change.session
        self.notify(f"Reloaded {self.path.name}: it changed on disk.", markup=False)

    def _answered(self, choice: str | None) -> None:
        change, self._asking = self._asking, None
        if change is None or choice is None:
            return
        if choice == "reload":
            self._reload(change)
        else:
            self._keep()

    def _reload(self, change: DiskChange) -> None:
        """Show the version on disk; what was unsaved here stays one undo away."""
        assert change.session is not None
        unsaved = self._autosaver.dirty
        with self._autosaver.writes_held():
            self.disk.adopt(change)
            if change.session != self.session:
                self._undo = [*self._undo[-UNDO_LIMIT + 1 :], Change(self.session, "reload")]
                self._redo.clear()
                self.session = change.session
            self._autosaver.on_disk(change.session)
        dropped = (
            " Your unsaved changes were dropped from this window; u brings them back."
            if unsaved
            else ""
        )
        self.notify(f"Reloaded {self.path.name} from disk.{dropped}", markup=False, timeout=12)

    def _keep_both(self) -> Path | None:
        """Write this version over the file, a changed one copied aside first (any thread)."""
        with self._autosaver.writes_held():
            session = self.session
            backup = self.disk.keep_both(session)
            self._autosaver.on_disk(session)
        return backup

    def _keep(self) -> None:
        try:
            backup = self._keep_both()
        except OSError as error:
            self.notify(
                f"Nothing was written: the version on disk could not be copied aside "
                f"({error.strerror or error}). Check the folder's permissions and free space.",
                title="Not saved",
                severity="error",
                timeout=20,
                markup=False,
            )
            self._disk_checked(self.disk.check())
            return
        if backup is None:
            self.notify(f"Wrote your version back to {self.path.name}.", markup=False)
            return
        self.notify(
            f"Kept your version in {self.path.name}. The version from disk is beside it as "
            f"{backup.name}: compare the two and carry over what you need.",
            title="Both kept",
            timeout=20,
            markup=False,
        )
