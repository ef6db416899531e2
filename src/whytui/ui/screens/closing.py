"""Closing the session: the checklist, the two closing questions, and Close.

A review may close only when every rule holds; the checklist shows all of them and takes the
facilitator to whatever is unmet. The answers are part of the checklist, so it is computed on
what is typed, not only on what is saved.
"""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import DescendantBlur
from textual.widgets import Header, Label, OptionList, Static, TextArea

from whytui.core.edits import set_closing, set_fields
from whytui.core.ids import ROOT_ID
from whytui.core.models import ClosingAnswers, Session, SessionStatus
from whytui.core.rules import Problem, session_close_problems
from whytui.ui.host import OwnScreen, session_host
from whytui.ui.messages import EditSession, JumpTo
from whytui.ui.resources import stylesheet
from whytui.ui.sharing import refuse_read_only
from whytui.ui.usertext import user_text
from whytui.ui.widgets.checklist import Checklist
from whytui.ui.widgets.keyfooter import KeyFooter
from whytui.ui.widgets.read_only import ReadOnlyBanner
from whytui.ui.widgets.where_else import WhereElseArea

_QUESTION_FIELDS = {
    "closing-unanswered-prevention": "would-have-prevented",
    "closing-unanswered-where-else": "where-else",
}
"""Closing-question rules, and the answer field that fixes each."""


def _question(field: str) -> str:
    description = ClosingAnswers.model_fields[field.replace("-", "_")].description
    return description or field


