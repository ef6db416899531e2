"""What every command prints goes through here: inert, encodable, paths as people give them.

Session text and file names come from other people's pull requests. Printed, they can't move
the cursor or recolour the terminal (control characters become `\\xNN`), and a character the
stream's encoding can't hold is escaped rather than crashing the command.
"""

import sys
from pathlib import Path, PurePath
from typing import TextIO

from whytui.core.text import escaped


def write(stream: TextIO, text: str) -> None:
    """Print `text` and a newline, its control characters (but newlines) made inert."""
    encoding = stream.encoding or "utf-8"
    stream.write(escaped(text).encode(encoding, "backslashreplace").decode(encoding) + "\n")


def warn(text: str) -> None:
    """`whytui: text` on stderr."""
    write(sys.stderr, f"whytui: {text}")


def shown(path: PurePath) -> str:
    """Paths under the current folder relative to it, as editors and CI logs want.

    Absolute paths are taken as they are (the corpus's are resolved already, as is the
    current folder): resolving here would cost a dozen system calls a path, thousands of times.
    """
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            pass
    return str(path)
