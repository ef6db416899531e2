"""What screens may rely on in the app that hosts them.

Screens take no session in their constructors: they read the session and config from the app
and change the session only by posting `EditSession`. `SessionHost` names that contract so
the screens type-check without importing the app (which imports them).
"""

from pathlib import Path
from typing import Any, ClassVar, Protocol, cast

from textual.app import App
from textual.screen import Screen

from whytui.core.config import Config
from whytui.core.models import Session
from whytui.store.drafts import DraftStore


class SessionHost(Protocol):
    session: Session
    config: Config
    path: Path
    read_only: bool
    access_note: str
    """Who holds the file, for the banner ('' when this window does)."""
    drafts: DraftStore
    commit_note: str
    """The commit holding a closed review ('' when none is known)."""
    wrote_config: bool
    """This window wrote the repository's `.whytui.toml` (a system name): the commit at Close
    takes it too."""

    async def flush_autosave(self) -> OSError | None:
        """Write the session now; the error if that failed."""

    async def commit_session(self, branch: bool = False) -> None:
        """Commit the saved session file, and say what happened."""

    def ask_handover(self) -> None:
        """Read-only: ask the window that holds the file to hand it over."""


def session_host(app: App[Any]) -> SessionHost:
    return cast(SessionHost, app)


class OwnScreen(Screen[None]):
    """A screen opened by one of the app's keys, which is hidden while it is open."""

    OPENED_BY: ClassVar[str]
    """The app action that opens this screen."""
