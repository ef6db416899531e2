"""`gitops.commit_session` against real repositories: one path committed, the rest left alone.

What the app's Close and `whytui commit` rely on: only the session file goes into the commit,
whatever else is staged stays staged; the repository's hooks run and can say no; whytui never
commits under an invented identity, never deletes a lock, and leaves nothing half done.
"""

from pathlib import Path

import pytest
from commit_kit import author, commit, write_hook

from gitrepo import (
    closable_session,
    files_in,
    git,
    head,
    isolate_git,
    open_session,
    staged,
    status,
    write_session,
)
from whytui.core import edits
from whytui.git.commit import CommitRefused
from whytui.store.sessionfile import load, save

# -- only the session path -------------------------------------------------------------------


def test_only_the_session_is_committed_and_other_staged_changes_stay_staged(
    repo: Path, other_staged: str
) -> None:
    path = write_session(repo, closable_session())
    before = head(repo)

    result = commit(path)

    assert result.commit == head(repo) != before
    assert files_in(repo) == ["sessions/review.toml"]
    assert staged(repo) == other_staged
    assert git(repo, "rev-parse", "HEAD~1").strip() == before
    assert "sessions/review.toml" not in status(repo)


def test_the_message_summarises_the_session(repo: Path) -> None:
    path = write_session(repo, closable_session())

    result = commit(path)

    message = git(repo, "log", "-1", "--format=%B")
    subject, _, body = message.partition("\n\n")
    assert subject == result.subject
    assert subject == "Review: Checkout outage: Redis ran out of memory (INC-2291)"
    assert "2 whys; 1 root cause: 1 Unsafe default" in body
    assert "1 action item: 1 open, 0 done" in body
    assert "Status: closed" in body
    assert "File: sessions/review.toml" in body
    assert author(repo) == "Ada Reviewer <ada@example.com>"


def test_a_changed_session_is_committed_again_and_an_unchanged_one_is_nothing_to_commit(
    repo: Path, other_staged: str
) -> None:
    path = write_session(repo, closable_session())
    commit(path)
    first = head(repo)

    unchanged = commit(path)
    assert unchanged.commit is None
    assert "Nothing to commit" in unchanged.report()
    assert head(repo) == first

    session = load(path)
    save(edits.edit_text(session, session.nodes[0].id, "The store refused writes."), path)
    changed = commit(path)
    assert changed.commit == head(repo) != first
    assert files_in(repo) == ["sessions/review.toml"]
    assert staged(repo) == other_staged


def test_a_file_name_is_never_read_as_a_pattern(repo: Path) -> None:
    write_session(repo, closable_session(), "review.toml")
    git(repo, "add", "sessions/review.toml")
    git(repo, "commit", "--quiet", "-m", "first review")
    save(open_session(), repo / "sessions" / "review.toml")  # a tracked, changed file
    odd = write_session(repo, closable_session(), "r*.toml")

    commit(odd)

    assert files_in(repo) == ["sessions/r*.toml"]
    assert " M sessions/review.toml" in status(repo)


def test_a_repository_without_commits_gets_its_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    repo = tmp_path / "fresh"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Ada Reviewer")
    git(repo, "config", "user.email", "ada@example.com")

    result = commit(write_session(repo, closable_session()))

    assert result.commit == head(repo)
    assert result.branch == "main"
    assert files_in(repo) == ["sessions/review.toml"]


# -- hooks -----------------------------------------------------------------------------------


def test_the_pre_commit_hook_runs_and_sees_only_the_session(repo: Path, other_staged: str) -> None:
    marker = repo.parent / "hook-ran"
    write_hook(
        repo / ".git" / "hooks",
        "pre-commit",
        f"git diff --cached --name-only > '{marker}'\n"
        f"echo \"${{GIT_LITERAL_PATHSPECS:-not set}}\" >> '{marker}'\n",
    )

    commit(write_session(repo, closable_session()))

    # the hook sees the one path, in an environment whytui did not change
    assert marker.read_text() == "sessions/review.toml\nnot set\n"
    assert staged(repo) == other_staged


def test_a_failing_hook_blocks_the_commit_shows_its_output_and_undoes_the_add(
    repo: Path, other_staged: str
) -> None:
    write_hook(
        repo / ".git" / "hooks",
        "pre-commit",
        "echo 'sessions must be linted first' >&2\necho 'stdout line too'\nexit 1\n",
    )
    path = write_session(repo, closable_session())
    text = path.read_text()
    before = head(repo)

    with pytest.raises(CommitRefused) as refused:
        commit(path)

    message = str(refused.value)
    assert "sessions must be linted first" in message
    assert "stdout line too" in message
    assert "stays saved" in message
    assert head(repo) == before
    assert path.read_text() == text
    assert staged(repo) == other_staged  # the session's `git add` was undone
    assert "?? sessions/review.toml" in status(repo)


def test_hooks_run_in_the_users_locale(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de:en")
    marker = repo.parent / "locale"
    write_hook(repo / ".git" / "hooks", "pre-commit", f"echo \"$LC_ALL $LANGUAGE\" > '{marker}'\n")

    commit(write_session(repo, closable_session()))

    assert marker.read_text() == "C.UTF-8 de:en\n"


def test_core_hooks_path_is_honoured(repo: Path) -> None:
    marker = repo.parent / "shared-hook-ran"
    write_hook(repo / "githooks", "pre-commit", f"touch '{marker}'\n")
    default = write_hook(repo / ".git" / "hooks", "pre-commit", "exit 1\n")
    git(repo, "config", "core.hooksPath", "githooks")

    commit(write_session(repo, closable_session()))

    assert marker.exists()
    assert default.exists()  # still there; git ran the configured hooks instead


def test_a_failing_commit_msg_hook_also_blocks_the_commit(repo: Path) -> None:
    write_hook(repo / ".git" / "hooks", "commit-msg", "echo 'needs a ticket id' >&2\nexit 1\n")
    before = head(repo)

    with pytest.raises(CommitRefused, match="needs a ticket id"):
        commit(write_session(repo, closable_session()))
    assert head(repo) == before
