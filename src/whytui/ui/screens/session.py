"""The facilitator's screen: the why-tree, the selected node with its questions, the editor.

Every change is built with `whytui.core.edits` and posted as `EditSession`; the app records it for
undo, autosaves it and updates `session`, which this screen follows. Closing a leaf as a root
cause goes through the category picker, then the rules (`leaf_close_problems`), and a leaf
that ends at a person is refused with the reasons and the question to ask instead. Those
dialogs, and the writer of `.whytui.toml`, are imported when first used: the first frame, which
the facilitator waits for, needs none of them.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Static, TextArea, Tree

from whytui.core import edits
from whytui.core.config import Config
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session, SessionStatus
from whytui.core.nodeindex import node_index
from whytui.core.text import quote
from whytui.ui.editing import may_edit
from whytui.ui.host import session_host
from whytui.ui.messages import EditSession
from whytui.ui.screens.root_cause import RootCauseFlow
from whytui.ui.usertext import user_text
from whytui.ui.widgets.editor import (
    PROBLEM_PLACEHOLDER,
    SIBLING_PLACEHOLDER,
    WHY_PLACEHOLDER,
    EditMode,
    EditorBar,
)
from whytui.ui.widgets.keyfooter import KeyFooter
from whytui.ui.widgets.prompts import PromptsPanel
from whytui.ui.widgets.read_only import ReadOnlyBanner
from whytui.ui.widgets.similar_hint import SimilarHint
from whytui.ui.widgets.whytree import WhyTree

if TYPE_CHECKING:
    pass


class SessionScreen(Screen[None]):
    BINDING_GROUP_TITLE = "The why-tree"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_why", "Why?", id="add-why", tooltip="Add a why under the node"),
        Binding("s", "add_sibling", "Sibling", id="add-sibling", show=False,
                tooltip="Add another cause beside the node"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the node's words"),
        Binding("d", "delete", "Delete", id="delete", show=False,
                tooltip="Delete the node and the whys under it (undo brings them back)"),
        Binding("m", "move", "Move", id="move", show=False,
                tooltip="Move the node: pick its new parent, then enter"),
        Binding("r", "close_cause", "Root cause", id="close-cause",
                tooltip="Close the leaf as a structural root cause"),
        Binding("n,right_square_bracket", "next_open", "Next open", id="next-open",
                tooltip="Jump to the next open leaf (one that still needs a why)"),
        Binding("p,left_square_bracket", "previous_open", "Previous open", id="previous-open",
                show=False, tooltip="Jump to the previous open leaf"),
        Binding("o", "reopen", "Reopen", id="reopen", show=False,
                tooltip="Reopen a root cause: keep asking why"),
        Binding("t", "take_over", "Take over", id="take-over",
                tooltip="Read-only: ask the window that holds the file to hand it over"),
        Binding("escape", "cancel_move", "Cancel move", id="cancel-move", show=False),
    ]  # fmt: skip

    editing: var[bool] = var(False)
    """The editor is open under the tree (the prompts give it their room)."""
    moving: var[str | None] = var(None)
    """The node being moved to a new parent, if one is."""

    def __init__(self, initial: str = ROOT_ID, ask_problem: bool = False) -> None:
        """`initial`: the node to start on; `ask_problem`: open the problem editor first."""
        super().__init__()
        self.initial = initial
        self.ask_problem = ask_problem
        self.selected = ROOT_ID
        """The node under the cursor, kept for the app to remember when the tree is gone."""

    @property
    def host_session(self) -> Session:
        return session_host(self.app).session

    @property
    def config(self) -> Config:
        return session_host(self.app).config

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="session-body"):
            yield ReadOnlyBanner()
            yield Static(id="closed-banner")
            yield WhyTree(self.host_session, self.config, id="tree")
            yield Static(id="move-banner", markup=False)
            yield EditorBar(id="editor")
            yield SimilarHint(id="similar-hint")
            yield PromptsPanel(id="prompts")
        yield KeyFooter(show_command_palette=False)

    @property
    def why_tree(self) -> WhyTree:
        return self.query_one(WhyTree)

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._session_changed, init=False)
        self.watch(self.app, "config", self._config_changed, init=False)
        self.watch(self.app, "commit_note", self._show_closed)
        self.watch(self.app, "access_note", lambda: self.refresh_bindings(), init=False)
        self.set_focus(self.why_tree)
        self.select(self.initial)
        if self.ask_problem:
            self.open_problem_editor()

    def select(self, node_id: str) -> None:
        """Put the cursor on `node_id` (or the problem, if it is gone) and show it."""
        if not self.query(WhyTree):  # not composed yet: start there
            self.initial = node_id
            return
        if not self.why_tree.select_id(node_id):
            self.why_tree.select_id(ROOT_ID)
        self._show_selected()

    # -- following the app ------------------------------------------------------------------

    def _show_closed(self) -> None:
        """Say so when the review is closed, and how it may be changed."""
        closed = self.host_session.status is SessionStatus.CLOSED
        self.set_class(closed, "-closed")
        if closed:
            note = session_host(self.app).commit_note
            held = f", committed as {note}" if note else ""
            self.query_one("#closed-banner", Static).update(
                Content.assemble(
                    ("✓ Closed", "bold"), f": every rule held{held}. Changing it reopens it first."
                )
            )

    def _session_changed(self, session: Session) -> None:
        self._show_closed()
        self.why_tree.sync(session)
        if self.why_tree.cursor_node is None:
            self.why_tree.select_id(ROOT_ID)
        self._show_selected()

    def _config_changed(self, config: Config) -> None:
        self.why_tree.relabel_all(config)
        self._show_selected()

    def _show_selected(self) -> None:
        selected = self.selected = self.why_tree.selected_id
        session = self.host_session
        self.query_one(PromptsPanel).show(session, selected, self.config)
        index = node_index(session)
        leaf = selected != ROOT_ID and not index.children(selected)
        self.query_one(SimilarHint).consider(index.node(selected).text if leaf else "")

    @on(TextArea.Changed, "#editor-input")
    def _typed(self, event: TextArea.Changed) -> None:
        """Look for similar causes, and keep what is typed as a draft until it is saved."""
        text = event.text_area.text
        self.query_one(SimilarHint).consider(text)
        editor = self.query_one(EditorBar)
        place = {"mode": editor.mode.value, "target": editor.target}
        drafts = session_host(self.app).drafts
        if self.editing and text != editor.original:
            drafts.keep("why", place, {"text": text})
        else:
            drafts.drop("why")

    @on(Tree.NodeHighlighted)
    def _highlighted(self) -> None:
        self._show_selected()

    # -- editing ------------------------------------------------------------------------------

    def watch_editing(self, editing: bool) -> None:
        self.set_class(editing, "-editing")
        self.call_after_refresh(self._cursor_in_view)

    def watch_moving(self, moving: str | None) -> None:
        self.set_class(moving is not None, "-moving")
        self.call_after_refresh(self._cursor_in_view)
        if moving is not None:
            self.query_one("#move-banner", Static).update(
                Content.assemble(
                    ("Moving ", "bold"),
                    user_text(quote(self.host_session.node(moving).text)),
                    ": go to its new parent, then enter or m; escape cancels.",
                )
            )

    def _cursor_in_view(self) -> None:
        """The editor or the move banner took rows from the tree: keep its line in sight."""
        node = self.why_tree.cursor_node
        if node is not None:
            self.why_tree.scroll_to_node(node, animate=False)

    def _writable(self, then: Callable[[], object] | None = None) -> bool:
        """An edit may start (see `may_edit`); `then` goes on once a closed review is reopened."""
        return may_edit(self.app, then)

    def edit(self, session: Session, label: str, select: str | None) -> None:
        self.post_message(EditSession(session, label, select))

    def open_editor(
        self, mode: EditMode, target: str, placeholder: str = "", text: str | None = None
    ) -> None:
        self.editing = True
        self.query_one(EditorBar).open(self.host_session, mode, target, placeholder, text)

    def open_problem_editor(self) -> None:
        """For a new session: ask for the problem statement first."""
        self.open_editor(EditMode.EDIT, ROOT_ID, PROBLEM_PLACEHOLDER, text="")

    @on(EditorBar.Done)
    def _editor_done(self, message: EditorBar.Done) -> None:
        text = message.text
        if not text.strip():
            self.notify("Nothing typed: write the words, or press escape to cancel.", markup=False)
            return
        if not self._writable():
            return
        session = self.host_session
        try:
            if message.mode is EditMode.WHY:
                updated, new_id = edits.add_why(session, message.target, text)
                self.edit(updated, f"add why {quote(text)}", new_id)
            elif message.mode is EditMode.SIBLING:
                updated, new_id = edits.add_sibling(session, message.target, text)
                self.edit(updated, f"add cause {quote(text)}", new_id)
            else:
                updated = edits.edit_text(session, message.target, text)
                self.edit(updated, f"edit {quote(text)}", message.target)
        except (ValidationError, edits.EditError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        self.query_one(EditorBar).close()

    @on(EditorBar.Closed)
    def _editor_closed(self) -> None:
        session_host(self.app).drafts.drop("why")
        self.editing = False
        self.set_focus(self.why_tree)
        self._show_selected()

    def _selected_why(self, doing: str) -> str | None:
        """The selected node's id, or None (with a notice) on the problem statement."""
        selected = self.why_tree.selected_id
        if selected == ROOT_ID:
            self.notify(f"The problem statement can't be {doing}.", markup=False)
            return None
        return selected

    def action_add_why(self, text: str = "") -> None:
        if not self._writable(lambda: self.action_add_why(text)):
            return
        selected = self.why_tree.selected_id
        if selected != ROOT_ID and self.host_session.node(selected).is_root_cause:
            self.notify(
                "This is closed as a root cause. Reopen it (o) to keep asking why.", markup=False
            )
            return
        self.open_editor(EditMode.WHY, selected, WHY_PLACEHOLDER, text=text)

    def on_paste(self, event: events.Paste) -> None:
        """Pasted words are never tree commands: pasted into the tree, they are the answer to
        "why?" under the selected node, in the editor to check before enter saves them."""
        if self.editing:
            return
        event.stop()
        words = event.text.strip()
        if words:
            self.action_add_why(words)

    def action_add_sibling(self) -> None:
        if not self._writable(self.action_add_sibling):
            return
        selected = self.why_tree.selected_id
        if selected == ROOT_ID:
            self.notify("The problem has no siblings: a adds a why under it.", markup=False)
            return
        self.open_editor(EditMode.SIBLING, selected, SIBLING_PLACEHOLDER)

    def action_edit(self) -> None:
        if self._writable(self.action_edit):
            self.open_editor(EditMode.EDIT, self.why_tree.selected_id)

    def action_delete(self) -> None:
        if not self._writable(self.action_delete):
            return
        selected = self._selected_why("deleted")
        if selected is None:
            return
        session = self.host_session
        node = session.node(selected)
        below = len(edits.subtree_ids(session, selected)) - 1
        siblings = [n.id for n in session.children(node.parent)]
        at = siblings.index(selected)
        after = siblings[at - 1] if at > 0 else node.parent
        extra = f" and {below} why{'s' if below != 1 else ''} under it" if below else ""
        label = f"delete {quote(node.text)}{extra}"
        self.edit(edits.delete_node(session, selected), label, after)
        self.notify(f"Deleted {quote(node.text)}{extra}. u undoes.", markup=False)

    # -- moving -------------------------------------------------------------------------------

    def action_move(self) -> None:
        if self.moving is not None:
            self._finish_move()
            return
        if not self._writable(self.action_move):
            return
        selected = self._selected_why("moved")
        if selected is None:
            return
        self.moving = selected

    def action_cancel_move(self) -> None:
        if self.moving is not None:
            self.moving = None
            self.notify("Move cancelled.", markup=False)

    def _finish_move(self) -> None:
        moving = self.moving
        assert moving is not None
        target = self.why_tree.selected_id
        session = self.host_session
        if target == session.node(moving).parent:
            self.notify("It is already there: pick another parent, or escape.", markup=False)
            return
        try:
            updated = edits.move_node(session, moving, target)
        except edits.EditError as error:
            self.notify(f"Can't move there: {error}.", markup=False)
            return
        self.moving = None
        where = "the problem" if target == ROOT_ID else quote(session.node(target).text)
        self.edit(updated, f"move {quote(session.node(moving).text)} under {where}", moving)

    def action_next_open(self) -> None:
        self.why_tree.jump_open(forward=True)

    def action_previous_open(self) -> None:
        self.why_tree.jump_open(forward=False)

    @on(WhyTree.Activated)
    def _activated(self, message: WhyTree.Activated) -> None:
        if self.moving is not None:
            self._finish_move()
            return
        session = self.host_session
        node_id = message.node_id
        if node_id != ROOT_ID and not session.children(node_id):
            if not session.node(node_id).is_root_cause:
                self.action_add_why()
            return
        self.why_tree.action_toggle_node()

    def action_take_over(self) -> None:
        session_host(self.app).ask_handover()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over":
            return session_host(self.app).read_only
        if self.moving is not None and action not in {"move", "cancel_move"}:
            return False
        if action == "cancel_move":
            return self.moving is not None
        return True

    # -- closing a leaf as a root cause ---------------------------------------------------------

    def action_close_cause(self) -> None:
        if not self._writable(self.action_close_cause):
            return
        selected = self._selected_why("a root cause")
        if selected is None:
            return
        session = self.host_session
        if session.children(selected):
            self.notify(
                "Only a leaf can be a root cause: this one has whys under it. "
                "Close the deepest why of the branch instead (n jumps to open leaves).",
                markup=False,
            )
            return
        RootCauseFlow(self).pick_category(selected)

    def action_reopen(self) -> None:
        if not self._writable(self.action_reopen):
            return
        selected = self._selected_why("reopened")
        if selected is None:
            return
        node = self.host_session.node(selected)
        if not node.is_root_cause:
            self.notify("This isn't closed as a root cause: nothing to reopen.", markup=False)
            return
        self.edit(edits.reopen(self.host_session, selected), f"reopen {quote(node.text)}", selected)
