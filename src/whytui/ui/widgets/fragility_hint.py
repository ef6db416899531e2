"""Beside "where else is the same fragility?": services where the same kinds of cause were
found before.

The closing question asks the room to look sideways. The sessions already in the repository
know where root causes of this session's categories turned up before; naming those services
gives the room somewhere to start. Computed in a worker thread whenever the session's
categories change.
"""

import datetime as dt
from pathlib import Path

from textual.content import Content
from textual.widgets import Static
from textual.worker import get_current_worker

from whytui.models import Session
from whytui.patterns import services_with_categories
from whytui.ui.crossref import sessions_near
from whytui.ui.host import session_host
from whytui.ui.usertext import user_text

SHOWN = 6
"""Services named; the rest are counted."""


class FragilityHint(Static):
    DEFAULT_CSS = """
    FragilityHint {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._categories: tuple[str, ...] | None = None
        self.services: dict[str, list[str]] = {}
        """What is shown: service -> the earlier sessions (stems) that found such causes."""

    def on_mount(self) -> None:
        self.display = False
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
            group="fragility-hint",
            exit_on_error=False,
        )

    def _find(self, categories: tuple[str, ...], path: Path, until: dt.date) -> None:
        found = (
            services_with_categories(categories, sessions_near(path), path, until)
            if categories
            else {}
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, categories, found)

    def _show(self, categories: tuple[str, ...], found: dict[str, list[str]]) -> None:
        if categories != self._categories:
            return
        self.services = found
        self.display = bool(categories)
        if not categories:
            return
        kinds = ", ".join(categories)
        if not found:
            self.update(f"No earlier session found root causes of these kinds ({kinds}).")
            return
        named = [
            Content.assemble(user_text(service, "bold"), f" ({len(stems)})")
            for service, stems in list(found.items())[:SHOWN]
        ]
        more = len(found) - SHOWN
        self.update(
            Content.assemble(
                f"Root causes of these kinds ({kinds}) were found before in: ",
                Content(", ").join(named),
                f", and {more} more services" if more > 0 else "",
                ".",
            )
        )
