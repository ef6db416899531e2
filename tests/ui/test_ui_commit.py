"""Close in the app commits the session file to the user's repository, and only that file."""

from pathlib import Path

import pytest
from whyapp_kit import SIZE, open_app

from gitrepo import closable_session, files_in, git, head, init_repo, isolate_git, write_session
from whytui.core import edits
from whytui.core.models import SessionStatus
from whytui.ui.screens.refusal import RefusalScreen


def _ready_to_close(repo: Path) -> Path:
    """The closable review, saved while still open, with an unrelated file staged."""
    path = write_session(repo, edits.set_fields(closable_session(), status=SessionStatus.OPEN))
    (repo / "notes.txt").write_text("unrelated work in progress\n")
    git(repo, "add", "notes.txt")
    return path


def _messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_close_commits_only_the_session_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    repo = init_repo(tmp_path / "repo")
    before = head(repo)
    path = _ready_to_close(repo)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "ctrl+o")
        await app.workers.wait_for_complete()
        assert any(m.startswith("Committed sessions/review.toml on main") for m in _messages(app))
    assert head(repo) != before
    assert files_in(repo) == ["sessions/review.toml"]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]
    assert 'status = "closed"' in git(repo, "show", "HEAD:sessions/review.toml")


async def test_close_on_a_branch_commits_on_a_new_review_branch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    repo = init_repo(tmp_path / "repo")
    path = _ready_to_close(repo)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "ctrl+n")
        await app.workers.wait_for_complete()
    branch = git(repo, "branch", "--show-current").strip()
    assert branch == "review/checkout-outage-redis-ran-out-of-memory"
    assert files_in(repo, branch) == ["sessions/review.toml"]


async def test_close_outside_a_repository_keeps_the_file_and_says_why(tmp_path: Path) -> None:
    path = write_session(tmp_path, edits.set_fields(closable_session(), status=SessionStatus.OPEN))
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "ctrl+o")
        await app.workers.wait_for_complete()
        assert any("git init" in m for m in _messages(app))
    assert 'status = "closed"' in path.read_text()


async def test_a_system_name_added_in_the_review_is_committed_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`s` on a refusal writes `.whytui.toml`; Close commits it and the session together."""
    isolate_git(monkeypatch, tmp_path / "home")
    repo = init_repo(tmp_path / "repo")
    session = edits.set_fields(closable_session(), status=SessionStatus.OPEN)
    cause = next(n for n in session.nodes if n.is_root_cause)
    session = edits.edit_text(
        edits.reopen(session, cause.id),
        cause.id,
        "Greg restarts the consumers whenever the disk fills.",
    )
    path = write_session(repo, session)
    app = open_app(path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        app.session_screen.select(cause.id)
        await pilot.press("r", "enter")  # the first category; refused: Greg reads as a person
        assert isinstance(app.screen, RefusalScreen)
        await pilot.press("s")  # Greg is a system: into .whytui.toml, and the leaf closes
        await pilot.pause()
        assert app.session.node(cause.id).is_root_cause
        await pilot.press("C", "ctrl+o")
        await app.workers.wait_for_complete()
        said = _messages(app)
        assert any(m.startswith("Committed sessions/review.toml and .whytui.toml") for m in said)
    assert sorted(files_in(repo)) == [".whytui.toml", "sessions/review.toml"]
    assert "Greg" in git(repo, "show", "HEAD:.whytui.toml")
