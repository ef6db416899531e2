"""What `whytui actions` and `whytui patterns` share: `--repo`, loading, and saying what failed.

Both read every session of one or more repositories, and both must keep going past a file
that can't be read: each such file is named on stderr as `file:line: problem` and counts
towards exit status 2, while everything readable is still reported.
"""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from whytui.commands.output import shown, warn

if TYPE_CHECKING:
    from whytui.core.corpus import Corpus

UNREADABLE_EXIT = 2
"""Exit status when some input could not be read (as `whytui lint`)."""

REPO_HELP = (
    "a repository (or any folder in it) whose sessions to read; repeat for several "
    "(default: the repository around the current folder)"
)


def add_repo_argument(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--repo",
        action="append",
        type=Path,
        metavar="PATH",
        default=default,
        help=REPO_HELP,
    )


def load_sessions(repos: list[Path] | None) -> tuple["Corpus", int]:
    """The sessions of `repos` (or of the current repository), and how many inputs failed.

    Failures (a broken `.whytui.toml`, a missing sessions folder, an unreadable session file)
    are written to stderr as they are found.
    """
    from whytui.core.errors import InputError
    from whytui.store.corpus import load_corpus, sessions_folder

    folders: list[Path] = []
    failures = 0
    for repo in repos or [Path.cwd()]:
        try:
            folder, config = sessions_folder(repo)
        except InputError as error:
            failures += 1
            warn(f"{shown(error.path)}:{error.line or 1}: {error.problem}")
            continue
        if not folder.is_dir():
            failures += 1
            warn(
                f'{shown(folder)}: no sessions folder here (sessions = "{config.sessions}" '
                "in .whytui.toml, or the default 'sessions'); pass --repo to read another "
                "repository"
            )
            continue
        folders.append(folder)
    corpus = load_corpus(folders)
    for unreadable in corpus.unreadable:
        where = shown(unreadable.path) + (f":{unreadable.line}" if unreadable.line else "")
        warn(f"{where}: {unreadable.problem} (skipped; the other sessions are still read)")
    return corpus, failures + len(corpus.unreadable)
