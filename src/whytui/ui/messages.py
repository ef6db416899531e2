"""Messages that carry edits and navigation up to the app, so widgets never reach across.

The app owns the session (a reactive `WhyApp.session`, frozen `Session` values) and its undo
history. A widget or screen that changes the session builds the new value with
`whytui.core.edits` and posts `EditSession`; the app records it for undo, autosaves it and updates
`session`, which screens watch (`self.watch(self.app, "session", ...)`).
"""

from dataclasses import dataclass

from textual.message import Message

from whytui.core.models import Session


@dataclass
class EditSession(Message):
    """Replace the session with `session`; `label` names the edit in undo/redo notices."""

    session: Session
    label: str
    select: str | None = None
    """Node id (or ``root``) the tree should select after the edit, if any."""


@dataclass
class JumpTo(Message):
    """Show this node or action item (from the closing checklist, say)."""

    node_id: str | None = None
    action_id: str | None = None
