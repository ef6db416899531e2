"""Text half typed when the session was last closed, offered back on opening it.

A quit, a closed pane, a crash: whatever was in the why editor, the action form, the closing
answers or the details form when it happened is kept (`whytui.store.drafts`) and listed here
the next time the session opens. Enter puts the highlighted one back where it was typed, d
drops it, escape keeps them all for later.
"""

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.core.text import one_line, quote
from whytui.store.drafts import Draft
from whytui.ui.host import session_host
from whytui.ui.resources import stylesheet
from whytui.ui.usertext import line_text, user_text
from whytui.ui.widgets.editor import WHY_PLACEHOLDER, EditMode

if TYPE_CHECKING:
    from whytui.ui.screens.session import SessionScreen

_WHERE = {"why": "why under", "sibling": "cause beside", "edit": "rewording of"}


def describe(draft: Draft, session: Session) -> str:
    """Where the draft was typed and how it starts, in one line."""
    words = one_line(" · ".join(v for v in draft.fields.values() if v.strip()), 70)
    if draft.kind == "why":
        target = draft.place.get("target", ROOT_ID)
        known = {n.id: n.text for n in session.nodes}
        under = "the problem" if target == ROOT_ID else quote(known.get(target, "a removed why"))
        return f"A {_WHERE.get(draft.place.get('mode', 'why'), 'why under')} {under}: {words}"
    if draft.kind == "action":
        return f"{'An edited' if draft.place.get('action') else 'A new'} action item: {words}"
    if draft.kind == "answers":
        return f"The closing answers: {words}"
    return f"The session details: {words}"


class DraftsScreen(ModalScreen[Draft | None]):
    """Dismissed with the draft to put back, or None to keep them all for later."""

    CSS_PATH = stylesheet("drafts.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "drop", "Drop it", id="draft-drop", tooltip="Drop the highlighted text"),
        Binding("escape", "dismiss(None)", "Later", id="draft-later",
                tooltip="Keep them all for later (offered again next time)"),
    ]  # fmt: skip

    def __init__(self, drafts: list[Draft]) -> None:
        super().__init__()
        self.drafts = drafts

    def compose(self) -> ComposeResult:
        session = session_host(self.app).session
        with Vertical(id="drafts-dialog", classes="dialog"):
            yield Static(Content("Text you had not saved"), classes="dialog-title")
            yield OptionList(
                *(Option(user_text(line_text(describe(d, session)))) for d in self.drafts),
                id="drafts-list",
                compact=True,
            )
            yield Static(
                Content("enter puts it back · d drops it · escape keeps them for later"),
                classes="dialog-keys",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.drafts[event.option_index])

    def action_drop(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        dropped = self.drafts.pop(index)
        session_host(self.app).drafts.drop(dropped.kind)
        self.notify(f"Dropped: {describe(dropped, session_host(self.app).session)}", markup=False)
        if not self.drafts:
            self.dismiss(None)
            return
        options.remove_option_at_index(index)


def put_back(tree: "SessionScreen", draft: Draft | None) -> None:
    """Open what `draft` was typed into, with its words in it."""
    if draft is None:
        return
    if draft.kind == "why":
        _reopen_editor(tree, draft)
    elif draft.kind == "action":
        from whytui.ui.screens.actions import ActionsScreen

        tree.app.push_screen(ActionsScreen(draft_of=draft.place.get("action", "")))
    elif draft.kind == "answers":
        from whytui.ui.screens.closing import ClosingScreen

        tree.app.push_screen(ClosingScreen(draft=draft.fields))
    else:
        from whytui.ui.screens.details import DetailsScreen

        tree.app.push_screen(DetailsScreen(tree.host_session, draft.fields))


def _reopen_editor(tree: "SessionScreen", draft: Draft) -> None:
    """The editor where the why was being typed, with its words (under the problem, if that
    node is gone)."""
    mode = EditMode(draft.place.get("mode", EditMode.WHY.value))
    target = draft.place.get("target", ROOT_ID)
    if target != ROOT_ID and target not in {n.id for n in tree.host_session.nodes}:
        mode, target = EditMode.WHY, ROOT_ID
    if mode is EditMode.SIBLING and target == ROOT_ID:
        mode = EditMode.WHY
    tree.select(target)
    tree.open_editor(mode, target, WHY_PLACEHOLDER, text=draft.fields.get("text", ""))
