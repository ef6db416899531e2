"""A session file changed behind the app (a `git pull`, an editor) is never silently overwritten.

The app remembers what it last read or wrote; a save finds the file changed and writes
nothing, and the facilitator chooses: reload the version on disk, or keep theirs with the one
on disk copied beside it. A file that no longer parses is kept as it is until they choose.
The app's checks are started here by calling `check_disk` (the app's timer calls it each
second), never by waiting for the timer.
"""

import os
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from whyapp_kit import (
    OPEN_STRUCTURAL,
    ROOT_CAUSE,
    SIZE,
    demo_session,
    open_app,
    screen_text,
    select,
    write,
)

from whytui.core import edits
from whytui.store import sessionfile
from whytui.store.ondisk import BACKUP_MARK, ChangedOnDisk, SessionFile
from whytui.ui.app import WhyApp
from whytui.ui.screens.disk_changed import DiskChangedScreen

THEIR_WHY = "The alert threshold was set above the pool's limit."


def their_edit(path: Path) -> bytes:
    """What a colleague's commit, pulled in, does to the file: a why added under a leaf."""
    theirs, _ = edits.add_why(sessionfile.load(path), OPEN_STRUCTURAL, THEIR_WHY)
    sessionfile.save(theirs, path)
    return path.read_bytes()


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}{BACKUP_MARK}*"))


def notices(app: WhyApp) -> list[str]:
    return [n.message for n in app._notifications]


# -- the file, without the app ------------------------------------------------------------------


def test_an_untouched_or_merely_touched_file_is_no_change(demo_path: Path) -> None:
    disk, _ = SessionFile.open(demo_path)
    assert disk.check() is None
    stat = demo_path.stat()
    os.utime(demo_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert disk.check() is None


def test_a_save_over_someone_elses_change_writes_nothing(demo_path: Path) -> None:
    disk, session = SessionFile.open(demo_path)
    theirs = their_edit(demo_path)
    change = disk.check()
    assert change is not None and change.session is not None
    assert THEIR_WHY in [n.text for n in change.session.nodes]
    mine = edits.reopen(session, ROOT_CAUSE)
    with pytest.raises(ChangedOnDisk) as refused:
        disk.save(mine)
    assert "was changed by something other than this whytui" in str(refused.value)
    assert demo_path.read_bytes() == theirs


def test_keep_both_copies_theirs_aside_then_writes_mine(demo_path: Path) -> None:
    disk, session = SessionFile.open(demo_path)
    theirs = their_edit(demo_path)
    mine = edits.reopen(session, ROOT_CAUSE)
    backup = disk.keep_both(mine)
    assert backup is not None and backups(demo_path) == [backup]
    assert backup.read_bytes() == theirs
    assert sessionfile.load(demo_path) == mine
    assert disk.check() is None
    disk.save(edits.edit_text(mine, ROOT_CAUSE, "Pool sizes add up past max_connections."))


def test_a_deleted_file_is_a_change_and_keeping_writes_it_back(demo_path: Path) -> None:
    disk, session = SessionFile.open(demo_path)
    demo_path.unlink()
    change = disk.check()
    assert change is not None and change.gone and change.session is None
    assert disk.keep_both(session) is None
    assert sessionfile.load(demo_path) == session


# -- in the app ---------------------------------------------------------------------------------


async def edit_then_their_change(app: WhyApp, pilot: Pilot[Any]) -> bytes:
    """Reopen the root cause in the app (unsaved yet), then change the file behind it."""
    await select(pilot, app, ROOT_CAUSE)
    await pilot.press("o")
    await pilot.pause()
    return their_edit(app.path)


async def test_reload_shows_their_version_and_says_the_edit_was_dropped(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        theirs = await edit_then_their_change(app, pilot)
        await app.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedScreen)
        shown = screen_text(app)
        assert "was changed by something other than this whytui" in shown
        assert "You have changes here that are not in the file." in shown
        assert "Saving is paused until you choose." in shown
        error = await app.flush_autosave()
        assert isinstance(error, ChangedOnDisk), "saving is paused while the question is open"
        assert demo_path.read_bytes() == theirs

        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, DiskChangedScreen)
        assert THEIR_WHY in [n.text for n in app.session.nodes]
        assert app.session.node(ROOT_CAUSE).category == "capacity-limit", "the edit is dropped"
        assert "Your unsaved changes were dropped" in notices(app)[-1]
        assert await app.flush_autosave() is None
        assert demo_path.read_bytes() == theirs, "reloading writes nothing"
        assert backups(demo_path) == []

        await pilot.press("u")
        await pilot.pause()
        assert app.session.node(ROOT_CAUSE).category is None, "u brings the edit back"


