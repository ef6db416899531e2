"""The app's git: the commit at Close, and which commit holds a closed review.

Both run off the UI thread (GitPython is imported there, when first needed, never at
start-up) and say what happened in git's own words; the file stays saved either way.
"""

import asyncio
from typing import TYPE_CHECKING

from whytui.core.models import SessionStatus

if TYPE_CHECKING:
    from whytui.ui.app import WhyApp


class Committing:
    def __init__(self, app: "WhyApp") -> None:
        self._app = app

    def look(self) -> None:
        """Find which commit holds the closed review as it is on disk (`commit_note`)."""
        from whytui.git.commit_job import holding_commit

        app = self._app

        def found(note: str) -> None:
            app.commit_note = note

        def look() -> None:
            app.call_from_thread(found, holding_commit(app.path))

        if app.session.status is SessionStatus.CLOSED:
            app.run_worker(look, thread=True, group="git", exit_on_error=False)

    async def commit(self, branch: bool) -> None:
        """Commit the saved file; a refusal (no identity, a failing hook…) is shown as git
        says it."""
        from whytui.git.commit_job import commit_in_thread

        app = self._app
        report, ok = await asyncio.to_thread(
            commit_in_thread, app.path, branch, app.config, app.wrote_config
        )
        if ok:
            self.look()
        app.notify(
            report,
            title="Committed" if ok else "Not committed",
            severity="information" if ok else "warning",
            timeout=20,
            markup=False,
        )
