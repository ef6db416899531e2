"""Closing a branch: the category picker, the judge, the refusal and its ways forward."""

import tomllib
from pathlib import Path

from textual.widgets import Static, TextArea
from whyapp_kit import (
    OPEN_STRUCTURAL,
    PERSON,
    PODS,
    SIZE,
    demo_session,
    labels,
    open_app,
    screen_text,
    select,
    small_session,
    type_text,
    write,
)

from whytui.core.models import WhyNode
from whytui.ui.app import WhyApp
from whytui.ui.screens.category import CategoryScreen
from whytui.ui.screens.refusal import RefusalScreen
from whytui.ui.widgets.editor import WhyInput

GREG = "w-greg00000001"
GRETA = "w-greta0000001"


def app_with(tmp_path: Path, *nodes: WhyNode) -> WhyApp:
    path = write(tmp_path / "repo" / "sessions", small_session(*nodes))
    (tmp_path / "repo" / ".git").mkdir()
    return open_app(path, tmp_path / "state")


def notices(app: WhyApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_a_leaf_ending_at_a_person_is_refused_and_closes_once_reworded(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path, WhyNode(id=GREG, parent="root", text="Greg forgot to drain the node"))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, GREG)
        await pilot.press("r")
        assert isinstance(app.screen, CategoryScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, RefusalScreen)
        assert app.session.node(GREG).category is None
        text = screen_text(app)
        assert "This ends at a person" in text
        assert "'Greg' is a person's name" in text
        assert "'forgot'" in text
        await pilot.press("e")
        await pilot.pause()
        field = app.query_one(WhyInput)
        assert field.text == "Greg forgot to drain the node"
        field.load_text("The deploy script does not drain the node")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r", "1")
        await pilot.pause()
        assert app.session.node(GREG).category == "missing-check"
        assert "■ The deploy script does not drain the node  [missing-check]" in labels(app)


async def test_the_refusal_marks_the_matched_words_in_the_statement(tmp_path: Path) -> None:
    app = app_with(tmp_path, WhyNode(id=GREG, parent="root", text="Greg forgot to drain the node"))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, GREG)
        await pilot.press("r", "1")
        await pilot.pause()
        statement = app.screen.query_one("#refusal-statement", Static).visual
        marked = {
            statement.plain[span.start : span.end]  # type: ignore[attr-defined]
            for span in statement.spans  # type: ignore[attr-defined]
            if "reverse" in str(span.style)
        }
        assert marked == {"Greg", "forgot"}


async def test_one_key_asks_the_reframing_question_as_the_next_why(tmp_path: Path) -> None:
    path = write(tmp_path / "sessions", demo_session())
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, PERSON)
        await pilot.press("r", "3")
        await pilot.pause()
        assert isinstance(app.screen, RefusalScreen)
        question = app.screen.verdict.reframe
        assert question in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        field = app.query_one(WhyInput)
        assert field.has_focus
        assert str(field.placeholder) == question
        await type_text(pilot, "No default")
        await pilot.press("enter")
        await pilot.pause()
        added = app.session.children(PERSON)
        assert [n.text for n in added] == ["No default"]
        assert app.session.node(PERSON).category is None


async def test_a_system_with_a_persons_name_goes_into_the_repository_config(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path, WhyNode(id=GRETA, parent="root", text="Greta timed out under load"))
    config = tmp_path / "repo" / ".whytui.toml"
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, GRETA)
        assert "⚠ Greta timed out under load" in labels(app)
        await pilot.press("r", "7")
        await pilot.pause()
        assert "'Greta' names a system, not a person" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert tomllib.loads(config.read_text())["system_names"] == ["Greta"]
        assert app.config.system_names == ("Greta",)
        assert app.session.node(GRETA).category == "capacity-limit"
        assert "■ Greta timed out under load  [capacity-limit]" in labels(app)
        assert f"Added 'Greta' to system_names in {config}" in notices(app)


