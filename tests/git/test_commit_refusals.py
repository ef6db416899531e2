"""When `commit_session` says no: no identity, a detached HEAD, a held lock, a path outside the
repository, the closing rules; and review branches. Against real repositories.

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
from whytui.core.errors import InputError
from whytui.git import commit as gitops
from whytui.git.commit import CommitRefused

# -- identity --------------------------------------------------------------------------------


def test_no_identity_is_refused_with_the_commands_to_set_one(nameless: Path) -> None:
    repo = nameless
    path = write_session(repo, closable_session())
    before = head(repo)

    with pytest.raises(CommitRefused) as refused:
        commit(path)

    message = str(refused.value)
    assert "user.name or user.email" in message
    assert 'git config --global user.name "Your Name"' in message
    assert 'git config --global user.email "you@example.com"' in message
    assert "made-up identity" in message
    assert head(repo) == before
    assert "?? sessions/review.toml" in status(repo)


def test_a_missing_email_alone_is_refused(nameless: Path) -> None:
    git(nameless, "config", "user.name", "Ada Reviewer")

    with pytest.raises(CommitRefused) as refused:
        commit(write_session(nameless, closable_session()))
    assert "no user.email set" in str(refused.value)
    assert "user.name" not in str(refused.value)


def test_identity_from_a_config_include_counts_as_git_counts_it(
    nameless: Path, tmp_path: Path
) -> None:
    repo = nameless
    included = tmp_path / "identity.gitconfig"
    included.write_text("[user]\n\tname = Included Person\n\temail = inc@example.com\n")
    (tmp_path / "home" / ".gitconfig").write_text(f"[include]\n\tpath = {included}\n")

    commit(write_session(repo, closable_session()))

    assert author(repo) == "Included Person <inc@example.com>"


def test_identity_from_the_environment_counts_as_git_counts_it(
    nameless: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = nameless
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Env Person")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "env@example.com")

    commit(write_session(repo, closable_session()))

    assert author(repo) == "Env Person <env@example.com>"


# -- HEAD, locks, paths ----------------------------------------------------------------------


def test_a_detached_head_is_refused_unless_committing_on_a_branch(repo: Path) -> None:
    git(repo, "switch", "--quiet", "--detach", "HEAD")
    path = write_session(repo, closable_session())
    before = head(repo)

    with pytest.raises(CommitRefused) as refused:
        commit(path)
    assert "HEAD is detached" in str(refused.value)
    assert "whytui commit --branch" in str(refused.value)
    assert head(repo) == before

    result = commit(path, branch=True)
    assert result.branch == "review/checkout-outage-redis-ran-out-of-memory"
    assert git(repo, "branch", "--show-current").strip() == result.branch
    assert git(repo, "rev-parse", "HEAD~1").strip() == before


def test_a_held_index_lock_is_waited_for_then_explained_and_never_removed(
    repo: Path, other_staged: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gitops, "LOCK_WAIT_SECONDS", 0.2)
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    path = write_session(repo, closable_session())
    before = head(repo)

    with pytest.raises(CommitRefused) as refused:
        commit(path)

    message = str(refused.value)
    assert "index.lock exists" in message
    assert "left it alone" in message
    assert "stays saved" in message
    assert lock.exists()
    lock.unlink()  # as the other git process would; now the repository can be read again
    assert head(repo) == before
    assert staged(repo) == other_staged
    assert "?? sessions/review.toml" in status(repo)


def test_a_lock_released_while_waiting_lets_the_commit_through(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    waits: list[float] = []

    def other_git_finishes(seconds: float) -> None:
        waits.append(seconds)
        lock.unlink()

    monkeypatch.setattr(gitops.time, "sleep", other_git_finishes)

    result = commit(write_session(repo, closable_session()))

    assert len(waits) == 1
    assert result.commit == head(repo)


def test_not_a_repository_is_refused_and_the_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    folder = tmp_path / "plain"
    folder.mkdir()
    path = write_session(folder, closable_session())
    text = path.read_text()

    with pytest.raises(CommitRefused) as refused:
        commit(path)

    assert "not inside a git repository" in str(refused.value)
    assert "git init" in str(refused.value)
    assert "stays saved where it is" in str(refused.value)
    assert path.read_text() == text


def test_a_path_that_leads_outside_the_repository_is_refused(repo: Path, tmp_path: Path) -> None:
    outside = write_session(tmp_path / "elsewhere", closable_session())
    (repo / "sessions").mkdir()
    link = repo / "sessions" / "linked.toml"
    link.symlink_to(outside)

    with pytest.raises(CommitRefused, match="outside the working tree"):
        commit(link)
    assert "linked.toml" in status(repo)  # still untracked: nothing was added


def test_an_ignored_session_file_is_refused(repo: Path) -> None:
    (repo / ".gitignore").write_text("sessions/\n")
    before = head(repo)

    with pytest.raises(CommitRefused, match="ignored by git"):
        commit(write_session(repo, closable_session()))
    assert head(repo) == before


def test_an_unreadable_file_is_an_input_error(repo: Path) -> None:
    path = repo / "sessions" / "broken.toml"
    path.parent.mkdir()
    path.write_text('schema = 2\ntitle = "t\n')

    with pytest.raises(InputError) as error:
        commit(path)
    assert error.value.line == 2


# -- the closing rules -----------------------------------------------------------------------


def test_a_session_that_can_not_close_is_refused_with_its_problems(repo: Path) -> None:
    path = write_session(repo, open_session())

    with pytest.raises(CommitRefused) as refused:
        commit(path)

    message = str(refused.value)
    assert "does not pass the closing rules yet (3 problems)" in message
    assert "'The indexer consumed from the latest offset.' is still open" in message
    assert "whytui commit --allow-open sessions/review.toml" in message
    assert "?? sessions/review.toml" in status(repo)


def test_allow_open_commits_work_in_progress_and_says_so(repo: Path) -> None:
    result = commit(write_session(repo, open_session()), allow_open=True)

    assert result.work_in_progress
    message = git(repo, "log", "-1", "--format=%B")
    assert message.startswith("WIP review: Search results stale after deploy\n\n")
    assert "Work in progress (--allow-open): 3 problems keep this session from closing:" in message
    assert "Status: open" in message


# -- review branches -------------------------------------------------------------------------


def test_branch_commits_on_a_new_review_branch_and_leaves_main_and_the_index(
    repo: Path, other_staged: str
) -> None:
    main = head(repo)

    result = commit(write_session(repo, closable_session()), branch=True)

    branch = "review/checkout-outage-redis-ran-out-of-memory"
    assert (result.branch, result.new_branch) == (branch, True)
    assert git(repo, "branch", "--show-current").strip() == branch
    assert git(repo, "rev-parse", "main").strip() == main
    assert git(repo, "rev-parse", f"{branch}~1").strip() == main
    assert files_in(repo) == ["sessions/review.toml"]
    assert staged(repo) == other_staged
    assert f"git push -u origin {branch}" in result.report()
    assert git(repo, "remote").strip() == ""  # nothing was pushed, nowhere


def test_an_existing_review_branch_is_refused_and_nothing_moves(repo: Path) -> None:
    git(repo, "branch", "review/checkout-outage-redis-ran-out-of-memory")
    before = head(repo)

    with pytest.raises(CommitRefused, match="already exists"):
        commit(write_session(repo, closable_session()), branch=True)
    assert git(repo, "branch", "--show-current").strip() == "main"
    assert head(repo) == before


def test_a_failing_hook_on_a_branch_commit_goes_back_to_where_it_started(
    repo: Path, other_staged: str
) -> None:
    write_hook(repo / ".git" / "hooks", "pre-commit", "echo no >&2\nexit 1\n")

    with pytest.raises(CommitRefused):
        commit(write_session(repo, closable_session()), branch=True)

    assert git(repo, "branch", "--show-current").strip() == "main"
    assert git(repo, "branch", "--list", "review/*").strip() == ""
    assert staged(repo) == other_staged
