"""Clean-up after a crash: temp files an interrupted save left beside a session file.

`sessionfile.save` writes `.NAME.PID.RANDOM.whytui-tmp` and renames it over NAME. A process
killed between the two leaves the temp behind; the session file itself is intact (old or new).
The next whytui to start in that folder removes temps whose writer is gone, and only those: a
temp of a live process is a save in progress.
"""

import os
import re
from pathlib import Path

from whytui.store.sessionfile import TEMP_SUFFIX

_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[0-9a-f]+" + re.escape(TEMP_SUFFIX) + r"$")


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files of dead writers in `folder`; return what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = _TEMP_NAME.match(entry.name)
        if not found or process_alive(int(found.group(1))):
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed
