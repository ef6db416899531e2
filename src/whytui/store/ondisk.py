"""The session file as whytui left it, and whether someone changed it since.

A `git pull` or an editor may rewrite the file while the app has it open, and the next
autosave would write over their change without anyone knowing. So `SessionFile` remembers
what whytui last read or wrote there (the bytes' digest, and the file's stat for a cheap first
look), refuses a save when the file is no longer that (`ChangedOnDisk`), and lets the app
settle it either way: `adopt` the version on disk, or `keep_both`, which copies the version on
disk to a backup beside it before writing whytui's own. Nothing here imports Textual; every
method may be called from any thread.
"""

import datetime as dt
import errno
import hashlib
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from whytui.core.errors import InputError
from whytui.core.models import Session
from whytui.store import sessionfile
from whytui.store.tomlfile import MAX_FILE_BYTES, decode

BACKUP_MARK = ".theirs-"
"""`.NAME.theirs-YYYYMMDD-HHMMSS`: no `.toml` ending, so lint and the session list skip it."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What `stat` says of a file: equal stamps mean the file was not touched."""

    inode: int
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The file at one moment: its stamp and bytes, or neither if there was no file."""

    stamp: Stamp | None
    data: bytes | None
    too_big: bool = False

    @property
    def digest(self) -> bytes | None:
        return None if self.data is None else _digest(self.data)


@dataclass(frozen=True, slots=True)
class DiskChange:
    """The file is not what whytui last read or wrote: gone, unreadable, or someone's edit."""

    path: Path
    snapshot: Snapshot
    session: Session | None
    """The version on disk, if it reads as a session."""
    error: InputError | None
    """Why it does not, if it does not (and the file is there)."""

    @property
    def gone(self) -> bool:
        return self.snapshot.stamp is None

    def describe(self) -> str:
        if self.gone:
            return f"{self.path.name} was deleted or moved away"
        if self.error is not None:
            where = f"line {self.error.line}: " if self.error.line else ""
            return (
                f"{self.path.name} was changed and no longer reads as a session "
                f"({where}{self.error.problem})"
            )
        return f"{self.path.name} was changed by something other than this whytui"


class ChangedOnDisk(OSError):
    """A save refused because the file changed behind whytui; nothing was written."""

    def __init__(self, change: DiskChange) -> None:
        super().__init__(errno.EBUSY, f"{change.describe()} (nothing was written over it)")
        self.change = change

    def __str__(self) -> str:
        return str(self.strerror)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _stamp(result: os.stat_result) -> Stamp:
    return Stamp(result.st_ino, result.st_size, result.st_mtime_ns)


def stamp_of(path: Path) -> Stamp | None:
    try:
        return _stamp(path.stat())
    except FileNotFoundError:
        return None


def snapshot(path: Path) -> Snapshot:
    """The file's stamp and bytes, read through one open file so the two agree."""
    try:
        with path.open("rb") as handle:
            stamp = _stamp(os.fstat(handle.fileno()))
            if stamp.size > MAX_FILE_BYTES:
                return Snapshot(stamp, None, too_big=True)
            return Snapshot(stamp, handle.read())
    except FileNotFoundError:
        return Snapshot(None, None)


def _parse(path: Path, seen: Snapshot) -> tuple[Session | None, InputError | None]:
    if seen.stamp is None:
        return None, None
    try:
        if seen.data is None:
            raise InputError(
                path, f"file is {seen.stamp.size:,} bytes; whytui reads at most {MAX_FILE_BYTES:,}"
            )
        return sessionfile.loads(decode(seen.data, path), path), None
    except InputError as error:
        return None, error


class SessionFile:
    """One session file and what whytui knows to be in it."""

    def __init__(self, path: Path, known: Snapshot) -> None:
        self.path = path
        self._known_stamp = known.stamp
        self._known_digest = known.digest
        """None: whytui knows of no file there (a new session not written yet)."""
        self._last_change: DiskChange | None = None
        self._guard = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> "tuple[SessionFile, Session]":
        """Read the session at `path`; `InputError` if it can't be used."""
        try:
            seen = snapshot(path)
        except IsADirectoryError:
            raise InputError(path, "is a directory, not a file") from None
        except OSError as failure:
            raise InputError(path, f"cannot be read: {failure.strerror or failure}") from None
        if seen.stamp is None:
            raise InputError(path, "no such file")
        session, error = _parse(path, seen)
        if error is not None:
            raise error
        assert session is not None
        return cls(path, seen), session

    @classmethod
    def watch(cls, path: Path) -> "SessionFile":
        """Take whatever is at `path` now (perhaps nothing yet) as what whytui knows."""
        return cls(path, snapshot(path))

    # -- looking --------------------------------------------------------------------------

    def check(self) -> DiskChange | None:
        """The change since whytui last read or wrote the file, or None if there is none.

        A stat is all it costs while the file is untouched; a touched file is read and its
        bytes compared, and a changed one parsed once (asked again, the same answer is kept).
        """
        with self._guard:
            return self._check()

    def _check(self) -> DiskChange | None:
        stamp = stamp_of(self.path)
        if stamp == self._known_stamp:
            return None
        last = self._last_change
        if last is not None and stamp == last.snapshot.stamp:
            return last
        try:
            seen = snapshot(self.path)
        except OSError as failure:
            unreadable = InputError(self.path, f"cannot be read: {failure.strerror or failure}")
            self._last_change = DiskChange(self.path, Snapshot(stamp, None), None, unreadable)
            return self._last_change
        if seen.digest == self._known_digest and not seen.too_big:
            self._known_stamp = seen.stamp  # touched, not changed: the same bytes (or none)
            self._last_change = None
            return None
        session, error = _parse(self.path, seen)
        self._last_change = DiskChange(self.path, seen, session, error)
        return self._last_change

    def holds(self, data: bytes) -> bool:
        """Whether `data` is what whytui last read or wrote there."""
        return _digest(data) == self._known_digest

    # -- writing and settling -------------------------------------------------------------

    def save(self, session: Session, path: Path | None = None) -> None:
        """Write `session` unless the file changed since whytui last read or wrote it.

        `path` is accepted for `Autosaver`'s sake and must be this file's.
        """
        assert path is None or path == self.path
        with self._guard:
            change = self._check()
            if change is not None:
                raise ChangedOnDisk(change)
            self._write(session)

    def _write(self, session: Session) -> None:
        data = sessionfile.save(session, self.path)
        self._known_stamp = stamp_of(self.path)
        self._known_digest = _digest(data)
        self._last_change = None

    def adopt(self, change: DiskChange) -> None:
        """The version on disk is now whytui's too (it was reloaded from there)."""
        with self._guard:
            self._known_stamp = change.snapshot.stamp
            self._known_digest = change.snapshot.digest
            self._last_change = None

    def keep_both(self, session: Session) -> Path | None:
        """Write `session` over the file, first copying a changed file to a backup beside it.

        Returns the backup's path (None if the file on disk was unchanged or gone). If the
        backup can't be written, the OSError propagates and the file is left as it was.
        """
        with self._guard:
            change = self._check()
            backup = None
            if change is not None and not change.gone:
                backup = self._backup()
            self._write(session)
            return backup

    def _backup(self) -> Path:
        """Copy the file as it is now to `.NAME.theirs-TIME` (never over an existing file)."""
        seen = snapshot(self.path)
        data = seen.data if seen.data is not None else self.path.read_bytes()
        when = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f".{self.path.name}{BACKUP_MARK}{when}")
        if backup.exists():
            backup = backup.with_name(f"{backup.name}-{secrets.token_hex(2)}")
        fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return backup
