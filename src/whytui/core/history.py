"""Undo and redo over whole values: each edit keeps the value as it was before, and its name.

Sessions are frozen values, so a step back is just the previous value: no inverse operations
to get wrong, and undoing a reload brings back exactly what was on screen. The undo stack is
bounded (the oldest steps fall off first); a new edit clears the redo stack. Shaped after
Textual's `document/_history.py`, for values instead of text edits.
"""

from collections import deque
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

UNDO_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Step(Generic[T]):
    """A value as it was before an edit, and what that edit was called."""

    value: T
    label: str


class History(Generic[T]):
    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._undo: deque[Step[T]] = deque(maxlen=limit)
        self._redo: list[Step[T]] = []

    def record(self, before: T, label: str) -> None:
        """An edit named `label` replaced `before`."""
        self._undo.append(Step(before, label))
        self._redo.clear()

    def undo(self, current: T) -> Step[T] | None:
        """The step to go back to (None if there is none); `current` becomes redoable."""
        return self._move(self._undo, self._redo, current)

    def redo(self, current: T) -> Step[T] | None:
        """The step undone last (None if there is none); `current` becomes undoable."""
        return self._move(self._redo, self._undo, current)

    @staticmethod
    def _move(source: "deque[Step[T]] | list[Step[T]]", target: "deque[Step[T]] | list[Step[T]]",
              current: T) -> Step[T] | None:  # fmt: skip
        if not source:
            return None
        step = source.pop()
        target.append(Step(current, step.label))
        return step
