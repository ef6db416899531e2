"""A save killed at any moment leaves the previous version or the new one, never a mix.

The target process saves in a loop and prints each version once its save returned; we
SIGKILL it after a random number of completed saves, so the kill lands at a different point
of the next save each time (writing the temp, fsync, rename). The file on disk must parse and
be the last completed version or the one being written; the temp files left behind are
removed by the next start's clean-up.
"""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from whytui.store.recovery import clean_stale_temps
from whytui.store.sessionfile import TEMP_SUFFIX, load

TARGET = Path(__file__).with_name("kill_target.py")


def _run_and_kill(path: Path, run: int, completed_before_kill: int) -> int:
    """Start the saver, kill it after that many completed saves; return the last completed."""
    process = subprocess.Popen(
        [sys.executable, str(TARGET), str(path), str(run)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    last = -1
    for line in process.stdout:
        last = int(line)
        if last >= completed_before_kill:
            process.send_signal(signal.SIGKILL)
            break
    rest, _ = process.communicate()
    numbers = [int(n) for n in rest.split()]
    return numbers[-1] if numbers else last


def test_sigkill_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    path = tmp_path / "session.toml"
    previous_title: str | None = None
    total_saves = 0
    for run in range(24):
        completed = _run_and_kill(path, run, rng.randint(1, 16))
        total_saves += completed + 1
        title = load(path).title  # parses: never half a file
        allowed = {f"run {run} version {completed}", f"run {run} version {completed + 1}"}
        if completed == 0 and previous_title is not None:
            allowed.add(previous_title)
        assert title in allowed, f"run {run}: found {title!r}, expected one of {allowed}"
        previous_title = title
    assert total_saves >= 200

    clean_stale_temps(tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert path.exists()


def test_clean_up_spares_the_temp_of_a_live_writer(tmp_path: Path) -> None:
    live = tmp_path / f".s.toml.{os.getpid()}.abcd{TEMP_SUFFIX}"
    dead = tmp_path / f".s.toml.999999999.abcd{TEMP_SUFFIX}"
    unrelated = tmp_path / ".s.toml.notes"
    for file in (live, dead, unrelated):
        file.write_text("x")
    assert clean_stale_temps(tmp_path) == [dead]
    assert live.exists() and unrelated.exists() and not dead.exists()