async def test_keep_writes_mine_and_keeps_theirs_beside_it(demo_path: Path, tmp_path: Path) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        theirs = await edit_then_their_change(app, pilot)
        await app.check_disk()
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, DiskChangedScreen)
        [backup] = backups(demo_path)
        assert backup.read_bytes() == theirs
        assert sessionfile.load(demo_path) == app.session
        assert app.session.node(ROOT_CAUSE).category is None
        assert backup.name in notices(app)[-1]
        await app.check_disk()
        await pilot.pause()
        assert not isinstance(app.screen, DiskChangedScreen), "settled: no second question"


async def test_a_file_that_no_longer_parses_is_kept_until_the_facilitator_decides(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await edit_then_their_change(app, pilot)
        conflicted = demo_path.read_text().replace("[[node]]", "<<<<<<< HEAD\n[[node]]", 1)
        demo_path.write_text(conflicted)
        await app.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedScreen)
        shown = screen_text(app)
        assert "no longer reads as a session" in shown
        line = conflicted.splitlines().index("<<<<<<< HEAD") + 1
        assert f"(line {line}: invalid TOML" in shown, "the problem is named with its line"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedScreen), "nothing to reload"
        assert isinstance(await app.flush_autosave(), ChangedOnDisk)
        assert demo_path.read_text() == conflicted
        assert app.session.node(ROOT_CAUSE).category is None, "the app's version is kept"

        theirs = their_edit_after_fix(demo_path)
        await app.check_disk()
        await pilot.pause()
        assert "no longer reads" not in screen_text(app), "the question follows the file"
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, DiskChangedScreen)
        assert demo_path.read_bytes() == theirs


def their_edit_after_fix(path: Path) -> bytes:
    """They resolve the conflict: the file is the demo with their why again."""
    write(path.parent, demo_session(), path.name)
    return their_edit(path)


async def test_quitting_twice_with_the_question_open_keeps_both(
    demo_path: Path, tmp_path: Path
) -> None:
    app = open_app(demo_path, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        theirs = await edit_then_their_change(app, pilot)
        mine = app.session
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, DiskChangedScreen), "a refused save asks the question"
        assert "ctrl+q again to quit keeping both" in notices(app)[-1]
        await pilot.press("ctrl+q")
        await pilot.pause()
    [backup] = backups(demo_path)
    assert backup.read_bytes() == theirs
    assert sessionfile.load(demo_path) == mine
    assert backup.name in app.exit_notes[0]


async def test_a_read_only_window_follows_the_file(demo_path: Path, tmp_path: Path) -> None:
    first = open_app(demo_path, tmp_path / "state")
    async with first.run_test(size=SIZE):
        second = open_app(demo_path, tmp_path / "state")
        async with second.run_test(size=SIZE) as pilot:
            assert second.read_only
            their_edit(demo_path)
            await second.check_disk()
            await pilot.pause()
            assert not isinstance(second.screen, DiskChangedScreen)
            assert THEIR_WHY in [n.text for n in second.session.nodes]
            assert THEIR_WHY in screen_text(second)


def test_the_question_at_80x24(snap_compare: Any, demo_path: Path, tmp_path: Path) -> None:
    async def changed_behind(pilot: Pilot[Any]) -> None:
        assert isinstance(pilot.app, WhyApp)
        await edit_then_their_change(pilot.app, pilot)
        await pilot.app.check_disk()
        await pilot.pause()

    app = open_app(demo_path, tmp_path / "state")
    assert snap_compare(app, terminal_size=SIZE, run_before=changed_behind)