async def test_adding_a_system_name_keeps_the_rest_of_the_config(tmp_path: Path) -> None:
    app = app_with(tmp_path, WhyNode(id=GRETA, parent="root", text="Greta timed out under load"))
    config = tmp_path / "repo" / ".whytui.toml"
    original = (
        "# reviewed like code\n"
        'system_names = ["Zookeeper"]  # not a person\n'
        "due_days = 14\n\n"
        "[[category]]\n"
        'id = "vendor-lock"\n'
        'name = "Vendor lock-in"\n'
    )
    config.write_text(original)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, GRETA)
        await pilot.press("r", "1", "s")
        await pilot.pause()
    text = config.read_text()
    assert text.startswith("# reviewed like code\nsystem_names = [\n")
    assert text.endswith(
        'due_days = 14\n\n[[category]]\nid = "vendor-lock"\nname = "Vendor lock-in"\n'
    )
    data = tomllib.loads(text)
    assert data["system_names"] == ["Greta", "Zookeeper"]
    assert data["due_days"] == 14


async def test_a_broken_config_is_left_alone_and_the_leaf_stays_open(tmp_path: Path) -> None:
    app = app_with(tmp_path, WhyNode(id=GRETA, parent="root", text="Greta timed out under load"))
    config = tmp_path / "repo" / ".whytui.toml"
    async with app.run_test(size=SIZE) as pilot:
        config.write_text("system_names = [\n")
        await select(pilot, app, GRETA)
        await pilot.press("r", "1", "s")
        await pilot.pause()
        assert config.read_text() == "system_names = [\n"
        assert app.session.node(GRETA).category is None
        assert f"{config} was not changed" in notices(app)


async def test_only_a_leaf_can_close_and_a_root_cause_can_reopen(tmp_path: Path) -> None:
    path = write(tmp_path / "sessions", demo_session())
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, PODS)
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, CategoryScreen)
        assert "Only a leaf can be a root cause" in notices(app)
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("r", "escape")
        await pilot.pause()
        assert app.session.node(OPEN_STRUCTURAL).category is None
        await pilot.press("r")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.node(OPEN_STRUCTURAL).category == "unsafe-default"
        await pilot.press("o")
        await pilot.pause()
        assert app.session.node(OPEN_STRUCTURAL).category is None
        await pilot.press("a")
        assert isinstance(app.focused, TextArea)


async def test_the_room_can_close_a_refused_leaf_with_a_written_reason_seen_by_all(
    tmp_path: Path,
) -> None:
    """The judge reads 'Priya' as the actor; the room says she is context, in writing."""
    from whytui.ui.screens.judged import JudgedScreen

    statement = "Priya followed the runbook, which still named the old primary"
    reason = "structural: the runbook was never updated; Priya is context"
    app = app_with(tmp_path, WhyNode(id=GREG, parent="root", text=statement))
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, GREG)
        await pilot.press("r", "2")
        await pilot.pause()
        assert isinstance(app.screen, RefusalScreen)
        assert "j  it is structural: close it with a reason" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JudgedScreen)

        await type_text(pilot, "ok")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JudgedScreen), "a reason that says nothing is refused"
        assert "Say why it is structural" in screen_text(app)
        assert app.session.node(GREG).category is None

        await pilot.press("ctrl+u")
        await type_text(pilot, reason)
        await pilot.press("enter")
        await pilot.pause()
        node = app.session.node(GREG)
        assert (node.category, node.judged) == ("unsafe-default", reason)
        [line] = [line for line in labels(app) if "Priya" in line]
        assert line.startswith("■ Priya followed") and line.endswith("  [unsafe-default, judged]")
        shown = " ".join(screen_text(app).split())
        assert f"» The room overruled the judge: {reason}" in shown

        await pilot.press("u")
        await pilot.pause()
        node = app.session.node(GREG)
        assert (node.category, node.judged) == (None, "")
