"""The panel under the tree: the selected node in full, where it sits, and what to ask next.

The seed's advice only helps if it comes up at the right moment, so the questions follow the
selected node: on the problem, what would have had to be true; at a person, what made it
reasonable and why the system didn't make the right thing the default; at an open structural
leaf, keep asking; at a root cause, is it deep enough and which action item addresses it. A
root cause the room closed over the judge shows the room's reason, for the reviewer's eye.
"""

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from whytui.core.config import Config
from whytui.core.ids import ROOT_ID
from whytui.core.judge import judge_cause
from whytui.core.models import Session
from whytui.core.nodeindex import node_index
from whytui.core.rules import judged_reason_problem
from whytui.core.text import plural
from whytui.ui.usertext import clamped, user_text

ON_PROBLEM = ("What would have had to be true for this not to happen?",)
AT_PERSON = (
    "What made this reasonable at the time?",
    "Why didn't the system make the right behaviour the default?",
)
AT_OPEN_LEAF = ("Why? Keep asking until it's something you could change.",)
AT_ROOT_CAUSE = ("Is this deep enough to change? Which action item addresses it?",)
AT_INNER = ("Is there another cause beside this one? (s adds a sibling)",)


def prompts_for(session: Session, node_id: str, config: Config) -> tuple[str, ...]:
    """The facilitator's questions for the selected node."""
    if node_id == ROOT_ID:
        return ON_PROBLEM
    index = node_index(session)
    node = index.node(node_id)
    if judge_cause(node.text, config).ends_at_person:
        if node.is_root_cause and judged_reason_problem(node.judged) is None:
            return (f"The room overruled the judge: {node.judged}", *AT_ROOT_CAUSE)
        return AT_PERSON
    if node.is_root_cause:
        return AT_ROOT_CAUSE
    if index.children(node_id):
        return AT_INNER
    return AT_OPEN_LEAF


def detail_for(session: Session, node_id: str, config: Config) -> Content:
    """One line: depth, id, state and category, and the action items linked to it."""
    index = node_index(session)
    if node_id == ROOT_ID:
        parts = ["problem statement", plural(len(index.children(ROOT_ID)), "why")]
        parts.append(plural(len(session.nodes), "node"))
        return Content(" · ".join(parts))
    node = index.node(node_id)
    parts = [f"why {index.depth(node_id)}", node.id]
    if node.category:
        names = {c.id: c.name for c in config.all_categories()}
        parts.append(f"■ {names.get(node.category, node.category)}")
        parts.append(plural(len(session.actions_for(node_id)), "action item"))
    elif index.children(node_id):
        parts.append(plural(len(index.children(node_id)), "why") + " below")
    else:
        parts.append("open leaf")
    return user_text(" · ".join(parts))


TEXT_LINES = 3
"""Lines of the node's words under the tree; the rest is cut with an ellipsis."""


class PromptsPanel(Vertical):
    """Shows the selected node's words, its detail line and the questions for it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Content()

    def on_resize(self) -> None:
        self._show_text()

    def _show_text(self) -> None:
        field = self.query_one("#node-text", Static)
        field.update(clamped(self._text, field.size.width, TEXT_LINES))

    def compose(self) -> ComposeResult:
        yield Static(id="node-text", markup=False)
        yield Static(id="node-detail", markup=False)
        yield Static(id="node-prompts", markup=False)

    def show(self, session: Session, node_id: str, config: Config) -> None:
        text = session.problem if node_id == ROOT_ID else node_index(session).node(node_id).text
        self._text = user_text(text)
        self._show_text()
        self.query_one("#node-detail", Static).update(detail_for(session, node_id, config))
        questions = prompts_for(session, node_id, config)
        lines = Content("\n").join(
            Content.assemble(("» ", "bold $accent"), user_text(question)) for question in questions
        )
        self.query_one("#node-prompts", Static).update(lines)
