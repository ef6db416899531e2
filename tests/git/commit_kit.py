"""Short calls the commit tests share: commit a session, read the author, write a hook."""

from pathlib import Path

from gitrepo import git
from whytui.core.config import Config
from whytui.git.commit import CommitResult, commit_session

CONFIG = Config()


def commit(path: Path, *, branch: bool = False, allow_open: bool = False) -> CommitResult:
    return commit_session(path, branch=branch, allow_open=allow_open, config=CONFIG)


def author(repo: Path) -> str:
    return git(repo, "log", "-1", "--format=%an <%ae>").strip()


def write_hook(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    hook = folder / name
    hook.write_text("#!/bin/sh\n" + body)
    hook.chmod(0o755)
    return hook
