"""One editor per session file: the lock, who holds it, and stale locks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from whytui.store import lock
from whytui.store.lock import Held, SessionLock, acquire, lock_path


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "2026-10-16-demo-4f2a.toml"
    path.write_text("schema = 1\n")
    return path


def dead_pid() -> int:
    """The pid of a process that has finished (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def write_lock(session_path: Path, pid: int, host: str) -> None:
    data = {"pid": pid, "host": host, "token": "0123456789abcdef"}
    lock_path(session_path).write_text(json.dumps(data))


def test_the_first_opener_holds_the_lock_and_names_itself(session_path: Path) -> None:
    held = acquire(session_path)
    assert isinstance(held, SessionLock)
    data = json.loads(lock_path(session_path).read_text())
    assert data["pid"] == os.getpid()
    assert data["host"] == lock._this_host()
    assert held.took_over is None


def test_a_second_opener_learns_who_holds_it(session_path: Path) -> None:
    first = acquire(session_path)
    second = acquire(session_path)
    assert isinstance(first, SessionLock)
    assert isinstance(second, Held)
    assert second.holder.pid == os.getpid()
    assert second.holder.describe().startswith(f"whytui (pid {os.getpid()}) of ")
    assert f" on {lock._this_host()}, since " in second.holder.describe()


def test_release_frees_the_file_for_the_next_editor(session_path: Path) -> None:
    first = acquire(session_path)
    assert isinstance(first, SessionLock)
    first.release()
    assert not lock_path(session_path).exists()
    assert isinstance(acquire(session_path), SessionLock)


def test_release_never_removes_someone_elses_lock(session_path: Path) -> None:
    first = acquire(session_path)
    assert isinstance(first, SessionLock)
    write_lock(session_path, os.getpid(), "another-host")
    first.release()
    assert json.loads(lock_path(session_path).read_text())["host"] == "another-host"


def test_a_lock_left_by_a_dead_process_is_taken_over(session_path: Path) -> None:
    pid = dead_pid()
    write_lock(session_path, pid, lock._this_host())
    taken = acquire(session_path)
    assert isinstance(taken, SessionLock)
    assert taken.took_over is not None and taken.took_over.pid == pid
    assert json.loads(lock_path(session_path).read_text())["pid"] == os.getpid()
    lock_file = lock_path(session_path)
    beside = [p for p in lock_file.parent.iterdir() if p.name.startswith(lock_file.name)]
    assert beside == [lock_file], "no debris"


def test_a_garbled_lock_file_is_taken_over(session_path: Path) -> None:
    lock_path(session_path).write_text("not json")
    assert isinstance(acquire(session_path), SessionLock)


def test_a_lock_from_another_host_is_respected(session_path: Path) -> None:
    write_lock(session_path, dead_pid(), "build-box-7")
    held = acquire(session_path)
    assert isinstance(held, Held)
    assert held.holder.host == "build-box-7"


def test_a_live_process_on_this_host_keeps_its_lock(session_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        try:
            write_lock(session_path, other.pid, lock._this_host())
            held = acquire(session_path)
            assert isinstance(held, Held) and held.holder.pid == other.pid
        finally:
            other.kill()


def test_the_lock_stays_out_of_the_sessions_folder(session_path: Path) -> None:
    """A lock beside the session would show in `git status` and could be committed."""
    held = acquire(session_path)
    assert isinstance(held, SessionLock)
    assert list(session_path.parent.iterdir()) == [session_path]
    assert json.loads(held.path.read_text())["session"] == str(session_path.resolve())
    held.release()
    assert list(session_path.parent.iterdir()) == [session_path]


def test_every_path_to_the_same_file_shares_one_lock(
    session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = session_path.parent / "link"
    link.symlink_to(session_path.parent, target_is_directory=True)
    monkeypatch.chdir(session_path.parent)
    first = acquire(session_path)
    assert isinstance(first, SessionLock)
    for other in (Path(session_path.name), link / session_path.name):
        assert isinstance(acquire(other), Held)
    assert lock_path(session_path.with_name("other.toml")) != lock_path(session_path)
