"""WhyApp: one session file on screen, edited through the `OpenSession` it holds.

The document (`whytui.store.open_session`) owns the file: the session as edited, undo and
redo, the lock, the changed-on-disk guard, saving. The app shows it, as a reactive `session`
that screens watch, and holds what runs beside it: autosave (`Saving`), the watch on the file
(`DiskWatch`), the save on hang-up (`HangUps`), and the screens. Screens change the session
only by posting `EditSession`; they read `session`, `config`, `path` and `read_only` from here
(`whytui.ui.host.SessionHost`).
"""

import datetime as dt
from pathlib import Path, PurePath
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import ModalScreen, Screen

from whytui.core.config import Config
from whytui.core.models import Session
from whytui.store.drafts import DraftStore
from whytui.store.open_session import OpenSession
from whytui.ui.committing import Committing
from whytui.ui.disk_watch import DiskWatch
from whytui.ui.editing import may_edit
from whytui.ui.hangup import HangUps
from whytui.ui.host import OwnScreen
from whytui.ui.key_router import RoutedApp
from whytui.ui.messages import EditSession, JumpTo
from whytui.ui.palette import WhyCommands
from whytui.ui.resources import stylesheet
from whytui.ui.saving import Saving
from whytui.ui.screens.session import SessionScreen
from whytui.ui.sharing import Sharing, announce, banner, refuse_read_only

THEMES = ("textual-dark", "textual-light")


