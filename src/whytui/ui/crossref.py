"""The other sessions of the repository, for the app's hints: read once, off the UI thread.

Hints about earlier sessions (a similar root cause, services with the same kinds of cause,
overdue items) need every session file of the repository, which can take a second or two to
read with thousands of them. Workers call `sessions_near` from a thread; the first call reads
the folder and later calls share the result, so typing never waits for it.
"""

import threading
from pathlib import Path

from whytui.core.corpus import Corpus
from whytui.core.errors import InputError
from whytui.store.corpus import load_corpus, sessions_folder

_lock = threading.Lock()
_read: dict[Path, Corpus] = {}


def folder_near(path: Path) -> Path:
    """The repository's sessions folder if `path` lies in it, else the folder holding `path`
    (a session opened from elsewhere, or the demo's scratch copy)."""
    here = path.resolve().parent
    try:
        folder, _ = sessions_folder(here)
    except InputError:
        return here
    folder = folder.resolve()
    return folder if here.is_relative_to(folder) else here


def sessions_near(path: Path) -> Corpus:
    """Every session in `folder_near(path)`, read on first use. Blocks: call it in a worker.

    Empty for a session not saved yet: until it is a file among the others it belongs to no
    repository to look across (and whatever folder its path names may be unrelated).
    """
    if not path.is_file():
        return Corpus(())
    folder = folder_near(path)
    with _lock:
        if folder not in _read:
            _read[folder] = load_corpus([folder]) if folder.is_dir() else Corpus(())
        return _read[folder]