class ClosingScreen(OwnScreen):
    """Opened with `C` from the tree."""

    TITLE = "Close the session"

    CSS_PATH = stylesheet("closing.tcss")
    OPENED_BY = "closing"

    BINDING_GROUP_TITLE = "Closing checklist"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "close_session", "Close session", id="close-session",
                tooltip="Close the session (only when every rule holds), save and commit it"),
        Binding("ctrl+n", "close_session(True)", "Close on a branch", id="close-on-branch",
                tooltip="Close, save and commit on a new branch review/<title>, for a pull "
                "request"),
        Binding("ctrl+r", "reopen_session", "Reopen session", id="reopen-session",
                tooltip="Reopen a closed session"),
        Binding("escape", "back", "Back", id="closing-back",
                tooltip="Back to the tree (answers are kept)"),
    ]  # fmt: skip

    def __init__(self, draft: dict[str, str] | None = None) -> None:
        """`draft`: answers typed last time and not saved, to put back (as an edit)."""
        super().__init__()
        self._draft = draft
        self._close_requested = False
        self._commit_on_branch = False
        self._problems_shown: list[Problem] = []
        self._saved_answers = ("", "")
        """The answers last saved or posted, so one change is posted once."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ReadOnlyBanner()
        yield Static(id="closing-summary")
        yield Checklist(id="checklist")
        for field in ("would-have-prevented", "where-else"):
            yield Label(_question(field), classes="question")
            yield WhereElseArea(id=field) if field == "where-else" else TextArea(id=field)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._show)
        self.set_focus(self.query_one(Checklist))
        if self._draft:
            for key, field in (("would_have_prevented", "would-have-prevented"),
                               ("where_else", "where-else")):  # fmt: skip
                self.query_one(f"#{field}", TextArea).load_text(self._draft.get(key, ""))
            self._save_answers()
            self.notify("Put back the answers you had typed (u undoes).", markup=False)

    @property
    def _session(self) -> Session:
        return session_host(self.app).session

    def _answers(self) -> tuple[str, str]:
        return (
            self.query_one("#would-have-prevented", TextArea).text,
            self.query_one("#where-else", TextArea).text,
        )

    def _with_answers(self) -> Session:
        """The session with the answers as typed, saved or not."""
        session = self._session
        answers = self._answers()
        if answers == (session.closing.would_have_prevented, session.closing.where_else):
            return session
        return set_closing(session, *answers)

    def _problems(self) -> list[Problem]:
        return session_close_problems(self._with_answers(), session_host(self.app).config)

    def _show(self, session: Session) -> None:
        """Show `session`: answers into fields not being typed in, then the checklist."""
        locked = self._locked()
        self._saved_answers = (session.closing.would_have_prevented, session.closing.where_else)
        for field, text in zip(
            ("would-have-prevented", "where-else"), self._saved_answers, strict=True
        ):
            area = self.query_one(f"#{field}", TextArea)
            area.read_only = locked
            if area.text != text and not area.has_focus:
                area.load_text(text)
        self._problems_shown = self._problems()
        self._redraw(self._problems_shown)
        if self._close_requested and session.status is SessionStatus.CLOSED:
            self._close_requested = False
            self.app.run_worker(self._saved_closed())

    def _redraw(self, problems: list[Problem]) -> None:
        self.query_one(Checklist).show(problems)
        self.query_one("#closing-summary", Static).update(self._summary(problems))
        self.refresh_bindings()

    def _summary(self, problems: list[Problem]) -> Content:
        if self._session.status is SessionStatus.CLOSED:
            return Content.assemble(("✓ Closed. ", "bold $success"), "ctrl+r reopens it.")
        if problems:
            count = len(problems)
            return Content.assemble(
                (f"✗ {count} {'thing' if count == 1 else 'things'} to fix", "bold $error"),
                " before this session may close. Enter on a ✗ row goes there.",
            )
        return Content.assemble(("✓ Every rule holds: ", "bold $success"), "ctrl+o closes.")

    def _locked(self) -> bool:
        host = session_host(self.app)
        return host.read_only or host.session.status is SessionStatus.CLOSED

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the answers as typed, as a draft until they are saved; redraw only when typing
        changes what is unmet: keystrokes stay cheap."""
        event.stop()
        answers = self._answers()
        drafts = session_host(self.app).drafts
        if answers == self._saved_answers:
            drafts.drop("answers")
        else:
            prevented, where_else = answers
            drafts.keep(
                "answers", {}, {"would_have_prevented": prevented, "where_else": where_else}
            )
        problems = self._problems()
        if problems != self._problems_shown:
            self._problems_shown = problems
            self._redraw(problems)

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            self._save_answers()

    def _save_answers(self) -> None:
        """Post typed answers as one edit, if they differ from the session's."""
        answers = self._answers()
        if answers != self._saved_answers and not self._locked():
            self._saved_answers = answers
            updated = set_closing(self._session, *answers)
            self.app.post_message(EditSession(updated, "Answer closing questions"))
            session_host(self.app).drafts.drop("answers")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        problem = self.query_one(Checklist).problem(event.option_id)
        if problem is None:
            return
        if problem.rule in _QUESTION_FIELDS:
            self.set_focus(self.query_one(f"#{_QUESTION_FIELDS[problem.rule]}", TextArea))
            return
        self._save_answers()
        if problem.action_id is not None:
            jump = JumpTo(action_id=problem.action_id)
        else:
            jump = JumpTo(node_id=problem.node_id or ROOT_ID)
        self.dismiss(None)
        self.app.post_message(jump)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        host = session_host(self.app)
        closed = host.session.status is SessionStatus.CLOSED
        if action == "close_session":
            if closed:
                return False
            return None if self._problems_shown else True
        if action == "reopen_session":
            return closed
        return True

    def action_close_session(self, on_branch: bool = False) -> None:
        if refuse_read_only(self.app) or self._locked() or self._problems():
            return
        closed = set_fields(self._with_answers(), status=SessionStatus.CLOSED)
        self._close_requested = True
        self._commit_on_branch = on_branch
        self.app.post_message(EditSession(closed, "Close session"))

    async def _saved_closed(self) -> None:
        """Once the app holds the closed session: write it, commit it if the app can, say so."""
        host = session_host(self.app)
        path = user_text(str(host.path)).plain
        error = await host.flush_autosave()
        if error is not None:
            self.app.notify(
                f"Session closed, but {path} could not be written: {error.strerror or error}. "
                "It is kept in this window and saving is tried again on the next change.",
                severity="error",
                markup=False,
            )
            return
        self.app.notify(f"Session closed and saved to {path}", markup=False)
        await host.commit_session(branch=self._commit_on_branch)

    def action_reopen_session(self) -> None:
        if refuse_read_only(self.app):
            return
        reopened = set_fields(self._session, status=SessionStatus.OPEN)
        self.app.post_message(EditSession(reopened, "Reopen session"))

    def action_back(self) -> None:
        self._save_answers()
        self.dismiss(None)
