"""`whytui demo` tidies up after itself: week-old scratch copies go, open or recent ones stay."""

import os
import time
from pathlib import Path

from whytui.commands.app import DEMO_KEEP_DAYS, demo_copy
from whytui.store import lock


def _age(folder: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(folder, (then, then))


def test_old_demo_copies_are_removed_and_recent_or_open_ones_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old, recent, old_open = (demo_copy(cache).parent for _ in range(3))
    held = lock.acquire(old_open / next(p.name for p in old_open.glob("*.toml")))
    assert isinstance(held, lock.SessionLock)
    try:
        for folder in (old, old_open):
            _age(folder, DEMO_KEEP_DAYS + 1)
        _age(recent, DEMO_KEEP_DAYS - 1)

        fresh = demo_copy(cache).parent

        assert not old.exists()
        assert recent.is_dir() and old_open.is_dir() and fresh.is_dir()
    finally:
        held.release()
