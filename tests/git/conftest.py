"""The git tests' room: a real repository in a temporary folder, under an isolated home.

The user's global git config (identity, hooks, aliases) must neither help nor break a test,
so HOME and git's config variables point into the temporary folder (`gitrepo.isolate_git`).
"""

from pathlib import Path

import pytest

from gitrepo import git, init_repo, isolate_git, staged


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch, tmp_path / "home")
    return init_repo(tmp_path / "repo")


@pytest.fixture
def nameless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository on a machine where git was never told who the user is."""
    isolate_git(monkeypatch, tmp_path / "home")
    return init_repo(tmp_path / "repo", identity=False)


@pytest.fixture
def other_staged(repo: Path) -> str:
    """Someone's unrelated work in progress: a staged change and a staged new file."""
    (repo / "README.md").write_text("project\n\nstaged edit\n")
    (repo / "notes.txt").write_text("draft\n")
    git(repo, "add", "README.md", "notes.txt")
    return staged(repo)
