"""`whytui commit` as a person meets it: what it prints, and its exit codes (0, 1, 2)."""

import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import (
    closable_session,
    files_in,
    git,
    head,
    init_repo,
    isolate_git,
    open_session,
    write_session,
)
from whytui.commands.cli import main
from whytui.core import edits


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch, tmp_path / "home")
    repo = init_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    return repo


def whytui(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["commit", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_commit_prints_the_commit_id_and_subject(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_session(repo, closable_session())

    code, out, err = whytui(capsys, "sessions/review.toml")

    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        f"Committed sessions/review.toml on main: {head(repo)}",
        "  Review: Checkout outage: Redis ran out of memory (INC-2291)",
    ]


def test_extra_message_is_added_as_a_paragraph(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_session(repo, closable_session())

    code, _, _ = whytui(capsys, "sessions/review.toml", "-m", "Reviewed with the payments team.")

    assert code == 0
    assert (
        git(repo, "log", "-1", "--format=%B")
        .rstrip()
        .endswith("\n\nReviewed with the payments team.")
    )


def test_nothing_to_commit_says_so_and_exits_0(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_session(repo, closable_session())
    whytui(capsys, "sessions/review.toml")
    before = head(repo)

    code, out, _ = whytui(capsys, "sessions/review.toml")

    assert code == 0
    assert out.startswith("Nothing to commit: sessions/review.toml is unchanged")
    assert head(repo) == before


def test_a_refusal_goes_to_stderr_and_exits_1(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_session(repo, open_session())

    code, out, err = whytui(capsys, "sessions/review.toml")

    assert (code, out) == (1, "")
    assert "does not pass the closing rules yet" in err
    assert "Nothing was committed" in err


def test_allow_open_exits_0_and_marks_the_commit_as_work_in_progress(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_session(repo, open_session())

    code, out, _ = whytui(capsys, "--allow-open", "sessions/review.toml")

    assert code == 0
    assert "  WIP review: Search results stale after deploy" in out
    assert "work in progress" in out


def test_an_unreadable_file_exits_2_naming_file_and_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "sessions").mkdir()
    (repo / "sessions" / "broken.toml").write_text('schema = 2\ntitle = "t\n')

    code, out, err = whytui(capsys, "sessions/broken.toml")

    assert (code, out) == (2, "")
    assert err.startswith("sessions/broken.toml:2: invalid TOML")
    assert "Nothing was committed." in err


def test_a_missing_file_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = whytui(capsys, "sessions/nope.toml")

    assert code == 2
    assert "sessions/nope.toml: no such file" in err


def test_branch_prints_the_branch_and_how_to_open_a_pull_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "remote", "add", "upstream", str(repo.parent / "nowhere.git"))
    write_session(repo, closable_session())

    code, out, _ = whytui(capsys, "--branch", "sessions/review.toml")

    branch = "review/checkout-outage-redis-ran-out-of-memory"
    assert code == 0
    assert f"on new branch {branch}: {head(repo)}" in out
    assert f"Next: git push -u upstream {branch}, and open a pull request" in out
    assert git(repo, "branch", "--show-current").strip() == branch
    assert git(repo, "for-each-ref", "refs/remotes").strip() == ""  # never pushed


def test_not_a_repository_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    path = write_session(tmp_path / "plain", closable_session())

    code, _, err = whytui(capsys, str(path))

    assert code == 1
    assert "not inside a git repository" in err


def test_the_command_line_commits_without_loading_textual(repo: Path) -> None:
    """`whytui commit` is a scriptable command: it must not pay for the app's UI toolkit."""
    write_session(repo, closable_session())
    script = (
        "import sys\n"
        "from whytui.commands.cli import main\n"
        "code = main(['commit', 'sessions/review.toml'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, check=True
    )

    assert done.stdout.splitlines()[-1] == "0 []"
    assert files_in(repo) == ["sessions/review.toml"]


def _passing_only_with_a_system_name(repo: Path) -> Path:
    """A closed review whose root cause names a system the judge reads as a person (Greg),
    with `system_names = ["Greg"]` in `.whytui.toml`, not committed yet."""
    session = closable_session()
    cause = next(n for n in session.nodes if n.is_root_cause)
    session = edits.edit_text(
        session, cause.id, "Greg restarts the consumers whenever the disk fills."
    )
    (repo / ".whytui.toml").write_text('system_names = ["Greg"]\n', encoding="utf-8")
    return write_session(repo, session)


def test_a_session_passing_only_with_an_uncommitted_config_is_refused_without_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _passing_only_with_a_system_name(repo)
    before = head(repo)
    code, _, err = whytui(capsys, str(path))
    assert code == 1
    assert "passes the closing rules only with the change to .whytui.toml" in err
    assert "whytui commit --with-config" in err
    assert head(repo) == before, "nothing was committed"


def test_with_config_commits_the_session_and_the_config_in_one_commit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _passing_only_with_a_system_name(repo)
    code, out, _ = whytui(capsys, "--with-config", str(path))
    assert code == 0
    assert sorted(files_in(repo)) == [".whytui.toml", "sessions/review.toml"]
    assert "Committed sessions/review.toml and .whytui.toml" in out
    assert "With: .whytui.toml (changed during the review)" in git(repo, "log", "-1", "--format=%B")
