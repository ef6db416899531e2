"""Two windows on one file: the first edits, any other follows it, and they can swap.

Pairing over tmux often means two windows on one review. The first to open the file holds it;
another opens it read-only, names the holder in a banner on every screen, and follows each
save quietly. When the holder quits, the follower takes the file by itself and says so; `t`
asks a live holder to hand it over: the holder saves, lets go and follows in turn, nothing
lost (what it had half typed stays a draft). Read-only is told one way everywhere: the banner,
and the same notice whenever an edit is refused.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual.app import App

from whytui.store.open_session import OpenSession
from whytui.ui.host import session_host

if TYPE_CHECKING:
    from whytui.ui.app import WhyApp

READ_ONLY = "Read-only: another whytui has this file open. Changes here aren't saved."
"""The banner of a read-only window, when nothing more is known of the holder."""
LOOK_EVERY = 1.0
"""Seconds between looks at the lock: has the holder gone, or has someone asked for it?"""


def banner(document: OpenSession, followed: str = "") -> str:
    """What the banner of every screen says ('' when this window holds the file)."""
    if not document.read_only:
        return ""
    holder = document.access.holder
    if holder is None:
        return f"Read-only: {document.access.notice}. Changes here aren't saved."
    last = f" (the last at {followed})" if followed else ""
    return (
        f"Read-only: {holder.describe()} has this file. Its saves show here as they happen"
        f"{last}. t asks it to hand the file over."
    )


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


class Sharing:
    """Looks at the lock each second: takes the file when its holder has gone, hands it
    over when another window asks."""

    def __init__(self, app: "WhyApp") -> None:
        self._app = app
        self._followed = ""

    def start(self) -> None:
        self._app.set_interval(LOOK_EVERY, self.look)

    def followed(self) -> None:
        """A save of the holder was taken in: say when, in the banner, not in a toast."""
        self._followed = dt.datetime.now().strftime("%H:%M:%S")
        self._show()

    def _show(self) -> None:
        app = self._app
        app.access_note = banner(app.document, self._followed)
        app.sub_title = ("read-only · " if app.read_only else "") + app.path.name

    def look(self) -> None:
        app, document = self._app, self._app.document
        was = document.access.holder
        if document.read_only:
            if document.retake():
                app.show_document()
                self._followed = ""
                self._show()
                gone = f"{was.describe()} let go of it" if was else "it is free"
                app.notify(f"You can edit now: {gone}.", title="Yours to edit", markup=False)
            elif document.access.holder != was:
                self._show()
            return
        asker = document.hand_over(app.session_screen.selected)
        if asker is not None:
            self._show()
            app.notify(
                f"{asker.describe()} asked for the file: everything here is saved, and it is "
                "theirs to edit now. This window follows it; text half typed stays a draft.",
                title="Handed over",
                timeout=20,
                markup=False,
            )

    def ask(self) -> None:
        """Ask the holder to hand the file over (the `t` key of a read-only window)."""
        app, document = self._app, self._app.document
        holder = document.access.holder
        if not document.read_only or holder is None:
            return
        try:
            document.ask_handover()
        except OSError as error:
            app.notify(f"Could not ask: {error.strerror or error}.", severity="error", markup=False)
            return
        app.notify(
            f"Asked {holder.describe()} to hand the file over: it saves first, then this window "
            "can edit.",
            markup=False,
        )
