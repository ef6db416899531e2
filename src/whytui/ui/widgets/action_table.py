"""The list of a session's action items: status, owner, due date and a problem marker a row.

The marker says how many rules an item still breaks (✗ 2) or that it breaks none (✓), so the
facilitator sees at a glance which items need an owner or a check, without relying on colour.
"""

from rich.text import Text
from textual.widgets import DataTable

from whytui.core.models import ActionItem, ActionStatus, Session
from whytui.core.rules import action_problems

_FIXED = {"mark": 3, "status": 4, "owner": 14, "due": 10}
_PADDING = 2 * (len(_FIXED) + 1)
_MIN_TEXT = 16


def _cell(text: str, style: str = "") -> Text:
    """One line of user text, cut with an ellipsis; Text, so it is never parsed as markup."""
    flat = " ".join(text.split())
    return Text(flat, style=style, no_wrap=True, overflow="ellipsis", end="")


class ActionTable(DataTable[Text]):
    """Rows keyed by action id, so the cursor can follow an item across edits."""

    DEFAULT_CSS = """
    ActionTable {
        height: 1fr;
        min-height: 4;
    }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def show(self, session: Session, select: str | None) -> None:
        """Show `session`'s items, keeping the cursor on `select` (an action id) if it is one."""
        self.clear(columns=True)
        room = self.scrollable_content_region.width - sum(_FIXED.values()) - _PADDING
        self.add_column("", width=_FIXED["mark"], key="mark")
        self.add_column("", width=_FIXED["status"], key="status")
        self.add_column("Action", width=max(_MIN_TEXT, room), key="text")
        self.add_column("Owner", width=_FIXED["owner"], key="owner")
        self.add_column("Due", width=_FIXED["due"], key="due")
        for action in session.actions:
            self.add_row(*self._cells(action, session), key=action.id)
        if select is not None and select in {a.id for a in session.actions}:
            self.move_cursor(row=self.get_row_index(select), scroll=True)

    def _cells(self, action: ActionItem, session: Session) -> tuple[Text, ...]:
        colours = self.app.theme_variables
        count = len(action_problems(action, session))
        mark = (
            Text(f"✗{count}", style=f"bold {colours.get('error', 'red')}")
            if count
            else Text("✓", style=colours.get("success", "green"))
        )
        done = action.status is ActionStatus.DONE
        return (
            mark,
            Text(action.status.value, style="dim" if done else "bold"),
            _cell(action.text, "dim strike" if done else ""),
            _cell(action.owner) if action.owner else Text("no owner", style="italic dim"),
            Text(action.due.isoformat()) if action.due else Text("no date", style="italic dim"),
        )

    @property
    def current_id(self) -> str | None:
        """Id of the action item under the cursor, if there is one."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key
