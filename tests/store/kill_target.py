"""A process that saves one session file over and over until it is killed.

Run by tests/test_kill.py. Each save writes the title `run R version N`, and N is printed
once `save` has returned, so the test knows which versions were complete before its SIGKILL.
"""

import datetime as dt
import sys
from pathlib import Path

from whytui.core import edits
from whytui.core.models import Session
from whytui.store.sessionfile import save


def main(path: Path, run: int) -> None:
    session = Session(title="start", date=dt.date(2026, 11, 27), problem="A problem.")
    print(0, flush=True)
    for number in range(1, 10_000):
        session, _ = edits.add_why(session, "root", f"why number {number} " + "x" * 400)
        session = edits.set_fields(session, title=f"run {run} version {number}")
        save(session, path)
        print(number, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
