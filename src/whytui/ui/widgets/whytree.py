"""The why-tree: the problem statement at the root and every answer to "why?" under it.

The tree mirrors the session and follows it by difference: an edit adds, removes or relabels
only the tree nodes it touched, so adding a why to a 2,000-node review costs about what it
costs on a 20-node one. Labels are user text, so they are built as `rich.text.Text` from the
literal string (never markup), with control characters shown as pictures.

What state a leaf is in is shown by a glyph, not by colour alone: `?` still open, `■` closed
as a root cause (with its category), `⚠` ends at a person and can't close as it stands;
a root cause the room closed over the judge, with a written reason, says `judged` beside its
category.
"""

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets.tree import TreeNode

from whytui.core.config import Config
from whytui.core.ids import ROOT_ID
from whytui.core.judge import judge_cause
from whytui.core.models import Session, WhyNode
from whytui.core.rules import judged_reason_problem
from whytui.ui.usertext import line_text
from whytui.ui.widgets.line_tree import LineTree


class Mark(Enum):
    """What a line of the tree is, as far as the review is concerned."""

    PROBLEM = "problem"
    INNER = "inner"
    OPEN = "open"
    CAUSE = "cause"
    PERSON = "person"
    PERSON_CAUSE = "person-cause"
    JUDGED_CAUSE = "judged-cause"


GLYPHS: dict[Mark, str] = {
    Mark.PROBLEM: "",
    Mark.INNER: "",
    Mark.OPEN: "? ",
    Mark.CAUSE: "■ ",
    Mark.PERSON: "⚠ ",
    Mark.PERSON_CAUSE: "⚠ ■ ",
    Mark.JUDGED_CAUSE: "■ ",
}

_MARK_CLASS: dict[Mark, str] = {
    Mark.OPEN: "whytree--open",
    Mark.CAUSE: "whytree--cause",
    Mark.PERSON: "whytree--person",
    Mark.PERSON_CAUSE: "whytree--person",
    Mark.JUDGED_CAUSE: "whytree--judged",
}


@dataclass(frozen=True, slots=True)
class Row:
    """What a tree node stands for: a why (or the problem) and where it is in the review.

    Whether a leaf ends at a person is decided when its line is drawn, so opening a
    2,000-node session judges only the texts on screen.
    """

    node_id: str
    mark: Mark
    text: str = ""
    category: str | None = None
    judged: bool = False
    """Closed over the judge with a written reason."""


