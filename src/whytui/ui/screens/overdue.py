"""Overdue action items across every session of the repository, longest overdue first.

The seed: action items are where reviews go to die. This screen shows the ones past their due
date in any session, with who owns them and which review agreed them, and the command that
records one done. The sessions are read in a worker thread; the screen opens at once.
"""

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from whytui.core.followup import FollowUp, overdue_actions
from whytui.ui.crossref import sessions_near
from whytui.ui.host import OwnScreen, session_host
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import user_text
from whytui.ui.widgets.keyfooter import KeyFooter


def _cell(text: str) -> Text:
    """One line of user text, cut with an ellipsis; Text, so it is never parsed as markup."""
    return Text(user_text(" ".join(text.split())).plain, no_wrap=True, overflow="ellipsis")


class OverdueScreen(OwnScreen):
    TITLE = "Overdue action items"
    BINDING_GROUP_TITLE = "Overdue action items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="overdue.back"),
    ]
    CSS_PATH = stylesheet("overdue.tcss")
    OPENED_BY = "overdue"

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self.items: list[FollowUp] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the sessions…", id="overdue-summary", markup=False)
        yield DataTable[Text](id="overdue-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="overdue-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Late", width=5, key="late")
        table.add_column("Owner", width=14, key="owner")
        table.add_column("Action item", width=30, key="text")
        table.add_column("Session", width=18, key="session")
        path = session_host(self.app).path
        self.run_worker(lambda: self._read(path), thread=True, exit_on_error=False)
        table.focus()

    def _read(self, path: Path) -> None:
        items = overdue_actions(sessions_near(path), self.today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, items)

    def _show(self, items: list[FollowUp]) -> None:
        self.items = items
        table = self.query_one(DataTable)
        for index, item in enumerate(items):
            table.add_row(
                Text(f"{item.days_late(self.today)}d", justify="right"),
                _cell(item.owner),
                _cell(item.action.text),
                _cell(item.entry.stem),
                key=str(index),
            )
        summary = self.query_one("#overdue-summary", Static)
        if not items:
            summary.update(f"No action item in any session is overdue ({self.today}).")
            return
        sessions = len({i.entry.path for i in items})
        summary.update(
            f"{len(items)} overdue action item{'s' if len(items) != 1 else ''} in "
            f"{sessions} session{'s' if sessions != 1 else ''}, longest overdue first "
            f"(as of {self.today})."
        )
        self._detail(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._detail(int(event.row_key.value))

    def _detail(self, index: int) -> None:
        if not 0 <= index < len(self.items):
            return
        item = self.items[index]
        action = item.action
        due = action.due.isoformat() if action.due else "?"
        lines = [
            Content.assemble(user_text(action.text, "bold")),
            Content.assemble(
                f"{item.owner} · due {due} · ", user_text(item.entry.stem), f" ({action.id})"
            ),
        ]
        lines += [Content.assemble("Root cause: ", user_text(c.text)) for c in item.causes]
        lines.append(Content(f"Done? whytui actions done {action.id} --evidence LINK"))
        self.query_one("#overdue-detail", Static).update(Content("\n").join(lines))

    def action_back(self) -> None:
        self.dismiss(None)
