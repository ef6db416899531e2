"""A closed review is changed only once it is reopened: asked, with one key, undoably.

Closing says every rule held, and the file says `status = "closed"` (and a commit may hold
it). An edit after that would leave a file that says closed while its tree is open again, and
lint and the pull request would disagree with it. So the first edit asks: ctrl+r reopens the
review (u undoes it) and the edit goes on; escape leaves it closed. ctrl+r, not a letter: a
burst of words typed after the key that asked must not answer for the facilitator.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from whytui.ui.resources import stylesheet


class ReopenScreen(ModalScreen[bool]):
    """Dismissed with True to reopen the review."""

    CSS_PATH = stylesheet("reopen.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "dismiss(True)", "Reopen", id="reopen-review",
                tooltip="Reopen the review, then make the change (u undoes)"),
        Binding("escape", "dismiss(False)", "Leave it closed", id="reopen-cancel"),
    ]  # fmt: skip

    def __init__(self, committed: str) -> None:
        """`committed`: what is known of the commit that holds the closed review ('' if none)."""
        super().__init__()
        self.committed = committed

    def compose(self) -> ComposeResult:
        held = f" and committed ({self.committed})" if self.committed else ""
        with Vertical(id="reopen-dialog", classes="dialog"):
            yield Static(Content("This review is closed"), classes="dialog-title")
            yield Static(
                Content(
                    f"It was closed{held} when every rule held. To change it, reopen it: it is "
                    "then open until it is closed again, and lint says so until then."
                )
            )
            yield Static(
                Content.assemble(
                    ("ctrl+r", "bold $accent"), "  reopen it and make the change (u undoes)\n",
                    ("escape", "bold $accent"), "  leave it closed",
                ),
                classes="dialog-keys",
            )  # fmt: skip
