"""Choosing the structural category of a root cause.

Naming the kind of condition (a missing check, an unsafe default, a knowledge gap…) is what
turns "it broke" into something `whytui patterns` can count across reviews. Each choice shows
a one-line description, and the highlighted one an example, so the room can agree quickly.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from whytui.core.categories import Category
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text


def _prompt(number: int, category: Category) -> Content:
    key = f"{number} " if number <= 9 else "  "
    return Content.assemble(
        (key, "bold $accent"),
        user_text(category.name, "bold"),
        "\n  ",
        user_text(category.description, "dim"),
    )


class CategoryScreen(ModalScreen[str | None]):
    """Pick a category: arrows and enter, or its number; escape leaves the leaf open."""

    CSS_PATH = stylesheet("category.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="category-cancel"),
        *(
            Binding(str(n), f"pick({n})", f"Category {n}", id=f"category-{n}", show=False)
            for n in range(1, 10)
        ),
    ]

    def __init__(self, categories: tuple[Category, ...], node_text: str, current: str | None):
        super().__init__()
        self.categories = categories
        self.node_text = node_text
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="category-dialog", classes="dialog"):
            yield Static(
                Content.assemble(("Close as a root cause: ", "bold"), user_text(self.node_text)),
                id="category-title",
                classes="dialog-title",
            )
            yield OptionList(
                *(Option(_prompt(n, c), id=c.id) for n, c in enumerate(self.categories, start=1)),
                id="category-list",
                compact=True,
            )
            yield Static(id="category-example")
            numbered = min(len(self.categories), 9)
            yield Static(
                Content(f"enter chooses · 1-{numbered} picks · escape cancels"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [c.id for c in self.categories]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        category = self.categories[event.option_index]
        self.query_one("#category-example", Static).update(
            Content.assemble(("e.g. ", "italic"), user_text(category.example, "italic"))
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.categories[event.option_index].id)

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.categories):
            self.dismiss(self.categories[number - 1].id)
