"""Two whytuis started on the same file at the same moment: exactly one of them edits.

Three racer processes wait on their stdin; the test writes the same session path to each back
to back, so their `acquire` calls overlap. Every round exactly one must win and the others
must name the winner, both on a fresh file and on one whose lock a dead process left behind
(where all of them try to take the stale lock over at once).
"""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from whytui.store import lock

RACER = Path(__file__).with_name("lock_racer.py")
RACERS = 3
ROUNDS = 60


@pytest.fixture
def racers() -> Iterator[list[subprocess.Popen[str]]]:
    started = [
        subprocess.Popen(
            [sys.executable, str(RACER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        for _ in range(RACERS)
    ]
    yield started
    for racer in started:
        assert racer.stdin is not None
        racer.stdin.close()
        racer.wait(timeout=30)


def _say(racers: list[subprocess.Popen[str]], line: str) -> list[str]:
    """Send `line` to every racer at once (the starting gate), then read each answer."""
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write(line + "\n")
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.flush()
    answers = []
    for racer in racers:
        assert racer.stdout is not None
        answers.append(racer.stdout.readline().strip())
    return answers


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("stale", [False, True], ids=["fresh", "stale-lock-left"])
def test_racing_openers_exactly_one_wins_every_time(
    racers: list[subprocess.Popen[str]], tmp_path: Path, stale: bool
) -> None:
    pids = {racer.pid for racer in racers}
    dead = _dead_pid()
    for round_number in range(ROUNDS):
        session = tmp_path / f"2026-11-27-race-{round_number:04d}.toml"
        session.write_text("schema = 2\n")
        if stale:
            record = {"pid": dead, "host": lock._this_host(), "token": "00000000deadbeef"}
            lock.lock_path(session).write_text(json.dumps(record))
        answers = _say(racers, str(session))
        winners = [racer.pid for racer, a in zip(racers, answers, strict=True) if a == "won"]
        assert len(winners) == 1, f"round {round_number}: {answers}"
        assert sorted(answers) == [f"held {winners[0]}"] * (RACERS - 1) + ["won"]
        assert json.loads(lock.lock_path(session).read_text())["pid"] in pids
        assert _say(racers, "release") == ["released"] * RACERS
        assert not lock.lock_path(session).exists()
