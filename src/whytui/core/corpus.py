"""Many sessions at once, as values: each session with the file it came from.

Loading them is the store's work (`whytui.store.corpus.load_corpus`); what is derived from
them (follow-up, patterns) works on these values alone.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePath

from whytui.core.errors import InputError
from whytui.core.models import Session


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """A session and the file it came from."""

    path: PurePath
    session: Session
    stem: str = field(init=False)
    """The file name without `.toml`: how people refer to a session."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "stem", self.path.stem)


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
