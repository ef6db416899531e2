"""One editor per session file: a lock file naming who holds it.

Two facilitators editing the same file would each autosave over the other. The first whytui
to open a file creates its lock file (create-if-absent: exactly one wins), holding its pid and
host; a second one reads that and opens the file read-only, saying who has it. A lock left by
a process that died on this host is recognised (its pid no longer runs) and taken over; one
from another host can't be checked, so it is respected and named.

Lock files live in the user's runtime folder (cleared at reboot, when every holder is gone
anyway), named by a hash of the session's real path, not beside the session: there they would
show up in the user's `git status` and could be committed with the review.
"""

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import secrets
import socket
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from whytui.store.recovery import process_alive

LOCK_SUFFIX = ".whytui-lock"


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a lock (or asks for it), as its file says."""

    pid: int
    host: str
    token: str
    user: str = ""
    since: str = ""
    """When it took the lock (or asked), as ISO local time to the minute."""

    def describe(self) -> str:
        """'whytui (pid 4242) of ada on build-7, since 14:02': who to ask, and since when."""
        who = f"whytui (pid {self.pid})" + (f" of {self.user}" if self.user else "")
        when = f", since {self.since[11:16]}" if len(self.since) >= 16 else ""
        return f"{who} on {self.host}{when}"


def _me() -> Holder:
    """This process, as a lock file or a hand-over request names it."""
    return Holder(
        os.getpid(),
        _this_host(),
        secrets.token_hex(8),
        _user(),
        dt.datetime.now().isoformat(timespec="minutes"),
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return ""


def lock_folder() -> Path:
    """The per-user folder for lock files: the runtime folder, else the state folder.

    platformdirs warns when it has to fall back from XDG_RUNTIME_DIR, and raises where no
    private runtime folder can be had; neither is the facilitator's concern.
    """
    from platformdirs import user_runtime_path, user_state_path

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            folder = user_runtime_path("whytui") / "locks"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            folder = user_state_path("whytui") / "locks"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def lock_path(session_path: Path) -> Path:
    """The lock file of `session_path`: the same for every path that names the same file."""
    real = os.path.realpath(session_path)
    digest = hashlib.sha256(os.fsencode(real)).hexdigest()[:32]
    return lock_folder() / f"{digest}{LOCK_SUFFIX}"


def _this_host() -> str:
    return socket.gethostname()


def _read_holder(path: Path) -> Holder | None:
    """The holder a lock file names; None if the file is gone or unreadable garbage."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data["token"]),
            str(data.get("user", "")),
            str(data.get("since", "")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Holder(pid=0, host="?", token="")


def _is_running(pid: int) -> bool:
    if sys.platform == "win32":  # signal 0 there is CTRL_C_EVENT, not a probe: can't tell
        return True
    return process_alive(pid)


def _is_stale(holder: Holder) -> bool:
    """A lock whose process is known to be gone: same host, pid not running, or garbage."""
    if holder.host == "?":
        return True
    return holder.host == _this_host() and not _is_running(holder.pid)


class SessionLock:
    """A held lock; `release` removes the lock file if it is still ours."""

    def __init__(self, path: Path, holder: Holder, took_over: Holder | None) -> None:
        self.path = path
        """The lock file (in `lock_folder`), not the session."""
        self.holder = holder
        self.took_over = took_over
        """The dead holder whose stale lock was taken over, if any."""

    def release(self) -> None:
        current = _read_holder(self.path)
        if current is not None and current.token == self.holder.token:
            self.path.unlink(missing_ok=True)
            _request_path(self.path).unlink(missing_ok=True)

    def handover_asked(self) -> Holder | None:
        """Who asks for this file (another whytui on it), if anyone does."""
        return _read_holder(_request_path(self.path))


@dataclass(frozen=True, slots=True)
class Held:
    """The lock is someone else's: open read-only and say who has it."""

    path: Path
    holder: Holder


def _create(path: Path, session_path: Path) -> Holder | None:
    """Create the lock file if none exists; our holder on success, None if it exists.

    The content is written to a private file first and hard-linked into place, which fails if
    the lock exists (like O_EXCL) and never shows anyone a half-written lock. It names the
    session too, for a person looking into the lock folder.
    """
    holder = _me()
    draft = path.with_name(f"{path.name}.{holder.token}.new")
    draft.write_text(_holder_json(holder, session_path), encoding="utf-8")
    try:
        os.link(draft, path)
    except FileExistsError:
        return None
    finally:
        draft.unlink(missing_ok=True)
    return holder


def _holder_json(holder: Holder, session_path: Path) -> str:
    data = {
        "pid": holder.pid,
        "host": holder.host,
        "token": holder.token,
        "user": holder.user,
        "since": holder.since,
        "session": os.fsdecode(os.path.realpath(session_path)),
    }
    return json.dumps(data) + "\n"


def _request_path(lock: Path) -> Path:
    return lock.with_name(lock.name + ".handover")


def ask_handover(session_path: Path) -> None:
    """Ask the whytui that holds `session_path` to hand it over (it looks each second).
    OSError if the request can't be written."""
    request = _request_path(lock_path(session_path))
    temp = request.with_name(f"{request.name}.{secrets.token_hex(4)}.new")
    temp.write_text(_holder_json(_me(), session_path), encoding="utf-8")
    temp.replace(request)


def _remove_if_unchanged(path: Path, stale: Holder) -> bool:
    """Remove a stale lock, unless someone replaced it since we read it.

    The file is first renamed aside (atomic: of two processes taking over, one gets it) and
    checked; a live lock renamed by mistake is linked back.
    """
    aside = path.with_name(f"{path.name}.{secrets.token_hex(4)}.stale")
    try:
        path.rename(aside)
    except FileNotFoundError:
        return True
    found = _read_holder(aside)
    if found is not None and found.token != stale.token:
        with contextlib.suppress(FileExistsError):
            os.link(aside, path)
        aside.unlink(missing_ok=True)
        return False
    aside.unlink(missing_ok=True)
    return True


def acquire(session_path: Path) -> SessionLock | Held:
    """Take the lock for `session_path`, or say who holds it.

    OSError if the lock folder can't be made or written.
    """
    path = lock_path(session_path)
    took_over: Holder | None = None
    for _ in range(3):
        holder = _create(path, session_path)
        if holder is not None:
            return SessionLock(path, holder, took_over)
        current = _read_holder(path)
        if current is None:
            continue  # released between our two looks: try again
        if not _is_stale(current):
            return Held(path, current)
        if _remove_if_unchanged(path, current):
            took_over = current
    final = _read_holder(path)
    return Held(path, final or Holder(0, "?", ""))
