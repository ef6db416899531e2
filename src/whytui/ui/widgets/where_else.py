"""The answer box of "where else is the same fragility?", which knows where it was before.

The closing question asks the room to look sideways. The sessions already in the repository
know where root causes of this session's categories turned up before; the box names those
services on its bottom border, where it takes no room from the checklist at 80x24. They are
looked up in a worker thread whenever the session's categories change.
"""

import datetime as dt
from pathlib import Path

from textual.content import Content
from textual.widgets import TextArea
from textual.worker import get_current_worker

from whytui.core.models import Session
from whytui.core.patterns import services_with_categories
from whytui.ui.crossref import sessions_near
from whytui.ui.host import session_host
from whytui.ui.usertext import user_text

SHOWN = 4
"""Services named on the border; the rest are counted."""


class WhereElseArea(TextArea):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._categories: tuple[str, ...] | None = None
        self.services: dict[str, list[str]] = {}
        """What is shown: service -> the earlier sessions (stems) with such root causes."""

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._session_changed)

    def _session_changed(self, session: Session) -> None:
        categories = tuple(sorted({n.category for n in session.root_causes() if n.category}))
        if categories == self._categories:
            return
        self._categories = categories
        path = session_host(self.app).path
        self.run_worker(
            lambda: self._find(categories, path, session.date),
            thread=True,
            exclusive=True,
            group="where-else",
            exit_on_error=False,
        )

    def _find(self, categories: tuple[str, ...], path: Path, until: dt.date) -> None:
        found = (
            services_with_categories(categories, sessions_near(path), path.resolve(), until)
            if categories
            else {}
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, categories, found)

    def _show(self, categories: tuple[str, ...], found: dict[str, list[str]]) -> None:
        if categories != self._categories:
            return
        self.services = found
        if not found:
            self.border_subtitle = None
            return
        named = [
            Content.assemble(user_text(service), f" ({len(stems)})")
            for service, stems in list(found.items())[:SHOWN]
        ]
        more = len(found) - SHOWN
        self.border_subtitle = Content.assemble(
            "same kinds of cause before in: ",
            Content(", ").join(named),
            f" +{more}" if more > 0 else "",
        )
