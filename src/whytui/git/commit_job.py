"""The app's git: its Close, committed, and what commit holds a closed review.

`whytui.git.commit.commit_session` reduced to what a notice says. Kept apart from the UI, and
called from threads, so GitPython is imported only when git is asked something, never at
start-up.
"""

from pathlib import Path

from whytui.core.config import Config
from whytui.core.errors import InputError


def commit_in_thread(
    path: Path, branch: bool, config: Config, with_config: bool
) -> tuple[str, bool]:
    """(message for a person, whether a commit was made or nothing needed one);
    `with_config`: the app wrote `.whytui.toml`, so it goes into the same commit."""
    from whytui.git.commit import CommitRefused, commit_session

    try:
        result = commit_session(
            path, branch=branch, allow_open=False, config=config, with_config=with_config
        )
    except CommitRefused as refused:
        return str(refused), False
    except InputError as error:
        return f"{error}. Nothing was committed.", False
    return result.report(), True


def holding_commit(path: Path) -> str:
    """The short id of the commit holding `path` unchanged ('' if none): see `commit_holding`."""
    from whytui.git.repository import commit_holding

    return commit_holding(path)
