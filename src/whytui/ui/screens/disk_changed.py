"""The question asked when the session file changed on disk behind the app.

A `git pull` or an editor rewrote the file this whytui has open. Writing over it would lose
their change; reloading would lose the facilitator's. So saving pauses and the facilitator
chooses: reload the version on disk, or keep theirs and have the one on disk copied beside
it first. A file that no longer reads as a session (a merge conflict half resolved) or that is
gone can only be kept; the question follows the file while it is open, so fixing the file
offers reload again.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from whytui.store.ondisk import DiskChange
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text


class DiskChangedScreen(ModalScreen[str | None]):
    """Dismissed with "reload" or "keep" (None: the file went back to what whytui wrote)."""

    CSS_PATH = stylesheet("disk_changed.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload from disk", id="disk-reload"),
        Binding("k", "choose('keep')", "Keep mine", id="disk-keep"),
    ]

    def __init__(self, change: DiskChange, unsaved: bool) -> None:
        super().__init__()
        self.change = change
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        with Vertical(id="disk-dialog", classes="dialog"):
            yield Static(Content("The session file changed on disk"), classes="dialog-title")
            yield Static(self._what(), id="disk-what")
            yield Static(self._keys(), id="disk-keys", classes="dialog-keys")

    def show(self, change: DiskChange, unsaved: bool) -> None:
        """The file changed again while the question was open: ask about what is there now."""
        self.change, self.unsaved = change, unsaved
        self.query_one("#disk-what", Static).update(self._what())
        self.query_one("#disk-keys", Static).update(self._keys())
        self.refresh_bindings()

    def _what(self) -> Content:
        change = self.change
        lines = [user_text(change.describe() + ".")]
        if change.gone:
            lines.append(Content("Your version is still here, and nothing was written."))
        elif change.session is None:
            lines.append(
                Content(
                    "Your version is kept here and nothing is written over the file until you "
                    "choose. Fix the file and this question follows it."
                )
            )
        elif self.unsaved:
            lines.append(Content("You have changes here that are not in the file."))
        else:
            lines.append(Content("Everything here had been saved: reloading loses nothing."))
        lines.append(Content.styled("Saving is paused until you choose.", "italic"))
        return Content("\n").join(lines)

    def _keys(self) -> Content:
        lines = []
        if self.can_reload:
            dropped = " (drops your unsaved changes; u undoes)" if self.unsaved else ""
            lines.append(
                Content.assemble(("r", "bold $accent"), "  reload the version on disk", dropped)
            )
        if self.change.gone:
            keep = "  keep mine: write it back"
        else:
            keep = "  keep mine: write it, after copying the one on disk beside it"
        lines.append(Content.assemble(("k", "bold $accent"), keep))
        return Content("\n").join(lines)

    @property
    def can_reload(self) -> bool:
        return self.change.session is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("reload",):
            return self.can_reload
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
