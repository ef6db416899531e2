"""The session's details: title, date, incident references, facilitator, people, services.

These are what a reader of the pull request looks for first and what `whytui patterns` groups
by (services), so they are edited here, in one small form, rather than in the file by hand.
Lists are typed comma-separated, the way people say them in the room.
"""

import datetime as dt
from typing import ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from whytui.core.edits import set_fields
from whytui.core.models import Session
from whytui.ui.host import session_host
from whytui.ui.messages import EditSession
from whytui.ui.resources import stylesheet

_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Title", "what happened, in a line"),
    ("date", "Date", "YYYY-MM-DD"),
    ("incidents", "Incidents", "INC-2291, INC-2292"),
    ("facilitator", "Facilitator", "who runs this review"),
    ("participants", "Participants", "names, comma-separated"),
    ("services", "Services", "affected services or components, comma-separated"),
)
_LISTS = frozenset({"incidents", "participants", "services"})


def _shown(session: Session, field: str) -> str:
    value = getattr(session, field)
    if field in _LISTS:
        return ", ".join(value)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class DetailsScreen(ModalScreen[None]):
    """Edit the header of the session; ctrl+o saves as one undoable edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "save", "Save", id="details-save"),
        Binding("escape", "cancel", "Cancel", id="details-cancel"),
    ]

    CSS_PATH = stylesheet("details.tcss")

    def __init__(self, session: Session, draft: dict[str, str] | None = None) -> None:
        """`draft`: what was typed here last time and not saved, to put back."""
        super().__init__()
        self.session = session
        self._draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="details-dialog", classes="dialog"):
            yield Static(Content("Session details"), classes="dialog-title")
            with Grid(id="details-grid"):
                for field, label, hint in _FIELDS:
                    yield Label(label)
                    yield Input(
                        _shown(self.session, field),
                        placeholder=hint,
                        id=field,
                        compact=True,
                        select_on_focus=False,  # a key typed adds to the words, as in the tree
                    )
            yield Static(id="details-error")
            yield Static(
                Content("enter next field · ctrl+o saves · escape cancels"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        for field, value in (self._draft or {}).items():
            if field in self._saved():
                self.query_one(f"#{field}", Input).value = value

    def _saved(self) -> dict[str, str]:
        return {field: _shown(self.session, field) for field, _, _ in _FIELDS}

    def _typed(self) -> dict[str, str]:
        return {field: self.query_one(f"#{field}", Input).value for field, _, _ in _FIELDS}

    def on_input_changed(self, event: Input.Changed) -> None:
        """Keep the fields as typed, as a draft, until they are saved or left."""
        typed = self._typed()
        drafts = session_host(self.app).drafts
        if typed == self._saved():
            drafts.drop("details")
        else:
            drafts.keep("details", {}, typed)

    def action_cancel(self) -> None:
        session_host(self.app).drafts.drop("details")
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        values = self._typed()
        changes: dict[str, object] = {
            field: _split(value) if field in _LISTS else value.strip()
            for field, value in values.items()
        }
        try:
            changes["date"] = dt.date.fromisoformat(values["date"].strip())
            updated = set_fields(self.session, **changes)
        except ValueError as error:
            self._refuse(error)
            return
        if updated != self.session:
            self.app.post_message(EditSession(updated, "Edit session details"))
        session_host(self.app).drafts.drop("details")
        self.dismiss(None)

    def _refuse(self, error: ValueError) -> None:
        if isinstance(error, ValidationError):
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            message = f"{where}: {first['msg']}"
        else:
            message = f"date: {error}"
        self.query_one("#details-error", Static).update(
            Content(f"Not saved: {message}. Fix it, or escape to leave the details as they were.")
        )
