"""The action items of a session: list, add, edit, mark done, reopen, delete.

Action items are where reviews go to die, so the list shows what each item still lacks and
the detail under it says why; every change goes to the app as an `EditSession`, which is what
makes it undoable and saved.
"""

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from whytui.core.edits import delete_action, mark_done, update_action
from whytui.core.models import ActionItem, ActionStatus, Session
from whytui.core.rules import action_problems
from whytui.core.text import plural, quote
from whytui.ui.editing import may_edit
from whytui.ui.host import OwnScreen, session_host
from whytui.ui.messages import EditSession
from whytui.ui.resources import stylesheet
from whytui.ui.screens.action_edit import ActionEdit, ActionEditScreen
from whytui.ui.screens.evidence import EvidenceScreen
from whytui.ui.usertext import line_text, user_text
from whytui.ui.widgets.action_table import ActionTable
from whytui.ui.widgets.keyfooter import KeyFooter
from whytui.ui.widgets.read_only import ReadOnlyBanner

_EDITS = {"add", "edit", "done", "reopen", "delete"}
_NEED_ITEM = {"edit", "done", "reopen", "delete"}


class ActionsScreen(OwnScreen):
    """Opened with `A` from the tree; `select` puts the cursor on one item (from the checklist)."""

    TITLE = "Action items"

    CSS_PATH = stylesheet("actions.tcss")
    OPENED_BY = "actions"

    BINDING_GROUP_TITLE = "Action items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="action-add", tooltip="Add an action item"),
        Binding("e", "edit", "Edit", id="action-edit", tooltip="Edit the item (enter too)"),
        Binding("d", "done", "Done", id="action-done",
                tooltip="Mark the item done, with evidence anyone can check"),
        Binding("o", "reopen", "Reopen", id="action-reopen", tooltip="Reopen a done item"),
        Binding("x,delete", "delete", "Delete", id="action-delete",
                tooltip="Delete the item (undo brings it back)"),
        Binding("escape", "back", "Back", id="actions-back", tooltip="Back to the tree"),
    ]  # fmt: skip

    def __init__(self, select: str | None = None, *, draft_of: str | None = None) -> None:
        """`select`: the item to start on; `draft_of`: open the form on the item (`""`: a new
        one) whose half-typed text is kept as a draft."""
        super().__init__()
        self._select = select
        self._draft_of = draft_of

    def compose(self) -> ComposeResult:
        yield Header()
        yield ReadOnlyBanner()
        yield Static(id="actions-summary")
        yield ActionTable(id="actions-table")
        yield Static(id="actions-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._show)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.set_focus(self.query_one(ActionTable))
        if self._draft_of is not None:
            self.app.push_screen(ActionEditScreen(self._draft_of or None), self._edited)

    def on_resize(self) -> None:
        self._redraw()

    def _theme_changed(self) -> None:
        """The app's colours are recomputed after this watcher runs: redraw after that."""
        self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        """Rebuild the rows: their widths follow the screen, their marks the theme."""
        self._show(self._session)

    @property
    def _session(self) -> Session:
        return session_host(self.app).session

    def _show(self, session: Session) -> None:
        table = self.query_one(ActionTable)
        table.show(session, self._select or table.current_id)
        self._select = None
        self.query_one("#actions-summary", Static).update(self._summary(session))
        self._show_detail()

    def _summary(self, session: Session) -> Content:
        done = sum(a.status is ActionStatus.DONE for a in session.actions)
        with_problems = sum(bool(action_problems(a, session)) for a in session.actions)
        uncovered = sum(not session.actions_for(n.id) for n in session.root_causes())
        parts = [plural(len(session.actions), "item"), f"{done} done"]
        parts.append(f"{with_problems} with problems")
        if uncovered:
            parts.append(f"{plural(uncovered, 'root cause')} without an item")
        return Content(" · ".join(parts))

    def _current(self) -> ActionItem | None:
        """The item under the cursor (None before the table is built: bindings are asked
        about as the screen opens, keys included)."""
        tables = self.query(ActionTable)
        if not tables:
            return None
        action_id = tables.first().current_id
        return next((a for a in self._session.actions if a.id == action_id), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _show_detail(self) -> None:
        self.refresh_bindings()
        detail = self.query_one("#actions-detail", Static)
        action = self._current()
        if action is None:
            detail.update(Content("No action items yet: press a to add one for each root cause."))
            return
        detail.update(self._detail(action))

    def _detail(self, action: ActionItem) -> Content:
        session = self._session
        lines = [user_text(action.text, "bold")]

        def field(name: str, value: str) -> None:
            lines.append(Content.assemble((f"{name}: ", "$text-muted"), user_text(value)))

        if action.done_when:
            field("Done when", action.done_when)
        causes = [session.node(c).text for c in action.causes]
        if causes:
            field("Causes", " · ".join(" ".join(c.split()) for c in causes))
        if action.tracker:
            field("Tracker", action.tracker)
        if action.status is ActionStatus.DONE:
            on = action.done_on.isoformat() if action.done_on else "date unknown"
            field(f"Done {on}", action.evidence or "no evidence recorded")
        for problem in action_problems(action, session):
            lines.append(Content.assemble(("✗ ", "$error"), user_text(problem.message)))
        return Content("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in _EDITS:
            return True
        if action not in _NEED_ITEM:
            return True
        current = self._current()
        if current is None:
            return None
        if action == "done":
            return current.status is ActionStatus.OPEN
        if action == "reopen":
            return current.status is ActionStatus.DONE
        return True

    def _edit(self, session: Session, label: str) -> None:
        self.post_message(EditSession(session, label))

    def _item(self, then: Callable[[], object]) -> ActionItem | None:
        """The item to change: the current one, if an edit may start (see `may_edit`)."""
        return self._current() if may_edit(self.app, then) else None

    def action_add(self) -> None:
        if may_edit(self.app, self.action_add):
            self.app.push_screen(ActionEditScreen(), self._edited)

    def action_edit(self) -> None:
        current = self._item(self.action_edit)
        if current is not None:
            self.app.push_screen(ActionEditScreen(current.id), self._edited)

    def _edited(self, result: ActionEdit | None) -> None:
        if result is not None:
            self._select = result.action_id
            self._edit(result.session, result.label)

    def action_done(self) -> None:
        current = self._item(self.action_done)
        if current is None:
            return

        def record(evidence: str | None) -> None:
            if evidence is not None:
                updated = mark_done(self._session, current.id, evidence, dt.date.today())
                self._edit(updated, "Mark action item done")

        self.app.push_screen(EvidenceScreen(current.text), record)

    def action_reopen(self) -> None:
        current = self._item(self.action_reopen)
        if current is not None:
            updated = update_action(
                self._session, current.id, status=ActionStatus.OPEN, done_on=None, evidence=""
            )
            self._edit(updated, "Reopen action item")

    def action_delete(self) -> None:
        current = self._item(self.action_delete)
        if current is None:
            return
        self._edit(delete_action(self._session, current.id), "Delete action item")
        self.notify(f"Deleted {quote(line_text(current.text), 60)}. u undoes.", markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
