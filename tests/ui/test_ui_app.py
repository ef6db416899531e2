"""The app around the tree: undo and redo, autosave and reopening, the lock, keys, screens."""

import os
import threading
from pathlib import Path

import pytest
from textual.command import CommandPalette
from whyapp_kit import (
    OPEN_STRUCTURAL,
    PERSON,
    PODS,
    RELEASE,
    RETRIED,
    ROOT_CAUSE,
    SIZE,
    demo_session,
    labels,
    open_app,
    screen_text,
    select,
    selected,
    structure,
    tree_structure,
    type_text,
)

from whytui.core.models import Session
from whytui.store import sessionfile
from whytui.store.lock import lock_path
from whytui.ui.app import WhyApp
from whytui.ui.messages import JumpTo
from whytui.ui.screens.actions import ActionsScreen
from whytui.ui.screens.category import CategoryScreen
from whytui.ui.screens.closing import ClosingScreen
from whytui.ui.screens.help import HelpScreen
from whytui.ui.screens.session import SessionScreen
from whytui.ui.widgets.editor import WhyInput
from whytui.ui.widgets.whytree import WhyTree

UNDO_KEYS = ["u", "ctrl+z", "u", "ctrl+z", "u"]
REDO_KEYS = ["U", "ctrl+y", "U", "ctrl+y", "U"]


HELP_LINES = [
    "n / ]",
    "Jump to the next open leaf",
    "u / ^z",
    "Undo the last change",
    "On an open leaf: add a why under it",
    "^q",
    "Save and quit",
]


