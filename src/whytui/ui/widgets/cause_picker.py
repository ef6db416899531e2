"""The root causes an action item addresses, picked from the session's.

Each row says `[x]` or `[ ]` in text: linked or not must not hang on colour alone (Textual's
SelectionList shows both states with the same glyph), on a shared screen or in 256 colours.
"""

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

NO_CAUSES = "no root causes yet: close a branch in the tree first"


@dataclass(frozen=True, slots=True)
class Choice:
    node_id: str
    label: Content


class CausePicker(OptionList):
    """Space or enter links or unlinks the highlighted cause."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Link", id="cause-toggle", show=False,
                tooltip="Link or unlink the highlighted root cause"),
    ]  # fmt: skip

    @dataclass
    class Changed(Message):
        """The set of linked causes changed."""

        picker: "CausePicker"

    def __init__(self, choices: list[Choice], linked: set[str], *, id: str) -> None:
        self._labels = {choice.node_id: choice.label for choice in choices}
        self._linked = linked & set(self._labels)
        options = [Option(self._prompt(c.node_id), c.node_id) for c in choices]
        if not options:
            options.append(Option(Content(NO_CAUSES), disabled=True))
        super().__init__(*options, id=id, compact=True)

    def _prompt(self, node_id: str) -> Content:
        mark = "[x] " if node_id in self._linked else "[ ] "
        return Content(mark) + self._labels[node_id]

    @property
    def linked(self) -> tuple[str, ...]:
        """Linked node ids, in the order the causes are listed."""
        return tuple(node_id for node_id in self._labels if node_id in self._linked)

    @property
    def choice_ids(self) -> tuple[str, ...]:
        """Every cause offered, linked or not."""
        return tuple(self._labels)

    def toggle(self, node_id: str) -> None:
        self._linked ^= {node_id}
        self.replace_option_prompt(node_id, self._prompt(node_id))
        self.post_message(self.Changed(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.toggle(event.option_id)
