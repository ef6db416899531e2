"""Half-typed text survives the way out: ctrl+q, a hang-up, SIGTERM, a kill.

whytui runs on a pty; a why is half typed in the editor (or an action item in its form), and
the app goes: quit twice (the first ctrl+q asks), SIGHUP, SIGTERM or SIGKILL. Opened again,
it offers the text back, word for word, and enter puts it where it was being typed.
"""

import signal
from pathlib import Path

import pytest
from pty_terminal import Terminal
from whyapp_kit import PODS, demo_session

from whytui.store import sessionfile
from whytui.store.drafts import DraftStore

HALF_WHY = "The pool limit was copied from the staging values and"
HALF_ACTION = "Alert when payments pool use stays above 90% for"


def _drafts(state: Path, path: Path) -> DraftStore:
    return DraftStore(state / "whytui", path)


def _start(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "sessions" / "2026-10-16-payments-api-timeouts-demo.toml"
    path.parent.mkdir()
    sessionfile.save(demo_session(), path)
    return path, tmp_path / "state"


def _leave(terminal: Terminal, how: str) -> None:
    """Make whytui go, the way `how` says; returns once it has."""
    if how == "ctrl+q":
        shown = terminal.mark()
        terminal.type("\x11")
        terminal.wait_for("Press ctrl+q again to quit", since=shown)
        terminal.type("\x11")
    else:
        terminal.process.send_signal(getattr(signal, how))
    terminal.wait_for_exit()


@pytest.mark.parametrize("how", ["ctrl+q", "SIGHUP", "SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("kind", ["why", "action"])
def test_half_typed_text_is_offered_back_word_for_word(tmp_path: Path, how: str, kind: str) -> None:
    path, state = _start(tmp_path)
    words = HALF_WHY if kind == "why" else HALF_ACTION
    terminal = Terminal(["open", str(path)], state)
    try:
        terminal.wait_for("Problem")
        terminal.type("\x1b[Ba" + words if kind == "why" else "Aa" + words)
        terminal.wait_until(
            lambda: (
                (draft := _drafts(state, path).get(kind)) is not None
                and words in draft.fields.values()
            ),
            "the draft on disk",
        )
        _leave(terminal, how)
    finally:
        terminal.close()
    assert sessionfile.load(path) == demo_session(), "nothing half typed went into the session"

    again = Terminal(["open", str(path)], state)
    try:
        again.wait_for("Text you had not saved")
        again.wait_for(" ".join(words.split()[:3]))  # the dialog wraps the rest
        shown = again.mark()
        again.type("\r")  # put it back
        if kind == "why":
            again.wait_for("Why? under", since=shown)
            again.type(" so it was too low.\r")
            again.wait_until(
                lambda: any(
                    n.text == words + " so it was too low." and n.parent == PODS
                    for n in sessionfile.load(path).nodes
                ),
                "the why saved",
            )
        else:
            again.wait_for("Restored what you had typed", since=shown)
            again.type(" 5 minutes\x0f")  # ctrl+o saves the item
            again.wait_until(
                lambda: words + " 5 minutes" in [a.text for a in sessionfile.load(path).actions],
                "the action item saved",
            )
        assert _drafts(state, path).get(kind) is None, "saved, so no draft is left"
    finally:
        again.close()
