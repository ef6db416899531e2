"""What `whytui actions` and `whytui patterns` share: `--repo`, loading, and saying what failed.

Both read every session of one or more repositories, and both must keep going past a file
that can't be read: each such file is named on stderr as `file:line: problem` and counts
towards exit status 2, while everything readable is still reported.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from whytui.corpus import Corpus

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
    from whytui.corpus import load_corpus, sessions_folder
    from whytui.tomlfile import InputError

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


def warn(text: str) -> None:
    write(sys.stderr, f"whytui: {text}")


def write(stream: TextIO, text: str) -> None:
    """Print even what the stream's encoding can't hold, with control characters inert."""
    encoding = stream.encoding or "utf-8"
    safe = inert(text)
    stream.write(safe.encode(encoding, "backslashreplace").decode(encoding) + "\n")


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x0A}


def inert(text: str) -> str:
    """Control characters other than newline shown as `\\xNN`: session text (from someone's
    pull request) can't move the cursor or recolour the terminal it is printed to."""
    return text.translate(_CONTROLS)


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join(text.split())


def shown(path: Path) -> str:
    """Paths under the current folder relative to it, as editors and CI logs want.

    The corpus's paths are absolute and resolved already, as is the current folder: no
    resolving here, which would cost a dozen system calls a path, thousands of times.
    """
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
