"""Where a repository's sessions live, for the commands that default to "this repository".

`whytui lint`, `whytui actions` and `whytui patterns` all start from the current folder and
must agree on which folder that means: the top of the git repository (the folder holding
`.git`, a directory in a clone, a file in a worktree), and under it `Config.sessions`.
"""

from pathlib import Path

from whytui.config import Config, config_for


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git`; None outside a repository."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def sessions_folder(start: Path) -> tuple[Path, Config]:
    """The repository's sessions folder and its config (raises `InputError` if that is broken).

    Outside a repository, `start` itself stands in for the root.
    """
    root = repository_root(start) or start.resolve()
    config = config_for(root)
    return root / config.sessions, config
