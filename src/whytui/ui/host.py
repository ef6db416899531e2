"""What screens may rely on in the app that hosts them.

Screens take no constructor arguments: they read the session and config from the app and
change the session only by posting `EditSession`. `SessionHost` names that contract so the
screens type-check without importing the app (which imports them).
"""

from pathlib import Path
from typing import Protocol, cast

from textual.app import App

from whytui.core.config import Config
from whytui.core.models import Session


class SessionHost(Protocol):
    session: Session
    config: Config
    path: Path
    read_only: bool

    async def flush_autosave(self) -> OSError | None:
        """Write the session now; the error if that failed."""


def session_host(app: App[object]) -> SessionHost:
    return cast(SessionHost, app)
