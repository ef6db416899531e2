"""The app's Close, committed: `whytui.git.commit.commit_session` reduced to what a notice says.

Kept apart from the UI so GitPython is imported only when a session is actually committed,
never at start-up.
"""

from pathlib import Path

from whytui.core.config import Config
from whytui.core.errors import InputError


def commit_in_thread(path: Path, branch: bool, config: Config) -> tuple[str, bool]:
    """(message for a person, whether a commit was made or nothing needed one)."""
    from whytui.git.commit import CommitRefused, commit_session

    try:
        result = commit_session(path, branch=branch, allow_open=False, config=config)
    except CommitRefused as refused:
        return str(refused), False
    except InputError as error:
        return f"{error}. Nothing was committed.", False
    return result.report(), True
