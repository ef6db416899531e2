"""The closing checklist: every rule met or not, jumps to what is unmet, and Close."""

from pathlib import Path

from textual.widgets import TextArea
from ui_host import ACTION, OPEN_LEAF, HostApp, make_session
from whyapp_kit import PERSON as DEMO_PERSON
from whyapp_kit import demo_session, open_app, screen_text, selected, write

from whytui.core.config import Config
from whytui.core.edits import set_closing, set_fields, update_action
from whytui.core.models import Session, SessionStatus, WhyNode
from whytui.core.rules import session_close_problems
from whytui.store import sessionfile
from whytui.ui.messages import JumpTo
from whytui.ui.screens.actions import ActionsScreen
from whytui.ui.screens.closing import ClosingScreen
from whytui.ui.widgets.action_table import ActionTable
from whytui.ui.widgets.checklist import CHECKS, Checklist

SIZE = (80, 24)


def closing_app(session: Session | None = None) -> HostApp:
    return HostApp(ClosingScreen, session)


def highlight(app: HostApp, rule: str) -> None:
    """Put the checklist cursor on the first problem of `rule`."""
    checklist = app.screen.query_one(Checklist)
    for index in range(checklist.option_count):
        problem = checklist.problem(checklist.get_option_at_index(index).id)
        if problem is not None and problem.rule == rule:
            checklist.highlighted = index
            return
    raise AssertionError(f"no {rule} row")


async def test_every_rule_is_listed_met_or_unmet_and_every_problem_is_a_row() -> None:
    session = make_session()
    app = closing_app(session)
    async with app.run_test(size=SIZE):
        checklist = app.screen.query_one(Checklist)
        rows = [
            checklist.problem(checklist.get_option_at_index(i).id)
            for i in range(checklist.option_count)
        ]
        assert [p for p in rows if p] == session_close_problems(session, Config())
        text = screen_text(app)
        assert "✓ The problem has whys" in text
        assert "✗ Every leaf is closed as a root cause (1)" in text
        assert "'The release opened a connection per request.' is still open" in text
        assert "✓ Every root cause is structural, not a person" in text
        assert "✗ Every root cause has an action item (1)" in text
        assert "✓ Every action item is specific, owned, dated and checkable" in text
        assert "✗ 4 things to fix" in text
        options = [checklist.get_option_at_index(i) for i in range(checklist.option_count)]
        assert len([o for o in options if o.disabled]) == len(CHECKS)


async def test_a_node_text_with_markup_shows_literally_in_the_checklist() -> None:
    session = make_session()
    hostile = WhyNode(id="w-hostile00001", parent="root", text="[@click=app.quit]x[/] [b]bold")
    session = session.model_copy(update={"nodes": (*session.nodes, hostile)})
    app = closing_app(session)
    async with app.run_test(size=SIZE) as pilot:
        assert "'[@click=app.quit]x[/] [b]bold' is still open" in screen_text(app)
        await pilot.click(Checklist, offset=(10, 4))
        assert app.return_code is None


async def test_enter_on_an_open_leaf_jumps_to_its_node_and_leaves() -> None:
    app = closing_app()
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, "open-leaf")
        await pilot.press("enter")
        assert app.jumps == [JumpTo(node_id=OPEN_LEAF)]
        assert not isinstance(app.screen, ClosingScreen)


async def test_enter_on_an_action_item_problem_opens_the_actions_screen_on_it() -> None:
    session = update_action(make_session(), ACTION, owner="")
    app = closing_app(session)
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, "action-no-owner")
        await pilot.press("enter")
        assert app.jumps == [JumpTo(action_id=ACTION)]
        assert isinstance(app.screen, ActionsScreen)
        assert app.screen.query_one(ActionTable).current_id == ACTION
        await pilot.press("escape")
        assert not isinstance(app.screen, ClosingScreen | ActionsScreen)
        assert len(app.screen_stack) == 1


async def test_enter_on_an_unanswered_question_puts_the_cursor_in_its_answer() -> None:
    app = closing_app()
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, "closing-unanswered-where-else")
        await pilot.press("enter")
        assert app.screen.query_one("#where-else", TextArea).has_focus
        assert app.jumps == []


