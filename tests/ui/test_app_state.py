"""What the app keeps beside the session: autosave's writes, the remembered cursor."""

import threading
from pathlib import Path

import pytest
from whyapp_kit import demo_session

from whytui.core import edits
from whytui.core.models import Session
from whytui.store.autosave import Autosaver
from whytui.store.cursor import KEEP, CursorMemory


def test_a_burst_of_edits_is_one_write_of_the_newest() -> None:
    writes: list[Session] = []
    saver = Autosaver(Path("x.toml"), save=lambda session, path: writes.append(session))
    session = demo_session()
    for text in ("one", "two", "three"):
        session = edits.edit_text(session, "root", text)
        saver.offer(session)
    assert saver.flush() is session
    assert saver.flush() is None
    assert writes == [session]


def test_a_failed_write_stays_pending_for_the_next_flush(tmp_path: Path) -> None:
    attempts: list[Session] = []

    def flaky(session: Session, path: Path) -> None:
        attempts.append(session)
        if len(attempts) == 1:
            raise OSError(28, "No space left on device")

    saver = Autosaver(tmp_path / "s.toml", save=flaky)
    saver.offer(demo_session())
    with pytest.raises(OSError):
        saver.flush()
    assert saver.dirty
    assert saver.flush() == demo_session()
    assert not saver.dirty


def test_flushes_from_two_threads_never_write_at_once(tmp_path: Path) -> None:
    inside = threading.Semaphore(1)
    overlaps: list[bool] = []

    def slow(session: Session, path: Path) -> None:
        overlaps.append(not inside.acquire(blocking=False))
        threading.Event().wait(0.01)
        inside.release()

    saver = Autosaver(tmp_path / "s.toml", save=slow)
    session = demo_session()
    threads = []
    for text in ("a", "b", "c", "d"):
        session = edits.edit_text(session, "root", text)
        saver.offer(session)
        thread = threading.Thread(target=saver.flush)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    assert overlaps and not any(overlaps)
    assert not saver.dirty


def test_the_folder_is_created_for_a_new_session(tmp_path: Path) -> None:
    path = tmp_path / "repo" / "sessions" / "new.toml"
    saver = Autosaver(path)
    saver.offer(demo_session())
    saver.flush()
    assert path.exists()


def test_the_cursor_is_remembered_per_file_by_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = CursorMemory(tmp_path / "state")
    monkeypatch.chdir(tmp_path)
    memory.remember(Path("a.toml"), "w-aaaaaaaaaaaa")
    memory.remember(tmp_path / "b.toml", "w-bbbbbbbbbbbb")
    again = CursorMemory(tmp_path / "state")
    assert again.recall(tmp_path / "a.toml") == "w-aaaaaaaaaaaa"
    assert again.recall(Path("b.toml")) == "w-bbbbbbbbbbbb"
    assert again.recall(tmp_path / "c.toml") is None


def test_only_the_most_recent_files_are_remembered(tmp_path: Path) -> None:
    memory = CursorMemory(tmp_path)
    for number in range(KEEP + 5):
        memory.remember(tmp_path / f"{number}.toml", "root")
    memory.remember(tmp_path / "0.toml", "w-again0000000")
    assert memory.recall(tmp_path / "1.toml") is None
    assert memory.recall(tmp_path / "0.toml") == "w-again0000000"
    assert memory.recall(tmp_path / f"{KEEP + 4}.toml") == "root"


def test_a_broken_state_file_forgets_quietly(tmp_path: Path) -> None:
    (tmp_path / "cursor.json").write_text("{not json")
    memory = CursorMemory(tmp_path)
    assert memory.recall(tmp_path / "a.toml") is None
    memory.remember(tmp_path / "a.toml", "root")
    assert memory.recall(tmp_path / "a.toml") == "root"
