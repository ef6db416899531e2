"""Asks what shows an action item is done before marking it so.

"Done" without evidence is the judgment call the review tried to remove, so an empty answer
is refused.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text


class EvidenceScreen(ModalScreen[str | None]):
    """Returns the evidence typed, or None when cancelled."""

    CSS_PATH = stylesheet("evidence.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="evidence-cancel", tooltip="Leave the item open")
    ]

    def __init__(self, action_text: str) -> None:
        super().__init__()
        self._action_text = action_text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Mark done: what shows it is done?")
            yield Static(user_text(" ".join(self._action_text.split())), id="evidence-item")
            yield Input(placeholder="a link, or a note anyone can check", id="evidence")
            yield Static(id="evidence-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        evidence = event.value.strip()
        if not evidence:
            self.query_one("#evidence-error", Static).update(
                "Say what shows it is done (a link, a PR, a dashboard), then press enter."
            )
            return
        self.dismiss(evidence)

    def action_cancel(self) -> None:
        self.dismiss(None)
