"""Every key of the screen the facilitator was on, with what it does."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from whytui.ui.keys import KeyGroup
from whytui.ui.resources import stylesheet

KEY_WIDTH = 16


def help_text(groups: list[KeyGroup]) -> Content:
    lines: list[Content] = []
    for group in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(group.title, "bold underline"))
        for key in group.keys:
            lines.append(
                Content.assemble((key.keys.ljust(KEY_WIDTH), "bold $accent"), key.description)
            )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = stylesheet("help.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close help", id="help-close")
    ]

    def __init__(self, groups: list[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_text(self.groups), id="help-text")
            yield Static(
                Content("↑↓ scroll · escape closes · ctrl+p searches every command"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
