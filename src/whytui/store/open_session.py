"""One session file open for editing: the one place from which a session file is changed.

The app and `whytui actions done` edit a session through an `OpenSession`, so every writer
holds the same lock (a second editor of the file gets it read-only), writes through the same
changed-on-disk guard (someone's `git pull` is never written over unasked), saves atomically,
and leaves nothing behind when it closes: what is unsaved is written, both versions kept if
the file changed meanwhile, the lock released. Undo and redo are part of the document, so an
undo is an edit like any other.

Nothing here imports Textual. Editing is for one thread (the app's); `flush`, `keep_both` and
`close` may run on any thread, since sessions are immutable values.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from whytui.core.config import Config
from whytui.core.history import History, Step
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.store import lock
from whytui.store.autosave import Autosaver
from whytui.store.cursor import CursorMemory
from whytui.store.drafts import DraftStore
from whytui.store.ondisk import ChangedOnDisk, DiskChange, SessionFile
from whytui.store.recovery import clean_stale_temps
from whytui.store.repo_config import config_for
from whytui.store.sessionfile import dumps


@dataclass(frozen=True, slots=True)
class Access:
    """Whether this whytui may write the file, and if not, why not."""

    held: lock.SessionLock | None
    """Our lock on the file: None means read-only."""
    holder: lock.Holder | None = None
    """Who else has it open, when that is why it is read-only."""
    error: OSError | None = None
    """Why no lock could be made, when that is why."""

    @property
    def notice(self) -> str:
        """Why read-only, said in a few words ('' when writable)."""
        if self.holder is not None:
            return f"{self.holder.describe()} has it open"
        if self.error is not None:
            return f"no lock file could be made ({self.error.strerror or self.error})"
        return ""


def _take(path: Path) -> Access:
    try:
        taken = lock.acquire(path)
    except OSError as error:
        return Access(None, error=error)
    if isinstance(taken, lock.Held):
        return Access(None, holder=taken.holder)
    return Access(taken)


class OpenSession:
    """A session file, the session it holds as edited so far, and the right to write it."""

    def __init__(
        self,
        path: Path,
        session: Session,
        disk: SessionFile,
        config: Config,
        state_dir: Path | None = None,
    ) -> None:
        """Use `open`; this takes what `open` read, and locks it."""
        self.path = path
        self.session = session
        self.disk = disk
        self.config = config
        self.history: History[Session] = History()
        self._cursor = CursorMemory(state_dir) if state_dir is not None else None
        self.drafts = DraftStore(state_dir, path)
        """Text half typed into this session and not saved yet (in memory without a state
        folder)."""
        self._autosaver = Autosaver(path, save=disk.save)
        self.access = _take(path)
        if not self.read_only:
            clean_stale_temps(path.parent)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        session: Session | None = None,
        config: Config | None = None,
        state_dir: Path | None = None,
    ) -> "OpenSession":
        """Read `path` (`InputError` if it can't be used) and lock it if nobody else has.

        `session`: a session not written yet (a new one) to take instead of reading the file.
        `config`: the repository's config, if already read (else it is found and read).
        `state_dir`: the user's state folder, where the cursor and drafts are kept (the app's;
        a command line edit has neither).
        """
        if session is None:
            disk, session = SessionFile.open(path)
        else:
            disk = SessionFile.watch(path)
        config = config if config is not None else config_for(path.parent)
        return cls(path, session, disk, config, state_dir)

    def __enter__(self) -> "OpenSession":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self.access.held is None

    @property
    def took_over(self) -> lock.Holder | None:
        """The dead holder whose stale lock was taken over on opening, if any."""
        return self.access.held.took_over if self.access.held else None

    @property
    def dirty(self) -> bool:
        """Edits not yet on disk."""
        return self._autosaver.dirty

    def recalled_cursor(self) -> str:
        """The node the facilitator was on when this file was last saved here."""
        return (self._cursor.recall(self.path) if self._cursor else None) or ROOT_ID

    def in_own_layout(self) -> bool:
        """Whether the file on disk is what whytui writes for its session: if not (comments,
        another order), the next save rewrites more than the lines of what changed."""
        return self.disk.holds(dumps(self.session).encode("utf-8"))

    # -- editing (the app's thread) -------------------------------------------------------

    def edit(self, session: Session, label: str) -> bool:
        """Make `session` the current one, undoably; False if nothing changed."""
        if self.read_only or session == self.session:
            return False
        self.history.record(self.session, label)
        self._replace(session)
        return True

    def undo(self) -> str | None:
        """Step back; the label of the edit undone, or None if there was nothing to undo."""
        return self._step(self.history.undo)

    def redo(self) -> str | None:
        return self._step(self.history.redo)

    def _step(self, move: Callable[[Session], Step[Session] | None]) -> str | None:
        if self.read_only:
            return None
        step = move(self.session)
        if step is None:
            return None
        self._replace(step.value)
        return step.label

    def _replace(self, session: Session) -> None:
        self.session = session
        self._autosaver.offer(session)

    # -- the file (any thread) -------------------------------------------------------------

    def flush(self, cursor: str | None = None) -> OSError | None:
        """Write what is unsaved now, and the cursor; the error if that failed.

        A file changed behind whytui is not written over: the error is `ChangedOnDisk`.
        """
        if self.read_only:
            return None
        try:
            self._autosaver.flush()
        except OSError as error:
            return error
        if self._cursor is not None and cursor is not None:
            self._cursor.remember(self.path, cursor)
        return None

    def check(self) -> DiskChange | None:
        """The change to the file since whytui last read or wrote it, if any."""
        return self.disk.check()

    def reload(self, change: DiskChange) -> bool:
        """Take the version on disk (undoably); True if unsaved edits were dropped for it."""
        assert change.session is not None
        unsaved = self.dirty
        with self._autosaver.writes_held():
            self.disk.adopt(change)
            if change.session != self.session:
                self.history.record(self.session, "reload")
                self.session = change.session
            self._autosaver.reloaded(change.session)
        return unsaved

    def follow(self, change: DiskChange) -> bool:
        """Read-only: show what the file holds now; False if it doesn't read as a session."""
        if change.session is None:
            return False
        self.disk.adopt(change)
        self.session = change.session
        return True

    def keep_both(self) -> Path | None:
        """Write this version over the file, a changed one copied aside first; the copy's path
        (None if the file was unchanged or gone). OSError if the copy can't be made: then the
        file is left as it was."""
        with self._autosaver.writes_held():
            session = self.session
            backup = self.disk.keep_both(session)
            self._autosaver.on_disk(session)
        return backup

    # -- handing over between two windows --------------------------------------------------

    def retake(self) -> bool:
        """Read-only: take the file if its holder has let it go; True if now writable."""
        if not self.read_only:
            return False
        access = _take(self.path)
        if access.held is None:
            self.access = access  # the holder, perhaps a new one
            return False
        self.access = access
        change = self.check()  # the last save of the holder, if not followed yet
        if change is not None:
            self.follow(change)
        clean_stale_temps(self.path.parent)
        return True

    def ask_handover(self) -> None:
        """Read-only: ask the holder to hand the file over. OSError if it can't be asked."""
        lock.ask_handover(self.path)

    def hand_over(self, cursor: str | None = None) -> lock.Holder | None:
        """If another window asks for the file: write what is unsaved, let the file go and
        follow it read-only; the one who asked (None if nobody did, or if saving failed:
        then the file is kept, and asked about again next time)."""
        held = self.access.held
        asker = held.handover_asked() if held is not None else None
        if held is None or asker is None:
            return None
        if self.flush(cursor) is not None:
            return None
        held.release()
        self.access = Access(None, holder=asker)
        return asker

    def close(self, cursor: str | None = None) -> str | None:
        """Write what is unsaved, whatever happened on disk, then unlock; a note if both
        versions had to be kept (nobody is left to ask which one wins).

        Safe to call twice, and from a thread of its own on a hang-up.
        """
        note = None
        if not self.read_only and isinstance(self.flush(cursor), ChangedOnDisk):
            try:
                backup = self.keep_both()
            except OSError:
                backup = None  # can't back up theirs: leave the file as it is rather than lose it
            if backup is not None:
                note = (
                    f"{self.path} had changed on disk: your version is written in it, and the "
                    f"one from disk is kept beside it as {backup.name}."
                )
        if self.access.held is not None:
            self.access.held.release()
        return note
