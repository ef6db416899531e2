"""A closed review says so, and is changed only once it is reopened: asked, one key, undoable.

The file says `status = "closed"`; an edit that left it so while its tree is open again would
make lint and the pull request disagree with it. So the tree shows that it is closed (and which
commit holds it), and the first key that would change it asks: ctrl+r reopens (u undoes), and
the edit asked for goes on; escape leaves it closed, untouched.
"""

from pathlib import Path

import pytest
from textual.widgets import Input
from whyapp_kit import SIZE, open_app, screen_text

from gitrepo import closable_session, git, init_repo, isolate_git, write_session
from whytui.core.edits import set_fields
from whytui.core.models import Session, SessionStatus
from whytui.store import sessionfile
from whytui.ui.screens.action_edit import ActionEditScreen
from whytui.ui.screens.actions import ActionsScreen
from whytui.ui.screens.reopen import ReopenScreen
from whytui.ui.widgets.editor import WhyInput


def closed() -> Session:
    return set_fields(closable_session(), status=SessionStatus.CLOSED)


def write_closed(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2026-11-27-closed-review-0a1b.toml"
    sessionfile.save(closed(), path)
    return path


async def test_the_tree_says_the_review_is_closed(tmp_path: Path) -> None:
    app = open_app(write_closed(tmp_path / "sessions"), tmp_path / "state")
    async with app.run_test(size=SIZE):
        assert "✓ Closed: every rule held. Changing it reopens it first." in screen_text(app)


async def test_a_key_that_would_change_it_asks_and_escape_leaves_it_closed(
    tmp_path: Path,
) -> None:
    path = write_closed(tmp_path / "sessions")
    before = path.read_bytes()
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        for key in ("a", "e", "s", "r", "d", "D", "A"):
            await pilot.press(key)
            if isinstance(app.screen, ActionsScreen):
                await pilot.press("a")
            assert isinstance(app.screen, ReopenScreen), key
            assert "This review is closed" in screen_text(app)
            await pilot.press("escape")
            if isinstance(app.screen, ActionsScreen):
                await pilot.press("escape")
            assert not isinstance(app.focused, WhyInput)
        assert app.session.status is SessionStatus.CLOSED
        assert await app.flush_autosave() is None
    assert path.read_bytes() == before


async def test_ctrl_r_reopens_it_undoably_and_the_edit_goes_on(tmp_path: Path) -> None:
    path = write_closed(tmp_path / "sessions")
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+r")
        await pilot.pause()
        assert app.session.status is SessionStatus.OPEN
        assert isinstance(app.focused, WhyInput), "the why asked for is being typed"
        assert "✓ Closed" not in screen_text(app)
        assert await app.flush_autosave() is None
        assert sessionfile.load(path).status is SessionStatus.OPEN, "the file says open too"
        await pilot.press("escape", "u")
        assert app.session.status is SessionStatus.CLOSED, "u undoes the reopening"


async def test_an_action_item_added_to_a_closed_review_reopens_it_first(tmp_path: Path) -> None:
    app = open_app(write_closed(tmp_path / "sessions"), tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", "a", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ActionEditScreen)
        assert isinstance(app.focused, Input)
        assert app.session.status is SessionStatus.OPEN


async def test_a_committed_closed_review_names_its_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    repo = init_repo(tmp_path / "repo")
    path = write_session(repo, closed())
    git(repo, "add", str(path.relative_to(repo)))
    git(repo, "commit", "-q", "-m", "Review")
    commit = git(repo, "log", "-1", "--format=%h").strip()
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"✓ Closed: every rule held, committed as {commit}." in screen_text(app)
        await pilot.press("a")
        assert f"committed ({commit})" in screen_text(app)
