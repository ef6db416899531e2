"""Many sessions at once: every session file of one or several repositories.

Looking across reviews (stale action items, recurring causes) only works if one broken file
doesn't hide all the others: a file that can't be read becomes an `InputError` in
`Corpus.unreadable` and the rest load as usual. Loading is the cost that dominates
`whytui actions` and `whytui patterns`, so files are read once each and nothing else is done
per file here.
"""

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from whytui.core.config import Config
from whytui.core.corpus import Corpus, SessionEntry
from whytui.core.errors import InputError
from whytui.store.repo_config import config_for, repository_root
from whytui.store.sessionfile import load


def sessions_folder(start: Path) -> tuple[Path, Config]:
    """The sessions folder of the repository around `start`, and that repository's config.

    Raises `InputError` when `.whytui.toml` is broken: guessing the folder instead could
    silently read the wrong sessions.
    """
    root = repository_root(start)
    config = config_for(root)
    return root / config.sessions, config


def session_files(folder: Path, errors: list[InputError] | None = None) -> list[Path]:
    """Every `*.toml` under `folder`, skipping hidden files and folders (and so temp files).

    A folder that can't be listed is added to `errors`, when given, as an `InputError`.
    """

    def listing_failed(error: OSError) -> None:
        if errors is not None:
            where = error.filename or folder
            errors.append(InputError(where, f"cannot be listed: {error.strerror or error}"))

    found: list[Path] = []
    for top, folders, files in os.walk(folder, onerror=listing_failed):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        base = Path(top)
        found += [base / f for f in sorted(files) if f.endswith(".toml") and f[0] != "."]
    return found


def _outermost(folders: Iterable[Path]) -> list[Path]:
    """The distinct folders, less those inside another one (whose files it lists already)."""
    resolved = sorted({f.resolve() for f in folders})
    kept: list[Path] = []
    for folder in resolved:
        if not any(folder.is_relative_to(outer) for outer in kept):
            kept.append(folder)
    return kept


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of models are built, then freeze
    what was built.

    Each session allocates hundreds of objects and frees none, which sets off full
    collections over an ever larger heap, for nothing, since frozen sessions form no cycles
    to collect. Frozen afterwards (`gc.freeze`), the loaded
    sessions are left out of later collections too, which would otherwise walk all of them
    again each time the report being built allocates enough.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def load_corpus(folders: Iterable[Path]) -> Corpus:
    """Load every session file in `folders`; a folder named twice (or inside another named
    one) is read once."""
    entries: list[SessionEntry] = []
    unreadable: list[InputError] = []
    with _collector_paused():
        for folder in _outermost(folders):
            for path in session_files(folder, unreadable):
                try:
                    entries.append(SessionEntry(path, load(path)))
                except InputError as error:
                    unreadable.append(error)
    entries.sort(key=lambda e: (e.session.date, e.stem, e.path))
    return Corpus(tuple(entries), tuple(unreadable))
