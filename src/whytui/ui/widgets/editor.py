"""The line where a why is typed: opened under the tree, enter saves, escape cancels.

A review is typed while the room talks, so the editor wraps long sentences instead of
scrolling them out of sight, shows which node the words will go under, and carries the
question being asked as its placeholder (the refusal's reframing question, say).
"""

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.core.text import quote
from whytui.ui.usertext import user_text

PROBLEM_PLACEHOLDER = "What happened, when, and what did it cost? (the root of the tree)"
WHY_PLACEHOLDER = "Why? Keep asking until it's something you could change."
SIBLING_PLACEHOLDER = "What else caused this? (another answer to the same why)"


class EditMode(Enum):
    WHY = "why"
    """A new why under the target."""
    SIBLING = "sibling"
    """A new cause beside the target."""
    EDIT = "edit"
    """New words for the target (``root``: the problem statement)."""


def _heading(session: Session, mode: EditMode, target: str, text: str | None) -> Content:
    """What the words will be: new words for the target, or a why under (or beside) it."""
    if mode is EditMode.EDIT:
        if target != ROOT_ID:
            return Content.assemble(("Edit ", "bold"), "this why")
        if text:
            return Content.assemble(("Edit ", "bold"), "the problem statement")
        return Content.assemble(("Write the problem statement", "bold"))
    under = target if mode is EditMode.WHY else session.node(target).parent
    parent = session.problem if under == ROOT_ID else session.node(under).text
    return Content.assemble(("Why? ", "bold"), "under ", user_text(quote(parent, 60)))


class WhyInput(TextArea):
    """A wrapping text box where enter submits instead of starting a new line."""

    BINDING_GROUP_TITLE = "Typing a why (enter saves)"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="editor-cancel")
    ]

    @dataclass
    class Submit(Message):
        text: str

    class Cancel(Message):
        pass

    async def _on_key(self, event: events.Key) -> None:
        # TextArea's private key handler (Textual 8.2, the exact pin): enter must submit before
        # TextArea inserts a newline; a public "submit on enter" option would replace this.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submit(self.text))
            return
        await super()._on_key(event)

    def action_cancel(self) -> None:
        self.post_message(self.Cancel())


class EditorBar(Vertical):
    """The editor with its heading ("Why? under: …") and its keys."""

    @dataclass
    class Done(Message):
        """The facilitator pressed enter: `text` is for `mode` at `target`."""

        mode: EditMode
        target: str
        text: str

    class Closed(Message):
        """The editor closed, saved or not."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = EditMode.WHY
        self.target = ""
        self.original = ""
        """The words as they are in the session: anything else in the editor is a draft."""

    def compose(self) -> ComposeResult:
        yield Static(id="editor-heading", markup=False)
        yield WhyInput(id="editor-input", soft_wrap=True, compact=True)
        yield Static(
            Content.assemble(("enter", "bold"), " saves · ", ("escape", "bold"), " cancels"),
            id="editor-keys",
        )

    def open(
        self,
        session: Session,
        mode: EditMode,
        target: str,
        placeholder: str = "",
        text: str | None = None,
    ) -> None:
        """Open for `mode` at `target` (a node id, or ``root``), with the words to edit (by
        default the target's own, when editing) and the question as a placeholder."""
        self.mode = mode
        self.target = target
        self.original = ""
        if mode is EditMode.EDIT:
            self.original = session.problem if target == ROOT_ID else session.node(target).text
        if text is None:
            text = self.original
        self.query_one("#editor-heading", Static).update(_heading(session, mode, target, text))
        field = self.query_one(WhyInput)
        field.placeholder = Content(placeholder)
        field.load_text(text or "")
        field.move_cursor(field.document.end)
        self.screen.set_focus(field)  # now: the keys typed next are for it

    def close(self) -> None:
        self.post_message(self.Closed())

    def on_why_input_submit(self, message: WhyInput.Submit) -> None:
        message.stop()
        self.post_message(self.Done(self.mode, self.target, message.text))

    def on_why_input_cancel(self, message: WhyInput.Cancel) -> None:
        message.stop()
        self.close()
