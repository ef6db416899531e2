"""The action items screen, driven the way a facilitator does: keys, on an 80x24 terminal."""

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_host import ACTION, ROOT_CAUSE, SECOND_CAUSE, HostApp, make_session
from whyapp_kit import ROOT_CAUSE as DEMO_ROOT_CAUSE
from whyapp_kit import demo_session, open_app, screen_text, write

from whytui.core.models import ActionItem, ActionStatus, Session
from whytui.judge import ActionVerdict
from whytui.store import sessionfile
from whytui.ui.screens.action_edit import ActionEditScreen
from whytui.ui.screens.actions import ActionsScreen
from whytui.ui.screens.evidence import EvidenceScreen
from whytui.ui.widgets import action_form
from whytui.ui.widgets.action_table import ActionTable
from whytui.ui.widgets.cause_picker import CausePicker

SIZE = (80, 24)
SPECIFIC = "Require an Idempotency-Key header on POST /charges"


def with_actions(*actions: ActionItem) -> Session:
    session = make_session()
    return session.model_copy(update={"actions": (*session.actions, *actions)})


def actions_app(session: Session | None = None, *, read_only: bool = False) -> HostApp:
    return HostApp(ActionsScreen, session, read_only=read_only)


async def fill(pilot: Pilot[None], field: str, text: str) -> None:
    """Put the cursor in a form field and replace its value, as a paste would."""
    widget = pilot.app.screen.query_one(f"#{field}", Input)
    widget.focus()
    widget.value = text
    await pilot.pause()


def action(app: HostApp, action_id: str) -> ActionItem:
    return next(a for a in app.session.actions if a.id == action_id)


async def test_list_shows_status_owner_due_and_a_problem_marker() -> None:
    loose = ActionItem(id="a-loose0000001", text="Add a pool-size check to the chart linter.")
    app = actions_app(with_actions(loose))
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "✓    open  Set each service's pool size" in text
        assert "Greta Lind" in text
        assert "2026-10-30" in text
        row = next(line for line in text.splitlines() if "Add a pool-size check" in line)
        assert "✗4" in row
        assert "no owner" in row
        assert "no date" in row


async def test_markup_in_an_action_text_shows_literally_and_runs_nothing() -> None:
    hostile = ActionItem(id="a-hostile00001", text="[@click=app.quit]x[/] [b]bold \x1b[31m")
    app = actions_app(with_actions(hostile))
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ActionTable)
        table.move_cursor(row=table.get_row_index("a-hostile00001"))
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]x[/] [b]bold ␛[31m" in text.replace("\n", " ")
        detail = app.screen.query_one("#actions-detail", Static)
        await pilot.click(detail, offset=(2, 0))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_add_a_specific_item_with_every_field() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ActionEditScreen)
        await pilot.press(*SPECIFIC, "enter", *"Kofi", "enter", *"2026-11-20", "enter")
        await fill(pilot, "done-when", "A POST without the header returns 400 in staging")
        await pilot.press("enter")
        causes = app.screen.query_one(CausePicker)
        assert causes.has_focus
        await pilot.press("down", "space")
        await fill(pilot, "tracker", "PAY-482")
        await pilot.press("enter")

        assert isinstance(app.screen, ActionsScreen)
        assert app.edits == ["Add action item"]
        added = next(a for a in app.session.actions if a.text == SPECIFIC)
        assert added.owner == "Kofi"
        assert added.due == dt.date(2026, 11, 20)
        assert added.done_when == "A POST without the header returns 400 in staging"
        assert added.causes == (SECOND_CAUSE,)
        assert added.tracker == "PAY-482"
        assert added.status is ActionStatus.OPEN
        assert app.screen.query_one(ActionTable).current_id == added.id


async def test_a_new_item_is_due_the_configured_number_of_days_from_today() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        expected = dt.date.today() + dt.timedelta(days=app.config.due_days)
        assert app.screen.query_one("#due", Input).value == expected.isoformat()


VAGUE = ActionVerdict(
    is_specific=False,
    reasons=["'look into' promises attention, not a change"],
    hint="Name the change and a check: 'Cap pool size at 20 in the chart; CI fails above it'",
)


def judge_vague_when_look_into(text: str) -> ActionVerdict:
    return VAGUE if "look into" in text.lower() else ActionVerdict(is_specific=True)


async def test_a_vague_item_shows_why_and_an_example_as_typed_and_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(action_form, "judge_action", judge_vague_when_look_into)
    app = actions_app()
    before = app.session
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Look into the pool")
        text = screen_text(app)
        assert "✗ vague" in [line.strip() for line in text.splitlines()]
        assert "· 'look into' promises attention, not a change" in text
        assert "→ Name the change and a check: 'Cap pool size at 20" in text

        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionEditScreen)
        assert app.session == before
        assert app.edits == []
        assert app.screen.query_one("#text-verdict").has_class("-refused")
        assert app.screen.query_one("#text", Input).has_focus
        notices = [n.message for n in app._notifications]
        assert "Not saved: this item is vague: 'look into' promises attention, not a change." in (
            " ".join(notices)
        )

        await fill(pilot, "text", "Cap the pool size at 20 in the chart")
        assert "✓ specific" in screen_text(app)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionsScreen)
        assert app.edits == ["Add action item"]


async def test_the_real_judge_refuses_improve_monitoring() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Improve monitoring", "ctrl+o")
        assert isinstance(app.screen, ActionEditScreen)
        assert app.edits == []
        assert "✗ vague" in screen_text(app)


