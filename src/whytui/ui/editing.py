"""Whether an edit may start now: the one check every key that changes the session makes.

Not in a read-only window (another whytui has the file: said, and nothing happens), and not in
a closed review without reopening it first (asked: ctrl+r reopens it, undoably, and the edit
then goes on as if the key had just been pressed).
"""

from collections.abc import Callable
from typing import Any

from textual.app import App

from whytui.core.edits import set_fields
from whytui.core.models import SessionStatus
from whytui.ui.host import session_host
from whytui.ui.messages import EditSession
from whytui.ui.sharing import refuse_read_only


def may_edit(app: App[Any], then: Callable[[], object] | None = None) -> bool:
    """True if the edit may go on now; otherwise False, having said why or asked.

    `then` is what to do once a closed review has been reopened (the edit asked for).
    """
    if refuse_read_only(app):
        return False
    host = session_host(app)
    if host.session.status is not SessionStatus.CLOSED:
        return True
    from whytui.ui.screens.reopen import ReopenScreen

    def answered(reopen: bool | None) -> None:
        if not reopen:
            return
        reopened = set_fields(host.session, status=SessionStatus.OPEN)
        app.post_message(EditSession(reopened, "Reopen session"))
        app.notify("Reopened: it is open until it is closed again (u undoes).", markup=False)
        if then is not None:
            app.call_later(then)

    app.push_screen(ReopenScreen(host.commit_note), answered)
    return False
