"""Input that can't be used, said the way compilers and linters say it: `file:line: problem`.

A value like any other: the store raises it for files it can't read, the rules and the app
show it; it names a path without ever touching it.
"""

from pathlib import PurePath


class InputError(Exception):
    """A file that can't be used, said as `file:line: problem`."""

    def __init__(self, path: PurePath | str, problem: str, line: int | None = None) -> None:
        self.path = PurePath(path)
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.problem}"
