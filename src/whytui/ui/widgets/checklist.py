"""The closing checklist: every closing rule, met or not, and each unmet instance under it.

Rules are grouped into the checks the seed asks for, so the facilitator sees the whole list
(met ones too: the room should see what already holds). Each row says ✓ or ✗ in words, not
colour alone; only the instances are selectable, because each names something to go and fix.
"""

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from whytui.core.rules import Problem
from whytui.ui.usertext import hanging


@dataclass(frozen=True, slots=True)
class Check:
    title: str
    rules: frozenset[str]


CHECKS: tuple[Check, ...] = (
    Check("The problem has whys", frozenset({"no-whys"})),
    Check("Every leaf is closed as a root cause", frozenset({"open-leaf"})),
    Check(
        "Every root cause is structural, not a person",
        frozenset(
            {
                "root-cause-has-whys",
                "root-cause-no-category",
                "root-cause-unknown-category",
                "cause-ends-at-person",
            }
        ),
    ),
    Check("Every root cause has an action item", frozenset({"root-cause-no-action"})),
    Check(
        "Every action item is specific, owned, dated and checkable",
        frozenset(
            {
                "action-vague",
                "action-no-owner",
                "action-no-due",
                "action-no-done-when",
                "action-done-when-vague",
                "action-no-cause",
                "action-cause-not-root",
            }
        ),
    ),
    Check(
        "Answered: what would have had to be true?",
        frozenset({"closing-unanswered-prevention"}),
    ),
    Check(
        "Answered: where else is the same fragility?",
        frozenset({"closing-unanswered-where-else"}),
    ),
)

OTHER = "Other rules"
"""Heading for problems of a rule no check names, so a new rule is never hidden."""


def group(problems: list[Problem]) -> list[tuple[str, list[Problem]]]:
    """Each check with its problems, in checklist order; unknown rules last, if any."""
    known = frozenset().union(*(check.rules for check in CHECKS))
    groups = [(c.title, [p for p in problems if p.rule in c.rules]) for c in CHECKS]
    others = [p for p in problems if p.rule not in known]
    return [*groups, (OTHER, others)] if others else groups


class Checklist(OptionList):
    """Selecting a ✗ row posts `OptionList.OptionSelected`; `problem(option_id)` says which."""

    DEFAULT_CSS = """
    Checklist {
        height: 1fr;
        min-height: 5;
    }
    Checklist.-textual-compact {
        padding: 0 1;
    }
    Checklist > .option-list--option-disabled {
        color: $text;
    }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, compact=True)
        self._problems: dict[str, Problem] = {}
        self._shown: list[Problem] = []

    def on_resize(self) -> None:
        self.show(self._shown)

    def _problem_prompt(self, message: str) -> Content:
        """`  ✗ message`, wrapped under its own first word rather than under the glyph."""
        # Room is left for a scrollbar whether or not one shows, and before the first layout
        # the list is as wide as the screen less its padding: every frame wraps alike.
        width = (self.size.width or self.app.size.width - 2) - 2
        return hanging(Content.assemble("  ", ("✗ ", "$error")), message, width)

    def show(self, problems: list[Problem]) -> None:
        """Rebuild the rows, keeping the cursor on the same row number where possible."""
        highlighted = self.highlighted
        self._shown = problems
        self.clear_options()
        self._problems = {}
        options: list[Option] = []
        for title, found in group(problems):
            if found:
                heading = Content.assemble(("✗ ", "bold $error"), (title, "bold"))
                heading += Content(f" ({len(found)})")
            else:
                heading = Content.assemble(("✓ ", "$success"), title)
            options.append(Option(heading, disabled=True))
            for problem in found:
                option_id = f"problem-{len(self._problems)}"
                self._problems[option_id] = problem
                options.append(Option(self._problem_prompt(problem.message), id=option_id))
        self.add_options(options)
        if not self._problems:
            return
        if (
            highlighted is not None
            and highlighted < self.option_count
            and not self.get_option_at_index(highlighted).disabled
        ):
            self.highlighted = highlighted
        else:
            self.highlighted = self.get_option_index(next(iter(self._problems)))

    def problem(self, option_id: str | None) -> Problem | None:
        return self._problems.get(option_id) if option_id else None
