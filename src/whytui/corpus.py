"""Many sessions at once: every session file of one or several repositories.

Looking across reviews (stale action items, recurring causes) only works if one broken file
doesn't hide all the others: a file that can't be read becomes an `InputError` in
`Corpus.unreadable` and the rest load as usual. Loading is the cost that dominates
`whytui actions` and `whytui patterns`, so files are read once each and nothing else is done
per file here.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whytui.models import Session
from whytui.sessionfile import load
from whytui.tomlfile import InputError


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """A session and the file it came from."""

    path: Path
    session: Session

    @property
    def stem(self) -> str:
        """The file name without `.toml`: how people refer to a session."""
        return self.path.stem


@dataclass(frozen=True, eq=False)
class Corpus:
    """Sessions in date order (then file name), and the files that could not be read.

    Compared by identity, so that analyses can cache what they derive from one corpus.
    """

    entries: tuple[SessionEntry, ...]
    unreadable: tuple[InputError, ...] = ()

    def since(self, first_day: dt.date) -> "Corpus":
        """The sessions dated on or after `first_day` (unreadable files stay reported)."""
        kept = tuple(e for e in self.entries if e.session.date >= first_day)
        return Corpus(kept, self.unreadable)


def session_files(folder: Path) -> list[Path]:
    """Every `*.toml` under `folder`, skipping hidden files and folders (and temp files)."""
    found = (
        path
        for path in folder.rglob("*.toml")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    return sorted(found)


def load_corpus(folders: Iterable[Path]) -> Corpus:
    """Load every session file in `folders`; a folder named twice is read once."""
    entries: list[SessionEntry] = []
    unreadable: list[InputError] = []
    seen: set[Path] = set()
    for folder in folders:
        for path in session_files(folder):
            key = path.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                entries.append(SessionEntry(path, load(path)))
            except InputError as error:
                unreadable.append(error)
    entries.sort(key=lambda e: (e.session.date, e.stem, str(e.path)))
    return Corpus(tuple(entries), tuple(unreadable))