class WhyApp(RoutedApp[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("app.tcss"), stylesheet("session.tcss")]
    """The tree screen's styles too: Textual loads a screen's own `CSS_PATH` when it is pushed,
    which the default screen never is."""
    COMMANDS = RoutedApp.COMMANDS | {WhyCommands}
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
    access_note: var[str] = var("")
    """What the banner of every screen says of who holds the file ('' when this window does)."""
    commit_note: var[str] = var("")
    """The commit that holds the closed review, once known ('' until then)."""

    def __init__(
        self,
        path: Path,
        *,
        session: Session | None = None,
        config: Config | None = None,
        state_dir: Path | None = None,
        new: bool = False,
    ) -> None:
        """Open `path` (read now: an unreadable file raises `InputError` before any screen);
        `new`: the session is not written yet, so ask for its problem statement first."""
        super().__init__()
        if state_dir is None:
            from platformdirs import user_state_path

            state_dir = user_state_path("whytui")
        self.document = OpenSession.open(path, session=session, config=config, state_dir=state_dir)
        self.path = path
        self.set_reactive(WhyApp.session, self.document.session)
        self.set_reactive(WhyApp.config, self.document.config)
        self.set_reactive(WhyApp.access_note, banner(self.document))
        self.session_screen = SessionScreen(self.document.recalled_cursor(), ask_problem=new)
        self.wrote_config = False
        """A system name was written to `.whytui.toml` here: the commit at Close takes it."""
        self.exit_notes: list[str] = []
        """Said on the terminal after the app has gone (what an exit did with the file)."""
        self._quit_unsaved = False
        self._sharing = Sharing(self)
        self._disk = DiskWatch(self, self.document, self.show_document, self._sharing.followed)
        self._saving = Saving(self, self.document, self._cursor, self._disk.checked)
        self._hangups = HangUps(self, self._close_document)
        self._git = Committing(self)

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    @property
    def drafts(self) -> DraftStore:
        return self.document.drafts

    def get_default_screen(self) -> Screen[None]:
        return self.session_screen

    def on_mount(self) -> None:
        self.theme = THEMES[0]
        self._hangups.catch()
        self._disk.start()
        self._sharing.start()
        self.title = self.session.title
        self.sub_title = ("read-only · " if self.read_only else "") + self.path.name
        announce(self, self.document)
        self._git.look()
        if not self.read_only and self.drafts:
            self.call_after_refresh(self._offer_drafts)

    def on_unmount(self) -> None:
        """Last chance: write what a crash or an interrupt left unsaved, then unlock."""
        self._hangups.restore()
        self._close_document()

    def _cursor(self) -> str:
        return self.session_screen.selected

    def _close_document(self) -> None:
        note = self.document.close(self._cursor())
        if note is not None:
            self.exit_notes.append(note)

    # -- screens ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for the whole session wait while a dialog asks a question; a screen's own key
        (A on the action items) is hidden there."""
        session_wide = {"undo", "redo", "actions", "closing", "overdue", "help", "details"}
        if action in session_wide and isinstance(self.screen, ModalScreen):
            return False
        return not (isinstance(self.screen, OwnScreen) and action == self.screen.OPENED_BY)

    def action_help(self) -> None:
        from whytui.ui.keys import key_groups
        from whytui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(key_groups(self.screen)))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_actions(self, select: str | None = None) -> None:
        from whytui.ui.screens.actions import ActionsScreen

        if not isinstance(self.screen, ActionsScreen):
            self.push_screen(ActionsScreen(select=select))

    def action_details(self) -> None:
        from whytui.ui.screens.details import DetailsScreen

        if may_edit(self, self.action_details):
            self.push_screen(DetailsScreen(self.session))

    def action_overdue(self) -> None:
        from whytui.ui.screens.overdue import OverdueScreen

        self.push_screen(OverdueScreen())

    def action_closing(self) -> None:
        from whytui.ui.screens.closing import ClosingScreen

        self.push_screen(ClosingScreen())

    def _offer_drafts(self) -> None:
        from whytui.ui.screens.drafts import DraftsScreen, put_back

        self.push_screen(
            DraftsScreen(self.drafts.all()), lambda draft: put_back(self.session_screen, draft)
        )

    async def on_jump_to(self, message: JumpTo) -> None:
        """Show a node in the tree, or an action item on the action items screen."""
        message.stop()
        if message.action_id is not None:
            self.action_actions(select=message.action_id)
            return
        while self.screen is not self.session_screen and len(self.screen_stack) > 1:
            await self.pop_screen()
        if message.node_id is not None:
            self.session_screen.select(message.node_id)

    # -- edits and undo -------------------------------------------------------------------------

    def on_edit_session(self, message: EditSession) -> None:
        message.stop()
        if refuse_read_only(self):
            return
        if self.document.edit(message.session, message.label):
            self.show_document()
        if message.select is not None:
            self.session_screen.select(message.select)

    def action_undo(self) -> None:
        self._step("undo", "Undid")

    def action_redo(self) -> None:
        self._step("redo", "Redid")

    def _step(self, verb: str, done: str) -> None:
        if refuse_read_only(self):
            return
        label = self.document.undo() if verb == "undo" else self.document.redo()
        if label is None:
            self.notify(f"Nothing to {verb}.", markup=False)
            return
        self.show_document()
        self.notify(f"{done}: {label}", markup=False)

    def show_document(self) -> None:
        """Show the document's session (after an edit, an undo, or a reload from disk)."""
        self.session = self.document.session

    def ask_handover(self) -> None:
        self._sharing.ask()

    def watch_config(self, config: Config) -> None:
        self.document.config = config

    # -- saving -------------------------------------------------------------------------------

    def watch_session(self, session: Session) -> None:
        self.title = session.title
        self._saving.changed()

    async def flush_autosave(self) -> OSError | None:
        """Write everything changed so far, now; returns when it is on disk (or failed)."""
        return await self._saving.now()

    async def check_disk(self) -> None:
        """Look at the file now (the timer does this each second)."""
        await self._disk.check()

    async def commit_session(self, branch: bool = False) -> None:
        """Commit the saved file (see `Committing`)."""
        await self._git.commit(branch)

    async def action_quit(self) -> None:
        """Save, then quit; if saving fails, say so and quit only when asked again (quitting
        then keeps both versions, if the file changed on disk: see `OpenSession.close`)."""
        if self.drafts and not self._quit_unsaved:
            self._quit_unsaved = True
            self.notify(
                "Some text is typed and not saved yet. Press ctrl+q again to quit: it is kept "
                "and offered back when you next open this session. Or save it first (enter, "
                "ctrl+o).",
                title="Not saved yet",
                severity="warning",
                timeout=20,
                markup=False,
            )
            return
        error = await self.flush_autosave()
        if error is not None and self.document.dirty and not self._quit_unsaved:
            self._quit_unsaved = True
            self.notify(
                self._saving.not_quitting(error),
                title="Not saved",
                severity="error",
                timeout=30,
                markup=False,
            )
            return
        self.exit()