def notices(app: WhyApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_undo_and_redo_step_through_add_edit_move_delete_and_close(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        history: list[Session] = [app.session]
        await select(pilot, app, RETRIED)
        await pilot.press("a")
        await type_text(pilot, "No key")
        await pilot.press("enter")
        await pilot.pause()
        history.append(app.session)
        added = selected(app)
        await pilot.press("e")
        app.query_one(WhyInput).load_text("No idempotency key")
        await pilot.press("enter")
        await pilot.pause()
        history.append(app.session)
        await pilot.press("m")
        await select(pilot, app, PODS)
        await pilot.press("enter")
        await pilot.pause()
        history.append(app.session)
        await select(pilot, app, RELEASE)
        await pilot.press("d")
        await pilot.pause()
        history.append(app.session)
        await select(pilot, app, added)
        await pilot.press("r", "1")
        await pilot.pause()
        history.append(app.session)
        assert app.session.node(added).parent == PODS
        assert app.session.node(added).category == "missing-check"
        assert len({id(s) for s in history}) == 6

        for expected, key in zip(reversed(history[:-1]), UNDO_KEYS, strict=True):
            await pilot.press(key)
            await pilot.pause()
            assert app.session == expected
            assert tree_structure(app) == structure(expected)
        assert notices(app)[-1] == "Undid: add why 'No key'"
        await pilot.press("u")
        assert notices(app)[-1] == "Nothing to undo."

        for expected, key in zip(history[1:], REDO_KEYS, strict=True):
            await pilot.press(key)
            await pilot.pause()
            assert app.session == expected
            assert tree_structure(app) == structure(expected)
        assert notices(app)[-1].startswith("Redid: close 'No idempotency key' as a root cause")


async def test_a_new_edit_after_undo_drops_the_redo(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, ROOT_CAUSE)
        await pilot.press("o", "u")
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("r", "2")
        await pilot.pause()
        await pilot.press("U")
        assert notices(app)[-1] == "Nothing to redo."
        assert app.session.node(ROOT_CAUSE).category == "capacity-limit"


async def test_autosave_then_reopen_gives_the_same_tree_and_cursor(
    demo_path: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    app = open_app(demo_path, state)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, PERSON)
        await pilot.press("a")
        await type_text(pilot, "No default")
        await pilot.press("enter")
        await pilot.pause()
        await select(pilot, app, OPEN_STRUCTURAL)
        assert await app.flush_autosave() is None
        assert sessionfile.load(demo_path) == app.session
        shown, edited = labels(app), app.session

    again = open_app(demo_path, state)
    async with again.run_test(size=SIZE):
        assert again.session == edited
        assert labels(again) == shown
        assert selected(again) == OPEN_STRUCTURAL
        assert "The charge endpoint accepts retries" in screen_text(again).split("─" * 80)[-1]


async def test_autosave_writes_from_a_worker_thread_and_quit_flushes(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real_save = sessionfile.save

    def recording_save(session: Session, path: Path) -> bytes:
        threads.append(threading.current_thread().name)
        return real_save(session, path)

    monkeypatch.setattr(sessionfile, "save", recording_save)
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, ROOT_CAUSE)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert threads and threading.main_thread().name not in threads
    assert sessionfile.load(demo_path).node(ROOT_CAUSE).category is None
    assert not lock_path(demo_path).exists()


async def test_a_failed_save_keeps_the_edit_says_so_and_is_retried(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = sessionfile.save

    def full_disk(session: Session, path: Path) -> None:
        raise OSError(28, "No space left on device")

    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(sessionfile, "save", full_disk)
        await select(pilot, app, ROOT_CAUSE)
        await pilot.press("o")
        await pilot.pause()
        error = await app.flush_autosave()
        assert error is not None and error.strerror == "No space left on device"
        assert app.session.node(ROOT_CAUSE).category is None
        assert sessionfile.load(demo_path).node(ROOT_CAUSE).category == "capacity-limit"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "quitting with unsaved work asks first"
        assert "Could not save" in notices(app)[-1]
        monkeypatch.setattr(sessionfile, "save", real_save)
        assert await app.flush_autosave() is None
        assert sessionfile.load(demo_path).node(ROOT_CAUSE).category is None


async def test_a_second_instance_opens_read_only_and_refuses_edits(
    demo_path: Path, tmp_path: Path
) -> None:
    first = open_app(demo_path, tmp_path / "state")
    before = demo_path.read_bytes()
    async with first.run_test(size=SIZE):
        second = open_app(demo_path, tmp_path / "state")
        async with second.run_test(size=SIZE) as pilot:
            assert second.read_only and not first.read_only
            assert "— read-only ·" in screen_text(second).splitlines()[0]
            banner = screen_text(second)  # names the holder: who to ask, and since when
            assert f"Read-only: whytui (pid {os.getpid()}) of " in banner
            assert "has this file" in banner
            assert any(n.startswith("Read-only: whytui (pid ") for n in notices(second))
            await select(pilot, second, OPEN_STRUCTURAL)
            await pilot.press("a")
            assert not isinstance(second.focused, WhyInput)
            await pilot.press("d", "r")
            await pilot.pause()
            assert second.session == demo_session()
            assert "nothing here would be saved" in notices(second)[-1]
            second.post_message(JumpTo(node_id=PERSON))
            await pilot.pause()
            assert selected(second) == PERSON
        assert demo_path.read_bytes() == before
        assert lock_path(demo_path).exists(), "the second instance leaves the first's lock"


async def test_help_lists_every_key_with_its_description(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one("#help-text").visual.plain  # type: ignore[attr-defined]
        for owner in (WhyTree, SessionScreen, WhyApp):
            for binding in owner.BINDINGS:
                assert (binding.tooltip or binding.description) in shown  # type: ignore[union-attr]
        for line in HELP_LINES:
            assert line in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_command_palette_runs_whytui_actions(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, app, OPEN_STRUCTURAL)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "structural root")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CategoryScreen)


async def test_ctrl_t_switches_between_dark_and_light(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_action_items_and_the_checklist_open_and_jump_back_to_a_node(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        app.screen.post_message(JumpTo(node_id=PERSON))
        await pilot.pause()
        assert app.screen is app.session_screen
        assert selected(app) == PERSON


async def test_new_asks_for_the_problem_and_writes_nothing_until_it_is_given(
    tmp_path: Path,
) -> None:
    session = demo_session().model_copy(update={"nodes": (), "actions": (), "problem": "(none)"})
    path = tmp_path / "sessions" / "2026-10-16-new-0000.toml"
    path.parent.mkdir()
    app = open_app(path, tmp_path / "state", new=True, session=session)
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(WhyInput)
        assert field.has_focus
        assert "What happened, when, and what did it cost?" in str(field.placeholder)
        await type_text(pilot, "Checkout down")
        await pilot.press("enter")
        await pilot.pause()
        assert await app.flush_autosave() is None
        assert sessionfile.load(path).problem == "Checkout down"
        assert labels(app)[0] == "Problem: Checkout down"

    untouched = tmp_path / "sessions" / "2026-10-16-untouched-0000.toml"
    app = open_app(untouched, tmp_path / "state", new=True, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "ctrl+q")
    assert not untouched.exists()
