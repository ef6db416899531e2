"""The refusal: a branch that ends at a person can't close as a root cause.

It says why (the words the judge matched, highlighted in the statement, and its reasons),
asks the reframing question that moves from the person to the system, and offers one key to
ask that question as the next why under the leaf. If the judge is wrong because a system has a
person's name, the fix is offered too, in the open: the name goes into the repository's
`.whytui.toml`, a change reviewers will see, never a silent override. If it is wrong for a
reason no list can fix (the people are context, the cause is what was missing), the room can
close it anyway with a written reason (`j`), kept on the node and reported by lint.
"""

import re
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from whytui.core.judge import CauseVerdict
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text

_NAME = re.compile(r"^[A-Z][\w-]*$")


class Choice(Enum):
    ASK = "ask"
    REWORD = "reword"
    SYSTEM_NAME = "system-name"
    JUDGED = "judged"


@dataclass(frozen=True, slots=True)
class Resolution:
    choice: Choice
    name: str = ""
    """For SYSTEM_NAME: the name to record as a system."""
    reason: str = ""
    """For JUDGED: the room's written reason for calling the statement structural."""


def name_candidates(verdict: CauseVerdict) -> list[str]:
    """Matched words that look like a name: what the judge might have mistaken for a person."""
    names: list[str] = []
    for match in verdict.matches:
        words = match.words.strip()
        if _NAME.match(words) and words not in names:
            names.append(words)
    return names


def highlighted(text: str, verdict: CauseVerdict) -> Content:
    """The statement with the matched words marked by style that survives no colour."""
    content = user_text(text)
    for match in verdict.matches:
        content = content.stylize("reverse bold underline", match.start, match.end)
    return content


class RefusalScreen(ModalScreen[Resolution | None]):
    CSS_PATH = stylesheet("refusal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w,enter", "resolve('ask')", "Ask why under it", id="refusal-ask"),
        Binding("e", "resolve('reword')", "Reword it", id="refusal-reword"),
        Binding("s", "system_name", "It names a system", id="refusal-system-name"),
        Binding("j", "judged", "Structural, with a reason", id="refusal-judged"),
        Binding("escape", "dismiss(None)", "Back to the tree", id="refusal-back"),
    ]

    def __init__(self, text: str, verdict: CauseVerdict) -> None:
        super().__init__()
        self.text = text
        self.verdict = verdict
        self.names = name_candidates(verdict)

    def compose(self) -> ComposeResult:
        with Vertical(id="refusal-dialog", classes="dialog"):
            yield Static(
                Content("⚠ This ends at a person: it can't close as a root cause"),
                classes="dialog-title",
            )
            yield Static(highlighted(self.text, self.verdict), id="refusal-statement")
            reasons = Content("\n").join(
                Content.assemble("• ", user_text(reason)) for reason in self.verdict.reasons
            )
            yield Static(reasons, id="refusal-reasons")
            yield Static(
                Content.assemble(("Ask instead: ", "bold"), user_text(self.verdict.reframe)),
                id="refusal-reframe",
            )
            yield Static(self._keys(), id="refusal-keys", classes="dialog-keys")

    def _keys(self) -> Content:
        lines = [
            Content.assemble(("w", "bold $accent"), "  ask that as the next why under it"),
            Content.assemble(("e", "bold $accent"), "  reword it"),
        ]
        if self.names:
            quoted = ", ".join(f"'{name}'" for name in self.names)
            lines.append(
                Content.assemble(
                    ("s", "bold $accent"),
                    "  ",
                    user_text(quoted),
                    " names a system, not a person (adds it to .whytui.toml)",
                )
            )
        lines.append(
            Content.assemble(("j", "bold $accent"), "  it is structural: close it with a reason")
        )
        lines.append(Content.assemble(("escape", "bold $accent"), "  back to the tree"))
        return Content("\n").join(lines)

    def action_resolve(self, choice: str) -> None:
        self.dismiss(Resolution(Choice(choice)))

    def action_system_name(self) -> None:
        if not self.names:
            self.notify(
                "No name matched here: reword the statement instead (e).",
                markup=False,
            )
            return
        if len(self.names) == 1:
            self.dismiss(Resolution(Choice.SYSTEM_NAME, self.names[0]))
            return

        def chosen(name: str | None) -> None:
            if name:
                self.dismiss(Resolution(Choice.SYSTEM_NAME, name))

        self.app.push_screen(NameChoiceScreen(self.names), chosen)

    def action_judged(self) -> None:
        from whytui.ui.screens.judged import JudgedScreen

        def written(reason: str | None) -> None:
            if reason:
                self.dismiss(Resolution(Choice.JUDGED, reason=reason))

        self.app.push_screen(JudgedScreen(self.text), written)


class NameChoiceScreen(ModalScreen[str | None]):
    """Which of the matched names is a system."""

    CSS_PATH = stylesheet("refusal.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="name-choice-cancel")
    ]

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="name-choice-dialog", classes="dialog"):
            yield Static(Content("Which name is a system here?"), classes="dialog-title")
            yield OptionList(*(Option(user_text(name)) for name in self.names), compact=True)
            yield Static(Content("enter chooses · escape cancels"), classes="dialog-keys")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])
