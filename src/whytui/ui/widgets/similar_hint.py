"""A quiet line under the tree: this cause was seen before, in another session.

The seed's measure of a review is that the same class of incident stops recurring; the
moment to notice a recurrence is while the room is writing the cause. The search runs in a
worker thread a moment after the typing pauses, and a newer text cancels an older search, so
typing never waits for it; the line stays hidden when nothing alike was found. The scoring
(rapidfuzz) and the reading of the other sessions load in the worker too, after the first
frame: nothing of them is needed to show the tree.
"""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from whytui.core.text import one_line
from whytui.ui.host import session_host
from whytui.ui.usertext import user_text

if TYPE_CHECKING:
    from whytui.core.corpus import Corpus

PAUSE = 0.3
"""Seconds of no typing before a search starts: one search for a burst of keys."""


def _sessions_near(path: Path) -> "Corpus":
    """`sessions_near`, imported in the worker that calls it (see the module's docstring)."""
    from whytui.ui.crossref import sessions_near

    return sessions_near(path)


class SimilarHint(Static):
    DEFAULT_CSS = """
    SimilarHint {
        height: auto;
        max-height: 2;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None, pause: float = PAUSE) -> None:
        super().__init__(id=id, markup=False)
        self.pause = pause
        self._text = ""
        self._timer: Timer | None = None
        self.hit: tuple[float, str, str] | None = None
        """The best match shown: (score, session stem, cause text); None when hidden."""

    def on_mount(self) -> None:
        self.display = False
        self.call_after_refresh(self._read_sessions)

    def _read_sessions(self) -> None:
        """Read the other sessions ahead of the first search, off the UI thread."""
        path = session_host(self.app).path
        self.run_worker(lambda: _sessions_near(path), thread=True, group="similar-corpus")

    def consider(self, text: str) -> None:
        """Look for root causes alike `text` in other sessions, once the typing pauses."""
        self._text = text
        if self._timer is not None:
            self._timer.stop()
        if not text.strip():
            self._show(text, None)
            return
        if self.pause > 0:
            self._timer = self.set_timer(self.pause, self._search)
        else:  # no pause: search as soon as this event is handled
            self.call_later(self._search)

    def _search(self) -> None:
        self._timer = None
        host = session_host(self.app)
        text, path, date = self._text, host.path, host.session.date
        self.run_worker(
            lambda: self._find(text, path, date),
            thread=True,
            exclusive=True,
            group="similar-hint",
            exit_on_error=False,
        )

    def _find(self, text: str, path: Path, until: dt.date) -> None:
        """In a worker thread: read the sessions (once), score, and hand the best to the UI."""
        from whytui.core.patterns import similar_root_causes

        hits = similar_root_causes(text, _sessions_near(path), path.resolve(), limit=1, until=until)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, text, hits[0] if hits else None)

    def _show(self, text: str, hit: tuple[float, str, str] | None) -> None:
        if text != self._text:
            return  # an answer for words already typed over
        self.hit = hit
        self.display = hit is not None
        if hit is None:
            self.update("")
            return
        _, stem, cause = hit
        self.update(
            Content.assemble(
                "Seen before in ",
                user_text(stem, "bold"),
                ": ",
                user_text(f"“{one_line(cause, 120)}”"),
            )
        )
