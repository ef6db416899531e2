"""The screen that adds or edits one action item, and refuses a vague one.

It returns the edited session instead of posting it, so the actions screen (which stays
alive) posts the edit and puts its cursor on the item.
"""

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Header, Input

from whytui.core.edits import EditError, add_action, update_action
from whytui.core.models import Session
from whytui.ui.host import session_host
from whytui.ui.resources import stylesheet
from whytui.ui.widgets.action_form import ActionForm
from whytui.ui.widgets.keyfooter import KeyFooter


@dataclass(frozen=True, slots=True)
class ActionEdit:
    session: Session
    label: str
    action_id: str


class ActionEditScreen(ModalScreen[ActionEdit | None]):
    """`action_id` None adds a new item.

    Modal, so the app's keys (undo, the other screens) wait until the form is saved or left.
    """

    CSS_PATH = stylesheet("action_edit.tcss")

    BINDING_GROUP_TITLE = "Action item form"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "save", "Save", id="action-save",
                tooltip="Save the item (a vague one is refused, with the reason)"),
        Binding("escape", "cancel", "Cancel", id="action-cancel",
                tooltip="Leave without saving (asks again if anything was typed)"),
    ]  # fmt: skip

    def __init__(self, action_id: str | None = None) -> None:
        super().__init__()
        self._action_id = action_id
        self._discard_armed = False
        self._initial: dict[str, str] = {}
        """The form as it opened: anything else typed is a draft."""

    def compose(self) -> ComposeResult:
        host = session_host(self.app)
        session = host.session
        action = None
        if self._action_id is not None:
            action = next(a for a in session.actions if a.id == self._action_id)
        self.title = "Edit action item" if action else "New action item"
        default_due = dt.date.today() + dt.timedelta(days=host.config.due_days)
        yield Header()
        yield ActionForm(session, action, default_due, id="form")
        yield KeyFooter()

    def on_mount(self) -> None:
        form = self.query_one(ActionForm)
        self._initial = form.typed()
        draft = session_host(self.app).drafts.get("action")
        if draft is not None and draft.place.get("action", "") == (self._action_id or ""):
            form.fill(draft.fields)
            self.notify("Restored what you had typed here and not saved.", markup=False)
        self.set_focus(self.query_one("#text", Input))

    def on_action_form_changed(self, event: ActionForm.Changed) -> None:
        """Keep the form as typed, as a draft, until it is saved or left."""
        typed = self.query_one(ActionForm).typed()
        drafts = session_host(self.app).drafts
        if typed == self._initial:
            drafts.drop("action")
        else:
            drafts.keep("action", {"action": self._action_id or ""}, typed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field, and saves from the last one."""
        event.stop()
        if event.input.id == "tracker":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        form = self.query_one(ActionForm)
        refusal = form.refusal()
        if refusal is not None:
            form.show_refusal(refusal)
            self.notify(refusal.message, severity="error", markup=False)
            return
        fields = form.draft().fields()
        session = session_host(self.app).session
        try:
            if self._action_id is None:
                updated, action_id = add_action(session, **fields)
                label = "Add action item"
            else:
                updated = update_action(session, self._action_id, **fields)
                action_id, label = self._action_id, "Edit action item"
        except (EditError, ValidationError) as error:
            self.notify(
                f"Not saved: {error}. The form keeps what you typed.",
                severity="error",
                markup=False,
            )
            return
        session_host(self.app).drafts.drop("action")
        self.dismiss(ActionEdit(updated, label, action_id))

    def action_cancel(self) -> None:
        """Leave; with unsaved changes, only on the second escape."""
        if self.query_one(ActionForm).typed() != self._initial and not self._discard_armed:
            self._discard_armed = True
            self.notify(
                "Unsaved changes: escape again discards them, ctrl+o saves.", severity="warning"
            )
            return
        session_host(self.app).drafts.drop("action")
        self.dismiss(None)