async def test_missing_owner_due_and_done_when_are_listed_then_saved_as_problems() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await fill(pilot, "text", SPECIFIC)
        await fill(pilot, "due", "")
        assert "✗ missing: owner, due date, done when, linked root cause" in screen_text(app)
        await pilot.press("ctrl+o")

        assert app.edits == ["Add action item"]
        added = next(a for a in app.session.actions if a.text == SPECIFIC)
        assert (added.owner, added.due, added.done_when, added.causes) == ("", None, "", ())
        row = next(line for line in screen_text(app).splitlines() if "Require an" in line)
        assert "✗4" in row
        assert "has no owner" in screen_text(app)


async def test_a_due_date_that_is_not_a_date_is_refused() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await fill(pilot, "text", SPECIFIC)
        await fill(pilot, "due", "next friday")
        assert "✗ due date: use YYYY-MM-DD" in screen_text(app)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionEditScreen)
        assert app.screen.query_one("#due", Input).has_focus
        assert app.edits == []


async def test_edit_an_item_keeps_its_id_and_changes_only_what_was_typed() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ActionEditScreen)
        assert app.screen.query_one("#owner", Input).value == "Greta Lind"
        await fill(pilot, "owner", "Noor Haddad")
        await pilot.press("ctrl+o")

        assert app.edits == ["Edit action item"]
        edited = action(app, ACTION)
        assert edited.owner == "Noor Haddad"
        assert edited.due == dt.date(2026, 10, 30)
        assert edited.causes == (ROOT_CAUSE,)
        assert "Noor Haddad" in screen_text(app)


async def test_link_an_item_to_a_second_root_cause_and_unlink_the_first() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        causes = app.screen.query_one(CausePicker)
        assert causes.linked == (ROOT_CAUSE,)
        assert "[x] Postgres max_connections" in screen_text(app)
        assert "[ ] The charge endpoint accepts retries" in screen_text(app)
        causes.focus()
        await pilot.press("space", "down", "space", "ctrl+o")
        assert action(app, ACTION).causes == (SECOND_CAUSE,)


async def test_mark_done_asks_for_evidence_and_reopen_clears_it() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, EvidenceScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, EvidenceScreen)
        assert "Say what shows it is done" in screen_text(app)
        await pilot.press(*"https://ci.example/runs/812", "enter")

        done = action(app, ACTION)
        assert done.status is ActionStatus.DONE
        assert done.done_on == dt.date.today()
        assert done.evidence == "https://ci.example/runs/812"
        assert app.edits == ["Mark action item done"]
        assert "done  Set each" in screen_text(app)

        await pilot.press("o")
        reopened = action(app, ACTION)
        assert (reopened.status, reopened.done_on, reopened.evidence) == (
            ActionStatus.OPEN,
            None,
            "",
        )
        assert app.edits[-1] == "Reopen action item"


async def test_cancelling_the_evidence_leaves_the_item_open() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", *"half", "escape")
        assert action(app, ACTION).status is ActionStatus.OPEN
        assert app.edits == []


async def test_delete_an_item_is_an_edit_the_app_can_undo() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert app.session.actions == ()
        assert app.edits == ["Delete action item"]
        assert "No action items yet" in screen_text(app)


async def test_escape_with_unsaved_changes_discards_only_on_the_second_press() -> None:
    app = actions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Half", "escape")
        assert isinstance(app.screen, ActionEditScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ActionsScreen)
        assert app.edits == []
        await pilot.press("escape")
        assert not isinstance(app.screen, ActionsScreen)


async def test_a_read_only_session_offers_no_edits() -> None:
    app = actions_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "e", "d", "x")
        assert isinstance(app.screen, ActionsScreen)
        assert app.edits == []
        assert "Read-only" in screen_text(app)


def test_snapshot_action_items(snap_compare) -> None:  # type: ignore[no-untyped-def]
    loose = ActionItem(
        id="a-loose0000001",
        text="Add a pool-size check to the chart linter",
        status=ActionStatus.OPEN,
    )
    done = ActionItem(
        id="a-done00000001",
        text="Page the payments on-call when pool waits exceed 200 ms for 5 minutes",
        owner="Kofi Mensah",
        due=dt.date(2026, 10, 23),
        done_when="The alert fires in staging under the load test.",
        causes=(ROOT_CAUSE,),
        status=ActionStatus.DONE,
        done_on=dt.date(2026, 10, 22),
        evidence="https://ci.example/runs/812",
    )
    assert snap_compare(actions_app(with_actions(loose, done)), terminal_size=SIZE)


async def test_in_the_real_app_an_added_item_is_saved_and_undo_removes_it(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "sessions", demo_session())
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("a")
        await fill(pilot, "text", SPECIFIC)
        await fill(pilot, "owner", "Kofi Mensah")
        await fill(pilot, "done-when", "A POST without the header returns 400 in staging")
        app.screen.query_one(CausePicker).toggle(DEMO_ROOT_CAUSE)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionsScreen)
        assert await app.flush_autosave() is None
        saved = sessionfile.load(path)
        added = next(a for a in saved.actions if a.text == SPECIFIC)
        assert added.causes == (DEMO_ROOT_CAUSE,)

        await pilot.press("u")
        assert SPECIFIC not in {a.text for a in app.session.actions}
        assert "Undid: Add action item" in [n.message for n in app._notifications]
        await pilot.press("escape")
        assert app.screen is app.session_screen


async def test_problem_marks_follow_a_theme_switch() -> None:
    loose = ActionItem(id="a-loose0000001", text="Add a pool-size check to the chart linter.")
    app = actions_app(with_actions(loose))
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ActionTable)
        app.theme = "gruvbox"
        await pilot.pause()
        mark = table.get_cell("a-loose0000001", "mark")
        assert mark.plain == "✗4"
        assert str(mark.style) == f"bold {app.theme_variables['error']}"