class WhyTree(LineTree[Row]):
    """The session as a tree; `sync` applies a new session by difference."""

    BINDING_GROUP_TITLE = "In the tree (arrows move)"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "activate", "Why? / fold", id="activate", show=False,
                tooltip="On an open leaf: add a why under it; elsewhere: fold or unfold"),
        Binding("space", "toggle_node", "Fold", id="fold", show=False,
                tooltip="Fold or unfold the node"),
    ]  # fmt: skip

    @dataclass
    class Activated(Message):
        """Enter on a node: the screen decides (ask why on an open leaf, else fold)."""

        node_id: str

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "whytree--open",
        "whytree--cause",
        "whytree--person",
        "whytree--judged",
        "whytree--category",
        "whytree--problem",
    }

    DEFAULT_CSS = """
    WhyTree > .whytree--open { color: $warning; text-style: bold; }
    WhyTree > .whytree--cause { color: $success; text-style: bold; }
    WhyTree > .whytree--person { color: $error; text-style: bold; }
    WhyTree > .whytree--judged { color: $warning; text-style: bold; }
    WhyTree > .whytree--category { color: $text-muted; }
    WhyTree > .whytree--problem { text-style: bold; }
    """

    def __init__(self, session: Session, config: Config, *, id: str | None = None) -> None:
        super().__init__(Text(), id=id)
        self.guide_depth = 3
        self.auto_expand = False
        self.session = session
        self.config = config
        self._verdicts: dict[str, bool] = {}
        self._by_id: dict[str, TreeNode[Row]] = {}
        self._build_all()

    # -- labels ------------------------------------------------------------------------------

    def ends_at_person(self, text: str) -> bool:
        """The judge's verdict on `text`, remembered: a 2,000-node tree judges each text once."""
        verdict = self._verdicts.get(text)
        if verdict is None:
            verdict = judge_cause(text, self.config).ends_at_person
            self._verdicts[text] = verdict
        return verdict

    def _row(self, node: WhyNode, has_whys: bool) -> Row:
        if has_whys:
            return Row(node.id, Mark.INNER)
        if node.is_root_cause:
            judged = judged_reason_problem(node.judged) is None
            return Row(node.id, Mark.CAUSE, node.text, node.category, judged)
        return Row(node.id, Mark.OPEN, node.text)

    def mark(self, row: Row) -> Mark:
        """The row's mark, with leaves that end at a person told apart."""
        if row.mark in (Mark.OPEN, Mark.CAUSE) and self.ends_at_person(row.text):
            if row.mark is Mark.OPEN:
                return Mark.PERSON
            return Mark.JUDGED_CAUSE if row.judged else Mark.PERSON_CAUSE
        return row.mark

    def _apply(self, tree_node: TreeNode[Row], node: WhyNode) -> None:
        has_whys = bool(tree_node.children)
        tree_node.data = self._row(node, has_whys)
        tree_node.allow_expand = has_whys
        tree_node.set_label(Text(line_text(node.text)))

    def _label_problem(self) -> None:
        self.root.data = Row(ROOT_ID, Mark.PROBLEM)
        self.root.set_label(Text(line_text(self.session.problem)))

    def render_label(self, node: TreeNode[Row], base_style: Style, style: Style) -> Text:
        """Icon, glyph, the words cut to fit with an ellipsis, and the category kept visible."""
        row = node.data
        assert row is not None
        line = Text()
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            line.append(icon, base_style + Style(meta={"toggle": True}))
        mark = self.mark(row)
        glyph = GLYPHS[mark]
        if glyph:
            line.append(glyph, style + self.get_component_rich_style(_MARK_CLASS[mark]))
        if row.mark is Mark.PROBLEM:
            line.append("Problem: ", style + self.get_component_rich_style("whytree--problem"))
        tail = Text()
        if row.category:
            category_style = self.get_component_rich_style("whytree--category")
            judged = ", judged" if mark is Mark.JUDGED_CAUSE else ""
            tail.append(f"  [{line_text(row.category)}{judged}]", style + category_style)
        label = node.label
        assert isinstance(label, Text)
        words = label.copy()
        words.stylize(style)
        room = self.scrollable_content_region.width - self._guide_width(node)
        room_for_words = max(room - line.cell_len - tail.cell_len, 12)
        if words.cell_len > room_for_words:
            words.truncate(room_for_words, overflow="ellipsis")
        line.append_text(words)
        line.append_text(tail)
        if line.cell_len > room > 0:
            line.truncate(room, overflow="ellipsis")
        return line

    def _guide_width(self, node: TreeNode[Row]) -> int:
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        return depth * self.guide_depth

    # -- building and following the session ---------------------------------------------------

    def _children_map(self, session: Session) -> dict[str, list[WhyNode]]:
        children: dict[str, list[WhyNode]] = {}
        for node in session.nodes:
            children.setdefault(node.parent, []).append(node)
        return children

    def _add_subtree(
        self,
        parent: TreeNode[Row],
        node: WhyNode,
        children: dict[str, list[WhyNode]],
        before: int | None = None,
    ) -> None:
        kids = children.get(node.id, [])
        row = self._row(node, has_whys=bool(kids))
        tree_node = parent.add(
            Text(line_text(node.text)), row, before=before, expand=True, allow_expand=bool(kids)
        )
        self._by_id[node.id] = tree_node
        for child in kids:
            self._add_subtree(tree_node, child, children)

    def _build_all(self) -> None:
        self.clear()
        self._by_id = {ROOT_ID: self.root}
        children = self._children_map(self.session)
        for node in children.get(ROOT_ID, ()):
            self._add_subtree(self.root, node, children)
        self._label_problem()
        self.root.allow_expand = bool(self.root.children)
        self.root.expand()

    def _forget(self, tree_node: TreeNode[Row]) -> None:
        for child in tree_node.children:
            self._forget(child)
        if tree_node.data is not None:
            self._by_id.pop(tree_node.data.node_id, None)

    def _remove(self, node_id: str) -> None:
        tree_node = self._by_id.get(node_id)
        if tree_node is None:
            return
        self._forget(tree_node)
        tree_node.remove()

    def sync(self, session: Session) -> None:
        """Make the tree show `session`, touching only the lines that changed."""
        old = self.session
        self.session = session
        if session.problem != old.problem:
            self._label_problem()
        if session.nodes is old.nodes:
            return
        selected = self.selected_id
        self._apply_nodes(old, session)
        if selected not in self._by_id:
            self._select_survivor(old, selected)

    def _select_survivor(self, old: Session, gone: str) -> None:
        """The cursor's node was removed: move to its nearest ancestor still in the tree."""
        parents = {n.id: n.parent for n in old.nodes}
        target = gone
        while target != ROOT_ID and target not in self._by_id:
            target = parents.get(target, ROOT_ID)
        self.select_id(target)

    def _apply_nodes(self, old: Session, session: Session) -> None:
        """Remove, add, move and relabel what differs between `old` and `session`.

        Unchanged nodes are the same objects in both (edits copy only what they change), so
        one identity check a node finds the few that changed; only their parents' child
        lists are compared and relabelled.
        """
        before = {n.id: n for n in old.nodes}
        after = {n.id: n for n in session.nodes}
        changed = [n for n in session.nodes if before.get(n.id) is not n]
        touched: set[str] = set()
        for node_id in before.keys() - after.keys():
            touched.add(before[node_id].parent)
            self._remove(node_id)
        for node in changed:
            was = before.get(node.id)
            if was is not None and was.parent != node.parent:
                touched.add(was.parent)
                self._remove(node.id)
        children = self._children_map(session)
        relabel: set[str] = set()
        for node in changed:
            touched.add(node.parent)
            if node.id in self._by_id:
                relabel.add(node.id)
                continue
            siblings = [c.id for c in children[node.parent]]
            position = sum(1 for s in siblings[: siblings.index(node.id)] if s in self._by_id)
            self._add_subtree(self._by_id[node.parent], node, children, before=position)
        for parent_id in touched:
            tree_node = self._by_id.get(parent_id)
            if tree_node is None:
                continue
            kids = children.get(parent_id, [])
            if [c.data.node_id for c in tree_node.children if c.data] != [k.id for k in kids]:
                self._reorder(tree_node, kids, children)
            relabel.add(parent_id)
        for node_id in relabel:
            if node_id in self._by_id and node_id != ROOT_ID:
                self._apply(self._by_id[node_id], after[node_id])
        self.root.allow_expand = bool(self.root.children)

    def _reorder(
        self, tree_node: TreeNode[Row], kids: list[WhyNode], children: dict[str, list[WhyNode]]
    ) -> None:
        """Rebuild one parent's children in the session's order (rare: a move to the end)."""
        for child in list(tree_node.children):
            if child.data is not None:
                self._remove(child.data.node_id)
        for kid in kids:
            self._add_subtree(tree_node, kid, children)

    def relabel_all(self, config: Config) -> None:
        """Judge texts again as they are drawn: the repository config (system names) changed."""
        self.config = config
        self._verdicts.clear()
        self.relabel()

    # -- the cursor ---------------------------------------------------------------------------

    @property
    def selected_id(self) -> str:
        node = self.cursor_node
        if node is None or node.data is None:
            return ROOT_ID
        return node.data.node_id

    def select_id(self, node_id: str) -> bool:
        """Put the cursor on `node_id`, unfolding its ancestors; False if there is none."""
        tree_node = self._by_id.get(node_id)
        if tree_node is None:
            return False
        parent = tree_node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        self.refresh_lines_now()
        self.move_cursor(tree_node)
        return True

    def _open_leaves(self) -> list[str]:
        parents = {n.parent for n in self.session.nodes}
        return [n.id for n in self.session.nodes if n.id not in parents and not n.is_root_cause]

    def _step_open(self, forward: bool) -> str | None:
        order = {n.id: i for i, n in enumerate(self.session.nodes)}
        here = order.get(self.selected_id, -1)
        leaves = self._open_leaves()
        if not leaves:
            return None
        if forward:
            after = [leaf for leaf in leaves if order[leaf] > here]
            return (after or leaves)[0]
        before = [leaf for leaf in leaves if order[leaf] < here]
        return (before or leaves)[-1]

    def action_activate(self) -> None:
        if self.cursor_node is not None:
            self.post_message(self.Activated(self.selected_id))

    def jump_open(self, forward: bool) -> None:
        """Move to the next (or previous) leaf that still needs a why, wrapping around."""
        target = self._step_open(forward)
        if target is None:
            self.notify("No open leaves: every branch ends at a root cause.", markup=False)
            return
        self.select_id(target)