async def test_answers_are_saved_as_one_edit_when_leaving_the_field() -> None:
    app = closing_app()
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, "closing-unanswered-prevention")
        await pilot.press("enter", *"Pools checked in CI")
        assert "✓ Answered: what would have had to be true?" in screen_text(app)
        assert app.edits == []
        await pilot.press("tab")
        assert app.edits == ["Answer closing questions"]
        assert app.session.closing.would_have_prevented == "Pools checked in CI"
        await pilot.press(*"Search", "escape")
        assert app.edits == ["Answer closing questions", "Answer closing questions"]
        assert app.session.closing.where_else == "Search"


async def test_close_is_refused_while_any_rule_is_unmet() -> None:
    app = closing_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert app.session.status is SessionStatus.OPEN
        assert app.edits == []
        assert isinstance(app.screen, ClosingScreen)


class CommittingHost(HostApp):
    """A host that, like the app with git support, can commit the session."""

    def __init__(self, session: Session) -> None:
        super().__init__(ClosingScreen, session)
        self.committed: list[tuple[SessionStatus, bool]] = []

    async def commit_session(self, branch: bool = False) -> None:
        self.committed.append((self.session.status, branch))


async def test_close_succeeds_when_every_rule_holds_and_commits_the_closed_session() -> None:
    app = CommittingHost(make_session(finished=True))
    async with app.run_test(size=SIZE) as pilot:
        assert "✓ Every rule holds" in screen_text(app)
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        assert app.session.status is SessionStatus.CLOSED
        assert app.edits == ["Close session"]
        assert app.committed == [(SessionStatus.CLOSED, False)]
        assert app.flushed[-1].status is SessionStatus.CLOSED
        notices = [n.message for n in app._notifications]
        assert f"Session closed and saved to {app.path}" in notices
        assert "✓ Closed." in screen_text(app)
        assert app.screen.query_one("#where-else", TextArea).read_only


async def test_answering_the_last_question_lets_the_session_close_in_one_edit() -> None:
    finished = make_session(finished=True)
    session = set_closing(finished, finished.closing.would_have_prevented, "")
    app = closing_app(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert app.session.status is SessionStatus.OPEN
        highlight(app, "closing-unanswered-where-else")
        await pilot.press("enter", *"Search", "ctrl+o")
        assert app.session.status is SessionStatus.CLOSED
        assert app.session.closing.where_else == "Search"
        assert app.edits == ["Close session"]


async def test_a_closed_session_can_be_reopened() -> None:
    closed = set_fields(make_session(finished=True), status=SessionStatus.CLOSED)
    app = closing_app(closed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert app.session.status is SessionStatus.OPEN
        assert app.edits == ["Reopen session"]
        assert "✓ Every rule holds" in screen_text(app)


def test_snapshot_closing_checklist(snap_compare) -> None:  # type: ignore[no-untyped-def]
    session = update_action(make_session(), ACTION, owner="")
    assert snap_compare(closing_app(session), terminal_size=SIZE)


async def test_in_the_real_app_c_opens_the_checklist_and_a_row_jumps_to_its_node(
    tmp_path: Path,
) -> None:
    app = open_app(write(tmp_path / "sessions", demo_session()), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        assert isinstance(app.screen, ClosingScreen)
        checklist = app.screen.query_one(Checklist)
        for index in range(checklist.option_count):
            problem = checklist.problem(checklist.get_option_at_index(index).id)
            if problem is not None and problem.node_id == DEMO_PERSON:
                checklist.highlighted = index
                break
        await pilot.press("enter")
        assert app.screen is app.session_screen
        assert selected(app) == DEMO_PERSON


async def test_in_the_real_app_close_writes_a_closed_session_file(tmp_path: Path) -> None:
    path = write(tmp_path / "sessions", make_session(finished=True))
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "ctrl+o")
        await app.workers.wait_for_complete()
        assert app.session.status is SessionStatus.CLOSED
        assert sessionfile.load(path).status is SessionStatus.CLOSED
        assert f"Session closed and saved to {path}" in [n.message for n in app._notifications]
        await pilot.press("u")
        assert app.session.status is SessionStatus.OPEN


async def test_a_read_only_session_can_be_read_but_not_answered_or_closed() -> None:
    app = HostApp(ClosingScreen, make_session(finished=True), read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "Read-only" in screen_text(app)
        assert app.screen.query_one("#where-else", TextArea).read_only
        await pilot.press("ctrl+o")
        assert app.session.status is SessionStatus.OPEN
        assert app.edits == []
