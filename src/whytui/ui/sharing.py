"""Two windows on one file: the first edits, any other only reads, and each is told so.

A second whytui on a file someone has open gets it read-only (the lock says who holds it).
Read-only is told one way on every screen: a banner, the same notice whenever an edit is
refused, and on opening, who has the file.
"""

from typing import Any

from textual.app import App

from whytui.store.open_session import OpenSession
from whytui.ui.host import session_host

READ_ONLY = "Read-only: another whytui has this file open. Changes here aren't saved."
"""The banner of every screen of a read-only window."""


def refuse_read_only(app: App[Any]) -> bool:
    """In a read-only window, say that an edit was not made (and return True)."""
    if not session_host(app).read_only:
        return False
    app.notify(
        "Read-only: another whytui has this file open, so nothing here would be saved. "
        "Close that one, then reopen this file to edit.",
        severity="warning",
        markup=False,
    )
    return True


def announce(app: App[Any], document: OpenSession) -> None:
    """Say how the file was opened, when that is not simply for editing."""
    if document.read_only:
        app.notify(
            f"Read-only: {document.access.notice}. You can look around; changes won't be "
            "saved. Close the other whytui, then reopen this file to edit.",
            title="Opened read-only",
            severity="warning",
            timeout=20,
            markup=False,
        )
    elif (took_over := document.took_over) is not None:
        app.notify(
            f"Took over a stale lock left by {took_over.describe()}, which is no longer running.",
            markup=False,
        )
