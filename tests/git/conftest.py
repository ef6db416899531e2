"""The git tests' room: a real repository in a temporary folder, under an isolated home.

The user's global git config (identity, hooks, aliases) must neither help nor break a test,
so HOME and git's config variables point into the temporary folder (`gitrepo.isolate_git`).
"""

from pathlib import Path

import pytest

from gitrepo import init_repo, isolate_git


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch, tmp_path / "home")
    return init_repo(tmp_path / "repo")
