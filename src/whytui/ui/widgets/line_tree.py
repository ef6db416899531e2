"""A Tree whose lines are single lines of literal text, its line table built fast.

Textual's `Tree` rebuilds its table of lines after every edit and every resize (the editor
opening under the tree is one), walking every expanded node with a generator each and a
second pass for the widest line; and it copies and splits every label it is given. Here
labels are single lines already (built by `line_text`) and take no width (they are cut to
the visible width, so the tree never scrolls sideways), so the table is built in one pass.

This is the one module that touches Textual's private tree internals (`_TreeLine`, `_build`,
`_invalidate`, `_tree_lines`, and a node's `_line`, `_children`, `_expanded`), checked against
Textual 8.2 (the exact pin). Public hooks that would replace them: a `Tree` method to build
the line table from the nodes, one to mark it stale, and a node's line number as a property.
"""

from typing import TypeVar

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Tree
from textual.widgets._tree import _TreeLine
from textual.widgets.tree import TreeNode

from whytui.ui.usertext import line_text

RowT = TypeVar("RowT")


class LineTree(Tree[RowT]):
    def process_label(self, label: str | Text) -> Text:
        """Labels are single lines of literal text already: taken as they are."""
        return label if isinstance(label, Text) else Text(line_text(label))

    def get_label_width(self, node: TreeNode[RowT]) -> int:
        """Labels are cut to the visible width, so the tree never scrolls sideways."""
        return 0

    def relabel(self) -> None:
        """Draw every line again (what decides its look changed, not the lines themselves)."""
        self._invalidate()

    def refresh_lines_now(self) -> None:
        """Rebuild the line table now if it is out of date, so a node added a moment ago has
        a line to move to; an unchanged table is kept."""
        self._tree_lines  # noqa: B018  (the property rebuilds the table only if invalidated)

    def _build(self) -> None:
        """Textual's table of lines: the same lines in the same order, numbered the same
        (test_large_sessions compares the two). The root is always shown."""
        lines: list[_TreeLine[RowT]] = []
        append = lines.append
        deepest = 1

        def add(path: list[TreeNode[RowT]], node: TreeNode[RowT], last: bool) -> None:
            nonlocal deepest
            path = [*path, node]
            node._line = len(lines)
            append(_TreeLine(path, last))
            children = node._children
            if node._expanded and children:
                deepest = max(deepest, len(path) + 1)
                for child in children[:-1]:
                    add(path, child, False)
                add(path, children[-1], True)

        add([], self.root, True)
        self._tree_lines_cached = lines
        self.virtual_size = Size((deepest - 1) * self.guide_depth, len(lines))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1
