"""A process that races for session locks on command, for tests/test_lock_race.py.

It reads one session path a line from stdin and answers at once with `won` or `held PID`,
keeping what it won until the line `release`, which it answers with `released`. The test
writes the same path to every racer back to back, so they call `acquire` at the same moment:
the pipe is the starting gate.
"""

import sys
from pathlib import Path

from whytui.store.lock import SessionLock, acquire


def main() -> None:
    held: list[SessionLock] = []
    for line in sys.stdin:
        command = line.rstrip("\n")
        if command == "release":
            for taken in held:
                taken.release()
            held.clear()
            print("released", flush=True)
            continue
        result = acquire(Path(command))
        if isinstance(result, SessionLock):
            held.append(result)
            print("won", flush=True)
        else:
            print(f"held {result.holder.pid}", flush=True)


if __name__ == "__main__":
    main()
