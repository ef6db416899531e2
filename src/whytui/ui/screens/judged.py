"""Overruling the cause judge, in writing: the room says why a refused statement is structural.

The judge reads grammar, and grammar is sometimes wrong about a statement: "the runbook was
written for the old cluster and the on-call engineer followed it" names a person who is
context, not the cause. No config list fixes that, so the room may close the leaf anyway,
with a reason a reviewer can read: it is kept on the node (`judged`), shown in the tree and in
`whytui render`, and `whytui lint` reports it as a notice (an error with `--strict`).
A reason that says nothing ("ok", "n/a") is refused here and by the rules.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from whytui.core.rules import judged_reason_problem
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text


class JudgedScreen(ModalScreen[str | None]):
    """Dismissed with the written reason, or None when cancelled."""

    CSS_PATH = stylesheet("judged.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="judged-cancel",
                tooltip="Back to the refusal; nothing is closed"),
    ]  # fmt: skip

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="judged-dialog", classes="dialog"):
            yield Static(Content("Close it as structural, over the judge"), classes="dialog-title")
            yield Static(user_text(" ".join(self.text.split())), id="judged-statement")
            yield Static(
                Content(
                    "Why is it structural? The reason is kept on the node, shown in the "
                    "pull request, and lint reports it as a notice."
                ),
                id="judged-explain",
            )
            yield Input(
                placeholder="structural: the people are context; the cause is …",
                id="judged-reason",
            )
            yield Static(id="judged-error", markup=False)
            yield Static(
                Content.assemble(
                    ("enter", "bold $accent"), "  close it with this reason   ",
                    ("escape", "bold $accent"), "  back",
                ),
                classes="dialog-keys",
            )  # fmt: skip

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reason = " ".join(event.value.split())
        problem = judged_reason_problem(reason)
        if problem is not None:
            self.query_one("#judged-error", Static).update(
                Content(problem[0].upper() + problem[1:])
            )
            return
        self.dismiss(reason)
